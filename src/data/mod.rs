//! Everything under `data/`: typed records, loaded and cross-checked once.
//!
//! Steps: read each file (a broken file is one error, the others still
//! load), then [`validate::check`] every reference between records.

pub mod akteure;
pub mod languages;
pub mod monitoring;
pub mod records;
pub mod validate;
pub mod yaml;

use crate::diag::{Diagnostic, Diagnostics};
use crate::msg;
pub use records::*;
use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};

/// The folder of the records, relative to the project root.
pub const DIR: &str = "data";

/// All records of a publication.
#[derive(Debug, Default, Clone)]
pub struct Data {
    pub handlungsfelder: Vec<Handlungsfeld>,
    pub zielgruppen: Vec<Zielgruppe>,
    /// Sorted by name.
    pub kommunen: Vec<Kommune>,
    pub empfehlungen: Vec<Empfehlung>,
    pub massnahmen: Vec<Massnahme>,
    pub indikatoren: Vec<Indikator>,
    /// The actors (`akteure.yaml`), in the file's order.
    pub akteure: Vec<Akteur>,
    pub werte: monitoring::Werte,
    /// Files that could not be read; their errors are reported already.
    pub unread: Unread,
    /// The text of every YAML file read, for checks over the whole text
    /// (characters the PDFs cannot print).
    pub texts: Vec<(PathBuf, String)>,
}

/// The data files that could not be read (broken YAML, not UTF-8 …). A
/// reference to a record that may live in one of them is not reported as
/// dangling: the editor sees the one real error, not a cascade of follow-ups.
#[derive(Debug, Default, Clone)]
pub struct Unread {
    /// File names under `data/`, e.g. `empfehlungen.yaml`, of which nothing loaded.
    pub lists: Vec<&'static str>,
    /// Single records that did not load, by file name; the file's other
    /// records did.
    pub records: Vec<(&'static str, yaml::Failed)>,
    /// Slugs of the municipalities whose files did not load.
    pub kommunen: Vec<String>,
    /// (file, top-level field) left out of a municipality's file that
    /// loaded without it, e.g. (`data/kommunen/verl.yaml`, `angebote`).
    pub fields: Vec<(PathBuf, String)>,
}

impl Unread {
    /// Whether the record with `id` may be in `file` (e.g.
    /// `handlungsfelder.yaml`) but could not be read.
    pub fn list(&self, file: &str, id: &str) -> bool {
        self.refers(file, "id", id)
    }

    /// Whether a record of `file` that could not be read may have `value`
    /// in `field` (e.g. a measure whose `empfehlung` is `SB-1`).
    pub fn refers(&self, file: &str, field: &str, value: &str) -> bool {
        self.lists.contains(&file)
            || self
                .records
                .iter()
                .any(|(f, r)| *f == file && r.may_have(field, value))
    }

    /// Every id of `file`'s records that could not be read but whose id is
    /// known (for `konzept new`, which must not reuse one).
    pub fn ids<'a>(&'a self, file: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.records
            .iter()
            .filter(move |(f, _)| *f == file)
            .filter_map(|(_, r)| r.fields.as_ref()?.get("id")?.first())
            .map(String::as_str)
    }

    /// Whether `field` of the municipality file `file` was left out.
    pub fn field(&self, file: &Path, field: &str) -> bool {
        self.fields.iter().any(|(f, k)| f == file && k == field)
    }

    /// Whether the municipality `slug` may exist but could not be read.
    pub fn kommune(&self, slug: &str) -> bool {
        self.kommunen.iter().any(|k| k == slug)
    }
}

/// A file's path relative to the root, for diagnostics.
pub fn rel(file: &str) -> PathBuf {
    Path::new(DIR).join(file)
}

