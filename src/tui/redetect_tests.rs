//! Sides that re-derive and `:detect`, by keys into `App`, on a story about two
//! countries no gazetteer knows: fixing the sides in the sides editor gives the
//! untouched suggestions their sides at once, and `:detect` suggests what a changed
//! article adds while keeping what a person touched. A large article does both on a
//! worker, and the result arrives as an action.

use super::action::Action;
use super::app::App;
use super::popup::Popup;
use super::test_support::{RIVER_TALKS, app_on_file, message, press, screen, typ};
use crate::model::{Id, Origin, Party, Status};
use crossterm::event::KeyCode;
use std::collections::BTreeMap;

fn side(id: &str, name: &str) -> Party {
    Party {
        id: id.into(),
        name: name.into(),
        aliases: Vec::new(),
        color: None,
        label: None,
    }
}

/// Quotes per side id ("" for none).
fn quotes_per_side(app: &App) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for q in &app.ann().quotes {
        *out.entry(q.party.as_deref().unwrap_or("").to_string())
            .or_default() += 1;
    }
    out
}

/// In the open sides editor: a, the name, Enter; then e, the aliases, Enter.
fn add_side_with_aliases(app: &mut App, name: &str, aliases: &str) {
    typ(app, "a");
    typ(app, name);
    press(app, KeyCode::Enter);
    typ(app, "e");
    typ(app, aliases);
    press(app, KeyCode::Enter);
}

/// Deletes every side in the open sides editor.
fn delete_every_side(app: &mut App) {
    while !app.ann().parties.is_empty() {
        typ(app, "d");
    }
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
    typ(&mut a, "S");
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
        matches!(a.mode.popup(), Some(Popup::Sides(_))),
        "the editor stays"
    );
}

/// Tab until the annotation `id` is selected.
fn select(app: &mut App, id: &str) {
    for _ in 0..100 {
        if app.selected_id().as_deref() == Some(id) {
            return;
        }
        press(app, KeyCode::Tab);
    }
    panic!("Tab never reaches {id}");
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

#[test]
fn detect_suggests_a_quote_in_an_added_paragraph_and_keeps_accepted_work() {
    let dir = tempfile::tempdir().unwrap();
    let parties = vec![side("talvera", "Talvera"), side("corvessa", "Corvessa")];
    let mut a = app_on_file(dir.path(), RIVER_TALKS, parties.clone());
    press(&mut a, KeyCode::Tab);
    typ(&mut a, "a");
    a.update(Action::Command(crate::keys::Command::Save));
    let accepted = a.ann().quotes[0].clone();
    let count = a.ann().quotes.len();
    drop(a);

    let added = "\n\"We will open the gates when the rains come,\" said Lena Varga, a Corvessan water engineer.\n";
    let changed = format!("{RIVER_TALKS}{added}");
    let mut a = app_on_file(dir.path(), &changed, parties);
    typ(&mut a, ":detect");
    press(&mut a, KeyCode::Enter);
    assert!(message(&a).contains("1 added"), "{}", message(&a));
    let quotes = &a.ann().quotes;
    assert_eq!(quotes.len(), count + 1);
    assert_eq!(quotes[0], accepted, "accepted work kept as it was");
    let new = quotes.last().unwrap();
    assert!(new.text.contains("open the gates"), "{new:?}");
    assert_eq!(new.status, Status::Suggested);
    typ(&mut a, ":detect");
    press(&mut a, KeyCode::Enter);
    assert!(message(&a).contains("nothing changed"), "{}", message(&a));
    typ(&mut a, "u");
    assert_eq!(a.ann().quotes.len(), count, "one undo step");
}

/// The story's paragraphs again and again, past the size detected on the spot.
fn large_story() -> String {
    let mut text = String::from("Talvera and Corvessa trade blame\n\n");
    let body = RIVER_TALKS
        .split_once("\n\n")
        .map_or(RIVER_TALKS, |(_, b)| b);
    while text.len() <= super::app::redetect::DETECT_ON_THE_SPOT {
        text.push_str(body);
        text.push('\n');
    }
    text
}

/// Runs the detections the app queued, as the loop's worker would, and hands the
/// results back.
fn run_jobs(app: &mut App) -> usize {
    let jobs = app.take_jobs();
    let n = jobs.len();
    for job in jobs {
        app.update(Action::Detected(Box::new(job.run())));
    }
    n
}

#[test]
fn a_large_article_is_detected_again_on_a_worker() {
    let dir = tempfile::tempdir().unwrap();
    let text = large_story();
    let mut a = app_on_file(dir.path(), &text, Vec::new());
    assert_eq!(run_jobs(&mut a), 0);

    typ(&mut a, "S");
    typ(&mut a, "a");
    typ(&mut a, "Talvera");
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.ann().parties.len(), 1, "the side is there at once");
    assert_eq!(run_jobs(&mut a), 1);
    let sideless = quotes_per_side(&a);
    assert_eq!(sideless.keys().collect::<Vec<_>>(), [""], "{sideless:?}");
    typ(&mut a, "e");
    typ(&mut a, "Talveran");
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.ann().parties[0].aliases, ["Talveran"], "at once");
    assert!(message(&a).contains("re-deriving"), "{}", message(&a));
    assert_eq!(quotes_per_side(&a), sideless, "not yet");
    assert_eq!(run_jobs(&mut a), 1);
    assert!(message(&a).contains("changed side"), "{}", message(&a));
    let per_side = quotes_per_side(&a);
    assert!(
        per_side.get("talvera").copied().unwrap_or(0) > 0,
        "{per_side:?}"
    );
    typ(&mut a, "u");
    assert!(
        a.ann().parties[0].aliases.is_empty(),
        "the aliases and their re-derivation: one step"
    );
    assert_eq!(quotes_per_side(&a), sideless);
    press(&mut a, KeyCode::Esc);

    typ(&mut a, ":detect");
    press(&mut a, KeyCode::Enter);
    assert!(message(&a).contains("detecting"), "{}", message(&a));
    assert_eq!(run_jobs(&mut a), 1);
    assert!(message(&a).contains("nothing changed"), "{}", message(&a));
}

#[test]
fn a_result_for_sides_that_changed_since_is_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let text = large_story();
    let mut a = app_on_file(dir.path(), &text, Vec::new());
    typ(&mut a, ":detect");
    press(&mut a, KeyCode::Enter);
    let stale = a.take_jobs();
    typ(&mut a, "S");
    typ(&mut a, "a");
    typ(&mut a, "Corvessa");
    press(&mut a, KeyCode::Enter);
    let before = a.ann().clone();
    for job in stale {
        a.update(Action::Detected(Box::new(job.run())));
    }
    assert_eq!(a.ann(), &before, "detected with other sides: dropped");
    assert_eq!(run_jobs(&mut a), 1, "the edit of the sides queued its own");
}
