//! The website: pages from MiniJinja templates, assets, open data, sitemap
//! and the Pagefind search index, all written into a staging folder.
//!
//! Steps: build the view model once ([`Renderer`]), render every page but
//! the home page in parallel (each handed to the link findings), copy the
//! theme's assets and the chapters' images, write the exports; then, when
//! the PDFs' sizes are known, the home page and the search index
//! ([`Unfinished::finish`]). The site never selects records itself: listings
//! come selected from `views`.

pub mod catalogue;
pub mod export;
pub mod html;
pub mod lang;
pub mod model;
pub mod monitoring;
pub mod pages;
pub mod search;
pub mod templates;
pub use crate::views::urls;

use crate::diag::{Diagnostic, Diagnostics, Failure};
use crate::findings::pages::Pages;
use crate::msg;
use crate::output::Previous;
use crate::project::Project;
use crate::strings::Strings;
use crate::theme::Theme;
use crate::views::Download;
use anyhow::{Context, Result};
use minijinja::Value;
use minijinja::value::Serde;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// What a site build wrote.
#[derive(Debug, Default)]
pub struct Written {
    pub pages: usize,
    pub files: usize,
    /// Files linked from the previous output instead of written.
    pub reused: usize,
}

/// What every page of one build shares: the theme, its templates and
/// strings, and the view model. Built once per build; `serve` keeps it
/// between rebuilds that leave the data alone.
pub struct Renderer {
    pub theme: Theme,
    pub env: minijinja::Environment<'static>,
    pub strings: Strings,
    pub model: model::Model,
    pub(crate) model_value: Value,
    pub(crate) site: Value,
    pub(crate) strings_value: Value,
    /// The languages of the site (switch and alternates).
    pub langs: crate::views::lang::Languages,
    /// The published translations, each with its own renderer.
    pub translations: Vec<lang::LangSite>,
}

impl Renderer {
    /// Loads the theme and builds the view model of `p`.
    pub fn new(p: &Project) -> Result<Renderer, Diagnostics> {
        let theme = Theme::new(&p.root, &p.config.theme);
        let strings = crate::strings::load(&p.config, &theme)
            .map_err(|d| std::iter::once(d).collect::<Diagnostics>())?;
        let langs = crate::views::lang::Languages::of(p);
        let mut r = Renderer::with_strings(p, strings, &langs)?;
        r.translations = lang::sites(p, &r.theme)?;
        Ok(r)
    }

    /// A renderer of `p` with the interface `strings` (a translation's).
    pub fn with_strings(
        p: &Project,
        strings: Strings,
        langs: &crate::views::lang::Languages,
    ) -> Result<Renderer, Diagnostics> {
        let theme = Theme::new(&p.root, &p.config.theme);
        let env = templates::environment(&theme);
        let model = model::Model::build(p, &strings);
        Ok(Renderer {
            model_value: Value::from(Serde(&model)),
            site: site_value(p, &strings, &[]),
            strings_value: Value::from(Serde(&strings)),
            theme,
            env,
            strings,
            model,
            langs: langs.clone(),
            translations: Vec::new(),
        })
    }
}

/// Renders `pages` of `p` to (file, HTML) pairs, in parallel.
/// Template problems come back as diagnostics.
pub fn render(
    p: &Project,
    r: &Renderer,
    pages: &[pages::Page],
) -> Result<Vec<(String, String)>, Diagnostics> {
    render_with(p, r, pages, r.site.clone(), &pages::Nav::new(p))
}

