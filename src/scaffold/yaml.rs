//! Adding a record to an editor's YAML file as text: the file is never
//! parsed and written back, so its comments, blank lines and quoting stay.
//! The new item takes the indentation the file's items already have.

use crate::msg;
use anyhow::{Result, bail};

/// `text` with `item` (a `- key: …` block at column 0) appended to the
/// top-level list; also the line where the item starts.
pub fn append_item(text: &str, item: &str) -> Result<(String, usize)> {
    let mut out = String::with_capacity(text.len() + item.len() + 2);
    let mut indent = String::new();
    let mut found = false;
    for line in text.lines() {
        let t = line.trim_start();
        if t == "[]" && line.len() == t.len() {
            // `[]`, an empty flow list: the block items replace it.
            continue;
        }
        if t.starts_with('[') && line.len() == t.len() {
            bail!("{}", msg!("new-list-in-brackets"));
        }
        if !found && (t.starts_with("- ") || t == "-") && !t.starts_with("#") {
            indent = line[..line.len() - t.len()].to_string();
            found = true;
        }
        out.push_str(line);
        out.push('\n');
    }
    if out.trim().is_empty() {
        out.clear();
    } else if !out.ends_with("\n\n") {
        out.push('\n');
    }
    let line = out.lines().count() + 1;
    out.push_str(&indent_block(item, &indent));
    Ok((out, line))
}

/// `text` (a municipality's file) with `item` added to its `angebote:` list.
pub fn append_to_key(text: &str, key: &str, item: &str) -> Result<(String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let head = format!("{key}:");
    let Some(at) = lines.iter().position(|l| {
        l.strip_prefix(&head)
            .is_some_and(|r| r.is_empty() || r.starts_with([' ', '\t']))
    }) else {
        // No such key yet: add it at the end.
        let mut out = text.to_string();
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str(&head);
        out.push('\n');
        let line = out.lines().count() + 1;
        out.push_str(&indent_block(item, "  "));
        return Ok((out, line));
    };
    let rest = lines[at][head.len()..].trim();
    let rest = rest.split(" #").next().unwrap_or("").trim();
    let mut out: Vec<String> = lines[..at].iter().map(|l| l.to_string()).collect();
    let after: &[&str] = &lines[at + 1..];
    if rest == "[]" || rest.is_empty() && block_end(after) == 0 {
        out.push(head);
        let line = out.len() + 1;
        out.extend(indent_block(item, "  ").lines().map(str::to_string));
        out.extend(after.iter().map(|l| l.to_string()));
        return Ok((join(out), line));
    }
    if !rest.is_empty() {
        bail!("{}", msg!("new-list-on-one-line", key = key, rest = rest));
    }
    let end = block_end(after);
    let indent = after[..end]
        .iter()
        .find_map(|l| {
            let t = l.trim_start();
            t.starts_with("- ")
                .then(|| l[..l.len() - t.len()].to_string())
        })
        .unwrap_or_else(|| "  ".into());
    out.push(lines[at].to_string());
    out.extend(after[..end].iter().map(|l| l.to_string()));
    let line = out.len() + 1;
    out.extend(indent_block(item, &indent).lines().map(str::to_string));
    out.extend(after[end..].iter().map(|l| l.to_string()));
    Ok((join(out), line))
}

/// How many of `lines` belong to the block under a key: indented lines and
/// `- ` items, up to the last such line (later blank lines and comments
/// stay with what follows).
fn block_end(lines: &[&str]) -> usize {
    let mut end = 0;
    for (i, l) in lines.iter().enumerate() {
        let t = l.trim_start();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        if l.starts_with([' ', '\t']) || t.starts_with("- ") || t == "-" {
            end = i + 1;
        } else {
            break;
        }
    }
    end
}

fn indent_block(item: &str, indent: &str) -> String {
    item.lines()
        .map(|l| {
            if l.is_empty() {
                "\n".to_string()
            } else {
                format!("{indent}{l}\n")
            }
        })
        .collect()
}

fn join(lines: Vec<String>) -> String {
    let mut s = lines.join("\n");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    const ITEM: &str = "- id: B\n  titel: Neu\n";

    #[test]
    fn appends_after_the_last_item_keeping_comments() {
        let text = "# Kommentar oben\n\n- id: A  # mit Kommentar\n  titel: \"Alt\"\n";
        let (out, line) = append_item(text, ITEM).unwrap();
        assert_eq!(
            out,
            "# Kommentar oben\n\n- id: A  # mit Kommentar\n  titel: \"Alt\"\n\n- id: B\n  titel: Neu\n"
        );
        assert_eq!(line, 6);
    }

    #[test]
    fn keeps_the_files_indentation_and_handles_empty_files() {
        let (out, _) = append_item("  - id: A\n    titel: Alt\n", ITEM).unwrap();
        assert!(out.ends_with("\n  - id: B\n    titel: Neu\n"), "{out}");
        assert_eq!(append_item("", ITEM).unwrap(), (ITEM.to_string(), 1));
        assert_eq!(append_item("[]\n", ITEM).unwrap().0, ITEM);
        let (out, _) = append_item("# nur ein Kommentar\n", ITEM).unwrap();
        assert_eq!(out, "# nur ein Kommentar\n\n- id: B\n  titel: Neu\n");
        assert!(append_item("[{id: A}]\n", ITEM).is_err());
    }

    #[test]
    fn offers_go_into_their_list_wherever_it_is() {
        let item = "- titel: Neu\n  traeger: T\n";
        let text = "name: A\nangebote:\n  - titel: Alt\n    traeger: X\n\n# Notiz\nprofil: P\n";
        let (out, line) = append_to_key(text, "angebote", item).unwrap();
        assert_eq!(
            out,
            "name: A\nangebote:\n  - titel: Alt\n    traeger: X\n  - titel: Neu\n    traeger: T\n\n# Notiz\nprofil: P\n"
        );
        assert_eq!(line, 5);
        let (out, line) =
            append_to_key("name: A\nangebote: []\nprofil: P\n", "angebote", item).unwrap();
        assert_eq!(
            out,
            "name: A\nangebote:\n  - titel: Neu\n    traeger: T\nprofil: P\n"
        );
        assert_eq!(line, 3);
        let (out, _) = append_to_key("name: A\n", "angebote", item).unwrap();
        assert_eq!(out, "name: A\nangebote:\n  - titel: Neu\n    traeger: T\n");
        let (out, _) =
            append_to_key("angebote:\n- titel: Alt\nname: A\n", "angebote", item).unwrap();
        assert_eq!(
            out,
            "angebote:\n- titel: Alt\n- titel: Neu\n  traeger: T\nname: A\n"
        );
        assert!(append_to_key("angebote: [{titel: A}]\n", "angebote", item).is_err());
    }
}
