//! The review flow as a user meets it: keys pressed through the live keymap, and what
//! the reader then draws. Next and previous to review, accept or reject and move on,
//! the list filter, "accept all like it" exactly, and pressing a side it has.

use super::app::App;
use super::app_tests::app_in;
use super::test_support::{press, screen, status_of, typ};
use crate::model::{Id, Origin, QuoteKind, Status};
use crate::store::Edit;
use crossterm::event::KeyCode;

fn reader() -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    (app_in(dir.path(), 120, 40, true), dir)
}

/// The selected annotation's id, status and text.
fn selected(a: &App) -> (Id, Status, String) {
    a.on_selected(
        |q| (q.id.clone(), q.status, q.text.to_string()),
        |p| (p.id.clone(), p.status, p.text.to_string()),
    )
    .expect("an annotation is selected")
}

/// Selects the first quote whose text starts with `start`, with Tab.
fn select_quote(a: &mut App, start: &str) {
    for _ in 0..a.hl().items.len() + 1 {
        press(a, KeyCode::Tab);
        if a.on_selected(|q| q.text.starts_with(start), |_| false) == Some(true) {
            return;
        }
    }
    panic!("no quote starting {start}");
}

/// The sidebar's rows: what lies right of its border.
fn sidebar(a: &App) -> Vec<String> {
    let screen = screen(a);
    let lines: Vec<&str> = screen.lines().collect();
    // every row but the status bar's
    lines[..lines.len() - 1]
        .iter()
        .filter_map(|l| l.rsplit_once('│').map(|(_, r)| r.trim().to_string()))
        .filter(|r| !r.is_empty())
        .collect()
}

#[test]
fn r_steps_through_the_suggestions_still_to_review_and_skips_the_reviewed() {
    let (mut a, _dir) = reader();
    typ(&mut a, "r");
    let (first, status, _) = selected(&a);
    assert_eq!(status, Status::Suggested);
    typ(&mut a, "r");
    let (second, ..) = selected(&a);
    assert_ne!(first, second);
    // accept the second by hand, go back to the first: R passes over nothing
    typ(&mut a, "a");
    typ(&mut a, "R");
    assert_eq!(selected(&a).0, first);
    typ(&mut a, "r");
    assert_ne!(selected(&a).0, second, "the accepted one is skipped");
    assert_eq!(selected(&a).1, Status::Suggested);
}

#[test]
fn y_and_x_review_and_move_on_in_one_key_and_say_so() {
    let (mut a, _dir) = reader();
    typ(&mut a, "r");
    let (first, ..) = selected(&a);
    typ(&mut a, "y");
    assert_eq!(status_of(&a, &first), Status::Accepted);
    let (second, status, _) = selected(&a);
    assert_ne!(second, first);
    assert_eq!(status, Status::Suggested, "on to the next to review");
    assert!(
        screen(&a).contains("accepted; next: "),
        "what was done and what is selected now: {}",
        screen(&a)
    );
    typ(&mut a, "X");
    assert_eq!(status_of(&a, &second), Status::Rejected);
    assert_ne!(selected(&a).0, second);
    assert!(screen(&a).contains("rejected; next: "));
    typ(&mut a, "u");
    assert_eq!(
        status_of(&a, &second),
        Status::Suggested,
        "u undoes the reject"
    );
    assert_eq!(status_of(&a, &first), Status::Accepted, "and only that");
}

#[test]
fn reviewing_every_suggestion_ends_with_nothing_left_to_review() {
    let (mut a, _dir) = reader();
    // the first y selects the first to review, each one after accepts it and moves on
    for _ in 0..=a.hl().items.len() {
        typ(&mut a, "y");
    }
    assert!(
        a.ann().quotes.iter().all(|q| q.status == Status::Accepted),
        "every quote accepted"
    );
    typ(&mut a, "r");
    assert!(
        screen(&a).contains("nothing left to review"),
        "{}",
        screen(&a)
    );
}