fn read_text(root: &Path, rel_path: &Path, diags: &mut Diagnostics) -> Option<String> {
    match crate::inside::read(root, rel_path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            // A byte order mark (some Windows editors write one) is accepted.
            Ok(t) => Some(match t.strip_prefix('\u{feff}') {
                Some(rest) => rest.to_string(),
                None => t,
            }),
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
                diags.push(
                    Diagnostic::error(rel_path, msg!("file-not-utf8"))
                        .at(crate::diag::Span::from_bytes(&text, at, at + 1))
                        .hint(msg!("hint-save-utf8")),
                );
                None
            }
        },
        Err(e) if e.is_not_found() => None,
        Err(e) => {
            diags.push(e.diagnostic(rel_path));
            None
        }
    }
}

fn load_list<T: DeserializeOwned>(
    root: &Path,
    name: &'static str,
    required: bool,
    diags: &mut Diagnostics,
    (unread, texts): (&mut Unread, &mut Vec<(PathBuf, String)>),
) -> Vec<T> {
    let errors = diags.error_count();
    let mut failed = Vec::new();
    let list = read_list(root, name, required, diags, (texts, &mut failed));
    if failed.is_empty() && diags.error_count() > errors {
        unread.lists.push(name);
    }
    unread.records.extend(failed.into_iter().map(|f| (name, f)));
    list
}

fn read_list<T: DeserializeOwned>(
    root: &Path,
    name: &str,
    required: bool,
    diags: &mut Diagnostics,
    (texts, failed): (&mut Vec<(PathBuf, String)>, &mut Vec<yaml::Failed>),
) -> Vec<T> {
    let path = rel(name);
    if required && !root.join(&path).exists() {
        diags.push(
            Diagnostic::error(
                &path,
                msg!("data-file-missing", file = path.display().to_string()),
            )
            .hint(msg!("hint-data-file-missing")),
        );
        return Vec::new();
    }
    let Some(text) = read_text(root, &path, diags) else {
        return Vec::new();
    };
    if text.trim().is_empty() {
        return Vec::new();
    }
    let records = yaml::parse_records::<T>(&text, &path);
    diags.extend(records.errors);
    if !records.lost {
        failed.extend(records.failed);
    }
    texts.push((path, text));
    records.items
}

impl Data {
    /// Reads `root/data/` and checks every reference; problems go to `diags`.
    pub fn load(root: &Path, period: (i32, i32), diags: &mut Diagnostics) -> Data {
        let mut unread = Unread::default();
        let mut texts = Vec::new();
        let handlungsfelder = load_list(
            root,
            "handlungsfelder.yaml",
            true,
            diags,
            (&mut unread, &mut texts),
        );
        let zielgruppen = load_list(
            root,
            "zielgruppen.yaml",
            true,
            diags,
            (&mut unread, &mut texts),
        );
        let kommunen = load_kommunen(root, diags, (&mut unread, &mut texts));
        let empfehlungen = load_list(
            root,
            "empfehlungen.yaml",
            true,
            diags,
            (&mut unread, &mut texts),
        );
        let massnahmen = load_list(
            root,
            "massnahmen.yaml",
            false,
            diags,
            (&mut unread, &mut texts),
        );
        let indikatoren = load_list(
            root,
            "indikatoren.yaml",
            false,
            diags,
            (&mut unread, &mut texts),
        );
        let akteure = load_list(
            root,
            "akteure.yaml",
            false,
            diags,
            (&mut unread, &mut texts),
        );
        let mut data = Data {
            akteure,
            handlungsfelder,
            zielgruppen,
            kommunen,
            empfehlungen,
            massnahmen,
            indikatoren,
            werte: Default::default(),
            unread,
            texts,
        };
        data.handlungsfelder.sort_by_key(|h| h.nummer);
        data.werte = monitoring::load(root, &data, period, diags);
        validate::check(&data, diags);
        akteure::check(&data, diags);
        data
    }

