//! Which pages the site has, and the context each template gets.

use super::html::{self, Ctx, Labels, RawHtml};
use crate::content::Kind;
use crate::content::markdown::Listing;
use crate::findings::pages::Source;
use crate::project::Project;
use crate::views::urls;
use minijinja::value::Serde;
use minijinja::{Value, context};
use serde::Serialize;

/// Books with more chapters than this get a per-part sidebar and one shared
/// table of contents page instead of the whole tree on every page.
pub const FULL_NAV_LIMIT: usize = 80;

/// In such a book the sidebar shows the current entry and up to this many
/// entries (parts or loose chapters) before and after it, so a page's size
/// does not grow with the number of parts; the table of contents page
/// lists them all.
pub const NAV_WINDOW: usize = 5;

/// The entries the sidebar shows of `len`, around entry `here` (the first
/// ones when there is none): all of them when they fit, else `2 * width +
/// 1` in a row.
fn window(len: usize, here: Option<usize>, width: usize) -> std::ops::Range<usize> {
    let shown = 2 * width + 1;
    if len <= shown {
        return 0..len;
    }
    let start = here.unwrap_or(0).saturating_sub(width).min(len - shown);
    start..start + shown
}

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
    /// One offer: its municipality's index, its index in the model's `angebote`.
    Angebot(usize, usize),
    Akteure,
    Akteur(usize),
    Netzwerk,
    Monitoring,
    Indikator(usize),
    Search,
    OpenData,
    /// Every field of the open data, explained.
    DataFields,
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
            PageKind::Angebot(k, _) => Source::Kommune(k),
            PageKind::Handlungsfeld(_) | PageKind::Handlungsfelder => {
                Source::Data("handlungsfelder.yaml")
            }
            PageKind::Zielgruppe(_) | PageKind::Zielgruppen => Source::Data("zielgruppen.yaml"),
            PageKind::Akteur(_) | PageKind::Akteure | PageKind::Netzwerk => {
                Source::Data(crate::data::akteure::FILE)
            }
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
    let mut n = 0;
    for (ki, k) in d.kommunen.iter().enumerate() {
        for i in 0..k.angebote.len() {
            v.push(page(urls::angebot(&k.slug, i), PageKind::Angebot(ki, n)));
            n += 1;
        }
    }
    if !d.akteure.is_empty() {
        v.push(page("akteure/".into(), PageKind::Akteure));
        v.push(page(urls::NETZWERK.into(), PageKind::Netzwerk));
        v.extend(
            d.akteure
                .iter()
                .enumerate()
                .map(|(i, a)| page(urls::akteur(&a.id), PageKind::Akteur(i))),
        );
    }
    v.push(page("monitoring/".into(), PageKind::Monitoring));
    v.extend(
        d.indikatoren
            .iter()
            .enumerate()
            .map(|(i, x)| page(urls::indikator(&x.id), PageKind::Indikator(i))),
    );
    v.push(page("suche/".into(), PageKind::Search));
    v.push(page("data/".into(), PageKind::OpenData));
    v.push(page("data/felder/".into(), PageKind::DataFields));
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

/// One top-level entry of the book's tree: a chapter outside any part, or
/// a part with its main chapters.
#[derive(Debug)]
enum Entry {
    Chapter(usize),
    Part(usize, Vec<usize>),
}

/// The book's navigation, computed once per build: the top-level entries
/// in reading order, each chapter's entry and its neighbours among the main
/// chapters, and every entry closed, ready for the sidebar.
#[derive(Debug)]
pub struct Nav {
    entries: Vec<Entry>,
    /// The entry of each chapter (main chapters only).
    entry_of: Vec<Option<usize>>,
    /// Chapter indexes of the main chapters, in order.
    main: Vec<usize>,
    /// Each chapter's position in `main`.
    position: Vec<Option<usize>>,
    /// Each part's chapters, of every kind.
    parts: Vec<Vec<usize>>,
    /// Each entry closed, no chapter current.
    closed: Vec<Value>,
}

