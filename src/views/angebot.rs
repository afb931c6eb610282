//! An offer's structured fields shaped for display and for machines: the
//! address with its map link, opening hours in words, the cost, `tel:` and
//! `mailto:` links, step-free access, and the schema.org description the
//! offer's page carries as JSON-LD.

use crate::data::contact::{self, Kosten};
use crate::data::{Angebot, Kommune};
use crate::strings::Strings;
use serde::Serialize;
use serde_json::{Value, json};

/// The structured fields of one offer, ready to show.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Details {
    /// `Beispielstraße 1, 33330 Gütersloh`.
    pub adresse: Option<String>,
    pub strasse: Option<String>,
    pub plz: Option<String>,
    pub ort: Option<String>,
    /// The address on OpenStreetMap.
    pub karte: Option<String>,
    pub zeiten: Vec<Zeile>,
    /// `kostenlos`, `auf Anfrage`, `12,50 €`.
    pub kosten: Option<String>,
    /// The cost key for the open data: `kostenlos`, `auf-anfrage`, `12.50`.
    pub kosten_wert: Option<String>,
    /// As the editor wrote it, and as a `tel:` target (`+49…`).
    pub telefon: Option<String>,
    pub telefon_href: Option<String>,
    pub email: Option<String>,
    /// `ja`, `nein`, or none when not given.
    pub stufenlos: Option<bool>,
    pub stufenlos_text: Option<String>,
}

/// One line of opening hours: `Dienstag, Donnerstag`, `09:00`, `12:00`.
#[derive(Debug, Clone, Serialize)]
pub struct Zeile {
    pub tage: String,
    pub keys: Vec<String>,
    pub von: String,
    pub bis: String,
}

/// Shapes the structured fields of `a`; values that failed the checks are
/// left out (the findings already refused them).
pub fn details(a: &Angebot, t: &Strings) -> Details {
    let kosten = a.kosten.as_ref().and_then(|k| Kosten::parse(k));
    let telefon_href = a.telefon.as_ref().and_then(|x| contact::phone(x));
    Details {
        adresse: a.adresse.as_ref().map(contact::Adresse::line),
        strasse: a.adresse.as_ref().map(|x| x.strasse.clone()),
        plz: a.adresse.as_ref().map(|x| x.plz.value.clone()),
        ort: a.adresse.as_ref().map(|x| x.ort.clone()),
        karte: a.adresse.as_ref().map(contact::osm_url),
        zeiten: a
            .oeffnungszeiten
            .iter()
            .map(|z| Zeile {
                tage: z
                    .tage
                    .iter()
                    .map(|d| t.get_or(&format!("tage.{}", d.value), &d.value))
                    .collect::<Vec<_>>()
                    .join(", "),
                keys: z.tage.iter().map(|d| d.value.clone()).collect(),
                von: z.von.value.clone(),
                bis: z.bis.value.clone(),
            })
            .collect(),
        kosten: kosten.as_ref().map(|k| match k {
            Kosten::Kostenlos => t.get("angebot.free"),
            Kosten::AufAnfrage => t.get("angebot.on_request"),
            Kosten::Betrag(_) => k.euro().unwrap_or_default(),
        }),
        kosten_wert: kosten.as_ref().map(|k| match k {
            Kosten::Kostenlos => "kostenlos".to_string(),
            Kosten::AufAnfrage => "auf-anfrage".to_string(),
            Kosten::Betrag(_) => k.price().unwrap_or_default(),
        }),
        telefon: telefon_href
            .as_ref()
            .and(a.telefon.as_ref())
            .map(|x| x.value.trim().to_string()),
        telefon_href: telefon_href.map(|n| format!("tel:{n}")),
        email: a
            .email
            .as_ref()
            .filter(|e| contact::email_ok(e))
            .map(|e| e.value.clone()),
        stufenlos: a.stufenlos,
        stufenlos_text: a.stufenlos.map(|s| {
            t.get(if s {
                "angebot.step_free_yes"
            } else {
                "angebot.step_free_no"
            })
        }),
    }
}

/// The schema.org description of an offer (`Service` by its provider, at a
/// place with an address, opening hours and accessibility), for the
/// offer's page. `url` is the offer's own website when it has one.
pub fn json_ld(
    a: &Angebot,
    k: &Kommune,
    traeger: &str,
    d: &Details,
    url: Option<&str>,
    sprachen: &[String],
) -> Value {
    let address = d.adresse.as_ref().map(|_| {
        json!({
            "@type": "PostalAddress",
            "streetAddress": d.strasse,
            "postalCode": d.plz,
            "addressLocality": d.ort,
            "addressCountry": "DE",
        })
    });
    let hours: Vec<Value> = a
        .oeffnungszeiten
        .iter()
        .map(|z| {
            json!({
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": z.tage.iter().filter_map(|t| contact::day_name(t)).map(|n| format!("https://schema.org/{n}")).collect::<Vec<_>>(),
                "opens": z.von.value,
                "closes": z.bis.value,
            })
        })
        .collect();
    let mut place = json!({ "@type": "Place", "name": traeger });
    if let Some(x) = &address {
        place["address"] = x.clone();
    }
    if let Some(s) = d.stufenlos {
        place["amenityFeature"] = json!({
            "@type": "LocationFeatureSpecification",
            "name": "stufenloser Zugang",
            "value": s,
        });
    }
    if !hours.is_empty() {
        place["openingHoursSpecification"] = Value::from(hours.clone());
    }
    let mut provider = json!({ "@type": "Organization", "name": traeger });
    if let Some(t) = &d.telefon_href {
        provider["telephone"] = Value::from(t.trim_start_matches("tel:"));
    }
    if let Some(e) = &d.email {
        provider["email"] = Value::from(e.as_str());
    }
    let mut v = json!({
        "@context": "https://schema.org",
        "@type": "Service",
        "name": a.titel.value,
        "provider": provider,
        "areaServed": { "@type": "City", "name": k.name },
        "availableLanguage": sprachen,
        "availableChannel": { "@type": "ServiceChannel", "serviceLocation": place },
    });
    if !a.beschreibung.is_empty() {
        v["description"] = Value::from(crate::content::markdown::plain_text(&a.beschreibung));
    }
    if let Some(u) = url {
        v["url"] = Value::from(u);
    }
    if !hours.is_empty() {
        v["hoursAvailable"] = Value::from(hours);
    }
    match a.kosten.as_ref().and_then(|x| Kosten::parse(x)) {
        Some(Kosten::Kostenlos) => v["isAccessibleForFree"] = Value::from(true),
        Some(k @ Kosten::Betrag(_)) => {
            v["isAccessibleForFree"] = Value::from(false);
            v["offers"] = json!({ "@type": "Offer", "price": k.price(), "priceCurrency": "EUR" });
        }
        _ => {}
    }
    v
}

/// `value` as the text of a `<script type="application/ld+json">`: JSON
/// with every `<` escaped, so no text from the sources can close the
/// script element.
pub fn script_text(value: &Value) -> String {
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_text_cannot_close_the_script() {
        let v = json!({ "name": "</script><script>alert(1)</script>&" });
        let s = script_text(&v);
        assert!(!s.contains('<') && !s.contains('&'), "{s}");
        let back: Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back, v);
    }
}
