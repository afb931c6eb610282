//! The print file's pictures in CMYK. After a document's JSON is built,
//! every picture in it (editors' SVG figures and raster images, konzept's
//! monitoring charts) gets a CMYK copy in the staging folder under
//! `druck/`: SVG as a drawing for typst's `curve` ([`drawing`]), PNG and
//! JPEG as a CMYK JPEG ([`raster`]). The node's `print` key names the copy;
//! the templates use it only in the print variant. What cannot be
//! converted is named with the place of the picture in the chapter.

pub mod colour;
pub mod drawing;
pub mod raster;

use super::doc::Doc;
use crate::diag::{Diagnostic, Span};
use crate::msg;
use colour::Colours;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The folder of the CMYK copies in the staging folder.
pub const DIR: &str = "druck";

/// A converted raster image's highest ink, for the preflight report.
#[derive(Debug, Clone)]
pub struct ImageInk {
    pub staged: String,
    pub file: PathBuf,
    pub span: Option<Span>,
    pub max_ink: f64,
}

/// What converting a document's pictures found.
#[derive(Debug, Default)]
pub struct Outcome {
    pub diags: Vec<Diagnostic>,
    pub inks: Vec<ImageInk>,
}

/// Adds a CMYK copy of every picture in `doc` (see the module comment).
/// `column_pt` is the width figures are printed at.
pub fn convert_doc(
    doc: &mut Doc,
    colours: &Colours,
    fonts: &std::sync::Arc<usvg::fontdb::Database>,
    column_pt: f64,
) -> Outcome {
    let mut out = Outcome::default();
    // Staged path → the copy's path (or None when it failed).
    let mut done: BTreeMap<String, Option<String>> = BTreeMap::new();
    let mut srcs = Vec::new();
    super::ast::walk_mut(&mut doc.json, &mut |o| {
        if let Some(Value::String(s)) = o.get("src") {
            srcs.push(s.clone());
        }
    });
    for src in srcs {
        if done.contains_key(&src) {
            continue;
        }
        let ext = src.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
        let used = doc.images.iter().find(|i| i.staged == src);
        let (file, span, shown) = match used {
            Some(i) => (i.file.clone(), i.span, i.src.clone()),
            None => (
                PathBuf::from("data.json (made by konzept)"),
                None,
                src.clone(),
            ),
        };
        let bytes = match used {
            Some(i) => std::fs::read(&i.source).ok(),
            None => doc
                .files
                .iter()
                .find(|(p, _)| *p == src)
                .map(|(_, b)| b.clone()),
        };
        let Some(bytes) = bytes else {
            done.insert(src, None);
            continue;
        };
        let copy = match ext.as_str() {
            "svg" => match drawing::convert(&bytes, column_pt, colours, fonts) {
                Ok(d) => {
                    for kind in &d.problems {
                        out.diags.push(
                            Diagnostic::warning(
                                &file,
                                msg!("svg-cmyk-changed", src = &shown, kind = *kind),
                            )
                            .at_opt(span)
                            .label(msg!("label-changed-in-print"))
                            .hint(msg!("hint-svg-check-print")),
                        );
                    }
                    let path = format!("{DIR}/{src}.json");
                    doc.files.push((
                        path.clone(),
                        serde_json::to_vec(&d.json).expect("JSON values serialize"),
                    ));
                    Some(path)
                }
                Err(e) => {
                    out.diags.push(
                        Diagnostic::error(
                            &file,
                            msg!("svg-not-cmyk", src = &shown, detail = e.to_string()),
                        )
                        .at_opt(span)
                        .hint(msg!("hint-svg-save-again")),
                    );
                    None
                }
            },
            "png" | "jpg" | "jpeg" => match raster::convert(&bytes, colours) {
                Ok(r) => {
                    let path = format!("{DIR}/{src}.jpg");
                    out.inks.push(ImageInk {
                        staged: src.clone(),
                        file: file.clone(),
                        span,
                        max_ink: r.max_ink,
                    });
                    doc.files.push((path.clone(), r.jpeg));
                    Some(path)
                }
                Err(e) => {
                    out.diags.push(
                        Diagnostic::error(
                            &file,
                            msg!("image-not-cmyk", src = &shown, detail = e.to_string()),
                        )
                        .at_opt(span)
                        .hint(msg!("hint-image-save-again")),
                    );
                    None
                }
            },
            _ => None,
        };
        done.insert(src, copy);
    }
    super::ast::walk_mut(&mut doc.json, &mut |o| {
        if let Some(Value::String(s)) = o.get("src")
            && let Some(Some(copy)) = done.get(s)
        {
            let copy = copy.clone();
            o.insert("print".into(), Value::String(copy));
        }
    });
    out
}
