//! SVG figures from the sources, made safe to publish: every SVG is parsed
//! by usvg (the resvg family typst itself uses) and written out again from
//! its tree, so only drawing survives. Scripts, event attributes,
//! `<foreignObject>`, links, CSS and references to other files are not part
//! of that tree; images embedded as data are kept, images named by path or
//! URL are dropped. The root's `<title>` and `<desc>` are written back, so a
//! figure opened on its own still has its name.
//!
//! Text stays text (usvg lays it out only to measure it, with one bundled
//! font), so browsers and typst set it in their own fonts as before.

use crate::msg;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// The font usvg measures text with (SIL Open Font License, `src/fonts/OFL.txt`).
const FONT: &[u8] = include_bytes!("fonts/LibertinusSerif-Regular.otf");

/// Why an SVG cannot be used, in an editor's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid(pub crate::i18n::Msg);

impl std::fmt::Display for Invalid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// Whether a file name or path names an SVG file (`.svg`, any case).
pub fn is_svg(path: &str) -> bool {
    path.rsplit('.')
        .next()
        .is_some_and(|e| e.eq_ignore_ascii_case("svg"))
}

/// Parses `data` as SVG and returns it re-serialised without anything that
/// could run or load: the bytes to publish in `media/` and to give typst.
///
/// Results are remembered by the file's hash for the life of the process:
/// the checks, the site and both PDFs ask for the same figures, and
/// `serve` asks again after every edit.
pub fn sanitize(data: &[u8]) -> Result<Vec<u8>, Invalid> {
    type Cache = Mutex<HashMap<[u8; 32], Result<Arc<Vec<u8>>, Invalid>>>;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let key: [u8; 32] = Sha256::digest(data).into();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(hit) = cache.lock().expect("not poisoned").get(&key) {
        return hit.as_ref().map(|b| b.to_vec()).map_err(Clone::clone);
    }
    let result = convert(data).map(Arc::new);
    let out = result.as_ref().map(|b| b.to_vec()).map_err(Clone::clone);
    cache.lock().expect("not poisoned").insert(key, result);
    out
}

fn convert(data: &[u8]) -> Result<Vec<u8>, Invalid> {
    if data.starts_with(&[0x1f, 0x8b]) {
        return Err(Invalid(msg!("svg-compressed")));
    }
    let text = std::str::from_utf8(data).map_err(|_| Invalid(msg!("svg-not-utf8")))?;
    let xml = roxmltree::Document::parse_with_options(
        text,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
    .map_err(|e| Invalid(msg!("svg-not-xml", detail = e.to_string())))?;
    let root = xml.root_element();
    if root.tag_name().name() != "svg" {
        return Err(Invalid(msg!(
            "svg-wrong-root",
            element = root.tag_name().name()
        )));
    }
    let tree = usvg::Tree::from_xmltree(&xml, &options())
        .map_err(|e| Invalid(msg!("svg-unreadable", detail = e.to_string())))?;
    let out = tree.to_string(&usvg::WriteOptions {
        preserve_text: true,
        ..Default::default()
    });
    let size = tree.size();
    let view_box = format!("0 0 {} {}", size.width(), size.height());
    Ok(finish_root(
        out,
        &view_box,
        child_text(root, "title"),
        child_text(root, "desc"),
    )
    .into_bytes())
}

/// Parsing options: the bundled font, no file or network access for images.
fn options() -> usvg::Options<'static> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    let fontdb = FONTS
        .get_or_init(|| {
            let mut db = usvg::fontdb::Database::new();
            db.load_font_data(FONT.to_vec());
            let family = db
                .faces()
                .next()
                .and_then(|f| f.families.first())
                .map(|(name, _)| name.clone())
                .unwrap_or_else(|| "Libertinus Serif".into());
            db.set_serif_family(family.clone());
            db.set_sans_serif_family(family.clone());
            db.set_monospace_family(family.clone());
            db.set_cursive_family(family.clone());
            db.set_fantasy_family(family);
            Arc::new(db)
        })
        .clone();
    usvg::Options {
        resources_dir: None,
        fontdb,
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: usvg::ImageHrefResolver::default_data_resolver(),
            resolve_string: Box::new(|_, _| None),
        },
        ..Default::default()
    }
}

