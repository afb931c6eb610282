//! The one place that selects records for a listing and shapes them for
//! display, for the site and the PDFs alike: which records a listing block
//! shows ([`select`], comparing keys, never translated text), and the
//! labels, periods, statuses and numbers every output prints ([`shape`]).
//! The site serialises these into its MiniJinja context, the PDFs into
//! their `data.json`; templates only display them.

pub mod lang;
pub mod select;
pub mod shape;

/// A record as other records and listings link to it.
#[derive(Debug, serde::Serialize, Clone)]
pub struct Link {
    pub id: String,
    pub titel: String,
    pub url: String,
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
