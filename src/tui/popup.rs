//! The popups that editing opens: a question with lettered answers, a text field,
//! and the speaker picker.

use super::action::{PopupKey, PromptKey};
use super::input::TextField;
use crate::export::Format;
use crate::model::Id;

/// What a lettered question is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    /// The kind of a quote being tagged over `start..end`, or re-attaching an orphan.
    TagKind {
        /// Selection start.
        start: usize,
        /// Selection end.
        end: usize,
    },
    /// A new kind for the selected quote.
    ChangeKind,
    /// Unsaved changes at quit.
    QuitUnsaved,
    /// The store changed on disk since it was loaded.
    Conflict,
    /// The export format.
    ExportFormat,
    /// The side of a new speaker.
    SpeakerSide {
        /// The name typed.
        name: String,
        /// The role typed.
        role: String,
    },
}

/// What a text field is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    /// The note of an annotation.
    Note {
        /// Its id.
        id: Id,
    },
    /// Where to export.
    ExportPath {
        /// In which format.
        format: Format,
    },
    /// Where to save the store instead.
    SaveAs,
    /// A new speaker's role (the name is known).
    SpeakerRole {
        /// The name typed.
        name: String,
    },
    /// A `:` command.
    Command,
}

/// What the speaker picker is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pick {
    /// Sets the speaker of the selected annotation.
    Speaker,
    /// Merges speaker `from` into the one picked.
    MergeInto {
        /// The speaker that goes away.
        from: Id,
    },
}

/// An open popup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Popup {
    /// A question answered with one letter.
    Choice {
        /// The question.
        title: String,
        /// Letter and meaning of each answer.
        options: Vec<(char, String)>,
        /// What it decides.
        ask: Ask,
    },
    /// A text field.
    Text {
        /// What to type.
        title: String,
        /// The field.
        field: TextField,
        /// Whether Enter inserts a line break (Ctrl-J or Alt-Enter do in any field).
        multiline: bool,
        /// What it is for.
        purpose: Field,
    },
    /// The speaker picker: type to filter, arrows to move, Enter to pick.
    Speakers {
        /// The filter.
        filter: TextField,
        /// The highlighted entry among the matches (0 is "new speaker" when offered).
        cursor: usize,
        /// What it is for.
        pick: Pick,
    },
}

impl Popup {
    /// A lettered question.
    pub fn choice(title: &str, options: &[(char, &str)], ask: Ask) -> Popup {
        Popup::Choice {
            title: title.to_string(),
            options: options.iter().map(|(c, s)| (*c, s.to_string())).collect(),
            ask,
        }
    }

    /// A text field holding `text`.
    pub fn text(title: &str, text: &str, multiline: bool, purpose: Field) -> Popup {
        Popup::Text {
            title: title.to_string(),
            field: TextField::new(text),
            multiline,
            purpose,
        }
    }
}

/// What a key in a popup comes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The popup stays open (it may have changed).
    Stay,
    /// Closed without an answer.
    Cancel,
    /// A lettered answer.
    Chose(Ask, char),
    /// The text typed, for its purpose.
    Submitted(Field, String),
    /// The picker's entry under its cursor, and the filter typed.
    Picked(Pick, String, usize),
}

impl Popup {
    /// Takes a key; `entries` is how many entries the speaker picker lists for its
    /// filter (the app knows the speakers).
    pub fn handle(&mut self, key: PopupKey, entries: usize) -> Outcome {
        if key == PopupKey::Edit(PromptKey::Abort) {
            return Outcome::Cancel;
        }
        match self {
            Popup::Choice { options, ask, .. } => match key {
                PopupKey::Edit(PromptKey::Char(c)) if options.iter().any(|(o, _)| *o == c) => {
                    Outcome::Chose(ask.clone(), c)
                }
                _ => Outcome::Stay,
            },
            Popup::Text {
                field,
                multiline,
                purpose,
                ..
            } => match key {
                PopupKey::Edit(PromptKey::Submit) => {
                    Outcome::Submitted(purpose.clone(), field.text().to_string())
                }
                PopupKey::Newline if *multiline => {
                    field.insert('\n');
                    Outcome::Stay
                }
                PopupKey::Edit(k) => {
                    field.apply(k);
                    Outcome::Stay
                }
                _ => Outcome::Stay,
            },
            Popup::Speakers {
                filter,
                cursor,
                pick,
            } => {
                match key {
                    PopupKey::Up => *cursor = cursor.saturating_sub(1),
                    PopupKey::Down => *cursor = (*cursor + 1).min(entries.saturating_sub(1)),
                    PopupKey::Edit(PromptKey::Submit) => {
                        return Outcome::Picked(pick.clone(), filter.text().to_string(), *cursor);
                    }
                    PopupKey::Edit(k) => {
                        filter.apply(k);
                        *cursor = 0;
                    }
                    PopupKey::Newline => {}
                }
                Outcome::Stay
            }
        }
    }
}
