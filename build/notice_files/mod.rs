//! Reading a folder of notice files as they really come: nested folders, stray files, several
//! encodings, saved web pages. Used by `build.rs` (`#[path]`) and tested natively by
//! `tests/notice_files.rs`.
//!
//! | what is found | what happens |
//! |---|---|
//! | `.txt`, `.md`, `.text` | a notice in plain text ([`decode`] tells the encoding) |
//! | `.html`, `.htm`, `.shtml`, `.xhtml`, or a text file starting with `<!DOCTYPE html` or `<html` | a notice: the page's text and metadata ([`html`]) |
//! | any other extension, or none (images, `.pdf`, `Thumbs.db`, `notice.txt~`) | ignored, listed in one warning |
//! | a name starting with `.` (`.DS_Store`, `.git/`, `._notice.txt`) | ignored, listed in one warning |
//! | a folder | read too; a folder or file reached a second time through a symbolic link is ignored (no loops) |
//! | a FIFO, socket or device; a broken symbolic link not named like a notice | ignored, listed in one warning (never opened) |
//! | a file with a NUL byte (a NUL character in UTF-16) | binary, not text: **skipped** with a warning naming it and the byte offset |
//! | a file with no text (empty, white space only, a page whose body is empty) | **skipped** with a warning |
//! | bytes not valid in any accepted encoding | **build fails**: path, byte offset, line |
//! | a file larger than [`MAX_FILE_BYTES`], or notice files adding up to more than [`MAX_TOTAL_BYTES`] | **build fails**, stating the limit |
//! | two files with the same id (`a.txt` and `a.html` side by side) | **build fails**, naming both paths |
//! | a file or folder that cannot be read, a file name that is not UTF-8 | **build fails**: path and reason |
//!
//! A notice's **id** is its path below the notices folder without the extension, with `/`
//! between folders: `2020/通知.txt` is `2020/通知`, and a file directly in the folder has its
//! file stem as id. So ids are unique across nested folders by construction, and are plain
//! strings for JS (put one into a URL with `encodeURIComponent`).
//!
//! Problems that fail the build are all collected first, so one build lists every bad file.

pub mod decode;
pub mod html;

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Extensions of plain-text notices (compared case-insensitively).
pub const TEXT_EXTENSIONS: [&str; 3] = ["txt", "md", "text"];
/// Extensions of saved web pages.
pub const HTML_EXTENSIONS: [&str; 4] = ["html", "htm", "shtml", "xhtml"];
/// Largest notice file read: 16 MiB. A notice is a few KB; a saved page with its inline
/// scripts rarely passes 1 MB. Larger files are refused rather than guessed at.
pub const MAX_FILE_BYTES: u64 = 16 << 20;
/// Most bytes of notice files in one corpus: 256 MiB. The index holds at most 2^32-1
/// characters and 65,535 distinct ones, and the browser needs about 2.8x the text in memory:
/// 256 MiB of files stays far inside the first and makes a `.wasm` already far too large to
/// download, so more is a mistake (a wrong folder) rather than a corpus.
pub const MAX_TOTAL_BYTES: u64 = 256 << 20;
/// Skipped files named one by one in warnings; the rest are counted.
const LISTED: usize = 50;

/// Size limits, [`MAX_FILE_BYTES`] and [`MAX_TOTAL_BYTES`] by default (tests use small ones).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub file_bytes: u64,
    pub total_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { file_bytes: MAX_FILE_BYTES, total_bytes: MAX_TOTAL_BYTES }
    }
}

/// A notice file read and decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticeFile {
    pub id: String,
    pub path: PathBuf,
    /// The text, lines ended by `\n`; for a web page, its text after a front-matter block.
    pub text: String,
    /// The encoding it was read from (`UTF-8`, `UTF-16LE`, `GB18030`, …).
    pub encoding: &'static str,
    pub html: bool,
    /// Size of the file.
    pub bytes: u64,
}

