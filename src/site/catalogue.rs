//! The open data's DCAT-AP.de catalogue (`data/katalog.jsonld`): one
//! `dcat:Dataset` per data set with title, description, publisher,
//! licence, modification date and one `dcat:Distribution` per file, the
//! metadata GovData and Open.NRW harvest.

use crate::project::Project;
use crate::views::dictionary::FILES;
use serde_json::{Value, json};

/// The catalogue's file name under `data/`.
pub const FILE: &str = "katalog.jsonld";

/// The EU vocabulary's file types and the media types of the formats.
fn format(ext: &str) -> (&'static str, &'static str) {
    match ext {
        "csv" => (
            "http://publications.europa.eu/resource/authority/file-type/CSV",
            "text/csv",
        ),
        _ => (
            "http://publications.europa.eu/resource/authority/file-type/JSON",
            "application/json",
        ),
    }
}

/// The newest date among a data set's records, never older than the book.
fn modified(p: &Project, name: &str) -> String {
    use crate::views::stand;
    match name {
        "massnahmen" => stand::massnahmen(p),
        "kommunen" | "angebote" => (0..p.data.kommunen.len())
            .map(|i| stand::kommune(p, i))
            .max()
            .unwrap_or_else(|| stand::book(p)),
        _ => stand::book(p),
    }
}

/// The catalogue of `p`'s open data. Addresses are absolute when
/// `base_url` is; otherwise relative to the catalogue file (JSON-LD
/// resolves them against the document's own address).
pub fn build(p: &Project, t: &crate::strings::Strings) -> Value {
    let c = &p.config;
    let absolute = crate::config::is_absolute_url(&c.base_url);
    let base = if absolute {
        format!("{}data/", c.base_url)
    } else {
        String::new()
    };
    let publisher = json!({ "@type": "foaf:Organization", "foaf:name": c.publisher });
    let license = json!({ "@id": c.data_license });
    let date = |d: String| json!({ "@value": d, "@type": "xsd:date" });
    let datasets: Vec<Value> = FILES
        .iter()
        .map(|(name, formats)| {
            let title = t.get(&format!("data_page.sets.{name}.title"));
            let description = t.get(&format!("data_page.sets.{name}.text"));
            let distributions: Vec<Value> = formats
                .iter()
                .map(|ext| {
                    let (file_type, media) = format(ext);
                    let url = format!("{base}{name}.{ext}");
                    json!({
                        "@type": "dcat:Distribution",
                        "dct:title": format!("{title} ({})", ext.to_uppercase()),
                        "dcat:accessURL": { "@id": url },
                        "dcat:downloadURL": { "@id": url },
                        "dct:format": { "@id": file_type },
                        "dcat:mediaType": media,
                        "dct:license": license,
                        "dct:modified": date(modified(p, name)),
                    })
                })
                .collect();
            json!({
                "@id": format!("{base}#{name}"),
                "@type": "dcat:Dataset",
                "dct:title": title,
                "dct:description": description,
                "dct:publisher": publisher,
                "dct:license": license,
                "dct:modified": date(modified(p, name)),
                "dct:issued": date(c.date.clone()),
                "dct:language": { "@id": "http://publications.europa.eu/resource/authority/language/DEU" },
                "dcat:theme": { "@id": "http://publications.europa.eu/resource/authority/data-theme/SOCI" },
                "dcat:landingPage": { "@id": base.clone() },
                "dcat:distribution": distributions,
            })
        })
        .collect();
    json!({
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "dcatde": "http://dcat-ap.de/def/dcatde/",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@id": format!("{base}{FILE}"),
        "@type": "dcat:Catalog",
        "dct:title": if c.subtitle.is_empty() { &c.title } else { &c.subtitle },
        "dct:description": if c.description.is_empty() { c.title.clone() } else { c.description.clone() },
        "dct:publisher": publisher,
        "dct:license": license,
        "dct:language": { "@id": "http://publications.europa.eu/resource/authority/language/DEU" },
        "dct:modified": date(crate::views::stand::all(p)),
        "foaf:homepage": { "@id": if absolute { c.base_url.clone() } else { "../".into() } },
        "dcat:dataset": datasets,
    })
}
