//! The project → the JSON documents the Typst templates read as `data.json`.
//!
//! Steps: walk the book in reading order and convert every Markdown text
//! with [`ast::convert`]; resolve listing blocks into the records' views
//! from [`crate::views`] (selected there, shaped there) with what only the
//! PDFs add: each record's label where it is first printed, its Markdown
//! as typst nodes, its links as `ref` nodes; insert the municipality
//! profiles; finally drop links to labels the document does not have and
//! note how each image is placed.

use super::ast::{self, Host, Settings};
use super::monitoring;
use crate::config::Config;
use crate::content::markdown::{Listing, RecordRef, RefKind};
use crate::content::{Chapter, Kind};
use crate::diag::{Diagnostic, Span};
use crate::msg;
use crate::project::Project;
use crate::strings::Strings;
use crate::text::german_date;
use crate::views::{IndikatorView, Records, json_with as item, select};
use serde_json::{Value, json};
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};

/// Which of the two documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocKind {
    Lang,
    Kurz,
}

impl DocKind {
    pub const ALL: [DocKind; 2] = [DocKind::Lang, DocKind::Kurz];
    /// The file stem: `langfassung`, `kurzfassung`.
    pub fn key(self) -> &'static str {
        match self {
            DocKind::Lang => "langfassung",
            DocKind::Kurz => "kurzfassung",
        }
    }
}

/// An image a document prints, with where the editor placed it.
#[derive(Debug, Clone)]
pub struct ImageUse {
    /// As the editor wrote it.
    pub src: String,
    /// The file on disk.
    pub source: PathBuf,
    /// Its path in the staging folder, e.g. `bilder/1.png`.
    pub staged: String,
    pub file: PathBuf,
    pub span: Option<Span>,
    /// A figure of its own (column width) rather than an image in a line.
    pub block: bool,
}

/// One document, ready to be staged.
#[derive(Debug)]
pub struct Doc {
    pub kind: DocKind,
    pub json: Value,
    pub images: Vec<ImageUse>,
    /// Files konzept made for the document (the monitoring charts).
    pub files: monitoring::Files,
    /// Warnings and errors about the sources found while converting.
    pub diags: Vec<Diagnostic>,
    /// A translation's language (its brochure); `None` for the source's documents.
    pub lang: Option<String>,
}

impl Doc {
    /// The file stem: `langfassung`, `kurzfassung`, `kurzfassung-uk`.
    pub fn key(&self) -> String {
        match &self.lang {
            Some(l) => format!("{}-{l}", self.kind.key()),
            None => self.kind.key().to_string(),
        }
    }
}

/// Builds one document from the project.
pub fn build(p: &Project, t: &Strings, kind: DocKind) -> Doc {
    let mut b = Builder::new(p, t);
    let meta = b.meta(kind);
    let mut json = match kind {
        DocKind::Lang => {
            let imprint = b.imprint();
            let notice = b.notice();
            let sections = b.lang_sections();
            json!({"meta": meta, "t": t, "imprint": imprint, "notice": notice, "sections": sections})
        }
        DocKind::Kurz => {
            let summaries = b.summaries();
            let groups = b.kurz_recommendations();
            let kennzahlen = {
                let items = (p.data.indikatoren.iter().enumerate())
                    .filter(|(_, i)| i.kennzahl)
                    .map(|(k, _)| k)
                    .collect();
                b.indikatoren(items)
            };
            let kommunen = b.listing(
                &Listing {
                    call: "kommunen".into(),
                    args: vec![],
                },
                2,
            );
            let back = b.back_cover();
            json!({"meta": meta, "t": t, "summaries": summaries, "empfehlungen": groups,
                   "kennzahlen": kennzahlen, "kommunen": kommunen, "back": back})
        }
    };
    b.finish(&mut json);
    Doc {
        kind,
        json,
        images: b.images,
        files: b.files,
        diags: b.diags,
        lang: None,
    }
}

/// Where the Markdown being converted comes from, for diagnostics and images.
#[derive(Clone)]
struct Origin {
    file: PathBuf,
    /// The whole file and the offset of the converted text in it, when the
    /// text is a chapter body (so spans can be computed).
    chapter: Option<(String, usize)>,
    /// The chapter's folder (images are relative to it).
    dir: Option<PathBuf>,
}

