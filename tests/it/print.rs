//! Tests of the PDFs: the real binary runs the real typst 0.15.1, and the
//! PDFs are checked with what PDF tools read from them (pdfinfo, pdffonts,
//! pdftotext, qpdf). A missing typst fails these tests with the install
//! command; it never skips them.

use crate::fixture::{Project, Run, konzept};
use proptest::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

const BASIC: &str = "print/basic";
const INSTALL: &str = "install it with ./scripts/install-deps (or: cargo install typst-cli --locked --version 0.15.1)";
/// 3 mm in PDF points.
const BLEED_PT: f64 = 3.0 / 25.4 * 72.0;

/// Fails (never skips) when typst 0.15 is not where konzept looks for it.
fn need_typst() {
    let candidates: Vec<PathBuf> = std::env::var_os("KONZEPT_TYPST")
        .map(PathBuf::from)
        .into_iter()
        .chain(
            std::env::var_os("HOME")
                .map(|h| PathBuf::from(h).join(".cache/konzept/typst-0.15.1/bin/typst")),
        )
        .chain([PathBuf::from("typst")])
        .collect();
    let ok = candidates.iter().any(|c| {
        Command::new(c)
            .arg("--version")
            .output()
            .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).starts_with("typst 0.15."))
    });
    assert!(ok, "typst 0.15.x is missing ({candidates:?}): {INSTALL}");
}

