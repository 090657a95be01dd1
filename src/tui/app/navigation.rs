//! Moving through the article: scrolling and wrapping as far as needed, stepping
//! through annotations and search matches, selecting, and the mouse.

use super::cursor::Cursor;
use super::{App, Tone};
use crate::model::{Position, Quote, QuoteKind};
use crate::tui::highlight::on_target;
use crate::tui::layout::Layout;
use crate::tui::strings;

impl App {
    /// The last row that can be at the top (wraps as far as needed to know it).
    pub(super) fn max_top(&mut self) -> usize {
        let h = self.viewport();
        self.layout
            .ensure_rows(&self.article.text, self.top + 2 * h);
        if !self.layout.is_complete() && self.layout.rows().len() < self.top + 2 * h {
            self.layout.complete(&self.article.text);
        }
        self.layout.rows().len().saturating_sub(h)
    }

    pub(super) fn scroll_by(&mut self, n: isize) {
        let top = (self.top as isize + n).max(0) as usize;
        let h = self.viewport();
        self.layout.ensure_rows(&self.article.text, top + h);
        self.top = top.min(self.layout.rows().len().saturating_sub(h));
    }

    /// Puts the row showing byte `offset` at the top of the screen.
    pub(super) fn scroll_to_offset(&mut self, offset: usize) {
        self.top = self.row_of(offset);
        self.top = self.top.min(self.max_top());
        self.anchor = None;
    }

    /// The row showing byte `offset`, wrapping up to it first.
    pub(super) fn row_of(&mut self, offset: usize) -> usize {
        self.layout.ensure_offset(&self.article.text, offset);
        self.layout.row_of(offset)
    }

    /// Wraps more of the article while the user is idle; false once all is wrapped.
    pub(super) fn wrap_more(&mut self) -> bool {
        !self.layout.extend(&self.article.text, 1 << 20)
    }

    /// Makes sure the rows on screen are wrapped (after every change).
    pub(super) fn ensure_screen(&mut self) {
        let n = self.top + self.viewport() + 1;
        self.layout.ensure_rows(&self.article.text, n);
    }

    /// Re-wraps for the current size, keeping the same text at the top.
    pub(super) fn relayout(&mut self) {
        let keep = self.anchor.unwrap_or_else(|| self.top_offset());
        self.anchor = Some(keep);
        let width = self
            .geometry()
            .map_or(self.layout.width.max(1), |g| usize::from(g.text_width));
        if width != self.layout.width {
            self.layout = Layout::lazy(&self.article, width);
        }
        self.top = self.row_of(keep);
        self.top = self.top.min(self.max_top());
    }

    /// Scrolls so that byte `offset` is on screen, a third of the way down if it was not.
    pub(super) fn reveal(&mut self, offset: usize) {
        let row = self.row_of(offset);
        let h = self.viewport();
        if row < self.top || row >= self.top + h {
            self.top = row.saturating_sub(h / 3).min(self.max_top());
        }
    }

    /// Selects an item and brings it into view.
    pub(super) fn select(&mut self, item: usize) {
        if let Some(it) = self.hl.items.get(item) {
            let start = it.range().start;
            self.selected = Some(item);
            self.search.went_to_match = false;
            self.reveal(start);
            if let Some(note) = self.selected_note() {
                let first = note.lines().next().unwrap_or("");
                let more = if note.contains('\n') { " …" } else { "" };
                self.message = Some((format!("✎ {first}{more}"), Tone::Info));
            }
        }
    }

    /// The note of the selected annotation, if it has one.
    pub fn selected_note(&self) -> Option<&str> {
        self.on_selected(|q| q.note.as_deref(), |p| p.note.as_deref())
            .flatten()
    }

