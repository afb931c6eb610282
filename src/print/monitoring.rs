//! The monitoring in the PDFs: the long version's monitoring section (the
//! site's charts as the same SVG files, each with its table and its trend in
//! words), the columns the indicator listings add, and the short version's
//! dashboard of key figures. Charts are staged as `diagramme/<id>.svg`.

use crate::data::{Data, Indikator, monitoring::KREIS};
use crate::monitoring::{self as mon, StatusChart};
use crate::project::Project;
use crate::strings::Strings;
use crate::views::IndikatorView;
use serde_json::{Value, json};

/// The folder of the chart files in the staging folder.
pub const DIR: &str = "diagramme";

/// The label of the monitoring section.
pub const LABEL: &str = "monitoring";

/// Files konzept made for a document: (path in the staging folder, bytes).
pub type Files = Vec<(String, Vec<u8>)>;

/// The label of an indicator's entry.
pub fn label(i: &Indikator) -> String {
    format!("indikator:{}", i.id.value)
}

/// The SVG file of a chart, added to `files`; returns its JSON for typst.
fn chart(c: &mon::Chart, files: &mut Files) -> Value {
    let src = format!("{DIR}/{}.svg", c.id);
    files.push((src.clone(), c.svg.clone().into_bytes()));
    json!({"src": src, "alt": format!("{}: {}", c.title, c.desc)})
}

/// Prepares every indicator once (without the small charts).
pub fn prepare(d: &Data, t: &Strings) -> Vec<mon::Indicator> {
    d.indikatoren
        .iter()
        .map(|i| mon::indicator(d, i, t, false))
        .collect()
}

/// The district's line for the dashboard, scaled into the unit square
/// (x: first to last year, y: lowest to highest value), with its range.
pub fn sparkline(x: &mon::Indicator) -> Value {
    let Some(k) = x.rows.iter().find(|r| r.key == KREIS) else {
        return Value::Null;
    };
    let pts: Vec<(i32, f64)> = x
        .years
        .iter()
        .zip(&k.values)
        .filter_map(|(y, v)| v.map(|v| (*y, v)))
        .collect();
    if pts.len() < 2 {
        return Value::Null;
    }
    let (y0, y1) = (pts[0].0 as f64, pts[pts.len() - 1].0 as f64);
    let lo = pts.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
    let hi = pts.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
    let span = if hi - lo < 1e-12 { 1.0 } else { hi - lo };
    let unit = |v: f64| (v * 1000.0).round() / 1000.0;
    let points: Vec<[f64; 2]> = pts
        .iter()
        .map(|(y, v)| {
            [
                unit((*y as f64 - y0) / (y1 - y0)),
                unit(if hi - lo < 1e-12 {
                    0.5
                } else {
                    (v - lo) / span
                }),
            ]
        })
        .collect();
    json!({
        "points": points,
        "from": pts[0].0,
        "to": pts[pts.len() - 1].0,
        "lo": mon::format::number(lo, x.decimals),
        "hi": mon::format::number(hi, x.decimals),
    })
}

/// A status table for typst: header, rows and (when `sums`) the sums.
fn status_table(sc: &StatusChart, t: &Strings, first: &str, sums: bool) -> Value {
    let names: Vec<String> = (crate::data::Status::ALL.iter())
        .map(|s| crate::views::shape::status(*s, t))
        .collect();
    let sum = t.get("monitoring.status.sum");
    let mut head = vec![first.to_string()];
    head.extend(names);
    head.push(sum.clone());
    let rows: Vec<Vec<String>> = sc
        .rows
        .iter()
        .map(|r| {
            let mut row = vec![r.label.clone()];
            row.extend(r.counts.iter().map(usize::to_string));
            row.push(r.total.to_string());
            row
        })
        .collect();
    let foot = (sums && sc.rows.len() > 1).then(|| {
        let mut row = vec![sum];
        row.extend(sc.totals.iter().map(usize::to_string));
        row.push(sc.total.to_string());
        row
    });
    json!({"head": head, "rows": rows, "foot": foot})
}

/// The long version's monitoring section, or `None` without indicators and
/// measures. `md` converts an indicator's description; `prepared` comes
/// from [`prepare`], `views` are the indicators' views in the same order.
pub fn section(
    p: &Project,
    t: &Strings,
    prepared: &[mon::Indicator],
    views: &[IndikatorView],
    level: u8,
    md: &mut dyn FnMut(&Indikator) -> Vec<Value>,
    files: &mut Files,
) -> Option<Value> {
    let d = &p.data;
    if d.indikatoren.is_empty() && d.massnahmen.is_empty() {
        return None;
    }
    let mut groups = Vec::new();
    for h in &d.handlungsfelder {
        let items: Vec<Value> = d
            .indikatoren
            .iter()
            .zip(prepared.iter().zip(views))
            .filter(|(i, _)| i.handlungsfeld.value == h.id.value)
            .map(|(i, (x, v))| {
                crate::views::json_with(
                    v,
                    json!({
                        "label": label(i),
                        "chart": (!x.rows.is_empty()).then(|| chart(&x.chart, files)),
                        "beschreibung": md(i),
                    }),
                )
            })
            .collect();
        if !items.is_empty() {
            groups.push(json!({"titel": h.titel, "items": items}));
        }
    }
    let status = mon::status_overall(d, t).map(|sc| {
        json!({
            "title": t.get("monitoring.status.title"),
            "intro": t.get("monitoring.status.intro"),
            "caption": t.get("monitoring.status.caption"),
            "chart": chart(&sc.chart, files),
            "table": status_table(&sc, t, &t.get("handlungsfeld.singular"), true),
        })
    });
    let history = mon::status_over_time(d, t, "chart-verlauf").map(|sc| {
        json!({
            "title": t.get("monitoring.status.over_time_title"),
            "intro": t.get("monitoring.status.over_time_intro"),
            "caption": t.get("monitoring.status.over_time_caption"),
            "chart": chart(&sc.chart, files),
            "table": status_table(&sc, t, &t.get("monitoring.status.when"), false),
        })
    });
    Some(json!({
        "t": "monitoring",
        "title": t.get("monitoring.title"),
        "label": LABEL,
        "level": level,
        "intro": t.get("monitoring.intro"),
        "groups": groups,
        "status": status,
        "history": history,
    }))
}
