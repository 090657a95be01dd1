//! Editing actions on `App`: tagging, sides, speakers, notes, spans, review, undo and
//! redo, saving, conflicts, quitting and exporting, checked against the store.

use super::action::{Action, PopupKey, PromptKey};
use super::app::App;
use super::app_tests::app_in;
use super::highlight::Target;
use super::popup::choice::Choice;
use super::popup::text::TextInput;
use super::test_support::select_item;
use crate::article::Article;
use crate::keys::Command;
use crate::model::{Origin, QuoteKind, Status};
use crate::store::{OpenOptions, Store};

fn cmd(app: &mut App, c: Command) {
    app.update(Action::Command(c));
}

fn typ(app: &mut App, s: &str) {
    for c in s.chars() {
        app.update(Action::Popup(PopupKey::Edit(PromptKey::Char(c))));
    }
}

fn enter(app: &mut App) {
    app.update(Action::Popup(PopupKey::Edit(PromptKey::Submit)));
}

fn reopen(dir: &std::path::Path) -> Store {
    let options = OpenOptions {
        store: Some(dir.join("bundled.parley.toml")),
        suggest: Some(crate::detect::detect_with_progress),
        ..OpenOptions::default()
    };
    Store::load(&Article::bundled(), &options).unwrap()
}

/// Selects the words of `phrase` in cursor mode, as a user would: v, move, v, move.
fn select_phrase(app: &mut App, phrase: &str) {
    let start = app.article().text.find(phrase).unwrap();
    cmd(app, Command::CursorMode);
    cmd(app, Command::ToggleSelection); // v selects at once: drop it to walk there
    // walk word by word to the phrase
    let mut guard = 0;
    while app.mode().cursor().copied().unwrap().at < start {
        cmd(app, Command::WordNext);
        guard += 1;
        assert!(guard < 2000, "never reached the phrase");
    }
    assert_eq!(app.mode().cursor().copied().unwrap().at, start);
    cmd(app, Command::ToggleSelection);
    for _ in 1..phrase.split_whitespace().count() {
        cmd(app, Command::WordNext);
    }
    cmd(app, Command::WordEnd);
}

#[test]
fn tag_a_quote_give_it_a_new_speaker_side_and_note_then_undo_redo_save() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_in(dir.path(), 100, 30, true);
    let before = a.ann().quotes.len();
    select_phrase(&mut a, "laid the groundwork for future discussions.");
    cmd(&mut a, Command::TagQuote);
    assert!(matches!(
        a.mode().popup_as::<Choice>().cloned(),
        Some(Choice { .. })
    ));
    typ(&mut a, "p");
    assert!(a.mode().cursor().is_none(), "tagging leaves cursor mode");
    assert_eq!(a.ann().quotes.len(), before + 1);
    let id = a.selected_id().unwrap();
    let q = a.ann().quotes.iter().find(|q| q.id == id).unwrap().clone();
    assert_eq!(q.text, "laid the groundwork for future discussions.");
    assert_eq!((q.kind, q.origin), (QuoteKind::Partial, Origin::Manual));

    a.update(Action::SetSide(2));
    let side2 = a.ann().parties[1].id.clone();
    assert_eq!(
        a.ann().quotes.iter().find(|q| q.id == id).unwrap().party,
        Some(side2.into())
    );

    let q = give_a_new_speaker_with_a_role_and_side(&mut a, &id);
    write_a_two_line_note_then_undo_and_redo_it(&mut a, &id);

    cmd(&mut a, Command::Save);
    assert!(
        a.message().unwrap().0.starts_with("saved"),
        "{:?}",
        a.message()
    );
    let s = reopen(dir.path());
    let q2 = s.annotations().quotes.iter().find(|q| q.id == id).unwrap();
    assert_eq!(q2.text, q.text);
    assert_eq!(q2.note.as_deref(), Some("both said it\nünïcode ✓"));
    assert_eq!(
        s.annotations()
            .speaker(q2.speaker.as_deref().unwrap())
            .unwrap()
            .name,
        "Jane Roe"
    );
}