#[test]
fn the_filter_narrows_the_sidebar_and_the_steps_and_is_shown_until_cleared() {
    let (mut a, _dir) = reader();
    typ(&mut a, "s");
    let all = sidebar(&a).len();
    typ(&mut a, "F");
    assert!(screen(&a).contains("Filter the list by"));
    typ(&mut a, "2"); // the second side: Cuba
    let rows = sidebar(&a);
    assert!(rows[0].starts_with("filter: Cuba"), "{rows:?}");
    assert!(rows.len() < all);
    assert!(rows[1..].iter().all(|r| r.contains("Cuba")), "{rows:?}");
    assert!(
        screen(&a).contains("filter: Cuba ("),
        "the status bar says it too"
    );
    typ(&mut a, "F");
    typ(&mut a, "P"); // and positions only
    let rows = sidebar(&a);
    assert!(rows[0].starts_with("filter: Cuba · positions"), "{rows:?}");
    assert!(
        rows[1..].iter().all(|r| r.starts_with("· P Cuba")),
        "{rows:?}"
    );
    // Tab and r go through what the list shows
    for _ in 0..rows.len() + 2 {
        press(&mut a, KeyCode::Tab);
        let it = &a.hl().items[a.selected().unwrap()];
        assert_eq!(it.kind(), None, "a position");
        assert_eq!(a.ann().parties[it.party().unwrap()].name, "Cuba");
    }
    typ(&mut a, "F");
    typ(&mut a, "c");
    assert_eq!(sidebar(&a).len(), all, "cleared");
    assert!(!screen(&a).contains("filter:"));
}

#[test]
fn the_filter_by_status_and_by_speaker_lists_only_those() {
    let (mut a, _dir) = reader();
    typ(&mut a, "s");
    typ(&mut a, "r");
    typ(&mut a, "a"); // one accepted
    typ(&mut a, "F");
    typ(&mut a, "a");
    let rows = sidebar(&a);
    assert_eq!(rows.len(), 2, "the header and the one accepted: {rows:?}");
    assert!(rows[1].starts_with('✓'));
    typ(&mut a, "F");
    typ(&mut a, "a"); // the same choice lifts it
    typ(&mut a, "F");
    typ(&mut a, "@");
    typ(&mut a, "Kelly");
    press(&mut a, KeyCode::Enter);
    let rows = sidebar(&a);
    assert!(rows[0].contains("Ian Kelly"), "{rows:?}");
    assert!(rows.len() > 2);
    assert!(
        rows[1..].iter().all(|r| r.contains("Ian Kelly:")),
        "{rows:?}"
    );
}

#[test]
fn a_filter_that_lets_nothing_through_says_so_and_how_to_clear_it() {
    let (mut a, _dir) = reader();
    typ(&mut a, "s");
    typ(&mut a, "F");
    typ(&mut a, "r"); // rejected: none yet
    assert_eq!(sidebar(&a)[1], "nothing matches (F c clears)");
    assert!(
        screen(&a).contains("filter: rejected — nothing matches (F changes it"),
        "{}",
        screen(&a)
    );
    typ(&mut a, "r");
    assert!(screen(&a).contains("nothing left to review in the filtered list"));
}

