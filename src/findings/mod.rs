//! Every finding about the sources, in one pass: what `check` prints is
//! what `build` refuses (errors) or prints (warnings), and what `serve`
//! shows in its overlay.
//!
//! Stage one ([`load`], [`sources`]) needs only the loaded project: what
//! loading found, links and listings between chapters and records
//! ([`Project::check`]), outlines and summaries ([`content`]), forgotten
//! records ([`records`]) and settings that conflict ([`folders`]). Stage two
//! needs what the outputs rendered: links between the rendered pages
//! ([`pages`]) and the PDFs' documents (image resolution, images the PDFs
//! cannot take, found by `print::documents`). Both commands run stage two
//! only when stage one found no errors.

pub mod content;
pub mod pages;
pub mod records;
pub mod texts;
pub mod today;
pub mod urls;

use crate::config::FILE;
use crate::diag::{Diagnostic, Diagnostics, Span};
use crate::msg;
use crate::project::Project;
use std::path::{Path, PathBuf};
use today::Day;

/// Loads the project at `root` and runs stage one. The project comes back
/// even when it has errors (`None` only when book.toml cannot be read), so
/// that every problem is reported in one run; outputs must not use it then.
pub fn load(root: &Path, today: Day) -> (Option<Project>, Diagnostics) {
    let mut diags = Diagnostics::default();
    let project = Project::load(root, &mut diags);
    if let Some(p) = &project {
        diags.extend(sources(p, today));
    }
    (project, diags.capped(crate::diag::PER_FILE))
}

/// Stage one on a loaded project (without what loading itself found).
pub fn sources(p: &Project, today: Day) -> Diagnostics {
    let mut diags = Diagnostics::default();
    p.check(&mut diags);
    diags.extend(urls::check(p));
    diags.extend(texts::check(p));
    for c in &p.book.chapters {
        diags.extend(content::chapter(c));
    }
    diags.extend(records::check(&p.data, today));
    diags.extend(site_address(p));
    diags.extend(crate::translate::check(p));
    diags
}

/// The sitemap, canonical links and the open-data catalogue need the full
/// address the site is published at; without one there is no sitemap.
fn site_address(p: &Project) -> Option<Diagnostic> {
    let base = &p.config.base_url;
    if crate::config::is_absolute_url(base) {
        return None;
    }
    Some(
        Diagnostic::warning(FILE, crate::msg!("base-url-not-absolute", value = base))
            .at_opt(crate::config::key_span(&p.config.source, "base_url"))
            .label(crate::msg!("label-base-url-not-absolute"))
            .hint(crate::msg!("hint-base-url-not-absolute")),
    )
}

/// The folders a build writes: the site and the print-shop files.
#[derive(Debug, Clone)]
pub struct Folders {
    pub site: PathBuf,
    pub print: PathBuf,
    /// Given on the command line (`--out`, `--print-out`) rather than in book.toml.
    pub site_given: bool,
    pub print_given: bool,
}

impl Folders {
    /// `--out`, else book.toml's `output`; `--print-out`, else `[print] output`.
    pub fn resolve(p: &Project, out: Option<&Path>, print_out: Option<&Path>) -> Folders {
        Folders {
            site: out.map_or_else(|| p.root.join(&p.config.output), Path::to_path_buf),
            print: print_out.map_or_else(|| p.root.join(&p.config.print.output), Path::to_path_buf),
            site_given: out.is_some(),
            print_given: print_out.is_some(),
        }
    }
}

/// The folders the sources live in; no output may lie in one of them.
const SOURCE_DIRS: [&str; 3] = ["content", "data", "themes"];

/// Settings that conflict: the print-shop folder inside the site (it would
/// be published) or the other way round, and an output folder inside a
/// source folder (a build would replace the sources). Findings on book.toml.
pub fn folders(p: &Project, f: &Folders) -> Diagnostics {
    let abs = crate::output::absolute;
    let spans = &p.config.spans;
    let (site, print) = (abs(&f.site), abs(&f.print));
    let mut out = Diagnostics::default();
    let at = |given: bool, span: Option<Span>| if given { None } else { span };
    if print.starts_with(&site) || site.starts_with(&print) {
        let (setting, span) = if f.print_given {
            ("--print-out", at(f.site_given, spans.output))
        } else {
            ("[print] output", spans.print_output)
        };
        out.push(
            Diagnostic::error(
                FILE,
                msg!(
                    "print-inside-site",
                    print = shown(p, &f.print),
                    site = shown(p, &f.site)
                ),
            )
            .at_opt(span)
            .label(msg!("label-print-inside-site"))
            .hint(msg!("hint-print-inside-site", setting = setting)),
        );
    }
    let root = abs(&p.root);
    // Folders given on the command line are checked where they are
    // replaced (`output::Staging`), as a wrong argument rather than a finding.
    for (what, dir, given, span) in [
        ("site", &site, f.site_given, spans.output),
        ("print-shop", &print, f.print_given, spans.print_output),
    ] {
        if given {
            continue;
        }
        for src in SOURCE_DIRS {
            let src_dir = root.join(src);
            if dir.starts_with(&src_dir) || src_dir.starts_with(dir) {
                out.push(
                    Diagnostic::error(
                        FILE,
                        msg!(
                            "output-overlaps-source",
                            what = what,
                            dir = shown(p, dir),
                            source = format!("{src}/")
                        ),
                    )
                    .at_opt(span)
                    .label(msg!("label-output-overlaps"))
                    .hint(msg!("hint-output-overlaps")),
                );
                break;
            }
        }
    }
    out
}

/// A folder as the editor wrote it: relative to the project root if inside.
fn shown(p: &Project, dir: &Path) -> String {
    let abs = crate::output::absolute(dir);
    let rel = abs
        .strip_prefix(crate::output::absolute(&p.root))
        .map_or(abs.clone(), Path::to_path_buf);
    rel.to_string_lossy().replace('\\', "/")
}
