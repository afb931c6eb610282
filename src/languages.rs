//! The target languages of `book.toml` (`[[languages]]`): code, name in
//! its own script, writing direction, translated units, threshold.
//!
//! German (`language`) stays the source; each entry here is a translation
//! of the short version. Validation keeps the `toml` crate's spans so every
//! finding points at the value in book.toml.

use crate::diag::{Diagnostic, Span, suggest};
use crate::msg;
use serde::{Deserialize, Serialize};

/// Writing direction of a language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Dir {
    Ltr,
    Rtl,
}

impl Dir {
    /// `ltr` or `rtl`, as HTML's `dir` attribute and typst's `dir:` want it.
    pub fn as_str(self) -> &'static str {
        match self {
            Dir::Ltr => "ltr",
            Dir::Rtl => "rtl",
        }
    }
}

/// Languages written right to left (primary subtags), from CLDR's
/// `characterOrder`; a script subtag (`-Latn`, `-Arab`) overrides it.
const RTL: &[&str] = &[
    "ar", "fa", "he", "ur", "ps", "ckb", "dv", "yi", "sd", "ug", "prs", "syr", "arc", "ku-arab",
];

/// The direction a BCP 47 code implies (script subtag first, then language).
pub fn direction_of(code: &str) -> Dir {
    let lower = code.to_ascii_lowercase();
    let mut parts = lower.split('-');
    let primary = parts.next().unwrap_or("");
    for sub in parts {
        if sub.len() == 4 {
            return if ["arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg"].contains(&sub) {
                Dir::Rtl
            } else {
                Dir::Ltr
            };
        }
    }
    if RTL.contains(&primary) {
        Dir::Rtl
    } else {
        Dir::Ltr
    }
}

/// A language's name in its own script (CLDR), for the codes offers and
/// translations use; `None` for others.
pub fn autonym(code: &str) -> Option<&'static str> {
    Some(match code {
        "de" => "Deutsch",
        "en" => "English",
        "uk" => "Українська",
        "ru" => "Русский",
        "ar" => "العربية",
        "fa" => "فارسی",
        "prs" => "دری",
        "ps" => "پښتو",
        "ro" => "Română",
        "bg" => "Български",
        "pl" => "Polski",
        "tr" => "Türkçe",
        "ku" => "Kurdî",
        "kmr" => "Kurmancî",
        "ckb" => "کوردی",
        "ti" => "ትግርኛ",
        "fr" => "Français",
        "es" => "Español",
        "it" => "Italiano",
        "sq" => "Shqip",
        "sr" => "Српски",
        "hr" => "Hrvatski",
        "bs" => "Bosanski",
        "hu" => "Magyar",
        "cs" => "Čeština",
        "sk" => "Slovenčina",
        "el" => "Ελληνικά",
        "so" => "Soomaali",
        "am" => "አማርኛ",
        "ur" => "اردو",
        "he" => "עברית",
        _ => return None,
    })
}

/// Kinds of text a translation can cover (`units = [...]`).
pub const UNIT_KINDS: &[&str] = &[
    "chapters",
    "recommendations",
    "fields",
    "groups",
    "indicators",
    "notice",
    "imprint",
    "offers",
    "contacts",
];

/// One target language.
#[derive(Debug, Clone, Serialize)]
pub struct Language {
    /// BCP 47, e.g. `uk`, `ar`, `fa`, `pt-BR`.
    pub code: String,
    /// The language's name in its own script, e.g. `Українська`.
    pub name: String,
    pub dir: Dir,
    /// Which kinds of text are translated ([`UNIT_KINDS`]).
    pub units: Vec<String>,
    /// Share of units (percent) that must be translated and current for
    /// the language to be published.
    pub threshold: u8,
    /// Where `code =` stands in book.toml.
    #[serde(skip)]
    pub span: Option<Span>,
}

impl Language {
    /// The PO file of this language, relative to the project root.
    pub fn po_file(&self) -> String {
        format!("{}/{}.po", DIR, self.code)
    }
}

/// The folder of the translation files.
pub const DIR: &str = "translations";

/// The default completeness threshold (percent).
pub const DEFAULT_THRESHOLD: u8 = 100;

/// `[[languages]]` as written, with spans.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Raw {
    code: toml::Spanned<String>,
    #[serde(default)]
    name: Option<toml::Spanned<String>>,
    #[serde(default)]
    dir: Option<toml::Spanned<String>>,
    #[serde(default)]
    units: Option<toml::Spanned<Vec<String>>>,
    #[serde(default)]
    threshold: Option<toml::Spanned<i64>>,
}

