//! The reader's state and the one `update` that changes it.

pub mod cursor;
mod editing;
mod popups;
mod saving;

pub use cursor::Cursor;

use super::action::{Action, PopupKey, PromptKey};
use super::geometry::Geometry;
use super::highlight::{Highlights, on_target};
use super::input::TextField;
use super::keymap::Keymap;
use super::layout::Layout;
use super::popup::Popup;
use super::search::Search;
use super::theme::Theme;
use crate::article::Article;
use crate::config::Config;
use crate::keys::{Command, Scope};
use crate::store::Store;
use crate::store::model::{Annotations, Id, Position, Quote, QuoteKind, Status};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::BTreeMap;
use std::sync::Arc;

/// An overlay over the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// Nothing open.
    None,
    /// The key list, scrolled by this many rows.
    Help(usize),
    /// The legend of highlight styles.
    Legend,
    /// The sides view with its cursor (an index into `App::sides_entries`).
    Sides(usize),
}

/// A key that waits for a letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pending {
    /// `m`: set a mark.
    SetMark,
    /// `'`: jump to a mark.
    JumpMark,
}

/// How a status message should look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Plain information.
    Info,
    /// Something the user should know went wrong or was changed.
    Warning,
}

/// The reader.
#[derive(Debug)]
pub struct App {
    /// The article, shared with the detection worker.
    pub article: Arc<Article>,
    /// The annotations, their file, history and journal; `None` while they load.
    pub store: Option<Store>,
    /// What is shown until the store is ready.
    placeholder: Annotations,
    /// Index of the annotations for drawing and navigation.
    pub hl: Highlights,
    /// Key bindings.
    pub keymap: Keymap,
    /// Styles.
    pub theme: Theme,
    /// The configuration.
    pub config: Config,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    /// The wrapped article at the current text width.
    pub layout: Layout,
    /// First visible row.
    pub top: usize,
    /// Selected item (index into `hl.items`).
    pub selected: Option<usize>,
    /// Whether the sidebar is shown.
    pub sidebar: bool,
    /// The open overlay.
    pub overlay: Overlay,
    /// Search state.
    pub search: Search,
    /// Marks: letter → byte offset.
    pub marks: BTreeMap<char, usize>,
    /// A key waiting for its letter.
    pub pending: Option<Pending>,
    /// The status bar message.
    pub message: Option<(String, Tone)>,
    /// Whether the annotations are still loading (detection runs on a worker thread).
    pub detecting: bool,
    /// How many bytes of the article the detector has done (0 until it says).
    pub detected: usize,
    /// Whether only the start of the article is here (the rest loads on the worker).
    pub loading: bool,
    /// A reading position beyond the start, taken up when the whole article arrives.
    pub resume: Option<usize>,
    /// The open popup (a question, a text field, the speaker picker).
    pub popup: Option<Popup>,
    /// Cursor mode's cursor and selection.
    pub cursor: Option<Cursor>,
    /// Where a mouse drag started (a byte offset).
    drag_from: Option<usize>,
    /// Set when the reader should exit.
    pub quit: bool,
    /// How the file is named in the status bar.
    pub label: String,
    /// The byte offset kept at the top across resizes, so that several resizes in a
    /// row do not drift; forgotten as soon as the user scrolls.
    anchor: Option<usize>,
}