struct Builder<'a> {
    p: &'a Project,
    t: &'a Strings,
    origin: Origin,
    /// Labels the document defines, in the order they are printed.
    emitted: HashSet<String>,
    /// The chapter of each field of action.
    hf_chapter: HashMap<String, String>,
    images: Vec<ImageUse>,
    staged: HashMap<PathBuf, String>,
    diags: Vec<Diagnostic>,
    footnote_prefix: usize,
    /// Every record's view, in the order of the data.
    r: Records,
    /// Every indicator's table, trend and chart, in the order of the data.
    indicators: Vec<crate::monitoring::Indicator>,
    /// Every indicator's view, in the order of the data.
    ind: Vec<IndikatorView>,
    /// The document has a monitoring section: indicator listings then link
    /// to its entries instead of holding the indicators' labels.
    monitoring_section: bool,
    files: monitoring::Files,
}

impl<'a> Builder<'a> {
    fn new(p: &'a Project, t: &'a Strings) -> Self {
        let indicators = monitoring::prepare(&p.data, t);
        let hf_chapter = p
            .book
            .main_chapters()
            .filter_map(|c| {
                c.handlungsfeld
                    .as_ref()
                    .map(|h| (h.value.clone(), chapter_label(c)))
            })
            .collect();
        Builder {
            p,
            t,
            origin: Origin {
                file: PathBuf::from(crate::config::FILE),
                chapter: None,
                dir: None,
            },
            emitted: HashSet::new(),
            hf_chapter,
            images: Vec::new(),
            staged: HashMap::new(),
            diags: Vec::new(),
            footnote_prefix: 0,
            r: Records::build(p, t),
            ind: indicators
                .iter()
                .zip(&p.data.indikatoren)
                .map(|(x, i)| crate::views::indikator::view(p, i, x, t))
                .collect(),
            indicators,
            monitoring_section: false,
            files: Vec::new(),
        }
    }

    fn meta(&self, kind: DocKind) -> Value {
        let c: &Config = &self.p.config;
        let paper = match kind {
            DocKind::Lang => "a4".to_string(),
            DocKind::Kurz => c.print.brochure_paper.clone(),
        };
        let keywords: Vec<&str> = self
            .p
            .data
            .handlungsfelder
            .iter()
            .map(|h| h.titel.as_str())
            .collect();
        json!({
            "doc": kind.key(),
            "doc_title": self.t.get(&format!("print.{}", kind.key())),
            "title": c.title,
            "subtitle": c.subtitle,
            "publisher": c.publisher,
            "edition": c.edition,
            "date": german_date(&c.date),
            "lang": c.language,
            "description": if c.description.is_empty() { &c.subtitle } else { &c.description },
            "keywords": keywords,
            "paper": paper,
            "web": c.base_url.starts_with("http").then_some(&c.base_url),
        })
    }

    /// Converts a Markdown text of a record or of book.toml (no headings).
    fn md(&mut self, file: PathBuf, src: &str) -> Vec<Value> {
        if src.trim().is_empty() {
            return Vec::new();
        }
        let saved = std::mem::replace(
            &mut self.origin,
            Origin {
                file,
                chapter: None,
                dir: None,
            },
        );
        self.footnote_prefix += 1;
        let prefix = format!("t{}", self.footnote_prefix);
        let s = Settings {
            anchor_base: None,
            level: 3,
            outlined: false,
            bookmarked: false,
            footnote_prefix: &prefix,
        };
        let nodes = ast::convert(src, &[], &s, self);
        self.origin = saved;
        nodes
    }

    /// Converts a chapter's body; `level` is the Typst level of its `##`.
    fn chapter_body(&mut self, c: &Chapter, level: u8, bookmarked: bool) -> Vec<Value> {
        let saved = std::mem::replace(
            &mut self.origin,
            Origin {
                file: c.file.clone(),
                chapter: Some((c.source.clone(), c.body_start)),
                dir: Some(c.dir().to_path_buf()),
            },
        );
        let base = chapter_label(c);
        let s = Settings {
            anchor_base: Some(&base),
            level,
            outlined: false,
            bookmarked,
            footnote_prefix: &c.slug,
        };
        let nodes = ast::convert(c.body(), &c.scan.headings, &s, self);
        self.origin = saved;
        nodes
    }

