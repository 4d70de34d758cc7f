//! Reads the notices, cleans them and writes the search index into `OUT_DIR/index.bin`,
//! which `src/lib.rs` embeds with `include_bytes!`.
//!
//! The folder is `notices/` unless `NOTICES_DIR` names another one (relative to this crate).
//! What is read from it, and what fails the build, is in `build/notice_files/mod.rs`. Every
//! folder listed and file read is a `cargo:rerun-if-changed`; warnings and the summary line
//! are `cargo:warning`s, so cargo shows them whenever the index is rebuilt.

#[path = "build/fold_table.rs"]
mod fold_table;
#[path = "build/readings.rs"]
mod readings;
#[path = "build/synonyms.rs"]
mod synonyms;
#[allow(dead_code)]
#[path = "build/notice_files/mod.rs"]
mod notice_files;
#[allow(dead_code)]
#[path = "src/shared/mod.rs"]
mod shared;

use notice_files::{Limits, SkipReason};
use shared::builder;
use shared::clean::{clean_corpus, RawNotice};
use shared::normalize::Folder;
use std::path::{Path, PathBuf};
use std::{env, fs};

fn main() {
    if let Err(e) = run() {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").map_err(|e| e.to_string())?);
    let out = PathBuf::from(env::var("OUT_DIR").map_err(|e| e.to_string())?);
    println!("cargo:rerun-if-env-changed=NOTICES_DIR");
    println!("cargo:rerun-if-env-changed=NOTICE_SYNONYMS");
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=src/shared");
    println!("cargo:rerun-if-changed=build");
    let dir = match env::var_os("NOTICES_DIR") {
        Some(d) if !d.is_empty() => manifest.join(d),
        _ => manifest.join("notices"),
    };
    println!("cargo:rerun-if-changed={}", dir.display());

    let read = notice_files::read_notices(&dir, &Limits::default());
    let mut corpus = read.map_err(|problems| problems.to_string())?;
    for path in &corpus.watched {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    let raw: Vec<RawNotice> = corpus
        .notices
        .iter()
        .map(|n| RawNotice { id: n.id.clone(), path: n.path.display().to_string(), text: n.text.clone() })
        .collect();
    let mut notices = clean_corpus(&raw);
    notices.retain(|n| {
        let empty = n.text.trim().is_empty();
        if empty {
            corpus.skip(&n.id, SkipReason::NoTextAfterCleaning);
        }
        !empty
    });
    for w in corpus.warnings() {
        println!("cargo:warning={w}");
    }
    let folder = Folder::new(fold_table::fold_pairs());
    let synonym_groups = synonym_table(&manifest)?;
    let config = builder::Config {
        readings: &readings::readings,
        synonyms: &synonym_groups,
        ..builder::Config::new(&folder)
    };
    let (bytes, stats) = builder::build(&notices, &config).map_err(|e| e.to_string())?;
    fs::write(out.join("index.bin"), &bytes).map_err(|e| format!("cannot write the index: {e}"))?;
    println!("cargo:warning={}", corpus.summary(stats.index_bytes, stats.chars));
    Ok(())
}

/// The built-in synonym groups plus those of the file named by `NOTICE_SYNONYMS`.
fn synonym_table(manifest: &Path) -> Result<Vec<Vec<String>>, String> {
    let mut groups = synonyms::parse(synonyms::BUILT_IN).map_err(|e| format!("data/synonyms.txt: {e}"))?;
    if let Some(path) = env::var_os("NOTICE_SYNONYMS").filter(|p| !p.is_empty()) {
        let path = manifest.join(path);
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        groups.extend(synonyms::parse(&text).map_err(|e| format!("{}: {e}", path.display()))?);
    }
    Ok(groups)
}
