//! The search engine: finds, ranks and presents notices for a query.
//!
//! Every term is looked up either in the frequent n-gram posting lists stored in the index or,
//! for rarer strings, through the suffix array, giving per-notice counts of exact matches.
//! Notices containing every term are scored with BM25 (k1 = 1.2, b = 0.75), plus a bonus for
//! terms in the title and for multi-term queries whose terms occur as one contiguous run.

use crate::index::{self, read_postings, IndexError, Posting, PostingIter};
use crate::query::{self, Query};
use crate::results::{Hit, NoticeView, SearchOptions, SearchResult, Segment, Stats, MAX_LIMIT};
use crate::shared::format::{self, Gram, Index};
use crate::shared::normalize::{is_word_char, Folder};
use crate::snippet::{self, Occurrence};
use crate::suffix::{ClassText, SuffixIndex};

const K1: f32 = 1.2;
const B: f32 = 0.75;
/// Added, times the term's idf, when a term occurs in the title.
const TITLE_BOOST: f32 = 2.0;
/// Weight of the whole query as one contiguous phrase, for multi-term queries.
const PHRASE_BOOST: f32 = 1.0;
/// Matches examined when choosing a multi-term snippet window.
const MULTI_TERM_SCAN: usize = 256;

/// A loaded index, ready to search.
pub struct Engine<'a> {
    ix: Index<'a>,
    bytes: usize,
    folder: Folder,
    word: Vec<bool>,
    doc_starts: Vec<u32>,
    /// Per notice: BM25's length normalisation `k1 * (1 - b + b * len / avg_len)`.
    norms: Vec<f32>,
    suffixes: SuffixIndex,
}

impl<'a> Engine<'a> {
    /// Decodes `bytes` (an encoded index) and builds the suffix arrays.
    pub fn new(bytes: &'a [u8]) -> Result<Engine<'a>, IndexError> {
        let ix = index::decode(bytes)?;
        let folder = Folder::new(ix.folds.clone());
        let word = std::iter::once(false).chain(ix.classes.iter().map(|&c| is_word_char(c))).collect();
        let doc_starts: Vec<u32> = ix.docs.iter().map(|d| d.start).collect();
        let chars: u64 = ix.docs.iter().map(|d| u64::from(d.len)).sum();
        let avg_len = if ix.docs.is_empty() { 1.0 } else { (chars as f32 / ix.docs.len() as f32).max(1.0) };
        let norms = ix.docs.iter().map(|d| K1 * (1.0 - B + B * d.len as f32 / avg_len)).collect();
        let ends: Vec<usize> = ix.docs.iter().map(|d| (d.start + d.len) as usize).collect();
        let text = ClassText { symbols: ix.symbols, class_of: &ix.class_of };
        let suffixes = SuffixIndex::build(text, ix.classes.len(), &ends);
        Ok(Engine { bytes: bytes.len(), folder, word, doc_starts, norms, suffixes, ix })
    }

    fn text(&self) -> ClassText<'_> {
        ClassText { symbols: self.ix.symbols, class_of: &self.ix.class_of }
    }

    fn is_word(&self, class: u16) -> bool {
        self.word.get(usize::from(class)).copied().unwrap_or(false)
    }

    /// Figures about the index.
    pub fn stats(&self) -> Stats {
        Stats {
            version: format::VERSION,
            notices: self.ix.docs.len(),
            chars: self.ix.docs.iter().map(|d| d.len as usize).sum(),
            index_bytes: self.bytes,
            suffix_array_bytes: self.suffixes.heap_bytes(),
        }
    }

    /// Parses a query the way [`Engine::search`] does.
    pub fn parse(&self, query: &str) -> Query {
        query::parse(query, &self.folder, &self.ix.classes)
    }

    /// Per-notice weighted counts of the exact string `key`, sorted by notice.
    pub fn postings(&self, key: &[u16]) -> Vec<Posting> {
        if key.is_empty() {
            return Vec::new();
        }
        match self.gram(key) {
            Some(g) => read_postings(g.postings, self.ix.docs.len()).unwrap_or_default(),
            None => self.scan(key),
        }
    }

