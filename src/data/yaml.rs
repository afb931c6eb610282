//! YAML text → typed records with serde-saphyr, errors reworded for editors.
//!
//! Options: strict booleans (`ja`/`no` are not booleans), duplicate keys are
//! errors, and a budget against alias bombs. [`Sp`] keeps a value's position
//! so that later checks (dangling references, duplicate ids) can point at it.

use crate::diag::{Diagnostic, Span};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::path::Path;

/// A value with the position where it was written.
#[derive(Debug, Clone)]
pub struct Sp<T> {
    pub value: T,
    pub span: Option<Span>,
}

impl<T> Sp<T> {
    pub fn new(value: T) -> Self {
        Sp { value, span: None }
    }
}

impl<T> std::ops::Deref for Sp<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Sp<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = serde_saphyr::Spanned::<T>::deserialize(d)?;
        let loc = s.referenced;
        let span = (loc.line() > 0).then(|| Span {
            line: loc.line() as usize,
            column: loc.column() as usize,
            len: loc.span().len() as usize,
        });
        Ok(Sp {
            value: s.value,
            span,
        })
    }
}

impl<T: Serialize> Serialize for Sp<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(s)
    }
}

fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        strict_booleans: true,
        duplicate_keys: serde_saphyr::DuplicateKeyPolicy::Error,
        with_snippet: false,
    }
}

/// Parses `text` (the contents of `file`, relative to the project root).
/// `line_offset` is added to every line (front matter starts below `---`).
pub fn parse<T: DeserializeOwned>(
    text: &str,
    file: &Path,
    line_offset: usize,
) -> Result<T, Diagnostic> {
    serde_saphyr::from_str_with_options(text, options()).map_err(|e| {
        // An invisible character where YAML needs a space is the real cause;
        // the parser's message would point near it in its own words.
        let mut d = crate::lint::yaml_invisible(text, file)
            .unwrap_or_else(|| to_diagnostic(&e, text, file));
        if let Some(s) = &mut d.span {
            s.line += line_offset;
        }
        d
    })
}

/// Shifts every span in a parsed value's diagnostics; used by front matter.
fn to_diagnostic(e: &serde_saphyr::Error, text: &str, file: &Path) -> Diagnostic {
    let span = e.location().filter(|l| l.line() > 0).map(|l| {
        let line = l.line() as usize;
        let column = l.column() as usize;
        let len = token_len(text, line, column);
        Span { line, column, len }
    });
    let raw = e.to_string();
    let msg = strip_location(&raw);
    let found = span
        .map(|s| found_text(text, s.line, s.column))
        .unwrap_or_default();
    let (message, mut hint) = reword(msg, &found);
    if let Some(s) = span
        && let Some(line) = text.lines().nth(s.line.saturating_sub(1))
        && let Some(h) = crate::lint::typographic_quote_hint(line)
    {
        hint = Some(h);
    }
    let d = Diagnostic::error(file, message).at_opt(span);
    match hint {
        Some(h) => d.hint(h),
        None => d,
    }
}

/// The scalar written at (line, column), for "found `…`".
fn found_text(text: &str, line: usize, column: usize) -> String {
    let Some(l) = text.lines().nth(line.saturating_sub(1)) else {
        return String::new();
    };
    let rest: String = l.chars().skip(column.saturating_sub(1)).collect();
    let v = rest.split(" #").next().unwrap_or("").trim();
    v.trim_matches(|c| c == '"' || c == '\'').to_string()
}

/// Length of the token at (line, column): up to the next space, comma or bracket.
fn token_len(text: &str, line: usize, column: usize) -> usize {
    let Some(l) = text.lines().nth(line.saturating_sub(1)) else {
        return 1;
    };
    let rest: String = l.chars().skip(column.saturating_sub(1)).collect();
    let rest = rest.trim_end();
    let n = rest
        .chars()
        .take_while(|c| !matches!(c, ',' | ']' | '}' | '#'))
        .count();
    n.max(1)
}

/// serde-saphyr prefixes "line N column M: "; the position is shown separately.
fn strip_location(msg: &str) -> &str {
    let m = msg.trim();
    if let Some(rest) = m.strip_prefix("line ")
        && let Some((_, after)) = rest.split_once(": ")
    {
        return after.trim();
    }
    m
}

/// `, expected one of `a`, `b`` or `, expected one of a, b` → [a, b].
fn expected_list(s: &str) -> Vec<&str> {
    let s = s.trim_start_matches(',').trim();
    let s = s
        .strip_prefix("expected one of")
        .or_else(|| s.strip_prefix("expected"))
        .unwrap_or(s);
    s.split([',', ' '])
        .map(|w| w.trim().trim_matches('`'))
        .filter(|w| !w.is_empty() && *w != "or")
        .collect()
}

