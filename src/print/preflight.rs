//! konzept's own check of each print file after it is written (read back
//! with lopdf): page size and boxes, page count and binding, fonts
//! embedded, the colour spaces of every page (content streams, images,
//! forms and tiling patterns), the highest total ink per page against the
//! limit, the lowest image resolution at printed size, annotations and the
//! output intent. Errors fail the build; the report goes to the print
//! folder as `preflight.txt` (German, for the print shop) and
//! `preflight.json`.

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// One file's report.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub file: String,
    pub pages: u32,
    /// How the file is bound, in words.
    pub binding: String,
    /// Final size (TrimBox) and BleedBox of the first page in mm.
    pub trim_mm: [f64; 2],
    pub bleed_mm: [f64; 4],
    pub media_mm: [f64; 2],
    /// Whether every page has TrimBox and BleedBox = TrimBox + bleed.
    pub boxes_ok: bool,
    pub fonts: Vec<Font>,
    pub colours: Vec<PageColours>,
    /// The highest total ink on any page, in percent.
    pub max_ink: f64,
    pub ink_limit: f64,
    /// The lowest resolution of a raster image at printed size.
    pub lowest_ppi: Option<Resolution>,
    pub annotations: u32,
    /// The output intent's condition, or none (plain PDF).
    pub output_intent: Option<String>,
    pub findings: Vec<Finding>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Font {
    pub name: String,
    pub embedded: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct PageColours {
    pub page: u32,
    pub spaces: Vec<String>,
    pub max_ink: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Resolution {
    pub ppi: f64,
    /// `content/kapitel.md:47` where the image is placed.
    pub at: String,
    pub accepted: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub error: bool,
    pub page: Option<u32>,
    /// German, for the print shop and the editors.
    pub text: String,
}

/// What the check needs besides the PDF.
pub struct Expect<'a> {
    pub file: &'a str,
    pub bleed_pt: f64,
    pub ink_limit: f64,
    /// Pages must be a multiple of this.
    pub multiple: u32,
    pub binding: &'a str,
    /// Known raster images: sha256 of the embedded JPEG → (its place, ink).
    pub images: &'a HashMap<String, (String, f64)>,
    pub lowest_ppi: Option<Resolution>,
}

const PT_MM: f64 = 25.4 / 72.0;

/// Checks the PDF in `bytes`.
pub fn check(bytes: &[u8], e: &Expect) -> Result<Report, String> {
    let doc = Document::load_mem(bytes).map_err(|e| e.to_string())?;
    let pages = doc.get_pages();
    let mut findings = Vec::new();
    let mut boxes_ok = true;
    let mut first = None;
    let mut colours = Vec::new();
    let mut annotations = 0;
    for (&n, &id) in &pages {
        let media = super::pdfx::page_box(&doc, id, b"MediaBox").unwrap_or_default();
        let trim = super::pdfx::page_box(&doc, id, b"TrimBox");
        let bleed = super::pdfx::page_box(&doc, id, b"BleedBox");
        match (trim, bleed) {
            (Some(t), Some(b)) => {
                let want = [
                    t[0] - e.bleed_pt,
                    t[1] - e.bleed_pt,
                    t[2] + e.bleed_pt,
                    t[3] + e.bleed_pt,
                ];
                let off = want.iter().zip(b).any(|(w, b)| (w - b).abs() > 0.1);
                let outside = b[0] < media[0] - 0.1
                    || b[1] < media[1] - 0.1
                    || b[2] > media[2] + 0.1
                    || b[3] > media[3] + 0.1;
                if off || outside {
                    boxes_ok = false;
                    findings.push(error(n, "BleedBox ist nicht Endformat plus Beschnitt"));
                }
                if first.is_none() {
                    first = Some((media, t, b));
                }
            }
            _ => {
                boxes_ok = false;
                findings.push(error(n, "TrimBox oder BleedBox fehlt"));
            }
        }
        let page = doc.get_dictionary(id).map_err(|e| e.to_string())?;
        if let Ok(a) = page.get_deref(b"Annots", &doc).and_then(Object::as_array)
            && !a.is_empty()
        {
            annotations += a.len() as u32;
            findings.push(error(
                n,
                &format!("{} Anmerkungen (Links, Formularfelder)", a.len()),
            ));
        }
        let mut seen = Seen::default();
        let content = doc.get_page_content(id);
        let resources = resources_of(&doc, id);
        scan(&doc, &content, resources.as_ref(), e.images, &mut seen, 0);
        for s in &seen.spaces {
            if !allowed(s) {
                findings.push(error(
                    n,
                    &format!("Farbraum {s} (nur CMYK und Schmuckfarben erlaubt)"),
                ));
            }
        }
        if seen.ink > e.ink_limit + 0.05 {
            findings.push(error(
                n,
                &format!(
                    "Farbauftrag {} % über der Grenze von {} %",
                    de(seen.ink),
                    de(e.ink_limit)
                ),
            ));
        }
        for img in &seen.images {
            findings.push(Finding {
                error: false,
                page: Some(n),
                text: format!("Bild aus {img}, in CMYK umgerechnet"),
            });
        }
        colours.push(PageColours {
            page: n,
            spaces: seen.spaces.into_iter().collect(),
            max_ink: (seen.ink * 10.0).round() / 10.0,
        });
    }
    let fonts = fonts(&doc);
    for f in fonts.iter().filter(|f| !f.embedded) {
        findings.push(Finding {
            error: true,
            page: None,
            text: format!("Schrift {} ist nicht eingebettet", f.name),
        });
    }
    let n = pages.len() as u32;
    if !n.is_multiple_of(e.multiple.max(1)) {
        findings.push(Finding {
            error: true,
            page: None,
            text: format!(
                "{n} Seiten: für {} muss die Seitenzahl durch {} teilbar sein",
                e.binding, e.multiple
            ),
        });
    }
    if let Some(r) = &e.lowest_ppi
        && r.ppi < super::checks::MIN_PPI
    {
        findings.push(Finding {
            error: !r.accepted,
            page: None,
            text: format!(
                "Bild mit nur {:.0} ppi in Druckgröße ({}){}",
                r.ppi,
                r.at,
                if r.accepted {
                    ", vom Herausgeber so freigegeben"
                } else {
                    ""
                }
            ),
        });
    }
    let (media, trim, bleed) = first.unwrap_or_default();
    let mm = |x: f64| (x * PT_MM * 10.0).round() / 10.0;
    Ok(Report {
        file: e.file.to_string(),
        pages: n,
        binding: e.binding.to_string(),
        trim_mm: [mm(trim[2] - trim[0]), mm(trim[3] - trim[1])],
        bleed_mm: [
            mm(trim[0] - bleed[0]),
            mm(trim[1] - bleed[1]),
            mm(bleed[2] - trim[2]),
            mm(bleed[3] - trim[3]),
        ],
        media_mm: [mm(media[2] - media[0]), mm(media[3] - media[1])],
        boxes_ok,
        max_ink: colours.iter().map(|c| c.max_ink).fold(0.0, f64::max),
        ink_limit: e.ink_limit,
        colours,
        fonts,
        lowest_ppi: e.lowest_ppi.clone(),
        annotations,
        output_intent: output_intent(&doc),
        findings,
    })
}

fn error(page: u32, text: &str) -> Finding {
    Finding {
        error: true,
        page: Some(page),
        text: text.to_string(),
    }
}

/// CMYK, spot colours and black-only grey are fine for a CMYK print.
fn allowed(space: &str) -> bool {
    space == "DeviceCMYK"
        || space == "DeviceGray"
        || space == "ICCBased CMYK"
        || space == "Pattern"
        || space.starts_with("Separation")
        || space.starts_with("DeviceN")
}

#[derive(Default)]
struct Seen {
    spaces: BTreeSet<String>,
    ink: f64,
    images: BTreeSet<String>,
}

fn resources_of(doc: &Document, page: ObjectId) -> Option<Dictionary> {
    let (own, inherited) = doc.get_page_resources(page).ok()?;
    if let Some(r) = own {
        return Some(r.clone());
    }
    inherited
        .first()
        .and_then(|id| doc.get_dictionary(*id).ok())
        .cloned()
}

fn sub<'a>(
    doc: &'a Document,
    res: Option<&'a Dictionary>,
    kind: &[u8],
    name: &[u8],
) -> Option<&'a Object> {
    let d = res?.get_deref(kind, doc).ok()?.as_dict().ok()?;
    d.get_deref(name, doc).ok()
}

