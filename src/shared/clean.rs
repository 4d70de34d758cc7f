//! Cleaning scraped notices and extracting their metadata, with general rules only.
//!
//! Each rule removes whole units (lines, or sentences within a line) and only when the evidence
//! is strong, so that ordinary clean text (a newspaper, help pages) passes through untouched;
//! `cargo run --release --example clean_report -- DIR` shows what each rule removed.
//!
//! | rule | what it removes |
//! |---|---|
//! | layout | a BOM, `\r`, white space around lines, empty lines (not counted as removed text) |
//! | front matter | a `---` block at the top with `title:`, `date:`, `source:`, `url:`; its values override everything derived |
//! | breadcrumb | in the first 3 lines, one like `您的当前位置：首页 > 栏目 > 标题` (a location label, or `首页`/`Home` and two separators); its last part (6+ chars) is the title |
//! | repeat | a copy of earlier sentences ([`REPEAT_CHARS`]+ chars) that directly follows its original (a paragraph or sentence doubled), or that holds a third of the notice with less text between it and its original than itself (a body scraped twice, chrome between); see [`REPEAT_UNIT_CHARS`] |
//! | margin | a run of sentences ([`CHROME_CHARS`]+ chars) at the very start or end of a notice, each found in [`shared_min`] or more notices and at a margin in 4 of 5 of them (portal chrome, a site's navigation); never a whole notice, never a whole sentence at the run's inner edge |
//! | link list | 3+ trailing lines that each end in a timestamp (`标题2025-07-06 17:52`) after a headline, i.e. a list of unrelated headlines |
//! | metadata | in the first 4 or last 3 lines, a line made of labelled fields (`时间:… 来源:… 编辑:…`, `来源：…`); after the last sentence of one of the last 3 lines, a `来源：X` with nothing before it but buttons such as `已收藏` |
//!
//! Metadata: source from `来源`-type labels; date from `时间`/`日期` labels, else a line that
//! is only a date (`2020年2月3日`, `（一九九七年十二月三十一日）`) among the first or last 3
//! lines. Title: front matter > breadcrumb > a headline among the first 3 lines and after no
//! paragraph (no sentence inside, not a section number, byline, dateline or date; a trailing
//! `（附图片１张）` is not part of it) > the first sentence, cut to clauses of at most
//! [`TITLE_WIDTH`].

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A run of repeated sentences is removed when it has at least this many characters.
pub const REPEAT_CHARS: usize = 50;

/// Only sentences of at least this many characters count towards [`REPEAT_CHARS`].
pub const REPEAT_UNIT_CHARS: usize = 10;

/// A run of sentences shared with other notices at a notice's margin is removed when it has at
/// least this many characters (shorter runs are conventional phrases such as `特此公告。`).
pub const CHROME_CHARS: usize = 20;

/// Derived titles are at most this wide (a CJK character counts 2, others 1).
pub const TITLE_WIDTH: usize = 60;

/// Lines before a headline are banners or debris of at most this many characters (CJK).
const BANNER_CHARS: usize = 80;

/// A headline line is at most this wide.
pub const HEADLINE_WIDTH: usize = 100;

/// In how many notices of a corpus of `n` a sentence must occur to count as shared (chrome):
/// the cube root of `n`, at least 3, so that a few notices from one portal among many are enough.
pub fn shared_min(n: usize) -> usize {
    let mut r: usize = 1;
    while r.pow(3) < n {
        r += 1;
    }
    r.max(3)
}

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

/// The rules that remove text, in the order they run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rule {
    /// A front-matter block (its values become metadata).
    FrontMatter,
    /// A breadcrumb line (`首页 > 栏目 > 标题`).
    Breadcrumb,
    /// Sentences repeated inside the notice (kept once).
    Repeat,
    /// Sentences at the start or end that recur across notices (portal chrome).
    Margin,
    /// A trailing list of links, each line ending in a timestamp.
    LinkList,
    /// Labelled metadata (`来源：…`, `时间:… 来源:… 编辑:…`).
    Metadata,
}

impl Rule {
    /// Every rule, in the order they run.
    pub const ALL: [Rule; 6] =
        [Rule::FrontMatter, Rule::Breadcrumb, Rule::Repeat, Rule::Margin, Rule::LinkList, Rule::Metadata];

    /// A short name for reports.
    pub fn name(self) -> &'static str {
        match self {
            Rule::FrontMatter => "front-matter",
            Rule::Breadcrumb => "breadcrumb",
            Rule::Repeat => "repeat",
            Rule::Margin => "margin",
            Rule::LinkList => "link-list",
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
    /// The removed text (pieces removed together joined by `\n`).
    pub text: String,
}

/// Where a notice's title came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleFrom {
    /// `title:` in the front matter.
    FrontMatter,
    /// The last part of a breadcrumb.
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
    /// Whether the title was put in front of the text (it was not one of its first lines).
    pub title_added: Vec<bool>,
}

/// Cleans a whole corpus at once (cross-document rules need all documents).
pub fn clean_corpus(raw: &[RawNotice]) -> Vec<Notice> {
    clean_corpus_traced(raw).0
}

/// [`clean_corpus`], also returning everything each rule removed (for reports and tests).
pub fn clean_corpus_traced(raw: &[RawNotice]) -> (Vec<Notice>, Trace) {
    let mut trace = Trace::default();
    let mut docs: Vec<Doc> = raw
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut log = Log { notice: i, out: &mut trace.removed };
            let mut d = Doc::read(&r.text, &mut log);
            d.breadcrumb(&mut log);
            d.remove_repeats(&mut log);
            d
        })
        .collect();
    strip_margins(&mut docs, &mut trace.removed);
    let notices = raw
        .iter()
        .zip(docs)
        .enumerate()
        .map(|(i, (r, mut d))| {
            let mut log = Log { notice: i, out: &mut trace.removed };
            d.link_list(&mut log);
            d.metadata(&mut log);
            let (n, from, added) = d.finish(&r.id);
            trace.title_from.push(from);
            trace.title_added.push(added);
            n
        })
        .collect();
    (notices, trace)
}