/// Turns serde's wording into the editor's.
fn reword(msg: &str, found: &str) -> (String, Option<String>) {
    let msg = msg.lines().next().unwrap_or(msg).trim();
    let msg = msg.split(" at line ").next().unwrap_or(msg);
    if let Some(ty) = msg.strip_prefix("invalid ") {
        let expected = match ty {
            t if t.starts_with('u') || t.starts_with('i') => Some("a whole number"),
            t if t.starts_with('f') => Some("a number"),
            _ => None,
        };
        if let Some(expected) = expected {
            return (
                format!("expected {expected}, found `{found}`"),
                Some("write digits only, without dots or spaces".into()),
            );
        }
    }
    if let Some(rest) = msg.strip_prefix("unknown field `")
        && let Some((field, expected)) = rest.split_once('`')
    {
        let known = expected_list(expected);
        let hint = match crate::diag::suggest(field, known.iter().copied()) {
            Some(s) => format!("did you mean `{s}`? Fields here: {}", known.join(", ")),
            None => format!("fields here: {}", known.join(", ")),
        };
        return (format!("unknown field `{field}`"), Some(hint));
    }
    if let Some(field) = msg
        .strip_prefix("missing field `")
        .and_then(|r| r.split('`').next())
    {
        return (
            format!("the required field `{field}` is missing"),
            Some(format!("add `{field}:` to this record")),
        );
    }
    if let Some(rest) = msg.strip_prefix("unknown variant `")
        && let Some((value, expected)) = rest.split_once('`')
    {
        let known = expected_list(expected);
        let hint = match crate::diag::suggest(value, known.iter().copied()) {
            Some(s) => format!("did you mean `{s}`? Allowed: {}", known.join(", ")),
            None => format!("allowed values: {}", known.join(", ")),
        };
        return (
            format!("`{value}` is not an allowed value here"),
            Some(hint),
        );
    }
    if msg.starts_with("invalid boolean") {
        return (
            "expected `true` or `false`".into(),
            Some("write `true` or `false`; `ja`, `nein`, `yes` and `no` are not accepted".into()),
        );
    }
    if let Some(rest) = msg.strip_prefix("invalid type: ") {
        // "invalid type: string \"zwölf\", expected u32"
        let (found, expected) = rest
            .split_once(", expected ")
            .unwrap_or((rest, "another type"));
        let expected = match expected {
            e if e.starts_with("u") || e.starts_with("i") && e.len() <= 5 => "a whole number",
            e if e.starts_with("f") && e.len() <= 3 => "a number",
            e if e.contains("sequence") => "a list (`[a, b]` or lines starting with `- `)",
            e if e.contains("string") || e.contains("str") => "a text",
            e if e.contains("bool") => "`true` or `false`",
            e if e.contains("map") || e.contains("struct") => "fields (`name: value` lines)",
            e => e,
        };
        let found = found.replace("string ", "the text ").replace('"', "`");
        return (format!("expected {expected}, found {found}"), None);
    }
    if msg.starts_with("duplicate mapping key") {
        let key = msg.rsplit(':').next().unwrap_or("").trim();
        return (
            format!("the field `{key}` is written twice"),
            Some("remove one of the two lines".into()),
        );
    }
    (
        format!("this is not valid YAML: {msg}"),
        Some("check the indentation and that text containing `: ` or starting with a special character is in quotes".into()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Rec {
        id: Sp<String>,
        anzahl: u32,
        #[serde(default)]
        aktiv: bool,
    }

    fn err(text: &str) -> Diagnostic {
        parse::<Vec<Rec>>(text, Path::new("data/x.yaml"), 0).unwrap_err()
    }

    #[test]
    fn spans_are_kept() {
        let v: Vec<Rec> = parse(
            "- id: a\n  anzahl: 1\n- id: bb\n  anzahl: 2\n",
            Path::new("x"),
            0,
        )
        .unwrap();
        let s = v[1].id.span.unwrap();
        assert_eq!((s.line, s.column), (3, 7));
    }

    #[test]
    fn wrong_type_speaks_the_editors_words() {
        let d = err("- id: a\n  anzahl: zwölf\n");
        assert_eq!(d.message, "expected a whole number, found `zwölf`");
        assert_eq!(d.span.unwrap().line, 2);
    }

    #[test]
    fn unknown_field_with_suggestion() {
        let d = err("- id: a\n  anzahll: 1\n");
        assert_eq!(d.message, "unknown field `anzahll`");
        assert!(
            d.hints[0].starts_with("did you mean `anzahl`"),
            "{:?}",
            d.hints
        );
        assert_eq!(d.span.unwrap().line, 2);
    }

    #[test]
    fn yes_is_not_a_boolean() {
        let d = err("- id: a\n  anzahl: 1\n  aktiv: ja\n");
        assert_eq!(d.message, "expected `true` or `false`");
    }

    #[test]
    fn invisible_characters_and_typographic_quotes_get_the_real_cause() {
        let d = err("- id: a\n  anzahl:\u{a0}1\n");
        assert_eq!(d.message, "a non-breaking space (U+00A0) after the colon");
        assert_eq!(d.span.unwrap().line, 2);
        let d = parse::<Vec<std::collections::BTreeMap<String, String>>>(
            "- titel: „Ankommen: leicht gemacht“\n",
            Path::new("data/x.yaml"),
            0,
        )
        .unwrap_err();
        assert!(
            d.hints.iter().any(|h| h.contains("straight double quotes")),
            "{d:?}"
        );
    }

    #[test]
    fn broken_yaml_has_a_position() {
        let d = err("- id: a\n  anzahl: [1, 2\n");
        assert!(
            d.message.starts_with("this is not valid YAML"),
            "{}",
            d.message
        );
        assert!(d.span.is_some());
    }
}
