//! `build` as a library function: load and validate, render the site (and,
//! in parallel, the PDFs) into staging folders, swap them in only when
//! everything succeeded.

use crate::diag::Diagnostics;
use crate::output::Staging;
use crate::project::Project;
use anyhow::{Result, bail};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What the command line resolved for a build.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub root: PathBuf,
    /// Overrides `output` from book.toml.
    pub out: Option<PathBuf>,
    pub force: bool,
    pub no_pdf: bool,
    /// Overrides `[print] output` from book.toml (the print-shop files).
    pub print_out: Option<PathBuf>,
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

/// The print-shop folder: `--print-out`, else `[print] output` under the root.
pub fn print_dir(opts: &Options, project: &Project) -> PathBuf {
    opts.print_out
        .clone()
        .unwrap_or_else(|| opts.root.join(&project.config.print.output))
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
    let mut warnings = warnings;
    let mut notes = Vec::new();
    if opts.no_pdf {
        let site = match crate::site::build(project, staging.path(), &[])? {
            Ok(r) => r,
            Err(d) => return Ok(Outcome::SourceErrors(d)),
        };
        staging.commit()?;
        return Ok(Outcome::Built(Built {
            out,
            site,
            warnings,
            load_time,
            total_time: start.elapsed(),
            notes,
        }));
    }
    let print_out = print_dir(opts, project);
    separate(&out, &print_out)?;
    let print_staging = Staging::new(&print_out, &opts.root, opts.force)?;
    // typst's staged documents; removed after the plan that uses them.
    let work = crate::output::Scratch::new(&print_out)?;
    let plan = match crate::print::prepare(project, work.path())? {
        Ok(p) => p,
        Err(mut d) => {
            d.extend(warnings);
            return Ok(Outcome::SourceErrors(d));
        }
    };
    let provisional = plan.provisional_downloads();
    let targets = crate::print::Targets {
        site: staging.path(),
        print: print_staging.path(),
        previous_site: &out,
        previous_print: &print_out,
    };
    // The PDFs wait for typst most of the time; the site renders meanwhile.
    let (pdfs, site) = rayon::join(
        || plan.run(&targets),
        || crate::site::build(project, staging.path(), &provisional),
    );
    let mut errors = Diagnostics::default();
    let site = match site? {
        Ok(r) => Some(r),
        Err(d) => {
            errors.extend(d);
            None
        }
    };
    let report = match pdfs? {
        Ok(r) => Some(r),
        Err(d) => {
            errors.extend(d);
            None
        }
    };
    let (Some(site), Some(report)) = (site, report) else {
        errors.extend(warnings);
        return Ok(Outcome::SourceErrors(errors));
    };
    if let Err(d) = crate::site::rewrite_home(project, staging.path(), &report.downloads)? {
        return Ok(Outcome::SourceErrors(d));
    }
    staging.commit()?;
    print_staging.commit()?;
    warnings.extend(report.warnings);
    notes.extend(report.notes);
    Ok(Outcome::Built(Built {
        out,
        site,
        warnings,
        load_time,
        total_time: start.elapsed(),
        notes,
    }))
}

/// The print-shop files are not accessible and must not be published: the
/// print folder may neither be the site folder nor lie inside it.
fn separate(site: &Path, print: &Path) -> Result<()> {
    let (s, p) = (
        crate::output::absolute(site),
        crate::output::absolute(print),
    );
    if p.starts_with(&s) || s.starts_with(&p) {
        bail!(
            "the print-shop folder {} must lie outside the site folder {}\n  = hint: set `[print] output` in book.toml or pass --print-out DIR",
            print.display(),
            site.display()
        );
    }
    Ok(())
}
