//! The build benchmark: konzept against Hugo and Hugo + the Pagefind CLI on
//! the same pages.
//!
//! Two corpora, each written as a konzept project and as a Hugo site with
//! one Hugo page for every konzept page (chapters, parts and every record):
//! - `chapters`: N chapters of about 1,100 words (tables, lists, footnotes)
//!   in parts of 50, with few records (6 fields, 12 recommendations,
//!   24 measures, 13 municipalities);
//! - `records`: the same chapters plus 300 recommendations and 5,000
//!   measures.
//!
//! Each round runs every tool once, in an order that rotates from round to
//! round (paired, alternating runs, so a burst of load elsewhere on the
//! machine falls on all of them); every run starts from a removed output
//! folder and a `sync`. Printed per tool: the median wall time with min–max,
//! CPU time, peak memory (`wait4`'s rusage of that run), and the files,
//! folders and bytes written; per pair, the median of the per-round ratios
//! with their min–max. The machine's load average is printed at the start
//! and end of every block, and the file system the output went to.
//!
//! Run: `cargo bench --bench build` (1,000 and 10,000 chapters, output on
//! the disk and on tmpfs: about an hour on 2 cores). Environment:
//! - `KONZEPT_BENCH_QUICK=1`: 1,000 chapters, 3 rounds (a few minutes);
//! - `KONZEPT_BENCH_SIZES=1000,10000`, `KONZEPT_BENCH_RUNS=5`,
//!   `KONZEPT_BENCH_FS=disk,tmpfs`, `KONZEPT_BENCH_CORPORA=chapters,records`;
//! - `KONZEPT_BENCH_BASE=/path/to/konzept`: another konzept binary (say
//!   main's) run in the same rounds, as `konzept (base)`;
//! - `KONZEPT_PAGEFIND`: the Pagefind CLI (`scripts/env.sh` sets it to the
//!   binary `scripts/install-deps` installs); without it, no Pagefind runs.
//!
//! Arguments: `-- sample` for the sample's site only.

use std::ffi::OsString;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

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

const KOMMUNEN: [&str; 13] = [
    "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m",
];

const STATUSES: [&str; 4] = ["geplant", "laufend", "umgesetzt", "zurückgestellt"];

/// A corpus: how many chapters, recommendations per field and measures.
#[derive(Clone, Copy)]
struct Corpus {
    name: &'static str,
    chapters: usize,
    per_field: usize,
    measures: usize,
}

fn write_file(p: PathBuf, s: &str) {
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, s).unwrap();
}

