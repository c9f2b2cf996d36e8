//! The default report: one miette diagnostic per finding. The primary document is the diagnostic's
//! source; every other document, and the knowledge-base file when it is evidence, is a related
//! diagnostic with its own named source.

use std::fmt;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode,
};

use crate::Outcome;
use crate::corpus::InputProblem;
use crate::finding::{Finding, Severity, Source};

#[derive(Debug)]
struct Diag {
    message: String,
    code: Option<String>,
    severity: miette::Severity,
    help: Option<String>,
    src: Option<NamedSource<String>>,
    labels: Vec<LabeledSpan>,
    related: Vec<Diag>,
}

impl fmt::Display for Diag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Diag {}

impl Diagnostic for Diag {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.code
            .as_ref()
            .map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.src.as_ref().map(|s| s as &dyn SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.labels.is_empty() {
            None
        } else {
            Some(Box::new(self.labels.iter().cloned()))
        }
    }
    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        if self.related.is_empty() {
            None
        } else {
            Some(Box::new(self.related.iter().map(|d| d as &dyn Diagnostic)))
        }
    }
}

fn level(s: Severity) -> miette::Severity {
    match s {
        Severity::Error => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
        Severity::Info => miette::Severity::Advice,
    }
}

fn handler(width: usize, color: bool) -> GraphicalReportHandler {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    GraphicalReportHandler::new_themed(theme)
        .with_width(width)
        .with_context_lines(0)
}

fn finding_diag(out: &Outcome, f: &Finding) -> Diag {
    // Evidence grouped by source, in order of first appearance.
    let mut sources: Vec<Source> = Vec::new();
    for e in &f.evidence {
        if !sources.contains(&e.source) {
            sources.push(e.source);
        }
    }
    let labels_for = |s: Source| -> Vec<LabeledSpan> {
        f.evidence
            .iter()
            .filter(|e| e.source == s)
            .map(|e| {
                LabeledSpan::new(
                    Some(e.label.clone()),
                    e.start,
                    e.end.saturating_sub(e.start),
                )
            })
            .collect()
    };
    let named = |s: Source| NamedSource::new(out.path_of(s), out.text_of(s).to_string());
    // miette cannot draw a snippet of a line tens of thousands of columns wide (it panics past
    // 65,535): such evidence is listed as `path:line:col: label` instead.
    let mut locator = super::Locator::new(out);
    let mut listed = |s: Source| -> Option<String> {
        let text = out.text_of(s);
        let wide = f.evidence.iter().filter(|e| e.source == s).any(|e| {
            let a = text[..e.start.min(text.len())]
                .rfind('\n')
                .map_or(0, |i| i + 1);
            let b = text[e.start.min(text.len())..]
                .find('\n')
                .map_or(text.len(), |i| e.start + i);
            b - a > 10_000
        });
        wide.then(|| {
            f.evidence
                .iter()
                .filter(|e| e.source == s)
                .map(|e| {
                    let p = locator.place(e);
                    format!("\n  {}:{}:{}: {}", p.path, p.line, p.column, e.label)
                })
                .collect()
        })
    };
    let mut part =
        |s: Source, message: String| -> (String, Option<NamedSource<String>>, Vec<LabeledSpan>) {
            match listed(s) {
                Some(lines) => (format!("{message}{lines}"), None, Vec::new()),
                None => (message, Some(named(s)), labels_for(s)),
            }
        };
    let related = sources
        .iter()
        .skip(1)
        .map(|&s| {
            let message = match s {
                Source::Doc(d) => format!("also in {}", out.documents[d].path),
                Source::Kb(k) => format!("knowledge base {}", out.kb.files[k].path),
            };
            let (message, src, labels) = part(s, message);
            Diag {
                message,
                code: None,
                severity: miette::Severity::Advice,
                help: None,
                src,
                labels,
                related: Vec::new(),
            }
        })
        .collect();
    let (message, src, labels) = match sources.first() {
        Some(&s) => part(s, f.message.clone()),
        None => (f.message.clone(), None, Vec::new()),
    };
    Diag {
        message,
        code: Some(format!("{}({})", f.rule, f.kind.as_str())),
        severity: level(f.severity),
        help: f.help.clone(),
        src,
        labels,
        related,
    }
}

fn render(d: &Diag, width: usize, color: bool) -> String {
    let mut s = String::new();
    if handler(width, color).render_report(&mut s, d).is_err() {
        s = format!("{}\n", d.message);
    }
    s
}

/// Every finding, then a summary line.
pub fn render_human(out: &Outcome, width: usize, color: bool) -> String {
    let mut s = String::new();
    for f in &out.findings {
        s.push_str(&render(&finding_diag(out, f), width, color));
        s.push('\n');
    }
    let n = |sev: Severity| out.findings.iter().filter(|f| f.severity == sev).count();
    s.push_str(&format!(
        "{} documents, {} claims: {} errors, {} warnings, {} notes",
        out.documents.len(),
        out.claim_count(),
        n(Severity::Error),
        n(Severity::Warning),
        n(Severity::Info)
    ));
    if out.suppressed > 0 {
        s.push_str(&format!(", {} suppressed", out.suppressed));
    }
    if out.baselined > 0 {
        s.push_str(&format!(", {} in the baseline", out.baselined));
    }
    if let Some(total) = out.indexed {
        s.push_str(&format!(
            " (the drafts were compared with the {} closest of {total} indexed documents)",
            out.documents.iter().filter(|d| !d.draft).count()
        ));
    }
    s.push('\n');
    s
}

/// An input problem (unreadable file, broken front matter) as a diagnostic.
pub fn render_problem(p: &InputProblem, width: usize, color: bool) -> String {
    let (src, labels) = match (&p.text, p.span) {
        (Some(t), Some((s, e))) => (
            Some(NamedSource::new(&p.path, t.clone())),
            vec![LabeledSpan::new(
                Some("here".into()),
                s,
                e.saturating_sub(s),
            )],
        ),
        _ => (None, Vec::new()),
    };
    let d = Diag {
        message: format!("{}: {}", p.path, p.message),
        code: Some("input".into()),
        severity: if p.fatal {
            miette::Severity::Error
        } else {
            miette::Severity::Warning
        },
        help: None,
        src,
        labels,
        related: Vec::new(),
    };
    render(&d, width, color)
}

/// A configuration or knowledge-base error, pointing into the TOML when it can.
pub fn render_error(
    path: &str,
    text: &str,
    message: &str,
    span: Option<(usize, usize)>,
    width: usize,
    color: bool,
) -> String {
    let (src, labels) = match span {
        Some((s, e)) if !text.is_empty() => (
            Some(NamedSource::new(path, text.to_string())),
            vec![LabeledSpan::new(
                Some(message.to_string()),
                s.min(text.len()),
                e.min(text.len()).saturating_sub(s.min(text.len())),
            )],
        ),
        _ => (None, Vec::new()),
    };
    let d = Diag {
        message: format!("{path}: {message}"),
        code: None,
        severity: miette::Severity::Error,
        help: None,
        src,
        labels,
        related: Vec::new(),
    };
    render(&d, width, color)
}
