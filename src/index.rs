//! Decoding and validating an encoded index (see `shared/format.rs` for the layout).

use crate::shared::format::{self, Index};
use crate::shared::varint;
use std::fmt;

/// Why index bytes could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndexError {
    /// The bytes do not start with the index magic: not an index at all.
    NotAnIndex,
    /// An index of another format version; rebuild it with this version.
    Version { found: u32, expected: u32 },
    /// The bytes are damaged (truncated, flipped, or inconsistent); says where.
    Corrupt(String),
}

impl fmt::Display for IndexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IndexError::NotAnIndex => write!(f, "not a notice-search index (bad magic bytes)"),
            IndexError::Version { found, expected } => write!(
                f,
                "index format version {found}, but this build reads version {expected}: rebuild the index"
            ),
            IndexError::Corrupt(what) => write!(f, "corrupt index: {what}"),
        }
    }
}

impl std::error::Error for IndexError {}

fn corrupt(what: impl Into<String>) -> IndexError {
    IndexError::Corrupt(what.into())
}

/// Decodes `bytes` without copying the text, and checks every invariant the search code
/// relies on, so that no later lookup can go out of bounds.
pub fn decode(bytes: &[u8]) -> Result<Index<'_>, IndexError> {
    let magic = bytes.get(..4).ok_or(IndexError::NotAnIndex)?;
    if magic != format::MAGIC {
        return Err(IndexError::NotAnIndex);
    }
    let field = |at: usize, n: usize| {
        let v = bytes.get(at..at + n).ok_or_else(|| corrupt("truncated header"))?;
        Ok::<u64, IndexError>(v.iter().rev().fold(0, |a, &b| a << 8 | u64::from(b)))
    };
    let version = field(4, 4)? as u32;
    if version != format::VERSION {
        return Err(IndexError::Version { found: version, expected: format::VERSION });
    }
    let (len, stored) = (field(8, 4)?, field(12, 8)?);
    let body = bytes.get(format::HEADER_BYTES..).unwrap_or_default();
    if (body.len() as u64) < len {
        return Err(corrupt(format!("truncated: the body has {} of its {len} bytes", body.len())));
    }
    if body.len() as u64 > len {
        return Err(corrupt(format!("{} unexpected bytes after the index", body.len() as u64 - len)));
    }
    if format::checksum(body) != stored {
        return Err(corrupt("checksum mismatch: the bytes were damaged (a flipped bit?)"));
    }
    let (index, rest): (Index, &[u8]) =
        postcard::take_from_bytes(body).map_err(|e| corrupt(format!("cannot decode: {e}")))?;
    if !rest.is_empty() {
        return Err(corrupt(format!("{} unexpected bytes after the index", rest.len())));
    }
    validate(&index)?;
    Ok(index)
}

