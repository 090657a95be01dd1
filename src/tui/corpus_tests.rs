//! The reader over a corpus, by keys into `App`: the list shows every article with its
//! counts once the background read reports; Enter opens one; `}` `{` and `:n` `:p`
//! move through the list's order; `:ls` comes back to the row the user was on; done
//! marks are kept; a corpus search lists matches with article and line and Enter goes
//! there; and unsaved edits are asked about before another article opens.

use super::action::Action;
use super::app::App;
use super::corpus::{Corpus, Counted};
use super::popup::corpus::CorpusList;
use super::test_support::{message, press, screen, typ};
use crate::corpus::{Articles, read_store};
use crate::store::OpenOptions;
use crossterm::event::KeyCode;
use std::path::Path;

/// Three articles written for these tests: text, a page, Markdown.
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/corpus");

pub(super) fn reader(dir: &Path) -> App {
    reader_keeping_places(dir, None)
}

/// [`reader`], keeping the reading places in `places`.
pub(super) fn reader_keeping_places(dir: &Path, places: Option<std::path::PathBuf>) -> App {
    for name in ["brief.md", "page.html", "talks.txt"] {
        std::fs::copy(Path::new(FIXTURES).join(name), dir.join(name)).unwrap();
    }
    let paths: Vec<_> = Articles::new(&[dir.to_path_buf()])
        .map(Result::unwrap)
        .collect();
    let options = OpenOptions {
        suggest: Some(crate::detect::detect_with_progress),
        ..OpenOptions::default()
    };
    let mut corpus = Corpus::new(dir, paths.clone(), options, false);
    corpus.places = places;
    let mut app = App::over_corpus(corpus, crate::config::Config::default(), (110, 24));
    // what the background read would send
    let counted = paths
        .iter()
        .enumerate()
        .map(|(index, p)| Counted {
            index,
            title: crate::corpus::peek_title(p),
            counts: read_store(p, 1 << 20).map(|s| s.map(|s| s.counts)),
        })
        .collect();
    app.update(Action::CorpusCounted(counted));
    app
}

pub(super) fn list_open(app: &App) -> bool {
    app.mode().popup_as::<CorpusList>().is_some()
}

pub(super) fn command(app: &mut App, line: &str) {
    typ(app, ":");
    typ(app, line);
    press(app, KeyCode::Enter);
}

#[test]
fn the_list_opens_articles_and_n_goes_on_in_its_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reader(dir.path());
    assert!(list_open(&app));
    let s = screen(&app);
    assert!(s.contains("3 of 3 articles"), "{s}");
    // no article yet: the status bar names the list and gives no place in an article
    let status = s.lines().last().unwrap();
    assert!(status.contains("LIST") && !status.contains('%'), "{status}");
    // the list's own keys are on its last rows, and `?` opens help over it
    assert!(status.contains("? help"), "{status}");
    assert!(
        status.starts_with(" LIST"),
        "no empty name before it: {status}"
    );
    assert!(
        s.contains("Norway accepts Chile's quota") && s.contains("(brief.md)"),
        "{s}"
    );
    press(&mut app, KeyCode::Enter);
    assert!(!list_open(&app));
    assert!(
        app.article()
            .text
            .starts_with("Norway accepts Chile's quota")
    );
    assert!(!app.ann().quotes.is_empty(), "detected on opening");
    typ(&mut app, "}");
    assert!(
        app.article().text.starts_with("Chile offers salmon quota"),
        "the page"
    );
    command(&mut app, "n");
    assert!(app.article().text.starts_with("Norway and Chile resume"));
    typ(&mut app, "}");
    assert_eq!(message(&app), super::strings::LAST_ARTICLE);
    command(&mut app, "p");
    assert!(app.article().text.starts_with("Chile offers salmon quota"));
    typ(&mut app, "{");
    assert!(app.article().text.starts_with("Norway accepts"));
}

#[test]
fn ls_comes_back_to_where_the_user_was_and_done_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reader(dir.path());
    typ(&mut app, "j");
    typ(&mut app, "x");
    assert_eq!(message(&app), super::strings::MARKED_DONE);
    let marks = std::fs::read_to_string(dir.path().join(crate::corpus::MARKS_FILE)).unwrap();
    assert!(marks.contains("page.html"), "{marks}");
    press(&mut app, KeyCode::Enter);
    assert!(app.article().text.starts_with("Chile offers"));
    command(&mut app, "ls");
    assert!(list_open(&app));
    let corpus = app.corpus().unwrap();
    assert_eq!(corpus.cursor, 1, "the row the user left");
    assert!(screen(&app).contains("▸✓"), "{}", screen(&app));
    // Esc goes back to the article
    press(&mut app, KeyCode::Esc);
    assert!(!list_open(&app));
    assert!(app.article().text.starts_with("Chile offers"));
}

