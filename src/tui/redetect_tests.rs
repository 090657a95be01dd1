//! Sides that re-derive and `:detect`, by keys into `App`, on a story about two
//! countries no gazetteer knows: fixing the sides in the sides editor gives the
//! untouched suggestions their sides at once, and `:detect` suggests what a changed
//! article adds while keeping what a person touched. A large article does both on a
//! worker, and the result arrives as an action.

use super::action::Action;
use super::app::App;
use super::popup::choice::Choice;
use super::popup::sides::SidesEditor;
use super::test_support::{RIVER_TALKS, app_on_file, message, press, run_jobs, screen, typ};
use crate::model::{Id, Origin, Party, Status};
use crossterm::event::KeyCode;
use std::collections::BTreeMap;

pub(super) fn side(id: &str, name: &str) -> Party {
    Party {
        id: id.into(),
        name: name.into(),
        aliases: Vec::new(),
        color: None,
        ..Default::default()
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

/// Opens the sides editor and deletes the sides the detector found on its own (the
/// story's invented countries), running the re-derivations that queues: the tests
/// below start from a story without sides, as one the detector cannot read would be.
fn start_without_sides(app: &mut App) {
    typ(app, "S");
    delete_every_side(app);
    run_jobs(app);
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

/// Tab until the annotation `id` is selected.
pub(super) fn select(app: &mut App, id: &str) {
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

pub(super) const ADDED: &str = "\n\"We will open the gates when the rains come,\" said Lena Varga, a Corvessan water engineer.\n";

/// A reader on the story with its two sides, its first quote accepted and saved.
fn accepted_and_saved(dir: &std::path::Path) -> (Party, Party, crate::model::Quote) {
    let parties = vec![side("talvera", "Talvera"), side("corvessa", "Corvessa")];
    let mut a = app_on_file(dir, RIVER_TALKS, parties.clone());
    let first = a.ann().quotes[0].id.clone();
    select(&mut a, &first);
    typ(&mut a, "a");
    a.update(Action::Command(crate::keys::Command::Save));
    assert!(!a.store().unwrap().is_dirty());
    let accepted = a.ann().quotes[0].clone();
    (parties[0].clone(), parties[1].clone(), accepted)
}

#[test]
fn opening_a_changed_article_suggests_its_new_quote_and_marks_what_moved_fuzzily() {
    let dir = tempfile::tempdir().unwrap();
    let (t, c, accepted) = accepted_and_saved(dir.path());
    let count = quotes_per_side(&app_on_file(
        dir.path(),
        RIVER_TALKS,
        vec![t.clone(), c.clone()],
    ))
    .values()
    .sum::<usize>();
    // an editor changes a word of the accepted quote and adds a paragraph
    let changed = format!("{RIVER_TALKS}{ADDED}").replace("a fair offer", "a fair proposal");
    let mut a = app_on_file(dir.path(), &changed, vec![t, c]);
    let said = message(&a);
    assert!(
        said.contains(
            "by a fuzzy match; marked to check again: q1 “\"We came with a fair proposal …”)"
        ),
        "{said}"
    );
    assert!(
        said.contains("detected again: suggestions 1 added"),
        "{said}"
    );
    let quotes = &a.ann().quotes;
    assert_eq!(quotes.len(), count + 1);
    let q1 = &quotes[0];
    assert_eq!(
        (q1.id.as_str(), q1.status, q1.recheck),
        ("q1", Status::Accepted, Some(crate::model::Recheck::Fuzzy))
    );
    assert_eq!(q1.speaker, accepted.speaker, "accepted work kept");
    let new = quotes.last().unwrap();
    assert!(new.text.contains("open the gates"), "{new:?}");
    assert_eq!(new.status, Status::Suggested);

    // the mark shows in the sidebar and the status bar, and accepting clears it
    press(&mut a, KeyCode::Esc);
    select(&mut a, "q1");
    if !a.sidebar() {
        typ(&mut a, "s");
    }
    let shown = screen(&a);
    assert!(
        shown
            .lines()
            .any(|l| l.contains("≈ Q") && l.contains("Ines Marov")),
        "{shown}"
    );
    assert!(
        shown
            .lines()
            .last()
            .unwrap_or_default()
            .contains("≈ placed"),
        "{shown}"
    );
    let summary = crate::tui::view::status::selection_text(&a).unwrap_or_default();
    assert!(
        summary.ends_with("≈ placed by a fuzzy match: check it (a accepts)"),
        "{summary}"
    );
    typ(&mut a, "a");
    assert_eq!(a.ann().quotes[0].recheck, None);
    typ(&mut a, "u");
    typ(&mut a, "u");
    assert_eq!(
        a.ann().quotes.len(),
        count,
        "the re-detection is one undo step"
    );
}

/// `:detect`, then: the quote of [`ADDED`] suggested, one quote more than `count`,
/// and the `accepted` first quote as it was.
fn detect_adds_the_added_quote(a: &mut App, count: usize, accepted: &crate::model::Quote) {
    typ(a, ":detect");
    press(a, KeyCode::Enter);
    assert!(message(a).contains("suggestions 1 added"), "{}", message(a));
    let quotes = &a.ann().quotes;
    assert_eq!(quotes.len(), count + 1);
    assert_eq!(&quotes[0], accepted, "accepted work kept as it was");
    let new = quotes.last().unwrap();
    assert!(new.text.contains("open the gates"), "{new:?}");
    assert_eq!(new.status, Status::Suggested);
}

#[test]
fn detect_suggests_a_quote_in_an_added_paragraph_and_keeps_accepted_work() {
    let dir = tempfile::tempdir().unwrap();
    let (t, c, accepted) = accepted_and_saved(dir.path());
    // the changed article saved by a session that did not detect it again (one that
    // annotates from scratch), so its new paragraph has no suggestion
    let changed = format!("{RIVER_TALKS}{ADDED}");
    std::fs::write(dir.path().join("story.txt"), &changed).unwrap();
    let article = crate::article::Article::load(
        crate::article::Source::File(dir.path().join("story.txt")),
        1 << 20,
    )
    .unwrap();
    let mut bare = crate::store::Store::open(&article, &crate::store::OpenOptions::default());
    let count = bare.annotations().quotes.len();
    bare.apply(crate::store::Edit::SetNote {
        id: "q2".into(),
        note: Some("saved again".into()),
    })
    .unwrap();
    bare.save().unwrap();
    drop(bare);

    let mut a = app_on_file(dir.path(), &changed, vec![t, c]);
    assert_eq!(
        a.ann().quotes.len(),
        count,
        "nothing suggested at open: same text"
    );
    detect_adds_the_added_quote(&mut a, count, &accepted);
    assert_eq!(a.ann().quotes[1].note.as_deref(), Some("saved again"));
    typ(&mut a, ":detect");
    press(&mut a, KeyCode::Enter);
    assert!(message(&a).contains("nothing changed"), "{}", message(&a));
    typ(&mut a, "u");
    assert_eq!(a.ann().quotes.len(), count, "one undo step");
}

#[test]
fn detect_reads_an_article_changed_while_it_is_open_and_keeps_accepted_work() {
    let dir = tempfile::tempdir().unwrap();
    let parties = vec![side("talvera", "Talvera"), side("corvessa", "Corvessa")];
    let mut a = app_on_file(dir.path(), RIVER_TALKS, parties);
    let first = a.ann().quotes[0].id.clone();
    select(&mut a, &first);
    typ(&mut a, "a");
    let accepted = a.ann().quotes[0].clone();
    let count = a.ann().quotes.len();
    // an editor adds a paragraph while the reader is open
    let path = dir.path().join("story.txt");
    std::fs::write(&path, format!("{RIVER_TALKS}{ADDED}")).unwrap();
    typ(&mut a, ":detect");
    press(&mut a, KeyCode::Enter);
    assert!(
        message(&a).contains("the file changed: Ctrl-s saves, :detect reads it"),
        "{}",
        message(&a)
    );
    assert_eq!(a.ann().quotes.len(), count, "nothing dropped, nothing read");
    assert!(a.store().unwrap().is_dirty(), "the accept is still there");
    a.update(Action::Command(crate::keys::Command::Save));
    detect_adds_the_added_quote(&mut a, count, &accepted);
    assert!(a.article().text.ends_with(ADDED), "the file as it is now");
    typ(&mut a, "G");
    assert!(screen(&a).contains("open the gates"), "{}", screen(&a));
    typ(&mut a, ":detect");
    press(&mut a, KeyCode::Enter);
    assert!(message(&a).contains("nothing changed"), "{}", message(&a));
}

/// The story's paragraphs again and again, past the size detected on the spot.
pub(super) fn large_story() -> String {
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

#[test]
fn a_large_article_is_detected_again_on_a_worker() {
    let dir = tempfile::tempdir().unwrap();
    let text = large_story();
    let mut a = app_on_file(dir.path(), &text, Vec::new());
    assert_eq!(run_jobs(&mut a), 0);

    start_without_sides(&mut a);
    typ(&mut a, "a");
    // a name the story never uses: the side gets its quotes from its alias
    typ(&mut a, "The North");
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.ann().parties.len(), 1, "the side is there at once");
    assert_eq!(run_jobs(&mut a), 1);
    let sideless = quotes_per_side(&a);
    assert_eq!(sideless.keys().collect::<Vec<_>>(), [""], "{sideless:?}");
    typ(&mut a, "e");
    typ(&mut a, "Talvera");
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.ann().parties[0].aliases, ["Talvera"], "at once");
    assert!(message(&a).contains("re-deriving"), "{}", message(&a));
    assert_eq!(quotes_per_side(&a), sideless, "not yet");
    assert_eq!(run_jobs(&mut a), 1);
    assert!(message(&a).contains("changed side"), "{}", message(&a));
    let per_side = quotes_per_side(&a);
    let id = a.ann().parties[0].id.clone();
    assert!(per_side.get(&id).copied().unwrap_or(0) > 0, "{per_side:?}");
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
    start_without_sides(&mut a);
    press(&mut a, KeyCode::Esc);
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

#[test]
fn sides_given_for_a_large_article_apply_once_the_worker_has_read_it() {
    let dir = tempfile::tempdir().unwrap();
    let text = large_story();
    let mut first = app_on_file(dir.path(), &text, Vec::new());
    start_without_sides(&mut first);
    press(&mut first, KeyCode::Esc);
    first.update(Action::Command(crate::keys::Command::Save));
    drop(first);
    let given = vec![side("talvera", "Talvera"), side("corvessa", "Corvessa")];
    let mut a = app_on_file(dir.path(), &text, given.clone());
    assert!(a.mode().popup_as::<Choice>().is_some());
    typ(&mut a, "a");
    assert!(
        a.ann().parties.is_empty(),
        "not before the detector is done"
    );
    assert!(message(&a).contains("detecting"), "{}", message(&a));
    assert_eq!(run_jobs(&mut a), 1);
    assert_eq!(a.ann().parties, given);
    assert!(
        message(&a).contains("applied the sides given"),
        "{}",
        message(&a)
    );
    a.change_store_behind_the_back(|store| store.discard().unwrap());
    drop(a);

    // an edit while the worker reads makes its result stale: not applied
    let mut b = app_on_file(dir.path(), &text, given);
    typ(&mut b, "a");
    press(&mut b, KeyCode::Tab);
    typ(&mut b, "x");
    assert_eq!(run_jobs(&mut b), 1);
    assert!(b.ann().parties.is_empty());
    assert!(message(&b).contains("not applied"), "{}", message(&b));
}
