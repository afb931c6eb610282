//! `new` and `init`: new chapters, records and projects from templates in
//! `src/scaffold/files/` (German placeholder text, embedded in the binary).
//!
//! Rules: nothing is overwritten; records are appended to the editor's YAML
//! as text, so comments and formatting stay as they were; and after every
//! change the project is loaded again: when the change brought new errors,
//! the files are put back and the command fails.

pub mod chapter;
pub mod init;
pub mod records;
pub mod yaml;

use crate::diag::Diagnostics;
use crate::msg;
use crate::project::Project;
use anyhow::{Context, Result, bail};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

pub(crate) use crate::starter::FILES;

/// What a command made, for the terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Created {
    /// The file written, relative to the project root.
    pub file: PathBuf,
    /// The new record's id or the chapter's slug.
    pub id: String,
    /// Where the new text starts (1-based).
    pub line: usize,
}

/// The template `rel` under `files/`.
fn template(rel: &str) -> &'static str {
    FILES
        .get_file(rel)
        .and_then(|f| f.contents_utf8())
        .unwrap_or_else(|| panic!("the template {rel} is built in"))
}

/// A default title from `files/new/defaults.toml`.
fn default_title(kind: &str) -> String {
    let table: toml::Table =
        toml::from_str(template("new/defaults.toml")).expect("the built-in defaults are TOML");
    table
        .get(kind)
        .and_then(|v| v.as_str())
        .unwrap_or(kind)
        .to_string()
}

/// Replaces each `{{key}}` in `text`.
fn fill(text: &str, values: &[(&str, &str)]) -> String {
    let mut out = text.to_string();
    for (k, v) in values {
        out = out.replace(&format!("{{{{{k}}}}}"), v);
    }
    debug_assert!(!out.contains("{{"), "a placeholder is left in {out}");
    out
}

/// Loads the project to learn its ids; `None` only when book.toml is unreadable.
fn load(root: &Path) -> Result<(Project, Diagnostics)> {
    let mut diags = Diagnostics::default();
    match Project::load(root, &mut diags) {
        Some(p) => {
            p.check(&mut diags);
            Ok((p, diags))
        }
        None => {
            let why: Vec<String> = diags
                .sorted()
                .into_iter()
                .map(crate::diag::render_short)
                .collect();
            bail!(
                "{}:\n{}\n  = {}",
                msg!("new-project-unreadable", dir = root.display().to_string()),
                why.join("\n"),
                msg!("hint-line", hint = msg!("hint-new-project-unreadable"))
            )
        }
    }
}

/// Writes `text` to the new file `root/rel`; refuses an existing one.
fn create_new(root: &Path, rel: &Path, text: &str) -> Result<()> {
    use std::io::Write as _;
    let path = root.join(rel);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .with_context(|| msg!("env-create-folder", dir = dir.display().to_string()))?;
    }
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .with_context(|| match path.exists() {
            true => msg!("env-file-exists", file = rel.display().to_string()),
            false => msg!("env-create-file", file = rel.display().to_string()),
        })?;
    f.write_all(text.as_bytes())
        .with_context(|| msg!("env-write-file", file = rel.display().to_string()))
}

/// Replaces the existing file `root/rel` with `text`, through a temporary
/// file beside it, so an interrupted write leaves the old file.
fn replace(root: &Path, rel: &Path, text: &str) -> Result<()> {
    let path = root.join(rel);
    let tmp = path.with_extension("konzept-tmp");
    std::fs::write(&tmp, text)
        .with_context(|| msg!("env-write-file", file = tmp.display().to_string()))?;
    std::fs::rename(&tmp, &path)
        .with_context(|| msg!("env-write-file", file = rel.display().to_string()))
}

/// Creates the new file `file` with `text`, undone if the project then has
/// new errors; `id` is what the editor reads back.
fn create_verified(
    root: &Path,
    before: &Diagnostics,
    file: PathBuf,
    text: &str,
    id: String,
) -> Result<Created> {
    verified(root, before, std::slice::from_ref(&file), || {
        create_new(root, &file, text)
    })?;
    Ok(Created { file, id, line: 1 })
}

