//! Resolution: person mentions across the corpus become entities. Knowledge-base names, aliases and
//! wrong forms first; then name similarity on folded and phonetic forms (surname and given name
//! must both agree), blocked by the surname's first letter so cost stays near linear; then lone
//! surnames ("Goïta") attach to the one person of that surname in the same document or the corpus.

use std::collections::BTreeMap;

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

use crate::corpus::{DateSource, Document};
use crate::extract::{DocClaims, Parts, PersonMention};
use crate::kb::Kb;
use crate::text::{fold, fold_into};
use crate::time::PartialDate;

/// One person, as the corpus and the knowledge base know them.
#[derive(Debug, Clone)]
pub struct Entity {
    /// The knowledge base's name, or the form most documents use.
    pub name: String,
    pub kb: Option<usize>,
    /// (document, mention) pairs, in document order.
    pub mentions: Vec<(usize, usize)>,
}

/// The corpus with its claims resolved: what every rule reads.
pub struct Model<'a> {
    pub docs: &'a [Document],
    pub claims: Vec<DocClaims>,
    /// Each document's date and where it comes from.
    pub dates: Vec<Option<(PartialDate, DateSource)>>,
    pub entities: Vec<Entity>,
    /// `[doc][mention]` → entity.
    pub person_entity: Vec<Vec<Option<usize>>>,
    pub kb: &'a Kb,
    pub lex: &'a crate::lexicon::Lexicon,
    /// Story of each document: documents that share at least two anchors (acronyms, named texts
    /// and organisations, people) are about the same story.
    pub stories: Vec<usize>,
    /// The year most dated documents of each story carry, by story id: the year of an undated
    /// document's "18 mai".
    pub story_years: BTreeMap<usize, i32>,
    /// Quotation pairs, computed by the first quotation rule that runs and shared with the other.
    pub(crate) quote_pairs: std::sync::OnceLock<crate::rules::QuotePairs>,
}

impl Model<'_> {
    /// The date an event's date mention denotes, completed from the document's date: a missing
    /// year is the document's (or the year before, for a date well after it); a weekday alone is
    /// the latest such day on or before a document dated to the day.
    pub fn resolve_date(&self, doc: usize, d: &crate::extract::DateMention) -> Option<PartialDate> {
        let doc_date = self.date(doc);
        if let Some(p) = d.partial() {
            return Some(p);
        }
        if let (Some(m), Some(base)) = (d.month, doc_date) {
            let mut p = PartialDate {
                year: base.year,
                month: Some(m),
                day: d.day,
            };
            if p.first_day() > base.last_day() + 180 {
                p.year -= 1;
            }
            return Some(p);
        }
        if let (Some(m), None, Some(&year)) =
            (d.month, doc_date, self.story_years.get(&self.stories[doc]))
        {
            return Some(PartialDate {
                year,
                month: Some(m),
                day: d.day,
            });
        }
        if let (Some(w), Some(base)) = (d.weekday, doc_date)
            && base.day.is_some()
            && self.dates[doc].is_some_and(|x| x.1 != DateSource::Inferred)
        {
            let dn = base.first_day();
            // Day number 0 (1970-01-01) was a Thursday; weekdays count from Monday = 0.
            let today = (dn + 3).rem_euclid(7);
            let back = (today - i64::from(w)).rem_euclid(7);
            return Some(crate::time::civil_from_days(dn - back));
        }
        None
    }

    /// Whether two documents tell the same story.
    pub fn same_story(&self, a: usize, b: usize) -> bool {
        self.stories[a] == self.stories[b]
    }
}

/// Documents dated further apart than this are not linked into one story directly.
const STORY_GAP_DAYS: i64 = 60;

/// The share of the shorter document's linking anchors two documents must have in common (3/5)
/// to be linked into one story directly. Without it, any two shared anchors linked them, and on a
/// generated archive of 2,400 articles the stories that meet an institution's director or a
/// country's ministers were chained into a few large ones, whose events and tolls were then
/// compared with each other. Stories of the hand-written sets do not change up to 7/10.
const STORY_OVERLAP: (usize, usize) = (3, 5);

