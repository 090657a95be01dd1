//! What attribution finds in an article: each quotation with its kind, speaker and
//! cue, and the positions stated. Its own file so that the later stages (kinds,
//! speakers, stances, sides) read it without naming the walk that fills it.

use super::positions::Position;
use crate::model::QuoteKind;
use std::ops::Range;

/// A quotation with what the detector made of it.
#[derive(Debug, Clone)]
pub struct Found {
    /// The span, marks included.
    pub range: Range<usize>,
    /// Direct, partial or term.
    pub kind: QuoteKind,
    /// The entity that said it.
    pub speaker: Option<usize>,
    /// The cue that attributes it.
    pub cue: Option<Range<usize>>,
    /// The quotation this one continues (a quote running over paragraphs).
    pub(super) continues: Option<usize>,
}

/// Everything found in an article.
#[derive(Debug, Default)]
pub struct Findings {
    /// Quotations, in order.
    pub quotes: Vec<Found>,
    /// Positions, in order.
    pub positions: Vec<Position>,
}