/// The colour space family of a colour space object, in words.
fn family(doc: &Document, cs: &Object) -> String {
    let cs = doc.dereference(cs).map(|x| x.1).unwrap_or(cs);
    match cs {
        Object::Name(n) => String::from_utf8_lossy(n).into_owned(),
        Object::Array(a) => {
            let head = a
                .first()
                .and_then(|x| x.as_name().ok())
                .map(|n| String::from_utf8_lossy(n).into_owned())
                .unwrap_or_default();
            match head.as_str() {
                "ICCBased" => {
                    let n = a
                        .get(1)
                        .and_then(|s| doc.dereference(s).ok())
                        .and_then(|(_, s)| s.as_stream().ok())
                        .and_then(|s| s.dict.get(b"N").ok()?.as_i64().ok())
                        .unwrap_or(0);
                    match n {
                        1 => "ICCBased Gray".into(),
                        3 => "ICCBased RGB".into(),
                        4 => "ICCBased CMYK".into(),
                        _ => "ICCBased".into(),
                    }
                }
                "Separation" => {
                    let name = a
                        .get(1)
                        .and_then(|x| x.as_name().ok())
                        .map(|n| String::from_utf8_lossy(n).into_owned())
                        .unwrap_or_default();
                    format!("Separation {name}")
                }
                "Indexed" => format!(
                    "Indexed {}",
                    a.get(1).map(|b| family(doc, b)).unwrap_or_default()
                ),
                other => other.to_string(),
            }
        }
        _ => "?".into(),
    }
}

