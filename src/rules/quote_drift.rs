//! `quote-drift` and `misattribution`: the same quotation worded differently across documents, and
//! the same words put in different mouths. Candidate pairs come from a shingle index, never from
//! comparing all pairs.

use std::collections::{BTreeMap, HashMap};

use super::{Params, Rule, dated, doc_evidence};
use crate::finding::{Evidence, Finding, Kind, Severity};
use crate::resolve::Model;

pub const RULE: Rule = Rule {
    id: "quote-drift",
    kind: Kind::QuoteDrift,
    default_severity: Severity::Warning,
    summary: "one quotation worded differently in different documents",
    doc: r#"## What it does

Reads quotations (« … », “ … ”, "…") with their speakers, finds quotations in different documents
that share runs of words (a shingle index), aligns them word by word, and reports the ones that are
the same quotation in other words. `help` shows a word-level diff (`[-removed-]`, `{+added+}`).

## Why it matters

A quotation is a promise that these were the words. Two wordings of one sentence — of a minister,
or of an article of a treaty — mean at least one outlet paraphrased inside quotation marks.

## Example

    « Notre priorité est la lutte contre le terrorisme »        (article A)
    « Notre priorité c'est la lutte contre le terrorisme »      (article B)

## Not flagged

- A partial quotation: one article quotes part of what another quotes in full, word for word.
- Typography: quotation marks, apostrophes, case, accents.
- Quotations shorter than `quote-min-words`.

## Configuration

`quote-similarity` (default 0.5): share of the shorter quotation's words that must align.
`quote-min-words` (default 6)."#,
    check: check_drift,
};

pub const MISATTRIBUTION: Rule = Rule {
    id: "misattribution",
    kind: Kind::Misattribution,
    default_severity: Severity::Warning,
    summary: "the same words attributed to different speakers",
    doc: r#"## What it does

Finds the same quotation (nearly word for word) in different documents, each with a speaker read
from its reporting clause ("», a déclaré X", "Selon X, «", "X a affirmé : «", and "a-t-il ajouté"
resolved to the previous speaker), and reports when the speakers are different people.

## Why it matters

Putting one person's words in another's mouth is among the most damaging errors a newsroom makes.

## Example

    « Nous ne céderons pas », a déclaré le ministre X.     (article A)
    « Nous ne céderons pas », a affirmé le Premier ministre Y.   (article B)

## Not flagged

- Quotations without a speaker on one side.
- Speakers the resolver takes for one person (spelling variants are `name-variant`).

## Configuration

None."#,
    check: check_misattribution,
};

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct QId {
    doc: usize,
    q: usize,
}

/// An alignment of a shorter quotation against a longer one.
struct Alignment {
    /// Share of the shorter quotation's words that align.
    ratio: f64,
    /// The shorter quotation appears word for word inside the longer one.
    contained: bool,
    /// Matching word pairs (index in short, index in long).
    pairs: Vec<(usize, usize)>,
}

