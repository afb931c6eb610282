//! The typst command line: find it, check its version, run `typst compile`
//! in a staged folder, and turn its short diagnostics into ours.
//!
//! Which typst runs, and for how long, is the choice of the person running
//! konzept ([`Settings`], from the command line and the environment), never
//! of a project file. typst runs in a process group of its own, is killed
//! with it when its time runs out, when `serve` cancels the build or when
//! konzept is interrupted ([`crate::interrupt`]), and dies with konzept
//! (`PR_SET_PDEATHSIG`).

use crate::diag::{Diagnostic, Span};
use crate::msg;
use anyhow::{Context, Result, bail};
use std::io::Read as _;
use std::os::unix::process::CommandExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::RwLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// The typst version konzept's templates are written for.
pub const VERSION: &str = "0.15.1";
/// The environment variable naming the typst binary.
pub const ENV_BIN: &str = "KONZEPT_TYPST";
/// The environment variable with typst's time limit in seconds.
pub const ENV_TIMEOUT: &str = "KONZEPT_TYPST_TIMEOUT";
/// How long one `typst compile` may take in `build`.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(600);
/// How long one `typst compile` may take in `serve`, where a hang would keep
/// the editor waiting for the PDFs.
pub const SERVE_TIMEOUT: Duration = Duration::from_secs(120);

/// What the person running konzept chose for typst.
#[derive(Debug, Clone)]
pub struct Settings {
    /// `--typst PATH`; else `KONZEPT_TYPST`, else the pinned install, else `PATH`.
    pub bin: Option<PathBuf>,
    /// The time limit of one `typst compile`.
    pub timeout: Duration,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            bin: None,
            timeout: DEFAULT_TIMEOUT,
        }
    }
}

impl Settings {
    /// The command line's choices, else the environment's, else `default_timeout`.
    pub fn resolve(
        bin: Option<PathBuf>,
        timeout_secs: Option<u64>,
        default_timeout: Duration,
    ) -> Result<Settings> {
        let timeout = match timeout_secs {
            Some(s) => Duration::from_secs(s),
            None => match std::env::var(ENV_TIMEOUT)
                .ok()
                .filter(|v| !v.trim().is_empty())
            {
                Some(v) => Duration::from_secs(v.trim().parse().with_context(|| {
                    msg!(
                        "env-typst-timeout-not-number",
                        var = ENV_TIMEOUT,
                        found = &v
                    )
                })?),
                None => default_timeout,
            },
        };
        if timeout.is_zero() {
            bail!(msg!("env-typst-timeout-zero"));
        }
        Ok(Settings { bin, timeout })
    }
}

/// The settings of this process, set once by the command line. A global
/// rather than a parameter so that every caller of [`locate`] and
/// [`Typst::compile`] (build, serve's background, benches) obeys the same
/// operator's choice without threading it through each.
static SETTINGS: RwLock<Option<Settings>> = RwLock::new(None);
/// Bumped by [`cancel_running`]; a compile started earlier stops.
static GENERATION: AtomicU64 = AtomicU64::new(0);

/// Sets what the person running konzept chose.
pub fn configure(s: Settings) {
    *SETTINGS.write().unwrap_or_else(|e| e.into_inner()) = Some(s);
}

/// The current settings (the defaults unless [`configure`] was called).
pub fn settings() -> Settings {
    SETTINGS
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .clone()
        .unwrap_or_default()
}

/// Stops every `typst compile` running now (`serve`, when the sources
/// changed again); they end with an error that says so.
pub fn cancel_running() {
    GENERATION.fetch_add(1, Ordering::SeqCst);
}

/// The error of a compile stopped by [`cancel_running`].
#[derive(Debug, thiserror::Error)]
#[error("cancelled: the sources changed, the PDFs start again")]
pub struct Cancelled;

/// A typst binary whose version was checked.
#[derive(Debug, Clone)]
pub struct Typst {
    pub bin: PathBuf,
    /// `typst 0.15.1 (…)`, part of every cache key.
    pub version: String,
}

