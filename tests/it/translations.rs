//! Translations of the short version: `translations update` keeps every
//! translation and is stable, a changed German text is reported out of date
//! by `check` and `translations status`, and the translated site shows the
//! German with a note where a translation is missing or stale.

use crate::fixture::{Project, copy_dir, html, repo, texts};
use konzept::translate::po;

const UK: &str = "\n[[languages]]\ncode = \"uk\"\nname = \"Українська\"\nthreshold = 50\n";

/// The minimal fixture with Ukrainian, every text translated as `[uk] …`
/// except the description (missing), and then the introduction's German
/// summary changed, so its translation is out of date.
fn stale() -> Project {
    let p = Project::fixture("build/minimal");
    let toml = p.read("book.toml");
    p.write("book.toml", &format!("{toml}{UK}"));
    p.run(&["translations", "update"]).ok();
    let mut file = po::parse(&p.read("translations/uk.po")).unwrap();
    for e in file.entries.iter_mut().filter(|e| e.msgctxt.is_some()) {
        if e.msgctxt.as_deref() != Some("book/description") {
            e.msgstr = vec![format!("[uk] {}", e.msgid)];
        }
    }
    p.write("translations/uk.po", &po::write(&file));
    let ch = p.read("content/01-einleitung.md");
    let changed = ch.replace(
        "Warum es dieses Konzept gibt",
        "Wozu es dieses neue Konzept gibt",
    );
    assert_ne!(ch, changed, "the fixture's summary changed");
    p.write("content/01-einleitung.md", &changed);
    p
}

/// The line of the entry `ctxt`'s `msgid` in `text`.
fn msgid_line(text: &str, ctxt: &str) -> usize {
    let lines: Vec<&str> = text.lines().collect();
    let at = lines
        .iter()
        .position(|l| *l == format!("msgctxt \"{ctxt}\""))
        .unwrap_or_else(|| panic!("{ctxt} not in the PO file"));
    at + 2
}

#[test]
fn a_changed_german_summary_is_out_of_date_in_check_and_status() {
    let p = stale();
    let po_text = p.read("translations/uk.po");
    let line = msgid_line(&po_text, "kapitel/einleitung/summary");
    let check = p.run(&["check", "--format", "short"]);
    assert_eq!(check.code, 0, "warnings only:\n{}", check.stderr);
    let expected = format!(
        "translations/uk.po:{line}:1: warning: the translation of `kapitel/einleitung/summary` is out of date"
    );
    assert!(
        check.stderr.lines().any(|l| l == expected),
        "{expected}\n{}",
        check.stderr
    );
    assert!(
        check
            .stderr
            .contains("`book/description` is not translated yet"),
        "{}",
        check.stderr
    );
    let status = p.run(&["translations", "status", "--list"]);
    status.ok();
    let row = status
        .stdout
        .lines()
        .find(|l| l.starts_with("uk "))
        .unwrap();
    let cols: Vec<&str> = row.split_whitespace().collect();
    // language, texts, translated, missing, out of date, %, published
    assert_eq!(cols[3], "1", "{row}");
    assert_eq!(cols[4], "1", "{row}");
    assert!(
        status.stdout.contains(&format!(
            "translations/uk.po:{line}: out of date: kapitel/einleitung/summary (German: content/01-einleitung.md:3)"
        )),
        "{}",
        status.stdout
    );
    assert!(
        status.stdout.contains("missing: book/description"),
        "{}",
        status.stdout
    );
}

#[test]
fn the_site_shows_the_german_with_a_note_where_a_translation_is_stale() {
    let p = stale();
    p.run(&["build", "--no-pdf"]).ok();
    let home = html(&p.path().join("public/uk/index.html"));
    assert_eq!(texts(&home, "html[lang=uk][dir=ltr]").len(), 1);
    // The stale summary: the new German, tagged as German, with the note in Ukrainian.
    let german = texts(&home, "#kap-einleitung ~ div[lang=de]");
    assert_eq!(
        german,
        vec!["Wozu es dieses neue Konzept gibt und wie es aufgebaut ist.".to_string()]
    );
    let notes = texts(&home, ".fallback-note");
    assert!(
        notes
            .iter()
            .any(|n| n.contains("Цей фрагмент ще не перекладено.")),
        "{notes:?}"
    );
    // Current translations show as they are, without a note.
    let titles = texts(&home, "#kap-einleitung");
    assert_eq!(titles, vec!["[uk] Einleitung".to_string()]);
}

