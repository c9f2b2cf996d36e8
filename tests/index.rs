//! The claim index: `crosscheck index` builds and updates it, `check --index … --draft` gives the
//! findings a full check of the corpus gives, and a stale, foreign or damaged index is refused
//! with an explanation.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use assert_cmd::cargo::CommandCargoExt;

fn crosscheck(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("crosscheck").expect("binary built");
    c.current_dir(dir).env("NO_COLOR", "1");
    c
}

fn run(dir: &Path, args: &[&str]) -> Output {
    crosscheck(dir).args(args).output().expect("runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The findings of a JSON report (the summary counts differ: an indexed check reads fewer
/// documents).
fn findings(o: &Output) -> serde_json::Value {
    let v: serde_json::Value =
        serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("JSON ({e}): {}", stderr(o)));
    v["findings"].clone()
}

/// A copy of a test corpus in a fresh folder, so that files can be touched and changed.
fn copy_corpus(from: &str) -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join(from);
    std::fs::create_dir(dir.path().join("corpus")).unwrap();
    let mut files = Vec::new();
    for e in std::fs::read_dir(&src).unwrap() {
        let p = e.unwrap().path();
        if p.is_file() {
            let to = dir.path().join("corpus").join(p.file_name().unwrap());
            std::fs::copy(&p, &to).unwrap();
            files.push(PathBuf::from("corpus").join(p.file_name().unwrap()));
        }
    }
    files.sort();
    (dir, files)
}

#[test]
fn a_draft_checked_against_the_index_gets_the_findings_of_a_full_check() {
    for set in ["tests/devset/corpus", "tests/heldout/corpus"] {
        let (dir, files) = copy_corpus(set);
        let d = dir.path();
        let built = run(d, &["index", "corpus", "-o", "archive.idx", "-q"]);
        assert_eq!(built.status.code(), Some(0), "{}", stderr(&built));
        let mut compared = 0;
        for f in files
            .iter()
            .filter(|f| f.extension().is_some_and(|e| e != "toml"))
        {
            let f = f.to_str().unwrap();
            let full = run(
                d,
                &[
                    "check", "corpus", "--draft", f, "--format", "json", "--no-kb",
                ],
            );
            let indexed = run(
                d,
                &[
                    "check",
                    "--index",
                    "archive.idx",
                    "--draft",
                    f,
                    "--format",
                    "json",
                    "--no-kb",
                ],
            );
            assert_eq!(full.status.code(), indexed.status.code(), "{f}");
            assert_eq!(findings(&full), findings(&indexed), "{set}: {f}");
            compared += 1;
        }
        assert!(compared >= 20, "{set}: {compared} drafts");
    }
}

