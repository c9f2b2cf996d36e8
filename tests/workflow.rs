//! The pre-publication workflow: drafts against the corpus, stdin drafts, `--changed`, inline
//! suppressions, baselines that survive edits, safe fixes, and every output format.

use std::path::Path;
use std::process::{Command, Stdio};

use assert_cmd::cargo::CommandCargoExt;

fn crosscheck() -> Command {
    let mut c = Command::cargo_bin("crosscheck").expect("binary built");
    c.env("NO_COLOR", "1");
    c
}

fn json(out: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).expect("JSON output")
}

const DIOP_DEFENCE: &str = "+++\ntitle = \"Brouillon\"\ndate = 2023-09-18\n+++\n« Nous resterons unis », a déclaré Abdoulaye Diop, ministre de la Défense du Mali, à Bamako.\n";
const DIOP_FOREIGN: &str = "+++\ndate = 2023-09-18\n+++\nLe ministre malien des Affaires étrangères, Abdoulaye Diop, était à Niamey.\n";
const CARTE: &str = "+++\ndate = 2023-09-20\n+++\nLa « Carte Liptako-Gourma » lie trois pays.\n\nLe président Mohamed Bazum a été renversé le 26 juillet.\n";

fn draft(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn a_draft_that_contradicts_the_corpus_fails_with_findings_about_it_only() {
    let dir = tempfile::tempdir().unwrap();
    let story = draft(dir.path(), "story.md", DIOP_DEFENCE);
    let out = crosscheck()
        .args(["check", "corpus", "--format", "json", "--draft"])
        .arg(&story)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    let findings = v["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    for f in findings {
        let primary = f["evidence"][0]["path"].as_str().unwrap();
        assert!(
            primary.ends_with("story.md"),
            "every finding points into the draft first: {f}"
        );
    }
    assert_eq!(findings[0]["rule"], "role-conflict");
}

#[test]
fn a_clean_draft_passes() {
    let dir = tempfile::tempdir().unwrap();
    let clean = draft(dir.path(), "clean.md", DIOP_FOREIGN);
    let out = crosscheck()
        .args(["check", "corpus", "--draft"])
        .arg(&clean)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn a_draft_on_standard_input_is_named_as_asked() {
    let mut child = crosscheck()
        .args([
            "check",
            "corpus",
            "--draft",
            "-",
            "--stdin-filename",
            "drafts/diop.md",
            "--format",
            "short",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(child.stdin.as_mut().unwrap(), DIOP_DEFENCE.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("drafts/diop.md:5:"));
}

#[test]
fn fix_rewrites_the_draft_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let p = draft(dir.path(), "carte.md", CARTE);
    let diff = crosscheck()
        .args(["check", "corpus", "--diff", "--draft"])
        .arg(&p)
        .output()
        .unwrap();
    let diff = String::from_utf8_lossy(&diff.stdout);
    assert!(
        diff.contains("-La « Carte Liptako-Gourma »")
            && diff.contains("+La « Charte du Liptako-Gourma »"),
        "{diff}"
    );
    assert_eq!(
        std::fs::read_to_string(&p).unwrap(),
        CARTE,
        "--diff changes nothing"
    );
    let before_corpus = std::fs::read("corpus/000_9f9063d798544db8.txt").unwrap();
    let out = crosscheck()
        .args(["check", "corpus", "--fix", "--draft"])
        .arg(&p)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("fixed 2 issues in 1 files"));
    let expected = CARTE
        .replace("Carte Liptako-Gourma", "Charte du Liptako-Gourma")
        .replace("Bazum", "Bazoum");
    assert_eq!(
        std::fs::read_to_string(&p).unwrap(),
        expected,
        "every other byte unchanged"
    );
    assert_eq!(
        std::fs::read("corpus/000_9f9063d798544db8.txt").unwrap(),
        before_corpus,
        "the corpus is never fixed"
    );
}

#[test]
fn fix_needs_a_draft() {
    let out = crosscheck()
        .args(["check", "corpus", "--fix"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_baseline_survives_lines_inserted_above_its_findings() {
    let dir = tempfile::tempdir().unwrap();
    let p = draft(dir.path(), "story.md", DIOP_DEFENCE);
    let base = dir.path().join("baseline.json");
    let out = crosscheck()
        .args(["check", "corpus", "--draft"])
        .arg(&p)
        .arg("--write-baseline")
        .arg(&base)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(base.is_file());
    // Edit the draft: new paragraphs above the accepted claim.
    let edited = DIOP_DEFENCE.replace(
        "+++\n«",
        "+++\nUn nouveau chapeau.\n\nEt un second paragraphe.\n\n«",
    );
    std::fs::write(&p, edited).unwrap();
    let out = crosscheck()
        .args(["check", "corpus", "--format", "json", "--draft"])
        .arg(&p)
        .arg("--baseline")
        .arg(&base)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let v = json(&out);
    assert_eq!(v["findings"].as_array().unwrap().len(), 0);
    assert!(v["summary"]["baselined"].as_u64().unwrap() >= 1);
}

#[test]
fn inline_comments_suppress_by_line_region_file_rule_and_subject() {
    let dir = tempfile::tempdir().unwrap();
    let next_line = format!(
        "{}<!-- crosscheck-disable-next-line role-conflict: Abdoulaye Diop -->\n{}",
        "+++\ndate = 2023-09-18\n+++\n",
        DIOP_DEFENCE.split("+++\n").last().unwrap()
    );
    let p = draft(dir.path(), "a.md", &next_line);
    let out = crosscheck()
        .args(["check", "corpus", "--format", "json", "--draft"])
        .arg(&p)
        .output()
        .unwrap();
    let v = json(&out);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(v["summary"]["suppressed"], 1);
    // Another subject is not suppressed.
    let other = next_line.replace(": Abdoulaye Diop", ": Sadio Camara");
    std::fs::write(&p, other).unwrap();
    let out = crosscheck()
        .args(["check", "corpus", "--draft"])
        .arg(&p)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    // A region and a whole file.
    let region = format!(
        "+++\ndate = 2023-09-18\n+++\n<!-- crosscheck-disable -->\n{}<!-- crosscheck-enable -->\n",
        DIOP_DEFENCE.split("+++\n").last().unwrap()
    );
    std::fs::write(&p, region).unwrap();
    assert_eq!(
        crosscheck()
            .args(["check", "corpus", "--draft"])
            .arg(&p)
            .output()
            .unwrap()
            .status
            .code(),
        Some(0)
    );
    let file = format!("<!-- crosscheck-disable-file role-conflict -->\n{DIOP_DEFENCE}");
    std::fs::write(&p, file).unwrap();
    assert_eq!(
        crosscheck()
            .args(["check", "corpus", "--draft"])
            .arg(&p)
            .output()
            .unwrap()
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn changed_treats_the_documents_of_a_commit_range_as_drafts() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    let git = |args: &[&str]| {
        let s = Command::new("git")
            .args(args)
            .current_dir(repo)
            .output()
            .unwrap();
        assert!(
            s.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&s.stderr)
        );
    };
    git(&["init", "-q", "-b", "main"]);
    git(&["config", "user.email", "ci@example.invalid"]);
    git(&["config", "user.name", "CI"]);
    std::fs::create_dir(repo.join("archive")).unwrap();
    for f in std::fs::read_dir("corpus").unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, repo.join("archive").join(f.file_name().unwrap())).unwrap();
    }
    git(&["add", "."]);
    git(&["commit", "-q", "-m", "archive"]);
    std::fs::write(repo.join("archive/new.md"), DIOP_DEFENCE).unwrap();
    git(&["add", "."]);
    git(&["commit", "-q", "-m", "draft"]);
    let out = crosscheck()
        .current_dir(repo)
        .args([
            "check",
            "archive",
            "--no-kb",
            "--format",
            "short",
            "--changed",
            "HEAD~1..HEAD",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        !text.is_empty() && text.lines().all(|l| l.starts_with("archive/new.md:")),
        "{text}"
    );
    let bad = crosscheck()
        .current_dir(repo)
        .args(["check", "archive", "--changed", "nope..HEAD"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn config_selects_files_levels_and_per_path_overrides() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("crosscheck.toml");
    std::fs::write(
        &cfg,
        "kb = []\n[rules]\nlevels = { \"name-variant\" = \"info\" }\n[files]\nexclude = [\"**/004_*\"]\n[[overrides]]\npaths = [\"**/000_*\"]\ndisable = [\"quote-drift\"]\n",
    )
    .unwrap();
    let out = crosscheck()
        .args(["check", "corpus", "--format", "json", "--config"])
        .arg(&cfg)
        .output()
        .unwrap();
    let v = json(&out);
    assert_eq!(v["summary"]["documents"], 4, "004 excluded");
    for f in v["findings"].as_array().unwrap() {
        if f["rule"] == "name-variant" {
            assert_eq!(f["severity"], "info");
        }
        if f["rule"] == "quote-drift" {
            assert!(!f["evidence"][0]["path"].as_str().unwrap().contains("000_"));
        }
    }
    let shown = crosscheck()
        .args(["config", "--config"])
        .arg(&cfg)
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&shown.stdout);
    assert!(
        shown.contains("\"name-variant\" = \"info\"") && shown.contains("[[overrides]]"),
        "{shown}"
    );
    std::fs::write(&cfg, "[rules]\nlevels = { \"name-variant\" = \"loud\" }\n").unwrap();
    let bad = crosscheck()
        .args(["check", "corpus", "--config"])
        .arg(&cfg)
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("\"loud\"") || err.contains("`loud`"), "{err}");
}

#[test]
fn formats_snapshots() {
    for format in ["short", "github", "json"] {
        let out = crosscheck()
            .args(["check", "corpus", "--format", format])
            .output()
            .unwrap();
        insta::assert_snapshot!(
            format!("format_{format}"),
            String::from_utf8_lossy(&out.stdout)
        );
    }
}

#[test]
fn sarif_is_structurally_valid() {
    let out = crosscheck()
        .args(["check", "corpus", "--format", "sarif"])
        .output()
        .unwrap();
    let v = json(&out);
    assert_eq!(v["version"], "2.1.0");
    let run = &v["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), crosscheck::rules::RULES.len());
    for r in rules {
        for key in [
            "id",
            "shortDescription",
            "fullDescription",
            "help",
            "defaultConfiguration",
        ] {
            assert!(!r[key].is_null(), "rule has {key}");
        }
    }
    let results = run["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for res in results {
        assert!(["error", "warning", "note"].contains(&res["level"].as_str().unwrap()));
        let idx = res["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[idx]["id"], res["ruleId"]);
        let loc = &res["locations"][0]["physicalLocation"];
        assert!(loc["artifactLocation"]["uri"].is_string());
        for key in ["startLine", "startColumn", "endLine", "endColumn"] {
            assert!(loc["region"][key].as_u64().unwrap() >= 1);
        }
        for rel in res["relatedLocations"].as_array().unwrap() {
            assert!(rel["id"].is_u64() && rel["message"]["text"].is_string());
        }
    }
    insta::assert_snapshot!("format_sarif", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn a_user_lexicon_blanks_boilerplate_before_extraction() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    draft(&corpus, "a.md", DIOP_FOREIGN);
    // The contradiction sits in a "read also" teaser, which a newsroom does not want checked.
    draft(
        &corpus,
        "b.md",
        "+++\ndate = 2023-09-19\n+++\nLes trois pays ont signé la charte.\n\nÀ lire aussi : Abdoulaye Diop, ministre de la Défense du Mali, à Niamey\n\nLa réunion a duré deux jours.\n",
    );
    let run = |extra: &[&str]| {
        let out = crosscheck()
            .current_dir(dir.path())
            .args(["check", "corpus", "--no-kb", "--format", "json"])
            .args(extra)
            .output()
            .unwrap();
        json(&out)["findings"].as_array().unwrap().len()
    };
    assert!(
        run(&[]) > 0,
        "without the lexicon the teaser contradicts a.md"
    );
    std::fs::write(
        dir.path().join("house.toml"),
        "[ignore]\npatterns = [\"^À lire aussi\\\\b.*$\"]\n",
    )
    .unwrap();
    assert_eq!(
        run(&["--lexicon", "house.toml"]),
        0,
        "the teaser is skipped"
    );
}
