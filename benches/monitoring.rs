//! The monitoring benchmark: generates a project with 50 indicators, each
//! with values for the district and 13 municipalities over 10 years, loads
//! it once, then times the chart generation of a site build: for every
//! indicator the table, the trend in words, the main chart and one small
//! chart per municipality (700 line charts), plus the implementation-status
//! charts. Runs on one thread (the site spreads the indicators over all
//! cores). Prints the fastest and the median of 20 runs; exits non-zero
//! when the median exceeds the budget of 100 ms.
//!
//! Run with `cargo bench --bench monitoring`.

use konzept::diag::Diagnostics;
use konzept::project::Project;
use konzept::strings::Strings;
use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

const INDICATORS: usize = 50;
const MUNICIPALITIES: usize = 13;
const YEARS: i32 = 10;
const FIRST_YEAR: i32 = 2016;
const RUNS: usize = 20;
const BUDGET: Duration = Duration::from_millis(100);

/// A tiny deterministic generator, so every run measures the same data.
struct Lcg(u64);
impl Lcg {
    fn unit(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

/// A complete small project with the monitoring data described above.
fn generate(root: &Path) {
    write(
        root,
        "book.toml",
        &format!(
            "title = \"Benchmark\"\nsubtitle = \"Monitoring\"\npublisher = \"Testkreis\"\nlanguage = \"de\"\n\
             edition = \"Test\"\ndate = \"2025-02-17\"\nbase_url = \"/\"\noutput = \"public\"\ntheme = \"default\"\n\
             description = \"Benchmark\"\n\n[accessibility]\nreviewed = \"2026-10-01\"\ncontact_email = \"a@example.org\"\n\n\
             [monitoring]\nfirst_year = {FIRST_YEAR}\nlast_year = {}\n",
            FIRST_YEAR + YEARS - 1
        ),
    );
    write(
        root,
        "content/01-einleitung.md",
        "---\ntitle: Einleitung\nsummary: Kurz.\n---\n\nText.\n",
    );
    let fields = ["sprache-bildung", "arbeit-wirtschaft", "wohnen-mobilitaet"];
    let mut hf = String::new();
    for (n, id) in fields.iter().enumerate() {
        let _ = writeln!(
            hf,
            "- id: {id}\n  nummer: {}\n  titel: Feld {}\n  kuerzel: F{}\n",
            n + 1,
            n + 1,
            n + 1
        );
    }
    write(root, "data/handlungsfelder.yaml", &hf);
    write(root, "data/zielgruppen.yaml", "- id: alle\n  titel: Alle\n");
    let mut emp = String::new();
    for (n, field) in fields.iter().enumerate() {
        let _ = writeln!(
            emp,
            "- id: F{}-1\n  handlungsfeld: {field}\n  titel: Empfehlung\n  text: Text.\n  ebene: beide\n",
            n + 1
        );
    }
    write(root, "data/empfehlungen.yaml", &emp);
    let slugs: Vec<String> = (1..=MUNICIPALITIES)
        .map(|i| format!("kommune-{i:02}"))
        .collect();
    for (i, slug) in slugs.iter().enumerate() {
        write(
            root,
            &format!("data/kommunen/{slug}.yaml"),
            &format!(
                "name: Kommune {:02}\nart: Gemeinde\neinwohner:\n  anzahl: {}\n  stand: 2024-01-01\n  quelle: Test\n\
                 kontakt:\n  rolle: Integrationsbeauftragte\n  stelle: Rathaus\n",
                i + 1,
                1000 * (i + 1)
            ),
        );
    }
    let statuses = ["geplant", "laufend", "umgesetzt", "zurückgestellt"];
    let mut ms = String::new();
    for n in 0..120 {
        let status = statuses[n % 4];
        let lines = [
            format!("- id: M-{n:03}"),
            format!("  titel: Maßnahme {n}"),
            format!("  empfehlung: F{}-1", n % fields.len() + 1),
            format!("  kommunen: [{}]", slugs[n % MUNICIPALITIES]),
            "  zustaendig: Kreis".into(),
            "  zeitraum: { von: 2024-01 }".into(),
            format!("  status: {status}"),
            "  verlauf:".into(),
            format!("    - {{ datum: 2024-0{}-01, status: geplant }}", n % 9 + 1),
            format!(
                "    - {{ datum: 2025-0{}-01, status: {status} }}",
                n % 9 + 1
            ),
        ];
        let _ = writeln!(ms, "{}\n", lines.join("\n"));
    }
    write(root, "data/massnahmen.yaml", &ms);
    let mut ind = String::new();
    let mut rng = Lcg(7);
    for k in 0..INDICATORS {
        let richtung = if k % 2 == 0 { "steigend" } else { "fallend" };
        let _ = writeln!(ind, "- id: kennzahl-{k:02}");
        let _ = writeln!(ind, "  titel: Kennzahl {k}");
        let _ = writeln!(ind, "  einheit: Prozent der Bevölkerung");
        let _ = writeln!(ind, "  handlungsfeld: {}", fields[k % fields.len()]);
        let _ = writeln!(ind, "  richtung: {richtung}");
        let _ = writeln!(ind, "  quelle: Test\n");
        let mut csv = String::from("jahr,gebiet,wert\n");
        let base = 10.0 + 80.0 * rng.unit();
        for y in 0..YEARS {
            for area in std::iter::once("kreis".to_string()).chain(slugs.iter().cloned()) {
                let v = base + 5.0 * rng.unit() + y as f64 * 0.4;
                let _ = writeln!(csv, "{},{area},{v:.1}", FIRST_YEAR + y);
            }
        }
        write(root, &format!("data/monitoring/kennzahl-{k:02}.csv"), &csv);
    }
    write(root, "data/indikatoren.yaml", &ind);
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    generate(dir.path());
    let mut diags = Diagnostics::default();
    let project = Project::load(dir.path(), &mut diags);
    let errors: Vec<String> = diags.iter().map(konzept::diag::render_short).collect();
    let p =
        project.unwrap_or_else(|| panic!("the generated project loads:\n{}", errors.join("\n")));
    assert_eq!(p.data.indikatoren.len(), INDICATORS);
    let strings = Strings::parse(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/strings/de.toml"),
        )
        .unwrap(),
    )
    .unwrap();
    let d = &p.data;
    let mut times = Vec::with_capacity(RUNS);
    let mut bytes = 0;
    let mut charts = 0;
    for _ in 0..RUNS {
        let t0 = Instant::now();
        let (mut b, mut c) = (0, 0);
        for i in &d.indikatoren {
            let x = konzept::monitoring::indicator(d, i, &strings, true);
            b += x.chart.svg.len() + x.comparisons.iter().map(|c| c.svg.len()).sum::<usize>();
            c += 1 + x.comparisons.len();
        }
        let status =
            konzept::monitoring::status_by_field(d, &strings, "s", "Stand", |_| true, false);
        let history = konzept::monitoring::status_over_time(d, &strings, "v");
        b += status.map_or(0, |s| s.chart.svg.len()) + history.map_or(0, |s| s.chart.svg.len());
        times.push(t0.elapsed());
        (bytes, charts) = (b, c + 2);
    }
    times.sort();
    let median = times[RUNS / 2];
    println!(
        "monitoring: {INDICATORS} indicators × {} areas × {YEARS} years: {charts} charts, {} kB SVG",
        MUNICIPALITIES + 1,
        bytes / 1000
    );
    println!(
        "monitoring: fastest {:.1} ms, median {:.1} ms of {RUNS} runs (budget {} ms)",
        times[0].as_secs_f64() * 1000.0,
        median.as_secs_f64() * 1000.0,
        BUDGET.as_millis()
    );
    if median > BUDGET {
        eprintln!("monitoring: over budget");
        std::process::exit(1);
    }
}
