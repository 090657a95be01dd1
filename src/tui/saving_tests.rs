//! Saving as a user meets it: `:w PATH` writes a copy and stays on the store (as vim
//! does), Save-as replaces the name it offers when typed over, and a read-only reader
//! is never told its edits are safe to keep editing.

use super::app_tests::app_in;
use super::popup::text::TextInput;
use super::test_support::{press, press_mod, screen, typ};
use crossterm::event::{KeyCode, KeyModifiers};

#[test]
fn colon_w_path_writes_a_copy_and_the_store_stays_on_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_in(dir.path(), 120, 30, true);
    let own = dir.path().join("bundled.parley.toml");
    let copy = dir.path().join("copy.parley.toml");
    typ(&mut a, "r");
    typ(&mut a, "a"); // an edit, unsaved
    typ(&mut a, &format!(":w {}", copy.display()));
    press(&mut a, KeyCode::Enter);
    assert!(copy.is_file(), "{:?}", a.message());
    assert!(
        std::fs::read_to_string(&copy)
            .unwrap()
            .contains("status = \"accepted\""),
        "the copy holds the edit"
    );
    assert!(screen(&a).contains("wrote a copy to"), "{}", screen(&a));
    assert_eq!(a.store().unwrap().path(), Some(own.as_path()));
    assert!(
        a.store().unwrap().is_dirty(),
        "the store itself is not saved"
    );
    // the next edit and :w go to the store's own file, not the copy
    let copy_before = std::fs::read(&copy).unwrap();
    typ(&mut a, "r");
    typ(&mut a, "x");
    typ(&mut a, ":w");
    press(&mut a, KeyCode::Enter);
    assert!(own.is_file());
    assert!(!a.store().unwrap().is_dirty());
    assert_eq!(
        std::fs::read(&copy).unwrap(),
        copy_before,
        "the copy is left alone"
    );
}

#[test]
fn colon_w_over_an_existing_file_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_in(dir.path(), 120, 30, true);
    let there = dir.path().join("there.toml");
    std::fs::write(&there, "mine").unwrap();
    typ(&mut a, &format!(":w {}", there.display()));
    press(&mut a, KeyCode::Enter);
    assert!(screen(&a).contains("already exists"), "{}", screen(&a));
    typ(&mut a, "c");
    assert_eq!(std::fs::read_to_string(&there).unwrap(), "mine");
    typ(&mut a, &format!(":w {}", there.display()));
    press(&mut a, KeyCode::Enter);
    typ(&mut a, "r");
    assert!(
        std::fs::read_to_string(&there)
            .unwrap()
            .contains("[[quote]]")
    );
}

#[test]
fn typing_over_the_name_save_as_offers_replaces_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_in(dir.path(), 120, 30, true);
    typ(&mut a, "E");
    typ(&mut a, "m"); // Markdown: the field offers a name
    let Some(TextInput { field, .. }) = a.mode().popup_as::<TextInput>() else {
        panic!("no path field");
    };
    assert!(field.text().ends_with(".annotations.md"));
    let to = dir.path().join("brief.md");
    typ(&mut a, &to.display().to_string());
    let Some(TextInput { field, .. }) = a.mode().popup_as::<TextInput>() else {
        panic!("no path field");
    };
    assert_eq!(
        field.text(),
        to.display().to_string(),
        "typed over, not after"
    );
    press(&mut a, KeyCode::Enter);
    assert!(to.is_file(), "{:?}", a.message());
}

#[test]
fn a_move_keeps_the_offered_name_to_edit_and_ctrl_u_and_ctrl_w_delete() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_in(dir.path(), 120, 30, true);
    typ(&mut a, ":");
    typ(&mut a, "w some/where/copy.toml");
    press_mod(&mut a, KeyCode::Char('w'), KeyModifiers::CONTROL);
    let text = |a: &super::app::App| match a.mode().popup_as::<TextInput>() {
        Some(TextInput { field, .. }) => field.text().to_string(),
        _ => panic!("no field"),
    };
    assert_eq!(
        text(&a),
        "w some/where/",
        "Ctrl-w: the word before the cursor"
    );
    press_mod(&mut a, KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(text(&a), "", "Ctrl-u: everything before the cursor");
    press(&mut a, KeyCode::Esc);
    typ(&mut a, "E");
    typ(&mut a, "j");
    let offered = text(&a);
    press(&mut a, KeyCode::End);
    press(&mut a, KeyCode::Backspace);
    press(&mut a, KeyCode::Backspace);
    press(&mut a, KeyCode::Backspace);
    press(&mut a, KeyCode::Backspace);
    typ(&mut a, "txt");
    assert_eq!(text(&a), offered.replace(".json", ".txt"));
}

