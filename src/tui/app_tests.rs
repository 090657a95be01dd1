//! Every reader action on `App`, and the screen it draws, without a terminal.

use super::action::{Action, PromptKey};
use super::app::App;
use super::app::mode::Overlay;
use crate::article::Article;
use crate::config::Config;
use crate::keys::Command;
use crate::model::QuoteKind;
use crate::store::{OpenOptions, Store};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use ratatui::widgets::Widget;
use std::sync::Arc;

/// A reader on the bundled article with its store in a temporary directory.
pub(crate) fn app_in(dir: &std::path::Path, w: u16, h: u16, color: bool) -> App {
    let article = Arc::new(Article::bundled());
    let options = OpenOptions {
        store: Some(dir.join("bundled.parley.toml")),
        suggest: Some(crate::detect::detect_with_progress),
        ..OpenOptions::default()
    };
    let store = Store::open(&article, &options);
    let mut app = App::new(article, Config::default(), (w, h), color);
    app.update(Action::StoreReady(Box::new(store)));
    app
}

fn app_sized(w: u16, h: u16, color: bool) -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    (app_in(dir.path(), w, h, color), dir)
}

fn app() -> (App, tempfile::TempDir) {
    app_sized(80, 24, true)
}

pub(super) fn cmd(app: &mut App, c: Command) {
    app.update(Action::Command(c));
}

pub(super) fn render(app: &App) -> Buffer {
    let area = Rect::new(0, 0, app.size().0, app.size().1);
    let mut buf = Buffer::empty(area);
    app.render(area, &mut buf);
    buf
}

pub(super) fn screen_text(buf: &Buffer) -> String {
    let mut s = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            s.push_str(buf[(x, y)].symbol());
        }
        s.push('\n');
    }
    s
}

/// The position of the first cell of `needle` on screen.
fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut cols = Vec::new();
        for x in 0..buf.area.width {
            let sym = buf[(x, y)].symbol();
            for _ in sym.chars() {
                cols.push(x);
            }
            line.push_str(sym);
        }
        if let Some(i) = line.find(needle) {
            return Some((cols[line[..i].chars().count()], y));
        }
    }
    None
}

#[test]
fn scrolling_clamps_at_both_ends() {
    let (mut a, _dir) = app();
    cmd(&mut a, Command::ScrollUp);
    assert_eq!(a.top(), 0);
    cmd(&mut a, Command::ScrollDown);
    assert_eq!(a.top(), 1);
    cmd(&mut a, Command::PageDown);
    assert_eq!(a.top(), 1 + a.viewport());
    cmd(&mut a, Command::HalfPageUp);
    assert_eq!(a.top(), 1 + a.viewport() - a.viewport() / 2);
    cmd(&mut a, Command::Bottom);
    let last = a.top();
    assert_eq!(last + a.viewport(), a.layout().rows().len());
    cmd(&mut a, Command::ScrollDown);
    cmd(&mut a, Command::PageDown);
    assert_eq!(a.top(), last);
    cmd(&mut a, Command::Top);
    assert_eq!(a.top(), 0);
}

#[test]
fn tab_walks_annotations_in_document_order_and_reveals_them() {
    let (mut a, _dir) = app();
    assert!(a.hl().items.len() >= 6);
    let mut starts = Vec::new();
    for _ in 0..a.hl().items.len() {
        cmd(&mut a, Command::NextAnnotation);
        let it = &a.hl().items[a.selected().unwrap()];
        starts.push(it.range().start);
        let row = a.layout().row_of(it.range().start);
        assert!(
            row >= a.top() && row < a.top() + a.viewport(),
            "selection on screen"
        );
    }
    assert!(starts.windows(2).all(|w| w[0] <= w[1]));
    cmd(&mut a, Command::NextAnnotation);
    assert!(
        a.message()
            .as_ref()
            .unwrap()
            .0
            .contains("no annotation after")
    );
    cmd(&mut a, Command::PrevAnnotation);
    assert_eq!(a.selected(), Some(a.hl().items.len() - 2));
}