/// Writes the corpus as a konzept project (`dir/konzept`) and as a Hugo
/// site with a page for every konzept page (`dir/hugo`).
fn generate(dir: &Path, c: Corpus) {
    let k = dir.join("konzept");
    let h = dir.join("hugo");
    let _ = std::fs::remove_dir_all(dir);
    let w = write_file;
    // A Hugo page: title, weight, a summary and a body.
    let hugo = |rel: String, title: &str, weight: usize, body: &str| {
        w(
            h.join(format!("content/{rel}")),
            &format!("---\ntitle: \"{title}\"\nweight: {weight}\n---\n\n{body}"),
        );
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
        hugo(format!("handlungsfelder/{id}.md"), t, i + 1, t);
    }
    w(k.join("data/handlungsfelder.yaml"), &hf);
    w(
        k.join("data/zielgruppen.yaml"),
        "- id: alle\n  titel: Alle\n",
    );
    hugo("zielgruppen/alle.md".into(), "Alle", 1, "Alle");
    for (i, s) in KOMMUNEN.iter().enumerate() {
        let name = format!("Kommune {}", s.to_uppercase());
        w(
            k.join(format!("data/kommunen/kommune-{s}.yaml")),
            &format!(
                "name: {name}\nart: Stadt\neinwohner:\n  anzahl: {}\n  stand: 2018-01-01\n  quelle: Bench\nkontakt:\n  rolle: Rolle\n  stelle: Stelle\nangebote:\n  - titel: Angebot\n    traeger: Träger\n    kontakt: Telefon\n",
                10_000 + i * 1000
            ),
        );
        hugo(
            format!("kommunen/kommune-{s}.md"),
            &name,
            i + 1,
            &format!(
                "Stadt, {} Einwohner.\n\n- Angebot: Träger, Telefon\n",
                10_000 + i * 1000
            ),
        );
    }
    let mut emp = String::new();
    for (fi, (id, kz, _)) in FIELDS.iter().enumerate() {
        for n in 1..=c.per_field {
            let _ = writeln!(
                emp,
                "- id: {kz}-{n}\n  handlungsfeld: {id}\n  titel: Empfehlung {kz}-{n}\n  text: Text der Empfehlung.\n  ebene: beide"
            );
            hugo(
                format!("empfehlungen/{}-{n}.md", kz.to_lowercase()),
                &format!("Empfehlung {kz}-{n}"),
                fi * c.per_field + n,
                "Text der Empfehlung.",
            );
        }
    }
    w(k.join("data/empfehlungen.yaml"), &emp);
    let mut m = String::new();
    for n in 1..=c.measures {
        let (_, kz, _) = FIELDS[n % 6];
        let emp = n % c.per_field + 1;
        let kommune = KOMMUNEN[n % 13];
        let status = STATUSES[n % 4];
        let _ = writeln!(
            m,
            "- id: M-{n:05}\n  titel: Maßnahme {n}\n  empfehlung: {kz}-{emp}\n  kommunen: [kommune-{kommune}]\n  zustaendig: Amt\n  zeitraum: {{ von: 2025-01, bis: 2027-12 }}\n  status: {status}",
        );
        hugo(
            format!("massnahmen/m-{n:05}.md"),
            &format!("Maßnahme {n}"),
            n,
            &format!(
                "- Empfehlung: {kz}-{emp}\n- Kommune: Kommune {kommune}\n- Zuständig: Amt\n- Zeitraum: 2025-01 bis 2027-12\n- Status: {status}\n"
            ),
        );
    }
    w(k.join("data/massnahmen.yaml"), &m);
    let mut rng = Lcg(42);
    let part_size = 50;
    for n in 0..c.chapters {
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
    for part in 1..=c.chapters.div_ceil(part_size) {
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
    // Like konzept's pages: a chapter's sidebar lists its part's chapters
    // (a record's page lists no siblings, as konzept's does not: 5,000
    // measures each listing all 5,000 would make 1.5 GB of pages), a table
    // of contents, previous and next, and only <main> indexed.
    w(
        h.join("layouts/_default/baseof.html"),
        "<!doctype html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body><nav><a href=\"/\">Start</a> {{ with .Parent }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}</nav><main data-pagefind-body>{{ block \"main\" . }}{{ end }}</main></body></html>",
    );
    w(
        h.join("layouts/_default/single.html"),
        "{{ define \"main\" }}<h1>{{ .Title }}</h1><p>{{ .Summary }}</p><nav>{{ .TableOfContents }}</nav>{{ .Content }}<nav>{{ with .PrevInSection }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }} {{ with .NextInSection }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}</nav>{{ if hasPrefix .Section \"teil-\" }}<aside><ul>{{ range .CurrentSection.Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></aside>{{ end }}{{ end }}",
    );
    w(
        h.join("layouts/_default/list.html"),
        "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}",
    );
}

/// What one run of one command cost.
#[derive(Clone, Copy, Default)]
struct Cost {
    wall: f64,
    cpu: f64,
    rss_kib: u64,
}

/// Runs `cmd` with `env` and returns its wall time and, from `wait4`, its
/// CPU time and peak memory (the largest of it and its children).
fn run(cmd: &[OsString], env: &[(&str, &str)]) -> Cost {
    let start = Instant::now();
    let mut command = Command::new(&cmd[0]);
    command
        .args(&cmd[1..])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped());
    for (k, v) in env {
        command.env(k, v);
    }
    // The child is reaped by `wait4` below, which also gives its usage.
    #[allow(clippy::zombie_processes)]
    let mut child = command.spawn().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    let mut stderr = child.stderr.take().expect("piped");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut stderr, &mut s);
        s
    });
    let mut status = 0;
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: the pid is our own unwaited child; status and usage are ours.
    let pid = unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
    let wall = start.elapsed().as_secs_f64();
    let stderr = reader.join().unwrap_or_default();
    assert!(
        pid > 0 && libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "{cmd:?} failed:\n{stderr}"
    );
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    Cost {
        wall,
        cpu: secs(usage.ru_utime) + secs(usage.ru_stime),
        rss_kib: usage.ru_maxrss as u64,
    }
}