    fn summary(&mut self, c: &Chapter) -> Vec<Value> {
        let text = c.summary.clone().unwrap_or_default();
        self.md(c.file.clone(), &text)
    }

    fn notice(&mut self) -> Option<Vec<Value>> {
        let n = self.p.config.notice.clone()?;
        Some(self.md(PathBuf::from(crate::config::FILE), &n))
    }

    fn imprint(&mut self) -> Value {
        let Some(c) = self.p.book.special(Kind::Imprint) else {
            return Value::Null;
        };
        self.emitted.insert(chapter_label(c));
        let body = self.chapter_body(c, 2, false);
        json!({"title": c.title, "label": chapter_label(c), "body": body})
    }

    /// Parts, chapters and the municipality profiles, in reading order.
    fn lang_sections(&mut self) -> Vec<Value> {
        let p = self.p;
        let chapters: Vec<&Chapter> = p.book.main_chapters().collect();
        let has_kommunen = |c: &Chapter| {
            c.scan
                .listings
                .iter()
                .any(|(l, _)| l.as_ref().is_ok_and(|l| l.call == "kommunen"))
        };
        // The profiles follow the last chapter listing the municipalities,
        // at its level; without one they close the book at the top level,
        // never nested in the last chapter's part.
        let last = chapters.len().saturating_sub(1);
        let listed = chapters.iter().rposition(|c| has_kommunen(c));
        let profiles_after = listed.unwrap_or(last);
        // The monitoring section follows the chapter with the listing of all
        // indicators, else the last chapter listing some, else the last one.
        let indikatoren = |c: &Chapter, all: bool| {
            c.scan.listings.iter().any(|(l, _)| {
                l.as_ref()
                    .is_ok_and(|l| l.call == "indikatoren" && (!all || l.args.is_empty()))
            })
        };
        let monitoring_listed = chapters
            .iter()
            .rposition(|c| indikatoren(c, true))
            .or_else(|| chapters.iter().rposition(|c| indikatoren(c, false)));
        let monitoring_after = monitoring_listed.unwrap_or(last);
        // The level of a section that follows chapter `i`: the chapter's when
        // a listing placed it there, else the top level.
        let after_level =
            |placed: Option<usize>, level: u8| if placed.is_some() { level } else { 1 };
        self.monitoring_section = !p.data.indikatoren.is_empty() || !p.data.massnahmen.is_empty();
        let mut out = Vec::new();
        let mut part: Option<usize> = None;
        for (i, c) in chapters.iter().enumerate() {
            if let Some(pi) = c.part
                && c.part != part
            {
                let pt = &p.book.parts[pi];
                let label = format!("teil:{}", pt.slug);
                self.emitted.insert(label.clone());
                let intro = self.md(pt.file.clone(), pt.body());
                let summary = self.md(pt.file.clone(), pt.summary.as_deref().unwrap_or(""));
                out.push(json!({"t": "part", "title": pt.title, "label": label,
                                "summary": summary, "intro": intro}));
            }
            part = c.part;
            let level: u8 = if c.part.is_some() { 2 } else { 1 };
            let label = chapter_label(c);
            self.emitted.insert(label.clone());
            for h in &c.scan.headings {
                self.emitted.insert(format!("{label}#{}", h.id));
            }
            let hf = c
                .handlungsfeld
                .as_ref()
                .and_then(|h| p.data.handlungsfeld(h))
                .map(|h| h.nummer);
            let body = self.chapter_body(c, level + 1, true);
            out.push(json!({"t": "chapter", "title": c.title,
                            "short": c.short_title.as_ref().unwrap_or(&c.title),
                            "label": label, "level": level, "hf": hf, "body": body}));
            if i == profiles_after && !p.data.kommunen.is_empty() {
                out.push(self.profiles(after_level(listed, level)));
            }
            if i == monitoring_after
                && let Some(section) = self.monitoring(after_level(monitoring_listed, level))
            {
                out.push(section);
            }
        }
        if !p.data.akteure.is_empty() {
            out.push(self.akteure_appendix());
        }
        out
    }

