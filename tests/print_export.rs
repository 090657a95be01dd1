//! `print` and `export` as a user runs them (issue 23's small items): `print
//! --parties`, the usage line a refused command line shows, and the Markdown brief
//! (quotation marks never doubled, a note's line breaks kept).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Output;

const STORY: &str = "Elbonia and Freedonia resume border talks\n\n\
GRUNTVILLE (Wire) - Elbonia and Freedonia reopened talks on Monday.\n\n\
\"We came to listen,\" said Ana Ruiz, a spokeswoman for Elbonia.\n\n\
\"Our patience is not endless,\" said Boris Tal, a spokesman for Freedonia.\n\n\
Freedonia said it wanted the border reopened.\n";

const PARTIES: &str = "[[party]]\nid = \"el\"\nname = \"Elbonia\"\nlabel = \"ELB\"\n\n\
[[party]]\nid = \"fr\"\nname = \"Freedonia\"\n";

mod support;

use support::parley_in as parley;

/// The story and the parties file in a new folder.
fn story_and_sides() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("story.txt"), STORY).unwrap();
    std::fs::write(dir.path().join("sides.toml"), PARTIES).unwrap();
    dir
}

/// `print story.txt --parties sides.toml --color never` in `dir`.
fn print_with_sides(dir: &Path) -> Output {
    parley(
        dir,
        &[
            "print",
            "story.txt",
            "--parties",
            "sides.toml",
            "--color",
            "never",
        ],
    )
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn print_takes_the_sides_of_a_parties_file() {
    let dir = story_and_sides();
    let without = parley(dir.path(), &["print", "story.txt", "--color", "never"]);
    assert!(without.status.success());
    assert!(!text(&without.stdout).contains("Sides: 1 Elbonia · 2 Freedonia"));
    let with = print_with_sides(dir.path());
    assert!(with.status.success(), "{}", text(&with.stderr));
    let out = text(&with.stdout);
    assert!(out.contains("Sides: 1 Elbonia · 2 Freedonia"), "{out}");
    assert!(
        out.contains("2│ {Freedonia} said"),
        "a position of Freedonia's: {out}"
    );
    let bad = parley(
        dir.path(),
        &["print", "story.txt", "--parties", "nope.toml"],
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        text(&bad.stderr).contains("nope.toml"),
        "{}",
        text(&bad.stderr)
    );
}

#[test]
fn print_says_when_the_store_has_sides_of_its_own() {
    let dir = story_and_sides();
    let detected = parley(dir.path(), &["detect", "story.txt"]);
    std::fs::write(dir.path().join("story.txt.parley.toml"), &detected.stdout).unwrap();
    let out = print_with_sides(dir.path());
    assert!(out.status.success());
    assert!(
        text(&out.stderr).contains("the store has sides of its own"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_refused_command_line_shows_the_usage_with_its_options_optional() {
    let dir = tempfile::tempdir().unwrap();
    for (args, usage) in [
        (
            &["print", "--width", "40", "--nope"][..],
            "Usage: parley print [OPTIONS] [ARTICLE]",
        ),
        (
            &["export", "--format", "json", "--nope"][..],
            "Usage: parley export [OPTIONS] [ARTICLE]",
        ),
        (
            &["--color", "never", "--nope"][..],
            "Usage: parley [OPTIONS]",
        ),
    ] {
        let out = parley(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = text(&out.stderr);
        assert!(err.contains(usage), "{args:?}: {err}");
        assert!(!err.contains("--width <N> [ARTICLE]"), "{err}");
        assert!(!err.contains("--format <FORMAT> [ARTICLE]"), "{err}");
    }
}

#[test]
fn the_markdown_brief_never_doubles_quotation_marks_and_keeps_a_notes_lines() {
    let dir = tempfile::tempdir().unwrap();
    let story = "Talks resume\n\n\
Minister Ana Ruiz described the talks as \u{201c}a fruitful session.\u{201d}\n\n\
\u{201c}We will not bend,\u{201d} said Boris Tal, a spokesman.\n";
    std::fs::write(dir.path().join("story.txt"), story).unwrap();
    let detected = text(&parley(dir.path(), &["detect", "story.txt"]).stdout);
    // a position that holds a quotation at its end, and a note of two lines
    let position = "Minister Ana Ruiz described the talks as \u{201c}a fruitful session.\u{201d}";
    let start = story.find(position).unwrap();
    let mut store = detected.clone();
    store.push_str(&format!(
        "\n[[position]]\nid = \"p90\"\nstart = {start}\nend = {}\ntext = \"{}\"\norigin = \"manual\"\nstatus = \"accepted\"\nnote = \"first line\\nsecond line\"\n",
        start + position.len(),
        position
    ));
    std::fs::write(dir.path().join("story.txt.parley.toml"), store).unwrap();
    let out = parley(dir.path(), &["export", "story.txt", "--format", "markdown"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let md = text(&out.stdout);
    for doubled in [
        "\u{201c}\u{201c}",
        "\u{201d}\u{201d}",
        "\"\u{201c}",
        "\u{201d}\"",
    ] {
        assert!(!md.contains(doubled), "{doubled} in:\n{md}");
    }
    assert!(
        md.contains(&format!("- {position}")),
        "the position as it stands:\n{md}"
    );
    assert!(
        md.contains("  Note: first line  \n  second line"),
        "the note's two lines:\n{md}"
    );
}
