//! Counting measures by status: per field of action now, and at each year's
//! end from the measures' status history (`verlauf`).

use crate::data::{Data, Massnahme, Status};

/// Measures per status, in the order of [`Status::ALL`].
pub type Counts = [usize; 4];

fn slot(s: Status) -> usize {
    Status::ALL.iter().position(|x| *x == s).unwrap_or(0)
}

/// Measures per field of action (in the fields' order) and current status,
/// counting those `keep` accepts. Fields without such measures are left out
/// when `skip_empty`.
pub fn by_field(
    data: &Data,
    keep: impl Fn(&Massnahme) -> bool,
    skip_empty: bool,
) -> Vec<(&str, Counts)> {
    let mut rows: Vec<(&str, Counts)> = data
        .handlungsfelder
        .iter()
        .map(|h| (h.id.value.as_str(), [0; 4]))
        .collect();
    for m in data.massnahmen.iter().filter(|m| keep(m)) {
        let Some(hf) = data.handlungsfeld_of(m) else {
            continue;
        };
        if let Some(row) = rows.iter_mut().find(|(id, _)| *id == hf) {
            row.1[slot(m.status.value)] += 1;
        }
    }
    if skip_empty {
        rows.retain(|(_, c)| c.iter().sum::<usize>() > 0);
    }
    rows
}

/// The state of all measures with a history at one moment.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub year: i32,
    /// `YYYY-12-31`, or the newest entry's date in the newest year.
    pub date: String,
    /// Whether `date` is the end of the year.
    pub year_end: bool,
    pub counts: Counts,
}

/// Counts per status at the end of each year from the oldest to the newest
/// history entry; the newest year is counted at its newest entry. A measure
/// counts from its first entry on, with the status of its last entry on or
/// before the date.
pub fn over_time(data: &Data) -> Vec<Snapshot> {
    let with_history: Vec<&Massnahme> = data
        .massnahmen
        .iter()
        .filter(|m| !m.verlauf.is_empty())
        .collect();
    let dates = with_history
        .iter()
        .flat_map(|m| m.verlauf.iter().map(|v| v.datum.value.as_str()));
    let (Some(first), Some(last)) = (dates.clone().min(), dates.max()) else {
        return Vec::new();
    };
    let year = |d: &str| d.get(..4).and_then(|y| y.parse::<i32>().ok());
    let (Some(y0), Some(y1)) = (year(first), year(last)) else {
        return Vec::new();
    };
    (y0..=y1)
        .map(|y| {
            let end = format!("{y}-12-31");
            let date = if y == y1 {
                last.to_string()
            } else {
                end.clone()
            };
            let mut counts = [0; 4];
            for m in &with_history {
                let now = m
                    .verlauf
                    .iter()
                    .take_while(|v| v.datum.value.as_str() <= date.as_str())
                    .last();
                if let Some(v) = now {
                    counts[slot(v.status)] += 1;
                }
            }
            Snapshot {
                year: y,
                year_end: date == end,
                date,
                counts,
            }
        })
        .collect()
}

/// How many measures have a status history.
pub fn with_history(data: &Data) -> usize {
    data.massnahmen
        .iter()
        .filter(|m| !m.verlauf.is_empty())
        .count()
}
