//! Indicator values from `data/monitoring/<indikator>.csv` (year, area, value).
//!
//! Steps: match each file to an indicator by its name, read it with the
//! `csv` crate (comma-separated with a decimal point, or semicolon-separated
//! with a decimal comma as spreadsheets in German write it), check every
//! line (year in the period, known area, a number, no second value for the
//! same year and area) and report each problem at its line and column.
//! Then check the indicators themselves: ids usable in a web address, the
//! municipalities named in `vergleich`, and a values file for each.

use super::Data;
use crate::diag::{Diagnostic, Diagnostics, Span, suggest};
use crate::msg;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// The area name for district-wide values.
pub const KREIS: &str = "kreis";

/// At most this many municipalities are drawn beside the district, so the
/// chart stays readable.
pub const MAX_VERGLEICH: usize = 4;

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
pub fn load(root: &Path, data: &Data, period: (i32, i32), diags: &mut Diagnostics) -> Werte {
    let dir = root.join(super::DIR).join("monitoring");
    let mut out = Werte::new();
    if let Ok(entries) = std::fs::read_dir(&dir) {
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
            let Some(text) = super::read_text(root, &rel, diags) else {
                continue;
            };
            if data.indikator(&id).is_none() {
                if !data.unread.list("indikatoren.yaml", &id) {
                    diags.push(unknown_indicator(&id, &rel, &text, data));
                }
                continue;
            }
            out.insert(id, parse_csv(&text, &rel, data, period, diags));
        }
    }
    check_indikatoren(data, &out, diags);
    out
}

fn unknown_indicator(id: &str, rel: &Path, text: &str, data: &Data) -> Diagnostic {
    let known = data.indikatoren.iter().map(|i| i.id.value.as_str());
    let header = text
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap_or("");
    let mut d = Diagnostic::error(rel, msg!("csv-no-indicator", id = id))
        .at(Span {
            line: 1,
            column: 1,
            len: header.chars().count().max(1),
        })
        .label(msg!("label-csv-no-indicator"));
    if let Some(s) = suggest(id, known) {
        d = d.hint(msg!("hint-did-you-mean", name = format!("{s}.csv")));
    }
    d.hint(msg!("hint-csv-file-name"))
}

/// How a file separates its columns and writes decimals.
#[derive(Clone, Copy, PartialEq)]
enum Dialect {
    /// `2024,verl,3.8`
    Comma,
    /// `2024;verl;3,8`, as German spreadsheets save CSV.
    Semicolon,
}

impl Dialect {
    fn sep(self) -> char {
        match self {
            Dialect::Comma => ',',
            Dialect::Semicolon => ';',
        }
    }
}

