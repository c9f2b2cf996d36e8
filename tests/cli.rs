//! The binary's contract: exit codes, formats, bad input as diagnostics, determinism, and a
//! snapshot of the human rendering.

use std::process::Command;

use assert_cmd::cargo::CommandCargoExt;

fn crosscheck() -> Command {
    let mut c = Command::cargo_bin("crosscheck").expect("binary built");
    c.env("NO_COLOR", "1");
    c
}

fn write(dir: &std::path::Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).expect("write test file");
}

#[test]
fn the_demo_corpus_exits_1_with_errors() {
    let out = crosscheck()
        .args(["check", "corpus", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(v["summary"]["documents"], 5);
    let first = &v["findings"][0]["evidence"][0];
    for key in ["path", "start", "end", "line", "column", "text", "claim"] {
        assert!(!first[key].is_null(), "evidence has {key}");
    }
}

#[test]
fn fail_on_never_exits_0() {
    let out = crosscheck()
        .args(["check", "corpus", "--fail-on", "never"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_clean_corpus_exits_0_quietly() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", "+++\ndate = 2025-01-02\n+++\nLe ministre sénégalais de la Santé, Awa Ndiaye, a visité Thiès.\n".as_bytes());
    let out = crosscheck()
        .args(["check", "--no-kb"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty());
}

#[test]
fn unreadable_input_is_a_diagnostic_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "latin1.txt", b"Le pr\xe9sident a parl\xe9.");
    write(dir.path(), "binary.txt", b"\x00\x01\x02");
    write(dir.path(), "empty.txt", b"");
    write(
        dir.path(),
        "ok.txt",
        "Le ministre ivoirien de la Défense, Koffi Yao, est arrivé.".as_bytes(),
    );
    let out = crosscheck()
        .args(["check", "--no-kb", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("latin1.txt") && err.contains("not valid UTF-8"),
        "{err}"
    );
    assert!(
        err.contains("binary.txt") && err.contains("binary"),
        "{err}"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["summary"]["documents"], 2,
        "the readable files are still checked"
    );
}

#[test]
fn a_missing_path_exits_2_naming_it() {
    let out = crosscheck()
        .args(["check", "--no-kb", "no/such/dir"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/dir"));
}

#[test]
fn a_bad_config_points_into_the_toml_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "crosscheck.toml",
        b"kb = []\n[params]\nquote-similarity = 7\n",
    );
    let out = crosscheck()
        .args(["check", "corpus", "--config"])
        .arg(dir.path().join("crosscheck.toml"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("quote-similarity") && err.contains("crosscheck.toml"),
        "{err}"
    );
}

#[test]
fn a_bad_knowledge_base_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "kb.toml", b"[[person]]\nid = \"x\"\nname = \"A B\"\noffice = [{ office = \"minister\", title = \"t\", start = 2020-01-01, end = 2019-01-01 }]\n");
    let out = crosscheck()
        .args(["check", "corpus", "--kb"])
        .arg(dir.path().join("kb.toml"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("ends before it starts"));
}

#[test]
fn output_is_identical_whatever_the_thread_count() {
    let run = |threads: &str, format: &str| {
        crosscheck()
            .env("RAYON_NUM_THREADS", threads)
            .args(["check", "corpus", "tests/devset/corpus", "--format", format])
            .output()
            .unwrap()
            .stdout
    };
    for format in ["json", "human", "short", "sarif", "github"] {
        let one = run("1", format);
        assert!(!one.is_empty());
        assert_eq!(one, run("4", format), "{format}");
        assert_eq!(one, run("4", format), "{format}: run to run");
    }
}

#[test]
fn rules_are_listed_and_documented() {
    let out = crosscheck().arg("rules").output().unwrap();
    let list = String::from_utf8_lossy(&out.stdout);
    for id in [
        "role-conflict",
        "title-variant",
        "relation-conflict",
        "name-variant",
        "acronym",
        "quote-drift",
    ] {
        assert!(list.contains(id), "{id} listed");
        let doc = crosscheck().args(["rule", id]).output().unwrap();
        let doc = String::from_utf8_lossy(&doc.stdout);
        for section in [
            "## What it does",
            "## Why it matters",
            "## Example",
            "## Not flagged",
            "## Configuration",
        ] {
            assert!(doc.contains(section), "{id} documents {section}");
        }
    }
    assert_eq!(
        crosscheck()
            .args(["rule", "nope"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn claims_shows_what_was_understood() {
    let out = crosscheck()
        .args(["claims", "corpus/001_c746bc23158ffdc4.txt", "--no-kb"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("office") && text.contains("Abdoulaye Diop"),
        "{text}"
    );
    let out = crosscheck()
        .args(["claims", "corpus", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().map(Vec::len), Some(5));
}

/// The date `claims` shows is the one the rules use: a publication line in the text dates the
/// article before any date read from its body.
#[test]
fn claims_show_the_date_of_a_publication_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lusaka.txt");
    std::fs::write(
        &path,
        "Zambie : le budget adopté\nPar Chanda Mwale\n\
         Publié le 4 mars 2026 à 10h12 - Mis à jour le 5 mars 2026\n\n\
         La ministre de l'Agriculture, Mutinta Hamoonga, a parlé le 3 mars.\n",
    )
    .unwrap();
    let out = crosscheck()
        .args(["claims", "--no-kb"])
        .arg(&path)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("[2026-03-04 (date line)]"), "{text}");
}

#[test]
fn human_rendering_snapshot() {
    let out = crosscheck()
        .args(["check", "corpus", "--color", "never", "--width", "100"])
        .output()
        .unwrap();
    insta::assert_snapshot!("seed_corpus_human", String::from_utf8_lossy(&out.stdout));
}
