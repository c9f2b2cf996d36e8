//! crosscheck: a source-discrepancy linter for news corpora.
//!
//! The pipeline runs one way: corpus → text → extract → kb/resolve → rules → report. This file is
//! that pipeline as one function; it prints nothing.

// Library code reports errors; it never panics on them (tests may unwrap).
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod config;
pub mod corpus;
pub mod extract;
pub mod filter;
pub mod finding;
pub mod kb;
pub mod lexicon;
pub mod report;
pub mod resolve;
pub mod rules;
pub mod text;
pub mod time;

use std::path::PathBuf;

use rayon::prelude::*;

use crate::corpus::{Document, InputProblem};
use crate::extract::DocClaims;
use crate::finding::{Finding, Source};
use crate::kb::{Kb, KbError};
use crate::lexicon::Lexicon;
use crate::rules::Params;

/// Reports progress to whoever shows it (the binary's progress bar): called with the number of
/// documents once they are found, then once per document read.
#[derive(Clone)]
pub struct Progress {
    pub found: std::sync::Arc<dyn Fn(u64) + Send + Sync>,
    pub done: std::sync::Arc<dyn Fn() + Send + Sync>,
}

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Progress")
    }
}

/// What a run is asked to do.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub paths: Vec<PathBuf>,
    pub kb: Vec<PathBuf>,
    /// User lexicons (TOML, the language pack's shape) added to the built-in pack.
    pub lexicons: Vec<PathBuf>,
    pub params: Params,
    pub disabled: Vec<String>,
    /// Per-rule severities that replace what the rule reports.
    pub levels: std::collections::BTreeMap<String, finding::Severity>,
    /// Drafts under review: read with the corpus, and only findings that touch them are reported.
    pub drafts: Vec<PathBuf>,
    /// A draft read from standard input: (name shown, text).
    pub stdin_draft: Option<(String, String)>,
    /// A git revision range whose changed documents are treated as drafts.
    pub changed: Option<String>,
    /// Accepted findings, not reported again.
    pub baseline: Option<filter::Baseline>,
    /// Which walked files are read (include/exclude globs).
    pub scope: config::Scope,
    /// Rule settings per path of the primary evidence.
    pub overrides: Vec<config::Override>,
    /// Progress callbacks; `None` for silence.
    pub progress: Option<Progress>,
}

/// Why a run could not go on.
#[derive(Debug, Clone)]
pub enum RunError {
    /// A knowledge base is unreadable or invalid (with its place in the file).
    Kb(KbError),
    /// `--changed` could not ask git for the changed files.
    Changed(String),
    /// A user lexicon is unreadable or invalid (with its place in the file).
    Lexicon(lexicon::LexiconError),
}

/// Everything a run produced, for the report stage.
pub struct Outcome {
    pub documents: Vec<Document>,
    pub problems: Vec<InputProblem>,
    pub kb: Kb,
    pub claims: Vec<DocClaims>,
    pub findings: Vec<Finding>,
    /// Entity name per (document, person mention), for `crosscheck claims`.
    pub entities: Vec<Vec<Option<String>>>,
    /// The language pack the claims refer to (office, portfolio and rank indices).
    pub lexicon: Lexicon,
    /// Findings an inline comment suppressed.
    pub suppressed: usize,
    /// Findings the baseline accepted.
    pub baselined: usize,
    /// Every finding the run would report without a baseline, as a baseline keys them
    /// (`--write-baseline`).
    pub baseline_candidates: filter::Baseline,
}

impl Outcome {
    /// The path shown for a source.
    pub fn path_of(&self, s: Source) -> &str {
        match s {
            Source::Doc(d) => &self.documents[d].path,
            Source::Kb(k) => &self.kb.files[k].path,
        }
    }

    /// The text of a source.
    pub fn text_of(&self, s: Source) -> &str {
        match s {
            Source::Doc(d) => &self.documents[d].text,
            Source::Kb(k) => &self.kb.files[k].text,
        }
    }

    pub fn claim_count(&self) -> usize {
        self.claims.iter().map(DocClaims::count).sum()
    }
}

/// Loads the knowledge bases named; an unreadable or invalid one fails the run.
pub fn load_kb(paths: &[PathBuf], lex: &Lexicon) -> Result<Kb, KbError> {
    let mut kb = Kb::default();
    for p in paths {
        let shown = p.to_string_lossy().replace('\\', "/");
        let text = std::fs::read_to_string(p).map_err(|e| KbError {
            path: shown.clone(),
            text: String::new(),
            message: format!("cannot read the knowledge base: {e}"),
            span: None,
        })?;
        kb.add_file(&shown, text, lex)?;
    }
    Ok(kb)
}