fn parse_csv(
    text: &str,
    rel: &Path,
    data: &Data,
    (first, last): (i32, i32),
    diags: &mut Diagnostics,
) -> Vec<Wert> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let header = text.lines().next().unwrap_or("");
    let dialect = if header.contains(';') && !header.contains(',') {
        Dialect::Semicolon
    } else {
        Dialect::Comma
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(dialect.sep() as u8)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let header_ok = reader.headers().is_ok_and(|h| {
        h.iter().map(str::to_lowercase).collect::<Vec<_>>() == ["jahr", "gebiet", "wert"]
    });
    if !header_ok {
        diags.push(
            Diagnostic::error(rel, msg!("csv-header"))
                .at(Span {
                    line: 1,
                    column: 1,
                    len: header.chars().count().max(1),
                })
                .hint(msg!("hint-csv-header")),
        );
        return Vec::new();
    }
    let lines: Vec<&str> = text.lines().collect();
    let mut seen: HashMap<(i32, String), usize> = HashMap::new();
    let mut out = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                diags.push(unreadable_line(&e, rel, &lines, dialect));
                continue;
            }
        };
        let line = record.position().map_or(1, |p| p.line() as usize);
        let raw = lines.get(line - 1).copied().unwrap_or("");
        let at = |i: usize| field_span(raw, line, i, dialect.sep());
        let (jahr, gebiet, wert) = (&record[0], &record[1], &record[2]);
        let mut ok = true;
        let year = match jahr.parse::<i32>() {
            Ok(y) if (first..=last).contains(&y) => y,
            Ok(y) => {
                diags.push(
                    Diagnostic::error(
                        rel,
                        msg!(
                            "csv-year-outside",
                            year = y.to_string(),
                            first = first.to_string(),
                            last = last.to_string()
                        ),
                    )
                    .at(at(0))
                    .label(msg!("label-outside-period"))
                    .hint(msg!("hint-csv-year-outside")),
                );
                ok = false;
                y
            }
            Err(_) => {
                diags.push(
                    Diagnostic::error(rel, msg!("csv-expected-year", found = jahr))
                        .at(at(0))
                        .hint(msg!("hint-csv-year")),
                );
                ok = false;
                0
            }
        };
        if gebiet != KREIS && data.kommune(gebiet).is_none() && !data.unread.kommune(gebiet) {
            let slugs = data.kommunen.iter().map(|k| k.slug.as_str()).chain([KREIS]);
            let mut d = Diagnostic::error(rel, msg!("csv-unknown-area", area = gebiet))
                .at(at(1))
                .label(msg!("label-no-kommune-slug"));
            if let Some(s) = suggest(gebiet, slugs) {
                d = d.hint(msg!("hint-did-you-mean", name = s));
            }
            diags.push(d.hint(msg!("hint-csv-area")));
            ok = false;
        }
        let value = match number(wert, dialect) {
            Some(v) => v,
            None => {
                diags.push(
                    Diagnostic::error(rel, msg!("csv-expected-number", found = wert))
                        .at(at(2))
                        .hint(match dialect {
                            Dialect::Comma => msg!("hint-csv-decimal-point"),
                            Dialect::Semicolon => msg!("hint-csv-decimal-comma"),
                        })
                        .hint(msg!("hint-csv-unknown-value")),
                );
                ok = false;
                0.0
            }
        };
        if ok {
            match seen.get(&(year, gebiet.to_string())) {
                Some(prev) => {
                    diags.push(
                        Diagnostic::error(
                            rel,
                            msg!("csv-second-value", area = gebiet, year = year.to_string()),
                        )
                        .at(at(0))
                        .label(msg!("label-second-value"))
                        .hint(msg!("hint-csv-second-value", line = *prev)),
                    );
                }
                None => {
                    seen.insert((year, gebiet.to_string()), line);
                    out.push(Wert {
                        jahr: year,
                        gebiet: gebiet.to_string(),
                        wert: value,
                    });
                }
            }
        }
    }
    out.sort_by(|a, b| (&a.gebiet, a.jahr).cmp(&(&b.gebiet, b.jahr)));
    out
}

/// A value as written in the file's dialect; no thousands separators.
fn number(s: &str, dialect: Dialect) -> Option<f64> {
    let plain = match dialect {
        Dialect::Comma if !s.contains(',') => s.to_string(),
        Dialect::Semicolon if !s.contains('.') => s.replace(',', "."),
        _ => return None,
    };
    let digits_only = plain
        .trim_start_matches('-')
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.');
    plain
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && digits_only && !plain.is_empty())
}

fn unreadable_line(e: &csv::Error, rel: &Path, lines: &[&str], dialect: Dialect) -> Diagnostic {
    let line = e.position().map_or(1, |p| p.line() as usize);
    let len = lines.get(line - 1).map_or(1, |l| l.chars().count().max(1));
    let message = match e.kind() {
        csv::ErrorKind::UnequalLengths { len, .. } => msg!("csv-line-length", count = *len),
        _ => msg!("csv-line-unreadable", detail = e.to_string()),
    };
    Diagnostic::error(rel, message)
        .at(Span {
            line,
            column: 1,
            len,
        })
        .hint(msg!("hint-csv-line", sep = dialect.sep()))
}

