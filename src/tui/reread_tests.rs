//! `:detect` on a large web page whose file changed, by keys and actions into `App`:
//! the file is read again on a worker, never on the reader's thread; the reader keeps
//! answering and says it is reading; what the worker reads opens the page again (its
//! store on a worker too) where the reader was, with a person's saved work kept and
//! the new paragraph suggested; unsaved edits are never dropped for it.

use super::action::Action;
use super::app::App;
use super::redetect_tests::{ADDED, select, side};
use super::test_support::{RIVER_TALKS, message, screen, typ};
use crate::article::{Article, EXTRACT_AT_ONCE_BYTES, Source};
use crate::keys::Command;
use crate::model::Status;
use crate::store::{OpenOptions, Store};
use crossterm::event::KeyCode;
use std::path::Path;
use std::sync::Arc;

/// The story's paragraphs as a web page, again and again past the size whose text the
/// reader makes at once, and `extra` as the last paragraph.
fn page(extra: &str) -> String {
    let body = RIVER_TALKS.split_once("\n\n").map_or("", |(_, b)| b);
    let mut html = String::from(
        "<!DOCTYPE html><html><head><title>River talks stall</title></head><body>\
         <article><h1>Talvera and Corvessa trade blame</h1>\n",
    );
    while html.len() <= EXTRACT_AT_ONCE_BYTES * 9 / 8 {
        for paragraph in body.split("\n\n").filter(|p| !p.trim().is_empty()) {
            html.push_str(&format!("<p>{}</p>\n", paragraph.trim()));
        }
    }
    if !extra.trim().is_empty() {
        html.push_str(&format!("<p>{}</p>\n", extra.trim()));
    }
    html.push_str("</article></body></html>\n");
    html
}

/// A reader on `html`, written to `page.html` in `dir`, its store opened with the
/// story's two sides.
fn reader_on_page(dir: &Path, html: &str) -> App {
    let path = dir.join("page.html");
    std::fs::write(&path, html).unwrap();
    let article = Arc::new(Article::load(Source::File(path), 1 << 30).unwrap());
    let parties = vec![side("talvera", "Talvera"), side("corvessa", "Corvessa")];
    let options = OpenOptions {
        parties: Some(parties),
        suggest: Some(crate::detect::detect_with_progress),
        ..OpenOptions::default()
    };
    let store = Store::open(&article, &options);
    let mut app = App::new(article, crate::config::Config::default(), (100, 30), true);
    app.update(Action::StoreReady(Box::new(store)));
    app
}

/// `:detect` Enter.
fn detect(app: &mut App) {
    typ(app, ":detect");
    super::test_support::press(app, KeyCode::Enter);
}

/// Runs the queued detection as the loop's worker would; there must be one.
fn run_the_reading(app: &mut App) {
    let mut jobs = app.take_jobs();
    assert_eq!(jobs.len(), 1, "one reading of the file queued");
    let job = jobs.remove(0);
    app.update(Action::Detected(Box::new(job.run())));
}

/// Runs the queued opening on the loop's worker and hands the app what it sends.
fn finish_opening(app: &mut App) {
    let job = app.take_opening().expect("the store opens on a worker");
    let (tx, rx) = super::events::channel();
    super::threads::spawn_opening(job, 1 << 30, tx);
    while let Ok(event) = rx.recv() {
        app.update(super::worker_action(event).expect("an opening's event"));
    }
}

#[test]
fn detect_reads_a_large_changed_page_on_a_worker_and_keeps_the_work_and_the_place() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = reader_on_page(dir.path(), &page(""));
    let shown = Arc::clone(&a.article().text);
    let count = a.ann().quotes.len();
    let first = a.ann().quotes[0].id.clone();
    select(&mut a, &first);
    typ(&mut a, "a");
    let accepted = a.ann().quotes[0].clone();
    assert_eq!(accepted.status, Status::Accepted);
    // an editor adds a paragraph at the end while the reader is open
    std::fs::write(dir.path().join("page.html"), page(ADDED)).unwrap();

    // with the accept unsaved: read on the worker, then a save asked for
    detect(&mut a);
    assert!(a.take_opening().is_none());
    assert!(Arc::ptr_eq(&a.article().text, &shown), "not read here");
    assert!(
        message(&a).contains("reading the file again"),
        "{}",
        message(&a)
    );
    run_the_reading(&mut a);
    assert!(
        message(&a).contains("the file changed: Ctrl-s saves, :detect reads it"),
        "{}",
        message(&a)
    );
    assert!(Arc::ptr_eq(&a.article().text, &shown), "nothing dropped");
    assert!(a.store().unwrap().is_dirty(), "the accept is still there");

    a.update(Action::Command(Command::Save));
    super::test_support::press(&mut a, KeyCode::Esc); // the selection: digits count
    typ(&mut a, "50%");
    let place = a.top_offset();
    assert!(place > 0);
    detect(&mut a);
    // queued, not done: the reader answers and says what it waits for
    assert!(Arc::ptr_eq(&a.article().text, &shown), "not read here");
    assert_eq!(a.ann().quotes.len(), count);
    let status = screen(&a).lines().last().unwrap_or_default().to_string();
    assert!(status.contains("reading the file…"), "{status}");
    typ(&mut a, "j");
    assert!(a.top_offset() > place, "keys still answered");
    typ(&mut a, "k");
    assert_eq!(a.top_offset(), place);
    run_the_reading(&mut a);

    // the new text, where the reader was, its store opening on a worker
    assert!(
        a.article().text.contains("open the gates"),
        "the file as it is now"
    );
    assert!(a.store().is_none() && a.loading().detecting().is_some());
    assert_eq!(a.top_offset(), place, "the place kept");
    let status = screen(&a).lines().last().unwrap_or_default().to_string();
    assert!(status.contains("detecting"), "{status}");
    finish_opening(&mut a);
    assert!(
        message(&a).contains("detected again: suggestions 1 added"),
        "{}",
        message(&a)
    );
    let quotes = &a.ann().quotes;
    assert_eq!(quotes.len(), count + 1);
    assert_eq!(&quotes[0], &accepted, "accepted work kept as it was");
    let new = quotes.last().unwrap();
    assert!(new.text.contains("open the gates"), "{new:?}");
    assert_eq!(new.status, Status::Suggested);
    assert_eq!(a.top_offset(), place, "still where the reader was");
    typ(&mut a, "u");
    assert_eq!(
        a.ann().quotes.len(),
        count,
        "the re-detection is one undo step"
    );
}
