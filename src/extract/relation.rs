//! Relations between two named people: "X, proche de Y", "X, tombeur de Y", "X a renversé Y",
//! "Y, renversé par X".

use super::{Ctx, OfficeClaim, OfficeRelationClaim, PersonMention, RelationClaim};
use crate::lexicon::Lex;

/// How long a tie has lasted, said between a cue's "de" and the person: "adversaire de toujours
/// du président", "alliée de longue date de", "compagnon de la première heure de".
const SINCE: &[&[&str]] = &[
    &["toujours"],
    &["longue", "date"],
    &["vieille", "date"],
    &["la", "premiere", "heure"],
    &["trente", "ans"],
    &["vingt", "ans"],
    &["dix", "ans"],
];

/// Matches `cue` (folded words) at token `i`; a final "de" also matches "du", "des" and "d'", and
/// may be followed by how long the tie has lasted ("adversaire de toujours du président").
// Out of line: inlined into the loop over the cues it cost more instructions (callgrind).
#[inline(never)]
fn cue_at(ctx: &Ctx, i: usize, cue: &[String]) -> Option<usize> {
    let e = cue_at_loose(ctx, i, cue)?;
    if cue.last().is_some_and(|w| w == "de") && ctx.is(e - 1, "de") {
        for since in SINCE {
            let n = since.len();
            // "opposant de longue date au ministre": the tie's length, then "à" or "de".
            if (0..n).all(|k| ctx.is(e + k, since[k]))
                && ctx.is_any(e + n, &["de", "du", "des", "d'", "a", "au", "aux"])
            {
                return Some(e + n + 1);
            }
        }
    }
    Some(e)
}

/// [`cue_at`] without the length of the tie.
fn cue_at_loose(ctx: &Ctx, i: usize, cue: &[String]) -> Option<usize> {
    cue_at_exact(ctx, i, cue).or_else(|| {
        // One adjective before a final "de": "allié politique de", "proche conseiller de".
        let (last, head) = cue.split_last()?;
        if head.is_empty() || last != "de" {
            return None;
        }
        let e = cue_at_exact(ctx, i, head)?;
        let t = ctx.toks.get(e)?;
        let adjective = t.kind == crate::text::TokKind::Word
            && !t.cap
            && t.fold.len() > 3
            && !t.fold.ends_with("ment");
        (adjective && ctx.is_any(e + 1, &["de", "du", "des", "d'"])).then_some(e + 2)
    })
}

/// Two ascending lists of indices merged into one ascending sequence.
fn merged<'a>(a: &'a [u32], b: &'a [u32]) -> impl Iterator<Item = u32> + 'a {
    let (mut a, mut b) = (a.iter().peekable(), b.iter().peekable());
    std::iter::from_fn(move || match (a.peek(), b.peek()) {
        (Some(&&x), Some(&&y)) if x <= y => a.next().copied(),
        (Some(_), Some(_)) => b.next().copied(),
        (Some(_), None) => a.next().copied(),
        (None, _) => b.next().copied(),
    })
}

fn cue_at_exact(ctx: &Ctx, i: usize, cue: &[String]) -> Option<usize> {
    for (n, w) in cue.iter().enumerate() {
        let t = ctx.toks.get(i + n)?;
        let last = n + 1 == cue.len();
        // A final preposition also matches its contractions: "de" → "du", "des", "d'"; "à" → "au", "aux".
        let ok = t.fold.as_str() == w.as_str()
            || (last && w == "de" && ["du", "des", "d'"].contains(&t.fold.as_str()))
            || (last && w == "a" && ["au", "aux"].contains(&t.fold.as_str()));
        if !ok {
            return None;
        }
    }
    Some(i + cue.len())
}

/// Adverbs and intensifiers that may stand before a cue: "pourtant grand adversaire de", "aussi
/// proche de", "vieil allié de". ("ancien" is not one: a former ally is no ally now.)
const BEFORE_CUE: &[&str] = &[
    "pourtant",
    "toutefois",
    "cependant",
    "neanmoins",
    "desormais",
    "aussi",
    "egalement",
    "grand",
    "grande",
    "vieil",
    "vieux",
    "vieille",
    "principal",
    "principale",
    "irreductible",
    "eternel",
    "eternelle",
];

/// After a cue: articles, titles and offices that may stand before the second name, an office
/// with its portfolio too ("adversaire du ministre de la Pêche X").
fn skip_to_name(ctx: &Ctx, mut j: usize) -> usize {
    for _ in 0..4 {
        if ctx.is_any(j, &["le", "la", "l'", "les", "son", "sa", "ancien", "ex"]) {
            j += 1;
            continue;
        }
        if let Some(p) = super::office::phrase_at(ctx, j)
            .filter(|p| p.tok_end > j + 1 && ctx.person_at(p.tok_end).is_some())
        {
            j = p.tok_end;
            continue;
        }
        if let Some((e, ())) = ctx.find_at(j, |l| {
            matches!(
                l,
                Lex::Rank(_) | Lex::Office(_) | Lex::Past | Lex::CountryAdj(_)
            )
            .then_some(())
        }) {
            j = e;
            continue;
        }
        break;
    }
    j
}

