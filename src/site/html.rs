//! Markdown events → HTML for the site: record links resolved, listings
//! placed, images as figures, tables wrapped for small screens, and raw HTML
//! sanitised (chapters) or escaped (YAML text). Every `href` and `src`
//! passes the project's [`crate::url_policy`] once more: a link the checks
//! refused is shown as its text only, whatever called the renderer.

use crate::content::markdown::{self, Heading, LISTING_INFO, Listing, RecordRef};
use crate::project::Project;
use crate::views::urls;
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
    pub fn new(strings: &crate::strings::Strings) -> Labels {
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
    /// Cleaned with ammonia, keeping more elements (`allow_html = true`):
    /// book.toml is the editors' file too, so it never lets script through.
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
    let policy = ctx.project.config.url_policy();
    let mut had_raw = false;
    // A record link whose target has no page yet, or a link the URL policy
    // refuses, shows its text only; one flag per open link.
    let mut unlinked: Vec<bool> = Vec::new();
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
                        Some(url) => {
                            unlinked.push(false);
                            out.push(Event::Start(Tag::Link {
                                link_type,
                                dest_url: CowStr::from(format!("{}{url}", ctx.root)),
                                title,
                                id,
                            }))
                        }
                        None => unlinked.push(true),
                    }
                    if matches!(events.get(i + 1), Some((Event::End(TagEnd::Link), _))) {
                        out.push(Event::Text(
                            ctx.project
                                .ref_label(&r)
                                .unwrap_or_else(|| r.id.clone())
                                .into(),
                        ));
                    }
                } else if let Some(url) = attachment_url(&dest_url, ctx) {
                    unlinked.push(false);
                    out.push(Event::Start(Tag::Link {
                        link_type,
                        dest_url: url.into(),
                        title,
                        id,
                    }));
                } else if policy.allows(&dest_url) {
                    unlinked.push(false);
                    out.push(Event::Start(Tag::Link {
                        link_type,
                        dest_url,
                        title,
                        id,
                    }));
                } else {
                    unlinked.push(true);
                }
            }
            Event::End(TagEnd::Link) => {
                if !unlinked.pop().unwrap_or(false) {
                    out.push(Event::End(TagEnd::Link));
                }
            }
            Event::Start(Tag::Paragraph) if is_lone_image(&events, i) => {
                let (html, next) = figure(&events, i + 1, ctx);
                out.push(Event::Html(html.into()));
                i = next + 1; // skip the paragraph's end
                continue;
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                let (alt, end) = collect_text(&events, i + 1, TagEnd::Image);
                out.push(Event::Html(img_tag(&dest_url, &alt, ctx).into()));
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
                RawHtml::Sanitize | RawHtml::Allow => {
                    had_raw = true;
                    out.push(Event::Html(h));
                }
            },
            other => out.push(other),
        }
        i += 1;
    }
    let mut html = String::with_capacity(src.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, out.into_iter());
    if had_raw {
        sanitize(&html, ctx.raw == RawHtml::Allow, policy)
    } else {
        html
    }
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
    let img = img_tag(dest_url, &alt, ctx);
    let caption = if title.is_empty() {
        String::new()
    } else {
        format!("<figcaption>{}</figcaption>", escape(title))
    };
    (format!("<figure>{img}{caption}</figure>\n"), end + 1)
}

/// Where the site publishes a document the chapter links to (the copy
/// under `media/`), with the link's `#…` kept (`#page=3`).
fn attachment_url(dest: &str, ctx: &Ctx) -> Option<String> {
    use crate::content::attachments::{Target, site_url, target};
    let Target::Published { file, .. } = target(ctx.dir?, dest)? else {
        return None;
    };
    let fragment = dest.find('#').map_or("", |i| &dest[i..]);
    Some(format!("{}{}{fragment}", ctx.root, site_url(&file)))
}

fn img_tag(src: &str, alt: &str, ctx: &Ctx) -> String {
    let url = match ctx.dir {
        Some(dir) if !crate::project::is_external(src) => {
            format!("{}{}", ctx.root, media_path(dir, src))
        }
        _ => src.to_string(),
    };
    if !ctx.project.config.url_policy().allows(&url) {
        // Refused by the checks already; the reader gets the description.
        return format!("<span class=\"img-alt\">{}</span>", escape(alt.trim()));
    }
    format!(
        "<img src=\"{}\" alt=\"{}\" loading=\"lazy\">",
        escape(&url),
        escape(alt.trim())
    )
}

