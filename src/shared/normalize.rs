//! Character folding: the one definition of "the same character" for search.
//!
//! Folding is *char-aligned*: every character of a notice maps to exactly one search
//! character, so a match found in the folded text is at the same character positions in the
//! original text, and highlights need no offset mapping.
//!
//! | input | folded | rule |
//! |---|---|---|
//! | `１２３ＡＢＣ，` | `123abc,` | NFKC width folding, then lowercase |
//! | `　` (U+3000), tab, newline | ` ` | every white-space character is a space |
//! | `⼯` (Kangxi radical U+2F2F) | `工` | NFKC, where it yields one character |
//! | `Ⅻ` → `xii` | `Ⅻ` stays | NFKC results longer than one character are not applied |
//!
//! The table of folds is computed once at build time (from Unicode NFKC data, in `build.rs`),
//! stored in the index and used by both the index builder and the query parser.

/// A sorted table of `(from, to)` character folds with a lookup.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folder {
    pairs: Vec<(char, char)>,
}

impl Folder {
    /// Builds a folder from `(from, to)` pairs (any order; later duplicates are ignored).
    pub fn new(mut pairs: Vec<(char, char)>) -> Folder {
        pairs.sort_unstable_by_key(|p| p.0);
        pairs.dedup_by_key(|p| p.0);
        Folder { pairs }
    }

    /// A folder from pairs already sorted by `from`, each `from` once (as an index stores
    /// them; `index::decode` checks it). Unsorted pairs give wrong folds, never a panic.
    pub fn from_sorted(pairs: Vec<(char, char)>) -> Folder {
        Folder { pairs }
    }

    /// The folded form of `c`.
    pub fn fold(&self, c: char) -> char {
        if c.is_whitespace() {
            return ' ';
        }
        match self.pairs.binary_search_by_key(&c, |p| p.0) {
            Ok(i) => self.pairs.get(i).map_or(c, |p| p.1),
            Err(_) => c,
        }
    }

    /// The pairs, sorted by `from`.
    pub fn pairs(&self) -> &[(char, char)] {
        &self.pairs
    }
}

/// True for characters of Latin-like scripts and digits, which form words; CJK characters
/// (and kana, hangul) do not: each is a unit of its own.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_cjk(c)
}

/// CJK ideographs, kana, hangul, bopomofo and their extensions.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF | 0x3040..=0x31FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF |
        0xA960..=0xA97F | 0xAC00..=0xD7FF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}
