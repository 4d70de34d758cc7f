//! Hostile queries (every case of issue 5) over the embedded default notices: no panic, a
//! sensible result, and a warning whenever part of the input was ignored.
//!
//! What "sensible" means, case by case:
//! - nothing to search (empty, white space, control characters, a lone `-`, `OR`, `|`,
//!   filters alone) finds nothing; input that was dropped says so in a warning;
//! - any other character is a character: punctuation, regex metacharacters, emoji and
//!   right-to-left text match exactly where the notices contain them (checked against a
//!   brute-force scan), which for characters the notices lack is nowhere;
//! - syntax that cannot be used is ignored with a warning and the rest of the query answers as
//!   if it were not there (`疫情 -` = `疫情`, `疫情 source:` = `疫情`, `"疫情` = `"疫情"`);
//! - over-long queries are cut (1,000 characters, 32 terms) with a warning and answer as the
//!   cut query does.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{oracle_ids, texts_of};
use notice_search::{Engine, MatchPath, SearchOptions, SearchResult, EMBEDDED_INDEX, MAX_LIMIT, MAX_QUERY_CHARS, MAX_TERMS};

fn engine() -> Engine<'static> {
    Engine::new(EMBEDDED_INDEX).expect("embedded index loads")
}

/// Every result of `q` (up to `MAX_LIMIT`).
fn all<'e>(e: &'e Engine<'static>, q: &str) -> SearchResult<'e> {
    e.search(q, SearchOptions::page(MAX_LIMIT, 0))
}

/// Ids found directly (not through pinyin or synonyms), sorted.
fn direct(e: &Engine, q: &str) -> Vec<String> {
    let mut ids: Vec<String> =
        e.matching(q).into_iter().filter(|m| m.1 == MatchPath::Text).map(|m| m.0.to_string()).collect();
    ids.sort();
    ids
}

/// Same notices in the same order, same total.
fn same(a: &SearchResult, b: &SearchResult) -> bool {
    a.total == b.total && a.hits.iter().map(|h| h.id).eq(b.hits.iter().map(|h| h.id))
}

fn warned(r: &SearchResult, what: &str) -> bool {
    r.warnings.iter().any(|w| w.contains(what))
}

#[test]
fn nothing_to_search_finds_nothing() {
    let e = engine();
    for q in ["", " ", "\t\n", "\u{3000}\u{3000}", "\u{0}\u{1}\u{7f}", "\u{200b}\u{feff}", "OR", "| |", "-", "- -"] {
        let r = e.search(q, Default::default());
        assert_eq!((r.total, r.hits.len()), (0, 0), "{q:?}");
    }
    // Input that was dropped says so; plain blank input needs no warning.
    assert!(e.search(" ", Default::default()).warnings.is_empty());
    assert!(warned(&e.search("-", Default::default()), "lone '-'"));
    assert!(warned(&e.search("OR", Default::default()), "OR needs"));
    assert!(warned(&e.search("\u{200b}", Default::default()), "invisible"));
}

#[test]
fn punctuation_and_regex_metacharacters_are_literal() {
    let e = engine();
    let notices = texts_of(EMBEDDED_INDEX);
    for q in ["（", "，", "。", "：", "、", ".", "(", ".*", "[a-z]+", "\\", "^$", "a|", "?", "*", "+", "{2}", "%", "'; drop table"] {
        assert_eq!(direct(&e, q), oracle_ids(&notices, q), "{q:?}");
    }
    // Full-width punctuation is in the notices, and its half-width form finds it.
    assert!(!direct(&e, "（").is_empty());
    assert_eq!(direct(&e, "("), direct(&e, "（"));
}

#[test]
fn emoji_and_right_to_left_text_are_characters_too() {
    let e = engine();
    let notices = texts_of(EMBEDDED_INDEX);
    for q in ["😀", "👨‍👩‍👧", "🇨🇳", "👍🏽", "שלום", "مرحبا", "疫情😀", "😀 疫情"] {
        let r = all(&e, q);
        assert_eq!(direct(&e, q), oracle_ids(&notices, q), "{q:?}");
        assert!(r.hits.iter().all(|h| h.snippet.iter().any(|s| s.hit)), "{q:?}");
        // Only the zero-width joiner inside the family emoji is dropped (with a warning).
        assert!(r.warnings.iter().all(|w| w.contains("invisible")), "{q:?}: {:?}", r.warnings);
    }
    // An emoji term is a term: the AND with it finds what has both (here nothing).
    assert_eq!(all(&e, "😀 疫情").total, 0);
}

#[test]
fn invisible_formatting_characters_are_dropped_with_a_warning() {
    let e = engine();
    // A direction override or a zero-width space pasted into a word does not break it.
    for q in ["\u{202e}疫情", "疫\u{200b}情", "\u{feff}疫情\u{200f}", "疫\u{2066}情\u{2069}"] {
        let r = all(&e, q);
        assert!(same(&r, &all(&e, "疫情")), "{q:?}");
        assert!(r.total > 0);
        assert!(warned(&r, "invisible"), "{q:?}: {:?}", r.warnings);
    }
}

#[test]
fn replacement_characters_are_dropped_with_a_warning() {
    // What is left of a lone surrogate from JavaScript or of invalid UTF-8.
    let e = engine();
    for q in ["疫情\u{fffd}", "\u{fffd}疫情", "疫\u{fffd}情"] {
        let r = all(&e, q);
        assert!(same(&r, &all(&e, "疫情")), "{q:?}");
        assert!(warned(&r, "unreadable"), "{q:?}: {:?}", r.warnings);
    }
    let r = all(&e, "\u{fffd}");
    assert_eq!(r.total, 0);
    assert!(warned(&r, "unreadable"));
}

