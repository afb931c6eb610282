//! The message catalogue: every text konzept shows an editor, in German
//! (first) and English, as Fluent files embedded in the binary.
//!
//! Code names a message by its id and named arguments with [`msg!`]; the
//! text is looked up only when it is shown ([`Msg`]'s `Display`), in the
//! language the command line chose once ([`set_language`]). So `check`,
//! `build` and `serve` render the same [`crate::diag::Diagnostic`] the same
//! way, and the JSON output keeps the id as a stable code.
//!
//! Adding a message: put `my-id = Text mit { $name }` into both
//! `src/i18n/de.ftl` and `src/i18n/en.ftl`, then write
//! `msg!("my-id", name = value)`. Counts select the plural form:
//! `{ $count -> [one] 1 Datei *[other] { $count } Dateien }`.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::fmt;
use std::path::Path;
use std::sync::LazyLock;
use std::sync::atomic::{AtomicU8, Ordering};

/// The German catalogue, the one every other language follows.
pub const DE_FTL: &str = include_str!("de.ftl");
/// The English catalogue.
pub const EN_FTL: &str = include_str!("en.ftl");

/// A language konzept speaks to editors in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Lang {
    /// Deutsch (the default).
    De,
    /// English.
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::De, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    /// The language of a tag such as `de`, `de-AT`, `en_GB.UTF-8`; `None`
    /// for languages without a catalogue and for `C`/`POSIX`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        match primary.as_str() {
            "de" => Some(Lang::De),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    fn ftl(self) -> &'static str {
        match self {
            Lang::De => DE_FTL,
            Lang::En => EN_FTL,
        }
    }
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Makes `lang` the language of every message shown from now on.
pub fn set_language(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

/// The language messages are shown in (German unless set otherwise).
pub fn language() -> Lang {
    match CURRENT.load(Ordering::Relaxed) {
        1 => Lang::En,
        _ => Lang::De,
    }
}

/// The language to speak: `--lang`, else book.toml's `language`, else the
/// locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), else German. A language
/// without a catalogue passes the choice on to the next source.
pub fn choose(flag: Option<Lang>, root: Option<&Path>) -> Lang {
    flag.or_else(|| root.and_then(book_language))
        .or_else(|| {
            ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .filter_map(|v| std::env::var(v).ok())
                .find(|v| !v.is_empty())
                .and_then(|v| Lang::from_tag(&v))
        })
        .unwrap_or(Lang::De)
}

/// book.toml's `language`, read on its own so that a broken book.toml
/// still gets its messages in the right language.
fn book_language(root: &Path) -> Option<Lang> {
    // `crate::config::FILE`, named here because i18n sits below config.
    let text = std::fs::read_to_string(root.join("book.toml")).ok()?;
    // The key usually sits at the top; a file that does not parse as a
    // whole still names its language on a line of its own.
    let value = match text.parse::<toml::Table>() {
        Ok(t) => t.get("language")?.as_str()?.to_string(),
        Err(_) => text.lines().find_map(|l| {
            let (k, v) = l.split_once('=')?;
            (k.trim() == "language").then(|| v.trim().trim_matches('"').to_string())
        })?,
    };
    Lang::from_tag(&value)
}

/// A value put into a message.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Arg {
    Str(String),
    Int(i64),
    /// Another message, shown in the same language (a reason, a kind).
    Msg(Box<Msg>),
}

macro_rules! int_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(v: $t) -> Self {
                Arg::Int(i64::try_from(v).unwrap_or(i64::MAX))
            }
        }
    )*};
}
int_arg!(i32, i64, u8, u16, u32, u64, usize);

impl From<String> for Arg {
    fn from(v: String) -> Self {
        Arg::Str(v)
    }
}
impl From<&String> for Arg {
    fn from(v: &String) -> Self {
        Arg::Str(v.clone())
    }
}
impl From<&str> for Arg {
    fn from(v: &str) -> Self {
        Arg::Str(v.to_string())
    }
}
impl From<char> for Arg {
    fn from(v: char) -> Self {
        Arg::Str(v.to_string())
    }
}
impl From<Msg> for Arg {
    fn from(v: Msg) -> Self {
        Arg::Msg(Box::new(v))
    }
}

