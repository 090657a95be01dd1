//! Sides given in the config or by `--parties FILE` for a story whose store already
//! has its own: the reader offers to apply them, and applying them re-derives the
//! sides of the detector's untouched suggestions (the store's
//! [`rederived`](crate::store::suggest::rederived)), as one undo step, once the worker
//! has run the store's detector with them.

use super::{App, Tone};
use crate::article::sanitize_inline;
use crate::model::{Annotations, Party};
use crate::store::suggest::rederived;
use crate::tui::detection::Purpose;
use crate::tui::popup::choice::Choice;
use crate::tui::questions::GIVEN_SIDES;
use crate::tui::reply::Ask;
use crate::tui::strings;

impl App {
    /// Once the store is open: when sides were given and the store file has others,
    /// asks whether to apply them or keep the store's.
    pub(super) fn offer_given_sides(&mut self) {
        let Some(store) = self.loading.store() else {
            return;
        };
        let given = &self.config.parties;
        let theirs = &store.annotations().parties;
        if given.is_empty()
            || !store.exists_on_disk()
            || store.read_only().is_some()
            || theirs == given
        {
            return;
        }
        let (given, theirs) = (names(given), names(theirs));
        let q = &GIVEN_SIDES;
        let popup = Choice::ask_with(q.title.into(), q, Ask::ApplyParties, |apply, words| {
            Some(format!("{words}: {}", if apply { &given } else { &theirs }))
        });
        self.open_popup(popup);
    }

    /// The answer to [`App::offer_given_sides`]: `a` applies the given sides once the
    /// detector, on the worker, has read the article with them.
    pub(super) fn answer_given_sides(&mut self, c: char) {
        if GIVEN_SIDES.meaning(c) != Some(true) {
            return self.say(strings::KEPT_STORE_SIDES, Tone::Info);
        }
        let parties = self.config.parties.clone();
        let step = self.loading.store().map_or(0, |s| s.state());
        self.say(strings::DETECTING, Tone::Info);
        self.queue_detection(parties, Purpose::ApplyGiven { step });
    }

    /// Replaces the sides with `parties`, the untouched suggestions taking the sides
    /// the detector gave them with those (`found`).
    pub(super) fn apply_given_sides(&mut self, parties: Vec<Party>, found: &Annotations) {
        let edit = rederived(self.ann(), parties, found).edit;
        if let Some(o) = self.apply(edit) {
            self.say(
                strings::done(
                    &format!(
                        "applied the sides given ({})",
                        strings::counted(o.changes, "change")
                    ),
                    &self.keymap,
                ),
                Tone::Info,
            );
        }
    }
}

/// The sides' names for a question, or "none".
fn names(parties: &[Party]) -> String {
    if parties.is_empty() {
        return "none".into();
    }
    parties
        .iter()
        .map(|p| sanitize_inline(&p.name))
        .collect::<Vec<_>>()
        .join(", ")
}
