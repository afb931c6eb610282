//! PDF checks for `check`: the brochure's page count must be a multiple of
//! four (it is folded from sheets), and every font must be embedded (print
//! shops and PDF/UA require it).
//!
//! `check` writes nothing, so it cannot compile PDFs; it reads those the
//! last `konzept build` left in the print folder and in the site's
//! `downloads/`. `build` pads the brochure and typst embeds every font, so
//! these findings point at files from an old build or edited by hand. Fonts
//! are read with `pdffonts` (poppler) where it is installed.

use crate::diag::Diagnostic;
use crate::msg;
use crate::print::doc::DocKind;
use crate::project::Project;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Findings about the PDFs of `p` that exist.
pub fn check(p: &Project) -> Vec<Diagnostic> {
    let root = &p.root;
    let print = p.config.print.output.clone();
    let downloads = p.config.output.join(crate::print::DOWNLOADS);
    // Point at `[print]` in book.toml when it is written there.
    let at = std::fs::read_to_string(root.join(crate::config::FILE))
        .ok()
        .and_then(|t| {
            let line = t.lines().position(|l| l.trim() == "[print]")?;
            Some(crate::diag::Span {
                line: line + 1,
                column: 1,
                len: 7,
            })
        });
    let mut out = Vec::new();
    let brochure = print.join(format!("{}-druck.pdf", DocKind::Kurz.key()));
    if let Ok(bytes) = std::fs::read(root.join(&brochure))
        && let Some(pages) = crate::print::typst::page_count(&bytes)
        && !pages.is_multiple_of(4)
    {
        out.push(
            Diagnostic::warning(
                crate::config::FILE,
                msg!("brochure-pages", file = shown(&brochure), pages = pages),
            )
            .at_opt(at)
            .hint(msg!("hint-brochure-pages")),
        );
    }
    let mut pdfs: Vec<PathBuf> = Vec::new();
    for k in DocKind::ALL {
        pdfs.push(print.join(format!("{}-druck.pdf", k.key())));
        pdfs.push(downloads.join(format!("{}.pdf", k.key())));
    }
    for pdf in pdfs.iter().filter(|f| root.join(f).is_file()) {
        for font in not_embedded(&root.join(pdf)) {
            out.push(
                Diagnostic::warning(
                    crate::config::FILE,
                    msg!("font-not-embedded", font = &font, file = shown(pdf)),
                )
                .at_opt(at)
                .hint(msg!("hint-font-not-embedded")),
            );
        }
    }
    out
}

fn shown(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}

/// The fonts `pdffonts` lists as not embedded; none when it is missing or
/// cannot read the file.
fn not_embedded(pdf: &Path) -> Vec<String> {
    let Ok(out) = Command::new("pdffonts").arg(pdf).output() else {
        return Vec::new();
    };
    if !out.status.success() {
        return Vec::new();
    }
    parse_pdffonts(&String::from_utf8_lossy(&out.stdout))
}

/// `pdffonts` prints a header, a line of dashes, then one font per line
/// with the columns name, type, encoding, emb, sub, uni, object, id.
fn parse_pdffonts(text: &str) -> Vec<String> {
    let mut lines = text.lines();
    let Some(header) = lines.next() else {
        return Vec::new();
    };
    let Some(emb) = header.find("emb") else {
        return Vec::new();
    };
    lines
        .skip(1)
        .filter(|l| l.get(emb..emb + 3).map(str::trim) == Some("no"))
        .map(|l| l.split_whitespace().next().unwrap_or("?").to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fonts_that_are_not_embedded_are_found() {
        let text = "\
name                                 type              encoding         emb sub uni object ID
------------------------------------ ----------------- ---------------- --- --- --- ---------
ABCDEF+SourceSans3-Regular           CID TrueType      Identity-H       yes yes yes      5  0
Helvetica                            Type 1            WinAnsi          no  no  no       9  0
";
        assert_eq!(parse_pdffonts(text), ["Helvetica"]);
        assert!(parse_pdffonts("").is_empty());
    }
}
