//! Findings about text as editors paste and leave it: invisible characters
//! that break YAML, a `#` that cuts a value off, Word bullets, image paths
//! with spaces and the placeholders `konzept init` and `konzept new` write.
//!
//! Each function takes a file's whole text and returns warnings (or, for
//! YAML that does not parse, the real cause) at the exact place.

use crate::diag::{Diagnostic, Span};
use std::path::Path;

/// Characters that look like a space (or like nothing) but are not one.
fn invisible_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{a0}' => "non-breaking space",
        '\u{202f}' => "narrow non-breaking space",
        '\u{2000}'..='\u{200a}' | '\u{3000}' => "typographic space",
        '\u{200b}' => "zero-width space",
        '\u{200c}' => "zero-width non-joiner",
        '\u{200d}' => "zero-width joiner",
        '\u{2060}' => "word joiner",
        '\u{feff}' => "byte order mark",
        '\t' => "tab",
        _ => return None,
    })
}

fn at(text: &str, line_start: usize, i: usize, c: char) -> Span {
    let start = line_start + i;
    Span::from_bytes(text, start, start + c.len_utf8())
}

/// The cause of a YAML error when it is an invisible character where YAML
/// needs a plain space: in the indentation, after `key:` or after a `-`.
pub fn yaml_invisible(text: &str, file: &Path) -> Option<Diagnostic> {
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let found = structural_invisible(body);
        if let Some((i, c, place)) = found {
            let name = invisible_name(c).unwrap_or("invisible character");
            return Some(
                Diagnostic::error(
                    file,
                    format!("a {name} (U+{:04X}) {place}", c as u32),
                )
                .at(at(text, line_start, i, c))
                .label(name)
                .hint(if c == '\t' {
                    "YAML is indented with spaces only: replace the tab by spaces".to_string()
                } else {
                    format!("replace the {name} by a normal space; it often comes along when text is copied from Word or a web page")
                }),
            );
        }
        line_start += line.len();
    }
    None
}

/// (byte index in the line, character, where) of the first invisible
/// character in a structural place of a YAML line.
fn structural_invisible(line: &str) -> Option<(usize, char, &'static str)> {
    // Indentation: everything before the first visible character.
    for (i, c) in line.char_indices() {
        if c == ' ' {
            continue;
        }
        if invisible_name(c).is_some() {
            return Some((i, c, "in the indentation"));
        }
        break;
    }
    let trimmed = line.trim_start_matches(' ');
    let indent = line.len() - trimmed.len();
    if trimmed.starts_with('#') {
        return None;
    }
    // After a list dash: `-\u{a0}Eintrag`.
    if let Some(rest) = trimmed.strip_prefix('-')
        && let Some(c) = rest.chars().next()
        && c != '\t'
        && invisible_name(c).is_some()
    {
        return Some((indent + 1, c, "after the list dash `-`"));
    }
    // After `key:` of a plain key.
    let item = trimmed.strip_prefix("- ").unwrap_or(trimmed);
    let offset = line.len() - item.len();
    if item.starts_with(['"', '\'']) {
        return None;
    }
    let key_end = item.find(':')?;
    let key = &item[..key_end];
    if let Some((i, c)) = key
        .char_indices()
        .find(|(_, c)| invisible_name(*c).is_some())
    {
        return Some((offset + i, c, "in the field name"));
    }
    let after = &item[key_end + 1..];
    let c = after.chars().next()?;
    (invisible_name(c).is_some()).then_some((offset + key_end + 1, c, "after the colon"))
}

/// Hints for a YAML line whose value starts with typographic quotes: YAML
/// reads „…“ as text, so a `: ` inside breaks the line.
pub fn typographic_quote_hint(line: &str) -> Option<String> {
    let item = line.trim_start().trim_start_matches("- ");
    let (key, value) = item.split_once(':')?;
    let value = value.trim();
    value
        .starts_with(['„', '“', '”', '«', '»', '‚', '‘', '’'])
        .then(|| {
            format!(
                "typographic quotes „…“ are text to YAML, not quotes: put straight double quotes around the whole value, e.g. `{}: \"{}\"`",
                key.trim(),
                value.replace('"', "\\\"")
            )
        })
}

