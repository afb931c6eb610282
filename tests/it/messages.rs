//! konzept speaks German to editors: whole messages of `check`, as an
//! editor sees them, for everyday mistakes, and the same in English with
//! `--lang en`; the JSON output keeps the message id as a stable code.

use crate::fixture::Project;

/// The minimal project with one mistake of each kind: a typo in a YAML
/// field name, an unknown field of action, a dead link, and a
/// non-breaking space after a colon.
fn broken() -> Project {
    let p = Project::fixture("build/minimal");
    let fields = p
        .read("data/handlungsfelder.yaml")
        .replacen("  kuerzel: SB", "  kuerzl: SB", 1);
    p.write("data/handlungsfelder.yaml", &fields);
    let chapter = p.read("content/02-ausblick.md").replacen(
        "summary: Was als Nächstes geschieht.\n",
        "summary: Was als Nächstes geschieht.\nhandlungsfeld: sprache-bildng\n",
        1,
    ) + "\nMehr dazu steht im [Bericht](bericht-2024.pdf).\n";
    p.write("content/02-ausblick.md", &chapter);
    p
}

const FIELD_TYPO_DE: &str = "\
Fehler: Unbekanntes Handlungsfeld „sprache-bildng“
  ┌─ content/02-ausblick.md:4:16
  │
4 │ handlungsfeld: sprache-bildng
  │                ^^^^^^^^^^^^^^
  │
  = Hinweis: Die Handlungsfelder stehen in data/handlungsfelder.yaml
";

const DEAD_LINK_DE: &str = "\
Fehler: Das Linkziel „bericht-2024.pdf“ gibt es nicht
  ┌─ content/02-ausblick.md:11:20
   │
11 │ Mehr dazu steht im [Bericht](bericht-2024.pdf).
   │                    ^^^^^^^^^^^^^^^^^^^^^^^^^^^
   │
  = Hinweis: Kapitel verlinkt man mit „kapitel:slug“, Einträge z. B. mit „empfehlung:SB-1“; Dateipfade gelten ab dem Ordner des Kapitels
";

const YAML_TYPO_DE: &str = "\
Fehler: Unbekanntes Feld „kuerzl“
  ┌─ data/handlungsfelder.yaml:4:3
  │
4 │   kuerzl: SB
  │   ^^^^^^
  │
  = Hinweis: Meinten Sie „kuerzel“? Felder hier: id, nummer, titel, kuerzel, beschreibung
";

#[test]
fn a_yaml_typo_is_named_in_german_with_the_fix() {
    let p = broken();
    let r = p.run_de(&["check"]);
    assert_eq!(r.code, 1);
    // The file of the fields of action loads but for its one bad record,
    // so the chapter's typo is found too; the bad record itself is no
    // suggestion, since it did not load.
    assert_eq!(
        r.stderr,
        format!(
            "{FIELD_TYPO_DE}\n{DEAD_LINK_DE}\n{YAML_TYPO_DE}\nkonzept: 3 Fehler, 0 Warnungen\n"
        ),
        "\nstderr:\n{}",
        r.stderr
    );
}

#[test]
fn field_of_action_dead_link_and_invisible_space_in_german() {
    let p = broken();
    // The typo fixed, the other three mistakes remain.
    let fields = p
        .read("data/handlungsfelder.yaml")
        .replacen("  kuerzl: SB", "  kuerzel: SB", 1);
    p.write("data/handlungsfelder.yaml", &fields);
    let groups = p
        .read("data/zielgruppen.yaml")
        .replacen("titel: ", "titel:\u{a0}", 1);
    p.write("data/zielgruppen.yaml", &groups);
    let r = p.run_de(&["check"]);
    assert_eq!(r.code, 1);
    let expected = "\
Fehler: Unbekanntes Handlungsfeld „sprache-bildng“
  ┌─ content/02-ausblick.md:4:16
  │
4 │ handlungsfeld: sprache-bildng
  │                ^^^^^^^^^^^^^^
  │
  = Hinweis: Meinten Sie „sprache-bildung“?
  = Hinweis: Die Handlungsfelder stehen in data/handlungsfelder.yaml

Fehler: Das Linkziel „bericht-2024.pdf“ gibt es nicht
  ┌─ content/02-ausblick.md:11:20
   │
11 │ Mehr dazu steht im [Bericht](bericht-2024.pdf).
   │                    ^^^^^^^^^^^^^^^^^^^^^^^^^^^
   │
  = Hinweis: Kapitel verlinkt man mit „kapitel:slug“, Einträge z. B. mit „empfehlung:SB-1“; Dateipfade gelten ab dem Ordner des Kapitels

Fehler: Ein geschütztes Leerzeichen (U+00A0) nach dem Doppelpunkt
  ┌─ data/zielgruppen.yaml:2:9
  │
2 │   titel:\u{a0}Geflüchtete aus der Ukraine
  │         ^ geschütztes Leerzeichen
  │
  = Hinweis: Durch ein normales Leerzeichen ersetzen – solche Zeichen kommen oft beim Kopieren aus Word oder von Webseiten mit

konzept: 3 Fehler, 0 Warnungen
";
    assert_eq!(r.stderr, expected, "\nstderr:\n{}", r.stderr);
    // The short form says the same in one line each.
    let short = p.run_de(&["check", "--format", "short"]);
    assert!(
        short.stderr.contains(
            "content/02-ausblick.md:4:16: Fehler: Unbekanntes Handlungsfeld „sprache-bildng“\n"
        ),
        "{}",
        short.stderr
    );
}

