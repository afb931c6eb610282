//! The command line in the message language: `--help` texts, headings and
//! usage errors come from the catalogue. The doc comments on the clap types
//! stay English, for the code's readers; here every command and option gets
//! its text by name, so a new option without one shows up in the test
//! `every_command_and_option_has_a_catalogue_text`.
//!
//! The language has to be known before clap parses, so `--lang` and
//! `--root` are looked for in the raw arguments first.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};
use konzept::i18n::Msg;
use konzept::{msg, tr};
use std::ffi::OsString;
use std::path::PathBuf;

/// Sets the message language from the raw arguments (`--lang`, else the
/// project's book.toml, else the locale), before clap parses them.
pub fn choose_language(args: &[OsString]) {
    let value = |name: &str| -> Option<String> {
        let mut it = args.iter().filter_map(|a| a.to_str());
        while let Some(a) = it.next() {
            if a == name {
                return it.next().map(str::to_string);
            }
            if let Some(v) = a.strip_prefix(name).and_then(|r| r.strip_prefix('=')) {
                return Some(v.to_string());
            }
        }
        None
    };
    let lang = value("--lang")
        .and_then(|v| <konzept::i18n::Lang as clap::ValueEnum>::from_str(&v, true).ok());
    let root = value("--root").map(PathBuf::from);
    let root = root.or_else(|| Some(PathBuf::from(".")));
    konzept::i18n::set_language(konzept::i18n::choose(lang, root.as_deref()));
}

/// `cmd` with every text in the current language.
pub fn localise(cmd: Command) -> Command {
    walk(cmd, "", true)
}

fn walk(cmd: Command, path: &str, top: bool) -> Command {
    let mut cmd = cmd
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .help_template(format!(
            "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            tr!("cli-heading-usage")
        ))
        .subcommand_help_heading(tr!("cli-heading-commands"))
        .subcommand_value_name(tr!("cli-value-command"))
        .next_help_heading(tr!("cli-heading-options"));
    if let Some(about) = text(path, "") {
        cmd = cmd.about(about.to_string());
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let help = text(path, &id);
        cmd = cmd.mut_arg(&id, |a| {
            let heading = if a.is_positional() {
                tr!("cli-heading-arguments")
            } else {
                tr!("cli-heading-options")
            };
            let mut a = a.help_heading(heading);
            if a.get_action().takes_values() {
                // The texts name defaults and choices in words.
                a = a.hide_default_value(true).hide_possible_values(true);
            }
            match help {
                Some(h) => a.help(h.to_string()).long_help(None::<&'static str>),
                None => a,
            }
        });
    }
    cmd = cmd.arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help(tr!("cli-help"))
            .help_heading(tr!("cli-heading-options")),
    );
    if top {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(tr!("cli-version"))
                .help_heading(tr!("cli-heading-options")),
        );
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        let sub_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        cmd = cmd.mut_subcommand(&name, |s| walk(s, &sub_path, false));
    }
    cmd
}

