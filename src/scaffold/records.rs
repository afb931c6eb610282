//! `new empfehlung|massnahme|kommune|angebot|indikator`: a record with the
//! next free id and every required field filled with a placeholder.

use super::{Created, default_title, fill, load, template, verified, yaml, yaml_scalar};
use crate::data::{Art, rel};
use crate::diag::suggest;
use crate::findings::today::Day;
use crate::msg;
use anyhow::{Result, bail};
use std::path::Path;

/// Adds a recommendation of the field `handlungsfeld`, numbered after its
/// others (`SB-7` after `SB-6`).
pub fn empfehlung(root: &Path, handlungsfeld: &str, titel: Option<&str>) -> Result<Created> {
    let (p, before) = load(root)?;
    refuse_unloaded(&p, &before, "empfehlungen.yaml")?;
    let h = field(&p, handlungsfeld)?;
    let prefix = format!("{}-", h.kuerzel);
    let taken = taken(
        p.data.empfehlungen.iter().map(|e| e.id.value.as_str()),
        p.data.unread.ids("empfehlungen.yaml"),
    );
    let (n, _) = next_number(taken.iter().map(String::as_str), &prefix);
    let id = free(&taken, n, |n| format!("{prefix}{n}"));
    let titel = titel.map_or_else(|| default_title("empfehlung"), str::to_string);
    let item = fill(
        template("new/empfehlung.yaml"),
        &[
            ("id", &id),
            ("handlungsfeld", &h.id.value),
            ("titel", &yaml_scalar(&titel)),
        ],
    );
    append(root, &before, &rel("empfehlungen.yaml"), &id, &item)
}

/// Adds a measure for the recommendation `empfehlung`, with the next free
/// `M-` number, starting this month.
pub fn massnahme(
    root: &Path,
    empfehlung: &str,
    titel: Option<&str>,
    today: Day,
) -> Result<Created> {
    let (p, before) = load(root)?;
    refuse_unloaded(&p, &before, "massnahmen.yaml")?;
    let Some(e) = p.data.empfehlung(empfehlung) else {
        let known = p.data.empfehlungen.iter().map(|e| e.id.value.as_str());
        bail!(unknown(
            "empfehlung",
            empfehlung,
            known,
            "data/empfehlungen.yaml"
        ));
    };
    let taken = taken(
        p.data.massnahmen.iter().map(|m| m.id.value.as_str()),
        p.data.unread.ids("massnahmen.yaml"),
    );
    let (n, width) = next_number(taken.iter().map(String::as_str), "M-");
    let id = free(&taken, n, |n| {
        format!("M-{n:0width$}", width = width.max(3))
    });
    let titel = titel.map_or_else(|| default_title("massnahme"), str::to_string);
    let month = format!("{:04}-{:02}", today.year, today.month);
    let item = fill(
        template("new/massnahme.yaml"),
        &[
            ("id", &id),
            ("titel", &yaml_scalar(&titel)),
            ("empfehlung", &e.id.value),
            ("monat", &month),
        ],
    );
    append(root, &before, &rel("massnahmen.yaml"), &id, &item)
}

/// Creates `data/kommunen/<slug>.yaml` for a new municipality.
pub fn kommune(root: &Path, name: &str, art: Art, today: Day) -> Result<Created> {
    let (p, before) = load(root)?;
    let slug = crate::text::slugify(name);
    if let Some(k) = p.data.kommune(&slug) {
        bail!(
            "{}\n  = {}",
            msg!("new-kommune-exists", slug = &slug, name = &k.name),
            msg!(
                "hint-line",
                hint = msg!("hint-new-kommune-exists", slug = &slug)
            )
        );
    }
    let file = rel("kommunen").join(format!("{slug}.yaml"));
    let art = match art {
        Art::Stadt => "Stadt",
        Art::Gemeinde => "Gemeinde",
    };
    let text = fill(
        template("new/kommune.yaml"),
        &[
            ("name", &yaml_scalar(name)),
            ("art", art),
            ("heute", &today.to_string()),
        ],
    );
    super::create_verified(root, &before, file, &text, slug)
}