/// Groups documents into stories by shared anchors: defined acronyms, named texts and
/// organisations, people and places. An anchor shared by very many documents (a country's
/// president in a whole archive) says nothing and is left out; two documents are linked when they
/// share at least two anchors, most of the shorter one's ([`STORY_OVERLAP`]), and are dated
/// within [`STORY_GAP_DAYS`].
fn stories(
    claims: &[DocClaims],
    person_entity: &[Vec<Option<usize>>],
    days: &[Option<i64>],
) -> Vec<usize> {
    /// An anchor: kinds never meet, so a tag per kind stands for the old "a:", "n:", "p:", "c:".
    #[derive(PartialEq, Eq, PartialOrd, Ord, Hash)]
    enum Anchor<'c> {
        Acronym(String),
        Named(&'c str),
        Person(usize),
        Place(u16),
    }
    let n = claims.len();
    let mut anchors: HashMap<Anchor, Vec<usize>> = HashMap::default();
    let mut mine: Vec<Anchor> = Vec::new();
    for (d, c) in claims.iter().enumerate() {
        mine.extend(c.acronyms.iter().map(|a| Anchor::Acronym(fold(&a.acronym))));
        mine.extend(c.named.iter().map(|m| Anchor::Named(&m.key)));
        mine.extend(
            person_entity[d]
                .iter()
                .flatten()
                .map(|&e| Anchor::Person(e)),
        );
        mine.extend(c.places.iter().map(|&p| Anchor::Place(p)));
        mine.sort_unstable();
        mine.dedup();
        for a in mine.drain(..) {
            anchors.entry(a).or_default().push(d);
        }
    }
    // Every (document, document) pair of each anchor, as one u64, sorted: a run of k equal values
    // is a pair of documents sharing k anchors. The order unions are made in does not matter: each
    // story is numbered by its first document.
    let mut shared: Vec<u64> = Vec::new();
    // An anchor shared by very many documents (a country, a head of state across an archive)
    // says nothing about which story two of them tell, and counting its pairs would cost the
    // square of its documents: only anchors shared by a few dozen documents link stories.
    let cap = 40.min(n.max(2));
    // Each document's anchors that can link it (shared, and by few enough documents).
    let mut linkable = vec![0usize; n];
    for docs in anchors.values().filter(|d| d.len() > 1 && d.len() <= cap) {
        for &d in docs {
            linkable[d] += 1;
        }
        for (i, &a) in docs.iter().enumerate() {
            for &b in &docs[i + 1..] {
                shared.push(((a as u64) << 32) | b as u64);
            }
        }
    }
    drop(anchors);
    shared.sort_unstable();
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(p: &mut [usize], x: usize) -> usize {
        let mut r = x;
        while p[r] != r {
            r = p[r];
        }
        p[x] = r;
        r
    }
    for run in shared.chunk_by(|x, y| x == y) {
        let (a, b) = ((run[0] >> 32) as usize, (run[0] & 0xffff_ffff) as usize);
        // Two documents of one story share most of the shorter one's anchors; two stories that
        // meet share a few (an institution and its director, a country's president and a
        // minister), however many each names.
        let (num, den) = STORY_OVERLAP;
        if run.len() >= 2 && run.len() * den >= num * linkable[a].min(linkable[b]) {
            // Two dated documents months apart tell two stories, however much they share (the
            // same minister, the same country); a long story still chains through the documents
            // in between.
            if let (Some(x), Some(y)) = (days[a], days[b])
                && (x - y).abs() > STORY_GAP_DAYS
            {
                continue;
            }
            let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    (0..n).map(|d| root(&mut parent, d)).collect()
}

impl Model<'_> {
    pub fn entity_of(&self, doc: usize, mention: usize) -> Option<usize> {
        self.person_entity[doc].get(mention).copied().flatten()
    }

    pub fn mention(&self, doc: usize, mention: usize) -> &PersonMention {
        &self.claims[doc].persons[mention]
    }

    pub fn date(&self, doc: usize) -> Option<PartialDate> {
        self.dates[doc].map(|d| d.0)
    }

    /// The days a document can have been written on: its date, or from an inferred date onward.
    pub fn doc_interval(&self, doc: usize) -> crate::time::Interval {
        match self.dates[doc] {
            Some((d, DateSource::Inferred)) => crate::time::Interval {
                start: Some(d.first_day()),
                end: None,
            },
            Some((d, _)) => crate::time::Interval {
                start: Some(d.first_day()),
                end: Some(d.last_day() + 1),
            },
            None => crate::time::Interval {
                start: None,
                end: None,
            },
        }
    }

    /// "2023-09-16" or "2024-07 (inferred from the text)" or "undated".
    pub fn date_label(&self, doc: usize) -> String {
        match self.dates[doc] {
            Some((d, DateSource::Inferred)) => format!("{d}, inferred from the text"),
            Some((d, _)) => d.to_string(),
            None => "undated".into(),
        }
    }
}

/// A folded form that makes transliteration variants meet: "Tchiani" and "Tiani",
/// "Abdourahamane" and "Abdouramane".
pub fn phonetic(name: &str) -> String {
    let f = fold(name);
    let f = f
        .replace("tch", "t")
        .replace("dj", "j")
        .replace("ou", "u")
        .replace("ph", "f")
        .replace(['h', '\'', '-'], "")
        .replace('y', "i")
        .replace(['k', 'q'], "c");
    let mut out = String::with_capacity(f.len());
    for c in f.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    if out.len() > 3 && out.ends_with('e') {
        out.pop();
    }
    out
}

/// A name token's folded and phonetic forms, computed once.
#[derive(Debug, Clone)]
struct TokKey {
    fold: String,
    phon: String,
    chars: usize,
    /// `fold` and `phon` as chars, for the edit distance.
    fold_chars: Box<[char]>,
    phon_chars: Box<[char]>,
}

impl TokKey {
    fn new(s: &str) -> Self {
        let fold = fold(s);
        let phon = phonetic(s);
        let fold_chars: Box<[char]> = fold.chars().collect();
        TokKey {
            chars: fold_chars.len(),
            phon_chars: phon.chars().collect(),
            fold_chars,
            phon,
            fold,
        }
    }

    /// Names that may be spellings of one another share their first phonetic letter (and
    /// `similar_keys` also wants their first folded letter and lengths within two).
    fn block(&self) -> String {
        self.phon.chars().take(1).collect()
    }
}

fn similar_keys(a: &TokKey, b: &TokKey) -> bool {
    if a.fold == b.fold || a.phon == b.phon {
        return true;
    }
    let len = a.chars.min(b.chars);
    if len < 4 || a.fold.chars().next() != b.fold.chars().next() || a.chars.abs_diff(b.chars) > 2 {
        return false;
    }
    let allowed = if len >= 9 { 2 } else { 1 };
    let close = levenshtein_within(&a.fold_chars, &b.fold_chars, allowed)
        || levenshtein_within(&a.phon_chars, &b.phon_chars, allowed)
        || one_swap(&a.fold_chars, &b.fold_chars);
    close && strsim::jaro_winkler(&a.fold, &b.fold) >= 0.88 && same_after_abd(&a.fold, &b.fold)
}

/// "Abd" names ("Abdelaziz", "Abdelhamid", "Abdoulkader"): many distinct given names share the
/// "Abdel"/"Abdou" head, which alone lifts two of them over the similarity bar. Two such names are
/// one name only if what follows the head is alike too ("Abdourahame" / "Abdourahamane").
fn same_after_abd(a: &str, b: &str) -> bool {
    const HEADS: &[&str] = &[
        "abdoul", "abdel", "abdul", "abdou", "abdal", "abder", "abdur", "abd",
    ];
    fn rest(s: &str) -> Option<&str> {
        let head = HEADS.iter().find(|h| s.starts_with(**h))?;
        Some(s[head.len()..].trim_start_matches(['-', ' ']))
    }
    match (rest(a), rest(b)) {
        (Some(x), Some(y)) if !x.is_empty() && !y.is_empty() => strsim::jaro_winkler(x, y) >= 0.8,
        _ => true,
    }
}

/// Whether `b` is `a` with two neighbouring letters swapped ("Kiala" / "Kaila"): a typing slip
/// the Levenshtein distance counts as two edits.
fn one_swap(a: &[char], b: &[char]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    matches!(diff[..], [i, j] if j == i + 1 && a[i] == b[j] && a[j] == b[i])
}

/// Whether the Levenshtein distance between `a` and `b` (over chars, as `strsim::levenshtein`
/// counts it) is at most `k`. It never allocates for names (up to 63 chars), rejects on the
/// length difference first, and stops as soon as a whole row of the table exceeds `k`.
fn levenshtein_within(a: &[char], b: &[char], k: usize) -> bool {
    if a.len().abs_diff(b.len()) > k {
        return false;
    }
    if a.is_empty() || b.is_empty() {
        return a.len().max(b.len()) <= k;
    }
    let mut stack = [0usize; 64];
    let mut heap = Vec::new();
    let row: &mut [usize] = if b.len() < stack.len() {
        &mut stack[..=b.len()]
    } else {
        heap.resize(b.len() + 1, 0);
        &mut heap
    };
    for (j, x) in row.iter_mut().enumerate() {
        *x = j;
    }
    for (i, ca) in a.iter().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        let mut least = row[0];
        for (j, cb) in b.iter().enumerate() {
            let up = row[j + 1];
            let v = if ca == cb {
                diag
            } else {
                1 + diag.min(up).min(row[j])
            };
            row[j + 1] = v;
            least = least.min(v);
            diag = up;
        }
        // Every path to the last cell crosses this row: the distance is at least its minimum.
        if least > k {
            return false;
        }
    }
    row[b.len()] <= k
}

