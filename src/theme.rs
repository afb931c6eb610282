//! The theme's files: `themes/<name>/` in the project first, then the
//! default theme built into the binary. A project can override one template
//! (say `themes/default/templates/chapter.html`) without copying the theme.

use include_dir::{Dir, include_dir};
use std::borrow::Cow;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

static DEFAULT: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// Where a theme's files come from.
#[derive(Debug, Clone)]
pub struct Theme {
    /// Folders searched in order, each mirroring the theme layout.
    dirs: Vec<PathBuf>,
}

impl Theme {
    /// The theme `name` for the project at `root`.
    pub fn new(root: &Path, name: &str) -> Theme {
        let mut dirs = Vec::new();
        let dir = root.join("themes").join(name);
        if dir.is_dir() {
            dirs.push(dir);
        }
        Theme { dirs }
    }

    /// A theme file such as `templates/base.html`; `None` if no layer has it.
    pub fn read(&self, rel: &str) -> Option<Cow<'static, [u8]>> {
        if !safe(rel) {
            return None;
        }
        for d in &self.dirs {
            if let Ok(bytes) = std::fs::read(d.join(rel)) {
                return Some(Cow::Owned(bytes));
            }
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
                if e.file_type().is_file()
                    && let Ok(rel) = e.path().strip_prefix(d)
                {
                    out.insert(rel.to_string_lossy().replace('\\', "/"));
                }
            }
        }
        out.into_iter().collect()
    }
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
