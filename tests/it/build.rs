//! Tests of `build`: the pages and exports of a small complete project, the
//! HTML the Markdown features turn into, relative links, byte-identical
//! rebuilds, one broken-source case per kind of error (exit code 1, the exact
//! diagnostic, the previous site untouched), escaping and sanitising, and the
//! safety rules for the output folder.

use crate::fixture::{Project, Run, html, texts};
use scraper::{ElementRef, Html, Selector};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

/// The small complete project every test here starts from.
const MINIMAL: &str = "build/minimal";

/// Every file under `dir`, by `/`-separated path relative to `dir`.
pub type Tree = BTreeMap<String, Vec<u8>>;

/// Reads every file under `dir` (empty when `dir` does not exist).
pub fn tree(dir: &Path) -> Tree {
    let mut out = Tree::new();
    if !dir.exists() {
        return out;
    }
    for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let e = e.unwrap();
        if e.file_type().is_file() {
            let rel = e.path().strip_prefix(dir).unwrap();
            let rel = rel.to_string_lossy().replace('\\', "/");
            out.insert(rel, std::fs::read(e.path()).unwrap());
        }
    }
    out
}

/// Asserts that two trees hold the same files with the same bytes, naming
/// the first files that differ.
pub fn assert_same_tree(a: &Tree, b: &Tree, what: &str) {
    let keys_a: BTreeSet<&String> = a.keys().collect();
    let keys_b: BTreeSet<&String> = b.keys().collect();
    let only_a: Vec<_> = keys_a.difference(&keys_b).take(10).collect();
    let only_b: Vec<_> = keys_b.difference(&keys_a).take(10).collect();
    assert!(
        only_a.is_empty() && only_b.is_empty(),
        "{what}: files only in the first: {only_a:?}; only in the second: {only_b:?}"
    );
    let differ: Vec<&String> = a
        .iter()
        .filter(|(k, v)| b.get(*k) != Some(*v))
        .map(|(k, _)| k)
        .take(10)
        .collect();
    assert!(differ.is_empty(), "{what}: these files differ: {differ:?}");
}

/// A copy of the minimal fixture, built once successfully.
fn built() -> Project {
    let p = Project::fixture(MINIMAL);
    p.run(&["build", "--no-pdf"]).ok();
    p
}

/// Replaces the one occurrence of `from` in the project file `rel`.
fn edit(p: &Project, rel: &str, from: &str, to: &str) {
    let text = p.read(rel);
    assert_eq!(
        text.matches(from).count(),
        1,
        "{rel} should contain `{from}` exactly once"
    );
    p.write(rel, &text.replacen(from, to, 1));
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

fn text_of(e: ElementRef) -> String {
    e.text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

// ---------------------------------------------------------------------------
// Links: every internal href/src resolves to a file of the site.

/// A page's link target, resolved against the page: the file it names
/// (relative to the site root) and its fragment. `Err` says why it is not a
/// link that works under any sub-path.
pub fn resolve(page: &str, href: &str, base_url: &str) -> Option<Result<(String, String), String>> {
    let href = href.trim();
    let lower = href.to_ascii_lowercase();
    if ["http://", "https://", "mailto:", "tel:"]
        .iter()
        .any(|s| lower.starts_with(s))
    {
        return None;
    }
    if lower.starts_with("javascript:") || lower.starts_with("//") {
        return Some(Err(format!("`{href}` is not an internal link")));
    }
    let (path, fragment) = match href.split_once('#') {
        Some((p, f)) => (p, f.to_string()),
        None => (href, String::new()),
    };
    let path = path.split('?').next().unwrap_or("");
    let (mut parts, rest): (Vec<&str>, &str) = if path.starts_with('/') {
        // Only the 404 page may use the base URL: it is served at any depth.
        match path.strip_prefix(base_url) {
            Some(r) if page == "404.html" => (Vec::new(), r),
            _ => {
                return Some(Err(format!(
                    "`{href}` is absolute and breaks under a sub-path"
                )));
            }
        }
    } else if path.is_empty() {
        return Some(Ok((page.to_string(), fragment)));
    } else {
        let mut v: Vec<&str> = page.split('/').collect();
        v.pop(); // the page's file name
        (v, path)
    };
    for seg in rest.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Some(Err(format!("`{href}` leads above the site root")));
                }
            }
            s => parts.push(s),
        }
    }
    let mut file = parts.join("/");
    if rest.is_empty() || rest.ends_with('/') {
        if !file.is_empty() {
            file.push('/');
        }
        file.push_str("index.html");
    }
    Some(Ok((file, fragment)))
}

/// Every broken internal link of the site in `out`: `page: href (why)`.
pub fn broken_links(out: &Path, base_url: &str) -> Vec<String> {
    let files = tree(out);
    let pages: HashMap<&str, Html> = files
        .iter()
        .filter(|(k, _)| k.ends_with(".html"))
        .map(|(k, v)| {
            (
                k.as_str(),
                Html::parse_document(&String::from_utf8_lossy(v)),
            )
        })
        .collect();
    let ids: HashMap<&str, BTreeSet<String>> = pages
        .iter()
        .map(|(k, doc)| {
            let set = doc
                .select(&sel("[id]"))
                .filter_map(|e| e.value().attr("id").map(str::to_string))
                .collect();
            (*k, set)
        })
        .collect();
    let targets = sel("a[href], link[href], img[src], script[src], source[src], form[action]");
    let mut broken = Vec::new();
    let mut names: Vec<&&str> = pages.keys().collect();
    names.sort();
    for page in names {
        for e in pages[*page].select(&targets) {
            let v = e.value();
            if v.attr("rel") == Some("canonical") {
                continue; // deliberately absolute, from base_url
            }
            let href = v
                .attr("href")
                .or(v.attr("src"))
                .or(v.attr("action"))
                .unwrap_or("");
            let Some(r) = resolve(page, href, base_url) else {
                continue;
            };
            match r {
                Err(why) => broken.push(format!("{page}: {why}")),
                Ok((file, fragment)) => {
                    let dir_index = format!("{file}/index.html");
                    let file = if files.contains_key(&file) {
                        file
                    } else if files.contains_key(&dir_index) {
                        dir_index
                    } else {
                        broken.push(format!("{page}: `{href}` → {file} does not exist"));
                        continue;
                    };
                    if !fragment.is_empty()
                        && let Some(set) = ids.get(file.as_str())
                        && !set.contains(&fragment)
                    {
                        broken.push(format!("{page}: `{href}` → {file} has no id `{fragment}`"));
                    }
                }
            }
        }
    }
    broken
}

