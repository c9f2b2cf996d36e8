//! `--format github`: GitHub Actions workflow commands, one annotation per finding on its primary
//! span, the other documents named in the message.

use super::Locator;
use crate::Outcome;
use crate::finding::Severity;

/// Escapes a workflow-command message (`%`, carriage return, newline).
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow-command property value (also `:` and `,`).
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render_github(out: &Outcome) -> String {
    let mut locator = Locator::new(out);
    let mut s = String::new();
    for f in &out.findings {
        let Some(e) = f.evidence.first() else {
            continue;
        };
        let p = locator.place(e);
        let level = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut others: Vec<String> = Vec::new();
        for o in &f.evidence[1..] {
            let q = locator.place(o);
            let here = format!("{}:{}:{}", q.path, q.line, q.column);
            if !others.contains(&here) {
                others.push(here);
            }
        }
        let mut message = f.message.clone();
        if let Some(h) = &f.help {
            message.push_str(&format!("\nhelp: {h}"));
        }
        if !others.is_empty() {
            message.push_str(&format!("\nsee also: {}", others.join(", ")));
        }
        s.push_str(&format!(
            "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
            escape_property(p.path),
            p.line,
            p.column,
            p.end_line,
            p.end_column,
            escape_property(&format!("crosscheck {} ({})", f.rule, f.severity.as_str())),
            escape_data(&message)
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_command_values_are_escaped() {
        assert_eq!(escape_data("a%b\nc"), "a%25b%0Ac");
        assert_eq!(escape_property("x:y,z"), "x%3Ay%2Cz");
    }
}