impl Nav {
    pub fn new(p: &Project) -> Nav {
        let book = &p.book;
        let n = book.chapters.len();
        let mut nav = Nav {
            entries: Vec::new(),
            entry_of: vec![None; n],
            main: Vec::new(),
            position: vec![None; n],
            parts: vec![Vec::new(); book.parts.len()],
            closed: Vec::new(),
        };
        let mut part_entry: Vec<Option<usize>> = vec![None; book.parts.len()];
        for (i, c) in book.chapters.iter().enumerate() {
            if let Some(pi) = c.part {
                nav.parts[pi].push(i);
            }
            if c.kind != Kind::Chapter {
                continue;
            }
            nav.position[i] = Some(nav.main.len());
            nav.main.push(i);
            match c.part {
                None => {
                    nav.entry_of[i] = Some(nav.entries.len());
                    nav.entries.push(Entry::Chapter(i));
                }
                Some(pi) => {
                    let e = *part_entry[pi].get_or_insert_with(|| {
                        nav.entries.push(Entry::Part(pi, Vec::new()));
                        nav.entries.len() - 1
                    });
                    if let Entry::Part(_, children) = &mut nav.entries[e] {
                        children.push(i);
                    }
                    nav.entry_of[i] = Some(e);
                }
            }
        }
        nav.closed = (0..nav.entries.len())
            .map(|e| nav.entry(p, e, None, false))
            .collect();
        nav
    }

    /// The previous and next main chapter of chapter `i`.
    fn neighbours(&self, i: usize) -> (Option<usize>, Option<usize>) {
        match self.position[i] {
            Some(pos) => (
                pos.checked_sub(1).map(|x| self.main[x]),
                self.main.get(pos + 1).copied(),
            ),
            None => (None, None),
        }
    }

    /// The chapters of part `i`.
    fn part_chapters(&self, i: usize) -> &[usize] {
        &self.parts[i]
    }

    /// Entry `e` as a sidebar item, open when `full` or when it holds
    /// `current`.
    fn entry(&self, p: &Project, e: usize, current: Option<usize>, full: bool) -> Value {
        let book = &p.book;
        let item = |i: usize| {
            let c = &book.chapters[i];
            NavItem {
                title: c.short_title.clone().unwrap_or_else(|| c.title.clone()),
                url: urls::chapter(&c.slug, c.kind),
                current: current == Some(i),
                children: vec![],
            }
        };
        let item = match &self.entries[e] {
            Entry::Chapter(i) => item(*i),
            Entry::Part(pi, chapters) => {
                let part = &book.parts[*pi];
                let open = full || current.is_some_and(|c| book.chapters[c].part == Some(*pi));
                NavItem {
                    title: part.title.clone(),
                    url: urls::part(&part.slug),
                    current: false,
                    children: if open {
                        chapters.iter().map(|&i| item(i)).collect()
                    } else {
                        vec![]
                    },
                }
            }
        };
        Value::from(Serde(item))
    }
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
    /// The book's navigation, computed once per build.
    pub nav: &'a Nav,
    /// Errors of listing templates, which render inside Markdown.
    pub errors: std::sync::Mutex<Vec<(String, minijinja::Error)>>,
}

