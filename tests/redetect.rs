//! Re-detection through a real store: nothing changes on an untouched store; on an
//! article that changed, a quote in a new paragraph is suggested while every
//! annotation a person touched stays as it was, a rejected one is not brought back,
//! and a renamed, merged or deleted speaker stays as the person left it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use parley::article::{Article, Source};
use parley::model::{Annotations, Party, QuoteKind, Recheck, Status};
use parley::store::{Edit, EditError, OpenOptions, Store};
use std::path::Path;

const TEXT: &str = "Talvera and Corvessa trade blame\n\n\
\"We came with a fair offer,\" said Ines Marov, the foreign minister of Talvera.\n\n\
\"Talvera has taken more than its share,\" said Petr Alden, a minister of Corvessa.\n\n\
\"Our farmers are watching their fields turn to dust,\" said Dana Kuric, a spokeswoman for Talvera.\n";

const ADDED: &str =
    "\n\"Nobody should read anything into it,\" said Mira Sobel, a spokeswoman for Corvessa.\n";

fn sides() -> Vec<Party> {
    [("t", "Talvera"), ("c", "Corvessa")]
        .map(|(id, name)| Party {
            id: id.into(),
            name: name.into(),
            aliases: Vec::new(),
            color: None,
            ..Default::default()
        })
        .into()
}

fn article(dir: &Path, text: &str) -> Article {
    let path = dir.join("story.txt");
    std::fs::write(&path, text).unwrap();
    Article::load(Source::File(path), 1 << 20).unwrap()
}

fn options() -> OpenOptions {
    OpenOptions {
        parties: Some(sides()),
        suggest: Some(parley::detect::detect_with_progress),
        ..OpenOptions::default()
    }
}

fn open(a: &Article) -> Store {
    Store::open(a, &options())
}

fn found(a: &Article, s: &Store) -> Box<Annotations> {
    Box::new(parley::detect::detect(a, Some(&s.annotations().parties)))
}

fn quote_by<'a>(s: &'a Store, speaker: &str) -> &'a parley::model::Quote {
    s.annotations()
        .quotes
        .iter()
        .find(|q| q.speaker.as_deref() == Some(speaker))
        .unwrap_or_else(|| panic!("a quote of {speaker}: {:?}", s.annotations().quotes))
}

#[test]
fn an_untouched_store_re_detected_with_its_own_sides_does_not_change() {
    let dir = tempfile::tempdir().unwrap();
    let a = article(dir.path(), TEXT);
    let mut s = open(&a);
    let before = s.annotations().clone();
    let o = s.apply(Edit::Redetect(found(&a, &s))).unwrap();
    assert_eq!(o.changes, 0);
    let tally = o.tally.unwrap();
    assert!(tally.is_empty(), "{tally:?}");
    assert_eq!(s.annotations(), &before);
    assert!(!s.is_dirty());
}

#[test]
fn a_changed_article_gets_new_suggestions_and_keeps_what_a_person_touched() {
    let dir = tempfile::tempdir().unwrap();
    let a = article(dir.path(), TEXT);
    let mut s = open(&a);
    let marov = quote_by(&s, "ines-marov").id.clone();
    let alden = quote_by(&s, "petr-alden").id.clone();
    let kuric = quote_by(&s, "dana-kuric").id.clone();
    s.apply(Edit::SetStatus {
        id: marov.clone(),
        status: Status::Accepted,
    })
    .unwrap();
    s.apply(Edit::SetSide {
        id: marov.clone(),
        party: Some("c".into()),
    })
    .unwrap();
    s.apply(Edit::SetStatus {
        id: alden.clone(),
        status: Status::Rejected,
    })
    .unwrap();
    s.apply(Edit::SetNote {
        id: kuric.clone(),
        note: Some("check the figure".into()),
    })
    .unwrap();
    s.save().unwrap();
    let touched = s.annotations().quotes.clone();
    drop(s);

    // opening the changed article detects it again: one undo step, said in a notice
    let changed = article(dir.path(), &format!("{TEXT}{ADDED}"));
    let mut s = open(&changed);
    let notices = s.take_notices().join("; ");
    assert!(
        notices.contains("detected again: suggestions 1 added; 1 speaker added; 3 annotations a person touched kept"),
        "{notices}"
    );
    assert!(s.is_dirty(), "the merge is an edit, to save");
    let again = s.apply(Edit::Redetect(found(&changed, &s))).unwrap();
    assert!(again.tally.unwrap().is_empty(), "nothing left to add");
    let quotes = &s.annotations().quotes;
    assert_eq!(
        &quotes[..3],
        &touched[..],
        "touched quotes stay as they were"
    );
    let new = &quotes[3];
    assert!(new.text.starts_with("\"Nobody should"), "{new:?}");
    assert_eq!(
        (new.speaker.as_deref(), new.party.as_deref(), new.status),
        (Some("mira-sobel"), Some("c"), Status::Suggested)
    );
    assert_eq!(new.id, "q4", "a fresh id");
    assert!(new.prefix.ends_with("\n\n") || new.prefix.ends_with('\n'));

    s.undo().unwrap();
    assert_eq!(s.annotations().quotes, touched, "one undo step");
    assert!(s.annotations().speaker("mira-sobel").is_none());
}

