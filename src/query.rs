//! Query parsing: text → groups of terms, exclusions and filters. Lenient: any text is a
//! query; what cannot be used is dropped with a warning in the result.
//!
//! | syntax | meaning |
//! |---|---|
//! | `疫情 防控` | both terms (AND), each anywhere in the notice |
//! | `"疫情 防控"`, `“疫情 防控”` | the exact phrase, white space included; no pinyin or synonyms (a quotation mark only opens a phrase at the start of a word: `有“家”可归` is one term) |
//! | `-通报`, `-"…"` | notices containing the term are left out |
//! | `核酸 OR 疫苗`, `核酸 \| 疫苗` | either term (`OR` in capitals) |
//! | `source:阿拉善盟`, `来源:阿拉善盟` | the source contains 阿拉善盟 |
//! | `after:2020-02-01`, `before:2020-12` | dated on or after / on or before (`2020`, `2020-02`, `2020年2月1日` work too) |
//!
//! A term matches wherever its folded characters occur (see [`crate::normalize`]). Control
//! characters separate terms like white space; invisible formatting characters (zero-width
//! spaces, direction marks) and U+FFFD (what is left of invalid text, e.g. a lone surrogate
//! from JavaScript) are dropped; a query is cut at [`MAX_QUERY_CHARS`] characters and
//! [`MAX_TERMS`] terms. Each of these, and any syntax that could not be used (a lone `-`, an
//! empty `source:`, a date that is not one, an unclosed quotation mark), adds a warning to
//! the result.

use crate::shared::normalize::Folder;

/// Longest query, in characters, that is searched; the rest is ignored with a warning.
pub const MAX_QUERY_CHARS: usize = 1000;
/// Most terms searched; further ones are ignored with a warning.
pub const MAX_TERMS: usize = 32;
/// Most distinct warnings a result carries; the rest are counted in one more.
const MAX_WARNINGS: usize = 8;

/// Drops repeated warnings (a query of 300 `OR`s says so once) and keeps at most
/// [`MAX_WARNINGS`] of the rest, saying how many more there were.
pub(crate) fn tidy_warnings(warnings: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    warnings.retain(|w| seen.insert(w.clone()));
    if warnings.len() > MAX_WARNINGS {
        let more = warnings.len() - MAX_WARNINGS;
        warnings.truncate(MAX_WARNINGS);
        warnings.push(format!("and {more} more warning(s) like these"));
    }
}

/// One query term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The term as typed.
    pub raw: String,
    /// The term after folding.
    pub text: String,
    /// Its search classes; `None` when a character never occurs in the corpus, so the term
    /// cannot match directly.
    pub classes: Option<Vec<u16>>,
    /// Written in quotes: matched exactly, without pinyin or synonyms.
    pub quoted: bool,
}

/// Terms of which a notice must contain at least one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Group {
    pub terms: Vec<Term>,
}

/// A parsed query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Every group must match.
    pub groups: Vec<Group>,
    /// No notice containing one of these is returned.
    pub excluded: Vec<Term>,
    /// Folded parts a notice's source must contain (any of them).
    pub sources: Vec<String>,
    /// Earliest date, `YYYY-MM-DD`.
    pub after: Option<String>,
    /// Latest date, `YYYY-MM-DD` (a month or year means its last day).
    pub before: Option<String>,
    pub warnings: Vec<String>,
}

impl Query {
    /// Every term of every group, in order.
    pub fn terms(&self) -> impl Iterator<Item = &Term> {
        self.groups.iter().flat_map(|g| g.terms.iter())
    }

    /// True when the query has no terms and no filters: it asks for nothing.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// True when the query restricts source or date.
    pub fn has_filters(&self) -> bool {
        !self.sources.is_empty() || self.after.is_some() || self.before.is_some()
    }
}

/// A lexical token.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Word { text: String, quoted: bool, negated: bool },
    Or,
    Field { name: Field, value: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Source,
    After,
    Before,
}

fn field(name: &str) -> Option<Field> {
    match name.to_lowercase().as_str() {
        "source" | "来源" | "來源" => Some(Field::Source),
        "after" | "since" => Some(Field::After),
        "before" | "until" => Some(Field::Before),
        _ => None,
    }
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '＂' | '「' | '」')
}

