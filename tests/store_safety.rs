//! The store's answers to the attacks of issue #16 and the saving items of #14: two
//! readers on one store, damaged and hostile journals, discarding when the store has
//! become unreadable, writes where they must not go, and the saved point in history.

#![allow(clippy::unwrap_used)]

use parley::article::{Article, Source};
use parley::model::{Party, QuoteKind, Status};
use parley::store::guard::Refused;
use parley::store::history::{Change, Item};
use parley::store::journal::{self, Journal};
use parley::store::{Edit, OpenOptions, SaveError, Store};
use std::fs;
use std::io::Write;
use std::path::PathBuf;

const ARTICLE: &str = "Talks resume in Havana’s old town\n\nHAVANA - \u{201c}We are ready, and \
willing,\u{201d} said Ian Kelly on Tuesday. Cuba said it wanted a new agreement. The talks \
went on past midnight.\n";

struct Fixture {
    _dir: tempfile::TempDir,
    article_path: PathBuf,
    store_path: PathBuf,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let article_path = dir.path().join("talks.txt");
    fs::write(&article_path, ARTICLE).unwrap();
    let store_path = dir.path().join("talks.txt.parley.toml");
    Fixture {
        _dir: dir,
        article_path,
        store_path,
    }
}

fn article(f: &Fixture) -> Article {
    Article::load(Source::File(f.article_path.clone()), 1 << 20).unwrap()
}

fn options() -> OpenOptions {
    let party = |id: &str, name: &str| Party {
        id: id.into(),
        name: name.into(),
        aliases: vec![],
        color: None,
    };
    OpenOptions {
        parties: Some(vec![party("us", "United States"), party("cuba", "Cuba")]),
        suggest: None,
        ..OpenOptions::default()
    }
}

fn span(needle: &str) -> (usize, usize) {
    let start = ARTICLE.find(needle).unwrap();
    (start, start + needle.len())
}

/// Opens the store and adds the quote (q1) and the position (p1); saved when `save`.
fn edited(f: &Fixture, save: bool) -> Store {
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

fn notices(s: &Store) -> String {
    s.notices().join(" | ")
}

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
    s.discard_journal();
    assert!(!journal.exists());
}

#[test]
fn save_as_never_writes_over_the_article_and_asks_before_replacing() {
    let f = fixture();
    let mut s = edited(&f, false);
    let e = s.save_as(&f.article_path).unwrap_err();
    assert!(
        matches!(e, SaveError::Refused(Refused::IsArticle(_))),
        "{e}"
    );
    assert_eq!(fs::read_to_string(&f.article_path).unwrap(), ARTICLE);
    let other = f.article_path.with_file_name("other.toml");
    fs::write(&other, "mine").unwrap();
    assert!(
        s.check_save_as(&other).unwrap(),
        "the reader is told it exists"
    );
    let e = s.save_as(&other).unwrap_err();
    assert!(matches!(e, SaveError::Refused(Refused::Exists(_))), "{e}");
    assert_eq!(fs::read_to_string(&other).unwrap(), "mine");
    s.save_as_replacing(&other).unwrap();
    assert!(
        fs::read_to_string(&other)
            .unwrap()
            .starts_with("version = 1")
    );
    s.save_as(&other).unwrap();
    assert_eq!(s.save_elsewhere_default().as_deref(), other.to_str());
    // the new name is held now: a second reader of it is read-only
    let o = OpenOptions {
        store: Some(other.clone()),
        ..options()
    };
    assert!(Store::open(&article(&f), &o).read_only().is_some());
}

#[test]
fn a_store_named_as_the_article_is_never_saved_over_it() {
    let f = fixture();
    let o = OpenOptions {
        store: Some(f.article_path.clone()),
        ..options()
    };
    let mut s = Store::open(&article(&f), &o);
    assert!(s.save().is_err());
    assert!(s.save_overwrite().is_err());
    assert_eq!(fs::read_to_string(&f.article_path).unwrap(), ARTICLE);
}

#[cfg(unix)]
#[test]
fn a_read_only_store_is_not_replaced_and_the_user_is_told() {
    use std::os::unix::fs::PermissionsExt;
    let f = fixture();
    let mut s = edited(&f, true);
    let saved = fs::read(&f.store_path).unwrap();
    fs::set_permissions(&f.store_path, fs::Permissions::from_mode(0o444)).unwrap();
    s.apply(Edit::SetStatus {
        id: "q1".into(),
        status: Status::Rejected,
    })
    .unwrap();
    let e = s.save().unwrap_err();
    assert!(e.to_string().contains("read-only"), "{e}");
    assert_eq!(fs::read(&f.store_path).unwrap(), saved);
    assert!(s.is_dirty(), "the edit is still unsaved");
}

