//! What `serve` does not do on every save but once the editor pauses: the
//! PDFs (typst takes seconds, the site milliseconds) and the search index
//! (Pagefind takes seconds for a large book). One job at a time, in a
//! thread of its own; the open pages are told „PDF wird neu erstellt …“ and
//! „PDF ist aktuell“.
//!
//! PDFs: take the session's last good build ([`Snapshot`]: the project
//! and renderer it loaded, never loaded from disk again), let `crate::print`
//! convert, stage and compile (it reuses PDFs whose inputs did not change),
//! move the reader files into the live site's `downloads/` one by one, swap
//! the print folder in through [`Staging`], and render the home page once
//! with the download links. Search: index the pages on disk into a staging
//! folder and swap it in as `pagefind/`.

use super::http::Shared;
use super::live::{LiveEvent, PdfState};
use crate::build;
use crate::diag::{Diagnostics, Failure};
use crate::msg;
use crate::output::Staging;
use crate::project::Project;
use crate::site::Renderer;
use crate::views::Download;
use anyhow::{Context, Result};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long the sources must stay unchanged before the PDFs are rebuilt.
pub const QUIET: Duration = Duration::from_millis(1500);

/// The reader PDFs the site links to, shared with the site's rebuilds.
pub type Downloads = Arc<Mutex<Vec<Download>>>;

/// The last good build's project and renderer, for the PDF builder: it
/// builds from what the session loaded, never from the disk again.
#[derive(Clone)]
pub struct Snapshot {
    pub project: Arc<Project>,
    pub renderer: Arc<Renderer>,
    pub out: PathBuf,
    /// The PDFs' documents, when the session's build converted them already.
    pub documents: Arc<Mutex<Option<crate::print::Documents>>>,
}

/// The background worker.
pub struct Background {
    tx: Sender<Snapshot>,
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
    /// Starts the worker; with `now`, it builds the PDFs of that build right
    /// away (the first build made the search index already).
    pub fn start(jobs: Jobs, shared: Arc<Shared>, now: Option<Snapshot>) -> Result<Background> {
        let (tx, rx) = std::sync::mpsc::channel();
        let first = now.is_some();
        std::thread::Builder::new()
            .name("konzept background".into())
            .spawn(move || worker(rx, jobs, shared, first))
            .context(msg!("env-background-thread"))?;
        if let Some(s) = now {
            let _ = tx.send(s);
        }
        Ok(Background { tx })
    }

    /// Asks for a rebuild of the PDFs and the search index of `good`, the
    /// build the session just made; a PDF build still running stops, the
    /// next one starts once the editor pauses.
    pub fn request(&self, good: Snapshot) {
        crate::print::typst::cancel_running();
        let _ = self.tx.send(good);
    }
}

fn worker(rx: Receiver<Snapshot>, jobs: Jobs, shared: Arc<Shared>, mut first: bool) {
    let opts = &jobs.opts;
    while let Ok(mut good) = rx.recv() {
        // Editors save in bursts; wait for a pause (except at the start),
        // then build the newest good build.
        if !first {
            loop {
                match rx.recv_timeout(QUIET) {
                    Ok(newer) => good = newer,
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => return,
                }
            }
        }
        if !first {
            let start = Instant::now();
            match search(&shared.site()) {
                Ok(()) => eprintln!(
                    "konzept: {}",
                    msg!(
                        "serve-search-updated",
                        seconds = crate::i18n::seconds(start.elapsed(), 1)
                    )
                ),
                Err(e) => eprintln!(
                    "konzept: {}",
                    msg!("serve-search-failed", detail = format!("{e:#}"))
                ),
            }
        }
        first = false;
        if !jobs.pdf {
            continue;
        }
        let say = |state, message: crate::i18n::Msg| {
            shared.hub.send(LiveEvent::Pdf {
                state,
                message: message.to_string(),
            })
        };
        say(PdfState::Building, msg!("serve-pdf-building"));
        let start = Instant::now();
        match build_once(opts, &good, &jobs.downloads) {
            Ok((notes, home_changed)) => {
                for n in notes {
                    eprintln!("{n}");
                }
                eprintln!(
                    "konzept: {}",
                    msg!(
                        "serve-pdfs-ready",
                        seconds = crate::i18n::seconds(start.elapsed(), 1)
                    )
                );
                say(PdfState::Ready, msg!("serve-pdf-ready"));
                if home_changed {
                    shared.hub.send(LiveEvent::Reload(Some(vec!["/".into()])));
                }
            }
            Err(Failure::Sources(diags)) => {
                for d in diags.sorted() {
                    eprintln!("{}", crate::diag::render_long(d, &opts.root));
                }
                eprintln!(
                    "konzept: {}",
                    msg!("serve-pdfs-failed", errors = diags.error_count())
                );
                // The same findings `build` refuses on, in the overlay.
                let errors: Diagnostics = diags.into_iter().filter(|d| d.is_error()).collect();
                let html = super::live::overlay(&errors, &opts.root);
                shared.hub.send(LiveEvent::Overlay(html));
                say(PdfState::Failed, msg!("serve-pdf-failed"));
            }
            // A newer edit stopped typst; the next build says how it went.
            Err(Failure::Environment(e)) if e.is::<crate::print::typst::Cancelled>() => {
                eprintln!("konzept: PDF build {e}");
            }
            Err(Failure::Environment(e)) => {
                eprintln!(
                    "konzept: {}",
                    msg!("serve-pdfs-not-rebuilt", detail = format!("{e:#}"))
                );
                say(PdfState::Failed, msg!("serve-pdf-failed"));
            }
        }
    }
}

