//! The corpus stage: walks the given paths, reads `.txt` and `.md` files, and takes each document's
//! metadata from TOML front matter (`+++`), a loose `date YYYY-MM[-DD]` first line, or a
//! `sources.toml` manifest beside the files. The only stage that reads user files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Deserialize;

use crate::time::PartialDate;

/// Where a document's date comes from, most authoritative first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, Deserialize)]
pub enum DateSource {
    FrontMatter,
    DateLine,
    Manifest,
    /// Read from the text (the latest full date it mentions): a guess, shown as such.
    Inferred,
}

impl DateSource {
    pub fn describe(self) -> &'static str {
        match self {
            DateSource::FrontMatter => "front matter",
            DateSource::DateLine => "date line",
            DateSource::Manifest => "sources.toml",
            DateSource::Inferred => "inferred from the text",
        }
    }
}

/// What is known about a document besides its text.
#[derive(Debug, Clone, Default, serde::Serialize, Deserialize)]
pub struct Meta {
    pub date: Option<(PartialDate, DateSource)>,
    pub title: Option<String>,
    pub outlet: Option<String>,
}

/// One article.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as shown in reports: as given on the command line, joined with what the walk found.
    pub path: String,
    /// The whole text; empty once the document is [slimmed](Document::slim), until
    /// [restored](Document::restore).
    pub text: String,
    /// Byte offset where the body starts (after front matter or the date line).
    pub body_start: usize,
    pub meta: Meta,
    /// A draft under review: only findings with evidence in a draft are reported when there is one.
    pub draft: bool,
    /// The file it was read from, when it was read from one (to read it again).
    pub file: Option<PathBuf>,
    /// What is kept of the text while it is slimmed.
    excerpts: Option<Box<Excerpts>>,
}

/// What a slimmed document keeps of its text: the bytes under its claims' spans (what the rules
/// quote), with the length and hash of the whole text to check it when it is read again.
#[derive(Debug, Clone, Default)]
struct Excerpts {
    /// Kept ranges, sorted and disjoint.
    ranges: Vec<Range>,
    text: String,
    len: usize,
    hash: u64,
}

/// A kept range of a slimmed document.
#[derive(Debug, Clone, Copy)]
struct Range {
    /// Byte offsets in the document.
    start: u32,
    end: u32,
    /// Where the range starts in `Excerpts::text`.
    at: u32,
    /// 1-based line and column (in characters) of `start`, as `LineIndex` gives them.
    line: u32,
    column: u32,
}

/// Spans closer than this are kept as one range: fewer ranges for a few more bytes.
const EXCERPT_GAP: usize = 24;

impl Excerpts {
    fn new(text: &str, mut spans: Vec<(usize, usize)>) -> Self {
        spans.retain(|&(s, e)| s < e && e <= text.len());
        spans.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::new();
        for (s, e) in spans {
            match merged.last_mut() {
                Some(last) if s <= last.1 + EXCERPT_GAP => last.1 = last.1.max(e),
                _ => merged.push((s, e)),
            }
        }
        let mut out = Excerpts {
            len: text.len(),
            hash: xxhash_rust::xxh3::xxh3_64(text.as_bytes()),
            ..Excerpts::default()
        };
        // Lines and columns are counted once, from one range to the next (a text without line
        // breaks must not be counted from its start at every range).
        let (mut line, mut counted) = (1usize, 0usize);
        // The column at byte `col_at`.
        let (mut column, mut col_at) = (1usize, 0usize);
        for (s, e) in merged {
            // Claim spans lie on char boundaries; a merged range spans from one to another.
            let Some(piece) = text.get(s..e) else {
                continue;
            };
            for (i, _) in text[counted..s].match_indices('\n') {
                line += 1;
                (column, col_at) = (1, counted + i + 1);
            }
            counted = s;
            column += text[col_at..s].chars().count();
            col_at = s;
            let (Ok(start), Ok(end), Ok(at), Ok(line), Ok(column)) = (
                u32::try_from(s),
                u32::try_from(e),
                u32::try_from(out.text.len()),
                u32::try_from(line),
                u32::try_from(column),
            ) else {
                continue;
            };
            out.ranges.push(Range {
                start,
                end,
                at,
                line,
                column,
            });
            out.text.push_str(piece);
        }
        out.ranges.shrink_to_fit();
        out.text.shrink_to_fit();
        out
    }

