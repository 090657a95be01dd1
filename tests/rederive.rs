//! The sides editor re-deriving the suggestions' sides, end to end in a pseudo-terminal:
//! a story about two countries no gazetteer knows opens with wrong sides; deleting
//! them and adding the two right ones with their demonyms, and nothing else, gives at
//! least three quotes to each, and the saved store says so.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use support::Term;

const STORY: &str = include_str!("fixtures/river-talks.txt");

/// Wrong sides, as a guess might make them: the dateline city and the mediator.
const WRONG: &str = "[[party]]\nid = \"bransk\"\nname = \"Bransk\"\n\n\
[[party]]\nid = \"council\"\nname = \"Northern Council\"\n";

/// The number after `name` in the status bar's counts ("Talvera 4 · …").
fn count_of(status: &str, name: &str) -> usize {
    let after = status.split(name).nth(1).unwrap_or("");
    after
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

#[test]
fn fixing_the_sides_in_the_editor_gives_each_side_its_quotes() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("river.txt");
    std::fs::write(&article, STORY).unwrap();
    let wrong = dir.path().join("wrong.toml");
    std::fs::write(&wrong, WRONG).unwrap();
    let args = [
        article.to_str().unwrap(),
        "--parties",
        wrong.to_str().unwrap(),
    ];
    let mut t = Term::start(&args, 100, 30, dir.path(), &[]);
    t.wait_text("Bransk");

    t.send("S");
    t.wait_text("Sides of the story");
    for gone in ["Bransk", "Northern Council"] {
        t.send("d");
        t.wait_text(&format!("side {gone} deleted"));
    }
    t.wait_text("No sides yet");
    for (name, demonym) in [("Talvera", "Talveran"), ("Corvessa", "Corvessan")] {
        t.send("a");
        t.wait_text("Name of the new side");
        t.send(name);
        t.send("\r");
        t.wait_text(&format!("{name}  ("));
        t.send("e");
        t.wait_text(&format!("Other names of {name}"));
        t.send(demonym);
        t.send("\r");
        t.wait_text(&format!("also {demonym}"));
        t.wait_text("changed side");
    }
    t.send("\x1b"); // the editor
    t.wait_for("the editor closed", |s| {
        !s.contents().contains("Sides of the story")
    });
    t.send("\x1b"); // the message, so the status bar counts the sides
    t.wait_text("Talvera ");
    let status = t.contents().lines().last().unwrap_or_default().to_string();
    let (talvera, corvessa) = (count_of(&status, "Talvera"), count_of(&status, "Corvessa"));
    assert!(talvera >= 3 && corvessa >= 3, "{status}");

    t.send("\x13"); // Ctrl-S
    t.wait_text("saved");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    let store = std::fs::read_to_string(dir.path().join("river.txt.parley.toml")).unwrap();
    let parsed: toml::Table = store.parse().unwrap();
    let quotes = parsed["quote"].as_array().unwrap();
    let of = |side: &str| {
        quotes
            .iter()
            .filter(|q| q.get("party").and_then(|p| p.as_str()) == Some(side))
            .count()
    };
    assert!(of("talvera") >= 3 && of("corvessa") >= 3, "{store}");
    assert!(
        quotes.iter().all(|q| q
            .get("party")
            .and_then(|p| p.as_str())
            .is_none_or(|p| ["talvera", "corvessa"].contains(&p))),
        "no other side"
    );
}