#[test]
fn same_side_jumps_skip_other_sides_and_terms() {
    let (mut a, _dir) = app();
    // select the first speech quote
    while a
        .selected()
        .is_none_or(|s| a.hl().items[s].kind().is_none_or(|k| k == QuoteKind::Term))
    {
        cmd(&mut a, Command::NextAnnotation);
    }
    let side = a.hl().items[a.selected().unwrap()].party();
    assert!(side.is_some());
    for _ in 0..5 {
        cmd(&mut a, Command::NextSameSide);
        let it = &a.hl().items[a.selected().unwrap()];
        assert_eq!(it.party(), side);
        assert!(it.kind().is_some_and(|k| k != QuoteKind::Term));
    }
}

#[test]
fn incremental_search_counts_matches_and_esc_restores_the_view() {
    let (mut a, _dir) = app();
    cmd(&mut a, Command::Search);
    for c in "cuba".chars() {
        a.update(Action::Prompt(PromptKey::Char(c)));
    }
    let n = a.search().matches.len();
    assert!(n >= 10, "{n}");
    assert!(a.article().text[a.search().matches[0].clone()].eq_ignore_ascii_case("cuba"));
    a.update(Action::Prompt(PromptKey::Submit));
    assert_eq!(a.mode_name(), "READ");
    cmd(&mut a, Command::SearchNext);
    assert_eq!(a.search().current, Some(1));
    cmd(&mut a, Command::SearchPrev);
    cmd(&mut a, Command::SearchPrev);
    assert_eq!(a.search().current, Some(n - 1), "wraps around");
    assert!(
        a.message()
            .as_ref()
            .is_some_and(|(m, _)| m.contains("wrapped")),
        "and says so: {:?}",
        a.message()
    );
    let left = super::view::status::left_text(&a);
    assert!(left.contains(&format!("match {n}/{n}")), "{left}");

    let (mut a, _dir) = app();
    cmd(&mut a, Command::Search);
    for c in "Boadle".chars() {
        a.update(Action::Prompt(PromptKey::Char(c)));
    }
    assert!(a.top() > 0, "search scrolled to the byline");
    a.update(Action::Prompt(PromptKey::Abort));
    assert_eq!(a.top(), 0);
    assert!(a.search().matches.is_empty());
}

#[test]
fn marks_remember_offsets() {
    let (mut a, _dir) = app();
    cmd(&mut a, Command::PageDown);
    let top = a.top();
    cmd(&mut a, Command::SetMark);
    a.update(Action::MarkLetter('a'));
    cmd(&mut a, Command::Top);
    cmd(&mut a, Command::JumpMark);
    a.update(Action::MarkLetter('a'));
    assert_eq!(a.top(), top);
    cmd(&mut a, Command::JumpMark);
    a.update(Action::MarkLetter('z'));
    assert!(a.message().unwrap().0.contains("not set"));
}

#[test]
fn resize_keeps_the_same_text_at_the_top() {
    let (mut a, _dir) = app_sized(120, 40, true);
    cmd(&mut a, Command::PageDown);
    let offset = a.top_offset();
    let word_at_top = a.article().text[offset..]
        .split_whitespace()
        .next()
        .unwrap()
        .to_string();
    a.update(Action::Resize(50, 20));
    let row = &a.layout().rows()[a.top()];
    assert!(
        row.start() <= offset && offset <= row.end(),
        "{word_at_top}"
    );
    a.update(Action::Resize(1, 1));
    let _ = render(&a);
    a.update(Action::Resize(120, 40));
    let row = &a.layout().rows()[a.top()];
    assert!(row.start() <= offset && offset <= row.end());
}

#[test]
fn sides_view_lists_each_side_and_enter_jumps() {
    let (mut a, _dir) = app();
    let cols = a.sides_columns();
    assert_eq!(cols.len(), 3, "two sides and the unassigned");
    let names: Vec<&str> = a.ann().parties.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        ["United States", "Cuba"],
        "in the order the article names them"
    );
    assert!(!cols[0].is_empty() && !cols[1].is_empty());
    cmd(&mut a, Command::ToggleSides);
    let text = screen_text(&render(&a));
    assert!(
        text.contains("United States") && text.contains("Cuba"),
        "{text}"
    );
    cmd(&mut a, Command::NextAnnotation); // to the next column
    let Some(Overlay::Sides(cursor)) = a.mode().overlay() else {
        panic!("sides closed")
    };
    assert_eq!(cursor, cols[0].len());
    cmd(&mut a, Command::ScrollDown);
    cmd(&mut a, Command::Activate);
    assert_eq!(a.mode().overlay(), None);
    assert_eq!(a.selected(), Some(cols[1][1]));
}

