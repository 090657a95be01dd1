//! The store's answers to the attacks of issue #16 on its journal: two readers on one
//! store (in one process and across processes, with SIGKILL), damaged and hostile
//! journals, and discarding when the store has become unreadable.

#![allow(clippy::unwrap_used)]

mod store_support;

use parley::article::{Article, Source};
use parley::store::history::{Change, Item};
use parley::store::journal::{self, Journal};
use parley::store::{Edit, SaveError, Store};
use std::fs;
use std::io::Write;
use std::path::PathBuf;
use store_support::{
    ARTICLE, Fixture, article, child_dir, edited, fixture, notices, options, spawn_child_test,
    wait_for_line,
};

#[test]
fn a_second_reader_opens_read_only_and_leaves_the_first_ones_journal_alone() {
    let f = fixture();
    let mut a = edited(&f, true);
    a.apply(Edit::SetNote {
        id: "p1".into(),
        note: Some("A's edit".into()),
    })
    .unwrap();
    let journal = journal::path_for(&f.store_path);
    let before = fs::read(&journal).unwrap();
    let mut b = Store::open(&article(&f), &options());
    let why = b.read_only().unwrap_or_default().to_string();
    assert!(
        why.contains("another parley") && why.contains(&std::process::id().to_string()),
        "{why}"
    );
    assert!(
        b.apply(Edit::SetNote {
            id: "q1".into(),
            note: Some("B's edit".into()),
        })
        .is_err()
    );
    assert!(matches!(b.save(), Err(SaveError::ReadOnly(_))));
    assert_eq!(
        fs::read(&journal).unwrap(),
        before,
        "B did not touch A's journal"
    );
    assert_eq!(
        b.annotations().positions[0].note.as_deref(),
        Some("A's edit"),
        "B shows A's unsaved edits, read-only"
    );
    drop(b);
    a.save().unwrap();
    drop(a);
    let c = Store::open(&article(&f), &options());
    assert!(c.read_only().is_none(), "free again once A quits");
    assert_eq!(
        c.annotations().positions[0].note.as_deref(),
        Some("A's edit")
    );
}

/// A journal for the saved store of `f`: the header, then each of `lines` (an action's
/// changes, or raw bytes for a damaged line).
fn write_journal(f: &Fixture, lines: &[Result<Vec<Change>, &[u8]>]) -> PathBuf {
    let path = journal::path_for(&f.store_path);
    let base = parley::article::sha256_hex(&fs::read(&f.store_path).unwrap());
    let mut j = Journal::start(&path, &base, None).unwrap();
    for line in lines {
        match line {
            Ok(changes) => j.append(changes).unwrap(),
            Err(raw) => {
                drop(j);
                fs::OpenOptions::new()
                    .append(true)
                    .open(&path)
                    .unwrap()
                    .write_all(raw)
                    .unwrap();
                j = Journal::resume(&path, u64::MAX).unwrap();
            }
        }
    }
    path
}

/// Changes putting p1 with `change` applied to it.
fn put_position(s: &Store, change: impl FnOnce(&mut parley::model::Position)) -> Vec<Change> {
    let mut p = s.annotations().positions[0].clone();
    change(&mut p);
    vec![Change::Put(Item::Position(p))]
}

#[test]
fn recovery_reads_past_a_damaged_line_and_keeps_the_journal_aside() {
    let f = fixture();
    let s = edited(&f, true);
    let note = |n: &str| put_position(&s, |p| p.note = Some(n.into()));
    let (first, third) = (note("entry 1"), note("entry 3"));
    drop(s);
    let path = write_journal(&f, &[Ok(first), Err(b"{garbage\n"), Ok(third)]);
    let s = Store::open(&article(&f), &options());
    let said = notices(&s);
    assert!(said.contains("recovered 2 unsaved edits"), "{said}");
    assert!(said.contains("skipped 1 entry"), "{said}");
    assert_eq!(
        s.annotations().positions[0].note.as_deref(),
        Some("entry 3")
    );
    let aside = PathBuf::from(format!("{}.old", path.display()));
    assert!(
        fs::read_to_string(&aside).unwrap().contains("{garbage"),
        "the damaged journal is kept whole"
    );
    drop(s);
    let again = Store::open(&article(&f), &options());
    assert!(
        notices(&again).contains("recovered 1 unsaved edit"),
        "the recovered edits are journalled again: {}",
        notices(&again)
    );
    assert_eq!(
        again.annotations().positions[0].note.as_deref(),
        Some("entry 3")
    );
}

