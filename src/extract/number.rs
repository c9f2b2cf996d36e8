//! Counts: "54 morts", "au moins 30 000 sinistrés", "une cinquantaine de morts", "onze États
//! membres", "des dizaines de déplacés" — each read as the interval of values it allows.

use compact_str::CompactString;
use serde::{Deserialize, Serialize};

use super::Ctx;
use crate::lexicon::{Lex, kind};
use crate::text::{TokKind, fold};

/// A count of something, as the interval of values the wording allows.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CountClaim {
    pub start: usize,
    pub end: usize,
    /// What is counted: a counted group's id ("dead") or the folded noun (inline: a corpus holds
    /// millions of counts, and these words are short).
    pub what: CompactString,
    /// The count grows over time (a toll).
    pub accumulates: bool,
    pub low: u64,
    /// `None`: no upper bound ("au moins 30").
    pub high: Option<u64>,
    /// The event type named in the same sentence, if any.
    pub event: Option<u16>,
    /// Said to be final ("le bilan définitif"): no later figure may exceed it.
    pub final_figure: bool,
    /// The person the count belongs to (a candidate's vote share), as a person mention index.
    pub holder: Option<usize>,
    /// The organisation it belongs to (a party's seats), as its folded acronym.
    #[serde(default)]
    pub org: Option<CompactString>,
    /// For a vote's tally, the assembly that voted, when its sentence names one before the count
    /// ("le Sénat a adopté le texte par 80 voix pour"): its head noun, folded.
    #[serde(default)]
    pub body: Option<CompactString>,
    /// For a money amount, the content words of its sentence nearest to it, hashed and sorted:
    /// two amounts one digit apart are one sum miscopied only when their words agree
    /// ("consortium de banques commerciales et d'agences de crédit").
    #[serde(default, skip_serializing_if = "crate::extract::internal")]
    pub context: Option<Box<[u16]>>,
}

impl CountClaim {
    pub fn overlaps(&self, other: &CountClaim) -> bool {
        self.high.is_none_or(|h| other.low <= h) && other.high.is_none_or(|h| self.low <= h)
    }
}

/// The value of the number ending just before token `end`: digits (with spaced thousands,
/// "35 000") or number words. Returns (first token, value).
fn number_before(ctx: &Ctx, end: usize) -> Option<(usize, u64)> {
    let i = end.checked_sub(1)?;
    let w = ctx.word(i)?;
    if w.chars().all(|c| c.is_ascii_digit()) {
        let mut start = i;
        let mut digits = w.to_string();
        // "35 000", "1 200 000": groups of three after a short group.
        while digits.len() >= 3
            && start > 0
            && ctx
                .word(start - 1)
                .is_some_and(|p| p.len() <= 3 && p.chars().all(|c| c.is_ascii_digit()))
            && ctx.toks[start].start - ctx.toks[start - 1].end <= 3
            && ctx.word(start).is_some_and(|g| g.len() == 3)
        {
            start -= 1;
            digits = format!("{}{digits}", ctx.word(start)?);
        }
        let v: u64 = digits.parse().ok()?;
        // A bare year is not a count.
        if start == i && w.len() == 4 && (1900..=2100).contains(&v) {
            return None;
        }
        return Some((start, v));
    }
    ctx.lex.number_word(w)?;
    // "mille cinq cents", "six mille", "deux cent cinquante": number words written apart are one
    // number, read as their hyphenated compound.
    let mut first = i;
    while first > 0 && i - first < 6 {
        let prev = first - 1;
        let joined_by_et = ctx.is(prev, "et") && prev > 0 && ctx.word(prev - 1).is_some();
        let p = if joined_by_et { prev - 1 } else { prev };
        if ctx
            .word(p)
            .is_some_and(|w| ctx.lex.number_word(w).is_some())
        {
            first = p;
        } else {
            break;
        }
    }
    let words: Vec<&str> = (first..=i).filter_map(|k| ctx.word(k)).collect();
    ctx.lex.number_word(&words.join("-")).map(|v| (first, v))
}

