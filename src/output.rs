//! Writing an output folder safely: build into a staging folder beside it,
//! swap it in only when everything succeeded, and never replace a folder
//! konzept did not make.

use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};

/// The file konzept leaves in every output folder it makes.
pub const MARKER: &str = ".konzept-output";

/// A staging folder that becomes `target` on [`Staging::commit`], and is
/// removed when dropped without committing.
pub struct Staging {
    dir: Option<tempfile::TempDir>,
    target: PathBuf,
}

impl Staging {
    /// Checks that `target` may be replaced, then creates the staging folder
    /// next to it. `root` is the project root, which is never replaced.
    pub fn new(target: &Path, root: &Path, force: bool) -> Result<Staging> {
        ensure_replaceable(target, root, force)?;
        let parent = target
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "out".into());
        let dir = tempfile::Builder::new()
            .prefix(&format!(".konzept-{name}-"))
            .tempdir_in(parent)
            .with_context(|| format!("cannot create a staging folder in {}", parent.display()))?;
        std::fs::write(
            dir.path().join(MARKER),
            "This folder was made by konzept; it is replaced on every build.\n",
        )?;
        Ok(Staging {
            dir: Some(dir),
            target: target.to_path_buf(),
        })
    }

    pub fn path(&self) -> &Path {
        self.dir
            .as_ref()
            .expect("staging folder exists until commit")
            .path()
    }

    /// Replaces the target with the staged folder.
    pub fn commit(mut self) -> Result<()> {
        let dir = self.dir.take().expect("commit once").keep();
        if self.target.exists() {
            let old = dir.with_file_name(format!(
                ".konzept-old-{}",
                self.target
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
            ));
            let _ = std::fs::remove_dir_all(&old);
            std::fs::rename(&self.target, &old)
                .with_context(|| format!("cannot move away the old {}", self.target.display()))?;
            if let Err(e) = std::fs::rename(&dir, &self.target) {
                let _ = std::fs::rename(&old, &self.target);
                return Err(e).with_context(|| {
                    format!("cannot move the new output to {}", self.target.display())
                });
            }
            std::fs::remove_dir_all(&old)
                .with_context(|| format!("cannot remove {}", old.display()))?;
        } else {
            std::fs::rename(&dir, &self.target).with_context(|| {
                format!("cannot move the new output to {}", self.target.display())
            })?;
        }
        Ok(())
    }
}

/// Refuses a target that is the project root, lies inside its sources, holds
/// sources, or exists without konzept's marker (unless `force`).
pub fn ensure_replaceable(target: &Path, root: &Path, force: bool) -> Result<()> {
    let abs = absolute(target);
    let root_abs = absolute(root);
    if abs == root_abs || root_abs.starts_with(&abs) {
        bail!(
            "refusing to write to {}: it is (or contains) the project folder",
            target.display()
        );
    }
    for src in SOURCES {
        if abs.starts_with(root_abs.join(src)) {
            bail!(
                "refusing to write to {}: it is inside the project's `{src}`",
                target.display()
            );
        }
    }
    let made_by_us = abs.join(MARKER).is_file();
    for src in SOURCES {
        // A site konzept made has its own `data/` (the open data).
        if abs.join(src).exists() && !(made_by_us && *src == "data") {
            bail!(
                "refusing to replace {}: it holds `{src}`, which looks like sources",
                target.display()
            );
        }
    }
    if abs.exists() {
        if !abs.is_dir() {
            bail!(
                "refusing to replace {}: it is a file, not a folder",
                target.display()
            );
        }
        let empty = std::fs::read_dir(&abs)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !empty && !abs.join(MARKER).exists() && !force {
            bail!(
                "refusing to replace {}: konzept did not make this folder (it has no {MARKER} file)\n  = hint: choose another output folder, or pass --force to replace it anyway",
                target.display()
            );
        }
    }
    Ok(())
}

/// What a project folder holds besides its output; never replaced.
const SOURCES: &[&str] = &["content", "data", "themes", "book.toml", "src", ".git"];

/// An absolute, lexically normalised path (the target may not exist yet).
pub fn absolute(p: &Path) -> PathBuf {
    let p = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    };
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes `bytes` to `dir/rel`, creating parent folders.
pub fn write(dir: &Path, rel: &str, bytes: &[u8]) -> Result<()> {
    let path = dir.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    std::fs::write(&path, bytes).with_context(|| format!("cannot write {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_foreign_and_source_folders() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("proj");
        std::fs::create_dir_all(root.join("content")).unwrap();
        assert!(ensure_replaceable(&root, &root, true).is_err());
        assert!(ensure_replaceable(tmp.path(), &root, true).is_err());
        let foreign = root.join("docs");
        std::fs::create_dir_all(&foreign).unwrap();
        std::fs::write(foreign.join("a.txt"), "x").unwrap();
        assert!(ensure_replaceable(&foreign, &root, false).is_err());
        assert!(ensure_replaceable(&foreign, &root, true).is_ok());
    }

    #[test]
    fn commit_replaces_and_drop_discards() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("proj");
        let out = root.join("public");
        std::fs::create_dir_all(&root).unwrap();
        let s = Staging::new(&out, &root, false).unwrap();
        write(s.path(), "index.html", b"one").unwrap();
        s.commit().unwrap();
        let s = Staging::new(&out, &root, false).unwrap();
        write(s.path(), "index.html", b"two").unwrap();
        drop(s);
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "one"
        );
        let leftovers: Vec<_> = std::fs::read_dir(&root).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no staging folder is left behind");
    }
}
