//! Checks before typst runs: the print theme's palettes (every colour in
//! both palettes, CMYK total ink at most 300 %) and the resolution of raster
//! images at the size they are printed (at least 300 ppi).

use super::doc::{DocKind, ImageUse};
use crate::diag::{Diagnostic, Span};
use crate::msg;
use crate::theme::Theme;
use std::path::{Path, PathBuf};

/// The theme file with the palettes and page geometry (read by typst too).
pub const THEME_FILE: &str = "print/theme.toml";
/// The most ink a colour may use, in percent (ISO Coated v2 300 %).
pub const MAX_INK: f64 = 300.0;
/// The least resolution a print shop accepts.
pub const MIN_PPI: f64 = 300.0;

/// The parsed `theme.toml`, with where it came from.
pub struct PrintTheme {
    pub table: toml::Table,
    pub file: PathBuf,
    text: String,
}

/// Shows a theme file's origin relative to the root, or marks it as built in.
pub fn shown(theme: &Theme, root: &Path, rel: &str) -> PathBuf {
    match theme.origin(rel) {
        Some(p) => p.strip_prefix(root).map(Path::to_path_buf).unwrap_or(p),
        None => PathBuf::from(crate::tr!("builtin-theme-file", path = rel)),
    }
}

impl PrintTheme {
    pub fn load(theme: &Theme, root: &Path) -> Result<PrintTheme, Box<Diagnostic>> {
        let file = shown(theme, root, THEME_FILE);
        let text = theme.read_string(THEME_FILE).ok_or_else(|| {
            Box::new(
                Diagnostic::error(&file, msg!("theme-toml-missing"))
                    .hint(msg!("hint-theme-toml-missing")),
            )
        })?;
        let table: toml::Table = toml::from_str(&text).map_err(|e| {
            let span = e.span().map(|r| Span::from_bytes(&text, r.start, r.end));
            Diagnostic::error(
                &file,
                msg!("theme-toml-invalid", detail = e.message().trim()),
            )
            .at_opt(span)
        })?;
        Ok(PrintTheme { table, file, text })
    }

    /// The width of the text column in millimetres for a document.
    pub fn column_mm(&self, kind: DocKind, paper: &str) -> f64 {
        let width = match paper {
            "a4" => 210.0,
            "a6" => 105.0,
            _ => 148.0,
        };
        let m = |k: &str| {
            self.table
                .get(kind.key())
                .and_then(|t| t.get("margin"))
                .and_then(|t| t.get(k))
                .and_then(number)
                .unwrap_or(20.0)
        };
        width - m("inside") - m("outside")
    }

    /// The height of images set within a line, in millimetres.
    pub fn inline_image_mm(&self) -> f64 {
        self.table
            .get("inline_image_mm")
            .and_then(number)
            .unwrap_or(5.0)
    }

