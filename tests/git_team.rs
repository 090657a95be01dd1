//! Two annotators on branches of one git repository, end to end: `parley git-setup`
//! declares the merge driver, each annotator edits the store as the reader does
//! (through the store API, saved to disk), and `git merge` merges the stores field by
//! field; a note changed two ways leaves a conflict the store still loads with.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use parley::article::{Article, Source};
use parley::model::{QuoteKind, Status};
use parley::store::{Edit, OpenOptions, Store};
use std::path::Path;
use std::process::{Command, Output};

fn run(dir: &Path, program: &str, args: &[&str]) -> Output {
    Command::new(program)
        .args(args)
        .current_dir(dir)
        .env_remove("PARLEY_CONFIG")
        .env("XDG_CONFIG_HOME", "/nonexistent-parley-test")
        .env("XDG_DATA_HOME", dir.join(".data"))
        .env("NO_COLOR", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Annotator")
        .env("GIT_AUTHOR_EMAIL", "a@example.org")
        .env("GIT_COMMITTER_NAME", "Annotator")
        .env("GIT_COMMITTER_EMAIL", "a@example.org")
        .output()
        .unwrap_or_else(|e| panic!("run {program}: {e}"))
}

fn git(dir: &Path, args: &[&str]) -> Output {
    let out = run(dir, "git", args);
    assert!(
        out.status.success(),
        "git {args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn parley(dir: &Path, args: &[&str]) -> Output {
    run(dir, env!("CARGO_BIN_EXE_parley"), args)
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// A repository on `main` holding the bundled article and the detector's store,
/// with parley's merge driver declared and committed.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    std::fs::write(d.join("talks.txt"), Article::bundled().text.as_bytes()).unwrap();
    let detected = parley(d, &["detect", "talks.txt"]);
    assert!(detected.status.success());
    std::fs::write(d.join("talks.txt.parley.toml"), &detected.stdout).unwrap();
    let setup = parley(d, &["git-setup"]);
    assert!(setup.status.success(), "{}", text(&setup));
    let said = text(&setup);
    assert!(
        said.contains(".gitattributes: added *.parley.toml merge=parley"),
        "{said}"
    );
    assert!(said.contains("merge.parley.driver = "), "{said}");
    let again = text(&parley(d, &["git-setup"]));
    assert!(
        !again.contains("added") && !again.contains(" = "),
        "idempotent: {again}"
    );
    git(d, &["add", "."]);
    git(
        d,
        &["commit", "-q", "-m", "the article and its suggestions"],
    );
    dir
}

/// Opens the store as the reader does, applies `edits`, saves and commits on `branch`.
fn annotate(dir: &Path, branch: &str, edits: impl FnOnce(&mut Store)) {
    git(dir, &["checkout", "-q", "-B", branch, "main"]);
    let article = Article::load(Source::File(dir.join("talks.txt")), 1 << 24).unwrap();
    let options = OpenOptions {
        suggest: None,
        ..OpenOptions::default()
    };
    let mut store = Store::open(&article, &options);
    assert!(store.read_only().is_none(), "{:?}", store.read_only());
    edits(&mut store);
    store.save().unwrap();
    drop(store);
    git(dir, &["commit", "-q", "-am", branch]);
}

fn span_of(needle: &str) -> (usize, usize) {
    let text = &Article::bundled().text;
    let start = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} in the article"));
    (start, start + needle.len())
}

fn tag(store: &mut Store, needle: &str) -> String {
    let (start, end) = span_of(needle);
    let outcome = store
        .apply(Edit::AddQuote {
            start,
            end,
            kind: QuoteKind::Partial,
            party: None,
            speaker: None,
        })
        .unwrap();
    outcome.created.unwrap().to_string()
}

fn quote_ids(store: &Store) -> Vec<String> {
    store
        .annotations()
        .quotes
        .iter()
        .map(|q| q.id.to_string())
        .collect()
}

fn open(dir: &Path) -> Store {
    let article = Article::load(Source::File(dir.join("talks.txt")), 1 << 24).unwrap();
    let options = OpenOptions {
        suggest: None,
        inspect: true,
        ..OpenOptions::default()
    };
    Store::load(&article, &options).expect("the merged store loads")
}

#[test]
fn two_annotators_decisions_and_new_quotes_merge_cleanly() {
    let repo = repository();
    let d = repo.path();
    let before = quote_ids(&open(d));
    let (first, second) = (before[0].clone(), before[1].clone());
    let mut new_ids = Vec::new();
    annotate(d, "alice", |s| {
        s.apply(Edit::SetStatus {
            id: first.as_str().into(),
            status: Status::Accepted,
        })
        .unwrap();
        new_ids.push(tag(s, "a step the U.S. State Department said"));
    });
    annotate(d, "bob", |s| {
        s.apply(Edit::SetStatus {
            id: second.as_str().into(),
            status: Status::Rejected,
        })
        .unwrap();
        new_ids.push(tag(s, "Both sides raised long-standing disagreements"));
    });
    assert_eq!(
        new_ids[0], new_ids[1],
        "each took the next id: the clash to merge"
    );

    git(d, &["checkout", "-q", "alice"]);
    let merged = git(d, &["merge", "-q", "--no-edit", "bob"]);
    let said = text(&merged);
    assert!(!said.contains("CONFLICT"), "{said}");

    let raw = std::fs::read_to_string(d.join("talks.txt.parley.toml")).unwrap();
    for marker in ["<<<<<<<", "=======", ">>>>>>>", "[[conflict]]"] {
        assert!(!raw.contains(marker), "{marker} in the merged store");
    }
    let store = open(d);
    let a = store.annotations();
    let status = |id: &str| a.quotes.iter().find(|q| q.id == id).unwrap().status;
    assert_eq!(status(&first), Status::Accepted, "alice's decision");
    assert_eq!(status(&second), Status::Rejected, "bob's decision");
    let tagged: Vec<(&str, &str)> = a
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Partial && q.origin == parley::model::Origin::Manual)
        .map(|q| (q.id.as_str(), q.text.as_str()))
        .collect();
    assert_eq!(tagged.len(), 2, "{tagged:?}");
    assert_ne!(
        tagged[0].0, tagged[1].0,
        "the two new quotes have different ids"
    );
    assert_eq!(a.quotes.len(), before.len() + 2);

    let check = parley(d, &["check", "talks.txt"]);
    assert!(check.status.success(), "{}", text(&check));
    let status = git(d, &["status", "--porcelain"]);
    assert!(status.stdout.is_empty(), "a clean tree: {}", text(&status));
}

