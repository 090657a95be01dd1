//! The command line, run as a real process: exit codes, error lines, and bad input
//! rendered safely by `parley print`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

/// The bundled article's file, for a test whose standard input is not a terminal
/// (where no ARTICLE means standard input, not the bundled article).
const BUNDLED_FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/articles/us-cuba-migration-talks.txt"
);

fn parley(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parley"))
        .args(args)
        .env_remove("PARLEY_CONFIG")
        .env("XDG_CONFIG_HOME", "/nonexistent-parley-test")
        .env("NO_COLOR", "1")
        .output()
        .expect("run parley")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write test file");
    p.to_str().expect("utf-8 path").to_string()
}

/// What may appear in plain `print` output: printable text and newlines only.
fn assert_terminal_safe(bytes: &[u8]) {
    let s = std::str::from_utf8(bytes).expect("print writes UTF-8");
    for c in s.chars() {
        assert!(
            c == '\n' || !c.is_control(),
            "control character {c:?} reached the output"
        );
        assert!(
            !matches!(c, '\u{61C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'),
            "bidi control {c:?} reached the output"
        );
    }
}

#[test]
fn print_bundled_article_sets_title_and_byline_apart() {
    let out = parley(&["print", "--width", "60", BUNDLED_FILE]);
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    // the text starts after the gutter where the sides' bars are
    let lines: Vec<&str> = s.lines().map(str::trim_start).collect();
    assert_eq!(
        lines[0],
        "U.S., Cuba discuss migration in sign of better ties"
    );
    assert!(lines[1].starts_with("═══"));
    assert!(s.contains("WASHINGTON (Reuters) - U.S. and Cuban officials"));
    assert!(lines.iter().all(|l| unicode_width(l) <= 60), "{s}");
    let rule = lines.iter().rposition(|l| l.starts_with("────")).unwrap();
    assert!(lines[rule + 1].starts_with("Reporting by Arshad Mohammed"));
}

fn unicode_width(s: &str) -> usize {
    s.chars().count()
}

#[test]
fn version_and_help_for_every_subcommand() {
    let v = parley(&["--version"]);
    assert!(v.status.success());
    assert!(String::from_utf8_lossy(&v.stdout).starts_with("parley "));
    for sub in [
        "detect",
        "export",
        "check",
        "print",
        "agree",
        "merge",
        "diff",
        "git-setup",
    ] {
        let h = parley(&[sub, "--help"]);
        assert!(h.status.success(), "{sub} --help");
        assert!(String::from_utf8_lossy(&h.stdout).contains("Usage: parley"));
    }
}

#[test]
fn missing_file_directory_and_bad_usage_exit_2_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.txt");
    for args in [
        vec!["print", missing.to_str().unwrap()],
        vec!["print", dir.path().to_str().unwrap()],
        vec!["print", "--width", "0"],
    ] {
        let out = parley(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(!err.is_empty());
        if args.len() == 2 {
            assert_eq!(err.lines().count(), 1, "{err}");
            assert!(err.starts_with("parley: "), "{err}");
        }
    }
}