/// A ` #` in an unquoted YAML value starts a comment; when a word follows
/// directly (`Elternbriefe #Kita für alle`), the editor meant it as text.
pub fn yaml_comment_cuts(text: &str, file: &Path) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let item = trimmed.strip_prefix("- ").unwrap_or(trimmed);
        if !item.starts_with('#')
            && let Some((key, value)) = item.split_once(": ")
            && !key.contains(' ')
        {
            let v = value.trim_start();
            if !v.starts_with(['"', '\'', '|', '>', '[', '{'])
                && let Some(pos) = v.find(" #")
                && v[pos + 2..].starts_with(|c: char| c.is_alphanumeric())
            {
                let lost = v[pos + 1..].trim_end();
                let start = line_start + (line.len() - v.len()) + pos + 1;
                out.push(
                    Diagnostic::warning(
                        file,
                        format!("`{lost}` is read as a YAML comment and left out of the text"),
                    )
                    .at(Span::from_bytes(text, start, start + lost.len()))
                    .label("left out")
                    .hint(format!(
                        "put the whole value in double quotes: `{}: \"{}\"`",
                        key.trim(),
                        v.trim_end().replace('"', "\\\"")
                    )),
                );
            }
        }
        line_start += line.len();
    }
    out
}

/// Bullets pasted from Word (`•`, `▪`, `·`, Symbol's U+F0B7) at the start of
/// a Markdown line: they make one paragraph instead of a list.
pub fn word_bullets(text: &str, file: &Path) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut line_start = 0;
    let mut fence = false;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            fence = !fence;
        }
        if !fence
            && let Some(c) = t
                .chars()
                .next()
                .filter(|c| "•▪▫◦‣·\u{f0b7}\u{2043}".contains(*c))
        {
            let i = line.len() - t.len();
            out.push(
                Diagnostic::warning(file, format!("a bullet `{c}` pasted from a word processor"))
                    .at(at(text, line_start, i, c))
                    .label("not a Markdown list")
                    .hint(format!(
                        "start list items with `- ` instead of `{c}`, one per line, with an empty line before the list"
                    )),
            );
        }
        line_start += line.len();
    }
    out
}

/// `![Alt](bilder/Straßenfest Juni.png)`: a space in an image path makes the
/// image literal text.
pub fn image_paths_with_spaces(text: &str, file: &Path) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = text[from..].find("![") {
        let start = from + found;
        from = start + 2;
        let Some(close) = text[from..].find("](").map(|i| from + i) else {
            break;
        };
        if text[from..close].contains('\n') {
            continue;
        }
        let dest_start = close + 2;
        let Some(end) = text[dest_start..].find(')').map(|i| dest_start + i) else {
            continue;
        };
        let dest = &text[dest_start..end];
        if dest.starts_with('<') || dest.contains('\n') {
            continue;
        }
        let mut parts = dest.trim().splitn(2, char::is_whitespace);
        let path = parts.next().unwrap_or("");
        let rest = parts.next().unwrap_or("").trim_start();
        if !rest.is_empty() && !rest.starts_with(['"', '\'', '(']) {
            out.push(
                Diagnostic::warning(file, "this image is not shown: its path contains a space")
                    .at(Span::from_bytes(text, dest_start, end))
                    .label("path with a space")
                    .hint(format!(
                        "write the path in angle brackets, `(<{}>)`, or rename the file without spaces",
                        dest.trim()
                    ))
                    .hint(format!("the path is read as `{path}`")),
            );
        }
        from = end;
    }
    out
}

