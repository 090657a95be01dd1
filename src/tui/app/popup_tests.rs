//! A new popup is one type and a keymap scope: a popup written here, which nothing
//! else in the reader knows, is opened as a command of the app would open it, takes
//! its keys through its scope, draws itself, names the mode, closes on Esc, and its
//! answer changes the reader through `update` like any other action.

use super::App;
use crate::keys::Scope;
use crate::tui::action::{Action, PopupKey, PromptKey};
use crate::tui::app_tests::app_in;
use crate::tui::popup::{Outcome, Popup};
use crate::tui::test_support::{press, screen, screen_lines, typ};
use crate::tui::view::frame;
use crossterm::event::KeyCode;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// "Scroll down N rows": digits are typed into it, Enter scrolls.
#[derive(Debug, Default)]
struct GoTo {
    typed: String,
}

impl Popup for GoTo {
    fn scope(&self) -> Scope {
        Scope::Prompt
    }

    fn name(&self) -> &'static str {
        "GO TO"
    }

    fn handle(&mut self, key: PopupKey, _: &App) -> Outcome {
        match key {
            PopupKey::Edit(PromptKey::Char(c)) if c.is_ascii_digit() => {
                self.typed.push(c);
                Outcome::Stay
            }
            PopupKey::Edit(PromptKey::Submit) => match self.typed.parse() {
                Ok(rows) => Outcome::Done(Action::Scroll(rows)),
                Err(_) => Outcome::Close,
            },
            _ => Outcome::Stay,
        }
    }

    fn render(&self, app: &App, area: Rect, buf: &mut Buffer) {
        let inner = frame(app, area, 30, 3, "Go to", buf);
        let line = format!("down {} rows", self.typed);
        buf.set_stringn(
            inner.x,
            inner.y,
            line,
            usize::from(inner.width),
            app.theme().text,
        );
    }
}

fn status(a: &App) -> String {
    screen_lines(a).pop().unwrap_or_default()
}

#[test]
fn a_popup_of_its_own_takes_keys_draws_itself_and_answers_through_update() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_in(dir.path(), 80, 24, true);
    a.open_popup(GoTo::default());
    assert!(status(&a).contains("GO TO"), "{}", status(&a));
    typ(&mut a, "1j2");
    assert_eq!(
        a.mode().popup_as::<GoTo>().map(|g| g.typed.as_str()),
        Some("12")
    );
    assert!(screen(&a).contains("down 12 rows"), "{}", screen(&a));
    assert_eq!(a.top(), 0, "j is its key while it is open, not a scroll");
    press(&mut a, KeyCode::Enter);
    assert!(a.mode().popup().is_none(), "Enter closed it");
    assert_eq!(a.top(), 12, "its answer scrolled the reader");
    assert!(!screen(&a).contains("down 12 rows"));
    assert!(status(&a).contains("READ"), "{}", status(&a));

    a.open_popup(GoTo::default());
    typ(&mut a, "9");
    press(&mut a, KeyCode::Esc);
    assert!(a.mode().popup().is_none(), "Esc closes it as any popup");
    assert_eq!(a.top(), 12, "closed without an answer: nothing changed");
}
