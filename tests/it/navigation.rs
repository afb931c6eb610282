//! The sidebar of a large book: each chapter page shows its own part open
//! among a few neighbouring parts, the same number of entries however many
//! parts the book has, and links to the table of contents page, which
//! lists every part.

use crate::fixture::{Project, html, texts};

/// A project of `parts` parts with three chapters each, built without PDFs.
fn book(parts: usize) -> Project {
    let p = Project::fixture("build/minimal");
    // Only parts at the top level: the fixture's two loose chapters go.
    for loose in ["content/01-einleitung.md", "content/02-ausblick.md"] {
        std::fs::remove_file(p.path().join(loose)).unwrap();
    }
    for part in 1..=parts {
        let dir = format!("content/{part:03}-teil-{part}");
        p.write(
            &format!("{dir}/_index.md"),
            &format!("---\ntitle: Teil {part}\n---\n"),
        );
        for n in 1..=3 {
            p.write(
                &format!("{dir}/{n:02}-kapitel-{part}-{n}.md"),
                &format!(
                    "---\ntitle: Kapitel {part}.{n}\nsummary: Worum es in Kapitel {part}.{n} geht.\n---\n\nText von Kapitel {part}.{n}.\n"
                ),
            );
        }
    }
    p.run(&["build", "--no-pdf"]).ok();
    p
}

/// The sidebar's top-level entries on chapter `part`.`n`'s page, and the
/// chapters listed open under them.
fn sidebar(p: &Project, part: usize, n: usize) -> (Vec<String>, Vec<String>, Vec<String>) {
    let doc = html(
        &p.path()
            .join(format!("public/kapitel/kapitel-{part}-{n}/index.html")),
    );
    (
        texts(&doc, "nav.sidebar > ol.toc-tree > li > a"),
        texts(&doc, "nav.sidebar > ol.toc-tree > li > ol > li > a"),
        texts(&doc, "nav.sidebar [aria-current=page]"),
    )
}

#[test]
fn a_large_books_sidebar_keeps_its_size_and_shows_the_current_part() {
    for parts in [40, 80] {
        let p = book(parts);
        let middle = parts / 2;
        let (entries, open, current) = sidebar(&p, middle, 2);
        let expected: Vec<String> = (middle - 5..=middle + 5)
            .map(|i| format!("Teil {i}"))
            .collect();
        assert_eq!(entries, expected, "{parts} parts");
        assert_eq!(
            open,
            [
                format!("Kapitel {middle}.1"),
                format!("Kapitel {middle}.2"),
                format!("Kapitel {middle}.3")
            ],
            "only the current part is open"
        );
        assert_eq!(current, [format!("Kapitel {middle}.2")]);

        // At the book's start and end the window keeps its size.
        let (first, _, _) = sidebar(&p, 1, 1);
        assert_eq!(first.len(), 11, "{first:?}");
        assert!(first.contains(&"Teil 1".to_string()), "{first:?}");
        let (last, _, _) = sidebar(&p, parts, 3);
        assert_eq!(
            last.last().map(String::as_str),
            Some(&*format!("Teil {parts}"))
        );
        assert_eq!(last.len(), 11, "{last:?}");

        // The table of contents page has every part, and every chapter page
        // links to it.
        let doc = html(
            &p.path()
                .join(format!("public/kapitel/kapitel-{middle}-2/index.html")),
        );
        let links = texts(&doc, "nav.sidebar > p > a");
        assert_eq!(links.len(), 1, "{links:?}");
        let contents = std::fs::read_to_string(p.path().join("public/inhalt/index.html")).unwrap();
        for i in 1..=parts {
            assert!(
                contents.contains(&format!(">Teil {i}<")),
                "Teil {i} in inhalt/"
            );
        }
    }
}
