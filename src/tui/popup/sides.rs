//! The sides editor's state and keys (`S`): the side under its list cursor, and what
//! each command of its keymap asks for. What the asks do is the app's
//! (`app::sides_editor`).

use super::Outcome;
use crate::keys::Command;
use crate::model::Id;
use crate::tui::action::PopupKey;

/// The sides editor's state: the side under the list cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SidesEditor {
    /// Index into the parties.
    pub cursor: usize,
}

/// What a key in the sides editor asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SideOp {
    /// Add a side (its name is asked for).
    Add,
    /// Rename the side under the cursor.
    Rename,
    /// Edit its aliases.
    Aliases,
    /// Set its short label.
    Label,
    /// Delete it.
    Delete,
    /// Move it one place up.
    MoveUp,
    /// Move it one place down.
    MoveDown,
    /// Undo the last edit.
    Undo,
}

/// What a text field opened by the sides editor is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SideField {
    /// The name of this side, or of a new one (`None`).
    Name(Option<Id>),
    /// The aliases of this side, separated by commas.
    Aliases(Id),
    /// The short label of this side (empty: none).
    Label(Id),
}

/// The editor's commands, what each asks for, and how its footer names them.
pub const SIDE_KEYS: &[(Command, SideOp, &str)] = &[
    (Command::SideAdd, SideOp::Add, "add"),
    (Command::SideRename, SideOp::Rename, "rename"),
    (Command::SideAliases, SideOp::Aliases, "aliases"),
    (Command::SideLabel, SideOp::Label, "label"),
    (Command::SideDelete, SideOp::Delete, "delete"),
    (Command::SideMoveUp, SideOp::MoveUp, "move up"),
    (Command::SideMoveDown, SideOp::MoveDown, "move down"),
    (Command::SideUndo, SideOp::Undo, "undo"),
];

impl SidesEditor {
    /// Takes a command of the sides editor's keymap: moving the cursor over the
    /// `sides`, asking for an edit of [`SIDE_KEYS`], or closing.
    pub fn handle(&mut self, key: PopupKey, sides: usize) -> Outcome {
        let last = sides.saturating_sub(1);
        let PopupKey::Command(c) = key else {
            return Outcome::Stay;
        };
        match c {
            Command::SidePrev => self.cursor = self.cursor.saturating_sub(1),
            Command::SideNext => self.cursor = (self.cursor + 1).min(last),
            Command::SideClose => return Outcome::Cancel,
            c => {
                if let Some((_, op, _)) = SIDE_KEYS.iter().find(|(k, ..)| *k == c) {
                    return Outcome::Sides(*op);
                }
            }
        }
        Outcome::Stay
    }
}
