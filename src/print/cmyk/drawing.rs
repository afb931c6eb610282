//! An SVG figure for the print file: usvg reads it (text becomes glyph
//! outlines in typst's own fonts), and every path comes out as JSON with
//! CMYK paint, which `common.typ` draws with `curve`. SVG itself has no
//! CMYK, so this is the only way an SVG reaches the print file without RGB.
//!
//! Colour rules: text and strokes thinner than [`HAIRLINE_PT`] use black
//! ink alone (one ink registers cleanly at that size); grey is always
//! black ink alone; other colours go through [`Colours`]. Opacity is mixed
//! with the paper white. Gradients become their mean colour; embedded
//! images, masks, filters and clip paths cannot be converted and are named
//! in the returned problems.

use super::colour::{Cmyk, Colours};
use serde_json::{Value, json};
use std::sync::Arc;
use usvg::tiny_skia_path::{PathSegment, Point};
use usvg::{Group, Node, Paint, Transform};

/// Strokes thinner than this (at print size, in pt) use one ink.
pub const HAIRLINE_PT: f64 = 1.0;

/// The theme's fonts (the ones typst gets), so the outlines match what the
/// reader file shows.
pub fn fonts(theme: &crate::theme::Theme) -> Arc<usvg::fontdb::Database> {
    let mut db = usvg::fontdb::Database::new();
    for rel in theme.list(crate::fonts::FONT_DIR) {
        let lower = rel.to_ascii_lowercase();
        if (lower.ends_with(".ttf") || lower.ends_with(".otf"))
            && let Some(bytes) = theme.read(&rel)
        {
            db.load_font_data(bytes.to_vec());
        }
    }
    db.set_serif_family("Libertinus Serif");
    db.set_sans_serif_family("Libertinus Serif");
    db.set_monospace_family("DejaVu Sans Mono");
    Arc::new(db)
}

/// A converted figure: the drawing and what could not be converted.
pub struct Drawing {
    pub json: Value,
    /// What was left out or approximated, by kind (`gradient`, `filter`,
    /// `image`, `clip`, `mask`; the catalogue's `svg-cmyk-changed` words them).
    pub problems: Vec<&'static str>,
}

struct Ctx<'a> {
    colours: &'a Colours,
    /// Points per SVG unit at the printed size.
    scale: f64,
    problems: Vec<&'static str>,
}

/// Converts `svg` for a figure printed `width_pt` wide.
pub fn convert(
    svg: &[u8],
    width_pt: f64,
    colours: &Colours,
    fonts: &Arc<usvg::fontdb::Database>,
) -> Result<Drawing, String> {
    let opt = usvg::Options {
        fontdb: fonts.clone(),
        font_family: "Libertinus Serif".into(),
        // Nothing outside the SVG is read: no files, no embedded images.
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: Box::new(|_, _, _| None),
            resolve_string: Box::new(|_, _| None),
        },
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_data(svg, &opt).map_err(|e| e.to_string())?;
    let size = tree.size();
    let (w, h) = (f64::from(size.width()), f64::from(size.height()));
    let mut cx = Ctx {
        colours,
        scale: width_pt / w,
        problems: Vec::new(),
    };
    if String::from_utf8_lossy(svg).contains("<image") {
        cx.problems.push("image");
    }
    let mut items = Vec::new();
    group(
        &mut cx,
        tree.root(),
        Transform::identity(),
        1.0,
        false,
        &mut items,
    );
    cx.problems.sort();
    cx.problems.dedup();
    Ok(Drawing {
        json: json!({"w": r2(w), "h": r2(h), "items": items}),
        problems: cx.problems,
    })
}

fn group(cx: &mut Ctx, g: &Group, t: Transform, opacity: f64, text: bool, out: &mut Vec<Value>) {
    let t = t.pre_concat(g.transform());
    let opacity = opacity * f64::from(g.opacity().get());
    if g.clip_path().is_some() {
        cx.problems.push("clip");
    }
    if g.mask().is_some() {
        cx.problems.push("mask");
    }
    if !g.filters().is_empty() {
        cx.problems.push("filter");
    }
    for n in g.children() {
        match n {
            Node::Group(g) => group(cx, g, t, opacity, text, out),
            Node::Path(p) => {
                if p.is_visible()
                    && let Some(v) = path(cx, p, t, opacity, text)
                {
                    out.push(v);
                }
            }
            Node::Text(x) => group(cx, x.flattened(), t, opacity, true, out),
            Node::Image(_) => cx.problems.push("image"),
        }
    }
}

