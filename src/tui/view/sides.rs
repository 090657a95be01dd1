//! The sides view: each side's positions and quotes in a column, with speakers.

use crate::tui::app::App;
use crate::tui::strings;
use crate::tui::view::sidebar::Describer;
use crate::tui::view::{put_str, truncate};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::widgets::{Clear, Widget};

/// Draws the sides view with the cursor on entry `cursor`: a column per side, and the
/// entries with no side across the bottom third when there are any.
pub fn render(app: &App, area: Rect, cursor: usize, buf: &mut Buffer) {
    Clear.render(area, buf);
    buf.set_style(area, app.theme().text);
    let columns = app.sides_columns();
    let parties = app.ann().parties.len();
    if parties == 0 {
        let text = strings::no_sides_in_view(&crate::tui::view::status::no_sides(app));
        buf.set_stringn(
            area.x + 1,
            area.y,
            text,
            usize::from(area.width),
            app.theme().dim,
        );
    }
    let unassigned = columns.get(parties).map_or(0, Vec::len);
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
    let mut first_entry = 0;
    for (c, entries) in columns.iter().enumerate() {
        let rect = if c < parties {
            Rect::new(top.x + col_w * c as u16, top.y, col_w, top.height)
        } else {
            Rect::new(area.x, area.y + top.height, area.width, bottom_h)
        };
        let local_cursor = cursor
            .checked_sub(first_entry)
            .filter(|c| *c < entries.len());
        if rect.height > 0 && rect.width >= 3 {
            let column = Column {
                side: c,
                entries,
                cursor: local_cursor,
            };
            render_column(app, &describer, &column, rect, buf);
        }
        first_entry += entries.len();
    }
}

/// One column of the sides view: a side's entries (or those with none).
struct Column<'a> {
    /// The side's index among the parties (past the last: no side).
    side: usize,
    /// The items listed.
    entries: &'a [usize],
    /// Where the cursor is among them, if it is in this column.
    cursor: Option<usize>,
}

/// Draws a column's title and as many of its entries as fit, the cursor's in view.
fn render_column(app: &App, describer: &Describer, column: &Column, rect: Rect, buf: &mut Buffer) {
    let parties = &app.ann().parties;
    let n = column.entries.len();
    let title = match parties.get(column.side) {
        Some(p) => strings::side_column(&crate::article::sanitize_inline(&p.name), n),
        None => strings::side_column(strings::NO_SIDE_COLUMN, n),
    };
    let style = app
        .theme()
        .mention((column.side < parties.len()).then_some(column.side))
        .add_modifier(Modifier::UNDERLINED);
    let width = usize::from(rect.width - 2);
    buf.set_stringn(rect.x + 1, rect.y, truncate(&title, width), width, style);
    let rows = usize::from(rect.height.saturating_sub(1));
    let first = column
        .cursor
        .map_or(0, |c| c.saturating_sub(rows.saturating_sub(1)));
    let shown = column.entries.iter().enumerate().skip(first).take(rows);
    for (dy, (k, item)) in shown.enumerate() {
        let (line, mut style) = describer.line(*item, width);
        if Some(k) == column.cursor {
            style = style.add_modifier(Modifier::REVERSED);
        }
        put_str(buf, rect.x + 1, rect.y + 1 + dy as u16, &line, width, style);
    }
}
