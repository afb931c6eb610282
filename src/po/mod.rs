//! Reading and writing gettext PO files, the format Poedit, Weblate and
//! most CAT tools read (GNU gettext manual, "The Format of PO Files").
//!
//! Kept small and exact rather than general: every comment kind (`# `,
//! `#.`, `#:`, `#,`, `#|`), `msgctxt`, singular `msgid`/`msgstr`, obsolete
//! `#~` entries and the C escapes round-trip; plural forms are read and
//! written back but konzept never creates them. Multi-line strings are
//! written one line per `\n`, as msgmerge does, so files diff well.

pub mod catalog;

pub use catalog::{Catalog, load_all};

/// One entry of a PO file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entry {
    /// `# ` comments: the translator's own notes, kept as written.
    pub translator: Vec<String>,
    /// `#.` comments: notes for the translator from konzept.
    pub extracted: Vec<String>,
    /// `#:` references, e.g. `data/empfehlungen.yaml:14`.
    pub references: Vec<String>,
    /// `#,` flags, e.g. `fuzzy`.
    pub flags: Vec<String>,
    /// `#| msgctxt` of the previous source text (after `fuzzy`).
    pub previous_msgctxt: Option<String>,
    /// `#| msgid`: the source text the translation was made for.
    pub previous_msgid: Option<String>,
    pub msgctxt: Option<String>,
    pub msgid: String,
    pub msgid_plural: Option<String>,
    /// `msgstr`, or `msgstr[0]`, `msgstr[1]`, … with a plural.
    pub msgstr: Vec<String>,
    /// `#~`: an entry whose source is gone, kept so its translation is not lost.
    pub obsolete: bool,
    /// 1-based line of the entry's `msgid` in the file read.
    pub line: usize,
}

impl Entry {
    /// Whether the entry carries the `fuzzy` flag.
    pub fn fuzzy(&self) -> bool {
        self.flags.iter().any(|f| f == "fuzzy")
    }

    /// Sets or clears the `fuzzy` flag.
    pub fn set_fuzzy(&mut self, on: bool) {
        self.flags.retain(|f| f != "fuzzy");
        if on {
            self.flags.insert(0, "fuzzy".into());
        }
    }

    /// The (singular) translation, empty when untranslated.
    pub fn translation(&self) -> &str {
        self.msgstr.first().map(String::as_str).unwrap_or("")
    }
}

/// A PO file: its entries in order, the header (`msgid ""`) first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct File {
    pub entries: Vec<Entry>,
}

/// A syntax error in a PO file, with its 1-based line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub line: usize,
    pub message: String,
}

impl File {
    /// The header entry's value for `field` (`Language`, `Plural-Forms`).
    pub fn header(&self, field: &str) -> Option<String> {
        let h = self
            .entries
            .iter()
            .find(|e| e.msgid.is_empty() && e.msgctxt.is_none())?;
        h.translation().lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            (k.trim() == field).then(|| v.trim().to_string())
        })
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Field {
    None,
    Ctxt,
    Id,
    IdPlural,
    Str(usize),
    PrevCtxt,
    PrevId,
}

