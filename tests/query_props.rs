//! Property tests over the embedded default notices: arbitrary text, rich in query syntax,
//! never panics and gives consistent results (the fuzz target's checks, `fuzz/checks.rs`:
//! hits within the total and the page, snippets that are pieces of the notice, completions
//! that occur), and the cuts and dropped characters behave as the parser documents.

#![cfg(not(target_arch = "wasm32"))]

#[allow(dead_code)]
#[path = "../fuzz/checks.rs"]
mod checks;

use notice_search::{Engine, SearchOptions, EMBEDDED_INDEX, MAX_LIMIT, MAX_QUERY_CHARS};
use proptest::prelude::*;
use std::sync::OnceLock;

fn engine() -> &'static Engine<'static> {
    static E: OnceLock<Engine<'static>> = OnceLock::new();
    E.get_or_init(|| Engine::new(EMBEDDED_INDEX).expect("embedded index loads"))
}

/// Pieces queries are made of: syntax, white space and controls, invisible and right-to-left
/// characters, emoji, surrogate stand-ins, and text of the notices.
const PIECES: &[&str] = &[
    "\"", "“", "”", "「", "-", "－", "|", "｜", "OR", "or", ":", "：", "source:", "来源:", "after:", "before:",
    "2020", "2020-02-01", "2020年2月", " ", "\u{3000}", "\t", "\n", "\u{0}", "\u{7f}", "\u{200b}", "\u{202e}",
    "\u{feff}", "שלום", "😀", "👨‍👩‍👧", "\u{fffd}", ".*", "(", "\\", "疫情", "防控", "阿拉善盟", "一断三不断", "的",
    "yiqing", "yq", "ＣＯＶＩＤ", "covid", "核酸", "新冠", "a", "x",
];

fn syntax_heavy() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(PIECES), 0..12).prop_map(|p| p.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![syntax_heavy(), any::<String>(), "\\PC{0,20}"]
}

fn ids(q: &str, options: SearchOptions) -> (usize, Vec<String>) {
    let r = engine().search(q, options);
    (r.total, r.hits.iter().map(|h| h.id.to_string()).collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(300)
    ))]

    #[test]
    fn any_query_gives_a_consistent_result(q in any_text(), opt in any::<u8>()) {
        let mut data = vec![opt];
        data.extend_from_slice(q.as_bytes());
        checks::query(engine(), &data);
    }

    #[test]
    fn the_total_is_the_number_of_hits(q in syntax_heavy()) {
        let (total, hits) = ids(&q, SearchOptions::page(MAX_LIMIT, 0));
        prop_assert_eq!(total, hits.len());
        // Pages partition the list.
        let paged: Vec<String> = (0..total.div_ceil(2)).flat_map(|p| ids(&q, SearchOptions::page(2, 2 * p)).1).collect();
        prop_assert_eq!(paged, hits);
    }

    #[test]
    fn surrounding_blanks_and_invisible_characters_change_nothing(q in syntax_heavy()) {
        let base = ids(&q, SearchOptions::page(MAX_LIMIT, 0));
        for padded in [format!(" {q} "), format!("\u{200b}{q}\u{feff}"), format!("\u{3000}{q}\t")] {
            prop_assert_eq!(&ids(&padded, SearchOptions::page(MAX_LIMIT, 0)), &base, "{:?}", padded);
        }
    }

    #[test]
    fn long_queries_answer_as_their_first_characters(q in syntax_heavy(), pad in syntax_heavy()) {
        let long: String = q.chars().chain(pad.chars().cycle().take(if pad.is_empty() { 0 } else { 2 * MAX_QUERY_CHARS })).collect();
        let long = if long.chars().count() > MAX_QUERY_CHARS { long } else { format!("{long}{}", "x".repeat(MAX_QUERY_CHARS + 1)) };
        let cut: String = long.chars().take(MAX_QUERY_CHARS).collect();
        let r = engine().search(&long, SearchOptions::page(MAX_LIMIT, 0));
        prop_assert!(r.warnings.iter().any(|w| w.contains("longer than")));
        prop_assert_eq!(ids(&long, SearchOptions::page(MAX_LIMIT, 0)), ids(&cut, SearchOptions::page(MAX_LIMIT, 0)));
    }
}
