//! Chinese query intelligence, path by path: tables of query → expected first notice, over the
//! five real notices and over small corpora made for each path.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{index_with, notice};
use notice_search::{Engine, MatchPath, Notice, SearchOptions, Sort, EMBEDDED_INDEX};

fn real() -> Engine<'static> {
    Engine::new(EMBEDDED_INDEX).expect("embedded index loads")
}

/// Id, path and marked text of the first hit.
fn first(e: &Engine, q: &str) -> Option<(String, MatchPath, Vec<String>)> {
    let r = e.search(q, SearchOptions::page(1, 0));
    let h = r.hits.first()?;
    let marks = h.snippet.iter().filter(|s| s.hit).map(|s| s.text.clone()).collect();
    Some((h.id.to_string(), h.matched, marks))
}

fn ids(e: &Engine, q: &str) -> Vec<(String, MatchPath)> {
    e.matching(q).into_iter().map(|(id, p)| (id.to_string(), p)).collect()
}

#[test]
fn traditional_queries_find_simplified_text_and_mark_it() {
    let e = real();
    for (traditional, simplified, id) in [
        ("愛國衛生運動", "爱国卫生运动", "001_94f745fb34d9e907"),
        ("國際航班", "国际航班", "002_bc6b3ac25e4ed47d"),
        ("確診病例", "确诊病例", "004_1a9e0f20e25abf9c"),
        ("一斷三不斷", "一断三不断", "001_94f745fb34d9e907"),
    ] {
        let (got, path, marks) = first(&e, traditional).unwrap_or_else(|| panic!("{traditional} finds nothing"));
        assert_eq!((got.as_str(), path), (id, MatchPath::Text), "{traditional}");
        assert!(marks.iter().any(|m| m == simplified), "{traditional}: marks {marks:?}");
        assert_eq!(ids(&e, traditional), ids(&e, simplified), "{traditional} and {simplified} differ");
    }
}

#[test]
fn simplified_queries_find_a_traditional_corpus() {
    let notices = [
        notice("a", "公告\n本港確診病例今日新增三宗，衛生署呼籲市民戴口罩。"),
        notice("b", "通告\n愛國衛生運動委員會發佈新指引。"),
        notice("c", "通知\n台灣偽造證件一律查處。"),
    ];
    let bytes = index_with(&notices, &[]);
    let e = Engine::new(&bytes).expect("loads");
    assert_eq!(first(&e, "确诊病例").map(|f| (f.0, f.2)), Some(("a".into(), vec!["確診病例".into()])));
    assert_eq!(first(&e, "爱国卫生运动").map(|f| f.0).as_deref(), Some("b"));
    // A Taiwan variant (偽) and the simplified form (伪) are the same character.
    assert_eq!(first(&e, "伪造").map(|f| f.0).as_deref(), Some("c"));
    assert_eq!(first(&e, "僞造").map(|f| f.0).as_deref(), Some("c"));
}

#[test]
fn pinyin_in_every_spelling_finds_the_characters() {
    let e = real();
    for q in ["yiqing", "yi qing", "yìqíng", "yi4qing2", "YiQing", "yi'qing", "yq", "疫qing", "yiq", "yiqin"] {
        let (_, path, marks) = first(&e, q).unwrap_or_else(|| panic!("{q} finds nothing"));
        assert_eq!(path, MatchPath::Pinyin, "{q}");
        assert!(marks.iter().any(|m| m == "疫情"), "{q}: marks {marks:?}");
    }
    let (id, _, marks) = first(&e, "yiduansanbuduan").expect("found");
    assert_eq!((id.as_str(), marks), ("001_94f745fb34d9e907", vec!["一断三不断".to_string()]));
    assert_eq!(first(&e, "aiguo weisheng yundong").map(|f| f.0).as_deref(), Some("001_94f745fb34d9e907"));
}

#[test]
fn polyphonic_characters_have_all_their_readings() {
    let notices = [notice("bank", "通知\n请到银行办理。"), notice("act", "通知\n统一行动起来。")];
    let bytes = index_with(&notices, &[]);
    let e = Engine::new(&bytes).expect("loads");
    assert_eq!(first(&e, "yinhang").map(|f| f.0).as_deref(), Some("bank"));
    assert_eq!(first(&e, "xingdong").map(|f| f.0).as_deref(), Some("act"));
}

