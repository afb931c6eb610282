//! Findings about records a reader would miss: records nothing refers to,
//! measures still planned after their end, and providers or responsible
//! offices written as free text instead of an actor's id. (Indicators
//! without values are reported by loading the data.)

use super::today::{Day, month_index};
use crate::data::yaml::Sp;
use crate::data::{Data, Status, rel};
use crate::diag::Diagnostic;
use crate::msg;

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
            && !data
                .unread
                .refers("empfehlungen.yaml", "handlungsfeld", &h.id)
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
        let file = rel("kommunen").join(format!("{}.yaml", k.slug));
        if k.angebote.is_empty() && !data.unread.field(&file, "angebote") {
            out.push(
                Diagnostic::warning(&file, msg!("kommune-no-offers", slug = &k.slug))
                    .at_opt(k.angebote_at)
                    .hint(msg!("hint-kommune-no-offers", slug = &k.slug)),
            );
        }
    }
    free_text(data, &mut out);
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

/// `traeger:` and `zustaendig:` written as text: accepted for a transition,
/// with the actor the text names (or resembles) as the fix. Only once the
/// publication keeps actors: before, free text is the only way to say it.
fn free_text(data: &Data, out: &mut Vec<Diagnostic>) {
    if data.akteure.is_empty() {
        return;
    }
    for k in &data.kommunen {
        let file = rel("kommunen").join(format!("{}.yaml", k.slug));
        for a in &k.angebote {
            if let Some(t) = &a.traeger {
                out.push(free_text_one(data, &file, t, "traeger", "anbieter", false));
            }
        }
    }
    let file = rel("massnahmen.yaml");
    for m in &data.massnahmen {
        if let Some(t) = &m.zustaendig {
            out.push(free_text_one(
                data,
                &file,
                t,
                "zustaendig",
                "verantwortlich",
                true,
            ));
        }
    }
}

fn free_text_one(
    data: &Data,
    file: &std::path::Path,
    text: &Sp<String>,
    old: &str,
    new: &str,
    list: bool,
) -> Diagnostic {
    let list = if list { "yes" } else { "no" };
    let d = Diagnostic::warning(file, msg!("free-text", field = old, text = &text.value))
        .at_opt(text.span)
        .label(msg!("label-free-text"));
    match crate::data::akteure::by_name(data, &text.value) {
        Some((a, exact)) => {
            let hint = if exact {
                msg!(
                    "hint-free-text-match",
                    id = &a.id.value,
                    name = &a.name.value,
                    list = list,
                    new = new,
                    field = old
                )
            } else {
                msg!(
                    "hint-free-text-similar",
                    id = &a.id.value,
                    name = &a.name.value,
                    list = list,
                    new = new,
                    field = old
                )
            };
            let d = d.hint(hint);
            if exact {
                d
            } else {
                d.hint(msg!("hint-free-text-new"))
            }
        }
        None => d.hint(msg!(
            "hint-free-text-none",
            list = list,
            new = new,
            field = old
        )),
    }
}
