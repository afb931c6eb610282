//! An editor's files can never run code, reach outside the project or hang
//! the build (issue 10): hostile ids, settings and symbolic links, a typst
//! that never finishes, interrupted and concurrent builds. Each test drives
//! the real binary on a copy of a fixture and asserts on what it printed,
//! what it wrote (and did not write), and which processes are left.

use crate::fixture::{Project, Run, konzept};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const MINIMAL: &str = "build/minimal";
const PRINT: &str = "print/basic";

/// 177 bytes that keep typst 0.15.1 busy for hours: a morphology filter
/// with a radius of 1000 on a 2000×2000 area.
pub const HANG_SVG: &str = r#"<svg xmlns="http://www.w3.org/2000/svg" width="2000" height="2000"><filter id="f"><feMorphology radius="1000"/></filter><rect width="2000" height="2000" filter="url(#f)"/></svg>"#;

fn edit(p: &Project, rel: &str, from: &str, to: &str) {
    let text = p.read(rel);
    assert!(text.contains(from), "{rel} has no `{from}`");
    p.write(rel, &text.replacen(from, to, 1));
}

/// Names in `dir` that konzept's staging leaves behind (the lock files stay).
fn litter(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".konzept") && !n.ends_with(".lock"))
        .collect();
    out.sort();
    out
}

/// The typst processes whose command line mentions `needle` (the project's
/// folder: typst runs with `--root` in a folder inside it).
pub fn typst_processes(needle: &Path) -> Vec<(i32, String)> {
    let needle = needle.to_string_lossy().into_owned();
    let mut out = Vec::new();
    for e in std::fs::read_dir("/proc").unwrap().filter_map(Result::ok) {
        let Ok(pid) = e.file_name().to_string_lossy().parse::<i32>() else {
            continue;
        };
        let Ok(raw) = std::fs::read(e.path().join("cmdline")) else {
            continue;
        };
        let args: Vec<String> = raw
            .split(|b| *b == 0)
            .map(|a| String::from_utf8_lossy(a).into_owned())
            .collect();
        let is_typst = args.first().is_some_and(|a| a.ends_with("typst"));
        if is_typst && args.iter().any(|a| a.contains(&needle)) {
            out.push((pid, args.join(" ")));
        }
    }
    out
}

