//! The persistent claim index (`crosscheck index`): every document's text, metadata and claims,
//! stored once, so that a draft can be checked against a large archive without reading and
//! analysing it again (`crosscheck check --index FILE --draft …`).
//!
//! # Format (version [`FORMAT`])
//!
//! ```text
//! MAGIC (16 bytes) | FORMAT (u32 LE) | blob … blob | header (postcard) | header offset (u64 LE)
//! ```
//!
//! A blob is one document (postcard [`Blob`]); the header ([`Header`]) lists the documents with
//! their size, modification time, content hash and blob position, and an inverted table from
//! candidate keys (surnames' phonetic forms, named texts, acronyms, quotation word pairs,
//! places) to the documents that carry them. A check reads the header, checks that no indexed file
//! changed since, ranks the indexed documents by the keys they share with the drafts, and reads
//! only the blobs of the closest ones.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::corpus::{self, Document, InputProblem, Meta};
use crate::extract::{self, DocClaims};
use crate::lexicon::Lexicon;
use crate::text::fold;

/// The first bytes of every index file.
pub const MAGIC: &[u8; 16] = b"crosscheck-index";
/// The layout version; an index of another version is refused and must be rebuilt.
pub const FORMAT: u32 = 9;
/// How many indexed documents a draft is compared with, by default.
pub const DEFAULT_NEIGHBOURS: usize = 250;

/// One indexed document, as listed in the header.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entry {
    /// The path as shown in reports.
    pub path: String,
    /// The canonical absolute path, to check the file and to recognise a draft that is indexed.
    pub abs: String,
    pub size: u64,
    /// Modification time: seconds and nanoseconds since the Unix epoch.
    pub mtime: (i64, u32),
    /// xxh3 of the file's bytes.
    pub hash: u64,
    offset: u64,
    len: u64,
}

/// The index header.
#[derive(Debug, Serialize, Deserialize)]
struct Header {
    /// The crosscheck version that wrote it: extraction may differ between versions.
    tool: String,
    /// The language pack's fingerprint: claims depend on it.
    lexicon: u64,
    /// The paths the index was built from, for the command that rebuilds it.
    roots: Vec<String>,
    /// The `sources.toml` manifests read (canonical path, size, modification time): documents'
    /// dates come from them too.
    manifests: Vec<(String, u64, (i64, u32))>,
    entries: Vec<Entry>,
    /// Sorted (key, first posting, number of postings).
    keys: Vec<(u64, u32, u32)>,
    /// Entry numbers, grouped by key.
    postings: Vec<u32>,
}

/// One document as stored.
#[derive(Debug, Serialize, Deserialize)]
struct Blob {
    text: String,
    body_start: usize,
    meta: Meta,
    claims: DocClaims,
}

/// Why an index cannot be built or used. The message says what to do.
#[derive(Debug, Clone)]
pub struct IndexError(pub String);

impl std::fmt::Display for IndexError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn err(path: &Path, what: impl std::fmt::Display) -> IndexError {
    IndexError(format!("{}: {what}", path.display()))
}

/// The keys by which a document can be found from a draft that speaks of the same things.
pub fn keys(doc: &Document, c: &DocClaims) -> Vec<u64> {
    let mut out = Vec::new();
    let mut key = |kind: &str, s: &str| {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        h.update(kind.as_bytes());
        h.update(s.as_bytes());
        out.push(h.digest());
    };
    for p in &c.persons {
        if let Some(last) = p.parts.last() {
            key("s", &crate::resolve::phonetic(last));
        }
    }
    for n in &c.named {
        key("n", &n.key);
    }
    for a in &c.acronyms {
        key("a", &fold(&a.acronym));
    }
    for q in &c.quotes {
        let words = q.words(doc);
        for (a, b) in words.iter().zip(words.iter().skip(1)) {
            if a.chars().count() >= 4 || b.chars().count() >= 4 {
                key("q", &format!("{a} {b}"));
            }
        }
    }
    for p in &c.places {
        key("c", &p.to_string());
    }
    out.sort_unstable();
    out.dedup();
    out
}

fn mtime(meta: &std::fs::Metadata) -> (i64, u32) {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or((0, 0), |d| (d.as_secs() as i64, d.subsec_nanos()))
}