/// Records removals of one notice.
struct Log<'a> {
    notice: usize,
    out: &'a mut Vec<Removal>,
}

impl Log<'_> {
    fn remove(&mut self, rule: Rule, text: &str) {
        let text = text.trim();
        if !text.is_empty() {
            self.out.push(Removal { notice: self.notice, rule, text: text.to_string() });
        }
    }
}

/// A fast non-cryptographic hasher for the sentence tables (FxHash's mixing).
#[derive(Default)]
struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }
    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

impl Fx {
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;
type FxSet<K> = HashSet<K, BuildHasherDefault<Fx>>;

const SENTENCE_END: [char; 5] = ['。', '！', '？', '!', '?'];
/// Closing quotes and brackets that belong to the sentence they follow.
const CLOSERS: &str = "”’\"'）)」』】》〉]";

/// Characters that are not white space.
fn chars(s: &str) -> usize {
    s.chars().filter(|c| !c.is_whitespace()).count()
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// Display width: 2 for CJK characters (and full-width forms), 1 for others.
fn width(s: &str) -> usize {
    s.chars().map(|c| if is_cjk(c) { 2 } else { 1 }).sum()
}

/// Byte ranges of the sentences of `line`: each ends after `。！？!?` (and closing quotes or
/// brackets that follow); the ranges cover the whole line.
fn units(line: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = line.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if SENTENCE_END.contains(&c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if SENTENCE_END.contains(&d) || CLOSERS.contains(d) {
                    end = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            out.push((start, end));
            start = end;
        }
    }
    if start < line.len() {
        out.push((start, line.len()));
    }
    out
}

/// A sentence of a notice: line index, byte range, characters (without white space).
#[derive(Clone, Copy)]
struct Unit {
    line: usize,
    start: usize,
    end: usize,
    chars: usize,
}

fn doc_units(lines: &[String]) -> Vec<Unit> {
    let mut out = Vec::new();
    for (line, l) in lines.iter().enumerate() {
        for (start, end) in units(l) {
            let chars = chars(&l[start..end]);
            if chars > 0 {
                out.push(Unit { line, start, end, chars });
            }
        }
    }
    out
}

/// Removes the units marked in `drop` from `lines`; consecutive removed units are logged as one piece.
fn drop_units(lines: &mut Vec<String>, units: &[Unit], drop: &[bool], rule: Rule, log: &mut Log) {
    if !drop.contains(&true) {
        return;
    }
    let mut kept: Vec<String> = vec![String::new(); lines.len()];
    let mut piece = String::new();
    let mut last_line = usize::MAX;
    let mut covered = vec![0usize; lines.len()];
    for (u, &d) in units.iter().zip(drop) {
        let text = &lines[u.line][u.start..u.end];
        // Text between units (white space only) stays with the line.
        let gap = &lines[u.line][covered[u.line]..u.start];
        kept[u.line].push_str(gap);
        covered[u.line] = u.end;
        if d {
            if !piece.is_empty() && last_line != u.line {
                piece.push('\n');
            }
            piece.push_str(text.trim());
            last_line = u.line;
        } else {
            if !piece.is_empty() {
                log.remove(rule, &piece);
                piece.clear();
            }
            kept[u.line].push_str(text);
        }
    }
    if !piece.is_empty() {
        log.remove(rule, &piece);
    }
    for (i, k) in kept.iter_mut().enumerate() {
        k.push_str(&lines[i][covered[i]..]);
    }
    *lines = kept.into_iter().map(|k| k.trim().to_string()).filter(|k| !k.is_empty()).collect();
}

#[derive(Default)]
struct Meta {
    title: Option<String>,
    title_from: Option<TitleFrom>,
    source: Option<String>,
    date: Option<String>,
    url: Option<String>,
}

/// A notice being cleaned: its metadata so far and its non-empty, trimmed lines.
struct Doc {
    meta: Meta,
    lines: Vec<String>,
}

impl Doc {
    /// Lines without layout, and the front matter.
    fn read(text: &str, log: &mut Log) -> Doc {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut lines: Vec<String> = text.split(['\n', '\r']).map(|l| l.trim().to_string()).collect();
        lines.retain(|l| !l.is_empty());
        let mut meta = Meta::default();
        if lines.first().is_some_and(|l| l == "---") {
            if let Some(end) = lines.iter().skip(1).position(|l| l == "---") {
                let block: Vec<String> = lines.drain(..end + 2).collect();
                for l in &block[1..block.len() - 1] {
                    let Some((k, v)) = l.split_once([':', '：']) else { continue };
                    let v = Some(v.trim().to_string()).filter(|v| !v.is_empty());
                    match k.trim() {
                        "title" => {
                            meta.title = v;
                            meta.title_from = Some(TitleFrom::FrontMatter);
                        }
                        "date" => meta.date = v,
                        "source" => meta.source = v,
                        "url" => meta.url = v,
                        _ => {}
                    }
                }
                log.remove(Rule::FrontMatter, &block.join("\n"));
            }
        }
        Doc { meta, lines }
    }

    fn breadcrumb(&mut self, log: &mut Log) {
        let Some((i, title)) = self.lines.iter().take(3).enumerate().find_map(|(i, l)| Some((i, breadcrumb(l)?))) else {
            return;
        };
        if self.meta.title.is_none() {
            if let Some(t) = title {
                self.meta.title = Some(t);
                self.meta.title_from = Some(TitleFrom::Breadcrumb);
            }
        }
        let line = self.lines.remove(i);
        log.remove(Rule::Breadcrumb, &line);
    }

    fn remove_repeats(&mut self, log: &mut Log) {
        let units = doc_units(&self.lines);
        let mut latest: FxMap<&str, usize> = FxMap::default();
        let prev: Vec<Option<usize>> =
            units.iter().enumerate().map(|(k, u)| latest.insert(self.lines[u.line][u.start..u.end].trim(), k)).collect();
        std::mem::drop(latest);
        let sizes: Vec<usize> = units.iter().map(|u| u.chars).collect();
        let remove = repeats_to_remove(&sizes, &prev);
        drop_units(&mut self.lines, &units, &remove, Rule::Repeat, log);
    }

    fn link_list(&mut self, log: &mut Log) {
        let n = self.lines.iter().rev().take_while(|l| is_link_line(l)).count();
        if n >= 3 {
            let list = self.lines.split_off(self.lines.len() - n);
            log.remove(Rule::LinkList, &list.join("\n"));
        }
    }

    fn metadata(&mut self, log: &mut Log) {
        // Labelled lines at the top and the bottom.
        let mut i = 0;
        let mut looked = 0;
        while i < self.lines.len() && looked < 4 {
            looked += 1;
            match meta_line(&self.lines[i]) {
                Some(fields) => {
                    self.take_fields(&fields);
                    let line = self.lines.remove(i);
                    log.remove(Rule::Metadata, &line);
                }
                None => i += 1,
            }
        }
        let mut looked = 0;
        let mut i = self.lines.len();
        while i > 0 && looked < 3 {
            i -= 1;
            looked += 1;
            if let Some(fields) = meta_line(&self.lines[i]) {
                self.take_fields(&fields);
                let line = self.lines.remove(i);
                log.remove(Rule::Metadata, &line);
            }
        }
        // `…最后一句。已收藏信息来源：X` ending one of the last 3 lines (chrome may follow).
        let n = self.lines.len();
        if let Some((i, (at, source))) = (n.saturating_sub(3)..n).rev().find_map(|i| Some((i, trailing_source(&self.lines[i])?))) {
            let line = &mut self.lines[i];
            log.remove(Rule::Metadata, &line[at..]);
            line.truncate(at);
            *line = line.trim_end().to_string();
            if line.is_empty() {
                self.lines.remove(i);
            }
            if self.meta.source.is_none() {
                self.meta.source = Some(source);
            }
        }
        // A line that is only a date, near the top or the bottom.
        if self.meta.date.is_none() {
            let n = self.lines.len();
            let near = (0..n.min(3)).chain(n.saturating_sub(3).max(3)..n);
            self.meta.date = near.filter_map(|i| date_line(&self.lines[i])).next();
        }
    }

    fn take_fields(&mut self, fields: &[(&str, String)]) {
        for (label, value) in fields {
            if SOURCE_LABELS.contains(label) && self.meta.source.is_none() && !value.is_empty() {
                self.meta.source = Some(value.clone());
            }
            if DATE_LABELS.contains(label) && self.meta.date.is_none() {
                self.meta.date = parse_date(value).map(|(d, _)| d);
            }
        }
    }

    /// The notice, where its title came from, and whether the title was added to the text.
    fn finish(self, id: &str) -> (Notice, TitleFrom, bool) {
        let Doc { meta, lines } = self;
        let starts: Vec<usize> = lines
            .iter()
            .scan(0, |at, l| {
                let s = *at;
                *at += l.chars().count() + 1;
                Some(s)
            })
            .collect();
        let mut text = lines.join("\n");
        let (title, range, from, added) = if let Some(t) = meta.title.clone() {
            let from = meta.title_from.unwrap_or(TitleFrom::FrontMatter);
            let n = t.chars().count();
            match lines.iter().take(3).position(|l| *l == t) {
                Some(i) => (t, starts[i]..starts[i] + n, from, false),
                None => {
                    text = if text.is_empty() { t.clone() } else { format!("{t}\n{text}") };
                    (t, 0..n, from, true)
                }
            }
        } else if let Some((i, r)) = lines
            .iter()
            .take(3)
            .enumerate()
            // Past a paragraph of text, a short line is no longer the headline.
            .take_while(|(i, _)| lines[..*i].iter().all(|l| width(l) <= 2 * BANNER_CHARS))
            .find_map(|(i, l)| Some((i, headline(l, i)?)))
        {
            let t = lines[i][r.clone()].to_string();
            let at = starts[i] + lines[i][..r.start].chars().count();
            let n = t.chars().count();
            (t, at..at + n, TitleFrom::Headline, false)
        } else {
            let derived = lines.iter().take(3).enumerate().find_map(|(i, l)| Some((i, derived_title(l)?)));
            // Nothing better: the first line, cut.
            let derived = derived.or_else(|| Some((0, cut_title(lines.first()?))));
            match derived {
                Some((i, (r, cut))) => {
                    let t = &lines[i][r.clone()];
                    let at = starts[i] + lines[i][..r.start].chars().count();
                    let n = t.chars().count();
                    let title = if cut { format!("{t}…") } else { t.to_string() };
                    (title, at..at + n, TitleFrom::Derived, false)
                }
                None => (String::new(), 0..0, TitleFrom::Derived, false),
            }
        };
        let notice = Notice {
            id: id.to_string(),
            title,
            source: meta.source.unwrap_or_default(),
            date: meta.date.unwrap_or_default(),
            url: meta.url.unwrap_or_default(),
            text,
            title_chars: range,
        };
        (notice, from, added)
    }
}

/// Which sentences to remove as repeats, given each sentence's size and the index of the
/// latest earlier sentence with the same text.
///
/// A copy is a run of sentences each repeating the sentence a fixed distance before it (the
/// same block again); only sentences of [`REPEAT_UNIT_CHARS`]+ characters count towards its
/// size, so a table's repeated cells are not a copy. A copy of [`REPEAT_CHARS`]+ characters is
/// removed when it directly follows the block it copies (a paragraph or sentence doubled), or
/// when it holds a third of the notice and is longer than the text between it and its original
/// (a body scraped twice, with chrome between). A phrase or paragraph that recurs elsewhere
/// (a refrain, a list item's description, a parameter described in two sections) stays.
fn repeats_to_remove(size: &[usize], prev: &[Option<usize>]) -> Vec<bool> {
    let n = size.len();
    let total: usize = size.iter().sum();
    let weight = |k: usize| if size[k] >= REPEAT_UNIT_CHARS { size[k] } else { 0 };
    let distance = |k: usize| prev[k].map(|p| k - p);
    let mut remove = vec![false; n];
    let mut k = 0;
    while k < n {
        let Some(d) = distance(k) else {
            k += 1;
            continue;
        };
        let start = k;
        let mut copied = 0;
        while k < n && distance(k) == Some(d) {
            copied += weight(k);
            k += 1;
        }
        let len = k - start;
        let doubled = d <= len;
        let between: usize = if doubled { 0 } else { size[start + len - d..start].iter().sum() };
        let body = copied * 3 >= total && between <= copied;
        if copied >= REPEAT_CHARS && (doubled || body) {
            remove[start..k].fill(true);
        }
    }
    remove
}

/// The number of sentences at the start and at the end of `units` for which `shared` holds
/// (together never all of them).
fn margins(units: &[Unit], shared: impl Fn(&Unit) -> bool) -> (usize, usize) {
    let lead = units.iter().take_while(|u| shared(u)).count();
    if lead == units.len() {
        return (0, 0); // shared as a whole: a duplicate notice, not chrome
    }
    let trail = units[lead..].iter().rev().take_while(|u| shared(u)).count();
    (lead, trail)
}

/// Removes portal chrome: runs of sentences at the start or end of notices that occur in
/// [`shared_min`] or more notices, and at a margin in at least 4 of 5 notices that have them
/// (a shared sentence that also occurs inside texts is content, such as a standard paragraph).
fn strip_margins(docs: &mut [Doc], removed: &mut Vec<Removal>) {
    let min = shared_min(docs.len());
    if docs.len() < min {
        return;
    }
    let units: Vec<Vec<Unit>> = docs.iter().map(|d| doc_units(&d.lines)).collect();
    let text = |d: usize, u: &Unit| docs[d].lines[u.line][u.start..u.end].trim();
    let mut df: FxMap<&str, u32> = FxMap::default();
    let mut local: FxSet<&str> = FxSet::default();
    for (d, us) in units.iter().enumerate() {
        local.clear();
        for u in us {
            let t = text(d, u);
            if local.insert(t) {
                *df.entry(t).or_insert(0) += 1;
            }
        }
    }
    let count = |m: &FxMap<&str, u32>, t: &str| m.get(t).copied().unwrap_or(0) as usize;
    let mut at_margin: FxMap<&str, u32> = FxMap::default();
    for (d, us) in units.iter().enumerate() {
        let (lead, trail) = margins(us, |u| count(&df, text(d, u)) >= min);
        local.clear();
        for u in us[..lead].iter().chain(&us[us.len() - trail..]) {
            let t = text(d, u);
            if local.insert(t) {
                *at_margin.entry(t).or_insert(0) += 1;
            }
        }
    }
    let chrome = |d: usize, u: &Unit| {
        let t = text(d, u);
        let (n, m) = (count(&df, t), count(&at_margin, t));
        n >= min && m * 5 >= n * 4
    };
    let drops: Vec<Vec<bool>> = units
        .iter()
        .enumerate()
        .map(|(d, us)| {
            let mut remove = vec![false; us.len()];
            let (mut lead, mut trail) = margins(us, |u| chrome(d, u));
            // Chrome is not prose: a whole sentence at the inner edge (`特此公告。`) is content.
            let sentence = |u: &Unit| text(d, u).ends_with(|c: char| SENTENCE_END.contains(&c) || CLOSERS.contains(c));
            while lead > 0 && sentence(&us[lead - 1]) {
                lead -= 1;
            }
            while trail > 0 && sentence(&us[us.len() - trail]) {
                trail -= 1;
            }
            for range in [0..lead, us.len() - trail..us.len()] {
                if us[range.clone()].iter().map(|u| u.chars).sum::<usize>() >= CHROME_CHARS {
                    remove[range].fill(true);
                }
            }
            remove
        })
        .collect();
    std::mem::drop((local, df, at_margin));
    for (d, (doc, (us, remove))) in docs.iter_mut().zip(units.iter().zip(&drops)).enumerate() {
        let mut log = Log { notice: d, out: removed };
        drop_units(&mut doc.lines, us, remove, Rule::Margin, &mut log);
    }
}

/// A breadcrumb line: `Some(title)` (its last part, if it looks like a title).
fn breadcrumb(line: &str) -> Option<Option<String>> {
    if line.contains(['。', '！', '？']) {
        return None;
    }
    let parts: Vec<&str> = line.split(['>', '»', '＞', '›']).map(str::trim).collect();
    let (first, last) = (parts.first()?, parts.last()?);
    let located = ["当前位置", "所在位置", "您的位置", "现在位置"].iter().any(|l| first.contains(l));
    let home = ["首页", "主页", "Home", "home", "HOME"].iter().any(|h| first.ends_with(h));
    if parts.len() < 2 || !(located || (home && parts.len() >= 3)) {
        return None;
    }
    if parts[..parts.len() - 1].iter().any(|p| p.is_empty() || width(p) > 40) {
        return None;
    }
    let last = last.strip_suffix("正文").unwrap_or(last).trim();
    Some(Some(last.to_string()).filter(|t| t.chars().count() >= 6))
}

/// A line ending in a timestamp after some text: `标题 2025-07-06 17:52`, `标题[2020/01/05]`.
fn is_link_line(line: &str) -> bool {
    if width(line) > 200 {
        return false;
    }
    let Some(at) = trailing_stamp(line) else { return false };
    let head = line[..at].trim_end_matches(|c: char| c.is_whitespace() || "[(（【|-—".contains(c));
    chars(head) >= 4 && !head.ends_with([':', '：']) && !head.ends_with(|c: char| c.is_ascii_digit())
}

/// Byte offset where a trailing `YYYY-MM-DD[ HH:MM[:SS]]` (also `/`, `.`; optionally in brackets) starts.
fn trailing_stamp(line: &str) -> Option<usize> {
    let tail_from = line.char_indices().rev().nth(24).map_or(0, |(i, _)| i);
    line.char_indices()
        .filter(|&(i, c)| i >= tail_from && c.is_ascii_digit())
        .filter(|&(i, _)| !line[..i].ends_with(|c: char| c.is_ascii_digit()))
        .map(|(i, _)| i)
        .find(|&i| is_stamp(&line[i..]))
}

fn is_stamp(s: &str) -> bool {
    let s = s.trim_end_matches([']', ')', '）', '】']).trim_end();
    let b = s.as_bytes();
    let mut p = 0;
    let digits = |p: &mut usize, min: usize, max: usize| {
        let start = *p;
        while *p < b.len() && b[*p].is_ascii_digit() && *p - start < max {
            *p += 1;
        }
        *p - start >= min
    };
    if !digits(&mut p, 4, 4) {
        return false;
    }
    let Some(&sep) = b.get(p).filter(|c| b"-/.".contains(c)) else { return false };
    p += 1;
    if !digits(&mut p, 1, 2) || b.get(p) != Some(&sep) {
        return false;
    }
    p += 1;
    if !digits(&mut p, 1, 2) {
        return false;
    }
    if p == b.len() {
        return true;
    }
    while p < b.len() && b[p] == b' ' {
        p += 1;
    }
    if !digits(&mut p, 1, 2) || b.get(p) != Some(&b':') {
        return false;
    }
    p += 1;
    if !digits(&mut p, 2, 2) {
        return false;
    }
    if b.get(p) == Some(&b':') {
        p += 1;
        if !digits(&mut p, 2, 2) {
            return false;
        }
    }
    p == b.len()
}

/// Labels of metadata fields, longest first where one contains another.
const LABELS: [&str; 21] = [
    "发布时间", "发布日期", "更新时间", "信息来源", "文章来源", "稿件来源", "新闻来源", "责任编辑", "发布机构",
    "发布者", "浏览次数", "阅读次数", "点击数", "访问量", "时间", "日期", "来源", "作者", "编辑", "字号", "浏览",
];
const SOURCE_LABELS: [&str; 6] = ["信息来源", "文章来源", "稿件来源", "新闻来源", "来源", "发布机构"];
const DATE_LABELS: [&str; 5] = ["发布时间", "发布日期", "更新时间", "时间", "日期"];
/// A line with only one field is metadata for these labels (`时间：…` alone may be an event's time).
const SOLO_LABELS: [&str; 9] =
    ["信息来源", "文章来源", "稿件来源", "新闻来源", "来源", "发布时间", "发布日期", "责任编辑", "发布机构"];
/// Buttons that scrapers leave in front of a trailing `来源：`.
const BUTTONS: [&str; 8] = ["已收藏", "收藏", "打印", "关闭", "分享", "纠错", "返回顶部", "返回"];

/// The label (with its colon) that `s` starts with.
fn label_at(s: &str) -> Option<(&'static str, usize)> {
    LABELS.iter().find_map(|l| {
        let rest = s.strip_prefix(l)?;
        let rest_trim = rest.trim_start();
        let colon = rest_trim.chars().next().filter(|c| *c == ':' || *c == '：')?;
        Some((*l, s.len() - rest_trim.len() + colon.len_utf8()))
    })
}

/// `时间:2025-07-06 17:52:25 来源:网络整理 编辑:百科` as labelled fields, if the line is made of them.
fn meta_line(line: &str) -> Option<Vec<(&'static str, String)>> {
    if line.contains(['。', '！', '？']) || line.chars().count() > 150 {
        return None;
    }
    let s = line.trim_start_matches(|c: char| c.is_whitespace() || "【[（(〔".contains(c));
    let (mut label, mut at) = label_at(s)?;
    let mut fields = Vec::new();
    loop {
        let rest = &s[at..];
        let next = rest.char_indices().find_map(|(i, _)| Some((i, label_at(&rest[i..])?)));
        let end = next.map_or(rest.len(), |(i, _)| i);
        let value = rest[..end].trim().trim_end_matches(|c: char| "】]）)|│".contains(c)).trim();
        fields.push((label, value.to_string()));
        match next {
            Some((i, (l, len))) => {
                label = l;
                at += i + len;
            }
            None => break,
        }
    }
    let solo = fields.len() == 1 && SOLO_LABELS.contains(&fields[0].0) && !fields[0].1.is_empty();
    (fields.len() >= 2 || solo).then_some(fields)
}

/// `(offset, source)` of a trailing `来源：X` after the last sentence, with only buttons before it.
fn trailing_source(line: &str) -> Option<(usize, String)> {
    let &(start, end) = units(line).last()?;
    let tail = &line[start..end];
    let (at, label_len) = tail.char_indices().find_map(|(i, _)| {
        let (l, len) = label_at(&tail[i..])?;
        SOURCE_LABELS.contains(&l).then_some((i, len))
    })?;
    let mut prefix = tail[..at].trim();
    while !prefix.is_empty() {
        let p = prefix.trim_start_matches(|c: char| c.is_whitespace() || (c.is_ascii_punctuation() || "【】（）|·—".contains(c)));
        prefix = BUTTONS.iter().find_map(|b| p.strip_prefix(b)).unwrap_or(p);
        if prefix == p && !p.is_empty() {
            return None;
        }
    }
    let value = tail[at + label_len..].trim().trim_end_matches(|c: char| "】]）)".contains(c)).trim();
    let ok = !value.is_empty() && value.chars().count() <= 40 && !value.contains(SENTENCE_END);
    ok.then(|| (start, value.to_string()))
}

/// The value of a digit in Arabic (half or full width) or Chinese numerals.
fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        '〇' | '○' | '零' => Some(0),
        _ => "一二三四五六七八九".chars().position(|d| d == c).map(|p| p as u32 + 1),
    }
}

