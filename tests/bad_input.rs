//! The bad-input matrix (issue 6): every kind of bad input gives a clear diagnostic that names the
//! file (and the place, for TOML), the rest of the run is still checked, and the exit status is the
//! documented one — 0 clean, 1 error findings, 2 the run failed or an input could not be read.
//!
//! Each case runs the binary in its own temporary folder (so no `crosscheck.toml` is discovered) on
//! the bad input next to a clean article, with `--format json`, and checks `summary.documents`.
//!
//! Sizes are kept small enough for the whole file to run in well under 20 s in a debug build: the
//! single-line case is 10 MB of filler around a real article plus a 1 MB line of real prose; the
//! 100 MB case and the time-versus-size curves are measured in `BENCHMARKS.md`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::cargo::CommandCargoExt;
use serde_json::Value;

/// A clean article: one office claim, no finding on its own.
const GOOD: &str = "Le ministre ivoirien de la Défense, Koffi Yao, est arrivé à Abidjan.\n";

/// A real article of the demo corpus, with every line break turned into a space.
fn real_prose() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(root.join("corpus/001_c746bc23158ffdc4.txt"))
        .expect("demo article")
        .replace(['\n', '\r'], " ")
}

fn crosscheck(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("crosscheck").expect("binary built");
    c.env("NO_COLOR", "1").current_dir(dir);
    c
}

/// One finished run.
struct Run {
    code: Option<i32>,
    stdout: Vec<u8>,
    stderr: String,
    elapsed: Duration,
}

impl Run {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not the JSON report ({e}); status {:?}; stderr:\n{}",
                self.code, self.stderr
            )
        })
    }

    /// `summary.documents` of the JSON report.
    fn documents(&self) -> u64 {
        self.json()["summary"]["documents"]
            .as_u64()
            .expect("summary.documents")
    }

    fn assert_code(&self, code: i32) {
        assert_eq!(
            self.code,
            Some(code),
            "exit status; stderr:\n{}",
            self.stderr
        );
    }

    /// The diagnostic names `what` and says `says` (case-insensitive).
    fn assert_stderr(&self, what: &str, says: &str) {
        let err = self.stderr.to_lowercase();
        assert!(
            err.contains(&what.to_lowercase()) && err.contains(&says.to_lowercase()),
            "stderr should name `{what}` and say `{says}`:\n{}",
            self.stderr
        );
        assert!(!err.contains("panicked"), "a panic:\n{}", self.stderr);
    }
}

fn output(mut cmd: Command) -> Run {
    let started = Instant::now();
    let out: Output = cmd.output().expect("run crosscheck");
    Run {
        code: out.status.code(),
        stdout: out.stdout,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        elapsed: started.elapsed(),
    }
}

/// `crosscheck check --no-kb --format json PATH…` in `dir`.
fn check(dir: &Path, paths: &[&str]) -> Run {
    let mut c = crosscheck(dir);
    c.args(["check", "--no-kb", "--format", "json"]).args(paths);
    output(c)
}

/// A temporary folder holding `corpus/ok.txt`, the clean article.
fn corpus() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).expect("corpus dir");
    std::fs::write(corpus.join("ok.txt"), GOOD).expect("write ok.txt");
    (dir, corpus)
}

fn write(path: &Path, bytes: impl AsRef<[u8]>) {
    std::fs::write(path, bytes).expect("write test file");
}

// ---------------------------------------------------------------------------------------------
// Unreadable or unusable text: the file is reported and skipped, the rest is checked, exit 2.

#[test]
fn latin1_text_is_skipped_with_a_hint_and_exits_2() {
    let (dir, c) = corpus();
    write(
        &c.join("latin1.txt"),
        b"Le pr\xe9sident de la transition a parl\xe9 \xe0 Bamako.\n",
    );
    let run = check(dir.path(), &["corpus"]);
    run.assert_code(2);
    run.assert_stderr("corpus/latin1.txt", "not valid UTF-8");
    run.assert_stderr("latin1.txt", "offset 5");
    run.assert_stderr("latin1.txt", "iconv");
    assert_eq!(run.documents(), 1, "ok.txt is still checked");
}

