//! What `serve` does not do on every save but once the editor pauses: the
//! PDFs (typst takes seconds, the site milliseconds) and the search index
//! (Pagefind takes seconds for a large book). One job at a time, in a
//! thread of its own; the open pages are told „PDF wird neu erstellt …“ and
//! „PDF ist aktuell“.
//!
//! PDFs: load the project from disk (the site's session keeps its own), let
//! `crate::print` prepare and compile (it reuses PDFs whose inputs did not
//! change), move the reader files into the live site's `downloads/` one by
//! one, swap the print folder in through [`Staging`], and render the home
//! page again with the download links. Search: index the pages on disk into
//! a staging folder and swap it in as `pagefind/`.

use super::http::Shared;
use super::live::{LiveEvent, PdfState};
use crate::build;
use crate::diag::Diagnostics;
use crate::output::Staging;
use crate::project::Project;
use crate::site::Download;
use anyhow::{Context, Result, bail};
use std::path::Path;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long the sources must stay unchanged before the PDFs are rebuilt.
pub const QUIET: Duration = Duration::from_millis(1500);

/// The reader PDFs the site links to, shared with the site's rebuilds.
pub type Downloads = Arc<Mutex<Vec<Download>>>;

/// The background worker.
pub struct Background {
    tx: Sender<()>,
}

/// What the worker does.
#[derive(Debug, Clone)]
pub struct Jobs {
    pub opts: build::Options,
    /// Rebuild the PDFs.
    pub pdf: bool,
    pub downloads: Downloads,
}

impl Background {
    /// Starts the worker; when `now`, it builds the PDFs right away (the
    /// first build made the search index already).
    pub fn start(jobs: Jobs, shared: Arc<Shared>, now: bool) -> Result<Background> {
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::Builder::new()
            .name("konzept background".into())
            .spawn({
                let again = tx.clone();
                move || worker(rx, again, jobs, shared, now)
            })
            .context("cannot start the background thread")?;
        if now {
            let _ = tx.send(());
        }
        Ok(Background { tx })
    }

    /// Asks for a rebuild after the sources changed.
    pub fn request(&self) {
        let _ = self.tx.send(());
    }
}

fn worker(rx: Receiver<()>, again: Sender<()>, jobs: Jobs, shared: Arc<Shared>, mut first: bool) {
    let opts = &jobs.opts;
    while rx.recv().is_ok() {
        // Editors save in bursts; wait for a pause (except at the start).
        if !first {
            loop {
                match rx.recv_timeout(QUIET) {
                    Ok(()) => continue,
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => return,
                }
            }
        }
        if !first {
            let start = Instant::now();
            match search(&shared.site()) {
                Ok(()) => eprintln!(
                    "konzept: search index updated in {:.1} s",
                    start.elapsed().as_secs_f64()
                ),
                Err(e) => eprintln!("konzept: the search index was not updated: {e:#}"),
            }
        }
        first = false;
        if !jobs.pdf {
            continue;
        }
        let strings = shared.hub.strings();
        let say = |state, key: &str| {
            shared.hub.send(LiveEvent::Pdf {
                state,
                message: strings.get(key),
            })
        };
        say(PdfState::Building, "serve.pdf_building");
        let start = Instant::now();
        match build_once(opts, &jobs.downloads) {
            Ok(Ok((notes, home_changed))) => {
                for n in notes {
                    eprintln!("{n}");
                }
                eprintln!(
                    "konzept: PDFs ready in {:.1} s",
                    start.elapsed().as_secs_f64()
                );
                say(PdfState::Ready, "serve.pdf_ready");
                if home_changed {
                    shared.hub.send(LiveEvent::Reload(Some(vec!["/".into()])));
                }
            }
            Ok(Err(diags)) => {
                for d in diags.sorted() {
                    eprintln!("{}", crate::diag::render_long(d, &opts.root));
                }
                eprintln!(
                    "konzept: the PDFs were not rebuilt ({} error(s))",
                    diags.error_count()
                );
                say(PdfState::Failed, "serve.pdf_failed");
            }
            // A newer edit stopped typst; the next build says how it went.
            Err(e) if e.is::<crate::print::typst::Cancelled>() => {
                eprintln!("konzept: PDF build {e}");
                let _ = again.send(());
            }
            Err(e) => {
                eprintln!("konzept: the PDFs were not rebuilt: {e:#}");
                say(PdfState::Failed, "serve.pdf_failed");
            }
        }
    }
}