/// A number of 1–2 digits or Chinese numerals up to 31 (`12`, `１２`, `十二`, `三十一`), and its byte length.
fn small_number(s: &str) -> Option<(u32, usize)> {
    let cs: Vec<(usize, char)> = s.char_indices().take(3).collect();
    let len = |n: usize| cs.iter().take(n).map(|(_, c)| c.len_utf8()).sum::<usize>();
    let chinese = |c: char| c == '十' || "一二三四五六七八九".contains(c);
    match cs.as_slice() {
        [(_, a), ..] if a.is_ascii_digit() || ('０'..='９').contains(a) => {
            let d1 = digit(*a)?;
            match cs.get(1).and_then(|&(_, b)| digit(b).filter(|_| b.is_ascii_digit() || ('０'..='９').contains(&b))) {
                Some(d2) => Some((d1 * 10 + d2, len(2))),
                None => Some((d1, len(1))),
            }
        }
        [(_, '十'), rest @ ..] => match rest.first().and_then(|&(_, c)| digit(c).filter(|_| chinese(c))) {
            Some(u) => Some((10 + u, len(2))),
            None => Some((10, len(1))),
        },
        [(_, a), (_, '十'), rest @ ..] if chinese(*a) => {
            let tens = digit(*a)?;
            match rest.first().and_then(|&(_, c)| digit(c).filter(|_| chinese(c))) {
                Some(u) => Some((tens * 10 + u, len(3))),
                None => Some((tens * 10, len(2))),
            }
        }
        [(_, a), ..] if chinese(*a) => Some((digit(*a)?, len(1))),
        _ => None,
    }
}

