//! The sides view: each side's positions and quotes in a column, with speakers.

use crate::tui::app::App;
use crate::tui::view::sidebar::Describer;
use crate::tui::view::{put_str, truncate};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::widgets::{Clear, Widget};

/// Draws the sides view with the cursor on entry `cursor`.
pub fn render(app: &App, area: Rect, cursor: usize, buf: &mut Buffer) {
    Clear.render(area, buf);
    buf.set_style(area, app.theme().text);
    let columns = app.sides_columns();
    let parties = app.ann().parties.len();
    if parties == 0 {
        buf.set_stringn(
            area.x + 1,
            area.y,
            format!(
                "{}, or set [[party]] in the config",
                crate::tui::view::status::no_sides(app)
            ),
            usize::from(area.width),
            app.theme().dim,
        );
    }
    let unassigned = columns.get(parties).map_or(0, Vec::len);
    // the unassigned list takes the bottom third when there is one
    let bottom_h = if unassigned > 0 {
        (area.height / 3).max(2)
    } else {
        0
    };
    let top = Rect::new(area.x, area.y, area.width, area.height - bottom_h);
    let col_w = if parties > 0 {
        top.width / parties as u16
    } else {
        top.width
    };
    let describer = Describer::new(app, usize::from(col_w.saturating_sub(2)));
    let mut index = 0;
    for (c, entries) in columns.iter().enumerate() {
        let rect = if c < parties {
            Rect::new(top.x + col_w * c as u16, top.y, col_w, top.height)
        } else {
            Rect::new(area.x, area.y + top.height, area.width, bottom_h)
        };
        let title = match app.ann().parties.get(c) {
            Some(p) => format!(
                "{} ({})",
                crate::article::sanitize_inline(&p.name),
                entries.len()
            ),
            None => format!("No side ({})", entries.len()),
        };
        let style = app
            .theme()
            .mention(if c < parties { Some(c) } else { None })
            .add_modifier(Modifier::UNDERLINED);
        if rect.height == 0 || rect.width < 3 {
            index += entries.len();
            continue;
        }
        buf.set_stringn(
            rect.x + 1,
            rect.y,
            truncate(&title, usize::from(rect.width - 2)),
            usize::from(rect.width - 2),
            style,
        );
        let rows = usize::from(rect.height.saturating_sub(1));
        let local_cursor = cursor.checked_sub(index).filter(|c| *c < entries.len());
        let first = local_cursor.map_or(0, |c| c.saturating_sub(rows.saturating_sub(1)));
        for (dy, (k, item)) in entries
            .iter()
            .enumerate()
            .skip(first)
            .take(rows)
            .enumerate()
        {
            let (line, mut style) = describer.line(*item, usize::from(rect.width - 2));
            if Some(k) == local_cursor {
                style = style.add_modifier(Modifier::REVERSED);
            }
            put_str(
                buf,
                rect.x + 1,
                rect.y + 1 + dy as u16,
                &line,
                usize::from(rect.width - 2),
                style,
            );
        }
        index += entries.len();
    }
}
