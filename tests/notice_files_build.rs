//! End to end: `NOTICES_DIR=<folder> cargo check` prints the warnings and the summary, reruns
//! the build script when a notice changes (and only then), and fails naming a bad file and its
//! byte offset.
//!
//! Ignored by default: it runs cargo in its own target folder (`target/notice-files-e2e`), which
//! compiles the build dependencies once (a minute or two). Run it with
//! `cargo test --test notice_files_build -- --ignored`.

#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::Command;

struct Run {
    ok: bool,
    stderr: String,
}

fn cargo_check(notices: &Path) -> Run {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .current_dir(root)
        .args(["check", "--lib", "-v", "--color", "never"])
        .env("NOTICES_DIR", notices)
        .env("CARGO_TARGET_DIR", root.join("target/notice-files-e2e"))
        .output()
        .expect("cargo runs");
    Run { ok: out.status.success(), stderr: String::from_utf8_lossy(&out.stderr).into_owned() }
}

fn build_script_ran(run: &Run) -> bool {
    run.stderr.lines().any(|l| l.contains("Running") && l.contains("/notice-search-") && l.contains("build-script-build"))
}

#[test]
#[ignore = "runs cargo in its own target folder; cargo test --test notice_files_build -- --ignored"]
fn notices_dir_build_warns_summarises_reruns_and_fails_on_a_bad_file() {
    let dir: PathBuf = std::env::temp_dir().join(format!("notice-files-e2e-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("2020")).expect("fixture folder");
    std::fs::write(dir.join("a.txt"), "关于做好春节后返岗疫情防控工作的通知\n各单位：请做好疫情防控工作。\n").expect("write");
    let (gbk, _, _) = encoding_rs::GBK.encode("关于开展校园安全检查的通知\n各学校：请于三月底前完成自查。\n");
    std::fs::write(dir.join("2020/b.txt"), &gbk).expect("write");
    std::fs::write(dir.join("empty.txt"), " \r\n").expect("write");
    std::fs::write(dir.join("logo.png"), b"\x89PNG").expect("write");

    let run = cargo_check(&dir);
    assert!(run.ok, "{}", run.stderr);
    let summary = format!("warning: notice-search@0.1.0: indexed 2 notices from {}", dir.display());
    assert!(run.stderr.contains(&summary), "{}", run.stderr);
    assert!(run.stderr.contains("1 GB18030, 1 UTF-8); skipped 1 (1 empty); ignored 1 (1 other extension)"), "{}", run.stderr);
    assert!(run.stderr.contains(&format!("skipped {}: no text", dir.join("empty.txt").display())), "{}", run.stderr);
    assert!(run.stderr.contains("ignored 1 entry that is not a notice (only .txt"), "{}", run.stderr);
    assert!(run.stderr.contains("files are read): logo.png"), "{}", run.stderr);

    let fresh = cargo_check(&dir);
    assert!(fresh.ok && !build_script_ran(&fresh), "nothing changed, yet the build script ran:\n{}", fresh.stderr);
    std::fs::write(dir.join("2020/b.txt"), [gbk.as_ref(), b"\r\n"].concat()).expect("edit");
    let edited = cargo_check(&dir);
    assert!(edited.ok && build_script_ran(&edited), "a notice changed, the build script did not run:\n{}", edited.stderr);

    std::fs::write(dir.join("2020/bad.txt"), b"Soci\xe9t\xe9 g\xe9n\xe9rale\n").expect("write");
    let bad = cargo_check(&dir);
    assert!(!bad.ok, "a Latin-1 file built:\n{}", bad.stderr);
    let path = dir.join("2020/bad.txt").display().to_string();
    assert!(bad.stderr.contains(&format!("{path}: not readable as text at byte offset 4 (line 1")), "{}", bad.stderr);
    let _ = std::fs::remove_dir_all(&dir);
}
