//! The speaker edits through a real store over a detected story: a side reaches the
//! speaker's untouched and sideless quotes and nothing a person chose; delete keeps
//! the quotes; every edit is one undo step and comes back from the journal.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use parley::article::{Article, Source};
use parley::model::{Id, Origin, Party, Status};
use parley::store::{Edit, EditError, OpenOptions, Store};
use std::path::Path;

const TEXT: &str = "Talvera and Corvessa trade blame\n\n\
\"We came with a fair offer,\" said Ines Marov, the foreign minister of Talvera.\n\n\
\"We leave with nothing,\" Marov said.\n\n\
\"The river is ours too,\" Marov said.\n\n\
\"Talvera has taken more than its share,\" said Petr Alden, a minister of Corvessa.\n";

fn article(dir: &Path) -> Article {
    let path = dir.join("story.txt");
    std::fs::write(&path, TEXT).unwrap();
    Article::load(Source::File(path), 1 << 20).unwrap()
}

fn side(id: &str, name: &str) -> Party {
    Party {
        id: id.into(),
        name: name.into(),
        aliases: Vec::new(),
        color: None,
        ..Default::default()
    }
}

fn open(a: &Article) -> Store {
    let options = OpenOptions {
        parties: Some(vec![side("t", "Talvera"), side("c", "Corvessa")]),
        suggest: Some(parley::detect::detect_with_progress),
        ..OpenOptions::default()
    };
    Store::open(a, &options)
}

/// Ines Marov's quotes, by id, with their side and status.
fn marov_quotes(s: &Store) -> Vec<(Id, Option<Id>, Status, Origin)> {
    s.annotations()
        .quotes
        .iter()
        .filter(|q| q.speaker.as_deref() == Some("ines-marov"))
        .map(|q| (q.id.clone(), q.party.clone(), q.status, q.origin))
        .collect()
}

#[test]
fn a_speakers_side_reaches_its_untouched_and_sideless_quotes_only() {
    let dir = tempfile::tempdir().unwrap();
    let a = article(dir.path());
    let mut s = open(&a);
    let quotes = marov_quotes(&s);
    assert_eq!(quotes.len(), 3, "{:?}", s.annotations().quotes);
    let [first, second, third] = [0, 1, 2].map(|i| quotes[i].0.clone());
    // a person accepts the second quote with the side it has (setting the side it
    // has already is no edit, so accepting is how a person keeps it), and accepts the
    // third without one
    s.apply(Edit::SetStatus {
        id: second.clone(),
        status: Status::Accepted,
    })
    .unwrap();
    assert_eq!(marov_quotes(&s)[1].1.as_deref(), Some("t"));
    s.apply(Edit::SetSide {
        id: third.clone(),
        party: None,
    })
    .unwrap();
    s.apply(Edit::SetStatus {
        id: third.clone(),
        status: Status::Accepted,
    })
    .unwrap();

    s.apply(Edit::SetSpeakerSide {
        id: "ines-marov".into(),
        party: Some("c".into()),
    })
    .unwrap();
    let sides: Vec<(Id, Option<Id>)> = marov_quotes(&s)
        .into_iter()
        .map(|(id, side, ..)| (id, side))
        .collect();
    assert_eq!(
        sides,
        [
            (first.clone(), Some("c".into())),
            (second, Some("t".into())),
            (third, Some("c".into())),
        ],
        "the untouched one and the sideless one take it; the chosen one keeps its side"
    );
    let marov = s.annotations().speaker("ines-marov").unwrap();
    assert_eq!(
        (marov.party.as_deref(), marov.origin),
        (Some("c"), Origin::Manual)
    );
    assert_eq!(
        marov_quotes(&s)[0].3,
        Origin::Auto,
        "a derived side keeps the origin"
    );

    s.undo().unwrap();
    assert_eq!(marov_quotes(&s)[0].1.as_deref(), Some("t"), "one undo step");
    assert_eq!(
        s.annotations()
            .speaker("ines-marov")
            .unwrap()
            .party
            .as_deref(),
        Some("t")
    );
}

#[test]
fn renaming_keeps_the_id_and_refuses_a_blank_or_taken_name() {
    let dir = tempfile::tempdir().unwrap();
    let a = article(dir.path());
    let mut s = open(&a);
    let rename = |s: &mut Store, name: &str| {
        s.apply(Edit::RenameSpeaker {
            id: "ines-marov".into(),
            name: name.into(),
        })
    };
    assert!(matches!(
        rename(&mut s, "  "),
        Err(EditError::NotApplicable(_))
    ));
    let taken = rename(&mut s, "petr ALDEN").unwrap_err();
    assert!(taken.to_string().contains("merge"), "{taken}");
    assert!(!s.is_dirty(), "a refused edit changes nothing");

    rename(&mut s, " Ines Marova ").unwrap();
    let marov = s.annotations().speaker("ines-marov").unwrap();
    assert_eq!(marov.name, "Ines Marova");
    assert_eq!(marov_quotes(&s).len(), 3, "its quotes still name it");
    assert_eq!(rename(&mut s, "Ines Marova").unwrap().changes, 0);

    s.apply(Edit::SetSpeakerRole {
        id: "ines-marov".into(),
        role: Some(" foreign minister ".into()),
    })
    .unwrap();
    let role = |s: &Store| s.annotations().speaker("ines-marov").unwrap().role.clone();
    assert_eq!(role(&s).as_deref(), Some("foreign minister"));
    s.apply(Edit::SetSpeakerRole {
        id: "ines-marov".into(),
        role: Some(" ".into()),
    })
    .unwrap();
    assert_eq!(role(&s), None, "a blank role clears it");
}

#[test]
fn deleting_a_speaker_keeps_its_quotes_and_comes_back_from_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let a = article(dir.path());
    let mut s = open(&a);
    let ids: Vec<Id> = marov_quotes(&s).into_iter().map(|q| q.0).collect();
    let texts: Vec<String> = s
        .annotations()
        .quotes
        .iter()
        .map(|q| q.text.to_string())
        .collect();
    s.apply(Edit::DeleteSpeaker {
        id: "ines-marov".into(),
    })
    .unwrap();
    let after = s.annotations();
    assert!(after.speaker("ines-marov").is_none());
    let texts_after: Vec<String> = after.quotes.iter().map(|q| q.text.to_string()).collect();
    assert_eq!(texts_after, texts, "every quote and its text stay");
    for id in &ids {
        let q = after.quotes.iter().find(|q| q.id == *id).unwrap();
        assert_eq!((q.speaker.as_ref(), q.origin), (None, Origin::Manual));
    }
    assert!(
        matches!(
            s.apply(Edit::DeleteSpeaker {
                id: "ines-marov".into()
            }),
            Err(EditError::NotFound(_))
        ),
        "it is gone"
    );

    // a crash: the next reader replays the journal
    let kept = s.annotations().clone();
    drop(s);
    let again = open(&a);
    assert_eq!(again.annotations().speakers, kept.speakers);
    assert_eq!(again.annotations().quotes, kept.quotes);
}
