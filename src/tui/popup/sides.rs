//! The sides editor (`S`): the story's sides in a list, each with its number (the key
//! that gives it), its name in its colour, how many annotations have it and its
//! aliases, the editor's letters below. What its commands ask for is done by the app
//! (`app::sides_editor`); the editor stays open under the fields they open.

use super::{Outcome, Popup};
use crate::article::sanitize_inline;
use crate::keys::{Command, Scope};
use crate::model::Party;
use crate::tui::action::PopupKey;
use crate::tui::app::App;
use crate::tui::layout::text_width;
use crate::tui::reply::{Reply, SideOp};
use crate::tui::strings;
use crate::tui::view::{frame, put_str, truncate, wrap_items};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

/// The sides editor's state: the side under the list cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SidesEditor {
    /// Index into the parties.
    pub cursor: usize,
}

/// The editor's commands, what each asks for, and how its footer names them.
pub const SIDE_KEYS: &[(Command, SideOp, &str)] = &[
    (Command::SideAdd, SideOp::Add, "add"),
    (Command::SideRename, SideOp::Rename, "rename"),
    (Command::SideAliases, SideOp::Aliases, "aliases"),
    (Command::SideLabel, SideOp::Label, "label"),
    (Command::SideDelete, SideOp::Delete, "delete"),
    (Command::SideMoveUp, SideOp::MoveUp, "move up"),
    (Command::SideMoveDown, SideOp::MoveDown, "move down"),
    (Command::SideUndo, SideOp::Undo, "undo"),
];

impl Popup for SidesEditor {
    fn scope(&self) -> Scope {
        Scope::Sides
    }

    fn name(&self) -> &'static str {
        "SIDES"
    }

    /// Takes a command of the sides editor's keymap: moving the cursor over the sides,
    /// asking for an edit of [`SIDE_KEYS`], or closing.
    fn handle(&mut self, key: PopupKey, app: &App) -> Outcome {
        let last = app.ann().parties.len().saturating_sub(1);
        let PopupKey::Command(c) = key else {
            return Outcome::Stay;
        };
        match c {
            Command::SidePrev => self.cursor = self.cursor.saturating_sub(1),
            Command::SideNext => self.cursor = (self.cursor + 1).min(last),
            Command::SideClose => return Outcome::Close,
            c => {
                if let Some((_, op, _)) = SIDE_KEYS.iter().find(|(k, ..)| *k == c) {
                    return Outcome::keep(Reply::Sides(*op));
                }
            }
        }
        Outcome::Stay
    }

    /// Draws the editor centred over `area`.
    fn render(&self, app: &App, area: Rect, buf: &mut Buffer) {
        let width = 64u16.min(area.width);
        let footer = footer_lines(app, usize::from(width.saturating_sub(4)));
        let parties = &app.ann().parties;
        let list_h = parties.len().max(1);
        let height = (list_h + footer.len() + 3) as u16;
        let inner = frame(app, area, width, height, "Sides of the story", buf);
        if inner.height == 0 || inner.width < 4 {
            return;
        }
        let w = usize::from(inner.width - 1);
        // the footer whole when a row and the gap above it leave it room
        let footer_h = footer
            .len()
            .min(usize::from(inner.height).saturating_sub(2));
        let rows = usize::from(inner.height)
            .saturating_sub(footer_h + 1)
            .max(1);
        if parties.is_empty() {
            let hint = strings::no_sides_yet(app.keymap());
            buf.set_stringn(inner.x + 1, inner.y, hint, w, app.theme().dim);
        }
        let first = self.cursor.saturating_sub(rows - 1);
        let shown = parties.iter().enumerate().skip(first).take(rows);
        for (dy, (i, p)) in shown.enumerate() {
            let row = Rect::new(inner.x + 1, inner.y + dy as u16, w as u16, 1);
            render_side(app, (i, p), i == self.cursor, row, buf);
        }
        let top = inner.bottom() - footer_h as u16;
        for (dy, line) in footer.iter().take(footer_h).enumerate() {
            buf.set_stringn(inner.x + 1, top + dy as u16, line, w, app.theme().dim);
        }
    }
}

/// One side's row: its number, name and label in its colour, then how many it has
/// and its other names, dim; reversed under the cursor.
fn render_side(app: &App, (i, p): (usize, &Party), cursor: bool, row: Rect, buf: &mut Buffer) {
    let (w, y) = (usize::from(row.width), row.y);
    let count = app.hl().side_counts.get(i).copied().unwrap_or(0);
    let name = match p.label.as_deref().filter(|l| !l.trim().is_empty()) {
        Some(label) => format!(
            "{} {} [{}]",
            i + 1,
            sanitize_inline(&p.name),
            sanitize_inline(label)
        ),
        None => format!("{} {}", i + 1, sanitize_inline(&p.name)),
    };
    let rest = if p.aliases.is_empty() {
        format!("  ({count})")
    } else {
        let aliases: Vec<String> = p.aliases.iter().map(|a| sanitize_inline(a)).collect();
        format!("  ({count})  also {}", aliases.join(", "))
    };
    let mut name_style = app.theme().mention(Some(i));
    let mut rest_style = app.theme().dim;
    if cursor {
        name_style = name_style.add_modifier(Modifier::REVERSED);
        rest_style = rest_style.add_modifier(Modifier::REVERSED);
    }
    let name = truncate(&name, w);
    let name_w = text_width(&name);
    put_str(buf, row.x, y, &name, w, name_style);
    if name_w < w {
        let x = row.x + name_w as u16;
        let rest = truncate(&rest, w - name_w);
        put_str(buf, x, y, &rest, w - name_w, rest_style);
    }
}

/// The editor's keys from the live keymap ("a add · r/Enter rename · …"), wrapped to
/// `width` columns.
fn footer_lines(app: &App, width: usize) -> Vec<String> {
    let keys = |c| app.keymap().keys_text(c);
    let items = SIDE_KEYS
        .iter()
        .map(|(c, _, what)| format!("{} {what}", keys(*c)))
        .chain([
            format!("{} help", keys(Command::PanelHelp)),
            format!("{} close", keys(Command::SideClose)),
        ]);
    wrap_items(items, width)
}
