//! Text that real editors paste: many scripts, emoji, characters no font
//! has, GFM alerts, definition lists, raw HTML, dashes and stars. Each test
//! builds the site and the PDFs with the real typst and reads the PDFs back
//! with pdffonts and pdftotext.

use crate::fixture::{Project, html, texts};
use std::path::Path;
use std::process::Command;

fn tool(name: &str, args: &[&str]) -> String {
    let out = Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {name} ({e}); run ./scripts/install-deps"));
    assert!(
        out.status.success(),
        "{name} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The PDF's text without any whitespace (line breaks fall anywhere).
fn pdf_text(pdf: &Path) -> String {
    tool("pdftotext", &[pdf.to_str().unwrap(), "-"])
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The print test project with one more chapter.
fn with_chapter(body: &str) -> Project {
    let p = Project::fixture("print/basic");
    p.write("content/05-texte.md", body);
    p
}

const PHRASES: &[(&str, &str)] = &[
    ("German", "Die Straße öffnet „Türen“ für Bürger*innen."),
    (
        "Romanian",
        "Bine ați venit în județul Gütersloh, școală și țară.",
    ),
    ("Polish", "Zażółć gęślą jaźń – witamy w powiecie."),
    ("Turkish", "Hoş geldiniz; eğitim ve iş için danışmanlık."),
    ("Ukrainian", "Ласкаво просимо: їжа, євро, ґанок і школа."),
    ("Russian", "Добро пожаловать в район Гютерсло."),
    ("Bulgarian", "Добре дошли: щастие и ъгъл."),
    ("Greek", "Καλώς ήρθατε στην περιφέρεια."),
    ("Arabic", "مرحبا بكم في المنطقة"),
    ("Farsi", "به منطقه خوش آمدید، پژوهش و گفتگو"),
    ("Emoji", "Danke 👍 und 🚚 unterwegs"),
];

#[test]
fn every_script_is_set_in_a_font_made_for_it_and_comes_back_out() {
    let mut body = String::from(
        "---\ntitle: Viele Sprachen\nsummary: Ein Gruß in vielen Sprachen 👍\n---\n\n",
    );
    for (lang, phrase) in PHRASES {
        body.push_str(&format!("## {lang}\n\n{phrase}\n\n"));
    }
    let p = with_chapter(&body);
    let r = p.run(&["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stderr.contains("no font"), "{}", r.stderr);
    let pdf = p.path().join("public/downloads/langfassung.pdf");
    let fonts = tool("pdffonts", &[pdf.to_str().unwrap()]);
    for font in ["LibertinusSerif", "NotoNaskhArabic", "NotoEmoji"] {
        assert!(fonts.contains(font), "{font} missing:\n{fonts}");
    }
    let text = pdf_text(&pdf);
    for (lang, phrase) in PHRASES {
        if *lang == "Farsi" {
            // pdftotext maps some Persian letters to their Arabic look-alikes
            // (ی/ي, ک/ك); the letters only Persian has must come back.
            for letter in ['پ', 'ژ', 'گ'] {
                assert!(
                    text.contains(letter),
                    "Farsi: `{letter}` not in the PDF's text"
                );
            }
            continue;
        }
        if *lang == "Emoji" {
            continue; // monochrome emoji glyphs carry no reliable text mapping in every reader
        }
        assert!(
            text.contains(&squeeze(phrase)),
            "{lang}: `{phrase}` not in the PDF's text"
        );
    }
    // The summary with its emoji reaches the brochure.
    let kurz = pdf_text(&p.path().join("public/downloads/kurzfassung.pdf"));
    assert!(kurz.contains("EinGrußinvielenSprachen"), "{kurz}");
}

#[test]
fn a_character_no_font_has_is_a_finding_and_the_pdfs_still_build() {
    let p = with_chapter(
        "---\ntitle: Ohne Schrift\nsummary: Kurz.\n---\n\nDas Zeichen 中 und ein Pfeil＜ und\u{7}ein Steuerzeichen.\n",
    );
    let check = p.run(&["check"]);
    assert!(
        check
            .stderr
            .contains("the PDFs have no font for `中` (U+4E2D)"),
        "{}",
        check.stderr
    );
    assert!(
        check.stderr.contains("content/05-texte.md:6:13"),
        "{}",
        check.stderr
    );
    assert!(check.stderr.contains("U+FF1C"), "{}", check.stderr);
    assert!(
        check.stderr.contains("control character U+0007"),
        "{}",
        check.stderr
    );
    let r = p.run(&["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("U+4E2D"),
        "build shows the same finding:\n{}",
        r.stderr
    );
    let text = pdf_text(&p.path().join("public/downloads/langfassung.pdf"));
    assert!(text.contains("DasZeichen[U+4E2D]und"), "{text}");
    // The site keeps the character itself.
    let page = std::fs::read_to_string(p.path().join("public/kapitel/texte/index.html")).unwrap();
    assert!(page.contains("Das Zeichen 中 und"));
}

#[test]
fn alerts_definition_lists_and_raw_html_text_reach_site_and_pdf() {
    let p = with_chapter(concat!(
        "---\ntitle: Bausteine\nsummary: Kurz.\n---\n\n",
        "> [!WARNING]\n> Die Frist endet am 31. März.\n\n",
        "> [!TIP]\n> Früh anmelden.\n\n",
        "Kita\n: Kindertagesstätte für Kinder bis sechs Jahre\n\n",
        "<!-- Hinweis --> Die Stadt lädt zum Sprachcafé ein.\n\n",
        "<div>Text in einem Block aus HTML</div>\n",
    ));
    let r = p.run(&["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let doc = html(&p.path().join("public/kapitel/texte/index.html"));
    assert_eq!(
        texts(&doc, ".alert-warning .alert-title"),
        ["Warnung"],
        "the alert's German title"
    );
    assert_eq!(texts(&doc, ".alert-tip .alert-title"), ["Tipp"]);
    assert_eq!(texts(&doc, "dl dt"), ["Kita"]);
    assert_eq!(
        texts(&doc, "dl dd"),
        ["Kindertagesstätte für Kinder bis sechs Jahre"]
    );
    let text = pdf_text(&p.path().join("public/downloads/langfassung.pdf"));
    for needle in [
        "WarnungDieFristendetam31.März.",
        "TippFrühanmelden.",
        "KitaKindertagesstättefürKinderbissechsJahre",
        "DieStadtlädtzumSprachcaféein.",
        "TextineinemBlockausHTML",
    ] {
        assert!(text.contains(needle), "`{needle}` not in the PDF");
    }
}

#[test]
fn dashes_stars_and_mail_links_keep_their_meaning() {
    let p = with_chapter(concat!(
        "---\ntitle: Zeichen\nsummary: Kurz.\n---\n\n",
        "a -- b --- c ---- d, mit --no-pdf bauen.\n\n",
        "Lehrer*innen und foo*bar* und *Zeit*raum.\n\n",
        "Schreiben Sie an <info@example.org>.\n",
    ));
    let r = p.run(&["build", "--no-pdf"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let doc = html(&p.path().join("public/kapitel/texte/index.html"));
    let paras = texts(&doc, "main p");
    assert!(
        paras
            .iter()
            .any(|t| t == "a – b — c ---- d, mit --no-pdf bauen."),
        "{paras:?}"
    );
    assert!(
        paras
            .iter()
            .any(|t| t == "Lehrer*innen und foobar und Zeitraum."),
        "{paras:?}"
    );
    assert_eq!(texts(&doc, "main p em"), ["bar", "Zeit"]);
    let sel = scraper::Selector::parse("main a[href='mailto:info@example.org']").unwrap();
    assert_eq!(
        doc.select(&sel).count(),
        1,
        "the e-mail autolink is a mailto: link"
    );
}

#[test]
fn heading_ids_keep_letters_of_every_script() {
    let p = with_chapter(concat!(
        "---\ntitle: Überschriften\nsummary: Kurz.\n---\n\n",
        "## Café International\n\n## Мова і культура\n\n## Ελληνικά\n",
    ));
    let r = p.run(&["build", "--no-pdf"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let doc = html(&p.path().join("public/kapitel/texte/index.html"));
    let sel = scraper::Selector::parse("main h2[id]").unwrap();
    let ids: Vec<&str> = doc
        .select(&sel)
        .filter_map(|e| e.value().attr("id"))
        .collect();
    for id in ["cafe-international", "мова-і-культура", "ελληνικά"] {
        assert!(ids.contains(&id), "{id} not in {ids:?}");
    }
}
