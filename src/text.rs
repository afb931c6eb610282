//! Small text helpers shared by every output: German sorting, slugs,
//! number and date formats, and HTML/XML escaping.

use std::cmp::Ordering;

/// A sort key that orders umlauts with their base letters (DIN 5007-1).
pub fn sort_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => out.push('a'),
            'ö' => out.push('o'),
            'ü' => out.push('u'),
            'ß' => out.push_str("ss"),
            c => out.push(c),
        }
    }
    out
}

/// Compares two names the way a German index does.
pub fn german_cmp(a: &str, b: &str) -> Ordering {
    sort_key(a).cmp(&sort_key(b)).then_with(|| a.cmp(b))
}

/// A URL- and label-safe id from a heading: `Ziele für 2030` → `ziele-fuer-2030`.
/// German umlauts are transliterated, other Latin letters lose their accents
/// (`Café` → `cafe`), letters of other scripts stay (`Мова` → `мова`);
/// everything else becomes one hyphen.
pub fn slugify(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            c if c.is_ascii_alphanumeric() => out.push(c),
            // A vowel sign or diacritic stays with a letter of another
            // script; after a Latin letter (`e` + U+0301) it is dropped.
            c if is_combining_mark(c) => {
                if out
                    .chars()
                    .last()
                    .is_some_and(|p| p.is_alphanumeric() && !p.is_ascii())
                {
                    out.push(c);
                }
            }
            c if c.is_alphanumeric() => {
                let base: String = c.nfd().filter(|d| !is_combining_mark(*d)).collect();
                if base.chars().all(|b| b.is_ascii_alphanumeric()) && !base.is_empty() {
                    out.push_str(&base);
                } else {
                    out.push(c);
                }
            }
            _ => {
                if !out.is_empty() && !out.ends_with('-') {
                    out.push('-');
                }
            }
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        "abschnitt".into()
    } else {
        out
    }
}

/// The text a reader sees in a piece of HTML: tags, comments, scripts and
/// styles removed, entities decoded (`<b>A &amp; B</b>` → `A & B`).
pub fn html_text(html: &str) -> String {
    let cleaned = ammonia::Builder::empty().clean(html).to_string();
    // ammonia's serialiser escapes exactly these in text.
    cleaned
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

/// Formats a whole number with German thousands separators: 101653 → `101.653`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// `1234567` → `1,2 MB`, `146982` → `147 kB`.
pub fn file_size(b: u64) -> String {
    if b < 1_000_000 {
        format!("{} kB", (b as f64 / 1000.0).round().max(1.0))
    } else {
        format!("{:.1} MB", b as f64 / 1_000_000.0).replace('.', ",")
    }
}

/// `2025-02-17` → `17. Februar 2025`; `2025-03` → `März 2025`; other text unchanged.
pub fn german_date(s: &str) -> String {
    const MONTHS: [&str; 12] = [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ];
    let parts: Vec<&str> = s.split('-').collect();
    let month = |m: &str| {
        m.parse::<usize>()
            .ok()
            .filter(|m| (1..=12).contains(m))
            .map(|m| MONTHS[m - 1])
    };
    match parts.as_slice() {
        [y, m, d] => match (month(m), d.parse::<u32>()) {
            (Some(m), Ok(d)) => format!("{d}.\u{a0}{m} {y}"),
            _ => s.to_string(),
        },
        [y, m] => month(m).map_or_else(|| s.to_string(), |m| format!("{m} {y}")),
        _ => s.to_string(),
    }
}

/// Minimal HTML/XML escaping for attribute values and text.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The German name of the language `code` from the interface strings
/// (`[sprachen]`), else the code.
pub fn language_name_de(code: &str, t: &crate::strings::Strings) -> String {
    t.get_or(&format!("sprachen.{code}"), code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn umlauts_sort_with_base_letters() {
        let mut v = vec!["Verl", "Gütersloh", "Halle (Westf.)", "Guxhagen"];
        v.sort_by(|a, b| german_cmp(a, b));
        assert_eq!(v, ["Gütersloh", "Guxhagen", "Halle (Westf.)", "Verl"]);
    }

    #[test]
    fn slugs_transliterate() {
        assert_eq!(slugify("Ziele für 2030!"), "ziele-fuer-2030");
        assert_eq!(
            slugify("Straße & Öffentlichkeit"),
            "strasse-oeffentlichkeit"
        );
    }

    #[test]
    fn slugs_keep_letters_of_every_script() {
        assert_eq!(slugify("Café au lait"), "cafe-au-lait");
        assert_eq!(slugify("Żółć – Łódź"), "zołc-łodz");
        assert_eq!(slugify("Мова і культура"), "мова-і-культура");
        assert_eq!(slugify("Ελληνικά"), "ελληνικά");
        assert_eq!(slugify("Cafe\u{301}"), "cafe");
        assert_eq!(slugify("اللغة العربية"), "اللغة-العربية");
        assert_eq!(slugify("7-Zip"), "7-zip");
        assert_eq!(slugify("!!!"), "abschnitt");
    }

    #[test]
    fn html_text_keeps_what_a_reader_sees() {
        assert_eq!(html_text("<!-- Hinweis --> Die Stadt"), " Die Stadt");
        assert_eq!(
            html_text("<div class=\"x\"><b>A &amp; B</b> &lt;3 &amp;lt;</div>"),
            "A & B <3 &lt;"
        );
        assert_eq!(
            html_text("<script>alert(1)</script><style>p{}</style>ok"),
            "ok"
        );
    }

    #[test]
    fn numbers_and_dates_in_german() {
        assert_eq!(thousands(361_828), "361.828");
        assert_eq!(thousands(999), "999");
        assert_eq!(german_date("2025-02-17"), "17.\u{a0}Februar 2025");
        assert_eq!(german_date("2025-03"), "März 2025");
    }
}
