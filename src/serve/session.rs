//! The incremental builder behind `serve`: it keeps the last good project,
//! its prepared templates and model, and the list of pages it wrote, and
//! turns a batch of changed files into the cheapest rebuild that is still
//! right.
//!
//! Steps per batch: add the changes to those not yet built, plan
//! ([`classify::plan`]), reload what changed (chapters, data, project or
//! everything) with stage one of the findings, hand the pages to render to
//! the one pipeline (`build::run_changed`: stage two of the findings over
//! the kept link scan, the same as `build`; a full rebuild is
//! `build::run_loaded`), write the changed pages into the output folder one file at a time, each
//! by rename so the server never sends half a page, and report which pages
//! changed. A failed rebuild leaves the site as it was and keeps the changes
//! pending, so the next good build covers them too.

use super::background::Snapshot;
use super::classify::{self, Change, Rebuild};
use crate::build;
use crate::content::Chapter;
use crate::data::Data;
use crate::diag::{Diagnostics, Failure};
use crate::findings::pages::Pages;
use crate::msg;
use crate::project::Project;
use crate::site::pages::{self, Page, PageKind};
use crate::site::{self, Renderer};
use crate::strings::Strings;
use anyhow::{Context, Result};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The result of one rebuild.
#[derive(Debug)]
pub enum Rebuilt {
    /// The changes do not touch the site.
    Nothing,
    /// The site was rebuilt; the open pages should reload.
    Done(Refreshed),
    /// The sources have errors; the site is as it was.
    Failed(Diagnostics),
}

/// A successful rebuild.
#[derive(Debug)]
pub struct Refreshed {
    /// `chapters`, `data`, `project` or `full`.
    pub kind: &'static str,
    /// The site paths of the changed pages (`/kapitel/x/`); `None` for all.
    pub pages: Option<Vec<String>>,
    /// How many pages were rendered.
    pub rendered: usize,
    /// Warnings about the files that changed (all of them after a full build).
    pub warnings: Diagnostics,
    pub took: Duration,
}

/// The last good build.
struct Good {
    project: Arc<Project>,
    renderer: Arc<Renderer>,
    out: PathBuf,
    /// The PDFs' documents of a full build, until the PDF builder takes them.
    documents: Arc<std::sync::Mutex<Option<crate::print::Documents>>>,
    /// The page files written, relative to `out`, with the hash of their
    /// HTML once konzept wrote or compared them (unchanged pages are not
    /// written again, and their open copies not reloaded).
    files: BTreeMap<String, Option<u64>>,
    /// The links and ids of every page and the site's files, for the link
    /// findings of the next rebuild.
    seen: Pages,
}

/// The state `serve` keeps between rebuilds.
pub struct Session {
    opts: build::Options,
    /// The reader PDFs the home page links to (set by the PDF builder).
    downloads: super::background::Downloads,
    good: Option<Good>,
    /// Changed files (relative to the root) not yet in a good build.
    pending: BTreeSet<PathBuf>,
    strings: Strings,
}

impl Session {
    /// Builds the whole site once. A project with errors still gives a
    /// session (it serves what the output folder holds) and the errors.
    pub fn start(
        opts: build::Options,
        downloads: super::background::Downloads,
    ) -> Result<(Session, Rebuilt)> {
        let mut s = Session {
            downloads,
            strings: default_strings(&opts.root),
            opts,
            good: None,
            pending: BTreeSet::new(),
        };
        let outcome = s.full()?;
        Ok((s, outcome))
    }

    pub fn root(&self) -> &Path {
        &self.opts.root
    }

    /// The folder the site is served from.
    pub fn out(&self) -> PathBuf {
        match &self.good {
            Some(g) => g.out.clone(),
            None => self.opts.out.clone().unwrap_or_else(|| {
                let output = crate::config::Config::load(&self.opts.root)
                    .map(|c| c.output)
                    .unwrap_or_else(|_| PathBuf::from("public"));
                self.opts.root.join(output)
            }),
        }
    }

