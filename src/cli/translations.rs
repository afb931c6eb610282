//! `konzept translations update|status|check`: the translators' commands.

use super::{DiagFormat, Exit, RootArg};
use anyhow::Context;
use konzept::translate::{self, State};

#[derive(Debug, clap::Args)]
pub struct TranslationsArgs {
    #[command(subcommand)]
    pub action: Action,
}

#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Create or refresh translations/<language>.po from the German
    /// sources: keeps every translation, marks those whose German changed
    /// as `fuzzy` (needs review) with the old German beside it.
    Update(LangArgs),
    /// Per language: how many texts are translated, missing, out of date;
    /// with `--list`, each missing or out-of-date text with file and line.
    Status(StatusArgs),
    /// The translation findings only (the same `check` reports), exit 1
    /// on errors; with `--deny-warnings` also when a text is missing or stale.
    Check(CheckArgs),
}

#[derive(Debug, clap::Args)]
pub struct LangArgs {
    #[command(flatten)]
    pub root: RootArg,
    /// Only these languages (codes as in book.toml); all when none given.
    #[arg(value_name = "LANG")]
    pub langs: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub struct StatusArgs {
    #[command(flatten)]
    pub lang: LangArgs,
    /// List every missing or out-of-date text.
    #[arg(long)]
    pub list: bool,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub lang: LangArgs,
    #[arg(long)]
    pub deny_warnings: bool,
    #[arg(long, value_enum, default_value_t = DiagFormat::Long)]
    pub diagnostic_format: DiagFormat,
}

impl TranslationsArgs {
    /// The project folder the action works on.
    pub fn root(&self) -> &std::path::Path {
        match &self.action {
            Action::Update(a) => &a.root.root,
            Action::Status(a) => &a.lang.root.root,
            Action::Check(a) => &a.lang.root.root,
        }
    }
}

pub fn run(args: TranslationsArgs) -> anyhow::Result<Exit> {
    let root = match &args.action {
        Action::Update(a) => &a.root.root,
        Action::Status(a) => &a.lang.root.root,
        Action::Check(a) => &a.lang.root.root,
    }
    .clone();
    let mut diags = konzept::diag::Diagnostics::default();
    let Some(p) = konzept::project::Project::load(&root, &mut diags) else {
        super::print_diagnostics(&diags, &root, DiagFormat::Long);
        return Ok(Exit::SourceErrors);
    };
    let wanted = |langs: &[String], code: &str| langs.is_empty() || langs.iter().any(|l| l == code);
    match args.action {
        Action::Update(a) => {
            if diags.has_errors() {
                super::print_diagnostics(&diags, &root, DiagFormat::Long);
                eprintln!("konzept: {}", konzept::tr!("translations-fix-first"));
                return Ok(Exit::SourceErrors);
            }
            if p.translations.is_empty() {
                eprintln!("konzept: {}", konzept::tr!("translations-no-languages"));
            }
            for c in p
                .translations
                .iter()
                .filter(|c| wanted(&a.langs, &c.lang.code))
            {
                let file = translate::update(&p, c);
                let rel = c.lang.po_file();
                let path = root.join(&rel);
                std::fs::create_dir_all(path.parent().expect("has a folder"))
                    .with_context(|| format!("cannot create the folder for {rel}"))?;
                let text = translate::po::write(&file);
                let old = std::fs::read_to_string(&path).ok();
                if old.as_deref() != Some(text.as_str()) {
                    // Written whole to a sibling first, so a crash never leaves half a file.
                    let tmp = path.with_extension("po.tmp");
                    std::fs::write(&tmp, &text).with_context(|| format!("cannot write {rel}"))?;
                    std::fs::rename(&tmp, &path).with_context(|| format!("cannot write {rel}"))?;
                }
                let refreshed = translate::Catalog {
                    lang: c.lang.clone(),
                    file,
                    exists: true,
                };
                let s = translate::status(&p, &refreshed);
                let how = if old.is_none() {
                    "created"
                } else if old.as_deref() == Some(text.as_str()) {
                    "unchanged"
                } else {
                    "updated"
                };
                eprintln!(
                    "{rel}: {}",
                    konzept::tr!(
                        "translations-updated",
                        how = how,
                        count = s.items.len(),
                        current = s.count(State::Current),
                        missing = s.count(State::Missing),
                        outdated = s.count(State::Outdated)
                    )
                );
            }
            Ok(Exit::Ok)
        }
        Action::Status(a) => {
            println!(
                "{:<8} {:>6} {:>10} {:>8} {:>12} {:>5}  {}",
                konzept::tr!("translations-col-language"),
                konzept::tr!("translations-col-texts"),
                konzept::tr!("translations-col-translated"),
                konzept::tr!("translations-col-missing"),
                konzept::tr!("translations-col-outdated"),
                "%",
                konzept::tr!("translations-col-published")
            );
            for c in p
                .translations
                .iter()
                .filter(|c| wanted(&a.lang.langs, &c.lang.code))
            {
                let s = translate::status(&p, c);
                println!(
                    "{:<8} {:>6} {:>10} {:>8} {:>12} {:>5}  {}",
                    c.lang.code,
                    s.items.len(),
                    s.count(State::Current),
                    s.count(State::Missing),
                    s.count(State::Outdated),
                    s.percent(),
                    if s.percent() >= c.lang.threshold {
                        konzept::tr!("translations-published-yes")
                    } else {
                        konzept::tr!("translations-published-no", threshold = c.lang.threshold)
                    }
                );
                if a.list {
                    for i in s.items.iter().filter(|i| i.state != State::Current) {
                        let at = match i.po_line {
                            Some(l) => format!("{}:{l}", c.lang.po_file()),
                            None => c.lang.po_file(),
                        };
                        let what = if i.state == State::Missing {
                            konzept::tr!("translations-item-missing")
                        } else {
                            konzept::tr!("translations-item-outdated")
                        };
                        println!(
                            "  {at}: {what}: {}",
                            konzept::tr!(
                                "translations-item",
                                key = i.unit.ctxt.as_str(),
                                source = i.unit.reference()
                            )
                        );
                    }
                }
            }
            Ok(if diags.has_errors() {
                Exit::SourceErrors
            } else {
                Exit::Ok
            })
        }
        Action::Check(a) => {
            diags.extend(translate::check(&p));
            let diags: konzept::diag::Diagnostics = diags.sorted().into_iter().cloned().collect();
            super::print_diagnostics(&diags, &root, a.diagnostic_format);
            eprintln!(
                "konzept: {}",
                konzept::diag::summary(diags.error_count(), diags.warning_count())
            );
            let failed = diags.has_errors() || a.deny_warnings && diags.warning_count() > 0;
            Ok(if failed { Exit::SourceErrors } else { Exit::Ok })
        }
    }
}
