//! The fonts the PDFs are set in (the theme's `print/fonts/`), and which
//! characters they can print.
//!
//! typst runs with exactly these fonts, so a character none of them has would
//! stop the PDF build with a typst error about a theme file. konzept reads the
//! same font files, reports such characters in the sources at file, line and
//! column ([`findings`]), and replaces them in the PDFs' data by a visible
//! stand-in ([`Coverage::printable`]) so the PDFs still build.

use crate::diag::{Diagnostic, Span};
use crate::msg;
use crate::theme::Theme;
use std::collections::BTreeSet;
use std::path::Path;

/// The folder of the theme that holds the PDFs' fonts.
pub const FONT_DIR: &str = "print/fonts";

/// The characters the theme's fonts can print, as sorted, merged ranges.
#[derive(Debug, Clone, Default)]
pub struct Coverage {
    ranges: Vec<(u32, u32)>,
    /// [`Coverage::covers`] of the first [`LOW`] code points, looked up
    /// instead of searched (nearly every character of a German text).
    low: Vec<bool>,
}

/// The code points [`Coverage`] keeps a table for: Latin, Greek, Cyrillic,
/// Armenian, Hebrew, Arabic.
const LOW: u32 = 0x800;

impl Coverage {
    /// The coverage of every `.ttf`/`.otf` file in the theme's font folder.
    pub fn of_theme(theme: &Theme) -> Coverage {
        let mut chars = BTreeSet::new();
        for rel in theme.list(FONT_DIR) {
            let lower = rel.to_ascii_lowercase();
            if !(lower.ends_with(".ttf") || lower.ends_with(".otf")) {
                continue;
            }
            if let Some(bytes) = theme.read(&rel) {
                add_font(&bytes, &mut chars);
            }
        }
        Coverage::from_chars(chars)
    }

    fn from_chars(chars: BTreeSet<u32>) -> Coverage {
        let mut ranges: Vec<(u32, u32)> = Vec::new();
        for c in chars {
            match ranges.last_mut() {
                Some((_, end)) if *end + 1 == c => *end = c,
                _ => ranges.push((c, c)),
            }
        }
        let mut coverage = Coverage {
            ranges,
            low: Vec::new(),
        };
        coverage.low = (0..LOW)
            .map(|u| char::from_u32(u).is_some_and(|c| coverage.search(c)))
            .collect();
        coverage
    }

    /// Whether the PDFs can show `c`: a font has it, or it needs no glyph.
    pub fn covers(&self, c: char) -> bool {
        match self.low.get(c as usize) {
            Some(&known) => known,
            None => self.search(c),
        }
    }

    fn search(&self, c: char) -> bool {
        if needs_no_glyph(c) {
            return true;
        }
        if is_control(c) {
            return false;
        }
        let c = c as u32;
        let i = self.ranges.partition_point(|&(start, _)| start <= c);
        i > 0 && self.ranges[i - 1].1 >= c
    }

    /// `text` with every character the fonts lack replaced by a stand-in
    /// such as `[U+4E2D]`; control characters are dropped.
    pub fn printable<'a>(&self, text: &'a str) -> std::borrow::Cow<'a, str> {
        if text.chars().all(|c| self.covers(c)) {
            return std::borrow::Cow::Borrowed(text);
        }
        let mut out = String::with_capacity(text.len() + 8);
        for c in text.chars() {
            if self.covers(c) {
                out.push(c);
            } else if !is_control(c) {
                out.push_str(&format!("[U+{:04X}]", c as u32));
            }
        }
        std::borrow::Cow::Owned(out)
    }

    /// Replaces, in place, what the fonts lack in every string of `json`.
    pub fn make_printable(&self, json: &mut serde_json::Value) {
        use serde_json::Value;
        match json {
            Value::String(s) => {
                if let std::borrow::Cow::Owned(fixed) = self.printable(s) {
                    *s = fixed;
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|v| self.make_printable(v)),
            Value::Object(map) => map.values_mut().for_each(|v| self.make_printable(v)),
            _ => {}
        }
    }
}

fn add_font(bytes: &[u8], chars: &mut BTreeSet<u32>) {
    let count = ttf_parser::fonts_in_collection(bytes).unwrap_or(1);
    for index in 0..count {
        let Ok(face) = ttf_parser::Face::parse(bytes, index) else {
            continue;
        };
        let Some(cmap) = face.tables().cmap else {
            continue;
        };
        for sub in cmap.subtables {
            if !sub.is_unicode() {
                continue;
            }
            sub.codepoints(|cp| {
                if sub.glyph_index(cp).is_some_and(|g| g.0 != 0) {
                    chars.insert(cp);
                }
            });
        }
    }
}

