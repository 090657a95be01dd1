//! Which highlights cover which bytes: an index over the annotations that answers
//! "what overlaps this row" in logarithmic time, so only visible rows are styled.

use crate::store::model::{Annotations, Position, Quote, QuoteKind, Status};
use std::collections::HashMap;
use std::ops::Range;

/// What an annotation in the reader's list points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    /// `Annotations::quotes[i]`.
    Quote(usize),
    /// `Annotations::positions[i]`.
    Position(usize),
    /// `Annotations::orphan_quotes[i]`: no longer placed in the text.
    OrphanQuote(usize),
    /// `Annotations::orphan_positions[i]`.
    OrphanPosition(usize),
}

/// Reads the quote or position (placed or orphan) a target points at.
pub fn on_target<'a, T>(
    ann: &'a Annotations,
    target: Target,
    quote: impl FnOnce(&'a Quote) -> T,
    position: impl FnOnce(&'a Position) -> T,
) -> Option<T> {
    match target {
        Target::Quote(i) => ann.quotes.get(i).map(quote),
        Target::Position(i) => ann.positions.get(i).map(position),
        Target::OrphanQuote(i) => ann.orphan_quotes.get(i).map(quote),
        Target::OrphanPosition(i) => ann.orphan_positions.get(i).map(position),
    }
}

fn target_index(t: Target) -> usize {
    match t {
        Target::Quote(i)
        | Target::Position(i)
        | Target::OrphanQuote(i)
        | Target::OrphanPosition(i) => i,
    }
}

/// A quote or position in document order, as the reader navigates them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// What it is.
    pub target: Target,
    /// Its span.
    pub range: Range<usize>,
    /// Index of its side in `Annotations::parties`.
    pub party: Option<usize>,
    /// Review state.
    pub status: Status,
    /// For quotes, the kind.
    pub kind: Option<QuoteKind>,
}

/// One highlighted stretch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Layer {
    /// A position: gutter bar and tint.
    Position {
        /// Side index.
        party: Option<usize>,
    },
    /// A quote.
    Quote {
        /// Side index.
        party: Option<usize>,
        /// Direct, partial, term.
        kind: QuoteKind,
        /// Suggested or accepted.
        status: Status,
    },
    /// A mention of a speaker.
    Mention {
        /// The speaker's side index.
        party: Option<usize>,
    },
    /// A speech cue.
    Cue,
}

/// A highlighted byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// The bytes.
    pub range: Range<usize>,
    /// How to draw them.
    pub layer: Layer,
}

/// Highlights and the navigable items of an annotation set.
#[derive(Debug, Clone, Default)]
pub struct Highlights {
    /// Sorted by start.
    marks: Vec<Mark>,
    /// The longest mark, bounding the backward scan of `overlapping`.
    max_len: usize,
    /// Quotes and positions in document order.
    pub items: Vec<Item>,
    /// Live (not rejected) speech quotes and positions per side, for the status bar;
    /// counted once here rather than on every frame.
    pub side_counts: Vec<usize>,
}

