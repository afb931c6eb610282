//! Actors (issue 16): their validation, `new akteur`, the network overview
//! checked cell by cell against the sample's YAML (read with serde-saphyr,
//! not through konzept), the exports, and the Langfassung's appendix.

use crate::fixture::{Project, html, texts};
use scraper::Selector;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// (file, line, severity, message, hints) of each finding of `check --format json`.
fn findings(p: &Project) -> Vec<(String, u64, String, String, String)> {
    let run = p.run(&["check", "--today", "2025-06-01", "--format", "json"]);
    let items: Vec<Value> = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("JSON expected: {e}\n{}\n{}", run.stdout, run.stderr));
    items
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_string(),
                d["span"]["line"].as_u64().unwrap_or(0),
                d["severity"].as_str().unwrap().to_string(),
                d["message"].as_str().unwrap().to_string(),
                d["hints"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|h| h.as_str().unwrap())
                    .collect::<Vec<_>>()
                    .join(" | "),
            )
        })
        .collect()
}

fn find<'a>(
    all: &'a [(String, u64, String, String, String)],
    file: &str,
    message: &str,
) -> &'a (String, u64, String, String, String) {
    all.iter()
        .find(|f| f.0 == file && f.3 == message)
        .unwrap_or_else(|| panic!("no finding `{message}` in {file}; found:\n{all:#?}"))
}

#[test]
fn actor_problems_are_found_with_place_and_fix() {
    let p = crate::fixture::Project::fixture("actors/problems");
    let all = findings(&p);
    let akteure = "data/akteure.yaml";
    // The same id in other capitals: one web address, so an error.
    let dup = find(
        &all,
        akteure,
        "the actor id `FZ-Nordstadt` is used twice: `fz-nordstadt` differs only in capitals",
    );
    assert_eq!((dup.1, dup.2.as_str()), (9, "error"), "{dup:?}");
    let kind = find(&all, akteure, "unknown kind of actor `arbeitsverwalt`");
    assert_eq!(kind.1, 17);
    assert!(
        kind.4.contains("did you mean `arbeitsverwaltung`?"),
        "{kind:?}"
    );
    let field = find(&all, akteure, "unknown field of action `arbeit`");
    assert!(
        field.4.contains("did you mean `arbeit-wirtschaft`?"),
        "{field:?}"
    );
    // Unknown ids where offers and measures name actors.
    let offer = find(
        &all,
        "data/kommunen/suedheim.yaml",
        "unknown actor `jobcentre`",
    );
    assert_eq!((offer.1, offer.2.as_str()), (13, "error"));
    assert!(offer.4.contains("did you mean `jobcenter`?"), "{offer:?}");
    let measure = find(&all, "data/massnahmen.yaml", "unknown actor `ki`");
    assert_eq!(measure.1, 5);
    // A free-text provider with an actor's name: a warning naming the id.
    let free = find(
        &all,
        "data/kommunen/nordstadt.yaml",
        "`traeger: Familienzentrum Nordstadt` names an actor as free text",
    );
    assert_eq!((free.1, free.2.as_str()), (14, "warning"));
    assert!(
        free.4.contains("this is the actor `fz-nordstadt`")
            && free.4.contains("write `anbieter: fz-nordstadt`"),
        "{free:?}"
    );
    // Free text that names no actor: how to make one.
    let other = find(
        &all,
        "data/massnahmen.yaml",
        "`zustaendig: Jugendämter` names an actor as free text",
    );
    assert!(other.4.contains("konzept new akteur"), "{other:?}");
    // The short form editors' tools read has file:line:col.
    let run = p.run(&["check", "--today", "2025-06-01", "--format", "short"]);
    assert!(
        run.stderr
            .contains("data/kommunen/suedheim.yaml:13:15: error: unknown actor `jobcentre`"),
        "{}",
        run.stderr
    );
}

#[test]
fn without_actors_free_text_is_quiet() {
    let p = Project::fixture("build/minimal");
    let all = findings(&p);
    assert!(
        !all.iter().any(|f| f.3.contains("as free text")),
        "a publication without akteure.yaml has no ids to point to: {all:#?}"
    );
}

