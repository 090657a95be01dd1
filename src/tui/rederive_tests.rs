//! Sides that re-derive, by keys into `App`, on a story about two countries no
//! gazetteer knows: fixing the sides in the sides editor gives the untouched
//! suggestions their sides at once and in one undo step, while what a person touched
//! keeps its side.

use super::app::App;
use super::popup::sides::SidesEditor;
use super::redetect_tests::{
    delete_every_side, quotes_per_side, select, side, start_without_sides,
};
use super::test_support::{RIVER_TALKS, app_on_file, message, press, screen, typ};
use crate::model::{Id, Origin, Status};
use crossterm::event::KeyCode;

/// In the open sides editor: a, the name, Enter; then e, the aliases, Enter.
fn add_side_with_aliases(app: &mut App, name: &str, aliases: &str) {
    typ(app, "a");
    typ(app, name);
    press(app, KeyCode::Enter);
    typ(app, "e");
    typ(app, aliases);
    press(app, KeyCode::Enter);
}

#[test]
fn fixing_the_sides_in_the_editor_gives_the_suggestions_their_sides_at_once() {
    let dir = tempfile::tempdir().unwrap();
    // wrong sides, as a guess might give them: the dateline city and the mediator
    let wrong = vec![
        side("bransk", "Bransk"),
        side("council", "Northern Council"),
    ];
    let mut a = app_on_file(dir.path(), RIVER_TALKS, wrong);
    typ(&mut a, "S");
    delete_every_side(&mut a);
    add_side_with_aliases(&mut a, "Talvera", "Talveran");
    add_side_with_aliases(&mut a, "Corvessa", "Corvessan");
    assert!(
        message(&a).contains("changed side"),
        "says how many changed: {}",
        message(&a)
    );
    press(&mut a, KeyCode::Esc);
    press(&mut a, KeyCode::Esc); // the message gives way to the sides' counts

    let per_side = quotes_per_side(&a);
    assert!(
        per_side.get("talvera").copied().unwrap_or(0) >= 3,
        "{per_side:?}"
    );
    assert!(
        per_side.get("corvessa").copied().unwrap_or(0) >= 3,
        "{per_side:?}"
    );
    assert!(
        per_side
            .keys()
            .all(|k| ["", "talvera", "corvessa"].contains(&k.as_str())),
        "no other key: {per_side:?}"
    );
    assert!(
        a.ann().quotes.iter().all(|q| q.origin == Origin::Auto),
        "still suggestions, for review"
    );
    let status = screen(&a).lines().last().unwrap_or_default().to_string();
    assert!(
        status.contains("Talvera") && status.contains("Corvessa"),
        "{status}"
    );
}

#[test]
fn each_edit_of_a_side_and_its_re_derivation_are_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_on_file(dir.path(), RIVER_TALKS, Vec::new());
    start_without_sides(&mut a);
    add_side_with_aliases(&mut a, "Talvera", "Talveran");
    let with_aliases = quotes_per_side(&a);
    assert!(
        with_aliases.get("talvera").copied().unwrap_or(0) >= 3,
        "{with_aliases:?}"
    );
    typ(&mut a, "u");
    assert_eq!(a.ann().parties[0].aliases, Vec::<String>::new());
    let without = quotes_per_side(&a);
    assert!(
        without.get("talvera").copied().unwrap_or(0) < with_aliases["talvera"],
        "undo took the aliases and what they gave back together: {without:?}"
    );
    typ(&mut a, "u");
    assert!(a.ann().parties.is_empty());
    assert_eq!(quotes_per_side(&a).keys().collect::<Vec<_>>(), [""]);
    assert!(
        a.mode().popup_as::<SidesEditor>().is_some(),
        "the editor stays"
    );
}

/// The quotes and positions on the side with id "council".
fn on_council(app: &App) -> usize {
    let ann = app.ann();
    let quotes = ann.quotes.iter().map(|q| &q.party);
    let positions = ann.positions.iter().map(|p| &p.party);
    quotes
        .chain(positions)
        .filter(|p| p.as_deref() == Some("council"))
        .count()
}

#[test]
fn renaming_a_side_re_derives_its_suggestions_in_the_same_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    // the mediator's council as the second side, under a name the text never uses
    // (nor the last word of it: the detector knows a body by its last word)
    let given = vec![
        side("talvera", "Talvera"),
        side("council", "Southern Assembly"),
    ];
    let mut a = app_on_file(dir.path(), RIVER_TALKS, given);
    let before = on_council(&a);
    assert_eq!(before, 0);
    typ(&mut a, "S");
    typ(&mut a, "j"); // the second side
    typ(&mut a, "r");
    typ(&mut a, "Northern Council"); // replaces the name offered
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.ann().parties[1].name, "Northern Council");
    // how many the detector gives the council is the detector's to say; that they
    // move in this step, and that the message counts them, is the reader's
    let moved = on_council(&a);
    assert!(moved > 0, "the mediator's position at least");
    let said = message(&a);
    let counted = if moved == 1 {
        "1 suggestion changed side".to_string()
    } else {
        format!("{moved} suggestions changed side")
    };
    assert!(said.contains(&counted), "{said}");
    typ(&mut a, "u");
    assert_eq!(a.ann().parties[1].name, "Southern Assembly");
    assert_eq!(on_council(&a), 0, "one step undoes both");
}

#[test]
fn manual_accepted_and_rejected_annotations_keep_their_sides() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_on_file(dir.path(), RIVER_TALKS, vec![side("bransk", "Bransk")]);
    // a person accepts the first quote (no side), rejects the second, and gives the
    // third the wrong side by hand
    let ids: Vec<Id> = a
        .ann()
        .quotes
        .iter()
        .take(3)
        .map(|q| q.id.clone())
        .collect();
    select(&mut a, &ids[0]);
    typ(&mut a, "a");
    select(&mut a, &ids[1]);
    typ(&mut a, "x");
    select(&mut a, &ids[2]);
    typ(&mut a, "1");
    let before: Vec<_> = ids
        .iter()
        .map(|id| a.ann().quotes.iter().find(|q| q.id == *id).cloned())
        .collect();
    assert_eq!(before[0].as_ref().map(|q| q.status), Some(Status::Accepted));
    assert_eq!(before[1].as_ref().map(|q| q.status), Some(Status::Rejected));
    assert_eq!(before[2].as_ref().map(|q| q.origin), Some(Origin::Manual));

    typ(&mut a, "S");
    add_side_with_aliases(&mut a, "Talvera", "Talveran");
    add_side_with_aliases(&mut a, "Corvessa", "Corvessan");
    let after: Vec<_> = ids
        .iter()
        .map(|id| a.ann().quotes.iter().find(|q| q.id == *id).cloned())
        .collect();
    assert_eq!(after, before, "touched annotations are never re-derived");
    assert!(
        a.ann().quotes[3..].iter().any(|q| q.party.is_some()),
        "the untouched ones were"
    );
}
