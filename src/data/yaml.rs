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

thread_local! {
    /// Lines before the text being parsed, added to every [`Sp`]'s line
    /// (front matter below `---`, one record of a list parsed on its own).
    static LINE_OFFSET: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

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
            line: loc.line() as usize + LINE_OFFSET.with(std::cell::Cell::get),
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

/// The parser's options for a text of `len` bytes. The budget against
/// alias bombs grows with the text: a node or event needs at least one
/// byte of text unless an alias repeats it (those have their own limits),
/// so a long list of measures is no longer "too large".
fn options(len: usize) -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_nodes = budget.max_nodes.max(len.saturating_mul(2));
    budget.max_events = budget.max_events.max(len.saturating_mul(4));
    serde_saphyr::options! {
        strict_booleans: true,
        duplicate_keys: serde_saphyr::DuplicateKeyPolicy::Error,
        with_snippet: false,
        budget: Some(budget),
    }
}

/// Parses `text` (the contents of `file`, relative to the project root).
/// `line_offset` is added to every line (front matter starts below `---`).
pub fn parse<T: DeserializeOwned>(
    text: &str,
    file: &Path,
    line_offset: usize,
) -> Result<T, Diagnostic> {
    parse_raw(text, line_offset).map_err(|e| diagnostic(&e, text, file, line_offset))
}

/// Parses with every [`Sp`] shifted by `line_offset` lines.
fn parse_raw<T: DeserializeOwned>(
    text: &str,
    line_offset: usize,
) -> Result<T, serde_saphyr::Error> {
    let before = LINE_OFFSET.with(|o| o.replace(line_offset));
    let out = serde_saphyr::from_str_with_options(text, options(text.len()));
    LINE_OFFSET.with(|o| o.set(before));
    out
}

fn diagnostic(e: &serde_saphyr::Error, text: &str, file: &Path, line_offset: usize) -> Diagnostic {
    // An invisible character where YAML needs a space is the real cause;
    // the parser's message would point near it in its own words.
    let mut d =
        crate::lint::yaml_invisible(text, file).unwrap_or_else(|| to_diagnostic(e, text, file));
    if let Some(s) = &mut d.span {
        s.line += line_offset;
    }
    d
}

/// A list of records read one by one: one bad value costs only its record.
#[derive(Debug)]
pub struct Records<T> {
    pub items: Vec<T>,
    /// One error per record that could not be read.
    pub errors: Vec<Diagnostic>,
    /// What could be read of each failed record, for suppressing
    /// follow-up findings about it.
    pub failed: Vec<Failed>,
    /// The file could not be split into records: nothing of it is known.
    pub lost: bool,
}

/// What is known of a record that did not load: its top-level fields'
/// scalar values (a list gives one value per entry), or `None` when not even
/// that could be read (then it may have any id).
#[derive(Debug, Clone, Default)]
pub struct Failed {
    pub fields: Option<std::collections::BTreeMap<String, Vec<String>>>,
}

impl Failed {
    /// Whether this record may have `value` in `field`.
    pub fn may_have(&self, field: &str, value: &str) -> bool {
        self.fields
            .as_ref()
            .is_none_or(|f| f.get(field).is_some_and(|v| v.iter().any(|x| x == value)))
    }
}

/// Parses a YAML list of records (`- id: …` entries at the start of the
/// line) one record at a time when the whole list does not load, so the
/// others stay usable and every bad record is reported, not just the first.
pub fn parse_records<T: DeserializeOwned>(text: &str, file: &Path) -> Records<T> {
    let whole = match parse_raw::<Vec<T>>(text, 0) {
        Ok(items) => {
            return Records {
                items,
                errors: Vec::new(),
                failed: Vec::new(),
                lost: false,
            };
        }
        Err(e) => e,
    };
    let lost = |e: &serde_saphyr::Error| Records {
        items: Vec::new(),
        errors: vec![diagnostic(e, text, file, 0)],
        failed: Vec::new(),
        lost: true,
    };
    let chunks = item_chunks(text);
    if chunks.len() < 2 {
        return lost(&whole);
    }
    let mut out = Records {
        items: Vec::new(),
        errors: Vec::new(),
        failed: Vec::new(),
        lost: false,
    };
    for (line, range) in chunks {
        let chunk = &text[range];
        match parse_raw::<Vec<T>>(chunk, line) {
            Ok(items) => out.items.extend(items),
            // An alias to an anchor in another record: the records cannot
            // be read apart, so the file's first error is all there is.
            Err(serde_saphyr::Error::UnknownAnchor { .. }) => return lost(&whole),
            Err(e) => {
                out.errors.push(diagnostic(&e, chunk, file, line));
                out.failed.push(Failed {
                    fields: loose_fields(chunk),
                });
            }
        }
    }
    if out.errors.is_empty() {
        // Each record loads alone but not together (e.g. a duplicate
        // anchor); report the whole file's error.
        return lost(&whole);
    }
    out
}

