//! Offices and ranks held by named people, in the appositive forms news prose uses in both orders:
//! "le ministre malien de la Défense, Abdoulaye Diop", "Abdoulaye Diop, ministre de la Défense du
//! Mali", "le général Assimi Goïta", "le président déchu Mohamed Bazoum".

use super::{Ctx, DeposedClaim, OfficeClaim, PersonMention, RankClaim};
use crate::lexicon::Lex;

/// An office phrase: head, portfolios, country, and whether it is marked as past.
#[derive(Debug, Clone)]
pub(super) struct Phrase {
    tok_start: usize,
    pub(super) tok_end: usize,
    pub(super) office: u16,
    pub(super) portfolios: Vec<u16>,
    pub(super) country: Option<u16>,
    past: bool,
    /// The organisation the office is a post of ("secrétaire général de l'UNDC"): its acronym
    /// when one is given, folded, else its folded name.
    pub(super) org: Option<String>,
}

/// Generic complements that may stand between an office and its country ("des forces armées").
const FILLERS: &[&[&str]] = &[
    &["forces", "armees"],
    &["armees"],
    &["armee"],
    &["gouvernement"],
];

/// Kinds of territorial division that name a governor's, prefect's or mayor's seat in lower case
/// before the division's name ("gouverneur de la province de Potosí").
const DIVISIONS: &[&str] = &[
    "province",
    "region",
    "district",
    "departement",
    "prefecture",
    "wilaya",
    "gouvernorat",
    "commune",
    "ville",
    "comte",
    "canton",
    "etat",
];

/// Words between an office and its portfolio: "ministre d'État chargé de l'Énergie".
const IN_CHARGE: &[&str] = &["charge", "chargee", "charges", "chargees"];

/// The token after "chargé" or "en charge" at `j` ("ministre chargé de l'Énergie", "ministre en
/// charge de l'Énergie"), if one starts there.
fn in_charge(ctx: &Ctx, j: usize) -> Option<usize> {
    if ctx.is_any(j, IN_CHARGE) {
        Some(j + 1)
    } else if ctx.is(j, "en") && ctx.is(j + 1, "charge") {
        Some(j + 2)
    } else {
        None
    }
}

/// Past markers that also say the holder was removed by force or by decision.
const DEPOSED_MARKERS: &[&str] = &[
    "dechu",
    "dechue",
    "renverse",
    "renversee",
    "destitue",
    "destituee",
    "evince",
    "evincee",
];

/// The office phrase at token `i` ("président burundais", "ministre de la Défense du Mali"): the
/// token after it, the office and its country, when it is not marked as past.
pub(super) fn office_at(ctx: &Ctx, i: usize) -> Option<(usize, u16, Option<u16>)> {
    parse_phrase(ctx, i)
        .filter(|p| !p.past && p.tok_start == i)
        .map(|p| (p.tok_end, p.office, p.country))
}

/// The whole office phrase at token `i` when it is not marked as past: "ministre de la Pêche",
/// "Premier ministre", "président de l'UNDC".
pub(super) fn phrase_at(ctx: &Ctx, i: usize) -> Option<Phrase> {
    parse_phrase(ctx, i).filter(|p| !p.past && p.tok_start == i)
}

