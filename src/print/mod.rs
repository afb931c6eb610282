//! The PDFs: the long version (Langfassung, A4) and the short-version
//! brochure (Kurzfassung), each as an accessible reader file for the site and
//! as a print-shop file, made by the typst command line.
//!
//! Steps: [`documents`] is konzept's own work and writes nothing: check the
//! print theme, turn the project into one JSON document per PDF ([`doc`],
//! built from the shared Markdown events by [`ast`]) and check its images;
//! `check` runs it for its findings too. [`prepare`] finds typst and stages
//! each document in a folder of its own ([`stage`]). [`Compilation::run`] then compiles
//! the four PDFs (or copies them from the previous build when nothing they
//! depend on changed), pads the brochure to a multiple of four pages, and
//! writes the reader files into the site and the print files into the print
//! folder with a README for the print shop.

pub mod ast;
pub mod checks;
pub mod cmyk;
pub mod doc;
pub mod monitoring;
pub mod pdfx;
pub mod preflight;
pub mod stage;
pub mod typst;

use crate::diag::{Diagnostic, Diagnostics, Failure, Span};
use crate::i18n::Msg;
use crate::msg;
use crate::project::Project;
use crate::strings::Strings;
use crate::theme::Theme;
use crate::views::Download;
use anyhow::{Context, Result};
use doc::DocKind;
use serde::{Deserialize, Serialize};
use stage::Stage;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use typst::Origins as _;

/// The folder of the reader PDFs inside the site.
pub const DOWNLOADS: &str = "downloads";
/// The file beside the PDFs that remembers what they were made from.
pub const MANIFEST: &str = ".konzept-pdf-hash";
/// The PDF standards of the reader files.
pub const READER_STANDARD: &str = "a-2a,ua-1";
/// The print shop's README in the print folder.
pub const README: &str = "LIESMICH.txt";
/// Width of the slug (beyond the bleed) that holds crop marks, in mm.
pub const SLUG_MM: f64 = 10.0;
/// The preflight reports in the print folder.
pub const PREFLIGHT_TXT: &str = "preflight.txt";
pub const PREFLIGHT_JSON: &str = "preflight.json";

/// One document staged and ready for typst.
struct Staged {
    kind: DocKind,
    /// The file stem: `kurzfassung`, `kurzfassung-uk`.
    key: String,
    /// A translation's language; `None` for the source's documents.
    lang: Option<String>,
    title: String,
    stage: Stage,
    images: Vec<doc::ImageUse>,
    /// The CMYK copies of raster images: sha256 → (place, highest ink).
    inks: std::collections::HashMap<String, (String, f64)>,
    /// The image with the lowest resolution at printed size.
    lowest_ppi: Option<preflight::Resolution>,
    /// konzept's own time for this document so far (JSON, checks, staging).
    own: Duration,
}

/// Everything konzept staged; [`Compilation::run`] hands it to typst.
pub struct Compilation<'a> {
    project: &'a Project,
    typst: typst::Typst,
    theme: Theme,
    strings: Strings,
    docs: Vec<Staged>,
    /// The print shop's ICC profile, from book.toml's `[print] profile`.
    icc: Option<Vec<u8>>,
}

/// What the preflight needs about one document's pictures: the highest ink
/// of each converted raster image (by the copy's sha256) and the image with
/// the lowest resolution at printed size.
type Extras = (
    std::collections::HashMap<String, (String, f64)>,
    Option<preflight::Resolution>,
);

/// Both documents as data, before anything is written, with the findings
/// about them (image resolution, images the PDFs cannot take, colours that
/// cannot be printed …).
pub struct Documents {
    theme: Theme,
    strings: Strings,
    /// Each document with its time and its title (in its language).
    docs: Vec<(doc::Doc, Duration, String)>,
    extras: Vec<Extras>,
    icc: Option<Vec<u8>>,
    /// Warnings about the sources found while converting.
    pub warnings: Diagnostics,
}

impl std::fmt::Debug for Documents {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kinds: Vec<String> = self.docs.iter().map(|(d, _, _)| d.key()).collect();
        f.debug_struct("Documents").field("docs", &kinds).finish()
    }
}

/// What the PDF step produced.
#[derive(Debug, Default)]
pub struct Pdfs {
    /// The reader files, for the site's home page.
    pub downloads: Vec<Download>,
    /// Lines for the terminal (padding, timing).
    pub notes: Vec<String>,
    pub warnings: Vec<Diagnostic>,
}

