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
pub fn slugify(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut dash = false;
    for c in s.chars().flat_map(char::to_lowercase) {
        let piece: &str = match c {
            'ä' => "ae",
            'ö' => "oe",
            'ü' => "ue",
            'ß' => "ss",
            _ => "",
        };
        if !piece.is_empty() {
            out.push_str(piece);
            dash = false;
        } else if c.is_ascii_alphanumeric() {
            out.push(c);
            dash = false;
        } else if !dash && !out.is_empty() {
            out.push('-');
            dash = true;
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
    fn numbers_and_dates_in_german() {
        assert_eq!(thousands(361_828), "361.828");
        assert_eq!(thousands(999), "999");
        assert_eq!(german_date("2025-02-17"), "17.\u{a0}Februar 2025");
        assert_eq!(german_date("2025-03"), "März 2025");
    }
}