#[test]
fn a_note_changed_two_ways_is_a_conflict_the_store_still_loads_with() {
    let repo = repository();
    let d = repo.path();
    let first = quote_ids(&open(d))[0].clone();
    for (branch, note) in [("alice", "a promise"), ("bob", "a threat")] {
        let id = first.clone();
        annotate(d, branch, |s| {
            s.apply(Edit::SetNote {
                id: id.as_str().into(),
                note: Some(note.into()),
            })
            .unwrap();
        });
    }
    git(d, &["checkout", "-q", "alice"]);
    let merged = run(d, "git", &["merge", "-q", "--no-edit", "bob"]);
    assert!(!merged.status.success(), "the merge stops on the conflict");

    let raw = std::fs::read_to_string(d.join("talks.txt.parley.toml")).unwrap();
    assert!(
        !raw.contains("<<<<<<<"),
        "no text markers: the store stays TOML"
    );
    assert!(raw.contains("[[conflict]]"), "{raw}");
    let store = open(d);
    let a = store.annotations();
    let q = a.quotes.iter().find(|q| q.id == first).unwrap();
    assert_eq!(q.note.as_deref(), Some("a promise"), "ours until settled");
    assert_eq!(a.conflicts.len(), 1);
    let c = &a.conflicts[0];
    assert_eq!(
        (c.item.as_str(), c.field.as_str()),
        (first.as_str(), "note")
    );
    assert_eq!(
        (c.ours.as_deref(), c.theirs.as_deref()),
        (Some("a promise"), Some("a threat"))
    );

    let check = parley(d, &["check", "talks.txt"]);
    assert_eq!(check.status.code(), Some(1), "{}", text(&check));
    assert!(
        text(&check).contains("changed two ways"),
        "{}",
        text(&check)
    );
}
