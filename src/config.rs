//! `book.toml` → a typed [`Config`], validated once here.
//!
//! Unknown keys are errors with a "did you mean" hint; positions come from
//! the `toml` crate's spans.

use crate::diag::{Diagnostic, Span, suggest};
use crate::msg;
use serde::{Deserialize, Serialize};
use std::path::{Component, Path, PathBuf};

/// The publication's settings from `book.toml`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The text of book.toml as read, for checks over the whole text.
    #[serde(skip)]
    pub source: String,
    /// Required (checked from the parsed table, so a missing one is one
    /// finding and the rest still loads).
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub subtitle: String,
    #[serde(default)]
    pub publisher: String,
    #[serde(default = "default_language")]
    pub language: String,
    #[serde(default)]
    pub edition: String,
    /// ISO date `YYYY-MM-DD`; the PDFs' creation date too.
    #[serde(default)]
    pub date: String,
    #[serde(default = "default_base_url")]
    pub base_url: String,
    #[serde(default = "default_output")]
    pub output: PathBuf,
    #[serde(default = "default_theme")]
    pub theme: String,
    #[serde(default)]
    pub description: String,
    /// Markdown shown on every page and in both PDFs.
    #[serde(default)]
    pub notice: Option<String>,
    /// Raw HTML in chapters is sanitised unless this is true.
    #[serde(default)]
    pub allow_html: bool,
    #[serde(default)]
    pub accessibility: Accessibility,
    #[serde(default)]
    pub print: Print,
    #[serde(default)]
    pub monitoring: Monitoring,
    /// Where the output folders are written in book.toml.
    #[serde(skip)]
    pub spans: Spans,
    #[serde(default)]
    pub links: Links,
    /// The licence of the open data, as a URI from dcat-ap.de's list
    /// (the DCAT-AP.de catalogue names it for every file).
    #[serde(default = "default_data_license")]
    pub data_license: String,
    /// Target languages of the short version (`[[languages]]`), validated
    /// with spans by [`crate::languages::parse`].
    #[serde(default, rename = "languages", skip_serializing)]
    pub languages_raw: Vec<toml::Value>,
    #[serde(skip)]
    pub languages: Vec<crate::languages::Language>,
}

/// Positions of settings that findings after loading point at.
#[derive(Debug, Clone, Default)]
pub struct Spans {
    /// `output = …`
    pub output: Option<Span>,
    /// `output = …` in `[print]`
    pub print_output: Option<Span>,
    /// Each key as written, by its path (`date`, `print.bleed_mm`).
    pub keys: std::collections::BTreeMap<String, Span>,
}

impl Spans {
    /// The spans of the parsed document, from the `toml` crate's parser.
    fn of(text: &str, doc: &toml::de::DeTable) -> Spans {
        let span = |r: std::ops::Range<usize>| Span::from_bytes(text, r.start, r.end);
        let mut out = Spans::default();
        for (k, v) in doc.iter() {
            out.keys.insert(k.get_ref().to_string(), span(k.span()));
            if let toml::de::DeValue::Table(t) = v.get_ref() {
                for (sk, sv) in t.iter() {
                    let path = format!("{}.{}", k.get_ref(), sk.get_ref());
                    if path == "print.output" {
                        out.print_output = Some(span(sv.span()));
                    }
                    out.keys.insert(path, span(sk.span()));
                }
            } else if k.get_ref() == "output" {
                out.output = Some(span(v.span()));
            }
        }
        out
    }

    /// Where `path` (`date`, `print.output`) is written.
    fn key(&self, path: &str) -> Option<Span> {
        self.keys.get(path).copied()
    }
}

/// Which URL schemes links may use besides relative links, `http`,
/// `https`, `mailto` and `tel` (see [`crate::url_policy`]).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Links {
    #[serde(default)]
    pub allowed_schemes: Vec<String>,
}

/// Data for the accessibility statement (Erklärung zur Barrierefreiheit).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Accessibility {
    #[serde(default)]
    pub reviewed: String,
    #[serde(default)]
    pub contact_email: String,
    #[serde(default)]
    pub contact_phone: String,
    #[serde(default)]
    pub feedback_url: String,
}

