//! News-like input for benchmarks, generated from the bundled article: paragraphs are
//! copied with their sentences rotated and names varied, so no two screens are equal.

#![allow(dead_code)]

pub mod clock;
pub mod pty;

use criterion::Criterion;
use std::time::Duration;

/// Every size the suites measure, with its label: 5 KB, 1 MB, 10 MB and 50 MB.
pub const SIZES: [(&str, usize); 4] = [
    ("5KB", 5_000),
    ("1MB", 1_000_000),
    ("10MB", 10_000_000),
    ("50MB", 50_000_000),
];

/// The sizes to run: all of `SIZES`, or those named in `PARLEY_BENCH_SIZES`
/// (comma-separated labels, e.g. `5KB,1MB`) for a quicker run.
pub fn sizes() -> Vec<(&'static str, usize)> {
    let Ok(wanted) = std::env::var("PARLEY_BENCH_SIZES") else {
        return SIZES.to_vec();
    };
    let wanted: Vec<String> = wanted.split(',').map(|s| s.trim().to_uppercase()).collect();
    SIZES
        .iter()
        .copied()
        .filter(|(name, _)| wanted.iter().any(|w| w == &name.to_uppercase()))
        .collect()
}

/// Criterion settings that keep a whole suite within minutes on two shared cores:
/// ten samples, a short warm-up, and a measuring time that criterion stretches on its
/// own when one iteration is slow; the clock is CPU time unless
/// `PARLEY_BENCH_CLOCK=wall` (see `clock`).
pub fn criterion() -> Criterion<clock::Clock> {
    let clock = clock::Clock::from_env();
    eprintln!("measuring {}", clock.describe());
    Criterion::default()
        .with_measurement(clock)
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
}

/// About `bytes` of news-like text: a title, then paragraphs separated by blank lines.
pub fn news_like(bytes: usize) -> String {
    let article = parley::article::Article::bundled();
    let paragraphs: Vec<&str> = article
        .structure
        .paragraphs
        .iter()
        .map(|p| &article.text[p.range.clone()])
        .collect();
    let names = [
        "Kelly",
        "Rodriguez",
        "Moreno",
        "Okafor",
        "Lindqvist",
        "Tanaka",
    ];
    let mut out = String::with_capacity(bytes + 4096);
    out.push_str("Talks resume in sign of better ties\n\n");
    let mut i = 0usize;
    while out.len() < bytes {
        let p = paragraphs[i % paragraphs.len()];
        let name = names[(i / paragraphs.len()) % names.len()];
        out.push_str(
            &p.replace("Kelly", name)
                .replace("Rodriguez", names[(i + 1) % names.len()]),
        );
        out.push_str("\n\n");
        i += 1;
    }
    out
}
