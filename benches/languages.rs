//! What each language adds to a build: builds the sample (site and PDFs,
//! or `-- site` for the site only) with 0, 1, 2, 4 and 8 of its
//! translations published and prints the time of each and the time per
//! language. Run with `cargo bench --bench languages`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn copy(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.unwrap();
        let target = to.join(e.path().strip_prefix(from).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

/// The sample with only the first `n` of its `[[languages]]`.
fn project(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for d in ["content", "data", "translations"] {
        copy(&repo().join(d), &dir.path().join(d));
    }
    let toml = std::fs::read_to_string(repo().join("book.toml")).unwrap();
    let mut parts = toml.split("\n[[languages]]");
    let mut out = parts.next().unwrap().to_string();
    for p in parts.take(n) {
        out.push_str("\n[[languages]]");
        out.push_str(p);
    }
    std::fs::write(dir.path().join("book.toml"), out).unwrap();
    dir
}

fn build(dir: &Path, site_only: bool) -> Duration {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_konzept"));
    let mut c = Command::new(bin);
    c.arg("build").arg("--root").arg(dir);
    if site_only {
        c.arg("--no-pdf");
    }
    let start = Instant::now();
    let out = c.output().expect("konzept runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    start.elapsed()
}

fn main() {
    let site_only = std::env::args().any(|a| a == "site");
    let mut base = None;
    for n in [0, 1, 2, 4, 8] {
        let dir = project(n);
        // One warm-up build, then the best of two.
        build(dir.path(), site_only);
        let t = build(dir.path(), site_only).min(build(dir.path(), site_only));
        let base_t = *base.get_or_insert(t);
        let per = if n == 0 {
            String::new()
        } else {
            format!(
                ", {:.2} s per language",
                (t.as_secs_f64() - base_t.as_secs_f64()) / n as f64
            )
        };
        println!("{n} languages: {:.2} s{per}", t.as_secs_f64());
    }
}