#[test]
fn help_overlay_opens_scrolls_and_closes() {
    let (mut a, _dir) = app();
    cmd(&mut a, Command::ToggleHelp);
    assert!(screen_text(&render(&a)).contains("Scroll down one line"));
    cmd(&mut a, Command::ScrollDown);
    assert_eq!(a.mode().overlay(), Some(Overlay::Help(1)));
    cmd(&mut a, Command::Quit);
    assert_eq!(a.mode().overlay(), None);
    assert!(!a.wants_quit(), "q closes help first");
    cmd(&mut a, Command::ToggleLegend);
    assert!(screen_text(&render(&a)).contains("legend"));
    cmd(&mut a, Command::Cancel);
    cmd(&mut a, Command::Quit);
    assert!(a.wants_quit());
}

#[test]
fn sidebar_follows_the_selection_and_clicks_select() {
    let (mut a, _dir) = app_sized(120, 30, true);
    cmd(&mut a, Command::ToggleSidebar);
    let g = a.geometry().unwrap();
    assert!(g.sidebar.is_some());
    cmd(&mut a, Command::NextAnnotation);
    cmd(&mut a, Command::NextAnnotation);
    let buf = render(&a);
    let side = g.sidebar.unwrap();
    let reversed_row = (side.y..side.bottom())
        .find(|&y| buf[(side.x + 3, y)].modifier.contains(Modifier::REVERSED))
        .unwrap();
    assert_eq!(usize::from(reversed_row), a.selected().unwrap());
    a.update(Action::Click(side.x + 4, side.y));
    assert_eq!(a.selected(), Some(0));
    // a click on a quote in the article selects it
    let buf = render(&a);
    let (x, y) = find(&buf, "Engaging").unwrap();
    a.update(Action::Click(x + 2, y));
    let it = &a.hl().items[a.selected().unwrap()];
    assert!(a.article().text[it.range()].contains("Engaging"));
}

#[test]
fn highlights_are_styled_by_kind_and_side() {
    let (a, _dir) = app();
    let buf = render(&a);
    let (x, y) = find(&buf, "Engaging").unwrap();
    let quote = &buf[(x, y)];
    assert_ne!(quote.fg, Color::Reset, "quote in its side's colour");
    let (x, y) = find(&buf, "Ian Kelly").unwrap();
    assert!(
        buf[(x, y)].modifier.contains(Modifier::BOLD),
        "speaker bold"
    );
    let (x, y) = find(&buf, "Ian Kelly said").unwrap();
    assert!(
        buf[(x + 10, y)].modifier.contains(Modifier::UNDERLINED),
        "cue underlined"
    );
    let (gx, gy) = find(&buf, "WASHINGTON").unwrap();
    assert_eq!(
        buf[(gx - 2, gy)].symbol(),
        "▌",
        "position bar in the gutter"
    );
}

#[test]
fn no_color_draws_no_colours_but_keeps_distinctions() {
    let (a, _dir) = app_sized(80, 24, false);
    let buf = render(&a);
    for y in 0..24 {
        for x in 0..80 {
            let c = &buf[(x, y)];
            assert!(
                matches!(c.fg, Color::Reset) && matches!(c.bg, Color::Reset),
                "colour at {x},{y}"
            );
        }
    }
    let (x, y) = find(&buf, "Engaging").unwrap();
    assert!(buf[(x, y)].modifier.contains(Modifier::UNDERLINED));
    let (gx, gy) = find(&buf, "WASHINGTON").unwrap();
    assert_ne!(buf[(gx - 2, gy)].symbol(), " ", "gutter bar without colour");
}

#[test]
fn every_size_renders_without_panic() {
    for (w, h) in [
        (0, 0),
        (1, 1),
        (19, 4),
        (20, 5),
        (21, 5),
        (5, 40),
        (300, 100),
        (40, 3),
    ] {
        let (a, _dir) = app_sized(w, h, true);
        let text = screen_text(&render(&a));
        if w < 20 || h < 5 {
            if w >= 9 && h >= 2 {
                assert!(text.contains("too small"), "{w}x{h}: {text}");
            }
        } else {
            assert!(text.contains("READ"), "{w}x{h}");
        }
    }
}
