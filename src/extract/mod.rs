//! Extraction: per document, mentions (people, named documents and organisations, quotations,
//! dates) and the claims built on them (offices, ranks, relations, acronyms). Every item keeps the
//! raw byte span it was read from.

mod date;
mod named;
mod number;
mod office;
mod person;
mod quote;
mod relation;

use serde::{Deserialize, Serialize};

use crate::corpus::Document;
use crate::lexicon::{Hit, Lex, Lexicon, RelationType};
use crate::text::{TokKind, Token, fold_into, tokenize};
use crate::time::PartialDate;

pub use date::{DateMention, EventDate};
pub use named::{SIGNED_HEADS, initials};
pub use number::{CountClaim, SIGNATORIES, TALLY, YEAR_MARK};

thread_local! {
    static HIDE_INTERNAL: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether a field only the pipeline needs (token indices, per-word spans) is left out: it is
/// when the claims are shown (`crosscheck claims`), and kept when they are stored in an index.
pub(crate) fn internal<T>(_: &T) -> bool {
    HIDE_INTERNAL.with(std::cell::Cell::get)
}

/// Runs `f` (a serialisation) with the pipeline-only fields left out.
pub fn without_internal_fields<R>(f: impl FnOnce() -> R) -> R {
    HIDE_INTERNAL.with(|h| h.set(true));
    let r = f();
    HIDE_INTERNAL.with(|h| h.set(false));
    r
}

/// The parts of a name as written ("Assimi", "Goïta"), kept as one string joined by single
/// spaces (a part is a token and holds none): inline up to 24 bytes, so most names take no heap
/// block of their own, and a corpus holds hundreds of thousands of them. Serialised as the list
/// of parts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parts(compact_str::CompactString);

impl Parts {
    /// The name of these parts, in order (empty parts left out).
    pub fn new<'a>(parts: impl IntoIterator<Item = &'a str>) -> Self {
        let mut s = compact_str::CompactString::default();
        for p in parts.into_iter().filter(|p| !p.is_empty()) {
            if !s.is_empty() {
                s.push(' ');
            }
            s.push_str(p);
        }
        Parts(s)
    }

    /// The parts joined by single spaces.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &str> + Clone + '_ {
        (!self.0.is_empty())
            .then(|| self.0.split(' '))
            .into_iter()
            .flatten()
    }

    pub fn len(&self) -> usize {
        if self.0.is_empty() {
            0
        } else {
            1 + self.0.bytes().filter(|&b| b == b' ').count()
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, i: usize) -> Option<&str> {
        self.iter().nth(i)
    }

    pub fn first(&self) -> Option<&str> {
        self.iter().next()
    }

    pub fn last(&self) -> Option<&str> {
        self.iter().next_back()
    }

    /// The parts between the first and the last ("Kaba" in "Ousmane Kaba Touré").
    pub fn middle(&self) -> impl Iterator<Item = &str> + '_ {
        let n = self.len();
        self.iter().skip(1).take(n.saturating_sub(2))
    }
}

/// Serialises strings as a list, with its length first: the index's format (postcard) needs it.
fn serialize_strs<'a, S: serde::Serializer>(
    s: S,
    len: usize,
    items: impl Iterator<Item = &'a str>,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeSeq;
    let mut seq = s.serialize_seq(Some(len))?;
    for item in items {
        seq.serialize_element(item)?;
    }
    seq.end()
}

impl Serialize for Parts {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_strs(s, self.len(), self.iter())
    }
}

impl<'de> Deserialize<'de> for Parts {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v: Vec<String> = Vec::deserialize(d)?;
        Ok(Parts::new(v.iter().map(String::as_str)))
    }
}

/// A person's name as written.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PersonMention {
    pub start: usize,
    pub end: usize,
    pub parts: Parts,
    /// A lone surname read without a title before it: kept only if it matches a known person.
    pub weak: bool,
    #[serde(skip_serializing_if = "crate::extract::internal")]
    pub tok_start: usize,
    #[serde(skip_serializing_if = "crate::extract::internal")]
    pub tok_end: usize,
}

impl PersonMention {
    pub fn text(&self) -> String {
        self.parts.as_str().to_string()
    }
}

/// "X holds office O (portfolios P, country C)".
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct OfficeClaim {
    pub holder: usize,
    pub start: usize,
    pub end: usize,
    pub office: u16,
    pub portfolios: Vec<u16>,
    pub country: Option<u16>,
    /// Marked as past ("ancien", "ex-", "déchu"): says nothing about the document's date.
    pub past: bool,
    /// Said to be new: "devenu ministre", "le nouveau ministre", "depuis le remaniement, X est…".
    #[serde(default)]
    pub change: bool,
    /// The organisation the office is a post of ("président de l'UNDC"): its folded acronym, or
    /// its folded name.
    #[serde(default)]
    pub org: Option<String>,
}

impl OfficeClaim {
    /// The organisation as shown to a reader: an acronym as acronyms are written ("UNDC"), a
    /// name as its folded content words.
    pub fn org_label(org: &str) -> String {
        if org.contains(' ') {
            org.to_string()
        } else {
            org.to_uppercase()
        }
    }
}

/// "X has rank R".
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RankClaim {
    pub holder: usize,
    pub start: usize,
    pub end: usize,
    pub rank: u16,
    /// A rank the text says was just given: "promu général de brigade", "élevé au grade de".
    pub promoted: bool,
}

/// "X is <relation> Y".
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RelationClaim {
    pub subject: usize,
    pub object: usize,
    pub kind: RelationType,
    pub start: usize,
    pub end: usize,
}

/// "X is <relation> the holder of an office", the holder unnamed: "X, un proche du président
/// burundais".
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct OfficeRelationClaim {
    pub subject: usize,
    pub office: u16,
    pub country: u16,
    pub kind: RelationType,
    pub start: usize,
    pub end: usize,
}

/// Y is described as overthrown, without saying by whom ("le président déchu Y").
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DeposedClaim {
    pub person: usize,
    pub start: usize,
    pub end: usize,
}

/// Whether a named thing is a text (charter, treaty) or a body (alliance, community).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NamedClass {
    Document,
    Organisation,
}

/// A named document or organisation: "Charte du Liptako-Gourma", "Alliance des États du Sahel".
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NamedMention {
    pub start: usize,
    pub end: usize,
    pub class: NamedClass,
    /// The head noun as written ("Charte").
    pub head: String,
    /// What the name is "of", normalised ("liptako-gourma"): documents are grouped by it.
    pub key: String,
    /// The folded content words without connectors ("alliance etats saheliens"): variants differ here.
    pub content: String,
    /// Folded words of the complement that were capitalised (proper names: "malabo", "afrique").
    pub proper: Vec<String>,
    /// What a text is "on": the first noun after "sur la" ("Charte de Malabo sur la paix" → "paix"),
    /// or two nouns joined by "et" with their adjectives, when they end the clause ("… sur la pêche
    /// durable et la délimitation maritime, signé" → "peche durable et delimitation maritime");
    /// or what it is for, the noun after "pour la" and its adjectives ("Déclaration de Douala pour
    /// l'alternance démocratique" → "alternance democratique").
    pub topic: Option<String>,
    #[serde(skip_serializing_if = "crate::extract::internal")]
    pub tok_end: usize,
    #[serde(skip_serializing_if = "crate::extract::internal")]
    pub tok_start: usize,
}

/// "Long form (ACR)", possibly with a language ("CEDEAO en anglais").
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AcronymClaim {
    pub acronym: String,
    pub start: usize,
    pub end: usize,
    /// Index of the named mention it abbreviates.
    pub long: usize,
    pub language: Option<String>,
    /// Span of the language tag, when there is one ("CEDEAO en anglais").
    pub tag_end: usize,
}