fn parse_phrase(ctx: &Ctx, i: usize) -> Option<Phrase> {
    let (mut j, office) = ctx.find_kind(i, crate::lexicon::kind::OFFICE, |l| match l {
        Lex::Office(o) => Some(o),
        _ => None,
    })?;
    let mut p = Phrase {
        tok_start: i,
        tok_end: j,
        office,
        portfolios: Vec::new(),
        country: None,
        past: false,
        org: None,
    };
    // A periphrasis ("chef de la diplomatie", "garde des Sceaux") reads as the office and
    // portfolio it stands for.
    let pack = &ctx.lex.pack;
    if let Some(entry) = pack.office.get(office as usize) {
        if let Some(o) = entry
            .means
            .as_ref()
            .and_then(|m| pack.office.iter().position(|x| &x.id == m))
        {
            p.office = o as u16;
        }
        if let Some(pf) = entry
            .portfolio
            .as_ref()
            .and_then(|m| pack.portfolio.iter().position(|x| &x.id == m))
        {
            p.portfolios.push(pf as u16);
        }
    }
    // An office whose head names its body ("présidente de la Commission") followed by the
    // body's adjectives and acronym: "la présidente de la Commission électorale nationale
    // indépendante (CENI), X". The adjectives and the acronym name the organisation.
    if j > i + 1
        && ctx.toks.get(j - 1).is_some_and(|t| t.cap)
        && !ctx.is(j - 1, "etat")
        && in_charge(ctx, j).is_none()
    {
        let e = portfolio_adjectives(ctx, j);
        // The office is then the post its first word names ("président" of the CENI), as in
        // "le président de la CENI".
        let post = ctx.hits_at(i).find_map(|h| match h.lex {
            Lex::Office(o) if h.end == i + 1 => Some(o),
            _ => None,
        });
        if e > j
            && let Some(post) = post
        {
            p.office = post;
            let mut org: Vec<&str> = (j - 1..e).filter_map(|t| ctx.word(t)).collect();
            org.retain(|w| *w != "et" && *w != ",");
            p.org = Some(org.join(" "));
            j = e;
            if ctx.is(j, "(")
                && ctx.toks.get(j + 1).is_some_and(|t| t.all_caps)
                && ctx.is(j + 2, ")")
            {
                p.org = ctx.word(j + 1).map(str::to_string);
                j += 3;
            }
            p.tok_end = j;
            return Some(p);
        }
    }
    // Markers before the head: "l'ancien ministre", "l'ex-président".
    for back in 1..=2 {
        if i >= back && ctx.is_lex(i - back, |l| l == Lex::Past) {
            p.past = true;
            p.tok_start = i - back;
        }
    }
    loop {
        if let Some((e, ())) = ctx.find_at(j, |l| (l == Lex::Present).then_some(())) {
            j = e;
            continue;
        }
        if let Some((e, ())) = ctx.find_at(j, |l| (l == Lex::Past).then_some(())) {
            p.past = true;
            j = e;
            continue;
        }
        if let Some((e, c)) = ctx.find_at(j, |l| match l {
            Lex::CountryAdj(c) => Some(c),
            _ => None,
        }) {
            p.country.get_or_insert(c);
            j = e;
            continue;
        }
        // "ministre d'État chargé de l'Énergie", "ministre déléguée, chargée du Budget": the
        // portfolio follows.
        // Only before a portfolio: "ministre de la Justice, chargé du dossier des détenus" says
        // what the minister is doing, not which ministry.
        let portfolio_after = |m: usize| {
            let k = ctx.skip_connector(m);
            k > m && ctx.is_lex(k, |l| matches!(l, Lex::Portfolio(_)))
        };
        let charge_from = if ctx.is(j, ",") { j + 1 } else { j };
        if let Some(k) = in_charge(ctx, charge_from).filter(|&k| portfolio_after(k)) {
            j = k;
            continue;
        }
        // "ministre délégué auprès du ministre des Finances, chargé du Budget": the portfolio
        // named after the other office is not this one's; the phrase ends unless its own follows.
        if ctx.is(j, "aupres") {
            match (j + 1..j + 12)
                .take_while(|&m| !ctx.sentence_end(m))
                .find_map(|m| in_charge(ctx, m))
            {
                Some(k) => {
                    j = k;
                    continue;
                }
                None => {
                    // The phrase spans the other office, so that it is not read as the
                    // holder's: "le ministre délégué auprès du ministre de l'Intérieur, X".
                    if let Some(q) = parse_phrase(ctx, ctx.skip_connector(j + 1)) {
                        j = q.tok_end;
                    }
                    break;
                }
            }
        }
        // A list of portfolios: "ministre de l'Économie, des Finances et du Plan".
        if ctx.is(j, ",") && portfolio_after(j + 1) {
            j += 1;
            continue;
        }
        // "secrétaire d'État à la Coopération": "à" is a connector before a portfolio only ("a"
        // is also the verb: "le ministre a déclaré").
        let k = if ctx.is(j, "a")
            && ctx.is_any(j + 1, &["la", "l'"])
            && ctx.is_lex(j + 2, |l| matches!(l, Lex::Portfolio(_)))
        {
            j + 2
        } else {
            ctx.skip_connector(j)
        };
        if k > j || ctx.is(j, "et") {
            if let Some((e, pf)) = ctx.find_at(k, |l| match l {
                Lex::Portfolio(pf) => Some(pf),
                _ => None,
            }) {
                if !p.portfolios.contains(&pf) {
                    p.portfolios.push(pf);
                }
                j = portfolio_adjectives(ctx, e);
                continue;
            }
            if let Some((e, c)) = ctx.find_at(k, |l| match l {
                Lex::Country(c) => Some(c),
                _ => None,
            }) {
                p.country.get_or_insert(c);
                j = e;
                continue;
            }
            if let Some(f) = FILLERS
                .iter()
                .find(|f| f.iter().enumerate().all(|(n, w)| ctx.is(k + n, w)))
            {
                j = k + f.len();
                continue;
            }
            // The party of the story, unnamed: "la secrétaire générale du parti, X", "X,
            // trésorier du parti". Its posts are compared with each other; a name after it
            // ("du parti Pastef", "du parti de l'unité") is left to the organisation's reading.
            if k > j
                && ctx.is(k, "parti")
                && ctx.toks.get(k).is_some_and(|t| !t.cap)
                && !ctx.toks.get(k + 1).is_some_and(|t| t.cap)
                && !ctx.is_any(k + 1, &["de", "du", "des", "d'", "au"])
            {
                p.org = Some("parti".to_string());
                j = k + 1;
            }
            // A minister's list of portfolios that goes on with one the language pack does not
            // know ("ministre des Transports et des Communications", "de l'Agriculture et des
            // Productions vivrières"): a ministry's name, not an organisation the post belongs
            // to. The portfolios read so far stand for the office; the phrase takes the rest.
            if k > j
                && ctx.is(j, "et")
                && !p.portfolios.is_empty()
                && org_name_at(ctx, k)
                && pack
                    .office
                    .get(p.office as usize)
                    .is_some_and(|o| o.class == "minister")
            {
                j = portfolio_adjectives(ctx, k + 1);
                break;
            }
            // A seat named after its kind of division, in lower case: "gouverneur de la
            // province de Potosí", "préfet du département du Nord", "maire de la commune de
            // Kaloum". The division and its name are the seat ("province potosi").
            if k > j
                && p.org.is_none()
                && ctx.is_any(k, DIVISIONS)
                && ctx.toks.get(k).is_some_and(|t| !t.cap)
            {
                let n = ctx.skip_connector(k + 1);
                if n > k + 1 && org_name_at(ctx, n) {
                    let mut e = n + 1;
                    while e < n + 4 && org_name_at(ctx, e) {
                        e += 1;
                    }
                    let mut seat = vec![ctx.word(k).unwrap_or_default()];
                    seat.extend((n..e).filter_map(|t| ctx.word(t)));
                    p.org = Some(seat.join(" "));
                    j = e;
                    break;
                }
            }
            // A post of a ministry, not its head: "secrétaire général du ministère de la
            // Santé", "directeur de cabinet du ministère des Mines". The ministry, named by its
            // portfolios, is the organisation.
            if k > j
                && ctx.is_any(k, &["ministere", "ministeres"])
                && pack
                    .office
                    .get(p.office as usize)
                    .is_none_or(|o| o.class != "minister")
                && p.org.is_none()
            {
                let (pfs, e) = portfolio_list(ctx, k + 1);
                if !pfs.is_empty() {
                    let mut names: Vec<&str> = pfs
                        .iter()
                        .filter_map(|&pf| pack.portfolio.get(pf as usize).map(|x| x.id.as_str()))
                        .collect();
                    names.sort_unstable();
                    p.org = Some(format!("ministere {}", names.join(" ")));
                    j = e;
                    break;
                }
            }
            // An organisation: "président de la Commission de l'Union africaine, X",
            // "secrétaire exécutif de la Cédéao, X". Its name ends the phrase.
            if k > j && org_name_at(ctx, k) {
                // Its words, and the connectors inside it: "Fédération sénégalaise de football",
                // "Agence nationale de l'aviation civile".
                let mut e = k + 1;
                while e < k + 10 {
                    if org_word(ctx, e) {
                        e += 1;
                        continue;
                    }
                    let f = if ctx.is(e, "de") && ctx.is_any(e + 1, &["la", "l'"]) {
                        e + 2
                    } else {
                        e + 1
                    };
                    if ctx.is_any(e, &["de", "du", "des", "d'"]) && org_word(ctx, f) {
                        e = f + 1;
                        continue;
                    }
                    break;
                }
                j = e;
                // The organisation's acronym, given in parentheses after the rest of its name:
                // "secrétaire général de l'Union nationale pour le développement du Cameroun
                // (UNDC)". The phrase then ends after it, where the holder may be named.
                if let Some((acronym, end)) = acronym_after(ctx, k) {
                    p.org = Some(acronym);
                    j = j.max(end);
                    p.tok_end = j;
                    return Some(p);
                }
                // Its content words: "de la" and "du" vary between writers.
                p.org = Some(
                    (k..last_meaningful_from(ctx, k, e))
                        .filter_map(|t| ctx.word(t))
                        .filter(|w| !["de", "du", "des", "d'", "la", "l'", "le"].contains(w))
                        .collect::<Vec<_>>()
                        .join(" "),
                );
            }
        }
        break;
    }
    // Trailing fillers without a country carry no meaning: the phrase ends before them.
    p.tok_end = last_meaningful(ctx, &p, j);
    Some(p)
}

