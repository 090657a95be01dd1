//! The status bar: file, mode, position, counts per side, search, messages.

use crate::article::sanitize_inline;
use crate::keys::Command;
use crate::model::{QuoteKind, Status};
use crate::tui::app::mode::Pending;
use crate::tui::app::{App, Tone};
use crate::tui::highlight::{Target, on_target};
use crate::tui::strings;
use crate::tui::view::truncate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

/// Counts of live (not rejected, not term) annotations per side, in party order, by
/// each side's label or name.
pub fn counts(app: &App) -> Vec<(String, usize)> {
    app.ann()
        .parties
        .iter()
        .zip(app.hl().side_counts.iter().copied())
        .map(|(p, n)| (sanitize_inline(p.short_name()), n))
        .collect()
}

/// The left part of the status bar: a prompt's text, or the mode, the place and
/// what is worth knowing now.
pub fn left_text(app: &App) -> String {
    if let Some(prompt) = prompt_text(app) {
        return prompt;
    }
    let no_article = app.corpus().is_some_and(|c| c.current.is_none());
    let mut parts = vec![app.mode_name().to_string()];
    // the list of a corpus before any article is open: no place in an article to give
    if !no_article {
        parts.push(position(app));
    }
    if let Some(n) = app.count() {
        parts.push(strings::count_typed(n));
    }
    store_state(app, &mut parts);
    if !app.filter().is_empty() {
        let what = app.filter().describe(app.ann());
        parts.push(strings::filter_shown(&what, app.list_len()));
    }
    parts.extend(summary(app));
    parts.extend(loading(app));
    if !app.search().matches.is_empty() {
        let cur = app.search().current.map_or(0, |c| c + 1);
        parts.push(strings::match_of(cur, app.search().matches.len()));
    }
    parts.join(" │ ")
}

/// The search prompt as typed, or the question of a key waiting for a mark's letter.
fn prompt_text(app: &App) -> Option<String> {
    if let Some(field) = app.mode().search_field() {
        let n = app.search().matches.len();
        let found = if field.text().is_empty() {
            String::new()
        } else {
            strings::matches_found(n)
        };
        let prompt = if app.search().backward { '?' } else { '/' };
        return Some(format!("{prompt}{}{found}", sanitize_inline(field.text())));
    }
    app.mode().pending().map(|p| {
        match p {
            Pending::SetMark => strings::SET_MARK_PROMPT,
            Pending::JumpMark => strings::JUMP_MARK_PROMPT,
        }
        .to_string()
    })
}

/// Where the screen is in the article: how far, and the row at the top.
fn position(app: &App) -> String {
    let rows = app.layout().rows().len().max(1);
    let bottom = (app.top() + app.viewport()).min(rows);
    if app.loading().rest_to_come() {
        // only the start is here: neither the share read nor the row count is known
        format!("{}/…", app.top() + 1)
    } else if app.layout().is_complete() {
        let pct = if bottom >= rows {
            100
        } else {
            bottom * 100 / rows
        };
        format!("{pct}% {}/{rows}", app.top() + 1)
    } else {
        // still wrapping: estimate from bytes, rows unknown
        let len = app.article().text.len().max(1);
        let at = app.layout().rows().get(bottom).map_or(len, |r| r.start());
        format!("{}% {}/…", at * 100 / len, app.top() + 1)
    }
}

/// The store's state: conflicts left, read-only, unsaved edits. Before the rest, so
/// that a message beside it cuts it last.
fn store_state(app: &App, parts: &mut Vec<String>) {
    let Some(store) = app.store() else {
        return;
    };
    let conflicts = store.annotations().conflicts.len();
    if conflicts > 0 {
        parts.push(strings::conflicts_left(conflicts, app.keymap()));
    }
    if store.read_only().is_some() {
        parts.push(strings::READ_ONLY.into());
    } else if store.is_dirty() {
        parts.push(strings::unsaved(store.edits_at_risk()));
    }
}

/// The selected annotation, else "no sides", else the counts per side; none of them
/// while a message takes their place (until the next key).
fn summary(app: &App) -> Option<String> {
    if app.message().is_some() {
        return None;
    }
    if let Some(selection) = selection_text(app) {
        return Some(selection);
    }
    if app.ann().parties.is_empty() && app.store().is_some() {
        return Some(no_sides(app));
    }
    let counts = counts(app);
    (!counts.is_empty()).then(|| {
        counts
            .iter()
            .map(|(name, n)| format!("{name} {n}"))
            .collect::<Vec<_>>()
            .join(" · ")
    })
}

