//! Whole-program figures, side by side with `less`: time from start to the first full
//! screen, and the memory peak, for generated articles of 1 MB, 10 MB and 50 MB.
//!
//! `cargo bench --bench startup` (set PARLEY_STARTUP_SIZES=1,10 to choose sizes in MB,
//! PARLEY_STARTUP_RUNS for the runs per figure). Both programs run in a pseudo-terminal
//! of 200×50; the clock stops when the screen shows the article's first words and the
//! program's prompt or status bar. `less` is skipped when it is not installed.

mod support;

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

struct Run {
    first_screen: Duration,
    peak_kib: u64,
}

/// Starts `program args` in a pty and waits until `ready` holds for the screen.
fn measure(
    program: &Path,
    args: &[&str],
    env: &[(&str, &str)],
    ready: &dyn Fn(&str) -> bool,
    settle: &dyn Fn(&str) -> bool,
) -> Option<Run> {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 50,
            cols: 200,
            pixel_width: 0,
            pixel_height: 0,
        })
        .ok()?;
    let mut cmd = CommandBuilder::new(program);
    cmd.args(args);
    cmd.env("TERM", "xterm-256color");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).ok()?;
    drop(pair.slave);
    let parser = Arc::new(Mutex::new(vt100::Parser::new(50, 200, 0)));
    let mut reader = pair.master.try_clone_reader().ok()?;
    {
        let parser = Arc::clone(&parser);
        std::thread::spawn(move || {
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                if let Ok(mut p) = parser.lock() {
                    p.process(&buf[..n]);
                }
            }
        });
    }
    let screen = || {
        parser
            .lock()
            .map(|p| p.screen().contents())
            .unwrap_or_default()
    };
    let deadline = Instant::now() + Duration::from_secs(60);
    let first_screen = loop {
        if ready(&screen()) {
            break start.elapsed();
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            return None;
        }
        std::thread::sleep(Duration::from_micros(500));
    };
    // let background work (detection) finish before reading the peak
    while !settle(&screen()) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
    }
    let pid = child.process_id()?;
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let peak_kib = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let _ = child.kill();
    let _ = child.wait();
    Some(Run {
        first_screen,
        peak_kib,
    })
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn less_path() -> Option<PathBuf> {
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|d| Path::new(d).join("less"))
        .find(|p| p.is_file())
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return; // `cargo test --benches` asks for the list of benchmarks
    }
    let sizes: Vec<f64> = std::env::var("PARLEY_STARTUP_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1.0, 10.0, 50.0]);
    let runs: usize = std::env::var("PARLEY_STARTUP_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    let parley = PathBuf::from(env!("CARGO_BIN_EXE_parley"));
    let less = less_path();
    let dir = tempfile::tempdir().expect("temp dir");
    println!(
        "| size | parley first screen | less first screen | ratio | parley peak memory | × file size | less peak memory |"
    );
    println!("|---|---|---|---|---|---|---|");
    for mb in sizes {
        let text = support::news_like((mb * 1_000_000.0) as usize);
        let path = dir.path().join(format!("news-{mb}mb.txt"));
        std::fs::write(&path, &text).expect("write article");
        let first_words: String = text.lines().next().unwrap_or("").chars().take(30).collect();
        let file = path.to_str().expect("utf-8 path");
        let state = dir.path().join("state");
        let state = state.to_str().expect("utf-8 path");
        let env = [
            ("XDG_STATE_HOME", state),
            ("XDG_CONFIG_HOME", state),
            ("XDG_DATA_HOME", state),
        ];
        let fw = first_words.clone();
        let parley_ready = move |s: &str| s.contains(fw.as_str()) && s.contains("READ");
        let parley_settled = |s: &str| !s.contains("detecting") && !s.contains("loading");
        let p: Vec<Run> = (0..runs)
            .filter_map(|_| measure(&parley, &[file], &env, &parley_ready, &parley_settled))
            .collect();
        let fw = first_words.clone();
        let less_ready = move |s: &str| {
            s.contains(fw.as_str()) && s.lines().filter(|l| !l.trim().is_empty()).count() >= 20
        };
        let l: Vec<Run> = match &less {
            Some(less) => (0..runs)
                .filter_map(|_| measure(less, &[file], &[], &less_ready, &|_| true))
                .collect(),
            None => Vec::new(),
        };
        let ms = |rs: &[Run]| {
            median(
                rs.iter()
                    .map(|r| r.first_screen.as_secs_f64() * 1000.0)
                    .collect(),
            )
        };
        let mib = |rs: &[Run]| median(rs.iter().map(|r| r.peak_kib as f64 / 1024.0).collect());
        if p.is_empty() {
            println!("| {mb} MB | failed | | | | | |");
            continue;
        }
        let (pt, pm) = (ms(&p), mib(&p));
        let file_mib = text.len() as f64 / (1024.0 * 1024.0);
        if l.is_empty() {
            println!(
                "| {mb} MB | {pt:.1} ms | (no less) | | {pm:.1} MiB | {:.2} | |",
                pm / file_mib
            );
        } else {
            let (lt, lm) = (ms(&l), mib(&l));
            println!(
                "| {mb} MB | {pt:.1} ms | {lt:.1} ms | {:.2} | {pm:.1} MiB | {:.2} | {lm:.1} MiB |",
                pt / lt,
                pm / file_mib
            );
        }
    }
}