/// The portfolios named from token `k` on, after "chargé": "de la Santé", "de l'Économie, des
/// Finances et du Plan". Returns them and the token after the last.
fn portfolio_list(ctx: &Ctx, mut k: usize) -> (Vec<u16>, usize) {
    let mut out = Vec::new();
    loop {
        let m = if !out.is_empty() && ctx.is(k, ",") {
            k + 1
        } else {
            k
        };
        let c = ctx.skip_connector(m);
        if c == m {
            break;
        }
        match ctx.find_at(c, |l| match l {
            Lex::Portfolio(pf) => Some(pf),
            _ => None,
        }) {
            Some((e, pf)) => {
                if !out.contains(&pf) {
                    out.push(pf);
                }
                k = portfolio_adjectives(ctx, e);
            }
            None => break,
        }
    }
    (out, k)
}

/// Adjectives that qualify a portfolio, possibly several joined by "," or "et": "des Transports
/// routiers, aériens et ferroviaires". Returns the token after the last one.
fn portfolio_adjectives(ctx: &Ctx, from: usize) -> usize {
    let adjective = |k: usize| {
        lower_word(ctx, k)
            && ctx.toks.get(k).is_some_and(|t| !t.cap)
            && ctx.hits_at(k).next().is_none()
    };
    let mut j = from;
    while adjective(j) {
        j += 1;
        if ctx.is_any(j, &[",", "et"]) && adjective(j + 1) {
            j += 1;
        }
    }
    j
}