#[test]
fn a_binary_file_is_skipped_and_exits_2() {
    let (dir, c) = corpus();
    let mut bytes = b"\x7fELF\x02\x01\x01\x00".to_vec();
    bytes.extend((0..=255u8).cycle().take(4096));
    write(&c.join("program.txt"), bytes);
    let run = check(dir.path(), &["corpus"]);
    run.assert_code(2);
    run.assert_stderr("corpus/program.txt", "binary");
    assert_eq!(run.documents(), 1);
}

// ---------------------------------------------------------------------------------------------
// Empty or metadata-only files: readable, so the run is clean (exit 0).

#[test]
fn an_empty_file_is_named_in_a_warning_and_the_run_goes_on() {
    let (dir, c) = corpus();
    write(&c.join("empty.txt"), b"");
    let run = check(dir.path(), &["corpus"]);
    run.assert_code(0);
    run.assert_stderr("corpus/empty.txt", "empty file");
    assert_eq!(run.documents(), 2, "the empty file is a document too");
}

#[test]
fn a_file_with_only_front_matter_is_named_in_a_warning_and_the_run_goes_on() {
    let (dir, c) = corpus();
    write(
        &c.join("meta.md"),
        "+++\ndate = 2024-06-12\ntitle = \"Sans texte\"\n+++\n",
    );
    let run = check(dir.path(), &["corpus"]);
    run.assert_code(0);
    run.assert_stderr("corpus/meta.md", "no text after the front matter");
    assert_eq!(run.documents(), 2);
}

// ---------------------------------------------------------------------------------------------
// Broken metadata: a warning pointing into the TOML; the document is read without it (exit 0).

#[test]
fn broken_front_matter_points_into_the_toml_and_the_body_is_still_read() {
    let (dir, c) = corpus();
    write(
        &c.join("broken.md"),
        "+++\ndate = 2024-06-12\ntitle = \"Pas fermé\noutlet = 3\n+++\n".to_string() + GOOD,
    );
    let run = check(dir.path(), &["corpus"]);
    run.assert_code(0);
    run.assert_stderr("corpus/broken.md", "front matter is not valid TOML");
    // The place: line 3 of the file (the unterminated string).
    run.assert_stderr("corpus/broken.md:3:", "read without it");
    assert_eq!(run.documents(), 2);
    let claims = run.json()["summary"]["claims"].as_u64().unwrap();
    assert!(
        claims >= 2,
        "the body of broken.md is still read: {claims} claims"
    );
}

/// Found by this matrix and fixed in af680e3: an empty TOML error span at a multi-byte char was
/// widened by one byte, into the char, and the snippet showed `\u{fffd}`.
#[test]
fn a_toml_error_at_a_multibyte_char_is_shown_whole() {
    let (dir, c) = corpus();
    write(
        &c.join("accent.md"),
        "+++\ntitle = \"x\" é\n+++\n".to_string() + GOOD,
    );
    write(&c.join("sources.toml"), "[[source]]\nfile = \"ok.txt\" é\n");
    let run = check(dir.path(), &["corpus"]);
    run.assert_code(0);
    run.assert_stderr("corpus/accent.md:2:", "front matter is not valid TOML");
    run.assert_stderr("corpus/sources.toml:2:", "manifest is not valid");
    assert_eq!(run.documents(), 2);
    assert!(
        !run.stderr.contains('\u{fffd}'),
        "a snippet cuts a char:\n{}",
        run.stderr
    );
}

#[test]
fn unclosed_front_matter_is_read_as_plain_text() {
    let (dir, c) = corpus();
    write(
        &c.join("open.md"),
        "+++\ndate = 2024-06-12\n".to_string() + GOOD,
    );
    let run = check(dir.path(), &["corpus"]);
    run.assert_code(0);
    run.assert_stderr("corpus/open.md:1:1", "never closed");
    assert_eq!(run.documents(), 2);
}

#[test]
fn a_front_matter_date_that_is_not_a_date_is_pointed_at() {
    let (dir, c) = corpus();
    write(
        &c.join("date.md"),
        "+++\ntitle = \"x\"\ndate = true\n+++\n".to_string() + GOOD,
    );
    let run = check(dir.path(), &["corpus"]);
    run.assert_code(0);
    run.assert_stderr("corpus/date.md:3:1", "is not a date");
    assert_eq!(run.documents(), 2);
}

