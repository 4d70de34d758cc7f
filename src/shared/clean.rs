//! Cleaning scraped notices and extracting their metadata, with general rules only.
//!
//! | rule | what it does |
//! |---|---|
//! | line endings, BOM | CRLF/CR become LF, a BOM is dropped, lines trimmed, empty lines dropped |
//! | front matter | a `---` block at the top with `title:`, `date:`, `source:`, `url:` overrides all else |
//! | repeated text | a span of [`REPEAT_CHARS`] or more characters seen earlier in the notice is removed |
//! | shared margins | sentences at the start or end of a notice that recur verbatim in other notices (portal chrome) are removed |
//! | labelled fields | `来源：X`, `信息来源：X` give the source; `时间:`/`日期:` the date; such clauses and lines are removed |
//! | breadcrumbs | a line with two or more `>` separators gives the title (its last part) and is removed |
//! | link lists | a trailing run of 3+ lines ending in a timestamp is removed |
//! | title | front matter > breadcrumb > first headline-like line (6–60 chars, no final punctuation) > first sentence or clause, at most 30 chars |

use std::collections::{HashMap, HashSet};

/// Spans at least this long that repeat inside a notice are kept once.
pub const REPEAT_CHARS: usize = 50;

/// A notice file as read from disk.
pub struct RawNotice {
    pub id: String,
    pub path: String,
    pub text: String,
}

/// A notice after cleaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub id: String,
    pub title: String,
    pub source: String,
    pub date: String,
    pub url: String,
    /// Cleaned text, paragraphs separated by `\n`.
    pub text: String,
    /// Char range of `text` holding the title.
    pub title_chars: std::ops::Range<usize>,
}

const SENTENCE_END: &[char] = &['。', '！', '？', '!', '?'];

#[derive(Default)]
struct Meta {
    title: Option<String>,
    source: Option<String>,
    date: Option<String>,
    url: Option<String>,
    title_from: Option<TitleFrom>,
}

/// The rules that remove text, in the order they run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rule {
    /// A front-matter block (its values become metadata).
    FrontMatter,
    /// A breadcrumb line (`首页 > 栏目 > 标题`).
    Breadcrumb,
    /// A trailing list of links, each line ending in a timestamp.
    LinkList,
    /// Text repeated inside the notice (kept once).
    Repeat,
    /// Sentences at the start or end that recur across notices (portal chrome).
    Margin,
    /// Labelled metadata (`来源：…`, `时间:… 来源:… 编辑:…`).
    Metadata,
}

impl Rule {
    /// Every rule, in the order they run.
    pub const ALL: [Rule; 6] = [Rule::FrontMatter, Rule::Breadcrumb, Rule::LinkList, Rule::Repeat, Rule::Margin, Rule::Metadata];

    /// A short name for reports.
    pub fn name(self) -> &'static str {
        match self {
            Rule::FrontMatter => "front-matter",
            Rule::Breadcrumb => "breadcrumb",
            Rule::LinkList => "link-list",
            Rule::Repeat => "repeat",
            Rule::Margin => "margin",
            Rule::Metadata => "metadata",
        }
    }
}

/// Text one rule removed from one notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removal {
    /// Index of the notice in the input slice.
    pub notice: usize,
    pub rule: Rule,
    pub text: String,
}

/// Where a notice's title came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleFrom {
    /// `title:` in the front matter, put in front of the text unless the text starts with it.
    FrontMatter,
    /// The last part of a breadcrumb, put in front of the text unless the text starts with it.
    Breadcrumb,
    /// A headline line of the text.
    Headline,
    /// Derived from the first sentence or clause.
    Derived,
}

impl TitleFrom {
    /// A short name for reports.
    pub fn name(self) -> &'static str {
        match self {
            TitleFrom::FrontMatter => "front-matter",
            TitleFrom::Breadcrumb => "breadcrumb",
            TitleFrom::Headline => "headline",
            TitleFrom::Derived => "derived",
        }
    }
}

/// What cleaning did to a corpus: every removed piece of text, and each notice's title origin.
#[derive(Debug, Clone, Default)]
pub struct Trace {
    pub removed: Vec<Removal>,
    pub title_from: Vec<TitleFrom>,
    /// Whether the title was put in front of the text (it was not already its first line).
    pub title_added: Vec<bool>,
}