#[test]
fn lang_en_speaks_english_and_json_keeps_the_code() {
    let p = broken();
    let r = crate::fixture::konzept_de()
        .args(["check", "--lang", "en"])
        .current_dir(p.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&r.stderr);
    assert_eq!(
        stderr,
        "\
error: unknown field of action `sprache-bildng`
  ┌─ content/02-ausblick.md:4:16
  │
4 │ handlungsfeld: sprache-bildng
  │                ^^^^^^^^^^^^^^
  │
  = hint: fields of action are defined in data/handlungsfelder.yaml

error: the link target `bericht-2024.pdf` does not exist
  ┌─ content/02-ausblick.md:11:20
   │
11 │ Mehr dazu steht im [Bericht](bericht-2024.pdf).
   │                    ^^^^^^^^^^^^^^^^^^^^^^^^^^^
   │
  = hint: link to chapters with `kapitel:slug` and to records with e.g. `empfehlung:SB-1`; files are relative to the chapter

error: unknown field `kuerzl`
  ┌─ data/handlungsfelder.yaml:4:3
  │
4 │   kuerzl: SB
  │   ^^^^^^
  │
  = hint: did you mean `kuerzel`? Fields here: id, nummer, titel, kuerzel, beschreibung

konzept: 3 errors, 0 warnings
"
    );
    let json = p.run_de(&["check", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v[0]["code"], "chapter-unknown-field-of-action");
    assert_eq!(v[1]["code"], "link-target-missing");
    assert_eq!(v[2]["code"], "yaml-unknown-field");
    assert_eq!(v[2]["message"], "Unbekanntes Feld „kuerzl“");
    assert_eq!(
        v[2]["hints"][0],
        "Meinten Sie „kuerzel“? Felder hier: id, nummer, titel, kuerzel, beschreibung"
    );
}

#[test]
fn counts_take_the_singular_and_the_plural() {
    let p = Project::fixture("build/minimal");
    let r = p.run_de(&["build", "--no-pdf"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let done = r
        .stderr
        .lines()
        .find(|l| l.starts_with("konzept: Website mit "))
        .unwrap_or_else(|| panic!("no summary line:\n{}", r.stderr));
    assert!(
        done.contains(" Seiten (") && done.contains(" Dateien) in ") && done.contains(" s nach "),
        "{done}"
    );
    // One chapter without a summary, then two.
    let p = Project::fixture("build/minimal");
    let drop_summary = |file: &str, line: &str| {
        let text = p.read(file).replacen(line, "", 1);
        p.write(file, &text);
    };
    drop_summary(
        "content/02-ausblick.md",
        "summary: Was als Nächstes geschieht.\n",
    );
    let r = p.run_de(&["check"]);
    assert!(
        r.stderr.ends_with("konzept: 0 Fehler, 1 Warnung\n"),
        "{}",
        r.stderr
    );
    drop_summary(
        "content/01-einleitung.md",
        "summary: |\n  Warum es dieses Konzept gibt und wie es aufgebaut ist.\n",
    );
    let r = p.run_de(&["check"]);
    assert!(
        r.stderr.ends_with("konzept: 0 Fehler, 2 Warnungen\n"),
        "{}",
        r.stderr
    );
}

#[test]
fn the_command_line_help_and_usage_errors_are_german() {
    let p = Project::fixture("build/minimal");
    let help = p.run_de(&["build", "--help"]);
    assert_eq!(help.code, 0, "{}", help.stderr);
    for line in [
        "Website (und PDFs) in den Ausgabeordner schreiben",
        "Aufruf: konzept build [OPTIONS]",
        "Optionen:",
        "      --no-pdf",
        "          Nur die Website erstellen, keine PDFs",
        "          Diese Hilfe zeigen",
    ] {
        assert!(
            help.stdout.lines().any(|l| l == line),
            "`{line}` missing:\n{}",
            help.stdout
        );
    }
    for english in ["Usage:", "Options:", "Print help", "Build only", "[default"] {
        assert!(
            !help.stdout.contains(english),
            "`{english}` in:\n{}",
            help.stdout
        );
    }

    let typo = p.run_de(&["check", "--frmat", "short"]);
    assert_eq!(typo.code, 2);
    assert_eq!(
        typo.stderr,
        "Fehler: Die Angabe „--frmat“ gibt es hier nicht\n  \
         = Meinten Sie „--format“?\n  \
         = „--help“ zeigt alle Befehle und Optionen\n"
    );
    let date = p.run_de(&["check", "--today", "2025-13-01"]);
    assert_eq!(date.code, 2);
    assert_eq!(
        date.stderr,
        "Fehler: „2025-13-01“ passt nicht zu --today <DATE>\n  \
         = „2025-13-01“ ist kein Datum wie „2025-02-17“\n  \
         = „--help“ zeigt alle Befehle und Optionen\n"
    );
    let command = p.run_de(&["bild"]);
    assert!(
        command
            .stderr
            .starts_with("Fehler: Den Befehl „bild“ gibt es nicht\n  = Meinten Sie „build“?\n"),
        "{}",
        command.stderr
    );

    // The same in English with --lang en, before clap has parsed anything.
    let en = p.run(&["check", "--help"]);
    assert!(en.stdout.contains("Usage: konzept check"), "{}", en.stdout);
    assert!(
        en.stdout.contains("Fail (exit 1) on warnings too"),
        "{}",
        en.stdout
    );
}
