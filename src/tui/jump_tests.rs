//! The habits of `less` as a reader meets them: counts (`5j`, `3 Space`, `50%`,
//! `120G`, `10g`) shown while typed, `?` searching backward, `''` back to where a
//! jump started, and help on `h` and F1.

use super::app::App;
use super::app::mode::Overlay;
use super::app_tests::app_in;
use super::test_support::{press, screen, screen_lines, typ};
use crossterm::event::KeyCode;

fn reader() -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    (app_in(dir.path(), 80, 24, true), dir)
}

/// The status bar as drawn.
fn status(a: &App) -> String {
    screen_lines(a).pop().unwrap()
}

#[test]
fn a_count_before_a_scroll_moves_that_many_rows_and_is_shown_while_typed() {
    let (mut a, _dir) = reader();
    typ(&mut a, "1");
    assert!(status(&a).contains("count 1"), "{}", status(&a));
    typ(&mut a, "2");
    assert!(status(&a).contains("count 12"), "{}", status(&a));
    typ(&mut a, "j");
    assert_eq!(a.top(), 12);
    assert!(!status(&a).contains("count"), "the count is used up");
    typ(&mut a, "5k");
    assert_eq!(a.top(), 7);
    typ(&mut a, "3");
    press(&mut a, KeyCode::Char(' '));
    assert_eq!(a.top(), 10, "as less: a count before Space is rows");
    typ(&mut a, "4b");
    assert_eq!(a.top(), 6);
    typ(&mut a, "j");
    assert_eq!(a.top(), 7, "no count: one row");
}

#[test]
fn counts_before_g_and_big_g_go_to_that_row_and_before_percent_to_that_share() {
    let (mut a, _dir) = reader();
    typ(&mut a, "10g");
    assert_eq!(a.top(), 9, "row 10 at the top");
    assert!(status(&a).contains(" 10/"), "{}", status(&a));
    typ(&mut a, "120G");
    let last = a.top();
    assert!(
        last > 9 && last + a.viewport() == a.layout().rows().len(),
        "past the end: the last page"
    );
    typ(&mut a, "g");
    assert_eq!(a.top(), 0);
    typ(&mut a, "50%");
    let half = a.article().text.len() / 2;
    assert_eq!(
        a.top(),
        a.layout().row_of(half),
        "the row holding the middle byte"
    );
    assert!(a.top() > 5 && a.top() < last, "{}", a.top());
    typ(&mut a, "%");
    assert_eq!(a.top(), 0, "no count: 0%");
}

#[test]
fn esc_drops_a_count_and_nothing_else() {
    let (mut a, _dir) = reader();
    typ(&mut a, "G");
    let bottom = a.top();
    typ(&mut a, "3");
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.count(), None);
    assert!(!status(&a).contains("count"));
    typ(&mut a, "k");
    assert_eq!(a.top(), bottom - 1, "one row, not three");
}

#[test]
fn digits_set_the_side_of_a_selection_on_screen_and_count_otherwise() {
    let (mut a, _dir) = reader();
    press(&mut a, KeyCode::Tab); // the first annotation, a position of the first side
    let side = || {
        a.on_selected(|q| q.party.clone(), |p| p.party.clone())
            .flatten()
    };
    assert_eq!(side().as_deref(), Some("us"));
    typ(&mut a, "2");
    let side = a
        .on_selected(|q| q.party.clone(), |p| p.party.clone())
        .flatten();
    assert_eq!(side.as_deref(), Some("cu"), "a digit sets the side");
    assert_eq!(a.count(), None);
    typ(&mut a, "G");
    typ(&mut a, "2");
    assert_eq!(a.count(), Some(2), "the selection is off screen: a count");
    typ(&mut a, "0");
    assert_eq!(a.count(), Some(20), "0 goes on a count");
}

#[test]
fn question_mark_searches_backward_and_n_goes_on_backward() {
    let (mut a, _dir) = reader();
    typ(&mut a, "G");
    typ(&mut a, "?Cuba");
    assert!(status(&a).starts_with(" ?Cuba"), "{}", status(&a));
    press(&mut a, KeyCode::Enter);
    let first = a.search().current.unwrap();
    let bottom = a.top_offset();
    assert!(a.search().matches[first].start < bottom + 1000);
    typ(&mut a, "n");
    let second = a.search().current.unwrap();
    assert!(second < first, "n goes on backward: {second} after {first}");
    typ(&mut a, "N");
    assert_eq!(a.search().current, Some(first), "N forward");
}

#[test]
fn a_backward_search_from_the_top_wraps_to_the_last_match_and_says_so() {
    let (mut a, _dir) = reader();
    typ(&mut a, "?Cuba");
    assert_eq!(a.search().current, Some(a.search().matches.len() - 1));
    assert!(screen(&a).contains("the match is below"), "{}", screen(&a));
}

#[test]
fn quote_quote_goes_back_to_where_each_kind_of_jump_started() {
    let (mut a, _dir) = reader();
    typ(&mut a, "5j");
    typ(&mut a, "G");
    typ(&mut a, "''");
    assert_eq!(a.top(), 5, "back from G");
    typ(&mut a, "''");
    assert!(a.top() > 5, "and back again");
    typ(&mut a, "g");
    typ(&mut a, "/Havana");
    press(&mut a, KeyCode::Enter);
    assert!(a.top() > 0);
    typ(&mut a, "''");
    assert_eq!(a.top(), 0, "back from a search");
    typ(&mut a, "maG");
    typ(&mut a, "'a");
    typ(&mut a, "''");
    assert!(a.top() > 0, "back from a mark");
    typ(&mut a, "g");
    let mut before = a.top();
    for _ in 0..a.hl().items.len() {
        before = a.top();
        press(&mut a, KeyCode::Tab);
        if a.top() != before {
            break;
        }
    }
    assert_ne!(a.top(), before, "Tab scrolled at last");
    typ(&mut a, "''");
    assert_eq!(a.top(), before, "back from Tab");
}

#[test]
fn quote_quote_before_any_jump_says_there_is_none() {
    let (mut a, _dir) = reader();
    typ(&mut a, "''");
    assert!(screen(&a).contains("no jump yet"));
}

#[test]
fn help_is_on_h_and_f1_and_the_status_bar_says_so() {
    let (mut a, _dir) = reader();
    assert!(status(&a).trim_end().ends_with("h help"), "{}", status(&a));
    typ(&mut a, "h");
    assert_eq!(a.mode().overlay(), Some(Overlay::Help(0)));
    press(&mut a, KeyCode::Esc);
    press(&mut a, KeyCode::F(1));
    assert_eq!(a.mode().overlay(), Some(Overlay::Help(0)));
    let text = screen(&a);
    assert!(text.contains("Search backward"), "{text}");
}

#[test]
fn the_status_bar_offers_help_only_where_its_key_opens_it() {
    let (mut a, _dir) = reader();
    // in cursor mode `h` moves left, and the panels take their own keys
    for (open, mode) in [("v", "SELECT"), ("W", "SPEAKERS"), ("S", "SIDES")] {
        typ(&mut a, open);
        let bar = status(&a);
        assert!(bar.contains(mode), "{bar}");
        assert!(!bar.contains("h help"), "{open}: {bar}");
        press(&mut a, KeyCode::Esc);
        press(&mut a, KeyCode::Esc);
        assert!(status(&a).trim_end().ends_with("h help"), "{}", status(&a));
    }
}