/// Why a notice file gave no notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// Empty or only white space (for a page: no text in its body).
    Empty,
    /// A NUL byte at this offset.
    Binary { offset: usize },
    /// Nothing left once the cleaner removed portal chrome and repeats.
    NoTextAfterCleaning,
}

impl SkipReason {
    fn label(&self) -> &'static str {
        match self {
            SkipReason::Empty => "empty",
            SkipReason::Binary { .. } => "binary",
            SkipReason::NoTextAfterCleaning => "no text after cleaning",
        }
    }
}

/// A notice file skipped, with a warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: SkipReason,
}

/// Why an entry of the folder is not a notice file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IgnoreReason {
    /// Not one of the notice extensions.
    NotANotice,
    /// Its name starts with `.`.
    Hidden,
    /// A folder or file already read under this path (symbolic links).
    AlreadyRead(PathBuf),
    /// Not a regular file or folder.
    Special,
    /// A symbolic link to nothing (or to itself), not named like a notice.
    BrokenLink,
}

/// An entry ignored, listed in one note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ignored {
    pub path: PathBuf,
    pub reason: IgnoreReason,
}

/// Everything read from a notices folder.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    pub dir: PathBuf,
    /// In path order.
    pub notices: Vec<NoticeFile>,
    pub skipped: Vec<Skipped>,
    pub ignored: Vec<Ignored>,
    /// Every folder listed and file read: for `cargo:rerun-if-changed`.
    pub watched: Vec<PathBuf>,
    /// Bytes of the notice files read.
    pub bytes: u64,
}

/// A reason the build fails.
#[derive(Debug)]
pub enum Problem {
    Unreadable { path: PathBuf, error: std::io::Error },
    NameNotUtf8 { path: PathBuf },
    TooLarge { path: PathBuf, bytes: u64, limit: u64 },
    TooMuch { dir: PathBuf, bytes: u64, limit: u64 },
    Undecodable { path: PathBuf, error: decode::DecodeError },
    DuplicateId { id: String, first: PathBuf, second: PathBuf },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Unreadable { path, error } => write!(f, "cannot read {}: {error}", shown(path)),
            Problem::NameNotUtf8 { path } => {
                write!(f, "{}: the file name is not UTF-8, so it cannot be an id; rename it", shown(path))
            }
            Problem::TooLarge { path, bytes, limit } => write!(
                f,
                "{}: {} bytes; a notice file may have at most {}",
                shown(path),
                thousands(*bytes),
                limit_bytes(*limit)
            ),
            Problem::TooMuch { dir, bytes, limit } => write!(
                f,
                "{}: the notice files hold {} bytes; one index takes at most {} of notice files",
                shown(dir),
                thousands(*bytes),
                limit_bytes(*limit)
            ),
            Problem::Undecodable { path, error } => {
                write!(f, "{}: {error}; save it as UTF-8 (or GB18030, or UTF-16 with a byte-order mark)", shown(path))
            }
            Problem::DuplicateId { id, first, second } => write!(
                f,
                "two notices have the id {id:?}: {} and {}; rename one (ids are paths without the extension)",
                shown(first),
                shown(second)
            ),
        }
    }
}

/// Every reason the build fails, one per line.
#[derive(Debug, Default)]
pub struct Problems(pub Vec<Problem>);

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0.len();
        writeln!(f, "{n} notice file{} cannot be indexed:", if n == 1 { "" } else { "s" })?;
        for p in &self.0 {
            writeln!(f, "  {p}")?;
        }
        Ok(())
    }
}

/// The text of one notice file's bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileText {
    /// `html`: read as a web page.
    Text { text: String, encoding: &'static str, html: bool },
    Skip(SkipReason),
}

