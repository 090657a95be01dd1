//! The reader's state: the `App` struct, its construction, and taking in the article,
//! the store and changed annotations as they arrive. What has the keys is `mode` (a
//! stack of layers, the popups among them). What changes it lives in the submodules:
//! `update` (keys and actions), `navigation`, `overlays`, `cursor`, `editing`,
//! `popups` and `saving`.

mod access;
mod conflicts;
pub mod corpus;
pub mod cursor;
mod editing;
mod given_sides;
mod jumps;
pub mod loading;
pub mod mode;
mod navigation;
mod overlays;
mod paste;
#[cfg(test)]
mod popup_tests;
mod popups;
pub mod redetect;
mod review;
mod saving;
pub mod sides_editor;
pub mod speakers;
mod update;
mod worker_gone;
pub mod workers;

use super::filter::ListFilter;
use super::geometry::Geometry;
use super::highlight::Highlights;
use super::keymap::Keymap;
use super::layout::Layout;
use super::search::Search;
use super::theme::Theme;
use crate::article::Article;
use crate::config::Config;
use crate::model::{Annotations, Id};
use crate::store::Store;
use loading::Loading;
use mode::Mode;
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
    article: Arc<Article>,
    /// How far the article and its annotations have come (the store, once open).
    loading: Loading,
    /// What is shown until the store is ready.
    placeholder: Annotations,
    /// Index of the annotations for drawing and navigation.
    hl: Highlights,
    /// Key bindings.
    keymap: Keymap,
    /// Styles.
    theme: Theme,
    /// The configuration.
    config: Config,
    /// Terminal size (columns, rows).
    size: (u16, u16),
    /// The wrapped article at the current text width.
    layout: Layout,
    /// First visible row.
    top: usize,
    /// Selected item (index into `hl.items`).
    selected: Option<usize>,
    /// Whether the sidebar is shown.
    sidebar: bool,
    /// What has the keys: cursor mode, a prompt, an overlay, a popup, over reading.
    mode: Mode,
    /// Search state.
    search: Search,
    /// Marks: letter → byte offset.
    marks: BTreeMap<char, usize>,
    /// The status bar message.
    message: Option<(String, Tone)>,
    /// Every message of the session, oldest first (`:messages`), up to [`LOG_LEN`].
    log: std::collections::VecDeque<(String, Tone)>,
    /// Where a mouse drag started (a byte offset).
    drag_from: Option<usize>,
    /// Set when the reader should exit.
    quit: bool,
    /// How the file is named in the status bar.
    label: String,
    /// The byte offset kept at the top across resizes, so that several resizes in a
    /// row do not drift; forgotten as soon as the user scrolls.
    anchor: Option<usize>,
    /// What the list shows and Tab and the review keys step through (`F`).
    filter: ListFilter,
    /// The items the filter lets through, in order; `None` while it lets all through.
    listed: Option<Vec<usize>>,
    /// A count typed before a command (`5j`), while it is being typed.
    count: Option<usize>,
    /// The top of the screen (a byte offset) before the last jump, for `''`.
    last_jump: Option<usize>,
    /// Detections queued for a worker, started by `update` once the loop has handed
    /// over the workers (tests take them themselves).
    jobs: Vec<crate::tui::detection::DetectJob>,
    /// The threads the queued work starts on, once the loop has handed them over.
    workers: Option<workers::Handle>,
    /// The article's opening queued for a worker (the rest of it, its store).
    opening: Option<crate::tui::opening::OpenJob>,
    /// The conflict `C` showed last, so the next `C` goes on from it.
    last_conflict: Option<Id>,
    /// The corpus, when the reader was opened on a folder (`parley DIR`).
    corpus: Option<super::corpus::Corpus>,
    /// The article was read again from its changed file (`:detect`): the place is
    /// kept under the new text's fingerprint, not the one opened.
    read_again: bool,
    /// A worker reads the article's file again for `:detect`.
    reading_file_again: bool,
    /// This load of the article: each reader made on an article (opened, moved to in a
    /// corpus, read again) has its own, so what a worker sends for another is told apart.
    load: u64,
}

/// The loads of articles so far, to number the next.
static LOADS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

impl App {
    /// A reader over an article whose annotations are still loading, for a terminal of
    /// `size`; they arrive with [`Action::StoreReady`](super::action::Action::StoreReady).
    /// The key bindings move from the configuration into the keymap, their one home
    /// while the reader runs.
    pub fn new(article: Arc<Article>, mut config: Config, size: (u16, u16), color: bool) -> App {
        let keymap = Keymap::new(std::mem::take(&mut config.keys));
        App::with_keymap(article, config, keymap, size, color)
    }

    /// A fresh reader on `article` in place of this one: the same terminal, the same
    /// configuration and key bindings, everything else anew.
    pub(super) fn fresh(&mut self, article: Arc<Article>, color: bool) -> App {
        let keymap = std::mem::take(&mut self.keymap);
        let mut app = App::with_keymap(article, self.config.clone(), keymap, self.size, color);
        app.workers = self.workers.take();
        app
    }

    fn with_keymap(
        article: Arc<Article>,
        config: Config,
        keymap: Keymap,
        size: (u16, u16),
        color: bool,
    ) -> App {
        let ann = Annotations::new(crate::model::ArticleInfo::default());
        let theme = Theme::new(&config, &ann.parties, color);
        let hl = Highlights::new(&ann);
        let sidebar = config.reader.sidebar;
        let label = source_label(&article);
        let message =
            (!article.warnings.is_empty()).then(|| (warnings_text(&article), Tone::Warning));
        let mut app = App {
            layout: Layout::lazy(&article, 1),
            article,
            loading: Loading::Store { detected: 0 },
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
            drag_from: None,
            quit: false,
            label,
            anchor: None,
            filter: ListFilter::default(),
            listed: None,
            count: None,
            last_jump: None,
            jobs: Vec::new(),
            workers: None,
            opening: None,
            last_conflict: None,
            corpus: None,
            read_again: false,
            reading_file_again: false,
            load: LOADS.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1,
        };
        app.relayout();
        app
    }

    /// The annotations shown.
    pub fn ann(&self) -> &Annotations {
        self.loading
            .store()
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

    /// Keeps a message in the log without showing it (it is about another article).
    pub(crate) fn log_only(&mut self, text: String, tone: Tone) {
        if self.log.len() == LOG_LEN {
            self.log.pop_front();
        }
        self.log.push_back((text, tone));
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

    /// Rebuilds the index after the annotations changed. The selection goes to the
    /// annotation `prefer` (a new one) if it is one, else stays on `keep` (the id that
    /// was selected before the change), else is dropped.
    pub(super) fn refresh(&mut self, prefer: Option<Id>, keep: Option<Id>) {
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
pub(super) fn warnings_text(article: &Article) -> String {
    article
        .warnings
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// The article's name for the status line: a file's own name, made safe to print, or
/// the last part of any other source.
fn source_label(article: &Article) -> String {
    match &article.source {
        crate::article::Source::File(p) => p.file_name().map_or_else(
            || article.source.to_string(),
            |n| crate::article::sanitize_inline(&n.to_string_lossy()),
        ),
        other => {
            let s = other.to_string();
            s.rsplit('/').next().unwrap_or(&s).to_string()
        }
    }
}
