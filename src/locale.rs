//! Dates, numbers and plural forms by a language's conventions, from
//! ICU4X's CLDR data (compiled in): `17 лютого 2025 р.`, `١٧ فبراير ٢٠٢٥`,
//! `372 938`, and which plural form a count takes in Ukrainian or Arabic.
//!
//! German output keeps konzept's own formatting ([`crate::text`]); these
//! are for the translations.

use icu_calendar::{Date, Gregorian};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::YMD;
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use icu_locale_core::Locale;
use icu_plurals::{PluralCategory, PluralRules};

fn locale(code: &str) -> Locale {
    Locale::try_from_str(code).unwrap_or(Locale::UNKNOWN)
}

/// `2025-02-17` as a long date in `code`'s language (Gregorian calendar,
/// the language's digits); other text unchanged.
pub fn date(iso: &str, code: &str) -> String {
    let Some((y, m, d)) = crate::config::parse_date(iso) else {
        return iso.to_string();
    };
    let (Ok(date), Ok(f)) = (
        Date::try_new_gregorian(y as i32, m as u8, d as u8),
        FixedCalendarDateTimeFormatter::<Gregorian, _>::try_new(locale(code).into(), YMD::long()),
    ) else {
        return iso.to_string();
    };
    f.format(&date).to_string()
}

/// A whole number with `code`'s grouping and digits.
pub fn number(n: i64, code: &str) -> String {
    match DecimalFormatter::try_new(locale(code).into(), Default::default()) {
        Ok(f) => f.format(&Decimal::from(n)).to_string(),
        Err(_) => n.to_string(),
    }
}

/// The CLDR plural category of `n` in `code`: `zero`, `one`, `two`,
/// `few`, `many` or `other`.
pub fn plural_category(n: u64, code: &str) -> &'static str {
    let Ok(rules) = PluralRules::try_new_cardinal(locale(code).into()) else {
        return "other";
    };
    match rules.category_for(n) {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
}

/// `key.<category>` from `t` with `{n}` filled in by `code`'s digits,
/// falling back to `key.other`: `{n} сторінки` for 2, `{n} сторінок` for 5.
pub fn plural(t: &crate::strings::Strings, key: &str, n: u64, code: &str) -> String {
    let cat = plural_category(n, code);
    let text = t.get_or(
        &format!("{key}.{cat}"),
        &t.get_or(&format!("{key}.other"), "{n}"),
    );
    text.replace("{n}", &number(n as i64, code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_follow_the_language() {
        assert_eq!(date("2025-02-17", "en"), "February 17, 2025");
        assert!(
            date("2025-02-17", "uk").contains("лютого"),
            "{}",
            date("2025-02-17", "uk")
        );
        assert!(date("2025-02-17", "pl").contains("lutego"));
        assert!(
            date("2025-02-17", "ar").contains("فبراير"),
            "{}",
            date("2025-02-17", "ar")
        );
        assert_eq!(date("bald", "en"), "bald");
    }

    #[test]
    fn numbers_and_plurals_follow_the_language() {
        assert_eq!(number(372938, "en"), "372,938");
        assert_eq!(number(372938, "ro"), "372.938");
        assert_eq!(plural_category(1, "uk"), "one");
        assert_eq!(plural_category(3, "uk"), "few");
        assert_eq!(plural_category(5, "uk"), "many");
        assert_eq!(plural_category(2, "ar"), "two");
        assert_eq!(plural_category(11, "ar"), "many");
        assert_eq!(plural_category(2, "tr"), "other");
    }
}