/// A word of four letters or more, all alphabetic: an adjective or noun, not an article, a short
/// verb ("a") or a figure.
fn lower_word(ctx: &Ctx, k: usize) -> bool {
    ctx.toks.get(k).is_some_and(|t| {
        t.kind == crate::text::TokKind::Word
            && t.fold.chars().count() >= 4
            && t.fold.chars().all(char::is_alphabetic)
    })
}

/// A capitalised word that is not a person's name: the start of an organisation's name.
fn org_name_at(ctx: &Ctx, k: usize) -> bool {
    ctx.toks.get(k).is_some_and(|t| {
        t.kind == crate::text::TokKind::Word && t.cap && ctx.person_at(k).is_none()
    })
}

/// A word that continues an organisation's name: capitalised, or a lower-case adjective
/// ("africaine", "unies"); never a person's name or a short verb ("a salué").
fn org_word(ctx: &Ctx, k: usize) -> bool {
    ctx.toks.get(k).is_some_and(|t| {
        t.kind == crate::text::TokKind::Word
            && ctx.person_at(k).is_none()
            && (t.cap || lower_word(ctx, k))
            && !ctx.is_lex(k, |l| {
                matches!(
                    l,
                    Lex::ReportVerb | Lex::ReportInverted | Lex::Stopword | Lex::Office(_)
                )
            })
    })
}

/// An acronym at `k` ("UNDC"), or in parentheses after the name starting at `k` within one
/// clause: the folded acronym and the token after it (after the closing parenthesis).
fn acronym_after(ctx: &Ctx, k: usize) -> Option<(String, usize)> {
    let t = ctx.toks.get(k)?;
    if t.all_caps && t.fold.chars().count() >= 2 {
        return Some((t.fold.to_string(), k + 1));
    }
    let mut m = k + 1;
    while m < k + 14 && !ctx.sentence_end(m) && !ctx.is_any(m, &[",", ")"]) {
        if ctx.is(m, "(") {
            let a = ctx.toks.get(m + 1)?;
            return (a.all_caps && ctx.is(m + 2, ")")).then(|| (a.fold.to_string(), m + 3));
        }
        m += 1;
    }
    None
}

/// The end of an organisation's name starting at `k` without its trailing connectors.
fn last_meaningful_from(ctx: &Ctx, k: usize, j: usize) -> usize {
    let mut end = j;
    while end > k + 1
        && ctx.is_any(
            end - 1,
            &["de", "du", "des", "d'", "la", "l'", "et", "pour"],
        )
    {
        end -= 1;
    }
    end
}

fn last_meaningful(ctx: &Ctx, p: &Phrase, j: usize) -> usize {
    let mut end = j;
    while end > p.tok_start + 1 {
        let t = &ctx.toks[end - 1].fold;
        if ["de", "du", "des", "d'", "la", "l'", "et", "au", "aux", "en"].contains(&t.as_str()) {
            end -= 1;
        } else {
            break;
        }
    }
    end
}

