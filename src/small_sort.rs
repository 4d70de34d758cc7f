//! Sorting off the hot path, in little code.
//!
//! The standard library's sorts are fast, and large: each slice type and comparison that calls
//! `sort_by` or `sort_unstable_by` gets its own copy of about 5–10 KB of WebAssembly. Search
//! itself keeps them (ranking, in `rank.rs` and `engine.rs`); everything that sorts a handful
//! of items (facets, pinyin readings, completions) uses these instead, which keeps the
//! default `.wasm` well under its size budget.

use std::cmp::Ordering;

/// Sorts `v` by `cmp` (heapsort: in place, `O(n log n)`, not stable — give a total order when
/// equal items must come out in a fixed order).
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let n = v.len();
    for root in (0..n / 2).rev() {
        sift_down(v, root, n, &mut cmp);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift_down(v, 0, end, &mut cmp);
    }
}

/// Restores the max-heap property of `v[..end]` below `root`.
fn sift_down<T>(v: &mut [T], mut root: usize, end: usize, cmp: &mut impl FnMut(&T, &T) -> Ordering) {
    loop {
        let left = 2 * root + 1;
        let mut child = left;
        if let (Some(l), Some(r)) = (v.get(left).filter(|_| left < end), v.get(left + 1).filter(|_| left + 1 < end)) {
            if cmp(l, r) == Ordering::Less {
                child = left + 1;
            }
        }
        match (v.get(root), v.get(child).filter(|_| child < end)) {
            (Some(a), Some(b)) if cmp(a, b) == Ordering::Less => v.swap(root, child),
            _ => return,
        }
        root = child;
    }
}

/// The distinct values of `values`, ascending: a bitmap instead of a sort.
pub fn sorted_set(values: impl IntoIterator<Item = u16>) -> Vec<u16> {
    let mut bits = vec![0u64; 1 << 10];
    let mut count = 0usize;
    for x in values {
        if let Some(word) = bits.get_mut(usize::from(x >> 6)) {
            let bit = 1u64 << (x & 63);
            count += usize::from(*word & bit == 0);
            *word |= bit;
        }
    }
    let mut out = Vec::with_capacity(count);
    for (i, &word) in bits.iter().enumerate() {
        let mut w = word;
        while w != 0 {
            out.push((i as u16) << 6 | w.trailing_zeros() as u16);
            w &= w - 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sort_by_equals_the_standard_sort(mut v in proptest::collection::vec((0u8..8, any::<u32>()), 0..200)) {
            let mut want = v.clone();
            want.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            sort_by(&mut v, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            prop_assert_eq!(v, want);
        }

        #[test]
        fn sorted_set_equals_sort_and_dedup(v in proptest::collection::vec(any::<u16>(), 0..300)) {
            let mut want = v.clone();
            want.sort_unstable();
            want.dedup();
            prop_assert_eq!(sorted_set(v), want);
        }
    }
}