/// Walks a content stream: colour operators, images, forms, patterns.
fn scan(
    doc: &Document,
    content: &[u8],
    res: Option<&Dictionary>,
    images: &HashMap<String, (String, f64)>,
    seen: &mut Seen,
    depth: u32,
) {
    if depth > 8 {
        return;
    }
    let Ok(c) = Content::decode(content) else {
        seen.spaces.insert("unlesbarer Inhalt".into());
        return;
    };
    let nums = |ops: &[Object]| -> Vec<f64> {
        ops.iter()
            .filter_map(|o| o.as_float().ok().map(f64::from))
            .collect()
    };
    // The current fill and stroke colour spaces for sc/scn.
    let mut current = [String::new(), String::new()];
    let mut walked: BTreeSet<Vec<u8>> = BTreeSet::new();
    for op in &c.operations {
        match op.operator.as_str() {
            "rg" | "RG" => {
                seen.spaces.insert("DeviceRGB".into());
            }
            "g" | "G" => {
                seen.spaces.insert("DeviceGray".into());
            }
            "k" | "K" => {
                seen.spaces.insert("DeviceCMYK".into());
                seen.ink = seen.ink.max(100.0 * nums(&op.operands).iter().sum::<f64>());
            }
            "cs" | "CS" => {
                let i = usize::from(op.operator == "CS");
                if let Some(name) = op.operands.first().and_then(|o| o.as_name().ok()) {
                    let fam = match name {
                        b"DeviceRGB" | b"DeviceGray" | b"DeviceCMYK" | b"Pattern" => {
                            String::from_utf8_lossy(name).into_owned()
                        }
                        _ => sub(doc, res, b"ColorSpace", name)
                            .map(|cs| family(doc, cs))
                            .unwrap_or_else(|| "?".into()),
                    };
                    seen.spaces.insert(fam.clone());
                    current[i] = fam;
                }
            }
            "sc" | "scn" | "SC" | "SCN" => {
                let i = usize::from(op.operator.starts_with('S'));
                let v = nums(&op.operands);
                let fam = &current[i];
                let ink = if fam == "DeviceCMYK" || fam == "ICCBased CMYK" {
                    100.0 * v.iter().sum::<f64>()
                } else if fam.starts_with("Separation") && fam != "Separation All" {
                    100.0 * v.first().copied().unwrap_or(0.0)
                } else {
                    0.0
                };
                seen.ink = seen.ink.max(ink);
                if fam == "Pattern"
                    && let Some(name) = op.operands.last().and_then(|o| o.as_name().ok())
                    && walked.insert(name.to_vec())
                    && let Some(Object::Stream(s)) = sub(doc, res, b"Pattern", name)
                {
                    let inner = s
                        .dict
                        .get_deref(b"Resources", doc)
                        .ok()
                        .and_then(|r| r.as_dict().ok());
                    let bytes = s
                        .decompressed_content()
                        .unwrap_or_else(|_| s.content.clone());
                    scan(doc, &bytes, inner, images, seen, depth + 1);
                }
            }
            "sh" => {
                if let Some(name) = op.operands.first().and_then(|o| o.as_name().ok())
                    && let Some(sh) = sub(doc, res, b"Shading", name)
                {
                    let d = match sh {
                        Object::Stream(s) => Some(&s.dict),
                        Object::Dictionary(d) => Some(d),
                        _ => None,
                    };
                    if let Some(cs) = d.and_then(|d| d.get(b"ColorSpace").ok()) {
                        seen.spaces.insert(family(doc, cs));
                    }
                }
            }
            "Do" => {
                let Some(name) = op.operands.first().and_then(|o| o.as_name().ok()) else {
                    continue;
                };
                if !walked.insert(name.to_vec()) {
                    continue;
                }
                let Some(Object::Stream(s)) = sub(doc, res, b"XObject", name) else {
                    continue;
                };
                let subtype = s
                    .dict
                    .get(b"Subtype")
                    .and_then(Object::as_name)
                    .unwrap_or(b"");
                if subtype == b"Image" {
                    if let Ok(cs) = s.dict.get(b"ColorSpace") {
                        seen.spaces.insert(family(doc, cs));
                    } else if s.dict.get(b"ImageMask").is_err() {
                        seen.spaces.insert("?".into());
                    }
                    let hash = super::stage::sha256(&s.content);
                    if let Some((at, ink)) = images.get(&hash) {
                        seen.ink = seen.ink.max(*ink);
                        seen.images.insert(at.clone());
                    }
                    if let Ok(Object::Reference(m)) = s.dict.get(b"SMask")
                        && let Ok(Object::Stream(m)) = doc.get_object(*m)
                        && let Ok(cs) = m.dict.get(b"ColorSpace")
                    {
                        seen.spaces.insert(family(doc, cs));
                    }
                } else if subtype == b"Form" {
                    let inner = s
                        .dict
                        .get_deref(b"Resources", doc)
                        .ok()
                        .and_then(|r| r.as_dict().ok());
                    if let Ok(g) = s.dict.get_deref(b"Group", doc).and_then(Object::as_dict)
                        && let Ok(cs) = g.get(b"CS")
                    {
                        seen.spaces.insert(family(doc, cs));
                    }
                    let bytes = s
                        .decompressed_content()
                        .unwrap_or_else(|_| s.content.clone());
                    scan(doc, &bytes, inner.or(res), images, seen, depth + 1);
                }
            }
            "gs" => {
                // A soft mask's group may name a colour space.
                if let Some(name) = op.operands.first().and_then(|o| o.as_name().ok())
                    && let Some(Object::Dictionary(gs)) = sub(doc, res, b"ExtGState", name)
                    && let Ok(Object::Dictionary(m)) = gs.get_deref(b"SMask", doc)
                    && let Ok(Object::Stream(g)) = m.get_deref(b"G", doc)
                {
                    let inner = g
                        .dict
                        .get_deref(b"Resources", doc)
                        .ok()
                        .and_then(|r| r.as_dict().ok());
                    let bytes = g
                        .decompressed_content()
                        .unwrap_or_else(|_| g.content.clone());
                    let mut mask = Seen::default();
                    scan(doc, &bytes, inner, images, &mut mask, depth + 1);
                    // A mask's own colours print nothing; only say what it uses.
                    seen.spaces
                        .extend(mask.spaces.into_iter().filter(|s| !allowed(s)));
                }
            }
            _ => {}
        }
    }
}