/// The span of field `index` in the raw line: after leading blanks, quotes
/// respected, in characters.
fn field_span(raw: &str, line: usize, index: usize, sep: char) -> Span {
    let mut fields: Vec<(usize, usize)> = Vec::new();
    let (mut start, mut quoted) = (0, false);
    let chars: Vec<char> = raw.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if *c == '"' {
            quoted = !quoted;
        } else if *c == sep && !quoted {
            fields.push((start, i));
            start = i + 1;
        }
    }
    fields.push((start, chars.len()));
    let (mut s, mut e) = fields.get(index).copied().unwrap_or((0, 0));
    while s < e && chars[s].is_whitespace() {
        s += 1;
    }
    while e > s && chars[e - 1].is_whitespace() {
        e -= 1;
    }
    Span {
        line,
        column: s + 1,
        len: (e - s).max(1),
    }
}

/// Checks of the indicator records that concern the monitoring.
fn check_indikatoren(data: &Data, werte: &Werte, diags: &mut Diagnostics) {
    let file = super::rel("indikatoren.yaml");
    for i in &data.indikatoren {
        if !super::is_slug(&i.id) {
            diags.push(
                Diagnostic::error(&file, msg!("id-not-slug", id = &i.id.value))
                    .at_opt(i.id.span)
                    .hint(msg!("hint-slug-example", example = "sprachkurs-plaetze")),
            );
        }
        for k in &i.vergleich {
            if data.kommune(k).is_none() && !data.unread.kommune(k) {
                let slugs = data.kommunen.iter().map(|k| k.slug.as_str());
                let mut d =
                    Diagnostic::error(&file, msg!("ref-unknown", kind = "kommune", id = &k.value))
                        .at_opt(k.span)
                        .label(msg!("label-no-kommune-slug"));
                if let Some(s) = suggest(k, slugs) {
                    d = d.hint(msg!("hint-did-you-mean", name = s));
                }
                diags.push(d.hint(msg!("hint-vergleich")));
            }
        }
        if let Some(extra) = i.vergleich.get(MAX_VERGLEICH) {
            diags.push(
                Diagnostic::error(
                    &file,
                    msg!(
                        "vergleich-too-many",
                        id = &i.id.value,
                        count = i.vergleich.len(),
                        max = MAX_VERGLEICH
                    ),
                )
                .at_opt(extra.span)
                .hint(msg!("hint-vergleich-too-many")),
            );
        }
        if !werte.contains_key(i.id.value.as_str()) {
            diags.push(
                Diagnostic::warning(&file, msg!("indicator-no-values", id = &i.id.value))
                    .at_opt(i.id.span)
                    .hint(msg!("hint-indicator-no-values", id = &i.id.value)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_files_dialect() {
        assert_eq!(number("3.8", Dialect::Comma), Some(3.8));
        assert_eq!(number("-2", Dialect::Comma), Some(-2.0));
        assert_eq!(number("3,8", Dialect::Comma), None);
        assert_eq!(number("3,8", Dialect::Semicolon), Some(3.8));
        assert_eq!(number("1.234", Dialect::Semicolon), None);
        for bad in ["", "NaN", "inf", "1e3", "zwölf", "3 8"] {
            assert_eq!(number(bad, Dialect::Comma), None, "{bad}");
        }
    }

    #[test]
    fn field_spans_skip_blanks_and_respect_quotes() {
        let s = field_span("2024, verl ,\"3,8\"", 4, 1, ',');
        assert_eq!((s.line, s.column, s.len), (4, 7, 4));
        let s = field_span("2024, verl ,\"3,8\"", 4, 2, ',');
        assert_eq!((s.column, s.len), (13, 5));
        let s = field_span("2024;verl;3,8", 2, 2, ';');
        assert_eq!((s.column, s.len), (11, 3));
    }
}
