//! The overlays' own keys (the key list and the sides view) and the sides view's
//! columns.

use super::{App, Overlay};
use crate::keys::Command;
use crate::model::{QuoteKind, Status};

impl App {
    pub(super) fn toggle_overlay(&mut self, o: Overlay) {
        let same = std::mem::discriminant(&self.overlay) == std::mem::discriminant(&o);
        self.overlay = if same { Overlay::None } else { o };
        if let Overlay::Sides(_) = self.overlay {
            let at = self
                .selected
                .and_then(|s| self.sides_entries().iter().position(|e| *e == s))
                .unwrap_or(0);
            self.overlay = Overlay::Sides(at);
        }
    }

    pub(super) fn help_command(&mut self, c: Command, scroll: usize) {
        let page = self.viewport();
        let scroll = match c {
            Command::ScrollDown => scroll + 1,
            Command::ScrollUp => scroll.saturating_sub(1),
            Command::PageDown | Command::HalfPageDown => scroll + page / 2,
            Command::PageUp | Command::HalfPageUp => scroll.saturating_sub(page / 2),
            Command::Top => 0,
            Command::Bottom => usize::MAX / 2,
            Command::ToggleHelp | Command::Quit | Command::Cancel => {
                self.overlay = Overlay::None;
                return;
            }
            _ => scroll,
        };
        self.overlay = Overlay::Help(scroll.min(crate::keys::Command::ALL.len()));
    }

    /// Handles a command in the sides view; false lets the normal handling run.
    pub(super) fn sides_command(&mut self, c: Command, cursor: usize) -> bool {
        let entries = self.sides_entries();
        let n = entries.len();
        let columns = self.sides_columns();
        let next = match c {
            Command::ScrollDown => (cursor + 1).min(n.saturating_sub(1)),
            Command::ScrollUp => cursor.saturating_sub(1),
            Command::Top => 0,
            Command::Bottom => n.saturating_sub(1),
            Command::NextAnnotation | Command::PrevAnnotation => {
                // jump to the first entry of the next (previous) column
                let starts: Vec<usize> = columns
                    .iter()
                    .scan(0, |acc, col| {
                        let s = *acc;
                        *acc += col.len();
                        Some(s)
                    })
                    .filter(|s| *s < n)
                    .collect();
                let here = starts.iter().rposition(|s| *s <= cursor).unwrap_or(0);
                let to = if c == Command::NextAnnotation {
                    (here + 1) % starts.len().max(1)
                } else {
                    (here + starts.len().max(1) - 1) % starts.len().max(1)
                };
                starts.get(to).copied().unwrap_or(0)
            }
            Command::Activate => {
                if let Some(&item) = entries.get(cursor) {
                    self.overlay = Overlay::None;
                    self.select(item);
                }
                return true;
            }
            Command::ToggleSides | Command::Quit | Command::Cancel => {
                self.overlay = Overlay::None;
                return true;
            }
            _ => return false,
        };
        self.overlay = Overlay::Sides(next);
        true
    }

    /// The sides view's columns: one per party, then the unassigned, each a list of
    /// item indices (quotes and positions, not terms nor rejected ones).
    pub fn sides_columns(&self) -> Vec<Vec<usize>> {
        let mut cols = vec![Vec::new(); self.ann().parties.len() + 1];
        for (i, it) in self.hl.items.iter().enumerate() {
            if it.kind() == Some(QuoteKind::Term) || it.status() == Status::Rejected {
                continue;
            }
            let col = it.party().unwrap_or(self.ann().parties.len());
            cols[col.min(self.ann().parties.len())].push(i);
        }
        cols
    }

    /// The sides view's entries in cursor order (column by column).
    pub fn sides_entries(&self) -> Vec<usize> {
        self.sides_columns().into_iter().flatten().collect()
    }
}