#[test]
fn a_new_draft_is_checked_against_the_index_and_the_summary_says_so() {
    let (dir, _) = copy_corpus("tests/devset/corpus");
    let d = dir.path();
    run(d, &["index", "corpus", "-o", "archive.idx", "-q"]);
    // A draft outside the corpus that gives a minister of the corpus another portfolio.
    let draft = d.join("draft.md");
    std::fs::write(
        &draft,
        "+++\ndate = 2025-03-10\n+++\nLe général Aboubacar Sidiki Traoré, ministre de la Santé, a visité Kankan mardi.\n",
    )
    .unwrap();
    let o = run(
        d,
        &[
            "check",
            "--index",
            "archive.idx",
            "--draft",
            "draft.md",
            "--fail-on",
            "warning",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("role-conflict") && out.contains("guinee-04.md"),
        "{out}"
    );
    assert!(out.contains("closest of 33 indexed documents"), "{out}");
    // A draft that shares nothing with the archive is compared with nothing, and passes.
    std::fs::write(&draft, "Aucune personne n'est nommée ici.\n").unwrap();
    let o = run(
        d,
        &["check", "--index", "archive.idx", "--draft", "draft.md"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("the 0 closest"));
}

#[test]
fn the_index_is_updated_only_where_files_changed() {
    let (dir, files) = copy_corpus("tests/devset/corpus");
    let d = dir.path();
    let first = run(d, &["index", "corpus", "-o", "archive.idx", "-q"]);
    let n = files.len();
    assert!(
        stderr(&first).contains(&format!("{n} read and analysed, 0 unchanged")),
        "{}",
        stderr(&first)
    );
    // Nothing changed: nothing is read again.
    let again = run(d, &["index", "corpus", "-o", "archive.idx", "-q"]);
    assert!(
        stderr(&again).contains(&format!("0 read and analysed, {n} unchanged")),
        "{}",
        stderr(&again)
    );
    // One file rewritten with the same bytes (a new mtime): hashed, not analysed again.
    let a = d.join(&files[0]);
    let bytes = std::fs::read(&a).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&a, &bytes).unwrap();
    // One file changed, one removed.
    let b = d.join(&files[1]);
    let mut text = std::fs::read_to_string(&b).unwrap();
    text.push_str("\nUn paragraphe ajouté.\n");
    std::fs::write(&b, text).unwrap();
    std::fs::remove_file(d.join(&files[2])).unwrap();
    let third = run(d, &["index", "corpus", "-o", "archive.idx", "-q"]);
    assert_eq!(third.status.code(), Some(0));
    assert!(
        stderr(&third).contains(&format!("indexed {} documents into archive.idx", n - 1))
            && stderr(&third).contains(&format!(
                "1 read and analysed, {} unchanged, 1 removed",
                n - 2
            )),
        "{}",
        stderr(&third)
    );
}

#[test]
fn a_stale_index_is_refused_with_the_files_and_the_command_to_rebuild_it() {
    let (dir, files) = copy_corpus("tests/devset/corpus");
    let d = dir.path();
    run(d, &["index", "corpus", "-o", "archive.idx", "-q"]);
    std::fs::write(d.join("draft.md"), "Un brouillon.\n").unwrap();
    let changed = &files[3];
    let mut text = std::fs::read_to_string(d.join(changed)).unwrap();
    text.push_str("\nMise à jour.\n");
    std::fs::write(d.join(changed), text).unwrap();
    let o = run(
        d,
        &["check", "--index", "archive.idx", "--draft", "draft.md"],
    );
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.contains("the index is stale: 1 of"), "{e}");
    assert!(
        e.contains(&format!("{} (modified)", changed.display())),
        "{e}"
    );
    assert!(e.contains("crosscheck index corpus -o archive.idx"), "{e}");
    assert!(o.stdout.is_empty(), "no report from a stale index");
    // A changed file under review as the draft is read afresh: not stale.
    let o = run(
        d,
        &[
            "check",
            "--index",
            "archive.idx",
            "--draft",
            changed.to_str().unwrap(),
        ],
    );
    assert_ne!(o.status.code(), Some(2), "{}", stderr(&o));
    // A removed file is stale too.
    std::fs::remove_file(d.join(&files[4])).unwrap();
    let o = run(
        d,
        &["check", "--index", "archive.idx", "--draft", "draft.md"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("(missing)"), "{}", stderr(&o));
}

#[test]
fn a_foreign_damaged_or_other_lexicon_index_is_refused() {
    let (dir, _) = copy_corpus("tests/devset/corpus");
    let d = dir.path();
    std::fs::write(d.join("draft.md"), "Un brouillon.\n").unwrap();
    let check = |idx: &str, extra: &[&str]| {
        let mut args = vec!["check", "--index", idx, "--draft", "draft.md"];
        args.extend_from_slice(extra);
        let o = run(d, &args);
        assert_eq!(o.status.code(), Some(2), "{idx}: {}", stderr(&o));
        assert!(o.stdout.is_empty());
        stderr(&o)
    };
    assert!(check("nowhere.idx", &[]).contains("cannot open the index"));
    std::fs::write(d.join("notes.idx"), "just some notes\n").unwrap();
    assert!(check("notes.idx", &[]).contains("not a crosscheck index"));
    run(d, &["index", "corpus", "-o", "archive.idx", "-q"]);
    let bytes = std::fs::read(d.join("archive.idx")).unwrap();
    std::fs::write(d.join("cut.idx"), &bytes[..bytes.len() / 2]).unwrap();
    assert!(check("cut.idx", &[]).contains("damaged or truncated"));
    let mut other = bytes.clone();
    other[16] = 99;
    std::fs::write(d.join("future.idx"), &other).unwrap();
    assert!(check("future.idx", &[]).contains("index format 99"));
    // Built without a user lexicon, used with one: the claims would not match.
    std::fs::write(
        d.join("house.toml"),
        "[given_names]\nnames = [\"Zaïnab\"]\n",
    )
    .unwrap();
    assert!(check("archive.idx", &["--lexicon", "house.toml"]).contains("another language pack"));
    // The same lexicon at both ends is fine.
    let o = run(
        d,
        &[
            "index",
            "corpus",
            "-o",
            "house.idx",
            "-q",
            "--lexicon",
            "house.toml",
        ],
    );
    assert_eq!(o.status.code(), Some(0));
    let o = run(
        d,
        &[
            "check",
            "--index",
            "house.idx",
            "--draft",
            "draft.md",
            "--lexicon",
            "house.toml",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn index_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // --index needs a draft, and reads no corpus paths.
    let o = run(d, &["check", "--index", "a.idx"]);
    assert_eq!(o.status.code(), Some(2));
    std::fs::create_dir(d.join("corpus")).unwrap();
    let o = run(
        d,
        &["check", "corpus", "--index", "a.idx", "--draft", "x.md"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot be used with"), "{}", stderr(&o));
    // A mistyped corpus path leaves an existing index alone.
    std::fs::write(d.join("corpus/a.md"), "Un article.\n").unwrap();
    let o = run(d, &["index", "corpus", "-o", "keep.idx", "-q"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let before = std::fs::read(d.join("keep.idx")).unwrap();
    let o = run(d, &["index", "corpsu", "-o", "keep.idx"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("was not written"), "{}", stderr(&o));
    assert_eq!(std::fs::read(d.join("keep.idx")).unwrap(), before);
    // A file that is not an index is never overwritten.
    let o = run(d, &["index", "corpus", "-o", "corpus/a.md"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("not a crosscheck index: not overwritten"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        std::fs::read_to_string(d.join("corpus/a.md")).unwrap(),
        "Un article.\n"
    );
    // An index that cannot be written leaves nothing behind.
    let o = run(d, &["index", "corpus", "-o", "no/such/dir/a.idx"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot write"), "{}", stderr(&o));
}

#[test]
fn the_index_is_the_same_bytes_whatever_the_thread_count() {
    let (dir, _) = copy_corpus("tests/heldout/corpus");
    let d = dir.path();
    let one = crosscheck(d)
        .env("RAYON_NUM_THREADS", "1")
        .args(["index", "corpus", "-o", "one.idx", "-q"])
        .output()
        .unwrap();
    assert_eq!(one.status.code(), Some(0));
    let all = run(d, &["index", "corpus", "-o", "all.idx", "-q"]);
    assert_eq!(all.status.code(), Some(0));
    assert!(
        std::fs::read(d.join("one.idx")).unwrap() == std::fs::read(d.join("all.idx")).unwrap(),
        "index bytes differ between 1 thread and all threads"
    );
}
