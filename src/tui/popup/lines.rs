//! Several lines of text, wrapped: an annotation's note, a side's aliases one a line
//! (a line break is the one separator no name can hold), or the note that settles a
//! conflict.

use super::{Outcome, Popup, prompt_key};
use crate::article::sanitize_inline;
use crate::keys::Scope;
use crate::tui::action::{PopupKey, PromptKey};
use crate::tui::app::App;
use crate::tui::keymap::Bound;
use crate::tui::note_editor::NoteEditor;
use crate::tui::reply::{Field, Reply};
use crate::tui::view::frame;
use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

/// The several-line editor in a box.
#[derive(Debug)]
pub struct LinesInput {
    /// What to type.
    pub title: String,
    /// The editor.
    pub editor: NoteEditor,
    /// What it is for.
    pub purpose: Field,
}

impl Popup for LinesInput {
    fn scope(&self) -> Scope {
        Scope::Prompt
    }

    fn key(&self, bound: Option<Bound>, key: KeyEvent) -> Option<PopupKey> {
        prompt_key(bound, key, true)
    }

    fn handle(&mut self, key: PopupKey, _: &App) -> Outcome {
        let editor = &mut self.editor;
        match key {
            // confirmed as it opened: nothing to change
            PopupKey::Edit(PromptKey::Submit) if !editor.is_changed() => return Outcome::Close,
            PopupKey::Edit(PromptKey::Submit) => {
                let text = editor.text();
                return Outcome::reply(Reply::Submitted(self.purpose.clone(), text));
            }
            PopupKey::Edit(k) => editor.apply(k),
            PopupKey::Newline => editor.newline(),
            PopupKey::Up => editor.row(false),
            PopupKey::Down => editor.row(true),
            PopupKey::Command(_) | PopupKey::Side(_) => {}
        }
        Outcome::Stay
    }

    fn render(&self, app: &App, area: Rect, buf: &mut Buffer) {
        let inner = frame(app, area, 72, 10, &self.title, buf);
        self.editor.widget().render(inner, buf);
    }

    /// A paste keeps its line breaks.
    fn paste(&mut self, text: &str) -> bool {
        self.editor.insert_text(&several_lines(text));
        true
    }
}

/// Pasted text for the several-line editor: its line breaks (LF, CRLF, CR) kept as
/// line breaks, each line cleaned as anything shown is (no escape sequence, no
/// control, tabs as spaces).
fn several_lines(text: &str) -> String {
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    unified
        .split('\n')
        .map(sanitize_inline)
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_stay_and_controls_go() {
        assert_eq!(
            several_lines("Source:\r\nquoted\tdirectly\rend\x1b[2J"),
            "Source:\nquoted  directly\nend"
        );
    }
}
