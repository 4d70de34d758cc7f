//! What the cleaner removes from a folder of notices, and the metadata it derives.
//!
//! ```text
//! cargo run --release --example clean_report -- DIR [--show N] [--rule NAME] [--skip N] [--take N] [--doc ID]...
//! ```
//! - per rule: how many notices it touched, how many pieces and characters it removed;
//!   characters are counted without white space, and every removed character must be accounted
//!   for by a rule (the `unaccounted` line is 0 when the trace is complete);
//! - `--show N` samples of removed text per rule (default 5), each with its notice id;
//!   `--rule NAME` shows only that rule's samples;
//! - titles, sources and dates: how many are empty, the title length distribution, samples;
//! - `--skip N --take N` clean only a slice of the files (cross-document rules behave
//!   differently on small corpora); `--doc ID` prints that cleaned notice in full (repeatable).
//!
//! This is how to check on clean text (e.g. a newspaper corpus) that nothing real is lost.

#[allow(dead_code)]
#[path = "../build/notice_files/mod.rs"]
mod notice_files;

use notice_search::clean::{clean_corpus_traced, Removal, Rule, TitleFrom};
use notice_search::{Notice, RawNotice};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

/// Characters that are not white space (white space is layout, not text).
fn chars(s: &str) -> usize {
    s.chars().filter(|c| !c.is_whitespace()).count()
}

/// `s` on one line, at most `max` characters.
fn one_line(s: &str, max: usize) -> String {
    let flat: String = s.chars().map(|c| if c == '\n' { '⏎' } else { c }).collect();
    let n = flat.chars().count();
    if n <= max {
        flat
    } else {
        let head: String = flat.chars().take(max).collect();
        format!("{head}…(+{} chars)", n - max)
    }
}

/// `n` items spread evenly over `items`.
fn spread<T>(items: &[T], n: usize) -> impl Iterator<Item = &T> {
    let len = items.len();
    let n = n.min(len);
    (0..n).map(move |k| &items[k * len / n.max(1)])
}

struct Args {
    dir: PathBuf,
    show: usize,
    rule: Option<String>,
    skip: usize,
    take: Option<usize>,
    docs: Vec<String>,
}

fn args() -> Result<Args, String> {
    let mut a = Args { dir: PathBuf::from("notices"), show: 5, rule: None, skip: 0, take: None, docs: Vec::new() };
    let mut it = std::env::args().skip(1);
    let mut dir = None;
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--show" => a.show = value("--show")?.parse().map_err(|e| format!("--show: {e}"))?,
            "--take" => a.take = Some(value("--take")?.parse().map_err(|e| format!("--take: {e}"))?),
            "--skip" => a.skip = value("--skip")?.parse().map_err(|e| format!("--skip: {e}"))?,
            "--rule" => a.rule = Some(value("--rule")?),
            "--doc" => a.docs.push(value("--doc")?),
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            s => dir = Some(PathBuf::from(s)),
        }
    }
    if let Some(d) = dir {
        a.dir = d;
    }
    if let Some(r) = &a.rule {
        if !Rule::ALL.iter().any(|x| x.name() == r) {
            let names: Vec<&str> = Rule::ALL.iter().map(|x| x.name()).collect();
            return Err(format!("unknown rule {r}; rules: {}", names.join(", ")));
        }
    }
    Ok(a)
}

