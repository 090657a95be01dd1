//! A field two branches changed two ways, kept in the store until the user settles it.

use super::Id;
use serde::{Deserialize, Serialize};

/// Which list a conflict's item is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictTable {
    /// A quote (placed or orphan).
    Quote,
    /// A position (placed or orphan).
    Position,
    /// A speaker.
    Speaker,
    /// A party (side).
    Party,
}

impl ConflictTable {
    /// The schema name.
    pub fn as_str(self) -> &'static str {
        match self {
            ConflictTable::Quote => "quote",
            ConflictTable::Position => "position",
            ConflictTable::Speaker => "speaker",
            ConflictTable::Party => "party",
        }
    }
}

/// A field that two branches changed two ways, left by `parley merge` for the user to
/// settle. The item holds `ours` until then; settling sets the chosen value and drops
/// the conflict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    /// Stable id ("c1"), unique among conflicts.
    pub id: Id,
    /// Which list the item is in.
    pub table: ConflictTable,
    /// The id of the quote, position, speaker or party.
    pub item: Id,
    /// The field ("note", "party", …), or "deleted" when one side deleted the item and
    /// the other changed it (the values are then "yes" or "no").
    pub field: String,
    /// The value both branches started from; absent for none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<String>,
    /// Our branch's value; absent for none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ours: Option<String>,
    /// Their branch's value; absent for none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theirs: Option<String>,
}
