//! Markdown → a JSON node tree for the Typst templates.
//!
//! Walks the events of [`crate::content::markdown::events`] (the parser the
//! site uses, with its gender star, German quotes and heading ids) and builds
//! nodes such as `{"t":"p","c":["Text ",{"t":"em","c":["betont"]}]}`. Plain
//! text is a JSON string. The templates show strings as text and never
//! evaluate them, so `#`, `$`, `<` or `]` in a chapter cannot run Typst code.
//!
//! Block nodes: `p`, `h` (level, rank, label, outlined), `quote`, `codeblock`,
//! `list` (ordered, start, items), `table` (align, head, rows), `figure`,
//! `hr`, and the listing nodes the host returns. Inline nodes: strings, `em`,
//! `strong`, `del`, `code`, `br`, `link` (url, note), `ref` (label), `span`,
//! `img`, `task` (done), `fn` (label, c) and `fnref` (label).

use crate::content::markdown::{self, Heading, LISTING_INFO, Listing, RecordRef};
use pulldown_cmark::{CodeBlockKind, Event, Tag, TagEnd};
use serde_json::{Map, Value, json};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// What the converter asks of the document it converts for.
pub trait Host {
    /// The label a record link points at (`empfehlung:SB-2`); whether the
    /// document has it is decided once the whole document is built.
    fn record_label(&self, r: &RecordRef) -> Option<String>;
    /// The text of an empty record link: „SB-2: Titel“.
    fn ref_text(&self, r: &RecordRef) -> String;
    /// The node of a listing block (recommendation boxes, tables …);
    /// `level` is the heading level for the records in it.
    fn listing(&mut self, l: &Listing, level: u8) -> Value;
    /// Stages an image; `None` shows the alt text instead. The second value
    /// identifies this use for the resolution check.
    fn image(&mut self, src: &str, range: &Range<usize>) -> Option<(String, usize)>;
    /// Raw HTML: the text to print instead (YAML fields show it as text,
    /// as the site does), or `None` to leave it out (chapters).
    fn raw_html(&mut self, html: &str, range: &Range<usize>) -> Option<String>;
    /// The web address of a document a chapter links to (its copy on the
    /// site), when the site has an absolute address; `None` prints the
    /// link's text only.
    fn attachment_url(&self, _dest: &str) -> Option<String> {
        None
    }
}

/// How one piece of Markdown sits in the document.
#[derive(Debug, Clone)]
pub struct Settings<'a> {
    /// `kapitel:slug`: headings get `kapitel:slug#id`, and `#id` links resolve
    /// against it. `None` for text without headings of its own (YAML fields).
    pub anchor_base: Option<&'a str>,
    /// The Typst heading level of a `##` heading.
    pub level: u8,
    /// Whether headings appear in the table of contents.
    pub outlined: bool,
    /// Whether headings appear in the PDF's bookmarks.
    pub bookmarked: bool,
    /// Makes footnote labels unique in the document.
    pub footnote_prefix: &'a str,
}

