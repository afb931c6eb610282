//! The reader's site (issue 14): every page valid HTML by the Nu HTML
//! Checker, sitemap and canonical links absolute, the DCAT-AP.de catalogue
//! and the data dictionary, structured offers in the open data and as
//! schema.org JSON-LD, the sign-language page, and each page's "Stand".

use crate::fixture::{Project, repo};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The Nu HTML Checker that `scripts/install-deps` installs.
fn vnu_jar() -> PathBuf {
    let home = std::env::var_os("HOME").expect("HOME is set");
    let jar = Path::new(&home).join(".cache/konzept/node/node_modules/vnu-jar/build/dist/vnu.jar");
    assert!(
        jar.exists(),
        "{} is missing: run scripts/install-deps (it installs vnu-jar from npm)",
        jar.display()
    );
    jar
}

/// Builds `p`'s site (no PDFs) into `p/site` and returns that folder.
fn build_site(p: &Project) -> PathBuf {
    let r = p.run(&["build", "--no-pdf", "--out", "site"]);
    assert_eq!(r.code, 0, "build failed:\n{}", r.stderr);
    p.path().join("site")
}

fn html_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let path = e.unwrap().path();
        if path.is_dir() {
            html_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "html") {
            out.push(path);
        }
    }
}

/// Every fixture with a `book.toml` that builds, as a built site.
fn fixture_sites(keep: &mut Vec<Project>) -> Vec<PathBuf> {
    let mut sites = Vec::new();
    let root = repo().join("tests/fixtures");
    for group in std::fs::read_dir(&root).unwrap() {
        let group = group.unwrap().path();
        if !group.is_dir() {
            continue;
        }
        for case in std::fs::read_dir(&group).unwrap() {
            let case = case.unwrap().path();
            if !case.join("book.toml").exists() {
                continue;
            }
            let name = case
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let p = Project::fixture(&name);
            // Fixtures of broken sources do not build; the others must.
            if p.run(&["build", "--no-pdf", "--out", "site"]).code == 0 {
                sites.push(p.path().join("site"));
                keep.push(p);
            }
        }
    }
    sites
}

#[test]
fn the_nu_html_checker_finds_no_error_on_any_page() {
    let jar = vnu_jar();
    let sample = Project::sample();
    let mut keep = Vec::new();
    let mut sites = vec![build_site(&sample)];
    sites.extend(fixture_sites(&mut keep));
    assert!(sites.len() >= 4, "too few fixtures built: {sites:?}");
    let mut pages = Vec::new();
    for s in &sites {
        html_files(s, &mut pages);
    }
    assert!(pages.len() > 100, "only {} pages", pages.len());
    // One run over all folders: the checker starts slowly.
    let out = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--errors-only", "--format", "json", "--skip-non-html"])
        .args(&sites)
        .output()
        .expect("java runs (Java 17 or newer is needed for vnu.jar)");
    let report: Value = serde_json::from_slice(&out.stderr)
        .or_else(|_| serde_json::from_slice(&out.stdout))
        .unwrap_or_else(|e| {
            panic!(
                "vnu's report is not JSON ({e}): {}",
                String::from_utf8_lossy(&out.stderr)
            )
        });
    let errors: Vec<String> = report["messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["type"] == "error" || m["subType"] == "fatal")
        .map(|m| {
            format!(
                "{}:{}: {}",
                m["url"].as_str().unwrap_or(""),
                m["lastLine"],
                m["message"].as_str().unwrap_or("")
            )
        })
        .collect();
    assert!(
        errors.is_empty(),
        "{} errors in {} pages:\n{}",
        errors.len(),
        pages.len(),
        errors.join("\n")
    );
}

#[test]
fn the_sitemap_lists_only_absolute_addresses() {
    let p = Project::sample();
    let site = build_site(&p);
    let xml = std::fs::read_to_string(site.join("sitemap.xml")).unwrap();
    let doc = roxmltree::Document::parse(&xml).expect("sitemap.xml is XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "urlset");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.sitemaps.org/schemas/sitemap/0.9")
    );
    let locs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "loc")
        .filter_map(|n| n.text())
        .collect();
    assert!(locs.len() > 50, "{} addresses", locs.len());
    let base = "https://integrationskonzept.example.org/";
    let bad: Vec<&&str> = locs.iter().filter(|l| !l.starts_with(base)).collect();
    assert!(bad.is_empty(), "not absolute: {bad:?}");
    assert!(locs.contains(&"https://integrationskonzept.example.org/kapitel/vorwort/"));
    // The canonical link of a page is its absolute address.
    let page = std::fs::read_to_string(site.join("kommunen/verl/index.html")).unwrap();
    assert_eq!(
        attrs(&page, r#"link[rel="canonical"]"#, "href"),
        ["https://integrationskonzept.example.org/kommunen/verl/"]
    );
}