/// Parses the text of a PO file.
pub fn parse(text: &str) -> Result<File, Error> {
    let mut file = File::default();
    let mut cur = Entry::default();
    let mut field = Field::None;
    let mut has_content = false; // the entry has a keyword line
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let err = |line: usize, m: &str| Error {
        line,
        message: m.to_string(),
    };
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let line = raw.trim_end_matches('\r').trim_start();
        if line.is_empty() {
            continue;
        }
        // Obsolete entries: `#~ msgid …`, `#~| msgid …`.
        let (line, obsolete) = match line.strip_prefix("#~") {
            Some(rest) => (rest.trim_start(), true),
            None => (line, false),
        };
        // An entry is complete once its `msgstr` was read; any comment or
        // keyword other than a continued string or `msgstr[n]` starts the next.
        let next = line.starts_with('#')
            || line.starts_with("msgctxt")
            || (line.starts_with("msgid") && !line.starts_with("msgid_plural"));
        if matches!(field, Field::Id | Field::IdPlural) && next {
            return Err(err(cur.line, "an entry without `msgstr`"));
        }
        if matches!(field, Field::Str(_)) && next {
            finish(&mut file, &mut cur, n)?;
            has_content = false;
            field = Field::None;
        }
        if obsolete {
            cur.obsolete = true;
        }
        if let Some(rest) = line.strip_prefix("#|") {
            let rest = rest.trim_start();
            if let Some(v) = rest.strip_prefix("msgctxt") {
                cur.previous_msgctxt = Some(unquote(v.trim(), n)?);
                field = Field::PrevCtxt;
            } else if let Some(v) = rest.strip_prefix("msgid_plural") {
                // Previous plurals are rare; kept out of the model.
                let _ = unquote(v.trim(), n)?;
                field = Field::None;
            } else if let Some(v) = rest.strip_prefix("msgid") {
                cur.previous_msgid = Some(unquote(v.trim(), n)?);
                field = Field::PrevId;
            } else if rest.starts_with('"') {
                let s = unquote(rest, n)?;
                match field {
                    Field::PrevCtxt => cur.previous_msgctxt.get_or_insert_default().push_str(&s),
                    Field::PrevId => cur.previous_msgid.get_or_insert_default().push_str(&s),
                    _ => return Err(err(n, "a continued string after `#|` without `msgid`")),
                }
            } else {
                return Err(err(n, "expected `msgid` or `msgctxt` after `#|`"));
            }
            continue;
        }
        if let Some(rest) = line.strip_prefix("#.") {
            cur.extracted.push(comment(rest));
            continue;
        }
        if let Some(rest) = line.strip_prefix("#:") {
            cur.references
                .extend(rest.split_whitespace().map(str::to_string));
            continue;
        }
        if let Some(rest) = line.strip_prefix("#,") {
            cur.flags.extend(
                rest.split(',')
                    .map(str::trim)
                    .filter(|f| !f.is_empty())
                    .map(str::to_string),
            );
            continue;
        }
        if let Some(rest) = line.strip_prefix('#') {
            cur.translator.push(comment(rest));
            continue;
        }
        if let Some(v) = line.strip_prefix("msgctxt") {
            cur.msgctxt = Some(unquote(v.trim(), n)?);
            field = Field::Ctxt;
        } else if let Some(v) = line.strip_prefix("msgid_plural") {
            cur.msgid_plural = Some(unquote(v.trim(), n)?);
            field = Field::IdPlural;
        } else if let Some(v) = line.strip_prefix("msgid") {
            cur.msgid = unquote(v.trim(), n)?;
            cur.line = n;
            field = Field::Id;
        } else if let Some(v) = line.strip_prefix("msgstr") {
            let (idx, v) = if let Some(r) = v.strip_prefix('[') {
                let (num, rest) = r
                    .split_once(']')
                    .ok_or_else(|| err(n, "expected `]` after `msgstr[`"))?;
                let k: usize = num
                    .trim()
                    .parse()
                    .map_err(|_| err(n, "expected a number in `msgstr[…]`"))?;
                (k, rest)
            } else {
                (0, v)
            };
            if idx != cur.msgstr.len() {
                return Err(err(
                    n,
                    "plural translations must be numbered 0, 1, 2, … in order",
                ));
            }
            cur.msgstr.push(unquote(v.trim(), n)?);
            field = Field::Str(idx);
        } else if line.starts_with('"') {
            let s = unquote(line, n)?;
            match field {
                Field::Ctxt => cur.msgctxt.get_or_insert_default().push_str(&s),
                Field::Id => cur.msgid.push_str(&s),
                Field::IdPlural => cur.msgid_plural.get_or_insert_default().push_str(&s),
                Field::Str(k) => cur.msgstr[k].push_str(&s),
                _ => return Err(err(n, "a string without `msgid` or `msgstr` before it")),
            }
        } else {
            return Err(err(
                n,
                "expected `msgctxt`, `msgid`, `msgstr`, a string in quotes or a comment",
            ));
        }
        has_content = true;
    }
    if has_content {
        finish(&mut file, &mut cur, text.lines().count() + 1)?;
    }
    Ok(file)
}

