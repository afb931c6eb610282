//! Reading the project's files without leaving the project: every path is
//! resolved (symbolic links included) and must lie inside the project
//! folder. A link to another file of the project is followed; a link that
//! leads out (say `data/kommunen/zz.yaml → /etc/passwd`) is a finding at
//! the link, and its target is never read, so it can never be published.

use crate::diag::Diagnostic;
use crate::msg;
use std::path::{Path, PathBuf};

/// Why a project file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// The path resolves to this place outside the project.
    Outside(PathBuf),
    Io(std::io::Error),
}

impl ReadError {
    /// Whether the file (or the link's target) does not exist.
    pub fn is_not_found(&self) -> bool {
        matches!(self, ReadError::Io(e) if e.kind() == std::io::ErrorKind::NotFound)
    }

    /// The finding for the editor, at `rel` (relative to the project root).
    pub fn diagnostic(&self, rel: &Path) -> Diagnostic {
        match self {
            ReadError::Outside(target) => outside(rel, target),
            ReadError::Io(e) => Diagnostic::error(
                rel,
                msg!("file-unreadable", reason = crate::i18n::io_reason(e)),
            ),
        }
    }
}

/// The finding for a path of the project that leads to `target` outside it.
pub fn outside(rel: &Path, target: &Path) -> Diagnostic {
    Diagnostic::error(
        rel,
        msg!(
            "path-outside",
            path = rel.display().to_string(),
            target = target.display().to_string()
        ),
    )
    .hint(msg!("hint-path-outside"))
}

/// `root/rel` with every symbolic link resolved, if it lies inside `root`.
pub fn resolve(root: &Path, rel: &Path) -> Result<PathBuf, ReadError> {
    let base = std::fs::canonicalize(root).map_err(ReadError::Io)?;
    let full = std::fs::canonicalize(root.join(rel)).map_err(ReadError::Io)?;
    if full.starts_with(&base) {
        Ok(full)
    } else {
        Err(ReadError::Outside(full))
    }
}

/// The bytes of `root/rel`, if it lies inside `root` (links resolved).
pub fn read(root: &Path, rel: &Path) -> Result<Vec<u8>, ReadError> {
    let path = resolve(root, rel)?;
    std::fs::read(path).map_err(ReadError::Io)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_inside_are_followed_links_outside_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("proj");
        std::fs::create_dir_all(root.join("data")).unwrap();
        std::fs::write(root.join("data/a.yaml"), "a").unwrap();
        std::fs::write(tmp.path().join("secret"), "s").unwrap();
        std::os::unix::fs::symlink(root.join("data/a.yaml"), root.join("data/b.yaml")).unwrap();
        std::os::unix::fs::symlink(tmp.path().join("secret"), root.join("data/c.yaml")).unwrap();
        std::os::unix::fs::symlink(tmp.path(), root.join("up")).unwrap();
        assert_eq!(read(&root, Path::new("data/a.yaml")).unwrap(), b"a");
        assert_eq!(read(&root, Path::new("data/b.yaml")).unwrap(), b"a");
        assert!(matches!(
            read(&root, Path::new("data/c.yaml")),
            Err(ReadError::Outside(_))
        ));
        assert!(matches!(
            read(&root, Path::new("up/secret")),
            Err(ReadError::Outside(_))
        ));
        assert!(matches!(
            read(&root, Path::new("../secret")),
            Err(ReadError::Outside(_))
        ));
        assert!(
            read(&root, Path::new("data/none.yaml"))
                .unwrap_err()
                .is_not_found()
        );
    }
}
