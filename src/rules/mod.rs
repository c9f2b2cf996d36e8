//! The rules: one module per rule, each with an id, a kind, a default severity, its documentation,
//! and a check over the resolved model. The registry below is the one list of them.

mod acronym;
mod date_conflict;
mod name_variant;
mod number_conflict;
mod quote_drift;
mod rank_change;
mod relation_conflict;
mod role_conflict;
mod title_variant;

pub(crate) use quote_drift::QuotePairs;
pub use quote_drift::{QuoteWordings, read_quotes};

use crate::finding::{Evidence, Finding, Kind, Severity, Source};
use crate::resolve::Model;

/// Parameters the configuration may set.
#[derive(Debug, Clone)]
pub struct Params {
    /// Two office claims further apart than this many days may be a reshuffle, not a contradiction.
    pub same_time_window_days: i64,
    /// Share of the shorter quotation's words that must align for two quotations to be one.
    pub quote_similarity: f64,
    /// Shortest quotation, in words, compared for drift.
    pub quote_min_words: usize,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            same_time_window_days: 180,
            quote_similarity: 0.5,
            quote_min_words: 6,
        }
    }
}

/// What every rule provides.
pub struct Rule {
    pub id: &'static str,
    pub kind: Kind,
    /// The severity it reports at when the knowledge base does not settle the question.
    pub default_severity: Severity,
    pub summary: &'static str,
    /// Markdown documentation: What it does, Why it matters, Example, Not flagged, Configuration.
    pub doc: &'static str,
    pub check: fn(&Model, &Params) -> Vec<Finding>,
}

/// Every rule, one line each.
pub const RULES: &[Rule] = &[
    role_conflict::RULE,
    rank_change::RULE,
    title_variant::RULE,
    relation_conflict::RULE,
    name_variant::RULE,
    acronym::RULE,
    quote_drift::RULE,
    quote_drift::MISATTRIBUTION,
    date_conflict::RULE,
    number_conflict::RULE,
];

/// Runs the enabled rules (those `enabled` accepts), in parallel, and gives their findings in
/// rule order: the output does not depend on the thread count.
/// Runs the enabled rules. `quotes` are the corpus's quotations when they were read beforehand
/// ([`read_quotes`]); they are read here otherwise.
pub fn run(
    model: &Model,
    params: &Params,
    enabled: &dyn Fn(&str) -> bool,
    quotes: Option<QuoteWordings>,
) -> Vec<Finding> {
    use rayon::prelude::*;
    let rules: Vec<&Rule> = RULES.iter().filter(|r| enabled(r.id)).collect();
    // The two quotation rules share pairs computed on first use, with rayon. Computed here, before
    // the rules run side by side: a rule waiting for them must not block a thread that computes
    // them.
    if rules
        .iter()
        .any(|r| r.id == "quote-drift" || r.id == "misattribution")
    {
        quote_drift::prepare(model, params, quotes);
    }
    let per_rule: Vec<Vec<Finding>> = rules.par_iter().map(|r| (r.check)(model, params)).collect();
    per_rule.into_iter().flatten().collect()
}

/// What a rule's claim knows of where it was read: its document.
pub(crate) trait InDoc {
    fn doc(&self) -> usize;
}

impl<T: InDoc> InDoc for &T {
    fn doc(&self) -> usize {
        (**self).doc()
    }
}

/// The first item of each document, in order: one piece of evidence per document.
pub(crate) fn first_per_doc<'a, T: InDoc>(it: impl Iterator<Item = &'a T>) -> Vec<&'a T> {
    let mut seen = std::collections::BTreeSet::new();
    it.filter(|x| seen.insert(x.doc())).collect()
}

pub fn find(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

/// Evidence for a span of a corpus document.
pub(crate) fn doc_evidence(
    doc: usize,
    start: usize,
    end: usize,
    claim: String,
    label: String,
) -> Evidence {
    Evidence {
        source: Source::Doc(doc),
        start,
        end,
        claim,
        label,
    }
}

/// Evidence for a span of a knowledge-base file.
pub(crate) fn kb_evidence(span: crate::kb::KbSpan, claim: String, label: String) -> Evidence {
    Evidence {
        source: Source::Kb(span.file),
        start: span.start,
        end: span.end,
        claim,
        label,
    }
}

/// " (2023-09-16)" for a label.
/// A document's file name, as a finding's message names it.
pub(crate) fn file_name<'m>(model: &'m Model, doc: usize) -> &'m str {
    model.docs[doc].path.rsplit('/').next().unwrap_or_default()
}

pub(crate) fn dated(model: &Model, doc: usize) -> String {
    format!(" ({})", model.date_label(doc))
}
