//! The one Markdown parser and its option set, shared by the site and the PDFs.
//!
//! [`events`] yields pulldown-cmark events with source offsets after three
//! adjustments every back end wants: the gender star (`Akteur*innen`) stays a
//! star instead of opening emphasis, straight double quotes become German
//! „…“, and headings carry their ids. Record links (`empfehlung:SB-2`) and
//! listing blocks (```` ```konzept ````) are recognised by [`RecordRef`] and
//! [`Listing`]; each back end renders them its own way.

use crate::i18n::Msg;
use crate::msg;
use crate::text::slugify;
use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};
use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

/// Stands in for a gender star during parsing; one byte, so offsets hold.
const STAR: char = '\u{1f}';

/// The one option set: CommonMark plus tables, footnotes, strikethrough,
/// task lists, heading ids, GFM alerts (`> [!NOTE]`) and definition lists.
/// Punctuation is made German by [`Smart`].
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_GFM
        | Options::ENABLE_DEFINITION_LIST
}

/// A `*` after a letter and before `in`/`innen` (`Bürger*innen`,
/// `Lehrer*in`) is a gender star, not emphasis; any other `*` keeps its
/// Markdown meaning (`foo*bar*`, `*Zeit*raum`).
fn protect_gender_star(src: &str) -> Cow<'_, str> {
    if !src.contains('*') {
        return Cow::Borrowed(src);
    }
    let mut out = String::with_capacity(src.len());
    let mut prev: Option<char> = None;
    for (i, c) in src.char_indices() {
        if c == '*' && prev.is_some_and(char::is_alphabetic) && gender_suffix(&src[i + 1..]) {
            out.push(STAR);
        } else {
            out.push(c);
        }
        prev = Some(c);
    }
    Cow::Owned(out)
}

/// Whether `rest` starts with `in` or `innen` (either case of the `i`) as a
/// whole word ending.
fn gender_suffix(rest: &str) -> bool {
    ["innen", "Innen", "in", "In"].iter().any(|suffix| {
        rest.strip_prefix(suffix)
            .is_some_and(|after| !after.chars().next().is_some_and(char::is_alphabetic))
    })
}

/// German typography for text runs: straight double quotes become „…“,
/// `--` an en dash, `...` an ellipsis; the gender star is restored. Keeps
/// the previous character across text events so quotes open and close right.
#[derive(Default)]
struct Smart {
    prev: Option<char>,
}

impl Smart {
    fn apply(&mut self, s: &str) -> String {
        let mut out = String::with_capacity(s.len() + 4);
        let mut chars = s.chars().peekable();
        while let Some(c) = chars.next() {
            let c2 = match c {
                STAR => '*',
                '"' => {
                    let opening = self
                        .prev
                        .is_none_or(|p| p.is_whitespace() || "([{–—/\u{a0}".contains(p));
                    if opening { '\u{201e}' } else { '\u{201c}' }
                }
                '-' if chars.peek() == Some(&'-') => {
                    let mut run = 1;
                    while chars.peek() == Some(&'-') {
                        chars.next();
                        run += 1;
                    }
                    let option_like = self
                        .prev
                        .is_none_or(|p| p.is_whitespace() || "([{".contains(p))
                        && chars.peek().is_some_and(|n| n.is_alphanumeric());
                    match run {
                        2 | 3 if !option_like => {
                            if run == 2 {
                                '–'
                            } else {
                                '—'
                            }
                        }
                        // `--no-pdf`, `----`: left as written.
                        _ => {
                            for _ in 1..run {
                                out.push('-');
                            }
                            '-'
                        }
                    }
                }
                '.' if s_starts(&mut chars, "..") => '…',
                c => c,
            };
            out.push(c2);
            self.prev = Some(c2);
        }
        out
    }

    fn fix<'a>(&mut self, s: CowStr<'a>) -> CowStr<'a> {
        if s.contains([STAR, '"', '-', '.']) {
            CowStr::from(self.apply(&s))
        } else {
            self.prev = s.chars().last().or(self.prev);
            s
        }
    }
}

