//! Where an annotation came from, where it stands in review, and what a quoted stretch is.

use serde::{Deserialize, Serialize};

/// Whether an annotation came from the detector or from the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// Found by `detect`.
    #[default]
    Auto,
    /// Made or changed by hand.
    Manual,
}

/// Where an annotation stands in review.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Proposed by the detector, not yet reviewed.
    #[default]
    Suggested,
    /// Confirmed by the user.
    Accepted,
    /// Turned down by the user; kept so detection does not bring it back.
    Rejected,
}

/// Why an annotation a person may have worked on needs their look again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Recheck {
    /// The article changed and the annotation was placed again by a fuzzy match: its
    /// text is now the article's new text there.
    Fuzzy,
}

impl Recheck {
    /// The schema name.
    pub fn as_str(self) -> &'static str {
        match self {
            Recheck::Fuzzy => "fuzzy",
        }
    }
}

/// What a quoted stretch is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// A whole quoted utterance.
    #[default]
    Direct,
    /// Quoted words inside reported speech.
    Partial,
    /// A name or scare quote; not speech.
    Term,
}

impl QuoteKind {
    /// The schema name.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Term => "term",
        }
    }
}

impl Origin {
    /// The schema name.
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Auto => "auto",
            Origin::Manual => "manual",
        }
    }
}

impl Status {
    /// The schema name.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Suggested => "suggested",
            Status::Accepted => "accepted",
            Status::Rejected => "rejected",
        }
    }
}
