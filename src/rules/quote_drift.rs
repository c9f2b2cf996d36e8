//! `quote-drift` and `misattribution`: the same quotation worded differently across documents, and
//! the same words put in different mouths. Candidate pairs come from a shingle index, never from
//! comparing all pairs.

use std::collections::BTreeMap;

use rayon::prelude::*;

use super::{Params, Rule, dated, doc_evidence, file_name};
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
- Two quotations whose common words are function words only ("Ce n'est pas à nous de le faire" and
  "Ce n'est pas à nous de payer"): fewer than two content words in common, two statements.
  `misattribution` pairs quotations the same way.

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
from its reporting clause ("», a déclaré X", "», a déclaré à l'issue du sommet le président de la
Commission, X", "Selon X, «", "X a affirmé : «", "X, …, avait donné le ton : «" when the sentence
names no one else, "», a lancé le chef de l'État" for the one person named shortly before with
that office, "», avait lancé X" as "», a lancé X", and "a-t-il ajouté" resolved to the sentence's
subject or the previous speaker — or, when that subject is "le nouveau président" unnamed, to the
one person the text says was elected or appointed to the office: "X a été élu dimanche président
de …"), and reports when the speakers are different people.

## Why it matters

Putting one person's words in another's mouth is among the most damaging errors a newsroom makes.

## Example

    « Nous ne céderons pas », a déclaré le ministre X.     (article A)
    « Nous ne céderons pas », a affirmé le Premier ministre Y.   (article B)

## Not flagged

- Quotations without a speaker on one side: among them words a text or an institution says
  ("», indique le communiqué"), a pronoun whose sentence has an unnamed office holder as subject
  ("Le nouveau directeur a repris la formule qu'il avait lancée : «") when the text does not say
  who was made director (or makes two people new holders of the office), a pronoun right after a
  quotation of another source ("le syndicat affirme que « … ». « … », a-t-elle ajouté": not
  the person quoted before the union), and an office two people named before hold.
- A person who is only a preposition's complement is not the speaker ("Cette juriste, proche de
  l'ancien ministre X, avait lancé : «"), but "Pour X, …" opening a sentence gives X's view
  ("Pour le Premier ministre X, « … »": X speaks).
- Speakers the resolver takes for one person (spelling variants are `name-variant`).

## Configuration

None."#,
    check: check_misattribution,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct QId {
    /// Document index and quotation index in it, as `u32`: the pair lists hold hundreds of
    /// thousands of these.
    d: u32,
    n: u32,
}

impl QId {
    fn new(doc: usize, q: usize) -> Self {
        QId {
            d: doc as u32,
            n: q as u32,
        }
    }

    fn doc(self) -> usize {
        self.d as usize
    }

    fn q(self) -> usize {
        self.n as usize
    }
}

/// An alignment of a shorter quotation against a longer one, for the word diff.
struct Alignment {
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
    Alignment { pairs }
}

/// The words of a quotation as written.
fn raw_words(model: &Model, id: QId) -> Vec<String> {
    let q = &model.claims[id.doc()].quotes[id.q()];
    let doc = &model.docs[id.doc()];
    q.word_spans(doc)
        .into_iter()
        .map(|(s, e)| doc.slice(s, e).to_string())
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

/// The maps of quotation pairing hash integers and short strings: FxHash (SipHash showed in
/// profiles). They are never iterated for output, so their order does not matter.
type FxMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// A candidate or aligned pair of quotations from different documents, `a < b`.
#[derive(Clone, Copy)]
struct Pair {
    a: QId,
    b: QId,
    /// Word for word the same, or the shorter found whole in the longer one.
    identical: bool,
    /// Both quote the same numbered article of a text in one story.
    article: bool,
    /// Share of the shorter quotation's words that align (1.0 when `identical`).
    ratio: f64,
}

/// The quotation pairs both quotation rules read, computed once per model and parameters
/// (`Model::quote_pairs`): every pair that passes the loosest threshold either rule applies, with
/// its alignment ratio, in `(a, b)` order. Each rule then keeps the pairs that pass its own floor.
pub struct QuotePairs {
    /// `quote-min-words` and the bits of `quote-similarity` the pairs were computed with.
    key: (usize, u64),
    pairs: Vec<Pair>,
}

/// Computes the shared pairs for these parameters now, if they are not cached yet, from
/// quotations already read with [`read_quotes`] when they were read with these parameters.
pub(super) fn prepare(model: &Model, params: &Params, read: Option<QuoteWordings>) {
    let key = (params.quote_min_words, params.quote_similarity.to_bits());
    model.quote_pairs.get_or_init(|| {
        let quotes = read
            .filter(|r| r.min_words == params.quote_min_words)
            .map_or_else(
                || Quotes::new(model.docs, &model.claims, params.quote_min_words),
                |r| r.quotes,
            );
        QuotePairs {
            key,
            pairs: pairs_of(model, params, &quotes),
        }
    });
}

/// Every quotation of a corpus with its words interned, read before the model is resolved (see
/// [`crate::resolve::resolve_with`]): reading them needs only the claims.
pub struct QuoteWordings {
    min_words: usize,
    quotes: Quotes,
}

/// Reads the words of every quotation of at least `min_words` words.
pub fn read_quotes(
    docs: &[crate::corpus::Document],
    claims: &[crate::extract::DocClaims],
    min_words: usize,
) -> QuoteWordings {
    QuoteWordings {
        min_words,
        quotes: Quotes::new(docs, claims, min_words),
    }
}

/// The shared pairs for these parameters: cached on the model, or computed afresh when a rule runs
/// with parameters other than the cached ones.
fn shared_pairs<'m>(model: &'m Model, params: &Params) -> std::borrow::Cow<'m, [Pair]> {
    let key = (params.quote_min_words, params.quote_similarity.to_bits());
    let cached = model.quote_pairs.get_or_init(|| QuotePairs {
        key,
        pairs: pairs(model, params),
    });
    if cached.key == key {
        std::borrow::Cow::Borrowed(&cached.pairs)
    } else {
        std::borrow::Cow::Owned(pairs(model, params))
    }
}