#[cfg(unix)]
#[test]
fn a_planted_journal_link_is_not_followed() {
    let f = fixture();
    let target = f.article_path.with_file_name("planted-target");
    std::os::unix::fs::symlink(&target, journal::path_for(&f.store_path)).unwrap();
    let s = edited(&f, false);
    assert!(!target.exists(), "the link's target was not created");
    assert!(notices(&s).contains("journal"), "{}", notices(&s));
}

#[test]
fn undoing_back_to_the_saved_state_is_not_unsaved() {
    let f = fixture();
    let mut s = edited(&f, true);
    assert!(!s.is_dirty());
    s.apply(Edit::SetNote {
        id: "q1".into(),
        note: Some("one".into()),
    })
    .unwrap();
    s.apply(Edit::SetStatus {
        id: "p1".into(),
        status: Status::Rejected,
    })
    .unwrap();
    assert!(s.is_dirty());
    s.undo().unwrap();
    assert!(s.is_dirty(), "one edit still unsaved");
    s.undo().unwrap();
    assert!(!s.is_dirty(), "back at the saved state");
    s.undo().unwrap();
    assert!(s.is_dirty(), "before the saved state is unsaved too");
    s.redo().unwrap();
    assert!(!s.is_dirty());
    s.redo().unwrap();
    assert!(s.is_dirty());
}

/// Accept-all over many suggestions, undone and redone, lands exactly where one-by-one
/// changes would (the bulk path of the history).
#[test]
fn accept_all_undo_and_redo_over_many_suggestions_round_trip() {
    let f = fixture();
    let a = article(&f);
    let mut s = Store::open(&a, &options());
    let mut set = s.annotations().clone();
    let text = a.text.as_str();
    for (i, (at, _)) in text.char_indices().filter(|(_, c)| *c == ' ').enumerate() {
        let mut q = parley::model::Quote {
            id: format!("s{i}").into(),
            start: at + 1,
            end: text[at + 1..].find(' ').map_or(text.len(), |e| at + 1 + e),
            text: Default::default(),
            speaker: None,
            party: None,
            kind: QuoteKind::Term,
            cue: None,
            origin: Default::default(),
            status: Status::Suggested,
            note: None,
            prefix: Default::default(),
            suffix: Default::default(),
        };
        q.text = text[q.start..q.end].to_string().into();
        set.quotes.push(q);
    }
    let n = set.quotes.len();
    assert!(n > 20, "enough for the bulk path: {n}");
    let toml = parley::store::schema::to_toml(&set).unwrap();
    drop(s);
    fs::write(&f.store_path, toml).unwrap();
    s = Store::open(&a, &options());
    let before = s.annotations().clone();
    s.apply(Edit::SetStatusAll {
        filter: parley::store::Filter {
            quotes: true,
            positions: true,
            ..Default::default()
        },
        status: Status::Accepted,
    })
    .unwrap();
    assert!(
        s.annotations()
            .quotes
            .iter()
            .all(|q| q.status == Status::Accepted)
    );
    let accepted = s.annotations().clone();
    s.undo().unwrap();
    assert_eq!(s.annotations(), &before);
    s.redo().unwrap();
    assert_eq!(s.annotations(), &accepted);
}

const HOLDER_ENV: &str = "PARLEY_SAFETY_HOLDER";

/// Not a test on its own: the other reader of `a_reader_killed_while_another_waits`,
/// run as a child process with `PARLEY_SAFETY_HOLDER` naming the fixture directory.
#[test]
fn holder_child() {
    let Some(dir) = std::env::var_os(HOLDER_ENV) else {
        return;
    };
    let dir = PathBuf::from(dir);
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
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    let rounds: usize = std::env::var("PARLEY_TWO_READER_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3);
    for _ in 0..rounds {
        let f = fixture();
        drop(edited(&f, true));
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "holder_child",
                "--nocapture",
                "--test-threads",
                "1",
            ])
            .env(HOLDER_ENV, f.article_path.parent().unwrap())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        while !line.contains("edited") {
            line.clear();
            assert!(out.read_line(&mut line).unwrap() > 0, "child died");
        }
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