impl App {
    /// A reader over an article whose annotations are still loading, for a terminal of
    /// `size`; they arrive with [`Action::StoreReady`].
    pub fn new(article: Arc<Article>, config: Config, size: (u16, u16), color: bool) -> App {
        let ann = Annotations::new(crate::store::model::ArticleInfo::default());
        let theme = Theme::new(&config, &ann.parties, color);
        let hl = Highlights::new(&ann);
        let keymap = Keymap::new(&config);
        let sidebar = config.reader.sidebar;
        let label = match &article.source {
            crate::article::Source::File(p) => p.file_name().map_or_else(
                || article.source.to_string(),
                |n| crate::article::sanitize_inline(&n.to_string_lossy()),
            ),
            other => {
                let s = other.to_string();
                s.rsplit('/').next().unwrap_or(&s).to_string()
            }
        };
        let message =
            (!article.warnings.is_empty()).then(|| (warnings_text(&article), Tone::Warning));
        let mut app = App {
            layout: Layout::lazy(&article, 1),
            article,
            store: None,
            placeholder: ann,
            hl,
            keymap,
            theme,
            config,
            size,
            top: 0,
            selected: None,
            sidebar,
            overlay: Overlay::None,
            search: Search::default(),
            marks: BTreeMap::new(),
            pending: None,
            message,
            detecting: true,
            detected: 0,
            loading: false,
            resume: None,
            popup: None,
            cursor: None,
            drag_from: None,
            quit: false,
            label,
            anchor: None,
        };
        app.relayout();
        app
    }

    /// The annotations shown.
    pub fn ann(&self) -> &Annotations {
        self.store
            .as_ref()
            .map_or(&self.placeholder, Store::annotations)
    }

    /// The pane geometry for the current size, or `None` when too small.
    pub fn geometry(&self) -> Option<Geometry> {
        Geometry::new(
            self.size.0,
            self.size.1,
            self.sidebar,
            self.config.reader.max_width,
        )
    }

    /// Rows of article visible at once.
    pub fn viewport(&self) -> usize {
        self.geometry()
            .map_or(1, |g| usize::from(g.article.height).max(1))
    }

    /// The byte offset at the top of the screen.
    pub fn top_offset(&self) -> usize {
        self.layout.rows().get(self.top).map_or(0, |r| r.start())
    }

