//! The typst command line: find it, check its version, run `typst compile`
//! in a staged folder, and turn its short diagnostics into ours.

use crate::diag::{Diagnostic, Span};
use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// The typst version konzept's templates are written for.
pub const VERSION: &str = "0.15.1";
/// What to run when typst is missing.
pub const INSTALL: &str =
    "./scripts/install-deps   (or: cargo install typst-cli --locked --version 0.15.1)";

/// A typst binary whose version was checked.
#[derive(Debug, Clone)]
pub struct Typst {
    pub bin: PathBuf,
    /// `typst 0.15.1 (…)`, part of every cache key.
    pub version: String,
}

/// Finds typst: book.toml's `[print] typst`, else `$KONZEPT_TYPST`, else
/// `typst` on `PATH`, else the install script's cache. A binary named
/// explicitly must work; the others are tried in turn.
pub fn locate(configured: Option<&str>, root: &Path) -> Result<Typst> {
    let hints = format!(
        "\n  = hint: install typst {VERSION} with {INSTALL}\n  = hint: or build only the website with `konzept build --no-pdf`"
    );
    if let Some(c) = configured {
        let path = if c.contains('/') {
            root.join(c)
        } else {
            on_path(c).unwrap_or_else(|| PathBuf::from(c))
        };
        return check(&path)
            .map_err(|why| anyhow::anyhow!("book.toml's [print] typst `{c}` {why}{hints}"));
    }
    if let Some(env) = std::env::var_os("KONZEPT_TYPST").filter(|v| !v.is_empty()) {
        let path = PathBuf::from(env);
        return check(&path)
            .map_err(|why| anyhow::anyhow!("KONZEPT_TYPST `{}` {why}{hints}", path.display()));
    }
    let cache = std::env::var_os("HOME").map(|h| {
        PathBuf::from(h)
            .join(".cache/konzept")
            .join(format!("typst-{VERSION}/bin/typst"))
    });
    let mut tried = Vec::new();
    for cand in on_path("typst").into_iter().chain(cache) {
        match check(&cand) {
            Ok(t) => return Ok(t),
            Err(why) => tried.push(format!("`{}` {why}", cand.display())),
        }
    }
    bail!(
        "konzept needs typst {VERSION} to make the PDFs, but {}{hints}",
        if tried.is_empty() {
            "typst is not installed".to_string()
        } else {
            tried.join("; ")
        }
    )
}

fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

/// Runs `bin --version`; the reason in words when it is not typst 0.15.
fn check(bin: &Path) -> std::result::Result<Typst, String> {
    if !bin.exists() && bin.components().count() > 1 {
        return Err("does not exist".into());
    }
    let out = Command::new(bin)
        .arg("--version")
        .output()
        .map_err(|e| format!("cannot run: {e}"))?;
    let version = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let number = version.split_whitespace().nth(1).unwrap_or("");
    if !out.status.success() || !number.starts_with("0.15.") {
        let found = if version.is_empty() {
            "nothing"
        } else {
            &version
        };
        return Err(format!("reports `{found}`, not typst 0.15.x"));
    }
    Ok(Typst {
        bin: bin.to_path_buf(),
        version,
    })
}

/// One `typst compile` call.
#[derive(Debug, Clone)]
pub struct Job<'a> {
    /// The staged folder (`--root`, and the working directory).
    pub root: &'a Path,
    /// The main file inside it, e.g. `langfassung.typ`.
    pub main: &'a str,
    pub output: &'a Path,
    /// `--pdf-standard`, or none.
    pub standard: Option<&'a str>,
    /// `--input key=value` pairs.
    pub inputs: Vec<(String, String)>,
    /// The creation date, passed as `SOURCE_DATE_EPOCH`.
    pub epoch: i64,
}

impl Job<'_> {
    /// Everything that changes the output besides the staged files.
    pub fn flags(&self) -> String {
        let inputs: Vec<String> = self
            .inputs
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        format!(
            "{} {} {} {}",
            self.main,
            self.standard.unwrap_or("-"),
            inputs.join(","),
            self.epoch
        )
    }
}

/// What a run printed, split into lines that name a place and those that do not.
#[derive(Debug)]
pub struct Run {
    pub ok: bool,
    pub time: Duration,
    pub messages: Vec<Message>,
}

/// One diagnostic line of typst's short format.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub error: bool,
    /// Path as typst printed it (relative to the root), with line and column.
    pub at: Option<(String, usize, usize)>,
    pub text: String,
}

