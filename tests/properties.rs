//! Property tests on the public API (issue 6): the folded text and its offset map, the tokenizer,
//! line/column lookup and the extraction of one document, on arbitrary UTF-8 — and the replay of
//! every fuzz seed and crash reproducer kept in `tests/regressions/` through the fuzz targets' own
//! checks (`fuzz/src/lib.rs`, included below).
//!
//! Case counts are kept small so the file runs in a few seconds in a debug build; the fuzz targets
//! (`docs/fuzzing.md`) explore the same invariants for much longer.

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use proptest::test_runner::Config;

#[path = "../fuzz/src/lib.rs"]
mod checks;

use checks::{
    check_document, check_extract, check_folded, check_folded_any_range, check_tokens,
    check_unwrap, naive_line_col,
};
use crosscheck::text::{Folded, LineIndex};

/// Pieces of French news copy, metadata and awkward Unicode that the generators assemble.
const FRAGMENTS: &[&str] = &[
    "Le ministre ivoirien de la Défense, ",
    "Koffi Yao",
    "Assimi Goïta",
    "Abdourahamane Tiani, proche de Mohamed Bazoum",
    "le président déchu ",
    "le général ",
    "L’Alliance des États du Sahel (AES)",
    "Communauté économique des États de l'Afrique de l'Ouest (CEDEAO en français, ECOWAS en anglais)",
    "la Charte du Liptako-Gourma",
    "« Nous tiendrons », a déclaré ",
    "“d’établir une architecture de défense”",
    "\"",
    "«",
    "»",
    "samedi 16 septembre 2023",
    "le 26 juillet",
    "mi-mai",
    "au moins 30 000 morts",
    "une cinquantaine de déplacés",
    "54 %",
    "N'Guessan",
    "a-t-il dit",
    "qu’",
    "art. 6",
    "1.5",
    ". ",
    ", ",
    " ; ",
    " ",
    "\n",
    "\r\n",
    "\t",
    "\u{a0}",
    "\u{202f}",
    "—",
    "œ",
    "Œdipe",
    "ß",
    "İ",
    "ǅ",
    "ﬁ",
    "e\u{301}",
    "\u{301}",
    "\u{feff}",
    "😀",
    "\u{10ffff}",
    "+++\n",
    "+++",
    "date = 2024-06-12\n",
    "date 2024-06\n",
    "title = \"",
];

/// Text made of news fragments, arbitrary characters and arbitrary strings, glued together.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(FRAGMENTS).prop_map(str::to_string),
        2 => any::<char>().prop_map(String::from),
        1 => "\\PC{0,8}",
        1 => any::<String>(),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

/// Text cut into lines of any length, some of them blank, as a hard-wrapped article is.
fn wrapped() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        3 => "[a-zé' ]{30,75}",
        1 => text(),
        1 => Just(String::new()),
        1 => proptest::sample::select(&["- point", "# Titre", "12. suite", "Par Awa Koné"][..])
            .prop_map(str::to_string),
    ];
    proptest::collection::vec((line, proptest::sample::select(&["\n", "\r\n"][..])), 0..24)
        .prop_map(|v| v.into_iter().map(|(l, nl)| l + nl).collect())
}

/// A document with front matter (valid or not), then a body.
fn document() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        Just("date = 2024-06-12\n".to_string()),
        Just("date = \"2024-06\"\n".to_string()),
        Just("date = 2024\n".to_string()),
        Just("date = true\n".to_string()),
        Just("title = \"Titre\"\n".to_string()),
        Just("outlet = \"RFI\"\n".to_string()),
        Just("title = \"non fermé\n".to_string()),
        Just("[table]\n".to_string()),
        Just("é = 1\n".to_string()),
        "[a-z =\"\\[\\]0-9é\n-]{0,20}",
    ];
    (
        proptest::sample::select(&["", "\u{feff}"][..]),
        proptest::sample::select(&["+++\n", "+++\r\n", "date 2024-06-12\n", ""][..]),
        proptest::collection::vec(key, 0..5),
        proptest::sample::select(&["+++\n", "+++\r\n", "+++", ""][..]),
        text(),
    )
        .prop_map(|(bom, open, keys, close, body)| {
            format!("{bom}{open}{}{close}{body}", keys.concat())
        })
}

/// `cases` per property, unless `PROPTEST_CASES` asks for more (a long local run).
fn config(cases: u32) -> Config {
    Config {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(cases),
        // Failing inputs are printed, shrunk; keep the ones worth keeping in tests/regressions/.
        failure_persistence: None,
        ..Config::default()
    }
}