/// konzept's part before typst: check the print theme, convert the project
/// into the two documents and check their images. Writes nothing; problems
/// with the sources (and the theme) come back as diagnostics.
pub fn documents(p: &Project) -> Result<Documents, Diagnostics> {
    let theme = Theme::new(&p.root, &p.config.theme);
    let mut diags = Diagnostics::default();
    let one = |d: Diagnostic| -> Diagnostics { std::iter::once(d).collect() };
    let strings = crate::strings::load(&p.config, &theme).map_err(one)?;
    let print_theme = checks::PrintTheme::load(&theme, &p.root).map_err(|d| one(*d))?;
    let cfg = &p.config.print;
    diags.extend(print_theme.check_palettes(cfg.max_ink));
    let icc = load_profile(p).map_err(|d| one(*d))?;
    // The translations' brochures: the same template, from each published
    // language's translated project and interface strings.
    let mut translated = Vec::new();
    for c in crate::views::lang::published(p) {
        let t = crate::translate::apply(p, c);
        let s =
            crate::strings::load_translation(&p.config, &theme, &p.config.language, &c.lang.code)
                .map_err(one)?;
        translated.push((t, s, c.lang.clone()));
    }
    let mut built: Vec<(doc::Doc, Duration, String)> = {
        use rayon::prelude::*;
        let mut jobs: Vec<Job> = DocKind::ALL
            .iter()
            .map(|&k| (p, &strings, k, None))
            .collect();
        for (t, s, l) in &translated {
            jobs.push((&t.project, s, DocKind::Kurz, Some((l, &t.fallbacks))));
        }
        jobs.par_iter()
            .map(|&(q, s, k, l)| {
                let start = Instant::now();
                let mut d = doc::build(q, s, k);
                if let Some((l, fallbacks)) = l {
                    let source = &p.config.language;
                    let note = s.get("lang.fallback");
                    mark_fallbacks(&mut d.json, fallbacks, source, &note);
                    d.lang = Some(l.code.clone());
                    d.json["meta"]["dir"] = serde_json::Value::from(l.dir.as_str());
                    d.json["meta"]["lang_name"] = serde_json::Value::from(l.name.clone());
                    d.json["meta"]["date"] =
                        serde_json::Value::from(crate::locale::date(&p.config.date, &l.code));
                    // The trend sentences are German prose with German numbers;
                    // a translation shows the value and the verdict only.
                    if let Some(items) = d.json["kennzahlen"]["items"].as_array_mut() {
                        for i in items {
                            i["trend"] = serde_json::Value::Null;
                        }
                    }
                }
                let title = s.get(&format!("print.{}", k.key()));
                (d, start.elapsed(), title)
            })
            .collect()
    };
    // One converter per document, so the documents convert on every core
    // (Little CMS's transform keeps a cache and is not shared by threads).
    let converters = built
        .iter()
        .map(|_| cmyk::colour::Colours::new(icc.as_deref(), cfg.max_ink))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|why| one(profile_error(p, &why)))?;
    let fonts = cmyk::drawing::fonts(&theme);
    let (found, extras): (Vec<_>, Vec<_>) = {
        use rayon::prelude::*;
        built
            .par_iter_mut()
            .zip(converters.into_par_iter())
            .map(|((d, time, title), colours)| {
                let colours = colours.with_palette(crate::monitoring::print::CMYK);
                let start = Instant::now();
                let paper = d.json["meta"]["paper"].as_str().unwrap_or("a4").to_string();
                let column_mm = print_theme.column_mm(d.kind, &paper);
                let mut found = d.diags.clone();
                found.extend(checks::image_resolution(
                    &d.images,
                    column_mm,
                    print_theme.inline_image_mm(),
                    title,
                    &cfg.accept_low_resolution,
                ));
                let lowest = lowest_ppi(d, column_mm, print_theme.inline_image_mm(), cfg);
                let converted = cmyk::convert_doc(d, &colours, &fonts, column_mm / 25.4 * 72.0);
                found.extend(converted.diags);
                let inks = converted
                    .inks
                    .iter()
                    .filter_map(|i| {
                        let copy = d
                            .files
                            .iter()
                            .find(|(p, _)| *p == format!("{}/{}.jpg", cmyk::DIR, i.staged))?;
                        Some((stage::sha256(&copy.1), (place(&i.file, i.span), i.max_ink)))
                    })
                    .collect();
                *time += start.elapsed();
                (found, (inks, lowest))
            })
            .unzip()
    };
    diags.extend(found.into_iter().flatten());
    let diags = dedup(diags);
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(Documents {
        theme,
        strings,
        docs: built,
        extras,
        icc,
        warnings: diags,
    })
}

/// One document to build: the project (translated or not), its interface
/// strings, the kind, and for a translation its language and the texts
/// still in German.
type Job<'a> = (
    &'a Project,
    &'a Strings,
    DocKind,
    Option<(
        &'a crate::languages::Language,
        &'a std::collections::BTreeSet<String>,
    )>,
);

