//! Invariants of the sample publication at the repository root (issue 3's
//! checks) that a careless edit would break: the facts (13 municipalities
//! and their inhabitants), the size of the data and the text, figures with
//! alt text, and — on the built site — that every recommendation is
//! reachable from its field of action and every measure is linked both ways
//! with its recommendation. The sources are read directly with serde-saphyr
//! and pulldown-cmark, not through konzept's own loader.

use crate::build::{assert_same_tree, broken_links, pages, resolve, tree};
use crate::fixture::{Project, repo};
use scraper::{Html, Selector};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Inhabitants (main residence, 1 Jan 2018) of the 13 towns and
/// municipalities, as listed row by row in `../shared/facts.md`.
///
/// facts.md also gives a line "Kreis Gütersloh, total | 361,828", but its 13
/// rows add up to 370,040: the stated total does not match its own rows
/// (likely a total from another date or a typo in the source table). The
/// sample shows the 13 rows, so their sum, 370,040, is what it must keep.
const FACTS: [(&str, u64); 13] = [
    ("Borgholzhausen", 8_949),
    ("Gütersloh", 101_653),
    ("Halle (Westf.)", 21_820),
    ("Harsewinkel", 25_677),
    ("Herzebrock-Clarholz", 16_558),
    ("Langenberg", 8_539),
    ("Rheda-Wiedenbrück", 49_529),
    ("Rietberg", 30_929),
    ("Schloß Holte-Stukenbrock", 26_450),
    ("Steinhagen", 20_700),
    ("Verl", 25_962),
    ("Versmold", 21_744),
    ("Werther (Westf.)", 11_530),
];

/// The sum of the 13 rows of facts.md (see [`FACTS`] for why not 361,828).
const FACTS_SUM: u64 = 370_040;

const STATUSES: [&str; 4] = ["geplant", "laufend", "umgesetzt", "zurückgestellt"];

fn yaml(rel: &str) -> Value {
    let path = repo().join(rel);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{rel}: {e}"));
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn list(rel: &str) -> Vec<Value> {
    match yaml(rel) {
        Value::Array(v) => v,
        other => panic!("{rel} is not a list: {other}"),
    }
}

fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("`{key}` is not a text in {v}"))
}

/// Every municipality file: slug → record.
fn kommunen() -> BTreeMap<String, Value> {
    let dir = repo().join("data/kommunen");
    std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .map(|p| {
            let slug = p.file_stem().unwrap().to_string_lossy().into_owned();
            let v = yaml(&format!("data/kommunen/{slug}.yaml"));
            (slug, v)
        })
        .collect()
}

/// Every Markdown file under content/, relative to the repository root.
fn chapters() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = walkdir::WalkDir::new(repo().join("content"))
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    v.sort();
    v
}

/// A chapter's front matter (as YAML) and its body.
fn split(path: &Path) -> (Value, String) {
    let text = std::fs::read_to_string(path).unwrap();
    let rest = text
        .strip_prefix("---\n")
        .unwrap_or_else(|| panic!("{} has no front matter", path.display()));
    let end = rest.find("\n---\n").expect("closed front matter");
    let fm: Value = serde_saphyr::from_str(&rest[..end]).unwrap();
    (fm, rest[end + 5..].to_string())
}