#[test]
fn ls_after_moving_on_points_at_the_article_open_and_done_sorts_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reader(dir.path());
    typ(&mut app, "o");
    typ(&mut app, "o");
    assert_eq!(app.corpus().unwrap().sort, super::corpus::Sort::Status);
    press(&mut app, KeyCode::Enter);
    typ(&mut app, "}");
    assert!(app.article().text.starts_with("Chile offers"));
    command(&mut app, "ls");
    let corpus = app.corpus().unwrap();
    assert_eq!(
        corpus.selected(),
        corpus.current,
        "the cursor is on the article read"
    );
    // marked done, it goes after the others at once, and the cursor with it
    typ(&mut app, "x");
    let corpus = app.corpus().unwrap();
    assert_eq!(corpus.rows.last().copied(), corpus.current);
    assert_eq!(corpus.selected(), corpus.current);
    let s = screen(&app);
    let last_row = s.lines().rfind(|l| l.contains("(")).unwrap();
    assert!(
        last_row.contains("✓") && last_row.contains("page.html"),
        "{s}"
    );
}

#[test]
fn sorting_and_filtering_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reader(dir.path());
    typ(&mut app, "o");
    let corpus = app.corpus().unwrap();
    let titles: Vec<&str> = corpus
        .rows
        .iter()
        .map(|&i| corpus.entries[i].title.as_deref().unwrap())
        .collect();
    assert!(titles.is_sorted(), "{titles:?}");
    typ(&mut app, "f");
    typ(&mut app, "page");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.corpus().unwrap().rows.len(), 1);
    assert!(screen(&app).contains("1 of 3 articles"));
    // a filter that hides every article says so, not that the folder has none
    typ(&mut app, "f");
    let ctrl = crossterm::event::KeyModifiers::CONTROL;
    super::test_support::press_mod(&mut app, KeyCode::Char('u'), ctrl);
    typ(&mut app, "zzz");
    press(&mut app, KeyCode::Enter);
    let s = screen(&app);
    assert!(s.contains("0 of 3 articles"), "{s}");
    assert!(!s.contains("no articles here"), "{s}");
    assert!(
        s.contains("no file or title holds “zzz”: f changes the filter"),
        "{s}"
    );
}

#[test]
fn a_corpus_search_lists_matches_and_enter_goes_there() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reader(dir.path());
    typ(&mut app, "/");
    typ(&mut app, "fish farmers");
    press(&mut app, KeyCode::Enter);
    let job = app.take_search().expect("the search is left to a worker");
    finish_search(&mut app, job);
    let s = screen(&app);
    assert!(s.contains("1 match of “fish farmers”"), "{s}");
    assert!(s.contains("brief.md:5:"), "{s}");
    press(&mut app, KeyCode::Enter);
    assert!(!list_open(&app));
    assert!(app.article().text.starts_with("Norway accepts"));
    let offset = app.article().text.find("fish farmers").unwrap();
    let shown = app.top_offset();
    assert!(shown <= offset, "the match is on screen");
    // the article's search is the corpus's, on that match: marked, `v` starts on it,
    // and `n` goes on (in the article, ignoring case as the corpus search did)
    let search = app.search();
    assert_eq!(
        search.current.map(|c| search.matches[c].start),
        Some(offset)
    );
    typ(&mut app, "v");
    assert_eq!(app.mode().cursor().map(|c| c.at), Some(offset));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    typ(&mut app, "n");
    assert!(
        !message(&app).contains("no search yet"),
        "{}",
        message(&app)
    );
}

#[test]
fn a_corpus_search_match_in_the_article_already_open_is_marked_too() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reader(dir.path());
    press(&mut app, KeyCode::Enter);
    assert!(app.article().text.starts_with("Norway accepts"));
    command(&mut app, "ls");
    typ(&mut app, "/");
    typ(&mut app, "FISH farmers");
    press(&mut app, KeyCode::Enter);
    let job = app.take_search().expect("the search is left to a worker");
    finish_search(&mut app, job);
    press(&mut app, KeyCode::Enter);
    assert!(!list_open(&app));
    let offset = app.article().text.find("fish farmers").unwrap();
    let search = app.search();
    assert_eq!(
        search.current.map(|c| search.matches[c].start),
        Some(offset)
    );
}

/// Runs a search's worker as the loop does and gives the app each batch it sends.
fn finish_search(app: &mut App, job: super::corpus::search::SearchJob) {
    let (tx, rx) = super::events::channel();
    super::threads::spawn_search(job, tx);
    while let Ok(event) = rx.recv() {
        app.update(super::worker_action(event).expect("a search sends its batches"));
    }
}

