//! `parley DIR` in a real terminal: the list of the folder's articles (a text article,
//! a web page and a Markdown file written for these tests) with their counts read in
//! the background, Enter opens one, `:n` and `}` go to the next, `:ls` back to the
//! list (where an article with the detector's suggestions alone is not started, and in
//! progress once one is accepted), and quitting leaves the terminal as it was.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::path::Path;
use support::Term;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/corpus");

#[test]
fn the_list_opens_an_article_and_n_goes_to_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let news = dir.path().join("news");
    std::fs::create_dir(&news).unwrap();
    for name in ["brief.md", "page.html", "talks.txt"] {
        std::fs::copy(Path::new(FIXTURES).join(name), news.join(name)).unwrap();
    }
    // one store, so the background read has counts to show
    let out = support::parley_in(dir.path(), &["detect", "news/talks.txt", "--save"]);
    assert!(out.status.success());

    let mut t = Term::start(&["news"], 120, 24, dir.path(), &[]);
    t.wait_text("3 of 3 articles");
    t.wait_text("(brief.md)");
    t.wait_for("the store's counts", |s| s.contents().contains("sugg"));
    t.send("\r");
    t.wait_text("brief.md │");
    t.wait_text("Norway accepted Chile's offer");
    t.send(":n\r");
    t.wait_text("page.html │");
    t.wait_text("Chile offered Norway a salmon quota");
    t.send("}");
    t.wait_text("talks.txt │");
    t.send(":ls\r");
    t.wait_text("3 of 3 articles");
    // the detector's suggestions alone: not started
    t.wait_for("the cursor on the open article, not started", |s| {
        s.contents().contains("▸·")
    });
    t.send("\x1b");
    t.wait_text("talks.txt │");
    // a person accepts one suggestion: in progress, saved or not
    t.send("\t");
    t.wait_text("suggested");
    t.send("a");
    t.wait_text("accepted");
    t.send(":ls\r");
    t.wait_for("the open article in progress", |s| {
        s.contents().contains("▸◐")
    });
    t.send("\x1b");
    t.wait_text("talks.txt │");
    t.send("\x13");
    t.wait_text("saved");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    assert!(!t.screen(|s| s.alternate_screen()), "alternate screen left");
}