    /// The kept range that holds `start..end`, and where `start` is in `text`.
    fn range(&self, start: usize, end: usize) -> Option<(Range, usize)> {
        let i = self
            .ranges
            .partition_point(|r| r.start as usize <= start)
            .checked_sub(1)?;
        let r = self.ranges[i];
        (end <= r.end as usize && start <= end)
            .then(|| (r, r.at as usize + (start - r.start as usize)))
    }

    fn get(&self, start: usize, end: usize) -> Option<&str> {
        let (_, from) = self.range(start, end)?;
        self.text.get(from..from + (end - start))
    }

    /// Line and column of `offset`, counted from the start of its kept range.
    fn line_col(&self, offset: usize) -> Option<(usize, usize)> {
        let (r, at) = self.range(offset, offset)?;
        let before = self.text.get(r.at as usize..at)?;
        Some(match before.rfind('\n') {
            Some(nl) => (
                r.line as usize + before.matches('\n').count(),
                before[nl + 1..].chars().count() + 1,
            ),
            None => (r.line as usize, r.column as usize + before.chars().count()),
        })
    }
}

impl Document {
    /// A document held whole, from text already read (an index's copy, a test).
    pub fn new(path: String, text: String, body_start: usize, meta: Meta) -> Self {
        Document {
            path,
            text,
            body_start,
            meta,
            draft: false,
            file: None,
            excerpts: None,
        }
    }

    /// The text between two byte offsets: what a claim says. Always answers, slimmed or not,
    /// for the spans of the claims read from it; anything else gives "" (and fails a debug build).
    pub fn slice(&self, start: usize, end: usize) -> &str {
        let got = match &self.excerpts {
            None => self.text.get(start..end),
            Some(x) => x.get(start, end),
        };
        debug_assert!(
            got.is_some(),
            "{}: no text kept at {start}..{end}",
            self.path
        );
        got.unwrap_or("")
    }

    /// Where a span is, from what is kept of the text: (line, column, end line, end column,
    /// text), in `LineIndex`'s units; `None` if the span is not all kept (or the document is
    /// held whole: ask a `LineIndex`).
    pub fn place(&self, start: usize, end: usize) -> Option<(usize, usize, usize, usize, &str)> {
        let x = self.excerpts.as_ref()?;
        let text = x.get(start, end)?;
        let (line, column) = x.line_col(start)?;
        let (end_line, end_column) = x.line_col(end)?;
        Some((line, column, end_line, end_column, text))
    }

    /// Whether the whole text is held.
    pub fn has_text(&self) -> bool {
        self.excerpts.is_none()
    }

    /// Drops the text but for the given spans (its claims'): a large corpus is never held whole.
    pub fn slim(&mut self, spans: Vec<(usize, usize)>) {
        if self.excerpts.is_some() {
            return;
        }
        self.excerpts = Some(Box::new(Excerpts::new(&self.text, spans)));
        self.text = String::new();
    }

    /// Reads a slimmed document's file again, for a report that shows it; the text must be the
    /// one its claims were read from.
    pub fn restore(&mut self) -> Result<(), InputProblem> {
        let Some(x) = &self.excerpts else {
            return Ok(());
        };
        let changed = || {
            problem(
                self.path.clone(),
                "changed while crosscheck was reading the corpus: its findings are not shown; run again"
                    .into(),
                true,
            )
        };
        let Some(file) = &self.file else {
            return Err(changed());
        };
        let bytes = std::fs::read(file).map_err(|e| {
            problem(
                self.path.clone(),
                format!("cannot read again: {}", io_message(&e)),
                true,
            )
        })?;
        if bytes.len() != x.len || xxhash_rust::xxh3::xxh3_64(&bytes) != x.hash {
            return Err(changed());
        }
        self.text = utf8(bytes).map_err(|_| changed())?;
        self.excerpts = None;
        Ok(())
    }
}

/// A problem with one input file; the run goes on without it (or without its metadata).
#[derive(Debug, Clone)]
pub struct InputProblem {
    pub path: String,
    pub message: String,
    /// A byte span into the file's text, when the problem has a place.
    pub span: Option<(usize, usize)>,
    /// The file's text, when it could be read (for rendering the span).
    pub text: Option<String>,
    /// The file could not be used at all.
    pub fatal: bool,
}

/// The documents found and the problems met.
#[derive(Debug, Default)]
pub struct Corpus {
    pub documents: Vec<Document>,
    pub problems: Vec<InputProblem>,
}

const EXTENSIONS: &[&str] = &["txt", "md", "markdown"];