fn md_options() -> pulldown_cmark::Options {
    use pulldown_cmark::Options;
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

#[test]
fn thirteen_municipalities_with_the_inhabitants_from_the_facts() {
    let ks = kommunen();
    assert_eq!(ks.len(), 13, "{:?}", ks.keys());
    let by_name: BTreeMap<&str, &Value> = ks.values().map(|k| (s(k, "name"), k)).collect();
    let mut sum = 0;
    for (name, inhabitants) in FACTS {
        let k = by_name
            .get(name)
            .unwrap_or_else(|| panic!("no municipality named {name}"));
        let e = &k["einwohner"];
        assert_eq!(e["anzahl"].as_u64(), Some(inhabitants), "{name}");
        assert_eq!(
            s(e, "stand"),
            "2018-01-01",
            "{name}: the date of the number"
        );
        assert!(
            s(e, "quelle").contains("Bevölkerung im Kreis Gütersloh"),
            "{name}: the source of the number"
        );
        sum += e["anzahl"].as_u64().unwrap();
    }
    assert_eq!(sum, FACTS_SUM);
    assert_eq!(FACTS.iter().map(|(_, n)| n).sum::<u64>(), FACTS_SUM);
}

#[test]
fn enough_offers_recommendations_and_measures() {
    for (slug, k) in kommunen() {
        let n = k["angebote"].as_array().map_or(0, Vec::len);
        assert!(n >= 3, "{slug} has {n} offers, at least 3 expected");
    }

    let fields: Vec<String> = list("data/handlungsfelder.yaml")
        .iter()
        .map(|h| s(h, "id").to_string())
        .collect();
    assert_eq!(fields.len(), 6);
    assert_eq!(list("data/zielgruppen.yaml").len(), 4);

    let emp = list("data/empfehlungen.yaml");
    assert!(emp.len() >= 30, "{} recommendations", emp.len());
    for f in &fields {
        let n = emp.iter().filter(|e| s(e, "handlungsfeld") == f).count();
        assert!(n >= 4, "{f} has {n} recommendations, at least 4 expected");
    }
    let short = emp.iter().filter(|e| e["kurzfassung"] == true).count();
    let third = emp.len() as f64 / 3.0;
    assert!(
        (short as f64 - third).abs() <= emp.len() as f64 * 0.1,
        "about a third in the short version: {short} of {}",
        emp.len()
    );
    let funding = emp.iter().filter(|e| e["mehrkosten"] == true).count();
    assert!(
        funding >= 1 && funding < emp.len(),
        "some need additional funding: {funding}"
    );
    // The three recommendations reported in the press.
    let titles: Vec<String> = emp.iter().map(|e| s(e, "titel").to_lowercase()).collect();
    for words in [
        &["angebote", "transparent"][..],
        &["ehrenamt", "stärken"],
        &["mittel- und südosteuropa", "unterstützen"],
    ] {
        assert!(
            titles.iter().any(|t| words.iter().all(|w| t.contains(w))),
            "no recommendation titled with {words:?}"
        );
    }

    let ids: BTreeSet<&str> = emp.iter().map(|e| s(e, "id")).collect();
    assert_eq!(ids.len(), emp.len(), "recommendation ids are unique");
    let mas = list("data/massnahmen.yaml");
    assert!(mas.len() >= 60, "{} measures", mas.len());
    for st in STATUSES {
        assert!(
            mas.iter().any(|m| s(m, "status") == st),
            "no measure is `{st}`"
        );
    }
    let slugs: BTreeSet<String> = kommunen().into_keys().collect();
    let mut named = BTreeSet::new();
    for m in &mas {
        let id = s(m, "id");
        assert!(
            ids.contains(s(m, "empfehlung")),
            "{id} implements an unknown recommendation"
        );
        for k in m["kommunen"].as_array().unwrap() {
            let k = k.as_str().unwrap();
            assert!(k == "kreisweit" || slugs.contains(k), "{id}: `{k}`");
            named.insert(k.to_string());
        }
    }
    for slug in &slugs {
        assert!(named.contains(slug), "no measure in {slug}");
    }
}

#[test]
fn every_figure_has_alt_text_and_every_svg_a_title_and_description() {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut images = 0;
    for path in chapters() {
        let (_, body) = split(&path);
        let mut alt: Option<(String, String)> = None;
        for ev in Parser::new_ext(&body, md_options()) {
            match ev {
                Event::Start(Tag::Image { dest_url, .. }) => {
                    alt = Some((dest_url.to_string(), String::new()))
                }
                Event::Text(t) | Event::Code(t) => {
                    if let Some((_, a)) = &mut alt {
                        a.push_str(&t);
                    }
                }
                Event::End(TagEnd::Image) => {
                    let (src, a) = alt.take().unwrap();
                    assert!(
                        a.trim().chars().count() >= 10,
                        "{}: the image {src} needs a real alt text, has `{a}`",
                        path.display()
                    );
                    let file = path.parent().unwrap().join(&src);
                    assert!(file.is_file(), "{}: {src} is missing", path.display());
                    images += 1;
                }
                _ => {}
            }
        }
    }
    assert!(images >= 3, "at least three figures, found {images}");

    let svgs: Vec<PathBuf> = walkdir::WalkDir::new(repo().join("content"))
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|x| x == "svg"))
        .collect();
    assert!(svgs.len() >= 3, "at least three SVG figures");
    let title = Selector::parse("svg > title").unwrap();
    let desc = Selector::parse("svg > desc").unwrap();
    for svg in svgs {
        let doc = Html::parse_document(&std::fs::read_to_string(&svg).unwrap());
        for (sel, what) in [(&title, "title"), (&desc, "desc")] {
            let text: String = doc
                .select(sel)
                .next()
                .map(|e| e.text().collect())
                .unwrap_or_default();
            assert!(!text.trim().is_empty(), "{} has no <{what}>", svg.display());
        }
    }
}