/// Whether two name tokens can be spellings of one name.
pub fn similar_token(a: &str, b: &str) -> bool {
    similar_keys(&TokKey::new(a), &TokKey::new(b))
}

/// A full name's given name, middle names and surname keys.
#[derive(Debug, Clone)]
struct Form {
    given: Option<TokKey>,
    /// The parts between the first and the last ("Kaba" in "Ousmane Kaba Touré").
    middle: Vec<TokKey>,
    surname: TokKey,
    /// The first part is a given name of the language pack ("Ousmane"), not the first half of a
    /// compound surname ("Yakité Nguema").
    given_known: bool,
}

impl Form {
    fn new(parts: &Parts, given_names: &std::collections::HashSet<String>) -> Option<Self> {
        let surname = TokKey::new(parts.last()?);
        let given = (parts.len() > 1)
            .then(|| parts.first().map(TokKey::new))
            .flatten();
        let middle = parts.middle().map(TokKey::new).collect();
        let given_known = given
            .as_ref()
            .is_some_and(|g| given_names.contains(&g.fold));
        Some(Form {
            given,
            middle,
            surname,
            given_known,
        })
    }

    /// Whether two full names (given name and surname) can be one person.
    fn similar(&self, other: &Form) -> bool {
        if !similar_keys(&self.surname, &other.surname) {
            return false;
        }
        // A compound surname without the given name: "Yakité Nguema" for "Albertine Yakité
        // Nguema" — unless its first part is a known given name ("Ousmane Touré").
        let compound_of = |short: &Form, long: &Form| {
            short.middle.is_empty()
                && !short.given_known
                && long.middle.len() == 1
                && short
                    .given
                    .as_ref()
                    .is_some_and(|g| similar_keys(g, &long.middle[0]))
        };
        if compound_of(self, other) || compound_of(other, self) {
            return true;
        }
        // Two middle names that differ are two people ("Hamadoun Yattara Niang", "Hamadoun
        // Sidibé Niang"); one written without the middle name may be either.
        if self.middle.len() == other.middle.len()
            && self
                .middle
                .iter()
                .zip(&other.middle)
                .any(|(a, b)| !similar_keys(a, b))
        {
            return false;
        }
        match (&self.given, &other.given) {
            (Some(a), Some(b)) => similar_keys(a, b),
            _ => true,
        }
    }
}

