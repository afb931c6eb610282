//! The one pipeline every command that writes runs: load → findings → site
//! and PDFs (in parallel) → home page with the PDFs' sizes → swap in.
//!
//! [`run`] loads the project; [`run_loaded`] builds an already loaded one
//! (`serve` calls it with the project it keeps). Nothing is swapped into
//! the output folders unless every finding of both stages is free of
//! errors: the site and the print files are rendered into staging folders
//! that are dropped otherwise. [`run_changed`] is the same pipeline for
//! `serve` after a change: the same findings of both stages, but only the
//! pages that changed are rendered, and handed back for `serve` to write.

use crate::diag::{Diagnostics, Failure};
use crate::findings::today::Day;
use crate::findings::{self, Folders, pages::Pages};
use crate::output::Staging;
use crate::project::Project;
use crate::site::pages::{Page, PageKind};
use crate::site::{self, Renderer};
use crate::views::Download;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// What the command line resolved for a build.
#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    /// Overrides `output` from book.toml.
    pub out: Option<PathBuf>,
    pub force: bool,
    pub no_pdf: bool,
    /// Overrides `[print] output` from book.toml (the print-shop files).
    pub print_out: Option<PathBuf>,
    /// The day the measures' periods are compared with.
    pub today: Day,
}

impl Options {
    /// A build of the project at `root` with book.toml's folders.
    pub fn new(root: impl Into<PathBuf>) -> Options {
        Options {
            root: root.into(),
            out: None,
            force: false,
            no_pdf: false,
            print_out: None,
            today: Day::system(),
        }
    }

    /// The folders of `p` this build writes.
    pub fn folders(&self, p: &Project) -> Folders {
        Folders::resolve(p, self.out.as_deref(), self.print_out.as_deref())
    }
}

/// A finished build.
#[derive(Debug)]
pub struct Built {
    pub out: PathBuf,
    pub site: site::Written,
    /// The findings that are warnings (the same `check` prints).
    pub warnings: Diagnostics,
    pub total_time: Duration,
    /// One line per PDF step, for the terminal.
    pub notes: Vec<String>,
    /// The PDFs' documents of a build without PDFs, for whoever makes them
    /// later (`serve`'s PDF builder), so they are converted once.
    pub documents: Option<crate::print::Documents>,
    /// The links and files of the site's pages, for the link findings of
    /// the next [`run_changed`].
    pub pages: Pages,
}

/// What changed since the last good build, as `serve` hands it to
/// [`run_changed`].
pub struct Changed<'a> {
    /// The pages to render again.
    pub pages: &'a [Page],
    /// Pages of the last good build that are gone.
    pub gone: &'a [String],
    /// A copy of the last good build's link scan; handed back with the
    /// pages rendered in it.
    pub seen: Pages,
    /// The reader PDFs the home page links to.
    pub downloads: &'a [Download],
}

/// The outcome of [`run_changed`]: the pages rendered, not yet written.
pub struct Rendered {
    /// (file, HTML) of each changed page.
    pub pages: Vec<(String, String)>,
    /// Every warning, as `build` would print them.
    pub warnings: Diagnostics,
    /// The PDFs' documents, for the PDF builder.
    pub documents: crate::print::Documents,
    /// The link scan of the site with the changed pages.
    pub seen: Pages,
}

/// Loads the project and runs stage one of the findings (with the output
/// folders this build writes); the project only when it has no errors,
/// else every finding.
pub fn load(opts: &Options) -> Result<(Project, Diagnostics), Failure> {
    let (project, mut findings) = findings::load(&opts.root, opts.today);
    if let Some(p) = &project {
        let folders = opts.folders(p);
        // Folders given on the command line are wrong arguments, not findings.
        if folders.site_given {
            crate::output::ensure_replaceable(&folders.site, &opts.root, opts.force)?;
        }
        if folders.print_given && !opts.no_pdf {
            crate::output::ensure_replaceable(&folders.print, &opts.root, opts.force)?;
        }
        findings.extend(findings::folders(p, &folders));
    }
    match project {
        Some(p) if !findings.has_errors() => Ok((p, findings)),
        _ => Err(Failure::Sources(findings)),
    }
}

