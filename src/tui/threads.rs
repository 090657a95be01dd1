//! The reader's background threads: opening an article and its store, detection,
//! corpus search and counting. Each runs at a lower priority and reports through the
//! one event channel, with a guard that says so if it panics.

use super::app::workers::Workers;
use super::events::{self, Event};
use super::{corpus, detection, opening, session};
use crate::article::{Article, Rest};
use crate::store::{OpenOptions, Store};
use std::sync::Arc;
use std::sync::mpsc;

/// Starts the worker: it reads the rest of the article (when there is a `rest`, from
/// the file already open; a page's or Markdown's text is made here), then opens the
/// store, and sends each through `guard` as it is ready. An article that came whole
/// from the worker has its reading place looked up in `places`, when given. Once
/// `wanted` says the reader has moved to another article, it stops and lets go of
/// what it opened.
fn spawn_worker(
    start: Arc<Article>,
    rest: Option<Rest>,
    max_bytes: u64,
    options: OpenOptions,
    places: Option<std::path::PathBuf>,
    guard: events::WorkerGuard,
    wanted: impl Fn() -> bool + Send + 'static,
) {
    std::thread::spawn(move || {
        background();
        let article = match rest {
            None => start,
            Some(rest) => {
                let (to_come, size) = (start.text.is_empty(), rest.size());
                drop(start);
                match rest.read(max_bytes) {
                    Ok(whole) => {
                        let whole = Arc::new(whole);
                        if !guard.send(Event::ArticleReady(Arc::clone(&whole))) {
                            return guard.finish();
                        }
                        let key = session::fingerprint(&whole.text, size);
                        if let Some(place) = places.and_then(|p| session::load(&p, &key)) {
                            guard.send(Event::Resume(place));
                        }
                        whole
                    }
                    Err(e) => {
                        let what = if to_come {
                            "article"
                        } else {
                            "rest of the article"
                        };
                        guard.send(Event::ArticleFailed(format!("cannot read the {what}: {e}")));
                        return guard.finish();
                    }
                }
            }
        };
        let mut progress = |bytes: usize| {
            guard.send(Event::Progress(bytes));
        };
        // One store opens at a time, so an article left and opened again quickly is not
        // found locked by its own earlier opening; a store no longer wanted is let go
        // (and its lock with it) before the next opens.
        let one_at_a_time = OPENING_STORE.lock().unwrap_or_else(|e| e.into_inner());
        if wanted() {
            let store = Store::open_with_progress(&article, &options, &mut progress);
            if wanted() {
                guard.send(Event::StoreReady(Box::new(store)));
            }
        }
        drop(one_at_a_time);
        guard.finish();
    });
}

/// Held by a worker while it opens a store.
static OPENING_STORE: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Finishes an article's opening on a worker: what it sends for an article of the
/// corpus carries the opening's ticket.
pub(super) fn spawn_opening(job: opening::OpenJob, max_bytes: u64, tx: mpsc::Sender<Event>) {
    let guard = match job.ticket {
        Some(ticket) => events::WorkerGuard::for_article(tx, ticket),
        None => events::WorkerGuard::new(tx, events::Work::Opening),
    };
    let wanted = job.wanted();
    let places = job.places;
    spawn_worker(
        job.article,
        job.rest,
        max_bytes,
        job.options,
        places,
        guard,
        wanted,
    );
}

/// The worker's niceness: background work gives way to the reader's own thread, the
/// terminal and whatever else the user is doing, and takes the cores they leave idle.
const WORKER_NICE: i32 = 10;

/// Lowers the calling thread's priority. On Linux niceness belongs to the thread, so the
/// reader's thread keeps its own; elsewhere the call may lower the whole process, which
/// is harmless. A refusal is ignored: the work is the same at any priority.
fn background() {
    let _ = rustix::process::nice(WORKER_NICE);
}

/// The reader's background threads, as the app starts them.
pub(super) struct Threads {
    pub(super) tx: mpsc::Sender<Event>,
    pub(super) max_bytes: u64,
}

impl Workers for Threads {
    fn detect(&self, job: detection::DetectJob) {
        spawn_detection(job, self.tx.clone());
    }
    fn open(&self, job: opening::OpenJob) {
        spawn_opening(job, self.max_bytes, self.tx.clone());
    }
    fn search(&self, job: corpus::search::SearchJob) {
        spawn_search(job, self.tx.clone());
    }
}

/// Runs a detection the app asked for on a thread of its own, at the worker's
/// priority, and sends its result back (or, if it panics, that it failed).
pub(super) fn spawn_detection(job: detection::DetectJob, tx: mpsc::Sender<Event>) {
    let guard = events::WorkerGuard::new(tx, events::Work::Detection(job.load.clone()));
    std::thread::spawn(move || {
        background();
        guard.send(Event::Detected(Box::new(job.run())));
        guard.finish();
    });
}

/// Runs a corpus search on a thread of its own, at the worker's priority, sending
/// what it finds in batches (or, if it panics, that it failed).
pub(super) fn spawn_search(job: corpus::search::SearchJob, tx: mpsc::Sender<Event>) {
    let guard = events::WorkerGuard::new(tx, events::Work::Search(job.ticket));
    std::thread::spawn(move || {
        background();
        job.run(|found| guard.send(Event::CorpusFound(found)));
        guard.finish();
    });
}

/// Reads the corpus list's titles and store counts on a thread of its own, at the
/// worker's priority (`count` reads one article), sending them in batches; a panic
/// there is reported by its guard, and the list shows the counts it never reached as
/// unavailable.
pub(super) fn spawn_counting(
    paths: Vec<std::path::PathBuf>,
    count: impl Fn(usize, &std::path::Path) -> corpus::Counted + Send + 'static,
    tx: mpsc::Sender<Event>,
) {
    let guard = events::WorkerGuard::new(tx, events::Work::Counting);
    std::thread::spawn(move || {
        background();
        corpus::count_all(&paths, count, |batch| {
            guard.send(Event::CorpusCounted(batch))
        });
        guard.finish();
    });
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    /// The niceness of the calling thread, from its `stat` line (the 19th field, counted
    /// after the command name in parentheses, which may hold spaces).
    fn thread_nice() -> i32 {
        let stat = std::fs::read_to_string("/proc/thread-self/stat").expect("stat");
        let after_name = &stat[stat.rfind(')').expect("name") + 2..];
        after_name
            .split(' ')
            .nth(16)
            .and_then(|n| n.parse().ok())
            .expect("nice field")
    }

    #[test]
    fn background_lowers_only_the_calling_thread() {
        let before = thread_nice();
        let worker = std::thread::spawn(|| {
            super::background();
            thread_nice()
        })
        .join()
        .expect("worker");
        // (a test run already niced past 19 - 10 ends at the ceiling of 19)
        assert_eq!(worker, (before + super::WORKER_NICE).min(19));
        assert_eq!(
            thread_nice(),
            before,
            "the calling thread keeps its priority"
        );
    }
}
