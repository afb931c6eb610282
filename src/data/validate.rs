//! Cross-checks between records: unique ids, references that resolve, dates
//! that exist. Every problem points at the value that caused it.

use super::yaml::Sp;
use super::{Data, KREISWEIT, rel};
use crate::diag::{Diagnostic, Diagnostics, suggest};
use crate::msg;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Runs every check and adds its findings to `diags`.
pub fn check(data: &Data, diags: &mut Diagnostics) {
    unique(
        diags,
        &rel("handlungsfelder.yaml"),
        "handlungsfeld",
        data.handlungsfelder.iter().map(|h| &h.id),
    );
    unique(
        diags,
        &rel("zielgruppen.yaml"),
        "zielgruppe",
        data.zielgruppen.iter().map(|z| &z.id),
    );
    unique(
        diags,
        &rel("empfehlungen.yaml"),
        "empfehlung",
        data.empfehlungen.iter().map(|e| &e.id),
    );
    unique(
        diags,
        &rel("massnahmen.yaml"),
        "massnahme",
        data.massnahmen.iter().map(|m| &m.id),
    );
    unique(
        diags,
        &rel("indikatoren.yaml"),
        "indikator",
        data.indikatoren.iter().map(|i| &i.id),
    );
    unique(
        diags,
        &rel("akteure.yaml"),
        "akteur",
        data.akteure.iter().map(|a| &a.id),
    );
    for (file, what, ids) in [
        (
            "akteure.yaml",
            "akteur",
            data.akteure.iter().map(|a| &a.id).collect::<Vec<_>>(),
        ),
        (
            "empfehlungen.yaml",
            "empfehlung",
            data.empfehlungen.iter().map(|e| &e.id).collect(),
        ),
        (
            "massnahmen.yaml",
            "massnahme",
            data.massnahmen.iter().map(|m| &m.id).collect(),
        ),
    ] {
        for id in ids {
            if !super::is_id(id) {
                diags.push(bad_id(&rel(file), what, id));
            }
        }
    }
    for id in data
        .handlungsfelder
        .iter()
        .map(|h| &h.id)
        .chain(data.zielgruppen.iter().map(|z| &z.id))
    {
        if !super::is_slug(id) {
            diags.push(
                Diagnostic::error(
                    rel(file_of_slug(data, id)),
                    msg!("id-not-slug", id = &id.value),
                )
                .at_opt(id.span)
                .hint(msg!("hint-slug-chars")),
            );
        }
    }
    let refs = Refs::new(data);
    empfehlungen(data, &refs, diags);
    massnahmen(data, &refs, diags);
    kommunen(data, &refs, diags);
    let file = rel("indikatoren.yaml");
    for i in &data.indikatoren {
        refs.field(diags, &file, &i.handlungsfeld);
    }
}

fn file_of_slug(data: &Data, id: &Sp<String>) -> &'static str {
    if data.handlungsfelder.iter().any(|h| std::ptr::eq(&h.id, id)) {
        "handlungsfelder.yaml"
    } else {
        "zielgruppen.yaml"
    }
}

/// An id that does not match [`super::is_id`]; it would become part of a
/// path and a web address.
fn bad_id(file: &Path, what: &str, id: &Sp<String>) -> Diagnostic {
    Diagnostic::error(file, msg!("id-invalid", kind = what, id = &id.value))
        .at_opt(id.span)
        .label(msg!("label-id-invalid"))
        .hint(msg!("hint-id-form", max = super::ID_MAX))
}

/// Reports the second use of an id, compared without regard to case: ids
/// become web addresses and file names, where `M-001` and `m-001` meet.
pub(super) fn unique<'a>(
    diags: &mut Diagnostics,
    file: &Path,
    what: &str,
    ids: impl Iterator<Item = &'a Sp<String>>,
) {
    let mut first: HashMap<String, &Sp<String>> = HashMap::new();
    for id in ids {
        let folded = id.value.to_lowercase();
        if let Some(prev) = first.get(&folded) {
            let same = prev.value == id.value;
            let message = if same {
                msg!("id-twice", kind = what, id = &id.value)
            } else {
                msg!(
                    "id-twice-case",
                    kind = what,
                    id = &id.value,
                    other = &prev.value
                )
            };
            let mut d = Diagnostic::error(file, message)
                .at_opt(id.span)
                .label(msg!("label-second-use"));
            if let Some(s) = prev.span {
                d = d.hint(if same {
                    msg!("hint-id-first-use", line = s.line)
                } else {
                    msg!("hint-id-case", other = &prev.value, line = s.line)
                });
            }
            diags.push(d);
        } else {
            first.insert(folded, id);
        }
    }
}

/// Id lookups with "did you mean" hints; a record whose file could not be
/// read is not reported missing (that file's error says it all).
pub(super) struct Refs<'a> {
    data: &'a Data,
}

impl<'a> Refs<'a> {
    pub(super) fn new(data: &'a Data) -> Self {
        Refs { data }
    }

