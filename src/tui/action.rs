//! Everything that can change the reader's state. `App::update` is the only place
//! that applies them.

use super::keymap::Bound;
use crate::article::Article;
use crate::keys::Command;
use crate::store::Store;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::sync::Arc;

/// An edit to a text prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptKey {
    /// Type a character.
    Char(char),
    /// Delete before the cursor.
    Backspace,
    /// Delete after the cursor.
    Delete,
    /// Delete the word before the cursor.
    DeleteWord,
    /// Delete everything before the cursor (on its line).
    DeleteToStart,
    /// Cursor left.
    Left,
    /// Cursor right.
    Right,
    /// Start of line.
    Home,
    /// End of line.
    End,
    /// Accept the prompt.
    Submit,
    /// Abandon the prompt.
    Abort,
}

impl PromptKey {
    /// The edit a key makes in a text field: its binding in the prompt keymap, else
    /// the character it types.
    pub fn of(bound: Option<Bound>, key: KeyEvent) -> Option<PromptKey> {
        let Some(bound) = bound else {
            return typed(key).map(PromptKey::Char);
        };
        Some(match bound {
            Bound::Command(Command::PromptSubmit) => PromptKey::Submit,
            Bound::Command(Command::PromptCancel) => PromptKey::Abort,
            Bound::Command(Command::PromptDeleteWord) => PromptKey::DeleteWord,
            Bound::Command(Command::PromptDeleteToStart) => PromptKey::DeleteToStart,
            Bound::Command(Command::PromptHome) => PromptKey::Home,
            Bound::Command(Command::PromptEnd) => PromptKey::End,
            Bound::Command(Command::PromptLeft) => PromptKey::Left,
            Bound::Command(Command::PromptRight) => PromptKey::Right,
            Bound::Command(Command::PromptBackspace) => PromptKey::Backspace,
            Bound::Command(Command::PromptDelete) => PromptKey::Delete,
            _ => return None,
        })
    }
}

/// The character a key types, if it types one (no Ctrl or Alt).
pub fn typed(key: KeyEvent) -> Option<char> {
    let plain = !key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match key.code {
        KeyCode::Char(c) if plain => Some(c),
        _ => None,
    }
}

/// A change to the reader's state.
#[derive(Debug)]
pub enum Action {
    /// A bound command.
    Command(Command),
    /// `set_side` by a key that names the side: 1-9 a party in order, 0 none.
    SetSide(u8),
    /// The terminal has a new size (columns, rows).
    Resize(u16, u16),
    /// Scroll by rows (mouse wheel): positive is down.
    Scroll(i32),
    /// A click at a screen cell (column, row).
    Click(u16, u16),
    /// Select annotation item `i` (an index into the highlights' items) and show it.
    Select(usize),
    /// A key typed into the open prompt.
    Prompt(PromptKey),
    /// The letter after `m` or `'`.
    MarkLetter(char),
    /// A digit of a count typed before a command (`5j`, `50%`).
    CountDigit(u8),
    /// Only the start of the article is here: the rest comes with `ArticleReady`.
    RestToCome,
    /// Go back to where the article was left, and take up its marks.
    Resume(crate::tui::session::Place),
    /// The whole article arrived (the reader opened on its start).
    ArticleReady(Arc<Article>),
    /// The rest of the article could not be read (why).
    ArticleFailed(String),
    /// The store finished opening on the worker thread.
    StoreReady(Box<Store>),
    /// The rest of the article's opening (reading the rest of it, making a page's text,
    /// opening its store), for a worker: the app starts it once it has workers.
    Open(Box<crate::tui::opening::OpenJob>),
    /// A key typed into the open popup.
    Popup(PopupKey),
    /// What one of the reader's own popups answered (a popup returns it).
    Reply(super::reply::Reply),
    /// Text pasted in the terminal (bracketed paste): for the focused field, never keys.
    Paste(String),
    /// The mouse moved with the button down, at a screen cell (column, row).
    Drag(u16, u16),
    /// Nothing is queued: do a slice of background work (wrapping the rest).
    Idle,
    /// The detector has done this many bytes of the article.
    Progress(usize),
    /// A worker ended before it finished (a bug): an opening's leaves the reader
    /// without annotations, a detection's or a search's leaves them as they were.
    WorkerGone(crate::tui::events::Gone),
    /// The threads background work starts on, handed over once by the loop.
    Workers(super::app::workers::Handle),
    /// A detection the app asked for came back from a worker.
    Detected(Box<crate::tui::detection::Detected>),
    /// The background read of the corpus's articles found these titles and counts.
    CorpusCounted(Vec<crate::tui::corpus::Counted>),
    /// A batch of what the corpus search's worker found.
    CorpusFound(crate::tui::corpus::search::Found),
    /// What the worker found for the corpus's article opened under this ticket: taken
    /// only while that article is the one open.
    ForArticle(u64, Box<Action>),
}

/// A key in a popup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PopupKey {
    /// An edit to the popup's text field (or a letter choosing an option).
    Edit(PromptKey),
    /// A line break in a multi-line field.
    Newline,
    /// The list cursor up.
    Up,
    /// The list cursor down.
    Down,
    /// A command of the popup's own keymap (the sides editor's, the speakers panel's).
    Command(Command),
    /// A side digit in the speakers panel: 1-9 a party in order, 0 none.
    Side(u8),
}
