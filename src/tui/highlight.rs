//! Which highlights cover which bytes: an index over the annotations that answers
//! "what overlaps this row" in logarithmic time, so only visible rows are styled.
//!
//! The index holds one mark per highlight and one item per annotation, a few million
//! for a 10 MB article, so both are packed: 32-bit offsets (as the layout holds, see
//! `Layout::lazy`), 16-bit side indices, 32-bit annotation indices. What does not fit
//! is never cut to fit: such an annotation is listed nowhere, like an orphan, and not
//! drawn; such a side counts as no side.

use crate::model::{Annotations, Id, Position, Quote, QuoteKind, QuoteSides, Status};
use std::collections::HashMap;
use std::ops::Range;

mod packed;
use packed::{List, Span, side};

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

/// A quote or position in document order, as the reader navigates them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    span: Span,
    index: u32,
    list: List,
    party: Option<u16>,
    status: Status,
    kind: Option<QuoteKind>,
}

impl Item {
    /// An item for `target`, or none when its index does not fit in 32 bits.
    fn new(
        target: Target,
        span: Span,
        party: Option<u16>,
        status: Status,
        kind: Option<QuoteKind>,
    ) -> Option<Item> {
        let (list, index) = List::of(target)?;
        Some(Item {
            span,
            index,
            list,
            party,
            status,
            kind,
        })
    }

    /// What it is.
    pub fn target(&self) -> Target {
        self.list.target(self.index)
    }

    /// Its span; `usize::MAX..usize::MAX` for an orphan or a span past 4 GiB.
    pub fn range(&self) -> Range<usize> {
        self.span.range()
    }

    /// Index of its side in `Annotations::parties`.
    pub fn party(&self) -> Option<usize> {
        self.party.map(usize::from)
    }

    /// Review state.
    pub fn status(&self) -> Status {
        self.status
    }

    /// For quotes, the kind.
    pub fn kind(&self) -> Option<QuoteKind> {
        self.kind
    }
}

/// How a highlighted stretch is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Layer {
    /// A position: gutter bar and tint.
    Position,
    /// A quote.
    Quote {
        /// Direct, partial, term.
        kind: QuoteKind,
        /// Suggested or accepted.
        status: Status,
    },
    /// A mention of a speaker.
    Mention,
    /// A speech cue.
    Cue,
}

impl Layer {
    /// The variant's place in the order of layers, whatever its fields.
    fn rank(self) -> u8 {
        match self {
            Layer::Position => 0,
            Layer::Quote { .. } => 1,
            Layer::Mention => 2,
            Layer::Cue => 3,
        }
    }
}

/// A highlighted byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    span: Span,
    party: Option<u16>,
    layer: Layer,
}

impl Mark {
    /// A mark over `range`, or none when there is nothing to draw: an empty range, or
    /// one that does not end within 32-bit offsets.
    fn new(range: Range<usize>, party: Option<u16>, layer: Layer) -> Option<Mark> {
        if range.is_empty() {
            return None;
        }
        Some(Mark {
            span: Span::placed(range)?,
            party,
            layer,
        })
    }

    /// The bytes.
    pub fn range(&self) -> Range<usize> {
        self.span.range()
    }

    /// The side index of the position, quote or speaker (none for cues).
    pub fn party(&self) -> Option<usize> {
        self.party.map(usize::from)
    }

    /// How to draw them.
    pub fn layer(&self) -> Layer {
        self.layer
    }
}

// what the packing is for: 40 and 56 bytes before
const _: () = assert!(std::mem::size_of::<Mark>() <= 16);
const _: () = assert!(std::mem::size_of::<Item>() <= 24);

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

/// Sorts the marks and the placed items into drawing and list order: unstable sorts
/// (a stable one takes memory) on keys that leave no ties between different marks or
/// items; positions before quotes on the same span, and marks by layer, side, then
/// kind and status, the order they compose in.
fn sort_index(marks: &mut [Mark], items: &mut [Item]) {
    marks.sort_unstable_by_key(|m| {
        let (span, layer) = (m.span, m.layer);
        (span.start(), span.end(), layer.rank(), m.party, layer)
    });
    // items past 32-bit offsets are nowhere, so they sort last, before the orphans
    items.sort_unstable_by_key(|it| {
        let (span, quote_after_position) = (it.span, it.list != List::Positions);
        (span.start(), span.end(), quote_after_position, it.index)
    });
}

