//! Ranking: title matches, contiguous runs, whole words, term frequency, deterministic ties.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{config, notice};
use notice_search::{build, Engine, Notice};

fn engine_of(notices: &[Notice]) -> Vec<u8> {
    build(notices, &config(1000)).expect("index builds").0
}

fn ids(bytes: &[u8], query: &str) -> Vec<String> {
    let engine = Engine::new(bytes).expect("loads");
    engine.matching_ids(query).into_iter().map(String::from).collect()
}

#[test]
fn a_title_match_ranks_first() {
    // Same length, same number of matches; only b has it in the title.
    let body = "各单位要做好防控工作，落实各项措施。";
    let notices = [
        notice("a", &format!("会议通知事项\n{body}核酸检测和核酸检测。")),
        notice("b", &format!("核酸检测事项\n{body}会议通知和核酸检测。")),
    ];
    assert_eq!(ids(&engine_of(&notices), "核酸检测"), ["b", "a"]);
}

#[test]
fn a_contiguous_run_ranks_above_scattered_terms() {
    let notices = [
        notice("a", "通知\n疫情形势严峻，各地要加强防控，做好准备工作。"),
        notice("b", "通知\n各地要加强疫情防控，形势严峻，做好准备工作。"),
    ];
    assert_eq!(ids(&engine_of(&notices), "疫情 防控"), ["b", "a"]);
}

#[test]
fn whole_words_rank_above_parts_of_words_but_both_match() {
    let notices = [
        // Same length: only the kind of match differs.
        notice("a", "报告\nThe WHOLE team met on Monday for the review."),
        notice("b", "报告\nThe WHO team met on Monday for the review..."),
    ];
    assert_eq!(ids(&engine_of(&notices), "who"), ["b", "a"]);
}

#[test]
fn more_matches_rank_higher_at_equal_length() {
    let notices = [
        notice("a", "通知\n请大家按时参加会议，不得迟到早退，请假须提前报备。"),
        notice("b", "通知\n请大家按时参加会议，会议期间手机静音，会议结束再走。"),
    ];
    assert_eq!(ids(&engine_of(&notices), "会议"), ["b", "a"]);
}

#[test]
fn equal_scores_keep_id_order() {
    let notices = [notice("c", "通知\n同样的文字"), notice("a", "通知\n同样的文字"), notice("b", "通知\n同样的文字")];
    assert_eq!(ids(&engine_of(&notices), "文字"), ["a", "b", "c"]);
}

#[test]
fn snippets_show_the_match_and_skip_the_title_line() {
    let text = "核酸检测通知\n全体居民请于本周六到社区服务中心参加核酸检测，携带身份证。";
    let bytes = engine_of(&[notice("a", text)]);
    let engine = Engine::new(&bytes).expect("loads");
    let r = engine.search("核酸检测", Default::default());
    let snippet: String = r.hits[0].snippet.iter().map(|s| s.text.as_str()).collect();
    assert!(snippet.starts_with("…全体居民"), "{snippet}");
    assert!(r.hits[0].snippet.iter().any(|s| s.hit && s.text == "核酸检测"));
}
