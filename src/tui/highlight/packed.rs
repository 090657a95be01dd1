//! The packed fields of marks and items: byte ranges in 32-bit offsets, annotation
//! indices in 32 bits and side indices in 16, each converted in one place and never
//! truncated.

use super::Target;
use std::ops::Range;

/// A 32-bit offset or index as a `usize` (lossless: usize has at least 32 bits on every
/// target parley builds for, as the layout's rows assume too).
fn widen(n: u32) -> usize {
    n as usize
}

/// A side index in 16 bits; one past `u16::MAX` (over 65,536 sides) counts as no side.
pub(super) fn side(index: Option<usize>) -> Option<u16> {
    index.and_then(|i| u16::try_from(i).ok())
}

/// A byte range in 32-bit offsets, or nowhere: not in the text (an orphan), or past
/// what 32 bits reach (only when `limits.max_article_bytes` is raised beyond 4 GiB,
/// where the layout also stops, see `Layout::lazy`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Span {
    start: u32,
    end: u32,
}

impl Span {
    /// Nowhere in the text; reads as `usize::MAX..usize::MAX`, after every offset.
    pub(super) const NOWHERE: Span = Span {
        start: u32::MAX,
        end: u32::MAX,
    };

    /// `range` in 32-bit offsets, or none when it does not fit. A range starting at
    /// `u32::MAX` (at best an empty one at the very end) reads as nowhere, so none too.
    pub(super) fn placed(range: Range<usize>) -> Option<Span> {
        let start = u32::try_from(range.start).ok()?;
        let end = u32::try_from(range.end).ok()?;
        (start != u32::MAX).then_some(Span { start, end })
    }

    /// `range` in 32-bit offsets, or nowhere when it does not fit.
    pub(super) fn or_nowhere(range: Range<usize>) -> Span {
        Span::placed(range).unwrap_or(Span::NOWHERE)
    }

    /// The first byte (`usize::MAX` when nowhere).
    pub(super) fn start(self) -> usize {
        if self == Span::NOWHERE {
            usize::MAX
        } else {
            widen(self.start)
        }
    }

    /// Just past the last byte (`usize::MAX` when nowhere).
    pub(super) fn end(self) -> usize {
        if self == Span::NOWHERE {
            usize::MAX
        } else {
            widen(self.end)
        }
    }

    /// The bytes.
    pub(super) fn range(self) -> Range<usize> {
        self.start()..self.end()
    }
}

/// Which list of `Annotations` an item points into: a `Target` without its index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum List {
    Quotes,
    Positions,
    OrphanQuotes,
    OrphanPositions,
}

impl List {
    /// The list and 32-bit index of `target`, or none when the index does not fit.
    pub(super) fn of(target: Target) -> Option<(List, u32)> {
        let (list, index) = match target {
            Target::Quote(i) => (List::Quotes, i),
            Target::Position(i) => (List::Positions, i),
            Target::OrphanQuote(i) => (List::OrphanQuotes, i),
            Target::OrphanPosition(i) => (List::OrphanPositions, i),
        };
        Some((list, u32::try_from(index).ok()?))
    }

    /// The target at `index` of this list.
    pub(super) fn target(self, index: u32) -> Target {
        let i = widen(index);
        match self {
            List::Quotes => Target::Quote(i),
            List::Positions => Target::Position(i),
            List::OrphanQuotes => Target::OrphanQuote(i),
            List::OrphanPositions => Target::OrphanPosition(i),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOP: usize = u32::MAX as usize;

    #[test]
    fn spans_within_32_bits_keep_their_bytes() {
        for r in [0..0, 3..9, 0..TOP, TOP - 1..TOP] {
            assert_eq!(Span::placed(r.clone()).map(Span::range), Some(r));
        }
    }

    #[test]
    fn spans_past_32_bits_are_nowhere_never_cut() {
        for r in [TOP - 1..TOP + 1, TOP..TOP, TOP + 5..TOP + 9, 0..usize::MAX] {
            assert_eq!(Span::placed(r.clone()), None, "{r:?}");
            assert_eq!(Span::or_nowhere(r).range(), usize::MAX..usize::MAX);
        }
    }

    #[test]
    fn targets_round_trip_and_wide_indices_do_not_fit() {
        for t in [
            Target::Quote(0),
            Target::Position(7),
            Target::OrphanQuote(TOP),
            Target::OrphanPosition(1),
        ] {
            let (list, i) = List::of(t).unwrap();
            assert_eq!(list.target(i), t);
        }
        assert_eq!(List::of(Target::Quote(TOP + 1)), None);
    }
}
