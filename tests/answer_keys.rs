//! Answer keys scored without a knowledge base, each against floors that may only rise. Every set's
//! README says how it was written, what it first scored and what was tuned after.

mod common;

use std::path::Path;

/// Checks `tests/<set>/corpus` against `tests/<set>/answers.toml`.
fn assert_floors(set: &str, min_recall: f64, min_precision: f64) {
    let root = Path::new("tests").join(set);
    let out = common::run(&root.join("corpus"), &[]);
    let s = common::score(&out, &root.join("answers.toml"), false);
    eprintln!("{set}: {}", s.summary());
    assert!(s.recall() >= min_recall, "{set}: {}", s.summary());
    assert!(s.precision() >= min_precision, "{set}: {}", s.summary());
}

/// The team's development set: 33 articles across five stories, tuned against.
#[test]
fn development_set() {
    assert_floors("devset", 0.98, 1.0);
}

/// 20 articles in four stories, written by a helper who never read the code. First measured at
/// recall 0.62, precision 0.84; its misses then guided general fixes, so it is no longer blind.
#[test]
fn held_out_set() {
    assert_floors("heldout", 0.95, 1.0);
}

/// 18 articles in four stories, written blind on 2026-11-30. First measured at 0.64 / 0.89; its
/// misses then guided general fixes, after which it scores 0.80 / 1.00 (0.84 / 1.00 once offices
/// said to be new were read: "X, devenu ministre de …"; 0.88 once relations with an unnamed office
/// holder were read; 0.92 once a storm's landfall became a once-per-story event; 0.96 once an
/// organisation's lower-case complement was read as part of its name).
#[test]
fn second_blind_set() {
    assert_floors("blind2", 0.96, 1.0);
}

/// 17 articles (Ivorian elections, the Omo dam dispute, the Cotonou–Lomé railway, cholera in
/// Mozambique), written blind on 2026-11-30. First measured at 0.50 / 0.92; after the general
/// fixes it guided, 0.67 / 1.00 (0.79 / 1.00 once the election became a once-per-story event,
/// texts named by their subject and a party's seats were read; 0.83 once a pronoun's speaker
/// skipped people who are only a preposition's complement; 0.875 once the head of an institute
/// called a vice-minister elsewhere was reported).
#[test]
fn third_blind_set() {
    assert_floors("blind3", 0.87, 1.0);
}

/// 15 articles (a Central African peace accord, Zambia's debt restructuring, a UN vote on Haiti,
/// an Angolan embezzlement case), written blind on 2026-11-30. First measured at 0.50 / 0.83;
/// nothing has been tuned against it (a later general change, money amounts, brought it to
/// 0.55 / 0.85). Offices said to be new ("depuis le remaniement du …") were then written knowing
/// its one not_conflict violation, a reshuffle dated in the text, so it is no longer blind on that
/// point: 0.55 / 0.92, no violation; 0.60 / 0.92 after the pronoun change above. Its misses then
/// guided general fixes (swapped letters in names, texts one word apart, a central bank's governor
/// called a minister, tallies and signatories, an office standing for a speaker): 0.95 / 0.95, a
/// development set since.
#[test]
fn fourth_blind_set() {
    assert_floors("blind4", 0.95, 0.95);
}

/// 16 articles (a cyclone in Madagascar, Kenya's finance bill, a Senegal–Mauritania fishing
/// accord, a Cameroonian opposition congress), written blind on 2026-11-30 by a helper who never
/// read the code. First measured at 0.54 / 0.93 (commit `34e035d`); its miss categories guided
/// the fourth session's general rules (0.62 / 1.00 at `3dd9a92`). Its texts and misses then
/// guided general fixes (a population ministry, a party's treasurer and posts of "le parti",
/// the pluperfect "avait lancé", a pronoun standing for the one person elected to an office, a
/// toll with swapped leading digits, a text's purpose after "pour la"), so it is no longer blind:
/// 0.88 / 1.00, a development set since.
#[test]
fn fifth_blind_set() {
    assert_floors("blind5", 0.875, 1.0);
}

/// 16 articles (a mining contract in the DR Congo, a Rwanda–Burundi border reopening, a
/// governor's election in the Comoros, a Djibouti port concession), written blind on 2026-11-30 by
/// a helper who never read the code. First measured at 0.58 / 0.84 with two not_conflict
/// violations (commit `a50818b`). Its misses and false positives then guided general fixes
/// (number words, vote-share qualifiers and final results, lower-case text names, signed texts
/// under two heads, appositions in relations, middle names, acronyms between commas, country
/// names read whole), so it is no longer blind: 1.00 / 1.00, a development set since.
#[test]
fn sixth_blind_set() {
    assert_floors("blind6", 1.0, 1.0);
}

