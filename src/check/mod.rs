//! `check`: everything `build` validates, plus checks that only report:
//! links between the rendered pages, heading levels, summaries, records
//! nothing refers to, measures still planned after their period ended, and
//! the PDFs the last build left. Writes nothing.
//!
//! Steps: load the project with all of `build`'s checks
//! ([`Project::load_all`], which keeps going after errors), run the source
//! checks ([`content`], [`records`]), and, when the project has no errors,
//! render the site in memory and check its links ([`links`]).

pub mod content;
pub mod links;
pub mod pdf;
pub mod records;
pub mod today;
pub mod urls;

use crate::diag::Diagnostics;
use crate::project::Project;
use std::path::PathBuf;
use today::Day;

/// What the command line resolved for `check`.
#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    /// The day periods are compared with.
    pub today: Day,
}

/// Every finding, errors and warnings.
pub fn run(opts: &Options) -> Diagnostics {
    let mut diags = Diagnostics::default();
    let Some(project) = Project::load_all(&opts.root, &mut diags) else {
        return diags;
    };
    for c in &project.book.chapters {
        diags.extend(content::chapter(c));
    }
    diags.extend(records::check(&opts.root, &project.data, opts.today));
    diags.extend(pdf::check(&project));
    if !diags.has_errors() {
        diags.extend(links::check(&project));
    }
    diags
}
