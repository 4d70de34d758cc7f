//! The wasm interface, run in headless Chromium by `wasm-bindgen-test-runner`
//! (`scripts/test.sh` runs it; see `webdriver.json` for the browser flags).
#![cfg(target_arch = "wasm32")]

use notice_search::wasm;
use serde_json::Value;
use wasm_bindgen::prelude::wasm_bindgen;
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

#[wasm_bindgen(inline_js = "export function call_with(f, s) { return f(String.fromCharCode(...s)); }")]
extern "C" {
    /// Calls `f` from JavaScript with the string of UTF-16 `units`, so that it crosses into
    /// Rust as a page's string does (wasm-bindgen encodes it with `TextEncoder`).
    fn call_with(f: &wasm_bindgen::closure::Closure<dyn Fn(String) -> JsValue>, units: &[u16]) -> JsValue;
}

#[wasm_bindgen_test]
fn lone_surrogates_from_js_become_replacement_characters_and_are_dropped() {
    let engine = notice_search::Engine::new(notice_search::EMBEDDED_INDEX).expect("loads");
    let received = std::rc::Rc::new(std::cell::RefCell::new(String::new()));
    let seen = received.clone();
    let f = wasm_bindgen::closure::Closure::<dyn Fn(String) -> JsValue>::new(move |q: String| {
        *seen.borrow_mut() = q.clone();
        let result = wasm::search(&q, JsValue::UNDEFINED).map_err(JsValue::from).expect("no error");
        let _ = wasm::complete(&q, None).map_err(JsValue::from).expect("no error");
        let _ = wasm::get_notice("no-such-id", Some(q)).map_err(JsValue::from).expect("no error");
        result
    });
    let yiqing: Vec<u16> = "疫情".encode_utf16().collect();
    let (yi, qing) = yiqing.split_at(1);
    let join = |parts: &[&[u16]]| parts.concat();
    for (units, expected) in [
        (vec![0xD800], "\u{fffd}"),
        (vec![0xDC00], "\u{fffd}"),
        (join(&[&yiqing, &[0xD83D]]), "疫情\u{fffd}"),
        (join(&[&[0xDE00], &yiqing]), "\u{fffd}疫情"),
        (join(&[yi, &[0xDBFF], qing]), "疫\u{fffd}情"),
    ] {
        assert!(!js_sys::JsString::from_char_code(&units).is_valid_utf16(), "the JS string holds a lone surrogate");
        let got: Value = serde_wasm_bindgen::from_value(call_with(&f, &units)).expect("plain data");
        // wasm-bindgen's conversion is lossy: each lone surrogate arrives as U+FFFD.
        assert_eq!(received.borrow().as_str(), expected);
        // Which the query drops with a warning: the rest is searched as if typed alone.
        let want = serde_json::to_value(engine.search(expected, Default::default())).expect("serializes");
        assert_eq!(got, want, "{units:x?}");
        let alone = expected.replace('\u{fffd}', "");
        assert_eq!(got["total"], serde_json::to_value(engine.search(&alone, Default::default()).total).expect("number"));
        assert!(got["warnings"].as_array().is_some_and(|w| w.iter().any(|w| w.as_str().is_some_and(|w| w.contains("unreadable")))), "{got}");
    }
}
