//! Whole-program figures for a corpus: a folder of generated articles (10,000 by
//! default, each a few kilobytes of news-like text), `parley detect DIR --save` over it
//! (wall time and memory peak), and `parley DIR` in a pseudo-terminal of 200×50: the
//! time from start to the list on screen, and the memory peak once every store has
//! been counted.
//!
//! `cargo bench --bench corpus` (PARLEY_CORPUS_ARTICLES for another size,
//! PARLEY_CORPUS_RUNS for the runs per figure, PARLEY_STARTUP_BIN to measure another
//! parley binary). Medians are printed.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};
use support::pty::Session;

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs.get(xs.len() / 2).copied().unwrap_or(f64::NAN)
}

fn binary() -> PathBuf {
    std::env::var_os("PARLEY_STARTUP_BIN").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/parley"),
        PathBuf::from,
    )
}

/// Writes `n` articles of about `bytes` each into `dir`, a hundred to a folder.
fn write_corpus(dir: &Path, n: usize, bytes: usize) {
    let text = support::news_like(bytes * 10);
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    for i in 0..n {
        let folder = dir.join(format!("batch{:03}", i / 100));
        std::fs::create_dir_all(&folder).expect("folder");
        let start = i % paragraphs.len().max(1);
        let mut body = format!("Report number {i}\n\n");
        for p in paragraphs.iter().cycle().skip(start) {
            if body.len() > bytes {
                break;
            }
            body.push_str(p);
            body.push_str("\n\n");
        }
        std::fs::write(folder.join(format!("article{i:05}.txt")), body).expect("article");
    }
}

/// Runs a command under `/usr/bin/time -f %M` when there is one: (wall, peak KiB).
fn timed(bin: &Path, args: &[&str]) -> (Duration, Option<u64>) {
    let gnu_time = Path::new("/usr/bin/time");
    let start = Instant::now();
    let out = if gnu_time.is_file() {
        Command::new(gnu_time)
            .args(["-f", "%M"])
            .arg(bin)
            .args(args)
            .output()
    } else {
        Command::new(bin).args(args).output()
    }
    .expect("run parley");
    let wall = start.elapsed();
    let err = String::from_utf8_lossy(&out.stderr);
    let peak = err.lines().last().and_then(|l| l.trim().parse().ok());
    (wall, peak)
}

fn main() {
    let n: usize = env_or("PARLEY_CORPUS_ARTICLES", 10_000);
    let runs: usize = env_or("PARLEY_CORPUS_RUNS", 5);
    let bin = binary();
    let dir = tempfile::tempdir().expect("temporary folder");
    let root = dir.path().join("news");
    write_corpus(&root, n, 3_000);
    let root_arg = root.to_str().expect("utf-8 path");

    let (wall, peak) = timed(&bin, &["detect", root_arg, "--save"]);
    println!(
        "detect --save, {n} articles: {:.1} s, peak {} KiB",
        wall.as_secs_f64(),
        peak.map_or("?".to_string(), |p| p.to_string())
    );

    let ready = format!("{n} of {n} articles");
    let mut first = Vec::new();
    let mut peaks = Vec::new();
    for _ in 0..runs {
        let start = Instant::now();
        let Some(session) = Session::start(&bin, &[root_arg], &[("NO_COLOR", "1")]) else {
            eprintln!("cannot start {}", bin.display());
            return;
        };
        let deadline = start + Duration::from_secs(60);
        if !session.wait_for(
            &|s: &str| s.contains(&ready),
            deadline,
            Duration::from_micros(500),
        ) {
            eprintln!("the list did not show");
            return;
        }
        first.push(start.elapsed().as_secs_f64() * 1000.0);
        // every store counted: the output stops
        session.wait_quiet(Duration::from_millis(500), Duration::from_secs(60));
        peaks.push(session.peak_kib() as f64);
    }
    println!(
        "parley DIR, {n} articles: list on screen {:.0} ms, peak {:.0} KiB once counted (medians of {runs})",
        median(first),
        median(peaks)
    );
}