#[test]
fn a_relative_base_url_warns_on_book_toml_and_leaves_the_sitemap_out() {
    let p = Project::sample();
    let toml = p.read("book.toml");
    let toml = toml
        .lines()
        .map(|l| {
            if l.starts_with("base_url") {
                "base_url = \"/\""
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    p.write("book.toml", &toml);
    let line = toml
        .lines()
        .position(|l| l.starts_with("base_url"))
        .unwrap()
        + 1;
    let r = p.run(&[
        "build",
        "--no-pdf",
        "--out",
        "site",
        "--diagnostic-format",
        "short",
        "--lang",
        "en",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains(&format!(
            "book.toml:{line}:1: warning: `base_url` `/` is not a full web address, so the site gets no sitemap.xml"
        )),
        "{}",
        r.stderr
    );
    assert!(!p.path().join("site/sitemap.xml").exists());
    let page = p.read("site/kommunen/verl/index.html");
    assert!(
        !page.contains("rel=\"canonical\""),
        "a relative canonical link"
    );
}

/// The attribute `name` of every element `css` selects in `html`.
fn attrs(html: &str, css: &str, name: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse(css).unwrap();
    doc.select(&sel)
        .filter_map(|e| e.value().attr(name).map(str::to_string))
        .collect()
}

fn is_date(s: &str) -> bool {
    s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-'
}

/// The `@id` or value of a JSON-LD property, as text.
fn text(v: &Value) -> &str {
    v.as_str()
        .or_else(|| v["@id"].as_str())
        .or_else(|| v["@value"].as_str())
        .or_else(|| v["foaf:name"].as_str())
        .unwrap_or("")
}

#[test]
fn the_dcat_catalogue_describes_every_data_set_and_file() {
    let p = Project::sample();
    let site = build_site(&p);
    let cat: Value =
        serde_json::from_str(&std::fs::read_to_string(site.join("data/katalog.jsonld")).unwrap())
            .expect("the catalogue is JSON");
    assert_eq!(cat["@context"]["dcat"], "http://www.w3.org/ns/dcat#");
    assert_eq!(cat["@context"]["dct"], "http://purl.org/dc/terms/");
    assert_eq!(cat["@type"], "dcat:Catalog");
    for key in [
        "dct:title",
        "dct:description",
        "dct:publisher",
        "dct:modified",
    ] {
        assert!(!text(&cat[key]).is_empty(), "catalogue without {key}");
    }
    let sets = cat["dcat:dataset"].as_array().unwrap();
    assert_eq!(sets.len(), 8);
    let base = "https://integrationskonzept.example.org/data/";
    for d in sets {
        assert_eq!(d["@type"], "dcat:Dataset");
        // DCAT-AP.de: title, description, publisher and distributions are
        // mandatory; licence and modification date are what portals show.
        for key in [
            "dct:title",
            "dct:description",
            "dct:publisher",
            "dct:license",
            "dct:modified",
        ] {
            assert!(!text(&d[key]).is_empty(), "{}: no {key}", d["dct:title"]);
        }
        assert_eq!(
            text(&d["dct:publisher"]),
            "Kreis Gütersloh, Kommunales Integrationszentrum"
        );
        assert!(is_date(text(&d["dct:modified"])), "{}", d["dct:modified"]);
        let dists = d["dcat:distribution"].as_array().unwrap();
        assert!(!dists.is_empty());
        for x in dists {
            assert_eq!(x["@type"], "dcat:Distribution");
            let url = text(&x["dcat:accessURL"]);
            assert!(url.starts_with(base), "{url}");
            assert_eq!(text(&x["dcat:downloadURL"]), url);
            assert_eq!(
                text(&x["dct:license"]),
                "http://dcat-ap.de/def/licenses/dl-by-de/2.0"
            );
            assert!(
                text(&x["dct:format"])
                    .starts_with("http://publications.europa.eu/resource/authority/file-type/")
            );
            let file = site.join("data").join(url.strip_prefix(base).unwrap());
            assert!(
                file.exists(),
                "the catalogue names {url}, which was not written"
            );
        }
    }
    let angebote = sets
        .iter()
        .find(|d| text(&d["@id"]).ends_with("#angebote"))
        .unwrap();
    assert_eq!(angebote["dcat:distribution"].as_array().unwrap().len(), 2);
}

/// The fields of JSON records as dotted paths (`adresse.plz`); lists of
/// records add their fields under the list's name.
fn paths(v: &Value, prefix: &str, out: &mut std::collections::BTreeSet<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let p = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                out.insert(p.clone());
                paths(x, &p, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| paths(x, prefix, out)),
        _ => {}
    }
}

#[test]
fn the_data_dictionary_lists_every_field_of_every_file() {
    let p = Project::sample();
    let site = build_site(&p);
    let page = std::fs::read_to_string(site.join("data/felder/index.html")).unwrap();
    let doc = scraper::Html::parse_document(&page);
    let sel = |s: &str| scraper::Selector::parse(s).unwrap();
    let mut missing = Vec::new();
    for (name, formats) in [
        ("handlungsfelder", &["json"][..]),
        ("zielgruppen", &["json"]),
        ("kommunen", &["json", "csv"]),
        ("empfehlungen", &["json", "csv"]),
        ("massnahmen", &["json", "csv"]),
        ("angebote", &["json", "csv"]),
        ("indikatoren", &["json"]),
    ] {
        let listed: Vec<String> = doc
            .select(&sel(&format!("#feld-{name} tbody th code")))
            .map(|c| c.text().collect())
            .collect();
        assert!(!listed.is_empty(), "no fields for {name}");
        let described = doc
            .select(&sel(&format!("#feld-{name} tbody td:last-child")))
            .all(|td| {
                let t: String = td.text().collect();
                !t.trim().is_empty() && !t.contains("data_fields.")
            });
        assert!(described, "{name}: a field without a description");
        let mut fields = std::collections::BTreeSet::new();
        if formats.contains(&"json") {
            let v: Value = serde_json::from_str(
                &std::fs::read_to_string(site.join(format!("data/{name}.json"))).unwrap(),
            )
            .unwrap();
            paths(&v, "", &mut fields);
        }
        if formats.contains(&"csv") {
            let csv = std::fs::read_to_string(site.join(format!("data/{name}.csv"))).unwrap();
            fields.extend(csv.lines().next().unwrap().split(',').map(str::to_string));
        }
        for f in fields {
            // A field inside a listed list (a municipality's `angebote`) counts.
            let covered = listed.iter().any(|l| {
                *l == f
                        || f.starts_with(&format!("{l}.")) && l == "angebote"
                        // A nested record counts when its fields are listed.
                        || l.starts_with(&format!("{f}."))
            });
            if !covered {
                missing.push(format!("{name}: {f}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "fields missing from the dictionary:\n{}",
        missing.join("\n")
    );
}

#[test]
fn offers_carry_their_structured_fields_into_pages_open_data_and_json_ld() {
    let p = Project::sample();
    let site = build_site(&p);
    let page = std::fs::read_to_string(site.join("angebote/guetersloh-1/index.html")).unwrap();
    assert!(
        page.contains(r#"<a href="tel:+4952410000001">05241 000-0001</a>"#),
        "no tel: link"
    );
    assert!(
        page.contains(r#"<a href="mailto:eu-beratung@example.org">"#),
        "no mailto: link"
    );
    assert!(
        attrs(&page, "main a", "href").contains(
            &"https://www.openstreetmap.org/search?query=Beispielstra%C3%9Fe%201%2C%2033330%20G%C3%BCtersloh".to_string()
        ),
        "no map link"
    );
    assert!(page.contains(r#"<time datetime="09:00">09:00</time>"#));
    let doc = scraper::Html::parse_document(&page);
    let sel = scraper::Selector::parse(r#"script[type="application/ld+json"]"#).unwrap();
    let ld: Vec<Value> = doc
        .select(&sel)
        .map(|s| serde_json::from_str(&s.text().collect::<String>()).expect("JSON-LD parses"))
        .collect();
    assert_eq!(ld.len(), 1);
    let s = &ld[0];
    assert_eq!(s["@context"], "https://schema.org");
    assert_eq!(s["@type"], "Service");
    assert_eq!(s["name"], "Beratung für EU-Zugewanderte");
    assert_eq!(s["provider"]["telephone"], "+4952410000001");
    assert_eq!(s["isAccessibleForFree"], true);
    let place = &s["availableChannel"]["serviceLocation"];
    assert_eq!(place["address"]["postalCode"], "33330");
    assert_eq!(place["amenityFeature"]["value"], true);
    assert_eq!(
        s["hoursAvailable"][0]["dayOfWeek"][0],
        "https://schema.org/Tuesday"
    );
    assert_eq!(s["availableLanguage"][1], "pl");

    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(site.join("data/angebote.json")).unwrap())
            .unwrap();
    let first = json
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["titel"] == "Beratung für EU-Zugewanderte")
        .unwrap();
    assert_eq!(first["telefon"], "+4952410000001");
    assert_eq!(first["adresse"]["ort"], "Gütersloh");
    assert_eq!(first["kosten"], "kostenlos");
    assert_eq!(first["stufenlos"], true);
    let csv = std::fs::read_to_string(site.join("data/angebote.csv")).unwrap();
    assert!(
        csv.lines()
            .next()
            .unwrap()
            .ends_with("strasse,plz,ort,oeffnungszeiten,kosten,telefon,email,stufenlos")
    );
    assert!(
        csv.contains(
            "di 09:00-12:00; do 14:00-17:00,kostenlos,'+4952410000001,eu-beratung@example.org,ja"
        ),
        "{csv}"
    );
    // The amount of the third Gütersloh offer.
    let frauentreff =
        std::fs::read_to_string(site.join("angebote/guetersloh-4/index.html")).unwrap();
    assert!(frauentreff.contains("2,00\u{a0}€"));
}

#[test]
fn structured_offer_fields_are_checked_with_their_positions() {
    let p = Project::sample();
    let file = "data/kommunen/verl.yaml";
    let text = p.read(file).replace(
        "    kosten: auf-anfrage\n    telefon: \"05246 000-0003\"\n    email: deutsch-im-betrieb@example.org",
        "    kosten: gratis\n    telefon: \"ruf an\"\n    email: kein-at.example.org\n    adresse: { strasse: Weg 1, plz: \"3333\", ort: Verl }\n    oeffnungszeiten:\n      - { tage: [montag], von: \"9 Uhr\", bis: \"08:00\" }",
    );
    assert!(text.contains("gratis"), "the sample's offer changed");
    p.write(file, &text);
    let line = |needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let r = p.run(&["check", "--format", "short", "--lang", "en"]);
    assert_ne!(r.code, 0);
    for (needle, col, msg) in [
        ("kosten: gratis", 13, "unknown cost `gratis`"),
        ("telefon: \"ruf an\"", 14, "`ruf an` is not a phone number"),
        (
            "email: kein-at",
            12,
            "`kein-at.example.org` is not an e-mail address",
        ),
        (
            "plz: \"3333\"",
            37,
            "the postcode `3333` does not have five digits",
        ),
        ("tage: [montag]", 18, "unknown day `montag`"),
        (
            "tage: [montag]",
            32,
            "expected a time like `09:00`, found `9 Uhr`",
        ),
    ] {
        let want = format!("{file}:{}:{col}: error: {msg}", line(needle));
        assert!(
            r.stderr.contains(&want),
            "missing `{want}` in:\n{}",
            r.stderr
        );
    }
}

#[test]
fn the_sign_language_page_plays_videos_with_captions_and_heading_ids_avoid_the_themes() {
    let p = Project::fixture("reader/video");
    let site = build_site(&p);
    let page = std::fs::read_to_string(site.join("gebaerdensprache/index.html")).unwrap();
    assert_eq!(
        attrs(&page, "video > source", "src"),
        ["../media/videos/begruessung.mp4"]
    );
    assert_eq!(attrs(&page, "video > source", "type"), ["video/mp4"]);
    assert_eq!(
        attrs(
            &page,
            "video > track[kind=captions][srclang=de][default]",
            "src"
        ),
        ["../media/videos/begruessung.vtt"]
    );
    assert!(site.join("media/videos/begruessung.mp4").exists());
    assert!(site.join("media/videos/begruessung.vtt").exists());
    assert!(!page.contains("<iframe"), "an external player");
    // Every page's header points to it.
    let start = std::fs::read_to_string(site.join("kapitel/start/index.html")).unwrap();
    assert!(attrs(&start, "header a", "href").contains(&"../../gebaerdensprache/".to_string()));
    // The chapter's headings `Inhalt` and `{#search-status}` keep clear of the theme's ids.
    assert!(start.contains(r#"<h2 id="abschnitt-inhalt">"#), "{start}");
    assert!(start.contains(r#"<h2 id="abschnitt-search-status">"#));
    assert_eq!(start.matches(r#"id="inhalt""#).count(), 1);
    // Its "Stand" is the front matter's date.
    assert!(
        start.contains(r#"<time datetime="2025-06-30">30.&nbsp;Juni 2025</time>"#)
            || start.contains("<time datetime=\"2025-06-30\">30.\u{a0}Juni 2025</time>"),
        "no Stand"
    );

    // The sample's page says the videos are being prepared.
    let sample = Project::sample();
    let site = build_site(&sample);
    let page = std::fs::read_to_string(site.join("gebaerdensprache/index.html")).unwrap();
    assert!(page.contains("sind in Vorbereitung"));
    let home = std::fs::read_to_string(site.join("index.html")).unwrap();
    let header = attrs(&home, "header a", "href");
    assert!(
        header.contains(&"leichte-sprache/".to_string())
            && header.contains(&"gebaerdensprache/".to_string()),
        "{header:?}"
    );
}

#[test]
fn a_video_outside_the_sign_language_page_or_of_another_format_is_refused() {
    let p = Project::fixture("reader/video");
    p.write(
        "content/02-dgs.md",
        "---\ntitle: Gebärdensprache\nkind: sign-language\nvideos:\n  - titel: A\n    datei: https://video.example.org/a.mp4\n    untertitel: a.srt\n---\n\nText.\n",
    );
    let r = p.run(&["check", "--format", "short", "--lang", "en"]);
    assert_ne!(r.code, 0);
    assert!(r.stderr.contains("content/02-dgs.md:6:12: error: the video `https://video.example.org/a.mp4` is not an MP4 or WebM file beside the page"), "{}", r.stderr);
    assert!(r.stderr.contains("content/02-dgs.md:7:17: error: the captions `a.srt` are not a WebVTT file beside the page"), "{}", r.stderr);
}
