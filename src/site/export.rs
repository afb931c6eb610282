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
    ("akteure", &["json", "csv"]),
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
        "verantwortlich",
        "partner",
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
            &crate::views::akteure::verantwortlich(d, m).plain(),
            &ids(&m.verantwortlich),
            &ids(&m.partner),
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
        "anbieter",
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
            &a.anbieter
                .iter()
                .map(|x| x.id.as_str())
                .collect::<Vec<_>>()
                .join(";"),
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
    akteure(p, model, &w)?;

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

/// Ids joined with `;`, as every list in the CSV files.
fn ids(list: &[crate::data::yaml::Sp<String>]) -> String {
    list.iter()
        .map(|x| x.value.as_str())
        .collect::<Vec<_>>()
        .join(";")
}

/// An actor with its relations, as the JSON export has it.
#[derive(serde::Serialize)]
struct AkteurExport<'a> {
    #[serde(flatten)]
    akteur: &'a crate::data::Akteur,
    /// The offers it provides: municipality and title.
    angebote: Vec<AngebotRef<'a>>,
    /// The ids of the measures it is responsible for.
    verantwortlich_fuer: Vec<&'a str>,
    /// The ids of the measures it is a partner in.
    partner_bei: Vec<&'a str>,
}

#[derive(serde::Serialize)]
struct AngebotRef<'a> {
    kommune: &'a str,
    titel: &'a str,
}

/// `akteure.json` and `akteure.csv`: the actors with their offers and measures.
fn akteure(p: &Project, model: &Model, w: &dyn Fn(&str, Vec<u8>) -> Result<()>) -> Result<()> {
    let d = &p.data;
    let ms = |idx: &[usize]| -> Vec<&str> {
        idx.iter()
            .map(|i| d.massnahmen[*i].id.value.as_str())
            .collect()
    };
    let list: Vec<AkteurExport> = d
        .akteure
        .iter()
        .zip(&model.akteure)
        .map(|(a, v)| AkteurExport {
            akteur: a,
            angebote: v
                .angebote_idx
                .iter()
                .map(|i| {
                    let o = &model.angebote[*i];
                    AngebotRef {
                        kommune: &o.kommune.id,
                        titel: &o.titel,
                    }
                })
                .collect(),
            verantwortlich_fuer: ms(&v.verantwortlich_idx),
            partner_bei: ms(&v.partner_idx),
        })
        .collect();
    w("akteure.json", serde_json::to_vec_pretty(&list)?)?;
    let mut csv = csv::Writer::from_writer(Vec::new());
    csv.write_record(cells([
        "id",
        "name",
        "art",
        "kommunen",
        "handlungsfelder",
        "zielgruppen",
        "sprachen",
        "kontakt",
        "email",
        "telefon",
        "url",
        "angebote",
        "verantwortlich_fuer",
        "partner_bei",
    ]))?;
    for e in &list {
        let a = e.akteur;
        csv.write_record(cells([
            a.id.value.as_str(),
            a.name.value.as_str(),
            a.art.value.as_str(),
            &ids(&a.kommunen),
            &ids(&a.handlungsfelder),
            &ids(&a.zielgruppen),
            &ids(&a.sprachen),
            a.kontakt.rolle.as_str(),
            a.kontakt.email.as_deref().unwrap_or(""),
            a.kontakt.telefon.as_deref().unwrap_or(""),
            a.url.as_ref().map_or("", |u| u.value.as_str()),
            &e.angebote
                .iter()
                .map(|o| format!("{}: {}", o.kommune, o.titel))
                .collect::<Vec<_>>()
                .join(";"),
            &e.verantwortlich_fuer.join(";"),
            &e.partner_bei.join(";"),
        ]))?;
    }
    w("akteure.csv", csv.into_inner()?)?;
    Ok(())
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
