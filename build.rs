//! Reads the notices, cleans them and writes the search index into `OUT_DIR/index.bin`,
//! which `src/lib.rs` embeds with `include_bytes!`.
//!
//! The folder is `notices/` unless `NOTICES_DIR` names another one. Files ending in `.txt`,
//! `.md` or `.text` are notices (found in nested folders too); other files are skipped with a
//! warning. A notice that cannot be read fails the build with its path and the reason.

#[path = "build/fold_table.rs"]
mod fold_table;
#[path = "build/readings.rs"]
mod readings;
#[path = "build/synonyms.rs"]
mod synonyms;
#[allow(dead_code)]
#[path = "src/shared/mod.rs"]
mod shared;

use shared::builder;
use shared::clean::{clean_corpus, RawNotice};
use shared::normalize::Folder;
use std::path::{Path, PathBuf};
use std::{env, fs};

const NOTICE_EXTENSIONS: [&str; 3] = ["txt", "md", "text"];

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

    let mut files = Vec::new();
    collect(&dir, &mut files)?;
    files.sort();
    let mut raw: Vec<RawNotice> = Vec::new();
    let mut skipped = 0;
    for path in files {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
        if !NOTICE_EXTENSIONS.contains(&ext.as_str()) {
            println!("cargo:warning=skipped {}: not a notice file (.txt, .md)", path.display());
            skipped += 1;
            continue;
        }
        let bytes = fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let text = decode(&bytes).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let id = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
        if let Some(other) = raw.iter().find(|r| r.id == id) {
            return Err(format!(
                "two notices have the id {id:?}: {} and {}",
                other.path,
                path.display()
            ));
        }
        raw.push(RawNotice { id, path: path.display().to_string(), text });
    }
    let mut notices = clean_corpus(&raw);
    notices.retain(|n| {
        let empty = n.text.trim().is_empty();
        if empty {
            println!("cargo:warning=skipped notice {}: no text after cleaning", n.id);
            skipped += 1;
        }
        !empty
    });
    let folder = Folder::new(fold_table::fold_pairs());
    let synonym_groups = synonym_table(&manifest)?;
    let config = builder::Config {
        readings: &readings::readings,
        synonyms: &synonym_groups,
        ..builder::Config::new(&folder)
    };
    let (bytes, stats) = builder::build(&notices, &config).map_err(|e| e.to_string())?;
    fs::write(out.join("index.bin"), &bytes).map_err(|e| format!("cannot write the index: {e}"))?;
    eprintln!(
        "notice-search: indexed {} notices ({} chars) from {}, skipped {skipped}; index {} bytes, {} n-gram lists",
        stats.notices,
        stats.chars,
        dir.display(),
        stats.index_bytes,
        stats.grams
    );
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

/// Every file below `dir` (following nested folders).
fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read the notices folder {}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// UTF-8 text (a byte-order mark is dropped); anything else is an error naming the byte offset.
fn decode(bytes: &[u8]) -> Result<String, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => Err(format!("not valid UTF-8 at byte {}", e.valid_up_to())),
    }
}
