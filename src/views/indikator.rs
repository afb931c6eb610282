//! The typed view of an indicator: its record, its table, its newest value,
//! its trend and verdict, formatted once from the prepared indicator (see
//! [`crate::monitoring::indicator`]). The charts stay with each output, which
//! draws the ones it shows.

use super::{Link, records, urls};
use crate::data::monitoring::KREIS;
use crate::data::{Indikator, Richtung};
use crate::monitoring::{self as mon, Row};
use crate::project::Project;
use crate::strings::Strings;
use serde::Serialize;

/// An indicator as its page, the listings and the PDFs show it.
#[derive(Serialize)]
pub struct IndikatorView {
    pub id: String,
    pub titel: String,
    pub einheit: String,
    pub url: String,
    pub handlungsfeld: Link,
    /// `steigend` or `fallend`.
    pub richtung: String,
    /// „Ein steigender Wert ist ein Fortschritt.“
    pub richtung_text: String,
    pub quelle: String,
    pub kennzahl: bool,
    /// The table's columns.
    pub jahre: Vec<i32>,
    /// The district first, then the municipalities; cells formatted.
    pub zeilen: Vec<Row>,
    /// The newest year with a value.
    pub stand: Option<i32>,
    /// The district's newest value, formatted, and its year.
    pub aktuell: Option<(String, i32)>,
    /// The district's trend in words.
    pub trend: String,
    /// `id`: progress | setback | steady | open; `titel`: the word for it.
    pub bewertung: Link,
    /// The district's value is the municipalities' sum.
    pub summe: bool,
    /// The table's caption.
    pub tabelle: String,
}

/// The newest value of row `key` (`kreis` or a municipality's slug),
/// formatted with the indicator's decimals, and its year.
pub fn newest(x: &mon::Indicator, key: &str) -> Option<(String, i32)> {
    x.rows
        .iter()
        .find(|r| r.key == key)
        .and_then(|r| r.latest(&x.years))
        .map(|(y, v)| (mon::format::number(v, x.decimals), y))
}

/// Shapes indicator `i` from its prepared form `x`.
pub fn view(p: &Project, i: &Indikator, x: &mon::Indicator, t: &Strings) -> IndikatorView {
    let richtung = match i.richtung {
        Richtung::Steigend => "steigend",
        Richtung::Fallend => "fallend",
    };
    let verdict = x.trend.verdict.key();
    IndikatorView {
        id: i.id.value.clone(),
        titel: i.titel.clone(),
        einheit: i.einheit.clone(),
        url: urls::indikator(&i.id),
        handlungsfeld: records::handlungsfeld_link(p, &i.handlungsfeld),
        richtung: richtung.into(),
        richtung_text: t.get(&format!("monitoring.richtung.{richtung}")),
        quelle: i.quelle.clone(),
        kennzahl: i.kennzahl,
        jahre: x.years.clone(),
        zeilen: x.rows.clone(),
        stand: x.latest,
        aktuell: newest(x, KREIS),
        trend: x.trend.text.clone(),
        bewertung: Link {
            id: verdict.into(),
            titel: t.get(&format!("monitoring.verdict.{verdict}")),
            url: String::new(),
        },
        summe: x.additive,
        tabelle: mon::trend::fill(
            &t.get("monitoring.table_caption"),
            &[("title", &i.titel), ("unit", &i.einheit)],
        ),
    }
}
