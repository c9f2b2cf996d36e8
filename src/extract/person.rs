//! Person names: runs of capitalised words that are not places, institutions, months or sentence
//! openers, with the particles names carry ("Ag", "Ould", "ben"); and lone surnames after a title.

use super::{Ctx, PersonMention};
use crate::lexicon::Lex;
use crate::text::TokKind;

/// Lower-case particles that may stand inside a name.
const PARTICLES: &[&str] = &["ag", "ould", "ben", "bin", "ibn", "ben-", "wa", "dan"];

/// Abbreviated civilities that announce a name.
pub(crate) const CIVILITIES: &[&str] = &["m", "mme", "mlle", "me", "dr", "pr", "mgr"];

/// Whether token `i` can be part of a person's name.
fn name_token(ctx: &Ctx, i: usize) -> bool {
    let Some(t) = ctx.toks.get(i) else {
        return false;
    };
    if t.kind != TokKind::Word || !t.cap || t.all_caps && t.fold.len() > 1 {
        // Acronyms are institutions; single capitals ("X") are not names either.
        return false;
    }
    let raw = &ctx.raw[t.start..t.end];
    if raw.chars().count() < 2 || raw.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    !blocked(ctx, i)
}

/// Words that stop a name: places, institutions, titles, calendar words, sentence openers.
fn blocked(ctx: &Ctx, i: usize) -> bool {
    // Asked only of a one-word stopword hit: "Grace" is not "grâce".
    let unlike_stopword = || {
        ctx.toks.get(i).is_some_and(|t| {
            ctx.lex
                .unlike_stopword(t.fold.as_str(), &ctx.raw[t.start..t.end])
        })
    };
    ctx.hits_at(i).any(|h| {
        if h.lex == Lex::Stopword && h.end == i + 1 && unlike_stopword() {
            return false;
        }
        matches!(
            h.lex,
            Lex::Country(_)
                | Lex::CountryAdj(_)
                | Lex::Capital(_)
                | Lex::Region(_)
                | Lex::RegionAdj(_)
                | Lex::Office(_)
                | Lex::Portfolio(_)
                | Lex::Rank(_)
                | Lex::DocHead
                | Lex::OrgHead
                | Lex::Stopword
                | Lex::Month(_)
                | Lex::Weekday(_)
                | Lex::Event(_)
        ) && (h.end == i + 1
            || !matches!(h.lex, Lex::Office(_) | Lex::Portfolio(_) | Lex::Event(_)))
    })
}

fn is_given_name(ctx: &Ctx, i: usize) -> bool {
    ctx.is_lex(i, |l| l == Lex::GivenName)
}

/// Whether a title stands right before token `i` ("le général", "M.", "le président déchu").
fn titled(ctx: &Ctx, i: usize) -> bool {
    let mut j = i;
    // Skip past markers: "le président déchu Bazoum".
    while j > 0 && ctx.is_lex(j - 1, |l| l == Lex::Past) {
        j -= 1;
    }
    if j == 0 {
        return false;
    }
    let prev = &ctx.toks[j - 1];
    if prev.fold.as_str() == "." && j >= 2 && ctx.is_any(j - 2, CIVILITIES) {
        return true;
    }
    if ctx.is_any(j - 1, CIVILITIES) {
        return true;
    }
    // A rank or office word ending right before.
    (j.saturating_sub(4)..j).any(|s| {
        ctx.hits_at(s)
            .any(|h| h.end == j && matches!(h.lex, Lex::Rank(_) | Lex::Office(_)))
    })
}

fn sentence_initial(ctx: &Ctx, i: usize) -> bool {
    i == 0
        || ctx.toks.get(i - 1).is_some_and(|t| {
            t.kind == TokKind::Break
                || matches!(t.fold.as_str(), "." | "!" | "?" | "\"" | ":" | "-" | "(")
        })
}

/// A name part joined to its lower-case article by a hyphen: "al-Burhan", "el-Materi".
fn particle_joined(ctx: &Ctx, j: usize) -> bool {
    let Some(t) = ctx.toks.get(j) else {
        return false;
    };
    let raw = &ctx.raw[t.start..t.end];
    ["al-", "el-", "ad-", "ag-"].iter().any(|p| {
        raw.strip_prefix(p)
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_uppercase)
    })
}

pub(super) fn extract(ctx: &Ctx) -> Vec<PersonMention> {
    let toks = ctx.toks;
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !name_token(ctx, i) {
            // Skip a whole place or institution phrase ("Burkina Faso"), not just its first word.
            i = ctx
                .hits_at(i)
                .filter(|h| !matches!(h.lex, Lex::GivenName))
                .map(|h| h.end)
                .max()
                .unwrap_or(i + 1)
                .max(i + 1);
            continue;
        }
        let start = i;
        let mut j = i + 1;
        loop {
            if name_token(ctx, j) {
                j += 1;
            } else if ctx.is_any(j, PARTICLES) && name_token(ctx, j + 1) {
                j += 2;
            } else if particle_joined(ctx, j) {
                j += 1;
            } else {
                break;
            }
        }
        // "à Abidjan Fatoumata Coulibaly": a place glued before a given name is not part of it.
        let mut start = start;
        if j - start >= 3
            && start > 0
            && ctx.is_any(start - 1, &["a", "en", "depuis", "vers", "pres"])
            && !is_given_name(ctx, start)
            && is_given_name(ctx, start + 1)
        {
            start += 1;
        }
        let n = j - start;
        let title = titled(ctx, start);
        // A lone capitalised word after "de", "des", "l'" is a place or an institution.
        let after_connector = start > 0
            && ctx.is_any(
                start - 1,
                &[
                    "de", "du", "des", "d'", "l'", "la", "le", "les", "au", "aux", "en",
                ],
            );
        let keep = n >= 2 || title || !(sentence_initial(ctx, start) || after_connector);
        // A lone given name is not a person we can follow.
        let lone_given = n == 1 && is_given_name(ctx, start) && !title;
        if keep && !lone_given && n <= 5 {
            let parts = super::Parts::new(toks[start..j].iter().map(|t| &ctx.raw[t.start..t.end]));
            out.push(PersonMention {
                start: toks[start].start,
                end: toks[j - 1].end,
                parts,
                weak: n == 1 && !title,
                tok_start: start,
                tok_end: j,
            });
        }
        i = j;
    }
    out
}
