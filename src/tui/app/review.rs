//! The review flow: stepping through the suggestions still to review, accepting or
//! rejecting and moving on in one key, accepting all like the selected one, and the
//! list filter (`F`) that narrows the sidebar and the steps.

use super::{App, Tone};
use crate::keys::Command;
use crate::model::{Id, Status};
use crate::store::SideMatch;
use crate::store::edit::{Edit, Filter};
use crate::tui::filter;
use crate::tui::highlight::Target;
use crate::tui::popup::choice::Choice;
use crate::tui::reply::{Ask, Pick};
use crate::tui::strings;
use std::collections::HashSet;

impl App {
    /// Whether the list shows item `i` (every item while no filter is set).
    pub fn is_listed(&self, i: usize) -> bool {
        self.listed
            .as_ref()
            .is_none_or(|l| l.binary_search(&i).is_ok())
    }

    /// How many items the list shows.
    pub fn list_len(&self) -> usize {
        self.listed.as_ref().map_or(self.hl.items.len(), Vec::len)
    }

    /// The item in place `k` of the list.
    pub fn list_item(&self, k: usize) -> Option<usize> {
        match &self.listed {
            None => (k < self.hl.items.len()).then_some(k),
            Some(l) => l.get(k).copied(),
        }
    }

    /// The place of item `i` in the list, when it is listed.
    pub fn list_place(&self, i: usize) -> Option<usize> {
        match &self.listed {
            None => (i < self.hl.items.len()).then_some(i),
            Some(l) => l.binary_search(&i).ok(),
        }
    }

    /// Works out which items the filter lets through (after the annotations or the
    /// filter changed).
    pub(super) fn relist(&mut self) {
        let mut filter = std::mem::take(&mut self.filter);
        filter.forget_missing(self.ann());
        self.filter = filter;
        self.listed = (!self.filter.is_empty()).then(|| {
            let ann = self.ann();
            (0..self.hl.items.len())
                .filter(|&i| self.filter.matches(ann, &self.hl.items[i]))
                .collect()
        });
    }

    /// `r` / `R`: the next (previous) suggestion still to review that the list shows,
    /// wrapping around the article. Returns whether there was one.
    pub(super) fn step_review(&mut self, forward: bool) -> bool {
        let to_review =
            |app: &App, i: usize| app.hl.items[i].status() == Status::Suggested && app.is_listed(i);
        if let Some(i) = self.find_item(forward, to_review) {
            self.select(i);
            return true;
        }
        let n = self.hl.items.len();
        let wrapped = if forward {
            (0..n).find(|&i| to_review(self, i))
        } else {
            (0..n).rev().find(|&i| to_review(self, i))
        };
        match wrapped {
            Some(i) => {
                self.select(i);
                self.say(strings::review_wrapped(forward), Tone::Info);
                true
            }
            None => {
                self.say(
                    strings::nothing_to_review(!self.filter.is_empty()),
                    Tone::Info,
                );
                false
            }
        }
    }

    /// `y` / `X`: accepts (rejects) the selected annotation and goes to the next one
    /// to review. With nothing selected, only goes to the next one.
    pub(super) fn review_and_next(&mut self, status: Status) {
        let Some(id) = self.selected_id() else {
            self.step_review(true);
            return;
        };
        let Some(outcome) = self.apply(Edit::SetStatus { id, status }) else {
            return;
        };
        self.message = None;
        self.step_review(true);
        // what was done, then what the selection is now (or that none is left)
        let then = match self.message.take() {
            Some((said, _)) => said,
            None => crate::tui::view::status::selection_text(self)
                .map_or_else(String::new, |s| format!("next: {s}")),
        };
        let said = if outcome.changes == 0 {
            strings::already_reviewed(status.as_str(), &then)
        } else {
            strings::reviewed(status.as_str(), &then, &self.keymap)
        };
        self.say(said, Tone::Info);
    }

    /// `A`: accepts every suggestion of the selected one's kind (a position, or a
    /// quote of its kind) shown with exactly its side (no side: only those with none);
    /// says how many, and lists them in the message log. One undo step.
    pub(super) fn accept_all(&mut self) {
        let Some(it) = self.selected.and_then(|s| self.hl.items.get(s)).cloned() else {
            return self.say(strings::SELECT_FIRST, Tone::Info);
        };
        let side = it.party().and_then(|p| self.ann().parties.get(p));
        let side_name = side.map(|p| crate::article::sanitize_inline(&p.name));
        let party = side.map_or(SideMatch::NoSide, |p| {
            SideMatch::Party(Id::from(p.id.as_str()))
        });
        let is_quote = matches!(it.target(), Target::Quote(_) | Target::OrphanQuote(_));
        let filter = Filter {
            quotes: is_quote,
            positions: !is_quote,
            kind: if is_quote { it.kind() } else { None },
            party,
        };
        let Some(o) = self.apply(Edit::SetStatusAll {
            filter,
            status: Status::Accepted,
        }) else {
            return;
        };
        let lines = self.accepted_lines(&o.changed);
        let text = strings::accepted_all(o.changes, it.kind(), side_name.as_deref(), &self.keymap);
        // the list goes in the log now, the message after it (as every message is)
        self.log_lines(lines);
        self.say(text, Tone::Info);
    }

