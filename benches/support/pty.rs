//! A program in a 200×50 pseudo-terminal, its screen kept by a thread that reads its
//! output, with keys written to it and timed until the screen changes and until the
//! program's answer is complete.

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// How long a key may take before it counts as having changed nothing.
pub const KEY_TIMEOUT: Duration = Duration::from_secs(2);

/// Output that stops for this long is taken to be complete.
const QUIET: Duration = Duration::from_millis(40);

/// How long a key took to show.
#[derive(Debug, Clone, Copy)]
pub struct KeyTiming {
    /// Until the screen's text first differed.
    pub first: Duration,
    /// Until the last byte of the answer arrived (output then stopped for `QUIET`).
    pub done: Duration,
}

/// The terminal as the reading thread keeps it.
struct Screen {
    parser: vt100::Parser,
    /// When output last arrived.
    last_output: Instant,
    /// While a key's effect is awaited: the text before it, and when it was written.
    awaiting: Option<(String, Instant)>,
    /// How long the awaited change took, once it came.
    changed_after: Option<Duration>,
}

/// A program running in a 200×50 pseudo-terminal.
pub struct Session {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<Screen>>,
    _master: Box<dyn MasterPty + Send>,
}

impl Session {
    /// Starts `program args` with the environment `env` added.
    pub fn start(program: &Path, args: &[&str], env: &[(&str, &str)]) -> Option<Session> {
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
        let screen = Arc::new(Mutex::new(Screen {
            parser: vt100::Parser::new(50, 200, 0),
            last_output: Instant::now(),
            awaiting: None,
            changed_after: None,
        }));
        let child = pair.slave.spawn_command(cmd).ok()?;
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().ok()?;
        let writer = pair.master.take_writer().ok()?;
        // One thread reads and timestamps the output as it arrives; another feeds it to
        // the emulator, so that the emulator's work never delays the reading (and with
        // it the timestamps of later pieces).
        let (tx, rx) = std::sync::mpsc::channel::<(Instant, Vec<u8>)>();
        std::thread::spawn(move || {
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send((Instant::now(), buf[..n].to_vec())).is_err() {
                    break;
                }
            }
        });
        let shared = Arc::clone(&screen);
        std::thread::spawn(move || {
            for (arrived, bytes) in rx {
                let Ok(mut s) = shared.lock() else { break };
                s.parser.process(&bytes);
                s.last_output = arrived;
                if let Some((before, sent)) = &s.awaiting {
                    if s.parser.screen().contents() != *before {
                        s.changed_after = Some(arrived.saturating_duration_since(*sent));
                        s.awaiting = None;
                    }
                }
            }
        });
        Some(Session {
            child,
            writer,
            screen,
            _master: pair.master,
        })
    }

    fn lock(&self) -> MutexGuard<'_, Screen> {
        self.screen.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The screen's text.
    pub fn contents(&self) -> String {
        self.lock().parser.screen().contents()
    }

    /// Waits until `ready` holds for the screen; false at the deadline.
    pub fn wait_for(
        &self,
        ready: &dyn Fn(&str) -> bool,
        deadline: Instant,
        poll: Duration,
    ) -> bool {
        loop {
            if ready(&self.contents()) {
                return true;
            }
            if Instant::now() > deadline {
                return false;
            }
            std::thread::sleep(poll);
        }
    }

    /// Waits until no output has come for `quiet` (or `limit` has passed).
    pub fn wait_quiet(&self, quiet: Duration, limit: Duration) {
        let end = Instant::now() + limit;
        while self.lock().last_output.elapsed() < quiet && Instant::now() < end {
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    /// Writes `key` and times it, if the screen's text changed within `KEY_TIMEOUT`.
    pub fn press(&mut self, key: &[u8]) -> Option<KeyTiming> {
        self.wait_quiet(QUIET, Duration::from_secs(5));
        let sent = Instant::now();
        {
            let mut s = self.lock();
            let before = s.parser.screen().contents();
            s.changed_after = None;
            s.awaiting = Some((before, sent));
        }
        self.writer.write_all(key).ok()?;
        self.writer.flush().ok()?;
        let end = Instant::now() + KEY_TIMEOUT;
        let first = loop {
            {
                let mut s = self.lock();
                if let Some(d) = s.changed_after.take() {
                    break d;
                }
                if Instant::now() > end {
                    s.awaiting = None;
                    return None;
                }
            }
            std::thread::sleep(Duration::from_micros(200));
        };
        self.wait_quiet(QUIET, Duration::from_secs(5));
        let done = self.lock().last_output.saturating_duration_since(sent);
        Some(KeyTiming { first, done })
    }

    /// CPU time the program's main thread has run, from the scheduler's statistics.
    pub fn cpu_time(&self) -> Option<Duration> {
        let pid = self.child.process_id()?;
        let stat = std::fs::read_to_string(format!("/proc/{pid}/schedstat")).ok()?;
        let ns = stat.split_whitespace().next()?.parse().ok()?;
        Some(Duration::from_nanos(ns))
    }

    /// The peak resident set of the program so far.
    pub fn peak_kib(&self) -> u64 {
        let Some(pid) = self.child.process_id() else {
            return 0;
        };
        std::fs::read_to_string(format!("/proc/{pid}/status"))
            .unwrap_or_default()
            .lines()
            .find(|l| l.starts_with("VmHWM:"))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|n| n.parse().ok())
            .unwrap_or(0)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
