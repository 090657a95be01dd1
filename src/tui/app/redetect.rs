//! Running the detector again from inside the reader: after an edit of the sides in
//! the sides editor (the untouched suggestions' sides re-derived, in the same undo
//! step) and for `:detect` (a fresh detection merged into the store). An article up
//! to [`DETECT_ON_THE_SPOT`] is detected at once; a larger one on a worker: the app
//! queues a [`DetectJob`], the event loop runs it off the reader's thread, and its
//! [`Detected`] comes back as an action. `:detect` first looks at the article's file:
//! one that changed is opened again in place of the one shown, and one too large to
//! read at once is read by the worker before it detects.

use super::{App, Tone};
use crate::article::{Article, Opening, Rest, Source};
use crate::model::{Annotations, Party};
use crate::store::edit::Edit;
use crate::store::suggest::rederived;
use crate::store::{OpenOptions, Outcome, Suggest};
use crate::tui::action::Action;
use crate::tui::detection::{DetectJob, Detected, Load, Purpose, ReadFirst};
use crate::tui::opening::OpenJob;
use crate::tui::strings;
use std::sync::Arc;

/// The article's file as `:detect` finds it.
enum FileNow {
    /// Its text is the one shown (or it is not a file, or cannot be read now).
    Same,
    /// Its text changed: the article as it is now.
    Changed(Arc<Article>),
    /// Too large to read here: the file opened, for a worker to read.
    ToRead(Rest),
}

/// Articles up to this size are detected on the reader's thread (the bundled article
/// takes about 3 ms, and this size about 25 ms); larger ones on a worker.
pub const DETECT_ON_THE_SPOT: usize = 256 * 1024;

impl App {
    /// Applies an edit of the sides and re-derives the sides of the untouched
    /// suggestions with the sides as they are then, as one undo step. Returns the
    /// edit's outcome and how many suggestions changed side (`None`: the article is
    /// large and the re-derivation comes later, joined to the same step).
    pub(super) fn edit_sides(
        &mut self,
        label: &str,
        edit: Edit,
    ) -> Option<(Outcome, Option<usize>)> {
        if self.article.text.len() > DETECT_ON_THE_SPOT {
            let outcome = self.apply(edit)?;
            if outcome.changes > 0 {
                let step = self.loading.store().map_or(0, |s| s.state());
                self.queue(Purpose::Rederive { step });
            }
            return Some((outcome, None));
        }
        let mut result = None;
        self.transaction(label, |app| {
            let Some(outcome) = app.apply(edit) else {
                return;
            };
            let found = (outcome.changes > 0).then(|| app.detect_now()).flatten();
            let changed = found.map_or(0, |found| app.rederive(&found, None));
            result = Some((outcome, Some(changed)));
        });
        result
    }

    /// Gives the untouched suggestions the sides the detector gives them now
    /// (`found`), joined to step `join` when given; returns how many changed side.
    fn rederive(&mut self, found: &Annotations, join: Option<u64>) -> usize {
        // the same sides: only what has them changes
        let parties = self.ann().parties.clone();
        let crate::store::suggest::Rederived { edit, changed } =
            rederived(self.ann(), parties, found);
        let applied = match (join, self.loading.store_mut()) {
            (Some(step), Some(store)) => match store.apply_joined(step, edit) {
                Ok(_) => {
                    let before = self.selected_id();
                    self.refresh(None, before);
                    true
                }
                Err(e) => {
                    self.say(e.to_string(), Tone::Warning);
                    false
                }
            },
            _ => self.apply(edit).is_some(),
        };
        if applied { changed } else { 0 }
    }

    /// `:detect`: runs the detector on the article as it is now, with the sides as
    /// they are now, and merges what it finds (see [`redetect`]). An article whose
    /// file changed is opened again instead ([`App::read_again`]); a file too large to
    /// read here is read on the worker, which then detects or sends the changed article.
    pub(super) fn redetect(&mut self) {
        if self.loading.store().is_none() {
            return self.say(strings::STILL_LOADING, Tone::Info);
        }
        if let Some(why) = self.loading.store().and_then(|s| s.read_only()) {
            let why = why.to_string();
            return self.say(why, Tone::Warning);
        }
        match self.file_now() {
            FileNow::Changed(article) => return self.read_again(article),
            FileNow::ToRead(rest) => return self.queue_reading(rest),
            FileNow::Same => {}
        }
        if self.article.text.len() > DETECT_ON_THE_SPOT {
            self.queue(Purpose::Redetect);
            return self.say(strings::DETECTING, Tone::Info);
        }
        if let Some(found) = self.detect_now() {
            self.merge_detection(found);
        }
    }

    /// The article's file as it is now, read as opening it reads it: whole when that
    /// is quick, else only its start, the rest left to a worker. `Same` for an article
    /// that is not a file, one still being read, one unchanged, or a file that cannot
    /// be read now (the text shown is then detected again as it is).
    fn file_now(&self) -> FileNow {
        let Source::File(path) = &self.article.source else {
            return FileNow::Same;
        };
        if self.loading.rest_to_come() {
            return FileNow::Same;
        }
        let max = self.config.limits.max_article_bytes;
        match Article::load_head(Source::File(path.clone()), max) {
            Ok(Opening {
                rest: Some(rest), ..
            }) => FileNow::ToRead(rest),
            Ok(now) if now.article.text != self.article.text => {
                FileNow::Changed(Arc::new(now.article))
            }
            _ => FileNow::Same,
        }
    }

