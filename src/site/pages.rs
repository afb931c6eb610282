//! Which pages the site has, and the context each template gets.

use super::html::{self, Ctx, Labels, RawHtml};
use crate::content::markdown::Listing;
use crate::content::{Chapter, Kind};
use crate::findings::pages::Source;
use crate::project::Project;
use crate::views::urls;
use minijinja::value::Serde;
use minijinja::{Value, context};
use serde::Serialize;

/// Books with more chapters than this get a per-part sidebar and one shared
/// table of contents page instead of the whole tree on every page.
pub const FULL_NAV_LIMIT: usize = 80;

/// One page to render.
#[derive(Debug, Clone)]
pub struct Page {
    /// `kommunen/verl/` (written as `index.html` inside) or a file name like `404.html`.
    pub path: String,
    pub kind: PageKind,
}

#[derive(Debug, Clone, Copy)]
pub enum PageKind {
    Home,
    Chapter(usize),
    Part(usize),
    Contents,
    Handlungsfelder,
    Handlungsfeld(usize),
    Zielgruppen,
    Zielgruppe(usize),
    Empfehlungen,
    Empfehlung(usize),
    Massnahmen,
    Massnahme(usize),
    Kommunen,
    Kommune(usize),
    Angebote,
    Monitoring,
    Indikator(usize),
    Search,
    OpenData,
    NotFound,
}

impl Page {
    /// The source a finding about this page points at.
    pub fn source(&self) -> Source {
        match self.kind {
            PageKind::Chapter(i) => Source::Chapter(i),
            PageKind::Part(i) => Source::Part(i),
            PageKind::Empfehlung(_) | PageKind::Empfehlungen => Source::Data("empfehlungen.yaml"),
            PageKind::Massnahme(_) | PageKind::Massnahmen => Source::Data("massnahmen.yaml"),
            PageKind::Kommune(i) => Source::Kommune(i),
            PageKind::Handlungsfeld(_) | PageKind::Handlungsfelder => {
                Source::Data("handlungsfelder.yaml")
            }
            PageKind::Zielgruppe(_) | PageKind::Zielgruppen => Source::Data("zielgruppen.yaml"),
            _ => Source::Theme,
        }
    }

    /// The file this page is written to, relative to the site root.
    pub fn file(&self) -> String {
        if self.path.ends_with('/') || self.path.is_empty() {
            format!("{}index.html", self.path)
        } else {
            self.path.clone()
        }
    }
}

/// Every page of the site, in a stable order.
pub fn all(p: &Project) -> Vec<Page> {
    let d = &p.data;
    let mut v = vec![Page {
        path: String::new(),
        kind: PageKind::Home,
    }];
    let page = |path: String, kind| Page { path, kind };
    v.extend(
        p.book
            .chapters
            .iter()
            .enumerate()
            .map(|(i, c)| page(urls::chapter(&c.slug, c.kind), PageKind::Chapter(i))),
    );
    v.extend(
        p.book
            .parts
            .iter()
            .enumerate()
            .map(|(i, x)| page(urls::part(&x.slug), PageKind::Part(i))),
    );
    v.push(page("inhalt/".into(), PageKind::Contents));
    v.push(page("handlungsfelder/".into(), PageKind::Handlungsfelder));
    v.extend(
        d.handlungsfelder
            .iter()
            .enumerate()
            .map(|(i, h)| page(urls::handlungsfeld(&h.id), PageKind::Handlungsfeld(i))),
    );
    v.push(page("zielgruppen/".into(), PageKind::Zielgruppen));
    v.extend(
        d.zielgruppen
            .iter()
            .enumerate()
            .map(|(i, z)| page(urls::zielgruppe(&z.id), PageKind::Zielgruppe(i))),
    );
    v.push(page("empfehlungen/".into(), PageKind::Empfehlungen));
    v.extend(
        d.empfehlungen
            .iter()
            .enumerate()
            .map(|(i, e)| page(urls::empfehlung(&e.id), PageKind::Empfehlung(i))),
    );
    v.push(page("massnahmen/".into(), PageKind::Massnahmen));
    v.extend(
        d.massnahmen
            .iter()
            .enumerate()
            .map(|(i, m)| page(urls::massnahme(&m.id), PageKind::Massnahme(i))),
    );
    v.push(page("kommunen/".into(), PageKind::Kommunen));
    v.extend(
        d.kommunen
            .iter()
            .enumerate()
            .map(|(i, k)| page(urls::kommune(&k.slug), PageKind::Kommune(i))),
    );
    v.push(page("angebote/".into(), PageKind::Angebote));
    v.push(page("monitoring/".into(), PageKind::Monitoring));
    v.extend(
        d.indikatoren
            .iter()
            .enumerate()
            .map(|(i, x)| page(urls::indikator(&x.id), PageKind::Indikator(i))),
    );
    v.push(page("suche/".into(), PageKind::Search));
    v.push(page("data/".into(), PageKind::OpenData));
    v.push(page("404.html".into(), PageKind::NotFound));
    v
}

