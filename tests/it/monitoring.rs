//! Tests of the integration monitoring: every problem in a values file at
//! its line and column, the pages of the monitoring section, and charts
//! whose plotted points, read back through their own axes, are the values
//! of the CSV files.

use crate::fixture::{Project, Run, html, texts};
use std::collections::BTreeMap;

/// Two indicators (a rate with gaps in its years, and a count whose district
/// value is the municipalities' sum), three municipalities, measures with a
/// status history; the period is 2019–2024.
const BASIC: &str = "monitoring/basic";

fn build(p: &Project) -> Run {
    p.run(&["build", "--no-pdf", "--diagnostic-format", "short"])
}

/// The problems of a failing build, one short line each.
fn errors(p: &Project) -> (Vec<String>, String) {
    let r = build(p);
    assert_eq!(
        r.code, 1,
        "a broken values file stops the build\n{}",
        r.stderr
    );
    // The errors; warnings are the findings `check` prints as well.
    let lines = r
        .stderr
        .lines()
        .filter(|l| !l.starts_with("konzept: ") && !l.contains(": warning: "))
        .map(String::from)
        .collect();
    let long = p.run(&["build", "--no-pdf"]);
    (lines, long.stderr)
}

/// Breaks `data/monitoring/kursplaetze.csv` with `lines` appended and
/// expects exactly `short` and each of `hints`.
fn rejected(extra: &str, short: &[&str], hints: &[&str]) {
    let p = Project::fixture(BASIC);
    let csv = p.read("data/monitoring/kursplaetze.csv");
    p.write("data/monitoring/kursplaetze.csv", &format!("{csv}{extra}"));
    let (lines, long) = errors(&p);
    assert_eq!(lines, short, "\nlong form:\n{long}");
    for h in hints {
        assert!(
            long.contains(&format!("= hint: {h}")),
            "missing hint `{h}`:\n{long}"
        );
    }
    assert!(!p.path().join("public").exists(), "nothing is written");
}

#[test]
fn unknown_indicator_file_names_the_file_and_suggests_the_id() {
    let p = Project::fixture(BASIC);
    p.write(
        "data/monitoring/kursplatze.csv",
        "jahr,gebiet,wert\n2020,kreis,3.0\n",
    );
    let (lines, long) = errors(&p);
    assert_eq!(
        lines,
        ["data/monitoring/kursplatze.csv:1:1: error: no indicator has the id `kursplatze`"]
    );
    assert!(
        long.contains("= hint: did you mean `kursplaetze.csv`?"),
        "{long}"
    );
    assert!(
        long.contains(
            "= hint: the file name must be the id of an indicator in data/indikatoren.yaml"
        ),
        "{long}"
    );
}

#[test]
fn unknown_area_points_at_the_slug() {
    rejected(
        "2021,nordstat,4.4\n",
        &["data/monitoring/kursplaetze.csv:18:6: error: unknown area `nordstat`"],
        &[
            "did you mean `nordstadt`?",
            "write a municipality's slug (its file name in data/kommunen/) or `kreis` for the whole district",
        ],
    );
}

#[test]
fn value_that_is_not_a_number_points_at_the_value() {
    rejected(
        "2021, kreis ,zwölf\n2021,suedheim,\"2,5\"\n",
        &[
            "data/monitoring/kursplaetze.csv:18:14: error: expected a number for `wert`, found `zwölf`",
            "data/monitoring/kursplaetze.csv:19:15: error: expected a number for `wert`, found `2,5`",
        ],
        &[
            "write digits with a decimal point and no thousands separator, e.g. `1234.5`",
            "leave the line out when a value is not known",
        ],
    );
}

#[test]
fn duplicate_year_and_area_points_at_the_second_line() {
    rejected(
        "2022,nordstadt,5.1\n",
        &["data/monitoring/kursplaetze.csv:18:1: error: a second value for `nordstadt` in 2022"],
        &["the first is on line 11; keep one line per year and area"],
    );
}

#[test]
fn year_outside_the_period_names_the_period() {
    rejected(
        "2018,kreis,2.9\n2025,kreis,4.8\n",
        &[
            "data/monitoring/kursplaetze.csv:18:1: error: the year `2018` is outside the monitoring period 2019–2024",
            "data/monitoring/kursplaetze.csv:19:1: error: the year `2025` is outside the monitoring period 2019–2024",
        ],
        &[
            "correct the year, or widen the period under [monitoring] in book.toml (`first_year`, `last_year`)",
        ],
    );
}

