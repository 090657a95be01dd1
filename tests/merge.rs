//! `parley merge` and `parley diff` run as real processes on store files: a clean merge
//! written to OURS, a conflict that leaves a store that loads (exit 1), refusals that
//! leave OURS as it was (exit 2), and the differences of two stores.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use parley::article::{Article, Source};
use parley::store::{OpenOptions, Store};
use std::path::Path;
use std::process::{Command, Output};

fn parley(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parley"))
        .args(args)
        .current_dir(dir)
        .env_remove("PARLEY_CONFIG")
        .env("XDG_CONFIG_HOME", "/nonexistent-parley-test")
        .env("NO_COLOR", "1")
        .output()
        .expect("run parley")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A folder with the bundled article, its detected store as `base.toml`, and
/// `ours.toml` and `theirs.toml` made from it by `ours` and `theirs` (text edits of the
/// store, as a hand edit or another tool would make them).
fn three(ours: impl Fn(&str) -> String, theirs: impl Fn(&str) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("talks.txt"), Article::bundled().text.as_bytes()).unwrap();
    let base = parley(d, &["detect", "talks.txt"]).stdout;
    let base = String::from_utf8(base).unwrap();
    std::fs::write(d.join("base.toml"), &base).unwrap();
    std::fs::write(d.join("ours.toml"), ours(&base)).unwrap();
    std::fs::write(d.join("theirs.toml"), theirs(&base)).unwrap();
    dir
}

/// The store text with the `n`th quote's table changed by `f`.
fn in_quote(store: &str, n: usize, f: impl Fn(&str) -> String) -> String {
    let mut blocks: Vec<String> = store.split("\n[[").map(str::to_string).collect();
    let i = (0..blocks.len())
        .filter(|&i| blocks[i].starts_with("quote]]"))
        .nth(n)
        .unwrap();
    blocks[i] = f(&blocks[i]);
    blocks.join("\n[[")
}

fn with_note(note: &str) -> impl Fn(&str) -> String + '_ {
    move |q: &str| {
        q.replace(
            "status = \"suggested\"",
            &format!("status = \"suggested\"\nnote = \"{note}\""),
        )
    }
}

fn load(d: &Path, store: &str) -> Store {
    let article = Article::load(Source::File(d.join("talks.txt")), 1 << 24).unwrap();
    let options = OpenOptions {
        store: Some(d.join(store)),
        inspect: true,
        ..OpenOptions::default()
    };
    Store::load(&article, &options).expect("the store loads")
}

#[test]
fn edits_to_different_annotations_and_fields_merge_with_exit_0() {
    let dir = three(
        |s| in_quote(s, 0, with_note("ours")),
        |s| {
            let s = in_quote(s, 0, |q| {
                q.replace("status = \"suggested\"", "status = \"accepted\"")
            });
            in_quote(&s, 1, |q| {
                q.replace("status = \"suggested\"", "status = \"rejected\"")
            })
        },
    );
    let d = dir.path();
    let out = parley(d, &["merge", "base.toml", "ours.toml", "theirs.toml"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let store = load(d, "ours.toml");
    let q = &store.annotations().quotes;
    assert_eq!(q[0].note.as_deref(), Some("ours"));
    assert_eq!(q[0].status, parley::model::Status::Accepted);
    assert_eq!(q[1].status, parley::model::Status::Rejected);
    assert!(store.annotations().conflicts.is_empty());
}

#[test]
fn one_note_changed_two_ways_exits_1_and_the_store_still_loads() {
    let dir = three(
        |s| in_quote(s, 0, with_note("a promise")),
        |s| in_quote(s, 0, with_note("a threat")),
    );
    let d = dir.path();
    let out = parley(
        d,
        &[
            "merge",
            "base.toml",
            "ours.toml",
            "theirs.toml",
            "--path",
            "talks.txt.parley.toml",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("talks.txt.parley.toml: 1 conflict left"),
        "{}",
        stderr(&out)
    );
    let store = load(d, "ours.toml");
    let a = store.annotations();
    assert_eq!(a.quotes[0].note.as_deref(), Some("a promise"));
    let c = &a.conflicts[0];
    assert_eq!(
        (c.field.as_str(), c.ours.as_deref(), c.theirs.as_deref()),
        ("note", Some("a promise"), Some("a threat"))
    );
    // edited and saved again by parley, the conflict stays
    let other = a.quotes[1].id.clone();
    drop(store);
    let article = Article::load(Source::File(d.join("talks.txt")), 1 << 24).unwrap();
    let options = OpenOptions {
        store: Some(d.join("ours.toml")),
        ..OpenOptions::default()
    };
    let mut store = Store::open(&article, &options);
    store
        .apply(parley::store::Edit::SetStatus {
            id: other,
            status: parley::model::Status::Accepted,
        })
        .unwrap();
    store.save().unwrap();
    drop(store);
    let text = std::fs::read_to_string(d.join("ours.toml")).unwrap();
    assert_eq!(text.matches("[[conflict]]").count(), 1);
    assert_eq!(load(d, "ours.toml").annotations().conflicts.len(), 1);
}

#[test]
fn a_broken_input_or_another_article_is_refused_and_ours_kept() {
    let dir = three(
        |s| in_quote(s, 0, with_note("ours")),
        |s| s.replace("version = 1", "version = 1\nnot toml ["),
    );
    let d = dir.path();
    let before = std::fs::read(d.join("ours.toml")).unwrap();
    let out = parley(d, &["merge", "base.toml", "ours.toml", "theirs.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("parley: theirs.toml:"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(d.join("ours.toml")).unwrap(), before);

    let other = std::fs::read_to_string(d.join("base.toml")).unwrap();
    let hash = other.lines().find(|l| l.starts_with("sha256")).unwrap();
    let other = other.replace(hash, "sha256 = \"0000\"");
    std::fs::write(d.join("theirs.toml"), other).unwrap();
    let out = parley(d, &["merge", "base.toml", "ours.toml", "theirs.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("same article"), "{}", stderr(&out));
    assert_eq!(std::fs::read(d.join("ours.toml")).unwrap(), before);
}

#[test]
fn an_empty_base_is_no_common_ancestor() {
    let dir = three(|s| in_quote(s, 0, with_note("a")), |s| s.to_string());
    let d = dir.path();
    std::fs::write(d.join("base.toml"), "").unwrap();
    let out = parley(d, &["merge", "base.toml", "ours.toml", "theirs.toml"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        load(d, "ours.toml").annotations().quotes[0].note.as_deref(),
        Some("a")
    );
}

#[test]
fn diff_lists_what_was_added_removed_and_changed_with_the_text() {
    let dir = three(
        |s| {
            in_quote(s, 0, |q| {
                q.replace("status = \"suggested\"", "status = \"accepted\"")
            })
        },
        |s| s.to_string(),
    );
    let d = dir.path();
    let same = parley(d, &["diff", "base.toml", "theirs.toml"]);
    assert_eq!(same.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&same.stdout), "no differences\n");

    let mut removed = std::fs::read_to_string(d.join("ours.toml")).unwrap();
    let last = removed.rfind("\n[[position]]").unwrap();
    removed.truncate(last + 1);
    std::fs::write(d.join("ours.toml"), removed).unwrap();
    let out = parley(d, &["diff", "base.toml", "ours.toml"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("~ quote q1: “Engaging in these talks"),
        "{text}"
    );
    assert!(
        text.contains("    status: “suggested” → “accepted”"),
        "{text}"
    );
    assert!(text.contains("- position p"), "{text}");
    assert!(text.ends_with("0 added, 1 removed, 1 changed\n"), "{text}");
}
