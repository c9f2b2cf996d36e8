//! `relation-conflict`: a relation between two people that contradicts another source or the
//! knowledge base — "X, proche de Y" when X overthrew Y.

use std::collections::BTreeMap;

use super::{Params, Rule, dated, doc_evidence, kb_evidence};
use crate::finding::{Finding, Kind, Severity};
use crate::lexicon::RelationType;
use crate::resolve::Model;

pub const RULE: Rule = Rule {
    id: "relation-conflict",
    kind: Kind::Relation,
    default_severity: Severity::Warning,
    summary: "an ally-type relation between people who are adversaries (one overthrew the other)",
    doc: r#"## What it does

Reads relations between two named people ("X, proche de Y", "X, allié de Y", "X, tombeur de Y",
"X a renversé Y", "Y, renversé par X", "X, opposant à Y", and as a predicate, "X est un proche de
Y", "X, chef d'état-major, reste l'un des plus proches collaborateurs de Y"; not "X était un proche
de Y" nor "X n'est pas un proche de Y") and reports an ally-type relation between
two people another source — or the knowledge base — calls adversaries, in particular a coup leader
and the president he overthrew. The other side may also be an office whose holder is not named:
"X, un proche du président burundais" against "X, farouche adversaire du président burundais";
without a country, an office stands for the one person the article names with it ("X, farouche
adversaire du Premier ministre" and, elsewhere in the article, "le Premier ministre Y"), and for
nobody when it names two. An office may stand between the cue and the name ("adversaire déclaré
du ministre de la Pêche Y").
The relation may close a long apposition, parentheses included ("X, secrétaire général de l'Union
des dockers (UDD) et proche du ministre Y"), follow an adverb or an intensifier ("X, pourtant grand
adversaire de Y") and say how long the tie has lasted ("opposant de longue date au ministre Y"); Y
may be named by the middle part of a three-part name another article writes in full ("le
gouverneur Kazadi" for Albert Kazadi Mwamba).
The side reported as wrong is the ally-type one, unless, without a knowledge base and without a
coup, two sources or more call the two close and fewer call one the other's opponent: then the
opponent claim is the odd one ("X is called an opponent of Y, but 2 other sources call them
close").

## Why it matters

"Proche de" the man you deposed inverts the story. Such slips come from misread apposition ("le
régime de X, proche de Y" where "proche" qualified someone else) and are hard to see in one article.

## Example

    le régime du général X, proche de Y       (article A)
    X, tombeur de Y, …                         (article B, or the knowledge base: X overthrew Y)

## Not flagged

- Relations between people the resolver cannot identify.
- Two ally-type relations, or two adversary-type relations.

## Configuration

None."#,
    check,
};

fn adversarial(k: RelationType) -> bool {
    matches!(
        k,
        RelationType::Overthrew | RelationType::OverthrownBy | RelationType::Adversary
    )
}

fn check(model: &Model, _params: &Params) -> Vec<Finding> {
    // Relations per unordered pair of entities.
    let mut pairs: BTreeMap<(usize, usize), Vec<(usize, usize)>> = BTreeMap::new();
    for (d, c) in model.claims.iter().enumerate() {
        for (i, r) in c.relations.iter().enumerate() {
            let (Some(a), Some(b)) = (model.entity_of(d, r.subject), model.entity_of(d, r.object))
            else {
                continue;
            };
            if a != b {
                pairs.entry((a.min(b), a.max(b))).or_default().push((d, i));
            }
        }
    }
    let mut out = office_relations(model);
    for ((a, b), rels) in pairs {
        let allies: Vec<(usize, usize)> = rels
            .iter()
            .copied()
            .filter(|&(d, i)| model.claims[d].relations[i].kind == RelationType::Ally)
            .collect();
        if allies.is_empty() {
            continue;
        }
        let enemies: Vec<(usize, usize)> = rels
            .iter()
            .copied()
            .filter(|&(d, i)| adversarial(model.claims[d].relations[i].kind))
            .collect();
        let (ea, eb) = (&model.entities[a], &model.entities[b]);
        let kb_rel = model.kb.relations.iter().find(|r| {
            adversarial(r.kind)
                && ea.kb.zip(eb.kb).is_some_and(|(ka, kb)| {
                    (r.subject == ka && r.object == kb) || (r.subject == kb && r.object == ka)
                })
        });
        if kb_rel.is_none() && enemies.is_empty() {
            continue;
        }
        let (d0, i0) = allies[0];
        let first = &model.claims[d0].relations[i0];
        let subj = model
            .entity_of(d0, first.subject)
            .map_or(String::new(), |e| model.entities[e].name.clone());
        let obj = model
            .entity_of(d0, first.object)
            .map_or(String::new(), |e| model.entities[e].name.clone());
        let mut evidence = Vec::new();
        for &(d, i) in &allies {
            let r = &model.claims[d].relations[i];
            let text = model.docs[d].slice(r.start, r.end).to_string();
            evidence.push(doc_evidence(
                d,
                r.start,
                r.end,
                format!("{subj} close to {obj}"),
                format!("`{text}`{}", dated(model, d)),
            ));
        }
        for &(d, i) in &enemies {
            let r = &model.claims[d].relations[i];
            evidence.push(doc_evidence(
                d,
                r.start,
                r.end,
                format!(
                    "{} {}",
                    model.claims[d].persons[r.subject].text(),
                    r.kind.describe()
                ),
                format!(
                    "here {} {} {}{}",
                    model.claims[d].persons[r.subject].text(),
                    r.kind.describe(),
                    model.claims[d].persons[r.object].text(),
                    dated(model, d)
                ),
            ));
        }
        // Supporting evidence: the overthrown person described as deposed.
        let victim = kb_rel.map(|r| {
            let victim_kb = if r.kind == RelationType::OverthrownBy {
                r.subject
            } else {
                r.object
            };
            if ea.kb == Some(victim_kb) { a } else { b }
        });
        if let Some(v) = victim {
            let mut seen_docs = Vec::new();
            for (d, c) in model.claims.iter().enumerate() {
                for dep in &c.deposed {
                    if model.entity_of(d, dep.person) == Some(v) && !seen_docs.contains(&d) {
                        seen_docs.push(d);
                        evidence.push(doc_evidence(
                            d,
                            dep.start,
                            dep.end,
                            format!("{} deposed", model.entities[v].name),
                            format!(
                                "{} described as deposed here{}",
                                model.entities[v].name,
                                dated(model, d)
                            ),
                        ));
                    }
                }
            }
        }
        // Without a knowledge base, two sources or more calling them close against fewer
        // calling one an opponent (not the author of a coup: that is a fact of record) make the
        // opponent side the odd one out.
        let docs_of =
            |v: &[(usize, usize)]| super::role_conflict::distinct(v.iter().map(|x| x.0)).len();
        let opponents_wrong = kb_rel.is_none()
            && enemies
                .iter()
                .all(|&(d, i)| model.claims[d].relations[i].kind == RelationType::Adversary)
            && docs_of(&allies) >= 2
            && docs_of(&allies) > docs_of(&enemies);
        if opponents_wrong {
            let (d1, i1) = enemies[0];
            let r = &model.claims[d1].relations[i1];
            let name = |m: usize| {
                model
                    .entity_of(d1, m)
                    .map_or(String::new(), |e| model.entities[e].name.clone())
            };
            let (es, eo) = (name(r.subject), name(r.object));
            // The opponents' evidence first: it is the side reported as wrong.
            evidence.rotate_left(allies.len());
            out.push(Finding {
                rule: RULE.id,
                wrong: enemies.len(),
                fixes: Vec::new(),
                kind: RULE.kind,
                severity: Severity::Warning,
                subject: es.clone(),
                message: format!(
                    "{es} is called an opponent of {eo}, but {} other sources call them close",
                    docs_of(&allies)
                ),
                help: Some(
                    "most sources call them close: check who is opposed to whom".to_string(),
                ),
                evidence,
            });
            continue;
        }
        let (severity, help) = match kb_rel {
            Some(r) => {
                let (s, o) = (
                    &model.kb.persons[r.subject].name,
                    &model.kb.persons[r.object].name,
                );
                evidence.push(kb_evidence(
                    r.span,
                    format!("{s} {} {o}", r.kind.describe()),
                    format!(
                        "{s} {} {o}{}",
                        r.kind.describe(),
                        r.date.map_or(String::new(), |d| format!(" on {d}"))
                    ),
                ));
                (
                    Severity::Error,
                    format!(
                        "the knowledge base ({}) says {s} {} {o}{}{}: they are adversaries, not allies",
                        model.kb.files[r.span.file].path,
                        r.kind.describe(),
                        r.date.map_or(String::new(), |d| format!(" on {d}")),
                        r.note.as_ref().map_or(String::new(), |n| format!(" ({n})"))
                    ),
                )
            }
            None => (
                Severity::Warning,
                "other sources call them adversaries: check who is close to whom".to_string(),
            ),
        };
        out.push(Finding {
            rule: RULE.id,
            wrong: allies.len(),
            fixes: Vec::new(),
            kind: RULE.kind,
            severity,
            subject: subj.clone(),
            message: format!(
                "{subj} is called `close to` {obj}, whom other sources call an adversary"
            ),
            help: Some(help),
            evidence,
        });
    }
    out
}

/// Relations with the unnamed holder of an office ("un proche du président burundais"): one
/// person called close to it in one source and its adversary in another.
fn office_relations(model: &Model) -> Vec<Finding> {
    // (person, office, country) → (document, relation index).
    let mut sides: BTreeMap<(usize, u16, u16), Vec<(usize, usize)>> = BTreeMap::new();
    for (d, c) in model.claims.iter().enumerate() {
        for (i, r) in c.office_relations.iter().enumerate() {
            if let Some(e) = model.entity_of(d, r.subject) {
                sides
                    .entry((e, r.office, r.country))
                    .or_default()
                    .push((d, i));
            }
        }
    }
    let mut out = Vec::new();
    for ((e, office, country), rels) in sides {
        let kind = |&(d, i): &(usize, usize)| model.claims[d].office_relations[i].kind;
        let allies: Vec<(usize, usize)> = rels
            .iter()
            .copied()
            .filter(|x| kind(x) == RelationType::Ally)
            .collect();
        let enemies: Vec<(usize, usize)> = rels
            .iter()
            .copied()
            .filter(|x| adversarial(kind(x)))
            .collect();
        let docs = |l: &[(usize, usize)]| l.iter().map(|x| x.0).collect::<Vec<_>>();
        let (ally_docs, enemy_docs) = (docs(&allies), docs(&enemies));
        if allies.is_empty()
            || enemies.is_empty()
            || ally_docs.iter().all(|d| enemy_docs.contains(d))
        {
            continue;
        }
        let name = &model.entities[e].name;
        let holder = format!(
            "the holder of `{} ({})`",
            model.lex.pack.office[office as usize].label,
            model.lex.pack.country[country as usize].name
        );
        let evidence = allies
            .iter()
            .chain(&enemies)
            .map(|&(d, i)| {
                let r = &model.claims[d].office_relations[i];
                let text = model.docs[d].slice(r.start, r.end).to_string();
                doc_evidence(
                    d,
                    r.start,
                    r.end,
                    text.clone(),
                    format!(
                        "{name} {} {holder} here{}",
                        r.kind.describe(),
                        dated(model, d)
                    ),
                )
            })
            .collect();
        out.push(Finding {
            rule: RULE.id,
            wrong: allies.len(),
            fixes: Vec::new(),
            kind: RULE.kind,
            severity: Severity::Warning,
            subject: name.clone(),
            message: format!(
                "{name} is called close to {holder}, whom other sources call an adversary"
            ),
            help: Some("other sources call them adversaries: check who is close to whom".into()),
            evidence,
        });
    }
    out
}
