//! Open data: every record as JSON and CSV under `data/` in the site, and
//! `sitemap.xml`.
//!
//! CSV cells that a spreadsheet would read as a formula (starting with `=`,
//! `+`, `-`, `@`, a tab or a carriage return) get a leading `'`, the OWASP
//! rule against formula injection; the JSON files keep every value exact.

use super::model::Model;
use crate::project::Project;
use anyhow::Result;
use std::borrow::Cow;
use std::path::Path;

/// The data sets under `data/` and the formats each is written in; the
/// open-data page lists them.
pub const FILES: &[(&str, &[&str])] = &[
    ("handlungsfelder", &["json"]),
    ("zielgruppen", &["json"]),
    ("kommunen", &["json", "csv"]),
    ("empfehlungen", &["json", "csv"]),
    ("massnahmen", &["json", "csv"]),
    ("angebote", &["csv"]),
    ("indikatoren", &["json"]),
];

/// A CSV row with every cell made safe for spreadsheets ([`cell`]).
fn cells<const N: usize>(row: [&str; N]) -> [String; N] {
    row.map(|v| cell(v).into_owned())
}

/// `=HYPERLINK(…)` → `'=HYPERLINK(…)`: a cell a spreadsheet would evaluate
/// starts with an apostrophe, which spreadsheets show as text.
pub fn cell(value: &str) -> Cow<'_, str> {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{value}"))
    } else {
        Cow::Borrowed(value)
    }
}

/// Writes the exports and the sitemap of the pages at `paths` (site paths
/// like `kapitel/a/`); returns the number of files.
pub fn write(p: &Project, model: &Model, paths: &[String], out: &Path) -> Result<usize> {
    let d = &p.data;
    let written = std::cell::Cell::new(0);
    let w = |name: &str, bytes: Vec<u8>| {
        written.set(written.get() + 1);
        crate::output::write(out, &format!("data/{name}"), &bytes)
    };
    w(
        "handlungsfelder.json",
        serde_json::to_vec_pretty(&d.handlungsfelder)?,
    )?;
    w(
        "zielgruppen.json",
        serde_json::to_vec_pretty(&d.zielgruppen)?,
    )?;
    w("kommunen.json", serde_json::to_vec_pretty(&d.kommunen)?)?;
    w(
        "empfehlungen.json",
        serde_json::to_vec_pretty(&d.empfehlungen)?,
    )?;
    w("massnahmen.json", serde_json::to_vec_pretty(&d.massnahmen)?)?;
    w(
        "indikatoren.json",
        serde_json::to_vec_pretty(&d.indikatoren)?,
    )?;

    let mut csv = csv::Writer::from_writer(Vec::new());
    csv.write_record(cells([
        "id",
        "handlungsfeld",
        "titel",
        "zielgruppen",
        "ebene",
        "mehrkosten",
        "kurzfassung",
        "massnahmen",
    ]))?;
    for e in &model.empfehlungen {
        csv.write_record(cells([
            e.id.as_str(),
            e.handlungsfeld.id.as_str(),
            e.titel.as_str(),
            &e.zielgruppen
                .iter()
                .map(|z| z.id.as_str())
                .collect::<Vec<_>>()
                .join(";"),
            e.ebene.id.as_str(),
            if e.mehrkosten { "ja" } else { "nein" },
            if e.kurzfassung { "ja" } else { "nein" },
            &e.massnahmen.join(";"),
        ]))?;
    }
    w("empfehlungen.csv", csv.into_inner()?)?;

    let mut csv = csv::Writer::from_writer(Vec::new());
    csv.write_record(cells([
        "id",
        "titel",
        "empfehlung",
        "handlungsfeld",
        "kommunen",
        "zustaendig",
        "von",
        "bis",
        "status",
    ]))?;
    for m in &d.massnahmen {
        csv.write_record(cells([
            m.id.value.as_str(),
            m.titel.as_str(),
            m.empfehlung.value.as_str(),
            d.handlungsfeld_of(m).unwrap_or(""),
            &m.kommunen
                .iter()
                .map(|k| k.value.as_str())
                .collect::<Vec<_>>()
                .join(";"),
            m.zustaendig.as_str(),
            m.zeitraum.von.value.as_str(),
            m.zeitraum.bis.as_ref().map_or("", |b| b.value.as_str()),
            m.status.key(),
        ]))?;
    }
    w("massnahmen.csv", csv.into_inner()?)?;

    let mut csv = csv::Writer::from_writer(Vec::new());
    csv.write_record(cells([
        "slug",
        "name",
        "art",
        "einwohner",
        "stand",
        "quelle",
        "massnahmen",
        "angebote",
    ]))?;
    for k in &model.kommunen {
        csv.write_record(cells([
            k.slug.as_str(),
            k.name.as_str(),
            k.art.as_str(),
            &k.einwohner_zahl.to_string(),
            d.kommune(&k.slug)
                .map_or("", |x| x.einwohner.stand.value.as_str()),
            k.quelle.as_str(),
            &k.n_massnahmen.to_string(),
            &k.n_angebote.to_string(),
        ]))?;
    }
    w("kommunen.csv", csv.into_inner()?)?;

    let mut csv = csv::Writer::from_writer(Vec::new());
    csv.write_record(cells([
        "kommune",
        "titel",
        "traeger",
        "zielgruppen",
        "sprachen",
        "kontakt",
        "url",
    ]))?;
    for a in &model.angebote {
        csv.write_record(cells([
            a.kommune.id.as_str(),
            a.titel.as_str(),
            a.traeger.as_str(),
            &a.zielgruppen
                .iter()
                .map(|z| z.id.as_str())
                .collect::<Vec<_>>()
                .join(";"),
            &a.sprachen
                .iter()
                .map(|s| s.id.as_str())
                .collect::<Vec<_>>()
                .join(";"),
            a.kontakt.as_deref().unwrap_or(""),
            a.url.as_deref().unwrap_or(""),
        ]))?;
    }
    w("angebote.csv", csv.into_inner()?)?;

    let mut sitemap = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for path in paths {
        if path.ends_with('/') || path.is_empty() {
            sitemap.push_str(&format!(
                "  <url><loc>{}{}</loc></url>\n",
                super::html::escape(&p.config.base_url),
                super::html::escape(path)
            ));
        }
    }
    sitemap.push_str("</urlset>\n");
    crate::output::write(out, "sitemap.xml", sitemap.as_bytes())?;
    Ok(written.get() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_defused_and_others_kept() {
        for (raw, safe) in [
            (
                "=HYPERLINK(\"https://evil.example\";\"x\")",
                "'=HYPERLINK(\"https://evil.example\";\"x\")",
            ),
            ("+1", "'+1"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
        ] {
            assert_eq!(cell(raw), safe);
        }
        for plain in ["Sprachcafé", "M-001", "2025-03", "", "a=b", "'schon"] {
            assert_eq!(cell(plain), plain);
        }
    }
}
