//! `name-variant`: one person's name spelled differently across or within documents.

use std::collections::BTreeMap;

use super::role_conflict::distinct;
use super::{Params, Rule, dated, doc_evidence, kb_evidence};
use crate::finding::{Edit, Finding, Kind, Severity, count};
use crate::resolve::Model;
use crate::text::{fold, lower};

pub const RULE: Rule = Rule {
    id: "name-variant",
    kind: Kind::NameVariant,
    default_severity: Severity::Warning,
    summary: "one person's name spelled differently",
    doc: r#"## What it does

Groups the mentions of each person (knowledge-base names and aliases first, then name similarity on
folded and phonetic forms, then lone surnames) and compares the spelling of each part of the name
— the given name and the surname — across mentions. Every form that differs from the knowledge
base's spelling or, without one, from the form most documents use is reported with the
distribution of forms.

## Why it matters

"Bazum" for "Bazoum", "Goita" for "Goïta", "Abdourahame" for "Abdourahamane", "Kaila" for "Kiala"
(two neighbouring letters swapped): misspelt names are the first thing readers and the people named
notice, and they break search and archives.

## Example

    le président déchu Mohamed Bazoum … le président déchu Bazum     → `Bazum` (1) vs `Bazoum` (3)

## Not flagged

- Case ("BAZOUM" in a headline).
- Spellings the knowledge base lists as accepted aliases ("Tchiani" for "Tiani").
- Different people who share a surname or a given name (their other name part differs).

## Configuration

None; accepted spellings go in the knowledge base (`aliases`), known misspellings in `wrong`."#,
    check,
};

/// A spelling's occurrences: (document, start, end, the name part as written).
type Occurrences = Vec<(usize, usize, usize, String)>;

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Part {
    Given,
    /// Token `i` of a name written in `n` tokens ("Hilaire Tchakounté Kamga": Middle(1, 3)).
    Middle(usize, usize),
    Surname,
}

/// The token of a name (as words) that holds `part`.
fn part_of<'a>(part: Part, toks: &[&'a str]) -> Option<&'a str> {
    match part {
        Part::Surname => toks.last().copied(),
        Part::Given => (toks.len() > 1).then(|| toks[0]),
        Part::Middle(i, n) => (toks.len() == n).then(|| toks[i]),
    }
}

