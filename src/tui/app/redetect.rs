//! Running the detector again from inside the reader: after an edit of the sides in
//! the sides editor (the untouched suggestions' sides re-derived, in the same undo
//! step) and for `:detect` (a fresh detection merged into the store). An article up
//! to [`DETECT_ON_THE_SPOT`] is detected at once; a larger one on a worker: the app
//! queues a [`DetectJob`], the event loop runs it off the reader's thread, and its
//! [`Detected`] comes back as an action.

use super::{App, Tone};
use crate::article::Article;
use crate::model::{Annotations, Party};
use crate::store::edit::Edit;
use crate::store::suggest::rederived;
use crate::store::{Outcome, Suggest};
use crate::tui::detection::{DetectJob, Detected, Purpose};
use crate::tui::strings;
use std::sync::Arc;

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
    /// they are now, and merges what it finds (see [`redetect`]).
    pub(super) fn redetect(&mut self) {
        if self.loading.store().is_none() {
            return self.say(strings::STILL_LOADING, Tone::Info);
        }
        if let Some(why) = self.loading.store().and_then(|s| s.read_only()) {
            let why = why.to_string();
            return self.say(why, Tone::Warning);
        }
        if let Some(article) = self.article_changed_on_disk() {
            return self.read_again(article);
        }
        if self.article.text.len() > DETECT_ON_THE_SPOT {
            self.queue(Purpose::Redetect);
            return self.say(strings::DETECTING, Tone::Info);
        }
        if let Some(found) = self.detect_now() {
            self.merge_detection(found);
        }
    }

    /// The article's file read again, when its text is no longer the text shown (an
    /// editor changed it while the reader was open). `None` for an article that is not
    /// a file, one still being read, one unchanged, or a file that cannot be read now
    /// (the text shown is then detected again as it is).
    fn article_changed_on_disk(&self) -> Option<Article> {
        let crate::article::Source::File(path) = &self.article.source else {
            return None;
        };
        if self.loading.rest_to_come() {
            return None;
        }
        let max = self.config.limits.max_article_bytes;
        let now = Article::load(crate::article::Source::File(path.clone()), max).ok()?;
        (now.text != self.article.text).then_some(now)
    }

    /// Opens the changed `article` in place of the one shown, its store opened again
    /// the same way: what a person touched is re-anchored (a fuzzy placement marked to
    /// check) and the new text gets suggestions, as on opening a changed article.
    /// Unsaved edits are never dropped: with some, the reader asks for a save first.
    fn read_again(&mut self, article: Article) {
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
        let article = Arc::new(article);
        // the old store (and its lock) goes with the old app, before the new one opens
        *self = self.fresh(Arc::clone(&article), self.theme.color);
        (self.log, self.corpus, self.sidebar, self.filter, self.marks) =
            (log, corpus, sidebar, filter, marks);
        self.read_again = true;
        let store = crate::store::Store::open(&article, &options);
        self.update(crate::tui::action::Action::StoreReady(Box::new(store)));
        self.scroll_to_offset(top.min(article.text.len()));
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
        });
    }

    /// The detections queued for a worker, taken (by `start_work`, or by a test).
    pub(crate) fn take_jobs(&mut self) -> Vec<DetectJob> {
        std::mem::take(&mut self.jobs)
    }

    /// A detection's result: applied when it was run on this article with the sides
    /// the store has now (a later edit of the sides queued another, so a stale one is
    /// dropped), or, for given sides, when nothing changed since they were to apply.
    pub(super) fn take_detected(&mut self, done: Detected) {
        let Some(state) = self.loading.store().map(|s| s.state()) else {
            return;
        };
        let current = Arc::ptr_eq(&done.job.article, &self.article)
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