/// Consumes `pat` from `chars` if it comes next.
fn s_starts(chars: &mut std::iter::Peekable<std::str::Chars<'_>>, pat: &str) -> bool {
    let ahead: String = chars.clone().take(pat.chars().count()).collect();
    if ahead == pat {
        for _ in pat.chars() {
            chars.next();
        }
        true
    } else {
        false
    }
}

/// German typography for a standalone piece of text (headings, alt texts).
fn germanise(s: &str) -> String {
    Smart::default().apply(s)
}

fn restore_star(s: CowStr<'_>) -> CowStr<'_> {
    if s.contains(STAR) {
        CowStr::from(s.replace(STAR, "*"))
    } else {
        s
    }
}

/// Where a link points: an e-mail autolink (`<info@example.org>`) becomes
/// a plain autolink to `mailto:…`, so every back end sees the real target;
/// every other link stays as written.
fn link_target(link_type: LinkType, dest: CowStr<'_>) -> (LinkType, CowStr<'_>) {
    if link_type == LinkType::Email {
        let dest = if dest.to_ascii_lowercase().starts_with("mailto:") {
            dest
        } else {
            CowStr::from(format!("mailto:{dest}"))
        };
        (LinkType::Autolink, dest)
    } else {
        (link_type, dest)
    }
}

/// A heading found in a chapter body.
#[derive(Debug, Clone)]
pub struct Heading {
    pub level: u8,
    pub text: String,
    pub id: String,
    /// Byte range in the body.
    pub range: Range<usize>,
    /// Whether the editor gave the id (`{#ziele}`).
    pub explicit: bool,
}

/// Parses `src` and yields owned events with their byte ranges in `src`.
/// `heading_ids` are the ids from [`scan`], in order of appearance.
pub fn events<'a>(
    src: &'a str,
    heading_ids: &'a [Heading],
) -> impl Iterator<Item = (Event<'static>, Range<usize>)> + 'a {
    let prepared = protect_gender_star(src).into_owned();
    let parser = Parser::new_ext(&prepared, options()).into_offset_iter();
    let mut out = Vec::new();
    let mut heading_index = 0;
    let mut smart = Smart::default();
    let mut in_code = false;
    for (ev, range) in parser {
        let ev = match ev {
            Event::Start(Tag::CodeBlock(k)) => {
                in_code = true;
                Event::Start(Tag::CodeBlock(k))
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code = false;
                Event::End(TagEnd::CodeBlock)
            }
            Event::Text(t) if in_code => Event::Text(restore_star(t)),
            Event::Text(t) => Event::Text(smart.fix(t)),
            Event::Code(t) => Event::Code(restore_star(t)),
            Event::SoftBreak | Event::HardBreak => {
                smart.prev = Some(' ');
                ev
            }
            Event::Start(Tag::Heading {
                level,
                id: _,
                classes,
                attrs,
            }) => {
                let id = heading_ids
                    .get(heading_index)
                    .map(|h| CowStr::from(h.id.clone()));
                heading_index += 1;
                Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs,
                })
            }
            // The star placeholder must not leak into URLs, titles or HTML.
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let (link_type, dest_url) = link_target(link_type, restore_star(dest_url));
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title: CowStr::from(germanise(&title)),
                    id,
                })
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Image {
                link_type,
                dest_url: restore_star(dest_url),
                title: CowStr::from(germanise(&title)),
                id,
            }),
            Event::Html(h) => Event::Html(restore_star(h)),
            Event::InlineHtml(h) => Event::InlineHtml(restore_star(h)),
            other => other,
        };
        out.push((ev.into_static(), range));
    }
    out.into_iter()
}

/// A link to a record or chapter: `empfehlung:SB-2`, `kapitel:einleitung#ziele`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordRef {
    pub kind: RefKind,
    pub id: String,
    pub anchor: Option<String>,
}

/// The kinds of link targets editors can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RefKind {
    Empfehlung,
    Massnahme,
    Kommune,
    Handlungsfeld,
    Zielgruppe,
    Kapitel,
    Indikator,
}