    /// The frequent n-gram `key`, if it is one.
    fn gram(&self, key: &[u16]) -> Option<&Gram<'a>> {
        let i = self.ix.grams.binary_search_by(|g| g.key.as_slice().cmp(key)).ok()?;
        self.ix.grams.get(i)
    }

    /// Like [`Engine::postings`], always through the suffix array (for tests).
    pub fn scan(&self, key: &[u16]) -> Vec<Posting> {
        let text = self.text();
        let (first, last) = match (key.first(), key.last()) {
            (Some(&f), Some(&l)) => (self.is_word(f), self.is_word(l)),
            _ => return Vec::new(),
        };
        let mut positions: Vec<u32> = Vec::new();
        self.suffixes.for_each_occurrence(text, key, |pos| positions.push(pos as u32));
        positions.sort_unstable();
        let mut out: Vec<Posting> = Vec::new();
        let mut doc = 0usize;
        for pos in positions {
            let pos = pos as usize;
            // Positions ascend, so the notice index only moves forward.
            while self.doc_starts.get(doc + 1).is_some_and(|&s| s as usize <= pos) {
                doc += 1;
            }
            let Some(meta) = self.ix.docs.get(doc) else { continue };
            let before = pos.checked_sub(1).map(|j| self.is_word(text.class(j)));
            let after = (pos + key.len() < text.len()).then(|| self.is_word(text.class(pos + key.len())));
            let weight = format::occurrence_weight(before, first, last, after);
            let t0 = (meta.start + meta.title_start) as usize;
            let in_title = pos >= t0 && pos + key.len() <= t0 + meta.title_len as usize;
            let title_weight = if in_title { weight } else { 0 };
            match out.last_mut() {
                Some(p) if p.doc as usize == doc => {
                    p.tf += weight;
                    p.title_tf += title_weight;
                }
                _ => out.push(Posting { doc: doc as u32, tf: weight, title_tf: title_weight }),
            }
        }
        out
    }

    fn idf(&self, df: usize) -> f32 {
        let n = self.ix.docs.len() as f32;
        let df = df as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    fn bm25(&self, idf: f32, p: &Posting) -> f32 {
        let tf = p.tf as f32 / 2.0;
        let norm = self.norms.get(p.doc as usize).copied().unwrap_or(K1);
        let title = if p.title_tf > 0 { TITLE_BOOST * idf } else { 0.0 };
        idf * tf * (K1 + 1.0) / (tf + norm) + title
    }

    /// Every notice matching `query` with its score, unordered.
    fn scored(&self, q: &Query) -> Vec<(f32, u32)> {
        let Some(keys) = q.terms.iter().map(|t| t.classes.clone()).collect::<Option<Vec<_>>>() else {
            return Vec::new();
        };
        if let [key] = keys.as_slice() {
            // One term: score straight from the encoded list when it is a frequent n-gram.
            if let Some(g) = self.gram(key) {
                let idf = self.idf(g.docs as usize);
                let ndocs = self.ix.docs.len();
                return PostingIter::new(g.postings, ndocs).map(|p| (self.bm25(idf, &p), p.doc)).collect();
            }
        }
        let mut lists: Vec<(f32, Vec<Posting>)> = keys
            .iter()
            .map(|k| {
                let p = self.postings(k);
                (self.idf(p.len()), p)
            })
            .collect();
        lists.sort_by_key(|l| l.1.len());
        let phrase = if keys.len() > 1 {
            let p = self.postings(&keys.concat());
            (self.idf(p.len()), p)
        } else {
            (0.0, Vec::new())
        };
        let mut scored: Vec<(f32, u32)> = Vec::new();
        if let Some(((idf0, first), rest)) = lists.split_first() {
            'docs: for p in first {
                let mut score = self.bm25(*idf0, p);
                for (idf, list) in rest {
                    match list.binary_search_by_key(&p.doc, |x| x.doc) {
                        Ok(i) => score += self.bm25(*idf, &list[i]),
                        Err(_) => continue 'docs,
                    }
                }
                if let Ok(i) = phrase.1.binary_search_by_key(&p.doc, |x| x.doc) {
                    score += PHRASE_BOOST * self.bm25(phrase.0, &phrase.1[i]);
                }
                scored.push((score, p.doc));
            }
        }
        scored
    }

    /// Ids of all notices matching `query`, best first (no snippets: for scripts and tests).
    pub fn matching_ids(&self, query: &str) -> Vec<&str> {
        let mut scored = self.scored(&self.parse(query));
        scored.sort_unstable_by(rank_order);
        scored.iter().filter_map(|&(_, d)| self.ix.docs.get(d as usize).map(|m| m.id)).collect()
    }

    /// Searches for `query`; see the crate docs for the semantics.
    pub fn search(&self, query: &str, options: SearchOptions) -> SearchResult {
        let q = self.parse(query);
        let mut scored = self.scored(&q);
        let keys: Vec<Vec<u16>> = q.terms.iter().filter_map(|t| t.classes.clone()).collect();
        let total = scored.len();
        let limit = options.limit.min(MAX_LIMIT);
        let want = options.offset.saturating_add(limit).min(total);
        top(&mut scored, want);
        let term_keys: Vec<&[u16]> = keys.iter().map(Vec::as_slice).collect();
        let hits = scored
            .iter()
            .skip(options.offset)
            .take(limit)
            .filter_map(|&(score, doc)| self.hit(doc as usize, score, &term_keys))
            .collect();
        SearchResult { total, hits, warnings: q.warnings }
    }

    fn doc_chars(&self, start: usize, len: usize) -> Vec<char> {
        (start..start + len)
            .map(|i| self.ix.alphabet.get(usize::from(self.symbol(i))).copied().unwrap_or(' '))
            .collect()
    }

    fn hit(&self, doc: usize, score: f32, terms: &[&[u16]]) -> Option<Hit> {
        let meta = self.ix.docs.get(doc)?;
        let (start, len) = (meta.start as usize, meta.len as usize);
        let text = self.text();
        let class_at = |i: usize| if i < len { text.class(start + i) } else { 0 };
        let title = meta.title_start as usize..(meta.title_start + meta.title_len) as usize;
        // One term: its first match after the title (else in it) anchors the snippet. Several
        // terms: the window covering most of them among the first matches.
        let mut occ = Vec::new();
        let max = if terms.len() == 1 { 1 } else { MULTI_TERM_SCAN };
        snippet::find(&class_at, title.end..len, terms, max, &mut occ);
        if occ.is_empty() {
            snippet::find(&class_at, 0..len, terms, max, &mut occ);
        }
        let line_start = |i: usize| {
            (i.saturating_sub(snippet::CONTEXT_CHARS)..i)
                .rev()
                .find(|&j| self.ix.alphabet.get(usize::from(self.symbol(start + j))) == Some(&'\n'))
                .map_or(0, |j| j + 1)
        };
        let window = snippet::best_window(&occ, len, title, line_start);
        let longest = terms.iter().map(|t| t.len()).max().unwrap_or(0);
        let mut marks = Vec::new();
        snippet::find(&class_at, window.start.saturating_sub(longest)..window.end, terms, usize::MAX, &mut marks);
        let chars = self.doc_chars(start + window.start, window.len());
        let mut snip = Vec::with_capacity(2 * marks.len() + 3);
        if window.start > 0 {
            snip.push(Segment { text: "…".into(), hit: false });
        }
        snippet::segments(&chars, window.start, &marks, true, &mut snip);
        if window.end < len {
            snip.push(Segment { text: "…".into(), hit: false });
        }
        Some(Hit {
            id: meta.id.to_string(),
            title: meta.title.to_string(),
            source: meta.source.to_string(),
            date: meta.date.to_string(),
            score,
            snippet: snip,
        })
    }

    fn symbol(&self, i: usize) -> u16 {
        self.ix.symbols.get(2 * i..2 * i + 2).map_or(0, |c| u16::from_le_bytes([c[0], c[1]]))
    }

    /// The whole notice `id` with every match of `query` marked; `None` for an unknown id.
    pub fn notice(&self, id: &str, query: &str) -> Option<NoticeView> {
        let doc = self.ix.docs.binary_search_by(|d| d.id.cmp(id)).ok()?;
        let meta = self.ix.docs.get(doc)?;
        let (start, len) = (meta.start as usize, meta.len as usize);
        let chars = self.doc_chars(start, len);
        // A first line that is exactly the title is shown as the heading, not repeated.
        let title_chars: Vec<char> = meta.title.chars().collect();
        let skip = if meta.title_start == 0
            && chars.starts_with(&title_chars)
            && chars.get(title_chars.len()) == Some(&'\n')
        {
            title_chars.len() + 1
        } else {
            0
        };
        let q = self.parse(query);
        let keys: Vec<Vec<u16>> = q.terms.iter().filter_map(|t| t.classes.clone()).collect();
        let term_keys: Vec<&[u16]> = keys.iter().map(Vec::as_slice).collect();
        let text = self.text();
        let class_at = |i: usize| if i < len { text.class(start + i) } else { 0 };
        let mut occ: Vec<Occurrence> = Vec::new();
        snippet::find(&class_at, skip..len, &term_keys, usize::MAX, &mut occ);
        Some(NoticeView {
            id: meta.id.to_string(),
            title: meta.title.to_string(),
            source: meta.source.to_string(),
            date: meta.date.to_string(),
            url: meta.url.to_string(),
            matches: occ.len(),
            segments: {
                let mut segments = Vec::new();
                snippet::segments(chars.get(skip..)?, skip, &occ, false, &mut segments);
                segments
            },
        })
    }

    /// Number of notices.
    pub fn len(&self) -> usize {
        self.ix.docs.len()
    }

    /// True when the index holds no notices.
    pub fn is_empty(&self) -> bool {
        self.ix.docs.is_empty()
    }
}

/// Best score first; equal scores in notice (id) order.
fn rank_order(a: &(f32, u32), b: &(f32, u32)) -> std::cmp::Ordering {
    b.0.total_cmp(&a.0).then(a.1.cmp(&b.1))
}

/// Leaves the best `k` entries of `scored`, sorted by [`rank_order`].
fn top(scored: &mut Vec<(f32, u32)>, k: usize) {
    if k == 0 {
        scored.clear();
    } else if k < scored.len() / 8 {
        // Few wanted: keep a sorted buffer of the best k seen so far.
        let mut best: Vec<(f32, u32)> = Vec::with_capacity(k + 1);
        for &s in scored.iter() {
            if best.len() == k && best.last().is_some_and(|w| rank_order(&s, w).is_ge()) {
                continue;
            }
            let at = best.partition_point(|b| rank_order(b, &s).is_lt());
            best.insert(at, s);
            best.truncate(k);
        }
        *scored = best;
    } else {
        if k < scored.len() {
            scored.select_nth_unstable_by(k - 1, rank_order);
            scored.truncate(k);
        }
        scored.sort_unstable_by(rank_order);
    }
}
