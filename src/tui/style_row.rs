//! The styles of one wrapped row: base style by block, then positions, quotes,
//! mentions, cues, search matches and the selection layered on top.

use super::highlight::{Highlights, Layer, Mark, segments};
use super::layout::{Row, RowKind};
use super::search::Search;
use super::theme::Theme;
use ratatui::style::Style;
use std::ops::Range;

/// How one row is drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct StyledRow {
    /// The gutter bar's glyph and style, when a position covers the row.
    pub gutter: Option<(&'static str, Style)>,
    /// The row's text cut into styled pieces.
    pub pieces: Vec<(Range<usize>, Style)>,
}

/// Everything that decides how a row looks.
#[derive(Debug, Clone)]
pub struct RowStyler<'a> {
    /// The article text.
    pub text: &'a str,
    /// Annotation highlights.
    pub hl: &'a Highlights,
    /// Styles.
    pub theme: &'a Theme,
    /// The dateline's bytes, drawn dim.
    pub dateline: Option<&'a Range<usize>>,
    /// Search matches to mark.
    pub search: Option<&'a Search>,
    /// The selected annotation's bytes.
    pub selected: Option<Range<usize>>,
    /// Extra ranges with their own style on top of everything (cursor, selection).
    pub overlays: &'a [(Range<usize>, Style)],
}

impl<'a> RowStyler<'a> {
    /// The row's gutter bar and its text cut into styled pieces, from one lookup of the
    /// highlights (the lookup is the only part of a frame that grows with the article).
    pub fn style(&self, row: &Row) -> StyledRow {
        if row.kind == RowKind::Blank {
            return StyledRow {
                gutter: None,
                pieces: Vec::new(),
            };
        }
        let marks: Vec<&Mark> = self.hl.overlapping(Self::probe(row)).collect();
        StyledRow {
            gutter: self.gutter_of(row, &marks),
            pieces: self.segments_of(row, &marks),
        }
    }

    /// The row's text cut into styled pieces.
    pub fn segments(&self, row: &Row) -> Vec<(Range<usize>, Style)> {
        let marks: Vec<&Mark> = self.hl.overlapping(Self::probe(row)).collect();
        self.segments_of(row, &marks)
    }

    /// The bytes whose highlights decide a row: its own, or the byte where an empty row
    /// stands (for the gutter of an empty paragraph).
    fn probe(row: &Row) -> Range<usize> {
        row.start()..row.end().max(row.start() + 1)
    }

    /// `segments`, given the marks overlapping `probe(row)`.
    fn segments_of(&self, row: &Row, marks: &[&Mark]) -> Vec<(Range<usize>, Style)> {
        let base = match row.kind {
            RowKind::Title => self.theme.title,
            RowKind::Byline => self.theme.dim,
            RowKind::Body | RowKind::Blank => self.theme.text,
        };
        let range = row.range();
        if range.is_empty() {
            return Vec::new();
        }
        let matches: Vec<_> = self
            .search
            .map(|s| s.overlapping(range.clone()).collect())
            .unwrap_or_default();
        let cuts = marks
            .iter()
            .map(|m| m.range())
            .chain(matches.iter().map(|(_, m)| (*m).clone()))
            .chain(self.dateline.cloned())
            .chain(self.selected.clone())
            .chain(self.overlays.iter().map(|(r, _)| r.clone()));
        segments(range, cuts)
            .into_iter()
            .map(|seg| {
                let style = self.style_of(&seg, base, marks, &matches);
                (seg, style)
            })
            .collect()
    }

    /// The style of one segment: the row's base, then every layer covering the segment.
    fn style_of(
        &self,
        seg: &Range<usize>,
        base: Style,
        marks: &[&Mark],
        matches: &[(usize, &Range<usize>)],
    ) -> Style {
        let covers = |r: &Range<usize>| r.start <= seg.start && seg.end <= r.end;
        let mut style = base;
        if self.dateline.is_some_and(covers) {
            style = style.patch(self.theme.dim);
        }
        // layers in a fixed order so nested highlights compose the same way everywhere
        for order in 0..4 {
            for m in marks.iter().filter(|m| covers(&m.range())) {
                style = match (order, m.layer()) {
                    (0, Layer::Position) => style.patch(self.theme.position_tint),
                    (1, Layer::Quote { kind, status }) => {
                        style.patch(self.theme.quote(m.party(), kind, status))
                    }
                    (2, Layer::Mention) => style.patch(self.theme.mention(m.party())),
                    (3, Layer::Cue) => style.patch(self.theme.cue()),
                    _ => style,
                };
            }
        }
        if self.selected.as_ref().is_some_and(covers) {
            style = style.patch(self.theme.selected);
        }
        for (i, m) in matches {
            if covers(m) {
                let current = self.search.and_then(|s| s.current) == Some(*i);
                style = style.patch(if current {
                    self.theme.search_current
                } else {
                    self.theme.search
                });
            }
        }
        for (r, s) in self.overlays {
            if covers(r) {
                style = style.patch(*s);
            }
        }
        style
    }

    /// The gutter bar of a row: the side of the first position covering it.
    pub fn gutter(&self, row: &Row) -> Option<(&'static str, Style)> {
        let marks: Vec<&Mark> = self.hl.overlapping(Self::probe(row)).collect();
        self.gutter_of(row, &marks)
    }

    /// `gutter`, given the marks overlapping `probe(row)`.
    fn gutter_of(&self, row: &Row, marks: &[&Mark]) -> Option<(&'static str, Style)> {
        if row.kind == RowKind::Blank {
            return None;
        }
        marks.iter().find_map(|m| match m.layer() {
            Layer::Position => {
                let (glyph, mut style) = self.theme.gutter(m.party());
                if self.selected == Some(m.range()) {
                    style = style.patch(self.theme.selected);
                }
                Some((glyph, style))
            }
            _ => None,
        })
    }

    /// The printable text of a piece of a row (line breaks inside paragraphs become spaces).
    pub fn piece(&self, r: &Range<usize>) -> std::borrow::Cow<'a, str> {
        let s = &self.text[r.clone()];
        if s.contains('\n') {
            std::borrow::Cow::Owned(s.replace('\n', " "))
        } else {
            std::borrow::Cow::Borrowed(s)
        }
    }
}
