//! From a parsed query to scored notices: every term gets its match paths, each path is
//! looked up, and the boolean structure of the query combines them.
//!
//! | path | for | tier | weight |
//! |---|---|---|---|
//! | text | every term: its folded characters, exactly | 0 | 1.0 |
//! | synonym | an unquoted term containing a member of a synonym group, with that member replaced by another | 1 | 0.8 |
//! | pinyin | an unquoted term that reads as pinyin (see [`crate::pinyin`]); adjacent pinyin terms are also read together (`yi qing` as `yiqing`) | 2 | 0.6 |
//!
//! A notice's tier is the worst, over the query's groups, of the best path that matched the
//! group; results are ordered by tier first, so a notice matching every term directly always
//! ranks above one that needed synonyms or pinyin. Within a tier, the score (BM25 times the
//! path's weight, summed) orders them. Abbreviated pinyin (`yq`) is only tried for terms that
//! match nothing directly; prefix readings only when full ones find nothing (see
//! [`crate::pinyin`]).

use crate::pinyin::{self, Kind, Reading};
use crate::query::{Query, Term};
use crate::small_sort;
use crate::suffix::Unit;
use serde::Serialize;

/// How a notice matched its query; the order is the ranking tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchPath {
    /// The query's own characters (after folding case, width and variants).
    Text,
    /// A synonym of a term.
    Synonym,
    /// Characters read as the pinyin typed.
    Pinyin,
}

impl MatchPath {
    fn weight(self) -> f32 {
        match self {
            MatchPath::Text => 1.0,
            MatchPath::Synonym => 0.8,
            MatchPath::Pinyin => 0.6,
        }
    }

    fn from_tier(t: u8) -> MatchPath {
        match t {
            0 => MatchPath::Text,
            1 => MatchPath::Synonym,
            _ => MatchPath::Pinyin,
        }
    }
}

/// What to look up: exact classes, or a set of classes per position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pattern {
    Exact(Vec<u16>),
    Sets(Vec<pinyin::Unit>),
}

impl Pattern {
    pub fn len(&self) -> usize {
        match self {
            Pattern::Exact(k) => k.len(),
            Pattern::Sets(u) => u.len(),
        }
    }

    /// The pattern as suffix-array units.
    pub fn units(&self) -> Vec<Unit<'_>> {
        match self {
            Pattern::Exact(k) => k.iter().map(|&c| Unit::One(c)).collect(),
            Pattern::Sets(us) => us
                .iter()
                .map(|u| match u {
                    pinyin::Unit::Class(c) => Unit::One(*c),
                    pinyin::Unit::Classes(cs) => Unit::AnyOf(cs),
                })
                .collect(),
        }
    }

    fn from_reading(r: Reading) -> Pattern {
        if r.units.iter().all(|u| matches!(u, pinyin::Unit::Class(_))) {
            Pattern::Exact(r.units.iter().filter_map(|u| if let pinyin::Unit::Class(c) = u { Some(*c) } else { None }).collect())
        } else {
            Pattern::Sets(r.units)
        }
    }
}

/// Per-notice counts of a pattern and, when found through the suffix array, its positions.
#[derive(Debug, Clone, Default)]
pub struct Matches {
    /// Weighted counts per notice, sorted by notice.
    pub postings: Vec<crate::index::Posting>,
    /// Every position, sorted (frequent n-grams come with counts only).
    pub positions: Option<Vec<u32>>,
    /// True when the lookup stopped early (a pattern too broad to finish).
    pub truncated: bool,
}

/// One way a group of the query can match.
pub struct Alternative {
    pub pattern: Pattern,
    pub path: MatchPath,
    /// The query group it belongs to.
    pub group: usize,
    pub matches: Matches,
}

/// The boolean structure over alternatives.
enum Node {
    Alt(usize),
    Or(Vec<Node>),
    And(Vec<Node>),
}

/// A notice in a result set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scored {
    pub doc: u32,
    /// The worst path needed (see [`MatchPath`]).
    pub tier: u8,
    pub score: f32,
}