/// Adds an offer to the municipality `kommune`'s `angebote:` list.
pub fn angebot(root: &Path, kommune: &str, titel: Option<&str>) -> Result<Created> {
    let (p, before) = load(root)?;
    let Some(k) = p.data.kommune(kommune) else {
        if p.data.unread.kommune(kommune) {
            bail!(does_not_load(
                &before,
                &rel("kommunen").join(format!("{kommune}.yaml"))
            ));
        }
        let known = p.data.kommunen.iter().map(|k| k.slug.as_str());
        bail!(unknown("kommune", kommune, known, "data/kommunen/"));
    };
    let file = rel("kommunen").join(format!("{}.yaml", k.slug));
    if p.data.unread.fields.iter().any(|(f, _)| f == &file) {
        bail!(does_not_load(&before, &file));
    }
    let titel = titel.map_or_else(|| default_title("angebot"), str::to_string);
    let item = fill(
        template("new/angebot.yaml"),
        &[("titel", &yaml_scalar(&titel))],
    );
    let text = std::fs::read_to_string(root.join(&file))?;
    let (new, line) = yaml::append_to_key(&text, "angebote", &item)?;
    verified(root, &before, std::slice::from_ref(&file), || {
        super::replace(root, &file, &new)
    })?;
    Ok(Created {
        file,
        id: titel,
        line,
    })
}

/// Adds an indicator of the field `handlungsfeld`; its id comes from the title.
pub fn indikator(root: &Path, titel: &str, handlungsfeld: &str) -> Result<Created> {
    let (p, before) = load(root)?;
    refuse_unloaded(&p, &before, "indikatoren.yaml")?;
    let h = field(&p, handlungsfeld)?;
    let id = crate::text::slugify(titel);
    let taken = taken(
        p.data.indikatoren.iter().map(|i| i.id.value.as_str()),
        p.data.unread.ids("indikatoren.yaml"),
    );
    if taken.contains(&id.to_lowercase()) {
        bail!(
            "{}\n  = {}",
            msg!("new-indicator-exists", id = &id),
            msg!("hint-line", hint = msg!("hint-new-indicator-exists"))
        );
    }
    let item = fill(
        template("new/indikator.yaml"),
        &[
            ("id", &id),
            ("titel", &yaml_scalar(titel)),
            ("handlungsfeld", &h.id.value),
        ],
    );
    append(root, &before, &rel("indikatoren.yaml"), &id, &item)
}

/// Adds an actor to data/akteure.yaml; its id comes from the name and is
/// never one in use (compared without regard to case), so `-2`, `-3` …
/// follow when the name's id is taken.
pub fn akteur(root: &Path, name: &str, art: &str, kommune: Option<&str>) -> Result<Created> {
    let (p, before) = load(root)?;
    if !crate::data::AKTEUR_ARTEN.contains(&art) {
        let hint = |h| format!("\n  = {}", msg!("hint-line", hint = h));
        let mut text = msg!("akteur-kind-unknown", kind = art).to_string();
        if let Some(s) = suggest(art, crate::data::AKTEUR_ARTEN) {
            text.push_str(&hint(msg!("hint-did-you-mean", name = s)));
        }
        text.push_str(&hint(msg!(
            "hint-akteur-kinds",
            kinds = crate::data::AKTEUR_ARTEN.join(", ")
        )));
        bail!(text);
    }
    let kommune = match kommune {
        None => crate::data::KREISWEIT.to_string(),
        Some(k) if k == crate::data::KREISWEIT => k.to_string(),
        Some(k) => match p.data.kommune(k) {
            Some(k) => k.slug.clone(),
            None => {
                let known = p.data.kommunen.iter().map(|k| k.slug.as_str());
                bail!(unknown("municipality", k, known, "data/kommunen/"));
            }
        },
    };
    let base = crate::text::slugify(name);
    let base = if base.is_empty() {
        "akteur".to_string()
    } else {
        base
    };
    let base: String = base.chars().take(crate::data::ID_MAX - 4).collect();
    let taken = |id: &str| {
        p.data
            .akteure
            .iter()
            .any(|a| a.id.value.to_lowercase() == id.to_lowercase())
    };
    let mut id = base.clone();
    let mut n = 2;
    while taken(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    let item = fill(
        template("new/akteur.yaml"),
        &[
            ("id", &id),
            ("name", &yaml_scalar(name)),
            ("art", art),
            ("kommune", &kommune),
        ],
    );
    append(root, &before, &rel(crate::data::akteure::FILE), &id, &item)
}

/// Appends `item` to the list in `file` (created when missing).
fn append(
    root: &Path,
    before: &crate::diag::Diagnostics,
    file: &Path,
    id: &str,
    item: &str,
) -> Result<Created> {
    let path = root.join(file);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(e.into()),
    };
    let (new, line) = yaml::append_item(&text, item)?;
    verified(root, before, &[file.to_path_buf()], || {
        if path.exists() {
            super::replace(root, file, &new)
        } else {
            super::create_new(root, file, &new)
        }
    })?;
    Ok(Created {
        file: file.to_path_buf(),
        id: id.to_string(),
        line,
    })
}

