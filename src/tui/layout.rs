//! Wrapping the article into rows that carry byte ranges. Pure computation: the reader
//! and `parley print` both draw from these rows.

use crate::article::Article;
use std::ops::Range;
use textwrap::core::Fragment;
use textwrap::wrap_algorithms::wrap_first_fit;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

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

/// One screen row of wrapped text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The bytes of the article shown on this row (empty for blank rows).
    pub range: Range<usize>,
    /// Which block it belongs to.
    pub kind: RowKind,
}

/// The article wrapped at one width.
#[derive(Debug, Clone)]
pub struct Layout {
    /// The width wrapped to.
    pub width: usize,
    /// Every row, in order.
    pub rows: Vec<Row>,
}

impl Layout {
    /// Wraps the whole article to `width` columns (at least 1).
    pub fn new(article: &Article, width: usize) -> Layout {
        let width = width.max(1);
        let s = &article.structure;
        let mut blocks: Vec<(Range<usize>, RowKind)> = Vec::new();
        if let Some(t) = &s.title {
            blocks.push((t.clone(), RowKind::Title));
        }
        blocks.extend(
            s.paragraphs
                .iter()
                .map(|p| (p.range.clone(), RowKind::Body)),
        );
        if let Some(b) = &s.byline {
            blocks.push((b.clone(), RowKind::Byline));
        }
        let mut rows = Vec::new();
        for (i, (range, kind)) in blocks.into_iter().enumerate() {
            if i > 0 {
                rows.push(Row {
                    range: range.start..range.start,
                    kind: RowKind::Blank,
                });
            }
            wrap_block(&article.text, range, width, |r| {
                rows.push(Row { range: r, kind });
            });
        }
        Layout { width, rows }
    }

    /// The index of the row showing byte `offset` (the last row starting at or before it).
    pub fn row_of(&self, offset: usize) -> usize {
        let i = self.rows.partition_point(|r| r.range.start <= offset);
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

/// Display width of a piece of text, grapheme by grapheme as ratatui measures it.
pub fn text_width(s: &str) -> usize {
    s.graphemes(true).map(grapheme_width).sum()
}

/// Display width of one grapheme; line breaks count as one space.
pub fn grapheme_width(g: &str) -> usize {
    if g == "\n" { 1 } else { g.width() }
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
/// width; words wider than `width` are cut at grapheme boundaries.
fn split_words(text: &str, block: Range<usize>, width: usize) -> Vec<Word> {
    let s = &text[block.clone()];
    let mut words = Vec::new();
    let mut start: Option<usize> = None;
    let mut word_width = 0;
    for (i, g) in s.grapheme_indices(true) {
        let is_space = g.chars().all(char::is_whitespace);
        if is_space {
            if let Some(st) = start.take() {
                push_word(s, block.start, st..i, word_width, width, &mut words);
                word_width = 0;
            }
            if let Some(w) = words.last_mut() {
                w.space += 1;
            }
        } else {
            start.get_or_insert(i);
            word_width += grapheme_width(g);
        }
    }
    if let Some(st) = start {
        push_word(s, block.start, st..s.len(), word_width, width, &mut words);
    }
    words
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
    for (i, g) in s[range.clone()].grapheme_indices(true) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Source;

    fn rows(text: &str, width: usize) -> Vec<String> {
        let a = Article::from_bytes(Source::Stdin, text.as_bytes());
        let l = Layout::new(&a, width);
        l.rows
            .iter()
            .map(|r| a.text[r.range.clone()].to_string())
            .collect()
    }

    #[test]
    fn wraps_words_and_separates_blocks() {
        assert_eq!(
            rows("Title here\n\nOne two three four five.\n\nSix.", 10),
            vec![
                "Title here",
                "",
                "One two",
                "three four",
                "five.",
                "",
                "Six."
            ]
        );
    }

    #[test]
    fn long_words_are_cut_and_every_row_fits() {
        let text = format!("T\n\n{} end", "x".repeat(25));
        let r = rows(&text, 10);
        assert_eq!(r[2..], ["xxxxxxxxxx", "xxxxxxxxxx", "xxxxx end"]);
        for w in [1, 2, 3, 7] {
            for row in rows("漢字漢字 👩‍👩‍👧 e\u{301}e\u{301} word", w) {
                assert!(text_width(&row) <= w.max(2), "{row:?} at {w}");
            }
        }
    }

    #[test]
    fn row_of_finds_offsets() {
        let a = Article::from_bytes(Source::Stdin, b"Title\n\nalpha beta gamma");
        let l = Layout::new(&a, 6);
        let gamma = a.text.find("gamma").unwrap();
        assert_eq!(&a.text[l.rows[l.row_of(gamma)].range.clone()], "gamma");
        assert_eq!(l.row_of(0), 0);
    }
}
