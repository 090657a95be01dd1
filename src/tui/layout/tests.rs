//! Tests of the reader's layout: wrapping, rows and columns.

use super::*;

#[test]
fn a_column_past_the_row_is_its_last_character_whatever_its_width() {
    for text in ["said “progress”", "emoji 🎉", "nul ␀", "ascii"] {
        let at = offset_at_column(text, 0..text.len(), 200);
        assert!(text.is_char_boundary(at), "{text}: {at}");
        assert_eq!(text[at..].chars().count(), 1, "{text}: the last character");
    }
    assert_eq!(offset_at_column("ab", 0..2, 0), 0);
    assert_eq!(offset_at_column("", 0..0, 5), 0);
}
use crate::article::Source;

fn rows(text: &str, width: usize) -> Vec<String> {
    let a = Article::from_bytes(Source::Stdin, text.as_bytes());
    let l = Layout::new(&a, width);
    l.rows
        .iter()
        .map(|r| a.text[r.range()].to_string())
        .collect()
}

#[test]
fn wraps_words_and_separates_blocks() {
    assert_eq!(
        rows("Title here\n\nOne two three four five.\n\nSix.", 10),
        vec![
            "Title here",
            "",
            "One two",
            "three four",
            "five.",
            "",
            "Six."
        ]
    );
}

#[test]
fn long_words_are_cut_and_every_row_fits() {
    let text = format!("T\n\n{} end", "x".repeat(25));
    let r = rows(&text, 10);
    assert_eq!(r[2..], ["xxxxxxxxxx", "xxxxxxxxxx", "xxxxx end"]);
    for w in [1, 2, 3, 7] {
        for row in rows("漢字漢字 👩‍👩‍👧 e\u{301}e\u{301} word", w) {
            assert!(text_width(&row) <= w.max(2), "{row:?} at {w}");
        }
    }
}

#[test]
fn the_readers_layout_of_a_page_with_a_byline_leaves_a_row_for_it() {
    let page = "<html><head><meta name=\"author\" content=\"Ines Varga\"></head>\
<body><article><h1>Ferry talks resume</h1><p>The talks resumed on Monday in the port.</p>\
<p>More later.</p></article></body></html>";
    let a = Article::from_bytes(Source::Stdin, page.as_bytes());
    assert_eq!(a.meta.byline.as_deref(), Some("Ines Varga"));
    let kinds = |l: &Layout| l.rows.iter().map(|r| r.kind).take(4).collect::<Vec<_>>();
    let mut reader = Layout::lazy(&a, 60);
    reader.complete(&a.text);
    use RowKind::{Blank, Body, Title};
    assert_eq!(kinds(&reader), [Title, Blank, Blank, Body]);
    let later = a.text.find("The talks").unwrap();
    assert_eq!(reader.row_of(later), 3, "the story's first row");
    // printed, the page keeps one blank row; a text without byline, in the reader too
    assert_eq!(kinds(&Layout::new(&a, 60))[..3], [Title, Blank, Body]);
    let plain = Article::from_bytes(Source::Stdin, b"Ferry talks resume\n\nThe talks.");
    let mut reader = Layout::lazy(&plain, 60);
    reader.complete(&plain.text);
    assert_eq!(kinds(&reader), [Title, Blank, Body]);
}

#[test]
fn a_byline_under_the_headline_keeps_its_place_and_rows_stay_in_order() {
    let text = "Ferry talks resume\n\nBy Ines Varga\n\nThe talks resumed.\n\nMore later.";
    assert_eq!(
        rows(text, 40),
        [
            "Ferry talks resume",
            "",
            "By Ines Varga",
            "",
            "The talks resumed.",
            "",
            "More later."
        ]
    );
    let a = Article::from_bytes(Source::Stdin, text.as_bytes());
    assert!(a.structure.byline.is_some(), "read as the byline");
    let l = Layout::new(&a, 40);
    let later = a.text.find("More later").unwrap();
    assert_eq!(&a.text[l.rows[l.row_of(later)].range()], "More later.");
}

#[test]
fn row_of_finds_offsets() {
    let a = Article::from_bytes(Source::Stdin, b"Title\n\nalpha beta gamma");
    let l = Layout::new(&a, 6);
    let gamma = a.text.find("gamma").unwrap();
    assert_eq!(&a.text[l.rows[l.row_of(gamma)].range()], "gamma");
    assert_eq!(l.row_of(0), 0);
}

#[test]
fn rows_are_small_and_blocks_past_the_offset_limit_are_left_out() {
    assert_eq!(std::mem::size_of::<Row>(), 12);
    let text = "Title\n\nalpha beta\n\ngamma delta";
    let a = Article::from_bytes(Source::Stdin, text.as_bytes());
    let alpha_end = text.find("beta").unwrap() + 4;
    let mut l = Layout::lazy_within(&a, 80, alpha_end);
    l.complete(&a.text);
    let shown: Vec<_> = l.rows.iter().map(|r| &a.text[r.range()]).collect();
    assert_eq!(shown, ["Title", "", "alpha beta"]);
    assert!(l.is_complete());
    let whole = Layout::lazy_within(&a, 80, text.len());
    assert_eq!(whole.blocks.len(), 3);
}
