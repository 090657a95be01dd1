//! The speaker picker: type to filter, arrows to move, Enter to pick. Its entries are
//! the app's (`App::picker_entries`), listed for the filter typed.

use super::text::draw_field;
use super::{Outcome, Popup, prompt_key};
use crate::article::sanitize_inline;
use crate::keys::Scope;
use crate::tui::action::{PopupKey, PromptKey};
use crate::tui::app::App;
use crate::tui::input::TextField;
use crate::tui::keymap::Bound;
use crate::tui::reply::{Pick, Reply};
use crate::tui::view::{frame, truncate};
use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

/// The picker's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerPicker {
    /// The filter.
    pub filter: TextField,
    /// The highlighted entry among the matches (0 is "new speaker" when offered).
    pub cursor: usize,
    /// What it is for.
    pub pick: Pick,
}

impl SpeakerPicker {
    /// A picker with an empty filter, for `pick`.
    pub fn new(pick: Pick) -> SpeakerPicker {
        SpeakerPicker {
            filter: TextField::default(),
            cursor: 0,
            pick,
        }
    }
}

impl Popup for SpeakerPicker {
    fn scope(&self) -> Scope {
        Scope::Prompt
    }

    fn key(&self, bound: Option<Bound>, key: KeyEvent) -> Option<PopupKey> {
        prompt_key(bound, key, true)
    }

    fn handle(&mut self, key: PopupKey, app: &App) -> Outcome {
        match key {
            PopupKey::Up => self.cursor = self.cursor.saturating_sub(1),
            PopupKey::Down => {
                let entries = app.picker_entries(self.filter.text(), &self.pick).len();
                self.cursor = (self.cursor + 1).min(entries.saturating_sub(1));
            }
            PopupKey::Edit(PromptKey::Submit) => {
                let filter = self.filter.text().to_string();
                return Outcome::reply(Reply::Picked(self.pick.clone(), filter, self.cursor));
            }
            PopupKey::Edit(k) => {
                self.filter.apply(k);
                self.cursor = 0;
            }
            PopupKey::Newline | PopupKey::Command(_) | PopupKey::Side(_) => {}
        }
        Outcome::Stay
    }

    /// Its filter, then the entries, the one under the cursor reversed.
    fn render(&self, app: &App, area: Rect, buf: &mut Buffer) {
        let (filter, cursor) = (&self.filter, self.cursor);
        let inner = frame(app, area, 60, 16, &title(app, &self.pick), buf);
        if inner.height == 0 {
            return;
        }
        draw_field(
            app,
            filter,
            Rect::new(inner.x, inner.y, inner.width, 1),
            buf,
        );
        let entries = app.picker_entries(filter.text(), &self.pick);
        let rows = usize::from(inner.height.saturating_sub(1));
        let first = cursor.saturating_sub(rows.saturating_sub(1));
        for (dy, (i, entry)) in entries
            .iter()
            .enumerate()
            .skip(first)
            .take(rows)
            .enumerate()
        {
            let line = match entry {
                None => format!("+ new speaker “{}”", sanitize_inline(filter.text().trim())),
                Some(s) => speaker_line(app, *s),
            };
            let mut style = app.theme().text;
            if i == cursor {
                style = style.add_modifier(Modifier::REVERSED);
            }
            buf.set_stringn(
                inner.x + 1,
                inner.y + 1 + dy as u16,
                truncate(&line, usize::from(inner.width - 1)),
                usize::from(inner.width - 1),
                style,
            );
        }
    }

    /// A paste is typed into the filter on one line.
    fn paste(&mut self, text: &str) -> bool {
        self.filter.insert_str(&sanitize_inline(text));
        self.cursor = 0;
        true
    }
}

/// The picker's title, for what it picks.
fn title(app: &App, pick: &Pick) -> String {
    match pick {
        Pick::Speaker => "Speaker — type to filter, ↑↓, Enter, Esc".to_string(),
        Pick::Filter => "Filter by speaker — type to filter, ↑↓, Enter, Esc".to_string(),
        Pick::MergeInto { from } => {
            let name = app.ann().speaker(from).map_or(from.as_str(), |s| &s.name);
            format!("Merge “{name}” into… — type to filter, ↑↓, Enter, Esc")
        }
    }
}

/// A speaker as the picker lists it: name, role, side.
fn speaker_line(app: &App, speaker: usize) -> String {
    let sp = &app.ann().speakers[speaker];
    let side = sp
        .party
        .as_deref()
        .and_then(|p| app.ann().party(p))
        .map_or(String::new(), |p| {
            format!(" [{}]", sanitize_inline(&p.name))
        });
    let role = sp
        .role
        .as_deref()
        .map_or(String::new(), |r| format!(", {}", sanitize_inline(r)));
    format!("{}{role}{side}", sanitize_inline(&sp.name))
}
