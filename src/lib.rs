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
pub mod index;
pub mod kb;
pub mod lexicon;
pub mod report;
pub mod resolve;
pub mod rules;
pub mod text;
pub mod time;

use std::path::{Path, PathBuf};

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
    /// Keep every document's whole text in the outcome (`crosscheck claims` shows them all).
    /// Otherwise a document is held whole only while its claims are read.
    pub keep_texts: bool,
    /// The report only needs the lines, columns and text of each piece of evidence (JSON, SARIF,
    /// GitHub, short): documents are read again only if what was kept of them cannot say. When
    /// false (the default, what the human report needs), every document a finding shows is read
    /// again.
    pub spans_only: bool,
}

/// One document for the pipeline.
#[expect(
    clippy::large_enum_variant,
    reason = "built once per document and consumed at once: boxing would only add allocations"
)]
pub enum Input {
    /// Already read (a draft on stdin, an index's copy), with its claims when an index holds
    /// them, and the problems met reading it.
    Read {
        document: Document,
        claims: Option<DocClaims>,
        problems: Vec<InputProblem>,
    },
    /// A file, read while claims are extracted, then dropped but for its claims' spans (unless
    /// it is a draft or `keep_texts` is set).
    File(corpus::Pending),
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
    /// A claim index cannot be built or used: missing, foreign, damaged or stale.
    Index(index::IndexError),
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
    /// With `--index`: how many documents the index holds (`documents` are the drafts and the
    /// indexed documents they were compared with).
    pub indexed: Option<usize>,
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
    let mut plan = corpus::plan_scoped(&opts.paths, &|p| opts.scope.admits(p));
    let mut drafts = opts.drafts.clone();
    if let Some(range) = &opts.changed {
        let changed = corpus::changed_files(range).map_err(RunError::Changed)?;
        drafts.extend(changed.into_iter().filter(|p| corpus::wanted(p)));
    }
    plan.add_drafts(&drafts);
    let mut inputs: Vec<Input> = plan.files.into_iter().map(Input::File).collect();
    if let Some((name, text)) = &opts.stdin_draft {
        let (mut document, problems) = corpus::document_from_text(name, text.clone());
        document.draft = true;
        inputs.push(Input::Read {
            document,
            claims: None,
            problems,
        });
    }
    Ok(check_inputs(inputs, plan.problems, kb, lex, opts))
}

/// Builds or updates the claim index at `out` for the corpus the options name (their paths,
/// scope and lexicons).
pub fn build_index(opts: &Options, out: &Path) -> Result<index::BuildReport, RunError> {
    let lex = load_lexicon(&opts.lexicons).map_err(RunError::Lexicon)?;
    index::build(
        &opts.paths,
        &|p| opts.scope.admits(p),
        &lex,
        out,
        opts.progress.as_ref(),
    )
    .map_err(RunError::Index)
}

