//! Everything that can change the reader's state. `App::update` is the only place
//! that applies them.

use crate::keys::Command;
use crate::store::model::Annotations;

/// An edit to a text prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptKey {
    /// Type a character.
    Char(char),
    /// Delete before the cursor.
    Backspace,
    /// Delete after the cursor.
    Delete,
    /// Delete the word before the cursor.
    DeleteWord,
    /// Cursor left.
    Left,
    /// Cursor right.
    Right,
    /// Start of line.
    Home,
    /// End of line.
    End,
    /// Accept the prompt.
    Submit,
    /// Abandon the prompt.
    Abort,
}

/// A change to the reader's state.
#[derive(Debug, Clone)]
pub enum Action {
    /// A bound command.
    Command(Command),
    /// The terminal has a new size (columns, rows).
    Resize(u16, u16),
    /// Scroll by rows (mouse wheel): positive is down.
    Scroll(i32),
    /// A click at a screen cell (column, row).
    Click(u16, u16),
    /// A key typed into the open prompt.
    Prompt(PromptKey),
    /// The letter after `m` or `'`.
    MarkLetter(char),
    /// Detection finished on the worker thread.
    Detected(Box<Annotations>),
    /// Quit at once (a signal or a closed terminal).
    ForceQuit,
    /// Nothing happened for a moment: do background work (wrapping the rest).
    Idle,
}