#[test]
fn new_akteur_never_reuses_an_id() {
    let p = Project::fixture("build/minimal");
    for _ in 0..2 {
        p.run(&[
            "new",
            "akteur",
            "Familienzentrum Nordstadt",
            "--art",
            "bildungstraeger",
            "--kommune",
            "nordstadt",
        ])
        .ok();
    }
    let text = p.read("data/akteure.yaml");
    assert!(text.contains("- id: familienzentrum-nordstadt\n"), "{text}");
    assert!(
        text.contains("- id: familienzentrum-nordstadt-2\n"),
        "{text}"
    );
    assert!(text.contains("kommunen: [nordstadt]"), "{text}");
    let bad = p.run(&["new", "akteur", "X", "--art", "verien"]);
    assert_ne!(bad.code, 0);
    assert!(
        bad.stderr.contains("did you mean `verein`?"),
        "{}",
        bad.stderr
    );
    // The scaffolded project still checks without errors.
    assert!(findings(&p).iter().all(|f| f.2 != "error"));
}

/// The sample's actors as written: id → (municipality slugs or
/// `kreisweit`, fields of action).
fn sample_actors() -> BTreeMap<String, (Vec<String>, Vec<String>)> {
    let text = std::fs::read_to_string(crate::fixture::repo().join("data/akteure.yaml")).unwrap();
    let list: Vec<Value> = serde_saphyr::from_str(&text).unwrap();
    let strs = |v: &Value| -> Vec<String> {
        v.as_array()
            .map(|a| a.iter().map(|x| x.as_str().unwrap().to_string()).collect())
            .unwrap_or_default()
    };
    list.iter()
        .map(|a| {
            (
                a["id"].as_str().unwrap().to_string(),
                (strs(&a["kommunen"]), strs(&a["handlungsfelder"])),
            )
        })
        .collect()
}

#[test]
fn the_network_table_matches_the_data_cell_by_cell() {
    let p = Project::sample();
    p.run(&["build", "--no-pdf"]).ok();
    let actors = sample_actors();
    assert!(
        actors.len() >= 40,
        "about 40 sample actors, found {}",
        actors.len()
    );
    let doc = html(&p.path().join("public/netzwerk/index.html"));
    let sel = |s: &str| Selector::parse(s).unwrap();
    let tables: Vec<_> = doc.select(&sel("table.netz")).collect();
    assert_eq!(tables.len(), 13, "one table per municipality");
    let mut seen = BTreeSet::new();
    for table in tables {
        let kommune = table.value().attr("data-kommune").unwrap();
        // The columns, from the header row's data attributes.
        let cols: Vec<&str> = table
            .select(&sel("thead th[data-handlungsfeld]"))
            .map(|th| th.value().attr("data-handlungsfeld").unwrap())
            .collect();
        assert_eq!(cols.len(), 6, "{kommune}: the six fields of action");
        assert!(
            table.select(&sel("caption")).next().is_some()
                && table.select(&sel("thead th[scope=col]")).count() == 7
                && table.select(&sel("tbody th[scope=row]")).count()
                    == table.select(&sel("tbody tr")).count(),
            "{kommune}: caption, column and row headers"
        );
        let mut rows = BTreeSet::new();
        for tr in table.select(&sel("tbody tr")) {
            let id = tr.value().attr("data-akteur").unwrap();
            let (places, fields) = &actors[id];
            assert!(
                places.iter().any(|k| k == kommune || k == "kreisweit"),
                "{id} is listed in {kommune} but does not work there"
            );
            let cells: Vec<String> = tr
                .select(&sel("td"))
                .map(|td| td.text().collect::<String>())
                .collect();
            assert_eq!(cells.len(), cols.len(), "{kommune}/{id}");
            for (col, cell) in cols.iter().zip(&cells) {
                let yes = fields.iter().any(|f| f == col);
                let expected = if yes { "●ja" } else { "–nein" };
                assert_eq!(cell, expected, "{kommune}/{id}/{col}");
            }
            rows.insert(id.to_string());
            seen.insert(id.to_string());
        }
        let expected: BTreeSet<String> = actors
            .iter()
            .filter(|(_, (places, _))| places.iter().any(|k| k == kommune || k == "kreisweit"))
            .map(|(id, _)| id.clone())
            .collect();
        assert_eq!(
            rows, expected,
            "{kommune}: every actor working there, no other"
        );
    }
    assert_eq!(seen.len(), actors.len(), "every actor is in the overview");
    // The summary table (the SVG's text alternative) counts the same.
    let summary: Vec<_> = doc.select(&sel("#netz-tabelle tbody tr")).collect();
    assert_eq!(summary.len(), 13);
    let svg = texts(&doc, "svg#netz title");
    assert_eq!(svg.len(), 1, "the overview is an SVG with a title");
    assert!(
        doc.select(&sel("svg#netz[role=img][aria-labelledby]"))
            .next()
            .is_some(),
        "the SVG is an image with a name"
    );
}