fn validate(ix: &Index) -> Result<(), IndexError> {
    if ix.alphabet.is_empty() || ix.alphabet.len() > 65536 {
        return Err(corrupt("alphabet size out of range"));
    }
    if ix.class_of.len() != ix.alphabet.len() {
        return Err(corrupt("class table does not match the alphabet"));
    }
    if ix.classes.len() > 65535 || ix.classes.windows(2).any(|w| w[0] >= w[1]) {
        return Err(corrupt("classes are not a sorted set"));
    }
    let nclasses = ix.classes.len() as u16;
    if ix.class_of.iter().skip(1).any(|&c| c == 0 || c > nclasses) || ix.class_of[0] != 0 {
        return Err(corrupt("symbol class out of range"));
    }
    if !ix.symbols.len().is_multiple_of(2) {
        return Err(corrupt("symbol stream has an odd length"));
    }
    let nsym = ix.symbols.len() / 2;
    if nsym > u32::MAX as usize {
        return Err(corrupt("symbol stream too long"));
    }
    let alphabet = ix.alphabet.len();
    if ix.symbols.chunks_exact(2).any(|c| usize::from(u16::from_le_bytes([c[0], c[1]])) >= alphabet) {
        return Err(corrupt("symbol out of range"));
    }
    let sym = |i: usize| {
        ix.symbols.get(2 * i..2 * i + 2).map(|c| u16::from_le_bytes([c[0], c[1]]))
    };
    let mut expected_start = 0usize;
    for (d, doc) in ix.docs.iter().enumerate() {
        let (start, len) = (doc.start as usize, doc.len as usize);
        if start != expected_start || start + len >= nsym + usize::from(nsym == 0) {
            return Err(corrupt(format!("notice {d} lies outside the text")));
        }
        if sym(start + len) != Some(0) || (start..start + len).any(|i| sym(i) == Some(0)) {
            return Err(corrupt(format!("notice {d} is not separated properly")));
        }
        if doc.title_start as usize + doc.title_len as usize > len {
            return Err(corrupt(format!("title of notice {d} lies outside its text")));
        }
        if d > 0 && ix.docs[d - 1].id >= doc.id {
            return Err(corrupt("notices are not sorted by id"));
        }
        expected_start = start + len + 1;
    }
    if expected_start != nsym {
        return Err(corrupt("text does not end after the last notice"));
    }
    if ix.grams.windows(2).any(|w| w[0].key >= w[1].key) {
        return Err(corrupt("n-grams are not sorted"));
    }
    for g in &ix.grams {
        if g.key.is_empty() || g.key.iter().any(|&c| c == 0 || c > nclasses) {
            return Err(corrupt("n-gram key out of range"));
        }
        let postings = read_postings(g.postings, ix.docs.len())
            .ok_or_else(|| corrupt("damaged posting list"))?;
        if postings.len() != g.docs as usize {
            return Err(corrupt("posting list length mismatch"));
        }
    }
    if ix.folds.windows(2).any(|w| w[0].0 >= w[1].0) {
        return Err(corrupt("fold table is not sorted"));
    }
    if ix.syllables.len() != ix.syllable_classes.len() || ix.syllables.windows(2).any(|w| w[0] >= w[1]) {
        return Err(corrupt("syllable table is not a sorted set"));
    }
    for cs in &ix.syllable_classes {
        if cs.iter().any(|&c| c == 0 || c > nclasses) || cs.windows(2).any(|w| w[0] >= w[1]) {
            return Err(corrupt("syllable classes out of range"));
        }
    }
    if ix.synonyms.iter().any(|g| g.len() < 2 || g.iter().any(|m| m.is_empty())) {
        return Err(corrupt("synonym group with fewer than two members"));
    }
    let class_at = |i: usize| sym(i).and_then(|s| ix.class_of.get(usize::from(s)).copied()).unwrap_or(0);
    let key = |p: &format::Phrase| (p.start as usize..p.start as usize + usize::from(p.len)).map(class_at);
    for (i, p) in ix.phrases.iter().enumerate() {
        let end = p.start as usize + usize::from(p.len);
        if p.count == 0 {
            return Err(corrupt(format!("phrase {i} occurs nowhere")));
        }
        if p.len == 0 || end > nsym || key(p).any(|c| c == 0) {
            return Err(corrupt(format!("phrase {i} lies outside the text")));
        }
        if i > 0 && ix.phrases.get(i - 1).is_some_and(|q| key(q).cmp(key(p)).is_ge()) {
            return Err(corrupt("phrases are not sorted"));
        }
    }
    Ok(())
}

/// One notice's entry in a posting list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    pub doc: u32,
    /// Weighted count of occurrences, in half-units (see `format::occurrence_weight`).
    pub tf: u32,
    /// True when the string occurs in the notice's title.
    pub in_title: bool,
}

/// Iterates over an encoded posting list; stops early (after yielding the valid prefix) at
/// damage, which [`read_postings`] reports. Lists in a decoded index are checked at load.
#[derive(Clone)]
pub struct PostingIter<'a> {
    bytes: &'a [u8],
    at: usize,
    doc: u32,
    started: bool,
    ndocs: usize,
}

impl<'a> PostingIter<'a> {
    pub fn new(bytes: &'a [u8], ndocs: usize) -> Self {
        PostingIter { bytes, at: 0, doc: 0, started: false, ndocs }
    }

    /// True when the whole list has been read.
    pub fn is_done(&self) -> bool {
        self.at >= self.bytes.len()
    }

    #[inline]
    fn next_varint(&mut self) -> Option<u32> {
        let b = *self.bytes.get(self.at)?;
        if b < 0x80 {
            self.at += 1;
            return Some(u32::from(b));
        }
        let (v, used) = varint::get(self.bytes.get(self.at..)?)?;
        self.at += used;
        Some(v)
    }

    fn step(&mut self) -> Option<Posting> {
        let gap = self.next_varint()?;
        if self.started && gap == 0 {
            return None;
        }
        self.started = true;
        self.doc = self.doc.checked_add(gap)?;
        let packed = self.next_varint()?;
        let tf = packed >> 1;
        if self.doc as usize >= self.ndocs || tf == 0 {
            return None;
        }
        Some(Posting { doc: self.doc, tf, in_title: packed & 1 == 1 })
    }
}

impl Iterator for PostingIter<'_> {
    type Item = Posting;

    fn next(&mut self) -> Option<Posting> {
        let p = self.step();
        if p.is_none() {
            self.at = self.bytes.len();
        }
        p
    }
}

/// Decodes a posting list; `None` if it is damaged or names a notice `>= ndocs`.
pub fn read_postings(bytes: &[u8], ndocs: usize) -> Option<Vec<Posting>> {
    // Each posting takes at least 2 bytes.
    let mut out = Vec::with_capacity(bytes.len() / 2);
    let mut it = PostingIter::new(bytes, ndocs);
    while !it.is_done() {
        out.push(it.step()?);
    }
    Some(out)
}