/// Files, folders and bytes below `dir`.
fn footprint(dir: &Path) -> (usize, usize, u64) {
    let (mut files, mut dirs, mut bytes) = (0, 0, 0);
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let Ok(t) = e.file_type() else { continue };
            if t.is_dir() {
                dirs += 1;
                stack.push(e.path());
            } else {
                files += 1;
                bytes += e.metadata().map_or(0, |m| m.len());
            }
        }
    }
    (files, dirs, bytes)
}

/// HTML pages below `dir`, leaving out the search bundle's folder.
fn html_pages(dir: &Path) -> usize {
    walk(dir)
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .filter(|p| !p.components().any(|c| c.as_os_str() == "pagefind"))
        .count()
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                stack.push(e.path());
            } else {
                out.push(e.path());
            }
        }
    }
    out
}

fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "?".into())
}

fn fs_type(dir: &Path) -> String {
    Command::new("stat")
        .args(["-f", "-c", "%T"])
        .arg(dir)
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "?".into())
}

fn sync() {
    let _ = Command::new("sync").status();
}

/// A command line and its environment.
type Step = (Vec<OsString>, Vec<(&'static str, &'static str)>);

/// One tool of a block: a name, the commands it runs in sequence (with
/// their environment), and the output folder it writes.
struct Tool {
    name: &'static str,
    steps: Vec<Step>,
    out: PathBuf,
    /// Keep the output between runs (the incremental rebuild).
    keep: bool,
    /// Run before every timed run, untimed.
    prepare: Option<Box<dyn Fn()>>,
}

fn os(parts: &[&dyn AsRef<std::ffi::OsStr>]) -> Vec<OsString> {
    parts.iter().map(|p| p.as_ref().to_os_string()).collect()
}