fn check(model: &Model, _params: &Params) -> Vec<Finding> {
    let mut out = Vec::new();
    for entity in &model.entities {
        // Most people are written the same way everywhere: one form of each part, nothing to
        // compare (checked without allocating; a head of state has thousands of mentions).
        if let Some(&(d0, m0)) = entity.mentions.first() {
            let first = &model.mention(d0, m0).parts;
            if entity
                .mentions
                .iter()
                .all(|&(d, m)| model.mention(d, m).parts == *first)
            {
                continue;
            }
        }
        let kb = entity.kb.map(|k| &model.kb.persons[k]);
        // (part, form) → mentions (doc, start, end, raw token).
        let mut forms: BTreeMap<Part, BTreeMap<String, Occurrences>> = BTreeMap::new();
        // A two-part mention may be a compound surname without its given name ("Yakité Nguema"
        // for "Albertine Yakité Nguema"): its first part is then the three-part names' middle.
        let (mut givens, mut middles) = (Vec::new(), Vec::new());
        for &(d, m) in &entity.mentions {
            let parts = &model.mention(d, m).parts;
            if parts.len() == 3
                && let (Some(given), Some(middle)) = (parts.first(), parts.get(1))
            {
                givens.push(lower(given));
                middles.push(middle);
            }
        }
        // Each form once: every mention is checked against these, and a person named in
        // thousands of articles has thousands of mentions but a handful of forms.
        givens.sort_unstable();
        givens.dedup();
        middles.sort_unstable();
        middles.dedup();
        for &(d, m) in &entity.mentions {
            let p = model.mention(d, m);
            let (start, end) = (p.start, p.end);
            let mut toks: Vec<&str> = p.parts.iter().collect();
            // "le gouverneur Kazadi" for Albert Kazadi Mwamba: a lone middle name is the name the
            // person goes by, not another spelling of the surname.
            if toks.len() == 1 && middles.iter().any(|m| lower(m) == lower(toks[0])) {
                continue;
            }
            if toks.len() == 2
                && !givens.contains(&lower(toks[0]))
                && middles
                    .iter()
                    .any(|m| crate::resolve::similar_token(m, toks[0]))
            {
                toks.insert(0, "");
            }
            let n = toks.len();
            let mut parts = vec![Part::Surname];
            if n > 1 && !toks[0].is_empty() {
                parts.push(Part::Given);
            }
            parts.extend((1..n.saturating_sub(1)).map(|i| Part::Middle(i, n)));
            for part in parts {
                if let Some(t) = part_of(part, &toks) {
                    forms
                        .entry(part)
                        .or_default()
                        .entry(lower(t))
                        .or_default()
                        .push((d, start, end, t.to_string()));
                }
            }
        }
        for (part, by_form) in forms {
            if by_form.len() < 2 {
                continue;
            }
            let kb_tok = |name: &str| -> Option<String> {
                let toks: Vec<&str> = name.split_whitespace().collect();
                part_of(part, &toks).map(lower)
            };
            let accepted: Vec<String> = kb
                .map(|p| p.aliases.iter().filter_map(|a| kb_tok(a)).collect())
                .unwrap_or_default();
            let wrong: Vec<String> = kb
                .map(|p| p.wrong.iter().filter_map(|a| kb_tok(a)).collect())
                .unwrap_or_default();
            let kb_form = kb.and_then(|p| kb_tok(&p.name));
            // Documents per form, counted once (a head of state's name is in thousands).
            let n_docs: BTreeMap<&str, usize> = by_form
                .iter()
                .map(|(f, ms)| (f.as_str(), distinct(ms.iter().map(|x| x.0)).len()))
                .collect();
            let docs_of = |f: &str| n_docs[f];
            let reference = match &kb_form {
                Some(f) => f.clone(),
                None => {
                    // The form most documents use; ties go to the form with diacritics, then longer.
                    let mut ranked: Vec<&String> = by_form.keys().collect();
                    ranked.sort_by(|a, b| {
                        docs_of(b)
                            .cmp(&docs_of(a))
                            .then((fold(b) != **b).cmp(&(fold(a) != **a)))
                            .then(b.len().cmp(&a.len()))
                            .then(a.cmp(b))
                    });
                    ranked[0].clone()
                }
            };
            for (form, ms) in &by_form {
                if *form == reference || accepted.contains(form) {
                    continue;
                }
                let known_wrong = wrong.contains(form);
                let severity = if known_wrong {
                    Severity::Error
                } else {
                    Severity::Warning
                };
                let mut evidence = Vec::new();
                let mut seen = Vec::new();
                let mut seen_set = std::collections::BTreeSet::new();
                for (d, s, e, raw) in ms {
                    if seen_set.insert(*d) {
                        seen.push(*d);
                        let text = model.docs[*d].slice(*s, *e).to_string();
                        evidence.push(doc_evidence(
                            *d,
                            *s,
                            *e,
                            raw.clone(),
                            format!("written `{text}` here{}", dated(model, *d)),
                        ));
                    }
                }
                let mut seen_ref = Vec::new();
                if let Some(refs) = by_form.get(&reference) {
                    for (d, s, e, raw) in refs {
                        if !seen_ref.contains(d) && seen_ref.len() < 5 {
                            seen_ref.push(*d);
                            let text = model.docs[*d].slice(*s, *e).to_string();
                            evidence.push(doc_evidence(
                                *d,
                                *s,
                                *e,
                                raw.clone(),
                                format!("written `{text}` here{}", dated(model, *d)),
                            ));
                        }
                    }
                }
                let ref_raw = by_form
                    .get(&reference)
                    .and_then(|v| v.first().map(|x| x.3.clone()))
                    .or_else(|| {
                        kb.and_then(|p| {
                            let toks: Vec<&str> = p.name.split_whitespace().collect();
                            part_of(part, &toks).map(str::to_string)
                        })
                    })
                    .unwrap_or_else(|| reference.clone());
                let bad_raw = ms[0].3.clone();
                let help = match kb {
                    Some(p) => {
                        evidence.push(kb_evidence(
                            p.span,
                            p.name.clone(),
                            "the knowledge base's spelling".into(),
                        ));
                        format!(
                            "write `{ref_raw}`: the knowledge base ({}) spells it `{}`{}",
                            model.kb.files[p.span.file].path,
                            p.name,
                            if known_wrong {
                                " and lists this form as a known misspelling"
                            } else {
                                ""
                            }
                        )
                    }
                    None => {
                        let n_ref = by_form
                            .get(&reference)
                            .map_or(0, |v| distinct(v.iter().map(|x| x.0)).len());
                        let total = distinct(by_form.values().flatten().map(|x| x.0)).len();
                        let diacritics = fold(&bad_raw) == fold(&ref_raw);
                        format!(
                            "write `{ref_raw}`: {} of {} write it so{}",
                            count(n_ref, "source"),
                            count(total, "source"),
                            if diacritics {
                                " (the forms differ only in accents)"
                            } else {
                                ""
                            }
                        )
                    }
                };
                out.push(Finding {
                    rule: RULE.id,
                    wrong: seen.len(),
                    fixes: Vec::new(),
                    kind: RULE.kind,
                    severity,
                    subject: entity.name.clone(),
                    message: format!(
                        "{} is spelled `{bad_raw}` in {} and `{ref_raw}` elsewhere",
                        entity.name,
                        count(seen.len(), "source")
                    ),
                    help: Some(help),
                    evidence,
                });
                // The fix: the variant token of every mention becomes the reference spelling.
                if let Some(last) = out.last_mut() {
                    last.fixes = ms
                        .iter()
                        .filter_map(|(d, s, e, raw)| {
                            let text = &model.docs[*d].slice(*s, *e);
                            let at = match part {
                                Part::Surname => text.rfind(raw.as_str()),
                                _ => text.find(raw.as_str()),
                            }?;
                            Some(Edit {
                                doc: *d,
                                start: s + at,
                                end: s + at + raw.len(),
                                replacement: ref_raw.clone(),
                            })
                        })
                        .collect();
                }
            }
        }
    }
    out
}
