//! Property tests of the extra match paths (variants, pinyin, synonyms) over random corpora:
//! they never take away a notice the plain query finds, never rank above a direct match, a
//! traditional spelling finds exactly what the simplified one finds, and the pinyin of any
//! run of characters finds the notice it came from.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{index_with, notice, oracle, readings_of};
use notice_search::{Engine, MatchPath, Notice};
use proptest::prelude::*;

/// Simplified characters with traditional forms, characters sharing readings (yi, qing, jing,
/// dian, xing/hang), some Latin letters and punctuation.
const ALPHABET: &[char] = &[
    '国', '發', '发', '后', '後', '银', '行', '景', '点', '经', '典', '疫', '情', '一', '亲', '清', '衣', '点',
    'y', 'i', 'q', 'n', 'g', '，', '。', ' ',
];
/// Simplified → traditional, for rewriting queries.
const TRADITIONAL: &[(char, char)] = &[('国', '國'), ('发', '發'), ('后', '後'), ('经', '經'), ('银', '銀'), ('点', '點')];
const SYNONYMS: &[&[&str]] = &[&["银行", "景点"], &["疫情", "一清"]];

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(ALPHABET), 0..40).prop_map(|cs| cs.into_iter().collect())
}

fn corpus() -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec(text(), 1..10)
}

fn notices(texts: &[String]) -> Vec<Notice> {
    texts.iter().enumerate().map(|(i, t)| notice(&format!("d{i:03}"), t)).collect()
}

/// A run of 1-6 characters of text `d` starting at `start` (modulo its length).
fn run(texts: &[String], d: usize, start: usize, len: usize) -> (usize, String) {
    let d = d % texts.len();
    let chars: Vec<char> = texts[d].chars().collect();
    if chars.is_empty() {
        return (d, String::new());
    }
    let s = start % chars.len();
    (d, chars[s..].iter().take(len).collect())
}

fn matching(e: &Engine, q: &str) -> Vec<(String, MatchPath)> {
    e.matching(q).into_iter().map(|(id, p)| (id.to_string(), p)).collect()
}

/// Direct matches are exactly the brute-force answer, and come before every other match.
fn check_paths(e: &Engine, texts: &[String], q: &str) -> Result<(), TestCaseError> {
    let all = matching(e, q);
    let mut direct: Vec<String> = all.iter().filter(|m| m.1 == MatchPath::Text).map(|m| m.0.clone()).collect();
    direct.sort();
    prop_assert_eq!(direct, oracle(texts, q), "query {:?}", q);
    let tiers: Vec<MatchPath> = all.iter().map(|m| m.1).collect();
    prop_assert!(tiers.windows(2).all(|w| w[0] <= w[1]), "{:?}: {:?}", q, all);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(300)
    ))]

    #[test]
    fn traditional_spellings_find_what_simplified_ones_find(
        texts in corpus(), d in 0usize..10, start in 0usize..40, len in 1usize..6,
    ) {
        let bytes = index_with(&notices(&texts), SYNONYMS);
        let e = Engine::new(&bytes).expect("loads");
        let (_, q) = run(&texts, d, start, len);
        prop_assume!(!q.trim().is_empty() && !q.starts_with('-'));
        let traditional: String =
            q.chars().map(|c| TRADITIONAL.iter().find(|p| p.0 == c).map_or(c, |p| p.1)).collect();
        check_paths(&e, &texts, &q)?;
        check_paths(&e, &texts, &traditional)?;
        prop_assert_eq!(matching(&e, &q), matching(&e, &traditional));
    }

    #[test]
    fn the_pinyin_of_a_run_finds_its_notice(
        texts in corpus(), d in 0usize..10, start in 0usize..40, len in 1usize..6, spaced in any::<bool>(), initials in any::<bool>(),
    ) {
        let bytes = index_with(&notices(&texts), SYNONYMS);
        let e = Engine::new(&bytes).expect("loads");
        // A run of characters that have readings: from the first such one at or after `start`.
        let (d, r) = run(&texts, d, start, 40);
        let r: String = r.chars().skip_while(|&c| readings_of(c).is_empty()).take_while(|&c| !readings_of(c).is_empty()).take(len).collect();
        prop_assume!(!r.is_empty());
        let syllables: Vec<String> = r
            .chars()
            .map(|c| {
                let s = readings_of(c).into_iter().next().unwrap_or_default();
                if initials { s.chars().take(1).collect() } else { s }
            })
            .collect();
        let q = syllables.join(if spaced { " " } else { "" });
        check_paths(&e, &texts, &q)?;
        let found = matching(&e, &q);
        // Initials are an abbreviation, tried only when the letters match nothing directly.
        let abbreviation_skipped = initials && r.chars().count() > 1 && found.iter().any(|m| m.1 == MatchPath::Text);
        if !abbreviation_skipped {
            prop_assert!(found.iter().any(|m| m.0 == format!("d{d:03}")), "{:?} (from {:?}) misses d{:03}: {:?}", q, r, d, found);
        }
    }

    #[test]
    fn synonyms_only_add_results_below_direct_ones(texts in corpus(), pick in 0usize..4, extra in text()) {
        let bytes = index_with(&notices(&texts), SYNONYMS);
        let e = Engine::new(&bytes).expect("loads");
        let member = SYNONYMS.iter().flat_map(|g| g.iter()).nth(pick).copied().unwrap_or("银行");
        let q = format!("{member}{}", extra.chars().filter(|c| !c.is_whitespace()).take(2).collect::<String>());
        check_paths(&e, &texts, &q)?;
        // A notice containing another member of the group (with the rest of the term) is found.
        for group in SYNONYMS.iter().filter(|g| g.contains(&member)) {
            for other in group.iter().filter(|o| **o != member) {
                let alt = q.replacen(member, other, 1);
                for id in oracle(&texts, &alt) {
                    prop_assert!(matching(&e, &q).iter().any(|m| m.0 == id), "{:?} misses {} (has {:?})", q, id, alt);
                }
            }
        }
    }
}
