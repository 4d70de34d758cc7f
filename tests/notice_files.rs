//! Reading notice folders as they really come (`build/notice_files/`): encodings, binary and
//! empty files, saved web pages, nested folders, junk, symbolic links, duplicate ids, limits.
//! Each test writes its files into a fresh temporary folder.

#![cfg(not(target_arch = "wasm32"))]

#[allow(dead_code)]
#[path = "../build/notice_files/mod.rs"]
mod notice_files;

use encoding_rs::{BIG5, GBK, SHIFT_JIS, WINDOWS_1252};
use notice_files::decode::{decode, Decoded};
use notice_files::{file_text, read_notices, FileText, IgnoreReason, Limits, Problem, SkipReason};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

const NOTICE: &str = "关于做好春节后返岗疫情防控工作的通知\n各旗区、各有关单位：\n为切实做好疫情防控工作，现将有关事项通知如下。\n一、实行“一断三不断”措施（2020年2月3日起）。\n特此通知。\n阿拉善盟政务服务局\n2020年2月3日\n";

/// A temporary folder, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("notice-files-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        TempDir(dir)
    }

    /// Writes `bytes` to `rel` (creating folders) and returns the path.
    fn file(&self, rel: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("folders");
        std::fs::write(&path, bytes).expect("write");
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn text_of(bytes: &[u8], html: bool) -> (String, &'static str) {
    match file_text(bytes, html) {
        Ok(FileText::Text { text, encoding, .. }) => (text, encoding),
        other => panic!("expected text, got {other:?}"),
    }
}

fn encode(enc: &'static encoding_rs::Encoding, s: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = enc.encode(s);
    assert!(!unmappable, "{} cannot encode the fixture", enc.name());
    bytes.into_owned()
}

fn problems(dir: &Path) -> Vec<Problem> {
    match read_notices(dir, &Limits::default()) {
        Ok(c) => panic!("expected the build to fail, read {} notices", c.notices.len()),
        Err(p) => p.0,
    }
}

// ---- encodings ----

#[test]
fn utf8_with_and_without_bom() {
    assert_eq!(text_of(NOTICE.as_bytes(), false), (NOTICE.to_string(), "UTF-8"));
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), NOTICE.as_bytes()].concat();
    assert_eq!(text_of(&with_bom, false), (NOTICE.to_string(), "UTF-8"));
}

#[test]
fn utf16_with_bom_both_byte_orders() {
    let units: Vec<u16> = NOTICE.encode_utf16().collect();
    let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain(units.iter().flat_map(|u| u.to_le_bytes())).collect();
    let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain(units.iter().flat_map(|u| u.to_be_bytes())).collect();
    assert_eq!(text_of(&le, false), (NOTICE.to_string(), "UTF-16LE"));
    assert_eq!(text_of(&be, false), (NOTICE.to_string(), "UTF-16BE"));
}

#[test]
fn utf16_with_an_unpaired_surrogate_fails_at_its_offset() {
    // "通知" then a lone high surrogate, then "。"
    let units: [u16; 4] = [0x901A, 0x77E5, 0xD800, 0x3002];
    let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain(units.iter().flat_map(|u| u.to_le_bytes())).collect();
    let err = decode(&le, None).expect_err("unpaired surrogate");
    assert_eq!(err.offset, 6, "{err}");
    // An odd number of bytes: the last one is incomplete.
    let odd = [&le[..6], &[0x41]].concat();
    assert_eq!(decode(&odd, None).expect_err("odd length").offset, 6);
}

#[test]
fn gbk_and_gb18030_are_detected_and_decoded_exactly() {
    let gbk = encode(GBK, NOTICE);
    assert!(std::str::from_utf8(&gbk).is_err());
    assert_eq!(text_of(&gbk, false), (NOTICE.to_string(), "GB18030"));
    // A GBK-only character (镕, outside GB2312) and a four-byte GB18030 one (𠀀) among common text.
    let rare = format!("{NOTICE}朱镕基同志的讲话。𠀀\n");
    let gb = encode(encoding_rs::GB18030, &rare);
    assert_eq!(text_of(&gb, false).0, rare);
}

