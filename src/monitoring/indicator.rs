//! An indicator prepared for output: its table of values (years × areas),
//! the trend in words, the main chart (the district and the chosen
//! municipalities) and one small chart per municipality.

use super::chart::{self, Series};
use super::trend::{self, Trend, fill};
use super::{Chart, format};
use crate::data::monitoring::KREIS;
use crate::data::{Data, Indikator};
use crate::strings::Strings;
use serde::Serialize;

/// One row of an indicator's table: an area and its value per year.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    /// `kreis` or a municipality's slug.
    pub key: String,
    pub name: String,
    /// One per year of the table; `None` where the file has no value.
    pub values: Vec<Option<f64>>,
    /// The same, formatted (German decimal comma); empty where missing.
    pub cells: Vec<String>,
}

impl Row {
    /// The newest value and its year.
    pub fn latest(&self, years: &[i32]) -> Option<(i32, f64)> {
        years
            .iter()
            .zip(&self.values)
            .rev()
            .find_map(|(y, v)| v.map(|v| (*y, v)))
    }

    fn points(&self, years: &[i32]) -> Vec<(i32, f64)> {
        years
            .iter()
            .zip(&self.values)
            .filter_map(|(y, v)| v.map(|v| (*y, v)))
            .collect()
    }
}

/// An indicator ready for output.
#[derive(Debug, Clone, Serialize)]
pub struct Indicator {
    pub id: String,
    pub decimals: usize,
    /// Every year with a value, ascending: the table's columns.
    pub years: Vec<i32>,
    /// The district first (when it has values), then the municipalities
    /// with values, in the order of `data.kommunen`.
    pub rows: Vec<Row>,
    /// The newest year with a value.
    pub latest: Option<i32>,
    /// How the district's value developed.
    pub trend: Trend,
    /// The district's value is the sum of the municipalities' (a count,
    /// not a rate): the small charts then leave the district out.
    pub additive: bool,
    /// The district and the chosen municipalities.
    pub chart: Chart,
    /// One small chart per municipality beside the district (when asked).
    pub comparisons: Vec<Chart>,
}

/// Prepares indicator `i`: table, trend, the main chart and, when
/// `comparisons`, a small chart per municipality.
pub fn indicator(data: &Data, i: &Indikator, t: &Strings, comparisons: bool) -> Indicator {
    let werte = data
        .werte
        .get(i.id.value.as_str())
        .map_or(&[][..], Vec::as_slice);
    let mut years: Vec<i32> = werte.iter().map(|w| w.jahr).collect();
    years.sort_unstable();
    years.dedup();
    let decimals = format::decimals_of(werte.iter().map(|w| w.wert));
    let by_area_year: std::collections::HashMap<(&str, i32), f64> = werte
        .iter()
        .map(|w| ((w.gebiet.as_str(), w.jahr), w.wert))
        .collect();
    let district = t.get("monitoring.district");
    let areas = std::iter::once((KREIS, district.as_str())).chain(
        data.kommunen
            .iter()
            .map(|k| (k.slug.as_str(), k.name.as_str())),
    );
    let rows: Vec<Row> = areas
        .filter_map(|(key, name)| {
            let values: Vec<Option<f64>> = years
                .iter()
                .map(|y| by_area_year.get(&(key, *y)).copied())
                .collect();
            values.iter().any(Option::is_some).then(|| Row {
                key: key.to_string(),
                name: name.to_string(),
                cells: values
                    .iter()
                    .map(|v| v.map(|v| format::number(v, decimals)).unwrap_or_default())
                    .collect(),
                values,
            })
        })
        .collect();
    let latest = years.last().copied();
    let kreis = rows.iter().find(|r| r.key == KREIS);
    let munis: Vec<&Row> = rows.iter().filter(|r| r.key != KREIS).collect();
    let unit = i.einheit.as_str();
    let place_kreis = t.get("monitoring.in_district");
    let trend = match kreis {
        Some(r) => trend::describe(
            &r.points(&years),
            &place_kreis,
            unit,
            decimals,
            i.richtung,
            t,
        ),
        None => Trend {
            text: t.get(if rows.is_empty() {
                "monitoring.trend.none"
            } else {
                "monitoring.trend.no_district"
            }),
            verdict: trend::Verdict::Open,
        },
    };

    // The municipalities beside the district: the editors' choice, or the
    // highest and the lowest value of the newest year.
    let last_values: Vec<(&Row, f64)> = munis
        .iter()
        .filter_map(|r| {
            latest
                .and_then(|y| r.latest(&years).filter(|l| l.0 == y))
                .map(|l| (*r, l.1))
        })
        .collect();
    let chosen: Vec<&Row> = if i.vergleich.is_empty() {
        let hi = last_values
            .iter()
            .fold(None, |m: Option<&(&Row, f64)>, x| match m {
                Some(m) if m.1 >= x.1 => Some(m),
                _ => Some(x),
            });
        let lo = last_values
            .iter()
            .fold(None, |m: Option<&(&Row, f64)>, x| match m {
                Some(m) if m.1 <= x.1 => Some(m),
                _ => Some(x),
            });
        let mut v: Vec<&Row> = hi.into_iter().chain(lo).map(|x| x.0).collect();
        v.dedup_by(|a, b| a.key == b.key);
        v
    } else {
        i.vergleich
            .iter()
            .filter_map(|k| munis.iter().find(|r| r.key == k.value).copied())
            .collect()
    };
    let mut desc = trend.text.clone();
    if !chosen.is_empty() {
        let names: Vec<&str> = chosen.iter().map(|r| r.name.as_str()).collect();
        let sentence = if i.vergleich.is_empty() {
            fill(
                &t.get("monitoring.compare_auto"),
                &[
                    ("names", &trend::join(&names, t)),
                    ("year", &latest.map(|y| y.to_string()).unwrap_or_default()),
                ],
            )
        } else {
            fill(
                &t.get("monitoring.compare_chosen"),
                &[("names", &trend::join(&names, t))],
            )
        };
        desc.push(' ');
        desc.push_str(&sentence);
    }
    if let Some(y) = latest {
        let named: Vec<(&str, f64)> = last_values
            .iter()
            .map(|(r, v)| (r.name.as_str(), *v))
            .collect();
        if let Some(s) = trend::spread(y, &named, decimals, t) {
            desc.push(' ');
            desc.push_str(&s);
        }
    }
    if !rows.is_empty() {
        desc.push(' ');
        desc.push_str(&t.get("monitoring.table_hint"));
    }
    let span = (years.first().copied().unwrap_or(0), latest.unwrap_or(0));
    let series = |rows: &[&Row]| -> Vec<Series> {
        rows.iter()
            .map(|r| Series {
                key: r.key.clone(),
                label: r.name.clone(),
                points: r.points(&years),
            })
            .collect()
    };
    let main_rows: Vec<&Row> = kreis.into_iter().chain(chosen.iter().copied()).collect();
    let id = format!("chart-{}", i.id.value);
    let svg = chart::line(&chart::LineChart {
        id: &id,
        title: &i.titel,
        desc: &desc,
        unit,
        years: span,
        series: &series(&main_rows),
        decimals,
        small: false,
    });
    let chart = Chart {
        id,
        title: i.titel.clone(),
        caption: String::new(),
        desc,
        svg,
    };
    let additive = is_sum(kreis, &munis, years.len(), decimals);
    let comparisons = if comparisons {
        munis
            .iter()
            .map(|r| comparison(i, r, kreis, additive, &years, span, decimals, t, &series))
            .collect()
    } else {
        Vec::new()
    };
    Indicator {
        id: i.id.value.clone(),
        decimals,
        years,
        latest,
        trend,
        additive,
        chart,
        comparisons,
        rows,
    }
}

