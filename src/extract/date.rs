//! Dates written in prose: "samedi 16 septembre 2023", "le 26 juillet", "en septembre 2023",
//! "mi-mai". A document without metadata gets the latest full date it mentions, marked inferred.

use serde::{Deserialize, Serialize};

use super::Ctx;
use crate::lexicon::{Lex, kind};
use crate::time::{PartialDate, days_in_month};

/// A date as written; `year` may be missing ("le 26 juillet").
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub weekday: Option<u8>,
    #[serde(skip_serializing_if = "crate::extract::internal")]
    pub tok_start: usize,
    #[serde(skip_serializing_if = "crate::extract::internal")]
    pub tok_end: usize,
}

impl DateMention {
    /// The date, when it has a year.
    pub fn partial(&self) -> Option<PartialDate> {
        Some(PartialDate {
            year: self.year?,
            month: self.month,
            day: self.month.and(self.day),
        })
    }
}

fn year_at(ctx: &Ctx, i: usize) -> Option<i32> {
    let w = ctx.word(i)?;
    (w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
        .filter(|y| (1900..=2100).contains(y))
}

fn day_at(ctx: &Ctx, i: usize) -> Option<u8> {
    let w = ctx.word(i)?;
    let w = w.strip_suffix("er").unwrap_or(w);
    (w.len() <= 2 && w.chars().all(|c| c.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
        .filter(|d| (1..=31).contains(d))
}

fn month_at(ctx: &Ctx, i: usize) -> Option<(usize, u8)> {
    ctx.find_kind(i, kind::MONTH, |l| match l {
        Lex::Month(m) => Some(m),
        _ => None,
    })
}

fn weekday_at(ctx: &Ctx, i: usize) -> Option<(usize, u8)> {
    ctx.find_kind(i, kind::WEEKDAY, |l| match l {
        Lex::Weekday(d) => Some(d),
        _ => None,
    })
}

/// Words that put a sentence in the future: a weekday in it is a coming day, not a past one.
const AHEAD: &[&str] = &[
    "prochain",
    "prochaine",
    "sera",
    "seront",
    "serait",
    "seraient",
    "devra",
    "devront",
    "devrait",
    "devraient",
    "doit",
    "doivent",
    "partir",
    "des",
    "va",
    "vont",
    "aura",
    "auront",
    "prevu",
    "prevue",
    "prevus",
    "prevues",
];

/// Whether the sentence around token `i` speaks of what is to come.
fn looks_ahead(ctx: &Ctx, i: usize) -> bool {
    for k in ctx.sentence_around(i) {
        // "dès" folds to "des", which is also the article: only "dès" as written counts.
        let article =
            ctx.is(k, "des") && ctx.raw[ctx.toks[k].start..ctx.toks[k].end].to_lowercase() != "dès";
        if ctx.is_any(k, AHEAD) && !article {
            return true;
        }
    }
    false
}

pub(super) fn extract(ctx: &Ctx) -> Vec<DateMention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ctx.toks.len() {
        // A date starts with a weekday or a month (lexicon phrases) or a digit: any other token
        // is passed over at once.
        if !ctx.has_kind(i, kind::WEEKDAY | kind::MONTH)
            && !ctx.toks[i]
                .fold
                .as_bytes()
                .first()
                .is_some_and(u8::is_ascii_digit)
        {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i;
        let mut weekday = None;
        if let Some((e, d)) = weekday_at(ctx, j) {
            weekday = Some(d);
            j = e;
        }
        // "14/12/2025", "14.12.2025".
        if let Some((e, (d, m, y))) = numeric_date(ctx, j) {
            out.push(DateMention {
                start: ctx.toks[start].start,
                end: ctx.toks[e - 1].end,
                year: Some(y),
                month: Some(m),
                day: Some(d),
                weekday,
                tok_start: start,
                tok_end: e,
            });
            i = e;
            continue;
        }
        let mut day = None;
        if let Some(d) = day_at(ctx, j)
            && month_at(ctx, j + 1).is_some()
        {
            day = Some(d);
            j += 1;
        }
        let Some((e, month)) = month_at(ctx, j) else {
            // A weekday alone ("a limogé mardi") is resolved later against the document's date,
            // as the latest such day; one in a sentence about what is to come ("seront
            // proclamés à partir de mardi", "mardi prochain") is not, and is left out.
            if let Some(w) = weekday.filter(|_| day.is_none() && !looks_ahead(ctx, start)) {
                out.push(DateMention {
                    start: ctx.toks[start].start,
                    end: ctx.toks[j - 1].end,
                    year: None,
                    month: None,
                    day: None,
                    weekday: Some(w),
                    tok_start: start,
                    tok_end: j,
                });
                i = j;
                continue;
            }
            i += 1;
            continue;
        };
        // "mai" alone is too ambiguous ("en mai" is fine, but the pack may list short words):
        // a bare month counts only with a day, a year or "en"/"mi-"/"début"/"fin" before it.
        j = e;
        let year = year_at(ctx, j);
        if year.is_some() {
            j += 1;
        }
        let cued = day.is_some()
            || year.is_some()
            || (start > 0
                && ctx.is_any(
                    start - 1,
                    &["en", "mi", "debut", "fin", "courant", "depuis"],
                ));
        if !cued {
            i = e;
            continue;
        }
        if let (Some(d), Some(y)) = (day, year)
            && d > days_in_month(y, month)
        {
            i = j;
            continue;
        }
        out.push(DateMention {
            start: ctx.toks[start].start,
            end: ctx.toks[j - 1].end,
            year,
            month: Some(month),
            day,
            weekday,
            tok_start: start,
            tok_end: j,
        });
        i = j;
    }
    out
}

/// A day-first numeric date at token `i`, written "14/12/2025" (five tokens, no spaces) or
/// "14.12.2025" (one token): the token after it and (day, month, year), when all three are valid.
fn numeric_date(ctx: &Ctx, i: usize) -> Option<(usize, (u8, u8, i32))> {
    let num = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let w = ctx.word(i)?;
    if !w.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let (parts, end): (Vec<&str>, usize) = match w {
        w if w.contains('.') => (w.split('.').collect(), i + 1),
        w => {
            let toks = ctx.toks.get(i..i + 5)?;
            let joined = toks.windows(2).all(|p| p[0].end == p[1].start);
            if !joined || toks[1].fold != "/" || toks[3].fold != "/" {
                return None;
            }
            (vec![w, toks[2].fold.as_str(), toks[4].fold.as_str()], i + 5)
        }
    };
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    if d.len() > 2 || m.len() > 2 || y.len() != 4 {
        return None;
    }
    let (d, m, y) = (num(d)?, num(m)?, num(y)?);
    let y = i32::try_from(y)
        .ok()
        .filter(|y| (1900..=2100).contains(y))?;
    let m = u8::try_from(m).ok().filter(|m| (1..=12).contains(m))?;
    let d = u8::try_from(d)
        .ok()
        .filter(|&d| d >= 1 && d <= days_in_month(y, m))?;
    Some((end, (d, m, y)))
}

/// The latest date with a day, month and year (a day and month written without a year but with
/// their weekday count, in the year the weekday gives: "ce mercredi 25 novembre"); failing that,
/// the latest month and year.
pub(super) fn infer(dates: &[DateMention]) -> Option<PartialDate> {
    let full = dates
        .iter()
        .filter(|d| d.day.is_some())
        .filter_map(|d| d.partial().or_else(|| dated_by_weekday(dates, d, 1)))
        .max();
    full.or_else(|| dates.iter().filter_map(DateMention::partial).max())
}

/// A day and month written without a year ("RABAT, 13 octobre (…) –", "ce mercredi 25
/// novembre"), in the year the weekday written with them — or with the same day and month
/// elsewhere in the text ("a procédé mardi 13 octobre à …") — gives: the first year, from the
/// latest year the text mentions and at most `reach` years after it, on which that day falls on
/// that weekday. None without a weekday or without a year in the text: a weekday alone recurs
/// every few years.
fn dated_by_weekday(dates: &[DateMention], d: &DateMention, reach: i32) -> Option<PartialDate> {
    let (month, day) = (d.month?, d.day?);
    if d.year.is_some() {
        return None;
    }
    let weekday = d.weekday.or_else(|| {
        dates
            .iter()
            .filter(|o| o.year.is_none() && o.month == Some(month) && o.day == Some(day))
            .find_map(|o| o.weekday)
    })?;
    let base = dates.iter().filter_map(|o| o.year).max()?;
    (base..=base + reach)
        .find(|&y| {
            day <= days_in_month(y, month)
                && (crate::time::day_number(y, month, day) + 3).rem_euclid(7) == i64::from(weekday)
        })
        .map(|year| PartialDate::ymd(year, month, day))
}

/// The date of a news dateline or publication line among the first lines of the body: "DAKAR,
/// 12 juin 2025 (Agence …) –", "Abuja (Nigeria), jeudi 3 avril 2025 –", "Publié le 14/03/2025 à
/// 10h32", "Bulletin du lundi 12 octobre 2026". A full date only; the first such line wins.
pub(super) fn dateline(ctx: &Ctx, body_start: usize, dates: &[DateMention]) -> Option<PartialDate> {
    let raw = ctx.raw;
    use std::sync::OnceLock;
    // The text from the start of the line to the date: a place name and a comma, or a word that
    // says when the piece was published or broadcast.
    // Fixed patterns, checked by the unit tests (`None` only if one failed to compile).
    static PLACE: OnceLock<Option<regex::Regex>> = OnceLock::new();
    static PUBLISHED: OnceLock<Option<regex::Regex>> = OnceLock::new();
    let place = PLACE.get_or_init(|| {
        regex::Regex::new(
            r"^[\s*_#>]*\p{Lu}[\p{L}'’ .\-]+(?:\s*\([^)\n]+\))?\s*,\s*(?i:(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?(?:le\s+)?)$",
        )
        .ok()
    });
    let published = PUBLISHED.get_or_init(|| {
        regex::Regex::new(
            r"(?i)(?:^|[^\p{L}])(?:publi|mis en ligne|mis à jour|mise à jour|actualis|modifi|bulletin|édition|journal|transcription|diffus|paru)",
        )
        .ok()
    });
    // The first four lines with text, and at most the first `WINDOW` bytes of the body: a dateline
    // is short, and a text without line breaks must not be searched at every date.
    const WINDOW: usize = 600;
    let mut window_end = body_start + WINDOW;
    while window_end < raw.len() && !raw.is_char_boundary(window_end) {
        window_end += 1;
    }
    let body = raw.get(body_start..window_end.min(raw.len()))?;
    let mut end = body_start;
    let mut lines = 0;
    for line in body.split_inclusive('\n') {
        end += line.len();
        if !line.trim().is_empty() {
            lines += 1;
            if lines == 4 {
                break;
            }
        }
    }
    dates
        .iter()
        .take_while(|d| d.start < end)
        .filter(|d| d.start >= body_start && d.day.is_some())
        .find(|d| {
            let line_start = raw[body_start..d.start]
                .rfind('\n')
                .map_or(body_start, |i| body_start + i + 1);
            let before = &raw[line_start..d.start];
            // Patterns without counted repetitions (a Unicode class repeated forty times makes a
            // large automaton in every thread); the lengths are checked here instead. A place
            // and its country take at most about a hundred chars; a publication cue is within
            // sixty chars of the date.
            let matches =
                |r: &Option<regex::Regex>, s: &str| r.as_ref().is_some_and(|r| r.is_match(s));
            let mut tail = before.len().saturating_sub(60);
            while !before.is_char_boundary(tail) {
                tail += 1;
            }
            is_dateline(ctx, d)
                || alone_on_its_line(ctx, d)
                || (before.chars().count() <= 110 && matches(place, before))
                || matches(published, &before[tail..])
        })
        // A wire dateline without a year ("KARA, 7 novembre (Agence …) -") is dated when the
        // text gives the day's weekday ("samedi 7 novembre"): its year is one of the next few
        // after the latest the text mentions ("signé en mars 2024").
        .and_then(|d| d.partial().or_else(|| dated_by_weekday(dates, d, 11)))
}

/// An event of a kind that happens once per story, with the date the sentence gives it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EventDate {
    pub event: u16,
    /// Span of the event word and the date together.
    pub start: usize,
    pub end: usize,
    /// Index into the document's date mentions.
    pub date: usize,
    /// The assembly named before the event word in its sentence ("le Sénat a adopté jeudi"): two
    /// assemblies' votes on one text are two events.
    pub body: Option<compact_str::CompactString>,
}

/// Pairs each once-only event word with the nearest date in its sentence.
pub(super) fn event_dates(
    ctx: &Ctx,
    dates: &[DateMention],
    named: &[super::NamedMention],
) -> Vec<EventDate> {
    let mut out = Vec::new();
    // An event word that is the complement inside the name of an organisation or a text ("la
    // Commission nationale des élections") names no event.
    let in_name = |i: usize| {
        let at = ctx.toks[i].start;
        i > 0
            && ctx.is_any(i - 1, &["de", "des", "du", "d'", "la", "l'"])
            && named.iter().any(|n| n.start < at && at < n.end)
    };
    // Dates taken by an event word before them.
    let mut claimed: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < ctx.toks.len() {
        let Some((e, ev)) = ctx.find_kind(i, kind::EVENT, |l| match l {
            Lex::Event(ev) if ctx.lex.pack.event[ev as usize].once => Some(ev),
            _ => None,
        }) else {
            i += 1;
            continue;
        };
        if in_name(i) {
            i = e;
            continue;
        }
        // "a rappelé que …", "a rappelé jeudi que …": a verb that introduces what someone said
        // names no event of its own.
        if (e..e + 3)
            .take_while(|&k| !ctx.sentence_end(k))
            .any(|k| ctx.is_any(k, &["que", "qu'"]))
        {
            i = e;
            continue;
        }
        // "le second tour de la présidentielle", "les législatives, reportées au …": the date is
        // another round's, or not settled. Looked for a few words around the cue, in its sentence.
        let sentence = ctx.sentence_around(i);
        let near = i.saturating_sub(8).max(sentence.start)..(e + 12).min(sentence.end);
        if near
            .clone()
            .any(|k| ctx.is_lex(k, |l| l == Lex::NotWith(ev)))
        {
            i = e;
            continue;
        }
        // A cue that names the event only beside one of its words ("déclarée" beside
        // "épidémie").
        if !ctx.lex.pack.event[ev as usize].with.is_empty()
            && !near
                .into_iter()
                .any(|k| ctx.is_lex(k, |l| l == Lex::With(ev)))
        {
            i = e;
            continue;
        }
        // The nearest date in the same sentence, within a few words.
        let after_only = ctx.lex.pack.event[ev as usize].date_after;
        let in_sentence = |d: &DateMention| {
            // A date that follows an earlier event word is that event's ("les résultats des
            // législatives du 14/12 ont été proclamés"): it dates nothing after it.
            if d.tok_start < e && (after_only || claimed.contains(&d.tok_start)) {
                return false;
            }
            // After the event word the date may come a clause later ("la rupture de la digue,
            // survenue dans la nuit du 10 au 11 août"); before it, only close by — a date further
            // back dates the sentence's verb ("a porté lundi à 23 morts le bilan de l'effondrement").
            let (a, b, reach) = if d.tok_start >= e {
                (e, d.tok_start, 15)
            } else {
                (d.tok_end, i, 6)
            };
            b.saturating_sub(a) <= reach && !(a..b).any(|k| ctx.sentence_end(k))
        };
        // Dates are in text order: only those a few words around the event word are looked at.
        let from = dates.partition_point(|d| d.tok_end + 8 < i);
        let nearest = dates[from..]
            .iter()
            .take_while(|d| d.tok_start <= e + 16)
            .enumerate()
            .map(|(k, d)| (from + k, d))
            .filter(|(_, d)| in_sentence(d) && !is_dateline(ctx, d))
            .min_by_key(|(_, d)| {
                if d.tok_start >= e {
                    d.tok_start - e
                } else {
                    i - d.tok_end
                }
            });
        // "dans la nuit de dimanche à lundi": an overnight event is dated by the morning it ends
        // on, as "dans la nuit du 9 au 10 mars" is (its first day is no date of its own).
        let nearest = nearest.map(|(di, d)| {
            let overnight = d.tok_start >= 2
                && ctx.is_any(d.tok_start - 1, &["de", "du"])
                && ctx.is(d.tok_start - 2, "nuit")
                && ctx.is_any(d.tok_end, &["a", "au"]);
            match dates.get(di + 1) {
                Some(next) if overnight && next.tok_start == d.tok_end + 1 => (di + 1, next),
                _ => (di, d),
            }
        });
        if let Some((di, d)) = nearest {
            if d.tok_start >= e {
                claimed.push(d.tok_start);
            }
            out.push(EventDate {
                event: ev,
                start: ctx.toks[i].start.min(d.start),
                end: ctx.toks[e - 1].end.max(d.end),
                date: di,
                body: super::number::voting_body(ctx, i).map(Into::into),
            });
        }
        i = e;
    }
    out
}

/// A date on a line of its own under a title, as web pages print it: "5 mai 2026", "Lundi 3 mars
/// 2026", "03/03/2026 à 10h12", "12 juin 2025 - 14:05".
fn alone_on_its_line(ctx: &Ctx, d: &DateMention) -> bool {
    use crate::text::TokKind;
    let toks = ctx.toks;
    let line_start = line_start(ctx, d.tok_start);
    // Before the date: a weekday and punctuation at most.
    let before_ok = (line_start..d.tok_start)
        .all(|k| toks[k].kind == TokKind::Punct || ctx.is_lex(k, |l| matches!(l, Lex::Weekday(_))));
    // After it: a time of day ("à 10h12", "- 14:05", "10 h 12 GMT") and punctuation at most.
    let mut words = 0;
    let after_ok = toks[d.tok_end.min(toks.len())..]
        .iter()
        .take_while(|t| t.kind != TokKind::Break)
        .all(|t| {
            words += usize::from(t.kind == TokKind::Word);
            t.kind == TokKind::Punct
                || ["a", "h", "heures", "gmt", "utc", "tu"].contains(&t.fold.as_str())
                || t.fold.bytes().all(|b| b.is_ascii_digit() || b == b'h')
        });
    before_ok && after_ok && words <= 5
}

/// The first token of the line token `i` is on.
fn line_start(ctx: &Ctx, i: usize) -> usize {
    (0..i)
        .rev()
        .find(|&k| ctx.toks[k].kind == crate::text::TokKind::Break)
        .map_or(0, |k| k + 1)
}

/// A wire dateline ("N'DJAMENA, 15 août 2024 (Agence) -"): the date of the article, not of an event.
fn is_dateline(ctx: &Ctx, d: &DateMention) -> bool {
    d.tok_start.saturating_sub(line_start(ctx, d.tok_start)) <= 6
        && ctx.is_any(d.tok_end, &["(", "-", "\u{2013}", "\u{2014}"])
}
