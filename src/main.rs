//! The binary: arguments → library → output → exit code. The only place that prints or exits.

mod cli;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;

use cli::{CheckArgs, Cli, Color, Command, ConfigArgs, FailOn, Format, InputArgs};
use crosscheck::config::{self, Config};
use crosscheck::finding::Severity;
use crosscheck::report;
use crosscheck::rules::RULES;
use crosscheck::{Options, Outcome};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => check(args),
        Command::Claims(args) => claims(args),
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
                eprintln!("error: no rule `{id}`; `crosscheck rules` lists them");
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
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: cannot write the report: {e}");
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
            eprint!(
                "{}",
                report::render_error(&e.path, &e.text, &e.message, e.span, 100, false)
            );
            ExitCode::from(2)
        }),
    }
}

/// Reads the configuration and the knowledge bases, then runs the pipeline on the input.
fn load(input: InputArgs) -> Result<Outcome, ExitCode> {
    let config = load_config(&input.config)?;
    let mut kb = if input.no_kb {
        Vec::new()
    } else {
        config.kb.clone()
    };
    kb.extend(input.kb);
    let opts = Options {
        paths: input.paths,
        kb,
        params: config.params,
        disabled: config.disabled,
    };
    crosscheck::check(&opts).map_err(|e| {
        eprint!(
            "{}",
            report::render_error(&e.path, &e.text, &e.message, e.span, 100, false)
        );
        ExitCode::from(2)
    })
}

fn report_problems(out: &Outcome, width: usize) -> bool {
    let mut fatal = false;
    for p in &out.problems {
        eprint!("{}", report::render_problem(p, width, false));
        fatal |= p.fatal;
    }
    fatal
}

fn check(args: CheckArgs) -> ExitCode {
    let format = args.input.format;
    let out = match load(args.input) {
        Ok(o) => o,
        Err(c) => return c,
    };
    let fatal = report_problems(&out, args.width);
    let text = match format {
        Format::Human => report::render_human(&out, args.width, color(args.color)),
        Format::Json => report::render_json(&out),
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
    emit(&text, code)
}

fn claims(input: InputArgs) -> ExitCode {
    let format = input.format;
    let out = match load(input) {
        Ok(o) => o,
        Err(c) => return c,
    };
    let fatal = report_problems(&out, 100);
    let text = match format {
        Format::Json => report::render_claims_json(&out),
        Format::Human => report::render_claims(&out),
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
