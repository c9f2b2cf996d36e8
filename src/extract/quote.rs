//! Quotations and their speakers. Quotes open with « “ or a straight double quote and close with
//! their pair — or, as hurried copy often does, with an opening mark followed by punctuation
//! ("… pays « , a déclaré"). Speakers come from reporting clauses after ("», a déclaré X") or before
//! ("Selon X, «", "X a affirmé : «") the quote; "a-t-il ajouté" goes back to the last speaker, and
//! "», a lancé le chef de l'État" to the one person named shortly before with that office.

use super::{Ctx, NamedMention, PersonMention, Quote};
use crate::lexicon::Lex;
use crate::text::TokKind;

const MAX_QUOTE_TOKENS: usize = 400;

fn raw_char(ctx: &Ctx, i: usize) -> Option<char> {
    let t = ctx.toks.get(i)?;
    (t.kind == TokKind::Punct)
        .then(|| ctx.raw[t.start..].chars().next())
        .flatten()
}

fn closer_for(open: char) -> Option<char> {
    match open {
        '«' => Some('»'),
        '“' => Some('”'),
        '„' => Some('“'),
        '"' => Some('"'),
        _ => None,
    }
}

/// An opening mark misused as a closing one: followed by punctuation or the end of the line.
fn closes_like(ctx: &Ctx, i: usize) -> bool {
    match ctx.toks.get(i + 1) {
        None => true,
        Some(t) => {
            t.kind == TokKind::Break || matches!(t.fold.as_str(), "," | "." | ";" | ":" | ")")
        }
    }
}

/// Whether the line after the line break at `brk` has text and holds the closing mark `close`.
fn closes_on_next_line(ctx: &Ctx, brk: usize, close: char) -> bool {
    let mut k = brk + 1;
    while k < ctx.toks.len() && k < brk + MAX_QUOTE_TOKENS {
        if ctx.toks[k].kind == TokKind::Break {
            return false;
        }
        if raw_char(ctx, k) == Some(close) {
            return true;
        }
        k += 1;
    }
    false
}

/// Finds the token that closes the quote opened at `open`.
fn find_close(ctx: &Ctx, open: usize, c: char) -> Option<usize> {
    let close = closer_for(c)?;
    let mut j = open + 1;
    while j < ctx.toks.len() && j < open + MAX_QUOTE_TOKENS {
        let t = &ctx.toks[j];
        if t.kind == TokKind::Break {
            // A text wrapped at a fixed width: the quote goes on when its closing mark ends it on
            // the next line (not after a blank line).
            if j > open + 1 && closes_on_next_line(ctx, j, close) {
                j += 1;
                continue;
            }
            // An unclosed quote runs to the end of its paragraph.
            return (j > open + 1).then_some(j);
        }
        if let Some(d) = raw_char(ctx, j) {
            if d == close && j > open + 1 {
                return Some(j);
            }
            if d == c && c != '"' && j > open + 1 && closes_like(ctx, j) {
                return Some(j);
            }
        }
        j += 1;
    }
    None
}

fn is_reporting_verb(ctx: &Ctx, j: usize) -> Option<(usize, bool)> {
    if let Some((e, inv)) = ctx.find_at(j, |l| match l {
        Lex::ReportVerb => Some(false),
        Lex::ReportInverted => Some(true),
        _ => None,
    }) {
        return Some((e, inv));
    }
    // "a également affirmé": an adverb between the auxiliary and the participle. The lexicon
    // lists the forms after "a" and "ont"; after "avait" or "aurait" ("», avait lancé le
    // ministre", the pluperfect of an article looking back) the participle may follow directly.
    let pluperfect = ctx.is_any(j, &["avait", "aurait", "avaient", "auraient"]);
    if pluperfect || ctx.is_any(j, &["a", "ont"]) {
        let mut k = j + 1;
        while ctx.word(k).is_some_and(|w| {
            w.ends_with("ment")
                || [
                    "aussi", "encore", "deja", "ainsi", "alors", "enfin", "ensuite", "pourtant",
                    "meme",
                ]
                .contains(&w)
        }) {
            k += 1;
        }
        if k > j + 1 || pluperfect {
            let participle = ctx.word(k)?;
            let known = ctx
                .lex
                .pack
                .reporting
                .verbs
                .iter()
                .any(|v| crate::text::fold(v).rsplit(' ').next() == Some(participle));
            if known {
                return Some((k + 1, false));
            }
        }
    }
    None
}