/// The text of the command at `path` (`""`, `build`, `new chapter`) when
/// `arg` is empty, else of its argument `arg`.
fn text(path: &str, arg: &str) -> Option<Msg> {
    Some(match (path, arg) {
        ("", "") => msg!("cli-about"),
        ("build", "") => msg!("cli-build"),
        ("serve", "") => msg!("cli-serve"),
        ("check", "") => msg!("cli-check"),
        ("new", "") => msg!("cli-new"),
        ("init", "") => msg!("cli-init"),
        ("new chapter", "") => msg!("cli-new-chapter"),
        ("new empfehlung", "") => msg!("cli-new-empfehlung"),
        ("new massnahme", "") => msg!("cli-new-massnahme"),
        ("new kommune", "") => msg!("cli-new-kommune"),
        ("new angebot", "") => msg!("cli-new-angebot"),
        ("new akteur", "") => msg!("cli-new-akteur"),
        ("new indikator", "") => msg!("cli-new-indikator"),
        ("translations", "") => msg!("cli-translations"),
        ("translations update", "") => msg!("cli-translations-update"),
        ("translations status", "") => msg!("cli-translations-status"),
        ("translations check", "") => msg!("cli-translations-check"),
        (_, "langs") => msg!("cli-translations-langs"),
        ("translations status", "list") => msg!("cli-translations-list"),
        ("translations check", "deny_warnings") => msg!("cli-translations-deny-warnings"),
        ("translations check", "diagnostic_format") => msg!("cli-diagnostic-format"),
        (_, "lang") => msg!("cli-lang"),
        ("init", "dir") => msg!("cli-init-dir"),
        ("init", "title") => msg!("cli-init-title"),
        (_, "root") => msg!("cli-root"),
        ("serve", "out") | ("build", "out") => msg!("cli-out"),
        ("serve", "no_pdf") => msg!("cli-serve-no-pdf"),
        ("build", "no_pdf") => msg!("cli-build-no-pdf"),
        ("build", "print_out") => msg!("cli-print-out"),
        (_, "force") => msg!("cli-force"),
        (_, "typst") => msg!("cli-typst"),
        (_, "typst_timeout") => msg!("cli-typst-timeout"),
        ("build", "diagnostic_format") => msg!("cli-diagnostic-format"),
        ("serve", "port") => msg!("cli-port"),
        ("serve", "bind") => msg!("cli-bind"),
        ("serve", "open") => msg!("cli-open"),
        ("check", "format") => msg!("cli-format"),
        ("check", "deny_warnings") => msg!("cli-deny-warnings"),
        ("check", "today") => msg!("cli-today"),
        ("new chapter", "titel") | ("new indikator", "titel") => msg!("cli-new-title"),
        ("new chapter", "teil") => msg!("cli-new-teil"),
        (_, "titel") => msg!("cli-new-title-optional"),
        (_, "handlungsfeld") => msg!("cli-new-handlungsfeld"),
        ("new massnahme", "empfehlung") => msg!("cli-new-empfehlung-id"),
        ("new kommune", "name") => msg!("cli-new-kommune-name"),
        ("new kommune", "art") => msg!("cli-new-kommune-art"),
        ("new angebot", "kommune") => msg!("cli-new-angebot-kommune"),
        ("new akteur", "name") => msg!("cli-new-akteur-name"),
        ("new akteur", "art") => msg!("cli-new-akteur-art"),
        ("new akteur", "kommune") => msg!("cli-new-akteur-kommune"),
        _ => return None,
    })
}

/// A usage error in the message language; `None` for help and version
/// output and for errors clap words best itself.
pub fn error(e: &clap::Error) -> Option<String> {
    let get = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join(", ")),
        _ => None,
    };
    let arg = get(ContextKind::InvalidArg).unwrap_or_default();
    let message = match e.kind() {
        ErrorKind::UnknownArgument => msg!("cli-error-unknown-argument", arg = &arg),
        ErrorKind::InvalidSubcommand => msg!(
            "cli-error-unknown-command",
            command = get(ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => msg!(
            "cli-error-invalid-value",
            value = get(ContextKind::InvalidValue).unwrap_or_default(),
            arg = &arg
        ),
        ErrorKind::MissingRequiredArgument => msg!("cli-error-missing", arg = &arg),
        ErrorKind::NoEquals | ErrorKind::TooManyValues | ErrorKind::TooFewValues => {
            msg!("cli-error-values", arg = &arg)
        }
        ErrorKind::ArgumentConflict => msg!("cli-error-conflict", arg = &arg),
        _ => return None,
    };
    let mut out = format!("{}: {message}", tr!("severity-error"));
    let suggested =
        get(ContextKind::SuggestedArg).or_else(|| get(ContextKind::SuggestedSubcommand));
    if let Some(s) = suggested {
        out.push_str(&format!("\n  = {}", msg!("hint-did-you-mean", name = s)));
    }
    if let Some(v) = get(ContextKind::ValidValue) {
        out.push_str(&format!("\n  = {}", msg!("cli-hint-values", values = v)));
    }
    if let Some(source) = std::error::Error::source(e) {
        out.push_str(&format!("\n  = {source}"));
    }
    out.push_str(&format!("\n  = {}", msg!("cli-hint-help")));
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every command and option of the real command line, by path.
    fn all(cmd: &Command, path: &str, out: &mut Vec<(String, String)>) {
        out.push((path.to_string(), String::new()));
        for a in cmd.get_arguments() {
            out.push((path.to_string(), a.get_id().to_string()));
        }
        for s in cmd.get_subcommands() {
            let p = if path.is_empty() {
                s.get_name().to_string()
            } else {
                format!("{path} {}", s.get_name())
            };
            all(s, &p, out);
        }
    }

    #[test]
    fn every_command_and_option_has_a_catalogue_text() {
        let mut found = Vec::new();
        all(&super::super::Cli::command(), "", &mut found);
        let missing: Vec<_> = found.iter().filter(|(p, a)| text(p, a).is_none()).collect();
        assert!(missing.is_empty(), "no catalogue text for {missing:?}");
        assert!(found.len() > 40, "{found:?}");
    }
}
