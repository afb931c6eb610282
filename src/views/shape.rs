//! Labels, periods, statuses and numbers, formatted once for every output.

use crate::data::{Art, Ebene, Kommune, Massnahme, Status};
use crate::strings::Strings;
use crate::text::{german_date, thousands};

/// A measure's period: `01.2025 – 12.2026`, or `seit 01.2025` when open.
pub fn zeitraum(m: &Massnahme, t: &Strings) -> String {
    let von = german_date(&m.zeitraum.von);
    match &m.zeitraum.bis {
        Some(b) => format!("{von} – {}", german_date(b)),
        None => format!("{} {von}", t.get("since")),
    }
}

/// `Stadt` or `Gemeinde`, in the interface language.
pub fn art(k: &Kommune, t: &Strings) -> String {
    t.get(match k.art {
        Art::Stadt => "art.stadt",
        Art::Gemeinde => "art.gemeinde",
    })
}

/// A status in the interface language.
pub fn status(s: Status, t: &Strings) -> String {
    t.get(&format!("status.{}", s.slug()))
}

/// A level of responsibility in the interface language.
pub fn ebene(e: Ebene, t: &Strings) -> String {
    t.get(&format!("ebene.{}", e.key()))
}

/// A language of an offer by its code, the code itself when unnamed.
pub fn sprache(code: &str, t: &Strings) -> String {
    t.get_or(&format!("sprachen.{code}"), code)
}

/// A number of inhabitants: `12.345`.
pub fn einwohner(n: u64) -> String {
    thousands(n)
}

/// The inhabitants of all municipalities together.
pub fn einwohner_summe(ks: &[Kommune]) -> String {
    thousands(ks.iter().map(|k| k.einwohner.anzahl).sum())
}
