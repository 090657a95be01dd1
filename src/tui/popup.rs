//! The popups that editing opens: a question with lettered answers, a text field,
//! the speaker picker and the sides editor.

use super::action::{PopupKey, PromptKey};
pub mod sides;
pub mod speakers;

use super::input::TextField;
use super::keymap::Bound;
use super::note_editor::NoteEditor;
use super::questions::Question;
use crate::export::Format;
use crate::keys::{Command, Scope};
use crate::model::Id;
use crossterm::event::KeyEvent;
use sides::{SideField, SideOp, SidesEditor};
use speakers::{SpeakerField, SpeakerOp, SpeakersPanel};

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
    /// Unsaved changes before another article of the corpus is opened.
    LeaveUnsaved(crate::tui::corpus::Destination),
    /// The store changed on disk since it was loaded.
    Conflict,
    /// Saving failed (the reason is in the title and the message log).
    SaveFailed,
    /// Saving a read-only store was asked for.
    ReadOnlySave,
    /// Whether to replace an existing file with the store, a copy of it or an export.
    Replace {
        /// The file named.
        path: String,
        /// What would be written there.
        with: Writing,
    },
    /// The export format.
    ExportFormat,
    /// Whether to apply the sides of the config or `--parties` to the store.
    ApplyParties,
    /// A facet of the list filter.
    Filter,
    /// Which value a conflict a merge left should take.
    Settle {
        /// The conflict.
        conflict: Id,
    },
    /// The side of a new speaker.
    SpeakerSide {
        /// The name typed.
        name: String,
        /// The role typed.
        role: String,
    },
}

/// What is written to a file the user named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Writing {
    /// The store, which then lives there (save-as).
    Store,
    /// A copy of the store (`:w PATH`); the store stays where it is.
    Copy,
    /// An export in this format.
    Export(Format),
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
    /// Where to write a copy of the store (which stays where it is).
    CopyTo,
    /// A new speaker's role (the name is known).
    SpeakerRole {
        /// The name typed.
        name: String,
    },
    /// A `:` command.
    Command,
    /// A side's name or aliases, in the sides editor.
    Side(SideField),
    /// A speaker's name or role, in the speakers panel.
    Speaker(SpeakerField),
    /// The value a user writes to settle a conflict.
    Settle {
        /// The conflict.
        conflict: Id,
    },
    /// The corpus list's filter.
    CorpusFilter,
    /// A search of every article of the corpus.
    CorpusSearch,
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
    /// Filters the list by the speaker picked.
    Filter,
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
        /// The answer Enter gives, if any.
        default: Option<char>,
    },
    /// A text field.
    Text {
        /// What to type.
        title: String,
        /// The field.
        field: TextField,
        /// What it is for.
        purpose: Field,
    },
    /// Several lines of text, wrapped: an annotation's note, or a side's aliases one a
    /// line (a line break is the one separator no name can hold).
    Lines {
        /// What to type.
        title: String,
        /// The editor (boxed: it is far larger than the other popups).
        editor: Box<NoteEditor>,
        /// What it is for: an annotation's note, a side's aliases, or the note that
        /// settles a conflict.
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
    /// The sides editor: a list of the sides with lettered commands.
    Sides(SidesEditor),
    /// The speakers panel: a list of the speakers with lettered commands.
    SpeakersPanel(SpeakersPanel),
    /// The list of the corpus's articles (its state is the app's, so it is kept
    /// while an article is open).
    Corpus,
}

impl Popup {
    /// A lettered question, as declared.
    pub fn ask<T: Copy>(question: &Question<T>, ask: Ask) -> Popup {
        Popup::ask_with(question.title.to_string(), question, ask, |_, words| {
            Some(words.to_string())
        })
    }

    /// A lettered question with a title of the moment, its answers' words given by
    /// `words` from each answer's meaning and declared words (`None` leaves it out).
    pub fn ask_with<T: Copy>(
        title: String,
        question: &Question<T>,
        ask: Ask,
        words: impl Fn(T, &str) -> Option<String>,
    ) -> Popup {
        let options = question
            .answers
            .iter()
            .filter_map(|&(letter, declared, means)| Some((letter, words(means, declared)?)))
            .collect();
        Popup::Choice {
            title,
            options,
            ask,
            default: None,
        }
    }

    /// The same question, Enter answering it with `letter`.
    pub fn with_default(mut self, letter: Option<char>) -> Popup {
        if let Popup::Choice { default, .. } = &mut self {
            *default = letter;
        }
        self
    }

