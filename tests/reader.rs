//! The reader end to end: the real binary in a pseudo-terminal.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use support::Term;

fn home() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

#[test]
fn start_scroll_search_sides_resize_quit() {
    let dir = home();
    let mut t = Term::start(&[], 100, 30, dir.path(), &[]);
    t.wait_text("U.S., Cuba discuss migration in sign of better ties");
    t.wait_text("READ");
    // detection finishes on the worker thread and the quote is highlighted
    t.wait_for("a highlighted quote", |s| {
        support::coloured(s, "Engaging in these talks")
    });
    assert!(
        t.screen(|s| s.alternate_screen()),
        "reader uses the alternate screen"
    );

    t.send("G");
    t.wait_text("Reporting by Arshad Mohammed");
    t.send("g");
    t.wait_text("WASHINGTON (Reuters)");

    t.send("/");
    t.send("boatlift");
    t.wait_text("[1 match]");
    t.send("\r");
    t.wait_text("match 1/1");
    t.wait_text("Mariel boatlift");

    t.send("p");
    t.wait_text("SIDES");
    t.send("\x1b");
    t.wait_text("READ");

    t.resize(60, 20);
    t.wait_for("reflow at 60 columns", |s| {
        s.contents()
            .lines()
            .all(|l| l.trim_end().chars().count() <= 60)
            && s.contents().contains("READ")
    });
    t.resize(10, 3);
    t.wait_text("too small");
    t.resize(100, 30);
    t.wait_text("READ");

    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    assert!(!t.screen(|s| s.alternate_screen()), "alternate screen left");
    assert!(!t.screen(|s| s.hide_cursor()), "cursor shown again");
}

