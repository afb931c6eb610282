//! `serve`: build once, serve the site on 127.0.0.1, watch the sources,
//! rebuild only what a change touches, and tell the open pages to reload.
//!
//! Steps: [`session::Session::start`] builds the whole site into the output
//! folder; [`http`] serves it (axum, tower-http) with the live script and
//! the error overlay added to each page; [`watch`] batches file events; a
//! builder thread asks [`classify`] what they mean, rebuilds through the
//! session, and sends [`live::LiveEvent`]s to the pages. When the sources
//! have errors, the last good site stays and every page shows them.
//!
//! The PDFs and the search index are rebuilt in the background
//! ([`background`]) once the editor pauses; the pages show the PDFs' state
//! through the `pdf` event. A change stops a PDF build still running.

pub mod background;
pub mod classify;
pub mod http;
pub mod live;
pub mod session;
pub mod watch;

use crate::build;
use crate::diag::Diagnostics;
use crate::msg;
use anyhow::{Context, Result};
use live::LiveEvent;
use session::{Rebuilt, Session};
use std::io::Write as _;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::Receiver;

/// What the command line resolved for `serve`.
#[derive(Debug, Clone)]
pub struct Options {
    /// Project root, `--out` and `--force` as for `build`.
    pub build: build::Options,
    /// The interface to listen on; 127.0.0.1 unless the editor asked otherwise.
    pub bind: IpAddr,
    /// 0 picks a free port.
    pub port: u16,
    /// Open the site in the browser once it is served.
    pub open: bool,
    /// Rebuild the PDFs in the background.
    pub pdf: bool,
}

impl Options {
    pub const LOCALHOST: IpAddr = IpAddr::V4(Ipv4Addr::LOCALHOST);
}

/// Builds, serves and watches until the process is stopped.
pub fn run(opts: Options) -> Result<()> {
    let root = std::fs::canonicalize(&opts.build.root).with_context(|| {
        msg!(
            "env-project-folder",
            dir = opts.build.root.display().to_string()
        )
    })?;
    let build_opts = build::Options {
        root: root.clone(),
        ..opts.build.clone()
    };
    let downloads = background::Downloads::default();
    let (session, first) = Session::start(build_opts.clone(), downloads.clone())?;
    let shared = http::Shared::new(session.out(), opts.bind.is_loopback());
    let good = report(first, &session, &shared);

    let (tx, rx) = std::sync::mpsc::channel();
    let watcher = watch::Watcher::start(&root, tx)?;

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context(msg!("env-web-server"))?;
    let wanted = SocketAddr::new(opts.bind, opts.port);
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind(wanted))
        .with_context(|| msg!("serve-cannot-listen", addr = wanted.to_string()))?;
    let addr = listener.local_addr()?;
    if !addr.ip().is_loopback() {
        eprintln!(
            "{}: {}",
            msg!("severity-warning"),
            msg!("serve-public", addr = addr.ip().to_string())
        );
    }
    let url = format!("http://{addr}/");
    println!("{}", msg!("serve-url", url = &url));
    let _ = std::io::stdout().flush();
    if opts.open
        && let Err(e) = open::that_detached(&url)
    {
        eprintln!(
            "{}: {}",
            msg!("severity-warning"),
            msg!("serve-no-browser", detail = e.to_string())
        );
    }

    let jobs = background::Jobs {
        opts: build_opts,
        pdf: opts.pdf,
        downloads,
    };
    let now = session.snapshot().filter(|_| good && opts.pdf);
    let later = background::Background::start(jobs, shared.clone(), now)?;
    let builder = shared.clone();
    std::thread::Builder::new()
        .name("konzept rebuild".into())
        .spawn(move || rebuild_loop(session, watcher, rx, builder, later))
        .context(msg!("env-rebuild-thread"))?;
    runtime.block_on(http::serve(listener, http::router(shared)));
    Ok(())
}

/// Waits for batches of changes and rebuilds, until the watcher goes away.
fn rebuild_loop(
    mut session: Session,
    mut watcher: watch::Watcher,
    rx: Receiver<Vec<PathBuf>>,
    shared: Arc<http::Shared>,
    later: background::Background,
) {
    while let Ok(mut batch) = rx.recv() {
        // Changes that arrived during the last rebuild join this one.
        while let Ok(more) = rx.try_recv() {
            batch.extend(more);
        }
        if touches_sources(&batch, session.root(), &session.out()) {
            crate::print::typst::cancel_running();
        }
        watcher.arm(&batch);
        match session.apply(batch) {
            Ok(outcome) => {
                if report(outcome, &session, &shared)
                    && let Some(good) = session.snapshot()
                {
                    later.request(good);
                }
            }
            // The environment (disk full, folder gone): say so, keep serving.
            Err(e) => eprintln!("error: {e:#}"),
        }
    }
}

/// Whether a batch changes a source (not only the outputs or konzept's own
/// folders): then a PDF build still running is out of date, and stopping
/// typst at once also frees the threads the site's rebuild needs; the
/// background starts the PDFs again once the editor pauses.
fn touches_sources(batch: &[PathBuf], root: &Path, out: &Path) -> bool {
    let changes: Vec<classify::Change> = batch
        .iter()
        .map(|p| classify::Change::new(p, root.join(p).exists()))
        .collect();
    let out = crate::output::absolute(out);
    let out_rel = out.strip_prefix(crate::output::absolute(root)).ok();
    classify::plan(&changes, &Default::default(), out_rel) != classify::Rebuild::Nothing
}

/// Tells the terminal and the open pages how a rebuild went; whether the
/// site was rebuilt.
fn report(outcome: Rebuilt, session: &Session, shared: &http::Shared) -> bool {
    let root = session.root();
    shared.hub.set_strings(session.strings());
    match outcome {
        Rebuilt::Nothing => false,
        Rebuilt::Done(b) => {
            print_diagnostics(&b.warnings, root);
            *shared.site.write().expect("not poisoned") = session.out();
            if !shared.hub.overlay().is_empty() {
                shared.hub.send(LiveEvent::Overlay(String::new()));
            }
            eprintln!(
                "konzept: {}",
                msg!(
                    "serve-rebuilt",
                    kind = b.kind,
                    pages = b.rendered,
                    ms = b.took.as_millis() as u64
                )
            );
            shared.hub.send(LiveEvent::Reload(b.pages));
            true
        }
        Rebuilt::Failed(diags) => {
            print_diagnostics(&diags, root);
            eprintln!(
                "konzept: {}",
                msg!("serve-failed", errors = diags.error_count())
            );
            let errors: Diagnostics = diags.into_iter().filter(|d| d.is_error()).collect();
            let html = live::overlay(&errors, root);
            shared.hub.send(LiveEvent::Overlay(html));
            false
        }
    }
}

fn print_diagnostics(diags: &Diagnostics, root: &Path) {
    for d in diags.sorted() {
        eprintln!("{}", crate::diag::render_long(d, root));
    }
}