/// `@`, a new speaker's name, role and side 1 for the quote `id`; returns the quote.
fn give_a_new_speaker_with_a_role_and_side(a: &mut App, id: &str) -> crate::model::Quote {
    cmd(a, Command::PickSpeaker);
    typ(a, "Jane Roe");
    enter(a); // "+ new speaker"
    typ(a, "analyst");
    enter(a);
    typ(a, "1"); // her side
    let q = a.ann().quotes.iter().find(|q| q.id == id).unwrap().clone();
    let speaker = a.ann().speaker(q.speaker.as_deref().unwrap()).unwrap();
    assert_eq!(
        (speaker.name.as_str(), speaker.role.as_deref()),
        ("Jane Roe", Some("analyst"))
    );
    assert_eq!(
        speaker.party.as_deref(),
        Some(a.ann().parties[0].id.as_str())
    );
    q
}

/// `e`, a note of two lines (one of them not ASCII) for the quote `id`, then undo and
/// redo take it away and back.
fn write_a_two_line_note_then_undo_and_redo_it(a: &mut App, id: &str) {
    cmd(a, Command::EditNote);
    typ(a, "both said it");
    a.update(Action::Popup(PopupKey::Newline));
    typ(a, "ünïcode ✓");
    enter(a);
    let note = |a: &App| {
        let q = a.ann().quotes.iter().find(|q| q.id == id).unwrap();
        q.note.clone()
    };
    assert_eq!(note(a).as_deref(), Some("both said it\nünïcode ✓"));
    cmd(a, Command::Undo);
    assert_eq!(note(a), None);
    cmd(a, Command::Redo);
    assert_eq!(note(a).as_deref(), Some("both said it\nünïcode ✓"));
}

#[test]
fn reject_accept_and_accept_all() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_in(dir.path(), 100, 30, true);
    cmd(&mut a, Command::NextAnnotation);
    let id = a.selected_id().unwrap();
    cmd(&mut a, Command::Reject);
    let status = super::test_support::status_of;
    assert_eq!(status(&a, &id), Status::Rejected);
    cmd(&mut a, Command::Save);
    let s = reopen(dir.path());
    let kept = s
        .annotations()
        .quotes
        .iter()
        .map(|q| (&q.id, q.status))
        .chain(s.annotations().positions.iter().map(|p| (&p.id, p.status)));
    assert!(
        kept.into_iter()
            .any(|(i, st)| *i == id && st == Status::Rejected)
    );

    cmd(&mut a, Command::NextAnnotation);
    let next = a.selected_id().unwrap();
    cmd(&mut a, Command::Accept);
    assert_eq!(status(&a, &next), Status::Accepted);
    cmd(&mut a, Command::AcceptAll);
    let it = a.hl().items[a.selected().unwrap()].clone();
    let same: Vec<_> = a
        .hl()
        .items
        .iter()
        .filter(|o| {
            o.party() == it.party()
                && std::mem::discriminant(&o.target()) == std::mem::discriminant(&it.target())
                && o.kind() == it.kind()
        })
        .collect();
    assert!(
        same.iter().all(|o| o.status() != Status::Suggested),
        "all like it accepted"
    );
    cmd(&mut a, Command::Undo);
    assert!(a.hl().items.iter().any(|o| o.status() == Status::Suggested));
}

