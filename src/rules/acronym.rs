//! `acronym`: one long form with different acronyms, an acronym given for the wrong language, and
//! one acronym expanded two ways.

use std::collections::BTreeMap;

use super::role_conflict::distinct;
use super::{Params, Rule, dated, doc_evidence, first_per_doc, kb_evidence};
use crate::extract::initials;
use crate::finding::{Edit, Evidence, Finding, Kind, Severity, count};
use crate::resolve::Model;
use crate::text::fold;

pub const RULE: Rule = Rule {
    id: "acronym",
    kind: Kind::Acronym,
    default_severity: Severity::Warning,
    summary: "acronyms that disagree with their long form, their language or each other",
    doc: r#"## What it does

Reads acronyms defined in parentheses after a name ("Alliance des États du Sahel (AES)",
"(CEDEAO en français, ECOWAS en anglais)"; after a name without a known head noun, an acronym
holding its initials in order, or in another order from three letters up, so that a miscopy such
as "Volontaires pour la défense de la patrie (VPD)" is read), or set off by commas right after the capitalised words
whose initials they hold in any order ("le groupe Nusantara Bulk Terminals, NBT, qui …"), or
joined to the name by "ou" in either order ("la Compagnie nationale des eaux, ou CNE,", "la
CEDEAO, ou Communauté économique des États de l'Afrique de l'Ouest,"), and reports (within one
story):

- one long form given different acronyms across the corpus (`SAS` against `AES`);
- the same acronym given for two languages, or an acronym given for a language the knowledge base
  says has another ("CEDEAO en anglais": the English acronym is ECOWAS);
- one acronym expanded into two unrelated long forms;
- an acronym of four letters or more written with two neighbouring letters swapped ("CEDAEO" for
  "CEDEAO"), when the usual spelling is in at least twice as many documents of the story (and in
  two at least), defined or not.

## Why it matters

Acronyms are how readers find an organisation again; a wrong one sends them to another body.

## Example

    l'« Alliance des États sahéliens » (SAS)     (1 source)
    l'Alliance des États du Sahel (AES)          (4 sources)   → `SAS` vs `AES`

## Not flagged

- Case: `Cedeao` and `CEDEAO` are house styles.
- An English acronym that French copy itself uses for an international body, untagged
  ("Société financière internationale (IFC)" beside "(SFI)"): the language pack lists them
  (`english_acronyms` under `[names]`). "Fonds monétaire international (IMF)" is not listed: FMI
  is the acronym French copy uses.
- One acronym for two bodies of different stories (`CNE` for an electoral commission in one
  country and a water company in another): an archive of many countries reuses short acronyms.
- Three-letter acronyms with the same letters (`RDC`, `RCD`): too many bodies share them; other
  orders of the same letters (`OTAN` and `NATO`: the English acronym); and a spelling defined
  somewhere with a long form of its own.
- A rename that keeps the acronym ("Alliance" then "Confédération des États du Sahel (AES)") when
  only the head noun changes or the knowledge base records the rename (reported as `info` otherwise
  unknown) — unless one story's articles give both head nouns within a month of each other, which
  is one name miscopied ("Front" / "Forum démocratique des îles (FDI)"): a warning.

## Configuration

None; acronyms per language go in the knowledge base (`acronyms = { fr = "…", en = "…" }`)."#,
    check,
};

struct Def {
    doc: usize,
    start: usize,
    end: usize,
    tag_end: usize,
    acronym: String,
    folded: String,
    language: Option<String>,
    key: String,
    long: String,
    long_start: usize,
    /// Untagged, but an English acronym the language pack lists (`english_acronyms`).
    english: bool,
}

