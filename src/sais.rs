//! Suffix array construction by induced sorting (SA-IS, Nong, Zhang & Chan 2009), in place:
//! the reduced problem lives inside the output array, so the only extra memory is one bit per
//! position and one counter per alphabet symbol.

/// A read-only string of integer symbols.
pub trait Symbols {
    /// Number of symbols, including the final sentinel.
    fn len(&self) -> usize;
    /// Symbol `i`; the last one must be 0 and every other one must be greater than 0.
    fn at(&self, i: usize) -> usize;
}

impl Symbols for [u32] {
    fn len(&self) -> usize {
        <[u32]>::len(self)
    }
    fn at(&self, i: usize) -> usize {
        self[i] as usize
    }
}

const EMPTY: u32 = u32::MAX;

/// Bit set of suffix types: set = S-type.
struct Types(Vec<u64>);

impl Types {
    fn get(&self, i: usize) -> bool {
        self.0[i / 64] >> (i % 64) & 1 == 1
    }
    fn set(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }
    fn is_lms(&self, i: usize) -> bool {
        i > 0 && self.get(i) && !self.get(i - 1)
    }
}

/// Fills `sa` (same length as `s`) with the suffix array of `s`, whose symbols are `< k`.
///
/// `s` must end with a unique 0 (the sentinel); `sa[0]` is then `s.len() - 1`.
pub fn suffix_array<S: Symbols + ?Sized>(s: &S, sa: &mut [u32], k: usize) {
    sais(s, sa, k, &mut []);
}

/// SA-IS; the bucket array lives in `work` when it is large enough (the free middle of the
/// caller's array in a recursion, where the alphabet can be a third of the text), else it is
/// allocated.
fn sais<S: Symbols + ?Sized>(s: &S, sa: &mut [u32], k: usize, work: &mut [u32]) {
    let n = s.len();
    debug_assert_eq!(sa.len(), n);
    if n == 0 {
        return;
    }
    if n == 1 {
        sa[0] = 0;
        return;
    }
    let mut t = Types(vec![0; n / 64 + 1]);
    t.set(n - 1);
    for i in (0..n - 1).rev() {
        let (a, b) = (s.at(i), s.at(i + 1));
        if a < b || (a == b && t.get(i + 1)) {
            t.set(i);
        }
    }

    // Stage 1: sort the LMS substrings.
    let mut own = Vec::new();
    let bkt: &mut [u32] = match work.get_mut(..k) {
        Some(w) => w,
        None => {
            own.resize(k, 0u32);
            &mut own
        }
    };
    bucket_ends(s, bkt);
    sa.fill(EMPTY);
    for i in 1..n {
        if t.is_lms(i) {
            let c = s.at(i);
            bkt[c] -= 1;
            sa[bkt[c] as usize] = i as u32;
        }
    }
    induce(s, sa, &t, bkt);

    // Compact the sorted LMS positions into sa[..n1] and name them.
    let mut n1 = 0;
    for i in 0..n {
        let p = sa[i];
        if t.is_lms(p as usize) {
            sa[n1] = p;
            n1 += 1;
        }
    }
    sa[n1..].fill(EMPTY);
    let mut names = 0u32;
    let mut prev = EMPTY;
    for i in 0..n1 {
        let pos = sa[i] as usize;
        let mut diff = prev == EMPTY;
        if !diff {
            let prev = prev as usize;
            for d in 0.. {
                if s.at(pos + d) != s.at(prev + d) || t.get(pos + d) != t.get(prev + d) {
                    diff = true;
                    break;
                }
                if d > 0 && (t.is_lms(pos + d) || t.is_lms(prev + d)) {
                    break;
                }
            }
        }
        if diff {
            names += 1;
            prev = pos as u32;
        }
        sa[n1 + pos / 2] = names - 1;
    }
    let mut j = n;
    for i in (n1..n).rev() {
        if sa[i] != EMPTY {
            j -= 1;
            sa[j] = sa[i];
        }
    }

    // Stage 2: sort the reduced string (in sa[n-n1..]) into sa[..n1].
    let (sa1, rest) = sa.split_at_mut(n1);
    let rest_len = rest.len();
    let (gap, s1) = rest.split_at_mut(rest_len - n1);
    if (names as usize) < n1 {
        sais(&*s1, sa1, names as usize, gap);
    } else {
        for (i, &c) in s1.iter().enumerate() {
            sa1[c as usize] = i as u32;
        }
    }

    // Stage 3: induce the full order from the sorted LMS suffixes.
    let mut j = 0;
    for i in 1..n {
        if t.is_lms(i) {
            s1[j] = i as u32;
            j += 1;
        }
    }
    for v in sa1.iter_mut() {
        *v = s1[*v as usize];
    }
    sa[n1..].fill(EMPTY);
    bucket_ends(s, bkt);
    for i in (0..n1).rev() {
        let p = sa[i];
        sa[i] = EMPTY;
        let c = s.at(p as usize);
        bkt[c] -= 1;
        sa[bkt[c] as usize] = p;
    }
    induce(s, sa, &t, bkt);
}

