//! Keys that once made the reader panic, replayed on `App`, and a property test that
//! drives it with random keys and mouse events over text full of multibyte
//! characters.

use super::action::Action;
use super::app::App;
use super::app_tests::app_in;
use super::test_support::{press, press_mod, screen, typ};
use crossterm::event::{KeyCode, KeyModifiers};

#[test]
fn moving_the_cursor_past_a_row_that_ends_in_a_curly_quote_does_not_panic() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_in(dir.path(), 100, 30, true);
    for c in "v}}}}jwwwwwwwwwwej".chars() {
        typ(&mut a, &c.to_string());
        let at = a.mode().cursor().unwrap().at;
        assert!(a.article().text.is_char_boundary(at), "after {c}: {at}");
    }
    // the same with the mouse: a drag past the end of every row, then tagging it
    let g = a.geometry().unwrap();
    for y in g.article.y..g.article.y + g.article.height {
        a.update(Action::Click(g.text_x, y));
        a.update(Action::Drag(g.article.x + g.article.width - 1, y));
        typ(&mut a, "\"");
        press(&mut a, KeyCode::Esc);
        press(&mut a, KeyCode::Esc);
    }
}

#[test]
fn discarding_with_the_sidebar_open_quits_and_draws_no_stale_index() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_in(dir.path(), 100, 30, true);
    for c in "svwwP".chars() {
        typ(&mut a, &c.to_string());
        screen(&a);
    }
    assert!(a.store().unwrap().is_dirty(), "a position was added");
    let journals = || {
        std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().contains("journal"))
            .count()
    };
    assert_eq!(journals(), 1, "the edit is journalled");
    press(&mut a, KeyCode::Esc);
    typ(&mut a, "q");
    typ(&mut a, "d");
    assert!(a.wants_quit());
    screen(&a);
    assert_eq!(journals(), 0, "the discarded edits' journal is gone");
}

#[test]
fn a_discard_quits_even_when_the_store_became_unreadable() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_in(dir.path(), 100, 30, true);
    press(&mut a, KeyCode::Tab);
    typ(&mut a, "a");
    std::fs::write(dir.path().join("bundled.parley.toml"), "not = [valid").unwrap();
    typ(&mut a, ":");
    for c in "q!".chars() {
        typ(&mut a, &c.to_string());
    }
    press(&mut a, KeyCode::Enter);
    assert!(a.wants_quit(), "{:?}", a.message());
}
/// One thing a user can do to the reader.
#[derive(Debug, Clone)]
enum Input {
    Key(KeyCode, KeyModifiers),
    Click(u16, u16),
    Drag(u16, u16),
    Scroll(i32),
    Resize(u16, u16),
    /// Bracketed-paste text: line breaks, escapes, controls, wide and combining text.
    Paste(String),
}

/// Every reading and editing key but the ones that write outside the test's directory
/// (`:` could `:w` anywhere, `E` exports).
const KEYS: &str = "jkhlwbe(){}v\"P<>12301axAdKM@/nN?pLsgGuq ";

fn input() -> impl proptest::strategy::Strategy<Value = Input> {
    use proptest::prelude::*;
    let chars: Vec<char> = KEYS.chars().collect();
    let named = prop_oneof![
        Just(KeyCode::Tab),
        Just(KeyCode::BackTab),
        Just(KeyCode::Esc),
        Just(KeyCode::Enter),
        Just(KeyCode::Backspace),
        Just(KeyCode::Up),
        Just(KeyCode::Down),
    ];
    prop_oneof![
        6 => proptest::sample::select(chars)
            .prop_map(|c| Input::Key(KeyCode::Char(c), KeyModifiers::NONE)),
        2 => named.prop_map(|k| Input::Key(k, KeyModifiers::NONE)),
        1 => prop_oneof![Just('r'), Just('s'), Just('d'), Just('u')]
            .prop_map(|c| Input::Key(KeyCode::Char(c), KeyModifiers::CONTROL)),
        1 => (0u16..120, 0u16..40).prop_map(|(x, y)| Input::Click(x, y)),
        1 => (0u16..120, 0u16..40).prop_map(|(x, y)| Input::Drag(x, y)),
        1 => (-5i32..5).prop_map(Input::Scroll),
        1 => (10u16..120, 3u16..40).prop_map(|(w, h)| Input::Resize(w, h)),
        1 => "[a-z :!\\n\\r\\t\\x1b\\[\\x00\\u{9b}“”漢👩‍👩‍👧e\\u{301}\\u{202e}]{0,40}".prop_map(Input::Paste),
    ]
}