#[test]
fn accept_all_matches_kind_and_side_exactly_says_which_and_one_u_undoes_it() {
    let (mut a, _dir) = reader();
    select_quote(&mut a, "“Engaging"); // a direct quote of the United States
    typ(&mut a, "A");
    let direct: Vec<(Status, Option<Id>)> = a
        .ann()
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .map(|q| (q.status, q.party.clone()))
        .collect();
    assert!(direct.len() >= 3);
    for (status, party) in &direct {
        let want = if party.as_deref() == Some("us") {
            Status::Accepted
        } else {
            Status::Suggested
        };
        assert_eq!(*status, want, "{party:?}");
    }
    let us = direct
        .iter()
        .filter(|d| d.1.as_deref() == Some("us"))
        .count();
    let said = format!("accepted {us} direct quotes of United States (u undoes all {us}");
    assert!(screen(&a).contains(&said), "{}", screen(&a));
    // which: listed in the message log
    typ(&mut a, ":messages");
    press(&mut a, KeyCode::Enter);
    let log = screen(&a);
    assert!(log.contains("accepted: “Engaging in these talks"), "{log}");
    assert!(log.contains("accepted: “The United States views"), "{log}");
    assert!(!log.contains("accepted: “Progress"), "not Cuba's");
    assert_eq!(
        log.matches("direct quotes of United States").count(),
        1,
        "said once: {log}"
    );
    press(&mut a, KeyCode::Esc);
    typ(&mut a, "u");
    assert!(
        a.ann().quotes.iter().all(|q| q.status == Status::Suggested),
        "one u undoes them all"
    );
}

#[test]
fn accept_all_on_a_quote_with_no_side_accepts_only_quotes_with_no_side() {
    let (mut a, _dir) = reader();
    // two direct quotes lose their side and speaker; one keeps its side
    let quotes: Vec<Id> = a
        .ann()
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .map(|q| q.id.clone())
        .collect();
    a.change_store_behind_the_back(|store| {
        for id in &quotes[1..] {
            let speaker = Edit::SetSpeaker {
                id: id.clone(),
                speaker: None,
            };
            store.apply(speaker).unwrap();
            let side = Edit::SetSide {
                id: id.clone(),
                party: None,
            };
            store.apply(side).unwrap();
        }
    });
    let q2 = a.ann().quotes.iter().find(|q| q.id == quotes[2]).unwrap();
    let start: String = q2.text.chars().take(10).collect();
    select_quote(&mut a, &start);
    typ(&mut a, "A");
    assert!(
        screen(&a).contains("accepted 2 direct quotes with no side"),
        "{}",
        screen(&a)
    );
    assert_eq!(
        status_of(&a, &quotes[0]),
        Status::Suggested,
        "the one with a side"
    );
    assert_eq!(status_of(&a, &quotes[1]), Status::Accepted);
}

#[test]
fn accepting_one_says_one_suggestion_not_suggestions() {
    let (mut a, _dir) = reader();
    select_quote(&mut a, "“wet foot"); // the only term
    typ(&mut a, "A");
    assert!(
        screen(&a).contains("accepted 1 term with no side (u undoes)"),
        "{}",
        screen(&a)
    );
}

#[test]
fn pressing_the_side_an_annotation_has_changes_nothing() {
    let (mut a, _dir) = reader();
    select_quote(&mut a, "“Progress"); // Cuba's, the second side
    let before = a.ann().clone();
    typ(&mut a, "2");
    assert_eq!(*a.ann(), before, "the store is as it was");
    let q = a
        .on_selected(|q| (q.status, q.origin), |_| unreachable!())
        .unwrap();
    assert_eq!(q, (Status::Suggested, Origin::Auto), "still a suggestion");
    assert!(!screen(&a).contains("unsaved"), "{}", screen(&a));
    assert!(screen(&a).contains("already Cuba: nothing changed"));
    typ(&mut a, "u");
    assert!(screen(&a).contains("nothing to undo"));
    // another side is an edit, as before
    typ(&mut a, "1");
    assert!(screen(&a).contains("[+] unsaved"));
}

#[test]
fn y_on_an_annotation_already_accepted_says_so_and_offers_no_undo() {
    let (mut a, _dir) = reader();
    press(&mut a, KeyCode::Tab);
    typ(&mut a, "a");
    let (id, status, _) = selected(&a);
    assert_eq!(status, Status::Accepted);
    // `y` on it changes nothing
    typ(&mut a, "y");
    assert_eq!(status_of(&a, id.as_ref()), Status::Accepted);
    let said = super::test_support::message(&a);
    assert!(said.starts_with("already accepted; "), "{said}");
    assert!(!said.contains("undoes"), "{said}");
}
