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
    assert_eq!(&bytes[format::HEADER_BYTES..], &again[..]);
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
fn every_truncation_is_an_error_that_says_so() {
    let bytes = sample();
    for cut in 0..bytes.len() {
        let msg = match Engine::new(&bytes[..cut]) {
            Ok(_) => panic!("truncated at {cut} loaded"),
            Err(e) => e.to_string(),
        };
        assert!(cut < 4 || msg.contains("truncated"), "cut at {cut}: {msg}");
    }
    let mut longer = bytes.clone();
    longer.extend_from_slice(b"xyz");
    let msg = decode(&longer).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(msg.contains("3 unexpected bytes"), "{msg}");
}

/// Flips every bit of the body and (with `reseal`) writes a matching checksum, so that the
/// damage reaches the decoder instead of the checksum.
fn each_flip(reseal: bool, mut check: impl FnMut(usize, &[u8])) {
    let bytes = sample();
    for i in 0..bytes.len() {
        for bit in 0..8 {
            let mut b = bytes.clone();
            b[i] ^= 1 << bit;
            if reseal && i >= format::HEADER_BYTES {
                b = format::seal(&b[format::HEADER_BYTES..]).expect("small");
            }
            check(i, &b);
        }
    }
}

#[test]
fn every_bit_flip_is_an_error_that_says_what() {
    each_flip(false, |i, b| {
        let e = decode(b).err().unwrap_or_else(|| panic!("flip in byte {i} decoded"));
        let msg = e.to_string();
        let named = match i {
            0..4 => e == IndexError::NotAnIndex,
            4..8 => matches!(e, IndexError::Version { .. }),
            8..12 => msg.contains("truncated") || msg.contains("unexpected bytes"),
            _ => msg.contains("checksum mismatch"),
        };
        assert!(named, "flip in byte {i}: {msg}");
    });
}

#[test]
fn resealed_bit_flips_never_panic_and_loaded_engines_search() {
    let (mut loaded, mut refused) = (0, 0);
    each_flip(true, |_, b| match Engine::new(b) {
        Ok(engine) => {
            loaded += 1;
            for q in ["疫情", "2020 covid", "一断三不断", "x"] {
                let r = engine.search(q, Default::default());
                assert!(r.hits.len() <= r.total);
            }
        }
        Err(e) => {
            refused += 1;
            assert!(matches!(e, IndexError::Corrupt(_) | IndexError::Version { .. } | IndexError::NotAnIndex), "{e}");
        }
    });
    // Both happen: the validation refuses most damage, some (a changed letter) is valid.
    assert!(loaded > 0 && refused > loaded, "{loaded} loaded, {refused} refused");
}

#[test]
fn checksum_covers_every_byte_and_the_length() {
    let body: Vec<u8> = (0..37u8).collect();
    let sum = format::checksum(&body);
    for i in 0..body.len() {
        let mut b = body.clone();
        b[i] = b[i].wrapping_add(1);
        assert_ne!(format::checksum(&b), sum, "byte {i}");
    }
    assert_ne!(format::checksum(&body[..36]), sum);
    assert_ne!(format::checksum(&[0u8; 8]), format::checksum(&[0u8; 16]));
}

/// Found by the `index` fuzz target: a phrase counted 0 times gave a completion that occurs
/// nowhere.
#[test]
fn a_phrase_that_occurs_nowhere_is_corrupt() {
    let texts: Vec<String> = ["疫情防控工作", "疫情防控要求", "做好疫情防控"].iter().map(|s| s.to_string()).collect();
    let bytes = index_of(&texts, 2);
    let mut index = decode(&bytes).expect("decodes");
    assert!(!index.phrases.is_empty());
    index.phrases[0].count = 0;
    let body = postcard::to_allocvec(&index).expect("encodes");
    let damaged = format::seal(&body).expect("small");
    let msg = Engine::new(&damaged).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(msg.contains("phrase 0 occurs nowhere"), "{msg}");
}