#[test]
fn actors_are_linked_from_offers_measures_and_municipalities() {
    let p = Project::sample();
    p.run(&["build", "--no-pdf"]).ok();
    let public = p.path().join("public");
    // Every sample offer names its provider as a link to an actor page.
    let offers = html(&public.join("angebote/index.html"));
    let sel = Selector::parse(".card.angebot").unwrap();
    let link = Selector::parse("dd a[href*='akteure/']").unwrap();
    let cards: Vec<_> = offers.select(&sel).collect();
    assert!(!cards.is_empty());
    for c in &cards {
        assert!(c.select(&link).next().is_some(), "{}", c.html());
    }
    // An actor's page lists its offers and measures.
    let vhs = html(&public.join("akteure/vhs/index.html"));
    assert!(!texts(&vhs, ".card.angebot .card-title").is_empty());
    let ki = html(&public.join("akteure/ki-kreis/index.html"));
    assert!(texts(&ki, "table.massnahmen tbody tr").len() > 10);
    // A municipality lists its actors.
    let verl = html(&public.join("kommunen/verl/index.html"));
    let names = texts(&verl, ".akteure-list a");
    assert!(
        names.iter().any(|n| n == "Familienzentrum Verl (Beispiel)"),
        "{names:?}"
    );
    // Open data: every actor with its relations; CSV cells defused.
    let json: Vec<Value> = serde_json::from_str(&p.read("public/data/akteure.json")).unwrap();
    assert_eq!(json.len(), sample_actors().len());
    let ki = json.iter().find(|a| a["id"] == "ki-kreis").unwrap();
    assert!(ki["verantwortlich_fuer"].as_array().unwrap().len() > 10);
    let vhs = json.iter().find(|a| a["id"] == "vhs").unwrap();
    assert!(!vhs["angebote"].as_array().unwrap().is_empty());
    let csv = p.read("public/data/akteure.csv");
    assert!(
        csv.starts_with("id,name,art,kommunen,handlungsfelder"),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), json.len() + 1);
}

#[test]
fn csv_cells_of_actors_are_defused() {
    let p = Project::fixture("build/minimal");
    p.write(
        "data/akteure.yaml",
        "- id: x\n  name: \"=HYPERLINK(\\\"https://evil.example\\\")\"\n  art: verein\n  kommunen: [kreisweit]\n  kontakt: { rolle: \"+49 Rolle\" }\n",
    );
    p.run(&["build", "--no-pdf"]).ok();
    let csv = p.read("public/data/akteure.csv");
    assert!(csv.contains("'=HYPERLINK"), "{csv}");
    assert!(csv.contains("'+49 Rolle"), "{csv}");
}

fn pdf_text(pdf: &std::path::Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext runs (install poppler-utils with ./scripts/install-deps)");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Text without line breaks, hyphenation at line ends and spaces.
fn squeeze(s: &str) -> String {
    s.replace("-\n", "-")
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{ad}')
        .collect()
}

#[test]
fn the_langfassung_has_the_actors_appendix() {
    let p = Project::sample();
    let r = p.run(&["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = pdf_text(&p.path().join("public/downloads/langfassung.pdf"));
    let flat = squeeze(&text);
    assert!(
        text.contains("Akteure nach Kommunen"),
        "the appendix heading"
    );
    assert!(text.contains("Netzwerkübersicht"), "the network overview");
    let doc: Vec<Value> = serde_saphyr::from_str(&p.read("data/akteure.yaml")).unwrap();
    let missing: Vec<&str> = doc
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .filter(|n| !flat.contains(&squeeze(n)))
        .collect();
    assert!(
        missing.is_empty(),
        "actors missing from the PDF: {missing:?}"
    );
    // Municipality profiles list their actors.
    assert!(text.contains("Akteure in dieser Kommune"));
}
