//! Cross-checks between records: unique ids, references that resolve, dates
//! that exist. Every problem points at the value that caused it.

use super::yaml::Sp;
use super::{Data, KREISWEIT, rel};
use crate::diag::{Diagnostic, Diagnostics, suggest};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Runs every check and adds its findings to `diags`.
pub fn check(data: &Data, diags: &mut Diagnostics) {
    unique(
        diags,
        &rel("handlungsfelder.yaml"),
        "field of action",
        data.handlungsfelder.iter().map(|h| &h.id),
    );
    unique(
        diags,
        &rel("zielgruppen.yaml"),
        "focus group",
        data.zielgruppen.iter().map(|z| &z.id),
    );
    unique(
        diags,
        &rel("empfehlungen.yaml"),
        "recommendation",
        data.empfehlungen.iter().map(|e| &e.id),
    );
    unique(
        diags,
        &rel("massnahmen.yaml"),
        "measure",
        data.massnahmen.iter().map(|m| &m.id),
    );
    unique(
        diags,
        &rel("indikatoren.yaml"),
        "indicator",
        data.indikatoren.iter().map(|i| &i.id),
    );
    for (file, what, ids) in [
        (
            "empfehlungen.yaml",
            "recommendation",
            data.empfehlungen.iter().map(|e| &e.id).collect::<Vec<_>>(),
        ),
        (
            "massnahmen.yaml",
            "measure",
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
                    format!("the id `{}` cannot be used in a web address", id.value),
                )
                .at_opt(id.span)
                .hint("use lower-case letters, digits and hyphens"),
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
    Diagnostic::error(
        file,
        format!("the {what} id `{}` cannot be used in a web address", id.value),
    )
    .at_opt(id.span)
    .label("not a valid id")
    .hint(format!(
        "an id starts with a letter or digit and has only letters, digits, `-` and `_` (at most {} characters), e.g. `M-017`",
        super::ID_MAX
    ))
}

/// Reports the second use of an id, compared without regard to case: ids
/// become web addresses and file names, where `M-001` and `m-001` meet.
fn unique<'a>(
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
                format!("the {what} id `{}` is used twice", id.value)
            } else {
                format!(
                    "the {what} id `{}` is used twice: `{}` differs only in capitals",
                    id.value, prev.value
                )
            };
            let mut d = Diagnostic::error(file, message)
                .at_opt(id.span)
                .label("second use");
            if let Some(s) = prev.span {
                d = d.hint(if same {
                    format!(
                        "it is first used on line {}; give this record a new id",
                        s.line
                    )
                } else {
                    format!(
                        "`{}` is on line {}; both would get the same web address, so give this record a new id",
                        prev.value, s.line
                    )
                });
            }
            diags.push(d);
        } else {
            first.insert(folded, id);
        }
    }
}

/// `field of action` → `fields of action`, for hints.
fn plural(what: &str) -> String {
    match what {
        "field of action" => "fields of action".into(),
        "municipality" => "municipalities".into(),
        w => format!("{w}s"),
    }
}

/// Id lookups with "did you mean" hints; a record whose file could not be
/// read is not reported missing (that file's error says it all).
struct Refs<'a> {
    data: &'a Data,
}

impl<'a> Refs<'a> {
    fn new(data: &'a Data) -> Self {
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
        let mut d = Diagnostic::error(file, format!("unknown {what} `{}`", value.value))
            .at_opt(value.span)
            .label(format!("no {what} has this id"));
        if let Some(s) = suggest(&value.value, known.iter().copied()) {
            d = d.hint(format!("did you mean `{s}`?"));
        }
        diags.push(d.hint(format!("{} are defined in {home}", plural(what))));
    }

    fn field(&self, diags: &mut Diagnostics, file: &Path, id: &Sp<String>) {
        if self.data.handlungsfeld(id).is_none() && !self.data.unread.list("handlungsfelder.yaml") {
            let known = self
                .data
                .handlungsfelder
                .iter()
                .map(|h| h.id.value.as_str())
                .collect();
            Self::missing(
                diags,
                file,
                "field of action",
                id,
                known,
                "data/handlungsfelder.yaml",
            );
        }
    }

