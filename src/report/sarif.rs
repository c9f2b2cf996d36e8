//! `--format sarif`: SARIF 2.1.0, one result per finding on its primary span, every other span as a
//! related location, rule metadata from the rules' documentation.

use serde_json::{Value, json};

use super::Locator;
use crate::Outcome;
use crate::finding::{Evidence, Severity};
use crate::rules::RULES;

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn location(locator: &mut Locator, e: &Evidence) -> Value {
    let p = locator.place(e);
    json!({
        "physicalLocation": {
            "artifactLocation": { "uri": p.path },
            "region": {
                "startLine": p.line,
                "startColumn": p.column,
                "endLine": p.end_line,
                "endColumn": p.end_column,
                "byteOffset": e.start,
                "byteLength": e.end - e.start,
                "snippet": { "text": p.text },
            }
        }
    })
}

pub fn render_sarif(out: &Outcome) -> String {
    let mut locator = Locator::new(out);
    let rules: Vec<Value> = RULES
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "name": r.id,
                "shortDescription": { "text": r.summary },
                "fullDescription": { "text": r.summary },
                "help": { "text": r.doc, "markdown": r.doc },
                "defaultConfiguration": { "level": level(r.default_severity) },
                "properties": { "kind": r.kind.as_str() },
            })
        })
        .collect();
    let results: Vec<Value> = out
        .findings
        .iter()
        .filter_map(|f| {
            let primary = f.evidence.first()?;
            let related: Vec<Value> = f.evidence[1..]
                .iter()
                .enumerate()
                .map(|(i, e)| {
                    let mut l = location(&mut locator, e);
                    l["id"] = json!(i + 1);
                    l["message"] = json!({ "text": e.label });
                    l
                })
                .collect();
            let mut message = f.message.clone();
            if let Some(h) = &f.help {
                message.push_str(&format!("\nhelp: {h}"));
            }
            Some(json!({
                "ruleId": f.rule,
                "ruleIndex": RULES.iter().position(|r| r.id == f.rule),
                "level": level(f.severity),
                "message": { "text": message },
                "locations": [location(&mut locator, primary)],
                "relatedLocations": related,
                "properties": { "kind": f.kind.as_str(), "subject": f.subject },
            }))
        })
        .collect();
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "crosscheck",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}