/// Subjects of a reporting verb that are not people: texts, institutions, media (folded).
const NON_PERSON_SUBJECTS: &[&str] = &[
    "communique",
    "texte",
    "document",
    "rapport",
    "declaration",
    "message",
    "lettre",
    "note",
    "resolution",
    "charte",
    "accord",
    "traite",
    "ministere",
    "gouvernement",
    "presidence",
    "parti",
    "journal",
    "quotidien",
    "site",
    "agence",
    "organisation",
    "commission",
    "comite",
    "conseil",
    "mouvement",
    "coalition",
    "ambassade",
    "armee",
    "etat-major",
    "police",
    "tribunal",
    "cour",
    "parquet",
    "bilan",
    "avis",
    "decret",
    "arrete",
    "compte",
    "source",
    "sources",
    "syndicat",
    "syndicats",
    "collectif",
    "association",
    "ong",
    "federation",
    "direction",
    "entreprise",
    "societe",
    "compagnie",
    "universite",
    "rectorat",
    "mairie",
    "prefecture",
    "autorites",
    "opposition",
];

/// Whether the sentence before the quotation opening at `open` has a subject that is not a
/// person and no person: "Dans un communiqué, le syndicat affirme que «".
fn non_person_before(ctx: &Ctx, open: usize) -> bool {
    let (start, _) = sentence_start(ctx, open, 30);
    // The subject, then its reporting verb a few words on ("le syndicat national des
    // enseignants affirme que"): not any such noun ("s'est félicité d'un accord qui «").
    (start..open).all(|k| ctx.person_at(k).is_none())
        && (start + 1..open).any(|k| {
            ctx.is_any(k, NON_PERSON_SUBJECTS)
                && ctx.is_any(
                    k - 1,
                    &["le", "la", "l'", "les", "un", "une", "ce", "cette"],
                )
                && (k + 1..open.min(k + 9)).any(|m| is_reporting_verb(ctx, m).is_some())
        })
}

/// The first person named after `j` in the same sentence, within a few words (an adverbial phrase
/// and an office may come first: "a déclaré à l'issue du sommet le président de la Commission de
/// la CEMAC, X").
fn person_after(ctx: &Ctx, mut j: usize) -> Option<usize> {
    // "», indique le communiqué, publié après la convocation de X": a text or an institution
    // said it, not a person named further on.
    if ctx.is_any(j, &["le", "la", "l'", "les", "un", "une", "ce", "cette"])
        && ctx.is_any(j + 1, NON_PERSON_SUBJECTS)
    {
        return None;
    }
    let limit = j + 20;
    while j < limit && j < ctx.toks.len() {
        if let Some(m) = ctx.person_at(j) {
            return Some(m);
        }
        if ctx.sentence_end(j) || raw_char(ctx, j).is_some_and(|c| closer_for(c).is_some()) {
            return None;
        }
        j += 1;
    }
    None
}

/// A speaker named before the quote in the same sentence: "Selon X, «", "X a déclaré : «".
fn speaker_before(ctx: &Ctx, persons: &[PersonMention], open: usize) -> Option<usize> {
    let mut j = open;
    let floor = open.saturating_sub(25);
    while j > floor {
        j -= 1;
        if ctx.sentence_end(j) || raw_char(ctx, j).is_some_and(|c| closer_for(c).is_some()) {
            break;
        }
        if ctx.is_lex(j, |l| l == Lex::ReportPrep) {
            return person_after(ctx, j + 1);
        }
        if is_reporting_verb(ctx, j).is_some() {
            // The subject is the last person named before the verb, ending at most three
            // words before it — unless that person is a complement ("Cette professeure, proche
            // de l'ancien maire X, avait lancé : «" is not X speaking).
            return (j.saturating_sub(3)..=j)
                .rev()
                .find_map(|k| ctx.person_end(k))
                .filter(|&m| persons[m].tok_start > floor)
                .filter(|&m| !is_complement(ctx, persons[m].tok_start));
        }
    }
    None
}

