//! The annotation model: parties, speakers, quotes and positions over byte ranges of
//! the normalised article. The field names are the TOML schema (a contract). The
//! detector makes it, the store keeps it, the exports and the reader read it.

mod article_info;
mod color;
mod conflict;
mod context;
mod party;
mod snippet;
mod status;

use serde::{Deserialize, Serialize};
use std::ops::Range;

pub use article_info::{ArticleInfo, Dropped};
pub use color::Color;
pub use conflict::{Conflict, ConflictTable};
pub use context::{context, shared_context};
pub use party::{PartiesError, Party, check_party_ids};
pub use snippet::Snippet;
pub use status::{Origin, QuoteKind, Recheck, Status};

/// An annotation, speaker or party id: short text kept inline up to 24 bytes.
pub type Id = compact_str::CompactString;

/// The schema version this build reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// A person or body that speaks, with every mention of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Speaker {
    /// Stable id ("ian-kelly").
    pub id: Id,
    /// Canonical name ("Ian Kelly", "State Department").
    pub name: String,
    /// Title or function ("State Department spokesman").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// The side the speaker belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<Id>,
    /// Every mention (name, surname, role, pronoun) as `[start, end]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<[usize; 2]>,
    /// The text of each mention, in the same order: what re-anchoring looks for when
    /// the article changes. Kept by the store; empty when not known (a store written
    /// before it, or by another tool), and ignored unless one for each mention.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mention_text: Vec<Snippet>,
    /// Detector or user.
    #[serde(default)]
    pub origin: Origin,
}

/// A quoted stretch of text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    /// Stable id ("q1").
    pub id: Id,
    /// Byte offset of the first character (the opening quote mark included).
    pub start: usize,
    /// Byte offset just past the end.
    pub end: usize,
    /// The article text of `start..end`.
    pub text: Snippet,
    /// Who said it (a speaker id); never set for terms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<Id>,
    /// The side (a party id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<Id>,
    /// Direct, partial or term.
    #[serde(default)]
    pub kind: QuoteKind,
    /// The speech verb or colon that attributes it, as `[start, end]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<[usize; 2]>,
    /// The cue's text ("said"): what re-anchoring looks for when the article changes.
    /// Kept by the store; empty when not known.
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub cue_text: Snippet,
    /// Detector or user.
    #[serde(default)]
    pub origin: Origin,
    /// Review state.
    #[serde(default)]
    pub status: Status,
    /// Set when the article changed under it and it should be looked at again; a
    /// person's edit of it clears it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recheck: Option<Recheck>,
    /// The user's note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Up to 32 characters before the span, for re-anchoring.
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub prefix: Snippet,
    /// Up to 32 characters after the span, for re-anchoring.
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub suffix: Snippet,
}

/// A side's stated stance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Position {
    /// Stable id ("p1").
    pub id: Id,
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the end.
    pub end: usize,
    /// The article text of `start..end`.
    pub text: Snippet,
    /// The side (a party id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<Id>,
    /// Who stated it (a speaker id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<Id>,
    /// Detector or user.
    #[serde(default)]
    pub origin: Origin,
    /// Review state.
    #[serde(default)]
    pub status: Status,
    /// Set when the article changed under it and it should be looked at again; a
    /// person's edit of it clears it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recheck: Option<Recheck>,
    /// The user's note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Up to 32 characters before the span, for re-anchoring.
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub prefix: Snippet,
    /// Up to 32 characters after the span, for re-anchoring.
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub suffix: Snippet,
}