/// Decodes a notice file's bytes (a web page when `is_html`, or when a text file starts with
/// `<!DOCTYPE html` or `<html`): normalised line ends, a web page's text after its front
/// matter, or why there is no notice.
pub fn file_text(bytes: &[u8], is_html: bool) -> Result<FileText, decode::DecodeError> {
    let html = is_html || html::looks_like_html(bytes);
    let declared = if html { html::declared_charset(bytes) } else { None };
    let (raw, encoding) = match decode::decode(bytes, declared)? {
        decode::Decoded::Binary { offset } => return Ok(FileText::Skip(SkipReason::Binary { offset })),
        decode::Decoded::Text { text, encoding } => (text, encoding),
    };
    let text = if html {
        let page = html::page(&raw);
        if decode::is_blank(&page.text) {
            return Ok(FileText::Skip(SkipReason::Empty));
        }
        decode::normalize_text(&page.with_front_matter())
    } else {
        decode::normalize_text(&raw)
    };
    if decode::is_blank(&text) {
        return Ok(FileText::Skip(SkipReason::Empty));
    }
    Ok(FileText::Text { text, encoding, html })
}

/// A notice file found by the walk.
struct Found {
    path: PathBuf,
    id: String,
    html: bool,
    bytes: u64,
}

/// Reads every notice file below `dir`.
pub fn read_notices(dir: &Path, limits: &Limits) -> Result<Corpus, Problems> {
    let mut corpus = Corpus { dir: dir.to_path_buf(), ..Corpus::default() };
    let mut problems = Vec::new();
    let mut found = Vec::new();
    let mut walk = Walk { seen: HashMap::new(), corpus: &mut corpus, problems: &mut problems, found: &mut found };
    walk.dir(dir, "");
    let total: u64 = found.iter().map(|f| f.bytes).sum();
    if total > limits.total_bytes {
        problems.push(Problem::TooMuch { dir: dir.to_path_buf(), bytes: total, limit: limits.total_bytes });
        return Err(Problems(problems));
    }
    let mut ids: BTreeMap<String, PathBuf> = BTreeMap::new();
    for f in found {
        if let Some(first) = ids.get(&f.id) {
            problems.push(Problem::DuplicateId { id: f.id.clone(), first: first.clone(), second: f.path.clone() });
            continue;
        }
        ids.insert(f.id.clone(), f.path.clone());
        if f.bytes > limits.file_bytes {
            problems.push(Problem::TooLarge { path: f.path, bytes: f.bytes, limit: limits.file_bytes });
            continue;
        }
        match read_limited(&f.path, limits.file_bytes) {
            Err(error) => problems.push(Problem::Unreadable { path: f.path, error }),
            Ok(bytes) if bytes.len() as u64 > limits.file_bytes => {
                problems.push(Problem::TooLarge { path: f.path, bytes: bytes.len() as u64, limit: limits.file_bytes })
            }
            Ok(bytes) => {
                corpus.watched.push(f.path.clone());
                corpus.bytes += bytes.len() as u64;
                match file_text(&bytes, f.html) {
                    Err(error) => problems.push(Problem::Undecodable { path: f.path, error }),
                    Ok(FileText::Skip(reason)) => corpus.skipped.push(Skipped { path: f.path, reason }),
                    Ok(FileText::Text { text, encoding, html }) => corpus.notices.push(NoticeFile {
                        id: f.id,
                        path: f.path,
                        text,
                        encoding,
                        html,
                        bytes: bytes.len() as u64,
                    }),
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(corpus)
    } else {
        Err(Problems(problems))
    }
}

/// At most `limit + 1` bytes of a file (one more tells it is too large).
fn read_limited(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    fs::File::open(path)?.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// `Some(is_html)` for a name with a notice extension.
fn notice_kind(path: &Path) -> Option<bool> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or_default().to_ascii_lowercase();
    let html = HTML_EXTENSIONS.contains(&ext.as_str());
    (html || TEXT_EXTENSIONS.contains(&ext.as_str())).then_some(html)
}

struct Walk<'a> {
    /// Canonical paths of folders and notice files already met, and the path they were met at.
    seen: HashMap<PathBuf, PathBuf>,
    corpus: &'a mut Corpus,
    problems: &'a mut Vec<Problem>,
    found: &'a mut Vec<Found>,
}

impl Walk<'_> {
    /// Reads the folder `dir`, whose id prefix is `prefix` (`""` or `a/b/`).
    fn dir(&mut self, dir: &Path, prefix: &str) {
        if !self.first_visit(dir) {
            return;
        }
        self.corpus.watched.push(dir.to_path_buf());
        let entries = match fs::read_dir(dir).and_then(|d| d.collect::<Result<Vec<_>, _>>()) {
            Ok(e) => e,
            Err(error) => return self.problems.push(Problem::Unreadable { path: dir.to_path_buf(), error }),
        };
        let mut paths: Vec<PathBuf> = entries.iter().map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            self.entry(path, prefix);
        }
    }

    fn entry(&mut self, path: PathBuf, prefix: &str) {
        let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else { return };
        if name.starts_with('.') {
            return self.ignore(path, IgnoreReason::Hidden);
        }
        let meta = match fs::metadata(&path) {
            Ok(m) => m,
            Err(_) if fs::symlink_metadata(&path).is_ok_and(|m| m.is_symlink()) && notice_kind(&path).is_none() => {
                return self.ignore(path, IgnoreReason::BrokenLink);
            }
            Err(error) => return self.problems.push(Problem::Unreadable { path, error }),
        };
        if meta.is_dir() {
            let Some(name) = path.file_name().and_then(|n| n.to_str()).map(str::to_string) else {
                return self.problems.push(Problem::NameNotUtf8 { path });
            };
            return self.dir(&path, &format!("{prefix}{name}/"));
        }
        if !meta.is_file() {
            return self.ignore(path, IgnoreReason::Special);
        }
        let Some(html) = notice_kind(&path) else {
            return self.ignore(path, IgnoreReason::NotANotice);
        };
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()).map(str::to_string) else {
            return self.problems.push(Problem::NameNotUtf8 { path });
        };
        if self.first_visit(&path) {
            self.found.push(Found { id: format!("{prefix}{stem}"), path, html, bytes: meta.len() });
        }
    }

    /// False (and a note) if `path` leads where an earlier path already did.
    fn first_visit(&mut self, path: &Path) -> bool {
        let canonical = match fs::canonicalize(path) {
            Ok(c) => c,
            Err(error) => {
                self.problems.push(Problem::Unreadable { path: path.to_path_buf(), error });
                return false;
            }
        };
        if let Some(first) = self.seen.get(&canonical) {
            let reason = IgnoreReason::AlreadyRead(first.clone());
            self.ignore(path.to_path_buf(), reason);
            return false;
        }
        self.seen.insert(canonical, path.to_path_buf());
        true
    }

    fn ignore(&mut self, path: PathBuf, reason: IgnoreReason) {
        self.corpus.ignored.push(Ignored { path, reason });
    }
}