    /// The last good build, for the PDF builder.
    pub fn snapshot(&self) -> Option<Snapshot> {
        self.good.as_ref().map(|g| Snapshot {
            project: g.project.clone(),
            renderer: g.renderer.clone(),
            out: g.out.clone(),
            documents: g.documents.clone(),
        })
    }

    fn downloads(&self) -> Vec<crate::views::Download> {
        self.downloads.lock().expect("not poisoned").clone()
    }

    /// The interface strings of the last good build's theme.
    pub fn strings(&self) -> &Strings {
        &self.strings
    }

    /// Rebuilds after `changed` (paths relative to the root).
    pub fn apply(&mut self, changed: impl IntoIterator<Item = PathBuf>) -> Result<Rebuilt> {
        self.pending.extend(changed);
        let root = self.opts.root.clone();
        let changes: Vec<Change> = self
            .pending
            .iter()
            .map(|p| Change::new(p, root.join(p).exists()))
            .collect();
        let plan = match &self.good {
            None if changes.is_empty() => Rebuild::Nothing,
            None => Rebuild::Full,
            Some(g) => {
                let chapters: HashSet<PathBuf> = g
                    .project
                    .book
                    .chapters
                    .iter()
                    .map(|c| c.file.clone())
                    .collect();
                let out_rel = crate::output::absolute(&g.out)
                    .strip_prefix(crate::output::absolute(&root))
                    .ok()
                    .map(Path::to_path_buf);
                classify::plan(&changes, &chapters, out_rel.as_deref())
            }
        };
        let outcome = match plan {
            Rebuild::Nothing => Rebuilt::Nothing,
            Rebuild::Chapters(files) => self.chapters(&files)?,
            Rebuild::Data => self.data()?,
            Rebuild::Project => self.project()?,
            Rebuild::Full => self.full()?,
        };
        if !matches!(outcome, Rebuilt::Failed(_)) {
            self.pending.clear();
        }
        Ok(outcome)
    }

    /// Loads everything and builds the whole site like `konzept build
    /// --no-pdf`, through a staging folder swapped in at the end.
    fn full(&mut self) -> Result<Rebuilt> {
        let start = Instant::now();
        let (project, warnings) = match build::load(&self.opts) {
            Ok(x) => x,
            Err(f) => return failed(f),
        };
        // The new site folder has no PDFs until the PDF builder runs again.
        self.downloads.lock().expect("not poisoned").clear();
        let renderer = match Renderer::new(&project) {
            Ok(r) => r,
            Err(d) => return Ok(Rebuilt::Failed(d)),
        };
        let opts = build::Options {
            no_pdf: true,
            ..self.opts.clone()
        };
        let built = match build::run_loaded(&opts, &project, &renderer, warnings, start) {
            Ok(b) => b,
            Err(f) => return failed(f),
        };
        let all = pages::all(&project);
        self.strings = renderer.strings.clone();
        self.good = Some(Good {
            files: all.iter().map(|p| (p.file(), None)).collect(),
            project: Arc::new(project),
            renderer: Arc::new(renderer),
            out: built.out,
            documents: Arc::new(std::sync::Mutex::new(built.documents)),
            seen: built.pages,
        });
        Ok(Rebuilt::Done(Refreshed {
            kind: "full",
            pages: None,
            rendered: all.len(),
            warnings: built.warnings,
            took: start.elapsed(),
        }))
    }

    /// Reloads the whole project and renders every page into the live
    /// folder; assets and the search index stay as they are.
    fn project(&mut self) -> Result<Rebuilt> {
        let start = Instant::now();
        let (project, warnings) = match build::load(&self.opts) {
            Ok(x) => x,
            Err(f) => return failed(f),
        };
        Ok(self.replace(project, warnings, "project", start)?.0)
    }

