//! Stacked bar charts of the implementation status: one bar per field of
//! action (horizontal) or per year's end (columns), one segment per status.
//!
//! Each status has its own fill pattern (hatched, plain light, plain dark,
//! dotted) as well as its own colour, every segment is outlined, and every
//! value sits in a white label on its segment, so the chart reads in
//! greyscale and without telling colours apart. A legend names the patterns.

use super::chart::{INK, header};
use super::format::{Px, escape, text_width};
use super::scale::{Axis, Linear};
use std::fmt::Write as _;

/// The fill of each status, in the order of [`crate::data::Status::ALL`]:
/// geplant hatched blue, laufend plain amber, umgesetzt plain dark green,
/// zurückgestellt dotted grey (the site's status colours). Plain fills are
/// colours, not patterns, so no viewer shows seams between pattern tiles.
const FILLS: [(&str, Option<&str>); 4] = [
    (
        "#dce8f6",
        Some(r##"<line x1="0" y1="0" x2="0" y2="8" stroke="#1f3d66" stroke-width="2.5"/>"##),
    ),
    ("#f2b632", None),
    ("#2d6a3a", None),
    (
        "#e4e4e4",
        Some(r##"<circle cx="4" cy="4" r="1.6" fill="#474747"/>"##),
    ),
];

/// The `fill` attribute's value for `status` in chart `id`.
fn fill(id: &str, status: usize) -> String {
    match FILLS[status] {
        (color, None) => color.to_string(),
        (_, Some(_)) => format!("url(#{}-s{status})", escape(id)),
    }
}

/// One bar: a label and a count per status.
#[derive(Debug, Clone)]
pub struct Bar {
    pub label: String,
    pub counts: [usize; 4],
}

/// What to draw.
pub struct BarChart<'a> {
    /// Prefix of every id inside the SVG; unique on the page.
    pub id: &'a str,
    pub title: &'a str,
    pub desc: &'a str,
    pub bars: &'a [Bar],
    /// The name of each status, for the legend.
    pub statuses: &'a [String; 4],
    /// Written before each bar's total, e.g. „insgesamt“.
    pub total: &'a str,
}

fn defs(s: &mut String, id: &str) {
    s.push_str("<defs>");
    for (i, (color, overlay)) in FILLS.iter().enumerate() {
        let Some(overlay) = overlay else { continue };
        let rotate = if i == 0 {
            r#" patternTransform="rotate(45)""#
        } else {
            ""
        };
        let _ = write!(
            s,
            r#"<pattern id="{}-s{i}" patternUnits="userSpaceOnUse" width="8" height="8"{rotate}><rect width="8" height="8" fill="{color}"/>{overlay}</pattern>"#,
            escape(id)
        );
    }
    s.push_str("</defs>");
}

/// The legend row(s) from y = `y`; returns the height used.
fn legend(s: &mut String, c: &BarChart, w: f64, y: f64, font: f64) -> f64 {
    let (mut x, mut row) = (1.0, 0.0);
    s.push_str(r#"<g class="legend">"#);
    for (i, name) in c.statuses.iter().enumerate() {
        let item = 24.0 + text_width(name, font) + 20.0;
        if x > 1.0 && x + item > w {
            x = 1.0;
            row += font * 1.6;
        }
        let _ = write!(
            s,
            r#"<rect x="{}" y="{}" width="18" height="18" fill="{}" stroke="{INK}" stroke-width="1"/><text x="{}" y="{}">{}</text>"#,
            Px(x),
            Px(y + row - 14.0),
            fill(c.id, i),
            Px(x + 24.0),
            Px(y + row),
            escape(name)
        );
        x += item;
    }
    s.push_str("</g>");
    row + font * 1.6
}

/// A segment with its value in a white label when it fits.
#[allow(clippy::too_many_arguments)]
fn segment(
    s: &mut String,
    id: &str,
    status: usize,
    n: usize,
    x: f64,
    y: f64,
    w: f64,
    h: f64,
    font: f64,
) {
    let _ = write!(
        s,
        r#"<rect class="segment" data-status="{status}" data-value="{n}" x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="{INK}" stroke-width="1"/>"#,
        Px(x),
        Px(y),
        Px(w),
        Px(h),
        fill(id, status)
    );
    let label = n.to_string();
    let (lw, lh) = (text_width(&label, font) + 8.0, font + 4.0);
    if lw + 2.0 <= w && lh + 2.0 <= h {
        let (cx, cy) = (x + w / 2.0, y + h / 2.0);
        let _ = write!(
            s,
            r##"<rect x="{}" y="{}" width="{}" height="{}" rx="3" fill="#ffffff" stroke="{INK}" stroke-width="0.75"/><text x="{}" y="{}" text-anchor="middle">{label}</text>"##,
            Px(cx - lw / 2.0),
            Px(cy - lh / 2.0),
            Px(lw),
            Px(lh),
            Px(cx),
            Px(cy + font * 0.35)
        );
    }
}

/// One horizontal bar per entry, each with its label above it; bars share
/// one scale so their lengths compare.
pub fn horizontal(c: &BarChart) -> String {
    let (w, font) = (720.0, 14.0);
    let bar_h = 30.0;
    let row_h = font * 1.5 + bar_h + 14.0;
    let legend_rows = {
        let mut probe = String::new();
        legend(&mut probe, c, w, 0.0, font)
    };
    let top = font * 1.4 + legend_rows;
    let h = top + row_h * c.bars.len().max(1) as f64;
    let max = c
        .bars
        .iter()
        .map(|b| b.counts.iter().sum::<usize>())
        .max()
        .unwrap_or(0)
        .max(1);
    let total_w = text_width(&format!("{} {max}", c.total), font) + 20.0;
    let xs = Linear {
        d0: 0.0,
        d1: max as f64,
        r0: 1.0,
        r1: w - total_w,
    };
    let mut s = String::with_capacity(4096);
    header(&mut s, c.id, c.title, c.desc, w, h, font);
    defs(&mut s, c.id);
    legend(&mut s, c, w, font * 1.2, font);
    for (k, b) in c.bars.iter().enumerate() {
        let y = top + k as f64 * row_h;
        let _ = write!(
            s,
            r#"<g class="bar"><text x="0" y="{}" font-weight="bold">{}</text>"#,
            Px(y + font),
            escape(&b.label)
        );
        let by = y + font * 1.5;
        let mut at = 0.0;
        for (i, n) in b.counts.iter().enumerate().filter(|(_, n)| **n > 0) {
            let (x0, x1) = (xs.at(at), xs.at(at + *n as f64));
            segment(&mut s, c.id, i, *n, x0, by, x1 - x0, bar_h, font);
            at += *n as f64;
        }
        let total: usize = b.counts.iter().sum();
        let _ = write!(
            s,
            r#"<text class="total" x="{}" y="{}">{} {total}</text></g>"#,
            Px(xs.at(at) + 8.0),
            Px(by + bar_h / 2.0 + font * 0.35),
            escape(c.total)
        );
    }
    s.push_str("</svg>");
    s
}

/// One stacked column per entry (e.g. per year's end) on a count axis.
pub fn columns(c: &BarChart) -> String {
    let (w, h, font) = (720.0, 360.0, 14.0);
    let legend_rows = {
        let mut probe = String::new();
        legend(&mut probe, c, w, 0.0, font)
    };
    let max = c
        .bars
        .iter()
        .map(|b| b.counts.iter().sum::<usize>())
        .max()
        .unwrap_or(0);
    let axis = Axis::nice(0.0, max as f64, 5, true);
    let ticks = axis.ticks();
    let left = ticks
        .iter()
        .map(|v| text_width(&super::format::number(*v, 0), font))
        .fold(0.0, f64::max)
        + 14.0;
    let top = font * 1.4 + legend_rows + font * 1.6;
    let (py0, py1) = (top, h - font * 2.4);
    let ys = Linear {
        d0: axis.lo,
        d1: axis.hi,
        r0: py1,
        r1: py0,
    };
    let n = c.bars.len().max(1) as f64;
    let slot = (w - left) / n;
    let col_w = (slot * 0.5).min(120.0);
    let mut s = String::with_capacity(4096);
    header(&mut s, c.id, c.title, c.desc, w, h, font);
    defs(&mut s, c.id);
    legend(&mut s, c, w, font * 1.2, font);
    for v in &ticks {
        let y = Px(ys.at(*v));
        let _ = write!(
            s,
            r#"<g class="y-tick"><line x1="{}" x2="{}" y1="{y}" y2="{y}" stroke="{}" stroke-width="1"/><text x="{}" y="{}" text-anchor="end">{}</text></g>"#,
            Px(left),
            Px(w),
            super::chart::GRID,
            Px(left - 8.0),
            Px(ys.at(*v) + font * 0.35),
            super::format::number(*v, 0)
        );
    }
    for (k, b) in c.bars.iter().enumerate() {
        let cx = left + slot * (k as f64 + 0.5);
        let x = cx - col_w / 2.0;
        let _ = write!(s, r#"<g class="bar">"#);
        let mut at = 0.0;
        for (i, n) in b.counts.iter().enumerate().filter(|(_, n)| **n > 0) {
            let (y0, y1) = (ys.at(at + *n as f64), ys.at(at));
            segment(&mut s, c.id, i, *n, x, y0, col_w, y1 - y0, font);
            at += *n as f64;
        }
        let total: usize = b.counts.iter().sum();
        let _ = write!(
            s,
            r#"<text class="total" x="{}" y="{}" text-anchor="middle">{} {total}</text><text x="{}" y="{}" text-anchor="middle" font-weight="bold">{}</text></g>"#,
            Px(cx),
            Px(ys.at(at) - 8.0),
            escape(c.total),
            Px(cx),
            Px(py1 + font * 1.5),
            escape(&b.label)
        );
    }
    let _ = write!(
        s,
        r#"<line x1="{}" x2="{}" y1="{y}" y2="{y}" stroke="{INK}" stroke-width="1"/>"#,
        Px(left),
        Px(w),
        y = Px(py1)
    );
    s.push_str("</svg>");
    s
}
