//! Odd input through the real binary: UTF-16, binary and empty files, standard input
//! without `-`, inputs without end (`/dev/zero`, a FIFO), errors said once, and plain
//! `print` that keeps the annotations.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn command(args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_parley"));
    c.args(args)
        .env_remove("PARLEY_CONFIG")
        .env("XDG_CONFIG_HOME", "/nonexistent-parley-test")
        .env("XDG_DATA_HOME", "/nonexistent-parley-test")
        .env("NO_COLOR", "1");
    c
}

/// The bundled article's file, for a test whose standard input is not a terminal
/// (where no ARTICLE means standard input, not the bundled article).
const BUNDLED_FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/articles/us-cuba-migration-talks.txt"
);

fn parley(args: &[&str]) -> Output {
    command(args).output().expect("run parley")
}

/// Runs parley with `input` piped into its standard input.
fn parley_with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = command(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.to_str().unwrap().to_string()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

const ARTICLE: &str = "Talks end\n\nThe minister said the meeting was “progress” on Tuesday.\n";

#[test]
fn utf16_files_are_decoded_in_both_byte_orders() {
    let dir = tempfile::tempdir().unwrap();
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(ARTICLE.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(ARTICLE.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    let utf8_bom = [&[0xEF, 0xBB, 0xBF][..], ARTICLE.as_bytes()].concat();
    // as some Windows tools save it: no byte-order mark
    let le_unmarked = le[2..].to_vec();
    let be_unmarked = be[2..].to_vec();
    let plain = parley(&[
        "print",
        "--width",
        "200",
        &write(dir.path(), "p.txt", ARTICLE.as_bytes()),
    ]);
    for (name, bytes) in [
        ("le.txt", le),
        ("be.txt", be),
        ("bom.txt", utf8_bom),
        ("le-unmarked.txt", le_unmarked),
        ("be-unmarked.txt", be_unmarked),
    ] {
        let out = parley(&["print", "--width", "200", &write(dir.path(), name, &bytes)]);
        assert!(out.status.success(), "{name}: {out:?}");
        let s = text(&out.stdout);
        assert!(s.trim_start().starts_with("Talks end\n"), "{name}: {s:?}");
        assert!(!s.contains('\u{FFFD}') && !s.contains('␀'), "{name}: {s:?}");
        assert_eq!(
            s,
            text(&plain.stdout),
            "{name} reads as the UTF-8 file does"
        );
        assert!(out.stderr.is_empty(), "{name}: {}", text(&out.stderr));
    }
}

#[test]
fn a_binary_file_is_refused_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0".to_vec();
    bytes.extend(ARTICLE.as_bytes().repeat(100));
    let p = write(dir.path(), "talks.bin", &bytes);
    for args in [vec!["print", &p], vec!["detect", &p], vec![&p]] {
        let out = parley(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = text(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("talks.bin may be a binary file"), "{err}");
        assert!(out.stdout.is_empty());
    }
    // a few stray NULs in an article are shown, not refused
    let p = write(dir.path(), "nul.txt", b"Title\n\nA\x00B said so.");
    assert!(parley(&["print", &p]).status.success());
    // 16-bit numbers below 256 have their NULs where UTF-16 text has them, and are
    // still refused: read as UTF-16 they are control characters
    let numbers: Vec<u8> = (0u16..2000)
        .flat_map(|n| (n % 31 + 1).to_le_bytes())
        .collect();
    let p = write(dir.path(), "samples.bin", &numbers);
    for args in [vec!["text", &p], vec!["detect", &p]] {
        let out = parley(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(text(&out.stderr).contains("may be a binary file"));
    }
}

#[test]
fn unmarked_utf16_gives_the_same_text_detection_and_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let utf8 = write(dir.path(), "talks.txt", ARTICLE.as_bytes());
    let le: Vec<u8> = ARTICLE.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let le = write(dir.path(), "talks16.txt", &le);
    let text_of = |p: &str| text(&parley(&["text", p]).stdout);
    assert_eq!(text_of(&le), text_of(&utf8));
    let quotes = |p: &str| {
        let toml = text(&parley(&["detect", p]).stdout);
        toml.lines()
            .filter(|l| l.starts_with("text = ") || l.starts_with("start = "))
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let found = quotes(&le);
    assert!(found.iter().any(|l| l.contains("progress")), "{found:?}");
    assert_eq!(found, quotes(&utf8));
}

#[test]
fn an_empty_file_is_printed_and_detected_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [("empty.txt", &b""[..]), ("blank.txt", b"\n \r\n\t\n")] {
        let p = write(dir.path(), name, bytes);
        for command in ["print", "detect"] {
            let out = parley(&[command, &p]);
            assert!(out.status.success(), "{command} {name}: {out:?}");
            let err = text(&out.stderr);
            assert!(
                err.contains("the article is empty"),
                "{command} {name}: {err}"
            );
        }
        let toml = text(&parley(&["detect", &p]).stdout);
        assert!(
            toml.contains("bytes = ") && !toml.contains("[[quote]]"),
            "{toml}"
        );
    }
}

#[test]
fn piped_standard_input_is_the_article_without_a_dash() {
    let piped = "Piped headline\n\nA body “quoted” here, the minister said.\n";
    for args in [vec!["print", "--width", "70"], vec!["detect"], vec![]] {
        let out = parley_with_stdin(&args, piped.as_bytes());
        assert!(out.status.success(), "{args:?}: {out:?}");
        let s = text(&out.stdout);
        assert!(s.contains("Piped headline"), "{args:?}: {s}");
        assert!(!s.contains("Cuba"), "not the bundled article: {args:?}");
    }
    // standard input from /dev/null is the empty input, as `less < /dev/null` shows
    // nothing: not the bundled article
    for args in [vec!["print"], vec![]] {
        let out = command(&args).stdin(Stdio::null()).output().unwrap();
        assert!(out.status.success(), "{args:?}: {out:?}");
        assert!(!text(&out.stdout).contains("Cuba"), "{args:?}");
        assert!(
            text(&out.stderr).contains("<stdin>: the article is empty"),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
}

#[test]
fn latin1_and_broken_utf8_print_safely() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "l1.txt",
        b"Caf\xe9 talks\n\nNa\xefve \xff\xfe words.\n",
    );
    let out = parley(&["print", &p]);
    assert!(out.status.success());
    let s = text(&out.stdout);
    assert!(s.starts_with("Caf\u{FFFD} talks"), "{s}");
    assert!(s.chars().all(|c| c == '\n' || !c.is_control()), "{s:?}");
    assert!(text(&out.stderr).contains("invalid UTF-8"));
}

/// An error line says each thing once: no part of it repeats.
fn assert_said_once(err: &str) {
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.matches("os error").count() <= 1, "{err}");
    let parts: Vec<&str> = err.trim_end().split(": ").collect();
    for w in parts.windows(2) {
        assert_ne!(w[0], w[1], "{err}");
    }
}

#[test]
fn errors_are_said_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    let article = write(dir.path(), "a.txt", ARTICLE.as_bytes());
    for args in [
        vec!["--config", d, "print"],
        vec!["print", d],
        vec!["export", "--store", d, &article],
        vec!["check", "--store", d, &article],
        vec!["detect", "--parties", d, &article],
    ] {
        let out = parley(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
        let err = text(&out.stderr);
        assert!(err.contains("directory"), "{args:?}: {err}");
        assert_said_once(&err);
    }
}

/// Runs parley, killing it if it has not finished in `patience`.
fn parley_within(args: &[&str], patience: Duration) -> Output {
    let mut child = command(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > patience {
            child.kill().unwrap();
            panic!("parley {args:?} was still running after {patience:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[test]
fn endless_inputs_are_refused_within_their_limits() {
    let dir = tempfile::tempdir().unwrap();
    let article = write(dir.path(), "a.txt", ARTICLE.as_bytes());
    let patience = Duration::from_secs(20);
    for (args, says) in [
        (
            vec!["--config", "/dev/zero", "print", &article],
            "larger than the limit",
        ),
        (
            vec!["detect", "--parties", "/dev/zero", &article],
            "larger than the limit",
        ),
        (
            vec!["export", "--store", "/dev/zero", &article],
            "not a regular file",
        ),
        (vec!["print", "/dev/zero"], "may be a binary file"),
    ] {
        let out = parley_within(&args, patience);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
        let err = text(&out.stderr);
        assert!(err.contains(says), "{args:?}: {err}");
        assert!(err.contains("/dev/zero"), "{args:?}: {err}");
    }
}

#[test]
fn a_fifo_as_the_store_is_refused_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let article = write(dir.path(), "a.txt", ARTICLE.as_bytes());
    let fifo = dir.path().join("store.fifo");
    support::make_fifo(&fifo);
    let fifo = fifo.to_str().unwrap();
    let out = parley_within(
        &["export", "--store", fifo, &article],
        Duration::from_secs(20),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("not a regular file"));
    // print shows the automatic annotations and says why
    let out = parley_within(
        &["print", "--store", fifo, &article],
        Duration::from_secs(20),
    );
    assert!(out.status.success());
    assert!(text(&out.stderr).contains("not a regular file"));
}

#[test]
fn a_fifo_in_a_folder_is_no_article_and_never_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("corpus");
    std::fs::create_dir(&folder).unwrap();
    write(&folder, "a.txt", ARTICLE.as_bytes());
    support::make_fifo(&folder.join("b.txt"));
    let folder = folder.to_str().unwrap();
    let patience = Duration::from_secs(20);
    let out = parley_within(&["detect", folder, "--save"], patience);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("1 written"),
        "{}",
        text(&out.stderr)
    );
    for args in [["stats", folder], ["export", folder]] {
        let out = parley_within(&args, patience);
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
        assert!(!text(&out.stdout).contains("b.txt"), "{args:?}");
    }
}

#[test]
fn plain_print_keeps_quotes_speakers_and_sides() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s.parley.toml");
    let store = store.to_str().unwrap();
    // to a pipe (colour off by itself) and with --color never: the same marks
    let bundled = BUNDLED_FILE;
    let piped = parley(&["print", "--width", "80", "--store", store, bundled]);
    let never = parley(&[
        "print", "--width", "80", "--color", "never", "--store", store, bundled,
    ]);
    assert!(piped.status.success() && never.status.success());
    assert_eq!(piped.stdout, never.stdout);
    let s = text(&never.stdout);
    assert!(!s.contains('\x1b'));
    assert!(
        s.contains("[“Engaging in these talks"),
        "a quote opens: {s}"
    );
    assert!(s.contains("concern,”]"), "and closes: {s}");
    assert!(s.contains("{Ian Kelly}"), "a speaker: {s}");
    let barred: Vec<&str> = s.lines().filter(|l| l.contains("│ ")).collect();
    assert!(
        barred.iter().any(|l| l.starts_with("1│ ")) && barred.iter().any(|l| l.starts_with("2│ ")),
        "both sides' bars in the gutter: {s}"
    );
    assert!(s.lines().all(|l| l.chars().count() <= 80), "{s}");
    let legend = s.lines().last().unwrap();
    assert!(legend.starts_with("Sides: 1 "), "{legend}");
    assert!(legend.contains("2 "), "{legend}");
}