/// A text quoted rather than a person: "La charte prévoit (art. 6) que «". Returns a label for
/// the text and the article number, when the sentence gives them.
fn source_text_before(
    ctx: &Ctx,
    named: &[NamedMention],
    named_at: &std::collections::HashMap<usize, usize>,
    open: usize,
) -> (Option<String>, Option<String>) {
    let floor = open.saturating_sub(20);
    let mut head = None;
    let mut article = None;
    let mut j = open;
    while j > floor {
        j -= 1;
        if ctx.sentence_end(j) {
            break;
        }
        if ctx.is_any(j, &["article", "art"]) && ctx.word(j + 1).is_some() {
            let n = ctx
                .word(j + 1)
                .filter(|w| w.chars().all(|c| c.is_ascii_digit()))
                .or_else(|| ctx.is(j + 1, ".").then(|| ctx.word(j + 2)).flatten());
            if let Some(n) = n.filter(|w| w.chars().all(|c| c.is_ascii_digit())) {
                article = Some(n.to_string());
            }
        }
        if head.is_none() {
            if let Some(n) = named_at.get(&j).map(|&k| &named[k]) {
                head = Some(ctx.raw[n.start..n.end].to_string());
            } else if ctx.is_lex(j, |l| l == Lex::DocHead) {
                head = Some(ctx.raw[ctx.toks[j].start..ctx.toks[j].end].to_lowercase());
            }
        }
    }
    let label = match (head, &article) {
        (Some(h), Some(a)) => Some(format!("{h}, article {a}")),
        (Some(h), None) => Some(h),
        (None, Some(a)) => Some(format!("article {a}")),
        (None, None) => None,
    };
    (label, article)
}

/// Prepositions that make the person after them a complement, not the one who speaks next:
/// "limogée par le Premier ministre X", "son hostilité envers X".
const COMPLEMENT_OF: &[&str] = &[
    "par", "de", "du", "des", "d'", "a", "au", "aux", "contre", "avec", "envers", "pour", "sur",
    "chez", "sans", "vers",
];

/// Whether the person mention starting at token `k` is the complement of a preposition, through
/// an article and an office or rank ("par le Premier ministre X", "de la ministre X").
fn is_complement(ctx: &Ctx, k: usize) -> bool {
    let mut j = k;
    while j > 0 && k - j < 8 {
        let prev = j - 1;
        let title = ctx.is_any(prev, &["le", "la", "l'", "les", "son", "sa", "leur"])
            || ctx.hits_at(prev).any(|h| {
                matches!(
                    h.lex,
                    Lex::Office(_)
                        | Lex::Rank(_)
                        | Lex::Past
                        | Lex::Present
                        | Lex::CountryAdj(_)
                        | Lex::Portfolio(_)
                )
            })
            || (ctx.is_any(prev, &["de", "du", "des", "d'"])
                && ctx
                    .hits_at(j)
                    .any(|h| matches!(h.lex, Lex::Portfolio(_) | Lex::Country(_))));
        if !title {
            // "par la voix de X", "par l'intermédiaire de X": X speaks.
            let channel = ctx.is_any(prev, &["de", "d'"])
                && ctx.is_any(
                    prev.wrapping_sub(1),
                    &["voix", "intermediaire", "biais", "bouche"],
                );
            // "Pour X, le texte « … »" opening a sentence: in X's view, X speaks.
            let view = ctx.is(prev, "pour") && (prev == 0 || ctx.sentence_end(prev - 1));
            return !channel && !view && ctx.is_any(prev, COMPLEMENT_OF);
        }
        j = prev;
    }
    false
}

