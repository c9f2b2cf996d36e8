//! Micro-benchmarks of crosscheck's hot paths on generated French news (`examples/gen_corpus.rs`,
//! seed 42): the tokenizer, folding, per-document extraction, resolution, each rule, and the whole
//! pipeline (`check_documents`) on about 200 articles.
//!
//!     cargo bench --bench hot_paths
//!     cargo bench --bench hot_paths -- extract      # one group
//!
//! With `CROSSCHECK_STAGES=DIR`, it instead runs the pipeline once over the corpus in DIR, stage by
//! stage (find, read and extract in parallel, resolve, each rule), and prints each stage's wall time and the
//! process' RSS after it: where the time and memory go at a scale criterion cannot repeat. The two
//! quotation rules share pairs cached on the model, so `quote-drift` (which runs first) carries the
//! cost of both. `CROSSCHECK_STAGES_REPEAT=N` first resolves and runs every rule N more times, so that
//! a profiler sees more of them than of extraction.
//!
//!     CROSSCHECK_STAGES=target/bench/corpus-10mb cargo bench --bench hot_paths

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{BatchSize, Criterion, Throughput, criterion_group};
use crosscheck::corpus::{Document, document_from_text};
use crosscheck::kb::Kb;
use crosscheck::lexicon::Lexicon;
use crosscheck::rules::{Params, RULES};
use crosscheck::{Options, check_documents, extract, resolve, text};
use rayon::prelude::*;

#[allow(dead_code)]
#[path = "../examples/gen_corpus.rs"]
mod gen_corpus;

/// About 200 generated articles (0.8 MB) as documents, in corpus order.
fn corpus() -> Vec<Document> {
    let mut docs = Vec::new();
    gen_corpus::generate(800_000, 42, 0.05, |path, text| {
        docs.push(document_from_text(path, text.to_string()).0);
    });
    docs
}

/// A typical article: the one closest to the median size.
fn one_article(docs: &[Document]) -> &Document {
    let mut sizes: Vec<usize> = docs.iter().map(|d| d.text.len()).collect();
    sizes.sort_unstable();
    let median = sizes[sizes.len() / 2];
    docs.iter()
        .min_by_key(|d| d.text.len().abs_diff(median))
        .expect("the generator writes articles")
}

fn per_document(c: &mut Criterion) {
    let docs = corpus();
    let doc = one_article(&docs);
    let lex = Lexicon::default_fr();
    let mut g = c.benchmark_group("document");
    g.throughput(Throughput::Bytes(doc.text.len() as u64));
    g.bench_function("tokenize", |b| {
        b.iter(|| text::tokenize(black_box(&doc.text)))
    });
    g.bench_function("folded_new", |b| {
        b.iter(|| text::Folded::new(black_box(&doc.text)))
    });
    g.bench_function("extract", |b| {
        b.iter(|| extract::extract(black_box(doc), &lex))
    });
    g.finish();
}

fn stages(c: &mut Criterion) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let lex = Lexicon::default_fr();
    let kb = Kb::default();
    let claims: Vec<_> = docs.iter().map(|d| extract::extract(d, &lex)).collect();
    let params = Params::default();

    let mut g = c.benchmark_group("corpus200");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(10));
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("extract_all_sequential", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| extract::extract(d, &lex))
                .collect::<Vec<_>>()
        })
    });
    g.bench_function("resolve", |b| {
        b.iter_batched(
            || claims.clone(),
            |claims| {
                let model = resolve::resolve(&docs, claims, &kb, &lex);
                model.entities.len()
            },
            BatchSize::LargeInput,
        )
    });
    // The two quotation rules share pairs cached on the model: time them together on a fresh model
    // each time (the per-rule benchmarks below run on one model, so the second and later
    // iterations find the pairs cached).
    let quotation_rules: Vec<_> = RULES
        .iter()
        .filter(|r| matches!(r.id, "quote-drift" | "misattribution"))
        .collect();
    g.bench_function("rules/quotations_uncached", |b| {
        b.iter_batched(
            || resolve::resolve(&docs, claims.clone(), &kb, &lex),
            |model| {
                quotation_rules
                    .iter()
                    .map(|r| (r.check)(black_box(&model), &params).len())
                    .sum::<usize>()
            },
            BatchSize::LargeInput,
        )
    });
    let model = resolve::resolve(&docs, claims.clone(), &kb, &lex);
    for rule in RULES {
        g.bench_function(format!("rule/{}", rule.id), |b| {
            b.iter(|| (rule.check)(black_box(&model), &params))
        });
    }
    g.bench_function("check_documents", |b| {
        b.iter_batched(
            || (docs.clone(), Lexicon::default_fr()),
            |(docs, lex)| {
                let out =
                    check_documents(docs, Vec::new(), Kb::default(), lex, &Options::default());
                out.findings.len()
            },
            BatchSize::LargeInput,
        )
    });
    g.finish();
}

/// Resident and peak resident memory of this process, in MB.
fn rss_mb() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<u64>().ok())
            .map_or(0, |kb| kb / 1024)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// One pass of the pipeline over a corpus on disk, timed stage by stage.
fn stage_report(dir: &str) {
    let row = |stage: &str, secs: f64| {
        let (rss, peak) = rss_mb();
        println!("| {stage} | {secs:.3} | {rss} | {peak} |");
    };
    println!("| stage | seconds | RSS MB after | peak RSS MB |");
    println!("|---|---|---|---|");
    let t = Instant::now();
    let plan = crosscheck::corpus::plan_scoped(&[PathBuf::from(dir)], &|_| true);
    row(
        &format!("find {} files", plan.files.len()),
        t.elapsed().as_secs_f64(),
    );
    let lex = Lexicon::default_fr();
    let kb = Kb::default();
    // As `check` does: each file is read, its claims extracted, and its text dropped but for
    // the claims' spans, in parallel.
    let t = Instant::now();
    let (docs, claims): (Vec<_>, Vec<_>) = plan
        .files
        .par_iter()
        .filter_map(|f| {
            let (mut d, _) = f.read().ok()?;
            let c = extract::extract(&d, &lex);
            d.slim(c.spans());
            Some((d, c))
        })
        .unzip();
    row(
        &format!("read and extract {} documents (rayon)", docs.len()),
        t.elapsed().as_secs_f64(),
    );
    // CROSSCHECK_STAGES_REPEAT=N: resolve and run the rules N more times first, for a profiler.
    let repeat: usize = std::env::var("CROSSCHECK_STAGES_REPEAT")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    for _ in 0..repeat {
        let model = resolve::resolve(&docs, claims.clone(), &kb, &lex);
        for rule in RULES {
            black_box((rule.check)(&model, &Params::default()));
        }
    }
    let t = Instant::now();
    let model = resolve::resolve(&docs, claims, &kb, &lex);
    row(
        &format!("resolve ({} entities)", model.entities.len()),
        t.elapsed().as_secs_f64(),
    );
    let params = Params::default();
    for rule in RULES {
        let t = Instant::now();
        let n = (rule.check)(&model, &params).len();
        row(
            &format!("rule {} ({n} findings)", rule.id),
            t.elapsed().as_secs_f64(),
        );
    }
}

criterion_group!(benches, per_document, stages);

fn main() {
    if let Ok(dir) = std::env::var("CROSSCHECK_STAGES") {
        stage_report(&dir);
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