fn comment(rest: &str) -> String {
    rest.strip_prefix(' ').unwrap_or(rest).to_string()
}

fn finish(file: &mut File, cur: &mut Entry, n: usize) -> Result<(), Error> {
    let e = std::mem::take(cur);
    if e.line == 0 {
        return Err(Error {
            line: n.saturating_sub(1).max(1),
            message: "an entry without `msgid`".into(),
        });
    }
    if e.msgstr.is_empty() {
        return Err(Error {
            line: e.line,
            message: "an entry without `msgstr`".into(),
        });
    }
    file.entries.push(e);
    Ok(())
}

/// `"a\"b"` → `a"b`.
fn unquote(s: &str, line: usize) -> Result<String, Error> {
    let err = |m: &str| Error {
        line,
        message: m.to_string(),
    };
    let inner = s
        .strip_prefix('"')
        .and_then(|r| r.strip_suffix('"'))
        .filter(|_| s.len() >= 2)
        .ok_or_else(|| err("expected a string in double quotes"))?;
    let mut out = String::with_capacity(inner.len());
    let mut it = inner.chars().peekable();
    while let Some(c) = it.next() {
        match c {
            '\\' => match it.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('r') => out.push('\r'),
                Some('a') => out.push('\u{7}'),
                Some('b') => out.push('\u{8}'),
                Some('f') => out.push('\u{c}'),
                Some('v') => out.push('\u{b}'),
                Some('\\') => out.push('\\'),
                Some('"') => out.push('"'),
                Some(d @ '0'..='7') => {
                    let mut v = d.to_digit(8).unwrap_or(0);
                    for _ in 0..2 {
                        match it.peek().and_then(|c| c.to_digit(8)) {
                            Some(x) => {
                                v = v * 8 + x;
                                it.next();
                            }
                            None => break,
                        }
                    }
                    out.push(char::from_u32(v).ok_or_else(|| err("an octal escape out of range"))?);
                }
                Some(o) => return Err(err(&format!("unknown escape `\\{o}`"))),
                None => return Err(err("a string ends with `\\`")),
            },
            '"' => return Err(err("a `\"` inside a string must be written `\\\"`")),
            c => out.push(c),
        }
    }
    Ok(out)
}

/// `a"b\n` → `"a\"b\n"`.
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `keyword "value"`, or `keyword ""` then one line per `\n` when the
/// value has several lines.
fn write_string(out: &mut String, prefix: &str, keyword: &str, value: &str) {
    let lines: Vec<&str> = value.split_inclusive('\n').collect();
    if lines.len() <= 1 {
        out.push_str(&format!("{prefix}{keyword} {}\n", quote(value)));
    } else {
        out.push_str(&format!("{prefix}{keyword} \"\"\n"));
        for l in lines {
            out.push_str(&format!("{prefix}{}\n", quote(l)));
        }
    }
}

