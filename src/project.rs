//! The publication: configuration, chapters and data, loaded once and read
//! by every output (site, PDFs) and by the findings, which check it.

use crate::config::Config;
use crate::content::markdown::{Listing, RecordRef, RefKind};
use crate::content::{Book, Chapter};
use crate::data::Data;
use crate::diag::{Diagnostic, Diagnostics, suggest};
use crate::i18n::Msg;
use crate::msg;
use std::path::{Path, PathBuf};

thread_local! {
    static LOADS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Everything an output needs, validated.
#[derive(Debug, Clone)]
pub struct Project {
    pub root: PathBuf,
    pub config: Config,
    pub book: Book,
    pub data: Data,
    /// The translations of the short version, one per `[[languages]]`.
    pub translations: Vec<crate::po::Catalog>,
}

impl Project {
    /// Reads and parses the project at `root`; every problem loading finds
    /// is in `diags`. Returns the project even when it has errors (`None`
    /// only when book.toml cannot be read), so that `check` reports
    /// everything in one run; [`crate::findings::load`] adds the checks
    /// between its parts, and outputs run only on a project without errors.
    pub fn load(root: &Path, diags: &mut Diagnostics) -> Option<Project> {
        LOADS.with(|n| n.set(n.get() + 1));
        // A book.toml with problems still yields settings (defaults where
        // a key is wrong), so chapters and data are checked in the same run.
        let (config, problems) = Config::load_lenient(root);
        diags.extend(problems);
        let config = config?;
        diags.extend(crate::theme::check(root, &config.theme));
        let period = (config.monitoring.first_year, config.monitoring.last_year);
        let (book, data) = rayon::join(
            || {
                let mut d = Diagnostics::default();
                (Book::load(root, &mut d), d)
            },
            || {
                let mut d = Diagnostics::default();
                (Data::load(root, period, &mut d), d)
            },
        );
        let (book, d1) = book;
        let (data, d2) = data;
        diags.extend(d1);
        diags.extend(d2);
        let translations = crate::po::load_all(root, &config.languages, diags);
        Some(Project {
            root: root.to_path_buf(),
            config,
            book,
            data,
            translations,
        })
    }

    /// How many times this thread loaded a project from disk (for tests
    /// that prove a command loads once).
    pub fn loads_on_this_thread() -> usize {
        LOADS.with(std::cell::Cell::get)
    }

    /// The checks between chapters and data (links, listings, images, links
    /// in record texts), part of [`crate::findings::sources`].
    pub fn check(&self, diags: &mut Diagnostics) {
        self.check_chapters(diags);
        self.check_record_texts(diags);
    }

    fn check_chapters(&self, diags: &mut Diagnostics) {
        use rayon::prelude::*;
        let found: Vec<Diagnostic> = self
            .book
            .chapters
            .par_iter()
            .flat_map_iter(|c| self.check_chapter(c))
            .collect();
        diags.extend(found);
    }

    fn check_chapter(&self, c: &Chapter) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        if let Some(h) = &c.handlungsfeld
            && self.data.handlungsfeld(h).is_none()
            && !self.data.unread.list("handlungsfelder.yaml", h)
        {
            let known = self
                .data
                .handlungsfelder
                .iter()
                .map(|h| h.id.value.as_str());
            let mut d = Diagnostic::error(
                &c.file,
                msg!("chapter-unknown-field-of-action", id = &h.value),
            )
            .at_opt(h.span);
            if let Some(s) = suggest(&h.value, known) {
                d = d.hint(msg!("hint-did-you-mean", name = s));
            }
            out.push(d.hint(msg!("hint-fields-of-action-home")));
        }
        for (dest, range) in &c.scan.links {
            if let Err(msg) = self.check_link(dest, Some(c)) {
                out.push(msg.with_file(&c.file, Some(c.span(range))));
            }
        }
        for (listing, range) in &c.scan.listings {
            let problem = match listing {
                Err(e) => Some(Problem::new(e.clone(), msg!("hint-listing-one-call"))),
                Ok(l) => self.check_listing(l).err(),
            };
            if let Some(p) = problem {
                out.push(p.with_file(&c.file, Some(c.span(range))));
            }
        }
        for img in &c.scan.images {
            let span = c.span(&img.range);
            if img.alt.is_empty() {
                out.push(
                    Diagnostic::error(&c.file, msg!("image-no-alt", src = &img.src))
                        .at(span)
                        .hint(msg!("hint-image-alt")),
                );
            }
            if !is_external(&img.src) {
                let path = c.dir().join(&img.src);
                if !inside(&path) || !self.root.join(&path).is_file() {
                    let mut d =
                        Diagnostic::error(&c.file, msg!("image-missing", src = &img.src)).at(span);
                    if let Some(near) = crate::hints::nearest_file(&self.root, c.dir(), &img.src) {
                        d = d.hint(msg!("hint-did-you-mean", name = near));
                    }
                    out.push(d.hint(msg!(
                        "hint-image-looked-for",
                        path = path.display().to_string()
                    )));
                } else if let Err(crate::inside::ReadError::Outside(target)) =
                    crate::inside::resolve(&self.root, &path)
                {
                    let mut d = crate::inside::outside(&path, &target).at(span);
                    d.file = c.file.clone();
                    out.push(d);
                } else if !["svg", "png", "jpg", "jpeg"].contains(&ext(&img.src).as_str()) {
                    out.push(
                        Diagnostic::error(&c.file, msg!("image-wrong-format", src = &img.src))
                            .at(span)
                            .hint(msg!("hint-image-save-as")),
                    );
                } else if crate::svg::is_svg(&img.src)
                    && let Err(e) = std::fs::read(self.root.join(&path))
                        .map_err(|e| {
                            crate::svg::Invalid(msg!(
                                "file-unreadable",
                                reason = crate::i18n::io_reason(&e)
                            ))
                        })
                        .and_then(|b| crate::svg::sanitize(&b))
                {
                    out.push(
                        Diagnostic::error(
                            &c.file,
                            msg!("image-svg-unusable", src = &img.src, reason = e.0),
                        )
                        .at(span)
                        .hint(msg!("hint-svg-save-again")),
                    );
                }
            } else {
                out.push(
                    Diagnostic::error(&c.file, msg!("image-remote", src = &img.src))
                        .at(span)
                        .hint(msg!("hint-image-remote")),
                );
            }
        }
        if !self.config.allow_html {
            for range in &c.scan.raw_html {
                out.push(
                    Diagnostic::warning(&c.file, msg!("raw-html-cleaned"))
                        .at(c.span(range))
                        .hint(msg!("hint-raw-html")),
                );
            }
        }
        out
    }

    /// Checks Markdown fields of records (links inside recommendation texts …).
    fn check_record_texts(&self, diags: &mut Diagnostics) {
        let mut texts: Vec<(PathBuf, String, &str)> = Vec::new();
        for e in &self.data.empfehlungen {
            texts.push((
                crate::data::rel("empfehlungen.yaml"),
                e.id.value.clone(),
                &e.text,
            ));
        }
        for m in &self.data.massnahmen {
            texts.push((
                crate::data::rel("massnahmen.yaml"),
                m.id.value.clone(),
                &m.beschreibung,
            ));
        }
        for k in &self.data.kommunen {
            texts.push((
                crate::data::rel("kommunen").join(format!("{}.yaml", k.slug)),
                k.slug.clone(),
                &k.profil,
            ));
        }
        for (file, id, text) in texts {
            let scan = crate::content::markdown::scan(text);
            for (dest, _) in &scan.links {
                if let Err(p) = self.check_link(dest, None) {
                    let mut d = p.with_file(&file, None);
                    d.message = msg!("in-text-of", message = d.message, id = &id);
                    diags.push(d);
                }
            }
        }
    }

    /// Whether a link destination resolves; plain web links always do.
    pub fn check_link(&self, dest: &str, from: Option<&Chapter>) -> Result<(), Problem> {
        // A scheme the URL policy decides on (`webcal:` if allowed) is no
        // record link; refused schemes are reported by `findings::urls`.
        if self.config.url_policy().is_extra(dest) {
            return Ok(());
        }
        let Some(parsed) = RecordRef::parse(dest) else {
            return self.check_relative_link(dest, from);
        };
        let r = parsed.map_err(|prefix| {
            let kinds: Vec<&str> = RefKind::ALL.iter().map(|k| k.prefix()).collect();
            let kinds = kinds.join(", ");
            let hint = match suggest(&prefix, kinds.split(", ")) {
                Some(s) => msg!("hint-link-kind-did-you-mean", name = s, kinds = &kinds),
                None => msg!("hint-link-kinds", kinds = &kinds),
            };
            Problem::new(msg!("link-unknown-kind", prefix = &prefix), hint)
        })?;
        let d = &self.data;
        let (exists, known): (bool, Vec<&str>) = match r.kind {
            RefKind::Empfehlung => (
                d.empfehlung(&r.id).is_some(),
                d.empfehlungen.iter().map(|e| e.id.value.as_str()).collect(),
            ),
            RefKind::Massnahme => (
                d.massnahme(&r.id).is_some(),
                d.massnahmen.iter().map(|e| e.id.value.as_str()).collect(),
            ),
            RefKind::Kommune => (
                d.kommune(&r.id).is_some(),
                d.kommunen.iter().map(|e| e.slug.as_str()).collect(),
            ),
            RefKind::Handlungsfeld => (
                d.handlungsfeld(&r.id).is_some(),
                d.handlungsfelder
                    .iter()
                    .map(|e| e.id.value.as_str())
                    .collect(),
            ),
            RefKind::Zielgruppe => (
                d.zielgruppe(&r.id).is_some(),
                d.zielgruppen.iter().map(|e| e.id.value.as_str()).collect(),
            ),
            RefKind::Indikator => (
                d.indikator(&r.id).is_some(),
                d.indikatoren.iter().map(|e| e.id.value.as_str()).collect(),
            ),
            RefKind::Kapitel => (
                self.book.chapter(&r.id).is_some(),
                self.book.chapters.iter().map(|c| c.slug.as_str()).collect(),
            ),
        };
        if !exists && !self.unread(r.kind, &r.id) {
            let mut p = Problem::new(
                msg!("link-target-missing", dest = dest),
                msg!("hint-no-record-with-id", kind = r.kind.prefix(), id = &r.id),
            );
            if let Some(s) = suggest(&r.id, known) {
                p.hints.push(msg!(
                    "hint-did-you-mean",
                    name = format!("{}:{s}", r.kind.prefix())
                ));
            }
            return Err(p);
        }
        if let (RefKind::Kapitel, Some(anchor)) = (r.kind, &r.anchor)
            && let Some(chapter) = self.book.chapter(&r.id)
            && !chapter.scan.headings.iter().any(|h| &h.id == anchor)
        {
            let mut p = Problem::new(
                msg!("link-chapter-no-heading", chapter = &r.id, anchor = anchor),
                msg!("hint-heading-id"),
            );
            p.hints.splice(0..0, anchor_hints(chapter, anchor));
            return Err(p);
        }
        Ok(())
    }

    fn check_relative_link(&self, dest: &str, from: Option<&Chapter>) -> Result<(), Problem> {
        if is_external(dest) || dest.starts_with('#') || dest.is_empty() {
            if let (Some(anchor), Some(c)) = (dest.strip_prefix('#'), from)
                && !c.scan.headings.iter().any(|h| h.id == anchor)
                && !anchor.starts_with("fn")
            {
                let mut p = Problem::new(
                    msg!("link-no-heading-here", anchor = anchor),
                    msg!("hint-heading-id-or-link"),
                );
                p.hints.splice(0..0, anchor_hints(c, anchor));
                return Err(p);
            }
            return Ok(());
        }
        if dest.contains(':') {
            return Ok(());
        }
        let Some(c) = from else { return Ok(()) };
        let path = c.dir().join(dest.split('#').next().unwrap_or(dest));
        if inside(&path) && self.root.join(&path).exists() {
            use crate::content::attachments::{KINDS, Target, target};
            return match target(c.dir(), dest) {
                Some(Target::Outside) => Err(Problem::new(
                    msg!("link-file-outside", dest = dest),
                    msg!("hint-link-file-outside"),
                )),
                Some(Target::Kind { ext }) => Err(Problem::new(
                    msg!("link-file-kind", dest = dest, ext = ext),
                    msg!("hint-link-file-kinds", kinds = KINDS.join(", ")),
                )),
                _ => Ok(()),
            };
        }
        let mut p = Problem::new(
            msg!("link-target-missing", dest = dest),
            msg!("hint-link-forms"),
        );
        let file = dest.split('#').next().unwrap_or(dest);
        if let Some(near) = crate::hints::nearest_file(&self.root, c.dir(), file) {
            p.hints.insert(0, msg!("hint-did-you-mean", name = near));
        }
        Err(p)
    }

    /// Whether a record or chapter may exist in a file that could not be
    /// read; references to it are then not reported (the file's error is).
    fn unread(&self, kind: RefKind, id: &str) -> bool {
        let u = &self.data.unread;
        match kind {
            RefKind::Empfehlung => u.list("empfehlungen.yaml", id),
            RefKind::Massnahme => u.list("massnahmen.yaml", id),
            RefKind::Kommune => u.kommune(id),
            RefKind::Handlungsfeld => u.list("handlungsfelder.yaml", id),
            RefKind::Zielgruppe => u.list("zielgruppen.yaml", id),
            RefKind::Indikator => u.list("indikatoren.yaml", id),
            RefKind::Kapitel => self.book.unread.iter().any(|s| s == id),
        }
    }

    /// Whether the listing's arguments name existing records.
    pub fn check_listing(&self, l: &Listing) -> Result<(), Problem> {
        let d = &self.data;
        for (k, v) in &l.args {
            let ok = match k.as_str() {
                "handlungsfeld" => {
                    d.handlungsfeld(v).is_some() || self.unread(RefKind::Handlungsfeld, v)
                }
                "zielgruppe" => d.zielgruppe(v).is_some() || self.unread(RefKind::Zielgruppe, v),
                // Measures can be district-wide (`kommunen: [kreisweit]`).
                "kommune" => {
                    d.kommune(v).is_some()
                        || self.unread(RefKind::Kommune, v)
                        || l.call == "massnahmen" && v == crate::data::KREISWEIT
                }
                "empfehlung" => d.empfehlung(v).is_some() || self.unread(RefKind::Empfehlung, v),
                "status" => crate::data::Status::ALL.iter().any(|s| s.key() == v),
                "sprache" => crate::data::languages::is_known(v),
                "kurzfassung" | "mehrkosten" => v == "true" || v == "false",
                _ => true,
            };
            if !ok {
                return Err(Problem::new(
                    msg!("listing-names-nothing", name = k, value = v),
                    msg!("hint-listing-spelling", value = v),
                ));
            }
        }
        Ok(())
    }
}

