//! `konzept init DIR`.

use super::Exit;
use konzept::findings::today::Day;
use konzept::msg;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// The new project's folder; it must be empty or not exist yet.
    pub dir: PathBuf,
    /// The publication's title (else a placeholder).
    #[arg(long)]
    pub title: Option<String>,
}

pub fn run(args: InitArgs) -> anyhow::Result<Exit> {
    let today = Day::resolve(None).map_err(anyhow::Error::msg)?;
    let files = konzept::scaffold::init::init(&args.dir, args.title.as_deref(), today)?;
    let dir = args.dir.display().to_string();
    println!(
        "konzept: {}",
        msg!("init-done", dir = &dir, files = files.len())
    );
    println!("  {}", msg!("init-next", dir = &dir));
    Ok(Exit::Ok)
}
