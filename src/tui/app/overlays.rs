//! The overlays' own keys (the key list and the sides view) and the sides view's
//! columns.

use super::App;
use crate::keys::Command;
use crate::model::{QuoteKind, Status};
use crate::tui::app::mode::{Layer, Overlay};

impl App {
    /// Opens an overlay, or closes it when it is the one on top; another overlay on
    /// top gives way to it.
    pub(super) fn toggle_overlay(&mut self, o: Overlay) {
        if let Some(open) = self.mode.overlay() {
            self.mode.pop();
            if std::mem::discriminant(&open) == std::mem::discriminant(&o) {
                return;
            }
        }
        let o = match o {
            Overlay::Sides(_) => Overlay::Sides(
                self.selected
                    .and_then(|s| self.sides_entries().iter().position(|e| *e == s))
                    .unwrap_or(0),
            ),
            other => other,
        };
        self.mode.push(Layer::Overlay(o));
    }

    /// Puts a new state in the overlay on top.
    fn set_overlay(&mut self, o: Overlay) {
        if let Some(Layer::Overlay(open)) = self.mode.top_mut() {
            *open = o;
        }
    }

    /// A command with an overlay on top: the overlay takes its own, and the ones that
    /// open, close or switch the panes go on to reading; the rest would act on the
    /// article hidden under it, so they are taken too (and do nothing). Over a panel or
    /// cursor mode (help opened there) only the help key goes on, to close it: the
    /// panes are reading's.
    pub(super) fn overlay_command(&mut self, overlay: Overlay, c: Command) -> bool {
        let taken = match overlay {
            Overlay::Help(scroll) => self.help_command(c, scroll, Overlay::Help),
            Overlay::Messages(scroll) => self.help_command(c, scroll, Overlay::Messages),
            Overlay::Sides(cursor) => self.sides_command(c, cursor),
            Overlay::Legend(scroll) => self.help_command(c, scroll, Overlay::Legend),
        };
        let over_reading = self.mode.layers().len() == 1;
        taken || !(passes_overlays(c) && (over_reading || c == Command::ToggleHelp))
    }

    /// Handles a command in a scrolled list (the keys, the messages); false when it is
    /// not one of its own.
    pub(super) fn help_command(
        &mut self,
        c: Command,
        scroll: usize,
        overlay: fn(usize) -> Overlay,
    ) -> bool {
        let page = self.viewport();
        let scroll = match c {
            Command::ScrollDown => scroll + 1,
            Command::ScrollUp => scroll.saturating_sub(1),
            Command::PageDown | Command::HalfPageDown => scroll + page / 2,
            Command::PageUp | Command::HalfPageUp => scroll.saturating_sub(page / 2),
            Command::Top => 0,
            Command::Bottom => usize::MAX / 2,
            Command::Quit | Command::Cancel => {
                self.mode.pop();
                return true;
            }
            _ => return false,
        };
        // the view clamps it to what there is to scroll
        self.set_overlay(overlay(scroll.min(10_000)));
        true
    }

    /// Handles a command in the sides view; false when it is not one of its own.
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
                    self.mode.pop();
                    self.select(item);
                }
                return true;
            }
            Command::ToggleSides | Command::Quit | Command::Cancel => {
                self.mode.pop();
                return true;
            }
            _ => return false,
        };
        self.set_overlay(Overlay::Sides(next));
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

/// Whether a command reaches the reader with an overlay open: those that open, close
/// or switch the panes.
fn passes_overlays(c: Command) -> bool {
    matches!(
        c,
        Command::ToggleHelp
            | Command::ToggleLegend
            | Command::ToggleSides
            | Command::ToggleSidebar
            | Command::Quit
            | Command::Cancel
    )
}
