//! Drawing the editing popups: lettered questions, text fields, the speaker picker.

use crate::article::sanitize_inline;
use crate::tui::app::App;
use crate::tui::input::TextField;
use crate::tui::layout::text_width;
use crate::tui::popup::{Pick, Popup};
use crate::tui::strings;
use crate::tui::view::{frame, truncate};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;
use unicode_segmentation::UnicodeSegmentation;

/// Draws the open popup over `area`.
pub fn render(app: &App, popup: &Popup, area: Rect, buf: &mut Buffer) {
    match popup {
        Popup::Choice {
            title,
            options,
            default,
            ..
        } => render_choice(app, title, options, *default, area, buf),
        Popup::Text { title, field, .. } => {
            let inner = frame(app, area, 72, 3, title, buf);
            draw_field(app, field, inner, buf);
        }
        Popup::Lines { title, editor, .. } => {
            let inner = frame(app, area, 72, 10, title, buf);
            editor.widget().render(inner, buf);
        }
        Popup::Speakers {
            filter,
            cursor,
            pick,
        } => render_picker(app, filter, *cursor, pick, area, buf),
        Popup::Sides(editor) => super::sides_editor::render(app, editor, area, buf),
        Popup::SpeakersPanel(panel) => super::speakers::render(app, panel, area, buf),
        Popup::Corpus => super::corpus::render(app, area, buf),
    }
}

/// A question with lettered answers; the one Enter gives is marked and named below.
fn render_choice(
    app: &App,
    title: &str,
    options: &[(char, String)],
    default: Option<char>,
    area: Rect,
    buf: &mut Buffer,
) {
    let footer = strings::choice_footer(default, app.keymap());
    let width = options
        .iter()
        .map(|(_, s)| text_width(s) + 6)
        .chain([text_width(title) + 4, text_width(&footer) + 2])
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
        let mut style = app.theme().text;
        if default == Some(*key) {
            style = style.add_modifier(Modifier::BOLD);
        }
        buf.set_stringn(
            inner.x + 3,
            y,
            what,
            usize::from(inner.width.saturating_sub(3)),
            style,
        );
    }
    if inner.height > options.len() as u16 {
        buf.set_stringn(
            inner.x + 1,
            inner.bottom() - 1,
            &footer,
            usize::from(inner.width),
            app.theme().dim,
        );
    }
}

/// The speaker picker: its filter, then the entries, the one under the cursor reversed.
fn render_picker(
    app: &App,
    filter: &TextField,
    cursor: usize,
    pick: &Pick,
    area: Rect,
    buf: &mut Buffer,
) {
    let title = match pick {
        Pick::Speaker => "Speaker — type to filter, ↑↓, Enter, Esc".to_string(),
        Pick::Filter => "Filter by speaker — type to filter, ↑↓, Enter, Esc".to_string(),
        Pick::MergeInto { from } => {
            let name = app.ann().speaker(from).map_or(from.as_str(), |s| &s.name);
            format!("Merge “{name}” into… — type to filter, ↑↓, Enter, Esc")
        }
    };
    let inner = frame(app, area, 60, 16, &title, buf);
    if inner.height == 0 {
        return;
    }
    draw_field(
        app,
        filter,
        Rect::new(inner.x, inner.y, inner.width, 1),
        buf,
    );
    let entries = app.picker_entries(filter.text(), pick);
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

/// Draws a one-line text field with its cursor, scrolled sideways so that the cursor
/// is always in view.
fn draw_field(app: &App, field: &TextField, area: Rect, buf: &mut Buffer) {
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
