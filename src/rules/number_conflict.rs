//! `number-conflict`: one story gives the same count (a death toll, a number of member states or
//! ministers) values that no approximate wording reconciles.

use std::collections::BTreeMap;

use super::role_conflict::distinct;
use super::{Params, Rule, dated, doc_evidence, first_per_doc};
use crate::extract::CountClaim;
use crate::extract::YEAR_MARK;
use crate::finding::{Finding, Kind, Severity, count};
use crate::resolve::Model;

pub const RULE: Rule = Rule {
    id: "number-conflict",
    kind: Kind::Number,
    default_severity: Severity::Warning,
    summary: "one story gives one count values no approximation reconciles",
    doc: r#"## What it does

Reads counts ("54 morts", "au moins 30 000 sinistrés", "une cinquantaine de morts", "onze États
membres", "un gouvernement de 32 membres") as the interval of values their wording allows, and
compares, within one story (documents that share people, acronyms or named texts), the counts of one
counted thing — the groups of the language pack's `[[counted]]` table (dead, injured, displaced,
member states, ministers…) — and each candidate's vote share ("crédité de 53,66 % des suffrages").
A party's seats and votes ("l'ARI remporte 167 des 255 sièges", the nouns the language pack lists
under `by_organisation`) are compared per party, the acronym named just before them. Counts whose
intervals do not meet are reported. Money amounts ("420 millions de dollars", "1,2
milliard d'euros", "15 milliards de FCFA", "1 200 millions de nairas": the currencies of the
language pack's `[[currency]]` table, where a national dollar or franc is its own currency) are
compared only when two figures of one currency are written with the same
digits in another order ("240 millions"): a story names many sums, but a swapped pair is one sum
miscopied. So is a sum most articles of the story give (two at least) that one article gives with
one digit changed ("450 dollars par tonne" against "350"), when the two sentences share three
content words near the sum, name no different years, and that article does not give the usual
figure too; approximate sums ("autour de 32 000 francs CFA") are left out. So are counts of things no group lists ("adopté par 204 voix" against "par 240 voix",
"1 254 participants" against "1 524", "96 bureaux de vote" against "69", "350 camions" against
"530", "3,7 millions d'habitants" against "7,3 millions"), from two digits up when they differ;
a noun the pack lists with its complement may drop it from a hundred up ("dans 2 413 bureaux" for
"bureaux de vote"). So are percentages of one thing other than a vote: a stake ("35 % du capital"
against "53 % du capital") or a rate ("un prélèvement de 0,5 %"), named by the noun after the
figure or before it.

A vote's tally ("adoptée par 12 voix pour, aucune contre et 3 abstentions") is read as votes for,
votes against and abstentions, each compared within a story; tallies of two assemblies named
before them ("le Sénat", "l'Assemblée nationale") are two votes, and so are two tallies in one
article. The signatories of a text ("neuf
groupes armés ont signé", "les onze groupes armés signataires", "signé par sept pays") are one count
of those things, compared wherever the text named nearest them (else the text the article names
most) is named, even months apart. Signatories are states, parties and armed groups: people who
sign a petition are counted as it grows.

## Why it matters

A death toll or a membership figure is what readers remember and quote; two figures for one fact
mean one outlet copied it wrong.

## Example

    les inondations ont fait 54 morts      (article A, 15 August)
    le bilan officiel de 45 morts          (article B, August)

## Not flagged

- Approximations that cover each other: "une cinquantaine" and 54; "au moins 30 000" and
  "plus de 35 000"; "près de 40" and 42; "près de mille cinq cents" (number words written apart
  are one number) and 1 480; "un peu plus de 54 %" and 54,3 %.
- A vote share from a final result (its sentence says "définitif", "final") against a provisional
  one: a court may annul polling stations and move the figure.
- A toll that rises in a later article (an update), for counts that accumulate (dead, injured,
  displaced, arrested) — unless the later figure is the earlier one with its leading digits
  swapped ("36 400 sinistrés", then "63 400": three significant digits at least), a miscopy.
- Counts that move both ways over time (missing people, hostages) given on different days.
- Vague plurals ("des dizaines de morts", "des milliers de déplacés").
- Counts tied to different events in their sentences (an attack and a flood).
- "112 voix contre 21" (112 for), "1 200 voix pour le candidat" (a candidate's votes): no tally.
- Things counted outside a signing ("14 groupes armés restent actifs") against the signatories.
- Different sums of one currency (a loan, a tranche, a total cost) whose digits differ (one digit
  apart, in sentences that do not share their words, or given side by side in one article), and
  different counts of a thing no group lists whose digits differ (or are one digit, or two equal
  ones: "11").

## Configuration

The counted groups and the nouns of each are in the language pack (`[[counted]]`)."#,
    check,
};

/// Two exact figures written with the same digits in another order, the leading digit changed,
/// with three significant digits at least ("36 400" and "63 400"). A toll that rises by a few may
/// swap its last digits ("145", then "154") and a short one its two ("13", then "31"): those are
/// left to the update rule.
fn swapped_leading_digits(a: &CountClaim, b: &CountClaim) -> bool {
    fn digits(mut v: u64) -> ([u8; 10], u32, u64) {
        let mut seen = [0u8; 10];
        let mut significant = 0;
        let mut trailing = true;
        let mut lead = v;
        while v > 0 {
            let d = v % 10;
            if d != 0 || !trailing {
                trailing = false;
                significant += 1;
            }
            seen[d as usize] += 1;
            lead = v;
            v /= 10;
        }
        (seen, significant, lead)
    }
    if a.high != Some(a.low) || b.high != Some(b.low) || a.low == b.low {
        return false;
    }
    let (da, sa, la) = digits(a.low);
    let (db, sb, lb) = digits(b.low);
    da == db && sa >= 3 && sb >= 3 && la != lb
}

struct Count<'a> {
    doc: usize,
    claim: &'a CountClaim,
}

fn check(model: &Model, _params: &Params) -> Vec<Finding> {
    let counted: Vec<&str> = model
        .lex
        .pack
        .counted
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    // (story, counted thing, whose count) → counts.
    // (story, counted thing, digits of an amount, whose count) → counts. A story names many
    // sums of one currency (a loan, a total cost, a tranche): only figures written with the same
    // digits in another order ("420" and "240 millions") are taken for one sum miscopied.
    // A party's seats or votes are its own count: (…, whose count, which organisation's).
    type Key<'m> = (usize, &'m str, String, Option<usize>, Option<&'m str>);
    let mut groups: BTreeMap<Key, Vec<Count>> = BTreeMap::new();
    let mut texts: BTreeMap<&str, usize> = BTreeMap::new();
    for (d, c) in model.claims.iter().enumerate() {
        for claim in &c.counts {
            // Vague plurals ("des dizaines") contradict nothing.
            let vague = claim.high.is_some_and(|h| h + 1 >= claim.low * 5)
                && claim.low >= 20
                && claim.high != Some(claim.low);
            let whose = claim.holder.and_then(|m| model.entity_of(d, m));
            if claim.holder.is_some() && whose.is_none() {
                continue;
            }
            let amount = claim.what.starts_with("amount:");
            let org = claim.org.as_deref();
            // A thing no counted group lists ("204 voix", "1 254 participants"): a story counts
            // many such things, so only figures written with the same digits in another order are
            // taken for one figure miscopied, as sums are.
            let other = !amount
                && whose.is_none()
                && org.is_none()
                && !counted.contains(&claim.what.as_str())
                && !claim.what.starts_with(crate::extract::SIGNATORIES);
            let digits = if amount || other {
                let mut d: Vec<char> = model.docs[d]
                    .slice(claim.start, claim.end)
                    .chars()
                    .filter(char::is_ascii_digit)
                    .collect();
                // Two digits are enough when they differ ("96" / "69 bureaux de vote"): a
                // transposition, where "11" / "11" is no figure miscopied.
                if d.len() < 2 || (!amount && d.len() == 2 && d[0] == d[1]) {
                    continue;
                }
                d.sort_unstable();
                d.into_iter().collect()
            } else {
                String::new()
            };
            // The signatories of a text are compared wherever the text is named: an analysis
            // months later recalls who signed it, outside the story's window. The text is the
            // one named nearest the count, else the one the document names most.
            let story = if claim.what.starts_with(crate::extract::SIGNATORIES)
                && let Some(t) = nearest_text(&c.named, claim.start).or_else(|| main_text(&c.named))
            {
                let next = model.docs.len() + texts.len();
                *texts.entry(t).or_insert(next)
            } else {
                model.stories[d]
            };
            if !vague {
                groups
                    .entry((story, claim.what.as_str(), digits, whose, org))
                    .or_default()
                    .push(Count { doc: d, claim });
            }
        }
    }
    let mut out = Vec::new();
    for ((_, what, digits, whose, org), mut counts) in groups {
        let by_digits = !digits.is_empty();
        let changes = model
            .lex
            .pack
            .counted
            .iter()
            .any(|c| c.id == what && c.changes);
        // One count per document and value: repeats add nothing, and keep the comparisons few.
        let mut seen = std::collections::BTreeSet::new();
        counts.retain(|c| {
            seen.insert((
                c.doc,
                c.claim.low,
                c.claim.high,
                c.claim.final_figure,
                c.claim.event,
            ))
        });
        if distinct(counts.iter().map(|c| c.doc)).len() < 2 {
            continue;
        }
        // One article giving two tallies, or two signatory counts of one text, tells of several
        // votes or signings: which one another article means is unknown.
        let one_event =
            crate::extract::TALLY.contains(&what) || what.starts_with(crate::extract::SIGNATORIES);
        if one_event
            && counts.iter().any(|a| {
                counts
                    .iter()
                    .any(|b| a.doc == b.doc && !a.claim.overlaps(b.claim))
            })
        {
            continue;
        }
        let amount = what.starts_with("amount:");
        let clash = |a: &Count, b: &Count| -> bool {
            if a.doc == b.doc || a.claim.overlaps(b.claim) {
                return false;
            }
            if by_digits {
                return true;
            }
            // A final result (a court's, after annulled polling stations) may move a provisional
            // share: only two provisional or two final shares can contradict each other.
            if what == "vote-share" && a.claim.final_figure != b.claim.final_figure {
                return false;
            }
            // Two assemblies' votes on one text (the Assembly's, then the Senate's).
            if let (Some(x), Some(y)) = (&a.claim.body, &b.claim.body)
                && x != y
            {
                return false;
            }
            if let (Some(x), Some(y)) = (a.claim.event, b.claim.event)
                && x != y
            {
                return false;
            }
            if changes {
                // Only figures of one day can contradict each other.
                let (ia, ib) = (model.doc_interval(a.doc), model.doc_interval(b.doc));
                let one_day = |i: &crate::time::Interval| i.start.zip(i.end);
                return one_day(&ia).is_some() && one_day(&ia) == one_day(&ib);
            }
            if a.claim.accumulates {
                // The same exact figure with its leading digits swapped ("36 400 sinistrés", then
                // "63 400"): one figure miscopied, not an update, whichever article is later.
                if swapped_leading_digits(a.claim, b.claim) {
                    return true;
                }
                // Nothing may exceed a final toll.
                let exceeds = |x: &CountClaim, y: &CountClaim| {
                    y.final_figure && y.high.is_some_and(|h| x.low > h)
                };
                if exceeds(a.claim, b.claim) || exceeds(b.claim, a.claim) {
                    return true;
                }
                // A later, higher toll is an update.
                let (ia, ib) = (model.doc_interval(a.doc), model.doc_interval(b.doc));
                let a_first = ia.end.zip(ib.start).is_some_and(|(e, s)| e <= s);
                let b_first = ib.end.zip(ia.start).is_some_and(|(e, s)| e <= s);
                // A toll can only fall by mistake; when the order is unknown the lower figure may
                // simply be the earlier one.
                let a_lower = a.claim.high.is_some_and(|h| h < b.claim.low);
                return (a_first && !a_lower) || (b_first && a_lower);
            }
            true
        };
        // The reference: the count most other documents agree with.
        let support = |c: &Count| {
            distinct(
                counts
                    .iter()
                    .filter(|o| o.doc != c.doc && o.claim.overlaps(c.claim))
                    .map(|o| o.doc),
            )
            .len()
        };
        // A final toll is the reference for a count that accumulates.
        let Some(reference) = counts.iter().max_by_key(|c| {
            (
                c.claim.accumulates && c.claim.final_figure,
                support(c),
                std::cmp::Reverse(c.doc),
            )
        }) else {
            continue;
        };
        // Wrong: a count that no approximation reconciles with the reference or with a count
        // agreeing with it (a toll of 7, then 11, then 7 again: the 11 is the odd one out).
        let agrees = |c: &Count| c.claim.overlaps(reference.claim);
        let wrong: Vec<&Count> = counts
            .iter()
            .filter(|c| !agrees(c) && counts.iter().any(|a| agrees(a) && clash(c, a)))
            .collect();
        if wrong.is_empty() {
            continue;
        }
        let agreeing: Vec<&Count> = counts
            .iter()
            .filter(|c| {
                c.claim.overlaps(reference.claim) && !wrong.iter().any(|w| std::ptr::eq(*w, *c))
            })
            .collect();
        let text = |c: &Count| {
            model.docs[c.doc]
                .slice(c.claim.start, c.claim.end)
                .to_string()
        };
        let mut evidence = Vec::new();
        let mut seen = Vec::new();
        // Every wrong side, the reference, then the other documents that agree with it (labelled
        // as agreeing, so that two of them side by side do not read as a disagreement), six
        // documents at most.
        let others = agreeing.iter().filter(|c| !std::ptr::eq(**c, reference));
        for (k, c) in wrong
            .iter()
            .chain(std::iter::once(&reference))
            .chain(others)
            .enumerate()
        {
            if seen.contains(&c.doc) || seen.len() >= 6 {
                continue;
            }
            seen.push(c.doc);
            let label = if k > wrong.len() {
                format!("`{}` here too{}", text(c), dated(model, c.doc))
            } else {
                format!("`{}` here{}", text(c), dated(model, c.doc))
            };
            evidence.push(doc_evidence(
                c.doc,
                c.claim.start,
                c.claim.end,
                text(c),
                label,
            ));
        }
        let n_ref = distinct(agreeing.iter().map(|c| c.doc)).len();
        let shown = what
            .strip_prefix(crate::extract::SIGNATORIES)
            .map(|w| format!("signatory {w}"));
        let what = shown.as_deref().unwrap_or(what);
        out.push(Finding {
            rule: RULE.id,
            wrong: seen
                .iter()
                .filter(|d| wrong.iter().any(|w| w.doc == **d))
                .count(),
            fixes: Vec::new(),
            kind: RULE.kind,
            severity: Severity::Warning,
            subject: match (whose, org) {
                (Some(e), _) => model.entities[e].name.clone(),
                (None, Some(o)) => o.to_uppercase(),
                (None, None) => what.replace("amount:", "amount in "),
            },
            message: match whose {
                Some(e) => format!(
                    "{}'s {what} is `{}` in one source and `{}` in another",
                    model.entities[e].name,
                    text(wrong[0]),
                    text(reference)
                ),
                None if org.is_some() => format!(
                    "{}'s {what} is `{}` in one source and `{}` in another",
                    org.unwrap_or_default().to_uppercase(),
                    text(wrong[0]),
                    text(reference)
                ),
                None if amount => format!(
                    "an amount is `{}` in one source and `{}` in another: the same digits in \
                     another order",
                    text(wrong[0]),
                    text(reference)
                ),
                None if what.starts_with("percent:") => format!(
                    "a percentage is `{}` in one source and `{}` in another: the same digits in \
                     another order",
                    text(wrong[0]),
                    text(reference)
                ),
                // A noun no group lists: its folded form ("salaries" for "salariés") would read
                // as another word; the figures show it as written.
                None if by_digits => format!(
                    "a count is `{}` in one source and `{}` in another: the same digits in \
                     another order",
                    text(wrong[0]),
                    text(reference)
                ),
                None => format!(
                    "the count of {what} is `{}` in one source and `{}` in another",
                    text(wrong[0]),
                    text(reference)
                ),
            },
            help: Some(format!(
                "{} agree with `{}`; no approximate wording reconciles `{}`: check the figure{}",
                count(n_ref, "source"),
                text(reference),
                text(wrong[0]),
                if wrong[0].claim.accumulates {
                    " and the dates (a toll may have been updated)"
                } else {
                    ""
                }
            )),
            evidence,
        });
    }
    out.extend(one_digit_amounts(model));
    out
}

/// Two exact figures of one length that differ in one digit ("450" and "350", "4,7" and "4,2
/// milliards"), with two significant digits at least.
fn one_digit_apart(a: u64, b: u64) -> bool {
    let (x, y) = (a.to_string(), b.to_string());
    let significant = |s: &str| s.trim_end_matches('0').len();
    x.len() == y.len()
        && a != b
        && significant(&x).min(significant(&y)) >= 2
        && x.bytes().zip(y.bytes()).filter(|(p, q)| p != q).count() == 1
}

/// How many context words two amounts share for one sum written in the same words.
const SHARED_WORDS: usize = 3;

/// A sum most articles of a story give, written in one article with one digit changed ("450
/// dollars par tonne" in three, "350 dollars par tonne" in one), in the same words around it
/// (three content words of its sentence at least). Only a figure no other article gives, in an
/// article that does not also give the usual one (it would tell of two sums).
fn one_digit_amounts(model: &Model) -> Vec<Finding> {
    // (story, currency) → (doc, claim) of exact amounts.
    let mut groups: BTreeMap<(usize, &str), Vec<Count>> = BTreeMap::new();
    for (d, c) in model.claims.iter().enumerate() {
        for claim in &c.counts {
            if claim.what.starts_with("amount:")
                && claim.high == Some(claim.low)
                && claim.context.is_some()
            {
                groups
                    .entry((model.stories[d], claim.what.as_str()))
                    .or_default()
                    .push(Count { doc: d, claim });
            }
        }
    }
    let shared = |a: &CountClaim, b: &CountClaim| {
        let (Some(x), Some(y)) = (&a.context, &b.context) else {
            return 0;
        };
        let year = |w: &&u16| **w & YEAR_MARK != 0;
        // Sentences that name years, none in common, tell of two sums.
        if x.iter().any(|w| year(&w))
            && y.iter().any(|w| year(&w))
            && !x.iter().filter(year).any(|w| y.binary_search(w).is_ok())
        {
            return 0;
        }
        x.iter()
            .filter(|w| !year(w) && y.binary_search(w).is_ok())
            .count()
    };
    let mut out = Vec::new();
    for ((_, what), counts) in groups {
        // Each value with the documents that give it, computed once for the pairs below.
        let mut docs_of: BTreeMap<u64, Vec<usize>> = BTreeMap::new();
        for c in &counts {
            docs_of.entry(c.claim.low).or_default().push(c.doc);
        }
        for docs in docs_of.values_mut() {
            docs.sort_unstable();
            docs.dedup();
        }
        for (&usual, usual_docs) in &docs_of {
            if usual_docs.len() < 2 {
                continue;
            }
            for (&odd, odd_docs) in &docs_of {
                if odd_docs.len() != 1
                    || !one_digit_apart(usual, odd)
                    || usual_docs.iter().any(|d| odd_docs.contains(d))
                {
                    continue;
                }
                let Some(wrong) = counts.iter().find(|c| c.claim.low == odd) else {
                    continue;
                };
                let right: Vec<&Count> = first_per_doc(counts.iter().filter(|c| {
                    c.claim.low == usual && shared(wrong.claim, c.claim) >= SHARED_WORDS
                }));
                if right.is_empty() {
                    continue;
                }
                let text = |c: &Count| {
                    model.docs[c.doc]
                        .slice(c.claim.start, c.claim.end)
                        .to_string()
                };
                let mut evidence = vec![doc_evidence(
                    wrong.doc,
                    wrong.claim.start,
                    wrong.claim.end,
                    text(wrong),
                    format!("`{}` here{}", text(wrong), dated(model, wrong.doc)),
                )];
                for (k, c) in right.iter().take(5).enumerate() {
                    let too = if k > 0 { " too" } else { "" };
                    evidence.push(doc_evidence(
                        c.doc,
                        c.claim.start,
                        c.claim.end,
                        text(c),
                        format!("`{}` here{too}{}", text(c), dated(model, c.doc)),
                    ));
                }
                out.push(Finding {
                    rule: RULE.id,
                    wrong: 1,
                    fixes: Vec::new(),
                    kind: RULE.kind,
                    severity: Severity::Warning,
                    subject: what.replace("amount:", "amount in "),
                    message: format!(
                        "an amount is `{}` in one source and `{}` in {}, in the same words: one \
                         digit changed",
                        text(wrong),
                        text(right[0]),
                        count(usual_docs.len(), "other")
                    ),
                    help: Some(format!(
                        "{} give `{}` in a sentence that shares its words with this one: check \
                         the figure",
                        count(usual_docs.len(), "source"),
                        text(right[0])
                    )),
                    evidence,
                });
            }
        }
    }
    out
}

impl super::InDoc for Count<'_> {
    fn doc(&self) -> usize {
        self.doc
    }
}

