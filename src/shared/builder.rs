//! Builds the encoded index from cleaned notices. Run by `build.rs`, and by tests and
//! benchmarks that need an index over a corpus of their own.

use super::clean::Notice;
use super::format::{self, DocMeta, Gram, Index};
use super::normalize::{is_cjk, is_word_char, Folder};
use super::phrases::{self, ClassKinds};
use super::varint;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// N-grams occurring at least this often get posting lists (see `format.rs`).
pub const DEFAULT_GRAM_MIN_OCCURRENCES: u32 = 500;
/// Longest n-gram considered for posting lists.
const MAX_GRAM_LEN: usize = 16;
/// Most phrases kept for completions.
pub const MAX_PHRASES: usize = 4000;

/// What the builder needs besides the notices.
pub struct Config<'a> {
    /// The one definition of "the same character" (see `normalize.rs`).
    pub folder: &'a Folder,
    /// Toneless Mandarin readings of a character (`ü` written `v`), empty for none.
    pub readings: &'a dyn Fn(char) -> Vec<String>,
    /// Groups of interchangeable terms, as written (they are folded here).
    pub synonyms: &'a [Vec<String>],
    /// N-grams occurring at least this often get posting lists.
    pub gram_min_occurrences: u32,
}

impl<'a> Config<'a> {
    /// Defaults: no readings, no synonyms, [`DEFAULT_GRAM_MIN_OCCURRENCES`].
    pub fn new(folder: &'a Folder) -> Config<'a> {
        Config { folder, readings: &|_| Vec::new(), synonyms: &[], gram_min_occurrences: DEFAULT_GRAM_MIN_OCCURRENCES }
    }
}

/// Why an index could not be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BuildError {
    /// More distinct characters than 16-bit symbols can hold.
    TooManyCharacters(usize),
    /// More text than 32-bit positions can address.
    TooMuchText(u64),
    /// Two notices share an id.
    DuplicateId(String),
    /// The encoder failed (should not happen).
    Encode(String),
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::TooManyCharacters(n) => write!(
                f,
                "the notices use {n} distinct characters; the index holds at most 65,535"
            ),
            BuildError::TooMuchText(n) => write!(
                f,
                "the notices hold {n} characters; the index holds at most 4,294,967,295"
            ),
            BuildError::DuplicateId(id) => write!(f, "two notices have the id {id:?}"),
            BuildError::Encode(e) => write!(f, "could not encode the index: {e}"),
        }
    }
}

impl std::error::Error for BuildError {}

/// Figures about a built index.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BuildStats {
    pub notices: usize,
    pub chars: u64,
    pub symbols: usize,
    pub classes: usize,
    pub grams: usize,
    pub posting_bytes: usize,
    pub syllables: usize,
    pub synonym_groups: usize,
    pub phrases: usize,
    pub index_bytes: usize,
}

