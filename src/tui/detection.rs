//! A detection the reader asks of a worker after the store opened (re-deriving the
//! sides after an edit of them, `:detect`, the sides given), and its result: the app
//! queues a [`DetectJob`], the loop runs it off the reader's thread with the store's
//! own detector, and the [`Detected`] comes back as an action.

use crate::article::Article;
use crate::model::{Annotations, Party};
use crate::store::Suggest;
use std::sync::Arc;

/// What a detection is run for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Re-deriving the sides after an edit of the sides that led to state `step`.
    Rederive {
        /// The store's state after the edit of the sides.
        step: u64,
    },
    /// `:detect`: merging a fresh detection into the store.
    Redetect,
    /// Applying the sides of the config or `--parties` when the store was in state
    /// `step`.
    ApplyGiven {
        /// The store's state when they were to be applied.
        step: u64,
    },
}

/// A detection for the loop to run on a worker thread.
#[derive(Debug)]
pub struct DetectJob {
    /// The detector the store was opened with, the one that made its suggestions.
    pub suggest: Suggest,
    /// The article as it is now.
    pub article: Arc<Article>,
    /// The sides as they are now.
    pub parties: Vec<Party>,
    /// What the result is for.
    pub purpose: Purpose,
}

/// A detection's result, with what it was run on and for.
#[derive(Debug)]
pub struct Detected {
    /// The job.
    pub job: DetectJob,
    /// What the detector found.
    pub found: Annotations,
}

impl DetectJob {
    /// Runs the detector.
    pub fn run(self) -> Detected {
        let found = (self.suggest)(&self.article, Some(&self.parties), &mut |_| {});
        Detected { job: self, found }
    }
}
