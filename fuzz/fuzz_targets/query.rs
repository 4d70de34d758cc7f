//! Query parsing and search (with completions and the reader view) over the default index.
#![no_main]

#[path = "../checks.rs"]
mod checks;

use libfuzzer_sys::fuzz_target;
use notice_search::{Engine, EMBEDDED_INDEX};
use std::sync::OnceLock;

static ENGINE: OnceLock<Engine<'static>> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let engine = ENGINE.get_or_init(|| Engine::new(EMBEDDED_INDEX).expect("the embedded index loads"));
    checks::query(engine, data);
});