/// Builds and encodes an index over `notices` (any order; stored in id order).
pub fn build(notices: &[Notice], config: &Config) -> Result<(Vec<u8>, BuildStats), BuildError> {
    let folder = config.folder;
    let gram_min_occurrences = config.gram_min_occurrences;
    let mut order: Vec<&Notice> = notices.iter().collect();
    order.sort_by(|a, b| a.id.cmp(&b.id));
    for pair in order.windows(2) {
        if pair[0].id == pair[1].id {
            return Err(BuildError::DuplicateId(pair[0].id.clone()));
        }
    }
    let texts: Vec<Vec<char>> = order
        .iter()
        .map(|n| n.text.chars().map(|c| if c == '\0' { ' ' } else { c }).collect())
        .collect();
    let total: u64 = texts.iter().map(|t| t.len() as u64 + 1).sum();
    if total > u64::from(u32::MAX) {
        return Err(BuildError::TooMuchText(total));
    }

    // Symbols, most frequent first; 0 is the separator.
    let mut freq: HashMap<char, u64> = HashMap::new();
    for t in &texts {
        for &c in t {
            *freq.entry(c).or_insert(0) += 1;
        }
    }
    let mut by_freq: Vec<(char, u64)> = freq.into_iter().collect();
    by_freq.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut alphabet = vec!['\0'];
    alphabet.extend(by_freq.iter().map(|p| p.0));
    if alphabet.len() > usize::from(u16::MAX) + 1 {
        return Err(BuildError::TooManyCharacters(alphabet.len() - 1));
    }
    let symbol_of: HashMap<char, u16> =
        alphabet.iter().enumerate().skip(1).map(|(i, &c)| (c, i as u16)).collect();

    // Search classes: the sorted folded characters.
    let mut classes: Vec<char> = alphabet.iter().skip(1).map(|&c| folder.fold(c)).collect();
    classes.sort_unstable();
    classes.dedup();
    let class_id = |c: char| classes.binary_search(&folder.fold(c)).map_or(0, |i| i as u16 + 1);
    let class_of: Vec<u16> = alphabet
        .iter()
        .enumerate()
        .map(|(i, &c)| if i == 0 { 0 } else { class_id(c) })
        .collect();
    let folds: Vec<(char, char)> = folder
        .pairs()
        .iter()
        .copied()
        .filter(|p| p.0 != p.1 && (classes.binary_search(&p.1).is_ok() || typed_latin(p.0)))
        .collect();
    let is_word: Vec<bool> = std::iter::once(false)
        .chain(classes.iter().map(|&c| is_word_char(c)))
        .collect();

    // The symbol stream, the class stream and the notices' places in them.
    let mut symbols = Vec::with_capacity(total as usize * 2);
    let mut cls: Vec<u16> = Vec::with_capacity(total as usize);
    let mut docs = Vec::with_capacity(order.len());
    for (n, t) in order.iter().zip(&texts) {
        let start = cls.len() as u32;
        for c in t {
            let s = symbol_of.get(c).copied().unwrap_or(0);
            symbols.extend_from_slice(&s.to_le_bytes());
            cls.push(class_of.get(usize::from(s)).copied().unwrap_or(0));
        }
        symbols.extend_from_slice(&0u16.to_le_bytes());
        cls.push(0);
        let len = t.len() as u32;
        let title_start = (n.title_chars.start as u32).min(len);
        let title_len = (n.title_chars.end as u32).min(len).saturating_sub(title_start);
        docs.push(DocMeta {
            id: &n.id,
            title: &n.title,
            source: &n.source,
            date: &n.date,
            url: &n.url,
            start,
            len,
            title_start,
            title_len,
        });
    }

    let space = classes.binary_search(&' ').ok().map(|i| i as u16 + 1);
    let grams = frequent_grams(&cls, space, gram_min_occurrences);
    let mut keyed: Vec<(Vec<u16>, u32, Vec<u8>)> = gram_postings(&cls, &docs, &grams, &is_word)
        .into_iter()
        .map(|(key, (ndocs, bytes))| (key.to_vec(), ndocs, bytes))
        .collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    let gram_list: Vec<Gram> = keyed
        .iter()
        .map(|(key, ndocs, bytes)| Gram { key: key.clone(), docs: *ndocs, postings: bytes })
        .collect();
    let posting_bytes = keyed.iter().map(|k| k.2.len()).sum();

    let (syllables, syllable_classes) = readings(&alphabet, &class_of, config.readings);
    let synonyms = fold_synonyms(config.synonyms, folder);
    let cjk: Vec<bool> = std::iter::once(false).chain(classes.iter().map(|&c| is_cjk(c))).collect();
    let function = phrases::function_classes(&classes);
    let kinds = ClassKinds { cjk: &cjk, word: &is_word, function: &function };
    let min_count = if docs.len() < 50 { 2 } else { 5 };
    let phrase_list = phrases::frequent_phrases(&cls, &kinds, min_count, MAX_PHRASES);

    let index = Index {
        docs,
        alphabet,
        class_of,
        classes,
        folds,
        symbols: &symbols,
        grams: gram_list,
        gram_min_occurrences,
        syllables: syllables.iter().map(String::as_str).collect(),
        syllable_classes,
        synonyms: synonyms.iter().map(|g| g.iter().map(String::as_str).collect()).collect(),
        phrases: phrase_list,
    };
    let body = postcard::to_allocvec(&index).map_err(|e| BuildError::Encode(e.to_string()))?;
    let out = format::seal(&body).ok_or_else(|| BuildError::Encode(format!("the index is {} bytes; at most 4 GiB", body.len())))?;
    let stats = BuildStats {
        notices: index.docs.len(),
        chars: total - index.docs.len() as u64,
        symbols: index.alphabet.len() - 1,
        classes: index.classes.len(),
        grams: index.grams.len(),
        posting_bytes,
        syllables: index.syllables.len(),
        synonym_groups: index.synonyms.len(),
        phrases: index.phrases.len(),
        index_bytes: out.len(),
    };
    Ok((out, stats))
}

/// Every n-gram of classes (no separator, no space) occurring at least `min` times, found
/// level by level: an n-gram can only be frequent if both its (n−1)-grams are.
fn frequent_grams(cls: &[u16], space: Option<u16>, min: u32) -> HashSet<&[u16]> {
    let ok = |c: &u16| *c != 0 && Some(*c) != space;
    let mut all: HashSet<&[u16]> = HashSet::new();
    let mut level: HashSet<&[u16]> = HashSet::new();
    let mut counts: HashMap<&[u16], u32> = HashMap::new();
    for w in cls.windows(1).filter(|w| w.iter().all(ok)) {
        *counts.entry(w).or_insert(0) += 1;
    }
    for len in 2..=MAX_GRAM_LEN + 1 {
        level.clear();
        level.extend(counts.drain().filter(|e| e.1 >= min.max(1)).map(|e| e.0));
        if level.is_empty() || len > MAX_GRAM_LEN {
            all.extend(level.iter().copied());
            break;
        }
        all.extend(level.iter().copied());
        for w in cls.windows(len) {
            if level.contains(&w[..len - 1]) && level.contains(&w[1..]) && w.iter().all(ok) {
                *counts.entry(w).or_insert(0) += 1;
            }
        }
    }
    all
}

