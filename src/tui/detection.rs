//! A detection the reader asks of a worker after the store opened (re-deriving the
//! sides after an edit of them, `:detect`, the sides given), and its result: the app
//! queues a [`DetectJob`], the loop runs it off the reader's thread with the store's
//! own detector, and the [`Detected`] comes back as an action. `:detect` on an article
//! whose file is too large to read on the reader's thread first reads the file on the
//! worker ([`ReadFirst`]): when its text changed, it comes back instead of a detection.

use crate::article::{Article, Rest};
use crate::model::{Annotations, ArticleInfo, Party};
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
    /// The article's file, to read whole before detecting (`:detect`).
    pub read_first: Option<ReadFirst>,
    /// The load of the article it was asked for.
    pub load: Load,
}

/// Which article, and which load of it, a detection was asked for. Its result, or its
/// failure, may come after the reader has moved on (`:n`, the file read again): then
/// it belongs to the article it names, not to the one shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Load {
    /// The reader's load of the article (every opening has its own).
    pub id: u64,
    /// The article's name, as the status bar gives it.
    pub article: String,
}

/// The article's file as `:detect` found it: opened and its start read on the reader's
/// thread, the rest (and a page's text) left to the worker.
#[derive(Debug)]
pub struct ReadFirst {
    /// The open file and what was read of it.
    pub rest: Rest,
    /// The article size limit.
    pub max_bytes: u64,
}

/// A detection's result, with what it was run on and for.
#[derive(Debug)]
pub struct Detected {
    /// The job.
    pub job: DetectJob,
    /// What the detector found (nothing, when the file `changed`).
    pub found: Annotations,
    /// The file read again, when its text is no longer the article's: nothing is
    /// detected, and the reader opens it in place of the one shown.
    pub changed: Option<Arc<Article>>,
}

impl DetectJob {
    /// Reads the file first, when asked to, then runs the detector unless the file's
    /// text changed. A file that cannot be read now leaves the article as it is.
    pub fn run(mut self) -> Detected {
        let now = self
            .read_first
            .take()
            .and_then(|f| f.rest.read(f.max_bytes).ok());
        if let Some(now) = now.filter(|now| now.text != self.article.text) {
            return Detected {
                job: self,
                found: Annotations::new(ArticleInfo::default()),
                changed: Some(Arc::new(now)),
            };
        }
        let found = (self.suggest)(&self.article, Some(&self.parties), &mut |_| {});
        Detected {
            job: self,
            found,
            changed: None,
        }
    }
}