/// Marks the texts of a translated brochure that are still German (their
/// translation is missing or out of date): set in the source language, with
/// the translation's note after them, as the translated site does.
fn mark_fallbacks(
    json: &mut serde_json::Value,
    fallbacks: &std::collections::BTreeSet<String>,
    source: &str,
    note: &str,
) {
    use serde_json::{Value, json};
    let wrap = |nodes: &mut Value| {
        let text = std::mem::take(nodes);
        *nodes = json!([
            {"t": "lang", "lang": source, "c": text},
            {"t": "p", "c": [{"t": "em", "c": [note]}]},
        ]);
    };
    if let Some(items) = json["summaries"].as_array_mut() {
        for s in items {
            let slug = s["label"].as_str().and_then(|l| l.strip_prefix("kapitel:"));
            if slug.is_some_and(|slug| {
                fallbacks.contains(&crate::translate::reference("kapitel", slug, "summary"))
            }) {
                wrap(&mut s["c"]);
            }
        }
    }
    if let Some(groups) = json["empfehlungen"].as_array_mut() {
        for e in groups.iter_mut().flat_map(|g| {
            g["items"]
                .as_array_mut()
                .map(|v| v.iter_mut())
                .into_iter()
                .flatten()
        }) {
            let id = e["id"].as_str().unwrap_or_default().to_string();
            if fallbacks.contains(&crate::translate::reference("empfehlung", &id, "text")) {
                wrap(&mut e["text"]);
            }
        }
    }
}

/// Finds typst and stages each document. `work` is the folder the staging
/// folders go in (beside the print output). A missing typst is an error of
/// the environment.
pub fn prepare<'a>(
    p: &'a Project,
    documents: Documents,
    work: &Path,
) -> Result<Compilation<'a>, Failure> {
    let typst = typst::locate(p.config.print.typst.as_deref(), &p.root)?;
    let Documents {
        theme,
        strings,
        docs: built,
        extras,
        icc,
        ..
    } = documents;
    let mut docs = Vec::new();
    for ((d, time, title), (inks, lowest_ppi)) in built.into_iter().zip(extras) {
        let start = Instant::now();
        let stage = Stage::new(work, &d, &theme, &p.root)?;
        docs.push(Staged {
            kind: d.kind,
            key: d.key(),
            lang: d.lang.clone(),
            title,
            stage,
            images: d.images,
            inks,
            lowest_ppi,
            own: time + start.elapsed(),
        });
    }
    Ok(Compilation {
        project: p,
        typst,
        theme,
        strings,
        docs,
        icc,
    })
}

/// `content/x.md:47`, the place of an image for the preflight report.
fn place(file: &Path, span: Option<Span>) -> String {
    match span {
        Some(s) => format!("{}:{}", file.display(), s.line),
        None => file.display().to_string(),
    }
}

/// The raster image with the lowest resolution at printed size.
fn lowest_ppi(
    d: &doc::Doc,
    column_mm: f64,
    inline_mm: f64,
    cfg: &crate::config::Print,
) -> Option<preflight::Resolution> {
    d.images
        .iter()
        .filter_map(|i| Some((checks::printed(i, column_mm, inline_mm)??.0, i)))
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(ppi, i)| preflight::Resolution {
            ppi: ppi.round(),
            at: place(&i.file, i.span),
            accepted: cfg.accept_low_resolution.contains(&i.src),
        })
}

/// Reads book.toml's `[print] profile`, a regular file inside the project.
fn load_profile(p: &Project) -> std::result::Result<Option<Vec<u8>>, Box<Diagnostic>> {
    let Some(rel) = &p.config.print.profile else {
        return Ok(None);
    };
    stage::regular_file_inside(&p.root, rel)
        .and_then(|path| std::fs::read(path).map_err(|e| crate::i18n::io_reason(&e)))
        .map(Some)
        .map_err(|why| Box::new(profile_error(p, &why)))
}

fn profile_error(p: &Project, why: &Msg) -> Diagnostic {
    let rel = p
        .config
        .print
        .profile
        .as_deref()
        .map(|r| r.display().to_string())
        .unwrap_or_default();
    let span = p.config.print_key_span("profile");
    Diagnostic::error(
        crate::config::FILE,
        msg!("profile-unusable", file = rel, reason = why.clone()),
    )
    .at_opt(span)
    .hint(msg!("hint-profile-supply"))
}

/// Removes repeated diagnostics (an image used in both documents).
fn dedup(d: Diagnostics) -> Diagnostics {
    let mut seen = std::collections::HashSet::new();
    d.into_iter()
        .filter(|x| {
            let at = x.span.map(|s| (s.line, s.column));
            seen.insert((x.file.clone(), at, x.message.clone()))
        })
        .collect()
}

