//! Robustness: one bad value costs only its record, every problem of a run
//! is reported at once (front matter, book.toml), and what follows from a
//! problem is not reported again.

use crate::fixture::{Project, Run, repo};

/// (file, line, message) of each finding in `check --format json`.
fn findings(run: &Run) -> Vec<(String, u64, String)> {
    let items: Vec<serde_json::Value> = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("JSON expected: {e}\n{}", run.stdout));
    items
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_string(),
                d["span"]["line"].as_u64().unwrap_or(0),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn f(file: &str, line: u64, message: &str) -> (String, u64, String) {
    (file.into(), line, message.into())
}

fn check(p: &Project) -> Run {
    p.run(&["check", "--today", "2025-06-01", "--format", "json"])
}

#[test]
fn a_bad_record_leaves_the_others_usable_without_follow_up_findings() {
    let p = Project::fixture("robust/bad-record");
    let run = check(&p);
    assert_eq!(run.code, 1, "{}", run.stderr);
    // Only the two bad values: no "unknown recommendation `SB-2`" for
    // M-002, no "the link target `massnahme:M-003` does not exist", no
    // "`SB-3` has no measures", no "`sprache-bildung` has no recommendations".
    assert_eq!(
        findings(&run),
        vec![
            f(
                "data/empfehlungen.yaml",
                12,
                "„überall“ ist hier kein erlaubter Wert"
            ),
            f(
                "data/massnahmen.yaml",
                26,
                "„in Arbeit“ ist hier kein erlaubter Wert"
            ),
        ]
    );
    // The other records are loaded, with their positions, and get pages.
    let mut diags = konzept::diag::Diagnostics::default();
    let project = konzept::project::Project::load(p.path(), &mut diags).unwrap();
    let ids: Vec<(&str, usize)> = project
        .data
        .massnahmen
        .iter()
        .map(|m| (m.id.value.as_str(), m.id.span.unwrap().line))
        .collect();
    assert_eq!(ids, [("M-001", 1), ("M-002", 10)]);
    let pages: Vec<String> = konzept::site::pages::all(&project)
        .into_iter()
        .map(|p| p.path)
        .collect();
    for page in [
        "empfehlungen/sb-1/",
        "empfehlungen/sb-3/",
        "massnahmen/m-001/",
        "massnahmen/m-002/",
    ] {
        assert!(pages.iter().any(|p| p == page), "{page} in {pages:?}");
    }
    for gone in ["empfehlungen/sb-2/", "massnahmen/m-003/"] {
        assert!(!pages.iter().any(|p| p == gone), "{gone}");
    }
}

#[test]
fn every_front_matter_problem_of_every_chapter_in_one_run() {
    let p = Project::fixture("robust/front-matter");
    let run = check(&p);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        findings(&run),
        vec![
            f("content/01-einleitung.md", 3, "Unbekanntes Feld „sumary“"),
            f(
                "content/01-einleitung.md",
                4,
                "Erwartet wird eine ganze Zahl, gefunden wurde „zwei“"
            ),
            // The chapter still loads without its bad fields, so its links
            // are checked in the same run.
            f(
                "content/01-einleitung.md",
                7,
                "Das Linkziel „empfehlung:SB-7“ gibt es nicht"
            ),
            f("content/02-anhang.md", 2, "Unbekanntes Feld „titel“"),
            f("content/02-anhang.md", 3, "Das Pflichtfeld „title“ fehlt"),
            f(
                "content/02-anhang.md",
                4,
                "„anhang“ ist hier kein erlaubter Wert"
            ),
        ]
    );
}