/// Finds typst: `--typst`, else `$KONZEPT_TYPST`, else the install
/// script's pinned copy, else `typst` on `PATH`. A binary named explicitly
/// must work; the others are tried in turn. `configured` is what a project
/// file asked for; it is refused (book.toml's check reports it first).
pub fn locate(configured: Option<&str>, _root: &Path) -> Result<Typst> {
    let hints = format!(
        "\n  = {}\n  = {}",
        msg!(
            "hint-line",
            hint = msg!("hint-typst-install", version = VERSION)
        ),
        msg!("hint-line", hint = msg!("hint-typst-no-pdf"))
    );
    if let Some(c) = configured {
        bail!(
            "{}\n  = {}",
            msg!("config-typst", found = c),
            msg!("hint-line", hint = msg!("hint-typst-choose", var = ENV_BIN))
        );
    }
    if let Some(bin) = settings().bin {
        return check(&bin).map_err(|why| {
            let text = msg!(
                "env-typst-flag",
                path = bin.display().to_string(),
                why = why
            );
            anyhow::anyhow!("{text}{hints}")
        });
    }
    if let Some(env) = std::env::var_os(ENV_BIN).filter(|v| !v.is_empty()) {
        let path = PathBuf::from(env);
        return check(&path).map_err(|why| {
            let text = msg!(
                "env-typst-env",
                var = ENV_BIN,
                path = path.display().to_string(),
                why = why
            );
            anyhow::anyhow!("{text}{hints}")
        });
    }
    let mut tried = Vec::new();
    for cand in pinned().into_iter().chain(on_path("typst")) {
        match check(&cand) {
            Ok(t) => return Ok(t),
            Err(why) => tried.push(
                msg!(
                    "env-typst-tried",
                    path = cand.display().to_string(),
                    why = why
                )
                .to_string(),
            ),
        }
    }
    let text = if tried.is_empty() {
        msg!("env-typst-not-installed", version = VERSION)
    } else {
        msg!(
            "env-typst-missing",
            version = VERSION,
            tried = tried.join("; ")
        )
    };
    bail!("{text}{hints}")
}

/// Where `scripts/install-deps` puts typst (see `scripts/env.sh`).
fn pinned() -> Option<PathBuf> {
    let cache = match std::env::var_os("KONZEPT_CACHE").filter(|v| !v.is_empty()) {
        Some(c) => PathBuf::from(c),
        None => PathBuf::from(std::env::var_os("HOME")?).join(".cache/konzept"),
    };
    Some(cache.join(format!("typst-{VERSION}/bin/typst"))).filter(|p| p.is_file())
}

fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

/// Runs `bin --version`; the reason in words when it is not typst 0.15.1.
fn check(bin: &Path) -> std::result::Result<Typst, crate::i18n::Msg> {
    if !bin.exists() && bin.components().count() > 1 {
        return Err(msg!("typst-why-missing"));
    }
    let out = Command::new(bin)
        .arg("--version")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| msg!("typst-why-cannot-run", detail = e.to_string()))?;
    let version = String::from_utf8_lossy(&out.stdout).trim().to_string();
    if !out.status.success() || !is_pinned_version(&version) {
        return Err(if version.is_empty() {
            msg!("typst-why-no-version", version = VERSION)
        } else {
            msg!("typst-why-version", found = &version, version = VERSION)
        });
    }
    Ok(Typst {
        bin: bin.to_path_buf(),
        version,
    })
}

/// Whether `typst --version` printed the pinned version (`typst 0.15.1 (…)`).
fn is_pinned_version(line: &str) -> bool {
    let mut words = line.split_whitespace();
    words.next() == Some("typst") && words.next() == Some(VERSION)
}

/// One `typst compile` call.
#[derive(Debug, Clone)]
pub struct Job<'a> {
    /// The staged folder (`--root`, and the working directory).
    pub root: &'a Path,
    /// The main file inside it, e.g. `langfassung.typ`.
    pub main: &'a str,
    pub output: &'a Path,
    /// `--pdf-standard`, or none.
    pub standard: Option<&'a str>,
    /// `--input key=value` pairs.
    pub inputs: Vec<(String, String)>,
    /// The creation date, passed as `SOURCE_DATE_EPOCH`.
    pub epoch: i64,
}

impl Job<'_> {
    /// Everything that changes the output besides the staged files.
    pub fn flags(&self) -> String {
        let inputs: Vec<String> = self
            .inputs
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        format!(
            "{} {} {} {}",
            self.main,
            self.standard.unwrap_or("-"),
            inputs.join(","),
            self.epoch
        )
    }
}

/// What a run printed, split into lines that name a place and those that do not.
#[derive(Debug)]
pub struct Run {
    pub ok: bool,
    pub time: Duration,
    pub messages: Vec<Message>,
}

/// One diagnostic line of typst's short format.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub error: bool,
    /// Path as typst printed it (relative to the root), with line and column.
    pub at: Option<(String, usize, usize)>,
    pub text: String,
}