/// People named by their tie to an office holder: "la directrice de cabinet du président, X" is
/// the director's name, not the president's.
const PERSON_NOUNS: &[&str] = &[
    "aide",
    "avocat",
    "avocate",
    "cabinet",
    "conseiller",
    "conseillere",
    "epouse",
    "femme",
    "fille",
    "fils",
    "frere",
    "garde",
    "mari",
    "medecin",
    "neveu",
    "niece",
    "protocole",
    "soeur",
    "veuve",
];

/// Whether the office phrase starting at `start` is the complement of a noun naming another
/// person, so that a name after it is that person's: "la directrice de cabinet du président, X",
/// "le conseiller spécial du Premier ministre, X", "le porte-parole du chef de l'État, X".
fn complement_of_a_person(ctx: &Ctx, start: usize) -> bool {
    let mut k = start;
    // "le président", "du président", "de la ministre": the article or contraction before it.
    if k > 0 && ctx.is_any(k - 1, &["la", "l'"]) {
        k -= 1;
    }
    if k == 0 || !ctx.is_any(k - 1, &["du", "de", "des", "d'", "au", "aux", "aupres"]) {
        return false;
    }
    let before = k - 1;
    // The noun it complements, a word or two back ("conseiller spécial du", "chef de cabinet du").
    (before.saturating_sub(3)..before)
        .rev()
        .take_while(|&m| !ctx.is_any(m, &[",", ".", ";", ":"]) && !ctx.sentence_end(m))
        .any(|m| ctx.is_any(m, PERSON_NOUNS) || ctx.is_lex(m, |l| matches!(l, Lex::Office(_))))
}

/// After token `j`, optional articles then an optional rank: where a name may start.
fn skip_to_name(ctx: &Ctx, mut j: usize) -> usize {
    if ctx.is_any(j, &["le", "la", "l'", "son", "sa", "leur"]) {
        j += 1;
    }
    // A civility: "le Dr Celso Nhantumbo", "Mme Awa Sow", "M. Diop".
    if ctx.is_any(j, super::person::CIVILITIES) {
        j += 1;
        if ctx.is(j, ".") {
            j += 1;
        }
    }
    if let Some((e, _)) = ctx.find_at(j, |l| match l {
        Lex::Rank(r) => Some(r),
        _ => None,
    }) {
        j = e;
    }
    j
}

