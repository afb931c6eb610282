//! konzept: a static-site generator for public strategy documents.
//!
//! One [`project::Project`] (book.toml + chapters + data) is loaded and
//! validated once; the site and the PDFs render from it.

pub mod build;
pub mod config;
pub mod content;
pub mod data;
pub mod diag;
pub mod output;
pub mod project;
pub mod serve;
pub mod site;
pub mod text;
pub mod theme;