#[test]
fn below_the_threshold_a_language_is_not_published() {
    let p = stale();
    let toml = p
        .read("book.toml")
        .replace("threshold = 50", "threshold = 100");
    p.write("book.toml", &toml);
    let run = p.run(&["build", "--no-pdf", "--diagnostic-format", "short"]);
    run.ok();
    assert!(!p.path().join("public/uk").exists());
    assert!(
        run.stderr
            .contains("the language `uk` is not published: 90 %"),
        "{}",
        run.stderr
    );
    let home = std::fs::read_to_string(p.path().join("public/index.html")).unwrap();
    assert!(
        !home.contains("hreflang=\"uk\""),
        "no switch to an unpublished language"
    );
}

/// Non-empty translations of a PO file, by reference.
fn translated(text: &str) -> Vec<(String, String)> {
    po::parse(text)
        .unwrap()
        .entries
        .into_iter()
        .filter(|e| e.msgctxt.is_some() && !e.translation().is_empty())
        .map(|e| (e.msgctxt.clone().unwrap(), e.translation().to_string()))
        .collect()
}

#[test]
fn update_keeps_every_translation_and_marks_changed_german_fuzzy() {
    let p = Project::sample();
    copy_dir(&repo().join("translations"), &p.path().join("translations"));
    let before: Vec<String> = ["uk", "ar", "fa", "ro", "bg", "pl", "tr", "en"]
        .iter()
        .map(|l| p.read(&format!("translations/{l}.po")))
        .collect();
    p.run(&["translations", "update"]).ok();
    let once: Vec<String> = ["uk", "ar", "fa", "ro", "bg", "pl", "tr", "en"]
        .iter()
        .map(|l| p.read(&format!("translations/{l}.po")))
        .collect();
    assert_eq!(
        before, once,
        "the sample's files are up to date; update rewrote them"
    );
    p.run(&["translations", "update"]).ok();
    for (l, text) in ["uk", "ar", "fa", "ro", "bg", "pl", "tr", "en"]
        .iter()
        .zip(&once)
    {
        let again = p.read(&format!("translations/{l}.po"));
        assert_eq!(&again, text, "{l}: a second update changes nothing");
        assert_eq!(
            translated(&again).len(),
            183,
            "{l}: every text is translated"
        );
    }
    // Change one German summary: its translation stays, marked fuzzy, with the old German.
    let ch = p.read("content/02-einleitung.md");
    p.write(
        "content/02-einleitung.md",
        &ch.replace("Zehn Jahre nach", "Elf Jahre nach"),
    );
    let uk_before = translated(&once[0]);
    p.run(&["translations", "update", "uk"]).ok();
    let uk = p.read("translations/uk.po");
    assert_eq!(translated(&uk), uk_before, "every translation kept");
    let file = po::parse(&uk).unwrap();
    let e = file
        .entries
        .iter()
        .find(|e| e.msgctxt.as_deref() == Some("kapitel/einleitung/summary"))
        .unwrap();
    assert!(e.fuzzy());
    assert!(e.msgid.starts_with("Elf Jahre nach"));
    assert!(
        e.previous_msgid
            .as_deref()
            .unwrap()
            .starts_with("Zehn Jahre nach")
    );
    let status = p.run(&["translations", "status", "uk"]);
    let row = status
        .stdout
        .lines()
        .find(|l| l.starts_with("uk "))
        .unwrap();
    assert_eq!(row.split_whitespace().nth(4), Some("1"), "{row}");
}

#[test]
fn the_brochure_sets_a_stale_text_in_german_with_the_note() {
    let p = stale();
    p.run(&["build"]).ok();
    let pdf = p.path().join("public/downloads/kurzfassung-uk.pdf");
    let out = std::process::Command::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils, ./scripts/install-deps)");
    let text = String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let german = "Wozu es dieses neue Konzept gibt und wie es aufgebaut ist.";
    let note = "Цей фрагмент ще не перекладено.";
    let at = text
        .find(german)
        .unwrap_or_else(|| panic!("no German fallback in:\n{text}"));
    assert!(
        text[at..].starts_with(&format!("{german} {note}")),
        "the note follows the German text:\n{}",
        &text[at..]
    );
    // The German summary is tagged as German in the structure tree.
    let qdf = std::process::Command::new("qpdf")
        .args([
            "--qdf",
            "--object-streams=disable",
            pdf.to_str().unwrap(),
            "-",
        ])
        .output()
        .unwrap();
    let raw = String::from_utf8_lossy(&qdf.stdout);
    assert!(
        raw.contains("/Lang (de)"),
        "no part of the brochure is tagged German"
    );
}