/// Whether a path has an extension the corpus reads.
pub fn wanted(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

pub(crate) fn display(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// Lists the files under `paths` in sorted order, with a problem for each path that cannot be walked.
pub fn discover(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<InputProblem>) {
    discover_scoped(paths, &|_| true)
}

/// Like [`discover`], keeping only the walked files `admit` accepts (by their shown path); files
/// named on the command line are always kept.
pub fn discover_scoped(
    paths: &[PathBuf],
    admit: &dyn Fn(&str) -> bool,
) -> (Vec<PathBuf>, Vec<InputProblem>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for root in paths {
        if !root.exists() {
            problems.push(problem(
                display(root),
                "no such file or directory".into(),
                true,
            ));
            continue;
        }
        if root.is_file() {
            files.push(root.clone());
            continue;
        }
        if !root.is_dir() {
            // A FIFO, a socket or a device: reading it could block or never end.
            problems.push(problem(
                display(root),
                "not a regular file or a folder: not read".into(),
                true,
            ));
            continue;
        }
        let walker = walkdir::WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name();
        for entry in walker {
            match entry {
                Ok(e)
                    if e.file_type().is_file() && wanted(e.path()) && admit(&display(e.path())) =>
                {
                    files.push(e.path().to_path_buf())
                }
                Ok(_) => {}
                Err(err) => {
                    let path = err.path().map_or_else(|| display(root), display);
                    let msg = if err.loop_ancestor().is_some() {
                        "symbolic link loop: not followed".to_string()
                    } else {
                        describe_walk_error(&err)
                    };
                    problems.push(problem(path, msg, true));
                }
            }
        }
    }
    // "./a.md" and "a.md" are one file: drop `.` components before removing repeats.
    let mut files: Vec<PathBuf> = files
        .into_iter()
        .map(|p| {
            let clean: PathBuf = p
                .components()
                .filter(|c| !matches!(c, std::path::Component::CurDir))
                .collect();
            if clean.as_os_str().is_empty() {
                p
            } else {
                clean
            }
        })
        .collect();
    files.sort();
    files.dedup();
    (files, problems)
}

fn describe_walk_error(err: &walkdir::Error) -> String {
    match err.io_error() {
        Some(io) => format!("cannot read: {}", io_message(io)),
        None => err.to_string(),
    }
}

pub(crate) fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::NotFound => "no such file (deleted while running?)".into(),
        _ => e.to_string(),
    }
}

fn problem(path: String, message: String, fatal: bool) -> InputProblem {
    InputProblem {
        path,
        message,
        span: None,
        text: None,
        fatal,
    }
}

/// A file a run will read: where it is, what its folder's `sources.toml` says of it, and whether
/// it is a draft.
#[derive(Debug, Clone)]
pub struct Pending {
    pub path: PathBuf,
    manifest: Option<ManifestEntry>,
    pub draft: bool,
}

impl Pending {
    /// Reads and parses the file (and its problems), or says why it cannot be used.
    pub fn read(&self) -> Result<(Document, Vec<InputProblem>), InputProblem> {
        let (mut doc, problems) = read_document(&self.path, self.manifest.as_ref())?;
        doc.draft = self.draft;
        Ok((doc, problems))
    }
}

/// The files a run will read, in order, and the problems met finding them.
#[derive(Debug, Default)]
pub struct Plan {
    pub files: Vec<Pending>,
    pub problems: Vec<InputProblem>,
}

/// Walks the paths (keeping the walked files `admit` accepts) and reads their folders' manifests.
pub fn plan_scoped(paths: &[PathBuf], admit: &dyn Fn(&str) -> bool) -> Plan {
    let (files, mut problems) = discover_scoped(paths, admit);
    let manifests = load_manifests(&files, &mut problems);
    let files = files
        .into_iter()
        .map(|path| Pending {
            manifest: manifests.get(&path).cloned(),
            path,
            draft: false,
        })
        .collect();
    Plan { files, problems }
}

impl Plan {
    /// Marks as drafts the files at these paths (compared after resolving `.` and symlinks), and
    /// adds those not planned yet.
    pub fn add_drafts(&mut self, drafts: &[PathBuf]) {
        // Resolving every planned path costs a system call per file: a run without drafts (the
        // whole-corpus check) does none.
        if drafts.is_empty() {
            return;
        }
        let canon = |p: &Path| std::fs::canonicalize(p).ok();
        let known: Vec<Option<PathBuf>> = self.files.par_iter().map(|f| canon(&f.path)).collect();
        let mut extra = Vec::new();
        for p in drafts {
            let c = canon(p);
            match known.iter().position(|k| k.is_some() && *k == c) {
                Some(i) => self.files[i].draft = true,
                None => extra.push(p.clone()),
            }
        }
        if extra.is_empty() {
            return;
        }
        let more = plan_scoped(&extra, &|_| true);
        self.problems.extend(more.problems);
        self.files.extend(more.files.into_iter().map(|mut f| {
            f.draft = true;
            f
        }));
    }

