//! The speakers panel (`W`): a row per speaker — its name in its side's colour, the
//! side, how many quotes, positions and mentions it has, its role — the row under the
//! cursor reversed, and the panel's keys from the live keymap below. What its commands
//! ask for is done by the app (`app::speakers`); the panel stays open under the fields
//! and the merge picker they open.

use super::{Outcome, Popup};
use crate::article::sanitize_inline;
use crate::keys::{Command, Scope};
use crate::model::{Annotations, Speaker};
use crate::tui::action::PopupKey;
use crate::tui::app::App;
use crate::tui::layout::text_width;
use crate::tui::reply::{Reply, SpeakerOp};
use crate::tui::view::{frame, put_str, truncate, wrap_items};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use std::collections::HashMap;

/// The panel's state: the speaker under the list cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SpeakersPanel {
    /// Index into the speakers.
    pub cursor: usize,
}

/// The panel's commands, what each asks for, and how its footer names them.
pub const SPEAKER_KEYS: &[(Command, SpeakerOp, &str)] = &[
    (Command::SpeakerRename, SpeakerOp::Rename, "rename"),
    (Command::SpeakerRole, SpeakerOp::Role, "role"),
    (Command::SpeakerMerge, SpeakerOp::Merge, "merge"),
    (Command::SpeakerDelete, SpeakerOp::Delete, "delete"),
    (Command::SpeakerJump, SpeakerOp::Jump, "go to mentions"),
    (Command::SpeakerUndo, SpeakerOp::Undo, "undo"),
];

impl SpeakersPanel {
    /// The row of the cursor in a list of `speakers` (a merge under the panel may
    /// have shortened it).
    pub fn row(&self, speakers: usize) -> usize {
        self.cursor.min(speakers.saturating_sub(1))
    }
}

/// The widest name and side columns, in cells.
const NAME_MAX: usize = 28;
const SIDE_MAX: usize = 16;
/// The counts column: "quotes pos. mentions".
const COUNTS: &str = "quotes pos. mentions";

impl Popup for SpeakersPanel {
    fn scope(&self) -> Scope {
        Scope::Speakers
    }

    fn name(&self) -> &'static str {
        "SPEAKERS"
    }

    /// Takes a key of the panel's keymap: moving the cursor over the speakers, a
    /// side digit, an op of [`SPEAKER_KEYS`], or closing.
    fn handle(&mut self, key: PopupKey, app: &App) -> Outcome {
        let speakers = app.ann().speakers.len();
        let last = speakers.saturating_sub(1);
        match key {
            PopupKey::Side(n) => Outcome::keep(Reply::Speakers(SpeakerOp::Side(n))),
            PopupKey::Command(Command::SpeakerPrev) => {
                self.cursor = self.row(speakers).saturating_sub(1);
                Outcome::Stay
            }
            PopupKey::Command(Command::SpeakerNext) => {
                self.cursor = (self.cursor + 1).min(last);
                Outcome::Stay
            }
            PopupKey::Command(Command::SpeakerClose) => Outcome::Close,
            PopupKey::Command(c) => SPEAKER_KEYS
                .iter()
                .find(|(k, ..)| *k == c)
                .map_or(Outcome::Stay, |(_, op, _)| {
                    Outcome::keep(Reply::Speakers(*op))
                }),
            _ => Outcome::Stay,
        }
    }

    /// Draws the panel centred over `area`.
    fn render(&self, app: &App, area: Rect, buf: &mut Buffer) {
        let speakers = &app.ann().speakers;
        let width = 96u16.min(area.width);
        let footer = footer_lines(app, usize::from(width.saturating_sub(4)));
        let height = (speakers.len().max(1) + footer.len() + 4) as u16;
        let inner = frame(app, area, width, height, "Speakers", buf);
        if inner.height < 2 || inner.width < 4 {
            return;
        }
        let w = usize::from(inner.width - 1);
        // the footer whole when the header, a row and the gap above it leave it room
        let footer_h = footer
            .len()
            .min(usize::from(inner.height).saturating_sub(3));
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
        let cursor = self.row(speakers.len());
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
}

/// How many quotes and positions name each speaker (placed ones).
pub fn speaker_counts(a: &Annotations) -> HashMap<&str, (usize, usize)> {
    let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
    for q in &a.quotes {
        if let Some(s) = &q.speaker {
            counts.entry(s.as_str()).or_default().0 += 1;
        }
    }
    for p in &a.positions {
        if let Some(s) = &p.speaker {
            counts.entry(s.as_str()).or_default().1 += 1;
        }
    }
    counts
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
        .chain([
            format!("{} help", keys(Command::PanelHelp)),
            format!("{} close", keys(Command::SpeakerClose)),
        ]);
    wrap_items(items, width)
}
