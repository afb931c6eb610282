//! PDF checks for `check`: the brochure's page count must be a multiple of
//! four (it is folded from sheets), and every font must be embedded (print
//! shops and PDF/UA require it).
//!
//! The seam: these checks need the PDFs, which `build` makes through
//! `crate::print`. `check` writes nothing, so it cannot compile them; once
//! `crate::print` can tell the page count and fonts of a document without
//! writing into the project (or `build` leaves a report of them next to the
//! PDFs), read that here and turn each problem into a warning at
//! `book.toml` (`[print]`). Until then this returns no findings.

use crate::diag::Diagnostic;
use crate::project::Project;

/// Findings about the PDFs of `p`.
pub fn check(_p: &Project) -> Vec<Diagnostic> {
    Vec::new()
}