/// Line breaks, tabs and the invisible format characters text shaping
/// handles without a glyph of their own (joiners, direction marks,
/// variation selectors, the soft hyphen, the byte order mark).
fn needs_no_glyph(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\t')
        || matches!(c as u32,
            0x00AD | 0x034F | 0x061C | 0x180E | 0x200B..=0x200F | 0x202A..=0x202E
            | 0x2060..=0x2064 | 0x2066..=0x206F | 0xFE00..=0xFE0F | 0xFEFF
            | 0xE0100..=0xE01EF)
}

fn is_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\n' | '\r' | '\t')
}

/// The findings for one source file: every character of `text` the PDFs
/// cannot print, once per distinct character, at its first place.
pub fn findings(coverage: &Coverage, file: &Path, text: &str) -> Vec<Diagnostic> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for (i, c) in text.char_indices() {
        if coverage.covers(c) || !seen.insert(c) {
            continue;
        }
        let span = Span::from_bytes(text, i, i + c.len_utf8());
        let count = text.chars().filter(|&x| x == c).count();
        let code = format!("{:04X}", c as u32);
        // How often it occurs besides here (0: only here).
        let more = count - 1;
        let d = if is_control(c) {
            Diagnostic::warning(file, msg!("control-char", code = &code, more = more))
                .at(span)
                .label(msg!("label-control-char"))
                .hint(msg!("hint-control-char"))
        } else {
            Diagnostic::warning(file, msg!("no-font", char = c, code = &code, more = more))
                .at(span)
                .label(msg!("label-no-font"))
                .hint(msg!("hint-no-font", code = &code))
        };
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn built_in() -> Coverage {
        Coverage::of_theme(&Theme::new(Path::new("/nonexistent"), "default"))
    }

    #[test]
    fn the_bundled_fonts_cover_the_scripts_editors_paste() {
        let c = built_in();
        let samples = [
            "Straße „Zitat“ – … €",
            "Românește: ș ț ă î â",
            "Polski: ą ć ę ł ń ó ś ź ż",
            "Türkçe: ğ ı İ ş ç",
            "Українська: ї є ґ і",
            "Български: ъ щ",
            "Ελληνικά: ά έ ή",
            "العربية",
            "فارسی: پ چ ژ گ ک ی",
            "עברית",
            "Danke 👍 🚚",
            "→ ✓ ★",
        ];
        for s in samples {
            let missing: Vec<char> = s.chars().filter(|&ch| !c.covers(ch)).collect();
            assert!(missing.is_empty(), "{s}: {missing:?}");
        }
    }

    #[test]
    fn cjk_and_control_characters_are_not_covered() {
        let c = built_in();
        assert!(!c.covers('中'));
        assert!(!c.covers('\u{7}'));
        assert!(!c.covers('＜'));
        assert!(c.covers('\u{200d}'));
        assert_eq!(c.printable("a中b\u{7}c"), "a[U+4E2D]bc");
        assert_eq!(c.printable("ohne"), "ohne");
    }

    #[test]
    fn findings_name_character_code_point_and_place() {
        let c = built_in();
        let f = findings(
            &c,
            Path::new("content/a.md"),
            "---\ntitle: x\n---\nEin 中 und 中\n",
        );
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].message.render(crate::i18n::Lang::De),
            "Die PDFs haben keine Schrift für „中“ (U+4E2D) (und noch 1-mal in dieser Datei)"
        );
        assert_eq!(
            f[0].message.render(crate::i18n::Lang::En),
            "the PDFs have no font for `中` (U+4E2D) (and 1 more time in this file)"
        );
        let s = f[0].span.unwrap();
        assert_eq!((s.line, s.column), (4, 5));
    }

    #[test]
    fn json_strings_are_made_printable() {
        let c = built_in();
        let mut v = serde_json::json!({"a": ["x中", {"b": "ok"}], "n": 1});
        c.make_printable(&mut v);
        assert_eq!(
            v,
            serde_json::json!({"a": ["x[U+4E2D]", {"b": "ok"}], "n": 1})
        );
    }
}
