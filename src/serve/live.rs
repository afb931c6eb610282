//! What the server tells open pages, and what it adds to them: the live
//! events (reload, error overlay, PDF status) on one broadcast channel, the
//! overlay's HTML, and the small client script.

use crate::diag::{Diagnostic, Diagnostics, Severity};
use crate::site::html::escape;
use crate::strings::Strings;
use crate::tr;
use serde::Serialize;
use std::path::Path;
use std::sync::RwLock;
use tokio::sync::broadcast;

/// The path of the event stream.
pub const EVENTS: &str = "/__konzept/events";
/// The path of the client script.
pub const SCRIPT: &str = "/__konzept/live.js";
/// The client script's source.
pub const SCRIPT_SOURCE: &str = include_str!("live.js");

/// How far a PDF is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PdfState {
    Building,
    Ready,
    Failed,
}

/// One message to every open page (a server-sent event).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LiveEvent {
    /// Pages changed: `None` for all, else their site paths (`/kapitel/x/`).
    Reload(Option<Vec<String>>),
    /// The error overlay's HTML, or empty when the errors are fixed.
    Overlay(String),
    /// A PDF is being rebuilt in the background, or is ready again; the
    /// message is in the interface language.
    Pdf { state: PdfState, message: String },
}

impl LiveEvent {
    /// The event's name and data as sent on the stream.
    pub fn wire(&self) -> (&'static str, String) {
        match self {
            LiveEvent::Reload(paths) => {
                let data = match paths {
                    None => serde_json::json!({ "all": true, "paths": [] }),
                    Some(p) => serde_json::json!({ "all": false, "paths": p }),
                };
                ("reload", data.to_string())
            }
            // JSON, because browsers drop events whose data is empty.
            LiveEvent::Overlay(html) => {
                ("overlay", serde_json::json!({ "html": html }).to_string())
            }
            LiveEvent::Pdf { state, message } => (
                "pdf",
                serde_json::json!({ "state": state, "message": message }).to_string(),
            ),
        }
    }
}

/// The channel to the open pages and what a newly loaded page must show.
pub struct Hub {
    tx: broadcast::Sender<LiveEvent>,
    overlay: RwLock<String>,
    strings: RwLock<Strings>,
}

impl Default for Hub {
    fn default() -> Self {
        Hub {
            tx: broadcast::channel(64).0,
            overlay: RwLock::new(String::new()),
            strings: RwLock::new(Strings::default()),
        }
    }
}

impl Hub {
    pub fn subscribe(&self) -> broadcast::Receiver<LiveEvent> {
        self.tx.subscribe()
    }

    /// Sends `e` to every open page; remembers the overlay for pages loaded later.
    pub fn send(&self, e: LiveEvent) {
        if let LiveEvent::Overlay(html) = &e {
            *self.overlay.write().expect("not poisoned") = html.clone();
        }
        // No open page is no error.
        let _ = self.tx.send(e);
    }

    /// The interface strings of the last good build, for messages to the pages.
    pub fn strings(&self) -> Strings {
        self.strings.read().expect("not poisoned").clone()
    }

    pub fn set_strings(&self, t: &Strings) {
        *self.strings.write().expect("not poisoned") = t.clone();
    }

    /// The overlay every served page gets (empty when the sources are fine).
    pub fn overlay(&self) -> String {
        self.overlay.read().expect("not poisoned").clone()
    }
}

/// What is added before `</body>` of every served page.
pub fn injection(overlay: &str) -> String {
    format!("<script src=\"{SCRIPT}\" defer></script>{overlay}")
}

/// Inserts `extra` before the last `</body>` (or at the end).
pub fn inject(html: &str, extra: &str) -> String {
    let at = html.rfind("</body>").unwrap_or(html.len());
    let mut out = String::with_capacity(html.len() + extra.len());
    out.push_str(&html[..at]);
    out.push_str(extra);
    out.push_str(&html[at..]);
    out
}

