//! The annotation store through its public API: opening, editing, undo, saving,
//! conflicts, the journal after a kill, re-anchoring, and malformed stores.

// The helpers below are test code too; clippy's test exemption only sees #[test] fns.
#![allow(clippy::unwrap_used)]

mod store_support;

use parley::article::{Article, Source};
use parley::model::{QuoteKind, Status};
use parley::store::{Edit, Filter, OpenOptions, SaveError, Store, StoreError};
use std::fs;
use std::path::Path;
use store_support::{Fixture, child_dir, spawn_child_test, wait_for_line};

const ARTICLE: &str = "U.S., Cuba discuss migration\n\nWASHINGTON (Reuters) - U.S. and Cuban officials \
met on Tuesday. \"Engaging in these talks is in our interest,\" said Ian Kelly, the State Department \
spokesman. Cuba said it offered a new immigration agreement. The so-called wet foot, dry foot policy \
was discussed.\n";

const KELLY: &str = "\"Engaging in these talks is in our interest,\"";
const CUBA: &str = "Cuba said it offered a new immigration agreement.";

fn fixture() -> Fixture {
    store_support::fixture_with(ARTICLE)
}

fn article(path: &Path) -> Article {
    Article::load(Source::File(path.to_path_buf()), 1 << 20).unwrap()
}

/// Two sides, and no detector: the store is tested here, not the detector.
fn options() -> OpenOptions {
    store_support::options()
}

fn span(needle: &str) -> (usize, usize) {
    let s = ARTICLE.find(needle).unwrap();
    (s, s + needle.len())
}

/// A store with a speaker, a quote and a position, saved.
fn saved_store(f: &Fixture) -> Store {
    let a = article(&f.article_path);
    let mut s = Store::open(&a, &options());
    assert!(s.read_only().is_none(), "{:?}", s.read_only());
    let kelly = s
        .apply(Edit::AddSpeaker {
            name: "Ian Kelly".into(),
            role: Some("State Department spokesman".into()),
            party: Some("us".into()),
        })
        .unwrap()
        .created
        .unwrap();
    let (start, end) = span(KELLY);
    s.apply(Edit::AddQuote {
        start,
        end,
        kind: QuoteKind::Direct,
        party: Some("us".into()),
        speaker: Some(kelly),
    })
    .unwrap();
    let (start, end) = span(CUBA);
    s.apply(Edit::AddPosition {
        start,
        end,
        party: Some("cuba".into()),
        speaker: None,
    })
    .unwrap();
    s.save().unwrap();
    s
}

#[test]
fn nothing_is_written_until_save_and_save_clears_the_journal() {
    let f = fixture();
    let a = article(&f.article_path);
    let mut s = Store::open(&a, &options());
    assert!(!s.exists_on_disk());
    assert_eq!(s.path(), Some(f.store_path.as_path()));
    assert!(!f.store_path.exists());
    let (start, end) = span(KELLY);
    s.apply(Edit::AddQuote {
        start,
        end,
        kind: QuoteKind::Direct,
        party: None,
        speaker: None,
    })
    .unwrap();
    let journal = parley::store::journal::path_for(&f.store_path);
    assert!(journal.exists(), "the edit is journalled");
    assert!(!f.store_path.exists(), "but the store is not written");
    assert!(s.is_dirty());
    s.save().unwrap();
    assert!(f.store_path.exists());
    assert!(!journal.exists());
    assert!(!s.is_dirty());
}

#[test]
fn saved_store_reopens_equal_and_saves_byte_identical() {
    let f = fixture();
    // the first reader quits before the second opens: one reader edits a store at a time
    let saved = saved_store(&f).annotations().clone();
    let first = fs::read(&f.store_path).unwrap();
    let mut again = Store::open(&article(&f.article_path), &options());
    assert!(again.exists_on_disk());
    assert_eq!(again.annotations(), &saved);
    assert!(again.notices().is_empty(), "{:?}", again.notices());
    again.save().unwrap();
    assert_eq!(fs::read(&f.store_path).unwrap(), first);
    let text = String::from_utf8(first).unwrap();
    assert!(text.starts_with("version = 1\n"), "{text}");
    assert!(text.contains("[[quote]]\nid = \"q1\""), "{text}");
}

