//! The WebAssembly interface: converts types, nothing else.

use crate::{Engine, IndexError, SearchOptions, EMBEDDED_INDEX};
use serde::Serialize;
use std::sync::OnceLock;
use wasm_bindgen::prelude::*;

static ENGINE: OnceLock<Result<Engine<'static>, IndexError>> = OnceLock::new();

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

/// `search(query, { limit, offset })` → `{ total, hits: [{ id, title, source, date, score,
/// snippet: [{ text, hit }] }], warnings }`.
#[wasm_bindgen]
pub fn search(query: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options: SearchOptions = if options.is_undefined() || options.is_null() {
        SearchOptions::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(|e| JsError::new(&format!("bad options: {e}")))?
    };
    to_js(&engine()?.search(query, options))
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

/// `stats()` → `{ version, notices, chars, indexBytes, suffixArrayBytes }`.
#[wasm_bindgen]
pub fn stats() -> Result<JsValue, JsError> {
    to_js(&engine()?.stats())
}
