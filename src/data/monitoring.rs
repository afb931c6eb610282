//! Indicator values from `data/monitoring/<indikator>.csv` (year, area, value).

use super::Data;
use crate::diag::{Diagnostic, Diagnostics, Span};
use std::collections::{BTreeMap, HashSet};
use std::path::Path;

/// The area name for district-wide values.
pub const KREIS: &str = "kreis";

/// One value of an indicator.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Wert {
    pub jahr: i32,
    pub gebiet: String,
    pub wert: f64,
}

/// Values per indicator id, each sorted by area and year.
pub type Werte = BTreeMap<String, Vec<Wert>>;

/// Reads every CSV file in `data/monitoring/` and checks it against the records.
pub fn load(root: &Path, data: &Data, (first, last): (i32, i32), diags: &mut Diagnostics) -> Werte {
    let dir = root.join(super::DIR).join("monitoring");
    let mut out = Werte::new();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return out;
    };
    let mut files: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .collect();
    files.sort();
    for file in files {
        let id = file
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let rel = super::rel("monitoring").join(file.file_name().unwrap_or_default());
        if data.indikator(&id).is_none() {
            if data.unread.list("indikatoren.yaml") {
                continue; // its error is reported already
            }
            let known: Vec<&str> = data
                .indikatoren
                .iter()
                .map(|i| i.id.value.as_str())
                .collect();
            let mut d = Diagnostic::error(&rel, format!("no indicator has the id `{id}`"))
                .hint("the file name must be the id of an indicator in data/indikatoren.yaml");
            if let Some(s) = crate::diag::suggest(&id, known) {
                d = d.hint(format!("did you mean `{s}.csv`?"));
            }
            diags.push(d);
            continue;
        }
        let Some(text) = super::read_text(root, &rel, diags) else {
            continue;
        };
        let values = parse_csv(&text, &rel, data, (first, last), diags);
        out.insert(id, values);
    }
    out
}

fn parse_csv(
    text: &str,
    rel: &Path,
    data: &Data,
    (first, last): (i32, i32),
    diags: &mut Diagnostics,
) -> Vec<Wert> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let header_ok = reader
        .headers()
        .map(|h| h.iter().collect::<Vec<_>>() == ["jahr", "gebiet", "wert"])
        .unwrap_or(false);
    if !header_ok {
        diags.push(
            Diagnostic::error(rel, "the first line must be `jahr,gebiet,wert`")
                .at(Span { line: 1, column: 1, len: text.lines().next().unwrap_or("").chars().count().max(1) })
                .hint("the columns are the year, the area (a municipality's slug or `kreis`) and the value"),
        );
        return Vec::new();
    }
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(1, |p| p.line() as usize);
                diags.push(
                    Diagnostic::error(rel, format!("this line cannot be read: {e}"))
                        .at(Span {
                            line,
                            column: 1,
                            len: 1,
                        })
                        .hint("every line needs exactly three values separated by commas"),
                );
                continue;
            }
        };
        let line = record.position().map_or(1, |p| p.line() as usize);
        let col = |i: usize| {
            let raw = text.lines().nth(line - 1).unwrap_or("");
            let column = raw
                .split(',')
                .take(i)
                .map(|f| f.chars().count() + 1)
                .sum::<usize>()
                + 1;
            Span {
                line,
                column,
                len: record.get(i).map_or(1, |f| f.chars().count().max(1)),
            }
        };
        let (jahr, gebiet, wert) = (&record[0], &record[1], &record[2]);
        let mut ok = true;
        let year = match jahr.parse::<i32>() {
            Ok(y) if (first..=last).contains(&y) => y,
            Ok(y) => {
                diags.push(
                    Diagnostic::error(
                        rel,
                        format!("the year `{y}` is outside the monitoring period {first}–{last}"),
                    )
                    .at(col(0))
                    .hint("change the year, or the period under [monitoring] in book.toml"),
                );
                ok = false;
                y
            }
            Err(_) => {
                diags.push(
                    Diagnostic::error(rel, format!("expected a year, found `{jahr}`"))
                        .at(col(0))
                        .hint("write the year with four digits, e.g. `2024`"),
                );
                ok = false;
                0
            }
        };
        if gebiet != KREIS && data.kommune(gebiet).is_none() && !data.unread.kommune(gebiet) {
            let slugs = data.kommunen.iter().map(|k| k.slug.as_str()).chain([KREIS]);
            let mut d = Diagnostic::error(rel, format!("unknown area `{gebiet}`"))
                .at(col(1))
                .hint("use a municipality's slug (its file name in data/kommunen/) or `kreis`");
            if let Some(s) = crate::diag::suggest(gebiet, slugs) {
                d = d.hint(format!("did you mean `{s}`?"));
            }
            diags.push(d);
            ok = false;
        }
        let value = match wert.replace(',', ".").parse::<f64>() {
            Ok(v) if v.is_finite() && !wert.contains(',') => v,
            _ => {
                diags.push(
                    Diagnostic::error(rel, format!("expected a number, found `{wert}`"))
                        .at(col(2))
                        .hint("write numbers with a decimal point and no thousands separator, e.g. `1234.5`"),
                );
                ok = false;
                0.0
            }
        };
        if ok && !seen.insert((year, gebiet.to_string())) {
            diags.push(
                Diagnostic::error(rel, format!("a second value for `{gebiet}` in {year}"))
                    .at(col(0))
                    .hint("keep one line per year and area"),
            );
            ok = false;
        }
        if ok {
            out.push(Wert {
                jahr: year,
                gebiet: gebiet.to_string(),
                wert: value,
            });
        }
    }
    out.sort_by(|a, b| (&a.gebiet, a.jahr).cmp(&(&b.gebiet, b.jahr)));
    out
}
