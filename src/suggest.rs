//! Suggestions: completions of the query being typed, drawn from the corpus's frequent
//! phrases, and "did you mean" for a query that finds nothing.
//!
//! | feature | how |
//! |---|---|
//! | completions | phrases (see [`crate::shared::phrases`]) that start with the last term, or whose characters read as its pinyin (`yiq` → 疫情), most frequent first; after other terms, only those with which the query still finds something |
//! | did you mean | for each term that matches nothing: the most frequent string of the notices that sounds the same (same syllables: `爱国卫生运冻` → `爱国卫生运动`), else that differs by one character (one replaced or one left out) |

use crate::engine::Engine;
use crate::small_sort;
use crate::pinyin::Kind;
use crate::results::{Completion, SearchOptions, Suggestion};
use crate::suffix::Unit;
use std::collections::HashMap;

/// Suffix-array probes one "did you mean" pattern may cost.
const SUGGEST_BUDGET: usize = 300_000;
/// Longest term a "did you mean" is looked for.
const MAX_SUGGEST_CHARS: usize = 16;
/// Phrases scanned for pinyin completions.
const MAX_PINYIN_SCAN: usize = 20_000;

impl Engine<'_> {
    /// The classes of phrase `i`.
    fn phrase_key(&self, p: &crate::shared::format::Phrase) -> impl Iterator<Item = u16> + '_ {
        let text = self.text();
        (p.start as usize..p.start as usize + usize::from(p.len)).map(move |i| text.class(i))
    }

    /// Up to `limit` completions of the last term of `query`, most frequent first. A query
    /// ending in white space, or whose last term is a filter, quoted or excluded, has none.
    pub fn complete(&self, query: &str, limit: usize) -> Vec<Completion> {
        if query.ends_with(char::is_whitespace) {
            return Vec::new();
        }
        let Some(last) = query.split_whitespace().last() else { return Vec::new() };
        if last.starts_with(['-', '"', '“', '「']) || last.contains([':', '：', '"', '|']) || last == "OR" {
            return Vec::new();
        }
        let head = query.get(..query.len() - last.len()).unwrap_or_default();
        let folded = self.fold(last);
        let mut found: Vec<(u32, String)> = Vec::new();
        // Phrases starting with the term's characters: a range of the sorted list.
        if let Some(key) = folded.chars().map(|c| self.class_of_char(c)).collect::<Option<Vec<u16>>>() {
            let phrases = &self.ix.phrases;
            let first = phrases.partition_point(|p| self.phrase_key(p).take(key.len()).lt(key.iter().copied()));
            for p in phrases.get(first..).unwrap_or_default() {
                if !self.phrase_key(p).take(key.len()).eq(key.iter().copied()) {
                    break;
                }
                if usize::from(p.len) > key.len() {
                    found.push((p.count, self.phrase_text(p)));
                }
            }
        }
        // Phrases whose first characters read as the term's pinyin.
        if folded.chars().any(|c| c.is_ascii_alphabetic()) {
            let syllables = self.syllables();
            let readings: Vec<crate::pinyin::Reading> = [Kind::Full, Kind::Prefix, Kind::Abbreviated]
                .into_iter()
                .flat_map(|k| syllables.read(&folded, |c| self.class_of_char(c), k))
                .collect();
            for p in self.ix.phrases.iter().take(MAX_PINYIN_SCAN) {
                let key: Vec<u16> = self.phrase_key(p).collect();
                let fits = readings.iter().any(|r| {
                    r.units.len() <= key.len()
                        && r.units.iter().zip(&key).all(|(u, &c)| match u {
                            crate::pinyin::Unit::Class(x) => *x == c,
                            crate::pinyin::Unit::Classes(cs) => cs.binary_search(&c).is_ok(),
                        })
                });
                if fits {
                    found.push((p.count, self.phrase_text(p)));
                }
            }
        }
        small_sort::sort_by(&mut found, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        // With other terms before it, a completion must still find something.
        let mut checks = if head.trim().is_empty() { usize::MAX } else { 3 * limit };
        let mut out: Vec<Completion> = Vec::new();
        for (count, text) in found {
            if out.len() == limit || checks == 0 {
                break;
            }
            if out.iter().any(|c| c.text == text) || self.fold(&text) == folded {
                continue;
            }
            let query = format!("{head}{text}");
            if checks != usize::MAX {
                checks -= 1;
                if self.search_once(&query, &SearchOptions::page(0, 0)).total == 0 {
                    continue;
                }
            }
            out.push(Completion { query, text, count });
        }
        out
    }

    fn phrase_text(&self, p: &crate::shared::format::Phrase) -> String {
        let start = p.start as usize;
        self.original(start..start + usize::from(p.len))
    }

    /// A query like `query` that finds something, when `query` finds nothing.
    pub(crate) fn did_you_mean(&self, query: &str) -> Option<Suggestion> {
        let q = self.parse(query);
        let mut suggested = query.to_string();
        let mut changed = false;
        for t in q.terms() {
            let found = t.classes.as_ref().is_some_and(|k| !self.postings(k).is_empty());
            if found || t.text.chars().count() > MAX_SUGGEST_CHARS {
                continue;
            }
            if let Some(better) = self.sounds_like(&t.text).or_else(|| self.one_off(&t.text)) {
                if let Some(at) = suggested.find(t.raw.as_str()) {
                    suggested.replace_range(at..at + t.raw.len(), &better);
                    changed = true;
                }
            }
        }
        if !changed {
            return None;
        }
        let total = self.search_once(&suggested, &SearchOptions::page(0, 0)).total;
        (total > 0).then_some(Suggestion { query: suggested, total })
    }

    /// The most frequent string that reads like `term` (every CJK character replaced by any
    /// character sharing one of its readings), other than `term` itself.
    fn sounds_like(&self, term: &str) -> Option<String> {
        let syllables = self.syllables();
        let mut sets: Vec<Vec<u16>> = Vec::new();
        for c in term.chars() {
            let class = self.class_of_char(c);
            let readings = class.map(|k| syllables.readings_of(k)).unwrap_or_default();
            if readings.is_empty() {
                sets.push(vec![class?]);
            } else {
                sets.push(small_sort::sorted_set(readings.iter().flat_map(|r| syllables.classes(r, true))));
            }
        }
        let units: Vec<Unit> = sets.iter().map(|s| Unit::AnyOf(s)).collect();
        self.most_frequent(&[units], term)
    }

    /// The most frequent string that differs from `term` by one character replaced, else by
    /// one left out (a prefix or part of the term would always win on counts otherwise).
    fn one_off(&self, term: &str) -> Option<String> {
        let classes: Vec<Option<u16>> = term.chars().map(|c| self.class_of_char(c)).collect();
        if classes.len() < 2 {
            return None;
        }
        let any: Vec<u16> = (1..=self.ix.classes.len() as u16).collect();
        let mut replaced: Vec<Vec<Unit>> = Vec::new();
        let mut dropped: Vec<Vec<Unit>> = Vec::new();
        for skip in 0..classes.len() {
            replaced.extend(
                classes
                    .iter()
                    .enumerate()
                    .map(|(i, c)| if i == skip { Some(Unit::AnyOf(&any)) } else { c.map(Unit::One) })
                    .collect::<Option<Vec<Unit>>>(),
            );
            if classes.len() > 2 {
                dropped.extend(
                    classes
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| *i != skip)
                        .map(|(_, c)| c.map(Unit::One))
                        .collect::<Option<Vec<Unit>>>(),
                );
            }
        }
        self.most_frequent(&replaced, term).or_else(|| self.most_frequent(&dropped, term))
    }

    /// The string (in its original characters) occurring most often among the matches of
    /// `patterns`, other than `term` (folded).
    fn most_frequent(&self, patterns: &[Vec<Unit>], term: &str) -> Option<String> {
        let text = self.text();
        let mut counts: HashMap<Vec<u16>, (u32, usize)> = HashMap::new();
        for units in patterns {
            let m = self.lookup_units(units, SUGGEST_BUDGET);
            for &p in m.positions.as_deref().unwrap_or_default() {
                let key: Vec<u16> = (p as usize..p as usize + units.len()).map(|i| text.class(i)).collect();
                counts.entry(key).or_insert((0, p as usize)).0 += 1;
            }
        }
        let same: Option<Vec<u16>> = term.chars().map(|c| self.class_of_char(c)).collect();
        counts
            .into_iter()
            .filter(|(k, _)| Some(k) != same.as_ref())
            .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.0.cmp(&a.0)))
            .map(|(k, (_, at))| self.original(at..at + k.len()))
    }
}