/// Every HTML page of the site in `out`, by path.
pub fn pages(out: &Path) -> BTreeMap<String, Html> {
    tree(out)
        .into_iter()
        .filter(|(k, _)| k.ends_with(".html"))
        .map(|(k, v)| (k, Html::parse_document(&String::from_utf8_lossy(&v))))
        .collect()
}

/// The targets (site files) of the links in `scope` on `page`.
fn link_targets(page: &str, scope: ElementRef) -> Vec<(String, String)> {
    scope
        .select(&sel("a[href]"))
        .filter_map(|a| {
            let href = a.value().attr("href").unwrap();
            match resolve(page, href, "/")? {
                Ok((file, _)) => Some((file, text_of(a))),
                Err(_) => None,
            }
        })
        .collect()
}

#[test]
fn the_link_checker_finds_every_kind_of_broken_link() {
    // The site tests below rely on `broken_links` finding nothing; make sure
    // it does find each kind of problem.
    let dir = tempfile::tempdir().unwrap();
    let w = |rel: &str, text: &str| {
        let p = dir.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    w(
        "index.html",
        r##"<a href="a/">ok</a><a href="a/#x">ok</a><a href="a">ok</a><a href="#top" id="top">ok</a>
        <a href="https://example.org/">external</a><a href="mailto:a@example.org">mail</a>
        <a href="a/#nope">1</a><a href="b/">2</a><a href="../x/">3</a><a href="/a/">4</a>
        <img src="a/bild.svg" alt="5"><a href="javascript:alert(1)">6</a>"##,
    );
    w("a/index.html", r#"<h2 id="x">X</h2><a href="../">up</a>"#);
    w(
        "404.html",
        r#"<a href="/sub/a/">base</a><a href="/a/">7</a>"#,
    );
    let broken = broken_links(dir.path(), "/sub/");
    assert_eq!(broken.len(), 7, "{broken:#?}");
}

// ---------------------------------------------------------------------------
// The valid project.

#[test]
fn minimal_project_builds_every_page_type() {
    let p = Project::fixture(MINIMAL);
    let r = p.run(&["build", "--no-pdf"]);
    r.ok();
    assert!(
        !r.stderr.contains("warning"),
        "no warnings expected:\n{}",
        r.stderr
    );
    let out = p.path().join("public");
    let files = tree(&out);
    for f in [
        ".konzept-output",
        "index.html",
        "404.html",
        "sitemap.xml",
        "inhalt/index.html",
        "kapitel/einleitung/index.html",
        "kapitel/ausblick/index.html",
        "impressum/index.html",
        "barrierefreiheit/index.html",
        "handlungsfelder/index.html",
        "handlungsfelder/sprache-bildung/index.html",
        "handlungsfelder/arbeit-wirtschaft/index.html",
        "zielgruppen/index.html",
        "zielgruppen/ukraine/index.html",
        "empfehlungen/index.html",
        "empfehlungen/sb-1/index.html",
        "empfehlungen/sb-2/index.html",
        "empfehlungen/aw-1/index.html",
        "massnahmen/index.html",
        "massnahmen/m-001/index.html",
        "massnahmen/m-002/index.html",
        "massnahmen/m-003/index.html",
        "kommunen/index.html",
        "kommunen/nordstadt/index.html",
        "kommunen/suedheim/index.html",
        "angebote/index.html",
        "suche/index.html",
        "data/empfehlungen.json",
        "data/empfehlungen.csv",
        "data/massnahmen.json",
        "data/massnahmen.csv",
        "data/kommunen.json",
        "data/kommunen.csv",
        "data/handlungsfelder.json",
        "data/zielgruppen.json",
        "data/angebote.csv",
        "pagefind/pagefind.js",
        "pagefind/pagefind-entry.json",
        "assets/style.css",
        "media/bilder/zeitleiste.svg",
    ] {
        assert!(files.contains_key(f), "{f} is missing from the site");
    }
    assert!(
        !files.keys().any(|k| k.starts_with("pagefind/pagefind-ui")),
        "Pagefind's own interface, which inserts indexed text as HTML, is not published"
    );
    assert!(
        files.keys().any(|k| k.starts_with("pagefind/index/")),
        "the search index has no index chunk"
    );
    assert!(
        files.keys().any(|k| k.starts_with("pagefind/fragment/")),
        "the search index has no fragments"
    );
    // The figure is published re-serialised, with its name and description.
    let svg = String::from_utf8(files["media/bilder/zeitleiste.svg"].clone()).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.attribute("viewBox"), Some("0 0 100 20"), "{svg}");
    let child = |name: &str| {
        root.children()
            .find(|n| n.tag_name().name() == name)
            .and_then(|n| n.text())
    };
    assert_eq!(child("title"), Some("Zeitleiste"), "{svg}");
    assert_eq!(
        child("desc"),
        Some("Der Prozess von 2022 bis 2025"),
        "{svg}"
    );
    assert!(svg.contains("<path"), "the line is drawn: {svg}");
    // The sitemap lists every page under the base URL.
    let sitemap = String::from_utf8(files["sitemap.xml"].clone()).unwrap();
    for loc in [
        "/testkreis/",
        "/testkreis/kapitel/einleitung/",
        "/testkreis/kommunen/suedheim/",
    ] {
        assert!(
            sitemap.contains(&format!("<loc>{loc}</loc>")),
            "sitemap.xml lacks {loc}:\n{sitemap}"
        );
    }
}

#[test]
fn every_page_has_lang_one_h1_the_notice_and_the_statement_link() {
    let p = built();
    let out = p.path().join("public");
    let all = pages(&out);
    assert!(all.len() >= 26, "only {} pages", all.len());
    for (page, doc) in &all {
        let html_el = doc.select(&sel("html")).next().unwrap();
        assert_eq!(html_el.value().attr("lang"), Some("de"), "{page}: lang");
        assert_eq!(doc.select(&sel("h1")).count(), 1, "{page}: one h1");
        let notices = texts(doc, ".notice");
        assert!(
            notices
                .iter()
                .any(|n| n.contains("Beispielinhalt: Dieses Projekt dient nur den Tests.")),
            "{page}: the notice from book.toml is missing: {notices:?}"
        );
        let footer = doc.select(&sel("footer")).next().expect("a footer");
        let targets = link_targets(page, footer);
        let base = if page == "404.html" {
            "/testkreis/"
        } else {
            "/"
        };
        let statement = footer.select(&sel("a[href]")).any(|a| {
            matches!(resolve(page, a.value().attr("href").unwrap(), base),
                Some(Ok((f, _))) if f == "barrierefreiheit/index.html")
        });
        assert!(
            statement,
            "{page}: no footer link to the accessibility statement: {targets:?}"
        );
    }
}

#[test]
fn every_internal_link_resolves_so_the_site_works_under_a_sub_path() {
    let p = built();
    let broken = broken_links(&p.path().join("public"), "/testkreis/");
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn chapter_has_toc_pager_and_breadcrumbs() {
    let p = built();
    let page = "kapitel/einleitung/index.html";
    let doc = html(&p.path().join("public").join(page));
    // In-page table of contents: one entry per section, each pointing at its heading.
    let toc: Vec<(String, String)> = doc
        .select(&sel(".page-toc a"))
        .map(|a| (a.value().attr("href").unwrap().to_string(), text_of(a)))
        .collect();
    assert_eq!(
        toc,
        [
            ("#anlass", "Anlass"),
            ("#empfehlungen-im-ueberblick", "Empfehlungen im Überblick"),
            ("#zahlen", "Zahlen"),
            ("#aufgaben", "Aufgaben"),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    for (href, text) in &toc {
        let h = doc
            .select(&sel(&format!("h2[id='{}']", &href[1..])))
            .next()
            .unwrap_or_else(|| panic!("no heading {href}"));
        assert_eq!(&text_of(h), text);
    }
    // Previous / next.
    let next: Vec<_> = doc
        .select(&sel("a[rel=next]"))
        .map(|a| {
            resolve(page, a.value().attr("href").unwrap(), "/")
                .unwrap()
                .unwrap()
                .0
        })
        .collect();
    assert_eq!(next, ["kapitel/ausblick/index.html"]);
    assert_eq!(
        doc.select(&sel("a[rel=prev]")).count(),
        0,
        "the first chapter has no previous"
    );
    let second = "kapitel/ausblick/index.html";
    let doc2 = html(&p.path().join("public").join(second));
    let prev: Vec<_> = doc2
        .select(&sel("a[rel=prev]"))
        .map(|a| {
            resolve(second, a.value().attr("href").unwrap(), "/")
                .unwrap()
                .unwrap()
                .0
        })
        .collect();
    assert_eq!(prev, ["kapitel/einleitung/index.html"]);
    // Breadcrumbs: home, contents, the chapter itself (current, not a link).
    let crumbs = doc
        .select(&sel("nav.breadcrumbs"))
        .next()
        .expect("breadcrumbs");
    let links: Vec<String> = link_targets(page, crumbs)
        .into_iter()
        .map(|(f, _)| f)
        .collect();
    assert_eq!(links, ["index.html", "inhalt/index.html"]);
    let current = texts(&doc, "nav.breadcrumbs [aria-current=page]");
    assert_eq!(current, ["Einleitung"]);
}

#[test]
fn markdown_features_render_as_html() {
    let p = built();
    let page = "kapitel/einleitung/index.html";
    let doc = html(&p.path().join("public").join(page));
    let prose = doc.select(&sel(".prose")).next().expect("the chapter body");
    let text = text_of(prose);

    // `[](empfehlung:SB-1)` becomes a link to the record with „SB-1: Titel“.
    let first_p = prose
        .select(&sel("h2#anlass + p"))
        .next()
        .expect("the paragraph under Anlass");
    let links = link_targets(page, first_p);
    assert!(
        links.contains(&(
            "empfehlungen/sb-1/index.html".into(),
            "SB-1: Angebote transparenter machen".into()
        )),
        "{links:?}"
    );
    assert!(
        links.contains(&("kapitel/ausblick/index.html".into(), "Ausblick".into())),
        "{links:?}"
    );
    // A link to an indicator leads to its page in the monitoring section.
    let second = "kapitel/ausblick/index.html";
    let doc2 = html(&p.path().join("public").join(second));
    let prose2 = doc2
        .select(&sel(".prose"))
        .next()
        .expect("the chapter text");
    assert!(
        link_targets(second, prose2).contains(&(
            "monitoring/sprachcafes/index.html".into(),
            "Sprachcafés".into()
        )),
        "{:?}",
        link_targets(second, prose2)
    );

    // The listing block shows the field's recommendations, and only those.
    let listing_targets: BTreeSet<String> = link_targets(page, prose)
        .into_iter()
        .map(|(f, _)| f)
        .filter(|f| f.starts_with("empfehlungen/"))
        .collect();
    assert_eq!(
        listing_targets,
        BTreeSet::from([
            "empfehlungen/sb-1/index.html".into(),
            "empfehlungen/sb-2/index.html".into()
        ])
    );
    assert!(text.contains("Frühe Bildung stärken"), "SB-2 listed");
    assert!(
        !text.contains("Abschlüsse schneller anerkennen"),
        "AW-1 is another field"
    );
    assert!(
        !text.contains("handlungsfeld=sprache-bildung"),
        "the call itself is not shown"
    );

    // Typography: German quotes from straight ones; the gender star stays.
    assert!(
        text.contains("„Wir wollen Angebote sichtbar machen.“"),
        "German quotes: {text}"
    );
    assert!(
        text.contains("Akteur*innen aus dem Kreis"),
        "gender star: {text}"
    );
    assert_eq!(
        prose.select(&sel("p em")).count(),
        0,
        "no emphasis from the star"
    );

    // Footnote: a reference that leads to its note on the same page.
    let refs: Vec<_> = prose.select(&sel("sup a[href^='#']")).collect();
    assert_eq!(refs.len(), 1, "one footnote reference");
    let target = &refs[0].value().attr("href").unwrap()[1..];
    let note = doc
        .select(&sel(&format!("[id='{target}']")))
        .next()
        .expect("the footnote's target");
    assert!(text_of(note).contains("Nach der Bestandsaufnahme im Herbst 2022."));

    // Table: wrapped for small screens, with header cells.
    let table = prose
        .select(&sel(".table-wrap > table"))
        .next()
        .expect("a wrapped table");
    assert_eq!(
        table
            .select(&sel("thead th"))
            .map(text_of)
            .collect::<Vec<_>>(),
        ["Kommune", "Einwohner"]
    );
    assert_eq!(table.select(&sel("tbody tr")).count(), 2);

    // Task list: two items with markers that say done / open, no `[x]` left.
    let items: Vec<ElementRef> = prose
        .select(&sel("li"))
        .filter(|li| {
            let t = text_of(*li);
            t.contains("Bestandsaufnahme abschließen") || t.contains("Monitoring aufbauen")
        })
        .collect();
    assert_eq!(items.len(), 2);
    let markers: Vec<String> = items
        .iter()
        .map(|li| {
            let m = li
                .select(&sel("[aria-label], input[type=checkbox]"))
                .next()
                .expect("a task marker");
            m.value()
                .attr("aria-label")
                .map(str::to_string)
                .unwrap_or_else(|| m.value().attr("checked").is_some().to_string())
        })
        .collect();
    assert_ne!(
        markers[0], markers[1],
        "done and open look different to screen readers"
    );
    assert!(!text.contains("[x]") && !text.contains("[ ]"));

    // Image: a figure with alt text and the title as caption.
    let fig = prose.select(&sel("figure")).next().expect("a figure");
    let img = fig.select(&sel("img")).next().expect("an image");
    assert_eq!(
        img.value().attr("alt"),
        Some("Zeitleiste des Beteiligungsprozesses von 2022 bis 2025")
    );
    assert_eq!(
        resolve(page, img.value().attr("src").unwrap(), "/")
            .unwrap()
            .unwrap()
            .0,
        "media/bilder/zeitleiste.svg"
    );
    assert_eq!(
        texts(&doc, "figure figcaption"),
        ["Der Beteiligungsprozess im Überblick"]
    );
}

#[test]
fn open_data_parses_and_holds_every_record() {
    let p = built();
    let out = p.path().join("public/data");
    let json = |name: &str| -> Vec<serde_json::Value> {
        let text = std::fs::read_to_string(out.join(name)).unwrap();
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    let ids = |v: &[serde_json::Value], key: &str| -> Vec<String> {
        v.iter()
            .map(|r| r[key].as_str().unwrap().to_string())
            .collect()
    };
    let emp = json("empfehlungen.json");
    assert_eq!(ids(&emp, "id"), ["SB-1", "SB-2", "AW-1"]);
    assert_eq!(emp[0]["titel"], "Angebote transparenter machen");
    assert_eq!(emp[1]["mehrkosten"], true);
    let mas = json("massnahmen.json");
    assert_eq!(ids(&mas, "id"), ["M-001", "M-002", "M-003"]);
    assert_eq!(
        mas[1]["kommunen"],
        serde_json::json!(["nordstadt", "suedheim"])
    );
    let kom = json("kommunen.json");
    assert_eq!(ids(&kom, "slug"), ["nordstadt", "suedheim"]);
    assert_eq!(kom[0]["einwohner"]["anzahl"], 1200);
    assert_eq!(
        ids(&json("handlungsfelder.json"), "id"),
        ["sprache-bildung", "arbeit-wirtschaft"]
    );
    assert_eq!(
        ids(&json("zielgruppen.json"), "id"),
        ["ukraine", "mittel-suedosteuropa"]
    );

    let csv = |name: &str| -> (Vec<String>, Vec<Vec<String>>) {
        let mut r = csv::Reader::from_path(out.join(name)).unwrap();
        let head = r.headers().unwrap().iter().map(str::to_string).collect();
        let rows = r
            .records()
            .map(|x| {
                x.unwrap_or_else(|e| panic!("{name}: {e}"))
                    .iter()
                    .map(str::to_string)
                    .collect()
            })
            .collect();
        (head, rows)
    };
    let col = |(head, rows): &(Vec<String>, Vec<Vec<String>>), name: &str| -> Vec<String> {
        let i = head
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}"));
        rows.iter().map(|r| r[i].clone()).collect()
    };
    let e = csv("empfehlungen.csv");
    assert_eq!(col(&e, "id"), ["SB-1", "SB-2", "AW-1"]);
    assert_eq!(col(&e, "titel")[0], "Angebote transparenter machen");
    let m = csv("massnahmen.csv");
    assert_eq!(col(&m, "id"), ["M-001", "M-002", "M-003"]);
    assert_eq!(col(&m, "empfehlung"), ["SB-1", "SB-2", "AW-1"]);
    assert_eq!(col(&m, "status"), ["laufend", "geplant", "umgesetzt"]);
    let k = csv("kommunen.csv");
    assert_eq!(col(&k, "slug"), ["nordstadt", "suedheim"]);
    assert_eq!(col(&k, "einwohner"), ["1200", "800"]);
    let a = csv("angebote.csv");
    assert_eq!(col(&a, "titel"), ["Sprachcafé", "Elterncafé"]);
}

#[test]
fn builds_are_byte_identical() {
    let p = built();
    let first = tree(&p.path().join("public"));
    p.run(&["build", "--no-pdf"]).ok();
    let again = tree(&p.path().join("public"));
    assert_same_tree(&first, &again, "a rebuild in place");
    // A second copy in another folder: no absolute paths or times leak in.
    let q = built();
    let other = tree(&q.path().join("public"));
    assert_same_tree(&first, &other, "a build in another folder");
}

// ---------------------------------------------------------------------------
// Broken sources: exit 1, every problem at its place, the last site untouched.

/// Builds the broken project `p` (which was built once before, giving
/// `before`) and checks the outcome: exit code 1, exactly the `short`
/// diagnostics, each of `hints` in the long form, and the old site intact.
fn assert_rejected(p: &Project, before: &Tree, short: &[&str], hints: &[&str]) -> Run {
    let r = p.run(&["build", "--no-pdf", "--diagnostic-format", "short"]);
    assert_eq!(
        r.code, 1,
        "a broken source is exit code 1\nstderr:\n{}",
        r.stderr
    );
    // Only the errors: the warnings are the findings `check` prints too
    // (`findings_agree::check_and_build_report_the_same_findings`).
    let lines: Vec<&str> = r
        .stderr
        .lines()
        .filter(|l| !l.starts_with("konzept: ") && !l.contains(": warning: "))
        .collect();
    assert_eq!(lines, short, "\nstderr:\n{}", r.stderr);
    assert!(
        r.stderr.contains("nothing was written"),
        "the summary says nothing was written:\n{}",
        r.stderr
    );
    assert_same_tree(
        before,
        &tree(&p.path().join("public")),
        "the site after a failed build",
    );
    let leftovers: Vec<String> = std::fs::read_dir(p.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".konzept") && !n.ends_with(".lock"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "staging folders left behind: {leftovers:?}"
    );
    let long = p.run(&["build", "--no-pdf"]);
    assert_eq!(long.code, 1);
    for h in hints {
        assert!(
            long.stderr.contains(&format!("= hint: {h}")),
            "missing hint `{h}` in:\n{}",
            long.stderr
        );
    }
    long
}

/// The minimal project, built, then broken by `f`; returns it with the site
/// as it was before breaking.
fn broken(f: impl FnOnce(&Project)) -> (Project, Tree) {
    let p = built();
    let before = tree(&p.path().join("public"));
    assert!(before.contains_key("index.html"));
    f(&p);
    (p, before)
}

#[test]
fn broken_yaml_is_reported_at_its_place() {
    let (p, before) = broken(|p| {
        edit(
            p,
            "data/massnahmen.yaml",
            "  titel: Kita-Lotsinnen",
            "  titel: \"Kita-Lotsinnen",
        )
    });
    assert_rejected(
        &p,
        &before,
        &["data/massnahmen.yaml:10:10: error: this is not valid YAML: unclosed quote"],
        &[
            "check the indentation and that text containing `: ` or starting with a special character is in quotes",
        ],
    );
}

#[test]
fn broken_yaml_in_a_referenced_file_gives_one_error_not_a_cascade() {
    // Recommendations, chapters and listings name the fields of action; when
    // their file cannot be read, only that file's error is reported.
    let (p, before) = broken(|p| {
        edit(
            p,
            "data/handlungsfelder.yaml",
            "  titel: Sprache und Bildung",
            "  titel: 'Sprache und Bildung",
        )
    });
    let r = p.run(&["build", "--no-pdf", "--diagnostic-format", "short"]);
    assert_eq!(r.code, 1);
    let lines: Vec<&str> = r
        .stderr
        .lines()
        .filter(|l| !l.starts_with("konzept: "))
        .collect();
    assert_eq!(
        lines.len(),
        1,
        "one error, no follow-up errors:\n{}",
        r.stderr
    );
    assert!(
        lines[0].starts_with(
            "data/handlungsfelder.yaml:3:10: error: this is not valid YAML: unclosed quote"
        ),
        "{}",
        lines[0]
    );
    assert_same_tree(
        &before,
        &tree(&p.path().join("public")),
        "the site after a failed build",
    );
}

#[test]
fn wrong_type_names_the_field_value_and_fix_with_an_excerpt() {
    let (p, before) = broken(|p| {
        edit(
            p,
            "data/kommunen/nordstadt.yaml",
            "  anzahl: 1200",
            "  anzahl: zwölf",
        )
    });
    let long = assert_rejected(
        &p,
        &before,
        &["data/kommunen/nordstadt.yaml:4:11: error: expected a whole number, found `zwölf`"],
        &["write digits only, without dots or spaces"],
    );
    // The long form, exactly: message, location, the source line, a caret
    // under the value, the hint. Nothing else (no follow-up error about the
    // municipality the measures name).
    let expected = "\
error: expected a whole number, found `zwölf`
  ┌─ data/kommunen/nordstadt.yaml:4:11
  │
4 │   anzahl: zwölf
  │           ^^^^^
  │
  = hint: write digits only, without dots or spaces

konzept: 1 error, 0 warnings; nothing was written
";
    assert_eq!(long.stderr, expected);
}

#[test]
fn unknown_field_suggests_the_right_one() {
    let (p, before) = broken(|p| {
        edit(
            p,
            "data/massnahmen.yaml",
            "  zustaendig: Jobcenter",
            "  zustaendigkeit: Jobcenter",
        )
    });
    assert_rejected(
        &p,
        &before,
        &["data/massnahmen.yaml:21:3: error: unknown field `zustaendigkeit`"],
        &[
            "did you mean `zustaendig`? Fields here: id, titel, empfehlung, kommunen, verantwortlich, partner, zustaendig, zeitraum, status, beschreibung, verlauf",
        ],
    );
}

#[test]
fn measure_naming_a_missing_recommendation() {
    let (p, before) = broken(|p| {
        edit(
            p,
            "data/massnahmen.yaml",
            "empfehlung: AW-1",
            "empfehlung: AW-9",
        )
    });
    assert_rejected(
        &p,
        &before,
        &["data/massnahmen.yaml:19:15: error: unknown recommendation `AW-9`"],
        &[
            "did you mean `AW-1`?",
            "recommendations are defined in data/empfehlungen.yaml",
        ],
    );
}

#[test]
fn measure_naming_a_missing_municipality() {
    let (p, before) = broken(|p| {
        edit(
            p,
            "data/massnahmen.yaml",
            "[nordstadt, suedheim]",
            "[nordstadt, suedhiem]",
        )
    });
    assert_rejected(
        &p,
        &before,
        &["data/massnahmen.yaml:12:25: error: unknown municipality `suedhiem`"],
        &[
            "did you mean `suedheim`?",
            "municipalities are defined in data/kommunen/ (one file each)",
        ],
    );
}

#[test]
fn duplicate_id_points_at_the_second_use() {
    let (p, before) = broken(|p| edit(p, "data/massnahmen.yaml", "- id: M-003", "- id: M-002"));
    assert_rejected(
        &p,
        &before,
        &["data/massnahmen.yaml:17:7: error: the measure id `M-002` is used twice"],
        &["it is first used on line 9; give this record a new id"],
    );
}

#[test]
fn unclosed_front_matter() {
    let (p, before) = broken(|p| {
        edit(
            p,
            "content/02-ausblick.md",
            "summary: Was als Nächstes geschieht.\n---\n",
            "summary: Was als Nächstes geschieht.\n",
        )
    });
    assert_rejected(
        &p,
        &before,
        &["content/02-ausblick.md:1:1: error: the front matter is not closed"],
        &["add a line `---` after the last front-matter field (`title:`, `summary:` …)"],
    );
}

#[test]
fn chapter_that_is_not_utf8() {
    let (p, before) = broken(|p| {
        let path = p.path().join("content/02-ausblick.md");
        let mut bytes = std::fs::read(&path).unwrap();
        bytes.extend_from_slice(b"\nGr\xfc\xdfe aus S\xfcdheim\n"); // Latin-1
        std::fs::write(path, bytes).unwrap();
    });
    assert_rejected(
        &p,
        &before,
        &["content/02-ausblick.md:10:3: error: the file is not UTF-8 text"],
        &["save the file as UTF-8 in your editor (\"Kodierung: UTF-8\")"],
    );
}

#[test]
fn data_file_that_is_not_utf8() {
    let (p, before) = broken(|p| {
        let path = p.path().join("data/kommunen/suedheim.yaml");
        let text = std::fs::read(&path).unwrap();
        let mut bytes: Vec<u8> = Vec::new();
        bytes.extend_from_slice(&text[..]);
        let needle = "Südheim".as_bytes();
        let at = bytes
            .windows(needle.len())
            .position(|w| w == needle)
            .unwrap();
        bytes.splice(at..at + needle.len(), b"S\xfcdheim".iter().copied()); // Latin-1 ü
        std::fs::write(path, bytes).unwrap();
    });
    assert_rejected(
        &p,
        &before,
        &["data/kommunen/suedheim.yaml:1:8: error: the file is not UTF-8 text"],
        &["save the file as UTF-8 in your editor (\"Kodierung: UTF-8\")"],
    );
}

#[test]
fn missing_image() {
    let (p, before) = broken(|p| {
        edit(
            p,
            "content/01-einleitung.md",
            "(bilder/zeitleiste.svg",
            "(bilder/zeitleiste.png",
        )
    });
    assert_rejected(
        &p,
        &before,
        &["content/01-einleitung.md:33:1: error: the image `bilder/zeitleiste.png` does not exist"],
        &["the path is relative to the chapter; konzept looked for content/bilder/zeitleiste.png"],
    );
}

#[test]
fn image_without_alt_text() {
    let (p, before) = broken(|p| {
        edit(
            p,
            "content/01-einleitung.md",
            "![Zeitleiste des Beteiligungsprozesses von 2022 bis 2025]",
            "![]",
        )
    });
    assert_rejected(
        &p,
        &before,
        &[
            "content/01-einleitung.md:33:1: error: the image `bilder/zeitleiste.svg` has no alt text",
        ],
        &[
            "describe the image between the brackets: `![Zeitleiste des Beteiligungsprozesses](bild.svg)`",
        ],
    );
}

#[test]
fn chapter_links_to_missing_record_chapter_and_anchor() {
    let (p, before) = broken(|p| {
        edit(
            p,
            "content/01-einleitung.md",
            "(empfehlung:SB-1)",
            "(empfehlung:SB-7)",
        );
        edit(
            p,
            "content/01-einleitung.md",
            "(kapitel:ausblick#ziele)",
            "(kapitel:ausblik)",
        );
        let text = p.read("content/02-ausblick.md");
        p.write(
            "content/02-ausblick.md",
            &format!("{text}\nSiehe [oben](kapitel:einleitung#anlas).\n"),
        );
    });
    assert_rejected(
        &p,
        &before,
        &[
            "content/01-einleitung.md:11:31: error: the link target `empfehlung:SB-7` does not exist",
            "content/01-einleitung.md:11:79: error: the link target `kapitel:ausblik` does not exist",
            "content/02-ausblick.md:10:7: error: the chapter `einleitung` has no heading `#anlas`",
        ],
        &[
            "did you mean `empfehlung:SB-2`?",
            "did you mean `kapitel:ausblick`?",
            "did you mean `#anlass`?",
        ],
    );
}

#[test]
fn unknown_key_in_book_toml_suggests_the_right_one() {
    let (p, before) = broken(|p| edit(p, "book.toml", "\nsubtitle =", "\nsubtitel ="));
    assert_rejected(
        &p,
        &before,
        &["book.toml:3:1: error: unknown key `subtitel`"],
        &["did you mean `subtitle`?"],
    );
}

#[test]
fn every_error_of_a_run_is_reported_at_once() {
    let (p, before) = broken(|p| {
        edit(
            p,
            "data/empfehlungen.yaml",
            "  ebene: kreis",
            "  ebne: kreis",
        );
        edit(
            p,
            "data/massnahmen.yaml",
            "  status: geplant",
            "  status: geplannt",
        );
        edit(
            p,
            "content/02-ausblick.md",
            "## Ziele {#ziele}",
            "## Ziele {#ziele}\n\n![Karte](karte.svg)",
        );
        edit(
            p,
            "data/kommunen/suedheim.yaml",
            "  anzahl: 800",
            "  anzahl: 8.000,5",
        );
    });
    assert_rejected(
        &p,
        &before,
        &[
            "content/02-ausblick.md:8:1: error: the image `karte.svg` does not exist",
            "data/empfehlungen.yaml:27:3: error: unknown field `ebne`",
            "data/kommunen/suedheim.yaml:4:11: error: expected a whole number, found `8.000,5`",
            "data/massnahmen.yaml:15:11: error: `geplannt` is not an allowed value here",
        ],
        &["did you mean `ebene`?", "did you mean `geplant`?"],
    );
}

// ---------------------------------------------------------------------------
// HTML in sources.

/// Whether any element of any page has an event-handler attribute.
fn handlers(all: &BTreeMap<String, Html>) -> Vec<String> {
    let mut found = Vec::new();
    for (page, doc) in all {
        for e in doc.select(&sel("*")) {
            for (name, _) in e.value().attrs() {
                if name.starts_with("on") {
                    found.push(format!("{page}: <{} {name}>", e.value().name()));
                }
            }
        }
    }
    found
}

/// The inline scripts (no `src`) whose code mentions `needle`.
fn scripts_with(all: &BTreeMap<String, Html>, needle: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (page, doc) in all {
        for s in doc.select(&sel("script")) {
            if s.text().collect::<String>().contains(needle) {
                found.push(page.clone());
            }
        }
    }
    found
}

#[test]
fn html_in_a_yaml_field_is_shown_as_text() {
    let p = Project::fixture(MINIMAL);
    edit(
        &p,
        "data/empfehlungen.yaml",
        "  titel: Angebote transparenter machen",
        "  titel: <script>alert(1)</script>",
    );
    edit(
        &p,
        "data/empfehlungen.yaml",
        "    Alle Sprachkurse stehen in einem gemeinsamen Wegweiser.",
        "    Bild: <img src=x onerror=alert(2)> und <b onclick=\"alert(3)\">fett</b>",
    );
    p.run(&["build", "--no-pdf"]).ok();
    let all = pages(&p.path().join("public"));
    assert_eq!(
        scripts_with(&all, "alert"),
        Vec::<String>::new(),
        "no script element from YAML"
    );
    assert_eq!(
        handlers(&all),
        Vec::<String>::new(),
        "no event handler from YAML"
    );
    let doc = &all["empfehlungen/sb-1/index.html"];
    assert_eq!(
        texts(doc, "h1"),
        ["<script>alert(1)</script>"],
        "the title is visible as text"
    );
    let main = texts(doc, "main").join(" ");
    assert!(
        main.contains("Bild: <img src=x onerror=alert(2)> und <b onclick=\"alert(3)\">fett</b>"),
        "the text is visible as written: {main}"
    );
    assert_eq!(doc.select(&sel("main img[src=x]")).count(), 0);
    // The record link in the chapter carries the title as text too.
    let ch = &all["kapitel/einleitung/index.html"];
    assert!(texts(ch, ".prose a").contains(&"SB-1: <script>alert(1)</script>".to_string()));
}

const RAW: &str = "\n<div onclick=\"alert(4)\">Roh</div>\n\n<script>alert(5)</script>\n\nText mit <b onmouseover=\"alert(6)\">fett</b>.\n";

#[test]
fn raw_html_in_a_chapter_is_sanitised() {
    let p = Project::fixture(MINIMAL);
    let text = p.read("content/02-ausblick.md");
    p.write("content/02-ausblick.md", &format!("{text}{RAW}"));
    let r = p.run(&["build", "--no-pdf", "--diagnostic-format", "short"]);
    r.ok();
    assert!(
        r.stderr
            .contains("content/02-ausblick.md:10:1: warning: raw HTML is removed or cleaned"),
        "editors are told:\n{}",
        r.stderr
    );
    let all = pages(&p.path().join("public"));
    assert_eq!(scripts_with(&all, "alert"), Vec::<String>::new());
    assert_eq!(handlers(&all), Vec::<String>::new());
    let main = texts(&all["kapitel/ausblick/index.html"], "main").join(" ");
    assert!(
        main.contains("Roh") && main.contains("fett"),
        "harmless text stays: {main}"
    );
}

#[test]
fn raw_html_is_sanitised_more_widely_when_book_toml_allows_it() {
    let p = Project::fixture(MINIMAL);
    let text = p.read("content/02-ausblick.md");
    p.write(
        "content/02-ausblick.md",
        &format!("{text}{RAW}\n<iframe src=\"https://video.example/film\" title=\"Film\" onload=\"alert(7)\"></iframe>\n"),
    );
    edit(
        &p,
        "book.toml",
        "theme = \"default\"",
        "theme = \"default\"\nallow_html = true",
    );
    let r = p.run(&["build", "--no-pdf"]);
    r.ok();
    // The site keeps it; the PDFs print its text, so nothing is left out.
    assert!(
        !r.stderr.contains("raw HTML is removed or cleaned"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("left out of the PDFs"), "{}", r.stderr);
    let all = pages(&p.path().join("public"));
    // book.toml is an editor's file too: allowing HTML keeps more elements,
    // never scripts or event handlers.
    assert_eq!(scripts_with(&all, "alert"), Vec::<String>::new());
    assert_eq!(handlers(&all), Vec::<String>::new());
    let doc = &all["kapitel/ausblick/index.html"];
    assert_eq!(doc.select(&sel("main iframe[src^='https://']")).count(), 1);
    let main = texts(doc, "main").join(" ");
    assert!(main.contains("Roh") && main.contains("fett"), "{main}");
}

// ---------------------------------------------------------------------------
// The output folder and exit codes.

/// Runs `build` with `args` and checks it is refused with `message`, and that
/// nothing in the project changed.
fn assert_refused(p: &Project, args: &[&str], message: &str) {
    let before = tree(p.path());
    let r = p.run(args);
    assert_eq!(r.code, 1, "refused with exit code 1\nstderr:\n{}", r.stderr);
    assert!(
        r.stderr.contains(message),
        "expected `{message}` in:\n{}",
        r.stderr
    );
    assert_same_tree(
        &before,
        &tree(p.path()),
        "the project after a refused build",
    );
}

#[test]
fn refuses_the_project_root_and_its_parent_as_output() {
    let p = Project::fixture(MINIMAL);
    assert_refused(
        &p,
        &["build", "--no-pdf", "--out", "."],
        "refusing to write to .: it is (or contains) the project folder",
    );
    assert_refused(
        &p,
        &["build", "--no-pdf", "--force", "--out", ".."],
        "refusing to write to ..: it is (or contains) the project folder",
    );
}

#[test]
fn refuses_a_folder_holding_sources_even_with_force() {
    let p = Project::fixture(MINIMAL);
    p.write("other/book.toml", "title = \"Ein anderes Projekt\"\n");
    p.write("other/content/01-a.md", "---\ntitle: A\n---\n");
    assert_refused(
        &p,
        &["build", "--no-pdf", "--force", "--out", "other"],
        "refusing to replace other: it holds `content`, which looks like sources",
    );
    assert_refused(
        &p,
        &["build", "--no-pdf", "--force", "--out", "content"],
        "refusing to write to content",
    );
}

#[test]
fn refuses_a_foreign_folder_unless_forced() {
    let p = Project::fixture(MINIMAL);
    p.write("site/notizen.txt", "Nicht löschen!\n");
    assert_refused(
        &p,
        &["build", "--no-pdf", "--out", "site"],
        "refusing to replace site: konzept did not make this folder (it has no .konzept-output file)",
    );
    let r = p.run(&["build", "--no-pdf", "--out", "site"]);
    assert!(
        r.stderr.contains("--force"),
        "the message says how to override:\n{}",
        r.stderr
    );
    p.run(&["build", "--no-pdf", "--out", "site", "--force"])
        .ok();
    assert!(p.path().join("site/index.html").is_file());
    assert!(p.path().join("site/.konzept-output").is_file());
    assert!(!p.path().join("site/notizen.txt").exists());
    assert!(
        !p.path().join("public").exists(),
        "--out replaces book.toml's output"
    );
    // Now konzept made it: a plain rebuild is fine.
    p.run(&["build", "--no-pdf", "--out", "site"]).ok();
}

#[test]
fn exit_codes_distinguish_success_sources_and_usage() {
    let p = Project::fixture(MINIMAL);
    let r = p.run(&["build", "--no-pdf", "--frobnicate"]);
    assert_eq!(r.code, 2, "wrong usage is exit code 2\n{}", r.stderr);
    assert!(r.stderr.contains("--frobnicate"), "{}", r.stderr);
    assert!(
        !p.path().join("public").exists(),
        "nothing is built on wrong usage"
    );
    assert_eq!(p.run(&["build", "--no-pdf"]).code, 0);
    edit(
        &p,
        "data/massnahmen.yaml",
        "empfehlung: AW-1",
        "empfehlung: AW-9",
    );
    assert_eq!(p.run(&["build", "--no-pdf"]).code, 1);
    assert_eq!(p.run(&["build", "--help"]).code, 0);
}

#[test]
fn builds_from_another_folder_with_root() {
    let p = Project::fixture(MINIMAL);
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let r = crate::fixture::konzept()
        .args(["build", "--no-pdf", "--root"])
        .arg(p.path())
        .arg("--out")
        .arg(&site)
        .current_dir(out.path())
        .output()
        .unwrap();
    Run::from(r).ok();
    assert!(site.join("kapitel/einleitung/index.html").is_file());
    assert!(!p.path().join("public").exists());
}
