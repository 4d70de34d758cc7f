//! Scoring and ordering: BM25 per term, and the deterministic order of results.
//!
//! | part | formula |
//! |---|---|
//! | idf | `ln(1 + (N − df + 0.5) / (df + 0.5))` |
//! | term | `idf · tf · (k1 + 1) / (tf + k1 · (1 − b + b · len / avg_len))`, k1 = 1.2, b = 0.75 |
//! | title | `+ 2 · idf` when the term occurs in the title |
//!
//! `tf` counts whole-word occurrences as 1 and occurrences inside a Latin word or number as ½
//! (see [`crate::format::occurrence_weight`]).

use crate::index::Posting;

/// BM25's term-frequency saturation.
pub const K1: f32 = 1.2;
/// BM25's length normalisation.
pub const B: f32 = 0.75;
/// Added, times the term's idf, when a term occurs in the title.
pub const TITLE_BOOST: f32 = 2.0;

/// Per-corpus figures BM25 needs.
pub struct Bm25 {
    docs: f32,
    /// Per notice: `k1 * (1 - b + b * len / avg_len)`.
    norms: Vec<f32>,
}

impl Bm25 {
    /// From the notices' lengths in characters.
    pub fn new(lengths: impl ExactSizeIterator<Item = u32> + Clone) -> Bm25 {
        let n = lengths.len();
        let total: u64 = lengths.clone().map(u64::from).sum();
        let avg = if n == 0 { 1.0 } else { (total as f32 / n as f32).max(1.0) };
        Bm25 { docs: n as f32, norms: lengths.map(|l| K1 * (1.0 - B + B * l as f32 / avg)).collect() }
    }

    /// Inverse document frequency of a term found in `df` notices.
    pub fn idf(&self, df: usize) -> f32 {
        let df = df as f32;
        (1.0 + (self.docs - df + 0.5) / (df + 0.5)).ln()
    }

    /// Score of one term in one notice.
    #[inline]
    pub fn score(&self, idf: f32, p: &Posting) -> f32 {
        let tf = p.tf as f32 / 2.0;
        let norm = self.norms.get(p.doc as usize).copied().unwrap_or(K1);
        let title = if p.in_title { TITLE_BOOST * idf } else { 0.0 };
        idf * tf * (K1 + 1.0) / (tf + norm) + title
    }
}

/// Best score first; equal scores in notice (id) order.
pub fn rank_order(a: &(f32, u32), b: &(f32, u32)) -> std::cmp::Ordering {
    b.0.total_cmp(&a.0).then(a.1.cmp(&b.1))
}

/// Leaves the best `k` entries of `scored`, sorted by [`rank_order`]. For a small `k` (it
/// keeps a sorted buffer of the best `k` seen so far: `O(n log k)` for most inputs, `O(n k)`
/// at worst), as when ranking the notices of frequent n-grams at start-up.
pub fn top(scored: &mut Vec<(f32, u32)>, k: usize) {
    let mut best: Vec<(f32, u32)> = Vec::with_capacity(k.min(scored.len()) + 1);
    for &s in scored.iter() {
        if best.len() == k && best.last().is_none_or(|w| rank_order(&s, w).is_ge()) {
            continue;
        }
        let at = best.partition_point(|b| rank_order(b, &s).is_lt());
        best.insert(at, s);
        best.truncate(k);
    }
    *scored = best;
}

/// Sorts text positions ascending: a radix sort on 8-bit digits (only as many as the largest
/// value needs), faster than a comparison sort for the hundreds of positions a moderately rare
/// string has.
pub fn sort_positions(v: &mut Vec<u32>) {
    if v.len() < 64 {
        v.sort_unstable();
        return;
    }
    let max = v.iter().copied().max().unwrap_or(0);
    let mut buf = vec![0u32; v.len()];
    let mut shift = 0;
    while shift < 32 && (max >> shift) > 0 {
        let digit = |x: u32| ((x >> shift) & 0xff) as usize;
        let mut starts = [0u32; 256];
        for &x in v.iter() {
            starts[digit(x)] += 1;
        }
        let mut sum = 0;
        for s in starts.iter_mut() {
            let n = *s;
            *s = sum;
            sum += n;
        }
        for &x in v.iter() {
            let slot = &mut starts[digit(x)];
            if let Some(b) = buf.get_mut(*slot as usize) {
                *b = x;
            }
            *slot += 1;
        }
        std::mem::swap(v, &mut buf);
        shift += 8;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_equals_a_full_sort_prefix() {
        let mut seed = 7u64;
        for n in [0usize, 1, 5, 40, 300] {
            let all: Vec<(f32, u32)> = (0..n as u32)
                .map(|d| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    (((seed >> 40) % 7) as f32, d)
                })
                .collect();
            for k in [0usize, 1, 3, 10, 37, 500] {
                let mut want = all.clone();
                want.sort_by(rank_order);
                want.truncate(k);
                let mut got = all.clone();
                top(&mut got, k);
                assert_eq!(got, want, "n {n} k {k}");
            }
        }
    }

    #[test]
    fn sort_positions_sorts() {
        let mut seed = 11u64;
        for n in [0usize, 3, 63, 64, 1000, 5000] {
            let mut v: Vec<u32> = (0..n)
                .map(|_| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    (seed >> 32) as u32 >> (n % 3 * 8)
                })
                .collect();
            let mut want = v.clone();
            want.sort_unstable();
            sort_positions(&mut v);
            assert_eq!(v, want, "n {n}");
        }
    }

    #[test]
    fn idf_falls_with_document_frequency() {
        let b = Bm25::new([10u32, 20, 30, 40].into_iter());
        assert!(b.idf(1) > b.idf(2) && b.idf(2) > b.idf(4) && b.idf(4) > 0.0);
    }
}
