//! Layers point down: no import cycle between the top-level modules of
//! `src/`, nor between the files of one module, and no output (site, PDFs,
//! monitoring charts) imports another. Read from the sources: every
//! `crate::x`, `crate::{x, …}` and `super::x` outside comments and tests.

use crate::fixture::repo;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// A module graph: module → the modules it uses.
type Graph = BTreeMap<String, BTreeSet<String>>;

/// Each source file's module path (`site/pages`) and its code without
/// comment lines and without its test module.
fn sources() -> Vec<(Vec<String>, String)> {
    let src = repo().join("src");
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(&src) {
        let e = e.unwrap();
        let rel = e.path().strip_prefix(&src).unwrap();
        if rel.extension().is_none_or(|x| x != "rs") {
            continue;
        }
        let mut path: Vec<String> = rel
            .with_extension("")
            .iter()
            .map(|s| s.to_string_lossy().into_owned())
            .collect();
        if path.last().is_some_and(|l| l == "mod") {
            path.pop();
        }
        if path == ["lib"] || path == ["main"] {
            continue;
        }
        let text = std::fs::read_to_string(e.path()).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        let code: String = code
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        out.push((path, code));
    }
    out
}

fn ident(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    &s[..end]
}

/// The first two segments of the path `text` starts with (`site::pages::x` → `[site, pages]`).
fn segments(text: &str) -> Vec<String> {
    let first = ident(text);
    let second = text[first.len()..].strip_prefix("::").map(ident);
    std::iter::once(first)
        .chain(second)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// The paths (`["site", "pages"]`, up to two segments) the code names after `prefix`.
fn named(code: &str, prefix: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for (i, _) in code.match_indices(prefix) {
        let before = code[..i].chars().next_back();
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
            continue;
        }
        let rest = &code[i + prefix.len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // `crate::{a, b::c}`: the first segments of each item.
            let end = group.find('}').unwrap_or(group.len());
            out.extend(group[..end].split(',').map(|item| segments(item.trim())));
            continue;
        }
        out.push(segments(rest));
    }
    // `super::*` names no module.
    out.retain(|s| !s.is_empty());
    out
}

/// The graph of the top-level modules and, per top-level module, of its files.
fn graphs() -> (Graph, BTreeMap<String, Graph>) {
    let files = sources();
    let tops: BTreeSet<String> = files.iter().map(|(p, _)| p[0].clone()).collect();
    let subs: BTreeSet<(String, String)> = files
        .iter()
        .filter(|(p, _)| p.len() >= 2)
        .map(|(p, _)| (p[0].clone(), p[1].clone()))
        .collect();
    let mut top = Graph::new();
    let mut inner: BTreeMap<String, Graph> = BTreeMap::new();
    for (path, code) in &files {
        let me = &path[0];
        top.entry(me.clone()).or_default();
        let mine = path.get(1);
        for used in named(code, "crate::") {
            if tops.contains(&used[0]) && &used[0] != me {
                top.get_mut(me).unwrap().insert(used[0].clone());
            }
            if let (Some(mine), Some(sub)) = (mine, used.get(1))
                && &used[0] == me
                && sub != mine
                && subs.contains(&(me.clone(), sub.clone()))
            {
                inner
                    .entry(me.clone())
                    .or_default()
                    .entry(mine.clone())
                    .or_default()
                    .insert(sub.clone());
            }
        }
        // `super::x` in a file directly inside a module names a sibling.
        if let (2, Some(mine)) = (path.len(), mine) {
            for used in named(code, "super::") {
                if &used[0] != mine && subs.contains(&(me.clone(), used[0].clone())) {
                    inner
                        .entry(me.clone())
                        .or_default()
                        .entry(mine.clone())
                        .or_default()
                        .insert(used[0].clone());
                }
            }
        }
    }
    (top, inner)
}

/// A cycle of `g`, as the modules along it, if it has one.
fn cycle(g: &Graph) -> Option<Vec<String>> {
    fn visit(
        g: &Graph,
        n: &str,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == n) {
            let mut c = path[at..].to_vec();
            c.push(n.to_string());
            return Some(c);
        }
        if done.contains(n) {
            return None;
        }
        path.push(n.to_string());
        for next in g.get(n).into_iter().flatten() {
            if let Some(c) = visit(g, next, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(n.to_string());
        None
    }
    let mut done = BTreeSet::new();
    g.keys()
        .find_map(|n| visit(g, n, &mut Vec::new(), &mut done))
}

#[test]
fn the_cycle_finder_finds_cycles() {
    let g = |edges: &[(&str, &str)]| {
        let mut g = Graph::new();
        for (a, b) in edges {
            g.entry(a.to_string()).or_default().insert(b.to_string());
        }
        g
    };
    assert_eq!(cycle(&g(&[("a", "b"), ("b", "c")])), None);
    assert_eq!(
        cycle(&g(&[("a", "b"), ("b", "c"), ("c", "a")])),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
    assert_eq!(
        named(
            "use crate::{diag::Diagnostic, site};\nlet x = crate::print::doc::build;",
            "crate::"
        ),
        vec![
            vec!["diag".to_string(), "Diagnostic".into()],
            vec!["site".into()],
            vec!["print".into(), "doc".into()]
        ]
    );
}

#[test]
fn modules_form_no_cycle_and_outputs_do_not_import_each_other() {
    let (top, inner) = graphs();
    assert!(top.len() > 15, "{top:?}");
    assert!(
        top["site"].contains("views"),
        "the scan sees imports: {top:?}"
    );
    assert_eq!(cycle(&top), None, "a cycle between top-level modules");
    for (module, g) in &inner {
        assert_eq!(cycle(g), None, "a cycle between the files of `{module}/`");
    }
    for (output, others) in [
        ("site", &["print"][..]),
        ("print", &["site"][..]),
        ("monitoring", &["site", "print"][..]),
        ("views", &["site", "print", "build", "serve", "check"][..]),
        (
            "findings",
            &["site", "print", "build", "serve", "check"][..],
        ),
    ] {
        for o in others {
            assert!(
                !top[output].contains(*o),
                "`{output}` imports `{o}`: layers point down"
            );
        }
    }
    // The layer test reads the real tree.
    assert!(Path::new(&repo().join("src/findings/mod.rs")).is_file());
}
