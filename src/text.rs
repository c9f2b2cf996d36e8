//! Folded text for matching (case, diacritics, typographic punctuation) with a map back to raw bytes,
//! a tokenizer shared by every extractor, and line/column lookup for reporting.

use compact_str::CompactString;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Appends the folded form of `c` to `out`: lower case, no diacritics, plain apostrophes and quotes,
/// one kind of space and dash.
#[inline]
pub fn fold_char_into(c: char, out: &mut String) {
    // Most chars of French prose are ASCII; '`' and '\t' are the only ASCII chars with a special
    // form.
    if c.is_ascii() && c != '`' && c != '\t' {
        out.push(c.to_ascii_lowercase());
        return;
    }
    fold_other_into(c, out);
}

fn fold_other_into(c: char, out: &mut String) {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{00B4}' | '`' | '\u{2032}' => out.push('\''),
        '«' | '»' | '“' | '”' | '„' | '‟' | '‹' | '›' => out.push('"'),
        '\u{00A0}' | '\u{202F}' | '\u{2009}' | '\u{2007}' | '\t' => out.push(' '),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => {
            out.push('-')
        }
        'œ' | 'Œ' => out.push_str("oe"),
        'æ' | 'Æ' => out.push_str("ae"),
        'ß' => out.push_str("ss"),
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        c => match latin_folds().get((c as usize).wrapping_sub(LATIN_FROM as usize)) {
            Some(f) => out.push_str(f),
            None => fold_decomposed_into(c, out),
        },
    }
}

/// The general case: canonical decomposition without its combining marks, lower-cased.
fn fold_decomposed_into(c: char, out: &mut String) {
    for d in c.nfd() {
        if !is_combining_mark(d) {
            out.extend(d.to_lowercase());
        }
    }
}

/// First and last char of the folds kept in a table: Latin-1 Supplement and Latin Extended-A,
/// where French (and West African names) put their accents.
const LATIN_FROM: char = '\u{C0}';
const LATIN_TO: char = '\u{17F}';

/// The fold of every char from `LATIN_FROM` to `LATIN_TO`, computed once by the general case, so
/// that it is the same by construction.
fn latin_folds() -> &'static [String] {
    static TABLE: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (LATIN_FROM..=LATIN_TO)
            .map(|c| {
                let mut s = String::new();
                fold_decomposed_into(c, &mut s);
                s
            })
            .collect()
    })
}

/// Appends the folded form of `s` to `out` (see [`fold_char_into`]).
pub fn fold_into(s: &str, out: &mut String) {
    // ASCII runs are copied whole and lower-cased in place.
    let mut rest = s;
    while !rest.is_empty() {
        let plain = rest
            .bytes()
            .position(|b| !b.is_ascii() || b == b'`' || b == b'\t')
            .unwrap_or(rest.len());
        if plain > 0 {
            let at = out.len();
            out.push_str(&rest[..plain]);
            out[at..].make_ascii_lowercase();
            rest = &rest[plain..];
        }
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            fold_other_into(c, out);
            rest = chars.as_str();
        }
    }
}

/// The folded form of a whole string.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// Lower case only, diacritics kept: how spelling variants of a name are told apart.
pub fn lower(s: &str) -> String {
    // ASCII needs neither the typographic apostrophes nor normalisation.
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' => out.push('\''),
            c => out.extend(c.to_lowercase()),
        }
    }
    if unicode_normalization::is_nfc_quick(out.chars()) == unicode_normalization::IsNormalized::Yes
    {
        return out;
    }
    out.nfc().collect()
}

/// A folded view of a text: `text[i]` came from the raw bytes starting at `raw_offset(i)`.
#[derive(Debug, Clone)]
pub struct Folded {
    pub text: String,
    map: Vec<u32>,
}

impl Folded {
    pub fn new(raw: &str) -> Self {
        let mut text = String::with_capacity(raw.len());
        let mut map = Vec::with_capacity(raw.len() + 1);
        for (i, c) in raw.char_indices() {
            let before = text.len();
            fold_char_into(c, &mut text);
            map.resize(map.len() + (text.len() - before), i as u32);
        }
        map.push(raw.len() as u32);
        Folded { text, map }
    }

    /// Raw byte offset of folded byte `i` (`i == text.len()` maps to the raw length).
    pub fn raw_offset(&self, i: usize) -> usize {
        self.map[i.min(self.map.len() - 1)] as usize
    }

