//! Test support: runs the library on a folder and scores the findings against an answer key in the
//! format of `shared/eval/seed-answers.toml` (the same matching as `shared/eval/score.py`).

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use crosscheck::finding::{Finding, Severity, Source};
use crosscheck::{Options, Outcome};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct Key {
    #[serde(default)]
    pub finding: Vec<Entry>,
    #[serde(default)]
    pub optional: Vec<Entry>,
    #[serde(default)]
    pub not_conflict: Vec<Entry>,
}

#[derive(Debug, Deserialize)]
pub struct Entry {
    pub id: String,
    pub kinds: Vec<String>,
    #[serde(default)]
    pub min_severity: Option<String>,
    #[serde(default)]
    pub min_covered: Option<usize>,
    #[serde(default)]
    pub evidence: Vec<KeyEvidence>,
}

#[derive(Debug, Deserialize)]
pub struct KeyEvidence {
    pub file: String,
    pub text: String,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub value: Option<String>,
}

pub struct Score {
    pub found: Vec<String>,
    pub missed: Vec<String>,
    pub unexpected: Vec<String>,
    pub violated: Vec<String>,
    pub reported: usize,
    pub matched: usize,
}

impl Score {
    pub fn recall(&self) -> f64 {
        let total = self.found.len() + self.missed.len();
        if total == 0 {
            1.0
        } else {
            self.found.len() as f64 / total as f64
        }
    }
    pub fn precision(&self) -> f64 {
        if self.reported == 0 {
            1.0
        } else {
            self.matched as f64 / self.reported as f64
        }
    }
    pub fn summary(&self) -> String {
        format!(
            "recall {:.2} precision {:.2}\nmissed: {:?}\nunexpected: {:#?}\nviolated: {:?}",
            self.recall(),
            self.precision(),
            self.missed,
            self.unexpected,
            self.violated
        )
    }
}

pub fn run(corpus: &Path, kb: &[PathBuf]) -> Outcome {
    let opts = Options {
        paths: vec![corpus.to_path_buf()],
        kb: kb.to_vec(),
        ..Options::default()
    };
    crosscheck::check(&opts).expect("knowledge base loads")
}

fn covered(out: &Outcome, f: &Finding, ev: &KeyEvidence) -> bool {
    f.evidence.iter().any(|e| {
        let Source::Doc(d) = e.source else {
            return false;
        };
        let doc = &out.documents[d];
        let name = doc.path.rsplit('/').next().unwrap_or_default();
        if name != ev.file {
            return false;
        }
        doc.text
            .match_indices(&ev.text)
            .any(|(a, t)| e.start < a + t.len() && a < e.end)
    })
}

fn matches(out: &Outcome, f: &Finding, entry: &Entry) -> bool {
    if !entry.kinds.iter().any(|k| k == f.kind.as_str()) {
        return false;
    }
    let hits: Vec<bool> = entry
        .evidence
        .iter()
        .map(|ev| covered(out, f, ev))
        .collect();
    if entry
        .evidence
        .iter()
        .zip(&hits)
        .any(|(ev, h)| ev.required && !h)
    {
        return false;
    }
    let (units, got) = if entry.evidence.iter().any(|e| e.value.is_some()) {
        let value = |e: &KeyEvidence| e.value.clone().unwrap_or_else(|| e.text.clone());
        let mut units: Vec<String> = entry.evidence.iter().map(value).collect();
        units.sort();
        units.dedup();
        let mut got: Vec<String> = entry
            .evidence
            .iter()
            .zip(&hits)
            .filter(|(_, h)| **h)
            .map(|(e, _)| value(e))
            .collect();
        got.sort();
        got.dedup();
        (units.len(), got.len())
    } else {
        (entry.evidence.len(), hits.iter().filter(|h| **h).count())
    };
    got >= entry.min_covered.unwrap_or(2).min(units)
}

pub fn score(out: &Outcome, key_path: &Path, relax: bool) -> Score {
    let key: Key = toml::from_str(&std::fs::read_to_string(key_path).expect("key readable"))
        .expect("key parses");
    let mut s = Score {
        found: vec![],
        missed: vec![],
        unexpected: vec![],
        violated: vec![],
        reported: 0,
        matched: 0,
    };
    for e in &key.finding {
        let mut floor = e
            .min_severity
            .as_deref()
            .and_then(Severity::parse)
            .unwrap_or(Severity::Warning);
        if relax {
            floor = floor.min(Severity::Warning);
        }
        if out
            .findings
            .iter()
            .any(|f| f.severity >= floor && matches(out, f, e))
        {
            s.found.push(e.id.clone());
        } else {
            s.missed.push(e.id.clone());
        }
    }
    for f in out
        .findings
        .iter()
        .filter(|f| f.severity >= Severity::Warning)
    {
        s.reported += 1;
        let good = key
            .finding
            .iter()
            .chain(&key.optional)
            .any(|e| matches(out, f, e));
        let bad: Vec<String> = key
            .not_conflict
            .iter()
            .filter(|e| matches(out, f, e))
            .map(|e| e.id.clone())
            .collect();
        if good && bad.is_empty() {
            s.matched += 1;
        } else {
            s.unexpected.push(format!(
                "{} [{}] {}",
                f.rule,
                f.severity.as_str(),
                f.message
            ));
        }
        for b in bad {
            if !s.violated.contains(&b) {
                s.violated.push(b);
            }
        }
    }
    s
}
