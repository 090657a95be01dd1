//! Adjudication in the reader: a store a real merge left three conflicts in, settled
//! key by key (`C`, then ours, theirs or an edit), counted in the status bar, undone,
//! and saved without them.

use super::app::App;
use super::app_tests::app_in;
use super::test_support::{message, press, screen, select_item, typ};
use crate::article::Article;
use crate::model::{Annotations, Status};
use crossterm::event::KeyCode;

/// The bundled article's store as a merge of two annotators left it: the first
/// quote's note, the second's status and the third's side each changed two ways.
fn merged_app(dir: &std::path::Path) -> (App, Annotations) {
    let article = Article::bundled();
    let base = crate::detect::detect(&article, None);
    let had = base.quotes[2].party.clone();
    assert!(had.is_some(), "the third quote has a side");
    let other = base
        .parties
        .iter()
        .find(|p| Some(p.id.as_str()) != had.as_deref());
    let other = other.map(|p| p.id.as_str().into());
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours.quotes[0].note = Some("a promise".into());
    theirs.quotes[0].note = Some("a threat".into());
    ours.quotes[1].status = Status::Accepted;
    theirs.quotes[1].status = Status::Rejected;
    ours.quotes[2].party = None;
    theirs.quotes[2].party = other;
    let merged = crate::team::merge::merge(&base, &ours, &theirs).unwrap();
    assert_eq!(merged.conflicts, 3);
    let text = crate::store::schema::to_toml(&merged.annotations).unwrap();
    std::fs::write(dir.join("bundled.parley.toml"), text).unwrap();
    (app_in(dir, 100, 30, true), base)
}

fn quote<'a>(app: &'a App, id: &str) -> &'a crate::model::Quote {
    app.ann().quotes.iter().find(|q| q.id == id).unwrap()
}

fn status_bar(app: &App) -> String {
    screen(app).lines().last().unwrap_or_default().to_string()
}

#[test]
fn opening_says_how_many_conflicts_and_the_status_bar_counts_them() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _) = merged_app(dir.path());
    assert!(
        message(&app).contains("3 conflicts from a merge: C goes to the next"),
        "{}",
        message(&app)
    );
    assert!(
        status_bar(&app).contains("⚑ 3 conflicts (C)"),
        "{}",
        status_bar(&app)
    );
}

#[test]
fn c_goes_from_conflict_to_conflict_and_settles_each_as_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, base) = merged_app(dir.path());
    let [q1, q2, q3] = [0, 1, 2].map(|i| base.quotes[i].id.to_string());
    press(&mut app, KeyCode::Char('C'));
    assert_eq!(app.selected_id().as_deref(), Some(q1.as_str()));
    let shown = screen(&app);
    assert!(
        shown.contains(&format!("Conflict 1 of 3: the note of quote {q1}")),
        "{shown}"
    );
    assert!(shown.contains("ours: “a promise”"), "{shown}");
    assert!(shown.contains("theirs: “a threat”"), "{shown}");
    assert!(shown.contains("edit: write the value"), "{shown}");
    press(&mut app, KeyCode::Char('t'));
    assert_eq!(quote(&app, &q1).note.as_deref(), Some("a threat"));
    assert!(
        message(&app).contains("settled; 2 conflicts left"),
        "{}",
        message(&app)
    );
    assert!(
        status_bar(&app).contains("⚑ 2 conflicts"),
        "{}",
        status_bar(&app)
    );

    press(&mut app, KeyCode::Char('C'));
    assert_eq!(app.selected_id().as_deref(), Some(q2.as_str()));
    assert!(
        screen(&app).contains("(was “suggested”)"),
        "{}",
        screen(&app)
    );
    press(&mut app, KeyCode::Esc);
    // Esc leaves it; the next C goes on to the one after
    press(&mut app, KeyCode::Char('C'));
    assert_eq!(app.selected_id().as_deref(), Some(q3.as_str()));
    let theirs = app.ann().conflicts.iter().find(|c| c.field == "party");
    let theirs = theirs.and_then(|c| c.theirs.clone()).unwrap();
    let side = app.ann().party(&theirs).unwrap().name.clone();
    assert!(screen(&app).contains("ours: none"), "{}", screen(&app));
    assert!(
        screen(&app).contains(&format!("theirs: “{side}”")),
        "{}",
        screen(&app)
    );
    press(&mut app, KeyCode::Char('o'));
    assert_eq!(app.ann().conflicts.len(), 1);

    press(&mut app, KeyCode::Char('u'));
    assert_eq!(
        app.ann().conflicts.len(),
        2,
        "undo brings the conflict back"
    );
    // from the last one shown, C wraps round to the second quote's
    press(&mut app, KeyCode::Char('C'));
    assert_eq!(app.selected_id().as_deref(), Some(q2.as_str()));
    press(&mut app, KeyCode::Char('o'));
    press(&mut app, KeyCode::Char('C'));
    assert_eq!(app.selected_id().as_deref(), Some(q3.as_str()));
    press(&mut app, KeyCode::Char('t'));
    assert!(app.ann().conflicts.is_empty());
    assert_eq!(quote(&app, &q2).status, Status::Accepted);
    assert_eq!(quote(&app, &q3).party.as_deref(), Some(theirs.as_str()));
    assert!(
        message(&app).contains("no conflicts left"),
        "{}",
        message(&app)
    );
    assert!(!status_bar(&app).contains('⚑'));
    press(&mut app, KeyCode::Char('C'));
    assert_eq!(message(&app), "no conflicts to settle");
}

#[test]
fn edit_writes_a_value_of_ones_own_and_the_store_saves_without_the_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, base) = merged_app(dir.path());
    let q1 = base.quotes[0].id.to_string();
    press(&mut app, KeyCode::Char('C'));
    press(&mut app, KeyCode::Char('e'));
    assert!(screen(&app).contains("Settle the note"), "{}", screen(&app));
    typ(&mut app, ", kept");
    press(&mut app, KeyCode::Enter);
    assert_eq!(quote(&app, &q1).note.as_deref(), Some("a promise, kept"));
    assert_eq!(app.ann().conflicts.len(), 2);
    // the usual keys settle too: a side set by hand settles the side's conflict
    let q3 = base.quotes[2].id.to_string();
    let i = app.index_of(&q3).unwrap();
    select_item(&mut app, i);
    press(&mut app, KeyCode::Char('1'));
    assert_eq!(app.ann().conflicts.len(), 1);
    app.update(super::action::Action::Command(crate::keys::Command::Save));
    let saved = std::fs::read_to_string(dir.path().join("bundled.parley.toml")).unwrap();
    assert_eq!(saved.matches("[[conflict]]").count(), 1);
    assert!(saved.contains("note = \"a promise, kept\""));
}
