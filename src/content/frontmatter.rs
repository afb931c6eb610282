//! Splits a chapter into its YAML front matter and Markdown body.

use crate::data::yaml::{self, Sp};
use crate::diag::{Diagnostic, Span};
use crate::msg;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// What kind of page a Markdown file is; special pages are linked from the footer.
#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    #[default]
    Chapter,
    Imprint,
    Accessibility,
    EasyLanguage,
}

/// The fields editors write between the `---` lines.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: String,
    #[serde(default)]
    pub short_title: Option<String>,
    #[serde(default)]
    pub order: Option<i64>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub handlungsfeld: Option<Sp<String>>,
    #[serde(default)]
    pub kind: Kind,
    #[serde(default)]
    pub description: Option<String>,
}

/// A chapter's front matter, split off its body.
#[derive(Debug)]
pub struct Split {
    pub fm: FrontMatter,
    /// The byte offset where the body starts.
    pub body_start: usize,
    /// Problems of fields that were left out.
    pub problems: Vec<Diagnostic>,
    /// The keys left out, as written.
    pub dropped: Vec<String>,
}

/// The parsed front matter and the byte offset where the body starts, with
/// every problem of the front matter (not only the first). When the fields
/// that are fine still form a front matter, it comes back with the problems.
pub fn split(text: &str, file: &Path) -> Result<Split, Vec<Diagnostic>> {
    let first_len = text.find('\n').map_or(text.len(), |i| i + 1);
    // A byte order mark before the first `---` is accepted.
    if text[..first_len].trim_start_matches('\u{feff}').trim_end() != "---" {
        return Err(vec![
            Diagnostic::error(file, msg!("frontmatter-missing"))
                .at(Span {
                    line: 1,
                    column: 1,
                    len: 1,
                })
                .hint(msg!("hint-frontmatter-missing")),
        ]);
    }
    let mut offset = first_len;
    for line in text[first_len..].split_inclusive('\n') {
        if line.trim_end() == "---" {
            let yaml_text = &text[first_len..offset];
            let fields = yaml::parse_fields::<FrontMatter>(yaml_text, file, 1);
            return match fields.value {
                Some(fm) => Ok(Split {
                    fm,
                    body_start: offset + line.len(),
                    problems: fields.errors,
                    dropped: fields.dropped,
                }),
                None => Err(fields.errors),
            };
        }
        offset += line.len();
    }
    Err(vec![
        Diagnostic::error(file, msg!("frontmatter-not-closed"))
            .at(Span {
                line: 1,
                column: 1,
                len: 3,
            })
            .label(msg!("label-opened-here"))
            .hint(msg!("hint-frontmatter-not-closed")),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_counts_lines_in_the_whole_file() {
        let text = "---\ntitle: Einleitung\nsummary: Kurz.\n---\n\n## A\n";
        let s = split(text, Path::new("c.md")).unwrap();
        assert_eq!(s.fm.title, "Einleitung");
        assert_eq!(&text[s.body_start..], "\n## A\n");
        let s = split("---\ntitle: A\nsumary: x\n---\n", Path::new("c.md")).unwrap();
        assert_eq!(s.fm.title, "A");
        assert_eq!(s.problems[0].span.unwrap().line, 3);
        assert_eq!(s.dropped, ["sumary"]);
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        let text = "\u{feff}---\ntitle: Einleitung\n---\nText\n";
        let s = split(text, Path::new("c.md")).unwrap();
        assert_eq!(s.fm.title, "Einleitung");
        assert_eq!(&text[s.body_start..], "Text\n");
    }

    #[test]
    fn every_problem_of_the_front_matter_at_once() {
        let text = "---\ntitle: A\nsumary: x\norder: zwei\nhandlungsfeld: sprache\n---\n";
        let s = split(text, Path::new("c.md")).unwrap();
        let found: Vec<(usize, String)> = s
            .problems
            .iter()
            .map(|d| {
                (
                    d.span.unwrap().line,
                    d.message.render(crate::i18n::Lang::En),
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                (3, "unknown field `sumary`".to_string()),
                (4, "expected a whole number, found `zwei`".to_string())
            ]
        );
        assert_eq!(s.fm.handlungsfeld.unwrap().span.unwrap().line, 5);
        let errs = split("---\ntitle: [A\n---\n", Path::new("c.md")).unwrap_err();
        assert_eq!(errs.len(), 1, "{errs:?}");
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        let err = split("---\ntitle: A\n\n## Body\n", Path::new("c.md")).unwrap_err();
        assert_eq!(
            err[0].message.render(crate::i18n::Lang::De),
            "Der Kopfbereich (Front Matter) ist nicht abgeschlossen"
        );
    }
}
