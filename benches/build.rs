//! The build benchmark: generates projects of 1,000 and 10,000 chapters
//! (about 1,100 words each, with tables, lists and footnotes) plus 5,000
//! measures, builds them with konzept (site only, no PDFs) and, where `hugo`
//! is installed, builds the same chapters with Hugo, and prints times, peak
//! memory and the ratio. Run with `cargo bench --bench build`
//! (`-- 1000` for the small corpus only, `-- sample` for the sample site).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

#[path = "common/mod.rs"]
mod common;
use common::Lcg;

/// One chapter body of about 1,100 words.
fn chapter_body(rng: &mut Lcg, n: usize) -> String {
    let mut b = String::new();
    for section in 1..=4 {
        let _ = writeln!(b, "## Abschnitt {section} von Kapitel {n}\n");
        for _ in 0..2 {
            let _ = writeln!(b, "{}. {}[^{section}].\n", rng.words(60), rng.words(40));
        }
        let _ = writeln!(
            b,
            "- {}\n- {}\n  1. {}\n  2. {}\n",
            rng.words(8),
            rng.words(8),
            rng.words(6),
            rng.words(6)
        );
        if section % 2 == 0 {
            let _ = writeln!(b, "| Kennzahl | Wert | Quelle |\n|---|---:|---|");
            for r in 0..4 {
                let _ = writeln!(
                    b,
                    "| {} | {} | {} |",
                    rng.words(2),
                    rng.next() % 1000 + r,
                    rng.words(2)
                );
            }
            b.push('\n');
        }
        let _ = writeln!(b, "[^{section}]: {}\n", rng.words(12));
    }
    b
}

const FIELDS: [(&str, &str, &str); 6] = [
    ("sprache-bildung", "SB", "Sprache und Bildung"),
    (
        "zusammenleben-teilhabe",
        "ZT",
        "Zusammenleben und aktive Teilhabe",
    ),
    ("gesundheit-pflege", "GP", "Gesundheit und Pflege"),
    ("arbeit-wirtschaft", "AW", "Arbeit und Wirtschaft"),
    ("wohnen-mobilitaet", "WM", "Wohnen und Mobilität"),
    (
        "professionalisierung-institutionen",
        "PI",
        "Professionalisierung und Institutionen",
    ),
];

/// Writes a konzept project and the same chapters as a Hugo site.
fn generate(dir: &Path, chapters: usize, measures: usize) {
    let k = dir.join("konzept");
    let h = dir.join("hugo");
    let _ = std::fs::remove_dir_all(dir);
    let w = |p: PathBuf, s: &str| {
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, s).unwrap();
    };
    w(
        k.join("book.toml"),
        "title = \"Benchmark\"\npublisher = \"Bench\"\ndate = \"2025-01-01\"\n",
    );
    let mut hf = String::new();
    for (i, (id, kz, t)) in FIELDS.iter().enumerate() {
        let _ = writeln!(
            hf,
            "- id: {id}\n  nummer: {}\n  titel: {t}\n  kuerzel: {kz}",
            i + 1
        );
    }
    w(k.join("data/handlungsfelder.yaml"), &hf);
    w(
        k.join("data/zielgruppen.yaml"),
        "- id: alle\n  titel: Alle\n",
    );
    let kommunen = [
        "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m",
    ];
    for (i, s) in kommunen.iter().enumerate() {
        w(
            k.join(format!("data/kommunen/kommune-{s}.yaml")),
            &format!(
                "name: Kommune {}\nart: Stadt\neinwohner:\n  anzahl: {}\n  stand: 2018-01-01\n  quelle: Bench\nkontakt:\n  rolle: Rolle\n  stelle: Stelle\nangebote:\n  - titel: Angebot\n    traeger: Träger\n    kontakt: Telefon\n",
                s.to_uppercase(),
                10_000 + i * 1000
            ),
        );
    }
    let per_field = 50;
    let mut emp = String::new();
    for (id, kz, _) in FIELDS {
        for n in 1..=per_field {
            let _ = writeln!(
                emp,
                "- id: {kz}-{n}\n  handlungsfeld: {id}\n  titel: Empfehlung {kz}-{n}\n  text: Text der Empfehlung.\n  ebene: beide"
            );
        }
    }
    w(k.join("data/empfehlungen.yaml"), &emp);
    let mut m = String::new();
    let statuses = ["geplant", "laufend", "umgesetzt", "zurückgestellt"];
    for n in 1..=measures {
        let (_, kz, _) = FIELDS[n % 6];
        let _ = writeln!(
            m,
            "- id: M-{n:05}\n  titel: Maßnahme {n}\n  empfehlung: {kz}-{}\n  kommunen: [kommune-{}]\n  zustaendig: Amt\n  zeitraum: {{ von: 2025-01, bis: 2027-12 }}\n  status: {}",
            n % per_field + 1,
            kommunen[n % 13],
            statuses[n % 4]
        );
    }
    w(k.join("data/massnahmen.yaml"), &m);
    let mut rng = Lcg(42);
    let part_size = 50;
    for n in 0..chapters {
        let part = n / part_size + 1;
        let body = chapter_body(&mut rng, n);
        let title = format!("Kapitel {n}: {}", rng.words(3));
        let summary = rng.words(30);
        w(
            k.join(format!(
                "content/{part:03}-teil-{part}/{:03}-kapitel-{n}.md",
                n % part_size + 1
            )),
            &format!("---\ntitle: \"{title}\"\nsummary: {summary}\n---\n\n{body}"),
        );
        w(
            h.join(format!("content/teil-{part}/kapitel-{n}.md")),
            &format!(
                "---\ntitle: \"{title}\"\nweight: {}\nsummary: {summary}\n---\n\n{body}",
                n + 1
            ),
        );
    }
    for part in 1..=chapters.div_ceil(part_size) {
        w(
            k.join(format!("content/{part:03}-teil-{part}/_index.md")),
            &format!("---\ntitle: Teil {part}\n---\n"),
        );
        w(
            h.join(format!("content/teil-{part}/_index.md")),
            &format!("---\ntitle: Teil {part}\n---\n"),
        );
    }
    w(
        h.join("hugo.toml"),
        "baseURL = '/'\nlanguageCode = 'de'\ntitle = 'Benchmark'\ndisableKinds = ['taxonomy', 'term', 'RSS']\n",
    );
    w(
        h.join("layouts/_default/baseof.html"),
        "<!doctype html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body><nav><a href=\"/\">Start</a> {{ with .Parent }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}</nav><main>{{ block \"main\" . }}{{ end }}</main></body></html>",
    );
    w(
        h.join("layouts/_default/single.html"),
        "{{ define \"main\" }}<h1>{{ .Title }}</h1><p>{{ .Summary }}</p><nav>{{ .TableOfContents }}</nav>{{ .Content }}<nav>{{ with .PrevInSection }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }} {{ with .NextInSection }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}</nav><aside><ul>{{ range .CurrentSection.Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></aside>{{ end }}",
    );
    w(
        h.join("layouts/_default/list.html"),
        "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}",
    );
}

