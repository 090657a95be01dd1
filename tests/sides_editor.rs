//! The sides editor end to end, in a pseudo-terminal: a story whose countries the
//! gazetteer does not know opens with no sides and says so; `S` adds two, a quote
//! gets the second, and the saved store reopens with them and passes `check`; sides
//! given by `--parties` are then offered and applied.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::path::Path;
use support::Term;

const STORY: &str = "Elbonia and Freedonia resume border talks\n\n\
GRUNTVILLE (Wire) - Elbonia and Freedonia reopened talks on Monday.\n\n\
\"We came to listen,\" said Ana Ruiz, a spokeswoman for Elbonia.\n\n\
\"Our patience is not endless,\" said Boris Tal, a spokesman for Freedonia.\n";

fn open(dir: &Path, article: &Path) -> Term {
    let t = Term::start(&[article.to_str().unwrap()], 100, 30, dir, &[]);
    t.wait_for("annotations loaded", |s| {
        let c = s.contents();
        c.contains("READ") && !c.contains("detecting")
    });
    t
}

#[test]
fn a_story_without_sides_gets_two_from_the_editor_and_keeps_them() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("border.txt");
    std::fs::write(&article, STORY).unwrap();
    let mut t = open(dir.path(), &article);
    t.wait_text("no sides: S adds one");

    t.send("S");
    t.wait_text("Sides of the story");
    t.wait_text("No sides yet: press a to add one.");
    // each side added gives the suggestion of its speaker that side at once
    for (n, name) in [(1, "Elbonia"), (2, "Freedonia")] {
        t.send("a");
        t.wait_text("Name of the new side");
        t.send(name);
        t.send("\r");
        t.wait_text(&format!("{n} {name}  (1)"));
    }
    t.send("\x1b");
    t.wait_for("the editor closed", |s| {
        !s.contents().contains("Sides of the story")
    });

    t.send("\t"); // the first quote
    t.send("2");
    t.wait_text("direct quote · Freedonia ·");
    t.send("\x13"); // Ctrl-S
    t.wait_text("saved");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);

    let store = std::fs::read_to_string(dir.path().join("border.txt.parley.toml")).unwrap();
    let parsed: toml::Table = store.parse().unwrap();
    let names: Vec<&str> = parsed["party"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Elbonia", "Freedonia"]);
    let first_quote = &parsed["quote"].as_array().unwrap()[0];
    assert_eq!(first_quote["party"].as_str(), Some("freedonia"));

    let check = std::process::Command::new(env!("CARGO_BIN_EXE_parley"))
        .args(["check", article.to_str().unwrap()])
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .env_remove("PARLEY_CONFIG")
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );

    let mut again = open(dir.path(), &article);
    again.wait_text("Elbonia 0 · Freedonia 2");
    assert!(!again.contents().contains("no sides"));
    again.send("q");
    assert_eq!(again.wait_exit(), 0);

    // sides given by --parties that differ (an alias, another order) are offered, and
    // applied as one undo step
    let parties = dir.path().join("parties.toml");
    std::fs::write(&parties, PARTIES).unwrap();
    let args = [
        article.to_str().unwrap(),
        "--parties",
        parties.to_str().unwrap(),
    ];
    let mut given = Term::start(&args, 100, 30, dir.path(), &[]);
    given.wait_text("differ from the store's");
    given.send("a");
    given.wait_text("applied the sides given");
    given.send("\x1b"); // the message gives way to the counts
    given.wait_text("Freedonia 2 · Elbonia 0");
    given.send("u");
    given.wait_text("undid: apply the sides given");
    given.send("\x1b");
    given.wait_text("Elbonia 0 · Freedonia 2");
    given.send("q"); // undone back to the saved store: nothing to ask
    assert_eq!(given.wait_exit(), 0);
    let after = std::fs::read_to_string(dir.path().join("border.txt.parley.toml")).unwrap();
    assert_eq!(after, store, "the store file is as saved");
}

const PARTIES: &str = "[[party]]\nid = \"freedonia\"\nname = \"Freedonia\"\naliases = [\"Freedonian\"]\n\n\
[[party]]\nid = \"elbonia\"\nname = \"Elbonia\"\n";
