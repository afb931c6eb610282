//! `init DIR`: a new, minimal project that builds: book.toml, a chapter,
//! the three special pages (easy language, imprint, accessibility
//! statement), and a few records of each kind.

use super::FILES;
use crate::findings::today::Day;
use crate::msg;
use anyhow::{Context, Result, bail};
use include_dir::Dir;
use std::path::{Path, PathBuf};

/// Writes the starter project into `dir`, which must be empty or missing.
/// Returns the files written, relative to `dir`.
pub fn init(dir: &Path, title: Option<&str>, today: Day) -> Result<Vec<PathBuf>> {
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir)
            .with_context(|| msg!("init-unreadable", dir = dir.display().to_string()))?;
        if entries.next().is_some() {
            bail!(
                "{}\n  = {}",
                msg!("init-not-empty", dir = dir.display().to_string()),
                msg!("hint-line", hint = msg!("hint-init-not-empty"))
            );
        }
    }
    let title = title.unwrap_or("Neues Konzept");
    let values = [
        ("titel", toml::Value::String(title.into()).to_string()),
        ("heute", today.to_string()),
        ("monat", format!("{:04}-{:02}", today.year, today.month)),
        ("jahr", today.year.to_string()),
        ("jahr_vorher", (today.year - 1).to_string()),
    ];
    let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let root = FILES
        .get_dir("init")
        .expect("the starter project is built in");
    let mut written = Vec::new();
    write_dir(root, root.path(), dir, &values, &mut written)?;
    written.sort();
    Ok(written)
}

fn write_dir(
    d: &Dir<'static>,
    base: &Path,
    dir: &Path,
    values: &[(&str, &str)],
    written: &mut Vec<PathBuf>,
) -> Result<()> {
    for f in d.files() {
        let rel = f.path().strip_prefix(base).expect("inside the template");
        // Stored without the dot, so it does not apply to this repository.
        let rel = if rel == Path::new("gitignore") {
            PathBuf::from(".gitignore")
        } else {
            rel.to_path_buf()
        };
        let text = super::fill(f.contents_utf8().expect("templates are text"), values);
        super::create_new(dir, &rel, &text)?;
        written.push(rel);
    }
    for sub in d.dirs() {
        write_dir(sub, base, dir, values, written)?;
    }
    Ok(())
}