/// Every font and whether its program is in the file.
fn fonts(doc: &Document) -> Vec<Font> {
    let mut out: BTreeMap<String, bool> = BTreeMap::new();
    for obj in doc.objects.values() {
        let Ok(d) = obj.as_dict() else { continue };
        if d.get(b"Type").and_then(Object::as_name).ok() != Some(b"Font".as_slice()) {
            continue;
        }
        let subtype = d.get(b"Subtype").and_then(Object::as_name).unwrap_or(b"");
        if subtype == b"Type0" {
            continue;
        }
        let name = d
            .get(b"BaseFont")
            .and_then(Object::as_name)
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .unwrap_or_else(|_| "(ohne Namen)".into());
        let embedded = subtype == b"Type3"
            || d.get_deref(b"FontDescriptor", doc)
                .and_then(Object::as_dict)
                .is_ok_and(|fd| {
                    [b"FontFile".as_slice(), b"FontFile2", b"FontFile3"]
                        .iter()
                        .any(|k| fd.get(k).is_ok())
                });
        let e = out.entry(name).or_insert(true);
        *e &= embedded;
    }
    out.into_iter()
        .map(|(name, embedded)| Font { name, embedded })
        .collect()
}

fn output_intent(doc: &Document) -> Option<String> {
    let c = doc.catalog().ok()?;
    let a = c.get_deref(b"OutputIntents", doc).ok()?.as_array().ok()?;
    let oi = doc.dereference(a.first()?).ok()?.1.as_dict().ok()?;
    let id = oi.get(b"OutputConditionIdentifier").ok()?.as_str().ok()?;
    Some(String::from_utf8_lossy(id).into_owned())
}

