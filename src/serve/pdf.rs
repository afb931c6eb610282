//! The PDFs while serving: rebuilt in the background once the editor pauses
//! (typst takes seconds, the site milliseconds), one build at a time, with
//! the open pages told „PDF wird neu erstellt …“ and „PDF ist aktuell“.
//!
//! Steps per build: load the project from disk (the site's session keeps its
//! own), let `crate::print` prepare and compile (it reuses PDFs whose inputs
//! did not change), move the reader files into the live site's `downloads/`
//! one by one, swap the print folder in through [`Staging`], and render the
//! home page again with the download links.

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

/// The background PDF builder.
pub struct Pdfs {
    tx: Sender<()>,
}

impl Pdfs {
    /// Starts the worker; it builds once right away when `now`.
    pub fn start(
        opts: build::Options,
        shared: Arc<Shared>,
        downloads: Downloads,
        now: bool,
    ) -> Result<Pdfs> {
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::Builder::new()
            .name("konzept pdf".into())
            .spawn(move || worker(rx, opts, shared, downloads))
            .context("cannot start the PDF thread")?;
        if now {
            let _ = tx.send(());
        }
        Ok(Pdfs { tx })
    }

    /// Asks for a rebuild after the sources changed.
    pub fn request(&self) {
        let _ = self.tx.send(());
    }
}

fn worker(rx: Receiver<()>, opts: build::Options, shared: Arc<Shared>, downloads: Downloads) {
    let mut first = true;
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
        first = false;
        let strings = shared.hub.strings();
        let say = |state, key: &str| {
            shared.hub.send(LiveEvent::Pdf {
                state,
                message: strings.get(key),
            })
        };
        say(PdfState::Building, "serve.pdf_building");
        let start = Instant::now();
        match build_once(&opts, &downloads) {
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
    let work = print_out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let plan = match crate::print::prepare(&project, work)? {
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