/// Cleans a whole corpus at once (cross-document rules need all documents).
pub fn clean_corpus(raw: &[RawNotice]) -> Vec<Notice> {
    clean_corpus_traced(raw).0
}

/// [`clean_corpus`], also returning everything each rule removed (for reports and tests).
pub fn clean_corpus_traced(raw: &[RawNotice]) -> (Vec<Notice>, Trace) {
    let mut removed: Vec<Removal> = Vec::new();
    let mut stage: Vec<(Meta, Vec<String>)> = raw
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut log = |rule: Rule, text: String| removed.push(Removal { notice: i, rule, text });
            first_pass(&r.text, &mut log)
        })
        .collect();
    // Sentences recurring across notices.
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (_, lines) in &stage {
        let units: HashSet<String> = lines.iter().flat_map(|l| units(l)).collect();
        for u in units {
            *seen.entry(u).or_insert(0) += 1;
        }
    }
    let min = if raw.len() > 20 { (raw.len() / 10).max(2) } else { 2 };
    let shared = |u: &str| seen.get(u).copied().unwrap_or(0) >= min;
    for (i, (meta, lines)) in stage.iter_mut().enumerate() {
        let mut log = |rule: Rule, text: String| removed.push(Removal { notice: i, rule, text });
        strip_margins(lines, &shared, meta, &mut log);
    }
    let mut title_from = Vec::new();
    let mut title_added = Vec::new();
    let notices = raw
        .iter()
        .zip(stage)
        .map(|(r, (meta, lines))| {
            let (n, f, added) = finish(&r.id, meta, lines);
            title_from.push(f);
            title_added.push(added);
            n
        })
        .collect();
    (notices, Trace { removed, title_from, title_added })
}

fn first_pass(text: &str, log: &mut impl FnMut(Rule, String)) -> (Meta, Vec<String>) {
    let text = text.trim_start_matches('\u{feff}').replace("\r\n", "\n").replace('\r', "\n");
    let mut meta = Meta::default();
    let mut lines: Vec<String> = text.lines().map(|l| l.trim().to_string()).collect();
    // Front matter.
    let first = lines.iter().position(|l| !l.is_empty());
    if let Some(f) = first.filter(|&f| lines[f] == "---") {
        if let Some(end) = lines.iter().skip(f + 1).position(|l| l == "---") {
            for l in &lines[f + 1..f + 1 + end] {
                if let Some((k, v)) = l.split_once(':') {
                    let v = v.trim().to_string();
                    match k.trim() {
                        "title" => {
                            meta.title = Some(v);
                            meta.title_from = Some(TitleFrom::FrontMatter);
                        }
                        "date" => meta.date = Some(v),
                        "source" => meta.source = Some(v),
                        "url" => meta.url = Some(v),
                        _ => {}
                    }
                }
            }
            log(Rule::FrontMatter, lines.drain(..f + end + 2).collect::<Vec<_>>().join("\n"));
        }
    }
    lines.retain(|l| !l.is_empty());
    // Breadcrumbs.
    lines.retain(|l| {
        let parts: Vec<&str> = l.split(['>', '»']).collect();
        if parts.len() >= 3 {
            let last = parts[parts.len() - 1].trim().trim_end_matches("正文").trim();
            if meta.title.is_none() && !last.is_empty() {
                meta.title = Some(last.to_string());
                meta.title_from = Some(TitleFrom::Breadcrumb);
            }
            log(Rule::Breadcrumb, l.clone());
            false
        } else {
            true
        }
    });
    // Trailing timestamped link lists.
    let trailing = lines.iter().rev().take_while(|l| ends_with_timestamp(l)).count();
    if trailing >= 3 {
        log(Rule::LinkList, lines.split_off(lines.len() - trailing).join("\n"));
    }
    (meta, remove_repeats(&lines, log))
}

