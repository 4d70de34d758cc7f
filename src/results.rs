//! What a search returns: plain data, serialized to JSON natively and to JS objects in wasm.

use serde::{Deserialize, Serialize};

/// Options of a search.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchOptions {
    /// Most hits returned (at most [`MAX_LIMIT`]).
    pub limit: usize,
    /// Hits skipped before the first returned, for paging.
    pub offset: usize,
}

/// Largest `limit` honoured.
pub const MAX_LIMIT: usize = 1000;

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions { limit: 10, offset: 0 }
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
    /// Text around the best match(es), matches marked.
    pub snippet: Vec<Segment>,
}

/// The answer to a search.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchResult<'a> {
    /// Number of matching notices.
    pub total: usize,
    pub hits: Vec<Hit<'a>>,
    /// Notes about the query (e.g. parts that were ignored).
    pub warnings: Vec<String>,
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
}
