//! The index format: round trip, versioning, and damaged bytes give errors, never panics.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::index_of;
use notice_search::{decode, format, Engine, IndexError, EMBEDDED_INDEX};

fn sample() -> Vec<u8> {
    let texts: Vec<String> =
        ["疫情防控工作通知\n各单位要做好疫情防控。", "COVID-19 核酸检测 2020年", "阿拉善盟一断三不断"]
            .iter()
            .map(|s| s.to_string())
            .collect();
    index_of(&texts, 2)
}

#[test]
fn round_trip_preserves_the_index() {
    let bytes = sample();
    let index = decode(&bytes).expect("decodes");
    let again = postcard::to_allocvec(&index).expect("encodes");
    assert_eq!(&bytes[8..], &again[..]);
    assert_eq!(index.docs.len(), 3);
    assert_eq!(index.docs[0].id, "d000");
}

#[test]
fn embedded_index_loads() {
    let engine = Engine::new(EMBEDDED_INDEX).expect("embedded index loads");
    assert_eq!(engine.stats().notices, 5);
}

#[test]
fn wrong_version_is_reported() {
    let mut bytes = sample();
    bytes[4..8].copy_from_slice(&(format::VERSION + 1).to_le_bytes());
    assert_eq!(
        Engine::new(&bytes).err(),
        Some(IndexError::Version { found: format::VERSION + 1, expected: format::VERSION })
    );
    let msg = decode(&bytes).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(msg.contains("rebuild"), "{msg}");
}

#[test]
fn other_bytes_are_not_an_index() {
    assert_eq!(Engine::new(b"").err(), Some(IndexError::NotAnIndex));
    assert_eq!(Engine::new(b"GIF89a....").err(), Some(IndexError::NotAnIndex));
}

#[test]
fn every_truncation_is_an_error() {
    let bytes = sample();
    for cut in 0..bytes.len() {
        assert!(Engine::new(&bytes[..cut]).is_err(), "truncated at {cut} loaded");
    }
}

#[test]
fn bit_flips_never_panic_and_loaded_engines_search() {
    let bytes = sample();
    for i in 8..bytes.len() {
        for bit in 0..8 {
            let mut b = bytes.clone();
            b[i] ^= 1 << bit;
            if let Ok(engine) = Engine::new(&b) {
                for q in ["疫情", "2020 covid", "一断三不断", "x"] {
                    let r = engine.search(q, Default::default());
                    assert!(r.hits.len() <= r.total);
                }
            }
        }
    }
}
