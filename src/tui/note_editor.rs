//! The note editor: a multi-line field that wraps at the popup's width and scrolls to
//! keep its cursor in view (for a note, and for a side's aliases, one a line). The
//! editing is tui-textarea's; which key does what is still the prompt keymap's, so the
//! editor only ever sees [`PromptKey`]s.

use super::action::PromptKey;
use crate::article::sanitize_inline;
use ratatui::style::Style;
use tui_textarea::{CursorMove, TextArea, WrapMode};

/// A note being written.
#[derive(Debug, Clone)]
pub struct NoteEditor {
    area: TextArea<'static>,
    /// The lines as the editor opened: back to these, nothing was edited.
    opened: Vec<String>,
}

impl NoteEditor {
    /// An editor holding `note`, the cursor at its end. A control character in a
    /// stored note is shown (and kept, if the note is saved) as its visible picture:
    /// nothing raw from a store reaches the terminal.
    pub fn new(note: &str, text: Style, cursor: Style) -> NoteEditor {
        let opened: Vec<String> = note.split('\n').map(sanitize_inline).collect();
        let mut area = TextArea::new(opened.clone());
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.set_style(text);
        area.set_cursor_style(cursor);
        area.set_cursor_line_style(Style::new());
        area.set_max_histories(0);
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        NoteEditor { area, opened }
    }

    /// Whether the text differs from what the editor opened with. A stored note the
    /// editor shows otherwise (a tab as spaces, a CR as its picture) is written back
    /// only when the user changed something: confirming it unchanged changes nothing.
    pub fn is_changed(&self) -> bool {
        self.area.lines() != self.opened.as_slice()
    }

    /// Applies an editing key (Submit and Abort are the popup's).
    pub fn apply(&mut self, k: PromptKey) {
        match k {
            PromptKey::Char(c) => self.area.insert_char(c),
            PromptKey::Backspace => {
                self.area.delete_char();
            }
            PromptKey::Delete => {
                self.area.delete_next_char();
            }
            PromptKey::DeleteWord => {
                self.area.delete_word();
            }
            PromptKey::DeleteToStart => {
                self.area.delete_line_by_head();
            }
            PromptKey::Left => self.area.move_cursor(CursorMove::Back),
            PromptKey::Right => self.area.move_cursor(CursorMove::Forward),
            PromptKey::Home => self.area.move_cursor(CursorMove::Head),
            PromptKey::End => self.area.move_cursor(CursorMove::End),
            PromptKey::Submit | PromptKey::Abort => {}
        }
    }

    /// Inserts text at the cursor, its line breaks as line breaks (a paste, cleaned).
    pub fn insert_text(&mut self, text: &str) {
        self.area.insert_str(text);
    }

    /// Breaks the line at the cursor.
    pub fn newline(&mut self) {
        self.area.insert_newline();
    }

    /// Moves the cursor a (wrapped) row up or down.
    pub fn row(&mut self, down: bool) {
        self.area.move_cursor(if down {
            CursorMove::Down
        } else {
            CursorMove::Up
        });
    }

    /// The note as typed: its lines joined by line breaks.
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    /// The widget that draws it.
    pub fn widget(&self) -> &TextArea<'static> {
        &self.area
    }
}

impl PartialEq for NoteEditor {
    fn eq(&self, other: &NoteEditor) -> bool {
        self.area.lines() == other.area.lines() && self.area.cursor() == other.area.cursor()
    }
}

impl Eq for NoteEditor {}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::widgets::Widget;

    fn editor(note: &str) -> NoteEditor {
        NoteEditor::new(note, Style::new(), Style::new())
    }

    #[test]
    fn the_saved_note_is_exactly_what_was_typed() {
        let mut e = editor("first");
        for c in " line, ünïcode ✓".chars() {
            e.apply(PromptKey::Char(c));
        }
        e.newline();
        for c in "second".chars() {
            e.apply(PromptKey::Char(c));
        }
        e.apply(PromptKey::Backspace);
        assert_eq!(e.text(), "first line, ünïcode ✓\nsecon");
    }

    #[test]
    fn a_long_line_wraps_and_the_cursor_stays_in_view() {
        let mut e = editor("");
        let long = "word ".repeat(60);
        for c in long.trim_end().chars() {
            e.apply(PromptKey::Char(c));
        }
        let area = Rect::new(0, 0, 20, 4);
        let mut buf = Buffer::empty(area);
        e.widget().render(area, &mut buf);
        let rows: Vec<String> = (0..4)
            .map(|y| (0..20).map(|x| buf[(x, y)].symbol().to_string()).collect())
            .collect();
        assert!(rows.iter().all(|r| r.contains("word")), "{rows:?}");
        assert_eq!(e.text(), long.trim_end(), "wrapping is only on screen");
    }

    #[test]
    fn controls_in_a_stored_note_are_shown_as_pictures() {
        let e = editor("bad\u{1b}]0;title\u{7}note");
        assert!(!e.text().contains('\u{1b}'));
    }
}