#[derive(Deserialize)]
struct Top {
    #[serde(default)]
    languages: Vec<Raw>,
}

/// Reads and validates `[[languages]]` of book.toml's `text` (which parsed
/// as TOML already, from `file`); `source` is the publication's own language.
pub fn parse(file: &str, text: &str, source: &str, out: &mut Vec<Diagnostic>) -> Vec<Language> {
    let top: Top = match toml::from_str(text) {
        Ok(t) => t,
        Err(e) => {
            let span = e.span().map(|r| Span::from_bytes(text, r.start, r.end));
            out.push(
                Diagnostic::error(file, msg!("languages-invalid", detail = e.message().trim()))
                    .at_opt(span)
                    .hint(msg!("hint-languages-invalid")),
            );
            return Vec::new();
        }
    };
    let at = |r: std::ops::Range<usize>| Some(Span::from_bytes(text, r.start, r.end));
    let mut langs: Vec<Language> = Vec::new();
    for raw in top.languages {
        let code = raw.code.get_ref().clone();
        let code_at = at(raw.code.span());
        let mut ok = true;
        if !is_bcp47(&code) {
            out.push(
                Diagnostic::error(file, msg!("language-bad-code", code = code.as_str()))
                    .at_opt(code_at)
                    .label(msg!("label-language-bad-code"))
                    .hint(msg!("hint-language-bad-code")),
            );
            ok = false;
        } else if code.eq_ignore_ascii_case(source) {
            out.push(
                Diagnostic::error(file, msg!("language-is-source", code = code.as_str()))
                    .at_opt(code_at)
                    .hint(msg!("hint-language-is-source")),
            );
            ok = false;
        } else if langs.iter().any(|l| l.code.eq_ignore_ascii_case(&code)) {
            out.push(
                Diagnostic::error(file, msg!("language-twice", code = code.as_str()))
                    .at_opt(code_at)
                    .hint(msg!("hint-language-twice")),
            );
            ok = false;
        }
        let name = match &raw.name {
            Some(n) if !n.get_ref().trim().is_empty() => n.get_ref().trim().to_string(),
            Some(n) => {
                out.push(
                    Diagnostic::error(file, msg!("language-empty-name", code = code.as_str()))
                        .at_opt(at(n.span()))
                        .hint(msg!("hint-language-empty-name")),
                );
                ok = false;
                String::new()
            }
            None => {
                out.push(
                    Diagnostic::error(file, msg!("language-no-name", code = code.as_str()))
                        .at_opt(code_at)
                        .hint(msg!("hint-language-no-name")),
                );
                ok = false;
                String::new()
            }
        };
        let dir = match &raw.dir {
            None => direction_of(&code),
            Some(d) => match d.get_ref().as_str() {
                "ltr" => Dir::Ltr,
                "rtl" => Dir::Rtl,
                other => {
                    out.push(
                        Diagnostic::error(file, msg!("language-bad-dir", dir = other))
                            .at_opt(at(d.span()))
                            .hint(msg!("hint-language-bad-dir")),
                    );
                    ok = false;
                    Dir::Ltr
                }
            },
        };
        let units = match &raw.units {
            None => UNIT_KINDS.iter().map(|s| s.to_string()).collect(),
            Some(u) => {
                for k in u.get_ref() {
                    if !UNIT_KINDS.contains(&k.as_str()) {
                        let mut d =
                            Diagnostic::error(file, msg!("language-bad-unit", unit = k.as_str()))
                                .at_opt(at(u.span()));
                        d = match suggest(k, UNIT_KINDS.iter().copied()) {
                            Some(s) => d.hint(msg!("hint-did-you-mean", name = s)),
                            None => {
                                d.hint(msg!("hint-language-units", kinds = UNIT_KINDS.join(", ")))
                            }
                        };
                        out.push(d);
                        ok = false;
                    }
                }
                u.get_ref().clone()
            }
        };
        let threshold = match &raw.threshold {
            None => DEFAULT_THRESHOLD,
            Some(t) => match u8::try_from(*t.get_ref()) {
                Ok(v) if v <= 100 => v,
                _ => {
                    out.push(
                        Diagnostic::error(
                            file,
                            msg!("language-bad-threshold", value = t.get_ref().to_string()),
                        )
                        .at_opt(at(t.span()))
                        .hint(msg!("hint-language-bad-threshold")),
                    );
                    ok = false;
                    0
                }
            },
        };
        if ok {
            langs.push(Language {
                code,
                name,
                dir,
                units,
                threshold,
                span: code_at,
            });
        }
    }
    langs
}

