//! Measures the engine on a folder of notices: build time, sizes, exactness against a brute-force
//! scan, and search latency percentiles over random substrings of the text.
//!
//! ```text
//! cargo run --release --example report -- DIR [--queries N] [--seed S] [--slowest N] [--gram-min N]
//! ```
//! Queries are random substrings of 1–8 characters (no white space) of the cleaned notices.
//! Each is timed as `search(query, limit 10)` with snippets, after one warm-up pass. Pinyin
//! queries are runs of 2–6 CJK characters typed as their toneless pinyin, and as initials.

#[path = "../build/fold_table.rs"]
mod fold_table;
#[path = "../build/readings.rs"]
mod readings;
#[path = "../build/synonyms.rs"]
mod synonyms;

#[allow(dead_code)]
#[path = "../build/notice_files/mod.rs"]
mod notice_files;
#[path = "../benches/hostile/mod.rs"]
mod hostile;

use notice_search::{
    build, clean_corpus, Config, Engine, Folder, MatchPath, RawNotice, SearchOptions, DEFAULT_GRAM_MIN_OCCURRENCES,
};
use std::path::PathBuf;
use std::time::Instant;

/// xorshift64*: a tiny deterministic generator, enough for picking queries.
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as usize % n.max(1)
    }
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 * p / 100.0).ceil() as usize).clamp(1, sorted.len().max(1)) - 1;
    sorted.get(i).copied().unwrap_or(0.0)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = PathBuf::from(args.first().map(String::as_str).unwrap_or("notices"));
    let flag = |name: &str, default: usize| {
        args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).and_then(|v| v.parse().ok()).unwrap_or(default)
    };
    let nqueries = flag("--queries", 10_000);
    let mut rng = Rng(flag("--seed", 42) as u64 | 1);

    let t = Instant::now();
    let corpus = match notice_files::read_notices(&dir, &notice_files::Limits::default()) {
        Ok(c) => c,
        Err(problems) => {
            eprintln!("{problems}");
            std::process::exit(1);
        }
    };
    let t_read = t.elapsed();
    let raw: Vec<RawNotice> = corpus
        .notices
        .iter()
        .map(|n| RawNotice { id: n.id.clone(), path: n.path.display().to_string(), text: n.text.clone() })
        .collect();
    let raw_bytes: usize = raw.iter().map(|r| r.text.len()).sum();

    let t = Instant::now();
    let folder = Folder::new(fold_table::fold_pairs());
    let t_fold = t.elapsed();
    let t = Instant::now();
    let notices = clean_corpus(&raw);
    let t_clean = t.elapsed();
    let t = Instant::now();
    let synonym_groups = synonyms::parse(synonyms::BUILT_IN).expect("data/synonyms.txt parses");
    let config = Config {
        readings: &readings::readings,
        synonyms: &synonym_groups,
        gram_min_occurrences: flag("--gram-min", DEFAULT_GRAM_MIN_OCCURRENCES as usize) as u32,
        ..Config::new(&folder)
    };
    let (bytes, stats) = build(&notices, &config).expect("index builds");
    let t_build = t.elapsed();
    let t = Instant::now();
    let engine = Engine::new(&bytes).expect("index loads");
    let t_load = t.elapsed();
    let es = engine.stats();

    println!("corpus            {} ({} notices, {} bytes UTF-8, read in {:.2} s)", dir.display(), raw.len(), raw_bytes, t_read.as_secs_f64());
    println!("index generation  {:.2} s (fold table {:.2} s, cleaning {:.2} s, index {:.2} s)",
        (t_fold + t_clean + t_build).as_secs_f64(), t_fold.as_secs_f64(), t_clean.as_secs_f64(), t_build.as_secs_f64());
    println!("index             {} bytes ({} chars, {} symbols, {} n-gram lists with {} posting bytes)",
        stats.index_bytes, stats.chars, stats.symbols, stats.grams, stats.posting_bytes);
    println!("load              {:.1} ms (decode + suffix arrays of {} bytes)", t_load.as_secs_f64() * 1e3, es.suffix_array_bytes);
    println!("memory estimate   {:.2}x raw text (index bytes + suffix arrays)",
        (es.index_bytes + es.suffix_array_bytes) as f64 / raw_bytes as f64);

    // Random substring queries.
    let texts: Vec<Vec<char>> = notices.iter().map(|n| n.text.chars().collect()).collect();
    let mut queries: Vec<String> = Vec::with_capacity(nqueries);
    let mut candidates = 0usize;
    while queries.len() < nqueries && texts.iter().any(|t| !t.is_empty()) {
        let t = &texts[rng.below(texts.len())];
        if t.is_empty() {
            continue;
        }
        let len = 1 + rng.below(8);
        let start = rng.below(t.len());
        let q: String = t[start..(start + len).min(t.len())].iter().collect();
        if !q.chars().any(char::is_whitespace) {
            candidates += 1;
            // Only strings the query syntax reads as one literal term (not `-x`, `a|b`, `"x`).
            let parsed = engine.parse(&q);
            let literal = parsed.excluded.is_empty()
                && !parsed.has_filters()
                && matches!(parsed.groups.as_slice(), [g] if g.terms.len() == 1 && !g.terms[0].quoted && g.terms[0].text == engine.fold(&q));
            if literal {
                queries.push(q);
            }
        }
    }

    println!("queries           {} random substrings ({} others skipped: the query syntax reads them as more than one literal term)",
        queries.len(), candidates - queries.len());

    // Exactness against a brute-force scan of the folded texts.
    let folded: Vec<String> = notices.iter().map(|n| n.text.chars().map(|c| folder.fold(c)).collect()).collect();
    let ids: Vec<&str> = notices.iter().map(|n| n.id.as_str()).collect();
    let (mut tp, mut fp, mut fneg) = (0usize, 0usize, 0usize);
    let checked = queries.len().min(2000);
    for q in &queries[..checked] {
        let fq: String = q.chars().map(|c| folder.fold(c)).collect();
        let mut want: Vec<&str> = folded.iter().zip(&ids).filter(|(t, _)| t.contains(&fq)).map(|(_, id)| *id).collect();
        // Direct matches; pinyin matches of Latin letters come on top, after them.
        let mut got: Vec<&str> =
            engine.matching(q).into_iter().filter(|m| m.1 == MatchPath::Text).map(|m| m.0).collect();
        want.sort_unstable();
        got.sort_unstable();
        let hit = got.iter().filter(|g| want.binary_search(g).is_ok()).count();
        tp += hit;
        fp += got.len() - hit;
        fneg += want.len() - hit;
    }
    let recall = tp as f64 / (tp + fneg).max(1) as f64;
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    println!("exactness         recall {recall:.4}, precision {precision:.4} over {checked} queries ({tp} matching notices)");

    // Latency.
    let timed = time_queries(&engine, &queries);
    report("search top 10    ", &timed);
    let slowest = flag("--slowest", 0);
    for (ms, q) in timed.iter().rev().take(slowest) {
        let r = engine.search(q, SearchOptions::page(10, 0));
        println!("  {ms:.4} ms  {q:?}  ({} notices)", r.total);
    }

    // Pinyin: random runs of 2-6 CJK characters, typed as full toneless pinyin (first reading
    // of each character) and as initials.
    let mut full: Vec<String> = Vec::new();
    let mut initials: Vec<String> = Vec::new();
    let mut found = 0usize;
    while full.len() < nqueries / 5 {
        let d = rng.below(texts.len());
        let t = &texts[d];
        let len = 2 + rng.below(5);
        if t.len() < len {
            continue;
        }
        let start = rng.below(t.len() - len + 1);
        let run = &t[start..start + len];
        let syllables: Option<Vec<String>> = run.iter().map(|&c| readings::readings(c).into_iter().next()).collect();
        let Some(syllables) = syllables.filter(|_| run.iter().all(|&c| notice_search::normalize::is_cjk(c))) else {
            continue;
        };
        let q = syllables.concat();
        if engine.matching(&q).iter().any(|m| m.0 == notices[d].id) {
            found += 1;
        } else if std::env::var_os("REPORT_MISSES").is_some() {
            println!("  not found: {q:?} for {:?} in {}", run.iter().collect::<String>(), notices[d].id);
        }
        initials.push(syllables.iter().filter_map(|s| s.get(..1)).collect());
        full.push(q);
    }
    println!("pinyin recall     {found} of {} runs found by their full pinyin", full.len());
    let timed = time_queries(&engine, &full);
    report("pinyin full      ", &timed);
    for (ms, q) in timed.iter().rev().take(slowest) {
        let r = engine.search(q, SearchOptions::page(10, 0));
        println!("  {ms:.4} ms  {q:?}  ({} notices, {} readings)", r.total, engine.parse(q).groups.len());
    }
    report("pinyin initials  ", &time_queries(&engine, &initials));

    // Hostile queries: each timed 5 times after a warm-up, the slowest run reported.
    let sample: String = notices.iter().take(200).map(|n| n.text.as_str()).collect();
    for (name, q) in hostile::long_queries(&sample) {
        let runs = vec![q; 5];
        let timed = time_queries(&engine, &runs);
        let r = engine.search(&runs[0], SearchOptions::page(10, 0));
        println!("hostile query     {:.3} ms max  {name} ({} chars, {} notices, {} warnings)",
            timed.last().map_or(0.0, |t| t.0), runs[0].chars().count(), r.total, r.warnings.len());
    }
}

/// Each query timed once as `search(query, limit 10)` after a warm-up pass, sorted by time.
fn time_queries<'q>(engine: &Engine, queries: &'q [String]) -> Vec<(f64, &'q String)> {
    let opts = SearchOptions::page(10, 0);
    for q in queries {
        std::hint::black_box(engine.search(q, opts.clone()));
    }
    let mut timed: Vec<(f64, &String)> = queries
        .iter()
        .map(|q| {
            let t = Instant::now();
            std::hint::black_box(engine.search(q, opts.clone()));
            (t.elapsed().as_secs_f64() * 1e3, q)
        })
        .collect();
    timed.sort_by(|a, b| a.0.total_cmp(&b.0));
    timed
}

fn report(label: &str, timed: &[(f64, &String)]) {
    let times: Vec<f64> = timed.iter().map(|t| t.0).collect();
    println!(
        "{label} p50 {:.4} ms, p95 {:.4} ms, p99 {:.4} ms, max {:.4} ms over {} queries",
        percentile(&times, 50.0),
        percentile(&times, 95.0),
        percentile(&times, 99.0),
        times.last().copied().unwrap_or(0.0),
        times.len()
    );
}
