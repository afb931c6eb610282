//! Files a chapter links to — a flyer as PDF, a form as DOCX, a table as
//! XLSX: which links name one, where it lies in the project, and where the
//! site publishes it (next to the chapters' images, under `media/`).
//!
//! Only documents under `content/` of a known kind are published. HTML and
//! SVG are not among them: opened directly from the site's origin, either
//! could run a script.

use super::{Book, Chapter, DIR};
use std::path::{Component, Path, PathBuf};

/// The kinds of file a chapter may link to, by extension (lower case).
pub const KINDS: &[&str] = &[
    "pdf", "doc", "docx", "odt", "rtf", "txt", "xls", "xlsx", "ods", "csv", "ppt", "pptx", "odp",
    "zip", "epub", "ics", "vcf", "png", "jpg", "jpeg", "gif", "webp", "mp3", "mp4", "webm",
];

/// A file one or more chapters link to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    /// Relative to the project root, without `.` or `..` (`content/dokumente/a.pdf`).
    pub file: PathBuf,
    /// Relative to the site root (`media/dokumente/a.pdf`).
    pub site: String,
    /// The extension in lower case (`pdf`).
    pub ext: String,
    /// The text of the first link to it, or the file's name.
    pub title: String,
    /// Index of the first chapter that links to it.
    pub chapter: usize,
}

/// What a relative link in a chapter names, if it names a file rather than
/// a page, a heading or another server.
#[derive(Debug, PartialEq, Eq)]
pub enum Target {
    /// A file of a kind the site publishes, under `content/`.
    Published { file: PathBuf, ext: String },
    /// A file of another kind (`.html`, `.svg`, `.exe` …).
    Kind { ext: String },
    /// A path that leaves `content/` (or the project).
    Outside,
}

/// Classifies `dest` as written in a chapter in the folder `dir` (relative
/// to the project root). `None` for links that are no file links: other
/// servers, schemes, record links, anchors, Markdown and folder links.
pub fn target(dir: &Path, dest: &str) -> Option<Target> {
    if dest.is_empty() || dest.starts_with(['#', '/']) || dest.contains(':') {
        return None;
    }
    let path = dest.split(['#', '?']).next().unwrap_or(dest);
    let path = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
    let name = path.rsplit('/').next().unwrap_or("");
    let (_, ext) = name.rsplit_once('.')?;
    let ext = ext.to_lowercase();
    if ext.is_empty() || ext == "md" {
        return None;
    }
    let Some(file) = normalise(&dir.join(path.as_ref())) else {
        return Some(Target::Outside);
    };
    if !file.starts_with(DIR) {
        return Some(Target::Outside);
    }
    if !KINDS.contains(&ext.as_str()) {
        return Some(Target::Kind { ext });
    }
    Some(Target::Published { file, ext })
}

/// Every published file the chapters link to and that exists, once each,
/// in reading order. Missing files are the link findings' business.
pub fn of(book: &Book, root: &Path) -> Vec<Attachment> {
    let mut out: Vec<Attachment> = Vec::new();
    for (i, c) in book.chapters.iter().enumerate() {
        for (dest, range) in &c.scan.links {
            let Some(Target::Published { file, ext }) = target(c.dir(), dest) else {
                continue;
            };
            if out.iter().any(|a| a.file == file) || !root.join(&file).is_file() {
                continue;
            }
            let title = link_text(c, range).unwrap_or_else(|| file_name(&file));
            out.push(Attachment {
                site: site_path(&file),
                file,
                ext,
                title,
                chapter: i,
            });
        }
    }
    out
}

/// The site path of a file under `content/`: `media/…`, as for images.
pub fn site_path(file: &Path) -> String {
    let rel = file.strip_prefix(DIR).unwrap_or(file);
    format!("media/{}", rel.to_string_lossy().replace('\\', "/"))
}

/// [`site_path`] as it goes into a link: spaces, `#`, `?`, `%` and the
/// like percent-encoded, letters of every script kept.
pub fn site_url(file: &Path) -> String {
    use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
    const PATH: &AsciiSet = &CONTROLS
        .add(b' ')
        .add(b'"')
        .add(b'#')
        .add(b'%')
        .add(b'<')
        .add(b'>')
        .add(b'?')
        .add(b'`')
        .add(b'{')
        .add(b'}');
    utf8_percent_encode(&site_path(file), PATH).to_string()
}

/// `a/./b/../c` → `a/c`; `None` if the path climbs above its start.
fn normalise(p: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::Normal(s) => out.push(s),
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(out)
}

fn file_name(file: &Path) -> String {
    file.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The visible text of the inline link at `range` of the chapter's body.
fn link_text(c: &Chapter, range: &std::ops::Range<usize>) -> Option<String> {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let src = c.body().get(range.clone())?;
    let mut text = String::new();
    let mut inside = false;
    for ev in Parser::new(src) {
        match ev {
            Event::Start(Tag::Link { .. }) => inside = true,
            Event::End(TagEnd::Link) => break,
            Event::Text(t) | Event::Code(t) if inside => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak if inside => text.push(' '),
            _ => {}
        }
    }
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(dir: &str, dest: &str) -> Option<Target> {
        target(Path::new(dir), dest)
    }

    #[test]
    fn documents_under_content_are_published_by_their_normalised_path() {
        assert_eq!(
            t("content/teil", "../dokumente/Flyer%20Juni.PDF#page=2"),
            Some(Target::Published {
                file: "content/dokumente/Flyer Juni.PDF".into(),
                ext: "pdf".into()
            })
        );
        assert_eq!(
            site_path(Path::new("content/dokumente/a.pdf")),
            "media/dokumente/a.pdf"
        );
        assert_eq!(
            site_url(Path::new("content/dokumente/Flyer Juni #2.pdf")),
            "media/dokumente/Flyer%20Juni%20%232.pdf"
        );
    }

    #[test]
    fn pages_anchors_schemes_and_folders_are_no_file_links() {
        for dest in [
            "#ziele",
            "02-ziele.md",
            "https://example.org/a.pdf",
            "mailto:a@b.de",
            "empfehlung:SB-1",
            "dokumente/",
            "/absolut.pdf",
            "",
        ] {
            assert_eq!(t("content", dest), None, "{dest}");
        }
    }

    #[test]
    fn scripts_and_paths_out_of_content_are_refused() {
        assert_eq!(
            t("content", "seite.html"),
            Some(Target::Kind { ext: "html".into() })
        );
        assert_eq!(
            t("content", "bild.svg"),
            Some(Target::Kind { ext: "svg".into() })
        );
        assert_eq!(t("content", "../book.toml"), Some(Target::Outside));
        assert_eq!(t("content", "../data/x.csv"), Some(Target::Outside));
        assert_eq!(t("content", "../../../etc/x.pdf"), Some(Target::Outside));
    }
}
