//! What a batch of changed files means for the site: the pure decision
//! between rebuilding some chapters, reloading the data, reloading the
//! whole project, or building everything anew. When in doubt it picks the
//! dearer plan; a wasted rebuild costs less than a stale page.

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};

/// What to rebuild after a batch of changes, from cheapest to dearest.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rebuild {
    /// Nothing the site is made from changed (editor backups, other folders).
    Nothing,
    /// Only these existing chapters changed (paths relative to the root, sorted).
    Chapters(Vec<PathBuf>),
    /// Only files under `data/` changed.
    Data,
    /// The book's structure or its images changed: reload and render everything.
    Project,
    /// `book.toml` or the theme changed: build everything anew, assets and search index included.
    Full,
}

/// One changed path, relative to the project root, and whether it exists now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub path: PathBuf,
    pub exists: bool,
}

impl Change {
    pub fn new(path: impl Into<PathBuf>, exists: bool) -> Change {
        Change {
            path: path.into(),
            exists,
        }
    }
}

/// The plan for `changes`. `chapters` are the chapter files of the last good
/// build; `out` is the output folder relative to the root, if it lies inside.
pub fn plan(changes: &[Change], chapters: &HashSet<PathBuf>, out: Option<&Path>) -> Rebuild {
    let mut edited: Vec<PathBuf> = Vec::new();
    let mut data = false;
    let mut worst = Rebuild::Nothing;
    for c in changes {
        match classify(c, chapters, out) {
            Kind::Ignored => {}
            Kind::Chapter => edited.push(c.path.clone()),
            Kind::Data => data = true,
            Kind::Project => worst = worst.max(Rebuild::Project),
            Kind::Full => worst = worst.max(Rebuild::Full),
        }
    }
    if worst >= Rebuild::Project {
        return worst;
    }
    match (data, edited.is_empty()) {
        // Chapters and data together: the chapters may link to the new records.
        (true, false) => Rebuild::Project,
        (true, true) => Rebuild::Data,
        (false, false) => {
            edited.sort();
            edited.dedup();
            Rebuild::Chapters(edited)
        }
        (false, true) => Rebuild::Nothing,
    }
}

/// What one changed path touches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Ignored,
    /// An existing chapter file was edited.
    Chapter,
    Data,
    Project,
    Full,
}

fn classify(c: &Change, chapters: &HashSet<PathBuf>, out: Option<&Path>) -> Kind {
    let p = &c.path;
    if p.as_os_str().is_empty() || out.is_some_and(|o| p.starts_with(o)) {
        return Kind::Ignored;
    }
    let names: Vec<&str> = p
        .components()
        .filter_map(|c| match c {
            Component::Normal(n) => n.to_str(),
            _ => None,
        })
        .collect();
    if names.is_empty()
        || names.iter().any(|n| n.starts_with(".konzept-"))
        || is_editor_scratch(names[names.len() - 1])
    {
        return Kind::Ignored;
    }
    let ext = p
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match names[0] {
        crate::config::FILE if names.len() == 1 => Kind::Full,
        "themes" => Kind::Full,
        // A translation changes the pages and brochure of its language.
        crate::languages::DIR if ext == "po" || ext.is_empty() => Kind::Full,
        crate::data::DIR => match ext.as_str() {
            "yaml" | "yml" | "csv" => Kind::Data,
            // A folder (kommunen/, monitoring/) appeared or went away.
            "" => Kind::Data,
            _ => Kind::Ignored,
        },
        crate::content::DIR => {
            let is_part_file = names[names.len() - 1] == crate::content::PART_FILE;
            if ext == "md" && !is_part_file && c.exists && chapters.contains(p) {
                Kind::Chapter
            } else {
                // New, deleted or renamed chapters, parts, images, folders.
                Kind::Project
            }
        }
        _ => Kind::Ignored,
    }
}

/// Files editors write while saving: swap files, backups, probes.
fn is_editor_scratch(name: &str) -> bool {
    name.ends_with('~')
        || name.starts_with(".#")
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".swo")
        || name.ends_with(".tmp")
        || name.ends_with(".crswap")
        || name == "4913"
        || name == ".DS_Store"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> HashSet<PathBuf> {
        [
            "content/01-einleitung.md",
            "content/06-felder/01-sprache.md",
        ]
        .into_iter()
        .map(PathBuf::from)
        .collect()
    }

    fn plan_of(changes: &[(&str, bool)]) -> Rebuild {
        let changes: Vec<Change> = changes.iter().map(|(p, e)| Change::new(p, *e)).collect();
        plan(&changes, &known(), Some(Path::new("public")))
    }

    #[test]
    fn an_edited_chapter_rebuilds_only_that_chapter() {
        assert_eq!(
            plan_of(&[("content/06-felder/01-sprache.md", true)]),
            Rebuild::Chapters(vec!["content/06-felder/01-sprache.md".into()])
        );
    }

    #[test]
    fn save_by_rename_is_an_edit_and_its_scratch_files_are_ignored() {
        // vim: writes 4913, renames the original to a backup, writes anew.
        assert_eq!(
            plan_of(&[
                ("content/4913", false),
                ("content/01-einleitung.md~", false),
                ("content/.01-einleitung.md.swp", true),
                ("content/01-einleitung.md", true),
            ]),
            Rebuild::Chapters(vec!["content/01-einleitung.md".into()])
        );
    }

    #[test]
    fn new_deleted_or_renamed_chapters_reload_the_project() {
        assert_eq!(plan_of(&[("content/02-neu.md", true)]), Rebuild::Project);
        assert_eq!(
            plan_of(&[("content/01-einleitung.md", false)]),
            Rebuild::Project
        );
        assert_eq!(
            plan_of(&[
                ("content/01-einleitung.md", false),
                ("content/01-start.md", true)
            ]),
            Rebuild::Project
        );
        assert_eq!(
            plan_of(&[("content/06-felder/_index.md", true)]),
            Rebuild::Project
        );
        assert_eq!(
            plan_of(&[("content/bilder/karte.svg", true)]),
            Rebuild::Project
        );
    }

    #[test]
    fn data_changes_reload_the_data() {
        assert_eq!(plan_of(&[("data/massnahmen.yaml", true)]), Rebuild::Data);
        assert_eq!(
            plan_of(&[("data/kommunen/verl.yaml", false)]),
            Rebuild::Data
        );
        assert_eq!(plan_of(&[("data/monitoring/x.csv", true)]), Rebuild::Data);
        assert_eq!(plan_of(&[("data/notizen.txt", true)]), Rebuild::Nothing);
        assert_eq!(
            plan_of(&[
                ("data/massnahmen.yaml", true),
                ("content/01-einleitung.md", true)
            ]),
            Rebuild::Project
        );
    }

    #[test]
    fn settings_and_theme_rebuild_everything() {
        assert_eq!(
            plan_of(&[("book.toml", true), ("content/01-einleitung.md", true)]),
            Rebuild::Full
        );
        assert_eq!(
            plan_of(&[("themes/default/templates/chapter.html", true)]),
            Rebuild::Full
        );
        assert_eq!(plan_of(&[("themes", false)]), Rebuild::Full);
    }

    #[test]
    fn output_staging_and_other_files_are_ignored() {
        assert_eq!(
            plan_of(&[
                ("public/index.html", true),
                (".konzept-public-abc/index.html", true),
                ("druck/langfassung.pdf", true),
                ("README.md", true),
                ("content/.DS_Store", true),
            ]),
            Rebuild::Nothing
        );
        assert_eq!(plan_of(&[]), Rebuild::Nothing);
    }
}
