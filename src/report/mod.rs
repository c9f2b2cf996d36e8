//! The report stage: findings as miette diagnostics for people, as JSON, SARIF, GitHub workflow
//! annotations or one line each for machines; claims for people who audit the tool.

mod claims;
mod fix;
mod github;
mod human;
mod json;
mod sarif;
mod short;
mod write;

use std::collections::BTreeMap;

pub use claims::{render_claims, render_claims_json};
pub use fix::{FileFix, apply_fixes, plan_fixes, render_diff};
pub use github::render_github;
pub use human::{render_error, render_human, render_problem};
pub use json::render_json;
pub use sarif::render_sarif;
pub use short::render_short;
pub use write::write_atomically;

use crate::Outcome;
use crate::finding::{Evidence, Source};
use crate::text::LineIndex;

/// Line and column lookup for evidence, with one line index per source built on demand.
pub(crate) struct Locator<'a> {
    out: &'a Outcome,
    indexes: BTreeMap<Source, LineIndex>,
}

/// Where a piece of evidence is, in every unit the formats want.
pub(crate) struct Place<'a> {
    pub path: &'a str,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub text: &'a str,
}

impl<'a> Locator<'a> {
    pub fn new(out: &'a Outcome) -> Self {
        Locator {
            out,
            indexes: BTreeMap::new(),
        }
    }

    pub fn place(&mut self, e: &Evidence) -> Place<'a> {
        // A slimmed document says where its claims are from what it kept.
        if let Source::Doc(d) = e.source
            && let Some((line, column, end_line, end_column, text)) =
                self.out.documents[d].place(e.start, e.end)
        {
            return Place {
                path: self.out.path_of(e.source),
                line,
                column,
                end_line,
                end_column,
                text,
            };
        }
        let text = self.out.text_of(e.source);
        let idx = self
            .indexes
            .entry(e.source)
            .or_insert_with(|| LineIndex::new(text));
        let (line, column) = idx.line_col(text, e.start);
        let (end_line, end_column) = idx.line_col(text, e.end);
        Place {
            path: self.out.path_of(e.source),
            line,
            column,
            end_line,
            end_column,
            text: text.get(e.start..e.end).unwrap_or_default(),
        }
    }
}
