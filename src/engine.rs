//! The search engine: loads an index, then finds, ranks and presents notices for queries.
//!
//! A string is looked up either in the frequent n-gram posting lists stored in the index or,
//! for rarer strings and for pinyin patterns, through the suffix arrays, giving per-notice
//! counts and positions. [`crate::plan`] combines the terms' match paths; results are ordered
//! by match tier, then score (see [`crate::rank`]), then notice id.

use crate::facets::DocFacets;
use crate::index::{self, read_postings, IndexError, Posting, PostingIter};
use crate::pinyin::{Kind, Reading, Syllables};
use crate::plan::{Lookup, MatchPath, Matches, Pattern, Plan, Scored};
use crate::query::{self, Query};
use crate::rank::{self, Bm25};
use crate::results::{Hit, NoticeView, SearchOptions, SearchResult, Segment, Sort, Stats, MAX_LIMIT};
use crate::shared::format::{self, DocMeta, Gram, Index};
use crate::shared::normalize::{is_word_char, Folder};
use crate::snippet::{self, Occurrence};
use crate::suffix::{Budget, ClassText, SuffixIndex, Unit};
use std::ops::Range;

/// Matches examined per term when choosing a multi-term snippet window.
const MULTI_TERM_SCAN: usize = 256;
/// Best notices kept, ranked, per frequent n-gram: a one-term query for one of them needs no
/// scoring unless it pages deeper than this.
const PRERANKED: usize = 50;
/// Suffix-array probes one pinyin pattern may cost.
const PATTERN_BUDGET: usize = 2_000_000;
/// Positions one pinyin pattern may collect.
const MAX_PATTERN_POSITIONS: usize = 500_000;

/// A loaded index, ready to search.
pub struct Engine<'a> {
    pub(crate) ix: Index<'a>,
    bytes: usize,
    folder: Folder,
    word: Vec<bool>,
    doc_starts: Vec<u32>,
    bm25: Bm25,
    pub(crate) suffixes: SuffixIndex,
    /// Per frequent n-gram (in `ix.grams` order): its best notices as a one-term query.
    preranked: Vec<Vec<(f32, u32)>>,
    facets: DocFacets,
}

/// A pattern as the snippet code sees it: its classes (when exact) and positions (when known).
struct Marker<'p> {
    key: Option<&'p [u16]>,
    positions: Option<&'p [u32]>,
    len: usize,
    /// The query group, so that alternatives of one term count as one term.
    group: usize,
    path: MatchPath,
}

impl<'a> Engine<'a> {
    /// Decodes `bytes` (an encoded index) and builds the suffix arrays.
    pub fn new(bytes: &'a [u8]) -> Result<Engine<'a>, IndexError> {
        let ix = index::decode(bytes)?;
        let folder = Folder::from_sorted(ix.folds.clone());
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
        let facets = DocFacets::new(&ix.docs, &folder);
        Ok(Engine { bytes: bytes.len(), folder, word, doc_starts, bm25, suffixes, preranked, facets, ix })
    }

    pub(crate) fn text(&self) -> ClassText<'_> {
        ClassText { symbols: self.ix.symbols, class_of: &self.ix.class_of }
    }

    fn is_word(&self, class: u16) -> bool {
        self.word.get(usize::from(class)).copied().unwrap_or(false)
    }