#[test]
fn recovery_applies_only_entries_that_leave_the_store_valid() {
    let f = fixture();
    let s = edited(&f, true);
    let good = put_position(&s, |p| p.note = Some("kept".into()));
    let duplicate = put_position(&s, |p| p.id = "q1".into());
    let dangling = put_position(&s, |p| p.speaker = Some("nobody".into()));
    let no_side = put_position(&s, |p| p.party = Some("atlantis".into()));
    let mid_char = {
        let mut q = s.annotations().quotes[0].clone();
        q.start += 1; // inside the opening quotation mark
        q.text = ARTICLE[q.start - 1..q.end].to_string().into();
        vec![Change::Put(Item::Quote(q))]
    };
    drop(s);
    write_journal(
        &f,
        &[
            Ok(good),
            Ok(duplicate),
            Ok(dangling),
            Ok(no_side),
            Ok(mid_char),
        ],
    );
    let mut s = Store::open(&article(&f), &options());
    let said = notices(&s);
    assert!(said.contains("recovered 1 unsaved edit"), "{said}");
    assert!(said.contains("skipped 4 entries"), "{said}");
    assert_eq!(s.annotations().positions[0].note.as_deref(), Some("kept"));
    s.save().unwrap();
    drop(s);
    let report = parley::store::check::check(&article(&f), &options()).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
}

#[test]
fn a_journal_from_a_future_schema_is_kept_aside_not_replayed() {
    let f = fixture();
    let s = edited(&f, false);
    let mut future = s.annotations().clone();
    future.version = 99;
    drop(s);
    let path = journal::path_for(&f.store_path);
    let _ = fs::remove_file(&path);
    Journal::start(&path, "", Some(&future)).unwrap();
    let s = Store::open(&article(&f), &options());
    assert!(notices(&s).contains("schema version 99"), "{}", notices(&s));
    assert!(s.annotations().quotes.is_empty());
    assert!(PathBuf::from(format!("{}.old", path.display())).exists());
}

#[test]
fn a_failed_reload_keeps_the_edits_and_their_journal() {
    let f = fixture();
    let mut s = edited(&f, true);
    s.apply(Edit::SetNote {
        id: "q1".into(),
        note: Some("unsaved".into()),
    })
    .unwrap();
    fs::write(&f.store_path, "version = 1\n[[quote\n").unwrap();
    assert!(s.reload(&article(&f)).is_err());
    let journal = journal::path_for(&f.store_path);
    assert!(
        journal.exists(),
        "the journal outlives a reload that failed"
    );
    assert_eq!(s.annotations().quotes[0].note.as_deref(), Some("unsaved"));
    // quitting without saving must still work, and then lets the edits go
    s.discard().unwrap();
    assert!(!journal.exists());
}
const HOLDER_ENV: &str = "PARLEY_SAFETY_HOLDER";

/// Not a test: the other reader of `a_reader_killed_while_another_waits_loses_nothing`,
/// run as a child process with `PARLEY_SAFETY_HOLDER` naming the fixture directory.
#[test]
#[ignore = "a child process, run by a_reader_killed_while_another_waits_loses_nothing"]
fn child_process_for_a_reader_killed_while_another_waits() {
    let dir = child_dir(HOLDER_ENV);
    let a = Article::load(Source::File(dir.join("talks.txt")), 1 << 20).unwrap();
    let mut s = Store::open(&a, &options());
    s.apply(Edit::SetNote {
        id: "q1".into(),
        note: Some("B's edit".into()),
    })
    .unwrap();
    println!("edited");
    loop {
        std::thread::sleep(std::time::Duration::from_secs(1));
    }
}

/// The repro across processes: B edits, A opens (read-only, told B's pid), B is
/// killed with SIGKILL, A opens again and gets B's edit back. Rounds:
/// `PARLEY_TWO_READER_ROUNDS` (3 by default).
#[test]
fn a_reader_killed_while_another_waits_loses_nothing() {
    let rounds: usize = std::env::var("PARLEY_TWO_READER_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3);
    for _ in 0..rounds {
        let f = fixture();
        drop(edited(&f, true));
        let mut child = spawn_child_test(
            "child_process_for_a_reader_killed_while_another_waits",
            HOLDER_ENV,
            f.article_path.parent().unwrap(),
        );
        let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
        wait_for_line(&mut out, "edited");
        let a = Store::open(&article(&f), &options());
        let why = a.read_only().unwrap_or_default().to_string();
        assert!(why.contains(&child.id().to_string()), "{why}");
        drop(a);
        child.kill().unwrap();
        child.wait().unwrap();
        let a = Store::open(&article(&f), &options());
        assert!(a.read_only().is_none(), "{:?}", a.read_only());
        assert!(
            notices(&a).contains("recovered 1 unsaved edit"),
            "{}",
            notices(&a)
        );
        assert_eq!(a.annotations().quotes[0].note.as_deref(), Some("B's edit"));
    }
}
