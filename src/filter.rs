//! The filter stage: what the run reports of the findings — only those that touch a draft when
//! drafts are given, not those an inline comment suppresses, not those a baseline accepts.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::corpus::Document;
use crate::finding::{Finding, Source};
use crate::text::fold;

/// An inline suppression read from a document's comments.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Suppression {
    /// Byte range of the document it covers.
    pub start: usize,
    pub end: usize,
    /// Rule ids it applies to; empty: every rule.
    pub rules: Vec<String>,
    /// Folded subject it applies to; `None`: every subject.
    pub subject: Option<String>,
}

impl Suppression {
    fn covers(&self, f: &Finding, start: usize, end: usize) -> bool {
        start < self.end
            && self.start < end
            && (self.rules.is_empty() || self.rules.iter().any(|r| r == f.rule))
            && self.subject.as_ref().is_none_or(|s| *s == fold(&f.subject))
    }
}

/// Reads `<!-- crosscheck-disable-next-line [rules] [: subject] -->`,
/// `<!-- crosscheck-disable … -->` … `<!-- crosscheck-enable -->` and
/// `<!-- crosscheck-disable-file … -->` comments.
pub fn suppressions(text: &str) -> Vec<Suppression> {
    let mut out = Vec::new();
    let mut open: Vec<(usize, Vec<String>, Option<String>)> = Vec::new();
    let mut pos = 0;
    while let Some(i) = text[pos..].find("<!--") {
        let start = pos + i;
        let Some(j) = text[start..].find("-->") else {
            break;
        };
        let end = start + j + 3;
        pos = end;
        let body = text[start + 4..end - 3].trim();
        let Some((directive, rest)) = body
            .split_once(char::is_whitespace)
            .map(|(d, r)| (d, r.trim()))
            .or(Some((body, "")))
        else {
            continue;
        };
        let (rules, subject) = match rest.split_once(':') {
            Some((r, s)) => (r, Some(fold(s.trim())).filter(|s| !s.is_empty())),
            None => (rest, None),
        };
        let rules: Vec<String> = rules
            .split([',', ' '])
            .filter(|r| !r.is_empty())
            .map(str::to_string)
            .collect();
        match directive {
            "crosscheck-disable-next-line" => {
                // The next line that has text.
                let after = &text[end..];
                let skip = after.len() - after.trim_start().len();
                let line_start = end + skip;
                let line_end = text[line_start..]
                    .find('\n')
                    .map_or(text.len(), |k| line_start + k);
                out.push(Suppression {
                    start: line_start,
                    end: line_end,
                    rules,
                    subject,
                });
            }
            "crosscheck-disable-file" => {
                out.push(Suppression {
                    start: 0,
                    end: text.len(),
                    rules,
                    subject,
                });
            }
            "crosscheck-disable" => open.push((end, rules, subject)),
            "crosscheck-enable" => {
                if let Some((s, rules, subject)) = open.pop() {
                    out.push(Suppression {
                        start: s,
                        end: start,
                        rules,
                        subject,
                    });
                }
            }
            _ => {}
        }
    }
    // A region never closed runs to the end of the document.
    for (s, rules, subject) in open {
        out.push(Suppression {
            start: s,
            end: text.len(),
            rules,
            subject,
        });
    }
    out
}

/// Whether an inline comment in one of the documents suppresses the finding.
pub fn suppressed(f: &Finding, sups: &[Vec<Suppression>]) -> bool {
    f.evidence.iter().any(|e| match e.source {
        Source::Doc(d) => sups[d].iter().any(|s| s.covers(f, e.start, e.end)),
        Source::Kb(_) => false,
    })
}

/// Whether a draft holds some of the finding's disputed evidence (a draft that agrees with the
/// right side is not concerned).
pub fn touches_draft(f: &Finding, docs: &[Document]) -> bool {
    f.disputed()
        .iter()
        .any(|e| matches!(e.source, Source::Doc(d) if docs[d].draft))
}

/// Puts the draft's disputed evidence first, so that reports point into the draft.
pub fn draft_first(f: &mut Finding, docs: &[Document]) {
    let n = f.disputed().len();
    if let Some(i) = f.evidence[..n]
        .iter()
        .position(|e| matches!(e.source, Source::Doc(d) if docs[d].draft))
    {
        let e = f.evidence.remove(i);
        f.evidence.insert(0, e);
    }
}

/// A finding as the baseline keys it: the rule, the subject, and what each document claims —
/// never offsets or line numbers, so that editing a draft does not break the baseline.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct BaselineEntry {
    pub rule: String,
    pub subject: String,
    /// (path, claim) pairs, sorted and without repeats.
    pub claims: Vec<(String, String)>,
}

/// A file of accepted findings.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub findings: BTreeSet<BaselineEntry>,
}

impl BaselineEntry {
    pub fn of(f: &Finding, path_of: &dyn Fn(Source) -> String) -> Self {
        let claims: BTreeSet<(String, String)> = f
            .evidence
            .iter()
            .map(|e| (path_of(e.source), fold(&e.claim)))
            .collect();
        BaselineEntry {
            rule: f.rule.to_string(),
            subject: f.subject.clone(),
            claims: claims.into_iter().collect(),
        }
    }
}

impl Baseline {
    pub fn from_findings(findings: &[Finding], path_of: &dyn Fn(Source) -> String) -> Self {
        Baseline {
            version: 1,
            findings: findings
                .iter()
                .map(|f| BaselineEntry::of(f, path_of))
                .collect(),
        }
    }

    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    pub fn parse(text: &str) -> Result<Self, String> {
        let b: Baseline = serde_json::from_str(text).map_err(|e| e.to_string())?;
        if b.version != 1 {
            return Err(format!(
                "baseline version {} is not supported (expected 1)",
                b.version
            ));
        }
        Ok(b)
    }

    pub fn accepts(&self, f: &Finding, path_of: &dyn Fn(Source) -> String) -> bool {
        self.findings.contains(&BaselineEntry::of(f, path_of))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_three_kinds_of_suppression() {
        let text = "a\n<!-- crosscheck-disable-next-line name-variant: Awa Ba -->\nligne visée\nb\n<!-- crosscheck-disable -->\nzone\n<!-- crosscheck-enable -->\nc";
        let s = suppressions(text);
        assert_eq!(s.len(), 2);
        assert_eq!(&text[s[0].start..s[0].end], "ligne visée");
        assert_eq!(s[0].rules, ["name-variant"]);
        assert_eq!(s[0].subject.as_deref(), Some("awa ba"));
        assert_eq!(text[s[1].start..s[1].end].trim(), "zone");
        let f = suppressions("<!-- crosscheck-disable-file role-conflict, acronym -->");
        assert_eq!(f[0].rules, ["role-conflict", "acronym"]);
    }
}