#[test]
fn help_lists_keys_from_the_live_keymap() {
    let dir = home();
    std::fs::create_dir_all(dir.path().join("config/parley")).unwrap();
    std::fs::write(
        dir.path().join("config/parley/config.toml"),
        "[keys]\nquit = [\"Q\"]\n",
    )
    .unwrap();
    let mut t = Term::start(&[], 100, 40, dir.path(), &[]);
    t.wait_text("READ");
    t.send("h");
    t.wait_text("Scroll down one line");
    t.wait_for("rebinding shown", |s| {
        s.contents()
            .lines()
            .any(|l| l.contains(" Q ") && l.contains("Quit"))
    });
    t.send("\x1b");
    t.wait_text("READ");
    // keys are read in order: once help shows again, `q` was read and did not quit
    t.send("q");
    t.send("h");
    t.wait_text("Scroll down one line");
    assert!(
        t.child.try_wait().unwrap().is_none(),
        "q is no longer bound"
    );
    t.send("\x1b");
    t.wait_for("help closed", |s| {
        !s.contents().contains("Scroll down one line")
    });
    t.send("Q");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn reading_position_is_remembered() {
    let dir = home();
    let mut t = Term::start(&[], 80, 20, dir.path(), &[]);
    t.wait_text("READ");
    t.send("G");
    t.wait_text("Reporting by");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    let t = Term::start(&[], 80, 20, dir.path(), &[]);
    t.wait_text("Reporting by");
}

#[test]
fn bad_articles_render_without_escapes() {
    let dir = home();
    let p = dir.path().join("evil.txt");
    std::fs::write(
        &p,
        b"Evil\x1b]0;pwned\x07 title\n\nText \x1b[2J with \x1b]52;c;aGk=\x1b\\ tricks \xff and \x07 bell \xe2\x80\xae rtl.",
    )
    .unwrap();
    let mut t = Term::start(&[p.to_str().unwrap()], 80, 20, dir.path(), &[]);
    t.wait_text("Evil title");
    t.wait_text("invalid UTF-8");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    let raw = t.raw();
    let s = String::from_utf8_lossy(&raw);
    assert!(!s.contains("pwned"), "OSC payload reached the terminal");
    assert!(!s.contains("]52;"), "clipboard escape reached the terminal");
    assert!(!raw.contains(&0x07), "BEL reached the terminal");
}

#[test]
fn no_color_keeps_distinctions_without_colour() {
    let dir = home();
    let mut t = Term::start(&[], 100, 30, dir.path(), &[("NO_COLOR", "1")]);
    t.wait_text("READ");
    t.wait_for("quotes underlined", |s| {
        let (rows, cols) = s.size();
        (0..rows).any(|r| (0..cols).any(|c| s.cell(r, c).is_some_and(|x| x.underline())))
    });
    let raw = String::from_utf8_lossy(&t.raw()).to_string();
    assert!(
        !raw.contains("38;5;") && !raw.contains("48;5;") && !raw.contains("38;2;"),
        "colour codes with NO_COLOR"
    );
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}

fn kill(pid: u32, signal: &str) {
    let ok = std::process::Command::new("kill")
        .args([format!("-{signal}"), pid.to_string()])
        .status()
        .unwrap()
        .success();
    assert!(ok, "kill -{signal} {pid}");
}

#[test]
fn termination_signals_restore_the_terminal_with_conventional_codes() {
    for (signal, code) in [("TERM", 143), ("HUP", 129), ("INT", 130)] {
        let dir = home();
        let mut t = Term::start(&[], 80, 24, dir.path(), &[]);
        t.wait_text("READ");
        kill(t.pid(), signal);
        assert_eq!(t.wait_exit(), code, "SIG{signal}");
        assert!(
            !t.screen(|s| s.alternate_screen()),
            "SIG{signal}: alternate screen left"
        );
        assert!(!t.screen(|s| s.hide_cursor()), "SIG{signal}: cursor shown");
    }
}

#[test]
fn ctrl_c_key_quits_with_130() {
    let dir = home();
    let mut t = Term::start(&[], 80, 24, dir.path(), &[]);
    t.wait_text("READ");
    t.send("\x03");
    assert_eq!(t.wait_exit(), 130);
    assert!(!t.screen(|s| s.alternate_screen()));
}

#[test]
fn ctrl_z_gives_the_terminal_back_and_takes_it_again() {
    let dir = home();
    let mut t = Term::start(&[], 80, 24, dir.path(), &[]);
    t.wait_text("READ");
    let before = t.raw().len();
    // In the test the reader leads an orphaned process group, where the kernel discards
    // SIGTSTP: the reader leaves the screen and comes straight back, as after `fg`.
    t.send("\x1a");
    t.wait_for("the screen back", |s| {
        s.alternate_screen() && s.contents().contains("READ")
    });
    let after = String::from_utf8_lossy(&t.raw()[before..]).to_string();
    let left = after
        .find("\x1b[?1049l")
        .expect("left the alternate screen");
    let back = after.rfind("\x1b[?1049h").expect("entered it again");
    assert!(left < back);
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn closing_the_terminal_quits_without_spinning() {
    let dir = home();
    let mut t = Term::start(&[], 80, 24, dir.path(), &[]);
    t.wait_text("READ");
    let pid = t.pid();
    t.hang_up();
    let code = t.wait_exit();
    assert!(code == 129 || code == 1 || code == 2, "exit code {code}");
    // the process is gone, not left spinning on a dead terminal
    assert!(
        !std::path::Path::new(&format!("/proc/{pid}/stat")).exists() || {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
            stat.split_whitespace().nth(2) == Some("Z")
        }
    );
}

#[test]
fn ctrl_z_stops_under_a_job_control_shell_and_fg_brings_it_back() {
    // POSIX's own shell, interactive, has job control: the reader runs in a process
    // group of its own under it, which Ctrl-Z stops and `fg` continues. (Its startup
    // file, $ENV, is none.)
    let dir = home();
    let mut t = Term::start_program(
        "/bin/sh",
        &["-i"],
        80,
        24,
        dir.path(),
        &[("PS1", "$ "), ("ENV", "/dev/null")],
    );
    t.wait_text("$");
    t.send(&format!("{}\r", env!("CARGO_BIN_EXE_parley")));
    t.wait_text("READ");
    t.send("\x1a");
    t.wait_text("Stopped");
    assert!(
        !t.screen(|s| s.alternate_screen()),
        "the shell has the screen while stopped"
    );
    t.send("fg\r");
    t.wait_for("the reader back", |s| {
        s.alternate_screen() && s.contents().contains("READ")
    });
    t.send("q");
    t.wait_for("the shell prompt again", |s| !s.alternate_screen());
    t.send("exit\r");
    t.wait_exit();
}

/// A file well over the part read before the first screen: numbered paragraphs, each
/// with a quotation, and a recognisable last one.
fn long_article(dir: &std::path::Path) -> std::path::PathBuf {
    let mut text = String::from("A long article about many talks\n\n");
    let mut n = 0;
    while text.len() < 600_000 {
        n += 1;
        text.push_str(&format!(
            "Paragraph {n:05} of the talks. “We made progress in round {n},” the envoy said.\n\n"
        ));
    }
    text.push_str("The very last paragraph of the long article.\n");
    let path = dir.join("long.txt");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_large_article_opens_on_its_start_and_the_rest_follows() {
    let dir = home();
    let path = long_article(dir.path());
    let file = path.to_str().unwrap();
    let mut t = Term::start(&[file], 100, 30, dir.path(), &[]);
    t.wait_text("A long article about many talks");
    t.wait_text("READ");
    t.wait_for("the whole article and its annotations", |s| {
        let c = s.contents();
        !c.contains("loading") && !c.contains("detecting")
    });
    t.send("G");
    t.wait_text("The very last paragraph of the long article.");
    // the search covers the whole article, not only the part read first
    t.send("/");
    t.send("Paragraph 07000");
    t.send("\r");
    t.wait_text("match 1/1");
    t.send("G");
    t.wait_text("The very last paragraph of the long article.");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);

    // the reading position, far beyond the start, is taken up once the rest arrives
    let mut t = Term::start(&[file], 100, 30, dir.path(), &[]);
    t.wait_text("The very last paragraph of the long article.");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}
