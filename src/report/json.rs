//! `--format json`: the schema of `shared/eval/README.md`.

use serde::Serialize;

use super::Locator;
use crate::Outcome;
use crate::finding::Severity;

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    findings: Vec<JsonFinding<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    rule: &'a str,
    kind: &'a str,
    severity: &'a str,
    subject: &'a str,
    message: &'a str,
    help: Option<&'a str>,
    evidence: Vec<JsonEvidence<'a>>,
}

#[derive(Serialize)]
struct JsonEvidence<'a> {
    path: &'a str,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    text: &'a str,
    claim: &'a str,
    label: &'a str,
}

#[derive(Serialize)]
struct Summary {
    documents: usize,
    claims: usize,
    findings: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
    problems: usize,
    suppressed: usize,
    baselined: usize,
}

pub fn render_json(out: &Outcome) -> String {
    let mut locator = Locator::new(out);
    let findings = out
        .findings
        .iter()
        .map(|f| JsonFinding {
            rule: f.rule,
            kind: f.kind.as_str(),
            severity: f.severity.as_str(),
            subject: &f.subject,
            message: &f.message,
            help: f.help.as_deref(),
            evidence: f
                .evidence
                .iter()
                .map(|e| {
                    let p = locator.place(e);
                    JsonEvidence {
                        path: p.path,
                        start: e.start,
                        end: e.end,
                        line: p.line,
                        column: p.column,
                        text: p.text,
                        claim: &e.claim,
                        label: &e.label,
                    }
                })
                .collect(),
        })
        .collect();
    let n = |s: Severity| out.findings.iter().filter(|f| f.severity == s).count();
    let report = Report {
        version: 1,
        findings,
        summary: Summary {
            documents: out.documents.len(),
            claims: out.claim_count(),
            findings: out.findings.len(),
            errors: n(Severity::Error),
            warnings: n(Severity::Warning),
            infos: n(Severity::Info),
            problems: out.problems.len(),
            suppressed: out.suppressed,
            baselined: out.baselined,
        },
    };
    let mut s =
        serde_json::to_string_pretty(&report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}
