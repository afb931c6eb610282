//! One findings pass: `check` and `build` report the same findings for
//! every fixture project, and one fixture per former disagreement between
//! them proves the stricter answer wins in both.

use crate::fixture::{Project, Run, copy_dir, konzept, repo};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The day both commands compare periods with.
const TODAY: &str = "2025-06-01";

/// (file, line, column, severity, message) of one finding.
type Finding = (String, u64, u64, String, String);

/// Runs `konzept <args>` in `dir` with a fixed day, messages in English
/// (the fixtures' `language = "de"` would choose German).
fn run_in(dir: &Path, args: &[&str]) -> Run {
    let out = konzept()
        .args(args)
        .current_dir(dir)
        .env("KONZEPT_TODAY", TODAY)
        .output()
        .unwrap();
    Run::from(out)
}

/// The findings of `check --format json`.
fn checked(dir: &Path) -> BTreeSet<Finding> {
    let run = run_in(dir, &["check", "--format", "json"]);
    let items: Vec<serde_json::Value> = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("JSON expected: {e}\n{}", run.stdout));
    items
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_string(),
                d["span"]["line"].as_u64().unwrap_or(0),
                d["span"]["column"].as_u64().unwrap_or(0),
                d["severity"].as_str().unwrap().to_string(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        // About the PDFs an earlier build left, which a build replaces.
        .filter(|f| !f.4.starts_with("the brochure `") && !f.4.starts_with("the font `"))
        .collect()
}

/// The findings `build --no-pdf` prints in the short form, and its exit code.
fn built(dir: &Path) -> (BTreeSet<Finding>, i32) {
    let run = run_in(dir, &["build", "--no-pdf", "--diagnostic-format", "short"]);
    let found = run
        .stderr
        .lines()
        .filter(|l| !l.starts_with("konzept: "))
        .map(|l| parse_short(l).unwrap_or_else(|| panic!("not a finding: {l}\n{}", run.stderr)))
        .collect();
    (found, run.code)
}

/// `file:line:col: severity: message` (or `file: severity: message`).
fn parse_short(line: &str) -> Option<Finding> {
    for sev in ["error", "warning"] {
        if let Some((at, message)) = line.split_once(&format!(": {sev}: ")) {
            let mut parts = at.rsplitn(3, ':');
            let (col, row, file) = (parts.next()?, parts.next(), parts.next());
            return Some(match (row, file, col.parse::<u64>()) {
                (Some(row), Some(file), Ok(col)) => (
                    file.to_string(),
                    row.parse().ok()?,
                    col,
                    sev.to_string(),
                    message.to_string(),
                ),
                _ => (at.to_string(), 0, 0, sev.to_string(), message.to_string()),
            });
        }
    }
    None
}

/// Every project under tests/fixtures (a folder with a book.toml).
fn fixture_projects() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = walkdir::WalkDir::new(repo().join("tests/fixtures"))
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_name() == "book.toml")
        .map(|e| e.path().parent().unwrap().to_path_buf())
        .collect();
    out.sort();
    out
}

#[test]
fn check_and_build_report_the_same_findings_for_every_fixture() {
    let projects = fixture_projects();
    assert!(projects.len() >= 12, "{projects:?}");
    let mut with_findings = 0;
    for dir in projects {
        let p = Project::empty();
        copy_dir(&dir, p.path());
        let check = checked(p.path());
        let (build, code) = built(p.path());
        let name = dir.strip_prefix(repo()).unwrap().display().to_string();
        assert_eq!(
            check, build,
            "{name}: check (left) and build (right) disagree"
        );
        let errors = check.iter().any(|f| f.3 == "error");
        assert_eq!(code, i32::from(errors), "{name}: exit code");
        with_findings += usize::from(!check.is_empty());
    }
    assert!(with_findings >= 6, "the fixtures have findings to compare");
}

/// Check and build of the fixture `findings/<case>`: both report `expected`
/// among their findings; returns the project after the build.
fn both_report(case: &str, expected: Finding) -> Project {
    let p = Project::fixture(&format!("findings/{case}"));
    let check = checked(p.path());
    let (build, code) = built(p.path());
    assert!(check.contains(&expected), "check: {check:#?}");
    assert!(build.contains(&expected), "build: {build:#?}");
    if expected.3 == "error" {
        assert_eq!(code, 1);
        assert!(!p.path().join("public").exists(), "nothing was written");
    } else {
        assert_eq!(code, 0);
    }
    p
}

fn finding(file: &str, line: u64, col: u64, sev: &str, message: &str) -> Finding {
    (file.into(), line, col, sev.into(), message.into())
}

#[test]
fn print_output_inside_the_site_is_a_finding_on_book_toml() {
    both_report(
        "print-output-in-site",
        finding(
            "book.toml",
            19,
            10,
            "error",
            "the print-shop folder `public/druck` must lie outside the site folder `public`",
        ),
    );
}

