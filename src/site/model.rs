//! The site's view of the publication: every record with its URL, resolved
//! relations, counts and Markdown rendered to HTML, built once and shared by
//! all templates (as one minijinja value).

use super::html::{self, Ctx, Labels, RawHtml};
use super::urls::{self, ROOT};
use crate::data::{KREISWEIT, Status};
use crate::project::Project;
use crate::strings::Strings;
use crate::text::german_date;
use crate::views::shape;
use serde::Serialize;

pub use crate::views::Link;

#[derive(Serialize)]
pub struct Model {
    pub handlungsfelder: Vec<HfView>,
    pub zielgruppen: Vec<ZgView>,
    pub kommunen: Vec<KommuneView>,
    pub empfehlungen: Vec<EmpfehlungView>,
    pub massnahmen: Vec<MassnahmeView>,
    pub angebote: Vec<AngebotView>,
    pub status: Vec<Link>,
    pub ebenen: Vec<Link>,
    pub sprachen: Vec<Link>,
    /// Municipalities (and `kreisweit`) as filter options.
    pub kommune_optionen: Vec<Link>,
    pub einwohner_summe: String,
    pub einwohner_stand: String,
    pub einwohner_quelle: String,
    pub indikatoren: Vec<super::monitoring::IndikatorView>,
    pub monitoring: super::monitoring::MonitoringView,
}

#[derive(Serialize)]
pub struct HfView {
    pub id: String,
    pub nummer: u32,
    pub titel: String,
    pub kuerzel: String,
    pub beschreibung: String,
    pub url: String,
    pub kapitel: Option<Link>,
    pub n_empfehlungen: usize,
    pub n_massnahmen: usize,
    /// Indexes into the model's `empfehlungen`, `massnahmen` and `indikatoren`.
    pub empfehlungen_idx: Vec<usize>,
    pub massnahmen_idx: Vec<usize>,
    pub indikatoren_idx: Vec<usize>,
}

#[derive(Serialize)]
pub struct ZgView {
    pub id: String,
    pub titel: String,
    pub beschreibung: String,
    pub url: String,
    pub n_empfehlungen: usize,
    pub n_angebote: usize,
    pub empfehlungen_idx: Vec<usize>,
    pub angebote_idx: Vec<usize>,
}

#[derive(Serialize)]
pub struct KommuneView {
    pub slug: String,
    pub name: String,
    pub art: String,
    pub einwohner: String,
    pub einwohner_zahl: u64,
    pub stand: String,
    pub quelle: String,
    pub kontakt: crate::data::Kontakt,
    pub profil: String,
    pub url: String,
    pub n_massnahmen: usize,
    pub n_angebote: usize,
    pub massnahmen_idx: Vec<usize>,
    pub angebote_idx: Vec<usize>,
}

#[derive(Serialize)]
pub struct AngebotView {
    pub titel: String,
    pub traeger: String,
    pub kommune: Link,
    pub zielgruppen: Vec<Link>,
    pub sprachen: Vec<Link>,
    pub kontakt: Option<String>,
    pub url: Option<String>,
    pub beschreibung: String,
    pub anker: String,
    /// The offer's own page, `angebote/guetersloh-1/`.
    pub seite: String,
    /// Address, hours, cost, phone, e-mail, step-free access.
    pub details: crate::views::angebot::Details,
    /// The schema.org description, as the text of a JSON-LD script.
    pub json_ld: String,
}

#[derive(Serialize)]
pub struct EmpfehlungView {
    pub id: String,
    pub titel: String,
    pub text: String,
    pub handlungsfeld: Link,
    pub zielgruppen: Vec<Link>,
    pub ebene: Link,
    pub mehrkosten: bool,
    pub kurzfassung: bool,
    pub url: String,
    pub massnahmen: Vec<String>,
    pub massnahmen_idx: Vec<usize>,
    pub kommunen: Vec<String>,
}

#[derive(Serialize)]
pub struct MassnahmeView {
    pub id: String,
    pub titel: String,
    pub beschreibung: String,
    pub empfehlung: Link,
    pub handlungsfeld: Link,
    pub zielgruppen: Vec<Link>,
    pub ebene: String,
    pub kommunen: Vec<Link>,
    pub kreisweit: bool,
    pub zustaendig: String,
    pub zeitraum: String,
    pub status: Link,
    /// (date for people, status, the date as written: `<time datetime>`).
    pub verlauf: Vec<(String, Link, String)>,
    pub url: String,
}