/// A message of the catalogue: its id and named arguments. Shown with
/// `Display` in the current language; never built from free text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Msg {
    id: &'static str,
    args: Vec<(&'static str, Arg)>,
}

impl Msg {
    /// Prefer [`msg!`], which the catalogue tests can see.
    pub fn new(id: &'static str) -> Msg {
        Msg {
            id,
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Msg {
        self.args.push((name, value.into()));
        self
    }

    /// The stable, machine-readable code (the catalogue id).
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The value of the argument `name`, if given.
    pub fn get(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(n, _)| *n == name).map(|(_, a)| a)
    }

    /// The text in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let bundle = &BUNDLES[lang as usize];
        let Some(pattern) = bundle.get_message(self.id).and_then(|m| m.value()) else {
            // The catalogue tests make this unreachable; show something useful anyway.
            return format!("{} {:?}", self.id, self.args);
        };
        let mut args = FluentArgs::new();
        for (name, value) in &self.args {
            let v: FluentValue = match value {
                Arg::Str(s) => s.clone().into(),
                Arg::Int(i) => (*i).into(),
                Arg::Msg(m) => m.render(lang).into(),
            };
            args.set(*name, v);
        }
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, Some(&args), &mut errors)
            .into_owned()
    }
}

impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(language()))
    }
}

impl serde::Serialize for Msg {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

/// `msg!("id", name = value, …)`: the message `id` of the catalogue with
/// its arguments (strings, numbers, other `Msg`s).
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Msg::new($id)$(.arg(stringify!($name), $value))*
    };
}

/// Shorthand for `msg!(…).to_string()`: the text in the current language.
#[macro_export]
macro_rules! tr {
    ($($t:tt)*) => {
        $crate::msg!($($t)*).to_string()
    };
}

/// Why a file could not be read, in the editor's words (the system's
/// text only for unusual cases).
pub fn io_reason(e: &std::io::Error) -> Msg {
    match e.kind() {
        std::io::ErrorKind::NotFound => msg!("io-not-found"),
        std::io::ErrorKind::PermissionDenied => msg!("io-permission-denied"),
        std::io::ErrorKind::IsADirectory => msg!("io-is-a-folder"),
        _ => msg!("io-other", detail = e.to_string()),
    }
}

/// A duration in seconds with `decimals` places, with the decimal comma in
/// German (`1,25`) and the point in English (`1.25`).
pub fn seconds(d: std::time::Duration, decimals: usize) -> String {
    let s = format!("{:.*}", decimals, d.as_secs_f64());
    match language() {
        Lang::De => s.replace('.', ","),
        Lang::En => s,
    }
}

/// A number as written in the current language: `2,5` in German, `2.5`
/// in English; whole numbers without decimals.
pub fn decimal(v: f64) -> String {
    let s = if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    };
    match language() {
        Lang::De => s.replace('.', ","),
        Lang::En => s,
    }
}

type Bundle = FluentBundle<FluentResource>;

static BUNDLES: LazyLock<[Bundle; 2]> = LazyLock::new(|| Lang::ALL.map(bundle));

fn bundle(lang: Lang) -> Bundle {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().expect("language tag");
    let mut b = FluentBundle::new_concurrent(vec![id]);
    // Terminals and tests must not see U+2068/U+2069 around arguments.
    b.set_use_isolating(false);
    let res = FluentResource::try_new(lang.ftl().to_string())
        .unwrap_or_else(|(_, e)| panic!("{}.ftl does not parse: {e:?}", lang.code()));
    b.add_resource(res)
        .unwrap_or_else(|e| panic!("{}.ftl has duplicate ids: {e:?}", lang.code()));
    b
}

#[cfg(test)]
mod tests;