#[test]
fn a_link_to_a_markdown_file_is_an_error_in_build_too() {
    let p = both_report(
        "link-to-markdown-file",
        finding(
            "content/01-einleitung.md",
            11,
            79,
            "error",
            "the link `02-ausblick.md` leads to no page or file of the site",
        ),
    );
    let long = run_in(p.path(), &["build", "--no-pdf"]);
    assert!(
        long.stderr.contains("did you mean `kapitel:ausblick`?"),
        "{}",
        long.stderr
    );
}

#[test]
fn a_chapter_without_summary_is_a_warning_in_build_too() {
    both_report(
        "chapter-without-summary",
        finding(
            "content/02-ausblick.md",
            2,
            1,
            "warning",
            "the chapter has no `summary`",
        ),
    );
}

#[test]
fn a_low_resolution_image_is_a_warning_in_check_too() {
    both_report(
        "low-resolution-image",
        finding(
            "content/02-ausblick.md",
            10,
            1,
            "warning",
            "the image `bilder/karte.png` has only 6 ppi at its printed width of 163 mm (Langfassung)",
        ),
    );
}

#[test]
fn a_heading_skip_is_an_error_because_the_pdf_cannot_take_it() {
    both_report(
        "heading-skip",
        finding(
            "content/02-ausblick.md",
            10,
            1,
            "error",
            "the heading `Einzelheiten` skips a level: level 4 follows level 2",
        ),
    );
}

/// The measure ids of each `massnahmen` listing in the chapter's site page,
/// by the heading above it.
fn site_listings(html: &str) -> Vec<(String, Vec<String>)> {
    let doc = scraper::Html::parse_fragment(html);
    let sel = scraper::Selector::parse("h2, table.massnahmen, p").unwrap();
    let row = scraper::Selector::parse("tbody th[scope=row]").unwrap();
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    let mut heading = String::new();
    for e in doc.select(&sel) {
        match e.value().name() {
            "h2" => heading = e.text().collect::<String>().trim().to_string(),
            "table" => out.push((
                heading.clone(),
                e.select(&row).map(|r| r.text().collect()).collect(),
            )),
            // `none_found` in place of an empty table.
            _ if e.text().collect::<String>() == "Keine Einträge." => {
                out.push((heading.clone(), Vec::new()))
            }
            _ => {}
        }
    }
    out
}

/// The same from the Langfassung's `data.json`.
fn pdf_listings(body: &serde_json::Value) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    let mut heading = String::new();
    for node in body.as_array().unwrap() {
        match node["t"].as_str() {
            Some("h") => {
                heading = node["c"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter_map(|c| c.as_str())
                    .collect()
            }
            Some("massnahmen") => out.push((
                heading.clone(),
                node["items"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|m| m["id"].as_str().unwrap().to_string())
                    .collect(),
            )),
            _ => {}
        }
    }
    out
}

#[test]
fn a_second_interface_language_selects_the_same_records_on_the_site_and_in_the_pdf() {
    use konzept::site::pages::{Page, PageKind};
    let root = repo().join("tests/fixtures/findings/second-language");
    let mut diags = konzept::diag::Diagnostics::default();
    let p = konzept::project::Project::load(&root, &mut diags).unwrap();
    assert!(!diags.has_errors(), "{diags:?}");
    let r = konzept::site::Renderer::new(&p).unwrap();
    assert_eq!(r.strings.get("status.zurueckgestellt"), "on hold");
    let i = p
        .book
        .chapters
        .iter()
        .position(|c| c.slug == "einleitung")
        .unwrap();
    let page = Page {
        path: "kapitel/einleitung/".into(),
        kind: PageKind::Chapter(i),
    };
    let html = konzept::site::render(&p, &r, &[page]).unwrap().remove(0).1;
    let doc = konzept::print::doc::build(&p, &r.strings, konzept::print::doc::DocKind::Lang);
    let chapter = doc.json["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["label"] == "kapitel:einleitung")
        .unwrap();
    // What the data says, read from data/massnahmen.yaml by hand: M-003 is
    // on hold, nothing running in Südheim, M-001 district-wide.
    let expected = vec![
        ("Zurückgestellt".to_string(), vec!["M-003".to_string()]),
        ("Laufend in Südheim".to_string(), vec![]),
        ("Kreisweit".to_string(), vec!["M-001".to_string()]),
    ];
    assert_eq!(site_listings(&html), expected, "the site");
    assert_eq!(pdf_listings(&chapter["body"]), expected, "the PDF");
}

#[test]
fn a_record_link_in_a_summary_leads_to_the_record_from_its_page() {
    // Found by the findings on the rendered pages: `build` used to publish
    // the summary's link with the root placeholder still in it.
    let p = Project::fixture("print/basic");
    let (found, code) = built(p.path());
    assert_eq!(code, 0, "{found:#?}");
    let page = crate::fixture::html(&p.path().join("public/kapitel/einleitung/index.html"));
    let sel = scraper::Selector::parse("a[href]").unwrap();
    let hrefs: Vec<&str> = page
        .select(&sel)
        .filter_map(|a| a.value().attr("href"))
        .filter(|h| h.contains("empfehlungen/sb-1/"))
        .collect();
    assert!(hrefs.len() >= 2, "summary and body link SB-1: {hrefs:?}");
    for h in hrefs {
        assert_eq!(h, "../../empfehlungen/sb-1/");
    }
}
