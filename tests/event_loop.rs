//! The reader's event loop, end to end: the first frame, a resize before the first
//! read, an idle reader, signals, and Ctrl-C in a prompt.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::time::Duration;
use support::Term;

/// The end of each frame: ratatui hides the cursor after writing one.
const FRAME_END: &[u8] = b"\x1b[?25l";

/// The screen as the first frame left it.
fn first_frame(raw: &[u8], cols: u16, rows: u16) -> Option<vt100::Parser> {
    let end = raw.windows(FRAME_END.len()).position(|w| w == FRAME_END)?;
    let mut parser = vt100::Parser::new(rows, cols, 0);
    parser.process(&raw[..end + FRAME_END.len()]);
    Some(parser)
}

#[test]
fn the_first_frame_of_a_small_article_has_its_highlights() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Term::start(&[], 100, 30, dir.path(), &[]);
    t.wait_text("READ");
    t.wait_bytes("the end of the first frame", FRAME_END);
    let raw = t.raw();
    let first = first_frame(&raw, 100, 30).expect("a whole frame");
    let screen = first.screen();
    assert!(screen.contents().contains("Engaging in these talks"));
    assert!(
        support::coloured(screen, "Engaging in these talks"),
        "the quote is highlighted in the first frame:\n{}",
        screen.contents()
    );
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}

/// An invented story of about 200 KiB: under the size the reader detects before its
/// first frame, and long enough that detecting it takes a while.
fn write_long_story(path: &std::path::Path) {
    let mut text = String::from("Harbour dispute drags on\n\n");
    let mut n = 0;
    while text.len() < 200 * 1024 {
        n += 1;
        text.push_str(&format!(
            "\"We will not sign round {n},\" said Ana Ruiz, the dockers' leader. \
             The port authority said it would wait.\n\n"
        ));
    }
    std::fs::write(path, text).unwrap();
}

/// A resize that comes before the reader first reads the terminal (here while it
/// detects the article before its first frame, once it has measured the terminal on
/// taking it over) is not lost: the reader draws at the new size without a key pressed.
#[test]
fn a_resize_before_the_first_read_is_drawn() {
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("story.txt");
    write_long_story(&story);
    let mut t = Term::start(&[story.to_str().unwrap()], 80, 24, dir.path(), &[]);
    // the alternate screen: the terminal is taken over and measured, the frame to come
    t.wait_for("the alternate screen", |s| s.alternate_screen());
    t.resize(100, 30);
    t.wait_last_row("READ");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}

/// Context switches of every thread of a process: a thread that wakes, even to go
/// back to sleep at once, adds one.
fn context_switches(pid: u32) -> u64 {
    let mut total = 0;
    for task in std::fs::read_dir(format!("/proc/{pid}/task")).unwrap() {
        let status = std::fs::read_to_string(task.unwrap().path().join("status"));
        for line in status.unwrap_or_default().lines() {
            if line.contains("ctxt_switches:") {
                let n = line.split_whitespace().nth(1).unwrap_or("0");
                total += n.parse::<u64>().unwrap_or(0);
            }
        }
    }
    total
}

/// Waits (20 s at most) until the process makes no context switch for 300 ms.
fn wait_until_quiet(pid: u32) {
    let start = std::time::Instant::now();
    let mut last = context_switches(pid);
    loop {
        std::thread::sleep(Duration::from_millis(300));
        let now = context_switches(pid);
        if now == last {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the reader never went quiet after starting"
        );
        last = now;
    }
}

#[cfg(target_os = "linux")]
#[test]
fn an_idle_reader_does_not_wake_up() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Term::start(&[], 100, 30, dir.path(), &[]);
    t.wait_text("READ");
    // start-up (threads starting, the first frame going out) is over once the reader
    // has been quiet for a while; a reader that is never quiet fails here
    wait_until_quiet(t.pid());
    let before = context_switches(t.pid());
    std::thread::sleep(Duration::from_secs(1));
    let after = context_switches(t.pid());
    assert_eq!(before, after, "the reader woke up while nothing happened");
    // and it still answers
    t.send("G");
    t.wait_text("Reporting by");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn fatal_signals_give_the_terminal_back_and_end_the_reader_by_the_signal() {
    for signal in ["USR1", "USR2", "ALRM", "VTALRM", "PROF"] {
        let dir = tempfile::tempdir().unwrap();
        let mut t = Term::start(&[], 80, 24, dir.path(), &[]);
        t.wait_text("READ");
        let ok = std::process::Command::new("kill")
            .args([format!("-{signal}"), t.pid().to_string()])
            .status()
            .unwrap()
            .success();
        assert!(ok);
        let status = t.wait_status();
        assert!(status.signal().is_some(), "SIG{signal}: {status:?}");
        assert!(
            !t.screen(|s| s.alternate_screen()),
            "SIG{signal}: alternate screen left"
        );
        assert!(!t.screen(|s| s.hide_cursor()), "SIG{signal}: cursor shown");
    }
}

#[test]
fn ctrl_c_cancels_the_search_prompt_and_quits_only_when_reading() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Term::start(&[], 100, 30, dir.path(), &[]);
    t.wait_text("READ");
    t.send("/");
    t.send("boat");
    t.wait_text("/boat");
    t.send("\x03");
    t.wait_text("READ");
    assert!(t.child.try_wait().unwrap().is_none(), "still running");
    t.send("\x03");
    assert_eq!(t.wait_exit(), 130);
}
