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

/// The parsed front matter and the byte offset where the body starts.
pub fn split(text: &str, file: &Path) -> Result<(FrontMatter, usize), Diagnostic> {
    let first_len = text.find('\n').map_or(text.len(), |i| i + 1);
    // A byte order mark before the first `---` is accepted.
    if text[..first_len].trim_start_matches('\u{feff}').trim_end() != "---" {
        return Err(Diagnostic::error(file, msg!("frontmatter-missing"))
            .at(Span {
                line: 1,
                column: 1,
                len: 1,
            })
            .hint(msg!("hint-frontmatter-missing")));
    }
    let mut offset = first_len;
    for line in text[first_len..].split_inclusive('\n') {
        if line.trim_end() == "---" {
            let yaml_text = &text[first_len..offset];
            let mut fm: FrontMatter = yaml::parse(yaml_text, file, 1)?;
            if let Some(span) = fm.handlungsfeld.as_mut().and_then(|h| h.span.as_mut()) {
                span.line += 1;
            }
            return Ok((fm, offset + line.len()));
        }
        offset += line.len();
    }
    Err(Diagnostic::error(file, msg!("frontmatter-not-closed"))
        .at(Span {
            line: 1,
            column: 1,
            len: 3,
        })
        .label(msg!("label-opened-here"))
        .hint(msg!("hint-frontmatter-not-closed")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_counts_lines_in_the_whole_file() {
        let text = "---\ntitle: Einleitung\nsummary: Kurz.\n---\n\n## A\n";
        let (fm, at) = split(text, Path::new("c.md")).unwrap();
        assert_eq!(fm.title, "Einleitung");
        assert_eq!(&text[at..], "\n## A\n");
        let err = split("---\ntitle: A\nsumary: x\n---\n", Path::new("c.md")).unwrap_err();
        assert_eq!(err.span.unwrap().line, 3);
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        let text = "\u{feff}---\ntitle: Einleitung\n---\nText\n";
        let (fm, at) = split(text, Path::new("c.md")).unwrap();
        assert_eq!(fm.title, "Einleitung");
        assert_eq!(&text[at..], "Text\n");
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        let err = split("---\ntitle: A\n\n## Body\n", Path::new("c.md")).unwrap_err();
        assert_eq!(
            err.message.render(crate::i18n::Lang::De),
            "Der Kopfbereich (Front Matter) ist nicht abgeschlossen"
        );
    }
}
