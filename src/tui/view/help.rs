//! The help overlay (every key from the live keymap) and the message log.

use crate::keys::{Command, Scope};
use crate::tui::app::{App, Tone};
use crate::tui::strings;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, Borders, Clear, Widget};

/// Entries of the help that are not commands of the keymap: the `:` command line and
/// the mouse.
const EXTRA: &[(&str, &[(&str, &str)])] = &[
    (
        "Command line (:)",
        &[
            (":w", "save the store"),
            (
                ":w PATH",
                "write a copy to PATH; the store stays where it is",
            ),
            (":q", "quit (asks when there are unsaved edits)"),
            (":q!", "quit and drop the unsaved edits"),
            (":wq, :x", "save and quit"),
            (":messages", "every message of this session, whole"),
            (
                ":detect",
                "detect the article again with the sides as they are: untouched suggestions are replaced, text without annotations gets new ones, what a person touched stays; a file changed since it was opened is read again (saved first)",
            ),
            (
                ":n, :p",
                "the next, previous article of the corpus (parley DIR)",
            ),
            (":ls", "the corpus's list of articles, where you left it"),
        ],
    ),
    (
        "Counts and jumps (as in less)",
        &[
            (
                "5j 3Space 4b",
                "a count before a scroll: that many rows (digits count while no selected annotation is on screen; with one, they set its side)",
            ),
            ("10g 120G", "row 10, row 120 at the top"),
            ("50%", "half way through the article"),
            (
                "3Tab 2r 4n",
                "the third annotation, the second to review, the fourth match on",
            ),
            (
                "''",
                "back to where the last jump (g, G, %, a search, a mark, Tab, r) started",
            ),
        ],
    ),
    (
        "Orphans (⚠: their text is no longer in the article)",
        &[(
            "select, v, \" or P",
            "re-attach: select the orphan (Tab or the sidebar), select its text anew with v, then tag it",
        )],
    ),
    (
        "Mouse (mouse = true in the config)",
        &[
            ("wheel", "scroll"),
            (
                "click",
                "select the annotation under it (in the sidebar too)",
            ),
            ("drag", "select text, then \" or P tags it"),
        ],
    ),
];

/// The help lines: a heading per mode, then "keys  what they do", from the live
/// keymap, the mode help was opened in first; then the command line, the sides view
/// and the mouse.
pub fn help_lines(app: &App, first: Scope) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let others = Scope::ALL.into_iter().filter(|s| *s != first);
    for scope in std::iter::once(first).chain(others) {
        out.push((strings::help_heading(scope, app.keymap()), String::new()));
        scope_lines(app, scope, &mut out);
    }
    sides_view_lines(app, &mut out);
    for (heading, entries) in EXTRA {
        out.push((heading.to_string(), String::new()));
        out.extend(entries.iter().map(|(k, w)| (k.to_string(), w.to_string())));
    }
    out
}