pub(super) fn extract(
    ctx: &Ctx,
    persons: &[PersonMention],
) -> (Vec<OfficeClaim>, Vec<RankClaim>, Vec<DeposedClaim>) {
    let toks = ctx.toks;
    let mut offices = Vec::new();
    let mut in_office = vec![false; toks.len() + 1];
    // The last office phrase read without a portfolio, country or organisation ("ministre
    // d'État"), with its holder: the token after it, and who.
    let mut bare: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < toks.len() {
        let Some(p) = parse_phrase(ctx, i) else {
            i += 1;
            continue;
        };
        for f in in_office.iter_mut().take(p.tok_end).skip(p.tok_start) {
            *f = true;
        }
        // Office, then the holder: "le ministre de la Défense, Sadio Camara", "le président X".
        let mut holder = None;
        let mut after = p.tok_end;
        if ctx.is(after, ",") {
            after += 1;
        }
        // "Nommée ministre de l'Éducation en mars, X a rencontré…": an office after a change
        // marker that opens the sentence, then a short complement of time, then the holder.
        if after == p.tok_end
            && ctx.person_at(after).is_none()
            && let Some(lead) = change_lead_in(ctx, p.tok_start)
            && (lead == 0 || ctx.sentence_end(lead - 1))
            && let Some(comma) = (after..after + 5)
                .take_while(|&k| !ctx.sentence_end(k))
                .find(|&k| ctx.is(k, ","))
        {
            after = comma + 1;
        }
        // "le président du Conseil national de transition (CNT), X": the acronym of the body the
        // office names stands between the office and its holder.
        if ctx.is(after, "(")
            && ctx.toks.get(after + 1).is_some_and(|t| t.all_caps)
            && ctx.is(after + 2, ")")
        {
            after += 3;
            if ctx.is(after, ",") {
                after += 1;
            }
        }
        let name_at = skip_to_name(ctx, after);
        let mut portfolios = p.portfolios.clone();
        let mut tok_end = p.tok_end;
        if let Some(m) = ctx.person_at(name_at)
            && !complement_of_a_person(ctx, p.tok_start)
        {
            holder = Some(m);
            // "la ministre X, chargée de la Santé": the portfolio after the holder.
            let pe = persons.get(m).map_or(0, |x| x.tok_end);
            if portfolios.is_empty()
                && ctx.is(pe, ",")
                && let Some(k) = in_charge(ctx, pe + 1)
                && let (pfs, e) = portfolio_list(ctx, k)
                && !pfs.is_empty()
            {
                portfolios = pfs;
                tok_end = e;
            }
        }
        // "La ministre de la Communication, porte-parole du gouvernement, X": two offices in a
        // row before one holder; the first is the holder's too.
        if holder.is_none()
            && ctx.is(p.tok_end, ",")
            && let Some(q) = parse_phrase(ctx, p.tok_end + 1).filter(|q| !q.past)
            && q.tok_end > p.tok_end + 1
        {
            let after_q = if ctx.is(q.tok_end, ",") {
                q.tok_end + 1
            } else {
                q.tok_end
            };
            if let Some(m) = ctx.person_at(skip_to_name(ctx, after_q))
                && !complement_of_a_person(ctx, p.tok_start)
            {
                holder = Some(m);
            }
        }
        // "X, ministre d'État, ministre de l'Intérieur": a second office in apposition to a
        // first that named no portfolio is the same holder's.
        if holder.is_none()
            && p.tok_start >= 1
            && ctx.is(p.tok_start - 1, ",")
            && let Some((end, h)) = bare
            && end == p.tok_start - 1
        {
            holder = Some(h);
        }
        // "Limogé par X, le nouveau président avait pris …": an office with its article after a
        // comma and right before a verb is the subject of the clause, not X's apposition.
        // Read only where a name before the comma would otherwise hold the office.
        let subject_of_verb = || verb_at(ctx, p.tok_end);
        // Holder, then the office: "Abdoulaye Diop, ministre des Affaires étrangères".
        if holder.is_none() && p.tok_start >= 2 && ctx.is(p.tok_start - 1, ",") {
            let mut k = p.tok_start - 1;
            // "X, le ministre …": the article sits between the comma and the office.
            if !ctx.is(k, ",") {
                k -= 1;
            }
            holder = ctx.person_end(k);
        }
        // "X, le ministre …", "X, l'actuel ministre …", "X, actuel ministre …": an article, a
        // word saying the office is held now, or both, between the comma and the office.
        let lead = {
            let mut k = p.tok_start;
            if k >= 1 && ctx.is_lex(k - 1, |l| l == Lex::Present) {
                k -= 1;
            }
            k
        };
        if holder.is_none()
            && lead < p.tok_start
            && lead >= 2
            && ctx.is(lead - 1, ",")
            && let Some(m) = ctx.person_end(lead - 1)
        {
            holder = Some(m);
        }
        if holder.is_none()
            && lead >= 3
            && ctx.is_any(lead - 1, &["le", "la", "l'", "son", "sa"])
            && ctx.is(lead - 2, ",")
            && let Some(m) = ctx.person_end(lead - 2)
            && !subject_of_verb()
        {
            holder = Some(m);
        }
        // "X, devenu ministre …", "X, nommée ministre …", "X, le nouveau ministre …".
        if holder.is_none()
            && let Some(k) = change_lead_in(ctx, p.tok_start)
            && k >= 2
            && ctx.is(k - 1, ",")
            && let Some(m) = ctx.person_end(k - 1)
            && !(ctx.is_any(k, &["le", "la", "l'"]) && subject_of_verb())
        {
            holder = Some(m);
        }
        // "X conserve le ministère de la Santé": a verb that keeps a minister in office, right
        // after the name.
        let kept = ctx.is_any(p.tok_start, KEPT_VERBS);
        if holder.is_none() && kept {
            holder = ctx.person_end(p.tok_start);
        }
        // "X est ministre de …", "X est désormais le ministre …" (not "était": a past office).
        if holder.is_none() {
            let mut k = change_lead_in(ctx, p.tok_start).unwrap_or(p.tok_start);
            while k > 0
                && ctx.is_any(
                    k - 1,
                    &["le", "la", "l'", "aussi", "également", "actuellement"],
                )
            {
                k -= 1;
            }
            if k >= 2 && ctx.is(k - 1, "est") {
                holder = ctx.person_end(k - 1);
                // "X, qui est ministre de …".
                if holder.is_none() && k >= 4 && ctx.is(k - 2, "qui") && ctx.is(k - 3, ",") {
                    holder = ctx.person_end(k - 3);
                }
            }
        }
        bare = None;
        // "reconduit à la frontière", "maintenu dans ses fonctions": no ministry.
        if kept && portfolios.is_empty() {
            holder = None;
        }
        if let Some(h) = holder {
            if p.portfolios.is_empty() && p.country.is_none() && p.org.is_none() && !p.past {
                bare = Some((p.tok_end, h));
            }
            let start = toks[p.tok_start].start;
            let end = toks[tok_end - 1].end;
            offices.push(OfficeClaim {
                holder: h,
                start,
                end,
                office: p.office,
                portfolios,
                country: p.country,
                past: p.past,
                change: !p.past && is_new(ctx, p.tok_start),
                org: p.org.clone(),
            });
        }
        i = p.tok_end.max(i + 1);
    }
    let deposed = deposed_claims(ctx, persons);
    let ranks = rank_claims(ctx, &in_office);
    (offices, ranks, deposed)
}

