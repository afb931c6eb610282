//! Language codes editors may give for offers (ISO 639-1, plus a few ISO 639-3
//! codes for languages without a two-letter code, such as Dari).

/// Accepted codes. Display names live in the theme's interface strings.
pub const CODES: &[&str] = &[
    "de", "en", "fr", "es", "it", "pt", "nl", "pl", "cs", "sk", "hu", "ro", "bg", "hr", "sr", "bs",
    "sl", "sq", "mk", "el", "tr", "ku", "ckb", "kmr", "ar", "fa", "prs", "ps", "ur", "hi", "bn",
    "ta", "ti", "am", "so", "sw", "ha", "yo", "uk", "ru", "be", "lt", "lv", "et", "fi", "sv", "da",
    "no", "ka", "hy", "az", "uz", "kk", "zh", "vi", "th", "ja", "ko", "he", "rom", "dgs",
];

pub fn is_known(code: &str) -> bool {
    CODES.contains(&code)
}
