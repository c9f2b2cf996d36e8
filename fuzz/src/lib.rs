//! The invariants the fuzz targets check, in one place: the targets call these on every input, and
//! `tests/properties.rs` includes this file to replay `tests/regressions/` (seeds and crash
//! reproducers) through exactly the same code in `cargo test`.
//!
//! Each check panics with a message naming the broken invariant, so a violation is a crash the
//! fuzzer keeps, not only a panic inside crosscheck.

use std::sync::OnceLock;

use crosscheck::corpus::{Document, document_from_text};
use crosscheck::extract::{DocClaims, extract};
use crosscheck::lexicon::Lexicon;
use crosscheck::text::{Folded, LineIndex, TokKind, fold, scan_words, tokenize, unwrap_lines};

/// The compiled French pack, built once per process.
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::default_fr)
}

/// Raw fuzz bytes as text. Invalid UTF-8 is replaced rather than rejected, so that every input
/// exercises the code (the corpus stage refuses such files before parsing them anyway).
pub fn text_of(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

fn assert_span(text: &str, what: &str, start: usize, end: usize) {
    assert!(
        start <= end && end <= text.len(),
        "{what}: span {start}..{end} is not within the text (length {})",
        text.len()
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what}: span {start}..{end} is not on char boundaries"
    );
}

/// Front matter, date line and metadata: `document_from_text`, and the rendering of every problem
/// it reports (what the command line prints).
pub fn check_document(text: &str) -> Document {
    let (doc, problems) = document_from_text("fuzz.md", text.to_string());
    assert_eq!(doc.text, text, "the document keeps its text unchanged");
    assert_span(text, "body_start", doc.body_start, doc.body_start);
    for p in &problems {
        assert_eq!(p.path, "fuzz.md");
        assert!(!p.message.is_empty(), "a problem says what is wrong");
        if let Some((s, e)) = p.span {
            assert_span(text, "problem", s, e);
        }
        if let Some(t) = &p.text {
            assert_eq!(t, text, "a problem's text is the file's text");
        }
        let shown = crosscheck::report::render_problem(p, 100, false);
        assert!(shown.contains("fuzz.md"), "the rendering names the file");
    }
    doc
}

/// The folded view and its offset map (`Folded::new`, `raw_offset`, `raw_range`).
///
/// `picks` chooses extra folded ranges to map back (the fuzzer drives them); every range that
/// starts and ends on the boundary of a raw character's folded form must round-trip exactly.
pub fn check_folded(raw: &str, picks: &[u8]) {
    let f = Folded::new(raw);
    assert_eq!(f.text, fold(raw), "Folded::new folds like fold()");
    let n = f.text.len();

    // Every folded byte maps to a raw char boundary, monotonically; the end maps to the end.
    let mut prev = 0;
    for i in 0..=n {
        let o = f.raw_offset(i);
        assert!(o <= raw.len(), "raw_offset({i}) = {o} is past the end");
        assert!(
            raw.is_char_boundary(o),
            "raw_offset({i}) = {o} is inside a char"
        );
        assert!(o >= prev, "raw_offset is not monotone at {i}");
        prev = o;
    }
    assert_eq!(
        f.raw_offset(n),
        raw.len(),
        "the folded end maps to the raw end"
    );

    // Folded offset of every raw char boundary.
    let mut bounds = Vec::new(); // (raw offset, folded offset)
    let mut folded_len = 0;
    let mut buf = String::new();
    for (i, c) in raw.char_indices() {
        bounds.push((i, folded_len));
        buf.clear();
        crosscheck::text::fold_char_into(c, &mut buf);
        folded_len += buf.len();
    }
    bounds.push((raw.len(), folded_len));
    assert_eq!(folded_len, n);

    // Aligned ranges round-trip: the raw range found starts and ends on raw char boundaries whose
    // folded offsets are exactly the folded range asked for (folding is char by char, so the raw
    // range folds to exactly that folded text), and it lies within the raw chars that produced it
    // (plus any that fold to nothing after them).
    let folded_at = |raw_offset: usize| {
        bounds
            .binary_search_by_key(&raw_offset, |&(r, _)| r)
            .ok()
            .map(|k| bounds[k].1)
    };
    let m = bounds.len();
    let mut pairs: Vec<(usize, usize)> = (0..m)
        .flat_map(|a| [(a, a + 1), (a, a + 2), (a, a + 7)])
        .chain([(0, m - 1)])
        .filter(|&(a, b)| b < m && a <= b)
        .collect();
    pairs.extend(picks.chunks(2).map(|p| {
        let a = usize::from(p[0]) % m;
        let b = usize::from(*p.get(1).unwrap_or(&0)) % m;
        (a.min(b), a.max(b))
    }));
    for (a, b) in pairs {
        let ((ra, fa), (rb, fb)) = (bounds[a], bounds[b]);
        let (s, e) = f.raw_range(fa, fb);
        assert_span(raw, "raw_range", s, e);
        if fb > fa {
            assert!(
                ra <= s && rb <= e,
                "raw_range({fa}, {fb}) = {s}..{e} starts before or ends before {ra}..{rb}"
            );
            assert_eq!(
                (folded_at(s), folded_at(e)),
                (Some(fa), Some(fb)),
                "raw_range({fa}, {fb}) = {s}..{e} does not fold back to the folded range"
            );
        }
    }
    // The same, spelt out with fold() on a few ranges.
    for &(a, b) in [(0, m - 1), (0, m / 2), (m / 2, m - 1)].iter() {
        let ((_, fa), (_, fb)) = (bounds[a], bounds[b]);
        if fb > fa {
            let (s, e) = f.raw_range(fa, fb);
            assert_eq!(fold(&raw[s..e]), &f.text[fa..fb], "raw_range({fa}, {fb})");
        }
    }
}