    /// The monitoring section: charts, tables and trends of the indicators,
    /// the implementation status.
    fn monitoring(&mut self, level: u8) -> Option<Value> {
        let (p, t) = (self.p, self.t);
        let indicators = std::mem::take(&mut self.indicators);
        let mut files = std::mem::take(&mut self.files);
        let ind = std::mem::take(&mut self.ind);
        let mut md = |i: &crate::data::Indikator| {
            self.md(crate::data::rel("indikatoren.yaml"), &i.beschreibung)
        };
        let section = monitoring::section(p, t, &indicators, &ind, level, &mut md, &mut files);
        self.ind = ind;
        self.files = files;
        self.indicators = indicators;
        if section.is_some() {
            self.emitted.insert(monitoring::LABEL.to_string());
            for i in &p.data.indikatoren {
                self.emitted.insert(monitoring::label(i));
            }
        }
        section
    }

    /// The municipality profiles: facts, contact, text, offers and measures.
    fn profiles(&mut self, level: u8) -> Value {
        let items: Vec<Value> = (0..self.p.data.kommunen.len())
            .map(|k| self.profile(k))
            .collect();
        json!({"t": "profiles", "title": self.t.get("print.profiles"), "label": "kommunen",
               "level": level, "items": items})
    }

    fn profile(&mut self, ki: usize) -> Value {
        let k = &self.p.data.kommunen[ki];
        let label = format!("kommune:{}", k.slug);
        let first = self.emitted.insert(label.clone());
        let profil = self.md(kommune_file(&k.slug), &k.profil);
        let angebote: Vec<Value> = self.r.kommunen[ki]
            .angebote_idx
            .clone()
            .into_iter()
            .map(|a| self.angebot(a))
            .collect();
        let massnahmen = self.massnahmen_rows(&self.r.kommunen[ki].massnahmen_idx.clone());
        item(
            &self.r.kommunen[ki],
            json!({
                "label": first.then_some(label),
                "profil": profil,
                "angebote": angebote,
                "massnahmen": massnahmen,
                "akteure": self.kommune_akteure(ki),
            }),
        )
    }

    /// The actors working in municipality `ki`, for its profile: name, kind,
    /// and the label of the actor's entry in the appendix.
    fn kommune_akteure(&self, ki: usize) -> Vec<Value> {
        self.r.kommunen[ki]
            .akteure_idx
            .iter()
            .map(|i| {
                let a = &self.r.akteure[*i];
                json!({
                    "name": a.name,
                    "art": a.art.titel,
                    "kreisweit": a.kreisweit,
                    "ref": crate::views::akteure::label(&a.id),
                })
            })
            .collect()
    }

