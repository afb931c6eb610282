//! The typed views of the records: each record with its URL, its relations
//! as [`Link`]s, its period, status and numbers formatted once, built once
//! per build from the loaded project. The site serialises them into its
//! MiniJinja context, the PDFs into their `data.json`; both add only what
//! is theirs (Markdown rendered to HTML or Typst, PDF labels).
//!
//! Texts written in Markdown are not part of a view: each output renders
//! them itself, next to the view, under the field's name (`text`,
//! `beschreibung`, `profil`).

use super::{Link, shape, urls};
use crate::data::{Ebene, KREISWEIT, Kontakt, Status};
use crate::project::Project;
use crate::strings::Strings;
use crate::text::german_date;
use serde::Serialize;
use std::collections::HashMap;

/// Every record kind's views, in the data's order, and the options the
/// listings' filters offer.
#[derive(Serialize)]
pub struct Records {
    pub handlungsfelder: Vec<HandlungsfeldView>,
    pub zielgruppen: Vec<ZielgruppeView>,
    pub kommunen: Vec<KommuneView>,
    pub empfehlungen: Vec<EmpfehlungView>,
    pub massnahmen: Vec<MassnahmeView>,
    /// Every municipality's offers, municipality after municipality.
    pub angebote: Vec<AngebotView>,
    /// Every status, in the order of [`Status::ALL`].
    pub status: Vec<Link>,
    pub ebenen: Vec<Link>,
    /// The languages offers name, in alphabetical order of their names.
    pub sprachen: Vec<Link>,
    /// Municipalities (and `kreisweit`) as filter options.
    pub kommune_optionen: Vec<Link>,
    /// Municipalities as filter options of the offers (which are never
    /// district-wide).
    pub angebot_kommunen: Vec<Link>,
    /// The inhabitants of all municipalities together.
    pub einwohner: Einwohner,
    /// The actors, in the data's order.
    pub akteure: Vec<super::akteure::AkteurView>,
    /// The actors' kinds and languages as filter options, and the
    /// directory's groups.
    pub akteur_optionen: super::akteure::Optionen,
    /// The network overview of the actors.
    pub netz: super::akteure::Netz,
}

/// A field of action (`handlungsfelder.yaml`).
#[derive(Serialize)]
pub struct HandlungsfeldView {
    pub id: String,
    pub nummer: u32,
    pub titel: String,
    pub kuerzel: String,
    pub url: String,
    /// The chapter about this field, if one says so in its front matter.
    pub kapitel: Option<Link>,
    pub n_empfehlungen: usize,
    pub n_massnahmen: usize,
    /// Indexes into [`Records`]' `empfehlungen`, `massnahmen` and the indicators.
    pub empfehlungen_idx: Vec<usize>,
    pub massnahmen_idx: Vec<usize>,
    pub indikatoren_idx: Vec<usize>,
}

/// A focus group (`zielgruppen.yaml`).
#[derive(Serialize)]
pub struct ZielgruppeView {
    pub id: String,
    pub titel: String,
    pub url: String,
    pub n_empfehlungen: usize,
    pub n_angebote: usize,
    pub empfehlungen_idx: Vec<usize>,
    pub angebote_idx: Vec<usize>,
}

/// A town or municipality (`kommunen/<slug>.yaml`).
#[derive(Serialize)]
pub struct KommuneView {
    pub slug: String,
    pub name: String,
    /// `Stadt` or `Gemeinde`, in the interface language.
    pub art: String,
    /// Inhabitants for people: `12.345`.
    pub einwohner: String,
    pub einwohner_zahl: u64,
    /// The date of the inhabitants' count: `31.12.2023`.
    pub stand: String,
    pub quelle: String,
    pub kontakt: Kontakt,
    pub url: String,
    pub n_massnahmen: usize,
    pub n_angebote: usize,
    pub massnahmen_idx: Vec<usize>,
    pub angebote_idx: Vec<usize>,
    /// Indexes into the actors: those of the place, then the district-wide ones.
    pub akteure_idx: Vec<usize>,
}

/// An offer of a municipality.
#[derive(Serialize)]
pub struct AngebotView {
    pub titel: String,
    /// The provider's name (the actor's, else the free text).
    pub traeger: String,
    /// The providing actor, linked.
    pub anbieter: Vec<Link>,
    pub kommune: Link,
    pub zielgruppen: Vec<Link>,
    pub sprachen: Vec<Link>,
    pub kontakt: Option<String>,
    /// The offer's web address, when the project's link policy allows it.
    pub url: Option<String>,
    /// `<slug>-<n>`, the offer's anchor on the site.
    pub anker: String,
}

