//! `check`: the findings `build` would report, without writing anything,
//! plus a look at the PDFs the last build left.
//!
//! Steps: load the project and run stage one of the findings
//! ([`crate::findings::load`]) and the conflicting-settings check; when
//! that found no errors, run stage two as `build` would: render the site in
//! memory and check its links ([`crate::findings::pages`]), and convert
//! both PDFs' documents in memory ([`crate::print::documents`]). Last,
//! [`pdf`] reads the PDFs the last build left (page count, fonts).

pub mod pdf;

use crate::diag::Diagnostics;
use crate::findings::today::Day;
use crate::findings::{self, Folders, pages::Pages};
use crate::project::Project;
use crate::site::{self, Renderer, pages};
use std::path::PathBuf;

/// What the command line resolved for `check`.
#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    /// The day periods are compared with.
    pub today: Day,
}

/// Every finding, errors and warnings.
pub fn run(opts: &Options) -> Diagnostics {
    let (project, mut diags) = findings::load(&opts.root, opts.today);
    let Some(project) = project else {
        return diags;
    };
    diags.extend(findings::folders(
        &project,
        &Folders::resolve(&project, None, None),
    ));
    if !diags.has_errors() {
        diags.extend(rendered(&project));
    }
    diags.extend(pdf::check(&project));
    diags
}

/// Stage two, in memory: the PDFs' documents and the site's links.
fn rendered(p: &Project) -> Diagnostics {
    let mut out = match crate::print::documents(p) {
        Ok(docs) => docs.warnings,
        Err(d) => return d,
    };
    let renderer = match Renderer::new(p) {
        Ok(r) => r,
        Err(d) => return d,
    };
    let all = pages::all(p);
    // The home page is rendered as `build` renders it without PDFs.
    let rendered = match site::render(p, &renderer, &all[1..]).and_then(|mut r| {
        r.insert(0, site::render_home(p, &renderer, &[])?);
        Ok(r)
    }) {
        Ok(r) => r,
        Err(d) => {
            out.extend(d);
            return out;
        }
    };
    let seen = Pages::default();
    for (page, (file, html)) in all.iter().zip(&rendered) {
        seen.add(file, &page.path, page.source(), html);
    }
    // The translations' pages, as `build` renders them without PDFs.
    for t in &renderer.translations {
        for home in [false, true] {
            match site::lang::render(p, t, &renderer.langs, None, home) {
                Ok(pages) => {
                    for (file, html) in &pages {
                        let path = file.trim_end_matches("index.html");
                        seen.add(file, path, crate::findings::pages::Source::Theme, html);
                    }
                }
                Err(d) => out.extend(d),
            }
        }
    }
    for f in renderer.theme.list("static") {
        seen.file(format!(
            "assets/{}",
            f.strip_prefix("static/").unwrap_or(&f)
        ));
    }
    // The images and sign-language videos, as the build copies them.
    site::note_media(p, &seen);
    out.extend(seen.check(p, &site::generated));
    out
}
