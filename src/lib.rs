//! crosscheck: a source-discrepancy linter for news corpora.
//!
//! The pipeline runs one way: corpus → text → extract → kb/resolve → rules → report. This file is
//! that pipeline as one function; it prints nothing.

pub mod config;
pub mod corpus;
pub mod extract;
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

/// What a run is asked to do.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub paths: Vec<PathBuf>,
    pub kb: Vec<PathBuf>,
    pub params: Params,
    pub disabled: Vec<String>,
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

/// Runs the whole pipeline over the corpus.
pub fn check(opts: &Options) -> Result<Outcome, KbError> {
    let lex = Lexicon::default_fr();
    let kb = load_kb(&opts.kb, &lex)?;
    let corpus = corpus::load(&opts.paths);
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
    let claims: Vec<DocClaims> = documents
        .par_iter()
        .map(|d| extract::extract(d, lex))
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
    findings.sort_by_cached_key(|f| f.sort_key(path_of));
    Outcome {
        documents,
        problems,
        kb,
        claims,
        findings,
        entities,
        lexicon,
    }
}