impl Typst {
    pub fn compile(&self, job: &Job) -> Result<Run> {
        let mut cmd = Command::new(&self.bin);
        cmd.arg("compile")
            .arg("--root")
            .arg(job.root)
            .args(["--diagnostic-format", "short", "--ignore-system-fonts"])
            // `pdf.header-cell` (row headers in record tables) is behind this flag.
            .args(["--features", "a11y-extras"])
            .current_dir(job.root)
            .env_remove("TYPST_FONT_PATHS")
            .env_remove("TYPST_ROOT");
        if let Some(s) = job.standard {
            cmd.args(["--pdf-standard", s]);
        }
        for (k, v) in &job.inputs {
            cmd.arg("--input").arg(format!("{k}={v}"));
        }
        cmd.env("SOURCE_DATE_EPOCH", job.epoch.to_string());
        cmd.arg(job.main).arg(job.output);
        let start = Instant::now();
        let out = cmd
            .output()
            .with_context(|| format!("cannot run {}", self.bin.display()))?;
        let time = start.elapsed();
        let stderr = String::from_utf8_lossy(&out.stderr);
        let root = job.root.to_string_lossy();
        let messages = parse(&stderr.replace(&format!("{root}/"), "").replace(&*root, "."));
        Ok(Run {
            ok: out.status.success(),
            time,
            messages,
        })
    }
}

/// Parses typst's `--diagnostic-format short` output.
pub fn parse(stderr: &str) -> Vec<Message> {
    let mut out: Vec<Message> = Vec::new();
    for line in stderr.lines().filter(|l| !l.trim().is_empty()) {
        let (at, rest) = split_location(line);
        let (error, text) = if let Some(t) = rest.strip_prefix("error: ") {
            (true, t)
        } else if let Some(t) = rest.strip_prefix("warning: ") {
            (false, t)
        } else {
            // A continuation line of the previous message.
            if let Some(last) = out.last_mut() {
                last.text.push(' ');
                last.text.push_str(line.trim());
            }
            continue;
        };
        out.push(Message {
            error,
            at,
            text: text.trim().to_string(),
        });
    }
    out
}

/// `path:line:col: rest` → the location and `rest`.
fn split_location(line: &str) -> (Option<(String, usize, usize)>, &str) {
    let mut parts = line.splitn(4, ':');
    if let (Some(path), Some(l), Some(c), Some(rest)) =
        (parts.next(), parts.next(), parts.next(), parts.next())
        && let (Ok(l), Ok(c)) = (l.trim().parse(), c.trim().parse())
    {
        return (Some((path.to_string(), l, c)), rest.trim_start());
    }
    (None, line)
}

/// Where a message's file came from, for the editor or designer.
pub trait Origins {
    /// The file and position to report for a staged path and line/column.
    fn locate(&self, staged: &str, line: usize, col: usize) -> (PathBuf, Option<Span>);
    /// The file to name when typst gives no position (the main template).
    fn fallback(&self) -> PathBuf;
}

/// Typst's messages as diagnostics against the project's files.
pub fn diagnostics(messages: &[Message], origins: &dyn Origins, doc: &str) -> Vec<Diagnostic> {
    messages
        .iter()
        .map(|m| {
            let (file, span) = match &m.at {
                Some((path, l, c)) => origins.locate(path, *l, *c),
                None => (origins.fallback(), None),
            };
            let text = format!("typst ({doc}): {}", m.text);
            let d = if m.error {
                Diagnostic::error(file, text)
            } else {
                Diagnostic::warning(file, text)
            };
            d.at_opt(span)
        })
        .collect()
}

/// The number of pages of a PDF typst wrote (its page tree's `/Count`).
pub fn page_count(pdf: &[u8]) -> Option<u32> {
    let pat = b"/Type/Pages";
    let mut best = None;
    let mut i = 0;
    while let Some(pos) = find(&pdf[i..], pat) {
        let start = i + pos;
        let end = (start + 200).min(pdf.len());
        let window = &pdf[start..end];
        if let Some(c) = find(window, b"/Count") {
            let digits: String = window[c + 6..]
                .iter()
                .skip_while(|b| b.is_ascii_whitespace())
                .take_while(|b| b.is_ascii_digit())
                .map(|&b| b as char)
                .collect();
            if let Ok(n) = digits.parse::<u32>() {
                best = Some(best.map_or(n, |b: u32| b.max(n)));
            }
        }
        i = start + pat.len();
    }
    best
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_diagnostics_parse() {
        let m = parse(
            "langfassung.typ:12:7: error: file not found (searched at bilder/1.png)\nerror: PDF/UA-1 error: missing alt text\ncommon.typ:3:1: warning: unknown font family: foo\n",
        );
        assert_eq!(m.len(), 3);
        assert_eq!(m[0].at, Some(("langfassung.typ".into(), 12, 7)));
        assert!(m[0].error);
        assert_eq!(m[1].at, None);
        assert_eq!(m[1].text, "PDF/UA-1 error: missing alt text");
        assert!(!m[2].error);
    }

    #[test]
    fn page_count_reads_the_page_tree() {
        let pdf =
            b"1 0 obj\n<</Type/Outlines/Count 2>>\n2 0 obj\n<</Type/Pages/Count 14/Kids[3 0 R]>>";
        assert_eq!(page_count(pdf), Some(14));
        assert_eq!(page_count(b"nothing"), None);
    }
}
