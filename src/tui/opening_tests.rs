//! Opening an article off the reader's thread, by keys and actions into `App`: the
//! opening is queued in the app and started through its workers; a large text article
//! opens on its start and a large web page or Markdown file on its name ("reading…"),
//! the rest (or all of the page's text) made by the worker; the list, `:ls`, Esc, a
//! resize and `q` answer meanwhile; what arrives for an article left is dropped; a page
//! that cannot be read says why in its place.

use super::action::Action;
use super::app::App;
use super::corpus_tests::{command, list_open, reader};
use super::opening::OpenJob;
use super::test_support::{press, screen, typ};
use crossterm::event::KeyCode;
use std::path::Path;
use std::sync::{Arc, Mutex};

/// A long article of our own making: past the size the reader opens on its start.
fn write_long_article(path: &Path) -> String {
    let mut text = String::from("Harbour dispute drags on\n\n");
    let mut n = 0;
    while text.len() < 3 * crate::article::HEAD_BYTES {
        n += 1;
        text.push_str(&format!(
            "\"We will not sign round {n},\" said Ana Ruiz, the dockers' leader. \
             The port authority said it would wait.\n\n"
        ));
    }
    std::fs::write(path, &text).unwrap();
    text
}

/// A web page of our own making, past the size whose text the reader makes at once: a
/// menu, a script, entities, and many paragraphs of one made-up story.
fn write_large_page(path: &Path) {
    let mut html = String::from(
        "<!DOCTYPE html><html><head><title>Ferry talks resume | Harbour Herald</title>\
         <script>var menu = \"open\";</script></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/sport\">Sport</a></nav>\
         <article><h1>Ferry talks resume</h1>\n",
    );
    let mut n = 0;
    while html.len() < crate::article::EXTRACT_AT_ONCE_BYTES * 9 / 8 {
        n += 1;
        html.push_str(&format!(
            "<p>&ldquo;We will not sign round {n},&rdquo; said Ana Ruiz, the dockers&rsquo; \
             leader. The port authority said it would wait.</p>\n"
        ));
    }
    html.push_str("</article><footer>&copy; Harbour Herald</footer></body></html>\n");
    std::fs::write(path, html).unwrap();
}

/// Runs the loop's worker for an opening and gives the app what it sends, as the loop
/// does; returns how many events came.
pub(super) fn finish_opening(app: &mut App, job: OpenJob) -> usize {
    finish_opening_within(app, job, 1 << 30)
}

/// [`finish_opening`] with an article size limit of `max_bytes`.
fn finish_opening_within(app: &mut App, job: OpenJob, max_bytes: u64) -> usize {
    let (tx, rx) = super::events::channel();
    super::threads::spawn_opening(job, max_bytes, tx);
    let mut n = 0;
    while let Ok(event) = rx.recv() {
        let super::events::Event::ForArticle(ticket, inner) = event else {
            panic!("an opening sends under its ticket");
        };
        let action = super::worker_action(*inner).unwrap();
        app.update(Action::ForArticle(ticket, Box::new(action)));
        n += 1;
    }
    n
}

#[test]
fn a_large_article_opens_on_its_start_and_the_list_stays_at_hand() {
    let dir = tempfile::tempdir().unwrap();
    let long = write_long_article(&dir.path().join("long.txt"));
    let mut app = reader(dir.path());
    typ(&mut app, "j");
    assert_eq!(app.corpus().unwrap().selected(), Some(1), "long.txt");
    press(&mut app, KeyCode::Enter);
    assert!(!list_open(&app));
    assert!(app.loading().rest_to_come() && app.store().is_none());
    assert!(app.article().text.len() < long.len() && long.starts_with(&*app.article().text));
    assert!(screen(&app).contains("loading…"), "{}", screen(&app));
    let job = app.take_opening().expect("the rest is left to a worker");
    // while it loads, the list answers
    command(&mut app, "ls");
    assert!(list_open(&app));
    typ(&mut app, "j");
    assert_eq!(app.corpus().unwrap().selected(), Some(2));
    press(&mut app, KeyCode::Esc);
    assert!(!list_open(&app) && app.loading().rest_to_come());
    assert!(
        finish_opening(&mut app, job) >= 2,
        "the article, then its store"
    );
    assert!(!app.loading().rest_to_come() && !screen(&app).contains("loading…"));
    assert_eq!(&*app.article().text, long.as_str());
    let store = app.store().expect("store");
    assert!(store.read_only().is_none());
    assert!(app.ann().quotes.len() > 100, "detected whole");
}

