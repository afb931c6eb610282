//! The typed records editors keep in `data/`; field names as written in YAML.

use super::yaml::Sp;
use serde::{Deserialize, Serialize};

/// One of the six fields of action (`handlungsfelder.yaml`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Handlungsfeld {
    pub id: Sp<String>,
    pub nummer: u32,
    pub titel: String,
    /// Prefix of the ids of this field's recommendations, e.g. `SB`.
    pub kuerzel: String,
    #[serde(default)]
    pub beschreibung: String,
}

/// A focus group (`zielgruppen.yaml`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Zielgruppe {
    pub id: Sp<String>,
    pub titel: String,
    #[serde(default)]
    pub beschreibung: String,
}

/// A town or municipality (`kommunen/<slug>.yaml`); the slug is the file name.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Kommune {
    #[serde(skip_deserializing)]
    pub slug: String,
    pub name: String,
    pub art: Art,
    pub einwohner: Einwohner,
    pub kontakt: Kontakt,
    #[serde(default)]
    pub profil: String,
    #[serde(default)]
    pub angebote: Vec<Angebot>,
    /// Where `angebote:` (else `name:`) is written in the file, for findings
    /// about the list as a whole.
    #[serde(skip)]
    pub angebote_at: Option<crate::diag::Span>,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
pub enum Art {
    Stadt,
    Gemeinde,
}

/// Inhabitants with the date and source of the number.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Einwohner {
    pub anzahl: u64,
    pub stand: Sp<String>,
    pub quelle: String,
}

/// The integration contact, as a role and an office (never a person's name).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Kontakt {
    pub rolle: String,
    pub stelle: String,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub telefon: Option<String>,
}

/// An offer (Angebot) in a municipality.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Angebot {
    pub titel: Sp<String>,
    /// The id of the actor providing the offer (`akteure.yaml`).
    #[serde(default)]
    pub anbieter: Option<Sp<String>>,
    /// The provider as free text; accepted for a transition, with a
    /// warning that points to `anbieter`.
    #[serde(default)]
    pub traeger: Option<Sp<String>>,
    #[serde(default)]
    pub zielgruppen: Vec<Sp<String>>,
    #[serde(default)]
    pub sprachen: Vec<Sp<String>>,
    #[serde(default)]
    pub kontakt: Option<String>,
    #[serde(default)]
    pub url: Option<Sp<String>>,
    #[serde(default)]
    pub beschreibung: String,
}

/// On which level a recommendation is to be implemented.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Ebene {
    Kreis,
    Kommunen,
    Beide,
}

impl Ebene {
    pub const ALL: [Ebene; 3] = [Ebene::Kreis, Ebene::Kommunen, Ebene::Beide];
    pub fn key(self) -> &'static str {
        match self {
            Ebene::Kreis => "kreis",
            Ebene::Kommunen => "kommunen",
            Ebene::Beide => "beide",
        }
    }
}

/// A recommendation (`empfehlungen.yaml`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Empfehlung {
    pub id: Sp<String>,
    pub handlungsfeld: Sp<String>,
    pub titel: String,
    pub text: String,
    #[serde(default)]
    pub zielgruppen: Vec<Sp<String>>,
    pub ebene: Ebene,
    /// Needs additional money, hence a separate political decision.
    #[serde(default)]
    pub mehrkosten: bool,
    /// Belongs in the short version.
    #[serde(default)]
    pub kurzfassung: bool,
}

/// Where a measure stands.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    #[serde(rename = "geplant")]
    Geplant,
    #[serde(rename = "laufend")]
    Laufend,
    #[serde(rename = "umgesetzt")]
    Umgesetzt,
    #[serde(rename = "zurückgestellt")]
    Zurueckgestellt,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Geplant,
        Status::Laufend,
        Status::Umgesetzt,
        Status::Zurueckgestellt,
    ];
    /// The value as written in YAML, also used in URLs' query strings.
    pub fn key(self) -> &'static str {
        match self {
            Status::Geplant => "geplant",
            Status::Laufend => "laufend",
            Status::Umgesetzt => "umgesetzt",
            Status::Zurueckgestellt => "zurückgestellt",
        }
    }
    /// An ASCII key for CSS classes and file names.
    pub fn slug(self) -> &'static str {
        match self {
            Status::Zurueckgestellt => "zurueckgestellt",
            s => s.key(),
        }
    }
}