/// Any folded range that is a valid `&str` range of the folded text, including those that end
/// inside the folded form of one raw char (the "o" of "œ" → "oe"): the raw range must still lie
/// on char boundaries.
pub fn check_folded_any_range(raw: &str, picks: &[u8]) {
    let f = Folded::new(raw);
    let n = f.text.len();
    let mut pairs: Vec<(usize, usize)> = (0..=n).flat_map(|i| [(i, i + 1), (0, i)]).collect();
    pairs.extend(picks.chunks(2).map(|p| {
        let a = usize::from(p[0]) % (n + 1);
        let b = usize::from(*p.get(1).unwrap_or(&0)) % (n + 1);
        (a.min(b), a.max(b))
    }));
    let valid = |&(i, j): &(usize, usize)| {
        j <= n && f.text.is_char_boundary(i) && f.text.is_char_boundary(j)
    };
    for (i, j) in pairs.into_iter().filter(valid) {
        let (s, e) = f.raw_range(i, j);
        assert_span(raw, &format!("raw_range({i}, {j})"), s, e);
    }
}

/// The tokenizer: tokens in order, on char boundaries, every non-space char inside one, each
/// token's fold its text folded, the same tokens as the reference tokenizer's, and the same words
/// as [`scan_words`]'.
pub fn check_tokens(raw: &str) {
    let toks = tokenize(raw);
    let mut at = 0;
    for t in &toks {
        assert!(t.start < t.end, "empty token at {}", t.start);
        assert!(
            t.start >= at,
            "tokens overlap or go backwards at {}",
            t.start
        );
        assert_span(raw, "token", t.start, t.end);
        let gap = &raw[at..t.start];
        assert!(
            gap.chars().all(|c| c.is_whitespace() && c != '\n'),
            "text between tokens is not plain space: {gap:?}"
        );
        let s = &raw[t.start..t.end];
        assert_eq!(t.fold, fold(s), "token fold");
        assert_eq!(
            t.kind == TokKind::Break,
            s == "\n",
            "line breaks are Break tokens"
        );
        at = t.end;
    }
    let rest = &raw[at..];
    assert!(
        rest.chars().all(|c| c.is_whitespace() && c != '\n'),
        "text after the last token is not plain space: {rest:?}"
    );
    // The words-only scan (quotations' words) finds the word tokens.
    let mut words = Vec::new();
    scan_words(raw, |s, e| words.push((s, e)));
    let want: Vec<(usize, usize)> = toks
        .iter()
        .filter(|t| t.kind == TokKind::Word)
        .map(|t| (t.start, t.end))
        .collect();
    assert_eq!(words, want, "scan_words and tokenize disagree");
    let got: Vec<RefToken> = toks
        .iter()
        .map(|t| {
            (
                t.start,
                t.end,
                t.kind,
                t.fold.to_string(),
                t.cap,
                t.all_caps,
            )
        })
        .collect();
    assert_eq!(
        got,
        reference_tokens(raw),
        "the tokenizer's fast paths change nothing"
    );
}