/// What the previous build left: file name → entry.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Manifest {
    files: BTreeMap<String, Entry>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    /// The hash of the staged inputs, typst's version and the flags.
    key: String,
    /// The sha256 of the PDF.
    sha256: String,
    pages: u32,
    /// Blank pages added to reach a multiple of four.
    pad: u32,
}

impl Manifest {
    fn read(dir: &Path) -> Manifest {
        std::fs::read(dir.join(MANIFEST))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }
}

/// Where the PDFs go and where the previous ones are.
pub struct Targets<'a> {
    /// The site's staging folder (reader files go to `downloads/`).
    pub site: &'a Path,
    /// The print folder's staging folder.
    pub print: &'a Path,
    /// The current site output, with the previous reader files.
    pub previous_site: &'a Path,
    /// The current print folder, with the previous print files.
    pub previous_print: &'a Path,
}

/// The reader or the print-shop variant, or the long version's cover
/// for perfect binding (with the page count of its print file).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Variant {
    Reader,
    Print,
    Cover(u32),
}

impl Variant {
    /// Bleed, CMYK, post-processing and preflight.
    fn is_print(self) -> bool {
        self != Variant::Reader
    }
}

/// The long version's cover file in the print folder.
pub const COVER: &str = "langfassung-umschlag.pdf";

/// One finished PDF.
#[derive(Debug, Clone)]
struct Made {
    entry: Entry,
    /// typst's warnings, against the theme's files.
    warnings: Vec<Diagnostic>,
    bytes: u64,
    typst: Duration,
    own: Duration,
    cached: bool,
    /// The preflight report of a print file.
    preflight: Option<preflight::Report>,
    /// The long version's cover, made after its print file.
    cover: Option<Box<Made>>,
}

/// The outcome of one document: both variants, or diagnostics.
type DocResult = Result<std::result::Result<(Made, Made), Vec<Diagnostic>>>;