/// Runs `change` (which writes `files`), then loads the project again.
/// Errors that were not there before undo the change.
fn verified<T>(
    root: &Path,
    before: &Diagnostics,
    files: &[PathBuf],
    change: impl FnOnce() -> Result<T>,
) -> Result<T> {
    let saved: Vec<(PathBuf, Option<Vec<u8>>)> = files
        .iter()
        .map(|f| (f.clone(), std::fs::read(root.join(f)).ok()))
        .collect();
    let undo = || {
        for (f, old) in &saved {
            let path = root.join(f);
            let _ = match old {
                Some(bytes) => std::fs::write(&path, bytes),
                None => std::fs::remove_file(&path),
            };
        }
    };
    let out = match change() {
        Ok(x) => x,
        Err(e) => {
            undo();
            return Err(e);
        }
    };
    let key = |d: &crate::diag::Diagnostic| (d.file.clone(), d.message.clone());
    let known: BTreeSet<_> = before.iter().filter(|d| d.is_error()).map(key).collect();
    let mut after = Diagnostics::default();
    if let Some(p) = Project::load(root, &mut after) {
        p.check(&mut after);
    }
    let new: Vec<String> = after
        .sorted()
        .into_iter()
        .filter(|d| d.is_error() && !known.contains(&key(d)))
        .map(|d| crate::diag::render_long(d, root))
        .collect();
    if !new.is_empty() {
        undo();
        bail!("{}:\n{}", msg!("new-would-break"), new.join("\n"));
    }
    Ok(out)
}

/// A YAML scalar: plain when that reads the same, else double-quoted.
pub fn yaml_scalar(s: &str) -> String {
    let plain = !s.is_empty()
        && s.trim() == s
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.ends_with(':')
        && !s.contains(['\n', '\t', '"', '\\'])
        && !s.starts_with([
            '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '%', '@',
            '`',
        ])
        && !matches!(
            s.to_ascii_lowercase().as_str(),
            "true" | "false" | "null" | "~" | "yes" | "no" | "on" | "off"
        )
        && s.parse::<f64>().is_err();
    if plain {
        s.to_string()
    } else {
        serde_json::to_string(s).expect("strings serialize")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_quoted_only_when_needed() {
        assert_eq!(yaml_scalar("Sprache und Bildung"), "Sprache und Bildung");
        assert_eq!(yaml_scalar("Ziel: mehr Kurse"), "\"Ziel: mehr Kurse\"");
        assert_eq!(yaml_scalar("„Zitat“ – Nr. 1"), "„Zitat“ – Nr. 1");
        assert_eq!(yaml_scalar("Kurse #1"), "\"Kurse #1\"");
        assert_eq!(yaml_scalar("- Liste"), "\"- Liste\"");
        assert_eq!(yaml_scalar("2025"), "\"2025\"");
        assert_eq!(yaml_scalar("ja"), "ja");
        assert_eq!(yaml_scalar("no"), "\"no\"");
        assert_eq!(yaml_scalar("Er sagte \"ja\""), "\"Er sagte \\\"ja\\\"\"");
    }

    #[test]
    fn titles_read_back_as_written() {
        for title in [
            "Sprache und Bildung",
            "Ziel: mehr Kurse",
            "Kurse #1",
            "- Liste",
            "2025",
            "no",
            "Er sagte \"ja\" \\ oder?",
            "„Zitat“ – Nr. 1",
            "[eckig]",
            "  Leerzeichen ",
            "*fett*",
        ] {
            let text = fill(
                template("new/empfehlung.yaml"),
                &[
                    ("id", "SB-1"),
                    ("handlungsfeld", "sprache-bildung"),
                    ("titel", &yaml_scalar(title)),
                ],
            );
            let parsed: Vec<crate::data::Empfehlung> =
                crate::data::yaml::parse(&text, Path::new("e.yaml"), 0)
                    .unwrap_or_else(|d| panic!("{title}: {d:?}\n{text}"));
            assert_eq!(parsed[0].titel, title);
        }
    }

    #[test]
    fn every_template_is_filled_completely() {
        let t = fill(
            template("new/massnahme.yaml"),
            &[
                ("id", "M-001"),
                ("titel", "T"),
                ("empfehlung", "SB-1"),
                ("monat", "2025-03"),
            ],
        );
        assert!(t.contains("zeitraum: { von: 2025-03 }"), "{t}");
        assert_eq!(default_title("angebot"), "Neues Angebot");
    }
}