/// The top-level scalar fields of a one-record list, read without types.
fn loose_fields(chunk: &str) -> Option<std::collections::BTreeMap<String, Vec<String>>> {
    use serde_json::Value;
    let scalar = |v: &Value| match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    };
    let mut items: Vec<std::collections::BTreeMap<String, Value>> =
        serde_saphyr::from_str(chunk).ok()?;
    let item = items.pop()?;
    Some(
        item.into_iter()
            .map(|(k, v)| {
                let values = match &v {
                    Value::Array(a) => a.iter().filter_map(scalar).collect(),
                    v => scalar(v).into_iter().collect(),
                };
                (k, values)
            })
            .collect(),
    )
}

/// The records of a block list: (lines before, byte range) of every entry
/// that starts with `-` at the start of a line. Text before the first
/// entry (comments) belongs to none.
fn item_chunks(text: &str) -> Vec<(usize, std::ops::Range<usize>)> {
    top_level_chunks(text, |line| {
        line.strip_prefix('-')
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\n', '\r']))
    })
}

/// The fields of a block mapping: (lines before, byte range) of every
/// `key:` that starts at the start of a line.
fn field_chunks(text: &str) -> Vec<(usize, std::ops::Range<usize>)> {
    top_level_chunks(text, |line| {
        !line.starts_with([' ', '\t', '#', '-', '\n', '\r', '.']) && !line.is_empty()
    })
}

fn top_level_chunks(
    text: &str,
    starts: impl Fn(&str) -> bool,
) -> Vec<(usize, std::ops::Range<usize>)> {
    let mut out: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
    let mut offset = 0;
    for (n, line) in text.split_inclusive('\n').enumerate() {
        if starts(line) {
            if let Some(last) = out.last_mut() {
                last.1.end = offset;
            }
            out.push((n, offset..text.len()));
        }
        offset += line.len();
    }
    out
}

/// Parses a mapping (a municipality's file, a chapter's front matter) and
/// reports every bad top-level field, not only the first. The value comes
/// back without the bad fields when the rest still forms one (the missing
/// fields' errors are the bad fields' errors then).
pub fn parse_fields<T: DeserializeOwned>(text: &str, file: &Path, line_offset: usize) -> Fields<T> {
    let whole = match parse_raw::<T>(text, line_offset) {
        Ok(v) => {
            return Fields {
                value: Some(v),
                errors: Vec::new(),
                dropped: Vec::new(),
            };
        }
        Err(e) => e,
    };
    let whole_error = || Fields {
        value: None,
        errors: vec![diagnostic(&whole, text, file, line_offset)],
        dropped: Vec::new(),
    };
    // Only errors about missing fields: no single field is to blame.
    if matches!(
        whole.without_snippet(),
        serde_saphyr::Error::SerdeMissingField { .. }
    ) {
        return whole_error();
    }
    let chunks = field_chunks(text);
    let mut errors = Vec::new();
    let mut kept = String::with_capacity(text.len());
    let mut dropped = Vec::new();
    let mut end = 0;
    for (line, range) in &chunks {
        kept.push_str(&text[end..range.start]);
        end = range.end;
        let chunk = &text[range.clone()];
        match parse_raw::<T>(chunk, line + line_offset) {
            Err(e)
                if !matches!(
                    e.without_snippet(),
                    serde_saphyr::Error::SerdeMissingField { .. }
                ) =>
            {
                errors.push(diagnostic(&e, chunk, file, line + line_offset));
                dropped.push(chunk.split(':').next().unwrap_or("").trim().to_string());
                // Blank lines keep the line numbers of the fields after it.
                kept.extend(std::iter::repeat_n('\n', chunk.matches('\n').count()));
            }
            _ => kept.push_str(chunk),
        }
    }
    kept.push_str(&text[end..]);
    if errors.is_empty() {
        return whole_error();
    }
    if kept.trim().is_empty() {
        return Fields {
            value: None,
            errors,
            dropped,
        };
    }
    let value = match parse_raw::<T>(&kept, line_offset) {
        Ok(v) => Some(v),
        Err(e) => {
            let blamed = matches!(e.without_snippet(),
                serde_saphyr::Error::SerdeMissingField { field, .. } if dropped.iter().any(|d| d == field));
            let d = diagnostic(&e, &kept, file, line_offset);
            if !blamed
                && !errors
                    .iter()
                    .any(|x| x.message == d.message && x.span == d.span)
            {
                errors.push(d);
            }
            None
        }
    };
    Fields {
        value,
        errors,
        dropped,
    }
}

