//! `--format short`: one line per finding, `path:line:col: level[rule] message`.

use super::Locator;
use crate::Outcome;

pub fn render_short(out: &Outcome) -> String {
    let mut locator = Locator::new(out);
    let mut s = String::new();
    for f in &out.findings {
        let Some(e) = f.evidence.first() else {
            continue;
        };
        let p = locator.place(e);
        s.push_str(&format!(
            "{}:{}:{}: {}[{}] {}\n",
            p.path,
            p.line,
            p.column,
            f.severity.as_str(),
            f.rule,
            f.message
        ));
    }
    s
}
