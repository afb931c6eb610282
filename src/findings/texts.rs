//! Findings over the whole text of every source file: characters the
//! PDFs' fonts lack ([`crate::fonts`]) and what pasted or leftover text
//! does ([`crate::lint`]).

use crate::diag::Diagnostic;
use crate::project::Project;
use std::path::Path;

/// Checks over the whole text of every source file: characters the
/// PDFs' fonts lack, leftover placeholders, Word bullets, a `#` that cuts
/// a YAML value off, image paths with spaces.
pub fn check(p: &Project) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    use crate::lint;
    let theme = crate::theme::Theme::new(&p.root, &p.config.theme);
    // The fonts the PDFs are set in: the project's theme, then the built-in one.
    let coverage = crate::fonts::Coverage::of_theme(&theme);
    let sentences = lint::Placeholders::new(&crate::starter::placeholders());
    let common = |file: &Path, text: &str| {
        let mut out = crate::fonts::findings(&coverage, file, text);
        out.extend(lint::placeholders(text, file, &sentences));
        out.extend(lint::word_bullets(text, file));
        out
    };
    diags.extend(common(Path::new(crate::config::FILE), &p.config.source));
    let markdown = p
        .book
        .parts
        .iter()
        .map(|part| (&part.file, &part.source, part.body_start))
        .chain(
            p.book
                .chapters
                .iter()
                .map(|c| (&c.file, &c.source, c.body_start)),
        );
    for (file, source, body_start) in markdown {
        diags.extend(common(file, source));
        diags.extend(lint::yaml_comment_cuts(
            &source[..body_start.min(source.len())],
            file,
        ));
        diags.extend(lint::image_paths_with_spaces(source, file));
    }
    for (file, text) in &p.data.texts {
        diags.extend(common(file, text));
        diags.extend(lint::yaml_comment_cuts(text, file));
    }
    diags
}
