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

/// Draws the visible rows (or, while none of the article is here, its placeholder).
pub fn render(app: &App, g: &Geometry, buf: &mut Buffer) {
    let area = g.article;
    super::fill_style(buf, area, app.theme().text);
    if let Some(note) = app.loading().placeholder() {
        return render_placeholder(app, g, note, buf);
    }
    let overlays = cursor_overlays(app);
    let styler = styler(app, &overlays);
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

/// The file's name as its title, and under it "reading…" while the article comes, or
/// why it could not be read.
fn render_placeholder(app: &App, g: &Geometry, note: &str, buf: &mut Buffer) {
    let width = usize::from(g.text_width);
    let (x, y) = (g.text_x, g.article.y);
    super::put_str(buf, x, y, app.label(), width, app.theme().title);
    let note = crate::article::sanitize_inline(note);
    let rows = usize::from(g.article.height).saturating_sub(2);
    for (dy, line) in textwrap::wrap(&note, width.max(1))
        .iter()
        .take(rows)
        .enumerate()
    {
        super::put_str(buf, x, y + 2 + dy as u16, line, width, app.theme().dim);
    }
}