    /// Reads every planned file, in parallel, keeping the order.
    pub fn read(self) -> Corpus {
        let results: Vec<Result<(Document, Vec<InputProblem>), InputProblem>> =
            self.files.par_iter().map(Pending::read).collect();
        let mut problems = self.problems;
        let mut documents = Vec::with_capacity(results.len());
        for r in results {
            match r {
                Ok((doc, probs)) => {
                    documents.push(doc);
                    problems.extend(probs);
                }
                Err(p) => problems.push(p),
            }
        }
        Corpus {
            documents,
            problems,
        }
    }
}

/// Walks and reads every path, in parallel, keeping the sorted order.
pub fn load(paths: &[PathBuf]) -> Corpus {
    load_scoped(paths, &|_| true)
}

/// Like [`load`], reading only the walked files `admit` accepts.
pub fn load_scoped(paths: &[PathBuf], admit: &dyn Fn(&str) -> bool) -> Corpus {
    plan_scoped(paths, admit).read()
}

/// The files a git revision range touched (`git diff --name-only RANGE`), as absolute paths.
pub fn changed_files(range: &str) -> Result<Vec<PathBuf>, String> {
    let git = |args: &[&str]| -> Result<String, String> {
        let out = std::process::Command::new("git")
            .args(args)
            .output()
            .map_err(|e| format!("cannot run git: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "`git {}` failed: {}",
                args.join(" "),
                String::from_utf8_lossy(&out.stderr).trim()
            ));
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    };
    let root = git(&["rev-parse", "--show-toplevel"])?;
    let root = PathBuf::from(root.trim());
    let names = git(&["diff", "--name-only", "--diff-filter=d", range, "--"])?;
    Ok(names
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| root.join(l.trim()))
        .collect())
}

/// Builds a document from text already in memory (a draft on stdin, a test).
pub fn document_from_text(path: &str, text: String) -> (Document, Vec<InputProblem>) {
    parse_document(path.to_string(), text, None)
}

fn read_document(
    path: &Path,
    manifest: Option<&ManifestEntry>,
) -> Result<(Document, Vec<InputProblem>), InputProblem> {
    let bytes = std::fs::read(path).map_err(|e| {
        problem(
            display(path),
            format!("cannot read: {}", io_message(&e)),
            true,
        )
    })?;
    let (mut doc, problems) = document_from_bytes(path, bytes, manifest)?;
    doc.file = Some(path.to_path_buf());
    Ok((doc, problems))
}

/// A document from a file's bytes: refused if binary or not UTF-8.
pub(crate) fn document_from_bytes(
    path: &Path,
    bytes: Vec<u8>,
    manifest: Option<&ManifestEntry>,
) -> Result<(Document, Vec<InputProblem>), InputProblem> {
    let shown = display(path);
    if bytes.contains(&0) {
        return Err(problem(
            shown,
            "looks like a binary file (it contains NUL bytes): skipped".into(),
            true,
        ));
    }
    let text = utf8(bytes).map_err(|valid_up_to| {
        problem(
            shown.clone(),
            format!(
                "not valid UTF-8 (first bad byte at offset {valid_up_to}): skipped; convert it, e.g. `iconv -f latin1 -t utf-8`"
            ),
            true,
        )
    })?;
    Ok(parse_document(shown, text, manifest))
}

/// The bytes as a string, or the offset of the first byte that is not UTF-8. Checked with SIMD
/// first: `String::from_utf8` leaves its fast path at every accented letter, and took 2 % of a
/// whole run's CPU time on French news; the standard check runs only to locate an error.
fn utf8(bytes: Vec<u8>) -> Result<String, usize> {
    if simdutf8::basic::from_utf8(&bytes).is_err() {
        return Err(String::from_utf8(bytes)
            .err()
            .map_or(0, |e| e.utf8_error().valid_up_to()));
    }
    // SAFETY: `simdutf8` has just checked that the bytes are valid UTF-8.
    Ok(unsafe { String::from_utf8_unchecked(bytes) })
}

