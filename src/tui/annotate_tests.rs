//! Annotating as a new user meets it, through keys into `App`: the speaker picker,
//! the merge dialog, the selection `v` starts, and the note editor.

use super::action::Action;
use super::app::App;
use super::app_tests::app_in;
use super::popup::lines::LinesInput;
use super::popup::picker::SpeakerPicker;
use super::popup::text::TextInput;
use super::test_support::{press, screen, selected_text, typ};
use crate::tui::reply::Pick;
use crossterm::event::KeyCode;

/// The name under the picker's cursor (`None`: "new speaker").
fn picked(app: &App) -> Option<String> {
    let Some(SpeakerPicker {
        filter,
        cursor,
        pick,
    }) = app.mode().popup_as::<SpeakerPicker>()
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
    assert_eq!(a.ann().speakers.len(), speakers, "{:?}", a.message());
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
    let Some(SpeakerPicker { filter, pick, .. }) = a.mode().popup_as::<SpeakerPicker>() else {
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
    assert!(!selected_text(&a).trim().is_empty());
    typ(&mut a, "v");
    assert_eq!(a.mode_name(), "CURSOR");
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.mode_name(), "READ");
    // v, a move, P: a position over the words moved across
    let before = a.ann().positions.len();
    typ(&mut a, "vwwP");
    assert_eq!(a.ann().positions.len(), before + 1, "{:?}", a.message());
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

#[test]
fn the_status_bar_tells_what_is_selected_and_why_the_sidebar_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_in(dir.path(), 120, 30, true);
    press(&mut a, KeyCode::Tab);
    typ(&mut a, "e");
    typ(&mut a, "checked it twice against the wire copy");
    press(&mut a, KeyCode::Enter);
    typ(&mut a, "a");
    let bar = screen(&a).lines().last().unwrap().to_string();
    let summary = super::view::status::selection_text(&a).unwrap();
    assert!(summary.contains("accepted"), "{summary}");
    assert!(
        summary.contains("✎ checked it twice against the…"),
        "{summary}"
    );
    let kind = ["position", "direct quote", "partial quote"];
    assert!(kind.iter().any(|k| summary.starts_with(k)), "{summary}");
    assert!(bar.contains("accepted"), "{bar}");

    a.update(Action::Resize(50, 20));
    typ(&mut a, "s");
    assert!(
        a.message()
            .as_ref()
            .is_some_and(|(m, _)| m.contains("no room for the sidebar")),
        "{:?}",
        a.message()
    );
}

#[test]
fn help_lists_every_key_and_command_whole_at_80_columns() {
    let dir = tempfile::tempdir().unwrap();
    // tall enough for the whole list at once
    let mut a = app_in(dir.path(), 80, 400, true);
    typ(&mut a, "h");
    // the help box only: what lies between its borders
    let text: String = screen(&a)
        .lines()
        .filter_map(|l| {
            let (from, to) = (l.find('│')?, l.rfind('│')?);
            (from < to).then(|| l[from + '│'.len_utf8()..to].to_string() + "\n")
        })
        .collect();
    for needle in [
        ":w PATH",
        ":q!",
        ":messages",
        "Ctrl-z",
        "wheel",
        "drag",
        "Sides view",
    ] {
        assert!(text.contains(needle), "{needle} missing");
    }
    assert!(!text.contains('…'), "an entry is cut off:\n{text}");
    let words: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for (_, what) in super::view::help::help_lines(&a, crate::keys::Scope::Normal) {
        let what = what.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(words.contains(&what), "“{what}” is not shown whole");
    }
}

#[test]
fn a_failed_save_offers_save_elsewhere_retry_or_keep_editing() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    let mut a = app_in(&sub, 100, 30, true);
    press(&mut a, KeyCode::Tab);
    typ(&mut a, "a");
    // the store's directory became a file: saving there fails
    std::fs::remove_dir_all(&sub).unwrap();
    std::fs::write(&sub, "").unwrap();
    a.update(Action::Command(crate::keys::Command::Save));
    assert!(screen(&a).contains("Cannot save"), "{:?}", a.message());
    typ(&mut a, "s");
    let Some(TextInput { field, .. }) = a.mode().popup_as::<TextInput>() else {
        panic!("no save-as field");
    };
    assert!(
        field.text().ends_with("bundled.parley.toml"),
        "the store's name"
    );
    for _ in 0..field.text().chars().count() {
        press(&mut a, KeyCode::Backspace);
    }
    typ(
        &mut a,
        &dir.path()
            .join("elsewhere.parley.toml")
            .display()
            .to_string(),
    );
    press(&mut a, KeyCode::Enter);
    assert!(
        dir.path().join("elsewhere.parley.toml").is_file(),
        "{:?}",
        a.message()
    );
    assert!(!a.store().unwrap().is_dirty());
}

