//! The last step on a print file typst wrote, with lopdf: the BleedBox
//! (TrimBox + bleed) on every page, blank pages up to the binding's
//! multiple, no annotations, and, with the print shop's profile, the PDF/X-4
//! identification: an OutputIntent with the embedded ICC profile, and
//! `GTS_PDFXVersion` and `Trapped` in the document information and the XMP
//! metadata. Nothing here depends on the clock, so the bytes stay the same
//! from build to build. This is not a PDF/X validation (there is no open
//! validator); the preflight checks what it can.

use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat};

/// The PDF/X version written with a profile.
pub const PDFX_VERSION: &str = "PDF/X-4";

/// The print shop's output condition.
pub struct Intent<'a> {
    pub icc: &'a [u8],
    /// E.g. `FOGRA51`.
    pub condition: &'a str,
}

/// What to do to a print file.
pub struct Finish<'a> {
    pub bleed_pt: f64,
    /// Pad with blank pages to a multiple of this (1: no padding).
    pub multiple: u32,
    pub intent: Option<Intent<'a>>,
}

/// The result: the new bytes and how many blank pages were added.
pub struct Finished {
    pub bytes: Vec<u8>,
    pub added: u32,
}

/// Applies `f` to the PDF in `bytes`.
pub fn finish(bytes: &[u8], f: &Finish) -> Result<Finished, String> {
    let mut doc = Document::load_mem(bytes).map_err(|e| e.to_string())?;
    let added = pad(&mut doc, f.multiple)?;
    for (_, id) in doc.get_pages() {
        let media = page_box(&doc, id, b"MediaBox").ok_or("a page has no MediaBox")?;
        let trim = page_box(&doc, id, b"TrimBox").unwrap_or(media);
        let b = f.bleed_pt;
        let bleed = [
            (trim[0] - b).max(media[0]),
            (trim[1] - b).max(media[1]),
            (trim[2] + b).min(media[2]),
            (trim[3] + b).min(media[3]),
        ];
        let page = doc.get_dictionary_mut(id).map_err(|e| e.to_string())?;
        page.set("TrimBox", rect(trim));
        page.set("BleedBox", rect(bleed));
        page.remove(b"Annots");
    }
    if let Some(i) = &f.intent {
        intent(&mut doc, i)?;
    }
    let mut out = Vec::new();
    doc.save_to(&mut out).map_err(|e| e.to_string())?;
    Ok(Finished { bytes: out, added })
}

/// A page's box as [x0, y0, x1, y1], looked up through the page tree.
pub fn page_box(doc: &Document, page: ObjectId, key: &[u8]) -> Option<[f64; 4]> {
    let mut dict = doc.get_dictionary(page).ok()?;
    loop {
        if let Ok(v) = dict.get_deref(key, doc)
            && let Ok(a) = v.as_array()
            && a.len() == 4
        {
            let n: Vec<f64> = a
                .iter()
                .filter_map(|x| doc.dereference(x).ok()?.1.as_float().ok())
                .map(f64::from)
                .collect();
            if n.len() == 4 {
                return Some([
                    n[0].min(n[2]),
                    n[1].min(n[3]),
                    n[0].max(n[2]),
                    n[1].max(n[3]),
                ]);
            }
        }
        let parent = dict.get(b"Parent").ok()?.as_reference().ok()?;
        dict = doc.get_dictionary(parent).ok()?;
    }
}

fn rect(r: [f64; 4]) -> Object {
    Object::Array(
        r.iter()
            .map(|v| Object::Real(((v * 1000.0).round() / 1000.0) as f32))
            .collect(),
    )
}

/// Appends blank pages (the last page's boxes, no content) up to a multiple.
fn pad(doc: &mut Document, multiple: u32) -> Result<u32, String> {
    let pages = doc.get_pages();
    let n = pages.len() as u32;
    let add = (multiple.max(1) - n % multiple.max(1)) % multiple.max(1);
    if add == 0 {
        return Ok(0);
    }
    let (_, &last) = pages.iter().next_back().ok_or("the PDF has no pages")?;
    let media = page_box(doc, last, b"MediaBox").ok_or("a page has no MediaBox")?;
    let trim = page_box(doc, last, b"TrimBox").unwrap_or(media);
    let root = doc
        .catalog()
        .and_then(|c| c.get(b"Pages"))
        .and_then(Object::as_reference)
        .map_err(|e| e.to_string())?;
    for _ in 0..add {
        let content = doc.add_object(Stream::new(Dictionary::new(), Vec::new()));
        let mut page = Dictionary::new();
        page.set("Type", Object::Name(b"Page".to_vec()));
        page.set("Parent", Object::Reference(root));
        page.set("MediaBox", rect(media));
        page.set("TrimBox", rect(trim));
        page.set("Resources", Dictionary::new());
        page.set("Contents", Object::Reference(content));
        let id = doc.add_object(page);
        let pages = doc.get_dictionary_mut(root).map_err(|e| e.to_string())?;
        let count = pages.get(b"Count").and_then(Object::as_i64).unwrap_or(0);
        pages.set("Count", count + 1);
        pages
            .get_mut(b"Kids")
            .and_then(Object::as_array_mut)
            .map_err(|e| e.to_string())?
            .push(Object::Reference(id));
    }
    Ok(add)
}

