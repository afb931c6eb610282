//! The site's view of the publication: the records' typed views (from
//! [`crate::views`]) with their Markdown rendered to HTML, and the
//! monitoring, built once per build and shared by all templates (as one
//! minijinja value).

use super::html::{self, Ctx, Labels, RawHtml};
use super::urls::ROOT;
use crate::project::Project;
use crate::strings::Strings;
use crate::views::{self, Records, With};
use serde::Serialize;

pub use crate::views::Link;

/// A record's description as HTML.
#[derive(Serialize)]
pub struct Beschreibung {
    pub beschreibung: String,
}

/// A recommendation's text as HTML.
#[derive(Serialize)]
pub struct Text {
    pub text: String,
}

/// A municipality's profile as HTML.
#[derive(Serialize)]
pub struct Profil {
    pub profil: String,
}

#[derive(Serialize)]
pub struct Model {
    pub handlungsfelder: Vec<With<views::HandlungsfeldView, Beschreibung>>,
    pub zielgruppen: Vec<With<views::ZielgruppeView, Beschreibung>>,
    pub kommunen: Vec<With<views::KommuneView, Profil>>,
    pub empfehlungen: Vec<With<views::EmpfehlungView, Text>>,
    pub massnahmen: Vec<With<views::MassnahmeView, Beschreibung>>,
    pub angebote: Vec<With<views::AngebotView, Beschreibung>>,
    pub akteure: Vec<With<views::akteure::AkteurView, Beschreibung>>,
    /// Kinds and languages of the actors, as filter options, and the
    /// directory's groups.
    pub akteur_optionen: views::akteure::Optionen,
    /// The network overview of the actors.
    pub netz: views::akteure::Netz,
    pub status: Vec<Link>,
    pub ebenen: Vec<Link>,
    pub sprachen: Vec<Link>,
    /// Municipalities (and `kreisweit`) as filter options.
    pub kommune_optionen: Vec<Link>,
    /// Municipalities as filter options of the offers.
    pub angebot_kommunen: Vec<Link>,
    pub einwohner_summe: String,
    pub einwohner_stand: String,
    pub einwohner_quelle: String,
    pub indikatoren: Vec<super::monitoring::IndikatorPage>,
    pub monitoring: super::monitoring::MonitoringView,
}

/// Pairs each view with the HTML of its record's Markdown.
fn with<V, R, X>(views: Vec<V>, records: &[R], html: impl Fn(&R) -> X) -> Vec<With<V, X>> {
    views
        .into_iter()
        .zip(records)
        .map(|(view, r)| With {
            view,
            extra: html(r),
        })
        .collect()
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
        let r = Records::build(p, t);
        let beschreibung = |s: &str| Beschreibung {
            beschreibung: md(s),
        };
        let angebote: Vec<&crate::data::Angebot> =
            d.kommunen.iter().flat_map(|k| &k.angebote).collect();
        let (indikatoren, monitoring) = super::monitoring::build(p, t, &md);
        Model {
            handlungsfelder: with(r.handlungsfelder, &d.handlungsfelder, |h| {
                beschreibung(&h.beschreibung)
            }),
            zielgruppen: with(r.zielgruppen, &d.zielgruppen, |z| {
                beschreibung(&z.beschreibung)
            }),
            kommunen: with(r.kommunen, &d.kommunen, |k| Profil {
                profil: md(&k.profil),
            }),
            empfehlungen: with(r.empfehlungen, &d.empfehlungen, |e| Text {
                text: md(&e.text),
            }),
            massnahmen: with(r.massnahmen, &d.massnahmen, |m| {
                beschreibung(&m.beschreibung)
            }),
            angebote: with(r.angebote, &angebote, |a| beschreibung(&a.beschreibung)),
            akteure: with(r.akteure, &d.akteure, |a| beschreibung(&a.beschreibung)),
            akteur_optionen: r.akteur_optionen,
            netz: r.netz,
            status: r.status,
            ebenen: r.ebenen,
            sprachen: r.sprachen,
            kommune_optionen: r.kommune_optionen,
            angebot_kommunen: r.angebot_kommunen,
            einwohner_summe: r.einwohner.summe,
            einwohner_stand: r.einwohner.stand,
            einwohner_quelle: r.einwohner.quelle,
            indikatoren,
            monitoring,
        }
    }
}