    /// Both palettes name the same colours; CMYK values are 0–100 % and use
    /// at most [`MAX_INK`] in total; RGB values are `#rrggbb`.
    pub fn check_palettes(&self) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let table = |name: &str| self.table.get(name).and_then(|v| v.as_table());
        let (Some(rgb), Some(cmyk)) = (table("rgb"), table("cmyk")) else {
            return vec![
                Diagnostic::error(&self.file, msg!("palettes-missing"))
                    .hint(msg!("hint-palettes-missing")),
            ];
        };
        for (name, v) in cmyk {
            let at = self.key_span(name, "cmyk");
            let values: Option<Vec<f64>> = v
                .as_array()
                .filter(|a| a.len() == 4)
                .and_then(|a| a.iter().map(number).collect());
            let Some(values) = values.filter(|v| v.iter().all(|x| (0.0..=100.0).contains(x)))
            else {
                out.push(
                    Diagnostic::error(
                        &self.file,
                        msg!("cmyk-invalid", name = name, found = v.to_string()),
                    )
                    .at_opt(at)
                    .hint(msg!("hint-cmyk-invalid")),
                );
                continue;
            };
            let total: f64 = values.iter().sum();
            if total > MAX_INK {
                out.push(
                    Diagnostic::error(
                        &self.file,
                        msg!(
                            "cmyk-too-much-ink",
                            name = name,
                            total = crate::i18n::decimal(total),
                            max = crate::i18n::decimal(MAX_INK)
                        ),
                    )
                    .at_opt(at)
                    .label(msg!("label-too-much-ink"))
                    .hint(msg!("hint-too-much-ink")),
                );
            }
            if !rgb.contains_key(name) {
                out.push(
                    Diagnostic::error(
                        &self.file,
                        msg!(
                            "colour-only-in",
                            name = name,
                            palette = "cmyk",
                            other = "rgb"
                        ),
                    )
                    .at_opt(at)
                    .hint(msg!("hint-both-palettes")),
                );
            }
        }
        for (name, v) in rgb {
            let ok = v.as_str().is_some_and(|s| {
                s.len() == 7 && s.starts_with('#') && s[1..].chars().all(|c| c.is_ascii_hexdigit())
            });
            let at = self.key_span(name, "rgb");
            if !ok {
                out.push(
                    Diagnostic::error(
                        &self.file,
                        msg!("rgb-invalid", name = name, found = v.to_string()),
                    )
                    .at_opt(at),
                );
            }
            if !cmyk.contains_key(name) {
                out.push(
                    Diagnostic::error(
                        &self.file,
                        msg!(
                            "colour-only-in",
                            name = name,
                            palette = "rgb",
                            other = "cmyk"
                        ),
                    )
                    .at_opt(at)
                    .hint(msg!("hint-both-palettes")),
                );
            }
        }
        out
    }

    /// The position of `key =` inside the section `[section]`.
    fn key_span(&self, key: &str, section: &str) -> Option<Span> {
        let mut offset = 0;
        let mut current = String::new();
        for line in self.text.split_inclusive('\n') {
            let trimmed = line.trim_start();
            if let Some(s) = trimmed.strip_prefix('[') {
                current = s.split(']').next().unwrap_or("").trim().to_string();
            } else if current == section
                && let Some(rest) = trimmed.strip_prefix(key)
                && rest.trim_start().starts_with('=')
            {
                let start = offset + (line.len() - trimmed.len());
                return Some(Span::from_bytes(&self.text, start, start + key.len()));
            }
            offset += line.len();
        }
        None
    }
}

fn number(v: &toml::Value) -> Option<f64> {
    v.as_float().or_else(|| v.as_integer().map(|i| i as f64))
}

/// Warns about raster images under [`MIN_PPI`] at their printed size; an
/// image that cannot be read is an error at its place in the chapter.
pub fn image_resolution(
    images: &[ImageUse],
    column_mm: f64,
    inline_mm: f64,
    doc_title: &str,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for img in images {
        let ext = img.staged.rsplit('.').next().unwrap_or("");
        if !matches!(ext, "png" | "jpg" | "jpeg") {
            continue;
        }
        let bytes = std::fs::read(&img.source).unwrap_or_default();
        let Some((w, h)) = raster_size(&bytes) else {
            out.push(
                Diagnostic::error(&img.file, msg!("image-unreadable-raster", src = &img.src))
                    .at_opt(img.span)
                    .hint(msg!("hint-image-save-again")),
            );
            continue;
        };
        let (pixels, mm, what) = if img.block {
            (w, column_mm, "width")
        } else {
            (h, inline_mm, "height")
        };
        let ppi = f64::from(pixels) / (mm / 25.4);
        if ppi < MIN_PPI {
            let needed = (MIN_PPI * mm / 25.4).ceil();
            out.push(
                Diagnostic::warning(
                    &img.file,
                    msg!(
                        "image-low-ppi",
                        src = &img.src,
                        ppi = ppi.round() as i64,
                        what = what,
                        mm = mm.round() as i64,
                        doc = doc_title
                    ),
                )
                .at_opt(img.span)
                .hint(msg!(
                    "hint-image-low-ppi",
                    min = MIN_PPI.round() as i64,
                    needed = needed as i64,
                    what = what
                )),
            );
        }
    }
    out
}

