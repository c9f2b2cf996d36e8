//! The team's development set (tests/devset/): 33 articles across five stories, scored without a
//! knowledge base. The thresholds are floors that may only rise.

mod common;

use std::path::Path;

const MIN_RECALL: f64 = 0.98;
const MIN_PRECISION: f64 = 1.0;

#[test]
fn development_set_scores_above_its_floors() {
    let out = common::run(Path::new("tests/devset/corpus"), &[]);
    let s = common::score(&out, Path::new("tests/devset/answers.toml"), false);
    eprintln!("{}", s.summary());
    assert!(s.recall() >= MIN_RECALL, "{}", s.summary());
    assert!(s.precision() >= MIN_PRECISION, "{}", s.summary());
}