/// The person a pronoun most likely stands for: the first person named earlier in the quote's
/// sentence, or else in the two sentences before, who is not the complement of a preposition
/// ("limogée par le Premier ministre X, la présidente du parti… « … », a-t-elle lancé" goes back
/// to the sentence before, whose subject the party's president is).
fn nearest_subject(ctx: &Ctx, persons: &[PersonMention], open: usize) -> Option<usize> {
    // Sentences longer than this are run-on text, not a sentence to look back through.
    let sentence_start = |from: usize| sentence_start(ctx, from, 80).0;
    let s0 = sentence_start(open);
    // "Le nouveau gouverneur a repris la formule qu'il avait lancée : «": the pronoun stands for
    // an office holder the sentence does not name, not for someone named before.
    if unnamed_office_subject(ctx, s0, open) {
        return None;
    }
    let first_in = |a: usize, b: usize| {
        (a..b)
            .filter_map(|k| ctx.person_at(k))
            .find(|&m| m < persons.len() && !is_complement(ctx, persons[m].tok_start))
    };
    first_in(s0, open).or_else(|| {
        let s1 = sentence_start(s0.checked_sub(1)?);
        first_in(s1, s0).or_else(|| {
            let s2 = sentence_start(s1.checked_sub(1)?);
            first_in(s2, s1)
        })
    })
}

/// Participles that make someone the new holder of the office after them: "X a été élu dimanche
/// président de …", "X, nommée ministre de la Santé" (folded).
const MADE_HOLDER: &[&str] = &[
    "elu", "elue", "reelu", "reelue", "nomme", "nommee", "designe", "designee",
];

/// "Le nouveau président avait pris la tête des réformateurs. « … », a-t-il lancé": a pronoun whose
/// sentence, or the one before, has for subject a new office holder it does not name stands for
/// the one person the text before says was elected or appointed to that office ("X a été élu
/// dimanche président de …"). `Some(None)` when the text makes two people, or nobody, new holders
/// of it: the pronoun then stands for no one named. `None` when no new holder is the subject.
fn new_holder(ctx: &Ctx, persons: &[PersonMention], open: usize) -> Option<Option<usize>> {
    // An office after "le nouveau" within two sentences' reach: a bit test per token first, as
    // most quotations have none and nothing else is then read.
    let new_office = |k: usize| {
        ctx.has_kind(k, crate::lexicon::kind::OFFICE)
            && ctx.is_any(k - 1, &["nouveau", "nouvelle", "nouvel"])
            // "la ligne du nouveau président est connue. « … », répétait-il" too.
            && ctx.is_any(k - 2, &["le", "la", "l'", "du", "au"])
    };
    let floor = open.saturating_sub(100).max(2);
    let nearest = (floor..open).rev().find(|&k| new_office(k))?;
    let s0 = sentence_start(ctx, open, 80).0;
    let s1 = sentence_start(ctx, s0.checked_sub(1)?, 80).0;
    let class = (s1 + 2..=nearest)
        .rev()
        .filter(|&k| new_office(k))
        .find_map(|k| {
            let (e, class) = office_class_at(ctx, k)?;
            // "le nouveau président X" names its holder.
            let named = (e..(e + 3).min(open)).any(|n| ctx.person_at(n).is_some());
            (!named).then_some(class)
        })?;
    let mut found: Option<usize> = None;
    for k in s1.saturating_sub(400)..s1 {
        if !ctx.is_any(k, MADE_HOLDER) {
            continue;
        }
        // The office after the participle, past a day or an adverb: "élu dimanche président".
        let office = (k + 1..k + 4).find_map(|m| office_class_at(ctx, m));
        if office.is_none_or(|(_, c)| c != class) {
            continue;
        }
        // The person named just before: "X a été élu", "X, élue".
        let Some(m) = (k.saturating_sub(5)..k)
            .rev()
            .find_map(|t| ctx.person_end(t))
        else {
            continue;
        };
        match found {
            Some(f) if persons[f].parts != persons[m].parts => return Some(None),
            _ => found = Some(m),
        }
    }
    Some(found)
}