#[test]
fn a_malformed_sources_manifest_points_into_the_toml() {
    let (dir, c) = corpus();
    write(
        &c.join("sources.toml"),
        "[[source]]\nfile = \"ok.txt\"\ndate = 2024-13-45\n",
    );
    let run = check(dir.path(), &["corpus"]);
    run.assert_code(0);
    run.assert_stderr("corpus/sources.toml:3:8", "manifest is not valid");
    assert_eq!(run.documents(), 1);
}

// ---------------------------------------------------------------------------------------------
// Pathological sizes and shapes: read in full, no hang, no panic.

#[test]
fn a_10_mb_single_line_is_read_and_positions_stay_right() {
    let (dir, c) = corpus();
    // Real prose at both ends of one 10 MB line, filler between, and a name spelt two ways at the
    // two ends: the findings point past column 65,535 and their line/column must still be right.
    let prose = real_prose();
    let minister =
        |name: &str| format!("Le ministre malien des Affaires étrangères, {name}, a parlé. ");
    let mut line = minister("Abdoulaye Diop") + &prose;
    let tail = prose.clone() + &minister("Abdoulay Diop");
    while line.len() < 10_000_000 - tail.len() {
        line.push_str("et puis encore ");
    }
    line.push_str(&tail);
    assert!(!line.contains('\n'));
    write(&c.join("long.txt"), &line);
    let run = check(dir.path(), &["corpus"]);
    run.assert_code(0);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    let v = run.json();
    assert_eq!(v["summary"]["documents"], 2);
    let mut far = 0;
    for f in v["findings"].as_array().expect("findings") {
        for e in f["evidence"].as_array().expect("evidence") {
            if e["path"] != "corpus/long.txt" {
                continue;
            }
            assert_eq!(e["line"], 1, "one line: {e}");
            let start = e["start"].as_u64().unwrap() as usize;
            let column = e["column"].as_u64().unwrap() as usize;
            assert_eq!(column, line[..start].chars().count() + 1, "column of {e}");
            far += usize::from(start > 1_000_000);
        }
    }
    assert!(far > 0, "some evidence lies at the far end of the line");
    eprintln!("10 MB single line: {:?}", run.elapsed);
}

