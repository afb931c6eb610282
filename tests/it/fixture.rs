//! Test projects: copy a fixture (or the sample at the repository root) into
//! a temporary folder, run the binary there, and read what it wrote.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root (the sample publication).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A project in a temporary folder, removed when dropped.
pub struct Project {
    pub dir: tempfile::TempDir,
}

impl Project {
    /// A copy of `tests/fixtures/<name>/`.
    pub fn fixture(name: &str) -> Project {
        let p = Project::empty();
        copy_dir(&repo().join("tests/fixtures").join(name), p.path());
        p
    }

    /// A copy of the sample publication (book.toml, content/, data/).
    pub fn sample() -> Project {
        let p = Project::empty();
        std::fs::copy(repo().join("book.toml"), p.path().join("book.toml")).unwrap();
        copy_dir(&repo().join("content"), &p.path().join("content"));
        copy_dir(&repo().join("data"), &p.path().join("data"));
        // The sample's translations of the short version (book.toml lists
        // their languages).
        copy_dir(&repo().join("translations"), &p.path().join("translations"));
        p
    }

    pub fn empty() -> Project {
        Project {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes (or replaces) a file in the project.
    pub fn write(&self, rel: &str, text: &str) {
        let p = self.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    /// Runs `konzept --lang en <args>` in the project folder.
    pub fn run(&self, args: &[&str]) -> Run {
        let out = konzept()
            .args(args)
            .current_dir(self.path())
            .output()
            .unwrap();
        Run::from(out)
    }

    /// Runs `konzept <args>` in the project folder in the language of its
    /// book.toml, as an editor would.
    pub fn run_de(&self, args: &[&str]) -> Run {
        let out = konzept_de()
            .args(args)
            .current_dir(self.path())
            .output()
            .unwrap();
        Run::from(out)
    }
}

/// The binary under test, with typst from the install script's cache,
/// speaking English (`--lang en`): most tests were written against the
/// English catalogue; `messages.rs` compares whole German messages with
/// [`konzept_de`].
pub fn konzept() -> Command {
    let mut c = konzept_de();
    c.args(["--lang", "en"]);
    c
}

/// The binary as an editor runs it: the language from book.toml (German
/// in every fixture), no `--lang`.
pub fn konzept_de() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_konzept"));
    c.env_remove("SOURCE_DATE_EPOCH");
    c
}

/// What a run printed and how it ended.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(o: Output) -> Run {
        Run {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }
}

impl Run {
    pub fn ok(&self) -> &Self {
        assert_eq!(self.code, 0, "expected success\nstderr:\n{}", self.stderr);
        self
    }
}

pub fn copy_dir(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.unwrap();
        let rel = e.path().strip_prefix(from).unwrap();
        let target = to.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::create_dir_all(target.parent().unwrap()).unwrap();
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

/// Parses an HTML file for assertions on its structure.
pub fn html(path: &Path) -> scraper::Html {
    scraper::Html::parse_document(
        &std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
    )
}

/// The text of every element matching `selector`.
pub fn texts(doc: &scraper::Html, selector: &str) -> Vec<String> {
    let sel = scraper::Selector::parse(selector).unwrap();
    doc.select(&sel)
        .map(|e| {
            e.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}
