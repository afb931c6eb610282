//! `build` as a library function: load and validate, render the site (and,
//! in parallel, the PDFs) into staging folders, swap them in only when
//! everything succeeded.

use crate::diag::Diagnostics;
use crate::output::Staging;
use crate::project::Project;
use anyhow::Result;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// What the command line resolved for a build.
#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    /// Overrides `output` from book.toml.
    pub out: Option<PathBuf>,
    pub force: bool,
    pub no_pdf: bool,
}

/// A finished build.
#[derive(Debug)]
pub struct Built {
    pub out: PathBuf,
    pub site: crate::site::Report,
    pub warnings: Diagnostics,
    pub load_time: Duration,
    pub total_time: Duration,
    /// One line per PDF step, for the terminal.
    pub notes: Vec<String>,
}

/// The outcome: built, or the sources have errors (and nothing was written).
pub enum Outcome {
    Built(Built),
    SourceErrors(Diagnostics),
}

/// The output folder for `opts`: `--out`, else book.toml's `output` under the root.
pub fn site_dir(opts: &Options, project: &Project) -> PathBuf {
    opts.out
        .clone()
        .unwrap_or_else(|| opts.root.join(&project.config.output))
}

pub fn run(opts: &Options) -> Result<Outcome> {
    let start = Instant::now();
    let mut diags = Diagnostics::default();
    let Some(project) = Project::load(&opts.root, &mut diags) else {
        return Ok(Outcome::SourceErrors(diags));
    };
    let load_time = start.elapsed();
    run_loaded(opts, &project, diags, start, load_time)
}

/// Builds an already loaded project (used by `serve` too).
pub fn run_loaded(
    opts: &Options,
    project: &Project,
    warnings: Diagnostics,
    start: Instant,
    load_time: Duration,
) -> Result<Outcome> {
    let out = site_dir(opts, project);
    let staging = Staging::new(&out, &opts.root, opts.force)?;
    let notes = Vec::new();
    let site = match crate::site::build(project, staging.path(), &[])? {
        Ok(r) => r,
        Err(d) => return Ok(Outcome::SourceErrors(d)),
    };
    staging.commit()?;
    Ok(Outcome::Built(Built {
        out,
        site,
        warnings,
        load_time,
        total_time: start.elapsed(),
        notes,
    }))
}
