//! Whole-program figures, side by side with `less`: time from start to the first full
//! screen, the memory peak, and the time from a keystroke to the screen's change, for
//! generated articles of 1 MB, 10 MB and 50 MB.
//!
//! `cargo bench --bench startup` (set PARLEY_STARTUP_SIZES=0.005,1,10 to choose sizes in
//! MB, PARLEY_STARTUP_RUNS for the runs per figure, PARLEY_STARTUP_ROUNDS for the times
//! each key is pressed in a run, PARLEY_STARTUP_BIN to measure another parley binary). Both programs run in a pseudo-terminal of 200×50; the
//! clock stops when the screen shows the article's first words and the program's prompt
//! or status bar. Keys are pressed once the program has settled (parley: the article
//! loaded, detected and wrapped); each key is timed from writing it to the terminal
//! until the screen's text first differs, and until the last byte of the program's
//! answer (its output then stops for 40 ms), printed as "first / complete". The CPU
//! time the program's main thread spent on the keys (scheduler statistics, in
//! nanoseconds) is divided among them. `less` is skipped when it is not installed.

mod support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use support::pty::{KeyTiming, Session};

/// The timed keys: line down, page down, to the end and to the start.
const KEYS: [&str; 4] = ["j", "space", "G", "g"];

/// One round of presses from the top: (key, index into `KEYS` when timed). Untimed
/// presses bring the view back to the top, so that every press moves it.
const ROUND: [(&[u8], Option<usize>); 6] = [
    (b"j", Some(0)),
    (b"g", None),
    (b" ", Some(1)),
    (b"g", None),
    (b"G", Some(2)),
    (b"g", Some(3)),
];

/// What one run of a program measured.
struct Run {
    first_screen: Duration,
    peak_kib: u64,
    /// Per entry of `KEYS`, each press that changed the screen.
    keys: Vec<Vec<KeyTiming>>,
    /// CPU time of the program's main thread per key pressed, all keys together.
    cpu_per_key: Option<Duration>,
}

/// How a program is recognised on screen.
struct Program<'a> {
    path: &'a Path,
    env: &'a [(&'a str, &'a str)],
    /// The first screen is complete.
    ready: &'a dyn Fn(&str) -> bool,
    /// Background work is over: memory and keys are measured after this.
    settled: &'a dyn Fn(&str) -> bool,
}

/// One run: start, first screen, settle, peak memory, then each key `rounds` times.
fn measure(p: &Program, file: &str, rounds: usize) -> Option<Run> {
    let start = Instant::now();
    let mut session = Session::start(p.path, &[file], p.env)?;
    let deadline = start + Duration::from_secs(120);
    if !session.wait_for(p.ready, deadline, Duration::from_micros(500)) {
        return None;
    }
    let first_screen = start.elapsed();
    session.wait_for(p.settled, deadline, Duration::from_millis(5));
    let peak_kib = session.peak_kib();
    let mut keys = vec![Vec::new(); KEYS.len()];
    let cpu_before = session.cpu_time();
    let mut pressed = 0;
    // a press that changes nothing (the article fits on one screen) ends the run's keys
    'rounds: for _ in 0..rounds {
        for (key, timed) in ROUND {
            pressed += 1;
            let Some(d) = session.press(key) else {
                break 'rounds;
            };
            if let Some(k) = timed {
                keys[k].push(d);
            }
        }
    }
    let cpu_per_key = match (cpu_before, session.cpu_time()) {
        (Some(a), Some(b)) if pressed > 0 => Some(b.saturating_sub(a) / pressed),
        _ => None,
    };
    Some(Run {
        first_screen,
        peak_kib,
        keys,
        cpu_per_key,
    })
}

fn median(mut xs: Vec<f64>) -> Option<f64> {
    xs.sort_by(f64::total_cmp);
    xs.get(xs.len() / 2).copied()
}

fn less_path() -> Option<PathBuf> {
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|d| Path::new(d).join("less"))
        .find(|p| p.is_file())
}

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

/// The figures of one program at one size.
struct Figures {
    first_ms: f64,
    peak_mib: f64,
    /// Median milliseconds per key until the screen first changed and until the
    /// answer was complete, `None` where no press changed the screen.
    keys_ms: Vec<Option<(f64, f64)>>,
    /// Median CPU milliseconds per key press.
    cpu_ms: Option<f64>,
}