/// The number that ends before `end`, in units, with its first token: "54", "35 000", "vingt-sept",
/// a scale word and "de" ("420 millions de", "1,2 milliard d'", "3,7 millions d'"). A decimal
/// without a scale word ("12,7 tonnes") is no whole count: none (its last digits alone would read
/// as 7).
fn scaled_number_before(ctx: &Ctx, end: usize) -> Option<(usize, u64)> {
    let toks = ctx.toks;
    let (num_end, scale) = if ctx.is_any(end.wrapping_sub(1), &["de", "d'"]) {
        let s = end.checked_sub(2)?;
        match ctx.word(s) {
            Some("million" | "millions") => (s, 1_000_000u64),
            Some("milliard" | "milliards") => (s, 1_000_000_000),
            _ => return None,
        }
    } else {
        (end, 1)
    };
    let (mut first, whole) = number_before(ctx, num_end)?;
    let mut value = whole.saturating_mul(scale);
    // "1,2 milliard": a decimal comma, written without spaces.
    if first >= 2
        && ctx.is(first - 1, ",")
        && toks[first - 2].end == toks[first - 1].start
        && toks[first - 1].end == toks[first].start
        && let Some(int) = ctx
            .word(first - 2)
            .filter(|w| w.chars().all(|ch| ch.is_ascii_digit()))
            .and_then(|w| w.parse::<u64>().ok())
    {
        if scale == 1 {
            return None;
        }
        let frac_digits = ctx.word(first).map_or(0, str::len) as u32;
        let unit = 10u64.saturating_pow(frac_digits);
        value = (int.saturating_mul(unit).saturating_add(whole)).saturating_mul(scale) / unit;
        first -= 2;
    }
    Some((first, value))
}

/// Money amounts: "420 millions de dollars", "1,2 milliard de dollars", "35 000 euros", "15
/// milliards de francs CFA", in currency units; `what` is `amount:` and the currency.
fn amounts(ctx: &Ctx) -> Vec<CountClaim> {
    let toks = ctx.toks;
    let mut out = Vec::new();
    for c in 0..toks.len() {
        // The language pack's currencies, longest form first ("francs CFA" before "francs").
        let Some((end, currency)) = ctx.find_kind(c, kind::CURRENCY, |l| match l {
            Lex::Currency(k) => ctx.lex.pack.currency.get(k as usize).map(|x| x.id.as_str()),
            _ => None,
        }) else {
            continue;
        };
        let Some((first, value)) = scaled_number_before(ctx, c) else {
            continue;
        };
        if value == 0 || recalls_earlier_event(ctx, first) {
            continue;
        }
        out.push(CountClaim {
            start: toks[first].start,
            end: toks[end - 1].end,
            what: compact_str::format_compact!("amount:{currency}"),
            accumulates: false,
            low: value,
            high: Some(value),
            event: sentence_event(ctx, first),
            final_figure: false,
            holder: None,
            org: None,
            body: None,
            // An approximate sum ("autour de 32 000 francs CFA") is compared with no other.
            context: qualifier_before(ctx, first)
                .is_none()
                .then(|| amount_context(ctx, first, end)),
        });
    }
    out
}

/// Words too common around a sum to tell two sums apart (folded, five letters or more).
const COMMON_AROUND_SUMS: &[&str] = &[
    "selon",
    "depuis",
    "entre",
    "apres",
    "avant",
    "contre",
    "chaque",
    "toutes",
    "toute",
    "leurs",
    "cette",
    "alors",
    "ainsi",
    "aussi",
    "encore",
    "moins",
    "million",
    "millions",
    "milliard",
    "milliards",
    "environ",
    "montant",
    "somme",
    "etait",
    "seront",
    "serait",
    "avoir",
    "avait",
    "quelque",
];

/// How many content words an amount keeps from its sentence, nearest first.
const CONTEXT_WORDS: usize = 12;

/// The content words of the sentence around the amount at `first..end` (five letters or more,
/// not a figure, a currency or a word common around any sum), the nearest `CONTEXT_WORDS`,
/// hashed and sorted.
fn amount_context(ctx: &Ctx, first: usize, end: usize) -> Box<[u16]> {
    let s = ctx.sentence_around(first);
    let mut near: Vec<(usize, u16)> = s
        .filter(|&k| k < first || k >= end)
        .filter_map(|k| {
            let t = ctx.toks.get(k)?;
            let w = t.fold.as_str();
            let content = t.kind == TokKind::Word
                && w.chars().count() >= 5
                && w.chars().all(char::is_alphabetic)
                && !COMMON_AROUND_SUMS.contains(&w)
                && !ctx.is_lex(k, |l| matches!(l, Lex::Currency(_)));
            content.then(|| (k.abs_diff(first).min(k.abs_diff(end)), word_hash(w)))
        })
        .collect();
    near.sort_unstable();
    let mut words: Vec<u16> = near
        .into_iter()
        .take(CONTEXT_WORDS)
        .map(|(_, h)| h)
        .collect();
    // The years the sentence names, marked apart from the words: "le budget 2025" and "le budget
    // 2026" are two sums whatever else their sentences share.
    words.extend(ctx.sentence_around(first).filter_map(|k| {
        let w = ctx.word(k)?;
        let y: u16 = w.parse().ok().filter(|_| w.len() == 4)?;
        (1900..2100).contains(&y).then(|| YEAR_MARK | (y - 1900))
    }));
    words.sort_unstable();
    words.dedup();
    words.into_boxed_slice()
}

