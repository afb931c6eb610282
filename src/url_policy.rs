//! The one URL policy for every link konzept writes, on the site and in the
//! PDFs: relative links and `http`, `https`, `mailto`, `tel`, plus the
//! schemes a project lists in `[links] allowed_schemes`; never a scheme that
//! can run code or carry a document of its own (`javascript:`, `data:` …).
//!
//! The scheme is read the way a browser reads it, and a little more
//! suspiciously: HTML entities are decoded (`&#106;avascript:`), ASCII
//! whitespace and control characters are dropped wherever they are
//! (` java\tscript:`), and case is folded (`JaVaScRiPt:`). The source checks
//! report a refused link at its place; the renderers ask [`Policy::allows`]
//! again before they write an `href` or `src`, so a skipped check can never
//! put a refused link into a page.

use std::borrow::Cow;

/// Schemes every project may use.
pub const BUILT_IN: &[&str] = &["http", "https", "mailto", "tel"];

/// Schemes that are refused even when `allowed_schemes` lists them: they run
/// script, carry a document of their own, or read local files.
pub const NEVER: &[&str] = &[
    "javascript",
    "vbscript",
    "livescript",
    "data",
    "blob",
    "file",
    "filesystem",
    "about",
    "jar",
    "view-source",
    "chrome",
    "resource",
    "ms-its",
    "mhtml",
];

/// Which schemes links may use: the built-in ones plus a project's list.
#[derive(Debug, Clone, Copy, Default)]
pub struct Policy<'a> {
    extra: &'a [String],
}

/// Why a link was refused: its scheme, lower-cased.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub scheme: String,
}

impl<'a> Policy<'a> {
    /// The built-in schemes and `extra` (from `[links] allowed_schemes`).
    pub fn new(extra: &'a [String]) -> Policy<'a> {
        Policy { extra }
    }

    /// Whether a link to `dest` may be written.
    pub fn allows(&self, dest: &str) -> bool {
        self.check(dest).is_ok()
    }

    /// `Ok` for a relative link or an allowed scheme, else the scheme.
    pub fn check(&self, dest: &str) -> Result<(), Refused> {
        match scheme(dest) {
            None => Ok(()),
            Some(s) if self.allows_scheme(&s) => Ok(()),
            Some(s) => Err(Refused { scheme: s }),
        }
    }

    /// Whether `scheme` (without the colon) is allowed.
    pub fn allows_scheme(&self, scheme: &str) -> bool {
        let s = scheme.to_ascii_lowercase();
        !NEVER.contains(&s.as_str())
            && (BUILT_IN.contains(&s.as_str())
                || self.extra.iter().any(|e| e.eq_ignore_ascii_case(&s)))
    }

    /// Every allowed scheme, for sanitisers that take a list (ammonia).
    pub fn schemes(&self) -> Vec<&str> {
        let mut out: Vec<&str> = BUILT_IN.to_vec();
        out.extend(
            self.extra
                .iter()
                .map(String::as_str)
                .filter(|s| self.allows_scheme(s)),
        );
        out
    }

    /// Whether `dest` uses one of the project's extra schemes (`webcal:`),
    /// which is a web link, never a record link.
    pub fn is_extra(&self, dest: &str) -> bool {
        scheme(dest).is_some_and(|s| {
            !BUILT_IN.contains(&s.as_str())
                && self.allows_scheme(&s)
                && self.extra.iter().any(|e| e.eq_ignore_ascii_case(&s))
        })
    }
}

/// The scheme of `dest` as a browser would find it, lower-cased, or `None`
/// for a relative link (`kapitel/`, `#ziele`, `//host/…`, `bild.svg`).
pub fn scheme(dest: &str) -> Option<String> {
    let decoded = decode(dest);
    let cleaned: String = decoded
        .chars()
        .filter(|c| !(c.is_ascii_control() || *c == ' '))
        .collect();
    let (head, _) = cleaned.split_once(':')?;
    let mut chars = head.chars();
    let first = chars.next()?;
    let valid = first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| head.to_ascii_lowercase())
}

/// Whether `s` is written like a scheme name (`webcal`, `geo`), for checking
/// `allowed_schemes`.
pub fn is_scheme_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// HTML entities decoded until nothing changes (a few rounds at most), so
/// that `&amp;#106;` is read as suspiciously as `&#106;`. Numeric entities
/// without the final `;` count too, as browsers read them in attributes.
fn decode(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut text = s.to_string();
    for _ in 0..4 {
        let next = html_escape::decode_html_entities(&decode_numeric(&text)).into_owned();
        if next == text {
            break;
        }
        text = next;
    }
    Cow::Owned(text)
}

/// `&#106` and `&#x6A` (with or without `;`) as characters.
fn decode_numeric(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("&#") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let (hex, digits_at) = match after.as_bytes().first() {
            Some(b'x' | b'X') => (true, 1),
            _ => (false, 0),
        };
        let digits: String = after[digits_at..]
            .chars()
            .take_while(|c| {
                if hex {
                    c.is_ascii_hexdigit()
                } else {
                    c.is_ascii_digit()
                }
            })
            .collect();
        let value = u32::from_str_radix(&digits, if hex { 16 } else { 10 })
            .ok()
            .and_then(char::from_u32);
        match value {
            Some(c) if !digits.is_empty() => {
                out.push(c);
                let mut used = 2 + digits_at + digits.len();
                if rest[i + used..].starts_with(';') {
                    used += 1;
                }
                rest = &rest[i + used..];
            }
            _ => {
                out.push_str("&#");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_spellings_are_found() {
        for dest in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "&#106;avascript:alert(1)",
            "&#x6A;avascript:alert(1)",
            "&#106avascript:alert(1)",
            "&amp;#106;avascript:alert(1)",
            " java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "javascript&colon;alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
            "DATA:text/html;base64,PHNjcmlwdD4=",
        ] {
            let p = Policy::default();
            assert!(!p.allows(dest), "{dest:?} was allowed");
        }
        assert_eq!(scheme("&#106;avascript:x").as_deref(), Some("javascript"));
        assert_eq!(scheme(" java\tscript:x").as_deref(), Some("javascript"));
    }

    #[test]
    fn web_and_relative_links_pass() {
        let p = Policy::default();
        for dest in [
            "https://example.org/a?b=c:d",
            "HTTP://example.org",
            "mailto:ki@kreis-guetersloh.de",
            "tel:+495241850",
            "//example.org/x",
            "kapitel/einleitung/",
            "#ziele",
            "bild.svg",
            "../media/a:b.svg",
            "?q=a:b",
            "",
        ] {
            assert!(p.allows(dest), "{dest:?} was refused");
        }
        assert_eq!(scheme("../a:b"), None);
        assert_eq!(
            p.check("ftp://x").unwrap_err(),
            Refused {
                scheme: "ftp".into()
            }
        );
    }

    #[test]
    fn extra_schemes_widen_but_never_to_script() {
        let extra = vec!["webcal".to_string(), "JavaScript".to_string()];
        let p = Policy::new(&extra);
        assert!(p.allows("webcal://kreis.example/termine.ics"));
        assert!(p.allows("WEBCAL://x"));
        assert!(p.is_extra("webcal://x") && !p.is_extra("https://x"));
        assert!(!p.allows("javascript:alert(1)"));
        assert_eq!(p.schemes(), ["http", "https", "mailto", "tel", "webcal"]);
        assert!(is_scheme_name("web+cal") && !is_scheme_name("1x") && !is_scheme_name("a b"));
    }
}