    /// Reloads `data/`, checks it against the chapters kept in memory, and
    /// renders every page again (chapters show records in links and listings).
    fn data(&mut self) -> Result<Rebuilt> {
        let start = Instant::now();
        let Some(good) = self.good.as_mut() else {
            return self.full();
        };
        let config = &good.project.config;
        let period = (config.monitoring.first_year, config.monitoring.last_year);
        let mut diags = Diagnostics::default();
        let data = Data::load(&self.opts.root, period, &mut diags);
        // Move the chapters over instead of copying a large book.
        let project = Arc::make_mut(&mut good.project);
        let book = std::mem::take(&mut project.book);
        let candidate = Project {
            root: project.root.clone(),
            config: project.config.clone(),
            book,
            data,
            translations: project.translations.clone(),
        };
        diags.extend(crate::findings::sources(&candidate, self.opts.today));
        if diags.has_errors() {
            project.book = candidate.book;
            return Ok(Rebuilt::Failed(diags));
        }
        match self.replace(candidate, diags, "data", start)? {
            (Rebuilt::Failed(d), Some(back)) => {
                if let Some(g) = self.good.as_mut() {
                    Arc::make_mut(&mut g.project).book = back.book;
                }
                Ok(Rebuilt::Failed(d))
            }
            (o, _) => Ok(o),
        }
    }

    /// Makes `project` the good one: renders all its pages into the live
    /// folder, writes media and exports, removes pages that are gone.
    /// On failure hands the project back (to restore a moved book).
    fn replace(
        &mut self,
        project: Project,
        warnings: Diagnostics,
        kind: &'static str,
        start: Instant,
    ) -> Result<(Rebuilt, Option<Project>)> {
        let downloads = self.downloads();
        let Some(good) = self.good.as_mut() else {
            return Ok((self.full()?, None));
        };
        let renderer = match Renderer::new(&project) {
            Ok(p) => p,
            Err(d) => return Ok((Rebuilt::Failed(d), Some(project))),
        };
        let all = pages::all(&project);
        let files: BTreeSet<String> = all.iter().map(Page::file).collect();
        let gone: Vec<String> = (good.files.keys())
            .filter(|f| !files.contains(*f))
            .cloned()
            .collect();
        // The home page shows the PDFs the background builder made.
        let changed = build::Changed {
            pages: &all,
            gone: &gone,
            seen: good.seen.clone(),
            downloads: &downloads,
        };
        let built = match build::run_changed(&project, &renderer, warnings, changed) {
            Ok(r) => r,
            Err(Failure::Sources(d)) => return Ok((Rebuilt::Failed(d), Some(project))),
            Err(Failure::Environment(e)) => return Err(e),
        };
        let rendered = built.pages;
        let out = good.out.clone();
        let changed = write_pages(&out, &rendered, &mut good.files)?;
        site::copy_media(&project, &out, &Pages::default())?;
        let paths: Vec<String> = all.iter().map(|p| p.path.clone()).collect();
        site::export::write(&project, &renderer.model, &renderer.strings, &paths, &out)?;
        let mut files = BTreeMap::new();
        for page in &all {
            let file = page.file();
            let hash = good.files.get(&file).copied().flatten();
            files.insert(file, hash);
        }
        for f in &gone {
            remove_page(&out, f);
        }
        self.strings = renderer.strings.clone();
        *good = Good {
            project: Arc::new(project),
            renderer: Arc::new(renderer),
            out,
            files,
            documents: Arc::new(std::sync::Mutex::new(Some(built.documents))),
            seen: built.seen,
        };
        Ok((
            Rebuilt::Done(Refreshed {
                kind,
                pages: Some(changed.iter().map(|f| site_path(f)).collect()),
                rendered: rendered.len(),
                warnings: built.warnings,
                took: start.elapsed(),
            }),
            None,
        ))
    }

