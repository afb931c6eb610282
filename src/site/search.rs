//! The Pagefind search index, built from the rendered pages (one index
//! per page language, German stemming for the German pages; filters come from `data-pagefind-filter` attributes in the
//! templates) and written to `pagefind/` in the site.
//!
//! Only the search API and the index are published; Pagefind's own result
//! interfaces are left out (see [`is_prebuilt_ui`]).
//!
//! Pagefind indexes pages it is handed one at a time, under one lock; the
//! pages of a folder it reads itself, on every core (`add_directory`). So
//! the [`Indexer`] starts once the site's pages are written: it reads them
//! from the staging folder on a thread of its own (Pagefind spreads the
//! pages over rayon's threads) while the build goes on, then takes the
//! pages written later (the home page) one by one. Pages without
//! `data-pagefind-body` (the 404 page) are left out by Pagefind itself.
//!
//! The order Pagefind walks a folder in is the order the file system lists
//! it; the build creates the pages' folders one after another in the site's
//! page order ([`crate::site::build`]), so two builds of the same sources
//! list, and index, their pages in the same order.

use crate::msg;
use crate::output::Previous;
use anyhow::{Context, Result, anyhow};
use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;
use std::path::Path;
use std::sync::mpsc::{Sender, channel};
use std::thread::JoinHandle;

/// The folder of the search bundle in the site.
pub const DIR: &str = "pagefind";

/// The bundle's files: path inside the bundle and contents.
type Bundle = Vec<(String, Vec<u8>)>;

/// Set (to anything) to build the site without a search index; for the
/// benchmark, which compares the site without search with Hugo alone.
pub const NO_INDEX_VAR: &str = "KONZEPT_NO_SEARCH_INDEX";

/// A search index being built on a thread of its own.
pub struct Indexer {
    tx: Option<Sender<(String, String)>>,
    worker: Option<JoinHandle<Result<Bundle>>>,
}

/// No forced language: Pagefind keeps one index per page language (from
/// `<html lang>`), so the translations are searched in their own language.
fn config() -> PagefindServiceConfig {
    PagefindServiceConfig::builder().build()
}

impl Indexer {
    /// Starts indexing the pages written so far into `dir` (`None`: no
    /// folder, only the pages handed to [`Indexer::add`]).
    pub fn start(dir: Option<&Path>) -> Result<Indexer> {
        if std::env::var_os(NO_INDEX_VAR).is_some() {
            return Ok(Indexer {
                tx: None,
                worker: None,
            });
        }
        let (tx, rx) = channel::<(String, String)>();
        let dir = dir.map(|d| d.to_string_lossy().into_owned());
        let worker = std::thread::Builder::new()
            .name("search-index".into())
            .spawn(move || -> Result<Bundle> {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .build()
                    .context(msg!("env-search-start"))?;
                runtime.block_on(async {
                    let mut index =
                        PagefindIndex::new(Some(config())).map_err(|e| anyhow!("{e}"))?;
                    if let Some(dir) = dir {
                        index
                            .add_directory(dir, Some("**/*.html".into()))
                            .await
                            .map_err(|e| {
                                anyhow!(msg!("env-search-index", detail = e.to_string()))
                            })?;
                    }
                    for (file, html) in rx {
                        index
                            .add_html_file(Some(file.clone()), None, html)
                            .await
                            .map_err(|e| {
                                anyhow!(msg!(
                                    "env-search-index-page",
                                    file = &file,
                                    detail = e.to_string()
                                ))
                            })?;
                    }
                    let files = index
                        .get_files()
                        .await
                        .map_err(|e| anyhow!(msg!("env-search-index", detail = e.to_string())))?;
                    Ok(files
                        .into_iter()
                        .map(|f| (f.filename.to_string_lossy().replace('\\', "/"), f.contents))
                        .collect())
                })
            })
            .context(msg!("env-search-start"))?;
        Ok(Indexer {
            tx: Some(tx),
            worker: Some(worker),
        })
    }