    fn group(&self, diags: &mut Diagnostics, file: &Path, id: &Sp<String>) {
        if self.data.zielgruppe(id).is_none() && !self.data.unread.list("zielgruppen.yaml") {
            let known = self
                .data
                .zielgruppen
                .iter()
                .map(|z| z.id.value.as_str())
                .collect();
            Self::missing(
                diags,
                file,
                "focus group",
                id,
                known,
                "data/zielgruppen.yaml",
            );
        }
    }

    fn kommune(&self, diags: &mut Diagnostics, file: &Path, id: &Sp<String>) {
        if self.data.kommune(id).is_none() && !self.data.unread.kommune(id) {
            let known = self
                .data
                .kommunen
                .iter()
                .map(|k| k.slug.as_str())
                .chain([KREISWEIT])
                .collect();
            Self::missing(
                diags,
                file,
                "municipality",
                id,
                known,
                "data/kommunen/ (one file each)",
            );
        }
    }

    fn empfehlung(&self, diags: &mut Diagnostics, file: &Path, id: &Sp<String>) {
        if self.data.empfehlung(id).is_none() && !self.data.unread.list("empfehlungen.yaml") {
            let known = self
                .data
                .empfehlungen
                .iter()
                .map(|e| e.id.value.as_str())
                .collect();
            Self::missing(
                diags,
                file,
                "recommendation",
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
                    format!(
                        "the id `{}` does not start with `{}-`",
                        e.id.value, h.kuerzel
                    ),
                )
                .at_opt(e.id.span)
                .hint(format!(
                    "recommendations of „{}“ usually have ids like `{}-1`",
                    h.titel, h.kuerzel
                )),
            );
        }
    }
}

