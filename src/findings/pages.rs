//! Stage two for the site: links between the rendered pages. Each page is
//! scanned as it is rendered (by `build`, or in memory by `check`, which
//! writes nothing); then each `href` and `src` that stays on the site must
//! name a page, asset or image of the site, and each `#anchor` an id on the
//! target page. Catches what the sources alone cannot show, such as a
//! relative link to a Markdown file that is not published.

use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::Msg;
use crate::msg;
use crate::project::Project;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Mutex;

/// Where a rendered page comes from, so a finding points at the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Chapter(usize),
    Part(usize),
    /// A file in `data/`, e.g. `empfehlungen.yaml`.
    Data(&'static str),
    Kommune(usize),
    /// A page made by the theme's templates alone.
    Theme,
}

/// One rendered page, reduced to what links need.
#[derive(Clone)]
struct Scanned {
    file: String,
    path: String,
    source: Source,
    links: Vec<String>,
}

/// The rendered pages of one build, collected while they are rendered
/// (from several threads). `serve` keeps them between rebuilds: a page
/// rendered again replaces its earlier scan.
#[derive(Default)]
pub struct Pages {
    /// By file.
    pages: Mutex<HashMap<String, Scanned>>,
    ids: Mutex<HashMap<String, HashSet<String>>>,
    files: Mutex<HashSet<String>>,
}

impl Clone for Pages {
    fn clone(&self) -> Pages {
        fn copy<T: Clone>(m: &Mutex<T>) -> Mutex<T> {
            Mutex::new(m.lock().expect("not poisoned").clone())
        }
        Pages {
            pages: copy(&self.pages),
            ids: copy(&self.ids),
            files: copy(&self.files),
        }
    }
}

impl std::fmt::Debug for Pages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.pages.lock().expect("not poisoned").len();
        f.debug_struct("Pages")
            .field("pages", &n)
            .finish_non_exhaustive()
    }
}

impl Pages {
    /// Takes in a page written to `file` (shown at `path`).
    pub fn add(&self, file: &str, path: &str, source: Source, html: &str) {
        let mut seen = BTreeSet::new();
        let links = attributes(html, "href")
            .chain(attributes(html, "src"))
            .filter(|l| seen.insert(l.clone()))
            .collect();
        let ids = attributes(html, "id").collect();
        self.ids
            .lock()
            .expect("not poisoned")
            .insert(file.to_string(), ids);
        self.files
            .lock()
            .expect("not poisoned")
            .insert(file.to_string());
        self.pages.lock().expect("not poisoned").insert(
            file.to_string(),
            Scanned {
                file: file.to_string(),
                path: path.to_string(),
                source,
                links,
            },
        );
    }

    /// Forgets a page that is gone.
    pub fn remove(&self, file: &str) {
        self.pages.lock().expect("not poisoned").remove(file);
        self.ids.lock().expect("not poisoned").remove(file);
        self.files.lock().expect("not poisoned").remove(file);
    }

    /// Takes in a file of the site that is not a page (an asset, an image, a PDF).
    pub fn file(&self, file: impl Into<String>) {
        self.files.lock().expect("not poisoned").insert(file.into());
    }

    /// The findings: links that lead to no page, file or anchor of the site.
    /// `generated` says which files the build makes after the pages (the
    /// search index, the open data).
    pub fn check(&self, p: &Project, generated: &dyn Fn(&str) -> bool) -> Diagnostics {
        let ids = self.ids.lock().expect("not poisoned");
        let files = self.files.lock().expect("not poisoned");
        let scanned = self.pages.lock().expect("not poisoned");
        let mut pages: Vec<&Scanned> = scanned.values().collect();
        pages.sort_by(|a, b| a.file.cmp(&b.file));
        let base = base_path(&p.config.base_url);
        let mut out = Diagnostics::default();
        for page in pages {
            for raw in &page.links {
                let Some(target) = resolve(&page.file, raw, base.as_deref()) else {
                    continue;
                };
                let problem = match target {
                    Target::Outside => Some(msg!("page-link-outside", link = raw)),
                    Target::File(f, _) if !files.contains(&f) && !generated(&f) => {
                        Some(msg!("page-link-dead", link = raw))
                    }
                    Target::File(f, Some(anchor)) => match ids.get(f.as_str()) {
                        Some(on_page) if !on_page.contains(&anchor) => {
                            Some(msg!("page-link-no-anchor", link = raw, anchor = &anchor))
                        }
                        _ => None,
                    },
                    Target::File(..) => None,
                };
                if let Some(message) = problem {
                    out.push(diagnostic(p, page, raw, message));
                }
            }
        }
        out
    }
}

/// Where a link leads, relative to the site root.
#[derive(Debug, PartialEq, Eq)]
enum Target {
    /// A file (`kapitel/a/index.html`) and the anchor, if any.
    File(String, Option<String>),
    /// Above the site root.
    Outside,
}

/// Resolves `raw` (as written in the page `file`); `None` for links that
/// leave the site (other servers, `mailto:` …).
fn resolve(file: &str, raw: &str, base: Option<&str>) -> Option<Target> {
    let href = raw;
    if href.starts_with("//") || href.contains(':') && !href.starts_with(['/', '.', '#']) {
        return None;
    }
    let (path, anchor) = match href.split_once('#') {
        Some((p, a)) => (p, Some(a.to_string()).filter(|a| !a.is_empty())),
        None => (href, None),
    };
    let path = path.split('?').next().unwrap_or("");
    let path = percent_encoding::percent_decode_str(path)
        .decode_utf8_lossy()
        .into_owned();
    if path.is_empty() {
        return Some(Target::File(file.to_string(), anchor));
    }
    let joined = if let Some(abs) = path.strip_prefix('/') {
        match base {
            Some(b) => match abs.strip_prefix(b) {
                Some(rest) => rest.to_string(),
                None => return None,
            },
            None => return None,
        }
    } else {
        let dir = file.rfind('/').map_or("", |i| &file[..=i]);
        format!("{dir}{path}")
    };
    let mut parts: Vec<&str> = Vec::new();
    for seg in joined.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Some(Target::Outside);
                }
            }
            s => parts.push(s),
        }
    }
    let mut target = parts.join("/");
    let last = parts.last().copied().unwrap_or("");
    if target.is_empty() || joined.ends_with('/') {
        target = if target.is_empty() {
            "index.html".into()
        } else {
            format!("{target}/index.html")
        };
    } else if !last.contains('.') {
        target.push_str("/index.html");
    }
    Some(Target::File(target, anchor))
}

