//! Tests of the print files as a print shop's preflight sees them:
//! Ghostscript's separations and ink coverage, the boxes, the output intent
//! and PDF/X keys, konzept's own preflight report, and the structure tree
//! of the reader files (read with lopdf).

use crate::fixture::{Project, Run};
use lopdf::{Document, Object};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Ghostscript's own CMYK profile (Debian `libgs-common`), the "printer's
/// profile" of the tests.
pub const GS_CMYK: &str = "/usr/share/color/icc/ghostscript/default_cmyk.icc";

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Runs Ghostscript; fails with the install command when it is missing.
fn gs(args: &[&str]) -> String {
    let out = Command::new("gs")
        .args(["-q", "-dNOPAUSE", "-dBATCH", "-dSAFER"])
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run gs ({e}); install it with ./scripts/install-deps"));
    assert!(
        out.status.success(),
        "gs {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Ghostscript's ink coverage per page: [c, m, y, k] as fractions of the page.
pub fn inkcov(pdf: &Path) -> Vec<[f64; 4]> {
    gs(&["-sDEVICE=inkcov", "-o", "-", s(pdf)])
        .lines()
        .filter(|l| l.contains("CMYK"))
        .map(|l| {
            let v: Vec<f64> = l
                .split_whitespace()
                .take(4)
                .map(|x| x.parse().unwrap())
                .collect();
            [v[0], v[1], v[2], v[3]]
        })
        .collect()
}

/// The highest C+M+Y+K of any pixel per page, in percent, from
/// Ghostscript's 32-bit CMYK rendering (PAM files) at 50 dpi.
pub fn max_ink_per_page(pdf: &Path) -> Vec<f64> {
    let dir = tempfile::tempdir().unwrap();
    let pattern = dir.path().join("p%04d.pam");
    gs(&["-sDEVICE=pamcmyk32", "-r50", "-o", s(&pattern), s(pdf)]);
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| {
            let b = std::fs::read(f).unwrap();
            let end = b.windows(7).position(|w| w == b"ENDHDR\n").unwrap() + 7;
            b[end..]
                .chunks_exact(4)
                .map(|p| p.iter().map(|&v| u32::from(v)).sum::<u32>())
                .max()
                .unwrap_or(0) as f64
                / 2.55
        })
        .collect()
}

/// One page rendered by Ghostscript in 8-bit CMYK at 72 dpi: width,
/// height and the pixels row by row.
pub fn render_page(pdf: &Path, page: u32, extra: &[&str]) -> (usize, usize, Vec<[u8; 4]>) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("p.pam");
    let (first, last) = (format!("-dFirstPage={page}"), format!("-dLastPage={page}"));
    let mut args = vec!["-sDEVICE=pamcmyk32", "-r72"];
    args.extend(extra);
    args.extend([first.as_str(), last.as_str(), "-o", s(&out), s(pdf)]);
    gs(&args);
    let b = std::fs::read(&out).unwrap();
    let end = b.windows(7).position(|w| w == b"ENDHDR\n").unwrap() + 7;
    let head = String::from_utf8_lossy(&b[..end]).into_owned();
    let field = |k: &str| -> usize {
        head.lines()
            .find_map(|l| l.strip_prefix(k))
            .unwrap()
            .trim()
            .parse()
            .unwrap()
    };
    let pixels = b[end..]
        .chunks_exact(4)
        .map(|p| [p[0], p[1], p[2], p[3]])
        .collect();
    (field("WIDTH"), field("HEIGHT"), pixels)
}

/// The separations Ghostscript makes of one page (`tiffsep`): plate name →
/// whether the plate carries any ink.
pub fn separations(pdf: &Path, page: u32, extra: &[&str]) -> Vec<(String, bool)> {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sep.tif");
    let (first, last) = (format!("-dFirstPage={page}"), format!("-dLastPage={page}"));
    let mut args = vec!["-sDEVICE=tiffsep", "-r50", "-sCompression=none"];
    args.extend(extra);
    args.extend([first.as_str(), last.as_str(), "-o", s(&out), s(pdf)]);
    gs(&args);
    let mut plates = Vec::new();
    for e in std::fs::read_dir(dir.path()).unwrap() {
        let path = e.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let Some(plate) = name
            .strip_prefix("sep(")
            .and_then(|n| n.strip_suffix(").tif"))
        else {
            continue;
        };
        // An uncompressed 8-bit plate: the middle of the file is pixels; a
        // plate without ink is one value throughout.
        let b = std::fs::read(&path).unwrap();
        let body = &b[b.len() / 10..b.len() * 9 / 10];
        let inked = body.iter().any(|&v| v != body[0]);
        plates.push((plate.to_string(), inked));
    }
    plates.sort();
    plates
}

