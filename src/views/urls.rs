//! Where each page lives. Paths are relative to the site root and end in `/`
//! (pretty URLs: `kommunen/verl/` is `kommunen/verl/index.html`).

use crate::content::Kind;
use crate::content::markdown::{RecordRef, RefKind};
use crate::project::Project;

/// Stands for the way from a page back to the site root; replaced by
/// `../../` and the like when a page is written, so links work under any
/// sub-path without configuration.
pub const ROOT: char = '\u{e000}';

/// [`ROOT`] as the Markdown renderer writes it in an `href` or `src`
/// (percent-encoded), e.g. in a record link inside a chapter's summary.
pub const ROOT_IN_URL: &str = "%EE%80%80";

pub fn chapter(slug: &str, kind: Kind) -> String {
    match kind {
        Kind::Chapter => format!("kapitel/{slug}/"),
        Kind::Imprint => "impressum/".into(),
        Kind::Accessibility => "barrierefreiheit/".into(),
        Kind::EasyLanguage => "leichte-sprache/".into(),
    }
}
pub fn part(slug: &str) -> String {
    format!("teil/{slug}/")
}
pub fn empfehlung(id: &str) -> String {
    format!("empfehlungen/{}/", id.to_lowercase())
}
pub fn massnahme(id: &str) -> String {
    format!("massnahmen/{}/", id.to_lowercase())
}
pub fn kommune(slug: &str) -> String {
    format!("kommunen/{slug}/")
}
pub fn akteur(id: &str) -> String {
    format!("akteure/{}/", id.to_lowercase())
}
/// The network overview of the actors.
pub const NETZWERK: &str = "netzwerk/";
pub fn handlungsfeld(id: &str) -> String {
    format!("handlungsfelder/{id}/")
}
pub fn zielgruppe(id: &str) -> String {
    format!("zielgruppen/{id}/")
}
pub fn indikator(id: &str) -> String {
    format!("monitoring/{id}/")
}

/// The site path of a record link, with its anchor; `None` when the target
/// has no page on the site.
pub fn of_ref(p: &Project, r: &RecordRef) -> Option<String> {
    let base = match r.kind {
        RefKind::Empfehlung => empfehlung(&r.id),
        RefKind::Massnahme => massnahme(&r.id),
        RefKind::Kommune => kommune(&r.id),
        RefKind::Handlungsfeld => handlungsfeld(&r.id),
        RefKind::Zielgruppe => zielgruppe(&r.id),
        RefKind::Indikator => indikator(&r.id),
        RefKind::Kapitel => {
            let c = p.book.chapter(&r.id)?;
            chapter(&c.slug, c.kind)
        }
    };
    Some(match &r.anchor {
        Some(a) => format!("{base}#{a}"),
        None => base,
    })
}

/// `../../` for `kommunen/verl/`, `` for the home page.
pub fn root_prefix(page_path: &str) -> String {
    "../".repeat(page_path.matches('/').count())
}
