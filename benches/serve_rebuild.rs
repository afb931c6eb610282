//! The serve benchmark: time from saving one chapter to the reload event,
//! in a generated project of 1,000 chapters (about 1,100 words each, in 20
//! parts) with the sample publication's data. Starts the real `konzept
//! serve` on a free port, listens to its event stream, edits chapters the
//! way editors do (write in place, and write-to-temp-then-rename), and
//! prints the median of several runs, with the builder's own time from its
//! log. Target: under 100 ms. Run with `cargo bench --bench serve_rebuild`
//! (`-- 200` for a smaller project).

use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const RUNS: usize = 15;
const PARTS: usize = 20;

#[path = "common/mod.rs"]
mod common;
use common::Lcg;

/// A chapter of about 1,100 words: four sections, links to records and to
/// the previous chapter, a list and a table.
fn chapter(rng: &mut Lcg, n: usize, prev: Option<&str>) -> String {
    let mut b = String::new();
    let _ = writeln!(
        b,
        "---\ntitle: Kapitel {n}\nsummary: {}.\n---\n",
        rng.words(30)
    );
    for s in 1..=4 {
        let _ = writeln!(b, "## Abschnitt {s}\n");
        for _ in 0..2 {
            let _ = writeln!(b, "{}. {}.\n", rng.words(60), rng.words(50));
        }
        let _ = writeln!(b, "- {}\n- {}\n", rng.words(8), rng.words(8));
        if s == 2 {
            let _ = writeln!(
                b,
                "Siehe [](empfehlung:SB-{}) und [die Maßnahme](massnahme:M-001).\n",
                n % 3 + 1
            );
            let _ = writeln!(b, "| Kennzahl | Wert |\n|---|---:|");
            for r in 0..4 {
                let _ = writeln!(b, "| {} | {} |", rng.words(2), rng.next() % 1000 + r);
            }
            b.push('\n');
        }
        if s == 3
            && let Some(p) = prev
        {
            let _ = writeln!(b, "Mehr dazu in [](kapitel:{p}#abschnitt-1).\n");
        }
    }
    b
}

fn generate(dir: &Path, chapters: usize) {
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    std::fs::write(
        dir.join("book.toml"),
        "title = \"Benchmark\"\npublisher = \"konzept\"\ndate = \"2025-02-17\"\n",
    )
    .unwrap();
    copy_dir(&repo.join("data"), &dir.join("data"));
    let mut rng = Lcg(7);
    let per_part = chapters.div_ceil(PARTS);
    let mut prev: Option<String> = None;
    for n in 1..=chapters {
        let part = (n - 1) / per_part + 1;
        let folder = dir.join(format!("content/{part:02}-teil-{part}"));
        if (n - 1) % per_part == 0 {
            std::fs::create_dir_all(&folder).unwrap();
            std::fs::write(
                folder.join("_index.md"),
                format!("---\ntitle: Teil {part}\n---\n"),
            )
            .unwrap();
        }
        let slug = format!("kapitel-{n}");
        let text = chapter(&mut rng, n, prev.as_deref());
        std::fs::write(folder.join(format!("{n:04}-{slug}.md")), text).unwrap();
        prev = Some(slug);
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

/// The running server; killed when dropped.
struct Server {
    child: Child,
    addr: String,
    log: mpsc::Receiver<String>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(dir: &Path) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_konzept"))
        .args(["serve", "--no-pdf", "--port", "0", "--root"])
        .arg(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("konzept runs");
    let (log_tx, log) = mpsc::channel();
    let stderr = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = log_tx.send(line);
        }
    });
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    let addr = line
        .trim()
        .strip_prefix("Serving on http://")
        .unwrap_or_else(|| panic!("unexpected first line: {line:?}"))
        .trim_end_matches('/')
        .to_string();
    Server { child, addr, log }
}

/// The event stream, read on a thread; each event's name arrives with the
/// time it was read.
fn events(addr: &str) -> mpsc::Receiver<(String, Instant)> {
    let mut s = TcpStream::connect(addr).unwrap();
    write!(
        s,
        "GET /__konzept/events HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n"
    )
    .unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        let mut pending = String::new();
        while let Ok(n) = s.read(&mut buf) {
            if n == 0 {
                break;
            }
            let now = Instant::now();
            pending.push_str(&String::from_utf8_lossy(&buf[..n]));
            while let Some(i) = pending.find("event: ") {
                let rest = &pending[i + 7..];
                let Some(end) = rest.find('\n') else { break };
                let name = rest[..end].trim().to_string();
                pending = rest[end..].to_string();
                if tx.send((name, now)).is_err() {
                    return;
                }
            }
        }
    });
    let (name, _) = rx.recv_timeout(Duration::from_secs(10)).unwrap();
    assert_eq!(name, "hello");
    rx
}

