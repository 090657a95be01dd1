//! Keys into actions, and the one `update` that applies them: the reading commands,
//! cancelling, the search prompt and mark letters; edits go on to `editing`.

use super::{App, Layer, Overlay, Pending, Tone};
use crate::keys::{Command, Scope};
use crate::tui::action::{Action, PopupKey, PromptKey};
use crate::tui::input::TextField;
use crate::tui::keymap::Bound;
use crate::tui::popup::Popup;
use crate::tui::strings;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

impl App {
    /// Turns a key into an action through the keymap of the layer on top: the search
    /// prompt, a popup, a pending mark letter, an overlay or cursor mode, else reading.
    /// This is the only place keys are interpreted.
    pub fn action_for_key(&self, key: KeyEvent) -> Option<Action> {
        let scope = match self.mode.top() {
            Some(Layer::Popup(Popup::Sides(_))) => Scope::Sides,
            Some(Layer::Popup(Popup::SpeakersPanel(_))) => Scope::Speakers,
            Some(Layer::Popup(Popup::Corpus)) => Scope::Corpus,
            Some(Layer::Search(_) | Layer::Popup(_) | Layer::Pending(_)) => Scope::Prompt,
            Some(Layer::Cursor(_)) => Scope::Cursor,
            Some(Layer::Overlay(_)) | None => Scope::Normal,
        };
        let bound = self.keymap.lookup(scope, key);
        if bound == Some(Bound::Command(Command::Suspend)) {
            return Some(Action::Command(Command::Suspend));
        }
        if self.mode.top().is_none()
            && let Some(d) = self.count_digit(bound, key)
        {
            return Some(Action::CountDigit(d));
        }
        match self.mode.top() {
            Some(Layer::Search(_)) => prompt_key(bound, key).map(Action::Prompt),
            Some(Layer::Popup(Popup::Sides(_) | Popup::SpeakersPanel(_) | Popup::Corpus)) => {
                match bound? {
                    Bound::Command(c) => Some(Action::Popup(PopupKey::Command(c))),
                    Bound::Side(n) => Some(Action::Popup(PopupKey::Side(n))),
                }
            }
            Some(Layer::Popup(p)) => popup_key(p, bound, key).map(Action::Popup),
            Some(Layer::Pending(_)) => match typed(key) {
                Some(c) if bound.is_none() => Some(Action::MarkLetter(c)),
                _ => Some(Action::Command(Command::Cancel)),
            },
            _ => match bound? {
                Bound::Command(c) => Some(Action::Command(c)),
                Bound::Side(n) => Some(Action::SetSide(n)),
            },
        }
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        let top = self.top;
        let resize = matches!(action, Action::Resize(..));
        match action {
            Action::Command(c) => self.command(c),
            Action::SetSide(n) if self.mode.overlay().is_none() => {
                self.message = None;
                self.set_side(usize::from(n).checked_sub(1));
            }
            Action::SetSide(_) => {}
            Action::Resize(w, h) => {
                self.size = (w, h);
                self.relayout();
            }
            Action::Scroll(n) => self.scroll_by(n as isize),
            Action::Select(i) => self.select(i),
            Action::Click(x, y) => self.click(x, y),
            Action::Drag(x, y) => self.drag(x, y),
            Action::Popup(k) => self.popup_input(k),
            Action::Paste(text) => self.paste(&text),
            Action::StoreReady(store) => {
                self.set_store(*store);
                self.offer_given_sides();
            }
            Action::RestToCome => self.expect_rest(),
            Action::Resume(place) => self.resume(place),
            Action::ArticleReady(article) => self.set_article(article),
            Action::ArticleFailed(why) => self.article_failed(&why),
            Action::CorpusCounted(counted) => self.corpus_counted(counted),
            Action::CorpusFound(found) => self.corpus_found(found),
            Action::ForArticle(ticket, action) => self.for_article(ticket, *action),
            Action::Prompt(k) => self.prompt(k),
            Action::CountDigit(d) => {
                let n = self.count.unwrap_or(0).saturating_mul(10) + usize::from(d);
                self.count = Some(n.min(MAX_COUNT));
            }
            Action::MarkLetter(c) => self.mark_letter(c),
            Action::Idle => {
                self.wrap_more();
            }
            Action::Progress(bytes) => self.detected(bytes),
            Action::Detected(done) => self.take_detected(*done),
            Action::WorkerGone => self.worker_gone(),
        }
        self.log_message();
        self.ensure_screen();
        if !resize && self.top != top {
            self.anchor = None;
        }
    }