#[test]
fn undo_redo_and_groups() {
    let f = fixture();
    let mut s = saved_store(&f);
    let before = s.annotations().clone();
    s.apply(Edit::SetStatus {
        id: "q1".into(),
        status: Status::Rejected,
    })
    .unwrap();
    s.begin_group("tag kelly");
    s.apply(Edit::SetKind {
        id: "q1".into(),
        kind: QuoteKind::Partial,
    })
    .unwrap();
    s.apply(Edit::SetNote {
        id: "q1".into(),
        note: Some("check the wording".into()),
    })
    .unwrap();
    s.end_group();
    let after = s.annotations().clone();
    assert_eq!(s.undo().unwrap().as_deref(), Some("tag kelly"));
    assert_eq!(s.annotations().quotes[0].kind, QuoteKind::Direct);
    assert_eq!(s.annotations().quotes[0].note, None);
    assert_eq!(s.undo().unwrap().as_deref(), Some("set status"));
    assert_eq!(s.annotations(), &before);
    s.redo().unwrap();
    s.redo().unwrap();
    assert_eq!(s.annotations(), &after);
    assert_eq!(s.redo().unwrap(), None);
    // Undo all the way back to the start, through the save.
    while s.undo().unwrap().is_some() {}
    assert!(s.annotations().quotes.is_empty());
    assert!(s.annotations().speakers.is_empty());
}

#[test]
fn edit_commands_cover_the_reader() {
    let f = fixture();
    let mut s = saved_store(&f);
    let state = s
        .apply(Edit::AddSpeaker {
            name: "State Department".into(),
            role: None,
            party: Some("us".into()),
        })
        .unwrap()
        .created
        .unwrap();
    assert_eq!(state, "state-department");
    s.apply(Edit::SetSpeaker {
        id: "p1".into(),
        speaker: Some(state.clone()),
    })
    .unwrap();
    s.apply(Edit::MergeSpeakers {
        from: state.clone(),
        into: "ian-kelly".into(),
    })
    .unwrap();
    assert!(s.annotations().speaker(&state).is_none());
    assert_eq!(
        s.annotations().positions[0].speaker.as_deref(),
        Some("ian-kelly")
    );
    let (start, end) = span("wet foot, dry foot");
    let q = s
        .apply(Edit::AddQuote {
            start,
            end,
            kind: QuoteKind::Term,
            party: None,
            speaker: None,
        })
        .unwrap()
        .created
        .unwrap();
    s.apply(Edit::SetStatus {
        id: q.clone(),
        status: Status::Suggested,
    })
    .unwrap();
    let n = s
        .apply(Edit::SetStatusAll {
            filter: Filter {
                quotes: true,
                kind: Some(QuoteKind::Term),
                ..Filter::default()
            },
            status: Status::Accepted,
        })
        .unwrap();
    assert_eq!(n.changes, 1);
    s.apply(Edit::SetSpan {
        id: q.clone(),
        start,
        end: end - 10,
    })
    .unwrap();
    assert_eq!(s.annotations().quotes[1].text, "wet foot");
    assert!(
        s.apply(Edit::SetSpan {
            id: q.clone(),
            start,
            end: start
        })
        .is_err()
    );
    assert!(
        s.apply(Edit::SetSide {
            id: q.clone(),
            party: Some("mars".into())
        })
        .is_err()
    );
    s.apply(Edit::Delete { id: q }).unwrap();
    s.save().unwrap();
    let again = Store::open(&article(&f.article_path), &options());
    assert_eq!(again.annotations().quotes.len(), 1);
}

