//! Findings about records a reader would miss: records nothing refers to,
//! and measures still planned after their end. (Indicators without values
//! are reported by loading the data.)

use super::today::{Day, month_index};
use crate::data::{Data, Status, rel};
use crate::diag::Diagnostic;
use crate::msg;

/// Every finding about the records in `data`.
pub fn check(data: &Data, today: Day) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let empfehlungen = rel("empfehlungen.yaml");
    for e in &data.empfehlungen {
        if data.massnahmen_of(&e.id).next().is_none() {
            out.push(
                Diagnostic::warning(
                    &empfehlungen,
                    msg!("recommendation-no-measures", id = &e.id.value),
                )
                .at_opt(e.id.span)
                .hint(msg!("hint-recommendation-no-measures", id = &e.id.value)),
            );
        }
    }
    for h in &data.handlungsfelder {
        if !data
            .empfehlungen
            .iter()
            .any(|e| e.handlungsfeld.value == h.id.value)
        {
            out.push(
                Diagnostic::warning(
                    rel("handlungsfelder.yaml"),
                    msg!("field-no-recommendations", id = &h.id.value),
                )
                .at_opt(h.id.span)
                .hint(msg!("hint-field-no-recommendations", id = &h.id.value)),
            );
        }
    }
    for k in &data.kommunen {
        if k.angebote.is_empty() {
            let file = rel("kommunen").join(format!("{}.yaml", k.slug));
            out.push(
                Diagnostic::warning(&file, msg!("kommune-no-offers", slug = &k.slug))
                    .at_opt(k.angebote_at)
                    .hint(msg!("hint-kommune-no-offers", slug = &k.slug)),
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
                    msg!("measure-overdue", id = &m.id.value, bis = &bis.value),
                )
                .at_opt(m.status.span.or(m.id.span))
                .label(msg!("label-today", today = today.to_string()))
                .hint(msg!("hint-measure-overdue")),
            );
        }
    }
    out
}