/// The PDF with every stream decompressed (qpdf --qdf).
pub fn qdf(pdf: &Path) -> String {
    let out = pdf.with_extension("qdf.pdf");
    let r = Command::new("qpdf")
        .args(["--qdf", "--object-streams=disable", s(pdf), s(&out)])
        .output()
        .expect("qpdf runs");
    assert!(
        r.status.success() || r.status.code() == Some(3),
        "qpdf failed"
    );
    String::from_utf8_lossy(&std::fs::read(&out).unwrap()).into_owned()
}

/// Colour spaces and operators a CMYK print file must not contain.
pub fn assert_cmyk_only(pdf: &Path) {
    let q = qdf(pdf);
    for bad in ["/ICCBased", "/DeviceRGB", "/CalRGB", "/CalGray", "/Lab"] {
        assert!(!q.contains(bad), "{bad} in {}", pdf.display());
    }
    let ops = q
        .lines()
        .filter(|l| {
            l.split_whitespace()
                .last()
                .is_some_and(|op| ["rg", "RG", "g", "G"].contains(&op))
        })
        .count();
    assert_eq!(ops, 0, "RGB or grey operators in {}", pdf.display());
}

/// MediaBox, TrimBox and BleedBox of every page (pdfinfo -box).
pub fn boxes(pdf: &Path) -> Vec<[[f64; 4]; 3]> {
    let out = Command::new("pdfinfo")
        .args(["-box", "-f", "1", "-l", "100000", s(pdf)])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let parse = |l: &str| -> [f64; 4] {
        let v: Vec<f64> = l
            .split_whitespace()
            .rev()
            .take(4)
            .map(|x| x.parse().unwrap())
            .collect();
        [v[3], v[2], v[1], v[0]]
    };
    let of = |key: &str| -> Vec<[f64; 4]> {
        text.lines()
            .filter(|l| l.contains(key))
            .map(parse)
            .collect()
    };
    let (m, t, b) = (of("MediaBox:"), of("TrimBox:"), of("BleedBox:"));
    assert_eq!(m.len(), t.len());
    assert_eq!(m.len(), b.len());
    (0..m.len()).map(|i| [m[i], t[i], b[i]]).collect()
}

/// BleedBox = TrimBox + `bleed_pt` and MediaBox = TrimBox + `media_pt` on
/// every side of every page.
pub fn assert_boxes(pdf: &Path, bleed_pt: f64, media_pt: f64) {
    let sides = |outer: [f64; 4], inner: [f64; 4]| {
        [
            inner[0] - outer[0],
            inner[1] - outer[1],
            outer[2] - inner[2],
            outer[3] - inner[3],
        ]
    };
    let all = boxes(pdf);
    assert!(!all.is_empty());
    for (n, [media, trim, bleed]) in all.iter().enumerate() {
        for d in sides(*bleed, *trim) {
            assert!(
                (d - bleed_pt).abs() < 0.05,
                "page {}: bleed {bleed:?} trim {trim:?}",
                n + 1
            );
        }
        for d in sides(*media, *trim) {
            assert!(
                (d - media_pt).abs() < 0.05,
                "page {}: media {media:?} trim {trim:?}",
                n + 1
            );
        }
    }
}

/// Ghostscript's view of a print file: CMYK only, black text on the black
/// plate alone (page `text_page` has only text), ink per page within 300 %.
pub fn assert_press_ready(pdf: &Path, text_page: u32) {
    assert_cmyk_only(pdf);
    let cov = inkcov(pdf);
    assert!(!cov.is_empty());
    let t = cov[text_page as usize - 1];
    assert!(
        t[0] == 0.0 && t[1] == 0.0 && t[2] == 0.0 && t[3] > 0.0,
        "page {text_page} of {} has text in other inks: {t:?}",
        pdf.display()
    );
    let plates = separations(pdf, text_page, &[]);
    let inked: Vec<&str> = plates
        .iter()
        .filter(|p| p.1)
        .map(|p| p.0.as_str())
        .collect();
    assert_eq!(
        inked,
        ["Black"],
        "plates with ink on page {text_page}: {plates:?}"
    );
    for (n, ink) in max_ink_per_page(pdf).iter().enumerate() {
        assert!(
            *ink <= 300.5,
            "page {} of {} uses {ink} % ink",
            n + 1,
            pdf.display()
        );
    }
}

/// A PDF text string (UTF-16BE with BOM, or PDFDocEncoding ≈ Latin-1).
pub fn pdf_text(b: &[u8]) -> String {
    if b.starts_with(&[0xFE, 0xFF]) {
        let u: Vec<u16> = b[2..]
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&u)
    } else {
        b.iter().map(|&c| c as char).collect()
    }
}

