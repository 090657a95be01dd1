//! The annotation model: parties, speakers, quotes and positions over byte ranges of
//! the normalised article. The field names are the TOML schema (a contract). The
//! detector makes it, the store keeps it, the exports and the reader read it.

mod color;
mod snippet;

use crate::article::Article;
use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::sync::Arc;

pub use color::Color;
pub use snippet::Snippet;

/// An annotation, speaker or party id: short text kept inline up to 24 bytes.
pub type Id = compact_str::CompactString;

/// The schema version this build reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

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

/// What the store says about the article it annotates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct ArticleInfo {
    /// The headline.
    #[serde(default)]
    pub title: String,
    /// Where the article was read from.
    #[serde(default)]
    pub source: String,
    /// SHA-256 of the normalised text, hex.
    #[serde(default)]
    pub sha256: String,
    /// Length of the normalised text in bytes.
    #[serde(default)]
    pub bytes: usize,
    /// What the file is, when not plain text: "html" or "markdown".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// SHA-256 of the file's own bytes, when its text is made from markup.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_sha256: Option<String>,
    /// A web page's own address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// A web page's author line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// When a web page says it was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// The publication a web page belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site_name: Option<String>,
}

impl ArticleInfo {
    /// The `[article]` table for an article.
    pub fn of(article: &Article) -> ArticleInfo {
        let meta = &article.meta;
        ArticleInfo {
            title: article.title().to_string(),
            source: article.source.to_string(),
            sha256: article.sha256().to_string(),
            bytes: article.text.len(),
            kind: article
                .kind
                .is_markup()
                .then(|| article.kind.as_str().to_string()),
            file_sha256: article.file_sha256.clone(),
            url: meta.url.clone(),
            byline: meta.byline.clone(),
            published: meta.published.clone(),
            site_name: meta.site_name.clone(),
        }
    }
}

/// A table older stores may hold (`[reading]`: where the reader was): read and
/// dropped. The reader keeps its place and marks in its own state file, their one home.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Dropped;

impl<'de> Deserialize<'de> for Dropped {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Dropped, D::Error> {
        serde::de::IgnoredAny::deserialize(d).map(|_| Dropped)
    }
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

/// Up to `chars` characters of `text` before `at` and after `end`, for re-anchoring.
pub fn context(text: &str, at: usize, end: usize, chars: usize) -> (String, String) {
    let (before, after) = context_ranges(text, at, end, chars);
    (text[before].to_string(), text[after].to_string())
}

/// [`context`] as snippets of the shared article text (no copies).
pub fn shared_context(
    text: &Arc<String>,
    at: usize,
    end: usize,
    chars: usize,
) -> (Snippet, Snippet) {
    let (before, after) = context_ranges(text, at, end, chars);
    (Snippet::shared(text, before), Snippet::shared(text, after))
}

/// Where the context of `at..end` lies: up to `chars` characters on each side.
fn context_ranges(text: &str, at: usize, end: usize, chars: usize) -> (Range<usize>, Range<usize>) {
    if chars == 0 {
        return (at..at, end..end);
    }
    let start = text[..at]
        .char_indices()
        .rev()
        .nth(chars - 1)
        .map_or(0, |(i, _)| i);
    let after = &text[end..];
    let stop = after
        .char_indices()
        .nth(chars)
        .map_or(after.len(), |(i, _)| i);
    (start..at, end..end + stop)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_takes_characters_not_bytes() {
        let t = "ééé[x]ààà";
        let at = t.find('[').unwrap();
        let end = t.find(']').unwrap() + 1;
        assert_eq!(context(t, at, end, 2), ("éé".into(), "àà".into()));
        assert_eq!(context(t, at, end, 10), ("ééé".into(), "ààà".into()));
        assert_eq!(context(t, at, end, 0), (String::new(), String::new()));
    }
}