fn render_with(
    p: &Project,
    r: &Renderer,
    pages: &[pages::Page],
    site: Value,
    nav: &pages::Nav,
) -> Result<Vec<(String, String)>, Diagnostics> {
    let strings = &r.strings;
    let shared = pages::Shared {
        project: p,
        model: r.model_value.clone(),
        site,
        strings: r.strings_value.clone(),
        labels: html::Labels::new(strings),
        env: &r.env,
        langs: &r.langs,
        nav,
        errors: Default::default(),
    };
    let results: Vec<Result<(String, String), Diagnostic>> = pages
        .par_iter()
        .map(|page| {
            let (template, ctx) = shared.context(page);
            let html = r
                .env
                .get_template(template)
                .and_then(|t| t.render(ctx))
                .map_err(|e| templates::describe(&e, &page.path, &r.theme))?;
            let root = page_root(p, page);
            let html = html
                .replace(urls::ROOT, &root)
                .replace(urls::ROOT_IN_URL, &root);
            Ok((page.file(), html))
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
            &r.theme,
        ));
    }
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(rendered)
}

/// The home page with the reader PDFs' links, pages and sizes.
pub fn render_home(
    p: &Project,
    r: &Renderer,
    downloads: &[Download],
) -> Result<(String, String), Diagnostics> {
    let home = pages::Page {
        path: String::new(),
        kind: pages::PageKind::Home,
    };
    let own: Vec<Download> = downloads
        .iter()
        .filter(|d| d.lang.is_none())
        .cloned()
        .collect();
    let site = site_value(p, &r.strings, &own);
    let mut rendered = render_with(p, r, &[home], site, &pages::Nav::new(p))?;
    Ok(rendered.remove(0))
}

/// Pages rendered at once; big enough to keep both cores busy, small
/// enough that a large book's HTML never sits in memory all at once.
const RENDER_CHUNK: usize = 256;

/// A site written into its staging folder except for the home page, which
/// waits for the PDFs' sizes ([`Unfinished::finish`]).
pub struct Unfinished {
    indexer: search::Indexer,
    written: Written,
    started: std::time::Instant,
    previous: Option<Previous>,
}

/// Renders every page but the home page into `out` (a fresh staging
/// folder), copies assets and images, writes the open data, and hands each
/// page to `seen` (the findings about links).
pub fn build(p: &Project, r: &Renderer, out: &Path, seen: &Pages) -> Result<Unfinished, Failure> {
    build_reusing(p, r, out, None, seen)
}

/// [`build`], linking every file that `previous` (the output being
/// replaced) already has with the same bytes instead of writing it.
pub fn build_reusing(
    p: &Project,
    r: &Renderer,
    out: &Path,
    previous: Option<&Previous>,
    seen: &Pages,
) -> Result<Unfinished, Failure> {
    // Pages are rendered and written in chunks; no chunk's HTML outlives
    // its turn. The search index reads them back once they are all written.
    let started = std::time::Instant::now();
    let mut diags = Diagnostics::default();
    let mut pages_written = 0;
    let mut reused = 0;
    let all: Vec<pages::Page> = pages::all(p)
        .into_iter()
        .filter(|page| !matches!(page.kind, pages::PageKind::Home))
        .collect();
    make_folders(out, &all)?;
    let nav = pages::Nav::new(p);
    for chunk in all.chunks(RENDER_CHUNK) {
        match render_with(p, r, chunk, r.site.clone(), &nav) {
            Ok(rendered) if !diags.has_errors() => {
                // Written and scanned for the link findings on every core
                // (the findings sort the pages before they report).
                let linked = chunk
                    .par_iter()
                    .zip(rendered.par_iter())
                    .map(|(page, (file, html))| {
                        seen.add(file, &page.path, page.source(), html);
                        Previous::write(previous, out, file, html.as_bytes())
                    })
                    .try_fold(|| 0, |n, l| l.map(|l| n + usize::from(l)))
                    .try_reduce(|| 0, |a, b| Ok(a + b))?;
                reused += linked;
                pages_written += rendered.len();
            }
            Ok(_) => {}
            Err(d) => diags.extend(d),
        }
    }
    for t in &r.translations {
        // Written before the search index starts, which reads them back
        // with the rest (one index per `<html lang>`).
        match lang::render(p, t, &r.langs, None, false) {
            Ok(rendered) => {
                for (file, html) in &rendered {
                    reused += usize::from(Previous::write(previous, out, file, html.as_bytes())?);
                    seen.add(
                        file,
                        file.trim_end_matches("index.html"),
                        crate::findings::pages::Source::Theme,
                        html,
                    );
                }
                pages_written += rendered.len();
            }
            Err(d) => diags.extend(d),
        }
    }
    if diags.has_errors() {
        return Err(Failure::Sources(diags));
    }
    let indexer = search::Indexer::start(Some(out))?;
    let mut files = pages_written;
    files += copy_assets(&r.theme, out, seen)?;
    files += copy_media(p, out, seen)?;
    let paths: Vec<String> = pages::all(p).into_iter().map(|page| page.path).collect();
    files += export::write(p, &r.model, &r.strings, &paths, out)?;
    Ok(Unfinished {
        indexer,
        written: Written {
            pages: pages_written,
            files,
            reused,
        },
        started,
        previous: previous.cloned(),
    })
}

