//! Pinyin: Latin letters read as Mandarin syllables, the lower-ranked match path for people
//! who type what they hear.
//!
//! A term is read as pinyin when it consists of letters (with or without tone marks), tone
//! digits after syllables, apostrophes and CJK characters. Its letters are cut into units:
//!
//! | input | units | kind |
//! |---|---|---|
//! | `yiqing`, `yìqíng`, `yi4qing2`, `yi'qing` | yi · qing | full |
//! | `疫qing` | 疫 · qing | full |
//! | `yiq` | yi · q… (any syllable starting with q) | prefix: the last unit is still being typed |
//! | `yq` | y… · q… | abbreviated: initials only |
//! | `xian` | xian, or xi · an | full (both) |
//!
//! Each unit stands for the set of classes whose characters can be read so (all readings of a
//! polyphonic character count: 行 is xing and hang). Readings are tried kind by kind: full
//! readings, and only if they find nothing prefix readings (where a whole last syllable counts
//! as one being typed too: `yiqin` finds 疫情), then abbreviated ones.

use crate::small_sort;
use std::ops::Range;

/// Longest run of letters read as pinyin.
const MAX_LETTERS: usize = 40;
/// Most readings of one term.
pub const MAX_READINGS: usize = 8;
/// Longest syllable, in letters (`zhuang`, `shuang`).
const MAX_SYLLABLE: usize = 6;

/// How a reading cuts the letters; the order is the preference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// Every unit a whole syllable.
    Full,
    /// Whole syllables, then one being typed.
    Prefix,
    /// Some unit before the last is an initial standing for any syllable it starts.
    Abbreviated,
}

/// One position of a reading: a class, or the classes a syllable (or syllable prefix) covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unit {
    Class(u16),
    Classes(Vec<u16>),
}

/// One way to read a term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub units: Vec<Unit>,
    pub kind: Kind,
}

/// The syllable table of an index.
pub struct Syllables<'a> {
    names: &'a [&'a str],
    classes: &'a [Vec<u16>],
}

/// A piece of a term: letters between boundaries, or one CJK character's class.
enum Piece {
    Letters(String),
    Class(u16),
}

impl<'a> Syllables<'a> {
    pub fn new(names: &'a [&'a str], classes: &'a [Vec<u16>]) -> Syllables<'a> {
        Syllables { names, classes }
    }

    /// Syllables starting with `prefix`, as a range of the table.
    fn with_prefix(&self, prefix: &str) -> Range<usize> {
        let lo = self.names.partition_point(|s| *s < prefix);
        let hi = lo + self.names.get(lo..).unwrap_or_default().partition_point(|s| s.starts_with(prefix));
        lo..hi
    }

    /// True for a syllable with a vowel: the interjections `m`, `n`, `ng`, `hm` are readings
    /// too, but as cuts they would turn every `n` and `g` of a query into a syllable.
    fn is_syllable(&self, s: &str) -> bool {
        s.bytes().any(|b| b"aeiouv".contains(&b)) && self.names.binary_search(&s).is_ok()
    }

    /// The classes read as `s` (exactly, or as any syllable starting with it), sorted.
    pub fn classes(&self, s: &str, exact: bool) -> Vec<u16> {
        if exact {
            return match self.names.binary_search(&s) {
                Ok(i) => self.classes.get(i).cloned().unwrap_or_default(),
                Err(_) => Vec::new(),
            };
        }
        small_sort::sorted_set(self.classes.get(self.with_prefix(s)).unwrap_or_default().iter().flatten().copied())
    }