/// The first token of the sentence holding token `from`, looking back at most `reach` tokens, and
/// whether that is the sentence's real start rather than the reach's limit.
fn sentence_start(ctx: &Ctx, from: usize, reach: usize) -> (usize, bool) {
    let floor = from.saturating_sub(reach);
    let mut k = from;
    while k > floor && !ctx.sentence_end(k - 1) {
        k -= 1;
    }
    (k, k == 0 || ctx.sentence_end(k - 1))
}

/// Whether tokens `a..b` hold an office phrase after a determiner ("le nouveau gouverneur", "la
/// ministre", "cette présidente") with no person named with it: the sentence's subject is then
/// someone it does not name.
fn unnamed_office_subject(ctx: &Ctx, a: usize, b: usize) -> bool {
    (a..b).any(|k| {
        let Some((e, _)) = office_class_at(ctx, k) else {
            return false;
        };
        // A determiner before it, an adjective or a "past"/"new" marker allowed in between.
        let determiner = (k.saturating_sub(2)..k).any(|d| {
            ctx.is_any(
                d,
                &["le", "la", "l'", "ce", "cet", "cette", "son", "sa", "notre"],
            )
        });
        // No name after it: "le ministre X", "le ministre, X," name their holder; neither does a
        // portfolio or country that continues the office phrase.
        let named = (e..(e + 8).min(b)).any(|n| ctx.person_at(n).is_some());
        let complement = k > 0 && ctx.is_any(k - 1, COMPLEMENT_OF);
        determiner && !named && !complement
    })
}

/// The office class of a phrase at `k` ("le chef de l'État", "la ministre"), and its end.
fn office_class_at<'a>(ctx: &Ctx<'a>, k: usize) -> Option<(usize, &'a str)> {
    ctx.find_at(k, |l| match l {
        Lex::Office(o) => Some(o),
        _ => None,
    })
    .map(|(e, o)| (e, ctx.lex.pack.office[o as usize].class.as_str()))
}

/// The portfolio named right after an office ("ministre de la Santé", "ministre malien des
/// Finances").
fn portfolio_after(ctx: &Ctx, mut k: usize) -> Option<u16> {
    for _ in 0..4 {
        if let Some((_, p)) = ctx.find_at(k, |l| match l {
            Lex::Portfolio(p) => Some(p),
            _ => None,
        }) {
            return Some(p);
        }
        if !(ctx.is_any(k, &["de", "du", "des", "d'", "la", "l'"])
            || ctx.is_lex(k, |l| matches!(l, Lex::CountryAdj(_))))
        {
            return None;
        }
        k += 1;
    }
    None
}

/// "« … », a lancé le chef de l'État": an office without a name after the reporting verb stands
/// for the one person named with that office (before the name, "le président X", or in apposition
/// after it, "X, président …") in the text shortly before the quotation. None when two people
/// there hold it.
fn described_speaker(
    ctx: &Ctx,
    persons: &[PersonMention],
    after_verb: usize,
    open: usize,
) -> Option<usize> {
    let mut k = after_verb;
    if ctx.is_any(k, &["le", "la", "l'"]) {
        k += 1;
    }
    let (end, class) = office_class_at(ctx, k)?;
    // "le ministre de la Santé": the portfolio must be the candidate's too; "le ministre
    // ivoirien": so must the country, when the candidate's office names one.
    let portfolio = portfolio_after(ctx, end);
    let country = super::office::office_at(ctx, k).and_then(|(_, _, c)| c);
    let fits = |at: usize, e: usize| {
        (portfolio.is_none() || portfolio_after(ctx, e) == portfolio)
            && (country.is_none()
                || super::office::office_at(ctx, at)
                    .and_then(|(_, _, c)| c)
                    .is_none_or(|c| Some(c) == country))
    };
    let floor = open.saturating_sub(120);
    let holds = |m: &PersonMention| {
        let before =
            (m.tok_start.saturating_sub(8)..m.tok_start).any(|j| {
                office_class_at(ctx, j)
                    .is_some_and(|(e, c)| c == class && e <= m.tok_start && fits(j, e))
            }) || (m.tok_start.saturating_sub(20)..m.tok_start.saturating_sub(8)).any(|j| {
                // A long office phrase that ends at the name or at its comma: "le ministre de
                // l'Agriculture, du Développement rural et des Productions vivrières, X".
                super::office::office_at(ctx, j).is_some_and(|(e, _, _)| {
                    (e == m.tok_start || (e + 1 == m.tok_start && ctx.is(e, ",")))
                        && office_class_at(ctx, j).is_some_and(|(oe, c)| c == class && fits(j, oe))
                })
            });
        let after = ctx.is(m.tok_end, ",")
            && (m.tok_end + 1..m.tok_end + 4)
                .any(|j| office_class_at(ctx, j).is_some_and(|(e, c)| c == class && fits(j, e)));
        before || after
    };
    let mut found: Option<usize> = None;
    for (idx, m) in persons.iter().enumerate() {
        if m.tok_start < floor || m.tok_start >= open || !holds(m) {
            continue;
        }
        match found {
            Some(f) if persons[f].parts != m.parts => return None,
            _ => found = Some(idx),
        }
    }
    found
}