fn check(model: &Model, _params: &Params) -> Vec<Finding> {
    let english: std::collections::HashSet<String> = model
        .lex
        .pack
        .names
        .english_acronyms
        .iter()
        .map(|a| fold(a))
        .collect();
    let mut defs = Vec::new();
    for (d, c) in model.claims.iter().enumerate() {
        for a in &c.acronyms {
            let n = &c.named[a.long];
            defs.push(Def {
                doc: d,
                start: a.start,
                end: a.end,
                tag_end: a.tag_end,
                acronym: a.acronym.clone(),
                folded: fold(&a.acronym),
                language: a.language.clone(),
                key: n.key.clone(),
                long: model.docs[d].slice(n.start, n.end).to_string(),
                long_start: n.start,
                english: a.language.is_none() && english.contains(&fold(&a.acronym)),
            });
        }
    }
    let mut out = Vec::new();
    let kb_org = |key: &str| {
        model.kb.organisations.iter().find(|o| {
            o.names
                .iter()
                .any(|n| n.named.as_ref().is_some_and(|m| m.key == key))
        })
    };
    let ev = |d: &Def, label: String| {
        doc_evidence(
            d.doc,
            d.start,
            d.end,
            d.acronym.clone(),
            format!("{label}{}", dated(model, d.doc)),
        )
    };

    // 1. One long form, several acronyms (French or untagged ones).
    let mut by_key: BTreeMap<&str, Vec<&Def>> = BTreeMap::new();
    for d in defs
        .iter()
        .filter(|d| d.language.as_deref().is_none_or(|l| l == "fr") && !d.english)
    {
        by_key.entry(d.key.as_str()).or_default().push(d);
    }
    for (key, ds) in &by_key {
        let acrs = distinct(ds.iter().map(|d| d.folded.clone()));
        let org = kb_org(key);
        let kb_acr = org
            .and_then(|o| o.acronyms.get("fr"))
            .map(|(a, s)| (fold(a), a.clone(), *s));
        if acrs.len() < 2
            && kb_acr
                .as_ref()
                .is_none_or(|(k, _, _)| acrs.iter().all(|a| a == k))
        {
            continue;
        }
        let docs_of = |a: &str| distinct(ds.iter().filter(|d| d.folded == a).map(|d| d.doc)).len();
        let reference = match &kb_acr {
            Some((k, _, _)) => Some(k.clone()),
            None => {
                let best = acrs.iter().map(|a| docs_of(a)).max().unwrap_or(0);
                let top: Vec<&String> = acrs.iter().filter(|a| docs_of(a) == best).collect();
                (top.len() == 1).then(|| top[0].clone())
            }
        };
        let Some(reference) = reference else {
            // No majority and no knowledge base: one finding that lists every acronym.
            let firsts: Vec<&&Def> = acrs
                .iter()
                .filter_map(|a| ds.iter().find(|d| d.folded == *a))
                .collect();
            out.push(Finding {
                rule: RULE.id,
                wrong: 0,
                fixes: Vec::new(),
                kind: RULE.kind,
                severity: Severity::Warning,
                subject: firsts[0].long.clone(),
                message: format!(
                    "`{}` is abbreviated {} ways: {}",
                    firsts[0].long,
                    firsts.len(),
                    firsts.iter().map(|d| format!("`{}`", d.acronym)).collect::<Vec<_>>().join(", ")
                ),
                help: Some("no acronym has a majority and no knowledge base names one: check the official acronym".into()),
                evidence: firsts.iter().map(|d| ev(d, format!("`{}` here", d.acronym))).collect(),
            });
            continue;
        };
        // The reference as most often written (case is house style: show one casing only).
        let ref_case = {
            let mut casings: BTreeMap<&str, usize> = BTreeMap::new();
            for d in ds.iter().filter(|d| d.folded == reference) {
                *casings.entry(d.acronym.as_str()).or_default() += 1;
            }
            casings
                .iter()
                .max_by_key(|(a, n)| (**n, a.chars().filter(|c| c.is_uppercase()).count()))
                .map(|(a, _)| a.to_string())
        };
        let ref_defs: Vec<&&Def> = first_per_doc(ds.iter().filter(|d| {
            d.folded == reference && ref_case.as_deref().is_none_or(|c| c == d.acronym)
        }));
        let ref_raw = ref_defs
            .first()
            .map(|d| d.acronym.clone())
            .or_else(|| kb_acr.as_ref().map(|k| k.1.clone()))
            .unwrap_or_else(|| reference.to_uppercase());
        for a in acrs.iter().filter(|a| **a != reference) {
            let bad: Vec<&&Def> = first_per_doc(ds.iter().filter(|d| d.folded == *a));
            let mut evidence: Vec<Evidence> = bad
                .iter()
                .map(|d| ev(d, format!("`{}` stands for `{}` here", d.acronym, d.long)))
                .collect();
            evidence.extend(
                ref_defs
                    .iter()
                    .take(4)
                    .map(|d| ev(d, format!("`{}` here", d.acronym))),
            );
            let help = match &kb_acr {
                Some((_, raw, span)) => {
                    evidence.push(kb_evidence(
                        *span,
                        raw.clone(),
                        "the knowledge base's acronym".into(),
                    ));
                    format!(
                        "write `{raw}`: the knowledge base ({}) gives it",
                        model.kb.files[span.file].path
                    )
                }
                None => format!(
                    "write `{ref_raw}`: {} of {} use it",
                    count(docs_of(&reference), "source"),
                    count(distinct(ds.iter().map(|d| d.doc)).len(), "source")
                ),
            };
            out.push(Finding {
                rule: RULE.id,
                wrong: bad.len(),
                fixes: Vec::new(),
                kind: RULE.kind,
                severity: if kb_acr.is_some() {
                    Severity::Error
                } else {
                    Severity::Warning
                },
                subject: bad[0].long.clone(),
                message: format!(
                    "`{}` is given as the acronym of `{}`, elsewhere `{ref_raw}`",
                    bad[0].acronym, bad[0].long
                ),
                help: Some(help),
                evidence,
            });
            if let Some(last) = out.last_mut() {
                last.fixes = ds
                    .iter()
                    .filter(|d| d.folded == *a)
                    .map(|d| Edit {
                        doc: d.doc,
                        start: d.start,
                        end: d.end,
                        replacement: ref_raw.clone(),
                    })
                    .collect();
            }
        }
    }

    // 2. Language tags: the same acronym for two languages, or one the knowledge base contradicts.
    let mut by_long: BTreeMap<(usize, usize), Vec<&Def>> = BTreeMap::new();
    for d in defs.iter().filter(|d| d.language.is_some()) {
        by_long.entry((d.doc, d.long_start)).or_default().push(d);
    }
    for ds in by_long.values() {
        let org = kb_org(&ds[0].key);
        for d in ds {
            let lang = d.language.as_deref().unwrap_or_default();
            let kb_says = org.and_then(|o| o.acronyms.get(lang));
            let twin = ds
                .iter()
                .find(|o| o.language != d.language && o.folded == d.folded);
            // Given for another language, yet it is the French long form's initials, or the
            // corpus uses it untagged (in French) for the same long form.
            let french_initials =
                lang != "fr" && d.folded.len() >= 3 && initials(&d.key) == d.folded;
            let used_in_french = lang != "fr"
                && defs.iter().any(|o| {
                    o.key == d.key
                        && o.folded == d.folded
                        && o.language.as_deref().is_none_or(|l| l == "fr")
                });
            let wrong_kb = kb_says.is_some_and(|(a, _)| fold(a) != d.folded);
            // Report the foreign-language tag: the French one is the article's own.
            let suspicious =
                wrong_kb || (lang != "fr" && (twin.is_some() || french_initials || used_in_french));
            if !suspicious {
                continue;
            }
            let lang_name = language_name(lang);
            let tag = model.docs[d.doc].slice(d.start, d.tag_end).to_string();
            let mut evidence = vec![doc_evidence(
                d.doc,
                d.start,
                d.tag_end,
                format!("{} ({lang})", d.acronym),
                format!(
                    "`{}` given as the {lang_name} acronym here{}",
                    d.acronym,
                    dated(model, d.doc)
                ),
            )];
            if let Some(t) = twin {
                evidence.push(doc_evidence(
                    t.doc,
                    t.start,
                    t.tag_end,
                    format!(
                        "{} ({})",
                        t.acronym,
                        t.language.as_deref().unwrap_or_default()
                    ),
                    format!(
                        "and as the {} acronym here",
                        language_name(t.language.as_deref().unwrap_or_default())
                    ),
                ));
            }
            let (severity, help) = match kb_says {
                Some((a, span)) if wrong_kb => {
                    evidence.push(kb_evidence(
                        *span,
                        a.clone(),
                        format!("the {lang_name} acronym"),
                    ));
                    (
                        Severity::Error,
                        format!(
                            "the {lang_name} acronym is `{a}`, says the knowledge base ({})",
                            model.kb.files[span.file].path
                        ),
                    )
                }
                _ => (
                    Severity::Warning,
                    if french_initials {
                        format!(
                            "`{}` is made of the French name's initials: check the {lang_name} acronym",
                            d.acronym
                        )
                    } else {
                        format!(
                            "an acronym rarely stays the same across languages: check the {lang_name} one"
                        )
                    },
                ),
            };
            out.push(Finding {
                rule: RULE.id,
                wrong: 1,
                fixes: Vec::new(),
                kind: RULE.kind,
                severity,
                subject: d.long.clone(),
                message: format!(
                    "`{tag}`: `{}` is given as the {lang_name} acronym of `{}`",
                    d.acronym, d.long
                ),
                help: Some(help),
                evidence,
            });
        }
    }

    // 3. One acronym, two unrelated long forms, within one story: in an archive of many
    // countries, bodies of different stories share short acronyms ("CNE" for an electoral
    // commission here and a water company there).
    let mut by_acr: BTreeMap<(&str, usize), Vec<&Def>> = BTreeMap::new();
    for d in &defs {
        by_acr
            .entry((d.folded.as_str(), model.stories[d.doc]))
            .or_default()
            .push(d);
    }
    for ds in by_acr.values() {
        let keys = distinct(ds.iter().map(|d| d.key.clone()));
        if keys.len() < 2 {
            continue;
        }
        // Keys that the knowledge base knows as names of one organisation are a rename.
        let known = model.kb.organisations.iter().any(|o| {
            keys.iter().all(|k| {
                o.names
                    .iter()
                    .any(|n| n.named.as_ref().is_some_and(|m| m.key == *k))
            })
        });
        if known {
            continue;
        }
        let tails: Vec<String> = keys
            .iter()
            .map(|k| k.split_once(' ').map_or(String::new(), |t| t.1.to_string()))
            .collect();
        // A rename takes time: two head nouns for one acronym in one story's articles written
        // within a month of each other are one name miscopied ("Front" / "Forum démocratique des
        // îles (FDI)" nine days apart).
        let starts: Vec<Option<i64>> = ds.iter().map(|d| model.doc_interval(d.doc).start).collect();
        let close_in_one_story = distinct(ds.iter().map(|d| model.stories[d.doc])).len() == 1
            && starts.iter().all(Option::is_some)
            && {
                let days = starts.iter().flatten();
                days.clone()
                    .max()
                    .zip(days.min())
                    .is_some_and(|(a, b)| a - b <= 31)
            };
        let rename =
            !close_in_one_story && tails.windows(2).all(|w| w[0] == w[1] && !w[0].is_empty());
        let groups: Vec<&&Def> = {
            let mut seen: Vec<&str> = Vec::new();
            ds.iter()
                .filter(|d| {
                    let fresh = !seen.contains(&d.key.as_str());
                    if fresh {
                        seen.push(d.key.as_str());
                    }
                    fresh
                })
                .collect()
        };
        out.push(Finding {
            rule: RULE.id,
            wrong: 0,
            fixes: Vec::new(),
            kind: RULE.kind,
            severity: if rename {
                Severity::Info
            } else {
                Severity::Warning
            },
            subject: ds[0].acronym.clone(),
            message: format!("`{}` is expanded {} ways", ds[0].acronym, keys.len()),
            help: Some(if rename {
                "only the head noun changes: probably a rename; record it in the knowledge base"
                    .into()
            } else {
                "one acronym should name one body: check which one is meant".into()
            }),
            evidence: groups
                .iter()
                .map(|d| {
                    doc_evidence(
                        d.doc,
                        d.long_start,
                        d.end,
                        d.long.clone(),
                        format!("`{}` here{}", d.long, dated(model, d.doc)),
                    )
                })
                .collect(),
        });
    }

    out.extend(swapped_letters(model, &defs));
    out
}

