//! Chapters under `content/`: discovery (walkdir), front matter, order, parts.
//!
//! Steps: find every `.md` file, split off its front matter, scan its body
//! once (headings, links, images, listings), and sort everything into the
//! book's reading order. Rendering happens later, in each back end.

pub mod frontmatter;
pub mod markdown;

use crate::diag::{Diagnostic, Diagnostics, Span};
use crate::msg;
pub use frontmatter::Kind;
use markdown::Scan;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The folder of the chapters, relative to the project root.
pub const DIR: &str = "content";
/// The file that names a part (a sub-folder).
pub const PART_FILE: &str = "_index.md";

/// One Markdown file of the book.
#[derive(Debug, Clone)]
pub struct Chapter {
    pub slug: String,
    pub title: String,
    pub short_title: Option<String>,
    pub order: i64,
    pub summary: Option<String>,
    pub description: Option<String>,
    pub handlungsfeld: Option<crate::data::yaml::Sp<String>>,
    pub kind: Kind,
    /// Relative to the project root.
    pub file: PathBuf,
    /// The whole file; the body starts at `body_start`.
    pub source: String,
    pub body_start: usize,
    /// Index into [`Book::parts`].
    pub part: Option<usize>,
    pub scan: Scan,
    /// Front-matter keys left out for their errors (reported already);
    /// findings about the fields they may have meant are not repeated.
    pub dropped: Vec<String>,
}

impl Chapter {
    pub fn body(&self) -> &str {
        &self.source[self.body_start..]
    }

    /// The span in the whole file of a byte range in the body.
    pub fn span(&self, range: &std::ops::Range<usize>) -> Span {
        Span::from_bytes(
            &self.source,
            self.body_start + range.start,
            self.body_start + range.end,
        )
    }

    /// The folder of the chapter file, relative to the root (for images).
    pub fn dir(&self) -> &Path {
        self.file.parent().unwrap_or(Path::new(""))
    }
}

/// A sub-folder of `content/`.
#[derive(Debug, Clone)]
pub struct Part {
    pub slug: String,
    pub title: String,
    pub summary: Option<String>,
    pub order: i64,
    pub file: PathBuf,
    pub source: String,
    pub body_start: usize,
}

impl Part {
    pub fn body(&self) -> &str {
        &self.source[self.body_start..]
    }
}

/// All chapters in reading order, and the parts they belong to.
#[derive(Debug, Clone, Default)]
pub struct Book {
    pub parts: Vec<Part>,
    pub chapters: Vec<Chapter>,
    /// Slugs of chapter files that could not be read (their errors are
    /// reported already); links to them are not reported again.
    pub unread: Vec<String>,
}

impl Book {
    pub fn chapter(&self, slug: &str) -> Option<&Chapter> {
        self.chapters.iter().find(|c| c.slug == slug)
    }

    /// Chapters of the book proper (no imprint or special pages), in order.
    pub fn main_chapters(&self) -> impl Iterator<Item = &Chapter> {
        self.chapters.iter().filter(|c| c.kind == Kind::Chapter)
    }

    pub fn special(&self, kind: Kind) -> Option<&Chapter> {
        self.chapters.iter().find(|c| c.kind == kind)
    }