#[test]
fn latin1_big5_shift_jis_and_damaged_utf8_are_errors_not_mojibake() {
    let latin1 = encode(WINDOWS_1252, "Communiqué: la Société générale a publié ses résultats. Größe, naïve, façade.\n");
    let first_bad = latin1.iter().position(|&b| b >= 0x80).expect("a non-ASCII byte");
    let err = decode(&latin1, None).expect_err("Latin-1 is not GBK");
    assert_eq!(err.offset, first_bad, "{err}");
    assert!(err.to_string().contains(&format!("byte offset {first_bad}")), "{err}");

    // Every accented letter followed by a letter: valid GB18030 byte by byte, but only rare
    // GBK characters, so refused by the share test rather than decoded into mojibake.
    let valid_gb = encode(WINDOWS_1252, "Hélène élève Thérèse.\n");
    assert!(encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(&valid_gb).is_some());
    let err = decode(&valid_gb, None).expect_err("Latin-1 is not GBK");
    assert!(err.offset == 1 && err.reason.contains("only 0 of its 6 two-byte characters"), "{err}");

    for (enc, text) in [(BIG5, "關於做好春節後返崗疫情防控工作的通知，各單位應當嚴格執行。"), (SHIFT_JIS, "新型コロナウイルス感染症に関するお知らせです。")] {
        let bytes = encode(enc, text);
        let err = decode(&bytes, None).expect_err(enc.name());
        assert!(err.offset == 0 && err.reason.contains("not plausibly GB18030"), "{}: {err}", enc.name());
    }

    // UTF-8 cut in the middle of a character on line 3.
    let mut damaged = NOTICE.as_bytes().to_vec();
    let line3 = NOTICE.match_indices('\n').nth(1).expect("3 lines").0 + 1;
    damaged.remove(line3 + 1);
    let err = decode(&damaged, None).expect_err("damaged UTF-8");
    assert_eq!((err.offset, err.line), (line3, 3), "{err}");
}

#[test]
fn a_declared_charset_is_used_for_a_page_that_is_not_utf8() {
    let page = format!("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=big5\"></head><body><p>{}</p></body></html>", "關於春節後返崗的通知");
    let (text, encoding) = text_of(&encode(BIG5, &page), true);
    assert_eq!((text.as_str(), encoding), ("關於春節後返崗的通知", "Big5"));
    let gbk_page = format!("<meta charset=\"gb2312\"><title>通知</title><p>{NOTICE}</p>");
    let (text, encoding) = text_of(&encode(GBK, &gbk_page), true);
    assert!(text.contains("一断三不断") && encoding == "GBK", "{encoding}: {text}");
    // A page declaring UTF-8 whose bytes are GBK: detected like a text file.
    let lying = format!("<meta charset=utf-8><p>{NOTICE}</p>");
    assert_eq!(text_of(&encode(GBK, &lying), true).1, "GB18030");
}

/// Characters of a GBK notice: common hanzi, digits, ASCII and full-width punctuation.
const GB_ALPHABET: &[char] = &[
    '关', '于', '做', '好', '春', '节', '后', '返', '岗', '疫', '情', '防', '控', '工', '作', '的', '通', '知', '盟',
    '，', '。', '：', '“', '”', '（', '）', '、', '2', '0', 'a', 'Z', ' ', '\n', '-', '镕',
];

proptest! {
    /// GBK text decodes exactly when at least 80% of its two-byte characters are GB2312
    /// (here: all but 镕), and is refused otherwise.
    #[test]
    fn gbk_text_round_trips_when_mostly_common(cs in proptest::collection::vec(proptest::sample::select(GB_ALPHABET), 1..300)) {
        let s: String = cs.into_iter().collect();
        let bytes = encode(GBK, &s);
        prop_assume!(std::str::from_utf8(&bytes).is_err());
        let wide = s.chars().filter(|c| !c.is_ascii()).count();
        let rare = s.matches('镕').count();
        let decoded = decode(&bytes, None);
        if (wide - rare) * 100 >= wide * 80 {
            prop_assert_eq!(decoded, Ok(Decoded::Text { text: s, encoding: "GB18030" }));
        } else {
            prop_assert!(decoded.is_err(), "{:?}", decoded);
        }
    }

    /// Random bytes without NULs (a few hundred: a handful could hold one lone hanzi and
    /// rightly pass for GBK) are never taken for text.
    #[test]
    fn random_bytes_never_decode(bytes in proptest::collection::vec(1u8..=255, 200..2000)) {
        prop_assume!(std::str::from_utf8(&bytes).is_err());
        let decoded = decode(&bytes, None);
        prop_assert!(decoded.is_err(), "{:?}", decoded);
    }

    #[test]
    fn any_utf8_text_is_kept_exactly(s in "\\PC{0,200}") {
        prop_assert_eq!(decode(s.as_bytes(), None), Ok(Decoded::Text { text: s.clone(), encoding: "UTF-8" }));
    }
}

