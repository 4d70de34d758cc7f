//! Frequent phrases of the corpus, for as-you-type completions.
//!
//! A phrase is a run of 2–[`MAX_PHRASE_CHARS`] CJK characters, or a Latin word of 3 or more
//! letters, that
//!
//! | rule | why |
//! |---|---|
//! | occurs at least `min_count` times | completions should be things people find |
//! | is not mostly part of one longer run (an extension by one character on either side occurs in less than 75% of its occurrences) | `冠状病` is only ever part of `冠状病毒` |
//! | does not start or end with a function character (`的`, `了`, `和`, …) | `防控的` is not a phrase |
//!
//! Phrases are ranked by occurrences; the best `max` are kept.

use super::format::Phrase;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Longest phrase, in characters.
pub const MAX_PHRASE_CHARS: usize = 8;
/// Share of a string's occurrences an extension must reach to absorb it.
const ABSORB: f64 = 0.75;
/// Characters a phrase neither starts nor ends with.
const FUNCTION_CHARS: &str = "的了和是在与及或等为对把被也都就而其这那之以于中上下个们着过从向将又并很不有";

/// FxHash: a fast non-cryptographic hash for the counting tables.
#[derive(Default)]
struct Fx(u64);

impl Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u16(&mut self, v: u16) {
        self.write_u64(u64::from(v));
    }
    fn write_usize(&mut self, v: usize) {
        self.write_u64(v as u64);
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

/// What the phrase finder needs to know about each class (index = class).
pub struct ClassKinds<'a> {
    pub cjk: &'a [bool],
    pub word: &'a [bool],
    /// Classes a phrase must not start or end with.
    pub function: &'a [bool],
}

/// Marks the classes of [`FUNCTION_CHARS`] among `classes` (class `i + 1` is `classes[i]`).
pub fn function_classes(classes: &[char]) -> Vec<bool> {
    std::iter::once(false).chain(classes.iter().map(|c| FUNCTION_CHARS.contains(*c))).collect()
}