    /// Reads every chapter under `root/content`.
    pub fn load(root: &Path, diags: &mut Diagnostics) -> Book {
        let dir = root.join(DIR);
        if !dir.is_dir() {
            diags.push(
                Diagnostic::error(DIR, msg!("content-missing")).hint(msg!("hint-content-missing")),
            );
            return Book::default();
        }
        let mut files = find_files(root, &dir, diags);
        files.sort();
        let loaded: Vec<LoadResult> = {
            use rayon::prelude::*;
            files.par_iter().map(|f| load_file(root, f)).collect()
        };
        let mut parts: Vec<Part> = Vec::new();
        let mut chapters: Vec<(Option<String>, Chapter)> = Vec::new();
        let mut unread = Vec::new();
        for (l, file) in loaded.into_iter().zip(&files) {
            match l {
                Ok((loaded, problems)) => {
                    diags.extend(problems);
                    match loaded {
                        Loaded::Part(p) => parts.push(p),
                        Loaded::Chapter(folder, c) => chapters.push((folder, *c)),
                    }
                }
                Err(d) => {
                    diags.extend(d);
                    let stem = file.file_stem().unwrap_or_default().to_string_lossy();
                    unread.push(split_order(&stem).1.to_string());
                }
            }
        }
        // Folders without `_index.md` still form a part, titled by the folder name.
        for (folder, _) in &chapters {
            if let Some(folder) = folder
                && !parts.iter().any(|p| p.slug == split_order(folder).1)
            {
                let (order, slug) = split_order(folder);
                parts.push(Part {
                    slug: slug.to_string(),
                    title: slug.replace('-', " "),
                    summary: None,
                    order: order.unwrap_or(i64::MAX),
                    file: Path::new(DIR).join(folder),
                    source: String::new(),
                    body_start: 0,
                });
            }
        }
        parts.sort_by(|a, b| (a.order, &a.slug).cmp(&(b.order, &b.slug)));
        let part_of = |folder: &Option<String>| {
            folder
                .as_ref()
                .and_then(|f| parts.iter().position(|p| p.slug == split_order(f).1))
        };
        // Reading order: top-level items by their order; a part's chapters follow it.
        let mut keyed: Vec<((i64, String, i64, String), Chapter)> = chapters
            .into_iter()
            .map(|(folder, mut c)| {
                c.part = part_of(&folder);
                let key = match c.part {
                    Some(p) => (
                        parts[p].order,
                        parts[p].slug.clone(),
                        c.order,
                        c.slug.clone(),
                    ),
                    None => (c.order, c.slug.clone(), i64::MIN, String::new()),
                };
                (key, c)
            })
            .collect();
        keyed.sort_by(|a, b| a.0.cmp(&b.0));
        let chapters: Vec<Chapter> = keyed.into_iter().map(|(_, c)| c).collect();
        let mut seen: HashMap<&str, &Chapter> = HashMap::new();
        for c in &chapters {
            if let Some(prev) = seen.insert(&c.slug, c) {
                diags.push(
                    Diagnostic::error(&c.file, msg!("chapter-slug-twice", slug = &c.slug))
                        .at(Span {
                            line: 1,
                            column: 1,
                            len: 3,
                        })
                        .hint(msg!(
                            "hint-chapter-slug-twice",
                            other = prev.file.display().to_string()
                        )),
                );
            }
        }
        for kind in [Kind::Imprint, Kind::Accessibility, Kind::EasyLanguage] {
            let of_kind: Vec<&Chapter> = chapters.iter().filter(|c| c.kind == kind).collect();
            if of_kind.len() > 1 {
                diags.push(
                    Diagnostic::error(&of_kind[1].file, msg!("special-page-twice")).hint(msg!(
                        "hint-special-page-twice",
                        other = of_kind[0].file.display().to_string()
                    )),
                );
            }
        }
        Book {
            parts,
            chapters,
            unread,
        }
    }
}

/// The chapter files under `dir` (`content/`), relative to `root`: the
/// top level and one folder per part. What the book would silently lose is
/// a finding: a folder that cannot be read, a linked folder (its files may
/// lie outside the project; linked chapter files are read through
/// [`crate::inside`], which refuses those that lead out), and chapters in a
/// sub-folder of a part (parts do not nest).
fn find_files(root: &Path, dir: &Path, diags: &mut Diagnostics) -> Vec<PathBuf> {
    let rel = |p: &Path| p.strip_prefix(root).unwrap_or(p).to_path_buf();
    let mut files = Vec::new();
    let mut walk = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = walk.next() {
        let e = match entry {
            Ok(e) => e,
            Err(err) => {
                let at = err.path().map_or_else(|| PathBuf::from(DIR), rel);
                diags.push(
                    Diagnostic::error(
                        &at,
                        msg!("folder-unreadable", folder = at.display().to_string()),
                    )
                    .hint(msg!("hint-folder-unreadable")),
                );
                continue;
            }
        };
        let t = e.file_type();
        let is_md = e.path().extension().is_some_and(|x| x == "md");
        if t.is_symlink() && e.path().is_dir() {
            diags.push(
                Diagnostic::error(
                    rel(e.path()),
                    msg!(
                        "folder-is-link",
                        folder = rel(e.path()).display().to_string()
                    ),
                )
                .hint(msg!("hint-folder-is-link")),
            );
            continue;
        }
        if t.is_dir() && e.depth() >= 2 {
            let has_md = walkdir::WalkDir::new(e.path())
                .into_iter()
                .filter_map(Result::ok)
                .any(|f| f.path().extension().is_some_and(|x| x == "md"));
            if has_md {
                diags.push(
                    Diagnostic::error(
                        rel(e.path()),
                        msg!(
                            "folder-nested-part",
                            folder = rel(e.path()).display().to_string()
                        ),
                    )
                    .label(msg!("label-folder-nested-part"))
                    .hint(msg!("hint-folder-nested-part")),
                );
            }
            walk.skip_current_dir();
            continue;
        }
        // Links too: one to a chapter elsewhere in the project is read,
        // one that leads out is reported (by `load_file`).
        if (t.is_file() || t.is_symlink()) && is_md {
            files.push(rel(e.path()));
        }
    }
    files
}

