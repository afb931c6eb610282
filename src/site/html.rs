//! Markdown events → HTML for the site: record links resolved, listings
//! placed, images as figures, tables wrapped for small screens, and raw HTML
//! sanitised (chapters) or escaped (YAML text).

use super::urls;
use crate::content::markdown::{self, Heading, LISTING_INFO, Listing, RecordRef};
use crate::project::Project;
use pulldown_cmark::{BlockQuoteKind, CodeBlockKind, CowStr, Event, Tag, TagEnd};
use std::path::Path;

/// Interface words the HTML needs (from the theme's strings).
pub struct Labels {
    pub table: String,
    pub task_done: String,
    pub task_open: String,
    /// The titles of GFM alerts (`> [!NOTE]`), in [`ALERTS`] order.
    pub alerts: Vec<String>,
}

/// The kinds of GFM alerts: the key in the strings' `[alert]` table and CSS.
pub const ALERTS: [(BlockQuoteKind, &str); 5] = [
    (BlockQuoteKind::Note, "note"),
    (BlockQuoteKind::Tip, "tip"),
    (BlockQuoteKind::Important, "important"),
    (BlockQuoteKind::Warning, "warning"),
    (BlockQuoteKind::Caution, "caution"),
];

impl Labels {
    /// The labels from the theme's strings.
    pub fn new(strings: &crate::site::strings::Strings) -> Labels {
        Labels {
            table: strings.get("table_label"),
            task_done: strings.get("task_done"),
            task_open: strings.get("task_open"),
            alerts: ALERTS
                .iter()
                .map(|(_, key)| strings.get(&format!("alert.{key}")))
                .collect(),
        }
    }
}

/// How raw HTML written by an editor is treated.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum RawHtml {
    /// Kept as written (`allow_html = true`).
    Allow,
    /// Cleaned with ammonia (chapters).
    Sanitize,
    /// Shown as text (YAML fields: always).
    Escape,
}

/// What rendering needs besides the Markdown.
pub struct Ctx<'a> {
    pub project: &'a Project,
    /// The way back to the site root from the page (or [`urls::ROOT`]).
    pub root: &'a str,
    /// Folder of the chapter (relative to the project root) for images.
    pub dir: Option<&'a Path>,
    pub raw: RawHtml,
    pub labels: &'a Labels,
    /// Renders a listing block to HTML.
    pub listing: &'a dyn Fn(&Listing) -> String,
}

/// The site path of an image in `content/`, which the build copies there.
pub fn media_path(dir: &Path, src: &str) -> String {
    let p = dir.join(src);
    let rel = p.strip_prefix(crate::content::DIR).unwrap_or(&p);
    format!("media/{}", rel.to_string_lossy().replace('\\', "/"))
}

/// Renders `src` to HTML. `headings` are the ids from the chapter's scan.
pub fn render(src: &str, headings: &[Heading], ctx: &Ctx) -> String {
    let events: Vec<(Event<'static>, std::ops::Range<usize>)> =
        markdown::events(src, headings).collect();
    let mut out: Vec<Event<'static>> = Vec::with_capacity(events.len());
    let mut had_raw = false;
    // A record link whose target has no page yet shows its text only.
    let mut unlinked = false;
    let mut i = 0;
    while i < events.len() {
        let ev = events[i].0.clone();
        match ev {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                if let Some(Ok(r)) = RecordRef::parse(&dest_url) {
                    match urls::of_ref(ctx.project, &r) {
                        Some(url) => out.push(Event::Start(Tag::Link {
                            link_type,
                            dest_url: CowStr::from(format!("{}{url}", ctx.root)),
                            title,
                            id,
                        })),
                        None => unlinked = true,
                    }
                    if matches!(events.get(i + 1), Some((Event::End(TagEnd::Link), _))) {
                        out.push(Event::Text(
                            ctx.project
                                .ref_label(&r)
                                .unwrap_or_else(|| r.id.clone())
                                .into(),
                        ));
                    }
                } else {
                    out.push(Event::Start(Tag::Link {
                        link_type,
                        dest_url,
                        title,
                        id,
                    }));
                }
            }
            Event::End(TagEnd::Link) if unlinked => unlinked = false,
            Event::Start(Tag::Paragraph) if is_lone_image(&events, i) => {
                let (html, next) = figure(&events, i + 1, ctx);
                out.push(Event::Html(html.into()));
                i = next + 1; // skip the paragraph's end
                continue;
            }
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                let (alt, end) = collect_text(&events, i + 1, TagEnd::Image);
                out.push(Event::Html(img_tag(&dest_url, &alt, &title, ctx).into()));
                i = end + 1;
                continue;
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info)))
                if info.trim() == LISTING_INFO =>
            {
                let (text, end) = collect_text(&events, i + 1, TagEnd::CodeBlock);
                if let Ok(l) = Listing::parse(&text) {
                    out.push(Event::Html((ctx.listing)(&l).into()));
                }
                i = end + 1;
                continue;
            }
            Event::Start(Tag::Table(a)) => {
                out.push(Event::Html(
                    format!("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"{}\">", escape(&ctx.labels.table)).into(),
                ));
                out.push(Event::Start(Tag::Table(a)));
            }
            Event::End(TagEnd::Table) => {
                out.push(Event::End(TagEnd::Table));
                out.push(Event::Html("</div>".into()));
            }
            // A GFM alert (`> [!WARNING]`): a note with its title in words.
            Event::Start(Tag::BlockQuote(Some(kind))) => {
                let i = ALERTS.iter().position(|(k, _)| *k == kind).unwrap_or(0);
                let title = ctx.labels.alerts.get(i).map_or("", String::as_str);
                out.push(Event::Html(
                    format!(
                        "<div class=\"alert alert-{}\" role=\"note\">\n<p class=\"alert-title\">{}</p>\n",
                        ALERTS[i].1,
                        escape(title)
                    )
                    .into(),
                ));
            }
            Event::End(TagEnd::BlockQuote(Some(_))) => out.push(Event::Html("</div>\n".into())),
            Event::TaskListMarker(done) => {
                let (sym, label) = if done {
                    ("☑", &ctx.labels.task_done)
                } else {
                    ("☐", &ctx.labels.task_open)
                };
                out.push(Event::Html(
                    format!(
                        "<span class=\"task\" role=\"img\" aria-label=\"{}\">{sym}</span> ",
                        escape(label)
                    )
                    .into(),
                ));
            }
            Event::Html(h) | Event::InlineHtml(h) => match ctx.raw {
                RawHtml::Escape => out.push(Event::Text(h)),
                RawHtml::Sanitize => {
                    had_raw = true;
                    out.push(Event::Html(h));
                }
                RawHtml::Allow => out.push(Event::Html(h)),
            },
            other => out.push(other),
        }
        i += 1;
    }
    let mut html = String::with_capacity(src.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, out.into_iter());
    if had_raw { sanitize(&html) } else { html }
}