impl RefKind {
    pub const ALL: [RefKind; 7] = [
        RefKind::Empfehlung,
        RefKind::Massnahme,
        RefKind::Kommune,
        RefKind::Handlungsfeld,
        RefKind::Zielgruppe,
        RefKind::Kapitel,
        RefKind::Indikator,
    ];
    pub fn prefix(self) -> &'static str {
        match self {
            RefKind::Empfehlung => "empfehlung",
            RefKind::Massnahme => "massnahme",
            RefKind::Kommune => "kommune",
            RefKind::Handlungsfeld => "handlungsfeld",
            RefKind::Zielgruppe => "zielgruppe",
            RefKind::Kapitel => "kapitel",
            RefKind::Indikator => "indikator",
        }
    }
}

impl RecordRef {
    /// `Some` when `dest` uses one of konzept's link kinds; `Err` when it
    /// looks like one but the kind is unknown (`empfehlungen:SB-1`).
    pub fn parse(dest: &str) -> Option<Result<RecordRef, String>> {
        let (prefix, rest) = dest.split_once(':')?;
        if prefix.is_empty() || !prefix.bytes().all(|b| b.is_ascii_lowercase()) {
            return None;
        }
        // Web schemes and those the URL policy always refuses are links,
        // never record references; the policy reports the refused ones.
        if crate::url_policy::BUILT_IN.contains(&prefix)
            || crate::url_policy::NEVER.contains(&prefix)
            || prefix == "ftp"
        {
            return None;
        }
        let Some(kind) = RefKind::ALL.into_iter().find(|k| k.prefix() == prefix) else {
            return Some(Err(prefix.to_string()));
        };
        let (id, anchor) = match rest.split_once('#') {
            Some((id, a)) => (id, Some(a.to_string())),
            None => (rest, None),
        };
        Some(Ok(RecordRef {
            kind,
            id: id.to_string(),
            anchor,
        }))
    }
}

/// A listing block: ```` ```konzept ```` with one call such as
/// `empfehlungen handlungsfeld=sprache-bildung`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    pub call: String,
    pub args: Vec<(String, String)>,
}

/// The info string of listing blocks.
pub const LISTING_INFO: &str = "konzept";

/// The calls a listing may make and the arguments each accepts.
pub const LISTING_CALLS: &[(&str, &[&str])] = &[
    (
        "empfehlungen",
        &["handlungsfeld", "zielgruppe", "kurzfassung", "mehrkosten"],
    ),
    (
        "massnahmen",
        &["handlungsfeld", "kommune", "status", "empfehlung"],
    ),
    ("kommunen", &[]),
    ("angebote", &["kommune", "zielgruppe", "sprache"]),
    ("handlungsfelder", &[]),
    ("zielgruppen", &[]),
    ("indikatoren", &["handlungsfeld"]),
];

impl Listing {
    /// Parses the block's text; the error says what is wrong.
    pub fn parse(text: &str) -> Result<Listing, Msg> {
        let mut words = text.split_whitespace();
        let call = words
            .next()
            .ok_or_else(|| msg!("listing-empty"))?
            .to_string();
        let Some((_, allowed)) = LISTING_CALLS.iter().find(|(c, _)| *c == call) else {
            return Err(msg!("listing-unknown", call = &call));
        };
        let mut args = Vec::new();
        for w in words {
            let (k, v) = w
                .split_once('=')
                .ok_or_else(|| msg!("listing-expected-pair", found = w))?;
            if !allowed.contains(&k) {
                return Err(msg!("listing-unknown-argument", call = &call, name = k));
            }
            args.push((k.to_string(), v.trim_matches('"').to_string()));
        }
        Ok(Listing { call, args })
    }