    /// Raw byte range covered by the folded range `start..end`.
    pub fn raw_range(&self, start: usize, end: usize) -> (usize, usize) {
        if end <= start {
            let s = self.raw_offset(start);
            return (s, s);
        }
        let s = self.raw_offset(start);
        // The end is the start of the raw char after the one that produced the last folded byte
        // (a raw char may fold to several bytes: "œ" → "oe").
        let last = self.raw_offset(end - 1);
        let mut k = end;
        while k < self.map.len() - 1 && self.map[k] as usize == last {
            k += 1;
        }
        (s, self.map[k] as usize)
    }
}

/// Hard-wrapped text (a plain-text newsletter, an e-mail, a wire story wrapped at 70 to 80
/// columns) breaks its paragraphs into lines. Returns `text` with the line breaks inside
/// paragraphs, from byte `from` on, made spaces (same length, same offsets), so that a name, an
/// office or a sentence read across one is read whole; text that is not wrapped is returned as it
/// is.
///
/// A text is wrapped when at least three of its lines run into a next line and most of those are
/// filled close to its longest line, which is at most [`WRAP_MAX`] chars (a paragraph written on one
/// line is far longer). A break there joins two lines of a paragraph when the line is filled, or when
/// the next line's first word would not have fitted after it; a blank line, a line starting a list
/// item or a heading, and a short line (a title, a byline, a paragraph's last line) end a paragraph.
pub fn unwrap_lines(text: &str, from: usize) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    let Some(body) = text.get(from..) else {
        return Cow::Borrowed(text);
    };
    // Most texts are written a paragraph per line: they are left after one cheap pass over their
    // lines. Lines longer than any wrapping leaves (a link, a table) may stand in a wrapped text,
    // but not many.
    let (mut written, mut long) = (0usize, 0usize);
    let mut line_start = 0;
    for end in memchr::memchr_iter(b'\n', body.as_bytes()).chain(std::iter::once(body.len())) {
        let raw = body.get(line_start..end).unwrap_or_default();
        line_start = end + 1;
        written += usize::from(!raw.trim().is_empty());
        // Bytes, not chars: a wrapped line of accented French takes a few more bytes than chars,
        // a paragraph far more.
        long += usize::from(raw.len() > WRAP_MAX + WRAP_MAX / 3);
    }
    if long * 10 > written {
        return Cow::Borrowed(text);
    }
    // Each line: byte offset of its '\n' (or the text's end), length in chars without trailing
    // spaces, and its first word's length in chars.
    struct Line {
        newline: usize,
        chars: usize,
        first_word: usize,
        opens_block: bool,
    }
    let mut lines: Vec<Line> = Vec::new();
    let mut at = from;
    for raw in body.split_inclusive('\n') {
        let content = raw.trim_end_matches(['\n', '\r']).trim_end();
        let lead = content.trim_start();
        let chars = content.chars().count();
        lines.push(Line {
            newline: at + raw.trim_end_matches('\n').len(),
            chars,
            first_word: lead
                .split_whitespace()
                .next()
                .map_or(0, |w| w.chars().count()),
            opens_block: opens_block(lead),
        });
        at += raw.len();
    }
    let width = lines
        .iter()
        .map(|l| l.chars)
        .filter(|&c| c <= WRAP_MAX)
        .max()
        .unwrap_or(0);
    if width < WRAP_MIN {
        return Cow::Borrowed(text);
    }
    // A filled line ends within the length of a long word of the width.
    let filled = |l: &Line| l.chars + WRAP_SLACK >= width;
    let runs_on = |pair: &[Line]| {
        let short = |l: &Line| (1..=width).contains(&l.chars);
        short(&pair[0]) && short(&pair[1]) && !pair[1].opens_block
    };
    let (mut running, mut full) = (0, 0);
    for pair in lines.windows(2).filter(|p| runs_on(p)) {
        running += 1;
        full += usize::from(filled(&pair[0]));
    }
    if running < 3 || full * 5 < running * 3 {
        return Cow::Borrowed(text);
    }
    let mut bytes = text.as_bytes().to_vec();
    let mut joined = false;
    for pair in lines.windows(2).filter(|p| runs_on(p)) {
        let (line, next) = (&pair[0], &pair[1]);
        if (filled(line) || line.chars + 1 + next.first_word > width)
            && let Some(b) = bytes.get_mut(line.newline)
        {
            *b = b' ';
            joined = true;
        }
    }
    if !joined {
        return Cow::Borrowed(text);
    }
    // Only an ASCII '\n' was replaced by an ASCII space: the bytes are still UTF-8.
    match String::from_utf8(bytes) {
        Ok(s) => Cow::Owned(s),
        Err(_) => Cow::Borrowed(text),
    }
}

