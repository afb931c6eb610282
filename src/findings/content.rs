//! Findings about a chapter's outline: heading levels that skip a step
//! (screen readers and the PDF's tagged structure follow them), and
//! summaries that are missing or empty (the Kurzfassung is made of them).

use crate::content::Chapter;
use crate::data::key_span;
use crate::diag::Diagnostic;

/// Every finding for one chapter.
pub fn chapter(c: &Chapter) -> Vec<Diagnostic> {
    let mut out = headings(c);
    // The imprint and the statements are not part of the Kurzfassung.
    if c.kind == crate::content::Kind::Chapter {
        out.extend(summary(c));
    }
    out.extend(stand_and_videos(c));
    out
}

/// Video formats every browser plays natively, and the caption format.
const VIDEO_EXT: [&str; 2] = ["mp4", "webm"];

/// `stand` is a date; videos are MP4 or WebM files with WebVTT captions
/// beside the chapter (they are published with the site), and only on a
/// sign-language page.
fn stand_and_videos(c: &Chapter) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if let Some(st) = &c.stand
        && !crate::config::is_iso_date(st)
    {
        out.push(
            Diagnostic::error(
                &c.file,
                format!("expected a date like `2025-02-17`, found `{}`", st.value),
            )
            .at_opt(st.span)
            .hint("write `stand:` as year-month-day; the page shows it as its date"),
        );
    }
    if !c.videos.is_empty() && c.kind != crate::content::Kind::SignLanguage {
        out.push(
            Diagnostic::error(&c.file, "`videos` belong on the sign-language page")
                .at_opt(key_span(&c.source[..c.body_start], "videos"))
                .hint("add `kind: sign-language` to this page's front matter, or move the videos there"),
        );
    }
    for v in &c.videos {
        let ext = |s: &str| s.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
        let local =
            |s: &str| !s.contains("://") && !s.starts_with('/') && !s.split('/').any(|x| x == "..");
        if !local(&v.datei.value)
            || !ext(&v.datei.value).is_some_and(|e| VIDEO_EXT.contains(&e.as_str()))
        {
            out.push(
                Diagnostic::error(&c.file, format!("the video `{}` is not an MP4 or WebM file beside the page", v.datei.value))
                    .at_opt(v.datei.span)
                    .hint("put the video in content/ (e.g. `videos/begruessung.mp4`) and name it here; the site plays it without an external player"),
            );
        }
        if !local(&v.untertitel.value) || ext(&v.untertitel.value).as_deref() != Some("vtt") {
            out.push(
                Diagnostic::error(
                    &c.file,
                    format!(
                        "the captions `{}` are not a WebVTT file beside the page",
                        v.untertitel.value
                    ),
                )
                .at_opt(v.untertitel.span)
                .hint("save the captions as WebVTT (`.vtt`) in content/ and name the file here"),
            );
        }
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
                Diagnostic::warning(
                    &c.file,
                    format!("the heading `{}` is on level 1, like the title", h.text),
                )
                .at(span)
                .hint("the title is the page's only level-1 heading; start sections with `## `"),
            );
        } else if h.level > prev + 1 {
            // An error: the accessible PDF (PDF/UA-1) cannot be made with a
            // skipped level, so `build` would fail on it later anyway.
            out.push(
                Diagnostic::error(
                    &c.file,
                    format!(
                        "the heading `{}` skips a level: level {} follows level {prev}",
                        h.text, h.level
                    ),
                )
                .at(span)
                .label(format!("expected `{}` here", "#".repeat(prev as usize + 1)))
                .hint("screen readers, the PDF's bookmarks and its accessibility tags follow heading levels; write `#` one more than the heading above"),
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
            Diagnostic::warning(&c.file, "the `summary` is empty")
                .at_opt(written)
                .hint("write two to five sentences that read well on their own; the short version (Kurzfassung) and the page description are made from them"),
        ),
        _ => Some(
            Diagnostic::warning(&c.file, "the chapter has no `summary`")
                .at_opt(key_span(front, "title"))
                .hint("add `summary:` to the front matter with two to five sentences; the short version (Kurzfassung) and the page description are made from them"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
            found[0].message,
            "the heading `Tief` skips a level: level 4 follows level 2"
        );
        assert_eq!(found[0].span.unwrap().line, 8);
    }

    #[test]
    fn missing_and_empty_summaries() {
        let c = chapter_of("---\ntitle: A\n---\n\n## Eins\n");
        let found = chapter(&c);
        assert_eq!(found[0].message, "the chapter has no `summary`");
        assert_eq!(found[0].span.unwrap().line, 2);
        for empty in ["summary: \"\"", "summary:", "summary: |\n  "] {
            let c = chapter_of(&format!("---\ntitle: A\n{empty}\n---\n"));
            let found = chapter(&c);
            assert_eq!(found[0].message, "the `summary` is empty", "{empty}");
            assert_eq!(found[0].span.unwrap().line, 3);
        }
    }
}
