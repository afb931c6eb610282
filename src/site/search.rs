//! The Pagefind search index, built in memory from the rendered pages
//! (German stemming; filters come from `data-pagefind-filter` attributes in
//! the templates) and written to `pagefind/` in the site.

use anyhow::{Context, Result, anyhow};
use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;
use std::path::Path;

/// The folder of the search bundle in the site.
pub const DIR: &str = "pagefind";

/// Indexes `pages` (file path, HTML) and writes the bundle into `out`.
pub fn index(pages: &[(String, String)], out: &Path) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .build()
        .context("cannot start the search indexer")?;
    let files = runtime.block_on(async {
        let config = PagefindServiceConfig::builder()
            .force_language("de".to_string())
            .build();
        let mut index = PagefindIndex::new(Some(config)).map_err(|e| anyhow!("{e}"))?;
        for (file, html) in pages {
            if file == "404.html" || !html.contains("data-pagefind-body") {
                continue;
            }
            index
                .add_html_file(Some(file.clone()), None, html.clone())
                .await
                .map_err(|e| anyhow!("search index, page {file}: {e}"))?;
        }
        index
            .get_files()
            .await
            .map_err(|e| anyhow!("search index: {e}"))
    })?;
    for f in files {
        let name = f.filename.to_string_lossy().replace('\\', "/");
        let name = name.trim_start_matches('/');
        let rel = if name.starts_with(&format!("{DIR}/")) {
            name.to_string()
        } else {
            format!("{DIR}/{name}")
        };
        crate::output::write(out, &rel, &f.contents)?;
    }
    Ok(())
}
