//! The character fold table (NFKC where it yields one character, then lowercase), computed from
//! Unicode data at build time. Used by `build.rs`, and by tests that build indexes of their own.

use unicode_normalization::UnicodeNormalization;

fn fold_once(c: char) -> char {
    let mut n = std::iter::once(c).nfkc();
    let c = match (n.next(), n.next()) {
        (Some(one), None) => one,
        _ => c,
    };
    let mut l = c.to_lowercase();
    match (l.next(), l.next()) {
        (Some(one), None) => one,
        _ => c,
    }
}

/// Every `(char, folded)` pair where the two differ, with folding applied to a fixed point.
pub fn fold_pairs() -> Vec<(char, char)> {
    let mut out = Vec::new();
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        let mut f = fold_once(c);
        for _ in 0..3 {
            let g = fold_once(f);
            if g == f {
                break;
            }
            f = g;
        }
        if f != c {
            out.push((c, f));
        }
    }
    out
}