    fn missing(
        diags: &mut Diagnostics,
        file: &Path,
        what: &str,
        value: &Sp<String>,
        known: Vec<&str>,
        home: &str,
    ) {
        let mut d = Diagnostic::error(file, msg!("ref-unknown", kind = what, id = &value.value))
            .at_opt(value.span)
            .label(msg!("label-ref-unknown", kind = what));
        if let Some(s) = suggest(&value.value, known.iter().copied()) {
            d = d.hint(msg!("hint-did-you-mean", name = s));
        }
        diags.push(d.hint(msg!("hint-ref-home", kind = what, home = home)));
    }

    pub(super) fn field(&self, diags: &mut Diagnostics, file: &Path, id: &Sp<String>) {
        if self.data.handlungsfeld(id).is_none()
            && !self.data.unread.list("handlungsfelder.yaml", id)
        {
            let known = self
                .data
                .handlungsfelder
                .iter()
                .map(|h| h.id.value.as_str())
                .collect();
            Self::missing(
                diags,
                file,
                "handlungsfeld",
                id,
                known,
                "data/handlungsfelder.yaml",
            );
        }
    }

    pub(super) fn group(&self, diags: &mut Diagnostics, file: &Path, id: &Sp<String>) {
        if self.data.zielgruppe(id).is_none() && !self.data.unread.list("zielgruppen.yaml", id) {
            let known = self
                .data
                .zielgruppen
                .iter()
                .map(|z| z.id.value.as_str())
                .collect();
            Self::missing(
                diags,
                file,
                "zielgruppe",
                id,
                known,
                "data/zielgruppen.yaml",
            );
        }
    }

    pub(super) fn kommune(&self, diags: &mut Diagnostics, file: &Path, id: &Sp<String>) {
        if self.data.kommune(id).is_none() && !self.data.unread.kommune(id) {
            let known = self
                .data
                .kommunen
                .iter()
                .map(|k| k.slug.as_str())
                .chain([KREISWEIT])
                .collect();
            Self::missing(diags, file, "kommune", id, known, "data/kommunen/");
        }
    }

    /// An actor id (`anbieter`, `verantwortlich`, `partner`).
    pub(super) fn akteur(&self, diags: &mut Diagnostics, file: &Path, id: &Sp<String>) {
        if self.data.akteur(id).is_none() && !self.data.unread.list("akteure.yaml", id) {
            let known = self
                .data
                .akteure
                .iter()
                .map(|a| a.id.value.as_str())
                .collect();
            Self::missing(diags, file, "akteur", id, known, "data/akteure.yaml");
        }
    }

    fn empfehlung(&self, diags: &mut Diagnostics, file: &Path, id: &Sp<String>) {
        if self.data.empfehlung(id).is_none() && !self.data.unread.list("empfehlungen.yaml", id) {
            let known = self
                .data
                .empfehlungen
                .iter()
                .map(|e| e.id.value.as_str())
                .collect();
            Self::missing(
                diags,
                file,
                "empfehlung",
                id,
                known,
                "data/empfehlungen.yaml",
            );
        }
    }
}

fn empfehlungen(data: &Data, refs: &Refs, diags: &mut Diagnostics) {
    let file = rel("empfehlungen.yaml");
    for e in &data.empfehlungen {
        refs.field(diags, &file, &e.handlungsfeld);
        for z in &e.zielgruppen {
            refs.group(diags, &file, z);
        }
        if let Some(h) = data.handlungsfeld(&e.handlungsfeld)
            && !e.id.value.starts_with(&format!("{}-", h.kuerzel))
        {
            diags.push(
                Diagnostic::warning(
                    &file,
                    msg!("id-prefix", id = &e.id.value, prefix = &h.kuerzel),
                )
                .at_opt(e.id.span)
                .hint(msg!(
                    "hint-id-prefix",
                    title = &h.titel,
                    prefix = &h.kuerzel
                )),
            );
        }
    }
}