fn is_lone_image(events: &[(Event<'static>, std::ops::Range<usize>)], i: usize) -> bool {
    if !matches!(
        events.get(i + 1),
        Some((Event::Start(Tag::Image { .. }), _))
    ) {
        return false;
    }
    let mut j = i + 2;
    while j < events.len() {
        if matches!(events[j].0, Event::End(TagEnd::Image)) {
            return matches!(events.get(j + 1), Some((Event::End(TagEnd::Paragraph), _)));
        }
        j += 1;
    }
    false
}

/// The plain text up to the matching end tag, and the index of that end.
fn collect_text(
    events: &[(Event<'static>, std::ops::Range<usize>)],
    from: usize,
    end: TagEnd,
) -> (String, usize) {
    let mut text = String::new();
    let mut j = from;
    while j < events.len() {
        match &events[j].0 {
            Event::End(e) if *e == end => break,
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
        j += 1;
    }
    (text, j)
}

fn figure(
    events: &[(Event<'static>, std::ops::Range<usize>)],
    at: usize,
    ctx: &Ctx,
) -> (String, usize) {
    let Event::Start(Tag::Image {
        dest_url, title, ..
    }) = &events[at].0
    else {
        unreachable!("checked by is_lone_image")
    };
    let (alt, end) = collect_text(events, at + 1, TagEnd::Image);
    let img = img_tag(dest_url, &alt, title, ctx);
    let caption = if title.is_empty() {
        String::new()
    } else {
        format!("<figcaption>{}</figcaption>", escape(title))
    };
    (format!("<figure>{img}{caption}</figure>\n"), end + 1)
}

fn img_tag(src: &str, alt: &str, _title: &str, ctx: &Ctx) -> String {
    let url = match ctx.dir {
        Some(dir) if !crate::project::is_external(src) => {
            format!("{}{}", ctx.root, media_path(dir, src))
        }
        _ => src.to_string(),
    };
    format!(
        "<img src=\"{}\" alt=\"{}\" loading=\"lazy\">",
        escape(&url),
        escape(alt.trim())
    )
}

/// Minimal HTML escaping for attribute values and text.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Cleans a chapter's HTML with ammonia, keeping what konzept itself writes.
fn sanitize(html: &str) -> String {
    ammonia::Builder::default()
        .add_tags([
            "figure",
            "figcaption",
            "section",
            "span",
            "div",
            "sup",
            "dl",
            "dt",
            "dd",
        ])
        .add_generic_attributes(["id", "class", "role", "tabindex", "loading", "title"])
        .add_generic_attribute_prefixes(["aria-", "data-"])
        .clean(html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_quotes() {
        assert_eq!(
            escape("<a href=\"x\">'"),
            "&lt;a href=&quot;x&quot;&gt;&#39;"
        );
    }

    #[test]
    fn sanitize_drops_scripts_and_handlers() {
        let out = sanitize(
            "<p onclick=\"x()\">a</p><script>alert(1)</script><img src=x onerror=alert(1)>",
        );
        assert!(
            !out.contains("script") && !out.contains("onclick") && !out.contains("onerror"),
            "{out}"
        );
    }
}
