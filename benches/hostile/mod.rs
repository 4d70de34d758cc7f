//! Hostile query shapes for timing (shared by `benches/search.rs` and `examples/report.rs`):
//! 100,000 characters of several kinds, and 10,000 terms. Every one is cut to
//! `MAX_QUERY_CHARS` characters and `MAX_TERMS` terms by the parser, so each must answer in
//! bounded time whatever the corpus.

/// Characters in a long query.
pub const LONG: usize = 100_000;

/// `(name, query)` pairs; `chinese` is text to take Chinese characters from (a corpus sample).
pub fn long_queries(chinese: &str) -> Vec<(&'static str, String)> {
    let han: Vec<char> = chinese.chars().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)).collect();
    let han = if han.is_empty() { "疫情防控工作通知".chars().collect() } else { han };
    let cycle = |s: &[char]| s.iter().cycle().take(LONG).collect::<String>();
    let terms: Vec<String> = han.chunks(2).cycle().take(10_000).map(|w| w.iter().collect()).collect();
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    let random: String = std::iter::from_fn(|| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        Some(char::from_u32((seed % 0x11_0000) as u32))
    })
    .flatten()
    .take(LONG)
    .collect();
    let letters: Vec<char> = ('a'..='z').flat_map(|c| [c, ' ']).collect();
    vec![
        ("100k_chinese", cycle(&han)),
        ("100k_random_unicode", random),
        ("10000_terms", terms.join(" ")),
        ("100k_quotes", "\"".repeat(LONG)),
        ("100k_dashes", "-".repeat(LONG)),
        ("100k_OR", cycle(&"OR ".chars().collect::<Vec<_>>())),
        ("100k_pinyin", cycle(&"yiqingfangkong".chars().collect::<Vec<_>>())),
        ("100k_one_letter_terms", cycle(&letters)),
    ]
}