impl Corpus {
    /// Marks the notice `id` as skipped (nothing left after cleaning).
    pub fn skip(&mut self, id: &str, reason: SkipReason) {
        if let Some(i) = self.notices.iter().position(|n| n.id == id) {
            let n = self.notices.remove(i);
            self.skipped.push(Skipped { path: n.path, reason });
        }
    }

    /// One line per skipped file (at most [`LISTED`], then a count), and one line listing
    /// the ignored entries; for `cargo:warning`.
    pub fn warnings(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .skipped
            .iter()
            .take(LISTED)
            .map(|s| match &s.reason {
                SkipReason::Empty => format!("skipped {}: no text (empty or only white space)", shown(&s.path)),
                SkipReason::Binary { offset } => {
                    format!("skipped {}: binary, not text (a NUL byte at byte offset {offset})", shown(&s.path))
                }
                SkipReason::NoTextAfterCleaning => {
                    format!("skipped {}: no text left after cleaning (only portal chrome or repeats)", shown(&s.path))
                }
            })
            .collect();
        if self.skipped.len() > LISTED {
            out.push(format!("skipped {} more notice files (counted in the summary)", self.skipped.len() - LISTED));
        }
        if !self.ignored.is_empty() {
            let names: Vec<String> = self
                .ignored
                .iter()
                .take(10)
                .map(|i| {
                    let rel = i.path.strip_prefix(&self.dir).unwrap_or(&i.path);
                    match &i.reason {
                        IgnoreReason::AlreadyRead(first) => format!("{} (same as {})", shown(rel), shown(first)),
                        _ => shown(rel),
                    }
                })
                .collect();
            let more = self.ignored.len().saturating_sub(names.len());
            let read: Vec<String> = TEXT_EXTENSIONS.iter().chain(&HTML_EXTENSIONS).map(|e| format!(".{e}")).collect();
            out.push(format!(
                "ignored {} (only {} files are read): {}{}",
                if self.ignored.len() == 1 {
                    "1 entry that is not a notice".to_string()
                } else {
                    format!("{} entries that are not notices", self.ignored.len())
                },
                read.join(" "),
                names.join(", "),
                if more > 0 { format!(", and {more} more") } else { String::new() }
            ));
        }
        out
    }