/// Waits for the next `reload` event; returns when it was read.
fn next_reload(rx: &mpsc::Receiver<(String, Instant)>) -> Instant {
    loop {
        let (name, at) = rx
            .recv_timeout(Duration::from_secs(60))
            .expect("a reload event within a minute");
        if name == "reload" {
            return at;
        }
    }
}

/// Waits for the first build's summary line; stops when it failed.
fn first_build(log: &mpsc::Receiver<String>) {
    let mut seen = Vec::new();
    loop {
        let line = log
            .recv_timeout(Duration::from_secs(600))
            .expect("the first build ends within ten minutes");
        if line.starts_with("konzept: ") {
            assert!(
                !line.contains("error"),
                "the first build failed:\n{}\n{line}",
                seen.join("\n")
            );
            return;
        }
        seen.push(line);
    }
}

/// The builder's own time of its last rebuild, from the log.
fn builder_ms(log: &mpsc::Receiver<String>) -> Option<f64> {
    let mut last = None;
    while let Ok(line) = log.recv_timeout(Duration::from_millis(200)) {
        if let Some(ms) = line
            .strip_prefix("konzept: ")
            .and_then(|l| l.split(" in ").nth(1))
            .and_then(|t| t.strip_suffix(" ms"))
        {
            last = ms.parse().ok();
        } else if line.starts_with("error") {
            eprintln!("{line}");
        }
    }
    last
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn measure(
    label: &str,
    runs: usize,
    server: &Server,
    rx: &mpsc::Receiver<(String, Instant)>,
    mut edit: impl FnMut(usize),
) {
    let mut total = Vec::new();
    let mut builder = Vec::new();
    for run in 0..runs {
        // Let the last rebuild settle, as between an editor's saves.
        std::thread::sleep(Duration::from_millis(150));
        let t0 = Instant::now();
        edit(run);
        let t1 = next_reload(rx);
        total.push((t1 - t0).as_secs_f64() * 1000.0);
        if let Some(b) = builder_ms(&server.log) {
            builder.push(b);
        }
    }
    let (min, max) = (
        total.iter().copied().fold(f64::MAX, f64::min),
        total.iter().copied().fold(0.0, f64::max),
    );
    let b = if builder.is_empty() {
        String::new()
    } else {
        format!(", of which rebuilding {:.0} ms", median(&mut builder))
    };
    println!(
        "{label}: median {:.1} ms from save to reload event (min {min:.1}, max {max:.1}, {runs} runs){b}",
        median(&mut total)
    );
}

fn main() {
    let chapters: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(1000);
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    generate(dir, chapters);
    let t = Instant::now();
    let server = start(dir);
    println!(
        "{chapters} chapters: first build and server start in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    first_build(&server.log);
    let rx = events(&server.addr);
    let per_part = chapters.div_ceil(PARTS);
    let file = |n: usize| {
        let part = (n - 1) / per_part + 1;
        dir.join(format!(
            "content/{part:02}-teil-{part}/{n:04}-kapitel-{n}.md"
        ))
    };

    let target = file(chapters / 2);
    let original = std::fs::read_to_string(&target).unwrap();
    measure("one chapter, saved in place", RUNS, &server, &rx, |run| {
        let text = original.replace(
            "## Abschnitt 2\n",
            &format!("## Abschnitt 2\n\nNeu {run}.\n"),
        );
        std::fs::write(&target, text).unwrap();
    });
    measure("one chapter, saved by rename", RUNS, &server, &rx, |run| {
        let text = original.replace(
            "## Abschnitt 3\n",
            &format!("## Abschnitt 3\n\nNeu {run}.\n"),
        );
        let tmp = target.with_extension("md.tmp");
        std::fs::write(&tmp, text).unwrap();
        std::fs::rename(&tmp, &target).unwrap();
    });
    measure("a chapter title (every page)", 3, &server, &rx, |run| {
        let text = original.replacen("title: Kapitel", &format!("title: Kapitel {run} –"), 1);
        std::fs::write(&target, text).unwrap();
    });
    let data = dir.join("data/massnahmen.yaml");
    let yaml = std::fs::read_to_string(&data).unwrap();
    measure("a measure's title (data)", 3, &server, &rx, |run| {
        let text = yaml.replacen("  titel: ", &format!("  titel: {run} "), 1);
        std::fs::write(&data, text).unwrap();
    });
}
