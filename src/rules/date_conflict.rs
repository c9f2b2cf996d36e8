//! `date-conflict`: one event of a kind that happens once per story (a coup, a signing, a summit, a
//! dismissal) given different dates by different documents.

use std::collections::BTreeMap;

use super::role_conflict::distinct;
use super::{Params, Rule, dated, doc_evidence};
use crate::finding::{Finding, Kind, Severity, count};
use crate::resolve::Model;
use crate::time::PartialDate;

pub const RULE: Rule = Rule {
    id: "date-conflict",
    kind: Kind::Date,
    default_severity: Severity::Warning,
    summary: "one event given different dates",
    doc: r#"## What it does

Pairs each event word of a kind that happens once per story (the language pack's `[[event]]`
entries with `once = true`: coup, signing, summit, dismissal, recall, disaster, a storm's
landfall, an entry into force or a decision taking effect, a reshuffle, a work's opening,
energisation or commissioning, the start of a strike, an epidemic's declaration ("l'épidémie de choléra déclarée le 16 août":
a cue that names the event only beside one of its words, the pack's `with` list) or its first
confirmed case, a border's
reopening, a nationalisation, a launch ("a été officiellement lancée le", "mis en circulation
le"), a release of detainees (not a sentence about batches or releases to come), the taking up of
a post ("a pris ses fonctions le", "passation de commandement")…) with the date its sentence gives ("a été signé le 12 mars", "a
limogé mardi", "dans la nuit du 10 au 11 août"). An overnight event is dated by the morning it
ends on ("a touché terre dans la nuit de dimanche à lundi" is Monday's).
Dates without a year take the document's year; a weekday alone is the latest such day on or before a
document dated to the day. Within one story, two documents that date the event to different days
a few weeks apart at most are reported. A story may hold several events of one kind (a withdrawal
and a levy that take effect weeks apart): each date is compared with the nearest date the other
document gives, so each event is reported against its own.

## Why it matters

Dates anchor the chronology readers rebuild from several articles; a wrong one reorders events.

## Example

    le Traité a été signé le 12 mars à Abidjan         (article A)
    ont signé vendredi 14 mars 2025 à Abidjan          (article B)

## Not flagged

- Partial dates compatible with full ones ("en mars 2025", "fin juillet" and "26 juillet 2025").
- Dates more than 45 days apart (another event of the same kind), and dates within one document.
- Events that recur (attacks, meetings, visits, appointments). A work energised one day and
  opened another are two events; a reshuffle still to come or an earlier one ("le précédent
  remaniement") dates nothing.
- A vote's date in a sentence about another round, a postponement or a planned date ("le second
  tour, prévu le 26 avril"), and a forecast landfall ("devrait avoir touché terre jeudi"); a date that belongs to an earlier event word of the sentence ("les
  résultats des législatives du 14/12 ont été proclamés mercredi").
- Two assemblies' votes on one text: "l'Assemblée nationale a adopté mardi" and "le Sénat a adopté
  jeudi" (an assembly named before the event word in its sentence).
- An event word inside an organisation's name ("la Commission nationale des élections").

## Configuration

Which events happen once is set in the language pack (`once = true`)."#,
    check,
};

struct Dated<'m> {
    doc: usize,
    start: usize,
    end: usize,
    date: PartialDate,
    /// The assembly that voted, when the sentence names one.
    body: Option<&'m str>,
}

fn check(model: &Model, _params: &Params) -> Vec<Finding> {
    let mut groups: BTreeMap<(usize, u16), Vec<Dated>> = BTreeMap::new();
    for (d, c) in model.claims.iter().enumerate() {
        for e in &c.event_dates {
            if let Some(date) = model.resolve_date(d, &c.dates[e.date]) {
                groups
                    .entry((model.stories[d], e.event))
                    .or_default()
                    .push(Dated {
                        doc: d,
                        start: e.start,
                        end: e.end,
                        date,
                        body: e.body.as_deref(),
                    });
            }
        }
    }
    let mut out = Vec::new();
    for ((_, event), mut ds) in groups {
        // One claim per document and date: repeats add nothing, and keep the comparisons few.
        let mut seen = std::collections::BTreeSet::new();
        ds.retain(|x| seen.insert((x.doc, x.date)));
        let clash = |a: &Dated, b: &Dated| {
            // The Senate's vote and the Assembly's on one text are two events.
            let one_body = a.body.is_none() || b.body.is_none() || a.body == b.body;
            a.doc != b.doc
                && one_body
                && a.date.day.is_some()
                && b.date.day.is_some()
                && !a.date.compatible(&b.date)
                && (a.date.first_day() - b.date.first_day()).abs() <= 45
        };
        // One story may hold several events of a kind (a withdrawal and a levy taking effect weeks
        // apart): each reference takes from every other document only its date nearest to it, and
        // only when the reference is also the nearest of its own document's dates to that one; what
        // a reference settles is set aside and the next is picked from the rest. References are
        // picked by how many other documents agree with them in the whole group (computed once:
        // the group's cost stays quadratic in its dates, as a single comparison's was).
        let support: Vec<usize> = ds
            .iter()
            .map(|x| {
                distinct(
                    ds.iter()
                        .filter(|o| o.doc != x.doc && o.date.compatible(&x.date))
                        .map(|o| o.doc),
                )
                .len()
            })
            .collect();
        // Each document's dates (indices into `ds`), and those set aside.
        let mut by_doc: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (i, x) in ds.iter().enumerate() {
            if x.date.day.is_some() {
                by_doc.entry(x.doc).or_default().push(i);
            }
        }
        let mut settled: Vec<bool> = ds.iter().map(|x| x.date.day.is_none()).collect();
        let gap = |a: &Dated, b: &Dated| (a.date.first_day() - b.date.first_day()).abs();
        while let Some(r) = (0..ds.len())
            .filter(|&i| !settled[i])
            .max_by_key(|&i| (support[i], std::cmp::Reverse(ds[i].doc)))
        {
            let reference = &ds[r];
            // Of `doc`'s dates not set aside, the one nearest to `x` (the first on a tie).
            let nearest_in = |doc: usize, x: &Dated| {
                by_doc
                    .get(&doc)
                    .into_iter()
                    .flatten()
                    .copied()
                    .filter(|&i| !settled[i])
                    .min_by_key(|&i| gap(&ds[i], x))
            };
            let agrees = |doc: usize| {
                by_doc[&doc]
                    .iter()
                    .any(|&i| !settled[i] && ds[i].date.compatible(&reference.date))
            };
            let wrong: Vec<usize> = by_doc
                .keys()
                .filter(|&&d| d != reference.doc && !agrees(d))
                .filter_map(|&d| nearest_in(d, reference))
                .filter(|&w| {
                    clash(&ds[w], reference) && nearest_in(reference.doc, &ds[w]) == Some(r)
                })
                .collect();
            let mut is_wrong = vec![false; ds.len()];
            for &w in &wrong {
                is_wrong[w] = true;
            }
            // Partial dates ("en mars") agree too.
            let agreeing: Vec<usize> = (0..ds.len())
                .filter(|&i| ds[i].date.compatible(&reference.date) && !is_wrong[i])
                .collect();
            for &i in std::iter::once(&r).chain(&wrong).chain(&agreeing) {
                settled[i] = true;
            }
            if !wrong.is_empty() {
                let wrong: Vec<&Dated> = wrong.iter().map(|&i| &ds[i]).collect();
                let agreeing: Vec<&Dated> = agreeing.iter().map(|&i| &ds[i]).collect();
                out.push(finding(model, event, reference, &wrong, &agreeing));
            }
        }
    }
    out
}

/// One finding: the dates `wrong` gives against `reference`'s, with `agreeing` the dates that
/// agree with the reference.
fn finding(
    model: &Model,
    event: u16,
    reference: &Dated,
    wrong: &[&Dated],
    agreeing: &[&Dated],
) -> Finding {
    let text = |x: &Dated| model.docs[x.doc].slice(x.start, x.end).to_string();
    let mut evidence = Vec::new();
    let mut seen = Vec::new();
    // Every wrong side, and the reference alone on the right side: two agreeing sources side by
    // side would read as a disagreement between them.
    for x in wrong.iter().copied().chain(std::iter::once(reference)) {
        if seen.contains(&x.doc) || seen.len() >= 6 {
            continue;
        }
        seen.push(x.doc);
        evidence.push(doc_evidence(
            x.doc,
            x.start,
            x.end,
            x.date.to_string(),
            format!("dated {} here{}", x.date, dated(model, x.doc)),
        ));
    }
    let what = &model.lex.pack.event[event as usize].id;
    Finding {
        rule: RULE.id,
        wrong: seen
            .iter()
            .filter(|d| wrong.iter().any(|w| w.doc == **d))
            .count(),
        fixes: Vec::new(),
        kind: RULE.kind,
        severity: Severity::Warning,
        subject: what.clone(),
        message: format!(
            "the {what} is dated {} in one source and {} in another",
            wrong[0].date, reference.date
        ),
        help: Some({
            let n = distinct(agreeing.iter().map(|x| x.doc)).len();
            format!(
                "{} {} {}; check the date of `{}`",
                count(n, "source"),
                if n == 1 { "gives" } else { "give" },
                reference.date,
                text(wrong[0])
            )
        }),
        evidence,
    }
}
