//! The website: pages from MiniJinja templates, assets, open data, sitemap
//! and the Pagefind search index, all written into a staging folder.
//!
//! Steps: build the view model once, render every page in parallel, copy
//! the theme's assets and the chapters' images, write the exports, index.

pub mod export;
pub mod html;
pub mod model;
pub mod monitoring;
pub mod pages;
pub mod search;
pub mod strings;
pub mod templates;
pub mod urls;

use crate::diag::{Diagnostic, Diagnostics};
use crate::project::Project;
use crate::theme::Theme;
use anyhow::Result;
use minijinja::Value;
use minijinja::value::Serde;
use rayon::prelude::*;
use std::path::Path;

/// A reader PDF the site links to.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Download {
    pub title: String,
    /// Path relative to the site root.
    pub url: String,
    pub pages: Option<u32>,
    pub bytes: Option<u64>,
    /// `bytes` for people, e.g. `1,2 MB`.
    pub size: Option<String>,
}

/// What a site build produced.
#[derive(Debug, Default)]
pub struct Report {
    pub pages: usize,
    pub files: usize,
}

/// Loads the theme's interface strings for the project's language.
pub fn strings(p: &Project, theme: &Theme) -> Result<strings::Strings, Diagnostic> {
    let rel = format!("strings/{}.toml", p.config.language);
    let text = theme.read_string(&rel).ok_or_else(|| {
        Diagnostic::error(
            crate::config::FILE,
            format!(
                "the theme has no interface strings for the language `{}`",
                p.config.language
            ),
        )
        .hint(format!(
            "add themes/{}/{rel}, or set `language = \"de\"`",
            p.config.theme
        ))
    })?;
    strings::Strings::parse(&text).map_err(|e| {
        let file = theme
            .origin(&rel)
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or(rel.clone());
        let span = e
            .span()
            .map(|r| crate::diag::Span::from_bytes(&text, r.start, r.end));
        Diagnostic::error(
            file,
            format!("the interface strings are not valid TOML: {}", e.message()),
        )
        .at_opt(span)
    })
}

/// What every page of one build shares: the theme, its templates and
/// strings, and the view model. Built once per build; `serve` keeps it
/// between rebuilds that leave the data alone.
pub struct Prepared {
    pub theme: Theme,
    pub env: minijinja::Environment<'static>,
    pub strings: strings::Strings,
    pub model: model::Model,
    model_value: Value,
    site: Value,
    strings_value: Value,
}

impl Prepared {
    /// Loads the theme and builds the view model of `p`.
    pub fn new(p: &Project, downloads: &[Download]) -> Result<Prepared, Diagnostics> {
        let theme = Theme::new(&p.root, &p.config.theme);
        let strings =
            strings(p, &theme).map_err(|d| std::iter::once(d).collect::<Diagnostics>())?;
        let env = templates::environment(&theme);
        let model = model::Model::build(p, &strings);
        Ok(Prepared {
            model_value: Value::from(Serde(&model)),
            site: site_value(p, &strings, downloads),
            strings_value: Value::from(Serde(&strings)),
            theme,
            env,
            strings,
            model,
        })
    }
}

/// Renders `pages` of `p` to (file, HTML) pairs, in parallel.
/// Template problems come back as diagnostics.
pub fn render(
    p: &Project,
    prep: &Prepared,
    pages: &[pages::Page],
) -> Result<Vec<(String, String)>, Diagnostics> {
    let strings = &prep.strings;
    let shared = pages::Shared {
        project: p,
        model: prep.model_value.clone(),
        site: prep.site.clone(),
        strings: prep.strings_value.clone(),
        labels: html::Labels::new(strings),
        env: &prep.env,
        errors: Default::default(),
    };
    let results: Vec<Result<(String, String), Diagnostic>> = pages
        .par_iter()
        .map(|page| {
            let (template, ctx) = shared.context(page);
            let html = prep
                .env
                .get_template(template)
                .and_then(|t| t.render(ctx))
                .map_err(|e| templates::describe(&e, &page.path, &prep.theme))?;
            let root = page_root(p, page);
            Ok((page.file(), html.replace(urls::ROOT, &root)))
        })
        .collect();
    let mut diags = Diagnostics::default();
    let mut rendered = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(x) => rendered.push(x),
            Err(d) => diags.push(d),
        }
    }
    for (name, e) in shared.errors.lock().expect("not poisoned").drain(..) {
        diags.push(templates::describe(
            &e,
            &format!("listing {name}"),
            &prep.theme,
        ));
    }
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(rendered)
}

/// Pages rendered at once; big enough to keep both cores busy, small
/// enough that a large book's HTML never sits in memory all at once.
const RENDER_CHUNK: usize = 256;