/// Settings for the PDFs.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Print {
    /// Read only to refuse it: the person running konzept chooses typst
    /// (`--typst`, `KONZEPT_TYPST`), never a project file.
    #[serde(skip_serializing)]
    pub typst: Option<String>,
    /// Folder for the print-shop files, relative to the project root.
    pub output: PathBuf,
    pub brochure_paper: String,
    pub bleed_mm: f64,
    pub crop_marks: bool,
    /// The print shop's CMYK ICC profile, a file in the project.
    pub profile: Option<PathBuf>,
    /// The profile's output condition identifier, e.g. `FOGRA51`.
    pub output_condition: Option<String>,
    /// The most total ink a colour or pixel may use, in percent.
    pub max_ink: f64,
    /// Images (paths as written in the chapters) accepted under 300 ppi.
    pub accept_low_resolution: Vec<String>,
    /// Thickness of one sheet of the long version's paper, for the spine.
    pub paper_thickness_mm: f64,
}

impl Default for Print {
    fn default() -> Self {
        Print {
            typst: None,
            output: PathBuf::from("druck"),
            brochure_paper: "a5".into(),
            bleed_mm: 3.0,
            crop_marks: false,
            profile: None,
            output_condition: None,
            max_ink: 300.0,
            accept_low_resolution: Vec::new(),
            paper_thickness_mm: 0.1,
        }
    }
}

/// The period the monitoring covers.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Monitoring {
    pub first_year: i32,
    pub last_year: i32,
}

impl Default for Monitoring {
    fn default() -> Self {
        Monitoring {
            first_year: 2010,
            last_year: 2030,
        }
    }
}

fn default_language() -> String {
    "de".into()
}
fn default_base_url() -> String {
    "/".into()
}
fn default_data_license() -> String {
    DL_BY_DE.into()
}
/// Datenlizenz Deutschland – Namensnennung – Version 2.0.
pub const DL_BY_DE: &str = "http://dcat-ap.de/def/licenses/dl-by-de/2.0";
fn default_output() -> PathBuf {
    PathBuf::from("public")
}
fn default_theme() -> String {
    "default".into()
}

/// The file name of the configuration.
pub const FILE: &str = "book.toml";

const TOP_KEYS: &[&str] = &[
    "title",
    "subtitle",
    "publisher",
    "language",
    "edition",
    "date",
    "base_url",
    "output",
    "theme",
    "description",
    "notice",
    "allow_html",
    "accessibility",
    "print",
    "monitoring",
    "links",
    "data_license",
    "languages",
];

/// The keys of each section.
const SECTION_KEYS: &[(&str, &[&str])] = &[
    (
        "accessibility",
        &["reviewed", "contact_email", "contact_phone", "feedback_url"],
    ),
    (
        "print",
        &[
            "typst",
            "output",
            "brochure_paper",
            "bleed_mm",
            "crop_marks",
            "profile",
            "output_condition",
            "max_ink",
            "accept_low_resolution",
            "paper_thickness_mm",
        ],
    ),
    ("monitoring", &["first_year", "last_year"]),
    ("links", &["allowed_schemes"]),
];

/// The keys without which book.toml is incomplete.
const REQUIRED: &[&str] = &["title", "publisher", "date"];

impl Config {
    /// Reads `root/book.toml`; when it has problems, the settings that are
    /// fine and defaults for the others, so that chapters and data can
    /// still be checked in the same run. `None` only when the file cannot
    /// be read at all.
    pub fn load_lenient(root: &Path) -> (Option<Config>, Vec<Diagnostic>) {
        match Self::read(root) {
            Ok(text) => {
                let (c, problems) = Self::parse_lenient(&text);
                (Some(c), problems)
            }
            Err(e) => (None, e),
        }
    }

    /// Reads and validates `root/book.toml`.
    pub fn load(root: &Path) -> Result<Config, Vec<Diagnostic>> {
        Self::parse(&Self::read(root)?)
    }

