//! The interface's words, kept in one file per language in the theme
//! (`themes/<theme>/strings/<language>.toml`), so other languages can follow.

use crate::config::Config;
use crate::diag::Diagnostic;
use crate::msg;
use crate::theme::Theme;
use std::collections::BTreeMap;

/// Dotted keys (`status.laufend`) to text.
#[derive(Debug, Clone, Default, serde::Serialize)]
#[serde(transparent)]
pub struct Strings(pub toml::Table);

impl Strings {
    pub fn parse(text: &str) -> Result<Strings, toml::de::Error> {
        Ok(Strings(toml::from_str(text)?))
    }

    fn lookup(&self, key: &str) -> Option<&str> {
        let mut parts = key.split('.');
        let mut v = self.0.get(parts.next()?)?;
        for p in parts {
            v = v.as_table()?.get(p)?;
        }
        v.as_str()
    }

    /// The text for `key`; the key itself when missing, so a gap shows.
    pub fn get(&self, key: &str) -> String {
        self.lookup(key).unwrap_or(key).to_string()
    }

    pub fn get_or(&self, key: &str, fallback: &str) -> String {
        self.lookup(key).unwrap_or(fallback).to_string()
    }

    /// All keys, for tests that every template's key exists.
    pub fn keys(&self) -> BTreeMap<String, String> {
        fn walk(prefix: &str, t: &toml::Table, out: &mut BTreeMap<String, String>) {
            for (k, v) in t {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                match v {
                    toml::Value::Table(t) => walk(&key, t, out),
                    toml::Value::String(s) => {
                        out.insert(key, s.clone());
                    }
                    _ => {}
                }
            }
        }
        let mut out = BTreeMap::new();
        walk("", &self.0, &mut out);
        out
    }
}
/// Loads the theme's interface strings for the project's language.
pub fn load(config: &Config, theme: &Theme) -> Result<Strings, Diagnostic> {
    load_code(config, theme, &config.language)
}

/// The strings of a translation's `code`, over those of the source
/// language: a key the translation's file lacks shows in the source
/// language rather than as its name.
pub fn load_translation(
    config: &Config,
    theme: &Theme,
    source: &str,
    code: &str,
) -> Result<Strings, Diagnostic> {
    let mut base = load_code(config, theme, source)?;
    if theme.read_string(&format!("strings/{code}.toml")).is_some() {
        let over = load_code(config, theme, code)?;
        merge(&mut base.0, over.0);
    }
    Ok(base)
}

fn merge(base: &mut toml::Table, over: toml::Table) {
    for (k, v) in over {
        match (base.get_mut(&k), v) {
            (Some(toml::Value::Table(b)), toml::Value::Table(o)) => merge(b, o),
            (_, v) => {
                base.insert(k, v);
            }
        }
    }
}

fn load_code(config: &Config, theme: &Theme, code: &str) -> Result<Strings, Diagnostic> {
    let rel = format!("strings/{code}.toml");
    let text = theme.read_string(&rel).ok_or_else(|| {
        Diagnostic::error(
            crate::config::FILE,
            msg!("strings-missing", language = &config.language),
        )
        .hint(msg!(
            "hint-strings-missing",
            file = format!("themes/{}/{rel}", config.theme)
        ))
    })?;
    Strings::parse(&text).map_err(|e| {
        let file = theme
            .origin(&rel)
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or(rel.clone());
        let span = e
            .span()
            .map(|r| crate::diag::Span::from_bytes(&text, r.start, r.end));
        Diagnostic::error(file, msg!("strings-invalid", detail = e.message())).at_opt(span)
    })
}
