//! The actors as every output shows them: each with its kind, places,
//! fields, languages and contact in words, the offers it provides and the
//! measures it is responsible for or a partner in; who provides an offer or
//! is responsible for a measure, as a link or as the old free text; and the
//! network overview, actors × fields of action per municipality, with its
//! gaps ([`netz`]).

use super::Link;
use super::shape;
use crate::data::{Akteur, Angebot, Data, KREISWEIT, Massnahme};
use crate::strings::Strings;
use serde::Serialize;

/// The site path of an actor's page.
pub fn url(id: &str) -> String {
    super::urls::akteur(id)
}

/// The label of an actor's entry in the PDF's appendix.
pub fn label(id: &str) -> String {
    format!("akteur:{id}")
}

/// A kind of actor (`verwaltung` …) in the interface language.
pub fn art(key: &str, t: &Strings) -> String {
    t.get_or(&format!("akteur.arten.{key}"), key)
}

/// An actor as a link; an unknown id (reported by the findings) keeps the id
/// as its text.
pub fn link(d: &Data, id: &str) -> Link {
    Link {
        id: id.into(),
        titel: d
            .akteur(id)
            .map_or_else(|| id.to_string(), |a| a.name.value.clone()),
        url: url(id),
    }
}

/// Who provides an offer: the actor, else the old free text.
#[derive(Debug, Clone, Serialize)]
pub struct Wer {
    pub akteure: Vec<Link>,
    /// Free text (`traeger:`, `zustaendig:`) when no actor is named.
    pub text: String,
}

