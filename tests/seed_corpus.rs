//! End to end on the demo corpus: the headline conflicts, with evidence in the right files, with and
//! without the knowledge base; and the scorer's answer key.

mod common;

use std::path::{Path, PathBuf};

use crosscheck::finding::{Kind, Severity, Source};

fn kb() -> Vec<PathBuf> {
    vec![PathBuf::from("rules/kb/sahel.toml")]
}

fn files_of(out: &crosscheck::Outcome, f: &crosscheck::finding::Finding) -> Vec<String> {
    let mut v: Vec<String> = f
        .evidence
        .iter()
        .filter_map(|e| match e.source {
            Source::Doc(d) => out.documents[d].path.rsplit('/').next().map(str::to_string),
            Source::Kb(_) => None,
        })
        .collect();
    v.sort();
    v.dedup();
    v
}

#[test]
fn diop_is_given_two_offices_and_the_knowledge_base_settles_it() {
    let out = common::run(Path::new("corpus"), &kb());
    let f = out
        .findings
        .iter()
        .find(|f| f.kind == Kind::Role && f.subject == "Abdoulaye Diop")
        .expect("a role finding for Diop");
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(
        files_of(&out, f),
        [
            "000_9f9063d798544db8.txt",
            "001_c746bc23158ffdc4.txt",
            "002_f60f55ff9bbdec5c.txt"
        ]
    );
    assert!(
        f.evidence.iter().any(|e| matches!(e.source, Source::Kb(_))),
        "the KB entry is evidence"
    );
    assert!(
        f.help
            .as_deref()
            .unwrap_or_default()
            .contains("Affaires étrangères")
    );
}

#[test]
fn carte_and_pacte_are_variants_of_the_charter() {
    let out = common::run(Path::new("corpus"), &kb());
    let titles: Vec<_> = out
        .findings
        .iter()
        .filter(|f| f.kind == Kind::TitleVariant)
        .collect();
    let carte = titles
        .iter()
        .find(|f| f.message.contains("Carte Liptako-Gourma"))
        .expect("Carte");
    let pacte = titles
        .iter()
        .find(|f| f.message.contains("Pacte de Liptako-Gourma"))
        .expect("Pacte");
    assert!(files_of(&out, carte).contains(&"000_9f9063d798544db8.txt".to_string()));
    assert!(files_of(&out, pacte).contains(&"004_5e5b0498e1a4671a.txt".to_string()));
    for f in [carte, pacte] {
        assert!(
            files_of(&out, f).contains(&"001_c746bc23158ffdc4.txt".to_string()),
            "the right form is shown"
        );
    }
}

#[test]
fn tiani_close_to_bazoum_contradicts_the_coup() {
    let out = common::run(Path::new("corpus"), &kb());
    let f = out
        .findings
        .iter()
        .find(|f| f.kind == Kind::Relation)
        .expect("a relation finding");
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(f.subject, "Abdourahamane Tiani");
    let first = &f.evidence[0];
    let doc = &out.documents[match first.source {
        Source::Doc(d) => d,
        Source::Kb(_) => panic!("primary evidence is the article"),
    }];
    assert_eq!(
        &doc.text[first.start..first.end],
        "proche de Mohamed Bazoum"
    );
}

#[test]
fn without_the_knowledge_base_the_corpus_conflicts_remain_as_warnings() {
    let out = common::run(Path::new("corpus"), &[]);
    let diop = out
        .findings
        .iter()
        .find(|f| f.kind == Kind::Role && f.subject == "Abdoulaye Diop")
        .expect("Diop");
    assert_eq!(diop.severity, Severity::Warning);
    assert!(
        out.findings
            .iter()
            .any(|f| f.kind == Kind::TitleVariant && f.message.contains("Carte"))
    );
    assert!(
        out.findings
            .iter()
            .any(|f| f.kind == Kind::TitleVariant && f.message.contains("Pacte"))
    );
    assert!(out.findings.iter().all(|f| f.severity <= Severity::Warning));
}

#[test]
fn goita_promotion_is_not_a_conflict() {
    let out = common::run(Path::new("corpus"), &kb());
    assert!(
        !out.findings.iter().any(|f| f.kind == Kind::Role
            && f.subject == "Assimi Goïta"
            && f.severity >= Severity::Warning),
        "colonel in June 2024 then général is a promotion"
    );
}

#[test]
fn seed_answer_key_is_fully_found() {
    let key = Path::new("../shared/eval/seed-answers.toml");
    if !key.exists() {
        eprintln!("no shared/eval: skipped");
        return;
    }
    let out = common::run(Path::new("corpus"), &kb());
    let s = common::score(&out, key, false);
    assert!(
        s.missed.is_empty() && s.violated.is_empty() && s.precision() >= 0.9,
        "{}",
        s.summary()
    );
    let out = common::run(Path::new("corpus"), &[]);
    let s = common::score(&out, key, true);
    // Only the Tiani relation needs outside knowledge.
    assert_eq!(s.missed, ["tiani-proche-bazoum"], "{}", s.summary());
    assert!(s.violated.is_empty(), "{}", s.summary());
}