fn align<T: PartialEq>(a: &[T], b: &[T]) -> Alignment {
    let (n, m) = (a.len(), b.len());
    let mut dp = vec![0u16; (n + 1) * (m + 1)];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            dp[i * (m + 1) + j] = if a[i] == b[j] {
                dp[(i + 1) * (m + 1) + j + 1] + 1
            } else {
                dp[(i + 1) * (m + 1) + j].max(dp[i * (m + 1) + j + 1])
            };
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if a[i] == b[j] {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if dp[(i + 1) * (m + 1) + j] >= dp[i * (m + 1) + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    let contained = n > 0 && b.windows(n).any(|w| w == a);
    Alignment {
        ratio: if n == 0 {
            0.0
        } else {
            pairs.len() as f64 / n as f64
        },
        contained,
        pairs,
    }
}

/// The words of a quotation as written.
fn raw_words(model: &Model, id: QId) -> Vec<String> {
    let q = &model.claims[id.doc].quotes[id.q];
    q.word_spans
        .iter()
        .map(|&(s, e)| model.docs[id.doc].text[s..e].to_string())
        .collect()
}

/// Word-level diff of `a` against `b` (raw words, aligned on folded ones), limited to the aligned
/// region, as `[-…-]` / `{+…+}`.
fn word_diff(a: &[String], b: &[String], al: &Alignment) -> String {
    let mut out = Vec::new();
    let (Some(&(_, b0)), Some(&(a1, b1))) = (al.pairs.first(), al.pairs.last()) else {
        return String::new();
    };
    let a0 = al.pairs[0].0;
    // Unmatched words at the start: the short quotation's, and as many of the long one's.
    if a0 > 0 {
        out.push(format!("[-{}-]", a[..a0].join(" ")));
    }
    if b0 > 0 && a0 > 0 {
        out.push(format!("{{+{}+}}", b[b0.saturating_sub(a0)..b0].join(" ")));
    }
    let (mut i, mut j) = (a0, b0);
    for &(pi, pj) in &al.pairs {
        if i < pi {
            out.push(format!("[-{}-]", a[i..pi].join(" ")));
        }
        if j < pj {
            out.push(format!("{{+{}+}}", b[j..pj].join(" ")));
        }
        out.push(a[pi].clone());
        i = pi + 1;
        j = pj + 1;
    }
    if a1 + 1 < a.len() {
        out.push(format!("[-{}-]", a[a1 + 1..].join(" ")));
        let extra = (a.len() - a1 - 1).min(b.len() - b1 - 1);
        if extra > 0 {
            out.push(format!("{{+{}+}}", b[b1 + 1..b1 + 1 + extra].join(" ")));
        }
    }
    let s = out.join(" ");
    if s.chars().count() > 400 {
        let cut: String = s.chars().take(400).collect();
        format!("{cut} …")
    } else {
        s
    }
}

/// Similar quotation pairs from different documents, found through shared word trigrams.
fn candidate_pairs(model: &Model, min_words: usize) -> Vec<(QId, QId)> {
    let mut index: HashMap<[&str; 3], Vec<QId>> = HashMap::new();
    for (d, c) in model.claims.iter().enumerate() {
        for (q, quote) in c.quotes.iter().enumerate() {
            if quote.words.len() < min_words {
                continue;
            }
            let mut seen = std::collections::HashSet::new();
            for w in quote.words.windows(3) {
                let key = [w[0].as_str(), w[1].as_str(), w[2].as_str()];
                if seen.insert(key) {
                    index.entry(key).or_default().push(QId { doc: d, q });
                }
            }
        }
    }
    let mut shared: BTreeMap<(QId, QId), usize> = BTreeMap::new();
    for list in index.values() {
        // Boilerplate shared by very many quotations says nothing about any two of them.
        if list.len() > 64 {
            continue;
        }
        for (i, a) in list.iter().enumerate() {
            for b in &list[i + 1..] {
                if a.doc != b.doc {
                    *shared.entry((*a.min(b), *a.max(b))).or_default() += 1;
                }
            }
        }
    }
    // Worth aligning: pairs that share enough of the shorter quotation's trigrams — a fifth of them
    // within one story or for one speaker, half of them otherwise (the same words, another speaker).
    let trigrams = |q: QId| {
        model.claims[q.doc].quotes[q.q]
            .words
            .len()
            .saturating_sub(2)
            .max(1)
    };
    shared
        .into_iter()
        .filter(|&((a, b), n)| {
            let least = trigrams(a).min(trigrams(b)) as f64;
            let speaker = |q: QId| {
                let m = model.claims[q.doc].quotes[q.q].speaker?;
                model.entity_of(q.doc, m)
            };
            let related = model.stories[a.doc] == model.stories[b.doc]
                || speaker(a).is_some_and(|x| speaker(b) == Some(x));
            let needed = if related { 0.2 } else { 0.5 };
            n >= 2 && n as f64 >= needed * least
        })
        .map(|(p, _)| p)
        .collect()
}

struct Pair {
    a: QId,
    b: QId,
    identical: bool,
}

/// Quotations of the same numbered article in one story: the same text by definition, however
/// loosely they align.
fn article_pairs(model: &Model, min_words: usize) -> Vec<(QId, QId)> {
    let mut by_article: BTreeMap<(usize, &str), Vec<QId>> = BTreeMap::new();
    for (d, c) in model.claims.iter().enumerate() {
        for (q, quote) in c.quotes.iter().enumerate() {
            if let Some(a) = &quote.article
                && quote.words.len() >= min_words
            {
                by_article
                    .entry((model.stories[d], a.as_str()))
                    .or_default()
                    .push(QId { doc: d, q });
            }
        }
    }
    let mut out = Vec::new();
    for list in by_article.values() {
        for (i, a) in list.iter().enumerate() {
            out.extend(
                list[i + 1..]
                    .iter()
                    .filter(|b| b.doc != a.doc)
                    .map(|b| (*a, *b)),
            );
        }
    }
    out
}

/// Every quotation's words as ids (one id per distinct folded word).
struct Interned {
    ids: BTreeMap<QId, Vec<u32>>,
}

impl Interned {
    fn new(model: &Model) -> Self {
        let mut vocab: HashMap<&str, u32> = HashMap::new();
        let mut ids = BTreeMap::new();
        for (d, c) in model.claims.iter().enumerate() {
            for (q, quote) in c.quotes.iter().enumerate() {
                let v = quote
                    .words
                    .iter()
                    .map(|w| {
                        let next = vocab.len() as u32;
                        *vocab.entry(w.as_str()).or_insert(next)
                    })
                    .collect();
                ids.insert(QId { doc: d, q }, v);
            }
        }
        Interned { ids }
    }

    fn get(&self, q: QId) -> &[u32] {
        self.ids.get(&q).map_or(&[], Vec::as_slice)
    }
}

fn pairs(model: &Model, params: &Params) -> Vec<Pair> {
    let mut out = Vec::new();
    let interned = Interned::new(model);
    let by_article: std::collections::BTreeSet<(QId, QId)> =
        article_pairs(model, params.quote_min_words)
            .into_iter()
            .collect();
    let mut candidates = candidate_pairs(model, params.quote_min_words);
    candidates.extend(by_article.iter().copied());
    candidates.sort();
    candidates.dedup();
    for (a, b) in candidates {
        let (qa, qb) = (
            &model.claims[a.doc].quotes[a.q],
            &model.claims[b.doc].quotes[b.q],
        );
        let (short, long) = if qa.words.len() <= qb.words.len() {
            (qa, qb)
        } else {
            (qb, qa)
        };
        // Word for word the same, or found whole in the other: a repeat or a partial quotation.
        let n = short.words.len();
        if long.words.windows(n).any(|w| w == short.words.as_slice()) {
            out.push(Pair {
                a,
                b,
                identical: true,
            });
            continue;
        }
        // Align on interned word ids: integer comparisons in the quadratic loop.
        let (sa, sb) = if qa.words.len() <= qb.words.len() {
            (a, b)
        } else {
            (b, a)
        };
        let al = align(interned.get(sa), interned.get(sb));
        // One article quoted twice need only share a third of its words to be one text.
        let floor = if by_article.contains(&(a, b)) {
            params.quote_similarity.min(0.3)
        } else {
            params.quote_similarity
        };
        if al.ratio < floor {
            continue;
        }
        out.push(Pair {
            a,
            b,
            identical: al.contained,
        });
    }
    out
}

fn find(parent: &mut BTreeMap<QId, QId>, x: QId) -> QId {
    let p = *parent.get(&x).unwrap_or(&x);
    if p == x {
        return x;
    }
    let r = find(parent, p);
    parent.insert(x, r);
    r
}

fn speaker_name(model: &Model, id: QId) -> Option<(usize, String)> {
    let q = &model.claims[id.doc].quotes[id.q];
    let m = q.speaker?;
    let e = model.entity_of(id.doc, m)?;
    Some((e, model.entities[e].name.clone()))
}

fn quote_evidence(model: &Model, id: QId, label: String) -> Evidence {
    let q = &model.claims[id.doc].quotes[id.q];
    let text = &model.docs[id.doc].text[q.start..q.end];
    let claim: String = text.chars().take(200).collect();
    doc_evidence(
        id.doc,
        q.start,
        q.end,
        claim,
        format!("{label}{}", dated(model, id.doc)),
    )
}

fn check_drift(model: &Model, params: &Params) -> Vec<Finding> {
    let mut parent: BTreeMap<QId, QId> = BTreeMap::new();
    let mut drifting = Vec::new();
    for p in pairs(model, params) {
        if p.identical {
            continue;
        }
        drifting.push((p.a, p.b));
        let (ra, rb) = (find(&mut parent, p.a), find(&mut parent, p.b));
        if ra != rb {
            parent.insert(ra.max(rb), ra.min(rb));
        }
    }
    let mut clusters: BTreeMap<QId, Vec<QId>> = BTreeMap::new();
    for (a, b) in &drifting {
        for x in [*a, *b] {
            let r = find(&mut parent, x);
            let list = clusters.entry(r).or_default();
            if !list.contains(&x) {
                list.push(x);
            }
        }
    }
    let mut out = Vec::new();
    for (_, mut members) in clusters {
        members.sort();
        // A partial quotation found word for word in another document's wording agrees with it.
        let words = |m: &QId| &model.claims[m.doc].quotes[m.q].words;
        let all = members.clone();
        members.retain(|m| {
            let w = words(m);
            !all.iter().any(|o| {
                o.doc != m.doc
                    && words(o).len() > w.len()
                    && words(o).windows(w.len()).any(|x| x == w.as_slice())
            })
        });
        if distinct_docs(&members) < 2 {
            continue;
        }
        let first = members[0];
        let speakers: Vec<String> = {
            let mut s: Vec<String> = members
                .iter()
                .filter_map(|&m| speaker_name(model, m).map(|x| x.1))
                .collect();
            s.sort();
            s.dedup();
            s
        };
        let source = members
            .iter()
            .find_map(|&m| model.claims[m.doc].quotes[m.q].source_text.clone());
        let subject = match (speakers.len(), &source) {
            (1, _) => speakers[0].clone(),
            (_, Some(s)) => s.clone(),
            _ => "a quotation".to_string(),
        };
        let qf = &model.claims[first.doc].quotes[first.q];
        let mut diffs = Vec::new();
        for &m in members[1..].iter().filter(|m| m.doc != first.doc) {
            let qm = &model.claims[m.doc].quotes[m.q];
            let (short, long, flip) = if qf.words.len() <= qm.words.len() {
                (qf, qm, false)
            } else {
                (qm, qf, true)
            };
            let al = align(&short.words, &long.words);
            let (from, to) = if flip { (m, first) } else { (first, m) };
            let d = word_diff(&raw_words(model, from), &raw_words(model, to), &al);
            diffs.push(format!(
                "{} → {}: {d}",
                model.docs[from.doc]
                    .path
                    .rsplit('/')
                    .next()
                    .unwrap_or_default(),
                model.docs[to.doc]
                    .path
                    .rsplit('/')
                    .next()
                    .unwrap_or_default()
            ));
        }
        let evidence = members
            .iter()
            .map(|&m| quote_evidence(model, m, "quoted this way here".into()))
            .collect();
        let docs = {
            let mut d: Vec<usize> = members.iter().map(|m| m.doc).collect();
            d.dedup();
            d.len()
        };
        out.push(Finding {
            rule: RULE.id,
            wrong: 0,
            fixes: Vec::new(),
            kind: RULE.kind,
            severity: Severity::Warning,
            subject: subject.clone(),
            message: format!(
                "{subject}: the same quotation is worded {} ways in {docs} documents",
                members.len()
            ),
            help: Some(format!(
                "only one wording can be verbatim; check the original. Word diff: {}",
                diffs.join(" | ")
            )),
            evidence,
        });
    }
    out
}

fn distinct_docs(members: &[QId]) -> usize {
    let mut d: Vec<usize> = members.iter().map(|m| m.doc).collect();
    d.sort_unstable();
    d.dedup();
    d.len()
}

fn check_misattribution(model: &Model, params: &Params) -> Vec<Finding> {
    let strict = Params {
        quote_similarity: params.quote_similarity.max(0.8),
        ..params.clone()
    };
    let mut out = Vec::new();
    let mut reported: Vec<(usize, usize)> = Vec::new();
    for p in pairs(model, &strict) {
        let (Some((ea, na)), Some((eb, nb))) = (speaker_name(model, p.a), speaker_name(model, p.b))
        else {
            continue;
        };
        if ea == eb || reported.contains(&(ea.min(eb), ea.max(eb))) {
            continue;
        }
        reported.push((ea.min(eb), ea.max(eb)));
        out.push(Finding {
            rule: MISATTRIBUTION.id,
            wrong: 0,
            fixes: Vec::new(),
            kind: MISATTRIBUTION.kind,
            severity: Severity::Warning,
            subject: na.clone(),
            message: format!("the same words are attributed to {na} and to {nb}"),
            help: Some("one of the attributions is wrong: check who said it".into()),
            evidence: vec![
                quote_evidence(model, p.a, format!("attributed to {na} here")),
                quote_evidence(model, p.b, format!("attributed to {nb} here")),
            ],
        });
    }
    out
}