    /// Leaves the rest of the file to a worker, which detects the article when its text
    /// is unchanged and else sends the file's text back.
    fn queue_reading(&mut self, rest: Rest) {
        self.queue(Purpose::Redetect);
        let Some(job) = self.jobs.last_mut() else {
            return; // no detector: said
        };
        let max_bytes = self.config.limits.max_article_bytes;
        job.read_first = Some(ReadFirst { rest, max_bytes });
        self.reading_file_again = true;
        self.say(strings::READING_FILE_AGAIN, Tone::Info);
    }

    /// Opens the changed `article` in place of the one shown, its store opened again
    /// the same way: what a person touched is re-anchored (a fuzzy placement marked to
    /// check) and the new text gets suggestions, as on opening a changed article. The
    /// store of a large article opens on a worker, as an opening's does, the new text
    /// shown from the same place meanwhile. Unsaved edits are never dropped: with some,
    /// the reader asks for a save first.
    fn read_again(&mut self, article: Arc<Article>) {
        let Some(store) = self.loading.store() else {
            return;
        };
        if store.is_dirty() {
            let save = self.keymap.hint(crate::keys::Command::Save);
            return self.say(strings::article_changed_save_first(&save), Tone::Warning);
        }
        let options = store.options().clone();
        let (top, sidebar, filter, marks) = (
            self.top_offset(),
            self.sidebar,
            self.filter.clone(),
            std::mem::take(&mut self.marks),
        );
        let (log, corpus) = (std::mem::take(&mut self.log), self.corpus.take());
        // the old store (and its lock) goes with the old app, before the new one opens
        *self = self.fresh(Arc::clone(&article), self.theme.color);
        (self.log, self.corpus, self.sidebar, self.filter, self.marks) =
            (log, corpus, sidebar, filter, marks);
        self.read_again = true;
        if article.text.len() <= DETECT_ON_THE_SPOT {
            let store = crate::store::Store::open(&article, &options);
            self.update(Action::StoreReady(Box::new(store)));
        } else {
            let job = self.reopening(Arc::clone(&article), options);
            self.update(Action::Open(Box::new(job)));
        }
        self.scroll_to_offset(top.min(article.text.len()));
    }

    /// The opening of the store of the article read again, for a worker: in a corpus
    /// under a ticket of its own, so it never reaches another article opened meanwhile.
    fn reopening(&mut self, article: Arc<Article>, options: OpenOptions) -> OpenJob {
        match self.corpus.as_mut() {
            Some(corpus) => {
                let ticket = corpus.next_ticket();
                corpus.opening_job(ticket, article, None, false)
            }
            None => OpenJob::new(article, None, options, None),
        }
    }

    /// The detector the store was opened with; `None`, said in the status bar, when
    /// it was opened without one.
    fn suggest(&mut self) -> Option<Suggest> {
        let suggest = self.loading.store().and_then(|s| s.options().suggest);
        if suggest.is_none() {
            self.say(strings::NO_DETECTOR, Tone::Warning);
        }
        suggest
    }

    /// The detector's reading of the article and sides as they are now.
    fn detect_now(&mut self) -> Option<Annotations> {
        let suggest = self.suggest()?;
        Some(suggest(
            &self.article,
            Some(&self.ann().parties),
            &mut |_| {},
        ))
    }

    fn merge_detection(&mut self, found: Annotations) {
        if let Some(o) = self.apply(Edit::Redetect(Box::new(found))) {
            let tally = o.tally.unwrap_or_default();
            self.say(strings::redetected(&tally, &self.keymap), Tone::Info);
        }
    }

    fn queue(&mut self, purpose: Purpose) {
        let parties = self.ann().parties.clone();
        self.queue_detection(parties, purpose);
    }

    /// Asks the loop to detect the article with `parties` on a worker.
    pub(super) fn queue_detection(&mut self, parties: Vec<Party>, purpose: Purpose) {
        let Some(suggest) = self.suggest() else {
            return;
        };
        self.jobs.push(DetectJob {
            suggest,
            article: Arc::clone(&self.article),
            parties,
            purpose,
            read_first: None,
            load: Load {
                id: self.load,
                article: self.label.clone(),
            },
        });
    }

    /// The detections queued for a worker, taken (by `start_work`, or by a test).
    pub(crate) fn take_jobs(&mut self) -> Vec<DetectJob> {
        std::mem::take(&mut self.jobs)
    }

    /// A detection's result: applied when it was run on this article with the sides
    /// the store has now (a later edit of the sides queued another, so a stale one is
    /// dropped), or, for given sides, when nothing changed since they were to apply.
    /// One asked for on an article the reader has left is dropped unsaid: nothing of
    /// it belongs to the article shown.
    pub(super) fn take_detected(&mut self, done: Detected) {
        if done.job.load.id != self.load {
            return;
        }
        let Some(state) = self.loading.store().map(|s| s.state()) else {
            return;
        };
        let same_article = Arc::ptr_eq(&done.job.article, &self.article);
        if same_article && done.job.purpose == Purpose::Redetect {
            self.reading_file_again = false;
        }
        if let Some(now) = done.changed {
            // whatever the sides now: the new text is the article
            if same_article {
                self.read_again(now);
            }
            return;
        }
        let current = same_article
            && match done.job.purpose {
                Purpose::ApplyGiven { step } => step == state,
                _ => done.job.parties == self.ann().parties,
            };
        if !current {
            if matches!(done.job.purpose, Purpose::ApplyGiven { .. }) {
                self.say(strings::GIVEN_SIDES_STALE, Tone::Warning);
            }
            return;
        }
        match done.job.purpose {
            Purpose::ApplyGiven { .. } => self.apply_given_sides(done.job.parties, &done.found),
            Purpose::Rederive { step } => {
                let changed = self.rederive(&done.found, Some(step));
                let what = strings::rederived(Some(changed));
                self.say(strings::done(&what, &self.keymap), Tone::Info);
            }
            Purpose::Redetect => self.merge_detection(done.found),
        }
    }
}
