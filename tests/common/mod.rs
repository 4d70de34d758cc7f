//! Helpers for tests: build an index over a corpus made up in the test.
#![allow(dead_code)]

#[path = "../../build/fold_table.rs"]
mod fold_table;
#[path = "../../build/readings.rs"]
mod readings;

use notice_search::{build, Config, Folder, Notice};
use std::sync::OnceLock;

/// The same fold table `build.rs` uses.
pub fn folder() -> &'static Folder {
    static F: OnceLock<Folder> = OnceLock::new();
    F.get_or_init(|| Folder::new(fold_table::fold_pairs()))
}

/// The build configuration `build.rs` uses (readings included), without synonyms.
pub fn config(gram_min: u32) -> Config<'static> {
    Config { readings: &readings::readings, gram_min_occurrences: gram_min, ..Config::new(folder()) }
}

/// The readings `build.rs` gives a character (toneless, `ü` as `v`).
pub fn readings_of(c: char) -> Vec<String> {
    readings::readings(c)
}

/// Encoded index over `notices` with these synonym groups (and readings).
pub fn index_with(notices: &[Notice], synonyms: &[&[&str]]) -> Vec<u8> {
    let groups: Vec<Vec<String>> = synonyms.iter().map(|g| g.iter().map(|m| m.to_string()).collect()).collect();
    let groups: &'static [Vec<String>] = Box::leak(groups.into_boxed_slice());
    build(notices, &Config { synonyms: groups, ..config(1000) }).expect("index builds").0
}

/// A notice with `text`, titled by its first line (at most 12 chars).
pub fn notice(id: &str, text: &str) -> Notice {
    let title: String = text.lines().next().unwrap_or("").chars().take(12).collect();
    Notice {
        id: id.to_string(),
        title_chars: 0..title.chars().count(),
        title,
        source: String::new(),
        date: String::new(),
        url: String::new(),
        text: text.to_string(),
    }
}

/// Encoded index over `texts` (ids `d000`, `d001`, …).
pub fn index_of(texts: &[String], gram_min: u32) -> Vec<u8> {
    let notices: Vec<Notice> =
        texts.iter().enumerate().map(|(i, t)| notice(&format!("d{i:03}"), t)).collect();
    build(&notices, &config(gram_min)).expect("index builds").0
}

/// The brute-force answer: ids of the notices whose folded text contains every folded term
/// and no excluded one. Handles the query syntax the generated queries use: white space
/// separates terms, `-term` excludes, a lone `-` is ignored.
pub fn oracle(texts: &[String], query: &str) -> Vec<String> {
    let f = folder();
    let fold = |s: &str| -> String {
        s.chars().map(|c| if c.is_control() && !c.is_whitespace() { ' ' } else { f.fold(c) }).collect()
    };
    let mut wanted: Vec<String> = Vec::new();
    let mut excluded: Vec<String> = Vec::new();
    for word in query.split(|c: char| c.is_whitespace() || c.is_control()).filter(|w| !w.is_empty()) {
        match word.strip_prefix('-') {
            Some("") => {}
            Some(rest) => excluded.push(fold(rest)),
            None => wanted.push(fold(word)),
        }
    }
    if wanted.is_empty() {
        return Vec::new();
    }
    texts
        .iter()
        .enumerate()
        .filter(|(_, t)| {
            let t = fold(t);
            wanted.iter().all(|term| t.contains(term.as_str())) && !excluded.iter().any(|term| t.contains(term.as_str()))
        })
        .map(|(i, _)| format!("d{i:03}"))
        .collect()
}

/// The notices of an encoded index as `(id, text)`, read back from its symbols.
pub fn texts_of(bytes: &[u8]) -> Vec<(String, String)> {
    let ix = notice_search::decode(bytes).expect("index decodes");
    let symbol = |i: usize| u16::from_le_bytes([ix.symbols[2 * i], ix.symbols[2 * i + 1]]);
    ix.docs
        .iter()
        .map(|d| {
            let text = (d.start..d.start + d.len).map(|i| ix.alphabet[usize::from(symbol(i as usize))]).collect();
            (d.id.to_string(), text)
        })
        .collect()
}

/// [`oracle`] over `(id, text)` notices: the ids, sorted.
pub fn oracle_ids(notices: &[(String, String)], query: &str) -> Vec<String> {
    let texts: Vec<String> = notices.iter().map(|n| n.1.clone()).collect();
    let mut ids: Vec<String> = oracle(&texts, query)
        .iter()
        .filter_map(|d| notices.get(d.strip_prefix('d')?.parse::<usize>().ok()?).map(|n| n.0.clone()))
        .collect();
    ids.sort();
    ids
}