fn median(v: &[f64]) -> f64 {
    let mut v = v.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

fn min_max(v: &[f64]) -> (f64, f64) {
    (
        v.iter().copied().fold(f64::INFINITY, f64::min),
        v.iter().copied().fold(f64::NEG_INFINITY, f64::max),
    )
}

/// Runs `tools` in `rounds` rotating rounds and prints their table.
fn block(label: &str, tools: &[Tool], rounds: usize, pairs: &[(&str, &str)]) {
    let load_start = loadavg();
    let mut costs: Vec<Vec<Cost>> = vec![Vec::new(); tools.len()];
    for r in 0..rounds {
        for k in 0..tools.len() {
            let i = (k + r) % tools.len();
            let t = &tools[i];
            if !t.keep {
                let _ = std::fs::remove_dir_all(&t.out);
            }
            if let Some(p) = &t.prepare {
                p();
            }
            sync();
            let mut total = Cost::default();
            for (cmd, env) in &t.steps {
                let c = run(cmd, env);
                total.wall += c.wall;
                total.cpu += c.cpu;
                total.rss_kib = total.rss_kib.max(c.rss_kib);
            }
            costs[i].push(total);
        }
    }
    let fs = tools.first().map(|t| fs_type(&t.out)).unwrap_or_default();
    println!(
        "\n### {label}\n\noutput on {fs}; {rounds} rounds; load average (1, 5, 15 min) {load_start} at the start, {} at the end\n",
        loadavg()
    );
    println!(
        "| tool | HTML pages | wall, median (min–max) | CPU, median | peak memory, median | files | folders | bytes |"
    );
    println!("|---|---:|---|---:|---:|---:|---:|---:|");
    for (t, c) in tools.iter().zip(&costs) {
        let wall: Vec<f64> = c.iter().map(|c| c.wall).collect();
        let cpu: Vec<f64> = c.iter().map(|c| c.cpu).collect();
        let rss: Vec<f64> = c.iter().map(|c| c.rss_kib as f64).collect();
        let (lo, hi) = min_max(&wall);
        let (files, dirs, bytes) = footprint(&t.out);
        println!(
            "| {} | {} | {:.2} s ({:.2}–{:.2}) | {:.2} s | {:.0} MiB | {files} | {dirs} | {:.1} MB |",
            t.name,
            html_pages(&t.out),
            median(&wall),
            lo,
            hi,
            median(&cpu),
            median(&rss) / 1024.0,
            bytes as f64 / 1e6
        );
    }
    println!();
    for (a, b) in pairs {
        let (Some(ia), Some(ib)) = (
            tools.iter().position(|t| t.name == *a),
            tools.iter().position(|t| t.name == *b),
        ) else {
            continue;
        };
        let ratios: Vec<f64> = costs[ia]
            .iter()
            .zip(&costs[ib])
            .map(|(x, y)| x.wall / y.wall)
            .collect();
        let (lo, hi) = min_max(&ratios);
        println!(
            "- {a} / {b}: **{:.2}×** (per round {:.2}–{:.2})",
            median(&ratios),
            lo,
            hi
        );
    }
}

fn env_list(name: &str, default: &[&str]) -> Vec<String> {
    std::env::var(name)
        .ok()
        .map(|v| {
            v.split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        })
        .unwrap_or_else(|| default.iter().map(|s| s.to_string()).collect())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let only_sample = args.iter().any(|a| a == "sample");
    let quick = std::env::var_os("KONZEPT_BENCH_QUICK").is_some();
    let konzept = env!("CARGO_BIN_EXE_konzept");
    let base = std::env::temp_dir().join("konzept-bench");
    std::fs::create_dir_all(&base).unwrap();
    println!(
        "konzept build benchmark; {} cores; load average {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        loadavg()
    );
    let hugo_ok = Command::new("hugo").arg("version").output().is_ok();
    let pagefind = std::env::var_os("KONZEPT_PAGEFIND")
        .map(PathBuf::from)
        .filter(|p| p.is_file());
    if let Ok(o) = Command::new("hugo").arg("version").output() {
        print!("{}", String::from_utf8_lossy(&o.stdout));
    }
    if let Some(pf) = &pagefind
        && let Ok(o) = Command::new(pf).arg("--version").output()
    {
        print!("{}", String::from_utf8_lossy(&o.stdout));
    }
    // The sample's site.
    {
        let out = base.join("sample-out");
        let repo = env!("CARGO_MANIFEST_DIR");
        let tools = vec![Tool {
            name: "konzept, the sample",
            steps: vec![(
                os(&[
                    &konzept,
                    &"build",
                    &"--no-pdf",
                    &"--force",
                    &"--root",
                    &repo,
                    &"--out",
                    &out,
                ]),
                vec![],
            )],
            out,
            keep: false,
            prepare: None,
        }];
        block("the sample's site (--no-pdf)", &tools, 5, &[]);
    }
    if only_sample {
        return;
    }
    let sizes: Vec<usize> = env_list(
        "KONZEPT_BENCH_SIZES",
        if quick { &["1000"] } else { &["1000", "10000"] },
    )
    .iter()
    .filter_map(|s| s.parse().ok())
    .collect();
    let fss = env_list("KONZEPT_BENCH_FS", &["disk", "tmpfs"]);
    let corpora = env_list("KONZEPT_BENCH_CORPORA", &["chapters", "records"]);
    let runs: Option<usize> = std::env::var("KONZEPT_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok());
    for &n in &sizes {
        for corpus in &corpora {
            let c = match corpus.as_str() {
                "records" => Corpus {
                    name: "records",
                    chapters: n,
                    per_field: 50,
                    measures: 5_000,
                },
                _ => Corpus {
                    name: "chapters",
                    chapters: n,
                    per_field: 2,
                    measures: 24,
                },
            };
            let src = base.join(format!("{}-{n}", c.name));
            generate(&src, c);
            for fs in &fss {
                let outs = match fs.as_str() {
                    "tmpfs" if Path::new("/dev/shm").is_dir() => {
                        PathBuf::from("/dev/shm/konzept-bench")
                    }
                    "tmpfs" => continue,
                    _ => base.join("out"),
                };
                std::fs::create_dir_all(&outs).unwrap();
                let rounds = runs.unwrap_or(if quick || n >= 10_000 { 3 } else { 5 });
                let tools = tools(konzept, &src, &outs, hugo_ok, pagefind.as_deref());
                block(
                    &format!(
                        "{n} chapters, corpus `{}` ({} measures, {} recommendations)",
                        c.name,
                        c.measures,
                        6 * c.per_field
                    ),
                    &tools,
                    rounds,
                    &[
                        ("konzept", "Hugo + Pagefind"),
                        ("konzept, no index", "Hugo"),
                        ("konzept, one chapter changed", "konzept"),
                        ("konzept", "konzept (base)"),
                    ],
                );
                let _ = std::fs::remove_dir_all(&outs);
            }
        }
    }
}

/// The tools of one block: konzept with and without the search index,
/// konzept's rebuild after one changed chapter, Hugo, Hugo + Pagefind.
fn tools(
    konzept: &'static str,
    src: &Path,
    outs: &Path,
    hugo_ok: bool,
    pagefind: Option<&Path>,
) -> Vec<Tool> {
    let root = src.join("konzept");
    let hsrc = src.join("hugo");
    let kbuild = |out: &Path| {
        os(&[
            &konzept,
            &"build",
            &"--no-pdf",
            &"--force",
            &"--root",
            &root,
            &"--out",
            &out,
        ])
    };
    let mut v = vec![
        Tool {
            name: "konzept",
            steps: vec![(kbuild(&outs.join("konzept")), vec![])],
            out: outs.join("konzept"),
            keep: false,
            prepare: None,
        },
        Tool {
            name: "konzept, no index",
            steps: vec![(
                kbuild(&outs.join("konzept-noindex")),
                vec![("KONZEPT_NO_SEARCH_INDEX", "1")],
            )],
            out: outs.join("konzept-noindex"),
            keep: false,
            prepare: None,
        },
    ];
    // A rebuild into a finished output after one chapter's text changed
    // (a different word each round, so every round has work to do).
    let chapter = root.join("content/001-teil-1/002-kapitel-1.md");
    let original = std::fs::read_to_string(&chapter).unwrap();
    let out = outs.join("konzept-rebuild");
    let _ = std::fs::remove_dir_all(&out);
    let round = std::cell::Cell::new(0usize);
    let first = kbuild(&out);
    v.push(Tool {
        name: "konzept, one chapter changed",
        steps: vec![(kbuild(&out), vec![])],
        out: out.clone(),
        keep: true,
        prepare: Some(Box::new(move || {
            if !out.exists() {
                // The full build this rebuild follows, untimed.
                run(&first, &[]);
            }
            round.set(round.get() + 1);
            std::fs::write(
                &chapter,
                format!("{original}\nGeändert in Runde {}.\n", round.get()),
            )
            .unwrap();
        })),
    });
    if let Some(base) = std::env::var_os("KONZEPT_BENCH_BASE") {
        let out = outs.join("konzept-base");
        v.push(Tool {
            name: "konzept (base)",
            steps: vec![(
                os(&[
                    &base,
                    &"build",
                    &"--no-pdf",
                    &"--force",
                    &"--root",
                    &root,
                    &"--out",
                    &out,
                ]),
                vec![],
            )],
            out,
            keep: false,
            prepare: None,
        });
    }
    if hugo_ok {
        let hugo = |out: &Path| os(&[&"hugo", &"--quiet", &"-s", &hsrc, &"-d", &out]);
        v.push(Tool {
            name: "Hugo",
            steps: vec![(hugo(&outs.join("hugo")), vec![])],
            out: outs.join("hugo"),
            keep: false,
            prepare: None,
        });
        if let Some(pf) = pagefind {
            let out = outs.join("hugo-pagefind");
            v.push(Tool {
                name: "Hugo + Pagefind",
                steps: vec![
                    (hugo(&out), vec![]),
                    (
                        os(&[
                            &pf,
                            &"--site",
                            &out,
                            &"--force-language",
                            &"de",
                            &"--silent",
                        ]),
                        vec![],
                    ),
                ],
                out,
                keep: false,
                prepare: None,
            });
        }
    }
    v
}
