//! Nothing from a file reaches the terminal raw: hostile articles, stores (notes,
//! speaker names, party names), config values and file names are drawn through the
//! real crossterm backend into a byte buffer, and every escape sequence in it must be
//! one parley itself writes (SGR styling, cursor positioning, clearing).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use parley::article::{Article, Source};
use parley::config::Config;
use parley::keys::Command;
use parley::store::{Edit, OpenOptions, Store};
use parley::tui::action::{Action, PopupKey, PromptKey};
use parley::tui::app::App;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::sync::Arc;

const HOSTILE: &str = "\x1b]0;pwned\x07\x1b]52;c;aGk=\x1b\\\x1bP+q\x1b\\\x1b[2J\x1b[31m\x07\u{9b}6n\u{9d}0;x\u{9c}\u{202e}\u{200e}\u{200f}\u{61c}";

/// Checks every byte the terminal would receive.
fn assert_only_own_sequences(bytes: &[u8]) {
    let s = String::from_utf8_lossy(bytes);
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\x1b' {
            assert_eq!(
                chars.next().map(|(_, c)| c),
                Some('['),
                "non-CSI escape at {i}: {:?}",
                &s[i..(i + 20).min(s.len())]
            );
            let mut body = String::new();
            let mut fin = None;
            for (_, d) in chars.by_ref() {
                if ('\x40'..='\x7e').contains(&d) {
                    fin = Some(d);
                    break;
                }
                body.push(d);
            }
            let fin = fin.expect("unterminated CSI");
            let own = match fin {
                'm' | 'H' | 'J' | 'K' => body.chars().all(|d| d.is_ascii_digit() || d == ';'),
                'h' | 'l' => matches!(
                    body.as_str(),
                    "?25" | "?1049" | "?1000" | "?1002" | "?1003" | "?1006" | "?1015"
                ),
                _ => false,
            };
            assert!(own, "unexpected sequence ESC [{body}{fin}");
            continue;
        }
        assert!(
            !c.is_control() || c == '\r' || c == '\n',
            "control {c:?} at {i}"
        );
        assert!(
            !matches!(c, '\u{61C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'),
            "bidi control at {i}"
        );
    }
}

fn hostile_app(dir: &std::path::Path) -> App {
    let text = format!(
        "Title {HOSTILE} end\n\nThe envoy said “we {HOSTILE} agree” on Friday.\n\nOther{HOSTILE}text.\n"
    );
    let article = Arc::new(Article::from_bytes(
        Source::File(dir.join(format!("evil{HOSTILE}.txt"))),
        text.as_bytes(),
    ));
    let config = Config {
        parties: vec![parley::model::Party {
            id: "p".into(),
            name: format!("Side{HOSTILE}"),
            aliases: vec![],
            color: None,
            ..Default::default()
        }],
        ..Config::default()
    };
    let options = OpenOptions {
        store: Some(dir.join("evil.parley.toml")),
        parties: Some(config.parties.clone()),
        suggest: Some(parley::detect::detect_with_progress),
        ..OpenOptions::default()
    };
    let mut store = Store::open(&article, &options);
    let start = article.text.find("The envoy").unwrap();
    let created = store
        .apply(Edit::AddSpeaker {
            name: format!("Name{HOSTILE}"),
            role: Some(format!("Role{HOSTILE}")),
            party: Some("p".into()),
        })
        .unwrap()
        .created
        .unwrap();
    let q = store
        .apply(Edit::AddPosition {
            start,
            end: start + 9,
            party: Some("p".into()),
            speaker: Some(created),
        })
        .unwrap()
        .created
        .unwrap();
    store
        .apply(Edit::SetNote {
            id: q,
            note: Some(format!("note{HOSTILE}\nline two{HOSTILE}")),
        })
        .unwrap();
    let mut app = App::new(article, config, (100, 30), true);
    app.update(Action::StoreReady(Box::new(store)));
    app
}

/// A writer the test can read back after the backend wrote to it.
#[derive(Clone, Default)]
struct Sink(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl std::io::Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn draw(app: &App) -> Vec<u8> {
    let sink = Sink::default();
    let backend = CrosstermBackend::new(sink.clone());
    let area = ratatui::layout::Rect::new(0, 0, app.size().0, app.size().1);
    let mut terminal = Terminal::with_options(
        backend,
        ratatui::TerminalOptions {
            viewport: ratatui::Viewport::Fixed(area),
        },
    )
    .unwrap();
    terminal.draw(|f| f.render_widget(app, f.area())).unwrap();
    sink.0.borrow().clone()
}

#[test]
fn hostile_articles_stores_and_names_draw_only_parley_sequences() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = hostile_app(dir.path());
    app.update(Action::Resize(100, 30));
    assert_only_own_sequences(&draw(&app));
    for c in [
        Command::ToggleSidebar,
        Command::NextAnnotation,
        Command::ToggleSides,
    ] {
        app.update(Action::Command(c));
        let out = draw(&app);
        assert_only_own_sequences(&out);
        let text = String::from_utf8_lossy(&out);
        assert!(
            text.contains("Name") || text.contains("Side"),
            "the hostile names were drawn"
        );
        assert!(!text.contains("pwned"));
    }
    app.update(Action::Command(Command::Cancel));
    app.update(Action::Command(Command::ToggleLegend));
    assert_only_own_sequences(&draw(&app));
    app.update(Action::Command(Command::Cancel));
    app.update(Action::Command(Command::EditNote));
    assert_only_own_sequences(&draw(&app));
    app.update(Action::Popup(PopupKey::Edit(PromptKey::Abort)));
    app.update(Action::Command(Command::PickSpeaker));
    assert_only_own_sequences(&draw(&app));
    for c in HOSTILE.chars() {
        app.update(Action::Popup(PopupKey::Edit(PromptKey::Char(c))));
    }
    assert_only_own_sequences(&draw(&app));
    app.update(Action::Popup(PopupKey::Edit(PromptKey::Abort)));
    // an error message naming a hostile path
    app.update(Action::Command(Command::Export));
    app.update(Action::Popup(PopupKey::Edit(PromptKey::Char('j'))));
    for c in format!("/nonexistent/{HOSTILE}/x.json").chars() {
        app.update(Action::Popup(PopupKey::Edit(PromptKey::Char(c))));
    }
    app.update(Action::Popup(PopupKey::Edit(PromptKey::Submit)));
    assert!(app.message().is_some());
    assert_only_own_sequences(&draw(&app));
    app.update(Action::Command(Command::Search));
    for c in HOSTILE.chars() {
        app.update(Action::Prompt(PromptKey::Char(c)));
    }
    assert_only_own_sequences(&draw(&app));
}

#[test]
fn the_checker_catches_raw_sequences() {
    let result = std::panic::catch_unwind(|| assert_only_own_sequences(b"ok \x1b]0;t\x07"));
    assert!(result.is_err());
    let result = std::panic::catch_unwind(|| assert_only_own_sequences(b"ok \x07"));
    assert!(result.is_err());
    assert_only_own_sequences(b"\x1b[1;1H\x1b[0;1;94mok\x1b[0m");
}