#[test]
fn a_read_only_reader_that_cannot_save_offers_a_copy_not_keep_editing() {
    let dir = tempfile::tempdir().unwrap();
    let _first = app_in(dir.path(), 120, 30, true); // holds the store
    let mut a = app_in(dir.path(), 120, 30, true);
    assert!(a.store().unwrap().read_only().is_some());
    press_mod(&mut a, KeyCode::Char('s'), KeyModifiers::CONTROL);
    let text = screen(&a);
    assert!(text.contains("Cannot save"), "{text}");
    assert!(!text.contains("keep editing"), "{text}");
    assert!(text.contains("write a copy elsewhere"), "{text}");
    typ(&mut a, "s");
    let to = dir.path().join("mine.parley.toml");
    typ(&mut a, &to.display().to_string());
    press(&mut a, KeyCode::Enter);
    assert!(to.is_file(), "{:?}", a.message());
    assert!(screen(&a).contains("wrote a copy to"));
}

#[test]
fn tagging_beside_ids_at_the_ends_of_their_range_makes_a_new_id_and_replaces_none() {
    let dir = tempfile::tempdir().unwrap();
    let own = dir.path().join("bundled.parley.toml");
    let mut a = app_in(dir.path(), 100, 30, true);
    press_mod(&mut a, KeyCode::Char('s'), KeyModifiers::CONTROL);
    drop(a);
    // the saved store with two quotes renamed to the ends of the range (issue 21: a
    // new quote was q0 again, and replaced the first)
    let text = std::fs::read_to_string(&own).unwrap();
    let text = text.replacen("id = \"q1\"", "id = \"q0\"", 1).replacen(
        "id = \"q2\"",
        "id = \"q18446744073709551615\"",
        1,
    );
    std::fs::write(&own, text).unwrap();
    let mut a = app_in(dir.path(), 100, 30, true);
    let ids = |a: &super::app::App| -> Vec<String> {
        let ann = a.ann();
        let quotes = ann.quotes.iter().map(|q| q.id.to_string());
        quotes
            .chain(ann.positions.iter().map(|p| p.id.to_string()))
            .collect()
    };
    let before = ids(&a);
    assert!(before.contains(&"q0".to_string()), "{before:?}");
    typ(&mut a, "vww\"d"); // select to two words on, tag it a direct quote
    let after = ids(&a);
    assert_eq!(after.len(), before.len() + 1, "{}", screen(&a));
    let mut unique = after.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), after.len(), "no id twice: {after:?}");
    assert!(before.iter().all(|id| after.contains(id)), "none replaced");
    press_mod(&mut a, KeyCode::Char('s'), KeyModifiers::CONTROL);
    let options = crate::store::OpenOptions {
        store: Some(own),
        ..crate::store::OpenOptions::default()
    };
    let article = crate::article::Article::bundled();
    let check = crate::store::check::check(&article, &options).unwrap();
    assert!(check.problems.is_empty(), "{:?}", check.problems);
}

/// `E` to `path`: the format question, the path typed over the name offered, Enter.
fn export_as_json_to(a: &mut super::app::App, path: &std::path::Path) {
    typ(a, "E");
    typ(a, "j");
    assert!(a.mode().popup_as::<TextInput>().is_some(), "no path prompt");
    typ(a, &path.display().to_string());
    press(a, KeyCode::Enter);
}

#[test]
fn an_export_over_the_article_or_its_store_journal_or_lock_is_refused_and_writes_nothing() {
    use super::test_support::{RIVER_TALKS, app_on_file, message};
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_on_file(dir.path(), RIVER_TALKS, Vec::new());
    press_mod(&mut a, KeyCode::Char('s'), KeyModifiers::CONTROL); // the store exists
    typ(&mut a, "r");
    typ(&mut a, "a"); // an unsaved edit: the journal holds it
    let article = dir.path().join("story.txt");
    let store = dir.path().join("story.txt.parley.toml");
    let journal = dir.path().join("story.txt.parley.toml.journal");
    let lock = dir.path().join("story.txt.parley.toml.lock");
    let cases = [
        (&article, "is the article"),
        (&store, "is an annotation store"),
        (&journal, "is the journal of a store"),
        (&lock, "is the lock of a store"),
    ];
    for (path, why) in cases {
        let before = std::fs::read(path).ok();
        assert!(before.is_some(), "{} is there to protect", path.display());
        export_as_json_to(&mut a, path);
        let said = message(&a);
        assert!(
            said.starts_with("cannot export to") && said.contains(why),
            "{}: {said}",
            path.display()
        );
        assert!(a.mode().popup().is_none(), "no replace question for {why}");
        assert_eq!(
            std::fs::read(path).ok(),
            before,
            "{} unchanged",
            path.display()
        );
    }
    // a link to the store, under a name of the user's, is the store too
    let link = dir.path().join("mine.json");
    std::os::unix::fs::symlink(&store, &link).unwrap();
    let before = std::fs::read(&store).unwrap();
    export_as_json_to(&mut a, &link);
    assert!(
        message(&a).starts_with("cannot export to"),
        "{}",
        message(&a)
    );
    typ(&mut a, "r"); // were it a replace question, this would answer it
    assert_eq!(std::fs::read(&store).unwrap(), before);
    assert!(a.store().unwrap().is_dirty(), "the edit is kept");
}