/// Placeholders left from the templates (`sentences`, see
/// [`crate::starter::placeholders`]), once per line.
pub fn placeholders(text: &str, file: &Path, sentences: &[&str]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        if let Some(i) = sentences.iter().filter_map(|s| line.find(s)).min() {
            let shown: String = line[i..]
                .trim_end()
                .trim_end_matches('"')
                .chars()
                .take(60)
                .collect();
            out.push(
                Diagnostic::warning(file, format!("a placeholder is still here: `{shown}`"))
                    .at(Span::from_bytes(
                        text,
                        line_start + i,
                        line_start + line.trim_end().len(),
                    ))
                    .label("placeholder")
                    .hint("replace it by the real text; the site and the PDFs would print it as it is"),
            );
        }
        line_start += line.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f() -> &'static Path {
        Path::new("data/x.yaml")
    }

    #[test]
    fn invisible_characters_are_named_at_their_place() {
        let d = yaml_invisible("- id: a\n  titel:\u{a0}Sprachcafé\n", f()).unwrap();
        assert_eq!(d.message, "a non-breaking space (U+00A0) after the colon");
        let s = d.span.unwrap();
        assert_eq!((s.line, s.column), (2, 9));
        let d = yaml_invisible("- id: a\n\u{a0} titel: x\n", f()).unwrap();
        assert_eq!(
            d.message,
            "a non-breaking space (U+00A0) in the indentation"
        );
        assert_eq!(d.span.unwrap().line, 2);
        let d = yaml_invisible("- id: a\n\ttitel: x\n", f()).unwrap();
        assert_eq!(d.message, "a tab (U+0009) in the indentation");
        assert_eq!((d.span.unwrap().line, d.span.unwrap().column), (2, 1));
        let d = yaml_invisible("- id: a\n  tit\u{200b}el: x\n", f()).unwrap();
        assert_eq!(d.message, "a zero-width space (U+200B) in the field name");
        assert!(yaml_invisible("- id: a\n  titel: 17.\u{a0}März\n", f()).is_none());
    }

    #[test]
    fn typographic_quotes_get_the_fix() {
        let h = typographic_quote_hint("titel: „Ankommen: leicht gemacht“").unwrap();
        assert!(h.contains("`titel: \"„Ankommen: leicht gemacht“\"`"), "{h}");
        assert!(typographic_quote_hint("titel: Ankommen").is_none());
    }

    #[test]
    fn a_hash_that_cuts_a_value_is_a_warning() {
        let w = yaml_comment_cuts(
            "- titel: Elternbriefe #Kita für alle\n  status: laufend # seit März\n",
            f(),
        );
        assert_eq!(w.len(), 1);
        assert_eq!(
            w[0].message,
            "`#Kita für alle` is read as a YAML comment and left out of the text"
        );
        let s = w[0].span.unwrap();
        assert_eq!((s.line, s.column), (1, 23));
        assert!(w[0].hints[0].contains("`titel: \"Elternbriefe #Kita für alle\"`"));
        assert!(yaml_comment_cuts("titel: \"A #b\"\n", f()).is_empty());
    }

    #[test]
    fn word_bullets_and_image_paths_with_spaces() {
        let md = Path::new("content/a.md");
        let w = word_bullets("Text\n\n• eins\n• zwei\n\n```\n• im Code\n```\n", md);
        assert_eq!(w.len(), 2);
        assert_eq!(w[0].span.unwrap().line, 3);
        let w = image_paths_with_spaces(
            "![Fest](bilder/Straßenfest Juni.png)\n![Ok](bilder/a.png \"Titel\")\n![Ok](<b c.png>)\n",
            md,
        );
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].span.unwrap().line, 1);
        assert!(w[0].hints[0].contains("(<bilder/Straßenfest Juni.png>)"));
    }

    #[test]
    fn placeholders_of_the_templates_are_found() {
        let sentences = crate::starter::placeholders();
        assert!(sentences.contains(&"Bitte die Quelle der Einwohnerzahl eintragen"));
        assert!(
            sentences
                .iter()
                .any(|s| s.starts_with("Ersetzen Sie diesen Text"))
        );
        let w = placeholders(
            "quelle: Bitte die Quelle der Einwohnerzahl eintragen\nBitte beschreiben Sie das Problem.\n",
            f(),
            &sentences,
        );
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(w[0].span.unwrap().line, 1);
    }
}