/// The error overlay: every error (and warning) with file, line, message,
/// the source line and the hints; all of it HTML-escaped.
pub fn overlay(diags: &Diagnostics, root: &Path) -> String {
    let mut items = String::new();
    for d in diags.sorted() {
        items.push_str(&item(d, root));
    }
    format!(
        concat!(
            "<div id=\"konzept-overlay\" role=\"alert\" style=\"position:fixed;inset:0;z-index:2147483646;",
            "overflow:auto;background:rgba(20,20,20,.96);color:#fff;font:15px/1.5 system-ui,sans-serif;padding:2rem\">",
            "<div style=\"max-width:60rem;margin:0 auto\">",
            "<h2 style=\"margin:0 0 .5rem;font-size:1.4rem;color:#ffb4b4\">{title}</h2>",
            "<p style=\"margin:0 0 1.5rem\">{note}</p>",
            "<ol style=\"list-style:none;margin:0;padding:0\">{items}</ol></div></div>"
        ),
        title = escape(&tr!("serve-errors-title")),
        note = escape(&tr!("serve-errors-note")),
        items = items,
    )
}

fn item(d: &Diagnostic, root: &Path) -> String {
    let word = match d.severity {
        Severity::Error => tr!("severity-error"),
        Severity::Warning => tr!("severity-warning"),
    };
    let file = d.file.to_string_lossy().replace('\\', "/");
    let location = match d.span {
        Some(s) => format!("{file}:{}:{}", s.line, s.column),
        None => file,
    };
    let excerpt = d
        .span
        .and_then(|s| {
            let text = std::fs::read_to_string(root.join(&d.file)).ok()?;
            let line = text.lines().nth(s.line.checked_sub(1)?)?.to_string();
            let lead: String = line
                .chars()
                .take(s.column.saturating_sub(1))
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            Some(format!(
                "<pre style=\"margin:.5rem 0;padding:.5rem;background:#000;overflow:auto\">{} │ {}\n{} │ {lead}{}</pre>",
                s.line,
                escape(&line),
                " ".repeat(s.line.to_string().len()),
                "^".repeat(s.len.max(1))
            ))
        })
        .unwrap_or_default();
    let hints: String = d
        .hints
        .iter()
        .map(|h| {
            format!(
                "<p style=\"margin:.25rem 0\">{}</p>",
                escape(&tr!("hint-line", hint = h.clone()))
            )
        })
        .collect();
    format!(
        "<li style=\"margin:0 0 1.25rem;padding:.75rem 1rem;border-left:4px solid {color};background:#222\">\
         <code style=\"color:#9cdcfe\">{location}</code> \
         <strong>{word}:</strong> {message}{excerpt}{hints}</li>",
        color = if d.is_error() { "#ff6b6b" } else { "#f4c152" },
        location = escape(&location),
        word = escape(&word),
        message = escape(&d.message.to_string()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::msg;

    #[test]
    fn overlay_escapes_messages_excerpts_and_hints() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(tmp.path().join("data")).unwrap();
        std::fs::write(
            tmp.path().join("data/x.yaml"),
            "- id: a\n  titel: <script>alert(1)</script>\n",
        )
        .unwrap();
        let d = Diagnostic::error("data/x.yaml", msg!("yaml-unknown-field", field = "<b>"))
            .at(crate::diag::Span {
                line: 2,
                column: 3,
                len: 5,
            })
            .hint(msg!("hint-did-you-mean", name = "a & b"));
        let html = overlay(&std::iter::once(d).collect(), tmp.path());
        assert!(html.contains("data/x.yaml:2:3"), "{html}");
        assert!(html.contains("Unbekanntes Feld „&lt;b&gt;“"), "{html}");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
        assert!(html.contains("Hinweis: Meinten Sie „a &amp; b“?"), "{html}");
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("Die Quellen enthalten Fehler"), "{html}");
    }

    #[test]
    fn injection_goes_before_the_last_body_end() {
        assert_eq!(
            inject("<body>a</body></html>", "X"),
            "<body>aX</body></html>"
        );
        assert_eq!(inject("no body", "X"), "no bodyX");
    }

    #[test]
    fn events_on_the_wire() {
        let (name, data) = LiveEvent::Reload(Some(vec!["/kapitel/a/".into()])).wire();
        assert_eq!(name, "reload");
        assert_eq!(data, r#"{"all":false,"paths":["/kapitel/a/"]}"#);
        let (name, data) = LiveEvent::Pdf {
            state: PdfState::Building,
            message: "PDF wird neu erstellt …".into(),
        }
        .wire();
        assert_eq!(name, "pdf");
        assert!(data.contains(r#""state":"building""#), "{data}");
    }
}
