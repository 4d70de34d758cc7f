//! The wasm interface, run in headless Chromium by `wasm-bindgen-test-runner`
//! (`scripts/test.sh` runs it; see `webdriver.json` for the browser flags).
#![cfg(target_arch = "wasm32")]

use notice_search::{wasm, NoticeView, SearchResult, Stats};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A plain JS object, as a page would pass it.
fn js(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("valid JSON")
}

fn options(limit: usize) -> JsValue {
    js(&format!(r#"{{"limit": {limit}, "offset": 0}}"#))
}

#[wasm_bindgen_test]
fn search_returns_plain_objects_with_marked_snippets() {
    let value = wasm::search("一断三不断", options(5)).map_err(JsValue::from).expect("search works");
    let result: SearchResult = serde_wasm_bindgen::from_value(value).expect("a SearchResult");
    assert_eq!(result.total, 1);
    assert_eq!(result.hits.len(), 1);
    let many: SearchResult = serde_wasm_bindgen::from_value(
        wasm::search("疫情", options(2)).map_err(JsValue::from).expect("works"),
    )
    .expect("a SearchResult");
    assert_eq!(many.hits.len(), 2, "limit is honoured");
    assert!(many.total > 2);
    let hit = &result.hits[0];
    assert!(hit.snippet.iter().any(|s| s.hit && s.text == "一断三不断"), "{:?}", hit.snippet);
    assert_eq!(hit.source, "阿拉善盟政务服务局");
}

#[wasm_bindgen_test]
fn full_width_and_case_fold_in_wasm_too() {
    let a: SearchResult = serde_wasm_bindgen::from_value(
        wasm::search("２０２０", JsValue::UNDEFINED).map_err(JsValue::from).expect("works"),
    )
    .expect("a SearchResult");
    let b: SearchResult = serde_wasm_bindgen::from_value(
        wasm::search("2020", JsValue::UNDEFINED).map_err(JsValue::from).expect("works"),
    )
    .expect("a SearchResult");
    assert!(a.total > 0);
    assert_eq!(a, b);
}

#[wasm_bindgen_test]
fn portal_chrome_is_not_searchable() {
    let r: SearchResult = serde_wasm_bindgen::from_value(
        wasm::search("政府网站标识码", JsValue::UNDEFINED).map_err(JsValue::from).expect("works"),
    )
    .expect("a SearchResult");
    assert_eq!(r.total, 0);
}

#[wasm_bindgen_test]
fn reader_view_marks_every_match() {
    let first: SearchResult = serde_wasm_bindgen::from_value(
        wasm::search("疫情", options(1)).map_err(JsValue::from).expect("works"),
    )
    .expect("a SearchResult");
    let id = first.hits[0].id.clone();
    let view: NoticeView = serde_wasm_bindgen::from_value(
        wasm::get_notice(&id, Some("疫情".into())).map_err(JsValue::from).expect("works"),
    )
    .expect("a NoticeView");
    assert!(view.matches > 1);
    assert_eq!(view.segments.iter().filter(|s| s.hit).count(), view.matches);
    assert!(wasm::get_notice("no-such-id", None).map_err(JsValue::from).expect("works").is_null());
}

#[wasm_bindgen_test]
fn bad_options_are_a_js_error_not_a_panic() {
    assert!(wasm::search("疫情", js(r#"{"limit": "ten"}"#)).is_err());
    assert!(wasm::search("疫情", js(r#"{"limit": -1}"#)).is_err());
    // The engine still works afterwards.
    assert!(wasm::search("疫情", JsValue::UNDEFINED).is_ok());
}

#[wasm_bindgen_test]
fn stats_describe_the_embedded_index() {
    let s: Stats = serde_wasm_bindgen::from_value(wasm::stats().map_err(JsValue::from).expect("works"))
        .expect("Stats");
    assert_eq!(s.notices, 5);
    assert!(s.chars > 5_000 && s.chars < 20_000, "{}", s.chars);
}
