//! Odd input and span edges in the reader, end to end in a pseudo-terminal: an empty
//! file says so, UTF-16 without a byte-order mark is read and detected, a piped article is read while keys come from the terminal, a FIFO or
//! device as the store is refused, shrinking a one-word curly-quoted annotation
//! changes nothing instead of panicking, and a large article renamed while it loads
//! is still read whole.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::path::{Path, PathBuf};
use support::{Term, make_fifo};

/// An article with one curly-quoted word, which the detector marks.
const PROGRESS: &str = "Talks end\n\nOfficials called the meeting “progress” on Tuesday.\n";

fn write_article(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

/// Waits until detection has highlighted the quoted word.
fn wait_for_the_quote(t: &Term) {
    t.wait_for("the quote highlighted", |s| {
        support::coloured(s, "progress")
    });
}

#[test]
fn shrinking_a_one_word_curly_quote_keeps_the_reader_running() {
    let dir = tempfile::tempdir().unwrap();
    let article = write_article(dir.path(), "progress.txt", PROGRESS);
    let mut t = Term::start(&[article.to_str().unwrap()], 80, 20, dir.path(), &[]);
    wait_for_the_quote(&t);
    // select it, then shrink its end and its start: one word cannot lose a word
    t.send("\t");
    t.send("<");
    t.send("(");
    t.send("h");
    t.wait_text("Esc closes");
    t.send("\x1b");
    t.wait_for("help closed", |s| !s.contents().contains("Esc closes"));
    t.wait_text("Officials called the meeting");
    t.send("q");
    assert_eq!(t.wait_exit(), 0, "no panic, nothing to save");
}

#[test]
fn utf16_without_a_byte_order_mark_is_read_and_detected() {
    let dir = tempfile::tempdir().unwrap();
    for (name, big_endian) in [("le.txt", false), ("be.txt", true)] {
        let bytes: Vec<u8> = PROGRESS
            .encode_utf16()
            .flat_map(|u| {
                if big_endian {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                }
            })
            .collect();
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        let mut t = Term::start(&[p.to_str().unwrap()], 80, 20, dir.path(), &[]);
        t.wait_text("Officials called the meeting");
        wait_for_the_quote(&t);
        assert!(!t.contents().contains('␀'), "{name}: {}", t.contents());
        t.send("q");
        assert_eq!(t.wait_exit(), 0, "{name}");
    }
}

#[test]
fn an_empty_file_opens_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let article = write_article(dir.path(), "empty.txt", "");
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
    let article = write_article(dir.path(), "a.txt", PROGRESS);
    let fifo = dir.path().join("store.fifo");
    make_fifo(&fifo);
    let stores = ["/dev/zero".to_string(), fifo.to_str().unwrap().to_string()];
    for store in &stores {
        let args = ["--store", store.as_str(), article.to_str().unwrap()];
        let mut t = Term::start(&args, 100, 20, dir.path(), &[]);
        t.wait_text("cannot read the store");
        wait_for_the_quote(&t);
        t.send("q");
        assert_eq!(t.wait_exit(), 0, "{store}");
    }
}

/// What a started reader came to while its large article was renamed to and fro.
enum Loaded {
    /// The whole article and its annotations.
    Whole,
    /// It said so.
    Failed(String),
    /// It never started: the name was gone when it opened the file.
    NotStarted,
}

fn load_while_renamed(t: &mut Term) -> Loaded {
    let start = std::time::Instant::now();
    while start.elapsed() < std::time::Duration::from_secs(60) {
        let screen = t.contents();
        if screen.contains("cannot read the rest") {
            return Loaded::Failed(screen);
        }
        let status = screen.lines().last().unwrap_or_default().to_string();
        if screen.contains("READ") && !status.contains('…') && !screen.contains("detecting") {
            return Loaded::Whole;
        }
        if t.child.try_wait().unwrap().is_some() {
            return Loaded::NotStarted;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    Loaded::Failed(format!("never loaded:\n{}", t.contents()))
}

#[test]
fn a_large_article_renamed_while_it_loads_is_still_read_whole() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("Harbour talks resume\n\n");
    let mut n = 0;
    while text.len() < 300_000 {
        text.push_str(&format!(
            "“Round {n} went well,” said official number {n}. The talks went on.\n\n"
        ));
        n += 1;
    }
    let article = write_article(dir.path(), "big.txt", &text);
    let other = dir.path().join("big-renamed.txt");
    // the file's name comes and goes all the while: a reader that opens it by name
    // again after its first screen finds it gone about half the time
    let stop = Arc::new(AtomicBool::new(false));
    let flipper = {
        let (stop, article, other) = (Arc::clone(&stop), article.clone(), other.clone());
        std::thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                let _ = std::fs::rename(&article, &other);
                let _ = std::fs::rename(&other, &article);
            }
        })
    };
    let mut whole = 0;
    for _ in 0..60 {
        let mut t = Term::start(&["big.txt"], 100, 20, dir.path(), &[]);
        match load_while_renamed(&mut t) {
            Loaded::NotStarted => continue,
            Loaded::Failed(screen) => {
                stop.store(true, Ordering::Relaxed);
                panic!("after {whole} whole loads:\n{screen}");
            }
            Loaded::Whole => whole += 1,
        }
        t.send("q");
        assert_eq!(t.wait_exit(), 0);
        if whole == 6 {
            break;
        }
    }
    stop.store(true, Ordering::Relaxed);
    flipper.join().unwrap();
    assert!(whole >= 3, "only {whole} readers started");
}

#[test]
fn the_reader_given_dev_null_opens_the_empty_input_not_the_bundled_article() {
    let dir = tempfile::tempdir().unwrap();
    let script = format!("'{}' < /dev/null", env!("CARGO_BIN_EXE_parley"));
    let mut t = Term::start_program("sh", &["-c", &script], 80, 20, dir.path(), &[]);
    t.wait_text("the article is empty");
    assert!(!t.contents().contains("Cuba"), "{}", t.contents());
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}
