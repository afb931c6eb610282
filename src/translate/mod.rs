//! Translations of the short version: one gettext PO file per language
//! (`translations/<code>.po`), made and refreshed from the German sources.
//!
//! Steps: [`units`] lists the texts a language translates, each with a
//! stable reference (`msgctxt`); [`Catalog::load`] reads a language's PO
//! file; [`status`] compares the two (translated, missing, out of date);
//! [`update`] writes a refreshed file that keeps every translation and
//! marks those whose German changed `fuzzy`; [`apply`] gives the project as
//! a reader of that language sees it, German where a text is not ready.

pub mod units;

/// The PO format and the catalogues, read with the project.
pub use crate::po;
pub use crate::po::{Catalog, load_all};

use crate::diag::{Diagnostic, Diagnostics};
use crate::languages::Language;
use crate::msg;
use crate::project::Project;
use std::collections::{BTreeSet, HashMap};
pub use units::{Unit, reference};

/// How far one unit's translation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Translated, and the German has not changed since.
    Current,
    /// Not translated yet.
    Missing,
    /// Translated, but the German changed since (or marked `fuzzy`).
    Outdated,
}

/// A unit with the state of its translation and its line in the PO file.
#[derive(Debug, Clone)]
pub struct Item {
    pub unit: Unit,
    pub state: State,
    pub po_line: Option<usize>,
}

/// One language's progress.
#[derive(Debug, Clone)]
pub struct Status {
    pub code: String,
    pub items: Vec<Item>,
}

impl Status {
    pub fn count(&self, s: State) -> usize {
        self.items.iter().filter(|i| i.state == s).count()
    }

    /// Current translations in percent of all units (100 with no units).
    pub fn percent(&self) -> u8 {
        if self.items.is_empty() {
            return 100;
        }
        (self.count(State::Current) * 100 / self.items.len()) as u8
    }
}

/// The state of every unit of `c`'s language.
pub fn status(p: &Project, c: &Catalog) -> Status {
    let items = units::units(p, &c.lang)
        .into_iter()
        .map(|unit| {
            let e = c.entry(&unit.ctxt);
            let state = match e {
                Some(e) if e.translation().trim().is_empty() => State::Missing,
                None => State::Missing,
                Some(e) if e.fuzzy() || e.msgid != unit.source => State::Outdated,
                Some(_) => State::Current,
            };
            Item {
                po_line: e.map(|e| e.line),
                unit,
                state,
            }
        })
        .collect();
    Status {
        code: c.lang.code.clone(),
        items,
    }
}

/// Whether `c`'s language is complete enough to publish.
pub fn published(p: &Project, c: &Catalog) -> bool {
    status(p, c).percent() >= c.lang.threshold
}

/// The refreshed PO file of `c`'s language: one entry per unit, in the
/// order of the sources, every existing translation kept; a translation
/// whose German changed is marked `fuzzy` with the old German as
/// `#| msgid`; entries whose source is gone become obsolete (`#~`).
pub fn update(p: &Project, c: &Catalog) -> po::File {
    let old: HashMap<&str, &po::Entry> = c
        .file
        .entries
        .iter()
        .filter_map(|e| e.msgctxt.as_deref().map(|k| (k, e)))
        .collect();
    let mut out = po::File::default();
    let header = c
        .file
        .entries
        .iter()
        .find(|e| e.msgid.is_empty() && e.msgctxt.is_none())
        .cloned();
    out.entries.push(header_entry(header, &c.lang));
    let units = units::units(p, &c.lang);
    let mut seen = BTreeSet::new();
    for u in &units {
        seen.insert(u.ctxt.as_str());
        let mut e = po::Entry {
            extracted: vec![u.note.clone()],
            references: vec![u.reference()],
            msgctxt: Some(u.ctxt.clone()),
            msgid: u.source.clone(),
            msgstr: vec![String::new()],
            ..Default::default()
        };
        if let Some(o) = old.get(u.ctxt.as_str()) {
            e.translator = o.translator.clone();
            e.msgstr = vec![o.translation().to_string()];
            e.flags = o.flags.clone();
            let translated = !o.translation().trim().is_empty();
            if o.msgid != u.source && translated {
                e.set_fuzzy(true);
                // Keep the German the translation was made for.
                e.previous_msgid = if o.fuzzy() && o.previous_msgid.is_some() {
                    o.previous_msgid.clone()
                } else {
                    Some(o.msgid.clone())
                };
            } else if o.fuzzy() {
                e.previous_msgid = o.previous_msgid.clone();
            }
            if !translated {
                e.set_fuzzy(false);
                e.previous_msgid = None;
            }
        }
        out.entries.push(e);
    }
    // Translations whose source is gone stay in the file, as gettext does.
    for e in &c.file.entries {
        let Some(k) = e.msgctxt.as_deref() else {
            continue;
        };
        if !seen.contains(k) && !e.translation().trim().is_empty() {
            let mut e = e.clone();
            e.obsolete = true;
            out.entries.push(e);
        }
    }
    out
}