/// One PDF build of the session's last good build: its notes for the
/// terminal and whether the home page changed (its download links).
fn build_once(
    opts: &build::Options,
    good: &Snapshot,
    downloads: &Downloads,
) -> Result<(Vec<String>, bool), Failure> {
    let project = &*good.project;
    let folders = opts.folders(project);
    let conflicts = crate::findings::folders(project, &folders);
    if conflicts.has_errors() {
        return Err(Failure::Sources(conflicts));
    }
    let (out, print_out) = (&good.out, &folders.print);
    let converted = good.documents.lock().expect("not poisoned").take();
    let documents = match converted {
        Some(d) => d,
        None => crate::print::documents(project)?,
    };
    let mut warnings = documents.warnings.clone();
    let print_staging = Staging::new(print_out, &opts.root, opts.force)?;
    // typst's staged documents; removed after the compilation that uses them.
    let work = crate::output::Scratch::new(print_out)?;
    let compilation = crate::print::prepare(project, documents, work.path())?;
    // The reader files are staged beside the site, then moved in one by one.
    let site_parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let site_stage = tempfile::Builder::new()
        .prefix(".konzept-pdf-")
        .tempdir_in(site_parent)
        .with_context(|| {
            msg!(
                "env-staging-folder",
                dir = site_parent.display().to_string()
            )
        })?;
    let targets = crate::print::Targets {
        site: site_stage.path(),
        print: print_staging.path(),
        previous_site: out,
        previous_print: print_out,
    };
    let pdfs = compilation.run(&targets)?;
    let from = site_stage.path().join(crate::print::DOWNLOADS);
    let to = out.join(crate::print::DOWNLOADS);
    std::fs::create_dir_all(&to)
        .with_context(|| msg!("env-create-folder", dir = to.display().to_string()))?;
    for e in std::fs::read_dir(&from)? {
        let e = e?;
        std::fs::rename(e.path(), to.join(e.file_name()))
            .with_context(|| msg!("env-move-into-site", file = e.path().display().to_string()))?;
    }
    print_staging.commit()?;
    *downloads.lock().expect("not poisoned") = pdfs.downloads.clone();
    // The home page, once, with the session's renderer and the PDFs' sizes.
    let (file, html) = crate::site::render_home(project, &good.renderer, &pdfs.downloads)?;
    let home = out.join(&file);
    let home_changed = std::fs::read(&home).ok().as_deref() != Some(html.as_bytes());
    if home_changed {
        crate::output::write(out, &file, html.as_bytes())?;
    }
    let mut notes = pdfs.notes;
    warnings.extend(pdfs.warnings);
    notes.extend(
        warnings
            .sorted()
            .into_iter()
            .map(|d| crate::diag::render_long(d, &opts.root)),
    );
    Ok((notes, home_changed))
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
        .with_context(|| msg!("env-staging-folder", dir = parent.display().to_string()))?;
    crate::site::search::index(&pages, stage.path())?;
    let new = stage.path().join(crate::site::search::DIR);
    let live = out.join(crate::site::search::DIR);
    let old = stage.path().join("old");
    if live.exists() {
        std::fs::rename(&live, &old).context(msg!("env-search-old-not-moved"))?;
    }
    std::fs::rename(&new, &live).context(msg!("env-search-new-not-moved"))?;
    Ok(())
}
