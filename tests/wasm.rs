//! The wasm interface, run in headless Chromium by `wasm-bindgen-test-runner`
//! (`scripts/test.sh` runs it; see `webdriver.json` for the browser flags).
#![cfg(target_arch = "wasm32")]

use notice_search::wasm;
use serde_json::Value;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A plain JS object, as a page would pass it.
fn js(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("valid JSON")
}

/// What a call returned, as JSON (it must be plain data).
fn plain(r: Result<JsValue, wasm_bindgen::JsError>) -> Value {
    let v = r.map_err(JsValue::from).expect("the call works");
    serde_wasm_bindgen::from_value(v).expect("plain data")
}

fn search(q: &str, options: &str) -> Value {
    plain(wasm::search(q, js(options)))
}

fn marked(hit: &Value) -> Vec<String> {
    hit["snippet"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|s| s["hit"] == true)
        .filter_map(|s| s["text"].as_str().map(String::from))
        .collect()
}

#[wasm_bindgen_test]
fn search_returns_plain_objects_with_marked_snippets() {
    let result = search("一断三不断", r#"{"limit": 5}"#);
    assert_eq!(result["total"], 1);
    let hit = &result["hits"][0];
    assert!(marked(hit).contains(&"一断三不断".to_string()), "{hit}");
    assert_eq!(hit["source"], "阿拉善盟政务服务局");
    assert_eq!(hit["matched"], "text");
    let many = search("疫情", r#"{"limit": 2, "offset": 0}"#);
    assert_eq!(many["hits"].as_array().map(Vec::len), Some(2), "limit is honoured");
    assert!(many["total"].as_u64() > Some(2));
}

#[wasm_bindgen_test]
fn full_width_case_and_traditional_fold_in_wasm_too() {
    let a = plain(wasm::search("２０２０", JsValue::UNDEFINED));
    let b = plain(wasm::search("2020", JsValue::UNDEFINED));
    assert!(a["total"].as_u64() > Some(0));
    assert_eq!(a["hits"], b["hits"]);
    let t = search("愛國衛生運動", "{}");
    assert_eq!(t["total"], 1);
    assert!(marked(&t["hits"][0]).contains(&"爱国卫生运动".to_string()), "highlights the original text");
}

#[wasm_bindgen_test]
fn pinyin_facets_and_completions_cross_too() {
    let p = search("yiqing", r#"{"facets": true, "sort": "date"}"#);
    assert!(p["total"].as_u64() > Some(0));
    assert_eq!(p["hits"][0]["matched"], "pinyin");
    assert!(p["facets"]["sources"].as_array().is_some_and(|s| !s.is_empty()), "{}", p["facets"]);
    let c = plain(wasm::complete("疫", Some(5)));
    let list = c.as_array().expect("a list");
    assert!(!list.is_empty() && list.len() <= 5);
    assert!(list.iter().all(|x| x["query"].as_str().is_some_and(|q| q.starts_with('疫'))), "{c}");
}

#[wasm_bindgen_test]
fn portal_chrome_is_not_searchable() {
    assert_eq!(search("政府网站标识码", "{}")["total"], 0);
}

#[wasm_bindgen_test]
fn reader_view_marks_every_match() {
    let first = search("疫情", r#"{"limit": 1}"#);
    let id = first["hits"][0]["id"].as_str().expect("an id").to_string();
    let view = plain(wasm::get_notice(&id, Some("疫情".into())));
    let hits = view["segments"].as_array().into_iter().flatten().filter(|s| s["hit"] == true).count();
    assert!(view["matches"].as_u64() > Some(1));
    assert_eq!(view["matches"].as_u64(), Some(hits as u64));
    assert!(wasm::get_notice("no-such-id", None).map_err(JsValue::from).expect("works").is_null());
}

#[wasm_bindgen_test]
fn bad_options_are_a_js_error_not_a_panic() {
    assert!(wasm::search("疫情", js(r#"{"limit": "ten"}"#)).is_err());
    assert!(wasm::search("疫情", js(r#"{"limit": -1}"#)).is_err());
    assert!(wasm::search("疫情", js(r#"{"sort": "sideways"}"#)).is_err());
    // The engine still works afterwards.
    assert!(wasm::search("疫情", JsValue::UNDEFINED).is_ok());
}

#[wasm_bindgen_test]
fn stats_describe_the_embedded_index() {
    let s = plain(wasm::stats());
    assert_eq!(s["notices"], 5);
    let chars = s["chars"].as_u64().unwrap_or(0);
    assert!(chars > 5_000 && chars < 20_000, "{chars}");
    assert!(s["syllables"].as_u64() > Some(100));
}

#[wasm_bindgen_test]
fn search_results_cross_exactly_as_serialized() {
    let engine = notice_search::Engine::new(notice_search::EMBEDDED_INDEX).expect("loads");
    for (q, options) in [
        ("疫情", r#"{"limit": 10}"#),
        ("一断三不断", "{}"),
        ("yiqing 防控", r#"{"limit": 3, "facets": true}"#),
        ("新冠", r#"{"sort": "date"}"#),
        ("爱国卫生运冻", "{}"),
        ("\"疫情", "{}"),
        ("的", r#"{"limit": 50, "offset": 2}"#),
    ] {
        let got = search(q, options);
        let opts: notice_search::SearchOptions = serde_json::from_str(options).expect("options");
        let want = serde_json::to_value(engine.search(q, opts)).expect("serializes");
        assert_eq!(got, want, "{q}");
    }
}
