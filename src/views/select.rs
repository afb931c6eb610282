//! Which records a listing block (`empfehlungen handlungsfeld=…`,
//! `massnahmen status=…`, …) shows, as indexes into the project's data in
//! the data's order. Arguments are compared with ids and keys as editors
//! write them in the sources, never with display text, so a second
//! interface language selects the same records.

use crate::content::markdown::Listing;
use crate::data::{Data, KREISWEIT};

/// `true`/`false` arguments; anything else selects nothing of that kind
/// (the findings report it).
fn flag(v: &str) -> Option<bool> {
    match v {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

/// The recommendations of a listing. A recommendation without target
/// groups is for all of them.
pub fn empfehlungen(d: &Data, l: &Listing) -> Vec<usize> {
    let arg = |k: &str| l.arg(k);
    d.empfehlungen
        .iter()
        .enumerate()
        .filter(|(_, e)| arg("handlungsfeld").is_none_or(|h| e.handlungsfeld.value == h))
        .filter(|(_, e)| {
            arg("zielgruppe").is_none_or(|z| {
                e.zielgruppen.is_empty() || e.zielgruppen.iter().any(|x| x.value == z)
            })
        })
        .filter(|(_, e)| arg("kurzfassung").is_none_or(|v| flag(v) == Some(e.kurzfassung)))
        .filter(|(_, e)| arg("mehrkosten").is_none_or(|v| flag(v) == Some(e.mehrkosten)))
        .map(|(i, _)| i)
        .collect()
}

/// The measures of a listing; `kommune=kreisweit` selects the district-wide ones.
pub fn massnahmen(d: &Data, l: &Listing) -> Vec<usize> {
    let arg = |k: &str| l.arg(k);
    d.massnahmen
        .iter()
        .enumerate()
        .filter(|(_, m)| arg("handlungsfeld").is_none_or(|h| d.handlungsfeld_of(m) == Some(h)))
        .filter(|(_, m)| {
            arg("kommune").is_none_or(|k| {
                m.kommunen.iter().any(|x| x.value == k) || k == KREISWEIT && m.is_kreisweit()
            })
        })
        .filter(|(_, m)| arg("status").is_none_or(|s| m.status.value.key() == s))
        .filter(|(_, m)| arg("empfehlung").is_none_or(|e| m.empfehlung.value == e))
        .map(|(i, _)| i)
        .collect()
}

/// The offers of a listing, as (municipality, offer) indexes.
pub fn angebote(d: &Data, l: &Listing) -> Vec<(usize, usize)> {
    let arg = |k: &str| l.arg(k);
    let mut out = Vec::new();
    for (ki, k) in d.kommunen.iter().enumerate() {
        if arg("kommune").is_some_and(|x| x != k.slug) {
            continue;
        }
        for (ai, a) in k.angebote.iter().enumerate() {
            let zg = arg("zielgruppe").is_none_or(|z| a.zielgruppen.iter().any(|x| x.value == z));
            let sp = arg("sprache").is_none_or(|s| a.sprachen.iter().any(|x| x.value == s));
            if zg && sp {
                out.push((ki, ai));
            }
        }
    }
    out
}

/// The position of an offer in the list of all offers (municipalities in
/// the data's order, each with its offers).
pub fn angebot_index(d: &Data, (k, a): (usize, usize)) -> usize {
    d.kommunen[..k]
        .iter()
        .map(|k| k.angebote.len())
        .sum::<usize>()
        + a
}

/// The (municipality, offer) indexes of the offer at position `i` in the
/// list of all offers; the inverse of [`angebot_index`].
pub fn angebot_at(d: &Data, mut i: usize) -> (usize, usize) {
    for (k, x) in d.kommunen.iter().enumerate() {
        if i < x.angebote.len() {
            return (k, i);
        }
        i -= x.angebote.len();
    }
    (d.kommunen.len(), i)
}

/// The indicators of a listing.
pub fn indikatoren(d: &Data, l: &Listing) -> Vec<usize> {
    indikatoren_of(d, l.arg("handlungsfeld"))
}

/// The indicators of a field of action (all for `None`).
pub fn indikatoren_of(d: &Data, handlungsfeld: Option<&str>) -> Vec<usize> {
    d.indikatoren
        .iter()
        .enumerate()
        .filter(|(_, i)| handlungsfeld.is_none_or(|h| i.handlungsfeld.value == h))
        .map(|(i, _)| i)
        .collect()
}

/// The records of a listing of `call`, as indexes into the list the site's
/// model and the PDFs hold for it; `None` for listings that show all.
pub fn indexes(d: &Data, l: &Listing) -> Option<Vec<usize>> {
    Some(match l.call.as_str() {
        "empfehlungen" => empfehlungen(d, l),
        "massnahmen" => massnahmen(d, l),
        "angebote" => angebote(d, l)
            .into_iter()
            .map(|x| angebot_index(d, x))
            .collect(),
        "indikatoren" => indikatoren(d, l),
        _ => return None,
    })
}
