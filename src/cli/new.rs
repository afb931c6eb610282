//! `konzept new …`.

use super::Exit;
use konzept::findings::today::Day;
use konzept::msg;
use konzept::scaffold::{self, Created};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// The project folder (the one with book.toml).
    #[arg(long, default_value = ".", value_name = "DIR", global = true)]
    pub root: PathBuf,
    #[command(subcommand)]
    pub what: What,
}

#[derive(Debug, clap::Subcommand)]
pub enum What {
    /// A chapter: content/NN-slug.md with the next order number.
    Chapter {
        /// The chapter's title.
        titel: String,
        /// Put it into this part (a folder in content/), e.g. `handlungsfelder`.
        #[arg(long, value_name = "TEIL")]
        teil: Option<String>,
    },
    /// A recommendation, appended to data/empfehlungen.yaml with the next id
    /// of its field of action (e.g. SB-7).
    Empfehlung {
        /// The field of action's id, e.g. `sprache-bildung`.
        #[arg(long, value_name = "ID")]
        handlungsfeld: String,
        /// The title (else a placeholder).
        titel: Option<String>,
    },
    /// A measure, appended to data/massnahmen.yaml with the next free id (M-…).
    Massnahme {
        /// The recommendation it implements, e.g. `SB-2`.
        #[arg(long, value_name = "ID")]
        empfehlung: String,
        /// The title (else a placeholder).
        titel: Option<String>,
    },
    /// A municipality: data/kommunen/<slug>.yaml.
    Kommune {
        /// Its name, e.g. `Schloß Holte-Stukenbrock`.
        name: String,
        /// Town (`stadt`) or municipality (`gemeinde`).
        #[arg(long, value_enum, default_value_t = ArtArg::Gemeinde)]
        art: ArtArg,
    },
    /// An offer, added to a municipality's `angebote:`.
    Angebot {
        /// The municipality's file name without `.yaml`, e.g. `verl`.
        #[arg(long, value_name = "SLUG")]
        kommune: String,
        /// The title (else a placeholder).
        titel: Option<String>,
    },
    /// An actor (Akteur), appended to data/akteure.yaml; its id comes from
    /// the name and is never one in use.
    Akteur {
        /// Its name, e.g. `Familienzentrum Verl`.
        name: String,
        /// Its kind: verwaltung, wohlfahrtsverband, verein,
        /// migrantenorganisation, bildungstraeger, beratungsstelle,
        /// arbeitsverwaltung, kirche or sonstige.
        #[arg(long, default_value = "verein", value_name = "ART")]
        art: String,
        /// The municipality it works in (its file name without `.yaml`);
        /// district-wide when left out.
        #[arg(long, value_name = "SLUG")]
        kommune: Option<String>,
    },
    /// An indicator, appended to data/indikatoren.yaml; its id comes from the title.
    Indikator {
        /// The indicator's title.
        titel: String,
        /// The field of action's id, e.g. `sprache-bildung`.
        #[arg(long, value_name = "ID")]
        handlungsfeld: String,
    },
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ArtArg {
    Stadt,
    Gemeinde,
}

pub fn run(args: NewArgs) -> anyhow::Result<Exit> {
    let root = &args.root;
    let today = || Day::resolve(None).map_err(anyhow::Error::msg);
    let created: Created = match &args.what {
        What::Chapter { titel, teil } => scaffold::chapter::chapter(root, titel, teil.as_deref())?,
        What::Empfehlung {
            handlungsfeld,
            titel,
        } => scaffold::records::empfehlung(root, handlungsfeld, titel.as_deref())?,
        What::Massnahme { empfehlung, titel } => {
            scaffold::records::massnahme(root, empfehlung, titel.as_deref(), today()?)?
        }
        What::Kommune { name, art } => {
            let art = match art {
                ArtArg::Stadt => konzept::data::Art::Stadt,
                ArtArg::Gemeinde => konzept::data::Art::Gemeinde,
            };
            scaffold::records::kommune(root, name, art, today()?)?
        }
        What::Angebot { kommune, titel } => {
            scaffold::records::angebot(root, kommune, titel.as_deref())?
        }
        What::Indikator {
            titel,
            handlungsfeld,
        } => scaffold::records::indikator(root, titel, handlungsfeld)?,
        What::Akteur { name, art, kommune } => {
            scaffold::records::akteur(root, name, art, kommune.as_deref())?
        }
    };
    let file = created.file.to_string_lossy().replace('\\', "/");
    match &args.what {
        What::Chapter { .. } | What::Kommune { .. } => {
            println!(
                "konzept: {}",
                msg!("new-created", file = &file, id = &created.id)
            )
        }
        _ => println!(
            "konzept: {}",
            msg!(
                "new-added",
                id = &created.id,
                file = &file,
                line = created.line
            )
        ),
    }
    Ok(Exit::Ok)
}