/// `282.5` → `282,5`.
fn de(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}").replace('.', ",")
    }
}

/// The German text report of all print files.
pub fn text(reports: &[Report], title: &str) -> String {
    let mut s = format!(
        "Preflight der Druckdateien: {title}\n\
         Von konzept nach dem Schreiben jeder Datei geprüft. Das ist keine\n\
         PDF/X-Validierung; geprüft werden die unten genannten Eigenschaften.\n"
    );
    for r in reports {
        let errors = r.findings.iter().filter(|f| f.error).count();
        s.push_str(&format!("\n== {} ==\n", r.file));
        s.push_str(&format!(
            "Ergebnis:        {}\n",
            if errors == 0 {
                "keine Fehler".to_string()
            } else {
                format!("{errors} Fehler")
            }
        ));
        s.push_str(&format!("Seiten:          {} ({})\n", r.pages, r.binding));
        s.push_str(&format!(
            "Endformat:       {} × {} mm (TrimBox), MediaBox {} × {} mm\n",
            de(r.trim_mm[0]),
            de(r.trim_mm[1]),
            de(r.media_mm[0]),
            de(r.media_mm[1])
        ));
        s.push_str(&format!(
            "Beschnitt:       {} mm (BleedBox = Endformat + Beschnitt{})\n",
            de(r.bleed_mm[0]),
            if r.boxes_ok {
                ", auf jeder Seite"
            } else {
                ": NICHT auf jeder Seite"
            }
        ));
        s.push_str(&format!(
            "Schriften:       {} eingebettet{}\n",
            r.fonts.iter().filter(|f| f.embedded).count(),
            match r.fonts.iter().filter(|f| !f.embedded).count() {
                0 => String::new(),
                n => format!(", {n} NICHT eingebettet"),
            }
        ));
        let spaces: BTreeSet<&String> = r.colours.iter().flat_map(|c| &c.spaces).collect();
        let spaces: Vec<&str> = spaces.into_iter().map(String::as_str).collect();
        s.push_str(&format!("Farbräume:       {}\n", spaces.join(", ")));
        let worst = r
            .colours
            .iter()
            .max_by(|a, b| a.max_ink.total_cmp(&b.max_ink));
        s.push_str(&format!(
            "Farbauftrag:     höchstens {} %{} (Grenze {} %)\n",
            de(r.max_ink),
            worst
                .map(|w| format!(" auf Seite {}", w.page))
                .unwrap_or_default(),
            de(r.ink_limit)
        ));
        s.push_str(&format!(
            "Bildauflösung:   {}\n",
            match &r.lowest_ppi {
                Some(p) => format!("niedrigste {:.0} ppi in Druckgröße ({})", p.ppi, p.at),
                None => "keine Rasterbilder".into(),
            }
        ));
        s.push_str(&format!("Anmerkungen:     {}\n", r.annotations));
        s.push_str(&format!(
            "Output Intent:   {}\n",
            match &r.output_intent {
                Some(c) => format!(
                    "{c} (Profil eingebettet, als {} gekennzeichnet)",
                    super::pdfx::PDFX_VERSION
                ),
                None => "keiner (einfaches PDF, kein PDF/X)".into(),
            }
        ));
        s.push_str("Farbräume je Seite:\n");
        for c in &r.colours {
            s.push_str(&format!(
                "  S. {:>3}: {} – höchstens {} %\n",
                c.page,
                c.spaces.join(", "),
                de(c.max_ink)
            ));
        }
        if !r.findings.is_empty() {
            s.push_str("Befunde:\n");
            for f in &r.findings {
                s.push_str(&format!(
                    "  {}{}: {}\n",
                    if f.error { "FEHLER" } else { "Hinweis" },
                    f.page.map(|p| format!(" S. {p}")).unwrap_or_default(),
                    f.text
                ));
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{Stream, dictionary};

    /// A one-page PDF with `content` and the given boxes.
    fn pdf(content: &[u8], trim: Option<[f32; 4]>, font_file: bool) -> Vec<u8> {
        let mut doc = Document::with_version("1.7");
        let pages = doc.new_object_id();
        let mut fd = dictionary! {"Type" => "FontDescriptor", "FontName" => "Test"};
        if font_file {
            let f = doc.add_object(Stream::new(dictionary! {}, b"font".to_vec()));
            fd.set("FontFile2", f);
        }
        let fd = doc.add_object(fd);
        let font = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "Test", "FontDescriptor" => fd,
        });
        let content = doc.add_object(Stream::new(dictionary! {}, content.to_vec()));
        let mut page = dictionary! {
            "Type" => "Page", "Parent" => pages, "Contents" => content,
            "MediaBox" => vec![0.into(), 0.into(), 100.into(), 100.into()],
            "Resources" => dictionary! {"Font" => dictionary! {"F1" => font}},
        };
        if let Some(t) = trim {
            page.set(
                "TrimBox",
                t.iter().map(|&v| v.into()).collect::<Vec<Object>>(),
            );
            let b = [t[0] - 5.0, t[1] - 5.0, t[2] + 5.0, t[3] + 5.0];
            page.set(
                "BleedBox",
                b.iter().map(|&v| v.into()).collect::<Vec<Object>>(),
            );
        }
        let page = doc.add_object(page);
        doc.objects.insert(
            pages,
            Object::Dictionary(
                dictionary! {"Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1},
            ),
        );
        let cat = doc.add_object(dictionary! {"Type" => "Catalog", "Pages" => pages});
        doc.trailer.set("Root", cat);
        let mut out = Vec::new();
        doc.save_to(&mut out).unwrap();
        out
    }

    fn expect(images: &HashMap<String, (String, f64)>) -> Expect<'_> {
        Expect {
            file: "x-druck.pdf",
            bleed_pt: 5.0,
            ink_limit: 300.0,
            multiple: 1,
            binding: "Test",
            images,
            lowest_ppi: None,
        }
    }

    #[test]
    fn rgb_too_much_ink_and_a_missing_font_are_errors() {
        let images = HashMap::new();
        let bytes = pdf(
            b"1 0 0 rg 0 0 10 10 re f 0.9 0.9 0.9 0.9 k 0 0 5 5 re f",
            None,
            false,
        );
        let r = check(&bytes, &expect(&images)).unwrap();
        let errors: Vec<&str> = r
            .findings
            .iter()
            .filter(|f| f.error)
            .map(|f| f.text.as_str())
            .collect();
        assert!(
            errors
                .iter()
                .any(|e| e.contains("TrimBox oder BleedBox fehlt")),
            "{errors:?}"
        );
        assert!(
            errors.iter().any(|e| e.contains("Farbraum DeviceRGB")),
            "{errors:?}"
        );
        assert!(
            errors.iter().any(|e| e.contains("Farbauftrag 360 %")),
            "{errors:?}"
        );
        assert!(
            errors
                .iter()
                .any(|e| e.contains("Schrift Test ist nicht eingebettet")),
            "{errors:?}"
        );
        assert_eq!(r.max_ink, 360.0);
    }

    #[test]
    fn a_cmyk_page_with_boxes_passes() {
        let images = HashMap::new();
        let bytes = pdf(
            b"0 0 0 1 k 0 0 10 10 re f 1 0.45 0 0.2 K",
            Some([10.0, 10.0, 90.0, 90.0]),
            true,
        );
        let r = check(&bytes, &expect(&images)).unwrap();
        assert!(r.findings.iter().all(|f| !f.error), "{:?}", r.findings);
        assert!(r.boxes_ok);
        assert_eq!(r.colours[0].spaces, ["DeviceCMYK"]);
        assert_eq!(r.max_ink, 165.0);
        assert!(text(&[r], "T").contains("Ergebnis:        keine Fehler"));
    }
}
