//! An article's opening as the reader leaves it to a worker: the rest of the article to
//! read (all of it, for a page or Markdown file whose text is made from its markup),
//! then its store to open. The app queues the job and starts it through its workers
//! (`app::workers`), for the article the reader was started on as for one opened from
//! a corpus's list.

use crate::article::{Article, Rest};
use crate::store::OpenOptions;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// What a worker finishes of an article's opening.
#[derive(Debug)]
pub struct OpenJob {
    /// Which opening of a corpus's article this is (everything the worker sends
    /// carries it, and the reader takes it only while that article is open); none for
    /// the article the reader was started on.
    pub ticket: Option<u64>,
    /// The article as far as it is read (no text at all when it is still to come).
    pub article: Arc<Article>,
    /// The rest of the file, when only its start is read.
    pub rest: Option<Rest>,
    /// How to open its store.
    pub options: OpenOptions,
    /// Where reading places are kept, for the worker to look up the place of an
    /// article it made whole (none: the reader knows where to show it from).
    pub places: Option<PathBuf>,
    /// The latest opening's ticket, shared with the reader.
    latest: Option<Arc<AtomicU64>>,
}

impl OpenJob {
    /// The opening of an article: of the one the reader was started on, unless given
    /// a ticket ([`OpenJob::under`]).
    pub fn new(
        article: Arc<Article>,
        rest: Option<Rest>,
        options: OpenOptions,
        places: Option<PathBuf>,
    ) -> OpenJob {
        OpenJob {
            ticket: None,
            article,
            rest,
            options,
            places,
            latest: None,
        }
    }

    /// The same, as the opening of a corpus's article under `ticket`, wanted while
    /// `latest` holds that ticket.
    pub fn under(self, ticket: u64, latest: Arc<AtomicU64>) -> OpenJob {
        OpenJob {
            ticket: Some(ticket),
            latest: Some(latest),
            ..self
        }
    }

    /// Whether the reader still wants this opening (no other article was opened since),
    /// for the worker to ask.
    pub fn wanted(&self) -> impl Fn() -> bool + Send + 'static {
        let (latest, ticket) = (self.latest.clone(), self.ticket);
        move || {
            latest
                .as_ref()
                .zip(ticket)
                .is_none_or(|(latest, ticket)| latest.load(Ordering::SeqCst) == ticket)
        }
    }
}
