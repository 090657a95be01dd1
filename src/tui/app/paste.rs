//! A paste. With bracketed paste on, the terminal hands pasted text over whole (one
//! event, not keys), and it goes into the field that has the keys as text: line breaks
//! as line breaks in the several-line editor, as spaces in a one-line field (the search
//! prompt, a popup's field, the speaker picker's filter). Anywhere else it is refused
//! and said so: pasted text never runs as commands.

use super::{App, Tone};
use crate::article::sanitize_inline;
use crate::tui::mode::Layer;
use crate::tui::popup::Popup;
use crate::tui::strings;

/// The most of one paste kept, in characters: far more than any note or name, and
/// little enough that the editor stays quick.
pub const MAX_PASTE_CHARS: usize = 64 * 1024;

impl App {
    /// Takes a paste into the focused field, or refuses it.
    pub(super) fn paste(&mut self, text: &str) {
        let (text, cut) = match text.char_indices().nth(MAX_PASTE_CHARS) {
            Some((at, _)) => (&text[..at], true),
            None => (text, false),
        };
        let taken = match self.mode.top_mut() {
            Some(Layer::Popup(Popup::Lines { editor, .. })) => {
                editor.insert_text(&several_lines(text));
                true
            }
            Some(Layer::Popup(Popup::Text { field, .. })) => {
                field.insert_str(&sanitize_inline(text));
                true
            }
            Some(Layer::Popup(Popup::Speakers { filter, cursor, .. })) => {
                filter.insert_str(&sanitize_inline(text));
                *cursor = 0;
                true
            }
            Some(Layer::Search(field)) => {
                field.insert_str(&sanitize_inline(text));
                self.search_typed();
                true
            }
            _ => false,
        };
        if !taken {
            self.say(strings::paste_refused(&self.keymap), Tone::Info);
        } else if cut {
            self.say(strings::paste_cut(MAX_PASTE_CHARS), Tone::Warning);
        }
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
