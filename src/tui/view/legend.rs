//! The legend of highlights: every style with a sample, the sidebar's symbols, and
//! each side with the look of its quotes and positions; as wide as it needs, wrapped
//! and scrolled to fit any terminal.

use super::help::popup;
use crate::model::{QuoteKind, Status};
use crate::tui::app::App;
use crate::tui::strings;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

/// One entry of the legend: a sample in its style (possibly none) and what it means.
struct Entry {
    sample: Vec<Span<'static>>,
    text: String,
}

impl Entry {
    fn new(sample: Vec<Span<'static>>, text: &str) -> Entry {
        Entry {
            sample,
            text: text.to_string(),
        }
    }

    fn plain(text: &str) -> Entry {
        Entry::new(Vec::new(), text)
    }

    /// The columns the sample takes on screen.
    fn sample_width(&self) -> usize {
        self.sample
            .iter()
            .map(|s| crate::tui::layout::text_width(&s.content))
            .sum()
    }

    /// Its rows at `width` columns: the sample, then the words wrapped beside it.
    fn rows(&self, width: usize) -> Vec<Line<'static>> {
        let sample_w = self.sample_width();
        let indent = if sample_w == 0 { 0 } else { sample_w + 2 };
        if sample_w > 0 && width < indent + 12 {
            // too narrow to read beside the sample: the words go under it
            let mut rows = vec![Line::from(self.sample.clone())];
            rows.extend(
                textwrap::wrap(&self.text, width.saturating_sub(2).max(1))
                    .into_iter()
                    .map(|piece| Line::raw(format!("  {piece}"))),
            );
            return rows;
        }
        let pieces = textwrap::wrap(&self.text, width.saturating_sub(indent).max(1));
        if pieces.is_empty() {
            return vec![Line::from(self.sample.clone())];
        }
        pieces
            .into_iter()
            .enumerate()
            .map(|(i, piece)| {
                let mut spans = if i == 0 {
                    self.sample.clone()
                } else {
                    vec![Span::raw(" ".repeat(sample_w))]
                };
                if sample_w > 0 {
                    spans.push(Span::raw("  "));
                }
                spans.push(Span::raw(piece.into_owned()));
                Line::from(spans)
            })
            .collect()
    }
}

/// The legend's entries: every style, the sidebar's symbols, and each side with the
/// look of its quotes and positions.
fn legend_entries(app: &App) -> Vec<Entry> {
    let t = app.theme();
    let first = app.ann().parties.first().map(|_| 0);
    let styled = |text: &str, style: Style| vec![Span::styled(text.to_string(), style)];
    let mut entries = vec![
        Entry::new(
            styled(
                "“quote”",
                t.quote(first, QuoteKind::Direct, Status::Accepted),
            ),
            "accepted quote, in its side's look",
        ),
        Entry::new(
            styled(
                "“quote”",
                t.quote(first, QuoteKind::Direct, Status::Suggested),
            ),
            "suggested quote (not yet reviewed)",
        ),
        Entry::new(styled("Speaker", t.mention(first)), "a speaker's mention"),
        Entry::new(styled("said", t.cue()), "the cue that attributes a quote"),
        Entry::new(
            styled("“term”", t.quote(None, QuoteKind::Term, Status::Suggested)),
            "a term or scare quote, not speech",
        ),
        Entry::new(
            vec![
                Span::styled(t.gutter(first).0, t.gutter(first).1),
                Span::raw(" "),
                Span::styled("position", t.position_tint),
            ],
            "a side's stated position",
        ),
        Entry::new(styled("selected", t.selected), "the selected annotation"),
        Entry::new(styled("match", t.search), "a search match"),
        Entry::plain(""),
        Entry::plain("In the sidebar and the status bar:"),
        Entry::plain("Q direct quote · q partial quote · T term · P position"),
        Entry::plain("· suggested · ✓ accepted · ✗ rejected · ✎ has a note"),
        Entry::plain("⚠ orphan (its text is no longer in the article)"),
        Entry::plain("— no side"),
        Entry::plain(&format!(
            "{} placed by a fuzzy match in the changed article: check it",
            super::sidebar::RECHECK_MARK
        )),
        Entry::plain(""),
    ];
    entries.extend(side_entries(app));
    entries
}

/// One legend entry per side: its gutter glyph and the look of its quotes.
fn side_entries(app: &App) -> Vec<Entry> {
    let t = app.theme();
    let mut entries = Vec::new();
    for (i, p) in app.ann().parties.iter().enumerate() {
        let (glyph, gs) = t.gutter(Some(i));
        entries.push(Entry::new(
            vec![
                Span::styled(glyph, gs),
                Span::raw(" "),
                Span::styled(
                    "“quote”",
                    t.quote(Some(i), QuoteKind::Direct, Status::Accepted),
                ),
            ],
            &crate::article::sanitize_inline(&p.name),
        ));
    }
    if app.ann().parties.is_empty() {
        entries.push(Entry::plain("no sides yet"));
    }
    entries
}

/// Draws the legend of highlight styles, as wide as its longest entry allows and
/// wrapped to the room there is, so no entry is ever cut; scrolled by `scroll` rows
/// when it is taller than the room.
pub fn render_legend(app: &App, area: Rect, scroll: usize, buf: &mut Buffer) {
    let entries = legend_entries(app);
    let natural = entries
        .iter()
        .map(|e| {
            let indent = if e.sample_width() == 0 {
                0
            } else {
                e.sample_width() + 2
            };
            // measured as the wrapping measures, so a line that fits is not wrapped
            indent + textwrap::core::display_width(&e.text)
        })
        .max()
        .unwrap_or(0);
    let width = (natural + 4).min(usize::from(area.width)) as u16;
    let inner_w = usize::from(width.saturating_sub(4));
    let lines: Vec<Line<'static>> = entries.iter().flat_map(|e| e.rows(inner_w)).collect();
    let height = (lines.len() + 2).min(usize::from(u16::MAX)) as u16;
    let rect = popup(area, width, height);
    let room = usize::from(rect.height.saturating_sub(2));
    let scroll = scroll.min(lines.len().saturating_sub(room));
    let title = if lines.len() > room {
        strings::overlay_title("legend", app.keymap())
    } else {
        " legend ".to_string()
    };
    Clear.render(rect, buf);
    Paragraph::new(lines)
        .scroll((scroll.min(usize::from(u16::MAX)) as u16, 0))
        .block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(app.theme().border)
                .padding(ratatui::widgets::Padding::horizontal(1))
                .title(title),
        )
        .render(rect, buf);
}
