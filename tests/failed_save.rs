//! A save that fails, end to end in a pseudo-terminal: the reader offers to save
//! elsewhere (from the store's own path), to retry, or to keep editing, and nothing
//! typed is lost.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use support::Term;

const ARTICLE: &str = "Harbour talks resume\n\n\
“We will talk again on Monday,” the minister said in a statement.\n";

#[test]
fn a_failed_save_offers_save_elsewhere_retry_and_keep_editing() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("talks.txt");
    std::fs::write(&article, ARTICLE).unwrap();
    let shelf = dir.path().join("shelf");
    std::fs::create_dir(&shelf).unwrap();
    let store = shelf.join("talks.parley.toml");
    let args = [
        "--store",
        store.to_str().unwrap(),
        article.to_str().unwrap(),
    ];
    let mut t = Term::start(&args, 100, 30, dir.path(), &[]);
    t.wait_text("READ");
    t.send("\t");
    t.send("a");
    t.wait_text("[+] unsaved");
    // the store's directory becomes a file: no save can go there now
    std::fs::remove_dir_all(&shelf).unwrap();
    std::fs::write(&shelf, "").unwrap();
    t.send("\x13"); // Ctrl-S
    t.wait_text("Cannot save");
    t.wait_text("save elsewhere");
    t.wait_text("retry");
    t.wait_text("keep editing");
    t.send("r"); // retry: the same failure, the same question
    t.wait_text("Cannot save");
    t.send("k"); // keep editing: nothing lost
    t.wait_text("[+] unsaved");
    t.send("\x13");
    t.wait_text("Cannot save");
    t.send("s");
    t.wait_text("Save the store as");
    t.wait_text("talks.parley.toml"); // starts from the store's own path
    let start = store.display().to_string();
    for _ in 0..start.chars().count() {
        t.send("\x7f");
    }
    let elsewhere = dir.path().join("elsewhere.parley.toml");
    t.send(&format!("{}\r", elsewhere.display()));
    t.wait_text("saved");
    t.send("q");
    assert_eq!(t.wait_exit(), 0, "nothing unsaved: quitting asks nothing");
    let saved = std::fs::read_to_string(&elsewhere).unwrap();
    assert!(saved.contains("status = \"accepted\""), "{saved}");
}
