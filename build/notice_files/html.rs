//! The text of a saved web page (`.html`, `.htm`, `.shtml`, `.xhtml`), parsed with `scraper`
//! (html5ever, the HTML5 parsing algorithm browsers use; entities decoded by the parser).
//!
//! - Dropped with everything inside: `<head>` (but see below), `<script>`, `<style>`,
//!   `<noscript>`, `<template>`, `<iframe>`, `<object>`, `<embed>`, `<svg>`, `<canvas>`,
//!   `<audio>`, `<video>`, and elements hidden with the `hidden` attribute or an inline
//!   `display:none` / `visibility:hidden` style.
//! - White space is collapsed as a browser renders it (kept inside `<pre>` and `<textarea>`);
//!   a line break in the source between two CJK characters is dropped, not made a space, so
//!   `关于做好\n春节` stays searchable as 关于做好春节. `&nbsp;` becomes a space.
//! - Block elements (`<p>`, `<div>`, `<li>`, `<h1>`, `<tr>`, …) and `<br>` end lines; table
//!   cells are separated by a space.
//! - Metadata becomes the front matter the cleaner reads: the title from `<meta
//!   name="ArticleTitle">` (the Chinese government-site standard), `og:title`, or `<title>`
//!   (a part of it that is also a line of the page, when it is split by `_`, `|` or ` - `);
//!   the date from `PubDate`, `article:published_time`, `publishdate`, `dc.date`, … as
//!   `YYYY-MM-DD`; the source from `ContentSource`; the url from `<link rel="canonical">`,
//!   `og:url`, `<meta name="Url">` or the `saved from url=` comment browsers write.

use ego_tree::iter::Edge;
use encoding_rs::Encoding;
use scraper::node::Element;
use scraper::{Html, Node};
use std::collections::HashMap;

/// Elements whose content is never rendered as page text.
const DROPPED: [&str; 12] =
    ["head", "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "audio", "video"];
/// Elements that start and end a line.
const BLOCKS: [&str; 44] = [
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table",
    "tbody", "thead", "tfoot", "tr",
];
/// Elements whose white space is kept.
const PREFORMATTED: [&str; 4] = ["pre", "textarea", "listing", "plaintext"];

const TITLE_META: [&str; 5] = ["articletitle", "og:title", "twitter:title", "dc.title", "title"];
const DATE_META: [&str; 11] = [
    "pubdate", "article:published_time", "publishdate", "publish_date", "publishtime", "firstpublishedtime",
    "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "date",
];
const SOURCE_META: [&str; 2] = ["contentsource", "source"];
const URL_META: [&str; 2] = ["og:url", "url"];
const SITE_META: [&str; 2] = ["sitename", "og:site_name"];

/// What a page holds: its text (lines separated by `\n`) and its metadata.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    pub text: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
}

impl Page {
    /// The text with a front-matter block for the metadata found (none if nothing was found).
    pub fn with_front_matter(&self) -> String {
        let fields = [("title", &self.title), ("date", &self.date), ("source", &self.source), ("url", &self.url)];
        let lines: Vec<String> = fields
            .iter()
            .filter_map(|(k, v)| v.as_ref().map(|v| format!("{k}: {v}")))
            .collect();
        if lines.is_empty() {
            self.text.clone()
        } else {
            format!("---\n{}\n---\n{}", lines.join("\n"), self.text)
        }
    }
}

/// True when bytes start (after a byte-order mark and white space) with `<!DOCTYPE html` or
/// `<html`, in any case: a web page saved under a text extension.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let start = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start: Vec<u8> = start.iter().skip_while(|b| b.is_ascii_whitespace()).take(14).map(u8::to_ascii_lowercase).collect();
    start.starts_with(b"<!doctype html") || start.starts_with(b"<html")
}

/// The charset a page declares in its first 1,024 bytes (`<meta charset=…>`, `<meta
/// http-equiv="Content-Type" content="…; charset=…">`, `<?xml … encoding="…"?>`).
pub fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head: Vec<u8> = bytes.iter().take(1024).map(u8::to_ascii_lowercase).collect();
    let mut at = 0;
    while let Some(start) = find(&head, at, b"<meta").or_else(|| (at == 0).then(|| find(&head, 0, b"<?xml")).flatten()) {
        let end = find(&head, start, b">").unwrap_or(head.len());
        let tag = head.get(start..end).unwrap_or_default();
        let key: &[u8] = if tag.starts_with(b"<?xml") { b"encoding" } else { b"charset" };
        if let Some(k) = find(tag, 0, key) {
            let rest = tag.get(k + key.len()..).unwrap_or_default();
            let rest = rest.strip_prefix(b" ").unwrap_or(rest);
            if let Some(v) = rest.strip_prefix(b"=") {
                let v: Vec<u8> = v
                    .iter()
                    .skip_while(|b| matches!(b, b' ' | b'"' | b'\''))
                    .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
                    .copied()
                    .collect();
                if let Some(enc) = Encoding::for_label(&v) {
                    return Some(enc);
                }
            }
        }
        at = end.max(start + 1);
    }
    None
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|p| p + from)
}