    /// An actor's entry in the appendix; the label on its first one.
    fn akteur_entry(&mut self, i: usize) -> Value {
        let d = &self.p.data;
        let v = &self.r.akteure[i];
        let label = crate::views::akteure::label(&v.id);
        let first = self.emitted.insert(label.clone());
        let beschreibung = self.md(
            crate::data::rel(crate::data::akteure::FILE),
            &d.akteure[i].beschreibung,
        );
        let join = |l: &[crate::views::Link], sep: &str| {
            l.iter()
                .map(|x| x.titel.as_str())
                .collect::<Vec<_>>()
                .join(sep)
        };
        let v = &self.r.akteure[i];
        item(
            v,
            json!({
                "label": first.then_some(label),
                "handlungsfelder_text": join(&v.handlungsfelder, "; "),
                "zielgruppen_text": if v.zielgruppen.is_empty() {
                    self.t.get("zielgruppe.all_groups")
                } else {
                    join(&v.zielgruppen, ", ")
                },
                "sprachen_text": join(&v.sprachen, ", "),
                "massnahmen_text": v.verantwortlich_idx.iter().chain(&v.partner_idx)
                    .map(|m| d.massnahmen[*m].id.value.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                "beschreibung": beschreibung,
            }),
        )
    }

    /// The appendix of actors: the district-wide ones, then one group per
    /// municipality with the actors of the place, and the network overview
    /// (the site's SVG with the table of its numbers as text alternative).
    fn akteure_appendix(&mut self) -> Value {
        let (p, t) = (self.p, self.t);
        let d = &p.data;
        let mut groups = Vec::new();
        let mut wide: Vec<usize> = (0..d.akteure.len())
            .filter(|i| d.akteure[*i].is_kreisweit())
            .collect();
        wide.sort_by(|x, y| crate::text::german_cmp(&d.akteure[*x].name, &d.akteure[*y].name));
        if !wide.is_empty() {
            let items: Vec<Value> = wide.into_iter().map(|i| self.akteur_entry(i)).collect();
            groups.push(json!({"title": t.get("akteur.district_wide_group"), "items": items}));
        }
        for ki in 0..d.kommunen.len() {
            let local: Vec<usize> = self.r.kommunen[ki]
                .akteure_idx
                .iter()
                .copied()
                .filter(|i| !d.akteure[*i].is_kreisweit())
                .collect();
            let items: Vec<Value> = local.into_iter().map(|i| self.akteur_entry(i)).collect();
            groups.push(json!({"title": d.kommunen[ki].name, "items": items}));
        }
        let netz = &self.r.netz;
        let src = format!("{}/netzwerk.svg", monitoring::DIR);
        self.files
            .push((src.clone(), netz.svg.clone().into_bytes()));
        let rows: Vec<Value> = netz
            .kommunen
            .iter()
            .map(|k| {
                json!({"name": k.kommune.titel,
                       "cells": k.felder.iter().map(|f| json!({"text": f.text, "stufe": f.stufe})).collect::<Vec<_>>()})
            })
            .collect();
        json!({
            "t": "akteure",
            "title": t.get("akteur.appendix"),
            "intro": t.get("akteur.appendix_intro"),
            "label": "akteure",
            "level": 1,
            "groups": groups,
            "netz": {
                "title": t.get("akteur.network.title"),
                "intro": t.get("akteur.network.intro"),
                "src": src,
                "alt": t.get("akteur.network.chart_desc"),
                "caption": t.get("akteur.network.chart_title"),
                "table_caption": t.get("akteur.network.summary_caption"),
                "head": netz.handlungsfelder.iter().enumerate()
                    .map(|(i, h)| format!("{} {}", i + 1, h.titel)).collect::<Vec<_>>(),
                "rows": rows,
                "gaps_title": t.get("akteur.network.gaps"),
                "gaps": netz.luecken,
                "no_gaps": t.get("akteur.network.no_gaps"),
            },
        })
    }

    /// Offer `i` of the list of all offers.
    fn angebot(&mut self, i: usize) -> Value {
        let (ki, ai) = select::angebot_at(&self.p.data, i);
        let k = &self.p.data.kommunen[ki];
        let beschreibung = self.md(kommune_file(&k.slug), &k.angebote[ai].beschreibung);
        item(&self.r.angebote[i], json!({"beschreibung": beschreibung}))
    }

    /// The chapter summaries for the short version.
    fn summaries(&mut self) -> Vec<Value> {
        let p = self.p;
        let mut out = Vec::new();
        let mut part = None;
        for c in p.book.main_chapters() {
            if c.summary.as_deref().is_none_or(|s| s.trim().is_empty()) {
                continue;
            }
            let part_title = c
                .part
                .filter(|_| c.part != part)
                .map(|pi| p.book.parts[pi].title.clone());
            part = c.part;
            let label = chapter_label(c);
            self.emitted.insert(label.clone());
            let summary = self.summary(c);
            out.push(json!({"title": c.title, "label": label, "part": part_title, "c": summary}));
        }
        out
    }

    /// The recommendations marked for the short version, by field of action.
    fn kurz_recommendations(&mut self) -> Vec<Value> {
        let d = &self.p.data;
        let mut out = Vec::new();
        for (hi, h) in d.handlungsfelder.iter().enumerate() {
            let listing = Listing {
                call: "empfehlungen".into(),
                args: vec![
                    ("handlungsfeld".into(), h.id.value.clone()),
                    ("kurzfassung".into(), "true".into()),
                ],
            };
            let items = select::empfehlungen(d, &listing);
            if items.is_empty() {
                continue;
            }
            let items: Vec<Value> = items.into_iter().map(|e| self.empfehlung(e)).collect();
            out.push(item(&self.r.handlungsfelder[hi], json!({"items": items})));
        }
        out
    }

    fn back_cover(&mut self) -> Value {
        let imprint = self
            .p
            .book
            .special(Kind::Imprint)
            .map(|c| self.summary(c))
            .filter(|v| !v.is_empty());
        let notice = self.notice();
        let a = &self.p.config.accessibility;
        json!({
            "imprint": imprint,
            "notice": notice,
            "email": (!a.contact_email.is_empty()).then_some(&a.contact_email),
            "phone": (!a.contact_phone.is_empty()).then_some(&a.contact_phone),
        })
    }

    fn empfehlung(&mut self, i: usize) -> Value {
        let e = &self.p.data.empfehlungen[i];
        let label = format!("empfehlung:{}", e.id.value);
        let first = self.emitted.insert(label.clone());
        let text = self.md(crate::data::rel("empfehlungen.yaml"), &e.text);
        let v = &self.r.empfehlungen[i];
        let massnahmen: Vec<Value> = v
            .massnahmen
            .iter()
            .map(|m| ref_node("massnahme", m, m))
            .collect();
        item(
            v,
            json!({"label": first.then_some(label), "text": text, "massnahmen": massnahmen}),
        )
    }

    /// The rows of measures `ms` (indexes into the data's measures).
    fn massnahmen_rows(&mut self, ms: &[usize]) -> Vec<Value> {
        ms.iter()
            .map(|i| {
                let v = &self.r.massnahmen[*i];
                let label = format!("massnahme:{}", v.id);
                let first = self.emitted.insert(label.clone());
                let e = &v.empfehlung.id;
                item(
                    v,
                    json!({
                        "label": first.then_some(label),
                        "empfehlung": [ref_node("empfehlung", e, e)],
                    }),
                )
            })
            .collect()
    }

    /// The indicators `items` (indexes into the data's) as a table with
    /// their latest district-wide values.
    fn indikatoren(&mut self, items: Vec<usize>) -> Value {
        let items: Vec<Value> = items
            .into_iter()
            .map(|i| {
                let label = format!("indikator:{}", self.ind[i].id);
                // With a monitoring section the label is its entry's.
                let first = !self.monitoring_section && self.emitted.insert(label.clone());
                item(
                    &self.ind[i],
                    json!({
                        "label": first.then_some(label.clone()),
                        "ref": self.monitoring_section.then_some(label),
                        "spark": monitoring::sparkline(&self.indicators[i]),
                    }),
                )
            })
            .collect();
        json!({"t": "indikatoren", "items": items})
    }

    /// Drops links to labels the document does not define and records how
    /// each image is placed.
    fn finish(&mut self, json: &mut Value) {
        let emitted = &self.emitted;
        let images = &mut self.images;
        ast::walk_mut(json, &mut |o| {
            let t = o.get("t").and_then(Value::as_str).unwrap_or("").to_string();
            if t == "ref"
                && let Some(l) = o.get("label").and_then(Value::as_str)
                && !emitted.contains(l)
            {
                o.insert("label".into(), Value::Null);
            }
            if let Some(u) = o.remove("use").and_then(|u| u.as_u64())
                && let Some(img) = images.get_mut(u as usize)
            {
                img.block = t == "figure";
            }
        });
    }
}

/// A link to the label `<kind>:<id>` showing `text`; dropped to plain text
/// when the document does not print the target.
fn ref_node(kind: &str, id: &str, text: &str) -> Value {
    json!({"t": "ref", "label": format!("{kind}:{id}"), "c": [text]})
}

/// A municipality's file, for diagnostics about its texts.
fn kommune_file(slug: &str) -> PathBuf {
    crate::data::rel("kommunen").join(format!("{slug}.yaml"))
}

/// `kapitel:slug`, the label of a chapter's title.
fn chapter_label(c: &Chapter) -> String {
    format!("kapitel:{}", c.slug)
}

impl Host for Builder<'_> {
    fn record_label(&self, r: &RecordRef) -> Option<String> {
        Some(match r.kind {
            RefKind::Kapitel => match &r.anchor {
                Some(a) => format!("kapitel:{}#{a}", r.id),
                None => format!("kapitel:{}", r.id),
            },
            RefKind::Handlungsfeld => self
                .hf_chapter
                .get(&r.id)
                .cloned()
                .unwrap_or_else(|| format!("handlungsfeld:{}", r.id)),
            k => format!("{}:{}", k.prefix(), r.id),
        })
    }