/// Runs `cmd` in a child of a fresh copy of this process, so that the peak
/// memory reported by getrusage belongs to this one command only.
fn measure(cmd: &[&str]) -> (Duration, u64) {
    let exe = std::env::current_exe().unwrap();
    let start = Instant::now();
    let out = Command::new(exe)
        .arg("--measure-child")
        .args(cmd)
        .env("KONZEPT_TIMINGS", "1")
        .output()
        .unwrap();
    let elapsed = start.elapsed();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{cmd:?} failed:\n{}\n{}",
        text,
        String::from_utf8_lossy(&out.stderr)
    );
    let kib: u64 = text
        .lines()
        .last()
        .and_then(|l| l.strip_prefix("maxrss_kib="))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let stderr = String::from_utf8_lossy(&out.stderr);
    if let Some(t) = stderr.lines().find(|l| l.starts_with("timings:")) {
        println!("    {t}");
    }
    (elapsed, kib)
}

fn measure_child(cmd: &[String]) -> ! {
    let status = Command::new(&cmd[0])
        .args(&cmd[1..])
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: getrusage writes into the zeroed struct we own.
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    println!("maxrss_kib={}", usage.ru_maxrss);
    std::process::exit(if status.success() { 0 } else { 1 });
}

fn median(mut v: Vec<(Duration, u64)>) -> (Duration, u64) {
    v.sort();
    v[v.len() / 2]
}

fn bench(label: &str, dir: &Path, runs: usize) {
    let konzept = env!("CARGO_BIN_EXE_konzept");
    let root = dir.join("konzept");
    let out = dir.join("out");
    let root_s = root.to_string_lossy().into_owned();
    let out_s = out.to_string_lossy().into_owned();
    let k = median(
        (0..runs)
            .map(|_| {
                measure(&[
                    konzept, "build", "--no-pdf", "--force", "--root", &root_s, "--out", &out_s,
                ])
            })
            .collect(),
    );
    println!(
        "{label}: konzept {:.2} s, peak {} MiB",
        k.0.as_secs_f64(),
        k.1 / 1024
    );
    if Command::new("hugo").arg("version").output().is_ok() {
        let hsrc = dir.join("hugo").to_string_lossy().into_owned();
        let hout = dir.join("hugo-out").to_string_lossy().into_owned();
        let h = median(
            (0..runs)
                .map(|_| measure(&["hugo", "--quiet", "-s", &hsrc, "-d", &hout]))
                .collect(),
        );
        println!(
            "{label}: hugo    {:.2} s, peak {} MiB; hugo/konzept = {:.2}",
            h.0.as_secs_f64(),
            h.1 / 1024,
            h.0.as_secs_f64() / k.0.as_secs_f64()
        );
    } else {
        println!("{label}: hugo not installed, no comparison");
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--measure-child") {
        measure_child(&args[1..]);
    }
    let only: Vec<&str> = args
        .iter()
        .map(String::as_str)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let want = |name: &str| only.is_empty() || only.contains(&name);
    let base = std::env::temp_dir().join("konzept-bench");
    if want("sample") {
        let repo = env!("CARGO_MANIFEST_DIR");
        let out = base.join("sample-out").to_string_lossy().into_owned();
        let r = median(
            (0..5)
                .map(|_| {
                    measure(&[
                        env!("CARGO_BIN_EXE_konzept"),
                        "build",
                        "--no-pdf",
                        "--force",
                        "--root",
                        repo,
                        "--out",
                        &out,
                    ])
                })
                .collect(),
        );
        println!(
            "sample site: konzept {:.3} s, peak {} MiB",
            r.0.as_secs_f64(),
            r.1 / 1024
        );
    }
    for (n, runs) in [(1_000usize, 3usize), (10_000, 1)] {
        if !want(&n.to_string()) {
            continue;
        }
        let dir = base.join(format!("c{n}"));
        generate(&dir, n, 5_000);
        bench(&format!("{n} chapters + 5000 measures"), &dir, runs);
    }
}