/// Every quotation of the corpus, numbered densely in (document, quotation) order, with its
/// wording: one id per distinct sequence of folded words, since a quotation recurs word for word in
/// many articles of a story. Only quotations of at least `quote-min-words` words have a wording
/// (no rule compares the others), and only wordings have their words interned as ids.
struct Quotes {
    qids: Vec<QId>,
    /// First dense index of each document's quotations.
    first: Vec<usize>,
    /// Dense quotation index → wording id.
    wording_of: Vec<Option<u32>>,
    /// Wording id → its word ids.
    wordings: Vec<Vec<u32>>,
    /// Wording id → the quotations (dense indices, ascending) worded that way.
    quotes_of: Vec<Vec<u32>>,
    /// Word id → whether the word carries meaning (four letters or more, not a function word).
    content: Vec<bool>,
}

/// Function words of four letters or more (folded): two quotations that share only these
/// ("n'est pas un …") share no statement.
const FUNCTION_WORDS: &[&str] = &[
    "ainsi", "alors", "apres", "aussi", "autre", "autres", "avant", "avec", "avoir", "cela",
    "celle", "celui", "cette", "ceux", "chaque", "chez", "comme", "dans", "deja", "depuis", "donc",
    "dont", "elle", "elles", "encore", "entre", "etait", "etre", "fait", "leur", "leurs", "mais",
    "meme", "moins", "notre", "nous", "pour", "plus", "quand", "quel", "quelle", "rien", "sans",
    "sera", "sont", "sous", "tous", "tout", "toute", "toutes", "tres", "vers", "votre", "vous",
];

fn is_content(word: &str) -> bool {
    word.chars().count() >= 4 && !FUNCTION_WORDS.contains(&word)
}