/// A mapping read field by field (see [`parse_fields`]).
#[derive(Debug)]
pub struct Fields<T> {
    /// The value without the bad fields, if it forms one.
    pub value: Option<T>,
    pub errors: Vec<Diagnostic>,
    /// The top-level keys left out for their errors.
    pub dropped: Vec<String>,
}

/// An editor's diagnostic from serde-saphyr's structured error: the
/// variant says what went wrong, its location where.
fn to_diagnostic(e: &serde_saphyr::Error, text: &str, file: &Path) -> Diagnostic {
    let e = e.without_snippet();
    let span = e.location().filter(|l| l.line() > 0).map(|l| {
        let line = l.line() as usize;
        let column = l.column() as usize;
        let len = match l.span().len() as usize {
            0 => token_len(text, line, column),
            n => n,
        };
        Span { line, column, len }
    });
    let found = span
        .map(|s| found_text(text, s.line, s.column))
        .unwrap_or_default();
    let (message, mut hint) = reword(e, &found);
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

/// Length of the token at (line, column): up to the next comma, bracket or comment.
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

/// What a Rust type name means to an editor: the catalogue's `$expected` key.
fn expected_words(ty: &str) -> &'static str {
    match ty {
        t if t.starts_with('u') || t.starts_with('i') && t.len() <= 5 => "integer",
        t if t.starts_with('f') && t.len() <= 3 => "number",
        t if t.contains("sequence") => "list",
        t if t.contains("string") || t.contains("str") => "text",
        t if t.contains("bool") => "boolean",
        t if t.contains("map") || t.contains("struct") => "fields",
        _ => "other",
    }
}

/// Turns the parser's error into the editor's words, by its variant.
fn reword(e: &serde_saphyr::Error, found: &str) -> (Msg, Option<Msg>) {
    use serde_saphyr::Error as E;
    match e {
        E::InvalidScalar { ty, .. } if matches!(expected_words(ty), "integer" | "number") => (
            msg!(
                "yaml-expected-found",
                expected = expected_words(ty),
                found = found
            ),
            Some(msg!("hint-digits-only")),
        ),
        E::SerdeUnknownField {
            field, expected, ..
        } => {
            let fields = expected.join(", ");
            let hint = match crate::diag::suggest(field, expected.iter().copied()) {
                Some(s) => msg!("hint-field-did-you-mean", name = s, fields = fields),
                None => msg!("hint-fields-here", fields = fields),
            };
            (
                msg!("yaml-unknown-field", field = field.as_str()),
                Some(hint),
            )
        }
        E::SerdeMissingField { field, .. } => (
            msg!("yaml-missing-field", field = *field),
            Some(msg!("hint-add-field", field = *field)),
        ),
        E::SerdeUnknownVariant {
            variant, expected, ..
        } => {
            let allowed = expected.join(", ");
            let hint = match crate::diag::suggest(variant, expected.iter().copied()) {
                Some(s) => msg!("hint-value-did-you-mean", name = s, allowed = allowed),
                None => msg!("hint-allowed-values", allowed = allowed),
            };
            (
                msg!("yaml-value-not-allowed", value = variant.as_str()),
                Some(hint),
            )
        }
        E::InvalidBooleanStrict { .. } => {
            (msg!("yaml-expected-boolean"), Some(msg!("hint-boolean")))
        }
        E::SerdeInvalidType {
            unexpected,
            expected,
            ..
        }
        | E::SerdeInvalidValue {
            unexpected,
            expected,
            ..
        } => {
            let expected = expected_words(expected);
            // "string \"zwölf\"" names the text; "a sequence" and the like only a kind.
            let message = match unexpected.strip_prefix("string ") {
                Some(text) => msg!(
                    "yaml-expected-found",
                    expected = expected,
                    found = text.trim_matches('"')
                ),
                None => msg!(
                    "yaml-expected-kind",
                    expected = expected,
                    kind = unexpected.as_str()
                ),
            };
            (message, None)
        }
        E::NullIntoString { .. } => (msg!("yaml-null-text"), Some(msg!("hint-null-text"))),
        E::DuplicateMappingKey { key, .. } => (
            msg!(
                "yaml-duplicate-key",
                field = key.as_deref().unwrap_or(found)
            ),
            Some(msg!("hint-remove-one-line")),
        ),
        E::Budget { .. } => (msg!("yaml-budget"), Some(msg!("hint-yaml-budget"))),
        E::AliasError { error, .. } => reword(error, found),
        other => {
            let detail = match other {
                E::Message { msg, .. } | E::ExternalMessage { msg, .. } => msg.clone(),
                _ => other.to_string(),
            };
            let detail = detail.lines().next().unwrap_or("").trim();
            // The position is shown separately.
            let detail = detail.split(" at line ").next().unwrap_or(detail);
            (
                msg!("yaml-invalid", detail = detail),
                Some(msg!("hint-yaml-invalid")),
            )
        }
    }
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