/// Width and height in pixels of a PNG or JPEG.
pub fn raster_size(b: &[u8]) -> Option<(u32, u32)> {
    if b.starts_with(b"\x89PNG\r\n\x1a\n") && b.len() >= 24 && &b[12..16] == b"IHDR" {
        let w = u32::from_be_bytes(b[16..20].try_into().ok()?);
        let h = u32::from_be_bytes(b[20..24].try_into().ok()?);
        return (w > 0 && h > 0).then_some((w, h));
    }
    if b.starts_with(&[0xFF, 0xD8]) {
        let mut i = 2;
        while i + 9 < b.len() {
            if b[i] != 0xFF {
                i += 1;
                continue;
            }
            let marker = b[i + 1];
            if marker == 0xFF {
                i += 1;
                continue;
            }
            let len = usize::from(u16::from_be_bytes([b[i + 2], b[i + 3]]));
            let is_sof = (0xC0..=0xCF).contains(&marker) && ![0xC4, 0xC8, 0xCC].contains(&marker);
            if is_sof {
                let h = u32::from(u16::from_be_bytes([b[i + 5], b[i + 6]]));
                let w = u32::from(u16::from_be_bytes([b[i + 7], b[i + 8]]));
                return (w > 0 && h > 0).then_some((w, h));
            }
            i += 2 + len;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn theme(text: &str) -> PrintTheme {
        PrintTheme {
            table: toml::from_str(text).unwrap(),
            file: "themes/default/print/theme.toml".into(),
            text: text.into(),
        }
    }

    #[test]
    fn too_much_ink_is_an_error_at_the_colour() {
        let t = theme(
            "[rgb]\nok = \"#000000\"\ndark = \"#000000\"\n\n[cmyk]\nok = [0, 0, 0, 100]\ndark = [100, 100, 100, 100]\n",
        );
        let d = t.check_palettes();
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(
            d[0].message.render(crate::i18n::Lang::De),
            "Die CMYK-Farbe „dark“ braucht 400 % Farbauftrag, mehr als 300 %"
        );
        assert_eq!(d[0].span.unwrap().line, 7);
    }

    #[test]
    fn palettes_must_match() {
        let t = theme("[rgb]\na = \"#123456\"\nb = \"red\"\n[cmyk]\na = [0, 0, 0]\n");
        let msgs: Vec<String> = t
            .check_palettes()
            .into_iter()
            .map(|d| d.message.render(crate::i18n::Lang::En))
            .collect();
        assert!(
            msgs.iter().any(|m| m.contains("four percentages")),
            "{msgs:?}"
        );
        assert!(msgs.iter().any(|m| m.contains("`#1d5e8c`")), "{msgs:?}");
        assert!(
            msgs.iter()
                .any(|m| m.contains("`b` is in [rgb] but not in [cmyk]")),
            "{msgs:?}"
        );
    }

    #[test]
    fn the_default_theme_passes() {
        let t = Theme::new(Path::new("/nonexistent"), "default");
        let pt = PrintTheme::load(&t, Path::new("/")).unwrap();
        assert!(pt.check_palettes().is_empty());
        assert!(pt.column_mm(DocKind::Lang, "a4") > 100.0);
    }

    #[test]
    fn raster_sizes() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend(640u32.to_be_bytes());
        png.extend(480u32.to_be_bytes());
        assert_eq!(raster_size(&png), Some((640, 480)));
        let jpg = [
            0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0, 0, 17, 8, 0, 100, 0, 200, 3, 0, 0,
        ];
        assert_eq!(raster_size(&jpg), Some((200, 100)));
        assert_eq!(raster_size(b"GIF89a"), None);
    }
}
