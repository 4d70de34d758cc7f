//! The fold table: width, case and Chinese variants fold onto one character, idempotently.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::folder;

#[test]
fn examples_fold_as_documented() {
    let f = folder();
    for (from, to) in [
        ('Ａ', 'a'), ('ｚ', 'z'), ('１', '1'), ('，', ','), ('　', ' '), ('⼯', '工'),
        ('後', '后'), ('國', '国'), ('髮', '发'), ('發', '发'), ('乾', '干'), ('喫', '吃'), ('偽', '伪'), ('僞', '伪'), ('衛', '卫'),
        ('后', '后'), ('吃', '吃'), ('的', '的'), ('x', 'x'),
    ] {
        assert_eq!(f.fold(from), to, "{from}");
    }
}

#[test]
fn folding_is_idempotent_and_char_aligned() {
    let f = folder();
    for &(from, to) in f.pairs() {
        assert_ne!(from, to);
        assert_eq!(f.fold(to), to, "{from} → {to} → {}", f.fold(to));
    }
    // Every traditional character OpenCC maps folds to a simplified one that folds to itself.
    assert!(f.pairs().len() > 4000, "{}", f.pairs().len());
}
