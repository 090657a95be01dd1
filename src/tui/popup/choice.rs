//! A question answered with one letter, built from its declaration in
//! `tui::questions` (or, for a list of the moment, from its options).

use super::{Outcome, Popup};
use crate::keys::Scope;
use crate::tui::action::{PopupKey, PromptKey};
use crate::tui::app::App;
use crate::tui::layout::text_width;
use crate::tui::questions::Question;
use crate::tui::reply::{Ask, Reply};
use crate::tui::strings;
use crate::tui::view::frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

/// A lettered question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// The question.
    pub title: String,
    /// Letter and meaning of each answer.
    pub options: Vec<(char, String)>,
    /// What it decides.
    pub ask: Ask,
    /// The answer Enter gives, if any.
    pub default: Option<char>,
}

impl Choice {
    /// A lettered question, as declared.
    pub fn ask<T: Copy>(question: &Question<T>, ask: Ask) -> Choice {
        Choice::ask_with(question.title.to_string(), question, ask, |_, words| {
            Some(words.to_string())
        })
    }

    /// A lettered question with a title of the moment, its answers' words given by
    /// `words` from each answer's meaning and declared words (`None` leaves it out).
    pub fn ask_with<T: Copy>(
        title: String,
        question: &Question<T>,
        ask: Ask,
        words: impl Fn(T, &str) -> Option<String>,
    ) -> Choice {
        let options = question
            .answers
            .iter()
            .filter_map(|&(letter, declared, means)| Some((letter, words(means, declared)?)))
            .collect();
        Choice::of(title, options, ask)
    }

    /// A question over options of the moment (the export formats, the sides).
    pub fn of(title: String, options: Vec<(char, String)>, ask: Ask) -> Choice {
        Choice {
            title,
            options,
            ask,
            default: None,
        }
    }

    /// The same question, Enter answering it with `letter`.
    pub fn with_default(mut self, letter: Option<char>) -> Choice {
        self.default = letter;
        self
    }
}

impl Popup for Choice {
    fn scope(&self) -> Scope {
        Scope::Prompt
    }

    fn handle(&mut self, key: PopupKey, _: &App) -> Outcome {
        let letter = match key {
            PopupKey::Edit(PromptKey::Char(c)) if self.options.iter().any(|(o, _)| *o == c) => c,
            PopupKey::Edit(PromptKey::Submit) => match self.default {
                Some(d) => d,
                None => return Outcome::Stay,
            },
            _ => return Outcome::Stay,
        };
        Outcome::reply(Reply::Chose(self.ask.clone(), letter))
    }

    /// The answers under the title; the one Enter gives is marked and named below.
    fn render(&self, app: &App, area: Rect, buf: &mut Buffer) {
        let (title, options, default) = (&self.title, &self.options, self.default);
        let footer = strings::choice_footer(default, app.keymap());
        let width = options
            .iter()
            .map(|(_, s)| text_width(s) + 6)
            .chain([text_width(title) + 4, text_width(&footer) + 2])
            .max()
            .unwrap_or(20) as u16;
        let inner = frame(app, area, width + 2, options.len() as u16 + 3, title, buf);
        for (i, (key, what)) in options.iter().enumerate().take(usize::from(inner.height)) {
            let y = inner.y + i as u16;
            buf.set_stringn(
                inner.x + 1,
                y,
                format!("{key}"),
                1,
                Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            );
            let mut style = app.theme().text;
            if default == Some(*key) {
                style = style.add_modifier(Modifier::BOLD);
            }
            buf.set_stringn(
                inner.x + 3,
                y,
                what,
                usize::from(inner.width.saturating_sub(3)),
                style,
            );
        }
        if inner.height > options.len() as u16 {
            buf.set_stringn(
                inner.x + 1,
                inner.bottom() - 1,
                &footer,
                usize::from(inner.width),
                app.theme().dim,
            );
        }
    }
}
