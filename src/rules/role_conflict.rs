//! `role-conflict`: one person given offices that cannot hold at the same time.

use std::collections::BTreeMap;

use super::{Params, Rule, dated, doc_evidence, file_name, kb_evidence};
use crate::finding::{Finding, Kind, Severity, count};
use crate::lexicon::Lexicon;
use crate::resolve::Model;
use crate::time::Interval;

pub const RULE: Rule = Rule {
    id: "role-conflict",
    kind: Kind::Role,
    default_severity: Severity::Warning,
    summary: "one person given incompatible offices at the same time",
    doc: r#"## What it does

Reads the offices the articles give each person ("le ministre malien de la Défense, X",
"X, ministre des Affaires étrangères du Mali", "le président burkinabè, X", "le ministre d'État
chargé de l'Énergie, X", "X, ministre de l'Économie, des Finances et du Plan", "le secrétaire
d'État à la Coopération, X", "la présidente de la Commission électorale nationale indépendante
(CENI), X", "X, à la tête du ministère des Mines", "X, titulaire du portefeuille de
l'Intérieur", "le ministre en charge de l'Énergie, X", "la ministre X, chargée de la Santé", "X,
ministre d'État, ministre des Finances", "la ministre de la Communication, porte-parole du gouvernement,
X", "X, l'actuel ministre de la Santé", "X, qui est ministre de l'Éducation", a minister a reshuffle
keeps: "X conserve le ministère de la Santé", "X est maintenue à la Santé"; an office after "auprès de" is not the holder's, nor a
file after "chargé du dossier") and reports a person
given two offices that cannot hold at once: two ministerial portfolios that share nothing, the
same kind of office (head of state, head of government, chief of staff…) in two countries, or two
posts of one organisation ("président de l'UNDC" and "secrétaire général de l'Union nationale pour
le développement du Cameroun (UNDC)": the organisation is named by its acronym when one is given),
the party of the story named only as "le parti" being one organisation ("trésorier du parti" and
"secrétaire général du parti"), or the same governorship or mayoralty of two places ("gouverneur
de Sfax", "gouverneur de Gabès", "gouverneure de la province de Potosí" and "… d'Oruro"), or the
president of two institutions of the pack's `single_seat` list ("président du Conseil
constitutionnel", "président de la Cour suprême"), the director general of a company and the chair of
its board ("président du conseil d'administration", read as its president), or the
chief of staff of two services ("chef d'état-major général des armées", "chef d'état-major de
l'armée de terre"; a bare "chef d'état-major" agrees with any), or the spokesperson of two bodies
("porte-parole de l'armée", "porte-parole de la police"; a bare "porte-parole" agrees with any),
or a deputy and the head it stands in for ("vice-Premier ministre" and "Premier ministre",
"vice-président" and "président", "vice-gouverneur" and "gouverneur").

## Why it matters

Calling the foreign minister the defence minister is the commonest factual slip in wire copy that
is rewritten in a hurry, and it is invisible to a reader of one article.

## Example

    « … », a déclaré le ministre malien de la Défense, Abdoulaye Diop.      (article A)
    Abdoulaye Diop, ministre des Affaires étrangères du Mali, …              (article B)

With a knowledge base that knows the office, the claims it contradicts are errors and its entry is
shown; without one, the disagreement is a warning with the count of sources on each side.

## Not flagged

- Descriptions of one office: "chef de la junte", "président de la Transition", "président malien".
- Portfolios that overlap: "Affaires étrangères" and "Affaires étrangères et Coopération".
- A post of an organisation and an office of state ("président de l'UNDC" and "ministre des
  Sports"), or posts of organisations written differently (they may be one or two). The head of
  an agency or an institute ("directeur de l'Institut national de la santé") and the governor of a
  central bank ("gouverneur de la Banque centrale du Congo", "de la Banque de Zambie") are the
  exception: called a minister at the same time, one of the two is wrong. So is a post of a
  ministry ("secrétaire général du ministère de la Santé"): its holder is neither a minister nor
  the head of an agency. A minister who is his
  country's governor at a development bank ("gouverneur de la Banque mondiale pour le Malawi") is
  not.
- Two spellings of one seat: a governorship or mayoralty of two places is reported only when
  the names are two one-word names ("Sfax", "Gabès") or two names with one head ("région du
  Nord", "région de l'Est") that are not spelling variants of each other.
- Offices marked as past: "l'ancien ministre de la Défense", "le président déchu".
- Claims further apart in time than the window (a reshuffle), reported as `info`.
- An office an article says is new ("X, devenu ministre de l'Économie", "le nouveau ministre",
  "depuis le remaniement du 3 février, X est ministre de…"): the other offices of articles no
  later than it are explained (`info` when nothing else is left). An article dated after it that
  still gives the old office is reported, against the new one only.

## Configuration

`same-time-window-days` (default 180): claims further apart than this may be a reshuffle."#,
    check,
};

/// An office as a claim or the knowledge base states it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Office {
    pub office: u16,
    pub portfolios: Vec<u16>,
    pub country: Option<u16>,
    /// The organisation it is a post of, folded ("undc"), if any.
    pub org: Option<String>,
}

impl Office {
    /// Two offices that one person cannot hold at the same time. Posts of an organisation
    /// conflict only with another post of the same organisation, written the same way
    /// ("président de l'UNDC" and "secrétaire général de l'UNDC"): a party leader may be a
    /// minister, and two spellings of a name may be one organisation or two.
    pub fn conflicts(&self, other: &Office, lex: &Lexicon) -> bool {
        let class = |o: u16| lex.pack.office[o as usize].class.as_str();
        if self.org.is_some() || other.org.is_some() {
            if self.org == other.org {
                return self.office != other.office;
            }
            // A governor or a mayor holds one seat: "gouverneur de Sfax" and "gouverneur de
            // Gabès" (or of "la région du Nord" and "la région de l'Est").
            if self.office == other.office
                && matches!(class(self.office), "governor" | "mayor")
                && let (Some(a), Some(b)) = (&self.org, &other.org)
                && other_seat(a, b)
            {
                return true;
            }
            // The president of a court, a constitutional council or an electoral commission
            // heads no other of them: "président du Conseil constitutionnel" and "président de la
            // Cour suprême".
            if self.office == other.office
                && let (Some(a), Some(b)) = (&self.org, &other.org)
                && let (Some(x), Some(y)) = (single_seat(a, lex), single_seat(b, lex))
                && x != y
            {
                return true;
            }
            // The head of an agency or an institute, or the governor of a central bank, is not a
            // minister at the same time.
            let head_and_minister = |a: &Office, b: &Office| {
                a.org.as_deref().is_some_and(|org| {
                    class(a.office) == "director"
                        || (class(a.office) == "governor" && central_bank(org, lex))
                }) && b.org.is_none()
                    && class(b.office) == "minister"
            };
            // A post of a ministry ("secrétaire général du ministère de la Santé") is held by
            // neither the head of an agency nor a minister.
            let ministry_post = |a: &Office, b: &Office| {
                a.org.as_deref().is_some_and(is_ministry)
                    && (b.org.is_none() && class(b.office) == "minister"
                        || class(b.office) == "director"
                            && b.org.as_deref().is_some_and(|o| !is_ministry(o)))
            };
            return head_and_minister(self, other)
                || head_and_minister(other, self)
                || ministry_post(self, other)
                || ministry_post(other, self);
        }
        // The deputy is not the head (the pack's `deputy_of`): "vice-président" and
        // "président", "vice-Premier ministre" and "Premier ministre", "vice-gouverneur" and
        // "gouverneur" (of one country, when both say which).
        let deputy = |a: &Office, b: &Office| {
            lex.pack.office[a.office as usize].deputy_of.as_deref() == Some(class(b.office))
                && !matches!((a.country, b.country), (Some(x), Some(y)) if x != y)
        };
        if deputy(self, other) || deputy(other, self) {
            return true;
        }
        if class(self.office) != class(other.office) {
            return false;
        }
        if let (Some(a), Some(b)) = (self.country, other.country)
            && a != b
        {
            return true;
        }
        !self.portfolios.is_empty()
            && !other.portfolios.is_empty()
            && !self.portfolios.iter().any(|p| other.portfolios.contains(p))
    }

    pub fn label(&self, lex: &Lexicon) -> String {
        let pack = &lex.pack;
        let mut s = if self.portfolios.is_empty() {
            pack.office[self.office as usize].label.clone()
        } else {
            self.portfolios
                .iter()
                .map(|&p| pack.portfolio[p as usize].label.clone())
                .collect::<Vec<_>>()
                .join(" / ")
        };
        if let Some(c) = self.country {
            s.push_str(&format!(" ({})", lex.country_name(c)));
        }
        if let Some(o) = &self.org {
            match o.strip_prefix("ministere ") {
                // "secrétaire général of the ministry of the ministre de la Santé".
                Some(ids) => {
                    let heads: Vec<String> = ids
                        .split(' ')
                        .filter_map(|id| pack.portfolio.iter().find(|p| p.id == id))
                        .map(|p| p.label.clone())
                        .collect();
                    s.push_str(&format!(" of the ministry of the {}", heads.join(" / ")));
                }
                None => s.push_str(&format!(
                    " of {}",
                    crate::extract::OfficeClaim::org_label(o)
                )),
            }
        }
        s
    }
}

/// Whether an office's organisation is a ministry ("ministere sante", as extraction names it).
fn is_ministry(org: &str) -> bool {
    org.starts_with("ministere ")
}

/// Whether two folded seats of one office are two places, not one written two ways: two different
/// one-word names ("sfax", "gabes"; acronyms too), or two names with the same head and
/// complements that are not spelling variants ("region du nord", "region de l'est").
fn other_seat(a: &str, b: &str) -> bool {
    if a == b {
        return false;
    }
    let (wa, wb) = (a.split(' ').count(), b.split(' ').count());
    if wa == 1 && wb == 1 {
        return true;
    }
    wa > 1
        && wb > 1
        && a.split(' ').next() == b.split(' ').next()
        && !a.contains(b)
        && !b.contains(a)
        && strsim::normalized_levenshtein(a, b) < 0.8
}

/// The institution of the pack's `single_seat` list an organisation key names ("cour supreme",
/// "cour supreme burundi"), if any.
fn single_seat<'l>(org: &str, lex: &'l Lexicon) -> Option<&'l str> {
    lex.single_seats
        .iter()
        .find(|k| {
            org.strip_prefix(k.as_str())
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
        })
        .map(String::as_str)
}

/// Whether an organisation's folded key names a central bank: "banque centrale …", "banque
/// nationale …", or a bank named after a country ("Banque de Zambie", "Banque de la République
/// d'Haïti"). Development banks ("Banque mondiale", "Banque africaine de développement") are not:
/// finance ministers sit on their boards as governors.
fn central_bank(org: &str, lex: &Lexicon) -> bool {
    let Some(rest) = org.strip_prefix("banque ") else {
        return false;
    };
    if rest.starts_with("centrale") || rest.starts_with("nationale") {
        return true;
    }
    let rest = rest.strip_prefix("republique ").unwrap_or(rest);
    lex.pack.country.iter().any(|c| {
        crate::text::fold(&c.name) == rest || c.forms.iter().any(|f| crate::text::fold(f) == rest)
    })
}

struct Claim {
    doc: usize,
    start: usize,
    end: usize,
    office: Office,
    /// Its sentence reports a change of office.
    change: bool,
}

fn check(model: &Model, params: &Params) -> Vec<Finding> {
    let lex = model.lex;
    let mut by_entity: BTreeMap<usize, Vec<Claim>> = BTreeMap::new();
    for (d, c) in model.claims.iter().enumerate() {
        for o in c.offices.iter().filter(|o| !o.past) {
            if let Some(e) = model.entity_of(d, o.holder) {
                by_entity.entry(e).or_default().push(Claim {
                    doc: d,
                    start: o.start,
                    end: o.end,
                    office: Office {
                        office: o.office,
                        portfolios: o.portfolios.clone(),
                        country: o.country,
                        org: o.org.clone(),
                    },
                    change: o.change,
                });
            }
        }
    }
    let mut out = Vec::new();
    for (e, mut claims) in by_entity {
        // One claim per document and office: repeats add nothing, and keep the pairs few.
        let changed: std::collections::BTreeSet<(usize, Office)> = claims
            .iter()
            .filter(|c| c.change)
            .map(|c| (c.doc, c.office.clone()))
            .collect();
        let mut seen = std::collections::BTreeSet::new();
        claims.retain(|c| seen.insert((c.doc, c.office.clone())));
        for c in &mut claims {
            c.change = changed.contains(&(c.doc, c.office.clone()));
        }
        let entity = &model.entities[e];
        let kb_person = entity.kb.map(|k| &model.kb.persons[k]);
        // Against the knowledge base: a claim no office held at the document's date allows.
        let mut wrong: Vec<usize> = Vec::new();
        let mut kb_used = Vec::new();
        if let Some(p) = kb_person {
            for (i, c) in claims.iter().enumerate() {
                let when = model.doc_interval(c.doc);
                let held: Vec<_> = p
                    .offices
                    .iter()
                    .filter(|k| overlaps(&k.interval(), &when))
                    .collect();
                let comparable: Vec<_> = held
                    .iter()
                    .filter(|k| {
                        lex.pack.office[k.office as usize].class
                            == lex.pack.office[c.office.office as usize].class
                    })
                    .collect();
                if !comparable.is_empty()
                    && comparable.iter().all(|k| {
                        c.office.conflicts(
                            &Office {
                                office: k.office,
                                portfolios: k.portfolios.clone(),
                                country: k.country,
                                org: None,
                            },
                            lex,
                        )
                    })
                {
                    wrong.push(i);
                    for k in comparable {
                        if !kb_used
                            .iter()
                            .any(|u: &&crate::kb::KbOffice| u.span == k.span)
                        {
                            kb_used.push(*k);
                        }
                    }
                }
            }
        }
        if !wrong.is_empty() {
            let Some(p) = kb_person else { continue };
            let right: Vec<usize> = (0..claims.len()).filter(|i| !wrong.contains(i)).collect();
            let evidence_for = |i: usize, agrees: &str| {
                let c = &claims[i];
                let label = c.office.label(lex);
                doc_evidence(
                    c.doc,
                    c.start,
                    c.end,
                    label.clone(),
                    format!("called {label} here{agrees}{}", dated(model, c.doc)),
                )
            };
            let mut evidence: Vec<_> = wrong.iter().map(|&i| evidence_for(i, "")).collect();
            evidence.extend(
                right
                    .iter()
                    .map(|&i| evidence_for(i, ", as the knowledge base says")),
            );
            let kb_labels: Vec<String> = kb_used
                .iter()
                .map(|k| format!("{} {}", k.title, k.when()).trim().to_string())
                .collect();
            for k in &kb_used {
                evidence.push(kb_evidence(
                    k.span,
                    k.title.clone(),
                    format!("{} holds this office {}", p.name, k.when()),
                ));
            }
            let wrong_labels = distinct(wrong.iter().map(|&i| claims[i].office.label(lex)));
            out.push(Finding {
                rule: RULE.id,
                wrong: wrong.len(),
                fixes: Vec::new(),
                kind: RULE.kind,
                severity: Severity::Error,
                subject: entity.name.clone(),
                message: format!(
                    "{} is called {} but holds another office",
                    entity.name,
                    wrong_labels
                        .iter()
                        .map(|l| format!("`{l}`"))
                        .collect::<Vec<_>>()
                        .join(" and ")
                ),
                help: Some(format!(
                    "the knowledge base ({}) says: {} is {}",
                    model.kb.files[kb_used[0].span.file].path,
                    p.name,
                    kb_labels.join("; ")
                )),
                evidence,
            });
            continue;
        }
        // Corpus only: two claims that conflict and can hold at the same time.
        let (conflicting, over_time) = conflicts_in_time(model, &claims, params);
        let involved: Vec<&Claim> = claims
            .iter()
            .zip(&conflicting)
            .filter(|(_, c)| **c)
            .map(|(c, _)| c)
            .collect();
        if involved.is_empty() && !over_time {
            continue;
        }
        let (severity, involved): (Severity, Vec<&Claim>) = if involved.is_empty() {
            (Severity::Info, claims.iter().collect())
        } else {
            (Severity::Warning, involved)
        };
        // An article that says the office is new (the latest such claim) explains the other
        // offices of articles no later than it: they are left out. Articles after it that still
        // give another office contradict it; if there are none, the finding is only `info`.
        let mut change = None;
        let (severity, involved) = match newest_change(model, &involved) {
            Some(c) if severity == Severity::Warning => {
                let later: Vec<&Claim> = involved
                    .iter()
                    .filter(|o| o.office == c.office || later_than(model, o, c))
                    .copied()
                    .collect();
                if later.iter().any(|o| o.office != c.office) {
                    (Severity::Warning, later)
                } else {
                    change = Some(c);
                    (Severity::Info, involved)
                }
            }
            _ => (severity, involved),
        };
        // Sides: documents per office label, the smaller side first.
        let mut sides: BTreeMap<String, Vec<&Claim>> = BTreeMap::new();
        for c in &involved {
            sides.entry(c.office.label(lex)).or_default().push(c);
        }
        let mut sides: Vec<(String, Vec<&Claim>)> = sides.into_iter().collect();
        sides.sort_by_key(|(_, cs)| distinct(cs.iter().map(|c| c.doc)).len());
        if sides.len() < 2 {
            continue;
        }
        let mut evidence = Vec::new();
        for (label, cs) in &sides {
            for c in cs {
                evidence.push(doc_evidence(
                    c.doc,
                    c.start,
                    c.end,
                    label.clone(),
                    format!("called {label} here{}", dated(model, c.doc)),
                ));
            }
        }
        let tally: Vec<String> = sides
            .iter()
            .rev()
            .map(|(l, cs)| {
                format!(
                    "{} say `{l}`",
                    count(distinct(cs.iter().map(|c| c.doc)).len(), "source")
                )
            })
            .collect();
        let labels = |sep: &str| {
            sides
                .iter()
                .map(|(l, _)| format!("`{l}`"))
                .collect::<Vec<_>>()
                .join(sep)
        };
        out.push(Finding {
            rule: RULE.id,
            wrong: 0,
            fixes: Vec::new(),
            kind: RULE.kind,
            severity,
            subject: entity.name.clone(),
            message: if let Some(c) = change {
                format!(
                    "{} is given {} offices, and {} reports a change of office",
                    entity.name,
                    labels(" and "),
                    file_name(model, c.doc)
                )
            } else if severity == Severity::Info {
                format!(
                    "{} is given different offices at different times: {}",
                    entity.name,
                    labels(" then ")
                )
            } else {
                format!(
                    "{} is given {} offices: {}",
                    entity.name,
                    if sides.len() == 2 {
                        "two".to_string()
                    } else {
                        sides.len().to_string()
                    },
                    labels(" and ")
                )
            },
            help: Some(if let Some(c) = change {
                format!(
                    "`{}` is the office after an appointment or a reshuffle reported in {}; the other articles may predate it: check their dates",
                    c.office.label(lex),
                    file_name(model, c.doc)
                )
            } else if severity == Severity::Info {
                "the claims are far apart in time: a reshuffle is likely; check the dates".into()
            } else {
                format!(
                    "{}; no knowledge base settles it — check an official source",
                    tally.join(", ")
                )
            }),
            evidence,
        });
    }
    out
}

/// Which claims conflict with another one that can hold at the same time, and whether some
/// conflicting pair is further apart than the window. Claims are grouped by office (a person has
/// few) and each pair of conflicting groups is compared through sorted date intervals: the cost
/// grows with the number of claims, not with its square (a head of state is named in thousands of
/// articles).
fn conflicts_in_time(model: &Model, claims: &[Claim], params: &Params) -> (Vec<bool>, bool) {
    let lex = model.lex;
    let w = params.same_time_window_days;
    let mut groups: BTreeMap<&Office, Vec<usize>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        groups.entry(&c.office).or_default().push(i);
    }
    let groups: Vec<(&Office, Vec<usize>)> = groups.into_iter().collect();
    // A claim's dates as `same_time` reads them: [start, end), or none (it fits any time).
    let span = |i: usize| {
        let iv = model.doc_interval(claims[i].doc);
        iv.start.map(|s| (s, iv.end.unwrap_or(s + 1)))
    };
    let mut conflicting = vec![false; claims.len()];
    let mut over_time = false;
    for (x, (oa, a)) in groups.iter().enumerate() {
        for (ob, b) in &groups[x + 1..] {
            if !oa.conflicts(ob, lex) {
                continue;
            }
            if w < 0 {
                // Not a window the configuration allows; compared pair by pair.
                for &i in a {
                    for &j in b {
                        if same_time(model, claims[i].doc, claims[j].doc, params) {
                            conflicting[i] = true;
                            conflicting[j] = true;
                        } else {
                            over_time = true;
                        }
                    }
                }
                continue;
            }
            for (from, to) in [(a, b), (b, a)] {
                let near = Near::new(to.iter().map(|&j| span(j)));
                for &i in from {
                    conflicting[i] |= near.any_within(span(i), w);
                }
            }
            // Some dated pair more than the window apart: one starts after the other ends by more.
            let dated =
                |g: &[usize]| -> Vec<(i64, i64)> { g.iter().filter_map(|&i| span(i)).collect() };
            let (da, db) = (dated(a), dated(b));
            let apart = |x: &[(i64, i64)], y: &[(i64, i64)]| match (
                x.iter().map(|s| s.0).max(),
                y.iter().map(|s| s.1).min(),
            ) {
                (Some(latest_start), Some(earliest_end)) => latest_start - earliest_end > w,
                _ => false,
            };
            over_time |= apart(&da, &db) || apart(&db, &da);
        }
    }
    (conflicting, over_time)
}

/// A group of claims' date intervals, to ask whether any lies within a window of a given one.
struct Near {
    /// Some claim of the group has no date: it may hold at any time.
    undated: bool,
    /// Dated intervals sorted by start, and the latest end among each prefix.
    starts: Vec<i64>,
    latest_end: Vec<i64>,
}

impl Near {
    fn new(spans: impl Iterator<Item = Option<(i64, i64)>>) -> Self {
        let mut undated = false;
        let mut dated = Vec::new();
        for s in spans {
            match s {
                Some(s) => dated.push(s),
                None => undated = true,
            }
        }
        dated.sort_unstable();
        let mut latest = i64::MIN;
        let latest_end = dated
            .iter()
            .map(|&(_, e)| {
                latest = latest.max(e);
                latest
            })
            .collect();
        Near {
            undated,
            starts: dated.iter().map(|&(s, _)| s).collect(),
            latest_end,
        }
    }

    /// Whether some interval of the group is at most `w` (≥ 0) days from `span` — `same_time`'s
    /// test: the gap is max(0, start − other end, other start − end), so it is within `w` exactly
    /// when the other starts by `end + w` and ends at `start − w` or later.
    fn any_within(&self, span: Option<(i64, i64)>, w: i64) -> bool {
        let Some((start, end)) = span else {
            return self.undated || !self.starts.is_empty();
        };
        if self.undated {
            return true;
        }
        let k = self.starts.partition_point(|&s| s <= end + w);
        k > 0 && self.latest_end[k - 1] >= start - w
    }
}

/// The latest claim said to be a new office ("devenu ministre", "depuis le remaniement").
fn newest_change<'c>(model: &Model, involved: &[&'c Claim]) -> Option<&'c Claim> {
    involved
        .iter()
        .filter(|c| c.change)
        .max_by_key(|c| (model.doc_interval(c.doc).start, std::cmp::Reverse(c.doc)))
        .copied()
}

