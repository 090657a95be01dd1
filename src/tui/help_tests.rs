//! Help opens in every mode that takes keys of its own — reading, cursor mode, the
//! sides editor, the speakers panel, the corpus list — with that mode's keys at the
//! top, and Esc comes back to where it was opened.

use super::app::App;
use super::app::mode::Overlay;
use super::app_tests::app_in;
use super::corpus_tests::{list_open, reader};
use super::popup::sides::SidesEditor;
use super::popup::speakers::SpeakersPanel;
use super::test_support::{press, screen, screen_lines, typ};
use crossterm::event::KeyCode;

/// The first heading of the help on screen: the row under its top border, from the
/// help's left border on.
fn first_heading(app: &App) -> String {
    let lines = screen_lines(app);
    let top = lines
        .iter()
        .position(|l| l.contains(" keys — "))
        .expect("the help's frame");
    let left = lines[top].find("┌ keys").expect("the help's corner");
    lines[top + 1][left..].trim_start_matches('│').to_string()
}

#[test]
fn help_opens_over_the_corpus_list_with_its_keys_first_and_esc_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reader(dir.path());
    assert!(list_open(&app));
    let status = screen_lines(&app).pop().unwrap();
    assert!(status.contains("? help"), "the list says how: {status}");
    typ(&mut app, "?");
    assert_eq!(app.mode().overlay(), Some(Overlay::Help(0)));
    assert_eq!(app.mode_name(), "HELP");
    assert!(
        first_heading(&app).starts_with("Corpus list"),
        "{}",
        screen(&app)
    );
    // it scrolls with reading's keys, and keys that open reading's panes do nothing
    typ(&mut app, "jp");
    assert_eq!(app.mode().overlay(), Some(Overlay::Help(1)));
    press(&mut app, KeyCode::Esc);
    assert!(list_open(&app), "Esc comes back to the list");
    // the key that opened it closes it, though reading's `?` is a search
    typ(&mut app, "?");
    assert_eq!(app.mode_name(), "HELP");
    typ(&mut app, "?");
    assert!(list_open(&app), "? closes the help it opened");
    // `h` and F1 open it too, and close it again
    typ(&mut app, "h");
    assert_eq!(app.mode_name(), "HELP");
    typ(&mut app, "h");
    assert!(list_open(&app));
    press(&mut app, KeyCode::F(1));
    assert_eq!(app.mode_name(), "HELP");
    typ(&mut app, "q");
    assert!(list_open(&app), "q closes the help, not the list");
}

#[test]
fn help_opens_over_the_sides_editor_and_the_speakers_panel() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_in(dir.path(), 100, 30, true);
    typ(&mut a, "S");
    assert!(screen(&a).contains("help"), "the editor's keys name it");
    typ(&mut a, "?");
    assert_eq!(a.mode_name(), "HELP");
    assert!(
        first_heading(&a).starts_with("Sides editor"),
        "{}",
        screen(&a)
    );
    press(&mut a, KeyCode::Esc);
    assert!(
        a.mode().popup_as::<SidesEditor>().is_some(),
        "back in the editor"
    );
    press(&mut a, KeyCode::Esc);
    typ(&mut a, "W?");
    assert!(
        first_heading(&a).starts_with("Speakers panel"),
        "{}",
        screen(&a)
    );
    press(&mut a, KeyCode::Esc);
    assert!(
        a.mode().popup_as::<SpeakersPanel>().is_some(),
        "back in the panel"
    );
}

#[test]
fn f1_in_cursor_mode_shows_its_keys_and_esc_keeps_the_selection() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_in(dir.path(), 100, 30, true);
    typ(&mut a, "vll");
    let at = a.mode().cursor().copied();
    press(&mut a, KeyCode::F(1));
    assert_eq!(a.mode_name(), "HELP");
    assert!(
        first_heading(&a).starts_with("Cursor mode"),
        "{}",
        screen(&a)
    );
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.mode_name(), "SELECT");
    assert_eq!(a.mode().cursor().copied(), at);
    // reading's help lists reading first, as before
    press(&mut a, KeyCode::Esc);
    press(&mut a, KeyCode::Esc);
    typ(&mut a, "h");
    assert!(first_heading(&a).starts_with("Reading"), "{}", screen(&a));
}

#[test]
fn a_panel_with_one_row_still_shows_every_key_under_it() {
    use super::test_support::app_on_file;
    let dir = tempfile::tempdir().unwrap();
    let story = "Ferry talks resume\n\n\"We came to listen,\" said Ana Ruiz, a ferry captain.\n";
    let mut a = app_on_file(dir.path(), story, Vec::new());
    assert!(a.ann().parties.is_empty() && a.ann().speakers.len() == 1);
    typ(&mut a, "S");
    let s = screen(&a);
    assert!(s.contains("help") && s.contains("close"), "{s}");
    press(&mut a, KeyCode::Esc);
    typ(&mut a, "W");
    let s = screen(&a);
    assert!(s.contains("help") && s.contains("close"), "{s}");
}
