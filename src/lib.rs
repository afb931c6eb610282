//! konzept: a static-site generator for public strategy documents.
//!
//! One [`project::Project`] (book.toml + chapters + data) is loaded and
//! validated once; the site and the PDFs render from it.

// A `Diagnostic` is the error of every source check by design; it is built
// once per problem, so boxing it would only add noise.
#![allow(clippy::result_large_err)]

pub mod build;
pub mod check;
pub mod config;
pub mod content;
pub mod data;
pub mod diag;
pub mod fonts;
pub mod lint;
pub mod monitoring;
pub mod output;
pub mod print;
pub mod project;
pub mod scaffold;
pub mod serve;
pub mod site;
pub mod starter;
pub mod text;
pub mod theme;
