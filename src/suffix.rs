//! Suffix arrays over the notice text, derived from the index at start-up.
//!
//! Storing positions for every n-gram would make the index larger than the text itself; a
//! suffix array finds every occurrence of a string of any length with two binary searches and
//! costs 4 bytes per character in memory, nothing in the download. The text is split into
//! shards of whole notices so that building needs little memory beyond the arrays themselves.

use crate::sais::{self, Symbols};

/// Shards hold about this many characters (a single longer notice makes a shard of its own).
const SHARD_CHARS: usize = 1 << 19;

/// The search classes of the text, read from the index's symbol stream.
#[derive(Clone, Copy)]
pub struct ClassText<'a> {
    pub symbols: &'a [u8],
    pub class_of: &'a [u16],
}

impl ClassText<'_> {
    /// Number of positions (symbols) in the text.
    pub fn len(&self) -> usize {
        self.symbols.len() / 2
    }

    /// Class at position `i`; 0 (the separator) outside the text.
    #[inline]
    pub fn class(&self, i: usize) -> u16 {
        match self.symbols.get(2 * i..2 * i + 2) {
            Some(c) => {
                let s = u16::from_le_bytes([c[0], c[1]]);
                self.class_of.get(usize::from(s)).copied().unwrap_or(0)
            }
            None => 0,
        }
    }
}

/// A shard's slice of the text as SA-IS input: classes shifted up by one, then a 0 sentinel.
struct ShardSymbols<'a> {
    text: ClassText<'a>,
    start: usize,
    len: usize,
}

impl Symbols for ShardSymbols<'_> {
    fn len(&self) -> usize {
        self.len + 1
    }
    fn at(&self, i: usize) -> usize {
        if i >= self.len {
            0
        } else {
            usize::from(self.text.class(self.start + i)) + 1
        }
    }
}

/// The suffix array of one shard; entries are positions relative to `start`.
pub struct Shard {
    start: usize,
    len: usize,
    sa: Vec<u32>,
}

/// Suffix arrays over the whole text.
pub struct SuffixIndex {
    shards: Vec<Shard>,
}

impl SuffixIndex {
    /// Builds the shards; `doc_ends` are the positions of the separators that end notices.
    pub fn build(text: ClassText<'_>, nclasses: usize, doc_ends: &[usize]) -> SuffixIndex {
        let mut shards = Vec::new();
        let mut start = 0;
        let mut end = 0;
        for &e in doc_ends {
            if end > start && e + 1 - start > SHARD_CHARS {
                shards.push(Self::shard(text, nclasses, start, end));
                start = end;
            }
            end = e + 1;
        }
        if end > start {
            shards.push(Self::shard(text, nclasses, start, end));
        }
        SuffixIndex { shards }
    }

    fn shard(text: ClassText<'_>, nclasses: usize, start: usize, end: usize) -> Shard {
        let input = ShardSymbols { text, start, len: end - start };
        let mut sa = vec![0u32; input.len()];
        sais::suffix_array(&input, &mut sa, nclasses + 2);
        Shard { start, len: end - start, sa }
    }

    /// Calls `f` with the text position of every occurrence of `pattern` (non-empty classes).
    pub fn for_each_occurrence(&self, text: ClassText<'_>, pattern: &[u16], mut f: impl FnMut(usize)) {
        for shard in &self.shards {
            let cmp = |p: &u32| -> std::cmp::Ordering {
                let p = *p as usize;
                for (d, &c) in pattern.iter().enumerate() {
                    if p + d >= shard.len {
                        return std::cmp::Ordering::Less;
                    }
                    let t = text.class(shard.start + p + d);
                    if t != c {
                        return t.cmp(&c);
                    }
                }
                std::cmp::Ordering::Equal
            };
            let lo = shard.sa.partition_point(|p| cmp(p) == std::cmp::Ordering::Less);
            let hi = lo + shard.sa[lo..].partition_point(|p| cmp(p) == std::cmp::Ordering::Equal);
            for &p in &shard.sa[lo..hi] {
                f(shard.start + p as usize);
            }
        }
    }

    /// Bytes held by the arrays.
    pub fn heap_bytes(&self) -> usize {
        self.shards.iter().map(|s| s.sa.capacity() * 4).sum()
    }
}