/// The full-name forms of every entity, indexed for "which entities have a form similar to this
/// one". Forms are grouped by surname (a surname's keys depend only on its folded form), and the
/// surnames are found through the only ways `similar_keys` can accept them: the same phonetic
/// form, or the same first folded letter and a length within two. Each distinct surname is
/// compared once per query instead of once per form of every entity of the block.
#[derive(Default)]
struct FormIndex {
    /// Each entity's forms.
    forms: Vec<Vec<Form>>,
    /// Each entity's blocks: the first phonetic letters of its forms' surnames.
    blocks: Vec<Vec<String>>,
    /// Distinct surnames: their keys and the (entity, form) pairs that use them.
    surnames: Vec<(TokKey, Vec<(usize, usize)>)>,
    by_fold: HashMap<String, usize>,
    by_phon: HashMap<String, Vec<usize>>,
    /// (first folded char, length in chars) → surnames.
    by_shape: HashMap<(char, usize), Vec<usize>>,
    /// Queried surname (folded) → how many surnames it has been compared with (all those below
    /// that id) and the ones similar to it: each query only compares the surnames added since.
    seen: HashMap<String, (usize, Vec<usize>)>,
    /// The language pack's given names, folded.
    given_names: std::collections::HashSet<String>,
}

impl FormIndex {
    fn new_entity(&mut self) {
        self.forms.push(Vec::new());
        self.blocks.push(Vec::new());
    }