/// The text of `file` in PO syntax.
pub fn write(file: &File) -> String {
    let mut out = String::new();
    for (i, e) in file.entries.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        for c in &e.translator {
            out.push_str(if c.is_empty() { "#\n" } else { "# " });
            if !c.is_empty() {
                out.push_str(c);
                out.push('\n');
            }
        }
        for c in &e.extracted {
            out.push_str("#. ");
            out.push_str(c);
            out.push('\n');
        }
        if !e.references.is_empty() {
            out.push_str("#: ");
            out.push_str(&e.references.join(" "));
            out.push('\n');
        }
        if !e.flags.is_empty() {
            out.push_str("#, ");
            out.push_str(&e.flags.join(", "));
            out.push('\n');
        }
        let p = if e.obsolete { "#~ " } else { "" };
        let prev = if e.obsolete { "#~| " } else { "#| " };
        if let Some(c) = &e.previous_msgctxt {
            write_string(&mut out, prev, "msgctxt", c);
        }
        if let Some(c) = &e.previous_msgid {
            write_string(&mut out, prev, "msgid", c);
        }
        if let Some(c) = &e.msgctxt {
            write_string(&mut out, p, "msgctxt", c);
        }
        write_string(&mut out, p, "msgid", &e.msgid);
        if let Some(pl) = &e.msgid_plural {
            write_string(&mut out, p, "msgid_plural", pl);
            for (k, s) in e.msgstr.iter().enumerate() {
                write_string(&mut out, p, &format!("msgstr[{k}]"), s);
            }
        } else {
            write_string(&mut out, p, "msgstr", e.translation());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"# Ukrainian translation of the short version.
msgid ""
msgstr ""
"Language: uk\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n"

# checked by O. K.
#. Chapter „Einleitung“, title
#: content/02-einleitung.md:2
msgctxt "kapitel/einleitung/titel"
msgid "Einleitung"
msgstr "Вступ"

#. summary
#: content/02-einleitung.md:3 content/x.md:9
#, fuzzy, markdown-text
#| msgid "Alt"
msgctxt "kapitel/einleitung/summary"
msgid ""
"Zehn Jahre \"nach\" 2012.\n"
"\n"
"Zweiter Absatz mit \\ und\ttab."
msgstr ""
"Через десять років.\n"
"\n"
"Другий абзац."

msgid "file"
msgid_plural "files"
msgstr[0] "файл"
msgstr[1] "файли"
msgstr[2] "файлів"

#~ msgctxt "empfehlung/XX-9/titel"
#~ msgid "Weg"
#~ msgstr "Геть"
"#;

    #[test]
    fn reads_every_part_of_the_syntax() {
        let f = parse(SAMPLE).unwrap();
        assert_eq!(f.entries.len(), 5);
        assert_eq!(f.header("Language").as_deref(), Some("uk"));
        let e = &f.entries[1];
        assert_eq!(e.translator, vec!["checked by O. K.".to_string()]);
        assert_eq!(e.extracted, vec!["Chapter „Einleitung“, title".to_string()]);
        assert_eq!(e.msgctxt.as_deref(), Some("kapitel/einleitung/titel"));
        assert_eq!(e.translation(), "Вступ");
        let s = &f.entries[2];
        assert!(s.fuzzy());
        assert_eq!(s.flags, vec!["fuzzy", "markdown-text"]);
        assert_eq!(s.previous_msgid.as_deref(), Some("Alt"));
        assert_eq!(s.references.len(), 2);
        assert_eq!(
            s.msgid,
            "Zehn Jahre \"nach\" 2012.\n\nZweiter Absatz mit \\ und\ttab."
        );
        assert_eq!(s.translation(), "Через десять років.\n\nДругий абзац.");
        assert_eq!(s.line, 20);
        assert_eq!(f.entries[3].msgstr.len(), 3);
        assert!(f.entries[4].obsolete);
        assert_eq!(f.entries[4].translation(), "Геть");
    }

    #[test]
    fn writes_back_what_it_read() {
        let f = parse(SAMPLE).unwrap();
        let again = write(&f);
        let g = parse(&again).unwrap();
        let strip = |f: &File| {
            let mut f = f.clone();
            f.entries.iter_mut().for_each(|e| e.line = 0);
            f
        };
        assert_eq!(strip(&f), strip(&g));
        assert_eq!(write(&g), again, "writing is stable");
        assert!(again.contains("\"Zehn Jahre \\\"nach\\\" 2012.\\n\"\n\"\\n\"\n"));
        assert!(again.contains("#~ msgctxt \"empfehlung/XX-9/titel\""));
    }

    #[test]
    fn octal_escapes_and_errors_with_lines() {
        let f = parse("msgid \"a\\101\"\nmsgstr \"\"\n").unwrap();
        assert_eq!(f.entries[0].msgid, "aA");
        let e = parse("msgid \"ok\"\nmsgstr \"x\"\n\nmsgid \"broken\nmsgstr \"\"\n").unwrap_err();
        assert_eq!(e.line, 4);
        let e = parse("msgid \"no translation\"\n\nmsgid \"b\"\nmsgstr \"\"\n").unwrap_err();
        assert_eq!(e.line, 1);
        assert!(parse("msgid \"a\\q\"\nmsgstr \"\"\n").is_err());
    }
}