/// Whether claim `o` comes from an article dated after `c`'s (both dates known).
fn later_than(model: &Model, o: &Claim, c: &Claim) -> bool {
    match (
        model.doc_interval(o.doc).start,
        model.doc_interval(c.doc).start,
    ) {
        (Some(a), Some(b)) => a > b,
        _ => false,
    }
}

fn overlaps(a: &Interval, b: &Interval) -> bool {
    a.start.is_none_or(|s| b.end.is_none_or(|e| s < e))
        && b.start.is_none_or(|s| a.end.is_none_or(|e| s < e))
}

/// Whether two documents' claims may describe the same moment.
pub(crate) fn same_time(model: &Model, a: usize, b: usize, params: &Params) -> bool {
    let (ia, ib) = (model.doc_interval(a), model.doc_interval(b));
    match (ia.start, ib.start) {
        (Some(sa), Some(sb)) => {
            let ea = ia.end.unwrap_or(sa + 1);
            let eb = ib.end.unwrap_or(sb + 1);
            let gap = if sa >= eb {
                sa - eb
            } else if sb >= ea {
                sb - ea
            } else {
                0
            };
            gap <= params.same_time_window_days
        }
        _ => true,
    }
}

pub(crate) fn distinct<T: Ord>(it: impl Iterator<Item = T>) -> Vec<T> {
    let mut v: Vec<T> = it.collect();
    v.sort();
    v.dedup();
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `same_time`'s gap, for two [start, end) intervals.
    fn gap(a: (i64, i64), b: (i64, i64)) -> i64 {
        if a.0 >= b.1 {
            a.0 - b.1
        } else if b.0 >= a.1 {
            b.0 - a.1
        } else {
            0
        }
    }

    #[test]
    fn central_banks_are_told_from_development_banks() {
        let lex = Lexicon::default_fr();
        assert!(central_bank("banque centrale congo", &lex));
        assert!(central_bank("banque zambie", &lex));
        assert!(central_bank("banque republique haiti", &lex));
        assert!(!central_bank("banque mondiale", &lex));
        assert!(!central_bank("banque africaine developpement", &lex));
        assert!(!central_bank("bceao", &lex));
    }

    #[test]
    fn the_interval_sweep_answers_as_the_pairwise_test() {
        // Every small interval against groups drawn from a fixed pseudo-random sequence.
        let mut seed = 7u64;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            ((seed >> 33) % n) as i64
        };
        for _ in 0..300 {
            let size = next(5) as usize;
            let group: Vec<Option<(i64, i64)>> = (0..size)
                .map(|_| {
                    let s = next(60);
                    (next(6) > 0).then(|| (s, s + 1 + next(20)))
                })
                .collect();
            let near = Near::new(group.iter().copied());
            for w in [0, 3, 10] {
                for s in 0..70 {
                    for len in [1, 5, 31] {
                        let span = Some((s, s + len));
                        let brute = group
                            .iter()
                            .any(|g| g.is_none_or(|g| gap((s, s + len), g) <= w));
                        assert_eq!(near.any_within(span, w), brute, "{group:?} {span:?} {w}");
                    }
                }
                assert_eq!(near.any_within(None, w), !group.is_empty());
            }
        }
    }
}
