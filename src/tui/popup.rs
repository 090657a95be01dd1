//! The popups: each a type of its own implementing [`Popup`], held by the mode's stack
//! as a `Box<dyn Popup>` (as helix's compositor holds its layers). The app never asks
//! which popup it holds: it gives the top one the keys of its keymap scope, applies the
//! action the popup answers with through `update`, and has it draw itself.

pub mod choice;
pub mod corpus;
pub mod lines;
pub mod picker;
pub mod sides;
pub mod speakers;
pub mod text;

use super::action::{Action, PopupKey, PromptKey};
use super::app::App;
use super::keymap::Bound;
use crate::keys::{Command, Scope};
use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::any::Any;

/// One popup: its keymap scope, how it takes a key, and how it draws itself. It reads
/// the app but never changes it: what a key comes to is an [`Outcome`], and the app
/// applies the action in it.
pub trait Popup: AsAny + std::fmt::Debug {
    /// The keymap scope its keys are looked up in.
    fn scope(&self) -> Scope;

    /// The mode's name in the status bar while it is on top.
    fn name(&self) -> &'static str {
        "EDIT"
    }

    /// What a key comes to, given what its scope binds it to: in the prompt scope an
    /// edit of a field (or the letter typed), in a panel's scope its command or side.
    fn key(&self, bound: Option<Bound>, key: KeyEvent) -> Option<PopupKey> {
        match self.scope() {
            Scope::Prompt => prompt_key(bound, key, false),
            _ => panel_key(bound),
        }
    }

    /// Takes a key. Esc (the prompt's cancel) never comes here: it closes any popup.
    fn handle(&mut self, key: PopupKey, app: &App) -> Outcome;

    /// Draws it over `area` (the article and the sidebar): its frame, title and size
    /// are its own (`view::frame` centres a box).
    fn render(&self, app: &App, area: Rect, buf: &mut Buffer);

    /// Takes pasted text into its field; false when it has none (the paste is refused).
    fn paste(&mut self, _text: &str) -> bool {
        false
    }
}

/// What a key in a popup comes to.
#[derive(Debug)]
pub enum Outcome {
    /// It stays open (it may have changed); nothing for the app to do.
    Stay,
    /// It closes without an answer.
    Close,
    /// It closes, and the app applies this action (an answer may open the next popup).
    Done(Action),
    /// It stays open, and the app applies this action under it (a panel's command).
    Keep(Action),
}

impl Outcome {
    /// Closes with the app's own popup's reply.
    pub fn reply(reply: super::reply::Reply) -> Outcome {
        Outcome::Done(Action::Reply(reply))
    }

    /// Stays open with a panel's reply.
    pub fn keep(reply: super::reply::Reply) -> Outcome {
        Outcome::Keep(Action::Reply(reply))
    }
}

/// A key in the prompt scope: a line break, the list's moves when the popup has a list
/// (`list`), else an edit of its field or the character typed.
pub fn prompt_key(bound: Option<Bound>, key: KeyEvent, list: bool) -> Option<PopupKey> {
    match bound {
        Some(Bound::Command(Command::PromptNewline)) => Some(PopupKey::Newline),
        Some(Bound::Command(Command::ListUp)) if list => Some(PopupKey::Up),
        Some(Bound::Command(Command::ListDown)) if list => Some(PopupKey::Down),
        bound => PromptKey::of(bound, key).map(PopupKey::Edit),
    }
}

/// A key in a panel's own scope: its command, or a side digit.
pub fn panel_key(bound: Option<Bound>) -> Option<PopupKey> {
    match bound? {
        Bound::Command(c) => Some(PopupKey::Command(c)),
        Bound::Side(n) => Some(PopupKey::Side(n)),
    }
}

/// A popup as `Any`, so that the app and the tests can reach the state of one they
/// know (the sides editor's cursor) without the stack knowing every type.
pub trait AsAny: Any {
    /// Itself, to downcast.
    fn as_any(&self) -> &dyn Any;
    /// Itself, to downcast and change.
    fn as_any_mut(&mut self) -> &mut dyn Any;
}

impl<T: Any> AsAny for T {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}