#[test]
fn pinyin_is_a_separate_lower_path_never_a_normalization() {
    let notices = [
        notice("jd1", "旅游\n本市景点门票半价。"),
        notice("jd2", "读书\n重温经典名著。"),
        notice("lit", "notes\nthe jingdian tour (jingdian means scenic spot)"),
    ];
    let bytes = index_with(&notices, &[]);
    let e = Engine::new(&bytes).expect("loads");
    let r = ids(&e, "jingdian");
    // The Latin word itself first, then both readings.
    assert_eq!(r.first(), Some(&("lit".to_string(), MatchPath::Text)));
    for id in ["jd1", "jd2"] {
        assert!(r.contains(&(id.to_string(), MatchPath::Pinyin)), "{r:?}");
    }
    // Characters never go through pinyin: 景点 does not find 经典.
    assert_eq!(ids(&e, "景点"), vec![("jd1".to_string(), MatchPath::Text)]);
    assert_eq!(ids(&e, "经典"), vec![("jd2".to_string(), MatchPath::Text)]);
}

#[test]
fn latin_words_that_are_not_pinyin_keep_matching_as_words() {
    let notices = [
        notice("who", "通报\nWHO 宣布 COVID-19 疫情构成国际关注的突发公共卫生事件。"),
        notice("other", "通知\n我会好好学习。"),
    ];
    let bytes = index_with(&notices, &[]);
    let e = Engine::new(&bytes).expect("loads");
    assert_eq!(ids(&e, "covid"), vec![("who".to_string(), MatchPath::Text)]);
    // `who` could abbreviate 我会好 (w h h…), but it matches directly, so no abbreviation.
    assert_eq!(ids(&e, "WHO"), vec![("who".to_string(), MatchPath::Text)]);
}

#[test]
fn synonyms_are_a_lower_path() {
    let e = real();
    let r = ids(&e, "新冠");
    let direct: Vec<&String> = r.iter().filter(|x| x.1 == MatchPath::Text).map(|x| &x.0).collect();
    let via: Vec<&String> = r.iter().filter(|x| x.1 == MatchPath::Synonym).map(|x| &x.0).collect();
    assert!(!direct.is_empty() && !via.is_empty(), "{r:?}");
    // Synonym matches come after every direct match.
    let last_direct = r.iter().rposition(|x| x.1 == MatchPath::Text);
    let first_synonym = r.iter().position(|x| x.1 == MatchPath::Synonym);
    assert!(last_direct < first_synonym, "{r:?}");
    // A quoted term is exact: no synonyms.
    assert!(ids(&e, "\"新冠\"").iter().all(|x| x.1 == MatchPath::Text));
    // A publisher's own group.
    let notices = [notice("x", "通知\n请携带居民身份证。"), notice("y", "通知\n请携带社保卡。")];
    let bytes = index_with(&notices, &[&["社保卡", "社会保障卡"]]);
    let e = Engine::new(&bytes).expect("loads");
    assert_eq!(first(&e, "社会保障卡").map(|f| (f.0, f.1)), Some(("y".into(), MatchPath::Synonym)));
}

fn dated(id: &str, source: &str, date: &str, text: &str) -> Notice {
    Notice { source: source.into(), date: date.into(), ..notice(id, text) }
}

fn syntax_corpus() -> Vec<u8> {
    index_with(
        &[
            dated("a", "阿拉善盟政务服务局", "2020-02-03", "公告\n疫情防控工作通知，核酸检测安排。"),
            dated("b", "内蒙古日报", "2020-03-20", "报道\n疫情防控 工作 进展，疫苗接种开始。"),
            dated("c", "阿拉善盟卫健委", "2021-06-01", "通知\n疫苗接种点名单。"),
            dated("d", "", "", "通知\n无日期的疫情通报。"),
        ],
        &[],
    )
}

