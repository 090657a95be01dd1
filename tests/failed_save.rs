//! A save that fails, end to end in a pseudo-terminal: the reader offers to save
//! elsewhere (from the store's own path), to retry, or to keep editing, and nothing
//! typed is lost; where no file can grow, it never claims the journal has the edits.

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

#[test]
fn past_the_file_size_limit_the_reader_never_says_the_journal_keeps_edits_it_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("talks.txt");
    std::fs::write(&article, ARTICLE).unwrap();
    let saved = support::parley_in(dir.path(), &["detect", "--save", "talks.txt"]);
    assert!(saved.status.success(), "{saved:?}");
    let store = dir.path().join("talks.txt.parley.toml");
    let before = std::fs::read(&store).unwrap();
    // A file-size limit of nothing (`ulimit -f 0`, which needs no privilege): every
    // write to a file fails (EFBIG), the journal's and the store's as on a full disk.
    let script = format!(
        "ulimit -f 0 && exec '{}' talks.txt",
        env!("CARGO_BIN_EXE_parley")
    );
    let mut t = Term::start_program("/bin/sh", &["-c", &script], 120, 30, dir.path(), &[]);
    t.wait_text("READ");
    t.send("\t");
    t.send("a");
    t.wait_text("[+] unsaved, 1 edit not in the journal");
    t.send("\x13"); // Ctrl-S: no room for the store either
    t.wait_text("Cannot save");
    t.wait_text("1 edit is not in the journal: a crash would lose it");
    assert!(!t.contents().contains("the journal keeps every edit"));
    t.send("k"); // keep editing: the edit is still there, still said at risk
    t.wait_text("[+] unsaved, 1 edit not in the journal");
    t.send("q");
    t.wait_text("Unsaved changes");
    t.send("d");
    assert_eq!(t.wait_exit(), 0, "{}", t.contents());
    assert_eq!(
        std::fs::read(&store).unwrap(),
        before,
        "the store as it was"
    );
}
