//! The integration monitoring made visible: indicator line charts, the
//! implementation status as bar charts, and the words that describe both.
//! The site and the PDFs draw from the same functions, so they show the
//! same SVG.
//!
//! Steps for an indicator ([`indicator()`]): gather its values into a table
//! (years × areas), pick the municipalities drawn beside the district,
//! describe the trend ([`trend`]), lay out the axes ([`scale`]) and draw
//! ([`chart`]); for the measures ([`status_by_field`], [`status_over_time`]
//! in [`implementation`]): count them ([`status`]) and draw stacked bars
//! ([`bars`]).

pub mod bars;
pub mod chart;
pub mod format;
pub mod implementation;
pub mod indicator;
pub mod marks;
pub mod scale;
pub mod status;
pub mod trend;

pub use implementation::{
    StatusChart, StatusRow, status_by_field, status_over_time, status_overall,
};
pub use indicator::{Indicator, Row, indicator};
use serde::Serialize;

/// A finished chart: the SVG and the texts that make it accessible.
#[derive(Debug, Clone, Serialize)]
pub struct Chart {
    /// The SVG root's id; unique on a page.
    pub id: String,
    pub title: String,
    /// A short visible caption (a small multiple's municipality).
    pub caption: String,
    pub desc: String,
    pub svg: String,
}
