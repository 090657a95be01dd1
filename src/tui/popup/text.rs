//! A one-line text field: a name, a path, a `:` command, a filter.

use super::{Outcome, Popup};
use crate::article::sanitize_inline;
use crate::keys::Scope;
use crate::tui::action::{PopupKey, PromptKey};
use crate::tui::app::App;
use crate::tui::input::TextField;
use crate::tui::layout::text_width;
use crate::tui::reply::{Field, Reply};
use crate::tui::view::frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use unicode_segmentation::UnicodeSegmentation;

/// A one-line text field in a box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextInput {
    /// What to type.
    pub title: String,
    /// The field.
    pub field: TextField,
    /// What it is for.
    pub purpose: Field,
}

impl TextInput {
    /// A field holding `text` (selected, so typing replaces it).
    pub fn new(title: &str, text: &str, purpose: Field) -> TextInput {
        TextInput {
            title: title.to_string(),
            field: TextField::new(text),
            purpose,
        }
    }
}

impl Popup for TextInput {
    fn scope(&self) -> Scope {
        Scope::Prompt
    }

    fn handle(&mut self, key: PopupKey, _: &App) -> Outcome {
        match key {
            PopupKey::Edit(PromptKey::Submit) => Outcome::reply(Reply::Submitted(
                self.purpose.clone(),
                self.field.text().to_string(),
            )),
            PopupKey::Edit(k) => {
                self.field.apply(k);
                Outcome::Stay
            }
            _ => Outcome::Stay,
        }
    }

    fn render(&self, app: &App, area: Rect, buf: &mut Buffer) {
        let inner = frame(app, area, 72, 3, &self.title, buf);
        draw_field(app, &self.field, inner, buf);
    }

    /// A paste is typed into the field on one line.
    fn paste(&mut self, text: &str) -> bool {
        self.field.insert_str(&sanitize_inline(text));
        true
    }
}

/// Draws a one-line text field with its cursor, scrolled sideways so that the cursor
/// is always in view.
pub fn draw_field(app: &App, field: &TextField, area: Rect, buf: &mut Buffer) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let width = usize::from(area.width);
    let before = sanitize_inline(&field.text()[..field.cursor()]);
    let after = sanitize_inline(&field.text()[field.cursor()..]);
    let col = text_width(&before);
    // drop whole graphemes from the left until the cursor fits
    let mut skip = 0;
    let mut shown_before = before.as_str();
    while col - skip >= width {
        let Some(g) = shown_before.graphemes(true).next() else {
            break;
        };
        skip += text_width(g);
        shown_before = &shown_before[g.len()..];
    }
    let line = format!("{shown_before}{after}");
    // text given beforehand is drawn selected: typing replaces it
    let style = if field.is_selected() {
        app.theme().text.add_modifier(Modifier::REVERSED)
    } else {
        app.theme().text
    };
    buf.set_stringn(area.x, area.y, &line, width, style);
    let x = area.x + (col - skip).min(width - 1) as u16;
    let cell = &mut buf[(x, area.y)];
    if cell.symbol().is_empty() {
        cell.set_symbol(" ");
    }
    cell.set_style(app.theme().cursor.add_modifier(Modifier::REVERSED));
}
