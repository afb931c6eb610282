//! konzept: a static-site generator for public strategy documents.
//!
//! One [`project::Project`] (book.toml + chapters + data) is loaded once;
//! [`findings`] checks it in one pass, [`views`] selects and shapes its
//! records, and the site and the PDFs render from it through the one
//! pipeline in [`build`], which `check` and `serve` share.

// A `Diagnostic` is the error of every source check by design; it is built
// once per problem, so boxing it would only add noise.
#![allow(clippy::result_large_err)]

pub mod build;
pub mod check;
pub mod config;
pub mod content;
pub mod data;
pub mod diag;
pub mod findings;
pub mod fonts;
pub mod hints;
pub mod i18n;
pub mod inside;
pub mod interrupt;
pub mod languages;
pub mod lint;
pub mod locale;
pub mod monitoring;
pub mod output;
pub mod po;
pub mod print;
pub mod project;
pub mod scaffold;
pub mod serve;
pub mod site;
pub mod starter;
pub mod strings;
pub mod svg;
pub mod text;
pub mod theme;
pub mod translate;
pub mod url_policy;
pub mod views;