/// "did you mean `#ziele`?" and the anchors `chapter` has (at most ten).
fn anchor_hints(chapter: &Chapter, anchor: &str) -> Vec<crate::i18n::Msg> {
    let ids: Vec<&str> = chapter
        .scan
        .headings
        .iter()
        .map(|h| h.id.as_str())
        .collect();
    let mut out = Vec::new();
    if let Some(s) = crate::hints::nearest(anchor, ids.iter().copied())
        .or_else(|| suggest(anchor, ids.iter().copied()))
    {
        out.push(msg!("hint-did-you-mean", name = format!("#{s}")));
    }
    if ids.is_empty() {
        out.push(msg!("hint-no-headings"));
    } else {
        let mut shown: Vec<String> = ids.iter().take(10).map(|i| format!("#{i}")).collect();
        if ids.len() > 10 {
            shown.push("…".into());
        }
        out.push(msg!("hint-headings-there", anchors = shown.join(", ")));
    }
    out
}

/// A problem found without knowing the file yet.
#[derive(Debug, Clone)]
pub struct Problem {
    pub message: Msg,
    pub hints: Vec<Msg>,
}

impl Problem {
    pub fn new(message: Msg, hint: Msg) -> Self {
        Problem {
            message,
            hints: vec![hint],
        }
    }

