//! Decoding damaged index bytes never allocates without bound: a length prefix that claims
//! more elements than there are bytes left does not make the decoder reserve them.
//!
//! How it holds: postcard gives serde a size hint only when the claimed length fits in the
//! remaining bytes, and serde reserves at most 1 MiB per sequence from a hint
//! (`serde::__private::size_hint::cautious`). So a sequence reserves at most (remaining
//! bytes) × (its element's size) and at most 1 MiB; everything else grows with elements that
//! were really decoded. A counting allocator measures the peak here.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::index_of;
use notice_search::{decode, format, Engine, EMBEDDED_INDEX};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// Counts the bytes live on this thread and their peak (tests run on several threads).
struct Counting;

thread_local! {
    static LIVE: Cell<usize> = const { Cell::new(0) };
    static PEAK: Cell<usize> = const { Cell::new(0) };
}

fn add(n: usize) {
    let live = LIVE.with(|l| {
        l.set(l.get() + n);
        l.get()
    });
    PEAK.with(|p| p.set(p.get().max(live)));
}

fn sub(n: usize) {
    LIVE.with(|l| l.set(l.get().saturating_sub(n)));
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        add(layout.size());
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        sub(layout.size());
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        add(new_size);
        sub(layout.size());
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Peak bytes allocated (above what was live before) while running `f`.
fn peak_of<T>(f: impl FnOnce() -> T) -> usize {
    let base = LIVE.with(Cell::get);
    PEAK.with(|p| p.set(base));
    drop(f());
    PEAK.with(Cell::get) - base
}

/// LEB128 varint, as postcard writes lengths.
fn varint(mut v: u64) -> Vec<u8> {
    let mut out = Vec::new();
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
    out
}

fn sample_body() -> Vec<u8> {
    let texts: Vec<String> = ["疫情防控工作通知\n各单位要做好疫情防控。", "COVID-19 核酸检测 2020年", "阿拉善盟一断三不断"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    index_of(&texts, 2)[format::HEADER_BYTES..].to_vec()
}

/// Every position of the body replaced by a huge length, and by the number of bytes left (the
/// largest length postcard trusts), with a valid checksum so that the decoder reads it.
fn crafted(body: &[u8], stride: usize) -> impl Iterator<Item = Vec<u8>> + '_ {
    (0..body.len()).step_by(stride).flat_map(move |i| {
        let left = (body.len() - i) as u64;
        [u64::MAX, u64::from(u32::MAX), left, left * 4].into_iter().map(move |n| {
            let mut b = body[..i].to_vec();
            b.extend(varint(n));
            b.extend_from_slice(&body[i + 1..]);
            format::seal(&b).unwrap_or_default()
        })
    })
}

/// Largest element a sequence of the index holds (a notice's metadata: five `&str`, four
/// `u32`), the most a claimed-but-absent element can reserve.
const LARGEST_ELEMENT: usize = 96;

#[test]
fn huge_length_prefixes_reserve_at_most_their_share_of_the_input() {
    let body = sample_body();
    let (mut worst, mut cases) = (0.0f64, 0);
    for bytes in crafted(&body, 1) {
        let peak = peak_of(|| decode(&bytes).map(|ix| ix.docs.len()));
        let bound = LARGEST_ELEMENT * bytes.len() + 4096;
        assert!(peak <= bound, "{peak} bytes allocated decoding {} bytes", bytes.len());
        worst = worst.max(peak as f64 / bytes.len() as f64);
        cases += 1;
    }
    eprintln!("{cases} crafted indexes of {} bytes: peak at most {worst:.1}x the input", body.len());
}

/// A body claiming `n` notices, followed by `n` copies of `fill`.
fn claimed_notices(n: usize, fill: u8) -> Vec<u8> {
    let mut body = varint(n as u64);
    body.extend(std::iter::repeat_n(fill, n));
    format::seal(&body).unwrap_or_default()
}

#[test]
fn a_large_damaged_index_reserves_at_most_one_mib_per_claim() {
    // 4 MiB claimed to be 4 million notices, but 0xff cannot start one: decoding fails at the
    // first, and the reservation for the claimed 4 million (96 bytes each) stays under
    // serde's 1 MiB cap.
    let bytes = claimed_notices(4 << 20, 0xff);
    let peak = peak_of(|| decode(&bytes).map(|ix| ix.docs.len()));
    assert!(decode(&bytes).is_err());
    assert!(peak <= (1 << 20) + 64 * 1024, "{peak} bytes allocated decoding {} bytes", bytes.len());
}

#[test]
fn decodable_junk_costs_at_most_a_fixed_multiple_of_its_size() {
    // Zero bytes do decode: nine of them are an empty notice (five empty strings, four zeros),
    // 96 bytes in memory. So memory grows with what is really decoded, about 11 bytes per byte,
    // up to three times that while the vector grows (old and new buffer, half full), until the
    // validation refuses the result: bounded by the input, as for a valid index.
    let bytes = claimed_notices(4 << 20, 0);
    let peak = peak_of(|| decode(&bytes).map(|ix| ix.docs.len()));
    assert!(decode(&bytes).is_err());
    eprintln!("{} bytes of zeros: peak {peak} bytes ({:.1}x)", bytes.len(), peak as f64 / bytes.len() as f64);
    assert!(peak <= 3 * LARGEST_ELEMENT.div_ceil(9) * bytes.len() + (1 << 20), "{peak} bytes allocated decoding {} bytes", bytes.len());
}

#[test]
fn loading_the_embedded_index_is_proportional_to_it() {
    let decoded = peak_of(|| decode(EMBEDDED_INDEX).map(|ix| ix.docs.len()));
    let loaded = peak_of(|| Engine::new(EMBEDDED_INDEX).map(|e| e.len()));
    let n = EMBEDDED_INDEX.len();
    eprintln!("index of {n} bytes: decoding peaks at {decoded} bytes, loading (suffix arrays too) at {loaded}");
    assert!(decoded <= 4 * n, "{decoded}");
    assert!(loaded <= 16 * n, "{loaded}");
}

#[test]
fn damaged_large_lengths_on_the_embedded_index_are_bounded_too() {
    let body = &EMBEDDED_INDEX[format::HEADER_BYTES..];
    for bytes in crafted(body, 211) {
        let peak = peak_of(|| decode(&bytes).map(|ix| ix.docs.len()));
        assert!(peak <= LARGEST_ELEMENT * bytes.len().min(1 << 20) + 8 * bytes.len(), "{peak} for {}", bytes.len());
    }
}