fn path(cx: &mut Ctx, p: &usvg::Path, t: Transform, opacity: f64, text: bool) -> Option<Value> {
    let mut segs = Vec::new();
    let pt = |q: Point| {
        let mut q = q;
        t.map_point(&mut q);
        [r2(f64::from(q.x)), r2(f64::from(q.y))]
    };
    let mut last = Point::zero();
    for s in p.data().segments() {
        match s {
            PathSegment::MoveTo(a) => {
                let [x, y] = pt(a);
                segs.push(json!(["m", x, y]));
                last = a;
            }
            PathSegment::LineTo(a) => {
                let [x, y] = pt(a);
                segs.push(json!(["l", x, y]));
                last = a;
            }
            PathSegment::QuadTo(c, a) => {
                // The same curve as a cubic.
                let c1 = Point::from_xy(
                    last.x + 2.0 / 3.0 * (c.x - last.x),
                    last.y + 2.0 / 3.0 * (c.y - last.y),
                );
                let c2 =
                    Point::from_xy(a.x + 2.0 / 3.0 * (c.x - a.x), a.y + 2.0 / 3.0 * (c.y - a.y));
                let ([x1, y1], [x2, y2], [x, y]) = (pt(c1), pt(c2), pt(a));
                segs.push(json!(["c", x1, y1, x2, y2, x, y]));
                last = a;
            }
            PathSegment::CubicTo(c1, c2, a) => {
                let ([x1, y1], [x2, y2], [x, y]) = (pt(c1), pt(c2), pt(a));
                segs.push(json!(["c", x1, y1, x2, y2, x, y]));
                last = a;
            }
            PathSegment::Close => segs.push(json!(["z"])),
        }
    }
    let fill = p.fill().and_then(|f| {
        let o = opacity * f64::from(f.opacity().get());
        paint(cx, f.paint(), o, text, t)
    });
    let scale = f64::from((t.sx * t.sy - t.kx * t.ky).abs().sqrt());
    let stroke = p.stroke().and_then(|s| {
        let width = f64::from(s.width().get()) * scale;
        let thin = text || width * cx.scale < HAIRLINE_PT;
        let o = opacity * f64::from(s.opacity().get());
        let c = paint(cx, s.paint(), o, thin, t)?;
        Some(json!({
            "c": c,
            "w": r2(width),
            "cap": match s.linecap() {
                usvg::LineCap::Butt => "butt",
                usvg::LineCap::Round => "round",
                usvg::LineCap::Square => "square",
            },
            "join": match s.linejoin() {
                usvg::LineJoin::Round => "round",
                usvg::LineJoin::Bevel => "bevel",
                _ => "miter",
            },
            "dash": s.dasharray().map(|d| d.iter().map(|x| r2(f64::from(*x) * scale)).collect::<Vec<_>>()),
            "off": r2(f64::from(s.dashoffset()) * scale),
        }))
    });
    if fill.is_none() && stroke.is_none() {
        return None;
    }
    let even_odd = p
        .fill()
        .is_some_and(|f| f.rule() == usvg::FillRule::EvenOdd);
    Some(json!({"p": segs, "f": fill, "s": stroke, "eo": even_odd}))
}

/// A paint as JSON: `[c, m, y, k]`, or a tile for patterns.
fn paint(cx: &mut Ctx, p: &Paint, opacity: f64, one_ink: bool, t: Transform) -> Option<Value> {
    let rgb = match p {
        Paint::Color(c) => [c.red, c.green, c.blue],
        Paint::LinearGradient(g) => mean(g.stops(), cx),
        Paint::RadialGradient(g) => mean(g.stops(), cx),
        Paint::Pattern(pat) => {
            let r = pat.rect();
            let scale = f64::from((t.sx * t.sy - t.kx * t.ky).abs().sqrt());
            let mut items = Vec::new();
            // The tile in its own units, scaled like the shape it fills; a
            // pattern transform (e.g. a rotation) is not kept.
            let inner =
                Transform::from_scale(scale as f32, scale as f32).pre_translate(-r.x(), -r.y());
            group(cx, pat.root(), inner, opacity, one_ink, &mut items);
            return Some(json!({
                "tile": [r2(f64::from(r.width()) * scale), r2(f64::from(r.height()) * scale)],
                "items": items,
            }));
        }
    };
    if opacity <= 0.0 {
        return None;
    }
    let c = if one_ink {
        cx.colours.one_ink(rgb)
    } else {
        cx.colours.rgb(rgb)
    };
    Some(cmyk_json(mix_paper(c, opacity)))
}

