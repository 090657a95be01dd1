//! What the reader's own popups answer, for the app to act on: a lettered question's
//! letter for what it asks, a field's text for what it is for, the speaker picked, a
//! panel's command. A popup returns its reply as `Action::Reply`, so the app applies
//! it through `update` like any other action (`app/popups.rs` says what each does).
//! The words live here, below both the popups and `Action`, so neither names the other.

use crate::export::Format;
use crate::keys::Command;
use crate::model::Id;

/// A popup's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// A lettered answer to what was asked.
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
