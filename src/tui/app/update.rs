//! Keys into actions, and the one `update` that applies them: the reading commands,
//! cancelling, the search prompt and mark letters; edits go on to `editing`.

use super::{App, Tone};
use crate::keys::Command;
use crate::tui::action::{Action, PromptKey};
use crate::tui::app::mode::{Layer, Overlay, Pending};
use crate::tui::input::TextField;
use crate::tui::keymap::Bound;
use crate::tui::strings;
use crossterm::event::KeyEvent;

impl App {
    /// Turns a key into an action: the layer on top maps it through its own keymap
    /// (reading's when there is none). Suspending and interrupting are the loop's.
    pub fn action_for_key(&self, key: KeyEvent) -> Option<Action> {
        let bound = self.keymap.lookup(self.mode.scope(), key);
        match self.mode.top() {
            None => self.reading_key(bound, key),
            // a key that opens the help anywhere closes it: `?` opens it from a
            // panel, while reading's keymap (the help's) has `?` as a search
            Some(Layer::Overlay(Overlay::Help(_))) if self.keymap.opens_help(key) => {
                Some(Action::Command(Command::ToggleHelp))
            }
            Some(Layer::Cursor(_) | Layer::Overlay(_)) => command_or_side(bound?),
            Some(Layer::Search(_)) => PromptKey::of(bound, key).map(Action::Prompt),
            Some(Layer::Pending(_)) => Some(Pending::key(bound, key)),
            Some(Layer::Popup(p)) => p.key(bound, key).map(Action::Popup),
        }
    }

    /// A key while reading: a digit of a count, a command, or a side.
    fn reading_key(&self, bound: Option<Bound>, key: KeyEvent) -> Option<Action> {
        match self.count_digit(bound, key) {
            Some(d) => Some(Action::CountDigit(d)),
            None => command_or_side(bound?),
        }
    }

    /// Applies one action, then starts the work it queued and keeps the screen whole.
    pub fn update(&mut self, action: Action) {
        let top = self.top;
        let resize = matches!(action, Action::Resize(..));
        self.act(action);
        self.start_work();
        self.log_message();
        self.ensure_screen();
        if !resize && self.top != top {
            self.anchor = None;
        }
    }

    /// What one action does (a popup's answer is applied here too, inside `update`).
    pub(super) fn act(&mut self, action: Action) {
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
            Action::Reply(reply) => self.reply(reply),
            Action::Paste(text) => self.paste(&text),
            Action::StoreReady(store) => {
                self.set_store(*store);
                self.offer_given_sides();
            }
            Action::RestToCome => self.expect_rest(),
            Action::Open(job) => self.opening = Some(*job),
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
            Action::WorkerGone(gone) => self.worker_gone(gone),
            Action::Workers(handle) => self.workers = Some(handle),
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
        let before = self.top_offset();
        let taken = match self.mode.top() {
            Some(Layer::Overlay(o)) => self.overlay_command(*o, c),
            Some(Layer::Cursor(_)) => self.cursor_command(c),
            _ => false,
        };
        if !taken {
            self.reading_command(c, count);
        }
        if is_jump(c) && self.top_offset() != before {
            self.last_jump = Some(before);
        }
    }

    /// A command while reading (no layer over it took it), with the count typed
    /// before it: a move here, the rest straight to the module that does it.
    fn reading_command(&mut self, c: Command, count: Option<usize>) {
        if self.move_command(c, count) {
            return;
        }
        match c {
            Command::ToggleSidebar => self.toggle_sidebar(),
            Command::ToggleSides => self.toggle_overlay(Overlay::Sides(0)),
            Command::ToggleHelp | Command::CursorHelp | Command::PanelHelp => {
                self.toggle_overlay(Overlay::Help(0))
            }
            Command::ToggleLegend => self.toggle_overlay(Overlay::Legend(0)),
            Command::Quit => self.request_quit(false),
            Command::Cancel => self.cancel(),
            Command::NextArticle => self.step_article(1),
            Command::PreviousArticle => self.step_article(-1),
            Command::CorpusList => self.open_corpus_list(),
            Command::CursorMode => self.enter_cursor(),
            Command::EditSides => self.open_sides_editor(),
            Command::Speakers => self.open_speakers_panel(),
            Command::NextConflict => self.next_conflict(),
            Command::Save => {
                self.save();
            }
            Command::Export => self.ask_export_format(),
            Command::CommandLine => self.open_command_line(),
            c if super::review::is_review(c) => self.review_command(c),
            other => self.edit_command(other),
        }
    }

    /// A command that moves the view, searches or marks, with its count; false when
    /// it is not one.
    fn move_command(&mut self, c: Command, count: Option<usize>) -> bool {
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
            Command::Bottom => self.go_to_bottom(count),
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
            _ => return false,
        }
        true
    }

    /// `G`: the last row, or row N with a count.
    fn go_to_bottom(&mut self, count: Option<usize>) {
        match count {
            Some(row) => self.go_to_row(row),
            None => {
                self.layout.complete(&self.article.text);
                self.top = self.max_top();
            }
        }
    }

    /// `s`: shows or hides the sidebar, saying so when the terminal has no room for it.
    fn toggle_sidebar(&mut self) {
        self.sidebar = !self.sidebar;
        self.relayout();
        if self.sidebar && self.geometry().is_some_and(|g| g.sidebar.is_none()) {
            let text = strings::no_room_for_sidebar(self.size.0);
            self.message = Some((text, Tone::Info));
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

/// The action of a key bound in a keymap of commands (reading, cursor mode, an
/// overlay).
fn command_or_side(bound: Bound) -> Option<Action> {
    Some(match bound {
        Bound::Command(c) => Action::Command(c),
        Bound::Side(n) => Action::SetSide(n),
    })
}
