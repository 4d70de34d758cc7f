//! Property test: search finds exactly the notices a brute-force substring scan finds, for
//! random corpora and random queries (Chinese, Latin, digits, full-width, mixed, exclusions),
//! through both the frequent n-gram lists and the suffix arrays. Matches through the other
//! paths (pinyin for Latin letters) come after all of those, never instead of them.
//!
//! `PROPTEST_CASES=100000 cargo test --release --test oracle` runs the long mode.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{folder, index_of, oracle};
use notice_search::{Engine, MatchPath, SearchOptions, MAX_LIMIT};
use proptest::prelude::*;

/// Characters the corpora are made of: a few CJK, Latin in both cases, digits, full-width
/// forms that fold onto them, punctuation and white space.
const ALPHABET: &[char] = &[
    '疫', '情', '防', '控', '一', '断', '三', '不', '的', '盟', 'a', 'b', 'C', 'x', '1', '2', '０',
    '１', 'Ａ', 'ｂ', '，', ',', '。', '-', ' ', '\n', '　',
];

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(ALPHABET), 0..60)
        .prop_map(|cs| cs.into_iter().collect())
}

/// A query: substrings of the corpus (re-cased and widened) or random strings, 1–3 terms.
fn query(texts: Vec<String>) -> impl Strategy<Value = (Vec<String>, String)> {
    let term = (any::<prop::sample::Index>(), 0usize..8, 1usize..9, any::<bool>(), text()).prop_map({
        let texts = texts.clone();
        move |(pick, start, len, widen, random)| {
            let all: Vec<char> = texts.concat().chars().collect();
            let s: String = if all.is_empty() || random.len() % 3 == 0 {
                random.chars().take(len).collect()
            } else {
                let i = pick.index(all.len());
                all[i..].iter().skip(start % 2).take(len).collect()
            };
            if widen {
                s.chars().map(|c| match c {
                    'a'..='z' => c.to_ascii_uppercase(),
                    '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c),
                    _ => c,
                }).collect()
            } else {
                s
            }
        }
    });
    proptest::collection::vec(term, 1..4).prop_map(move |terms| (texts.clone(), terms.join(" ")))
}

fn corpus_and_query() -> impl Strategy<Value = (Vec<String>, String, u32)> {
    (proptest::collection::vec(text(), 1..12), 1u32..6)
        .prop_flat_map(|(texts, gram_min)| (query(texts), Just(gram_min)))
        .prop_map(|((texts, q), g)| (texts, q, g))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(400)
    ))]

    #[test]
    fn search_equals_brute_force((texts, query, gram_min) in corpus_and_query()) {
        let bytes = index_of(&texts, gram_min);
        let engine = Engine::new(&bytes).expect("index loads");
        let result = engine.search(&query, SearchOptions::page(MAX_LIMIT, 0));
        let mut found: Vec<String> =
            result.hits.iter().filter(|h| h.matched == MatchPath::Text).map(|h| h.id.to_string()).collect();
        found.sort();
        prop_assert_eq!(&found, &oracle(&texts, &query), "query {:?}", query);
        prop_assert_eq!(result.total, result.hits.len());
        // Ranked by path, then score, ties by id.
        for w in result.hits.windows(2) {
            let key = |h: &notice_search::Hit| (h.matched, -h.score);
            prop_assert!(key(&w[0]) < key(&w[1]) || (key(&w[0]) == key(&w[1]) && w[0].id < w[1].id),
                "{:?} before {:?}", (w[0].id, w[0].matched, w[0].score), (w[1].id, w[1].matched, w[1].score));
        }
        // Every snippet of a direct match marks a match, and marked text folds to part of a term.
        let q: String = query.chars().map(|c| folder().fold(c)).collect();
        for h in result.hits.iter().filter(|h| h.matched == MatchPath::Text) {
            let marked: Vec<String> = h.snippet.iter().filter(|s| s.hit)
                .map(|s| s.text.chars().map(|c| folder().fold(c)).collect()).collect();
            prop_assert!(!marked.is_empty(), "no mark in {:?} for {:?}", h.snippet, query);
            for m in marked {
                prop_assert!(q.split(' ').any(|t| !t.is_empty() && (m.contains(t) || t.contains(m.as_str()))),
                    "mark {:?} is not a term of {:?}", m, query);
            }
        }
    }

    #[test]
    fn ngram_lists_equal_suffix_array((texts, query, _g) in corpus_and_query()) {
        let bytes = index_of(&texts, 1);
        let engine = Engine::new(&bytes).expect("index loads");
        for term in engine.parse(&query).terms() {
            if let Some(key) = &term.classes {
                prop_assert_eq!(engine.postings(key), engine.scan(key));
            }
        }
    }

    #[test]
    fn paging_partitions_the_results((texts, query, g) in corpus_and_query(), limit in 1usize..4) {
        let bytes = index_of(&texts, g);
        let engine = Engine::new(&bytes).expect("index loads");
        let all = engine.search(&query, SearchOptions::page(MAX_LIMIT, 0));
        let mut paged = Vec::new();
        let mut offset = 0;
        while offset < all.total {
            let page = engine.search(&query, SearchOptions::page(limit, offset));
            prop_assert_eq!(page.total, all.total);
            paged.extend(page.hits);
            offset += limit;
        }
        prop_assert_eq!(paged, all.hits);
    }
}