    /// Re-reads the edited chapters; when nothing other pages show of them
    /// changed, re-checks and renders only their pages.
    fn chapters(&mut self, files: &[PathBuf]) -> Result<Rebuilt> {
        let start = Instant::now();
        let root = self.opts.root.clone();
        let downloads = self.downloads();
        let Some(good) = self.good.as_mut() else {
            return self.full();
        };
        let mut fresh: Vec<(usize, Chapter)> = Vec::new();
        let mut diags = Diagnostics::default();
        let today = self.opts.today;
        let project = Arc::make_mut(&mut good.project);
        for f in files {
            let chapters = &project.book.chapters;
            let Some(i) = chapters.iter().position(|c| &c.file == f) else {
                return self.project();
            };
            match crate::content::load_chapter(&root, f) {
                Ok(mut c) => {
                    c.part = chapters[i].part;
                    fresh.push((i, c));
                }
                Err(d) => diags.extend(d),
            }
        }
        if diags.has_errors() {
            return Ok(Rebuilt::Failed(diags));
        }
        let chapters = &mut project.book.chapters;
        if fresh
            .iter()
            .any(|(i, c)| outline(&chapters[*i]) != outline(c))
        {
            // Titles, order, headings … appear on other pages: render them all.
            return self.project();
        }
        let images_changed = fresh
            .iter()
            .any(|(i, c)| images(&chapters[*i]) != images(c));
        // Swap the new chapters in; `fresh` then holds the old ones.
        for (i, c) in fresh.iter_mut() {
            std::mem::swap(&mut chapters[*i], c);
        }
        let restore = |project: &mut Project, fresh: &mut Vec<(usize, Chapter)>| {
            for (i, c) in fresh.iter_mut() {
                std::mem::swap(&mut project.book.chapters[*i], c);
            }
        };
        diags.extend(crate::findings::sources(project, today));
        if diags.has_errors() {
            restore(project, &mut fresh);
            return Ok(Rebuilt::Failed(diags));
        }
        let list: Vec<Page> = fresh
            .iter()
            .map(|(i, _)| {
                let c = &good.project.book.chapters[*i];
                Page {
                    path: crate::views::urls::chapter(&c.slug, c.kind),
                    kind: PageKind::Chapter(*i),
                }
            })
            .collect();
        let changed = build::Changed {
            pages: &list,
            gone: &[],
            seen: good.seen.clone(),
            downloads: &downloads,
        };
        let built = match build::run_changed(&good.project, &good.renderer, diags, changed) {
            Ok(r) => r,
            Err(f) => {
                restore(Arc::make_mut(&mut good.project), &mut fresh);
                return failed(f);
            }
        };
        // The PDFs' documents now match the chapters in memory.
        *good.documents.lock().expect("not poisoned") = Some(built.documents);
        good.seen = built.seen;
        let rendered = built.pages;
        let changed = write_pages(&good.out, &rendered, &mut good.files)?;
        if images_changed {
            site::copy_media(&good.project, &good.out, &Pages::default())?;
        }
        Ok(Rebuilt::Done(Refreshed {
            kind: "chapters",
            pages: Some(changed.iter().map(|f| site_path(f)).collect()),
            rendered: rendered.len(),
            warnings: built.warnings,
            took: start.elapsed(),
        }))
    }
}

/// A failed load or build: the sources' findings for the overlay, or the
/// environment's error for the terminal.
fn failed(f: Failure) -> Result<Rebuilt> {
    match f {
        Failure::Sources(d) => Ok(Rebuilt::Failed(d)),
        Failure::Environment(e) => Err(e),
    }
}

/// Everything about a chapter that other pages show: navigation (title,
/// order, kind), link labels and anchors (headings), the field of action's
/// chapter link, and summaries.
fn outline(c: &Chapter) -> impl PartialEq + use<'_> {
    (
        (&c.slug, &c.title, &c.short_title, c.order, c.kind, c.part),
        (&c.summary, &c.description),
        c.handlungsfeld.as_ref().map(|h| &h.value),
        c.scan
            .headings
            .iter()
            .map(|h| (h.level, &h.id, &h.text))
            .collect::<Vec<_>>(),
    )
}