#[test]
fn delete_widen_shrink_kind_and_merge() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_in(dir.path(), 100, 30, true);
    // the first speech quote
    while a
        .selected()
        .is_none_or(|s| !matches!(a.hl().items[s].target(), Target::Quote(_)))
    {
        cmd(&mut a, Command::NextAnnotation);
    }
    let id = a.selected_id().unwrap();
    let range = a.hl().items[a.selected().unwrap()].range();
    cmd(&mut a, Command::WidenEnd);
    let widened = a.hl().items[a.index_of(&id).unwrap()].range();
    assert_eq!(widened.start, range.start);
    assert!(widened.end > range.end);
    cmd(&mut a, Command::ShrinkEnd);
    cmd(&mut a, Command::ShrinkStart);
    let shrunk = a.hl().items[a.index_of(&id).unwrap()].range();
    assert!(shrunk.start > range.start);
    assert!(
        a.article().text.is_char_boundary(shrunk.start)
            && a.article().text.is_char_boundary(shrunk.end)
    );

    cmd(&mut a, Command::ChangeKind);
    typ(&mut a, "t");
    assert_eq!(
        a.hl().items[a.index_of(&id).unwrap()].kind(),
        Some(QuoteKind::Term)
    );

    let n = a.ann().quotes.len();
    cmd(&mut a, Command::Delete);
    assert_eq!(a.ann().quotes.len(), n - 1);
    cmd(&mut a, Command::Undo);
    assert_eq!(a.ann().quotes.len(), n);

    // merge the second speaker into the first
    let speakers = a.ann().speakers.len();
    assert!(speakers >= 2);
    let (from, into) = (a.ann().speakers[1].id.clone(), a.ann().speakers[0].clone());
    let with_from = a.hl().items.iter().position(|it| match it.target() {
        Target::Quote(i) => a.ann().quotes[i].speaker.as_deref() == Some(from.as_str()),
        Target::Position(i) => a.ann().positions[i].speaker.as_deref() == Some(from.as_str()),
        _ => false,
    });
    select_item(&mut a, with_from.expect("a quote of the second speaker"));
    cmd(&mut a, Command::MergeSpeaker);
    typ(&mut a, &into.name);
    enter(&mut a);
    assert_eq!(a.ann().speakers.len(), speakers - 1, "{:?}", a.message());
    assert!(a.ann().speaker(&from).is_none());
}

#[test]
fn quitting_with_unsaved_changes_asks_and_discard_removes_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_in(dir.path(), 100, 30, true);
    cmd(&mut a, Command::Quit);
    assert!(a.wants_quit(), "nothing to save: quits at once");
    drop(a); // one reader at a time holds the store
    let mut a = app_in(dir.path(), 100, 30, true);
    cmd(&mut a, Command::NextAnnotation);
    cmd(&mut a, Command::Reject);
    cmd(&mut a, Command::Quit);
    assert!(!a.wants_quit());
    assert!(matches!(
        a.mode().popup_as::<Choice>().cloned(),
        Some(Choice { .. })
    ));
    typ(&mut a, "c");
    assert!(!a.wants_quit() && a.mode().popup().is_none());
    cmd(&mut a, Command::Quit);
    typ(&mut a, "d");
    assert!(a.wants_quit());
    drop(a);
    let b = app_in(dir.path(), 100, 30, true);
    assert!(
        b.hl()
            .items
            .iter()
            .all(|it| it.status() != Status::Rejected),
        "discarded edits stay discarded"
    );
}

#[test]
fn a_change_on_disk_is_a_conflict_not_clobbered() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_in(dir.path(), 100, 30, true);
    cmd(&mut a, Command::NextAnnotation);
    cmd(&mut a, Command::Accept);
    cmd(&mut a, Command::Save);
    let path = dir.path().join("bundled.parley.toml");
    let mut other = std::fs::read_to_string(&path).unwrap();
    other.push_str("\n# edited elsewhere\n");
    std::fs::write(&path, &other).unwrap();
    cmd(&mut a, Command::NextAnnotation);
    cmd(&mut a, Command::Reject);
    cmd(&mut a, Command::Save);
    assert!(
        matches!(a.mode().popup_as::<Choice>().cloned(), Some(Choice { .. })),
        "{:?}",
        a.message()
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        other,
        "not clobbered"
    );
    typ(&mut a, "s");
    let Some(TextInput { field, .. }) = a.mode().popup_as::<TextInput>() else {
        panic!("no save-as field")
    };
    assert_eq!(
        field.text(),
        path.display().to_string(),
        "starts from the store's path"
    );
    for _ in 0..field.text().chars().count() {
        a.update(Action::Popup(PopupKey::Edit(PromptKey::Backspace)));
    }
    typ(
        &mut a,
        &dir.path().join("mine.parley.toml").display().to_string(),
    );
    enter(&mut a);
    assert!(
        dir.path().join("mine.parley.toml").exists(),
        "{:?}",
        a.message()
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), other);
}