/// The bit that marks a year in an amount's context (a word's hash never has it).
pub const YEAR_MARK: u16 = 0x8000;

/// A folded word's 15-bit FNV-1a hash: enough to compare a dozen words of two sentences.
fn word_hash(w: &str) -> u16 {
    let mut h: u32 = 0x811c_9dc5;
    for b in w.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    ((h ^ (h >> 16)) as u16) & !YEAR_MARK
}

/// Counts of a counted noun written without its complement: "le vote s'est tenu dans 16 842
/// bureaux" for "bureaux de vote", "1 240 centres" for "centres de santé". Only the nouns the
/// language pack lists as "X de Y" are read so, and only from a hundred up: a small count of bare
/// "bureaux" or "centres" is as often something else (a firm's offices). `what` is the whole noun,
/// so that the count is compared with those written in full.
fn elliptic_counts(ctx: &Ctx, after_digits: &[usize]) -> Vec<CountClaim> {
    let toks = ctx.toks;
    let mut out = Vec::new();
    for &k in after_digits {
        if !ctx
            .word(k - 1)
            .is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()))
        {
            continue;
        }
        let Some((_, full)) = ctx.lex.elliptic_heads.iter().find(|(h, _)| ctx.is(k, h)) else {
            continue;
        };
        // Written in full ("bureaux de vote") or with another complement ("bureaux de poste"),
        // it is not this count.
        if ctx.is_any(k + 1, &["de", "d'", "du", "des"]) {
            continue;
        }
        let Some((first, v)) = number_before(ctx, k) else {
            continue;
        };
        // Qualifiers before the number, as for any count: "plus de 400 bureaux".
        let (start, low, high) = match qualifier_before(ctx, first) {
            Some((s, Lex::LowerBound)) => (s, v, None),
            Some((s, Lex::UpperBound)) => (s, 0, Some(v)),
            Some((s, _)) => (s, v * 17 / 20, Some(v * 23 / 20)),
            None => (first, v, Some(v)),
        };
        if v < 100 || recalls_earlier_event(ctx, start) {
            continue;
        }
        out.push(CountClaim {
            start: toks[start].start,
            end: toks[k].end,
            what: full.as_str().into(),
            accumulates: false,
            low,
            high,
            event: sentence_event(ctx, first),
            final_figure: said_final(ctx, first, k + 1),
            holder: None,
            org: None,
            body: None,
            context: None,
        });
    }
    out
}