/// Verbs that keep a minister in office, read as an office with the portfolio after them
/// ("conserve le ministère de la Santé", "maintenue à la Santé"; folded).
const KEPT_VERBS: &[&str] = &[
    "conserve",
    "garde",
    "maintenu",
    "maintenue",
    "reconduit",
    "reconduite",
];

/// Auxiliaries and verbs that, right after "…, le ministre", make the office the subject of a
/// clause rather than an apposition (folded; "a", which folds as "à" does, is tested as written).
const CLAUSE_VERBS: &[&str] = &[
    "avait", "aura", "aurait", "est", "etait", "sera", "serait", "doit", "devait", "va", "allait",
    "vient", "venait", "peut", "pouvait", "entend", "compte", "reste",
];

/// Whether a verb of [`CLAUSE_VERBS`] (or "a" as written, not "à") is at token `k`.
fn verb_at(ctx: &Ctx, k: usize) -> bool {
    ctx.is_any(k, CLAUSE_VERBS)
        || ctx
            .toks
            .get(k)
            .is_some_and(|t| &ctx.raw[t.start..t.end] == "a")
}

/// Words that may stand between a change marker and the office: "nommé au poste de ministre",
/// "devenu le ministre".
const BEFORE_OFFICE: &[&str] = &["le", "la", "l'", "au", "poste", "de", "comme"];

/// What stands right before the office phrase starting at token `at`: the first token of a change
/// marker and the joining words after it ("nommée au poste de", "devenu", "le nouveau"), if there is
/// one.
fn change_lead_in(ctx: &Ctx, at: usize) -> Option<usize> {
    let mut k = at;
    while k > 0 && at - k < 4 && ctx.is_any(k - 1, BEFORE_OFFICE) {
        k -= 1;
    }
    let marker = (k.saturating_sub(2)..k)
        .find(|&s| ctx.hits_at(s).any(|h| h.lex == Lex::Change && h.end == k))?;
    // An article before the marker belongs to it: "le nouveau ministre".
    Some(
        if marker > 0 && ctx.is_any(marker - 1, &["le", "la", "l'"]) {
            marker - 1
        } else {
            marker
        },
    )
}

/// Whether the office phrase starting at token `at` is said to be new: a change marker right
/// before it, or a "since the reshuffle" phrase in its sentence.
fn is_new(ctx: &Ctx, at: usize) -> bool {
    change_lead_in(ctx, at).is_some()
        || ctx
            .sentence_around(at)
            .any(|s| ctx.is_lex(s, |l| l == Lex::ChangeSince))
}

/// Titles that "général" qualifies as an adjective: "le procureur général X" holds no rank.
/// ("inspecteur", "contrôleur" and "commissaire général" are police ranks in many countries.)
const GENERAL_AS_ADJECTIVE: &[&str] = &[
    "procureur",
    "procureure",
    "avocat",
    "avocate",
    "administrateur",
    "administratrice",
    "rapporteur",
    "rapporteuse",
    "tresorier",
    "tresoriere",
    "intendant",
    "intendante",
    "delegue",
    "deleguee",
    "consul",
    "conseiller",
    "conseillere",
    "directeur",
    "directrice",
    "secretaire",
    "vicaire",
    "agent",
];

/// Words naming a corps after a rank: "de l'armée de terre", "de la gendarmerie nationale".
const CORPS_WORDS: &[&str] = &[
    "de",
    "du",
    "des",
    "d'",
    "la",
    "l'",
    "armee",
    "armees",
    "terre",
    "air",
    "gendarmerie",
    "marine",
    "police",
    "forces",
    "nationale",
    "garde",
    "republicaine",
];