#[cfg(unix)]
#[test]
fn unreadable_file_exits_2() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "secret.txt", b"text");
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&p).is_ok() {
        return; // running as root: permissions do not stop reads
    }
    let out = parley(&["print", &p]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn config_errors_exit_2_naming_file_line_and_key() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = write(dir.path(), "c.toml", b"[reader]\nmax_widht = 70\n");
    let out = parley(&["--config", &cfg, "print"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("c.toml:2:1") && err.contains("max_widht"),
        "{err}"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_parley"))
        .args(["print"])
        .env("PARLEY_CONFIG", &cfg)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_config_that_leaves_no_way_out_is_refused_and_key_errors_name_the_keys() {
    let dir = tempfile::tempdir().unwrap();
    let article = write(dir.path(), "a.txt", b"Title\n\nBody.\n");
    let run = |config: &str| {
        let cfg = write(dir.path(), "c.toml", config.as_bytes());
        let out = parley(&["--config", &cfg, "print", &article]);
        (out.status.code(), String::from_utf8(out.stderr).unwrap())
    };
    for command in [
        "quit",
        "interrupt",
        "command_line",
        "cancel",
        "cursor_cancel",
        "prompt_cancel",
        "side_close",
    ] {
        let (code, err) = run(&format!("[keys]\n{command} = []\n"));
        assert_eq!(code, Some(2), "{command}: {err}");
        assert!(err.contains("c.toml:2:1"), "{err}");
        assert!(
            err.contains(&format!("`{command}` has no key")) && err.contains("no way out"),
            "{err}"
        );
    }
    // a key listed twice for one command is one binding, not a clash with itself
    let (code, err) = run("[keys]\nquit = [\"q\", \"q\"]\n");
    assert_eq!(code, Some(0), "{err}");
    // side_none is called by its name, not side_0
    let (code, err) = run("[keys]\nside_none = [\"1\"]\n");
    assert_eq!(code, Some(2));
    assert!(
        err.contains("`side_none`") && !err.contains("side_0"),
        "{err}"
    );
}

#[test]
fn parties_file_errors_exit_2_with_one_line_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let article = write(dir.path(), "a.txt", b"Talks\n\n\"No,\" Ann Lee said.\n");
    let party = |id: &str, name: &str| format!("[[party]]\nid = \"{id}\"\nname = \"{name}\"\n");
    for (file, says) in [
        (
            party("a", "Alpha") + &party("a", "Beta"),
            "party id `a` is used twice",
        ),
        (party("", "Alpha"), "a party has an empty `id`"),
        (party("  ", "Alpha"), "a party has an empty `id`"),
        (
            party("a", "Alpha") + "member = [\"Ann Lee\"]\n",
            "unknown field `member`",
        ),
        (party("a", "Alpha") + "governs = \"yes\"\n", "invalid type"),
        ("[[party]\n".to_string(), "sides.toml:1:"),
        ("# nothing\n".to_string(), "no [[party]] tables"),
    ] {
        let parties = write(dir.path(), "sides.toml", file.as_bytes());
        for args in [
            vec!["detect", "--parties", &parties, &article],
            vec!["--parties", &parties, &article],
        ] {
            let out = parley(&args);
            assert_eq!(out.status.code(), Some(2), "{file}: {out:?}");
            assert!(out.stdout.is_empty(), "{file}: {out:?}");
            let err = String::from_utf8(out.stderr).unwrap();
            assert_eq!(err.lines().count(), 1, "{file}: {err}");
            assert!(err.contains("sides.toml"), "{file}: {err}");
            assert!(err.contains(says), "{file}: {err}");
        }
    }
}

#[test]
fn a_parties_file_may_name_members_roles_and_the_governing_side() {
    let dir = tempfile::tempdir().unwrap();
    let article = write(dir.path(), "a.txt", b"Talks\n\n\"No,\" Ann Lee said.\n");
    let parties = write(
        dir.path(),
        "sides.toml",
        b"[[party]]\nid = \"a\"\nname = \"Alpha\"\nmembers = [\"Ann Lee\"]\n\
          roles = [\"shadow home secretary\"]\ngoverns = true\n\n\
          [[party]]\nid = \"b\"\nname = \"Beta\"\n",
    );
    let out = parley(&["detect", "--parties", &parties, &article]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let toml = String::from_utf8(out.stdout).unwrap();
    assert!(toml.contains("members = [\"Ann Lee\"]"), "{toml}");
    assert!(
        toml.contains("roles = [\"shadow home secretary\"]"),
        "{toml}"
    );
    assert!(toml.contains("governs = true"), "{toml}");
    assert_eq!(toml.matches("governs").count(), 1, "{toml}");
}

#[test]
fn bad_inputs_print_safely() {
    let dir = tempfile::tempdir().unwrap();
    let mut long_line = b"word ".repeat(1_000_000);
    long_line.extend_from_slice(b"end");
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("whitespace", b"   \n\n\t  \n \r\n".to_vec()),
        ("long-line", long_line),
        ("nul", b"Title\n\nA\x00B\x00C said \"x\".".to_vec()),
        ("invalid-utf8", b"Title\n\ncaf\xe9 \xff\xfe\xfd ok".to_vec()),
        ("bom", "\u{FEFF}Title\n\nBody.".as_bytes().to_vec()),
        ("crlf", b"Title\r\n\r\nOne.\rTwo.\r\n".to_vec()),
        ("tabs", b"Title\n\n\tIndented\ttext.".to_vec()),
        (
            "escapes",
            b"Title\x1b[2J\n\nA\x1b]0;owned\x07B\x1b]52;c;aGk=\x1b\\C\x1bP+q\x1b\\D \xc2\x9b6n \xc2\x9d0;x\xc2\x9c end\x07"
                .to_vec(),
        ),
        (
            "unicode",
            "Title\n\nZero\u{200B}width e\u{301}\u{302} 漢字かな 👩‍👩‍👧‍👦 🇨🇺 end."
                .as_bytes()
                .to_vec(),
        ),
        (
            "bidi",
            "Title\n\nשלום \u{202E}evil\u{202C} عربي \u{2067}x\u{2069} \u{200F}marks\u{200E}\u{61C}."
                .as_bytes()
                .to_vec(),
        ),
    ];
    for (name, bytes) in cases {
        let p = write(dir.path(), name, &bytes);
        for width in ["1", "7", "80"] {
            let out = parley(&["print", "--width", width, &p]);
            assert!(out.status.success(), "{name} at {width}: {out:?}");
            assert_terminal_safe(&out.stdout);
        }
    }
}

#[test]
fn warnings_are_reported_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "bad.txt", b"T\n\n\xff ok \x1b[31mred");
    let out = parley(&["print", &p]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("invalid UTF-8"), "{err}");
    assert!(err.contains("escape sequence"), "{err}");
}

