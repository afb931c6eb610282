//! Line charts of an indicator over the years, as SVG made at build time.
//!
//! The district is a thick solid line with round markers; every other
//! series has its own dash pattern, marker shape and colour (dark tones of
//! the Okabe–Ito palette, each at least 4.5:1 on white), and a direct label
//! at its end, so the chart reads in greyscale and without telling colours
//! apart. Layout and numbers are computed with fixed precision, so the same
//! data always gives the same bytes.

use super::format::{Px, bold_width, escape, number, text_width};
use super::marks::{STYLES, Style, marker, sample};
use super::scale::{Axis, Linear};
use crate::data::monitoring::KREIS;
use std::fmt::Write as _;

/// Fonts for the chart's text; the site's style sheet sets the page's font.
pub const FONT_FAMILY: &str =
    "'Source Sans 3', 'Noto Sans', 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif";
/// Text colour of axes and labels.
pub use super::marks::INK;
/// Secondary text (the unit); 7.8:1 on white.
pub const MUTED: &str = "#4a5459";
/// Grid lines; decorative.
pub const GRID: &str = "#d3dadd";

/// One line: an area's values over the years.
#[derive(Debug, Clone)]
pub struct Series {
    /// `kreis` or a municipality's slug.
    pub key: String,
    pub label: String,
    /// (year, value), sorted by year.
    pub points: Vec<(i32, f64)>,
}

/// The style of each series: the district always gets the first.
pub fn styles(series: &[Series]) -> Vec<&'static Style> {
    let mut next = 0;
    series
        .iter()
        .map(|s| {
            if s.key == KREIS {
                &STYLES[0]
            } else {
                next += 1;
                &STYLES[1 + (next - 1) % (STYLES.len() - 1)]
            }
        })
        .collect()
}

/// What to draw.
pub struct LineChart<'a> {
    /// Prefix of every id inside the SVG; unique on the page.
    pub id: &'a str,
    pub title: &'a str,
    pub desc: &'a str,
    /// Shown above the value axis.
    pub unit: &'a str,
    /// First and last year on the year axis.
    pub years: (i32, i32),
    pub series: &'a [Series],
    /// Decimals of the values.
    pub decimals: usize,
    /// A small multiple: a legend row names the series, the line ends show
    /// only values.
    pub small: bool,
}

/// Draws `c` as a standalone SVG document (also valid inline in HTML).
pub fn line(c: &LineChart) -> String {
    let (w, h, font) = if c.small {
        (360.0, 230.0, 12.0)
    } else {
        (720.0, 380.0, 14.0)
    };
    let values = c.series.iter().flat_map(|s| s.points.iter().map(|p| p.1));
    let min = values.clone().fold(f64::INFINITY, f64::min);
    let max = values.fold(f64::NEG_INFINITY, f64::max);
    // Whole numbers are counts: whole steps from zero.
    let axis = Axis::nice(min, max, if c.small { 4 } else { 6 }, c.decimals == 0);
    let ticks = axis.ticks();
    let tick_labels: Vec<String> = ticks.iter().map(|v| number(*v, axis.decimals)).collect();
    let styles = styles(c.series);

    // Direct labels at the line ends: name and value, or the value alone.
    let ends: Vec<(usize, String, String)> = c
        .series
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let (_, v) = *s.points.last()?;
            let value = number(v, c.decimals);
            let name = if c.small {
                String::new()
            } else {
                s.label.clone()
            };
            Some((i, name, value))
        })
        .collect();
    let end_width = ends
        .iter()
        .map(|(i, n, v)| {
            let name = format!("{n} ");
            let name = if c.series[*i].key == KREIS {
                bold_width(&name, font)
            } else {
                text_width(&name, font)
            };
            name + bold_width(v, font)
        })
        .fold(0.0, f64::max);
    let left = tick_labels
        .iter()
        .map(|l| text_width(l, font))
        .fold(0.0, f64::max)
        + 12.0;
    let right = end_width + 20.0;
    let legend_h = if c.small { font * 1.7 } else { 0.0 };
    let top = font * 2.2 + legend_h;
    let bottom = font * 2.4;
    let (px0, px1, py0, py1) = (left, w - right, top, h - bottom);
    let inset = if c.years.0 == c.years.1 { 0.0 } else { 10.0 };
    let xs = Linear {
        d0: c.years.0 as f64,
        d1: c.years.1 as f64,
        r0: px0 + inset,
        r1: px1 - inset,
    };
    let ys = Linear {
        d0: axis.lo,
        d1: axis.hi,
        r0: py1,
        r1: py0,
    };

    let mut s = String::with_capacity(4096);
    header(&mut s, c.id, c.title, c.desc, w, h, font);
    // The unit, above the value axis.
    let _ = write!(
        s,
        r#"<text class="unit" x="0" y="{}" fill="{MUTED}">{}</text>"#,
        Px(font * 1.1),
        escape(c.unit)
    );
    if c.small {
        legend(&mut s, c.series, &styles, font * 2.7, font);
    }
    // Value axis: grid lines with their labels.
    for (v, label) in ticks.iter().zip(&tick_labels) {
        let y = ys.at(*v);
        let _ = write!(
            s,
            r#"<g class="y-tick"><line x1="{}" x2="{}" y1="{y}" y2="{y}" stroke="{GRID}" stroke-width="1"/><text x="{}" y="{}" text-anchor="end">{}</text></g>"#,
            Px(px0),
            Px(px1),
            Px(px0 - 8.0),
            Px(y + font * 0.35),
            label,
            y = Px(y),
        );
    }
    // Year axis: a base line and a label every `every` years.
    let n_years = (c.years.1 - c.years.0 + 1).max(1) as f64;
    let room = ((px1 - px0) / (text_width("2000", font) + 14.0))
        .floor()
        .max(1.0);
    let every = (n_years / room).ceil().max(1.0) as i32;
    let _ = write!(
        s,
        r#"<line class="x-axis" x1="{}" x2="{}" y1="{y}" y2="{y}" stroke="{INK}" stroke-width="1"/>"#,
        Px(px0),
        Px(px1),
        y = Px(py1)
    );
    for year in (c.years.0..=c.years.1).filter(|y| (y - c.years.0) % every == 0) {
        let x = Px(xs.at(year as f64));
        let _ = write!(
            s,
            r#"<g class="x-tick"><line x1="{x}" x2="{x}" y1="{}" y2="{}" stroke="{INK}" stroke-width="1"/><text x="{x}" y="{}" text-anchor="middle">{year}</text></g>"#,
            Px(py1),
            Px(py1 + 5.0),
            Px(py1 + font * 1.5),
        );
    }
    // The lines: municipalities first, the district on top.
    let mut order: Vec<usize> = (0..c.series.len()).collect();
    order.sort_by_key(|i| c.series[*i].key == KREIS);
    let present: Vec<i32> = {
        let mut y: Vec<i32> = c
            .series
            .iter()
            .flat_map(|s| s.points.iter().map(|p| p.0))
            .collect();
        y.sort_unstable();
        y.dedup();
        y
    };
    for i in order {
        series(
            &mut s,
            &c.series[i],
            styles[i],
            &xs,
            &ys,
            &present,
            if c.small { 3.5 } else { 4.5 },
        );
    }
    end_labels(&mut s, c, &ends, &styles, &xs, &ys, (px1, py0, py1), font);
    s.push_str("</svg>");
    s
}

