//! Detection speed over generated news-like text: varied copies of the bundled article
//! (names, places and numbers rotated so the copies do not repeat verbatim), at 1 MB,
//! 10 MB and 50 MB to show that detection is linear; and hostile text with no sentence
//! break ("said " repeated, runs of unbalanced quotation marks) at 0.5 MB and 5 MB, whose
//! cost must grow like its size too. Process CPU time by default
//! (`PARLEY_BENCH_CLOCK=wall` for elapsed time).

mod support;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use parley::article::{Article, Source};
use parley::detect::detect;
use std::hint::black_box;
use support::clock::Clock;

const SEED: &str = include_str!("../assets/articles/us-cuba-migration-talks.txt");

/// Pairs swapped in each copy: (original, replacements…).
const SWAPS: &[(&str, &[&str])] = &[
    (
        "Ian Kelly",
        &["Ian Kelly", "Mara Holt", "Jon Price", "Eva Stone"],
    ),
    ("Kelly", &["Kelly", "Holt", "Price", "Stone"]),
    (
        "Dagoberto Rodriguez",
        &["Dagoberto Rodriguez", "Luis Ortega", "Ana Beltran"],
    ),
    ("Tuesday", &["Tuesday", "Monday", "Friday"]),
    ("2003", &["2003", "2005", "2011", "1999"]),
    ("New York", &["New York", "Geneva", "Mexico City"]),
    ("December", &["December", "March", "July"]),
];

/// About `bytes` of article text: copies of the bundled article, each one varied, all
/// body paragraphs (one title at the top).
fn corpus(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + SEED.len());
    out.push_str("Generated news for the detection benchmark\n\n");
    let body: Vec<&str> = SEED.split("\n\n").skip(1).collect();
    let mut n = 0usize;
    while out.len() < bytes {
        let mut copy = body.join("\n\n");
        for (i, (from, to)) in SWAPS.iter().enumerate() {
            copy = copy.replace(from, to[(n + i) % to.len()]);
        }
        // Drop one paragraph in turn so the copies differ in shape too.
        let paragraphs: Vec<&str> = copy.split("\n\n").collect();
        let skip = n % paragraphs.len();
        for (i, p) in paragraphs.iter().enumerate() {
            if i != skip || n % 3 == 0 {
                out.push_str(p);
                out.push_str("\n\n");
            }
        }
        n += 1;
    }
    out
}

fn bench_detect(c: &mut Criterion<Clock>) {
    let mut group = c.benchmark_group("detect");
    group.sample_size(10);
    // PARLEY_DETECT_CORPUS=DIR also writes the corpora there, to measure the whole
    // program on them (`/usr/bin/time -v parley detect DIR/detect-10MB.txt`).
    let out_dir = std::env::var_os("PARLEY_DETECT_CORPUS").map(std::path::PathBuf::from);
    for mb in [1usize, 10, 50] {
        let text = corpus(mb * 1_000_000);
        if let Some(dir) = &out_dir {
            let path = dir.join(format!("detect-{mb}MB.txt"));
            if let Err(e) = std::fs::write(&path, &text) {
                eprintln!("{}: cannot write the corpus: {e}", path.display());
            }
        }
        let article = Article::from_bytes(Source::Stdin, text.as_bytes());
        group.throughput(Throughput::Bytes(article.text.len() as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(format!("{mb}MB")),
            &article,
            |b, a| {
                b.iter(|| detect(black_box(a), None));
            },
        );
    }
    group.finish();
}

/// Run-on texts that once made the detector quadratic: (name, the piece repeated).
const RUN_ON: &[(&str, &str)] = &[
    ("said", "said "),
    ("said-quoted", "said \"a "),
    ("unbalanced-quotes", "“a ‘b ”c 'd "),
    ("dashes", "a -- b "),
];

fn bench_run_on(c: &mut Criterion<Clock>) {
    let mut group = c.benchmark_group("detect_run_on");
    group.sample_size(10);
    for (name, piece) in RUN_ON {
        for kb in [500usize, 5000] {
            let mut text = String::from("A headline\n\n");
            text.push_str(&piece.repeat(kb * 1000 / piece.len()));
            let article = Article::from_bytes(Source::Stdin, text.as_bytes());
            group.throughput(Throughput::Bytes(article.text.len() as u64));
            group.bench_with_input(
                BenchmarkId::new(*name, format!("{kb}KB")),
                &article,
                |b, a| b.iter(|| detect(black_box(a), None)),
            );
        }
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = support::criterion();
    targets = bench_detect, bench_run_on
}
criterion_main!(benches);
