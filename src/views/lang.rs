//! The languages of the site and the pages each language has: the
//! language switch (each language named in its own script), the
//! `hreflang` alternates of a page, and which texts of a translated page
//! show the German because their translation is not ready.
//!
//! German is the source and has every page; a published translation has
//! the short version: a start page, one page per recommendation of the
//! short version, the offers and the accessibility essentials.

use crate::project::Project;
use crate::translate::Catalog;
use serde::Serialize;

/// A language as the switch and the alternates name it.
#[derive(Debug, Clone, Serialize)]
pub struct LangLink {
    pub code: String,
    /// In its own script.
    pub name: String,
    pub dir: &'static str,
    /// The start page of the language, relative to the site root (`""`, `uk/`).
    pub home: String,
}

/// A page that exists in every published language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Equivalent {
    Home,
    /// A recommendation of the short version, by id.
    Empfehlung(String),
    Angebote,
    Barrierefreiheit,
}

/// One `<link rel="alternate" hreflang>` of a page.
#[derive(Debug, Clone, Serialize)]
pub struct Alternate {
    pub code: String,
    /// Relative to the site root.
    pub url: String,
}

/// The languages of the site: the source language first, then every
/// translation that is complete enough to publish.
#[derive(Debug, Clone, Default)]
pub struct Languages {
    pub source: String,
    pub links: Vec<LangLink>,
}

/// The source language's own name for the switch.
fn autonym(code: &str) -> Option<&'static str> {
    crate::languages::autonym(code)
}

impl Languages {
    /// The source language and the published translations of `p`.
    pub fn of(p: &Project) -> Languages {
        let source = p.config.language.clone();
        let mut links = vec![LangLink {
            name: autonym(&source).unwrap_or(&source).to_string(),
            dir: crate::languages::direction_of(&source).as_str(),
            code: source.clone(),
            home: String::new(),
        }];
        for c in published(p) {
            links.push(LangLink {
                code: c.lang.code.clone(),
                name: c.lang.name.clone(),
                dir: c.lang.dir.as_str(),
                home: prefix(&c.lang.code),
            });
        }
        Languages { source, links }
    }

    /// Whether the site has more than the source language.
    pub fn translated(&self) -> bool {
        self.links.len() > 1
    }

    /// The alternates of page `e`: the same page in every language;
    /// `source_path` is where the source language's site has it.
    pub fn alternates(&self, e: &Equivalent, source_path: Option<String>) -> Vec<Alternate> {
        if !self.translated() {
            return Vec::new();
        }
        self.links
            .iter()
            .filter_map(|l| {
                let url = if l.code == self.source {
                    source_path.clone()?
                } else {
                    format!("{}{}", prefix(&l.code), path(e))
                };
                Some(Alternate {
                    code: l.code.clone(),
                    url,
                })
            })
            .collect()
    }
}

/// `uk/`: where a translation's pages live.
pub fn prefix(code: &str) -> String {
    format!("{}/", code.to_ascii_lowercase())
}

/// The path of `e` below a translation's folder.
pub fn path(e: &Equivalent) -> String {
    match e {
        Equivalent::Home => String::new(),
        Equivalent::Empfehlung(id) => super::urls::empfehlung(id),
        Equivalent::Angebote => "angebote/".into(),
        Equivalent::Barrierefreiheit => "barrierefreiheit/".into(),
    }
}

/// The translations of `p` complete enough to publish, in book.toml's order.
pub fn published(p: &Project) -> Vec<&Catalog> {
    p.translations
        .iter()
        .filter(|c| crate::translate::published(p, c))
        .collect()
}
