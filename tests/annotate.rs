//! Annotating end to end, from the keyboard, in a pseudo-terminal: tagging, speakers,
//! sides, notes, undo/redo, saving, reopening, rejecting, crash recovery, conflicts.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::path::{Path, PathBuf};
use support::Term;

const ARTICLE: &str = "Harbour talks resume\n\n\
The minister said the plan was sound and would be signed soon.\n\n\
Officials said “we will talk again on Monday,” according to a statement.\n";

const CONFIG: &str = "[[party]]\nid = \"north\"\nname = \"Northland\"\naliases = [\"Northern\"]\n\n\
[[party]]\nid = \"south\"\nname = \"Southland\"\n";

fn setup() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("config/parley")).unwrap();
    std::fs::write(dir.path().join("config/parley/config.toml"), CONFIG).unwrap();
    let article = dir.path().join("talks.txt");
    std::fs::write(&article, ARTICLE).unwrap();
    (dir, article)
}

fn open(dir: &Path, article: &Path) -> Term {
    let t = Term::start(&[article.to_str().unwrap()], 100, 30, dir, &[]);
    t.wait_text("READ");
    t.wait_for("annotations loaded", |s| {
        let c = s.contents();
        c.contains("READ") && !c.contains("detecting")
    });
    t
}

fn store_text(article: &Path) -> String {
    let mut p = article.as_os_str().to_owned();
    p.push(".parley.toml");
    std::fs::read_to_string(PathBuf::from(p)).unwrap_or_default()
}

#[test]
fn tag_a_quote_with_a_new_speaker_side_and_note_save_and_reopen() {
    let (dir, article) = setup();
    let mut t = open(dir.path(), &article);
    t.send("v"); // cursor mode at the headline, selecting at once
    t.wait_text("SELECT");
    t.send("v"); // drop that selection to move first
    t.wait_text("CURSOR");
    t.send("}"); // the first paragraph
    t.send("v"); // start selecting at "The"
    t.wait_text("SELECT");
    for _ in 0..7 {
        t.send("e"); // to the end of "sound"
    }
    t.send("\"");
    t.wait_text("Tag as a quote");
    t.send("d");
    t.wait_text("quote added");
    t.send("1");
    t.send("@");
    t.wait_text("type to filter");
    t.send("Jane Roe");
    t.wait_text("+ new speaker");
    t.send("\r");
    t.wait_text("New speaker Jane Roe, step 2 of 3: role");
    t.send("minister\r");
    t.wait_text("New speaker Jane Roe, step 3 of 3: side");
    t.send("1");
    t.send("e");
    t.wait_text("Note (Enter saves");
    t.send("checked twice\r");
    t.wait_text("note saved");
    t.send("u");
    t.wait_text("undid");
    t.send("\x12"); // Ctrl-R
    t.wait_text("redid");
    t.wait_text("[+] unsaved");
    t.send("\x13"); // Ctrl-S
    t.wait_text("saved");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);

    let store = store_text(&article);
    assert!(
        store.contains("text = \"The minister said the plan was sound\""),
        "{store}"
    );
    assert!(store.contains("name = \"Jane Roe\""), "{store}");
    assert!(store.contains("note = \"checked twice\""), "{store}");

    let mut t = open(dir.path(), &article);
    t.wait_for("the tagged quote highlighted", |s| {
        support::coloured(s, "The minister said")
    });
    t.send("s");
    t.wait_text("Jane Roe");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn a_rejected_suggestion_stays_rejected_after_reopening() {
    let (dir, article) = setup();
    let mut t = open(dir.path(), &article);
    t.send("s"); // the sidebar lists suggestions
    t.wait_text("we will talk");
    // select the detected quote and reject it
    let mut found = false;
    for _ in 0..6 {
        t.send("\t");
        if t.screen(|s| s.contents().contains("“we will talk")) && selected_is_quote(&t) {
            found = true;
            break;
        }
    }
    assert!(found, "no quote to select:\n{}", t.contents());
    t.send("x");
    t.send("\x13");
    t.wait_text("saved");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    assert!(store_text(&article).contains("status = \"rejected\""));
    let mut t = open(dir.path(), &article);
    t.send("s");
    t.wait_text("✗");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}

/// Whether the reversed (selected) sidebar line is a quote.
fn selected_is_quote(t: &Term) -> bool {
    t.screen(|s| {
        let (rows, cols) = s.size();
        (0..rows).any(|r| {
            let line: String = (0..cols)
                .filter_map(|c| s.cell(r, c))
                .map(|c| c.contents())
                .collect();
            let reversed = (0..cols)
                .filter_map(|c| s.cell(r, c))
                .filter(|c| c.inverse())
                .count()
                > 10;
            reversed && (line.contains(" Q ") || line.contains(" q "))
        })
    })
}

#[test]
fn an_unsaved_edit_survives_kill_9() {
    let (dir, article) = setup();
    let mut t = open(dir.path(), &article);
    t.send("\t");
    t.send("x");
    t.wait_text("[+] unsaved");
    let ok = std::process::Command::new("kill")
        .args(["-9", &t.pid().to_string()])
        .status()
        .unwrap();
    assert!(ok.success());
    t.wait_exit();
    assert!(store_text(&article).is_empty(), "nothing saved");
    let mut t = open(dir.path(), &article);
    t.wait_text("recovered");
    t.send("s");
    t.wait_text("✗");
    t.send("q");
    // the recovered edit is unsaved: quitting asks
    t.wait_text("Unsaved changes");
    t.send("s");
    assert_eq!(t.wait_exit(), 0);
    assert!(store_text(&article).contains("status = \"rejected\""));
}

#[test]
fn a_store_changed_on_disk_gives_the_conflict_prompt() {
    let (dir, article) = setup();
    let mut t = open(dir.path(), &article);
    t.send("\t");
    t.send("a");
    t.send("\x13");
    t.wait_text("saved");
    let mut p = article.as_os_str().to_owned();
    p.push(".parley.toml");
    let path = PathBuf::from(p);
    let mut edited = std::fs::read_to_string(&path).unwrap();
    edited.push_str("\n# edited in another window\n");
    std::fs::write(&path, &edited).unwrap();
    t.send("\t");
    t.send("x");
    t.send("\x13");
    t.wait_text("changed on disk");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        edited,
        "not clobbered"
    );
    t.send("o");
    t.wait_text("saved over");
    assert!(std::fs::read_to_string(&path).unwrap().contains("rejected"));
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}
