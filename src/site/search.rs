//! The Pagefind search index, built in memory from the rendered pages
//! (German stemming; filters come from `data-pagefind-filter` attributes in
//! the templates) and written to `pagefind/` in the site.
//!
//! Only the search API and the index are published; Pagefind's own result
//! interfaces are left out (see [`is_prebuilt_ui`]).
//!
//! Pagefind indexes one page at a time, so the [`Indexer`] runs on its own
//! thread and takes pages while the others are still being rendered; it
//! only sees each page's `<main>` element, which is all Pagefind reads.

use anyhow::{Context, Result, anyhow};
use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;
use std::path::Path;
use std::sync::mpsc::{SyncSender, sync_channel};
use std::thread::JoinHandle;

/// The folder of the search bundle in the site.
pub const DIR: &str = "pagefind";

/// The bundle's files: path inside the bundle and contents.
type Bundle = Vec<(String, Vec<u8>)>;

/// A search index being built on a thread of its own.
pub struct Indexer {
    tx: Option<SyncSender<(String, String)>>,
    worker: Option<JoinHandle<Result<Bundle>>>,
}

impl Indexer {
    /// Starts the indexing thread.
    pub fn start() -> Result<Indexer> {
        // A small queue bounds the memory: rendering waits when indexing lags.
        let (tx, rx) = sync_channel::<(String, String)>(64);
        let worker = std::thread::Builder::new()
            .name("search-index".into())
            .spawn(move || -> Result<Bundle> {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .build()
                    .context("cannot start the search indexer")?;
                runtime.block_on(async {
                    // One index per page language (`<html lang>`): the
                    // translations are searched in their own language.
                    let config = PagefindServiceConfig::builder().build();
                    let mut index = PagefindIndex::new(Some(config)).map_err(|e| anyhow!("{e}"))?;
                    for (file, html) in rx {
                        index
                            .add_html_file(Some(file.clone()), None, html)
                            .await
                            .map_err(|e| anyhow!("search index, page {file}: {e}"))?;
                    }
                    let files = index
                        .get_files()
                        .await
                        .map_err(|e| anyhow!("search index: {e}"))?;
                    Ok(files
                        .into_iter()
                        .map(|f| (f.filename.to_string_lossy().replace('\\', "/"), f.contents))
                        .collect())
                })
            })
            .context("cannot start the search indexer")?;
        Ok(Indexer {
            tx: Some(tx),
            worker: Some(worker),
        })
    }

    /// Queues a rendered page; pages without `data-pagefind-body` and the
    /// 404 page are left out.
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

    /// Waits for the index and writes the bundle into `out`.
    pub fn finish(mut self, out: &Path) -> Result<()> {
        drop(self.tx.take());
        let files = self
            .worker
            .take()
            .expect("finish runs once")
            .join()
            .map_err(|_| anyhow!("the search indexer crashed"))??;
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
            crate::output::write(out, &rel, &contents)?;
        }
        Ok(())
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
    let indexer = Indexer::start()?;
    for (file, html) in pages {
        indexer.add(file, html);
    }
    indexer.finish(out)
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