fn massnahmen(data: &Data, refs: &Refs, diags: &mut Diagnostics) {
    let file = rel("massnahmen.yaml");
    for m in &data.massnahmen {
        refs.empfehlung(diags, &file, &m.empfehlung);
        if m.kommunen.is_empty() {
            diags.push(
                Diagnostic::error(
                    &file,
                    format!("the measure `{}` names no municipality", m.id.value),
                )
                .at_opt(m.id.span)
                .hint("write `kommunen: [kreisweit]` for a district-wide measure"),
            );
        }
        for k in &m.kommunen {
            if k.value == KREISWEIT {
                if m.kommunen.len() > 1 {
                    diags.push(
                        Diagnostic::error(&file, "`kreisweit` together with single municipalities")
                            .at_opt(k.span)
                            .hint("a measure is either district-wide or names its municipalities"),
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
                    format!(
                        "the period ends (`{}`) before it begins (`{}`)",
                        bis.value, m.zeitraum.von.value
                    ),
                )
                .at_opt(bis.span)
                .hint("swap `von` and `bis`, or correct the year"),
            );
        }
        let mut last: Option<&str> = None;
        for v in &m.verlauf {
            if !crate::config::is_iso_date(&v.datum) {
                diags.push(date_error(&file, &v.datum, "2025-09-01"));
            } else if last.is_some_and(|l| l > v.datum.value.as_str()) {
                diags.push(
                    Diagnostic::error(
                        &file,
                        format!("the history of `{}` is not in date order", m.id.value),
                    )
                    .at_opt(v.datum.span)
                    .hint("list the status changes from the oldest to the newest"),
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
                    format!(
                        "the history of `{}` ends with `{}`, but its status is `{}`",
                        m.id.value,
                        v.status.key(),
                        m.status.key()
                    ),
                )
                .at_opt(m.status.span)
                .hint("add the current status as the last entry of `verlauf`"),
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
            Diagnostic::error(
                file,
                format!(
                    "expected a year and month like `2025-03`, found `{}`",
                    v.value
                ),
            )
            .at_opt(v.span)
            .hint("write the month as year-month, e.g. `2026-12`"),
        );
    }
    parsed
}

fn date_error(file: &Path, v: &Sp<String>, example: &str) -> Diagnostic {
    Diagnostic::error(
        file,
        format!("expected a date like `{example}`, found `{}`", v.value),
    )
    .at_opt(v.span)
    .hint("write dates as year-month-day")
}

fn kommunen(data: &Data, refs: &Refs, diags: &mut Diagnostics) {
    for k in &data.kommunen {
        let file: PathBuf = rel("kommunen").join(format!("{}.yaml", k.slug));
        if !crate::config::is_iso_date(&k.einwohner.stand) {
            diags.push(date_error(&file, &k.einwohner.stand, "2018-01-01"));
        }
        for a in &k.angebote {
            for z in &a.zielgruppen {
                refs.group(diags, &file, z);
            }
            for s in &a.sprachen {
                if !super::languages::is_known(s) {
                    let mut d =
                        Diagnostic::error(&file, format!("unknown language code `{}`", s.value))
                            .at_opt(s.span)
                            .hint("use ISO 639-1 codes such as `de`, `uk`, `ar`, `ro`");
                    if let Some(x) = suggest(&s.value, super::languages::CODES.iter().copied()) {
                        d = d.hint(format!("did you mean `{x}`?"));
                    }
                    diags.push(d);
                }
            }
            if let Some(url) = &a.url
                && !(url.starts_with("https://") || url.starts_with("http://"))
            {
                diags.push(
                    Diagnostic::error(
                        &file,
                        format!("the web address `{}` must start with https://", url.value),
                    )
                    .at_opt(url.span)
                    .hint("copy the full address from the browser's address bar"),
                );
            }
            angebot_fields(a, &file, diags);
            if a.url.is_none()
                && a.kontakt.as_deref().is_none_or(str::is_empty)
                && a.telefon.is_none()
                && a.email.is_none()
            {
                diags.push(
                    Diagnostic::error(
                        &file,
                        format!(
                            "the offer `{}` has neither `kontakt` nor `url`",
                            a.titel.value
                        ),
                    )
                    .at_opt(a.titel.span)
                    .hint("readers need a way to reach the offer: add `telefon:`, `email:`, `kontakt:` or `url:`"),
                );
            }
        }
    }
}

/// The structured fields of an offer: phone, e-mail, cost, postcode and
/// opening hours, each with its position.
fn angebot_fields(a: &crate::data::Angebot, file: &Path, diags: &mut Diagnostics) {
    use super::contact;
    if let Some(t) = &a.telefon
        && contact::phone(t).is_none()
    {
        diags.push(
            Diagnostic::error(file, format!("`{}` is not a phone number", t.value))
                .at_opt(t.span)
                .hint("write the number with its area code, e.g. `05241 000-0000` or `+49 5241 000-0000`; digits, spaces, `-` and `/` only"),
        );
    }
    if let Some(e) = &a.email
        && !contact::email_ok(e)
    {
        diags.push(
            Diagnostic::error(file, format!("`{}` is not an e-mail address", e.value))
                .at_opt(e.span)
                .hint("write the address alone, like `beratung@example.org`, without `mailto:` or spaces"),
        );
    }
    if let Some(k) = &a.kosten
        && contact::Kosten::parse(k).is_none()
    {
        diags.push(
            Diagnostic::error(file, format!("unknown cost `{}`", k.value))
                .at_opt(k.span)
                .hint("write `kostenlos`, `auf-anfrage` or an amount in euro such as `5` or `12,50 €`"),
        );
    }
    if let Some(ad) = &a.adresse
        && !ad.plz_ok()
    {
        diags.push(
            Diagnostic::error(
                file,
                format!("the postcode `{}` does not have five digits", ad.plz.value),
            )
            .at_opt(ad.plz.span)
            .hint("write the postcode in quotes with all five digits, e.g. `plz: \"33330\"`"),
        );
    }
    for z in &a.oeffnungszeiten {
        for d in &z.tage {
            if contact::day_name(d).is_none() {
                diags.push(
                    Diagnostic::error(file, format!("unknown day `{}`", d.value))
                        .at_opt(d.span)
                        .hint("write the days as `mo`, `di`, `mi`, `do`, `fr`, `sa` or `so`"),
                );
            }
        }
        let (von, bis) = (contact::minutes(&z.von), contact::minutes(&z.bis));
        for (t, m) in [(&z.von, von), (&z.bis, bis)] {
            if m.is_none() {
                diags.push(
                    Diagnostic::error(
                        file,
                        format!("expected a time like `09:00`, found `{}`", t.value),
                    )
                    .at_opt(t.span)
                    .hint(
                        "write times with two digits for hours and minutes, in quotes: `\"09:00\"`",
                    ),
                );
            }
        }
        if let (Some(v), Some(b)) = (von, bis)
            && b <= v
        {
            diags.push(
                Diagnostic::error(
                    file,
                    format!(
                        "the opening hours end (`{}`) before they begin (`{}`)",
                        z.bis.value, z.von.value
                    ),
                )
                .at_opt(z.bis.span)
                .hint("`von` is the opening time, `bis` the closing time of the same day"),
            );
        }
    }
}
