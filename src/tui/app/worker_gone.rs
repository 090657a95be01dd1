//! What the reader does when a background thread ends before it finished (a bug: it
//! panicked). Its guard says what it was doing, with the panic's report when the
//! terminal's hook kept one; the reader says what failed and what is left, and goes
//! on: nothing a failed thread was doing reaches the store or the user's edits.

use super::loading::Loading;
use super::{App, Tone};
use crate::keys::Command;
use crate::tui::detection::Load;
use crate::tui::events::{Gone, Work};
use crate::tui::strings;

impl App {
    /// A background thread ended before it finished, with its panic's report when kept.
    /// The opening's: read on without annotations (or, when the article never came,
    /// say so in its place). A detection's or a search's: nothing of it reached the
    /// store, so the annotations and edits stay as they were; the status bar stops
    /// saying it runs and says it failed, and why. The corpus count's: the rows it had
    /// not read show their counts as unavailable. The signal watcher's: it watches on,
    /// or, once it gave up, the user is told to end the reader with a key.
    pub(super) fn worker_gone(&mut self, gone: Gone) {
        let why = gone.why.as_deref();
        match gone.work {
            Work::Opening if self.loading.article_here() => {
                self.loading = Loading::Without;
                let text = strings::worker_failed(strings::WORKER_GONE, why, strings::READING_ONLY);
                self.say(text, Tone::Warning);
            }
            Work::Opening => {
                let text =
                    strings::worker_failed(strings::ARTICLE_GONE, why, strings::NOTHING_TO_SHOW);
                self.article_failed(&text);
            }
            Work::Detection(load) => self.detection_gone(&load, why),
            Work::Search(ticket) => {
                if self
                    .corpus
                    .as_mut()
                    .is_some_and(|c| c.search_failed(ticket))
                {
                    let text = strings::worker_failed(
                        strings::SEARCH_FAILED,
                        why,
                        strings::MATCHES_SO_FAR,
                    );
                    self.say(text, Tone::Warning);
                }
            }
            Work::Counting => {
                if let Some(corpus) = self.corpus.as_mut() {
                    corpus.counting_failed = true;
                }
                let text = strings::worker_failed(
                    strings::COUNTING_FAILED,
                    why,
                    strings::COUNTS_SHOWN_UNAVAILABLE,
                );
                self.say(text, Tone::Warning);
            }
            Work::Signals { again } => {
                let left = if again {
                    strings::SIGNALS_WATCHED_AGAIN.to_string()
                } else {
                    let save = self.keymap.hint(Command::Save);
                    strings::signals_lost(&save, &self.keymap.hint(Command::Quit))
                };
                let text = strings::worker_failed(strings::SIGNALS_FAILED, why, &left);
                self.say(text, Tone::Warning);
            }
        }
    }

    /// A detection's worker ended unfinished. For this load of the article the status
    /// bar says so; for one the reader has left (`:n`, the file read again) the
    /// failure goes to the messages under that article's name, and the article shown
    /// is not touched.
    fn detection_gone(&mut self, load: &Load, why: Option<&str>) {
        if load.id != self.load {
            let failed = strings::detection_failed_for(&load.article);
            let text = strings::worker_failed(&failed, why, strings::ANNOTATIONS_UNCHANGED);
            return self.log_only(text, Tone::Warning);
        }
        self.reading_file_again = false;
        let text = strings::worker_failed(
            strings::DETECTION_FAILED,
            why,
            strings::ANNOTATIONS_UNCHANGED,
        );
        self.say(text, Tone::Warning);
    }
}
