//! The help overlay (every key from the live keymap) and the legend of highlights.

use crate::keys::{Command, Scope};
use crate::model::{QuoteKind, Status};
use crate::tui::app::App;
use crate::tui::view::truncate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

/// The help lines: a heading per mode, then "keys  what they do".
pub fn help_lines(app: &App) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (scope, heading) in [
        (Scope::Normal, "Reading"),
        (Scope::Cursor, "Cursor mode (v)"),
        (Scope::Prompt, "Prompts and popups (other keys type)"),
    ] {
        out.push((heading.to_string(), String::new()));
        for c in Command::ALL.iter().filter(|c| c.scopes().contains(&scope)) {
            let keys = app.keymap.keys_of(*c);
            let keys = if keys.is_empty() {
                "(unbound)".to_string()
            } else {
                keys.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            out.push((keys, c.describe().to_string()));
        }
    }
    out
}

fn popup(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// Draws the help overlay, scrolled by `scroll` lines.
pub fn render_help(app: &App, area: Rect, scroll: usize, buf: &mut Buffer) {
    let rect = popup(area, 72, area.height);
    Clear.render(rect, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.border)
        .title(" keys — Esc closes, j/k scroll ");
    let inner = block.inner(rect);
    block.render(rect, buf);
    let lines = help_lines(app);
    let key_w = 22.min(usize::from(inner.width) / 2);
    let scroll = scroll.min(lines.len().saturating_sub(usize::from(inner.height)));
    for (dy, (keys, what)) in lines
        .iter()
        .skip(scroll)
        .take(usize::from(inner.height))
        .enumerate()
    {
        let y = inner.y + dy as u16;
        if what.is_empty() {
            buf.set_stringn(
                inner.x,
                y,
                keys,
                usize::from(inner.width),
                Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            );
            continue;
        }
        buf.set_stringn(
            inner.x + 1,
            y,
            truncate(keys, key_w),
            key_w,
            Style::new().add_modifier(Modifier::BOLD),
        );
        let x = inner.x + 2 + key_w as u16;
        buf.set_stringn(
            x,
            y,
            what,
            usize::from(inner.right().saturating_sub(x)),
            app.theme.text,
        );
    }
}

/// Draws the legend of highlight styles.
pub fn render_legend(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let first = app.ann().parties.first().map(|_| Some(0)).unwrap_or(None);
    let mut lines = vec![
        Line::from(vec![
            Span::styled(
                "“quote”",
                t.quote(first, QuoteKind::Direct, Status::Accepted),
            ),
            Span::raw("  accepted quote, in its side's colour"),
        ]),
        Line::from(vec![
            Span::styled(
                "“quote”",
                t.quote(first, QuoteKind::Direct, Status::Suggested),
            ),
            Span::raw("  suggested quote (not yet reviewed)"),
        ]),
        Line::from(vec![
            Span::styled("Speaker", t.mention(first)),
            Span::raw("  a speaker's mention"),
        ]),
        Line::from(vec![
            Span::styled("said", t.cue()),
            Span::raw("  the cue that attributes a quote"),
        ]),
        Line::from(vec![
            Span::styled("“term”", t.quote(None, QuoteKind::Term, Status::Suggested)),
            Span::raw("  a term or scare quote, not speech"),
        ]),
        Line::from(vec![
            Span::styled(t.gutter(first).0, t.gutter(first).1),
            Span::raw(" "),
            Span::styled("position", t.position_tint),
            Span::raw("  a side's stated position"),
        ]),
        Line::from(vec![
            Span::styled("selected", t.selected),
            Span::raw("  the selected annotation"),
        ]),
        Line::from(vec![
            Span::styled("match", t.search),
            Span::raw("  a search match"),
        ]),
        Line::raw(""),
    ];
    for (i, p) in app.ann().parties.iter().enumerate() {
        let (glyph, gs) = t.gutter(Some(i));
        lines.push(Line::from(vec![
            Span::styled(glyph, gs),
            Span::raw(" "),
            Span::styled(crate::article::sanitize_inline(&p.name), t.mention(Some(i))),
        ]));
    }
    if app.ann().parties.is_empty() {
        lines.push(Line::styled("no sides yet", t.dim));
    }
    let rect = popup(area, 60, lines.len() as u16 + 2);
    Clear.render(rect, buf);
    Paragraph::new(lines)
        .block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(t.border)
                .title(" legend "),
        )
        .render(rect, buf);
}
