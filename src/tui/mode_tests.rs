//! The one mode value at work: which layer takes a key, and what Esc and Ctrl-C close.

use super::app::mode::Overlay;
use super::app_tests::app_in;
use super::test_support::{press, press_mod, selected_text, typ};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[test]
fn v_in_the_sides_view_does_not_start_cursor_mode_under_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_in(dir.path(), 100, 30, true);
    typ(&mut a, "p");
    assert_eq!(a.mode_name(), "SIDES");
    typ(&mut a, "v");
    assert_eq!(a.mode_name(), "SIDES");
    assert!(a.mode().cursor().is_none(), "no cursor under the overlay");
    // keys that would edit the hidden article do nothing either
    typ(&mut a, "a");
    assert!(!a.store().unwrap().is_dirty());
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.mode_name(), "READ");
    typ(&mut a, "v");
    assert_eq!(a.mode_name(), "SELECT", "v selects at once");
}

#[test]
fn the_status_bar_names_the_speakers_panel_and_the_sides_editor() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_in(dir.path(), 100, 30, true);
    typ(&mut a, "W");
    assert_eq!(a.mode_name(), "SPEAKERS");
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.mode_name(), "READ");
    typ(&mut a, "S");
    assert_eq!(a.mode_name(), "SIDES");
}

#[test]
fn ctrl_c_in_a_prompt_cancels_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_in(dir.path(), 100, 30, true);
    typ(&mut a, "/");
    for c in "Cuba".chars() {
        typ(&mut a, &c.to_string());
    }
    assert_eq!(a.mode_name(), "SEARCH");
    press_mod(&mut a, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(a.mode_name(), "READ");
    assert!(a.search().matches.is_empty(), "the search is abandoned");
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(
        matches!(
            super::input_action(&crossterm::event::Event::Key(ctrl_c), &a),
            super::Input::Interrupt
        ),
        "reading, Ctrl-C interrupts (the loop's to do)"
    );
    assert!(!a.wants_quit());

    // the same in a popup: the note editor
    press(&mut a, KeyCode::Tab);
    typ(&mut a, "e");
    assert_eq!(a.mode_name(), "EDIT");
    press_mod(&mut a, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(a.mode_name(), "READ");
}

#[test]
fn esc_closes_only_the_layer_on_top() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_in(dir.path(), 100, 30, true);
    typ(&mut a, "v");
    typ(&mut a, "m");
    assert!(a.mode().cursor().is_some());
    typ(&mut a, "L");
    assert_eq!(a.mode().overlay(), None, "L is not a cursor-mode key");
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.mode_name(), "CURSOR", "Esc drops the selection first");
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.mode_name(), "READ");
    typ(&mut a, "L");
    typ(&mut a, "h");
    assert_eq!(
        a.mode().overlay(),
        Some(Overlay::Help(0)),
        "help replaces the legend"
    );
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.mode_name(), "READ");
}

#[test]
fn search_in_cursor_mode_puts_the_cursor_on_the_match() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_in(dir.path(), 100, 30, true);
    typ(&mut a, "v");
    typ(&mut a, "v"); // v again drops the selection it started
    typ(&mut a, "/");
    for c in "boatlift".chars() {
        typ(&mut a, &c.to_string());
    }
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.mode_name(), "CURSOR", "back in cursor mode");
    let at = a.mode().cursor().unwrap().at;
    assert!(a.article().text[at..].starts_with("boatlift"));
    typ(&mut a, "v");
    typ(&mut a, "e");
    assert_eq!(selected_text(&a), "boatlift");
}

#[test]
fn v_starts_where_the_user_last_went_a_match_or_the_annotation_tab_chose() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_in(dir.path(), 100, 30, true);
    press(&mut a, KeyCode::Tab);
    typ(&mut a, "/groundwork");
    press(&mut a, KeyCode::Enter);
    typ(&mut a, "v");
    let at = a.mode().cursor().unwrap().at;
    assert!(
        a.article().text[at..].starts_with("groundwork"),
        "on the match"
    );
    press(&mut a, KeyCode::Esc);
    press(&mut a, KeyCode::Esc);
    // Tab goes to an annotation again: the selection starts there
    press(&mut a, KeyCode::BackTab);
    press(&mut a, KeyCode::Tab);
    typ(&mut a, "v");
    let at = a.mode().cursor().unwrap().at;
    assert_eq!(at, a.hl().items[a.selected().unwrap()].range().start);
}

#[test]
fn v_and_tagging_on_an_empty_article_say_there_is_nothing_to_select() {
    use super::test_support::{app_on_file, message};
    for text in ["", " \n\n  \n"] {
        let dir = tempfile::tempdir().unwrap();
        let mut a = app_on_file(dir.path(), text, Vec::new());
        typ(&mut a, "v");
        assert_eq!(a.mode_name(), "READ", "no cursor mode on no text");
        assert_eq!(message(&a), super::strings::NOTHING_TO_SELECT);
        press(&mut a, KeyCode::Esc);
        typ(&mut a, "\"");
        assert_eq!(message(&a), super::strings::NOTHING_TO_SELECT);
        press(&mut a, KeyCode::Esc);
        typ(&mut a, "P");
        assert_eq!(message(&a), super::strings::NOTHING_TO_SELECT);
        assert!(!a.store().unwrap().is_dirty());
    }
}