    fn read(root: &Path) -> Result<String, Vec<Diagnostic>> {
        let text = match crate::inside::read(root, Path::new(FILE)) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(t) => t,
                Err(_) => {
                    return Err(vec![
                        Diagnostic::error(FILE, msg!("file-not-utf8")).hint(msg!("hint-save-utf8")),
                    ]);
                }
            },
            Err(e @ crate::inside::ReadError::Outside(_)) => {
                return Err(vec![e.diagnostic(Path::new(FILE))]);
            }
            Err(crate::inside::ReadError::Io(e)) => {
                return Err(vec![
                    Diagnostic::error(
                        FILE,
                        msg!("config-unreadable", reason = crate::i18n::io_reason(&e)),
                    )
                    .hint(msg!("hint-config-unreadable")),
                ]);
            }
        };
        Ok(text)
    }

    /// Parses the text of `book.toml`.
    pub fn parse(text: &str) -> Result<Config, Vec<Diagnostic>> {
        let (config, problems) = Self::parse_lenient(text);
        if problems.is_empty() {
            Ok(config)
        } else {
            Err(problems)
        }
    }

    /// Parses the text of `book.toml` and reports every problem: each
    /// syntax error, unknown key and wrong value at its place (from the
    /// `toml` parser's spans). A key with a problem is left out, so its
    /// default applies.
    pub fn parse_lenient(text: &str) -> (Config, Vec<Diagnostic>) {
        use toml::de::{DeTable, DeValue};
        let span = |r: std::ops::Range<usize>| Span::from_bytes(text, r.start, r.end);
        let (doc, syntax) = DeTable::parse_recoverable(text);
        let mut problems: Vec<Diagnostic> =
            syntax.iter().map(|e| toml_diagnostic(text, e)).collect();
        let doc_span = doc.span();
        let doc = doc.into_inner();
        let spans = Spans::of(text, &doc);
        // Unknown keys, at the top and in each section.
        let mut doc = filter(doc, |k, v| {
            let key: &str = k.get_ref();
            if !TOP_KEYS.contains(&key) {
                problems.push(unknown_key(key, TOP_KEYS, span(k.span())));
                return false;
            }
            if let Some((_, keys)) = SECTION_KEYS.iter().find(|(s, _)| *s == key)
                && let DeValue::Table(t) = v.get_mut()
            {
                *t = filter(std::mem::take(t), |sk, _| {
                    let ok = keys.contains(&&**sk.get_ref());
                    if !ok {
                        problems.push(unknown_key(sk.get_ref(), keys, span(sk.span())));
                    }
                    ok
                });
            }
            true
        });
        let missing: Vec<&str> = REQUIRED
            .iter()
            .copied()
            .filter(|k| !doc.contains_key(*k))
            .collect();
        // Wrong values: each error names its place; leave that key out and
        // try again (a bounded number of times: one per key at most).
        let mut config = None;
        for _ in 0..=TOP_KEYS.len() * 2 {
            let de =
                toml::de::Deserializer::from(toml::Spanned::new(doc_span.clone(), doc.clone()));
            match Config::deserialize(de) {
                Ok(c) => {
                    config = Some(c);
                    break;
                }
                Err(e) => {
                    let key = e.span().and_then(|at| remove_at(&mut doc, &at));
                    let Some(key) = key else {
                        problems.push(toml_diagnostic(text, &e));
                        break;
                    };
                    let msg = e.message().lines().next().unwrap_or("").trim();
                    problems.push(
                        Diagnostic::error(
                            FILE,
                            msg!("config-bad-value", key = key.as_str(), detail = msg),
                        )
                        .at_opt(e.span().map(&span))
                        .hint(msg!("hint-config-bad-value")),
                    );
                }
            }
        }
        let parsed = config.is_some();
        let mut config = config.unwrap_or_else(Config::fallback);
        config.base_url = normalise_base_url(&config.base_url);
        config.spans = spans;
        config.source = text.to_string();
        for field in &missing {
            problems.push(
                Diagnostic::error(FILE, msg!("config-missing-key", key = *field))
                    .at(Span {
                        line: 1,
                        column: 1,
                        len: 1,
                    })
                    .hint(msg!("hint-add-key", key = *field)),
            );
        }
        if parsed {
            problems.extend(config.validate(&missing));
        }
        // `[[languages]]` is read with its own spans; on a syntax error the
        // text is not valid TOML and that error is already reported.
        if syntax.is_empty() {
            config.languages = crate::languages::parse(FILE, text, &config.language, &mut problems);
        }
        (config, problems)
    }

    /// The settings used when book.toml cannot be parsed: every default,
    /// an empty title.
    fn fallback() -> Config {
        Config::deserialize(toml::de::ValueDeserializer::parse("{}").expect("an empty table"))
            .expect("every key has a default")
    }

    fn validate(&self, missing: &[&str]) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let at = |key: &str| self.spans.key(key);
        let at_print = |key: &str| self.spans.key(&format!("print.{key}"));
        if !missing.contains(&"date") && !is_iso_date(&self.date) {
            out.push(
                Diagnostic::error(
                    FILE,
                    msg!(
                        "config-not-a-date",
                        key = "date",
                        example = "2025-02-17",
                        found = &self.date
                    ),
                )
                .at_opt(at("date"))
                .hint(match crate::hints::iso_date(&self.date) {
                    Some(iso) => msg!("hint-write-iso", iso = iso),
                    None => msg!("hint-date-order"),
                }),
            );
        }
        if !self.accessibility.reviewed.is_empty() && !is_iso_date(&self.accessibility.reviewed) {
            out.push(
                Diagnostic::error(
                    FILE,
                    msg!(
                        "config-not-a-date",
                        key = "reviewed",
                        example = "2026-10-01",
                        found = &self.accessibility.reviewed
                    ),
                )
                .at_opt(at("accessibility.reviewed")),
            );
        }
        if !inside(&self.output) {
            out.push(
                Diagnostic::error(
                    FILE,
                    msg!(
                        "config-folder-outside",
                        key = "output",
                        found = self.output.display().to_string()
                    ),
                )
                .at_opt(at("output"))
                .hint(msg!(
                    "hint-folder-relative",
                    example = "public",
                    option = "--out"
                )),
            );
        }
        if !inside(&self.print.output) {
            out.push(
                Diagnostic::error(
                    FILE,
                    msg!(
                        "config-folder-outside",
                        key = "[print] output",
                        found = self.print.output.display().to_string()
                    ),
                )
                .at_opt(at_print("output"))
                .hint(msg!(
                    "hint-folder-relative",
                    example = "druck",
                    option = "--print-out"
                )),
            );
        }
        if !is_theme_name(&self.theme) {
            out.push(
                Diagnostic::error(FILE, msg!("config-theme-name", found = &self.theme))
                    .at_opt(at("theme"))
                    .hint(msg!("hint-theme-name")),
            );
        }
        if let Some(t) = &self.print.typst {
            out.push(
                Diagnostic::error(FILE, msg!("config-typst", found = t))
                    .at_opt(at_print("typst"))
                    .label(msg!("label-config-typst"))
                    .hint(msg!("hint-config-typst")),
            );
        }
        if !(0.0..=10.0).contains(&self.print.bleed_mm) {
            out.push(
                Diagnostic::error(
                    FILE,
                    msg!(
                        "config-bleed",
                        found = crate::i18n::decimal(self.print.bleed_mm)
                    ),
                )
                .at_opt(at_print("bleed_mm"))
                .hint(msg!("hint-bleed")),
            );
        }
        if !["a4", "a5", "a6"].contains(&self.print.brochure_paper.as_str()) {
            out.push(
                Diagnostic::error(
                    FILE,
                    msg!("config-paper", found = &self.print.brochure_paper),
                )
                .at_opt(at_print("brochure_paper"))
                .hint(msg!("hint-paper")),
            );
        }
        for s in &self.links.allowed_schemes {
            let name = s.to_ascii_lowercase();
            let problem = if !crate::url_policy::is_scheme_name(s) {
                Some(msg!("hint-scheme-name"))
            } else if crate::url_policy::NEVER.contains(&name.as_str()) {
                Some(msg!("hint-scheme-never"))
            } else {
                None
            };
            if let Some(hint) = problem {
                out.push(
                    Diagnostic::error(FILE, msg!("config-scheme", scheme = s))
                        .at_opt(at("links.allowed_schemes"))
                        .hint(hint),
                );
            }
        }
        out.extend(self.validate_print_colour());
        if self.monitoring.first_year > self.monitoring.last_year {
            out.push(
                Diagnostic::error(FILE, msg!("config-years")).at_opt(at("monitoring.first_year")),
            );
        }
        out
    }

    /// The place of `key =` in `[print]`, for findings about its value.
    pub fn print_key_span(&self, key: &str) -> Option<Span> {
        self.spans.key(&format!("print.{key}"))
    }

    /// The URL policy for every link of this project.
    pub fn url_policy(&self) -> crate::url_policy::Policy<'_> {
        crate::url_policy::Policy::new(&self.links.allowed_schemes)
    }

    /// `[print]`'s profile, ink limit and paper: the profile needs its
    /// output condition, the numbers must be plausible.
    fn validate_print_colour(&self) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let at = |key: &str| self.print_key_span(key);
        let p = &self.print;
        if let Some(f) = &p.profile
            && (f.is_absolute() || f.components().any(|c| c.as_os_str() == ".."))
        {
            out.push(
                Diagnostic::error(
                    FILE,
                    msg!("config-profile-outside", found = f.display().to_string()),
                )
                .at_opt(at("profile"))
                .hint(msg!("hint-profile-copy")),
            );
        }
        if p.profile.is_some() != p.output_condition.is_some() {
            let (key, missing) = if p.profile.is_some() {
                ("profile", "output_condition")
            } else {
                ("output_condition", "profile")
            };
            out.push(
                Diagnostic::error(
                    FILE,
                    msg!("config-needs-beside", key = key, missing = missing),
                )
                .at_opt(at(key))
                .hint(msg!("hint-profile-condition")),
            );
        }
        if !(100.0..=400.0).contains(&p.max_ink) {
            out.push(
                Diagnostic::error(
                    FILE,
                    msg!("config-max-ink", found = crate::i18n::decimal(p.max_ink)),
                )
                .at_opt(at("max_ink"))
                .hint(msg!("hint-max-ink")),
            );
        }
        if !(0.03..=1.0).contains(&p.paper_thickness_mm) {
            out.push(
                Diagnostic::error(
                    FILE,
                    msg!(
                        "config-paper-thickness",
                        found = crate::i18n::decimal(p.paper_thickness_mm)
                    ),
                )
                .at_opt(at("paper_thickness_mm"))
                .hint(msg!("hint-paper-thickness")),
            );
        }
        out
    }

    /// The creation date as seconds since the epoch (for `SOURCE_DATE_EPOCH`).
    pub fn date_epoch(&self) -> i64 {
        let (y, m, d) = parse_date(&self.date).unwrap_or((1970, 1, 1));
        days_from_civil(y, m, d) * 86_400
    }
}

