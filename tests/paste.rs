//! Pasting into the reader, end to end in a pseudo-terminal (issue #21): the test
//! plays the terminal, which marks a paste (`ESC [200~ … ESC [201~`) only when the
//! program turned bracketed paste on, and otherwise sends the text as typed keys —
//! as real terminals do. A paste is text for the focused field, never commands; and
//! bracketed paste is turned off again however the reader ends.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use support::Term;

const ARTICLE: &str = "Harbour talks resume\n\n\
“We will talk again on Monday,” the minister said in a statement.\n\n\
“Nothing is agreed yet,” an official said.\n\n\
Officials said the plan was sound and would be signed soon.\n";

const ON: &str = "\x1b[?2004h";
const OFF: &str = "\x1b[?2004l";

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("talks.txt"), ARTICLE).unwrap();
    dir
}

fn open(dir: &std::path::Path) -> Term {
    let t = Term::start(&["talks.txt"], 100, 30, dir, &[]);
    t.wait_text("READ");
    t.wait_for("annotations loaded", |s| {
        !s.contents().contains("detecting")
    });
    t
}

/// Whether the program has bracketed paste on now: the last switch it sent.
fn bracketed(t: &Term) -> bool {
    let raw = String::from_utf8_lossy(&t.raw()).to_string();
    raw.rfind(ON)
        .is_some_and(|on| raw.rfind(OFF).is_none_or(|off| on > off))
}

/// Pastes `text` as a terminal would: marked when bracketed paste is on, else as keys.
/// Line breaks go as CR, as terminals send them.
fn paste(t: &mut Term, text: &str) {
    let text = text.replace('\n', "\r");
    if bracketed(t) {
        t.send(&format!("\x1b[200~{text}\x1b[201~"));
    } else {
        t.send(&text);
    }
}

#[test]
fn a_paste_into_the_note_editor_is_text_and_never_runs_as_keys() {
    let dir = setup();
    let mut t = open(dir.path());
    // three edits, as in the report
    for key in ["a", "a", "x"] {
        t.send("\t");
        t.send(key);
    }
    t.wait_text("[+] unsaved");
    t.send("e");
    t.wait_text("Note (");
    // after the line break the report's paste went on as `q` (quit?) and `d` (discard)
    paste(&mut t, "Source:\nquoted directly\nq\nd");
    t.wait_text("quoted directly");
    let screen = t.contents();
    assert!(
        screen.contains("Note ("),
        "the note editor is still open:\n{screen}"
    );
    let row = |s: &str| screen.lines().position(|l| l.contains(s));
    assert!(
        row("Source:") < row("quoted directly"),
        "two lines:\n{screen}"
    );
    t.send("\r");
    t.wait_text("note saved");
    t.send("q");
    t.wait_text("Unsaved changes");
    t.send("s");
    assert_eq!(t.wait_exit(), 0);
    let store = std::fs::read_to_string(dir.path().join("talks.txt.parley.toml")).unwrap();
    assert!(
        store.contains("note = \"Source:\\nquoted directly\\nq\\nd\""),
        "{store}"
    );
}

#[test]
fn a_paste_while_reading_or_in_a_one_line_field_is_never_a_command() {
    let dir = setup();
    let mut t = open(dir.path());
    t.send("\t");
    t.send("a");
    t.wait_text("[+] unsaved");
    // while reading: refused, said so, nothing run
    paste(&mut t, "qd\n");
    t.wait_text("pasted text goes into a field");
    assert!(!t.contents().contains("Unsaved changes"));
    // the `:` line: one line, the break a space, nothing run until Enter
    t.send(":");
    paste(&mut t, "q!\nq!");
    t.wait_text("q! q!");
    t.send("\x1b");
    t.wait_for("the line closed", |s| !s.contents().contains("q! q!"));
    // the search prompt: the text searched for, the break a space
    t.send("/");
    paste(&mut t, "talk\nagain");
    t.wait_text("talk again");
    t.send("\r");
    t.send("q");
    t.wait_text("Unsaved changes");
    t.send("d");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn bracketed_paste_is_turned_off_however_the_reader_ends() {
    fn ends_off(t: &Term) -> bool {
        let raw = String::from_utf8_lossy(&t.raw()).to_string();
        raw.contains(ON) && raw.rfind(OFF) > raw.rfind(ON)
    }
    let dir = setup();
    // quit, Ctrl-C, and the signals that end it
    let mut t = open(dir.path());
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    assert!(ends_off(&t), "q");
    let mut t = open(dir.path());
    t.send("\x03");
    assert_eq!(t.wait_exit(), 130);
    assert!(ends_off(&t), "Ctrl-C");
    for signal in ["TERM", "HUP", "USR1"] {
        let mut t = open(dir.path());
        let ok = std::process::Command::new("kill")
            .args([format!("-{signal}"), t.pid().to_string()])
            .status()
            .unwrap()
            .success();
        assert!(ok);
        t.wait_status();
        assert!(ends_off(&t), "SIG{signal}");
    }
    // Ctrl-Z: off while the shell has the terminal, on again when the reader is back
    let mut t = open(dir.path());
    let before = t.raw().len();
    t.send("\x1a");
    t.wait_for("the screen back", |s| {
        s.alternate_screen() && s.contents().contains("READ")
    });
    let after = String::from_utf8_lossy(&t.raw()[before..]).to_string();
    let off = after.find(OFF).expect("off while suspended");
    assert!(after.rfind(ON).is_some_and(|on| on > off), "on again");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}