#[test]
fn query_syntax_table() {
    let bytes = syntax_corpus();
    let e = Engine::new(&bytes).expect("loads");
    let sorted = |q: &str| {
        let mut v: Vec<String> = e.matching_ids(q).into_iter().map(String::from).collect();
        v.sort();
        v
    };
    for (q, want) in [
        ("疫情", vec!["a", "b", "d"]),
        ("\"防控 工作\"", vec!["b"]),
        ("疫情 -通报", vec!["a", "b"]),
        ("核酸 OR 疫苗", vec!["a", "b", "c"]),
        ("核酸 | 疫苗", vec!["a", "b", "c"]),
        ("疫苗 source:阿拉善盟", vec!["c"]),
        ("来源:内蒙古 疫情", vec!["b"]),
        ("疫情 after:2020-03-01", vec!["b"]),
        ("疫情 before:2020-02", vec!["a"]),
        ("疫 after:2020 before:2020-12-31", vec!["a", "b"]),
        ("疫苗 after:2021年1月1日", vec!["c"]),
    ] {
        assert_eq!(sorted(q), want, "{q}");
    }
    // Odd input: warnings, never errors.
    for q in ["\"疫情", "source:", "after:soon 疫情", "OR 疫情", "-", "疫情 -"] {
        let r = e.search(q, SearchOptions::default());
        assert!(!r.warnings.is_empty(), "{q}: no warning");
    }
}

#[test]
fn facets_filters_and_date_sort() {
    let bytes = syntax_corpus();
    let e = Engine::new(&bytes).expect("loads");
    let r = e.search("疫", SearchOptions { facets: true, ..SearchOptions::default() });
    let facets = r.facets.expect("facets asked for");
    let count = |v: &[notice_search::FacetCount], k: &str| v.iter().find(|f| f.value == k).map(|f| f.count);
    assert_eq!(count(&facets.sources, "内蒙古日报"), Some(1));
    assert_eq!(count(&facets.years, "2020"), Some(2));
    assert_eq!(count(&facets.years, "2021"), Some(1));
    assert_eq!(facets.sources.iter().map(|f| f.count).sum::<usize>(), 3, "the notice without a source is not counted");
    let only = |o: SearchOptions| e.search("疫", o).hits.iter().map(|h| h.id.to_string()).collect::<Vec<_>>();
    assert_eq!(only(SearchOptions { sources: vec!["阿拉善盟卫健委".into()], ..Default::default() }), ["c"]);
    assert_eq!(only(SearchOptions { years: vec!["2020".into()], sort: Sort::Date, ..Default::default() }), ["b", "a"]);
    let by_date = only(SearchOptions { sort: Sort::Date, ..Default::default() });
    assert_eq!(by_date, ["c", "b", "a", "d"], "newest first, undated last");
}

#[test]
fn completions_come_from_the_corpus() {
    let e = real();
    let c = e.complete("阿拉善盟 疫", 5);
    assert!(!c.is_empty());
    for x in &c {
        assert!(x.text.starts_with('疫') && x.text.chars().count() > 1, "{x:?}");
        assert_eq!(x.query, format!("阿拉善盟 {}", x.text));
        assert!(e.search(&x.query, SearchOptions::default()).total > 0, "{x:?} finds nothing");
    }
    assert!(c.windows(2).all(|w| w[0].count >= w[1].count));
    assert!(e.complete("yiq", 5).iter().any(|x| x.text == "疫情"), "pinyin completes too");
    assert!(e.complete("疫情 ", 5).is_empty(), "a finished term is not completed");
}

#[test]
fn did_you_mean_fixes_homophones_and_one_character_typos() {
    let e = real();
    for (typo, fixed) in [("爱国卫生运冻", "爱国卫生运动"), ("一段三不断", "一断三不断"), ("阿拉善蒙", "阿拉善盟")] {
        let r = e.search(typo, SearchOptions::default());
        assert_eq!(r.total, 0, "{typo}");
        let s = r.suggestion.unwrap_or_else(|| panic!("no suggestion for {typo}"));
        assert_eq!(s.query, fixed, "{typo}");
        assert!(s.total > 0);
    }
    assert!(e.search("疫情", SearchOptions::default()).suggestion.is_none());
}