/// `YYYY-MM-DD` from the start of `s` (`2020年2月3日`, `２０２０年２月３日`, `一九九七年十二月三十一日`,
/// `2020-2-3`, `2020/02/03`, `2020.02.03`), and the byte length it took.
fn parse_date(s: &str) -> Option<(String, usize)> {
    let mut it = s.char_indices();
    let mut year = 0;
    for _ in 0..4 {
        year = year * 10 + digit(it.next()?.1)?;
    }
    let (i, sep) = it.next()?;
    let (chinese, sep_len) = match sep {
        '年' => (true, sep.len_utf8()),
        '-' | '/' | '.' | '－' | '／' | '．' => (false, sep.len_utf8()),
        _ => return None,
    };
    let mut at = i + sep_len;
    let (month, n) = small_number(&s[at..])?;
    at += n;
    let month_end = if chinese { "月" } else { &s[i..i + sep_len] };
    at += s[at..].starts_with(month_end).then_some(month_end.len())?;
    let (day, n) = small_number(&s[at..])?;
    at += n;
    if chinese {
        at += ["日", "号"].iter().find(|e| s[at..].starts_with(**e)).map(|e| e.len())?;
    } else if s[at..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let ok = (1000..2200).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day);
    ok.then(|| (format!("{year:04}-{month:02}-{day:02}"), at))
}