fn ends_with_timestamp(l: &str) -> bool {
    let c: Vec<char> = l.chars().collect();
    let tail = |n: usize| -> String { c[c.len().saturating_sub(n)..].iter().collect() };
    [16usize, 19].iter().any(|&n| {
        let t = tail(n);
        let b = t.as_bytes();
        t.len() == n
            && b.get(4).is_some_and(|&x| x == b'-' || x == b'/')
            && b.get(10) == Some(&b' ')
            && b.get(13) == Some(&b':')
            && t.chars().filter(|ch| ch.is_ascii_digit()).count() >= 12
            && c.len() > n
    })
}

/// Removes every span of [`REPEAT_CHARS`]+ characters already seen earlier in the notice.
fn remove_repeats(lines: &[String], log: &mut impl FnMut(Rule, String)) -> Vec<String> {
    let text: Vec<char> = lines.join("\n").chars().collect();
    let w = REPEAT_CHARS;
    let mut drop = vec![false; text.len()];
    let mut first: HashMap<&[char], usize> = HashMap::new();
    if text.len() >= w {
        for i in 0..=text.len() - w {
            let win = &text[i..i + w];
            if win.contains(&'\n') && win.iter().all(|c| *c == '\n') {
                continue;
            }
            match first.get(win) {
                Some(&j) if j + w <= i => drop[i..i + w].iter_mut().for_each(|d| *d = true),
                Some(_) => {}
                None => {
                    first.insert(win, i);
                }
            }
        }
    }
    let mut span = String::new();
    for (c, d) in text.iter().zip(&drop) {
        if *d {
            span.push(*c);
        } else if !span.is_empty() {
            log(Rule::Repeat, std::mem::take(&mut span));
        }
    }
    if !span.is_empty() {
        log(Rule::Repeat, span);
    }
    let kept: String = text.iter().zip(&drop).filter(|(_, d)| !**d).map(|(c, _)| *c).collect();
    kept.lines().map(|l| l.trim().to_string()).filter(|l| !l.is_empty()).collect()
}

/// A line cut after sentence ends.
fn units(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in line.chars() {
        cur.push(c);
        if SENTENCE_END.contains(&c) {
            out.push(std::mem::take(&mut cur).trim().to_string());
        }
    }
    if !cur.trim().is_empty() {
        out.push(cur.trim().to_string());
    }
    out.retain(|u| !u.is_empty());
    out
}

/// The value after a `来源`/`时间`-style label inside `unit`, if any.
fn labelled(unit: &str, labels: &[&str]) -> Option<String> {
    for l in labels {
        if let Some(at) = unit.find(l) {
            let rest = &unit[at + l.len()..];
            if !rest.starts_with([':', '：']) {
                continue;
            }
            let rest = rest.trim_start_matches([':', '：', ' ']);
            let v: String = rest.chars().take_while(|c| !c.is_whitespace()).collect();
            if !v.is_empty() {
                return Some(v);
            }
        }
    }
    None
}

fn strip_margins(lines: &mut Vec<String>, shared: &impl Fn(&str) -> bool, meta: &mut Meta, log: &mut impl FnMut(Rule, String)) {
    let mut out: Vec<String> = Vec::new();
    let all: Vec<Vec<String>> = lines.iter().map(|l| units(l)).collect();
    let flat: Vec<(usize, &String)> = all.iter().enumerate().flat_map(|(i, us)| us.iter().map(move |u| (i, u))).collect();
    let lead = flat.iter().take_while(|(_, u)| shared(u)).count();
    let trail = flat.iter().rev().take_while(|(_, u)| shared(u)).count();
    let keep_to = flat.len().saturating_sub(trail).max(lead);
    let mut current: Option<usize> = None;
    for (k, (line, unit)) in flat.iter().enumerate() {
        if k < lead || k >= keep_to {
            log(Rule::Margin, unit.to_string());
            continue;
        }
        let mut unit = unit.to_string();
        // Labelled metadata: `…信息来源：X`, `时间:… 来源:… 编辑:…`.
        let source = labelled(&unit, &["信息来源", "来源"]);
        let date = labelled(&unit, &["发布时间", "时间", "日期"]);
        let is_meta_line = (source.is_some() || date.is_some())
            && ["来源", "时间", "日期", "编辑", "作者"].iter().filter(|l| unit.contains(*l)).count() >= 2;
        if let Some(s) = source {
            if meta.source.is_none() {
                meta.source = Some(s);
            }
            if let Some(at) = unit.find("信息来源").or_else(|| unit.rfind("已收藏")) {
                let tail = unit.split_off(at);
                let kept = unit.trim_end_matches("已收藏").trim().to_string();
                log(Rule::Metadata, format!("{}{tail}", &unit[kept.len()..]));
                unit = kept;
            }
        }
        if let Some(d) = date.filter(|_| is_meta_line) {
            if meta.date.is_none() {
                meta.date = normalize_date(&d);
            }
        }
        if is_meta_line {
            log(Rule::Metadata, unit);
            continue;
        }
        if unit.is_empty() {
            continue;
        }
        if current == Some(*line) {
            if let Some(last) = out.last_mut() {
                last.push_str(&unit);
            }
        } else {
            out.push(unit);
            current = Some(*line);
        }
    }
    *lines = out;
}

