//! The search engine: finds, ranks and presents notices for a query.
//!
//! Every term is looked up either in the frequent n-gram posting lists stored in the index or,
//! for rarer strings, through the suffix array, giving per-notice counts of exact matches.
//! Notices containing every term are scored with BM25 (k1 = 1.2, b = 0.75), plus a bonus for
//! terms in the title and for multi-term queries whose terms occur as one contiguous run.

use crate::index::{self, read_postings, IndexError, Posting, PostingIter};
use crate::query::{self, Query};
use crate::rank::{self, Bm25};
use crate::results::{Hit, NoticeView, SearchOptions, SearchResult, Segment, Stats, MAX_LIMIT};
use crate::shared::format::{self, DocMeta, Gram, Index};
use crate::shared::normalize::{is_word_char, Folder};
use crate::snippet::{self, Occurrence};
use crate::suffix::{ClassText, SuffixIndex};
use std::ops::Range;

/// Weight of the whole query as one contiguous phrase, for multi-term queries.
const PHRASE_BOOST: f32 = 1.0;
/// Matches examined when choosing a multi-term snippet window.
const MULTI_TERM_SCAN: usize = 256;
/// Best notices kept, ranked, per frequent n-gram: a one-term query for one of them needs no
/// scoring unless it pages deeper than this.
const PRERANKED: usize = 50;

/// A loaded index, ready to search.
pub struct Engine<'a> {
    ix: Index<'a>,
    bytes: usize,
    folder: Folder,
    word: Vec<bool>,
    doc_starts: Vec<u32>,
    bm25: Bm25,
    suffixes: SuffixIndex,
    /// Per frequent n-gram (in `ix.grams` order): its best notices as a one-term query.
    preranked: Vec<Vec<(f32, u32)>>,
}

/// Where one search string occurs.
struct Matches {
    /// Weighted counts per notice, sorted by notice.
    postings: Vec<Posting>,
    /// Every position, sorted, when the string was found through the suffix array (frequent
    /// n-grams come with counts only).
    positions: Option<Vec<u32>>,
}

/// A term as the snippet code sees it: its classes and, when known, its positions.
#[derive(Clone, Copy)]
struct TermRef<'k> {
    key: &'k [u16],
    positions: Option<&'k [u32]>,
}