// ---- line ends, binary, empty ----

#[test]
fn line_ends_are_normalised() {
    let crlf = NOTICE.replace('\n', "\r\n");
    let cr = NOTICE.replace('\n', "\r");
    assert_eq!(text_of(crlf.as_bytes(), false).0, NOTICE);
    assert_eq!(text_of(cr.as_bytes(), false).0, NOTICE);
    assert_eq!(text_of("a\u{2028}b\u{0C}c\r\n\rd\u{7}e".as_bytes(), false).0, "a\nb\nc\n\nd e");
}

#[test]
fn nul_bytes_mean_binary_and_the_file_is_skipped_with_its_offset() {
    let dir = TempDir::new("binary");
    dir.file("good.txt", NOTICE);
    let png = dir.file("scan.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let mut utf16: Vec<u8> = vec![0xFF, 0xFE];
    utf16.extend("通知\0".encode_utf16().flat_map(|u| u.to_le_bytes()));
    let wide = dir.file("wide.txt", &utf16);
    let c = read_notices(&dir.0, &Limits::default()).expect("reads");
    assert_eq!(c.notices.iter().map(|n| n.id.as_str()).collect::<Vec<_>>(), ["good"]);
    let reasons: Vec<(&Path, &SkipReason)> = c.skipped.iter().map(|s| (s.path.as_path(), &s.reason)).collect();
    assert_eq!(reasons, [(png.as_path(), &SkipReason::Binary { offset: 8 }), (wide.as_path(), &SkipReason::Binary { offset: 6 })]);
    let warnings = c.warnings().join("\n");
    assert!(warnings.contains(&format!("skipped {}: binary", png.display())) && warnings.contains("byte offset 8"), "{warnings}");
}

#[test]
fn empty_and_white_space_files_are_skipped_with_a_warning() {
    let dir = TempDir::new("empty");
    dir.file("a.txt", NOTICE);
    let empty = dir.file("empty.txt", "");
    let blank = dir.file("blank.md", "\u{feff} \r\n\t\u{3000}\u{a0}\n\u{200b}");
    let page = dir.file("spa.html", "<html><head><title>政务服务</title><script>render('通知')</script></head><body><div id=app></div></body></html>");
    let c = read_notices(&dir.0, &Limits::default()).expect("reads");
    assert_eq!(c.notices.len(), 1);
    let skipped: Vec<&Path> = c.skipped.iter().filter(|s| s.reason == SkipReason::Empty).map(|s| s.path.as_path()).collect();
    assert_eq!(skipped, [blank.as_path(), empty.as_path(), page.as_path()]);
    let warnings = c.warnings().join("\n");
    for p in [&empty, &blank, &page] {
        assert!(warnings.contains(&format!("skipped {}: no text", p.display())), "{warnings}");
    }
}

// ---- web pages ----

const PAGE: &str = r#"<!DOCTYPE html>
<!-- saved from url=(0040)https://www.example.gov.cn/tzgg/123.html -->
<html><head>
<meta charset="utf-8">
<meta name="SiteName" content="阿拉善盟政务服务局">
<meta name="PubDate" content="2020-02-03 10:23">
<meta name="ContentSource" content="阿拉善盟政务服务局">
<meta name="description" content="关于返岗的通知">
<title>关于做好春节后返岗工作的通知_通知公告_阿拉善盟政务服务局</title>
<style>p { color: red } .secret { display: none }</style>
<script>var notice = "不应出现的脚本";</script>
</head>
<body>
<noscript>请启用脚本</noscript>
<template><p>模板内容</p></template>
<div class="nav"><a href="/">首页</a>&gt;<a href="/tzgg">通知公告</a></div>
<h1>关于做好春节后返岗工作的通知</h1>
<div class="content">
<p>各旗区、各有关单位：</p>
<p>为切实做好疫情防控工作，现将有关
事项通知如下&amp;说明&#x3002;</p>
<p>一、实行&ldquo;一断三不断&rdquo;措施。<br>二、Keep   calm
and carry on.</p>
<table><tr><td>联系人</td><td>张三</td></tr></table>
<p hidden>隐藏的段落</p><p style="display: none">也隐藏</p>
<pre>  第一行
  第二行</pre>
<script type="text/javascript">document.write("又一个脚本")</script>
</div>
</body></html>"#;

#[test]
fn a_page_gives_its_rendered_text_without_scripts_or_styles() {
    let (text, _) = text_of(PAGE.as_bytes(), true);
    let body = text.split("---\n").nth(2).expect("front matter then text");
    let lines: Vec<&str> = body.lines().collect();
    assert_eq!(
        lines,
        [
            "首页>通知公告",
            "关于做好春节后返岗工作的通知",
            "各旗区、各有关单位：",
            "为切实做好疫情防控工作，现将有关事项通知如下&说明。",
            "一、实行“一断三不断”措施。",
            "二、Keep calm and carry on.",
            "联系人 张三",
            "  第一行",
            "  第二行",
        ]
    );
    for hidden in ["不应出现", "又一个脚本", "请启用脚本", "模板内容", "隐藏", "color", "display"] {
        assert!(!text.contains(hidden), "{hidden} leaked: {text}");
    }
}

#[test]
fn page_metadata_becomes_front_matter_the_cleaner_reads() {
    let (text, _) = text_of(PAGE.as_bytes(), true);
    assert!(
        text.starts_with(
            "---\ntitle: 关于做好春节后返岗工作的通知\ndate: 2020-02-03\nsource: 阿拉善盟政务服务局\nurl: https://www.example.gov.cn/tzgg/123.html\n---\n"
        ),
        "{text}"
    );
    let raw = notice_search::RawNotice { id: "p".into(), path: "p.html".into(), text };
    let n = &notice_search::clean_corpus(&[raw])[0];
    assert_eq!(
        (n.title.as_str(), n.date.as_str(), n.source.as_str(), n.url.as_str()),
        ("关于做好春节后返岗工作的通知", "2020-02-03", "阿拉善盟政务服务局", "https://www.example.gov.cn/tzgg/123.html")
    );
    assert!(n.text.contains("一断三不断"));
}

#[test]
fn page_title_sources_in_order() {
    let title = |head: &str, body: &str| {
        let page = notice_files::html::page(&format!("<html><head>{head}</head><body>{body}</body></html>"));
        page.title
    };
    // ArticleTitle (the government-site standard) and og:title beat <title>.
    assert_eq!(title("<title>站点</title><meta name=ArticleTitle content=' 标准 标题 '>", "<p>x</p>").as_deref(), Some("标准 标题"));
    assert_eq!(title("<title>站点</title><meta property='og:title' content='开放图谱标题'>", "").as_deref(), Some("开放图谱标题"));
    // <title> split by separators: the part that is a line of the page; else without the site name; else all.
    assert_eq!(title("<title>首页 | 真标题 | 某局</title>", "<h2>真标题</h2>").as_deref(), Some("真标题"));
    assert_eq!(title("<title>真标题 - 某局</title><meta property=og:site_name content=某局>", "").as_deref(), Some("真标题"));
    assert_eq!(title("<title>2020-02-03 通知</title>", "").as_deref(), Some("2020-02-03 通知"));
    assert_eq!(title("", "<p>正文</p>"), None);
    // Dates in other shapes, and a date that is not one.
    let date = |v: &str| notice_files::html::page(&format!("<meta name=pubdate content='{v}'>")).date;
    assert_eq!(date("2020年2月3日").as_deref(), Some("2020-02-03"));
    assert_eq!(date("20200203").as_deref(), Some("2020-02-03"));
    assert_eq!(date("2020-13-45"), None);
}

#[test]
fn a_page_saved_as_txt_is_read_as_a_page() {
    let dir = TempDir::new("sniff");
    dir.file("page.txt", format!("\u{feff}\n  {PAGE}"));
    dir.file("lower.txt", "<html><body><p>正文<script>x()</script></body></html>");
    dir.file("mention.txt", "通知：请访问 <html> 标签说明页面。");
    let c = read_notices(&dir.0, &Limits::default()).expect("reads");
    let html: Vec<(&str, bool)> = c.notices.iter().map(|n| (n.id.as_str(), n.html)).collect();
    assert_eq!(html, [("lower", true), ("mention", false), ("page", true)]);
    assert_eq!(c.notices[0].text, "正文");
    assert!(c.notices[2].text.starts_with("---\ntitle: 关于做好春节后返岗工作的通知\n"));
    assert!(c.notices[1].text.contains("<html>"));
}

#[test]
fn page_entities_and_whitespace() {
    let page = notice_files::html::page("<p>A&nbsp;&amp;&lt;b&gt; &#20013;&#x6587; &copy;</p><p>中文\n中文 ABC\nDEF</p><div>a<span>b</span>c</div>");
    assert_eq!(page.text, "A &<b> 中文 ©\n中文中文 ABC DEF\nabc");
}

#[test]
fn deeply_nested_pages_do_not_overflow_the_stack() {
    let html = format!("<div>{}深处的文字{}</div>", "<span><b>".repeat(50_000), "</b></span>".repeat(50_000));
    let page = notice_files::html::page(&html);
    assert!(page.text.contains("深处的文字"));
}

// ---- folders ----

#[test]
fn nested_folders_ids_and_watched_paths() {
    let dir = TempDir::new("nested");
    let a = dir.file("top.txt", NOTICE);
    let b = dir.file("2020/02/通知.TXT", NOTICE);
    let c = dir.file("2020/page.htm", PAGE);
    let d = dir.file("2021/top.md", NOTICE);
    let corpus = read_notices(&dir.0, &Limits::default()).expect("reads");
    let ids: Vec<(&str, &Path)> = corpus.notices.iter().map(|n| (n.id.as_str(), n.path.as_path())).collect();
    assert_eq!(ids, [("2020/02/通知", b.as_path()), ("2020/page", c.as_path()), ("2021/top", d.as_path()), ("top", a.as_path())]);
    for p in [&dir.0, &dir.0.join("2020"), &dir.0.join("2020/02"), &dir.0.join("2021"), &a, &b, &c, &d] {
        assert!(corpus.watched.contains(p), "{} not watched", p.display());
    }
    let html = corpus.notices.iter().find(|n| n.html).expect("the page");
    assert!(html.text.starts_with("---\ntitle:"));
}

#[test]
fn the_same_id_twice_fails_naming_both_paths() {
    let dir = TempDir::new("dup");
    let first = dir.file("sub/a.html", PAGE);
    let second = dir.file("sub/a.txt", NOTICE);
    dir.file("a.txt", NOTICE); // id "a", not "sub/a": no clash
    let p = problems(&dir.0);
    assert_eq!(p.len(), 1, "{p:?}");
    let msg = p[0].to_string();
    assert!(msg.contains("\"sub/a\"") && msg.contains(&first.display().to_string()) && msg.contains(&second.display().to_string()), "{msg}");
}

#[test]
fn files_that_are_not_notices_are_ignored_with_a_note() {
    let dir = TempDir::new("junk");
    dir.file("a.txt", NOTICE);
    dir.file(".DS_Store", b"\0\0\0\x01Bud1");
    dir.file("._a.txt", b"\0\x05\x16\x07");
    dir.file(".git/config", "[core]");
    dir.file("logo.png", b"\x89PNG\r\n\x1a\n\0\0");
    dir.file("Thumbs.db", b"\xD0\xCF\x11\xE0");
    dir.file("a.txt~", NOTICE);
    dir.file("README", "notes");
    let c = read_notices(&dir.0, &Limits::default()).expect("reads");
    assert_eq!(c.notices.len(), 1);
    assert!(c.skipped.is_empty());
    let ignored: Vec<(String, &IgnoreReason)> = c
        .ignored
        .iter()
        .map(|i| (i.path.strip_prefix(&dir.0).expect("inside").display().to_string(), &i.reason))
        .collect();
    assert_eq!(
        ignored,
        [
            (".DS_Store".to_string(), &IgnoreReason::Hidden),
            ("._a.txt".to_string(), &IgnoreReason::Hidden),
            (".git".to_string(), &IgnoreReason::Hidden),
            ("README".to_string(), &IgnoreReason::NotANotice),
            ("Thumbs.db".to_string(), &IgnoreReason::NotANotice),
            ("a.txt~".to_string(), &IgnoreReason::NotANotice),
            ("logo.png".to_string(), &IgnoreReason::NotANotice),
        ]
    );
    let note = c.warnings().join("\n");
    assert!(note.starts_with("ignored 7 entries that are not notices") && note.contains("logo.png") && note.contains(".DS_Store"), "{note}");
}

#[cfg(unix)]
#[test]
fn symbolic_link_loops_end_and_linked_files_are_read_once() {
    use std::os::unix::fs::symlink;
    let dir = TempDir::new("links");
    let a = dir.file("sub/a.txt", NOTICE);
    symlink(&dir.0, dir.0.join("sub/loop")).expect("link");
    symlink(&a, dir.0.join("also-a.txt")).expect("link");
    let outside = TempDir::new("links-outside");
    let b = outside.file("b.txt", NOTICE);
    symlink(&outside.0, dir.0.join("linked")).expect("link");
    let c = read_notices(&dir.0, &Limits::default()).expect("reads");
    let ids: Vec<&str> = c.notices.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["also-a", "linked/b"]);
    assert!(c.watched.contains(&dir.0.join("linked")) && c.watched.contains(&dir.0.join("linked/b.txt")), "{:?}", c.watched);
    assert!(b.exists());
    let already: Vec<&Path> = c.ignored.iter().filter(|i| matches!(i.reason, IgnoreReason::AlreadyRead(_))).map(|i| i.path.as_path()).collect();
    assert_eq!(already, [dir.0.join("sub/a.txt"), dir.0.join("sub/loop")]);
}