    /// The mode, for the status bar.
    pub fn mode_name(&self) -> &'static str {
        if self.search.prompt.is_some() {
            return "SEARCH";
        }
        if self.popup.is_some() {
            return "EDIT";
        }
        if let Some(c) = &self.cursor {
            return if c.anchor.is_some() {
                "SELECT"
            } else {
                "CURSOR"
            };
        }
        match self.overlay {
            Overlay::Help(_) => "HELP",
            Overlay::Sides(_) => "SIDES",
            Overlay::Legend => "LEGEND",
            Overlay::None => "READ",
        }
    }

    /// Turns a key into an action: the open prompt, a pending mark letter, or the keymap.
    /// This is the only place keys are interpreted.
    pub fn action_for_key(&self, key: KeyEvent) -> Option<Action> {
        if self.search.prompt.is_some() {
            return prompt_key(key).map(Action::Prompt);
        }
        if let Some(p) = &self.popup {
            return popup_key(p, key).map(Action::Popup);
        }
        if self.pending.is_some() {
            return match key.code {
                KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                    Some(Action::MarkLetter(c))
                }
                _ => Some(Action::Command(Command::Cancel)),
            };
        }
        let scope = if self.cursor.is_some() {
            Scope::Cursor
        } else {
            Scope::Normal
        };
        self.keymap.command(scope, key).map(Action::Command)
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        let top = self.top;
        let resize = matches!(action, Action::Resize(..));
        match action {
            Action::Command(c) => self.command(c),
            Action::Resize(w, h) => {
                self.size = (w, h);
                self.relayout();
            }
            Action::Scroll(n) => self.scroll_by(n as isize),
            Action::Click(x, y) => self.click(x, y),
            Action::Drag(x, y) => self.drag(x, y),
            Action::Popup(k) => self.popup_input(k),
            Action::StoreReady(store) => self.set_store(*store),
            Action::ArticleReady(article) => self.set_article(article),
            Action::ArticleFailed(why) => {
                self.loading = false;
                self.detecting = false;
                self.message = Some((
                    format!("{why}; showing the start only, without annotations"),
                    Tone::Warning,
                ));
            }
            Action::Prompt(k) => self.prompt(k),
            Action::MarkLetter(c) => self.mark_letter(c),
            Action::Idle => {
                self.wrap_more();
            }
        }
        self.ensure_screen();
        if !resize && self.top != top {
            self.anchor = None;
        }
    }

    /// Takes the whole article in place of its start, keeping the same text at the top
    /// (the start is a prefix of the whole, so every offset held stays valid).
    pub fn set_article(&mut self, article: Arc<Article>) {
        let keep = match self.resume.take() {
            Some(offset) if self.top == 0 => offset,
            _ => self.anchor.unwrap_or_else(|| self.top_offset()),
        };
        if !article.warnings.is_empty() && self.message.is_none() {
            self.message = Some((warnings_text(&article), Tone::Warning));
        }
        self.layout = Layout::lazy(&article, self.layout.width);
        self.article = article;
        self.loading = false;
        self.search.retext(&self.article.text);
        self.scroll_to_offset(keep);
    }

    /// Takes the opened store (from the worker thread): its annotations replace the
    /// placeholder, and its notices (recovered edits, re-anchoring, read-only) are shown.
    pub fn set_store(&mut self, mut store: Store) {
        let notices = store.take_notices();
        self.store = Some(store);
        self.detecting = false;
        self.selected = None;
        self.refresh(None, None);
        if !notices.is_empty() {
            let warn = self.store.as_ref().is_some_and(|s| s.read_only().is_some());
            let tone = if warn { Tone::Warning } else { Tone::Info };
            self.message = Some((notices.join("; "), tone));
        }
    }

    /// Rebuilds the index after the annotations changed. The selection goes to the
    /// annotation `prefer` (a new one) if it is one, else stays on `keep` (the id that
    /// was selected before the change), else is dropped.
    pub fn refresh(&mut self, prefer: Option<Id>, keep: Option<Id>) {
        let theme = Theme::new(&self.config, &self.ann().parties, self.theme.color);
        self.hl = Highlights::new(self.ann());
        self.theme = theme;
        self.selected = prefer
            .and_then(|id| self.index_of(&id))
            .or_else(|| keep.and_then(|id| self.index_of(&id)));
    }

    fn command(&mut self, c: Command) {
        if c != Command::Cancel {
            self.message = None;
        }
        if let Overlay::Help(scroll) = self.overlay {
            return self.help_command(c, scroll);
        }
        if let Overlay::Sides(cursor) = self.overlay {
            if self.sides_command(c, cursor) {
                return;
            }
        }
        let page = self.viewport();
        match c {
            Command::ScrollDown => self.scroll_by(1),
            Command::ScrollUp => self.scroll_by(-1),
            Command::PageDown => self.scroll_by(page as isize),
            Command::PageUp => self.scroll_by(-(page as isize)),
            Command::HalfPageDown => self.scroll_by((page / 2).max(1) as isize),
            Command::HalfPageUp => self.scroll_by(-((page / 2).max(1) as isize)),
            Command::Top => self.top = 0,
            Command::Bottom => {
                self.layout.complete(&self.article.text);
                self.top = self.max_top();
            }
            Command::NextAnnotation => self.step_item(true, false),
            Command::PrevAnnotation => self.step_item(false, false),
            Command::NextSameSide => self.step_item(true, true),
            Command::PrevSameSide => self.step_item(false, true),
            Command::Search => self.search.open(self.top),
            Command::SearchNext => self.search_step(true),
            Command::SearchPrev => self.search_step(false),
            Command::SetMark => self.pending = Some(Pending::SetMark),
            Command::JumpMark => self.pending = Some(Pending::JumpMark),
            Command::ToggleSidebar => {
                self.sidebar = !self.sidebar;
                self.relayout();
            }
            Command::ToggleSides => self.toggle_overlay(Overlay::Sides(0)),
            Command::ToggleHelp => self.toggle_overlay(Overlay::Help(0)),
            Command::ToggleLegend => self.toggle_overlay(Overlay::Legend),
            Command::Quit => {
                if self.overlay == Overlay::None {
                    self.request_quit(false);
                } else {
                    self.overlay = Overlay::None;
                }
            }
            Command::Cancel => self.cancel(),
            other => self.edit_command(other),
        }
    }

    fn toggle_overlay(&mut self, o: Overlay) {
        let same = std::mem::discriminant(&self.overlay) == std::mem::discriminant(&o);
        self.overlay = if same { Overlay::None } else { o };
        if let Overlay::Sides(_) = self.overlay {
            let at = self
                .selected
                .and_then(|s| self.sides_entries().iter().position(|e| *e == s))
                .unwrap_or(0);
            self.overlay = Overlay::Sides(at);
        }
    }

    fn cancel(&mut self) {
        if self.pending.take().is_some() {
            return;
        }
        if self.cursor.take().is_some() {
            return;
        }
        if self.overlay != Overlay::None {
            self.overlay = Overlay::None;
        } else if !self.search.matches.is_empty() {
            self.search.clear();
        } else if self.selected.is_some() {
            self.selected = None;
        } else {
            self.message = None;
        }
    }

    fn help_command(&mut self, c: Command, scroll: usize) {
        let page = self.viewport();
        let scroll = match c {
            Command::ScrollDown => scroll + 1,
            Command::ScrollUp => scroll.saturating_sub(1),
            Command::PageDown | Command::HalfPageDown => scroll + page / 2,
            Command::PageUp | Command::HalfPageUp => scroll.saturating_sub(page / 2),
            Command::Top => 0,
            Command::Bottom => usize::MAX / 2,
            Command::ToggleHelp | Command::Quit | Command::Cancel => {
                self.overlay = Overlay::None;
                return;
            }
            _ => scroll,
        };
        self.overlay = Overlay::Help(scroll.min(crate::keys::Command::ALL.len()));
    }

    /// Handles a command in the sides view; false lets the normal handling run.
    fn sides_command(&mut self, c: Command, cursor: usize) -> bool {
        let entries = self.sides_entries();
        let n = entries.len();
        let columns = self.sides_columns();
        let next = match c {
            Command::ScrollDown => (cursor + 1).min(n.saturating_sub(1)),
            Command::ScrollUp => cursor.saturating_sub(1),
            Command::Top => 0,
            Command::Bottom => n.saturating_sub(1),
            Command::NextAnnotation | Command::PrevAnnotation => {
                // jump to the first entry of the next (previous) column
                let starts: Vec<usize> = columns
                    .iter()
                    .scan(0, |acc, col| {
                        let s = *acc;
                        *acc += col.len();
                        Some(s)
                    })
                    .filter(|s| *s < n)
                    .collect();
                let here = starts.iter().rposition(|s| *s <= cursor).unwrap_or(0);
                let to = if c == Command::NextAnnotation {
                    (here + 1) % starts.len().max(1)
                } else {
                    (here + starts.len().max(1) - 1) % starts.len().max(1)
                };
                starts.get(to).copied().unwrap_or(0)
            }
            Command::Activate => {
                if let Some(&item) = entries.get(cursor) {
                    self.overlay = Overlay::None;
                    self.select(item);
                }
                return true;
            }
            Command::ToggleSides | Command::Quit | Command::Cancel => {
                self.overlay = Overlay::None;
                return true;
            }
            _ => return false,
        };
        self.overlay = Overlay::Sides(next);
        true
    }

    /// The sides view's columns: one per party, then the unassigned, each a list of
    /// item indices (quotes and positions, not terms nor rejected ones).
    pub fn sides_columns(&self) -> Vec<Vec<usize>> {
        let mut cols = vec![Vec::new(); self.ann().parties.len() + 1];
        for (i, it) in self.hl.items.iter().enumerate() {
            if it.kind() == Some(QuoteKind::Term) || it.status() == Status::Rejected {
                continue;
            }
            let col = it.party().unwrap_or(self.ann().parties.len());
            cols[col.min(self.ann().parties.len())].push(i);
        }
        cols
    }

    /// The sides view's entries in cursor order (column by column).
    pub fn sides_entries(&self) -> Vec<usize> {
        self.sides_columns().into_iter().flatten().collect()
    }

    /// The last row that can be at the top (wraps as far as needed to know it).
    fn max_top(&mut self) -> usize {
        let h = self.viewport();
        self.layout
            .ensure_rows(&self.article.text, self.top + 2 * h);
        if !self.layout.is_complete() && self.layout.rows().len() < self.top + 2 * h {
            self.layout.complete(&self.article.text);
        }
        self.layout.rows().len().saturating_sub(h)
    }

    fn scroll_by(&mut self, n: isize) {
        let top = (self.top as isize + n).max(0) as usize;
        let h = self.viewport();
        self.layout.ensure_rows(&self.article.text, top + h);
        self.top = top.min(self.layout.rows().len().saturating_sub(h));
    }

    /// Puts the row showing byte `offset` at the top of the screen.
    pub fn scroll_to_offset(&mut self, offset: usize) {
        self.top = self.row_of(offset);
        self.top = self.top.min(self.max_top());
        self.anchor = None;
    }

    /// The row showing byte `offset`, wrapping up to it first.
    pub fn row_of(&mut self, offset: usize) -> usize {
        self.layout.ensure_offset(&self.article.text, offset);
        self.layout.row_of(offset)
    }

    /// Wraps more of the article while the user is idle; false once all is wrapped.
    pub fn wrap_more(&mut self) -> bool {
        !self.layout.extend(&self.article.text, 1 << 20)
    }

    /// Makes sure the rows on screen are wrapped (after every change).
    fn ensure_screen(&mut self) {
        let n = self.top + self.viewport() + 1;
        self.layout.ensure_rows(&self.article.text, n);
    }

    /// Re-wraps for the current size, keeping the same text at the top.
    fn relayout(&mut self) {
        let keep = self.anchor.unwrap_or_else(|| self.top_offset());
        self.anchor = Some(keep);
        let width = self
            .geometry()
            .map_or(self.layout.width.max(1), |g| usize::from(g.text_width));
        if width != self.layout.width {
            self.layout = Layout::lazy(&self.article, width);
        }
        self.top = self.row_of(keep);
        self.top = self.top.min(self.max_top());
    }

    /// Scrolls so that byte `offset` is on screen, a third of the way down if it was not.
    pub fn reveal(&mut self, offset: usize) {
        let row = self.row_of(offset);
        let h = self.viewport();
        if row < self.top || row >= self.top + h {
            self.top = row.saturating_sub(h / 3).min(self.max_top());
        }
    }

    /// Selects an item and brings it into view.
    pub fn select(&mut self, item: usize) {
        if let Some(it) = self.hl.items.get(item) {
            let start = it.range().start;
            self.selected = Some(item);
            self.reveal(start);
            if let Some(note) = self.selected_note() {
                let first = note.lines().next().unwrap_or("");
                let more = if note.contains('\n') { " …" } else { "" };
                self.message = Some((format!("✎ {first}{more}"), Tone::Info));
            }
        }
    }

    /// The note of the selected annotation, if it has one.
    pub fn selected_note(&self) -> Option<&str> {
        self.on_selected(|q| q.note.as_deref(), |p| p.note.as_deref())
            .flatten()
    }

    /// Reads the selected quote or position.
    pub(crate) fn on_selected<'a, T>(
        &'a self,
        quote: impl FnOnce(&'a Quote) -> T,
        position: impl FnOnce(&'a Position) -> T,
    ) -> Option<T> {
        let target = self.selected.and_then(|s| self.hl.items.get(s))?.target();
        on_target(self.ann(), target, quote, position)
    }

    fn step_item(&mut self, forward: bool, same_side: bool) {
        let items = &self.hl.items;
        if items.is_empty() {
            self.message = Some(("no annotations".into(), Tone::Info));
            return;
        }
        let side = self
            .selected
            .and_then(|s| items.get(s))
            .map(|it| it.party());
        let wanted = |i: usize| {
            let it = &items[i];
            !same_side
                || (it.kind().is_some_and(|k| k != QuoteKind::Term)
                    && side.is_none_or(|p| it.party() == p))
        };
        // start from the selection if it is on screen, else from the top of the screen
        let top_offset = self.top_offset();
        let bottom_offset = self
            .layout
            .rows()
            .get(self.top + self.viewport())
            .map_or(usize::MAX, |r| r.start());
        let on_screen = self.selected.filter(|&s| {
            let at = items[s].range().start;
            at >= top_offset && at < bottom_offset
        });
        let found = match (on_screen, forward) {
            (Some(s), true) => (s + 1..items.len()).find(|&i| wanted(i)),
            (Some(s), false) => (0..s).rev().find(|&i| wanted(i)),
            (None, true) => {
                (self.hl.item_at_or_after(top_offset)..items.len()).find(|&i| wanted(i))
            }
            (None, false) => (0..self.hl.item_at_or_after(bottom_offset))
                .rev()
                .find(|&i| wanted(i)),
        };
        match found {
            Some(i) => self.select(i),
            None => {
                let what = if same_side {
                    "quote of this side"
                } else {
                    "annotation"
                };
                let dir = if forward { "after" } else { "before" };
                self.message = Some((format!("no {what} {dir} this one"), Tone::Info));
            }
        }
    }

    fn search_step(&mut self, forward: bool) {
        if self.search.matches.is_empty() {
            self.message = Some(if self.search.query.is_empty() {
                ("no search yet: press / to search".into(), Tone::Info)
            } else {
                (
                    format!("pattern not found: {}", self.search.query),
                    Tone::Warning,
                )
            });
            return;
        }
        let from = self
            .search
            .current
            .map_or(self.top_offset(), |c| self.search.matches[c].start);
        let i = self
            .search
            .step(from, forward, self.search.current.is_some());
        self.search.current = Some(i);
        self.reveal(self.search.matches[i].start);
    }

    fn prompt(&mut self, k: PromptKey) {
        let Some(field) = self.search.prompt.as_mut() else {
            return;
        };
        match k {
            PromptKey::Submit => {
                self.search.prompt = None;
                if self.search.matches.is_empty() && !self.search.query.is_empty() {
                    self.message = Some((
                        format!("pattern not found: {}", self.search.query),
                        Tone::Warning,
                    ));
                }
                return;
            }
            PromptKey::Abort => {
                self.top = self.search.saved_top.min(self.max_top());
                self.search.clear();
                return;
            }
            k => edit_field(field, k),
        }
        let query = field.text().to_string();
        self.search.set_query(&self.article.text, &query);
        let from = self
            .layout
            .rows()
            .get(self.search.saved_top)
            .map_or(0, |r| r.start());
        if let Some(i) = self.search.first_from(from) {
            self.search.current = Some(i);
            self.reveal(self.search.matches[i].start);
        } else {
            self.top = self.search.saved_top.min(self.max_top());
        }
    }

    fn mark_letter(&mut self, c: char) {
        let Some(p) = self.pending.take() else { return };
        if !c.is_ascii_alphabetic() {
            self.message = Some(("marks are letters a-z, A-Z".into(), Tone::Warning));
            return;
        }
        match p {
            Pending::SetMark => {
                self.marks.insert(c, self.top_offset());
                self.message = Some((format!("mark {c} set"), Tone::Info));
            }
            Pending::JumpMark => match self.marks.get(&c) {
                Some(&offset) => self.scroll_to_offset(offset),
                None => self.message = Some((format!("mark {c} not set"), Tone::Warning)),
            },
        }
    }

    fn click(&mut self, x: u16, y: u16) {
        let Some(g) = self.geometry() else { return };
        if let Some(side) = g.sidebar
            && side.contains((x, y).into())
        {
            let first = super::view::sidebar::first_visible(self, usize::from(side.height));
            let i = first + usize::from(y - side.y);
            if i < self.hl.items.len() {
                self.select(i);
            }
            return;
        }
        if !g.article.contains((x, y).into()) || x < g.text_x {
            return;
        }
        let Some(offset) = self.offset_at(x, y) else {
            return;
        };
        self.drag_from = Some(offset);
        if let Some(c) = self.cursor.as_mut() {
            c.at = offset;
            c.anchor = None;
        } else if let Some(i) = self.hl.item_covering(offset) {
            self.selected = Some(i);
        }
    }

    /// The article byte shown at a screen cell of the article pane.
    pub fn offset_at(&self, x: u16, y: u16) -> Option<usize> {
        let g = self.geometry()?;
        if !g.article.contains((x, y).into()) {
            return None;
        }
        let row = self
            .layout
            .rows()
            .get(self.top + usize::from(y - g.article.y))?;
        if row.is_empty() {
            return None;
        }
        let column = usize::from(x.saturating_sub(g.text_x));
        Some(super::view::article::offset_at_column(
            &self.article.text,
            row.range(),
            column,
        ))
    }

    /// A mouse drag: select from where the button went down to here.
    fn drag(&mut self, x: u16, y: u16) {
        let (Some(from), Some(to)) = (self.drag_from, self.offset_at(x, y)) else {
            return;
        };
        self.cursor = Some(Cursor {
            at: to,
            anchor: Some(from),
        });
    }
}