    /// One line per annotation in `changed`, in article order, for the message log:
    /// its first words and its speaker. At most what the log keeps.
    fn accepted_lines(&self, changed: &[Id]) -> Vec<String> {
        let ids: HashSet<&str> = changed.iter().map(Id::as_str).collect();
        let a = self.ann();
        let speaker = |s: &Option<Id>| s.as_deref().and_then(|s| a.speaker(s)).map(|s| &*s.name);
        let mut found: Vec<(usize, &str, Option<&str>)> = a
            .quotes
            .iter()
            .chain(&a.orphan_quotes)
            .filter(|q| ids.contains(q.id.as_str()))
            .map(|q| (q.start, q.text.as_str(), speaker(&q.speaker)))
            .chain(
                a.positions
                    .iter()
                    .chain(&a.orphan_positions)
                    .filter(|p| ids.contains(p.id.as_str()))
                    .map(|p| (p.start, p.text.as_str(), speaker(&p.speaker))),
            )
            .collect();
        found.sort_by_key(|f| f.0);
        let keep = super::LOG_LEN / 2;
        let more = found.len().saturating_sub(keep);
        let mut lines: Vec<String> = found
            .into_iter()
            .take(keep)
            .map(|(_, text, who)| strings::accepted_line(text, who))
            .collect();
        if more > 0 {
            lines.push(strings::and_more(more));
        }
        lines
    }

    /// `F`: asks which facet to filter the list by (or to clear the filter).
    pub(super) fn ask_filter(&mut self) {
        let mut options: Vec<(char, String)> = filter::LETTERS
            .iter()
            .map(|(c, what)| (*c, what.to_string()))
            .collect();
        for (i, p) in self.ann().parties.iter().take(9).enumerate() {
            let digit = char::from(b'1' + i as u8);
            options.push((digit, crate::article::sanitize_inline(&p.name)));
        }
        for (c, what) in [filter::NO_SIDE, filter::SPEAKER, filter::CLEAR] {
            options.push((c, what.into()));
        }
        let now = self.filter.describe(self.ann());
        let title = if now.is_empty() {
            strings::LIST_FILTER_TITLE.to_string()
        } else {
            strings::filter_title_now(&now)
        };
        self.open_popup(Choice::of(title, options, Ask::Filter));
    }

    /// The answer to the filter's question.
    pub(super) fn answer_filter(&mut self, c: char) {
        if c == filter::SPEAKER.0 {
            return self.open_picker(Pick::Filter);
        }
        let parties = self.ann().parties.clone();
        if self.filter.choose(c, &parties) {
            self.filter_changed();
        }
    }

    /// The speaker picked for the filter.
    pub(super) fn filter_by_speaker(&mut self, speaker: Id) {
        self.filter.choose_speaker(speaker);
        self.filter_changed();
    }

    /// Relists, and says what the list shows now.
    fn filter_changed(&mut self) {
        self.relist();
        let text = if self.filter.is_empty() {
            strings::filter_cleared(&self.keymap)
        } else {
            strings::filter_set(
                &self.filter.describe(self.ann()),
                self.list_len(),
                &self.keymap,
            )
        };
        self.say(text, Tone::Info);
    }
}

/// Whether `c` is a command of the review flow, done by [`App::review_command`].
pub(super) fn is_review(c: Command) -> bool {
    matches!(
        c,
        Command::NextToReview
            | Command::PrevToReview
            | Command::AcceptNext
            | Command::RejectNext
            | Command::AcceptAll
            | Command::Filter
    )
}

impl App {
    /// A command of the review flow.
    pub(super) fn review_command(&mut self, c: Command) {
        match c {
            Command::NextToReview => {
                self.step_review(true);
            }
            Command::PrevToReview => {
                self.step_review(false);
            }
            Command::AcceptNext => self.review_and_next(Status::Accepted),
            Command::RejectNext => self.review_and_next(Status::Rejected),
            Command::AcceptAll => self.accept_all(),
            Command::Filter => self.ask_filter(),
            _ => {}
        }
    }
}
