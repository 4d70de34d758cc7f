//! The WebAssembly interface: converts types, nothing else.

use crate::{Engine, IndexError, SearchOptions, EMBEDDED_INDEX};
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
    to_js(&engine()?.search(query, options))
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