/// The trimmed text of the root's first `<name>` child, if any.
fn child_text(root: roxmltree::Node, name: &str) -> Option<String> {
    let el = root
        .children()
        .find(|n| n.is_element() && n.tag_name().name() == name)?;
    let text: String = el
        .descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

/// Gives the root element a `viewBox` (usvg applies the source's view box
/// to the drawing and writes only the size, which would stop the figure
/// from scaling with the page) and puts `role="img"`, `<title>` and
/// `<desc>` back.
fn finish_root(svg: String, view_box: &str, title: Option<String>, desc: Option<String>) -> String {
    // usvg writes the root start tag first; its attributes are numbers and
    // namespaces, so the first `>` closes it.
    let Some(end) = svg.find('>') else {
        return svg;
    };
    let (head, rest) = svg.split_at(end);
    let mut out = String::with_capacity(svg.len() + 256);
    out.push_str(head.trim_end_matches('/'));
    out.push_str(&format!(" viewBox=\"{view_box}\""));
    if title.is_some() || desc.is_some() {
        out.push_str(" role=\"img\"");
    }
    out.push('>');
    if let Some(t) = title {
        out.push_str(&format!("\n<title>{}</title>", escape(&t)));
    }
    if let Some(d) = desc {
        out.push_str(&format!("\n<desc>{}</desc>", escape(&d)));
    }
    if head.ends_with('/') {
        out.push_str("\n</svg>\n");
    } else {
        out.push_str(&rest[1..]);
    }
    out
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(svg: &str) -> String {
        String::from_utf8(sanitize(svg.as_bytes()).unwrap()).unwrap()
    }

    /// Everything a hostile SVG may try, in one file.
    const HOSTILE: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 100" onload="alert(1)">
  <title>Balken &amp; Linien</title><desc>Zwei Balken</desc>
  <script>alert(document.domain)</script>
  <style>@import url(https://evil.example/x.css); rect { fill: red }</style>
  <rect width="50" height="20" onclick="alert(2)" onmouseover="alert(3)"/>
  <a href="javascript:alert(4)" xlink:href="javascript:alert(5)"><circle cx="50" cy="50" r="10"/></a>
  <foreignObject width="100" height="100"><div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(6)"/></div></foreignObject>
  <image href="https://evil.example/track.png" width="10" height="10"/>
  <image xlink:href="/etc/hostname" width="10" height="10"/>
  <use xlink:href="other.svg#a"/>
  <text x="10" y="90" font-family="Libertinus Serif" font-size="12">Einwohner*innen</text>
  <set attributeName="onmouseover" to="alert(7)"/>
  <animate attributeName="href" to="javascript:alert(8)"/>
</svg>"##;

    #[test]
    fn scripts_handlers_foreign_objects_and_references_are_gone() {
        let out = clean(HOSTILE);
        let lower = out.to_lowercase();
        for bad in [
            "<script",
            "alert",
            "javascript:",
            "foreignobject",
            "<style",
            "@import",
            "evil.example",
            "/etc/",
            "other.svg",
            "<a ",
            "<set",
            "<animate",
        ] {
            assert!(!lower.contains(bad), "`{bad}` survived:\n{out}");
        }
        let doc = roxmltree::Document::parse(&out).unwrap();
        for n in doc.descendants().filter(|n| n.is_element()) {
            for a in n.attributes() {
                assert!(
                    !a.name().to_lowercase().starts_with("on"),
                    "event attribute {} on {}",
                    a.name(),
                    n.tag_name().name()
                );
            }
        }
        // The drawing and its text are still there; the CSS colour was applied.
        assert!(out.contains("<rect") || out.contains("<path"), "{out}");
        assert!(out.contains("Einwohner*innen"), "text was not kept:\n{out}");
        assert!(
            out.contains("fill=\"#FF0000\"") || out.contains("fill=\"#ff0000\""),
            "{out}"
        );
    }

    #[test]
    fn title_and_description_are_kept() {
        let out = clean(HOSTILE);
        let doc = roxmltree::Document::parse(&out).unwrap();
        let root = doc.root_element();
        assert_eq!(root.attribute("role"), Some("img"));
        assert_eq!(root.attribute("viewBox"), Some("0 0 100 100"));
        assert_eq!(
            child_text(root, "title").as_deref(),
            Some("Balken & Linien")
        );
        assert_eq!(child_text(root, "desc").as_deref(), Some("Zwei Balken"));
        let plain = clean(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>"#,
        );
        assert!(
            !plain.contains("<title") && !plain.contains("role="),
            "{plain}"
        );
        assert!(plain.contains("viewBox=\"0 0 4 4\""), "{plain}");
    }

    #[test]
    fn embedded_raster_images_stay() {
        // A 1×1 PNG as data: drawn, not fetched.
        let png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
        let out = clean(&format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="4" height="4"><image width="4" height="4" xlink:href="data:image/png;base64,{png}"/></svg>"#
        ));
        assert!(out.contains("data:image/png;base64,"), "{out}");
    }

    #[test]
    fn broken_files_are_refused_with_a_reason() {
        let e = sanitize(b"<svg xmlns=\"http://www.w3.org/2000/svg\"><rect></svg>").unwrap_err();
        assert_eq!(e.0.id(), "svg-not-xml", "{e}");
        let e = sanitize(b"<html><script>alert(1)</script></html>").unwrap_err();
        assert_eq!(
            e.0.render(crate::i18n::Lang::De),
            "Das oberste Element der Datei ist „<html>“, nicht „<svg>“"
        );
        let e = sanitize(&[0x1f, 0x8b, 8, 0]).unwrap_err();
        assert!(e.to_string().contains("SVGZ"), "{e}");
        assert!(sanitize(&[0xff, 0xfe, 0]).is_err());
    }
}