/// A well-formed BCP 47 tag of the common shape: language (2–3 letters),
/// optional script (4 letters), optional region (2 letters or 3 digits).
pub fn is_bcp47(code: &str) -> bool {
    let mut parts = code.split('-');
    let Some(lang) = parts.next() else {
        return false;
    };
    if !(2..=3).contains(&lang.len()) || !lang.chars().all(|c| c.is_ascii_alphabetic()) {
        return false;
    }
    let mut seen_region = false;
    let mut seen_script = false;
    for p in parts {
        if !seen_script
            && !seen_region
            && p.len() == 4
            && p.chars().all(|c| c.is_ascii_alphabetic())
        {
            seen_script = true;
        } else if !seen_region
            && ((p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic()))
                || (p.len() == 3 && p.chars().all(|c| c.is_ascii_digit())))
        {
            seen_region = true;
        } else {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_all(text: &str) -> (Vec<Language>, Vec<Diagnostic>) {
        let mut out = Vec::new();
        let l = parse("book.toml", text, "de", &mut out);
        (l, out)
    }

    #[test]
    fn direction_comes_from_the_code() {
        assert_eq!(direction_of("ar"), Dir::Rtl);
        assert_eq!(direction_of("fa-AF"), Dir::Rtl);
        assert_eq!(direction_of("ckb"), Dir::Rtl);
        assert_eq!(direction_of("uk"), Dir::Ltr);
        assert_eq!(direction_of("az-Arab"), Dir::Rtl);
        assert_eq!(direction_of("ku-Latn"), Dir::Ltr);
    }

    #[test]
    fn languages_parse_with_defaults_and_override() {
        let (l, d) = parse_all(
            "[[languages]]\ncode = \"ar\"\nname = \"العربية\"\n\n[[languages]]\ncode = \"uk\"\nname = \"Українська\"\ndir = \"rtl\"\nthreshold = 80\nunits = [\"chapters\"]\n",
        );
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(l[0].dir, Dir::Rtl);
        assert_eq!(l[0].threshold, 100);
        assert_eq!(l[0].units.len(), UNIT_KINDS.len());
        assert_eq!(l[1].dir, Dir::Rtl, "dir overrides the code");
        assert_eq!(l[1].units, vec!["chapters".to_string()]);
        assert_eq!(l[1].threshold, 80);
    }

    #[test]
    fn problems_point_at_the_value() {
        let text = "[[languages]]\ncode = \"arabisch\"\nname = \"x\"\n\n[[languages]]\ncode = \"de\"\nname = \"Deutsch\"\n\n[[languages]]\ncode = \"uk\"\nname = \"\"\ndir = \"up\"\nunits = [\"chapter\"]\nthreshold = 120\n";
        let (l, d) = parse_all(text);
        assert!(l.is_empty());
        let en = crate::i18n::Lang::En;
        let msgs: Vec<String> = d.iter().map(|d| d.message.render(en)).collect();
        assert_eq!(msgs.len(), 6, "{msgs:?}");
        assert_eq!(msgs[0], "`arabisch` is not a language code");
        assert_eq!(msgs[1], "`de` is the language of the sources");
        assert_eq!(
            d[0].message.render(crate::i18n::Lang::De),
            "„arabisch“ ist kein Sprachcode"
        );
        let line = |i: usize| d[i].span.as_ref().map(|s| s.line);
        assert_eq!(line(0), Some(2));
        assert_eq!(line(1), Some(6));
        assert!(d.iter().any(|x| {
            x.hints
                .iter()
                .any(|h| h.render(en) == "did you mean `chapters`?")
        }));
    }

    #[test]
    fn bcp47_shapes() {
        for ok in ["uk", "ar", "fa-AF", "pt-BR", "sr-Latn", "es-419", "ckb"] {
            assert!(is_bcp47(ok), "{ok}");
        }
        for bad in ["", "u", "arabic", "de_DE", "de-", "1a", "de-DE-DE"] {
            assert!(!is_bcp47(bad), "{bad}");
        }
    }
}
