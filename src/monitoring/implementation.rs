//! The implementation status as charts with their tables: measures per
//! field of action and status, and per status at each year's end.

use super::trend::{self, fill};
use super::{Chart, bars, status};
use crate::data::{Data, Massnahme, Status};
use crate::strings::Strings;
use serde::Serialize;

/// One row of a status table.
#[derive(Debug, Clone, Serialize)]
pub struct StatusRow {
    /// The field of action's id, or the snapshot's date.
    pub key: String,
    pub label: String,
    pub counts: [usize; 4],
    pub total: usize,
}

/// The bars of a chart, one per row.
fn to_bars(rows: &[StatusRow]) -> Vec<bars::Bar> {
    rows.iter()
        .map(|r| bars::Bar {
            label: r.label.clone(),
            counts: r.counts,
        })
        .collect()
}

/// A status chart with the table behind it.
#[derive(Debug, Clone, Serialize)]
pub struct StatusChart {
    pub chart: Chart,
    pub rows: Vec<StatusRow>,
    /// Per status over all rows.
    pub totals: [usize; 4],
    pub total: usize,
}

fn status_names(t: &Strings) -> [String; 4] {
    Status::ALL.map(|s| t.get(&format!("status.{}", s.slug())))
}

/// „20 geplant, 30 laufend und 6 zurückgestellt“: the non-zero counts.
fn parts(counts: &[usize; 4], t: &Strings) -> String {
    let names = status_names(t);
    let items: Vec<String> = counts
        .iter()
        .zip(&names)
        .filter(|(n, _)| **n > 0)
        .map(|(n, s)| format!("{n} {s}"))
        .collect();
    let refs: Vec<&str> = items.iter().map(String::as_str).collect();
    trend::join(&refs, t)
}

/// Measures per field of action and status (those `keep` accepts), as a
/// horizontal stacked bar chart; `None` when there are none.
pub fn status_by_field(
    data: &Data,
    t: &Strings,
    id: &str,
    title: &str,
    keep: impl Fn(&Massnahme) -> bool,
    skip_empty: bool,
) -> Option<StatusChart> {
    let by_field = status::by_field(data, keep, skip_empty);
    let rows: Vec<StatusRow> = by_field
        .iter()
        .map(|(hf, counts)| StatusRow {
            key: hf.to_string(),
            label: data
                .handlungsfeld(hf)
                .map(|h| h.titel.clone())
                .unwrap_or_default(),
            counts: *counts,
            total: counts.iter().sum(),
        })
        .collect();
    let mut totals = [0; 4];
    for r in &rows {
        for (t, n) in totals.iter_mut().zip(r.counts) {
            *t += n;
        }
    }
    let total: usize = totals.iter().sum();
    if total == 0 {
        return None;
    }
    let desc = format!(
        "{} {}",
        fill(
            &t.get(if total == 1 {
                "monitoring.status.summary_one"
            } else {
                "monitoring.status.summary"
            }),
            &[("total", &total.to_string()), ("parts", &parts(&totals, t))]
        ),
        t.get("monitoring.status.table_hint")
    );
    let bars = to_bars(&rows);
    let svg = bars::horizontal(&bars::BarChart {
        id,
        title,
        desc: &desc,
        bars: &bars,
        statuses: &status_names(t),
        total: &t.get("monitoring.status.total"),
    });
    Some(StatusChart {
        chart: Chart {
            id: id.to_string(),
            title: title.to_string(),
            caption: String::new(),
            desc,
            svg,
        },
        rows,
        totals,
        total,
    })
}

/// The status of all measures by field of action, as the site's
/// monitoring page and the long version's monitoring section show it.
pub fn status_overall(data: &Data, t: &Strings) -> Option<StatusChart> {
    status_by_field(
        data,
        t,
        "chart-umsetzung",
        &t.get("monitoring.status.chart_title"),
        |_| true,
        false,
    )
}

/// Measures per status at each year's end, from their history; `None`
/// when no measure has one.
pub fn status_over_time(data: &Data, t: &Strings, id: &str) -> Option<StatusChart> {
    let snaps = status::over_time(data);
    if snaps.is_empty() {
        return None;
    }
    let rows: Vec<StatusRow> = snaps
        .iter()
        .map(|s| StatusRow {
            key: s.date.clone(),
            label: if s.year_end {
                fill(
                    &t.get("monitoring.status.year_end"),
                    &[("year", &s.year.to_string())],
                )
            } else {
                fill(
                    &t.get("monitoring.status.as_of"),
                    &[("date", &crate::text::german_date(&s.date))],
                )
            },
            counts: s.counts,
            total: s.counts.iter().sum(),
        })
        .collect();
    let title = t.get("monitoring.status.over_time_title");
    let mut desc = fill(
        &t.get("monitoring.status.over_time_desc"),
        &[
            ("n", &status::with_history(data).to_string()),
            ("total", &data.massnahmen.len().to_string()),
        ],
    );
    for r in &rows {
        desc.push(' ');
        desc.push_str(&format!("{}: {}.", r.label, parts(&r.counts, t)));
    }
    let bars = to_bars(&rows);
    let svg = bars::columns(&bars::BarChart {
        id,
        title: &title,
        desc: &desc,
        bars: &bars,
        statuses: &status_names(t),
        total: &t.get("monitoring.status.total"),
    });
    let mut totals = [0; 4];
    if let Some(last) = rows.last() {
        totals = last.counts;
    }
    Some(StatusChart {
        chart: Chart {
            id: id.to_string(),
            title,
            caption: String::new(),
            desc,
            svg,
        },
        total: totals.iter().sum(),
        rows,
        totals,
    })
}