fn main() {
    let a = match args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("error: {e}\nusage: clean_report DIR [--show N] [--rule NAME] [--skip N] [--take N] [--doc ID]...");
            std::process::exit(2);
        }
    };
    // Read the way build.rs reads (encodings, web pages, nested folders), in id order.
    let corpus = notice_files::read_notices(&a.dir, &notice_files::Limits::default()).unwrap_or_else(|problems| {
        eprintln!("{problems}");
        std::process::exit(1);
    });
    let mut raw: Vec<RawNotice> = corpus
        .notices
        .into_iter()
        .map(|n| RawNotice { id: n.id, path: n.path.display().to_string(), text: n.text })
        .collect();
    raw.drain(..a.skip.min(raw.len()));
    if let Some(n) = a.take {
        raw.truncate(n);
    }

    let t = Instant::now();
    let (notices, trace) = clean_corpus_traced(&raw);
    let elapsed = t.elapsed();

    let raw_chars: usize = raw.iter().map(|r| chars(&r.text)).sum();
    let kept_chars: usize = notices.iter().map(|n| chars(&n.text)).sum();
    let inserted: usize = notices
        .iter()
        .zip(&trace.title_added)
        .filter(|(_, added)| **added)
        .map(|(n, _)| chars(&n.title))
        .sum();
    let pct = |x: usize| 100.0 * x as f64 / raw_chars.max(1) as f64;
    println!("corpus      {} ({} notices), {raw_chars} chars without white space", a.dir.display(), raw.len());
    println!("cleaned in  {:.0} ms", elapsed.as_secs_f64() * 1e3);
    println!("kept        {kept_chars} chars ({:.3}%), of which {inserted} are titles added in front of the text", pct(kept_chars));
    println!();
    println!("{:<14}{:>9}{:>10}{:>12}{:>10}", "rule", "notices", "pieces", "chars", "% chars");
    let mut removed_total = 0;
    for rule in Rule::ALL {
        let of: Vec<&Removal> = trace.removed.iter().filter(|r| r.rule == rule).collect();
        let mut touched: Vec<usize> = of.iter().map(|r| r.notice).collect();
        touched.dedup();
        let c: usize = of.iter().map(|r| chars(&r.text)).sum();
        removed_total += c;
        println!("{:<14}{:>9}{:>10}{:>12}{:>9.3}%", rule.name(), touched.len(), of.len(), c, pct(c));
    }
    println!("{:<14}{:>9}{:>10}{:>12}{:>9.3}%", "total", "", trace.removed.len(), removed_total, pct(removed_total));
    let unaccounted = raw_chars as i64 - (kept_chars - inserted) as i64 - removed_total as i64;
    println!("unaccounted   {unaccounted} chars (raw - kept + titles added - removed; 0 when every removal is traced)");

    for rule in Rule::ALL {
        if a.rule.as_deref().is_some_and(|r| r != rule.name()) {
            continue;
        }
        let of: Vec<&Removal> = trace.removed.iter().filter(|r| r.rule == rule).collect();
        if of.is_empty() || a.show == 0 {
            continue;
        }
        println!("\n== {} ({} pieces; {} shown)", rule.name(), of.len(), a.show.min(of.len()));
        for r in spread(&of, a.show) {
            println!("  {:<22} {:>5}  {}", raw[r.notice].id, chars(&r.text), one_line(&r.text, 150));
        }
    }

    report_metadata(&notices, &trace.title_from, a.show);

    for id in &a.docs {
        match notices.iter().position(|n| &n.id == id) {
            Some(i) => print_notice(&notices[i], trace.title_from[i], &trace.removed, i),
            None => println!("\nno notice {id}"),
        }
    }
}

fn report_metadata(notices: &[Notice], from: &[TitleFrom], show: usize) {
    println!("\n== metadata");
    let empty = |f: fn(&Notice) -> &str| notices.iter().filter(|n| f(n).is_empty()).count();
    println!(
        "empty       titles {}, sources {}, dates {} (of {})",
        empty(|n| &n.title),
        empty(|n| &n.source),
        empty(|n| &n.date),
        notices.len()
    );
    let mut by_from: BTreeMap<&str, usize> = BTreeMap::new();
    for f in from {
        *by_from.entry(f.name()).or_default() += 1;
    }
    let list: Vec<String> = by_from.iter().map(|(k, v)| format!("{k} {v}")).collect();
    println!("title from  {}", list.join(", "));
    let buckets = [(0, 0), (1, 3), (4, 10), (11, 20), (21, 30), (31, 40), (41, 60), (61, usize::MAX)];
    let lens: Vec<usize> = notices.iter().map(|n| n.title.chars().count()).collect();
    let hist: Vec<String> = buckets
        .iter()
        .map(|&(lo, hi)| {
            let c = lens.iter().filter(|&&l| l >= lo && l <= hi).count();
            if hi == usize::MAX {
                format!("{lo}+: {c}")
            } else {
                format!("{lo}-{hi}: {c}")
            }
        })
        .collect();
    println!("title chars {}", hist.join(", "));
    let line = |n: &Notice, f: TitleFrom| {
        println!("  {:<22} [{:<10}] {} | {} | {}", n.id, f.name(), one_line(&n.title, 70), n.source, n.date);
    };
    let all: Vec<usize> = (0..notices.len()).collect();
    println!("samples (id [title from] title | source | date):");
    for &i in spread(&all, show) {
        line(&notices[i], from[i]);
    }
    let mut by_len = all.clone();
    by_len.sort_by_key(|&i| (lens[i], i));
    println!("shortest titles:");
    for &i in by_len.iter().take(show) {
        line(&notices[i], from[i]);
    }
    println!("longest titles:");
    for &i in by_len.iter().rev().take(show) {
        line(&notices[i], from[i]);
    }
    let with_source: Vec<usize> = all.iter().copied().filter(|&i| !notices[i].source.is_empty()).collect();
    println!("sources ({}):", with_source.len());
    for &i in spread(&with_source, show) {
        line(&notices[i], from[i]);
    }
    let with_date: Vec<usize> = all.iter().copied().filter(|&i| !notices[i].date.is_empty()).collect();
    println!("dates ({}):", with_date.len());
    for &i in spread(&with_date, show) {
        line(&notices[i], from[i]);
    }
}

fn print_notice(n: &Notice, from: TitleFrom, removed: &[Removal], i: usize) {
    println!("\n== notice {}", n.id);
    println!("title   {} ({} chars, from {}, text chars {:?})", n.title, n.title.chars().count(), from.name(), n.title_chars);
    println!("source  {}\ndate    {}\nurl     {}", n.source, n.date, n.url);
    println!("-- text ({} chars)\n{}", n.text.chars().count(), n.text);
    println!("-- removed");
    for r in removed.iter().filter(|r| r.notice == i) {
        println!("[{}] {}", r.rule.name(), one_line(&r.text, 400));
    }
}