/// The date of a line that is only a date (optionally in brackets).
fn date_line(line: &str) -> Option<String> {
    let s = line.trim_start_matches(['（', '(', '[', '【']).trim_end_matches(['）', ')', ']', '】']).trim();
    parse_date(s).filter(|(_, n)| *n == s.len()).map(|(d, _)| d)
}

/// `（附图片１张）`, `（图片）`, `(附图)`: a picture note at the end of a headline; its start.
fn picture_note(s: &str) -> Option<usize> {
    let body = s.strip_suffix('）').or_else(|| s.strip_suffix(')'))?;
    let open = body.rfind(['（', '('])?;
    let inner = body[open..].trim_start_matches(['（', '(']);
    (inner.chars().count() <= 8 && (inner.contains('图') || inner.contains("照片"))).then_some(open)
}

/// `新华社北京１月１日电（记者 某某）`, `本报北京十二月三十一日讯`: where the text after a dateline starts.
fn after_dateline(s: &str) -> Option<usize> {
    let head: String = s.chars().take(30).collect();
    let at = ["日电", "日讯"].iter().filter_map(|m| head.find(m).map(|i| i + m.len())).min()?;
    let before = &head[..at];
    if !before.contains('月') || before.contains(['，', '。', ',', '：']) {
        return None;
    }
    let mut rest = &s[at..];
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(inner) = rest.strip_prefix(open) {
            if let Some(end) = inner.find(close).filter(|&e| e <= 60) {
                rest = &inner[end + close.len_utf8()..];
            }
        }
    }
    let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '：' || c == ':');
    Some(s.len() - rest.len())
}

