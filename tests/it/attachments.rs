//! Documents chapters link to (issue 11): a PDF or DOCX next to the
//! chapters is copied into the site, the link leads to the copy, the home
//! page lists it, the Langfassung links to its web address; files of other
//! kinds or outside `content/` are findings, the same in `check` and `build`.

use crate::fixture::{Project, html, texts};
use std::process::Command;

const FLYER: &[u8] = b"%PDF-1.4\n% not a real flyer, only its bytes matter\n";

fn project() -> Project {
    let p = Project::fixture("build/minimal");
    let chapter = p.read("content/01-einleitung.md");
    p.write(
        "content/01-einleitung.md",
        &format!(
            "{chapter}\nDen [Flyer zum Sprachcafé](<dokumente/Flyer Juni.pdf#page=2>) gibt es \
             auch als [Formular](dokumente/anmeldung.DOCX).\n"
        ),
    );
    std::fs::create_dir_all(p.path().join("content/dokumente")).unwrap();
    std::fs::write(p.path().join("content/dokumente/Flyer Juni.pdf"), FLYER).unwrap();
    std::fs::write(
        p.path().join("content/dokumente/anmeldung.DOCX"),
        b"PK\x03\x04",
    )
    .unwrap();
    p
}

#[test]
fn a_linked_document_is_copied_linked_and_listed_on_the_home_page() {
    let p = project();
    let check = p.run(&["check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    p.run(&["build", "--no-pdf"]).ok();

    let copy = std::fs::read(p.path().join("public/media/dokumente/Flyer Juni.pdf")).unwrap();
    assert_eq!(copy, FLYER);
    assert!(
        p.path()
            .join("public/media/dokumente/anmeldung.DOCX")
            .is_file()
    );

    let page = html(&p.path().join("public/kapitel/einleitung/index.html"));
    let hrefs: Vec<String> = page
        .select(&scraper::Selector::parse("main a").unwrap())
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect();
    assert!(
        hrefs.contains(&"../../media/dokumente/Flyer%20Juni.pdf#page=2".to_string()),
        "{hrefs:?}"
    );
    assert!(
        hrefs.contains(&"../../media/dokumente/anmeldung.DOCX".to_string()),
        "{hrefs:?}"
    );

    let home = html(&p.path().join("public/index.html"));
    let listed = texts(&home, "ul.documents li");
    assert_eq!(
        listed,
        [
            "Flyer zum Sprachcafé (PDF, 1 kB; verlinkt in Einleitung)",
            "Formular (DOCX, 1 kB; verlinkt in Einleitung)",
        ],
        "{listed:?}"
    );
    let links: Vec<&str> = home
        .select(&scraper::Selector::parse("ul.documents li > a:first-child").unwrap())
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(
        links,
        [
            "media/dokumente/Flyer%20Juni.pdf",
            "media/dokumente/anmeldung.DOCX"
        ]
    );
}

#[test]
fn the_langfassung_links_a_document_to_its_copy_on_the_site() {
    let p = project();
    p.run(&["build"]).ok();
    let pdf = p.path().join("public/downloads/langfassung.pdf");
    let out = Command::new("pdfinfo")
        .args(["-url", pdf.to_str().unwrap()])
        .output()
        .expect("pdfinfo (poppler-utils, ./scripts/install-deps)");
    let urls = String::from_utf8_lossy(&out.stdout);
    assert!(
        urls.contains("https://example.org/testkreis/media/dokumente/Flyer%20Juni.pdf"),
        "{urls}"
    );
}

#[test]
fn pages_scripts_and_files_outside_content_are_findings_in_check_and_build() {
    let p = Project::fixture("build/minimal");
    let chapter = p.read("content/01-einleitung.md");
    p.write("content/seite.html", "<script>alert(1)</script>");
    p.write(
        "content/01-einleitung.md",
        &format!(
            "{chapter}\nSiehe [die Seite](seite.html) und [die Einstellungen](../book.toml).\n"
        ),
    );
    let expected = [
        "the site does not publish files of the kind `.html`: `seite.html`",
        "the file `../book.toml` is not inside content/, so it is not published",
    ];
    for args in [&["check"][..], &["build", "--no-pdf"][..]] {
        let run = p.run(args);
        assert_eq!(run.code, 1, "{args:?}: {}", run.stderr);
        for message in expected {
            assert!(
                run.stderr.contains(message),
                "{args:?}: `{message}` missing in\n{}",
                run.stderr
            );
        }
        assert!(
            run.stderr.contains("content/01-einleitung.md:"),
            "{}",
            run.stderr
        );
    }
    assert!(!p.path().join("public/media/seite.html").exists());
}