/// Runs a PDF tool and returns its standard output.
fn tool(name: &str, args: &[&str]) -> String {
    let out = Command::new(name).args(args).output().unwrap_or_else(|e| {
        panic!(
            "cannot run {name} ({e}); install poppler-utils and qpdf with ./scripts/install-deps"
        )
    });
    assert!(
        out.status.success(),
        "{name} {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// `pdfinfo` fields.
fn info(pdf: &Path) -> HashMap<String, String> {
    tool("pdfinfo", &[s(pdf)])
        .lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

fn pages(pdf: &Path) -> u32 {
    info(pdf)["Pages"].parse().unwrap()
}

/// The text of a PDF with all whitespace removed, so line breaks and
/// justification do not matter (words hyphenated at a line end are joined).
fn squeezed_text(pdf: &Path) -> String {
    squeeze(&tool("pdftotext", &[s(pdf), "-"]))
}

/// Like [`squeezed_text`], but a `-` at a line end stays (for exact strings).
fn squeezed_raw_text(pdf: &Path) -> String {
    squeeze(&tool("pdftotext", &["-raw", s(pdf), "-"]))
}

fn squeeze(t: &str) -> String {
    t.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The PDF with every stream decompressed, for searching its objects.
fn qdf(pdf: &Path) -> String {
    let out = pdf.with_extension("qdf.pdf");
    tool(
        "qpdf",
        &["--qdf", "--object-streams=disable", s(pdf), s(&out)],
    );
    String::from_utf8_lossy(&std::fs::read(&out).unwrap()).into_owned()
}

struct Pdfs {
    lang: PathBuf,
    kurz: PathBuf,
    lang_print: PathBuf,
    kurz_print: PathBuf,
}

impl Pdfs {
    fn of(p: &Project) -> Pdfs {
        Pdfs {
            lang: p.path().join("public/downloads/langfassung.pdf"),
            kurz: p.path().join("public/downloads/kurzfassung.pdf"),
            lang_print: p.path().join("druck/langfassung-druck.pdf"),
            kurz_print: p.path().join("druck/kurzfassung-druck.pdf"),
        }
    }
    fn all(&self) -> [&PathBuf; 4] {
        [&self.lang, &self.kurz, &self.lang_print, &self.kurz_print]
    }
}

fn build(p: &Project) -> Run {
    need_typst();
    let r = p.run(&["build"]);
    assert_eq!(r.code, 0, "build failed:\n{}", r.stderr);
    r
}

/// The reader files: size, metadata, PDF/UA, fonts, text.
fn check_reader(pdf: &Path, size: &str, title: &str) {
    let i = info(pdf);
    assert!(
        i["Page size"].starts_with(size),
        "{}: {:?}",
        pdf.display(),
        i["Page size"]
    );
    assert!(i["Title"].contains(title), "{:?}", i["Title"]);
    assert_eq!(i["Tagged"], "yes");
    let meta = tool("pdfinfo", &["-meta", s(pdf)]);
    assert!(
        meta.contains("<pdfuaid:part>1</pdfuaid:part>"),
        "no PDF/UA identification in {}",
        pdf.display()
    );
    assert!(
        meta.contains("<pdfaid:part>2</pdfaid:part>"),
        "no PDF/A identification"
    );
    assert!(
        meta.contains("<rdf:li>de</rdf:li>"),
        "language de missing in XMP"
    );
    let q = qdf(pdf);
    assert!(q.contains("/Lang (de)"), "no /Lang in the catalog");
    assert!(q.contains("/Outlines"), "no PDF outline (bookmarks)");
    assert!(
        q.contains("/DisplayDocTitle true"),
        "viewers should show the title"
    );
}

/// The print files: BleedBox = TrimBox + bleed and MediaBox = TrimBox +
/// `media_pt` on every side of every page, no link annotations.
fn check_print(pdf: &Path, media_pt: f64) {
    crate::prepress::assert_boxes(pdf, BLEED_PT, media_pt);
    let q = qdf(pdf);
    assert!(!q.contains("/Annots"), "{} has annotations", pdf.display());
    assert!(!q.contains("pdfuaid"), "a print file claims PDF/UA");
}

fn check_common(pdf: &Path) {
    let out = tool("qpdf", &["--check", s(pdf)]);
    assert!(out.contains("No syntax or stream encoding errors"), "{out}");
    let fonts = tool("pdffonts", &[s(pdf)]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty());
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name type… encoding emb sub uni object ID: emb is 5th from the end.
        assert_eq!(cols[cols.len() - 5], "yes", "font not embedded: {row}");
    }
}

#[test]
fn sample_pdfs_meet_the_reader_and_print_requirements() {
    let p = Project::sample();
    let r = build(&p);
    let f = Pdfs::of(&p);
    for pdf in f.all() {
        check_common(pdf);
    }
    check_reader(&f.lang, "595.276 x 841.89", "Ankommen erleichtern");
    check_reader(&f.kurz, "419.528 x 595.276", "Kurzfassung");
    check_print(&f.lang_print, BLEED_PT);
    check_print(&f.kurz_print, BLEED_PT);
    // The brochure has no pictures: in print every colour is CMYK, text 100 % K.
    let ops = |q: &str, names: &[&str]| {
        q.lines()
            .filter(|l| {
                l.split_whitespace()
                    .last()
                    .is_some_and(|op| names.contains(&op))
            })
            .count()
    };
    let print = qdf(&f.kurz_print);
    assert!(
        !print.contains("/ICCBased"),
        "an ICC (RGB or grey) colour in the print file"
    );
    assert_eq!(
        ops(&print, &["rg", "RG", "g", "G", "sc", "scn", "SC", "SCN"]),
        0
    );
    assert!(ops(&print, &["k", "K"]) > 100);
    assert!(print.contains("0 0 0 1 k"), "text in pure black");
    assert_eq!(
        ops(&qdf(&f.kurz), &["k", "K"]),
        0,
        "no CMYK in the reader file"
    );
    let (lang, kurz) = (pages(&f.lang), pages(&f.kurz));
    assert!(lang >= 60, "the long version has only {lang} pages");
    assert_eq!(kurz % 4, 0, "the brochure has {kurz} pages");
    assert_eq!(pages(&f.kurz_print), kurz);
    // The print file of the long version is padded to an even page count.
    assert_eq!(pages(&f.lang_print), lang + lang % 2);
    sample_print_files_pass_a_print_shops_checks(&p, &f);
    sample_reader_files_tag_the_whole_structure(&p, &f);

    let text = squeezed_text(&f.lang);
    let sample = p.read("data/empfehlungen.yaml");
    let ids: Vec<&str> = sample
        .lines()
        .filter_map(|l| l.strip_prefix("- id: "))
        .collect();
    assert!(ids.len() > 30);
    for id in &ids {
        assert!(
            text.contains(id),
            "recommendation {id} missing in the long version"
        );
    }
    for phrase in [
        "Sprache und Bildung",
        "Die Städte und Gemeinden im Profil",
        "Schloß Holte-Stukenbrock",
        "gesonderter Beschluss nötig",
        "siehe S.",
        "Beispielinhalt:",
    ] {
        assert!(
            text.contains(&squeeze(phrase)),
            "`{phrase}` missing in the long version"
        );
    }
    let kurz_text = squeezed_text(&f.kurz);
    let (short, long): (Vec<&str>, Vec<&str>) = sample
        .split("\n- id: ")
        .skip(1)
        .map(|rec| {
            (
                rec.lines().next().unwrap(),
                rec.contains("kurzfassung: true"),
            )
        })
        .fold((vec![], vec![]), |(mut s, mut l), (id, k)| {
            if k {
                s.push(id)
            } else {
                l.push(id)
            }
            (s, l)
        });
    assert!(short.len() > 5);
    for id in &short {
        assert!(kurz_text.contains(id), "{id} belongs in the short version");
    }
    assert!(
        long.iter().any(|id| !kurz_text.contains(id)),
        "the short version has every recommendation"
    );
    assert!(kurz_text.contains(&squeeze("Die 13 Städte und Gemeinden")));

    // The site links the reader files with their page counts.
    let home = p.read("public/index.html");
    assert!(
        home.contains("langfassung.pdf") && home.contains(&format!("{lang} Seiten")),
        "home page lacks the download"
    );
    assert!(p.path().join("druck/LIESMICH.txt").is_file());
    assert!(
        !p.path()
            .join("public/downloads/langfassung-druck.pdf")
            .exists()
    );
    assert!(
        r.stderr.contains("PDF: Langfassung (reader version)"),
        "{}",
        r.stderr
    );
}

/// Ghostscript and konzept's preflight on the sample's print files.
fn sample_print_files_pass_a_print_shops_checks(p: &Project, f: &Pdfs) {
    use crate::prepress::*;
    // Page 3 of the long version is the contents: text only.
    assert_press_ready(&f.lang_print, 3);
    assert_cmyk_only(&f.kurz_print);
    for (n, ink) in max_ink_per_page(&f.kurz_print).iter().enumerate() {
        assert!(*ink <= 300.5, "brochure page {} uses {ink} % ink", n + 1);
    }
    // The brochure's recommendations page: body text and small headings on
    // the black plate only; no separation beyond the four process colours.
    let plates = separations(&f.kurz_print, 2, &[]);
    assert!(
        plates
            .iter()
            .all(|(n, _)| ["Cyan", "Magenta", "Yellow", "Black"].contains(&n.as_str())),
        "{plates:?}"
    );
    let report = p.read("druck/preflight.txt");
    // The two German print files, the cover, and each translation's brochure.
    let langs = ["uk", "ar", "fa", "ro", "bg", "pl", "tr", "en"];
    assert_eq!(
        report.matches("Ergebnis:        keine Fehler").count(),
        3 + langs.len(),
        "{report}"
    );
    for l in langs {
        let head = format!("== kurzfassung-{l}-druck.pdf ==");
        let at = report
            .find(&head)
            .unwrap_or_else(|| panic!("no {head} in {report}"));
        let rtl = report[at..].lines().nth(2).unwrap_or_default();
        assert_eq!(
            rtl.contains("Bindung rechts"),
            l == "ar" || l == "fa",
            "{l}: {rtl}"
        );
    }
    assert!(!report.contains("FEHLER"), "{report}");
    assert!(report.contains("Output Intent:   keiner"), "{report}");
    let json: serde_json::Value = serde_json::from_str(&p.read("druck/preflight.json")).unwrap();
    let reports = json.as_array().unwrap();
    assert_eq!(reports.len(), 3 + langs.len());
    for r in reports {
        assert!(r["boxes_ok"].as_bool().unwrap());
        assert!(r["max_ink"].as_f64().unwrap() <= 300.0);
        assert!(r["max_ink"].as_f64().unwrap() > 100.0, "{r}");
        assert_eq!(r["annotations"], 0);
        assert!(
            r["fonts"]
                .as_array()
                .unwrap()
                .iter()
                .all(|f| f["embedded"] == true)
        );
        assert!(
            r["findings"]
                .as_array()
                .unwrap()
                .iter()
                .all(|x| x["error"] == false),
            "{r}"
        );
        for page in r["colours"].as_array().unwrap() {
            for space in page["spaces"].as_array().unwrap() {
                let space = space.as_str().unwrap();
                assert!(
                    space == "DeviceCMYK" || space == "Pattern" || space.starts_with("Separation"),
                    "{space}"
                );
            }
        }
    }
    assert_eq!(reports[0]["binding"], "Klebebindung");
    let lang_pages = reports[0]["pages"].as_u64().unwrap();
    assert_eq!(lang_pages % 2, 0);
    assert_eq!(reports[2]["binding"], "Rückendrahtheftung");
    // The cover spread: back + spine + front, the spine one sheet (0.1 mm)
    // per two pages.
    let cover = p.path().join("druck/langfassung-umschlag.pdf");
    assert_eq!(pages(&cover), 1);
    assert_cmyk_only(&cover);
    assert_boxes(&cover, BLEED_PT, BLEED_PT);
    let [_, trim, _] = boxes(&cover)[0];
    let spine_mm = (lang_pages / 2) as f64 * 0.1;
    let width_mm = (trim[2] - trim[0]) * 25.4 / 72.0;
    assert!(
        (width_mm - (420.0 + spine_mm)).abs() < 0.1,
        "{width_mm} mm wide"
    );
    assert!(squeezed_text(&cover).contains("Ankommenerleichtern"));
    assert!(p.read("druck/LIESMICH.txt").contains(&format!(
        "Rücken ({} mm",
        format!("{spine_mm:.1}").replace('.', ",")
    )));
}

/// The structure tree and outline of the sample's reader files.
fn sample_reader_files_tag_the_whole_structure(p: &Project, f: &Pdfs) {
    let measures = p
        .read("data/massnahmen.yaml")
        .lines()
        .filter(|l| l.starts_with("- id: "))
        .count();
    let lang = crate::prepress::tags(&f.lang);
    assert_eq!(
        lang.outline.len(),
        lang.headings,
        "every heading is a bookmark"
    );
    assert!(
        lang.row_headers >= measures + 13,
        "{} row headers for {measures} measures and 13 municipalities",
        lang.row_headers
    );
    let kurz = crate::prepress::tags(&f.kurz);
    assert_eq!(kurz.outline.len(), kurz.headings);
    assert!(kurz.row_headers >= 13, "{}", kurz.row_headers);
    let title = "Ankommen erleichtern, Teilhabe ermöglichen, Zusammenleben gestalten";
    assert!(
        kurz.outline.iter().any(|o| o == title),
        "{:?}",
        kurz.outline
    );
    assert!(lang.outline.iter().any(|o| o == title));
    // Every key figure of the dashboard is a heading and its line a figure.
    let sparks: Vec<&String> = kurz
        .figures_with_alt
        .iter()
        .filter(|a| a.starts_with("Liniendiagramm"))
        .collect();
    assert!(sparks.len() >= 4, "{:?}", kurz.figures_with_alt);
    for alt in &sparks {
        let name = alt
            .strip_prefix("Liniendiagramm ")
            .and_then(|a| a.split(", Kreis,").next())
            .unwrap();
        assert!(
            kurz.outline.iter().any(|o| o == name),
            "`{name}` is no heading"
        );
        assert!(alt.contains(" bis ") && alt.contains("zwischen"), "{alt}");
    }
    // A space between a recommendation's id and its title, in the text the
    // heading carries (id and title used to run together).
    let text = tool("pdftotext", &[s(&f.lang), "-"]);
    let yaml = p.read("data/empfehlungen.yaml");
    let mut lines = yaml.lines();
    let id = lines.find_map(|l| l.strip_prefix("- id: ")).unwrap();
    let title = lines
        .find_map(|l| l.trim().strip_prefix("titel: "))
        .unwrap();
    assert!(
        text.lines()
            .any(|l| l.starts_with(&format!("{id} {title}"))),
        "no line `{id} {title}`"
    );
}

#[test]
fn every_construct_prints_and_the_print_files_have_bleed() {
    let p = Project::fixture(BASIC);
    let r = build(&p);
    let f = Pdfs::of(&p);
    for pdf in f.all() {
        check_common(pdf);
    }
    check_reader(&f.lang, "595.276 x 841.89", "Ankommen im Testkreis");
    check_print(&f.lang_print, BLEED_PT);
    check_print(&f.kurz_print, BLEED_PT);
    assert_eq!(pages(&f.kurz_print) % 4, 0);
    let text = squeezed_text(&f.lang);
    for phrase in [
        "Akteur*innen",
        "„Wir wollen Angebote sichtbar machen.“",
        "SB-1: Angebote transparenter machen (siehe S.",
        "Nach der Bestandsaufnahme im Herbst 2022.",
        "https://example.org/kreis",
        "Integration ist keine Einbahnstraße.",
        "Ein Codeblock bleibt, wie er ist: #set text(red)",
        "☑ Bestandsaufnahme",
        "☐ Monitoring",
        "Der Beteiligungsprozess im Überblick",
        "gestrichenes",
        "inline-code",
        "Nordstadt ist die größere",
        "Kita-Lotsinnen",
        "Geflüchtete aus der Ukraine",
        "Familienzentrum Nordstadt",
        "Kommunen mit Sprachcafé",
        "Beispielinhalt:",
    ] {
        assert!(
            text.contains(&squeeze(phrase)),
            "`{phrase}` missing:\n{text}"
        );
    }
    assert!(
        !text.contains("eingebettetemHTMLdarin") || !text.contains("<span>"),
        "raw HTML is dropped"
    );
    assert!(!text.contains("<span>"));
    // The numbered list starts at 3.
    let plain = tool("pdftotext", &["-layout", s(&f.lang), "-"]);
    assert!(plain.contains("3. dritter Schritt"), "{plain}");
    // The low-resolution photo is a warning at its line, not an error.
    assert!(
        r.stderr
            .contains("the image `bilder/foto.png` has only 19 ppi")
            && r.stderr.contains("content/01-einleitung.md:47:1"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("Kurzfassung: 6 pages + 2 blank pages = 8"),
        "{}",
        r.stderr
    );
    let readme = p.read("druck/LIESMICH.txt");
    assert!(
        readme.contains("3 mm Beschnittzugabe")
            && readme.contains("BleedBox")
            && readme.contains("Kein Output Intent und kein PDF/X")
            && readme.contains("Klebebindung")
            && readme.contains("Rückendrahtheftung"),
        "{readme}"
    );
}

#[test]
fn rebuilds_are_byte_identical_and_skip_typst_when_nothing_changed() {
    let a = Project::fixture(BASIC);
    let b = Project::fixture(BASIC);
    let ra = build(&a);
    build(&b);
    let (fa, fb) = (Pdfs::of(&a), Pdfs::of(&b));
    for (x, y) in fa.all().iter().zip(fb.all()) {
        assert_eq!(
            std::fs::read(x).unwrap(),
            std::fs::read(y).unwrap(),
            "{} differs between two builds",
            x.display()
        );
    }
    assert!(!ra.stderr.contains("reused unchanged"), "{}", ra.stderr);
    let before: Vec<Vec<u8>> = fa.all().iter().map(|p| std::fs::read(p).unwrap()).collect();
    let again = build(&a);
    assert_eq!(
        again.stderr.matches("reused unchanged").count(),
        4,
        "{}",
        again.stderr
    );
    let after: Vec<Vec<u8>> = fa.all().iter().map(|p| std::fs::read(p).unwrap()).collect();
    assert_eq!(before, after);
    // A changed chapter compiles again.
    let ch = a.read("content/04-ausblick.md");
    a.write(
        "content/04-ausblick.md",
        &ch.replace("Was als Nächstes", "Was danach")
            .replace("Bis 2030", "Bis 2031"),
    );
    let changed = build(&a);
    assert!(
        !changed
            .stderr
            .contains("PDF: Langfassung (reader version) reused unchanged"),
        "{}",
        changed.stderr
    );
    assert!(squeezed_text(&fa.kurz).contains("Wasdanachgeschieht"));
    assert!(squeezed_text(&fa.lang).contains("Bis2031"));
    // Nothing but the output folders (and their lock files) is left beside
    // the project's files.
    let mut names: Vec<String> = std::fs::read_dir(a.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !(n.starts_with(".konzept-") && n.ends_with(".lock")))
        .collect();
    names.sort();
    assert_eq!(names, ["book.toml", "content", "data", "druck", "public"]);
}

/// Text that would be Typst code if it were pasted into markup.
const PAYLOADS: &[&str] = &[
    "#read(\"/etc/passwd\")",
    "#sys.inputs",
    "$x^2$",
    "@label",
    "<lbl>",
    "a ] b",
    "C:\\Pfad\\x",
    "#set page(width: 1cm)",
    "#{ panic(1) }",
    "// kein Kommentar",
];

#[test]
fn typst_code_in_chapters_and_yaml_is_printed_as_text() {
    let p = Project::fixture(BASIC);
    // In a chapter `<lbl>` would be an HTML tag, so the chapter writes the entity.
    let md: String = PAYLOADS
        .iter()
        .map(|x| format!("- {}\n", x.replace('<', "&lt;")))
        .collect();
    p.write(
        "content/05-code.md",
        &format!("---\ntitle: Code als Text\nsummary: \"#read: $y$ @z <w>\"\n---\n\n{md}"),
    );
    let yaml_text: String = PAYLOADS.iter().map(|x| format!("- {x}\n")).collect();
    let recs = p.read("data/empfehlungen.yaml").replace(
        "Alle Sprachkurse stehen in einem gemeinsamen Wegweiser.\n",
        &format!("Alle Sprachkurse.\n\n{}", indent(&yaml_text)),
    );
    p.write("data/empfehlungen.yaml", &recs);
    build(&p);
    let f = Pdfs::of(&p);
    let text = squeezed_raw_text(&f.lang);
    for x in PAYLOADS {
        // Straight quotes become German ones, as everywhere else.
        let want = squeeze(&x.replace("\"/etc/passwd\"", "„/etc/passwd“"));
        assert_eq!(
            text.matches(&want).count(),
            2,
            "`{x}` should appear once from the chapter and once from YAML:\n{text}"
        );
    }
    assert!(squeezed_text(&f.kurz).contains(&squeeze("#read: $y$ @z <w>")));
    assert!(
        info(&f.lang)["Page size"].starts_with("595.276 x 841.89"),
        "a payload changed the page"
    );
}

fn indent(s: &str) -> String {
    s.lines().map(|l| format!("    {l}\n")).collect()
}

#[test]
fn an_image_without_alt_text_is_a_source_error_before_typst_runs() {
    let p = Project::fixture(BASIC);
    let ch = p.read("content/01-einleitung.md");
    p.write(
        "content/01-einleitung.md",
        &ch.replace(
            "![Foto eines Sprachcafés mit sechs Personen an einem Tisch]",
            "![]",
        ),
    );
    // No typst at all: the error must come before it would be needed.
    let r = Run::from(
        konzept()
            .args(["build", "--lang", "en", "--diagnostic-format", "short"])
            .current_dir(p.path())
            .env("KONZEPT_TYPST", "/nonexistent/typst")
            .output()
            .unwrap(),
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "content/01-einleitung.md:47:1: error: the image `bilder/foto.png` has no alt text"
        ),
        "{}",
        r.stderr
    );
}

#[test]
fn missing_typst_fails_with_the_install_command() {
    let p = Project::fixture(BASIC);
    let r = Run::from(
        konzept()
            .args(["build"])
            .current_dir(p.path())
            .env("KONZEPT_TYPST", "/nonexistent/typst")
            .output()
            .unwrap(),
    );
    assert_ne!(r.code, 0);
    assert!(
        r.stderr
            .contains("cargo install typst-cli --locked --version 0.15.1"),
        "{}",
        r.stderr
    );
    assert!(!p.path().join("public").exists(), "nothing is written");
}

#[cfg(unix)]
#[test]
fn a_typst_of_another_version_is_refused_with_the_install_command() {
    use std::os::unix::fs::PermissionsExt;
    let p = Project::fixture(BASIC);
    let fake = p.path().join("alt-typst");
    std::fs::write(&fake, "#!/bin/sh\necho 'typst 0.13.1 (abc)'\n").unwrap();
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
    let r = Run::from(
        konzept()
            .args(["build"])
            .current_dir(p.path())
            .env("KONZEPT_TYPST", &fake)
            .output()
            .unwrap(),
    );
    assert_ne!(r.code, 0);
    assert!(
        r.stderr
            .contains("reports `typst 0.13.1 (abc)`, not typst 0.15.1")
            && r.stderr
                .contains("cargo install typst-cli --locked --version 0.15.1"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_broken_image_is_reported_at_its_place_in_the_chapter() {
    let p = Project::fixture(BASIC);
    p.write("content/bilder/zeitleiste.svg", "<svg><oops");
    need_typst();
    let r = p.run(&["build", "--lang", "en", "--diagnostic-format", "short"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        // The load-time checks read every SVG before typst would.
        r.stderr.contains(
            "content/01-einleitung.md:45:1: error: the SVG image `bilder/zeitleiste.svg` cannot be used: the file is not well-formed XML"
        ),
        "{}",
        r.stderr
    );
}

#[test]
fn typst_errors_point_at_the_theme_file_not_a_temporary_folder() {
    let p = Project::fixture(BASIC);
    p.write(
        "themes/default/print/kurzfassung.typ",
        "#import \"common.typ\": *\n#show: setup\n\n#undefined-function(1)\n",
    );
    need_typst();
    let r = p.run(&["build", "--lang", "en", "--diagnostic-format", "short"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("themes/default/print/kurzfassung.typ:4:1: error: typst (Kurzfassung): unknown variable: undefined-function"),
        "{}",
        r.stderr
    );
    assert!(
        !r.stderr.contains("/tmp") && !r.stderr.contains(".konzept-typst"),
        "{}",
        r.stderr
    );
    assert!(!p.path().join("public").exists() && !p.path().join("druck").exists());
}

#[test]
fn a_palette_colour_with_too_much_ink_is_an_error() {
    let p = Project::fixture(BASIC);
    let theme =
        std::fs::read_to_string(crate::fixture::repo().join("themes/default/print/theme.toml"))
            .unwrap();
    p.write(
        "themes/default/print/theme.toml",
        &theme.replace("accent = [100, 45, 0, 20]", "accent = [100, 90, 80, 60]"),
    );
    need_typst();
    let r = p.run(&["build", "--lang", "en", "--diagnostic-format", "short"]);
    assert_eq!(r.code, 1);
    let line = theme
        .lines()
        .position(|l| l.starts_with("accent = ["))
        .unwrap()
        + 1;
    assert!(
        r.stderr.contains(&format!("themes/default/print/theme.toml:{line}:1: error: the CMYK colour `accent` uses 330 % ink")),
        "{}",
        r.stderr
    );
}

#[cfg(unix)]
#[test]
fn an_image_that_is_a_symbolic_link_is_refused() {
    let p = Project::fixture(BASIC);
    let img = p.path().join("content/bilder/foto.png");
    std::fs::remove_file(&img).unwrap();
    std::os::unix::fs::symlink("/etc/hostname", &img).unwrap();
    need_typst();
    let r = p.run(&["build", "--lang", "en", "--diagnostic-format", "short"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        // A link out of the project is refused when the project loads, for the site too.
        r.stderr.contains("content/01-einleitung.md:47:1: error: `content/bilder/foto.png` leads outside the project (to `/etc/hostname`)"),
        "{}",
        r.stderr
    );
}

#[test]
fn crop_marks_sit_in_a_slug_outside_the_bleed() {
    let p = Project::fixture(BASIC);
    let book = p
        .read("book.toml")
        .replace("crop_marks = false", "crop_marks = true");
    p.write("book.toml", &book);
    build(&p);
    let f = Pdfs::of(&p);
    // 3 mm bleed plus a 10 mm slug for the marks; the BleedBox stays 3 mm.
    check_print(&f.kurz_print, BLEED_PT + 10.0 / 25.4 * 72.0);
    check_print(&f.lang_print, BLEED_PT + 10.0 / 25.4 * 72.0);
    assert!(
        qdf(&f.kurz_print).contains("/All"),
        "crop marks use the registration colour"
    );
    // The marks are inked in the slug of an inner page, but the BleedBox's
    // edge (where the marks would reach in) stays blank.
    let ring = |extra: &[&str], px: usize| {
        let (w, h, pixels) = crate::prepress::render_page(&f.kurz_print, 3, extra);
        (0..h)
            .flat_map(|y| (0..w).map(move |x| (x, y)))
            .filter(|&(x, y)| x < px || y < px || x >= w - px || y >= h - px)
            .any(|(x, y)| pixels[y * w + x] != [0, 0, 0, 0])
    };
    // 72 dpi: the slug is 28 px wide, the marks reach 22 px in.
    assert!(ring(&[], 22), "no crop marks on the media");
    assert!(
        !ring(&["-dUseBleedBox"], 3),
        "crop marks reach into the BleedBox"
    );
    let readme = p.read("druck/LIESMICH.txt");
    assert!(readme.contains("außerhalb der BleedBox"), "{readme}");
}

#[test]
fn no_pdf_builds_only_the_site_and_the_print_folder_stays_outside_it() {
    let p = Project::fixture(BASIC);
    p.run(&["build", "--no-pdf"]).ok();
    assert!(!p.path().join("public/downloads").exists() && !p.path().join("druck").exists());
    let r = p.run(&["build", "--print-out", "public/druck"]);
    assert_ne!(r.code, 0);
    assert!(
        r.stderr.contains("must lie outside the site folder"),
        "{}",
        r.stderr
    );
}

/// Strings rich in what Typst markup would interpret.
fn nasty() -> impl Strategy<Value = String> {
    let alphabet: Vec<char> = "#$@<>[]{}()\\*_`~\"'=/:;,.!?+-%&^|aAbBzZäöüß„“– 019"
        .chars()
        .collect();
    proptest::collection::vec(proptest::sample::select(alphabet), 1..24)
        .prop_map(|v| v.into_iter().collect::<String>())
        // Links and images to files that do not exist are source errors.
        .prop_filter("no link syntax", |s| {
            let link = s.contains("](") || s.contains("]:") || s.contains("][");
            let autolink = s.contains('<') && s.contains(':');
            !(link || autolink)
        })
}

/// The text the site and the PDF show for one list item: what the shared
/// parser yields (raw HTML only where it is kept as text, in YAML).
fn expected(item: &str, keep_html: bool) -> String {
    use konzept::content::markdown::events;
    use pulldown_cmark::Event;
    let mut out = String::new();
    for (ev, _) in events(item, &[]) {
        match ev {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::Html(t) | Event::InlineHtml(t) if keep_html => out.push_str(&t),
            _ => {}
        }
    }
    squeeze(&out)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2, max_shrink_iters: 16, ..ProptestConfig::default() })]

    #[test]
    fn random_text_compiles_and_appears_in_the_pdf(
        md in proptest::collection::vec(nasty(), 32),
        yaml in proptest::collection::vec(nasty(), 32),
    ) {
        let p = Project::fixture(BASIC);
        // A marker before each string keeps block syntax (`#`, `>`, `-`) inline.
        let chapter: String = md.iter().enumerate().map(|(i, x)| format!("- Q{i}Q {x}\n")).collect();
        p.write("content/05-zufall.md", &format!("---\ntitle: Zufall\n---\n\n{chapter}"));
        let items: String = yaml.iter().enumerate().map(|(i, x)| format!("- Y{i}Y {x}\n")).collect();
        let recs = p.read("data/empfehlungen.yaml").replace(
            "  text: |\n    Alle Sprachkurse stehen in einem gemeinsamen Wegweiser.\n",
            &format!("  text: {}\n", serde_json::to_string(&items).unwrap()),
        );
        p.write("data/empfehlungen.yaml", &recs);
        need_typst();
        let r = p.run(&["build"]);
        prop_assert_eq!(r.code, 0, "build failed:\n{}", r.stderr);
        let text = squeezed_raw_text(&p.path().join("public/downloads/langfassung.pdf"));
        for (i, x) in md.iter().enumerate() {
            let want = expected(&format!("- Q{i}Q {x}"), false);
            prop_assert!(text.contains(&want), "chapter item `{}` (expected `{}`) missing", x, want);
        }
        for (i, x) in yaml.iter().enumerate() {
            let want = expected(&format!("- Y{i}Y {x}"), true);
            prop_assert!(text.contains(&want), "YAML item `{}` (expected `{}`) missing", x, want);
        }
    }
}

/// The top level of a PDF's outline (bookmarks), each with its children's
/// titles.
fn outline_top(pdf: &Path) -> Vec<(String, Vec<String>)> {
    use lopdf::{Document, Object};
    let doc = Document::load(pdf).unwrap();
    let title = |d: &lopdf::Dictionary| {
        crate::prepress::pdf_text(d.get(b"Title").unwrap().as_str().unwrap())
    };
    let chain = |first: Option<&Object>| {
        let mut out = Vec::new();
        let mut next = first.and_then(|o| o.as_reference().ok());
        while let Some(id) = next {
            let d = doc.get_dictionary(id).unwrap();
            out.push(d);
            next = d.get(b"Next").ok().and_then(|o| o.as_reference().ok());
        }
        out
    };
    let root = doc
        .catalog()
        .unwrap()
        .get_deref(b"Outlines", &doc)
        .unwrap()
        .as_dict()
        .unwrap();
    chain(root.get(b"First").ok())
        .into_iter()
        .map(|d| {
            let children = chain(d.get(b"First").ok()).into_iter().map(title).collect();
            (title(d), children)
        })
        .collect()
}

#[test]
fn the_back_matter_is_never_nested_under_the_last_part() {
    need_typst();
    let p = Project::fixture("build/minimal");
    // The last chapter moves into a part; no chapter lists the
    // municipalities or the indicators, so profiles and monitoring close
    // the book.
    std::fs::create_dir_all(p.path().join("content/ausblick-teil")).unwrap();
    std::fs::rename(
        p.path().join("content/02-ausblick.md"),
        p.path().join("content/ausblick-teil/02-ausblick.md"),
    )
    .unwrap();
    p.write(
        "content/ausblick-teil/_index.md",
        "---\ntitle: Der Blick nach vorn\n---\n\nDer letzte Teil.\n",
    );
    build(&p).ok();
    let top = outline_top(&p.path().join("public/downloads/langfassung.pdf"));
    let titles: Vec<&str> = top.iter().map(|(t, _)| t.as_str()).collect();
    let part = top
        .iter()
        .find(|(t, _)| t == "Der Blick nach vorn")
        .unwrap_or_else(|| panic!("no part in the outline: {top:?}"));
    assert_eq!(
        part.1,
        ["Ausblick"],
        "the part holds only its chapter: {top:?}"
    );
    for back in [
        "Die Städte und Gemeinden im Profil",
        "Integrationsmonitoring",
    ] {
        assert!(
            titles.contains(&back),
            "`{back}` not at the top level: {top:?}"
        );
    }
}

#[test]
fn translated_brochures_per_language() {
    let p = Project::sample();
    crate::fixture::copy_dir(
        &crate::fixture::repo().join("translations"),
        &p.path().join("translations"),
    );
    let r = build(&p);
    // A known phrase of each translation (the introduction's title), and
    // the font made for its script.
    let langs = [
        ("uk", "Вступ", "LibertinusSerif"),
        ("ar", "مقدمة", "NotoNaskhArabic"),
        ("fa", "مقدمه", "NotoNaskhArabic"),
        ("ro", "Introducere", "LibertinusSerif"),
        ("bg", "Въведение", "LibertinusSerif"),
        ("pl", "Wstęp", "LibertinusSerif"),
        ("tr", "Giriş", "LibertinusSerif"),
        ("en", "Introduction", "LibertinusSerif"),
    ];
    let readme = p.read("druck/LIESMICH.txt");
    for (code, phrase, font) in langs {
        let reader = p
            .path()
            .join(format!("public/downloads/kurzfassung-{code}.pdf"));
        let print = p.path().join(format!("druck/kurzfassung-{code}-druck.pdf"));
        check_common(&reader);
        check_common(&print);
        let fonts = tool("pdffonts", &[s(&reader)]);
        assert!(fonts.contains(font), "{code}: {font} missing\n{fonts}");
        let text = tool("pdftotext", &[s(&reader), "-"]);
        assert!(text.contains(phrase), "{code}: `{phrase}` not in the text");
        let meta = tool("pdfinfo", &["-meta", s(&reader)]);
        assert!(
            meta.contains("<pdfuaid:part>1</pdfuaid:part>"),
            "{code}: no PDF/UA"
        );
        assert!(
            meta.contains("<pdfaid:part>2</pdfaid:part>"),
            "{code}: no PDF/A"
        );
        let q = qdf(&reader);
        assert!(
            q.contains(&format!("/Lang ({code})")),
            "{code}: wrong /Lang"
        );
        let rtl = matches!(code, "ar" | "fa");
        assert_eq!(q.contains("/Direction /R2L"), rtl, "{code}: reading order");
        assert_eq!(pages(&reader) % 4, 0, "{code}: pages {}", pages(&reader));
        assert_eq!(pages(&print), pages(&reader), "{code}: same pages");
        check_print(&print, BLEED_PT);
        // No RGB, grey or ICC colour in the print file (the palette is CMYK).
        let pq = qdf(&print);
        let rgb = pq
            .lines()
            .filter(|l| {
                l.split_whitespace().last().is_some_and(|op| {
                    ["rg", "RG", "g", "G", "sc", "scn", "SC", "SCN"].contains(&op)
                })
            })
            .count();
        assert!(!pq.contains("/ICCBased"), "{code}: ICC colour in print");
        assert_eq!(rgb, 0, "{code}: non-CMYK colour in print");
        assert!(
            readme.contains(&format!("kurzfassung-{code}-druck.pdf")),
            "{code} missing in LIESMICH.txt"
        );
        // The language's start page links its brochure.
        let home = p.read(&format!("public/{code}/index.html"));
        assert!(
            home.contains(&format!("downloads&#x2f;kurzfassung-{code}.pdf"))
                || home.contains(&format!("downloads/kurzfassung-{code}.pdf")),
            "{code}: home page lacks the brochure"
        );
    }
    assert!(readme.contains("Bindung rechts"), "{readme}");
    let _ = r;
}