pub(super) fn extract(ctx: &Ctx) -> Vec<CountClaim> {
    let toks = ctx.toks;
    // The tokens right after one that starts with a digit: where a percentage's sign or a
    // counted noun may stand (looked for there only, not at every token).
    let after_digits: Vec<usize> = (0..toks.len())
        .filter(|&i| {
            ctx.raw
                .as_bytes()
                .get(toks[i].start)
                .is_some_and(u8::is_ascii_digit)
        })
        .map(|i| i + 1)
        .collect();
    let mut out = vote_shares(ctx, &after_digits);
    out.extend(amounts(ctx));
    out.extend(percents(ctx, &after_digits));
    out.extend(elliptic_counts(ctx, &after_digits));
    for noun in 0..toks.len() {
        // A counted group (`Some`), or a noun counted by what happened to it (`None`).
        let Some((noun_end, counted)) =
            ctx.find_kind(noun, kind::COUNTED | kind::COUNTED_NOUN, |l| match l {
                Lex::Counted(c) => Some(Some(c)),
                Lex::CountedNoun => Some(None),
                _ => None,
            })
        else {
            continue;
        };
        // "11 autres blessés": the number stands before "autres".
        let n = if ctx.is(noun.wrapping_sub(1), "autres") {
            noun - 1
        } else {
            noun
        };
        // The number: "54 morts", or an approximate noun: "une cinquantaine de morts".
        let (first, low, high) = if ctx.is_any(n.wrapping_sub(1), &["de", "d'"])
            && let Some((_, (v, plural))) = n.checked_sub(2).and_then(|a| {
                ctx.find_at(a, |l| match l {
                    Lex::Approx(v) => Some((v, toks[a].fold.ends_with('s'))),
                    _ => None,
                })
            }) {
            let a = n - 2;
            let first = if ctx.is_any(
                a.wrapping_sub(1),
                &["une", "un", "des", "plusieurs", "quelques"],
            ) {
                a - 1
            } else {
                a
            };
            if plural {
                (first, 2 * v, Some(10 * v - 1))
            } else {
                (first, v * 3 / 4, Some(v * 5 / 4))
            }
        } else if let Some((first, v)) = scaled_number_before(ctx, n) {
            (first, v, Some(v))
        } else {
            continue;
        };
        // "sept soldats tchadiens ont été tués", "a coûté la vie à sept militaires": people counted
        // by what happened to them belong to that group (dead, injured).
        let (what, accumulates) = match counted {
            Some(c) => {
                let c = &ctx.lex.pack.counted[c as usize];
                (c.id.clone(), c.accumulates)
            }
            None => {
                let noun_text = fold(&ctx.raw[toks[noun].start..toks[noun_end - 1].end]);
                // "421 cas suspects et une trentaine de décès": the cases are not the dead.
                if DATED_TOLLS.contains(&noun_text.as_str()) {
                    (noun_text, false)
                } else {
                    outcome_after(ctx, noun_end)
                        .or_else(|| lost_lives_before(ctx, noun))
                        .unwrap_or((noun_text, false))
                }
            }
        };
        // "12 voix pour, 3 contre": a tally; "1 200 voix pour le candidat": a candidate's votes;
        // "112 voix contre 21": 112 for.
        let what = if (what == "votes-for" || what == "votes-against")
            && !ends_tally_item(ctx, noun_end)
        {
            fold(&ctx.raw[toks[noun].start..toks[noun].end])
        } else {
            what
        };
        // A party's seats or votes: "167 des 255 sièges" counts the 167.
        let by_org = ctx.lex.by_organisation.contains(&what);
        let (first, low, high) = match by_org
            .then(|| first.checked_sub(1))
            .flatten()
            .filter(|&d| ctx.is(d, "des"))
            .and_then(|d| number_before(ctx, d))
        {
            Some((part, v)) => (part, v, Some(v)),
            None => (first, low, high),
        };
        // The party the seats go to ("la CEI attribue 167 sièges à l'ARI"), else the one that
        // wins them ("l'ARI obtient 167 sièges").
        let org = if by_org {
            organisation_after(ctx, noun_end).or_else(|| organisation_before(ctx, first))
        } else {
            None
        };
        if low == 0 && high == Some(0) {
            continue;
        }
        // Qualifiers before the number.
        let mut start = first;
        let mut range = (low, high);
        if let Some((s, kind)) = qualifier_before(ctx, first) {
            range = match kind {
                Lex::LowerBound => (low, None),
                Lex::UpperBound => (0, high),
                _ => (low * 17 / 20, high.map(|h| h * 23 / 20)),
            };
            start = s;
        }
        // "en 2021, une attaque avait fait 25 morts": a count of an earlier event, which the
        // article recalls, is not the story's count.
        if recalls_earlier_event(ctx, start) {
            continue;
        }
        // Epidemic cases rise from day to day: a count of them is read only with the day its
        // toll was drawn up, and is a count of that day's cases ("cas suspects au 09-09").
        let what = if DATED_TOLLS.contains(&what.as_str()) {
            match toll_day(ctx, start) {
                Some((day, month)) => format!("{what} au {month:02}-{day:02}"),
                None => continue,
            }
        } else {
            what
        };
        // "gouvernement de 32 membres": the members of a government are its ministers.
        let what = if what == "members"
            && (start.saturating_sub(3)..start).any(|k| ctx.is(k, "gouvernement"))
        {
            "ministers".to_string()
        } else {
            what
        };
        // "Neuf ministres font leur entrée", "cinq ministres quittent le gouvernement": the
        // ministers a reshuffle brings in or lets go, not the government's size.
        let what = if what == "ministers" {
            match entering_or_leaving(ctx, noun_end) {
                Some(way) => format!("ministers-{way}"),
                None => what,
            }
        } else {
            what
        };
        // "neuf groupes armés ont signé", "les onze pays signataires": the signatories of a text,
        // one count whatever else the story counts of those things (a group such as member states
        // stays itself).
        let grouped = ctx.lex.pack.counted.iter().any(|c| c.id == what);
        let what = if !by_org
            && !grouped
            && SIGNING_PARTIES.contains(&what.as_str())
            && signatories(ctx, start, noun_end)
        {
            format!("{SIGNATORIES}{what}")
        } else {
            what
        };
        let body = TALLY
            .contains(&what.as_str())
            .then(|| voting_body(ctx, start))
            .flatten();
        out.push(CountClaim {
            start: toks[start].start,
            end: toks[noun_end - 1].end,
            what: what.into(),
            accumulates,
            low: range.0,
            high: range.1,
            event: sentence_event(ctx, start),
            final_figure: said_final(ctx, start, noun_end),
            holder: None,
            org: org.map(Into::into),
            body: body.map(Into::into),
            context: None,
        });
    }
    out
}