    pub fn arg(&self, name: &str) -> Option<&str> {
        self.args
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// What a chapter body contains that must be checked before rendering.
#[derive(Debug, Clone, Default)]
pub struct Scan {
    pub headings: Vec<Heading>,
    /// Link destinations with their byte ranges (record links and plain URLs).
    pub links: Vec<(String, Range<usize>)>,
    pub images: Vec<Image>,
    /// Listing blocks: parsed, or the reason they cannot be.
    pub listings: Vec<(Result<Listing, Msg>, Range<usize>)>,
    pub raw_html: Vec<Range<usize>>,
}

/// An image in a body.
#[derive(Debug, Clone)]
pub struct Image {
    pub src: String,
    pub alt: String,
    pub title: String,
    pub range: Range<usize>,
}

/// One pass over `src` collecting headings (with unique ids), links, images,
/// listings and raw HTML.
pub fn scan(src: &str) -> Scan {
    let prepared = protect_gender_star(src).into_owned();
    let mut scan = Scan::default();
    let mut used: HashMap<String, usize> = HashMap::new();
    let mut heading: Option<(u8, Option<String>, Range<usize>, String)> = None;
    let mut image: Option<Image> = None;
    let mut listing: Option<(Range<usize>, String)> = None;
    for (ev, range) in Parser::new_ext(&prepared, options()).into_offset_iter() {
        match ev {
            Event::Start(Tag::Heading { level, id, .. }) => {
                heading = Some((
                    level_num(level),
                    id.map(|i| i.to_string()),
                    range,
                    String::new(),
                ));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, id, range, text)) = heading.take() {
                    let text = germanise(&text).trim().to_string();
                    let explicit = id.is_some();
                    let base = id.unwrap_or_else(|| slugify(&text));
                    let n = used.entry(base.clone()).or_insert(0);
                    *n += 1;
                    let id = if *n == 1 { base } else { format!("{base}-{n}") };
                    scan.headings.push(Heading {
                        level,
                        text,
                        id,
                        range,
                        explicit,
                    });
                }
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => scan
                .links
                .push((link_target(link_type, dest_url).1.to_string(), range)),
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                image = Some(Image {
                    src: dest_url.to_string(),
                    alt: String::new(),
                    title: germanise(&title),
                    range,
                });
            }
            Event::End(TagEnd::Image) => {
                if let Some(mut img) = image.take() {
                    img.alt = germanise(&img.alt).trim().to_string();
                    scan.images.push(img);
                }
            }
            Event::Start(Tag::CodeBlock(pulldown_cmark::CodeBlockKind::Fenced(info)))
                if info.trim() == LISTING_INFO =>
            {
                listing = Some((range, String::new()));
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((range, text)) = listing.take() {
                    scan.listings.push((Listing::parse(&text), range));
                }
            }
            Event::Html(_) | Event::InlineHtml(_) => scan.raw_html.push(range),
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, _, _, text)) = &mut heading {
                    text.push_str(&t);
                } else if let Some(img) = &mut image {
                    img.alt.push_str(&t);
                } else if let Some((_, text)) = &mut listing {
                    text.push_str(&t);
                }
            }
            _ => {}
        }
    }
    scan
}

pub fn level_num(level: HeadingLevel) -> u8 {
    level as u8
}

