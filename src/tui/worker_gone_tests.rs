//! A detection's or a corpus search's worker that panics, by keys and actions into
//! `App`: the status bar stops saying it runs and says it failed and why (made safe to
//! show), and nothing of it reaches the annotations or the user's edits.

use super::action::Action;
use super::app::App;
use super::corpus_tests::reader;
use super::events::{Gone, Work};
use super::redetect_tests::{large_story, select};
use super::test_support::{app_on_file, message, screen, typ};
use crate::article::Article;
use crate::model::{Annotations, Party, Status};
use crossterm::event::KeyCode;

/// The status bar's line.
fn status(app: &App) -> String {
    screen(app).lines().last().unwrap_or_default().to_string()
}

/// A reader on a large article with one suggestion accepted and not saved, and
/// `:detect` left to a worker: its job, taken.
fn detecting_with_an_edit(dir: &std::path::Path) -> (App, crate::tui::detection::DetectJob) {
    let mut a = app_on_file(dir, &large_story(), Vec::new());
    let first = a.ann().quotes[0].id.clone();
    select(&mut a, &first);
    typ(&mut a, "a");
    assert_eq!(a.ann().quotes[0].status, Status::Accepted);
    super::test_support::press(&mut a, KeyCode::Esc);
    typ(&mut a, ":detect");
    super::test_support::press(&mut a, KeyCode::Enter);
    let said = format!("{} | {}", status(&a), message(&a));
    assert!(
        said.contains("detecting") || said.contains("reading the file"),
        "{said}"
    );
    let mut jobs = a.take_jobs();
    assert_eq!(jobs.len(), 1, "left to a worker");
    (a, jobs.remove(0))
}

/// A detector with a bug.
fn panicking(_: &Article, _: Option<&[Party]>, _: &mut dyn FnMut(usize)) -> Annotations {
    panic!("a bug in the detector");
}

#[test]
fn a_detection_that_panics_on_its_worker_says_so_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut job) = detecting_with_an_edit(dir.path());
    let before = a.ann().clone();
    job.suggest = panicking;
    job.read_first = None;
    // the loop's own worker: its guard says it ended unfinished
    let (tx, rx) = super::events::channel();
    super::spawn_detection(job, tx);
    let event = rx.recv().expect("the worker's guard reports it");
    assert!(rx.recv().is_err(), "and nothing more");
    a.update(super::worker_action(event).expect("an action"));
    let said = message(&a);
    assert!(
        said.starts_with("the detection failed (internal error)"),
        "{said}"
    );
    assert!(said.contains("the annotations are as they were"), "{said}");
    let line = status(&a);
    assert!(
        !line.contains("detecting") && !line.contains("reading the file"),
        "{line}"
    );
    assert_eq!(a.ann(), &before, "the annotations as they were");
    assert!(a.store().unwrap().is_dirty(), "the accept is still unsaved");
    assert!(a.log().iter().any(|(m, _)| m == &said), "in the messages");
}

#[test]
fn a_kept_panic_report_is_shown_safe_to_print() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, job) = detecting_with_an_edit(dir.path());
    let before = a.ann().clone();
    drop(job);
    let why = "byte index 3 is not a char boundary\u{1b}[2J at src/detect/x.rs:9:5";
    a.update(Action::WorkerGone(Gone {
        work: Work::Detection,
        why: Some(why.into()),
    }));
    let said = message(&a);
    assert!(said.contains("is not a char boundary"), "{said}");
    assert!(said.contains("at src/detect/x.rs:9:5"), "{said}");
    assert!(!said.contains('\u{1b}'), "nothing raw reaches the terminal");
    let line = status(&a);
    assert!(line.contains("the detection failed"), "{line}");
    assert_eq!(a.ann(), &before);
}

#[test]
fn a_search_that_panics_on_its_worker_stops_saying_it_searches() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reader(dir.path());
    typ(&mut app, "/");
    typ(&mut app, "fish farmers");
    super::test_support::press(&mut app, KeyCode::Enter);
    let job = app.take_search().expect("the search is left to a worker");
    assert!(screen(&app).contains("searching “fish farmers”…"));
    // an older search's worker gone: this one runs on
    app.update(Action::WorkerGone(Gone {
        work: Work::Search(job.ticket - 1),
        why: None,
    }));
    assert!(app.corpus().unwrap().search.as_ref().unwrap().running);
    app.update(Action::WorkerGone(Gone {
        work: Work::Search(job.ticket),
        why: Some("a bug at src/tui/corpus/search.rs:90:9".into()),
    }));
    let s = screen(&app);
    assert!(!s.contains("searching"), "{s}");
    let search = app.corpus().unwrap().search.clone().unwrap();
    assert!(!search.running && search.query == "fish farmers");
    let said = message(&app);
    assert!(
        said.starts_with("the search failed (internal error: a bug at src/tui/corpus/"),
        "{said}"
    );
    assert!(super::corpus_tests::list_open(&app), "the list stays");
}