#[test]
fn looking_at_a_changed_article_detects_nothing_again() {
    let dir = tempfile::tempdir().unwrap();
    let a = article(dir.path(), TEXT);
    let mut s = open(&a);
    s.save().unwrap();
    drop(s);
    let changed = article(dir.path(), &format!("{TEXT}{ADDED}"));
    let options = OpenOptions {
        inspect: true,
        ..options()
    };
    let s = Store::open(&changed, &options);
    assert_eq!(
        s.annotations().quotes.len(),
        3,
        "export and check change nothing"
    );
    assert!(!s.is_dirty());
}

#[test]
fn what_a_fuzzy_match_placed_is_marked_named_and_cleared_by_a_look() {
    let dir = tempfile::tempdir().unwrap();
    let a = article(dir.path(), TEXT);
    let mut s = open(&a);
    let marov = quote_by(&s, "ines-marov").id.clone();
    s.apply(Edit::SetStatus {
        id: marov.clone(),
        status: Status::Accepted,
    })
    .unwrap();
    s.save().unwrap();
    drop(s);

    // an editor changes a word inside the accepted quote
    let edited = TEXT.replace("a fair offer", "a fair proposal");
    let changed = article(dir.path(), &edited);
    let mut s = open(&changed);
    let notices = s.take_notices().join("; ");
    assert!(
        notices.contains(&format!(
            "(1 by a fuzzy match; marked to check again: {marov} “\"We came with a fair proposal,\"”)"
        )),
        "{notices}"
    );
    let q = s
        .annotations()
        .quotes
        .iter()
        .find(|q| q.id == marov)
        .unwrap();
    assert_eq!(q.recheck, Some(Recheck::Fuzzy));
    assert_eq!(q.status, Status::Accepted, "still the person's");
    assert!(q.text.contains("proposal"));
    s.save().unwrap();
    let file = std::fs::read_to_string(dir.path().join("story.txt.parley.toml")).unwrap();
    assert!(file.contains("recheck = \"fuzzy\""), "kept in the store");
    drop(s);

    let mut s = open(&changed);
    assert_eq!(
        quote_by(&s, "ines-marov").recheck,
        Some(Recheck::Fuzzy),
        "until a person looks"
    );
    s.apply(Edit::SetStatus {
        id: marov.clone(),
        status: Status::Accepted,
    })
    .unwrap();
    assert_eq!(
        quote_by(&s, "ines-marov").recheck,
        None,
        "accepting it again clears it"
    );
    s.undo().unwrap();
    assert_eq!(quote_by(&s, "ines-marov").recheck, Some(Recheck::Fuzzy));
}

#[test]
fn a_span_a_person_tagged_is_not_suggested_again() {
    let dir = tempfile::tempdir().unwrap();
    let a = article(dir.path(), TEXT);
    let mut s = open(&a);
    let alden = quote_by(&s, "petr-alden").clone();
    s.apply(Edit::Delete {
        id: alden.id.clone(),
    })
    .unwrap();
    s.apply(Edit::AddQuote {
        start: alden.start + 1,
        end: alden.end - 2,
        kind: QuoteKind::Partial,
        party: None,
        speaker: None,
    })
    .unwrap();
    let before = s.annotations().quotes.clone();
    let o = s.apply(Edit::Redetect(found(&a, &s))).unwrap();
    assert!(o.tally.unwrap().is_empty(), "{:?}", o.tally);
    assert_eq!(s.annotations().quotes, before);
}

#[test]
fn stale_suggestions_take_the_new_reading_or_go() {
    let dir = tempfile::tempdir().unwrap();
    let a = article(dir.path(), TEXT);
    // a store an older detector wrote: one quote without its speaker, side and kind,
    // and a suggestion over the title that the detector does not make
    let mut old = parley::detect::detect(&a, Some(&sides()));
    let marov = old
        .quotes
        .iter_mut()
        .find(|q| q.speaker.as_deref() == Some("ines-marov"))
        .unwrap();
    (marov.speaker, marov.party, marov.kind) = (None, None, QuoteKind::Term);
    let marov_id = marov.id.clone();
    let mut title = old.quotes[0].clone();
    (title.id, title.start, title.end) = ("q9".into(), 0, 7);
    title.text = TEXT[..7].into();
    old.quotes.insert(0, title);
    old.article = parley::model::ArticleInfo::of(&a);
    let file = parley::store::canonical::write(&old).unwrap();
    std::fs::write(dir.path().join("story.txt.parley.toml"), file).unwrap();

    let mut s = open(&a);
    let o = s.apply(Edit::Redetect(found(&a, &s))).unwrap();
    let tally = o.tally.unwrap();
    assert_eq!(
        (tally.changed, tally.removed, tally.added),
        (1, 1, 0),
        "{tally:?}"
    );
    let q = s
        .annotations()
        .quotes
        .iter()
        .find(|q| q.id == marov_id)
        .unwrap();
    assert_eq!(
        (q.speaker.as_deref(), q.party.as_deref(), q.kind),
        (Some("ines-marov"), Some("t"), QuoteKind::Direct)
    );
    assert!(s.annotations().quotes.iter().all(|q| q.id != "q9"));
}

