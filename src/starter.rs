//! The files `konzept init` and `konzept new` start from (built into the
//! binary), and the placeholder sentences in them that editors must replace.

use include_dir::{Dir, include_dir};

/// Every template under `src/scaffold/files/`.
pub static FILES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/src/scaffold/files");

/// The sentences the templates leave for the editor to replace ("Bitte die
/// Quelle … eintragen", "Ersetzen Sie diesen Text …"), each as written.
pub fn placeholders() -> Vec<&'static str> {
    fn walk(d: &'static Dir<'static>, out: &mut Vec<&'static str>) {
        for f in d.files() {
            for line in f.contents_utf8().unwrap_or("").lines() {
                let start = ["Bitte ", "Ersetzen Sie "]
                    .iter()
                    .filter_map(|m| line.find(m))
                    .min();
                if let Some(i) = start {
                    let sentence = line[i..].trim_end().trim_end_matches('"');
                    if !out.contains(&sentence) {
                        out.push(sentence);
                    }
                }
            }
        }
        for sub in d.dirs() {
            walk(sub, out);
        }
    }
    let mut out = Vec::new();
    walk(&FILES, &mut out);
    out
}
