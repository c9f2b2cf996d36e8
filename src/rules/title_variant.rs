//! `title-variant`: one named document or organisation written under different names ("Charte",
//! "Carte" and "Pacte" du Liptako-Gourma; "Alliance des États sahéliens" for "du Sahel").

use std::collections::{BTreeMap, BTreeSet};

use super::role_conflict::distinct;
use super::{Params, Rule, dated, doc_evidence, first_per_doc, kb_evidence};
use crate::extract::NamedClass;
use crate::finding::{Edit, Evidence, Finding, Kind, Severity, count};
use crate::resolve::Model;
use crate::text::fold;

pub const RULE: Rule = Rule {
    id: "title-variant",
    kind: Kind::TitleVariant,
    default_severity: Severity::Warning,
    summary: "one named document or organisation written under different names",
    doc: r#"## What it does

Reads named texts (a head noun — Charte, Pacte, Traité, Accord, Convention… — and what it is "of")
and named organisations (Alliance, Communauté, Union… and their complement), groups the mentions
that name the same thing, and reports the forms that differ from the knowledge base's name or, without
one, from the form most sources use.

Texts are grouped by what they are "of" ("Liptako-Gourma"); organisations by their normalised name,
where a demonym stands for its place ("sahéliens" for "Sahel") and articles do not count. A
capitalised head in mid-sentence names a text even when its subject is in lower case ("la Loi sur
la transparence des revenus pétroliers, votée en 2023", "la Charte de bonne conduite des partis,
qui …"); the head of a signed text names one in lower case too when lower-case nouns lead to a
place ("la convention de concession du terminal pétrolier de Neves"). Two texts under one head
whose names differ by one word replaced ("Loi sur la traçabilité des revenus pétroliers", "Cadre
conjoint du G20" for "Cadre commun du G20") are one text misnamed when the rest is a proper name
or, in one story, two words at least — one word when the two replaced words mean the same
("Statut spécial des enseignants-chercheurs" for "Statut particulier des enseignants-chercheurs").
A text named for a purpose ("Pacte de Misrata pour la
réconciliation nationale") is reported when another article of its story writes one word of that
purpose differently ("… pour l'unité nationale"); a purpose is a noun and its adjectives after
"pour la", two words at least, not a time ("pour la première fois"), or a subject of two nouns
joined by "et" that ends the clause ("Accord de Port-Louis sur la pêche durable et la sécurité
maritime" against "… et la délimitation maritime"). An "accord-cadre" is an "accord" (so are a
"loi-cadre" and a "convention-cadre"). Two organisation names one common word apart ("Communauté
économique des pays de l'Afrique centrale" for "… des États …") are one body misnamed within a
story; across stories, only a word replaced in a name of five words at least that two articles
write the other way (a word dropped is there a short form: "Banque ouest-africaine").

## Why it matters

A charter is not a pact, and an "Alliance des États sahéliens" is not a name anyone signed. Readers
and search engines take the name as written.

## Example

    la « Charte du Liptako-Gourma »   (2 sources)
    la « Carte Liptako-Gourma »       (1 source)  → warning, or error against the knowledge base
    le Pacte de Liptako-Gourma        (1 source)

## Not flagged

- Case and accents ("Etats" / "États"), articles ("d'Afrique" / "de l'Afrique").
- The country that qualifies an organisation ("Assemblée nationale du Ghana", "Assemblée nationale
  ghanéenne"); a region is part of the name ("États du Sahel" / "États sahéliens" differ).
- A rename: "Alliance" then "Confédération des États du Sahel" are different names, compared by the
  `acronym` rule and the knowledge base, not here.
- Two purposes of one text that one article writes both (two texts), or that differ in more than
  one word.
- Two texts one word apart that one article names side by side ("Loi sur la protection des
  ressources halieutiques" and "… forestières"), or whose differing word tells texts apart
  ("Plan national" / "Plan régional de développement", "Statut général" / "Statut particulier")
  or says what the text is about ("Code
  pénal" / "Code électoral", "sanitaire" / "économique"); two texts that share only a place ("…
  du Burundi"); a name one word away from two texts.
- "dans le cadre du …": "Cadre" names a text only when capitalised.
- Texts named after a city or country ("Accord d'Alger", "Déclaration de Bamako") under unrelated
  heads, unless the heads are near-misspellings or the knowledge base knows the text, or both are
  heads of signed texts (Accord, Protocole, Convention, Traité, Pacte, Charte, Mémorandum,
  Contrat) in one story, one of them written by most of its articles and no article writing both
  ("Protocole de Gitega" twice, "Accord de Gitega" once: one text misnamed).
- Two places for one head and topic in one article ("après la Déclaration de Yaoundé sur la
  sécurité maritime, la Déclaration d'Accra sur la sécurité maritime…"): two texts. One article
  naming after another place a text ("Déclaration de Tema sur la sécurité maritime") that the
  story's other articles name after one place ("d'Accra") is reported.

## Configuration

None."#,
    check,
};

struct Mention {
    doc: usize,
    start: usize,
    end: usize,
    form: String,
    raw: String,
    topic: Option<String>,
}

impl Mention {
    /// Evidence for this mention, labelled "{lead}`raw` here (date)".
    fn evidence(&self, model: &Model, lead: &str) -> Evidence {
        doc_evidence(
            self.doc,
            self.start,
            self.end,
            self.raw.clone(),
            format!("{lead}`{}` here{}", self.raw, dated(model, self.doc)),
        )
    }
}

/// Word-level edit distance is one: a word dropped, added or replaced.
fn one_word_apart<'a>(a: &'a [&'a str], b: &'a [&'a str]) -> Option<Vec<&'a str>> {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    match long.len() - short.len() {
        0 => {
            let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
            (diff.len() == 1).then(|| vec![a[diff[0]], b[diff[0]]])
        }
        1 => (0..long.len())
            .find(|&i| long[..i] == short[..i] && long[i + 1..] == short[i..])
            .map(|i| vec![long[i]]),
        _ => None,
    }
}

/// Organisation keys that name one body with one word dropped or replaced ("Communauté
/// économique des États…" and "Communauté des États…"), mapped to the key most documents use. The
/// differing word must be a common word, not a proper name, and the two must not carry different
/// acronyms. A body's name is the same in every story, but outside one story a shorter name is
/// often a short form ("Banque ouest-africaine"): there, only a word replaced in a long name
/// ("Communauté économique des pays de l'Afrique centrale" for "… des États …") that two
/// documents at least write the other way is reported.
fn near_keys(model: &Model) -> BTreeMap<String, String> {
    struct Info {
        docs: Vec<usize>,
        stories: Vec<usize>,
        proper: Vec<String>,
        acronyms: Vec<String>,
    }
    let mut info: BTreeMap<&str, Info> = BTreeMap::new();
    for (d, c) in model.claims.iter().enumerate() {
        for (i, n) in c.named.iter().enumerate() {
            if n.class != NamedClass::Organisation {
                continue;
            }
            let e = info.entry(n.key.as_str()).or_insert_with(|| Info {
                docs: vec![],
                stories: vec![],
                proper: vec![],
                acronyms: vec![],
            });
            e.docs.push(d);
            e.stories.push(model.stories[d]);
            e.proper.extend(n.proper.iter().cloned());
            e.acronyms.extend(
                c.acronyms
                    .iter()
                    .filter(|a| a.long == i)
                    .map(|a| fold(&a.acronym)),
            );
        }
    }
    // Each name's proper words and acronyms once, however many times it is written.
    for i in info.values_mut() {
        i.docs.dedup();
        i.stories.sort_unstable();
        i.stories.dedup();
        i.proper.sort_unstable();
        i.proper.dedup();
        i.acronyms.sort_unstable();
        i.acronyms.dedup();
    }
    // Keys one word apart meet under a signature: a key's words with one of them left out (two
    // keys with one word replaced at the same place), or all its words (a key with one word more,
    // that word left out). Each key is filed under its `n + 1` signatures, so the cost grows with
    // the number of names, not with its square, however many an archive holds under one head.
    let mut buckets: BTreeMap<Vec<&str>, Vec<&str>> = BTreeMap::new();
    for key in info.keys() {
        let words: Vec<&str> = key.split(' ').collect();
        if words.len() < 3 {
            continue;
        }
        buckets.entry(words.clone()).or_default().push(key);
        for i in 0..words.len() {
            let mut rest = words.clone();
            rest.remove(i);
            buckets.entry(rest).or_default().push(key);
        }
    }
    let mut pairs: BTreeSet<(&str, &str)> = BTreeSet::new();
    for keys in buckets.values() {
        for (x, a) in keys.iter().enumerate() {
            for b in &keys[x + 1..] {
                pairs.insert(((*a).min(*b), (*a).max(*b)));
            }
        }
    }
    drop(buckets);
    let mut map = BTreeMap::new();
    for &(a, b) in &pairs {
        let (wa, wb): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
        // One body's names share their head word.
        if wa.len().max(wb.len()) < 4 || wa[0] != wb[0] {
            continue;
        }
        let Some(diff) = one_word_apart(&wa, &wb) else {
            continue;
        };
        let (ia, ib) = (&info[a], &info[b]);
        let same_story = ia
            .stories
            .iter()
            .any(|s| ib.stories.binary_search(s).is_ok());
        if !same_story
            && (wa.len() != wb.len() || wa.len() < 5 || ia.docs.len().max(ib.docs.len()) < 2)
        {
            continue;
        }
        if diff
            .iter()
            .any(|w| ia.proper.iter().chain(&ib.proper).any(|p| p == w))
        {
            continue;
        }
        if !ia.acronyms.is_empty()
            && !ib.acronyms.is_empty()
            && !ia.acronyms.iter().any(|x| ib.acronyms.contains(x))
        {
            continue;
        }
        // Documents are pushed in order and deduplicated above: their count is the number
        // of documents that write the key.
        let (winner, loser) =
            if (ia.docs.len(), std::cmp::Reverse(a)) >= (ib.docs.len(), std::cmp::Reverse(b)) {
                (a, b)
            } else {
                (b, a)
            };
        map.entry(loser.to_string())
            .or_insert_with(|| winner.to_string());
    }
    map
}

/// Modifiers that tell two texts apart rather than misname one ("Plan national" / "Plan régional de
/// développement", "loi de finances initiale" / "rectificative").
const DISTINGUISHING: &[&str] = &[
    "national",
    "regional",
    "international",
    "continental",
    "local",
    "communal",
    "provincial",
    "federal",
    "provisoire",
    "transitoire",
    "definitif",
    "initial",
    "rectificatif",
    "nouveau",
    "nouvel",
    "nouvelle",
    "ancien",
    "premier",
    "second",
    "deuxieme",
    "troisieme",
    "dernier",
    "interieur",
    "exterieur",
    "public",
    "prive",
    "general",
    "special",
    "particulier",
    "annuel",
    "additionnel",
    "complementaire",
    "facultatif",
    "bilateral",
    "multilateral",
];

/// Distinguishing modifiers of one meaning (folded, masculine): "spécial" and "particulier" both
/// set a text apart from the general one, so one written for the other misnames it.
const SAME_MEANING: &[(&str, &str)] = &[("special", "particulier")];

fn same_meaning(a: &str, b: &str) -> bool {
    let base = |w: &str| -> String {
        let w = w.strip_suffix('s').unwrap_or(w);
        match w.strip_suffix("iere") {
            Some(stem) => format!("{stem}ier"),
            None => w
                .strip_suffix("ale")
                .map_or(w.to_string(), |s| format!("{s}al")),
        }
    };
    let (a, b) = (base(a), base(b));
    SAME_MEANING
        .iter()
        .any(|&(x, y)| (a == x && b == y) || (a == y && b == x))
}

/// Endings of the adjectives that say what a text is about ("Code pénal" / "Code électoral", "Plan
/// de développement sanitaire" / "économique", "revenus pétroliers" / "miniers"): two such words
/// name two texts.
const DOMAIN_ENDINGS: &[&str] = &[
    "ique", "aire", "al", "el", "ier", "iere", "if", "ive", "ile", "ole", "ien", "ienne", "ais",
    "aise", "ois", "oise",
];

/// A key word whose replacement may misname a text ("transparence" / "traçabilité", "commun" /
/// "conjoint"), not tell two texts apart: a common word of four letters or more, neither a
/// distinguishing modifier nor an adjective of what a text is about (feminine forms included).
fn replaceable(w: &str) -> bool {
    let m = w.strip_suffix('e').unwrap_or(w);
    w.chars().all(char::is_alphabetic)
        && w.chars().count() >= 4
        && !DISTINGUISHING.contains(&w)
        && !DISTINGUISHING.contains(&m)
        && !DOMAIN_ENDINGS
            .iter()
            .any(|e| w.ends_with(e) || m.ends_with(e))
}

/// Text keys under one head that differ by one word replaced ("Loi sur la transparence des
/// revenus pétroliers" / "Loi sur la traçabilité des revenus pétroliers", "Cadre commun du G20" /
/// "Cadre conjoint du G20"), mapped to the key most documents use, per (head, key). The rest must
/// be a proper name other than a place or, in one story, two words; the replaced words must be
/// common words, not modifiers that tell texts apart or say what a text is about; and no document
/// may write both (it would cite two texts). Keys are bucketed by head and by their words with one
/// position masked, so only keys one replacement apart are ever compared.
fn near_text_keys(model: &Model) -> BTreeMap<(String, String), String> {
    #[derive(Default)]
    struct Info {
        docs: BTreeSet<usize>,
        stories: BTreeSet<usize>,
        proper: BTreeSet<String>,
    }
    let mut info: BTreeMap<(String, &str), Info> = BTreeMap::new();
    for (d, c) in model.claims.iter().enumerate() {
        for n in c.named.iter().filter(|n| n.class == NamedClass::Document) {
            if !n.key.contains(' ') {
                continue;
            }
            let e = info.entry((fold(&n.head), n.key.as_str())).or_default();
            e.docs.insert(d);
            e.stories.insert(model.stories[d]);
            e.proper.extend(n.proper.iter().cloned());
        }
    }
    // (head, masked position, the other words) → keys.
    type Bucket<'k> = (&'k str, usize, Vec<&'k str>);
    let mut buckets: BTreeMap<Bucket, Vec<&(String, &str)>> = BTreeMap::new();
    for k in info.keys() {
        let words: Vec<&str> = k.1.split(' ').collect();
        for i in 0..words.len() {
            let mut rest = words.clone();
            rest.remove(i);
            buckets.entry((k.0.as_str(), i, rest)).or_default().push(k);
        }
    }
    let mut candidates: BTreeMap<&(String, &str), Vec<(usize, &str)>> = BTreeMap::new();
    for ((_, i, rest), keys) in &buckets {
        for (x, a) in keys.iter().enumerate() {
            for b in &keys[x + 1..] {
                let diff = [
                    a.1.split(' ').nth(*i).unwrap_or_default(),
                    b.1.split(' ').nth(*i).unwrap_or_default(),
                ];
                let (ia, ib) = (&info[*a], &info[*b]);
                let common =
                    |w: &&str| replaceable(w) && !ia.proper.contains(*w) && !ib.proper.contains(*w);
                // A shared place says little: "Code pénal du Sénégal" and "Code civil du
                // Sénégal" are two codes.
                let shared_proper = rest.iter().any(|w| {
                    (ia.proper.contains(*w) || ib.proper.contains(*w))
                        && !place_named(model, w)
                        && !model.lex.pack.region.iter().any(|r| fold(&r.name) == *w)
                });
                let same_story = ia.stories.intersection(&ib.stories).next().is_some();
                // "Statut spécial des enseignants" for "Statut particulier des enseignants": two
                // modifiers of one meaning misname one text, even before a one-word rest.
                let synonyms = same_meaning(diff[0], diff[1]);
                if !(diff.iter().all(common) || synonyms)
                    || !(shared_proper
                        || (same_story && (rest.len() >= 2 || synonyms && !rest.is_empty())))
                    || ia.docs.intersection(&ib.docs).next().is_some()
                {
                    continue;
                }
                let (winner, loser, n) = if (ia.docs.len(), std::cmp::Reverse(a.1))
                    >= (ib.docs.len(), std::cmp::Reverse(b.1))
                {
                    (a, b, ia.docs.len())
                } else {
                    (b, a, ib.docs.len())
                };
                candidates.entry(loser).or_default().push((n, winner.1));
            }
        }
    }
    // A key one word away from two texts is a variant of neither, unless one is named by more
    // documents.
    let mut map = BTreeMap::new();
    for (loser, mut winners) in candidates {
        winners.sort_unstable_by(|x, y| y.cmp(x));
        if winners.len() > 1 && winners[0].0 == winners[1].0 {
            continue;
        }
        map.insert(
            (loser.0.clone(), loser.1.to_string()),
            winners[0].1.to_string(),
        );
    }
    map
}

fn check(model: &Model, _params: &Params) -> Vec<Finding> {
    let mut out = Vec::new();
    // (class, key) → mentions; the form compared is the head for texts, the content for bodies.
    let mut groups: BTreeMap<(NamedClass, String), Vec<Mention>> = BTreeMap::new();
    let near = near_keys(model);
    let near_texts = near_text_keys(model);
    let mut neutral: BTreeMap<&str, String> = BTreeMap::new();
    for (d, c) in model.claims.iter().enumerate() {
        for n in &c.named {
            let (key, form) = match n.class {
                NamedClass::Organisation => (
                    near.get(&n.key).unwrap_or(&n.key).clone(),
                    // Once per distinct name: a corpus writes the same ones again and again.
                    neutral
                        .entry(n.content.as_str())
                        .or_insert_with(|| without_countries(&n.content, model.lex))
                        .clone(),
                ),
                NamedClass::Document => {
                    let head = head_noun(&n.head);
                    // A text whose key is one word away from another's: the key is the variant.
                    let near = (!near_texts.is_empty())
                        .then(|| near_texts.get(&(head.clone(), n.key.clone())))
                        .flatten();
                    match near {
                        Some(k) => (k.clone(), format!("{head} {}", n.key)),
                        None => (n.key.clone(), head),
                    }
                }
            };
            groups.entry((n.class, key)).or_default().push(Mention {
                doc: d,
                start: n.start,
                end: n.end,
                form,
                raw: model.docs[d].slice(n.start, n.end).to_string(),
                topic: n.topic.clone(),
            });
        }
    }
    for ((class, key), mentions) in groups {
        // The knowledge base's form, when it names this thing.
        let kb = match class {
            NamedClass::Document => model.kb.documents.iter().find_map(|k| {
                (k.named.key == key).then(|| (fold(&k.named.head), k.name.clone(), k.span))
            }),
            NamedClass::Organisation => model.kb.organisations.iter().find_map(|o| {
                o.names.iter().find_map(|n| {
                    let named = n.named.as_ref()?;
                    (named.key == key).then(|| (named.content.clone(), n.name.clone(), n.span))
                })
            }),
        };
        let mut docs_per_form: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for m in &mentions {
            docs_per_form
                .entry(m.form.as_str())
                .or_default()
                .push(m.doc);
        }
        let forms: Vec<(&str, usize)> = docs_per_form
            .iter()
            .map(|(f, ds)| (*f, distinct(ds.iter()).len()))
            .collect();
        let reference: Option<String> = match &kb {
            Some((f, _, _)) => Some(f.clone()),
            None => {
                if forms.len() < 2 {
                    continue;
                }
                let best = forms.iter().map(|f| f.1).max().unwrap_or(0);
                let top: Vec<_> = forms.iter().filter(|f| f.1 == best).collect();
                (top.len() == 1).then(|| top[0].0.to_string())
            }
        };
        if class == NamedClass::Document && place_named(model, &key) && kb.is_none() {
            // "Accord d'Alger" and "Déclaration d'Alger" may be two texts: only near-misspelt heads.
            let heads: Vec<&str> = forms.iter().map(|f| f.0).collect();
            let near = heads.iter().enumerate().any(|(i, a)| {
                heads[i + 1..]
                    .iter()
                    .any(|b| strsim::levenshtein(a, b) <= 2)
            });
            // Or texts on one topic: "Charte" and "Déclaration de Malabo sur la paix" (one topic
            // written under two heads).
            let mut forms_per_topic: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
            for m in &mentions {
                if let Some(t) = &m.topic {
                    forms_per_topic
                        .entry(topic_noun(t))
                        .or_default()
                        .insert(&m.form);
                }
            }
            let same_topic = forms_per_topic.values().any(|f| f.len() > 1);
            // Or one signed text of one story: "Protocole de Gitega" in most of its articles,
            // "Accord de Gitega" in one, and no article naming both (it would cite two texts).
            let one_signed_text = || {
                let signed = |f: &str| {
                    let first = f.split([' ', '\'']).next().unwrap_or_default();
                    crate::extract::SIGNED_HEADS.contains(&first)
                };
                let mut form_of_doc: BTreeMap<usize, &str> = BTreeMap::new();
                reference.is_some()
                    && forms.iter().all(|f| signed(f.0))
                    && distinct(mentions.iter().map(|m| model.stories[m.doc])).len() == 1
                    && mentions
                        .iter()
                        .all(|m| *form_of_doc.entry(m.doc).or_insert(&m.form) == m.form)
            };
            if !near && !same_topic && !one_signed_text() {
                continue;
            }
        }
        let variants: Vec<&str> = forms
            .iter()
            .map(|f| f.0)
            .filter(|f| reference.as_deref() != Some(*f))
            .collect();
        if variants.is_empty() || (reference.is_none() && variants.len() < 2) {
            continue;
        }
        let severity = if kb.is_some() {
            Severity::Error
        } else {
            Severity::Warning
        };
        // The reference as most often written: one spelling shown (accents and case are house
        // style, and two spellings side by side would read as another disagreement).
        let ref_raw = reference.as_ref().and_then(|r| {
            let mut spellings: BTreeMap<&str, usize> = BTreeMap::new();
            for m in mentions.iter().filter(|m| m.form == *r) {
                *spellings.entry(m.raw.as_str()).or_default() += 1;
            }
            spellings
                .into_iter()
                .max_by_key(|(_, n)| *n)
                .map(|(s, _)| s.to_string())
        });
        let ref_mentions: Vec<&Mention> = match &reference {
            Some(r) => first_per_doc(
                mentions
                    .iter()
                    .filter(|m| m.form == *r && ref_raw.as_deref().is_none_or(|s| s == m.raw)),
            ),
            None => Vec::new(),
        };
        let ref_display = match (&kb, ref_mentions.first()) {
            (Some((_, name, _)), _) => name.clone(),
            (None, Some(m)) => m.raw.clone(),
            (None, None) => String::new(),
        };
        let groups_to_report: Vec<Vec<&str>> = if reference.is_some() {
            variants.iter().map(|v| vec![*v]).collect()
        } else {
            vec![variants.clone()]
        };
        for vs in groups_to_report {
            let bad: Vec<&Mention> =
                first_per_doc(mentions.iter().filter(|m| vs.contains(&m.form.as_str())));
            let Some(primary) = bad.first() else { continue };
            let named_here = |m: &&Mention| m.evidence(model, "named ");
            let mut evidence: Vec<Evidence> = bad.iter().map(named_here).collect();
            evidence.extend(ref_mentions.iter().take(4).map(named_here));
            if let Some((_, name, span)) = &kb {
                evidence.push(kb_evidence(
                    *span,
                    name.clone(),
                    "the knowledge base's name".into(),
                ));
            }
            let n_ref = distinct(ref_mentions.iter().map(|m| m.doc)).len();
            let n_bad = distinct(bad.iter().map(|m| m.doc)).len();
            let what = if class == NamedClass::Document {
                "text"
            } else {
                "organisation"
            };
            let (message, help) = if reference.is_some() {
                (
                    format!(
                        "`{}` names the {what} elsewhere written `{ref_display}`",
                        primary.raw
                    ),
                    if let Some((_, name, _)) = &kb {
                        format!(
                            "write `{name}`: the knowledge base ({}) names it so",
                            model.kb.files[kb.as_ref().map_or(0, |k| k.2.file)].path
                        )
                    } else {
                        format!(
                            "write `{ref_display}`: {} of {} write it so",
                            count(n_ref, "source"),
                            count(n_ref + n_bad, "source")
                        )
                    },
                )
            } else {
                (
                    format!("one {what} is named {} ways", bad.len()),
                    "no form has a majority and no knowledge base names it: check the official name".into(),
                )
            };
            out.push(Finding {
                rule: RULE.id,
                wrong: if reference.is_some() { bad.len() } else { 0 },
                fixes: Vec::new(),
                kind: RULE.kind,
                severity,
                subject: if ref_display.is_empty() {
                    primary.raw.clone()
                } else {
                    ref_display.clone()
                },
                message,
                help: Some(help),
                evidence,
            });
            // The fix: every variant mention becomes the reference, when there is one.
            if reference.is_some()
                && !ref_display.is_empty()
                && let Some(last) = out.last_mut()
            {
                last.fixes = mentions
                    .iter()
                    .filter(|m| vs.contains(&m.form.as_str()))
                    .map(|m| Edit {
                        doc: m.doc,
                        start: m.start,
                        end: m.end,
                        replacement: ref_display.clone(),
                    })
                    .collect();
            }
        }
    }
    out.extend(other_place(model));
    out.extend(other_purpose(model));
    out
}

/// A text named with the same head and place in one story, for a purpose one word apart ("la
/// Déclaration de Douala pour l'alternance démocratique", then "… pour la transition
/// démocratique"): one text, one word of its name changed. Only purposes of two words at least
/// are compared (one noun for another says nothing of the rest), and a document that writes both
/// cites two texts.
fn other_purpose(model: &Model) -> Vec<Finding> {
    // (story, head, key) → purpose → mentions.
    let groups = texts_by(model, |key, topic| {
        topic.contains(' ').then_some((key, topic))
    });
    let purposes_apart = |a: &str, b: &str| {
        let (a, b): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
        a.len() == b.len() && a.iter().zip(&b).filter(|(x, y)| x != y).count() == 1
    };
    let mut out = Vec::new();
    for by_purpose in groups.values().filter(|g| g.len() == 2) {
        let mut it = by_purpose.iter();
        let (Some((pa, ma)), Some((pb, mb))) = (it.next(), it.next()) else {
            continue;
        };
        let (da, db) = (
            distinct(ma.iter().map(|m| m.doc)),
            distinct(mb.iter().map(|m| m.doc)),
        );
        if !purposes_apart(pa, pb) || da.iter().any(|d| db.contains(d)) {
            continue;
        }
        // The purpose most documents write is the reference; a tie names no wrong side.
        let ((usual, usual_ms), (other, other_ms)) = match da.len().cmp(&db.len()) {
            std::cmp::Ordering::Greater => ((pa, ma), (pb, mb)),
            std::cmp::Ordering::Less => ((pb, mb), (pa, ma)),
            std::cmp::Ordering::Equal => {
                // Unordered: report both sides, the later document's first.
                let later = |ms: &[Mention]| ms.iter().map(|m| m.doc).max();
                if later(ma) > later(mb) {
                    ((pb, mb), (pa, ma))
                } else {
                    ((pa, ma), (pb, mb))
                }
            }
        };
        let wrong = first_per_doc(other_ms.iter());
        let right = first_per_doc(usual_ms.iter());
        out.push(text_finding(
            model,
            &wrong,
            &right,
            format!(
                "`{}` here is for `{other}`, elsewhere in the story for `{usual}`: one word of \
                 the text's name changed",
                wrong[0].raw
            ),
            format!(
                "`{}` is for `{usual}` in {}",
                right[0].raw,
                count(distinct(usual_ms.iter().map(|m| m.doc)).len(), "source"),
            ),
        ));
    }
    out
}

/// A text named after one place in most articles of a story and after another in one ("la
/// Déclaration d'Accra sur la sécurité maritime", then "la Déclaration de Tema sur la sécurité
/// maritime"): the same head and the same topic, so one text. Only a document that never names
/// the usual place for that head and topic is reported (one that names both cites two texts), and
/// only when the usual place is in two documents at least and twice as many as the other.
fn other_place(model: &Model) -> Vec<Finding> {
    // (story, head, topic) → key → mentions.
    let groups = texts_by(model, |key, topic| Some((topic_noun(topic), key)));
    let mut out = Vec::new();
    for by_key in groups.values().filter(|g| g.len() > 1) {
        let docs = |ms: &[Mention]| distinct(ms.iter().map(|m| m.doc));
        let Some((usual, usual_ms)) = by_key
            .iter()
            .max_by(|a, b| docs(a.1).len().cmp(&docs(b.1).len()).then(b.0.cmp(a.0)))
        else {
            continue;
        };
        let usual_docs = docs(usual_ms);
        for (key, ms) in by_key {
            let other_docs = docs(ms);
            if key == usual
                || usual_docs.len() < 2
                || usual_docs.len() < 2 * other_docs.len()
                || other_docs.iter().any(|d| usual_docs.contains(d))
            {
                continue;
            }
            let wrong = first_per_doc(ms.iter());
            let right = first_per_doc(usual_ms.iter());
            out.push(text_finding(
                model,
                &wrong,
                &right,
                format!(
                    "`{}` here, `{}` in the story's other articles: one head and topic, another \
                     place",
                    wrong[0].raw, right[0].raw
                ),
                format!(
                    "{} of the story name it after `{usual}`, with the same head and topic: check \
                     where it was adopted",
                    count(usual_docs.len(), "source")
                ),
            ));
        }
    }
    out
}

/// Named texts that have a topic and name a place, grouped by story, head and the first string
/// `split` picks from (key, topic), then by the second: the mentions of each.
type TextGroups<'m> = BTreeMap<(usize, String, &'m str), BTreeMap<&'m str, Vec<Mention>>>;

fn texts_by<'m>(
    model: &'m Model,
    split: impl Fn(&'m str, &'m str) -> Option<(&'m str, &'m str)>,
) -> TextGroups<'m> {
    let mut groups = TextGroups::new();
    for (d, c) in model.claims.iter().enumerate() {
        for n in &c.named {
            let Some(topic) = n.topic.as_deref() else {
                continue;
            };
            if n.class != NamedClass::Document || n.proper.is_empty() {
                continue;
            }
            let Some((outer, inner)) = split(n.key.as_str(), topic) else {
                continue;
            };
            groups
                .entry((model.stories[d], head_noun(&n.head), outer))
                .or_default()
                .entry(inner)
                .or_default()
                .push(Mention {
                    doc: d,
                    start: n.start,
                    end: n.end,
                    form: n.key.clone(),
                    raw: model.docs[d].slice(n.start, n.end).to_string(),
                    topic: Some(topic.to_string()),
                });
        }
    }
    groups
}

/// The noun a topic is grouped by: a subject of two nouns joined by "et" ("peche durable et
/// delimitation maritime") by its first, as a lone subject is ("paix" for "sur la paix et la
/// sécurité" and "sur la paix, la sécurité et …"); a purpose ("alternance democratique") whole.
fn topic_noun(topic: &str) -> &str {
    if topic.contains(" et ") {
        topic.split(' ').next().unwrap_or(topic)
    } else {
        topic
    }
}

/// A head folded without "-cadre": an "accord-cadre" is an accord, a "loi-cadre" a law, and
/// articles drop the word as often as they keep it.
fn head_noun(head: &str) -> String {
    let f = fold(head);
    match f.strip_suffix("-cadre") {
        Some(h) if !h.is_empty() => h.to_string(),
        _ => f,
    }
}

/// A warning that names `wrong`'s documents first, then up to three of `right`'s.
fn text_finding(
    model: &Model,
    wrong: &[&Mention],
    right: &[&Mention],
    message: String,
    help: String,
) -> Finding {
    let here = |m: &&Mention| m.evidence(model, "");
    let mut evidence: Vec<Evidence> = wrong.iter().map(here).collect();
    evidence.extend(right.iter().take(3).map(here));
    Finding {
        rule: RULE.id,
        kind: RULE.kind,
        severity: Severity::Warning,
        subject: right.first().map(|m| m.raw.clone()).unwrap_or_default(),
        message,
        help: Some(help),
        wrong: wrong.len(),
        fixes: Vec::new(),
        evidence,
    }
}

/// An organisation's content words without the country that qualifies it: "Assemblée nationale du
/// Ghana", "Assemblée nationale ghanéenne" and "Assemblée nationale" are one name written three
/// ways, not variants. Regions stay: "États du Sahel" and "États sahéliens" differ.
fn without_countries(content: &str, lex: &crate::lexicon::Lexicon) -> String {
    use crate::lexicon::Lex;
    let toks = crate::text::tokenize(content);
    let mut words = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some((e, ())) = lex.find_at(&toks, i, |l| {
            matches!(l, Lex::Country(_) | Lex::CountryAdj(_)).then_some(())
        }) {
            i = e;
            continue;
        }
        words.push(toks[i].fold.as_str());
        i += 1;
    }
    if words.is_empty() {
        content.to_string()
    } else {
        words.join(" ")
    }
}

/// Whether a text's key is a city or country ("Alger", "Paris"), after which many texts are named.
fn place_named(model: &Model, key: &str) -> bool {
    model.lex.pack.country.iter().any(|c| {
        fold(&c.name) == key
            || c.forms.iter().any(|f| fold(f) == key)
            || c.capital.as_ref().is_some_and(|cap| fold(cap) == key)
    })
}

impl super::InDoc for Mention {
    fn doc(&self) -> usize {
        self.doc
    }
}

#[cfg(test)]
mod tests {
    use super::replaceable;

    #[test]
    fn words_that_tell_texts_apart_are_not_replaceable() {
        for w in [
            "transparence",
            "tracabilite",
            "protection",
            "commun",
            "conjoint",
            "gestion",
        ] {
            assert!(replaceable(w), "{w}");
        }
        for w in [
            "nationale",
            "regional",
            "locale",
            "penal",
            "electorale",
            "sanitaire",
            "economique",
            "petroliere",
            "minier",
            "rectificative",
            "nouvelle",
            "g20",
            "loi",
        ] {
            assert!(!replaceable(w), "{w}");
        }
    }
}
