//! Wrapping the article into rows that carry byte ranges. Pure computation: the reader
//! and `parley print` both draw from these rows.

use crate::article::Article;
use std::ops::Range;
use textwrap::core::Fragment;
use textwrap::wrap_algorithms::wrap_first_fit;
use unicode_segmentation::UnicodeSegmentation;

mod width;
pub use width::{Graphemes, grapheme_width, graphemes, printable_ascii, text_width};

/// What part of the article a row belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// The headline.
    Title,
    /// A body paragraph (the dateline is inside the first one).
    Body,
    /// The byline.
    Byline,
    /// An empty row between blocks.
    Blank,
}

/// One screen row of wrapped text: the bytes it shows, as 32-bit offsets (12 bytes a row
/// rather than 24; a 50 MB article has about a million rows). The layout never holds an
/// offset past `MAX_OFFSET`, see `Layout::lazy`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    start: u32,
    end: u32,
    /// Which block it belongs to.
    pub kind: RowKind,
}

/// The largest byte offset a row can hold.
pub const MAX_OFFSET: usize = u32::MAX as usize;

impl Row {
    /// A row showing `range`, whose end must be at most `MAX_OFFSET`.
    fn new(range: Range<usize>, kind: RowKind) -> Row {
        debug_assert!(range.end <= MAX_OFFSET);
        let offset = |o: usize| u32::try_from(o).unwrap_or(u32::MAX);
        Row {
            start: offset(range.start),
            end: offset(range.end),
            kind,
        }
    }

    /// The bytes of the article shown on this row (empty for blank rows).
    pub fn range(&self) -> Range<usize> {
        self.start()..self.end()
    }

    /// The first byte shown.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// Just past the last byte shown.
    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// Whether the row shows no text (a blank row, or an empty paragraph).
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// The article wrapped at one width, block by block as far as it is needed: the first
/// screen of a huge article is drawn before the rest is wrapped.
#[derive(Debug, Clone)]
pub struct Layout {
    /// The width wrapped to.
    pub width: usize,
    /// Title, paragraphs and byline, in order.
    blocks: Vec<(Range<usize>, RowKind)>,
    /// The first block not wrapped yet.
    next_block: usize,
    /// Whether a row is left under the headline for a page's byline and date (the
    /// reader draws them there), besides the blank row before the story.
    credit: bool,
    /// The rows of the blocks wrapped so far.
    rows: Vec<Row>,
}

impl Layout {
    /// Wraps the whole article to `width` columns (at least 1).
    pub fn new(article: &Article, width: usize) -> Layout {
        let mut layout = Layout::lazy_within(article, width, MAX_OFFSET);
        layout.complete(&article.text);
        layout
    }

    /// The reader's layout, which wraps nothing until asked, with a row under the
    /// headline for a page's byline, date and site when the page gives any. Rows hold
    /// 32-bit offsets, so an article longer than 4 GiB (possible only with
    /// `limits.max_article_bytes` raised past the default of 256 MiB) is laid out up
    /// to its last block that ends within them.
    pub fn lazy(article: &Article, width: usize) -> Layout {
        let mut layout = Layout::lazy_within(article, width, MAX_OFFSET);
        let m = &article.meta;
        layout.credit = m.byline.is_some() || m.published.is_some() || m.site_name.is_some();
        layout
    }

    /// `lazy`, keeping only the blocks that end at or before `limit`.
    fn lazy_within(article: &Article, width: usize, limit: usize) -> Layout {
        let s = &article.structure;
        let mut blocks: Vec<(Range<usize>, RowKind)> = Vec::with_capacity(s.paragraphs.len() + 2);
        if let Some(t) = &s.title {
            blocks.push((t.clone(), RowKind::Title));
        }
        blocks.extend(
            s.paragraphs
                .iter()
                .map(|p| (p.range.clone(), RowKind::Body)),
        );
        // in the text's order, as every row must be: a page's byline comes under its
        // headline, a wire story's at its end
        if let Some(b) = &s.byline {
            let at = blocks.partition_point(|(r, _)| r.start < b.start);
            blocks.insert(at, (b.clone(), RowKind::Byline));
        }
        // the first block past the limit ends the layout
        if let Some(past) = blocks.iter().position(|(r, _)| r.end > limit) {
            blocks.truncate(past);
        }
        Layout {
            width: width.max(1),
            blocks,
            next_block: 0,
            credit: false,
            rows: Vec::new(),
        }
    }

    /// The rows wrapped so far (all of them once `is_complete`).
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// Whether every block is wrapped.
    pub fn is_complete(&self) -> bool {
        self.next_block >= self.blocks.len()
    }

    /// How far wrapping has got, as a byte offset.
    pub fn wrapped_to(&self) -> usize {
        self.rows.last().map_or(0, Row::end)
    }

    /// Wraps the next block; false when there was none.
    fn wrap_next(&mut self, text: &str) -> bool {
        let Some((range, kind)) = self.blocks.get(self.next_block).cloned() else {
            return false;
        };
        if self.next_block > 0 {
            let under_title = self.next_block == 1 && self.blocks[0].1 == RowKind::Title;
            let blanks = if under_title && self.credit { 2 } else { 1 };
            for _ in 0..blanks {
                self.rows
                    .push(Row::new(range.start..range.start, RowKind::Blank));
            }
        }
        let rows = &mut self.rows;
        wrap_block(text, range, self.width, |r| rows.push(Row::new(r, kind)));
        self.next_block += 1;
        if self.is_complete() {
            // the doubling of a growing Vec leaves up to half of it unused
            self.rows.shrink_to_fit();
        }
        true
    }

