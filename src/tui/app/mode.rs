//! The reader's mode: one value, a stack of layers over reading. The top layer takes
//! the keys; the status bar names it; drawing draws every layer, bottom first. A
//! search prompt can open over cursor mode, a popup over anything, and Esc closes
//! the top layer only.

use super::cursor::Cursor;
use crate::keys::{Command, Scope};
use crate::tui::action::{Action, typed};
use crate::tui::input::TextField;
use crate::tui::keymap::Bound;
use crate::tui::popup::Popup;
use crossterm::event::KeyEvent;

/// An overlay over the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// The key list, scrolled by this many rows.
    Help(usize),
    /// The legend of highlight styles, scrolled by this many rows (when it does not
    /// fit).
    Legend(usize),
    /// The sides view with its cursor (an index into `App::sides_entries`).
    Sides(usize),
    /// The message log, scrolled by this many rows.
    Messages(usize),
}

/// A key that waits for a letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pending {
    /// `m`: set a mark.
    SetMark,
    /// `'`: jump to a mark.
    JumpMark,
}

impl Pending {
    /// What a key does while a mark waits for its letter: a character bound to nothing
    /// is the letter; anything else cancels.
    pub fn key(bound: Option<Bound>, key: KeyEvent) -> Action {
        match typed(key) {
            Some(c) if bound.is_none() => Action::MarkLetter(c),
            _ => Action::Command(Command::Cancel),
        }
    }
}

/// One layer of the mode.
#[derive(Debug)]
pub enum Layer {
    /// Cursor mode (`v`): moving over the text, selecting.
    Cursor(Cursor),
    /// The search prompt, while typing.
    Search(TextField),
    /// A key waiting for its letter.
    Pending(Pending),
    /// The help, the legend or the sides view.
    Overlay(Overlay),
    /// A popup: a question, a field, the speaker picker, a panel, the corpus list.
    Popup(Box<dyn Popup>),
}

impl Layer {
    /// The keymap the layer takes its keys through.
    pub fn scope(&self) -> Scope {
        match self {
            Layer::Cursor(_) => Scope::Cursor,
            Layer::Overlay(_) => Scope::Normal,
            Layer::Search(_) | Layer::Pending(_) => Scope::Prompt,
            Layer::Popup(p) => p.scope(),
        }
    }
}

/// The stack of layers; empty is reading.
#[derive(Debug, Default)]
pub struct Mode {
    layers: Vec<Layer>,
}

impl Mode {
    /// The layer that takes the keys; `None` while reading.
    pub fn top(&self) -> Option<&Layer> {
        self.layers.last()
    }

    /// The keymap of the layer on top (reading's when there is none).
    pub fn scope(&self) -> Scope {
        self.top().map_or(Scope::Normal, Layer::scope)
    }

    /// The top layer, to change it in place.
    pub fn top_mut(&mut self) -> Option<&mut Layer> {
        self.layers.last_mut()
    }

    /// Every layer, bottom first (the order they are drawn in).
    pub fn layers(&self) -> &[Layer] {
        &self.layers
    }

    /// Opens a layer on top.
    pub fn push(&mut self, layer: Layer) {
        self.layers.push(layer);
    }

    /// Closes the top layer.
    pub fn pop(&mut self) -> Option<Layer> {
        self.layers.pop()
    }

    /// The keymap scope of the layer under layer `i` (reading's at the bottom): the
    /// mode help was opened in, whose keys it shows first.
    pub fn scope_under(&self, i: usize) -> Scope {
        self.layers[..i.min(self.layers.len())]
            .last()
            .map_or(Scope::Normal, Layer::scope)
    }

    /// The cursor, wherever it is in the stack (a search prompt may be over it).
    pub fn cursor(&self) -> Option<&Cursor> {
        self.layers.iter().rev().find_map(|l| match l {
            Layer::Cursor(c) => Some(c),
            _ => None,
        })
    }

    /// The cursor, to move it.
    pub fn cursor_mut(&mut self) -> Option<&mut Cursor> {
        self.layers.iter_mut().rev().find_map(|l| match l {
            Layer::Cursor(c) => Some(c),
            _ => None,
        })
    }