#[derive(Serialize)]
struct NavItem {
    title: String,
    url: String,
    current: bool,
    children: Vec<NavItem>,
}

#[derive(Serialize)]
struct TocEntry {
    level: u8,
    text: String,
    id: String,
}

/// What every page shares, computed once per build.
pub struct Shared<'a> {
    pub project: &'a Project,
    pub model: Value,
    pub site: Value,
    pub strings: Value,
    pub labels: Labels,
    pub env: &'a minijinja::Environment<'static>,
    pub langs: &'a crate::views::lang::Languages,
    /// Errors of listing templates, which render inside Markdown.
    pub errors: std::sync::Mutex<Vec<(String, minijinja::Error)>>,
}

impl Shared<'_> {
    /// The template name and context for `page`, with the chapter HTML rendered.
    pub fn context(&self, page: &Page) -> (&'static str, Value) {
        let p = self.project;
        let root = super::page_root(p, page);
        use crate::views::lang::Equivalent;
        let equivalent = match page.kind {
            PageKind::Home => Some(Equivalent::Home),
            PageKind::Empfehlung(i) if p.data.empfehlungen[i].kurzfassung => Some(
                Equivalent::Empfehlung(p.data.empfehlungen[i].id.value.clone()),
            ),
            PageKind::Angebote => Some(Equivalent::Angebote),
            PageKind::Chapter(i) if p.book.chapters[i].kind == Kind::Accessibility => {
                Some(Equivalent::Barrierefreiheit)
            }
            _ => None,
        };
        let alternates = equivalent
            .map(|e| self.langs.alternates(&e, Some(page.path.clone())))
            .unwrap_or_default();
        let base = context! {
            site => self.site.clone(),
            t => self.strings.clone(),
            data => self.model.clone(),
            root => root.clone(),
            path => page.path.clone(),
            languages => Serde(&self.langs.links),
            alternates => Serde(alternates),
        };
        let (template, extra): (&'static str, Value) = match page.kind {
            PageKind::Home => ("index.html", context! { nav => self.nav(None) }),
            PageKind::Chapter(i) => ("chapter.html", self.chapter(i, &root)),
            PageKind::Part(i) => {
                let part = &p.book.parts[i];
                let chapters: Vec<NavItem> = p
                    .book
                    .chapters
                    .iter()
                    .filter(|c| c.part == Some(i))
                    .map(|c| NavItem {
                        title: c.title.clone(),
                        url: urls::chapter(&c.slug, c.kind),
                        current: false,
                        children: vec![],
                    })
                    .collect();
                let intro = self.markdown(
                    part.body(),
                    &[],
                    &root,
                    Some(part.file.parent().unwrap_or(&part.file)),
                    RawHtml::Sanitize,
                );
                (
                    "part.html",
                    context! { part => context! { title => part.title.clone(), summary => self.md_inline(part.summary.as_deref()), intro => Value::from_safe_string(intro), chapters => Serde(chapters) }, nav => self.nav(None) },
                )
            }
            PageKind::Contents => (
                "contents.html",
                context! { nav => self.nav(None), tree => self.tree(None, true) },
            ),
            PageKind::Handlungsfelder => ("handlungsfelder.html", context! {}),
            PageKind::Handlungsfeld(i) => ("handlungsfeld.html", context! { index => i }),
            PageKind::Zielgruppen => ("zielgruppen.html", context! {}),
            PageKind::Zielgruppe(i) => ("zielgruppe.html", context! { index => i }),
            PageKind::Empfehlungen => ("empfehlungen.html", context! {}),
            PageKind::Empfehlung(i) => ("empfehlung.html", context! { index => i }),
            PageKind::Massnahmen => ("massnahmen.html", context! {}),
            PageKind::Massnahme(i) => ("massnahme.html", context! { index => i }),
            PageKind::Kommunen => ("kommunen.html", context! {}),
            PageKind::Kommune(i) => ("kommune.html", context! { index => i }),
            PageKind::Angebote => ("angebote.html", context! {}),
            PageKind::Monitoring => ("monitoring.html", context! {}),
            PageKind::Indikator(i) => ("indikator.html", context! { index => i }),
            PageKind::Search => ("search.html", context! {}),
            PageKind::OpenData => (
                "data.html",
                context! { files => super::export::FILES.iter().map(|(name, formats)| context! { name => *name, formats => formats.to_vec() }).collect::<Vec<_>>() },
            ),
            PageKind::NotFound => ("404.html", context! {}),
        };
        (template, context! { ..base, ..extra })
    }

    fn chapter(&self, i: usize, root: &str) -> Value {
        let p = self.project;
        let c = &p.book.chapters[i];
        let listing = |l: &Listing| self.listing(l, root);
        let ctx = Ctx {
            project: p,
            root,
            dir: Some(c.dir()),
            raw: if p.config.allow_html {
                RawHtml::Allow
            } else {
                RawHtml::Sanitize
            },
            labels: &self.labels,
            listing: &listing,
        };
        let body = html::render(c.body(), &c.scan.headings, &ctx);
        let toc: Vec<TocEntry> = c
            .scan
            .headings
            .iter()
            .filter(|h| (2..=3).contains(&h.level))
            .map(|h| TocEntry {
                level: h.level,
                text: h.text.clone(),
                id: h.id.clone(),
            })
            .collect();
        let main: Vec<&Chapter> = p.book.main_chapters().collect();
        let pos = main.iter().position(|x| std::ptr::eq(*x, c));
        let link = |c: &Chapter| context! { title => c.title.clone(), url => urls::chapter(&c.slug, c.kind) };
        let prev = pos.and_then(|i| i.checked_sub(1)).map(|i| link(main[i]));
        let next = pos.and_then(|i| main.get(i + 1)).map(|c| link(c));
        let part = c
            .part
            .map(|i| &p.book.parts[i])
            .map(|x| context! { title => x.title.clone(), url => urls::part(&x.slug) });
        let hf = c.handlungsfeld.as_ref().map(|h| h.value.clone());
        let kind = match c.kind {
            Kind::Chapter => "chapter",
            Kind::Imprint => "imprint",
            Kind::Accessibility => "accessibility",
            Kind::EasyLanguage => "easy-language",
        };
        context! {
            chapter => context! {
                title => c.title.clone(),
                slug => c.slug.clone(),
                kind => kind,
                summary => self.md_inline(c.summary.as_deref()),
                body => Value::from_safe_string(body),
                toc => Serde(toc),
                prev => prev,
                next => next,
                part => part,
                handlungsfeld => hf,
                description => c.description.clone().or_else(|| c.summary.as_deref().map(crate::content::markdown::plain_text)),
            },
            nav => self.nav(Some(c)),
        }
    }

    /// The sidebar: the whole book when it is small, else the current part.
    fn nav(&self, current: Option<&Chapter>) -> Value {
        let full = self.project.book.chapters.len() <= FULL_NAV_LIMIT;
        context! { full => full, items => self.tree(current, full) }
    }

    fn tree(&self, current: Option<&Chapter>, full: bool) -> Value {
        let book = &self.project.book;
        let is_current = |c: &Chapter| current.is_some_and(|x| std::ptr::eq(x, c));
        let item = |c: &Chapter| NavItem {
            title: c.short_title.clone().unwrap_or_else(|| c.title.clone()),
            url: urls::chapter(&c.slug, c.kind),
            current: is_current(c),
            children: vec![],
        };
        let mut items: Vec<NavItem> = Vec::new();
        let mut seen_parts = Vec::new();
        for c in book.main_chapters() {
            match c.part {
                None => items.push(item(c)),
                Some(pi) if !seen_parts.contains(&pi) => {
                    seen_parts.push(pi);
                    let part = &book.parts[pi];
                    let open = full || current.is_some_and(|x| x.part == Some(pi));
                    let children = if open {
                        book.main_chapters()
                            .filter(|x| x.part == Some(pi))
                            .map(item)
                            .collect()
                    } else {
                        vec![]
                    };
                    items.push(NavItem {
                        title: part.title.clone(),
                        url: urls::part(&part.slug),
                        current: false,
                        children,
                    });
                }
                Some(_) => {}
            }
        }
        Value::from(Serde(items))
    }

    fn markdown(
        &self,
        src: &str,
        headings: &[crate::content::markdown::Heading],
        root: &str,
        dir: Option<&std::path::Path>,
        raw: RawHtml,
    ) -> String {
        let listing = |l: &Listing| self.listing(l, root);
        let raw = if self.project.config.allow_html && raw == RawHtml::Sanitize {
            RawHtml::Allow
        } else {
            raw
        };
        let ctx = Ctx {
            project: self.project,
            root,
            dir,
            raw,
            labels: &self.labels,
            listing: &listing,
        };
        html::render(src, headings, &ctx)
    }

    fn md_inline(&self, src: Option<&str>) -> Option<Value> {
        src.map(|s| {
            Value::from_safe_string(self.markdown(
                s,
                &[],
                &urls::ROOT.to_string(),
                None,
                RawHtml::Escape,
            ))
        })
    }

    /// A listing block rendered by `listings/<call>.html`.
    pub fn listing(&self, l: &Listing, root: &str) -> String {
        let allowed = crate::content::markdown::LISTING_CALLS
            .iter()
            .find(|(c, _)| *c == l.call)
            .map_or(&[][..], |(_, a)| *a);
        let args: std::collections::BTreeMap<String, Value> = allowed
            .iter()
            .map(|k| (k.to_string(), l.arg(k).map_or(Value::from(()), Value::from)))
            .collect();
        // The records come selected (by keys, in `views`); the template
        // only shows them.
        let items = crate::views::select::indexes(&self.project.data, l).map(|idx| {
            let list = self.model.get_attr(&l.call).unwrap_or_default();
            idx.into_iter()
                .filter_map(|i| list.get_item(&Value::from(i)).ok())
                .collect::<Vec<Value>>()
        });
        let ctx = context! {
            data => self.model.clone(),
            t => self.strings.clone(),
            site => self.site.clone(),
            root => root,
            args => Value::from(args),
            items => items,
        };
        let name = format!("listings/{}.html", l.call);
        match self.env.get_template(&name).and_then(|t| t.render(ctx)) {
            Ok(s) => s,
            Err(e) => {
                self.errors
                    .lock()
                    .expect("no panics while holding the lock")
                    .push((name, e));
                String::new()
            }
        }
    }
}