/// The keys of a scope's commands, each with what it does (reading's side keys too).
fn scope_lines(app: &App, scope: Scope, out: &mut Vec<(String, String)>) {
    for c in Command::ALL.iter().filter(|c| c.scopes().contains(&scope)) {
        let keys = app.keymap().keys_of(*c);
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
    if scope == Scope::Normal {
        for (n, keys) in app.keymap().side_keys() {
            let keys: Vec<String> = keys.iter().map(ToString::to_string).collect();
            let what = match n {
                0 => "Clear the side".to_string(),
                n => format!("Set the side to party {n}"),
            };
            out.push((keys.join(", "), what));
        }
    }
}

/// The sides view's keys: it moves with reading's.
fn sides_view_lines(app: &App, out: &mut Vec<(String, String)>) {
    let keys = |cs: &[Command]| {
        cs.iter()
            .flat_map(|c| app.keymap().keys_of(*c))
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    };
    out.push(("Sides view".to_string(), String::new()));
    for (cs, what) in [
        (
            &[Command::ScrollDown, Command::ScrollUp][..],
            "move in the list",
        ),
        (
            &[Command::NextAnnotation, Command::PrevAnnotation][..],
            "the next, previous side's column",
        ),
        (
            &[Command::Top, Command::Bottom][..],
            "the first, last entry",
        ),
        (&[Command::Activate][..], "jump to the annotation"),
        (
            &[Command::Cancel, Command::Quit, Command::ToggleSides][..],
            "close the view",
        ),
    ] {
        out.push((keys(cs), what.to_string()));
    }
}

/// One screen row of the help: a heading, or keys (possibly empty on a continued
/// line) and a piece of what they do.
enum HelpRow {
    Heading(String),
    Entry(String, String),
}

/// The help lines wrapped to `width` columns with `key_w` for the keys: keys too long
/// for their column get a row of their own, and a description wraps under itself, so
/// no entry is ever cut off.
fn help_rows(lines: &[(String, String)], width: usize, key_w: usize) -> Vec<HelpRow> {
    let what_w = width.saturating_sub(key_w + 2).max(10);
    let mut rows = Vec::new();
    for (keys, what) in lines {
        if what.is_empty() {
            rows.push(HelpRow::Heading(keys.clone()));
            continue;
        }
        let mut keys = keys.clone();
        if crate::tui::layout::text_width(&keys) > key_w {
            for part in textwrap::wrap(&keys, width.saturating_sub(1).max(10)) {
                rows.push(HelpRow::Entry(part.into_owned(), String::new()));
            }
            keys = String::new();
        }
        for part in textwrap::wrap(what, what_w) {
            rows.push(HelpRow::Entry(std::mem::take(&mut keys), part.into_owned()));
        }
    }
    rows
}

/// A box of `width`×`height` centred in `area` (cut to it).
pub(super) fn popup(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// Draws the help overlay, the keys of mode `first` at the top, scrolled by `scroll`
/// lines.
pub fn render_help(app: &App, area: Rect, (first, scroll): (Scope, usize), buf: &mut Buffer) {
    let rect = popup(area, 72, area.height);
    Clear.render(rect, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme().border)
        .title(strings::overlay_title("keys", app.keymap()));
    let inner = block.inner(rect);
    block.render(rect, buf);
    let key_w = 22.min(usize::from(inner.width) / 2);
    let rows = help_rows(&help_lines(app, first), usize::from(inner.width), key_w);
    let scroll = scroll.min(rows.len().saturating_sub(usize::from(inner.height)));
    for (dy, row) in rows
        .iter()
        .skip(scroll)
        .take(usize::from(inner.height))
        .enumerate()
    {
        let y = inner.y + dy as u16;
        let (keys, what) = match row {
            HelpRow::Heading(h) => {
                buf.set_stringn(
                    inner.x,
                    y,
                    h,
                    usize::from(inner.width),
                    Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                );
                continue;
            }
            HelpRow::Entry(keys, what) => (keys, what),
        };
        buf.set_stringn(
            inner.x + 1,
            y,
            keys,
            usize::from(inner.width.saturating_sub(1)),
            Style::new().add_modifier(Modifier::BOLD),
        );
        let x = inner.x + 2 + key_w as u16;
        buf.set_stringn(
            x,
            y,
            what,
            usize::from(inner.right().saturating_sub(x)),
            app.theme().text,
        );
    }
}

/// Draws the message log, scrolled by `scroll` rows; each message whole, wrapped.
pub fn render_messages(app: &App, area: Rect, scroll: usize, buf: &mut Buffer) {
    let rect = popup(area, 100, area.height);
    Clear.render(rect, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme().border)
        .title(strings::overlay_title("messages", app.keymap()));
    let inner = block.inner(rect);
    block.render(rect, buf);
    let width = usize::from(inner.width).saturating_sub(2).max(10);
    let mut rows: Vec<(String, Style)> = Vec::new();
    for (text, tone) in app.log() {
        let style = match tone {
            Tone::Warning => app.theme().text.add_modifier(Modifier::BOLD),
            Tone::Info => app.theme().text,
        };
        let mark = if *tone == Tone::Warning { "⚠ " } else { "" };
        let line = format!("{mark}{}", crate::article::sanitize_inline(text));
        rows.extend(
            textwrap::wrap(&line, width)
                .into_iter()
                .map(|r| (r.into_owned(), style)),
        );
    }
    if rows.is_empty() {
        rows.push(("no messages yet".into(), app.theme().dim));
    }
    let scroll = scroll.min(rows.len().saturating_sub(usize::from(inner.height)));
    for (dy, (row, style)) in rows
        .iter()
        .skip(scroll)
        .take(usize::from(inner.height))
        .enumerate()
    {
        buf.set_stringn(inner.x + 1, inner.y + dy as u16, row, width, *style);
    }
}