impl Scored {
    pub fn path(&self) -> MatchPath {
        MatchPath::from_tier(self.tier)
    }
}

/// What the planner needs from the engine.
pub trait Lookup {
    /// Where `pattern` occurs.
    fn lookup(&self, pattern: &Pattern) -> Matches;
    /// BM25 of one posting, for a pattern found in `df` notices.
    fn score(&self, df: usize, p: &crate::index::Posting) -> f32;
    /// Synonym groups (folded members).
    fn synonyms(&self) -> &[Vec<&str>];
    /// Pinyin readings of a term, of one kind.
    fn readings(&self, term: &str, kind: Kind) -> Vec<Reading>;
    /// Classes of a folded string, if every character occurs in the corpus.
    fn classes(&self, text: &str) -> Option<Vec<u16>>;
}

/// A query, looked up.
pub struct Plan {
    pub alternatives: Vec<Alternative>,
    root: Node,
    excluded: Vec<usize>,
    /// The query's terms as one contiguous string, for a bonus (multi-term text queries).
    phrase: Option<usize>,
    /// Number of groups.
    pub groups: usize,
    pub warnings: Vec<String>,
}

/// Most synonym replacements tried per term.
const MAX_SYNONYM_ALTERNATIVES: usize = 16;
/// Weight of the whole query as one contiguous phrase, for multi-term queries.
const PHRASE_BOOST: f32 = 1.0;

fn text_only(t: &Term) -> bool {
    t.quoted
}

/// True when a term could be pinyin: it has a Latin letter and is not quoted.
fn pinyin_candidate(t: &Term) -> bool {
    !t.quoted && t.text.chars().any(|c| c.is_ascii_alphabetic())
}

impl Plan {
    /// Looks up every path of every term of `q`.
    pub fn new(q: &Query, lx: &impl Lookup) -> Plan {
        let mut plan = Plan { alternatives: Vec::new(), root: Node::And(Vec::new()), excluded: Vec::new(), phrase: None, groups: q.groups.len(), warnings: Vec::new() };
        // Runs of adjacent one-term groups that may be pinyin are also read together.
        let runnable = |g: usize| {
            q.groups.get(g).is_some_and(|grp| grp.terms.len() == 1 && grp.terms.iter().all(pinyin_candidate))
        };
        let mut nodes = Vec::new();
        let mut g = 0;
        while g < q.groups.len() {
            let mut end = g;
            while runnable(end) {
                end += 1;
            }
            if end - g >= 2 {
                let parts: Vec<Node> = (g..end).map(|i| plan.group_node(q, i, lx, false)).collect();
                let literal = Node::And(parts);
                let joined: Vec<&str> = (g..end).filter_map(|i| q.groups.get(i)?.terms.first().map(|t| t.text.as_str())).collect();
                let has_literal = !plan.eval(&literal, lx).is_empty();
                let pinyin = plan.pinyin_nodes(&joined.join("'"), g, has_literal, lx);
                nodes.push(if pinyin.is_empty() { literal } else { Node::Or(vec![literal, Node::Or(pinyin)]) });
                g = end;
            } else {
                nodes.push(plan.group_node(q, g, lx, true));
                g += 1;
            }
        }
        plan.root = Node::And(nodes);
        for t in &q.excluded {
            if let Some(key) = t.classes.clone() {
                let matches = lx.lookup(&Pattern::Exact(key.clone()));
                plan.excluded.push(plan.alternatives.len());
                plan.alternatives.push(Alternative { pattern: Pattern::Exact(key), path: MatchPath::Text, group: usize::MAX, matches });
            }
        }
        // Several plain terms: a bonus where they occur as one run.
        let keys: Option<Vec<&Vec<u16>>> = q.groups.iter().map(|g| match g.terms.as_slice() {
            [t] => t.classes.as_ref(),
            _ => None,
        }).collect();
        if let Some(keys) = keys.filter(|k| k.len() > 1) {
            let key: Vec<u16> = keys.into_iter().flatten().copied().collect();
            let matches = lx.lookup(&Pattern::Exact(key.clone()));
            plan.phrase = Some(plan.alternatives.len());
            plan.alternatives.push(Alternative { pattern: Pattern::Exact(key), path: MatchPath::Text, group: usize::MAX, matches });
        }
        if plan.alternatives.iter().any(|a| a.matches.truncated) {
            plan.warnings.push("a pinyin or abbreviated term matches too much to search completely; type more of it".into());
        }
        plan
    }