/// Creates the pages' folders one after another, in the site's page order,
/// so that every build's folders list their entries in the same order
/// (which is the order the search index reads the pages in).
fn make_folders(out: &Path, pages: &[pages::Page]) -> Result<()> {
    let mut made = std::collections::HashSet::new();
    for page in pages {
        let file = page.file();
        let Some((dir, _)) = file.rsplit_once('/') else {
            continue;
        };
        if made.insert(dir.to_string()) {
            let path = crate::output::join(out, dir)?;
            std::fs::create_dir_all(&path)
                .with_context(|| msg!("env-create-folder", dir = path.display().to_string()))?;
        }
    }
    Ok(())
}

impl Unfinished {
    /// Renders and writes the home page with `downloads`, then the search index.
    pub fn finish(
        self,
        p: &Project,
        r: &Renderer,
        out: &Path,
        downloads: &[Download],
        seen: &Pages,
    ) -> Result<Written, Failure> {
        let Unfinished {
            indexer,
            mut written,
            started,
            previous,
        } = self;
        let (file, html) = render_home(p, r, downloads)?;
        seen.add(&file, "", crate::findings::pages::Source::Theme, &html);
        for d in downloads {
            seen.file(d.url.clone());
        }
        // Indexed after the other pages, and written only then, so the
        // index's reading of the folder never meets it; so are the
        // translations' start pages (which wait for their brochures).
        indexer.add(&file, &html);
        let mut homes = vec![(file, html)];
        for t in &r.translations {
            let brochure = downloads
                .iter()
                .find(|d| d.lang.as_deref() == Some(t.link.code.as_str()));
            for (file, html) in lang::render(p, t, &r.langs, brochure, true)? {
                seen.add(
                    &file,
                    file.trim_end_matches("index.html"),
                    crate::findings::pages::Source::Theme,
                    &html,
                );
                indexer.add(&file, &html);
                homes.push((file, html));
            }
        }
        let pages_done = started.elapsed();
        written.reused += indexer.finish(out, previous.as_ref())?;
        for (file, html) in &homes {
            written.reused += usize::from(Previous::write(
                previous.as_ref(),
                out,
                file,
                html.as_bytes(),
            )?);
            written.pages += 1;
            written.files += 1;
        }
        if std::env::var_os("KONZEPT_TIMINGS").is_some() {
            // For the benchmark: the site's pages versus the search index.
            eprintln!(
                "timings: pages rendered and written {:.2} s, search index done {:.2} s later",
                pages_done.as_secs_f64(),
                (started.elapsed() - pages_done).as_secs_f64()
            );
        }
        Ok(written)
    }
}

/// Files the build makes besides the pages: the search index and the open
/// data (for the findings about links, which run before they exist).
pub fn generated(file: &str) -> bool {
    file.starts_with(&format!("{}/", search::DIR))
        || file == "sitemap.xml"
        || file == "assets/manifest.webmanifest"
        || file.starts_with("data/")
            && (file.ends_with(".json") || file.ends_with(".csv") || file.ends_with(".jsonld"))
}