fn summarise(runs: &[Run]) -> Option<Figures> {
    let ms = |d: &Duration| d.as_secs_f64() * 1000.0;
    Some(Figures {
        first_ms: median(runs.iter().map(|r| ms(&r.first_screen)).collect())?,
        peak_mib: median(runs.iter().map(|r| r.peak_kib as f64 / 1024.0).collect())?,
        keys_ms: (0..KEYS.len())
            .map(|k| {
                let of = |f: fn(&KeyTiming) -> Duration| {
                    median(
                        runs.iter()
                            .flat_map(|r| r.keys[k].iter().map(|t| ms(&f(t))))
                            .collect(),
                    )
                };
                Some((of(|t| t.first)?, of(|t| t.done)?))
            })
            .collect(),
        cpu_ms: median(
            runs.iter()
                .filter_map(|r| r.cpu_per_key.as_ref().map(ms))
                .collect(),
        ),
    })
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return; // `cargo test --benches` asks for the list of benchmarks
    }
    let sizes: Vec<f64> = std::env::var("PARLEY_STARTUP_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1.0, 10.0, 50.0]);
    let runs: usize = env_or("PARLEY_STARTUP_RUNS", 5);
    let rounds: usize = env_or("PARLEY_STARTUP_ROUNDS", 5);
    // another build of parley can be measured in the same harness, e.g. an older one
    let parley = std::env::var_os("PARLEY_STARTUP_BIN")
        .filter(|p| !p.is_empty())
        .map_or_else(
            || PathBuf::from(env!("CARGO_BIN_EXE_parley")),
            PathBuf::from,
        );
    let less = less_path();
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rows = Vec::new();
    for mb in sizes {
        let text = support::news_like((mb * 1_000_000.0) as usize);
        let path = dir.path().join(format!("news-{mb}mb.txt"));
        write_settled(&path, &text);
        let first_words: String = text.lines().next().unwrap_or("").chars().take(30).collect();
        let file = path.to_str().expect("utf-8 path");
        let state = dir.path().join("state");
        let state = state.to_str().expect("utf-8 path");
        let env = [
            ("XDG_STATE_HOME", state),
            ("XDG_CONFIG_HOME", state),
            ("XDG_DATA_HOME", state),
        ];
        let fw = first_words.as_str();
        let parley_ready = |s: &str| s.contains(fw) && s.contains("READ");
        // not loading, not detecting, and wrapped to the end (the row count is known)
        let parley_settled =
            |s: &str| !s.contains("detecting") && !s.contains("loading") && !s.contains("/…");
        let program = Program {
            path: &parley,
            env: &env,
            ready: &parley_ready,
            settled: &parley_settled,
        };
        let less_ready =
            |s: &str| s.contains(fw) && s.lines().filter(|l| !l.trim().is_empty()).count() >= 20;
        let less_program = less.as_deref().map(|path| Program {
            path,
            env: &[],
            ready: &less_ready,
            settled: &|_| true,
        });
        // the two take turns, so that a change in the machine's load falls on both
        let (mut p, mut l) = (Vec::new(), Vec::new());
        for _ in 0..runs {
            p.extend(measure(&program, file, rounds));
            if let Some(less) = &less_program {
                l.extend(measure(less, file, rounds));
            }
        }
        let file_mib = text.len() as f64 / (1024.0 * 1024.0);
        rows.push((mb, file_mib, summarise(&p), summarise(&l)));
    }
    print_tables(&rows);
}

type Row = (f64, f64, Option<Figures>, Option<Figures>);

/// Writes the article and waits until it is on disk, so that the kernel's writing it
/// back does not compete with the first runs.
fn write_settled(path: &Path, text: &str) {
    let mut file = std::fs::File::create(path).expect("create article");
    std::io::Write::write_all(&mut file, text.as_bytes()).expect("write article");
    file.sync_all().expect("sync article");
}

fn print_tables(rows: &[Row]) {
    println!(
        "| size | parley first screen | less first screen | ratio | parley peak memory | × file size | less peak memory |"
    );
    println!("|---|---|---|---|---|---|---|");
    for (mb, file_mib, p, l) in rows {
        let Some(p) = p else {
            println!("| {mb} MB | failed | | | | | |");
            continue;
        };
        let (pt, pm) = (p.first_ms, p.peak_mib);
        match l {
            None => println!(
                "| {mb} MB | {pt:.1} ms | (no less) | | {pm:.1} MiB | {:.2} | |",
                pm / file_mib
            ),
            Some(l) => println!(
                "| {mb} MB | {pt:.1} ms | {:.1} ms | {:.2} | {pm:.1} MiB | {:.2} | {:.1} MiB |",
                l.first_ms,
                pt / l.first_ms,
                pm / file_mib,
                l.peak_mib
            ),
        }
    }
    println!();
    let names = KEYS;
    println!(
        "| size | parley {} | parley CPU a key | less {} | less CPU a key |",
        names.join(" | parley "),
        names.join(" | less ")
    );
    println!("|---{}", "|---".repeat(2 * KEYS.len() + 2) + "|");
    let cell = |v: Option<f64>| v.map_or("—".to_string(), |ms| format!("{ms:.2} ms"));
    let key_cell = |v: Option<(f64, f64)>| {
        v.map_or("—".to_string(), |(first, done)| {
            format!("{first:.2} / {done:.2} ms")
        })
    };
    for (mb, _, p, l) in rows {
        let keys = |f: &Option<Figures>| -> Vec<String> {
            match f {
                Some(f) => f
                    .keys_ms
                    .iter()
                    .map(|v| key_cell(*v))
                    .chain([cell(f.cpu_ms)])
                    .collect(),
                None => vec!["—".to_string(); KEYS.len() + 1],
            }
        };
        println!(
            "| {mb} MB | {} | {} |",
            keys(p).join(" | "),
            keys(l).join(" | ")
        );
    }
}