/// What the structure tree and the outline of a reader PDF hold.
#[derive(Debug, Default)]
pub struct Tags {
    pub headings: usize,
    pub row_headers: usize,
    pub figures_with_alt: Vec<String>,
    pub outline: Vec<String>,
}

pub fn tags(pdf: &Path) -> Tags {
    let doc = Document::load(pdf).unwrap();
    let mut t = Tags::default();
    let cat = doc.catalog().unwrap();
    let root = cat
        .get_deref(b"StructTreeRoot", &doc)
        .unwrap()
        .as_dict()
        .unwrap();
    let mut stack: Vec<&Object> = vec![root.get(b"K").unwrap()];
    while let Some(o) = stack.pop() {
        let o = doc.dereference(o).map(|x| x.1).unwrap_or(o);
        match o {
            Object::Array(a) => stack.extend(a.iter()),
            Object::Dictionary(d) => {
                let kind = d.get(b"S").and_then(Object::as_name).unwrap_or(b"");
                if kind.len() == 2 && kind[0] == b'H' && kind[1].is_ascii_digit() || kind == b"H" {
                    t.headings += 1;
                }
                if kind == b"TH" {
                    let attrs = d
                        .get(b"A")
                        .map(|a| doc.dereference(a).map(|x| x.1).unwrap_or(a));
                    let mut list = Vec::new();
                    match attrs {
                        Ok(Object::Dictionary(a)) => list.push(a),
                        Ok(Object::Array(a)) => list.extend(
                            a.iter()
                                .filter_map(|x| doc.dereference(x).ok()?.1.as_dict().ok()),
                        ),
                        _ => {}
                    }
                    if list.iter().any(|a| {
                        a.get(b"Scope").and_then(Object::as_name).ok() == Some(b"Row".as_slice())
                    }) {
                        t.row_headers += 1;
                    }
                }
                if kind == b"Figure"
                    && let Ok(alt) = d.get(b"Alt").and_then(Object::as_str)
                {
                    t.figures_with_alt.push(pdf_text(alt));
                }
                if let Ok(k) = d.get(b"K") {
                    stack.push(k);
                }
            }
            _ => {}
        }
    }
    // The outline (bookmarks), depth first.
    let outlines = cat.get_deref(b"Outlines", &doc).unwrap().as_dict().unwrap();
    let mut next = outlines.get(b"First").ok().cloned();
    let mut pending = Vec::new();
    loop {
        let Some(Object::Reference(id)) = next else {
            match pending.pop() {
                Some(n) => {
                    next = Some(n);
                    continue;
                }
                None => break,
            }
        };
        let item = doc.get_dictionary(id).unwrap();
        t.outline
            .push(pdf_text(item.get(b"Title").unwrap().as_str().unwrap()));
        if let Ok(n) = item.get(b"Next") {
            pending.push(n.clone());
        }
        next = item.get(b"First").ok().cloned();
    }
    t
}

/// The errors and warnings of a run, as `file:line` prefixed short lines.
pub fn short_lines(r: &Run) -> Vec<String> {
    r.stderr.lines().map(str::to_string).collect()
}

/// Writes a PNG `w` × `h` pixels of one colour into the project.
pub fn write_png(p: &Project, rel: &str, w: u32, h: u32) {
    let img = image::RgbImage::from_pixel(w, h, image::Rgb([180, 60, 40]));
    img.save(p.path().join(rel)).unwrap();
}

fn build(p: &Project, args: &[&str]) -> Run {
    let mut all = vec!["build"];
    all.extend(args);
    p.run(&all)
}

