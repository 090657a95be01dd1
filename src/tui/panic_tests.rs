//! Keys that once made the reader panic, replayed on `App`, and a property test that
//! drives it with random keys and mouse events over text full of multibyte
//! characters.

use super::action::Action;
use super::app::App;
use super::app_tests::app_in;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

fn press(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    if let Some(action) = app.action_for_key(KeyEvent::new(code, modifiers)) {
        app.update(action);
    }
}

fn key(app: &mut App, c: char) {
    press(app, KeyCode::Char(c), KeyModifiers::NONE);
}

fn draw(app: &App) {
    let area = Rect::new(0, 0, app.size.0, app.size.1);
    let mut buf = Buffer::empty(area);
    app.render(area, &mut buf);
}

#[test]
fn moving_the_cursor_past_a_row_that_ends_in_a_curly_quote_does_not_panic() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_in(dir.path(), 100, 30, true);
    for c in "v}}}}jwwwwwwwwwwej".chars() {
        key(&mut a, c);
        let at = a.mode.cursor().unwrap().at;
        assert!(a.article.text.is_char_boundary(at), "after {c}: {at}");
    }
    // the same with the mouse: a drag past the end of every row, then tagging it
    let g = a.geometry().unwrap();
    for y in g.article.y..g.article.y + g.article.height {
        a.update(Action::Click(g.text_x, y));
        a.update(Action::Drag(g.article.x + g.article.width - 1, y));
        key(&mut a, '"');
        press(&mut a, KeyCode::Esc, KeyModifiers::NONE);
        press(&mut a, KeyCode::Esc, KeyModifiers::NONE);
    }
}

#[test]
fn discarding_with_the_sidebar_open_quits_and_draws_no_stale_index() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_in(dir.path(), 100, 30, true);
    for c in "svvwwP".chars() {
        key(&mut a, c);
        draw(&a);
    }
    assert!(a.store.as_ref().unwrap().is_dirty(), "a position was added");
    let journals = || {
        std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().contains("journal"))
            .count()
    };
    assert_eq!(journals(), 1, "the edit is journalled");
    press(&mut a, KeyCode::Esc, KeyModifiers::NONE);
    key(&mut a, 'q');
    key(&mut a, 'd');
    assert!(a.quit);
    draw(&a);
    assert_eq!(journals(), 0, "the discarded edits' journal is gone");
}

#[test]
fn a_discard_quits_even_when_the_store_became_unreadable() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_in(dir.path(), 100, 30, true);
    press(&mut a, KeyCode::Tab, KeyModifiers::NONE);
    key(&mut a, 'a');
    std::fs::write(dir.path().join("bundled.parley.toml"), "not = [valid").unwrap();
    key(&mut a, ':');
    for c in "q!".chars() {
        key(&mut a, c);
    }
    press(&mut a, KeyCode::Enter, KeyModifiers::NONE);
    assert!(a.quit, "{:?}", a.message);
}
