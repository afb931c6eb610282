//! Watching the sources with notify: `content/`, `data/` and `themes/`
//! recursively, and the project folder itself without recursion (for
//! `book.toml`, and for those folders appearing or going away). Events are
//! batched by notify-debouncer-full, which also stitches an editor's
//! save-by-rename together; reads (our own, too) are dropped.

use crate::msg;
use anyhow::{Context, Result};
use notify_debouncer_full::notify::event::{AccessKind, AccessMode, EventKind};
use notify_debouncer_full::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

/// How long a batch waits for more events: long enough for an editor's
/// write-then-rename, short enough to feel instant.
pub const DEBOUNCE: Duration = Duration::from_millis(20);

/// The source folders watched recursively.
const FOLDERS: [&str; 3] = [crate::content::DIR, crate::data::DIR, "themes"];

/// The running watcher; stops when dropped.
pub struct Watcher {
    debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
    root: PathBuf,
    armed: HashSet<&'static str>,
}

impl Watcher {
    /// Watches `root` (canonical) and sends each batch of changed paths,
    /// relative to `root`, to `tx`.
    pub fn start(root: &Path, tx: Sender<Vec<PathBuf>>) -> Result<Watcher> {
        let base = root.to_path_buf();
        let handler = move |res: DebounceEventResult| match res {
            Ok(events) => {
                let mut paths: Vec<PathBuf> = events
                    .iter()
                    .filter(|e| !is_read(&e.kind))
                    .flat_map(|e| e.paths.iter())
                    .filter_map(|p| p.strip_prefix(&base).ok().map(Path::to_path_buf))
                    .collect();
                paths.sort();
                paths.dedup();
                if !paths.is_empty() {
                    let _ = tx.send(paths);
                }
            }
            Err(errors) => {
                for e in errors {
                    eprintln!("warning: watching the sources: {e}");
                }
            }
        };
        let debouncer = new_debouncer(DEBOUNCE, Some(DEBOUNCE / 4), handler)
            .context(msg!("env-watch-project"))?;
        let mut w = Watcher {
            debouncer,
            root: root.to_path_buf(),
            armed: HashSet::new(),
        };
        w.debouncer
            .watch(root, RecursiveMode::NonRecursive)
            .with_context(|| msg!("env-watch", dir = root.display().to_string()))?;
        w.arm(&[]);
        Ok(w)
    }

    /// Watches the source folders that exist now. `changed` is the last
    /// batch: a folder in it was created, deleted or replaced, so its old
    /// watch is dropped and, if it exists, set anew.
    pub fn arm(&mut self, changed: &[PathBuf]) {
        for name in FOLDERS {
            let dir = self.root.join(name);
            if changed.iter().any(|p| p == Path::new(name)) && self.armed.remove(name) {
                let _ = self.debouncer.unwatch(&dir);
            }
            if !self.armed.contains(name) && dir.is_dir() {
                match self.debouncer.watch(&dir, RecursiveMode::Recursive) {
                    Ok(()) => {
                        self.armed.insert(name);
                    }
                    Err(e) => eprintln!("warning: cannot watch {}: {e}", dir.display()),
                }
            }
        }
    }
}

/// Opening or reading a file changes nothing.
fn is_read(kind: &EventKind) -> bool {
    matches!(kind, EventKind::Access(a) if *a != AccessKind::Close(AccessMode::Write))
}