fn is_numeral(c: char) -> bool {
    digit(c).is_some() || "十百".contains(c)
}

/// Only a number (`１`, `二`, `（三）`, `第二章`) or symbols (`＊＊＊`): nothing to title a notice with.
fn is_marker(s: &str) -> bool {
    s.chars().all(|c| !c.is_alphanumeric() || is_numeral(c) || "第章节条篇".contains(c))
}

/// A numbered section heading inside a text (`一、总体要求`, `（二）…`, `3. …`, `第二章 …`).
fn is_section(s: &str) -> bool {
    let core = s.trim_start_matches(['（', '(', '第']);
    let n = core.chars().take_while(|c| is_numeral(*c)).count();
    n > 0 && core.chars().nth(n).is_some_and(|c| "、.．）)章节条".contains(c))
}

/// A byline (`本报记者某某`, `本报评论员`) rather than a headline.
fn is_byline(s: &str) -> bool {
    ["本报记者", "本报评论员", "本报通讯员", "新华社记者", "记者", "通讯员"].iter().any(|b| s.starts_with(b))
        && s.chars().count() <= 20
}

/// The byte range of the headline in line `pos` (0-based) of a notice, if it is one.
fn headline(line: &str, pos: usize) -> Option<std::ops::Range<usize>> {
    let core = picture_note(line).map_or(line, |at| &line[..at]).trim_end();
    let min = if pos == 0 { 2 } else { 4 };
    let section = pos > 0 && is_section(core);
    let ok = core.chars().count() >= min
        && width(core) <= HEADLINE_WIDTH
        && !core.contains('。')
        && !core.ends_with(['，', '、', '；', '：', ',', ';', ':', '.', '…'])
        && !is_marker(core)
        && !section
        && !is_byline(core)
        && after_dateline(core).is_none()
        && date_line(core).is_none();
    ok.then_some(0..core.len())
}