#[test]
fn a_1_mb_line_of_real_prose_is_read() {
    let (dir, c) = corpus();
    let prose = real_prose();
    let line: String = prose.repeat(1_000_000 / prose.len() + 1);
    let cut = (0..=1_000_000)
        .rev()
        .find(|&i| line.is_char_boundary(i))
        .unwrap_or(0);
    write(&c.join("prose.txt"), &line[..cut]);
    let run = check(dir.path(), &["corpus"]);
    assert!(
        matches!(run.code, Some(0 | 1)),
        "status {:?}: {}",
        run.code,
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert_eq!(run.documents(), 2);
    eprintln!("1 MB line of prose: {:?}", run.elapsed);
}

/// Found by this matrix and fixed in af680e3: miette panicked (exit 101, "Formatting argument out
/// of range") when one diagnostic had two labels more than 65,535 columns apart on one line.
#[test]
fn the_human_format_survives_evidence_far_apart_on_one_line() {
    let (dir, c) = corpus();
    let sentence =
        |name: &str| format!("Le ministre malien des Affaires étrangères, {name}, a parlé. ");
    let mut line = sentence("Abdoulaye Diop");
    line.push_str(&"et ".repeat(25_000));
    line.push_str(&sentence("Abdoulay Diop"));
    write(&c.join("one.txt"), line + "\n");
    write(&c.join("two.txt"), sentence("Abdoulaye Diop") + "\n");
    let mut cmd = crosscheck(dir.path());
    cmd.args(["check", "--no-kb", "--width", "100", "corpus"]);
    let run = output(cmd);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    run.assert_code(0);
    let text = String::from_utf8_lossy(&run.stdout);
    assert!(text.contains("corpus/one.txt:1:"), "{text}");
    assert!(text.contains("3 documents"), "{text}");
}

#[test]
fn a_1_mb_run_without_punctuation_is_read() {
    let (dir, c) = corpus();
    let words = [
        "le",
        "président",
        "Assimi",
        "Goïta",
        "a",
        "déclaré",
        "que",
        "la",
        "charte",
        "du",
        "Liptako",
        "Gourma",
        "sera",
        "révisée",
        "selon",
        "une",
        "source",
        "à",
        "Bamako",
        "Niamey",
        "ministre",
        "général",
    ];
    let mut text = String::with_capacity(1_000_100);
    let mut k: usize = 7;
    while text.len() < 1_000_000 {
        // A fixed pseudo-random walk through the words: no sentence ever ends.
        k = (k * 1_103_515_245 + 12_345) % 2_147_483_648;
        text.push_str(words[(k >> 8) % words.len()]);
        text.push(' ');
    }
    write(&c.join("nopunct.txt"), &text);
    let run = check(dir.path(), &["corpus"]);
    assert!(
        matches!(run.code, Some(0 | 1)),
        "status {:?}: {}",
        run.code,
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert_eq!(run.documents(), 2);
    eprintln!("1 MB without punctuation: {:?}", run.elapsed);
}

#[test]
fn a_hundred_thousand_quotation_marks_are_read() {
    let (dir, c) = corpus();
    // Every kind of mark, unbalanced and balanced, no words between them.
    let marks = ['«', '»', '“', '”', '"', '„', '‹', '›'];
    let text: String = (0..100_000).map(|i| marks[i % marks.len()]).collect();
    write(&c.join("quotes.txt"), &text);
    // And 100,000 marks as 50,000 short quotations in one paragraph.
    write(&c.join("pairs.txt"), "« oui » ".repeat(50_000));
    let run = check(dir.path(), &["corpus"]);
    assert!(
        matches!(run.code, Some(0 | 1)),
        "status {:?}: {}",
        run.code,
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert_eq!(run.documents(), 3);
    eprintln!("100,000 quotation marks: {:?}", run.elapsed);
}

// ---------------------------------------------------------------------------------------------
// The file system: deep trees, loops, permissions, races, missing paths.

#[test]
fn two_hundred_nested_folders_are_walked() {
    let (dir, c) = corpus();
    let mut deep = c.clone();
    for _ in 0..200 {
        deep.push("n");
    }
    std::fs::create_dir_all(&deep).expect("deep folders");
    write(&deep.join("deep.txt"), GOOD);
    let run = check(dir.path(), &["corpus"]);
    run.assert_code(0);
    assert_eq!(run.documents(), 2, "the file 200 levels down is read");
}

#[cfg(unix)]
#[test]
fn a_tree_deeper_than_path_max_is_reported_not_fatal_to_the_rest() {
    let (dir, c) = corpus();
    // 200 levels of 30-character names: 6,200 bytes, past Linux's PATH_MAX (4,096). One long path
    // cannot be created at once, so the tree is built bottom-up with short paths only: the chain
    // is moved one level down into a fresh folder, 200 times.
    let name = "n".repeat(30);
    let chain = c.join(&name);
    std::fs::create_dir(&chain).unwrap();
    write(&chain.join("deep.txt"), GOOD);
    for _ in 1..200 {
        let fresh = c.join("fresh");
        std::fs::create_dir(&fresh).unwrap();
        std::fs::rename(&chain, fresh.join(&name)).unwrap();
        std::fs::rename(&fresh, &chain).unwrap();
    }
    let run = check(dir.path(), &["corpus"]);
    run.assert_code(2);
    run.assert_stderr("corpus/nnnn", "file name too long");
    assert_eq!(run.documents(), 1, "ok.txt is still checked");
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_reported_and_not_followed() {
    let (dir, c) = corpus();
    std::fs::create_dir(c.join("sub")).unwrap();
    std::os::unix::fs::symlink("..", c.join("sub/loop")).unwrap();
    std::os::unix::fs::symlink("self.txt", c.join("self.txt")).unwrap();
    let started = Instant::now();
    let run = check(dir.path(), &["corpus"]);
    assert!(started.elapsed() < Duration::from_secs(30), "no hang");
    run.assert_code(2);
    run.assert_stderr("corpus/sub/loop", "symbolic link loop");
    run.assert_stderr("corpus/self.txt", "self.txt");
    assert_eq!(run.documents(), 1, "ok.txt read once, not once per turn");
}

#[cfg(unix)]
#[test]
fn a_file_deleted_between_walk_and_read_is_reported() {
    // The walk finds a name whose file is gone by the time it is read: a dangling symlink is that
    // state made permanent.
    let (dir, c) = corpus();
    std::os::unix::fs::symlink("gone.txt", c.join("deleted.txt")).unwrap();
    let run = check(dir.path(), &["corpus"]);
    run.assert_code(2);
    run.assert_stderr("corpus/deleted.txt", "no such file");
    assert_eq!(run.documents(), 1);
}

/// A command that runs the binary as an unprivileged user, for the permission cases when the tests
/// run as root (where `chmod 000` denies nothing): `setpriv` to uid/gid 65534, if that works here.
#[cfg(unix)]
fn unprivileged(dir: &Path) -> Option<Command> {
    use std::os::unix::fs::PermissionsExt;
    let bin = assert_cmd::cargo::cargo_bin("crosscheck");
    let as_nobody = || {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&bin)
            .env("NO_COLOR", "1")
            .current_dir(dir);
        c
    };
    // The temporary folder is private to root: open it to others, then see that the binary runs.
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).ok()?;
    let ok = as_nobody()
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    ok.then(as_nobody)
}

/// Runs `check` on `corpus` as a user `chmod 000` applies to; `None` (with a message) if there is none.
#[cfg(unix)]
fn check_without_privilege(dir: &Path, locked: &Path) -> Option<Run> {
    let denied = if locked.is_dir() {
        std::fs::read_dir(locked).is_err()
    } else {
        std::fs::read(locked).is_err()
    };
    if denied {
        return Some(check(dir, &["corpus"]));
    }
    // Privileged (root in CI): chmod does not deny reads. Try again as nobody.
    match unprivileged(dir) {
        Some(mut cmd) => {
            cmd.args(["check", "--no-kb", "--format", "json", "corpus"]);
            Some(output(cmd))
        }
        None => {
            eprintln!(
                "skipped: running with privileges that ignore chmod 000 and cannot drop them \
                 (setpriv missing or not permitted); the permission assertion was not made"
            );
            None
        }
    }
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_reported_and_the_rest_is_checked() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, c) = corpus();
    let locked = c.join("secret.txt");
    write(&locked, GOOD);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if let Some(run) = check_without_privilege(dir.path(), &locked) {
        run.assert_code(2);
        run.assert_stderr("corpus/secret.txt", "permission denied");
        assert_eq!(run.documents(), 1);
    }
}

#[cfg(unix)]
#[test]
fn an_unreadable_folder_is_reported_and_the_rest_is_checked() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, c) = corpus();
    let locked = c.join("locked");
    std::fs::create_dir(&locked).unwrap();
    write(&locked.join("inside.txt"), GOOD);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let run = check_without_privilege(dir.path(), &locked);
    // Let the temporary folder be removed.
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    if let Some(run) = run {
        run.assert_code(2);
        run.assert_stderr("corpus/locked", "permission denied");
        assert_eq!(run.documents(), 1);
    }
}