    /// The summary line: notices indexed, skipped and ignored with reasons, bytes read,
    /// encodings other than UTF-8, and the index built from them.
    pub fn summary(&self, index_bytes: usize, chars: u64) -> String {
        let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
        for n in &self.notices {
            *kinds.entry(n.encoding.to_string()).or_default() += 1;
        }
        let html = self.notices.iter().filter(|n| n.html).count();
        let mut read: Vec<String> = kinds.iter().map(|(k, v)| format!("{} {k}", thousands(*v as u64))).collect();
        if html > 0 {
            read.push(format!("{} HTML", thousands(html as u64)));
        }
        let count = |labels: Vec<&'static str>| -> String {
            let mut by: BTreeMap<&str, usize> = BTreeMap::new();
            for l in labels {
                *by.entry(l).or_default() += 1;
            }
            let parts: Vec<String> = by.iter().map(|(k, v)| format!("{v} {k}")).collect();
            if parts.is_empty() { String::new() } else { format!(" ({})", parts.join(", ")) }
        };
        let skipped = count(self.skipped.iter().map(|s| s.reason.label()).collect());
        let ignored = count(
            self.ignored
                .iter()
                .map(|i| match i.reason {
                    IgnoreReason::NotANotice => "other extension",
                    IgnoreReason::Hidden => "hidden",
                    IgnoreReason::AlreadyRead(_) => "already read via a link",
                    IgnoreReason::Special => "not a file",
                    IgnoreReason::BrokenLink => "broken link",
                })
                .collect(),
        );
        format!(
            "indexed {} notices from {} ({} bytes read{}); skipped {}{skipped}; ignored {}{ignored}; index {} bytes, {} chars",
            thousands(self.notices.len() as u64),
            shown(&self.dir),
            thousands(self.bytes),
            if read.is_empty() { String::new() } else { format!(": {}", read.join(", ")) },
            self.skipped.len(),
            self.ignored.len(),
            thousands(index_bytes as u64),
            thousands(chars),
        )
    }
}

/// A path for a one-line message: control characters (a newline in a file name) escaped.
pub fn shown(path: &Path) -> String {
    path.display().to_string().chars().flat_map(|c| if c.is_control() { c.escape_default().collect() } else { vec![c] }).collect()
}

/// `16,777,216 bytes (16 MiB)`.
fn limit_bytes(n: u64) -> String {
    if n >= 1 << 20 {
        format!("{} bytes ({} MiB)", thousands(n), n >> 20)
    } else {
        format!("{} bytes", thousands(n))
    }
}

/// `1234567` as `1,234,567`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
