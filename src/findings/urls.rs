//! The URL policy ([`crate::url_policy`]) as findings: every link or image
//! in an editor's Markdown whose scheme the policy refuses is an error at
//! its place. Covers chapter bodies and summaries, parts, every Markdown
//! field of the records and the `notice` in book.toml. Runs with the other
//! load-time checks ([`Project::check`]), so `check`, `build` and `serve`
//! report the same.
//!
//! Record texts and front matter are YAML, and book.toml is TOML: the link
//! is looked up in the file's text after the record's first line, so the
//! editor is sent to the line and column where it is written.

use crate::content::markdown::{self, RecordRef, RefKind};
use crate::diag::{Diagnostic, Span};
use crate::msg;
use crate::project::Project;
use crate::url_policy::{BUILT_IN, NEVER, Policy, Refused};
use std::ops::Range;
use std::path::{Path, PathBuf};

/// Every refused link in the project's texts.
pub fn check(p: &Project) -> Vec<Diagnostic> {
    let policy = p.config.url_policy();
    let mut out = Vec::new();
    for c in &p.book.chapters {
        // Images in a body must be files next to the chapter; that check
        // reports them. Links are the policy's.
        let scan = &c.scan;
        for (dest, range) in &scan.links {
            if let Err(r) = refused(&policy, dest) {
                out.push(finding(&c.file, Some(c.span(range)), dest, &r, &policy));
            }
        }
        if let Some(summary) = &c.summary {
            out.extend(summary_findings(
                &policy,
                &c.file,
                &c.source[..c.body_start],
                summary,
            ));
        }
    }
    for part in &p.book.parts {
        for (dest, range) in dests(part.body()) {
            if let Err(r) = refused(&policy, &dest) {
                let span = Span::from_bytes(
                    &part.source,
                    part.body_start + range.start,
                    part.body_start + range.end,
                );
                out.push(finding(&part.file, Some(span), &dest, &r, &policy));
            }
        }
        if let Some(summary) = &part.summary {
            out.extend(summary_findings(
                &policy,
                &part.file,
                &part.source[..part.body_start],
                summary,
            ));
        }
    }
    for t in record_texts(p) {
        for (dest, range) in dests(t.text) {
            if let Err(r) = refused(&policy, &dest) {
                // The file's text as loaded (`Data::texts`), not read again.
                let span = p
                    .data
                    .texts
                    .iter()
                    .find(|(f, _)| *f == t.file)
                    .and_then(|(_, file)| {
                        let from = t.at.map_or(0, |s| line_offset(file, s.line));
                        locate(file, from, &t.text[range], &dest)
                    });
                out.push(finding(&t.file, span.or(t.at), &dest, &r, &policy));
            }
        }
    }
    if let Some(notice) = &p.config.notice {
        let file = PathBuf::from(crate::config::FILE);
        for (dest, range) in dests(notice) {
            if let Err(r) = refused(&policy, &dest) {
                // book.toml's text as loaded.
                let text = &p.config.source;
                let from = text.find("notice").unwrap_or(0);
                let span = locate(text, from, &notice[range], &dest);
                out.push(finding(&file, span, &dest, &r, &policy));
            }
        }
    }
    out
}

/// The link and image destinations of a piece of Markdown, with their
/// byte ranges in it.
fn dests(src: &str) -> Vec<(String, Range<usize>)> {
    let scan = markdown::scan(src);
    let mut out = scan.links;
    out.extend(scan.images.into_iter().map(|i| (i.src, i.range)));
    out
}

/// The policy's verdict on a destination; record links (`empfehlung:SB-1`,
/// and unknown kinds such as `empfehlungen:`) are checked elsewhere.
fn refused(policy: &Policy, dest: &str) -> Result<(), Refused> {
    if RecordRef::parse(dest).is_some() && !policy.is_extra(dest) {
        return Ok(());
    }
    policy.check(dest)
}