fn status_link(s: Status, t: &Strings) -> Link {
    Link {
        id: s.slug().into(),
        titel: shape::status(s, t),
        url: String::new(),
    }
}

impl Model {
    pub fn build(p: &Project, t: &Strings) -> Model {
        let d = &p.data;
        let labels = Labels::new(t);
        let no_listing = |_: &crate::content::markdown::Listing| String::new();
        let root = ROOT.to_string();
        let md = |src: &str| -> String {
            if src.trim().is_empty() {
                return String::new();
            }
            let ctx = Ctx {
                project: p,
                root: &root,
                dir: None,
                raw: RawHtml::Escape,
                labels: &labels,
                listing: &no_listing,
            };
            html::render(src, &[], &ctx)
        };
        let hf_link = |id: &str| Link {
            id: id.into(),
            titel: d
                .handlungsfeld(id)
                .map(|h| h.titel.clone())
                .unwrap_or_default(),
            url: urls::handlungsfeld(id),
        };
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
        let ebene_link = |e: crate::data::Ebene| Link {
            id: e.key().into(),
            titel: shape::ebene(e, t),
            url: String::new(),
        };
        let sprache_link = |code: &str| Link {
            id: code.into(),
            titel: shape::sprache(code, t),
            url: String::new(),
        };

        use std::collections::HashMap;
        let mut m_by_e: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut m_by_k: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut m_by_h: HashMap<&str, Vec<usize>> = HashMap::new();
        let e_index: HashMap<&str, usize> = d
            .empfehlungen
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.value.as_str(), i))
            .collect();
        for (i, m) in d.massnahmen.iter().enumerate() {
            m_by_e
                .entry(m.empfehlung.value.as_str())
                .or_default()
                .push(i);
            for k in &m.kommunen {
                m_by_k.entry(k.value.as_str()).or_default().push(i);
            }
            if let Some(e) = e_index.get(m.empfehlung.value.as_str()) {
                m_by_h
                    .entry(d.empfehlungen[*e].handlungsfeld.value.as_str())
                    .or_default()
                    .push(i);
            }
        }
        let mut e_by_h: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, e) in d.empfehlungen.iter().enumerate() {
            e_by_h
                .entry(e.handlungsfeld.value.as_str())
                .or_default()
                .push(i);
        }
        let handlungsfelder = d
            .handlungsfelder
            .iter()
            .map(|h| {
                let empfehlungen_idx = e_by_h.get(h.id.value.as_str()).cloned().unwrap_or_default();
                let massnahmen_idx = m_by_h.get(h.id.value.as_str()).cloned().unwrap_or_default();
                HfView {
                    id: h.id.value.clone(),
                    nummer: h.nummer,
                    titel: h.titel.clone(),
                    kuerzel: h.kuerzel.clone(),
                    beschreibung: md(&h.beschreibung),
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
                    indikatoren_idx: crate::views::select::indikatoren_of(d, Some(&h.id.value)),
                }
            })
            .collect();
        let angebote: Vec<AngebotView> = d
            .kommunen
            .iter()
            .flat_map(|k| {
                k.angebote.iter().enumerate().map(|(i, a)| {
                    let details = crate::views::angebot::details(a, t);
                    let url = a
                        .url
                        .as_ref()
                        .map(|u| u.value.clone())
                        .filter(|u| p.config.url_policy().allows(u));
                    let sprachen: Vec<String> =
                        a.sprachen.iter().map(|s| s.value.clone()).collect();
                    let ld =
                        crate::views::angebot::json_ld(a, k, &details, url.as_deref(), &sprachen);
                    AngebotView {
                        titel: a.titel.value.clone(),
                        traeger: a.traeger.clone(),
                        kommune: k_link(&k.slug),
                        zielgruppen: a.zielgruppen.iter().map(|z| zg_link(z)).collect(),
                        sprachen: a.sprachen.iter().map(|s| sprache_link(s)).collect(),
                        kontakt: a.kontakt.clone(),
                        url: a
                            .url
                            .as_ref()
                            .map(|u| u.value.clone())
                            .filter(|u| p.config.url_policy().allows(u)),
                        beschreibung: md(&a.beschreibung),
                        anker: format!("{}-{}", k.slug, i + 1),
                        seite: urls::angebot(&k.slug, i),
                        details,
                        json_ld: crate::views::angebot::script_text(&ld),
                    }
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
                ZgView {
                    id: z.id.value.clone(),
                    titel: z.titel.clone(),
                    beschreibung: md(&z.beschreibung),
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
                let massnahmen_idx = m_by_k.get(k.slug.as_str()).cloned().unwrap_or_default();
                KommuneView {
                    slug: k.slug.clone(),
                    name: k.name.clone(),
                    art: shape::art(k, t),
                    einwohner: shape::einwohner(k.einwohner.anzahl),
                    einwohner_zahl: k.einwohner.anzahl,
                    stand: german_date(&k.einwohner.stand),
                    quelle: k.einwohner.quelle.clone(),
                    kontakt: k.kontakt.clone(),
                    profil: md(&k.profil),
                    url: urls::kommune(&k.slug),
                    n_massnahmen: massnahmen_idx.len(),
                    n_angebote: k.angebote.len(),
                    massnahmen_idx,
                    angebote_idx,
                }
            })
            .collect();
        let empfehlungen = d
            .empfehlungen
            .iter()
            .map(|e| {
                let massnahmen_idx = m_by_e.get(e.id.value.as_str()).cloned().unwrap_or_default();
                let ms: Vec<&crate::data::Massnahme> =
                    massnahmen_idx.iter().map(|i| &d.massnahmen[*i]).collect();
                let mut kommunen: Vec<String> = ms
                    .iter()
                    .flat_map(|m| m.kommunen.iter().map(|k| k.value.clone()))
                    .collect();
                kommunen.sort();
                kommunen.dedup();
                EmpfehlungView {
                    id: e.id.value.clone(),
                    titel: e.titel.clone(),
                    text: md(&e.text),
                    handlungsfeld: hf_link(&e.handlungsfeld),
                    zielgruppen: e.zielgruppen.iter().map(|z| zg_link(z)).collect(),
                    ebene: ebene_link(e.ebene),
                    mehrkosten: e.mehrkosten,
                    kurzfassung: e.kurzfassung,
                    url: urls::empfehlung(&e.id),
                    massnahmen: ms.iter().map(|m| m.id.value.clone()).collect(),
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
                let zeitraum = shape::zeitraum(m, t);
                MassnahmeView {
                    id: m.id.value.clone(),
                    titel: m.titel.clone(),
                    beschreibung: md(&m.beschreibung),
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
                    kommunen: m
                        .kommunen
                        .iter()
                        .filter(|k| k.value != KREISWEIT)
                        .map(|k| k_link(k))
                        .collect(),
                    zustaendig: m.zustaendig.clone(),
                    zeitraum,
                    status: status_link(m.status.value, t),
                    verlauf: m
                        .verlauf
                        .iter()
                        .map(|v| {
                            (
                                german_date(&v.datum),
                                status_link(v.status, t),
                                v.datum.value.clone(),
                            )
                        })
                        .collect(),
                    url: urls::massnahme(&m.id),
                }
            })
            .collect();
        let mut sprachen: Vec<String> = d
            .kommunen
            .iter()
            .flat_map(|k| {
                k.angebote
                    .iter()
                    .flat_map(|a| a.sprachen.iter().map(|s| s.value.clone()))
            })
            .collect();
        sprachen.sort();
        sprachen.dedup();
        let mut sprachen: Vec<Link> = sprachen.iter().map(|s| sprache_link(s)).collect();
        sprachen.sort_by(|a, b| crate::text::german_cmp(&a.titel, &b.titel));
        let first = d.kommunen.first();
        let (indikatoren, monitoring) = super::monitoring::build(p, t, &md);
        Model {
            handlungsfelder,
            zielgruppen,
            kommunen,
            empfehlungen,
            massnahmen,
            angebote,
            status: Status::ALL.iter().map(|s| status_link(*s, t)).collect(),
            ebenen: crate::data::Ebene::ALL
                .iter()
                .map(|e| ebene_link(*e))
                .collect(),
            sprachen,
            kommune_optionen: d
                .kommunen
                .iter()
                .map(|k| k_link(&k.slug))
                .chain([Link {
                    id: KREISWEIT.into(),
                    titel: t.get("massnahme.district_wide"),
                    url: String::new(),
                }])
                .collect(),
            einwohner_summe: shape::einwohner_summe(&d.kommunen),
            einwohner_stand: first
                .map(|k| german_date(&k.einwohner.stand))
                .unwrap_or_default(),
            einwohner_quelle: first
                .map(|k| k.einwohner.quelle.clone())
                .unwrap_or_default(),
            indikatoren,
            monitoring,
        }
    }
}
