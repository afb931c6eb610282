//! Findings about a chapter's outline: heading levels that skip a step
//! (screen readers and the PDF's tagged structure follow them), and
//! summaries that are missing or empty (the Kurzfassung is made of them).

use crate::content::Chapter;
use crate::data::key_span;
use crate::diag::Diagnostic;
use crate::msg;

/// Every finding for one chapter.
pub fn chapter(c: &Chapter) -> Vec<Diagnostic> {
    let mut out = headings(c);
    // The imprint and the statements are not part of the Kurzfassung.
    // A front-matter key left out for its error may be the summary.
    if c.kind == crate::content::Kind::Chapter && c.dropped.is_empty() {
        out.extend(summary(c));
    }
    out
}

/// The title is the page's level-1 heading; the body starts at `##`, and
/// each heading goes at most one level deeper than the one before.
fn headings(c: &Chapter) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut prev = 1u8;
    for h in &c.scan.headings {
        let span = c.span(&h.range);
        if h.level == 1 {
            out.push(
                Diagnostic::warning(&c.file, msg!("heading-level-one", text = &h.text))
                    .at(span)
                    .hint(msg!("hint-heading-level-one")),
            );
        } else if h.level > prev + 1 {
            // An error: the accessible PDF (PDF/UA-1) cannot be made with a
            // skipped level, so `build` would fail on it later anyway.
            out.push(
                Diagnostic::error(
                    &c.file,
                    msg!(
                        "heading-skips",
                        text = &h.text,
                        level = h.level,
                        prev = prev
                    ),
                )
                .at(span)
                .label(msg!(
                    "label-heading-expected",
                    hashes = "#".repeat(prev as usize + 1)
                ))
                .hint(msg!("hint-heading-skips")),
            );
        }
        prev = h.level;
    }
    out
}

fn summary(c: &Chapter) -> Option<Diagnostic> {
    let front = &c.source[..c.body_start];
    let written = key_span(front, "summary");
    match &c.summary {
        Some(s) if !s.trim().is_empty() => None,
        _ if written.is_some() => Some(
            Diagnostic::warning(&c.file, msg!("summary-empty"))
                .at_opt(written)
                .hint(msg!("hint-summary-empty")),
        ),
        _ => Some(
            Diagnostic::warning(&c.file, msg!("summary-missing"))
                .at_opt(key_span(front, "title"))
                .hint(msg!("hint-summary-missing")),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use std::path::Path;

    fn chapter_of(text: &str) -> Chapter {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(tmp.path().join("content")).unwrap();
        std::fs::write(tmp.path().join("content/01-a.md"), text).unwrap();
        crate::content::load_chapter(tmp.path(), Path::new("content/01-a.md")).unwrap()
    }

    #[test]
    fn skipped_levels_are_found_at_their_line() {
        let c = chapter_of(
            "---\ntitle: A\nsummary: Kurz.\n---\n\n## Eins\n\n#### Tief\n\n## Zwei\n\n### Drei\n",
        );
        let found = chapter(&c);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].message.render(Lang::De),
            "Die Überschrift „Tief“ überspringt eine Ebene: Ebene 4 folgt auf Ebene 2"
        );
        assert_eq!(found[0].span.unwrap().line, 8);
    }

    #[test]
    fn missing_and_empty_summaries() {
        let c = chapter_of("---\ntitle: A\n---\n\n## Eins\n");
        let found = chapter(&c);
        assert_eq!(found[0].message.id(), "summary-missing");
        assert_eq!(found[0].span.unwrap().line, 2);
        for empty in ["summary: \"\"", "summary:", "summary: |\n  "] {
            let c = chapter_of(&format!("---\ntitle: A\n{empty}\n---\n"));
            let found = chapter(&c);
            assert_eq!(found[0].message.id(), "summary-empty", "{empty}");
            assert_eq!(found[0].span.unwrap().line, 3);
        }
    }
}