fn header_entry(old: Option<po::Entry>, lang: &Language) -> po::Entry {
    let mut fields: Vec<(String, String)> = old
        .as_ref()
        .map(|h| {
            h.translation()
                .lines()
                .filter_map(|l| l.split_once(':'))
                .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
                .collect()
        })
        .unwrap_or_default();
    for (k, v) in [
        ("Project-Id-Version", "konzept short version".to_string()),
        ("Language", lang.code.clone()),
        ("MIME-Version", "1.0".into()),
        ("Content-Type", "text/plain; charset=UTF-8".into()),
        ("Content-Transfer-Encoding", "8bit".into()),
        ("X-Source-Language", "de".into()),
    ] {
        match fields.iter_mut().find(|(fk, _)| fk == k) {
            Some(f) if k == "Language" => f.1 = v,
            Some(_) => {}
            None => fields.push((k.to_string(), v)),
        }
    }
    let msgstr: String = fields.iter().map(|(k, v)| format!("{k}: {v}\n")).collect();
    po::Entry {
        translator: old
            .as_ref()
            .map(|o| o.translator.clone())
            .unwrap_or_else(|| {
                vec![format!(
                    "{} translation of the short version, made with `konzept translations update`.",
                    lang.name
                )]
            }),
        msgid: String::new(),
        msgstr: vec![msgstr],
        ..Default::default()
    }
}

/// The findings about translations: per language the texts that are out
/// of date or missing, at their line in the PO file, and a language that
/// is not published because it is below its threshold.
pub fn check(p: &Project) -> Diagnostics {
    let mut out = Diagnostics::default();
    for c in &p.translations {
        let s = status(p, c);
        let rel = c.lang.po_file();
        let at = |line: Option<usize>| {
            line.map(|l| crate::diag::Span {
                line: l,
                column: 1,
                len: 5,
            })
        };
        for i in s.items.iter().filter(|i| i.state == State::Outdated) {
            out.push(
                Diagnostic::warning(&rel, msg!("po-outdated", key = i.unit.ctxt.as_str()))
                    .at_opt(at(i.po_line))
                    .label(msg!("label-po-outdated"))
                    .hint(msg!("hint-po-outdated", source = i.unit.reference())),
            );
        }
        let missing: Vec<&Item> = s
            .items
            .iter()
            .filter(|i| i.state == State::Missing)
            .collect();
        if missing.len() > MISSING_SHOWN {
            out.push(
                Diagnostic::warning(
                    &rel,
                    msg!(
                        "po-missing-many",
                        count = missing.len(),
                        total = s.items.len(),
                        code = c.lang.code.as_str()
                    ),
                )
                .hint(if c.exists {
                    msg!("hint-po-missing-status")
                } else {
                    msg!("hint-po-missing-create", file = rel.as_str())
                }),
            );
        } else {
            for i in missing {
                out.push(
                    Diagnostic::warning(&rel, msg!("po-missing", key = i.unit.ctxt.as_str()))
                        .at_opt(at(i.po_line))
                        .hint(msg!("hint-po-missing", source = i.unit.reference())),
                );
            }
        }
        let pc = s.percent();
        if pc < c.lang.threshold {
            out.push(
                Diagnostic::warning(
                    crate::config::FILE,
                    msg!(
                        "language-below-threshold",
                        code = c.lang.code.as_str(),
                        percent = pc,
                        threshold = c.lang.threshold
                    ),
                )
                .at_opt(c.lang.span)
                .hint(msg!("hint-language-below-threshold", file = rel.as_str())),
            );
        }
    }
    out
}