#[test]
fn stdin_is_read_with_dash() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_parley"))
        .args(["print", "-", "--width", "40"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Piped title\n\nPiped body.")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("Piped title\n"));
}

#[test]
fn print_with_colour_highlights_quotes_and_positions() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s.parley.toml");
    let out = parley(&[
        "print",
        "--color",
        "always",
        "--width",
        "80",
        "--store",
        store.to_str().unwrap(),
        BUNDLED_FILE,
    ]);
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("\x1b["), "styled output");
    assert!(s.contains("▌"), "a position bar");
    // the first quote's opening mark carries a colour code
    let at = s.find("“Engaging").unwrap();
    let before = &s[..at];
    let sgr = &before[before.rfind("\x1b[").unwrap()..];
    assert!(
        sgr.contains(";9") || sgr.contains(";3"),
        "coloured quote: {sgr:?}"
    );
    let plain = parley(&["print", "--color", "never"]);
    assert!(!String::from_utf8(plain.stdout).unwrap().contains('\x1b'));
}

/// Under a file-size limit of nothing (`ulimit -f 0`) writing a store fails: the
/// command says so and exits with an error, rather than being killed by SIGXFSZ
/// with nothing said, and it leaves no half-written store behind.
#[test]
fn a_file_size_limit_is_reported_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let article = write(
        dir.path(),
        "talks.txt",
        &std::fs::read(BUNDLED_FILE).unwrap(),
    );
    let script = format!(
        "ulimit -f 0 && exec '{}' detect '{article}' --save",
        env!("CARGO_BIN_EXE_parley")
    );
    let out = Command::new("/bin/sh")
        .args(["-c", &script])
        .env("XDG_CONFIG_HOME", "/nonexistent-parley-test")
        .output()
        .unwrap();
    use std::os::unix::process::ExitStatusExt;
    assert_eq!(out.status.signal(), None, "killed by a signal: {out:?}");
    assert!(!out.status.success(), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("talks.txt"), "{stderr}");
    let stores: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n != "talks.txt")
        .collect();
    assert!(
        stores.iter().all(|n| !n.ends_with(".parley.toml")),
        "{stores:?}"
    );
}