fn text(s: &str) -> Object {
    Object::String(s.as_bytes().to_vec(), StringFormat::Literal)
}

/// The OutputIntent, the document information keys and the XMP keys.
fn intent(doc: &mut Document, i: &Intent) -> Result<(), String> {
    let mut icc_dict = Dictionary::new();
    icc_dict.set("N", 4);
    let mut icc = Stream::new(icc_dict, i.icc.to_vec());
    icc.compress().map_err(|e| e.to_string())?;
    let icc = doc.add_object(icc);
    let description = profile_description(i.icc).unwrap_or_else(|| i.condition.to_string());
    let mut oi = Dictionary::new();
    oi.set("Type", Object::Name(b"OutputIntent".to_vec()));
    oi.set("S", Object::Name(b"GTS_PDFX".to_vec()));
    oi.set("OutputConditionIdentifier", text(i.condition));
    oi.set("OutputCondition", text(&description));
    oi.set("Info", text(&description));
    oi.set("RegistryName", text("http://www.color.org"));
    oi.set("DestOutputProfile", Object::Reference(icc));
    let oi = doc.add_object(oi);
    let catalog = doc.catalog_mut().map_err(|e| e.to_string())?;
    catalog.set("OutputIntents", Object::Array(vec![Object::Reference(oi)]));
    let meta = catalog.get(b"Metadata").and_then(Object::as_reference).ok();

    let info = match doc.trailer.get(b"Info").and_then(Object::as_reference) {
        Ok(id) => id,
        Err(_) => {
            let id = doc.add_object(Dictionary::new());
            doc.trailer.set("Info", Object::Reference(id));
            id
        }
    };
    let info = doc.get_dictionary_mut(info).map_err(|e| e.to_string())?;
    info.set("GTS_PDFXVersion", text(PDFX_VERSION));
    info.set("Trapped", Object::Name(b"False".to_vec()));

    if let Some(id) = meta
        && let Ok(Object::Stream(s)) = doc.get_object_mut(id)
    {
        let xmp = s
            .decompressed_content()
            .unwrap_or_else(|_| s.content.clone());
        let xmp = String::from_utf8_lossy(&xmp).into_owned();
        let xmp = xmp_with_pdfx(&xmp);
        s.dict.remove(b"Filter");
        s.dict.remove(b"DecodeParms");
        s.set_content(xmp.into_bytes());
    }
    Ok(())
}

/// The XMP packet with the PDF/X keys (in a description of their own).
pub fn xmp_with_pdfx(xmp: &str) -> String {
    let mut keys = format!(
        r#"<rdf:Description rdf:about="" xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/"><pdfxid:GTS_PDFXVersion>{PDFX_VERSION}</pdfxid:GTS_PDFXVersion></rdf:Description>"#
    );
    if !xmp.contains("pdf:Trapped") {
        keys.push_str(r#"<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"><pdf:Trapped>False</pdf:Trapped></rdf:Description>"#);
    }
    if !xmp.contains("xmpMM:RenditionClass") {
        keys.push_str(r#"<rdf:Description rdf:about="" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"><xmpMM:RenditionClass>default</xmpMM:RenditionClass></rdf:Description>"#);
    }
    if !xmp.contains("xmpMM:VersionID") {
        keys.push_str(r#"<rdf:Description rdf:about="" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"><xmpMM:VersionID>1</xmpMM:VersionID></rdf:Description>"#);
    }
    match xmp.rfind("</rdf:RDF>") {
        Some(at) => format!("{}{keys}{}", &xmp[..at], &xmp[at..]),
        None => xmp.to_string(),
    }
}

/// The `desc` tag of an ICC profile (v2 `desc` or v4 `mluc`), if readable.
pub fn profile_description(icc: &[u8]) -> Option<String> {
    let p = lcms2::Profile::new_icc(icc).ok()?;
    let d = p.info(lcms2::InfoType::Description, lcms2::Locale::none())?;
    let d = d.trim().to_string();
    (!d.is_empty()).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pdfx_keys_go_inside_the_rdf() {
        let x = xmp_with_pdfx(
            r#"<x:xmpmeta><rdf:RDF><rdf:Description rdf:about=""/></rdf:RDF></x:xmpmeta>"#,
        );
        let at = x.find("GTS_PDFXVersion>PDF/X-4<").unwrap();
        assert!(at < x.find("</rdf:RDF>").unwrap());
        assert!(x.contains("<pdf:Trapped>False</pdf:Trapped>"));
        assert!(x.contains("<xmpMM:RenditionClass>default"));
    }
}