#[test]
fn the_list_answers_keys_while_a_search_runs_and_an_older_search_is_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reader(dir.path());
    typ(&mut app, "/");
    typ(&mut app, "fish farmers");
    press(&mut app, KeyCode::Enter);
    let older = app.take_search().expect("the search is left to a worker");
    let s = screen(&app);
    assert!(
        s.contains("searching “fish farmers”… 0 of 3 articles"),
        "{s}"
    );
    // Esc stops it and the list answers at once
    press(&mut app, KeyCode::Esc);
    assert!(list_open(&app) && app.corpus().unwrap().search.is_none());
    typ(&mut app, "j");
    assert_eq!(app.corpus().unwrap().selected(), Some(1));
    // another search; what the first one finds arrives late and is dropped
    typ(&mut app, "/");
    for _ in 0.."fish farmers".len() {
        press(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "Chile");
    press(&mut app, KeyCode::Enter);
    let newer = app.take_search().unwrap();
    assert!(app.take_search().is_none(), "one worker per search");
    let stale = super::corpus::search::Found {
        ticket: older.ticket,
        searched: 3,
        matches: super::corpus::search::find_lines("fish farmers", "fish", 0, 1),
        finished: true,
    };
    app.update(Action::CorpusFound(stale));
    let search = app.corpus().unwrap().search.clone().unwrap();
    assert!(search.running && search.matches.is_empty(), "{search:?}");
    typ(&mut app, "j"); // on the (empty) matches, while it runs
    finish_search(&mut app, newer);
    let search = app.corpus().unwrap().search.clone().unwrap();
    assert_eq!(search.query, "Chile");
    assert!(!search.running && search.searched == 3, "{search:?}");
    assert!(search.matches.iter().all(|m| m.context.contains("Chile")));
    assert!(screen(&app).contains("of “Chile”"), "{}", screen(&app));
    // the older worker, run now, stops at once: nothing of it reaches the list
    finish_search(&mut app, older);
    assert_eq!(app.corpus().unwrap().search.as_ref(), Some(&search));
}

#[test]
fn unsaved_edits_are_asked_about_before_another_article_opens() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reader(dir.path());
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "a");
    assert!(app.store().unwrap().is_dirty());
    typ(&mut app, "}");
    assert!(screen(&app).contains(super::questions::LEAVE_UNSAVED.title));
    typ(&mut app, "c");
    assert!(
        app.article().text.starts_with("Norway accepts"),
        "cancel stays"
    );
    typ(&mut app, "}");
    typ(&mut app, "s");
    assert!(app.article().text.starts_with("Chile offers"));
    let saved = std::fs::read_to_string(dir.path().join("brief.md.parley.toml")).unwrap();
    assert!(saved.contains("status = \"accepted\""), "{saved}");
    // the list counts the article left as it was saved
    command(&mut app, "ls");
    let corpus = app.corpus().unwrap();
    let brief = &corpus.entries[0];
    assert_eq!(
        brief.counts.as_ref().unwrap().by_status[1],
        1,
        "one accepted"
    );
}

/// The list's row of the article whose file name holds `name`.
fn row_of(app: &App, name: &str) -> String {
    let s = screen(app);
    s.lines()
        .find(|l| l.contains(&format!("({name})")))
        .unwrap_or_else(|| panic!("no row for {name}: {s}"))
        .to_string()
}

#[test]
fn the_list_counts_what_is_saved_and_marks_what_the_reader_holds_unsaved() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reader(dir.path());
    assert!(row_of(&app, "brief.md").contains(super::strings::NO_STORE_YET));
    press(&mut app, KeyCode::Enter);
    command(&mut app, "ls");
    // the open article's suggestions, detected and never saved: counted, marked apart
    let open = row_of(&app, "brief.md");
    assert!(open.contains("·* ") && open.contains(" sugg"), "{open}");
    // left unsaved, it counts what its store file holds again: nothing
    press(&mut app, KeyCode::Esc);
    typ(&mut app, "}");
    command(&mut app, "ls");
    let left = row_of(&app, "brief.md");
    assert!(left.contains(super::strings::NO_STORE_YET), "{left}");
    assert!(!left.contains('*'), "{left}");
    // saved, the counts are the store file's, with no mark
    press(&mut app, KeyCode::Esc);
    let ctrl = crossterm::event::KeyModifiers::CONTROL;
    super::test_support::press_mod(&mut app, KeyCode::Char('s'), ctrl);
    command(&mut app, "ls");
    let saved = row_of(&app, "page.html");
    assert!(saved.contains("·  ") && saved.contains(" sugg"), "{saved}");
    press(&mut app, KeyCode::Esc);
    typ(&mut app, "}");
    command(&mut app, "ls");
    let saved = row_of(&app, "page.html");
    assert!(!saved.contains('*') && saved.contains(" sugg"), "{saved}");
}