/// The path part of `base_url` when it is a path (`/` → ``, `/sub/` → `sub/`).
fn base_path(base_url: &str) -> Option<String> {
    base_url
        .strip_prefix('/')
        .filter(|_| !base_url.starts_with("//"))
        .map(str::to_string)
}

/// The finding, at the source the page comes from; for a chapter at the
/// Markdown link itself when the link was written there.
fn diagnostic(p: &Project, page: &Scanned, raw: &str, message: Msg) -> Diagnostic {
    let (file, span): (PathBuf, _) = match page.source {
        Source::Chapter(i) => {
            let c = &p.book.chapters[i];
            let span = c
                .scan
                .links
                .iter()
                .find(|(d, _)| d == raw)
                .map(|(_, r)| c.span(r));
            (c.file.clone(), span)
        }
        Source::Part(i) => (p.book.parts[i].file.clone(), None),
        Source::Data(f) => (crate::data::rel(f), None),
        Source::Kommune(i) => (
            crate::data::rel("kommunen").join(format!("{}.yaml", p.data.kommunen[i].slug)),
            None,
        ),
        Source::Theme => (
            PathBuf::from("themes")
                .join(&p.config.theme)
                .join("templates"),
            None,
        ),
    };
    let message = match span {
        Some(_) => message,
        None => msg!("on-page", message = message, page = &page.path),
    };
    let mut d = Diagnostic::error(file, message).at_opt(span);
    if let Source::Chapter(i) = page.source {
        // `[Einleitung](02-einleitung.md)`: the editor meant the chapter.
        let linked = p.book.chapters[i]
            .dir()
            .join(raw.split('#').next().unwrap_or(raw));
        if let Some(c) = p.book.chapters.iter().find(|c| c.file == linked) {
            d = d.hint(msg!(
                "hint-did-you-mean",
                name = format!("kapitel:{}", c.slug)
            ));
        }
    }
    d.hint(msg!("hint-page-link-forms"))
}

/// The values of every `name="…"` attribute in `html`, decoded.
fn attributes<'a>(html: &'a str, name: &'a str) -> impl Iterator<Item = String> + 'a {
    let needle = format!("{name}=\"");
    let mut rest = html;
    std::iter::from_fn(move || {
        loop {
            let i = rest.find(&needle)?;
            let preceded = rest[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_whitespace);
            let after = &rest[i + needle.len()..];
            let end = after.find('"')?;
            rest = &after[end..];
            if preceded {
                return Some(decode_entities(&after[..end]));
            }
        }
    })
}

/// Decodes the character references templates and Markdown write in
/// attributes (`&amp;`, `&#x2f;`, `&#39;` …).
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let decoded = rest.find(';').and_then(|end| {
            let name = &rest[1..end];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .map(|h| u32::from_str_radix(h, 16))
                    .or_else(|| name.strip_prefix('#').map(str::parse::<u32>))
                    .and_then(Result::ok)
                    .and_then(char::from_u32),
            }?;
            Some((c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(f: &str, a: Option<&str>) -> Option<Target> {
        Some(Target::File(f.into(), a.map(str::to_string)))
    }

    #[test]
    fn links_resolve_against_their_page() {
        let page = "kapitel/a/index.html";
        let base = Some("");
        assert_eq!(
            resolve(page, "../b/", base),
            file("kapitel/b/index.html", None)
        );
        assert_eq!(resolve(page, "../../", base), file("index.html", None));
        assert_eq!(
            resolve(page, "../../empfehlungen/sb-1/#text", base),
            file("empfehlungen/sb-1/index.html", Some("text"))
        );
        assert_eq!(resolve(page, "#ziele", base), file(page, Some("ziele")));
        assert_eq!(
            resolve(page, "02-einleitung.md", base),
            file("kapitel/a/02-einleitung.md", None)
        );
        assert_eq!(resolve(page, "../../../x", base), Some(Target::Outside));
        assert_eq!(
            resolve(page, "/kapitel/b/", base),
            file("kapitel/b/index.html", None)
        );
        assert_eq!(resolve(page, "https://example.org/", base), None);
        assert_eq!(resolve(page, "mailto:a@example.org", base), None);
        assert_eq!(
            resolve("404.html", "/sub/suche/", Some("sub/")),
            file("suche/index.html", None)
        );
    }

    #[test]
    fn character_references_are_decoded() {
        assert_eq!(decode_entities("a&#x2f;b&amp;c&#39;d&quot;"), "a/b&c'd\"");
        assert_eq!(decode_entities("a & b &zz; &#xzz;"), "a & b &zz; &#xzz;");
    }

    #[test]
    fn attributes_are_found_only_as_attributes() {
        let html = r#"<a href="a/">x</a><p data-href="no">href="no"</p><img src="b.svg" alt="">"#;
        assert_eq!(attributes(html, "href").collect::<Vec<_>>(), ["a/"]);
        assert_eq!(attributes(html, "src").collect::<Vec<_>>(), ["b.svg"]);
    }
}