#[derive(Debug, Deserialize)]
struct FrontMatter {
    #[serde(default)]
    date: Option<toml::Value>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    outlet: Option<String>,
}

fn value_date(v: &toml::Value) -> Option<PartialDate> {
    match v {
        toml::Value::Datetime(dt) => {
            let d = dt.date?;
            Some(PartialDate::ymd(i32::from(d.year), d.month, d.day))
        }
        toml::Value::String(s) => PartialDate::parse(s),
        toml::Value::Integer(y) => PartialDate::parse(&y.to_string()),
        _ => None,
    }
}

fn parse_document(
    path: String,
    text: String,
    manifest: Option<&ManifestEntry>,
) -> (Document, Vec<InputProblem>) {
    let mut problems = Vec::new();
    let mut meta = Meta::default();
    let mut body_start = 0;
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[bom..];
    if rest.starts_with("+++") && rest[3..].starts_with(['\n', '\r']) {
        let open_end = bom + 3 + if rest[3..].starts_with("\r\n") { 2 } else { 1 };
        match find_closing(&text, open_end) {
            Some((close_start, close_end)) => {
                body_start = close_end;
                let src = &text[open_end..close_start];
                match toml::from_str::<FrontMatter>(src) {
                    Ok(fm) => {
                        if let Some(v) = &fm.date {
                            match value_date(v) {
                                Some(d) => meta.date = Some((d, DateSource::FrontMatter)),
                                None => problems.push(InputProblem {
                                    path: path.clone(),
                                    message: "front matter `date` is not a date (YYYY, YYYY-MM or YYYY-MM-DD): ignored".into(),
                                    span: src.find("date").map(|i| (open_end + i, open_end + i + 4)),
                                    text: Some(text.clone()),
                                    fatal: false,
                                }),
                            }
                        }
                        meta.title = fm.title;
                        meta.outlet = fm.outlet;
                    }
                    Err(e) => problems.push(InputProblem {
                        path: path.clone(),
                        message: format!(
                            "front matter is not valid TOML: {}; the document is read without it",
                            e.message()
                        ),
                        span: e
                            .span()
                            .map(|s| {
                                crate::text::char_span(&text, open_end + s.start, open_end + s.end)
                            })
                            .map(|(s, e)| (s.min(close_start), e.min(close_start.max(s)))),
                        text: Some(text.clone()),
                        fatal: false,
                    }),
                }
            }
            None => problems.push(InputProblem {
                path: path.clone(),
                message: "front matter opened with `+++` is never closed: read as plain text"
                    .into(),
                span: Some((bom, bom + 3)),
                text: Some(text.clone()),
                fatal: false,
            }),
        }
    } else if rest.starts_with("---") && rest[3..].starts_with(['\n', '\r']) {
        // YAML front matter, as Markdown tools write it: its flat `key: value` lines are read
        // (date, title, outlet), the rest is skipped. Never closed, it is text.
        let open_end = bom + 3 + if rest[3..].starts_with("\r\n") { 2 } else { 1 };
        let closing = find_closing_line(&text, open_end, &["---", "..."]);
        let fm = closing.map(|(close_start, _)| yaml_front_matter(&text[open_end..close_start]));
        match (closing, fm) {
            // Two rules around lines without a single `key: value` are text, not metadata.
            (Some((_, close_end)), Some(fm)) if fm.keys > 0 => {
                body_start = close_end;
                if let Some((value, at)) = fm.date {
                    match yaml_date(value) {
                        Some(d) => meta.date = Some((d, DateSource::FrontMatter)),
                        None => {
                            let at = open_end + at;
                            problems.push(InputProblem {
                                path: path.clone(),
                                message: format!(
                                    "front matter date `{value}` is not a date (want YYYY, YYYY-MM or YYYY-MM-DD); the document is read as undated"
                                ),
                                span: Some(crate::text::char_span(&text, at, at + value.len())),
                                text: Some(text.clone()),
                                fatal: false,
                            });
                        }
                    }
                }
                meta.title = fm.title.map(str::to_string);
                meta.outlet = fm.outlet.map(str::to_string);
            }
            (Some(_), _) => {}
            (None, _) => problems.push(InputProblem {
                path: path.clone(),
                message: "front matter opened with `---` is never closed: read as plain text"
                    .into(),
                span: Some((bom, bom + 3)),
                text: Some(text.clone()),
                fatal: false,
            }),
        }
    } else if let Some((d, end)) = date_line(rest) {
        meta.date = Some((d, DateSource::DateLine));
        body_start = bom + end;
    }
    // An empty article is almost always a failed export: say so, and read it anyway.
    if text.trim().is_empty() {
        problems.push(InputProblem {
            path: path.clone(),
            message: "empty file: nothing to check".into(),
            span: None,
            text: None,
            fatal: false,
        });
    } else if text[body_start.min(text.len())..].trim().is_empty() {
        problems.push(InputProblem {
            path: path.clone(),
            message: "no text after the front matter: nothing to check".into(),
            span: None,
            text: None,
            fatal: false,
        });
    }
    if let Some(m) = manifest {
        // The document's own metadata wins; the manifest fills what it lacks.
        if meta.date.is_none() {
            meta.date = m.date.map(|d| (d, DateSource::Manifest));
        }
        if meta.outlet.is_none() {
            meta.outlet = m.outlet.clone();
        }
        if meta.title.is_none() {
            meta.title = m.title.clone();
        }
    }
    (Document::new(path, text, body_start, meta), problems)
}