    fn push(&mut self, pattern: Pattern, path: MatchPath, group: usize, lx: &impl Lookup) -> usize {
        let matches = lx.lookup(&pattern);
        self.alternatives.push(Alternative { pattern, path, group, matches });
        self.alternatives.len() - 1
    }

    /// The alternatives of group `g`: every term's text, synonyms and (if `with_pinyin`)
    /// pinyin paths.
    fn group_node(&mut self, q: &Query, g: usize, lx: &impl Lookup, with_pinyin: bool) -> Node {
        let mut terms = Vec::new();
        for t in q.groups.get(g).map_or(&[][..], |grp| grp.terms.as_slice()) {
            let mut alts = Vec::new();
            if let Some(key) = &t.classes {
                alts.push(Node::Alt(self.push(Pattern::Exact(key.clone()), MatchPath::Text, g, lx)));
            }
            if !text_only(t) {
                for key in synonym_keys(t, lx) {
                    alts.push(Node::Alt(self.push(Pattern::Exact(key), MatchPath::Synonym, g, lx)));
                }
                if with_pinyin && pinyin_candidate(t) {
                    let direct = alts.iter().any(|n| !self.eval(n, lx).is_empty());
                    alts.extend(self.pinyin_nodes(&t.text, g, direct, lx));
                }
            }
            terms.push(Node::Or(alts));
        }
        Node::Or(terms)
    }

    /// The pinyin readings of `text` as alternatives: full readings, else (if they find
    /// nothing) prefix readings, else abbreviations, these only when `has_direct` is false.
    fn pinyin_nodes(&mut self, text: &str, g: usize, has_direct: bool, lx: &impl Lookup) -> Vec<Node> {
        let mut out = Vec::new();
        for kind in [Kind::Full, Kind::Prefix, Kind::Abbreviated] {
            if kind == Kind::Abbreviated && has_direct {
                break;
            }
            let mut found = false;
            for r in lx.readings(text, kind) {
                let pattern = Pattern::from_reading(r);
                if self.alternatives.iter().any(|a| a.group == g && a.pattern == pattern) {
                    continue;
                }
                let i = self.push(pattern, MatchPath::Pinyin, g, lx);
                if self.alternatives.get(i).is_some_and(|a| !a.matches.postings.is_empty()) {
                    found = true;
                    out.push(Node::Alt(i));
                } else {
                    self.alternatives.truncate(i);
                }
            }
            if found {
                break;
            }
        }
        out
    }

    fn eval(&self, node: &Node, lx: &impl Lookup) -> Vec<Scored> {
        match node {
            Node::Alt(i) => {
                let Some(a) = self.alternatives.get(*i) else { return Vec::new() };
                let df = a.matches.postings.len();
                let w = a.path.weight();
                a.matches
                    .postings
                    .iter()
                    .map(|p| Scored { doc: p.doc, tier: a.path as u8, score: w * lx.score(df, p) })
                    .collect()
            }
            Node::Or(ns) => ns.iter().map(|n| self.eval(n, lx)).fold(Vec::new(), |a, b| union(&a, &b)),
            Node::And(ns) => {
                let mut sets: Vec<Vec<Scored>> = ns.iter().map(|n| self.eval(n, lx)).collect();
                small_sort::sort_by(&mut sets, |a, b| a.len().cmp(&b.len()));
                let mut it = sets.into_iter();
                let first = it.next().unwrap_or_default();
                it.fold(first, |a, b| intersect(&a, &b))
            }
        }
    }