#[test]
fn renamed_merged_and_deleted_speakers_stay_as_a_person_left_them() {
    let dir = tempfile::tempdir().unwrap();
    let a = article(dir.path(), TEXT);
    let mut s = open(&a);
    s.apply(Edit::RenameSpeaker {
        id: "ines-marov".into(),
        name: "Minister Marov".into(),
    })
    .unwrap();
    s.apply(Edit::MergeSpeakers {
        from: "dana-kuric".into(),
        into: "ines-marov".into(),
    })
    .unwrap();
    s.apply(Edit::DeleteSpeaker {
        id: "petr-alden".into(),
    })
    .unwrap();
    let before = s.annotations().clone();
    let o = s.apply(Edit::Redetect(found(&a, &s))).unwrap();
    assert!(o.tally.unwrap().is_empty(), "{:?}", o.tally);
    assert_eq!(s.annotations(), &before);
    let names: Vec<&str> = s
        .annotations()
        .speakers
        .iter()
        .map(|x| x.name.as_str())
        .collect();
    assert_eq!(names, ["Minister Marov"]);
}

#[test]
fn a_detection_with_other_sides_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let a = article(dir.path(), TEXT);
    let mut s = open(&a);
    let other = Box::new(parley::detect::detect(&a, Some(&sides()[..1])));
    let e = s.apply(Edit::Redetect(other)).unwrap_err();
    assert!(matches!(e, EditError::NotApplicable(_)), "{e}");
}

#[test]
fn new_suggestions_get_free_ids_past_the_largest() {
    let dir = tempfile::tempdir().unwrap();
    let a = article(dir.path(), TEXT);
    let mut old = parley::detect::detect(&a, Some(&sides()));
    old.quotes.truncate(1);
    old.quotes[0].id = "q18446744073709551615".into();
    old.quotes[0].status = Status::Accepted;
    old.positions.clear();
    old.article = parley::model::ArticleInfo::of(&a);
    let file = parley::store::canonical::write(&old).unwrap();
    std::fs::write(dir.path().join("story.txt.parley.toml"), file).unwrap();

    let mut s = open(&a);
    let o = s.apply(Edit::Redetect(found(&a, &s))).unwrap();
    assert_eq!(o.tally.unwrap().added, 2 + s.annotations().positions.len());
    let mut ids: Vec<&str> = s
        .annotations()
        .quotes
        .iter()
        .map(|q| q.id.as_str())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 3, "{ids:?}");
    assert!(
        ids.contains(&"q18446744073709551615"),
        "the accepted one kept"
    );
}

#[test]
fn what_a_merge_conflict_names_stays_until_a_person_settles_it() {
    let dir = tempfile::tempdir().unwrap();
    let a = article(dir.path(), TEXT);
    // a merge left the first quote with two sides to choose from; its side in the
    // store is neither the detector's nor anyone's choice yet
    let mut old = parley::detect::detect(&a, Some(&sides()));
    old.quotes[0].party = None;
    let id = old.quotes[0].id.clone();
    old.conflicts.push(parley::model::Conflict {
        id: "c1".into(),
        table: parley::model::ConflictTable::Quote,
        item: id.clone(),
        field: "party".into(),
        base: None,
        ours: Some("t".into()),
        theirs: Some("c".into()),
    });
    old.article = parley::model::ArticleInfo::of(&a);
    let file = parley::store::canonical::write(&old).unwrap();
    std::fs::write(dir.path().join("story.txt.parley.toml"), file).unwrap();

    let mut s = open(&a);
    let o = s.apply(Edit::Redetect(found(&a, &s))).unwrap();
    assert!(o.tally.unwrap().is_empty(), "{:?}", o.tally);
    let q = s.annotations().quotes.iter().find(|q| q.id == id).unwrap();
    assert_eq!(q.party, None, "held for the person settling the conflict");
    assert_eq!(s.annotations().conflicts.len(), 1);
}

#[test]
fn a_side_a_person_gave_a_speaker_outlasts_detecting_again() {
    let dir = tempfile::tempdir().unwrap();
    let a = article(dir.path(), TEXT);
    let mut s = open(&a);
    s.apply(Edit::SetSpeakerSide {
        id: "ines-marov".into(),
        party: Some("c".into()),
    })
    .unwrap();
    assert_eq!(quote_by(&s, "ines-marov").party.as_deref(), Some("c"));
    let o = s.apply(Edit::Redetect(found(&a, &s))).unwrap();
    assert!(o.tally.unwrap().is_empty(), "{:?}", o.tally);
    assert_eq!(quote_by(&s, "ines-marov").party.as_deref(), Some("c"));
    // so does re-deriving the sides
    let (sides, _) = parley::store::edit::redetect::rederive(s.annotations(), &found(&a, &s));
    let marov = quote_by(&s, "ines-marov").id.clone();
    assert!(sides.contains(&(marov, Some("c".into()))), "{sides:?}");
}