/// Counted nouns of a toll that rises from day to day, read only with the day it was drawn up
/// (folded).
const DATED_TOLLS: &[&str] = &["cas", "cas confirmes", "cas suspects"];

/// The day and month a toll was drawn up, in the sentence of token `start`: "Au 9 septembre,
/// l'agence recensait …", "le bilan arrêté au 9 septembre", "à la date du 9 septembre".
fn toll_day(ctx: &Ctx, start: usize) -> Option<(u8, u8)> {
    ctx.sentence_around(start).find_map(|k| {
        let cue = ctx.is(k, "au") || (ctx.is(k, "du") && ctx.is(k.wrapping_sub(1), "date"));
        if !cue {
            return None;
        }
        let day = ctx
            .word(k + 1)
            .map(|w| w.strip_suffix("er").unwrap_or(w))
            .filter(|w| w.len() <= 2 && w.chars().all(|c| c.is_ascii_digit()))
            .and_then(|w| w.parse::<u8>().ok())
            .filter(|d| (1..=31).contains(d))?;
        let month = ctx.hits_at(k + 2).find_map(|h| match h.lex {
            Lex::Month(m) => Some(m),
            _ => None,
        })?;
        Some((day, month))
    })
}

/// Whether the words after a count of ministers say they enter or leave the government: "font
/// leur entrée", "entrent", "ont quitté", "sortent".
fn entering_or_leaving(ctx: &Ctx, noun_end: usize) -> Option<&'static str> {
    let mut k = noun_end;
    // "ont fait leur entrée", "sont entrés".
    if ctx.is_any(k, &["ont", "sont"]) {
        k += 1;
    }
    if ctx.is_any(k, &["font", "fait", "feront"])
        && ctx.is(k + 1, "leur")
        && ctx.is_any(k + 2, &["entree", "sortie", "retour"])
    {
        return Some(if ctx.is(k + 2, "sortie") {
            "leaving"
        } else {
            "entering"
        });
    }
    if ctx.is_any(
        k,
        &[
            "entrent",
            "entres",
            "rejoignent",
            "rejoint",
            "arrivent",
            "arrives",
        ],
    ) {
        return Some("entering");
    }
    ctx.is_any(
        k,
        &[
            "quittent", "quitte", "sortent", "sortis", "partent", "partis",
        ],
    )
    .then_some("leaving")
}

/// The counted groups of a vote's tally.
pub const TALLY: &[&str] = &["votes-for", "votes-against", "abstentions"];

/// Assemblies that vote, by their head noun.
const VOTING_BODIES: &[&str] = &[
    "assemblee",
    "senat",
    "conseil",
    "parlement",
    "chambre",
    "congres",
    "commission",
    "comite",
    "deputes",
    "senateurs",
];

/// The assembly named before token `start` in its sentence ("le Sénat l'a voté par …").
pub(super) fn voting_body(ctx: &Ctx, start: usize) -> Option<String> {
    let s = ctx.sentence_around(start);
    (s.start..start)
        .rev()
        .find(|&k| ctx.is_any(k, VOTING_BODIES))
        .and_then(|k| ctx.word(k))
        .map(|w| match w {
            "deputes" => "assemblee".to_string(),
            "senateurs" => "senat".to_string(),
            w => w.to_string(),
        })
}

/// Who signs texts: states, parties and armed groups. People who sign (a petition, an open letter)
/// are counts that grow and are left alone.
const SIGNING_PARTIES: &[&str] = &[
    "pays",
    "groupes armes",
    "mouvements armes",
    "groupes rebelles",
    "mouvements rebelles",
    "factions armees",
    "partis",
];

/// The prefix of `CountClaim::what` for the signatories of a text ("signatories:groupes armes").
pub const SIGNATORIES: &str = "signatories:";

/// Whether the token after "voix pour" ends an item of a tally ("12 voix pour, aucune contre et 3
/// abstentions"), rather than naming whom the votes went to ("voix pour le candidat").
fn ends_tally_item(ctx: &Ctx, k: usize) -> bool {
    ctx.sentence_end(k)
        || ctx.is_any(
            k,
            &[",", "et", "contre", ")", "(", ":", "-", "aucune", "aucun"],
        )
}