/// Whether the district's value is the sum of the municipalities' in every
/// year in which all of them have one (and there is such a year).
fn is_sum(kreis: Option<&Row>, munis: &[&Row], n_years: usize, decimals: usize) -> bool {
    let Some(k) = kreis else { return false };
    if munis.len() < 2 {
        return false;
    }
    // Each summand may be rounded by half a unit of its last decimal.
    let tolerance = 0.5 * 10f64.powi(-(decimals as i32)) * (munis.len() + 1) as f64;
    let mut compared = 0;
    for y in 0..n_years {
        let parts: Option<Vec<f64>> = munis.iter().map(|r| r.values[y]).collect();
        if let (Some(total), Some(parts)) = (k.values[y], parts) {
            if (total - parts.iter().sum::<f64>()).abs() > tolerance {
                return false;
            }
            compared += 1;
        }
    }
    compared > 0
}

/// A small chart of one municipality beside the district.
#[allow(clippy::too_many_arguments)]
fn comparison(
    i: &Indikator,
    r: &Row,
    kreis: Option<&Row>,
    additive: bool,
    years: &[i32],
    span: (i32, i32),
    decimals: usize,
    t: &Strings,
    series: &dyn Fn(&[&Row]) -> Vec<Series>,
) -> Chart {
    let place = fill(&t.get("monitoring.in_place"), &[("name", &r.name)]);
    let mut desc = trend::describe(
        &r.points(years),
        &place,
        &i.einheit,
        decimals,
        i.richtung,
        t,
    )
    .text;
    if let (Some((y, v)), Some(k)) = (r.latest(years), kreis)
        && let Some((ky, kv)) = k.latest(years)
        && ky == y
    {
        let (key, value) = if additive {
            ("monitoring.trend.sum_note", String::new())
        } else {
            ("monitoring.trend.versus", format::number(v, decimals))
        };
        desc.push(' ');
        desc.push_str(&fill(
            &t.get(key),
            &[
                ("year", &y.to_string()),
                ("place", &place),
                ("value", &value),
                ("district", &format::number(kv, decimals)),
            ],
        ));
    }
    let id = format!("chart-{}-{}", i.id.value, r.key);
    let title = fill(
        &t.get(if additive {
            "monitoring.comparison_title_sum"
        } else {
            "monitoring.comparison_title"
        }),
        &[("title", &i.titel), ("name", &r.name)],
    );
    let rows: Vec<&Row> = std::iter::once(r)
        .chain(kreis.filter(|_| !additive))
        .collect();
    let svg = chart::line(&chart::LineChart {
        id: &id,
        title: &title,
        desc: &desc,
        unit: &i.einheit,
        years: span,
        series: &series(&rows),
        decimals,
        small: true,
    });
    Chart {
        id,
        title,
        caption: r.name.clone(),
        desc,
        svg,
    }
}
