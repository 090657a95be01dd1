//! Detection speed over generated news-like text: varied copies of the bundled article
//! (names, places and numbers rotated so the copies do not repeat verbatim), at 1 MB,
//! 10 MB and 50 MB to show that detection is linear; and hostile text with no sentence
//! break ("said " repeated, runs of unbalanced quotation marks) at 0.5 MB and 5 MB, whose
//! cost must grow like its size too. With `PARLEY_BENCH_NEWS=DIR`, also 10 MB of the
//! real news articles in DIR (`detect_news`). Process CPU time by default
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

/// Bytes of real news the `detect_news` group measures.
const NEWS_BYTES: usize = 10_000_000;

/// Real news from `PARLEY_BENCH_NEWS` (a folder of `.txt` articles, such as PolNeAR's
/// training texts): the articles in name order, each followed by a blank line, again
/// and again until [`NEWS_BYTES`], cut after the last whole paragraph that fits. The
/// texts are read where they are, never copied into the project.
fn news_corpus(dir: &std::path::Path) -> std::io::Result<String> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .map(std::fs::read_to_string)
        .collect::<std::io::Result<_>>()?;
    if texts.iter().all(|t| t.trim().is_empty()) {
        return Err(std::io::Error::other("no article text in the folder"));
    }
    let mut out = String::with_capacity(NEWS_BYTES);
    'fill: loop {
        for t in &texts {
            let article = format!("{}\n\n", t.trim_end_matches('\n'));
            if out.len() + article.len() > NEWS_BYTES {
                for line in article.split_inclusive('\n') {
                    if out.len() + line.len() > NEWS_BYTES {
                        break 'fill;
                    }
                    out.push_str(line);
                }
                break 'fill;
            }
            out.push_str(&article);
        }
    }
    Ok(out)
}

fn bench_news(c: &mut Criterion<Clock>) {
    let Some(dir) = std::env::var_os("PARLEY_BENCH_NEWS") else {
        eprintln!(
            "detect_news skipped: set PARLEY_BENCH_NEWS to a folder of .txt news articles \
             (docs/PERFORMANCE.md)"
        );
        return;
    };
    let text = match news_corpus(std::path::Path::new(&dir)) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("detect_news skipped: {}: {e}", dir.to_string_lossy());
            return;
        }
    };
    let article = Article::from_bytes(Source::Stdin, text.as_bytes());
    let mut group = c.benchmark_group("detect_news");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(article.text.len() as u64));
    group.bench_with_input(BenchmarkId::from_parameter("10MB"), &article, |b, a| {
        b.iter(|| detect(black_box(a), None));
    });
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
    targets = bench_detect, bench_news, bench_run_on
}
criterion_main!(benches);