#[test]
fn chapters_have_summaries_and_the_long_version_is_long() {
    use pulldown_cmark::{Event, Parser};
    let mut words = 0;
    let mut fields = BTreeSet::new();
    let mut kinds = BTreeSet::new();
    for path in chapters() {
        let (fm, body) = split(&path);
        let summary = fm["summary"].as_str().unwrap_or("");
        assert!(
            summary.split_whitespace().count() >= 8,
            "{}: a summary that reads on its own",
            path.display()
        );
        if let Some(h) = fm["handlungsfeld"].as_str() {
            fields.insert(h.to_string());
        }
        if let Some(k) = fm["kind"].as_str() {
            kinds.insert(k.to_string());
        }
        for ev in Parser::new_ext(&body, md_options()) {
            if let Event::Text(t) = ev {
                words += t.split_whitespace().count();
            }
        }
    }
    assert_eq!(
        fields.len(),
        6,
        "one chapter per field of action: {fields:?}"
    );
    for k in ["imprint", "accessibility", "easy-language"] {
        assert!(kinds.contains(k), "no `{k}` page");
    }
    assert!(
        words >= 18_000,
        "the long version has {words} words; about 18,000 fill 60 A4 pages"
    );
}

/// Links from `page` (a site path) to other site files.
fn links_from(doc: &Html, page: &str) -> BTreeSet<String> {
    let a = Selector::parse("main a[href]").unwrap();
    doc.select(&a)
        .filter_map(
            |e| match resolve(page, e.value().attr("href").unwrap(), "/")? {
                Ok((file, _)) => Some(file),
                Err(_) => None,
            },
        )
        .collect()
}

fn record_page(kind: &str, id: &str) -> String {
    format!("{kind}/{}/index.html", id.to_lowercase())
}

#[test]
fn sample_builds_cleanly_and_its_records_are_linked() {
    let p = Project::sample();
    let r = p.run(&["build", "--no-pdf"]);
    r.ok();
    assert!(
        !r.stderr.contains("warning:"),
        "the sample builds without warnings:\n{}",
        r.stderr
    );
    let out = p.path().join("public");
    let broken = broken_links(&out, "/");
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));

    let site = pages(&out);
    let emp = list("data/empfehlungen.yaml");
    for e in &emp {
        let (id, field) = (s(e, "id"), s(e, "handlungsfeld"));
        let page = format!("handlungsfelder/{field}/index.html");
        let doc = site
            .get(&page)
            .unwrap_or_else(|| panic!("{page} is missing"));
        assert!(
            links_from(doc, &page).contains(&record_page("empfehlungen", id)),
            "{page} does not link to {id}"
        );
    }
    for m in list("data/massnahmen.yaml") {
        let (id, e) = (s(&m, "id"), s(&m, "empfehlung"));
        let (mp, ep) = (
            record_page("massnahmen", id),
            record_page("empfehlungen", e),
        );
        let mdoc = site.get(&mp).unwrap_or_else(|| panic!("{mp} is missing"));
        assert!(
            links_from(mdoc, &mp).contains(&ep),
            "{id} does not link to {e}"
        );
        let edoc = &site[&ep];
        assert!(
            links_from(edoc, &ep).contains(&mp),
            "{e} does not link back to {id}"
        );
    }
    for slug in kommunen().keys() {
        assert!(
            site.contains_key(&format!("kommunen/{slug}/index.html")),
            "{slug}"
        );
    }

    // Building again gives the same bytes (the search index included).
    let first = tree(&out);
    p.run(&["build", "--no-pdf"]).ok();
    assert_same_tree(&first, &tree(&out), "the sample rebuilt");
}