/// The rendered text and metadata of an HTML document.
pub fn page(html: &str) -> Page {
    let doc = Html::parse_document(html);
    let mut out = TextOut::default();
    let mut meta: HashMap<String, String> = HashMap::new();
    let mut title_tag: Option<String> = None;
    let mut canonical: Option<String> = None;
    let mut saved_from: Option<String> = None;
    let mut dropped = 0usize; // depth inside a dropped element
    let mut pre = 0usize; // depth inside preformatted elements
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    let name = e.name();
                    collect_meta(e, &mut meta, &mut canonical);
                    if name == "title" && title_tag.is_none() && !node.ancestors().any(|a| is_element(a.value(), "svg")) {
                        let t: String = node.descendants().filter_map(|d| d.value().as_text().map(|t| t.to_string())).collect();
                        title_tag = Some(collapse(&t));
                    }
                    if dropped > 0 || DROPPED.contains(&name) || hidden(e) {
                        dropped += 1;
                        continue;
                    }
                    out.open(name);
                    if PREFORMATTED.contains(&name) {
                        pre += 1;
                    }
                }
                Node::Text(t) if dropped == 0 => out.text(t, pre > 0),
                Node::Comment(c) if saved_from.is_none() => {
                    saved_from = c.trim().strip_prefix("saved from url=").and_then(|u| u.split_once(')')).map(|(_, u)| u.trim().to_string());
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    if dropped > 0 {
                        dropped -= 1;
                    } else {
                        if PREFORMATTED.contains(&e.name()) {
                            pre = pre.saturating_sub(1);
                        }
                        out.close(e.name());
                    }
                }
            }
        }
    }
    let text = out.finish();
    let first = |keys: &[&str]| keys.iter().find_map(|k| meta.get(*k).filter(|v| !v.is_empty()).cloned());
    let sites: Vec<String> = SITE_META.iter().filter_map(|k| meta.get(*k).cloned()).collect();
    let title = first(&TITLE_META).or_else(|| title_tag.map(|t| page_title(&t, &text, &sites)));
    let date = DATE_META.iter().find_map(|k| meta.get(*k).and_then(|v| ymd(v)));
    let url = canonical.into_iter().chain(URL_META.iter().filter_map(|k| meta.get(*k).cloned())).chain(saved_from).find(|u| {
        (u.starts_with("http://") || u.starts_with("https://")) && !u.contains(char::is_whitespace)
    });
    Page {
        text,
        title: title.map(|t| one_line(&t)).filter(|t| !t.is_empty() && t != "---"),
        date,
        source: first(&SOURCE_META).map(|s| one_line(&s)).filter(|s| !s.is_empty() && s != "---"),
        url,
    }
}

fn is_element(node: &Node, name: &str) -> bool {
    matches!(node, Node::Element(e) if e.name() == name)
}

fn collect_meta(e: &Element, meta: &mut HashMap<String, String>, canonical: &mut Option<String>) {
    match e.name() {
        "meta" => {
            let key = e.attr("name").or_else(|| e.attr("property")).or_else(|| e.attr("itemprop"));
            if let (Some(k), Some(v)) = (key, e.attr("content")) {
                meta.entry(k.trim().to_ascii_lowercase()).or_insert_with(|| collapse(v));
            }
        }
        "link" if canonical.is_none() => {
            let rel = e.attr("rel").unwrap_or_default();
            if rel.split_ascii_whitespace().any(|r| r.eq_ignore_ascii_case("canonical")) {
                *canonical = e.attr("href").map(|h| h.trim().to_string());
            }
        }
        _ => {}
    }
}

fn hidden(e: &Element) -> bool {
    let style: String = e.attr("style").unwrap_or_default().chars().filter(|c| !c.is_whitespace()).collect();
    let style = style.to_ascii_lowercase();
    e.attr("hidden").is_some() || style.contains("display:none") || style.contains("visibility:hidden")
}