/// The plain text of a Markdown snippet (for page descriptions and PDF metadata).
pub fn plain_text(src: &str) -> String {
    let mut out = String::new();
    for (ev, _) in events(src, &[]) {
        match ev {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph) => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(src: &str) -> String {
        events(src, &[])
            .filter_map(|(e, _)| match e {
                Event::Text(t) => Some(t.to_string()),
                Event::Start(Tag::Emphasis) => Some("<em>".into()),
                Event::End(TagEnd::Emphasis) => Some("</em>".into()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn gender_star_is_not_emphasis() {
        assert_eq!(
            text_of("Akteur*innen und Bürger*innen"),
            "Akteur*innen und Bürger*innen"
        );
        assert_eq!(text_of("ein *betontes* Wort"), "ein <em>betontes</em> Wort");
    }

    #[test]
    fn only_real_gender_stars_are_kept() {
        assert_eq!(
            text_of("Lehrer*in und Kolleg*Innen."),
            "Lehrer*in und Kolleg*Innen."
        );
        assert_eq!(text_of("foo*bar*"), "foo<em>bar</em>");
        assert_eq!(text_of("*Zeit*raum"), "<em>Zeit</em>raum");
        assert_eq!(
            text_of("Bürger*innen*freundlich*"),
            "Bürger*innen<em>freundlich</em>"
        );
    }

    #[test]
    fn dashes_leave_options_and_long_runs_alone() {
        assert_eq!(text_of("a -- b --- c ---- d"), "a – b — c ---- d");
        assert_eq!(text_of("mit --no-pdf bauen"), "mit --no-pdf bauen");
        assert_eq!(text_of("S. 10--12"), "S. 10–12");
    }

    #[test]
    fn email_autolinks_become_mailto() {
        let s = scan("Schreiben Sie an <info@example.org>.");
        assert_eq!(s.links[0].0, "mailto:info@example.org");
        let dest = events("<info@example.org>", &[]).find_map(|(e, _)| match e {
            Event::Start(Tag::Link { dest_url, .. }) => Some(dest_url.to_string()),
            _ => None,
        });
        assert_eq!(dest.as_deref(), Some("mailto:info@example.org"));
    }

    #[test]
    fn straight_quotes_become_german() {
        assert_eq!(
            text_of("Er sagte \"Hallo\" -- und ging..."),
            "Er sagte „Hallo“ – und ging…"
        );
        assert_eq!(
            text_of("schon „deutsch“ gesetzt"),
            "schon „deutsch“ gesetzt"
        );
        assert_eq!(text_of("\"*Betont*\""), "„<em>Betont</em>“");
    }

    #[test]
    fn no_star_placeholder_in_titles_urls_or_html() {
        let src = "![Bild](a*b.svg \"Einwohner*innen\") [x](https://x.org/a*b \"Akteur*innen\") <b title=\"Bürger*innen\">";
        for (ev, _) in events(src, &[]) {
            assert!(!format!("{ev:?}").contains(STAR), "{ev:?}");
        }
    }

    #[test]
    fn heading_ids_are_unique_and_explicit_ids_win() {
        let s = scan("## Ziele\n\n## Ziele\n\n## Über uns {#ueber}\n");
        let ids: Vec<_> = s.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["ziele", "ziele-2", "ueber"]);
        assert_eq!(s.headings[2].text, "Über uns");
    }

    #[test]
    fn record_refs_parse() {
        let r = RecordRef::parse("kapitel:einleitung#ziele")
            .unwrap()
            .unwrap();
        assert_eq!(
            (r.kind, r.id.as_str(), r.anchor.as_deref()),
            (RefKind::Kapitel, "einleitung", Some("ziele"))
        );
        assert!(RecordRef::parse("https://example.org").is_none());
        assert_eq!(
            RecordRef::parse("empfehlungen:SB-1").unwrap().unwrap_err(),
            "empfehlungen"
        );
    }

    #[test]
    fn listings_parse_and_reject_unknown_arguments() {
        let l = Listing::parse("empfehlungen handlungsfeld=sprache-bildung\n").unwrap();
        assert_eq!(l.arg("handlungsfeld"), Some("sprache-bildung"));
        assert_eq!(
            Listing::parse("empfehlungen farbe=rot")
                .unwrap_err()
                .render(crate::i18n::Lang::De),
            "Die Liste „empfehlungen“ kennt keine Angabe „farbe“"
        );
        assert_eq!(
            Listing::parse("rezepte").unwrap_err().id(),
            "listing-unknown"
        );
    }

    #[test]
    fn scan_finds_images_links_and_listings() {
        let s = scan(
            "Text [a](empfehlung:SB-1).\n\n![Alt „x“](bild.svg \"Titel\")\n\n```konzept\nkommunen\n```\n<b>x</b>\n",
        );
        assert_eq!(s.links[0].0, "empfehlung:SB-1");
        assert_eq!(s.images[0].alt, "Alt „x“");
        assert_eq!(s.images[0].title, "Titel");
        assert_eq!(s.listings[0].0.as_ref().unwrap().call, "kommunen");
        assert_eq!(s.raw_html.len(), 2);
    }
}
