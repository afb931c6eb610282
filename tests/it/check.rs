//! Tests of `check`: one fixture with one instance of many kinds of
//! finding, one with problems of loading, and the sample.

use crate::fixture::{Project, Run, konzept};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Every file of the project and its bytes, to prove `check` wrote nothing.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .map(Result::unwrap)
        .map(|e| {
            let bytes = if e.file_type().is_file() {
                std::fs::read(e.path()).unwrap()
            } else {
                Vec::new()
            };
            (e.path().strip_prefix(root).unwrap().to_path_buf(), bytes)
        })
        .collect()
}

/// (file, line, severity, message) of each finding in `check --format json`.
fn findings(run: &Run) -> Vec<(String, u64, String, String)> {
    let items: Vec<serde_json::Value> = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("JSON expected: {e}\n{}", run.stdout));
    items
        .iter()
        .map(|d| {
            assert!(
                !d["hints"].as_array().unwrap().is_empty(),
                "every finding says what to do: {d}"
            );
            (
                d["file"].as_str().unwrap().to_string(),
                d["span"]["line"].as_u64().unwrap_or(0),
                d["severity"].as_str().unwrap().to_string(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn f(file: &str, line: u64, severity: &str, message: &str) -> (String, u64, String, String) {
    (file.into(), line, severity.into(), message.into())
}

#[test]
fn every_problem_is_found_once_and_nothing_is_written() {
    let p = Project::fixture("check/problems");
    let before = snapshot(p.path());
    let run = p.run(&["check", "--today", "2025-06-01", "--format", "json"]);
    assert_eq!(run.code, 1, "a broken link is an error\n{}", run.stderr);
    assert_eq!(
        findings(&run),
        vec![
            f(
                "book.toml",
                0,
                "warning",
                "the brochure `druck/kurzfassung-druck.pdf` has 6 pages, not a multiple of four"
            ),
            f(
                "content/01-einleitung.md",
                8,
                "error",
                "the link `02-anhang.md` leads to no page or file of the site"
            ),
            f(
                "content/02-anhang.md",
                2,
                "warning",
                "the chapter has no `summary`"
            ),
            f(
                "content/03-ausblick.md",
                3,
                "warning",
                "the `summary` is empty"
            ),
            f(
                "data/empfehlungen.yaml",
                8,
                "warning",
                "the recommendation `SB-2` has no measures"
            ),
            f(
                "data/handlungsfelder.yaml",
                6,
                "warning",
                "the field of action `arbeit` has no recommendations"
            ),
            f(
                "data/kommunen/borgholzhausen.yaml",
                10,
                "warning",
                "the municipality `borgholzhausen` has no offers"
            ),
            f(
                "data/massnahmen.yaml",
                16,
                "warning",
                "the measure `M-002` is still `geplant`, but its period ended (`bis: 2024-12`)"
            ),
        ]
    );
    let items: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(items[1]["span"]["column"], 33);
    assert_eq!(
        items[1]["excerpt"],
        "Dieses Kapitel verweist auf den [Anhang](02-anhang.md), eine Datei,"
    );
    assert!(
        items[1]["hints"][0]
            .as_str()
            .unwrap()
            .contains("did you mean `kapitel:anhang`?"),
        "{}",
        items[1]
    );
    assert_eq!(snapshot(p.path()), before, "check must not write");
}

#[test]
fn human_output_shows_place_excerpt_and_hint() {
    let p = Project::fixture("check/problems");
    let run = p.run(&["check", "--today", "2025-06-01"]);
    assert_eq!(run.code, 1);
    let e = &run.stderr;
    assert!(
        e.contains("warning: the measure `M-002` is still `geplant`"),
        "{e}"
    );
    assert!(e.contains("┌─ data/massnahmen.yaml:16:11"), "{e}");
    assert!(e.contains("16 │   status: geplant"), "{e}");
    assert!(e.contains("= hint: set `status:` to `laufend`"), "{e}");
    assert!(e.ends_with("konzept: 1 error, 7 warnings\n"), "{e}");
    // Sorted by file: chapters before data.
    let chapter = e.find("content/01-einleitung.md").unwrap();
    let data = e.find("data/empfehlungen.yaml").unwrap();
    assert!(chapter < data, "{e}");
}

#[test]
fn warnings_fail_only_when_denied() {
    let p = Project::fixture("check/problems");
    let text = p
        .read("content/01-einleitung.md")
        .replace("(02-anhang.md)", "(kapitel:anhang)");
    p.write("content/01-einleitung.md", &text);
    let run = p.run(&["check", "--today", "2025-06-01", "--format", "short"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("konzept: 0 errors, 7 warnings"),
        "{}",
        run.stderr
    );
    let run = p.run(&["check", "--today", "2025-06-01", "--deny-warnings"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
}

#[test]
fn today_comes_from_the_environment_and_the_flag_wins() {
    let p = Project::fixture("check/problems");
    let run = |env: &str, args: &[&str]| -> Run {
        konzept()
            .args(["check", "--format", "short"])
            .args(args)
            .env("KONZEPT_TODAY", env)
            .current_dir(p.path())
            .output()
            .unwrap()
            .into()
    };
    let ended = "the measure `M-002` is still `geplant`";
    assert!(!run("2024-12-31", &[]).stderr.contains(ended));
    assert!(run("2025-01-01", &[]).stderr.contains(ended));
    assert!(
        run("2024-06-01", &["--today", "2025-01-01"])
            .stderr
            .contains(ended)
    );
    let bad = run("morgen", &[]);
    assert_eq!(bad.code, 1);
    assert!(bad.stderr.contains("KONZEPT_TODAY"), "{}", bad.stderr);
}

#[test]
fn problems_build_finds_are_reported_with_the_rest() {
    let p = Project::fixture("check/load-errors");
    let run = p.run(&["check", "--today", "2025-06-01", "--format", "json"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        findings(&run),
        vec![
            f(
                "content/01-einleitung.md",
                2,
                "warning",
                "the chapter has no `summary`"
            ),
            f(
                "content/01-einleitung.md",
                7,
                "error",
                "the image `bilder/karte.svg` has no alt text"
            ),
            f(
                "content/01-einleitung.md",
                9,
                "error",
                "the image `bilder/fehlt.svg` does not exist"
            ),
        ]
    );
}

#[test]
fn the_sample_publication_is_clean() {
    let p = Project::sample();
    let run = p.run(&["check", "--deny-warnings", "--today", "2025-06-01"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!p.path().join("public").exists(), "check must not build");
}