    pub(crate) fn syllables(&self) -> Syllables<'_> {
        Syllables::new(&self.ix.syllables, &self.ix.syllable_classes)
    }

    /// The class of a folded character, if the corpus has it.
    pub(crate) fn class_of_char(&self, c: char) -> Option<u16> {
        self.ix.classes.binary_search(&c).ok().map(|i| i as u16 + 1)
    }

    /// Figures about the index.
    pub fn stats(&self) -> Stats {
        Stats {
            version: format::VERSION,
            notices: self.ix.docs.len(),
            chars: self.ix.docs.iter().map(|d| d.len as usize).sum(),
            index_bytes: self.bytes,
            suffix_array_bytes: self.suffixes.heap_bytes(),
            syllables: self.ix.syllables.len(),
            synonym_groups: self.ix.synonyms.len(),
            phrases: self.ix.phrases.len(),
        }
    }

    /// Folds text the way queries and notices are folded.
    pub fn fold(&self, text: &str) -> String {
        text.chars().map(|c| self.folder.fold(c)).collect()
    }

    /// Parses a query the way [`Engine::search`] does.
    pub fn parse(&self, query: &str) -> Query {
        query::parse(query, &self.folder, &self.ix.classes)
    }

    /// Per-notice weighted counts of the exact string `key`, sorted by notice.
    pub fn postings(&self, key: &[u16]) -> Vec<Posting> {
        self.exact(key).postings
    }

    /// Like [`Engine::postings`], always through the suffix array (for tests).
    pub fn scan(&self, key: &[u16]) -> Vec<Posting> {
        let units: Vec<Unit> = key.iter().map(|&c| Unit::One(c)).collect();
        self.scan_units(&units, usize::MAX).postings
    }

    /// Position of the frequent n-gram `key` in `ix.grams`, if it is one.
    fn gram(&self, key: &[u16]) -> Option<(usize, &Gram<'a>)> {
        let i = self.ix.grams.binary_search_by(|g| g.key.as_slice().cmp(key)).ok()?;
        Some((i, self.ix.grams.get(i)?))
    }

    fn exact(&self, key: &[u16]) -> Matches {
        match self.gram(key) {
            Some((_, g)) => Matches {
                postings: read_postings(g.postings, self.ix.docs.len()).unwrap_or_default(),
                positions: None,
                truncated: false,
            },
            None => {
                let units: Vec<Unit> = key.iter().map(|&c| Unit::One(c)).collect();
                self.scan_units(&units, usize::MAX)
            }
        }
    }

    /// Every occurrence of `units` through the suffix arrays, as counts and positions.
    fn scan_units(&self, units: &[Unit], budget: usize) -> Matches {
        let word_at = |u: Option<&Unit>| match u {
            Some(Unit::One(c)) => self.is_word(*c),
            Some(Unit::AnyOf(cs)) => cs.iter().any(|&c| self.is_word(c)),
            None => false,
        };
        let (first, last) = (word_at(units.first()), word_at(units.last()));
        let text = self.text();
        let mut positions: Vec<u32> = Vec::new();
        let mut budget = Budget::new(budget);
        self.suffixes.for_each_match(text, units, &mut budget, &mut |pos| {
            if positions.len() < MAX_PATTERN_POSITIONS {
                positions.push(pos as u32);
            }
        });
        let truncated = budget.exhausted || positions.len() >= MAX_PATTERN_POSITIONS;
        rank::sort_positions(&mut positions);
        let len = units.len();
        let mut out: Vec<Posting> = Vec::new();
        let mut doc = 0usize;
        for &pos in &positions {
            let pos = pos as usize;
            // Positions ascend, so the notice index only moves forward.
            while self.doc_starts.get(doc + 1).is_some_and(|&s| s as usize <= pos) {
                doc += 1;
            }
            let Some(meta) = self.ix.docs.get(doc) else { continue };
            // Only a string that starts or ends with a word character can be part of a word.
            let weight = if first || last {
                let before = pos.checked_sub(1).map(|j| self.is_word(text.class(j)));
                let after = (pos + len < text.len()).then(|| self.is_word(text.class(pos + len)));
                format::occurrence_weight(before, first, last, after)
            } else {
                format::occurrence_weight(None, false, false, None)
            };
            let t0 = (meta.start + meta.title_start) as usize;
            let in_title = pos >= t0 && pos + len <= t0 + meta.title_len as usize;
            match out.last_mut() {
                Some(p) if p.doc as usize == doc => {
                    p.tf += weight;
                    p.in_title |= in_title;
                }
                _ => out.push(Posting { doc: doc as u32, tf: weight, in_title }),
            }
        }
        Matches { postings: out, positions: Some(positions), truncated }
    }

    /// Looks up and combines every match path of `q`.
    fn plan(&self, q: &Query) -> Plan {
        Plan::new(q, self)
    }

    /// Ids of all notices matching `query` and how they matched, in result order (no
    /// snippets: for scripts and tests).
    pub fn matching(&self, query: &str) -> Vec<(&str, MatchPath)> {
        let q = self.parse(query);
        let plan = self.plan(&q);
        let mut scored = self.filtered(&q, &plan);
        let all = scored.len();
        self.order(&mut scored, Sort::Relevance, all);
        scored.iter().filter_map(|s| Some((self.ix.docs.get(s.doc as usize)?.id, s.path()))).collect()
    }

    /// Ids of all notices matching `query`, in result order.
    pub fn matching_ids(&self, query: &str) -> Vec<&str> {
        self.matching(query).into_iter().map(|m| m.0).collect()
    }

    /// The notices of `plan` that pass the query's filters (not yet the options').
    fn filtered(&self, q: &Query, plan: &Plan) -> Vec<Scored> {
        let mut scored = plan.scored(self);
        if q.has_filters() {
            scored.retain(|s| self.ix.docs.get(s.doc as usize).is_some_and(|m| self.facets.passes_query(s.doc, m, q)));
        }
        scored
    }

    /// Leaves the first `k` of `scored` in result order.
    fn order(&self, scored: &mut Vec<Scored>, sort: Sort, k: usize) {
        let date = |s: &Scored| self.ix.docs.get(s.doc as usize).map_or("", |m| m.date);
        let cmp = |a: &Scored, b: &Scored| {
            let relevance = a.tier.cmp(&b.tier).then(b.score.total_cmp(&a.score)).then(a.doc.cmp(&b.doc));
            match sort {
                Sort::Relevance => relevance,
                Sort::Date => date(b).cmp(date(a)).then(relevance),
            }
        };
        if k < scored.len() {
            if k == 0 {
                scored.clear();
                return;
            }
            scored.select_nth_unstable_by(k - 1, cmp);
            scored.truncate(k);
        }
        scored.sort_unstable_by(cmp);
    }

    /// Searches for `query`; see the crate docs for the semantics.
    pub fn search(&self, query: &str, options: SearchOptions) -> SearchResult<'_> {
        let mut result = self.search_once(query, &options);
        if result.total == 0 {
            result.suggestion = self.did_you_mean(query);
        }
        result
    }

    pub(crate) fn search_once(&self, query: &str, options: &SearchOptions) -> SearchResult<'_> {
        let q = self.parse(query);
        let limit = options.limit.min(MAX_LIMIT);
        let want = options.offset.saturating_add(limit);
        let empty = |warnings| SearchResult { total: 0, hits: Vec::new(), warnings, facets: None, suggestion: None };
        if q.is_empty() {
            return empty(q.warnings);
        }
        if let Some(result) = self.preranked_result(&q, options, want) {
            return result;
        }
        let plan = self.plan(&q);
        let mut scored = self.filtered(&q, &plan);
        let facets = options.facets.then(|| {
            self.facets.count(scored.iter().filter_map(|s| Some((s.doc, self.ix.docs.get(s.doc as usize)?))))
        });
        if !options.sources.is_empty() || !options.years.is_empty() {
            scored.retain(|s| self.ix.docs.get(s.doc as usize).is_some_and(|m| self.facets.passes_options(s.doc, m, options)));
        }
        let total = scored.len();
        self.order(&mut scored, options.sort, want.min(total));
        let markers = markers(&plan);
        let hits = scored
            .iter()
            .skip(options.offset)
            .take(limit)
            .filter_map(|s| self.hit(s.doc as usize, s.score, s.path(), &markers, plan.groups))
            .collect();
        let mut warnings = q.warnings;
        for w in plan.warnings {
            if !warnings.contains(&w) {
                warnings.push(w);
            }
        }
        SearchResult { total, hits, warnings, facets, suggestion: None }
    }

    /// A one-term query for a frequent n-gram with nothing else to consider: its ranking is
    /// ready.
    fn preranked_result(&self, q: &Query, options: &SearchOptions, want: usize) -> Option<SearchResult<'_>> {
        let plain = want <= PRERANKED
            && options.sort == Sort::Relevance
            && !options.facets
            && options.sources.is_empty()
            && options.years.is_empty()
            && q.excluded.is_empty()
            && !q.has_filters();
        let [group] = q.groups.as_slice() else { return None };
        let [term] = group.terms.as_slice() else { return None };
        let key = term.classes.as_deref().filter(|_| plain)?;
        // A term with other paths (synonyms, pinyin) needs the full plan.
        let other_paths = !term.quoted
            && (term.text.chars().any(|c| c.is_ascii_alphabetic())
                || self.ix.synonyms.iter().flatten().any(|m| term.text.contains(*m)));
        if other_paths {
            return None;
        }
        let (i, g) = self.gram(key)?;
        let markers = [Marker { key: Some(key), positions: None, len: key.len(), group: 0, path: MatchPath::Text }];
        let hits = self
            .preranked
            .get(i)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .skip(options.offset)
            .take(options.limit.min(MAX_LIMIT))
            .filter_map(|&(score, doc)| self.hit(doc as usize, score, MatchPath::Text, &markers, 1))
            .collect();
        Some(SearchResult { total: g.docs as usize, hits, warnings: q.warnings.clone(), facets: None, suggestion: None })
    }

    /// Occurrences of `markers` starting in `range` of notice `meta` (notice-relative), at
    /// most `max` per marker, sorted by start.
    fn occurrences(&self, meta: &DocMeta, range: Range<usize>, markers: &[&Marker], max: usize, out: &mut Vec<Occurrence>) {
        let (start, len) = (meta.start as usize, meta.len as usize);
        let text = self.text();
        let class_at = |i: usize| if i < len { text.class(start + i) } else { 0 };
        let first = out.len();
        for m in markers {
            match (m.positions, m.key) {
                (Some(positions), _) => {
                    let (lo, hi) = (start + range.start, start + range.end.min(len));
                    let at = positions.partition_point(|&p| (p as usize) < lo);
                    let here = positions.get(at..).unwrap_or_default();
                    out.extend(
                        here.iter()
                            .take_while(|&&p| (p as usize) < hi)
                            .take(max)
                            .map(|&p| Occurrence { start: p as usize - start, len: m.len, term: m.group }),
                    );
                }
                (None, Some(key)) => snippet::find(&class_at, range.clone(), key, m.group, max, out),
                (None, None) => {}
            }
        }
        if markers.len() > 1 {
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

    /// A hit with its snippet; only matches of paths as good as `matched` are marked (a notice
    /// found directly shows its direct matches).
    fn hit(&self, doc: usize, score: f32, matched: MatchPath, markers: &[Marker], groups: usize) -> Option<Hit<'_>> {
        let meta = self.ix.docs.get(doc)?;
        let own: Vec<&Marker> = markers.iter().filter(|m| m.path <= matched).collect();
        let markers = own.as_slice();
        let (start, len) = (meta.start as usize, meta.len as usize);
        let title = meta.title_start as usize..(meta.title_start + meta.title_len) as usize;
        // One term: its first match after the title (else in it) anchors the snippet. Several
        // terms: the window covering most of them among the first matches.
        let mut occ = Vec::new();
        let max = if groups <= 1 { 1 } else { MULTI_TERM_SCAN };
        self.occurrences(meta, title.end..len, markers, max, &mut occ);
        if occ.is_empty() {
            self.occurrences(meta, 0..len, markers, max, &mut occ);
        }
        occ.truncate(if groups <= 1 { 1 } else { MULTI_TERM_SCAN });
        let line_start = |i: usize| {
            (i.saturating_sub(snippet::CONTEXT_CHARS)..i)
                .rev()
                .find(|&j| self.ix.alphabet.get(usize::from(self.symbol(start + j))) == Some(&'\n'))
                .map_or(0, |j| j + 1)
        };
        let window = snippet::best_window(&occ, len, title, line_start);
        let longest = markers.iter().map(|m| m.len).max().unwrap_or(0);
        let mut marks = Vec::new();
        self.occurrences(meta, window.start.saturating_sub(longest)..window.end, markers, usize::MAX, &mut marks);
        let chars = self.doc_chars(start + window.start, window.len());
        let mut snip = Vec::with_capacity(2 * marks.len() + 3);
        if window.start > 0 {
            snip.push(Segment { text: "…".into(), hit: false });
        }
        snippet::segments(&chars, window.start, &marks, true, &mut snip);
        if window.end < len {
            snip.push(Segment { text: "…".into(), hit: false });
        }
        Some(Hit { id: meta.id, title: meta.title, source: meta.source, date: meta.date, score, matched, snippet: snip })
    }

    fn symbol(&self, i: usize) -> u16 {
        self.ix.symbols.get(2 * i..2 * i + 2).map_or(0, |c| u16::from_le_bytes([c[0], c[1]]))
    }

    /// The original characters at text positions `range`.
    pub(crate) fn original(&self, range: Range<usize>) -> String {
        self.doc_chars(range.start, range.len()).into_iter().collect()
    }

    /// The whole notice `id` with every match of `query` marked (every path: synonyms and
    /// pinyin too); `None` for an unknown id.
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
        let plan = self.plan(&q);
        let tier = plan.scored(self).iter().find(|s| s.doc as usize == doc).map_or(MatchPath::Pinyin, Scored::path);
        let markers = markers(&plan);
        let own: Vec<&Marker> = markers.iter().filter(|m| m.path <= tier).collect();
        let mut occ: Vec<Occurrence> = Vec::new();
        self.occurrences(meta, skip..len, &own, usize::MAX, &mut occ);
        let mut segments = Vec::new();
        snippet::segments(chars.get(skip..)?, skip, &occ, false, &mut segments);
        Some(NoticeView {
            id: meta.id.to_string(),
            title: meta.title.to_string(),
            source: meta.source.to_string(),
            date: meta.date.to_string(),
            url: meta.url.to_string(),
            matches: segments.iter().filter(|s| s.hit).count(),
            segments,
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

    /// Every occurrence of `units` through the suffix arrays, within `budget` probes.
    pub(crate) fn lookup_units(&self, units: &[Unit], budget: usize) -> Matches {
        self.scan_units(units, budget)
    }
}

/// The markers of a plan: every alternative that matched something.
fn markers(plan: &Plan) -> Vec<Marker<'_>> {
    plan.highlighted()
        .filter(|a| !a.matches.postings.is_empty())
        .map(|a| Marker {
            key: match &a.pattern {
                Pattern::Exact(k) => Some(k.as_slice()),
                Pattern::Sets(_) => None,
            },
            positions: a.matches.positions.as_deref(),
            len: a.pattern.len(),
            group: a.group,
            path: a.path,
        })
        .collect()
}

impl Lookup for Engine<'_> {
    fn lookup(&self, pattern: &Pattern) -> Matches {
        match pattern {
            Pattern::Exact(key) if key.is_empty() => Matches::default(),
            Pattern::Exact(key) => self.exact(key),
            Pattern::Sets(_) => self.scan_units(&pattern.units(), PATTERN_BUDGET),
        }
    }

    fn score(&self, df: usize, p: &Posting) -> f32 {
        self.bm25.score(self.bm25.idf(df), p)
    }

    fn synonyms(&self) -> &[Vec<&str>] {
        &self.ix.synonyms
    }

    fn readings(&self, term: &str, kind: Kind) -> Vec<Reading> {
        self.syllables().read(term, |c| self.class_of_char(c), kind)
    }

    fn classes(&self, text: &str) -> Option<Vec<u16>> {
        text.chars().map(|c| self.class_of_char(c)).collect()
    }
}
