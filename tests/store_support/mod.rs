//! Shared by the store safety tests: a small article with multibyte text, its store
//! beside it, and a store with one quote (q1) and one position (p1).

#![allow(clippy::unwrap_used, dead_code)]

use parley::article::{Article, Source};
use parley::model::{Party, QuoteKind};
use parley::store::{Edit, OpenOptions, Store};
use std::fs;
use std::path::PathBuf;

pub const ARTICLE: &str = "Talks resume in Havana’s old town\n\nHAVANA - \u{201c}We are ready, and \
willing,\u{201d} said Ian Kelly on Tuesday. Cuba said it wanted a new agreement. The talks \
went on past midnight.\n";

pub struct Fixture {
    pub _dir: tempfile::TempDir,
    pub article_path: PathBuf,
    pub store_path: PathBuf,
}

/// A temporary directory holding `talks.txt` with [`ARTICLE`], its store to be.
pub fn fixture() -> Fixture {
    fixture_with(ARTICLE)
}

/// The same with an article of the caller's.
pub fn fixture_with(text: &str) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let article_path = dir.path().join("talks.txt");
    fs::write(&article_path, text).unwrap();
    let store_path = dir.path().join("talks.txt.parley.toml");
    Fixture {
        _dir: dir,
        article_path,
        store_path,
    }
}

pub fn article(f: &Fixture) -> Article {
    Article::load(Source::File(f.article_path.clone()), 1 << 20).unwrap()
}

pub fn options() -> OpenOptions {
    let party = |id: &str, name: &str| Party {
        id: id.into(),
        name: name.into(),
        aliases: vec![],
        color: None,
        ..Default::default()
    };
    OpenOptions {
        parties: Some(vec![party("us", "United States"), party("cuba", "Cuba")]),
        suggest: None,
        ..OpenOptions::default()
    }
}

pub fn span(needle: &str) -> (usize, usize) {
    let start = ARTICLE.find(needle).unwrap();
    (start, start + needle.len())
}

/// Opens the store and adds the quote (q1) and the position (p1); saved when `save`.
pub fn edited(f: &Fixture, save: bool) -> Store {
    let mut s = Store::open(&article(f), &options());
    assert!(s.read_only().is_none(), "{:?}", s.read_only());
    let (start, end) = span("\u{201c}We are ready, and willing,\u{201d}");
    s.apply(Edit::AddQuote {
        start,
        end,
        kind: QuoteKind::Direct,
        party: Some("us".into()),
        speaker: None,
    })
    .unwrap();
    let (start, end) = span("Cuba said it wanted a new agreement.");
    s.apply(Edit::AddPosition {
        start,
        end,
        party: Some("cuba".into()),
        speaker: None,
    })
    .unwrap();
    if save {
        s.save().unwrap();
    }
    s
}

pub fn notices(s: &Store) -> String {
    s.notices().join(" | ")
}

/// Runs `test`, one of this test binary's child-process helpers, in a process of its
/// own with `env` naming `dir`, its standard output piped back. The helpers are
/// `#[ignore]`d so that they are never counted as tests: this runs one alone, by name.
pub fn spawn_child_test(test: &str, env: &str, dir: &std::path::Path) -> std::process::Child {
    use std::process::{Command, Stdio};
    Command::new(std::env::current_exe().unwrap())
        .args([
            "--ignored",
            "--exact",
            test,
            "--nocapture",
            "--test-threads",
            "1",
        ])
        .env(env, dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// The directory a child-process helper works in, from `env`; run on its own (by
/// `--ignored`), a helper fails here rather than pass having done nothing.
pub fn child_dir(env: &str) -> PathBuf {
    let dir = std::env::var_os(env)
        .unwrap_or_else(|| panic!("not a test: a child process its parent runs with {env} set"));
    PathBuf::from(dir)
}

/// Reads the child's output until a line holds `word`; fails when the child ends first
/// (it died, or was never run).
pub fn wait_for_line(out: &mut impl std::io::BufRead, word: &str) {
    let mut line = String::new();
    while !line.contains(word) {
        line.clear();
        let read = out.read_line(&mut line).unwrap();
        assert!(read > 0, "the child process ended before saying {word:?}");
    }
}