    /// Records a name of entity `id` (full names only).
    fn add(&mut self, id: usize, parts: &Parts) {
        let Some(f) = Form::new(parts, &self.given_names).filter(|_| parts.len() > 1) else {
            return;
        };
        let block = f.surname.block();
        if !self.blocks[id].contains(&block) {
            self.blocks[id].push(block);
        }
        let g = match self.by_fold.get(&f.surname.fold) {
            Some(&g) => g,
            None => {
                let g = self.surnames.len();
                self.by_fold.insert(f.surname.fold.clone(), g);
                self.by_phon
                    .entry(f.surname.phon.clone())
                    .or_default()
                    .push(g);
                if let Some(c) = f.surname.fold.chars().next() {
                    self.by_shape
                        .entry((c, f.surname.chars))
                        .or_default()
                        .push(g);
                }
                self.surnames.push((f.surname.clone(), Vec::new()));
                g
            }
        };
        self.surnames[g].1.push((id, self.forms[id].len()));
        self.forms[id].push(f);
    }

    /// The entities of the form's block (by its surname's first phonetic letter) with a form
    /// similar to it, sorted and without repeats.
    fn similar(&mut self, form: &Form) -> Vec<usize> {
        let key = &form.surname;
        let block = key.block();
        let (from, mut matching) = self.seen.remove(&key.fold).unwrap_or_default();
        // Surname ids only grow, and every list holds them in ascending order.
        let since = |list: &[usize]| list[list.partition_point(|&g| g < from)..].to_vec();
        let mut fresh: Vec<usize> = self
            .by_phon
            .get(&key.phon)
            .map_or_else(Vec::new, |l| since(l));
        if let Some(c) = key.fold.chars().next() {
            for len in key.chars.saturating_sub(2)..=key.chars + 2 {
                if let Some(l) = self.by_shape.get(&(c, len)) {
                    fresh.extend(since(l));
                }
            }
        }
        fresh.sort_unstable();
        fresh.dedup();
        matching.extend(
            fresh
                .into_iter()
                .filter(|&g| similar_keys(&self.surnames[g].0, key)),
        );
        let mut cands = Vec::new();
        for &g in &matching {
            let users = &self.surnames[g].1;
            // The surname is similar: the whole form decides (given names).
            for &(e, i) in users {
                if self.blocks[e].contains(&block) && self.forms[e][i].similar(form) {
                    cands.push(e);
                }
            }
        }
        self.seen
            .insert(key.fold.clone(), (self.surnames.len(), matching));
        cands.sort_unstable();
        cands.dedup();
        cands
    }
}

fn split(name: &str) -> Parts {
    Parts::new(name.split_whitespace())
}

/// Resolves every person mention of the corpus.
pub fn resolve<'a>(
    docs: &'a [Document],
    claims: Vec<DocClaims>,
    kb: &'a Kb,
    lex: &'a crate::lexicon::Lexicon,
) -> Model<'a> {
    resolve_with(docs, claims, kb, lex, |_, _| ()).0
}

/// [`resolve`], with `beside` run on the same documents and claims at the same time, on another
/// thread: resolution is sequential, and work that needs only the claims need not wait for it.
pub fn resolve_with<'a, T: Send>(
    docs: &'a [Document],
    claims: Vec<DocClaims>,
    kb: &'a Kb,
    lex: &'a crate::lexicon::Lexicon,
    beside: impl FnOnce(&[Document], &[DocClaims]) -> T + Send,
) -> (Model<'a>, T) {
    let (link, t) = rayon::join(|| link(docs, &claims, kb, lex), || beside(docs, &claims));
    let Links {
        dates,
        entities,
        person_entity,
        stories,
        story_years,
    } = link;
    let model = Model {
        docs,
        claims,
        dates,
        entities,
        person_entity,
        kb,
        lex,
        stories,
        story_years,
        quote_pairs: std::sync::OnceLock::new(),
    };
    (model, t)
}

/// What resolution finds: the documents' dates, the people and which mention is whom, the stories.
struct Links {
    dates: Vec<Option<(PartialDate, DateSource)>>,
    entities: Vec<Entity>,
    person_entity: Vec<Vec<Option<usize>>>,
    stories: Vec<usize>,
    story_years: BTreeMap<usize, i32>,
}