/// Paragraphs of words, curly and straight quotes, emoji, CJK, combining marks,
/// control pictures and wide dashes, with speech verbs so the detector finds quotes.
fn article_text() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let piece = proptest::sample::select(vec![
        "said",
        "Minister",
        "Jane Doe",
        "“progress”",
        "\"plain\"",
        "‘single’",
        "🎉",
        "👩‍👩‍👧",
        "漢字",
        "e\u{301}",
        "␀",
        "—",
        "«guillemets»",
        "told",
        "Cuba",
        "U.S.",
        "\u{a0}",
        "x",
        "according to",
        ",",
        ".",
    ]);
    proptest::collection::vec(proptest::collection::vec(piece, 1..30), 1..6).prop_map(|ps| {
        let paragraphs: Vec<String> = ps.iter().map(|words| words.join(" ")).collect();
        format!("A headline\n\n{}\n", paragraphs.join("\n\n"))
    })
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    #[test]
    fn random_keys_and_mouse_never_panic_and_saved_stores_pass_check(
        text in article_text(),
        inputs in proptest::collection::vec(input(), 1..80),
    ) {
        use crate::article::{Article, Source};
        use crate::store::{OpenOptions, Store};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, &text).unwrap();
        let article = std::sync::Arc::new(Article::load(Source::File(path), 1 << 20).unwrap());
        let options = OpenOptions {
            suggest: Some(crate::detect::detect_with_progress),
            ..OpenOptions::default()
        };
        let store = Store::open(&article, &options);
        let mut app = App::new(article.clone(), crate::config::Config::default(), (100, 30), true);
        app.update(Action::StoreReady(Box::new(store)));
        for input in inputs {
            match input {
                Input::Key(code, m) => press_mod(&mut app, code, m),
                Input::Click(x, y) => app.update(Action::Click(x, y)),
                Input::Drag(x, y) => app.update(Action::Drag(x, y)),
                Input::Scroll(n) => app.update(Action::Scroll(n)),
                Input::Resize(w, h) => app.update(Action::Resize(w, h)),
                Input::Paste(text) => app.update(Action::Paste(text)),
            }
            screen(&app);
            if app.wants_quit() {
                break;
            }
        }
        if !app.wants_quit() {
            press_mod(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL);
        }
        let report = crate::store::check::check(&article, &options).unwrap();
        proptest::prop_assert!(report.problems.is_empty(), "{:?}", report.problems);
    }
}

#[test]
fn undoing_back_to_the_saved_state_then_quitting_leaves_nothing_to_recover() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_in(dir.path(), 100, 30, true);
    a.update(Action::Command(crate::keys::Command::Save));
    press(&mut a, KeyCode::Tab);
    typ(&mut a, "x");
    assert!(a.store().unwrap().is_dirty());
    typ(&mut a, "u");
    assert!(!a.store().unwrap().is_dirty(), "back at the saved state");
    typ(&mut a, "q");
    assert!(a.wants_quit(), "quitting asks nothing");
    let journal = dir.path().join("bundled.parley.toml.journal");
    assert!(
        !journal.exists(),
        "no journal for the next start to recover"
    );
}

#[test]
fn a_frame_smaller_than_the_size_the_reader_last_heard_of_is_left_blank_and_the_right_size_drawn() {
    // a resize can reach the reader before the frame it draws into has the new size:
    // that frame is left as it was, and a frame of the size the reader knows is drawn
    let dir = tempfile::tempdir().unwrap();
    let a = app_in(dir.path(), 100, 30, true);
    let small = ratatui::layout::Rect::new(0, 0, 80, 24);
    let mut buf = ratatui::buffer::Buffer::empty(small);
    ratatui::widgets::Widget::render(&a, small, &mut buf);
    assert_eq!(buf, ratatui::buffer::Buffer::empty(small));
    let known = ratatui::layout::Rect::new(0, 0, 100, 30);
    let mut buf = ratatui::buffer::Buffer::empty(known);
    ratatui::widgets::Widget::render(&a, known, &mut buf);
    assert_ne!(buf, ratatui::buffer::Buffer::empty(known));
}