/// "Le secrétaire exécutif de l'IGAD, X, avait donné le ton : « … »": a quotation opened after a
/// colon, in a sentence that names one person, who is not a preposition's complement: that person
/// speaks, whatever the verb.
fn colon_subject(ctx: &Ctx, persons: &[PersonMention], open: usize) -> Option<usize> {
    if !ctx.is(open.wrapping_sub(1), ":") {
        return None;
    }
    let (s0, whole) = sentence_start(ctx, open - 1, 39);
    if !whole {
        return None;
    }
    let mut found: Option<usize> = None;
    for k in s0..open {
        let Some(m) = ctx.person_at(k) else {
            continue;
        };
        if m >= persons.len() {
            continue;
        }
        match found {
            Some(f) if persons[f].parts != persons[m].parts => return None,
            Some(_) => {}
            None => found = Some(m),
        }
    }
    found.filter(|&m| !is_complement(ctx, persons[m].tok_start))
}

/// "Pour le Premier ministre X, « … »", "Selon X, « … »": a quotation opened right after a
/// sentence-initial "Pour" or "Selon" and the person it names (after their title), a comma
/// between: in X's view, X speaks.
fn view_of(ctx: &Ctx, open: usize) -> Option<usize> {
    let comma = open.checked_sub(1)?;
    if !ctx.is(comma, ",") {
        return None;
    }
    // The name just before the comma, whose mention ends there.
    let m = ctx.person_end(comma)?;
    let (s0, whole) = sentence_start(ctx, comma, 16);
    if !whole || !ctx.is_any(s0, &["pour", "selon"]) {
        return None;
    }
    // Between "Pour" and the name: its title only ("le Premier ministre", "la ministre malienne
    // des Affaires étrangères"), no verb and no other person.
    let name_start = (s0 + 1..comma).find(|&k| ctx.person_at(k) == Some(m))?;
    let title_only = (s0 + 1..name_start).all(|k| {
        ctx.person_at(k).is_none()
            && !ctx.is_any(k, &[":", ";"])
            && !ctx.is_lex(k, |l| matches!(l, Lex::ReportVerb | Lex::ReportInverted))
    });
    title_only.then_some(m)
}

/// "Il a eu cette phrase : « … »", "Elle a prévenu : « … »": a quotation opened after a colon in
/// a sentence whose subject is a pronoun.
fn pronoun_before_colon(ctx: &Ctx, open: usize) -> bool {
    if !ctx.is(open.wrapping_sub(1), ":") {
        return false;
    }
    let mut j = open - 1;
    while j > 0 && open - j < 20 && !ctx.sentence_end(j - 1) {
        j -= 1;
        if ctx.is_any(j, &["il", "elle"]) {
            return true;
        }
    }
    false
}