/// `<title>` of a page: when it is split by `_`, `|`, ` - ` and the like (usually a site or
/// column name added), the longest part that is also a whole line of the page; else without
/// parts equal to the site name; else all of it.
fn page_title(title: &str, text: &str, sites: &[String]) -> String {
    let parts: Vec<&str> = title.split(['_', '|', '｜', '－', '—', '–']).flat_map(|p| p.split(" - ")).map(str::trim).filter(|p| !p.is_empty()).collect();
    if parts.len() < 2 {
        return title.to_string();
    }
    let lines: std::collections::HashSet<&str> = text.lines().map(str::trim).collect();
    if let Some(best) = parts.iter().filter(|p| lines.contains(**p)).max_by_key(|p| p.chars().count()) {
        return best.to_string();
    }
    let kept: Vec<&str> = parts.iter().copied().filter(|p| !sites.iter().any(|s| s.trim() == *p)).collect();
    if !kept.is_empty() && kept.len() < parts.len() {
        kept.join(" - ")
    } else {
        title.to_string()
    }
}

/// `YYYY-MM-DD` from the first date in `s` (`2020-02-03 10:00`, `2020年2月3日`, `20200203`).
fn ymd(s: &str) -> Option<String> {
    let mut nums: Vec<&str> = s.split(|c: char| !c.is_ascii_digit()).filter(|p| !p.is_empty()).take(3).collect();
    if let Some(compact) = nums.first().copied().filter(|n| n.len() == 8) {
        nums = vec![compact.get(..4)?, compact.get(4..6)?, compact.get(6..)?];
    }
    let n: Vec<u32> = nums.iter().filter_map(|p| p.parse().ok()).collect();
    match n.as_slice() {
        [y, m, d, ..] if (1900..2200).contains(y) && (1..=12).contains(m) && (1..=31).contains(d) => {
            Some(format!("{y:04}-{m:02}-{d:02}"))
        }
        _ => None,
    }
}

fn collapse(s: &str) -> String {
    let mut out = TextOut::default();
    out.text(s, false);
    one_line(&out.finish())
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// East Asian wide characters, between which a source line break is not a space.
fn wide(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{115F}' | '\u{2E80}'..='\u{303E}' | '\u{3041}'..='\u{33FF}' | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}' | '\u{A000}'..='\u{A4CF}' | '\u{F900}'..='\u{FAFF}' | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FF60}' | '\u{FFE0}'..='\u{FFE6}' | '\u{20000}'..='\u{3FFFD}')
}

/// Rendered text being written: pending white space and line breaks are resolved when the
/// next visible character arrives, so no line starts or ends with a space.
#[derive(Default)]
struct TextOut {
    s: String,
    /// White space seen since the last character: `Some(true)` if it held a line break.
    space: Option<bool>,
    /// A block boundary since the last character.
    newline: bool,
}

impl TextOut {
    fn open(&mut self, name: &str) {
        if name == "br" {
            self.s.push('\n');
            self.space = None;
        } else {
            self.close(name);
        }
    }

    fn close(&mut self, name: &str) {
        if BLOCKS.contains(&name) {
            self.newline = true;
        } else if matches!(name, "td" | "th") {
            self.space = Some(false);
        }
    }

    fn text(&mut self, t: &str, pre: bool) {
        for c in t.chars() {
            let c = if c == '\u{A0}' { ' ' } else { c };
            match c {
                '\n' if pre => {
                    self.newline = false;
                    self.space = None;
                    self.s.push('\n');
                }
                ' ' | '\t' | '\n' | '\r' | '\u{0C}' if !pre => {
                    self.space = Some(self.space.unwrap_or(false) || c == '\n' || c == '\r');
                }
                c => {
                    self.flush(c);
                    self.s.push(c);
                }
            }
        }
    }

    fn flush(&mut self, next: char) {
        let at_line_start = self.s.is_empty() || self.s.ends_with('\n');
        if std::mem::take(&mut self.newline) {
            if !at_line_start {
                self.s.push('\n');
            }
        } else if let Some(line_break) = self.space {
            let cjk_join = line_break && self.s.chars().next_back().is_some_and(wide) && wide(next);
            if !at_line_start && !cjk_join {
                self.s.push(' ');
            }
        }
        self.space = None;
    }

    fn finish(self) -> String {
        self.s.lines().map(str::trim_end).collect::<Vec<_>>().join("\n")
    }
}