/// A rank right before a name ("le colonel Assimi Goïta", "général de brigade X") or in apposition
/// after it ("X, général de brigade,").
fn rank_claims(ctx: &Ctx, in_office: &[bool]) -> Vec<RankClaim> {
    let mut out = Vec::new();
    for (i, &inside) in in_office.iter().enumerate().take(ctx.toks.len()) {
        if inside {
            continue;
        }
        let Some((e, r)) = ctx.find_at(i, |l| match l {
            Lex::Rank(r) => Some(r),
            _ => None,
        }) else {
            continue;
        };
        if ctx.is_any(i, &["general", "generale"])
            && ctx.is_any(i.wrapping_sub(1), GENERAL_AS_ADJECTIVE)
        {
            continue;
        }
        let promoted = change_lead_in(ctx, i).is_some();
        let holder = if let Some(m) = ctx.person_at(e) {
            Some((m, promoted || promoted_after(ctx, e, m)))
        } else if let Some(comma) = (i >= 2)
            .then(|| i - 1 - usize::from(i >= 3 && ctx.is_any(i - 1, &["un", "une"])))
            .filter(|&c| ctx.is(c, ","))
            && let Some(m) = ctx.person_end(comma)
            && {
                // The corps may follow: "un colonel de l'armée de terre,".
                let mut k = e;
                while k < e + 6 && ctx.is_any(k, CORPS_WORDS) {
                    k += 1;
                }
                ctx.sentence_end(k) || ctx.is_any(k, &[",", ")", "et"])
            }
        {
            // In apposition after the name: "Souleymane Koné, général de brigade, a parlé",
            // "Jules Mintsa, un colonel de l'armée de terre, a témoigné".
            Some((m, false))
        } else if promoted {
            // "le colonel X, son représentant, a été promu général de brigade": the rank the
            // sentence's first person was promoted to.
            sentence_subject(ctx, i).map(|m| (m, true))
        } else {
            None
        };
        if let Some((holder, promoted)) = holder {
            out.push(RankClaim {
                holder,
                start: ctx.toks[i].start,
                end: ctx.toks[e - 1].end,
                rank: r,
                promoted,
            });
        }
    }
    out
}

/// Whether the name of mention `m`, starting at token `at`, is followed by ", promu à ce grade"
/// ("le lieutenant-colonel X, promu à ce grade le 5 septembre", "élevée à ce rang"): the rank
/// before the name is new.
fn promoted_after(ctx: &Ctx, at: usize, m: usize) -> bool {
    let Some(end) = (at + 1..at + 8).find(|&k| ctx.person_end(k) == Some(m)) else {
        return false;
    };
    ctx.is(end, ",")
        && ctx.is_any(end + 1, &["promu", "promue", "eleve", "elevee"])
        && ctx.is_any(end + 2, &["a", "au"])
        && ctx.is_any(end + 3, &["ce", "son", "sa"])
        && ctx.is_any(end + 4, &["grade", "rang", "poste"])
}

/// The first person named in the sentence of token `i`, before it.
fn sentence_subject(ctx: &Ctx, i: usize) -> Option<usize> {
    ctx.sentence_around(i)
        .take_while(|&k| k < i)
        .find_map(|k| ctx.person_at(k))
}

/// Phrases that say someone was overthrown, before the name.
const DEPOSED_CUES: &[&[&str]] = &[
    &["renversement", "du", "regime", "de"],
    &["renversement", "du", "president"],
    &["renversement", "de"],
    &["chute", "du", "regime", "de"],
    &["chute", "de"],
    &["coup", "d'", "etat", "contre"],
    &["putsch", "contre"],
    &["destitution", "de"],
    &["destitution", "du", "president"],
    &["eviction", "de"],
    &["eviction", "du", "president"],
];

fn deposed_claims(ctx: &Ctx, persons: &[PersonMention]) -> Vec<DeposedClaim> {
    let mut out = Vec::new();
    for (pi, m) in persons.iter().enumerate() {
        let i = m.tok_start;
        // "le président déchu X": an office with a deposing marker right before the name.
        let mut j = i;
        let mut marker = false;
        while j > 0
            && ctx
                .word(j - 1)
                .is_some_and(|w| DEPOSED_MARKERS.contains(&w))
        {
            marker = true;
            j -= 1;
        }
        if marker {
            let start = ctx.toks[j].start;
            let from = (j.saturating_sub(3)..j)
                .find(|&s| {
                    ctx.hits_at(s)
                        .any(|h| h.end == j && matches!(h.lex, Lex::Office(_) | Lex::Rank(_)))
                })
                .map_or(start, |s| ctx.toks[s].start);
            out.push(DeposedClaim {
                person: pi,
                start: from,
                end: m.end,
            });
            continue;
        }
        for cue in DEPOSED_CUES {
            let n = cue.len();
            if i >= n && cue.iter().enumerate().all(|(k, w)| ctx.is(i - n + k, w)) {
                out.push(DeposedClaim {
                    person: pi,
                    start: ctx.toks[i - n].start,
                    end: m.end,
                });
                break;
            }
        }
    }
    out
}