/// The one person the article names as holding the office `p` names without a country ("le
/// Premier ministre", "le ministre de la Pêche"), other than the relation's subject: offices not
/// marked as past, of the same organisation, sharing a portfolio with `p` when it names one (a
/// minister without a portfolio stands for nobody). None when two people hold it.
fn sole_holder(
    ctx: &Ctx,
    persons: &[PersonMention],
    offices: &[OfficeClaim],
    p: &super::office::Phrase,
    subject: usize,
) -> Option<usize> {
    let minister = ctx
        .lex
        .pack
        .office
        .get(p.office as usize)
        .is_some_and(|o| o.class == "minister");
    if minister && p.portfolios.is_empty() {
        return None;
    }
    let mut found: Option<usize> = None;
    for c in offices {
        let fits = !c.past
            && c.office == p.office
            && c.org == p.org
            && (p.portfolios.is_empty() || c.portfolios.iter().any(|x| p.portfolios.contains(x)));
        if !fits || persons[c.holder].parts == persons[subject].parts {
            continue;
        }
        match found {
            Some(f) if persons[f].parts != persons[c.holder].parts => return None,
            Some(_) => {}
            None => found = Some(c.holder),
        }
    }
    found
}

pub(super) fn extract(
    ctx: &Ctx,
    persons: &[PersonMention],
    offices: &[OfficeClaim],
) -> (Vec<RelationClaim>, Vec<OfficeRelationClaim>) {
    let cues = &ctx.lex.relation_cues;
    let mut out = Vec::new();
    let mut to_office = Vec::new();
    for (si, subject) in persons.iter().enumerate() {
        let mut j = subject.tok_end;
        if ctx.is(j, ",") {
            j += 1;
        }
        if ctx.is_any(j, &["qui", "lui-meme", "elle-meme"]) {
            j += 1;
        }
        // "X, un proche du président Y", "X, l'un des proches de Y".
        let mut skipped = 0;
        while skipped < 2 && ctx.is_any(j, &["un", "une", "le", "la", "l'"]) {
            j += 1;
            skipped += 1;
        }
        // The cue right after the name, or after an apposition that ends in "," or "et":
        // "X, président de la transition et tombeur de Y". Longest cue first.
        let apposed = ctx.is(subject.tok_end, ",");
        let longest_at = |mut k: usize| {
            // A predicate: "X est un proche de Y", "X, chef d'état-major, reste l'un des plus
            // proches collaborateurs de Y" ("était" is a tie of the past, "n'est pas" none).
            if ctx.is_any(k, &["est", "reste", "demeure"]) {
                k += 1;
                let mut articles = 0;
                while articles < 2 && ctx.is_any(k, &["un", "une", "le", "la", "l'"]) {
                    k += 1;
                    articles += 1;
                }
            }
            let mut skipped = 0;
            while skipped < 2 && ctx.is_any(k, BEFORE_CUE) {
                k += 1;
                skipped += 1;
            }
            let first = ctx.toks.get(k).map_or("", |t| t.fold.as_str());
            // The cues that can start here, in the pack's order (the last longest wins).
            let by_first = ctx
                .lex
                .relation_cues_by_first
                .get(first)
                .map_or(&[][..], Vec::as_slice);
            merged(by_first, &ctx.lex.relation_cues_any_start)
                .filter_map(|i| cues.get(i as usize))
                .filter_map(|(kind, c)| cue_at(ctx, k, c).map(|e| (*kind, e)))
                .max_by_key(|(_, e)| *e)
        };
        let mut found = longest_at(j).map(|(kind, e)| (kind, e, j));
        // An apposition may hold an organisation and its acronym or dates in parentheses: "X,
        // secrétaire général de l'Union des dockers (UDD) et proche de Y", "X, ancien ministre
        // des Mines (2019-2021) et allié de Y".
        let mut k = j + 1;
        while found.is_none() && apposed && k < j + 16 && !ctx.sentence_end(k) {
            if ctx.is(k, "(")
                && let Some(close) = (k + 1..k + 6).find(|&c| ctx.is(c, ")"))
            {
                k = close + 1;
                continue;
            }
            if ctx.person_at(k).is_some() || ctx.is_any(k, &["\"", "(", ")"]) {
                break;
            }
            if ctx.is_any(k - 1, &[",", "et"]) {
                found = longest_at(k).map(|(kind, e)| (kind, e, k));
            }
            k += 1;
        }
        let Some((kind, e, j)) = found else {
            continue;
        };
        let name = skip_to_name(ctx, e);
        let Some(oi) = ctx.person_at(name) else {
            // No name: the holder of an office of a country, "un proche du président burundais".
            let mut o = e;
            while ctx.is_any(o, &["le", "la", "l'"]) {
                o += 1;
            }
            if let Some(p) = super::office::phrase_at(ctx, o)
                && ctx.person_at(p.tok_end).is_none()
            {
                let end = ctx.toks[p.tok_end - 1].end;
                if let Some(country) = p.country {
                    to_office.push(OfficeRelationClaim {
                        subject: si,
                        office: p.office,
                        country,
                        kind,
                        start: ctx.toks[j].start,
                        end,
                    });
                } else if let Some(oi) = sole_holder(ctx, persons, offices, &p, si) {
                    // "X, farouche adversaire du Premier ministre": the one person the article
                    // names as holding that office.
                    out.push(RelationClaim {
                        subject: si,
                        object: oi,
                        kind,
                        start: ctx.toks[j].start,
                        end,
                    });
                }
            }
            continue;
        };
        out.push(RelationClaim {
            subject: si,
            object: oi,
            kind,
            start: ctx.toks[j].start,
            end: persons[oi].end,
        });
    }
    (out, to_office)
}

#[cfg(test)]
mod tests {
    use super::merged;

    #[test]
    fn cue_lists_merge_in_the_packs_order() {
        let all: Vec<u32> = merged(&[1, 4, 9], &[0, 4, 5, 12]).collect();
        assert_eq!(all, [0, 1, 4, 4, 5, 9, 12]);
        assert_eq!(merged(&[], &[3]).collect::<Vec<_>>(), [3]);
        assert_eq!(merged(&[2], &[]).collect::<Vec<_>>(), [2]);
    }
}
