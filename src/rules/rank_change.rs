//! `rank-change`: one person given different military ranks — a promotion over time is noted,
//! two ranks at once or a fall is reported.

use std::collections::BTreeMap;

use super::{Params, Rule, dated, doc_evidence, kb_evidence};
use crate::finding::{Finding, Kind, Severity};
use crate::resolve::Model;
use crate::text::fold;

pub const RULE: Rule = Rule {
    id: "rank-change",
    kind: Kind::Role,
    default_severity: Severity::Warning,
    summary: "one person given incompatible military ranks",
    doc: r#"## What it does

Reads ranks written before names ("le colonel X", "le général de brigade X") or in apposition
after them ("X, général de brigade,") and compares them,
in time order, for each person. Ranks are ordered by the language pack (capitaine < commandant <
colonel < général de brigade < … < général d'armée).

## Why it matters

A rank is a fact with a date: "colonel" in a 2025 article about a man promoted general in 2024 is
stale copy; two ranks in one article is a slip.

## Example

    le colonel X … (June 2024)        le général X … (November 2024)    → info: a promotion
    le général X … le colonel X  (one article)                        → warning

## Not flagged

- A rise over time (`info`), and any rank the knowledge base gives for the document's date. A
  rise between two articles dated within two weeks of each other, neither of which says the
  person was promoted, is reported (`warning`): "le colonel X" on 3 September and "le général X"
  on 10 September is one rank miscopied.
- Two ranks in one article that says the person was promoted to the higher one ("le colonel X …
  a été promu général de brigade", "élevé au grade de", "le lieutenant-colonel X, promu à ce
  grade le 5 septembre").
- "le colonel X … a été promu général de brigade" is itself read as a claim of the new rank.
- A bare "général" against a precise general rank ("général d'armée").
- "Général" after a title ("le procureur général X", "le secrétaire général X"): an adjective, no
  rank.

## Configuration

None."#,
    check,
};

struct Claim {
    doc: usize,
    start: usize,
    end: usize,
    rank: u16,
    /// The document says the person was promoted to this rank.
    promoted: bool,
    /// As written.
    text: String,
    /// Folded, for matching.
    key: String,
}

/// Whether a claimed rank fits a rank: the same, or a bare word that begins it ("général" and
/// "général d'armée").
fn fits(model: &Model, claim: &Claim, rank: u16) -> bool {
    // Only general officers are called by a bare title ("le général X"); "capitaine" is not a
    // short form of "capitaine de frégate".
    const GENERAL_OFFICER_STEP: u32 = 70;
    let pack = &model.lex.pack;
    let generic = pack.rank[claim.rank as usize].step >= GENERAL_OFFICER_STEP
        && pack.rank[rank as usize].step >= GENERAL_OFFICER_STEP;
    // Only the words written count: "général de brigade" does not fit "général de division",
    // although the brigade general's entry also lists the bare "général".
    claim.rank == rank
        || generic
            && model.lex.pack.rank[rank as usize]
                .forms
                .iter()
                .any(|f| fold(f).starts_with(&format!("{} ", claim.key)))
}

/// Two articles dated this close that give a person two ranks, and neither says the person was
/// promoted, disagree: a promotion between them would be news the later one reports.
const PROMOTION_UNSAID_DAYS: i64 = 14;

fn check(model: &Model, _params: &Params) -> Vec<Finding> {
    let pack = &model.lex.pack;
    let mut by_entity: BTreeMap<usize, Vec<Claim>> = BTreeMap::new();
    for (d, c) in model.claims.iter().enumerate() {
        for r in &c.ranks {
            if let Some(e) = model.entity_of(d, r.holder) {
                by_entity.entry(e).or_default().push(Claim {
                    doc: d,
                    start: r.start,
                    end: r.end,
                    rank: r.rank,
                    promoted: r.promoted,
                    text: model.docs[d].slice(r.start, r.end).to_string(),
                    key: fold(model.docs[d].slice(r.start, r.end)),
                });
            }
        }
    }
    let mut out = Vec::new();
    for (e, mut claims) in by_entity {
        // Ranks each document says the person was promoted to.
        let promotions: std::collections::BTreeSet<(usize, u16)> = claims
            .iter()
            .filter(|c| c.promoted)
            .map(|c| (c.doc, c.rank))
            .collect();
        // One claim per document and rank: repeats add nothing, and keep the pairs few.
        let mut seen = std::collections::BTreeSet::new();
        claims.retain(|c| seen.insert((c.doc, c.rank)));
        let entity = &model.entities[e];
        // The knowledge base first.
        if let Some(p) = entity.kb.map(|k| &model.kb.persons[k]) {
            let mut wrong = Vec::new();
            let mut used = Vec::new();
            for c in &claims {
                let when = model.doc_interval(c.doc);
                let held: Vec<_> = p
                    .ranks
                    .iter()
                    .filter(|k| {
                        k.interval
                            .start
                            .is_none_or(|s| when.end.is_none_or(|e| s < e))
                            && when
                                .start
                                .is_none_or(|s| k.interval.end.is_none_or(|e| s < e))
                    })
                    .collect();
                if !held.is_empty() && !held.iter().any(|k| fits(model, c, k.rank)) {
                    wrong.push(c);
                    used.extend(held);
                }
            }
            if !wrong.is_empty() {
                let mut evidence: Vec<_> = wrong
                    .iter()
                    .map(|c| {
                        doc_evidence(
                            c.doc,
                            c.start,
                            c.end,
                            c.text.clone(),
                            format!("called {} here{}", c.text, dated(model, c.doc)),
                        )
                    })
                    .collect();
                for k in &used {
                    evidence.push(kb_evidence(
                        k.span,
                        k.label.clone(),
                        format!("{} is {} at that date", p.name, k.label),
                    ));
                }
                out.push(Finding {
                    rule: RULE.id,
                    wrong: wrong.len(),
                    fixes: Vec::new(),
                    kind: RULE.kind,
                    severity: Severity::Error,
                    subject: entity.name.clone(),
                    message: format!(
                        "{} is given the rank `{}`, which they did not hold at that date",
                        entity.name, wrong[0].text
                    ),
                    help: Some(format!(
                        "the knowledge base ({}) gives: {}",
                        model.kb.files[used[0].span.file].path,
                        used.iter()
                            .map(|k| k.label.clone())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                    evidence,
                });
                continue;
            }
        }
        // Corpus only: order the claims in time.
        let step = |c: &Claim| pack.rank[c.rank as usize].step;
        let mut worst = None;
        for (i, a) in claims.iter().enumerate() {
            for b in &claims[i + 1..] {
                if fits(model, a, b.rank) || fits(model, b, a.rank) {
                    continue;
                }
                let (ia, ib) = (model.doc_interval(a.doc), model.doc_interval(b.doc));
                // One article with both ranks that says the person was promoted to the higher
                // one: "le colonel X … a été promu général de brigade".
                let higher = if step(a) >= step(b) { a } else { b };
                if a.doc == b.doc && promotions.contains(&(a.doc, higher.rank)) {
                    continue;
                }
                let severity = if a.doc == b.doc {
                    Severity::Warning
                } else {
                    // Which came first, when the dates say so.
                    let a_first = ia.end.zip(ib.start).is_some_and(|(e, s)| e <= s);
                    let b_first = ib.end.zip(ia.start).is_some_and(|(e, s)| e <= s);
                    // A fall is a conflict; a rise, or an order the dates do not give, a note —
                    // unless the two articles are a few days apart and neither says the person
                    // was promoted: a colonel is not made a general between two reports of one
                    // week without the second saying so.
                    let falls = (a_first && step(a) > step(b)) || (b_first && step(b) > step(a));
                    let to_the_day = |d: usize| model.date(d).is_some_and(|p| p.day.is_some());
                    let close = to_the_day(a.doc)
                        && to_the_day(b.doc)
                        && ia
                            .start
                            .zip(ib.start)
                            .is_some_and(|(x, y)| (x - y).abs() <= PROMOTION_UNSAID_DAYS);
                    let said = promotions.contains(&(higher.doc, higher.rank));
                    if falls || (close && !said) {
                        Severity::Warning
                    } else {
                        Severity::Info
                    }
                };
                if worst.is_none_or(|(s, _, _): (Severity, &Claim, &Claim)| severity > s) {
                    worst = Some((severity, a, b));
                }
            }
        }
        let Some((severity, a, b)) = worst else {
            continue;
        };
        let (lo, hi) = if step(a) <= step(b) { (a, b) } else { (b, a) };
        out.push(Finding {
            rule: RULE.id,
            wrong: 0,
            fixes: Vec::new(),
            kind: RULE.kind,
            severity,
            subject: entity.name.clone(),
            message: if severity == Severity::Info {
                format!("{} is `{}` in one source and `{}` in a later one: a promotion", entity.name, lo.text, hi.text)
            } else {
                format!("{} is given two ranks: `{}` and `{}`", entity.name, a.text, b.text)
            },
            help: Some(if severity == Severity::Info {
                "ranks rise over time; nothing to fix unless the later article predates the promotion".into()
            } else {
                "a rank cannot fall, and one person holds one rank at a time: check the dates and the rank".into()
            }),
            evidence: [a, b]
                .iter()
                .map(|c| doc_evidence(c.doc, c.start, c.end, c.text.clone(), format!("`{}` here{}", c.text, dated(model, c.doc))))
                .collect(),
        });
    }
    out
}
