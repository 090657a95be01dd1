//! The sidebar: every annotation in document order, in step with the selection.

use crate::store::model::{QuoteKind, Status};
use crate::tui::app::App;
use crate::tui::highlight::{Target, on_target};
use crate::tui::view::truncate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

/// The first item shown, keeping the selection in the middle third.
pub fn first_visible(app: &App, height: usize) -> usize {
    let n = app.hl.items.len();
    let sel = app.selected.unwrap_or(0);
    sel.saturating_sub(height / 3).min(n.saturating_sub(height))
}

/// One line describing an item: kind, side, speaker, first words, status.
pub fn describe(app: &App, item: usize, width: usize) -> (String, Style) {
    let it = &app.hl.items[item];
    let (kind, speaker, text) = match it.target {
        Target::Quote(i) => {
            let q = &app.ann().quotes[i];
            let k = match q.kind {
                QuoteKind::Direct => "Q",
                QuoteKind::Partial => "q",
                QuoteKind::Term => "T",
            };
            (k, q.speaker.as_deref(), q.text.as_str())
        }
        Target::Position(i) => {
            let p = &app.ann().positions[i];
            ("P", p.speaker.as_deref(), p.text.as_str())
        }
        Target::OrphanQuote(i) => {
            let q = &app.ann().orphan_quotes[i];
            ("⚠Q", q.speaker.as_deref(), q.text.as_str())
        }
        Target::OrphanPosition(i) => {
            let p = &app.ann().orphan_positions[i];
            ("⚠P", p.speaker.as_deref(), p.text.as_str())
        }
    };
    let status = match it.status {
        Status::Suggested => "·",
        Status::Accepted => "✓",
        Status::Rejected => "✗",
    };
    let side = it
        .party
        .and_then(|p| app.ann().parties.get(p))
        .map_or("—".to_string(), |p| truncate(&short_name(p), 8));
    let speaker = speaker
        .and_then(|s| app.ann().speaker(s))
        .map_or(String::new(), |s| crate::article::sanitize_inline(&s.name));
    let words = crate::article::sanitize_inline(text);
    let noted = if has_note(app, it.target) { "✎" } else { " " };
    let line = format!("{status}{noted}{kind} {side:<8} {speaker}: {words}");
    let mut style = Style::new().fg(app.theme.party_color(it.party));
    if it.status == Status::Rejected {
        style = style.add_modifier(Modifier::CROSSED_OUT | Modifier::DIM);
    }
    (truncate(&line, width), style)
}

/// A party's name, or its shortest alias when the name does not fit in 8 columns.
pub fn short_name(p: &crate::store::model::Party) -> String {
    let name = crate::article::sanitize_inline(&p.name);
    if name.chars().count() <= 8 {
        return name;
    }
    p.aliases
        .iter()
        .map(|a| crate::article::sanitize_inline(a))
        .filter(|a| !a.is_empty())
        .min_by_key(|a| a.chars().count())
        .filter(|a| a.chars().count() < name.chars().count())
        .unwrap_or(name)
}

fn has_note(app: &App, target: Target) -> bool {
    on_target(
        app.ann(),
        target,
        |q| q.note.is_some(),
        |p| p.note.is_some(),
    ) == Some(true)
}

/// Draws the sidebar.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, app.theme.text);
    for y in area.y..area.bottom() {
        buf.set_string(area.x, y, "│", app.theme.border);
    }
    let inner = Rect::new(
        area.x + 2,
        area.y,
        area.width.saturating_sub(2),
        area.height,
    );
    if app.hl.items.is_empty() {
        let msg = if app.detecting {
            "detecting…"
        } else {
            "no annotations"
        };
        buf.set_stringn(
            inner.x,
            inner.y,
            msg,
            usize::from(inner.width),
            app.theme.dim,
        );
        return;
    }
    let first = first_visible(app, usize::from(inner.height));
    for (dy, item) in (first..app.hl.items.len())
        .take(usize::from(inner.height))
        .enumerate()
    {
        let (line, mut style) = describe(app, item, usize::from(inner.width));
        if app.selected == Some(item) {
            style = style.add_modifier(Modifier::REVERSED);
        }
        buf.set_stringn(
            inner.x,
            inner.y + dy as u16,
            &line,
            usize::from(inner.width),
            style,
        );
    }
}