impl Shared<'_> {
    /// The template name and context for `page`, with the chapter HTML rendered.
    pub fn context(&self, page: &Page) -> (&'static str, Value) {
        let p = self.project;
        let root = super::page_root(p, page);
        let stand = stand(p, page.kind);
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
            stand => context! { iso => stand.clone(), text => crate::text::german_date(&stand) },
            languages => Serde(&self.langs.links),
            alternates => Serde(alternates),
        };
        let (template, extra): (&'static str, Value) = match page.kind {
            PageKind::Home => ("index.html", context! { nav => self.nav(None) }),
            PageKind::Chapter(i) => ("chapter.html", self.chapter(i, &root)),
            PageKind::Part(i) => {
                let part = &p.book.parts[i];
                let chapters: Vec<NavItem> = self
                    .nav
                    .part_chapters(i)
                    .iter()
                    .map(|&ci| {
                        let c = &p.book.chapters[ci];
                        NavItem {
                            title: c.title.clone(),
                            url: urls::chapter(&c.slug, c.kind),
                            current: false,
                            children: vec![],
                        }
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
            PageKind::Angebot(_, i) => ("angebot.html", context! { index => i }),
            PageKind::Akteure => ("akteure.html", context! {}),
            PageKind::Akteur(i) => ("akteur.html", context! { index => i }),
            PageKind::Netzwerk => ("netzwerk.html", context! {}),
            PageKind::Monitoring => ("monitoring.html", context! {}),
            PageKind::Indikator(i) => ("indikator.html", context! { index => i }),
            PageKind::Search => ("search.html", context! {}),
            PageKind::OpenData => (
                "data.html",
                context! { files => super::export::FILES.iter().map(|(name, formats)| context! { name => *name, formats => formats.to_vec() }).collect::<Vec<_>>() },
            ),
            PageKind::DataFields => (
                "data_fields.html",
                context! { sets => Serde(crate::views::dictionary::SETS) },
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
        let link = |i: usize| {
            let c = &p.book.chapters[i];
            context! { title => c.title.clone(), url => urls::chapter(&c.slug, c.kind) }
        };
        let (prev, next) = self.nav.neighbours(i);
        let (prev, next) = (prev.map(link), next.map(link));
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
            Kind::SignLanguage => "sign-language",
        };
        let videos: Vec<Value> = c
            .videos
            .iter()
            .enumerate()
            .map(|(n, v)| {
                context! {
                    titel => v.titel.clone(),
                    datei => html::media_path(c.dir(), &v.datei),
                    untertitel => html::media_path(c.dir(), &v.untertitel),
                    typ => if v.datei.to_ascii_lowercase().ends_with(".webm") { "video/webm" } else { "video/mp4" },
                    id => format!("video-{}", n + 1),
                }
            })
            .collect();
        context! {
            chapter => context! {
                title => c.title.clone(),
                slug => c.slug.clone(),
                kind => kind,
                summary => self.md_inline(c.summary.as_deref()),
                body => Value::from_safe_string(body),
                videos => videos,
                toc => Serde(toc),
                prev => prev,
                next => next,
                part => part,
                handlungsfeld => hf,
                description => c.description.clone().or_else(|| c.summary.as_deref().map(crate::content::markdown::plain_text)),
            },
            nav => self.nav(Some(i)),
        }
    }

    /// The sidebar: the whole book when it is small, else the current part
    /// among its neighbours ([`window`]).
    fn nav(&self, current: Option<usize>) -> Value {
        let full = self.project.book.chapters.len() <= FULL_NAV_LIMIT;
        context! { full => full, items => self.tree(current, full) }
    }

    /// The book's tree with `current` (a chapter's index) marked; only the
    /// current chapter's entry is built here, the others come ready from
    /// [`Nav`], so a page's cost does not grow with the book's chapters.
    fn tree(&self, current: Option<usize>, full: bool) -> Value {
        let nav = self.nav;
        if full {
            let items: Vec<Value> = (0..nav.entries.len())
                .map(|e| nav.entry(self.project, e, current, true))
                .collect();
            return Value::from(items);
        }
        let here = current.and_then(|c| nav.entry_of[c]);
        let items: Vec<Value> = window(nav.entries.len(), here, NAV_WINDOW)
            .map(|e| {
                if Some(e) == here {
                    nav.entry(self.project, e, current, false)
                } else {
                    nav.closed[e].clone()
                }
            })
            .collect();
        Value::from(items)
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

/// A page's "Stand" (`YYYY-MM-DD`) from the sources it was made of.
fn stand(p: &Project, kind: PageKind) -> String {
    use crate::views::stand as st;
    match kind {
        PageKind::Chapter(i) => st::chapter(p, i),
        PageKind::Massnahme(i) => st::massnahme(p, i),
        PageKind::Massnahmen | PageKind::Monitoring | PageKind::Indikator(_) => st::massnahmen(p),
        PageKind::Kommune(i) | PageKind::Angebot(i, _) => st::kommune(p, i),
        PageKind::Home | PageKind::OpenData | PageKind::DataFields => st::all(p),
        _ => st::book(p),
    }
}

#[cfg(test)]
mod tests {
    use super::window;

    #[test]
    fn the_sidebar_window_keeps_its_size_and_holds_the_current_entry() {
        // Few entries: all of them.
        assert_eq!(window(4, Some(2), 5), 0..4);
        assert_eq!(window(11, None, 5), 0..11);
        // Many: eleven, the current one in the middle where it can be.
        assert_eq!(window(200, Some(100), 5), 95..106);
        assert_eq!(window(200, Some(2), 5), 0..11);
        assert_eq!(window(200, Some(199), 5), 189..200);
        assert_eq!(window(200, None, 5), 0..11);
        for here in 0..200 {
            let w = window(200, Some(here), 5);
            assert_eq!(w.len(), 11);
            assert!(w.contains(&here), "{here}: {w:?}");
        }
    }
}
