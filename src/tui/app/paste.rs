//! A paste. With bracketed paste on, the terminal hands pasted text over whole (one
//! event, not keys), and it goes into the field that has the keys as text: line breaks
//! as line breaks in the several-line editor, as spaces in a one-line field (the search
//! prompt, a popup's field, the speaker picker's filter: each popup says with
//! `Popup::paste`). Anywhere else it is refused and said so: pasted text never runs as
//! commands.

use super::{App, Tone};
use crate::article::sanitize_inline;
use crate::tui::app::mode::Layer;
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
            Some(Layer::Popup(popup)) => popup.paste(text),
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