/// A quotation with what is known of who said it. Its words are not stored: they are read again
/// from its span ([`Quote::words`]), which a slimmed document keeps.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Quote {
    pub start: usize,
    pub end: usize,
    /// How many words it has.
    pub n_words: u32,
    pub speaker: Option<usize>,
    /// What few quotations have (a quoted text, an article number, a blanked copy), boxed: a
    /// corpus holds hundreds of thousands of quotations and most have none of it.
    pub extra: Option<Box<QuoteExtra>>,
}

/// The rarer facts of a [`Quote`].
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct QuoteExtra {
    /// A text quoted rather than a person ("la charte prévoit (art. 6) que …"), with its article.
    pub source_text: Option<String>,
    /// The article number the sentence says is quoted ("son article 3 prévoit que «").
    pub article: Option<String>,
    /// The span's text as extraction read it, when a lexicon's `[ignore]` pattern blanked part
    /// of it (the words come from this, the evidence from the document).
    #[serde(skip_serializing_if = "crate::extract::internal")]
    pub blanked: Option<Box<str>>,
}

impl Quote {
    /// A text quoted rather than a person, with its article.
    pub fn source_text(&self) -> Option<&str> {
        self.extra.as_ref()?.source_text.as_deref()
    }

    /// The article number the sentence says is quoted.
    pub fn article(&self) -> Option<&str> {
        self.extra.as_ref()?.article.as_deref()
    }

    /// The text the words are read from: the document's span, or its blanked copy.
    fn source<'d>(&'d self, doc: &'d Document) -> &'d str {
        self.extra
            .as_ref()
            .and_then(|x| x.blanked.as_deref())
            .unwrap_or_else(|| doc.slice(self.start, self.end))
    }

    /// The folded words (from the document the quotation was read from).
    pub fn words(&self, doc: &Document) -> Words {
        let src = self.source(doc);
        let mut w = Words {
            text: String::with_capacity(src.len()),
            ends: Vec::with_capacity(self.n_words as usize),
        };
        crate::text::scan_words(src, |start, end| {
            fold_into(&src[start..end], &mut w.text);
            w.ends.push(u32::try_from(w.text.len()).unwrap_or(u32::MAX));
        });
        w
    }

    /// Raw byte span of each word in the document.
    pub fn word_spans(&self, doc: &Document) -> Vec<(usize, usize)> {
        let mut spans = Vec::with_capacity(self.n_words as usize);
        crate::text::scan_words(self.source(doc), |start, end| {
            spans.push((self.start + start, self.start + end));
        });
        spans
    }
}

/// A sequence of folded words held as one string and the end of each word in it: two allocations
/// instead of one string per word. Serialised as a list of strings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Words {
    text: String,
    ends: Vec<u32>,
}

impl Words {
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Word `i`.
    pub fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[start..self.ends[i] as usize]
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    /// A 128-bit digest of the words and where each ends: two sequences of words have the same
    /// digest exactly when they are equal (a collision is as likely as a random one among 2^128).
    pub fn digest(&self) -> u128 {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        h.update(self.text.as_bytes());
        for e in &self.ends {
            h.update(&e.to_le_bytes());
        }
        h.digest128()
    }

    /// Whether `other`'s words occur in these, one after another.
    pub fn contains_run(&self, other: &Words) -> bool {
        let n = other.len();
        n <= self.len()
            && (0..=self.len() - n).any(|at| (0..n).all(|k| self.get(at + k) == other.get(k)))
    }
}

impl<S: AsRef<str>> FromIterator<S> for Words {
    fn from_iter<I: IntoIterator<Item = S>>(iter: I) -> Self {
        let mut w = Words::default();
        for s in iter {
            w.text.push_str(s.as_ref());
            w.ends.push(u32::try_from(w.text.len()).unwrap_or(u32::MAX));
        }
        w
    }
}

impl Serialize for Words {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_strs(s, self.len(), self.iter())
    }
}

impl<'de> Deserialize<'de> for Words {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Vec::<String>::deserialize(d)?.into_iter().collect())
    }
}

/// Where an acronym is used, defined or not: the first use of each spelling in a document. Its
/// text is the span's.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AcronymUse {
    pub start: usize,
    pub end: usize,
}

/// Every claim read from one document.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct DocClaims {
    pub persons: Vec<PersonMention>,
    pub offices: Vec<OfficeClaim>,
    pub ranks: Vec<RankClaim>,
    pub relations: Vec<RelationClaim>,
    /// Relations whose other side is an office, its holder unnamed.
    #[serde(default)]
    pub office_relations: Vec<OfficeRelationClaim>,
    pub deposed: Vec<DeposedClaim>,
    pub named: Vec<NamedMention>,
    pub acronyms: Vec<AcronymClaim>,
    /// Acronyms of four letters or more as used, defined or not: one per spelling.
    #[serde(default)]
    pub acronym_uses: Vec<AcronymUse>,
    /// Left out of `crosscheck claims` JSON, which shows each quotation with its words instead.
    #[serde(skip_serializing_if = "crate::extract::internal")]
    pub quotes: Vec<Quote>,
    pub dates: Vec<DateMention>,
    /// Once-only events with the date their sentence gives.
    pub event_dates: Vec<EventDate>,
    pub counts: Vec<CountClaim>,
    /// Countries and capitals the text names (lexicon indices), for grouping documents by story.
    pub places: Vec<u16>,
    /// The date read from the text when the document has none: the latest full date it mentions.
    pub inferred_date: Option<PartialDate>,
    /// The date of the body's dateline or publication line ("DAKAR, 12 juin 2025 (…) –",
    /// "Publié le 14/03/2025"), when it has one.
    pub dateline: Option<PartialDate>,
}

impl DocClaims {
    /// The document's date: its metadata's (front matter, date line, `sources.toml`), else its
    /// dateline's, else the one inferred from the text.
    pub fn date(
        &self,
        meta: Option<(PartialDate, crate::corpus::DateSource)>,
    ) -> Option<(PartialDate, crate::corpus::DateSource)> {
        use crate::corpus::DateSource;
        meta.or(self.dateline.map(|x| (x, DateSource::DateLine)))
            .or(self.inferred_date.map(|x| (x, DateSource::Inferred)))
    }

    /// Gives back the spare capacity of every list: claims are kept for the whole run (and a
    /// corpus holds hundreds of thousands of them), while growth by pushing leaves up to half of
    /// each list unused.
    pub fn shrink(&mut self) {
        for n in &mut self.named {
            n.proper.shrink_to_fit();
        }
        for o in &mut self.offices {
            o.portfolios.shrink_to_fit();
        }
        self.persons.shrink_to_fit();
        self.offices.shrink_to_fit();
        self.ranks.shrink_to_fit();
        self.relations.shrink_to_fit();
        self.office_relations.shrink_to_fit();
        self.deposed.shrink_to_fit();
        self.named.shrink_to_fit();
        self.acronyms.shrink_to_fit();
        self.acronym_uses.shrink_to_fit();
        self.quotes.shrink_to_fit();
        self.dates.shrink_to_fit();
        self.event_dates.shrink_to_fit();
        self.counts.shrink_to_fit();
        self.places.shrink_to_fit();
    }

    /// Every span a claim was read from: what a rule may quote once the text is dropped.
    pub fn spans(&self) -> Vec<(usize, usize)> {
        let mut v = Vec::with_capacity(self.count() + self.dates.len());
        v.extend(self.persons.iter().map(|x| (x.start, x.end)));
        v.extend(self.offices.iter().map(|x| (x.start, x.end)));
        v.extend(self.ranks.iter().map(|x| (x.start, x.end)));
        v.extend(self.relations.iter().map(|x| (x.start, x.end)));
        v.extend(self.office_relations.iter().map(|x| (x.start, x.end)));
        v.extend(self.deposed.iter().map(|x| (x.start, x.end)));
        v.extend(self.named.iter().map(|x| (x.start, x.end)));
        v.extend(
            self.acronyms
                .iter()
                .map(|x| (x.start, x.end.max(x.tag_end))),
        );
        v.extend(self.acronym_uses.iter().map(|x| (x.start, x.end)));
        v.extend(self.quotes.iter().map(|x| (x.start, x.end)));
        v.extend(self.dates.iter().map(|x| (x.start, x.end)));
        v.extend(self.event_dates.iter().map(|x| (x.start, x.end)));
        v.extend(self.counts.iter().map(|x| (x.start, x.end)));
        v
    }