/// 16 articles (a Senegal–Mauritania gas field agreement, Sudanese ceasefire talks in Addis
/// Ababa, a disputed Tunisian municipal election, a BEAC governor's succession), written blind on
/// 2026-11-30 by a helper who never read the code. First measured at 0.36 / 0.62 with no
/// not_conflict violation (commit `663a20b`, fifth session), before anyone read a miss. Its
/// misses then guided general fixes (YAML front matter, datelines, one seat per governor, stated
/// promotions, quotation speakers, agreeing sources cited, the plural "Énergies"), so it is no
/// longer blind: 0.68 / 1.00 (with an entry-into-force event, speakers after a colon, and quotations
/// that must share content words).
#[test]
fn seventh_blind_set() {
    assert_floors("blind7", 0.68, 1.0);
}

/// 16 articles (a Moroccan port concession, a disputed Nigerian governorship election, a Sierra
/// Leone mining-royalty law, a Uganda–Tanzania pipeline financing), written blind on 2026-11-30 by
/// a helper who never read the code. First measured at 0.71 / 0.90 with one not_conflict violation
/// (commit `152078b`, end of the fifth session); nothing has been tuned against it. 0.75 / 0.90
/// after the seventh session's blind5 work.
#[test]
fn eighth_blind_set() {
    assert_floors("blind8", 0.75, 0.9);
}

/// 16 articles (Côte d'Ivoire–Ghana cocoa pricing, a Chadian referendum, an LNG restart in Cabo
/// Delgado, a Madagascar–Mauritius fisheries accord), written blind on 2026-11-30 by a helper who
/// never read the code, in the shapes text copied from outlets' pages takes (two of them
/// hard-wrapped). First measured at 0.46 / 0.92 with no not_conflict violation (commit `f2a5694`,
/// start of the sixth session); nothing has been tuned against it. 0.54 / 0.93 once hard-wrapped
/// text was read across its line breaks (a gap known before the set was written); 0.58 once a date
/// alone on its line under the title dated the article; 0.62 / 0.94 once `acronym` compared long
/// forms within a story only (seventh session, a fix made for a fixture of its own), and 0.67 /
/// 0.94 with the blind5 work's pluperfect speakers ("», avait lancé X"). Its texts and misses then
/// guided general fixes (portfolios the pack did not know in a minister's list, an office's
/// country in a described speaker, relations through an office, a counted noun without its
/// complement, a text's two-noun subject, a sum miscopied by one digit in the same words), so it
/// is no longer blind: 1.00 / 1.00, a development set since.
#[test]
fn ninth_blind_set() {
    assert_floors("blind9", 1.0, 1.0);
}

/// 16 articles (a Moroccan reshuffle, a Benin–Togo power line, a cholera outbreak in Guinea, a
/// lecturers' strike in Gabon), written blind on 2026-11-30 by a helper who never read the code,
/// in outlets' copied shapes (a hard-wrapped newsletter, a "Publié le" line, no-break spaces).
/// First measured at 0.46 / 0.93 with no not_conflict violation (seventh session, before anyone
/// read a text or a miss). Its texts were never read; once-only events added the same session
/// (their topics suggested by its stories' names) found one more date: 0.50 / 0.93; 0.54 / 0.94
/// once `acronym` compared long forms within a story only. Its texts, key and misses then guided
/// general fixes (yearless wire datelines dated by their weekday, ranks a few days apart, a
/// minister a reshuffle keeps, a post of a ministry, an epidemic's first case, "spécial" for
/// "particulier", ministers entering a government counted apart, epidemic cases by the day of
/// their toll), so it is no longer blind: 0.86 / 1.00, a development set since.
#[test]
fn tenth_blind_set() {
    assert_floors("blind10", 0.85, 1.0);
}

/// 16 articles on the Alliance of Sahel States (the exit from ECOWAS taking effect, a heads-of-state
/// summit and the unified force, a gold-mine dispute in Mali, a confederal bank and import levy),
/// real public figures in their real offices, written blind on 2026-11-30 by a helper who never
/// read the code, in outlets' copied shapes. First measured at 0.65 / 1.00 with no not_conflict
/// violation (eighth session, at `a327e30`, before anyone read a text or a miss; only counts by
/// kind were seen).
#[test]
fn eleventh_blind_set() {
    assert_floors("blind11", 0.64, 0.99);
}

/// 16 articles on Central Africa and the Great Lakes (a release of detainees in Goma under a
/// protocol signed in Doha, an attack on a Chadian army post and the change of command after it,
/// a Gabonese iron-mine convention from signature to ratification, Cameroon's legislative results),
/// written blind on 2026-12-01 by a helper who never read the code, in outlets' copied shapes.
/// First measured at 0.57 / 0.86 with no not_conflict violation (ninth session, at `399cead`,
/// before anyone read a text or a miss; only counts by kind were seen).
#[test]
fn twelfth_blind_set() {
    assert_floors("blind12", 0.56, 0.85);
}
