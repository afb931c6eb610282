//! Findings about text as editors paste and leave it: invisible characters
//! that break YAML, a `#` that cuts a value off, Word bullets, image paths
//! with spaces and the placeholders `konzept init` and `konzept new` write.
//!
//! Each function takes a file's whole text and returns warnings (or, for
//! YAML that does not parse, the real cause) at the exact place.

use crate::diag::{Diagnostic, Span};
use crate::msg;
use std::path::Path;

/// Characters that look like a space (or like nothing) but are not one:
/// the key the catalogue names them by (`invisible-char`, `invisible-label`).
fn invisible_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{a0}' => "nbsp",
        '\u{202f}' => "narrow-nbsp",
        '\u{2000}'..='\u{200a}' | '\u{3000}' => "typographic-space",
        '\u{200b}' => "zwsp",
        '\u{200c}' => "zwnj",
        '\u{200d}' => "zwj",
        '\u{2060}' => "word-joiner",
        '\u{feff}' => "bom",
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
            let name = invisible_name(c).unwrap_or("other");
            return Some(
                Diagnostic::error(
                    file,
                    msg!(
                        "invisible-char",
                        kind = name,
                        code = format!("{:04X}", c as u32),
                        place = place
                    ),
                )
                .at(at(text, line_start, i, c))
                .label(msg!("invisible-label", kind = name))
                .hint(if c == '\t' {
                    msg!("hint-tab-in-yaml")
                } else {
                    msg!("hint-invisible-replace")
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
            return Some((i, c, "indent"));
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
        return Some((indent + 1, c, "dash"));
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
        return Some((offset + i, c, "key"));
    }
    let after = &item[key_end + 1..];
    let c = after.chars().next()?;
    (invisible_name(c).is_some()).then_some((offset + key_end + 1, c, "colon"))
}

/// Hints for a YAML line whose value starts with typographic quotes: YAML
/// reads „…“ as text, so a `: ` inside breaks the line.
pub fn typographic_quote_hint(line: &str) -> Option<crate::i18n::Msg> {
    let item = line.trim_start().trim_start_matches("- ");
    let (key, value) = item.split_once(':')?;
    let value = value.trim();
    value
        .starts_with(['„', '“', '”', '«', '»', '‚', '‘', '’'])
        .then(|| {
            msg!(
                "hint-typographic-quotes",
                example = format!("{}: \"{}\"", key.trim(), value.replace('"', "\\\""))
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
                    Diagnostic::warning(file, msg!("yaml-comment-cuts", lost = lost))
                        .at(Span::from_bytes(text, start, start + lost.len()))
                        .label(msg!("label-left-out"))
                        .hint(msg!(
                            "hint-quote-whole-value",
                            example = format!(
                                "{}: \"{}\"",
                                key.trim(),
                                v.trim_end().replace('"', "\\\"")
                            )
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
                Diagnostic::warning(file, msg!("word-bullet", bullet = c))
                    .at(at(text, line_start, i, c))
                    .label(msg!("label-not-a-list"))
                    .hint(msg!("hint-word-bullet", bullet = c)),
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
                Diagnostic::warning(file, msg!("image-path-space"))
                    .at(Span::from_bytes(text, dest_start, end))
                    .label(msg!("label-path-space"))
                    .hint(msg!("hint-path-space", path = dest.trim()))
                    .hint(msg!("hint-path-read-as", path = path)),
            );
        }
        from = end;
    }
    out
}

/// The placeholder sentences the templates leave ([`crate::starter::placeholders`]),
/// searched for all at once.
pub struct Placeholders(aho_corasick::AhoCorasick);

impl Placeholders {
    pub fn new(sentences: &[&str]) -> Placeholders {
        Placeholders(
            aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostFirst)
                .build(sentences)
                .expect("the templates' sentences are a small pattern set"),
        )
    }
}

/// Placeholders left from the templates in `text`, once per line, at the
/// first one on the line.
pub fn placeholders(text: &str, file: &Path, sentences: &Placeholders) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut last_line = None;
    for m in sentences.0.find_iter(text) {
        let i = m.start();
        let line_start = text[..i].rfind('\n').map_or(0, |n| n + 1);
        if last_line == Some(line_start) {
            continue;
        }
        last_line = Some(line_start);
        let line_end = text[i..].find('\n').map_or(text.len(), |n| i + n);
        let line = text[line_start..line_end].trim_end();
        let shown: String = text[i..line_start + line.len()]
            .trim_end_matches('"')
            .chars()
            .take(60)
            .collect();
        out.push(
            Diagnostic::warning(file, msg!("placeholder-left", text = shown))
                .at(Span::from_bytes(text, i, line_start + line.len()))
                .label(msg!("label-placeholder"))
                .hint(msg!("hint-placeholder")),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn f() -> &'static Path {
        Path::new("data/x.yaml")
    }

    #[test]
    fn invisible_characters_are_named_at_their_place() {
        let d = yaml_invisible("- id: a\n  titel:\u{a0}Sprachcafé\n", f()).unwrap();
        assert_eq!(
            d.message.render(Lang::De),
            "Ein geschütztes Leerzeichen (U+00A0) nach dem Doppelpunkt"
        );
        assert_eq!(
            d.message.render(Lang::En),
            "a non-breaking space (U+00A0) after the colon"
        );
        let s = d.span.unwrap();
        assert_eq!((s.line, s.column), (2, 9));
        let d = yaml_invisible("- id: a\n\u{a0} titel: x\n", f()).unwrap();
        assert_eq!(
            d.message.render(Lang::De),
            "Ein geschütztes Leerzeichen (U+00A0) in der Einrückung"
        );
        assert_eq!(d.span.unwrap().line, 2);
        let d = yaml_invisible("- id: a\n\ttitel: x\n", f()).unwrap();
        assert_eq!(
            d.message.render(Lang::De),
            "Ein Tabulator (U+0009) in der Einrückung"
        );
        assert_eq!((d.span.unwrap().line, d.span.unwrap().column), (2, 1));
        let d = yaml_invisible("- id: a\n  tit\u{200b}el: x\n", f()).unwrap();
        assert_eq!(
            d.message.render(Lang::De),
            "Ein Leerzeichen ohne Breite (U+200B) im Feldnamen"
        );
        assert!(yaml_invisible("- id: a\n  titel: 17.\u{a0}März\n", f()).is_none());
    }

    #[test]
    fn typographic_quotes_get_the_fix() {
        let h = typographic_quote_hint("titel: „Ankommen: leicht gemacht“").unwrap();
        let h = h.render(Lang::De);
        assert!(h.contains("„titel: \"„Ankommen: leicht gemacht“\"“"), "{h}");
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
            w[0].message.render(Lang::De),
            "„#Kita für alle“ gilt in YAML als Kommentar und fehlt im Text"
        );
        let s = w[0].span.unwrap();
        assert_eq!((s.line, s.column), (1, 23));
        assert!(
            w[0].hints[0]
                .render(Lang::En)
                .contains("`titel: \"Elternbriefe #Kita für alle\"`")
        );
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
        assert!(
            w[0].hints[0]
                .to_string()
                .contains("(<bilder/Straßenfest Juni.png>)")
        );
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
            "quelle: Bitte die Quelle der Einwohnerzahl eintragen\nBitte beschreiben Sie das Problem.\n\
             a: Bitte die Quelle der Einwohnerzahl eintragen, Bitte die Quelle der Einwohnerzahl eintragen\n",
            f(),
            &Placeholders::new(&sentences),
        );
        assert_eq!(w.len(), 2, "once per line: {w:?}");
        assert_eq!(w[0].span.unwrap().line, 1);
        assert_eq!(w[0].span.unwrap().column, 9);
        assert_eq!(w[1].span.unwrap().line, 3);
        assert_eq!(w[1].span.unwrap().column, 4);
    }
}