fn massnahmen(data: &Data, refs: &Refs, diags: &mut Diagnostics) {
    let file = rel("massnahmen.yaml");
    for m in &data.massnahmen {
        refs.empfehlung(diags, &file, &m.empfehlung);
        for a in m.verantwortlich.iter().chain(&m.partner) {
            refs.akteur(diags, &file, a);
        }
        if m.verantwortlich.is_empty() && m.zustaendig.is_none() {
            diags.push(
                Diagnostic::error(&file, msg!("measure-no-responsible", id = &m.id.value))
                    .at_opt(m.id.span)
                    .hint(msg!("hint-measure-no-responsible")),
            );
        }
        if m.kommunen.is_empty() {
            diags.push(
                Diagnostic::error(&file, msg!("measure-no-kommune", id = &m.id.value))
                    .at_opt(m.id.span)
                    .hint(msg!("hint-kreisweit")),
            );
        }
        for k in &m.kommunen {
            if k.value == KREISWEIT {
                if m.kommunen.len() > 1 {
                    diags.push(
                        Diagnostic::error(&file, msg!("measure-kreisweit-mixed"))
                            .at_opt(k.span)
                            .hint(msg!("hint-kreisweit-mixed")),
                    );
                }
            } else {
                refs.kommune(diags, &file, k);
            }
        }
        let von = month(diags, &file, &m.zeitraum.von);
        if let Some(bis) = &m.zeitraum.bis
            && let (Some(v), Some(b)) = (von, month(diags, &file, bis))
            && b < v
        {
            diags.push(
                Diagnostic::error(
                    &file,
                    msg!(
                        "period-reversed",
                        bis = &bis.value,
                        von = &m.zeitraum.von.value
                    ),
                )
                .at_opt(bis.span)
                .hint(msg!("hint-period-reversed")),
            );
        }
        let mut last: Option<&str> = None;
        for v in &m.verlauf {
            if !crate::config::is_iso_date(&v.datum) {
                diags.push(date_error(&file, &v.datum, "2025-09-01"));
            } else if last.is_some_and(|l| l > v.datum.value.as_str()) {
                diags.push(
                    Diagnostic::error(&file, msg!("history-order", id = &m.id.value))
                        .at_opt(v.datum.span)
                        .hint(msg!("hint-history-order")),
                );
            }
            last = Some(&v.datum.value);
        }
        if let Some(v) = m.verlauf.last()
            && v.status != m.status.value
        {
            diags.push(
                Diagnostic::error(
                    &file,
                    msg!(
                        "history-status",
                        id = &m.id.value,
                        last = v.status.key(),
                        status = m.status.key()
                    ),
                )
                .at_opt(m.status.span)
                .hint(msg!("hint-history-status")),
            );
        }
    }
}

/// Parses `YYYY-MM` into a comparable number, reporting a bad value.
fn month(diags: &mut Diagnostics, file: &Path, v: &Sp<String>) -> Option<u32> {
    let parsed = v.value.split_once('-').and_then(|(y, m)| {
        let (y, m): (u32, u32) = (y.parse().ok()?, m.parse().ok()?);
        (v.value.len() == 7 && (1..=12).contains(&m)).then_some(y * 12 + m)
    });
    if parsed.is_none() {
        diags.push(
            Diagnostic::error(file, msg!("expected-month", found = &v.value))
                .at_opt(v.span)
                .hint(match crate::hints::iso_month(&v.value) {
                    Some(iso) => msg!("hint-write-iso", iso = iso),
                    None => msg!("hint-month"),
                }),
        );
    }
    parsed
}

fn date_error(file: &Path, v: &Sp<String>, example: &str) -> Diagnostic {
    Diagnostic::error(
        file,
        msg!("expected-date", example = example, found = &v.value),
    )
    .at_opt(v.span)
    .hint(match crate::hints::iso_date(&v.value) {
        Some(iso) => msg!("hint-write-iso", iso = iso),
        None => msg!("hint-date-order"),
    })
}

fn kommunen(data: &Data, refs: &Refs, diags: &mut Diagnostics) {
    for k in &data.kommunen {
        let file: PathBuf = rel("kommunen").join(format!("{}.yaml", k.slug));
        if !crate::config::is_iso_date(&k.einwohner.stand) {
            diags.push(date_error(&file, &k.einwohner.stand, "2018-01-01"));
        }
        for a in &k.angebote {
            match &a.anbieter {
                Some(id) => refs.akteur(diags, &file, id),
                None if a.traeger.is_none() => diags.push(
                    Diagnostic::error(&file, msg!("offer-no-provider", title = &a.titel.value))
                        .at_opt(a.titel.span)
                        .hint(msg!("hint-offer-no-provider")),
                ),
                None => {}
            }
            for z in &a.zielgruppen {
                refs.group(diags, &file, z);
            }
            sprachen(diags, &file, &a.sprachen);
            if let Some(url) = &a.url {
                web_address(diags, &file, url);
            }
            if a.url.is_none() && a.kontakt.as_deref().is_none_or(str::is_empty) {
                diags.push(
                    Diagnostic::error(&file, msg!("offer-unreachable", title = &a.titel.value))
                        .at_opt(a.titel.span)
                        .hint(msg!("hint-offer-unreachable")),
                );
            }
        }
    }
}

/// Language codes that konzept knows, with a "did you mean" for typos.
pub(super) fn sprachen(diags: &mut Diagnostics, file: &Path, codes: &[Sp<String>]) {
    for s in codes {
        if !super::languages::is_known(s) {
            let mut d = Diagnostic::error(file, msg!("language-unknown", code = &s.value))
                .at_opt(s.span)
                .hint(msg!("hint-language-codes"));
            if let Some(x) = suggest(&s.value, super::languages::CODES.iter().copied()) {
                d = d.hint(msg!("hint-did-you-mean", name = x));
            }
            diags.push(d);
        }
    }
}

/// A web address an editor wrote must be a full `http(s)` address.
pub(super) fn web_address(diags: &mut Diagnostics, file: &Path, url: &Sp<String>) {
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        diags.push(
            Diagnostic::error(file, msg!("url-no-scheme", url = &url.value))
                .at_opt(url.span)
                .hint(msg!("hint-url-copy")),
        );
    }
}