/// `YYYY-MM-DD` from `2020年2月3日`, `2020-2-3`, `2020/02/03`, `2020.02.03`.
fn normalize_date(s: &str) -> Option<String> {
    let nums: Vec<u32> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .take(3)
        .filter_map(|p| p.parse().ok())
        .collect();
    match nums.as_slice() {
        [y, m, d] if (1900..2200).contains(y) && (1..=12).contains(m) && (1..=31).contains(d) => {
            Some(format!("{y:04}-{m:02}-{d:02}"))
        }
        _ => None,
    }
}

fn derived_title(first_line: &str) -> String {
    let sentence: String = first_line.chars().take_while(|c| !SENTENCE_END.contains(c)).collect();
    if sentence.chars().count() <= 40 && sentence.chars().count() >= 4 {
        return sentence;
    }
    let clause: String = sentence.chars().take_while(|c| !"，、；：,;:".contains(*c)).collect();
    let pick = if clause.chars().count() >= 6 { clause } else { sentence };
    if pick.chars().count() > 30 {
        pick.chars().take(30).chain(std::iter::once('…')).collect()
    } else {
        pick
    }
}

fn finish(id: &str, meta: Meta, lines: Vec<String>) -> (Notice, TitleFrom, bool) {
    // A signature date in the last lines.
    let date = meta.date.clone().or_else(|| {
        lines.iter().rev().take(3).find_map(|l| {
            let at = l.find('年')?;
            let start = l[..at].char_indices().rev().take(4).last()?.0;
            normalize_date(&l[start..])
        })
    });
    let headline = lines.iter().position(|l| {
        let n = l.chars().count();
        (6..=60).contains(&n) && !l.ends_with(|c: char| "。！？；：，,;:!?".contains(c))
    });
    let (title, mut text, range) = match (&meta.title, headline) {
        (Some(t), _) => {
            let body = lines.join("\n");
            if body.starts_with(t.as_str()) {
                (t.clone(), body, 0..t.chars().count())
            } else {
                (t.clone(), format!("{t}\n{body}"), 0..t.chars().count())
            }
        }
        (None, Some(h)) => {
            let start: usize = lines[..h].iter().map(|l| l.chars().count() + 1).sum();
            let t = lines[h].clone();
            let n = t.chars().count();
            (t, lines.join("\n"), start..start + n)
        }
        (None, None) => {
            let t = derived_title(lines.first().map(String::as_str).unwrap_or(""));
            let n = t.trim_end_matches('…').chars().count();
            (t, lines.join("\n"), 0..n)
        }
    };
    if text.is_empty() {
        text = String::new();
    }
    let from = match (&meta.title, headline) {
        (Some(_), _) => meta.title_from.unwrap_or(TitleFrom::FrontMatter),
        (None, Some(_)) => TitleFrom::Headline,
        (None, None) => TitleFrom::Derived,
    };
    let n = Notice {
        id: id.to_string(),
        title,
        source: meta.source.unwrap_or_default(),
        date: date.unwrap_or_default(),
        url: meta.url.unwrap_or_default(),
        text,
        title_chars: range,
    };
    let added = meta.title.is_some() && !lines.join("\n").starts_with(n.title.as_str());
    (n, from, added)
}
