//! The fourth blind set (tests/blind4/): 15 articles in four stories (a Central African peace
//! accord, Zambia's debt restructuring, a UN vote on Haiti, an Angolan embezzlement case) written
//! on 2026-11-30 by a helper who never read the code, scored without a knowledge base. First
//! measured at recall 0.50, precision 0.83; nothing has been tuned against it (a later general
//! change, money amounts, brought it to 0.55 / 0.85). The floors may
//! only rise.

mod common;

use std::path::Path;

const MIN_RECALL: f64 = 0.55;
const MIN_PRECISION: f64 = 0.84;

#[test]
fn fourth_blind_set_scores_above_its_floors() {
    let out = common::run(Path::new("tests/blind4/corpus"), &[]);
    let s = common::score(&out, Path::new("tests/blind4/answers.toml"), false);
    eprintln!("{}", s.summary());
    assert!(s.recall() >= MIN_RECALL, "{}", s.summary());
    assert!(s.precision() >= MIN_PRECISION, "{}", s.summary());
}
