//! Replays the committed fuzzing corpus (`fuzz/corpus/`) through the checks the fuzz targets run
//! (`fuzz/checks.rs`), so every input the fuzzers kept stays a regression test on stable Rust.

#![cfg(not(target_arch = "wasm32"))]

mod common;
#[path = "../fuzz/checks.rs"]
mod checks;

use notice_search::{format, Engine, EMBEDDED_INDEX};
use std::path::{Path, PathBuf};

fn corpus(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus").join(target);
    let mut files: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|f| f.path())
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p, bytes)
        })
        .collect();
    files.sort();
    files
}

#[test]
fn query_corpus_replays() {
    let engine = Engine::new(EMBEDDED_INDEX).expect("embedded index loads");
    let files = corpus("query");
    assert!(files.len() >= 20, "only {} query inputs", files.len());
    for (path, data) in &files {
        eprintln!("{}", path.display());
        checks::query(&engine, data);
    }
}

#[test]
fn index_corpus_replays() {
    let files = corpus("index");
    assert!(files.len() >= 5, "only {} index inputs", files.len());
    let mut loaded = 0;
    for (path, data) in &files {
        eprintln!("{}", path.display());
        checks::index(data);
        loaded += usize::from(format::seal(data).is_some_and(|b| Engine::new(&b).is_ok()));
    }
    // The corpus reaches the search code, not only the decoder's early exits.
    assert!(loaded >= 3, "only {loaded} inputs load");
}

/// Writes the seed bodies of the index target: small valid indexes (run with `--ignored` to
/// regenerate; `cargo fuzz cmin` then keeps what adds coverage).
#[test]
#[ignore]
fn write_index_seeds() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/index");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let corpora: [&[&str]; 4] = [
        &["疫情防控工作通知\n各单位要做好疫情防控。", "COVID-19 核酸检测 2020年", "阿拉善盟一断三不断"],
        &["a"],
        &["疫情 yiqing", "疫苗 疫情 防控", "防控"],
        &["１２３ ＡＢＣ", "abc 123", "Ab 一 二 三"],
    ];
    for (i, texts) in corpora.iter().enumerate() {
        let texts: Vec<String> = texts.iter().map(|s| s.to_string()).collect();
        for gram_min in [1, 2] {
            let bytes = common::index_of(&texts, gram_min);
            let body = &bytes[format::HEADER_BYTES..];
            std::fs::write(dir.join(format!("seed-{i}-{gram_min}")), body).expect("write");
        }
    }
}