/// Checks the drafts the options name against a claim index instead of a corpus read now: the
/// index must be current (no indexed file changed since), and each draft is compared with the
/// `neighbours` indexed documents that share the most (and rarest) names, titles, acronyms,
/// quotations and places with the drafts.
pub fn check_with_index(
    opts: &Options,
    index_path: &Path,
    neighbours: usize,
) -> Result<Outcome, RunError> {
    let lex = load_lexicon(&opts.lexicons).map_err(RunError::Lexicon)?;
    let kb = load_kb(&opts.kb, &lex).map_err(RunError::Kb)?;
    let mut idx = index::Index::open(index_path, &lex).map_err(RunError::Index)?;
    let mut drafts = opts.drafts.clone();
    if let Some(range) = &opts.changed {
        let changed = corpus::changed_files(range).map_err(RunError::Changed)?;
        drafts.extend(changed.into_iter().filter(|p| corpus::wanted(p)));
    }
    // An indexed file under review as a draft is read afresh: its changes do not make the
    // index stale.
    let draft_abs: Vec<String> = drafts
        .iter()
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let stale: Vec<(String, &'static str)> = idx
        .stale()
        .into_iter()
        .filter(|(abs, _)| !draft_abs.contains(abs))
        .collect();
    if !stale.is_empty() {
        return Err(RunError::Index(idx.stale_error(&stale)));
    }
    let mut read = corpus::load(&drafts);
    if let Some((name, text)) = &opts.stdin_draft {
        let (document, problems) = corpus::document_from_text(name, text.clone());
        read.documents.push(document);
        read.problems.extend(problems);
    }
    let draft_claims: Vec<DocClaims> = read
        .documents
        .par_iter()
        .map(|d| extract::extract(d, &lex))
        .collect();
    // A draft that is an indexed file takes that file's place in the corpus order.
    let by_abs: std::collections::HashMap<&str, usize> = idx
        .entries()
        .iter()
        .enumerate()
        .map(|(i, e)| (e.abs.as_str(), i))
        .collect();
    let place: Vec<Option<usize>> = read
        .documents
        .iter()
        .map(|d| {
            let abs = std::fs::canonicalize(&d.path).ok()?;
            by_abs.get(abs.to_string_lossy().as_ref()).copied()
        })
        .collect();
    let mut keys: Vec<u64> = read
        .documents
        .iter()
        .zip(&draft_claims)
        .flat_map(|(d, c)| index::keys(d, c))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    let skip: Vec<usize> = place.iter().flatten().copied().collect();
    let chosen = idx.neighbours(&keys, neighbours, &skip);
    let mut slots: Vec<(usize, usize, Document, Option<DocClaims>)> = Vec::new();
    for e in chosen {
        let (doc, claims) = idx.document(e).map_err(RunError::Index)?;
        slots.push((e, 0, doc, Some(claims)));
    }
    let extra = idx.entries().len();
    for (n, ((mut doc, claims), at)) in read
        .documents
        .into_iter()
        .zip(draft_claims)
        .zip(place)
        .enumerate()
    {
        doc.draft = true;
        slots.push((at.unwrap_or(extra), n, doc, Some(claims)));
    }
    slots.sort_by_key(|s| (s.0, s.1));
    let inputs = slots
        .into_iter()
        .map(|(_, _, document, claims)| Input::Read {
            document,
            claims,
            problems: Vec::new(),
        })
        .collect();
    let total = idx.entries().len();
    let mut out = check_inputs(inputs, read.problems, kb, lex, opts);
    out.indexed = Some(total);
    Ok(out)
}

/// The pipeline from documents already read.
pub fn check_documents(
    documents: Vec<Document>,
    problems: Vec<InputProblem>,
    kb: Kb,
    lexicon: Lexicon,
    opts: &Options,
) -> Outcome {
    let inputs = documents
        .into_iter()
        .map(|document| Input::Read {
            document,
            claims: None,
            problems: Vec::new(),
        })
        .collect();
    check_inputs(inputs, problems, kb, lexicon, opts)
}

/// The pipeline. `problems` are those met before (finding the files); each input's own come
/// after them, in input order.
pub fn check_inputs(
    inputs: Vec<Input>,
    mut problems: Vec<InputProblem>,
    kb: Kb,
    lexicon: Lexicon,
    opts: &Options,
) -> Outcome {
    let lex = &lexicon;
    if let Some(p) = &opts.progress {
        (p.found)(inputs.len() as u64);
    }
    type Read = (
        Option<(Document, DocClaims, Vec<filter::Suppression>)>,
        Vec<InputProblem>,
    );
    let read: Vec<Read> = inputs
        .into_par_iter()
        .map(|input| {
            let r = match input {
                Input::Read {
                    document,
                    claims,
                    problems,
                } => {
                    let c = claims.unwrap_or_else(|| extract::extract(&document, lex));
                    let sups = filter::suppressions(&document.text);
                    (Some((document, c, sups)), problems)
                }
                Input::File(file) => match file.read() {
                    Ok((mut document, problems)) => {
                        let c = extract::extract(&document, lex);
                        let sups = filter::suppressions(&document.text);
                        if !document.draft && !opts.keep_texts {
                            document.slim(c.spans());
                        }
                        (Some((document, c, sups)), problems)
                    }
                    Err(p) => (None, vec![p]),
                },
            };
            if let Some(p) = &opts.progress {
                (p.done)();
            }
            r
        })
        .collect();
    let mut documents = Vec::with_capacity(read.len());
    let mut claims = Vec::with_capacity(read.len());
    let mut sups = Vec::with_capacity(read.len());
    for (r, probs) in read {
        if let Some((d, c, s)) = r {
            documents.push(d);
            claims.push(c);
            sups.push(s);
        }
        problems.extend(probs);
    }
    // The quotations' words are read while resolution runs: it is sequential, and they need only
    // the claims.
    let min_words = opts.params.quote_min_words;
    let quote_rules = ["quote-drift", "misattribution"]
        .iter()
        .any(|r| !opts.disabled.iter().any(|d| d == r));
    let (model, quotes) = resolve::resolve_with(&documents, claims, &kb, lex, |docs, claims| {
        quote_rules.then(|| rules::read_quotes(docs, claims, min_words))
    });
    let mut findings: Vec<Finding> = rules::run(
        &model,
        &opts.params,
        &|id| !opts.disabled.iter().any(|d| d == id),
        quotes,
    );
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
    restore_texts(
        &mut documents,
        &mut findings,
        &mut problems,
        opts.spans_only,
    );
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
        indexed: None,
    }
}

/// Reads again the slimmed documents the findings show: all of them, or with `spans_only` those
/// whose kept spans cannot place a piece of evidence. One that changed since it was read, or can
/// no longer be read, is reported, and the findings that point into it are dropped: they would
/// point at the wrong bytes.
fn restore_texts(
    documents: &mut [Document],
    findings: &mut Vec<Finding>,
    problems: &mut Vec<InputProblem>,
    spans_only: bool,
) {
    let mut need: Vec<usize> = findings
        .iter()
        .flat_map(|f| &f.evidence)
        .filter_map(|e| match e.source {
            Source::Doc(d) => {
                let doc = &documents[d];
                let placed = || doc.place(e.start, e.end).is_some();
                (!(doc.has_text() || spans_only && placed())).then_some(d)
            }
            Source::Kb(_) => None,
        })
        .collect();
    need.sort_unstable();
    need.dedup();
    if need.is_empty() {
        return;
    }
    let failed: Vec<(usize, InputProblem)> = documents
        .par_iter_mut()
        .enumerate()
        .filter(|(d, _)| need.binary_search(d).is_ok())
        .filter_map(|(d, doc)| doc.restore().err().map(|p| (d, p)))
        .collect();
    if failed.is_empty() {
        return;
    }
    findings.retain(|f| {
        !f.evidence
            .iter()
            .any(|e| matches!(e.source, Source::Doc(d) if failed.iter().any(|(x, _)| *x == d)))
    });
    problems.extend(failed.into_iter().map(|(_, p)| p));
}
