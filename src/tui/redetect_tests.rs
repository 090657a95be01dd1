//! `:detect`, by keys into `App`, on a story about two countries no gazetteer knows:
//! it suggests what a changed article adds while keeping what a person touched; a
//! large article is read on a worker, and the result arrives as an action. (Fixing
//! the sides re-derives the suggestions: `rederive_tests`.)

use super::action::Action;
use super::app::App;
use super::popup::choice::Choice;
use super::test_support::{RIVER_TALKS, app_on_file, message, press, run_jobs, screen, typ};
use crate::model::{Party, Status};
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
pub(super) fn quotes_per_side(app: &App) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for q in &app.ann().quotes {
        *out.entry(q.party.as_deref().unwrap_or("").to_string())
            .or_default() += 1;
    }
    out
}

/// Deletes every side in the open sides editor.
pub(super) fn delete_every_side(app: &mut App) {
    while !app.ann().parties.is_empty() {
        typ(app, "d");
    }
}

/// Opens the sides editor and deletes the sides the detector found on its own (the
/// story's invented countries), running the re-derivations that queues: the tests
/// below start from a story without sides, as one the detector cannot read would be.
pub(super) fn start_without_sides(app: &mut App) {
    typ(app, "S");
    delete_every_side(app);
    run_jobs(app);
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
