//! `konzept serve`.

use super::{Exit, RootArg, TypstArgs};
use konzept::build;
use konzept::serve::{self, Options};
use std::net::IpAddr;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub root: RootArg,
    /// The port to listen on; 0 picks a free one (the address is printed).
    #[arg(long, default_value_t = 3000)]
    pub port: u16,
    /// Listen on this address instead of 127.0.0.1. Other computers can then
    /// open the site; konzept warns about it.
    #[arg(long, value_name = "ADDR")]
    pub bind: Option<IpAddr>,
    /// Open the site in the browser.
    #[arg(long)]
    pub open: bool,
    /// Write the site here instead of book.toml's `output`.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Replace the output folder even if konzept did not make it.
    #[arg(long)]
    pub force: bool,
    /// Serve only the website; do not rebuild the PDFs in the background.
    #[arg(long)]
    pub no_pdf: bool,
    #[command(flatten)]
    pub typst: TypstArgs,
}

pub fn run(args: ServeArgs) -> anyhow::Result<Exit> {
    args.typst.apply(konzept::print::typst::SERVE_TIMEOUT)?;
    serve::run(Options {
        build: build::Options {
            out: args.out,
            force: args.force,
            no_pdf: true,
            today: konzept::findings::today::Day::resolve(None).map_err(anyhow::Error::msg)?,
            ..build::Options::new(args.root.root)
        },
        bind: args.bind.unwrap_or(Options::LOCALHOST),
        port: args.port,
        open: args.open,
        pdf: !args.no_pdf,
    })?;
    Ok(Exit::Ok)
}