/// The error for a refused link.
fn finding(
    file: &Path,
    span: Option<Span>,
    dest: &str,
    r: &Refused,
    policy: &Policy,
) -> Diagnostic {
    let mut shown: String = dest.escape_debug().collect();
    if shown.chars().count() > 60 {
        shown = shown.chars().take(57).collect::<String>() + "…";
    }
    let mut d = Diagnostic::error(
        file,
        msg!("link-scheme-refused", link = shown, scheme = &r.scheme),
    )
    .at_opt(span)
    .label(msg!("label-link-scheme"));
    if NEVER.contains(&r.scheme.as_str()) {
        d = d.hint(msg!("hint-link-scheme-never", scheme = &r.scheme));
    } else if let Some(kind) = RefKind::ALL.iter().find(|k| k.prefix() == r.scheme) {
        d = d.hint(msg!("hint-link-lower-case", kind = kind.prefix()));
    } else {
        d = d.hint(msg!(
            "hint-link-schemes-allowed",
            schemes = policy
                .schemes()
                .iter()
                .map(|s| format!("{s}:"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    debug_assert!(!BUILT_IN.contains(&r.scheme.as_str()));
    d
}

/// The refused links of a summary, found in the front matter's text.
fn summary_findings(policy: &Policy, file: &Path, front: &str, summary: &str) -> Vec<Diagnostic> {
    dests(summary)
        .into_iter()
        .filter_map(|(dest, range)| {
            let r = refused(policy, &dest).err()?;
            let span = locate(front, 0, &summary[range], &dest);
            Some(finding(file, span, &dest, &r, policy))
        })
        .collect()
}

/// One Markdown field of a record.
struct RecordText<'a> {
    file: PathBuf,
    /// The record's first spanned value: the search for the link starts on
    /// its line, and the finding points there if the link is not found.
    at: Option<Span>,
    text: &'a str,
}

/// Every Markdown field of the records, with where each record starts.
fn record_texts(p: &Project) -> Vec<RecordText<'_>> {
    let d = &p.data;
    let rel = crate::data::rel;
    let mut out = Vec::new();
    for h in &d.handlungsfelder {
        out.push(RecordText {
            file: rel("handlungsfelder.yaml"),
            at: h.id.span,
            text: &h.beschreibung,
        });
    }
    for z in &d.zielgruppen {
        out.push(RecordText {
            file: rel("zielgruppen.yaml"),
            at: z.id.span,
            text: &z.beschreibung,
        });
    }
    for e in &d.empfehlungen {
        out.push(RecordText {
            file: rel("empfehlungen.yaml"),
            at: e.id.span,
            text: &e.text,
        });
    }
    for m in &d.massnahmen {
        out.push(RecordText {
            file: rel("massnahmen.yaml"),
            at: m.id.span,
            text: &m.beschreibung,
        });
    }
    for i in &d.indikatoren {
        out.push(RecordText {
            file: rel("indikatoren.yaml"),
            at: i.id.span,
            text: &i.beschreibung,
        });
    }
    for k in &d.kommunen {
        let file = rel("kommunen").join(format!("{}.yaml", k.slug));
        out.push(RecordText {
            file: file.clone(),
            at: None,
            text: &k.profil,
        });
        for a in &k.angebote {
            out.push(RecordText {
                file: file.clone(),
                at: a.titel.span,
                text: &a.beschreibung,
            });
        }
    }
    out
}

/// The byte offset where 1-based `line` starts in `text`.
fn line_offset(text: &str, line: usize) -> usize {
    if line <= 1 {
        return 0;
    }
    text.match_indices('\n')
        .nth(line - 2)
        .map_or(text.len(), |(i, _)| i + 1)
}

/// Where the Markdown `fragment` (or, failing that, `dest`) is written in
/// `text`, searching from `from` first.
fn locate(text: &str, from: usize, fragment: &str, dest: &str) -> Option<Span> {
    let from = from.min(text.len());
    let find = |needle: &str| -> Option<usize> {
        if needle.is_empty() {
            return None;
        }
        text.get(from..)
            .and_then(|rest| rest.find(needle))
            .map(|i| from + i)
            .or_else(|| text.find(needle))
    };
    let first_line = fragment.lines().next().unwrap_or("").trim();
    if let Some(at) = find(first_line) {
        return Some(Span::from_bytes(text, at, at + first_line.len()));
    }
    let dest_line = dest.lines().next().unwrap_or("").trim();
    find(dest_line).map(|at| Span::from_bytes(text, at, at + dest_line.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_found_after_the_record_line() {
        let yaml = "- id: A\n  text: Siehe [x](javascript:a).\n- id: B\n  text: Siehe [x](javascript:a).\n";
        let from = line_offset(yaml, 3);
        let s = locate(yaml, from, "[x](javascript:a)", "javascript:a").unwrap();
        assert_eq!((s.line, s.column), (4, 15));
        let s = locate(yaml, 0, "[y](nowhere:b)", "javascript:a").unwrap();
        assert_eq!((s.line, s.column), (2, 19));
        assert!(locate(yaml, 0, "[y](q)", "q:").is_none());
    }

    #[test]
    fn record_links_are_left_to_the_record_check() {
        let p = Policy::default();
        assert!(refused(&p, "empfehlung:SB-1").is_ok());
        assert!(refused(&p, "empfehlungen:SB-1").is_ok());
        assert!(refused(&p, "javascript:alert(1)").is_err());
        assert!(refused(&p, "Kapitel:einleitung").is_err());
        let extra = vec!["webcal".to_string()];
        assert!(refused(&Policy::new(&extra), "webcal://x").is_ok());
    }
}