/// Whether the things counted at `start..noun_end` signed something: "signataires" right after
/// them ("onze groupes armés signataires"), "signé par" right before, or a plural signing verb
/// whose subject they are, later in the clause ("neuf groupes armés actifs dans le nord ont
/// signé", with no other count or subject between).
fn signatories(ctx: &Ctx, start: usize, noun_end: usize) -> bool {
    const PLURAL_VERBS: &[&str] = &["signent", "signeront", "paraphent", "ratifient"];
    if ctx.is_any(noun_end, &["signataires"]) {
        return true;
    }
    if start >= 2
        && ctx.is(start - 1, "par")
        && ctx.is_any(
            start - 2,
            &[
                "signe", "signee", "signes", "signees", "paraphe", "paraphee",
            ],
        )
    {
        return true;
    }
    let mut k = noun_end;
    while k < noun_end + 12 && !ctx.sentence_end(k) {
        if ctx.is_any(k, &["qui", "que", "dont", "lesquels", "lesquelles"])
            || ctx
                .word(k)
                .is_some_and(|w| w.chars().any(|c| c.is_ascii_digit()))
        {
            return false;
        }
        if ctx.is(k, "ont") && ctx.is_any(k + 1, &["signe", "paraphe", "ratifie"]) {
            return true;
        }
        if ctx.is_any(k, PLURAL_VERBS) {
            return true;
        }
        k += 1;
    }
    false
}

/// The acronym after "à", "au", "aux" right after the counted noun: who the count goes to.
fn organisation_after(ctx: &Ctx, noun_end: usize) -> Option<String> {
    let mut k = noun_end;
    // "167 sièges sur 255 à l'ARI".
    if ctx.is(k, "sur")
        && ctx
            .word(k + 1)
            .is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()))
    {
        k += 2;
    }
    if !ctx.is_any(k, &["a", "au", "aux"]) {
        return None;
    }
    k += 1;
    while ctx.is_any(k, &["l'", "la", "le", "les"]) {
        k += 1;
    }
    acronym_at(ctx, k)
}

/// The folded acronym at token `k`: a word of two or more capitals.
fn acronym_at(ctx: &Ctx, k: usize) -> Option<String> {
    let t = ctx.toks.get(k)?;
    (t.all_caps && t.fold.chars().count() >= 2).then(|| t.fold.to_string())
}

/// The acronym of the organisation a count belongs to: the nearest all-capital word a few words
/// before it in its sentence, with no other number between ("l'ARI obtient 167 sièges", "Le Front
/// démocratique (FDCI) décroche 61 sièges").
fn organisation_before(ctx: &Ctx, start: usize) -> Option<String> {
    let mut k = start;
    while k > 0 && start - k < 10 && !ctx.sentence_end(k - 1) {
        k -= 1;
        let t = &ctx.toks[k];
        if t.kind == TokKind::Word && t.fold.bytes().any(|b| b.is_ascii_digit()) {
            return None;
        }
        // "Selon la CENA, Joseph Amoussou a obtenu 1 254 300 voix": a person nearer than the
        // acronym owns the count.
        if ctx.person_at(k).is_some() {
            return None;
        }
        if let Some(acronym) = acronym_at(ctx, k) {
            // "selon la CENA", "d'après la CEI": the source of the figure, not its owner.
            let mut a = k;
            while a > 0 && ctx.is_any(a - 1, &["la", "le", "l'", "les"]) {
                a -= 1;
            }
            if a > 0 && ctx.is_any(a - 1, &["selon", "apres", "par"]) {
                return None;
            }
            return Some(acronym);
        }
    }
    None
}