impl Compilation<'_> {
    /// Compiles (or reuses) the four PDFs and writes them into `targets`.
    /// typst's errors come back as findings against the theme's files.
    pub fn run(self, targets: &Targets) -> Result<Pdfs, Failure> {
        let prev_site = Manifest::read(&targets.previous_site.join(DOWNLOADS));
        let prev_print = Manifest::read(targets.previous_print);
        std::fs::create_dir_all(targets.site.join(DOWNLOADS)).with_context(|| {
            msg!(
                "env-create-folder",
                dir = targets.site.display().to_string()
            )
        })?;
        let run_doc = |d: &Staged| -> DocResult {
            let r = self.run_doc(d, targets, &prev_site, &prev_print);
            if let Ok(Ok((reader, print))) = &r {
                for (variant, m) in [("reader", reader), ("print", print)] {
                    eprintln!("{}", self.progress(d, variant, m));
                }
            }
            r
        };
        let results: Vec<DocResult> = {
            use rayon::prelude::*;
            self.docs.par_iter().map(run_doc).collect()
        };
        let mut diags = Diagnostics::default();
        let mut made = Vec::new();
        for (d, r) in self.docs.iter().zip(results) {
            let r = r?;
            match r {
                Ok(m) => made.push((d, m)),
                Err(problems) => diags.extend(problems),
            }
        }
        if diags.has_errors() {
            return Err(Failure::Sources(dedup(diags)));
        }
        let mut site_manifest = Manifest::default();
        let mut print_manifest = Manifest::default();
        let mut report = Pdfs::default();
        report.warnings.extend(diags);
        for (d, (reader, print)) in &made {
            let key = d.key.as_str();
            site_manifest
                .files
                .insert(format!("{key}.pdf"), reader.entry.clone());
            print_manifest
                .files
                .insert(format!("{key}-druck.pdf"), print.entry.clone());
            if let Some(c) = &print.cover {
                print_manifest.files.insert(COVER.into(), c.entry.clone());
            }
            report
                .downloads
                .push(download(d, Some(reader.entry.pages), Some(reader.bytes)));
            report.warnings.extend(reader.warnings.iter().cloned());
            report.warnings.extend(print.warnings.iter().cloned());
            if reader.entry.pad > 0 {
                report.notes.push(crate::tr!(
                    "pdf-padded",
                    doc = &d.title,
                    pages = reader.entry.pages - reader.entry.pad,
                    pad = reader.entry.pad,
                    total = reader.entry.pages
                ));
            }
            let own = d.own + reader.own + print.own;
            let typst = reader.typst + print.typst;
            let total = own + typst;
            if !(reader.cached && print.cached) {
                report.notes.push(crate::tr!(
                    "pdf-timing",
                    doc = &d.title,
                    own = secs(own),
                    share = crate::i18n::decimal(
                        (1000.0 * own.as_secs_f64() / total.as_secs_f64()).round() / 10.0
                    ),
                    typst = secs(typst)
                ));
            }
        }
        let json = |m: &Manifest| serde_json::to_vec_pretty(m).expect("manifest serializes");
        crate::output::write(
            &targets.site.join(DOWNLOADS),
            MANIFEST,
            &json(&site_manifest),
        )?;
        crate::output::write(targets.print, MANIFEST, &json(&print_manifest))?;
        crate::output::write(targets.print, README, self.readme(&made).as_bytes())?;
        let reports: Vec<preflight::Report> = made
            .iter()
            .flat_map(|(_, (_, p))| {
                let cover = p.cover.as_ref().and_then(|c| c.preflight.clone());
                p.preflight.clone().into_iter().chain(cover)
            })
            .collect();
        crate::output::write(
            targets.print,
            PREFLIGHT_TXT,
            preflight::text(&reports, &self.project.config.title).as_bytes(),
        )?;
        crate::output::write(
            targets.print,
            PREFLIGHT_JSON,
            &serde_json::to_vec_pretty(&reports).expect("reports serialize"),
        )?;
        Ok(report)
    }

    fn progress(&self, d: &Staged, variant: &str, m: &Made) -> String {
        if m.cached {
            crate::tr!("pdf-progress-cached", doc = &d.title, variant = variant)
        } else {
            crate::tr!(
                "pdf-progress",
                doc = &d.title,
                variant = variant,
                pages = m.entry.pages,
                seconds = secs(m.typst + m.own)
            )
        }
    }

    fn run_doc(
        &self,
        d: &Staged,
        targets: &Targets,
        prev_site: &Manifest,
        prev_print: &Manifest,
    ) -> DocResult {
        let key = d.key.as_str();
        let reader_out = targets.site.join(DOWNLOADS).join(format!("{key}.pdf"));
        let print_out = targets.print.join(format!("{key}-druck.pdf"));
        let reader_prev = (
            targets
                .previous_site
                .join(DOWNLOADS)
                .join(format!("{key}.pdf")),
            prev_site.files.get(&format!("{key}.pdf")),
        );
        let print_prev = (
            targets.previous_print.join(format!("{key}-druck.pdf")),
            prev_print.files.get(&format!("{key}-druck.pdf")),
        );
        match d.kind {
            DocKind::Lang => {
                let (r, p) = rayon::join(
                    || self.make(d, Variant::Reader, 0, &reader_out, &reader_prev),
                    || -> Result<std::result::Result<Made, Vec<Diagnostic>>> {
                        let mut p = self.make(d, Variant::Print, 0, &print_out, &print_prev)?;
                        if let Ok(m) = &mut p {
                            let cover_prev = (
                                targets.previous_print.join(COVER),
                                prev_print.files.get(COVER),
                            );
                            let out = targets.print.join(COVER);
                            let v = Variant::Cover(m.entry.pages);
                            match self.make(d, v, 0, &out, &cover_prev)? {
                                Ok(c) => m.cover = Some(Box::new(c)),
                                Err(e) => return Ok(Err(e)),
                            }
                        }
                        Ok(p)
                    },
                );
                Ok(match (r?, p?) {
                    (Ok(r), Ok(p)) => Ok((r, p)),
                    (Err(mut a), Err(b)) => {
                        a.extend(b);
                        Err(a)
                    }
                    (Err(a), _) | (_, Err(a)) => Err(a),
                })
            }
            DocKind::Kurz => {
                // The reader file decides the padding; the print file has the
                // same pages, only with bleed and CMYK.
                let mut reader =
                    match self.make(d, Variant::Reader, 0, &reader_out, &reader_prev)? {
                        Ok(m) => m,
                        Err(e) => return Ok(Err(e)),
                    };
                let pad = if reader.entry.pad > 0 {
                    reader.entry.pad
                } else {
                    (4 - reader.entry.pages % 4) % 4
                };
                let (padded, print) = rayon::join(
                    || {
                        (pad > 0 && reader.entry.pad == 0).then(|| {
                            self.make(
                                d,
                                Variant::Reader,
                                pad,
                                &reader_out,
                                &(PathBuf::new(), None),
                            )
                        })
                    },
                    || self.make(d, Variant::Print, pad, &print_out, &print_prev),
                );
                if let Some(padded) = padded {
                    let first = reader;
                    reader = match padded? {
                        Ok(m) => m,
                        Err(e) => return Ok(Err(e)),
                    };
                    reader.typst += first.typst;
                    reader.own += first.own;
                    // The cache key is that of the unpadded request.
                    reader.entry.key = first.entry.key;
                    reader.entry.pad = pad;
                }
                let print = match print? {
                    Ok(m) => m,
                    Err(e) => return Ok(Err(e)),
                };
                Ok(Ok((reader, print)))
            }
        }
    }

    fn job<'j>(
        &self,
        d: &'j Staged,
        variant: Variant,
        pad: u32,
        output: &'j Path,
    ) -> typst::Job<'j> {
        let cfg = &self.project.config;
        let mut inputs = vec![
            (
                "variant".to_string(),
                match variant {
                    Variant::Reader => "reader",
                    Variant::Print | Variant::Cover(_) => "print",
                }
                .to_string(),
            ),
            ("pad".to_string(), pad.to_string()),
        ];
        if let Variant::Cover(pages) = variant {
            inputs.push(("spine".into(), format!("{:.2}", self.spine_mm(pages))));
        }
        if variant.is_print() {
            inputs.push(("bleed".into(), cfg.print.bleed_mm.to_string()));
            let slug = if cfg.print.crop_marks { SLUG_MM } else { 0.0 };
            inputs.push(("slug".into(), slug.to_string()));
            // Not read by typst: the post-processing, part of the cache key.
            let f = self.finish(d, variant);
            let intent = f
                .intent
                .as_ref()
                .map(|i| format!("{}:{}", stage::sha256(i.icc), i.condition));
            inputs.push((
                "finish".into(),
                format!(
                    "{}/{}/{}/{}",
                    f.multiple,
                    intent.unwrap_or_default(),
                    cfg.print.max_ink,
                    cfg.print.accept_low_resolution.join(",")
                ),
            ));
        }
        typst::Job {
            root: d.stage.path(),
            main: match (d.kind, variant) {
                (_, Variant::Cover(_)) => "umschlag.typ",
                (DocKind::Lang, _) => "langfassung.typ",
                (DocKind::Kurz, _) => "kurzfassung.typ",
            },
            output,
            standard: (variant == Variant::Reader).then_some(READER_STANDARD),
            inputs,
            // The environment's SOURCE_DATE_EPOCH wins over book.toml's date.
            epoch: std::env::var("SOURCE_DATE_EPOCH")
                .ok()
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or_else(|| cfg.date_epoch()),
        }
    }

    /// Compiles one variant, or copies it from the previous build when the
    /// inputs are the same. A padded request for the brochure is never cached
    /// by itself (its unpadded request is).
    fn make(
        &self,
        d: &Staged,
        variant: Variant,
        pad: u32,
        output: &Path,
        previous: &(PathBuf, Option<&Entry>),
    ) -> Result<std::result::Result<Made, Vec<Diagnostic>>> {
        let start = Instant::now();
        let job = self.job(d, variant, pad, output);
        let key = stage::sha256(
            format!("{}\n{}\n{}", d.stage.hash, self.typst.version, job.flags()).as_bytes(),
        );
        if let (path, Some(entry)) = previous
            && entry.key == key
            && let Ok(bytes) = std::fs::read(path)
            && stage::sha256(&bytes) == entry.sha256
        {
            std::fs::write(output, &bytes)
                .with_context(|| msg!("env-write-file", file = output.display().to_string()))?;
            let preflight = match self.preflight(d, variant, &bytes)? {
                Ok(r) => r,
                Err(problems) => return Ok(Err(problems)),
            };
            return Ok(Ok(Made {
                entry: Entry::clone(entry),
                warnings: Vec::new(),
                bytes: bytes.len() as u64,
                typst: Duration::ZERO,
                own: start.elapsed(),
                cached: true,
                preflight,
                cover: None,
            }));
        }
        let before = start.elapsed();
        let run = self.typst.compile(&job)?;
        let origins = StagedOrigins { plan: self, doc: d };
        let mut problems = typst::diagnostics(&run.messages, &origins, &d.title);
        if !run.ok {
            if !problems.iter().any(Diagnostic::is_error) {
                problems.push(Diagnostic::error(
                    origins.fallback(),
                    msg!("typst-failed", doc = &d.title),
                ));
            }
            return Ok(Err(problems));
        }
        let after = Instant::now();
        let mut bytes = std::fs::read(output)
            .with_context(|| msg!("env-typst-no-output", file = output.display().to_string()))?;
        let mut pad = pad;
        if variant.is_print() {
            let done = pdfx::finish(&bytes, &self.finish(d, variant)).map_err(|e| {
                anyhow::anyhow!(msg!(
                    "env-pdf-not-finished",
                    file = output.display().to_string(),
                    detail = e
                ))
            })?;
            bytes = done.bytes;
            pad += done.added;
            std::fs::write(output, &bytes)
                .with_context(|| msg!("env-write-file", file = output.display().to_string()))?;
        }
        let pages = typst::page_count(&bytes)
            .with_context(|| msg!("env-pdf-no-page-count", file = output.display().to_string()))?;
        let preflight = match self.preflight(d, variant, &bytes)? {
            Ok(r) => r,
            Err(more) => {
                problems.extend(more);
                return Ok(Err(problems));
            }
        };
        Ok(Ok(Made {
            warnings: problems,
            entry: Entry {
                key,
                sha256: stage::sha256(&bytes),
                pages,
                pad,
            },
            bytes: bytes.len() as u64,
            typst: run.time,
            own: before + after.elapsed(),
            cached: false,
            preflight,
            cover: None,
        }))
    }

    /// The binding of a document's print file: the page multiple and its name.
    fn binding(&self, d: &Staged, variant: Variant) -> (u32, String) {
        match (d.kind, variant) {
            (_, Variant::Cover(_)) => (1, self.strings.get("print.binding_cover")),
            (DocKind::Kurz, _) if self.right_to_left(d) => {
                (4, self.strings.get("print.binding_saddle_rtl"))
            }
            (DocKind::Kurz, _) => (4, self.strings.get("print.binding_saddle")),
            (DocKind::Lang, _) => (2, self.strings.get("print.binding_perfect")),
        }
    }

    /// Whether `d` is a translation read from right to left (bound on the right).
    fn right_to_left(&self, d: &Staged) -> bool {
        d.lang.as_deref().is_some_and(|code| {
            self.project
                .config
                .languages
                .iter()
                .any(|l| l.code == code && l.dir == crate::languages::Dir::Rtl)
        })
    }

    /// The spine of the long version: one sheet per two pages.
    fn spine_mm(&self, pages: u32) -> f64 {
        f64::from(pages.div_ceil(2)) * self.project.config.print.paper_thickness_mm
    }

    /// The post-processing of a print file.
    fn finish(&self, d: &Staged, variant: Variant) -> pdfx::Finish<'_> {
        let cfg = &self.project.config.print;
        pdfx::Finish {
            bleed_pt: cfg.bleed_mm / 25.4 * 72.0,
            multiple: self.binding(d, variant).0,
            intent: self
                .icc
                .as_deref()
                .zip(cfg.output_condition.as_deref())
                .map(|(icc, condition)| pdfx::Intent { icc, condition }),
        }
    }

    /// The preflight of a print file; its errors as diagnostics on the file.
    fn preflight(
        &self,
        d: &Staged,
        variant: Variant,
        bytes: &[u8],
    ) -> Result<std::result::Result<Option<preflight::Report>, Vec<Diagnostic>>> {
        if !variant.is_print() {
            return Ok(Ok(None));
        }
        let cfg = &self.project.config.print;
        let name = match variant {
            Variant::Cover(_) => COVER.to_string(),
            _ => format!("{}-druck.pdf", d.key),
        };
        let (multiple, binding) = self.binding(d, variant);
        let report = preflight::check(
            bytes,
            &preflight::Expect {
                file: &name,
                bleed_pt: cfg.bleed_mm / 25.4 * 72.0,
                ink_limit: cfg.max_ink,
                multiple,
                binding: &binding,
                images: &d.inks,
                lowest_ppi: d.lowest_ppi.clone(),
            },
        )
        .map_err(|e| anyhow::anyhow!(msg!("env-pdf-not-read-back", file = &name, detail = e)))?;
        let errors: Vec<Diagnostic> = report
            .findings
            .iter()
            .filter(|f| f.error)
            .map(|f| {
                let message = match f.page {
                    Some(page) => msg!("preflight-error-page", page = page, text = &f.text),
                    None => msg!("preflight-error", text = &f.text),
                };
                Diagnostic::error(cfg.output.join(&name), message)
                    .hint(msg!("hint-preflight-report"))
            })
            .collect();
        if errors.is_empty() {
            Ok(Ok(Some(report)))
        } else {
            Ok(Err(errors))
        }
    }

    fn readme(&self, made: &[(&Staged, (Made, Made))]) -> String {
        let cfg = &self.project.config;
        let text = self
            .theme
            .read_string("print/LIESMICH.txt")
            .unwrap_or_default();
        let pages = |k: DocKind| {
            made.iter()
                .find(|(d, _)| d.kind == k)
                .map(|(_, (_, p))| p.entry.pages.to_string())
                .unwrap_or_default()
        };
        let paper = cfg.print.brochure_paper.to_uppercase();
        let bleed = format!("{}", cfg.print.bleed_mm).replace('.', ",");
        let crop = self.strings.get(if cfg.print.crop_marks {
            "print.crop_yes"
        } else {
            "print.crop_no"
        });
        // One entry per translated brochure, with its language and binding.
        let mut translations = String::new();
        for (d, (_, print)) in made.iter().filter(|(d, _)| d.lang.is_some()) {
            let code = d.lang.as_deref().unwrap_or_default();
            let lang = cfg.languages.iter().find(|l| l.code == code);
            let rtl = lang.is_some_and(|l| l.dir == crate::languages::Dir::Rtl);
            let name = crate::text::language_name_de(code, &self.strings);
            let file = format!("{}-druck.pdf", d.key);
            translations.push_str(&format!(
                "  {file:<23} Kurzfassung {name} ({code}), {paper}, {} Seiten,\n                          {}\n",
                print.entry.pages,
                if rtl {
                    "von rechts nach links: Bindung rechts, Seite 1 = Umschlag rechts gebunden"
                } else {
                    "von links nach rechts: Bindung links wie die deutsche Fassung"
                }
            ));
        }
        let intent = match (&cfg.print.profile, &cfg.print.output_condition) {
            (Some(file), Some(condition)) => self
                .strings
                .get("print.intent_yes")
                .replace("{condition}", condition)
                .replace("{profile}", &file.display().to_string()),
            _ => self.strings.get("print.intent_no"),
        };
        let colour = self.strings.get(if self.icc.is_some() {
            "print.colour_managed"
        } else {
            "print.colour_device"
        });
        let slug = if cfg.print.crop_marks {
            self.strings
                .get("print.slug_note")
                .replace("{slug_mm}", &SLUG_MM.to_string())
        } else {
            String::new()
        };
        let lang_pages: u32 = pages(DocKind::Lang).parse().unwrap_or(0);
        let dec = |x: f64| format!("{x:.1}").replace('.', ",");
        text.replace("{translations}", &translations)
            .replace("{title}", &cfg.title)
            .replace("{spine_mm}", &dec(self.spine_mm(lang_pages)))
            .replace("{sheets}", &lang_pages.div_ceil(2).to_string())
            .replace(
                "{paper_mm}",
                &format!("{}", cfg.print.paper_thickness_mm).replace('.', ","),
            )
            .replace("{intent}", &intent)
            .replace("{colour_note}", &colour)
            .replace("{slug_note}", &slug)
            .replace(
                "{max_ink}",
                &format!("{}", cfg.print.max_ink).replace('.', ","),
            )
            .replace("{publisher}", &cfg.publisher)
            .replace("{date}", &crate::text::german_date(&cfg.date))
            .replace("{bleed_mm}", &bleed)
            .replace("{brochure_paper}", &paper)
            .replace("{pages_lang}", &pages(DocKind::Lang))
            .replace("{pages_kurz}", &pages(DocKind::Kurz))
            .replace("{crop_marks}", &crop)
            .replace("{typst}", &self.typst.version)
    }
}

