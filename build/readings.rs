//! Mandarin readings of characters for the pinyin match path, from the `pinyin` crate (MIT; its
//! data is pinyin-data, built from Unihan's kHanyuPinyin, kMandarin and other sources). Every
//! reading of a polyphonic character is kept (行: xing, hang, heng). Used by `build.rs` and by
//! tests and tools that build indexes of their own; the index stores readings only for the
//! characters its notices use.

use pinyin::ToPinyinMulti;

/// The toneless readings of `c`, lowercase ASCII with `ü` written `v`; empty for a character
/// without a Mandarin reading.
pub fn readings(c: char) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if let Some(multi) = c.to_pinyin_multi() {
        for p in multi {
            let r: String = p.plain().chars().map(|ch| if ch == 'ü' { 'v' } else { ch }).collect();
            if !r.is_empty() && !out.contains(&r) {
                out.push(r);
            }
        }
    }
    out
}