/// A posting list under construction.
#[derive(Default)]
struct PostingWriter {
    bytes: Vec<u8>,
    docs: u32,
    prev_doc: u32,
    doc: u32,
    tf: u32,
    in_title: bool,
}

impl PostingWriter {
    fn add(&mut self, doc: u32, weight: u32, in_title: bool) {
        if doc != self.doc {
            self.flush();
            self.doc = doc;
        }
        self.tf += weight;
        self.in_title |= in_title;
    }

    fn flush(&mut self) {
        if self.tf > 0 {
            varint::put(&mut self.bytes, self.doc - self.prev_doc);
            varint::put(&mut self.bytes, self.tf.saturating_mul(2) | u32::from(self.in_title));
            self.prev_doc = self.doc;
            self.docs += 1;
        }
        self.tf = 0;
        self.in_title = false;
    }
}

/// Posting lists of the frequent grams: per gram, the number of notices and the encoded list.
fn gram_postings<'c>(
    cls: &'c [u16],
    docs: &[DocMeta],
    grams: &HashSet<&'c [u16]>,
    is_word: &[bool],
) -> HashMap<&'c [u16], (u32, Vec<u8>)> {
    let word = |c: u16| is_word.get(usize::from(c)).copied().unwrap_or(false);
    let mut lists: HashMap<&[u16], PostingWriter> = HashMap::new();
    for (d, meta) in docs.iter().enumerate() {
        let start = meta.start as usize;
        let end = start + meta.len as usize;
        let t0 = start + meta.title_start as usize;
        let t1 = t0 + meta.title_len as usize;
        for i in start..end {
            let before = i.checked_sub(1).and_then(|j| cls.get(j)).map(|&c| word(c));
            for len in 1..=MAX_GRAM_LEN.min(end - i) {
                let w = &cls[i..i + len];
                if !grams.contains(w) {
                    break;
                }
                let after = cls.get(i + len).map(|&c| word(c));
                let weight =
                    format::occurrence_weight(before, word(w[0]), word(w[len - 1]), after);
                let in_title = i >= t0 && i + len <= t1;
                lists.entry(w).or_default().add(d as u32, weight, in_title);
            }
        }
    }
    lists
        .into_iter()
        .map(|(k, mut w)| {
            w.flush();
            (k, (w.docs, w.bytes))
        })
        .collect()
}

/// The toneless syllables read by the corpus's CJK characters, sorted, and per syllable the
/// classes that can be read so: a class has the readings of every character folded onto it.
fn readings(
    alphabet: &[char],
    class_of: &[u16],
    read: &dyn Fn(char) -> Vec<String>,
) -> (Vec<String>, Vec<Vec<u16>>) {
    let mut by_syllable: std::collections::BTreeMap<String, Vec<u16>> = Default::default();
    for (&c, &class) in alphabet.iter().zip(class_of).skip(1) {
        if !is_cjk(c) {
            continue;
        }
        for r in read(c) {
            let r = r.trim().to_lowercase();
            if !r.is_empty() && r.len() <= 8 && r.bytes().all(|b| b.is_ascii_lowercase()) {
                by_syllable.entry(r).or_default().push(class);
            }
        }
    }
    let mut syllables = Vec::with_capacity(by_syllable.len());
    let mut classes = Vec::with_capacity(by_syllable.len());
    for (s, mut cs) in by_syllable {
        cs.sort_unstable();
        cs.dedup();
        syllables.push(s);
        classes.push(cs);
    }
    (syllables, classes)
}

/// Synonym groups folded like text, members trimmed and deduplicated; groups of fewer than two
/// members are dropped, and so are exact duplicate groups.
fn fold_synonyms(groups: &[Vec<String>], folder: &Folder) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    for g in groups {
        let mut members: Vec<String> = Vec::new();
        for m in g {
            let folded: String = m.chars().map(|c| folder.fold(c)).collect();
            let folded = folded.split_whitespace().collect::<Vec<_>>().join(" ");
            if !folded.is_empty() && !members.contains(&folded) {
                members.push(folded);
            }
        }
        if members.len() >= 2 && !out.contains(&members) {
            out.push(members);
        }
    }
    out
}

/// Latin letters and digits as typed, half or full width: their folds are kept even when the
/// corpus lacks the result, because pinyin queries (`YiQing`, `ｙｉｑｉｎｇ`) need them.
fn typed_latin(c: char) -> bool {
    matches!(c as u32, 0x41..=0x5A | 0xC0..=0x24F | 0xFF10..=0xFF19 | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A)
}
