//! The reader's one event channel. Threads send on it — the terminal's input, the
//! signals, and the workers (the one that reads the rest of the article and opens the
//! store, detections, a corpus search), each worker with a [`WorkerGuard`] that says
//! when it ended unfinished — and the loop blocks on it: nothing wakes the reader while nothing happens.

use crate::article::Article;
use crate::store::Store;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Condvar, Mutex};

/// Everything that can reach the reader from outside.
#[derive(Debug)]
pub enum Event {
    /// A key, mouse event, paste or resize from the terminal.
    Input(crossterm::event::Event),
    /// The terminal is gone (reading it failed: EOF, EIO).
    HungUp,
    /// A signal arrived (its number).
    Signal(i32),
    /// The detector has done this many bytes of the article.
    Progress(usize),
    /// The whole article, when the reader opened on its start.
    ArticleReady(Arc<Article>),
    /// The rest of the article could not be read (why).
    ArticleFailed(String),
    /// Where the article that came whole from the worker was left last time.
    Resume(crate::tui::session::Place),
    /// The store, opened (and, without a file, detected).
    StoreReady(Box<Store>),
    /// A worker ended before it finished (a bug: it panicked).
    WorkerGone(Gone),
    /// A detection the reader asked for, done.
    Detected(Box<crate::tui::detection::Detected>),
    /// Titles and store counts of the corpus's articles, read in the background.
    CorpusCounted(Vec<crate::tui::corpus::Counted>),
    /// A batch of what the corpus search's worker found.
    CorpusFound(crate::tui::corpus::search::Found),
    /// What a worker sent about the article of the corpus opened under this ticket
    /// (the reader drops it if another article has been opened since).
    ForArticle(u64, Box<Event>),
}

/// What a worker was doing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Work {
    /// Reading the article and opening its store.
    Opening,
    /// A detection the reader asked for, for this load of an article.
    Detection(crate::tui::detection::Load),
    /// The corpus search under this ticket.
    Search(u64),
    /// Reading the titles and store counts of the corpus's articles for the list.
    Counting,
    /// Watching for signals; `again` when it watches on after the panic, `false` when
    /// it gave up and signals no longer reach the reader.
    Signals {
        /// Whether it watches again.
        again: bool,
    },
}

/// A worker that ended before it finished, and the report of its panic when the
/// terminal's hook kept one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gone {
    /// What it was doing.
    pub work: Work,
    /// The panic's message and place.
    pub why: Option<String>,
}

/// The channel's two ends: every source gets a clone of `sender`.
pub fn channel() -> (Sender<Event>, Receiver<Event>) {
    mpsc::channel()
}

/// Signals that end the reader with the conventional exit code 128 + number.
pub const STOP_SIGNALS: [i32; 3] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
];

/// Signals whose default is to end (or dump) the process: the reader gives the
/// terminal back, then dies of the same signal, so the shell sees what happened.
pub const FATAL_SIGNALS: &[i32] = &[
    signal_hook::consts::SIGQUIT,
    signal_hook::consts::SIGUSR1,
    signal_hook::consts::SIGUSR2,
    signal_hook::consts::SIGALRM,
    signal_hook::consts::SIGXCPU,
    signal_hook::consts::SIGVTALRM,
    signal_hook::consts::SIGPROF,
    #[cfg(any(target_os = "linux", target_os = "android"))]
    rustix::process::Signal::POWER.as_raw(),
    signal_hook::consts::SIGSYS,
    signal_hook::consts::SIGTRAP,
    signal_hook::consts::SIGABRT,
];

/// A write past the file-size limit (`ulimit -f`): caught and dropped, so the write
/// fails with EFBIG and is reported as any failed write (a full disk) is, instead of
/// the signal's default ending the reader with its edits.
pub const FILE_TOO_LARGE: i32 = signal_hook::consts::SIGXFSZ;

/// Starts the thread that turns signals into events. The handlers are installed
/// before this returns, so no signal between here and the loop is lost.
pub fn spawn_signals(tx: Sender<Event>) -> std::io::Result<()> {
    let all: Vec<i32> = STOP_SIGNALS
        .iter()
        .chain(FATAL_SIGNALS)
        .chain([&FILE_TOO_LARGE])
        .copied()
        .collect();
    let mut signals = signal_hook::iterator::Signals::new(all)?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || watch_signals(signals.forever(), &tx))?;
    Ok(())
}

/// How many times the signal watcher watches on after a panic before it gives up.
const SIGNAL_WATCH_RETRIES: usize = 3;

/// Sends each signal as an event until the reader is gone. A panic here must not end
/// the watching: the handlers stay installed with nothing to act on them, so SIGTERM,
/// SIGHUP and SIGINT would be swallowed — `kill`, a logout or a shutdown could no
/// longer end the reader with its terminal given back. So the watcher goes on, with
/// the same handlers (no signal is missed meanwhile), and tells the reader, which says
/// so; after [`SIGNAL_WATCH_RETRIES`] panics it gives up and says that instead.
fn watch_signals(mut signals: impl Iterator<Item = i32>, tx: &Sender<Event>) {
    for retry in 0..=SIGNAL_WATCH_RETRIES {
        let watched = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            for sig in signals.by_ref().filter(|&s| s != FILE_TOO_LARGE) {
                if tx.send(Event::Signal(sig)).is_err() {
                    return;
                }
            }
        }));
        if watched.is_ok() {
            return; // the reader is gone
        }
        let work = Work::Signals {
            again: retry < SIGNAL_WATCH_RETRIES,
        };
        let why = crate::tui::terminal::take_worker_panic();
        if tx.send(Event::WorkerGone(Gone { work, why })).is_err() {
            return;
        }
    }
}