/// A period as year-month strings, `bis` open.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Zeitraum {
    pub von: Sp<String>,
    #[serde(default)]
    pub bis: Option<Sp<String>>,
}

/// One entry of a measure's status history.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Verlauf {
    pub datum: Sp<String>,
    pub status: Status,
}

/// A measure (`massnahmen.yaml`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Massnahme {
    pub id: Sp<String>,
    pub titel: String,
    pub empfehlung: Sp<String>,
    /// Municipality slugs, or `[kreisweit]`.
    pub kommunen: Vec<Sp<String>>,
    /// The ids of the responsible actors (`akteure.yaml`).
    #[serde(default)]
    pub verantwortlich: Vec<Sp<String>>,
    /// The ids of partner actors.
    #[serde(default)]
    pub partner: Vec<Sp<String>>,
    /// Who is responsible, as free text; accepted for a transition, with a
    /// warning that points to `verantwortlich`.
    #[serde(default)]
    pub zustaendig: Option<Sp<String>>,
    pub zeitraum: Zeitraum,
    pub status: Sp<Status>,
    #[serde(default)]
    pub beschreibung: String,
    #[serde(default)]
    pub verlauf: Vec<Verlauf>,
}

/// The word editors write for a district-wide measure.
pub const KREISWEIT: &str = "kreisweit";

impl Massnahme {
    pub fn is_kreisweit(&self) -> bool {
        self.kommunen.iter().any(|k| k.value == KREISWEIT)
    }
}

/// Which direction of an indicator counts as progress.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Richtung {
    Steigend,
    Fallend,
}

/// A monitoring indicator (`indikatoren.yaml`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Indikator {
    pub id: Sp<String>,
    pub titel: String,
    pub einheit: String,
    pub handlungsfeld: Sp<String>,
    pub richtung: Richtung,
    pub quelle: String,
    #[serde(default)]
    pub beschreibung: String,
    /// Shown on the short version's dashboard.
    #[serde(default)]
    pub kennzahl: bool,
    /// Municipalities drawn beside the district in the chart; when empty,
    /// those with the highest and the lowest latest value.
    #[serde(default)]
    pub vergleich: Vec<Sp<String>>,
}

/// The kinds of actors, as written in `art:`; their names are in the
/// interface strings (`akteur.arten.<key>`).
pub const AKTEUR_ARTEN: [&str; 9] = [
    "verwaltung",
    "wohlfahrtsverband",
    "verein",
    "migrantenorganisation",
    "bildungstraeger",
    "beratungsstelle",
    "arbeitsverwaltung",
    "kirche",
    "sonstige",
];

/// An actor (Akteur) of the integration work: an office, association,
/// initiative, education provider … (`akteure.yaml`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Akteur {
    pub id: Sp<String>,
    pub name: Sp<String>,
    /// One of [`AKTEUR_ARTEN`].
    pub art: Sp<String>,
    /// Municipality slugs, or `[kreisweit]`.
    pub kommunen: Vec<Sp<String>>,
    #[serde(default)]
    pub handlungsfelder: Vec<Sp<String>>,
    /// Empty: open to every focus group.
    #[serde(default)]
    pub zielgruppen: Vec<Sp<String>>,
    #[serde(default)]
    pub sprachen: Vec<Sp<String>>,
    pub kontakt: AkteurKontakt,
    #[serde(default)]
    pub url: Option<Sp<String>>,
    #[serde(default)]
    pub beschreibung: String,
}

impl Akteur {
    pub fn is_kreisweit(&self) -> bool {
        self.kommunen.iter().any(|k| k.value == KREISWEIT)
    }
    /// Whether the actor works in the municipality `slug` (district-wide
    /// actors work in every one).
    pub fn works_in(&self, slug: &str) -> bool {
        self.is_kreisweit() || self.kommunen.iter().any(|k| k.value == slug)
    }
}

/// How to reach an actor: a role (never a person's name).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AkteurKontakt {
    pub rolle: String,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub telefon: Option<String>,
}
