//! Rebuilds into an existing output: after each kind of change (chapter
//! text, chapter title, a record, a template, a deleted chapter) the
//! rebuilt site equals a clean build's byte for byte, and files the change
//! does not touch are taken over from the previous output (the same file,
//! hard-linked, so the same inode) instead of written again.

use crate::build::{assert_same_tree, tree};
use crate::fixture::{Project, repo};
use std::os::unix::fs::MetadataExt;
use std::path::Path;

fn inode(p: &Path) -> u64 {
    std::fs::metadata(p)
        .unwrap_or_else(|e| panic!("{}: {e}", p.display()))
        .ino()
}

/// Rebuilds `p` into `public/` (which holds the previous build) and builds
/// it clean into a fresh folder; asserts both are the same, byte for byte.
fn rebuild_equals_clean(p: &Project, what: &str) {
    p.run(&["build", "--no-pdf"]).ok();
    let clean = tempfile::tempdir().unwrap();
    let clean_out = clean.path().join("site");
    p.run(&["build", "--no-pdf", "--out", clean_out.to_str().unwrap()])
        .ok();
    assert_same_tree(&tree(&p.path().join("public")), &tree(&clean_out), what);
}

#[test]
fn an_incremental_rebuild_equals_a_clean_build_after_each_kind_of_change() {
    let p = Project::fixture("build/minimal");
    p.write(
        "content/03-anhang.md",
        "---\ntitle: Anhang\nsummary: Was sonst noch gilt.\n---\n\nEin kurzer Anhang.\n",
    );
    p.run(&["build", "--no-pdf"]).ok();
    let site = p.path().join("public");
    let page = |rel: &str| site.join(rel).join("index.html");
    let einleitung = page("kapitel/einleitung");
    let ausblick = page("kapitel/ausblick");

    // Nothing changed: every page is the previous file.
    let before = (inode(&einleitung), inode(&ausblick), inode(&page("")));
    rebuild_equals_clean(&p, "a rebuild without changes");
    assert_eq!(
        before,
        (inode(&einleitung), inode(&ausblick), inode(&page(""))),
        "without changes, no page is written again"
    );

    // Chapter text: only that chapter's page is written again.
    let (e, a) = (inode(&einleitung), inode(&ausblick));
    let text = p.read("content/02-ausblick.md");
    p.write(
        "content/02-ausblick.md",
        &format!("{text}\nEin neuer Absatz über Lernpatenschaften.\n"),
    );
    rebuild_equals_clean(&p, "after a changed chapter text");
    assert!(
        std::fs::read_to_string(&ausblick)
            .unwrap()
            .contains("Lernpatenschaften")
    );
    assert_ne!(inode(&ausblick), a, "the changed chapter's page is new");
    assert_eq!(inode(&einleitung), e, "another chapter's page is kept");

    // Chapter title: it shows in the other pages' navigation.
    let e = inode(&einleitung);
    let text = p.read("content/02-ausblick.md");
    p.write(
        "content/02-ausblick.md",
        &text.replacen("title: Ausblick", "title: Ausblick und Ziele", 1),
    );
    rebuild_equals_clean(&p, "after a changed chapter title");
    assert!(
        std::fs::read_to_string(&einleitung)
            .unwrap()
            .contains("Ausblick und Ziele")
    );
    assert_ne!(inode(&einleitung), e, "pages naming the chapter are new");

    // A record.
    let m = page("massnahmen/m-002");
    let before = inode(&m);
    let data = p.read("data/massnahmen.yaml");
    p.write(
        "data/massnahmen.yaml",
        &data.replacen("titel: Kita-Lotsinnen", "titel: Kita-Lotsinnen im Kreis", 1),
    );
    rebuild_equals_clean(&p, "after a changed record");
    assert!(
        std::fs::read_to_string(&m)
            .unwrap()
            .contains("Kita-Lotsinnen im Kreis")
    );
    assert_ne!(inode(&m), before, "the record's page is new");

    // A template: every page changes.
    let e = inode(&einleitung);
    let base = std::fs::read_to_string(repo().join("themes/default/templates/base.html")).unwrap();
    assert!(base.contains("</body>"));
    p.write(
        "themes/default/templates/base.html",
        &base.replacen("</body>", "<!-- geändert -->\n</body>", 1),
    );
    rebuild_equals_clean(&p, "after a changed template");
    assert!(
        std::fs::read_to_string(&einleitung)
            .unwrap()
            .contains("<!-- geändert -->")
    );
    assert_ne!(inode(&einleitung), e, "every page is new");

    // A deleted chapter: its page is gone.
    assert!(page("kapitel/anhang").is_file());
    std::fs::remove_file(p.path().join("content/03-anhang.md")).unwrap();
    rebuild_equals_clean(&p, "after a deleted chapter");
    assert!(!page("kapitel/anhang").exists());
}

#[test]
fn a_file_in_the_previous_output_behind_a_symbolic_link_is_never_taken() {
    // The previous output's `kapitel/` leads elsewhere: the rebuild writes
    // its pages afresh instead of linking whatever lies behind the link.
    let p = Project::fixture("build/minimal");
    p.run(&["build", "--no-pdf"]).ok();
    let site = p.path().join("public");
    let elsewhere = tempfile::tempdir().unwrap();
    crate::fixture::copy_dir(&site.join("kapitel"), elsewhere.path());
    std::fs::remove_dir_all(site.join("kapitel")).unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), site.join("kapitel")).unwrap();
    let outside = inode(&elsewhere.path().join("einleitung/index.html"));
    p.run(&["build", "--no-pdf"]).ok();
    let page = site.join("kapitel/einleitung/index.html");
    assert!(
        !std::fs::symlink_metadata(site.join("kapitel"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_ne!(inode(&page), outside, "the page is written, not linked");
    assert!(elsewhere.path().join("einleitung/index.html").is_file());
}