#[test]
fn what_comes_for_an_article_left_is_dropped() {
    let dir = tempfile::tempdir().unwrap();
    write_long_article(&dir.path().join("long.txt"));
    let mut app = reader(dir.path());
    typ(&mut app, "j");
    press(&mut app, KeyCode::Enter);
    let stale = app.take_opening().unwrap();
    // on to the first article before the long one arrives
    command(&mut app, "ls");
    typ(&mut app, "g");
    press(&mut app, KeyCode::Enter);
    assert!(app.article().text.starts_with("Norway accepts"));
    let quotes = app.ann().quotes.len();
    finish_opening(&mut app, stale);
    assert!(app.article().text.starts_with("Norway accepts") && !app.loading().rest_to_come());
    assert_eq!(
        app.ann().quotes.len(),
        quotes,
        "the brief's own annotations"
    );
    // opened again, the long article's store is this reader's to edit
    command(&mut app, "ls");
    typ(&mut app, "j");
    press(&mut app, KeyCode::Enter);
    let job = app.take_opening().unwrap();
    finish_opening(&mut app, job);
    assert!(app.store().unwrap().read_only().is_none());
    assert!(app.article().text.starts_with("Harbour dispute"));
}

#[test]
fn a_large_page_opens_on_its_name_and_its_text_is_made_by_the_worker() {
    let dir = tempfile::tempdir().unwrap();
    write_large_page(&dir.path().join("big.html"));
    let mut app = reader(dir.path());
    assert_eq!(app.corpus().unwrap().selected(), Some(0), "big.html");
    press(&mut app, KeyCode::Enter);
    // nothing of it made on the reader's thread: the name, and the worker queued
    assert!(!list_open(&app));
    assert!(app.article().text.is_empty() && app.loading().rest_to_come());
    let s = screen(&app);
    assert!(s.contains("big.html") && s.contains("reading…"), "{s}");
    let job = app.take_opening().expect("the page is left to a worker");
    // meanwhile the reader answers: a resize, the list and back
    app.update(Action::Resize(80, 20));
    assert!(screen(&app).contains("reading…"));
    command(&mut app, "ls");
    assert!(list_open(&app));
    press(&mut app, KeyCode::Esc);
    assert!(!list_open(&app) && screen(&app).contains("reading…"));
    // nothing to select yet, and the reader says so rather than that it is empty
    typ(&mut app, "v");
    assert_eq!(
        super::test_support::message(&app),
        super::strings::NOTHING_TO_SELECT_YET
    );
    assert!(
        finish_opening(&mut app, job) >= 2,
        "the article, then its store"
    );
    let s = screen(&app);
    assert!(
        s.contains("Ferry talks resume") && s.contains("“We will not sign round 1,”"),
        "{s}"
    );
    assert!(!s.contains("reading…"), "{s}");
    let text = &app.article().text;
    assert!(!text.contains("<p>") && !text.contains("var menu") && !text.contains("Sport"));
    assert!(app.store().is_some() && !app.ann().quotes.is_empty());
}

#[test]
fn q_quits_while_a_page_is_made() {
    let dir = tempfile::tempdir().unwrap();
    write_large_page(&dir.path().join("big.html"));
    let mut app = reader(dir.path());
    press(&mut app, KeyCode::Enter);
    assert!(app.loading().rest_to_come());
    // with no text yet, the reading keys find nothing to act on, and break nothing
    for keys in ["vlwe)(", "G50%gj", "/round", "ma'a''", "\t]r"] {
        typ(&mut app, keys);
        press(&mut app, KeyCode::Esc);
        press(&mut app, KeyCode::Esc);
    }
    assert!(screen(&app).contains("reading…"), "{}", screen(&app));
    typ(&mut app, "q");
    assert!(app.wants_quit());
}