impl Typst {
    /// Runs one `typst compile` within the time limit of [`settings`].
    /// Running out of time is a failed run with a message that says so and
    /// names the SVG images the document holds; a cancelled or interrupted
    /// run is an error.
    pub fn compile(&self, job: &Job) -> Result<Run> {
        let limit = settings().timeout;
        let generation = GENERATION.load(Ordering::SeqCst);
        let mut cmd = Command::new(&self.bin);
        cmd.arg("compile")
            .arg("--root")
            .arg(job.root)
            .args(["--diagnostic-format", "short", "--ignore-system-fonts"])
            // Only the theme's fonts (staged from print/fonts/), the ones
            // konzept checks the text against.
            .arg("--ignore-embedded-fonts")
            .arg("--font-path")
            .arg(job.root.join("fonts"))
            // `pdf.header-cell` (row headers in record tables) is behind this flag.
            .args(["--features", "a11y-extras"])
            .current_dir(job.root)
            .env_remove("TYPST_FONT_PATHS")
            .env_remove("TYPST_ROOT");
        if let Some(s) = job.standard {
            cmd.args(["--pdf-standard", s]);
        }
        for (k, v) in &job.inputs {
            cmd.arg("--input").arg(format!("{k}={v}"));
        }
        cmd.env("SOURCE_DATE_EPOCH", job.epoch.to_string());
        cmd.arg(job.main).arg(job.output);
        cmd.stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .process_group(0);
        let parent = std::process::id() as libc::pid_t;
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            cmd.pre_exec(move || {
                // Die with the thread that started typst, even on SIGKILL.
                if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL as libc::c_ulong) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                // konzept died before the line above: do not run as an orphan.
                if libc::getppid() != parent {
                    libc::_exit(1);
                }
                Ok(())
            });
        }
        let start = Instant::now();
        let mut child = cmd.spawn().with_context(|| {
            msg!(
                "env-typst-cannot-run",
                program = self.bin.display().to_string()
            )
        })?;
        let pgid = child.id() as i32;
        let _registered = crate::interrupt::ChildGuard::new(pgid);
        let mut stderr_pipe = child.stderr.take().expect("stderr is piped");
        let reader = std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = stderr_pipe.read_to_end(&mut buf);
            buf
        });
        let stop = |child: &mut std::process::Child| {
            crate::interrupt::kill_group(pgid);
            let _ = child.wait();
        };
        let status = loop {
            if let Some(status) = child.try_wait().context(msg!("env-typst-wait"))? {
                break status;
            }
            if crate::interrupt::interrupted() {
                stop(&mut child);
                bail!(msg!("interrupted"));
            }
            if GENERATION.load(Ordering::SeqCst) != generation {
                stop(&mut child);
                return Err(Cancelled.into());
            }
            if start.elapsed() >= limit {
                stop(&mut child);
                let _ = reader.join();
                return Ok(Run {
                    ok: false,
                    time: start.elapsed(),
                    messages: out_of_time(job, limit),
                });
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        let time = start.elapsed();
        let stderr = reader.join().unwrap_or_default();
        let stderr = String::from_utf8_lossy(&stderr);
        let root = job.root.to_string_lossy();
        let messages = parse(&stderr.replace(&format!("{root}/"), "").replace(&*root, "."));
        Ok(Run {
            ok: status.success(),
            time,
            messages,
        })
    }
}

/// The messages of a run that was stopped at `limit`: the error, and one
/// note at each SVG image of the editors', the usual cause (a filter
/// typst cannot finish). typst does not say which one it was drawing.
fn out_of_time(job: &Job, limit: Duration) -> Vec<Message> {
    let mut out = vec![Message {
        error: true,
        at: None,
        text: format!(
            "ran out of time: typst was stopped after {} s making `{}` (the limit is set with --typst-timeout or {ENV_TIMEOUT})",
            limit.as_secs(),
            job.main
        ),
    }];
    let mut svgs: Vec<String> = walkdir::WalkDir::new(job.root.join("bilder"))
        .follow_links(false)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let rel = e.path().strip_prefix(job.root).ok()?;
            let rel = rel.to_string_lossy().replace('\\', "/");
            rel.to_ascii_lowercase().ends_with(".svg").then_some(rel)
        })
        .collect();
    svgs.sort();
    // SVG filters are what typst cannot finish; name those when there are any.
    let filtered: Vec<String> = svgs
        .iter()
        .filter(|s| {
            std::fs::read(job.root.join(s)).is_ok_and(|b| {
                String::from_utf8_lossy(&b)
                    .to_ascii_lowercase()
                    .contains("<filter")
            })
        })
        .cloned()
        .collect();
    if !filtered.is_empty() {
        svgs = filtered;
    }
    out.extend(svgs.into_iter().map(|s| Message {
        error: false,
        at: Some((s, 1, 1)),
        text: "typst was making the PDF with this SVG image when its time ran out; a filter such as `feMorphology` with a large radius can keep it busy for hours".into(),
    }));
    out
}

/// Parses typst's `--diagnostic-format short` output.
pub fn parse(stderr: &str) -> Vec<Message> {
    let mut out: Vec<Message> = Vec::new();
    for line in stderr.lines().filter(|l| !l.trim().is_empty()) {
        let (at, rest) = split_location(line);
        let (error, text) = if let Some(t) = rest.strip_prefix("error: ") {
            (true, t)
        } else if let Some(t) = rest.strip_prefix("warning: ") {
            (false, t)
        } else {
            // A continuation line of the previous message.
            if let Some(last) = out.last_mut() {
                last.text.push(' ');
                last.text.push_str(line.trim());
            }
            continue;
        };
        out.push(Message {
            error,
            at,
            text: text.trim().to_string(),
        });
    }
    out
}