/// `"/sub"` → `"/sub/"`, `"https://x.org/a"` → `"https://x.org/a/"`; the site
/// links relative to the page anyway, the base is for sitemap and canonical links.
fn normalise_base_url(s: &str) -> String {
    let mut s = s.trim().to_string();
    if !s.ends_with('/') {
        s.push('/');
    }
    s
}

/// Whether `base_url` is an absolute web address (`https://…/`), which the
/// sitemap, canonical links and the open-data catalogue need.
pub fn is_absolute_url(base_url: &str) -> bool {
    (base_url.starts_with("https://") || base_url.starts_with("http://"))
        && base_url.len() > "https://".len()
}

/// Whether `s` is an ISO date `YYYY-MM-DD` that exists.
pub fn is_iso_date(s: &str) -> bool {
    parse_date(s).is_some()
}

/// `YYYY-MM-DD` → (year, month, day), checking the day exists.
pub fn parse_date(s: &str) -> Option<(i64, u32, u32)> {
    let mut it = s.split('-');
    let (y, m, d) = (it.next()?, it.next()?, it.next()?);
    if it.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d): (i64, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    ((1..=12).contains(&m) && d >= 1 && d <= days[m as usize - 1]).then_some((y, m, d))
}

/// Days since 1970-01-01 (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// A relative path without `..`: a folder inside the project.
fn inside(p: &Path) -> bool {
    !p.as_os_str().is_empty()
        && p.components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
}