/// Reads one chapter file again (`serve`, when only that file changed).
/// The caller keeps the chapter's part and checks its place in the book.
/// Every problem of the file is in the error.
pub fn load_chapter(root: &Path, rel: &Path) -> Result<Chapter, Diagnostics> {
    match load_file(root, rel) {
        Ok((Loaded::Chapter(_, c), problems)) if problems.is_empty() => Ok(*c),
        Ok((Loaded::Chapter(..), problems)) => Err(problems.into_iter().collect()),
        Ok((Loaded::Part(_), _)) => {
            Err(std::iter::once(Diagnostic::error(rel, msg!("file-is-a-part"))).collect())
        }
        Err(d) => Err(d.into_iter().collect()),
    }
}

/// A file that loaded (perhaps with problems that left parts of it out),
/// or every reason it did not.
type LoadResult = Result<(Loaded, Vec<Diagnostic>), Vec<Diagnostic>>;

enum Loaded {
    Part(Part),
    Chapter(Option<String>, Box<Chapter>),
}

/// `06-sprache-bildung` → (Some(6), "sprache-bildung").
pub fn split_order(name: &str) -> (Option<i64>, &str) {
    match name.split_once('-') {
        Some((n, rest))
            if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) && !rest.is_empty() =>
        {
            (n.parse().ok(), rest)
        }
        _ => (None, name),
    }
}

fn load_file(root: &Path, rel: &Path) -> LoadResult {
    let bytes = crate::inside::read(root, rel).map_err(|e| vec![e.diagnostic(rel)])?;
    let source = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
        vec![
            Diagnostic::error(rel, msg!("file-not-utf8"))
                .at(Span::from_bytes(&text, at, at + 1))
                .hint(msg!("hint-save-utf8")),
        ]
    })?;
    let frontmatter::Split {
        fm,
        body_start,
        problems,
        dropped,
    } = frontmatter::split(&source, rel)?;
    let rel_to_content = rel.strip_prefix(DIR).unwrap_or(rel);
    let folder = rel_to_content
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map(|p| p.to_string_lossy().into_owned());
    let name = rel
        .file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    if rel.file_name().is_some_and(|f| f == PART_FILE) {
        let folder = folder.unwrap_or_default();
        let (order, slug) = split_order(&folder);
        return Ok((
            Loaded::Part(Part {
                slug: slug.to_string(),
                title: fm.title,
                summary: fm.summary,
                order: fm.order.or(order).unwrap_or(i64::MAX),
                file: rel.to_path_buf(),
                source,
                body_start,
            }),
            problems,
        ));
    }
    let (order, slug) = split_order(&name);
    if !crate::data::is_slug(slug) {
        let mut all = problems;
        all.push(
            Diagnostic::error(rel, msg!("file-name-not-slug", name = slug))
                .hint(msg!("hint-slug-example", example = "03-kreis-in-zahlen.md")),
        );
        return Err(all);
    }
    let scan = markdown::scan(&source[body_start..]);
    Ok((
        Loaded::Chapter(
            folder,
            Box::new(Chapter {
                slug: slug.to_string(),
                title: fm.title,
                short_title: fm.short_title,
                order: fm.order.or(order).unwrap_or(i64::MAX),
                summary: fm.summary,
                description: fm.description,
                handlungsfeld: fm.handlungsfeld,
                kind: fm.kind,
                file: rel.to_path_buf(),
                source,
                body_start,
                part: None,
                scan,
                dropped,
            }),
        ),
        problems,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_is_one_part_with_or_without_index() {
        let tmp = tempfile::tempdir().unwrap();
        let w = |rel: &str, text: &str| {
            let p = tmp.path().join(rel);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        };
        w("content/02-felder/_index.md", "---\ntitle: Felder\n---\n");
        w("content/02-felder/01-a.md", "---\ntitle: A\n---\n");
        w("content/02-felder/02-b.md", "---\ntitle: B\n---\n");
        w("content/03-anhang/01-c.md", "---\ntitle: C\n---\n");
        w("content/03-anhang/02-d.md", "---\ntitle: D\n---\n");
        let mut diags = Diagnostics::default();
        let book = Book::load(tmp.path(), &mut diags);
        assert!(diags.is_empty(), "{diags:?}");
        let parts: Vec<&str> = book.parts.iter().map(|p| p.slug.as_str()).collect();
        assert_eq!(parts, ["felder", "anhang"]);
        assert_eq!(book.parts[0].title, "Felder");
    }
}
