//! Ctrl-C and `kill`: what konzept cleans up before it exits.
//!
//! Steps: [`install`] sets one handler for SIGINT, SIGTERM and SIGHUP (the
//! `ctrlc` crate). Everything that must not outlive konzept registers here
//! while it exists: typst's process groups ([`ChildGuard`]) and the staging
//! folders beside the outputs ([`DirGuard`]). On a signal the handler marks
//! the run as interrupted (so no new file is written and no staging folder
//! is swapped in), kills every registered process group, removes every
//! registered folder and exits with 130. What a SIGKILL leaves behind, the
//! next run removes ([`crate::output`] sweeps folders with konzept's marker),
//! and typst dies with konzept through `PR_SET_PDEATHSIG`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

static INTERRUPTED: AtomicBool = AtomicBool::new(false);
static NEXT: AtomicU64 = AtomicU64::new(0);
static GROUPS: Mutex<BTreeMap<u64, i32>> = Mutex::new(BTreeMap::new());
static DIRS: Mutex<BTreeMap<u64, PathBuf>> = Mutex::new(BTreeMap::new());
static CRITICAL: Mutex<()> = Mutex::new(());

/// The exit code after a signal (128 + SIGINT, as shells report it).
pub const EXIT_CODE: i32 = 130;

/// Installs the signal handler; called once by `main`.
pub fn install() -> anyhow::Result<()> {
    ctrlc::set_handler(|| {
        INTERRUPTED.store(true, Ordering::SeqCst);
        kill_groups();
        // Writes that started before the flag was set finish first, so no
        // folder is created again after it was removed.
        std::thread::sleep(Duration::from_millis(150));
        kill_groups();
        // A swap in progress finishes before konzept exits.
        let _swap = CRITICAL.lock();
        remove_dirs();
        eprintln!("konzept: {}", crate::msg!("interrupted"));
        std::process::exit(EXIT_CODE);
    })
    .map_err(|e| anyhow::anyhow!(crate::msg!("env-ctrlc", detail = e.to_string())))
}

/// Lets the handler finish its cleanup and exit; for `main`, when a
/// command returned because it was interrupted.
pub fn finish() -> ! {
    std::thread::sleep(Duration::from_secs(10));
    std::process::exit(EXIT_CODE)
}

/// Whether a signal asked konzept to stop.
pub fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::SeqCst)
}

/// Holds off the handler's exit while it lives: for the renames of a swap,
/// which must not stop half-way.
pub fn critical() -> std::sync::MutexGuard<'static, ()> {
    CRITICAL.lock().unwrap_or_else(|e| e.into_inner())
}

fn kill_groups() {
    let groups: Vec<i32> = GROUPS
        .lock()
        .map(|g| g.values().copied().collect())
        .unwrap_or_default();
    for pgid in groups {
        kill_group(pgid);
    }
}

/// Sends SIGKILL to the process group `pgid`.
pub fn kill_group(pgid: i32) {
    if pgid > 1 {
        // SAFETY: kill(2) with a negative pid only sends a signal.
        unsafe {
            libc::kill(-pgid, libc::SIGKILL);
        }
    }
}

fn remove_dirs() {
    let dirs: Vec<PathBuf> = DIRS
        .lock()
        .map(|d| d.values().cloned().collect())
        .unwrap_or_default();
    for d in dirs {
        let _ = std::fs::remove_dir_all(&d);
    }
}

/// A registered process group; unregistered when dropped.
pub struct ChildGuard(u64);

impl ChildGuard {
    /// Registers the process group `pgid` (a child started with `process_group(0)`).
    pub fn new(pgid: i32) -> ChildGuard {
        let id = NEXT.fetch_add(1, Ordering::SeqCst);
        if let Ok(mut g) = GROUPS.lock() {
            g.insert(id, pgid);
        }
        ChildGuard(id)
    }
}

impl Drop for ChildGuard {
    fn drop(&mut self) {
        if let Ok(mut g) = GROUPS.lock() {
            g.remove(&self.0);
        }
    }
}

/// A registered folder, removed if konzept is interrupted while the guard
/// lives; unregistered (not removed) when dropped.
pub struct DirGuard(u64);

impl DirGuard {
    pub fn new(dir: &Path) -> DirGuard {
        let id = NEXT.fetch_add(1, Ordering::SeqCst);
        if let Ok(mut d) = DIRS.lock() {
            d.insert(id, dir.to_path_buf());
        }
        DirGuard(id)
    }
}

impl Drop for DirGuard {
    fn drop(&mut self) {
        if let Ok(mut d) = DIRS.lock() {
            d.remove(&self.0);
        }
    }
}