    /// Queues a rendered page that is not (yet) in the folder being
    /// indexed; pages without `data-pagefind-body` and the 404 page are
    /// left out.
    pub fn add(&self, file: &str, html: &str) {
        if file == "404.html" {
            return;
        }
        if let (Some(tx), Some(main)) = (&self.tx, indexable(html)) {
            // A send fails only when the worker stopped with an error,
            // which `finish` reports.
            let _ = tx.send((file.to_string(), main));
        }
    }

    /// Waits for the index and writes the bundle into `out`, linking the
    /// files `previous` has with the same bytes (the fragments of pages
    /// that did not change); returns how many it linked.
    pub fn finish(mut self, out: &Path, previous: Option<&Previous>) -> Result<usize> {
        drop(self.tx.take());
        let Some(worker) = self.worker.take() else {
            return Ok(0);
        };
        let files = worker
            .join()
            .map_err(|_| anyhow!(msg!("env-search-crashed")))??;
        let mut linked = 0;
        for (name, contents) in files {
            let name = name.trim_start_matches('/');
            if is_prebuilt_ui(name) {
                continue;
            }
            let rel = if name.starts_with(&format!("{DIR}/")) {
                name.to_string()
            } else {
                format!("{DIR}/{name}")
            };
            linked += usize::from(Previous::write(previous, out, &rel, &contents)?);
        }
        Ok(linked)
    }
}

/// Pagefind's ready-made interfaces, which the site does not use: they
/// insert indexed text as HTML, so konzept's own `assets/search.js` shows
/// the results instead, on the search API in `pagefind.js`.
fn is_prebuilt_ui(name: &str) -> bool {
    let file = name.rsplit('/').next().unwrap_or(name);
    [
        "pagefind-ui.",
        "pagefind-modular-ui.",
        "pagefind-component-ui.",
        "pagefind-highlight.",
    ]
    .iter()
    .any(|p| file.starts_with(p))
}

/// The part of a page Pagefind reads: its `<main data-pagefind-body>`
/// element inside a minimal document that keeps the page's language.
fn indexable(html: &str) -> Option<String> {
    let body = html.find("data-pagefind-body")?;
    let start = html[..body].rfind("<main")?;
    let end = html[body..]
        .rfind("</main>")
        .map(|i| body + i + "</main>".len())?;
    let lang = html
        .find("<html lang=\"")
        .map(|i| &html[i + 12..])
        .and_then(|rest| rest.split('"').next())
        .unwrap_or("de");
    Some(format!(
        "<!doctype html><html lang=\"{lang}\"><body>{}</body></html>",
        &html[start..end]
    ))
}

/// Indexes `pages` (file path, HTML) and writes the bundle into `out`.
pub fn index(pages: &[(String, String)], out: &Path) -> Result<()> {
    let indexer = Indexer::start(None)?;
    for (file, html) in pages {
        indexer.add(file, html);
    }
    indexer.finish(out, None).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_main_element_is_indexed() {
        let page = "<!doctype html><html lang=\"de\"><head><title>T</title></head><body><nav>Menü</nav>\
                    <main id=\"inhalt\" data-pagefind-body><h1>Titel</h1></main><footer>Fuß</footer></body></html>";
        let doc = indexable(page).unwrap();
        assert!(doc.contains("<main id=\"inhalt\" data-pagefind-body><h1>Titel</h1></main>"));
        assert!(!doc.contains("Menü") && !doc.contains("Fuß"));
        assert!(indexable("<html><main>x</main></html>").is_none());
    }

    #[test]
    fn the_prebuilt_interfaces_are_left_out() {
        for ui in [
            "pagefind-ui.js",
            "pagefind/pagefind-ui.css",
            "pagefind-modular-ui.js",
            "pagefind-component-ui.js",
            "pagefind-highlight.js",
        ] {
            assert!(is_prebuilt_ui(ui), "{ui}");
        }
        for kept in [
            "pagefind.js",
            "pagefind-worker.js",
            "pagefind-entry.json",
            "wasm.de.pagefind",
            "index/de_1.pf_index",
        ] {
            assert!(!is_prebuilt_ui(kept), "{kept}");
        }
    }
}