impl<'a> Engine<'a> {
    /// Decodes `bytes` (an encoded index) and builds the suffix arrays.
    pub fn new(bytes: &'a [u8]) -> Result<Engine<'a>, IndexError> {
        let ix = index::decode(bytes)?;
        let folder = Folder::new(ix.folds.clone());
        let word = std::iter::once(false).chain(ix.classes.iter().map(|&c| is_word_char(c))).collect();
        let doc_starts: Vec<u32> = ix.docs.iter().map(|d| d.start).collect();
        let bm25 = Bm25::new(ix.docs.iter().map(|d| d.len));
        let ends: Vec<usize> = ix.docs.iter().map(|d| (d.start + d.len) as usize).collect();
        let text = ClassText { symbols: ix.symbols, class_of: &ix.class_of };
        let suffixes = SuffixIndex::build(text, ix.classes.len(), &ends);
        let ndocs = ix.docs.len();
        let preranked = ix
            .grams
            .iter()
            .map(|g| {
                let idf = bm25.idf(g.docs as usize);
                let mut scored: Vec<(f32, u32)> =
                    PostingIter::new(g.postings, ndocs).map(|p| (bm25.score(idf, &p), p.doc)).collect();
                rank::top(&mut scored, PRERANKED);
                scored.shrink_to_fit();
                scored
            })
            .collect();
        Ok(Engine { bytes: bytes.len(), folder, word, doc_starts, bm25, suffixes, preranked, ix })
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
        self.matches(key).postings
    }

    /// Like [`Engine::postings`], always through the suffix array (for tests).
    pub fn scan(&self, key: &[u16]) -> Vec<Posting> {
        self.scan_matches(key).postings
    }

    /// Position of the frequent n-gram `key` in `ix.grams`, if it is one.
    fn gram(&self, key: &[u16]) -> Option<(usize, &Gram<'a>)> {
        let i = self.ix.grams.binary_search_by(|g| g.key.as_slice().cmp(key)).ok()?;
        Some((i, self.ix.grams.get(i)?))
    }

    fn matches(&self, key: &[u16]) -> Matches {
        match self.gram(key) {
            Some((_, g)) => Matches {
                postings: read_postings(g.postings, self.ix.docs.len()).unwrap_or_default(),
                positions: None,
            },
            None => self.scan_matches(key),
        }
    }

    fn scan_matches(&self, key: &[u16]) -> Matches {
        let text = self.text();
        let (first, last) = match (key.first(), key.last()) {
            (Some(&f), Some(&l)) => (self.is_word(f), self.is_word(l)),
            _ => return Matches { postings: Vec::new(), positions: Some(Vec::new()) },
        };
        let mut positions: Vec<u32> = Vec::new();
        self.suffixes.for_each_occurrence(text, key, |pos| positions.push(pos as u32));
        rank::sort_positions(&mut positions);
        let mut out: Vec<Posting> = Vec::new();
        let mut doc = 0usize;
        for &pos in &positions {
            let pos = pos as usize;
            // Positions ascend, so the notice index only moves forward.
            while self.doc_starts.get(doc + 1).is_some_and(|&s| s as usize <= pos) {
                doc += 1;
            }
            let Some(meta) = self.ix.docs.get(doc) else { continue };
            // Only a term that starts or ends with a word character can be part of a word.
            let weight = if first || last {
                let before = pos.checked_sub(1).map(|j| self.is_word(text.class(j)));
                let after = (pos + key.len() < text.len()).then(|| self.is_word(text.class(pos + key.len())));
                format::occurrence_weight(before, first, last, after)
            } else {
                format::occurrence_weight(None, false, false, None)
            };
            let t0 = (meta.start + meta.title_start) as usize;
            let in_title = pos >= t0 && pos + key.len() <= t0 + meta.title_len as usize;
            match out.last_mut() {
                Some(p) if p.doc as usize == doc => {
                    p.tf += weight;
                    p.in_title |= in_title;
                }
                _ => out.push(Posting { doc: doc as u32, tf: weight, in_title }),
            }
        }
        Matches { postings: out, positions: Some(positions) }
    }

    /// Every notice containing all `keys`, with its score, unordered.
    fn scored(&self, keys: &[Vec<u16>], matches: &[Matches]) -> Vec<(f32, u32)> {
        let mut lists: Vec<(f32, &[Posting])> =
            matches.iter().map(|m| (self.bm25.idf(m.postings.len()), m.postings.as_slice())).collect();
        lists.sort_by_key(|l| l.1.len());
        let phrase = if keys.len() > 1 {
            let p = self.postings(&keys.concat());
            (self.bm25.idf(p.len()), p)
        } else {
            (0.0, Vec::new())
        };
        let mut scored: Vec<(f32, u32)> = Vec::new();
        let Some(((idf0, first), rest)) = lists.split_first() else { return scored };
        'docs: for p in first.iter() {
            let mut score = self.bm25.score(*idf0, p);
            for (idf, list) in rest {
                match list.binary_search_by_key(&p.doc, |x| x.doc) {
                    Ok(i) => score += list.get(i).map_or(0.0, |x| self.bm25.score(*idf, x)),
                    Err(_) => continue 'docs,
                }
            }
            if let Ok(i) = phrase.1.binary_search_by_key(&p.doc, |x| x.doc) {
                score += phrase.1.get(i).map_or(0.0, |x| PHRASE_BOOST * self.bm25.score(phrase.0, x));
            }
            scored.push((score, p.doc));
        }
        scored
    }

    /// The terms' keys, or `None` when some term has a character the corpus lacks.
    fn keys(q: &Query) -> Option<Vec<Vec<u16>>> {
        q.terms.iter().map(|t| t.classes.clone()).collect()
    }

    /// Ids of all notices matching `query`, best first (no snippets: for scripts and tests).
    pub fn matching_ids(&self, query: &str) -> Vec<&str> {
        let q = self.parse(query);
        let Some(keys) = Self::keys(&q) else { return Vec::new() };
        let matches: Vec<Matches> = keys.iter().map(|k| self.matches(k)).collect();
        let mut scored = self.scored(&keys, &matches);
        scored.sort_unstable_by(rank::rank_order);
        scored.iter().filter_map(|&(_, d)| self.ix.docs.get(d as usize).map(|m| m.id)).collect()
    }