/// The longest line of a wrapped text, in chars: wrapping is done at 60 to 100 columns.
const WRAP_MAX: usize = 100;
/// The shortest width a wrapped text is recognised at.
const WRAP_MIN: usize = 40;
/// How much shorter than the longest line a filled line may be: a long word moved to the next line.
const WRAP_SLACK: usize = 14;

/// Whether a line opens a block of its own: a list item, a Markdown heading or quotation, a table
/// row.
fn opens_block(lead: &str) -> bool {
    let mut chars = lead.chars();
    match chars.next() {
        Some('-' | '*' | '+' | '\u{2022}' | '\u{2013}' | '\u{2014}' | '#' | '>' | '|') => true,
        Some(c) if c.is_ascii_digit() => {
            let rest = lead.trim_start_matches(|c: char| c.is_ascii_digit());
            rest.starts_with(". ") || rest.starts_with(") ")
        }
        _ => false,
    }
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Punct,
    /// A line break: sentences and names never run across one.
    Break,
}

/// A token of the raw text: a word (letters, digits, inner hyphens and apostrophes), one punctuation
/// character, or a line break. Spaces are not tokens.
#[derive(Debug, Clone)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// Folded text of the token (inline up to 24 bytes: no allocation for almost every word).
    pub fold: CompactString,
    /// The raw token starts with an upper-case letter.
    pub cap: bool,
    /// Every letter of the raw token is upper case (acronyms).
    pub all_caps: bool,
}

const ELISIONS: &[&str] = &[
    "l", "d", "qu", "j", "n", "s", "c", "m", "t", "jusqu", "lorsqu", "puisqu", "presqu", "quoiqu",
];

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}' | '\u{2018}')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Whether a Latin-1 letter (À-ÿ but × and ÷): all alphabetic, so the Unicode tables can be
/// skipped for the accented letters of French.
fn is_latin1_letter(c: char) -> bool {
    matches!(c, '\u{C0}'..='\u{FF}') && c != '\u{D7}' && c != '\u{F7}'
}

/// `c.is_alphanumeric()`, quicker for ASCII and Latin-1.
#[inline]
fn is_alnum(c: char) -> bool {
    c.is_ascii_alphanumeric() || (!c.is_ascii() && (is_latin1_letter(c) || c.is_alphanumeric()))
}

/// `c.is_alphabetic()`, quicker for ASCII and Latin-1.
#[inline]
fn is_alpha(c: char) -> bool {
    c.is_ascii_alphabetic() || (!c.is_ascii() && (is_latin1_letter(c) || c.is_alphabetic()))
}

/// Whether `head` (raw text before an apostrophe) folds to an elided article; `scratch` is a
/// reusable buffer.
fn is_elision(head: &str, scratch: &mut String) -> bool {
    // The elided words are short and ASCII: a longer ASCII head is none of them, and a short one
    // is compared without folding.
    if head.is_ascii() {
        if head.len() > 6 {
            return false;
        }
        let mut buf = [0u8; 6];
        let buf = &mut buf[..head.len()];
        buf.copy_from_slice(head.as_bytes());
        buf.make_ascii_lowercase();
        return ELISIONS.iter().any(|e| e.as_bytes() == &*buf);
    }
    scratch.clear();
    fold_into(head, scratch);
    ELISIONS.contains(&scratch.as_str())
}

/// What an ASCII byte is to the tokenizer, and what it says of a token's case.
const ALNUM: u8 = 1;
const SPACE: u8 = 2;
const UPPER: u8 = 4;
const LOWER: u8 = 8;
/// Non-ASCII bytes and '`': the token needs the general fold.
const SPECIAL: u8 = 16;