#[test]
fn a_path_that_does_not_exist_is_named_and_the_rest_is_checked() {
    let (dir, _) = corpus();
    let run = check(dir.path(), &["corpus", "no/such/folder", "missing.txt"]);
    run.assert_code(2);
    run.assert_stderr("no/such/folder", "no such file or directory");
    run.assert_stderr("missing.txt", "no such file or directory");
    assert_eq!(run.documents(), 1);
}

#[cfg(unix)]
#[test]
fn a_fifo_named_on_the_command_line_does_not_hang_the_run() {
    let (dir, _) = corpus();
    let made = Command::new("mkfifo")
        .arg("pipe.txt")
        .current_dir(dir.path())
        .status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    let started = Instant::now();
    let run = check(dir.path(), &["corpus", "pipe.txt"]);
    assert!(started.elapsed() < Duration::from_secs(30), "no hang");
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert_eq!(run.documents(), 1);
}

/// A FIFO (or socket, or device) named on the command line is refused by name, not walked.
#[cfg(unix)]
#[test]
fn a_fifo_named_on_the_command_line_is_reported() {
    let (dir, _) = corpus();
    let made = Command::new("mkfifo")
        .arg("pipe.txt")
        .current_dir(dir.path())
        .status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    let run = check(dir.path(), &["corpus", "pipe.txt"]);
    run.assert_code(2);
    run.assert_stderr("pipe.txt", "not a regular file or a folder");
    assert_eq!(run.documents(), 1);
}