#[test]
fn control_characters_separate_terms() {
    let e = engine();
    assert!(same(&all(&e, "疫\u{1}情"), &all(&e, "疫 情")));
    assert!(same(&all(&e, "\u{0}疫情\u{7f}"), &all(&e, "疫情")));
    assert!(same(&all(&e, "疫情\r\n防控"), &all(&e, "疫情 防控")));
}

#[test]
fn unusable_syntax_is_ignored_with_a_warning() {
    let e = engine();
    let base = all(&e, "疫情");
    assert!(base.total > 1);
    for (q, what) in [
        ("疫情 -", "lone '-'"),
        ("- 疫情 －", "lone '-'"),
        ("疫情 source:", "source: needs a value"),
        ("疫情 来源：", "source: needs a value"),
        ("疫情 after:", "after: needs a value"),
        ("疫情 after:garbage", "is not a date"),
        ("疫情 before:2020-13-45", "is not a date"),
        ("疫情 after:99", "is not a date"),
        ("疫情 OR", "OR needs"),
        ("OR 疫情", "OR needs"),
        ("疫情 | |", "OR needs"),
    ] {
        let r = all(&e, q);
        assert!(same(&r, &base), "{q:?}: {} vs {}", r.total, base.total);
        assert!(warned(&r, what), "{q:?}: {:?}", r.warnings);
    }
    // Filters or exclusions without a term: nothing, and the warning says why.
    for q in ["source:阿拉善盟", "-疫情", "after:2020"] {
        let r = all(&e, q);
        assert_eq!(r.total, 0, "{q:?}");
        assert!(warned(&r, "no term to search for"), "{q:?}: {:?}", r.warnings);
    }
}

#[test]
fn unbalanced_quotes_run_to_the_end() {
    let e = engine();
    for (open, closed) in [("\"疫情", "\"疫情\""), ("“疫情 防控", "“疫情 防控”"), ("疫情 \"防控", "疫情 \"防控\"")] {
        let r = all(&e, open);
        assert!(same(&r, &all(&e, closed)), "{open:?}");
        assert!(warned(&r, "not closed"), "{open:?}: {:?}", r.warnings);
    }
    // A quotation mark inside a word is a character of it: nothing contains 疫情".
    assert_eq!(all(&e, "疫情\"").total, direct(&e, "疫情\"").len());
    for q in ["\"", "\"\"", "-\"", "“”"] {
        assert_eq!(all(&e, q).total, 0, "{q:?}");
    }
}

#[test]
fn huge_queries_are_cut_with_a_warning_and_answer_as_the_cut_query() {
    let e = engine();
    let cut_at = |q: &str| q.chars().take(MAX_QUERY_CHARS).collect::<String>();
    // A megabyte: of one character, of a real phrase repeated, of syntax.
    let phrase = "疫情 防控 ".repeat(1_000_000 / "疫情 防控 ".len());
    for q in ["疫".repeat(1_000_000), phrase, "\"".repeat(1 << 20), "-".repeat(1 << 20), "OR ".repeat(350_000)] {
        let r = all(&e, &q);
        let warning = format!("longer than {MAX_QUERY_CHARS} characters");
        assert!(warned(&r, &warning), "{:?}", r.warnings);
        assert!(same(&r, &all(&e, &cut_at(&q))));
    }
    assert!(all(&e, &"疫情 防控 ".repeat(200_000)).total > 0);
}

#[test]
fn repeated_warnings_are_said_once_and_warnings_stay_few() {
    let e = engine();
    let r = all(&e, &"OR ".repeat(100_000));
    assert_eq!(r.warnings.iter().filter(|w| w.contains("OR needs")).count(), 1, "{:?}", r.warnings);
    let dates: String = (0..100).map(|i| format!("after:x{i} ")).collect();
    let r = all(&e, &format!("疫情 {dates}"));
    assert!(same(&r, &all(&e, "疫情")));
    assert_eq!(r.warnings.len(), 9, "{:?}", r.warnings);
    assert!(warned(&r, "92 more"), "{:?}", r.warnings);
}

#[test]
fn ten_thousand_terms_search_the_first_32() {
    let e = engine();
    let words = ["疫情", "防控", "工作", "通知"];
    let many: Vec<&str> = (0..10_000).map(|i| words[i % 4]).collect();
    let r = all(&e, &many.join(" "));
    assert!(warned(&r, &format!("only the first {MAX_TERMS} terms")), "{:?}", r.warnings);
    assert!(same(&r, &all(&e, &many[..MAX_TERMS].join(" "))));
    assert!(r.total > 0);
    // Distinct made-up terms: the cut query has them too, so nothing matches.
    let made_up: String = (0..10_000).map(|i| format!("疫{i} ")).collect();
    assert_eq!(e.parse(&made_up).terms().count(), MAX_TERMS);
    assert_eq!(all(&e, &made_up).total, direct(&e, &made_up).len());
}

#[test]
fn paging_past_the_end_is_empty() {
    let e = engine();
    let r = e.search("疫情", SearchOptions::page(10, 1_000_000));
    assert!(r.total > 0);
    assert!(r.hits.is_empty());
    let r = e.search("疫情", SearchOptions::page(usize::MAX, usize::MAX));
    assert!(r.hits.is_empty());
}

#[test]
fn unknown_notice_is_none() {
    let e = engine();
    assert!(e.notice("no-such-notice", "疫情").is_none());
    assert!(e.notice("", "").is_none());
    assert!(e.notice("\u{0}", "\u{202e}").is_none());
}