    /// Wraps until there are at least `n` rows (or everything is wrapped).
    pub fn ensure_rows(&mut self, text: &str, n: usize) {
        while self.rows.len() < n && self.wrap_next(text) {}
    }

    /// Wraps until the block holding byte `offset` is wrapped.
    pub fn ensure_offset(&mut self, text: &str, offset: usize) {
        while self
            .blocks
            .get(self.next_block)
            .is_some_and(|(r, _)| r.start <= offset)
            && self.wrap_next(text)
        {}
    }

    /// Wraps about `bytes` more of the article; returns whether it is complete.
    pub fn extend(&mut self, text: &str, bytes: usize) -> bool {
        let goal = self.wrapped_to() + bytes;
        while self.wrapped_to() < goal && self.wrap_next(text) {}
        self.is_complete()
    }

    /// Wraps everything.
    pub fn complete(&mut self, text: &str) {
        while self.wrap_next(text) {}
    }

    /// The index of the row showing byte `offset` among the rows wrapped so far (the
    /// last row starting at or before it).
    pub fn row_of(&self, offset: usize) -> usize {
        let i = self.rows.partition_point(|r| r.start() <= offset);
        i.saturating_sub(1)
    }
}

/// A word and its trailing whitespace, as byte ranges, with display widths.
#[derive(Debug, Clone)]
struct Word {
    range: Range<usize>,
    width: usize,
    space: usize,
}

impl Fragment for Word {
    fn width(&self) -> f64 {
        self.width as f64
    }
    fn whitespace_width(&self) -> f64 {
        self.space as f64
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// Wraps one block, calling `emit` with each row's byte range.
fn wrap_block(text: &str, block: Range<usize>, width: usize, mut emit: impl FnMut(Range<usize>)) {
    let words = split_words(text, block.clone(), width);
    if words.is_empty() {
        emit(block.start..block.start);
        return;
    }
    let lines = wrap_first_fit(&words, &[width as f64]);
    for line in lines {
        if let (Some(first), Some(last)) = (line.first(), line.last()) {
            emit(first.range.start..last.range.end);
        }
    }
}

/// Splits a block into words (runs of non-whitespace) with their trailing whitespace
/// width; words wider than `width` are cut at grapheme boundaries. Words break at ASCII
/// spaces and line breaks only (a no-break space keeps words together), and ASCII words
/// are measured without grapheme segmentation.
fn split_words(text: &str, block: Range<usize>, width: usize) -> Vec<Word> {
    let s = &text[block.clone()];
    let mut words = Vec::with_capacity(s.len() / 5);
    for (start, word) in ascii_space_split(s) {
        let word_width = if word.is_ascii() {
            word.len()
        } else {
            text_width(word)
        };
        push_word(
            s,
            block.start,
            start..start + word.len(),
            word_width,
            width,
            &mut words,
        );
        // the whitespace after the word, up to the next word
        let after = &s[start + word.len()..];
        let space = after.len() - after.trim_start_matches([' ', '\n']).len();
        if let Some(w) = words.last_mut() {
            w.space = space;
        }
    }
    words
}

/// The non-empty runs between ASCII spaces and line breaks, with their offsets.
fn ascii_space_split(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = s.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() && matches!(bytes[i], b' ' | b'\n') {
            i += 1;
        }
        if i >= bytes.len() {
            return None;
        }
        let start = i;
        while i < bytes.len() && !matches!(bytes[i], b' ' | b'\n') {
            i += 1;
        }
        Some((start, &s[start..i]))
    })
}

fn push_word(
    s: &str,
    base: usize,
    range: Range<usize>,
    word_width: usize,
    width: usize,
    words: &mut Vec<Word>,
) {
    if word_width <= width {
        words.push(Word {
            range: base + range.start..base + range.end,
            width: word_width,
            space: 0,
        });
        return;
    }
    let mut piece_start = range.start;
    let mut piece_width = 0;
    for (i, g) in graphemes(&s[range.clone()]) {
        let gw = grapheme_width(g);
        if piece_width + gw > width && piece_width > 0 {
            words.push(Word {
                range: base + piece_start..base + range.start + i,
                width: piece_width,
                space: 0,
            });
            piece_start = range.start + i;
            piece_width = 0;
        }
        piece_width += gw;
    }
    words.push(Word {
        range: base + piece_start..base + range.end,
        width: piece_width,
        space: 0,
    });
}

/// The byte offset of the grapheme shown at `column` of a row (for the mouse and the
/// cursor's moves between rows): past the row's end, its last grapheme. Always on a
/// character boundary, however wide or long the row's last character.
pub fn offset_at_column(text: &str, row: Range<usize>, column: usize) -> usize {
    let mut col = 0;
    let mut last = row.start;
    for (i, g) in text[row.clone()].grapheme_indices(true) {
        col += grapheme_width(g);
        if col > column {
            return row.start + i;
        }
        last = row.start + i;
    }
    last
}

#[cfg(test)]
mod tests;
