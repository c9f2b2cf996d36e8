//! Findings: what a rule reports — the subject, the disagreement, and evidence spans into every
//! source involved — with the total order used for output.

use serde::Serialize;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A change over time or a likely-harmless difference.
    Info,
    /// The sources disagree and none has authority.
    Warning,
    /// Contradicted by the knowledge base, or a certain contradiction.
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

/// The families of discrepancy (the `kind` of the JSON output).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Role,
    NameVariant,
    TitleVariant,
    Acronym,
    QuoteDrift,
    Misattribution,
    Date,
    Number,
    Relation,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Role => "role",
            Kind::NameVariant => "name-variant",
            Kind::TitleVariant => "title-variant",
            Kind::Acronym => "acronym",
            Kind::QuoteDrift => "quote-drift",
            Kind::Misattribution => "misattribution",
            Kind::Date => "date",
            Kind::Number => "number",
            Kind::Relation => "relation",
        }
    }
}

/// Where a piece of evidence lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Source {
    /// A corpus document, by index.
    Doc(usize),
    /// A knowledge-base file, by index.
    Kb(usize),
}

/// A span in one source, what it claims, and the label shown under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    pub source: Source,
    pub start: usize,
    pub end: usize,
    /// What this span says, normalised ("ministre de la Défense (Mali)").
    pub claim: String,
    /// The label under the span ("called defence minister here").
    pub label: String,
}

/// One reported discrepancy.
#[derive(Debug, Clone)]
pub struct Finding {
    pub rule: &'static str,
    pub kind: Kind,
    pub severity: Severity,
    pub subject: String,
    pub message: String,
    pub help: Option<String>,
    /// The first item is the primary one: the side most likely wrong.
    pub evidence: Vec<Evidence>,
    /// How many leading evidence items are on the side reported as wrong; 0: no side is known to
    /// be right, every item is disputed. A draft is concerned by a finding only through these.
    pub wrong: usize,
    /// Machine-applicable replacements (`--fix`): the likely right form, from the knowledge base or
    /// a clear majority.
    pub fixes: Vec<Edit>,
}

/// Replace bytes `start..end` of document `doc` with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Edit {
    pub doc: usize,
    pub start: usize,
    pub end: usize,
    pub replacement: String,
}

impl Finding {
    /// The evidence on the side reported as wrong (all of it when no side is known).
    pub fn disputed(&self) -> &[Evidence] {
        if self.wrong == 0 {
            &self.evidence
        } else {
            &self.evidence[..self.wrong.min(self.evidence.len())]
        }
    }
}

impl Finding {
    /// Sort key: first evidence source and offset, then rule, then message.
    pub fn sort_key(
        &self,
        path_of: impl Fn(Source) -> String,
    ) -> (String, usize, &'static str, String) {
        let (p, o) = self
            .evidence
            .first()
            .map_or((String::new(), 0), |e| (path_of(e.source), e.start));
        (p, o, self.rule, self.message.clone())
    }
}

/// Plural helper for messages: "1 document", "3 documents".
pub fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}