    /// Reads the selected quote or position.
    pub(crate) fn on_selected<'a, T>(
        &'a self,
        quote: impl FnOnce(&'a Quote) -> T,
        position: impl FnOnce(&'a Position) -> T,
    ) -> Option<T> {
        let target = self.selected.and_then(|s| self.hl.items.get(s))?.target();
        on_target(self.ann(), target, quote, position)
    }

    /// Tab, Shift-Tab, `]` and `[`: the next or previous annotation the list shows
    /// (or quote of the same side) from the selection, or from the screen.
    pub(super) fn step_item(&mut self, forward: bool, same_side: bool) {
        if self.hl.items.is_empty() {
            self.message = Some((strings::NO_ANNOTATIONS.into(), Tone::Info));
            return;
        }
        let side = self
            .selected
            .and_then(|s| self.hl.items.get(s))
            .map(|it| it.party());
        let found = self.find_item(forward, |app, i| {
            let it = &app.hl.items[i];
            if same_side {
                it.kind().is_some_and(|k| k != QuoteKind::Term)
                    && side.is_none_or(|p| it.party() == p)
            } else {
                app.is_listed(i)
            }
        });
        match found {
            Some(i) => self.select(i),
            None => {
                let what = if same_side {
                    "quote of this side"
                } else {
                    "annotation"
                };
                let dir = if forward { "after" } else { "before" };
                self.message = Some((format!("no {what} {dir} this one"), Tone::Info));
            }
        }
    }

    /// The first item after (or before) the selection when it is on screen, else after
    /// the top (before the bottom) of the screen, that is `wanted`.
    pub(super) fn find_item(
        &self,
        forward: bool,
        wanted: impl Fn(&App, usize) -> bool,
    ) -> Option<usize> {
        let items = &self.hl.items;
        let top_offset = self.top_offset();
        let bottom_offset = self
            .layout
            .rows()
            .get(self.top + self.viewport())
            .map_or(usize::MAX, |r| r.start());
        let on_screen = self.selected.filter(|&s| {
            let at = items[s].range().start;
            at >= top_offset && at < bottom_offset
        });
        match (on_screen, forward) {
            (Some(s), true) => (s + 1..items.len()).find(|&i| wanted(self, i)),
            (Some(s), false) => (0..s).rev().find(|&i| wanted(self, i)),
            (None, true) => {
                (self.hl.item_at_or_after(top_offset)..items.len()).find(|&i| wanted(self, i))
            }
            (None, false) => (0..self.hl.item_at_or_after(bottom_offset))
                .rev()
                .find(|&i| wanted(self, i)),
        }
    }

    /// Whether the selected annotation is on screen (digits then set its side).
    pub fn selection_on_screen(&self) -> bool {
        let Some(it) = self.selected.and_then(|s| self.hl.items.get(s)) else {
            return false;
        };
        let at = it.range().start;
        let bottom = self
            .layout
            .rows()
            .get(self.top + self.viewport())
            .map_or(usize::MAX, |r| r.start());
        // an orphan has no place: it is "on screen" while selected, as the list shows it
        at == usize::MAX || (at >= self.top_offset() && at < bottom)
    }

    /// `n` (`forward`) and `N`: on in the direction of the last search, or back.
    pub(super) fn search_step(&mut self, forward: bool) {
        let forward = forward != self.search.backward;
        if self.search.matches.is_empty() {
            self.message = Some(if self.search.query.is_empty() {
                (strings::no_search_yet(&self.keymap), Tone::Info)
            } else {
                (
                    strings::pattern_not_found(&self.search.query),
                    Tone::Warning,
                )
            });
            return;
        }
        let from = self
            .search
            .current
            .map_or(self.top_offset(), |c| self.search.matches[c].start);
        let hit = self
            .search
            .step_hit(from, forward, self.search.current.is_some());
        self.go_to_match(hit.index);
        if hit.wrapped {
            let why = if forward {
                "search wrapped: past the end, on from the start"
            } else {
                "search wrapped: past the start, on from the end"
            };
            self.message = Some((why.into(), Tone::Info));
        }
    }

    /// Shows search match `i`; in cursor mode the cursor goes onto it, so the
    /// selection can start there.
    pub(super) fn go_to_match(&mut self, i: usize) {
        self.search.current = Some(i);
        self.search.went_to_match = true;
        let at = self.search.matches[i].start;
        if let Some(c) = self.mode.cursor_mut() {
            c.at = at;
        }
        self.reveal(at);
    }

    pub(super) fn click(&mut self, x: u16, y: u16) {
        let Some(g) = self.geometry() else { return };
        if let Some(side) = g.sidebar
            && side.contains((x, y).into())
        {
            if let Some(i) = crate::tui::view::sidebar::item_at(self, side, y) {
                self.select(i);
            }
            return;
        }
        if !g.article.contains((x, y).into()) || x < g.text_x {
            return;
        }
        let Some(offset) = self.offset_at(x, y) else {
            return;
        };
        self.drag_from = Some(offset);
        if let Some(c) = self.mode.cursor_mut() {
            c.at = offset;
            c.anchor = None;
        } else if let Some(i) = self.hl.item_covering(offset) {
            self.selected = Some(i);
            self.search.went_to_match = false;
        }
    }

    /// The article byte shown at a screen cell of the article pane.
    pub fn offset_at(&self, x: u16, y: u16) -> Option<usize> {
        let g = self.geometry()?;
        if !g.article.contains((x, y).into()) {
            return None;
        }
        let row = self
            .layout
            .rows()
            .get(self.top + usize::from(y - g.article.y))?;
        if row.is_empty() {
            return None;
        }
        let column = usize::from(x.saturating_sub(g.text_x));
        Some(crate::tui::layout::offset_at_column(
            &self.article.text,
            row.range(),
            column,
        ))
    }

    /// A mouse drag: select from where the button went down to here.
    pub(super) fn drag(&mut self, x: u16, y: u16) {
        let (Some(from), Some(to)) = (self.drag_from, self.offset_at(x, y)) else {
            return;
        };
        self.mode.enter_cursor(Cursor {
            at: to,
            anchor: Some(from),
        });
    }
}