pub use crate::text::escape;

/// Cleans a chapter's HTML with ammonia, keeping what konzept itself writes;
/// `wide` (`allow_html = true`) keeps embedded media and frames as well.
/// URLs in attributes must pass the URL policy, twice over: ammonia's own
/// scheme list and [`crate::url_policy::Policy::allows`] on every value.
fn sanitize(html: &str, wide: bool, policy: crate::url_policy::Policy) -> String {
    let mut b = ammonia::Builder::default();
    b.add_tags([
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
    .add_generic_attributes([
        "id", "class", "role", "tabindex", "loading", "title", "lang", "dir",
    ])
    .add_generic_attribute_prefixes(["aria-", "data-"])
    .url_schemes(policy.schemes().into_iter().collect());
    if wide {
        b.add_tags(["iframe", "video", "audio", "source", "track", "picture"])
            .add_tag_attributes("iframe", ["src", "width", "height", "allowfullscreen"])
            .add_tag_attributes("video", ["src", "controls", "poster", "width", "height"])
            .add_tag_attributes("audio", ["src", "controls"])
            .add_tag_attributes("source", ["src", "type"])
            .add_tag_attributes("track", ["src", "kind", "srclang", "label"])
            .add_tag_attributes("img", ["width", "height"]);
    }
    let extra: Vec<String> = policy.schemes().iter().map(|s| s.to_string()).collect();
    b.attribute_filter(move |_, attr, value| {
        let is_url = matches!(
            attr,
            "href" | "src" | "cite" | "poster" | "longdesc" | "action" | "formaction"
        );
        if is_url && !crate::url_policy::Policy::new(&extra).allows(value) {
            None
        } else {
            Some(value.into())
        }
    });
    b.clean(html).to_string()
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

    /// A project with nothing in it but `extra` book.toml lines.
    fn project(extra: &str) -> Project {
        let toml = format!("title = \"T\"\npublisher = \"P\"\ndate = \"2025-02-17\"\n{extra}");
        Project {
            root: std::path::PathBuf::from("."),
            config: crate::config::Config::parse(&toml).unwrap(),
            book: Default::default(),
            data: Default::default(),
            translations: Vec::new(),
        }
    }

    fn html_of(p: &Project, src: &str, raw: RawHtml) -> String {
        let labels = Labels {
            table: "Tabelle".into(),
            task_done: String::new(),
            task_open: String::new(),
            alerts: Vec::new(),
        };
        let none = |_: &Listing| String::new();
        let ctx = Ctx {
            project: p,
            root: "../",
            dir: None,
            raw,
            labels: &labels,
            listing: &none,
        };
        render(src, &[], &ctx)
    }

    const HOSTILE_LINKS: &str = "[a](javascript:alert(1)) [b](JaVaScRiPt:alert(2)) [c](&#106;avascript:alert(3)) \
        [d](data:text/html,x) [e](vbscript:x) [f](https://example.org) [g](webcal://kreis.example/t.ics) \
        ![h](javascript:alert(4)) [**i**](javascript:alert(5))";

    #[test]
    fn refused_links_are_rendered_as_their_text() {
        let p = project("");
        for raw in [RawHtml::Escape, RawHtml::Sanitize, RawHtml::Allow] {
            let html = html_of(&p, HOSTILE_LINKS, raw);
            let lower = html.to_lowercase();
            for bad in ["javascript", "vbscript", "data:", "webcal", "<img"] {
                assert!(!lower.contains(bad), "`{bad}` in {html}");
            }
            for text in [
                "<p>a b c d e ",
                "<strong>i</strong>",
                "<span class=\"img-alt\">h</span>",
            ] {
                assert!(html.contains(text), "the text `{text}` is gone: {html}");
            }
            assert!(
                html.contains("<a href=\"https://example.org\">f</a>"),
                "{html}"
            );
        }
        // A project may allow further schemes, never script.
        let p = project("[links]\nallowed_schemes = [\"webcal\"]\n");
        let html = html_of(&p, HOSTILE_LINKS, RawHtml::Escape);
        assert!(
            html.contains("href=\"webcal://kreis.example/t.ics\""),
            "{html}"
        );
        assert!(!html.to_lowercase().contains("javascript"), "{html}");
    }

    #[test]
    fn raw_html_is_sanitised_even_when_allowed() {
        let raw = "<p><a href=\"javascript:alert(1)\">a</a> <a href=\" JaVa&#x09;Script:alert(2)\">b</a> \
            <a href=\"webcal://x\">c</a> <img src=\"data:image/svg+xml,<svg onload=alert(3)>\" alt=\"d\"> \
            <b onclick=\"alert(4)\">e</b></p>\n<script>alert(5)</script>\n\
            <iframe src=\"javascript:alert(6)\"></iframe><iframe srcdoc=\"<script>alert(7)</script>\" src=\"https://video.example/e\"></iframe>\n";
        let p = project("allow_html = true\n");
        for mode in [RawHtml::Sanitize, RawHtml::Allow] {
            let html = html_of(&p, raw, mode);
            let lower = html.to_lowercase();
            for bad in [
                "javascript",
                "script",
                "alert",
                "onclick",
                "data:",
                "webcal",
                "srcdoc",
            ] {
                assert!(
                    !lower.contains(bad),
                    "`{bad}` survived ({}):\n{html}",
                    mode == RawHtml::Allow
                );
            }
            assert!(html.contains(">e</b>"), "{html}");
            // Only the wide mode keeps a frame with a web address.
            assert_eq!(
                html.contains("<iframe src=\"https://video.example/e\">"),
                mode == RawHtml::Allow,
                "{html}"
            );
        }
    }

    mod property {
        use super::*;
        use proptest::prelude::*;

        fn hostile() -> impl Strategy<Value = String> {
            let piece = prop_oneof![
                Just("javascript:alert(1)"),
                Just("JaVaScRiPt:"),
                Just("&#106;avascript:"),
                Just("&#x09;"),
                Just("vbscript:"),
                Just("data:text/html,"),
                Just("<script>alert(1)</script>"),
                Just("<img src=x onerror=alert(1)>"),
                Just(" onerror=alert(1)"),
                Just("<svg onload=alert(1)>"),
                Just("<a href=\"javascript:alert(1)\">"),
                Just("<a href='"),
                Just("<iframe src="),
                Just("]("),
                Just("[x]("),
                Just("![i]("),
                Just("<"),
                Just(")"),
                Just("\""),
                Just("\n"),
                Just("\n\n"),
                Just(" "),
                Just("\t"),
                Just("`"),
                Just("*"),
            ]
            .prop_map(str::to_string);
            prop::collection::vec(prop_oneof![piece, "[ -~]{0,8}"], 0..32).prop_map(|v| v.concat())
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

            /// Whatever the Markdown, the HTML has no script, no handler and
            /// no link or source the URL policy refuses.
            #[test]
            fn rendered_markdown_never_carries_script(src in hostile()) {
                let p = project("allow_html = true\n");
                for raw in [RawHtml::Escape, RawHtml::Sanitize, RawHtml::Allow] {
                    let html = html_of(&p, &src, raw);
                    let doc = scraper::Html::parse_fragment(&html);
                    for e in doc.select(&scraper::Selector::parse("*").unwrap()) {
                        let v = e.value();
                        prop_assert!(!["script", "style", "object", "embed"].contains(&v.name()), "{html}");
                        for (name, value) in v.attrs() {
                            prop_assert!(!name.to_ascii_lowercase().starts_with("on"), "{name} in {html}");
                            prop_assert!(name != "srcdoc", "{html}");
                            if ["href", "src", "poster", "cite"].contains(&name) {
                                prop_assert!(p.config.url_policy().allows(value), "{name}={value:?} in {html}");
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn sanitize_drops_scripts_and_handlers() {
        let out = sanitize(
            "<p onclick=\"x()\">a</p><script>alert(1)</script><img src=x onerror=alert(1)>",
            false,
            crate::url_policy::Policy::default(),
        );
        assert!(
            !out.contains("script") && !out.contains("onclick") && !out.contains("onerror"),
            "{out}"
        );
    }
}