/// Invisible formatting characters (zero-width spaces and joiners, direction marks and
/// overrides, the byte-order mark): pasted text carries them unseen, so the query drops them.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c.is_control()
}

/// Splits raw text into tokens.
fn tokens(chars: &[char], warnings: &mut Vec<String>) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    let quoted_until = |from: usize, warnings: &mut Vec<String>| -> (String, usize) {
        let end = chars.get(from..).and_then(|r| r.iter().position(|&c| is_quote(c))).map(|p| from + p);
        if end.is_none() {
            warnings.push("a quotation mark is not closed; the phrase runs to the end of the query".into());
        }
        let mut text: String = chars.get(from..end.unwrap_or(chars.len())).unwrap_or_default().iter().collect();
        if end.is_none() {
            // `"疫情 ` is still being typed: the space is not part of the phrase yet.
            text.truncate(text.trim_end_matches(is_space).len());
        }
        (text, end.map_or(chars.len(), |e| e + 1))
    };
    while let Some(&c) = chars.get(i) {
        if is_space(c) {
            i += 1;
            continue;
        }
        if c == '|' || c == '｜' {
            out.push(Token::Or);
            i += 1;
            continue;
        }
        let negated = (c == '-' || c == '－') && chars.get(i + 1).is_some_and(|&n| !is_space(n));
        if c == '-' || c == '－' {
            if !negated {
                warnings.push("a lone '-' was ignored (write -word to leave notices with word out)".into());
                i += 1;
                continue;
            }
            i += 1;
        }
        if chars.get(i).is_some_and(|&q| is_quote(q)) {
            let (text, next) = quoted_until(i + 1, warnings);
            out.push(Token::Word { text, quoted: true, negated });
            i = next;
            continue;
        }
        let start = i;
        // Quotation marks inside a word are part of it (`有“家”可归`): only one that starts a
        // word opens a phrase.
        while chars.get(i).is_some_and(|&c| !is_space(c) && c != '|' && c != '｜') {
            i += 1;
        }
        let word: String = chars.get(start..i).unwrap_or_default().iter().collect();
        if word == "OR" && !negated {
            out.push(Token::Or);
            continue;
        }
        if let Some((name, value)) = word.split_once([':', '：']).and_then(|(n, v)| Some((field(n)?, v))).filter(|_| !negated) {
            let mut value = value.to_string();
            if value.is_empty() && chars.get(i).is_some_and(|&q| is_quote(q)) {
                let (text, next) = quoted_until(i + 1, warnings);
                value = text;
                i = next;
            }
            out.push(Token::Field { name, value });
            continue;
        }
        out.push(Token::Word { text: word, quoted: false, negated });
    }
    out
}