/// Vote shares: "crédité de 53,66 % des suffrages", "élu avec 53,66 % des voix", kept in hundredths
/// of a percent and tied to the candidate named before them in the sentence.
fn vote_shares(ctx: &Ctx, after_digits: &[usize]) -> Vec<CountClaim> {
    let toks = ctx.toks;
    let mut out = Vec::new();
    for &pct in after_digits {
        let Some(percent_end) = percent_sign_end(ctx, pct) else {
            continue;
        };
        let votes = (percent_end..percent_end + 4)
            .take_while(|&k| !ctx.sentence_end(k))
            .any(|k| ctx.is_any(k, &["suffrages", "voix", "votes"]));
        if !votes {
            continue;
        }
        let Some((first, hundredths)) = percent_before(ctx, pct) else {
            continue;
        };
        // The candidate: the last person named before, in the same sentence.
        let mut k = first;
        let mut holder = None;
        while k > 0 && !ctx.sentence_end(k - 1) && holder.is_none() {
            k -= 1;
            holder = ctx.person_at(k);
        }
        if holder.is_none() {
            continue;
        }
        // "un peu plus de 54 %", "près de 54 %": the share the wording allows.
        let (start, low, high) = match qualifier_before(ctx, first) {
            Some((s, Lex::LowerBound)) => (s, hundredths, None),
            Some((s, Lex::UpperBound)) => (s, 0, Some(hundredths)),
            // Half a point either way: "environ 54 %" covers 53,5 to 54,5.
            Some((s, _)) => (s, hundredths.saturating_sub(50), Some(hundredths + 50)),
            None => (first, hundredths, Some(hundredths)),
        };
        out.push(CountClaim {
            start: toks[start].start,
            end: toks[percent_end - 1].end,
            what: "vote-share".into(),
            accumulates: false,
            low,
            high,
            event: None,
            // A final result (the court's, "résultats définitifs") may differ from the provisional
            // one: the whole sentence says which it is.
            final_figure: ctx
                .sentence_around(first)
                .any(|k| ctx.is_any(k, FINAL_WORDS)),
            holder,
            org: None,
            body: None,
            context: None,
        });
    }
    out
}

/// Where a percentage's sign that starts at `pct` ends: "%" or "pour cent".
fn percent_sign_end(ctx: &Ctx, pct: usize) -> Option<usize> {
    if ctx.is(pct, "%") {
        Some(pct + 1)
    } else if ctx.is(pct, "pour") && ctx.is(pct + 1, "cent") {
        Some(pct + 2)
    } else {
        None
    }
}

/// The percentage that ends before the '%' (or "pour cent") at `pct`, in hundredths of a point,
/// with its first token: "54" → 5 400, "53,66" (three tokens: digits, a comma, digits) → 5 366,
/// "0,5" → 50.
fn percent_before(ctx: &Ctx, pct: usize) -> Option<(usize, u64)> {
    let i = pct.checked_sub(1)?;
    let w = ctx
        .word(i)
        .filter(|w| w.chars().all(|c| c.is_ascii_digit()))?;
    let toks = ctx.toks;
    // A decimal comma is written without spaces ("en 2024, 35 %" is 35).
    if w.len() <= 2
        && i >= 2
        && ctx.is(i - 1, ",")
        && toks[i - 2].end == toks[i - 1].start
        && toks[i - 1].end == toks[i].start
    {
        let units = ctx
            .word(i - 2)
            .filter(|u| u.chars().all(|c| c.is_ascii_digit()))?;
        let frac: u64 = if w.len() == 1 {
            w.parse::<u64>().unwrap_or(0) * 10
        } else {
            w.parse().unwrap_or(0)
        };
        return Some((i - 2, units.parse::<u64>().unwrap_or(0) * 100 + frac));
    }
    Some((i, w.parse::<u64>().ok()? * 100))
}

/// Percentages of a named thing other than a vote: a stake ("détient 35 % du capital"), a rate ("un
/// prélèvement de 0,5 %", "une taxe de 1 %"). `what` is `percent:` and the thing's noun, the one
/// after the figure ("du capital") or else the one before it ("prélèvement de"). A story gives many
/// shares and rates: like counts of things no group lists, two are compared only when written with
/// the same digits in another order.
fn percents(ctx: &Ctx, after_digits: &[usize]) -> Vec<CountClaim> {
    let toks = ctx.toks;
    let noun_at = |k: usize| {
        ctx.word(k)
            .filter(|w| {
                w.chars().count() >= 4 && !toks[k].cap && w.chars().all(char::is_alphabetic)
            })
            .map(|_| k)
    };
    let mut out = Vec::new();
    for &pct in after_digits {
        let Some(percent_end) = percent_sign_end(ctx, pct) else {
            continue;
        };
        let Some((first, hundredths)) = percent_before(ctx, pct) else {
            continue;
        };
        let after = if ctx.is_any(percent_end, &["du", "des"]) {
            noun_at(percent_end + 1)
        } else if ctx.is(percent_end, "de") && ctx.is_any(percent_end + 1, &["la", "l'"]) {
            noun_at(percent_end + 2)
        } else {
            None
        };
        let noun = after.or_else(|| {
            (first >= 2 && ctx.is(first - 1, "de"))
                .then(|| noun_at(first - 2))
                .flatten()
        });
        // Votes are read with their candidate (`vote_shares`).
        let Some(noun) = noun
            .filter(|&k| !ctx.is_any(k, &["suffrages", "voix", "votes", "votants", "inscrits"]))
        else {
            continue;
        };
        out.push(CountClaim {
            start: toks[first.min(noun)].start,
            end: toks[(percent_end - 1).max(noun)].end,
            what: compact_str::format_compact!("percent:{}", toks[noun].fold),
            accumulates: false,
            low: hundredths,
            high: Some(hundredths),
            event: sentence_event(ctx, first),
            final_figure: false,
            holder: None,
            org: None,
            body: None,
            context: None,
        });
    }
    out
}

