//! Tests of `serve`: the real binary on a free port, a plain HTTP client
//! over TCP (so that `..` reaches the server as written), and the event
//! stream read as the browser would. Every wait is bounded; the server is
//! killed when a test ends, also when it fails.

use crate::fixture::{Project, konzept};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long any single wait may take (debug builds on a busy machine).
const WAIT: Duration = Duration::from_secs(60);

/// `konzept serve --port 0` in a project; killed on drop.
struct Server {
    child: Child,
    addr: String,
    stderr: Arc<Mutex<String>>,
}

impl Server {
    fn start(p: &Project, args: &[&str]) -> Server {
        let mut child = konzept()
            .args(["serve", "--port", "0"])
            .args(args)
            .current_dir(p.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = Arc::new(Mutex::new(String::new()));
        let err = child.stderr.take().unwrap();
        let sink = stderr.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(err).lines().map_while(Result::ok) {
                let mut s = sink.lock().unwrap();
                s.push_str(&line);
                s.push('\n');
            }
        });
        let out = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(out).read_line(&mut line);
            let _ = tx.send(line);
        });
        let mut server = Server {
            child,
            addr: String::new(),
            stderr,
        };
        let line = rx.recv_timeout(WAIT).unwrap_or_else(|_| {
            panic!(
                "no address printed\nstderr:\n{}",
                server.stderr.lock().unwrap()
            )
        });
        server.addr = line
            .trim()
            .strip_prefix("Serving on http://")
            .and_then(|a| a.strip_suffix('/'))
            .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
            .to_string();
        server
    }

    fn get(&self, path: &str) -> (u16, String) {
        get(&self.addr, path)
    }

    fn log(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// Polls `path` until `ok` holds for its body.
    fn wait_for(&self, path: &str, what: &str, ok: impl Fn(u16, &str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let (status, body) = self.get(path);
            if ok(status, &body) {
                return body;
            }
            assert!(
                start.elapsed() < WAIT,
                "{what}: still not there\nstatus {status}\n{body}\nserver log:\n{}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A GET request with the path sent exactly as given.
fn get(addr: &str, path: &str) -> (u16, String) {
    get_as(addr, addr, path)
}

/// A GET request naming `host` in its `Host` header.
fn get_as(addr: &str, host: &str, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(WAIT)).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap();
    let chunked = head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked");
    let body = if chunked {
        let mut d = Dechunk::default();
        d.push(body.as_bytes());
        String::from_utf8_lossy(&d.out).into_owned()
    } else {
        body.to_string()
    };
    (status, body)
}

/// Decodes `Transfer-Encoding: chunked` as bytes arrive.
#[derive(Default)]
struct Dechunk {
    buf: Vec<u8>,
    out: Vec<u8>,
}

impl Dechunk {
    fn push(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
        loop {
            let Some(eol) = self.buf.windows(2).position(|w| w == b"\r\n") else {
                return;
            };
            let size_text = String::from_utf8_lossy(&self.buf[..eol]).into_owned();
            let size =
                usize::from_str_radix(size_text.split(';').next().unwrap().trim(), 16).unwrap_or(0);
            if self.buf.len() < eol + 2 + size + 2 {
                return;
            }
            self.out
                .extend_from_slice(&self.buf[eol + 2..eol + 2 + size]);
            self.buf.drain(..eol + 2 + size + 2);
        }
    }
}

/// The event stream as a channel of (event, data).
struct Events(mpsc::Receiver<(String, String)>);

impl Events {
    fn open(addr: &str) -> Events {
        let mut s = TcpStream::connect(addr).unwrap();
        write!(
            s,
            "GET /__konzept/events HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n"
        )
        .unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut raw = [0u8; 16384];
            let mut head = Vec::new();
            let mut body = Dechunk::default();
            let mut text = String::new();
            while let Ok(n) = s.read(&mut raw) {
                if n == 0 {
                    return;
                }
                if head.is_empty() || !head.ends_with(b"\r\n\r\n") {
                    head.extend_from_slice(&raw[..n]);
                    if let Some(i) = head.windows(4).position(|w| w == b"\r\n\r\n") {
                        let rest = head.split_off(i + 4);
                        body.push(&rest);
                    }
                } else {
                    body.push(&raw[..n]);
                }
                text.push_str(&String::from_utf8_lossy(&std::mem::take(&mut body.out)));
                while let Some(i) = text.find("\n\n") {
                    let block: String = text.drain(..i + 2).collect();
                    let mut name = String::from("message");
                    let mut data = Vec::new();
                    for line in block.lines() {
                        if let Some(v) = line.strip_prefix("event:") {
                            name = v.trim().to_string();
                        } else if let Some(v) = line.strip_prefix("data:") {
                            data.push(v.strip_prefix(' ').unwrap_or(v).to_string());
                        }
                    }
                    if !data.is_empty() && tx.send((name, data.join("\n"))).is_err() {
                        return;
                    }
                }
            }
        });
        let events = Events(rx);
        events.next("hello");
        events
    }

    /// The data of the next event called `name` (others are skipped).
    fn next(&self, name: &str) -> String {
        let start = Instant::now();
        loop {
            let left = WAIT.saturating_sub(start.elapsed());
            let (n, data) = self
                .0
                .recv_timeout(left)
                .unwrap_or_else(|_| panic!("no `{name}` event within {WAIT:?}"));
            if n == name {
                return data;
            }
        }
    }
}

fn overlay_html(data: &str) -> String {
    let v: serde_json::Value = serde_json::from_str(data).unwrap();
    v["html"].as_str().unwrap().to_string()
}

#[test]
fn edits_reload_errors_show_an_overlay_and_fixes_remove_it() {
    let p = Project::fixture("serve/basic");
    let server = Server::start(&p, &["--no-pdf"]);
    assert!(server.addr.starts_with("127.0.0.1:"), "{}", server.addr);

    let (status, page) = server.get("/kapitel/einleitung/");
    assert_eq!(status, 200);
    assert!(page.contains("Der erste Entwurf der Einleitung."), "{page}");
    assert!(page.contains(r#"<script src="/__konzept/live.js" defer></script></body>"#));
    assert!(!page.contains("konzept-overlay"));
    let on_disk = p.read("public/kapitel/einleitung/index.html");
    assert!(
        !on_disk.contains("__konzept"),
        "the live script is added when serving, not written"
    );
    let (status, script) = server.get("/__konzept/live.js");
    assert_eq!(status, 200);
    assert!(script.contains("EventSource"));

    let events = Events::open(&server.addr);

    // An editor saves the chapter in place.
    let text = p.read("content/01-einleitung.md");
    p.write(
        "content/01-einleitung.md",
        &text.replace("Der erste Entwurf", "Die zweite Fassung"),
    );
    let reload = events.next("reload");
    assert!(reload.contains("\"/kapitel/einleitung/\""), "{reload}");
    assert!(
        !reload.contains("umsetzung"),
        "only the edited page reloads: {reload}"
    );
    let (_, page) = server.get("/kapitel/einleitung/");
    assert!(
        page.contains("Die zweite Fassung der Einleitung."),
        "{page}"
    );

    // Another saves by writing a temporary file and renaming it.
    let tmp = p.path().join("content/.01-einleitung.md.tmp");
    std::fs::write(
        &tmp,
        text.replace("Der erste Entwurf", "Die dritte Fassung"),
    )
    .unwrap();
    std::fs::rename(&tmp, p.path().join("content/01-einleitung.md")).unwrap();
    events.next("reload");
    let (_, page) = server.get("/kapitel/einleitung/");
    assert!(
        page.contains("Die dritte Fassung der Einleitung."),
        "{page}"
    );

    // A broken YAML file: the overlay names it, the last good page stays.
    let yaml = p.read("data/massnahmen.yaml");
    p.write(
        "data/massnahmen.yaml",
        &yaml.replace("status: laufend", "status: <laufend>"),
    );
    let overlay = overlay_html(&events.next("overlay"));
    assert!(overlay.contains("data/massnahmen.yaml:7:11"), "{overlay}");
    assert!(
        overlay.contains("`&lt;laufend&gt;` is not an allowed value here"),
        "{overlay}"
    );
    assert!(!overlay.contains("<laufend>"), "escaped: {overlay}");
    let (status, page) = server.get("/kapitel/einleitung/");
    assert_eq!(status, 200);
    assert!(page.contains("Die dritte Fassung der Einleitung."));
    assert!(page.contains(r#"<div id="konzept-overlay""#), "{page}");
    // The overlay speaks the editor's language (English here, `--lang en`).
    assert!(page.contains("The sources contain errors"), "{page}");
    assert!(
        page.contains("  status: &lt;laufend&gt;"),
        "the excerpt: {page}"
    );
    let (status, other) = server.get("/massnahmen/m-001/");
    assert_eq!(status, 200);
    assert!(other.contains("konzept-overlay"), "on every page");
    assert!(
        server.log().contains("┌─ data/massnahmen.yaml:7:11"),
        "the terminal shows it too:\n{}",
        server.log()
    );

    // Fixed: the overlay goes away and the pages are rebuilt.
    p.write("data/massnahmen.yaml", &yaml);
    let cleared = overlay_html(&events.next("overlay"));
    assert_eq!(cleared, "");
    events.next("reload");
    let (_, page) = server.get("/kapitel/einleitung/");
    assert!(!page.contains("konzept-overlay"), "{page}");
}

#[test]
fn new_renamed_and_deleted_chapters() {
    let p = Project::fixture("serve/basic");
    let server = Server::start(&p, &["--no-pdf"]);
    let events = Events::open(&server.addr);

    p.write(
        "content/03-ausblick.md",
        "---\ntitle: Ausblick\nsummary: Was danach kommt.\n---\n\n## Danach\n\nNeu geschrieben.\n",
    );
    events.next("reload");
    let page = server.wait_for("/kapitel/ausblick/", "the new chapter", |s, b| {
        s == 200 && b.contains("Neu geschrieben.")
    });
    assert!(page.contains("Einleitung"), "navigation: {page}");
    let (_, first) = server.get("/kapitel/einleitung/");
    assert!(
        first.contains("ausblick&#x2f;\">Ausblick</a>"),
        "others link to it: {first}"
    );

    std::fs::rename(
        p.path().join("content/03-ausblick.md"),
        p.path().join("content/03-perspektiven.md"),
    )
    .unwrap();
    events.next("reload");
    server.wait_for("/kapitel/perspektiven/", "the renamed chapter", |s, _| {
        s == 200
    });
    let (status, _) = server.get("/kapitel/ausblick/");
    assert_eq!(status, 404, "the old page is gone");

    std::fs::remove_file(p.path().join("content/03-perspektiven.md")).unwrap();
    events.next("reload");
    let (status, body) = server.get("/kapitel/perspektiven/");
    assert_eq!(status, 404);
    assert!(body.contains("/__konzept/live.js"), "404 pages reload too");
}

#[test]
fn requests_outside_the_site_get_404() {
    let p = Project::fixture("serve/basic");
    let server = Server::start(&p, &["--no-pdf"]);
    assert_eq!(server.get("/").0, 200);
    assert_eq!(server.get("/kapitel/einleitung/").0, 200);
    let port = server.addr.rsplit(':').next().unwrap();
    assert_eq!(
        get_as(&server.addr, &format!("localhost:{port}"), "/").0,
        200
    );
    // A page of another site reaching 127.0.0.1 through its own domain.
    assert_eq!(get_as(&server.addr, "drafts.example:80", "/").0, 403);
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(p.path().join("book.toml"), p.path().join("public/leak"))
            .unwrap();
        std::os::unix::fs::symlink(p.path().join("data"), p.path().join("public/daten")).unwrap();
    }
    for path in [
        "/../book.toml",
        "/kapitel/../../book.toml",
        "/%2e%2e/book.toml",
        "/%2E%2E/%2E%2E/book.toml",
        "/kapitel/%2e%2e%2f%2e%2e%2fbook.toml",
        "/..%2fbook.toml",
        "/..%5cbook.toml",
        "/leak",
        "/daten/massnahmen.yaml",
    ] {
        let (status, body) = server.get(path);
        assert_eq!(status, 404, "{path}");
        assert!(
            !body.contains("Live-Beispiel\"\npublisher"),
            "{path}: {body}"
        );
        assert!(!body.contains("zustaendig:"), "{path}: {body}");
    }
}

#[test]
fn pdfs_and_search_are_rebuilt_in_the_background() {
    let p = Project::fixture("serve/basic");
    let server = Server::start(&p, &[]);
    let events = Events::open(&server.addr);
    let pdf = |data: &str| -> (String, String) {
        let v: serde_json::Value = serde_json::from_str(data).unwrap();
        (
            v["state"].as_str().unwrap().to_string(),
            v["message"].as_str().unwrap().to_string(),
        )
    };
    let home = server.wait_for("/", "download links on the home page", |s, b| {
        s == 200 && b.contains("langfassung.pdf")
    });
    assert!(home.contains("kurzfassung.pdf"), "{home}");
    let (status, body) = server.get("/downloads/langfassung.pdf");
    assert_eq!(status, 200);
    assert!(body.starts_with("%PDF-"), "a PDF");
    assert!(p.path().join("druck/langfassung-druck.pdf").is_file());

    let text = p.read("content/02-umsetzung.md");
    p.write(
        "content/02-umsetzung.md",
        &text.replace("beginnt 2025", "beginnt 2026"),
    );
    // Skip what is left of the first build; then one rebuild, start to end.
    let mut seen = Vec::new();
    loop {
        let (state, message) = pdf(&events.next("pdf"));
        if seen.is_empty() && state != "building" {
            continue;
        }
        seen.push((state.clone(), message));
        if state != "building" {
            break;
        }
    }
    assert_eq!(
        seen,
        [
            ("building".to_string(), "rebuilding the PDF …".to_string()),
            ("ready".to_string(), "the PDF is up to date".to_string()),
        ],
        "server log:\n{}",
        server.log()
    );
    // Two builds in all: at the start and after the edit.
    let start = Instant::now();
    while server.log().matches("konzept: PDFs ready").count() < 2 {
        assert!(start.elapsed() < WAIT, "no rebuild:\n{}", server.log());
        std::thread::sleep(Duration::from_millis(50));
    }
    let (_, pdf_text) = server.get("/downloads/langfassung.pdf");
    assert!(pdf_text.starts_with("%PDF-"));
    // The search index follows the edit too.
    assert!(
        server.log().contains("konzept: search index updated"),
        "{}",
        server.log()
    );
    let (status, _) = server.get("/pagefind/pagefind.js");
    assert_eq!(status, 200);
}

/// Sends `raw` as it is and reads the answer until the server closes.
fn exchange(addr: &str, raw: &str) -> (String, Duration) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(WAIT)).unwrap();
    let start = Instant::now();
    s.write_all(raw.as_bytes()).unwrap();
    let mut got = Vec::new();
    let _ = s.read_to_end(&mut got);
    (String::from_utf8_lossy(&got).into_owned(), start.elapsed())
}

fn status_of(answer: &str) -> u16 {
    answer
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status in {answer:?}"))
}

#[test]
fn long_paths_get_404_or_414_never_500() {
    let p = Project::fixture("serve/basic");
    let server = Server::start(&p, &["--no-pdf"]);
    let long = "a".repeat(256);
    for path in [
        format!("/{long}"),
        format!("/kapitel/{long}/"),
        format!("/{}", "%61".repeat(256)),
        format!("/{long}/index.html"),
    ] {
        assert_eq!(server.get(&path).0, 404, "{path}");
    }
    assert_eq!(server.get(&format!("/{}", "a/".repeat(1100))).0, 414);
    assert_eq!(server.get("/").0, 200, "still serving");
}

#[test]
fn only_one_host_header_naming_this_computer_is_answered() {
    let p = Project::fixture("serve/basic");
    let server = Server::start(&p, &["--no-pdf"]);
    let port = server.addr.rsplit(':').next().unwrap();
    for ok in [
        format!("localhost:{port}"),
        format!("127.0.0.1:{port}"),
        format!("[::1]:{port}"),
        "localhost".to_string(),
    ] {
        assert_eq!(get_as(&server.addr, &ok, "/").0, 200, "{ok}");
    }
    for bad in [
        "127.0.0.1:80@evil.example",
        "[::1]evil.example",
        "localhost:80:80",
        "localhost.evil.example",
        "127.0.0.2",
    ] {
        let status = get_as(&server.addr, bad, "/").0;
        assert!((400..500).contains(&status), "{bad}: {status}");
    }
    let (answer, _) = exchange(
        &server.addr,
        &format!(
            "GET / HTTP/1.1\r\nHost: localhost:{port}\r\nHost: evil.example\r\nConnection: close\r\n\r\n"
        ),
    );
    assert_eq!(status_of(&answer), 400, "two Host headers");
    let (answer, _) = exchange(&server.addr, "GET / HTTP/1.0\r\n\r\n");
    assert_eq!(status_of(&answer), 400, "no Host header");
}

#[test]
fn half_sent_and_idle_connections_are_closed() {
    let p = Project::fixture("serve/basic");
    let server = Server::start(&p, &["--no-pdf"]);
    let addr = server.addr.clone();
    // Three connections at once: half a request head, nothing at all, and
    // one request kept alive after its answer.
    let cases = [
        "GET / HTTP/1.1\r\nHost: loc".to_string(),
        String::new(),
        format!("GET / HTTP/1.1\r\nHost: {addr}\r\n\r\n"),
    ];
    let handles: Vec<_> = cases
        .into_iter()
        .map(|raw| {
            let addr = addr.clone();
            std::thread::spawn(move || exchange(&addr, &raw))
        })
        .collect();
    let bound = Duration::from_secs(25);
    for (i, h) in handles.into_iter().enumerate() {
        let (answer, took) = h.join().unwrap();
        assert!(took < bound, "connection {i} was open for {took:?}");
        if i == 2 {
            assert_eq!(status_of(&answer), 200, "the whole request was answered");
        }
    }
}

#[test]
fn an_edit_cancels_a_pdf_build_that_is_still_running() {
    let p = Project::fixture("serve/basic");
    p.write("content/bilder/haenger.svg", crate::isolation::HANG_SVG);
    let text = p.read("content/02-umsetzung.md");
    p.write(
        "content/02-umsetzung.md",
        &format!("{text}\n![Ein Bild, an dem typst hängen bleibt](bilder/haenger.svg)\n"),
    );
    let server = Server::start(&p, &["--typst-timeout", "600"]);
    let start = Instant::now();
    let running = || crate::isolation::typst_processes(p.path());
    while running().is_empty() {
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "typst never started:\n{}",
            server.log()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let first: Vec<i32> = running().into_iter().map(|(pid, _)| pid).collect();
    p.write(
        "content/02-umsetzung.md",
        &p.read("content/02-umsetzung.md")
            .replace("beginnt 2025", "beginnt 2026"),
    );
    let start = Instant::now();
    loop {
        let now: Vec<i32> = running().into_iter().map(|(pid, _)| pid).collect();
        if !first.iter().any(|pid| now.contains(pid)) {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "the running typst was not stopped after the edit:\n{}",
            server.log()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let log = server.log();
    assert!(!log.contains("konzept: PDFs ready"), "{log}");
}

/// The errors `konzept check --format json` reports in `p`: (where, message).
fn check_errors(p: &Project) -> Vec<(String, String)> {
    let run = p.run(&["check", "--format", "json"]);
    let items: Vec<serde_json::Value> = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("JSON expected: {e}\n{}\n{}", run.stdout, run.stderr));
    items
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| {
            (
                format!(
                    "{}:{}:{}",
                    d["file"].as_str().unwrap(),
                    d["span"]["line"],
                    d["span"]["column"]
                ),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_link_broken_while_serving_shows_the_finding_check_reports() {
    let p = Project::fixture("serve/basic");
    let server = Server::start(&p, &["--no-pdf"]);
    let events = Events::open(&server.addr);

    // A body edit: serve renders just this chapter again, yet the link
    // findings (stage two, over every page of the site) run as in `build`.
    let text = p.read("content/01-einleitung.md");
    p.write(
        "content/01-einleitung.md",
        &text.replace(
            "Der erste Entwurf der Einleitung.",
            "Der erste Entwurf der Einleitung, [weiter](02-umsetzung.md).",
        ),
    );
    let overlay = overlay_html(&events.next("overlay"));
    let expected = check_errors(&p);
    // Found in the rendered page (stage two): the file exists in the
    // project, but the site does not publish it.
    assert_eq!(
        expected,
        [(
            "content/01-einleitung.md:8:35".to_string(),
            "the link `02-umsetzung.md` leads to no page or file of the site".to_string()
        )]
    );
    for (at, message) in &expected {
        assert!(overlay.contains(at.as_str()), "{at} missing:\n{overlay}");
        assert!(
            overlay.contains(message.as_str()),
            "{message} missing:\n{overlay}"
        );
        assert!(
            server.log().contains(message.as_str()),
            "the terminal shows it too:\n{}",
            server.log()
        );
    }
    assert_eq!(
        overlay.matches("<li").count(),
        expected.len(),
        "no more and no fewer errors than check: {overlay}"
    );
    let (_, page) = server.get("/kapitel/einleitung/");
    let (page, shown) = page.split_once("<div id=\"konzept-overlay\"").unwrap();
    assert!(shown.contains("02-umsetzung.md"), "the overlay: {shown}");
    assert!(
        page.contains("Der erste Entwurf der Einleitung.") && !page.contains("02-umsetzung.md"),
        "the last good page stays: {page}"
    );

    // Fixed: the overlay goes away, the page is rebuilt, check agrees.
    p.write(
        "content/01-einleitung.md",
        &text.replace(
            "Der erste Entwurf der Einleitung.",
            "Der erste Entwurf der Einleitung, [weiter](kapitel:umsetzung).",
        ),
    );
    assert_eq!(overlay_html(&events.next("overlay")), "");
    events.next("reload");
    assert!(check_errors(&p).is_empty());
    let (_, page) = server.get("/kapitel/einleitung/");
    assert!(page.contains(">weiter</a>"), "{page}");
}
