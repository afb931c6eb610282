//! The command line: clap types (their doc comments are the `--help` text)
//! and one module per command.

pub mod build;
pub mod check;
pub mod help;
pub mod init;
pub mod new;
pub mod serve;
pub mod translations;

use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// konzept builds the website and the PDFs of a public strategy document
/// from Markdown chapters and YAML data.
#[derive(Debug, Parser)]
#[command(name = "konzept", version, about, long_about = None)]
pub struct Cli {
    /// The language of konzept's messages: `de` or `en`; else book.toml's
    /// `language`, else the locale ($LC_ALL, $LC_MESSAGES, $LANG), else German.
    #[arg(long, value_enum, global = true, value_name = "LANG")]
    pub lang: Option<konzept::i18n::Lang>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the website (and the PDFs) into the output folder.
    Build(BuildArgs),
    /// Build, serve the site on 127.0.0.1 and rebuild whenever a source changes.
    Serve(serve::ServeArgs),
    /// Check the sources without writing anything: the same findings
    /// `build` reports (links, headings, summaries, images, forgotten
    /// records …), plus the PDFs the last build left.
    Check(check::CheckArgs),
    /// Add a chapter or a record (with the next free id) from a template.
    New(new::NewArgs),
    /// Create a new, minimal project that builds.
    Init(init::InitArgs),
    /// Translations of the short version: create and refresh the PO
    /// files, show what is translated, missing or out of date.
    Translations(translations::TranslationsArgs),
}

/// Arguments shared by commands that read a project.
#[derive(Debug, clap::Args)]
pub struct RootArg {
    /// The project folder (the one with book.toml).
    #[arg(long, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub root: RootArg,
    /// Write the site here instead of book.toml's `output`.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Build only the website, no PDFs.
    #[arg(long)]
    pub no_pdf: bool,
    /// Write the print-shop PDFs here instead of book.toml's `[print] output`.
    #[arg(long, value_name = "DIR")]
    pub print_out: Option<PathBuf>,
    /// Replace the output folder even if konzept did not make it.
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub typst: TypstArgs,
    /// How to print problems: `long` with excerpts, or `short` one line each.
    #[arg(long, value_enum, default_value_t = DiagFormat::Long)]
    pub diagnostic_format: DiagFormat,
}

/// How typst runs; the choice of the person running konzept, never of
/// the project's files.
#[derive(Debug, clap::Args)]
pub struct TypstArgs {
    /// The typst program (0.15.1) that makes the PDFs; else $KONZEPT_TYPST,
    /// else the copy `scripts/install-deps` installs, else `typst` on PATH.
    #[arg(long, value_name = "PATH")]
    pub typst: Option<PathBuf>,
    /// Stop typst when one PDF takes longer than this many seconds; else
    /// $KONZEPT_TYPST_TIMEOUT, else 600 (120 for `serve`).
    #[arg(long, value_name = "SECS")]
    pub typst_timeout: Option<u64>,
}

impl TypstArgs {
    /// Makes these choices the process's typst settings.
    pub fn apply(&self, default_timeout: std::time::Duration) -> anyhow::Result<()> {
        let s = konzept::print::typst::Settings::resolve(
            self.typst.clone(),
            self.typst_timeout,
            default_timeout,
        )?;
        konzept::print::typst::configure(s);
        Ok(())
    }
}

#[derive(Debug, Clone, Copy, clap::ValueEnum, PartialEq, Eq)]
pub enum DiagFormat {
    Long,
    Short,
}

/// How a command ended, mapped to the exit code by `main`.
pub enum Exit {
    Ok,
    SourceErrors,
}

pub fn run(cli: Cli) -> anyhow::Result<Exit> {
    let root = match &cli.command {
        Command::Build(a) => Some(a.root.root.as_path()),
        Command::Serve(a) => Some(a.root.root.as_path()),
        Command::Check(a) => Some(a.root.root.as_path()),
        Command::New(a) => Some(a.root.as_path()),
        Command::Init(_) => None,
        Command::Translations(a) => Some(a.root()),
    };
    konzept::i18n::set_language(konzept::i18n::choose(cli.lang, root));
    match cli.command {
        Command::Build(args) => build::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Check(args) => check::run(args),
        Command::New(args) => new::run(args),
        Command::Init(args) => init::run(args),
        Command::Translations(args) => translations::run(args),
    }
}

/// Prints diagnostics to stderr in the chosen form.
pub fn print_diagnostics(
    diags: &konzept::diag::Diagnostics,
    root: &std::path::Path,
    format: DiagFormat,
) {
    for d in diags.sorted() {
        match format {
            DiagFormat::Long => eprintln!("{}", konzept::diag::render_long(d, root)),
            DiagFormat::Short => eprintln!("{}", konzept::diag::render_short(d)),
        }
    }
}