/// One PDF build: its notes for the terminal and whether the home page
/// changed (its download links), or the sources' problems.
fn build_once(
    opts: &build::Options,
    downloads: &Downloads,
) -> Result<std::result::Result<(Vec<String>, bool), Diagnostics>> {
    let mut diags = Diagnostics::default();
    let Some(project) = Project::load(&opts.root, &mut diags) else {
        return Ok(Err(diags));
    };
    let out = build::site_dir(opts, &project);
    let print_out = build::print_dir(opts, &project);
    let (site_abs, print_abs) = (
        crate::output::absolute(&out),
        crate::output::absolute(&print_out),
    );
    if print_abs.starts_with(&site_abs) || site_abs.starts_with(&print_abs) {
        bail!(
            "the print-shop folder {} must lie outside the site folder {}",
            print_out.display(),
            out.display()
        );
    }
    let print_staging = Staging::new(&print_out, &opts.root, opts.force)?;
    let work = crate::output::Scratch::new(&print_out)?;
    let plan = match crate::print::prepare(&project, work.path())? {
        Ok(p) => p,
        Err(d) => return Ok(Err(d)),
    };
    // The reader files are staged beside the site, then moved in one by one.
    let site_parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let site_stage = tempfile::Builder::new()
        .prefix(".konzept-pdf-")
        .tempdir_in(site_parent)
        .with_context(|| {
            format!(
                "cannot create a staging folder in {}",
                site_parent.display()
            )
        })?;
    let targets = crate::print::Targets {
        site: site_stage.path(),
        print: print_staging.path(),
        previous_site: &out,
        previous_print: &print_out,
    };
    let report = match plan.run(&targets)? {
        Ok(r) => r,
        Err(d) => return Ok(Err(d)),
    };
    let from = site_stage.path().join(crate::print::DOWNLOADS);
    let to = out.join(crate::print::DOWNLOADS);
    std::fs::create_dir_all(&to).with_context(|| format!("cannot create {}", to.display()))?;
    for e in std::fs::read_dir(&from)? {
        let e = e?;
        std::fs::rename(e.path(), to.join(e.file_name()))
            .with_context(|| format!("cannot move {} into the site", e.path().display()))?;
    }
    print_staging.commit()?;
    *downloads.lock().expect("not poisoned") = report.downloads.clone();
    let home = out.join("index.html");
    let before = std::fs::read(&home).ok();
    if let Err(d) = crate::site::rewrite_home(&project, &out, &report.downloads)? {
        return Ok(Err(d));
    }
    let home_changed = std::fs::read(&home).ok() != before;
    let mut notes = report.notes;
    notes.extend(
        report
            .warnings
            .iter()
            .map(|d| crate::diag::render_long(d, &opts.root)),
    );
    Ok(Ok((notes, home_changed)))
}

/// Indexes the site's pages as they are on disk and swaps the new index in.
fn search(out: &Path) -> Result<()> {
    let mut pages = Vec::new();
    for e in walkdir::WalkDir::new(out).follow_links(false) {
        let e = e?;
        let rel = e
            .path()
            .strip_prefix(out)?
            .to_string_lossy()
            .replace('\\', "/");
        if e.file_type().is_file()
            && rel.ends_with(".html")
            && !rel.starts_with(&format!("{}/", crate::site::search::DIR))
        {
            pages.push((rel, std::fs::read_to_string(e.path())?));
        }
    }
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let stage = tempfile::Builder::new()
        .prefix(".konzept-search-")
        .tempdir_in(parent)
        .with_context(|| format!("cannot create a staging folder in {}", parent.display()))?;
    crate::site::search::index(&pages, stage.path())?;
    let new = stage.path().join(crate::site::search::DIR);
    let live = out.join(crate::site::search::DIR);
    let old = stage.path().join("old");
    if live.exists() {
        std::fs::rename(&live, &old).context("cannot move the old search index away")?;
    }
    std::fs::rename(&new, &live).context("cannot move the new search index in")?;
    Ok(())
}
