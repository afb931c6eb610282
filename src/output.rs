//! Writing an output folder safely: build into a staging folder beside it,
//! swap it in only when everything succeeded, and never replace a folder
//! konzept did not make.
//!
//! Steps of [`Staging::new`]: take the output's lock file (a second build
//! into the same folder waits for the first), remove what an interrupted
//! run left beside it (only folders with konzept's [`MARKER`]), check the
//! target may be replaced, and create the staging folder. [`Staging::commit`]
//! swaps it in; an old output that cannot be removed afterwards is a
//! warning, removed by the next run. Every file goes through [`write`],
//! which refuses any path that is not plain names below the folder.

use crate::interrupt::{self, DirGuard};
use crate::msg;
use anyhow::{Context, Result, bail};
use std::fs::File;
use std::path::{Component, Path, PathBuf};

/// The file konzept leaves in every output folder it makes.
pub const MARKER: &str = ".konzept-output";
const MARKER_TEXT: &str = "This folder was made by konzept; it is replaced on every build.\n";

/// A path that would leave the output folder (`..`, a root, a prefix, or
/// nothing at all), refused by [`join`] and [`write`].
#[derive(Debug, thiserror::Error)]
#[error("refusing to write `{rel}` into {}: only plain names below the output folder are allowed", dir.display())]
pub struct UnsafePath {
    pub dir: PathBuf,
    pub rel: String,
}

/// `dir/rel`, if `rel` is made of plain names only.
pub fn join(dir: &Path, rel: &str) -> std::result::Result<PathBuf, UnsafePath> {
    let path = Path::new(rel);
    let plain = !rel.is_empty()
        && !rel.contains('\0')
        && path.components().all(|c| matches!(c, Component::Normal(_)));
    if !plain {
        return Err(UnsafePath {
            dir: dir.to_path_buf(),
            rel: rel.to_string(),
        });
    }
    Ok(dir.join(path))
}

/// A staging folder that becomes `target` on [`Staging::commit`], and is
/// removed when dropped without committing.
pub struct Staging {
    dir: Option<tempfile::TempDir>,
    target: PathBuf,
    previous: Option<Previous>,
    _registered: DirGuard,
    /// Held until the swap is done; released when dropped.
    _lock: File,
}

impl Staging {
    /// Checks that `target` may be replaced, then creates the staging folder
    /// next to it. `root` is the project root, which is never replaced.
    pub fn new(target: &Path, root: &Path, force: bool) -> Result<Staging> {
        let parent = parent_of(target);
        let name = name_of(target);
        ensure_replaceable(target, root, force)?;
        std::fs::create_dir_all(parent)
            .with_context(|| msg!("env-create-folder", dir = parent.display().to_string()))?;
        let lock = lock(target)?;
        sweep(parent, &name);
        ensure_replaceable(target, root, force)?;
        let dir = tempfile::Builder::new()
            .prefix(&format!(".konzept-{name}-"))
            .tempdir_in(parent)
            .with_context(|| msg!("env-staging-folder", dir = parent.display().to_string()))?;
        let registered = DirGuard::new(dir.path());
        std::fs::write(dir.path().join(MARKER), MARKER_TEXT)?;
        Ok(Staging {
            dir: Some(dir),
            previous: Previous::of(target),
            target: target.to_path_buf(),
            _registered: registered,
            _lock: lock,
        })
    }

    pub fn path(&self) -> &Path {
        self.dir
            .as_ref()
            .expect("staging folder exists until commit")
            .path()
    }

    /// The output this staging folder replaces, to link unchanged files from.
    pub fn previous(&self) -> Option<&Previous> {
        self.previous.as_ref()
    }