// ---------------------------------------------------------------------------------------------
// Knowledge bases and configuration: the run is refused (exit 2) with the error pointing into the
// TOML, and no report is written (a half-checked corpus would look clean).

/// The same corpus checked with an extra argument pair, e.g. `--kb bad.toml`.
fn check_with(dir: &Path, flag: &str, file: &str) -> Run {
    let mut c = crosscheck(dir);
    c.args(["check", "--format", "json", flag, file, "corpus"]);
    output(c)
}

#[test]
fn a_malformed_knowledge_base_points_into_the_toml_and_exits_2() {
    let (dir, _) = corpus();
    write(
        &dir.path().join("bad-kb.toml"),
        "[[person]]\nid = \"x\"\nname = \"Awa Ndiaye\"\n[[person]\nid = \"y\"\n",
    );
    let run = check_with(dir.path(), "--kb", "bad-kb.toml");
    run.assert_code(2);
    run.assert_stderr("bad-kb.toml:4:", "expected `]`");
    assert!(run.stdout.is_empty(), "no report from a refused run");
    // The control: the same corpus with a valid knowledge base is checked.
    write(&dir.path().join("good-kb.toml"), "");
    let run = check_with(dir.path(), "--kb", "good-kb.toml");
    run.assert_code(0);
    assert_eq!(run.documents(), 1);
}

#[test]
fn a_knowledge_base_office_ending_before_it_starts_is_pointed_at() {
    let (dir, _) = corpus();
    write(
        &dir.path().join("kb.toml"),
        "[[person]]\nid = \"x\"\nname = \"Awa Ndiaye\"\n\
         office = [{ office = \"minister\", title = \"t\", start = 2020-01-01, end = 2019-01-01 }]\n",
    );
    let run = check_with(dir.path(), "--kb", "kb.toml");
    run.assert_code(2);
    run.assert_stderr("kb.toml:4:", "ends before it starts");
    assert!(run.stdout.is_empty(), "no report from a refused run");
}

#[test]
fn an_unreadable_knowledge_base_exits_2() {
    let (dir, _) = corpus();
    write(&dir.path().join("kb.toml"), b"name = \"\xe9\"\n");
    let run = check_with(dir.path(), "--kb", "kb.toml");
    run.assert_code(2);
    run.assert_stderr("kb.toml", "cannot read the knowledge base");
    let run = check_with(dir.path(), "--kb", "nowhere.toml");
    run.assert_code(2);
    run.assert_stderr("nowhere.toml", "cannot read the knowledge base");
}

#[test]
fn a_user_lexicon_regex_that_does_not_compile_points_at_the_pattern_and_exits_2() {
    let (dir, _) = corpus();
    write(
        &dir.path().join("house.toml"),
        "[ignore]\npatterns = [\n  \"^Lire aussi.*$\",\n  \"^Photo ?: (AFP\",\n]\n",
    );
    let run = check_with(dir.path(), "--lexicon", "house.toml");
    run.assert_code(2);
    run.assert_stderr("house.toml:4:", "does not compile");
    run.assert_stderr("house.toml", "unclosed group");
    assert!(run.stdout.is_empty(), "no report from a refused run");
    // Named by the configuration instead: the same refusal.
    write(
        &dir.path().join("crosscheck.toml"),
        "lexicon = [\"house.toml\"]\n",
    );
    let mut c = crosscheck(dir.path());
    c.args(["check", "--format", "json", "corpus"]);
    let run = output(c);
    run.assert_code(2);
    run.assert_stderr("house.toml:4:", "does not compile");
}