    fn ref_text(&self, r: &RecordRef) -> String {
        self.p.ref_label(r).unwrap_or_else(|| r.id.clone())
    }

    fn listing(&mut self, l: &Listing, level: u8) -> Value {
        let d = &self.p.data;
        match l.call.as_str() {
            "empfehlungen" => {
                let items: Vec<Value> = select::empfehlungen(d, l)
                    .into_iter()
                    .map(|i| self.empfehlung(i))
                    .collect();
                json!({"t": "empfehlungen", "level": level, "items": items})
            }
            "massnahmen" => {
                let rows = self.massnahmen_rows(&select::massnahmen(d, l));
                json!({"t": "massnahmen", "items": rows})
            }
            "kommunen" => {
                let items: Vec<Value> = (self.r.kommunen.iter())
                    .map(|k| item(k, json!({"name": [ref_node("kommune", &k.slug, &k.name)]})))
                    .collect();
                let e = &self.r.einwohner;
                json!({
                    "t": "kommunen",
                    "items": items,
                    "sum": e.summe,
                    "stand": (!d.kommunen.is_empty()).then_some(&e.stand),
                    "quelle": (!d.kommunen.is_empty()).then_some(&e.quelle),
                })
            }
            "angebote" => {
                let items = (select::angebote(d, l).into_iter())
                    .map(|x| self.angebot(select::angebot_index(d, x)))
                    .collect::<Vec<_>>();
                json!({"t": "angebote", "items": items})
            }
            "handlungsfelder" => {
                let items: Vec<Value> = (d.handlungsfelder.iter().enumerate())
                    .map(|(i, h)| {
                        let label = format!("handlungsfeld:{}", h.id.value);
                        let first = self.emitted.insert(label.clone());
                        let beschreibung =
                            self.md(crate::data::rel("handlungsfelder.yaml"), &h.beschreibung);
                        let chapter = self.hf_chapter.get(&h.id.value).cloned();
                        item(
                            &self.r.handlungsfelder[i],
                            json!({
                                "label": first.then_some(label),
                                "titel": [{"t": "ref", "label": chapter, "c": [h.titel]}],
                                "beschreibung": beschreibung,
                            }),
                        )
                    })
                    .collect();
                json!({"t": "handlungsfelder", "items": items})
            }
            "zielgruppen" => {
                let items: Vec<Value> = (d.zielgruppen.iter().enumerate())
                    .map(|(i, z)| {
                        let label = format!("zielgruppe:{}", z.id.value);
                        let first = self.emitted.insert(label.clone());
                        let beschreibung =
                            self.md(crate::data::rel("zielgruppen.yaml"), &z.beschreibung);
                        item(
                            &self.r.zielgruppen[i],
                            json!({"label": first.then_some(label), "beschreibung": beschreibung}),
                        )
                    })
                    .collect();
                json!({"t": "zielgruppen", "level": level, "items": items})
            }
            "indikatoren" => self.indikatoren(select::indikatoren(d, l)),
            _ => Value::Null,
        }
    }