    /// Replaces the target with the staged folder.
    pub fn commit(mut self) -> Result<()> {
        if interrupt::interrupted() {
            bail!(msg!("interrupted"));
        }
        let _swap = interrupt::critical();
        let dir = self.dir.take().expect("commit once").keep();
        if !self.target.exists() {
            return std::fs::rename(&dir, &self.target).with_context(|| {
                let _ = std::fs::remove_dir_all(&dir);
                msg!(
                    "env-output-not-moved-in",
                    dir = self.target.display().to_string()
                )
            });
        }
        let old = unique_beside(&self.target, "old");
        if let Err(e) = std::fs::rename(&self.target, &old) {
            let _ = std::fs::remove_dir_all(&dir);
            return Err(e).with_context(|| {
                msg!(
                    "env-output-old-not-moved",
                    dir = self.target.display().to_string()
                )
            });
        }
        if let Err(e) = std::fs::rename(&dir, &self.target) {
            let _ = std::fs::rename(&old, &self.target);
            let _ = std::fs::remove_dir_all(&dir);
            return Err(e).with_context(|| {
                msg!(
                    "env-output-not-moved-in",
                    dir = self.target.display().to_string()
                )
            });
        }
        drop(_swap);
        // The new output is in place; what is left of the old one is litter
        // that the next run removes.
        if let Err(e) = remove_ours(&old) {
            eprintln!(
                "{}: {}\n  = {}",
                msg!("severity-warning"),
                msg!(
                    "output-old-not-removed",
                    dir = old.display().to_string(),
                    reason = crate::i18n::io_reason(&e)
                ),
                msg!("hint-line", hint = msg!("hint-output-old-not-removed"))
            );
        }
        Ok(())
    }
}

/// A folder beside `target` for files that are never published (typst's
/// staged documents); removed when dropped, or by the next run after a crash.
pub struct Scratch {
    dir: tempfile::TempDir,
    _registered: DirGuard,
}

impl Scratch {
    /// Creates `.konzept-work-<name>-…` beside `target`. Make it while a
    /// [`Staging`] of `target` holds the lock, which keeps the sweep of a
    /// concurrent run away from it.
    pub fn new(target: &Path) -> Result<Scratch> {
        let parent = parent_of(target);
        std::fs::create_dir_all(parent)
            .with_context(|| msg!("env-create-folder", dir = parent.display().to_string()))?;
        let dir = tempfile::Builder::new()
            .prefix(&format!(".konzept-work-{}-", name_of(target)))
            .tempdir_in(parent)
            .with_context(|| msg!("env-work-folder", dir = parent.display().to_string()))?;
        let registered = DirGuard::new(dir.path());
        std::fs::write(dir.path().join(MARKER), MARKER_TEXT)?;
        Ok(Scratch {
            dir,
            _registered: registered,
        })
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }
}

fn parent_of(target: &Path) -> &Path {
    target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

fn name_of(target: &Path) -> String {
    target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into())
}

/// The lock file of `target`, `.konzept-<name>.lock` beside it, locked for
/// this process; waits while another konzept run holds it.
fn lock(target: &Path) -> Result<File> {
    let path = parent_of(target).join(format!(".konzept-{}.lock", name_of(target)));
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| msg!("env-lock-file", file = path.display().to_string()))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            eprintln!(
                "konzept: {}",
                msg!("output-waiting", dir = target.display().to_string())
            );
            file.lock()
                .with_context(|| msg!("env-lock", file = path.display().to_string()))?;
        }
        Err(std::fs::TryLockError::Error(e)) => {
            return Err(e).with_context(|| msg!("env-lock", file = path.display().to_string()));
        }
    }
    Ok(file)
}

/// Removes what interrupted runs left beside the output `name` in `parent`:
/// staging, work and old folders, only those with konzept's marker. Called
/// with the output's lock held, so no live run owns them.
fn sweep(parent: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for e in entries.filter_map(Result::ok) {
        let file_name = e.file_name();
        if !left_by_a_run(&file_name.to_string_lossy(), name) {
            continue;
        }
        let path = e.path();
        let ours = e.file_type().is_ok_and(|t| t.is_dir()) && path.join(MARKER).is_file();
        if ours && let Err(err) = remove_ours(&path) {
            eprintln!(
                "{}: {}\n  = {}",
                msg!("severity-warning"),
                msg!(
                    "output-litter-not-removed",
                    dir = path.display().to_string(),
                    reason = crate::i18n::io_reason(&err)
                ),
                msg!("hint-line", hint = msg!("hint-output-tries-again"))
            );
        }
    }
}