/// The built-in language pack extended with the user lexicons named; an unreadable or invalid one
/// fails the run.
pub fn load_lexicon(paths: &[PathBuf]) -> Result<Lexicon, lexicon::LexiconError> {
    if paths.is_empty() {
        return Ok(Lexicon::default_fr());
    }
    let mut files = Vec::new();
    for p in paths {
        let shown = p.to_string_lossy().replace('\\', "/");
        let text = std::fs::read_to_string(p).map_err(|e| lexicon::LexiconError {
            path: shown.clone(),
            text: String::new(),
            message: format!("cannot read the lexicon: {e}"),
            span: None,
        })?;
        files.push((shown, text));
    }
    Lexicon::with_user_packs(&files)
}

/// Runs the whole pipeline over the corpus.
pub fn check(opts: &Options) -> Result<Outcome, RunError> {
    let lex = load_lexicon(&opts.lexicons).map_err(RunError::Lexicon)?;
    let kb = load_kb(&opts.kb, &lex).map_err(RunError::Kb)?;
    let mut corpus = corpus::load_scoped(&opts.paths, &|p| opts.scope.admits(p));
    let mut drafts = opts.drafts.clone();
    if let Some(range) = &opts.changed {
        let changed = corpus::changed_files(range).map_err(RunError::Changed)?;
        drafts.extend(changed.into_iter().filter(|p| corpus::wanted(p)));
    }
    corpus::add_drafts(&mut corpus, &drafts);
    if let Some((name, text)) = &opts.stdin_draft {
        corpus::add_stdin_draft(&mut corpus, name, text.clone());
    }
    Ok(check_documents(
        corpus.documents,
        corpus.problems,
        kb,
        lex,
        opts,
    ))
}

/// The pipeline from documents already read.
pub fn check_documents(
    documents: Vec<Document>,
    problems: Vec<InputProblem>,
    kb: Kb,
    lexicon: Lexicon,
    opts: &Options,
) -> Outcome {
    let lex = &lexicon;
    if let Some(p) = &opts.progress {
        (p.found)(documents.len() as u64);
    }
    let claims: Vec<DocClaims> = documents
        .par_iter()
        .map(|d| {
            let c = extract::extract(d, lex);
            if let Some(p) = &opts.progress {
                (p.done)();
            }
            c
        })
        .collect();
    let model = resolve::resolve(&documents, claims, &kb, lex);
    let mut findings: Vec<Finding> = rules::RULES
        .iter()
        .filter(|r| !opts.disabled.iter().any(|d| d == r.id))
        .flat_map(|r| (r.check)(&model, &opts.params))
        .collect();
    let entities = model
        .person_entity
        .iter()
        .map(|row| {
            row.iter()
                .map(|e| e.map(|e| model.entities[e].name.clone()))
                .collect()
        })
        .collect();
    let resolve::Model { claims, .. } = model;
    let path_of = |s: Source| match s {
        Source::Doc(d) => documents[d].path.clone(),
        Source::Kb(k) => kb.files[k].path.clone(),
    };
    for f in &mut findings {
        if let Some(level) = opts.levels.get(f.rule) {
            f.severity = *level;
        }
    }
    // Per-path overrides, by the path of the primary evidence.
    if !opts.overrides.is_empty() {
        findings.retain_mut(|f| {
            let Some(Source::Doc(d)) = f.evidence.first().map(|e| e.source) else {
                return true;
            };
            for o in opts
                .overrides
                .iter()
                .filter(|o| o.applies_to(&documents[d].path))
            {
                if o.disabled.iter().any(|r| r == f.rule) {
                    return false;
                }
                if let Some(level) = o.levels.get(f.rule) {
                    f.severity = *level;
                }
            }
            true
        });
    }
    // Filter: drafts first (the question asked), then inline suppressions, then the baseline.
    if documents.iter().any(|d| d.draft) {
        findings.retain(|f| filter::touches_draft(f, &documents));
        for f in &mut findings {
            filter::draft_first(f, &documents);
        }
    }
    let sups: Vec<Vec<filter::Suppression>> = documents
        .iter()
        .map(|d| filter::suppressions(&d.text))
        .collect();
    let before = findings.len();
    findings.retain(|f| !filter::suppressed(f, &sups));
    let suppressed = before - findings.len();
    findings.sort_by_cached_key(|f| f.sort_key(path_of));
    let baseline_candidates = filter::Baseline::from_findings(&findings, &path_of);
    let before = findings.len();
    if let Some(b) = &opts.baseline {
        findings.retain(|f| !b.accepts(f, &path_of));
    }
    let baselined = before - findings.len();
    Outcome {
        documents,
        problems,
        kb,
        claims,
        findings,
        entities,
        lexicon,
        suppressed,
        baselined,
        baseline_candidates,
    }
}