impl Quotes {
    fn new(
        docs: &[crate::corpus::Document],
        claims: &[crate::extract::DocClaims],
        min_words: usize,
    ) -> Self {
        let mut vocab: FxMap<String, u32> = FxMap::default();
        // Wordings by the digest of their words: a quotation worded as one already met needs no
        // lookup per word.
        let mut by_digest: FxMap<u128, u32> = FxMap::default();
        let mut qids = Vec::new();
        let mut first = Vec::with_capacity(claims.len());
        let mut wording_of = Vec::new();
        let mut wordings: Vec<Vec<u32>> = Vec::new();
        let mut quotes_of: Vec<Vec<u32>> = Vec::new();
        let mut content: Vec<bool> = Vec::new();
        // Words are read again from the quotations' spans, in parallel, a slice of the corpus at
        // a time (so that they are never all held at once), then interned in corpus order.
        let all: Vec<usize> = (0..claims.len()).collect();
        for chunk in all.chunks(1024) {
            let read: Vec<Vec<Option<(crate::extract::Words, u128)>>> = chunk
                .par_iter()
                .map(|&d| {
                    claims[d]
                        .quotes
                        .iter()
                        .map(|q| {
                            (q.n_words as usize >= min_words)
                                .then(|| q.words(&docs[d]))
                                .filter(|w| w.len() >= min_words)
                                .map(|w| {
                                    let digest = w.digest();
                                    (w, digest)
                                })
                        })
                        .collect()
                })
                .collect();
            for (&d, words) in chunk.iter().zip(read) {
                first.push(qids.len());
                for (q, words) in words.into_iter().enumerate() {
                    let Some((words, digest)) = words else {
                        wording_of.push(None);
                        qids.push(QId::new(d, q));
                        continue;
                    };
                    let w = match by_digest.get(&digest) {
                        Some(&w) => w,
                        None => {
                            let ids: Vec<u32> = words
                                .iter()
                                .map(|x| match vocab.get(x) {
                                    Some(&id) => id,
                                    None => {
                                        let id = vocab.len() as u32;
                                        vocab.insert(x.to_string(), id);
                                        content.push(is_content(x));
                                        id
                                    }
                                })
                                .collect();
                            let w = wordings.len() as u32;
                            by_digest.insert(digest, w);
                            wordings.push(ids);
                            quotes_of.push(Vec::new());
                            w
                        }
                    };
                    quotes_of[w as usize].push(qids.len() as u32);
                    wording_of.push(Some(w));
                    qids.push(QId::new(d, q));
                }
            }
        }
        Quotes {
            qids,
            first,
            wording_of,
            wordings,
            quotes_of,
            content,
        }
    }

    fn index(&self, q: QId) -> usize {
        self.first[q.doc()] + q.q()
    }

    fn wording(&self, q: QId) -> Option<u32> {
        self.wording_of[self.index(q)]
    }
}

/// Similar quotation pairs from different documents, found through shared word trigrams.
///
/// Trigrams are counted per wording: a pair of quotations shares exactly the trigrams their two
/// wordings share, so the pair counts are computed once per pair of wordings and then spread over
/// the quotations worded that way.
fn candidate_pairs(model: &Model, quotes: &Quotes, min_words: usize) -> Vec<(QId, QId)> {
    // Every (trigram, eligible wording that contains it) once, sorted: the wordings of a trigram
    // are then one run, in ascending order. A flat sorted list takes 16 bytes an entry, where a
    // map from trigram to a list of wordings took several times that (most trigrams belong to one
    // wording).
    let mut index: Vec<([u32; 3], u32)> = Vec::new();
    let mut tris: Vec<[u32; 3]> = Vec::new();
    for (w, ids) in quotes.wordings.iter().enumerate() {
        if ids.len() < min_words {
            continue;
        }
        tris.clear();
        tris.extend(ids.windows(3).map(|t| [t[0], t[1], t[2]]));
        tris.sort_unstable();
        tris.dedup();
        index.extend(tris.iter().map(|&t| (t, w as u32)));
    }
    index.par_sort_unstable();
    // Shared trigrams per pair of wordings (a wording with itself when several quotations use it).
    let mut shared: Vec<u64> = Vec::new();
    for run in index.chunk_by(|x, y| x.0 == y.0) {
        // How many quotations use the trigram. Boilerplate shared by very many quotations says
        // nothing about any two of them.
        let uses: usize = run
            .iter()
            .map(|&(_, w)| quotes.quotes_of[w as usize].len())
            .sum();
        if !(2..=64).contains(&uses) {
            continue;
        }
        for (i, &(_, a)) in run.iter().enumerate() {
            if quotes.quotes_of[a as usize].len() > 1 {
                shared.push((u64::from(a) << 32) | u64::from(a));
            }
            for &(_, b) in &run[i + 1..] {
                shared.push((u64::from(a) << 32) | u64::from(b));
            }
        }
    }
    drop(index);
    shared.sort_unstable();
    // Worth aligning: pairs that share enough of the shorter quotation's trigrams — a fifth of them
    // within one story or for one speaker, half of them otherwise (the same words, another speaker).
    let trigrams = |w: u32| quotes.wordings[w as usize].len().saturating_sub(2).max(1);
    let speaker = |q: QId| {
        let m = model.claims[q.doc()].quotes[q.q()].speaker?;
        model.entity_of(q.doc(), m)
    };
    let related = |a: QId, b: QId| {
        model.stories[a.doc()] == model.stories[b.doc()]
            || speaker(a).is_some_and(|x| speaker(b) == Some(x))
    };
    let mut out = Vec::new();
    for run in shared.chunk_by(|x, y| x == y) {
        let n = run.len();
        let (wa, wb) = ((run[0] >> 32) as u32, run[0] as u32);
        let least = trigrams(wa).min(trigrams(wb)) as f64;
        if n < 2 || (n as f64) < 0.2 * least {
            continue;
        }
        let loose = n as f64 >= 0.5 * least;
        let (la, lb) = (
            &quotes.quotes_of[wa as usize],
            &quotes.quotes_of[wb as usize],
        );
        for (i, &x) in la.iter().enumerate() {
            let others = if wa == wb { &la[i + 1..] } else { &lb[..] };
            for &y in others {
                let (x, y) = (quotes.qids[x as usize], quotes.qids[y as usize]);
                if x.doc() != y.doc() && (loose || related(x, y)) {
                    out.push((x.min(y), x.max(y)));
                }
            }
        }
    }
    out
}

