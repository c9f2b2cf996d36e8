//! Extracts the claims of every document of a corpus on one thread, and nothing else: a fixed
//! amount of work whose instruction count (`valgrind --tool=callgrind`) measures a change to the
//! extractors on a machine whose timings are too noisy to.
//!
//!     cargo build --release --example extract_only
//!     valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.out \
//!         target/release/examples/extract_only target/bench/corpus-1mb
//!     callgrind_annotate /tmp/cg.out | head -40

use std::path::PathBuf;

use crosscheck::corpus::plan_scoped;
use crosscheck::extract::extract;
use crosscheck::lexicon::Lexicon;

fn main() {
    let paths: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if paths.is_empty() {
        eprintln!("usage: extract_only CORPUS…");
        std::process::exit(2);
    }
    let lex = Lexicon::default_fr();
    let plan = plan_scoped(&paths, &|_| true);
    let (mut docs, mut claims, mut bytes) = (0, 0, 0);
    for file in &plan.files {
        let Ok((doc, _)) = file.read() else {
            continue;
        };
        let c = extract(&doc, &lex);
        docs += 1;
        claims += c.count();
        bytes += doc.text.len();
    }
    println!("{docs} documents, {bytes} bytes, {claims} claims");
}
