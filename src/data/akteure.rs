//! Checks of the actors (`akteure.yaml`): kinds, municipalities, fields of
//! action, focus groups, languages and web addresses that resolve, and names
//! that are not used twice. Ids are checked with the other records' ids.

use super::validate::{Refs, sprachen, web_address};
use super::{AKTEUR_ARTEN, Data, KREISWEIT, rel};
use crate::diag::{Diagnostic, Diagnostics, suggest};
use crate::msg;
use std::collections::HashMap;

/// The file of the actors, relative to `data/`.
pub const FILE: &str = "akteure.yaml";

/// Runs every check of the actors.
pub fn check(data: &Data, diags: &mut Diagnostics) {
    let file = rel(FILE);
    let refs = Refs::new(data);
    let mut names: HashMap<String, &super::Akteur> = HashMap::new();
    for a in &data.akteure {
        if !AKTEUR_ARTEN.contains(&a.art.value.as_str()) {
            let mut d = Diagnostic::error(&file, msg!("akteur-kind-unknown", kind = &a.art.value))
                .at_opt(a.art.span)
                .label(msg!("label-akteur-kind-unknown"));
            if let Some(s) = suggest(&a.art.value, AKTEUR_ARTEN) {
                d = d.hint(msg!("hint-did-you-mean", name = s));
            }
            diags.push(d.hint(msg!("hint-akteur-kinds", kinds = known_kinds())));
        }
        if a.kommunen.is_empty() {
            diags.push(
                Diagnostic::error(&file, msg!("akteur-no-kommune", id = &a.id.value))
                    .at_opt(a.id.span)
                    .hint(msg!("hint-akteur-kreisweit")),
            );
        }
        for k in &a.kommunen {
            if k.value == KREISWEIT {
                if a.kommunen.len() > 1 {
                    diags.push(
                        Diagnostic::error(&file, msg!("measure-kreisweit-mixed"))
                            .at_opt(k.span)
                            .hint(msg!("hint-akteur-kreisweit-mixed")),
                    );
                }
            } else {
                refs.kommune(diags, &file, k);
            }
        }
        for h in &a.handlungsfelder {
            refs.field(diags, &file, h);
        }
        for z in &a.zielgruppen {
            refs.group(diags, &file, z);
        }
        sprachen(diags, &file, &a.sprachen);
        if let Some(url) = &a.url {
            web_address(diags, &file, url);
        }
        let folded = fold(&a.name);
        if let Some(prev) = names.get(&folded) {
            diags.push(
                Diagnostic::warning(
                    &file,
                    msg!(
                        "akteur-same-name",
                        first = &prev.id.value,
                        second = &a.id.value
                    ),
                )
                .at_opt(a.name.span)
                .hint(msg!("hint-akteur-same-name", name = &a.name.value)),
            );
        } else {
            names.insert(folded, a);
        }
    }
}

/// The kinds as a list for hints: `verwaltung, verein, …`.
fn known_kinds() -> String {
    AKTEUR_ARTEN.join(", ")
}

/// A name compared without regard to case, spacing and the sample's
/// „(Beispiel)“ marker, so `Caritasverband` finds `Caritasverband (Beispiel)`.
pub fn fold(name: &str) -> String {
    let lower = name.to_lowercase();
    let lower = lower.replace("(beispiel)", " ");
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The actor a free-text provider names: the one with the same name
/// ([`fold`]ed), else the one with the most similar name; the flag says
/// whether the name matched exactly.
pub fn by_name<'a>(data: &'a Data, text: &str) -> Option<(&'a super::Akteur, bool)> {
    let wanted = fold(text);
    if let Some(a) = data.akteure.iter().find(|a| fold(&a.name) == wanted) {
        return Some((a, true));
    }
    let folded: Vec<(String, &super::Akteur)> =
        data.akteure.iter().map(|a| (fold(&a.name), a)).collect();
    let best = suggest(&wanted, folded.iter().map(|(n, _)| n.as_str()))?;
    folded
        .iter()
        .find(|(n, _)| n == best)
        .map(|(_, a)| (*a, false))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_fold_case_spacing_and_the_example_marker() {
        assert_eq!(fold("Caritasverband  (Beispiel)"), "caritasverband");
        assert_eq!(
            fold(" Kommunales Integrationszentrum"),
            fold("kommunales integrationszentrum")
        );
        assert_ne!(fold("Diakonie"), fold("Caritas"));
    }
}
