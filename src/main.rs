//! Parses the command line, runs the command, maps the result to an exit
//! code: 0 success, 1 errors in the sources (or the environment), 2 wrong usage.

mod cli;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
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
