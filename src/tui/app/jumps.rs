//! The habits of `less`: counts typed before a command (`5j`, `50%`, `120G`), going to
//! a row or a share of the article, and `''` back to where the last jump left.

use super::{App, Tone};
use crate::keys::KeyChord;
use crate::tui::keymap::{Bound, chord_of};
use crate::tui::strings;
use crossterm::event::KeyEvent;

impl App {
    /// The digit a key adds to a count, when it is one: a digit bound to nothing, or
    /// bound to `set_side` while no selected annotation is on screen (it would set
    /// that one's side) or while a count is being typed. A count never starts with 0.
    pub(super) fn count_digit(&self, bound: Option<Bound>, key: KeyEvent) -> Option<u8> {
        let chord: KeyChord = chord_of(key)?;
        let d = crate::keys::side_digit(&chord)?;
        if d == 0 && self.count.is_none() {
            return None;
        }
        let counting = self.count.is_some() || !self.selection_on_screen();
        match bound {
            None => Some(d),
            Some(Bound::Side(_)) if counting => Some(d),
            Some(_) => None,
        }
    }

    /// Runs a step `n` times, stopping early once it no longer moves the selection (so
    /// a count of a billion costs no more than the list is long).
    pub(super) fn repeat(&mut self, n: usize, mut step: impl FnMut(&mut App)) {
        for _ in 0..n {
            let (selected, top) = (self.selected, self.top);
            step(self);
            if self.selected == selected && self.top == top {
                break;
            }
        }
    }

    /// `n` / `N` with a count: the count-th match on.
    pub(super) fn repeat_search(&mut self, n: usize, forward: bool) {
        let n = n.min(self.search.matches.len().max(1));
        for _ in 0..n {
            self.search_step(forward);
        }
    }

    /// `NG`, `Ng`: row `row` (counted from 1, as the status bar counts) at the top.
    pub(super) fn go_to_row(&mut self, row: usize) {
        let row = row.max(1) - 1;
        let h = self.viewport();
        self.layout
            .ensure_rows(&self.article.text, row.saturating_add(h));
        self.top = row.min(self.max_top());
    }

    /// `N%`: the row `percent` of the way into the article at the top.
    pub(super) fn go_to_percent(&mut self, percent: usize) {
        let len = self.article.text.len();
        let offset = (len as u128 * percent.min(100) as u128 / 100) as usize;
        self.scroll_to_offset(offset);
    }

    /// The byte offset at the start of row `row` (0 past the rows wrapped).
    pub(super) fn row_start(&self, row: usize) -> usize {
        self.layout.rows().get(row).map_or(0, |r| r.start())
    }

    /// `''`: back to where the last jump left, which becomes the place to come back to.
    pub(super) fn jump_back(&mut self) {
        let Some(to) = self.last_jump else {
            return self.say(strings::NO_JUMP_YET, Tone::Info);
        };
        self.last_jump = Some(self.top_offset());
        self.scroll_to_offset(to);
    }
}
