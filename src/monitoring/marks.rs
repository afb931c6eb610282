//! The marks of a line chart: each series' colour, dash pattern and marker
//! shape, and the short sample line a legend shows.

use super::format::Px;
use std::fmt::Write as _;

/// Text colour of axes and labels.
pub const INK: &str = "#1a1a1a";

/// The shape drawn at each value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    Circle,
    Square,
    Triangle,
    Diamond,
    TriangleDown,
}

/// How one series is drawn.
#[derive(Debug)]
pub struct Style {
    pub color: &'static str,
    pub dash: Option<&'static str>,
    pub width: f64,
    pub cap: &'static str,
    pub marker: Marker,
}

/// The district's style first, then the municipalities' in order.
pub static STYLES: [Style; 5] = [
    Style {
        color: INK,
        dash: None,
        width: 3.0,
        cap: "round",
        marker: Marker::Circle,
    },
    Style {
        color: "#0b5c99",
        dash: Some("9 5"),
        width: 2.25,
        cap: "butt",
        marker: Marker::Square,
    },
    Style {
        color: "#a84300",
        dash: Some("0.5 5"),
        width: 2.75,
        cap: "round",
        marker: Marker::Triangle,
    },
    Style {
        color: "#00704f",
        dash: Some("12 4 2 4"),
        width: 2.25,
        cap: "butt",
        marker: Marker::Diamond,
    },
    Style {
        color: "#8e2c6e",
        dash: Some("18 6"),
        width: 2.25,
        cap: "butt",
        marker: Marker::TriangleDown,
    },
];

/// A marker of `st`'s shape centred on (x, y), outlined in white so that
/// overlapping markers stay apart.
pub fn marker(s: &mut String, st: &Style, x: f64, y: f64, r: f64) {
    let paint = format!(r##"fill="{}" stroke="#ffffff" stroke-width="1""##, st.color);
    let p = |dx: f64, dy: f64| format!("{},{}", Px(x + dx * r), Px(y + dy * r));
    let _ = match st.marker {
        Marker::Circle => write!(
            s,
            r#"<circle class="marker" cx="{}" cy="{}" r="{}" {paint}/>"#,
            Px(x),
            Px(y),
            Px(r)
        ),
        Marker::Square => write!(
            s,
            r#"<rect class="marker" x="{}" y="{}" width="{}" height="{}" {paint}/>"#,
            Px(x - r * 0.9),
            Px(y - r * 0.9),
            Px(r * 1.8),
            Px(r * 1.8)
        ),
        Marker::Triangle => write!(
            s,
            r#"<path class="marker" d="M{} L{} L{} Z" {paint}/>"#,
            p(0.0, -1.2),
            p(1.1, 0.8),
            p(-1.1, 0.8)
        ),
        Marker::TriangleDown => write!(
            s,
            r#"<path class="marker" d="M{} L{} L{} Z" {paint}/>"#,
            p(0.0, 1.2),
            p(1.1, -0.8),
            p(-1.1, -0.8)
        ),
        Marker::Diamond => write!(
            s,
            r#"<path class="marker" d="M{} L{} L{} L{} Z" {paint}/>"#,
            p(0.0, -1.3),
            p(1.1, 0.0),
            p(0.0, 1.3),
            p(-1.1, 0.0)
        ),
    };
}

/// A short line in the series' style with its marker: the legend's key.
pub fn sample(s: &mut String, st: &Style, x: f64, y: f64, len: f64, r: f64) {
    let _ = write!(
        s,
        r#"<line x1="{}" x2="{}" y1="{y}" y2="{y}" stroke="{}" stroke-width="{}" stroke-linecap="{}"{}/>"#,
        Px(x),
        Px(x + len),
        st.color,
        Px(st.width),
        st.cap,
        st.dash
            .map(|d| format!(r#" stroke-dasharray="{d}""#))
            .unwrap_or_default(),
        y = Px(y),
    );
    marker(s, st, x + len / 2.0, y, r);
}