/// Loads and builds.
pub fn run(opts: &Options) -> Result<Built, Failure> {
    let start = Instant::now();
    let (project, warnings) = load(opts)?;
    let renderer = Renderer::new(&project)?;
    run_loaded(opts, &project, &renderer, warnings, start)
}

/// Builds a project loaded by [`load`], whose stage-one findings are
/// `warnings` (no errors), with its `renderer`.
pub fn run_loaded(
    opts: &Options,
    project: &Project,
    renderer: &Renderer,
    warnings: Diagnostics,
    start: Instant,
) -> Result<Built, Failure> {
    let mut warnings = warnings;
    let folders = opts.folders(project);
    let out = folders.site.clone();
    let staging = Staging::new(&out, &opts.root, opts.force)?;
    let seen = Pages::default();
    let mut notes = Vec::new();
    let mut kept = None;
    let (written, downloads, print_staging) = if opts.no_pdf {
        // The PDFs' documents are findings too; without PDFs they are made
        // while the site renders into its staging folder, which is only
        // swapped in when neither has an error.
        let (documents, unfinished) = rayon::join(
            || crate::print::documents(project),
            || site::build_reusing(project, renderer, staging.path(), staging.previous(), &seen),
        );
        let documents = both(documents.map_err(Failure::Sources), &unfinished, &warnings)?;
        warnings.extend(documents.warnings.iter().cloned());
        kept = Some(documents);
        (unfinished, Vec::new(), None)
    } else {
        // The PDFs' documents are findings too.
        let documents = crate::print::documents(project).map_err(|d| with(d, warnings.clone()))?;
        warnings.extend(documents.warnings.iter().cloned());
        let print_out = folders.print.clone();
        let print_staging = Staging::new(&print_out, &opts.root, opts.force)?;
        // typst's staged documents; removed after the compilation that uses them.
        let work = crate::output::Scratch::new(&print_out)?;
        let compilation = crate::print::prepare(project, documents, work.path())?;
        let targets = crate::print::Targets {
            site: staging.path(),
            print: print_staging.path(),
            previous_site: &out,
            previous_print: &print_out,
        };
        // The PDFs wait for typst most of the time; the site renders meanwhile.
        let (pdfs, unfinished) = rayon::join(
            || compilation.run(&targets),
            || site::build_reusing(project, renderer, staging.path(), staging.previous(), &seen),
        );
        let pdfs = both(pdfs, &unfinished, &warnings)?;
        warnings.extend(pdfs.warnings);
        notes.extend(pdfs.notes);
        (unfinished, pdfs.downloads, Some(print_staging))
    };
    let written = written
        .and_then(|u| u.finish(project, renderer, staging.path(), &downloads, &seen))
        .map_err(|e| add_warnings(e, warnings.clone()))?;
    let links = seen.check(project, &site::generated);
    if links.has_errors() {
        return Err(with(links, warnings));
    }
    warnings.extend(links);
    staging.commit()?;
    if let Some(s) = print_staging {
        s.commit()?;
    }
    Ok(Built {
        out,
        site: written,
        warnings,
        total_time: start.elapsed(),
        notes,
        documents: kept,
        pages: seen,
    })
}