/// A short title from the first sentence of `line`: its byte range, and whether it was cut
/// inside a clause.
fn derived_title(line: &str) -> Option<(std::ops::Range<usize>, bool)> {
    if is_byline(line) {
        return None;
    }
    let start = after_dateline(line).unwrap_or(0);
    let s = &line[start..];
    let (_, end) = *units(s).first()?;
    let sentence = s[..end].trim_end_matches(SENTENCE_END);
    let sentence = picture_note(sentence).map_or(sentence, |at| &sentence[..at]);
    let sentence = sentence.trim_end_matches(|c: char| c.is_whitespace() || "，、；：,;:∶".contains(c));
    if chars(sentence) < 2 || is_marker(sentence) {
        return None;
    }
    if width(sentence) <= TITLE_WIDTH {
        return Some((start..start + sentence.len(), false));
    }
    // Whole clauses while they fit (10+ chars: `去年１２月１６日` alone says nothing); a `；` ends the
    // title once it has some length.
    let mut end = 0;
    for (i, c) in sentence.char_indices() {
        if "，；：,;:".contains(c) {
            if width(&sentence[..i]) > TITLE_WIDTH {
                break;
            }
            end = i;
            if c == '；' && chars(&sentence[..i]) >= 8 {
                break;
            }
        }
    }
    if chars(&sentence[..end]) >= 10 {
        return Some((start..start + end, false));
    }
    let (r, cut) = cut_title(sentence);
    Some((start + r.start..start + r.end, cut))
}