/// `YYYY-MM-DD` bounds from `2020`, `2020-2`, `2020-02-03`, `2020/2/3`, `2020.2.3`,
/// `2020年2月3日`: the first day of the span, or with `end` its last (day 31 stands for the
/// last day of any month: dates compare as text).
pub fn date_bound(value: &str, end: bool) -> Option<String> {
    let nums: Vec<&str> = value.split(|c: char| !c.is_ascii_digit()).filter(|p| !p.is_empty()).collect();
    let num = |i: usize| nums.get(i).and_then(|p| p.parse::<u32>().ok());
    let y = num(0).filter(|y| (1000..=9999).contains(y) && nums.first().is_some_and(|p| p.len() == 4))?;
    if nums.len() > 3 {
        return None;
    }
    let m = match num(1) {
        Some(m) if (1..=12).contains(&m) => Some(m),
        Some(_) => return None,
        None => None,
    };
    let d = match num(2) {
        Some(d) if (1..=31).contains(&d) => Some(d),
        Some(_) => return None,
        None => None,
    };
    let (m, d) = match (m, d, end) {
        (Some(m), Some(d), _) => (m, d),
        (Some(m), None, false) => (m, 1),
        (Some(m), None, true) => (m, 31),
        (None, _, false) => (1, 1),
        (None, _, true) => (12, 31),
    };
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// Parses `text` against the corpus's classes (sorted folded characters).
pub fn parse(text: &str, folder: &Folder, classes: &[char]) -> Query {
    let mut q = Query::default();
    let mut chars: Vec<char> = Vec::new();
    let (mut invisible, mut unreadable) = (0, 0);
    for (i, c) in text.chars().enumerate() {
        if i == MAX_QUERY_CHARS {
            q.warnings.push(format!("the query is longer than {MAX_QUERY_CHARS} characters; the rest was ignored"));
            break;
        }
        if is_invisible(c) {
            invisible += 1;
        } else if c == char::REPLACEMENT_CHARACTER {
            unreadable += 1;
        } else {
            chars.push(c);
        }
    }
    if invisible > 0 {
        q.warnings.push(format!(
            "{invisible} invisible formatting character(s) (zero-width spaces, direction marks) were ignored"
        ));
    }
    if unreadable > 0 {
        q.warnings.push(format!(
            "{unreadable} unreadable character(s) (U+FFFD: text that was not valid Unicode, such as half of an emoji) were ignored"
        ));
    }
    let fold = |s: &str| -> String {
        s.chars().map(|c| if c.is_control() { ' ' } else { folder.fold(c) }).collect()
    };
    let term = |raw: String, quoted: bool| -> Option<Term> {
        let text = fold(&raw);
        let text = if quoted { text } else { text.trim().to_string() };
        if text.trim().is_empty() {
            return None;
        }
        let classes =
            text.chars().map(|c| classes.binary_search(&c).ok().map(|i| i as u16 + 1)).collect();
        Some(Term { raw, text, classes, quoted })
    };
    // OR joins the positive term before it to the one after it.
    let mut or_pending = false;
    let mut after_term = false;
    let mut count = 0;
    let mut dropped = false;
    for token in tokens(&chars, &mut q.warnings) {
        match token {
            Token::Or => {
                if !after_term {
                    q.warnings.push("OR needs a term on each side; it was ignored".into());
                }
                or_pending = after_term;
                after_term = false;
            }
            Token::Field { name, value } => {
                or_pending = false;
                after_term = false;
                let label = match name {
                    Field::Source => "source:",
                    Field::After => "after:",
                    Field::Before => "before:",
                };
                if value.trim().is_empty() {
                    q.warnings.push(format!("{label} needs a value, e.g. {label}{}; it was ignored", match name {
                        Field::Source => "阿拉善盟",
                        _ => "2020-02-01",
                    }));
                    continue;
                }
                match name {
                    Field::Source => q.sources.push(fold(value.trim())),
                    Field::After | Field::Before => match date_bound(&value, name == Field::Before) {
                        Some(d) if name == Field::After => q.after = Some(d),
                        Some(d) => q.before = Some(d),
                        None => q.warnings.push(format!(
                            "{label}{value} is not a date (use 2020, 2020-02 or 2020-02-01); it was ignored"
                        )),
                    },
                }
            }
            Token::Word { text, quoted, negated } => {
                let Some(t) = term(text, quoted) else {
                    or_pending = false;
                    after_term = false;
                    continue;
                };
                // A repeated exclusion is dropped; a repeated term is kept (pinyin runs such as
                // `hou hou` read every syllable).
                if negated && q.excluded.iter().any(|x| x.text == t.text && x.quoted == t.quoted) {
                    or_pending = false;
                    after_term = !negated;
                    continue;
                }
                if count == MAX_TERMS {
                    dropped = true;
                    continue;
                }
                count += 1;
                after_term = !negated;
                if negated {
                    q.excluded.push(t);
                    or_pending = false;
                } else if or_pending {
                    if let Some(g) = q.groups.last_mut() {
                        g.terms.push(t);
                    }
                    or_pending = false;
                } else {
                    q.groups.push(Group { terms: vec![t] });
                }
            }
        }
    }
    if or_pending {
        q.warnings.push("OR needs a term on each side; it was ignored".into());
    }
    if dropped {
        q.warnings.push(format!("only the first {MAX_TERMS} terms were searched"));
    }
    if q.groups.is_empty() && (!q.excluded.is_empty() || q.has_filters()) {
        q.warnings.push("the query has no term to search for; exclusions and filters need one".into());
    }
    tidy_warnings(&mut q.warnings);
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Query {
        let folder = Folder::new(vec![('Ａ', 'a'), ('Ｂ', 'b'), ('C', 'c'), ('O', 'o'), ('R', 'r')]);
        let classes: Vec<char> = " -:abcor一三不情断疫防控阿拉善盟".chars().collect::<std::collections::BTreeSet<_>>().into_iter().collect();
        parse(text, &folder, &classes)
    }

    fn groups(q: &Query) -> Vec<Vec<&str>> {
        q.groups.iter().map(|g| g.terms.iter().map(|t| t.text.as_str()).collect()).collect()
    }

    #[test]
    fn terms_phrases_or_and_exclusions() {
        let q = p("疫情 \"防控 一断\" 阿拉善 OR 盟 -三不 | x");
        assert_eq!(groups(&q), vec![vec!["疫情"], vec!["防控 一断"], vec!["阿拉善", "盟"], vec!["x"]]);
        assert!(q.groups[1].terms[0].quoted);
        assert_eq!(q.excluded.iter().map(|t| t.text.as_str()).collect::<Vec<_>>(), ["三不"]);
        assert!(q.warnings.iter().any(|w| w.contains("OR")), "{:?}", q.warnings);
        assert_eq!(groups(&p("疫情|防控")), vec![vec!["疫情", "防控"]]);
        assert_eq!(groups(&p("a or b")), vec![vec!["a"], vec!["or"], vec!["b"]]);
    }

    #[test]
    fn fields_and_dates() {
        let q = p("疫情 source:阿拉善盟 after:2020-2-1 before:2020");
        assert_eq!(groups(&q), vec![vec!["疫情"]]);
        assert_eq!(q.sources, ["阿拉善盟"]);
        assert_eq!(q.after.as_deref(), Some("2020-02-01"));
        assert_eq!(q.before.as_deref(), Some("2020-12-31"));
        assert_eq!(date_bound("2020年2月", true).as_deref(), Some("2020-02-31"));
        assert_eq!(date_bound("2020-13", false), None);
        assert_eq!(date_bound("20", false), None);
        let q = p("source: after:soon x:y");
        assert_eq!(groups(&q), vec![vec!["x:y"]]);
        assert_eq!(q.warnings.len(), 2, "{:?}", q.warnings);
    }

    #[test]
    fn odd_input_warns_and_never_fails() {
        for text in ["\"", "-", "- -", "OR", "| |", "\"\"", "-\"\"", "source:", "“未闭合", "after:", "--", "-"] {
            let q = p(text);
            assert!(q.groups.iter().all(|g| !g.terms.is_empty()), "{text:?}");
        }
        let q = p(&"OR ".repeat(300));
        assert_eq!(q.warnings.len(), 1, "{:?}", q.warnings);
        let q = p(&(0..20).map(|i| format!("after:x{i} ")).collect::<String>());
        assert_eq!(q.warnings.len(), MAX_WARNINGS + 1, "{:?}", q.warnings);
        assert!(q.warnings.last().is_some_and(|w| w.contains("12 more")), "{:?}", q.warnings);
        let q = p("“疫情 防控");
        assert_eq!(groups(&q), vec![vec!["疫情 防控"]]);
        assert_eq!(groups(&p("疫“情”防")), vec![vec!["疫“情”防"]]);
        assert!(!q.warnings.is_empty());
        assert!(!p("-").warnings.is_empty());
        assert_eq!(groups(&p("Ａb-19")), vec![vec!["ab-19"]]);
    }

    #[test]
    fn repeated_exclusions_count_once_and_limits_hold() {
        assert_eq!(p("疫情 -防 -防").excluded.len(), 1);
        assert_eq!(groups(&p("疫情 疫情")), vec![vec!["疫情"], vec!["疫情"]]);
        let many: String = (0..100).map(|i| format!("t{i} ")).collect();
        let q = p(&many);
        assert_eq!(q.groups.len(), MAX_TERMS);
        assert!(!q.warnings.is_empty());
    }
}
