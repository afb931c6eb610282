//! The theme's files: `themes/<name>/` in the project first, then the
//! default theme built into the binary. A project can override one template
//! (say `themes/default/templates/chapter.html`) without copying the theme.
//!
//! A theme is named, never a path (book.toml's check refuses `/abs` and
//! `../x`), and every file read from it must lie inside the project once
//! symbolic links are resolved; [`check`] reports those that do not.

use crate::diag::Diagnostic;
use include_dir::{Dir, include_dir};
use std::borrow::Cow;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

static DEFAULT: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// Where a theme's files come from.
#[derive(Debug, Clone)]
pub struct Theme {
    /// The project folder, which no file of the theme may lead out of.
    root: PathBuf,
    /// Folders searched in order, each mirroring the theme layout.
    dirs: Vec<PathBuf>,
}

/// The folder of the project's themes.
pub const DIR: &str = "themes";

impl Theme {
    /// The theme `name` for the project at `root`; a name that is a path
    /// gets the built-in theme only (book.toml's check reports it).
    pub fn new(root: &Path, name: &str) -> Theme {
        let mut dirs = Vec::new();
        let dir = root.join(DIR).join(name);
        if crate::config::is_theme_name(name) && dir.is_dir() {
            dirs.push(dir);
        }
        Theme {
            root: root.to_path_buf(),
            dirs,
        }
    }

    /// A theme file such as `templates/base.html`; `None` if no layer has
    /// it, or if the project's copy leads outside the project.
    pub fn read(&self, rel: &str) -> Option<Cow<'static, [u8]>> {
        if !safe(rel) {
            return None;
        }
        for d in &self.dirs {
            let path = d.join(rel);
            if std::fs::symlink_metadata(&path).is_err() {
                continue;
            }
            let in_project = path.strip_prefix(&self.root).unwrap_or(&path);
            return crate::inside::read(&self.root, in_project)
                .ok()
                .map(Cow::Owned);
        }
        DEFAULT.get_file(rel).map(|f| Cow::Borrowed(f.contents()))
    }

    pub fn read_string(&self, rel: &str) -> Option<String> {
        self.read(rel)
            .map(|b| String::from_utf8_lossy(&b).into_owned())
    }

    /// Where a file was found on disk, for error messages (`None`: built in).
    pub fn origin(&self, rel: &str) -> Option<PathBuf> {
        self.dirs.iter().map(|d| d.join(rel)).find(|p| p.is_file())
    }

    /// Every file under `sub` (relative paths, with `/`), from all layers.
    pub fn list(&self, sub: &str) -> Vec<String> {
        let mut out = BTreeSet::new();
        fn walk_embedded(d: &Dir<'static>, out: &mut BTreeSet<String>) {
            for f in d.files() {
                out.insert(f.path().to_string_lossy().replace('\\', "/"));
            }
            for sd in d.dirs() {
                walk_embedded(sd, out);
            }
        }
        if let Some(d) = DEFAULT.get_dir(sub) {
            walk_embedded(d, &mut out);
        }
        for d in &self.dirs {
            for e in walkdir::WalkDir::new(d.join(sub))
                .follow_links(false)
                .into_iter()
                .filter_map(Result::ok)
            {
                let linked_file = e.file_type().is_symlink() && e.path().is_file();
                if (e.file_type().is_file() || linked_file)
                    && let Ok(rel) = e.path().strip_prefix(d)
                {
                    out.insert(rel.to_string_lossy().replace('\\', "/"));
                }
            }
        }
        out.into_iter().collect()
    }
}

/// The theme's files that lead outside the project (symbolic links), as
/// findings; nothing when the project has no folder for theme `name`.
pub fn check(root: &Path, name: &str) -> Vec<Diagnostic> {
    if !crate::config::is_theme_name(name) {
        return Vec::new();
    }
    let dir = Path::new(DIR).join(name);
    // The folder itself (or `themes/`) may be the link.
    if let Err(crate::inside::ReadError::Outside(target)) = crate::inside::resolve(root, &dir) {
        return vec![crate::inside::outside(&dir, &target)];
    }
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(root.join(&dir))
        .follow_links(false)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_symlink())
    {
        let rel = e.path().strip_prefix(root).unwrap_or(e.path());
        if let Err(crate::inside::ReadError::Outside(target)) = crate::inside::resolve(root, rel) {
            out.push(crate::inside::outside(rel, &target));
        }
    }
    out
}

/// A relative path without `..`, so no template can read outside the theme.
fn safe(rel: &str) -> bool {
    !rel.is_empty()
        && !rel.starts_with('/')
        && !rel.contains('\\')
        && rel
            .split('/')
            .all(|p| !p.is_empty() && p != ".." && p != ".")
}