/// Applies an editing key to a text field.
pub fn edit_field(field: &mut TextField, k: PromptKey) {
    match k {
        PromptKey::Char(c) => field.insert(c),
        PromptKey::Backspace => field.backspace(),
        PromptKey::Delete => field.delete(),
        PromptKey::DeleteWord => field.delete_word(),
        PromptKey::Left => field.left(),
        PromptKey::Right => field.right(),
        PromptKey::Home => field.home(),
        PromptKey::End => field.end(),
        PromptKey::Submit | PromptKey::Abort => {}
    }
}

/// The popup input for a key.
fn popup_key(popup: &Popup, key: KeyEvent) -> Option<PopupKey> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    match (popup, key.code) {
        (_, KeyCode::Enter) if alt => Some(PopupKey::Newline),
        (_, KeyCode::Char('j')) if ctrl => Some(PopupKey::Newline),
        (Popup::Speakers { .. }, KeyCode::Up) => Some(PopupKey::Up),
        (Popup::Speakers { .. }, KeyCode::Down) => Some(PopupKey::Down),
        (Popup::Speakers { .. }, KeyCode::Char('p')) if ctrl => Some(PopupKey::Up),
        (Popup::Speakers { .. }, KeyCode::Char('n')) if ctrl => Some(PopupKey::Down),
        _ => prompt_key(key).map(PopupKey::Edit),
    }
}