#[test]
fn a_page_that_cannot_be_read_says_why_in_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("big.html");
    write_large_page(&page);
    let mut app = reader(dir.path());
    press(&mut app, KeyCode::Enter);
    let job = app.take_opening().unwrap();
    // the file grows past the limit once the reader has opened it
    let limit = std::fs::metadata(&page).unwrap().len() + 10;
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(&page)
        .unwrap();
    std::io::Write::write_all(&mut file, &[b' '; 100]).unwrap();
    finish_opening_within(&mut app, job, limit);
    let s = screen(&app);
    assert!(
        s.contains("big.html") && s.contains("cannot read the article") && !s.contains("reading…"),
        "{s}"
    );
    assert!(s.contains("larger than the limit"), "{s}");
    assert!(app.store().is_none());
    // the list is still at hand, and the next article opens
    typ(&mut app, "}");
    assert!(app.article().text.starts_with("Norway accepts"), "brief.md");
}

#[test]
fn the_place_in_a_large_page_is_found_once_its_text_is_made() {
    let dir = tempfile::tempdir().unwrap();
    write_large_page(&dir.path().join("big.html"));
    let places = dir.path().join("places.toml");
    let mut app = super::corpus_tests::reader_keeping_places(dir.path(), Some(places));
    press(&mut app, KeyCode::Enter);
    let job = app.take_opening().unwrap();
    finish_opening(&mut app, job);
    typ(&mut app, "G");
    let at = app.top_offset();
    assert!(at > 0);
    // on to the next article and back: the page's place was kept and is found again
    typ(&mut app, "}");
    assert!(app.article().text.starts_with("Norway accepts"));
    typ(&mut app, "{");
    assert!(app.article().text.is_empty(), "the page to come again");
    let job = app.take_opening().unwrap();
    finish_opening(&mut app, job);
    assert_eq!(app.top_offset(), at);
}

/// Workers that keep what they are given, to show what the app starts.
#[derive(Default, Clone)]
struct Kept(Arc<Mutex<Vec<OpenJob>>>);

impl super::app::workers::Workers for Kept {
    fn detect(&self, _: super::detection::DetectJob) {}
    fn open(&self, job: OpenJob) {
        self.0.lock().unwrap().push(job);
    }
    fn search(&self, _: super::corpus::search::SearchJob) {}
}

#[test]
fn the_page_the_reader_starts_on_is_made_by_a_worker_the_app_starts() {
    use crate::article::{Article, Source};
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("big.html");
    write_large_page(&page);
    // as `tui::run` opens it: nothing of the page read but its start
    let mut opening = Article::load_head(Source::File(page), 1 << 30).unwrap();
    assert!(opening.is_to_come());
    let rest = opening.rest.take();
    let article = Arc::new(opening.article);
    let config = crate::config::Config::default();
    let mut app = App::new(Arc::clone(&article), config, (100, 30), false);
    app.update(Action::RestToCome);
    let options = crate::store::OpenOptions {
        suggest: Some(crate::detect::detect_with_progress),
        ..Default::default()
    };
    let job = OpenJob::new(article, rest, options, None);
    app.update(Action::Open(Box::new(job)));
    let s = screen(&app);
    assert!(s.contains("big.html") && s.contains("reading…"), "{s}");
    // queued, not done: the workers, once handed over, are given it
    let kept = Kept::default();
    let handle = super::app::workers::Handle(Box::new(kept.clone()));
    app.update(Action::Workers(handle));
    assert!(app.take_opening().is_none(), "started");
    let job = kept.0.lock().unwrap().pop().expect("given to the workers");
    assert_eq!(job.ticket, None, "the reader's own article");
    // the worker's events, as the loop turns them into actions
    let (tx, rx) = super::events::channel();
    super::threads::spawn_opening(job, 1 << 30, tx);
    while let Ok(event) = rx.recv() {
        app.update(super::worker_action(event).expect("an opening's event"));
    }
    let s = screen(&app);
    assert!(
        s.contains("“We will not sign round 1,”") && !s.contains("reading…"),
        "{s}"
    );
    assert!(app.store().is_some() && !app.ann().quotes.is_empty());
}
