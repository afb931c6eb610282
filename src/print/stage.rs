//! The folder typst runs in (`--root`): only `data.json`, the theme's print
//! files, copies of the images and the charts konzept drew, all regular files, so no path and no
//! symbolic link leads out of it. It lives beside the print output folder
//! and is removed when dropped.

use super::doc::Doc;
use crate::diag::{Diagnostic, Failure};
use crate::msg;
use crate::theme::Theme;
use anyhow::Context;
use sha2::{Digest, Sha256};
use std::path::Path;

/// Theme files under `print/` that are for the build, not for typst.
pub const NOT_STAGED: &[&str] = &["print/LIESMICH.txt"];

/// A staged document.
pub struct Stage {
    dir: tempfile::TempDir,
    /// The sha256 of every staged file (path and bytes), in hex.
    pub hash: String,
}

impl Stage {
    /// Writes `doc` and the theme's print files into a fresh folder in `parent`.
    /// Theme files that are symbolic links are refused as source errors.
    pub fn new(
        parent: &Path,
        doc: &Doc,
        theme: &Theme,
        root: &Path,
    ) -> std::result::Result<Stage, Failure> {
        std::fs::create_dir_all(parent)
            .with_context(|| msg!("env-create-folder", dir = parent.display().to_string()))?;
        let dir = tempfile::Builder::new()
            .prefix(&format!(".konzept-typst-{}-", doc.kind.key()))
            .tempdir_in(parent)
            .with_context(|| msg!("env-staging-folder", dir = parent.display().to_string()))?;
        let mut files: Vec<(String, Vec<u8>)> = Vec::new();
        let mut problems = Vec::new();
        for rel in theme.list("print") {
            if NOT_STAGED.contains(&rel.as_str()) {
                continue;
            }
            if let Some(origin) = theme.origin(&rel)
                && std::fs::symlink_metadata(&origin).is_ok_and(|m| !m.file_type().is_file())
            {
                let shown = origin.strip_prefix(root).unwrap_or(&origin).to_path_buf();
                problems.push(
                    Diagnostic::error(shown, msg!("theme-file-symlink"))
                        .hint(msg!("hint-theme-file-symlink")),
                );
                continue;
            }
            // Under `serve` a file can vanish between listing and reading.
            let bytes = theme
                .read(&rel)
                .with_context(|| msg!("env-theme-file-gone", file = &rel))?
                .into_owned();
            let name = rel.strip_prefix("print/").unwrap_or(&rel).to_string();
            files.push((name, bytes));
        }
        if !problems.is_empty() {
            return Err(Failure::Sources(problems.into_iter().collect()));
        }
        // Characters no font has would stop typst; `check` reports them.
        let mut printable = doc.json.clone();
        crate::fonts::Coverage::of_theme(theme).make_printable(&mut printable);
        let json = serde_json::to_vec(&printable).expect("JSON values serialize");
        files.push(("data.json".into(), json));
        let mut copied = std::collections::HashSet::new();
        for img in &doc.images {
            if copied.insert(img.staged.clone()) {
                let mut bytes = std::fs::read(&img.source).with_context(|| {
                    msg!(
                        "file-unreadable-at",
                        file = img.source.display().to_string()
                    )
                })?;
                if crate::svg::is_svg(&img.staged) {
                    // typst gets the same re-serialised drawing as the site.
                    bytes = crate::svg::sanitize(&bytes).map_err(|e| {
                        anyhow::anyhow!(msg!(
                            "image-svg-unusable",
                            src = img.source.display().to_string(),
                            reason = e.0
                        ))
                    })?;
                }
                files.push((img.staged.clone(), bytes));
            }
        }
        files.extend(doc.files.iter().cloned());
        files.sort_by(|a, b| a.0.cmp(&b.0));
        let mut h = Sha256::new();
        for (name, bytes) in &files {
            crate::output::write(dir.path(), name, bytes)?;
            h.update((name.len() as u64).to_le_bytes());
            h.update(name.as_bytes());
            h.update((bytes.len() as u64).to_le_bytes());
            h.update(bytes);
        }
        Ok(Stage {
            dir,
            hash: hex(&h.finalize()),
        })
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }
}

/// Lower-case hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The sha256 of `bytes` in hex.
pub fn sha256(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

pub use crate::project::regular_file_inside;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_figures_reach_typst_re_serialised() {
        let tmp = tempfile::tempdir().unwrap();
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/print/basic");
        let root = tmp.path().join("project");
        for e in walkdir::WalkDir::new(&fixture) {
            let e = e.unwrap();
            let to = root.join(e.path().strip_prefix(&fixture).unwrap());
            if e.file_type().is_dir() {
                std::fs::create_dir_all(&to).unwrap();
            } else {
                std::fs::copy(e.path(), &to).unwrap();
            }
        }
        std::fs::write(
            root.join("content/bilder/zeitleiste.svg"),
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\" onload=\"alert(1)\">\
             <script>alert(2)</script><rect width=\"10\" height=\"10\" onclick=\"alert(3)\"/>\
             <foreignObject><p xmlns=\"http://www.w3.org/1999/xhtml\">x</p></foreignObject>\
             <image href=\"../../book.toml\" width=\"1\" height=\"1\"/></svg>",
        )
        .unwrap();
        let mut diags = crate::diag::Diagnostics::default();
        let p = crate::project::Project::load(&root, &mut diags).expect("the fixture loads");
        let theme = Theme::new(&root, &p.config.theme);
        let strings = crate::strings::load(&p.config, &theme).unwrap();
        let doc = super::super::doc::build(&p, &strings, super::super::doc::DocKind::Lang);
        let stage = Stage::new(&tmp.path().join("work"), &doc, &theme, &root)
            .unwrap_or_else(|_| panic!("the document stages"));
        let img = doc
            .images
            .iter()
            .find(|i| i.src.ends_with("zeitleiste.svg"))
            .expect("the figure is printed");
        let staged = std::fs::read_to_string(stage.path().join(&img.staged)).unwrap();
        for bad in [
            "alert",
            "script",
            "onload",
            "onclick",
            "foreignObject",
            "book.toml",
        ] {
            assert!(!staged.contains(bad), "`{bad}` reached typst:\n{staged}");
        }
        assert!(staged.contains("<path"), "{staged}");
    }

    #[test]
    fn symlinks_and_escapes_are_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        std::fs::create_dir_all(root.join("content/bilder")).unwrap();
        std::fs::write(root.join("content/bilder/a.png"), b"x").unwrap();
        assert!(regular_file_inside(root, Path::new("content/bilder/a.png")).is_ok());
        assert!(regular_file_inside(root, Path::new("content/../../x.png")).is_err());
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("/etc/hostname", root.join("content/bilder/b.png")).unwrap();
            let e = regular_file_inside(root, Path::new("content/bilder/b.png")).unwrap_err();
            assert_eq!(
                e.render(crate::i18n::Lang::De),
                "„content/bilder/b.png“ ist eine symbolische Verknüpfung"
            );
            std::os::unix::fs::symlink(root.join("content/bilder"), root.join("content/link"))
                .unwrap();
            assert!(regular_file_inside(root, Path::new("content/link/a.png")).is_err());
        }
    }
}
