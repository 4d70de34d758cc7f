//! The character fold table, computed at build time: NFKC where it yields one character, then
//! lowercase, then traditional and variant Chinese characters onto simplified ones. Used by
//! `build.rs`, and by tests and tools that build indexes of their own.
//!
//! The Chinese variant data are OpenCC's character tables (Apache-2.0, see
//! `data/opencc/LICENSE`): `TWVariantsRev.txt` and `HKVariantsRev.txt` map Taiwan and Hong Kong
//! forms onto OpenCC's standard traditional forms (`偽` → `僞`), `TSCharacters.txt` maps
//! traditional onto simplified (`僞` → `伪`). Where OpenCC lists several simplified candidates
//! (`乾` → `干 乾`) the first, its default, is the fold. Only single characters are folded, so
//! every character of a notice still maps onto exactly one search character.

use std::collections::HashMap;
use unicode_normalization::UnicodeNormalization;

const TS_CHARACTERS: &str = include_str!("../data/opencc/TSCharacters.txt");
const TW_VARIANTS_REV: &str = include_str!("../data/opencc/TWVariantsRev.txt");
const HK_VARIANTS_REV: &str = include_str!("../data/opencc/HKVariantsRev.txt");

/// `from → first candidate` for every line `from<TAB>to [to…]` with single characters.
fn opencc_table(text: &str) -> HashMap<char, char> {
    let mut out = HashMap::new();
    for line in text.lines() {
        let mut fields = line.split('\t');
        let (Some(from), Some(to)) = (fields.next(), fields.next()) else { continue };
        let mut from_chars = from.chars();
        let (Some(f), None) = (from_chars.next(), from_chars.next()) else { continue };
        let Some(first) = to.split(' ').next() else { continue };
        let mut to_chars = first.chars();
        if let (Some(t), None) = (to_chars.next(), to_chars.next()) {
            out.entry(f).or_insert(t);
        }
    }
    out
}

/// Traditional and variant characters onto simplified ones.
#[derive(Default)]
struct Variants {
    standard: HashMap<char, char>,
    simplified: HashMap<char, char>,
}

impl Variants {
    fn load() -> Variants {
        let mut standard = opencc_table(TW_VARIANTS_REV);
        for (k, v) in opencc_table(HK_VARIANTS_REV) {
            standard.entry(k).or_insert(v);
        }
        Variants { standard, simplified: opencc_table(TS_CHARACTERS) }
    }

    fn fold(&self, c: char) -> char {
        let c = self.standard.get(&c).copied().unwrap_or(c);
        self.simplified.get(&c).copied().unwrap_or(c)
    }
}

fn fold_once(c: char, variants: &Variants) -> char {
    let mut n = std::iter::once(c).nfkc();
    let c = match (n.next(), n.next()) {
        (Some(one), None) => one,
        _ => c,
    };
    let mut l = c.to_lowercase();
    let c = match (l.next(), l.next()) {
        (Some(one), None) => one,
        _ => c,
    };
    variants.fold(c)
}

/// Every `(char, folded)` pair where the two differ, with folding applied to a fixed point
/// (a character whose folds never settle is left alone).
pub fn fold_pairs() -> Vec<(char, char)> {
    pairs(&Variants::load())
}

/// The pairs [`fold_pairs`] would give without the Chinese variant data (NFKC and lowercase
/// only): what size reports compare against.
#[allow(dead_code)]
pub fn fold_pairs_without_variants() -> Vec<(char, char)> {
    pairs(&Variants::default())
}

fn pairs(variants: &Variants) -> Vec<(char, char)> {
    let mut out = Vec::new();
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        let mut f = fold_once(c, variants);
        let mut settled = f == c;
        for _ in 0..4 {
            let g = fold_once(f, variants);
            if g == f {
                settled = true;
                break;
            }
            f = g;
        }
        if settled && f != c {
            out.push((c, f));
        }
    }
    out
}