/// A theme is named, never a path: ASCII letters, digits, `-` and `_`.
pub fn is_theme_name(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Where `key = …` is written at the top level of `text` (book.toml).
pub fn key_span(text: &str, key: &str) -> Option<Span> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with('[') {
            return None;
        }
        if let Some(rest) = trimmed.strip_prefix(key)
            && rest.trim_start().starts_with('=')
        {
            let start = offset + (line.len() - trimmed.len());
            return Some(Span::from_bytes(text, start, start + key.len()));
        }
        offset += line.len();
    }
    None
}

type Key<'i> = toml::Spanned<toml::de::DeString<'i>>;
type Val<'i> = toml::Spanned<toml::de::DeValue<'i>>;

/// The entries of `t` for which `keep` is true.
fn filter<'i>(
    t: toml::de::DeTable<'i>,
    mut keep: impl FnMut(&Key<'i>, &mut Val<'i>) -> bool,
) -> toml::de::DeTable<'i> {
    let mut out = toml::de::DeTable::new();
    for (k, mut v) in t {
        if keep(&k, &mut v) {
            out.insert(k, v);
        }
    }
    out
}

/// Removes the key whose value lies at the byte range `at` (in a section
/// too) and returns its path (`print.bleed_mm`); `None` when no key is there.
fn remove_at(doc: &mut toml::de::DeTable, at: &std::ops::Range<usize>) -> Option<String> {
    use toml::de::DeValue;
    let contains =
        |r: std::ops::Range<usize>| r.start <= at.start && at.end <= r.end.max(r.start + 1);
    let mut removed = None;
    *doc = filter(std::mem::take(doc), |k, v| {
        if removed.is_some() {
            return true;
        }
        // A section's own span may be just its `[header]`: look inside.
        if let DeValue::Table(t) = v.get_mut() {
            *t = filter(std::mem::take(t), |sk, sv| {
                let hit = removed.is_none() && (contains(sv.span()) || contains(sk.span()));
                if hit {
                    removed = Some(format!("{}.{}", k.get_ref(), sk.get_ref()));
                }
                !hit
            });
            if removed.is_some() {
                return true;
            }
        }
        if contains(v.span()) || contains(k.span()) {
            removed = Some(k.get_ref().to_string());
            return false;
        }
        true
    });
    removed
}