    /// Searches for `query`; see the crate docs for the semantics.
    pub fn search(&self, query: &str, options: SearchOptions) -> SearchResult<'_> {
        let q = self.parse(query);
        let limit = options.limit.min(MAX_LIMIT);
        let want = options.offset.saturating_add(limit);
        let Some(keys) = Self::keys(&q).filter(|k| !k.is_empty()) else {
            return SearchResult { total: 0, hits: Vec::new(), warnings: q.warnings };
        };
        // One frequent n-gram: its ranking is ready.
        if let [key] = keys.as_slice() {
            if let Some((i, g)) = self.gram(key).filter(|_| want <= PRERANKED) {
                let terms = [TermRef { key, positions: None }];
                let ranked = self.preranked.get(i).map_or(&[][..], Vec::as_slice);
                let hits = ranked
                    .iter()
                    .skip(options.offset)
                    .take(limit)
                    .filter_map(|&(score, doc)| self.hit(doc as usize, score, &terms))
                    .collect();
                return SearchResult { total: g.docs as usize, hits, warnings: q.warnings };
            }
        }
        let matches: Vec<Matches> = keys.iter().map(|k| self.matches(k)).collect();
        let mut scored = self.scored(&keys, &matches);
        let total = scored.len();
        rank::top(&mut scored, want.min(total));
        let terms: Vec<TermRef> = keys
            .iter()
            .zip(&matches)
            .map(|(key, m)| TermRef { key, positions: m.positions.as_deref() })
            .collect();
        let hits = scored
            .iter()
            .skip(options.offset)
            .take(limit)
            .filter_map(|&(score, doc)| self.hit(doc as usize, score, &terms))
            .collect();
        SearchResult { total, hits, warnings: q.warnings }
    }

    /// Occurrences of `terms` starting in `range` of notice `meta` (notice-relative), at most
    /// `max` per term, sorted by start.
    fn occurrences(&self, meta: &DocMeta, range: Range<usize>, terms: &[TermRef], max: usize, out: &mut Vec<Occurrence>) {
        let (start, len) = (meta.start as usize, meta.len as usize);
        let text = self.text();
        let class_at = |i: usize| if i < len { text.class(start + i) } else { 0 };
        let first = out.len();
        for (t, term) in terms.iter().enumerate() {
            match term.positions {
                Some(positions) => {
                    let (lo, hi) = (start + range.start, start + range.end.min(len));
                    let at = positions.partition_point(|&p| (p as usize) < lo);
                    let here = positions.get(at..).unwrap_or_default();
                    out.extend(
                        here.iter()
                            .take_while(|&&p| (p as usize) < hi)
                            .take(max)
                            .map(|&p| Occurrence { start: p as usize - start, len: term.key.len(), term: t }),
                    );
                }
                None => snippet::find(&class_at, range.clone(), term.key, t, max, out),
            }
        }
        if terms.len() > 1 {
            if let Some(new) = out.get_mut(first..) {
                new.sort_unstable_by_key(|o| (o.start, o.term));
            }
        }
    }

    fn doc_chars(&self, start: usize, len: usize) -> Vec<char> {
        (start..start + len)
            .map(|i| self.ix.alphabet.get(usize::from(self.symbol(i))).copied().unwrap_or(' '))
            .collect()
    }

    fn hit(&self, doc: usize, score: f32, terms: &[TermRef]) -> Option<Hit<'_>> {
        let meta = self.ix.docs.get(doc)?;
        let (start, len) = (meta.start as usize, meta.len as usize);
        let title = meta.title_start as usize..(meta.title_start + meta.title_len) as usize;
        // One term: its first match after the title (else in it) anchors the snippet. Several
        // terms: the window covering most of them among the first matches.
        let mut occ = Vec::new();
        let max = if terms.len() == 1 { 1 } else { MULTI_TERM_SCAN };
        self.occurrences(meta, title.end..len, terms, max, &mut occ);
        if occ.is_empty() {
            self.occurrences(meta, 0..len, terms, max, &mut occ);
        }
        occ.truncate(max);
        let line_start = |i: usize| {
            (i.saturating_sub(snippet::CONTEXT_CHARS)..i)
                .rev()
                .find(|&j| self.ix.alphabet.get(usize::from(self.symbol(start + j))) == Some(&'\n'))
                .map_or(0, |j| j + 1)
        };
        let window = snippet::best_window(&occ, len, title, line_start);
        let longest = terms.iter().map(|t| t.key.len()).max().unwrap_or(0);
        let mut marks = Vec::new();
        self.occurrences(meta, window.start.saturating_sub(longest)..window.end, terms, usize::MAX, &mut marks);
        let chars = self.doc_chars(start + window.start, window.len());
        let mut snip = Vec::with_capacity(2 * marks.len() + 3);
        if window.start > 0 {
            snip.push(Segment { text: "…".into(), hit: false });
        }
        snippet::segments(&chars, window.start, &marks, true, &mut snip);
        if window.end < len {
            snip.push(Segment { text: "…".into(), hit: false });
        }
        Some(Hit { id: meta.id, title: meta.title, source: meta.source, date: meta.date, score, snippet: snip })
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
        let terms: Vec<TermRef> = keys.iter().map(|key| TermRef { key, positions: None }).collect();
        let mut occ: Vec<Occurrence> = Vec::new();
        self.occurrences(meta, skip..len, &terms, usize::MAX, &mut occ);
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
