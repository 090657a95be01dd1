//! Drawing: `impl Widget for &App`, so drawing can never change state.

pub mod article;
pub mod help;
pub mod popup;
pub mod sidebar;
pub mod sides;
pub mod status;

use super::app::{App, Overlay};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;

/// Shown instead of the reader when the terminal is smaller than 20×5.
pub const TOO_SMALL: &str = "terminal too small";

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Some(g) = self
            .geometry()
            .filter(|_| area.width >= 20 && area.height >= 5)
        else {
            render_too_small(area, buf);
            return;
        };
        article::render(self, &g, buf);
        if let Some(side) = g.sidebar {
            sidebar::render(self, side, buf);
        }
        status::render(self, g.status, buf);
        let whole = g.article.union(g.sidebar.unwrap_or(g.article));
        match self.overlay {
            Overlay::None => {}
            Overlay::Help(scroll) => help::render_help(self, whole, scroll, buf),
            Overlay::Legend => help::render_legend(self, g.article, buf),
            Overlay::Sides(cursor) => sides::render(self, whole, cursor, buf),
        }
        if let Some(p) = &self.popup {
            popup::render(self, p, whole, buf);
        }
    }
}

fn render_too_small(area: Rect, buf: &mut Buffer) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    // one word per line when the line is too narrow for the whole message
    let lines: Vec<&str> = if TOO_SMALL.len() <= usize::from(area.width) {
        vec![TOO_SMALL]
    } else {
        TOO_SMALL.split(' ').collect()
    };
    let lines: Vec<String> = if lines.len() > 1 && "too small".len() <= usize::from(area.width) {
        vec!["terminal".into(), "too small".into()]
    } else {
        lines.into_iter().map(String::from).collect()
    };
    let top = area.y + area.height.saturating_sub(lines.len() as u16) / 2;
    let style = Style::new().add_modifier(Modifier::BOLD);
    for (i, line) in lines.iter().enumerate().take(usize::from(area.height)) {
        let w = (line.len() as u16).min(area.width);
        let x = area.x + (area.width - w) / 2;
        buf.set_stringn(x, top + i as u16, line, usize::from(w), style);
    }
}

/// Cuts `s` to at most `width` columns, ending in `…` when cut.
pub fn truncate(s: &str, width: usize) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    let total = super::layout::text_width(s);
    if total <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = super::layout::grapheme_width(g);
        if used + w + 1 > width {
            break;
        }
        out.push_str(g);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}
