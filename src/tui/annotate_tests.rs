//! Annotating as a new user meets it, through keys into `App`: the speaker picker,
//! the merge dialog, the selection `v` starts, and the note editor.

use super::action::Action;
use super::app::App;
use super::app_tests::app_in;
use super::popup::{Pick, Popup};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

fn press(app: &mut App, code: KeyCode) {
    if let Some(action) = app.action_for_key(KeyEvent::new(code, KeyModifiers::NONE)) {
        app.update(action);
    }
}

fn typ(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn screen(app: &App) -> String {
    let area = Rect::new(0, 0, app.size.0, app.size.1);
    let mut buf = Buffer::empty(area);
    app.render(area, &mut buf);
    (0..area.height)
        .map(|y| {
            (0..area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
                + "\n"
        })
        .collect()
}

/// The name under the picker's cursor (`None`: "new speaker").
fn picked(app: &App) -> Option<String> {
    let Some(Popup::Speakers {
        filter,
        cursor,
        pick,
    }) = app.mode.popup()
    else {
        panic!("the picker is not open");
    };
    let entries = app.picker_entries(filter.text(), pick);
    entries[*cursor].map(|i| app.ann().speakers[i].name.clone())
}

#[test]
fn the_picker_selects_an_exact_or_prefix_match_before_new_speaker() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_in(dir.path(), 100, 30, true);
    press(&mut a, KeyCode::Tab);
    typ(&mut a, "@");
    typ(&mut a, "Kel");
    assert_eq!(picked(&a).as_deref(), Some("Ian Kelly"), "a surname prefix");
    typ(&mut a, "ly");
    assert_eq!(picked(&a).as_deref(), Some("Ian Kelly"));
    // nothing matches: then, and only then, new speaker is the one chosen
    typ(&mut a, "zz");
    assert_eq!(picked(&a), None);
    assert!(screen(&a).contains("+ new speaker"));
    press(&mut a, KeyCode::Esc);
    // Enter on a prefix picks the speaker, it does not make a new one
    let speakers = a.ann().speakers.len();
    typ(&mut a, "@");
    typ(&mut a, "dago");
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.ann().speakers.len(), speakers, "{:?}", a.message);
    assert_eq!(a.mode_name(), "READ");
}

#[test]
fn the_merge_dialog_says_it_merges_and_never_offers_the_speaker_itself() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_in(dir.path(), 100, 30, true);
    // select a quote whose speaker is known
    let with_speaker = (0..40).find_map(|_| {
        press(&mut a, KeyCode::Tab);
        let id = a.selected_id()?;
        a.ann().quotes.iter().find(|q| q.id == id)?.speaker.clone()
    });
    let from = with_speaker.expect("a quote with a speaker");
    typ(&mut a, "M");
    let Some(Popup::Speakers { filter, pick, .. }) = a.mode.popup() else {
        panic!("no merge dialog");
    };
    assert_eq!(pick, &Pick::MergeInto { from: from.clone() });
    let listed = a.picker_entries(filter.text(), pick);
    assert!(
        listed.iter().all(|e| e.is_some()),
        "no new speaker in a merge"
    );
    assert!(
        listed
            .iter()
            .flatten()
            .all(|&i| a.ann().speakers[i].id != from),
        "the speaker being merged is not its own target"
    );
    assert!(
        screen(&a).contains("Merge “"),
        "the title says it is a merge"
    );
}

#[test]
fn v_selects_at_once_and_v_again_drops_the_selection() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_in(dir.path(), 100, 30, true);
    typ(&mut a, "v");
    assert_eq!(a.mode_name(), "SELECT");
    typ(&mut a, "e");
    let sel = a.mode.cursor().unwrap().selection(&a.article.text).unwrap();
    assert!(!a.article.text[sel].trim().is_empty());
    typ(&mut a, "v");
    assert_eq!(a.mode_name(), "CURSOR");
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.mode_name(), "READ");
    // v, a move, P: a position over the words moved across
    let before = a.ann().positions.len();
    typ(&mut a, "vwwP");
    assert_eq!(a.ann().positions.len(), before + 1, "{:?}", a.message);
}

#[test]
fn a_long_note_stays_in_view_while_typed_and_is_saved_as_typed() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_in(dir.path(), 80, 24, true);
    press(&mut a, KeyCode::Tab);
    let id = a.selected_id().unwrap();
    typ(&mut a, "e");
    let note =
        "a long note that goes on well past the width of the popup, ".repeat(4) + "and ends here";
    typ(&mut a, &note);
    assert!(screen(&a).contains("and ends here"), "the end is in view");
    a.update(Action::Popup(super::action::PopupKey::Newline));
    typ(&mut a, "second line ✓");
    press(&mut a, KeyCode::Enter);
    let ann = a.ann();
    let saved = ann
        .quotes
        .iter()
        .find(|q| q.id == id)
        .map(|q| q.note.clone())
        .or_else(|| {
            ann.positions
                .iter()
                .find(|p| p.id == id)
                .map(|p| p.note.clone())
        })
        .flatten();
    assert_eq!(
        saved.as_deref(),
        Some(format!("{note}\nsecond line ✓").as_str())
    );
}
