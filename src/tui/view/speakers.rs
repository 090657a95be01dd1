//! Drawing the speakers panel: a row per speaker — its name in its side's colour, the
//! side, how many quotes, positions and mentions it has, its role — the row under
//! the cursor reversed, and the panel's keys from the live keymap below.

use crate::article::sanitize_inline;
use crate::keys::Command;
use crate::model::Speaker;
use crate::tui::app::App;
use crate::tui::app::speakers::speaker_counts;
use crate::tui::layout::text_width;
use crate::tui::popup::speakers::{SPEAKER_KEYS, SpeakersPanel};
use crate::tui::view::{frame, put_str, truncate, wrap_items};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

/// The widest name and side columns, in cells.
const NAME_MAX: usize = 28;
const SIDE_MAX: usize = 16;
/// The counts column: "quotes pos. mentions".
const COUNTS: &str = "quotes pos. mentions";

/// Draws the panel centred over `area`.
pub fn render(app: &App, panel: &SpeakersPanel, area: Rect, buf: &mut Buffer) {
    let speakers = &app.ann().speakers;
    let width = 96u16.min(area.width);
    let footer = footer_lines(app, usize::from(width.saturating_sub(4)));
    let height = (speakers.len().max(1) + footer.len() + 4) as u16;
    let inner = frame(app, area, width, height, "Speakers", buf);
    if inner.height < 2 || inner.width < 4 {
        return;
    }
    let w = usize::from(inner.width - 1);
    let footer_h = footer.len().min(usize::from(inner.height) / 3);
    let rows = usize::from(inner.height)
        .saturating_sub(footer_h + 2)
        .max(1);
    let columns = Columns::of(app, speakers);
    let header = columns.line("speaker", "side", COUNTS, "role");
    put_str(
        buf,
        inner.x + 1,
        inner.y,
        &truncate(&header, w),
        w,
        app.theme().dim,
    );
    if speakers.is_empty() {
        let hint = crate::tui::strings::NO_SPEAKERS;
        put_str(buf, inner.x + 1, inner.y + 1, hint, w, app.theme().dim);
    }
    let counts = speaker_counts(app.ann());
    let cursor = panel.row(speakers.len());
    let first = cursor.saturating_sub(rows - 1);
    let shown = speakers.iter().enumerate().skip(first).take(rows);
    for (dy, (i, s)) in shown.enumerate() {
        let (quotes, positions) = counts.get(s.id.as_str()).copied().unwrap_or_default();
        let numbers = format!("{quotes:>6} {positions:>4} {:>8}", s.mentions.len());
        let row = Rect::new(inner.x + 1, inner.y + 1 + dy as u16, w as u16, 1);
        let line = (s, numbers.as_str(), i == cursor);
        render_speaker(app, &columns, line, row, buf);
    }
    let top = inner.bottom() - footer_h as u16;
    for (dy, line) in footer.iter().take(footer_h).enumerate() {
        buf.set_stringn(inner.x + 1, top + dy as u16, line, w, app.theme().dim);
    }
}

/// One speaker's row: the name in its side's colour, then its side, counts and role;
/// reversed under the cursor.
fn render_speaker(
    app: &App,
    columns: &Columns,
    (s, numbers, selected): (&Speaker, &str, bool),
    row: Rect,
    buf: &mut Buffer,
) {
    let w = usize::from(row.width);
    let style = |st: Style| {
        if selected {
            st.add_modifier(Modifier::REVERSED)
        } else {
            st
        }
    };
    let side = s
        .party
        .as_deref()
        .and_then(|p| app.ann().parties.iter().position(|x| x.id == p));
    let name = columns.cell(&sanitize_inline(&s.name), columns.name);
    let name_style = style(app.theme().mention(side));
    let x = put_str(buf, row.x, row.y, &name, w, name_style);
    let rest = columns.rest(&side_label(app, s), numbers, &role(s));
    let left = w.saturating_sub(text_width(&name));
    let rest = truncate(&rest, left);
    put_str(buf, x, row.y, &rest, left, style(app.theme().text));
}

/// The widths of the name and side columns, from what is listed.
struct Columns {
    name: usize,
    side: usize,
}

impl Columns {
    fn of(app: &App, speakers: &[Speaker]) -> Columns {
        let widest = |f: &dyn Fn(&Speaker) -> String, min: usize, max: usize| {
            speakers
                .iter()
                .map(|s| text_width(&f(s)))
                .max()
                .unwrap_or(0)
                .clamp(min, max)
        };
        Columns {
            name: widest(&|s| sanitize_inline(&s.name), 7, NAME_MAX),
            side: widest(&|s| side_label(app, s), 4, SIDE_MAX),
        }
    }

    /// `text` cut or padded to `width` cells.
    fn cell(&self, text: &str, width: usize) -> String {
        let cut = truncate(text, width);
        let pad = width.saturating_sub(text_width(&cut));
        format!("{cut}{}", " ".repeat(pad))
    }

    /// What follows the name: the side, the counts, the role.
    fn rest(&self, side: &str, counts: &str, role: &str) -> String {
        format!("  {}  {counts}  {role}", self.cell(side, self.side))
    }

    fn line(&self, name: &str, side: &str, counts: &str, role: &str) -> String {
        format!(
            "{}{}",
            self.cell(name, self.name),
            self.rest(side, counts, role)
        )
    }
}

/// A speaker's side by name, or "—".
fn side_label(app: &App, s: &Speaker) -> String {
    s.party
        .as_deref()
        .and_then(|p| app.ann().party(p))
        .map_or_else(|| "—".to_string(), |p| sanitize_inline(&p.name))
}

fn role(s: &Speaker) -> String {
    s.role.as_deref().map(sanitize_inline).unwrap_or_default()
}

/// The panel's keys from the live keymap ("1-9 side · 0 none · r rename · …"),
/// wrapped to `width` columns.
fn footer_lines(app: &App, width: usize) -> Vec<String> {
    let keys = |c| app.keymap().keys_text(c);
    let digits = app.keymap().keys_of(Command::SetSide);
    let sides = if digits.iter().all(|k| crate::keys::side_digit(k).is_some()) && digits.len() == 10
    {
        "1-9 side · 0 none".to_string()
    } else {
        format!("{} side", keys(Command::SetSide))
    };
    let items = std::iter::once(sides)
        .chain(
            SPEAKER_KEYS
                .iter()
                .map(|(c, _, what)| format!("{} {what}", keys(*c))),
        )
        .chain([format!("{} close", keys(Command::SpeakerClose))]);
    wrap_items(items, width)
}
