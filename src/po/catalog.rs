//! One language's translations as the project loads them: its PO file,
//! read once with the project (or an empty one when there is none yet).

use super::{Entry, File, parse};
use crate::diag::{Diagnostic, Diagnostics};
use crate::languages::Language;
use crate::msg;
use std::path::Path;

/// One language's PO file as read (or an empty one when there is none yet).
#[derive(Debug, Clone)]
pub struct Catalog {
    pub lang: Language,
    pub file: File,
    /// Whether `translations/<code>.po` exists.
    pub exists: bool,
}

impl Catalog {
    /// Reads the PO file of `lang` under `root`; a syntax error is a
    /// diagnostic on the file.
    pub fn load(root: &Path, lang: &Language) -> (Catalog, Option<Diagnostic>) {
        let rel = lang.po_file();
        let empty = |exists| Catalog {
            lang: lang.clone(),
            file: File::default(),
            exists,
        };
        match crate::inside::read(root, Path::new(&rel)) {
            Err(crate::inside::ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
                (empty(false), None)
            }
            Err(crate::inside::ReadError::Io(e)) => (
                empty(false),
                Some(Diagnostic::error(
                    &rel,
                    msg!("po-unreadable", reason = crate::i18n::io_reason(&e)),
                )),
            ),
            Err(e @ crate::inside::ReadError::Outside(_)) => {
                (empty(false), Some(e.diagnostic(Path::new(&rel))))
            }
            Ok(bytes) => match String::from_utf8(bytes) {
                Err(_) => (
                    empty(true),
                    Some(
                        Diagnostic::error(&rel, msg!("po-not-utf8")).hint(msg!("hint-po-not-utf8")),
                    ),
                ),
                Ok(text) => match parse(&text) {
                    Ok(file) => (
                        Catalog {
                            lang: lang.clone(),
                            file,
                            exists: true,
                        },
                        None,
                    ),
                    Err(e) => {
                        let span = crate::diag::Span {
                            line: e.line,
                            column: 1,
                            len: text
                                .lines()
                                .nth(e.line - 1)
                                .map_or(1, |l| l.chars().count().max(1)),
                        };
                        (
                            empty(true),
                            Some(
                                Diagnostic::error(
                                    &rel,
                                    msg!("po-invalid", detail = e.message.as_str()),
                                )
                                .at(span)
                                .hint(msg!("hint-po-invalid")),
                            ),
                        )
                    }
                },
            },
        }
    }

    /// The live (not obsolete) entry for the reference `ctxt`.
    pub fn entry(&self, ctxt: &str) -> Option<&Entry> {
        self.file
            .entries
            .iter()
            .find(|e| !e.obsolete && e.msgctxt.as_deref() == Some(ctxt))
    }
}

/// Every language's catalogue, read once with the project.
pub fn load_all(root: &Path, langs: &[Language], diags: &mut Diagnostics) -> Vec<Catalog> {
    langs
        .iter()
        .map(|l| {
            let (c, d) = Catalog::load(root, l);
            diags.extend(d);
            c
        })
        .collect()
}