/// A whole annotation set: what `detect` prints and what a store holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Annotations {
    /// Schema version.
    pub version: u32,
    /// The annotated article.
    pub article: ArticleInfo,
    /// The sides.
    #[serde(default, rename = "party", skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<Party>,
    /// The speakers.
    #[serde(default, rename = "speaker", skip_serializing_if = "Vec::is_empty")]
    pub speakers: Vec<Speaker>,
    /// The quotes, sorted by start.
    #[serde(default, rename = "quote", skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<Quote>,
    /// The positions, sorted by start.
    #[serde(default, rename = "position", skip_serializing_if = "Vec::is_empty")]
    pub positions: Vec<Position>,
    /// Quotes that could not be placed in the changed article: kept, never dropped.
    /// `start`/`end` are where they were last seen.
    #[serde(
        default,
        rename = "orphan_quote",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub orphan_quotes: Vec<Quote>,
    /// Positions that could not be placed in the changed article.
    #[serde(
        default,
        rename = "orphan_position",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub orphan_positions: Vec<Position>,
    /// Fields a merge left changed two ways, for the user to settle.
    #[serde(default, rename = "conflict", skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
    /// An older store's `[reading]` table, dropped on reading.
    #[serde(default, rename = "reading", skip_serializing)]
    pub dropped_reading: Dropped,
}

impl Annotations {
    /// An empty set for an article.
    pub fn new(article: ArticleInfo) -> Annotations {
        Annotations {
            version: SCHEMA_VERSION,
            article,
            parties: Vec::new(),
            speakers: Vec::new(),
            quotes: Vec::new(),
            positions: Vec::new(),
            orphan_quotes: Vec::new(),
            orphan_positions: Vec::new(),
            conflicts: Vec::new(),
            dropped_reading: Dropped,
        }
    }

    /// The party with this id.
    pub fn party(&self, id: &str) -> Option<&Party> {
        self.parties.iter().find(|p| p.id == id)
    }

    /// The speaker with this id.
    pub fn speaker(&self, id: &str) -> Option<&Speaker> {
        self.speakers.iter().find(|s| s.id == id)
    }
}

/// The side each quote is shown with: its own, else its speaker's. Drawing, counting
/// and "accept all like it" go by it, so what is matched is what the reader sees.
#[derive(Debug)]
pub struct QuoteSides<'a> {
    of_speaker: std::collections::HashMap<&'a str, &'a str>,
}

impl<'a> QuoteSides<'a> {
    /// The speakers' sides of an annotation set.
    pub fn new(a: &'a Annotations) -> QuoteSides<'a> {
        let of_speaker = a
            .speakers
            .iter()
            .filter_map(|s| Some((s.id.as_str(), s.party.as_deref()?)))
            .collect();
        QuoteSides { of_speaker }
    }

    /// The side of quote `q`: its own, else its speaker's.
    pub fn of(&self, q: &'a Quote) -> Option<&'a str> {
        q.party.as_deref().or_else(|| {
            q.speaker
                .as_deref()
                .and_then(|s| self.of_speaker.get(s).copied())
        })
    }
}

impl Quote {
    /// The span as a range.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// A suggestion no person has touched: the detector's, still suggested, without a
    /// note. Re-deriving sides and re-detection may change or replace it; nothing else.
    pub fn is_untouched(&self) -> bool {
        untouched(self.origin, self.status, self.note.as_deref())
    }

    /// For tests: a quote over `start..end` with every other field at its default (no
    /// text, speaker, side or cue; a direct quote the detector suggested). A test sets
    /// what it needs with `Quote { party, ..Quote::at(id, start, end) }`.
    #[cfg(test)]
    pub fn at(id: &str, start: usize, end: usize) -> Quote {
        Quote {
            id: id.into(),
            start,
            end,
            text: Snippet::default(),
            speaker: None,
            party: None,
            kind: QuoteKind::default(),
            cue: None,
            cue_text: Snippet::default(),
            origin: Origin::default(),
            status: Status::default(),
            recheck: None,
            note: None,
            prefix: Snippet::default(),
            suffix: Snippet::default(),
        }
    }
}

impl Position {
    /// The span as a range.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// See [`Quote::is_untouched`].
    pub fn is_untouched(&self) -> bool {
        untouched(self.origin, self.status, self.note.as_deref())
    }
}

fn untouched(origin: Origin, status: Status, note: Option<&str>) -> bool {
    origin == Origin::Auto && status == Status::Suggested && note.is_none()
}