#[test]
fn a_broken_book_toml_still_lets_chapters_and_data_be_checked() {
    let p = Project::fixture("robust/broken-config");
    let run = check(&p);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        findings(&run),
        vec![
            f(
                "book.toml",
                6,
                "„date“ muss ein Datum wie „2025-02-17“ sein, gefunden wurde „1.3.2026“"
            ),
            f("book.toml", 7, "Unbekannte Einstellung „subtitel“"),
            f(
                "book.toml",
                10,
                "Der Wert von „print.bleed_mm“ kann nicht verwendet werden: invalid type: string \"drei\", expected f64"
            ),
            f(
                "content/01-einleitung.md",
                6,
                "Das Linkziel „empfehlung:SB-7“ gibt es nicht"
            ),
        ]
    );
    let items: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        items[0]["hints"][0],
        "„2026-03-01“ schreiben: Daten stehen als Jahr-Monat-Tag (Monate als Jahr-Monat)"
    );
    assert_eq!(items[1]["hints"][0], "Meinten Sie „subtitle“?");
    // Nothing is built from defaults.
    let build = p.run(&["build", "--no-pdf"]);
    assert_eq!(build.code, 1, "{}", build.stderr);
    assert!(!p.path().join("public").exists());
}

#[test]
fn a_toml_syntax_error_is_one_finding_and_the_rest_is_checked() {
    let p = Project::fixture("robust/broken-config");
    p.write(
        "book.toml",
        "title = \"T\"\npublisher = \"P\"\nlanguage = \"de\"\ndate = \"2025-02-17\"\nedition = \"1. Auflage\n",
    );
    let run = check(&p);
    let found = findings(&run);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!((found[0].0.as_str(), found[0].1), ("book.toml", 5));
    assert_eq!(
        found[1],
        f(
            "content/01-einleitung.md",
            6,
            "Das Linkziel „empfehlung:SB-7“ gibt es nicht"
        )
    );
}

