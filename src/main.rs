//! The binary: arguments → library → output → exit code. The only place that prints or exits.

mod cli;

/// Writes a line to stderr; a closed stderr (`… 2>&1 | head`) is not worth a panic.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    }};
}

/// Writes to stderr as is (diagnostics end with their own newline).
macro_rules! say_raw {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stderr().lock(), $($arg)*);
    }};
}

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

use cli::{
    CheckArgs, ClaimsArgs, Cli, Color, Command, ConfigArgs, FailOn, Format, IndexArgs, InputArgs,
};
use crosscheck::config::{self, Config};
use crosscheck::filter::Baseline;
use crosscheck::finding::Severity;
use crosscheck::report;
use crosscheck::rules::RULES;
use crosscheck::{Options, Outcome, RunError};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => check(args),
        Command::Claims(args) => claims(args),
        Command::Index(args) => index(args),
        Command::Rules => {
            let mut s = String::new();
            for r in RULES {
                s.push_str(&format!(
                    "{:<18} {:<15} {:<8} {}\n",
                    r.id,
                    r.kind.as_str(),
                    r.default_severity.as_str(),
                    r.summary
                ));
            }
            emit(&s, ExitCode::SUCCESS)
        }
        Command::Rule { id } => match crosscheck::rules::find(&id) {
            Some(r) => emit(
                &format!(
                    "# {} ({}, {})\n\n{}\n",
                    r.id,
                    r.kind.as_str(),
                    r.default_severity.as_str(),
                    r.doc
                ),
                ExitCode::SUCCESS,
            ),
            None => {
                say!("error: no rule `{id}`; `crosscheck rules` lists them");
                ExitCode::from(2)
            }
        },
        Command::Config(args) => match load_config(&args) {
            Ok(c) => emit(&c.to_toml(), ExitCode::SUCCESS),
            Err(code) => code,
        },
    }
}

/// Writes to stdout; a closed pipe ends the program quietly.
fn emit(s: &str, code: ExitCode) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => code,
        // A closed pipe (`crosscheck … | head`) ends the output quietly; the status still says
        // what the run found.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => code,
        Err(e) => {
            say!("error: cannot write the report: {e}");
            ExitCode::from(2)
        }
    }
}

fn color(c: Color) -> bool {
    match c {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    }
}

fn load_config(args: &ConfigArgs) -> Result<Config, ExitCode> {
    let path = match &args.config {
        Some(p) => Some(p.clone()),
        None => std::env::current_dir()
            .ok()
            .and_then(|d| config::discover(&d))
            .map(|p| {
                // Show the discovered file relative to the working directory when it is below it.
                std::env::current_dir()
                    .ok()
                    .and_then(|cwd| p.strip_prefix(&cwd).ok().map(|r| r.to_path_buf()))
                    .unwrap_or(p)
            }),
    };
    match path {
        None => Ok(Config::default()),
        Some(p) => config::load(&p).map_err(|e| {
            say_raw!(
                "{}",
                report::render_error(&e.path, &e.text, &e.message, e.span, 100, false)
            );
            ExitCode::from(2)
        }),
    }
}

/// The run's options from the configuration and the input arguments.
fn options(paths: Vec<PathBuf>, input: InputArgs) -> Result<(Options, Format), ExitCode> {
    let config = load_config(&input.config)?;
    let mut kb = if input.no_kb {
        Vec::new()
    } else {
        config.kb.clone()
    };
    kb.extend(input.kb);
    let mut lexicons = config.lexicon.clone();
    lexicons.extend(input.lexicon);
    let opts = Options {
        paths,
        kb,
        lexicons,
        params: config.params,
        disabled: config.disabled,
        levels: config.levels,
        scope: config.scope,
        overrides: config.overrides,
        ..Options::default()
    };
    Ok((opts, input.format))
}

/// A progress bar on stderr that appears only once the run has taken a second.
fn progress_bar() -> crosscheck::Progress {
    use std::sync::Arc;
    let bar = indicatif::ProgressBar::hidden();
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} reading {pos}/{len} documents {wide_bar} {eta}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let started = std::time::Instant::now();
    let shown = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let (b1, b2) = (bar.clone(), bar);
    crosscheck::Progress {
        found: Arc::new(move |n| b1.set_length(n)),
        done: Arc::new(move || {
            b2.inc(1);
            if started.elapsed().as_secs() >= 1
                && !shown.swap(true, std::sync::atomic::Ordering::Relaxed)
            {
                b2.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            }
            if b2.length().is_some_and(|l| b2.position() >= l) {
                b2.finish_and_clear();
            }
        }),
    }
}

/// Reports a run that cannot go on.
fn run_error(e: RunError) -> ExitCode {
    match e {
        RunError::Kb(e) => say_raw!(
            "{}",
            report::render_error(&e.path, &e.text, &e.message, e.span, 100, false)
        ),
        RunError::Changed(m) => say!("error: --changed: {m}"),
        RunError::Lexicon(e) => say_raw!(
            "{}",
            report::render_error(&e.path, &e.text, &e.message, e.span, 100, false)
        ),
        RunError::Index(e) => say!("error: {e}"),
    }
    ExitCode::from(2)
}