fn download(d: &Staged, pages: Option<u32>, bytes: Option<u64>) -> Download {
    Download {
        title: d.title.clone(),
        url: format!("{DOWNLOADS}/{}.pdf", d.key),
        pages,
        bytes,
        size: bytes.map(crate::text::file_size),
        lang: d.lang.clone(),
    }
}

/// `3.14 s` as `3,1 s` (German decimal comma).
fn secs(d: Duration) -> String {
    let s = d.as_secs_f64();
    let text = if s < 0.1 {
        format!("{s:.3}")
    } else {
        format!("{s:.1}")
    };
    match crate::i18n::language() {
        crate::i18n::Lang::De => text.replace('.', ","),
        crate::i18n::Lang::En => text,
    }
}

/// Maps staged paths back to the theme's files and the editors' images.
struct StagedOrigins<'a> {
    plan: &'a Compilation<'a>,
    doc: &'a Staged,
}

impl typst::Origins for StagedOrigins<'_> {
    fn locate(&self, staged: &str, line: usize, col: usize) -> (PathBuf, Option<Span>) {
        let staged = staged.trim_start_matches("./").trim_start_matches('/');
        if let Some(img) = self.doc.images.iter().find(|i| i.staged == staged) {
            return (img.file.clone(), img.span);
        }
        if staged == "data.json" {
            return (PathBuf::from("data.json (made by konzept)"), None);
        }
        let file = checks::shown(
            &self.plan.theme,
            &self.plan.project.root,
            &format!("print/{staged}"),
        );
        (
            file,
            Some(Span {
                line,
                column: col,
                len: 1,
            }),
        )
    }

    fn fallback(&self) -> PathBuf {
        checks::shown(
            &self.plan.theme,
            &self.plan.project.root,
            &format!("print/{}.typ", self.doc.kind.key()),
        )
    }
}