    pub fn handlungsfeld(&self, id: &str) -> Option<&Handlungsfeld> {
        self.handlungsfelder.iter().find(|h| h.id.value == id)
    }
    pub fn zielgruppe(&self, id: &str) -> Option<&Zielgruppe> {
        self.zielgruppen.iter().find(|z| z.id.value == id)
    }
    pub fn kommune(&self, slug: &str) -> Option<&Kommune> {
        self.kommunen.iter().find(|k| k.slug == slug)
    }
    pub fn empfehlung(&self, id: &str) -> Option<&Empfehlung> {
        self.empfehlungen.iter().find(|e| e.id.value == id)
    }
    pub fn massnahme(&self, id: &str) -> Option<&Massnahme> {
        self.massnahmen.iter().find(|m| m.id.value == id)
    }
    pub fn indikator(&self, id: &str) -> Option<&Indikator> {
        self.indikatoren.iter().find(|i| i.id.value == id)
    }
    pub fn akteur(&self, id: &str) -> Option<&Akteur> {
        self.akteure.iter().find(|a| a.id.value == id)
    }
    /// The measures implementing a recommendation.
    pub fn massnahmen_of<'a>(
        &'a self,
        empfehlung: &'a str,
    ) -> impl Iterator<Item = &'a Massnahme> + 'a {
        self.massnahmen
            .iter()
            .filter(move |m| m.empfehlung.value == empfehlung)
    }
    /// The field of action a measure belongs to, through its recommendation.
    pub fn handlungsfeld_of(&self, m: &Massnahme) -> Option<&str> {
        self.empfehlung(&m.empfehlung)
            .map(|e| e.handlungsfeld.value.as_str())
    }
}

fn load_kommunen(
    root: &Path,
    diags: &mut Diagnostics,
    (unread, texts): (&mut Unread, &mut Vec<(PathBuf, String)>),
) -> Vec<Kommune> {
    let dir = root.join(DIR).join("kommunen");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml" || x == "yml"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let slug = file
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let path = rel("kommunen").join(file.file_name().unwrap_or_default());
        if !is_slug(&slug) {
            diags.push(
                Diagnostic::error(&path, msg!("file-name-not-slug", name = &slug)).hint(msg!(
                    "hint-slug-example",
                    example = "rheda-wiedenbrueck.yaml"
                )),
            );
            continue;
        }
        let Some(text) = read_text(root, &path, diags) else {
            unread.kommunen.push(slug);
            continue;
        };
        let fields = yaml::parse_fields::<Kommune>(&text, &path, 0);
        diags.extend(fields.errors);
        match fields.value {
            Some(mut k) => {
                for key in fields.dropped {
                    unread.fields.push((path.clone(), key));
                }
                k.slug = slug;
                k.angebote_at = key_span(&text, "angebote").or_else(|| key_span(&text, "name"));
                out.push(k);
            }
            None => unread.kommunen.push(slug),
        }
        texts.push((path, text));
    }
    out.sort_by(|a, b| crate::text::german_cmp(&a.name, &b.name));
    out
}

/// The position of a top-level `key:` in YAML text.
pub fn key_span(text: &str, key: &str) -> Option<crate::diag::Span> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line
            .strip_prefix(key)
            .is_some_and(|rest| rest.starts_with(':'))
        {
            return Some(crate::diag::Span::from_bytes(
                text,
                offset,
                offset + key.len(),
            ));
        }
        offset += line.len();
    }
    None
}

/// The longest id konzept accepts.
pub const ID_MAX: usize = 64;

/// A record id (measures, recommendations): an ASCII letter or digit, then
/// letters, digits, `-` and `_`, at most [`ID_MAX`] characters. Ids become
/// file names and web addresses, so nothing else may be in them.
pub fn is_id(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b.len() <= ID_MAX
        && b[0].is_ascii_alphanumeric()
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || *c == b'-' || *c == b'_')
}

/// Lower-case ASCII letters, digits and inner hyphens.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_names_not_paths() {
        for ok in ["M-001", "SB-1", "m_2", "7", &"a".repeat(ID_MAX)] {
            assert!(is_id(ok), "{ok}");
        }
        for bad in [
            "",
            "../../../ESCAPED",
            "-M1",
            "_M1",
            "M 1",
            "M/1",
            "M.1",
            "Mä",
            "M-1\n",
            &"a".repeat(ID_MAX + 1),
        ] {
            assert!(!is_id(bad), "{bad:?}");
        }
    }
}