/// Renders the whole site into `out` (a fresh staging folder).
/// Template problems come back as diagnostics; I/O problems as errors.
pub fn build(
    p: &Project,
    out: &Path,
    downloads: &[Download],
) -> Result<Result<Report, Diagnostics>> {
    let prep = match Prepared::new(p, downloads) {
        Ok(x) => x,
        Err(d) => return Ok(Err(d)),
    };
    // Pages are rendered and written in chunks while the search index takes
    // them on its own thread; no chunk's HTML outlives its turn.
    let started = std::time::Instant::now();
    let indexer = search::Indexer::start()?;
    let mut diags = Diagnostics::default();
    let mut pages_written = 0;
    for chunk in pages::all(p).chunks(RENDER_CHUNK) {
        match render(p, &prep, chunk) {
            Ok(rendered) if !diags.has_errors() => {
                rendered.par_iter().try_for_each(|(file, html)| {
                    crate::output::write(out, file, html.as_bytes())
                })?;
                for (file, html) in &rendered {
                    indexer.add(file, html);
                }
                pages_written += rendered.len();
            }
            Ok(_) => {}
            Err(d) => diags.extend(d),
        }
    }
    if diags.has_errors() {
        return Ok(Err(diags));
    }
    let mut files = pages_written;
    files += copy_assets(&prep.theme, out)?;
    files += copy_media(p, out)?;
    files += export::write(p, &prep.model, &prep.strings, out)?;
    let pages_done = started.elapsed();
    indexer.finish(out)?;
    if std::env::var_os("KONZEPT_TIMINGS").is_some() {
        // For the benchmark: the site's pages versus the search index.
        eprintln!(
            "timings: pages rendered and written {:.2} s, search index done {:.2} s later",
            pages_done.as_secs_f64(),
            (started.elapsed() - pages_done).as_secs_f64()
        );
    }
    Ok(Ok(Report {
        pages: pages_written,
        files,
    }))
}

/// Renders the home page again with the finished downloads: the PDFs build
/// in parallel with the site, so their pages and sizes come last.
pub fn rewrite_home(
    p: &Project,
    out: &Path,
    downloads: &[Download],
) -> Result<Result<(), Diagnostics>> {
    let prep = match Prepared::new(p, downloads) {
        Ok(x) => x,
        Err(d) => return Ok(Err(d)),
    };
    let home = pages::Page {
        path: String::new(),
        kind: pages::PageKind::Home,
    };
    let rendered = match render(p, &prep, &[home]) {
        Ok(r) => r,
        Err(d) => return Ok(Err(d)),
    };
    for (file, html) in rendered {
        crate::output::write(out, &file, html.as_bytes())?;
    }
    Ok(Ok(()))
}

/// The way back to the site root; the 404 page is served at any depth, so
/// it uses the configured base URL instead.
pub fn page_root(p: &Project, page: &pages::Page) -> String {
    match page.kind {
        pages::PageKind::NotFound => p.config.base_url.clone(),
        _ => urls::root_prefix(&page.path),
    }
}

fn site_value(p: &Project, strings: &strings::Strings, downloads: &[Download]) -> Value {
    let c = &p.config;
    let notice = c.notice.as_deref().map(|n| {
        let labels = html::Labels::new(strings);
        let none = |_: &crate::content::markdown::Listing| String::new();
        let root = urls::ROOT.to_string();
        let ctx = html::Ctx {
            project: p,
            root: &root,
            dir: None,
            raw: html::RawHtml::Escape,
            labels: &labels,
            listing: &none,
        };
        Value::from_safe_string(html::render(n, &[], &ctx))
    });
    let special = |k| p.book.special(k).map(|ch| urls::chapter(&ch.slug, ch.kind));
    minijinja::context! {
        title => c.title.clone(),
        subtitle => c.subtitle.clone(),
        publisher => c.publisher.clone(),
        language => c.language.clone(),
        edition => c.edition.clone(),
        date => crate::text::german_date(&c.date),
        description => c.description.clone(),
        base_url => c.base_url.clone(),
        notice => notice,
        accessibility => Serde(&c.accessibility),
        reviewed => crate::text::german_date(&c.accessibility.reviewed),
        downloads => Serde(downloads),
        imprint => special(crate::content::Kind::Imprint),
        statement => special(crate::content::Kind::Accessibility),
        easy => special(crate::content::Kind::EasyLanguage),
    }
}

/// Copies the theme's static files to `assets/`.
pub fn copy_assets(theme: &Theme, out: &Path) -> Result<usize> {
    let files = theme.list("static");
    for f in &files {
        let bytes = theme.read(f).expect("listed files exist");
        let rel = f.strip_prefix("static/").unwrap_or(f);
        crate::output::write(out, &format!("assets/{rel}"), &bytes)?;
    }
    Ok(files.len())
}

/// Copies every image the chapters use; refuses files that lead outside the
/// project (symbolic links included).
pub fn copy_media(p: &Project, out: &Path) -> Result<usize> {
    let root = std::fs::canonicalize(&p.root)?;
    let mut n = 0;
    let mut done = std::collections::HashSet::new();
    for c in &p.book.chapters {
        for img in &c.scan.images {
            if crate::project::is_external(&img.src) {
                continue;
            }
            let rel = html::media_path(c.dir(), &img.src);
            if !done.insert(rel.clone()) {
                continue;
            }
            let src = std::fs::canonicalize(p.root.join(c.dir()).join(&img.src))?;
            anyhow::ensure!(
                src.starts_with(&root),
                "the image {} leads outside the project",
                img.src
            );
            crate::output::write(out, &rel, &std::fs::read(&src)?)?;
            n += 1;
        }
    }
    Ok(n)
}