/// Whether `a` is `b` with two neighbouring letters swapped, the typing slip ("CEDAEO" for
/// "CEDEAO"); other orders are other names ("NATO" and "OTAN", "GGMSO" and "OSMGG").
fn one_swap(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() != b.len() {
        return false;
    }
    let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    matches!(diff.as_slice(), [i, j] if *j == i + 1 && a[*i] == b[*j] && a[*j] == b[*i])
}

/// Acronyms of at least four letters that another acronym of the same story has with two
/// neighbouring letters swapped ("CEDAEO" for "CEDEAO"), the other written in at least twice as
/// many documents (and in two at least). A spelling defined somewhere with a long form of its own is another body
/// (or `acronym`'s first check already reports it), and is left alone.
fn swapped_letters(model: &Model, defs: &[Def]) -> Vec<Finding> {
    // (story, letters sorted) → spelling → its first use in each document.
    type Uses = BTreeMap<String, Vec<(usize, usize, usize)>>;
    let mut groups: BTreeMap<(usize, String), Uses> = BTreeMap::new();
    for (d, c) in model.claims.iter().enumerate() {
        for u in &c.acronym_uses {
            let raw = model.docs[d].slice(u.start, u.end).to_string();
            let mut letters: Vec<char> = fold(&raw).chars().collect();
            letters.sort_unstable();
            groups
                .entry((model.stories[d], letters.into_iter().collect()))
                .or_default()
                .entry(raw)
                .or_default()
                .push((d, u.start, u.end));
        }
    }
    let defined: std::collections::BTreeSet<&str> =
        defs.iter().map(|d| d.acronym.as_str()).collect();
    let mut out = Vec::new();
    for spellings in groups.values().filter(|g| g.len() > 1) {
        // The spelling in the most documents (ties: the first in order), if it has a clear majority.
        let Some((reference, ref_uses)) = spellings
            .iter()
            .max_by(|a, b| a.1.len().cmp(&b.1.len()).then(b.0.cmp(a.0)))
        else {
            continue;
        };
        for (spelling, uses) in spellings {
            if spelling == reference
                || !one_swap(&fold(spelling), &fold(reference))
                || defined.contains(spelling.as_str())
                || ref_uses.len() < 2
                || ref_uses.len() < 2 * uses.len()
            {
                continue;
            }
            let here = |written: &str, &(d, start, end): &(usize, usize, usize)| {
                let label = format!("`{written}` here{}", dated(model, d));
                doc_evidence(d, start, end, written.to_string(), label)
            };
            let mut evidence: Vec<Evidence> = uses.iter().map(|u| here(spelling, u)).collect();
            evidence.extend(ref_uses.iter().take(3).map(|u| here(reference, u)));
            out.push(Finding {
                rule: RULE.id,
                wrong: uses.len(),
                fixes: uses
                    .iter()
                    .map(|&(doc, start, end)| Edit {
                        doc,
                        start,
                        end,
                        replacement: reference.clone(),
                    })
                    .collect(),
                kind: RULE.kind,
                severity: Severity::Warning,
                subject: reference.clone(),
                message: format!("`{spelling}` is `{reference}` with two letters swapped"),
                help: Some(format!(
                    "write `{reference}`: {} of the story use it",
                    count(ref_uses.len(), "source")
                )),
                evidence,
            });
        }
    }
    out
}

fn language_name(code: &str) -> &'static str {
    match code {
        "fr" => "French",
        "en" => "English",
        "ar" => "Arabic",
        "pt" => "Portuguese",
        "es" => "Spanish",
        "de" => "German",
        _ => "other-language",
    }
}

impl super::InDoc for Def {
    fn doc(&self) -> usize {
        self.doc
    }
}

#[cfg(test)]
mod tests {
    use super::one_swap;

    #[test]
    fn only_two_neighbouring_letters_swapped_is_a_slip() {
        assert!(one_swap("cedaeo", "cedeao"));
        assert!(one_swap("ueoma", "uemoa"));
        assert!(
            !one_swap("nato", "otan"),
            "another order: the English acronym"
        );
        assert!(!one_swap("ggmso", "osmgg"));
        assert!(!one_swap("uemoa", "uemoa"));
        assert!(!one_swap("cedeao", "cedea"));
        assert!(!one_swap("abcd", "badc"), "two swaps");
    }
}
