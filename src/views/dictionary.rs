//! The data dictionary: every field of the open-data files, with its type
//! and the formats it appears in; the descriptions are interface strings
//! (`data_fields.<set>.<field>` in the theme's strings).

use serde::Serialize;

/// One field: its name as in the JSON (nested fields with a dot) or the
/// CSV header, its type, and where it appears.
#[derive(Debug, Serialize)]
pub struct Field {
    pub name: &'static str,
    pub typ: &'static str,
    /// `json`, `csv` or `json, csv`.
    pub formats: &'static str,
}

/// One data set and its fields.
#[derive(Debug, Serialize)]
pub struct Set {
    pub name: &'static str,
    pub fields: &'static [Field],
}

const fn f(name: &'static str, typ: &'static str, formats: &'static str) -> Field {
    Field { name, typ, formats }
}

const B: &str = "json, csv";
const J: &str = "json";
const C: &str = "csv";

/// Every data set under `data/` with every field, in the order of
/// [`FILES`].
pub const SETS: &[Set] = &[
    Set {
        name: "handlungsfelder",
        fields: &[
            f("id", "Text", J),
            f("nummer", "Zahl", J),
            f("titel", "Text", J),
            f("kuerzel", "Text", J),
            f("beschreibung", "Markdown", J),
        ],
    },
    Set {
        name: "zielgruppen",
        fields: &[
            f("id", "Text", J),
            f("titel", "Text", J),
            f("beschreibung", "Markdown", J),
        ],
    },
    Set {
        name: "kommunen",
        fields: &[
            f("slug", "Text", B),
            f("name", "Text", B),
            f("art", "Stadt | Gemeinde", B),
            f("einwohner.anzahl", "Zahl", J),
            f("einwohner.stand", "Datum", J),
            f("einwohner.quelle", "Text", J),
            f("einwohner", "Zahl", C),
            f("stand", "Datum", C),
            f("quelle", "Text", C),
            f("kontakt.rolle", "Text", J),
            f("kontakt.stelle", "Text", J),
            f("kontakt.email", "E-Mail", J),
            f("kontakt.telefon", "Telefon", J),
            f("profil", "Markdown", J),
            f("angebote", "Liste", J),
            f("massnahmen", "Zahl", C),
        ],
    },
    Set {
        name: "empfehlungen",
        fields: &[
            f("id", "Text", B),
            f("handlungsfeld", "Kennung", B),
            f("titel", "Text", B),
            f("text", "Markdown", J),
            f("zielgruppen", "Liste von Kennungen", B),
            f("ebene", "kreis | kommunen | beide", B),
            f("mehrkosten", "ja/nein", B),
            f("kurzfassung", "ja/nein", B),
            f("massnahmen", "Liste von Kennungen", C),
        ],
    },
    Set {
        name: "massnahmen",
        fields: &[
            f("id", "Text", B),
            f("titel", "Text", B),
            f("empfehlung", "Kennung", B),
            f("handlungsfeld", "Kennung", C),
            f("kommunen", "Liste von Kennungen", B),
            f("zustaendig", "Text", B),
            f("verantwortlich", "Liste von Kennungen", B),
            f("partner", "Liste von Kennungen", B),
            f("zeitraum.von", "Jahr-Monat", J),
            f("zeitraum.bis", "Jahr-Monat", J),
            f("von", "Jahr-Monat", C),
            f("bis", "Jahr-Monat", C),
            f(
                "status",
                "geplant | laufend | umgesetzt | zurückgestellt",
                B,
            ),
            f("beschreibung", "Markdown", J),
            f("verlauf.datum", "Datum", J),
            f("verlauf.status", "Status", J),
        ],
    },
    Set {
        name: "angebote",
        fields: &[
            f("kommune", "Kennung", B),
            f("titel", "Text", B),
            f("traeger", "Text", B),
            f("anbieter", "Liste von Kennungen", B),
            f("zielgruppen", "Liste von Kennungen", B),
            f("sprachen", "Liste von Sprachcodes (ISO 639)", B),
            f("kontakt", "Text", B),
            f("url", "Web-Adresse", B),
            f("beschreibung", "Markdown", J),
            f("adresse.strasse", "Text", J),
            f("adresse.plz", "Postleitzahl", J),
            f("adresse.ort", "Text", J),
            f("strasse", "Text", C),
            f("plz", "Postleitzahl", C),
            f("ort", "Text", C),
            f("oeffnungszeiten.tage", "Liste von Wochentagen (mo … so)", J),
            f("oeffnungszeiten.von", "Uhrzeit", J),
            f("oeffnungszeiten.bis", "Uhrzeit", J),
            f("oeffnungszeiten", "Text (mo,di 09:00-12:00; …)", C),
            f("kosten", "kostenlos | auf-anfrage | Betrag in Euro", B),
            f("telefon", "Telefon (international, +49…)", B),
            f("email", "E-Mail", B),
            f("stufenlos", "ja/nein", B),
        ],
    },
    Set {
        name: "akteure",
        fields: &[
            f("id", "Kennung", B),
            f("name", "Text", B),
            f("art", "Art des Akteurs", B),
            f("kommunen", "Liste von Kennungen oder kreisweit", B),
            f("handlungsfelder", "Liste von Kennungen", B),
            f("zielgruppen", "Liste von Kennungen", B),
            f("sprachen", "Liste von Sprachcodes (ISO 639)", B),
            f("kontakt.rolle", "Text", J),
            f("kontakt.email", "E-Mail", J),
            f("kontakt.telefon", "Telefon", J),
            f("kontakt", "Text", C),
            f("email", "E-Mail", C),
            f("telefon", "Telefon", C),
            f("url", "Web-Adresse", B),
            f("beschreibung", "Markdown", J),
            f("angebote.kommune", "Kennung", J),
            f("angebote.titel", "Text", J),
            f("angebote", "Liste (Kommune: Titel)", C),
            f("verantwortlich_fuer", "Liste von Kennungen", B),
            f("partner_bei", "Liste von Kennungen", B),
        ],
    },
    Set {
        name: "indikatoren",
        fields: &[
            f("id", "Text", J),
            f("titel", "Text", J),
            f("einheit", "Text", J),
            f("handlungsfeld", "Kennung", J),
            f("richtung", "steigend | fallend", J),
            f("quelle", "Text", J),
            f("beschreibung", "Markdown", J),
            f("kennzahl", "ja/nein", J),
            f("vergleich", "Liste von Kennungen", J),
        ],
    },
];

/// The data sets under `data/` and the formats each is written in; the
/// open-data page lists them.
pub const FILES: &[(&str, &[&str])] = &[
    ("handlungsfelder", &["json"]),
    ("zielgruppen", &["json"]),
    ("kommunen", &["json", "csv"]),
    ("empfehlungen", &["json", "csv"]),
    ("massnahmen", &["json", "csv"]),
    ("angebote", &["json", "csv"]),
    ("akteure", &["json", "csv"]),
    ("indikatoren", &["json"]),
];
