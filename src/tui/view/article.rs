//! The article pane: visible rows only, each cut into styled pieces, with the gutter bar.

use crate::tui::app::App;
use crate::tui::geometry::Geometry;
use crate::tui::style_row::RowStyler;
use ratatui::buffer::Buffer;
use std::ops::Range;

/// The cursor and selection of cursor mode, as styled ranges drawn over everything.
pub fn cursor_overlays(app: &App) -> Vec<(Range<usize>, ratatui::style::Style)> {
    let Some(&c) = app.mode().cursor() else {
        return Vec::new();
    };
    let text = &app.article().text;
    let mut out = Vec::new();
    if let Some(sel) = c.selection(text) {
        out.push((sel, app.theme().selecting));
    }
    let end = crate::tui::app::cursor::next_boundary(text, c.at.min(text.len()));
    out.push((c.at..end, app.theme().cursor));
    out
}

/// The styler for the reader's current state.
pub fn styler<'a>(
    app: &'a App,
    overlays: &'a [(Range<usize>, ratatui::style::Style)],
) -> RowStyler<'a> {
    RowStyler {
        text: &app.article().text,
        hl: app.hl(),
        theme: app.theme(),
        dateline: app.article().structure.dateline.as_ref(),
        search: Some(app.search()),
        selected: app
            .selected()
            .and_then(|s| app.hl().items.get(s))
            .map(|it| it.range()),
        overlays,
    }
}

/// Draws the visible rows.
pub fn render(app: &App, g: &Geometry, buf: &mut Buffer) {
    let overlays = cursor_overlays(app);
    let styler = styler(app, &overlays);
    let area = g.article;
    super::fill_style(buf, area, app.theme().text);
    for (dy, row) in app
        .layout()
        .rows()
        .iter()
        .skip(app.top())
        .take(usize::from(area.height))
        .enumerate()
    {
        let y = area.y + dy as u16;
        let styled = styler.style(row);
        if let Some((glyph, style)) = styled.gutter {
            buf.set_string(g.gutter_x, y, glyph, style);
        }
        let mut x = g.text_x;
        let right = g.text_x + g.text_width;
        for (range, style) in styled.pieces {
            if x >= right {
                break;
            }
            let text = styler.piece(&range);
            x = super::put_str(buf, x, y, text.as_ref(), usize::from(right - x), style);
        }
    }
}