fn images(c: &Chapter) -> Vec<&str> {
    c.scan.images.iter().map(|i| i.src.as_str()).collect()
}

/// Writes the pages whose HTML changed into the live folder, each through
/// a temporary file renamed into place, so a request never sees half a
/// page. Returns the files written.
fn write_pages(
    out: &Path,
    pages: &[(String, String)],
    known: &mut BTreeMap<String, Option<u64>>,
) -> Result<Vec<String>> {
    let results: Vec<(&String, u64, bool)> = pages
        .par_iter()
        .map(|(file, html)| {
            let hash = hash(html);
            let path = crate::output::join(out, file)?;
            let same = match known.get(file) {
                Some(Some(h)) => *h == hash,
                // Not compared yet (written by the full build): ask the disk.
                _ => std::fs::read(&path).is_ok_and(|old| old == html.as_bytes()),
            };
            if same {
                return Ok((file, hash, false));
            }
            let dir = path.parent().unwrap_or(out);
            std::fs::create_dir_all(dir)
                .with_context(|| msg!("env-create-folder", dir = dir.display().to_string()))?;
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            let tmp = dir.join(format!(".{name}.konzept-tmp"));
            std::fs::write(&tmp, html)
                .with_context(|| msg!("env-write-file", file = tmp.display().to_string()))?;
            std::fs::rename(&tmp, &path)
                .with_context(|| msg!("env-write-file", file = path.display().to_string()))?;
            Ok((file, hash, true))
        })
        .collect::<Result<_>>()?;
    let mut written = Vec::new();
    for (file, hash, changed) in results {
        known.insert(file.clone(), Some(hash));
        if changed {
            written.push(file.clone());
        }
    }
    Ok(written)
}

fn hash(html: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    html.hash(&mut h);
    h.finish()
}

/// `kapitel/a/index.html` → `/kapitel/a/`, as the browser shows it.
fn site_path(file: &str) -> String {
    format!("/{}", file.strip_suffix("index.html").unwrap_or(file))
}

/// Removes a page that no longer exists, and its folder when empty.
fn remove_page(out: &Path, file: &str) {
    let Ok(path) = crate::output::join(out, file) else {
        return;
    };
    let _ = std::fs::remove_file(&path);
    if let Some(dir) = path.parent()
        && dir != out
    {
        let _ = std::fs::remove_dir(dir);
    }
}