/// Finds the closing `+++` line; returns (start of the line, end of the line).
fn find_closing(text: &str, from: usize) -> Option<(usize, usize)> {
    find_closing_line(text, from, &["+++"])
}

/// Finds the first line from `from` that is one of `marks` (trailing spaces aside); returns (start
/// of the line, end of the line).
fn find_closing_line(text: &str, from: usize, marks: &[&str]) -> Option<(usize, usize)> {
    let mut pos = from;
    for line in text[from..].split_inclusive('\n') {
        if marks.contains(&line.trim_end()) {
            return Some((pos, pos + line.len()));
        }
        pos += line.len();
    }
    None
}

/// What crosscheck reads of YAML front matter: top-level `key: value` lines. The date keeps its
/// offset in the block, for a diagnostic.
#[derive(Debug, Default)]
struct YamlFrontMatter<'a> {
    /// How many top-level keys the block has.
    keys: usize,
    date: Option<(&'a str, usize)>,
    title: Option<&'a str>,
    outlet: Option<&'a str>,
}

/// Reads the flat scalars of a YAML block: `key: value`, the value bare or quoted. Indented lines
/// (nested maps, lists), comments and block scalars are skipped; the first of several date keys
/// wins (`date`, then `published`, …).
fn yaml_front_matter(block: &str) -> YamlFrontMatter<'_> {
    const DATE_KEYS: &[&str] = &[
        "date",
        "published",
        "publishdate",
        "pubdate",
        "date_published",
    ];
    const OUTLET_KEYS: &[&str] = &["outlet", "publisher", "publication", "media"];
    let mut fm = YamlFrontMatter::default();
    let mut date_rank = usize::MAX;
    let mut pos = 0;
    for line in block.split_inclusive('\n') {
        let at = pos;
        pos += line.len();
        if line.starts_with([' ', '\t', '#', '-']) {
            continue;
        }
        let Some((raw_key, value)) = line.split_once(':') else {
            continue;
        };
        let key = raw_key.trim().to_ascii_lowercase();
        if key.is_empty() || key.contains(char::is_whitespace) {
            continue;
        }
        fm.keys += 1;
        // The value without its comment, spaces and quotes.
        let raw_value = value.trim_end_matches(['\r', '\n']);
        let lead = raw_value.len() - raw_value.trim_start().len();
        let mut v = raw_value.trim();
        if !v.starts_with(['"', '\'']) {
            v = v.split(" #").next().unwrap_or(v).trim_end();
        }
        let (v, quote) = match v.as_bytes().first() {
            Some(&q @ (b'"' | b'\'')) if v.len() >= 2 && v.ends_with(q as char) => {
                (&v[1..v.len() - 1], 1)
            }
            _ => (v, 0),
        };
        if v.is_empty() || v.starts_with(['|', '>', '[', '{']) {
            continue;
        }
        if let Some(rank) = DATE_KEYS.iter().position(|k| *k == key) {
            if rank < date_rank {
                date_rank = rank;
                fm.date = Some((v, at + raw_key.len() + 1 + lead + quote));
            }
        } else if key == "title" && fm.title.is_none() {
            fm.title = Some(v);
        } else if OUTLET_KEYS.contains(&key.as_str()) && fm.outlet.is_none() {
            fm.outlet = Some(v);
        }
    }
    fm
}

/// A front-matter date: `2025-03-14`, with or without a time after it (`2025-03-14T09:30:00Z`,
/// `2025-03-14 09:30`), or `2025-03`, `2025`.
fn yaml_date(v: &str) -> Option<PartialDate> {
    let day = v.split(['T', ' ']).next().unwrap_or(v);
    PartialDate::parse(day)
}

