//! Tests of `new` and `init`: new projects build, new records get the next
//! ids, the editor's YAML keeps its comments, nothing is overwritten, and
//! the project still loads after every change.

use crate::fixture::{Project, Run, konzept};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const TODAY: &str = "2025-06-01";

/// Runs konzept in `dir` with a fixed "today".
fn run(dir: &Path, args: &[&str]) -> Run {
    konzept()
        .args(args)
        .env("KONZEPT_TODAY", TODAY)
        .current_dir(dir)
        .output()
        .unwrap()
        .into()
}

fn files(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(root).unwrap().to_path_buf(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// A fresh project from `konzept init`.
fn initialised() -> (Project, PathBuf) {
    let p = Project::empty();
    run(p.path(), &["init", "neu"]).ok();
    let dir = p.path().join("neu");
    (p, dir)
}

#[test]
fn init_makes_a_project_that_builds_and_names_its_placeholders() {
    let p = Project::empty();
    let r = run(
        p.path(),
        &[
            "init",
            "mein-konzept",
            "--title",
            "Konzept: „Zusammen leben“",
        ],
    );
    r.ok();
    assert!(r.stdout.contains("mein-konzept"), "{}", r.stdout);
    let dir = p.path().join("mein-konzept");
    for f in [
        "book.toml",
        ".gitignore",
        "content/01-einleitung.md",
        "content/90-leichte-sprache.md",
        "content/91-impressum.md",
        "content/92-barrierefreiheit.md",
        "data/handlungsfelder.yaml",
        "data/zielgruppen.yaml",
        "data/empfehlungen.yaml",
        "data/massnahmen.yaml",
        "data/kommunen/musterstadt.yaml",
        "data/indikatoren.yaml",
    ] {
        assert!(dir.join(f).is_file(), "{f}");
    }
    let toml = std::fs::read_to_string(dir.join("book.toml")).unwrap();
    assert!(
        toml.contains("title = \"Konzept: „Zusammen leben“\""),
        "{toml}"
    );
    assert!(toml.contains("date = \"2025-06-01\""), "{toml}");
    // The starter project builds, but its placeholders are warnings until
    // the editor replaces them.
    let checked = run(&dir, &["check"]);
    checked.ok();
    assert!(
        checked.stderr.contains(
            "warning: a placeholder is still here: `Bitte den Herausgeber eintragen`\n  ┌─ book.toml:"
        ),
        "{}",
        checked.stderr
    );
    assert_ne!(run(&dir, &["check", "--deny-warnings"]).code, 0);
    let built = run(&dir, &["build"]);
    built.ok();
    let home = std::fs::read_to_string(dir.join("public/index.html")).unwrap();
    assert!(home.contains("Konzept: „Zusammen leben“"));
    assert!(dir.join("public/impressum/index.html").is_file());
    assert!(dir.join("public/kapitel/einleitung/index.html").is_file());
    // With the PDFs built: the brochure is padded, the fonts are embedded.
    assert!(dir.join("druck/kurzfassung-druck.pdf").is_file());
    run(&dir, &["check"]).ok();
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let p = Project::empty();
    p.write("voll/notizen.txt", "meine Notizen");
    let before = files(p.path());
    let r = run(p.path(), &["init", "voll"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("is not empty"), "{}", r.stderr);
    assert_eq!(files(p.path()), before);
    run(p.path(), &["init", "leer-und-neu"]).ok();
}

#[test]
fn new_records_get_the_next_ids_and_the_project_still_loads() {
    let (_p, dir) = initialised();
    let read = |f: &str| std::fs::read_to_string(dir.join(f)).unwrap();

    let old = read("data/empfehlungen.yaml");
    let r = run(
        &dir,
        &[
            "new",
            "empfehlung",
            "--handlungsfeld",
            "sprache-bildung",
            "Kitas: früh informieren",
        ],
    );
    r.ok();
    assert_eq!(
        r.stdout,
        "konzept: added `SB-2` to data/empfehlungen.yaml:24\n"
    );
    let new = read("data/empfehlungen.yaml");
    assert!(new.starts_with(&old), "appended, not rewritten:\n{new}");
    assert_eq!(
        &new[old.len()..],
        "\n- id: SB-2\n  handlungsfeld: sprache-bildung\n  titel: \"Kitas: früh informieren\"\n  text: |\n    Beschreiben Sie hier die Empfehlung: was getan werden soll, von wem und warum.\n  zielgruppen: []\n  ebene: beide\n  mehrkosten: false\n  kurzfassung: false\n"
    );

    let r = run(&dir, &["new", "massnahme", "--empfehlung", "SB-2"]);
    r.ok();
    assert!(r.stdout.contains("`M-003`"), "{}", r.stdout);
    let m = read("data/massnahmen.yaml");
    assert!(
        m.contains("- id: M-003\n  titel: Neue Maßnahme\n  empfehlung: SB-2\n"),
        "{m}"
    );
    assert!(
        m.contains("zeitraum: { von: 2025-06 }\n  status: geplant\n"),
        "{m}"
    );

    let r = run(
        &dir,
        &[
            "new",
            "kommune",
            "Schloß Holte-Stukenbrock",
            "--art",
            "stadt",
        ],
    );
    r.ok();
    let k = "data/kommunen/schloss-holte-stukenbrock.yaml";
    assert!(read(k).starts_with("name: Schloß Holte-Stukenbrock\nart: Stadt\n"));
    run(
        &dir,
        &[
            "new",
            "angebot",
            "--kommune",
            "schloss-holte-stukenbrock",
            "Elterncafé",
        ],
    )
    .ok();
    assert!(
        read(k).ends_with("angebote:\n  - titel: Elterncafé\n    traeger: Bitte den Träger eintragen\n    zielgruppen: []\n    sprachen: [de]\n    kontakt: Bitte eine Kontaktmöglichkeit eintragen\n"),
        "{}",
        read(k)
    );
    let old = read("data/kommunen/musterstadt.yaml");
    run(&dir, &["new", "angebot", "--kommune", "musterstadt"]).ok();
    let new = read("data/kommunen/musterstadt.yaml");
    assert!(
        new.starts_with(&old) && new.contains("  - titel: Neues Angebot\n"),
        "{new}"
    );

    run(
        &dir,
        &[
            "new",
            "indikator",
            "Einbürgerungen",
            "--handlungsfeld",
            "arbeit-wirtschaft",
        ],
    )
    .ok();
    assert!(
        read("data/indikatoren.yaml").contains("- id: einbuergerungen\n  titel: Einbürgerungen\n")
    );

    let r = run(&dir, &["new", "chapter", "Ziele für 2030"]);
    r.ok();
    assert_eq!(
        r.stdout,
        "konzept: created content/02-ziele-fuer-2030.md (`ziele-fuer-2030`)\n"
    );
    let c = read("content/02-ziele-fuer-2030.md");
    assert!(
        c.starts_with("---\ntitle: Ziele für 2030\nsummary: |\n  Fassen Sie"),
        "{c}"
    );
    assert!(c.contains("\n## "), "{c}");

    // Everything still loads; the new records only bring warnings.
    let checked = run(&dir, &["check", "--format", "json"]);
    checked.ok();
    let findings: Vec<serde_json::Value> = serde_json::from_str(&checked.stdout).unwrap();
    assert!(
        findings.iter().all(|f| f["severity"] == "warning"),
        "{findings:?}"
    );
    run(&dir, &["build", "--no-pdf"]).ok();
}

#[test]
fn new_keeps_the_samples_comments_and_finds_parts() {
    let p = Project::sample();
    let old = p.read("data/empfehlungen.yaml");
    let r = p.run(&["new", "empfehlung", "--handlungsfeld", "wohnen-mobilitaet"]);
    r.ok();
    let new = p.read("data/empfehlungen.yaml");
    assert!(
        new.starts_with(&old),
        "the file is appended to, never rewritten"
    );
    assert!(old.starts_with("# "), "the sample has comments to keep");
    let r = p.run(&[
        "new",
        "chapter",
        "Neue Kita-Plätze",
        "--teil",
        "handlungsfelder",
    ]);
    r.ok();
    assert!(
        r.stdout
            .contains("content/06-handlungsfelder/07-neue-kita-plaetze.md"),
        "{}",
        r.stdout
    );
    let r = p.run(&["new", "chapter", "Ausblick"]);
    r.ok();
    assert!(r.stdout.contains("content/10-ausblick.md"), "{}", r.stdout);
    p.run(&["check"]).ok();
}

#[test]
fn new_refuses_unknown_ids_existing_files_and_changes_that_break() {
    let (_p, dir) = initialised();
    let before = files(&dir);
    let r = run(&dir, &["new", "massnahme", "--empfehlung", "SB-9"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("unknown recommendation `SB-9`"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("did you mean `SB-1`?"), "{}", r.stderr);
    let r = run(&dir, &["new", "kommune", "Musterstadt"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("exists already"), "{}", r.stderr);
    let r = run(&dir, &["new", "chapter", "Einleitung"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("exists already"), "{}", r.stderr);
    assert_eq!(files(&dir), before, "nothing was written");

    // A file the new record cannot simply follow: a YAML document end.
    let path = dir.join("data/massnahmen.yaml");
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("...\n");
    std::fs::write(&path, &text).unwrap();
    let r = run(&dir, &["new", "massnahme", "--empfehlung", "SB-1"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("would break the project"), "{}", r.stderr);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "undone");
}
