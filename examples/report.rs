//! Measures the engine on a folder of notices: build time, sizes, exactness against a brute-force
//! scan, and search latency percentiles over random substrings of the text.
//!
//! ```text
//! cargo run --release --example report -- DIR [--queries N] [--seed S] [--slowest N] [--gram-min N]
//! ```
//! Queries are random substrings of 1–8 characters (no white space) of the cleaned notices.
//! Each is timed as `search(query, limit 10)` with snippets, after one warm-up pass: the
//! median of three runs, so that one preemption on a shared machine does not count as the
//! query's time (the percentiles are over queries, each query's own time measured robustly). Pinyin
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
    data_sizes(&notices, &config, &bytes);

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
        let Some((d, run)) = cjk_run(&texts, &mut rng) else { continue };
        let syllables: Option<Vec<String>> = run.iter().map(|&c| readings::readings(c).into_iter().next()).collect();
        let Some(syllables) = syllables else { continue };
        let q = syllables.concat();
        found += usize::from(finds(&engine, &q, run, &notices[d].id, |_| true));
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
    let timed = time_queries(&engine, &initials);
    report("pinyin initials  ", &timed);
    for (ms, q) in timed.iter().rev().take(slowest) {
        let r = engine.search(q, SearchOptions::page(10, 0));
        println!("  {ms:.4} ms  {q:?}  ({} notices)", r.total);
    }

    // Traditional text typed in simplified characters: random runs of 2-6 CJK characters with at
    // least one that folds to another character, queried in their folded (simplified) form.
    let (mut runs, mut found) = (0usize, 0usize);
    for _ in 0..nqueries * 20 {
        if runs == nqueries / 5 {
            break;
        }
        let Some((d, run)) = cjk_run(&texts, &mut rng) else { continue };
        if run.iter().all(|&c| folder.fold(c) == c) {
            continue;
        }
        runs += 1;
        let q: String = run.iter().map(|&c| folder.fold(c)).collect();
        found += usize::from(finds(&engine, &q, run, &notices[d].id, |path| path == MatchPath::Text));
    }
    println!("simplified recall {found} of {runs} runs with traditional or variant characters found by their simplified form");

    // Hostile queries: each timed 5 times (each time the median of 3 runs), the slowest reported.
    let sample: String = notices.iter().take(200).map(|n| n.text.as_str()).collect();
    for (name, q) in hostile::long_queries(&sample) {
        let runs = vec![q; 5];
        let timed = time_queries(&engine, &runs);
        let r = engine.search(&runs[0], SearchOptions::page(10, 0));
        println!("hostile query     {:.3} ms max  {name} ({} chars, {} notices, {} warnings)",
            timed.last().map_or(0.0, |t| t.0), runs[0].chars().count(), r.total, r.warnings.len());
    }
}

/// A random run of 2-6 CJK characters of one of the texts, with the text's number; `None`
/// (try again) when the pick is too short or holds anything else.
fn cjk_run<'t>(texts: &'t [Vec<char>], rng: &mut Rng) -> Option<(usize, &'t [char])> {
    let d = rng.below(texts.len());
    let t = texts.get(d)?;
    let len = 2 + rng.below(5);
    let start = rng.below((t.len() + 1).checked_sub(len)?);
    let run = t.get(start..start + len)?;
    run.iter().all(|&c| notice_search::normalize::is_cjk(c)).then_some((d, run))
}

/// Whether `query` finds notice `id` by a path `ok` accepts; misses are listed when the
/// environment has `REPORT_MISSES`.
fn finds(engine: &Engine, query: &str, run: &[char], id: &str, ok: impl Fn(MatchPath) -> bool) -> bool {
    let found = engine.matching(query).iter().any(|m| m.0 == id && ok(m.1));
    if !found && std::env::var_os("REPORT_MISSES").is_some() {
        println!("  not found: {query:?} for {:?} in {id}", run.iter().collect::<String>());
    }
    found
}

/// What the variant and pinyin data add to the index: the same index built without them
/// (NFKC and case folding only, no readings), both gzipped -9 as the `.wasm` is served.
fn data_sizes(notices: &[notice_search::Notice], config: &Config, full: &[u8]) {
    let bare_folder = Folder::new(fold_table::fold_pairs_without_variants());
    let bare = Config { folder: &bare_folder, readings: &|_| Vec::new(), ..*config };
    let no_pinyin = Config { readings: &|_| Vec::new(), ..*config };
    let Ok((bare, _)) = build(notices, &bare) else { return };
    let Ok((no_pinyin, _)) = build(notices, &no_pinyin) else { return };
    let (full_gz, bare_gz, no_pinyin_gz) = (gz(full), gz(&bare), gz(&no_pinyin));
    println!("variant+pinyin    +{} bytes gzipped ({} with, {} without; pinyin alone +{}): +{:.1}% of the gzipped index",
        full_gz - bare_gz, full_gz, bare_gz, full_gz - no_pinyin_gz, (full_gz - bare_gz) as f64 / full_gz as f64 * 100.0);
}

fn gz(bytes: &[u8]) -> usize {
    use std::io::Write;
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = e.write_all(bytes);
    e.finish().map(|v| v.len()).unwrap_or(0)
}

/// Each query's time as `search(query, limit 10)` (median of 3) after a warm-up pass, sorted by time.
fn time_queries<'q>(engine: &Engine, queries: &'q [String]) -> Vec<(f64, &'q String)> {
    let opts = SearchOptions::page(10, 0);
    for q in queries {
        std::hint::black_box(engine.search(q, opts.clone()));
    }
    let mut timed: Vec<(f64, &String)> = queries
        .iter()
        .map(|q| {
            let mut runs = [0f64; 3];
            for r in runs.iter_mut() {
                let t = Instant::now();
                std::hint::black_box(engine.search(q, opts.clone()));
                *r = t.elapsed().as_secs_f64() * 1e3;
            }
            runs.sort_by(f64::total_cmp);
            (runs[1], q)
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