    pub fn count(&self) -> usize {
        self.offices.len()
            + self.ranks.len()
            + self.relations.len()
            + self.office_relations.len()
            + self.deposed.len()
            + self.named.len()
            + self.acronyms.len()
            + self.quotes.len()
            + self.persons.len()
            + self.event_dates.len()
            + self.counts.len()
    }
}

/// Shared view of one document's tokens for the extractors.
pub(crate) struct Ctx<'a> {
    pub raw: &'a str,
    pub toks: &'a [Token],
    pub lex: &'a Lexicon,
    /// Token index → person mention starting there ([`Ctx::person_at`]), `NO_PERSON` for none:
    /// four bytes a token, where an `Option<usize>` took sixteen (two such tables are filled for
    /// every token of every document).
    starts_person: Vec<u32>,
    /// Token index → person mention ending just before it, its `tok_end` ([`Ctx::person_end`]).
    ends_person: Vec<u32>,
    /// Token index → the lexicon phrases starting there, longest first.
    pub hits: HitTable,
    /// The year of the document's date, when it has one.
    pub doc_year: Option<i32>,
}

/// The lexicon phrases starting at every token, in one flat list (no allocation per token).
pub(crate) struct HitTable {
    hits: Vec<Hit>,
    /// `hits[starts[i]..starts[i + 1]]` start at token `i`.
    starts: Vec<u32>,
    /// The kinds of the hits at token `i` ([`Lex::bit`] OR'ed): the scans skip the tokens where
    /// nothing of the kind they look for starts.
    kinds: Vec<u64>,
}

impl HitTable {
    /// Looks the lexicon up once at every word token.
    fn new(toks: &[Token], lex: &Lexicon) -> Self {
        // One hash lookup per token; phrases are then matched on integers.
        let ids: Vec<u32> = toks.iter().map(|t| lex.word_id(&t.fold)).collect();
        // About one token in three starts a phrase in French news prose.
        let mut hits = Vec::with_capacity(toks.len() / 2);
        let mut starts = Vec::with_capacity(toks.len() + 1);
        let mut kinds = Vec::with_capacity(toks.len() + 1);
        for (i, t) in toks.iter().enumerate() {
            starts.push(hits.len() as u32);
            let k = if t.kind == TokKind::Word {
                lex.push_hits_at_ids(&ids, i, &mut hits)
            } else {
                0
            };
            kinds.push(k);
        }
        starts.push(hits.len() as u32);
        kinds.push(0);
        HitTable {
            hits,
            starts,
            kinds,
        }
    }

    /// Whether a phrase of one of the kinds in `mask` starts at token `i`.
    fn has(&self, i: usize, mask: u64) -> bool {
        self.kinds.get(i).is_some_and(|k| k & mask != 0)
    }

    fn at(&self, i: usize) -> &[Hit] {
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&a), Some(&b)) => self.hits.get(a as usize..b as usize).unwrap_or_default(),
            _ => &[],
        }
    }
}

/// No person mention at a token.
const NO_PERSON: u32 = u32::MAX;

impl Ctx<'_> {
    /// The person mention that starts at token `i`.
    pub fn person_at(&self, i: usize) -> Option<usize> {
        self.starts_person
            .get(i)
            .filter(|&&m| m != NO_PERSON)
            .map(|&m| m as usize)
    }

    /// The person mention that ends just before token `i` (its `tok_end` is `i`).
    pub fn person_end(&self, i: usize) -> Option<usize> {
        self.ends_person
            .get(i)
            .filter(|&&m| m != NO_PERSON)
            .map(|&m| m as usize)
    }

    pub fn word(&self, i: usize) -> Option<&str> {
        self.toks
            .get(i)
            .filter(|t| t.kind == TokKind::Word)
            .map(|t| t.fold.as_str())
    }

    pub fn is(&self, i: usize, s: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.fold.as_str() == s)
    }

    pub fn is_any(&self, i: usize, set: &[&str]) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| set.contains(&t.fold.as_str()))
    }

    /// Skips articles and prepositions that join a head to its complement ("de la", "du", "d'",
    /// "et de l'", "au"), returning the index after them.
    pub fn skip_connector(&self, mut i: usize) -> usize {
        if self.is(i, "et") {
            i += 1;
        }
        if self.is_any(i, &["de", "du", "des", "d'", "au", "aux", "en"]) {
            i += 1;
            if self.is_any(i - 1, &["de"]) && self.is_any(i, &["la", "l'"]) {
                i += 1;
            }
        }
        i
    }

    /// The tokens of the sentence around token `i`, up to (not including) its end mark, and at
    /// most `SENTENCE_REACH` tokens on either side of `i`: a text without punctuation has no
    /// sentences, and asking for one at every claim must not cost the whole text each time.
    pub fn sentence_around(&self, i: usize) -> std::ops::Range<usize> {
        const SENTENCE_REACH: usize = 150;
        let mut a = i.min(self.toks.len());
        while a > 0 && i - a < SENTENCE_REACH && !self.sentence_end(a - 1) {
            a -= 1;
        }
        let mut b = a.max(i.min(self.toks.len()));
        while b < self.toks.len()
            && b.saturating_sub(i) < SENTENCE_REACH
            && !(b > i && self.sentence_end(b))
        {
            b += 1;
        }
        a..b
    }

    pub fn sentence_end(&self, i: usize) -> bool {
        self.toks.get(i).is_none_or(|t| {
            t.kind == TokKind::Break
                || matches!(t.fold.as_str(), "!" | "?" | ";")
                // The period of "M." or "Mme." ends no sentence: "», a déclaré M. Diop".
                || (t.fold == "."
                    && !(i > 0 && self.is_any(i - 1, person::CIVILITIES)
                        && self.toks[i - 1].end == t.start))
        })
    }

    pub fn is_lex(&self, i: usize, f: impl Fn(Lex) -> bool) -> bool {
        self.hits_at(i).any(|h| f(h.lex))
    }

    /// Every lexicon phrase that starts at token `i`, longest first, from the table built once
    /// per document (one lookup per token, however many extractors ask).
    pub fn hits_at(&self, i: usize) -> impl Iterator<Item = Hit> + '_ {
        self.hits.at(i).iter().copied()
    }

    /// Whether a phrase of one of the kinds in `mask` ([`crate::lexicon::kind`]) starts at `i`.
    pub fn has_kind(&self, i: usize, mask: u64) -> bool {
        self.hits.has(i, mask)
    }

    /// [`Ctx::find_at`] for a `pick` that accepts only meanings of the kinds in `mask`: tokens
    /// where none starts are passed over without looking at their hits.
    pub fn find_kind<T>(
        &self,
        i: usize,
        mask: u64,
        pick: impl FnMut(Lex) -> Option<T>,
    ) -> Option<(usize, T)> {
        if self.hits.has(i, mask) {
            self.find_at(i, pick)
        } else {
            None
        }
    }

    /// The longest phrase at `i` whose meaning `pick` accepts.
    pub fn find_at<T>(
        &self,
        i: usize,
        mut pick: impl FnMut(Lex) -> Option<T>,
    ) -> Option<(usize, T)> {
        self.hits_at(i)
            .find_map(|h| pick(h.lex).map(|v| (h.end, v)))
    }
}

