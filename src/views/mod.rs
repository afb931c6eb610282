//! The one place that selects records for a listing and shapes them for
//! display, for the site and the PDFs alike: which records a listing block
//! shows ([`select`], comparing keys, never translated text), and the
//! labels, periods, statuses and numbers every output prints ([`shape`]).
//! The typed views of the records ([`records`], [`indikator`]) carry
//! these; the site serialises them into its MiniJinja context, the PDFs
//! into their `data.json`; templates only display them. [`urls`] says
//! where each record's page lives.

pub mod akteure;
pub mod angebot;
pub mod dictionary;
pub mod indikator;
pub mod lang;
pub mod netz_svg;
pub mod records;
pub mod select;
pub mod shape;
pub mod stand;
pub mod urls;

pub use indikator::IndikatorView;
pub use records::{
    AngebotView, EmpfehlungView, HandlungsfeldView, KommuneView, MassnahmeView, Records,
    ZielgruppeView,
};

/// A view with what one output adds to it (its Markdown rendered for that
/// output, say), serialised as one record: the fields of both side by side.
#[derive(Debug, serde::Serialize, Clone)]
pub struct With<V, X> {
    #[serde(flatten)]
    pub view: V,
    #[serde(flatten)]
    pub extra: X,
}

impl<V, X> std::ops::Deref for With<V, X> {
    type Target = V;
    fn deref(&self) -> &V {
        &self.view
    }
}

/// A view as JSON with `extra`'s fields set over its own: how the PDFs
/// add labels, texts converted for typst and links as `ref` nodes.
pub fn json_with(view: &impl serde::Serialize, extra: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    let mut v = serde_json::to_value(view).unwrap_or(Value::Null);
    if let (Value::Object(v), Value::Object(extra)) = (&mut v, extra) {
        v.extend(extra);
    }
    v
}

/// A record as other records and listings link to it.
#[derive(Debug, serde::Serialize, Clone)]
pub struct Link {
    pub id: String,
    pub titel: String,
    pub url: String,
}

/// A document a chapter links to, as the home page lists it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Document {
    pub title: String,
    /// Path relative to the site root.
    pub url: String,
    /// `PDF`, `DOCX` …
    pub format: String,
    /// The file's size for people, e.g. `147 kB`.
    pub size: Option<String>,
    /// The chapter that links to it first.
    pub chapter: Link,
}

/// The documents the chapters link to, in reading order.
pub fn documents(p: &crate::project::Project) -> Vec<Document> {
    crate::content::attachments::of(&p.book, &p.root)
        .into_iter()
        .map(|a| {
            let c = &p.book.chapters[a.chapter];
            let bytes = std::fs::metadata(p.root.join(&a.file))
                .ok()
                .map(|m| m.len());
            Document {
                title: a.title,
                url: crate::content::attachments::site_url(&a.file),
                format: a.ext.to_uppercase(),
                size: bytes.map(crate::text::file_size),
                chapter: Link {
                    id: c.slug.clone(),
                    titel: c.title.clone(),
                    url: urls::chapter(&c.slug, c.kind),
                },
            }
        })
        .collect()
}

/// A reader PDF the site links to.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Download {
    pub title: String,
    /// Path relative to the site root.
    pub url: String,
    pub pages: Option<u32>,
    pub bytes: Option<u64>,
    /// `bytes` for people, e.g. `1,2 MB`.
    pub size: Option<String>,
    /// The language of a translation's brochure; `None` for the source's PDFs.
    pub lang: Option<String>,
}