#[test]
fn with_the_printers_profile_the_print_files_carry_the_output_intent_and_pdfx_keys() {
    let p = Project::fixture("print/basic");
    let icc = std::fs::read(GS_CMYK).unwrap_or_else(|e| {
        panic!("{GS_CMYK} is missing ({e}); install ghostscript with ./scripts/install-deps")
    });
    std::fs::create_dir_all(p.path().join("druckprofil")).unwrap();
    std::fs::write(p.path().join("druckprofil/drucker.icc"), &icc).unwrap();
    let book = p.read("book.toml").replace(
        "crop_marks = false",
        "crop_marks = false\nprofile = \"druckprofil/drucker.icc\"\noutput_condition = \"CGATS TR 001\"",
    );
    p.write("book.toml", &book);
    let r = build(&p, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for name in ["langfassung-druck.pdf", "kurzfassung-druck.pdf"] {
        let pdf = p.path().join("druck").join(name);
        let q = qdf(&pdf);
        for key in [
            "/OutputIntents",
            "/S /GTS_PDFX",
            "/OutputConditionIdentifier (CGATS TR 001)",
            "/DestOutputProfile",
            "/GTS_PDFXVersion (PDF/X-4)",
            "/Trapped /False",
            "/BleedBox",
            "/TrimBox",
        ] {
            assert!(q.contains(key), "{key} missing in {name}");
        }
        assert!(!q.contains("/Annots") && !q.contains("/Encrypt"), "{name}");
        let meta = Command::new("pdfinfo")
            .args(["-meta", s(&pdf)])
            .output()
            .unwrap();
        let meta = String::from_utf8_lossy(&meta.stdout);
        assert!(
            meta.contains("<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>"),
            "{meta}"
        );
        assert!(meta.contains("<pdf:Trapped>False</pdf:Trapped>"), "{meta}");
        // The embedded profile is the printer's, byte for byte.
        let doc = Document::load(&pdf).unwrap();
        let cat = doc.catalog().unwrap();
        let intents = cat
            .get_deref(b"OutputIntents", &doc)
            .unwrap()
            .as_array()
            .unwrap();
        let oi = doc.dereference(&intents[0]).unwrap().1.as_dict().unwrap();
        let profile = oi
            .get_deref(b"DestOutputProfile", &doc)
            .unwrap()
            .as_stream()
            .unwrap();
        assert_eq!(profile.decompressed_content().unwrap(), icc);
        assert_eq!(profile.dict.get(b"N").unwrap().as_i64().unwrap(), 4);
        assert_cmyk_only(&pdf);
    }
    let report = p.read("druck/preflight.txt");
    assert!(report.contains("Output Intent:   CGATS TR 001"), "{report}");
    let readme = p.read("druck/LIESMICH.txt");
    assert!(
        readme.contains("Output Intent CGATS TR 001") && readme.contains("PDF/X-4"),
        "{readme}"
    );
    // A second build gives the same bytes.
    let before = std::fs::read(p.path().join("druck/langfassung-druck.pdf")).unwrap();
    std::fs::remove_dir_all(p.path().join("druck")).unwrap();
    std::fs::remove_dir_all(p.path().join("public")).unwrap();
    assert_eq!(build(&p, &[]).code, 0);
    assert_eq!(
        before,
        std::fs::read(p.path().join("druck/langfassung-druck.pdf")).unwrap()
    );
}

#[test]
fn a_coarse_image_an_rgb_svg_and_an_over_inked_colour_are_reported_at_their_places() {
    let p = Project::fixture("print/basic");
    // 398 pixels across the long version's 163 mm column: 62 ppi.
    write_png(&p, "content/bilder/foto.png", 398, 120);
    let book = p
        .read("book.toml")
        .replace("accept_low_resolution = [\"bilder/foto.png\"]", "");
    p.write("book.toml", &book);
    p.write(
        "content/bilder/verlauf.svg",
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 20"><title>Verlauf</title><defs><linearGradient id="g"><stop offset="0" stop-color="#d02020"/><stop offset="1" stop-color="#2040d0"/></linearGradient></defs><rect width="100" height="20" fill="url(#g)"/></svg>"##,
    );
    let chapter = p.read("content/04-ausblick.md");
    let line = chapter.lines().count() + 2;
    p.write(
        "content/04-ausblick.md",
        &format!("{chapter}\n![Ein Farbverlauf von Rot nach Blau](bilder/verlauf.svg)\n"),
    );
    let theme =
        std::fs::read_to_string(crate::fixture::repo().join("themes/default/print/theme.toml"))
            .unwrap();
    p.write(
        "themes/default/print/theme.toml",
        &theme.replace("accent = [100, 45, 0, 20]", "accent = [100, 90, 80, 60]"),
    );
    let theme_line = theme
        .lines()
        .position(|l| l.starts_with("accent = ["))
        .unwrap()
        + 1;
    // `check` (no PDFs) and `build` report the same findings: one pass.
    for (command, format) in [("check", "--format"), ("build", "--diagnostic-format")] {
        let r = p.run(&[command, "--lang", "en", format, "short"]);
        assert_eq!(r.code, 1, "{command}: {}", r.stderr);
        let lines = short_lines(&r);
        let has = |prefix: &str, text: &str| {
            lines
                .iter()
                .any(|l| l.starts_with(prefix) && l.contains(text))
        };
        assert!(
            has(
                "content/01-einleitung.md:47:1: error:",
                "the image `bilder/foto.png` has only 62 ppi"
            ),
            "{}",
            r.stderr
        );
        assert!(
            has(
                &format!("content/04-ausblick.md:{line}:1: warning:"),
                "the SVG `bilder/verlauf.svg` has a colour gradient"
            ),
            "{}",
            r.stderr
        );
        assert!(
            has(
                &format!("themes/default/print/theme.toml:{theme_line}:1: error:"),
                "the CMYK colour `accent` uses 330 % ink"
            ),
            "{}",
            r.stderr
        );
    }
    assert!(
        !p.path().join("druck").exists(),
        "a failed build writes no print files"
    );
}