/// How many live items (not rejected, not terms) each of `parties` sides has.
fn count_sides(items: &[Item], parties: usize) -> Vec<usize> {
    let mut counts = vec![0; parties];
    for it in items {
        if it.status != Status::Rejected && it.kind != Some(QuoteKind::Term) {
            if let Some(p) = it.party().filter(|&p| p < counts.len()) {
                counts[p] += 1;
            }
        }
    }
    counts
}

/// The items of annotations whose text is gone, each at no place.
fn push_orphans(
    ann: &Annotations,
    party_of: impl Fn(&Option<Id>) -> Option<usize>,
    items: &mut Vec<Item>,
) {
    for (i, q) in ann.orphan_quotes.iter().enumerate() {
        let (target, party) = (Target::OrphanQuote(i), side(party_of(&q.party)));
        let kind = Some(q.kind);
        items.extend(Item::new(target, Span::NOWHERE, party, q.status, kind));
    }
    for (i, p) in ann.orphan_positions.iter().enumerate() {
        let (target, party) = (Target::OrphanPosition(i), side(party_of(&p.party)));
        items.extend(Item::new(target, Span::NOWHERE, party, p.status, None));
    }
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
        let party_of = |id: &Option<Id>| id.as_deref().and_then(|p| party_index.get(p).copied());
        let quote_sides = QuoteSides::new(ann);
        let placed = ann.positions.len() + ann.quotes.len();
        let mentions: usize = ann.speakers.iter().map(|s| s.mentions.len()).sum();
        let mut marks = Vec::with_capacity(placed + ann.quotes.len() + mentions);
        let mut items =
            Vec::with_capacity(placed + ann.orphan_quotes.len() + ann.orphan_positions.len());
        for (i, p) in ann.positions.iter().enumerate() {
            let party = side(party_of(&p.party));
            let span = Span::or_nowhere(p.range());
            items.extend(Item::new(Target::Position(i), span, party, p.status, None));
            if p.status != Status::Rejected {
                marks.extend(Mark::new(p.range(), party, Layer::Position));
            }
        }
        for (i, q) in ann.quotes.iter().enumerate() {
            let party = side(quote_sides.of(q).and_then(|p| party_index.get(p).copied()));
            let (target, span) = (Target::Quote(i), Span::or_nowhere(q.range()));
            items.extend(Item::new(target, span, party, q.status, Some(q.kind)));
            if q.status == Status::Rejected {
                continue;
            }
            let layer = Layer::Quote {
                kind: q.kind,
                status: q.status,
            };
            marks.extend(Mark::new(q.range(), party, layer));
            if let Some([a, b]) = q.cue {
                marks.extend(Mark::new(a..b, None, Layer::Cue));
            }
        }
        for s in &ann.speakers {
            let party = side(party_of(&s.party));
            for [a, b] in &s.mentions {
                marks.extend(Mark::new(*a..*b, party, Layer::Mention));
            }
        }
        sort_index(&mut marks, &mut items);
        // orphans have no place in the text: they come last, past every offset
        push_orphans(ann, party_of, &mut items);
        let max_len = marks.iter().map(|m| m.range().len()).max().unwrap_or(0);
        let side_counts = count_sides(&items, ann.parties.len());
        Highlights {
            marks,
            max_len,
            items,
            side_counts,
        }
    }

    /// The marks that overlap `range`, in order of start.
    pub fn overlapping(&self, range: Range<usize>) -> impl Iterator<Item = &Mark> {
        let hi = self.marks.partition_point(|m| m.span.start() < range.end);
        let lo_start = range.start.saturating_sub(self.max_len);
        let lo = self.marks[..hi].partition_point(|m| m.span.start() < lo_start);
        self.marks[lo..hi]
            .iter()
            .filter(move |m| m.span.end() > range.start)
    }

    /// The index of the first item starting at or after `offset`.
    pub fn item_at_or_after(&self, offset: usize) -> usize {
        self.items.partition_point(|it| it.span.start() < offset)
    }

    /// The innermost item covering `offset`, if any (for mouse clicks).
    pub fn item_covering(&self, offset: usize) -> Option<usize> {
        self.items
            .iter()
            .enumerate()
            .filter(|(_, it)| it.span.start() <= offset && offset < it.span.end())
            .min_by_key(|(_, it)| it.range().len())
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
