//! The monitoring part of the site's view model: each indicator's view
//! (from [`crate::views::indikator`]) with its description as HTML and its
//! charts, the implementation status overall and over time, and per
//! municipality its status chart and its newest values beside the district's.

use super::urls;
use crate::data::monitoring::KREIS;
use crate::monitoring::{self as mon, Chart, StatusChart};
use crate::project::Project;
use crate::strings::Strings;
use crate::views::indikator::newest;
use crate::views::{self, IndikatorView, Link, With};
use serde::Serialize;

/// What the site adds to an indicator's view: its description as HTML
/// and its charts.
#[derive(Serialize)]
pub struct Charts {
    /// HTML.
    pub beschreibung: String,
    pub chart: Chart,
    pub vergleiche: Vec<Chart>,
}

/// An indicator as its page and the listings show it.
pub type IndikatorPage = With<IndikatorView, Charts>;

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
) -> (Vec<IndikatorPage>, MonitoringView) {
    use rayon::prelude::*;
    let d = &p.data;
    let prepared: Vec<mon::Indicator> = d
        .indikatoren
        .par_iter()
        .map(|i| mon::indicator(d, i, t, true))
        .collect();
    let indikatoren: Vec<IndikatorPage> = d
        .indikatoren
        .iter()
        .zip(&prepared)
        .map(|(i, x)| With {
            view: views::indikator::view(p, i, x, t),
            extra: Charts {
                beschreibung: md(&i.beschreibung),
                chart: x.chart.clone(),
                vergleiche: x.comparisons.clone(),
            },
        })
        .collect();
    let gruppen = d
        .handlungsfelder
        .iter()
        .map(|h| Gruppe {
            handlungsfeld: views::records::handlungsfeld_link(p, &h.id),
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
        umsetzung: mon::status_overall(d, t),
        verlauf: mon::status_over_time(d, t, "chart-verlauf"),
        gruppen,
        kommunen,
    };
    (indikatoren, view)
}