/// Quotations of the same numbered article in one story: the same text by definition, however
/// loosely they align.
fn article_pairs(model: &Model, min_words: usize) -> Vec<(QId, QId)> {
    let mut by_article: BTreeMap<(usize, &str), Vec<QId>> = BTreeMap::new();
    for (d, c) in model.claims.iter().enumerate() {
        for (q, quote) in c.quotes.iter().enumerate() {
            if let Some(a) = quote.article()
                && quote.n_words as usize >= min_words
            {
                by_article
                    .entry((model.stories[d], a))
                    .or_default()
                    .push(QId::new(d, q));
            }
        }
    }
    let mut out = Vec::new();
    for list in by_article.values() {
        for (i, a) in list.iter().enumerate() {
            out.extend(
                list[i + 1..]
                    .iter()
                    .filter(|b| b.doc() != a.doc())
                    .map(|b| (*a, *b)),
            );
        }
    }
    out
}

/// Length of the longest common subsequence of `a` and `b`, one row of the table at a time.
fn lcs_len(a: &[u32], b: &[u32], row: &mut Vec<u32>) -> u32 {
    row.clear();
    row.resize(a.len() + 1, 0);
    for &y in b {
        let mut diag = 0;
        for (i, &x) in a.iter().enumerate() {
            let up = row[i + 1];
            row[i + 1] = if x == y { diag + 1 } else { up.max(row[i]) };
            diag = up;
        }
    }
    row[a.len()]
}

/// How many words two sorted id lists have in common (as multisets): a bound on their LCS.
fn common_words(a: &[u32], b: &[u32]) -> u32 {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Every pair of quotations that passes `quote-drift`'s thresholds (the looser of the two rules'),
/// with its alignment. Alignments are computed once per pair of distinct wordings.
fn pairs(model: &Model, params: &Params) -> Vec<Pair> {
    let quotes = Quotes::new(model.docs, &model.claims, params.quote_min_words);
    pairs_of(model, params, &quotes)
}

