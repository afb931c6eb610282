//! The catalogue is complete: every id the code uses is in both languages,
//! both languages have the same ids with the same arguments, and every
//! message formats without Fluent errors.

use super::{BUNDLES, DE_FTL, EN_FTL, Lang, choose};
use fluent_bundle::{FluentArgs, FluentValue};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// id -> the `$variables` its text mentions.
fn entries(ftl: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in ftl.lines() {
        let starts_entry = line.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
        if starts_entry && let Some((id, _)) = line.split_once('=') {
            current = Some(id.trim().to_string());
            out.entry(id.trim().to_string()).or_default();
        } else if line.starts_with('#') || line.trim().is_empty() {
            current = None;
        }
        if let Some(id) = &current {
            let vars = out.get_mut(id).unwrap();
            let mut rest = line;
            while let Some(i) = rest.find('$') {
                rest = &rest[i + 1..];
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                    .collect();
                vars.insert(name);
            }
        }
    }
    out
}

/// The ids named by `msg!("…"` and `tr!("…"` in the crate's sources.
fn ids_in_code() -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for mac in ["msg!(", "tr!("] {
            for (i, _) in text.match_indices(mac) {
                let line_start = text[..i].rfind('\n').map_or(0, |n| n + 1);
                if text[line_start..i].trim_start().starts_with("//") {
                    continue; // an example in a comment
                }
                let rest = text[i + mac.len()..].trim_start();
                let Some(rest) = rest.strip_prefix('"') else {
                    continue; // the macro's own definition
                };
                let id: String = rest.chars().take_while(|c| *c != '"').collect();
                if !id.starts_with(|c: char| c.is_ascii_lowercase())
                    || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                {
                    continue; // this file's own search patterns
                }
                let file = entry.path().strip_prefix(&src).unwrap();
                out.entry(id).or_insert_with(|| file.display().to_string());
            }
        }
    }
    out
}

#[test]
fn every_id_in_the_code_is_in_both_catalogues() {
    let de = entries(DE_FTL);
    let en = entries(EN_FTL);
    let used = ids_in_code();
    assert!(used.len() > 20, "the scan found the ids: {used:?}");
    let missing: Vec<String> = used
        .iter()
        .flat_map(|(id, file)| {
            [("de", &de), ("en", &en)]
                .into_iter()
                .filter(|(_, cat)| !cat.contains_key(id))
                .map(move |(l, _)| format!("{id} (used in src/{file}) is not in {l}.ftl"))
        })
        .collect();
    assert!(missing.is_empty(), "{}", missing.join("\n"));
    let unused: Vec<&String> = de.keys().filter(|id| !used.contains_key(*id)).collect();
    assert!(unused.is_empty(), "ids no code uses: {unused:?}");
}

#[test]
fn both_catalogues_have_the_same_ids_and_arguments() {
    let de = entries(DE_FTL);
    let en = entries(EN_FTL);
    let only_de: Vec<&String> = de.keys().filter(|k| !en.contains_key(*k)).collect();
    let only_en: Vec<&String> = en.keys().filter(|k| !de.contains_key(*k)).collect();
    assert!(only_de.is_empty(), "only in de.ftl: {only_de:?}");
    assert!(only_en.is_empty(), "only in en.ftl: {only_en:?}");
    for (id, vars) in &de {
        assert_eq!(vars, &en[id], "`{id}` takes other arguments in en.ftl");
    }
}

#[test]
fn every_message_formats_cleanly() {
    for lang in Lang::ALL {
        let bundle = &BUNDLES[lang as usize];
        for (id, vars) in entries(lang.ftl()) {
            let pattern = bundle
                .get_message(&id)
                .and_then(|m| m.value())
                .unwrap_or_else(|| panic!("{}: `{id}` has no value", lang.code()));
            let mut args = FluentArgs::new();
            for v in &vars {
                args.set(v.as_str(), FluentValue::from(2));
            }
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
            assert!(errors.is_empty(), "{}: `{id}`: {errors:?}", lang.code());
            assert!(!text.contains('\u{2068}'), "isolation marks in `{id}`");
        }
    }
}

#[test]
fn plurals_follow_the_count() {
    assert_eq!(
        crate::msg!("summary-problems", errors = 1, warnings = 2).render(Lang::De),
        "1 Fehler, 2 Warnungen"
    );
    assert_eq!(
        crate::msg!("summary-problems", errors = 2, warnings = 1).render(Lang::De),
        "2 Fehler, 1 Warnung"
    );
    assert_eq!(
        crate::msg!("summary-problems", errors = 1, warnings = 0).render(Lang::En),
        "1 error, 0 warnings"
    );
}

#[test]
fn arguments_are_shown_without_isolation_marks() {
    let m = crate::msg!("hint-did-you-mean", name = "M-71");
    assert_eq!(m.render(Lang::De), "Meinten Sie „M-71“?");
    assert_eq!(m.render(Lang::En), "did you mean `M-71`?");
}

#[test]
fn tags_and_locales_choose_the_language() {
    assert_eq!(Lang::from_tag("de_DE.UTF-8"), Some(Lang::De));
    assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
    assert_eq!(Lang::from_tag("C.UTF-8"), None);
    assert_eq!(Lang::from_tag("fr"), None);
    assert_eq!(choose(Some(Lang::En), None), Lang::En);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("book.toml"), "language = \"en\"\n[[[broken").unwrap();
    assert_eq!(choose(None, Some(dir.path())), Lang::En);
    assert_eq!(choose(Some(Lang::De), Some(dir.path())), Lang::De);
}
