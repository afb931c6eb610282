//! The network overview as a compact SVG made at build time: one row per
//! municipality, one column per field of action, a symbol per cell that
//! reads without colour (filled, half-filled and open circles; a hatched
//! cell with a cross for a gap) and a legend. Its text alternative is the
//! table of the same numbers that every output prints beside it.

use super::akteure::Netz;
use crate::strings::Strings;
use crate::text::escape;
use std::fmt::Write;

const FONT_FAMILY: &str =
    "'Source Sans 3', 'Noto Sans', 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif";
const INK: &str = "#1a1a1a";
const MUTED: &str = "#4a5459";
const GRID: &str = "#c4cdd1";
const FONT: f64 = 13.0;
const ROW: f64 = 26.0;
const COL: f64 = 46.0;
const R: f64 = 7.5;

/// About how wide a label is (average letter width of a sans-serif font).
fn width(s: &str) -> f64 {
    s.chars().count() as f64 * FONT * 0.58
}

/// The SVG of `n`, with `role="img"`, a title and a description.
pub fn render(n: &Netz, t: &Strings) -> String {
    let left = n
        .kommunen
        .iter()
        .map(|k| width(&k.kommune.titel))
        .fold(80.0, f64::max)
        + 16.0;
    let cols = n.handlungsfelder.len() as f64;
    let top = ROW * 1.4;
    let rows = n.kommunen.len() as f64;
    let grid_w = left + cols * COL;
    let legend_top = top + rows * ROW + ROW * 0.8;
    let symbols = [
        ("voll", t.get("akteur.network.legend.voll")),
        ("eins", t.get("akteur.network.legend.eins")),
        ("kreis", t.get("akteur.network.legend.kreis")),
        ("keine", t.get("akteur.network.legend.keine")),
    ];
    let fields: Vec<String> = n
        .handlungsfelder
        .iter()
        .enumerate()
        .map(|(i, h)| format!("{} {}", i + 1, h.titel))
        .collect();
    let legend_rows = symbols.len().max(fields.len()) as f64;
    let h = legend_top + ROW * 0.6 + legend_rows * ROW * 0.85 + 8.0;
    let legend_w = symbols.iter().map(|(_, l)| width(l)).fold(0.0, f64::max)
        + 30.0
        + fields.iter().map(|f| width(f)).fold(0.0, f64::max)
        + 24.0;
    let w = grid_w.max(legend_w) + 8.0;

    let mut s = String::with_capacity(8192);
    let _ = write!(
        s,
        r##"<svg xmlns="http://www.w3.org/2000/svg" class="chart netz" id="netz" viewBox="0 0 {w:.0} {h:.0}" width="{w:.0}" height="{h:.0}" role="img" aria-labelledby="netz-title netz-desc" font-family="{FONT_FAMILY}" font-size="{FONT}" fill="{INK}"><title id="netz-title">{}</title><desc id="netz-desc">{}</desc><defs><pattern id="netz-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="{MUTED}" stroke-width="1.2"/></pattern></defs><rect width="{w:.0}" height="{h:.0}" fill="#ffffff"/>"##,
        escape(&t.get("akteur.network.chart_title")),
        escape(&t.get("akteur.network.chart_desc")),
    );
    // Column heads: the fields' numbers.
    for i in 0..n.handlungsfelder.len() {
        let x = left + (i as f64 + 0.5) * COL;
        let _ = write!(
            s,
            r#"<text x="{x:.1}" y="{:.1}" text-anchor="middle" font-weight="bold">{}</text>"#,
            top - 10.0,
            i + 1
        );
    }
    for (r, k) in n.kommunen.iter().enumerate() {
        let y = top + r as f64 * ROW;
        let _ = write!(
            s,
            r#"<text x="0" y="{:.1}">{}</text><line x1="0" x2="{grid_w:.1}" y1="{:.1}" y2="{:.1}" stroke="{GRID}" stroke-width="1"/>"#,
            y + ROW * 0.65,
            escape(&k.kommune.titel),
            y + ROW,
            y + ROW,
        );
        for (c, f) in k.felder.iter().enumerate() {
            let cx = left + (c as f64 + 0.5) * COL;
            let cy = y + ROW / 2.0;
            symbol(&mut s, f.stufe, cx, cy, COL, ROW);
        }
    }
    // Legend: the symbols, then the fields' numbers with their names.
    let _ = write!(
        s,
        r#"<text x="0" y="{:.1}" font-weight="bold">{}</text>"#,
        legend_top,
        escape(&t.get("akteur.network.legend_title"))
    );
    for (i, (stufe, label)) in symbols.iter().enumerate() {
        let y = legend_top + ROW * 0.6 + i as f64 * ROW * 0.85;
        symbol(&mut s, stufe, 10.0, y, 20.0, ROW * 0.8);
        let _ = write!(
            s,
            r#"<text x="26" y="{:.1}">{}</text>"#,
            y + FONT * 0.35,
            escape(label)
        );
    }
    let fx = symbols.iter().map(|(_, l)| width(l)).fold(0.0, f64::max) + 50.0;
    for (i, f) in fields.iter().enumerate() {
        let y = legend_top + ROW * 0.6 + i as f64 * ROW * 0.85;
        let _ = write!(
            s,
            r#"<text x="{fx:.1}" y="{:.1}" fill="{MUTED}">{}</text>"#,
            y + FONT * 0.35,
            escape(f)
        );
    }
    s.push_str("</svg>");
    s
}

/// One cell's symbol centred at (`cx`, `cy`) in a cell of `w` × `h`.
fn symbol(s: &mut String, stufe: &str, cx: f64, cy: f64, w: f64, h: f64) {
    let _ = match stufe {
        "voll" => write!(
            s,
            r#"<circle cx="{cx:.1}" cy="{cy:.1}" r="{R}" fill="{INK}"/>"#
        ),
        "eins" => write!(
            s,
            r##"<circle cx="{cx:.1}" cy="{cy:.1}" r="{R}" fill="#ffffff" stroke="{INK}" stroke-width="1.5"/><path d="M{cx:.1} {:.1} A{R} {R} 0 0 0 {cx:.1} {:.1} Z" fill="{INK}"/>"##,
            cy - R,
            cy + R
        ),
        "kreis" => write!(
            s,
            r##"<circle cx="{cx:.1}" cy="{cy:.1}" r="{R}" fill="#ffffff" stroke="{INK}" stroke-width="1.5"/>"##
        ),
        _ => write!(
            s,
            r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="url(#netz-hatch)"/><path d="M{:.1} {:.1} L{:.1} {:.1} M{:.1} {:.1} L{:.1} {:.1}" stroke="{INK}" stroke-width="2.2"/>"#,
            cx - w / 2.0 + 2.0,
            cy - h / 2.0 + 2.0,
            w - 4.0,
            h - 4.0,
            cx - 5.0,
            cy - 5.0,
            cx + 5.0,
            cy + 5.0,
            cx - 5.0,
            cy + 5.0,
            cx + 5.0,
            cy - 5.0
        ),
    };
}