/// Removes a folder konzept made, its marker last: a folder that cannot be
/// removed completely keeps its marker, so the next run knows it and tries again.
fn remove_ours(dir: &Path) -> std::io::Result<()> {
    let mut first_error = None;
    for e in std::fs::read_dir(dir)? {
        let e = e?;
        if e.file_name() == MARKER {
            continue;
        }
        let done = if e.file_type()?.is_dir() {
            std::fs::remove_dir_all(e.path())
        } else {
            std::fs::remove_file(e.path())
        };
        if let Err(err) = done {
            first_error.get_or_insert(err);
        }
    }
    if let Some(err) = first_error {
        return Err(err);
    }
    std::fs::remove_file(dir.join(MARKER))?;
    std::fs::remove_dir(dir)
}

/// Whether `n` is a folder name konzept gives the staging (`.konzept-<name>-XXXXXX`),
/// work (`.konzept-work-<name>-XXXXXX`) or old (`.konzept-old-<name>-<pid>-<n>`)
/// folders of the output `name`.
fn left_by_a_run(n: &str, name: &str) -> bool {
    let random = |rest: &str| rest.len() == 6 && rest.bytes().all(|b| b.is_ascii_alphanumeric());
    if let Some(rest) = n.strip_prefix(&format!(".konzept-work-{name}-")) {
        return random(rest);
    }
    if let Some(rest) = n.strip_prefix(&format!(".konzept-old-{name}")) {
        return rest.is_empty()
            || rest.strip_prefix('-').is_some_and(|r| {
                r.split('-').count() == 2
                    && r.split('-')
                        .all(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
            });
    }
    n.strip_prefix(&format!(".konzept-{name}-"))
        .is_some_and(random)
}

/// A name beside `target` that no other run uses: `.konzept-<what>-<name>-<pid>-<n>`.
fn unique_beside(target: &Path, what: &str) -> PathBuf {
    let parent = parent_of(target);
    let name = name_of(target);
    let pid = std::process::id();
    (0u32..)
        .map(|n| parent.join(format!(".konzept-{what}-{name}-{pid}-{n}")))
        .find(|p| std::fs::symlink_metadata(p).is_err())
        .expect("a free name")
}

/// Refuses a target that is the project root, lies inside its sources, holds
/// sources, or exists without konzept's marker (unless `force`).
pub fn ensure_replaceable(target: &Path, root: &Path, force: bool) -> Result<()> {
    let abs = absolute(target);
    let root_abs = absolute(root);
    if abs == root_abs || root_abs.starts_with(&abs) {
        bail!(
            "{}",
            msg!("output-is-project", dir = target.display().to_string())
        );
    }
    for src in SOURCES {
        if abs.starts_with(root_abs.join(src)) {
            bail!(
                "{}",
                msg!(
                    "output-inside-sources",
                    dir = target.display().to_string(),
                    source = *src
                )
            );
        }
    }
    let made_by_us = abs.join(MARKER).is_file();
    for src in SOURCES {
        // A site konzept made has its own `data/` (the open data).
        if abs.join(src).exists() && !(made_by_us && *src == "data") {
            bail!(
                "{}",
                msg!(
                    "output-holds-sources",
                    dir = target.display().to_string(),
                    source = *src
                )
            );
        }
    }
    if abs.exists() {
        if !abs.is_dir() {
            bail!(
                "{}",
                msg!("output-is-a-file", dir = target.display().to_string())
            );
        }
        let empty = std::fs::read_dir(&abs)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !empty && !abs.join(MARKER).exists() && !force {
            bail!(
                "{}\n  = {}",
                msg!(
                    "output-not-ours",
                    dir = target.display().to_string(),
                    marker = MARKER
                ),
                msg!("hint-line", hint = msg!("hint-output-not-ours"))
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

/// Writes `bytes` to `dir/rel`, creating parent folders; refuses a `rel`
/// that is not plain names ([`UnsafePath`]) and any write after Ctrl-C.
pub fn write(dir: &Path, rel: &str, bytes: &[u8]) -> Result<()> {
    if interrupt::interrupted() {
        bail!(msg!("interrupted"));
    }
    let path = join(dir, rel)?;
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| msg!("env-create-folder", dir = parent.display().to_string()))?;
    }
    unshare(&path);
    std::fs::write(&path, bytes)
        .with_context(|| msg!("env-write-file", file = path.display().to_string()))
}

/// Removes `path` when it is a hard link shared with another output
/// ([`Previous::write`]), so that writing it never changes the other.
fn unshare(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file() && m.nlink() > 1) {
            let _ = std::fs::remove_file(path);
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// The output a previous build left in the folder being replaced: files
/// the new build would write with the same bytes are hard-linked from it
/// instead of written again ([`Previous::write`]), so a rebuild creates
/// and writes only what changed. Only a real folder with konzept's
/// [`MARKER`] counts, and no file is taken whose path leads out of it
/// (symbolic links are never followed).
#[derive(Debug, Clone)]
pub struct Previous {
    dir: PathBuf,
}

impl Previous {
    /// The previous output at `target`, if there is one konzept made.
    pub fn of(target: &Path) -> Option<Previous> {
        let meta = std::fs::symlink_metadata(target).ok()?;
        if !meta.is_dir() || !target.join(MARKER).is_file() {
            return None;
        }
        let dir = std::fs::canonicalize(target).ok()?;
        Some(Previous { dir })
    }

    /// The previous file `rel`, if it is a plain file inside the folder
    /// (no symbolic link on the way) with `len` bytes.
    fn file(&self, rel: &str, len: usize) -> Option<PathBuf> {
        let path = join(&self.dir, rel).ok()?;
        let mut at = self.dir.clone();
        for part in Path::new(rel).components() {
            at.push(part);
            let meta = std::fs::symlink_metadata(&at).ok()?;
            if meta.file_type().is_symlink() {
                return None;
            }
        }
        let meta = std::fs::symlink_metadata(&path).ok()?;
        (meta.is_file() && meta.len() == len as u64).then_some(path)
    }

    /// Whether the previous file `rel` holds exactly `bytes`.
    pub fn same(&self, rel: &str, bytes: &[u8]) -> Option<PathBuf> {
        let path = self.file(rel, bytes.len())?;
        let old = std::fs::read(&path).ok()?;
        (old == bytes).then_some(path)
    }

    /// Writes `bytes` to `dir/rel` like [`write`], or, when the previous
    /// output has the same bytes there, links that file instead. Returns
    /// whether it linked.
    pub fn write(prev: Option<&Previous>, dir: &Path, rel: &str, bytes: &[u8]) -> Result<bool> {
        if let Some(old) = prev.and_then(|p| p.same(rel, bytes)) {
            if interrupt::interrupted() {
                bail!(msg!("interrupted"));
            }
            let path = join(dir, rel)?;
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).with_context(|| {
                    msg!("env-create-folder", dir = parent.display().to_string())
                })?;
            }
            if std::fs::hard_link(&old, &path).is_ok() {
                return Ok(true);
            }
        }
        write(dir, rel, bytes)?;
        Ok(false)
    }
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
        let leftovers: Vec<String> = std::fs::read_dir(&root)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n != ".konzept-public.lock")
            .collect();
        assert_eq!(leftovers, ["public"], "no staging folder is left behind");
    }

    #[test]
    fn only_plain_names_are_joined() {
        let dir = Path::new("/out");
        assert_eq!(join(dir, "a/b.html").unwrap(), Path::new("/out/a/b.html"));
        for bad in ["", "../x", "a/../../x", "/etc/passwd", "./a", "a\0b", ".."] {
            assert!(join(dir, bad).is_err(), "{bad:?}");
            assert!(write(dir, bad, b"x").is_err(), "{bad:?}");
        }
    }

    #[test]
    fn the_sweep_removes_only_what_konzept_left() {
        let tmp = tempfile::tempdir().unwrap();
        let mk = |name: &str, marker: bool| {
            let d = tmp.path().join(name);
            std::fs::create_dir_all(&d).unwrap();
            if marker {
                std::fs::write(d.join(MARKER), "x").unwrap();
            }
        };
        mk(".konzept-public-a1B2c3", true);
        mk(".konzept-work-public-zzzzzz", true);
        mk(".konzept-old-public-12-0", true);
        mk(".konzept-old-public", true);
        mk(".konzept-public-nomark", false);
        mk(".konzept-public-xyz-a1B2c3", true);
        mk(".konzept-druck-a1B2c3", true);
        mk("public", true);
        sweep(tmp.path(), "public");
        let mut left: Vec<String> = std::fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                ".konzept-druck-a1B2c3",
                ".konzept-public-nomark",
                ".konzept-public-xyz-a1B2c3",
                "public"
            ]
        );
    }
}
