//! The short version in each published translation, at `/<code>/`: a
//! start page with the summaries and the recommendations, one page per
//! recommendation, the offers (filterable) and the accessibility
//! essentials, from the theme's `templates/lang/`.
//!
//! Each language renders from its translated project ([`crate::translate::apply`])
//! and its interface strings over the German ones; a text whose
//! translation is missing or out of date shows in German, tagged
//! `lang="de"`, with a note in the reader's language.

use super::{Renderer, html, urls};
use crate::diag::{Diagnostic, Diagnostics};
use crate::project::Project;
use crate::translate::Translated;
use crate::views::Download;
use crate::views::lang::{Equivalent, LangLink, Languages, prefix};
use minijinja::value::Serde;
use minijinja::{Value, context};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// One published translation, ready to render.
pub struct LangSite {
    pub link: LangLink,
    pub translated: Translated,
    pub renderer: Renderer,
}

/// A page of a translation.
struct LangPage {
    path: String,
    template: &'static str,
    equivalent: Equivalent,
    index: Option<usize>,
}

#[derive(Serialize)]
struct ChapterSummary {
    slug: String,
    title: String,
    summary: String,
}

#[derive(Serialize)]
struct RecLink {
    id: String,
    titel: String,
    path: String,
}

#[derive(Serialize)]
struct Group {
    id: String,
    nummer: u32,
    titel: String,
    items: Vec<RecLink>,
}

#[derive(Serialize)]
struct Spoken {
    code: String,
    name: String,
    dir: &'static str,
}

/// Builds every published translation of `p`.
pub fn sites(p: &Project, theme: &crate::theme::Theme) -> Result<Vec<LangSite>, Diagnostics> {
    let one = |d: Diagnostic| -> Diagnostics { std::iter::once(d).collect() };
    let langs = Languages::of(p);
    crate::views::lang::published(p)
        .into_iter()
        .map(|c| {
            let translated = crate::translate::apply(p, c);
            let strings = crate::strings::load_translation(
                &p.config,
                theme,
                &p.config.language,
                &c.lang.code,
            )
            .map_err(one)?;
            let renderer = Renderer::with_strings(&translated.project, strings, &langs)?;
            let link = langs
                .links
                .iter()
                .find(|l| l.code == c.lang.code)
                .cloned()
                .expect("published languages are in the switch");
            Ok(LangSite {
                link,
                translated,
                renderer,
            })
        })
        .collect()
}

fn pages(p: &Project, code: &str) -> Vec<LangPage> {
    let base = prefix(code);
    let mut v = vec![
        LangPage {
            path: base.clone(),
            template: "lang/index.html",
            equivalent: Equivalent::Home,
            index: None,
        },
        LangPage {
            path: format!("{base}angebote/"),
            template: "lang/angebote.html",
            equivalent: Equivalent::Angebote,
            index: None,
        },
        LangPage {
            path: format!("{base}barrierefreiheit/"),
            template: "lang/barrierefreiheit.html",
            equivalent: Equivalent::Barrierefreiheit,
            index: None,
        },
    ];
    for (i, e) in p
        .data
        .empfehlungen
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kurzfassung)
    {
        let eq = Equivalent::Empfehlung(e.id.value.clone());
        v.push(LangPage {
            path: format!("{base}{}", crate::views::lang::path(&eq)),
            template: "lang/empfehlung.html",
            equivalent: eq,
            index: Some(i),
        });
    }
    v
}

/// The path of page `e` on the source-language site.
pub fn source_path(p: &Project, e: &Equivalent) -> Option<String> {
    Some(match e {
        Equivalent::Home => String::new(),
        Equivalent::Empfehlung(id) => urls::empfehlung(id),
        Equivalent::Angebote => "angebote/".into(),
        Equivalent::Barrierefreiheit => {
            let c = p.book.special(crate::content::Kind::Accessibility)?;
            urls::chapter(&c.slug, c.kind)
        }
    })
}