/// A counted group's form within a few words after a noun, in the same sentence ("soldats
/// tchadiens ont été tués").
fn outcome_after(ctx: &Ctx, from: usize) -> Option<(String, bool)> {
    let mut k = from;
    while k < from + 5 && !ctx.sentence_end(k) {
        if let Some((_, group)) = ctx.find_at(k, |l| match l {
            Lex::Counted(c) if ctx.lex.pack.counted[c as usize].accumulates => {
                let c = &ctx.lex.pack.counted[c as usize];
                Some((c.id.clone(), c.accumulates))
            }
            _ => None,
        }) {
            return Some(group);
        }
        k += 1;
    }
    None
}

/// "a coûté la vie à sept militaires": the people counted died.
fn lost_lives_before(ctx: &Ctx, noun: usize) -> Option<(String, bool)> {
    let vie = (noun.saturating_sub(4)..noun).any(|k| ctx.is(k, "vie") && ctx.is(k + 1, "a"));
    let dead = ctx.lex.pack.counted.iter().find(|c| c.id == "dead")?;
    vie.then(|| (dead.id.clone(), dead.accumulates))
}

/// Words that say a figure is final.
const FINAL_WORDS: &[&str] = &[
    "definitif",
    "definitive",
    "definitifs",
    "definitives",
    "final",
    "finale",
    "finals",
    "finales",
];

/// The qualifier ("au moins", "plus de", "près de") that ends right before token `first`, with the
/// token it starts at.
fn qualifier_before(ctx: &Ctx, first: usize) -> Option<(usize, Lex)> {
    (1..=4).find_map(|back| {
        let s = first.checked_sub(back)?;
        ctx.find_at(s, |l| match l {
            Lex::LowerBound | Lex::UpperBound | Lex::About => Some(l),
            _ => None,
        })
        .filter(|(e, _)| *e == first)
        .map(|(_, kind)| (s, kind))
    })
}

/// "le bilan définitif de 23 morts", "23 morts, bilan final": the figure is said to be final.
fn said_final(ctx: &Ctx, start: usize, end: usize) -> bool {
    const FINAL: &[&str] = &["definitif", "definitive", "final", "finale"];
    let mut a = start;
    while a > 0 && start - a < 6 && !ctx.sentence_end(a - 1) {
        a -= 1;
    }
    let mut b = end;
    while b < ctx.toks.len() && b - end < 4 && !ctx.sentence_end(b) {
        b += 1;
    }
    (a..b).any(|k| ctx.is_any(k, FINAL))
}

/// Whether the sentence around token `i` tells of an earlier event: "l'an dernier", "il y a deux
/// ans", or "en 2021" before the document's year. (A pluperfect alone is not enough: "l'attaque,
/// qui avait coûté la vie à sept soldats" may recall the story's own event.)
fn recalls_earlier_event(ctx: &Ctx, i: usize) -> bool {
    for k in ctx.sentence_around(i) {
        if (ctx.is_any(k, &["an", "annee"])
            && ctx.is_any(k + 1, &["dernier", "derniere", "passe", "passee"]))
            || (ctx.is(k, "il")
                && ctx.is(k + 1, "y")
                && ctx.is(k + 2, "a")
                && (k + 3..k + 6).any(|j| ctx.is_any(j, &["an", "ans"])))
        {
            return true;
        }
        if ctx.is(k, "en")
            && let Some(y) = ctx.word(k + 1).and_then(|w| {
                (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| w.parse::<i32>().ok())
                    .flatten()
            })
            && ctx.doc_year.is_some_and(|d| y < d)
        {
            return true;
        }
    }
    false
}

/// The first event named in the sentence around token `i`.
pub(super) fn sentence_event(ctx: &Ctx, i: usize) -> Option<u16> {
    for k in ctx.sentence_around(i) {
        if ctx.toks[k].kind == TokKind::Word
            && let Some((_, e)) = ctx.find_at(k, |l| match l {
                Lex::Event(e) => Some(e),
                _ => None,
            })
        {
            return Some(e);
        }
    }
    None
}