static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_uppercase() {
            ALNUM | UPPER
        } else if c.is_ascii_lowercase() {
            ALNUM | LOWER
        } else if c.is_ascii_digit() {
            ALNUM
        } else if matches!(c, b' ' | b'\t' | 0x0B | 0x0C | b'\r') {
            SPACE
        } else if c >= 0x80 || c == b'`' {
            SPECIAL
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Splits raw text into tokens. Elided articles ("l'", "d'", "qu'") are tokens of their own, ending
/// with the apostrophe; names like "N'Guessan" stay whole.
pub fn tokenize(raw: &str) -> Vec<Token> {
    let mut toks = Vec::with_capacity(raw.len() / 5);
    scan(raw, |scratch, start, end, kind| {
        push(&mut toks, scratch, raw, start, end, kind);
    });
    toks
}

/// Calls `word` with the byte span of each word token of `raw`, in order: the words
/// [`tokenize`] finds, without building tokens (quotations' words are read again this way).
pub fn scan_words(raw: &str, mut word: impl FnMut(usize, usize)) {
    scan(raw, |_, start, end, kind| {
        if kind == TokKind::Word {
            word(start, end);
        }
    });
}

/// The tokenizer proper: calls `emit(scratch, start, end, kind)` for each token, in order.
/// `scratch` is a buffer the sink may use.
#[inline(always)]
fn scan(raw: &str, mut emit: impl FnMut(&mut String, usize, usize, TokKind)) {
    let mut scratch = String::new();
    let bytes = raw.as_bytes();
    // The char at byte offset `o` (a char boundary), decoded directly when it is ASCII.
    let char_at = |o: usize| match bytes.get(o) {
        Some(&b) if b.is_ascii() => Some(b as char),
        Some(_) => raw.get(o..).and_then(|s| s.chars().next()),
        None => None,
    };
    let mut i = 0;
    while let Some(c) = char_at(i) {
        let off = i;
        // ASCII spaces, the commonest char, skipped without the Unicode tables.
        if c.is_ascii() && CLASS[c as usize] & SPACE != 0 {
            i += 1;
            continue;
        }
        if c == '\n' {
            emit(&mut scratch, off, off + 1, TokKind::Break);
            i += 1;
            continue;
        }
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if is_alnum(c) {
            let start = off;
            // Byte offset of the next char to look at.
            let mut j = off + c.len_utf8();
            // Whether the word ended at an apostrophe because it is an elided article.
            let mut elided = false;
            loop {
                // Runs of ASCII letters and digits, byte by byte.
                while bytes
                    .get(j)
                    .is_some_and(|&b| CLASS[b as usize] & ALNUM != 0)
                {
                    j += 1;
                }
                // The commonest end: an ASCII space or punctuation mark that cannot join two
                // parts of a word.
                if bytes
                    .get(j)
                    .is_some_and(|&b| b.is_ascii() && !matches!(b, b'-' | b'\'' | b'.'))
                {
                    break;
                }
                let Some(d) = char_at(j) else {
                    break;
                };
                if is_alnum(d) {
                    j += d.len_utf8();
                    continue;
                }
                let after = j + d.len_utf8();
                let Some(e) = char_at(after).filter(|&e| is_alnum(e)) else {
                    break;
                };
                if !(is_hyphen(d) || is_apostrophe(d) || d == '.') {
                    break;
                }
                if is_apostrophe(d) {
                    let keep_whole = e.is_uppercase()
                        && raw[start..].starts_with('N')
                        && fold_is(&raw[start..j], "n", &mut scratch);
                    if !keep_whole && is_elision(&raw[start..j], &mut scratch) {
                        elided = true;
                        break;
                    }
                }
                if d == '.' {
                    // "art.6", "U.S" keep no inner dots except in digit runs like 1.5. The char
                    // before the dot is ASCII exactly when its last byte is.
                    if !(raw.as_bytes()[j - 1].is_ascii_digit() && e.is_ascii_digit()) {
                        break;
                    }
                }
                j = after + e.len_utf8();
            }
            // An elided article keeps its apostrophe.
            let mut end = j;
            if bytes.get(j).is_some_and(|&b| !b.is_ascii() || b == b'\'')
                && let Some(d) = char_at(j).filter(|&d| is_apostrophe(d))
                && (elided || is_elision(&raw[start..j], &mut scratch))
            {
                end = j + d.len_utf8();
            }
            emit(&mut scratch, start, end, TokKind::Word);
            i = end;
            continue;
        }
        let end = off + c.len_utf8();
        emit(&mut scratch, off, end, TokKind::Punct);
        i = end;
    }
}

/// Whether `s` folds to exactly `want`.
fn fold_is(s: &str, want: &str, scratch: &mut String) -> bool {
    scratch.clear();
    fold_into(s, scratch);
    scratch == want
}

fn push(
    toks: &mut Vec<Token>,
    scratch: &mut String,
    raw: &str,
    start: usize,
    end: usize,
    kind: TokKind,
) {
    let s = &raw[start..end];
    let b = s.as_bytes();
    // Plain ASCII ('`' aside, the only ASCII char a token can hold that folds to something else):
    // case and folding byte by byte.
    let mut seen = 0;
    let mut upper = 0;
    for &c in b {
        let class = CLASS[c as usize];
        seen |= class;
        upper += usize::from(class & UPPER != 0);
    }
    if seen & SPECIAL == 0 {
        let lower = seen & LOWER != 0;
        let cap = b.first().is_some_and(u8::is_ascii_uppercase);
        let all_caps = kind == TokKind::Word && !lower && upper >= 2;
        let mut fold = CompactString::from(s);
        if upper > 0 {
            fold.make_ascii_lowercase();
        }
        toks.push(Token {
            start,
            end,
            kind,
            fold,
            cap,
            all_caps,
        });
        return;
    }
    let cap = s.chars().next().is_some_and(|c| c.is_uppercase());
    // At least two letters, all upper case; stops at the first lower-case letter.
    let all_caps = kind == TokKind::Word && {
        let mut letters = 0;
        let mut upper = true;
        for c in s.chars().filter(|&c| is_alpha(c)) {
            if !c.is_uppercase() {
                upper = false;
                break;
            }
            letters += 1;
        }
        upper && letters >= 2
    };
    scratch.clear();
    fold_into(s, scratch);
    toks.push(Token {
        start,
        end,
        kind,
        fold: CompactString::from(scratch.as_str()),
        cap,
        all_caps,
    });
}

/// A span made non-empty and kept on char boundaries: an empty span (a parser pointing between two
/// chars) grows to cover the next char, and both ends are clamped to the text.
pub fn char_span(text: &str, start: usize, end: usize) -> (usize, usize) {
    let mut s = start.min(text.len());
    while !text.is_char_boundary(s) {
        s -= 1;
    }
    let mut e = end.clamp(s, text.len());
    if e == s {
        e = text[s..].chars().next().map_or(s, |c| s + c.len_utf8());
    }
    while !text.is_char_boundary(e) {
        e += 1;
    }
    (s, e)
}

/// Line starts of a text, for 1-based line/column lookup.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(raw: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(raw.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// 1-based line and column (in characters) of byte `offset`.
    pub fn line_col(&self, raw: &str, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let end = offset.min(raw.len());
        let col = raw.get(start..end).map_or(1, |s| s.chars().count() + 1);
        (line, col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` with its soft line breaks shown as '|' after unwrapping ('\n' left where the
    /// paragraph ends).
    fn unwrapped(text: &str) -> String {
        let out = unwrap_lines(text, 0);
        assert_eq!(out.len(), text.len(), "offsets are kept");
        text.char_indices()
            .map(|(i, c)| match (c, out.as_bytes()[i]) {
                ('\n', b' ') => '|',
                _ => c,
            })
            .collect()
    }

    #[test]
    fn wrapped_paragraphs_are_read_across_their_line_breaks() {
        let text = "La sécheresse au Lesotho\nPar Lineo Ntsane\n\n\
            Le gouvernement a déclaré mardi l'état de catastrophe après trois\n\
            mois sans pluie dans le sud. Le ministre lésothien de l'Agriculture\n\
            a présenté au Parlement un plan d'urgence destiné aux éleveurs des\n\
            hauts plateaux.\n\n\
            Selon le Bureau de gestion des catastrophes, près de 180 000 personnes\n\
            manquent d'eau potable. Les premières citernes partiront de Maseru\n\
            jeudi.\n\
            - Lire aussi : les éleveurs face au froid\n";
        let out = unwrapped(text);
        // The title and the byline stay lines of their own; the paragraphs' lines are joined.
        assert!(out.starts_with("La sécheresse au Lesotho\nPar Lineo Ntsane\n\n"));
        assert!(out.contains("après trois|mois sans pluie"));
        assert!(out.contains("l'Agriculture|a présenté"));
        assert!(out.contains("éleveurs des|hauts plateaux.\n\n"));
        assert!(out.contains("personnes|manquent"));
        // A list item starts a block; a paragraph's short last line ends it.
        assert!(out.contains("jeudi.\n- Lire aussi"));
    }

    #[test]
    fn text_written_a_paragraph_per_line_is_left_alone() {
        let long = "Le ministre de l'Agriculture a présenté au Parlement un plan d'urgence \
            destiné aux éleveurs des hauts plateaux, touchés par trois mois sans pluie.";
        let text = format!("Titre\n{long}\n{long}\n{long}\nFin.\n");
        assert!(matches!(
            unwrap_lines(&text, 0),
            std::borrow::Cow::Borrowed(_)
        ));
        // Short lines of varied length (a list of results, a transcript): not wrapped.
        let text = "Oui : 61 %\nNon : 39 %\nParticipation : 52 %\nBulletins nuls : 3 %\n";
        assert!(matches!(
            unwrap_lines(text, 0),
            std::borrow::Cow::Borrowed(_)
        ));
        // Front matter before `from` is never touched.
        let text = "+++\ntitle = \"x\"\n+++\nUne ligne.\n";
        assert!(matches!(
            unwrap_lines(text, 18),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn lower_keeps_diacritics_in_composed_form() {
        assert_eq!(lower("GOÏTA"), "goïta");
        assert_eq!(
            lower("Goi\u{308}ta"),
            "goïta",
            "decomposed input comes out composed"
        );
        assert_eq!(lower("N’Guessan"), "n'guessan");
        assert_eq!(lower("Bazoum"), "bazoum");
    }

    #[test]
    fn folds_case_diacritics_and_typography() {
        assert_eq!(fold("Goïta"), "goita");
        assert_eq!(fold("l’Alliance des États"), "l'alliance des etats");
        assert_eq!(fold("« Cœur »"), "\" coeur \"");
    }

    #[test]
    fn folded_offsets_map_back_to_raw() {
        let raw = "Présidé par « Œdipe »";
        let f = Folded::new(raw);
        let i = f.text.find("oedipe").unwrap();
        let (s, e) = f.raw_range(i, i + "oedipe".len());
        assert_eq!(&raw[s..e], "Œdipe");
    }

    #[test]
    fn a_range_inside_one_expanded_char_covers_the_whole_char() {
        for raw in ["œ", "ß", "Æ", "Cœur"] {
            let f = Folded::new(raw);
            let i = f.text.find(['o', 's', 'a']).unwrap();
            let (s, e) = f.raw_range(i, i + 1);
            assert!(
                raw.is_char_boundary(s) && raw.is_char_boundary(e) && e > s,
                "{raw:?}: {s}..{e}"
            );
        }
    }

    #[test]
    fn char_spans_stay_on_boundaries() {
        assert_eq!(char_span("aé", 1, 1), (1, 3));
        assert_eq!(char_span("aé", 2, 2), (1, 3));
        assert_eq!(char_span("a", 5, 9), (1, 1));
    }

    #[test]
    fn tokenizer_splits_elisions_but_keeps_names() {
        let toks = tokenize("l’Alliance d'Abidjan, N'Guessan a-t-il dit");
        let words: Vec<&str> = toks.iter().map(|t| t.fold.as_str()).collect();
        assert_eq!(
            words,
            vec![
                "l'",
                "alliance",
                "d'",
                "abidjan",
                ",",
                "n'guessan",
                "a-t-il",
                "dit"
            ]
        );
        assert!(toks[1].cap);
        // Capitals and long heads: "L'", "QU'" and "Jusqu'" are elided; "Aujourd'hui" and
        // "Prud'homme" are words.
        let toks = tokenize("L'État QU'IL Jusqu’à Aujourd'hui Prud'homme N’Djamena");
        let words: Vec<&str> = toks.iter().map(|t| t.fold.as_str()).collect();
        assert_eq!(
            words,
            [
                "l'",
                "etat",
                "qu'",
                "il",
                "jusqu'",
                "a",
                "aujourd'hui",
                "prud'homme",
                "n'djamena"
            ]
        );
    }

    #[test]
    fn line_and_column_are_one_based_in_chars() {
        let raw = "é\nab";
        let idx = LineIndex::new(raw);
        assert_eq!(idx.line_col(raw, 0), (1, 1));
        assert_eq!(idx.line_col(raw, 3), (2, 1));
        assert_eq!(idx.line_col(raw, 4), (2, 2));
    }
}
