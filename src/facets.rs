//! Facets and filters: the sources and years of notices, counted over a result set and used to
//! narrow it.
//!
//! | filter | from | matches |
//! |---|---|---|
//! | `source:X` | the query | the folded source contains folded X (any such filter) |
//! | `after:D`, `before:D` | the query | dated within the bounds (undated notices never) |
//! | `sources: [...]` | search options | the source is exactly one of them |
//! | `years: [...]` | search options | the date's year is one of them |

use crate::query::Query;
use crate::results::{FacetCount, Facets, SearchOptions};
use crate::shared::format::DocMeta;
use crate::shared::normalize::Folder;
use crate::small_sort;

/// Source and year of every notice, numbered for counting.
pub struct DocFacets {
    /// Per notice: index into `sources`.
    source_of: Vec<u32>,
    /// Distinct sources: as written, and folded.
    sources: Vec<(String, String)>,
}

/// The year of a `YYYY-MM-DD` date, if it has one.
fn year(date: &str) -> Option<&str> {
    date.get(..4).filter(|y| y.bytes().all(|b| b.is_ascii_digit()))
}

impl DocFacets {
    pub fn new(docs: &[DocMeta], folder: &Folder) -> DocFacets {
        let mut names: Vec<&str> = docs.iter().map(|d| d.source).collect();
        small_sort::sort_by(&mut names, |a, b| a.cmp(b));
        names.dedup();
        let source_of = docs.iter().map(|d| names.binary_search(&d.source).map_or(0, |i| i as u32)).collect();
        let sources = names
            .into_iter()
            .map(|n| (n.to_string(), n.chars().map(|c| folder.fold(c)).collect()))
            .collect();
        DocFacets { source_of, sources }
    }

    fn source(&self, doc: u32) -> Option<&(String, String)> {
        self.source_of.get(doc as usize).and_then(|&s| self.sources.get(s as usize))
    }

    /// True when notice `doc` passes the query's source and date filters.
    pub fn passes_query(&self, doc: u32, meta: &DocMeta, q: &Query) -> bool {
        let source_ok = q.sources.is_empty()
            || self.source(doc).is_some_and(|(_, folded)| q.sources.iter().any(|s| folded.contains(s.as_str())));
        let dated = !meta.date.is_empty();
        let after_ok = q.after.as_deref().is_none_or(|a| dated && meta.date >= a);
        let before_ok = q.before.as_deref().is_none_or(|b| dated && meta.date <= b);
        source_ok && after_ok && before_ok
    }

    /// True when notice `doc` passes the facet filters of `options`.
    pub fn passes_options(&self, doc: u32, meta: &DocMeta, options: &SearchOptions) -> bool {
        let source_ok = options.sources.is_empty()
            || self.source(doc).is_some_and(|(name, _)| options.sources.iter().any(|s| s == name));
        let year_ok = options.years.is_empty() || year(meta.date).is_some_and(|y| options.years.iter().any(|o| o == y));
        source_ok && year_ok
    }

    /// Counts per source (most first) and per year (newest first) over `docs`; notices
    /// without a source or a date are not counted there.
    pub fn count<'a>(&'a self, docs: impl Iterator<Item = (u32, &'a DocMeta<'a>)>) -> Facets<'a> {
        let mut per_source = vec![0usize; self.sources.len()];
        let mut per_year: Vec<(&'a str, usize)> = Vec::new();
        for (doc, meta) in docs {
            if let Some(n) = self.source_of.get(doc as usize).and_then(|&s| per_source.get_mut(s as usize)) {
                *n += 1;
            }
            if let Some(y) = year(meta.date) {
                match per_year.iter_mut().find(|(v, _)| *v == y) {
                    Some((_, n)) => *n += 1,
                    None => per_year.push((y, 1)),
                }
            }
        }
        let mut sources: Vec<FacetCount> = self
            .sources
            .iter()
            .zip(per_source)
            .filter(|((name, _), n)| *n > 0 && !name.is_empty())
            .map(|((name, _), count)| FacetCount { value: name.as_str(), count })
            .collect();
        small_sort::sort_by(&mut sources, |a, b| b.count.cmp(&a.count).then(a.value.cmp(b.value)));
        let mut years: Vec<FacetCount> = per_year.into_iter().map(|(value, count)| FacetCount { value, count }).collect();
        small_sort::sort_by(&mut years, |a, b| b.value.cmp(a.value));
        Facets { sources, years }
    }
}