/// How far the article and its store have come, while they load (or while `:detect`
/// reads the file again).
fn loading(app: &App) -> Option<String> {
    if app.loading().rest_to_come() {
        return Some(strings::LOADING.into());
    }
    if app.reading_file_again() {
        return Some(strings::READING_FILE.into());
    }
    let detected = app.loading().detecting()?;
    let total = app.article().text.len().max(1);
    let percent = (detected > 0).then(|| detected.min(total) * 100 / total);
    Some(strings::detecting(percent))
}

/// What the status bar says of a story without sides, with the live key that adds one.
pub fn no_sides(app: &App) -> String {
    format!(
        "no sides: {} adds one",
        app.keymap().hint(Command::EditSides)
    )
}

/// The selected annotation in words: kind, side, speaker, status and the start of its
/// note ("direct quote · Cuba · Dagoberto Rodriguez · suggested · ✎ checked twice…").
pub fn selection_text(app: &App) -> Option<String> {
    let item = app.hl().items.get(app.selected()?)?;
    let ann = app.ann();
    let orphan = matches!(
        item.target(),
        Target::OrphanQuote(_) | Target::OrphanPosition(_)
    );
    let kind = match item.kind() {
        Some(QuoteKind::Direct) => "direct quote",
        Some(QuoteKind::Partial) => "partial quote",
        Some(QuoteKind::Term) => "term",
        None => "position",
    };
    let (speaker, note, recheck) = on_target(
        ann,
        item.target(),
        |q| (q.speaker.as_deref(), q.note.as_deref(), q.recheck),
        |p| (p.speaker.as_deref(), p.note.as_deref(), p.recheck),
    )?;
    let side = item
        .party()
        .and_then(|i| ann.parties.get(i))
        .map_or("no side".to_string(), |p| sanitize_inline(&p.name));
    let speaker = speaker
        .and_then(|id| ann.speaker(id))
        .map_or("no speaker".to_string(), |s| sanitize_inline(&s.name));
    let status = match item.status() {
        Status::Suggested => "suggested",
        Status::Accepted => "accepted",
        Status::Rejected => "rejected",
    };
    let mut parts = vec![
        if orphan {
            format!("⚠ orphan {kind}")
        } else {
            kind.to_string()
        },
        side,
        speaker,
        status.to_string(),
    ];
    if recheck.is_some() {
        parts.push(crate::tui::strings::recheck(app.keymap()));
    }
    if let Some(note) = note.filter(|n| !n.trim().is_empty()) {
        let words: Vec<&str> = note.split_whitespace().take(5).collect();
        let more = note.split_whitespace().count() > words.len();
        parts.push(format!(
            "✎ {}{}",
            sanitize_inline(&words.join(" ")),
            if more { "…" } else { "" }
        ));
    }
    Some(parts.join(" · "))
}

/// Draws the status bar.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, app.theme().status);
    let width = usize::from(area.width);
    // the key that opens help in the mode on top (in cursor mode `h` moves; a prompt
    // types every key)
    let scope = app.mode().scope();
    let help = [Command::ToggleHelp, Command::CursorHelp, Command::PanelHelp]
        .into_iter()
        .find(|c| c.scopes().contains(&scope))
        .map_or_else(String::new, |c| format!("{} help ", app.keymap().hint(c)));
    let info = left_text(app);
    // the file name gets what the rest leaves, but never less than a few columns
    let room = width.saturating_sub(crate::tui::layout::text_width(&info) + 8 + help.len());
    // no name before the first article of a corpus is open
    let nameless = app.label().is_empty();
    let left = if app.mode().search_field().is_some()
        || app.mode().pending().is_some()
        || room < 8
        || nameless
    {
        format!(" {info}")
    } else {
        format!(" {} │ {info}", truncate(app.label(), room))
    };
    let mut right = help;
    if let Some((msg, tone)) = &app.message() {
        let msg = sanitize_inline(msg);
        right = if right.is_empty() {
            format!("{msg} ")
        } else {
            format!("{msg}  {right}")
        };
        if *tone == Tone::Warning {
            right = format!("⚠ {right}");
        }
    }
    // the position and counts matter more than a message: the message gets what is left
    let left_w = crate::tui::layout::text_width(&left);
    let right_w =
        crate::tui::layout::text_width(&right).min(width.saturating_sub(left_w + 2).max(width / 3));
    let right = truncate(&right, right_w);
    let left = truncate(&left, width.saturating_sub(right_w + 1));
    buf.set_stringn(area.x, area.y, &left, width, app.theme().status);
    let rx = area.x + (width - crate::tui::layout::text_width(&right).min(width)) as u16;
    let mut style = app.theme().status;
    if matches!(app.message(), Some((_, Tone::Warning))) {
        style = style.add_modifier(Modifier::BOLD);
    }
    buf.set_stringn(rx, area.y, &right, width, style);
}
