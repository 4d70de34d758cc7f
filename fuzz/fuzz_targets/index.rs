//! Index decoding: any bytes, as they are and behind a valid header; loaded indexes are searched.
#![no_main]

#[path = "../checks.rs"]
mod checks;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| checks::index(data));
