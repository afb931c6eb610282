//! Parses the command line, runs the command, maps the result to an exit
//! code: 0 success, 1 errors in the sources (or the environment), 2 wrong usage.

mod cli;

use clap::{CommandFactory, FromArgMatches};
use std::process::ExitCode;

/// mimalloc instead of the system allocator: the build allocates many
/// small strings on every core (the benchmark's figures are in the README).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    cli::help::choose_language(&args);
    let parsed = cli::help::localise(cli::Cli::command())
        .try_get_matches_from(&args)
        .and_then(|m| cli::Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(c) => c,
        Err(e) if e.kind() == clap::error::ErrorKind::DisplayVersion => {
            println!("konzept {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            match cli::help::error(&e) {
                Some(text) => eprintln!("{text}"),
                None => {
                    let _ = e.print();
                }
            }
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    if let Err(e) = konzept::interrupt::install() {
        eprintln!("{}: {e:#}", konzept::msg!("severity-warning"));
    }
    let result = cli::run(cli);
    if konzept::interrupt::interrupted() {
        konzept::interrupt::finish();
    }
    match result {
        Ok(cli::Exit::Ok) => ExitCode::SUCCESS,
        Ok(cli::Exit::SourceErrors) => ExitCode::from(1),
        Err(e) => {
            eprintln!("{}: {e:#}", konzept::msg!("severity-error"));
            ExitCode::from(1)
        }
    }
}