    fn command(&mut self, c: Command) {
        let count = self.count.take();
        if c == Command::Cancel && count.is_some() {
            return; // Esc drops the count typed, and nothing else
        }
        if c != Command::Cancel {
            self.message = None;
        }
        if let Some(overlay) = self.mode.overlay() {
            // an overlay takes its own commands and the ones that open, close or
            // switch the panes; the rest would act on the article hidden under it
            let taken = match overlay {
                Overlay::Help(scroll) => self.help_command(c, scroll, Overlay::Help),
                Overlay::Messages(scroll) => self.help_command(c, scroll, Overlay::Messages),
                Overlay::Sides(cursor) => self.sides_command(c, cursor),
                Overlay::Legend(scroll) => self.help_command(c, scroll, Overlay::Legend),
            };
            if taken || !passes_overlays(c) {
                return;
            }
        }
        let before = self.top_offset();
        self.reading_command(c, count);
        if is_jump(c) && self.top_offset() != before {
            self.last_jump = Some(before);
        }
    }

    /// A command while reading (no overlay took it), with the count typed before it.
    fn reading_command(&mut self, c: Command, count: Option<usize>) {
        let page = self.viewport();
        // as less: a count before a scroll is the number of rows
        let rows = |default: usize| count.unwrap_or(default) as isize;
        let n = count.unwrap_or(1);
        match c {
            Command::ScrollDown => self.scroll_by(rows(1)),
            Command::ScrollUp => self.scroll_by(-rows(1)),
            Command::PageDown => self.scroll_by(rows(page)),
            Command::PageUp => self.scroll_by(-rows(page)),
            Command::HalfPageDown => self.scroll_by(rows((page / 2).max(1))),
            Command::HalfPageUp => self.scroll_by(-rows((page / 2).max(1))),
            Command::Top => self.go_to_row(count.unwrap_or(1)),
            Command::Bottom => match count {
                Some(row) => self.go_to_row(row),
                None => {
                    self.layout.complete(&self.article.text);
                    self.top = self.max_top();
                }
            },
            Command::GoPercent => self.go_to_percent(count.unwrap_or(0)),
            Command::NextAnnotation => self.repeat(n, |app| app.step_item(true, false)),
            Command::PrevAnnotation => self.repeat(n, |app| app.step_item(false, false)),
            Command::NextSameSide => self.repeat(n, |app| app.step_item(true, true)),
            Command::PrevSameSide => self.repeat(n, |app| app.step_item(false, true)),
            Command::NextToReview => self.repeat(n, |app| {
                app.step_review(true);
            }),
            Command::PrevToReview => self.repeat(n, |app| {
                app.step_review(false);
            }),
            Command::Search | Command::SearchBackward => {
                self.search.open(self.top, c == Command::SearchBackward);
                self.mode.push(Layer::Search(TextField::default()));
            }
            Command::SearchNext => self.repeat_search(n, true),
            Command::SearchPrev => self.repeat_search(n, false),
            Command::SetMark => self.mode.push(Layer::Pending(Pending::SetMark)),
            Command::JumpMark => self.mode.push(Layer::Pending(Pending::JumpMark)),
            Command::ToggleSidebar => {
                self.sidebar = !self.sidebar;
                self.relayout();
                if self.sidebar && self.geometry().is_some_and(|g| g.sidebar.is_none()) {
                    self.message = Some((
                        format!(
                            "no room for the sidebar: it needs a terminal {} columns wide, this one has {}",
                            crate::tui::geometry::SIDEBAR_MIN_TERMINAL,
                            self.size.0
                        ),
                        Tone::Info,
                    ));
                }
            }
            Command::ToggleSides => self.toggle_overlay(Overlay::Sides(0)),
            Command::ToggleHelp => self.toggle_overlay(Overlay::Help(0)),
            Command::ToggleLegend => self.toggle_overlay(Overlay::Legend(0)),
            Command::Quit => {
                if self.mode.overlay().is_some() {
                    self.mode.pop();
                } else {
                    self.request_quit(false);
                }
            }
            Command::Cancel => self.cancel(),
            Command::NextArticle => self.step_article(1),
            Command::PreviousArticle => self.step_article(-1),
            Command::CorpusList => self.open_corpus_list(),
            other => self.edit_command(other),
        }
    }

    /// Esc: closes the layer on top; while reading, drops the search highlights, then
    /// the selection, then the message.
    fn cancel(&mut self) {
        if self.mode.pop().is_some() {
            return;
        }
        if !self.search.matches.is_empty() {
            self.search.clear();
        } else if self.selected.is_some() {
            self.selected = None;
        } else {
            self.message = None;
        }
    }

