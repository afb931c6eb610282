//! Problems in the editor's files, collected as data and rendered in one place.
//!
//! Every check produces [`Diagnostic`]s with a file, a span and hints; the
//! command line renders them at the edge in a long form (with a source
//! excerpt), a short one-line form, or JSON.

use crate::i18n::Msg;
use crate::msg;
use serde::Serialize;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// How bad a problem is: errors stop a build, warnings never do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// A position in a file: 1-based line and column (in characters), and the
/// length of the offending text in characters (at least 1 when shown).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Span {
    pub line: usize,
    pub column: usize,
    pub len: usize,
}

impl Span {
    /// The span of the byte range `start..end` in `text`.
    pub fn from_bytes(text: &str, start: usize, end: usize) -> Span {
        let start = floor_char_boundary(text, start.min(text.len()));
        let end = floor_char_boundary(text, end.clamp(start, text.len()));
        let before = &text[..start];
        let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = text[line_start..start].chars().count() + 1;
        let len = text[start..end]
            .lines()
            .next()
            .unwrap_or("")
            .chars()
            .count();
        Span { line, column, len }
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A problem in one of the project's files, shown to the editor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Relative to the project root, with `/` separators.
    pub file: PathBuf,
    pub span: Option<Span>,
    /// A message of the catalogue (`crate::i18n`), shown in the editor's
    /// language when rendered; its id is the JSON output's `code`.
    pub message: Msg,
    /// Under the excerpt's caret: what is wrong with the marked text.
    pub label: Option<Msg>,
    pub hints: Vec<Msg>,
    /// A summary of problems left out ([`Diagnostics::capped`]), shown
    /// after the file's others.
    #[serde(skip)]
    pub summary: bool,
}

/// Messages come from the catalogue only ([`crate::i18n`]), so free
/// (English) text cannot slip in:
///
/// ```compile_fail
/// konzept::diag::Diagnostic::error("a.md", format!("unknown `{}`", 1));
/// ```
///
/// ```compile_fail
/// konzept::diag::Diagnostic::warning("a.md", "unknown field");
/// ```
///
/// ```compile_fail
/// let d = konzept::diag::Diagnostic::error("a.md", konzept::msg!("file-not-utf8"));
/// d.hint("save it again");
/// ```
impl Diagnostic {
    pub fn error(file: impl Into<PathBuf>, message: Msg) -> Self {
        Self::new(Severity::Error, file, message)
    }

    pub fn warning(file: impl Into<PathBuf>, message: Msg) -> Self {
        Self::new(Severity::Warning, file, message)
    }

    fn new(severity: Severity, file: impl Into<PathBuf>, message: Msg) -> Self {
        Diagnostic {
            severity,
            file: file.into(),
            span: None,
            message,
            label: None,
            hints: Vec::new(),
            summary: false,
        }
    }

    pub fn at(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }

    pub fn at_opt(mut self, span: Option<Span>) -> Self {
        self.span = span;
        self
    }

    pub fn label(mut self, label: Msg) -> Self {
        self.label = Some(label);
        self
    }

    pub fn hint(mut self, hint: Msg) -> Self {
        self.hints.push(hint);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// All problems of one run, in the order found; sorted when rendered.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(other);
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    pub fn error_count(&self) -> usize {
        self.0.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.0.len() - self.error_count()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }

    /// Sorted by file, then position, then message; duplicates removed.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut v: Vec<&Diagnostic> = self.0.iter().collect();
        v.sort_by(|a, b| {
            (&a.file, a.summary, a.span, a.severity, &a.message)
                .cmp(&(&b.file, b.summary, b.span, b.severity, &b.message))
        });
        v.dedup();
        v
    }

    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.0
    }

    /// At most `per_file` problems of each file (errors first, then by
    /// position), and for a file with more one summary saying how many
    /// were left out: a file with a mistake on every line is one problem to
    /// the editor, not a hundred thousand. The summary is an error when an
    /// error was left out, so a capped run still fails.
    pub fn capped(self, per_file: usize) -> Diagnostics {
        use std::collections::BTreeMap;
        let mut by_file: BTreeMap<PathBuf, Vec<Diagnostic>> = BTreeMap::new();
        for d in self.0 {
            by_file.entry(d.file.clone()).or_default().push(d);
        }
        let mut out = Vec::new();
        for (file, mut list) in by_file {
            if list.len() <= per_file {
                out.extend(list);
                continue;
            }
            list.sort_by_key(|d| (d.severity, d.span));
            let rest = list.split_off(per_file);
            let errors = rest.iter().filter(|d| d.is_error()).count();
            let message = crate::msg!(
                "capped-summary",
                count = rest.len(),
                errors = errors,
                warnings = rest.len() - errors
            );
            let mut summary = if errors > 0 {
                Diagnostic::error(&file, message)
            } else {
                Diagnostic::warning(&file, message)
            };
            summary = summary.hint(crate::msg!("hint-capped", shown = per_file));
            summary.summary = true;
            out.extend(list);
            out.push(summary);
        }
        Diagnostics(out)
    }
}

/// How many problems of one file are shown (see [`Diagnostics::capped`]).
pub const PER_FILE: usize = 50;

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(iter: I) -> Self {
        Diagnostics(iter.into_iter().collect())
    }
}

/// Why a command stopped: problems in the editor's files (shown with file,
/// line and column), or the environment (typst missing, a folder that cannot
/// be written), which the editor cannot fix in the sources.
#[derive(Debug)]
pub enum Failure {
    Sources(Diagnostics),
    Environment(anyhow::Error),
}

impl From<anyhow::Error> for Failure {
    fn from(e: anyhow::Error) -> Self {
        Failure::Environment(e)
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        Failure::Environment(e.into())
    }
}

