//! The edits an annotation UI makes: [`Edit`], the bulk [`Filter`] and [`EditError`].
//! Each edit is planned ([`plan`]) as primitive changes against the current set, so
//! the journal and undo work on one small vocabulary.

mod dispatch;
mod ids;
mod parties;
mod plan;
pub mod redetect;
mod settle;
mod speakers;

use crate::model::{Annotations, Id, Party, QuoteKind, Speaker, Status};
pub use dispatch::plan;
pub use ids::{check_name, find, next_id, party_id, speaker_id};
pub(crate) use plan::placed_at;
pub use plan::{Plan, Tally};
pub use settle::next_conflict_id;

/// One user action on the annotations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Adds a quote over `start..end` (a manual, accepted annotation).
    AddQuote {
        /// Span start (byte offset).
        start: usize,
        /// Span end.
        end: usize,
        /// Direct, partial or term.
        kind: QuoteKind,
        /// The side.
        party: Option<Id>,
        /// Who said it.
        speaker: Option<Id>,
    },
    /// Adds a position over `start..end` (manual, accepted).
    AddPosition {
        /// Span start.
        start: usize,
        /// Span end.
        end: usize,
        /// The side.
        party: Option<Id>,
        /// Who stated it.
        speaker: Option<Id>,
    },
    /// Deletes a quote, position or orphan. (To keep a suggestion from coming back,
    /// reject it instead.)
    Delete {
        /// The annotation.
        id: Id,
    },
    /// Sets a quote's kind.
    SetKind {
        /// The quote.
        id: Id,
        /// The new kind.
        kind: QuoteKind,
    },
    /// Sets an annotation's side.
    SetSide {
        /// The annotation.
        id: Id,
        /// A party id, or none.
        party: Option<Id>,
    },
    /// Sets who said or stated it.
    SetSpeaker {
        /// The annotation.
        id: Id,
        /// A speaker id, or none.
        speaker: Option<Id>,
    },
    /// Accepts, rejects or resets an annotation.
    SetStatus {
        /// The annotation.
        id: Id,
        /// The new status.
        status: Status,
    },
    /// Sets or clears the user's note.
    SetNote {
        /// The annotation.
        id: Id,
        /// The note; `None` or empty clears it.
        note: Option<String>,
    },
    /// Moves an annotation to a new span; an orphan placed this way is re-attached.
    SetSpan {
        /// The annotation.
        id: Id,
        /// New start.
        start: usize,
        /// New end.
        end: usize,
    },
    /// Adds a speaker; its id is made from the name.
    AddSpeaker {
        /// Canonical name.
        name: String,
        /// Title or function.
        role: Option<String>,
        /// The side.
        party: Option<Id>,
    },
    /// Replaces a speaker's name, role, party or mentions (same id).
    UpdateSpeaker(Speaker),
    /// Renames a speaker (the id stays); refused when another speaker has the name.
    RenameSpeaker {
        /// The speaker.
        id: Id,
        /// The new name.
        name: String,
    },
    /// Sets or clears a speaker's role.
    SetSpeakerRole {
        /// The speaker.
        id: Id,
        /// The role; `None` or blank clears it.
        role: Option<String>,
    },
    /// Sets a speaker's side, and gives it to the speaker's quotes and positions that
    /// are untouched suggestions or have no side yet (and are not rejected).
    SetSpeakerSide {
        /// The speaker.
        id: Id,
        /// A party id, or none.
        party: Option<Id>,
    },
    /// Deletes a speaker: its quotes and positions keep their text, lose the speaker
    /// and become manual.
    DeleteSpeaker {
        /// The speaker.
        id: Id,
    },
    /// Points every annotation of `from` at `into`, joins the mentions, removes `from`.
    MergeSpeakers {
        /// The speaker that goes away.
        from: Id,
        /// The speaker that stays.
        into: Id,
    },
    /// Sets the status of every suggestion that matches the filter ("accept all").
    SetStatusAll {
        /// Which suggestions.
        filter: Filter,
        /// The new status.
        status: Status,
    },
    /// Adds or replaces a party.
    PutParty(Party),
    /// Adds a side named `name` after the others; its id is made from the name.
    AddParty {
        /// Display name.
        name: String,
    },
    /// Renames a side and replaces its aliases (the id stays, so what has it keeps it).
    SetParty {
        /// The side.
        id: Id,
        /// The new name.
        name: String,
        /// The other names it goes by in the text.
        aliases: Vec<String>,
    },
    /// Moves a side to place `to` (0 is first) in the order the keys 1-9 count.
    MoveParty {
        /// The side.
        id: Id,
        /// Its new place.
        to: usize,
    },
    /// Deletes a side; the annotations and speakers that had it are left without one.
    DeleteParty {
        /// The side.
        id: Id,
    },
    /// Gives the field a merge left changed two ways (conflict `id`) the value
    /// chosen, and drops the conflict; on a "deleted" conflict, "yes" deletes the item.
    /// (Any edit that changes the field, or deletes the item, settles it too.)
    Settle {
        /// The conflict.
        id: Id,
        /// The value as text (`None`: empty), usually the conflict's `ours` or `theirs`.
        value: Option<String>,
    },
    /// Replaces every side (with the config's or a `--parties` file's): what had a
    /// side that goes is left without one, and the listed annotations and speakers
    /// get the side given (the detector's, so their origin is kept).
    SetParties {
        /// The new sides, in order.
        parties: Vec<Party>,
        /// Annotation id → its side.
        sides: SideList,
        /// Speaker id → its side.
        speaker_sides: SideList,
    },
    /// Merges a fresh detection of the article with the set's sides into the set:
    /// what a person touched stays, untouched suggestions are replaced, text without
    /// annotations gets the new ones (see [`redetect`]).
    Redetect(Box<Annotations>),
}

/// Annotations or speakers (by id), each with the side it gets.
pub type SideList = Vec<(Id, Option<Id>)>;

/// Which suggestions a bulk edit touches.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    /// Include quotes.
    pub quotes: bool,
    /// Include positions.
    pub positions: bool,
    /// Only quotes of this kind.
    pub kind: Option<QuoteKind>,
    /// Which side they must be shown with (a quote's own, else its speaker's).
    pub party: SideMatch,
}

/// The side a bulk edit matches.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum SideMatch {
    /// Any side, or none.
    #[default]
    Any,
    /// No side only.
    NoSide,
    /// This side only.
    Party(Id),
}

impl SideMatch {
    /// Whether an annotation shown with side `party` matches.
    pub fn matches(&self, party: Option<&str>) -> bool {
        match self {
            SideMatch::Any => true,
            SideMatch::NoSide => party.is_none(),
            SideMatch::Party(id) => party == Some(id.as_str()),
        }
    }
}

/// Why an edit cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// The store is read-only.
    #[error("the store is read-only: {0}")]
    ReadOnly(String),
    /// No annotation, speaker or party has this id.
    #[error("nothing has the id {0}")]
    NotFound(String),
    /// The span is empty, reversed, past the end or inside a character.
    #[error("{start}..{end} is not a span of the article")]
    BadSpan {
        /// Start.
        start: usize,
        /// End.
        end: usize,
    },
    /// The edit does not apply to this kind of annotation.
    #[error("{0}")]
    NotApplicable(String),
}
