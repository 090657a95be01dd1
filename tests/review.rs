//! What of the review flow and the `less` habits needs a real terminal: the escape
//! sequences of `--color never` (each side's quotes must still look different), F1,
//! and the control keys of a prompt, through the real binary in a pseudo-terminal.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use support::Term;

/// Bold, italic and underline of the first cell of `text` on screen.
fn attributes(s: &vt100::Screen, text: &str) -> Option<(bool, bool, bool)> {
    let (rows, cols) = s.size();
    for row in 0..rows {
        let line: String = (0..cols)
            .map(|c| {
                s.cell(row, c)
                    .map_or(" ".to_string(), |c| c.contents().to_string())
            })
            .map(|c| if c.is_empty() { " ".to_string() } else { c })
            .collect();
        if let Some(i) = line.find(text) {
            let col = line[..i].chars().count() as u16;
            let cell = s.cell(row, col)?;
            return Some((cell.bold(), cell.italic(), cell.underline()));
        }
    }
    None
}

#[test]
fn without_colour_the_quotes_of_each_side_look_different() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Term::start(&["--color", "never"], 100, 30, dir.path(), &[]);
    t.wait_for("quotes drawn", |s| {
        attributes(s, "Engaging").is_some_and(|a| a.2)
    });
    let (us, cuba) = t.screen(|s| {
        (
            attributes(s, "Engaging in these talks").unwrap(),
            attributes(s, "Progress was made").unwrap(),
        )
    });
    assert!(us.2 && cuba.2, "both underlined as quotes: {us:?} {cuba:?}");
    assert_ne!(us, cuba, "the United States' quote and Cuba's look alike");
    let raw = String::from_utf8_lossy(&t.raw()).to_string();
    for colour in ["38;5;", "38;2;", "48;5;", "48;2;"] {
        assert!(!raw.contains(colour), "a colour was sent: {colour}");
    }
    // the legend shows which look is which side's
    t.send("L");
    t.wait_text("“quote”  United States");
    t.send("q");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn f1_opens_help_h_too_and_question_mark_searches_backward() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Term::start(&[], 100, 30, dir.path(), &[]);
    t.wait_text("h help");
    t.send("\x1bOP"); // F1
    t.wait_text("Search backward");
    t.send("\x1b");
    t.wait_for("help closed", |s| !s.contents().contains("Search backward"));
    t.send("?Havana");
    t.wait_text("?Havana");
    t.wait_text("the match is below");
    t.send("\r");
    t.wait_text("match 3/3");
    t.send("n");
    t.wait_text("match 2/3");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn ctrl_u_and_ctrl_w_edit_a_prompt() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Term::start(&[], 100, 30, dir.path(), &[]);
    t.wait_text("READ");
    t.send("/Cuban talks");
    t.wait_text("/Cuban talks");
    t.send("\x17"); // Ctrl-w
    t.wait_for("the last word gone", |s| {
        let c = s.contents();
        c.contains("/Cuban ") && !c.contains("/Cuban talks")
    });
    t.send("\x15"); // Ctrl-u
    t.wait_for("the prompt empty", |s| !s.contents().contains("/Cuban"));
    t.send("\x1b");
    t.wait_last_row("READ"); // the prompt closed, so "q" is not read with the Escape
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}
