//! Query parsing: text → terms of search classes.
//!
//! A query is split on white space into terms; every term must occur in a notice (AND), as a
//! contiguous string of folded characters (so `疫情防控` finds exactly the notices containing
//! 疫情防控, and `COVID` finds `covid-19`). Repeated terms count once.

use crate::shared::normalize::Folder;

/// Longest query, in characters, that is searched; the rest is ignored with a warning.
pub const MAX_QUERY_CHARS: usize = 1000;
/// Most terms searched; further ones are ignored with a warning.
pub const MAX_TERMS: usize = 32;

/// One query term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The term as typed (after folding), for messages.
    pub text: String,
    /// Its search classes; `None` when a character never occurs in the corpus, so the term
    /// cannot match anything.
    pub classes: Option<Vec<u16>>,
}

/// A parsed query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub terms: Vec<Term>,
    pub warnings: Vec<String>,
}

/// Parses `text` against the corpus's classes (sorted folded characters).
pub fn parse(text: &str, folder: &Folder, classes: &[char]) -> Query {
    let mut warnings = Vec::new();
    let mut chars: Vec<char> = Vec::new();
    for (i, c) in text.chars().enumerate() {
        if i == MAX_QUERY_CHARS {
            warnings.push(format!(
                "the query is longer than {MAX_QUERY_CHARS} characters; the rest was ignored"
            ));
            break;
        }
        chars.push(if c.is_control() { ' ' } else { folder.fold(c) });
    }
    let folded: String = chars.into_iter().collect();
    let mut terms: Vec<Term> = Vec::new();
    for word in folded.split(' ').filter(|w| !w.is_empty()) {
        if terms.iter().any(|t| t.text == word) {
            continue;
        }
        if terms.len() == MAX_TERMS {
            warnings.push(format!("only the first {MAX_TERMS} terms were searched"));
            break;
        }
        let classes: Option<Vec<u16>> = word
            .chars()
            .map(|c| classes.binary_search(&c).ok().map(|i| i as u16 + 1))
            .collect();
        terms.push(Term { text: word.to_string(), classes });
    }
    Query { terms, warnings }
}
