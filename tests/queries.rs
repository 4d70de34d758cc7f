//! Odd queries never panic and get sensible answers (over the embedded default notices).
#![cfg(not(target_arch = "wasm32"))]

use notice_search::{Engine, SearchOptions, MAX_QUERY_CHARS, MAX_TERMS, EMBEDDED_INDEX};

fn engine() -> Engine<'static> {
    Engine::new(EMBEDDED_INDEX).expect("embedded index loads")
}

#[test]
fn empty_and_blank_queries_find_nothing() {
    let e = engine();
    for q in ["", " ", "\t\n", "\u{3000}\u{3000}", "\u{0}\u{1}\u{7f}"] {
        let r = e.search(q, Default::default());
        assert_eq!((r.total, r.hits.len()), (0, 0), "{q:?}");
    }
}

#[test]
fn strange_characters_are_just_characters() {
    let e = engine();
    for q in ["😀", "שלום", "مرحبا", ".*", "(", "[a-z]+", "\\", "\"", "-", "--", "source:", "'; drop table", "\u{fffd}", "\u{200b}"] {
        let r = e.search(q, SearchOptions::page(5, 0));
        assert!(r.hits.len() <= r.total.min(5), "{q:?}");
        // Whatever is found really contains the query.
        for h in &r.hits {
            assert!(h.snippet.iter().any(|s| s.hit), "{q:?}: {:?}", h.snippet);
        }
    }
    // Punctuation is searchable like anything else.
    assert!(e.search("（", Default::default()).total > 0);
}

#[test]
fn huge_queries_are_cut_with_a_warning() {
    let e = engine();
    let long = "疫".repeat(1_000_000);
    let r = e.search(&long, Default::default());
    assert_eq!(r.total, 0);
    assert!(r.warnings.iter().any(|w| w.contains(&MAX_QUERY_CHARS.to_string())), "{:?}", r.warnings);

    let many: String = (0..10_000).map(|i| format!("疫{i} ")).collect();
    let r = e.search(&many, Default::default());
    assert!(!r.warnings.is_empty());
    assert_eq!(e.parse(&many).terms().count(), MAX_TERMS);
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
}