    fn prompt(&mut self, k: PromptKey) {
        let Some(Layer::Search(field)) = self.mode.top_mut() else {
            return;
        };
        match k {
            PromptKey::Submit => {
                self.mode.pop();
                let from = self.row_start(self.search.saved_top);
                if self.top_offset() != from {
                    self.last_jump = Some(from);
                }
                if self.search.matches.is_empty() && !self.search.query.is_empty() {
                    self.message = Some((
                        strings::pattern_not_found(&self.search.query),
                        Tone::Warning,
                    ));
                }
                return;
            }
            PromptKey::Abort => {
                self.mode.pop();
                self.top = self.search.saved_top.min(self.max_top());
                self.search.clear();
                return;
            }
            k => field.apply(k),
        }
        self.search_typed();
    }

    /// The search prompt's text changed: find it again from where the search began.
    pub(super) fn search_typed(&mut self) {
        let Some(Layer::Search(field)) = self.mode.top() else {
            return;
        };
        let query = field.text().to_string();
        self.search.set_query(&self.article.text, &query);
        let from = self.row_start(self.search.saved_top);
        if let Some(hit) = self.search.first_hit_from(from) {
            self.go_to_match(hit.index);
            if hit.wrapped {
                let text = strings::search_wrapped_while_typing(self.search.backward);
                self.message = Some((text.into(), Tone::Info));
            }
        } else {
            self.top = self.search.saved_top.min(self.max_top());
        }
    }

    fn mark_letter(&mut self, c: char) {
        let Some(p) = self.mode.pending() else { return };
        self.mode.pop();
        if p == Pending::JumpMark && c == '\'' {
            return self.jump_back();
        }
        if !c.is_ascii_alphabetic() {
            self.message = Some((strings::MARKS_ARE_LETTERS.into(), Tone::Warning));
            return;
        }
        match p {
            Pending::SetMark => {
                self.marks.insert(c, self.top_offset());
                self.message = Some((format!("mark {c} set"), Tone::Info));
            }
            Pending::JumpMark => match self.marks.get(&c) {
                Some(&offset) => {
                    let before = self.top_offset();
                    self.scroll_to_offset(offset);
                    if self.top_offset() != before {
                        self.last_jump = Some(before);
                    }
                }
                None => self.message = Some((format!("mark {c} not set"), Tone::Warning)),
            },
        }
    }
}

/// The largest count (`5j`) kept; more digits leave it there.
const MAX_COUNT: usize = 999_999_999;

/// Whether a command moves the view to another place, so that `''` can go back.
fn is_jump(c: Command) -> bool {
    matches!(
        c,
        Command::Top
            | Command::Bottom
            | Command::GoPercent
            | Command::NextAnnotation
            | Command::PrevAnnotation
            | Command::NextSameSide
            | Command::PrevSameSide
            | Command::NextToReview
            | Command::PrevToReview
            | Command::AcceptNext
            | Command::RejectNext
            | Command::SearchNext
            | Command::SearchPrev
    )
}

/// Whether a command reaches the reader with an overlay open: those that open, close
/// or switch the panes.
fn passes_overlays(c: Command) -> bool {
    matches!(
        c,
        Command::ToggleHelp
            | Command::ToggleLegend
            | Command::ToggleSides
            | Command::ToggleSidebar
            | Command::Quit
            | Command::Cancel
    )
}

/// The character a key types, if it types one (no Ctrl or Alt).
fn typed(key: KeyEvent) -> Option<char> {
    let plain = !key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match key.code {
        KeyCode::Char(c) if plain => Some(c),
        _ => None,
    }
}

/// The popup input for a key and what the prompt keymap binds it to.
fn popup_key(popup: &Popup, bound: Option<Bound>, key: KeyEvent) -> Option<PopupKey> {
    let list = matches!(popup, Popup::Speakers { .. } | Popup::Lines { .. });
    match bound {
        Some(Bound::Command(Command::PromptNewline)) => Some(PopupKey::Newline),
        Some(Bound::Command(Command::ListUp)) if list => Some(PopupKey::Up),
        Some(Bound::Command(Command::ListDown)) if list => Some(PopupKey::Down),
        _ => prompt_key(bound, key).map(PopupKey::Edit),
    }
}

/// The prompt edit for a key: its binding in the prompt keymap, else the character
/// it types.
fn prompt_key(bound: Option<Bound>, key: KeyEvent) -> Option<PromptKey> {
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