/// [`pairs`] over quotations already read.
fn pairs_of(model: &Model, params: &Params, quotes: &Quotes) -> Vec<Pair> {
    let mut by_article = article_pairs(model, params.quote_min_words);
    by_article.sort_unstable();
    by_article.dedup();
    let mut candidates = candidate_pairs(model, quotes, params.quote_min_words);
    // Exactly: the list is the largest the run holds, and growth would double it.
    candidates.reserve_exact(by_article.len());
    candidates.extend(by_article.iter().copied());
    candidates.sort_unstable();
    candidates.dedup();
    // One article quoted twice need only share a third of its words to be one text.
    let article_floor = params.quote_similarity.min(0.3);
    let lowest = article_floor.min(params.quote_similarity);
    let mut sorted: FxMap<u32, Vec<u32>> = FxMap::default();
    // Pair of wordings (shorter first) → (contained, aligned words), or None when even the words
    // they have in common cannot reach the lowest floor.
    let mut memo: FxMap<(u32, u32), Option<(bool, u32)>> = FxMap::default();
    let mut row = Vec::new();
    let mut out = Vec::new();
    for (a, b) in candidates {
        // Every candidate has at least `quote-min-words` words, hence a wording.
        let (Some(wa), Some(wb)) = (quotes.wording(a), quotes.wording(b)) else {
            continue;
        };
        let (na, nb) = (
            quotes.wordings[wa as usize].len(),
            quotes.wordings[wb as usize].len(),
        );
        // The shorter wording first (the first of the pair on a tie: the result is symmetric).
        let (ws, wl) = if na <= nb { (wa, wb) } else { (wb, wa) };
        let n = na.min(nb);
        let measured = *memo.entry((ws, wl)).or_insert_with(|| {
            let (short, long) = (&quotes.wordings[ws as usize], &quotes.wordings[wl as usize]);
            // Word for word the same, or found whole in the other: a repeat or a partial quotation.
            if ws == wl || n == 0 || long.windows(n).any(|w| w == short.as_slice()) {
                return Some((true, n as u32));
            }
            for w in [ws, wl] {
                sorted.entry(w).or_insert_with(|| {
                    let mut v = quotes.wordings[w as usize].clone();
                    v.sort_unstable();
                    v
                });
            }
            let bound = match (sorted.get(&ws), sorted.get(&wl)) {
                (Some(x), Some(y)) => common_words(x, y),
                _ => n as u32,
            };
            if f64::from(bound) / n as f64 >= lowest {
                // What they have in common must say something: two content words at least when
                // the shorter has two ("n'est pas un guichet …" and "n'est pas un partage …"
                // share only function words).
                let meaningful = |w: &[u32]| -> Vec<u32> {
                    w.iter()
                        .copied()
                        .filter(|&x| quotes.content.get(x as usize).copied().unwrap_or(true))
                        .collect()
                };
                let (cs, cl) = (meaningful(short), meaningful(long));
                if cs.len() >= 2 && lcs_len(&cs, &cl, &mut row) < 2 {
                    return None;
                }
                Some((false, lcs_len(short, long, &mut row)))
            } else {
                None
            }
        });
        let Some((identical, aligned)) = measured else {
            continue;
        };
        let article = by_article.binary_search(&(a, b)).is_ok();
        let ratio = if identical {
            1.0
        } else {
            aligned as f64 / n as f64
        };
        let floor = if article {
            article_floor
        } else {
            params.quote_similarity
        };
        if !identical && ratio < floor {
            continue;
        }
        out.push(Pair {
            a,
            b,
            identical,
            article,
            ratio,
        });
    }
    // Kept for both quotation rules.
    out.shrink_to_fit();
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

fn speaker_entity(model: &Model, id: QId) -> Option<usize> {
    let q = &model.claims[id.doc()].quotes[id.q()];
    model.entity_of(id.doc(), q.speaker?)
}

fn speaker_name(model: &Model, id: QId) -> Option<(usize, String)> {
    let e = speaker_entity(model, id)?;
    Some((e, model.entities[e].name.clone()))
}

/// A floor that depends on whether the pair quotes one numbered article.
fn if_article(article: f64, other: f64) -> impl Fn(bool) -> f64 {
    move |is_article| if is_article { article } else { other }
}

fn quote_evidence(model: &Model, id: QId, label: String) -> Evidence {
    let q = &model.claims[id.doc()].quotes[id.q()];
    let text = &model.docs[id.doc()].slice(q.start, q.end);
    let claim: String = text.chars().take(200).collect();
    doc_evidence(
        id.doc(),
        q.start,
        q.end,
        claim,
        format!("{label}{}", dated(model, id.doc())),
    )
}

fn check_drift(model: &Model, params: &Params) -> Vec<Finding> {
    let mut parent: BTreeMap<QId, QId> = BTreeMap::new();
    let mut drifting = Vec::new();
    let floor = |p: &Pair| {
        if p.article {
            params.quote_similarity.min(0.3)
        } else {
            params.quote_similarity
        }
    };
    for p in shared_pairs(model, params).iter() {
        if p.identical || p.ratio < floor(p) {
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
        let all = members.clone();
        let words: FxMap<QId, crate::extract::Words> = all
            .iter()
            .map(|&m| {
                (
                    m,
                    model.claims[m.doc()].quotes[m.q()].words(&model.docs[m.doc()]),
                )
            })
            .collect();
        members.retain(|m| {
            let w = &words[m];
            !all.iter()
                .any(|o| o.doc() != m.doc() && words[o].len() > w.len() && words[o].contains_run(w))
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
        let source = members.iter().find_map(|&m| {
            model.claims[m.doc()].quotes[m.q()]
                .source_text()
                .map(str::to_string)
        });
        let subject = match (speakers.len(), &source) {
            (1, _) => speakers[0].clone(),
            (_, Some(s)) => s.clone(),
            _ => "a quotation".to_string(),
        };
        let mut diffs = Vec::new();
        for &m in members[1..].iter().filter(|m| m.doc() != first.doc()) {
            let (wf, wm) = (&words[&first], &words[&m]);
            let (short, long, flip) = if wf.len() <= wm.len() {
                (wf, wm, false)
            } else {
                (wm, wf, true)
            };
            let al = align(
                &short.iter().collect::<Vec<_>>(),
                &long.iter().collect::<Vec<_>>(),
            );
            let (from, to) = if flip { (m, first) } else { (first, m) };
            let d = word_diff(&raw_words(model, from), &raw_words(model, to), &al);
            diffs.push(format!(
                "{} → {}: {d}",
                file_name(model, from.doc()),
                file_name(model, to.doc())
            ));
        }
        let evidence = members
            .iter()
            .map(|&m| quote_evidence(model, m, "quoted this way here".into()))
            .collect();
        let docs = {
            let mut d: Vec<usize> = members.iter().map(|m| m.doc()).collect();
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
    let mut d: Vec<usize> = members.iter().map(|m| m.doc()).collect();
    d.sort_unstable();
    d.dedup();
    d.len()
}

fn check_misattribution(model: &Model, params: &Params) -> Vec<Finding> {
    // Nearly word for word: at least 0.8 of the shorter quotation aligns (a third for one article).
    let strict = params.quote_similarity.max(0.8);
    let floor = if_article(strict.min(0.3), strict);
    let mut out = Vec::new();
    let mut reported: Vec<(usize, usize)> = Vec::new();
    for p in shared_pairs(model, params).iter() {
        if !p.identical && p.ratio < floor(p.article) {
            continue;
        }
        let (Some(ea), Some(eb)) = (speaker_entity(model, p.a), speaker_entity(model, p.b)) else {
            continue;
        };
        if ea == eb || reported.contains(&(ea.min(eb), ea.max(eb))) {
            continue;
        }
        reported.push((ea.min(eb), ea.max(eb)));
        let (na, nb) = (&model.entities[ea].name, &model.entities[eb].name);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Deterministic pseudo-random word ids over a small vocabulary (many repeats).
    fn words(seed: u64, len: usize, vocab: u64) -> Vec<u32> {
        let mut x = seed;
        (0..len)
            .map(|_| {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                ((x >> 33) % vocab) as u32
            })
            .collect()
    }

    #[test]
    fn quotations_read_beside_resolution_give_the_same_pairs() {
        let lex = crate::lexicon::Lexicon::default_fr();
        let kb = crate::kb::Kb::default();
        let mut paths: Vec<_> = std::fs::read_dir("tests/devset/corpus")
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        let docs: Vec<crate::corpus::Document> = paths
            .iter()
            .map(|p| {
                let text = std::fs::read_to_string(p).unwrap();
                crate::corpus::document_from_text(&p.to_string_lossy(), text).0
            })
            .collect();
        let claims: Vec<_> = docs
            .iter()
            .map(|d| crate::extract::extract(d, &lex))
            .collect();
        let params = Params::default();
        let listed = |model: &Model| -> Vec<(QId, QId, bool, bool, u64)> {
            shared_pairs(model, &params)
                .iter()
                .map(|p| (p.a, p.b, p.identical, p.article, p.ratio.to_bits()))
                .collect()
        };
        let alone = crate::resolve::resolve(&docs, claims.clone(), &kb, &lex);
        prepare(&alone, &params, None);
        let min = params.quote_min_words;
        let (beside, read) =
            crate::resolve::resolve_with(&docs, claims, &kb, &lex, |d, c| read_quotes(d, c, min));
        prepare(&beside, &params, Some(read));
        let pairs = listed(&alone);
        assert!(pairs.len() > 3, "the devset quotes one text several ways");
        assert_eq!(pairs, listed(&beside));
    }

    #[test]
    fn lcs_len_matches_the_traceback_alignment() {
        let mut row = Vec::new();
        for seed in 0..300u64 {
            let a = words(seed, (seed % 17) as usize, 3 + seed % 7);
            let b = words(seed + 1000, (seed % 23) as usize, 3 + seed % 7);
            let expected = align(&a, &b).pairs.len() as u32;
            assert_eq!(lcs_len(&a, &b, &mut row), expected, "{a:?} {b:?}");
            assert_eq!(lcs_len(&b, &a, &mut row), expected, "{b:?} {a:?}");
            let (mut sa, mut sb) = (a.clone(), b.clone());
            sa.sort_unstable();
            sb.sort_unstable();
            assert!(common_words(&sa, &sb) >= expected);
        }
    }
}
