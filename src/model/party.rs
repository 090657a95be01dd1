//! The sides of a story and the check that their ids can be told apart.

use super::Color;
use serde::{Deserialize, Serialize};

/// A side of the story.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Party {
    /// Stable id ("us").
    pub id: String,
    /// Display name ("United States").
    pub name: String,
    /// Other names the side goes by in text ("U.S.", "Washington").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Highlight colour; the theme picks one when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<Color>,
    /// A short label the user gave ("US"), shown where the name does not fit (the
    /// sidebar, the counts); the name is shown when there is none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// People who speak for the side ("Tony Blair"): a speaker of that name (or of its
    /// surname alone) is on it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<String>,
    /// Offices that speak for the side ("shadow home secretary", "union president"): a
    /// speaker whose title or description holds one is on it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    /// Whether the side is the government: the state's offices ("the Prime Minister",
    /// "ministers", "the government") speak for it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub governs: bool,
}

impl Party {
    /// What to show where room is short: the label the user gave, else the name; never
    /// a guessed alias.
    pub fn short_name(&self) -> &str {
        self.label
            .as_deref()
            .filter(|l| !l.trim().is_empty())
            .unwrap_or(&self.name)
    }
}

/// Why a list of parties cannot be used: an id is empty or given twice.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PartiesError {
    /// A party's id is empty or blank.
    #[error("a party has an empty `id`")]
    EmptyId,
    /// Two parties share an id.
    #[error("party id `{0}` is used twice")]
    DuplicateId(String),
}

/// Checks that every party has an id of its own: annotations name their side by it.
pub fn check_party_ids(parties: &[Party]) -> Result<(), PartiesError> {
    let mut seen = std::collections::HashSet::new();
    for p in parties {
        if p.id.trim().is_empty() {
            return Err(PartiesError::EmptyId);
        }
        if !seen.insert(p.id.as_str()) {
            return Err(PartiesError::DuplicateId(p.id.clone()));
        }
    }
    Ok(())
}