/// `path:line:col: rest` → the location and `rest`.
fn split_location(line: &str) -> (Option<(String, usize, usize)>, &str) {
    let mut parts = line.splitn(4, ':');
    if let (Some(path), Some(l), Some(c), Some(rest)) =
        (parts.next(), parts.next(), parts.next(), parts.next())
        && let (Ok(l), Ok(c)) = (l.trim().parse(), c.trim().parse())
    {
        return (Some((path.to_string(), l, c)), rest.trim_start());
    }
    (None, line)
}

/// Where a message's file came from, for the editor or designer.
pub trait Origins {
    /// The file and position to report for a staged path and line/column.
    fn locate(&self, staged: &str, line: usize, col: usize) -> (PathBuf, Option<Span>);
    /// The file to name when typst gives no position (the main template).
    fn fallback(&self) -> PathBuf;
}

/// Typst's messages as diagnostics against the project's files.
pub fn diagnostics(messages: &[Message], origins: &dyn Origins, doc: &str) -> Vec<Diagnostic> {
    messages
        .iter()
        .map(|m| {
            let (file, span) = match &m.at {
                Some((path, l, c)) => origins.locate(path, *l, *c),
                None => (origins.fallback(), None),
            };
            let text = msg!("typst-message", doc = doc, text = &m.text);
            let d = if m.error {
                Diagnostic::error(file, text)
            } else {
                Diagnostic::warning(file, text)
            };
            d.at_opt(span)
        })
        .collect()
}

/// The number of pages of a PDF typst wrote (its page tree's `/Count`).
pub fn page_count(pdf: &[u8]) -> Option<u32> {
    let pat = b"/Type/Pages";
    let mut best = None;
    let mut i = 0;
    while let Some(pos) = find(&pdf[i..], pat) {
        let start = i + pos;
        let end = (start + 200).min(pdf.len());
        let window = &pdf[start..end];
        if let Some(c) = find(window, b"/Count") {
            let digits: String = window[c + 6..]
                .iter()
                .skip_while(|b| b.is_ascii_whitespace())
                .take_while(|b| b.is_ascii_digit())
                .map(|&b| b as char)
                .collect();
            if let Ok(n) = digits.parse::<u32>() {
                best = Some(best.map_or(n, |b: u32| b.max(n)));
            }
        }
        i = start + pat.len();
    }
    best
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_diagnostics_parse() {
        let m = parse(
            "langfassung.typ:12:7: error: file not found (searched at bilder/1.png)\nerror: PDF/UA-1 error: missing alt text\ncommon.typ:3:1: warning: unknown font family: foo\n",
        );
        assert_eq!(m.len(), 3);
        assert_eq!(m[0].at, Some(("langfassung.typ".into(), 12, 7)));
        assert!(m[0].error);
        assert_eq!(m[1].at, None);
        assert_eq!(m[1].text, "PDF/UA-1 error: missing alt text");
        assert!(!m[2].error);
    }

    #[test]
    fn only_the_pinned_version_is_accepted() {
        assert!(is_pinned_version("typst 0.15.1 (4f4b5a2c)"));
        assert!(is_pinned_version("typst 0.15.1"));
        for other in [
            "typst 0.15.0 (x)",
            "typst 0.15.10",
            "typst 0.14.1",
            "0.15.1",
            "",
            "evil 0.15.1",
        ] {
            assert!(!is_pinned_version(other), "{other}");
        }
    }

    #[test]
    fn a_project_file_never_chooses_typst() {
        let e = locate(Some("./x.sh"), Path::new(".")).unwrap_err();
        // In the test's language, whichever it is: the path refused, and
        // the two ways that may choose typst.
        let text = format!("{e}");
        assert!(
            text.contains("./x.sh") && text.contains("--typst") && text.contains("KONZEPT_TYPST"),
            "{e}"
        );
    }

    #[test]
    fn the_time_limit_comes_from_the_command_line_first() {
        let s = Settings::resolve(None, Some(7), SERVE_TIMEOUT).unwrap();
        assert_eq!(s.timeout, Duration::from_secs(7));
        assert!(Settings::resolve(None, Some(0), SERVE_TIMEOUT).is_err());
    }

    #[test]
    fn page_count_reads_the_page_tree() {
        let pdf =
            b"1 0 obj\n<</Type/Outlines/Count 2>>\n2 0 obj\n<</Type/Pages/Count 14/Kids[3 0 R]>>";
        assert_eq!(page_count(pdf), Some(14));
        assert_eq!(page_count(b"nothing"), None);
    }
}