/// The prompt edit for a key, readline-style.
fn prompt_key(key: KeyEvent) -> Option<PromptKey> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    Some(match key.code {
        KeyCode::Enter => PromptKey::Submit,
        KeyCode::Esc => PromptKey::Abort,
        KeyCode::Char('c' | 'g') if ctrl => PromptKey::Abort,
        KeyCode::Char('w') if ctrl => PromptKey::DeleteWord,
        KeyCode::Char('a') if ctrl => PromptKey::Home,
        KeyCode::Char('e') if ctrl => PromptKey::End,
        KeyCode::Char('b') if ctrl => PromptKey::Left,
        KeyCode::Char('f') if ctrl => PromptKey::Right,
        KeyCode::Char('h') if ctrl => PromptKey::Backspace,
        KeyCode::Char(_) if ctrl => return None,
        KeyCode::Char(c) => PromptKey::Char(c),
        KeyCode::Backspace => PromptKey::Backspace,
        KeyCode::Delete => PromptKey::Delete,
        KeyCode::Left => PromptKey::Left,
        KeyCode::Right => PromptKey::Right,
        KeyCode::Home => PromptKey::Home,
        KeyCode::End => PromptKey::End,
        _ => return None,
    })
}

/// What normalising the article changed, for the status bar.
fn warnings_text(article: &Article) -> String {
    article
        .warnings
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}