/// Stage two of the findings and the changed pages of a project loaded by
/// [`load`] (or reloaded in part by `serve`), whose stage-one findings are
/// `warnings` (no errors): the PDFs' documents (image resolution, what the
/// PDFs cannot take), then `changed.pages` rendered, then the links of
/// every page of the site, the unchanged ones as the last build saw them.
/// Writes nothing.
pub fn run_changed(
    project: &Project,
    renderer: &Renderer,
    warnings: Diagnostics,
    changed: Changed,
) -> Result<Rendered, Failure> {
    let mut warnings = warnings;
    let documents = crate::print::documents(project).map_err(|d| with(d, warnings.clone()))?;
    warnings.extend(documents.warnings.iter().cloned());
    let (home, others): (Vec<&Page>, Vec<&Page>) =
        (changed.pages.iter()).partition(|p| matches!(p.kind, PageKind::Home));
    let others: Vec<Page> = others.into_iter().cloned().collect();
    let mut pages =
        site::render(project, renderer, &others).map_err(|d| with(d, warnings.clone()))?;
    if !home.is_empty() {
        let page = site::render_home(project, renderer, changed.downloads)
            .map_err(|d| with(d, warnings.clone()))?;
        pages.push(page);
    }
    let seen = changed.seen;
    for gone in changed.gone {
        seen.remove(gone);
    }
    for (page, (file, html)) in others.iter().chain(home).zip(&pages) {
        seen.add(file, &page.path, page.source(), html);
    }
    site::note_media(project, &seen);
    for d in changed.downloads {
        seen.file(d.url.clone());
    }
    let links = seen.check(project, &site::generated);
    if links.has_errors() {
        return Err(with(links, warnings));
    }
    warnings.extend(links);
    Ok(Rendered {
        pages,
        warnings,
        documents,
        seen,
    })
}

/// Errors with the warnings found before, so a failed build shows every finding.
fn with(errors: Diagnostics, warnings: Diagnostics) -> Failure {
    let mut d = errors;
    d.extend(warnings);
    Failure::Sources(d)
}

/// `first`'s value; or its error with the findings of `second`, which ran
/// beside it, and the warnings found before, so that every finding shows.
fn both<T, U>(
    first: Result<T, Failure>,
    second: &Result<U, Failure>,
    warnings: &Diagnostics,
) -> Result<T, Failure> {
    match (first, second) {
        (Ok(v), _) => Ok(v),
        (Err(Failure::Sources(mut d)), Err(Failure::Sources(more))) => {
            d.extend(more.iter().cloned());
            Err(with(d, warnings.clone()))
        }
        (Err(e), _) => Err(add_warnings(e, warnings.clone())),
    }
}

fn add_warnings(e: Failure, warnings: Diagnostics) -> Failure {
    match e {
        Failure::Sources(d) => with(d, warnings),
        env => env,
    }
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::Download;

    #[test]
    fn the_home_page_is_rendered_once_after_the_other_pages_with_the_pdfs() {
        let root =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/build/minimal");
        let opts = Options {
            no_pdf: true,
            ..Options::new(&root)
        };
        let (p, _) = load(&opts).expect("the fixture loads");
        let r = Renderer::new(&p).unwrap();
        let out = tempfile::tempdir().unwrap();
        let seen = Pages::default();
        let unfinished = site::build(&p, &r, out.path(), &seen).unwrap();
        assert!(out.path().join("inhalt/index.html").is_file());
        assert!(
            !out.path().join("index.html").exists(),
            "the home page waits for the PDFs"
        );
        let pdf = Download {
            title: "Langfassung".into(),
            url: "downloads/langfassung.pdf".into(),
            pages: Some(12),
            bytes: Some(1_234_567),
            size: Some("1,2 MB".into()),
            lang: None,
        };
        unfinished
            .finish(&p, &r, out.path(), &[pdf], &seen)
            .unwrap();
        let home = std::fs::read_to_string(out.path().join("index.html")).unwrap();
        assert!(
            home.contains("langfassung.pdf\" type=\"application/pdf\""),
            "{home}"
        );
        assert!(home.contains("1,2 MB"), "{home}");
        // The reader PDFs count as files of the site for the link findings.
        let links = seen.check(&p, &site::generated);
        assert!(!links.has_errors(), "{links:?}");
    }
}
