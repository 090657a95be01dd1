//! Odd articles and span edges in the reader, end to end in a pseudo-terminal: an empty
//! file says so, a piped article is read while keys come from the terminal, and
//! shrinking a one-word curly-quoted annotation changes nothing instead of panicking.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use support::Term;

#[test]
fn shrinking_a_one_word_curly_quote_keeps_the_reader_running() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("progress.txt");
    std::fs::write(
        &article,
        "Talks end\n\nOfficials called the meeting “progress” on Tuesday.\n",
    )
    .unwrap();
    let mut t = Term::start(&[article.to_str().unwrap()], 80, 20, dir.path(), &[]);
    t.wait_for("the quote highlighted", |s| {
        support::coloured(s, "progress")
    });
    // select it, then shrink its end and its start: one word cannot lose a word
    t.send("\t");
    t.send("<");
    t.send("(");
    t.send("?");
    t.wait_text("Esc closes");
    t.send("\x1b");
    t.wait_text("Officials called the meeting");
    t.send("q");
    assert_eq!(t.wait_exit(), 0, "no panic, nothing to save");
}

#[test]
fn an_empty_file_opens_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("empty.txt");
    std::fs::write(&article, "").unwrap();
    let mut t = Term::start(&[article.to_str().unwrap()], 80, 20, dir.path(), &[]);
    t.wait_text("the article is empty");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn the_reader_reads_a_pipe_and_takes_keys_from_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let script = format!(
        "printf 'Piped headline\\n\\nA body from the pipe.\\n' | '{}'",
        env!("CARGO_BIN_EXE_parley")
    );
    let mut t = Term::start_program("sh", &["-c", &script], 80, 20, dir.path(), &[]);
    t.wait_text("Piped headline");
    t.wait_text("READ");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn a_fifo_or_a_device_as_the_store_leaves_the_reader_usable() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(
        &article,
        "Talks end\n\nOfficials called it “progress” on Tuesday.\n",
    )
    .unwrap();
    let fifo = dir.path().join("store.fifo");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    let mut stores = vec!["/dev/zero".to_string()];
    if made.is_ok_and(|s| s.success()) {
        stores.push(fifo.to_str().unwrap().to_string());
    }
    for store in &stores {
        let args = ["--store", store.as_str(), article.to_str().unwrap()];
        let mut t = Term::start(&args, 100, 20, dir.path(), &[]);
        t.wait_text("cannot read the store");
        t.wait_for("the automatic annotations", |s| {
            support::coloured(s, "progress")
        });
        t.send("q");
        assert_eq!(t.wait_exit(), 0, "{store}");
    }
}
