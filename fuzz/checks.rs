//! What the fuzz targets check, shared with `tests/fuzz_corpus.rs`, which replays the committed
//! corpus through the same functions on stable Rust. A failed assertion is a finding.

use notice_search::{format, Engine, SearchOptions, Segment, Sort, MAX_LIMIT, MAX_QUERY_CHARS};

/// Options from one byte: page size, page, sort, facets.
pub fn options(b: u8) -> SearchOptions {
    let mut o = SearchOptions::page([1, 10, MAX_LIMIT, usize::MAX][usize::from(b & 3)], usize::from(b >> 2 & 7));
    o.sort = if b & 0x20 == 0 { Sort::Relevance } else { Sort::Date };
    o.facets = b & 0x40 != 0;
    o
}

/// The segments' text with every run of white space as one space (as snippets show it).
fn text(segments: &[Segment]) -> String {
    let mut out = String::new();
    for c in segments.iter().flat_map(|s| s.text.chars()) {
        if !c.is_whitespace() {
            out.push(c);
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out
}

/// Searches `engine` for the query in `data` (first byte: options; the rest, as lossy UTF-8:
/// the query) and checks the result, completions and the reader view of the first hit.
pub fn query(engine: &Engine, data: &[u8]) {
    let Some((&opt, rest)) = data.split_first() else { return };
    let q = String::from_utf8_lossy(rest);
    let options = options(opt);
    let limit = options.limit.min(MAX_LIMIT);
    let r = engine.search(&q, options);
    assert!(r.hits.len() <= limit && r.hits.len() <= r.total, "{} hits of {} (limit {limit})", r.hits.len(), r.total);
    // Warnings are distinct and few, whatever the query.
    let distinct: std::collections::HashSet<&String> = r.warnings.iter().collect();
    assert!(distinct.len() == r.warnings.len() && r.warnings.len() <= 10, "warnings {:?}", r.warnings);
    if q.chars().count() > MAX_QUERY_CHARS {
        assert!(r.warnings.iter().any(|w| w.contains("longer than")), "no truncation warning: {:?}", r.warnings);
    }
    for h in &r.hits {
        assert!(h.score.is_finite(), "score {} for {}", h.score, h.id);
        let view = engine.notice(h.id, &q);
        let Some(view) = view else { panic!("hit {} has no notice", h.id) };
        assert_eq!(view.matches, view.segments.iter().filter(|s| s.hit).count());
        // The snippet is a piece of the notice's text (the reader view leaves out a first
        // line that is the title; snippets show white space as single spaces).
        let full = text(&view.segments);
        let with_title = format!("{} {full}", view.title);
        let ellipsis = |s: &Segment| !s.hit && s.text == "…";
        let mut inner = h.snippet.as_slice();
        if inner.first().is_some_and(ellipsis) {
            inner = inner.get(1..).unwrap_or_default();
        }
        if inner.last().is_some_and(ellipsis) {
            inner = inner.get(..inner.len() - 1).unwrap_or_default();
        }
        let snip = text(inner);
        assert!(full.contains(&snip) || with_title.contains(&snip), "snippet {snip:?} is not in {}", h.id);
    }
    let completions = engine.complete(&q, 8);
    assert!(completions.len() <= 8);
    for c in &completions {
        assert!(c.count > 0, "completion {c:?} occurs nowhere");
    }
}

/// Decodes `data` as index bytes as it is, then with a valid header (so the damage reaches the
/// decoder), and searches any index that loads.
pub fn index(data: &[u8]) {
    let _ = Engine::new(data).map(|e| e.len());
    let Some(sealed) = format::seal(data) else { return };
    let Ok(engine) = Engine::new(&sealed) else { return };
    let stats = engine.stats();
    assert_eq!(stats.notices, engine.len());
    // Query with the index's own text: the first characters of every notice's title.
    let decoded = notice_search::decode(&sealed).ok();
    let titles: Vec<String> = decoded.iter().flat_map(|ix| ix.docs.iter().map(|d| d.title.chars().take(3).collect())).collect();
    for q in titles.iter().map(String::as_str).chain(["a", "疫情", "yq", "-a b", "\"x"]).take(12) {
        let mut data = vec![0x41];
        data.extend_from_slice(q.as_bytes());
        query(&engine, &data);
    }
}