/// Reads every claim of one document.
pub fn extract(doc: &Document, lex: &Lexicon) -> DocClaims {
    // Boilerplate the lexicon's `[ignore]` patterns match is blanked; offsets are unchanged.
    let text = lex.blank_ignored(&doc.text);
    // A hard-wrapped text is read with its paragraphs' inner line breaks as spaces.
    let read = crate::text::unwrap_lines(&text, doc.body_start);
    let toks = tokenize(&read);
    let body_tok = toks.partition_point(|t| t.start < doc.body_start);
    let toks = &toks[body_tok..];
    let mut ctx = Ctx {
        raw: &read,
        toks,
        lex,
        starts_person: vec![NO_PERSON; toks.len() + 1],
        ends_person: vec![NO_PERSON; toks.len() + 1],
        hits: HitTable::new(toks, lex),
        doc_year: doc.meta.date.map(|(d, _)| d.year),
    };
    let mut out = DocClaims {
        persons: person::extract(&ctx),
        ..DocClaims::default()
    };
    for (i, p) in out.persons.iter().enumerate() {
        ctx.starts_person[p.tok_start] = i as u32;
        ctx.ends_person[p.tok_end] = i as u32;
    }
    let (offices, ranks, deposed) = office::extract(&ctx, &out.persons);
    out.offices = offices;
    out.ranks = ranks;
    out.deposed = deposed;
    (out.relations, out.office_relations) = relation::extract(&ctx, &out.persons, &out.offices);
    let (named, acronyms) = named::extract(&ctx);
    out.named = named;
    out.acronyms = acronyms;
    out.acronym_uses = acronym_uses(&ctx);
    out.quotes = quote::extract(&ctx, &out.persons, &out.named);
    if let std::borrow::Cow::Owned(blanked) = &text {
        for q in &mut out.quotes {
            let copy = blanked.get(q.start..q.end).unwrap_or_default();
            if doc.text.get(q.start..q.end) != Some(copy) {
                q.extra.get_or_insert_default().blanked = Some(copy.into());
            }
        }
    }
    out.dates = date::extract(&ctx);
    out.inferred_date = date::infer(&out.dates);
    out.dateline = date::dateline(&ctx, doc.body_start, &out.dates);
    out.event_dates = date::event_dates(&ctx, &out.dates, &out.named);
    out.counts = number::extract(&ctx);
    out.places = places(&ctx);
    out.shrink();
    out
}

/// The first use of each acronym spelling of four to ten capital letters ("CEDEAO", not "AES",
/// "COVID-19" or "N'DJAMENA").
fn acronym_uses(ctx: &Ctx) -> Vec<AcronymUse> {
    let mut seen: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for t in ctx.toks {
        if t.kind != TokKind::Word || !t.all_caps {
            continue;
        }
        let raw = &ctx.raw[t.start..t.end];
        let n = raw.chars().count();
        if !(4..=10).contains(&n) || !raw.chars().all(char::is_alphabetic) || seen.contains(&raw) {
            continue;
        }
        seen.push(raw);
        out.push(AcronymUse {
            start: t.start,
            end: t.end,
        });
    }
    out
}