    fn attachment_url(&self, dest: &str) -> Option<String> {
        use crate::content::attachments::{Target, site_url, target};
        let base = &self.p.config.base_url;
        if !crate::config::is_absolute_url(base) {
            return None;
        }
        let Target::Published { file, .. } = target(self.origin.dir.as_ref()?, dest)? else {
            return None;
        };
        self.p
            .root
            .join(&file)
            .is_file()
            .then(|| format!("{}/{}", base.trim_end_matches('/'), site_url(&file)))
    }

    fn image(&mut self, src: &str, range: &Range<usize>) -> Option<(String, usize)> {
        let o = self.origin.clone();
        let span = o
            .chapter
            .as_ref()
            .map(|(text, start)| Span::from_bytes(text, start + range.start, start + range.end));
        let dir = o.dir.as_ref()?;
        if crate::project::is_external(src) {
            return None;
        }
        let rel = dir.join(src);
        let source = match crate::project::regular_file_inside(&self.p.root, &rel) {
            Ok(path) => path,
            Err(why) => {
                self.diags.push(
                    Diagnostic::error(&o.file, msg!("image-not-for-pdf", src = src, reason = why))
                        .at_opt(span)
                        .hint(msg!("hint-image-regular-file")),
                );
                return None;
            }
        };
        let n = self.staged.len() + 1;
        let staged = self
            .staged
            .entry(source.clone())
            .or_insert_with(|| {
                let ext = Path::new(src)
                    .extension()
                    .map(|e| e.to_string_lossy().to_lowercase())
                    .unwrap_or_default();
                format!("bilder/{n}.{ext}")
            })
            .clone();
        self.images.push(ImageUse {
            src: src.to_string(),
            source,
            staged: staged.clone(),
            file: o.file.clone(),
            span,
            block: false,
        });
        Some((staged, self.images.len() - 1))
    }