/// `crosscheck index`.
fn index(args: IndexArgs) -> ExitCode {
    let config = match load_config(&args.config) {
        Ok(c) => c,
        Err(c) => return c,
    };
    let mut lexicons = config.lexicon.clone();
    lexicons.extend(args.lexicon);
    let mut opts = Options {
        paths: args.paths,
        lexicons,
        scope: config.scope,
        ..Options::default()
    };
    if !args.quiet && std::io::stderr().is_terminal() {
        opts.progress = Some(progress_bar());
    }
    let started = std::time::Instant::now();
    let report = match crosscheck::build_index(&opts, &args.output) {
        Ok(r) => r,
        Err(e) => return run_error(e),
    };
    let mut fatal = false;
    for p in &report.problems {
        say_raw!("{}", report::render_problem(p, 100, false));
        fatal |= p.fatal;
    }
    say!(
        "indexed {} documents into {} in {:.2} s: {} read and analysed, {} unchanged, {} removed",
        report.documents,
        args.output.display(),
        started.elapsed().as_secs_f64(),
        report.extracted,
        report.reused,
        report.removed
    );
    if fatal {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// Runs the pipeline; a run that cannot go on is reported here.
fn run(opts: &Options) -> Result<Outcome, ExitCode> {
    crosscheck::check(opts).map_err(run_error)
}

fn report_problems(out: &Outcome, width: usize) -> bool {
    let mut fatal = false;
    for p in &out.problems {
        say_raw!("{}", report::render_problem(p, width, false));
        fatal |= p.fatal;
    }
    fatal
}

fn check(args: CheckArgs) -> ExitCode {
    let (mut opts, format) = match options(args.paths, args.input) {
        Ok(o) => o,
        Err(c) => return c,
    };
    for d in &args.draft {
        if d.as_os_str() == "-" {
            let mut text = String::new();
            if let Err(e) = std::io::Read::read_to_string(&mut std::io::stdin(), &mut text) {
                say!("error: cannot read the draft from standard input: {e}");
                return ExitCode::from(2);
            }
            let name = args
                .stdin_filename
                .clone()
                .unwrap_or_else(|| "<stdin>".into());
            opts.stdin_draft = Some((name, text));
        } else {
            opts.drafts.push(d.clone());
        }
    }
    opts.changed = args.changed.clone();
    // Only the human report draws the lines around each piece of evidence.
    opts.spans_only = !matches!(format, Format::Human);
    if !args.quiet && std::io::stderr().is_terminal() {
        opts.progress = Some(progress_bar());
    }
    if let Some(path) = &args.baseline {
        match std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|t| Baseline::parse(&t))
        {
            Ok(b) => opts.baseline = Some(b),
            Err(e) => {
                say!("error: {}: not a usable baseline: {e}", path.display());
                return ExitCode::from(2);
            }
        }
    }
    let result = match &args.index {
        Some(idx) => crosscheck::check_with_index(&opts, idx, args.neighbours).map_err(run_error),
        None => run(&opts),
    };
    let out = match result {
        Ok(o) => o,
        Err(c) => return c,
    };
    if let Some(path) = &args.write_baseline {
        if let Err(e) = report::write_atomically(path, out.baseline_candidates.to_json().as_bytes())
        {
            say!("error: cannot write the baseline {}: {e}", path.display());
            return ExitCode::from(2);
        }
        say!(
            "wrote {} accepted findings to {}",
            out.baseline_candidates.findings.len(),
            path.display()
        );
    }
    if args.diff {
        let plan = report::plan_fixes(&out);
        return emit(&report::render_diff(&plan), ExitCode::SUCCESS);
    }
    let out = if args.fix {
        if opts.stdin_draft.is_some() {
            say!("error: --fix cannot write to standard input; use --diff");
            return ExitCode::from(2);
        }
        let plan = report::plan_fixes(&out);
        match report::apply_fixes(&plan) {
            Ok((files, edits)) => say!("fixed {edits} issues in {files} files"),
            Err(e) => {
                say!("error: {e}");
                return ExitCode::from(2);
            }
        }
        // Check again: what remains is reported.
        match run(&opts) {
            Ok(o) => o,
            Err(c) => return c,
        }
    } else {
        out
    };
    let fatal = report_problems(&out, args.width);
    let text = match format {
        Format::Human => report::render_human(&out, args.width, color(args.color)),
        Format::Json => report::render_json(&out),
        Format::Short => report::render_short(&out),
        Format::Sarif => report::render_sarif(&out),
        Format::Github => report::render_github(&out),
    };
    let floor = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Never => None,
    };
    let failed = floor.is_some_and(|f| out.findings.iter().any(|x| x.severity >= f));
    let code = if fatal {
        ExitCode::from(2)
    } else if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };
    // The process ends here: freeing millions of claims one by one would only cost time (0.2 s
    // at 100 MB); the system takes the memory back at once.
    std::mem::forget(out);
    emit(&text, code)
}

fn claims(args: ClaimsArgs) -> ExitCode {
    let (mut opts, format) = match options(args.paths, args.input) {
        Ok(o) => o,
        Err(c) => return c,
    };
    // Every claim is shown with its line and text.
    opts.keep_texts = true;
    let out = match run(&opts) {
        Ok(o) => o,
        Err(c) => return c,
    };
    let fatal = report_problems(&out, 100);
    let text = match format {
        Format::Json | Format::Sarif => report::render_claims_json(&out),
        Format::Human | Format::Short | Format::Github => report::render_claims(&out),
    };
    emit(
        &text,
        if fatal {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        },
    )
}
