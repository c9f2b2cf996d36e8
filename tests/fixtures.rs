//! Every rule's fixture folder (tests/fixtures/<rule>/): short articles the team wrote, with cases
//! that must be reported and cases that must stay quiet, scored against `expect.toml` without a
//! knowledge base. Nothing may be reported that the key does not expect; recall floors may only rise.

mod common;

use std::path::Path;

/// Recall floor per fixture; the misses are known gaps listed in the closing notes.
const FLOORS: &[(&str, f64)] = &[
    ("acronym", 1.0),
    ("date-conflict", 1.0),
    ("misattribution", 1.0),
    ("name-variant", 1.0),
    ("number-conflict", 1.0),
    ("quote-drift", 1.0),
    ("rank-change", 1.0),
    ("relation-conflict", 1.0),
    ("role-conflict", 1.0),
    ("title-variant", 1.0),
];

#[test]
fn every_fixture_fires_where_it_must_and_stays_quiet_elsewhere() {
    for (id, floor) in FLOORS {
        let dir = Path::new("tests/fixtures").join(id);
        let out = common::run(&dir.join("corpus"), &[]);
        let s = common::score(&out, &dir.join("expect.toml"), false);
        assert!(
            s.unexpected.is_empty() && s.violated.is_empty(),
            "{id}: {}",
            s.summary()
        );
        assert!(s.recall() >= *floor, "{id}: {}", s.summary());
    }
}

#[test]
fn every_rule_has_a_fixture_a_changelog_line_and_documentation() {
    let changelog = std::fs::read_to_string("CHANGELOG.md").unwrap();
    for rule in crosscheck::rules::RULES {
        assert!(
            FLOORS.iter().any(|(id, _)| *id == rule.id),
            "{} has a fixture floor",
            rule.id
        );
        let dir = Path::new("tests/fixtures").join(rule.id);
        assert!(
            dir.join("expect.toml").is_file(),
            "{} has tests/fixtures/{}/expect.toml",
            rule.id,
            rule.id
        );
        assert!(
            changelog.contains(&format!("`{}`", rule.id)),
            "{} has a CHANGELOG line",
            rule.id
        );
        for section in [
            "## What it does",
            "## Why it matters",
            "## Example",
            "## Not flagged",
            "## Configuration",
        ] {
            assert!(
                rule.doc.contains(section),
                "{} documents {section}",
                rule.id
            );
        }
    }
}

/// A relation two sources give and one contradicts: the one is reported as wrong, whichever side
/// it takes (`relation-conflict` `mng-*`: two sources call Sukh Naran close to the Prime Minister,
/// one his opponent of long standing).
#[test]
fn the_odd_relation_is_the_one_reported_as_wrong() {
    let out = common::run(Path::new("tests/fixtures/relation-conflict/corpus"), &[]);
    let f = out
        .findings
        .iter()
        .find(|f| f.subject == "Sukh Naran")
        .expect("the mng-* conflict is reported");
    assert!(
        f.message.contains("is called an opponent of"),
        "{}",
        f.message
    );
    assert_eq!(f.wrong, 1);
    let crosscheck::finding::Source::Doc(d) = f.evidence[0].source else {
        panic!("a document's evidence first");
    };
    assert!(out.documents[d].path.ends_with("mng-3-analyse.md"));
}