/// How far (in bytes) a named text may stand from a count of its signatories.
const TEXT_REACH: usize = 400;

/// The named text nearest to byte `at`, within `TEXT_REACH`.
fn nearest_text(named: &[crate::extract::NamedMention], at: usize) -> Option<&str> {
    named
        .iter()
        .filter(|m| m.class == crate::extract::NamedClass::Document)
        .map(|m| {
            let d = if m.end <= at {
                at - m.end
            } else {
                m.start.saturating_sub(at)
            };
            (d, m.key.as_str())
        })
        .filter(|(d, _)| *d <= TEXT_REACH)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// The named text a document names most often (the first of the most named), if any.
fn main_text(named: &[crate::extract::NamedMention]) -> Option<&str> {
    let mut n: BTreeMap<&str, (usize, std::cmp::Reverse<usize>)> = BTreeMap::new();
    for (i, m) in named.iter().enumerate() {
        if m.class == crate::extract::NamedClass::Document {
            n.entry(m.key.as_str())
                .or_insert((0, std::cmp::Reverse(i)))
                .0 += 1;
        }
    }
    n.into_iter().max_by_key(|(_, v)| *v).map(|(k, _)| k)
}

#[cfg(test)]
mod tests {
    use super::swapped_leading_digits;
    use crate::extract::CountClaim;

    fn exact(v: u64) -> CountClaim {
        CountClaim {
            start: 0,
            end: 0,
            what: "displaced".into(),
            accumulates: true,
            low: v,
            high: Some(v),
            event: None,
            final_figure: false,
            holder: None,
            org: None,
            body: None,
            context: None,
        }
    }

    #[test]
    fn one_digit_apart_needs_one_length_and_two_significant_digits() {
        assert!(super::one_digit_apart(450, 350));
        assert!(super::one_digit_apart(4_700_000_000, 4_200_000_000));
        assert!(!super::one_digit_apart(450, 540));
        assert!(!super::one_digit_apart(300, 400));
        assert!(!super::one_digit_apart(450, 1450));
        assert!(!super::one_digit_apart(450, 450));
    }

    #[test]
    fn a_toll_with_its_leading_digits_swapped_is_one_figure_miscopied() {
        assert!(swapped_leading_digits(&exact(36_400), &exact(63_400)));
        assert!(swapped_leading_digits(&exact(1_250), &exact(2_150)));
        // The last digits of a rising toll, a two-digit toll, other digits, one figure.
        assert!(!swapped_leading_digits(&exact(145), &exact(154)));
        assert!(!swapped_leading_digits(&exact(13), &exact(31)));
        assert!(!swapped_leading_digits(&exact(36_400), &exact(65_400)));
        assert!(!swapped_leading_digits(&exact(36_400), &exact(36_400)));
        // A bound is no exact figure.
        let mut at_least = exact(63_400);
        at_least.high = None;
        assert!(!swapped_leading_digits(&exact(36_400), &at_least));
    }
}