/// Waits until `ok` holds, at most `limit`.
fn wait_until(limit: Duration, what: &str, mut ok: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ok() {
        assert!(start.elapsed() < limit, "{what}: not within {limit:?}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The print fixture with the hanging SVG as a figure in its first chapter.
fn hanging_project() -> Project {
    let p = Project::fixture(PRINT);
    p.write("content/bilder/haenger.svg", HANG_SVG);
    let text = p.read("content/04-ausblick.md");
    p.write(
        "content/04-ausblick.md",
        &format!("{text}\n![Ein Bild, an dem typst hängen bleibt](bilder/haenger.svg)\n"),
    );
    p
}

fn spawn(p: &Project, args: &[&str]) -> Child {
    konzept()
        .args(args)
        .current_dir(p.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Waits for a child with a bound; kills it when the bound passes.
fn finish(mut child: Child, limit: Duration) -> Run {
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("konzept did not end within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Run::from(child.wait_with_output().unwrap())
}

/// Sends `signal` to the process `pid`.
fn signal(pid: u32, signal: i32) {
    // SAFETY: kill(2) only sends a signal.
    assert_eq!(unsafe { libc::kill(pid as i32, signal) }, 0);
}

// Item 4: ids are names, compared without regard to case, and no path
// leaves the output folder.

#[test]
fn an_id_that_is_a_path_is_refused_and_nothing_is_written_outside() {
    let p = Project::fixture(MINIMAL);
    edit(
        &p,
        "data/massnahmen.yaml",
        "- id: M-001",
        "- id: \"../../../ESCAPED\"",
    );
    edit(
        &p,
        "content/02-ausblick.md",
        "## Ziele",
        "Siehe [M](massnahme:../../../ESCAPED).\n\n## Ziele",
    );
    let escaped = p.path().parent().unwrap().join("escaped");
    let _ = std::fs::remove_dir_all(&escaped);
    let r = p.run(&["build", "--no-pdf", "--diagnostic-format", "short"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "data/massnahmen.yaml:1:7: error: the measure id `../../../ESCAPED` cannot be used in a web address"
        ),
        "{}",
        r.stderr
    );
    assert!(!escaped.exists(), "a page was written outside the project");
    assert!(!p.path().join("public").exists(), "nothing is written");
    let long = p.run(&["build", "--no-pdf"]);
    assert!(
        long.stderr.contains("only letters, digits, `-` and `_`"),
        "{}",
        long.stderr
    );
}

#[test]
fn ids_that_differ_only_in_capitals_are_one_id() {
    let p = Project::fixture(MINIMAL);
    edit(&p, "data/massnahmen.yaml", "- id: M-002", "- id: m-001");
    let r = p.run(&["build", "--no-pdf", "--diagnostic-format", "short"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "data/massnahmen.yaml:9:7: error: the measure id `m-001` is used twice: `M-001` differs only in capitals"
        ),
        "{}",
        r.stderr
    );
    let long = p.run(&["build", "--no-pdf"]);
    assert!(
        long.stderr.contains("= hint: `M-001` is on line 1;"),
        "{}",
        long.stderr
    );
}

// Item 5: book.toml never names a program.

#[cfg(unix)]
#[test]
fn book_toml_cannot_choose_the_typst_program() {
    use std::os::unix::fs::PermissionsExt;
    let p = Project::fixture(PRINT);
    let ran = p.path().join("ran");
    p.write(
        "x.sh",
        &format!("#!/bin/sh\ntouch {}\necho 'typst 0.15.1'\n", ran.display()),
    );
    std::fs::set_permissions(
        p.path().join("x.sh"),
        std::fs::Permissions::from_mode(0o755),
    )
    .unwrap();
    edit(
        &p,
        "book.toml",
        "[print]\n",
        "[print]\ntypst = \"./x.sh\"\n",
    );
    let r = p.run(&["build", "--diagnostic-format", "short"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "book.toml:21:1: error: book.toml cannot choose the typst program, found `./x.sh`"
        ),
        "{}",
        r.stderr
    );
    assert!(!ran.exists(), "the script named in book.toml ran");
    // serve starts without running it either (and serves the error).
    let mut serve = spawn(&p, &["serve", "--port", "0"]);
    std::thread::sleep(Duration::from_secs(3));
    let _ = serve.kill();
    let _ = serve.wait();
    assert!(!ran.exists(), "serve ran the script named in book.toml");
}

#[cfg(unix)]
#[test]
fn typst_named_on_the_command_line_must_be_the_pinned_version() {
    use std::os::unix::fs::PermissionsExt;
    let p = Project::fixture(PRINT);
    let fake = p.path().join("alt-typst");
    std::fs::write(&fake, "#!/bin/sh\necho 'typst 0.15.0 (abc)'\n").unwrap();
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
    let r = p.run(&["build", "--typst", fake.to_str().unwrap()]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains(&format!(
            "--typst `{}` reports `typst 0.15.0 (abc)`, not typst 0.15.1",
            fake.display()
        )),
        "{}",
        r.stderr
    );
}

// Item 6: reads stay inside the project.

#[cfg(unix)]
#[test]
fn files_that_lead_outside_the_project_are_findings_not_published() {
    let p = Project::fixture(MINIMAL);
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("geheim.yaml");
    std::fs::write(
        &secret,
        p.read("data/kommunen/nordstadt.yaml")
            .replace("Nordstadt", "Geheimstadt"),
    )
    .unwrap();
    std::fs::write(
        outside.path().join("kapitel.md"),
        "---\ntitle: Geheim\n---\nGEHEIMNIS\n",
    )
    .unwrap();
    std::fs::write(outside.path().join("x.css"), "body{}/*GEHEIMNIS*/").unwrap();
    let link = |target: &Path, rel: &str| {
        let at = p.path().join(rel);
        std::fs::create_dir_all(at.parent().unwrap()).unwrap();
        std::os::unix::fs::symlink(target, at).unwrap();
    };
    link(&secret, "data/kommunen/zz.yaml");
    link(&outside.path().join("kapitel.md"), "content/05-geheim.md");
    link(
        &outside.path().join("x.css"),
        "themes/default/static/geheim.css",
    );
    let r = p.run(&["build", "--no-pdf", "--diagnostic-format", "short"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    for rel in [
        "data/kommunen/zz.yaml",
        "content/05-geheim.md",
        "themes/default/static/geheim.css",
    ] {
        assert!(
            r.stderr
                .contains(&format!("{rel}: error: `{rel}` leads outside the project")),
            "no finding at {rel}:\n{}",
            r.stderr
        );
    }
    assert!(!p.path().join("public").exists(), "nothing is written");
    // `check` reports the same and reads nothing from the targets either.
    let c = p.run(&["check", "--format", "short"]);
    assert_eq!(c.code, 1);
    assert!(
        c.stderr.contains("data/kommunen/zz.yaml: error:"),
        "{}",
        c.stderr
    );
    assert!(!c.stderr.contains("Geheimstadt") && !c.stderr.contains("GEHEIMNIS"));
    // book.toml itself.
    std::fs::rename(p.path().join("book.toml"), outside.path().join("book.toml")).unwrap();
    link(&outside.path().join("book.toml"), "book.toml");
    let r = p.run(&["build", "--no-pdf", "--diagnostic-format", "short"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("book.toml: error: `book.toml` leads outside the project"),
        "{}",
        r.stderr
    );
}

#[cfg(unix)]
#[test]
fn links_inside_the_project_are_followed() {
    let p = Project::fixture(MINIMAL);
    std::fs::create_dir_all(p.path().join("extern")).unwrap();
    std::fs::rename(
        p.path().join("data/kommunen/nordstadt.yaml"),
        p.path().join("extern/nordstadt.yaml"),
    )
    .unwrap();
    std::os::unix::fs::symlink(
        "../../extern/nordstadt.yaml",
        p.path().join("data/kommunen/nordstadt.yaml"),
    )
    .unwrap();
    p.run(&["build", "--no-pdf"]).ok();
    assert!(
        p.read("public/kommunen/nordstadt/index.html")
            .contains("Nordstadt")
    );
}

#[test]
fn a_theme_is_a_name_not_a_path() {
    for (theme, col) in [("/etc", 7), ("../../x", 7)] {
        let p = Project::fixture(MINIMAL);
        edit(
            &p,
            "book.toml",
            "theme = \"default\"",
            &format!("theme = \"{theme}\""),
        );
        let r = p.run(&["build", "--no-pdf", "--diagnostic-format", "short"]);
        assert_eq!(r.code, 1, "{}", r.stderr);
        assert!(
            r.stderr.contains(&format!(
                "book.toml:10:{}: error: `theme` must be the name of a theme, found `{theme}`",
                col - 6
            )),
            "{}",
            r.stderr
        );
    }
}

// Item 7: the print folder is checked like the site's.

#[test]
fn a_print_folder_outside_the_project_is_refused() {
    for out in ["/tmp/konzept-druck-outside", "../druck"] {
        let p = Project::fixture(PRINT);
        edit(
            &p,
            "book.toml",
            "output = \"druck\"",
            &format!("output = \"{out}\""),
        );
        let r = p.run(&["build", "--no-pdf", "--diagnostic-format", "short"]);
        assert_eq!(r.code, 1, "{}", r.stderr);
        assert!(
            r.stderr.contains(&format!(
                "book.toml:21:1: error: `[print] output` must be a folder inside the project, found `{out}`"
            )),
            "{}",
            r.stderr
        );
    }
    // The command line is the operator's and stays trusted.
    let p = Project::fixture(PRINT);
    let elsewhere = tempfile::tempdir().unwrap();
    let r = p.run(&[
        "build",
        "--no-pdf",
        "--print-out",
        elsewhere.path().join("druck").to_str().unwrap(),
    ]);
    r.ok();
}

// Item 8: typst has a time limit and never outlives konzept.

#[test]
fn a_hanging_typst_is_stopped_at_the_limit_and_named() {
    let p = hanging_project();
    let start = Instant::now();
    let child = spawn(
        &p,
        &[
            "build",
            "--typst-timeout",
            "5",
            "--diagnostic-format",
            "short",
        ],
    );
    let r = finish(child, Duration::from_secs(120));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        start.elapsed() < Duration::from_secs(100),
        "took {:?}",
        start.elapsed()
    );
    assert!(
        r.stderr
            .contains("error: typst (Langfassung): ran out of time: typst was stopped after 5 s"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("content/04-ausblick.md:")
            && r.stderr
                .contains("typst was making the PDF with this SVG image"),
        "the image is named:\n{}",
        r.stderr
    );
    assert!(
        !r.stderr
            .contains("content/01-einleitung.md:45:1: warning: typst"),
        "an SVG without filters is not blamed:\n{}",
        r.stderr
    );
    assert_eq!(typst_processes(p.path()), [], "typst survived");
    assert_eq!(litter(p.path()), Vec::<String>::new());
}

#[test]
fn typst_dies_with_a_killed_konzept() {
    let p = hanging_project();
    let child = spawn(&p, &["build", "--typst-timeout", "600"]);
    let pid = child.id();
    wait_until(Duration::from_secs(120), "typst starts", || {
        !typst_processes(p.path()).is_empty()
    });
    signal(pid, libc::SIGKILL);
    let _ = finish(child, Duration::from_secs(10));
    wait_until(Duration::from_secs(5), "typst ends with konzept", || {
        typst_processes(p.path()).is_empty()
    });
    // What the killed run left, the next one removes.
    assert_ne!(litter(p.path()), Vec::<String>::new());
    std::fs::write(
        p.path().join("content/bilder/haenger.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"20\" height=\"20\"/>",
    )
    .unwrap();
    p.run(&["build"]).ok();
    assert_eq!(litter(p.path()), Vec::<String>::new());
}

// Item 10: interrupted, concurrent and half-failed swaps.

#[test]
fn ctrl_c_stops_typst_and_leaves_no_staging_folder() {
    let p = hanging_project();
    let child = spawn(&p, &["build", "--typst-timeout", "600"]);
    wait_until(Duration::from_secs(120), "typst starts", || {
        !typst_processes(p.path()).is_empty()
    });
    assert_ne!(
        litter(p.path()),
        Vec::<String>::new(),
        "the build is staging"
    );
    signal(child.id(), libc::SIGINT);
    let r = finish(child, Duration::from_secs(10));
    assert_eq!(r.code, 130, "{}", r.stderr);
    assert_eq!(typst_processes(p.path()), [], "typst survived Ctrl-C");
    assert_eq!(litter(p.path()), Vec::<String>::new());
    assert!(!p.path().join("public").exists() && !p.path().join("druck").exists());
}

#[test]
fn two_builds_into_one_folder_both_succeed() {
    let p = Project::fixture(MINIMAL);
    for _ in 0..3 {
        let a = spawn(&p, &["build", "--no-pdf"]);
        let b = spawn(&p, &["build", "--no-pdf"]);
        let (a, b) = (
            finish(a, Duration::from_secs(120)),
            finish(b, Duration::from_secs(120)),
        );
        a.ok();
        b.ok();
    }
    assert!(
        p.read("public/index.html")
            .contains("Ankommen im Testkreis")
    );
    assert_eq!(litter(p.path()), Vec::<String>::new());
}

/// Makes `dir` impossible to remove while it lives (as root, with the
/// immutable flag on a file in it; otherwise by taking its write permission).
/// konzept moves the folder; the guard finds it again under `project`.
struct Undeletable {
    project: PathBuf,
    root: bool,
}

const STUCK: &str = "gesperrt.txt";

impl Undeletable {
    fn new(project: &Path, dir: &Path) -> Undeletable {
        let file = dir.join(STUCK);
        std::fs::write(&file, "x").unwrap();
        // SAFETY: geteuid has no preconditions.
        let root = unsafe { libc::geteuid() } == 0;
        let ok = if root {
            Command::new("chattr")
                .arg("+i")
                .arg(&file)
                .status()
                .is_ok_and(|s| s.success())
        } else {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).is_ok()
        };
        assert!(ok, "cannot make {} undeletable", dir.display());
        Undeletable {
            project: project.to_path_buf(),
            root,
        }
    }
}

impl Drop for Undeletable {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        for e in walkdir::WalkDir::new(&self.project).into_iter().flatten() {
            if e.file_name() != STUCK {
                continue;
            }
            if self.root {
                let _ = Command::new("chattr").arg("-i").arg(e.path()).status();
            } else if let Some(dir) = e.path().parent() {
                let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755));
            }
        }
    }
}

#[test]
fn an_old_output_that_cannot_be_removed_is_a_warning_and_retried() {
    let p = Project::fixture(MINIMAL);
    p.run(&["build", "--no-pdf"]).ok();
    let lock = Undeletable::new(p.path(), &p.path().join("public/kapitel"));
    for warning in [
        "warning: cannot remove the previous output",
        "left by an earlier run",
    ] {
        let r = p.run(&["build", "--no-pdf"]);
        r.ok();
        assert!(r.stderr.contains(warning), "{}", r.stderr);
        assert!(
            p.read("public/index.html")
                .contains("Ankommen im Testkreis")
        );
    }
    let stuck = litter(p.path());
    assert!(!stuck.is_empty(), "the old outputs are still there");
    drop(lock);
    let r = p.run(&["build", "--no-pdf"]);
    r.ok();
    assert_eq!(litter(p.path()), Vec::<String>::new(), "{}", r.stderr);
}

#[cfg(unix)]
#[test]
fn an_image_that_leads_outside_is_a_finding_at_its_reference() {
    let p = Project::fixture(MINIMAL);
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("x.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    )
    .unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("x.svg"),
        p.path().join("content/bilder/geheim.svg"),
    )
    .unwrap();
    let text = p.read("content/02-ausblick.md");
    p.write(
        "content/02-ausblick.md",
        &format!("{text}\n![Ein geheimes Bild](bilder/geheim.svg)\n"),
    );
    let lines = text.lines().count() + 2;
    let r = p.run(&["build", "--no-pdf", "--diagnostic-format", "short"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains(&format!(
            "content/02-ausblick.md:{lines}:1: error: `content/bilder/geheim.svg` leads outside the project"
        )),
        "{}",
        r.stderr
    );
}