    /// Syllables whose class lists contain `class`: the readings of a character.
    pub fn readings_of(&self, class: u16) -> Vec<&'a str> {
        self.names
            .iter()
            .zip(self.classes)
            .filter(|(_, cs)| cs.binary_search(&class).is_ok())
            .map(|(n, _)| *n)
            .collect()
    }

    /// The readings of `term` (folded text) of exactly `kind`, at most [`MAX_READINGS`],
    /// fewest units first; empty when the term is not pinyin. `class_of` gives the class of a
    /// CJK character. Callers try [`Kind::Full`] first and fall back to the others when those
    /// find nothing: `yiqin` is 一亲… only until nothing is found, then `yi qin…` (疫情).
    pub fn read(&self, term: &str, class_of: impl Fn(char) -> Option<u16>, kind: Kind) -> Vec<Reading> {
        let Some(pieces) = pieces(term, &class_of) else { return Vec::new() };
        let letters: usize = pieces.iter().map(|p| if let Piece::Letters(l) = p { l.len() } else { 0 }).sum();
        if letters == 0 || letters > MAX_LETTERS || self.names.is_empty() {
            return Vec::new();
        }
        // Every way to cut each piece, as (units as (text, exact) or class, kind).
        let mut partial: Vec<(Vec<Cut>, Kind)> = vec![(Vec::new(), Kind::Full)];
        let last = pieces.len() - 1;
        for (i, piece) in pieces.iter().enumerate() {
            let cuts: Vec<(Vec<Cut>, Kind)> = match piece {
                Piece::Class(c) => vec![(vec![Cut::Class(*c)], Kind::Full)],
                Piece::Letters(l) => self.cut(l, i == last, kind),
            };
            let mut next = Vec::new();
            for (done, k) in &partial {
                for (more, k2) in &cuts {
                    let mut units = done.clone();
                    units.extend(more.iter().cloned());
                    next.push((units, (*k).max(*k2)));
                    if next.len() > 4 * MAX_READINGS {
                        break;
                    }
                }
            }
            partial = next;
        }
        partial.retain(|p| p.1 == kind);
        small_sort::sort_by(&mut partial, |a, b| a.0.len().cmp(&b.0.len()).then_with(|| a.0.cmp(&b.0)));
        partial.dedup_by(|a, b| a.0 == b.0);
        partial.truncate(MAX_READINGS);
        partial
            .into_iter()
            .map(|(cuts, kind)| Reading {
                units: cuts
                    .into_iter()
                    .map(|c| match c {
                        Cut::Class(c) => Unit::Class(c),
                        Cut::Syllable(s, exact) => Unit::Classes(self.classes(&s, exact)),
                    })
                    .collect(),
                kind,
            })
            .filter(|r| r.units.iter().all(|u| !matches!(u, Unit::Classes(cs) if cs.is_empty())))
            .collect()
    }

    /// The ways to cut `letters` into syllables with no unit worse than `allowed`; `at_end`
    /// allows the last unit to be a prefix.
    fn cut(&self, letters: &str, at_end: bool, allowed: Kind) -> Vec<(Vec<Cut>, Kind)> {
        let mut out = Vec::new();
        let mut stack = Vec::new();
        self.cut_from(letters, 0, at_end, allowed, Kind::Full, &mut stack, &mut out);
        small_sort::sort_by(&mut out, |a, b| a.0.len().cmp(&b.0.len()).then_with(|| a.0.cmp(&b.0)));
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn cut_from(
        &self,
        letters: &str,
        at: usize,
        at_end: bool,
        allowed: Kind,
        kind: Kind,
        stack: &mut Vec<Cut>,
        out: &mut Vec<(Vec<Cut>, Kind)>,
    ) {
        if out.len() >= 4 * MAX_READINGS || kind > allowed {
            return;
        }
        let rest = letters.get(at..).unwrap_or_default();
        if rest.is_empty() {
            out.push((stack.clone(), kind));
            return;
        }
        for len in (1..=rest.len().min(MAX_SYLLABLE)).rev() {
            let Some(s) = rest.get(..len) else { continue };
            let end = len == rest.len();
            let mut units: Vec<(Cut, Kind)> = Vec::new();
            if self.is_syllable(s) {
                units.push((Cut::Syllable(s.to_string(), true), Kind::Full));
            }
            if end && at_end && allowed >= Kind::Prefix && !self.with_prefix(s).is_empty() {
                // Still being typed: any syllable it starts (qin… is qin or qing).
                units.push((Cut::Syllable(s.to_string(), false), Kind::Prefix));
            } else if (!end || !at_end) && is_initial(s) && !self.with_prefix(s).is_empty() {
                units.push((Cut::Syllable(s.to_string(), false), Kind::Abbreviated));
            }
            for (unit, unit_kind) in units {
                stack.push(unit);
                self.cut_from(letters, at + len, at_end, allowed, kind.max(unit_kind), stack, out);
                stack.pop();
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Cut {
    Class(u16),
    /// Letters, and whether they are a whole syllable (else a prefix of one).
    Syllable(String, bool),
}

/// Initials an abbreviation may use.
fn is_initial(s: &str) -> bool {
    matches!(s, "zh" | "ch" | "sh")
        || (s.len() == 1 && s.bytes().all(|b| b.is_ascii_lowercase() && !b"aeiouv".contains(&b)))
}

/// A tone-marked vowel without its tone (`ü` and its toned forms as `v`).
fn untone(c: char) -> Option<char> {
    Some(match c {
        'a'..='z' => c,
        'ā' | 'á' | 'ǎ' | 'à' => 'a',
        'ē' | 'é' | 'ě' | 'è' | 'ê' => 'e',
        'ī' | 'í' | 'ǐ' | 'ì' => 'i',
        'ō' | 'ó' | 'ǒ' | 'ò' => 'o',
        'ū' | 'ú' | 'ǔ' | 'ù' => 'u',
        'ü' | 'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' => 'v',
        'ń' | 'ň' | 'ǹ' => 'n',
        'ḿ' => 'm',
        _ => return None,
    })
}

/// Splits a term into letter runs (cut at apostrophes and tone digits) and CJK classes;
/// `None` when it holds anything else.
fn pieces(term: &str, class_of: &impl Fn(char) -> Option<u16>) -> Option<Vec<Piece>> {
    let mut out = Vec::new();
    let mut letters = String::new();
    let flush = |letters: &mut String, out: &mut Vec<Piece>| {
        if !letters.is_empty() {
            out.push(Piece::Letters(std::mem::take(letters)));
        }
    };
    for c in term.chars() {
        if let Some(l) = untone(c) {
            letters.push(l);
        } else if (c.is_ascii_digit() && c <= '5' && !letters.is_empty()) || c == '\'' || c == '’' {
            // A tone digit or an apostrophe ends a syllable.
            flush(&mut letters, &mut out);
        } else if crate::shared::normalize::is_cjk(c) {
            flush(&mut letters, &mut out);
            out.push(Piece::Class(class_of(c)?));
        } else {
            return None;
        }
    }
    flush(&mut letters, &mut out);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Syllables with made-up classes: each syllable's classes are its position × 10 + 1, + 2.
    const NAMES: &[&str] = &["an", "g", "ge", "n", "qi", "qin", "qing", "xi", "xian", "yi", "yu", "zhong"];

    fn table() -> Vec<Vec<u16>> {
        (0..NAMES.len() as u16).map(|i| vec![i * 10 + 1, i * 10 + 2]).collect()
    }

    fn cuts(term: &str) -> Vec<(Vec<String>, Kind)> {
        let classes = table();
        let s = Syllables::new(NAMES, &classes);
        let Some(pieces) = pieces(term, &|_| Some(999)) else { return Vec::new() };
        let mut all = vec![(Vec::new(), Kind::Full)];
        let last = pieces.len() - 1;
        for (i, p) in pieces.iter().enumerate() {
            let options: Vec<(Vec<String>, Kind)> = match p {
                Piece::Class(_) => vec![(vec!["字".to_string()], Kind::Full)],
                Piece::Letters(l) => s
                    .cut(l, i == last, Kind::Abbreviated)
                    .into_iter()
                    .map(|(c, k)| {
                        (c.into_iter().map(|x| match x { Cut::Syllable(t, e) => if e { t } else { format!("{t}…") }, Cut::Class(_) => "字".into() }).collect(), k)
                    })
                    .collect(),
            };
            all = all.iter().flat_map(|(a, k)| options.iter().map(move |(b, k2)| ([a.clone(), b.clone()].concat(), (*k).max(*k2)))).collect();
        }
        all
    }

    #[test]
    fn whole_syllables_with_and_without_tones() {
        for t in ["yiqing", "yìqíng", "yi4qing2", "yi'qing"] {
            assert!(cuts(t).contains(&(vec!["yi".into(), "qing".into()], Kind::Full)), "{t}: {:?}", cuts(t));
        }
        assert!(cuts("xian").contains(&(vec!["xian".into()], Kind::Full)));
        assert!(cuts("xian").contains(&(vec!["xi".into(), "an".into()], Kind::Full)));
        // Vowelless interjection readings (n, g) are not cuts.
        let full: Vec<_> = cuts("qing").into_iter().filter(|c| c.1 == Kind::Full).collect();
        assert_eq!(full, vec![(vec!["qing".to_string()], Kind::Full)]);
    }

    #[test]
    fn a_last_unit_being_typed_is_a_prefix() {
        assert!(cuts("yiq").contains(&(vec!["yi".into(), "q…".into()], Kind::Prefix)), "{:?}", cuts("yiq"));
    }

    #[test]
    fn initials_abbreviate() {
        assert!(cuts("yq").contains(&(vec!["y…".into(), "q…".into()], Kind::Abbreviated)), "{:?}", cuts("yq"));
        assert!(cuts("zhq").contains(&(vec!["zh…".into(), "q…".into()], Kind::Abbreviated)));
    }

    #[test]
    fn other_text_is_not_pinyin() {
        assert!(pieces("covid-19", &|_| Some(1)).is_none());
        assert!(pieces("a.b", &|_| Some(1)).is_none());
        assert!(cuts("brx").iter().all(|c| c.1 != Kind::Full));
    }

    #[test]
    fn read_keeps_the_best_kind_and_sets_classes() {
        let classes = table();
        let s = Syllables::new(NAMES, &classes);
        let r = s.read("yiqing", |_| None, Kind::Full);
        assert!(!r.is_empty() && r.iter().all(|x| x.kind == Kind::Full), "{r:?}");
        assert_eq!(r[0].units, vec![Unit::Classes(vec![91, 92]), Unit::Classes(vec![61, 62])]);
        // A whole last syllable may also be one being typed: qin… covers qin and qing.
        let r = s.read("yiqin", |_| None, Kind::Prefix);
        assert_eq!(r[0].units[1], Unit::Classes(vec![51, 52, 61, 62]));
        // `q…` covers qi, qin and qing.
        let r = s.read("yiq", |_| None, Kind::Prefix);
        assert_eq!(r[0].units[1], Unit::Classes(vec![41, 42, 51, 52, 61, 62]));
        // A CJK character the corpus lacks: no reading.
        assert!(s.read("疫qing", |_| None, Kind::Full).is_empty());
        assert_eq!(s.read("疫qing", |_| Some(7), Kind::Full)[0].units[0], Unit::Class(7));
        assert!(s.read("", |_| None, Kind::Full).is_empty() && s.read("疫", |_| Some(7), Kind::Full).is_empty());
    }
}
