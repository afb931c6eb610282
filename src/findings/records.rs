//! Findings about records a reader would miss: records nothing refers to,
//! and measures still planned after their end. (Indicators without values
//! are reported by loading the data.)

use super::today::{Day, month_index};
use crate::data::{Data, Status, rel};
use crate::diag::Diagnostic;

/// Every finding about the records in `data`.
pub fn check(data: &Data, today: Day) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let empfehlungen = rel("empfehlungen.yaml");
    for e in &data.empfehlungen {
        // A measure that did not load may name it (its error is reported).
        if data.massnahmen_of(&e.id).next().is_none()
            && !data.unread.refers("massnahmen.yaml", "empfehlung", &e.id)
        {
            out.push(
                Diagnostic::warning(
                    &empfehlungen,
                    format!("the recommendation `{}` has no measures", e.id.value),
                )
                .at_opt(e.id.span)
                .hint(format!(
                    "add one with `konzept new massnahme --empfehlung {}`; until then its page says that no measures are recorded",
                    e.id.value
                )),
            );
        }
    }
    for h in &data.handlungsfelder {
        if !data
            .empfehlungen
            .iter()
            .any(|e| e.handlungsfeld.value == h.id.value)
            && !data
                .unread
                .refers("empfehlungen.yaml", "handlungsfeld", &h.id)
        {
            out.push(
                Diagnostic::warning(
                    rel("handlungsfelder.yaml"),
                    format!(
                        "the field of action `{}` has no recommendations",
                        h.id.value
                    ),
                )
                .at_opt(h.id.span)
                .hint(format!(
                    "add one with `konzept new empfehlung --handlungsfeld {}`",
                    h.id.value
                )),
            );
        }
    }
    for k in &data.kommunen {
        let file = rel("kommunen").join(format!("{}.yaml", k.slug));
        if k.angebote.is_empty() && !data.unread.field(&file, "angebote") {
            out.push(
                Diagnostic::warning(
                    &file,
                    format!("the municipality `{}` has no offers", k.slug),
                )
                .at_opt(k.angebote_at)
                .hint(format!(
                    "add one with `konzept new angebot --kommune {}`; readers look for offers near them",
                    k.slug
                )),
            );
        }
    }
    let now = today.month_index();
    for m in &data.massnahmen {
        let Some(bis) = &m.zeitraum.bis else { continue };
        let Some(end) = month_index(&bis.value) else {
            continue;
        };
        if m.status.value == Status::Geplant && end < now {
            out.push(
                Diagnostic::warning(
                    rel("massnahmen.yaml"),
                    format!(
                        "the measure `{}` is still `geplant`, but its period ended (`bis: {}`)",
                        m.id.value, bis.value
                    ),
                )
                .at_opt(m.status.span.or(m.id.span))
                .label(format!("today is {today}"))
                .hint("set `status:` to `laufend`, `umgesetzt` or `zurückgestellt` (and add it to `verlauf`), or move `bis` into the future"),
            );
        }
    }
    out
}
