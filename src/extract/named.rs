//! Named documents and organisations — a head noun (Charte, Pacte, Traité, Alliance, Communauté…)
//! and what it is "of" — and the acronyms defined for them in parentheses, with their language.

use super::{AcronymClaim, Ctx, NamedClass, NamedMention};
use crate::lexicon::Lex;
use crate::text::{TokKind, fold};

/// Words that join the parts of a name.
pub const CONNECTORS: &[&str] = &[
    "de", "du", "des", "d'", "la", "l'", "le", "les", "et", "pour", "sur", "en", "a", "au", "aux",
    "contre",
];

/// Prepositions that acronyms skip besides the connectors ("… dans les industries extractives").
const MINOR_WORDS: &[&str] = &["dans", "par", "avec", "entre", "sous", "chez", "vers"];

/// Initials of a normalised name key, as acronyms take them ("communaute economique etat afrique
/// centrale" → "ceeac").
pub fn initials(key: &str) -> String {
    key.split([' ', '-'])
        .filter(|w| !w.is_empty() && !MINOR_WORDS.contains(w))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// Capitalised words that never belong to a name (sentence openers, determiners, pronouns).
const FUNCTION_WORDS: &[&str] = &[
    "le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "ce", "cet", "cette", "ces",
    "son", "sa", "ses", "leur", "leurs", "notre", "nos", "il", "elle", "ils", "elles", "selon",
    "depuis", "apres", "avant", "pour", "par", "dans", "en", "au", "aux", "avec", "sans", "mais",
    "et", "ou", "qui", "que", "lire", "voir",
];

/// Endings of lower-case adjectives that belong inside a name ("économique", "sahéliens").
const ADJ_ENDINGS: &[&str] = &[
    "il",
    "ile",
    "ils",
    "iles",
    "ique",
    "iques",
    "al",
    "ale",
    "ales",
    "aux",
    "ien",
    "ienne",
    "iens",
    "iennes",
    "ain",
    "aine",
    "ains",
    "aines",
    "ais",
    "aise",
    "aises",
    "el",
    "elle",
    "els",
    "elles",
    "if",
    "ive",
    "ifs",
    "ives",
    "aire",
    "aires",
    // "Statut particulier", "Code foncier", "Code minier", "Pacte financier".
    "ier",
    "iere",
    "iers",
    "ieres",
    "unies",
    "unis",
    "uni",
    "unie",
    "mutuelle",
    "permanent",
    "permanente",
    "commun",
    "commune",
    "conjoint",
    "conjointe",
    // Participles that name a body's make-up: "Force unifiée", "Autorité intégrée", "Commission
    // mixte", "Agence spécialisée".
    "unifie",
    "unifiee",
    "unifies",
    "unifiees",
    "integre",
    "integree",
    "integres",
    "integrees",
    "mixte",
    "mixtes",
    "specialise",
    "specialisee",
    "specialises",
    "specialisees",
    "centrale",
    "occidentale",
    "orientale",
    "ouest",
    // "Commission électorale nationale indépendante", "Commission électorale nationale autonome":
    // the adjectives that close electoral commissions' and regulators' names.
    "independant",
    "independante",
    "independants",
    "independantes",
    "autonome",
    "autonomes",
];

const LANGUAGES: &[(&str, &str)] = &[
    ("francais", "fr"),
    ("anglais", "en"),
    ("arabe", "ar"),
    ("portugais", "pt"),
    ("espagnol", "es"),
    ("allemand", "de"),
];

fn is_adjective(ctx: &Ctx, i: usize) -> bool {
    let Some(t) = ctx.toks.get(i) else {
        return false;
    };
    if t.kind != TokKind::Word || t.cap {
        return false;
    }
    ctx.is_lex(i, |l| matches!(l, Lex::CountryAdj(_) | Lex::RegionAdj(_)))
        || (t.fold.len() > 4 && ADJ_ENDINGS.iter().any(|e| t.fold.ends_with(e)))
}

fn is_name_word(ctx: &Ctx, i: usize) -> bool {
    ctx.toks.get(i).is_some_and(|t| {
        let digits = t.fold.chars().next().is_some_and(|c| c.is_ascii_digit());
        t.kind == TokKind::Word
            && (t.cap || digits)
            && !FUNCTION_WORDS.contains(&t.fold.as_str())
            && !ctx.is_lex(i, |l| matches!(l, Lex::Month(_) | Lex::Weekday(_)))
            // "le 4 octobre": a day of a date, not a number in a name ("Agenda 2063").
            && !(digits && ctx.is_lex(i + 1, |l| matches!(l, Lex::Month(_))))
    })
}

/// Normalised key words of tokens `a..b`: connectors dropped, demonyms turned into their place,
/// plurals made singular.
fn key_words(ctx: &Ctx, a: usize, b: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = a;
    while i < b {
        if let Some((e, place)) = ctx.lex.place_key(ctx.toks, i).filter(|(e, _)| *e <= b) {
            out.extend(
                place
                    .split([' ', '\''])
                    .filter(|w| !w.is_empty() && !CONNECTORS.contains(w) && *w != "l" && *w != "d")
                    .map(singular),
            );
            i = e;
            continue;
        }
        let w = &ctx.toks[i].fold;
        if !CONNECTORS.contains(&w.as_str())
            && !MINOR_WORDS.contains(&w.as_str())
            && ctx.toks[i].kind == TokKind::Word
        {
            out.push(singular(w));
        }
        i += 1;
    }
    out
}

fn singular(w: &str) -> String {
    // "nationaux" → "national", but "bureaux" → "bureau".
    if w.len() > 4 && w.ends_with("aux") && !w.ends_with("eaux") {
        return format!("{}al", &w[..w.len() - 3]);
    }
    if w.len() > 3 && (w.ends_with('s') || w.ends_with('x')) && !w.ends_with("ss") {
        w[..w.len() - 1].to_string()
    } else {
        w.to_string()
    }
}

/// Heads that name a text only when capitalised: lower-case, they are common words ("dans le
/// cadre du plan", "un cadre du parti").
const CAPITALISED_HEADS: &[&str] = &["cadre"];

/// Whether a head noun (or a one-letter misspelling of a text's head noun) starts at `i`.
fn head_at(ctx: &Ctx, i: usize) -> Option<(usize, NamedClass)> {
    use crate::lexicon::kind;
    ctx.find_kind(i, kind::DOC_HEAD | kind::ORG_HEAD, |l| match l {
        Lex::DocHead => Some(NamedClass::Document),
        Lex::OrgHead => Some(NamedClass::Organisation),
        _ => None,
    })
    .filter(|_| ctx.toks[i].cap || !CAPITALISED_HEADS.contains(&ctx.toks[i].fold.as_str()))
    .filter(|_| !inside_rank(ctx, i))
    // "le terminal a traité 1 250 conteneurs", "ont traité": a lower-case head after an auxiliary
    // is a past participle.
    .filter(|_| ctx.toks[i].cap || !ctx.is_any(i.wrapping_sub(1), AUXILIARIES))
    .or_else(|| misspelt_head(ctx, i).then_some((i + 1, NamedClass::Document)))
}

/// Forms of "avoir" and "être" before a past participle.
const AUXILIARIES: &[&str] = &[
    "a", "ont", "avait", "avaient", "aura", "auront", "aurait", "auraient", "ete", "est", "sont",
    "etait", "etaient",
];

/// Whether token `i` is part of a military rank that starts before it ("général de brigade X" names
/// no brigade).
fn inside_rank(ctx: &Ctx, i: usize) -> bool {
    (i.saturating_sub(3)..i).any(|j| {
        ctx.hits_at(j)
            .any(|h| matches!(h.lex, Lex::Rank(_)) && h.end > i)
    })
}

/// Words that open a text's subject right after its head ("Loi sur la …", "Code relatif à …").
const SUBJECT_OPENERS: &[&str] = &[
    "sur",
    "relative",
    "relatif",
    "relatives",
    "relatifs",
    "portant",
];

/// Past participles that end a text's title ("la Loi sur la pêche artisanale adoptée en 2021").
const TITLE_ENDING_VERBS: &[&str] = &[
    "adopt", "vot", "promulgu", "ratifi", "sign", "entr", "pass", "approuv", "modifi", "abrog",
];

fn title_participle(w: &str) -> bool {
    TITLE_ENDING_VERBS.iter().any(|v| {
        w.strip_prefix(v)
            .is_some_and(|e| matches!(e, "e" | "ee" | "es" | "ees"))
    })
}

/// A capitalised text head in mid-sentence followed by its subject in lower case ("la Loi sur la
/// transparence des revenus miniers, votée …"): the capital marks a title, and the subject runs
/// to the end of the clause. At least two content words, at most ten words.
fn lowercase_title(ctx: &Ctx, head: usize, head_end: usize) -> Option<usize> {
    if !ctx.toks[head].cap || head == 0 || ctx.sentence_end(head - 1) {
        return None;
    }
    let mut k = head_end;
    // "la Charte de bonne conduite électorale, qui …", "le Code de conduite des partis
    // politiques »": after a capitalised head, "de" opens a lower-case subject too.
    if !ctx.is_any(k, SUBJECT_OPENERS) && !ctx.is_any(k, &["de", "du", "des", "d'"]) {
        return None;
    }
    k += 1;
    if ctx.is_any(k, &["a", "au", "aux"]) {
        k += 1;
    }
    let mut content = 0;
    let mut words = 0;
    let mut last_content = None;
    while words < 10 {
        let Some(t) = ctx.toks.get(k) else { break };
        if t.kind != TokKind::Word {
            break;
        }
        let f = t.fold.as_str();
        if ctx.is_any(k, CONNECTORS) && f != "et" && f != "en" && f != "a" {
            k += 1;
            words += 1;
            continue;
        }
        if t.cap
            || f.chars().any(|c| !c.is_alphabetic())
            || FUNCTION_WORDS.contains(&f)
            || MINOR_WORDS.contains(&f)
            || title_participle(f)
            || f.chars().count() < 3
            || ctx.is_lex(k, |l| matches!(l, Lex::Month(_) | Lex::Weekday(_)))
        {
            break;
        }
        content += 1;
        words += 1;
        k += 1;
        last_content = Some(k);
    }
    let end = last_content?;
    // The title ends the clause: punctuation, a relative pronoun or a participle follows.
    let f = ctx.toks.get(end).map(|t| t.fold.as_str());
    let ends = end == k
        && (ctx.toks.get(end).is_none()
            || ctx.sentence_end(end)
            || ctx.is_any(end, &[",", ":", "(", ")", "\"", "»", "qui", "que", "dont"])
            || f.is_some_and(title_participle));
    (ends && content >= 2).then_some(end)
}

/// A capitalised word one letter away from a text's head noun ("Protocol", "Trait"), followed by a
/// connector and a name: read as that head, so the misspelling can be reported.
fn misspelt_head(ctx: &Ctx, i: usize) -> bool {
    let Some(t) = ctx.toks.get(i) else {
        return false;
    };
    if t.kind != TokKind::Word || !t.cap || t.all_caps {
        return false;
    }
    // Cheap tests first: most capitalised words are not followed by "de" and a name.
    if !ctx.is_any(i + 1, &["de", "du", "des", "d'"]) {
        return false;
    }
    let chars = t.fold.chars().count();
    if chars < 6 || ctx.hits_at(i).next().is_some() || !is_name_word(ctx, i + 2) {
        return false;
    }
    // One edit apart means at most one char longer or shorter.
    ctx.lex.document_heads_folded().iter().any(|(h, n)| {
        // A plural ("Cadres du parti") is no misspelling.
        n.abs_diff(chars) <= 1
            && strsim::levenshtein(h, &t.fold) == 1
            && t.fold.strip_suffix('s') != Some(h.as_str())
    })
}

/// From a lower-case noun at `k`, the name word reached through at most three lower-case words and
/// connectors ("bassin du Congo", "sûreté maritime du golfe de Guinée").
fn lowercase_run_to_name(ctx: &Ctx, k: usize) -> Option<usize> {
    let mut m = k;
    let mut lower = 0;
    while m < k + 8 {
        let t = ctx.toks.get(m)?;
        if t.kind != TokKind::Word {
            return None;
        }
        if is_name_word(ctx, m) {
            return (lower > 0).then_some(m);
        }
        if ctx.is_any(m, CONNECTORS) {
            m += 1;
            continue;
        }
        if t.cap || ctx.is_any(m, &["et"]) {
            return None;
        }
        lower += 1;
        if lower > 3 {
            return None;
        }
        m += 1;
    }
    None
}

/// Heads of texts that parties sign, which news prose often writes in lower case before a
/// lower-case description and a place ("la convention de concession du port de Lobito", "le
/// contrat de partage de production de Kudu").
pub const SIGNED_HEADS: &[&str] = &[
    "accord",
    "charte",
    "contrat",
    "convention",
    "memorandum",
    "pacte",
    "protocole",
    "traite",
];

/// Whether the lower-case words from `k` reach a capitalised name through nouns and adjectives
/// joined by "de" alone ("concession du terminal vraquier de Ghoubet"), not through a verb ("de
/// financement a été signée le 10") or a preposition ("de transit avec la Red Sea …").
fn described_place(ctx: &Ctx, k: usize) -> bool {
    let Some(next) = lowercase_run_to_name(ctx, k) else {
        return false;
    };
    ctx.toks[next].cap
        && (k..next).all(|x| {
            let f = ctx.toks[x].fold.as_str();
            ctx.is_any(x, &["de", "du", "des", "d'", "la", "l'", "le", "les"])
                || (!CONNECTORS.contains(&f)
                    && !MINOR_WORDS.contains(&f)
                    && !FUNCTION_WORDS.contains(&f)
                    && !title_participle(f)
                    && f.chars().count() >= 4
                    && f.chars().all(char::is_alphabetic))
        })
}

/// Parses the name that follows a head noun at `head..head_end`; returns the end token.
/// `signed_head`: the head is one of [`SIGNED_HEADS`], which may reach a name through lower-case
/// nouns even when it is itself in lower case.
fn parse_name(ctx: &Ctx, head_end: usize, head_cap: bool, signed_head: bool) -> Option<usize> {
    let mut j = head_end;
    let mut end = None;
    let mut adjectives = 0;
    loop {
        if is_name_word(ctx, j) {
            j += 1;
            end = Some(j);
            adjectives = 0;
            continue;
        }
        if is_adjective(ctx, j) && adjectives < 3 && (head_cap || end.is_some()) {
            j += 1;
            adjectives += 1;
            end = Some(j);
            continue;
        }
        let mut k = j;
        while ctx.is_any(k, CONNECTORS) && k < j + 3 {
            k += 1;
        }
        if k == j {
            break;
        }
        let joined_by_et = (j..k).any(|x| ctx.is(x, "et"));
        if is_name_word(ctx, k) {
            // "la Charte du Mayombe et du Protocole de Libreville": "et" before a name starts
            // another name.
            if joined_by_et {
                break;
            }
            j = k;
            continue;
        }
        // "économique et monétaire": adjectives joined inside the name, by "et" alone (after
        // "à l'" an adjective starts the next phrase: "… de l'Afrique centrale à l'ancien
        // ministre").
        if is_adjective(ctx, k) && (head_cap || end.is_some()) && (j..k).all(|x| ctx.is(x, "et")) {
            j = k;
            continue;
        }
        // "du bassin du Congo": lower-case nouns after "de" that lead to a name word — not to
        // another head noun, which starts a name of its own.
        // Right after the head, "sur le …" too: "Traité sur le bassin de l'Omo".
        let after_de = (j..k).all(|x| ctx.is_any(x, &["de", "du", "des", "d'", "la", "l'"]))
            || (j == head_end
                && ctx.is(j, "sur")
                && (j + 1..k).all(|x| ctx.is_any(x, &["le", "la", "l'", "les"])));
        if (head_cap || (signed_head && j == head_end && described_place(ctx, k)))
            && after_de
            && let Some(next) = lowercase_run_to_name(ctx, k)
            && head_at(ctx, next).is_none()
        {
            j = next;
            continue;
        }
        // "l'Agence nationale des parcs nationaux, chargée …", "l'Institut national de la
        // santé publique (INSP)": after a head and its adjective, a lower-case noun and its
        // adjectives that end the clause are the rest of the name.
        if head_cap
            && after_de
            && adjectives > 0
            && let Some(next) = lowercase_complement(ctx, k)
        {
            j = next;
            end = Some(next);
            adjectives = 0;
            if ctx.is_any(next, NEXT_PHRASE) {
                break;
            }
            continue;
        }
        break;
    }
    let end = end?;
    // A lower-case head ("la charte du Liptako-Gourma") needs a capitalised complement.
    let has_name_word = (head_end..end).any(|i| is_name_word(ctx, i));
    (head_cap || has_name_word).then_some(end)
}

/// Auxiliaries and common verbs a name may be the subject of (folded).
const SUBJECT_VERBS: &[&str] = &[
    "ont", "est", "sont", "sera", "seront", "avait", "avaient", "etait", "etaient", "va", "vont",
    "doit", "doivent", "peut", "peuvent", "vient", "viennent",
];

/// A lower-case noun at `k`, with at most two adjectives, right before punctuation or the end of
/// the sentence: the token after it.
fn lowercase_complement(ctx: &Ctx, k: usize) -> Option<usize> {
    let t = ctx.toks.get(k)?;
    // "des enseignants-chercheurs": a compound noun keeps its hyphen.
    let noun = t.kind == TokKind::Word
        && !t.cap
        && t.fold.chars().count() >= 3
        && t.fold.chars().all(|c| c.is_alphabetic() || c == '-')
        && !t.fold.starts_with('-')
        && !t.fold.ends_with('-')
        && !FUNCTION_WORDS.contains(&t.fold.as_str())
        // A counted noun is a noun like another ("des enseignants-chercheurs").
        && ctx
            .hits_at(k)
            .all(|h| matches!(h.lex, Lex::CountedNoun | Lex::Counted(_)));
    if !noun {
        return None;
    }
    let mut e = k + 1;
    while e < k + 3 && is_adjective(ctx, e) {
        e += 1;
    }
    // "la Banque ouest-africaine de développement et la Banque africaine de développement":
    // "et" before another capitalised head ends this name as a comma would.
    let head = |x: usize| head_at(ctx, x).is_some() && ctx.toks.get(x).is_some_and(|t| t.cap);
    let another_name = ctx.is(e, "et")
        && (head(e + 1) || ctx.is_any(e + 1, &["la", "le", "les", "l'"]) && head(e + 2));
    // "le Statut spécial des enseignants-chercheurs en Conseil des ministres": a preposition of
    // place or time starts the sentence's next phrase.
    let next_phrase = ctx.is_any(e, NEXT_PHRASE);
    (ends_clause(ctx, e) || another_name || next_phrase).then_some(e)
}

/// Prepositions of place or time that start a sentence's next phrase after a name's lower-case
/// complement (folded).
const NEXT_PHRASE: &[&str] = &["en", "dans", "depuis", "avant", "apres", "lors"];

/// The end of a clause at `e`, or the verb a name is the subject of ("la Banque africaine de
/// développement a signé", "… est arrivée").
fn ends_clause(ctx: &Ctx, e: usize) -> bool {
    ctx.sentence_end(e)
        || ctx.is_any(e, &[",", ":", "(", ")", "\"", "qui"])
        || ctx.is_any(e, SUBJECT_VERBS)
        // "a", the verb, not "à": folded, both are "a".
        || ctx.toks.get(e).is_some_and(|t| &ctx.raw[t.start..t.end] == "a")
        || ctx.toks.get(e).is_none()
}

/// Nouns after "pour la" that say when or how much, not what a text is for: "la Déclaration de
/// Lomé pour la première fois", "pour l'instant" (folded).
const NOT_A_PURPOSE: &[&str] = &[
    "premiere",
    "deuxieme",
    "seconde",
    "troisieme",
    "derniere",
    "fois",
    "instant",
    "moment",
    "heure",
    "plupart",
    "suite",
];

/// "Charte de Malabo sur la paix et la sécurité" → "paix". A purpose is read with its adjectives:
/// "Déclaration de Douala pour l'alternance démocratique" → "alternance democratique".
fn topic_after(ctx: &Ctx, end: usize) -> Option<String> {
    if ctx.is(end, "pour") {
        let k = end + 2;
        let t = ctx.toks.get(k)?;
        let noun = ctx.is_any(end + 1, &["la", "le", "les", "l'"])
            && t.kind == TokKind::Word
            && !t.cap
            && t.fold.chars().count() >= 4
            && t.fold.chars().all(char::is_alphabetic)
            && !NOT_A_PURPOSE.contains(&t.fold.as_str())
            && !FUNCTION_WORDS.contains(&t.fold.as_str());
        if !noun {
            return None;
        }
        let mut words = vec![singular(&t.fold)];
        let mut e = k + 1;
        while e < k + 3 && is_adjective(ctx, e) {
            words.push(singular(&ctx.toks[e].fold));
            e += 1;
        }
        return Some(words.join(" "));
    }
    if !ctx.is_any(
        end,
        &["sur", "relatif", "relative", "relatifs", "relatives"],
    ) {
        return None;
    }
    let mut k = end + 1;
    while ctx.is_any(k, &["a", "au", "aux", "la", "le", "les", "l'"]) {
        k += 1;
    }
    coordinated_subject(ctx, k).or_else(|| ctx.word(k).map(singular))
}

/// A text's subject of two nouns joined by "et", each with at most one adjective, that ends the
/// clause: "sur la pêche durable et la délimitation maritime, signé …" → "peche durable et
/// delimitation maritime". Read whole, two texts whose subjects differ by one word of it are one
/// text miscopied; a lone noun ("sur la paix") stays the subject's first noun, and so does a
/// subject read whole where texts are grouped by topic (`title-variant`).
fn coordinated_subject(ctx: &Ctx, k: usize) -> Option<String> {
    let word = |i: usize| {
        ctx.toks.get(i).is_some_and(|t| {
            t.kind == TokKind::Word
                && !t.cap
                && t.fold.chars().count() >= 4
                && t.fold.chars().all(char::is_alphabetic)
                && !FUNCTION_WORDS.contains(&t.fold.as_str())
                && !CONNECTORS.contains(&t.fold.as_str())
                && !title_participle(&t.fold)
        })
    };
    let mut words = Vec::new();
    let mut i = k;
    for part in 0..2 {
        if !word(i) {
            return None;
        }
        words.push(singular(&ctx.toks[i].fold));
        i += 1;
        if word(i) {
            words.push(singular(&ctx.toks[i].fold));
            i += 1;
        }
        if part == 0 {
            if !ctx.is(i, "et") || !ctx.is_any(i + 1, &["la", "le", "les", "l'"]) {
                return None;
            }
            words.push("et".to_string());
            i += 2;
        }
    }
    ends_clause(ctx, i).then(|| words.join(" "))
}

/// The named mention for head tokens `head..head_end` and name tokens up to `end`, with its key
/// (what the name is "of", plus the head for organisations) and its folded content words.
fn mention(
    ctx: &Ctx,
    class: NamedClass,
    head: usize,
    head_end: usize,
    end: usize,
) -> Option<NamedMention> {
    let toks = ctx.toks;
    let complement = key_words(ctx, head_end, end);
    if complement.is_empty() {
        return None;
    }
    let head_raw = &ctx.raw[toks[head].start..toks[head_end - 1].end];
    let key = match class {
        NamedClass::Document => complement.join(" "),
        NamedClass::Organisation => {
            let mut k = vec![singular(&fold(head_raw))];
            k.extend(complement);
            k.join(" ")
        }
    };
    let content = (head..end)
        .filter(|&t| !CONNECTORS.contains(&toks[t].fold.as_str()) && toks[t].kind == TokKind::Word)
        .map(|t| toks[t].fold.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    // Nouns capitalised by convention inside institutional names are not proper names.
    const COMMON_CAPS: &[&str] = &[
        "etat",
        "etats",
        "nation",
        "nations",
        "republique",
        "peuple",
        "peuples",
    ];
    let proper = (head_end..end)
        .filter(|&t| {
            toks[t].cap
                && !CONNECTORS.contains(&toks[t].fold.as_str())
                && !COMMON_CAPS.contains(&toks[t].fold.as_str())
        })
        .flat_map(|t| key_words(ctx, t, t + 1))
        .collect();
    Some(NamedMention {
        start: toks[head].start,
        end: toks[end - 1].end,
        class,
        head: head_raw.to_string(),
        key,
        content,
        proper,
        topic: topic_after(ctx, end),
        tok_start: head,
        tok_end: end,
    })
}

pub(super) fn extract(ctx: &Ctx) -> (Vec<NamedMention>, Vec<AcronymClaim>) {
    let toks = ctx.toks;
    let mut named = Vec::new();
    let mut acronyms = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some((head_end, class)) = head_at(ctx, i) else {
            i += 1;
            continue;
        };
        let head_cap = toks[i].cap;
        // "le groupe Nile Refining Holdings (NRH)": a lower-case common noun before a name is in
        // apposition to it; the name is the organisation's, read from its acronym below.
        if !head_cap && class == NamedClass::Organisation && is_name_word(ctx, head_end) {
            i = head_end;
            continue;
        }
        let lower_title = || {
            (class == NamedClass::Document)
                .then(|| lowercase_title(ctx, i, head_end))
                .flatten()
        };
        let signed_head = head_end == i + 1 && SIGNED_HEADS.contains(&toks[i].fold.as_str());
        let Some(end) = parse_name(ctx, head_end, head_cap, signed_head).or_else(lower_title)
        else {
            i = head_end;
            continue;
        };
        let Some(mention) = mention(ctx, class, i, head_end, end) else {
            i = end;
            continue;
        };
        let idx = named.len();
        named.push(mention);
        // "Long form (ACR)", "(ACR - …)", "(ACR en français, ACR en anglais)".
        let mut j = end;
        if ctx.is_any(j, &["\"", "»", "”"]) {
            j += 1;
        }
        if ctx.is(j, "(") {
            acronyms.extend(parse_acronyms(ctx, j + 1, idx));
        }
        // "la CEDEAO, ou Communauté économique des États de l'Afrique de l'Ouest, a condamné":
        // the acronym first, its long form after ", ou".
        if i >= 3 && ctx.is(i - 1, "ou") && ctx.is(i - 2, ",") && is_acronym(ctx, i - 3) {
            acronyms.extend(parse_acronyms(ctx, i - 3, idx).into_iter().take(1));
        }
        i = end;
    }
    // "Organisation de sûreté maritime du golfe de Guinée (OSMGG)": lower-case nouns stop the
    // forward reading, but an acronym in parentheses vouches for the whole run back to the head.
    let mut starts: std::collections::HashMap<usize, usize> = named
        .iter()
        .enumerate()
        .map(|(i, n)| (n.tok_start, i))
        .collect();
    let mut ends: std::collections::HashMap<usize, usize> = named
        .iter()
        .enumerate()
        .map(|(i, n)| (n.tok_end, i))
        .collect();
    for open in 0..toks.len() {
        // "la Société béninoise d'énergie électrique, ou SBEE, a démenti": "ou" says the two are
        // one name, as parentheses do.
        let or_acronym =
            ctx.is(open, ",") && ctx.is(open + 1, "ou") && apposed_acronym(ctx, open + 2);
        let apposed = !or_acronym && ctx.is(open, ",") && apposed_acronym(ctx, open + 1);
        let acr = if or_acronym { open + 2 } else { open + 1 };
        if !apposed
            && !or_acronym
            && (!ctx.is(open, "(") || !is_acronym(ctx, open + 1) || ends.contains_key(&open))
        {
            continue;
        }
        let floor = open.saturating_sub(14);
        let clean = |h: usize| {
            !(h..open)
                .any(|k| ctx.sentence_end(k) || ctx.is_any(k, &[",", "(", ")", "\"", "«", "»"]))
        };
        // Back to a head noun; failing that, back to the capitalised word from which the words'
        // initials spell the acronym ("Initiative pour la transparence dans les industries
        // extractives (ITIE)").
        let by_head = (floor..open)
            .rev()
            .find(|&h| toks[h].cap && ctx.is_lex(h, |l| matches!(l, Lex::OrgHead | Lex::DocHead)));
        let acronym = fold(&ctx.raw[toks[acr].start..toks[acr].end]);
        let by_initials = || {
            (floor..open).rev().find(|&h| {
                toks[h].cap
                    && toks[h].kind == TokKind::Word
                    && initials(&key_words(ctx, h, open).join(" ")) == acronym
            })
        };
        // Between commas, only the words right before whose initials the acronym holds, in any
        // order ("Nusantara Bulk Terminals, NTB, qui …": a swapped acronym is still read, so that
        // it can be reported).
        let letters = |w: &str| {
            let mut v: Vec<char> = w.chars().collect();
            v.sort_unstable();
            v
        };
        // In parentheses too, failing the initials in order, an acronym of three letters or more
        // that holds them in another order ("Volontaires pour la défense de la patrie (VPD)"): a
        // miscopied acronym is read, so that it can be reported against the usual one.
        let by_any_order = || {
            (acronym.chars().count() >= 3)
                .then(|| {
                    (floor..open).rev().find(|&h| {
                        toks[h].cap
                            && toks[h].kind == TokKind::Word
                            && letters(&initials(&key_words(ctx, h, open).join(" ")))
                                == letters(&acronym)
                    })
                })
                .flatten()
        };
        let by_letters = || {
            (open.saturating_sub(8)..open).rev().find(|&h| {
                toks[h].cap
                    && toks[h].kind == TokKind::Word
                    && (h..open).all(|k| toks[k].cap || ctx.is_any(k, CONNECTORS))
                    && letters(&initials(&key_words(ctx, h, open).join(" "))) == letters(&acronym)
            })
        };
        let head = if apposed {
            by_letters().filter(|&h| clean(h))
        } else {
            by_head
                .filter(|&h| clean(h))
                .or_else(by_initials)
                .or_else(by_any_order)
                .filter(|&h| clean(h))
        };
        let Some(head) = head else {
            continue;
        };
        let class = if ctx.is_lex(head, |l| l == Lex::DocHead) {
            NamedClass::Document
        } else {
            NamedClass::Organisation
        };
        let head_end = ctx
            .find_at(head, |l| {
                matches!(l, Lex::OrgHead | Lex::DocHead).then_some(())
            })
            .map_or(head + 1, |(e, ())| e);
        let Some(mention) = mention(ctx, class, head, head_end, open) else {
            continue;
        };
        // A shorter reading from the same head ("Banque ouest-africaine" before "de
        // développement (BOAD)") is replaced, keeping its index for the acronyms that point at it.
        let idx = match starts.get(&head).copied() {
            Some(i) => {
                ends.remove(&named[i].tok_end);
                ends.insert(mention.tok_end, i);
                named[i] = mention;
                i
            }
            None => {
                starts.insert(head, named.len());
                ends.insert(mention.tok_end, named.len());
                named.push(mention);
                named.len() - 1
            }
        };
        let mut found = parse_acronyms(ctx, acr, idx);
        if apposed || or_acronym {
            found.truncate(1);
        }
        acronyms.extend(found);
    }
    (named, acronyms)
}

/// An acronym of three capitals or more set off by commas (or ending the sentence) at `i`: "le
/// groupe Nusantara Bulk Terminals, NBT, qui …".
fn apposed_acronym(ctx: &Ctx, i: usize) -> bool {
    ctx.toks.get(i).is_some_and(|t| {
        t.kind == TokKind::Word
            && t.all_caps
            && t.fold.chars().count() >= 3
            && t.fold.chars().all(|c| c.is_ascii_alphabetic())
    }) && (i + 1 >= ctx.toks.len() || ctx.sentence_end(i + 1) || ctx.is_any(i + 1, &[",", ")"]))
}

fn is_acronym(ctx: &Ctx, i: usize) -> bool {
    ctx.toks.get(i).is_some_and(|t| {
        let letters = t.fold.chars().filter(|c| c.is_alphabetic()).count();
        t.kind == TokKind::Word
            && t.cap
            && (2..=10).contains(&letters)
            && (t.all_caps
                || (letters <= 8
                    && !ctx.is_lex(i, |l| l == Lex::Stopword)
                    && i + 1 < ctx.toks.len()
                    && ctx.is_any(i + 1, &[")", ",", "-", "en"])))
    })
}

fn parse_acronyms(ctx: &Ctx, mut j: usize, long: usize) -> Vec<AcronymClaim> {
    let mut out = Vec::new();
    for _ in 0..4 {
        if !is_acronym(ctx, j) {
            break;
        }
        let t = &ctx.toks[j];
        let mut claim = AcronymClaim {
            acronym: ctx.raw[t.start..t.end].to_string(),
            start: t.start,
            end: t.end,
            long,
            language: None,
            tag_end: t.end,
        };
        j += 1;
        if ctx.is(j, "en")
            && let Some((_, code)) = LANGUAGES.iter().find(|(w, _)| ctx.is(j + 1, w))
        {
            claim.language = Some((*code).to_string());
            claim.tag_end = ctx.toks[j + 1].end;
            j += 2;
        }
        out.push(claim);
        if ctx.is_any(j, &[",", ";", "/"]) || ctx.is(j, "ou") {
            j += 1;
            continue;
        }
        break;
    }
    // "(ACR - Mali, Burkina, Niger)": only the first item is an acronym.
    if out.len() > 1 && out.iter().all(|c| c.language.is_none()) {
        out.truncate(1);
    }
    out
}