#[cfg(unix)]
#[test]
fn broken_links_are_ignored_unless_named_like_a_notice() {
    use std::os::unix::fs::symlink;
    let dir = TempDir::new("broken");
    dir.file("a.txt", NOTICE);
    symlink(dir.0.join("self"), dir.0.join("self")).expect("link");
    symlink(dir.0.join("nowhere.png"), dir.0.join("gone.png")).expect("link");
    let c = read_notices(&dir.0, &Limits::default()).expect("reads");
    let ignored: Vec<(&Path, &IgnoreReason)> = c.ignored.iter().map(|i| (i.path.as_path(), &i.reason)).collect();
    assert_eq!(ignored, [(dir.0.join("gone.png").as_path(), &IgnoreReason::BrokenLink), (dir.0.join("self").as_path(), &IgnoreReason::BrokenLink)]);
    let gone = dir.0.join("gone.txt");
    symlink(dir.0.join("nowhere.txt"), &gone).expect("link");
    let p = problems(&dir.0);
    assert!(matches!(&p[..], [Problem::Unreadable { path, .. }] if *path == gone), "{p:?}");
}

#[cfg(unix)]
#[test]
fn a_fifo_named_like_a_notice_is_never_opened() {
    let dir = TempDir::new("fifo");
    dir.file("a.txt", NOTICE);
    let fifo = dir.0.join("pipe.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
    assert!(made.success());
    let c = read_notices(&dir.0, &Limits::default()).expect("reads without hanging");
    assert_eq!(c.ignored.iter().map(|i| (&i.path, &i.reason)).collect::<Vec<_>>(), [(&fifo, &IgnoreReason::Special)]);
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_fails_naming_it() {
    use std::os::unix::ffi::OsStrExt;
    let dir = TempDir::new("name");
    let name = std::ffi::OsStr::from_bytes(b"\xB9\xAB\xB8\xE6.txt"); // 公告 in GBK
    std::fs::write(dir.0.join(name), NOTICE).expect("write");
    let p = problems(&dir.0);
    assert!(matches!(&p[..], [Problem::NameNotUtf8 { .. }]), "{p:?}");
    assert!(p[0].to_string().contains("not UTF-8"));
}

#[test]
fn undecodable_files_fail_with_path_and_offset_all_listed() {
    let dir = TempDir::new("bad");
    dir.file("good.txt", NOTICE);
    let latin = dir.file("latin.txt", encode(WINDOWS_1252, "Société générale\n"));
    let cut = dir.file("z/cut.txt", &NOTICE.as_bytes()[..NOTICE.len() - 2]); // 2 of 日's 3 bytes left
    let p = problems(&dir.0);
    let msgs: Vec<String> = p.iter().map(ToString::to_string).collect();
    assert_eq!(msgs.len(), 2, "{msgs:?}");
    assert!(msgs[0].starts_with(&latin.display().to_string()) && msgs[0].contains("byte offset 4 (line 1"), "{}", msgs[0]);
    let cut_at = NOTICE.len() - 4;
    assert!(msgs[1].starts_with(&cut.display().to_string()) && msgs[1].contains(&format!("byte offset {cut_at} ")), "{}", msgs[1]);
    assert!(msgs[1].contains("cut off") && !msgs[0].contains("cut off"), "{msgs:?}");
}

#[test]
fn a_missing_folder_fails_naming_it() {
    let dir = TempDir::new("missing");
    let p = problems(&dir.0.join("nope"));
    assert!(p[0].to_string().contains("nope"), "{}", p[0]);
}

// ---- limits and the summary ----

#[test]
fn limits_are_stated_when_exceeded() {
    let dir = TempDir::new("limits");
    let big = dir.file("big.txt", NOTICE.repeat(4));
    dir.file("small.txt", NOTICE);
    let size = (NOTICE.len() * 4) as u64;
    let err = read_notices(&dir.0, &Limits { file_bytes: size - 1, total_bytes: 1 << 30 }).expect_err("too large");
    let msg = err.to_string();
    assert!(msg.contains(&big.display().to_string()) && msg.contains(&format!("at most {} bytes", notice_files::thousands(size - 1))), "{msg}");
    assert!(read_notices(&dir.0, &Limits { file_bytes: size, total_bytes: 1 << 30 }).is_ok());
    let total = size + NOTICE.len() as u64;
    let err = read_notices(&dir.0, &Limits { file_bytes: size, total_bytes: total - 1 }).expect_err("too much");
    assert!(err.to_string().contains(&format!("at most {} bytes", notice_files::thousands(total - 1))), "{err}");
    assert!(read_notices(&dir.0, &Limits { file_bytes: size, total_bytes: total }).is_ok());
    assert_eq!(notice_files::MAX_FILE_BYTES, 16 << 20);
    assert_eq!(notice_files::MAX_TOTAL_BYTES, 256 << 20);
}

#[test]
fn the_summary_counts_everything() {
    let dir = TempDir::new("summary");
    dir.file("a.txt", NOTICE);
    dir.file("b.txt", encode(GBK, NOTICE));
    dir.file("c.html", PAGE);
    dir.file("d.txt", " \n");
    dir.file("e.txt", "x\0y");
    dir.file("f.txt", NOTICE);
    dir.file("logo.png", "png");
    dir.file(".DS_Store", "x");
    let mut c = read_notices(&dir.0, &Limits::default()).expect("reads");
    c.skip("f", SkipReason::NoTextAfterCleaning);
    let bytes: u64 = ["a.txt", "b.txt", "c.html", "d.txt", "e.txt", "f.txt"]
        .iter()
        .map(|f| std::fs::metadata(dir.0.join(f)).expect("size").len())
        .sum();
    assert_eq!(c.bytes, bytes);
    let line = c.summary(1234, 5678);
    let expected = format!(
        "indexed 3 notices from {} ({} bytes read: 1 GB18030, 2 UTF-8, 1 HTML); skipped 3 (1 binary, 1 empty, 1 no text after cleaning); \
         ignored 2 (1 hidden, 1 other extension); index 1,234 bytes, 5,678 chars",
        dir.0.display(),
        notice_files::thousands(bytes)
    );
    assert_eq!(line, expected);
    assert!(!line.contains('\n'));
    assert_eq!(c.warnings().len(), 4, "{:?}", c.warnings());
}
