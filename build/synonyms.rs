//! The synonym table: `data/synonyms.txt`, plus the groups in the file named by the
//! `NOTICE_SYNONYMS` environment variable, if any.
//!
//! One group per line, members separated by `/`; `#` starts a comment; blank lines are
//! ignored. A group needs two or more members.

/// The built-in groups.
pub const BUILT_IN: &str = include_str!("../data/synonyms.txt");

/// Parses a synonym file's text into groups; a line with fewer than two members is an error
/// naming its line number.
pub fn parse(text: &str) -> Result<Vec<Vec<String>>, String> {
    let mut groups = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let members: Vec<String> =
            line.split('/').map(str::trim).filter(|m| !m.is_empty()).map(String::from).collect();
        if members.len() < 2 {
            return Err(format!("line {}: a synonym group needs two or more members separated by '/'", n + 1));
        }
        groups.push(members);
    }
    Ok(groups)
}
