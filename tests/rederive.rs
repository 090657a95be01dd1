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

/// The reader on the story as `dir/river.txt` (written unless it is there), with the sides of `parties` (a parties
/// file's text) given; the article's path with it.
fn open_with_sides(dir: &std::path::Path, parties: &str) -> (Term, std::path::PathBuf) {
    let article = dir.join("river.txt");
    if !article.exists() {
        std::fs::write(&article, STORY).unwrap();
    }
    let sides = dir.join("sides.toml");
    std::fs::write(&sides, parties).unwrap();
    let args = [
        article.to_str().unwrap(),
        "--parties",
        sides.to_str().unwrap(),
    ];
    (Term::start(&args, 100, 30, dir, &[]), article)
}

#[test]
fn fixing_the_sides_in_the_editor_gives_each_side_its_quotes() {
    let dir = tempfile::tempdir().unwrap();
    let (mut t, _) = open_with_sides(dir.path(), WRONG);
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

/// The right sides, with their demonyms.
const RIGHT: &str = "[[party]]\nid = \"talvera\"\nname = \"Talvera\"\naliases = [\"Talveran\"]\n\n\
[[party]]\nid = \"corvessa\"\nname = \"Corvessa\"\naliases = [\"Corvessan\"]\n";

/// A paragraph an editor adds while the reader is open.
const ADDED: &str = "\n\"We will open the gates when the rains come,\" said Lena Varga, a Corvessan water engineer.\n";

#[test]
fn detect_reads_a_paragraph_added_while_the_reader_is_open_and_keeps_accepted_work() {
    let dir = tempfile::tempdir().unwrap();
    let (mut t, article) = open_with_sides(dir.path(), RIGHT);
    t.wait_text("Talvera");
    t.send("\t");
    t.wait_text("suggested");
    t.send("a");
    t.wait_text("accepted");
    t.send(":detect\r");
    t.wait_text("nothing changed");
    // an editor adds a paragraph; the reader has unsaved work
    let mut text = std::fs::read_to_string(&article).unwrap();
    text.push_str(ADDED);
    std::fs::write(&article, text).unwrap();
    t.send(":detect\r");
    t.wait_text("the file changed: Ctrl-s saves, :detect reads it");
    t.send("\x13"); // Ctrl-S
    t.wait_text("saved");
    t.send(":detect\r");
    t.wait_text("suggestions 1 added");
    t.send("G");
    t.wait_text("open the gates");
    t.send("\x13");
    t.wait_text("saved");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);

    let store = std::fs::read_to_string(dir.path().join("river.txt.parley.toml")).unwrap();
    let parsed: toml::Table = store.parse().unwrap();
    let quotes = parsed["quote"].as_array().unwrap();
    let field = |q: &toml::Value, f: &str| {
        q.get(f)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(
        store.matches("status = \"accepted\"").count(),
        1,
        "the accepted annotation kept: {store}"
    );
    let new = quotes
        .iter()
        .find(|q| field(q, "text").contains("open the gates"))
        .expect("the added paragraph's quote");
    assert_eq!(field(new, "status"), "suggested", "{store}");

    // the place (the end, where G went) is kept for the text as it is now
    let (mut t, _) = open_with_sides(dir.path(), RIGHT);
    t.wait_text("open the gates");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}
