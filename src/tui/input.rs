//! A text field with a cursor that moves and deletes by grapheme: the search prompt,
//! names, paths. Text put in it beforehand starts selected, as in a file dialog:
//! typing replaces it; an editing key or a move keeps it to edit.

use super::action::PromptKey;
use unicode_segmentation::UnicodeSegmentation;

/// An editable line (or lines) of text with a cursor, always on a grapheme boundary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextField {
    text: String,
    cursor: usize,
    /// Whether the whole text is selected (the text it started with, untouched).
    selected: bool,
}

impl TextField {
    /// Applies an editing key (Submit and Abort are the owner's to act on).
    pub fn apply(&mut self, k: PromptKey) {
        if std::mem::take(&mut self.selected) {
            match k {
                // typing replaces the selected text; an editing key or a move keeps it
                // and edits it as readline would (Ctrl-w takes the last word)
                PromptKey::Char(_) => {
                    self.text.clear();
                    self.cursor = 0;
                }
                PromptKey::Submit | PromptKey::Abort => self.selected = true,
                _ => {}
            }
        }
        match k {
            PromptKey::Char(c) => self.insert(c),
            PromptKey::Backspace => self.backspace(),
            PromptKey::Delete => self.delete(),
            PromptKey::DeleteWord => self.delete_word(),
            PromptKey::DeleteToStart => self.delete_to_start(),
            PromptKey::Left => self.left(),
            PromptKey::Right => self.right(),
            PromptKey::Home => self.home(),
            PromptKey::End => self.end(),
            PromptKey::Submit | PromptKey::Abort => {}
        }
    }

    /// A field holding `text`, selected, the cursor at its end.
    pub fn new(text: &str) -> TextField {
        TextField {
            text: text.to_string(),
            cursor: text.len(),
            selected: !text.is_empty(),
        }
    }

    /// Whether the text it started with is selected (typing replaces it).
    pub fn is_selected(&self) -> bool {
        self.selected
    }

    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor's byte offset.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Inserts a character at the cursor (controls other than newline are ignored).
    pub fn insert(&mut self, c: char) {
        if c.is_control() && c != '\n' {
            return;
        }
        self.text.insert(self.cursor, c);
        self.cursor += c.len_utf8();
    }

    /// Inserts text at the cursor, less its control characters (a paste, cleaned).
    pub fn insert_str(&mut self, s: &str) {
        for c in s.chars() {
            self.insert(c);
        }
    }

    /// Deletes the grapheme before the cursor.
    pub fn backspace(&mut self) {
        let prev = self.prev_boundary();
        self.text.replace_range(prev..self.cursor, "");
        self.cursor = prev;
    }

    /// Deletes the grapheme after the cursor.
    pub fn delete(&mut self) {
        let next = self.next_boundary();
        self.text.replace_range(self.cursor..next, "");
    }

    /// Moves one grapheme left.
    pub fn left(&mut self) {
        self.cursor = self.prev_boundary();
    }

    /// Moves one grapheme right.
    pub fn right(&mut self) {
        self.cursor = self.next_boundary();
    }

    /// Moves to the start of the current line.
    pub fn home(&mut self) {
        self.cursor = self.text[..self.cursor].rfind('\n').map_or(0, |i| i + 1);
    }

    /// Moves to the end of the current line.
    pub fn end(&mut self) {
        self.cursor += self.text[self.cursor..]
            .find('\n')
            .unwrap_or(self.text.len() - self.cursor);
    }

    /// Deletes the word before the cursor (Ctrl-W).
    pub fn delete_word(&mut self) {
        let before = &self.text[..self.cursor];
        let trimmed = before.trim_end();
        let start = trimmed
            .unicode_word_indices()
            .next_back()
            .map_or(0, |(i, _)| i)
            .min(trimmed.len());
        self.text.replace_range(start..self.cursor, "");
        self.cursor = start;
    }

    /// Deletes from the start of the line to the cursor (Ctrl-U).
    pub fn delete_to_start(&mut self) {
        let start = self.text[..self.cursor].rfind('\n').map_or(0, |i| i + 1);
        self.text.replace_range(start..self.cursor, "");
        self.cursor = start;
    }

    fn prev_boundary(&self) -> usize {
        self.text[..self.cursor]
            .grapheme_indices(true)
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    fn next_boundary(&self) -> usize {
        self.text[self.cursor..]
            .graphemes(true)
            .next()
            .map_or(self.cursor, |g| self.cursor + g.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_by_grapheme() {
        let mut f = TextField::new("ae\u{301}");
        f.backspace();
        assert_eq!(f.text(), "a");
        f.insert('👩');
        f.insert('b');
        f.left();
        f.left();
        assert_eq!(f.cursor(), 1);
        f.delete();
        assert_eq!(f.text(), "ab");
        f.home();
        f.insert('x');
        f.end();
        assert_eq!(f.cursor(), f.text().len());
        f.insert('\u{7}');
        assert_eq!(f.text(), "xab");
    }

    #[test]
    fn text_given_beforehand_is_replaced_by_typing_and_kept_by_a_move() {
        let mut f = TextField::new("talks.parley.toml");
        assert!(f.is_selected());
        f.apply(PromptKey::Char('x'));
        assert_eq!(f.text(), "x", "typing replaced it");
        let mut f = TextField::new("talks.parley.toml");
        f.apply(PromptKey::Backspace);
        assert_eq!(f.text(), "talks.parley.tom", "an editing key edits it");
        let mut f = TextField::new("Hanne Lys of the Council");
        f.apply(PromptKey::DeleteWord);
        f.apply(PromptKey::DeleteWord);
        assert_eq!(f.text(), "Hanne Lys of ", "Ctrl-w takes the last words");
        let mut f = TextField::new("talks.toml");
        f.apply(PromptKey::Left);
        f.apply(PromptKey::Char('x'));
        assert_eq!(f.text(), "talks.tomxl", "a move keeps it to edit");
        let mut f = TextField::new("a b");
        f.apply(PromptKey::End);
        f.apply(PromptKey::DeleteToStart);
        assert_eq!(f.text(), "");
        let mut f = TextField::default();
        f.apply(PromptKey::Char('a'));
        f.apply(PromptKey::Char('b'));
        assert_eq!(f.text(), "ab", "an empty field just types");
    }

    #[test]
    fn delete_word_and_lines() {
        let mut f = TextField::new("one two  ");
        f.delete_word();
        assert_eq!(f.text(), "one ");
        let mut f = TextField::new("a\nbc");
        f.home();
        assert_eq!(f.cursor(), 2);
    }
}
