//! Each page's "Stand": the newest date among the sources it was made
//! from — a chapter's `stand`, a measure's status history, a
//! municipality's population date — and never older than the book's own
//! `date`. Taken from the sources' text only (no file times), so builds
//! stay reproducible.

use crate::project::Project;

/// The newest of `dates` and the book's date, as `YYYY-MM-DD`.
fn newest<'a>(p: &'a Project, dates: impl IntoIterator<Item = &'a str>) -> String {
    dates
        .into_iter()
        .filter(|d| crate::config::is_iso_date(d))
        .chain([p.config.date.as_str()])
        .max()
        .unwrap_or_default()
        .to_string()
}

/// The book's date: pages made from the whole publication or the theme.
pub fn book(p: &Project) -> String {
    newest(p, [])
}

/// A chapter: its front matter `stand`.
pub fn chapter(p: &Project, i: usize) -> String {
    newest(
        p,
        p.book.chapters[i].stand.as_ref().map(|s| s.value.as_str()),
    )
}

/// A measure: the newest entry of its status history.
pub fn massnahme(p: &Project, i: usize) -> String {
    let m = &p.data.massnahmen[i];
    newest(p, m.verlauf.iter().map(|v| v.datum.value.as_str()))
}

/// Every measure (the list of measures, the monitoring).
pub fn massnahmen(p: &Project) -> String {
    newest(
        p,
        p.data
            .massnahmen
            .iter()
            .flat_map(|m| m.verlauf.iter().map(|v| v.datum.value.as_str())),
    )
}

/// A municipality: its population date and its measures' histories.
pub fn kommune(p: &Project, i: usize) -> String {
    let k = &p.data.kommunen[i];
    newest(
        p,
        [k.einwohner.stand.value.as_str()].into_iter().chain(
            p.data
                .massnahmen
                .iter()
                .filter(|m| m.kommunen.iter().any(|x| x.value == k.slug))
                .flat_map(|m| m.verlauf.iter().map(|v| v.datum.value.as_str())),
        ),
    )
}

/// The whole publication: every dated source.
pub fn all(p: &Project) -> String {
    let chapters = p
        .book
        .chapters
        .iter()
        .filter_map(|c| c.stand.as_ref().map(|s| s.value.as_str()));
    let kommunen = p
        .data
        .kommunen
        .iter()
        .map(|k| k.einwohner.stand.value.as_str());
    let verlauf = p
        .data
        .massnahmen
        .iter()
        .flat_map(|m| m.verlauf.iter().map(|v| v.datum.value.as_str()));
    newest(p, chapters.chain(kommunen).chain(verlauf))
}
