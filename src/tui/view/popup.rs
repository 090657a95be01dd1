//! Drawing the editing popups: lettered questions, text fields, the speaker picker.

use crate::article::sanitize_inline;
use crate::tui::app::App;
use crate::tui::input::TextField;
use crate::tui::layout::text_width;
use crate::tui::popup::Popup;
use crate::tui::view::truncate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, Borders, Clear, Widget};

/// A box of `width`×`height` centred in `area`, with a title; returns its inside.
pub(super) fn frame(
    app: &App,
    area: Rect,
    width: u16,
    height: u16,
    title: &str,
    buf: &mut Buffer,
) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    let rect = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    Clear.render(rect, buf);
    let title = truncate(&sanitize_inline(title), usize::from(w.saturating_sub(4)));
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.border)
        .title(format!(" {title} "));
    let inner = block.inner(rect);
    block.render(rect, buf);
    inner
}

/// Draws the open popup over `area`.
pub fn render(app: &App, popup: &Popup, area: Rect, buf: &mut Buffer) {
    match popup {
        Popup::Choice { title, options, .. } => {
            let width = options
                .iter()
                .map(|(_, s)| text_width(s) + 6)
                .chain([text_width(title) + 4])
                .max()
                .unwrap_or(20) as u16;
            let inner = frame(app, area, width + 2, options.len() as u16 + 3, title, buf);
            for (i, (key, what)) in options.iter().enumerate().take(usize::from(inner.height)) {
                let y = inner.y + i as u16;
                buf.set_stringn(
                    inner.x + 1,
                    y,
                    format!("{key}"),
                    1,
                    Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                );
                buf.set_stringn(
                    inner.x + 3,
                    y,
                    what,
                    usize::from(inner.width.saturating_sub(3)),
                    app.theme.text,
                );
            }
            if inner.height > options.len() as u16 {
                buf.set_stringn(
                    inner.x + 1,
                    inner.bottom() - 1,
                    "Esc cancels",
                    usize::from(inner.width),
                    app.theme.dim,
                );
            }
        }
        Popup::Text {
            title,
            field,
            multiline,
            ..
        } => {
            let lines = if *multiline { 8 } else { 1 };
            let inner = frame(app, area, 72, lines + 2, title, buf);
            draw_field(app, field, inner, buf);
        }
        Popup::Speakers { filter, cursor, .. } => {
            let inner = frame(
                app,
                area,
                60,
                16,
                "Speaker — type to filter, ↑↓, Enter, Esc",
                buf,
            );
            if inner.height == 0 {
                return;
            }
            draw_field(
                app,
                filter,
                Rect::new(inner.x, inner.y, inner.width, 1),
                buf,
            );
            let entries = app.picker_entries(filter.text());
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
                    Some(s) => {
                        let sp = &app.ann().speakers[*s];
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
                };
                let mut style = app.theme.text;
                if i == *cursor {
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
        Popup::Sides(editor) => super::sides_editor::render(app, editor, area, buf),
    }
}

/// Draws a text field with its cursor, keeping the cursor's line in view.
fn draw_field(app: &App, field: &TextField, area: Rect, buf: &mut Buffer) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let text = field.text();
    let cursor_line = text[..field.cursor()].matches('\n').count();
    let first = cursor_line.saturating_sub(usize::from(area.height) - 1);
    let width = usize::from(area.width);
    for (dy, line) in text
        .split('\n')
        .enumerate()
        .skip(first)
        .take(usize::from(area.height))
    {
        let y = area.y + (dy - first) as u16;
        let shown = sanitize_inline(line);
        buf.set_stringn(area.x, y, &shown, width, app.theme.text);
        if dy == cursor_line {
            let line_start = text[..field.cursor()].rfind('\n').map_or(0, |i| i + 1);
            let col =
                text_width(&sanitize_inline(&text[line_start..field.cursor()])).min(width - 1);
            let cell = &mut buf[(area.x + col as u16, y)];
            if cell.symbol().is_empty() || cell.symbol() == " " {
                cell.set_symbol(" ");
            }
            cell.set_style(app.theme.cursor.add_modifier(Modifier::REVERSED));
        }
    }
}