/// `s` cut to [`TITLE_WIDTH`] (Latin text at a space): its byte range, and whether it was cut.
fn cut_title(s: &str) -> (std::ops::Range<usize>, bool) {
    let mut w = 0;
    let Some((cut, _)) = s.char_indices().find(|&(_, c)| {
        w += if is_cjk(c) { 2 } else { 1 };
        w > TITLE_WIDTH
    }) else {
        return (0..s.len(), false);
    };
    let cut = match s[..cut].rfind(' ') {
        Some(sp) if !s[..cut].chars().rev().take(12).any(is_cjk) && sp > cut / 2 => sp,
        _ => cut,
    };
    (0..s[..cut].trim_end().len(), true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_keep_closing_quotes_and_cover_the_line() {
        let line = "他说：“好。”然后走了！ Next? ok";
        let us = units(line);
        let parts: Vec<&str> = us.iter().map(|&(s, e)| &line[s..e]).collect();
        assert_eq!(parts, ["他说：“好。”", "然后走了！", " Next?", " ok"]);
        assert_eq!(parts.concat(), line);
    }

    #[test]
    fn dates_in_many_spellings() {
        let d = |s: &str| parse_date(s).map(|(d, _)| d);
        assert_eq!(d("2020年2月3日").as_deref(), Some("2020-02-03"));
        assert_eq!(d("２０２０年１２月３１日电").as_deref(), Some("2020-12-31"));
        assert_eq!(d("一九九七年十二月三十一日").as_deref(), Some("1997-12-31"));
        assert_eq!(d("二〇二〇年二月二十日").as_deref(), Some("2020-02-20"));
        assert_eq!(d("2025-07-06 17:52:25").as_deref(), Some("2025-07-06"));
        assert_eq!(d("2020/02/03").as_deref(), Some("2020-02-03"));
        assert_eq!(d("2020-13-03"), None);
        assert_eq!(d("2020年2月"), None);
        assert_eq!(d("12345"), None);
        assert_eq!(date_line("（一九九七年十二月三十一日）").as_deref(), Some("1997-12-31"));
        assert_eq!(date_line("2020年2月3日起施行"), None);
    }

    #[test]
    fn stamps_end_link_lines_only_after_text() {
        assert!(is_link_line("纳指飙升2%!市场为何在美联储决议公布前“买买买”?2025-07-06 17:42"));
        assert!(is_link_line("关于做好防疫工作的通知 [2020/01/05]"));
        assert!(!is_link_line("2025-07-06 17:42"));
        assert!(!is_link_line("报名截止时间：2020-03-01"));
        assert!(!is_link_line("会议于2020-03-01 09:00召开"));
    }

    #[test]
    fn breadcrumbs_need_a_location_or_a_home() {
        assert_eq!(
            breadcrumb("您的当前位置:首页 > 百科 > 内蒙古: 精准防控下尽快复常 正文"),
            Some(Some("内蒙古: 精准防控下尽快复常".to_string()))
        );
        assert_eq!(breadcrumb("首页 > 新闻中心 > 通知公告"), Some(None));
        assert_eq!(breadcrumb("Choose Insert > Section > Indents tab"), None);
        assert_eq!(breadcrumb("若 a > b > c，则 a > c。"), None);
        assert_eq!(breadcrumb(">>> age = ui.InputBox('How old are you?')"), None);
    }

    #[test]
    fn metadata_lines_start_with_a_label() {
        let f = meta_line("时间:2025-07-06 17:52:25 来源:网络整理 编辑:百科").expect("meta line");
        assert_eq!(f, [("时间", "2025-07-06 17:52:25".to_string()), ("来源", "网络整理".to_string()), ("编辑", "百科".to_string())]);
        assert!(meta_line("（来源：人民日报）").is_some());
        assert!(meta_line("时间：3月1日上午9时").is_none(), "an event's time alone is content");
        assert!(meta_line("资金来源：财政拨款").is_none());
        assert!(meta_line("来源：本次调查。").is_none());
    }

    #[test]
    fn trailing_sources_follow_the_last_sentence() {
        let l = "特此公告。已收藏信息来源：阿拉善盟政务服务局";
        let (at, s) = trailing_source(l).expect("source");
        assert_eq!((&l[..at], s.as_str()), ("特此公告。", "阿拉善盟政务服务局"));
        assert_eq!(trailing_source("资金来源：财政拨款"), None);
        assert_eq!(trailing_source("我们查明了水的来源：是山泉"), None);
        assert_eq!(trailing_source("调查显示，污染来源：工厂。"), None);
    }

    #[test]
    fn headlines_and_derived_titles() {
        let h = |l: &str, p: usize| headline(l, p).map(|r| l[r].to_string());
        assert_eq!(h("迈向充满希望的新世纪——一九九八年新年讲话（附图片１张）", 0).as_deref(), Some("迈向充满希望的新世纪——一九九八年新年讲话"));
        assert_eq!(h("１", 0), None);
        assert_eq!(h("（附图片１张）", 0), None);
        assert_eq!(h("新华社北京１月１日电", 0), None);
        assert_eq!(h("本报评论员", 0), None);
        assert_eq!(h("总王事", 1), None);
        assert_eq!(h("致读者", 0).as_deref(), Some("致读者"));
        assert_eq!(h("一、总体要求", 1), None);
        let d = |l: &str| derived_title(l).map(|(r, cut)| (l[r].to_string(), cut));
        assert_eq!(
            d("新华社北京1月28日电(记者 白洁)国家主席习近平28日在人民大会堂会见世界卫生组织总干事谭德塞。后文。"),
            Some(("国家主席习近平28日在人民大会堂会见世界卫生组织总干事谭德塞".to_string(), false))
        );
        assert_eq!(d("贺卡与鲜花，充盈着病房；戴碧蓉绽放疲倦的笑容，向自发涌来探望的人们致谢。").map(|x| x.0).as_deref(), Some("贺卡与鲜花，充盈着病房"));
        let (t, cut) = d(&"很长".repeat(40)).expect("title");
        assert!(cut && width(&t) <= TITLE_WIDTH);
    }

    #[test]
    fn repeats_are_copies_next_to_their_original() {
        // Sentence sizes and the latest earlier sentence with the same text.
        let doubled = repeats_to_remove(&[20, 60, 60, 20], &[None, None, Some(1), None]);
        assert_eq!(doubled, [false, false, true, false]);
        let tripled = repeats_to_remove(&[30, 30, 30, 30], &[None, None, Some(0), Some(1)]);
        assert_eq!(tripled, [false, false, true, true], "a two-sentence paragraph again");
        // A refrain far from its last occurrence stays; so does a short doubled phrase.
        let refrain = repeats_to_remove(&[60, 40, 60, 40, 60], &[None, None, Some(0), None, Some(2)]);
        assert_eq!(refrain, [false; 5]);
        assert_eq!(repeats_to_remove(&[5, 5, 5], &[None, Some(0), Some(1)]), [false; 3]);
        // A body of two sentences scraped twice with a line of chrome between.
        let body = repeats_to_remove(&[40, 40, 10, 40, 40], &[None, None, None, Some(0), Some(1)]);
        assert_eq!(body, [false, false, false, true, true]);
    }

    #[test]
    fn shared_min_grows_slowly() {
        assert_eq!((shared_min(1), shared_min(27), shared_min(100), shared_min(3139)), (3, 3, 5, 15));
    }
}