#[test]
fn an_export_path_that_names_a_format_gets_that_format() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_in(dir.path(), 100, 30, true);
    for (choice, name, starts) in [
        ('t', "out.json", "{"),
        ('j', "brief.md", "#"),
        ('m', "table.csv", "side,speaker,"),
        ('c', "notes.txt", "side,speaker,"), // a name that asks for nothing: the format chosen
    ] {
        cmd(&mut a, Command::Export);
        typ(&mut a, &choice.to_string());
        let out = dir.path().join(name);
        typ(&mut a, &out.display().to_string()); // replaces the name offered
        enter(&mut a);
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(text.starts_with(starts), "{name}: {text}");
    }
}

#[test]
fn export_and_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_in(dir.path(), 100, 30, true);
    cmd(&mut a, Command::Export);
    typ(&mut a, "j");
    let Some(TextInput { field, .. }) = a.mode().popup_as::<TextInput>() else {
        panic!("no path prompt")
    };
    assert!(field.text().ends_with(".annotations.json"));
    for _ in 0..field.text().chars().count() {
        a.update(Action::Popup(PopupKey::Edit(PromptKey::Backspace)));
    }
    let out = dir.path().join("out.json");
    typ(&mut a, &out.display().to_string());
    enter(&mut a);
    let json = std::fs::read_to_string(&out).unwrap();
    assert!(json.contains("TextQuoteSelector"), "{json}");

    cmd(&mut a, Command::NextAnnotation);
    cmd(&mut a, Command::Accept);
    cmd(&mut a, Command::CommandLine);
    typ(&mut a, "wq");
    enter(&mut a);
    assert!(a.wants_quit());
    assert!(dir.path().join("bundled.parley.toml").exists());
}

#[test]
fn orphans_are_listed_and_can_be_reattached() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.txt");
    std::fs::write(&path, "Title\n\nAlpha said “one two three” today.\n").unwrap();
    let article = Article::load(crate::article::Source::File(path.clone()), 1 << 20).unwrap();
    let options = OpenOptions::default();
    let mut store = Store::open(&article, &options);
    let start = article.text.find("“one").unwrap();
    let end = article.text.find(" today").unwrap();
    store
        .apply(crate::store::Edit::AddQuote {
            start,
            end,
            kind: QuoteKind::Direct,
            party: None,
            speaker: None,
        })
        .unwrap();
    store.save().unwrap();
    drop(store); // one reader at a time holds the store
    std::fs::write(&path, "Title\n\nBeta wrote something else entirely.\n").unwrap();
    let article =
        std::sync::Arc::new(Article::load(crate::article::Source::File(path), 1 << 20).unwrap());
    let store = Store::open(&article, &options);
    let mut a = App::new(article, crate::config::Config::default(), (100, 30), true);
    a.update(Action::StoreReady(Box::new(store)));
    let orphan = a
        .hl()
        .items
        .iter()
        .position(|it| matches!(it.target(), Target::OrphanQuote(_)))
        .expect("orphan listed");
    select_item(&mut a, orphan);
    let orphans = a.ann().orphan_quotes.len();
    let placed = a.ann().quotes.len();
    let text = super::view::sidebar::describe(&a, orphan, 60).0;
    assert!(text.contains('⚠'), "{text}");
    cmd(&mut a, Command::CursorMode);
    cmd(&mut a, Command::WordEnd);
    cmd(&mut a, Command::TagQuote);
    assert_eq!(
        a.ann().orphan_quotes.len(),
        orphans - 1,
        "{:?}",
        a.message()
    );
    assert_eq!(a.ann().quotes.len(), placed + 1);
}

#[test]
fn help_says_how_to_re_attach_an_orphan() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_in(dir.path(), 100, 30, true);
    cmd(&mut a, Command::ToggleHelp);
    let mut seen = String::new();
    for _ in 0..200 {
        seen = super::test_support::screen(&a);
        if seen.contains("re-attach") {
            break;
        }
        cmd(&mut a, Command::ScrollDown);
    }
    assert!(seen.contains("Orphans"), "{seen}");
    assert!(seen.contains("re-attach: select the orphan"), "{seen}");
}