/// A loose `date 2024-06` (or `date: 2024-06-12`) at the very start of the text.
fn date_line(text: &str) -> Option<(PartialDate, usize)> {
    let trimmed = text.trim_start();
    let lead = text.len() - trimmed.len();
    let after = trimmed.strip_prefix("date")?;
    let after_kw = after.trim_start_matches([':', ' ', '\t']);
    if after_kw.len() == after.len() {
        return None;
    }
    let len = after_kw
        .find(|c: char| !(c.is_ascii_digit() || c == '-'))
        .unwrap_or(after_kw.len());
    let d = PartialDate::parse(&after_kw[..len])?;
    d.month?;
    let end = lead + 4 + (after.len() - after_kw.len()) + len;
    Some((d, end))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    #[serde(default)]
    source: Vec<ManifestEntryRaw>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ManifestEntryRaw {
    file: String,
    #[serde(default)]
    date: Option<toml::Value>,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    title: Option<String>,
    /// Accepted so that manifests can record where an article came from; not used yet.
    #[serde(default)]
    #[allow(dead_code)]
    url: Option<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct ManifestEntry {
    date: Option<PartialDate>,
    outlet: Option<String>,
    title: Option<String>,
}

/// Reads the `sources.toml` of every folder that holds a document.
pub(crate) fn load_manifests(
    files: &[PathBuf],
    problems: &mut Vec<InputProblem>,
) -> BTreeMap<PathBuf, ManifestEntry> {
    let mut out = BTreeMap::new();
    let dirs: std::collections::BTreeSet<&Path> = files.iter().filter_map(|f| f.parent()).collect();
    for dir in dirs {
        let mpath = dir.join("sources.toml");
        let Ok(src) = std::fs::read_to_string(&mpath) else {
            continue;
        };
        match toml::from_str::<Manifest>(&src) {
            Ok(m) => {
                for e in m.source {
                    out.insert(
                        dir.join(&e.file),
                        ManifestEntry {
                            date: e.date.as_ref().and_then(value_date),
                            outlet: e.outlet,
                            title: e.title,
                        },
                    );
                }
            }
            Err(e) => problems.push(InputProblem {
                path: display(&mpath),
                message: format!("manifest is not valid: {}", e.message()),
                span: e
                    .span()
                    .map(|s| crate::text::char_span(&src, s.start, s.end)),
                text: Some(src.clone()),
                fatal: false,
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slimmed_document_keeps_its_spans_and_is_read_again_only_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        let text =
            "date 2024-05-02\nLe ministre Kofi Mensah a parlé.\n\nÀ Accra, « la paix » règne.\n";
        std::fs::write(&path, text).unwrap();
        let plan = plan_scoped(std::slice::from_ref(&path), &|_| true);
        let (mut doc, _) = plan.files[0].read().unwrap();
        let mensah = text.find("Kofi").unwrap();
        let paix = text.find("la paix").unwrap();
        doc.slim(vec![(mensah, mensah + 11), (paix, paix + 8)]);
        assert!(!doc.has_text());
        assert_eq!(doc.slice(mensah, mensah + 11), "Kofi Mensah");
        assert_eq!(doc.slice(paix, paix + 7), "la paix");
        // Line and column in characters, as a line index of the whole text gives them.
        let lines = crate::text::LineIndex::new(text);
        assert_eq!(
            doc.place(paix, paix + 7),
            Some((
                lines.line_col(text, paix).0,
                lines.line_col(text, paix).1,
                4,
                lines.line_col(text, paix + 7).1,
                "la paix"
            ))
        );
        assert_eq!(doc.place(0, 4), None, "the date line was not kept");
        let mut again = doc.clone();
        again.restore().unwrap();
        assert_eq!(again.text, text);
        // Changed since it was read: not restored, and said so.
        std::fs::write(&path, text.replace("Kofi", "Kwame")).unwrap();
        let err = doc.restore().unwrap_err();
        assert!(err.message.contains("changed while"), "{}", err.message);
        assert!(err.fatal);
        std::fs::remove_file(&path).unwrap();
        assert!(
            doc.restore()
                .unwrap_err()
                .message
                .contains("cannot read again")
        );
    }

    #[test]
    fn reads_toml_front_matter() {
        let (doc, probs) = document_from_text(
            "a.md",
            "+++\ntitle = \"T\"\ndate = 2025-03-14\n+++\nCorps.\n".into(),
        );
        assert!(probs.is_empty());
        assert_eq!(
            doc.meta.date,
            Some((PartialDate::ymd(2025, 3, 14), DateSource::FrontMatter))
        );
        assert_eq!(&doc.text[doc.body_start..], "Corps.\n");
    }

    #[test]
    fn reads_yaml_front_matter() {
        let text = "---\ntitle: \"Accord : la suite\"\noutlet: Le Courrier\ntags:\n  - gaz\ndate: 2025-06-13T08:30:00Z # UTC\nsection: Économie\n---\n# Titre\nCorps.\n";
        let (doc, probs) = document_from_text("a.md", text.into());
        assert!(probs.is_empty(), "{probs:?}");
        assert_eq!(
            doc.meta.date,
            Some((PartialDate::ymd(2025, 6, 13), DateSource::FrontMatter))
        );
        assert_eq!(doc.meta.title.as_deref(), Some("Accord : la suite"));
        assert_eq!(doc.meta.outlet.as_deref(), Some("Le Courrier"));
        assert_eq!(&doc.text[doc.body_start..], "# Titre\nCorps.\n");
        // `published` when there is no `date`; quoted; closed by `...`.
        let (doc, _) = document_from_text("b.md", "---\npublished: '2024-11'\n...\nCorps.".into());
        assert_eq!(
            doc.meta.date.map(|d| d.0.to_string()),
            Some("2024-11".into())
        );
    }

    #[test]
    fn a_bad_yaml_date_points_at_its_value_and_an_unclosed_block_is_text() {
        let text = "---\ndate: \"14 mars\"\n---\nCorps.";
        let (doc, probs) = document_from_text("a.md", text.into());
        assert_eq!(probs.len(), 1);
        let (s, e) = probs[0].span.unwrap();
        assert_eq!(&text[s..e], "14 mars");
        assert_eq!(doc.meta.date, None);
        assert_eq!(&doc.text[doc.body_start..], "Corps.");
        let (doc, probs) = document_from_text("b.md", "---\ndate: 2024\nCorps.".into());
        assert!(probs[0].message.contains("never closed"));
        assert_eq!(doc.body_start, 0);
        // Rules around prose are not front matter.
        let (doc, probs) = document_from_text(
            "c.txt",
            "---\nUn chapeau, puis du texte.\n---\nCorps.".into(),
        );
        assert!(probs.is_empty());
        assert_eq!(doc.body_start, 0);
    }

    #[test]
    fn reads_a_loose_date_line_even_with_text_after_it() {
        let (doc, _) = document_from_text("a.txt", " date 2024-06 La suite".into());
        assert_eq!(
            doc.meta.date.map(|d| d.0.to_string()),
            Some("2024-06".to_string())
        );
        assert_eq!(&doc.text[doc.body_start..], " La suite");
    }

    #[test]
    fn broken_front_matter_is_a_problem_with_a_span_not_a_failure() {
        let (doc, probs) = document_from_text("a.md", "+++\ndate = = 3\n+++\nTexte".into());
        assert_eq!(probs.len(), 1);
        let (s, e) = probs[0].span.unwrap();
        assert!(s >= 4 && e <= 15, "{s}..{e}");
        assert_eq!(&doc.text[doc.body_start..], "Texte");
    }

    #[test]
    fn a_manifest_beside_the_files_dates_them() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "Texte.").unwrap();
        std::fs::write(
            dir.path().join("b.md"),
            "+++\ndate = 2020-01-01\n+++\nTexte.",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("sources.toml"),
            "[[source]]\nfile = \"a.txt\"\ndate = 2024-06-12\noutlet = \"Radio\"\n\n[[source]]\nfile = \"b.md\"\ndate = 2024-06-12\n",
        )
        .unwrap();
        let c = load(&[dir.path().to_path_buf()]);
        assert!(c.problems.is_empty());
        let a = &c.documents[0];
        assert_eq!(
            a.meta.date,
            Some((PartialDate::ymd(2024, 6, 12), DateSource::Manifest))
        );
        assert_eq!(a.meta.outlet.as_deref(), Some("Radio"));
        let b = &c.documents[1];
        assert_eq!(
            b.meta.date.map(|d| d.1),
            Some(DateSource::FrontMatter),
            "front matter wins"
        );
    }

    #[test]
    fn unclosed_front_matter_is_reported() {
        let (_, probs) = document_from_text("a.md", "+++\ndate = 2024\nTexte".into());
        assert!(probs[0].message.contains("never closed"));
    }
}