#[test]
fn a_malformed_or_missing_user_lexicon_exits_2() {
    let (dir, _) = corpus();
    write(
        &dir.path().join("house.toml"),
        "[[office]]\nid = \"mayor\"\nclass = \"mayor\"\nlabel = \"maire\"\nform = [\"maire\"]\n",
    );
    let run = check_with(dir.path(), "--lexicon", "house.toml");
    run.assert_code(2);
    run.assert_stderr("house.toml:5:1", "unknown field `form`");
    let run = check_with(dir.path(), "--lexicon", "nowhere.toml");
    run.assert_code(2);
    run.assert_stderr("nowhere.toml", "cannot read the lexicon");
    write(&dir.path().join("en.toml"), "language = \"en\"\n");
    let run = check_with(dir.path(), "--lexicon", "en.toml");
    run.assert_code(2);
    run.assert_stderr("en.toml", "language `en`");
}

#[test]
fn a_malformed_config_points_into_the_toml_and_exits_2() {
    let (dir, _) = corpus();
    write(
        &dir.path().join("crosscheck.toml"),
        "kb = []\n[params]\nquote-similarity = = 0.5\n",
    );
    let run = check_with(dir.path(), "--config", "crosscheck.toml");
    run.assert_code(2);
    run.assert_stderr("crosscheck.toml:3:", "crosscheck.toml");
    assert!(run.stdout.is_empty(), "no report from a refused run");
    // An unknown key is an error with its place too.
    write(&dir.path().join("crosscheck.toml"), "kb = []\nkbs = []\n");
    let run = check_with(dir.path(), "--config", "crosscheck.toml");
    run.assert_code(2);
    run.assert_stderr("crosscheck.toml:2:1", "unknown field `kbs`");
    // Discovered rather than named: the same.
    let mut c = crosscheck(dir.path());
    c.args(["check", "--format", "json", "corpus"]);
    let run = output(c);
    run.assert_code(2);
    run.assert_stderr("crosscheck.toml:2:1", "unknown field `kbs`");
}

// ---------------------------------------------------------------------------------------------
// Output to a closed pipe: no panic, no SIGPIPE death.

/// Runs with stdout and/or stderr connected to a pipe whose read end is closed at once.
fn closed_pipe(dir: &Path, args: &[&str], close_stdout: bool, close_stderr: bool) -> Option<i32> {
    let mut c = crosscheck(dir);
    c.args(args);
    c.stdout(if close_stdout {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    c.stderr(if close_stderr {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    let mut child = c.spawn().expect("spawn crosscheck");
    drop(child.stdout.take());
    drop(child.stderr.take());
    let status = child.wait().expect("wait");
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(status.signal(), None, "killed by a signal: {status:?}");
    }
    status.code()
}

#[test]
fn a_closed_stdout_pipe_ends_the_run_quietly() {
    let (dir, c) = corpus();
    // Enough findings for a report larger than a pipe buffer.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for e in std::fs::read_dir(root.join("corpus")).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, c.join(p.file_name().unwrap())).unwrap();
    }
    for format in ["human", "json"] {
        let code = closed_pipe(
            dir.path(),
            &[
                "check",
                "--no-kb",
                "--fail-on",
                "never",
                "--format",
                format,
                "corpus",
            ],
            true,
            false,
        );
        assert_eq!(code, Some(0), "{format}: not 101 (panic) nor 141 (SIGPIPE)");
    }
    let code = closed_pipe(dir.path(), &["claims", "--no-kb", "corpus"], true, false);
    assert_eq!(code, Some(0), "claims");
    // The status still says what the run found: errors against the knowledge base exit 1.
    let kb = root.join("rules/kb/sahel.toml");
    let kb = kb.to_str().expect("a UTF-8 path");
    let code = closed_pipe(dir.path(), &["check", "--kb", kb, "corpus"], true, false);
    assert_eq!(code, Some(1), "error findings, output cut short");
}

/// Found by this matrix and fixed in af680e3: diagnostics were written with `eprint!`, which
/// panicked on a closed stderr (`crosscheck check corpus 2>&1 | head -1`): exit 101.
#[test]
fn a_closed_stderr_pipe_does_not_panic() {
    let (dir, c) = corpus();
    write(&c.join("latin1.txt"), b"caf\xe9\n");
    let code = closed_pipe(
        dir.path(),
        &["check", "--no-kb", "--format", "json", "corpus"],
        true,
        true,
    );
    assert_eq!(code, Some(2), "exit 2 for the unreadable file, not 101");
}