    /// Every notice matching the query, unordered by score (sorted by notice), excluded
    /// notices removed, with the phrase bonus.
    pub fn scored(&self, lx: &impl Lookup) -> Vec<Scored> {
        if self.groups == 0 {
            return Vec::new();
        }
        let mut set = self.eval(&self.root, lx);
        for &e in &self.excluded {
            if let Some(a) = self.alternatives.get(e) {
                let out = &a.matches.postings;
                set.retain(|s| out.binary_search_by_key(&s.doc, |p| p.doc).is_err());
            }
        }
        if let Some(a) = self.phrase.and_then(|p| self.alternatives.get(p)) {
            let df = a.matches.postings.len();
            for s in set.iter_mut() {
                if let Ok(i) = a.matches.postings.binary_search_by_key(&s.doc, |p| p.doc) {
                    if let Some(p) = a.matches.postings.get(i) {
                        s.score += PHRASE_BOOST * lx.score(df, p);
                    }
                }
            }
        }
        set
    }

    /// The alternatives to highlight (excluded terms and the phrase bonus are not).
    pub fn highlighted(&self) -> impl Iterator<Item = &Alternative> {
        self.alternatives.iter().filter(|a| a.group != usize::MAX)
    }
}

/// Keys of `t` with one synonym-group member it contains replaced by another member.
fn synonym_keys(t: &Term, lx: &impl Lookup) -> Vec<Vec<u16>> {
    let mut out: Vec<Vec<u16>> = Vec::new();
    for group in lx.synonyms() {
        for member in group.iter().filter(|m| t.text.contains(**m)) {
            for other in group.iter().filter(|o| *o != member) {
                let replaced = t.text.replacen(member, other, 1);
                if let Some(key) = lx.classes(&replaced) {
                    if Some(&key) != t.classes.as_ref() && !out.contains(&key) {
                        out.push(key);
                    }
                }
                if out.len() >= MAX_SYNONYM_ALTERNATIVES {
                    return out;
                }
            }
        }
    }
    out
}

/// Notices in either set: best tier, summed score.
pub fn union(a: &[Scored], b: &[Scored]) -> Vec<Scored> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        if x.doc < y.doc {
            out.push(*x);
            i += 1;
        } else if y.doc < x.doc {
            out.push(*y);
            j += 1;
        } else {
            out.push(Scored { doc: x.doc, tier: x.tier.min(y.tier), score: x.score + y.score });
            i += 1;
            j += 1;
        }
    }
    out.extend_from_slice(a.get(i..).unwrap_or_default());
    out.extend_from_slice(b.get(j..).unwrap_or_default());
    out
}

/// Notices in both sets: worst tier, summed score.
pub fn intersect(a: &[Scored], b: &[Scored]) -> Vec<Scored> {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let mut out = Vec::with_capacity(small.len());
    let mut from = 0;
    for x in small {
        let rest = large.get(from..).unwrap_or_default();
        let k = rest.partition_point(|y| y.doc < x.doc);
        from += k;
        if let Some(y) = large.get(from).filter(|y| y.doc == x.doc) {
            out.push(Scored { doc: x.doc, tier: x.tier.max(y.tier), score: x.score + y.score });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(v: &[(u32, u8, f32)]) -> Vec<Scored> {
        v.iter().map(|&(doc, tier, score)| Scored { doc, tier, score }).collect()
    }

    #[test]
    fn union_keeps_the_best_tier_and_sums() {
        let u = union(&set(&[(1, 2, 1.0), (3, 0, 1.0)]), &set(&[(1, 0, 2.0), (2, 1, 1.0)]));
        assert_eq!(u, set(&[(1, 0, 3.0), (2, 1, 1.0), (3, 0, 1.0)]));
    }

    #[test]
    fn intersect_keeps_the_worst_tier_and_sums() {
        let i = intersect(&set(&[(1, 2, 1.0), (3, 0, 1.0), (5, 0, 1.0)]), &set(&[(1, 0, 2.0), (5, 1, 1.0), (9, 0, 1.0)]));
        assert_eq!(i, set(&[(1, 2, 3.0), (5, 1, 2.0)]));
    }
}