    /// A one-line text field holding `text`.
    pub fn text(title: &str, text: &str, purpose: Field) -> Popup {
        Popup::Text {
            title: title.to_string(),
            field: TextField::new(text),
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
    /// A command of the sides editor, which stays open.
    Sides(SideOp),
    /// A command of the speakers panel, which stays open.
    Speakers(SpeakerOp),
    /// A command of the corpus list, which stays open until it opens an article.
    Corpus(Command),
}

impl Popup {
    /// The keymap the popup takes its keys through: a text field's editing keys,
    /// or a panel's own.
    pub fn scope(&self) -> Scope {
        match self {
            Popup::Sides(_) => Scope::Sides,
            Popup::SpeakersPanel(_) => Scope::Speakers,
            Popup::Corpus => Scope::Corpus,
            Popup::Choice { .. }
            | Popup::Text { .. }
            | Popup::Lines { .. }
            | Popup::Speakers { .. } => Scope::Prompt,
        }
    }

    /// What a key comes to in this popup, given what its keymap binds it to: a panel's
    /// command or side, else an edit of its field (or a letter answering it).
    pub fn key(&self, bound: Option<Bound>, key: KeyEvent) -> Option<PopupKey> {
        let list = matches!(self, Popup::Speakers { .. } | Popup::Lines { .. });
        match (self.scope(), bound) {
            (Scope::Prompt, Some(Bound::Command(Command::PromptNewline))) => {
                Some(PopupKey::Newline)
            }
            (Scope::Prompt, Some(Bound::Command(Command::ListUp))) if list => Some(PopupKey::Up),
            (Scope::Prompt, Some(Bound::Command(Command::ListDown))) if list => {
                Some(PopupKey::Down)
            }
            (Scope::Prompt, bound) => PromptKey::of(bound, key).map(PopupKey::Edit),
            (_, Some(Bound::Command(c))) => Some(PopupKey::Command(c)),
            (_, Some(Bound::Side(n))) => Some(PopupKey::Side(n)),
            (_, None) => None,
        }
    }

    /// Takes a key; `entries` is how many entries the speaker picker lists for its
    /// filter, how many sides the sides editor lists, or how many speakers the
    /// speakers panel lists (the app knows them).
    pub fn handle(&mut self, key: PopupKey, entries: usize) -> Outcome {
        if key == PopupKey::Edit(PromptKey::Abort) {
            return Outcome::Cancel;
        }
        match self {
            Popup::Choice {
                options,
                ask,
                default,
                ..
            } => match key {
                PopupKey::Edit(PromptKey::Char(c)) if options.iter().any(|(o, _)| *o == c) => {
                    Outcome::Chose(ask.clone(), c)
                }
                PopupKey::Edit(PromptKey::Submit) => match default {
                    Some(d) => Outcome::Chose(ask.clone(), *d),
                    None => Outcome::Stay,
                },
                _ => Outcome::Stay,
            },
            Popup::Text { field, purpose, .. } => match key {
                PopupKey::Edit(PromptKey::Submit) => {
                    Outcome::Submitted(purpose.clone(), field.text().to_string())
                }
                PopupKey::Edit(k) => {
                    field.apply(k);
                    Outcome::Stay
                }
                _ => Outcome::Stay,
            },
            Popup::Lines {
                editor, purpose, ..
            } => lines_key(editor, purpose, key),
            Popup::Speakers {
                filter,
                cursor,
                pick,
            } => picker_key(filter, cursor, pick, key, entries),
            Popup::Sides(editor) => editor.handle(key, entries),
            Popup::SpeakersPanel(panel) => panel.handle(key, entries),
            Popup::Corpus => match key {
                PopupKey::Command(c) => Outcome::Corpus(c),
                _ => Outcome::Stay,
            },
        }
    }
}

/// A key in the several-line editor.
fn lines_key(editor: &mut NoteEditor, purpose: &Field, key: PopupKey) -> Outcome {
    match key {
        // confirmed as it opened: nothing to change
        PopupKey::Edit(PromptKey::Submit) if !editor.is_changed() => return Outcome::Cancel,
        PopupKey::Edit(PromptKey::Submit) => {
            return Outcome::Submitted(purpose.clone(), editor.text());
        }
        PopupKey::Edit(k) => editor.apply(k),
        PopupKey::Newline => editor.newline(),
        PopupKey::Up => editor.row(false),
        PopupKey::Down => editor.row(true),
        PopupKey::Command(_) | PopupKey::Side(_) => {}
    }
    Outcome::Stay
}

/// A key in the speaker picker, which lists `entries` for its filter.
fn picker_key(
    filter: &mut TextField,
    cursor: &mut usize,
    pick: &Pick,
    key: PopupKey,
    entries: usize,
) -> Outcome {
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
        PopupKey::Newline | PopupKey::Command(_) | PopupKey::Side(_) => {}
    }
    Outcome::Stay
}