/// A recommendation (`empfehlungen.yaml`).
#[derive(Serialize)]
pub struct EmpfehlungView {
    pub id: String,
    pub titel: String,
    pub handlungsfeld: Link,
    /// Empty: for all focus groups.
    pub zielgruppen: Vec<Link>,
    pub ebene: Link,
    pub mehrkosten: bool,
    pub kurzfassung: bool,
    pub url: String,
    /// The ids of its measures, in the data's order.
    pub massnahmen: Vec<String>,
    pub massnahmen_idx: Vec<usize>,
    /// The slugs of the municipalities its measures name, sorted.
    pub kommunen: Vec<String>,
}

/// A measure (`massnahmen.yaml`).
#[derive(Serialize)]
pub struct MassnahmeView {
    pub id: String,
    pub titel: String,
    pub empfehlung: Link,
    pub handlungsfeld: Link,
    pub zielgruppen: Vec<Link>,
    /// The key of its recommendation's level.
    pub ebene: String,
    /// The municipalities it names, without `kreisweit`.
    pub kommunen: Vec<Link>,
    pub kreisweit: bool,
    /// What the municipality filter compares: `kreisweit` or the slugs.
    pub kommune_keys: Vec<String>,
    /// Where it happens, for people: „kreisweit“ or the municipalities' names.
    pub wo: String,
    /// Who is responsible, as one line of text.
    pub zustaendig: String,
    /// The responsible actors and the partners, linked.
    pub verantwortlich: Vec<Link>,
    pub partner: Vec<Link>,
    /// `01.2025 – 12.2026`, or `seit 01.2025`.
    pub zeitraum: String,
    /// `id`: the status key, `titel`: its name in the interface language.
    pub status: Link,
    /// Earlier statuses: (date, status).
    pub verlauf: Vec<(String, Link)>,
    pub url: String,
}

/// The inhabitants of all municipalities, with the first one's date and source.
#[derive(Serialize)]
pub struct Einwohner {
    pub summe: String,
    pub stand: String,
    pub quelle: String,
}

/// A status as a link without a page: its key and its name.
pub fn status_link(s: Status, t: &Strings) -> Link {
    Link {
        id: s.slug().into(),
        titel: shape::status(s, t),
        url: String::new(),
    }
}

/// A level of responsibility as a link without a page.
pub fn ebene_link(e: Ebene, t: &Strings) -> Link {
    Link {
        id: e.key().into(),
        titel: shape::ebene(e, t),
        url: String::new(),
    }
}

/// A field of action's link; an unknown id keeps an empty title (the
/// findings report it).
pub fn handlungsfeld_link(p: &Project, id: &str) -> Link {
    Link {
        id: id.into(),
        titel: p
            .data
            .handlungsfeld(id)
            .map(|h| h.titel.clone())
            .unwrap_or_default(),
        url: urls::handlungsfeld(id),
    }
}

