//! Cursor mode: a cursor on the text that moves by grapheme, row, word, sentence and
//! paragraph, and a selection from an anchor to it that snaps to grapheme boundaries.

use super::App;
use crate::keys::Command;
use crate::tui::strings;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// The cursor and the selection's other end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    /// Byte offset of the grapheme under the cursor.
    pub at: usize,
    /// Where the selection started, when one is being made.
    pub anchor: Option<usize>,
}

impl Cursor {
    /// The selected bytes: from the earlier end to the end of the grapheme at the later.
    pub fn selection(&self, text: &str) -> Option<Range<usize>> {
        let anchor = self.anchor?;
        let (a, b) = (anchor.min(self.at), anchor.max(self.at));
        Some(a..next_boundary(text, b))
    }
}

/// The grapheme boundary after `at` (or the end).
pub fn next_boundary(text: &str, at: usize) -> usize {
    text[at..]
        .graphemes(true)
        .next()
        .map_or(text.len(), |g| at + g.len())
}

/// The grapheme boundary before `at` (or 0).
pub fn prev_boundary(text: &str, at: usize) -> usize {
    text[..at]
        .grapheme_indices(true)
        .next_back()
        .map_or(0, |(i, _)| i)
}

fn is_space(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_some_and(char::is_whitespace)
}

impl App {
    /// Enters cursor mode where the user last went: the search match the view went to,
    /// else the selected annotation, else the top of the screen; with a selection
    /// started there (as vim's `v`: moves extend it at once).
    pub(super) fn enter_cursor(&mut self) {
        if self.says_nothing_to_select() {
            return;
        }
        let on_match = (self.search.current)
            .filter(|_| self.search.went_to_match)
            .and_then(|c| self.search.matches.get(c))
            .map(|m| m.start);
        let at = on_match
            .or_else(|| {
                self.selected
                    .and_then(|s| self.hl.items.get(s))
                    .map(|it| it.range().start)
            })
            .filter(|&o| o < self.article.text.len())
            .unwrap_or_else(|| self.first_text_offset());
        self.mode.enter_cursor(Cursor {
            at,
            anchor: Some(at),
        });
        self.message = Some((strings::selecting(&self.keymap), super::Tone::Info));
    }

    /// Says why there is nothing to select when the article has no text (empty, or
    /// not come yet); whether it said so.
    pub(super) fn says_nothing_to_select(&mut self) -> bool {
        if !self.article.is_empty() {
            return false;
        }
        let why = if self.loading.rest_to_come() {
            strings::NOTHING_TO_SELECT_YET
        } else {
            strings::NOTHING_TO_SELECT
        };
        self.message = Some((why.into(), super::Tone::Info));
        true
    }

    fn first_text_offset(&self) -> usize {
        self.layout.rows()[self.top.min(self.layout.rows().len())..]
            .iter()
            .find(|r| !r.is_empty())
            .map_or(0, |r| r.start())
    }

    /// Handles a cursor-mode command; false when it is not one.
    pub(super) fn cursor_command(&mut self, c: Command) -> bool {
        let Some(&cur) = self.mode.cursor() else {
            return false;
        };
        let text = &self.article.text;
        if text.is_empty() {
            // the article was read again, empty, under cursor mode
            self.mode.leave_cursor();
            self.says_nothing_to_select();
            return true;
        }
        let at = match c {
            Command::CursorLeft => self.skip_gap(prev_boundary(text, cur.at), false),
            Command::CursorRight => self.skip_gap(next_boundary(text, cur.at), true),
            Command::CursorDown => self.row_step(cur.at, 1),
            Command::CursorUp => self.row_step(cur.at, -1),
            Command::WordNext => word_next(text, cur.at),
            Command::WordPrev => word_prev(text, cur.at),
            Command::WordEnd => word_end(text, cur.at),
            Command::SentenceNext | Command::SentencePrev => {
                self.sentence_step(cur.at, c == Command::SentenceNext)
            }
            Command::ParagraphNext | Command::ParagraphPrev => {
                self.paragraph_step(cur.at, c == Command::ParagraphNext)
            }
            _ => return self.selection_command(c),
        };
        let last = prev_boundary(&self.article.text, self.article.text.len());
        let at = at.min(last);
        if let Some(cur) = self.mode.cursor_mut() {
            cur.at = at;
        }
        self.reveal(at);
        true
    }

    /// A cursor-mode command on the selection: start or drop it, Esc, tag it; false
    /// when it is not one.
    fn selection_command(&mut self, c: Command) -> bool {
        match c {
            Command::ToggleSelection => {
                if let Some(cur) = self.mode.cursor_mut() {
                    cur.anchor = if cur.anchor.is_some() {
                        None
                    } else {
                        Some(cur.at)
                    };
                }
            }
            // Esc drops the selection first, then leaves cursor mode
            Command::CursorCancel => match self.mode.cursor_mut() {
                Some(c) if c.anchor.is_some() => c.anchor = None,
                _ => self.mode.leave_cursor(),
            },
            Command::TagQuote => self.tag_selection(true),
            Command::TagPosition => self.tag_selection(false),
            _ => return false,
        }
        true
    }

