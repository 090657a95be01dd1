//! The side edits through a real store: undo and redo restore the order, a deleted
//! side leaves nothing pointing at it, the journal brings the edits back after a
//! crash, and the saved store passes `check`.

use crate::article::{Article, Source};
use crate::model::{Id, Origin, Party, QuoteKind};
use crate::store::{Edit, OpenOptions, Store, check};
use std::path::Path;

const TEXT: &str =
    "Elbonia and Freedonia met.\n\n\"We will not yield,\" said Ana Ruiz of Elbonia.\n";

fn article(dir: &Path) -> Article {
    let path = dir.join("story.txt");
    std::fs::write(&path, TEXT).unwrap();
    Article::load(Source::File(path), 1 << 20).unwrap()
}

fn options() -> OpenOptions {
    OpenOptions {
        parties: Some(Vec::new()),
        suggest: None,
        ..OpenOptions::default()
    }
}

fn names(s: &Store) -> Vec<&str> {
    s.annotations()
        .parties
        .iter()
        .map(|p| p.name.as_str())
        .collect()
}

fn add(s: &mut Store, name: &str) -> Id {
    s.apply(Edit::AddParty { name: name.into() })
        .unwrap()
        .created
        .unwrap()
}

/// A store with three sides and a quote of the second, by a speaker of the second.
fn three_sides(a: &Article) -> (Store, Id) {
    let mut s = Store::open(a, &options());
    add(&mut s, "Elbonia");
    let free = add(&mut s, "Freedonia");
    add(&mut s, "Sylvania");
    let start = TEXT.find('"').unwrap();
    let end = TEXT.find(" said").unwrap();
    let speaker = s
        .apply(Edit::AddSpeaker {
            name: "Ana Ruiz".into(),
            role: None,
            party: Some(free.clone()),
        })
        .unwrap()
        .created;
    s.apply(Edit::AddQuote {
        start,
        end,
        kind: QuoteKind::Direct,
        party: Some(free.clone()),
        speaker,
    })
    .unwrap();
    (s, free)
}

#[test]
fn added_sides_get_ids_from_their_names_and_refuse_blank_or_repeated_names() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&article(dir.path()), &options());
    assert_eq!(add(&mut s, "  New Elbonia "), "new-elbonia");
    assert_eq!(names(&s), ["New Elbonia"]);
    assert!(s.apply(Edit::AddParty { name: "  ".into() }).is_err());
    assert!(
        s.apply(Edit::AddParty {
            name: "new elbonia".into()
        })
        .is_err()
    );
    assert_eq!(add(&mut s, "New-Elbonia!"), "new-elbonia-2");
}

#[test]
fn moving_a_side_and_undoing_it_restores_the_order() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, _) = three_sides(&article(dir.path()));
    s.apply(Edit::MoveParty {
        id: "elbonia".into(),
        to: 2,
    })
    .unwrap();
    assert_eq!(names(&s), ["Freedonia", "Sylvania", "Elbonia"]);
    s.apply(Edit::MoveParty {
        id: "sylvania".into(),
        to: 0,
    })
    .unwrap();
    assert_eq!(names(&s), ["Sylvania", "Freedonia", "Elbonia"]);
    assert_eq!(s.undo().unwrap().as_deref(), Some("move side"));
    assert_eq!(names(&s), ["Freedonia", "Sylvania", "Elbonia"]);
    s.undo().unwrap();
    assert_eq!(names(&s), ["Elbonia", "Freedonia", "Sylvania"]);
    s.redo().unwrap();
    assert_eq!(names(&s), ["Freedonia", "Sylvania", "Elbonia"]);
}