pub(super) fn extract(ctx: &Ctx, persons: &[PersonMention], named: &[NamedMention]) -> Vec<Quote> {
    let named_at: std::collections::HashMap<usize, usize> = named
        .iter()
        .enumerate()
        .map(|(k, n)| (n.tok_start, k))
        .collect();
    let mut out: Vec<Quote> = Vec::new();
    let mut last_speaker: Option<(usize, usize)> = None;
    // Where the last quotation said by a source that is not a person ended ("le syndicat affirme
    // que « … »"): a pronoun after it ("», a-t-elle ajouté") does not stand for anyone quoted
    // before.
    let mut other_source: Option<usize> = None;
    let mut i = 0;
    while i < ctx.toks.len() {
        if ctx.toks[i].kind == TokKind::Break {
            i += 1;
            continue;
        }
        let Some(c) = raw_char(ctx, i).filter(|c| closer_for(*c).is_some()) else {
            i += 1;
            continue;
        };
        let Some(close) = find_close(ctx, i, c) else {
            i += 1;
            continue;
        };
        // Counted, not collected: this runs at every quotation of every document.
        let n_words = (i + 1..close)
            .filter(|&k| ctx.toks[k].kind == TokKind::Word)
            .count();
        if n_words == 0 {
            i = close + 1;
            continue;
        }
        let first = ctx.toks[i + 1].start;
        let last = ctx.toks[close - 1].end;
        // Who said it: after the quote, then before it.
        let mut j = close + 1;
        if ctx.is(j, ",") {
            j += 1;
        }
        let mut speaker = None;
        let reported = is_reporting_verb(ctx, j);
        // After a quotation of a source that is not a person, only someone named since.
        let since = other_source.filter(|&at| at + 80 >= i);
        let named_since = |s: &usize| since.is_none_or(|at| persons[*s].tok_start > at);
        if let Some((e, inverted)) = reported {
            speaker = if inverted {
                // "X a répété : « … », a-t-il lancé": the sentence's own subject first; then a new
                // office holder who is the subject of this sentence or the one before (nobody
                // else when the text does not say who was made that holder); then a subject near
                // by, the last quote's speaker if it is near, the subject of the sentence before.
                let before = speaker_before(ctx, persons, i);
                match before.map_or_else(|| new_holder(ctx, persons, i), |s| Some(Some(s))) {
                    Some(s) => s,
                    None => nearest_subject(ctx, persons, i)
                        .filter(|&s| persons[s].tok_start + 40 >= i)
                        .or(last_speaker.filter(|&(_, at)| at + 80 >= i).map(|(s, _)| s))
                        .or_else(|| nearest_subject(ctx, persons, i))
                        .filter(named_since),
                }
            } else {
                person_after(ctx, e).or_else(|| described_speaker(ctx, persons, e, i))
            };
        }
        if speaker.is_none() {
            speaker = speaker_before(ctx, persons, i);
        }
        if speaker.is_none() && pronoun_before_colon(ctx, i) {
            speaker = nearest_subject(ctx, persons, i);
        }
        if speaker.is_none() {
            speaker = colon_subject(ctx, persons, i);
        }
        if speaker.is_none() {
            speaker = view_of(ctx, i);
        }
        let (source_text, article) = source_text_before(ctx, named, &named_at, i);
        let source_text = if speaker.is_none() { source_text } else { None };
        if let Some(s) = speaker {
            last_speaker = Some((s, close));
            other_source = None;
        } else if reported.is_some_and(|(_, inverted)| !inverted) || non_person_before(ctx, i) {
            last_speaker = None;
            other_source = Some(close);
        }
        out.push(Quote {
            start: first,
            end: last,
            n_words: u32::try_from(n_words).unwrap_or(u32::MAX),
            speaker,
            extra: (source_text.is_some() || article.is_some()).then(|| {
                Box::new(super::QuoteExtra {
                    source_text,
                    article,
                    blanked: None,
                })
            }),
        });
        i = if ctx.toks[close].kind == TokKind::Break {
            close
        } else {
            close + 1
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::corpus::document_from_text;
    use crate::lexicon::Lexicon;

    fn speakers(text: &str) -> Vec<Option<String>> {
        let lex = Lexicon::default_fr();
        let (doc, _) = document_from_text("t.txt", text.to_string());
        let c = super::super::extract(&doc, &lex);
        c.quotes
            .iter()
            .map(|q| q.speaker.map(|s| c.persons[s].text()))
            .collect()
    }

    #[test]
    fn an_office_after_the_verb_stands_for_the_one_person_named_with_it() {
        assert_eq!(
            speakers(
                "Le président Idriss Mahamat Kodi a reçu les syndicats. « Nous paierons tout », a \
                 lancé le chef de l'État."
            ),
            [Some("Idriss Mahamat Kodi".to_string())]
        );
        // The portfolio said after the verb must be the one named before.
        assert_eq!(
            speakers(
                "Le ministre de l'Intérieur, Ali Ahmat Haggar, est venu. « Les hôpitaux seront \
                 payés », a dit le ministre de la Santé."
            ),
            [None]
        );
        assert_eq!(
            speakers(
                "Le ministre de la Santé, Abdelmadjid Abderahim, est venu. « Les hôpitaux seront \
                 payés », a dit le ministre de la Santé."
            ),
            [Some("Abdelmadjid Abderahim".to_string())]
        );
        // Two ministers named before: either may have spoken.
        assert_eq!(
            speakers(
                "Le ministre de l'Intérieur, Ali Ahmat Haggar, et le ministre de la Sécurité, Moussa \
                 Ibrahim Deby, sont venus. « Les marchés seront protégés », a dit le ministre."
            ),
            [None]
        );
    }

    #[test]
    fn the_imperfect_reports_too() {
        assert_eq!(
            speakers(
                "Le ministre des Mines, Abdi Farah Yusuf, recevait les élus. « Nous ne céderons \
                 rien sur les permis », répétait-il devant eux."
            ),
            [Some("Abdi Farah Yusuf".to_string())]
        );
        assert_eq!(
            speakers(
                "« La route sera goudronnée avant les pluies », expliquait le gouverneur Ali \
                 Warsame Nur."
            ),
            [Some("Ali Warsame Nur".to_string())]
        );
        // The pronoun stands for a new office holder the text does not name as elected: nobody,
        // not the person quoted before.
        assert_eq!(
            speakers(
                "« Chaque délégué a voté », a assuré Amina Warsame Ali. Sur le fond, la ligne du \
                 nouveau président est connue. « Le temps des compromis est fini », répétait-il."
            ),
            [Some("Amina Warsame Ali".to_string()), None]
        );
    }

    #[test]
    fn the_pluperfect_reports_as_the_perfect_does() {
        assert_eq!(
            speakers(
                "« Le port rouvrira avant la saison sèche », avait lancé le ministre des \
                 Transports, Abdiweli Hassan Gure, devant la presse."
            ),
            [Some("Abdiweli Hassan Gure".to_string())]
        );
        // After the subject, with no adverb between the auxiliary and the participle.
        assert_eq!(
            speakers(
                "Abdiweli Hassan Gure avait déclaré : « Le port rouvrira avant la saison sèche »."
            ),
            [Some("Abdiweli Hassan Gure".to_string())]
        );
        // "avait" before a participle that reports nothing.
        assert_eq!(
            speakers("« Le port rouvrira avant la saison sèche », avait décidé la commission."),
            [None]
        );
    }

    #[test]
    fn a_new_office_holder_stands_for_the_one_person_elected_to_it() {
        let text = |second: &str| {
            format!(
                "Le député Yasin Abdi Guled a été élu dimanche président du parti. Il devance le \
                 président sortant, Mukhtar Ali Roble.{second} Limogé en 2020 par Mukhtar Ali \
                 Roble, le nouveau président avait rallié les jeunes. « Le temps des compromis \
                 est fini », a-t-il lancé."
            )
        };
        assert_eq!(speakers(&text("")), [Some("Yasin Abdi Guled".to_string())]);
        // Two people elected president: either may be the new one.
        assert_eq!(
            speakers(&text(" Hodan Ali Barre a été élue présidente du comité.")),
            [None]
        );
    }
}
