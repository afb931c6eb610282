//! Deterministic text for numbers and SVG: German number format for people,
//! a fixed precision for coordinates, XML escaping and an estimate of how
//! wide a label is, so the layout never depends on installed fonts.

/// `1234.5` with one decimal → `1.234,5`; negative numbers get a real minus
/// sign (−), and a value that rounds to zero never shows one.
pub fn number(v: f64, decimals: usize) -> String {
    // Half away from zero, as people round (Rust's formatting rounds exact
    // ties to even: 0.125 would become 0,12).
    let f = 10f64.powi(decimals as i32);
    let s = format!("{:.*}", decimals, (v.abs() * f).round() / f);
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let mut out = String::with_capacity(s.len() + 4);
    if v < 0.0 && s.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        out.push('−');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(',');
        out.push_str(frac);
    }
    out
}

/// The fewest decimals (at most three) that show every value as written.
pub fn decimals_of(values: impl IntoIterator<Item = f64>) -> usize {
    let mut need = 0;
    for v in values {
        while need < 3 {
            let scaled = v * 10f64.powi(need as i32);
            if (scaled - scaled.round()).abs() < 1e-6 * scaled.abs().max(1.0) {
                break;
            }
            need += 1;
        }
    }
    need
}

/// A coordinate with one decimal, without a trailing `.0` or a `-0`;
/// formats straight into the output, without a string of its own.
#[derive(Debug, Clone, Copy)]
pub struct Px(pub f64);

impl std::fmt::Display for Px {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let tenths = (self.0 * 10.0).round();
        let tenths = if tenths == 0.0 { 0.0 } else { tenths };
        let r = tenths / 10.0;
        if tenths % 10.0 == 0.0 {
            write!(f, "{r:.0}")
        } else {
            write!(f, "{r:.1}")
        }
    }
}

/// [`Px`] as a string.
pub fn px(v: f64) -> String {
    Px(v).to_string()
}

/// Escapes text for XML content and attribute values.
pub use crate::text::escape;

/// About how wide `s` is in a sans-serif font of `size` px. Measured on
/// DejaVu Sans, one of the widest common fonts, so labels fit with the
/// narrower ones too; bold text is about a tenth wider.
pub fn text_width(s: &str, size: f64) -> f64 {
    let em: f64 = s
        .chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | '\'' | '|' | '!' => 0.28,
            '.' | ',' | ':' | ';' | ' ' => 0.32,
            'f' | 't' | 'r' | '(' | ')' | '-' | '*' => 0.42,
            'm' | 'w' | 'M' | 'W' | '%' => 0.95,
            '0'..='9' | '−' | '+' => 0.64,
            c if c.is_uppercase() => 0.75,
            _ => 0.63,
        })
        .sum();
    em * size
}

/// [`text_width`] for bold text.
pub fn bold_width(s: &str, size: f64) -> f64 {
    text_width(s, size) * 1.1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_numbers() {
        assert_eq!(number(3.1, 1), "3,1");
        assert_eq!(number(1234.5, 1), "1.234,5");
        assert_eq!(number(1234567.0, 0), "1.234.567");
        assert_eq!(number(-0.04, 1), "0,0");
        assert_eq!(number(-2.5, 1), "−2,5");
        assert_eq!(number(97.0, 0), "97");
        assert_eq!(number(0.125, 2), "0,13");
    }

    #[test]
    fn decimals_as_written() {
        assert_eq!(decimals_of([97.0, 130.0]), 0);
        assert_eq!(decimals_of([49.3, 50.0]), 1);
        assert_eq!(decimals_of([0.25, 1.0]), 2);
        assert_eq!(decimals_of([0.1 + 0.2]), 1);
        assert_eq!(decimals_of([1.0 / 3.0]), 3);
        assert_eq!(decimals_of([]), 0);
    }

    #[test]
    fn coordinates_are_short_and_stable() {
        assert_eq!(px(12.0), "12");
        assert_eq!(px(12.04), "12");
        assert_eq!(px(12.06), "12.1");
        assert_eq!(px(-0.01), "0");
        assert_eq!(px(-3.25), "-3.3");
    }

    #[test]
    fn escaping() {
        assert_eq!(escape("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
    }
}
