//! The list of the corpus's articles (`parley DIR`). Its state is the app's
//! (`App::corpus`), so the list keeps its cursor, order and filter while an article is
//! open; the popup only takes the keys of the `Corpus` scope and draws it.

use super::{Outcome, Popup};
use crate::keys::Scope;
use crate::tui::action::PopupKey;
use crate::tui::app::App;
use crate::tui::reply::Reply;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// The corpus list on the mode's stack.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CorpusList;

impl Popup for CorpusList {
    fn scope(&self) -> Scope {
        Scope::Corpus
    }

    fn name(&self) -> &'static str {
        "LIST"
    }

    /// Every command of its keymap goes to the app, the list staying open until the
    /// command opens an article (or closes it).
    fn handle(&mut self, key: PopupKey, _: &App) -> Outcome {
        match key {
            PopupKey::Command(c) => Outcome::keep(Reply::Corpus(c)),
            _ => Outcome::Stay,
        }
    }

    fn render(&self, app: &App, area: Rect, buf: &mut Buffer) {
        crate::tui::view::corpus::render(app, area, buf);
    }
}
