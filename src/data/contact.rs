//! The structured fields of an offer: address, opening hours, cost, phone,
//! e-mail and step-free access, with the checks and normal forms every
//! output shares (a phone number's `tel:` form, an address's one line).

use super::yaml::Sp;
use serde::{Deserialize, Serialize};

/// A postal address (street with number, postcode, town).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Adresse {
    pub strasse: String,
    pub plz: Sp<String>,
    pub ort: String,
}

impl Adresse {
    /// `Beispielstraße 1, 33330 Gütersloh`.
    pub fn line(&self) -> String {
        format!("{}, {} {}", self.strasse, self.plz.value, self.ort)
    }

    /// Whether the postcode has five digits, as German postcodes do.
    pub fn plz_ok(&self) -> bool {
        self.plz.len() == 5 && self.plz.bytes().all(|b| b.is_ascii_digit())
    }
}

/// The days of the week as editors write them.
pub const DAYS: [(&str, &str); 7] = [
    ("mo", "Monday"),
    ("di", "Tuesday"),
    ("mi", "Wednesday"),
    ("do", "Thursday"),
    ("fr", "Friday"),
    ("sa", "Saturday"),
    ("so", "Sunday"),
];

/// One line of opening hours: days, from, until (`{ tage: [di, do], von: "09:00", bis: "12:00" }`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Zeiten {
    pub tage: Vec<Sp<String>>,
    pub von: Sp<String>,
    pub bis: Sp<String>,
}

/// `09:00` → minutes after midnight, if it is a time of day.
pub fn minutes(s: &str) -> Option<u32> {
    let (h, m) = s.split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

/// The English day name schema.org uses for `mo` … `so`.
pub fn day_name(key: &str) -> Option<&'static str> {
    DAYS.iter().find(|(k, _)| *k == key).map(|(_, n)| *n)
}

/// What an offer costs.
#[derive(Debug, Clone, PartialEq)]
pub enum Kosten {
    Kostenlos,
    AufAnfrage,
    /// An amount in euro cents.
    Betrag(u64),
}

impl Kosten {
    /// `kostenlos`, `auf-anfrage` or an amount in euro like `5`, `12,50` or `12,50 €`.
    pub fn parse(s: &str) -> Option<Kosten> {
        match s.trim() {
            "kostenlos" => return Some(Kosten::Kostenlos),
            "auf-anfrage" => return Some(Kosten::AufAnfrage),
            _ => {}
        }
        let n = s.trim().trim_end_matches('€').trim().replace('.', ",");
        let (euro, cent) = n.split_once(',').unwrap_or((&n, "0"));
        if euro.is_empty()
            || euro.len() > 6
            || !euro.bytes().all(|b| b.is_ascii_digit())
            || cent.is_empty()
            || cent.len() > 2
            || !cent.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let cent: u64 = if cent.len() == 1 {
            cent.parse::<u64>().ok()? * 10
        } else {
            cent.parse().ok()?
        };
        Some(Kosten::Betrag(euro.parse::<u64>().ok()? * 100 + cent))
    }

    /// The amount as schema.org writes prices: `12.50`.
    pub fn price(&self) -> Option<String> {
        match self {
            Kosten::Betrag(c) => Some(format!("{}.{:02}", c / 100, c % 100)),
            Kosten::Kostenlos => Some("0".into()),
            Kosten::AufAnfrage => None,
        }
    }

    /// The amount for German readers: `12,50 €`.
    pub fn euro(&self) -> Option<String> {
        match self {
            Kosten::Betrag(c) => Some(format!("{},{:02}\u{a0}€", c / 100, c % 100)),
            _ => None,
        }
    }
}

/// A phone number in its international form for `tel:` links
/// (`05241 000-0000` → `+4952410000000`), if it is one: digits with
/// spaces, `-`, `/` or `( )` between them, national (leading `0`) or
/// international (`+` or `00`), 6 to 15 digits.
pub fn phone(s: &str) -> Option<String> {
    let s = s.trim();
    if !s
        .chars()
        .all(|c| c.is_ascii_digit() || " -/()+".contains(c))
        || s.matches('+').count() > 1
        || (s.contains('+') && !s.starts_with('+'))
    {
        return None;
    }
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    let intl = if s.starts_with('+') {
        digits
    } else if let Some(rest) = digits.strip_prefix("00") {
        rest.to_string()
    } else if let Some(rest) = digits.strip_prefix('0') {
        format!("49{rest}")
    } else {
        return None;
    };
    (6..=15).contains(&intl.len()).then(|| format!("+{intl}"))
}

/// Whether `s` looks like an e-mail address: one `@`, no spaces, a dot in
/// the domain, no characters that would break a `mailto:` link.
pub fn email_ok(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    let plain = |x: &str| {
        !x.is_empty()
            && x.chars()
                .all(|c| c.is_alphanumeric() || "._%+-".contains(c))
    };
    plain(local)
        && plain(domain)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
}

/// A link to the address on OpenStreetMap's search.
pub fn osm_url(a: &Adresse) -> String {
    let q: String = url_encode(&a.line());
    format!("https://www.openstreetmap.org/search?query={q}")
}

fn url_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_get_their_international_form() {
        assert_eq!(phone("05241 000-0000").as_deref(), Some("+4952410000000"));
        assert_eq!(phone("+49 (5241) 000 00").as_deref(), Some("+49524100000"));
        assert_eq!(phone("0049 5241 0000").as_deref(), Some("+4952410000"));
        for bad in ["", "12345", "05241 abc", "0524+1", "ruf an", "0"] {
            assert_eq!(phone(bad), None, "{bad}");
        }
    }

    #[test]
    fn e_mail_addresses_are_checked() {
        assert!(email_ok("beratung@example.org"));
        for bad in [
            "",
            "a@b",
            "a b@example.org",
            "@example.org",
            "a@.org",
            "a@x..org",
            "a@x.org?x=1",
        ] {
            assert!(!email_ok(bad), "{bad}");
        }
    }

    #[test]
    fn costs_parse() {
        assert_eq!(Kosten::parse("kostenlos"), Some(Kosten::Kostenlos));
        assert_eq!(Kosten::parse("auf-anfrage"), Some(Kosten::AufAnfrage));
        assert_eq!(Kosten::parse("12,50 €"), Some(Kosten::Betrag(1250)));
        assert_eq!(Kosten::parse("5"), Some(Kosten::Betrag(500)));
        assert_eq!(
            Kosten::parse("2.5").and_then(|k| k.price()).as_deref(),
            Some("2.50")
        );
        for bad in ["gratis", "", "12,505", "-3", "€"] {
            assert_eq!(Kosten::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn times_and_map_links() {
        assert_eq!(minutes("09:30"), Some(570));
        assert_eq!(minutes("24:00"), None);
        assert_eq!(minutes("9:30"), None);
        let a = Adresse {
            strasse: "Beispielstraße 1".into(),
            plz: Sp::new("33330".into()),
            ort: "Gütersloh".into(),
        };
        assert_eq!(
            osm_url(&a),
            "https://www.openstreetmap.org/search?query=Beispielstra%C3%9Fe%201%2C%2033330%20G%C3%BCtersloh"
        );
    }
}