impl Highlights {
    /// Indexes an annotation set. Rejected annotations are navigable but not drawn.
    pub fn new(ann: &Annotations) -> Highlights {
        let party_index: HashMap<&str, usize> = ann
            .parties
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect();
        let party_of =
            |id: &Option<String>| id.as_deref().and_then(|p| party_index.get(p).copied());
        let speaker_party: HashMap<&str, Option<usize>> = ann
            .speakers
            .iter()
            .map(|s| (s.id.as_str(), party_of(&s.party)))
            .collect();
        let placed = ann.positions.len() + ann.quotes.len();
        let mentions: usize = ann.speakers.iter().map(|s| s.mentions.len()).sum();
        let mut marks = Vec::with_capacity(placed + ann.quotes.len() + mentions);
        let mut items =
            Vec::with_capacity(placed + ann.orphan_quotes.len() + ann.orphan_positions.len());
        for (i, p) in ann.positions.iter().enumerate() {
            let party = party_of(&p.party);
            items.push(Item {
                target: Target::Position(i),
                range: p.range(),
                party,
                status: p.status,
                kind: None,
            });
            if p.status != Status::Rejected {
                marks.push(Mark {
                    range: p.range(),
                    layer: Layer::Position { party },
                });
            }
        }
        for (i, q) in ann.quotes.iter().enumerate() {
            let party = party_of(&q.party).or_else(|| {
                q.speaker
                    .as_deref()
                    .and_then(|s| speaker_party.get(s).copied().flatten())
            });
            items.push(Item {
                target: Target::Quote(i),
                range: q.range(),
                party,
                status: q.status,
                kind: Some(q.kind),
            });
            if q.status == Status::Rejected {
                continue;
            }
            marks.push(Mark {
                range: q.range(),
                layer: Layer::Quote {
                    party,
                    kind: q.kind,
                    status: q.status,
                },
            });
            if let Some([a, b]) = q.cue {
                marks.push(Mark {
                    range: a..b,
                    layer: Layer::Cue,
                });
            }
        }
        for s in &ann.speakers {
            let party = party_of(&s.party);
            for [a, b] in &s.mentions {
                marks.push(Mark {
                    range: *a..*b,
                    layer: Layer::Mention { party },
                });
            }
        }
        marks.retain(|m| m.range.start < m.range.end);
        // unstable sorts (a stable one takes memory) on keys that leave no ties
        // between different marks or items; positions before quotes on the same span
        marks.sort_unstable_by_key(|m| (m.range.start, m.range.end, m.layer));
        items.sort_unstable_by_key(|it| {
            let target = match it.target {
                Target::Position(i) => (0, i),
                _ => (1, target_index(it.target)),
            };
            (it.range.start, it.range.end, target)
        });
        // orphans have no place in the text: they come last, past every offset
        let nowhere = usize::MAX..usize::MAX;
        for (i, q) in ann.orphan_quotes.iter().enumerate() {
            items.push(Item {
                target: Target::OrphanQuote(i),
                range: nowhere.clone(),
                party: party_of(&q.party),
                status: q.status,
                kind: Some(q.kind),
            });
        }
        for (i, p) in ann.orphan_positions.iter().enumerate() {
            items.push(Item {
                target: Target::OrphanPosition(i),
                range: nowhere.clone(),
                party: party_of(&p.party),
                status: p.status,
                kind: None,
            });
        }
        let max_len = marks.iter().map(|m| m.range.len()).max().unwrap_or(0);
        let mut side_counts = vec![0; ann.parties.len()];
        for it in &items {
            if it.status != Status::Rejected && it.kind != Some(QuoteKind::Term) {
                if let Some(p) = it.party.filter(|&p| p < side_counts.len()) {
                    side_counts[p] += 1;
                }
            }
        }
        Highlights {
            marks,
            max_len,
            items,
            side_counts,
        }
    }

    /// The marks that overlap `range`, in order of start.
    pub fn overlapping(&self, range: Range<usize>) -> impl Iterator<Item = &Mark> {
        let hi = self.marks.partition_point(|m| m.range.start < range.end);
        let lo_start = range.start.saturating_sub(self.max_len);
        let lo = self.marks[..hi].partition_point(|m| m.range.start < lo_start);
        self.marks[lo..hi]
            .iter()
            .filter(move |m| m.range.end > range.start)
    }

    /// The index of the first item starting at or after `offset`.
    pub fn item_at_or_after(&self, offset: usize) -> usize {
        self.items.partition_point(|it| it.range.start < offset)
    }

    /// The innermost item covering `offset`, if any (for mouse clicks).
    pub fn item_covering(&self, offset: usize) -> Option<usize> {
        self.items
            .iter()
            .enumerate()
            .filter(|(_, it)| it.range.start <= offset && offset < it.range.end)
            .min_by_key(|(_, it)| it.range.len())
            .map(|(i, _)| i)
    }
}

/// Cuts `range` into the pieces between every boundary of the given ranges that falls
/// inside it; each piece is styled once.
pub fn segments(
    range: Range<usize>,
    cuts: impl Iterator<Item = Range<usize>>,
) -> Vec<Range<usize>> {
    let mut points: Vec<usize> = vec![range.start, range.end];
    for c in cuts {
        for p in [c.start, c.end] {
            if range.start < p && p < range.end {
                points.push(p);
            }
        }
    }
    points.sort_unstable();
    points.dedup();
    points.windows(2).map(|w| w[0]..w[1]).collect()
}

#[cfg(test)]
mod tests;