/// Up to this many missing texts are reported one by one.
const MISSING_SHOWN: usize = 12;

/// A project as readers of one language see it, and the references of the
/// texts shown in German because their translation is missing or stale.
pub struct Translated {
    pub project: Project,
    pub fallbacks: BTreeSet<String>,
}

/// The project with `c`'s current translations put in place of the German.
pub fn apply(p: &Project, c: &Catalog) -> Translated {
    let mut q = p.clone();
    let mut fallbacks = BTreeSet::new();
    let current: HashMap<String, String> = status(p, c)
        .items
        .into_iter()
        .filter_map(|i| {
            if i.state == State::Current {
                c.entry(&i.unit.ctxt)
                    .map(|e| (i.unit.ctxt.clone(), e.translation().to_string()))
            } else {
                fallbacks.insert(i.unit.ctxt.clone());
                None
            }
        })
        .collect();
    let get = |k: String, v: &mut String| {
        if let Some(t) = current.get(&k) {
            *v = t.clone();
        }
    };
    let cfg = &mut q.config;
    cfg.language = c.lang.code.clone();
    get("book/title".into(), &mut cfg.title);
    get("book/subtitle".into(), &mut cfg.subtitle);
    get("book/publisher".into(), &mut cfg.publisher);
    get("book/description".into(), &mut cfg.description);
    if let Some(n) = cfg.notice.as_mut() {
        get("book/notice".into(), n);
    }
    for ch in &mut q.book.chapters {
        get(reference("kapitel", &ch.slug, "titel"), &mut ch.title);
        if let Some(s) = ch.summary.as_mut() {
            get(reference("kapitel", &ch.slug, "summary"), s);
        }
    }
    let d = &mut q.data;
    for h in &mut d.handlungsfelder {
        get(
            reference("handlungsfeld", &h.id.value, "titel"),
            &mut h.titel,
        );
    }
    for z in &mut d.zielgruppen {
        get(reference("zielgruppe", &z.id.value, "titel"), &mut z.titel);
    }
    for e in &mut d.empfehlungen {
        get(reference("empfehlung", &e.id.value, "titel"), &mut e.titel);
        get(reference("empfehlung", &e.id.value, "text"), &mut e.text);
    }
    for i in &mut d.indikatoren {
        get(reference("indikator", &i.id.value, "titel"), &mut i.titel);
        get(
            reference("indikator", &i.id.value, "einheit"),
            &mut i.einheit,
        );
    }
    d.massnahmen.clear(); // not translated: the short version links to the German long version
    for k in &mut d.kommunen {
        get(
            reference("kommune", &k.slug, "kontakt/rolle"),
            &mut k.kontakt.rolle,
        );
        get(
            reference("kommune", &k.slug, "kontakt/stelle"),
            &mut k.kontakt.stelle,
        );
        for a in &mut k.angebote {
            let key = units::offer_key(&k.slug, &a.titel.value);
            get(format!("{key}/beschreibung"), &mut a.beschreibung);
            get(format!("{key}/titel"), &mut a.titel.value);
        }
    }
    Translated {
        project: q,
        fallbacks,
    }
}
