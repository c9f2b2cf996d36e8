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
    pub text: String,
    /// Byte offset where the body starts (after front matter or the date line).
    pub body_start: usize,
    pub meta: Meta,
    /// A draft under review: only findings with evidence in a draft are reported when there is one.
    pub draft: bool,
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

/// Walks and reads every path, in parallel, keeping the sorted order.
pub fn load(paths: &[PathBuf]) -> Corpus {
    load_scoped(paths, &|_| true)
}

/// Like [`load`], reading only the walked files `admit` accepts.
pub fn load_scoped(paths: &[PathBuf], admit: &dyn Fn(&str) -> bool) -> Corpus {
    let (files, mut problems) = discover_scoped(paths, admit);
    let manifests = load_manifests(&files, &mut problems);
    let results: Vec<Result<(Document, Vec<InputProblem>), InputProblem>> = files
        .par_iter()
        .map(|p| read_document(p, manifests.get(p)))
        .collect();
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

/// Marks as drafts the documents at these paths (compared after resolving `.` and symlinks), and
/// reads those not in the corpus yet; returns the paths that match nothing readable.
pub fn add_drafts(corpus: &mut Corpus, drafts: &[PathBuf]) {
    let canon = |p: &Path| std::fs::canonicalize(p).ok();
    let known: Vec<Option<PathBuf>> = corpus
        .documents
        .iter()
        .map(|d| canon(Path::new(&d.path)))
        .collect();
    let mut extra = Vec::new();
    for p in drafts {
        let c = canon(p);
        match known.iter().position(|k| k.is_some() && *k == c) {
            Some(i) => corpus.documents[i].draft = true,
            None => extra.push(p.clone()),
        }
    }
    if extra.is_empty() {
        return;
    }
    let mut more = load(&extra);
    for d in &mut more.documents {
        d.draft = true;
    }
    corpus.documents.extend(more.documents);
    corpus.problems.extend(more.problems);
}

/// Adds a draft read from standard input under the name given for it.
pub fn add_stdin_draft(corpus: &mut Corpus, name: &str, text: String) {
    let (mut doc, problems) = parse_document(name.to_string(), text, None);
    doc.draft = true;
    corpus.documents.push(doc);
    corpus.problems.extend(problems);
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
    document_from_bytes(path, bytes, manifest)
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
    let text = String::from_utf8(bytes).map_err(|e| {
        problem(
            shown.clone(),
            format!(
                "not valid UTF-8 (first bad byte at offset {}): skipped; convert it, e.g. `iconv -f latin1 -t utf-8`",
                e.utf8_error().valid_up_to()
            ),
            true,
        )
    })?;
    Ok(parse_document(shown, text, manifest))
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
    (
        Document {
            path,
            text,
            body_start,
            meta,
            draft: false,
        },
        problems,
    )
}

/// Finds the closing `+++` line; returns (start of the line, end of the line).
fn find_closing(text: &str, from: usize) -> Option<(usize, usize)> {
    let mut pos = from;
    for line in text[from..].split_inclusive('\n') {
        if line.trim_end() == "+++" {
            return Some((pos, pos + line.len()));
        }
        pos += line.len();
    }
    None
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