#[test]
fn a_change_on_disk_is_not_clobbered() {
    let f = fixture();
    let mut s = saved_store(&f);
    s.apply(Edit::SetNote {
        id: "q1".into(),
        note: Some("mine".into()),
    })
    .unwrap();
    let theirs = fs::read_to_string(&f.store_path)
        .unwrap()
        .replace("Ian Kelly", "Ian  Kelly");
    fs::write(&f.store_path, &theirs).unwrap();
    let err = s.save().unwrap_err();
    assert!(matches!(err, SaveError::Conflict(_)), "{err}");
    assert!(err.to_string().contains("reload"), "{err}");
    assert_eq!(fs::read_to_string(&f.store_path).unwrap(), theirs);
    // Save elsewhere, then overwrite, then reload.
    let other = f.store_path.with_extension("mine.toml");
    s.save_as(&other).unwrap();
    assert!(fs::read_to_string(&other).unwrap().contains("mine"));
    fs::write(&other, &theirs).unwrap();
    assert!(matches!(s.save(), Err(SaveError::Conflict(_))));
    s.save_overwrite().unwrap();
    assert!(
        fs::read_to_string(&other)
            .unwrap()
            .contains("note = \"mine\"")
    );
    s.reload(&article(&f.article_path)).unwrap();
    assert_eq!(s.annotations().quotes[0].note.as_deref(), Some("mine"));
}

#[test]
fn a_new_store_appearing_on_disk_is_a_conflict() {
    let f = fixture();
    let mut s = Store::open(&article(&f.article_path), &options());
    fs::write(&f.store_path, "version = 1\n").unwrap();
    assert!(matches!(s.save(), Err(SaveError::Conflict(_))));
}

