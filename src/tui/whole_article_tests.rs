//! A large article opens on its start: the whole text, when it arrives, takes the
//! start's place at the same line, and the status bar tells how far the detector has
//! got, by actions into `App`.

use super::action::{Action, PromptKey};
use super::app::App;
use super::app::loading::Loading;
use super::app_tests::{cmd, render, screen_text};
use crate::article::Article;
use crate::config::Config;
use crate::keys::Command;
use crate::store::{OpenOptions, Store};
use std::sync::Arc;

/// The start of an article (cut after a line break) and the whole of it.
fn start_and_whole() -> (Article, Article) {
    use crate::article::Source;
    let mut text = String::from("Talks go on\n\n");
    for n in 0..400 {
        text.push_str(&format!("Paragraph {n} of the talks, said the envoy.\n\n"));
    }
    let cut = text[..text.len() / 3].rfind('\n').unwrap() + 1;
    let start = Article::from_bytes(Source::Stdin, &text.as_bytes()[..cut]);
    let whole = Article::from_bytes(Source::Stdin, text.as_bytes());
    (start, whole)
}

#[test]
fn the_whole_article_replaces_its_start_at_the_same_place() {
    let (start, whole) = start_and_whole();
    let whole_len = whole.text.len();
    let mut a = App::new(Arc::new(start), Config::default(), (80, 24), true);
    a.update(Action::RestToCome);
    assert!(screen_text(&render(&a)).contains("loading…"));
    for _ in 0..30 {
        cmd(&mut a, Command::ScrollDown);
    }
    let offset = a.top_offset();
    assert!(offset > 0);
    cmd(&mut a, Command::Search);
    for c in "paragraph".chars() {
        a.update(Action::Prompt(PromptKey::Char(c)));
    }
    a.update(Action::Prompt(PromptKey::Submit));
    let in_start = a.search().matches.len();
    let current = a.search().current.map(|c| a.search().matches[c].start);
    a.update(Action::ArticleReady(Arc::new(whole)));
    assert!(!a.loading().rest_to_come());
    assert_eq!(a.article().text.len(), whole_len);
    assert_eq!(
        a.search().matches.len(),
        400,
        "searched again over the whole"
    );
    assert!(in_start < 400);
    assert_eq!(
        a.search().current.map(|c| a.search().matches[c].start),
        current
    );
    assert_eq!(
        a.top_offset(),
        a.search().matches[a.search().current.unwrap()].start
    );
    cmd(&mut a, Command::Bottom);
    assert!(screen_text(&render(&a)).contains("Paragraph 399"));
    assert!(!screen_text(&render(&a)).contains("loading…"));
}

#[test]
fn a_place_beyond_the_start_is_taken_up_when_the_rest_arrives() {
    let (start, whole) = start_and_whole();
    let far = whole.text.find("Paragraph 350 ").unwrap();
    let mut a = App::new(Arc::new(start), Config::default(), (80, 24), true);
    a.update(Action::RestToCome);
    a.update(Action::Resume(crate::tui::session::Place {
        offset: far,
        ..Default::default()
    }));
    assert_eq!(a.top_offset(), 0, "not here yet");
    a.update(Action::ArticleReady(Arc::new(whole)));
    assert_eq!(a.top_offset(), far);

    // the rest could not be read: the start stays, with the reason
    let (start, _) = start_and_whole();
    let mut a = App::new(Arc::new(start), Config::default(), (80, 24), true);
    a.update(Action::RestToCome);
    a.update(Action::ArticleFailed(
        "cannot read the rest of the article: gone".into(),
    ));
    assert!(matches!(a.loading(), Loading::Without));
    let (msg, _) = a.message().cloned().unwrap();
    assert!(msg.contains("gone; showing the start only"), "{msg}");
}

#[test]
fn the_status_bar_tells_how_far_detection_has_got() {
    let mut a = App::new(
        Arc::new(Article::bundled()),
        Config::default(),
        (100, 24),
        true,
    );
    assert!(screen_text(&render(&a)).contains("detecting…"));
    a.update(Action::Progress(a.article().text.len() * 42 / 100 + 1));
    assert!(screen_text(&render(&a)).contains("detecting 42%…"));
    a.update(Action::RestToCome);
    let text = screen_text(&render(&a));
    assert!(
        text.contains("loading…") && !text.contains("detecting"),
        "{text}"
    );
}

#[test]
fn opening_a_store_reports_the_detectors_progress() {
    let dir = tempfile::tempdir().unwrap();
    let article = Article::bundled();
    let options = OpenOptions {
        store: Some(dir.path().join("s.parley.toml")),
        suggest: Some(crate::detect::detect_with_progress),
        ..OpenOptions::default()
    };
    let mut seen = Vec::new();
    let store = Store::open_with_progress(&article, &options, &mut |n| seen.push(n));
    assert!(!store.annotations().quotes.is_empty());
    assert_eq!(seen.last(), Some(&article.text.len()));
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
}
