//! Language packs: the lexicons every extractor is built from (countries, offices, portfolios, ranks,
//! head nouns, relation cues, reporting verbs…), read from `rules/lexicon/*.toml` and compiled into a
//! phrase table looked up token by token.

use rustc_hash::FxHashMap as HashMap;

use serde::Deserialize;

use crate::text::{Token, fold, tokenize};

/// The French pack shipped with the binary.
pub const DEFAULT_FR: &str = include_str!("../rules/lexicon/fr.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Country {
    pub name: String,
    pub forms: Vec<String>,
    #[serde(default)]
    pub adjectives: Vec<String>,
    #[serde(default)]
    pub capital: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    pub name: String,
    #[serde(default)]
    pub adjectives: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Office {
    pub id: String,
    pub class: String,
    pub label: String,
    pub forms: Vec<String>,
    /// A periphrasis stands for another office with a portfolio ("chef de la diplomatie" is the
    /// minister of foreign affairs): the office id it reads as…
    #[serde(default)]
    pub means: Option<String>,
    /// … and the portfolio id it implies.
    #[serde(default)]
    pub portfolio: Option<String>,
    /// The class of the office this one is the deputy of ("vice-président" of "head-of-state"):
    /// one person is not both at once.
    #[serde(default)]
    pub deputy_of: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Portfolio {
    pub id: String,
    pub label: String,
    pub forms: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rank {
    pub step: u32,
    pub forms: Vec<String>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Names {
    #[serde(default)]
    pub document_heads: Vec<String>,
    #[serde(default)]
    pub organisation_heads: Vec<String>,
    /// Acronyms international bodies go by in English, which French copy often writes untagged
    /// after the French name ("Société financière internationale (IFC)"): not a second acronym.
    #[serde(default)]
    pub english_acronyms: Vec<String>,
    /// Institutions one person can head only one of at a time (courts, constitutional councils,
    /// electoral commissions): the president of one is not the president of another.
    #[serde(default)]
    pub single_seat: Vec<String>,
}

#[derive(
    Debug, Deserialize, serde::Serialize, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash,
)]
#[serde(rename_all = "kebab-case")]
pub enum RelationType {
    Ally,
    Overthrew,
    OverthrownBy,
    Adversary,
}

impl RelationType {
    pub fn describe(self) -> &'static str {
        match self {
            RelationType::Ally => "close to",
            RelationType::Overthrew => "overthrew",
            RelationType::OverthrownBy => "was overthrown by",
            RelationType::Adversary => "an opponent of",
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    #[serde(rename = "type")]
    pub kind: RelationType,
    pub cues: Vec<String>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Reporting {
    #[serde(default)]
    pub verbs: Vec<String>,
    #[serde(default)]
    pub inverted: Vec<String>,
    #[serde(default)]
    pub prepositions: Vec<String>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Words {
    #[serde(default)]
    pub words: Vec<String>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct GivenNames {
    #[serde(default)]
    pub names: Vec<String>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Calendar {
    #[serde(default)]
    pub months: Vec<String>,
    #[serde(default)]
    pub weekdays: Vec<String>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Time {
    #[serde(default)]
    pub past_markers: Vec<String>,
    #[serde(default)]
    pub present_markers: Vec<String>,
    /// Words right before an office that make it a new one ("devenu", "nommé", "nouveau").
    #[serde(default)]
    pub change_markers: Vec<String>,
    /// Phrases that make every office of their sentence a new one ("depuis le remaniement").
    #[serde(default)]
    pub change_since: Vec<String>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Numbers {
    #[serde(default)]
    pub words: std::collections::BTreeMap<String, u64>,
    #[serde(default)]
    pub approximate: std::collections::BTreeMap<String, u64>,
    #[serde(default)]
    pub lower_bound: Vec<String>,
    #[serde(default)]
    pub upper_bound: Vec<String>,
    #[serde(default)]
    pub about: Vec<String>,
    #[serde(default)]
    pub counted_nouns: Vec<String>,
    /// Counted nouns that belong to the organisation named before them ("l'ARI obtient 167
    /// sièges"): seats and votes of a party.
    #[serde(default)]
    pub by_organisation: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: String,
    pub cues: Vec<String>,
    /// Happens once per story (a coup, a signing): two dates for it are a conflict.
    #[serde(default)]
    pub once: bool,
    /// Words that, in the same sentence, keep a cue from dating this event: another round of a
    /// vote ("second tour"), a postponement, a date still to come.
    #[serde(default)]
    pub not_with: Vec<String>,
    /// Words one of which must stand near a cue, in its sentence, for the cue to date this event:
    /// "déclarée le 16 août" dates an epidemic's declaration only beside "épidémie".
    #[serde(default)]
    pub with: Vec<String>,
    /// Only a date after the cue dates it ("le scrutin du 14 décembre"): one before it dates the
    /// sentence's verb ("a proclamé mardi les résultats du scrutin").
    #[serde(default)]
    pub date_after: bool,
}

/// A counted thing named by several words ("morts", "tués", "victimes").
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Counted {
    pub id: String,
    /// The count grows over time (a toll): a later, higher figure is an update.
    #[serde(default)]
    pub accumulates: bool,
    /// The count moves both ways over time (missing people found, hostages freed): figures of
    /// different dates are not compared.
    #[serde(default)]
    pub changes: bool,
    pub forms: Vec<String>,
}

/// A currency: the unit an amount of money is counted in ("millions de dollars", "milliards de
/// FCFA", "1 200 millions de nairas"). Amounts in different currencies are never compared.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Currency {
    /// The name findings show ("francs CFA").
    pub id: String,
    pub forms: Vec<String>,
}

/// Text the extractors skip: regular expressions (Rust `regex` syntax, multi-line mode, so `^` and
/// `$` match at line ends) for boilerplate such as "Lire aussi" links, photo credits or
/// advertisements. Matched text is blanked before extraction; offsets are unchanged.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Ignore {
    #[serde(default)]
    pub patterns: Vec<toml::Spanned<String>>,
}

/// A language pack as written in TOML. A user lexicon has the same shape; its lists are added to
/// the built-in pack's.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    #[serde(default)]
    pub language: String,
    #[serde(default)]
    pub country: Vec<Country>,
    #[serde(default)]
    pub region: Vec<Region>,
    #[serde(default)]
    pub office: Vec<Office>,
    #[serde(default)]
    pub portfolio: Vec<Portfolio>,
    #[serde(default)]
    pub rank: Vec<Rank>,
    #[serde(default)]
    pub names: Names,
    #[serde(default)]
    pub relation: Vec<Relation>,
    #[serde(default)]
    pub reporting: Reporting,
    #[serde(default)]
    pub stopwords: Words,
    #[serde(default)]
    pub given_names: GivenNames,
    #[serde(default)]
    pub calendar: Calendar,
    #[serde(default)]
    pub time: Time,
    #[serde(default)]
    pub numbers: Numbers,
    #[serde(default)]
    pub event: Vec<Event>,
    #[serde(default)]
    pub counted: Vec<Counted>,
    #[serde(default)]
    pub currency: Vec<Currency>,
    #[serde(default)]
    pub ignore: Ignore,
}

impl Pack {
    /// Adds another pack's entries (a user lexicon) to this one.
    pub fn extend(&mut self, other: Pack) {
        self.country.extend(other.country);
        self.region.extend(other.region);
        self.office.extend(other.office);
        self.portfolio.extend(other.portfolio);
        self.rank.extend(other.rank);
        self.names.document_heads.extend(other.names.document_heads);
        self.names
            .organisation_heads
            .extend(other.names.organisation_heads);
        self.names
            .english_acronyms
            .extend(other.names.english_acronyms);
        self.names.single_seat.extend(other.names.single_seat);
        self.relation.extend(other.relation);
        self.reporting.verbs.extend(other.reporting.verbs);
        self.reporting.inverted.extend(other.reporting.inverted);
        self.reporting
            .prepositions
            .extend(other.reporting.prepositions);
        self.stopwords.words.extend(other.stopwords.words);
        self.given_names.names.extend(other.given_names.names);
        // Months and weekdays are positional (1 = January…): a user pack may add forms only by
        // giving the whole list again, which then replaces the built-in one.
        if !other.calendar.months.is_empty() {
            self.calendar.months = other.calendar.months;
        }
        if !other.calendar.weekdays.is_empty() {
            self.calendar.weekdays = other.calendar.weekdays;
        }
        self.time.past_markers.extend(other.time.past_markers);
        self.time.present_markers.extend(other.time.present_markers);
        self.time.change_markers.extend(other.time.change_markers);
        self.time.change_since.extend(other.time.change_since);
        self.numbers.words.extend(other.numbers.words);
        self.numbers.approximate.extend(other.numbers.approximate);
        self.numbers.lower_bound.extend(other.numbers.lower_bound);
        self.numbers.upper_bound.extend(other.numbers.upper_bound);
        self.numbers.about.extend(other.numbers.about);
        self.numbers
            .counted_nouns
            .extend(other.numbers.counted_nouns);
        self.numbers
            .by_organisation
            .extend(other.numbers.by_organisation);
        self.event.extend(other.event);
        self.counted.extend(other.counted);
        self.currency.extend(other.currency);
        self.ignore.patterns.extend(other.ignore.patterns);
    }
}

/// A user lexicon that could not be used, with its place in the file when there is one.
#[derive(Debug, Clone)]
pub struct LexiconError {
    pub path: String,
    pub text: String,
    pub message: String,
    pub span: Option<(usize, usize)>,
}

/// An organisation's name as an office's organisation key: folded content words, without
/// articles and prepositions ("Conseil d'État" → "conseil etat").
pub fn org_key(name: &str) -> String {
    fold(name)
        .split(|c: char| c.is_whitespace() || c == '\'' || c == '-')
        .filter(|w| !w.is_empty() && !["de", "du", "des", "d", "la", "l", "le", "les"].contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// What a phrase of the lexicon means. Indices point into the pack's lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lex {
    Country(u16),
    CountryAdj(u16),
    Capital(u16),
    Region(u16),
    RegionAdj(u16),
    Office(u16),
    Portfolio(u16),
    Rank(u16),
    DocHead,
    OrgHead,
    Relation(RelationType),
    ReportVerb,
    ReportInverted,
    ReportPrep,
    Stopword,
    GivenName,
    Month(u8),
    Weekday(u8),
    Past,
    Present,
    Change,
    ChangeSince,
    NumberWord(u64),
    Approx(u64),
    LowerBound,
    UpperBound,
    About,
    CountedNoun,
    Counted(u16),
    Event(u16),
    /// A word that keeps event `u16` from being dated in its sentence.
    NotWith(u16),
    /// A word that lets a cue of event `u16` date it (the event's `with` list).
    With(u16),
    Currency(u16),
}

impl Lex {
    /// One bit per kind of meaning, whatever its payload: a token's hits OR'ed together tell at
    /// once whether a phrase of some kind starts there.
    pub fn bit(self) -> u64 {
        let k = match self {
            Lex::Country(_) => 0,
            Lex::CountryAdj(_) => 1,
            Lex::Capital(_) => 2,
            Lex::Region(_) => 3,
            Lex::RegionAdj(_) => 4,
            Lex::Office(_) => 5,
            Lex::Portfolio(_) => 6,
            Lex::Rank(_) => 7,
            Lex::DocHead => 8,
            Lex::OrgHead => 9,
            Lex::Relation(_) => 10,
            Lex::ReportVerb => 11,
            Lex::ReportInverted => 12,
            Lex::ReportPrep => 13,
            Lex::Stopword => 14,
            Lex::GivenName => 15,
            Lex::Month(_) => 16,
            Lex::Weekday(_) => 17,
            Lex::Past => 18,
            Lex::Present => 19,
            Lex::Change => 20,
            Lex::ChangeSince => 21,
            Lex::NumberWord(_) => 22,
            Lex::Approx(_) => 23,
            Lex::LowerBound => 24,
            Lex::UpperBound => 25,
            Lex::About => 26,
            Lex::CountedNoun => 27,
            Lex::Counted(_) => 28,
            Lex::Event(_) => 29,
            Lex::NotWith(_) => 30,
            Lex::Currency(_) => 31,
            Lex::With(_) => 32,
        };
        1 << k
    }
}

/// Kind masks for [`Lex::bit`] (any payload).
pub mod kind {
    pub const COUNTRY: u64 = 1 << 0;
    pub const COUNTRY_ADJ: u64 = 1 << 1;
    pub const CAPITAL: u64 = 1 << 2;
    pub const OFFICE: u64 = 1 << 5;
    pub const DOC_HEAD: u64 = 1 << 8;
    pub const ORG_HEAD: u64 = 1 << 9;
    pub const MONTH: u64 = 1 << 16;
    pub const WEEKDAY: u64 = 1 << 17;
    pub const COUNTED_NOUN: u64 = 1 << 27;
    pub const COUNTED: u64 = 1 << 28;
    pub const EVENT: u64 = 1 << 29;
    pub const CURRENCY: u64 = 1 << 31;

    /// Checks the constants against [`Lex::bit`].
    #[cfg(test)]
    pub(crate) fn checked() -> bool {
        use super::Lex;
        COUNTRY == Lex::Country(0).bit()
            && COUNTRY_ADJ == Lex::CountryAdj(0).bit()
            && CAPITAL == Lex::Capital(0).bit()
            && OFFICE == Lex::Office(0).bit()
            && DOC_HEAD == Lex::DocHead.bit()
            && ORG_HEAD == Lex::OrgHead.bit()
            && MONTH == Lex::Month(0).bit()
            && WEEKDAY == Lex::Weekday(0).bit()
            && COUNTED_NOUN == Lex::CountedNoun.bit()
            && COUNTED == Lex::Counted(0).bit()
            && EVENT == Lex::Event(0).bit()
            && CURRENCY == Lex::Currency(0).bit()
    }
}

/// A compiled language pack.
#[derive(Debug)]
pub struct Lexicon {
    pub pack: Pack,
    /// Every folded word of every phrase → its id.
    vocab: HashMap<String, u32>,
    /// Word id → the word.
    words: Vec<String>,
    /// Word id of a phrase's first word → (phrase word ids, meaning), longest phrases first.
    phrases: Vec<Vec<Phrase>>,
    /// The same phrases split for lookups by id. Word id → meanings of the one-word phrases.
    singles: Vec<Vec<Lex>>,
    /// (first, second word id) → the longer phrases starting so, longest first. A list like
    /// "a …" (a déclaré, a affirmé…) holds a hundred phrases; this finds the few to compare.
    multi: HashMap<(u32, u32), Vec<Phrase>>,
    /// Word id → whether some phrase of two words or more starts with it: most words start none,
    /// and need no lookup in `multi`.
    starts_multi: Vec<bool>,
    /// Relation cues as folded tokens, for the relation extractor's flexible matching.
    pub relation_cues: Vec<(RelationType, Vec<String>)>,
    /// The indices of `relation_cues` by their first word (ascending), and of those that start
    /// with a preposition, which also matches its contractions ("de" → "du"): the cues that can
    /// match at a token, without comparing its word with every cue.
    pub relation_cues_by_first: HashMap<String, Vec<u32>>,
    pub relation_cues_any_start: Vec<u32>,
    /// `[numbers] by_organisation`, folded: the counted nouns a party owns.
    pub by_organisation: Vec<String>,
    /// Counted nouns of the form "X de Y" ("bureaux de vote"), folded, by their head ("bureaux"):
    /// a count may drop the complement.
    pub elliptic_heads: Vec<(String, String)>,
    /// `[names] single_seat` as organisation keys ("cour supreme", "conseil etat").
    pub single_seats: Vec<String>,
    /// Folded number words → value ("onze" → 11).
    number_words: HashMap<String, u64>,
    /// Every `[ignore]` pattern as one alternation, if there are any.
    ignore: Option<regex::Regex>,
    /// A hash of the sources the pack was built from: claims read with another pack (a stored
    /// index) cannot be mixed with this one's.
    pub fingerprint: u64,
    /// The document head nouns folded, with their length in chars (for misspelling tests).
    document_heads: Vec<(String, usize)>,
    /// One-word stopwords written with diacritics, by their folded form ("grace" → "grâce"): a
    /// capitalised token that folds the same but is written without them ("Grace") is a name.
    stopword_accents: HashMap<String, String>,
}

/// A phrase as the word ids of its folded tokens, with its meaning.
type Phrase = (Box<[u32]>, Lex);

/// The word id of a token that no phrase contains.
pub const NO_WORD: u32 = u32::MAX;

/// A lexicon phrase found at a token position.
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    /// Index of the token after the phrase.
    pub end: usize,
    pub lex: Lex,
}

impl Lexicon {
    /// Parses and compiles a pack; the error is the TOML parser's, with its span.
    pub fn from_toml(src: &str) -> Result<Self, toml::de::Error> {
        let pack: Pack = toml::from_str(src)?;
        let mut lex = Self::compile(pack);
        lex.fingerprint = xxhash_rust::xxh3::xxh3_64(src.as_bytes());
        Ok(lex)
    }

    /// The built-in pack extended with user lexicons (`(shown path, text)`), each checked: TOML
    /// errors, unknown keys and regular expressions that do not compile point into their file.
    pub fn with_user_packs(files: &[(String, String)]) -> Result<Self, LexiconError> {
        let mut pack: Pack = match toml::from_str(DEFAULT_FR) {
            Ok(p) => p,
            Err(_) => return Ok(Self::default_fr()),
        };
        for (path, text) in files {
            let err = |message: String, span: Option<std::ops::Range<usize>>| LexiconError {
                path: path.clone(),
                text: text.clone(),
                message,
                span: span.map(|r| crate::text::char_span(text, r.start, r.end)),
            };
            let user: Pack =
                toml::from_str(text).map_err(|e| err(e.message().trim().to_string(), e.span()))?;
            if !user.language.is_empty() && user.language != pack.language {
                return Err(err(
                    format!(
                        "this lexicon is for language `{}`, but the built-in pack is `{}`",
                        user.language, pack.language
                    ),
                    None,
                ));
            }
            for p in &user.ignore.patterns {
                if let Err(e) = regex::Regex::new(p.get_ref()) {
                    let detail = e.to_string();
                    let last = detail.lines().last().unwrap_or("invalid").trim();
                    return Err(err(
                        format!(
                            "this pattern does not compile: {}",
                            last.trim_start_matches("error: ")
                        ),
                        Some(p.span()),
                    ));
                }
            }
            pack.extend(user);
        }
        let mut lex = Self::compile(pack);
        // Each pattern compiled alone above; only their alternation can still fail (its size).
        if lex.ignore.is_none()
            && let Some(Err(e)) = lex.ignore_source().map(|s| regex::Regex::new(&s))
        {
            return Err(LexiconError {
                path: files.last().map(|f| f.0.clone()).unwrap_or_default(),
                text: String::new(),
                message: format!("the ignore patterns together do not compile: {e}"),
                span: None,
            });
        }
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        h.update(DEFAULT_FR.as_bytes());
        for (_, text) in files {
            h.update(&(text.len() as u64).to_le_bytes());
            h.update(text.as_bytes());
        }
        lex.fingerprint = h.digest();
        Ok(lex)
    }

    /// Whether a token that folds to a one-word stopword is written differently from it ("Grace"
    /// for "grâce"): then it is not that word.
    pub fn unlike_stopword(&self, fold: &str, raw: &str) -> bool {
        self.stopword_accents
            .get(fold)
            .is_some_and(|accented| raw.to_lowercase() != *accented)
    }

    /// The combined `[ignore]` regular expression, multi-line.
    fn ignore_source(&self) -> Option<String> {
        if self.pack.ignore.patterns.is_empty() {
            return None;
        }
        let alts: Vec<String> = self
            .pack
            .ignore
            .patterns
            .iter()
            .map(|p| format!("(?:{})", p.get_ref()))
            .collect();
        Some(format!("(?m){}", alts.join("|")))
    }

    /// `text` with what the `[ignore]` patterns match blanked (every byte but line breaks made a
    /// space, so offsets and lines stay put); borrowed unchanged when nothing matches.
    pub fn blank_ignored<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, str> {
        let Some(re) = &self.ignore else {
            return std::borrow::Cow::Borrowed(text);
        };
        let mut out: Option<Vec<u8>> = None;
        for m in re.find_iter(text) {
            let bytes = out.get_or_insert_with(|| text.as_bytes().to_vec());
            for b in &mut bytes[m.start()..m.end()] {
                if *b != b'\n' {
                    *b = b' ';
                }
            }
        }
        match out {
            // Whole chars were replaced by ASCII spaces, so the bytes are still UTF-8.
            Some(bytes) => std::borrow::Cow::Owned(
                String::from_utf8(bytes)
                    .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
            ),
            None => std::borrow::Cow::Borrowed(text),
        }
    }

    /// The pack compiled into the binary.
    pub fn default_fr() -> Self {
        match Self::from_toml(DEFAULT_FR) {
            Ok(l) => l,
            // The shipped pack is checked by a unit test; an empty pack keeps library code panic-free.
            Err(_) => Self::compile(Pack {
                language: "fr".into(),
                country: vec![],
                region: vec![],
                office: vec![],
                portfolio: vec![],
                rank: vec![],
                names: Names::default(),
                relation: vec![],
                reporting: Reporting::default(),
                stopwords: Words::default(),
                given_names: GivenNames::default(),
                calendar: Calendar::default(),
                time: Time::default(),
                numbers: Numbers::default(),
                event: vec![],
                counted: vec![],
                currency: vec![],
                ignore: Ignore::default(),
            }),
        }
    }

    fn compile(pack: Pack) -> Self {
        let mut vocab: HashMap<String, u32> = HashMap::default();
        let mut words: Vec<String> = Vec::new();
        let mut phrases: Vec<Vec<Phrase>> = Vec::new();
        let mut add = |form: &str, lex: Lex| {
            let toks: Box<[u32]> = tokenize(form)
                .into_iter()
                .map(|t| {
                    *vocab.entry(t.fold.to_string()).or_insert_with(|| {
                        words.push(t.fold.to_string());
                        phrases.push(Vec::new());
                        (words.len() - 1) as u32
                    })
                })
                .collect();
            if let Some(&first) = toks.first()
                && let Some(list) = phrases.get_mut(first as usize)
                && !list.iter().any(|(t, l)| *t == toks && *l == lex)
            {
                list.push((toks, lex));
            }
        };
        for (i, c) in pack.country.iter().enumerate() {
            let i = i as u16;
            add(&c.name, Lex::Country(i));
            for f in &c.forms {
                add(f, Lex::Country(i));
            }
            for f in &c.adjectives {
                add(f, Lex::CountryAdj(i));
            }
            if let Some(cap) = &c.capital {
                add(cap, Lex::Capital(i));
            }
        }
        for (i, r) in pack.region.iter().enumerate() {
            add(&r.name, Lex::Region(i as u16));
            for f in &r.adjectives {
                add(f, Lex::RegionAdj(i as u16));
            }
        }
        for (i, o) in pack.office.iter().enumerate() {
            for f in &o.forms {
                add(f, Lex::Office(i as u16));
            }
        }
        for (i, p) in pack.portfolio.iter().enumerate() {
            for f in &p.forms {
                add(f, Lex::Portfolio(i as u16));
            }
        }
        for (i, r) in pack.rank.iter().enumerate() {
            for f in &r.forms {
                add(f, Lex::Rank(i as u16));
            }
        }
        for f in &pack.names.document_heads {
            add(f, Lex::DocHead);
        }
        for f in &pack.names.organisation_heads {
            add(f, Lex::OrgHead);
        }
        for r in &pack.relation {
            for f in &r.cues {
                add(f, Lex::Relation(r.kind));
            }
        }
        for f in &pack.reporting.verbs {
            add(f, Lex::ReportVerb);
        }
        for f in &pack.reporting.inverted {
            add(f, Lex::ReportInverted);
        }
        for f in &pack.reporting.prepositions {
            add(f, Lex::ReportPrep);
        }
        for f in &pack.stopwords.words {
            add(f, Lex::Stopword);
        }
        for f in &pack.given_names.names {
            add(f, Lex::GivenName);
        }
        for (i, f) in pack.calendar.months.iter().enumerate() {
            add(f, Lex::Month(i as u8 + 1));
        }
        for (i, f) in pack.calendar.weekdays.iter().enumerate() {
            add(f, Lex::Weekday(i as u8));
        }
        for f in &pack.time.past_markers {
            add(f, Lex::Past);
        }
        for f in &pack.time.present_markers {
            add(f, Lex::Present);
        }
        for f in &pack.time.change_markers {
            add(f, Lex::Change);
        }
        for f in &pack.time.change_since {
            add(f, Lex::ChangeSince);
        }
        for (f, v) in &pack.numbers.words {
            add(f, Lex::NumberWord(*v));
        }
        for (f, v) in &pack.numbers.approximate {
            add(f, Lex::Approx(*v));
        }
        for f in &pack.numbers.lower_bound {
            add(f, Lex::LowerBound);
        }
        for f in &pack.numbers.upper_bound {
            add(f, Lex::UpperBound);
        }
        for f in &pack.numbers.about {
            add(f, Lex::About);
        }
        for f in &pack.numbers.counted_nouns {
            add(f, Lex::CountedNoun);
        }
        for (i, c) in pack.counted.iter().enumerate() {
            for f in &c.forms {
                add(f, Lex::Counted(i as u16));
            }
        }
        for (i, c) in pack.currency.iter().enumerate() {
            for f in &c.forms {
                add(f, Lex::Currency(i as u16));
            }
        }
        for (i, e) in pack.event.iter().enumerate() {
            for f in &e.not_with {
                add(f, Lex::NotWith(i as u16));
            }
            for f in &e.with {
                add(f, Lex::With(i as u16));
            }
            for f in &e.cues {
                add(f, Lex::Event(i as u16));
            }
        }
        let relation_cues: Vec<(RelationType, Vec<String>)> = pack
            .relation
            .iter()
            .flat_map(|r| {
                r.cues.iter().map(move |c| {
                    (
                        r.kind,
                        tokenize(c)
                            .into_iter()
                            .map(|t| t.fold.into_string())
                            .collect(),
                    )
                })
            })
            .collect();
        let mut relation_cues_by_first: HashMap<String, Vec<u32>> = HashMap::default();
        let mut relation_cues_any_start = Vec::new();
        for (i, (_, cue)) in relation_cues.iter().enumerate() {
            match cue.first().map(String::as_str) {
                Some("de" | "a") => relation_cues_any_start.push(i as u32),
                Some(w) => relation_cues_by_first
                    .entry(w.to_string())
                    .or_default()
                    .push(i as u32),
                None => relation_cues_any_start.push(i as u32),
            }
        }
        let by_organisation = pack
            .numbers
            .by_organisation
            .iter()
            .map(|f| fold(f))
            .collect();
        let elliptic_heads = pack
            .numbers
            .counted_nouns
            .iter()
            .filter_map(|n| {
                let f = fold(n);
                let (head, rest) = f.split_once(' ')?;
                (rest.starts_with("de ") || rest.starts_with("d'"))
                    .then(|| (head.to_string(), f.clone()))
            })
            .collect();
        let single_seats = pack.names.single_seat.iter().map(|n| org_key(n)).collect();
        let number_words = pack
            .numbers
            .words
            .iter()
            .map(|(w, v)| (fold(w), *v))
            .collect();
        for list in phrases.iter_mut() {
            // Longest first, so the first hit of a kind is the most specific.
            list.sort_by_key(|(t, _)| std::cmp::Reverse(t.len()));
        }
        // All longer phrases precede the one-word ones in each sorted list, so a bucket of longer
        // phrases followed by the one-word ones is the list's order.
        let mut singles: Vec<Vec<Lex>> = vec![Vec::new(); phrases.len()];
        let mut multi: HashMap<(u32, u32), Vec<Phrase>> = HashMap::default();
        for list in &phrases {
            for (ids, lex) in list {
                match **ids {
                    [first] => {
                        if let Some(l) = singles.get_mut(first as usize) {
                            l.push(*lex);
                        }
                    }
                    [first, second, ..] => {
                        multi
                            .entry((first, second))
                            .or_default()
                            .push((ids.clone(), *lex));
                    }
                    [] => {}
                }
            }
        }
        let mut starts_multi = vec![false; phrases.len()];
        for &(first, _) in multi.keys() {
            if let Some(s) = starts_multi.get_mut(first as usize) {
                *s = true;
            }
        }
        let stopword_accents = pack
            .stopwords
            .words
            .iter()
            .filter(|w| !w.contains(' '))
            .filter_map(|w| {
                let lower = w.to_lowercase();
                let f = fold(w);
                (f != lower).then_some((f, lower))
            })
            .collect();
        let document_heads = pack
            .names
            .document_heads
            .iter()
            .map(|h| {
                let f = fold(h);
                let n = f.chars().count();
                (f, n)
            })
            .collect();
        let mut lex = Lexicon {
            pack,
            vocab,
            words,
            phrases,
            singles,
            multi,
            starts_multi,
            relation_cues,
            relation_cues_by_first,
            relation_cues_any_start,
            by_organisation,
            elliptic_heads,
            single_seats,
            number_words,
            ignore: None,
            fingerprint: 0,
            document_heads,
            stopword_accents,
        };
        lex.ignore = lex.ignore_source().and_then(|s| regex::Regex::new(&s).ok());
        lex
    }

    /// The id of a folded word that some phrase contains, or [`NO_WORD`].
    pub fn word_id(&self, fold: &str) -> u32 {
        self.vocab.get(fold).copied().unwrap_or(NO_WORD)
    }

    /// Every lexicon phrase that starts at token `i`, longest first.
    pub fn hits_at<'a>(&'a self, toks: &'a [Token], i: usize) -> impl Iterator<Item = Hit> + 'a {
        let list = toks
            .get(i)
            .and_then(|t| self.phrases.get(self.word_id(&t.fold) as usize));
        list.into_iter().flatten().filter_map(move |(ids, lex)| {
            let end = i + ids.len();
            if end > toks.len() {
                return None;
            }
            // The first word is the one the list was found under: compare the others.
            let ok = ids.iter().zip(&toks[i..end]).skip(1).all(|(&w, t)| {
                self.words.get(w as usize).map(String::as_str) == Some(t.fold.as_str())
            });
            ok.then_some(Hit { end, lex: *lex })
        })
    }

    /// Appends to `out` the phrases that start at token `i`, longest first, as [`Lexicon::hits_at`]
    /// finds them, on tokens already turned into word ids ([`Lexicon::word_id`]): compared as
    /// integers, with plain loops (this runs at every token of every document). Returns their
    /// kinds ([`Lex::bit`]) OR'ed.
    pub fn push_hits_at_ids(&self, ids: &[u32], i: usize, out: &mut Vec<Hit>) -> u64 {
        let mut kinds = 0;
        let Some(&first) = ids.get(i) else {
            return 0;
        };
        if first == NO_WORD {
            return 0;
        }
        if self
            .starts_multi
            .get(first as usize)
            .copied()
            .unwrap_or(false)
            && let Some(&second) = ids.get(i + 1)
            && second != NO_WORD
            && let Some(list) = self.multi.get(&(first, second))
        {
            for (words, lex) in list {
                let end = i + words.len();
                let ok = ids
                    .get(i + 2..end)
                    .is_some_and(|t| t.iter().zip(&words[2..]).all(|(a, b)| a == b));
                if ok {
                    kinds |= lex.bit();
                    out.push(Hit { end, lex: *lex });
                }
            }
        }
        for &lex in self.singles.get(first as usize).into_iter().flatten() {
            kinds |= lex.bit();
            out.push(Hit { end: i + 1, lex });
        }
        kinds
    }

    /// The longest phrase at `i` whose meaning `pick` accepts.
    pub fn find_at<T>(
        &self,
        toks: &[Token],
        i: usize,
        mut pick: impl FnMut(Lex) -> Option<T>,
    ) -> Option<(usize, T)> {
        self.hits_at(toks, i)
            .find_map(|h| pick(h.lex).map(|v| (h.end, v)))
    }

    /// Whether some phrase of the kind `pick` accepts starts at `i`.
    pub fn is_at(&self, toks: &[Token], i: usize, pick: impl Fn(Lex) -> bool) -> bool {
        self.hits_at(toks, i).any(|h| pick(h.lex))
    }

    /// The value of a folded number word, hyphenated compounds included: "vingt-sept" → 27,
    /// "quatre-vingt-dix" → 90.
    pub fn number_word(&self, w: &str) -> Option<u64> {
        if let Some(v) = self.number_words.get(w) {
            return Some(*v);
        }
        let mut total = 0u64;
        let mut current = 0u64;
        for part in w.split('-').filter(|p| *p != "et") {
            let v = *self.number_words.get(part)?;
            match v {
                1000.. => {
                    total += current.max(1) * v;
                    current = 0;
                }
                100 => current = current.max(1) * 100,
                20 if current > 0 && current < 10 => current *= 20,
                _ => current += v,
            }
        }
        Some(total + current)
    }

    /// The document head nouns, folded, each with its length in chars.
    pub fn document_heads_folded(&self) -> &[(String, usize)] {
        &self.document_heads
    }

    pub fn country_name(&self, i: u16) -> &str {
        &self.pack.country[i as usize].name
    }

    /// The place a demonym adjective or a place name stands for, folded ("sahéliens" → "sahel").
    pub fn place_key(&self, toks: &[Token], i: usize) -> Option<(usize, String)> {
        self.find_at(toks, i, |l| match l {
            Lex::Country(c) | Lex::CountryAdj(c) => Some(fold(&self.pack.country[c as usize].name)),
            Lex::Region(r) | Lex::RegionAdj(r) => Some(fold(&self.pack.region[r as usize].name)),
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_masks_match_the_bits() {
        assert!(kind::checked());
    }

    #[test]
    fn shipped_pack_parses() {
        let lex = Lexicon::from_toml(DEFAULT_FR).expect("rules/lexicon/fr.toml parses");
        assert_eq!(lex.pack.language, "fr");
        assert!(!lex.pack.country.is_empty());
    }

    #[test]
    fn a_user_pack_adds_phrases_and_blanks_ignored_text() {
        let user = "[[office]]\nid = \"prefect\"\nclass = \"prefect\"\nlabel = \"préfet\"\nforms = [\"préfet\", \"préfète\"]\n\n[given_names]\nnames = [\"Zaïnab\"]\n\n[ignore]\npatterns = [\"(?i)^crédit photo.*$\"]\n";
        let lex = Lexicon::with_user_packs(&[("house.toml".into(), user.into())])
            .expect("a valid user pack");
        let toks = tokenize("La préfète Zaïnab Sow");
        assert!(lex.is_at(&toks, 1, |l| matches!(l, Lex::Office(_))));
        assert!(lex.is_at(&toks, 2, |l| l == Lex::GivenName));
        let text = "Un fait.\nCrédit photo : Agence Été\nFin.";
        let blanked = lex.blank_ignored(text);
        assert_eq!(blanked.len(), text.len(), "offsets are kept");
        assert_eq!(blanked.lines().nth(1).map(str::trim), Some(""));
        assert_eq!(blanked.lines().nth(2), Some("Fin."));
        // Nothing matched: the text is borrowed, not copied.
        assert!(matches!(
            lex.blank_ignored("Rien."),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn number_words_compose() {
        let lex = Lexicon::default_fr();
        assert_eq!(lex.number_word("onze"), Some(11));
        assert_eq!(lex.number_word("vingt-sept"), Some(27));
        assert_eq!(lex.number_word("quatre-vingt-dix"), Some(90));
        assert_eq!(lex.number_word("soixante-et-onze"), Some(71));
        assert_eq!(lex.number_word("pomme"), None);
    }

    #[test]
    fn longest_phrase_wins() {
        let lex = Lexicon::default_fr();
        let toks = tokenize("le président de la Transition malienne");
        let hit = lex.find_at(&toks, 1, |l| matches!(l, Lex::Office(_)).then_some(()));
        assert_eq!(hit.map(|h| h.0), Some(5));
    }

    #[test]
    fn no_form_is_listed_twice_in_one_list() {
        let lex = Lexicon::default_fr();
        let p = &lex.pack;
        let mut lists: Vec<(&str, Vec<&String>)> = vec![
            (
                "country",
                p.country.iter().flat_map(|c| c.forms.iter()).collect(),
            ),
            (
                "adjective",
                p.country.iter().flat_map(|c| c.adjectives.iter()).collect(),
            ),
            (
                "office",
                p.office.iter().flat_map(|o| o.forms.iter()).collect(),
            ),
            (
                "portfolio",
                p.portfolio.iter().flat_map(|o| o.forms.iter()).collect(),
            ),
            ("rank", p.rank.iter().flat_map(|o| o.forms.iter()).collect()),
            (
                "relation",
                p.relation.iter().flat_map(|o| o.cues.iter()).collect(),
            ),
        ];
        for (name, list) in lists.iter_mut() {
            let mut seen = std::collections::BTreeSet::new();
            for f in list.iter() {
                assert!(seen.insert(fold(f)), "{name} form listed twice: {f}");
            }
        }
        let heads: std::collections::BTreeSet<String> =
            p.names.document_heads.iter().map(|s| fold(s)).collect();
        for h in &p.names.organisation_heads {
            assert!(
                !heads.contains(&fold(h)),
                "{h} is both a document and an organisation head"
            );
        }
        let steps: Vec<u32> = p.rank.iter().map(|r| r.step).collect();
        assert!(
            steps.windows(2).all(|w| w[0] < w[1]),
            "ranks are listed lowest first"
        );
    }
}