/// The way back to the site root; the 404 page is served at any depth, so
/// it uses the configured base URL instead.
pub fn page_root(p: &Project, page: &pages::Page) -> String {
    match page.kind {
        pages::PageKind::NotFound => p.config.base_url.clone(),
        _ => urls::root_prefix(&page.path),
    }
}

fn site_value(p: &Project, strings: &Strings, downloads: &[Download]) -> Value {
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
        documents => Serde(crate::views::documents(p)),
        imprint => special(crate::content::Kind::Imprint),
        statement => special(crate::content::Kind::Accessibility),
        easy => special(crate::content::Kind::EasyLanguage),
        sign => special(crate::content::Kind::SignLanguage),
        absolute => crate::config::is_absolute_url(&c.base_url),
        dir => crate::languages::direction_of(&c.language).as_str(),
    }
}

/// Copies the theme's static files to `assets/`. Under `serve` a file can
/// vanish between listing and reading; that is an error, not a panic.
pub fn copy_assets(theme: &Theme, out: &Path, seen: &Pages) -> Result<usize> {
    let files = theme.list("static");
    for f in &files {
        let bytes = theme
            .read(f)
            .with_context(|| msg!("env-theme-file-gone", file = f))?;
        let rel = f.strip_prefix("static/").unwrap_or(f);
        let file = format!("assets/{rel}");
        crate::output::write(out, &file, &bytes)?;
        seen.file(file);
    }
    Ok(files.len())
}

/// Copies every image the chapters use, SVGs through [`crate::svg::sanitize`];
/// refuses files that lead outside the
/// project (symbolic links included).
pub fn copy_media(p: &Project, out: &Path, seen: &Pages) -> Result<usize> {
    let root = std::fs::canonicalize(&p.root)?;
    let mut n = 0;
    for (rel, src) in media(p) {
        let file = std::fs::canonicalize(p.root.join(&src))?;
        anyhow::ensure!(
            file.starts_with(&root),
            msg!(
                "path-outside",
                path = src.display().to_string(),
                target = file.display().to_string()
            )
        );
        let mut bytes = std::fs::read(&file)?;
        if crate::svg::is_svg(&rel) {
            // Published in the site's origin, so only the re-serialised drawing.
            bytes = crate::svg::sanitize(&bytes).map_err(|e| {
                anyhow::anyhow!(msg!(
                    "image-svg-unusable",
                    src = src.display().to_string(),
                    reason = e.0
                ))
            })?;
        }
        crate::output::write(out, &rel, &bytes)?;
        seen.file(rel);
        n += 1;
    }
    Ok(n)
}

/// The chapters' images, sign-language videos (with captions) and linked
/// documents the site publishes, once each: (file in the site, file in
/// the project).
fn media(p: &Project) -> Vec<(String, PathBuf)> {
    let mut done = std::collections::HashSet::new();
    let mut out = Vec::new();
    let mut add = |rel: String, src: PathBuf| {
        if done.insert(rel.clone()) {
            out.push((rel, src));
        }
    };
    for c in &p.book.chapters {
        // Sign-language videos and their captions, copied as they are.
        for f in c
            .videos
            .iter()
            .flat_map(|v| [&v.datei.value, &v.untertitel.value])
        {
            add(html::media_path(c.dir(), f), c.dir().join(f));
        }
        for img in &c.scan.images {
            if !crate::project::is_external(&img.src) {
                add(html::media_path(c.dir(), &img.src), c.dir().join(&img.src));
            }
        }
    }
    for a in crate::content::attachments::of(&p.book, &p.root) {
        add(a.site, a.file);
    }
    out
}

/// Tells `seen` of the chapters' images without copying them (for a
/// rebuild that checks links before it writes).
pub fn note_media(p: &Project, seen: &Pages) {
    for (rel, ..) in media(p) {
        seen.file(rel);
    }
}
