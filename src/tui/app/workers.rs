//! The threads the reader's background work runs on. The loop hands the app its
//! [`Workers`] once, as an action (`Action::Workers`); from then on each detection,
//! corpus opening and corpus search the app asks for starts as soon as `update` has
//! applied the action that asked for it, so the loop never reaches into the app.
//! (The opening of the article the reader starts on is queued the same way.)
//! Until then (and in tests, which hand none over) the work waits in the app's
//! queues, where a test takes it and runs it itself.

use super::App;
use crate::tui::corpus::search::SearchJob;
use crate::tui::detection::DetectJob;
use crate::tui::opening::OpenJob;
use std::fmt;

/// Starts work on threads of its own; each result comes back as an event.
pub trait Workers {
    /// Runs a detection of the article on the sides the store has.
    fn detect(&self, job: DetectJob);
    /// Finishes opening an article: reads the rest of it, opens its store.
    fn open(&self, job: OpenJob);
    /// Runs a search across the corpus.
    fn search(&self, job: SearchJob);
}

/// The workers as an action carries them.
pub struct Handle(pub Box<dyn Workers>);

impl fmt::Debug for Handle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Workers")
    }
}

impl App {
    /// Starts whatever the last action queued, once the loop has handed over workers.
    pub(super) fn start_work(&mut self) {
        let Some(workers) = self.workers.take() else {
            return;
        };
        for job in self.take_jobs() {
            workers.0.detect(job);
        }
        if let Some(job) = self.take_opening() {
            workers.0.open(job);
        }
        if let Some(job) = self.take_search() {
            workers.0.search(job);
        }
        self.workers = Some(workers);
    }

    /// The opening queued for a worker, taken (by `start_work`, or by a test).
    pub(crate) fn take_opening(&mut self) -> Option<OpenJob> {
        self.opening.take()
    }
}
