//! Driving the real binary in a pseudo-terminal and reading its screen through a
//! terminal emulator, so end-to-end tests need nothing installed.

#![allow(dead_code)]

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A running parley in a pseudo-terminal.
pub struct Term {
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Option<Box<dyn Write + Send>>,
    pub child: Box<dyn Child + Send + Sync>,
    stop: Arc<std::sync::atomic::AtomicBool>,
    reader: Option<std::thread::JoinHandle<()>>,
}

/// How long to wait for the screen to show something.
const PATIENCE: Duration = Duration::from_secs(20);

impl Term {
    /// Starts `parley ARGS` in a `cols`×`rows` terminal with its config and state in `home`.
    pub fn start(args: &[&str], cols: u16, rows: u16, home: &Path, env: &[(&str, &str)]) -> Term {
        Term::start_program(env!("CARGO_BIN_EXE_parley"), args, cols, rows, home, env)
    }

    /// Starts any program (a shell, say) in a `cols`×`rows` terminal, with the same
    /// environment as [`Term::start`].
    pub fn start_program(
        program: &str,
        args: &[&str],
        cols: u16,
        rows: u16,
        home: &Path,
        env: &[(&str, &str)],
    ) -> Term {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(home);
        cmd.env("TERM", "xterm-256color");
        cmd.env("HOME", home);
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        cmd.env("XDG_DATA_HOME", home.join("data"));
        cmd.env("XDG_STATE_HOME", home.join("state"));
        cmd.env_remove("PARLEY_CONFIG");
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn parley");
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let reader = {
            let parser = Arc::clone(&parser);
            let raw = Arc::clone(&raw);
            let stop = Arc::clone(&stop);
            std::thread::spawn(move || {
                let mut buf = [0u8; 8192];
                while let Ok(n) = reader.read(&mut buf) {
                    if n == 0 || stop.load(std::sync::atomic::Ordering::Relaxed) {
                        break;
                    }
                    parser.lock().unwrap().process(&buf[..n]);
                    raw.lock().unwrap().extend_from_slice(&buf[..n]);
                }
            })
        };
        let writer = pair.master.take_writer().expect("pty writer");
        Term {
            parser,
            raw,
            master: Some(pair.master),
            writer: Some(writer),
            child,
            stop,
            reader: Some(reader),
        }
    }

    /// The screen's text, row by row.
    pub fn contents(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Every byte the program wrote so far.
    pub fn raw(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    /// Runs `f` on the emulated screen.
    pub fn screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(self.parser.lock().unwrap().screen())
    }

    /// Waits until the screen satisfies `pred`; panics with the screen when it never does.
    pub fn wait_for(&self, what: &str, pred: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        loop {
            if self.screen(&pred) {
                return;
            }
            if start.elapsed() > PATIENCE {
                panic!("timed out waiting for {what}; screen:\n{}", self.contents());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until the program has written `bytes` (a frame's last sequence, say: the
    /// screen can show a frame's text before the bytes that end it have been read).
    pub fn wait_bytes(&self, what: &str, bytes: &[u8]) {
        let start = Instant::now();
        let written = || {
            self.raw
                .lock()
                .unwrap()
                .windows(bytes.len())
                .any(|w| w == bytes)
        };
        while !written() {
            if start.elapsed() > PATIENCE {
                panic!("timed out waiting for {what}; screen:\n{}", self.contents());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until the screen shows `text`.
    pub fn wait_text(&self, text: &str) {
        self.wait_for(text, |s| s.contents().contains(text));
    }

    /// Waits until the screen's last row (at the terminal's size now, so after a
    /// resize the new one) shows `text`: the status bar drawn at that size.
    pub fn wait_last_row(&self, text: &str) {
        self.wait_for(&format!("{text:?} on the last row"), |s| {
            let (rows, cols) = s.size();
            s.rows(0, cols)
                .nth(usize::from(rows.saturating_sub(1)))
                .is_some_and(|row| row.contains(text))
        });
    }

    /// Types bytes, then gives the program a moment (so Esc is not read as Alt).
    pub fn send(&mut self, bytes: &str) {
        let w = self.writer.as_mut().expect("terminal open");
        w.write_all(bytes.as_bytes()).unwrap();
        w.flush().unwrap();
        std::thread::sleep(Duration::from_millis(60));
    }

    /// Changes the terminal size (the program gets SIGWINCH). The emulated screen
    /// takes the new size first, as a real terminal does, so the program's redraw
    /// after SIGWINCH is never read at the old size.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.parser
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(rows, cols);
        self.master
            .as_ref()
            .expect("terminal open")
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
    }

    /// Closes the terminal, as when its window is closed: every handle on the pty's
    /// master side goes, so the program's reads end in EOF/EIO.
    pub fn hang_up(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        // make the program draw, so the reading thread wakes, sees `stop` and lets go
        self.send("h");
        if let Some(r) = self.reader.take() {
            r.join().unwrap();
        }
        self.writer = None;
        self.master = None;
    }

    /// Waits for the program to exit and returns its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        self.wait_status().exit_code()
    }

    /// Waits for the program to exit and returns how it ended.
    pub fn wait_status(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                self.drain_output();
                return status;
            }
            if start.elapsed() > PATIENCE {
                let _ = self.child.kill();
                panic!("parley did not exit; screen:\n{}", self.contents());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until the terminal has passed on the last bytes the program wrote: with
    /// the program gone, reading the terminal ends and so does the reading thread.
    fn drain_output(&mut self) {
        let Some(reader) = self.reader.take() else {
            return;
        };
        let start = Instant::now();
        while !reader.is_finished() {
            if start.elapsed() > PATIENCE {
                panic!(
                    "the terminal's output never ended; screen:\n{}",
                    self.contents()
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        reader.join().unwrap();
    }

    /// The process id.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("pid")
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}

/// Whether the screen shows any cell of `text` drawn with a non-default foreground.
pub fn coloured(screen: &vt100::Screen, text: &str) -> bool {
    let (rows, cols) = screen.size();
    for r in 0..rows {
        let line: String = (0..cols)
            .map(|c| {
                screen
                    .cell(r, c)
                    .map_or(" ".to_string(), |x| x.contents().to_string())
            })
            .map(|s| if s.is_empty() { " ".to_string() } else { s })
            .collect();
        if let Some(i) = line.find(text) {
            let col = line[..i].chars().count() as u16;
            if let Some(cell) = screen.cell(r, col + 1) {
                return cell.fgcolor() != vt100::Color::Default;
            }
        }
    }
    false
}

/// Runs `parley ARGS` in `dir`, with its config and data there too and no colour.
pub fn parley_in(dir: &Path, args: &[&str]) -> Output {
    in_dir(&mut Command::new(env!("CARGO_BIN_EXE_parley")), dir)
        .args(args)
        .output()
        .expect("run parley")
}

/// Sets `command` to run in `dir` as [`parley_in`] runs parley there.
pub fn in_dir<'a>(command: &'a mut Command, dir: &Path) -> &'a mut Command {
    command
        .current_dir(dir)
        .env_remove("PARLEY_CONFIG")
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("HOME", dir)
        .env("NO_COLOR", "1")
}

/// Makes a FIFO at `path` (user read and write), failing the test when it cannot: a
/// test of how parley meets a FIFO never passes having met none.
#[cfg(unix)]
pub fn make_fifo(path: &Path) {
    use rustix::fs::{CWD, Mode, mkfifoat};
    mkfifoat(CWD, path, Mode::RUSR | Mode::WUSR)
        .unwrap_or_else(|e| panic!("cannot make a FIFO at {}: {e}", path.display()));
}
