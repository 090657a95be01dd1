//! A background thread that panics, by keys and actions into `App`: for a detection or
//! a corpus search the status bar stops saying it runs and says it failed and why (made
//! safe to show), and nothing of it reaches the annotations or the user's edits; a
//! detection of an article the user has left says nothing on the one shown; the corpus
//! list shows the counts its failed read never reached as unavailable; the signal
//! watcher's panic is said, and so is its giving up.

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
    super::threads::spawn_detection(job, tx);
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
    let load = job.load.clone();
    drop(job);
    let why = "byte index 3 is not a char boundary\u{1b}[2J at src/detect/x.rs:9:5";
    a.update(Action::WorkerGone(Gone {
        work: Work::Detection(load),
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

#[test]
fn a_detection_that_fails_after_the_user_moved_on_stays_with_its_article() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("long.txt"), large_story()).unwrap();
    let mut app = reader(dir.path());
    // brief.md, long.txt, page.html, talks.txt: open the long one, its store on a worker
    typ(&mut app, "j");
    super::test_support::press(&mut app, KeyCode::Enter);
    let opening = app
        .take_opening()
        .expect("the long article opens on a worker");
    super::opening_tests::finish_opening(&mut app, opening);
    assert!(app.store().is_some());
    typ(&mut app, ":detect");
    super::test_support::press(&mut app, KeyCode::Enter);
    let mut job = app.take_jobs().pop().expect(":detect left to a worker");
    // on to the next article before the detection ends
    super::corpus_tests::command(&mut app, "n");
    assert_eq!(app.label(), "page.html");
    let before = app.ann().clone();
    let said_before = message(&app);
    job.suggest = panicking;
    job.read_first = None;
    let (tx, rx) = super::events::channel();
    super::threads::spawn_detection(job, tx);
    let event = rx.recv().expect("the worker's guard reports it");
    app.update(super::worker_action(event).expect("an action"));
    let said = message(&app);
    assert!(
        !said.contains("detection failed"),
        "said on the new article: {said}"
    );
    assert_eq!(said, said_before);
    assert_eq!(app.ann(), &before);
    let logged = app.log().iter().any(|(m, _)| {
        m.starts_with("long.txt: the detection failed (internal error")
            && m.ends_with("the annotations are as they were")
    });
    assert!(
        logged,
        "in the messages, under its article: {:?}",
        app.log()
    );
}

#[test]
fn the_counting_thread_reports_its_panic() {
    let (tx, rx) = super::events::channel();
    let paths = (0..3).map(|i| format!("/c/{i}.txt").into()).collect();
    super::threads::spawn_counting(
        paths,
        |index, _| {
            assert!(index < 1, "a bug on the second article");
            super::corpus::Counted {
                index,
                title: "First".into(),
                counts: Ok(None),
            }
        },
        tx,
    );
    let Ok(super::events::Event::WorkerGone(gone)) = rx.recv() else {
        panic!("the panic is not reported");
    };
    assert_eq!(gone.work, Work::Counting);
    assert!(rx.recv().is_err(), "and nothing more");
}

#[test]
fn a_failed_count_shows_the_rest_of_the_list_as_unavailable() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reader(dir.path());
    // a fresh list, of which the background read reported the first article only
    let paths: Vec<_> = app
        .corpus()
        .unwrap()
        .entries
        .iter()
        .map(|e| e.path.clone())
        .collect();
    let corpus = super::corpus::Corpus::new(
        dir.path(),
        paths.clone(),
        crate::store::OpenOptions::default(),
        false,
    );
    app = App::over_corpus(corpus, crate::config::Config::default(), (110, 24));
    app.update(Action::CorpusCounted(vec![super::corpus::count(
        0,
        &paths[0],
        1 << 20,
    )]));
    app.update(Action::WorkerGone(Gone {
        work: Work::Counting,
        why: Some("a bug at src/corpus/summary.rs:9:9".into()),
    }));
    let said = message(&app);
    assert!(
        said.starts_with("reading the articles' titles and counts failed (internal error: a bug"),
        "{said}"
    );
    let s = screen(&app);
    let unavailable: Vec<&str> = s
        .lines()
        .filter(|l| l.contains("counts unavailable"))
        .collect();
    assert_eq!(unavailable.len(), 2, "{s}");
    let mut rows = s
        .lines()
        .filter(|l| l.contains(".txt)") || l.contains(".html)"));
    assert!(
        rows.all(|l| !l.contains('…')),
        "no row says it is still being read: {s}"
    );
    // the reader stays usable: the last article opens, and the list counts it then
    typ(&mut app, "G");
    super::test_support::press(&mut app, KeyCode::Enter);
    assert!(!super::corpus_tests::list_open(&app));
    assert!(app.store().is_some());
    super::corpus_tests::command(&mut app, "ls");
    let s = screen(&app);
    let unavailable = s
        .lines()
        .filter(|l| l.contains("counts unavailable"))
        .count();
    assert_eq!(unavailable, 1, "{s}");
}

#[test]
fn a_panic_on_the_signal_watcher_is_said_and_so_is_its_giving_up() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on_file(dir.path(), "Talks\n\nThe talks resumed.\n", Vec::new());
    app.update(Action::WorkerGone(Gone {
        work: Work::Signals { again: true },
        why: Some("a bug at src/tui/events.rs:1:1".into()),
    }));
    let said = message(&app);
    assert!(
        said.starts_with("watching for signals failed (internal error: a bug"),
        "{said}"
    );
    assert!(said.ends_with("watching again"), "{said}");
    app.update(Action::WorkerGone(Gone {
        work: Work::Signals { again: false },
        why: None,
    }));
    let said = message(&app);
    assert!(
        said.ends_with("signals no longer end the reader cleanly: Ctrl-s saves, q quits"),
        "{said}"
    );
    typ(&mut app, "q");
    assert!(app.wants_quit(), "the reader still ends by its key");
}