type Ev = (Event<'static>, Range<usize>);

/// Converts `src` into block nodes. `headings` are the ids from the scan.
pub fn convert(src: &str, headings: &[Heading], s: &Settings, host: &mut dyn Host) -> Vec<Value> {
    let events: Vec<Ev> = markdown::events(src, headings).collect();
    let mut footnotes = HashMap::new();
    let mut open: Option<(String, usize)> = None;
    for (i, (ev, _)) in events.iter().enumerate() {
        match ev {
            Event::Start(Tag::FootnoteDefinition(l)) if open.is_none() => {
                open = Some((l.to_string(), i))
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                if let Some((l, start)) = open.take() {
                    footnotes.entry(l).or_insert(start..i + 1);
                }
            }
            _ => {}
        }
    }
    let mut c = Converter {
        events: &events,
        settings: s,
        host,
        footnotes,
        used_footnotes: HashSet::new(),
        section_level: s.level.saturating_sub(1),
    };
    let mut out = c.run(0..events.len());
    // Definitions nothing refers to still print, at the end (as on the site).
    let mut unused: Vec<(String, Range<usize>)> = c
        .footnotes
        .iter()
        .filter(|(l, _)| !c.used_footnotes.contains(*l))
        .map(|(l, r)| (l.clone(), r.clone()))
        .collect();
    unused.sort_by_key(|(_, r)| r.start);
    for (label, range) in unused {
        c.used_footnotes.insert(label);
        out.extend(c.run(range.start + 1..range.end - 1));
    }
    out
}

struct Converter<'a, 'h> {
    events: &'a [Ev],
    settings: &'a Settings<'a>,
    host: &'h mut dyn Host,
    /// Footnote label → the event range of its definition.
    footnotes: HashMap<String, Range<usize>>,
    used_footnotes: HashSet<String>,
    /// The level of the last heading, so listings can nest below it.
    section_level: u8,
}

/// An open element and the nodes collected inside it.
struct Frame {
    kind: Kind,
    children: Vec<Value>,
}

enum Kind {
    Root,
    Para,
    Heading(u8, Option<String>),
    Quote,
    /// A GFM alert (`> [!NOTE]`), by its key in the strings' `[alert]` table.
    Alert(&'static str),
    /// A definition list and its terms and definitions.
    Terms,
    Term,
    Definition,
    Code(Option<String>, String),
    Listing(String),
    List(Option<u64>),
    Item,
    Table(Vec<&'static str>, Vec<Value>, Vec<Value>),
    TableHead,
    TableRow,
    Cell,
    Emph,
    Strong,
    Strike,
    Link(String),
    Image(String, String, Range<usize>),
    /// An HTML block: its text and where it is.
    Html(String, Range<usize>),
    Skip,
}

impl Converter<'_, '_> {
    fn run(&mut self, range: Range<usize>) -> Vec<Value> {
        let mut stack = vec![Frame {
            kind: Kind::Root,
            children: Vec::new(),
        }];
        let mut i = range.start;
        while i < range.end {
            let (ev, r) = &self.events[i];
            i += 1;
            match ev {
                Event::Start(Tag::FootnoteDefinition(_)) => {
                    // Placed where they are referenced; skip the definition here.
                    let mut depth = 1;
                    while i < range.end && depth > 0 {
                        match &self.events[i].0 {
                            Event::Start(Tag::FootnoteDefinition(_)) => depth += 1,
                            Event::End(TagEnd::FootnoteDefinition) => depth -= 1,
                            _ => {}
                        }
                        i += 1;
                    }
                }
                Event::Start(tag) => {
                    let kind = self.open(tag, r);
                    stack.push(Frame {
                        kind,
                        children: Vec::new(),
                    });
                }
                Event::End(_) => {
                    let frame = stack.pop().expect("balanced events");
                    let parent = stack.last_mut().expect("root stays");
                    self.close(frame, parent);
                }
                Event::Text(t) => {
                    let top = stack.last_mut().expect("root stays");
                    match &mut top.kind {
                        Kind::Code(_, text) | Kind::Listing(text) => text.push_str(t),
                        _ => push_text(&mut top.children, t),
                    }
                }
                Event::Code(t) => push(&mut stack, json!({"t": "code", "v": t.as_ref()})),
                Event::SoftBreak => push_text(&mut stack.last_mut().expect("root").children, " "),
                Event::HardBreak => push(&mut stack, json!({"t": "br"})),
                Event::Rule => push(&mut stack, json!({"t": "hr"})),
                Event::TaskListMarker(done) => push(&mut stack, json!({"t": "task", "done": done})),
                Event::Html(h) | Event::InlineHtml(h) => {
                    let top = stack.last_mut().expect("root stays");
                    if let Kind::Html(text, _) = &mut top.kind {
                        // A block is handed over whole when it ends.
                        text.push_str(h);
                    } else if let Some(text) = self.host.raw_html(h, r) {
                        push_text(&mut top.children, &text);
                    }
                }
                Event::FootnoteReference(label) => {
                    let node = self.footnote(label);
                    push(&mut stack, node);
                }
                Event::InlineMath(t) | Event::DisplayMath(t) => {
                    push_text(&mut stack.last_mut().expect("root").children, t)
                }
            }
        }
        while stack.len() > 1 {
            let frame = stack.pop().expect("checked");
            let parent = stack.last_mut().expect("checked");
            self.close(frame, parent);
        }
        stack.pop().map(|f| f.children).unwrap_or_default()
    }

    fn open(&mut self, tag: &Tag<'static>, range: &Range<usize>) -> Kind {
        match tag {
            Tag::Paragraph => Kind::Para,
            Tag::Heading { level, id, .. } => Kind::Heading(
                markdown::level_num(*level),
                id.as_ref().map(|i| i.to_string()),
            ),
            Tag::BlockQuote(None) => Kind::Quote,
            Tag::BlockQuote(Some(kind)) => Kind::Alert(match kind {
                pulldown_cmark::BlockQuoteKind::Note => "note",
                pulldown_cmark::BlockQuoteKind::Tip => "tip",
                pulldown_cmark::BlockQuoteKind::Important => "important",
                pulldown_cmark::BlockQuoteKind::Warning => "warning",
                pulldown_cmark::BlockQuoteKind::Caution => "caution",
            }),
            Tag::DefinitionList => Kind::Terms,
            Tag::DefinitionListTitle => Kind::Term,
            Tag::DefinitionListDefinition => Kind::Definition,
            Tag::CodeBlock(CodeBlockKind::Fenced(info)) if info.trim() == LISTING_INFO => {
                Kind::Listing(String::new())
            }
            Tag::CodeBlock(kind) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => info
                        .split_whitespace()
                        .next()
                        .filter(|l| l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
                        .map(str::to_string),
                    CodeBlockKind::Indented => None,
                };
                Kind::Code(lang, String::new())
            }
            Tag::List(start) => Kind::List(*start),
            Tag::Item => Kind::Item,
            Tag::Table(aligns) => Kind::Table(
                aligns
                    .iter()
                    .map(|a| match a {
                        pulldown_cmark::Alignment::Left => "left",
                        pulldown_cmark::Alignment::Center => "center",
                        pulldown_cmark::Alignment::Right => "right",
                        pulldown_cmark::Alignment::None => "none",
                    })
                    .collect(),
                Vec::new(),
                Vec::new(),
            ),
            Tag::TableHead => Kind::TableHead,
            Tag::TableRow => Kind::TableRow,
            Tag::TableCell => Kind::Cell,
            Tag::Emphasis => Kind::Emph,
            Tag::Strong => Kind::Strong,
            Tag::Strikethrough => Kind::Strike,
            Tag::Link { dest_url, .. } => Kind::Link(dest_url.to_string()),
            Tag::Image {
                dest_url, title, ..
            } => Kind::Image(dest_url.to_string(), title.to_string(), range.clone()),
            Tag::HtmlBlock => Kind::Html(String::new(), range.clone()),
            _ => Kind::Skip,
        }
    }

    fn close(&mut self, frame: Frame, parent: &mut Frame) {
        let c = frame.children;
        let node = match frame.kind {
            Kind::Root => return,
            Kind::Html(html, range) => {
                if let Some(text) = self.host.raw_html(&html, &range) {
                    parent
                        .children
                        .push(json!({"t": "p", "c": [text.trim_end()]}));
                }
                return;
            }
            Kind::Skip => {
                parent.children.extend(c);
                return;
            }
            Kind::Para => {
                if c.is_empty()
                    || c.iter()
                        .all(|n| n.as_str().is_some_and(|s| s.trim().is_empty()))
                {
                    return;
                }
                if let [img] = c.as_slice()
                    && img["t"] == "img"
                {
                    let mut fig = img.clone();
                    fig["t"] = "figure".into();
                    fig
                } else {
                    json!({"t": "p", "c": c})
                }
            }
            Kind::Heading(md_level, id) => {
                let md_level = md_level.max(2);
                let level = self.settings.level + (md_level - 2);
                self.section_level = level;
                let label = match (self.settings.anchor_base, id) {
                    (Some(base), Some(id)) => Value::from(format!("{base}#{id}")),
                    _ => Value::Null,
                };
                json!({"t": "h", "level": level, "rank": md_level - 1, "label": label,
                       "outlined": self.settings.outlined,
                       "bookmarked": self.settings.bookmarked, "c": c})
            }
            Kind::Quote => json!({"t": "quote", "c": c}),
            Kind::Alert(kind) => json!({"t": "alert", "kind": kind, "c": c}),
            // Each term with the definitions that follow it.
            Kind::Terms => {
                let mut items: Vec<Value> = Vec::new();
                for n in c {
                    if n["t"] == "dt" {
                        items.push(json!({"term": n["c"], "defs": []}));
                    } else if n["t"] == "dd" {
                        if items.is_empty() {
                            items.push(json!({"term": [], "defs": []}));
                        }
                        let last = items.last_mut().expect("pushed");
                        if let Some(defs) = last["defs"].as_array_mut() {
                            defs.push(n["c"].clone());
                        }
                    }
                }
                json!({"t": "terms", "items": items})
            }
            Kind::Term => json!({"t": "dt", "c": c}),
            Kind::Definition => json!({"t": "dd", "c": c}),
            Kind::Code(lang, text) => json!({"t": "codeblock", "lang": lang, "v": text}),
            Kind::Listing(text) => match Listing::parse(&text) {
                Ok(l) => self.host.listing(&l, self.section_level + 1),
                // The project has reported this block already.
                Err(_) => return,
            },
            Kind::List(start) => json!({"t": "list", "ordered": start.is_some(),
                                         "start": start.unwrap_or(1), "items": c}),
            Kind::Item => json!({"c": c}),
            Kind::Table(align, head, rows) => {
                json!({"t": "table", "align": align, "head": head, "rows": rows})
            }
            Kind::TableHead => {
                if let Kind::Table(_, head, _) = &mut parent.kind {
                    *head = c;
                }
                return;
            }
            Kind::TableRow => {
                if let Kind::Table(_, _, rows) = &mut parent.kind {
                    rows.push(Value::Array(c));
                }
                return;
            }
            Kind::Cell => Value::Array(c),
            Kind::Emph => json!({"t": "em", "c": c}),
            Kind::Strong => json!({"t": "strong", "c": c}),
            Kind::Strike => json!({"t": "del", "c": c}),
            Kind::Link(dest) => self.link(&dest, c),
            Kind::Image(src, title, range) => {
                let alt = plain(&c);
                match self.host.image(&src, &range) {
                    Some((staged, use_id)) => {
                        let caption = (!title.trim().is_empty()).then(|| title.trim().to_string());
                        json!({"t": "img", "src": staged, "alt": alt.trim(),
                               "caption": caption, "use": use_id})
                    }
                    None => Value::from(alt),
                }
            }
        };
        parent.children.push(node);
    }

    fn link(&mut self, dest: &str, mut c: Vec<Value>) -> Value {
        if let Some(Ok(r)) = RecordRef::parse(dest) {
            if c.is_empty() {
                c.push(Value::from(self.host.ref_text(&r)));
            }
            return json!({"t": "ref", "label": self.host.record_label(&r), "c": c});
        }
        if let Some(anchor) = dest.strip_prefix('#') {
            return match self.settings.anchor_base {
                Some(base) if !anchor.is_empty() => {
                    json!({"t": "ref", "label": format!("{base}#{anchor}"), "c": c})
                }
                _ => json!({"t": "span", "c": c}),
            };
        }
        // Only web links become PDF links, and only those the URL policy
        // allows (the site's one, without a project's extra schemes).
        let web = crate::url_policy::scheme(dest)
            .is_some_and(|s| crate::url_policy::Policy::default().allows_scheme(&s));
        if web {
            let shown = dest
                .strip_prefix("mailto:")
                .or_else(|| dest.strip_prefix("tel:"))
                .unwrap_or(dest);
            let text = plain(&c);
            let note = (text.trim() != shown && text.trim() != dest).then_some(shown);
            if c.is_empty() {
                c.push(Value::from(shown));
            }
            return json!({"t": "link", "url": dest, "note": note, "c": c});
        }
        // A document on the site: a link to its copy there.
        if let Some(url) = self.host.attachment_url(dest) {
            return json!({"t": "link", "url": url, "note": Value::Null, "c": c});
        }
        // A file in the project or an unknown scheme: only the text is printed.
        json!({"t": "span", "c": c})
    }

    fn footnote(&mut self, label: &str) -> Value {
        let full = format!("fn:{}:{label}", self.settings.footnote_prefix);
        let Some(range) = self.footnotes.get(label).cloned() else {
            return Value::from(format!("[^{label}]"));
        };
        if !self.used_footnotes.insert(label.to_string()) {
            return json!({"t": "fnref", "label": full});
        }
        // The definition's content, without its own start and end events.
        let body = self.run(range.start + 1..range.end - 1);
        json!({"t": "fn", "label": full, "c": body})
    }
}

fn push(stack: &mut [Frame], node: Value) {
    stack.last_mut().expect("root stays").children.push(node);
}

/// Appends text, merging it with a preceding string.
fn push_text(children: &mut Vec<Value>, t: &str) {
    if let Some(Value::String(prev)) = children.last_mut() {
        prev.push_str(t);
    } else {
        children.push(Value::from(t));
    }
}

/// The plain text of inline nodes (for alt texts and link comparisons).
pub fn plain(nodes: &[Value]) -> String {
    let mut out = String::new();
    fn walk(v: &Value, out: &mut String) {
        match v {
            Value::String(s) => out.push_str(s),
            Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            Value::Object(o) => {
                if let Some(Value::String(s)) = o.get("v") {
                    out.push_str(s);
                }
                if let Some(c) = o.get("c") {
                    walk(c, out);
                }
            }
            _ => {}
        }
    }
    nodes.iter().for_each(|n| walk(n, &mut out));
    out
}

/// Calls `f` on every object node in `nodes`, depth first, in document order.
pub fn walk_mut(v: &mut Value, f: &mut dyn FnMut(&mut Map<String, Value>)) {
    match v {
        Value::Array(a) => a.iter_mut().for_each(|x| walk_mut(x, f)),
        Value::Object(o) => {
            f(o);
            for (_, x) in o.iter_mut() {
                walk_mut(x, f);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Default)]
    struct TestHost {
        html: usize,
        images: Vec<String>,
    }

    impl Host for TestHost {
        fn record_label(&self, r: &RecordRef) -> Option<String> {
            Some(format!("{}:{}", r.kind.prefix(), r.id))
        }
        fn ref_text(&self, r: &RecordRef) -> String {
            format!("{}: Titel", r.id)
        }
        fn listing(&mut self, l: &Listing, level: u8) -> Value {
            json!({"t": l.call, "level": level})
        }
        fn image(&mut self, src: &str, _: &Range<usize>) -> Option<(String, usize)> {
            self.images.push(src.to_string());
            Some((format!("img/{}", self.images.len()), self.images.len() - 1))
        }
        fn raw_html(&mut self, html: &str, _: &Range<usize>) -> Option<String> {
            self.html += 1;
            html.contains("keep").then(|| html.to_string())
        }
    }

    fn conv(src: &str) -> Value {
        let scan = markdown::scan(src);
        let s = Settings {
            anchor_base: Some("kapitel:k"),
            level: 2,
            outlined: true,
            bookmarked: true,
            footnote_prefix: "k",
        };
        Value::Array(convert(src, &scan.headings, &s, &mut TestHost::default()))
    }

    #[test]
    fn paragraphs_and_emphasis() {
        assert_eq!(
            conv("Ein *betontes* und **starkes** ~~altes~~ `x`"),
            json!([{"t":"p","c":["Ein ",{"t":"em","c":["betontes"]}," und ",
                {"t":"strong","c":["starkes"]}," ",{"t":"del","c":["altes"]}," ",{"t":"code","v":"x"}]}])
        );
    }

    #[test]
    fn typst_syntax_stays_text() {
        let src =
            "#read(\"/etc/passwd\") $x$ @label &lt;lbl> ] \\\\ #set page(width: 1cm) `#sys.inputs`";
        let v = conv(src);
        assert_eq!(
            v,
            json!([{"t":"p","c":["#read(„/etc/passwd“) $x$ @label <lbl> ] \\ #set page(width: 1cm) ",
                                 {"t":"code","v":"#sys.inputs"}]}])
        );
    }

    #[test]
    fn gender_star_and_quotes_come_from_the_shared_parser() {
        assert_eq!(
            conv("Bürger*innen sagen \"ja\""),
            json!([{"t":"p","c":["Bürger*innen sagen „ja“"]}])
        );
    }

    #[test]
    fn headings_get_levels_and_labels() {
        assert_eq!(
            conv("## Ziele {#ziele}\n\n### Unterpunkt\n"),
            json!([
                {"t":"h","level":2,"rank":1,"label":"kapitel:k#ziele","outlined":true,"bookmarked":true,"c":["Ziele"]},
                {"t":"h","level":3,"rank":2,"label":"kapitel:k#unterpunkt","outlined":true,"bookmarked":true,"c":["Unterpunkt"]}
            ])
        );
    }

    #[test]
    fn nested_and_numbered_lists_with_tasks() {
        let v = conv("3. drei\n4. vier\n   - innen\n\n- [x] fertig\n- [ ] offen\n");
        assert_eq!(v[0]["ordered"], true);
        assert_eq!(v[0]["start"], 3);
        assert_eq!(v[0]["items"][1]["c"][1]["t"], "list");
        assert_eq!(v[1]["items"][0]["c"][0], json!({"t":"task","done":true}));
        assert_eq!(v[1]["items"][1]["c"][0], json!({"t":"task","done":false}));
    }

    #[test]
    fn tables_keep_head_rows_and_alignment() {
        let v = conv("| A | B |\n|:--|--:|\n| 1 | *2* |\n");
        assert_eq!(
            v,
            json!([{"t":"table","align":["left","right"],"head":[["A"],["B"]],
                    "rows":[[["1"],[{"t":"em","c":["2"]}]]]}])
        );
    }

    #[test]
    fn links_records_and_web() {
        let v = conv(
            "[](empfehlung:SB-2), [Web](https://example.org), <https://x.org>, [#](#ziele), [Datei](a.pdf)",
        );
        let c = &v[0]["c"];
        assert_eq!(
            c[0],
            json!({"t":"ref","label":"empfehlung:SB-2","c":["SB-2: Titel"]})
        );
        assert_eq!(
            c[2],
            json!({"t":"link","url":"https://example.org","note":"https://example.org","c":["Web"]})
        );
        assert_eq!(c[4]["note"], Value::Null);
        assert_eq!(c[6], json!({"t":"ref","label":"kapitel:k#ziele","c":["#"]}));
        assert_eq!(c[8], json!({"t":"span","c":["Datei"]}));
    }

    #[test]
    fn footnotes_are_placed_at_the_reference() {
        let v = conv("Text[^a] und nochmal[^a].\n\n[^a]: Die *Fußnote*.\n");
        assert_eq!(v.as_array().unwrap().len(), 1, "{v}");
        let c = &v[0]["c"];
        assert_eq!(c[1]["t"], "fn");
        assert_eq!(c[1]["label"], "fn:k:a");
        assert_eq!(c[1]["c"][0]["c"][1], json!({"t":"em","c":["Fußnote"]}));
        assert_eq!(c[3], json!({"t":"fnref","label":"fn:k:a"}));
        let v = conv("Ohne Verweis.\n\n[^b]: Trotzdem gedruckt.\n");
        assert_eq!(v[1], json!({"t":"p","c":["Trotzdem gedruckt."]}));
    }

    #[test]
    fn lone_images_become_figures_and_html_is_dropped() {
        let mut host = TestHost::default();
        let src = "![Alt *Text*](bild.png \"Unterschrift\")\n\nInline ![Icon](i.svg) <b>fett</b>\n\n<div>x</div>\n";
        let s = Settings {
            anchor_base: None,
            level: 2,
            outlined: true,
            bookmarked: true,
            footnote_prefix: "k",
        };
        let v = convert(src, &[], &s, &mut host);
        assert_eq!(
            v[0],
            json!({"t":"figure","src":"img/1","alt":"Alt Text","caption":"Unterschrift","use":0})
        );
        assert_eq!(v[1]["c"][1]["t"], "img");
        assert_eq!(host.html, 3, "<b>, </b> and the block: {v:?}");
        assert_eq!(v.len(), 2, "the HTML block leaves nothing: {v:?}");
        let v = convert("a <keep> b\n", &[], &s, &mut host);
        assert_eq!(
            v,
            vec![json!({"t":"p","c":["a <keep> b"]})],
            "HTML kept as text"
        );
    }

    #[test]
    fn alerts_and_definition_lists() {
        assert_eq!(
            conv("> [!WARNING]\n> Frist beachten.\n"),
            json!([{"t":"alert","kind":"warning","c":[{"t":"p","c":["Frist beachten."]}]}])
        );
        assert_eq!(
            conv("Kita\n: Kindertagesstätte\n: Kindergarten\n\nOGS\n: Offene Ganztagsschule\n"),
            json!([{"t":"terms","items":[
                {"term":["Kita"],"defs":[["Kindertagesstätte"],["Kindergarten"]]},
                {"term":["OGS"],"defs":[["Offene Ganztagsschule"]]}
            ]}])
        );
    }

    #[test]
    fn code_blocks_and_listings() {
        let v =
            conv("```rust\nfn main() {}\n```\n\n## A\n\n```konzept\nkommunen\n```\n\n> Zitat\n");
        assert_eq!(
            v[0],
            json!({"t":"codeblock","lang":"rust","v":"fn main() {}\n"})
        );
        assert_eq!(
            v[2],
            json!({"t":"kommunen","level":3}),
            "one below the heading"
        );
        assert_eq!(v[3], json!({"t":"quote","c":[{"t":"p","c":["Zitat"]}]}));
    }
}