/// The default theme's strings, for when the project cannot be loaded.
fn default_strings(root: &Path) -> Strings {
    crate::theme::Theme::new(root, "default")
        .read_string("strings/de.toml")
        .and_then(|t| Strings::parse(&t).ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The serve fixture in a temporary folder.
    fn project() -> tempfile::TempDir {
        let tmp = tempfile::tempdir().unwrap();
        let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/serve/basic");
        for e in walkdir::WalkDir::new(&from) {
            let e = e.unwrap();
            let to = tmp.path().join(e.path().strip_prefix(&from).unwrap());
            if e.file_type().is_dir() {
                std::fs::create_dir_all(&to).unwrap();
            } else {
                std::fs::copy(e.path(), &to).unwrap();
            }
        }
        tmp
    }

    fn start(root: &Path) -> Session {
        let opts = build::Options {
            no_pdf: true,
            ..build::Options::new(root)
        };
        let (s, first) = Session::start(opts, Default::default()).unwrap();
        assert!(matches!(first, Rebuilt::Done(_)), "{first:?}");
        s
    }

    fn edit(root: &Path, rel: &str, from: &str, to: &str) -> PathBuf {
        let text = std::fs::read_to_string(root.join(rel)).unwrap();
        assert!(text.contains(from), "{rel}: {from}");
        std::fs::write(root.join(rel), text.replace(from, to)).unwrap();
        PathBuf::from(rel)
    }

    fn pages(o: Rebuilt) -> (&'static str, Vec<String>) {
        match o {
            Rebuilt::Done(b) => (b.kind, b.pages.unwrap_or_default()),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_body_edit_renders_one_page_a_title_edit_every_page_showing_it() {
        let tmp = project();
        let root = tmp.path();
        let mut s = start(root);
        let f = edit(
            root,
            "content/02-umsetzung.md",
            "beginnt 2025",
            "beginnt 2026",
        );
        assert_eq!(
            pages(s.apply([f]).unwrap()),
            ("chapters", vec!["/kapitel/umsetzung/".to_string()])
        );
        let f = edit(
            root,
            "content/02-umsetzung.md",
            "title: Umsetzung",
            "title: Umsetzen",
        );
        let (kind, changed) = pages(s.apply([f]).unwrap());
        assert_eq!(kind, "project");
        for p in ["/kapitel/umsetzung/", "/kapitel/einleitung/", "/inhalt/"] {
            assert!(changed.contains(&p.to_string()), "{p} in {changed:?}");
        }
        assert!(matches!(s.apply([]).unwrap(), Rebuilt::Nothing));
    }

    #[test]
    fn errors_keep_the_site_and_the_pending_changes() {
        let tmp = project();
        let root = tmp.path();
        let mut s = start(root);
        let page = root.join("public/kapitel/umsetzung/index.html");
        let before = std::fs::read_to_string(&page).unwrap();
        let f = edit(
            root,
            "content/02-umsetzung.md",
            "beginnt 2025",
            "beginnt 2026",
        );
        let broken = edit(
            root,
            "data/massnahmen.yaml",
            "status: laufend",
            "status: bald",
        );
        // Both in one batch: chapters and data together reload the project.
        match s.apply([f, broken.clone()]).unwrap() {
            Rebuilt::Failed(d) => assert!(d.has_errors()),
            other => panic!("{other:?}"),
        }
        assert_eq!(std::fs::read_to_string(&page).unwrap(), before);
        let fixed = edit(
            root,
            "data/massnahmen.yaml",
            "status: bald",
            "status: laufend",
        );
        let (kind, changed) = pages(s.apply([fixed]).unwrap());
        assert_eq!(kind, "project", "the chapter edit is still pending");
        assert!(changed.contains(&"/kapitel/umsetzung/".to_string()));
        assert!(
            std::fs::read_to_string(&page)
                .unwrap()
                .contains("beginnt 2026")
        );
    }

    #[test]
    fn each_rebuild_loads_the_project_from_disk_at_most_once() {
        let tmp = project();
        let root = tmp.path();
        let loads = Project::loads_on_this_thread;
        let before = loads();
        let mut s = start(root);
        assert_eq!(loads() - before, 1, "the first build loads once");
        let f = edit(
            root,
            "content/02-umsetzung.md",
            "title: Umsetzung",
            "title: Umsetzen",
        );
        assert_eq!(pages(s.apply([f]).unwrap()).0, "project");
        assert_eq!(loads() - before, 2, "a project rebuild loads once");
        let f = edit(
            root,
            "content/02-umsetzung.md",
            "beginnt 2025",
            "beginnt 2026",
        );
        assert_eq!(pages(s.apply([f]).unwrap()).0, "chapters");
        assert_eq!(
            loads() - before,
            2,
            "a chapter edit re-reads the chapter only"
        );
        // The PDF builder gets the loaded project, not a path to load from.
        let good = s.snapshot().expect("a good build");
        assert!(std::ptr::eq(
            &*good.project,
            &**s.good.as_ref().map(|g| &g.project).unwrap()
        ));
    }

    #[test]
    fn paths_of_pages() {
        assert_eq!(site_path("kapitel/a/index.html"), "/kapitel/a/");
        assert_eq!(site_path("index.html"), "/");
        assert_eq!(site_path("404.html"), "/404.html");
    }
}
