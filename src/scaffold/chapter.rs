//! `new chapter "Titel"`: `content/NN-slug.md` with the next order number,
//! the title, a placeholder summary and a first `## ` heading.

use super::{Created, fill, load, template, yaml_scalar};
use crate::content::{DIR, Kind, PART_FILE, split_order};
use crate::msg;
use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};

/// Creates the chapter in `content/` or in the part folder `teil` (its
/// folder name, e.g. `06-handlungsfelder`, or its slug, `handlungsfelder`).
pub fn chapter(root: &Path, titel: &str, teil: Option<&str>) -> Result<Created> {
    let (p, before) = load(root)?;
    let slug = crate::text::slugify(titel);
    if let Some(c) = p.book.chapter(&slug) {
        bail!(
            "{}\n  = {}",
            msg!(
                "new-chapter-exists",
                slug = &slug,
                file = c.file.display().to_string()
            ),
            msg!("hint-line", hint = msg!("hint-new-chapter-exists"))
        );
    }
    let folder: PathBuf = match teil {
        None => PathBuf::from(DIR),
        Some(t) => part_folder(root, t)?,
    };
    // Special pages (imprint …) sit at the end on purpose; number after the rest.
    let special: Vec<&Path> = p
        .book
        .chapters
        .iter()
        .filter(|c| c.kind != Kind::Chapter)
        .map(|c| c.file.as_path())
        .collect();
    let mut max = 0;
    let mut width = 2;
    let entries = std::fs::read_dir(root.join(&folder))
        .with_context(|| msg!("folder-unreadable", folder = folder.display().to_string()))?;
    for e in entries.filter_map(|e| e.ok()) {
        let name = e.file_name().to_string_lossy().into_owned();
        let rel = folder.join(&name);
        let is_chapter = name.ends_with(".md") && name != PART_FILE;
        let is_part = e.path().is_dir();
        if !(is_chapter || is_part) || special.contains(&rel.as_path()) {
            continue;
        }
        let stem = name.strip_suffix(".md").unwrap_or(&name);
        if let (Some(n), _) = split_order(stem) {
            max = max.max(n);
            width = width.max(stem.split('-').next().map_or(0, str::len));
        }
    }
    let file = folder.join(format!("{:0width$}-{slug}.md", max + 1));
    let text = fill(
        template("new/chapter.md"),
        &[("titel", &yaml_scalar(titel))],
    );
    super::create_verified(root, &before, file, &text, slug)
}

/// The folder of a part, by folder name or slug.
fn part_folder(root: &Path, teil: &str) -> Result<PathBuf> {
    let content = root.join(DIR);
    let mut names = Vec::new();
    for e in std::fs::read_dir(&content)
        .with_context(|| msg!("file-unreadable-at", file = content.display().to_string()))?
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
    {
        let name = e.file_name().to_string_lossy().into_owned();
        if name == teil || split_order(&name).1 == teil {
            return Ok(Path::new(DIR).join(name));
        }
        names.push(name);
    }
    names.sort();
    let hint = if names.is_empty() {
        msg!("hint-no-parts-yet")
    } else {
        msg!("hint-parts", parts = names.join(", "))
    };
    bail!(
        "{}\n  = {}",
        msg!("new-no-part", part = teil),
        msg!("hint-line", hint = hint)
    )
}