fn canonical(p: &Path) -> String {
    std::fs::canonicalize(p)
        .unwrap_or_else(|_| p.to_path_buf())
        .to_string_lossy()
        .into_owned()
}

/// An index opened for reading: its header, and the file to read blobs from.
pub struct Index {
    path: PathBuf,
    file: File,
    header: Header,
}

/// What `crosscheck index` did.
#[derive(Debug, Default)]
pub struct BuildReport {
    pub documents: usize,
    /// Documents read and analysed again (new or changed).
    pub extracted: usize,
    /// Documents whose stored claims were kept (unchanged, or touched without a change).
    pub reused: usize,
    /// Documents that were in the previous index and are gone.
    pub removed: usize,
    pub problems: Vec<InputProblem>,
}

impl Index {
    /// Opens an index and checks that it was written by this version, in this format, with this
    /// language pack.
    pub fn open(path: &Path, lex: &Lexicon) -> Result<Index, IndexError> {
        let mut file =
            File::open(path).map_err(|e| err(path, format!("cannot open the index: {e}")))?;
        let mut magic = [0u8; 20];
        let n = file
            .read(&mut magic)
            .map_err(|e| err(path, format!("cannot read the index: {e}")))?;
        if n < 20 || &magic[..16] != MAGIC {
            return Err(err(
                path,
                "not a crosscheck index (build one with `crosscheck index PATH… -o FILE`)",
            ));
        }
        let format = u32::from_le_bytes([magic[16], magic[17], magic[18], magic[19]]);
        if format != FORMAT {
            return Err(err(
                path,
                format!(
                    "index format {format}, this crosscheck reads format {FORMAT}: rebuild it with `crosscheck index`"
                ),
            ));
        }
        let header = read_header(&mut file).map_err(|e| {
            err(
                path,
                format!(
                    "the index is damaged or truncated ({e}): rebuild it with `crosscheck index`"
                ),
            )
        })?;
        let rebuild = rebuild_command(&header.roots, path);
        if header.tool != env!("CARGO_PKG_VERSION") {
            return Err(err(
                path,
                format!(
                    "built by crosscheck {}, this is {}: claims may be read differently; rebuild it with `{rebuild}`",
                    header.tool,
                    env!("CARGO_PKG_VERSION")
                ),
            ));
        }
        if header.lexicon != lex.fingerprint {
            return Err(err(
                path,
                format!(
                    "built with another language pack (user lexicons differ): rebuild it with `{rebuild}`, with the same `--lexicon` options as this check"
                ),
            ));
        }
        Ok(Index {
            path: path.to_path_buf(),
            file,
            header,
        })
    }

    pub fn entries(&self) -> &[Entry] {
        &self.header.entries
    }