/// The root element with its accessible name and description.
pub fn header(s: &mut String, id: &str, title: &str, desc: &str, w: f64, h: f64, font: f64) {
    let _ = write!(
        s,
        r##"<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{id}" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" aria-labelledby="{id}-title {id}-desc" font-family="{FONT_FAMILY}" font-size="{font}" fill="{INK}"><title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc><rect class="bg" width="{w}" height="{h}" fill="#ffffff"/>"##,
        escape(title),
        escape(desc),
        id = escape(id),
        w = Px(w),
        h = Px(h),
        font = Px(font),
    );
}

fn series(
    s: &mut String,
    se: &Series,
    st: &Style,
    xs: &Linear,
    ys: &Linear,
    present: &[i32],
    size: f64,
) {
    if se.points.is_empty() {
        return;
    }
    let mut d = String::new();
    let mut prev: Option<i32> = None;
    for (year, v) in &se.points {
        // A year with values elsewhere but not here breaks the line.
        let gap = prev.is_none_or(|p| present.iter().any(|y| *y > p && *y < *year));
        let _ = write!(
            d,
            "{}{},{}",
            if gap {
                if prev.is_some() { " M" } else { "M" }
            } else {
                " L"
            },
            Px(xs.at(*year as f64)),
            Px(ys.at(*v))
        );
        prev = Some(*year);
    }
    let _ = write!(
        s,
        r#"<g class="series" data-area="{}"><path d="{d}" fill="none" stroke="{}" stroke-width="{}" stroke-linecap="{}" stroke-linejoin="round"{}/>"#,
        escape(&se.key),
        st.color,
        Px(st.width),
        st.cap,
        st.dash
            .map(|d| format!(r#" stroke-dasharray="{d}""#))
            .unwrap_or_default(),
    );
    for (year, v) in &se.points {
        marker(s, st, xs.at(*year as f64), ys.at(*v), size);
    }
    s.push_str("</g>");
}

fn legend(s: &mut String, series: &[Series], styles: &[&Style], y: f64, font: f64) {
    let mut x = 2.0;
    s.push_str(r#"<g class="legend">"#);
    for (se, st) in series.iter().zip(styles) {
        sample(s, st, x, y - font * 0.35, 26.0, 3.5);
        let _ = write!(
            s,
            r#"<text x="{}" y="{}">{}</text>"#,
            Px(x + 32.0),
            Px(y),
            escape(&se.label)
        );
        x += 32.0 + text_width(&se.label, font) + 18.0;
    }
    s.push_str("</g>");
}

#[allow(clippy::too_many_arguments)]
fn end_labels(
    s: &mut String,
    c: &LineChart,
    ends: &[(usize, String, String)],
    styles: &[&Style],
    xs: &Linear,
    ys: &Linear,
    (px1, py0, py1): (f64, f64, f64),
    font: f64,
) {
    // Where each label wants to be, then pushed apart to one line each.
    let mut placed: Vec<(usize, f64, f64)> = ends
        .iter()
        .enumerate()
        .map(|(k, (i, ..))| {
            let y = ys.at(c.series[*i].points.last().map_or(0.0, |p| p.1));
            (k, y, y)
        })
        .collect();
    placed.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    let gap = font * 1.2;
    for i in 1..placed.len() {
        placed[i].2 = placed[i].2.max(placed[i - 1].2 + gap);
    }
    if let Some(last) = placed.last_mut() {
        last.2 = last.2.min(py1 + font * 0.4);
    }
    for i in (0..placed.len().saturating_sub(1)).rev() {
        placed[i].2 = placed[i].2.min(placed[i + 1].2 - gap);
    }
    if let Some(first) = placed.first_mut() {
        first.2 = first.2.max(py0 - font * 0.4);
    }
    placed.sort_by_key(|p| p.0);
    s.push_str(r#"<g class="end-labels">"#);
    for (k, want, at) in placed {
        let (i, name, value) = &ends[k];
        let se = &c.series[*i];
        let st = styles[*i];
        let x_end = se.points.last().map_or(px1, |p| xs.at(p.0 as f64));
        if (want - at).abs() > 2.0 || x_end < px1 - 12.0 {
            let _ = write!(
                s,
                r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="1"/>"#,
                Px(x_end + 6.0),
                Px(want),
                Px(px1 + 4.0),
                Px(at),
                st.color
            );
        }
        let weight = if se.key == KREIS {
            r#" font-weight="bold""#
        } else {
            ""
        };
        let text = if name.is_empty() {
            format!(r#"<tspan font-weight="bold">{}</tspan>"#, escape(value))
        } else {
            format!(
                r#"{} <tspan font-weight="bold">{}</tspan>"#,
                escape(name),
                escape(value)
            )
        };
        let _ = write!(
            s,
            r#"<text x="{}" y="{}" fill="{}"{weight}>{text}</text>"#,
            Px(px1 + 8.0),
            Px(at + font * 0.35),
            st.color
        );
    }
    s.push_str("</g>");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(key: &str, points: &[(i32, f64)]) -> Series {
        Series {
            key: key.into(),
            label: key.to_uppercase(),
            points: points.to_vec(),
        }
    }

    fn draw(series: &[Series]) -> String {
        line(&LineChart {
            id: "c",
            title: "T",
            desc: "D",
            unit: "U",
            years: (2019, 2021),
            series,
            decimals: 1,
            small: false,
        })
    }

    #[test]
    fn a_year_without_a_value_breaks_the_line() {
        let svg = draw(&[
            s("kreis", &[(2019, 1.0), (2020, 2.0), (2021, 3.0)]),
            s("a", &[(2019, 1.5), (2021, 2.5)]),
        ]);
        let path_of = |area: &str| {
            let g = &svg[svg.find(&format!(r#"data-area="{area}""#)).unwrap()..];
            let d = &g[g.find(" d=\"").unwrap() + 4..];
            d[..d.find('"').unwrap()].to_string()
        };
        assert_eq!(path_of("kreis").matches('M').count(), 1);
        assert_eq!(path_of("a").matches('M').count(), 2, "{}", path_of("a"));
    }

    #[test]
    fn end_labels_never_overlap_and_the_district_keeps_its_style() {
        let svg = draw(&[
            s("a", &[(2019, 1.0), (2021, 2.0)]),
            s("kreis", &[(2019, 1.0), (2021, 2.0)]),
            s("b", &[(2019, 1.0), (2021, 2.0)]),
        ]);
        let labels = &svg[svg.find(r#"class="end-labels""#).unwrap()..];
        let ys: Vec<f64> = labels
            .split("<text ")
            .skip(1)
            .map(|t| {
                let y = &t[t.find(" y=\"").unwrap() + 4..];
                y[..y.find('"').unwrap()].parse().unwrap()
            })
            .collect();
        assert_eq!(ys.len(), 3);
        for (i, a) in ys.iter().enumerate() {
            for b in &ys[i + 1..] {
                assert!((a - b).abs() >= 14.0 * 1.2 - 0.1, "{ys:?}");
            }
        }
        let st = styles(&[s("a", &[]), s("kreis", &[]), s("b", &[])]);
        assert!(std::ptr::eq(st[1], &STYLES[0]));
        assert!(
            !std::ptr::eq(st[0], st[2]),
            "each municipality has its own style"
        );
        // Same data, same bytes.
        assert_eq!(
            svg,
            draw(&[
                s("a", &[(2019, 1.0), (2021, 2.0)]),
                s("kreis", &[(2019, 1.0), (2021, 2.0)]),
                s("b", &[(2019, 1.0), (2021, 2.0)]),
            ])
        );
    }
}