#[test]
fn line_with_too_many_values_and_wrong_header_are_reported() {
    rejected(
        "2021,kreis,3,5\n",
        &[
            "data/monitoring/kursplaetze.csv:18:1: error: this line has 4 values, expected 3 (`jahr`, `gebiet`, `wert`)",
        ],
        &["write one year, one area and one value per line, separated by `,`"],
    );
    let p = Project::fixture(BASIC);
    p.write(
        "data/monitoring/projekte.csv",
        "year,area,value\n2021,kreis,12\n",
    );
    let (lines, _) = errors(&p);
    assert_eq!(
        lines,
        ["data/monitoring/projekte.csv:1:1: error: the first line must be `jahr,gebiet,wert`"]
    );
}

#[test]
fn every_problem_of_a_file_is_reported_in_one_run() {
    rejected(
        "2021,nordstat,x\n2030,kreis,1\n",
        &[
            "data/monitoring/kursplaetze.csv:18:6: error: unknown area `nordstat`",
            "data/monitoring/kursplaetze.csv:18:15: error: expected a number for `wert`, found `x`",
            "data/monitoring/kursplaetze.csv:19:1: error: the year `2030` is outside the monitoring period 2019–2024",
        ],
        &[],
    );
}

#[test]
fn indicator_records_are_checked_too() {
    let p = Project::fixture(BASIC);
    let yaml = p.read("data/indikatoren.yaml");
    p.write(
        "data/indikatoren.yaml",
        &yaml.replace(
            "  kennzahl: true\n",
            "  kennzahl: true\n  vergleich: [suedheim, westdrof]\n",
        ),
    );
    let (lines, long) = errors(&p);
    assert_eq!(
        lines,
        ["data/indikatoren.yaml:10:25: error: unknown municipality `westdrof`"]
    );
    assert!(long.contains("= hint: did you mean `westdorf`?"), "{long}");
    // A link to an indicator that does not exist is an error in the chapter.
    let p = Project::fixture(BASIC);
    let ch = p.read("content/01-sprache.md");
    p.write(
        "content/01-sprache.md",
        &ch.replace("indikator:kursplaetze", "indikator:kursplatze"),
    );
    let (lines, long) = errors(&p);
    assert_eq!(
        lines,
        [
            "content/01-sprache.md:9:14: error: the link target `indikator:kursplatze` does not exist"
        ]
    );
    assert!(
        long.contains("did you mean `indikator:kursplaetze`?"),
        "{long}"
    );
}

#[test]
fn an_indicator_without_values_is_a_warning_only() {
    let p = Project::fixture(BASIC);
    std::fs::remove_file(p.path().join("data/monitoring/projekte.csv")).unwrap();
    let r = build(&p);
    r.ok();
    assert!(
        r.stderr.contains(
            "data/indikatoren.yaml:11:7: warning: the indicator `projekte` has no values"
        ),
        "{}",
        r.stderr
    );
    let doc = html(&p.path().join("public/monitoring/projekte/index.html"));
    assert_eq!(
        texts(&doc, "main .lead"),
        ["Für diese Kennzahl liegen noch keine Werte vor."]
    );
}

#[test]
fn semicolon_files_with_decimal_commas_are_read() {
    let p = Project::fixture(BASIC);
    let csv = p.read("data/monitoring/kursplaetze.csv");
    let german = csv
        .replace(',', ";")
        .replace('.', ",")
        .replace("jahr;gebiet;wert", "Jahr;Gebiet;Wert");
    p.write(
        "data/monitoring/kursplaetze.csv",
        &format!("\u{feff}{german}"),
    );
    build(&p).ok();
    let doc = html(&p.path().join("public/monitoring/kursplaetze/index.html"));
    assert_eq!(
        texts(&doc, "table.werte tbody tr:first-child > *"),
        ["Kreis", "3,1", "2,7", "3,9", "4,6"]
    );
}

// ---------------------------------------------------------------------------
// The site.

