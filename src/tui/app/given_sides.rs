//! Sides given in the config or by `--parties FILE` for a story whose store already
//! has its own: the reader offers to apply them, and applying them re-derives the
//! sides of the detector's untouched suggestions, as one undo step.

use super::{App, Tone};
use crate::article::sanitize_inline;
use crate::model::{Annotations, Id, Origin, Party, Status};
use crate::store::edit::{Edit, SideList};
use crate::tui::popup::{Ask, Popup};
use crate::tui::strings;
use std::collections::HashMap;

impl App {
    /// Once the store is open: when sides were given and the store file has others,
    /// asks whether to apply them or keep the store's.
    pub(super) fn offer_given_sides(&mut self) {
        let Some(store) = &self.store else { return };
        let given = &self.config.parties;
        let theirs = &store.annotations().parties;
        if given.is_empty()
            || !store.exists_on_disk()
            || store.read_only().is_some()
            || theirs == given
        {
            return;
        }
        let options = vec![
            (
                'a',
                format!("apply them: {} (suggestions re-derived)", names(given)),
            ),
            ('k', format!("keep the store's: {}", names(theirs))),
        ];
        self.open_popup(Popup::Choice {
            title: "The sides given (config or --parties) differ from the store's".into(),
            options,
            ask: Ask::ApplyParties,
            default: None,
        });
    }

    /// The answer to [`App::offer_given_sides`]: `a` applies the given sides.
    pub(super) fn answer_given_sides(&mut self, c: char) {
        if c != 'a' {
            return self.say(strings::KEPT_STORE_SIDES, Tone::Info);
        }
        let parties = self.config.parties.clone();
        let found = crate::detect::detect(&self.article, Some(&parties));
        let (sides, speaker_sides) = rederived(self.ann(), &found);
        let edit = Edit::SetParties {
            parties,
            sides,
            speaker_sides,
        };
        if let Some(o) = self.apply(edit) {
            self.say(
                strings::done(
                    &format!("applied the sides given ({} changes)", o.changes),
                    &self.keymap,
                ),
                Tone::Info,
            );
        }
    }
}

/// The sides the detector, run with the new sides (`found`), gives the store's own
/// suggestions that are untouched (auto and still suggested, matched by their span)
/// and its own speakers (auto, matched by id). What it does not find again keeps
/// its side, unless that side goes.
fn rederived(a: &Annotations, found: &Annotations) -> (SideList, SideList) {
    let untouched =
        |origin: Origin, status: Status| origin == Origin::Auto && status == Status::Suggested;
    let quote_sides: HashMap<(usize, usize), Option<Id>> = found
        .quotes
        .iter()
        .map(|q| ((q.start, q.end), q.party.clone()))
        .collect();
    let position_sides: HashMap<(usize, usize), Option<Id>> = found
        .positions
        .iter()
        .map(|p| ((p.start, p.end), p.party.clone()))
        .collect();
    let quotes = a
        .quotes
        .iter()
        .filter(|q| untouched(q.origin, q.status))
        .filter_map(|q| Some((q.id.clone(), quote_sides.get(&(q.start, q.end))?.clone())));
    let positions = a
        .positions
        .iter()
        .filter(|p| untouched(p.origin, p.status))
        .filter_map(|p| Some((p.id.clone(), position_sides.get(&(p.start, p.end))?.clone())));
    let sides = quotes.chain(positions).collect();
    let speaker_sides = a
        .speakers
        .iter()
        .filter(|s| s.origin == Origin::Auto)
        .filter_map(|s| Some((s.id.clone(), found.speaker(&s.id)?.party.clone())))
        .collect();
    (sides, speaker_sides)
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
