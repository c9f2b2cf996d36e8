//! Command-line arguments.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// crosscheck — a source-discrepancy linter for news corpora.
///
/// Reads a folder of articles, extracts what each one claims (who holds which office, how names,
/// treaties and organisations are written, acronyms, quotations and who said them, relations between
/// people) and reports where the articles contradict each other or a knowledge base, with evidence
/// in every document involved.
///
/// Exit status: 0 no finding at or above the failing severity; 1 such findings; 2 the run failed
/// (bad usage, unreadable configuration or knowledge base, or an input file that could not be read).
#[derive(Debug, Parser)]
#[command(name = "crosscheck", version, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a corpus: report where its articles contradict each other or the knowledge base.
    Check(CheckArgs),
    /// Print every claim read from the articles, with spans and the person each name resolved to.
    Claims(ClaimsArgs),
    /// Store a corpus' claims in an index file, so that drafts can be checked against it without
    /// reading the corpus again (`crosscheck check --index FILE --draft …`). An existing index
    /// is updated: only files whose size or modification time changed are read again, and only
    /// those whose content changed are analysed again. A file that is not an index is never
    /// overwritten.
    Index(IndexArgs),
    /// List the rules with their kind and default level.
    Rules,
    /// Print the documentation of one rule.
    Rule {
        /// The rule id, e.g. `role-conflict`.
        id: String,
    },
    /// Print the effective configuration.
    Config(ConfigArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// miette diagnostics, one per conflict, pointing into every document.
    Human,
    /// The JSON schema of `shared/eval/README.md`.
    Json,
    /// One line per finding: `path:line:col: level[rule] message`.
    Short,
    /// SARIF 2.1.0, for code-scanning tools (other documents as related locations).
    Sarif,
    /// GitHub Actions workflow annotations.
    Github,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Debug, clap::Args)]
pub struct ConfigArgs {
    /// Read this configuration instead of discovering `crosscheck.toml` from the working directory up.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

/// Arguments of `crosscheck claims`.
#[derive(Debug, clap::Args)]
pub struct ClaimsArgs {
    /// Files and folders to read (`.txt`, `.md`); folders are walked recursively in sorted order.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub input: InputArgs,
}

/// Arguments of `crosscheck index`.
#[derive(Debug, clap::Args)]
pub struct IndexArgs {
    /// Files and folders to index (`.txt`, `.md`), as `check` reads them.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// The index file to write (atomically), or to update if it exists.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// User lexicons, as for `check`: an index is only usable with the same ones.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Vec<PathBuf>,
    #[command(flatten)]
    pub config: ConfigArgs,
    /// No progress bar.
    #[arg(long, short)]
    pub quiet: bool,
}

/// What to read and with which knowledge: shared by `check` and `claims`.
#[derive(Debug, clap::Args)]
pub struct InputArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Load this knowledge base (TOML), in addition to those the configuration names. Repeatable.
    #[arg(long, value_name = "FILE")]
    pub kb: Vec<PathBuf>,
    /// Use no knowledge base at all: compare the articles with each other only.
    #[arg(long, conflicts_with = "kb")]
    pub no_kb: bool,
    /// Add this lexicon (TOML, shaped like `rules/lexicon/fr.toml`) to the built-in one: house
    /// offices, given names, counted nouns, and `[ignore] patterns` (regular expressions) for
    /// boilerplate the extractors must skip. In addition to those the configuration names.
    /// Repeatable.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Vec<PathBuf>,
    #[command(flatten)]
    pub config: ConfigArgs,
}

#[derive(Debug, clap::Args)]
#[command(group = clap::ArgGroup::new("draft_or_changed").args(["draft", "changed"]).multiple(true))]
pub struct CheckArgs {
    /// Files and folders to read (`.txt`, `.md`); folders are walked recursively in sorted order.
    #[arg(required_unless_present = "index", value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub input: InputArgs,
    /// Check the drafts against this claim index (`crosscheck index`) instead of a corpus read
    /// now. The index must be current: a file changed since it was built makes the run fail.
    #[arg(
        long,
        value_name = "FILE",
        conflicts_with = "paths",
        requires = "draft_or_changed"
    )]
    pub index: Option<PathBuf>,
    /// With `--index`: how many indexed documents each run compares the drafts with — those that
    /// share the most, and the rarest, names, titles, acronyms, quotations and places with them.
    #[arg(long, value_name = "N", default_value_t = crosscheck::index::DEFAULT_NEIGHBOURS, requires = "index")]
    pub neighbours: usize,
    /// Drafts to check against the corpus (`--draft a.md b.md`, repeatable; `-` reads standard
    /// input). Only findings with evidence in a draft are reported, and only they set the exit status.
    #[arg(long, value_name = "FILE", num_args = 1..)]
    pub draft: Vec<PathBuf>,
    /// The name shown for a draft read from standard input.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,
    /// Treat the documents a git revision range changed (e.g. `origin/main...HEAD`) as drafts,
    /// still using every document as evidence.
    #[arg(long, value_name = "RANGE")]
    pub changed: Option<String>,
    /// Do not report the findings this baseline file accepts.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Write every finding of this run to a baseline file (atomically), to accept them.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Apply the machine-applicable fixes (knowledge-base or clear-majority spellings, names,
    /// acronyms) to the drafts, atomically; the corpus itself is never changed.
    #[arg(long, requires = "draft_or_changed")]
    pub fix: bool,
    /// Print the fixes `--fix` would apply, as a unified diff, and change nothing.
    #[arg(long, requires = "draft_or_changed")]
    pub diff: bool,
    /// Lowest severity that makes the exit status 1.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
    /// Colour in the human format.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// Width of the human format.
    #[arg(long, default_value_t = 100)]
    pub width: usize,
    /// No progress bar (it shows only on a terminal, for runs longer than a second).
    #[arg(long, short)]
    pub quiet: bool,
}
