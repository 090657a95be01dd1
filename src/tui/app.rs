//! The reader's state: the `App` struct, its construction, and taking in the article,
//! the store and changed annotations as they arrive. What changes it lives in the
//! submodules: `update` (keys and actions), `navigation`, `overlays`, `cursor`,
//! `editing`, `popups` and `saving`.

mod conflicts;
pub mod corpus;
pub mod cursor;
mod editing;
mod given_sides;
mod jumps;
mod navigation;
mod overlays;
mod paste;
mod popups;
pub mod redetect;
mod review;
mod saving;
pub mod sides_editor;
pub mod speakers;
mod update;

pub use cursor::Cursor;

use super::filter::ListFilter;
use super::geometry::Geometry;
use super::highlight::Highlights;
use super::keymap::Keymap;
use super::layout::Layout;
use super::mode::Mode;
pub use super::mode::{Layer, Overlay, Pending};
use super::search::Search;
use super::theme::Theme;
use crate::article::Article;
use crate::config::Config;
use crate::model::{Annotations, Id};
use crate::store::Store;
use std::collections::BTreeMap;
use std::sync::Arc;

/// How many messages the log keeps.
pub const LOG_LEN: usize = 500;

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
    /// What has the keys: cursor mode, a prompt, an overlay, a popup, over reading.
    pub mode: Mode,
    /// Search state.
    pub search: Search,
    /// Marks: letter → byte offset.
    pub marks: BTreeMap<char, usize>,
    /// The status bar message.
    pub message: Option<(String, Tone)>,
    /// Every message of the session, oldest first (`:messages`), up to [`LOG_LEN`].
    pub log: std::collections::VecDeque<(String, Tone)>,
    /// Whether the annotations are still loading (detection runs on a worker thread).
    pub detecting: bool,
    /// How many bytes of the article the detector has done (0 until it says).
    pub detected: usize,
    /// Whether only the start of the article is here (the rest loads on the worker).
    pub loading: bool,
    /// A reading position beyond the start, taken up when the whole article arrives.
    pub resume: Option<usize>,
    /// Where a mouse drag started (a byte offset).
    drag_from: Option<usize>,
    /// Set when the reader should exit.
    pub quit: bool,
    /// How the file is named in the status bar.
    pub label: String,
    /// The byte offset kept at the top across resizes, so that several resizes in a
    /// row do not drift; forgotten as soon as the user scrolls.
    anchor: Option<usize>,
    /// What the list shows and Tab and the review keys step through (`F`).
    pub filter: ListFilter,
    /// The items the filter lets through, in order; `None` while it lets all through.
    listed: Option<Vec<usize>>,
    /// A count typed before a command (`5j`), while it is being typed.
    pub count: Option<usize>,
    /// The top of the screen (a byte offset) before the last jump, for `''`.
    pub last_jump: Option<usize>,
    /// Detections the loop should run on a worker (a large article's).
    jobs: Vec<redetect::DetectJob>,
    /// The conflict `C` showed last, so the next `C` goes on from it.
    last_conflict: Option<Id>,
    /// The corpus, when the reader was opened on a folder (`parley DIR`).
    pub corpus: Option<super::corpus::Corpus>,
    /// The article was read again from its changed file (`:detect`): the place is
    /// kept under the new text's fingerprint, not the one opened.
    pub read_again: bool,
}

impl App {
    /// A reader over an article whose annotations are still loading, for a terminal of
    /// `size`; they arrive with [`Action::StoreReady`](super::action::Action::StoreReady).
    pub fn new(article: Arc<Article>, config: Config, size: (u16, u16), color: bool) -> App {
        let ann = Annotations::new(crate::model::ArticleInfo::default());
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
            mode: Mode::default(),
            search: Search::default(),
            marks: BTreeMap::new(),
            message,
            log: Default::default(),
            detecting: true,
            detected: 0,
            loading: false,
            resume: None,
            drag_from: None,
            quit: false,
            label,
            anchor: None,
            filter: ListFilter::default(),
            listed: None,
            count: None,
            last_jump: None,
            jobs: Vec::new(),
            last_conflict: None,
            corpus: None,
            read_again: false,
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

    /// Keeps the message shown now in the log, unless it is the last one there.
    pub(crate) fn log_message(&mut self) {
        if let Some(m) = &self.message
            && self.log.back() != Some(m)
        {
            if self.log.len() == LOG_LEN {
                self.log.pop_front();
            }
            self.log.push_back(m.clone());
        }
    }

    /// Puts lines in the log after the message shown now (a list that goes with it).
    pub(crate) fn log_lines(&mut self, lines: Vec<String>) {
        for line in lines {
            if self.log.len() == LOG_LEN {
                self.log.pop_front();
            }
            self.log.push_back((line, Tone::Info));
        }
    }

    /// The mode, for the status bar.
    pub fn mode_name(&self) -> &'static str {
        self.mode.name()
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

    /// Shows the article from `offset`; while only its start is here and `offset` is
    /// past it, from there once the whole has arrived.
    pub fn resume_at(&mut self, offset: usize) {
        if offset < self.article.text.len() || !self.loading {
            self.scroll_to_offset(offset);
        } else {
            self.resume = Some(offset);
        }
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
        self.announce_conflicts();
    }

    /// Rebuilds the index after the annotations changed. The selection goes to the
    /// annotation `prefer` (a new one) if it is one, else stays on `keep` (the id that
    /// was selected before the change), else is dropped.
    pub fn refresh(&mut self, prefer: Option<Id>, keep: Option<Id>) {
        let theme = Theme::new(&self.config, &self.ann().parties, self.theme.color);
        self.hl = Highlights::new(self.ann());
        self.theme = theme;
        self.relist();
        self.selected = prefer
            .and_then(|id| self.index_of(&id))
            .or_else(|| keep.and_then(|id| self.index_of(&id)));
    }
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
