//! `konzept check`.

use super::{Exit, RootArg};
use konzept::check;
use konzept::diag;
use konzept::findings::today::{self, Day};

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub root: RootArg,
    /// How to print the findings: `long` with excerpts, `short` one line
    /// each, or `json` (on stdout) for other programs.
    #[arg(long, value_enum, default_value_t = Format::Long)]
    pub format: Format,
    /// Fail (exit 1) on warnings too, not only on errors.
    #[arg(long)]
    pub deny_warnings: bool,
    /// The day to compare the measures' periods with (YYYY-MM-DD); else
    /// $KONZEPT_TODAY, else today.
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub today: Option<Day>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum, PartialEq, Eq)]
pub enum Format {
    Long,
    Short,
    Json,
}

fn parse_day(s: &str) -> Result<Day, String> {
    Day::parse(s).ok_or_else(|| konzept::tr!("cli-not-a-date", value = s))
}

pub fn run(args: CheckArgs) -> anyhow::Result<Exit> {
    let today = match args.today {
        Some(d) => d,
        None => Day::resolve(None).map_err(|_| {
            anyhow::anyhow!(konzept::msg!(
                "env-today-not-a-date",
                var = today::ENV,
                value = std::env::var(today::ENV).unwrap_or_default()
            ))
        })?,
    };
    let opts = check::Options {
        root: args.root.root,
        today,
    };
    // Sorted and without duplicates, so counts match what is shown.
    let diags: konzept::diag::Diagnostics =
        check::run(&opts).sorted().into_iter().cloned().collect();
    match args.format {
        Format::Json => println!("{}", diag::render_json(&diags, &opts.root)),
        Format::Long | Format::Short => {
            for d in diags.sorted() {
                match args.format {
                    Format::Short => eprintln!("{}", diag::render_short(d)),
                    _ => eprintln!("{}", diag::render_long(d, &opts.root)),
                }
            }
            eprintln!(
                "konzept: {}",
                diag::summary(diags.error_count(), diags.warning_count())
            );
        }
    }
    let failed = diags.has_errors() || args.deny_warnings && diags.warning_count() > 0;
    Ok(if failed { Exit::SourceErrors } else { Exit::Ok })
}