impl Records {
    /// Shapes every record of the project once.
    pub fn build(p: &Project, t: &Strings) -> Records {
        let d = &p.data;
        let hf_link = |id: &str| handlungsfeld_link(p, id);
        let zg_link = |id: &str| Link {
            id: id.into(),
            titel: d
                .zielgruppe(id)
                .map(|z| z.titel.clone())
                .unwrap_or_default(),
            url: urls::zielgruppe(id),
        };
        let k_link = |slug: &str| Link {
            id: slug.into(),
            titel: d.kommune(slug).map(|k| k.name.clone()).unwrap_or_default(),
            url: urls::kommune(slug),
        };
        let sprache_link = |code: &str| Link {
            id: code.into(),
            titel: shape::sprache(code, t),
            url: String::new(),
        };

        let mut m_by_e: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut m_by_k: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut m_by_h: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, m) in d.massnahmen.iter().enumerate() {
            m_by_e
                .entry(m.empfehlung.value.as_str())
                .or_default()
                .push(i);
            for k in &m.kommunen {
                m_by_k.entry(k.value.as_str()).or_default().push(i);
            }
            if let Some(h) = d.handlungsfeld_of(m) {
                m_by_h.entry(h).or_default().push(i);
            }
        }
        let mut e_by_h: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, e) in d.empfehlungen.iter().enumerate() {
            e_by_h
                .entry(e.handlungsfeld.value.as_str())
                .or_default()
                .push(i);
        }
        let idx = |m: &HashMap<&str, Vec<usize>>, k: &str| m.get(k).cloned().unwrap_or_default();

        let handlungsfelder = d
            .handlungsfelder
            .iter()
            .map(|h| {
                let empfehlungen_idx = idx(&e_by_h, &h.id.value);
                let massnahmen_idx = idx(&m_by_h, &h.id.value);
                HandlungsfeldView {
                    id: h.id.value.clone(),
                    nummer: h.nummer,
                    titel: h.titel.clone(),
                    kuerzel: h.kuerzel.clone(),
                    url: urls::handlungsfeld(&h.id),
                    kapitel: p
                        .book
                        .chapters
                        .iter()
                        .find(|c| {
                            c.handlungsfeld
                                .as_ref()
                                .is_some_and(|x| x.value == h.id.value)
                        })
                        .map(|c| Link {
                            id: c.slug.clone(),
                            titel: c.title.clone(),
                            url: urls::chapter(&c.slug, c.kind),
                        }),
                    n_empfehlungen: empfehlungen_idx.len(),
                    n_massnahmen: massnahmen_idx.len(),
                    empfehlungen_idx,
                    massnahmen_idx,
                    indikatoren_idx: super::select::indikatoren_of(d, Some(&h.id.value)),
                }
            })
            .collect();

        let policy = p.config.url_policy();
        let angebote: Vec<AngebotView> = d
            .kommunen
            .iter()
            .flat_map(|k| {
                k.angebote.iter().enumerate().map(|(i, a)| AngebotView {
                    titel: a.titel.value.clone(),
                    traeger: super::akteure::anbieter(d, a).plain(),
                    anbieter: super::akteure::anbieter(d, a).akteure,
                    kommune: k_link(&k.slug),
                    zielgruppen: a.zielgruppen.iter().map(|z| zg_link(z)).collect(),
                    sprachen: a.sprachen.iter().map(|s| sprache_link(s)).collect(),
                    kontakt: a.kontakt.clone(),
                    url: a
                        .url
                        .as_ref()
                        .map(|u| u.value.clone())
                        .filter(|u| policy.allows(u)),
                    anker: format!("{}-{}", k.slug, i + 1),
                })
            })
            .collect();

        let zielgruppen = d
            .zielgruppen
            .iter()
            .map(|z| {
                let empfehlungen_idx: Vec<usize> = d
                    .empfehlungen
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| {
                        e.zielgruppen.is_empty()
                            || e.zielgruppen.iter().any(|x| x.value == z.id.value)
                    })
                    .map(|(i, _)| i)
                    .collect();
                let angebote_idx: Vec<usize> = angebote
                    .iter()
                    .enumerate()
                    .filter(|(_, a)| a.zielgruppen.iter().any(|x| x.id == z.id.value))
                    .map(|(i, _)| i)
                    .collect();
                ZielgruppeView {
                    id: z.id.value.clone(),
                    titel: z.titel.clone(),
                    url: urls::zielgruppe(&z.id),
                    n_empfehlungen: empfehlungen_idx.len(),
                    n_angebote: angebote_idx.len(),
                    empfehlungen_idx,
                    angebote_idx,
                }
            })
            .collect();

        let mut angebot_start = 0;
        let kommunen = d
            .kommunen
            .iter()
            .map(|k| {
                let angebote_idx: Vec<usize> =
                    (angebot_start..angebot_start + k.angebote.len()).collect();
                angebot_start += k.angebote.len();
                let massnahmen_idx = idx(&m_by_k, &k.slug);
                KommuneView {
                    slug: k.slug.clone(),
                    name: k.name.clone(),
                    art: shape::art(k, t),
                    einwohner: shape::einwohner(k.einwohner.anzahl),
                    einwohner_zahl: k.einwohner.anzahl,
                    stand: german_date(&k.einwohner.stand),
                    quelle: k.einwohner.quelle.clone(),
                    kontakt: k.kontakt.clone(),
                    url: urls::kommune(&k.slug),
                    n_massnahmen: massnahmen_idx.len(),
                    n_angebote: k.angebote.len(),
                    massnahmen_idx,
                    angebote_idx,
                    akteure_idx: super::akteure::of_kommune(d, &k.slug),
                }
            })
            .collect();

        let empfehlungen = d
            .empfehlungen
            .iter()
            .map(|e| {
                let massnahmen_idx = idx(&m_by_e, &e.id.value);
                let mut kommunen: Vec<String> = massnahmen_idx
                    .iter()
                    .flat_map(|i| d.massnahmen[*i].kommunen.iter().map(|k| k.value.clone()))
                    .collect();
                kommunen.sort();
                kommunen.dedup();
                EmpfehlungView {
                    id: e.id.value.clone(),
                    titel: e.titel.clone(),
                    handlungsfeld: hf_link(&e.handlungsfeld),
                    zielgruppen: e.zielgruppen.iter().map(|z| zg_link(z)).collect(),
                    ebene: ebene_link(e.ebene, t),
                    mehrkosten: e.mehrkosten,
                    kurzfassung: e.kurzfassung,
                    url: urls::empfehlung(&e.id),
                    massnahmen: massnahmen_idx
                        .iter()
                        .map(|i| d.massnahmen[*i].id.value.clone())
                        .collect(),
                    massnahmen_idx,
                    kommunen,
                }
            })
            .collect();

        let massnahmen = d
            .massnahmen
            .iter()
            .map(|m| {
                let e = d.empfehlung(&m.empfehlung);
                let kommunen: Vec<Link> = m
                    .kommunen
                    .iter()
                    .filter(|k| k.value != KREISWEIT)
                    .map(|k| k_link(k))
                    .collect();
                let wo = if m.is_kreisweit() {
                    t.get("massnahme.district_wide")
                } else {
                    let names: Vec<&str> = kommunen.iter().map(|k| k.titel.as_str()).collect();
                    names.join(", ")
                };
                MassnahmeView {
                    id: m.id.value.clone(),
                    titel: m.titel.clone(),
                    empfehlung: Link {
                        id: m.empfehlung.value.clone(),
                        titel: e.map(|e| e.titel.clone()).unwrap_or_default(),
                        url: urls::empfehlung(&m.empfehlung),
                    },
                    handlungsfeld: hf_link(e.map(|e| e.handlungsfeld.value.as_str()).unwrap_or("")),
                    zielgruppen: e
                        .map(|e| e.zielgruppen.iter().map(|z| zg_link(z)).collect())
                        .unwrap_or_default(),
                    ebene: e.map(|e| e.ebene.key().to_string()).unwrap_or_default(),
                    kreisweit: m.is_kreisweit(),
                    kommune_keys: if m.is_kreisweit() {
                        vec![KREISWEIT.to_string()]
                    } else {
                        kommunen.iter().map(|k| k.id.clone()).collect()
                    },
                    kommunen,
                    wo,
                    zustaendig: super::akteure::verantwortlich(d, m).plain(),
                    verantwortlich: super::akteure::verantwortlich(d, m).akteure,
                    partner: super::akteure::partner(d, m),
                    zeitraum: shape::zeitraum(m, t),
                    status: status_link(m.status.value, t),
                    verlauf: m
                        .verlauf
                        .iter()
                        .map(|v| (german_date(&v.datum), status_link(v.status, t)))
                        .collect(),
                    url: urls::massnahme(&m.id),
                }
            })
            .collect();

        let mut codes: Vec<&str> = d
            .kommunen
            .iter()
            .flat_map(|k| {
                k.angebote
                    .iter()
                    .flat_map(|a| a.sprachen.iter().map(|s| s.value.as_str()))
            })
            .collect();
        codes.sort();
        codes.dedup();
        let mut sprachen: Vec<Link> = codes.into_iter().map(sprache_link).collect();
        sprachen.sort_by(|a, b| crate::text::german_cmp(&a.titel, &b.titel));

        let first = d.kommunen.first();
        let angebot_kommunen: Vec<Link> = d.kommunen.iter().map(|k| k_link(&k.slug)).collect();
        Records {
            akteure: super::akteure::views(d, t, &policy),
            akteur_optionen: super::akteure::optionen(d, t),
            netz: {
                let mut n = super::akteure::netz(d, t);
                n.svg = super::netz_svg::render(&n, t);
                n
            },
            handlungsfelder,
            zielgruppen,
            kommunen,
            empfehlungen,
            massnahmen,
            angebote,
            status: Status::ALL.iter().map(|s| status_link(*s, t)).collect(),
            ebenen: Ebene::ALL.iter().map(|e| ebene_link(*e, t)).collect(),
            sprachen,
            kommune_optionen: (angebot_kommunen.iter().cloned())
                .chain([Link {
                    id: KREISWEIT.into(),
                    titel: t.get("massnahme.district_wide"),
                    url: String::new(),
                }])
                .collect(),
            angebot_kommunen,
            einwohner: Einwohner {
                summe: shape::einwohner_summe(&d.kommunen),
                stand: first
                    .map(|k| german_date(&k.einwohner.stand))
                    .unwrap_or_default(),
                quelle: first
                    .map(|k| k.einwohner.quelle.clone())
                    .unwrap_or_default(),
            },
        }
    }
}
