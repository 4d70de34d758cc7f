//! The index format: what `build.rs` writes and the runtime reads.
//!
//! ```text
//! bytes 0..4   magic  b"NSIX"
//! bytes 4..8   format version, u32 little-endian (see [`VERSION`])
//! bytes 8..12  length of the body in bytes, u32 little-endian
//! bytes 12..20 checksum of the body, u64 little-endian (see [`checksum`])
//! bytes 20..   the body: postcard encoding of [`Index`]
//! ```
//!
//! The text of every notice is stored once, as a stream of 16-bit symbols (`symbols`, little
//! endian): symbol `s` stands for the character `alphabet[s]`, and symbol 0 ends each notice.
//! Symbols are numbered by frequency, which makes the stream smaller than UTF-8 once gzipped.
//! Each symbol also has a search class (`class_of[s]`): the position, plus one, of its folded
//! character in `classes`; class 0 is the separator. Search compares classes, display uses
//! symbols, so highlights always point at the original characters.
//!
//! `grams` lists every n-gram (of classes) that occurs at least `gram_min_occurrences` times,
//! with its per-notice posting list; rarer strings are found through the suffix array that the
//! runtime derives from the symbols (see `suffix.rs`).
//!
//! The rest serves query intelligence: `syllables` and `syllable_classes` give the classes
//! each toneless Mandarin syllable can be read as (only the corpus's characters), `synonyms`
//! the groups of interchangeable terms, and `phrases` the corpus's frequent phrases for
//! completions.

use serde::{Deserialize, Serialize};

/// First bytes of every index.
pub const MAGIC: [u8; 4] = *b"NSIX";
/// Version of the format; bump it on any change to the types below.
pub const VERSION: u32 = 4;
/// Bytes before the body: magic, version, body length, checksum.
pub const HEADER_BYTES: usize = 20;

/// Checksum of an index body: catches damage that still decodes (a flipped bit inside a
/// notice's text, a count or an offset that stays in range). Each step maps the running value
/// one-to-one, so damage confined to one aligned 8-byte word, any single flipped bit among
/// them, always changes the sum; other damage goes unnoticed with a chance of about 2^-64
/// (not a cryptographic hash: it guards against accidents, not forgery). It reads 8 bytes a
/// step, a few milliseconds for a large index.
pub fn checksum(body: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let step = |h: u64, w: u64| (h ^ w).wrapping_mul(K).rotate_left(29);
    let mut chunks = body.chunks_exact(8);
    let mut h = chunks.by_ref().fold(0x243F_6A88_85A3_08D3, |h, c| {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        step(h, u64::from_le_bytes(w))
    });
    let mut tail = [0u8; 8];
    if let Some(t) = tail.get_mut(..chunks.remainder().len()) {
        t.copy_from_slice(chunks.remainder());
    }
    h = step(h, u64::from_le_bytes(tail));
    step(h, body.len() as u64)
}

/// The encoded index: the header, then `body`; `None` if the body is 4 GiB or more.
pub fn seal(body: &[u8]) -> Option<Vec<u8>> {
    let len = u32::try_from(body.len()).ok()?;
    let mut out = Vec::with_capacity(HEADER_BYTES + body.len());
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(&checksum(body).to_le_bytes());
    out.extend_from_slice(body);
    Some(out)
}

/// A search index over a set of notices, borrowing its large parts from the encoded bytes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Index<'a> {
    /// Notices, in id order.
    #[serde(borrow)]
    pub docs: Vec<DocMeta<'a>>,
    /// Symbol → original character. Entry 0 (the separator) is `'\0'`.
    pub alphabet: Vec<char>,
    /// Symbol → search class.
    pub class_of: Vec<u16>,
    /// Class − 1 → folded character, sorted.
    pub classes: Vec<char>,
    /// Character folds for query text, restricted to folds whose result occurs in the corpus.
    pub folds: Vec<(char, char)>,
    /// All notice texts as little-endian `u16` symbols, each notice followed by symbol 0.
    #[serde(borrow)]
    pub symbols: &'a [u8],
    /// Frequent n-grams, sorted by key.
    #[serde(borrow)]
    pub grams: Vec<Gram<'a>>,
    /// N-grams with at least this many occurrences are all in `grams`.
    pub gram_min_occurrences: u32,
    /// Toneless Mandarin syllables read by the corpus's characters (`ü` written `v`), sorted.
    #[serde(borrow)]
    pub syllables: Vec<&'a str>,
    /// Per syllable: the classes that can be read so, sorted.
    pub syllable_classes: Vec<Vec<u16>>,
    /// Groups of interchangeable terms (folded), each with two or more members.
    #[serde(borrow)]
    pub synonyms: Vec<Vec<&'a str>>,
    /// Frequent phrases, sorted by their classes.
    pub phrases: Vec<Phrase>,
}

/// A frequent phrase: where it first occurs in the text, its length and how often it occurs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phrase {
    pub start: u32,
    pub len: u16,
    pub count: u32,
}

/// One notice's metadata and where its text lies in the symbol stream.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocMeta<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub source: &'a str,
    pub date: &'a str,
    pub url: &'a str,
    /// First symbol of the text (in symbols, not bytes).
    pub start: u32,
    /// Length of the text in symbols (= characters).
    pub len: u32,
    /// Where the title sits inside the text, in characters from `start`.
    pub title_start: u32,
    pub title_len: u32,
}

/// A frequent n-gram and its postings: repeated pairs of varints `(doc gap, tf · 2 + in
/// title)`: the gap to the previous notice (the first from notice 0; never 0 after the first),
/// the weighted count of occurrences (see [`occurrence_weight`]), and 1 when the string occurs
/// in the notice's title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gram<'a> {
    pub key: Vec<u16>,
    pub docs: u32,
    #[serde(borrow)]
    pub postings: &'a [u8],
}

/// Weight of one occurrence of a term, in half-units: 2 when it starts and ends on word
/// boundaries (always true for CJK), 1 when it sits inside a Latin word or a number (it still
/// matches: every substring is found, but whole words rank higher).
pub fn occurrence_weight(before: Option<bool>, first: bool, last: bool, after: Option<bool>) -> u32 {
    let cut_start = first && before == Some(true);
    let cut_end = last && after == Some(true);
    if cut_start || cut_end {
        1
    } else {
        2
    }
}