#[test]
fn renaming_keeps_the_id_and_cleans_the_aliases() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, free) = three_sides(&article(dir.path()));
    s.apply(Edit::SetParty {
        id: free.clone(),
        name: "Freedonia Republic".into(),
        aliases: vec![" Fredonia ".into(), String::new(), "Fredonia".into()],
    })
    .unwrap();
    let p = s.annotations().party(&free).unwrap();
    assert_eq!(p.name, "Freedonia Republic");
    assert_eq!(p.aliases, ["Fredonia"]);
    assert_eq!(s.annotations().quotes[0].party.as_deref(), Some(&*free));
    let unchanged = s.apply(Edit::SetParty {
        id: free.clone(),
        name: "Freedonia Republic".into(),
        aliases: vec!["Fredonia".into()],
    });
    assert_eq!(unchanged.unwrap().changes, 0, "no empty undo step");
    assert_eq!(s.undo().unwrap().as_deref(), Some("edit side"));
    assert_eq!(s.annotations().party(&free).unwrap().name, "Freedonia");
}

#[test]
fn deleting_a_side_clears_it_in_one_step_that_undo_takes_back_whole() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, free) = three_sides(&article(dir.path()));
    let before = s.annotations().clone();
    s.apply(Edit::DeleteParty { id: free.clone() }).unwrap();
    let a = s.annotations();
    assert_eq!(names(&s), ["Elbonia", "Sylvania"]);
    assert_eq!(a.quotes[0].party, None);
    assert_eq!(a.speakers[0].party, None);
    assert_eq!(s.undo().unwrap().as_deref(), Some("delete side"));
    assert_eq!(s.annotations(), &before, "order, quote and speaker back");
    assert!(s.apply(Edit::DeleteParty { id: "nope".into() }).is_err());
}

#[test]
fn side_edits_come_back_from_the_journal_and_the_saved_store_checks_clean() {
    let dir = tempfile::tempdir().unwrap();
    let a = article(dir.path());
    {
        let (mut s, free) = three_sides(&a);
        s.apply(Edit::MoveParty {
            id: "sylvania".into(),
            to: 0,
        })
        .unwrap();
        s.apply(Edit::DeleteParty { id: free }).unwrap();
        // dropped without saving, as a crash would leave it
    }
    let mut s = Store::open(&a, &options());
    assert!(
        s.notices().iter().any(|n| n.contains("recovered")),
        "{:?}",
        s.notices()
    );
    assert_eq!(names(&s), ["Sylvania", "Elbonia"]);
    assert_eq!(s.annotations().quotes[0].party, None);
    s.save().unwrap();
    let report = check::check(&a, &options()).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let again = Store::open(&a, &options());
    assert_eq!(names(&again), ["Sylvania", "Elbonia"]);
}

#[test]
fn replacing_the_sides_rederives_the_listed_ones_and_keeps_their_origin() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, free) = three_sides(&article(dir.path()));
    let given = vec![Party {
        id: "elbonia".into(),
        name: "Elbonia".into(),
        aliases: vec!["Elbonians".into()],
        color: None,
        ..Default::default()
    }];
    let q = s.annotations().quotes[0].id.clone();
    let origin = s.annotations().quotes[0].origin;
    s.apply(Edit::SetParties {
        parties: given.clone(),
        sides: vec![(q.clone(), Some("elbonia".into()))],
        speaker_sides: Vec::new(),
    })
    .unwrap();
    let a = s.annotations();
    assert_eq!(a.parties, given);
    assert_eq!(a.quotes[0].party.as_deref(), Some("elbonia"));
    assert_eq!(a.quotes[0].origin, origin);
    assert_eq!(
        a.speakers[0].party, None,
        "its side went, and none was given"
    );
    assert!(
        s.apply(Edit::SetParties {
            parties: given,
            sides: vec![(q, Some(free))],
            speaker_sides: Vec::new(),
        })
        .is_err(),
        "a side that is not among the new ones"
    );
    s.undo().unwrap();
    assert_eq!(names(&s), ["Elbonia", "Freedonia", "Sylvania"]);
    assert_eq!(s.annotations().speakers[0].origin, Origin::Manual);
}