    fn raw_html(&mut self, html: &str, _range: &Range<usize>) -> Option<String> {
        // YAML fields and summaries show HTML as text, as the site does.
        if self.origin.chapter.is_none() {
            return Some(html.to_string());
        }
        // In chapters the site shows the (cleaned) HTML; the PDF its text.
        let text = crate::text::html_text(html);
        (!text.trim().is_empty()).then_some(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture() -> (Project, Strings) {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/print/basic");
        let mut diags = crate::diag::Diagnostics::default();
        let p = Project::load(&root, &mut diags).expect("the fixture loads");
        let theme = crate::theme::Theme::new(&root, &p.config.theme);
        let t = crate::strings::load(&p.config, &theme).unwrap();
        (p, t)
    }

    /// Every `label` the document defines and every `ref` target, in order.
    fn labels(v: &Value) -> (Vec<String>, Vec<Option<String>>) {
        let mut defs = Vec::new();
        let mut refs = Vec::new();
        let mut v = v.clone();
        ast::walk_mut(&mut v, &mut |o| {
            let label = o.get("label").and_then(Value::as_str).map(str::to_string);
            if o.get("t").and_then(Value::as_str) == Some("ref") {
                refs.push(label);
            } else if let Some(l) = label {
                defs.push(l);
            }
        });
        (defs, refs)
    }

    #[test]
    fn records_are_labelled_once_and_links_resolve_or_fall_back_to_text() {
        let (p, t) = fixture();
        let doc = build(&p, &t, DocKind::Lang);
        let (defs, refs) = labels(&doc.json);
        let once = |l: &str| defs.iter().filter(|d| *d == l).count();
        assert_eq!(once("empfehlung:SB-1"), 1, "{defs:?}");
        assert_eq!(once("kommune:nordstadt"), 1);
        assert_eq!(once("kapitel:ausblick#ziele"), 1);
        let mut unique = defs.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), defs.len(), "a label is defined twice");
        for r in refs.iter().flatten() {
            assert!(
                defs.contains(r),
                "a link to `{r}`, which the document lacks"
            );
        }
        // The profiles follow the chapter with the `kommunen` listing.
        let sections = doc.json["sections"].as_array().unwrap();
        let at = sections.iter().position(|s| s["t"] == "profiles").unwrap();
        assert_eq!(sections[at - 1]["label"], "kapitel:kommunen");
        let photo = doc
            .images
            .iter()
            .find(|i| i.src == "bilder/foto.png")
            .unwrap();
        assert!(photo.block, "a lone image is a figure");
        assert_eq!(photo.span.unwrap().line, 47);
    }

    #[test]
    fn the_brochure_links_only_what_it_prints() {
        let (p, t) = fixture();
        let doc = build(&p, &t, DocKind::Kurz);
        let (defs, refs) = labels(&doc.json);
        assert!(defs.contains(&"empfehlung:SB-1".to_string()));
        assert!(
            !defs.iter().any(|d| d == "empfehlung:SB-2"),
            "SB-2 is not for the brochure"
        );
        assert!(
            !defs.iter().any(|d| d.starts_with("kommune:")),
            "no profiles in the brochure"
        );
        for r in refs.iter().flatten() {
            assert!(
                defs.contains(r),
                "a link to `{r}`, which the brochure lacks"
            );
        }
        assert_eq!(doc.json["empfehlungen"][0]["items"][0]["id"], "SB-1");
        assert_eq!(doc.json["meta"]["paper"], "a5");
    }
}
