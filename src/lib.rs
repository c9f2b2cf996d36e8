//! crosscheck: a source-discrepancy linter for news corpora.
//!
//! The pipeline runs one way: corpus → text → extract → kb/resolve → rules → report.

pub mod corpus;
pub mod extract;
pub mod lexicon;
pub mod text;
pub mod time;