impl From<Diagnostics> for Failure {
    fn from(d: Diagnostics) -> Self {
        Failure::Sources(d)
    }
}

impl From<Diagnostic> for Failure {
    fn from(d: Diagnostic) -> Self {
        Failure::Sources(std::iter::once(d).collect())
    }
}

fn severity_word(s: Severity) -> String {
    match s {
        Severity::Error => msg!("severity-error"),
        Severity::Warning => msg!("severity-warning"),
    }
    .to_string()
}

/// `2 Fehler, 1 Warnung`: the closing line of a run that found problems.
pub fn summary(errors: usize, warnings: usize) -> Msg {
    msg!("summary-problems", errors = errors, warnings = warnings)
}

fn location(d: &Diagnostic) -> String {
    let file = d.file.to_string_lossy().replace('\\', "/");
    match d.span {
        Some(s) => format!("{file}:{}:{}", s.line, s.column),
        None => file,
    }
}

/// `file:line:col: error: message`, one line per problem.
pub fn render_short(d: &Diagnostic) -> String {
    format!(
        "{}: {}: {}",
        location(d),
        severity_word(d.severity),
        d.message
    )
}

/// The long form with a source excerpt read from `root/file`.
pub fn render_long(d: &Diagnostic, root: &Path) -> String {
    let mut out = format!("{}: {}\n", severity_word(d.severity), d.message);
    let _ = writeln!(out, "  ┌─ {}", location(d));
    if let Some(span) = d.span
        && let Some(line) = read_line(&root.join(&d.file), span.line)
    {
        let num = span.line.to_string();
        let pad = " ".repeat(num.len());
        let _ = writeln!(out, "{pad} │");
        let _ = writeln!(out, "{num} │ {line}");
        let lead: String = line
            .chars()
            .take(span.column.saturating_sub(1))
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        let carets = "^".repeat(span.len.max(1));
        let label = d
            .label
            .as_ref()
            .map(|l| format!(" {l}"))
            .unwrap_or_default();
        let _ = writeln!(out, "{pad} │ {lead}{carets}{label}");
        let _ = writeln!(out, "{pad} │");
    } else if let Some(label) = &d.label {
        let _ = writeln!(out, "  = {label}");
    }
    for h in &d.hints {
        let _ = writeln!(out, "  = {}", msg!("hint-line", hint = h.clone()));
    }
    out
}

fn read_line(path: &Path, line: usize) -> Option<String> {
    let bytes = std::fs::read(path).ok()?;
    let text = String::from_utf8_lossy(&bytes);
    text.lines()
        .nth(line.checked_sub(1)?)
        .map(|l| l.to_string())
}

/// A JSON array of all problems, sorted, with the excerpt line included.
pub fn render_json(diags: &Diagnostics, root: &Path) -> String {
    #[derive(Serialize)]
    struct Out<'a> {
        /// The message's catalogue id: the same in every language.
        code: &'static str,
        #[serde(flatten)]
        d: &'a Diagnostic,
        excerpt: Option<String>,
    }
    let items: Vec<Out> = diags
        .sorted()
        .into_iter()
        .map(|d| Out {
            code: d.message.id(),
            d,
            excerpt: d.span.and_then(|s| read_line(&root.join(&d.file), s.line)),
        })
        .collect();
    serde_json::to_string_pretty(&items).expect("diagnostics serialize")
}

/// The closest candidate to `wrong`, if one is close enough to suggest.
pub fn suggest<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let wrong_l = wrong.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&wrong_l, &c.to_lowercase()), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_counts_lines_and_characters() {
        let text = "a: 1\nname: Gütersloh\n  x: ü";
        let at = text.find("x:").unwrap();
        let s = Span::from_bytes(text, at, at + 1);
        assert_eq!((s.line, s.column, s.len), (3, 3, 1));
        let at = text.find("loh").unwrap();
        assert_eq!(Span::from_bytes(text, at, at + 3).column, 13);
    }

    #[test]
    fn problems_are_capped_per_file_with_a_summary() {
        let mut all = Diagnostics::default();
        for line in (1..=120).rev() {
            let d = if line % 2 == 0 {
                Diagnostic::warning(
                    "data/a.csv",
                    crate::msg!("hint-line", hint = format!("w{line}")),
                )
            } else {
                Diagnostic::error(
                    "data/a.csv",
                    crate::msg!("hint-line", hint = format!("e{line}")),
                )
            };
            all.push(d.at(Span {
                line,
                column: 1,
                len: 1,
            }));
        }
        all.push(Diagnostic::warning(
            "book.toml",
            crate::msg!("hint-line", hint = "other file"),
        ));
        let capped = all.capped(50);
        let shown = capped.sorted();
        assert_eq!(shown.len(), 50 + 1 + 1);
        // The 60 errors come first: 50 shown, 10 left out with 60 warnings.
        let a: Vec<&&Diagnostic> = shown
            .iter()
            .filter(|d| d.file == Path::new("data/a.csv"))
            .collect();
        assert!(a[..50].iter().all(|d| d.is_error()));
        let last = a.last().unwrap();
        assert!(last.summary && last.is_error());
        assert_eq!(
            last.message.render(crate::i18n::Lang::De),
            "70 weitere Probleme in dieser Datei werden nicht gezeigt (10 Fehler, 60 Warnungen)"
        );
    }

    #[test]
    fn suggestion_finds_typo() {
        assert_eq!(
            suggest("tittle", ["title", "subtitle", "date"]),
            Some("title")
        );
        assert_eq!(suggest("zzz", ["title", "date"]), None);
    }
}