#[test]
fn new_refuses_a_list_that_does_not_load_and_names_the_problem() {
    let p = Project::fixture("robust/bad-record");
    let before = p.read("data/massnahmen.yaml");
    let run = p.run(&["new", "massnahme", "--empfehlung", "SB-1"]);
    assert_ne!(run.code, 0, "{}", run.stdout);
    assert!(
        run.stderr.contains(
            "data/massnahmen.yaml lässt sich nicht vollständig laden, daher wurde nichts ergänzt"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(
            "data/massnahmen.yaml:26:11: Fehler: „in Arbeit“ ist hier kein erlaubter Wert"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(p.read("data/massnahmen.yaml"), before, "nothing written");
}

#[test]
fn new_never_reuses_an_id_that_differs_only_in_case() {
    let p = Project::fixture("robust/bad-record");
    // Repair the bad records; `m-003` and `M-003` would share a web address.
    p.write(
        "data/empfehlungen.yaml",
        &p.read("data/empfehlungen.yaml").replace("überall", "kreis"),
    );
    p.write(
        "data/massnahmen.yaml",
        &p.read("data/massnahmen.yaml")
            .replace("in Arbeit", "laufend")
            .replace("id: M-003", "id: m-003"),
    );
    let run = p.run(&["new", "massnahme", "--empfehlung", "SB-1"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("„M-004“"), "{}", run.stdout);
}

#[test]
fn hints_propose_the_nearest_file_and_anchor() {
    let p = Project::fixture("robust/bad-record");
    p.write(
        "data/empfehlungen.yaml",
        &p.read("data/empfehlungen.yaml").replace("überall", "kreis"),
    );
    p.write(
        "data/massnahmen.yaml",
        &p.read("data/massnahmen.yaml")
            .replace("in Arbeit", "laufend"),
    );
    std::fs::create_dir_all(p.path().join("content/bilder")).unwrap();
    std::fs::copy(
        repo().join("tests/fixtures/check/load-errors/content/bilder/karte.svg"),
        p.path().join("content/bilder/Karte.svg"),
    )
    .unwrap();
    p.write("content/bericht-2025.pdf", "%PDF-1.4\n");
    p.write(
        "content/01-einleitung.md",
        "---\ntitle: Einleitung\nsummary: Kurz.\n---\n\n## Ziele\n\n![Karte](bilder/karte.svg)\n\n[Bericht](bericht-2024.pdf), [oben](#ziel), [dort](kapitel:einleitung#zeile)\n",
    );
    let run = check(&p);
    let items: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    let hints = |message: &str| -> Vec<String> {
        let d = items
            .iter()
            .find(|d| d["message"] == message)
            .unwrap_or_else(|| panic!("{message} in {}", run.stdout));
        d["hints"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h.as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        hints("Das Bild „bilder/karte.svg“ gibt es nicht")[0],
        "Meinten Sie „bilder/Karte.svg“?"
    );
    assert_eq!(
        hints("Das Linkziel „bericht-2024.pdf“ gibt es nicht")[0],
        "Meinten Sie „bericht-2025.pdf“?"
    );
    assert_eq!(
        hints("Dieses Kapitel hat keine Überschrift „#ziel“")[..2],
        ["Meinten Sie „#ziele“?", "Überschriften dort: #ziele"]
    );
    assert_eq!(
        hints("Das Kapitel „einleitung“ hat keine Überschrift „#zeile“")[..2],
        ["Meinten Sie „#ziele“?", "Überschriften dort: #ziele"]
    );
}

/// 100,000 values with a mistake on every line, and 20,000 measures: the
/// file loads (no parser budget breached) and shows 50 problems and one
/// summary, not 100,000. No timing is asserted; the report states it.
#[test]
fn large_files_load_and_their_findings_are_capped() {
    let p = Project::fixture("robust/large-files");
    let mut csv = String::from("jahr,gebiet,wert\n");
    for i in 0..100_000 {
        csv.push_str(&format!("{},kreis,zwölf\n", 2010 + i % 20));
    }
    p.write("data/monitoring/sprachkurs-plaetze.csv", &csv);
    let mut yaml = String::new();
    for i in 1..=20_000 {
        yaml.push_str(&format!(
            "- id: M-{i:05}\n  titel: Maßnahme {i}\n  empfehlung: SB-1\n  kommunen: [verl]\n  zustaendig: Jugendamt\n  zeitraum: {{ von: 2025-01 }}\n  status: laufend\n"
        ));
    }
    p.write("data/massnahmen.yaml", &yaml);
    let run = p.run(&["check", "--today", "2025-06-01", "--format", "short"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let lines: Vec<&str> = run.stderr.lines().collect();
    let csv_lines: Vec<&&str> = lines
        .iter()
        .filter(|l| l.starts_with("data/monitoring/sprachkurs-plaetze.csv"))
        .collect();
    assert_eq!(
        csv_lines.len(),
        51,
        "{}",
        &run.stderr[..2000.min(run.stderr.len())]
    );
    assert_eq!(
        csv_lines[0],
        &"data/monitoring/sprachkurs-plaetze.csv:2:12: Fehler: expected a number for `wert`, found `zwölf`"
    );
    assert_eq!(
        csv_lines[50],
        &"data/monitoring/sprachkurs-plaetze.csv: Fehler: 99950 weitere Probleme in dieser Datei werden nicht gezeigt (99950 Fehler, 0 Warnungen)"
    );
    assert!(
        !run.stderr.contains("data/massnahmen.yaml"),
        "20,000 measures load:\n{}",
        &run.stderr[..2000.min(run.stderr.len())]
    );
    assert_eq!(lines.last(), Some(&"konzept: 51 Fehler, 0 Warnungen"));
}

#[test]
fn chapters_the_book_would_lose_are_findings() {
    let p = Project::fixture("robust/content-tree");
    // A linked folder under content/ (its files could lie anywhere).
    std::os::unix::fs::symlink(
        p.path().join("content/02-teil"),
        p.path().join("content/03-link"),
    )
    .unwrap();
    let run = check(&p);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        findings(&run),
        vec![
            f(
                "content/02-teil/unter",
                0,
                "Die Kapitel in „content/02-teil/unter“ stehen nicht im Buch"
            ),
            f(
                "content/03-link",
                0,
                "Der Ordner „content/03-link“ ist eine Verknüpfung zu einem anderen Ordner"
            ),
        ]
    );
}