/// The countries a text names, by name, capital or adjective, sorted and without repeats. A
/// name is read whole: "République démocratique du Congo" does not also name the "Congo" it ends
/// with (two countries would make two anchors, enough to join two stories).
fn places(ctx: &Ctx) -> Vec<u16> {
    use crate::lexicon::kind;
    let mut out: Vec<u16> = Vec::new();
    let mut i = 0;
    while i < ctx.toks.len() {
        match ctx.find_kind(
            i,
            kind::COUNTRY | kind::CAPITAL | kind::COUNTRY_ADJ,
            |l| match l {
                Lex::Country(c) | Lex::Capital(c) | Lex::CountryAdj(c) => Some(c),
                _ => None,
            },
        ) {
            Some((end, c)) => {
                out.push(c);
                i = end.max(i + 1);
            }
            None => i += 1,
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Reads the named document or organisation a short text names ("Charte du Liptako-Gourma"), as
/// the knowledge base writes them.
pub fn named_in_text(text: &str, lex: &Lexicon) -> Option<NamedMention> {
    let toks = tokenize(text);
    let ctx = Ctx {
        raw: text,
        toks: &toks,
        lex,
        starts_person: vec![NO_PERSON; toks.len() + 1],
        ends_person: vec![NO_PERSON; toks.len() + 1],
        hits: HitTable::new(&toks, lex),
        doc_year: None,
    };
    named::extract(&ctx).0.into_iter().next()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::document_from_text;

    #[test]
    fn name_parts_are_read_and_stored_as_a_list() {
        let p = Parts::new(["Ousmane", "Kaba", "Touré"]);
        assert_eq!(p.len(), 3);
        assert_eq!(
            (p.first(), p.get(1), p.last()),
            (Some("Ousmane"), Some("Kaba"), Some("Touré"))
        );
        assert_eq!(p.middle().collect::<Vec<_>>(), ["Kaba"]);
        assert_eq!(p.as_str(), "Ousmane Kaba Touré");
        let lone = Parts::new(["Touré"]);
        assert_eq!((lone.len(), lone.middle().count()), (1, 0));
        assert!(Parts::new([]).is_empty() && Parts::new([]).last().is_none());
        // Shown and stored as the list of parts, in both formats.
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(json, r#"["Ousmane","Kaba","Touré"]"#);
        assert_eq!(serde_json::from_str::<Parts>(&json).unwrap(), p);
        let bytes = postcard::to_stdvec(&p).unwrap();
        assert_eq!(postcard::from_bytes::<Parts>(&bytes).unwrap(), p);
    }

    fn read(text: &str) -> (DocClaims, String) {
        let lex = Lexicon::default_fr();
        let (doc, _) = document_from_text("t.txt", text.to_string());
        (extract(&doc, &lex), doc.text)
    }

    #[test]
    fn offices_with_adjectives_and_names_that_look_like_words() {
        let (c, _) = read(
            "Le ministre togolais des Transports routiers, aériens et ferroviaires, Essozimna \
             Tchalim, a signé. La ministre kényane des Affaires étrangères, Grace Wanjiku Mwangi, \
             était présente. Grâce à elle, l'accord a été conclu.",
        );
        let holders: Vec<String> = c
            .offices
            .iter()
            .map(|o| c.persons[o.holder].text())
            .collect();
        assert_eq!(holders, vec!["Essozimna Tchalim", "Grace Wanjiku Mwangi"]);
        assert!(!c.persons.iter().any(|p| p.parts.first() == Some("Grâce")));
    }

    #[test]
    fn a_weekday_in_a_sentence_about_the_future_is_left_out() {
        let (c, _) = read(
            "date 2025-12-14\nLes résultats seront proclamés à partir de mardi. Le scrutin s'est \
             tenu dimanche. Des observateurs sont arrivés lundi.",
        );
        let weekdays: Vec<u8> = c.dates.iter().filter_map(|d| d.weekday).collect();
        assert_eq!(
            weekdays,
            vec![6, 0],
            "dimanche and lundi, not the coming mardi"
        );
    }

    #[test]
    fn a_verb_that_reports_speech_dates_no_event() {
        let events = |text: &str| -> Vec<String> {
            let lex = Lexicon::default_fr();
            let (c, _) = read(text);
            c.event_dates
                .iter()
                .map(|e| lex.pack.event[e.event as usize].id.clone())
                .collect()
        };
        // "a rappelé que": a reminder, not an ambassador recalled.
        assert!(
            events("Le ministre a rappelé que le retrait, effectif le 29 janvier 2026, tient.")
                .iter()
                .all(|e| e != "recall")
        );
        assert_eq!(
            events("Le Maroc a rappelé son ambassadeur le 3 mars 2026."),
            ["recall"]
        );
        assert_eq!(
            events("Le retrait, effectif le 29 janvier 2026, est acquis."),
            ["entry-into-force"]
        );
    }

    #[test]
    fn relations_after_an_article_are_read() {
        let (c, _) = read(
            "Moussa Camara, un proche du président Assimi Goïta, a été nommé. Awa Keïta, l'une \
             des proches de Moussa Traoré, a démissionné.",
        );
        let rel: Vec<(String, String)> = c
            .relations
            .iter()
            .map(|r| (c.persons[r.subject].text(), c.persons[r.object].text()))
            .collect();
        assert_eq!(
            rel,
            vec![
                ("Moussa Camara".into(), "Assimi Goïta".into()),
                ("Awa Keïta".into(), "Moussa Traoré".into())
            ]
        );
    }

    #[test]
    fn posts_of_an_organisation_name_it() {
        let (c, _) = read(
            "La directrice générale de l'Agence nationale de l'aviation civile (ANAC), Awa Sow, \
             a parlé. Le président de l'ANAC, Ibou Ba, a répondu. Le président de la Fédération \
             sénégalaise de football, Omar Diop, a suivi.",
        );
        let posts: Vec<(String, Option<&str>)> = c
            .offices
            .iter()
            .map(|o| (c.persons[o.holder].text(), o.org.as_deref()))
            .collect();
        assert_eq!(
            posts,
            [
                ("Awa Sow".into(), Some("anac")),
                ("Ibou Ba".into(), Some("anac")),
                ("Omar Diop".into(), Some("federation senegalaise football")),
            ]
        );
    }

    #[test]
    fn relations_say_how_long_the_tie_has_lasted() {
        let (c, _) = read(
            "Awa Ndiaye, adversaire de toujours du président Cheikh Fall, a parlé. Moussa Sarr, \
             un allié de longue date de Cheikh Fall, a répondu. Ibou Diouf, adversaire de Dakar \
             depuis toujours, s'est tu.",
        );
        let rel: Vec<(String, RelationType, String)> = c
            .relations
            .iter()
            .map(|r| {
                (
                    c.persons[r.subject].text(),
                    r.kind,
                    c.persons[r.object].text(),
                )
            })
            .collect();
        assert_eq!(
            rel,
            vec![
                (
                    "Awa Ndiaye".into(),
                    RelationType::Adversary,
                    "Cheikh Fall".into()
                ),
                (
                    "Moussa Sarr".into(),
                    RelationType::Ally,
                    "Cheikh Fall".into()
                ),
            ]
        );
    }

    #[test]
    fn a_speaker_after_a_civility_period_is_read() {
        let (c, _) = read(
            "« Le port sera agrandi avant la fin de l'année prochaine », a déclaré M. Ekomi. \
             « Nous voulons une usine dans chaque province du pays », s'est félicitée Mme Oyane.",
        );
        let speakers: Vec<Option<String>> = c
            .quotes
            .iter()
            .map(|q| q.speaker.map(|s| c.persons[s].text()))
            .collect();
        assert_eq!(
            speakers,
            vec![Some("Ekomi".to_string()), Some("Oyane".to_string())]
        );
    }

    #[test]
    fn office_before_the_name_with_a_nationality_adjective() {
        let (c, _) = read("Le ministre ivoirien de l'Intérieur, Koffi Yao Brou, a visité Korhogo.");
        let lex = Lexicon::default_fr();
        assert_eq!(c.offices.len(), 1);
        let o = &c.offices[0];
        assert_eq!(c.persons[o.holder].text(), "Koffi Yao Brou");
        assert_eq!(
            o.country.map(|x| lex.country_name(x)),
            Some("Côte d'Ivoire")
        );
        assert_eq!(lex.pack.portfolio[o.portfolios[0] as usize].id, "interior");
    }

    #[test]
    fn office_after_the_name_with_the_country_as_a_complement() {
        let (c, _) = read(
            "« Nous tiendrons », a assuré Awa Ndiaye, ministre de la Santé et de l'Action sociale du Sénégal.",
        );
        let lex = Lexicon::default_fr();
        let o = &c.offices[0];
        assert_eq!(c.persons[o.holder].text(), "Awa Ndiaye");
        assert_eq!(o.country.map(|x| lex.country_name(x)), Some("Sénégal"));
        assert_eq!(
            c.quotes[0].speaker.map(|s| c.persons[s].text()),
            Some("Awa Ndiaye".into())
        );
    }

    #[test]
    fn a_place_before_a_name_is_not_part_of_it() {
        let (c, _) =
            read("Le ministre l'a annoncé jeudi à Abidjan Fatoumata Coulibaly Diarrassouba.");
        assert_eq!(
            c.persons.last().map(PersonMention::text),
            Some("Fatoumata Coulibaly Diarrassouba".into())
        );
        let (c, _) = read("Selon Ahmat Brahim Abdelkerim, le budget est prêt.");
        assert_eq!(c.persons[0].text(), "Ahmat Brahim Abdelkerim");
    }

    #[test]
    fn past_offices_are_marked() {
        let (c, _) =
            read("L'ancien ministre tchadien de la Défense, Idriss Abakar, a été entendu.");
        assert!(c.offices[0].past);
        let (c, _) =
            read("Kofi Adu Boateng, ministre de la Santé au moment des faits, a témoigné mardi.");
        assert!(
            c.offices[0].past,
            "at the time of the events: not an office now"
        );
    }

    #[test]
    fn seats_belong_to_the_party_that_wins_them() {
        let (c, _) = read(
            "Selon la CENI, le MPR remporte 84 des 193 sièges. \
             La CENI a attribué 51 sièges au FDM. \
             Le RDP, principal parti d'opposition, décroche 12 sièges sur 193 à Lilongwe.",
        );
        let seats: Vec<(u64, Option<&str>)> =
            c.counts.iter().map(|n| (n.low, n.org.as_deref())).collect();
        assert_eq!(
            seats,
            [(84, Some("mpr")), (51, Some("fdm")), (12, Some("rdp"))]
        );
    }

    #[test]
    fn numeric_dates_are_day_first_and_valid() {
        let (c, text) = read(
            "Vote le 14/12/2025, bilan au 3.1.2026, score de 2/1, pas le 31/02/2025 ni le 14 / 12 / 2025.",
        );
        let dates: Vec<String> = c
            .dates
            .iter()
            .map(|d| format!("{} {:?}", &text[d.start..d.end], d.partial()))
            .collect();
        assert_eq!(
            dates,
            [
                format!("14/12/2025 {:?}", Some(PartialDate::ymd(2025, 12, 14))),
                format!("3.1.2026 {:?}", Some(PartialDate::ymd(2026, 1, 3))),
            ]
        );
    }

    #[test]
    fn new_offices_are_marked_and_their_holder_found() {
        // A change marker between the comma and the office, or a copula.
        let (c, text) = read(
            "Kofi Adu Boateng, devenu ministre ghanéen des Finances, a parlé. \
             Depuis le remaniement du 3 mars, Ama Serwaa Owusu est ministre de la Santé du Ghana. \
             Yaw Ofori Mensah est le ministre ghanéen de l'Intérieur. \
             Le ministre ghanéen de la Défense, Kwame Osei Bonsu, était à Accra.",
        );
        let of = |name: &str| {
            c.offices
                .iter()
                .find(|o| c.persons[o.holder].text() == name)
                .unwrap_or_else(|| panic!("no office for {name}"))
        };
        let boateng = of("Kofi Adu Boateng");
        assert!(boateng.change);
        assert_eq!(
            &text[boateng.start..boateng.end],
            "ministre ghanéen des Finances"
        );
        assert!(
            of("Ama Serwaa Owusu").change,
            "since the reshuffle: a new office"
        );
        assert!(!of("Yaw Ofori Mensah").change);
        assert!(!of("Kwame Osei Bonsu").change);
        // "était": a past office is not read as a copula claim.
        let (c, _) = read("Kwame Osei Bonsu était ministre de la Défense du Ghana.");
        assert!(c.offices.is_empty());
    }

    #[test]
    fn an_office_names_its_body_by_adjectives_and_acronym() {
        let (c, _) = read(
            "La présidente de la Commission électorale nationale (CEN), Miatta Kollie Brown, a \
             parlé. La présidente de la CEN, Miatta Kollie Brown, a parlé. Le président du Conseil \
             national de transition (CNT), Malick Diaw, a parlé. Le ministre d'État chargé de \
             l'Agriculture, Osvaldo Vaz, a parlé.",
        );
        let of = |name: &str| -> Vec<(u16, Option<String>)> {
            c.offices
                .iter()
                .filter(|o| c.persons[o.holder].text() == name)
                .map(|o| (o.office, o.org.as_ref().map(ToString::to_string)))
                .collect()
        };
        let brown = of("Miatta Kollie Brown");
        assert_eq!(brown.len(), 2);
        assert_eq!(brown[0], brown[1], "one post of one organisation");
        assert_eq!(brown[0].1.as_deref(), Some("cen"));
        assert_eq!(of("Malick Diaw").len(), 1);
        assert_eq!(
            of("Osvaldo Vaz")[0].1,
            None,
            "'d'État chargé' names no body"
        );
    }

    #[test]
    fn a_name_after_a_complement_is_the_head_nouns() {
        // The name after "du président" is the director's, the adviser's, the son's.
        let (c, _) = read(
            "La directrice de cabinet du président, Filomena Lopes, a parlé. Le conseiller \
             spécial du Premier ministre, Nuno Barros, a parlé. Le fils du président, Rui Lopes, \
             a parlé. La visite du président cap-verdien, José Maria Neves, a commencé.",
        );
        let holders: Vec<String> = c
            .offices
            .iter()
            .map(|o| c.persons[o.holder].text())
            .collect();
        assert_eq!(holders, ["José Maria Neves"]);
    }

    #[test]
    fn a_view_opened_by_pour_names_its_speaker() {
        let speaker = |text: &str| {
            let (c, _) = read(text);
            c.quotes
                .first()
                .and_then(|q| q.speaker)
                .map(|m| c.persons[m].text())
        };
        assert_eq!(
            speaker("Pour le Premier ministre, Choguel Maïga, « il n'y a pas d'alternative au dialogue ». ")
                .as_deref(),
            Some("Choguel Maïga")
        );
        // Two people, or words between the name and the quotation: no one in particular.
        assert_eq!(
            speaker(
                "Pour Choguel Maïga et Issa Koné, « il n'y a pas d'alternative au dialogue ». "
            ),
            None
        );
        assert_eq!(
            speaker(
                "Pour Choguel Maïga, le texte reste « une base de travail pour le dialogue ». "
            ),
            None
        );
    }

    #[test]
    fn people_counted_by_a_feminine_outcome() {
        let (c, _) = read("Au total, 1 200 personnes ont été déplacées. On compte 35 disparues.");
        let what: Vec<&str> = c.counts.iter().map(|x| x.what.as_str()).collect();
        assert_eq!(what, ["displaced", "missing"]);
    }

    #[test]
    fn participles_that_name_a_bodys_make_up_stay_in_its_name() {
        let (c, _) = read("Les soldats de la Force unifiée de la Confédération sont arrivés.");
        let keys: Vec<&str> = c.named.iter().map(|n| n.key.as_str()).collect();
        assert_eq!(keys, ["force unifiee confederation"]);
    }

    #[test]
    fn a_head_after_an_auxiliary_is_a_participle() {
        let heads = |text: &str| -> Vec<String> {
            read(text)
                .0
                .named
                .iter()
                .map(|n| n.key.to_string())
                .collect()
        };
        assert!(heads("Le terminal a traité 1 250 conteneurs en janvier.").is_empty());
        assert!(heads("Les services ont traité 450 demandes.").is_empty());
        assert_eq!(
            heads("Le traité de Niamey a été signé en juillet."),
            ["niamey"]
        );
    }

    #[test]
    fn decimal_counts_scale_words_and_percentages() {
        let counts = |text: &str| -> Vec<(String, u64)> {
            read(text)
                .0
                .counts
                .iter()
                .map(|x| (x.what.to_string(), x.low))
                .collect()
        };
        // A decimal without a scale word is no whole count (its last digits would read as 7).
        assert_eq!(counts("La mine a produit 12,7 tonnes d'or."), []);
        assert_eq!(
            counts("Le pays compte 3,7 millions d'habitants."),
            [("habitants".to_string(), 3_700_000)]
        );
        assert_eq!(
            counts("L'État détient 35 % du capital. Un prélèvement de 0,5 % est prévu."),
            [
                ("percent:capital".to_string(), 3_500),
                ("percent:prelevement".to_string(), 50)
            ]
        );
        // Votes are read with their candidate; "en 2024, 35 %" is no decimal.
        assert_eq!(counts("En 2024, 35 % des voix sont allées ailleurs."), []);
    }

    #[test]
    fn an_organisation_name_ends_before_its_verb_and_a_date() {
        let named = |text: &str| {
            let (c, text) = read(text);
            c.named
                .iter()
                .map(|n| text[n.start..n.end].to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            named("L'accord avec la Banque africaine de développement a été signé le 4 octobre."),
            ["Banque africaine de développement"]
        );
        assert_eq!(
            named("La Mission multinationale d'appui à la sécurité (MMAS) a été déployée."),
            ["Mission multinationale d'appui à la sécurité"]
        );
        // A number in a name stays ("Agenda 2063").
        assert_eq!(
            named("L'Agenda 2063 de l'Union africaine a été adopté."),
            ["Agenda 2063 de l'Union africaine"]
        );
    }

    #[test]
    fn names_keep_their_particles() {
        let (c, _) = read(
            "Le général Abdel Fattah al-Burhan a reçu Ahmed ould Daddah. Le président tunisien, \
             Zine el-Abidine Ben Ali, a parlé. Iyad Ag Ghaly a fui.",
        );
        let names: Vec<String> = c.persons.iter().map(PersonMention::text).collect();
        assert_eq!(
            names,
            [
                "Abdel Fattah al-Burhan",
                "Ahmed ould Daddah",
                "Zine el-Abidine Ben Ali",
                "Iyad Ag Ghaly"
            ]
        );
    }

    #[test]
    fn portfolios_after_charge_de_a_and_in_lists() {
        let (c, text) = read(
            "Le ministre chargé des Mines, Joseph Tembo, a signé. La ministre déléguée, chargée \
             du Budget, Awa Sarr, a parlé. Le secrétaire d'État à la Coopération, Marc Diallo, a \
             parlé. Le ministre de l'Économie, des Finances et du Plan, Ali Sow, a parlé. Sékou \
             Kourouma, ministre de la Justice, chargé du dossier des détenus, a parlé. Le ministre \
             délégué auprès du ministre de l'Intérieur, Paul Zulu, a parlé.",
        );
        let span = |name: &str| {
            let o = c
                .offices
                .iter()
                .find(|o| c.persons[o.holder].text() == name)
                .unwrap_or_else(|| panic!("no office for {name}"));
            (text[o.start..o.end].to_string(), o.portfolios.len())
        };
        for (name, office, portfolios) in [
            ("Joseph Tembo", "ministre chargé des Mines", 1),
            ("Awa Sarr", "ministre déléguée, chargée du Budget", 1),
            ("Marc Diallo", "secrétaire d'État à la Coopération", 1),
            (
                "Ali Sow",
                "ministre de l'Économie, des Finances et du Plan",
                2,
            ),
            // "chargé du dossier": what the minister does, not a ministry.
            ("Sékou Kourouma", "ministre de la Justice", 1),
        ] {
            assert_eq!(span(name), (office.to_string(), portfolios), "{name}");
        }
        // The office after "auprès de" is not the holder's.
        assert!(
            c.offices
                .iter()
                .all(|o| c.persons[o.holder].text() != "Paul Zulu" || o.portfolios.is_empty())
        );
    }

    #[test]
    fn ranks_relations_and_deposed_cues() {
        let (c, text) = read(
            "Le général Mamadi Kourouma, tombeur de Sékou Diabaté, a reçu le président déchu Sékou Diabaté.",
        );
        assert_eq!(c.ranks.len(), 1);
        let r = &c.relations[0];
        assert_eq!(r.kind, RelationType::Overthrew);
        assert_eq!(c.persons[r.object].text(), "Sékou Diabaté");
        assert_eq!(
            &text[c.deposed[0].start..c.deposed[0].end],
            "président déchu Sékou Diabaté"
        );
    }

    #[test]
    fn an_office_fronted_by_a_change_and_a_time_reaches_its_holder() {
        let (c, _) = read(
            "Nommée ministre de l'Éducation en mars, Claire Mboumba a rencontré les syndicats. \
             Le ministre de la Santé en mars, Paul Eya a parlé. La nouvelle ministre de la \
             Défense, Awino Otieno, nommée lors du remaniement du 2 juillet, a parlé.",
        );
        let held: Vec<(String, bool)> = c
            .offices
            .iter()
            .map(|o| (c.persons[o.holder].text(), o.change))
            .collect();
        assert_eq!(
            held,
            [
                ("Claire Mboumba".to_string(), true),
                ("Awino Otieno".to_string(), true)
            ]
        );
    }

    #[test]
    fn a_rank_in_apposition_may_take_an_article_and_its_corps() {
        let (c, _) = read(
            "Jules Mintsa, un colonel de l'armée de terre, a témoigné. Paul Eya, un ancien \
             colonel, a parlé. Marc Obiang, commandant de la zone 3, a démenti.",
        );
        let holders: Vec<String> = c.ranks.iter().map(|r| c.persons[r.holder].text()).collect();
        assert_eq!(holders, ["Jules Mintsa"]);
    }

    #[test]
    fn general_after_a_title_is_no_rank() {
        let (c, _) = read(
            "Le procureur général Kossi Adjévi a requis. Le secrétaire général Ama Dogbé a parlé. \
             Le général Yao Tchangaï a défilé.",
        );
        let holders: Vec<String> = c.ranks.iter().map(|r| c.persons[r.holder].text()).collect();
        assert_eq!(holders, ["Yao Tchangaï"]);
    }

    #[test]
    fn a_relation_after_an_apposed_office() {
        let (c, _) = read(
            "Le colonel Paul Essomba, président de la transition et tombeur de Jean Ondoa, a parlé.",
        );
        let r = &c.relations[0];
        assert_eq!(c.persons[r.subject].text(), "Paul Essomba");
        assert_eq!(r.kind, RelationType::Overthrew);
        assert_eq!(c.persons[r.object].text(), "Jean Ondoa");
    }

    #[test]
    fn named_texts_organisations_and_acronyms_with_languages() {
        let (c, _) = read(
            "Le Traité de Kribi lie la Communauté économique des États de l'Afrique centrale (CEEAC en français, ECCAS en anglais).",
        );
        assert_eq!(c.named[0].key, "kribi");
        assert_eq!(c.named[0].class, NamedClass::Document);
        assert_eq!(c.named[1].class, NamedClass::Organisation);
        let langs: Vec<_> = c
            .acronyms
            .iter()
            .map(|a| (a.acronym.as_str(), a.language.as_deref()))
            .collect();
        assert_eq!(langs, [("CEEAC", Some("fr")), ("ECCAS", Some("en"))]);
    }

    #[test]
    fn names_with_lower_case_nouns_misspelt_heads_and_topics() {
        let (c, _) = read(
            "Ils ont signé la Charte du bassin du Congo et du Protocol de Libreville sur la pêche.",
        );
        let keys: Vec<&str> = c.named.iter().map(|n| n.key.as_str()).collect();
        assert_eq!(keys, ["bassin congo", "libreville"]);
        assert_eq!(c.named[1].head, "Protocol");
        assert_eq!(c.named[1].topic.as_deref(), Some("peche"));
        let (c, _) = read("L'Union économique et monétaire ouest-africaine (UEMOA) se réunit.");
        assert_eq!(
            c.named[0].content,
            "union economique monetaire ouest-africaine"
        );
        // Only "et" joins adjectives inside a name: after "à l'" the next phrase starts.
        let (c, text) = read(
            "Le sommet a confié la Banque des États de l'Afrique centrale à l'ancien ministre des Finances.",
        );
        assert_eq!(
            &text[c.named[0].start..c.named[0].end],
            "Banque des États de l'Afrique centrale"
        );
    }

    #[test]
    fn a_lower_case_complement_that_ends_the_clause_is_part_of_the_name() {
        let (c, _) = read(
            "L'Office national des eaux souterraines, chargé du forage, a parlé. Le Bureau \
             national des examens a publié. L'Union des jeunes a voté.",
        );
        let keys: Vec<&str> = c.named.iter().map(|n| n.key.as_str()).collect();
        assert_eq!(keys[0], "office national eau souterraine");
        assert!(
            !keys.contains(&"bureau national examen a publie"),
            "a verb is no complement"
        );
    }

    #[test]
    fn a_capitalised_text_head_mid_sentence_names_a_lower_case_title() {
        let (c, _) = read(
            "Le Parlement a voté la Loi sur la protection des ressources halieutiques, qui \
             entre en vigueur. Il applique la loi sur la pêche artisanale, votée en 2019. Loi sur \
             la pêche : ce qui change. Il agit dans le cadre du G20 et du Cadre commun du G20.",
        );
        let keys: Vec<&str> = c.named.iter().map(|n| n.key.as_str()).collect();
        // A lower-case head, a headline and "dans le cadre du" name no text.
        assert_eq!(keys, ["protection ressource halieutique", "commun g20"]);
    }

    #[test]
    fn demonyms_and_articles_do_not_change_an_organisation_key() {
        let (a, _) = read("Elle rejoint l'Union des États sahéliens.");
        let (b, _) = read("Elle rejoint l'Union des Etats du Sahel.");
        assert_eq!(a.named[0].key, b.named[0].key);
        assert_ne!(a.named[0].content, b.named[0].content);
    }

    #[test]
    fn inverted_reporting_verbs_go_back_to_the_last_speaker() {
        let (c, _) = read(
            "« Le port rouvrira », a déclaré Kofi Mensah. « Les quais sont prêts », a-t-il ajouté.",
        );
        assert_eq!(c.quotes.len(), 2);
        assert_eq!(
            c.quotes[1].speaker.map(|s| c.persons[s].text()),
            Some("Kofi Mensah".into())
        );
    }

    #[test]
    fn an_opening_mark_misused_as_a_closing_one_still_closes() {
        let (c, _) = read("« Rien ne sera plus comme avant « , a lancé Issa Koné.");
        assert_eq!(c.quotes[0].n_words, 6);
    }

    #[test]
    fn words_keep_their_boundaries() {
        let w: Words = ["la", "paix", "est", "là"].into_iter().collect();
        assert_eq!(w.len(), 4);
        assert_eq!(w.iter().collect::<Vec<_>>(), ["la", "paix", "est", "là"]);
        // Same letters, other boundaries: another wording.
        let v: Words = ["lap", "aix", "est", "là"].into_iter().collect();
        assert_ne!(w, v);
        let run: Words = ["paix", "est"].into_iter().collect();
        assert!(w.contains_run(&run));
        assert!(!v.contains_run(&run));
        let gap: Words = ["la", "est"].into_iter().collect();
        assert!(!w.contains_run(&gap));
        assert!(w.contains_run(&Words::default()));
        let json = serde_json::to_string(&w).unwrap();
        assert_eq!(json, r#"["la","paix","est","là"]"#);
        assert_eq!(serde_json::from_str::<Words>(&json).unwrap(), w);
    }

    #[test]
    fn counts_are_intervals_with_their_group() {
        let (c, _) = read(
            "L'explosion a fait au moins 30 000 sinistrés, une quarantaine de morts et 11 autres blessés. Sept gendarmes ont été tués.",
        );
        let got: Vec<_> = c
            .counts
            .iter()
            .map(|n| (n.what.as_str(), n.low, n.high))
            .collect();
        assert_eq!(
            got,
            [
                ("displaced", 30_000, None),
                ("dead", 30, Some(50)),
                ("injured", 11, Some(11)),
                ("dead", 7, Some(7))
            ]
        );
    }

    #[test]
    fn a_counted_noun_may_drop_its_complement_from_a_hundred_up() {
        let (c, _) = read(
            "Le vote a eu lieu dans 16 842 bureaux. Les observateurs ont visité plus de 400 \
             bureaux. Le parti a ouvert 21 bureaux et 120 bureaux de campagne.",
        );
        let got: Vec<_> = c
            .counts
            .iter()
            .map(|n| (n.what.as_str(), n.low, n.high))
            .collect();
        assert_eq!(
            got,
            [
                ("bureaux de vote", 16_842, Some(16_842)),
                ("bureaux de vote", 400, None)
            ]
        );
    }

    #[test]
    fn tallies_and_signatories_are_their_own_counts() {
        let (c, _) = read(
            "Le texte a été adopté par 98 voix pour, 4 voix contre et 3 abstentions. Le code a \
             été voté par 112 voix contre 21. Le candidat a obtenu 1 200 voix pour sa part. Huit \
             groupes armés du Nord ont signé l'accord. Les sept pays signataires et les 14 groupes \
             armés actifs. Plus de 300 habitants ont signé la pétition.",
        );
        let got: Vec<_> = c.counts.iter().map(|n| (n.what.as_str(), n.low)).collect();
        assert_eq!(
            got,
            [
                ("votes-for", 98),
                ("votes-against", 4),
                ("abstentions", 3),
                ("voix", 112),
                ("voix", 1200),
                ("signatories:groupes armes", 8),
                ("signatories:pays", 7),
                ("groupes armes", 14),
                ("habitants", 300),
            ]
        );
        assert_eq!(c.counts[0].body, None);
        let (c, _) = read("Le Sénat a voté le texte par 81 voix pour et 4 abstentions.");
        let bodies: Vec<_> = c.counts.iter().map(|n| n.body.as_deref()).collect();
        assert_eq!(bodies, [Some("senat"), Some("senat")]);
    }

    #[test]
    fn vote_shares_belong_to_the_candidate_named_before() {
        let (c, _) = read("Le président sortant Paul Mbarga l'emporte avec 61,4 % des suffrages.");
        let v = &c.counts[0];
        assert_eq!((v.what.as_str(), v.low), ("vote-share", 6140));
        assert_eq!(
            v.holder.map(|h| c.persons[h].text()),
            Some("Paul Mbarga".into())
        );
    }

    #[test]
    fn dates_are_read_and_the_latest_full_one_is_inferred() {
        let (c, _) = read(
            "Signé le 3 mars 2024, l'accord est entré en vigueur vendredi 12 juillet 2024, pas en mai.",
        );
        assert_eq!(
            c.inferred_date.map(|d| d.to_string()),
            Some("2024-07-12".into())
        );
        assert_eq!(c.dateline, None, "an event's date is not a dateline");
    }

    #[test]
    fn a_rank_names_no_organisation() {
        let (c, _) = read(
            "Le général de brigade Abdelrahim Osman Babiker a conduit la délégation de l'armée.",
        );
        let heads: Vec<&str> = c.named.iter().map(|n| n.head.as_str()).collect();
        assert!(heads.is_empty(), "{heads:?}");
    }

    #[test]
    fn a_quotation_wrapped_over_two_lines_is_read_whole() {
        let (c, _) = read(
            "Le port sera agrandi. « Un archipel qui ne maîtrise pas\nses quais ne maîtrise pas son destin », a déclaré le ministre de la Mer, Adilson Fortes.\n\n« Rien\n\nEnsuite.",
        );
        assert_eq!(c.quotes[0].n_words, 13);
        let s = c.quotes[0].speaker.map(|m| c.persons[m].text());
        assert_eq!(s.as_deref(), Some("Adilson Fortes"));
        // Unclosed, it stops at the end of its paragraph, not across a blank line.
        assert_eq!(c.quotes[1].n_words, 1);
    }

    #[test]
    fn a_dateline_or_publication_line_dates_the_article() {
        let date = |text: &str| read(text).0.dateline.map(|d| d.to_string());
        for (text, want) in [
            (
                "Gaz : accord signé\n\nNIAMEY, 12 juin 2025 (Agence sahélienne) – Le ministre a signé le 2 mai 2025.",
                Some("2025-06-12"),
            ),
            (
                "Abuja (Nigeria), jeudi 3 avril 2025 – Les délégués se sont réunis.",
                Some("2025-04-03"),
            ),
            (
                "Titre\nPar Awa Traoré. Publié le 14/03/2025 à 10h32\nLe texte signé le 1er mars 2025.",
                Some("2025-03-14"),
            ),
            (
                "RADIO SAVANE\nTranscription du bulletin du lundi 12 octobre 2026\n",
                Some("2026-10-12"),
            ),
            // A date on a line of its own under the title, with a weekday or a time of day.
            (
                "Titre\n5 mai 2026\n\nLes travaux reprendront le 14 septembre 2026.",
                Some("2026-05-05"),
            ),
            (
                "Titre\nLundi 3 mars 2026\n\nLe vote aura lieu le 14 septembre 2026.",
                Some("2026-03-03"),
            ),
            (
                "Titre\nPar Awa Koné\n03/03/2026 à 10h12\n\nLe vote aura lieu le 14 septembre 2026.",
                Some("2026-03-03"),
            ),
            // An event in the lead, not a dateline.
            (
                "Le 12 juin 2025, le ministre a signé l'accord à Niamey.",
                None,
            ),
            (
                "Titre\nLe 12 juin 2025\nLe ministre a signé l'accord à Niamey.",
                None,
            ),
            // A dateline far down the text is not the article's.
            (
                "Un.\nDeux.\nTrois.\nQuatre.\nDAKAR, 12 juin 2025 (AFP) – Cinq.",
                None,
            ),
            // A dateline without a year, in the year its weekday gives after the latest year
            // the text mentions (14 October is a Wednesday in 2026); without a weekday or a
            // year, undated.
            (
                "ASUNCIÓN, 14 octobre (Agence) – Le ministre a parlé mercredi 14 octobre du plan lancé en juin 2025.",
                Some("2026-10-14"),
            ),
            (
                "ASUNCIÓN, 14 octobre (Agence) – Le ministre a parlé du plan lancé en juin 2025.",
                None,
            ),
            (
                "ASUNCIÓN, 14 octobre (Agence) – Le ministre a parlé mercredi 14 octobre.",
                None,
            ),
        ] {
            assert_eq!(date(text).as_deref(), want, "{text}");
        }
        // A day and month with their weekday date a text that gives no full date of its own.
        let (c, _) =
            read("Titre\n\nPhoto du 02/11/2026.\n\nCe mercredi 25 novembre, les cours ont repris.");
        assert_eq!(
            c.inferred_date.map(|d| d.to_string()).as_deref(),
            Some("2026-11-25")
        );
    }
}