    /// The start of the next (previous) sentence, among the paragraphs around `at`
    /// (split into sentences as needed).
    fn sentence_step(&self, at: usize, forward: bool) -> usize {
        let (text, s) = (&self.article.text, &self.article.structure);
        let i = s.paragraphs.partition_point(|p| p.range.end <= at);
        let near = i.saturating_sub(2)..(i + 3).min(s.paragraphs.len());
        let starts = near.flat_map(|j| s.sentences_of(text, j)).map(|r| r.start);
        step_to(starts, at, forward)
    }

    /// The start of the next (previous) paragraph.
    fn paragraph_step(&self, at: usize, forward: bool) -> usize {
        let paragraphs = &self.article.structure.paragraphs;
        let i = paragraphs.partition_point(|p| p.range.start <= at);
        let near = &paragraphs[i.saturating_sub(2)..(i + 1).min(paragraphs.len())];
        step_to(near.iter().map(|p| p.range.start), at, forward)
    }

    /// Moving onto whitespace between blocks skips to the next (or previous) text.
    fn skip_gap(&self, at: usize, forward: bool) -> usize {
        let text = &self.article.text;
        if at >= text.len() || !text[at..].starts_with('\n') {
            return at;
        }
        let mut i = at;
        if forward {
            while i < text.len() && is_space(text, i) {
                i = next_boundary(text, i);
            }
            if i >= text.len() { at } else { i }
        } else {
            while i > 0 && is_space(text, i) {
                i = prev_boundary(text, i);
            }
            i
        }
    }

    /// The offset one row down (or up), at the same column as far as the row allows.
    fn row_step(&mut self, at: usize, delta: isize) -> usize {
        let row = self.row_of(at);
        self.layout.ensure_rows(&self.article.text, row + 3);
        let rows = self.layout.rows();
        let Some(current) = rows.get(row) else {
            return at;
        };
        let start = current.start().min(at);
        let column = crate::tui::layout::text_width(&self.article.text[start..at]);
        let mut target = row as isize + delta;
        while target >= 0 && (target as usize) < rows.len() && rows[target as usize].is_empty() {
            target += delta.signum();
        }
        match usize::try_from(target).ok().and_then(|t| rows.get(t)) {
            Some(r) if !r.is_empty() => {
                crate::tui::layout::offset_at_column(&self.article.text, r.range(), column)
            }
            _ => at,
        }
    }
}

fn word_next(text: &str, at: usize) -> usize {
    let mut i = at;
    while i < text.len() && !is_space(text, i) {
        i = next_boundary(text, i);
    }
    while i < text.len() && is_space(text, i) {
        i = next_boundary(text, i);
    }
    if i >= text.len() { at } else { i }
}

fn word_prev(text: &str, at: usize) -> usize {
    let mut i = prev_boundary(text, at);
    while i > 0 && is_space(text, i) {
        i = prev_boundary(text, i);
    }
    while i > 0 && !is_space(text, prev_boundary(text, i)) {
        i = prev_boundary(text, i);
    }
    i
}

fn word_end(text: &str, at: usize) -> usize {
    let mut i = next_boundary(text, at);
    while i < text.len() && is_space(text, i) {
        i = next_boundary(text, i);
    }
    while i < text.len() {
        let n = next_boundary(text, i);
        if n >= text.len() || is_space(text, n) {
            return i;
        }
        i = n;
    }
    at
}

/// The next (previous) start after (before) `at`; `at` when there is none.
fn step_to(starts: impl Iterator<Item = usize>, at: usize, forward: bool) -> usize {
    let starts: Vec<usize> = starts.collect();
    if forward {
        starts.into_iter().find(|&s| s > at).unwrap_or(at)
    } else {
        starts.into_iter().rev().find(|&s| s < at).unwrap_or(at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_motions() {
        let t = "one two, three";
        assert_eq!(word_next(t, 0), 4);
        assert_eq!(word_next(t, 4), 9);
        assert_eq!(word_prev(t, 9), 4);
        assert_eq!(word_prev(t, 4), 0);
        assert_eq!(word_end(t, 0), 2);
        assert_eq!(word_end(t, 2), 7);
    }

    #[test]
    fn selection_is_inclusive_and_on_graphemes() {
        let t = "ae\u{301}b";
        let c = Cursor {
            at: 1,
            anchor: Some(0),
        };
        assert_eq!(c.selection(t), Some(0..4));
        let c = Cursor {
            at: 0,
            anchor: Some(4),
        };
        assert_eq!(c.selection(t), Some(0..5));
    }
}