    pub fn with_file(self, file: &Path, span: Option<crate::diag::Span>) -> Diagnostic {
        let mut d = Diagnostic::error(file, self.message).at_opt(span);
        d.hints = self.hints;
        d
    }
}

pub fn is_external(s: &str) -> bool {
    s.starts_with("http://")
        || s.starts_with("https://")
        || s.starts_with("mailto:")
        || s.starts_with("tel:")
        || s.starts_with("//")
}

/// A relative path that stays inside the project (no `..` past the root, not absolute).
pub use crate::hints::inside;

/// `root/rel` if it is a regular file inside the project reached without
/// symbolic links; otherwise why not.
pub fn regular_file_inside(root: &Path, rel: &Path) -> std::result::Result<PathBuf, Msg> {
    if !crate::project::inside(rel) {
        return Err(msg!("reason-outside-project"));
    }
    let mut at = root.to_path_buf();
    for part in rel.components() {
        match part {
            std::path::Component::Normal(p) => at.push(p),
            std::path::Component::ParentDir => {
                at.pop();
            }
            _ => {}
        }
        let meta = std::fs::symlink_metadata(&at).map_err(|_| msg!("reason-missing"))?;
        if meta.file_type().is_symlink() {
            return Err(msg!(
                "reason-symlink",
                path = at.strip_prefix(root).unwrap_or(&at).display().to_string()
            ));
        }
    }
    if !std::fs::metadata(&at).is_ok_and(|m| m.is_file()) {
        return Err(msg!("reason-not-regular"));
    }
    Ok(at)
}

fn ext(s: &str) -> String {
    Path::new(s)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

impl Project {
    /// The text an empty record link gets: „SB-2: Titel“, a chapter's title …
    pub fn ref_label(&self, r: &RecordRef) -> Option<String> {
        let d = &self.data;
        Some(match r.kind {
            RefKind::Empfehlung => {
                let e = d.empfehlung(&r.id)?;
                format!("{}: {}", e.id.value, e.titel)
            }
            RefKind::Massnahme => {
                let m = d.massnahme(&r.id)?;
                format!("{}: {}", m.id.value, m.titel)
            }
            RefKind::Kommune => d.kommune(&r.id)?.name.clone(),
            RefKind::Handlungsfeld => d.handlungsfeld(&r.id)?.titel.clone(),
            RefKind::Zielgruppe => d.zielgruppe(&r.id)?.titel.clone(),
            RefKind::Indikator => d.indikator(&r.id)?.titel.clone(),
            RefKind::Kapitel => {
                let c = self.book.chapter(&r.id)?;
                match &r.anchor {
                    Some(a) => c
                        .scan
                        .headings
                        .iter()
                        .find(|h| &h.id == a)
                        .map(|h| h.text.clone())?,
                    None => c.title.clone(),
                }
            }
        })
    }
}