/// The cells of each row matched by `selector`, joined by single spaces.
fn rows(doc: &scraper::Html, selector: &str) -> Vec<String> {
    let sel = scraper::Selector::parse(selector).unwrap();
    let cell = scraper::Selector::parse("th, td").unwrap();
    doc.select(&sel)
        .map(|tr| {
            tr.select(&cell)
                .map(|c| {
                    c.text()
                        .collect::<String>()
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// The values of a CSV file by (area, year).
fn csv_values(p: &Project, id: &str) -> BTreeMap<(String, i32), f64> {
    let text = p.read(&format!("data/monitoring/{id}.csv"));
    text.lines()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (
                (f[1].to_string(), f[0].parse().unwrap()),
                f[2].parse().unwrap(),
            )
        })
        .collect()
}

/// Every inline `<svg>` of a page, as XML text.
fn svgs(page: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = page;
    while let Some(start) = rest.find("<svg") {
        let end = rest[start..].find("</svg>").expect("a closed svg") + start + 6;
        out.push(rest[start..end].to_string());
        rest = &rest[end..];
    }
    out
}

/// `4,6` or `−1.234,5` → 4.6, -1234.5.
fn german(s: &str) -> f64 {
    s.trim()
        .replace('.', "")
        .replace(',', ".")
        .replace('−', "-")
        .parse()
        .unwrap()
}

fn attr(n: roxmltree::Node, name: &str) -> f64 {
    n.attribute(name)
        .unwrap_or_else(|| panic!("no {name}"))
        .parse()
        .unwrap()
}

/// A linear axis from two ticks: pixel → value.
struct Scale {
    px0: f64,
    v0: f64,
    per_px: f64,
}

impl Scale {
    fn from_ticks(ticks: &[(f64, f64)]) -> Scale {
        assert!(ticks.len() >= 2, "an axis needs two ticks: {ticks:?}");
        let (a, b) = (ticks[0], ticks[ticks.len() - 1]);
        let s = Scale {
            px0: a.0,
            v0: a.1,
            per_px: (b.1 - a.1) / (b.0 - a.0),
        };
        // Every tick lies on the same line.
        for (px, v) in ticks {
            assert!(
                (s.value(*px) - v).abs() <= 0.06 * s.per_px.abs() + 1e-9,
                "tick {v} at {px}"
            );
        }
        s
    }
    fn value(&self, px: f64) -> f64 {
        self.v0 + (px - self.px0) * self.per_px
    }
}

/// Each line of a chart read back through the chart's own axes:
/// area → [(year, value)], and the value one tenth of a pixel is worth.
fn plotted(svg: &str) -> (BTreeMap<String, Vec<(f64, f64)>>, f64) {
    let doc = roxmltree::Document::parse(svg).expect("the chart is well-formed XML");
    let class = |n: &roxmltree::Node, c: &str| n.attribute("class") == Some(c);
    let ticks = |c: &str, coord: &str| -> Vec<(f64, f64)> {
        doc.descendants()
            .filter(|n| class(n, c))
            .map(|g| {
                let line = g.children().find(|n| n.has_tag_name("line")).unwrap();
                let text = g.children().find(|n| n.has_tag_name("text")).unwrap();
                (attr(line, coord), german(text.text().unwrap()))
            })
            .collect()
    };
    let ys = Scale::from_ticks(&ticks("y-tick", "y1"));
    let xs = Scale::from_ticks(&ticks("x-tick", "x1"));
    let mut out = BTreeMap::new();
    for g in doc.descendants().filter(|n| class(n, "series")) {
        let area = g.attribute("data-area").unwrap().to_string();
        let path = g.children().find(|n| n.has_tag_name("path")).unwrap();
        let points: Vec<(f64, f64)> = path
            .attribute("d")
            .unwrap()
            .split(['M', 'L'])
            .filter(|s| !s.trim().is_empty())
            .map(|pt| {
                let (x, y) = pt.trim().split_once(',').unwrap();
                (xs.value(x.parse().unwrap()), ys.value(y.parse().unwrap()))
            })
            .collect();
        let markers = g.children().filter(|n| class(n, "marker")).count();
        assert_eq!(markers, points.len(), "one marker per value of {area}");
        out.insert(area, points);
    }
    (out, 0.1 * ys.per_px.abs())
}

/// Asserts that every plotted point is a CSV value of its area and year.
fn assert_points_match(svg: &str, values: &BTreeMap<(String, i32), f64>) -> Vec<String> {
    let (lines, tolerance) = plotted(svg);
    for (area, points) in &lines {
        let expected: Vec<(i32, f64)> = values
            .iter()
            .filter(|((a, _), _)| a == area)
            .map(|((_, y), v)| (*y, *v))
            .collect();
        assert_eq!(
            points.len(),
            expected.len(),
            "{area}: {points:?} vs {expected:?}"
        );
        for ((x, v), (year, want)) in points.iter().zip(&expected) {
            assert!(
                (x - *year as f64).abs() < 0.01,
                "{area}: x {x} is not {year}"
            );
            assert!(
                (v - want).abs() <= tolerance + 1e-9,
                "{area} {year}: plotted {v}, the file says {want} (±{tolerance})"
            );
        }
    }
    lines.keys().cloned().collect()
}

#[test]
fn chart_points_are_the_csv_values() {
    let p = Project::fixture(BASIC);
    build(&p).ok();
    for id in ["kursplaetze", "projekte"] {
        let values = csv_values(&p, id);
        let page = p.read(&format!("public/monitoring/{id}/index.html"));
        let charts = svgs(&page);
        // The main chart and one small chart per municipality.
        assert_eq!(charts.len(), 4, "{id}");
        let main = assert_points_match(&charts[0], &values);
        for small in &charts[1..] {
            assert_points_match(small, &values);
        }
        if id == "kursplaetze" {
            // The district, and the highest and lowest municipality of 2024.
            assert_eq!(main, ["kreis", "nordstadt", "westdorf"]);
        }
    }
}

#[test]
fn indicator_page_has_an_accessible_chart_the_full_table_and_the_facts() {
    let p = Project::fixture(BASIC);
    build(&p).ok();
    let file = p.path().join("public/monitoring/kursplaetze/index.html");
    let doc = html(&file);
    assert_eq!(texts(&doc, "h1"), ["Plätze in Integrationskursen"]);
    let trend = "Von 2019 bis 2024 stieg der Wert im Kreis von 3,1 auf 4,6 Plätze je 1.000 Einwohner*innen. \
                 Das ist ein Fortschritt, denn das Ziel ist ein steigender Wert.";
    assert!(
        texts(&doc, "main .lead")[0].starts_with(trend),
        "{:?}",
        texts(&doc, "main .lead")
    );
    // The chart: role img, named by its title, described by the trend.
    let sel = scraper::Selector::parse("svg.chart").unwrap();
    let svg = doc.select(&sel).next().expect("an inline chart");
    assert_eq!(svg.value().attr("role"), Some("img"));
    assert_eq!(
        svg.value().attr("aria-labelledby"),
        Some("chart-kursplaetze-title chart-kursplaetze-desc")
    );
    assert_eq!(
        texts(&doc, "#chart-kursplaetze-title"),
        ["Plätze in Integrationskursen"]
    );
    let desc = &texts(&doc, "#chart-kursplaetze-desc")[0];
    assert!(desc.starts_with(trend), "{desc}");
    assert!(
        desc.contains("Nordstadt und Westdorf, die 2024 den höchsten und den niedrigsten Wert"),
        "{desc}"
    );
    assert!(
        desc.contains("von 1,2 in Westdorf bis 6,1 in Nordstadt"),
        "{desc}"
    );
    // The table: header cells for years and areas, every value, German commas.
    assert_eq!(
        texts(&doc, "table.werte thead th"),
        ["Gebiet", "2019", "2020", "2022", "2024"]
    );
    assert_eq!(
        texts(&doc, "table.werte tbody th[scope=row]"),
        ["Kreis", "Nordstadt", "Südheim", "Westdorf"]
    );
    assert_eq!(
        texts(&doc, "table.werte tbody tr:nth-child(4) td"),
        ["2,5", "2,5", "3,4", "1,2"]
    );
    let facts = texts(&doc, ".facts dd");
    assert!(
        facts.contains(&"Plätze je 1.000 Einwohner*innen".to_string()),
        "{facts:?}"
    );
    assert!(
        facts.contains(&"Ein steigender Wert ist ein Fortschritt.".to_string()),
        "{facts:?}"
    );
    assert!(
        facts.contains(&"Kommunales Integrationszentrum, eigene Erhebung".to_string()),
        "{facts:?}"
    );
    assert!(facts.contains(&"2024".to_string()), "{facts:?}");
    // Ids are unique on the page (14 charts would otherwise clash).
    let page = std::fs::read_to_string(&file).unwrap();
    let mut ids: Vec<&str> = page
        .split(" id=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n, "duplicate ids on the page");
}

#[test]
fn count_whose_district_is_the_sum_leaves_the_district_out_of_the_small_charts() {
    let p = Project::fixture(BASIC);
    build(&p).ok();
    let page = p.read("public/monitoring/projekte/index.html");
    let charts = svgs(&page);
    let (main, _) = plotted(&charts[0]);
    assert!(main.contains_key("kreis"));
    for small in &charts[1..] {
        let (lines, _) = plotted(small);
        assert_eq!(lines.len(), 1, "only the municipality: {:?}", lines.keys());
        assert!(small.contains("Summe der Kommunen"), "{small}");
    }
    // Whole numbers: whole ticks from zero.
    let doc = roxmltree::Document::parse(&charts[0]).unwrap();
    let ticks: Vec<String> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("y-tick"))
        .map(|g| {
            g.children()
                .find(|n| n.has_tag_name("text"))
                .unwrap()
                .text()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(ticks.first().map(String::as_str), Some("0"));
    assert!(ticks.iter().all(|t| !t.contains(',')), "{ticks:?}");
}

#[test]
fn monitoring_overview_shows_indicators_by_field_and_the_implementation_status() {
    let p = Project::fixture(BASIC);
    build(&p).ok();
    let doc = html(&p.path().join("public/monitoring/index.html"));
    assert_eq!(texts(&doc, "h1"), ["Integrationsmonitoring"]);
    assert_eq!(
        texts(&doc, ".indikator-gruppe h3"),
        ["Sprache und Bildung", "Arbeit und Wirtschaft"]
    );
    assert_eq!(
        texts(&doc, ".indikator .card-title"),
        ["Plätze in Integrationskursen", "Ehrenamtliche Projekte"]
    );
    assert_eq!(
        texts(&doc, ".indikator .kpi"),
        [
            "4,6 Plätze je 1.000 Einwohner*innen (Kreis, 2024)",
            "11 Projekte (Kreis, 2023)"
        ]
    );
    assert_eq!(
        texts(&doc, ".indikator .verdict"),
        ["Fortschritt", "kein Fortschritt"]
    );
    // The status per field: M-001 umgesetzt, M-002 laufend, M-004 geplant
    // (SB); M-003 zurückgestellt (AW).
    assert_eq!(
        texts(&doc, "#chart-umsetzung-desc"),
        [
            "Von 4 Maßnahmen sind 1 geplant, 1 laufend, 1 umgesetzt und 1 zurückgestellt. Die Zahlen je Handlungsfeld stehen in der Tabelle zur Grafik."
        ]
    );
    let tables = rows(&doc, "table.umsetzung tbody tr");
    assert_eq!(
        tables[..2],
        [
            "Sprache und Bildung 1 1 1 0 3",
            "Arbeit und Wirtschaft 0 0 0 1 1"
        ]
    );
    // Over time from the history: end of 2023 M-001 laufend; at the newest
    // entry (2024-11-01) M-001 umgesetzt and M-002 laufend.
    assert_eq!(
        tables[2..],
        ["Ende 2023 0 1 0 0 1", "Stand 1. November 2024 0 1 1 0 2"]
    );
    // Bars: each segment's label is its count, and its length is in proportion.
    let page = p.read("public/monitoring/index.html");
    let charts = svgs(&page);
    let doc = roxmltree::Document::parse(&charts[0]).unwrap();
    let widths: Vec<(f64, String)> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("segment"))
        .map(|n| {
            (
                attr(n, "width"),
                n.attribute("data-value").unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(widths.len(), 4);
    let unit = widths[0].0;
    for (w, n) in &widths {
        assert!(
            (w - unit * n.parse::<f64>().unwrap()).abs() < 0.2,
            "{widths:?}"
        );
    }
}

#[test]
fn municipality_page_shows_its_status_and_its_newest_values_beside_the_district() {
    let p = Project::fixture(BASIC);
    build(&p).ok();
    let doc = html(&p.path().join("public/kommunen/suedheim/index.html"));
    assert_eq!(
        rows(&doc, "table.kennzahlen tbody tr"),
        [
            "Plätze in Integrationskursen 3,3 (2024) 4,6 (2024) Plätze je 1.000 Einwohner*innen",
            "Ehrenamtliche Projekte 3 (2023) 11 (2023) Projekte"
        ]
    );
    assert_eq!(
        rows(&doc, "table.umsetzung tbody tr"),
        [
            "Sprache und Bildung 0 1 0 0 1",
            "Arbeit und Wirtschaft 0 0 0 1 1"
        ]
    );
    let doc = html(&p.path().join("public/kommunen/westdorf/index.html"));
    assert_eq!(
        texts(&doc, "#umsetzung + p"),
        ["Für diese Kommune sind noch keine Maßnahmen erfasst."]
    );
}

#[test]
fn chapter_listing_and_links_lead_to_the_indicator_pages() {
    let p = Project::fixture(BASIC);
    build(&p).ok();
    let doc = html(&p.path().join("public/kapitel/sprache/index.html"));
    let sel = scraper::Selector::parse(".prose a[href]").unwrap();
    let hrefs: Vec<&str> = doc
        .select(&sel)
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert!(
        hrefs.contains(&"../../monitoring/kursplaetze/"),
        "{hrefs:?}"
    );
    assert_eq!(
        texts(&doc, ".indikator .card-title"),
        ["Plätze in Integrationskursen"]
    );
    // The main navigation has the section.
    let nav = texts(&doc, ".main-nav a");
    assert!(nav.contains(&"Monitoring".to_string()), "{nav:?}");
}

#[test]
fn charts_are_the_same_bytes_on_every_build() {
    let p = Project::fixture(BASIC);
    build(&p).ok();
    let first = p.read("public/monitoring/kursplaetze/index.html");
    let overview = p.read("public/monitoring/index.html");
    build(&p).ok();
    assert_eq!(first, p.read("public/monitoring/kursplaetze/index.html"));
    assert_eq!(overview, p.read("public/monitoring/index.html"));
}

// ---------------------------------------------------------------------------
// The PDFs (the real typst; a missing typst fails the build with the
// install command).

fn pdf_text(pdf: &std::path::Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext runs (install poppler-utils with ./scripts/install-deps)");
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        pdf.display()
    );
    String::from_utf8_lossy(&out.stdout)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn pdfs_show_the_monitoring_with_the_sites_charts() {
    let p = Project::fixture(BASIC);
    let r = p.run(&["build"]);
    assert_eq!(r.code, 0, "build with PDFs:\n{}", r.stderr);
    // The long version: a monitoring section with every indicator's title,
    // trend, chart and table, the implementation status; the field
    // chapter's listing points to the entry's page.
    let lang = pdf_text(&p.path().join("public/downloads/langfassung.pdf"));
    for phrase in [
        "Integrationsmonitoring",
        "Plätze in Integrationskursen",
        "Ehrenamtliche Projekte",
        "Von 2019 bis 2024 stieg der Wert im Kreis von 3,1 auf 4,6 Plätze je 1.000 Einwohner*innen.",
        "Plätze in Integrationskursen: Werte je Jahr (Plätze je 1.000 Einwohner*innen)",
        "Westdorf 2,5 2,5 3,4 1,2",
        "Stand der Umsetzung",
        "Stand der Maßnahmen im Zeitverlauf",
        "Plätze in Integrationskursen (siehe S.",
    ] {
        assert!(
            lang.contains(&squeeze(phrase)),
            "`{phrase}` is missing from the long version:\n{lang}"
        );
    }
    // The short version: the dashboard of the key figures only.
    let kurz = pdf_text(&p.path().join("public/downloads/kurzfassung.pdf"));
    for phrase in [
        "Kennzahlen im Überblick",
        "Plätze in Integrationskursen",
        "4,6 Plätze je 1.000 Einwohner*innen (Kreis, 2024)",
        "Entwicklung: Fortschritt",
    ] {
        assert!(
            kurz.contains(&squeeze(phrase)),
            "`{phrase}` is missing from the short version:\n{kurz}"
        );
    }
    assert!(!kurz.contains("EhrenamtlicheProjekte"), "not a key figure");

    // The PDF embeds the very SVG the site shows, with the chart's title
    // and description as alt text.
    let mut diags = konzept::diag::Diagnostics::default();
    let project = konzept::project::Project::load(p.path(), &mut diags).expect("the fixture loads");
    let theme = konzept::theme::Theme::new(&project.root, &project.config.theme);
    let strings = konzept::strings::load(&project.config, &theme).unwrap();
    let doc = konzept::print::doc::build(&project, &strings, konzept::print::doc::DocKind::Lang);
    let page = p.read("public/monitoring/kursplaetze/index.html");
    let site_svg = &svgs(&page)[0];
    let (_, pdf_svg) = doc
        .files
        .iter()
        .find(|(name, _)| name == "diagramme/chart-kursplaetze.svg")
        .expect("the chart is staged for typst");
    assert_eq!(std::str::from_utf8(pdf_svg).unwrap(), site_svg);
    let json = doc.json.to_string();
    assert!(
        json.contains(
            r#""alt":"Plätze in Integrationskursen: Von 2019 bis 2024 stieg der Wert im Kreis"#
        ),
        "alt text of the chart"
    );
}