/// Lets the reader stop the input thread from reading while another program has the
/// terminal (after Ctrl-Z), and start it again.
#[derive(Debug, Clone, Default)]
pub struct InputGate(Arc<(Mutex<Gate>, Condvar)>);

/// The gate's state.
#[derive(Debug, Default)]
struct Gate {
    /// Whether reading is stopped.
    paused: bool,
    /// How many threads wait at the gate (so a test can see one held there).
    waiting: usize,
}

impl InputGate {
    fn state(&self) -> std::sync::MutexGuard<'_, Gate> {
        self.0.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Stops reading after the read in progress.
    pub fn pause(&self) {
        self.state().paused = true;
    }

    /// Reads again.
    pub fn resume(&self) {
        self.state().paused = false;
        self.0.1.notify_all();
    }

    /// Waits while paused.
    fn wait_open(&self) {
        let open = &self.0.1;
        let mut gate = self.state();
        gate.waiting += 1;
        open.notify_all();
        while gate.paused {
            gate = open.wait(gate).unwrap_or_else(|e| e.into_inner());
        }
        gate.waiting -= 1;
    }
}

/// Makes crossterm watch for resizes (SIGWINCH) now. It starts watching only when its
/// event reader is first used, which would be the input thread's first read, after the
/// first frame: a resize before that was never seen, and the reader drew at the old
/// size until the next one. Called before the terminal's size is first measured, so a
/// resize is either in that measure or sent as an event. A poll that waits for nothing
/// sets the reader up and takes no input away (whatever it reads stays queued for the
/// input thread); its error is left for that thread's first read to report, as it would
/// be without this.
pub fn watch_resizes() {
    let _ = crossterm::event::poll(std::time::Duration::ZERO);
}

/// Starts the thread that reads the terminal. A read blocks until there is input; one
/// that fails means the terminal is gone, and is the thread's last event.
pub fn spawn_input(tx: Sender<Event>, gate: InputGate) -> std::io::Result<()> {
    std::thread::Builder::new()
        .name("input".into())
        .spawn(move || {
            let _ends_the_reader = HangUpOnPanic(tx.clone());
            loop {
                gate.wait_open();
                let event = match crossterm::event::read() {
                    Ok(ev) => Event::Input(ev),
                    Err(_) => Event::HungUp,
                };
                let last = matches!(event, Event::HungUp);
                if tx.send(event).is_err() || last {
                    return;
                }
            }
        })?;
    Ok(())
}

/// Ends the reader as if the terminal were gone when the input thread dies of a
/// panic: the terminal's hook keeps quiet for every thread but the reader's, and a
/// reader with no input thread would wait for keys forever. Ending through the loop
/// gives the terminal back and keeps the journal, as a hang-up does.
struct HangUpOnPanic(Sender<Event>);

impl Drop for HangUpOnPanic {
    fn drop(&mut self) {
        if std::thread::panicking() {
            let _ = self.0.send(Event::HungUp);
        }
    }
}

/// Sends [`Event::WorkerGone`] when dropped before the worker finished, which is how a
/// panic on the worker reaches the reader (with the panic's report, which the
/// terminal's hook kept for it). A worker for an article of a corpus sends everything
/// under that article's ticket.
pub struct WorkerGuard {
    tx: Sender<Event>,
    done: bool,
    ticket: Option<u64>,
    work: Work,
}

impl WorkerGuard {
    /// A guard for the worker doing `work`, which sends on `tx`.
    pub fn new(tx: Sender<Event>, work: Work) -> WorkerGuard {
        WorkerGuard {
            tx,
            done: false,
            ticket: None,
            work,
        }
    }

    /// A guard for the worker opening the corpus's article under `ticket`.
    pub fn for_article(tx: Sender<Event>, ticket: u64) -> WorkerGuard {
        let mut guard = WorkerGuard::new(tx, Work::Opening);
        guard.ticket = Some(ticket);
        guard
    }

    /// Sends an event; `false` when the reader is gone.
    pub fn send(&self, event: Event) -> bool {
        let event = match self.ticket {
            Some(t) => Event::ForArticle(t, Box::new(event)),
            None => event,
        };
        self.tx.send(event).is_ok()
    }

    /// The worker is done: the store was sent, or the reader no longer listens.
    pub fn finish(mut self) {
        self.done = true;
    }
}

impl Drop for WorkerGuard {
    fn drop(&mut self) {
        if !self.done {
            let why = crate::tui::terminal::take_worker_panic();
            let work = self.work.clone();
            self.send(Event::WorkerGone(Gone { work, why }));
        }
    }
}

impl std::fmt::Debug for WorkerGuard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WorkerGuard")
            .field("done", &self.done)
            .field("ticket", &self.ticket)
            .field("work", &self.work)
            .finish()
    }
}

#[cfg(test)]
#[path = "events_tests.rs"]
mod tests;