/// The mean colour of a gradient's stops.
fn mean(stops: &[usvg::Stop], cx: &mut Ctx) -> [u8; 3] {
    cx.problems.push("gradient");
    if stops.is_empty() {
        return [0, 0, 0];
    }
    let n = stops.len() as u32;
    let avg = |f: fn(&usvg::Color) -> u8| {
        (stops.iter().map(|s| u32::from(f(&s.color()))).sum::<u32>() / n) as u8
    };
    [avg(|c| c.red), avg(|c| c.green), avg(|c| c.blue)]
}

/// Translucent ink on white paper: less of each ink.
fn mix_paper(c: Cmyk, opacity: f64) -> Cmyk {
    c.map(|v| v * opacity.clamp(0.0, 1.0))
}

fn cmyk_json(c: Cmyk) -> Value {
    json!(c.map(r1))
}

fn r1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

fn r2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn colours() -> Colours {
        Colours::new(None, 300.0).unwrap()
    }

    /// The built-in theme's fonts.
    fn convert(svg: &[u8], width_pt: f64, colours: &Colours) -> Result<Drawing, String> {
        let theme = crate::theme::Theme::new(std::path::Path::new("/nonexistent"), "default");
        super::convert(svg, width_pt, colours, &fonts(&theme))
    }

    #[test]
    fn paths_keep_their_geometry_and_get_cmyk_paint() {
        let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50" width="100" height="50">
            <rect x="10" y="10" width="20" height="10" fill="#1d5e8c"/>
            <g transform="translate(50 0)"><line x1="0" y1="5" x2="40" y2="5" stroke="#444444" stroke-width="4"/></g>
            <circle cx="80" cy="30" r="5" fill="#ff0000" fill-opacity="0.5"/>
        </svg>"##;
        let d = convert(svg, 200.0, &colours()).unwrap();
        let items = d.json["items"].as_array().unwrap();
        assert_eq!(d.json["w"], 100.0);
        assert_eq!(items.len(), 3);
        assert_eq!(items[0]["p"][0], json!(["m", 10.0, 10.0]));
        let f = items[0]["f"].as_array().unwrap();
        assert!(f[0].as_f64().unwrap() > 50.0, "blue has cyan: {f:?}");
        // The grey stroke, moved by the group, on the black plate only.
        assert_eq!(items[1]["p"][0], json!(["m", 50.0, 5.0]));
        assert_eq!(items[1]["s"]["c"], json!([0.0, 0.0, 0.0, 73.3]));
        // Half-transparent red is half the ink.
        let red = items[2]["f"].as_array().unwrap();
        assert!(red[1].as_f64().unwrap() <= 50.0 && red[0].as_f64().unwrap() == 0.0);
        assert!(d.problems.is_empty(), "{:?}", d.problems);
    }

    #[test]
    fn text_becomes_outlines_in_one_ink_and_thin_lines_too() {
        let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 40" width="200" height="40">
            <text x="5" y="30" font-size="20" fill="#0b5c99">Kreis 2024</text>
            <line x1="0" y1="35" x2="200" y2="35" stroke="#0b5c99" stroke-width="1"/>
        </svg>"##;
        let d = convert(svg, 100.0, &colours()).unwrap();
        let items = d.json["items"].as_array().unwrap();
        assert!(items.len() >= 2, "glyphs were drawn: {items:?}");
        for it in items {
            let c = if it["f"].is_null() {
                &it["s"]["c"]
            } else {
                &it["f"]
            };
            let c = c.as_array().unwrap();
            assert_eq!(&c[..3], &[json!(0.0), json!(0.0), json!(0.0)], "{it}");
        }
    }

    #[test]
    fn what_cannot_be_converted_is_named() {
        let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">
            <defs><linearGradient id="g"><stop offset="0" stop-color="#ff0000"/><stop offset="1" stop-color="#0000ff"/></linearGradient>
            <filter id="b"><feGaussianBlur stdDeviation="1"/></filter></defs>
            <rect width="10" height="10" fill="url(#g)" filter="url(#b)"/>
            <image href="/etc/hostname" width="5" height="5"/>
        </svg>"##;
        let d = convert(svg, 100.0, &colours()).unwrap();
        let text = d.problems.join("; ");
        assert!(
            text.contains("gradient") && text.contains("filter") && text.contains("image"),
            "{text}"
        );
    }
}
