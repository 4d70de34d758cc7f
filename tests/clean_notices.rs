//! Cleaning the five real notices: no portal chrome, bodies once, sources and titles extracted.
#![cfg(not(target_arch = "wasm32"))]

use notice_search::{clean_corpus, Notice, RawNotice};

fn notices() -> Vec<Notice> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/notices");
    let mut paths: Vec<_> = std::fs::read_dir(dir).expect("notices/").flatten().map(|e| e.path()).collect();
    paths.sort();
    let raw: Vec<RawNotice> = paths
        .iter()
        .map(|p| RawNotice {
            id: p.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string(),
            path: p.display().to_string(),
            text: std::fs::read_to_string(p).expect("UTF-8 notice"),
        })
        .collect();
    clean_corpus(&raw)
}

#[test]
fn no_portal_chrome_survives() {
    for n in notices() {
        for chrome in ["政府网站标识码", "扫一扫在手机上查看当前页面", "蒙公网安备", "跳转到登录页", "本网站发布的所有信息",
            "主办单位", "已收藏", "您的当前位置", "编辑:百科", "纳指飙升", "鲍威尔"] {
            assert!(!n.text.contains(chrome), "{} still has {chrome}", n.id);
            assert!(!n.title.contains(chrome), "{} title has {chrome}", n.id);
        }
    }
}

#[test]
fn each_body_is_kept_once() {
    let n = notices();
    assert_eq!(n[0].text.matches("不聚集就是做贡献").count(), 1);
    assert_eq!(n[3].text.matches("各级党委(党组)要会同卫生健康等部门").count(), 1);
    assert!(n[1].text.contains("一断三不断") && n[1].text.contains("特此公告"));
    assert!(n[4].text.contains("孙绍骋说"));
}

#[test]
fn sources_titles_and_dates() {
    let n = notices();
    assert_eq!(n[0].source, "阿拉善盟新型冠状病毒感染肺炎防控工作指挥部");
    assert_eq!(n[1].source, "阿拉善盟政务服务局");
    assert_eq!(n[2].source, "内蒙古日报");
    assert_eq!(n[4].source, "网络整理");
    assert_eq!(n[4].date, "2025-07-06");
    assert_eq!(n[4].title, "内蒙古: 精准防控下尽快复常,不能因为怕管不好就不敢放、不真放");
    assert!(n[3].title.starts_with("中共中央印发《关于加强党的领导"), "{}", n[3].title);
    for x in &n {
        let len = x.title.chars().count();
        assert!((4..=60).contains(&len), "{}: {}", x.id, x.title);
        let marked: String = x.text.chars().skip(x.title_chars.start).take(x.title_chars.len()).collect();
        assert!(x.title.starts_with(&marked) && !marked.is_empty(), "{}: {marked:?} vs {:?}", x.id, x.title);
    }
}

#[test]
fn front_matter_overrides() {
    let raw = [RawNotice {
        id: "x".into(),
        path: "x.txt".into(),
        text: "---\ntitle: 自定标题\ndate: 2020-02-03\nsource: 某局\nurl: https://example.org/1\n---\n正文第一段。\n".into(),
    }];
    let n = &clean_corpus(&raw)[0];
    assert_eq!((n.title.as_str(), n.date.as_str(), n.source.as_str(), n.url.as_str()),
        ("自定标题", "2020-02-03", "某局", "https://example.org/1"));
    assert!(n.text.starts_with("自定标题\n正文第一段。"));
}

#[test]
fn a_sentence_shared_mid_text_is_kept() {
    let mk = |id: &str, t: &str| RawNotice { id: id.into(), path: id.into(), text: t.into() };
    let raw = [mk("a", "第一段开头。共同的句子在这里。a的结尾。"), mk("b", "另一段开头。共同的句子在这里。b的结尾。")];
    for n in clean_corpus(&raw) {
        assert!(n.text.contains("共同的句子在这里"), "{}", n.text);
    }
}
