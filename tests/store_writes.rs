//! Where the store may be written (issue #16, #14): never over the article, over an
//! existing file unasked, over a read-only store or through a planted journal link;
//! and the saved point in history, and accept-all at scale, round trip.

#![allow(clippy::unwrap_used)]

mod store_support;

use parley::model::{QuoteKind, Status};
use parley::store::guard::Refused;
use parley::store::journal;
use parley::store::{Edit, OpenOptions, SaveError, Store};
use std::fs;
use store_support::{ARTICLE, article, edited, fixture, notices, options};

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
            cue_text: Default::default(),
            origin: Default::default(),
            status: Status::Suggested,
            recheck: None,
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