    /// The indexed files (and manifests) that changed or disappeared since the index was built,
    /// by canonical path, with why.
    pub fn stale(&self) -> Vec<(String, &'static str)> {
        let mut out: Vec<(String, &'static str)> = self
            .header
            .entries
            .par_iter()
            .filter_map(|e| file_changed(&e.abs, e.size, e.mtime).map(|why| (e.abs.clone(), why)))
            .collect();
        out.extend(
            self.header
                .manifests
                .iter()
                .filter_map(|(p, size, t)| file_changed(p, *size, *t).map(|why| (p.clone(), why))),
        );
        out
    }

    /// The error for a stale index, naming a few files and the command that rebuilds it.
    pub fn stale_error(&self, stale: &[(String, &'static str)]) -> IndexError {
        let shown: Vec<String> = stale
            .iter()
            .take(3)
            .map(|(abs, why)| {
                let p = self
                    .header
                    .entries
                    .iter()
                    .find(|e| &e.abs == abs)
                    .map_or(abs.as_str(), |e| e.path.as_str());
                format!("{p} ({why})")
            })
            .collect();
        err(
            &self.path,
            format!(
                "the index is stale: {} of its {} files changed since it was built ({}{}); rebuild it with `{}`",
                stale.len(),
                self.header.entries.len(),
                shown.join(", "),
                if stale.len() > 3 { ", …" } else { "" },
                rebuild_command(&self.header.roots, &self.path)
            ),
        )
    }

    /// The entries closest to documents with these keys: each shared key weighs by how rare it is
    /// (idf), and the `k` best-scored entries are kept, in index order. `skip` are left out.
    pub fn neighbours(&self, keys: &[u64], k: usize, skip: &[usize]) -> Vec<usize> {
        let n = self.header.entries.len();
        let mut score = vec![0f64; n];
        for key in keys {
            let Ok(i) = self.header.keys.binary_search_by_key(key, |x| x.0) else {
                continue;
            };
            let (_, start, len) = self.header.keys[i];
            let posts = &self.header.postings[start as usize..(start + len) as usize];
            let idf = ((n as f64 + 1.0) / posts.len() as f64).ln();
            for &p in posts {
                score[p as usize] += idf;
            }
        }
        for &s in skip {
            if let Some(x) = score.get_mut(s) {
                *x = 0.0;
            }
        }
        let mut ranked: Vec<usize> = (0..n).filter(|&i| score[i] > 0.0).collect();
        ranked.sort_by(|&a, &b| score[b].total_cmp(&score[a]).then(a.cmp(&b)));
        ranked.truncate(k);
        ranked.sort_unstable();
        ranked
    }

    /// Reads one indexed document and its claims.
    pub fn document(&mut self, entry: usize) -> Result<(Document, DocClaims), IndexError> {
        let buf = self.blob_bytes(entry).map_err(|x| {
            let path = &self.header.entries[entry].path;
            err(&self.path, format!("cannot read {path}: {x}"))
        })?;
        let e = &self.header.entries[entry];
        let blob: Blob = postcard::from_bytes(&buf).map_err(|x| {
            err(
                &self.path,
                format!(
                    "the entry for {} is damaged ({x}): rebuild the index",
                    e.path
                ),
            )
        })?;
        Ok((
            Document::new(e.path.clone(), blob.text, blob.body_start, blob.meta),
            blob.claims,
        ))
    }

    /// The raw bytes of one entry's blob (to copy it into a rebuilt index).
    fn blob_bytes(&mut self, entry: usize) -> std::io::Result<Vec<u8>> {
        let e = &self.header.entries[entry];
        let mut buf = vec![0u8; e.len as usize];
        self.file.seek(SeekFrom::Start(e.offset))?;
        self.file.read_exact(&mut buf)?;
        Ok(buf)
    }

    /// Each entry's keys, recovered from the inverted table.
    fn keys_by_entry(&self) -> Vec<Vec<u64>> {
        let mut out = vec![Vec::new(); self.header.entries.len()];
        for &(key, start, len) in &self.header.keys {
            for &p in &self.header.postings[start as usize..(start + len) as usize] {
                if let Some(list) = out.get_mut(p as usize) {
                    list.push(key);
                }
            }
        }
        out
    }
}

fn file_changed(abs: &str, size: u64, time: (i64, u32)) -> Option<&'static str> {
    match std::fs::metadata(abs) {
        Err(_) => Some("missing"),
        Ok(m) if m.len() != size || mtime(&m) != time => Some("modified"),
        Ok(_) => None,
    }
}

fn read_header(file: &mut File) -> std::io::Result<Header> {
    let end = file.seek(SeekFrom::End(0))?;
    if end < 28 {
        return Err(std::io::Error::other("too short"));
    }
    file.seek(SeekFrom::End(-8))?;
    let mut off = [0u8; 8];
    file.read_exact(&mut off)?;
    let off = u64::from_le_bytes(off);
    if off < 20 || off > end - 8 {
        return Err(std::io::Error::other("bad header offset"));
    }
    file.seek(SeekFrom::Start(off))?;
    let mut buf = vec![0u8; (end - 8 - off) as usize];
    file.read_exact(&mut buf)?;
    postcard::from_bytes(&buf).map_err(std::io::Error::other)
}

fn rebuild_command(roots: &[String], out: &Path) -> String {
    format!("crosscheck index {} -o {}", roots.join(" "), out.display())
}

/// A document to put in the index: from the previous index or read now.
enum Source {
    Old(usize),
    New(Box<Blob>, Vec<u64>),
}

/// Builds (or brings up to date) the index at `out` for the files under `roots`. An existing index
/// at `out` of this version and language pack is reused: a file whose size and modification time
/// are unchanged is not read again, and one whose bytes hash the same is not analysed again.
/// The index is written to a temporary file beside `out` and renamed over it.
pub fn build(
    roots: &[PathBuf],
    admit: &dyn Fn(&str) -> bool,
    lex: &Lexicon,
    out: &Path,
    progress: Option<&crate::Progress>,
) -> Result<BuildReport, IndexError> {
    // Only an index is ever replaced: `-o article.md` by mistake must not destroy the article.
    if out.exists() {
        let mut magic = [0u8; 16];
        let is_index = File::open(out)
            .and_then(|mut f| f.read_exact(&mut magic))
            .is_ok()
            && &magic == MAGIC;
        if !is_index {
            return Err(err(
                out,
                "exists and is not a crosscheck index: not overwritten (remove it or choose another name)",
            ));
        }
    }
    // A mistyped path would otherwise replace a good index with an empty one.
    if let Some(missing) = roots.iter().find(|r| !r.exists()) {
        return Err(err(
            missing,
            format!(
                "no such file or directory: the index at {} was not written",
                out.display()
            ),
        ));
    }
    let (files, mut problems) = corpus::discover_scoped(roots, admit);
    let manifests = corpus::load_manifests(&files, &mut problems);
    let manifest_files: Vec<(String, u64, (i64, u32))> = {
        let mut dirs: Vec<&Path> = files.iter().filter_map(|f| f.parent()).collect();
        dirs.sort();
        dirs.dedup();
        dirs.iter()
            .map(|d| d.join("sources.toml"))
            .filter_map(|m| {
                let meta = std::fs::metadata(&m).ok()?;
                Some((canonical(&m), meta.len(), mtime(&meta)))
            })
            .collect()
    };
    let mut report = BuildReport {
        problems,
        ..BuildReport::default()
    };
    // A previous index is reused only if it is of this version and pack, and read the same
    // manifests: a changed `sources.toml` can change any of its folder's dates.
    let mut old = if out.exists() {
        Index::open(out, lex)
            .ok()
            .filter(|o| o.header.manifests == manifest_files)
    } else {
        None
    };
    let old_by_abs: HashMap<String, usize> = old
        .as_ref()
        .map(|o| {
            o.header
                .entries
                .iter()
                .enumerate()
                .map(|(i, e)| (e.abs.clone(), i))
                .collect()
        })
        .unwrap_or_default();
    let old_keys = old.as_ref().map(Index::keys_by_entry).unwrap_or_default();
    if let Some(p) = progress {
        (p.found)(files.len() as u64);
    }
    let dir = match out.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = out
        .file_name()
        .map_or_else(|| "index".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.crosscheck-{}.tmp", std::process::id()));
    let result = (|| -> Result<(), IndexError> {
        let file = File::create(&tmp).map_err(|e| err(&tmp, format!("cannot write: {e}")))?;
        let mut w = BufWriter::new(file);
        let io = |e: std::io::Error| err(&tmp, format!("cannot write: {e}"));
        w.write_all(MAGIC).map_err(io)?;
        w.write_all(&FORMAT.to_le_bytes()).map_err(io)?;
        let mut pos: u64 = 20;
        let mut entries: Vec<Entry> = Vec::new();
        let mut doc_keys: Vec<Vec<u64>> = Vec::new();
        // In chunks: the documents of one chunk are read and analysed in parallel, then written
        // in order, so memory holds one chunk, not the corpus.
        for chunk in files.chunks(256) {
            #[allow(clippy::type_complexity)]
            let done: Vec<Result<(Entry, Source, Vec<InputProblem>), InputProblem>> = chunk
                .par_iter()
                .map(|path| {
                    let r = index_one(path, lex, manifests.get(path), &old_by_abs, old.as_ref());
                    if let Some(p) = progress {
                        (p.done)();
                    }
                    r
                })
                .collect();
            for r in done {
                let (mut entry, source) = match r {
                    Ok((e, s, warnings)) => {
                        report.problems.extend(warnings);
                        (e, s)
                    }
                    Err(p) => {
                        report.problems.push(p);
                        continue;
                    }
                };
                let (bytes, keys) = match source {
                    Source::Old(i) => {
                        report.reused += 1;
                        let bytes = match old.as_mut() {
                            Some(o) => o.blob_bytes(i).map_err(|e| {
                                err(out, format!("cannot read the previous index: {e}"))
                            })?,
                            None => Vec::new(),
                        };
                        (bytes, old_keys.get(i).cloned().unwrap_or_default())
                    }
                    Source::New(blob, keys) => {
                        report.extracted += 1;
                        let bytes = postcard::to_stdvec(&blob)
                            .map_err(|e| err(out, format!("cannot encode {}: {e}", entry.path)))?;
                        (bytes, keys)
                    }
                };
                w.write_all(&bytes).map_err(io)?;
                entry.offset = pos;
                entry.len = bytes.len() as u64;
                pos += entry.len;
                entries.push(entry);
                doc_keys.push(keys);
            }
        }
        report.documents = entries.len();
        report.removed = old_by_abs
            .keys()
            .filter(|a| !entries.iter().any(|e| &e.abs == *a))
            .count();
        // The inverted table.
        let mut pairs: Vec<(u64, u32)> = doc_keys
            .iter()
            .enumerate()
            .flat_map(|(d, ks)| ks.iter().map(move |&k| (k, d as u32)))
            .collect();
        pairs.sort_unstable();
        let mut keys: Vec<(u64, u32, u32)> = Vec::new();
        let mut postings: Vec<u32> = Vec::with_capacity(pairs.len());
        for (k, d) in pairs {
            match keys.last_mut() {
                Some(last) if last.0 == k => last.2 += 1,
                _ => keys.push((k, postings.len() as u32, 1)),
            }
            postings.push(d);
        }
        let header = Header {
            tool: env!("CARGO_PKG_VERSION").to_string(),
            lexicon: lex.fingerprint,
            roots: roots
                .iter()
                .map(|r| r.to_string_lossy().into_owned())
                .collect(),
            manifests: manifest_files,
            entries,
            keys,
            postings,
        };
        let bytes =
            postcard::to_stdvec(&header).map_err(|e| err(out, format!("cannot encode: {e}")))?;
        w.write_all(&bytes).map_err(io)?;
        w.write_all(&pos.to_le_bytes()).map_err(io)?;
        let file = w.into_inner().map_err(|e| io(e.into_error()))?;
        file.sync_all().map_err(io)?;
        drop(file);
        drop(old.take());
        std::fs::rename(&tmp, out).map_err(|e| err(out, format!("cannot write: {e}")))
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map(|()| report)
}

/// Reads one file for the index, or finds it unchanged in the previous one.
fn index_one(
    path: &Path,
    lex: &Lexicon,
    manifest: Option<&corpus::ManifestEntry>,
    old_by_abs: &HashMap<String, usize>,
    old: Option<&Index>,
) -> Result<(Entry, Source, Vec<InputProblem>), InputProblem> {
    let shown = corpus::display(path);
    let abs = canonical(path);
    let problem = |message: String| InputProblem {
        path: shown.clone(),
        message,
        span: None,
        text: None,
        fatal: true,
    };
    let meta = std::fs::metadata(path)
        .map_err(|e| problem(format!("cannot read: {}", corpus::io_message(&e))))?;
    let mut entry = Entry {
        path: shown.clone(),
        abs: abs.clone(),
        size: meta.len(),
        mtime: mtime(&meta),
        hash: 0,
        offset: 0,
        len: 0,
    };
    let previous = old
        .zip(old_by_abs.get(&abs))
        .map(|(o, &i)| (i, &o.header.entries[i]));
    if let Some((i, e)) = previous
        && e.size == entry.size
        && e.mtime == entry.mtime
        && e.path == entry.path
    {
        entry.hash = e.hash;
        return Ok((entry, Source::Old(i), Vec::new()));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| problem(format!("cannot read: {}", corpus::io_message(&e))))?;
    entry.hash = xxhash_rust::xxh3::xxh3_64(&bytes);
    if let Some((i, e)) = previous
        && e.hash == entry.hash
        && e.path == entry.path
    {
        return Ok((entry, Source::Old(i), Vec::new()));
    }
    let (doc, warnings) = corpus::document_from_bytes(path, bytes, manifest)?;
    let claims = extract::extract(&doc, lex);
    let keys = keys(&doc, &claims);
    Ok((
        entry,
        Source::New(
            Box::new(Blob {
                text: doc.text,
                body_start: doc.body_start,
                meta: doc.meta,
                claims,
            }),
            keys,
        ),
        warnings,
    ))
}
