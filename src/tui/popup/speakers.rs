//! The speakers panel's state and keys (`W`): the speaker under its list cursor, and
//! what each command of its keymap asks for. What the asks do is the app's
//! (`app::speakers`).

use super::Outcome;
use crate::keys::Command;
use crate::model::Id;
use crate::tui::action::PopupKey;

/// The panel's state: the speaker under the list cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SpeakersPanel {
    /// Index into the speakers.
    pub cursor: usize,
}

/// What a key in the panel asks for, on the speaker under the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeakerOp {
    /// Rename it (the name is asked for).
    Rename,
    /// Set or clear its role.
    Role,
    /// Merge it into another (the picker asks which).
    Merge,
    /// Delete it.
    Delete,
    /// Close the panel and go to its mentions and quotes.
    Jump,
    /// Undo the last edit.
    Undo,
    /// Give it side n (1-9 in order; 0 none).
    Side(u8),
}

/// What a text field opened by the panel is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpeakerField {
    /// A new name for this speaker.
    Name(Id),
    /// A role for this speaker.
    Role(Id),
}

/// The panel's commands, what each asks for, and how its footer names them.
pub const SPEAKER_KEYS: &[(Command, SpeakerOp, &str)] = &[
    (Command::SpeakerRename, SpeakerOp::Rename, "rename"),
    (Command::SpeakerRole, SpeakerOp::Role, "role"),
    (Command::SpeakerMerge, SpeakerOp::Merge, "merge"),
    (Command::SpeakerDelete, SpeakerOp::Delete, "delete"),
    (Command::SpeakerJump, SpeakerOp::Jump, "go to mentions"),
    (Command::SpeakerUndo, SpeakerOp::Undo, "undo"),
];

impl SpeakersPanel {
    /// The row of the cursor in a list of `speakers` (a merge under the panel may
    /// have shortened it).
    pub fn row(&self, speakers: usize) -> usize {
        self.cursor.min(speakers.saturating_sub(1))
    }

    /// Takes a key of the panel's keymap: moving the cursor over the `speakers`, a
    /// side digit, an op of [`SPEAKER_KEYS`], or closing.
    pub fn handle(&mut self, key: PopupKey, speakers: usize) -> Outcome {
        let last = speakers.saturating_sub(1);
        match key {
            PopupKey::Side(n) => Outcome::Speakers(SpeakerOp::Side(n)),
            PopupKey::Command(Command::SpeakerPrev) => {
                self.cursor = self.row(speakers).saturating_sub(1);
                Outcome::Stay
            }
            PopupKey::Command(Command::SpeakerNext) => {
                self.cursor = (self.cursor + 1).min(last);
                Outcome::Stay
            }
            PopupKey::Command(Command::SpeakerClose) => Outcome::Cancel,
            PopupKey::Command(c) => SPEAKER_KEYS
                .iter()
                .find(|(k, ..)| *k == c)
                .map_or(Outcome::Stay, |(_, op, _)| Outcome::Speakers(*op)),
            _ => Outcome::Stay,
        }
    }
}