/// The best `max` phrases of the class stream `cls`, sorted by their classes.
pub fn frequent_phrases(cls: &[u16], kinds: &ClassKinds, min_count: u32, max: usize) -> Vec<Phrase> {
    let is = |table: &[bool], c: u16| table.get(usize::from(c)).copied().unwrap_or(false);
    let cjk = |c: &u16| is(kinds.cjk, *c);
    let min_count = min_count.max(2);
    // counts[n - 1]: CJK n-grams occurring at least min_count times, with their first position.
    let mut counts: Vec<FxMap<&[u16], (u32, u32)>> = Vec::new();
    let mut level: FxMap<&[u16], (u32, u32)> = FxMap::default();
    for (i, w) in cls.windows(1).enumerate() {
        if w.iter().all(cjk) {
            level.entry(w).or_insert((0, i as u32)).0 += 1;
        }
    }
    for n in 2..=MAX_PHRASE_CHARS + 1 {
        level.retain(|_, v| v.0 >= min_count);
        let prev = std::mem::take(&mut level);
        if prev.is_empty() {
            counts.push(prev);
            break;
        }
        for (i, w) in cls.windows(n).enumerate() {
            if prev.contains_key(&w[..n - 1]) && prev.contains_key(&w[1..]) && w.iter().all(cjk) {
                level.entry(w).or_insert((0, i as u32)).0 += 1;
            }
        }
        counts.push(prev);
    }
    level.retain(|_, v| v.0 >= min_count);
    counts.push(level);

    let mut out: Vec<(Phrase, &[u16])> = Vec::new();
    for n in 2..=MAX_PHRASE_CHARS {
        let (Some(this), longer) = (counts.get(n - 1), counts.get(n)) else { break };
        // Largest count of a one-character extension, on either side.
        let mut ext: FxMap<&[u16], u32> = FxMap::default();
        if let Some(longer) = longer {
            for (k, v) in longer {
                for part in [&k[1..], &k[..n]] {
                    let e = ext.entry(part).or_insert(0);
                    *e = (*e).max(v.0);
                }
            }
        }
        for (&k, &(count, first)) in this {
            let absorbed = ext.get(k).is_some_and(|&e| f64::from(e) >= ABSORB * f64::from(count));
            let edges = [k.first(), k.last()].into_iter().flatten().any(|&c| is(kinds.function, c));
            if !absorbed && !edges {
                out.push((Phrase { start: first, len: n as u16, count }, k));
            }
        }
    }
    // Latin words of three or more characters with at least one letter.
    let mut words: FxMap<&[u16], (u32, u32)> = FxMap::default();
    let mut i = 0;
    while i < cls.len() {
        let start = i;
        while cls.get(i).is_some_and(|&c| is(kinds.word, c)) {
            i += 1;
        }
        if let Some(w) = cls.get(start..i).filter(|w| w.len() >= 3 && w.len() <= 40) {
            words.entry(w).or_insert((0, start as u32)).0 += 1;
        }
        i += 1;
    }
    out.extend(
        words
            .into_iter()
            .filter(|(_, v)| v.0 >= min_count)
            .map(|(k, (count, first))| (Phrase { start: first, len: k.len() as u16, count }, k)),
    );
    out.sort_by(|a, b| b.0.count.cmp(&a.0.count).then(b.1.len().cmp(&a.1.len())).then(a.1.cmp(b.1)));
    out.truncate(max);
    out.sort_by(|a, b| a.1.cmp(b.1));
    out.into_iter().map(|(p, _)| p).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Classes: 1..=9 CJK, 10 a function character, 11..=13 Latin letters, 0 the separator.
    fn kinds() -> (Vec<bool>, Vec<bool>, Vec<bool>) {
        let cjk = (0..14).map(|c| (1..=10).contains(&c)).collect();
        let word = (0..14).map(|c| c >= 11).collect();
        let function = (0..14).map(|c| c == 10).collect();
        (cjk, word, function)
    }

    fn phrases_of(cls: &[u16], min: u32) -> Vec<Vec<u16>> {
        let (cjk, word, function) = kinds();
        let k = ClassKinds { cjk: &cjk, word: &word, function: &function };
        frequent_phrases(cls, &k, min, 100)
            .into_iter()
            .map(|p| cls[p.start as usize..p.start as usize + p.len as usize].to_vec())
            .collect()
    }

    #[test]
    fn a_repeated_run_is_one_phrase_not_its_parts() {
        // 1 2 3 4 occurs three times, always whole; 5 6 occurs three times in varied company.
        let cls = [1, 2, 3, 4, 0, 5, 6, 7, 0, 1, 2, 3, 4, 0, 8, 5, 6, 0, 1, 2, 3, 4, 0, 5, 6, 9, 0];
        let p = phrases_of(&cls, 3);
        assert!(p.contains(&vec![1, 2, 3, 4]), "{p:?}");
        assert!(p.contains(&vec![5, 6]), "{p:?}");
        assert!(!p.contains(&vec![1, 2, 3]) && !p.contains(&vec![2, 3, 4]) && !p.contains(&vec![1, 2]), "{p:?}");
    }

    #[test]
    fn rare_runs_and_function_edges_are_not_phrases() {
        let cls = [1, 2, 10, 0, 1, 2, 10, 0, 1, 2, 10, 0, 3, 4, 0];
        let p = phrases_of(&cls, 3);
        assert!(!p.iter().any(|x| x.contains(&10)), "{p:?}");
        assert!(!p.contains(&vec![3, 4]), "{p:?}");
    }

    #[test]
    fn latin_words_are_phrases() {
        let cls = [11, 12, 13, 0, 11, 12, 13, 0, 11, 12, 0, 11, 12, 13, 0];
        assert_eq!(phrases_of(&cls, 3), vec![vec![11, 12, 13]]);
    }
}
