//! YAML text → typed records with serde-saphyr, errors reworded for editors.
//!
//! Options: strict booleans (`ja`/`no` are not booleans), duplicate keys are
//! errors, and a budget against alias bombs. [`Sp`] keeps a value's position
//! so that later checks (dangling references, duplicate ids) can point at it.

use crate::diag::{Diagnostic, Span};
use crate::i18n::Msg;
use crate::msg;
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
fn reword(msg: &str, found: &str) -> (Msg, Option<Msg>) {
    let msg = msg.lines().next().unwrap_or(msg).trim();
    let msg = msg.split(" at line ").next().unwrap_or(msg);
    if let Some(ty) = msg.strip_prefix("invalid ") {
        let expected = match ty {
            t if t.starts_with('u') || t.starts_with('i') => Some("integer"),
            t if t.starts_with('f') => Some("number"),
            _ => None,
        };
        if let Some(expected) = expected {
            return (
                msg!("yaml-expected-found", expected = expected, found = found),
                Some(msg!("hint-digits-only")),
            );
        }
    }
    if let Some(rest) = msg.strip_prefix("unknown field `")
        && let Some((field, expected)) = rest.split_once('`')
    {
        let known = expected_list(expected);
        let fields = known.join(", ");
        let hint = match crate::diag::suggest(field, known.iter().copied()) {
            Some(s) => msg!("hint-field-did-you-mean", name = s, fields = fields),
            None => msg!("hint-fields-here", fields = fields),
        };
        return (msg!("yaml-unknown-field", field = field), Some(hint));
    }
    if let Some(field) = msg
        .strip_prefix("missing field `")
        .and_then(|r| r.split('`').next())
    {
        return (
            msg!("yaml-missing-field", field = field),
            Some(msg!("hint-add-field", field = field)),
        );
    }
    if let Some(rest) = msg.strip_prefix("unknown variant `")
        && let Some((value, expected)) = rest.split_once('`')
    {
        let known = expected_list(expected);
        let allowed = known.join(", ");
        let hint = match crate::diag::suggest(value, known.iter().copied()) {
            Some(s) => msg!("hint-value-did-you-mean", name = s, allowed = allowed),
            None => msg!("hint-allowed-values", allowed = allowed),
        };
        return (msg!("yaml-value-not-allowed", value = value), Some(hint));
    }
    if msg.starts_with("invalid boolean") {
        return (msg!("yaml-expected-boolean"), Some(msg!("hint-boolean")));
    }
    if let Some(rest) = msg.strip_prefix("invalid type: ") {
        // "invalid type: string \"zwölf\", expected u32"
        let (found, expected) = rest
            .split_once(", expected ")
            .unwrap_or((rest, "another type"));
        let expected = match expected {
            e if e.starts_with("u") || e.starts_with("i") && e.len() <= 5 => "integer",
            e if e.starts_with("f") && e.len() <= 3 => "number",
            e if e.contains("sequence") => "list",
            e if e.contains("string") || e.contains("str") => "text",
            e if e.contains("bool") => "boolean",
            e if e.contains("map") || e.contains("struct") => "fields",
            _ => "other",
        };
        // "string \"zwölf\"" names the text; "a sequence" and the like only a kind.
        let message = match found.strip_prefix("string ") {
            Some(text) => msg!(
                "yaml-expected-found",
                expected = expected,
                found = text.trim_matches('"')
            ),
            None => msg!("yaml-expected-kind", expected = expected, kind = found),
        };
        return (message, None);
    }
    if msg.starts_with("duplicate mapping key") {
        let key = msg.rsplit(':').next().unwrap_or("").trim();
        return (
            msg!("yaml-duplicate-key", field = key),
            Some(msg!("hint-remove-one-line")),
        );
    }
    (
        msg!("yaml-invalid", detail = msg),
        Some(msg!("hint-yaml-invalid")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
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
        assert_eq!(
            d.message.render(Lang::De),
            "Erwartet wird eine ganze Zahl, gefunden wurde „zwölf“"
        );
        assert_eq!(
            d.message.render(Lang::En),
            "expected a whole number, found `zwölf`"
        );
        assert_eq!(d.span.unwrap().line, 2);
    }

    #[test]
    fn unknown_field_with_suggestion() {
        let d = err("- id: a\n  anzahll: 1\n");
        assert_eq!(d.message.render(Lang::De), "Unbekanntes Feld „anzahll“");
        assert_eq!(
            d.hints[0].render(Lang::De),
            "Meinten Sie „anzahl“? Felder hier: id, anzahl, aktiv"
        );
        assert_eq!(d.span.unwrap().line, 2);
    }

    #[test]
    fn yes_is_not_a_boolean() {
        let d = err("- id: a\n  anzahl: 1\n  aktiv: ja\n");
        assert_eq!(
            d.message.render(Lang::De),
            "Erwartet wird „true“ (ja) oder „false“ (nein)"
        );
    }

    #[test]
    fn invisible_characters_and_typographic_quotes_get_the_real_cause() {
        let d = err("- id: a\n  anzahl:\u{a0}1\n");
        assert_eq!(d.message.id(), "invisible-char");
        assert_eq!(d.span.unwrap().line, 2);
        let d = parse::<Vec<std::collections::BTreeMap<String, String>>>(
            "- titel: „Ankommen: leicht gemacht“\n",
            Path::new("data/x.yaml"),
            0,
        )
        .unwrap_err();
        assert!(
            d.hints.iter().any(|h| h.id() == "hint-typographic-quotes"),
            "{d:?}"
        );
    }

    #[test]
    fn broken_yaml_has_a_position() {
        let d = err("- id: a\n  anzahl: [1, 2\n");
        assert_eq!(d.message.id(), "yaml-invalid", "{}", d.message);
        assert!(d.span.is_some());
    }
}