proptest! {
    #![proptest_config(config(96))]

    /// Every folded byte maps to a raw char boundary, monotonically, and every range of whole
    /// folded chars maps back to raw text that folds to exactly that range.
    #[test]
    fn folded_offsets_round_trip(raw in text(), picks in proptest::collection::vec(any::<u8>(), 0..16)) {
        check_folded(&raw, &picks);
    }

    /// Tokens lie on char boundaries, in order, cover every non-space char and fold like their text.
    #[test]
    fn tokens_are_ordered_on_char_boundaries(raw in text()) {
        check_tokens(&raw);
    }

    /// Unwrapping changes nothing but line breaks after its start, into spaces.
    #[test]
    fn unwrapping_only_turns_line_breaks_into_spaces(raw in wrapped(), from in 0usize..64) {
        let from = (0..=from.min(raw.len())).rev().find(|&i| raw.is_char_boundary(i)).unwrap_or(0);
        check_unwrap(&raw, from);
    }

    /// `LineIndex::line_col` agrees with a naive count at every char boundary and at the end.
    #[test]
    fn line_col_matches_a_naive_count(raw in text()) {
        let idx = LineIndex::new(&raw);
        for i in (0..=raw.len()).filter(|&i| raw.is_char_boundary(i)) {
            prop_assert_eq!(idx.line_col(&raw, i), naive_line_col(&raw, i), "offset {}", i);
        }
    }
}

proptest! {
    #![proptest_config(config(48))]

    /// Extraction never panics and every span it reports lies on char boundaries within the body,
    /// with the right line and column.
    #[test]
    fn extraction_spans_lie_on_char_boundaries(raw in text()) {
        let doc = check_document(&raw);
        check_extract(&doc);
    }

    /// Front matter of any shape: parsed or reported (with a span on char boundaries, rendered
    /// without panicking), and the body still extracted.
    #[test]
    fn documents_with_any_front_matter(raw in document()) {
        let doc = check_document(&raw);
        check_extract(&doc);
    }
}

proptest! {
    #![proptest_config(config(96))]

    /// A folded range that ends inside the folded form of one raw char ("o" of "œ" → "oe") still
    /// maps to raw char boundaries.
    #[test]
        fn folded_any_range_maps_to_char_boundaries(raw in text(), picks in proptest::collection::vec(any::<u8>(), 0..16)) {
        check_folded_any_range(&raw, &picks);
    }
}

#[test]
fn folded_range_inside_one_char() {
    for raw in ["œ", "ß", "Æ", "Cœur"] {
        let f = Folded::new(raw);
        let i = f.text.find(['o', 's', 'a']).expect("an expanded letter");
        let (s, e) = f.raw_range(i, i + 1);
        assert!(
            raw.is_char_boundary(s) && raw.is_char_boundary(e),
            "{raw:?}: raw_range({i}, {}) = {s}..{e}",
            i + 1
        );
    }
}

#[test]
fn front_matter_error_spans_lie_on_char_boundaries() {
    let failing: Vec<&str> = [
        "+++\na \u{a0}\n+++\n",
        "+++\na \u{a0}b\n+++\n",
        "+++\n+++ \u{a0}+++\n+++\n",
        "+++\ntitle = \"x\" é\n+++\n",
        "+++\ndate = 2024-06-12 \u{a0}\n+++\n",
    ]
    .into_iter()
    .filter(|raw| std::panic::catch_unwind(|| check_document(raw)).is_err())
    .collect();
    assert!(
        failing.is_empty(),
        "problem spans inside a char for {failing:?}"
    );
}

// ------------------------------------------------------------------------------------------------
// Fixed cases worth keeping whatever the generators do.

#[test]
fn fixed_edge_cases_hold() {
    for raw in [
        "",
        "\n",
        "\r\n\r\n",
        "+++",
        "+++\n",
        "+++\n+++\n",
        "\u{feff}+++\ndate = 2024-06-12\n+++\nTexte.",
        "+++\ntitle = \"é\n+++\n",
        "+++\né\n+++\n",
        "date 2024-06",
        "«",
        "« »",
        "»«",
        "« a » « b » « c",
        "e\u{301}\u{301}\u{301}",
        "\u{301}Œ",
        "İİİ",
        "ǅenan (ǄD)",
        "Le ministre, Koffi Yao, a dit : « œuvre ».",
    ] {
        let doc = check_document(raw);
        check_tokens(raw);
        check_folded(raw, &[]);
        check_extract(&doc);
    }
}

// ------------------------------------------------------------------------------------------------
// The replay of tests/regressions/: fuzz seeds and crash reproducers, through the targets' checks.

fn regression_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            regression_files(&p, out);
        } else if p.file_name().is_some_and(|n| n != "README.md") {
            out.push(p);
        }
    }
}

fn replay(files: &[PathBuf]) {
    for p in files {
        let data = std::fs::read(p).expect("read regression file");
        let outcome = std::panic::catch_unwind(|| {
            checks::fuzz_document(&data);
            checks::fuzz_folded(&data);
            checks::fuzz_extract(&data);
        });
        if let Err(e) = outcome {
            let msg = e
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            panic!("{}: {msg}", p.display());
        }
    }
}

/// The fuzz seeds (the demo corpus and the development set) and every file kept in
/// tests/regressions/, through the three fuzz targets.
#[test]
fn every_seed_and_regression_file_replays_cleanly() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut kept = Vec::new();
    regression_files(&root.join("tests/regressions"), &mut kept);
    assert!(
        !kept.is_empty(),
        "tests/regressions/ holds the fuzz reproducers"
    );
    let mut files = kept;
    regression_files(&root.join("corpus"), &mut files);
    regression_files(&root.join("tests/devset/corpus"), &mut files);
    files.sort();
    replay(&files);
}