    /// Leaves cursor mode, closing whatever was opened over it too.
    pub fn leave_cursor(&mut self) {
        if let Some(i) = self
            .layers
            .iter()
            .rposition(|l| matches!(l, Layer::Cursor(_)))
        {
            self.layers.truncate(i);
        }
    }

    /// Starts cursor mode at `at`, or moves the cursor there if it is on already.
    pub fn enter_cursor(&mut self, cursor: Cursor) {
        match self.cursor_mut() {
            Some(c) => *c = cursor,
            None => self.push(Layer::Cursor(cursor)),
        }
    }

    /// The popup on top, if the top is one.
    pub fn popup(&self) -> Option<&dyn Popup> {
        match self.top() {
            Some(Layer::Popup(p)) => Some(p.as_ref()),
            _ => None,
        }
    }

    /// The popup on top, if the top is one of type `P`.
    pub fn popup_as<P: Popup>(&self) -> Option<&P> {
        self.popup()?.as_any().downcast_ref()
    }

    /// The popup on top, to change it, if it is one of type `P`.
    pub fn popup_as_mut<P: Popup>(&mut self) -> Option<&mut P> {
        match self.layers.last_mut() {
            Some(Layer::Popup(p)) => p.as_any_mut().downcast_mut(),
            _ => None,
        }
    }

    /// Takes the popup on top off the stack, if the top is one.
    pub fn take_popup(&mut self) -> Option<Box<dyn Popup>> {
        match self.layers.pop()? {
            Layer::Popup(p) => Some(p),
            other => {
                self.layers.push(other);
                None
            }
        }
    }

    /// The overlay on top, if the top is one.
    pub fn overlay(&self) -> Option<Overlay> {
        match self.top() {
            Some(Layer::Overlay(o)) => Some(*o),
            _ => None,
        }
    }

    /// The search prompt's field, if it is on top.
    pub fn search_field(&self) -> Option<&TextField> {
        match self.top() {
            Some(Layer::Search(f)) => Some(f),
            _ => None,
        }
    }

    /// The key waiting for a letter, if it is on top.
    pub fn pending(&self) -> Option<Pending> {
        match self.top() {
            Some(Layer::Pending(p)) => Some(*p),
            _ => None,
        }
    }

    /// The mode's name in the status bar.
    pub fn name(&self) -> &'static str {
        match self.top() {
            None => "READ",
            Some(Layer::Cursor(c)) if c.anchor.is_some() => "SELECT",
            Some(Layer::Cursor(_)) => "CURSOR",
            Some(Layer::Search(_)) => "SEARCH",
            Some(Layer::Pending(_)) => "MARK",
            Some(Layer::Popup(p)) => p.name(),
            Some(Layer::Overlay(Overlay::Help(_))) => "HELP",
            Some(Layer::Overlay(Overlay::Sides(_))) => "SIDES",
            Some(Layer::Overlay(Overlay::Legend(_))) => "LEGEND",
            Some(Layer::Overlay(Overlay::Messages(_))) => "MESSAGES",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_top_layer_names_the_mode_and_esc_closes_only_it() {
        let mut m = Mode::default();
        assert_eq!(m.name(), "READ");
        m.push(Layer::Cursor(Cursor {
            at: 3,
            anchor: None,
        }));
        m.push(Layer::Search(TextField::default()));
        assert_eq!(m.name(), "SEARCH");
        assert_eq!(
            m.cursor().map(|c| c.at),
            Some(3),
            "the cursor under the prompt"
        );
        m.pop();
        assert_eq!(m.name(), "CURSOR");
        m.enter_cursor(Cursor {
            at: 9,
            anchor: Some(3),
        });
        assert_eq!(m.name(), "SELECT");
        assert_eq!(m.layers().len(), 1, "one cursor, moved");
    }

    #[test]
    fn leaving_cursor_mode_closes_what_was_opened_over_it() {
        let mut m = Mode::default();
        m.push(Layer::Overlay(Overlay::Legend(0)));
        m.push(Layer::Cursor(Cursor {
            at: 0,
            anchor: None,
        }));
        m.push(Layer::Pending(Pending::SetMark));
        m.leave_cursor();
        assert_eq!(m.overlay(), Some(Overlay::Legend(0)));
    }
}