fn counts<S: Symbols + ?Sized>(s: &S, bkt: &mut [u32]) {
    bkt.fill(0);
    for i in 0..s.len() {
        bkt[s.at(i)] += 1;
    }
}

fn bucket_ends<S: Symbols + ?Sized>(s: &S, bkt: &mut [u32]) {
    counts(s, bkt);
    let mut sum = 0;
    for b in bkt.iter_mut() {
        sum += *b;
        *b = sum;
    }
}

fn bucket_heads<S: Symbols + ?Sized>(s: &S, bkt: &mut [u32]) {
    counts(s, bkt);
    let mut sum = 0;
    for b in bkt.iter_mut() {
        let c = *b;
        *b = sum;
        sum += c;
    }
}

/// Induces L-type suffixes left to right, then S-type suffixes right to left.
fn induce<S: Symbols + ?Sized>(s: &S, sa: &mut [u32], t: &Types, bkt: &mut [u32]) {
    let n = s.len();
    bucket_heads(s, bkt);
    for i in 0..n {
        let p = sa[i];
        if p != EMPTY && p > 0 {
            let j = p as usize - 1;
            if !t.get(j) {
                let c = s.at(j);
                sa[bkt[c] as usize] = j as u32;
                bkt[c] += 1;
            }
        }
    }
    bucket_ends(s, bkt);
    for i in (0..n).rev() {
        let p = sa[i];
        if p != EMPTY && p > 0 {
            let j = p as usize - 1;
            if t.get(j) {
                let c = s.at(j);
                bkt[c] -= 1;
                sa[bkt[c] as usize] = j as u32;
            }
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn naive(s: &[u32]) -> Vec<u32> {
        let mut sa: Vec<u32> = (0..s.len() as u32).collect();
        sa.sort_by(|&a, &b| s[a as usize..].cmp(&s[b as usize..]));
        sa
    }

    fn check(mut s: Vec<u32>) {
        for c in s.iter_mut() {
            *c += 1;
        }
        s.push(0);
        let k = s.iter().max().map_or(1, |m| *m as usize + 1);
        let mut sa = vec![0; s.len()];
        suffix_array(&s[..], &mut sa, k);
        assert_eq!(sa, naive(&s));
    }

    #[test]
    fn classic_examples() {
        check(b"banana".iter().map(|&b| u32::from(b)).collect());
        check(b"mmiissiissiippii".iter().map(|&b| u32::from(b)).collect());
        check(vec![]);
        check(vec![5; 100]);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]
        #[test]
        fn matches_naive_sort(s in proptest::collection::vec(0u32..4, 0..300)) {
            check(s);
        }
        #[test]
        fn matches_naive_sort_large_alphabet(s in proptest::collection::vec(0u32..2000, 0..300)) {
            check(s);
        }
    }
}
