//! The monitoring part of the view model: one view per indicator (chart,
//! table, trend), the implementation status overall and over time, and per
//! municipality its status chart and its newest values beside the district's.

use super::urls;
use crate::data::monitoring::KREIS;
use crate::monitoring::{self as mon, Chart, Row, StatusChart};
use crate::project::Project;
use crate::strings::Strings;
use crate::views::Link;
use serde::Serialize;

/// An indicator as its page and the listings show it.
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
    /// HTML.
    pub beschreibung: String,
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
    pub chart: Chart,
    pub vergleiche: Vec<Chart>,
    /// The district's value is the municipalities' sum.
    pub summe: bool,
    pub tabelle: String,
}

/// The fields of action with their indicators, for the overview.
#[derive(Serialize)]
pub struct Gruppe {
    pub handlungsfeld: Link,
    pub indikatoren_idx: Vec<usize>,
}

/// A municipality's newest value of one indicator beside the district's.
#[derive(Serialize)]
pub struct KennzahlZeile {
    pub indikator: Link,
    pub einheit: String,
    /// Formatted value and year; `None` when the file has none.
    pub wert: Option<(String, i32)>,
    pub kreis: Option<(String, i32)>,
}

/// What a municipality's page shows of the monitoring.
#[derive(Serialize)]
pub struct KommuneMonitoring {
    pub umsetzung: Option<StatusChart>,
    pub kennzahlen: Vec<KennzahlZeile>,
}

/// The monitoring section.
#[derive(Serialize)]
pub struct MonitoringView {
    pub umsetzung: Option<StatusChart>,
    pub verlauf: Option<StatusChart>,
    pub gruppen: Vec<Gruppe>,
    /// In the order of the model's `kommunen`.
    pub kommunen: Vec<KommuneMonitoring>,
}

/// Builds the indicator views and the monitoring section; `md` renders a
/// record's Markdown.
pub fn build(
    p: &Project,
    t: &Strings,
    md: &dyn Fn(&str) -> String,
) -> (Vec<IndikatorView>, MonitoringView) {
    use rayon::prelude::*;
    let d = &p.data;
    let prepared: Vec<mon::Indicator> = d
        .indikatoren
        .par_iter()
        .map(|i| mon::indicator(d, i, t, true))
        .collect();
    let hf_link = |id: &str| Link {
        id: id.into(),
        titel: d
            .handlungsfeld(id)
            .map(|h| h.titel.clone())
            .unwrap_or_default(),
        url: urls::handlungsfeld(id),
    };
    let newest = |x: &mon::Indicator, key: &str| {
        x.rows
            .iter()
            .find(|r| r.key == key)
            .and_then(|r| r.latest(&x.years))
            .map(|(y, v)| (mon::format::number(v, x.decimals), y))
    };
    let indikatoren: Vec<IndikatorView> = d
        .indikatoren
        .iter()
        .zip(&prepared)
        .map(|(i, x)| {
            let richtung = match i.richtung {
                crate::data::Richtung::Steigend => "steigend",
                crate::data::Richtung::Fallend => "fallend",
            };
            IndikatorView {
                id: i.id.value.clone(),
                titel: i.titel.clone(),
                einheit: i.einheit.clone(),
                url: urls::indikator(&i.id),
                handlungsfeld: hf_link(&i.handlungsfeld),
                richtung: richtung.into(),
                richtung_text: t.get(&format!("monitoring.richtung.{richtung}")),
                quelle: i.quelle.clone(),
                beschreibung: md(&i.beschreibung),
                kennzahl: i.kennzahl,
                jahre: x.years.clone(),
                zeilen: x.rows.clone(),
                stand: x.latest,
                aktuell: newest(x, KREIS),
                trend: x.trend.text.clone(),
                bewertung: Link {
                    id: x.trend.verdict.key().into(),
                    titel: t.get(&format!("monitoring.verdict.{}", x.trend.verdict.key())),
                    url: String::new(),
                },
                tabelle: mon::trend::fill(
                    &t.get("monitoring.table_caption"),
                    &[("title", &i.titel), ("unit", &i.einheit)],
                ),
                chart: x.chart.clone(),
                vergleiche: x.comparisons.clone(),
                summe: x.additive,
            }
        })
        .collect();
    let gruppen = d
        .handlungsfelder
        .iter()
        .map(|h| Gruppe {
            handlungsfeld: hf_link(&h.id),
            indikatoren_idx: d
                .indikatoren
                .iter()
                .enumerate()
                .filter(|(_, i)| i.handlungsfeld.value == h.id.value)
                .map(|(k, _)| k)
                .collect(),
        })
        .filter(|g| !g.indikatoren_idx.is_empty())
        .collect();
    let kommunen = d
        .kommunen
        .iter()
        .map(|k| {
            let name = [("name", k.name.as_str())];
            KommuneMonitoring {
                umsetzung: mon::status_by_field(
                    d,
                    t,
                    &format!("chart-umsetzung-{}", k.slug),
                    &mon::trend::fill(&t.get("monitoring.status.kommune_title"), &name),
                    |m| m.kommunen.iter().any(|x| x.value == k.slug),
                    true,
                ),
                kennzahlen: d
                    .indikatoren
                    .iter()
                    .zip(&prepared)
                    .map(|(i, x)| KennzahlZeile {
                        indikator: Link {
                            id: i.id.value.clone(),
                            titel: i.titel.clone(),
                            url: urls::indikator(&i.id),
                        },
                        einheit: i.einheit.clone(),
                        wert: newest(x, &k.slug),
                        kreis: newest(x, KREIS),
                    })
                    .collect(),
            }
        })
        .collect();
    let view = MonitoringView {
        umsetzung: mon::status_by_field(
            d,
            t,
            "chart-umsetzung",
            &t.get("monitoring.status.chart_title"),
            |_| true,
            false,
        ),
        verlauf: mon::status_over_time(d, t, "chart-verlauf"),
        gruppen,
        kommunen,
    };
    (indikatoren, view)
}
