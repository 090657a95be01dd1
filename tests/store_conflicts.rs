//! The store's `[[conflict]]` tables: they load, survive saves and the journal, are
//! settled by choosing a value (one undo step) or by any edit of their field, go with
//! the item they name, and a conflict that names nothing is refused like any broken
//! reference.

#![allow(clippy::unwrap_used)]

mod store_support;

use parley::model::Status;
use parley::store::{Edit, Store};
use std::fs;
use store_support::{Fixture, article, edited, fixture, options, span};

/// The fixture's store (q1, p1) saved with a conflict on `field` of `item`.
fn with_conflict(item: &str, field: &str, ours: &str, theirs: &str) -> Fixture {
    let f = fixture();
    drop(edited(&f, true));
    let mut text = fs::read_to_string(&f.store_path).unwrap();
    text.push_str(&format!(
        "\n[[conflict]]\nid = \"c1\"\ntable = \"quote\"\nitem = \"{item}\"\nfield = \"{field}\"\nours = \"{ours}\"\ntheirs = \"{theirs}\"\n"
    ));
    fs::write(&f.store_path, text).unwrap();
    f
}

fn open(f: &Fixture) -> Store {
    let s = Store::open(&article(f), &options());
    assert!(s.read_only().is_none(), "{:?}", s.read_only());
    s
}

fn q1(s: &Store) -> &parley::model::Quote {
    &s.annotations().quotes[0]
}

#[test]
fn settling_sets_the_field_and_drops_the_conflict_in_one_undo_step() {
    let f = with_conflict("q1", "status", "accepted", "rejected");
    let mut s = open(&f);
    assert_eq!(s.annotations().conflicts.len(), 1);
    s.apply(Edit::Settle {
        id: "c1".into(),
        value: Some("rejected".into()),
    })
    .unwrap();
    assert_eq!(q1(&s).status, Status::Rejected);
    assert!(s.annotations().conflicts.is_empty());
    s.undo().unwrap();
    assert_eq!(q1(&s).status, Status::Accepted);
    assert_eq!(s.annotations().conflicts.len(), 1);
    s.redo().unwrap();
    s.save().unwrap();
    drop(s);
    assert!(
        !fs::read_to_string(&f.store_path)
            .unwrap()
            .contains("[[conflict]]")
    );
}

#[test]
fn an_unsaved_settlement_is_recovered_from_the_journal() {
    let f = with_conflict("q1", "note", "mine", "yours");
    let mut s = open(&f);
    s.apply(Edit::Settle {
        id: "c1".into(),
        value: Some("yours".into()),
    })
    .unwrap();
    // as a crash leaves it: the journal written, the store not (the lock held, so
    // the store is read as `check` reads it)
    std::mem::forget(s);
    let inspect = parley::store::OpenOptions {
        inspect: true,
        ..options()
    };
    let s = Store::load(&article(&f), &inspect).unwrap();
    assert_eq!(q1(&s).note.as_deref(), Some("yours"), "{:?}", s.notices());
    assert!(s.annotations().conflicts.is_empty());
}

#[test]
fn editing_the_field_or_deleting_the_item_settles_it_too() {
    let f = with_conflict("q1", "note", "mine", "yours");
    let mut s = open(&f);
    s.apply(Edit::SetStatus {
        id: "q1".into(),
        status: Status::Accepted,
    })
    .unwrap();
    assert_eq!(
        s.annotations().conflicts.len(),
        1,
        "another field leaves it"
    );
    s.apply(Edit::SetNote {
        id: "q1".into(),
        note: Some("both".into()),
    })
    .unwrap();
    assert!(s.annotations().conflicts.is_empty());
    s.undo().unwrap();
    assert_eq!(s.annotations().conflicts.len(), 1);
    s.apply(Edit::Delete { id: "q1".into() }).unwrap();
    assert!(s.annotations().conflicts.is_empty());
    s.save().unwrap();
}

#[test]
fn a_span_conflict_settles_on_the_article_and_a_deletion_deletes() {
    let (start, end) = span("Cuba said it wanted a new agreement.");
    let f = with_conflict("q1", "span", "0..1", &format!("{start}..{end}"));
    let mut s = open(&f);
    s.apply(Edit::Settle {
        id: "c1".into(),
        value: Some(format!("{start}..{end}")),
    })
    .unwrap();
    assert_eq!(q1(&s).text.as_str(), "Cuba said it wanted a new agreement.");
    let f = with_conflict("q1", "deleted", "no", "yes");
    let mut s = open(&f);
    s.apply(Edit::Settle {
        id: "c1".into(),
        value: Some("yes".into()),
    })
    .unwrap();
    assert!(s.annotations().quotes.is_empty());
    let bad = s.apply(Edit::Settle {
        id: "c1".into(),
        value: None,
    });
    assert!(bad.is_err(), "settled already");
}

#[test]
fn a_conflict_that_names_nothing_is_refused_with_its_place() {
    for (item, field, says) in [
        ("q9", "note", "names quote “q9”, which does not exist"),
        ("q1", "colour", "a quote has no field “colour”"),
    ] {
        let f = with_conflict(item, field, "a", "b");
        let e = Store::load(&article(&f), &options())
            .unwrap_err()
            .to_string();
        assert!(e.contains(says), "{e}");
        assert!(e.contains("talks.txt.parley.toml:"), "{e}");
    }
}