/// Unwrapping a hard-wrapped text ([`unwrap_lines`]) keeps its length and changes nothing but line
/// breaks after `from`, into spaces.
pub fn check_unwrap(raw: &str, from: usize) {
    let out = unwrap_lines(raw, from);
    assert_eq!(out.len(), raw.len(), "unwrapping keeps offsets");
    for (i, (a, b)) in raw.bytes().zip(out.bytes()).enumerate() {
        if a != b {
            assert!(
                a == b'\n' && b == b' ' && i >= from,
                "byte {i} changed from {a} to {b}"
            );
        }
    }
}

/// A token as the reference tokenizer gives it: span, kind, fold, capitalised, all capitals.
type RefToken = (usize, usize, TokKind, String, bool, bool);

/// The tokenizer written the plain way, char by char with the Unicode tables and no fast path:
/// what `crosscheck::text::tokenize` must give on any input.
pub fn reference_tokens(raw: &str) -> Vec<RefToken> {
    const ELISIONS: &[&str] = &[
        "l", "d", "qu", "j", "n", "s", "c", "m", "t", "jusqu", "lorsqu", "puisqu", "presqu",
        "quoiqu",
    ];
    let apostrophe = |c: char| matches!(c, '\'' | '\u{2019}' | '\u{02BC}' | '\u{2018}');
    let hyphen = |c: char| matches!(c, '-' | '\u{2010}' | '\u{2011}');
    let elision = |head: &str| ELISIONS.contains(&fold(head).as_str());
    let at = |o: usize| raw.get(o..).and_then(|s| s.chars().next());
    let token = |start: usize, end: usize, kind: TokKind| {
        let s = &raw[start..end];
        let cap = s.chars().next().is_some_and(char::is_uppercase);
        let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
        let all_caps =
            kind == TokKind::Word && letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
        (start, end, kind, fold(s), cap, all_caps)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(c) = at(i) {
        if c == '\n' {
            out.push(token(i, i + 1, TokKind::Break));
            i += 1;
        } else if c.is_whitespace() {
            i += c.len_utf8();
        } else if c.is_alphanumeric() {
            let start = i;
            let mut j = i + c.len_utf8();
            let mut elided = false;
            while let Some(d) = at(j) {
                if d.is_alphanumeric() {
                    j += d.len_utf8();
                    continue;
                }
                let after = j + d.len_utf8();
                let Some(e) = at(after).filter(|e| e.is_alphanumeric()) else {
                    break;
                };
                if !(hyphen(d) || apostrophe(d) || d == '.') {
                    break;
                }
                if apostrophe(d) {
                    let keep_whole = e.is_uppercase()
                        && fold(&raw[start..j]) == "n"
                        && raw[start..].starts_with('N');
                    if !keep_whole && elision(&raw[start..j]) {
                        elided = true;
                        break;
                    }
                }
                if d == '.' && !(raw.as_bytes()[j - 1].is_ascii_digit() && e.is_ascii_digit()) {
                    break;
                }
                j = after + e.len_utf8();
            }
            let mut end = j;
            if let Some(d) = at(j).filter(|&d| apostrophe(d))
                && (elided || elision(&raw[start..j]))
            {
                end = j + d.len_utf8();
            }
            out.push(token(start, end, TokKind::Word));
            i = end;
        } else {
            out.push(token(i, i + c.len_utf8(), TokKind::Punct));
            i += c.len_utf8();
        }
    }
    out
}

/// 1-based line and column (in chars) of a byte offset, counted the slow way.
pub fn naive_line_col(raw: &str, offset: usize) -> (usize, usize) {
    let before = &raw[..offset];
    let line = 1 + before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, raw[line_start..offset].chars().count() + 1)
}

/// Every span the extraction reports, with what it is.
pub fn spans(doc: &Document, c: &DocClaims) -> Vec<(&'static str, usize, usize)> {
    let mut v = Vec::new();
    v.extend(c.persons.iter().map(|x| ("person", x.start, x.end)));
    v.extend(c.offices.iter().map(|x| ("office", x.start, x.end)));
    v.extend(c.ranks.iter().map(|x| ("rank", x.start, x.end)));
    v.extend(c.relations.iter().map(|x| ("relation", x.start, x.end)));
    v.extend(
        c.office_relations
            .iter()
            .map(|x| ("office relation", x.start, x.end)),
    );
    v.extend(c.deposed.iter().map(|x| ("deposed", x.start, x.end)));
    v.extend(c.named.iter().map(|x| ("named", x.start, x.end)));
    v.extend(c.acronyms.iter().map(|x| ("acronym", x.start, x.end)));
    v.extend(c.acronyms.iter().map(|x| ("acronym tag", x.end, x.tag_end)));
    v.extend(c.quotes.iter().map(|x| ("quote", x.start, x.end)));
    v.extend(c.dates.iter().map(|x| ("date", x.start, x.end)));
    v.extend(c.event_dates.iter().map(|x| ("event date", x.start, x.end)));
    v.extend(c.counts.iter().map(|x| ("count", x.start, x.end)));
    for q in &c.quotes {
        v.extend(
            q.word_spans(doc)
                .into_iter()
                .map(|(s, e)| ("quote word", s, e)),
        );
    }
    v
}

