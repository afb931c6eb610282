//! Hints that propose what the editor probably meant: the nearest existing
//! file for a missing one, the nearest name, the ISO form of a German date.
//! A bottom layer: it uses no other module of konzept.

use std::path::Path;

/// The nearest existing file to the missing `written` (a path relative to
/// the chapter folder `dir`, itself relative to `root`): a name that
/// differs only in case first, then the one with the fewest edits (at most
/// a third of the name). Returns the path as the editor would write it.
/// Only the folder the path names is listed, and only inside the project.
pub fn nearest_file(root: &Path, dir: &Path, written: &str) -> Option<String> {
    let (folder, name) = match written.rsplit_once('/') {
        Some((f, n)) => (Some(f), n),
        None => (None, written),
    };
    let rel_folder = folder.map_or_else(|| dir.to_path_buf(), |f| dir.join(f));
    if !inside(&rel_folder) {
        return None;
    }
    let names: Vec<String> = std::fs::read_dir(root.join(&rel_folder))
        .ok()?
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| e.file_name().into_string().ok())
        .collect();
    let best = nearest(name, names.iter().map(String::as_str))?;
    Some(match folder {
        Some(f) => format!("{f}/{best}"),
        None => best.to_string(),
    })
}

/// The candidate equal to `wrong` but for case, else the one with the
/// fewest edits if that is at most a third of its length (at least one).
pub fn nearest<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = wrong.to_lowercase();
    // Ties go to the candidate closer in case too, then the first name.
    let mut best: Option<((usize, usize, &str), &str)> = None;
    for c in candidates {
        if c == wrong {
            continue;
        }
        let d = strsim::levenshtein(&lower, &c.to_lowercase());
        if d == 0 {
            return Some(c);
        }
        let key = (d, strsim::levenshtein(wrong, c), c);
        if best.is_none_or(|(b, _)| key < b) {
            best = Some((key, c));
        }
    }
    let limit = (wrong.chars().count() / 3).max(1);
    best.filter(|((d, _, _), _)| *d <= limit).map(|(_, c)| c)
}

/// `1.3.2026`, `01.03.26` → `2026-03-01`: a German date in ISO form, if it
/// is one and the day exists. Two-digit years are this century's.
pub fn iso_date(s: &str) -> Option<String> {
    let mut it = s.trim().trim_end_matches('.').split('.');
    let (d, m, y) = (it.next()?, it.next()?, it.next()?);
    if it.next().is_some() || d.is_empty() || m.is_empty() || d.len() > 2 || m.len() > 2 {
        return None;
    }
    let year = match y.len() {
        4 => y.to_string(),
        2 => format!("20{y}"),
        _ => return None,
    };
    let (d, m): (u32, u32) = (d.parse().ok()?, m.parse().ok()?);
    let y: u32 = year.parse().ok()?;
    let leap = (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400);
    let days = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return None,
    };
    (1..=days)
        .contains(&d)
        .then(|| format!("{year}-{m:02}-{d:02}"))
}

/// A relative path that does not climb above where it starts.
fn inside(p: &Path) -> bool {
    let mut depth: i32 = 0;
    for c in p.components() {
        match c {
            std::path::Component::Normal(_) => depth += 1,
            std::path::Component::ParentDir => depth -= 1,
            std::path::Component::CurDir => {}
            _ => return false,
        }
        if depth < 0 {
            return false;
        }
    }
    true
}

/// `3.2026`, `03/2026` → `2026-03`: a month in ISO form.
pub fn iso_month(s: &str) -> Option<String> {
    let (m, y) = s.trim().split_once(['.', '/'])?;
    let m: u32 = m.parse().ok()?;
    (y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) && (1..=12).contains(&m))
        .then(|| format!("{y}-{m:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_dates_become_iso() {
        assert_eq!(iso_date("1.3.2026").as_deref(), Some("2026-03-01"));
        assert_eq!(iso_date("01.03.26").as_deref(), Some("2026-03-01"));
        assert_eq!(iso_date("31.02.2026"), None);
        assert_eq!(iso_date("2026-03-01"), None);
        assert_eq!(iso_month("3.2026").as_deref(), Some("2026-03"));
        assert_eq!(iso_month("03/2026").as_deref(), Some("2026-03"));
    }

    #[test]
    fn case_first_then_edits() {
        let names = ["foto.png", "Foto.PNG", "fotos.png", "karte.svg"];
        assert_eq!(nearest("FOTO.png", names), Some("foto.png"));
        assert_eq!(nearest("fotp.png", names), Some("foto.png"));
        assert_eq!(nearest("plan.pdf", names), None);
    }
}