/// Renders the pages of one translation: (file, HTML) pairs, the start
/// page only when `home` (it waits for the brochure's size), else the rest.
pub fn render(
    p: &Project,
    site: &LangSite,
    langs: &Languages,
    brochure: Option<&Download>,
    home: bool,
) -> Result<Vec<(String, String)>, Diagnostics> {
    let q = &site.translated.project;
    let r = &site.renderer;
    let fallbacks = Arc::new(site.translated.fallbacks.clone());
    let note = r.strings.get("lang.fallback");
    let source = langs
        .links
        .first()
        .cloned()
        .expect("the source language is first");
    let text_fn = {
        let (f, note, src) = (fallbacks.clone(), note.clone(), source.clone());
        move |key: String, value: String| -> Value {
            let v = html_escape::encode_text(&value).into_owned();
            Value::from_safe_string(if f.contains(&key) {
                mark_inline(&v, &src, &note)
            } else {
                v
            })
        }
    };
    let block_fn = {
        let (f, note, src) = (fallbacks.clone(), note.clone(), source.clone());
        move |key: String, value: String| -> Value {
            Value::from_safe_string(if f.contains(&key) {
                format!(
                    "<div lang=\"{}\" dir=\"{}\">{value}</div><p class=\"fallback-note\">{}</p>",
                    src.code,
                    src.dir,
                    html_escape::encode_text(&note)
                )
            } else {
                value
            })
        }
    };
    let fallback_fn = {
        let f = fallbacks.clone();
        move |key: String| -> bool { f.contains(&key) }
    };
    let note_fn = {
        let note = note.clone();
        move || -> Value {
            Value::from_safe_string(format!(
                "<p class=\"fallback-note\">{}</p>",
                html_escape::encode_text(&note)
            ))
        }
    };
    let labels = html::Labels::new(&r.strings);
    let no_listing = |_: &crate::content::markdown::Listing| String::new();
    let md = |src: &str| -> String {
        let root = urls::ROOT.to_string();
        let ctx = html::Ctx {
            project: q,
            root: &root,
            dir: None,
            raw: html::RawHtml::Escape,
            labels: &labels,
            listing: &no_listing,
        };
        html::render(src, &[], &ctx)
    };
    let chapters: Vec<ChapterSummary> = q
        .book
        .main_chapters()
        .filter(|c| c.summary.as_deref().is_some_and(|s| !s.trim().is_empty()))
        .map(|c| ChapterSummary {
            slug: c.slug.clone(),
            title: c.title.clone(),
            summary: md(c.summary.as_deref().unwrap_or_default()),
        })
        .collect();
    let groups: Vec<Group> = q
        .data
        .handlungsfelder
        .iter()
        .map(|h| Group {
            id: h.id.value.clone(),
            nummer: h.nummer,
            titel: h.titel.clone(),
            items: q
                .data
                .empfehlungen
                .iter()
                .filter(|e| e.kurzfassung && e.handlungsfeld.value == h.id.value)
                .map(|e| RecLink {
                    id: e.id.value.clone(),
                    titel: e.titel.clone(),
                    path: crate::views::lang::path(&Equivalent::Empfehlung(e.id.value.clone())),
                })
                .collect(),
        })
        .filter(|g| !g.items.is_empty())
        .collect();
    // Offer keys from the German titles, which the translations refer to.
    let mut offer_keys = BTreeMap::new();
    for k in &p.data.kommunen {
        for (i, a) in k.angebote.iter().enumerate() {
            offer_keys.insert(
                format!("{}-{}", k.slug, i + 1),
                crate::translate::units::offer_key(&k.slug, &a.titel.value),
            );
        }
    }
    let count_offers: usize = q.data.kommunen.iter().map(|k| k.angebote.len()).sum();
    let mut spoken_codes = BTreeSet::new();
    for k in &q.data.kommunen {
        for a in &k.angebote {
            for s in &a.sprachen {
                spoken_codes.insert(s.value.clone());
            }
        }
    }
    let names: BTreeMap<String, Spoken> = spoken_codes
        .iter()
        .map(|c| {
            let name = crate::languages::autonym(c)
                .map(str::to_string)
                .unwrap_or_else(|| r.strings.get_or(&format!("sprachen.{c}"), c));
            (
                c.clone(),
                Spoken {
                    code: c.clone(),
                    name,
                    dir: crate::languages::direction_of(c).as_str(),
                },
            )
        })
        .collect();
    // The filter's options: each spoken language in its own name.
    let spoken: Vec<Value> = names
        .values()
        .map(|s| context! { id => s.code.clone(), titel => s.name.clone() })
        .collect();
    let brochure_value = brochure.map(|d| {
        let pages_text = d
            .pages
            .map(|n| crate::locale::plural(&r.strings, "lang.pages", n as u64, &site.link.code));
        context! { url => d.url.clone(), title => d.title.clone(), pages => d.pages, size => d.size.clone(), pages_text => pages_text }
    });
    let statement = source_path(p, &Equivalent::Barrierefreiheit);
    let reviewed = crate::locale::date(&p.config.accessibility.reviewed, &site.link.code);
    let base = context! {
        site => r.site.clone(),
        t => r.strings_value.clone(),
        data => r.model_value.clone(),
        lang => Serde(&site.link),
        source => Serde(&source),
        languages => Serde(&langs.links),
        chapters => Serde(&chapters),
        groups => Serde(&groups),
        offer_keys => Serde(&offer_keys),
        names => Serde(&names),
        spoken => spoken,
        count_offers => count_offers,
        brochure => brochure_value,
        statement => statement,
        reviewed => reviewed,
        text => Value::from_function(text_fn),
        block_text => Value::from_function(block_fn),
        fallback => Value::from_function(fallback_fn),
        note => Value::from_function(note_fn),
    };
    let mut out = Vec::new();
    let mut diags = Diagnostics::default();
    for page in pages(p, &site.link.code) {
        if (page.equivalent == Equivalent::Home) != home {
            continue;
        }
        let root = urls::root_prefix(&page.path);
        let alternates = langs.alternates(&page.equivalent, source_path(p, &page.equivalent));
        let ctx = context! {
            ..base.clone(),
            ..context! {
                root => root.clone(),
                path => page.path.clone(),
                alternates => Serde(&alternates),
                index => page.index,
            }
        };
        match r
            .env
            .get_template(page.template)
            .and_then(|t| t.render(ctx))
        {
            Ok(html) => {
                let html = html
                    .replace(urls::ROOT, &root)
                    .replace(urls::ROOT_IN_URL, &root);
                out.push((format!("{}index.html", page.path), html));
            }
            Err(e) => diags.push(super::templates::describe(&e, &page.path, &r.theme)),
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(out)
}

fn mark_inline(escaped: &str, src: &LangLink, note: &str) -> String {
    format!(
        "<span lang=\"{}\" dir=\"{}\">{escaped}</span> <span class=\"fallback-note\">({})</span>",
        src.code,
        src.dir,
        html_escape::encode_text(note)
    )
}