#[test]
fn every_message_can_be_read_whole_in_the_log() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_in(dir.path(), 60, 20, true);
    typ(&mut a, "/");
    typ(&mut a, "no such words anywhere in this article at all");
    press(&mut a, KeyCode::Enter);
    let shown = a.message().cloned().unwrap().0;
    typ(&mut a, ":");
    typ(&mut a, "messages");
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.mode_name(), "MESSAGES");
    let words: String = screen(&a)
        .replace('│', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(words.contains(&shown), "{shown} not in the log:\n{words}");
}

#[test]
fn exporting_or_saving_over_an_existing_file_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_in(dir.path(), 100, 30, true);
    let target = dir.path().join("out.json");
    std::fs::write(&target, "precious").unwrap();
    let path = target.display().to_string();
    // export: E, json, the path
    typ(&mut a, "E");
    typ(&mut a, "j");
    let Some(TextInput { field, .. }) = a.mode().popup_as::<TextInput>() else {
        panic!("no export path prompt");
    };
    for _ in 0..field.text().chars().count() {
        press(&mut a, KeyCode::Backspace);
    }
    typ(&mut a, &path);
    press(&mut a, KeyCode::Enter);
    assert!(screen(&a).contains("already exists"), "{:?}", a.message());
    typ(&mut a, "c");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "precious");
    // :w PATH over it asks too, and r replaces
    typ(&mut a, ":");
    typ(&mut a, &format!("w {path}"));
    press(&mut a, KeyCode::Enter);
    assert!(screen(&a).contains("already exists"), "{:?}", a.message());
    typ(&mut a, "r");
    let saved = std::fs::read_to_string(&target).unwrap();
    assert!(saved.starts_with("version = "), "{saved}");
}

#[test]
fn the_kind_question_takes_enter_as_its_default() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_in(dir.path(), 100, 30, true);
    let quotes = a.ann().quotes.len();
    // select a word of the title and tag it: Enter picks direct, as the popup says
    typ(&mut a, "vwe\"");
    assert!(
        screen(&a).contains("Enter picks d, Esc cancels"),
        "{}",
        screen(&a)
    );
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.ann().quotes.len(), quotes + 1, "{:?}", a.message());
    let added = a.on_selected(|q| q.kind, |_| unreachable!()).unwrap();
    assert_eq!(added, crate::model::QuoteKind::Direct);
    // on a partial quote, Enter keeps partial: nothing changes
    let kind = |a: &App| a.on_selected(|q| Some(q.kind), |_| None).flatten();
    while kind(&a) != Some(crate::model::QuoteKind::Partial) {
        press(&mut a, KeyCode::Tab);
    }
    let before = a.ann().clone();
    typ(&mut a, "K");
    assert!(screen(&a).contains("Enter picks p"), "{}", screen(&a));
    press(&mut a, KeyCode::Enter);
    assert_eq!(*a.ann(), before);
    assert_eq!(a.mode_name(), "READ", "the question closed");
}

#[test]
fn a_note_confirmed_unchanged_keeps_its_tabs_and_crlf_and_the_store_stays_saved() {
    use crate::store::Edit;
    let dir = tempfile::tempdir().unwrap();
    let stored = "col 1\tcol 2\r\nnext line\tend";
    // a note with a tab and a CRLF, saved in the store (as another tool might write it)
    let mut a = app_in(dir.path(), 100, 30, true);
    press(&mut a, KeyCode::Tab);
    let id = a.selected_id().unwrap();
    a.change_store_behind_the_back(|store| {
        store
            .apply(Edit::SetNote {
                id: id.clone(),
                note: Some(stored.into()),
            })
            .unwrap();
        store.save().unwrap();
    });
    drop(a);
    let mut a = app_in(dir.path(), 100, 30, true);
    press(&mut a, KeyCode::Tab);
    assert_eq!(a.selected_id(), Some(id.clone()));
    typ(&mut a, "e");
    assert!(a.mode().popup_as::<LinesInput>().is_some());
    press(&mut a, KeyCode::Enter);
    let note = |a: &App| {
        let ann = a.ann();
        let q = ann.quotes.iter().find(|q| q.id == id).map(|q| &q.note);
        let p = ann.positions.iter().find(|p| p.id == id).map(|p| &p.note);
        q.or(p).cloned().flatten()
    };
    assert_eq!(note(&a).as_deref(), Some(stored), "byte for byte");
    assert!(!a.store().unwrap().is_dirty(), "nothing to save");
    // an edit does write it (its tab and CR as the editor shows them)
    typ(&mut a, "e");
    typ(&mut a, "!");
    press(&mut a, KeyCode::Enter);
    assert!(note(&a).unwrap().ends_with("end!"));
    assert!(a.store().unwrap().is_dirty());
}
