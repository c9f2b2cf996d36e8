//! `--fix` and `--diff`: the machine-applicable replacements of the findings, applied to drafts
//! only, atomically, and never to a file that changed since it was read.

use std::collections::BTreeMap;
use std::path::Path;

use crate::Outcome;
use crate::finding::{Edit, Severity};

/// The fixes for one draft.
#[derive(Debug, Clone)]
pub struct FileFix {
    pub path: String,
    pub original: String,
    pub fixed: String,
    pub edits: usize,
}

/// Collects the edits of warning and error findings that fall in drafts, drops overlapping ones
/// (the first in order wins), and computes each draft's fixed text.
pub fn plan_fixes(out: &Outcome) -> Vec<FileFix> {
    let mut per_doc: BTreeMap<usize, Vec<&Edit>> = BTreeMap::new();
    for f in out
        .findings
        .iter()
        .filter(|f| f.severity >= Severity::Warning)
    {
        for e in &f.fixes {
            if out.documents.get(e.doc).is_some_and(|d| d.draft) {
                per_doc.entry(e.doc).or_default().push(e);
            }
        }
    }
    let mut plan = Vec::new();
    for (d, mut edits) in per_doc {
        edits.sort();
        edits.dedup();
        let doc = &out.documents[d];
        let mut fixed = String::with_capacity(doc.text.len());
        let mut at = 0;
        let mut n = 0;
        for e in edits {
            let valid = e.start >= at
                && e.end <= doc.text.len()
                && doc.text.is_char_boundary(e.start)
                && doc.text.is_char_boundary(e.end);
            if !valid || doc.text[e.start..e.end] == e.replacement {
                continue;
            }
            fixed.push_str(&doc.text[at..e.start]);
            fixed.push_str(&e.replacement);
            at = e.end;
            n += 1;
        }
        if n == 0 {
            continue;
        }
        fixed.push_str(&doc.text[at..]);
        plan.push(FileFix {
            path: doc.path.clone(),
            original: doc.text.clone(),
            fixed,
            edits: n,
        });
    }
    plan
}

/// A unified diff of the planned fixes (whole lines; replacements never add or remove lines).
pub fn render_diff(plan: &[FileFix]) -> String {
    let mut s = String::new();
    for f in plan {
        let shown = f.path.trim_start_matches('/');
        s.push_str(&format!("--- a/{shown}\n+++ b/{shown}\n"));
        let (old, new): (Vec<&str>, Vec<&str>) = (
            f.original.split('\n').collect(),
            f.fixed.split('\n').collect(),
        );
        for (i, (o, n)) in old.iter().zip(&new).enumerate() {
            if o != n {
                s.push_str(&format!("@@ -{0},1 +{0},1 @@\n-{o}\n+{n}\n", i + 1));
            }
        }
    }
    s
}

/// Writes the fixed drafts. A draft whose bytes on disk differ from what was read is refused.
/// Returns (files written, edits applied) or the first problem met.
pub fn apply_fixes(plan: &[FileFix]) -> Result<(usize, usize), String> {
    let mut files = 0;
    let mut edits = 0;
    for f in plan {
        let path = Path::new(&f.path);
        let now = std::fs::read(path)
            .map_err(|e| format!("{}: cannot re-read before fixing: {e}", f.path))?;
        if now != f.original.as_bytes() {
            return Err(format!(
                "{}: changed on disk since it was read; not fixed (run again)",
                f.path
            ));
        }
        super::write_atomically(path, f.fixed.as_bytes())
            .map_err(|e| format!("{}: cannot write: {e}", f.path))?;
        files += 1;
        edits += f.edits;
    }
    Ok((files, edits))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_changed_since_it_was_read_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("d.md");
        std::fs::write(&p, "édité entre-temps").unwrap();
        let plan = vec![FileFix {
            path: p.to_string_lossy().into_owned(),
            original: "Carte".into(),
            fixed: "Charte".into(),
            edits: 1,
        }];
        let err = apply_fixes(&plan).unwrap_err();
        assert!(err.contains("changed on disk"), "{err}");
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "édité entre-temps");
    }

    #[test]
    fn the_diff_shows_changed_lines_only() {
        let plan = vec![FileFix {
            path: "d.md".into(),
            original: "a\nCarte\nb".into(),
            fixed: "a\nCharte\nb".into(),
            edits: 1,
        }];
        assert_eq!(
            render_diff(&plan),
            "--- a/d.md\n+++ b/d.md\n@@ -2,1 +2,1 @@\n-Carte\n+Charte\n"
        );
    }
}