fn link(docs: &[Document], claims: &[DocClaims], kb: &Kb, lex: &crate::lexicon::Lexicon) -> Links {
    let dates: Vec<Option<(PartialDate, DateSource)>> = docs
        .iter()
        .zip(claims)
        .map(|(d, c)| c.date(d.meta.date))
        .collect();
    let mut entities: Vec<Entity> = Vec::new();
    // Name forms per entity, with their keys, for similarity; blocked by the surname's first phonetic
    // letter so that each mention is compared with a handful of people, not all.
    let mut index = FormIndex {
        given_names: lex.pack.given_names.names.iter().map(|n| fold(n)).collect(),
        ..FormIndex::default()
    };
    let mut exact: HashMap<String, usize> = HashMap::default();
    for (i, p) in kb.persons.iter().enumerate() {
        let id = entities.len();
        entities.push(Entity {
            name: p.name.clone(),
            kb: Some(i),
            mentions: Vec::new(),
        });
        index.new_entity();
        for name in std::iter::once(&p.name).chain(&p.aliases).chain(&p.wrong) {
            let parts = split(name);
            exact.insert(fold(name), id);
            index.add(id, &parts);
        }
    }
    let mut person_entity: Vec<Vec<Option<usize>>> =
        claims.iter().map(|c| vec![None; c.persons.len()]).collect();
    // Full names first, in document order. The folded full name is built in one buffer: most
    // mentions repeat a name already met, and need no allocation.
    let mut key = String::new();
    for (d, c) in claims.iter().enumerate() {
        for (m, p) in c.persons.iter().enumerate() {
            if p.parts.len() < 2 || particle_led(&p.parts) {
                continue;
            }
            key.clear();
            for (i, part) in p.parts.iter().enumerate() {
                if i > 0 {
                    key.push(' ');
                }
                fold_into(part, &mut key);
            }
            let known = exact.get(key.as_str()).copied();
            let id = known.or_else(|| {
                let form = Form::new(&p.parts, &index.given_names)?;
                let cands = index.similar(&form);
                (cands.len() == 1).then(|| cands[0])
            });
            let id = id.unwrap_or_else(|| {
                entities.push(Entity {
                    name: p.text(),
                    kb: None,
                    mentions: Vec::new(),
                });
                index.new_entity();
                entities.len() - 1
            });
            if known.is_none() {
                index.add(id, &p.parts);
                exact.insert(key.clone(), id);
            }
            entities[id].mentions.push((d, m));
            person_entity[d][m] = Some(id);
        }
    }
    // Lone surnames: the same document first, then the whole corpus, exact before similar.
    // Each known surname's entities (sorted, without repeats), and the known surnames by block.
    let surname_entities: Vec<Vec<usize>> = index
        .surnames
        .iter()
        .map(|(_, users)| {
            let mut v: Vec<usize> = users.iter().map(|&(e, _)| e).collect();
            v.sort_unstable();
            v.dedup();
            v
        })
        .collect();
    let mut surname_blocks: HashMap<String, Vec<usize>> = HashMap::default();
    for (g, (key, _)) in index.surnames.iter().enumerate() {
        surname_blocks.entry(key.block()).or_default().push(g);
    }
    // A lone surname's similar known surnames depend only on its folded form (the phonetic form
    // is computed from it): their entities are found once per distinct form, then filtered per
    // mention.
    let mut similar_of: HashMap<String, Vec<usize>> = HashMap::default();
    let middle = middle_names(claims, &person_entity);
    for (d, c) in claims.iter().enumerate() {
        let in_doc: Vec<usize> = {
            let mut v: Vec<usize> = person_entity[d].iter().flatten().copied().collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        // Of candidates `l` (sorted, without repeats): the one in this document, or the only one.
        let pick = |l: &[usize]| -> Option<usize> {
            let mut local = in_doc.iter().filter(|e| l.binary_search(e).is_ok());
            match (local.next(), local.next()) {
                (Some(&e), None) => Some(e),
                _ => (l.len() == 1).then(|| l[0]),
            }
        };
        for (m, p) in c.persons.iter().enumerate() {
            let Some(lone) = lone_name(&p.parts) else {
                continue;
            };
            let folded = fold(lone);
            let known_surname = index.by_fold.get(&folded);
            let mut id = known_surname.and_then(|&g| pick(&surname_entities[g]));
            // "le gouverneur Kazadi" for Albert Kazadi Mwamba: the name a person goes by may be a
            // middle part, when it is nobody's surname and one person's middle part only.
            if known_surname.is_none() && !p.weak {
                id = middle.get(&folded).and_then(|l| pick(l));
            }
            if id.is_none() {
                // A misspelt lone surname: anywhere after a title, but only within its own
                // document without one ("Romuald Agbangla … Agbanla a promis").
                let all = similar_of.entry(folded).or_insert_with(|| {
                    let key = TokKey::new(lone);
                    let mut v: Vec<usize> = surname_blocks
                        .get(&key.block())
                        .into_iter()
                        .flatten()
                        .filter(|&&g| similar_keys(&index.surnames[g].0, &key))
                        .flat_map(|&g| surname_entities[g].iter().copied())
                        .collect();
                    v.sort_unstable();
                    v.dedup();
                    v
                });
                let similar: Vec<usize> = all
                    .iter()
                    .copied()
                    .filter(|e| !p.weak || in_doc.binary_search(e).is_ok())
                    .collect();
                id = pick(&similar);
            }
            if let Some(id) = id {
                entities[id].mentions.push((d, m));
                person_entity[d][m] = Some(id);
            }
        }
    }
    entities.par_iter_mut().for_each(|e| {
        e.mentions.sort_unstable();
        if e.kb.is_none() {
            e.name = majority_full_form(e, claims);
        }
    });
    let days: Vec<Option<i64>> = dates
        .iter()
        .map(|d| d.map(|(p, _)| p.first_day()))
        .collect();
    let stories = stories(claims, &person_entity, &days);
    let story_years = {
        let mut years: BTreeMap<usize, BTreeMap<i32, usize>> = BTreeMap::new();
        for (d, date) in dates.iter().enumerate() {
            if let Some((p, _)) = date {
                *years
                    .entry(stories[d])
                    .or_default()
                    .entry(p.year)
                    .or_default() += 1;
            }
        }
        years
            .into_iter()
            .filter_map(|(s, ys)| {
                ys.into_iter()
                    .max_by_key(|(y, n)| (*n, *y))
                    .map(|(y, _)| (s, y))
            })
            .collect()
    };
    Links {
        dates,
        entities,
        person_entity,
        stories,
        story_years,
    }
}

/// Particles that begin a surname ("Ould Cheikh", "Ag Intalla", "Ben Salah") and are never a
/// given name.
const SURNAME_PARTICLES: &[&str] = &["ould", "ben", "bin", "bint", "mint", "ibn", "ag"];

/// Whether a two-part name is a particle and a surname ("Mme Ould Cheikh"): a surname alone, which
/// the full-name pass must not take for a given name and a surname. Taken for one, it matched
/// every "Maïmouna Ould Cheikh" and "Moussa Ould Cheikh" of an archive as their short form, and
/// made them one person.
fn particle_led(parts: &Parts) -> bool {
    // The particles are plain ASCII: compared without folding (every full name passes here).
    parts.len() == 2
        && parts
            .first()
            .is_some_and(|p| SURNAME_PARTICLES.iter().any(|s| p.eq_ignore_ascii_case(s)))
}

/// The name a mention without a given name goes by: its one part, or the surname after a
/// particle ("Ould Cheikh" → "Cheikh", the surname full names are indexed by).
fn lone_name(parts: &Parts) -> Option<&str> {
    match parts.len() {
        1 => parts.first(),
        _ if particle_led(parts) => parts.last(),
        _ => None,
    }
}

/// Particles that stand inside names and are no name a person goes by.
const NAME_PARTICLES: &[&str] = &[
    "ould", "ben", "bin", "bint", "mint", "ibn", "abou", "abu", "ag", "el", "al", "ba", "da", "de",
    "di", "dos", "du", "van", "von",
];

/// Middle parts of three-part names ("Albert Kazadi Mwamba" → "kazadi"), folded, each with the
/// entities (sorted, without repeats) whose names hold it; particles and short parts left out.
fn middle_names(
    claims: &[DocClaims],
    person_entity: &[Vec<Option<usize>>],
) -> HashMap<String, Vec<usize>> {
    let mut out: HashMap<String, Vec<usize>> = HashMap::default();
    for (d, c) in claims.iter().enumerate() {
        for (m, p) in c.persons.iter().enumerate() {
            let Some(e) = person_entity[d][m] else {
                continue;
            };
            if p.parts.len() < 3 {
                continue;
            }
            for part in p.parts.middle() {
                let f = fold(part);
                if f.chars().count() >= 4 && !NAME_PARTICLES.contains(&f.as_str()) {
                    out.entry(f).or_default().push(e);
                }
            }
        }
    }
    for v in out.values_mut() {
        v.sort_unstable();
        v.dedup();
    }
    out
}

/// The full form written in the most documents (ties: the first in sorted order).
fn majority_full_form(e: &Entity, claims: &[DocClaims]) -> String {
    let mut docs_per_form: BTreeMap<String, std::collections::BTreeSet<usize>> = BTreeMap::new();
    for &(d, m) in &e.mentions {
        let p = &claims[d].persons[m];
        if p.parts.len() > 1 {
            docs_per_form.entry(p.text()).or_default().insert(d);
        }
    }
    docs_per_form
        .iter()
        .max_by(|a, b| a.1.len().cmp(&b.1.len()).then(b.0.cmp(a.0)))
        .map_or_else(String::new, |(f, _)| f.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterations_meet() {
        assert!(similar_token("Tiani", "Tchiani"));
        assert!(similar_token("Abdourahamane", "Abdouramane"));
        assert!(similar_token("Abdourahamane", "Abdourahmane"));
        assert!(similar_token("Abdourahamane", "Abdourahame"));
        assert!(similar_token("Abdelkader", "Abdelkadir"));
        assert!(similar_token("Abdoulaye", "Abdoulay"));
        assert!(similar_token("Bazoum", "Bazum"));
        assert!(similar_token("Goïta", "Goita"));
        // Two neighbouring letters swapped.
        assert!(similar_token("Kiala", "Kaila"));
        assert!(similar_token("Ndayishimiye", "Ndayishimyie"));
    }

    #[test]
    fn bounded_levenshtein_agrees_with_strsim() {
        let names = [
            "",
            "a",
            "ab",
            "ba",
            "diarra",
            "diallo",
            "traore",
            "toure",
            "abdourahamane",
            "abdouramane",
            "abdourahmane",
            "goita",
            "goïta",
            "tchiani",
            "tiani",
            "bazoum",
            "bazum",
            "ntakiru",
            "makaya ntoutoume",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab",
        ];
        for a in names {
            for b in names {
                let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
                let d = strsim::levenshtein(a, b);
                for k in 0..4 {
                    assert_eq!(levenshtein_within(&ca, &cb, k), d <= k, "{a} {b} {k}");
                }
            }
        }
    }

    #[test]
    fn different_names_stay_apart() {
        assert!(!similar_token("Traoré", "Touré"));
        assert!(!similar_token("Diarra", "Diallo"));
        // Distinct names sharing the "Abdel"/"Abdou" head.
        assert!(!similar_token("Abdelaziz", "Abdelhamid"));
        assert!(!similar_token("Abdelkader", "Abdelkrim"));
        assert!(!similar_token("Abdoulaziz", "Abdoulkarim"));
        // A swap of letters farther apart is not a slip.
        assert!(!similar_token("Kiala", "Kalia"));
        let given: std::collections::HashSet<String> = ["oumar", "cheick", "ousmane"]
            .into_iter()
            .map(String::from)
            .collect();
        let form = |n: &str| Form::new(&split(n), &given).unwrap();
        assert!(!form("Oumar Diarra").similar(&form("Cheick Diarra")));
        assert!(form("Abdourahame Tiani").similar(&form("Abdourahamane Tiani")));
        // Compound surnames and middle names.
        assert!(form("Yakité Nguema").similar(&form("Albertine Yakité Nguema")));
        assert!(form("Albertine Yakité Nguema").similar(&form("Yakité Nguema")));
        assert!(!form("Ousmane Touré").similar(&form("Moussa Ousmane Touré")));
        assert!(form("Ousmane Touré").similar(&form("Ousmane Kaba Touré")));
        assert!(!form("Hamadoun Yattara Niang").similar(&form("Hamadoun Sidibé Niang")));
        assert!(form("Hamadoun Yattara Niang").similar(&form("Hamadoun Yatara Niang")));
    }
}
