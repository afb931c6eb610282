//! The texts of the short version that a language translates, each with a
//! stable reference (`msgctxt`): chapter slug or record id plus field, so a
//! moved sentence keeps its translation.

use crate::content::Kind;
use crate::languages::Language;
use crate::project::Project;

/// The stable reference (`msgctxt`) of a translated text: `kind/id/field`,
/// e.g. `empfehlung/SB-1/text`, `kapitel/vorwort/summary`.
pub fn reference(kind: &str, id: &str, field: &str) -> String {
    format!("{kind}/{id}/{field}")
}

/// One translatable text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// The stable reference, e.g. `empfehlung/SB-1/titel`.
    pub ctxt: String,
    /// The German source text.
    pub source: String,
    /// Where it is written: `content/02-einleitung.md`.
    pub file: String,
    /// 1-based line in `file`.
    pub line: usize,
    /// A note for the translator (what the text is).
    pub note: String,
    /// The kind of text (one of [`crate::languages::UNIT_KINDS`]).
    pub kind: &'static str,
}

impl Unit {
    /// `file:line`, as PO's `#:` reference.
    pub fn reference(&self) -> String {
        format!("{}:{}", self.file, self.line)
    }
}

fn line_of(text: &str, needle: &str) -> usize {
    text.find(needle)
        .map(|i| text[..i].matches('\n').count() + 1)
        .unwrap_or(1)
}

/// The line of `needle` in the data file `file` as loading kept it.
fn line_of_in(texts: &[(std::path::PathBuf, String)], file: &str, needle: &str) -> usize {
    texts
        .iter()
        .find(|(p, _)| p.to_string_lossy().replace('\\', "/") == file)
        .map(|(_, t)| line_of(t, needle))
        .unwrap_or(1)
}

/// The stable key of an offer: its municipality and its title's slug.
pub fn offer_key(kommune: &str, titel: &str) -> String {
    format!("angebot/{kommune}/{}", crate::text::slugify(titel))
}

/// Every unit `lang` translates, in a stable order (the order of the sources).
pub fn units(p: &Project, lang: &Language) -> Vec<Unit> {
    let mut out = Vec::new();
    let want = |k: &str| lang.units.iter().any(|u| u == k);
    let mut push = |kind: &'static str,
                    ctxt: String,
                    source: &str,
                    file: String,
                    line: usize,
                    note: String| {
        let source = source.trim_end().to_string();
        if !source.trim().is_empty() {
            out.push(Unit {
                ctxt,
                source,
                file,
                line,
                note,
                kind,
            });
        }
    };
    let d = &p.data;
    let rec_line = |s: &Option<crate::diag::Span>| s.map(|s| s.line).unwrap_or(1);
    if want("imprint") {
        let c = &p.config;
        let f = crate::config::FILE.to_string();
        for (key, v) in [
            ("title", &c.title),
            ("subtitle", &c.subtitle),
            ("publisher", &c.publisher),
            ("description", &c.description),
        ] {
            push(
                "imprint",
                format!("book/{key}"),
                v,
                f.clone(),
                line_of(&c.source, &format!("\n{key} ")),
                format!("book.toml, `{key}`"),
            );
        }
    }
    if want("notice")
        && let Some(n) = &p.config.notice
    {
        push(
            "notice",
            "book/notice".into(),
            n,
            crate::config::FILE.into(),
            line_of(&p.config.source, "\nnotice"),
            "book.toml, `notice`: the note on every page (Markdown)".into(),
        );
    }
    if want("chapters") {
        for c in &p.book.chapters {
            if !matches!(c.kind, Kind::Chapter | Kind::Imprint) {
                continue;
            }
            let file = c.file.to_string_lossy().replace('\\', "/");
            push(
                "chapters",
                reference("kapitel", &c.slug, "titel"),
                &c.title,
                file.clone(),
                line_of(&c.source, "title:"),
                format!("chapter „{}“, title", c.title),
            );
            if let Some(s) = &c.summary {
                push(
                    "chapters",
                    reference("kapitel", &c.slug, "summary"),
                    s,
                    file,
                    line_of(&c.source, "summary:"),
                    format!("chapter „{}“, summary (Markdown)", c.title),
                );
            }
        }
    }
    if want("fields") {
        for h in &d.handlungsfelder {
            push(
                "fields",
                reference("handlungsfeld", &h.id.value, "titel"),
                &h.titel,
                "data/handlungsfelder.yaml".into(),
                rec_line(&h.id.span),
                format!("field of action {}, title", h.nummer),
            );
        }
    }
    if want("groups") {
        for z in &d.zielgruppen {
            push(
                "groups",
                reference("zielgruppe", &z.id.value, "titel"),
                &z.titel,
                "data/zielgruppen.yaml".into(),
                rec_line(&z.id.span),
                format!("focus group `{}`, title", z.id.value),
            );
        }
    }
    if want("recommendations") {
        for e in d.empfehlungen.iter().filter(|e| e.kurzfassung) {
            let l = rec_line(&e.id.span);
            push(
                "recommendations",
                reference("empfehlung", &e.id.value, "titel"),
                &e.titel,
                "data/empfehlungen.yaml".into(),
                l,
                format!("recommendation {}, title", e.id.value),
            );
            push(
                "recommendations",
                reference("empfehlung", &e.id.value, "text"),
                &e.text,
                "data/empfehlungen.yaml".into(),
                l,
                format!("recommendation {}, text (Markdown)", e.id.value),
            );
        }
    }
    if want("indicators") {
        for i in d.indikatoren.iter().filter(|i| i.kennzahl) {
            let l = rec_line(&i.id.span);
            push(
                "indicators",
                reference("indikator", &i.id.value, "titel"),
                &i.titel,
                "data/indikatoren.yaml".into(),
                l,
                format!("key indicator `{}`, title", i.id.value),
            );
            push(
                "indicators",
                reference("indikator", &i.id.value, "einheit"),
                &i.einheit,
                "data/indikatoren.yaml".into(),
                l,
                format!("key indicator `{}`, unit", i.id.value),
            );
        }
    }
    if want("contacts") {
        for k in &d.kommunen {
            let file = format!("data/kommunen/{}.yaml", k.slug);
            let l = line_of_in(&d.texts, &file, "kontakt:");
            push(
                "contacts",
                reference("kommune", &k.slug, "kontakt/rolle"),
                &k.kontakt.rolle,
                file.clone(),
                l,
                format!("contact in {}, role", k.name),
            );
            push(
                "contacts",
                reference("kommune", &k.slug, "kontakt/stelle"),
                &k.kontakt.stelle,
                file,
                l,
                format!("contact in {}, office", k.name),
            );
        }
    }
    if want("offers") {
        for k in &d.kommunen {
            let file = format!("data/kommunen/{}.yaml", k.slug);
            for a in &k.angebote {
                let key = offer_key(&k.slug, &a.titel.value);
                let l = rec_line(&a.titel.span);
                push(
                    "offers",
                    format!("{key}/titel"),
                    &a.titel.value,
                    file.clone(),
                    l,
                    format!("offer in {}, title", k.name),
                );
                push(
                    "offers",
                    format!("{key}/beschreibung"),
                    &a.beschreibung,
                    file.clone(),
                    l,
                    format!("offer in {}, description", k.name),
                );
            }
        }
    }
    out
}