/// The whole extraction of one document: no panic, every span on char boundaries within the body,
/// every index into the document's own lists in range, and line/column right at every span.
pub fn check_extract(doc: &Document) -> DocClaims {
    let text = &doc.text;
    let c = extract(doc, lexicon());
    let lines = LineIndex::new(text);
    // What a slimmed copy keeps must place and quote every span as the whole text does.
    let mut slim = doc.clone();
    slim.slim(c.spans());
    for (what, s, e) in spans(doc, &c) {
        assert_span(text, what, s, e);
        assert!(
            s >= doc.body_start,
            "{what}: span {s}..{e} starts before the body ({})",
            doc.body_start
        );
        assert_eq!(
            lines.line_col(text, s),
            naive_line_col(text, s),
            "{what}: line/column of {s}"
        );
        assert_eq!(
            lines.line_col(text, e),
            naive_line_col(text, e),
            "{what}: line/column of {e}"
        );
        assert_eq!(
            slim.slice(s, e),
            &text[s..e],
            "{what}: kept text of {s}..{e}"
        );
        assert_eq!(
            slim.place(s, e),
            Some((
                lines.line_col(text, s).0,
                lines.line_col(text, s).1,
                lines.line_col(text, e).0,
                lines.line_col(text, e).1,
                &text[s..e]
            )),
            "{what}: kept place of {s}..{e}"
        );
    }
    let persons = c.persons.len();
    for o in &c.offices {
        assert!(o.holder < persons, "office holder index");
    }
    for r in &c.ranks {
        assert!(r.holder < persons, "rank holder index");
    }
    for r in &c.relations {
        assert!(
            r.subject < persons && r.object < persons,
            "relation indices"
        );
    }
    for r in &c.office_relations {
        assert!(r.subject < persons, "office relation subject index");
    }
    for d in &c.deposed {
        assert!(d.person < persons, "deposed person index");
    }
    for a in &c.acronyms {
        assert!(a.long < c.named.len(), "acronym long-form index");
    }
    for q in &c.quotes {
        assert!(q.speaker.is_none_or(|s| s < persons), "quote speaker index");
        assert_eq!(
            q.words(doc).len(),
            q.n_words as usize,
            "the words read again are the words counted"
        );
        assert_eq!(
            q.words(&slim),
            q.words(doc),
            "a slimmed document gives the same words"
        );
    }
    for d in &c.event_dates {
        assert!(d.date < c.dates.len(), "event date index");
    }
    for n in &c.counts {
        assert!(n.holder.is_none_or(|h| h < persons), "count holder index");
        assert!(
            n.high.is_none_or(|h| n.low <= h),
            "count interval low <= high"
        );
    }
    for p in &c.persons {
        assert!(!p.parts.is_empty(), "a person mention has a name");
    }
    c
}

// The three fuzz targets, whole: `fuzz_targets/*.rs` call these, and the replay in
// `tests/properties.rs` calls all three on every kept input.

/// The `document` target: front matter, date line and metadata of any bytes.
pub fn fuzz_document(data: &[u8]) {
    check_document(&text_of(data));
}

/// The `folded` target: the first 16 bytes choose extra ranges to map back, the rest is the text.
pub fn fuzz_folded(data: &[u8]) {
    let (picks, rest) = data.split_at(data.len().min(16));
    let raw = text_of(rest);
    check_folded(&raw, picks);
    check_folded_any_range(&raw, picks);
    check_tokens(&raw);
}

/// The `extract` target: the whole extraction of one document.
pub fn fuzz_extract(data: &[u8]) {
    let text = text_of(data);
    let doc = check_document(&text);
    check_tokens(&text);
    check_extract(&doc);
}