/// An unknown key, with the nearest known one.
fn unknown_key(field: &str, known: &[&str], span: Span) -> Diagnostic {
    let d = Diagnostic::error(FILE, msg!("config-unknown-key", key = field))
        .at(span)
        .label(msg!("label-unknown-key"));
    match suggest(field, known.iter().copied()) {
        Some(s) => d.hint(msg!("hint-did-you-mean", name = s)),
        None => d.hint(msg!("hint-known-keys", keys = known.join(", "))),
    }
}

fn toml_diagnostic(text: &str, e: &toml::de::Error) -> Diagnostic {
    let span = e.span().map(|r| Span::from_bytes(text, r.start, r.end));
    let msg = e.message().trim();
    let msg = msg.lines().next().unwrap_or(msg);
    Diagnostic::error(FILE, msg!("config-invalid", detail = msg))
        .at_opt(span)
        .hint(msg!("hint-toml-syntax"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    const MIN: &str = "title = \"T\"\npublisher = \"P\"\ndate = \"2025-02-17\"\n";

    #[test]
    fn minimal_config_loads_with_defaults() {
        let c = Config::parse(MIN).unwrap();
        assert_eq!(c.output, PathBuf::from("public"));
        assert_eq!(c.base_url, "/");
        assert_eq!(c.print.bleed_mm, 3.0);
    }

    #[test]
    fn unknown_key_suggests_the_right_one() {
        let errs = Config::parse(&format!("{MIN}subtitel = \"x\"\n")).unwrap_err();
        assert_eq!(
            errs[0].message.render(Lang::De),
            "Unbekannte Einstellung „subtitel“"
        );
        assert_eq!(errs[0].span.unwrap().line, 4);
        assert_eq!(errs[0].hints[0].render(Lang::De), "Meinten Sie „subtitle“?");
    }

    #[test]
    fn bad_date_is_reported_at_its_line() {
        let errs =
            Config::parse("title = \"T\"\npublisher = \"P\"\ndate = \"17.02.2025\"\n").unwrap_err();
        assert_eq!(
            errs[0].message.render(Lang::De),
            "„date“ muss ein Datum wie „2025-02-17“ sein, gefunden wurde „17.02.2025“"
        );
        assert_eq!(errs[0].span.unwrap().line, 3);
    }

    #[test]
    fn print_output_theme_and_typst_are_checked_at_their_place() {
        let errs = Config::parse(&format!(
            "{MIN}output = \"public\"\ntheme = \"../../x\"\n[print]\ntypst = \"./x.sh\"\noutput = \"/abs\"\n"
        ))
        .unwrap_err();
        let found: Vec<(String, usize, usize)> = errs
            .iter()
            .map(|d| {
                (
                    d.message.render(Lang::En),
                    d.span.unwrap().line,
                    d.span.unwrap().column,
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                (
                    "`[print] output` must be a folder inside the project, found `/abs`".into(),
                    8,
                    1
                ),
                (
                    "`theme` must be the name of a theme, found `../../x`".into(),
                    5,
                    1
                ),
                (
                    "book.toml cannot choose the typst program, found `./x.sh`".into(),
                    7,
                    1
                ),
            ]
        );
        assert!(Config::parse(&format!("{MIN}[print]\noutput = \"../druck\"\n")).is_err());
        assert!(Config::parse(&format!("{MIN}theme = \"/etc\"\n")).is_err());
        assert!(
            Config::parse(&format!(
                "{MIN}theme = \"kreis_2\"\n[print]\noutput = \"out/druck\"\n"
            ))
            .is_ok()
        );
    }

    #[test]
    fn the_printers_profile_needs_its_condition_and_stays_inside() {
        let errs =
            Config::parse(&format!("{MIN}[print]\nprofile = \"farbe/x.icc\"\n")).unwrap_err();
        assert_eq!(
            errs[0].message.render(crate::i18n::Lang::En),
            "`profile` needs `output_condition` beside it"
        );
        assert!(errs[0].span.is_some());
        let errs = Config::parse(&format!(
            "{MIN}[print]\nprofile = \"../x.icc\"\noutput_condition = \"FOGRA51\"\nmax_ink = 500\n"
        ))
        .unwrap_err();
        let msgs: Vec<String> = errs
            .iter()
            .map(|e| e.message.render(crate::i18n::Lang::En))
            .collect();
        assert!(
            msgs[0].starts_with("`profile` must be a file inside the project"),
            "{msgs:?}"
        );
        assert!(
            msgs[1].starts_with("`max_ink` must be between 100 and 400 %"),
            "{msgs:?}"
        );
        let ok = Config::parse(&format!(
            "{MIN}[print]\nprofile = \"farbe/x.icc\"\noutput_condition = \"FOGRA51\"\n"
        ))
        .unwrap();
        assert_eq!(ok.print.output_condition.as_deref(), Some("FOGRA51"));
        assert_eq!(ok.print.max_ink, 300.0);
    }

    #[test]
    fn epoch_of_known_date() {
        let c = Config::parse(MIN).unwrap();
        assert_eq!(c.date_epoch(), 1_739_750_400);
    }
}
