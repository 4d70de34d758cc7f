//! The WebAssembly interface: converts types, nothing else.

use crate::{Engine, IndexError, SearchOptions, SearchResult, EMBEDDED_INDEX};
use serde::Serialize;
use std::sync::OnceLock;
use wasm_bindgen::prelude::*;

static ENGINE: OnceLock<Result<Engine<'static>, IndexError>> = OnceLock::new();

/// Most completions returned.
const MAX_COMPLETIONS: usize = 50;

fn engine() -> Result<&'static Engine<'static>, JsError> {
    ENGINE
        .get_or_init(|| Engine::new(EMBEDDED_INDEX))
        .as_ref()
        .map_err(|e| JsError::new(&e.to_string()))
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

#[wasm_bindgen(module = "/src/result.js")]
extern "C" {
    #[wasm_bindgen(js_name = buildSearchResult)]
    fn build_search_result(text: &[u16], layout: &[u32], scores: &[f64], result: JsValue) -> JsValue;
}

/// Everything of a result but its hits.
#[derive(Serialize)]
struct ResultWithoutHits<'r, 'a> {
    total: usize,
    warnings: &'r [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    facets: &'r Option<crate::Facets<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    suggestion: &'r Option<crate::Suggestion>,
}

/// The result as a plain JS object: the hits' strings cross as one UTF-16 text with a layout
/// of where each ends (`src/result.js` builds the objects), the rest with serde-wasm-bindgen.
fn search_to_js(r: &SearchResult) -> Result<JsValue, JsError> {
    let mut text: Vec<u16> = Vec::with_capacity(2048);
    let mut layout: Vec<u32> = Vec::with_capacity(16 * r.hits.len());
    let end = |text: &mut Vec<u16>, s: &str| {
        text.extend(s.encode_utf16());
        text.len() as u32
    };
    for h in &r.hits {
        for s in [h.id, h.title, h.source, h.date] {
            layout.push(end(&mut text, s));
        }
        layout.push(h.matched as u32);
        layout.push(h.snippet.len() as u32);
        for seg in &h.snippet {
            layout.push(end(&mut text, &seg.text));
            layout.push(u32::from(seg.hit));
        }
    }
    let scores: Vec<f64> = r.hits.iter().map(|h| f64::from(h.score)).collect();
    let rest = ResultWithoutHits { total: r.total, warnings: &r.warnings, facets: &r.facets, suggestion: &r.suggestion };
    Ok(build_search_result(&text, &layout, &scores, to_js(&rest)?))
}

/// Loads the embedded index and builds the suffix arrays now rather than at the first search.
#[wasm_bindgen]
pub fn warm() -> Result<(), JsError> {
    engine().map(|_| ())
}

/// `search(query, { limit, offset, sort, facets, sources, years })` → `{ total, hits: [{ id,
/// title, source, date, score, matched, snippet: [{ text, hit }] }], warnings, facets?,
/// suggestion? }`. Every option is optional.
#[wasm_bindgen]
pub fn search(query: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options: SearchOptions = if options.is_undefined() || options.is_null() {
        SearchOptions::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(|e| JsError::new(&format!("bad options: {e}")))?
    };
    search_to_js(&engine()?.search(query, options))
}

/// `complete(query, limit)` → `[{ text, query, count }]`: completions of the last term of
/// `query`, most frequent first (at most 50).
#[wasm_bindgen]
pub fn complete(query: &str, limit: Option<usize>) -> Result<JsValue, JsError> {
    let limit = limit.unwrap_or(8).min(MAX_COMPLETIONS);
    to_js(&engine()?.complete(query, limit))
}

/// `getNotice(id, query)` → `{ id, title, source, date, url, matches, segments: [{ text, hit }] }`,
/// or `null` for an unknown id.
#[wasm_bindgen(js_name = getNotice)]
pub fn get_notice(id: &str, query: Option<String>) -> Result<JsValue, JsError> {
    match engine()?.notice(id, query.as_deref().unwrap_or("")) {
        Some(view) => to_js(&view),
        None => Ok(JsValue::NULL),
    }
}

/// `stats()` → `{ version, notices, chars, indexBytes, suffixArrayBytes, syllables,
/// synonymGroups, phrases }`.
#[wasm_bindgen]
pub fn stats() -> Result<JsValue, JsError> {
    to_js(&engine()?.stats())
}
