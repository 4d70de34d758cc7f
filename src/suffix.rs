//! Suffix arrays over the notice text, derived from the index at start-up.
//!
//! Storing positions for every n-gram would make the index larger than the text itself; a
//! suffix array finds every occurrence of a string of any length with two binary searches and
//! costs 4 bytes per character in memory, nothing in the download. The text is split into
//! shards of whole notices so that building needs little memory beyond the arrays themselves.

use crate::sais::{self, Symbols};

/// Shards hold about this many characters (a single longer notice makes a shard of its own).
const SHARD_CHARS: usize = 1 << 22;

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
    /// `buckets[c]..buckets[c + 1]` is the part of `sa` whose suffixes start with class `c`.
    buckets: Vec<u32>,
}

/// Suffix arrays over the whole text.
pub struct SuffixIndex {
    shards: Vec<Shard>,
}

/// One position of a search pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit<'a> {
    /// Exactly this class.
    One(u16),
    /// Any of these classes (sorted ascending).
    AnyOf(&'a [u16]),
}

/// A limit on the work one pattern search may do: `steps` counts suffix-array probes.
pub struct Budget {
    pub steps: usize,
    /// Set when the search stopped early for lack of steps.
    pub exhausted: bool,
}

impl Budget {
    pub fn new(steps: usize) -> Budget {
        Budget { steps, exhausted: false }
    }

    fn spend(&mut self, n: usize) -> bool {
        if self.steps < n {
            self.steps = 0;
            self.exhausted = true;
            false
        } else {
            self.steps -= n;
            true
        }
    }
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
        // Suffixes are sorted by their first class, so the buckets are prefix sums of counts.
        let mut buckets = vec![0u32; nclasses + 2];
        for i in 0..end - start {
            if let Some(b) = buckets.get_mut(usize::from(text.class(start + i)) + 1) {
                *b += 1;
            }
        }
        // Now buckets[c + 1] counts class c; the prefix sums below shift that into starts.
        // The sentinel suffix (the shard's end) sorts first, before class 0: bucket c starts
        // after it and every suffix of a smaller class.
        let mut sum = 1;
        for b in buckets.iter_mut() {
            sum += *b;
            *b = sum;
        }
        Shard { start, len: end - start, sa, buckets }
    }

    /// Calls `f` with the text position of every occurrence of `pattern`, a string in which
    /// each position may allow several classes, until `budget` runs out.
    pub fn for_each_match(&self, text: ClassText<'_>, pattern: &[Unit], budget: &mut Budget, f: &mut impl FnMut(usize)) {
        if pattern.is_empty() {
            return;
        }
        for shard in &self.shards {
            let mut walk = Walk { shard, text, pattern, budget: &mut *budget, f: &mut *f };
            walk.from(0, 0, shard.sa.len());
        }
    }

    /// Bytes held by the arrays.
    pub fn heap_bytes(&self) -> usize {
        self.shards.iter().map(|s| s.sa.capacity() * 4 + s.buckets.capacity() * 4).sum()
    }
}

/// A depth-first walk down the suffix array of one shard.
struct Walk<'w, 't, 'p, F: FnMut(usize)> {
    shard: &'w Shard,
    text: ClassText<'t>,
    pattern: &'p [Unit<'p>],
    budget: &'w mut Budget,
    f: &'w mut F,
}

impl<F: FnMut(usize)> Walk<'_, '_, '_, F> {
    /// Class at `depth` of the suffix at `sa[i]`; 0 past the shard's end.
    #[inline]
    fn class(&self, i: usize, depth: usize) -> u16 {
        match self.shard.sa.get(i) {
            Some(&p) if (p as usize) + depth < self.shard.len => self.text.class(self.shard.start + p as usize + depth),
            _ => 0,
        }
    }

    /// The part of `lo..hi` (suffixes sharing their first `depth` classes) whose class at
    /// `depth` is `c`.
    fn narrow(&mut self, depth: usize, lo: usize, hi: usize, c: u16) -> (usize, usize) {
        if depth == 0 {
            let b = &self.shard.buckets;
            let at = |c: usize| b.get(c).map_or(lo, |&x| x as usize);
            return (at(usize::from(c)).clamp(lo, hi), at(usize::from(c) + 1).clamp(lo, hi));
        }
        let steps = 2 * (usize::BITS - (hi - lo).leading_zeros()) as usize;
        if !self.budget.spend(steps) {
            return (lo, lo);
        }
        let (mut a, mut b) = (lo, hi);
        while a < b {
            let m = a + (b - a) / 2;
            if self.class(m, depth) < c { a = m + 1 } else { b = m }
        }
        let first = a;
        let mut b = hi;
        while a < b {
            let m = a + (b - a) / 2;
            if self.class(m, depth) <= c { a = m + 1 } else { b = m }
        }
        (first, a)
    }

    /// The first index in `from..hi` whose class at `depth` is at least `c` (`hi` if none):
    /// exponential probing from `from`, then binary search, so nearby answers are cheap.
    fn first_at_least(&mut self, depth: usize, from: usize, hi: usize, c: u32) -> usize {
        let below = |w: &Self, i: usize| u32::from(w.class(i, depth)) < c;
        if from >= hi || !below(self, from) {
            return from;
        }
        // Invariant: the class at `known` is below c.
        let (mut known, mut step) = (from, 1);
        let mut probe = from + 1;
        while probe < hi && below(self, probe) {
            self.budget.spend(1);
            known = probe;
            step *= 2;
            probe = known + step;
        }
        let (mut a, mut b) = (known + 1, probe.min(hi));
        while a < b {
            self.budget.spend(1);
            let m = a + (b - a) / 2;
            if below(self, m) { a = m + 1 } else { b = m }
        }
        a
    }

    fn from(&mut self, mut depth: usize, mut lo: usize, mut hi: usize) {
        while lo < hi && !self.budget.exhausted {
            match self.pattern.get(depth) {
                None => {
                    for &p in self.shard.sa.get(lo..hi).unwrap_or_default() {
                        (self.f)(self.shard.start + p as usize);
                    }
                    return;
                }
                Some(&Unit::One(c)) => {
                    (lo, hi) = self.narrow(depth, lo, hi, c);
                    depth += 1;
                }
                Some(&Unit::AnyOf(cs)) if depth == 0 => {
                    // The buckets give each candidate's range at once.
                    for &c in cs {
                        let (a, b) = self.narrow(depth, lo, hi, c);
                        self.from(depth + 1, a, b);
                    }
                    return;
                }
                Some(&Unit::AnyOf(cs)) => {
                    // Intersect the sorted candidates with the sorted classes present, skipping
                    // ahead on whichever side is behind.
                    let (mut i, mut k) = (lo, 0);
                    while let (true, Some(&want)) = (i < hi && !self.budget.exhausted, cs.get(k)) {
                        let here = self.class(i, depth);
                        if here < want {
                            i = self.first_at_least(depth, i, hi, u32::from(want));
                        } else if here > want {
                            k += cs.get(k..).unwrap_or_default().partition_point(|&x| x < here);
                        } else {
                            let end = self.first_at_least(depth, i, hi, u32::from(here) + 1);
                            self.from(depth + 1, i, end);
                            i = end;
                            k += 1;
                        }
                    }
                    return;
                }
            }
        }
    }
}