#[cfg(unix)]
#[test]
fn symlinked_store_is_saved_through_its_link() {
    let f = fixture();
    saved_store(&f);
    let real = f.store_path.with_extension("real");
    fs::rename(&f.store_path, &real).unwrap();
    std::os::unix::fs::symlink(&real, &f.store_path).unwrap();
    let mut s = Store::open(&article(&f.article_path), &options());
    s.apply(Edit::SetNote {
        id: "q1".into(),
        note: Some("through".into()),
    })
    .unwrap();
    s.save().unwrap();
    assert!(
        fs::symlink_metadata(&f.store_path)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(fs::read_to_string(&real).unwrap().contains("through"));
}

const CHILD_ENV: &str = "PARLEY_JOURNAL_CHILD";

/// Not a test: the process `journal_replays_edits_after_kill` kills after three edits.
#[test]
#[ignore = "a child process, run by journal_replays_edits_after_kill"]
fn child_process_for_journal_replays_edits_after_kill() {
    let dir = child_dir(CHILD_ENV);
    let a = article(&dir.join("talks.txt"));
    let mut s = Store::open(&a, &options());
    // (q1 was made by hand, so accepted already: that would change nothing)
    s.apply(Edit::SetStatus {
        id: "q1".into(),
        status: Status::Rejected,
    })
    .unwrap();
    s.apply(Edit::SetNote {
        id: "p1".into(),
        note: Some("after the save".into()),
    })
    .unwrap();
    let (start, end) = span("wet foot, dry foot");
    s.apply(Edit::AddQuote {
        start,
        end,
        kind: QuoteKind::Term,
        party: None,
        speaker: None,
    })
    .unwrap();
    println!("edited");
    loop {
        std::thread::sleep(std::time::Duration::from_secs(1));
    }
}

#[test]
fn journal_replays_edits_after_kill() {
    let f = fixture();
    saved_store(&f);
    let saved = fs::read(&f.store_path).unwrap();
    let mut child = spawn_child_test(
        "child_process_for_journal_replays_edits_after_kill",
        CHILD_ENV,
        f.article_path.parent().unwrap(),
    );
    let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
    wait_for_line(&mut out, "edited");
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(
        fs::read(&f.store_path).unwrap(),
        saved,
        "the store is untouched"
    );
    let mut s = Store::open(&article(&f.article_path), &options());
    assert!(
        s.notices()
            .iter()
            .any(|n| n.contains("recovered 3 unsaved edits")),
        "{:?}",
        s.notices()
    );
    assert!(s.is_dirty());
    let a = s.annotations();
    assert_eq!(a.quotes.len(), 2);
    assert_eq!(a.positions[0].note.as_deref(), Some("after the save"));
    // The recovered edits are one undo step, and saving clears the journal.
    assert_eq!(s.undo().unwrap().as_deref(), Some("recovered edits"));
    assert_eq!(s.annotations().quotes.len(), 1);
    s.redo().unwrap();
    s.save().unwrap();
    assert!(!parley::store::journal::path_for(&f.store_path).exists());
    drop(s);
    let again = Store::open(&article(&f.article_path), &options());
    assert!(again.notices().is_empty(), "{:?}", again.notices());
    assert_eq!(again.annotations().quotes.len(), 2);
}

#[test]
fn journal_without_a_store_replays_onto_its_snapshot() {
    let f = fixture();
    {
        let mut s = Store::open(&article(&f.article_path), &options());
        let (start, end) = span(CUBA);
        s.apply(Edit::AddPosition {
            start,
            end,
            party: Some("cuba".into()),
            speaker: None,
        })
        .unwrap();
        // Dropped without saving, as a crash would.
    }
    let s = Store::open(&article(&f.article_path), &options());
    assert_eq!(s.annotations().positions.len(), 1);
    assert!(!s.exists_on_disk());
}

#[test]
fn a_stale_journal_is_set_aside_not_replayed() {
    let f = fixture();
    let mut s = saved_store(&f);
    s.apply(Edit::Delete { id: "q1".into() }).unwrap();
    drop(s);
    // Someone else saves the store in between.
    let text = fs::read_to_string(&f.store_path).unwrap();
    fs::write(&f.store_path, text.replace("spokesman", "spokesperson")).unwrap();
    let s = Store::open(&article(&f.article_path), &options());
    assert_eq!(
        s.annotations().quotes.len(),
        1,
        "the delete is not replayed"
    );
    assert!(s.notices()[0].contains("not replayed"), "{:?}", s.notices());
    let mut aside = parley::store::journal::path_for(&f.store_path).into_os_string();
    aside.push(".old");
    assert!(Path::new(&aside).exists());
}

/// A saved store reopened after the article changed; the fixture keeps the directory.
fn reanchored(new_article: &str) -> (Fixture, Store) {
    let f = fixture();
    saved_store(&f);
    fs::write(&f.article_path, new_article).unwrap();
    let s = Store::open(&article(&f.article_path), &options());
    (f, s)
}

#[test]
fn reanchors_after_text_is_inserted_before() {
    let new = ARTICLE.replace("officials", "officials, led by senior diplomats,");
    let (_f, s) = reanchored(&new);
    let a = s.annotations();
    assert_eq!(&new[a.quotes[0].range()], KELLY);
    assert_eq!(&new[a.positions[0].range()], CUBA);
    assert_eq!(s.anchor_report().moved, 2);
    assert!(
        s.notices()[0].contains("2 annotations re-anchored"),
        "{:?}",
        s.notices()
    );
    assert_eq!(
        a.article.sha256,
        parley::article::sha256_hex(new.as_bytes())
    );
}

#[test]
fn reanchors_after_a_word_inside_is_edited() {
    let new = ARTICLE.replace("in our interest", "in our mutual interest");
    let (_f, s) = reanchored(&new);
    let q = &s.annotations().quotes[0];
    assert_eq!(
        q.text,
        "\"Engaging in these talks is in our mutual interest,\""
    );
    assert_eq!(s.anchor_report().fuzzy, 1);
}

#[test]
fn a_deleted_quote_becomes_an_orphan_kept_in_the_store() {
    let new = ARTICLE.replace(KELLY, "Talks are useful,");
    let (_f, mut s) = reanchored(&new);
    let (orphans, _) = s.orphans();
    assert_eq!(orphans.len(), 1);
    assert_eq!(orphans[0].text, KELLY);
    assert!(s.notices()[0].contains("1 orphan"), "{:?}", s.notices());
    s.save().unwrap();
    let text = fs::read_to_string(s.path().unwrap()).unwrap();
    assert!(text.contains("[[orphan_quote]]"), "{text}");
    // Re-attach it to the new wording.
    let start = new.find("Talks are useful,").unwrap();
    s.apply(Edit::SetSpan {
        id: "q1".into(),
        start,
        end: start + "Talks are useful,".len(),
    })
    .unwrap();
    assert!(s.orphans().0.is_empty());
    assert_eq!(
        s.annotations().quotes[0].speaker.as_deref(),
        Some("ian-kelly")
    );
}

/// Opening a malformed store: a clear error naming the place, a read-only reader, and
/// the file byte-identical afterwards even when the reader tries to edit and save.
fn assert_malformed(contents: &[u8], expect: &str, limit: Option<u64>) {
    let f = fixture();
    fs::write(&f.store_path, contents).unwrap();
    let a = article(&f.article_path);
    let opts = OpenOptions {
        max_bytes: limit.unwrap_or(OpenOptions::default().max_bytes),
        ..options()
    };
    let err = Store::load(&a, &opts).expect_err("the store is refused");
    let msg = err.to_string();
    assert!(msg.contains("talks.txt.parley.toml"), "{msg}");
    assert!(msg.contains(expect), "expected {expect:?} in {msg}");
    let mut s = Store::open(&a, &opts);
    assert!(s.read_only().is_some());
    assert!(
        s.apply(Edit::SetNote {
            id: "q1".into(),
            note: None
        })
        .is_err()
    );
    assert!(matches!(s.save(), Err(SaveError::ReadOnly(_))));
    assert_eq!(
        fs::read(&f.store_path).unwrap(),
        contents,
        "the file is untouched"
    );
}

fn good_store_text() -> String {
    let f = fixture();
    saved_store(&f);
    fs::read_to_string(&f.store_path).unwrap()
}

#[test]
fn malformed_bad_toml() {
    assert_malformed(b"version = 1\n[article\n", "talks.txt.parley.toml:2:", None);
}

#[test]
fn malformed_wrong_types() {
    let text = good_store_text().replacen("start = ", "start = \"x\" # ", 1);
    let line = text
        .lines()
        .position(|l| l.starts_with("start = \"x\""))
        .unwrap()
        + 1;
    assert_malformed(text.as_bytes(), &format!(":{line}:9: invalid type"), None);
}

#[test]
fn malformed_unknown_version() {
    let text = good_store_text().replace("version = 1", "version = 2");
    assert_malformed(
        text.as_bytes(),
        "talks.txt.parley.toml:1:11: store schema version 2",
        None,
    );
}

#[test]
fn malformed_offsets_out_of_range() {
    let text = good_store_text();
    let q_end = span(KELLY).1;
    let text = text.replace(&format!("end = {q_end}\n"), "end = 99999\n");
    assert_malformed(text.as_bytes(), "past the end of the article", None);
}

#[test]
fn malformed_mid_character_offsets() {
    let f = fixture();
    let article_text = ARTICLE.replace("Tuesday", "Tuesdäy");
    fs::write(&f.article_path, &article_text).unwrap();
    let a = article(&f.article_path);
    let mut s = Store::open(&a, &options());
    let start = article_text.find("Tuesdäy").unwrap();
    s.apply(Edit::AddQuote {
        start,
        end: start + "Tuesdäy".len(),
        kind: QuoteKind::Term,
        party: None,
        speaker: None,
    })
    .unwrap();
    s.save().unwrap();
    let text = fs::read_to_string(&f.store_path).unwrap();
    let bad = text.replace(
        &format!("start = {start}"),
        &format!("start = {}", start + 6),
    );
    drop(s);
    fs::write(&f.store_path, &bad).unwrap();
    let err = Store::load(&a, &options()).err().unwrap();
    assert!(err.to_string().contains("inside a character"), "{err}");
    assert_eq!(fs::read_to_string(&f.store_path).unwrap(), bad);
}

#[test]
fn malformed_dangling_reference() {
    let text = good_store_text().replace("speaker = \"ian-kelly\"", "speaker = \"nobody\"");
    assert_malformed(
        text.as_bytes(),
        "names speaker “nobody”, which is not defined",
        None,
    );
}

#[test]
fn malformed_duplicate_ids() {
    let text = good_store_text().replace("id = \"p1\"", "id = \"q1\"");
    assert_malformed(text.as_bytes(), "duplicate annotation id “q1”", None);
}

#[test]
fn malformed_not_utf8() {
    assert_malformed(
        b"version = 1\n# \xff\n",
        "talks.txt.parley.toml:2:3: the file is not valid UTF-8",
        None,
    );
}

#[test]
fn malformed_hundred_megabyte_file() {
    let f = fixture();
    let file = fs::File::create(&f.store_path).unwrap();
    file.set_len(100 * 1024 * 1024).unwrap();
    drop(file);
    let opts = OpenOptions {
        max_bytes: 64 * 1024 * 1024,
        ..options()
    };
    let a = article(&f.article_path);
    let err = Store::load(&a, &opts).err().unwrap();
    assert!(matches!(err, StoreError::TooLarge { .. }), "{err}");
    assert!(err.to_string().contains("limits.max_store_bytes"), "{err}");
    let s = Store::open(&a, &opts);
    assert!(s.read_only().is_some());
    assert_eq!(
        fs::metadata(&f.store_path).unwrap().len(),
        100 * 1024 * 1024
    );
}

#[test]
fn check_lists_orphans_and_problems() {
    use parley::store::check::check;
    let f = fixture();
    saved_store(&f);
    let clean = check(&article(&f.article_path), &options()).unwrap();
    assert!(
        clean.problems.is_empty() && clean.notes.is_empty(),
        "{clean:?}"
    );
    fs::write(&f.article_path, ARTICLE.replace(CUBA, "")).unwrap();
    let r = check(&article(&f.article_path), &options()).unwrap();
    assert_eq!(r.problems.len(), 1, "{r:?}");
    assert!(
        r.problems[0].contains("position “p1” cannot be placed"),
        "{r:?}"
    );
    let journal = parley::store::journal::path_for(&f.store_path);
    assert!(!journal.exists(), "check writes nothing");
}

const KILLS_ENV: &str = "PARLEY_JOURNAL_KILLS";
const LOOP_CHILD_ENV: &str = "PARLEY_JOURNAL_LOOP_CHILD";

/// Not a test: the process `journal_survives_random_kills` kills, editing a note over
/// and over and saying after each edit that it is done.
#[test]
#[ignore = "a child process, run by journal_survives_random_kills"]
fn child_process_for_journal_survives_random_kills() {
    use std::io::Write;
    let dir = child_dir(LOOP_CHILD_ENV);
    let a = article(&dir.join("talks.txt"));
    let mut s = Store::open(&a, &options());
    let mut out = std::io::stdout().lock();
    for i in 1.. {
        s.apply(Edit::SetNote {
            id: "p1".into(),
            note: Some(format!("edit {i}")),
        })
        .unwrap();
        writeln!(out, "edited {i}").unwrap();
        out.flush().unwrap();
    }
}

/// Kills an editing process at random moments: every edit it reported done comes back
/// on the next open, and the store file itself is never touched. 40 kills by default;
/// PARLEY_JOURNAL_KILLS=1000 for the figures in docs/RELIABILITY.md.
#[test]
fn journal_survives_random_kills() {
    use std::io::{BufRead, BufReader};
    let kills: usize = std::env::var(KILLS_ENV)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(40);
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let mut recovered_total = 0usize;
    for _ in 0..kills {
        let f = fixture();
        saved_store(&f);
        let saved = fs::read(&f.store_path).unwrap();
        let mut child = spawn_child_test(
            "child_process_for_journal_survives_random_kills",
            LOOP_CHILD_ENV,
            f.article_path.parent().unwrap(),
        );
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let wanted = 1 + (seed % 30) as usize;
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        let mut done = 0usize;
        while done < wanted {
            line.clear();
            if out.read_line(&mut line).unwrap() == 0 {
                break;
            }
            if let Some(n) = line.trim().strip_prefix("edited ") {
                done = n.parse().unwrap();
            }
        }
        assert!(
            done >= wanted,
            "the child process ended after {done} edits, before {wanted}"
        );
        child.kill().unwrap();
        child.wait().unwrap();
        // edits reported after the ones we waited for were shown too
        for rest in out.lines() {
            if let Some(n) = rest.unwrap().trim().strip_prefix("edited ") {
                done = n.parse().unwrap();
            }
        }
        assert_eq!(
            fs::read(&f.store_path).unwrap(),
            saved,
            "the store file is untouched"
        );
        let s = Store::open(&article(&f.article_path), &options());
        let note = s.annotations().positions[0]
            .note
            .clone()
            .unwrap_or_default();
        let got: usize = note
            .strip_prefix("edit ")
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        assert!(
            got >= done,
            "edit {done} was shown but only {got} came back"
        );
        recovered_total += got;
    }
    eprintln!("{kills} kills; {recovered_total} edits recovered in all; none lost");
}

#[test]
fn an_older_stores_reading_table_still_loads_and_is_dropped_on_save() {
    // the reader's place and marks live in its state file; stores written before
    // that kept them in [reading], which must not make such a store unreadable
    let f = fixture();
    let a = article(&f.article_path);
    let suggested = OpenOptions {
        suggest: Some(parley::detect::detect_with_progress),
        ..options()
    };
    let mut s = Store::open(&a, &suggested);
    s.save().unwrap();
    drop(s);
    let mut text = fs::read_to_string(&f.store_path).unwrap();
    text.push_str("\n[reading]\nposition = 12\n\n[[reading.mark]]\nname = \"a\"\nat = 3\n");
    fs::write(&f.store_path, &text).unwrap();
    let mut s = Store::load(&a, &options()).expect("an older store loads");
    let q = s.annotations().quotes[0].id.clone();
    s.apply(Edit::SetNote {
        id: q,
        note: Some("kept".into()),
    })
    .unwrap();
    s.save().unwrap();
    let saved = fs::read_to_string(&f.store_path).unwrap();
    assert!(!saved.contains("[reading]"), "{saved}");
    assert!(saved.contains("note = \"kept\""));
}

#[test]
fn undo_back_to_the_saved_state_leaves_no_journal_to_recover() {
    let f = fixture();
    let a = article(&f.article_path);
    let mut s = Store::open(&a, &options());
    let (start, end) = span(CUBA);
    s.apply(Edit::AddPosition {
        start,
        end,
        party: None,
        speaker: None,
    })
    .unwrap();
    s.save().unwrap();
    let id = s.annotations().positions[0].id.clone();
    s.apply(Edit::SetNote {
        id,
        note: Some("draft".into()),
    })
    .unwrap();
    let journal = parley::store::journal::path_for(&f.store_path);
    assert!(journal.exists(), "the unsaved edit is journalled");
    s.undo().unwrap();
    assert!(!s.is_dirty());
    assert!(!journal.exists(), "nothing left to protect");
    // as after a crash: the next start finds nothing to recover
    drop(s);
    let again = Store::open(&a, &options());
    assert!(!again.is_dirty());
    assert!(again.notices().is_empty(), "{:?}", again.notices());
}
