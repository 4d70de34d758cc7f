//! What a search returns: plain data, serialized to JSON natively and to JS objects in wasm.

use crate::plan::MatchPath;
use serde::{Deserialize, Serialize};

/// Largest `limit` honoured.
pub const MAX_LIMIT: usize = 1000;

/// Order of results.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// Best match first (the default).
    #[default]
    Relevance,
    /// Newest first; undated notices last; equal dates by relevance.
    Date,
}

/// Options of a search. From JS: `{ limit, offset, sort, facets, sources, years }`, every
/// field optional.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct SearchOptions {
    /// Most hits returned (at most [`MAX_LIMIT`]).
    pub limit: usize,
    /// Hits skipped before the first returned, for paging.
    pub offset: usize,
    pub sort: Sort,
    /// Count the matching notices per source and per year.
    pub facets: bool,
    /// Only notices whose source is one of these (exactly, as in the facets).
    pub sources: Vec<String>,
    /// Only notices dated in one of these years (`"2020"`).
    pub years: Vec<String>,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions { limit: 10, offset: 0, sort: Sort::Relevance, facets: false, sources: Vec::new(), years: Vec::new() }
    }
}

impl SearchOptions {
    /// The first `limit` hits after `offset`.
    pub fn page(limit: usize, offset: usize) -> SearchOptions {
        SearchOptions { limit, offset, ..SearchOptions::default() }
    }
}

/// A piece of text; `hit` marks a match of the query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    pub text: String,
    pub hit: bool,
}

/// One matching notice; its fields borrow from the index.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub source: &'a str,
    pub date: &'a str,
    pub score: f32,
    /// How it matched: `text` (the query's characters), `synonym` or `pinyin`.
    pub matched: MatchPath,
    /// Text around the best match(es), matches marked.
    pub snippet: Vec<Segment>,
}

/// A facet value and the number of matching notices that have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetCount<'a> {
    pub value: &'a str,
    pub count: usize,
}

/// Counts of the matching notices per source and per year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Facets<'a> {
    pub sources: Vec<FacetCount<'a>>,
    pub years: Vec<FacetCount<'a>>,
}

/// A query that finds something, offered when a query finds nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    pub query: String,
    /// Notices it finds.
    pub total: usize,
}

/// The answer to a search.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchResult<'a> {
    /// Number of matching notices.
    pub total: usize,
    pub hits: Vec<Hit<'a>>,
    /// Notes about the query (e.g. parts that were ignored).
    pub warnings: Vec<String>,
    /// With `facets: true`: counts over all matching notices (before the options' source and
    /// year filters, so every value stays selectable).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub facets: Option<Facets<'a>>,
    /// When nothing matched: a similar query that finds something ("did you mean").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<Suggestion>,
}

/// A completion of the query being typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Completion {
    /// The completed last term, as written in the notices.
    pub text: String,
    /// The whole query with its last term completed.
    pub query: String,
    /// Occurrences of the phrase in the notices.
    pub count: u32,
}

/// One whole notice, for a reader view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeView {
    pub id: String,
    pub title: String,
    pub source: String,
    pub date: String,
    pub url: String,
    /// Number of matches of the query in the text.
    pub matches: usize,
    /// The whole cleaned text, matches marked.
    pub segments: Vec<Segment>,
}

/// Figures about the loaded index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Stats {
    pub version: u32,
    pub notices: usize,
    pub chars: usize,
    pub index_bytes: usize,
    pub suffix_array_bytes: usize,
    /// Distinct Mandarin syllables the notices' characters can be read as.
    pub syllables: usize,
    pub synonym_groups: usize,
    pub phrases: usize,
}