/// Refuses to add to the list `file` (under data/) when some of it did not
/// load: the next free id could be one of the records that did not load.
fn refuse_unloaded(
    p: &crate::project::Project,
    before: &crate::diag::Diagnostics,
    file: &str,
) -> Result<()> {
    let u = &p.data.unread;
    if u.lists.contains(&file) || u.records.iter().any(|(f, _)| *f == file) {
        bail!(does_not_load(before, &rel(file)));
    }
    Ok(())
}

/// "`file` does not load, so nothing was added", with its problems.
fn does_not_load(before: &crate::diag::Diagnostics, file: &Path) -> String {
    let problems: Vec<String> = before
        .sorted()
        .into_iter()
        .filter(|d| d.is_error() && d.file == file)
        .map(|d| format!("  {}", crate::diag::render_short(d)))
        .collect();
    format!(
        "{}\n{}\n  = hint: {}",
        crate::tr!("new-list-does-not-load", file = file.display().to_string()),
        problems.join("\n"),
        crate::tr!("hint-new-list-does-not-load")
    )
}

/// Every id in use, lower-cased: ids that differ only in case would get the
/// same web address.
fn taken<'a>(
    ids: impl Iterator<Item = &'a str>,
    unread: impl Iterator<Item = &'a str>,
) -> std::collections::BTreeSet<String> {
    ids.chain(unread).map(str::to_lowercase).collect()
}

/// The first id from `n` on that is not taken (compared without case).
fn free(
    taken: &std::collections::BTreeSet<String>,
    mut n: u64,
    id: impl Fn(u64) -> String,
) -> String {
    loop {
        let candidate = id(n);
        if !taken.contains(&candidate.to_lowercase()) {
            return candidate;
        }
        n += 1;
    }
}

/// The number after the highest `<prefix><n>` among `ids` (the prefix
/// compared without case), and the widest number written (to keep `M-007`
/// style).
fn next_number<'a>(ids: impl Iterator<Item = &'a str>, prefix: &str) -> (u64, usize) {
    let mut max = 0;
    let mut width = 1;
    for id in ids {
        let head = id.get(..prefix.len());
        if let Some(n) = head
            .filter(|h| h.eq_ignore_ascii_case(prefix))
            .and_then(|_| id.get(prefix.len()..))
            && !n.is_empty()
            && n.bytes().all(|b| b.is_ascii_digit())
            && let Ok(v) = n.parse::<u64>()
        {
            max = max.max(v);
            width = width.max(n.len());
        }
    }
    (max + 1, width)
}

/// "unknown … `x`", with a suggestion and where such ids are defined.
/// The field of action `id`, or an error naming the known ones.
fn field<'a>(p: &'a crate::project::Project, id: &str) -> Result<&'a crate::data::Handlungsfeld> {
    p.data.handlungsfeld(id).ok_or_else(|| {
        let known = p.data.handlungsfelder.iter().map(|h| h.id.value.as_str());
        anyhow::anyhow!(unknown(
            "handlungsfeld",
            id,
            known,
            "data/handlungsfelder.yaml"
        ))
    })
}

fn unknown<'a>(what: &str, id: &str, known: impl Iterator<Item = &'a str>, home: &str) -> String {
    let known: Vec<&str> = known.collect();
    let hint = |h| format!("\n  = {}", msg!("hint-line", hint = h));
    let mut text = msg!("ref-unknown", kind = what, id = id).to_string();
    if let Some(s) = suggest(id, known.iter().copied()) {
        text.push_str(&hint(msg!("hint-did-you-mean", name = s)));
    }
    text.push_str(&hint(if known.is_empty() {
        msg!("hint-known-ids-none", home = home)
    } else {
        msg!("hint-known-ids", home = home, ids = known.join(", "))
    }));
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_numbers_follow_the_highest() {
        let ids = ["SB-1", "SB-6", "SB-2", "AW-9", "SB-x"];
        assert_eq!(next_number(ids.into_iter(), "SB-"), (7, 1));
        let ids = ["M-001", "M-014", "M-7", "m-020"];
        assert_eq!(next_number(ids.into_iter(), "M-"), (21, 3));
        let taken = taken(["M-001", "m-002"].into_iter(), ["M-003"].into_iter());
        assert_eq!(free(&taken, 2, |n| format!("M-{n:03}")), "M-004");
        assert_eq!(next_number([].into_iter(), "M-"), (1, 1));
    }
}