impl Wer {
    /// Everything as one line of text, for tables and CSV.
    pub fn plain(&self) -> String {
        if self.akteure.is_empty() {
            self.text.clone()
        } else {
            self.akteure
                .iter()
                .map(|a| a.titel.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        }
    }
}

/// The provider of an offer.
pub fn anbieter(d: &Data, a: &Angebot) -> Wer {
    Wer {
        akteure: a.anbieter.iter().map(|id| link(d, id)).collect(),
        text: a
            .traeger
            .as_ref()
            .map(|t| t.value.clone())
            .unwrap_or_default(),
    }
}

/// Who is responsible for a measure.
pub fn verantwortlich(d: &Data, m: &Massnahme) -> Wer {
    Wer {
        akteure: m.verantwortlich.iter().map(|id| link(d, id)).collect(),
        text: m
            .zustaendig
            .as_ref()
            .map(|t| t.value.clone())
            .unwrap_or_default(),
    }
}

/// The partners of a measure.
pub fn partner(d: &Data, m: &Massnahme) -> Vec<Link> {
    m.partner.iter().map(|id| link(d, id)).collect()
}

/// An actor, shaped for pages, exports and the PDF.
#[derive(Debug, Clone, Serialize)]
pub struct AkteurView {
    pub id: String,
    pub name: String,
    pub url: String,
    /// The kind's key (`id`) and name.
    pub art: Link,
    pub kreisweit: bool,
    /// The municipalities it names (empty when district-wide).
    pub kommunen: Vec<Link>,
    /// Where it works, in words: the municipalities, or „kreisweit“.
    pub wo: String,
    /// The filter keys of the places: every municipality when district-wide.
    pub kommune_keys: Vec<String>,
    pub handlungsfelder: Vec<Link>,
    pub zielgruppen: Vec<Link>,
    pub sprachen: Vec<Link>,
    pub kontakt: crate::data::AkteurKontakt,
    /// The website, when the publication's link policy allows it.
    pub website: Option<String>,
    /// Indexes into the list of all offers ([`super::select::angebot_index`]).
    pub angebote_idx: Vec<usize>,
    /// Indexes into the measures.
    pub verantwortlich_idx: Vec<usize>,
    pub partner_idx: Vec<usize>,
}

/// Every actor, in the data's order.
pub fn views(d: &Data, t: &Strings, policy: &crate::url_policy::Policy) -> Vec<AkteurView> {
    d.akteure.iter().map(|a| view(d, t, policy, a)).collect()
}

fn view(d: &Data, t: &Strings, policy: &crate::url_policy::Policy, a: &Akteur) -> AkteurView {
    let id = a.id.value.as_str();
    let mut angebote_idx = Vec::new();
    let mut n = 0;
    for k in &d.kommunen {
        for o in &k.angebote {
            if o.anbieter.as_ref().is_some_and(|x| x.value == id) {
                angebote_idx.push(n);
            }
            n += 1;
        }
    }
    let measures = |f: fn(&Massnahme) -> &Vec<crate::data::yaml::Sp<String>>| -> Vec<usize> {
        d.massnahmen
            .iter()
            .enumerate()
            .filter(|(_, m)| f(m).iter().any(|x| x.value == id))
            .map(|(i, _)| i)
            .collect()
    };
    let kommunen: Vec<Link> = a
        .kommunen
        .iter()
        .filter(|k| k.value != KREISWEIT)
        .map(|k| kommune_link(d, k))
        .collect();
    let kreisweit = a.is_kreisweit();
    AkteurView {
        id: id.into(),
        name: a.name.value.clone(),
        url: url(id),
        art: Link {
            id: a.art.value.clone(),
            titel: art(&a.art, t),
            url: String::new(),
        },
        kreisweit,
        wo: if kreisweit {
            t.get("massnahme.district_wide")
        } else {
            kommunen
                .iter()
                .map(|k| k.titel.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        },
        kommune_keys: if kreisweit {
            d.kommunen
                .iter()
                .map(|k| k.slug.clone())
                .chain([KREISWEIT.to_string()])
                .collect()
        } else {
            kommunen.iter().map(|k| k.id.clone()).collect()
        },
        kommunen,
        handlungsfelder: a
            .handlungsfelder
            .iter()
            .map(|h| Link {
                id: h.value.clone(),
                titel: d
                    .handlungsfeld(h)
                    .map(|x| x.titel.clone())
                    .unwrap_or_default(),
                url: super::urls::handlungsfeld(h),
            })
            .collect(),
        zielgruppen: a
            .zielgruppen
            .iter()
            .map(|z| Link {
                id: z.value.clone(),
                titel: d.zielgruppe(z).map(|x| x.titel.clone()).unwrap_or_default(),
                url: super::urls::zielgruppe(z),
            })
            .collect(),
        sprachen: a
            .sprachen
            .iter()
            .map(|s| Link {
                id: s.value.clone(),
                titel: shape::sprache(s, t),
                url: String::new(),
            })
            .collect(),
        kontakt: a.kontakt.clone(),
        website: a
            .url
            .as_ref()
            .map(|u| u.value.clone())
            .filter(|u| policy.allows(u)),
        angebote_idx,
        verantwortlich_idx: measures(|m| &m.verantwortlich),
        partner_idx: measures(|m| &m.partner),
    }
}

fn kommune_link(d: &Data, slug: &str) -> Link {
    Link {
        id: slug.into(),
        titel: d.kommune(slug).map(|k| k.name.clone()).unwrap_or_default(),
        url: super::urls::kommune(slug),
    }
}

/// The actors working in a municipality, as indexes into the actors: those
/// of the place first, then the district-wide ones, each by name.
pub fn of_kommune(d: &Data, slug: &str) -> Vec<usize> {
    let mut local: Vec<usize> = Vec::new();
    let mut wide: Vec<usize> = Vec::new();
    for (i, a) in d.akteure.iter().enumerate() {
        if a.is_kreisweit() {
            wide.push(i);
        } else if a.kommunen.iter().any(|k| k.value == slug) {
            local.push(i);
        }
    }
    let by_name = |v: &mut Vec<usize>| {
        v.sort_by(|x, y| crate::text::german_cmp(&d.akteure[*x].name, &d.akteure[*y].name))
    };
    by_name(&mut local);
    by_name(&mut wide);
    local.extend(wide);
    local
}

/// The kinds, fields, focus groups and languages the actors use, as filter
/// options (kinds in the order of [`crate::data::AKTEUR_ARTEN`], languages
/// by name).
#[derive(Debug, Clone, Serialize)]
pub struct Optionen {
    pub arten: Vec<Link>,
    pub sprachen: Vec<Link>,
    /// The directory's groups: one per kind, with its actors by name.
    pub gruppen: Vec<Gruppe>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Gruppe {
    pub art: Link,
    /// Indexes into the actors.
    pub idx: Vec<usize>,
}

pub fn optionen(d: &Data, t: &Strings) -> Optionen {
    let arten: Vec<Link> = crate::data::AKTEUR_ARTEN
        .iter()
        .filter(|k| d.akteure.iter().any(|a| a.art.value == **k))
        .map(|k| Link {
            id: (*k).into(),
            titel: art(k, t),
            url: String::new(),
        })
        .collect();
    let mut codes: Vec<&str> = d
        .akteure
        .iter()
        .flat_map(|a| a.sprachen.iter().map(|s| s.value.as_str()))
        .collect();
    codes.sort();
    codes.dedup();
    let mut sprachen: Vec<Link> = codes
        .into_iter()
        .map(|c| Link {
            id: c.into(),
            titel: shape::sprache(c, t),
            url: String::new(),
        })
        .collect();
    sprachen.sort_by(|a, b| crate::text::german_cmp(&a.titel, &b.titel));
    let gruppen = arten
        .iter()
        .map(|art| {
            let mut idx: Vec<usize> = d
                .akteure
                .iter()
                .enumerate()
                .filter(|(_, a)| a.art.value == art.id)
                .map(|(i, _)| i)
                .collect();
            idx.sort_by(|x, y| crate::text::german_cmp(&d.akteure[*x].name, &d.akteure[*y].name));
            Gruppe {
                art: art.clone(),
                idx,
            }
        })
        .collect();
    Optionen {
        arten,
        sprachen,
        gruppen,
    }
}

/// The network overview: for each municipality, its actors × the fields of
/// action, and per field how many actors of the place and of the district
/// work on it.
#[derive(Debug, Clone, Serialize)]
pub struct Netz {
    /// The columns.
    pub handlungsfelder: Vec<Link>,
    pub kommunen: Vec<NetzKommune>,
    /// The overview as an SVG made at build time (its text alternative is
    /// the table of [`NetzKommune::felder`]).
    pub svg: String,
    /// The municipalities and fields no actor of the place works on, in words.
    pub luecken: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct NetzKommune {
    pub kommune: Link,
    /// One row per actor working there ([`of_kommune`]).
    pub zeilen: Vec<NetzZeile>,
    /// One entry per field of action.
    pub felder: Vec<NetzFeld>,
}

#[derive(Debug, Clone, Serialize)]
pub struct NetzZeile {
    pub akteur: Link,
    pub kreisweit: bool,
    /// Whether the actor works on each field, in the order of the columns.
    pub zellen: Vec<bool>,
}

#[derive(Debug, Clone, Serialize)]
pub struct NetzFeld {
    /// Actors of the place working on the field.
    pub vor_ort: usize,
    /// District-wide actors working on it.
    pub kreisweit: usize,
    /// `voll`, `eins`, `kreis` or `keine` (the symbol in the overview).
    pub stufe: &'static str,
    /// The cell in words: „2 vor Ort, 1 kreisweit“.
    pub text: String,
}

/// The network overview of all municipalities (its `svg` is drawn by
/// `netz_svg` from this table, in `records`).
pub fn netz(d: &Data, t: &Strings) -> Netz {
    let handlungsfelder: Vec<Link> = d
        .handlungsfelder
        .iter()
        .map(|h| Link {
            id: h.id.value.clone(),
            titel: h.titel.clone(),
            url: super::urls::handlungsfeld(&h.id),
        })
        .collect();
    let mut luecken = Vec::new();
    let kommunen: Vec<NetzKommune> = d
        .kommunen
        .iter()
        .map(|k| {
            let zeilen: Vec<NetzZeile> = of_kommune(d, &k.slug)
                .into_iter()
                .map(|i| {
                    let a = &d.akteure[i];
                    NetzZeile {
                        akteur: link(d, &a.id),
                        kreisweit: a.is_kreisweit(),
                        zellen: handlungsfelder
                            .iter()
                            .map(|h| a.handlungsfelder.iter().any(|x| x.value == h.id))
                            .collect(),
                    }
                })
                .collect();
            let felder: Vec<NetzFeld> = (0..handlungsfelder.len())
                .map(|c| {
                    let count = |wide: bool| {
                        zeilen
                            .iter()
                            .filter(|z| z.kreisweit == wide && z.zellen[c])
                            .count()
                    };
                    let (vor_ort, kreisweit) = (count(false), count(true));
                    let stufe = match (vor_ort, kreisweit) {
                        (0, 0) => "keine",
                        (0, _) => "kreis",
                        (1, _) => "eins",
                        _ => "voll",
                    };
                    if vor_ort == 0 {
                        luecken.push(
                            t.get("akteur.network.gap")
                                .replace("{kommune}", &k.name)
                                .replace("{feld}", &handlungsfelder[c].titel),
                        );
                    }
                    NetzFeld {
                        vor_ort,
                        kreisweit,
                        stufe,
                        text: t
                            .get("akteur.network.cell")
                            .replace("{local}", &vor_ort.to_string())
                            .replace("{wide}", &kreisweit.to_string()),
                    }
                })
                .collect();
            NetzKommune {
                kommune: kommune_link(d, &k.slug),
                zeilen,
                felder,
            }
        })
        .collect();
    // The overview's picture is drawn by `netz_svg` (which reads this
    // table) when the records are shaped, so the two files form no cycle.
    Netz {
        handlungsfelder,
        kommunen,
        svg: String::new(),
        luecken,
    }
}
