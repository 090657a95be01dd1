//! How far the article and its annotations have come, as one value, and the opening
//! steps that move it on: the rest of the article, the reading place, the store.

use super::{App, Tone, warnings_text};
use crate::article::Article;
use crate::store::Store;
use crate::tui::layout::Layout;
use crate::tui::session::Place;
use crate::tui::strings;
use std::sync::Arc;

/// Where the opening stands. One value, so that the reader can never hold a store
/// while it still waits for the article, nor wait for a detection that no worker runs.
#[derive(Debug)]
pub enum Loading {
    /// Nothing of the article is here yet (a web page or Markdown file, whose text is
    /// made from all of it): the worker reads and makes it, then opens the store. The
    /// reader shows the file's name meanwhile.
    Article {
        /// Where to show the article from once it arrives.
        resume: Option<usize>,
    },
    /// Only the start of the article is here: the worker reads the rest, then opens the
    /// store.
    Rest {
        /// A reading place past the start, taken up when the rest arrives.
        resume: Option<usize>,
    },
    /// The whole article is here and its store is opening on the worker (detecting,
    /// when there is none yet).
    Store {
        /// How many bytes of the article the detector has done (0 until it says).
        detected: usize,
    },
    /// The store is open (boxed: it is far larger than the other states).
    Ready(Box<Store>),
    /// No store will come: the worker failed, or no article is open (a corpus's list).
    Without,
    /// The article never came: reading or making it failed (why), so there is nothing
    /// to show but that.
    Unread(String),
}

impl Loading {
    /// The store, once open.
    pub fn store(&self) -> Option<&Store> {
        match self {
            Loading::Ready(store) => Some(store),
            _ => None,
        }
    }

    /// The store, to change it.
    pub fn store_mut(&mut self) -> Option<&mut Store> {
        match self {
            Loading::Ready(store) => Some(store),
            _ => None,
        }
    }

    /// Whether the article is not all here yet: only its start, or nothing of it.
    pub fn rest_to_come(&self) -> bool {
        matches!(self, Loading::Rest { .. } | Loading::Article { .. })
    }

    /// Whether any of the article is here to read (not while it is still to come, nor
    /// when it could not be read).
    pub fn article_here(&self) -> bool {
        !matches!(self, Loading::Article { .. } | Loading::Unread(_))
    }

    /// What the reader shows in place of an article that is not here: "reading…"
    /// while it comes, why once it could not be read.
    pub fn placeholder(&self) -> Option<&str> {
        match self {
            Loading::Article { .. } => Some(strings::READING),
            Loading::Unread(why) => Some(why),
            _ => None,
        }
    }

    /// How many bytes the detector has done, while the store is opening.
    pub fn detecting(&self) -> Option<usize> {
        match self {
            Loading::Store { detected } => Some(*detected),
            _ => None,
        }
    }
}

impl App {
    /// Only the start of the article is here, or nothing of it (an article with no
    /// text yet, [`Article::to_come`]); the rest comes with
    /// [`Action::ArticleReady`](crate::tui::action::Action::ArticleReady).
    pub(super) fn expect_rest(&mut self) {
        self.loading = if self.article.text.is_empty() {
            Loading::Article { resume: None }
        } else {
            Loading::Rest { resume: None }
        };
    }

    /// Takes the whole article in place of its start, keeping the same text at the top
    /// (the start is a prefix of the whole, so every offset held stays valid; nothing,
    /// the prefix of any text, holds none past 0).
    pub(super) fn set_article(&mut self, article: Arc<Article>) {
        let resume = match self.loading {
            Loading::Rest { resume } | Loading::Article { resume } => resume,
            _ => None,
        };
        let keep = match resume {
            Some(offset) if self.top == 0 => offset,
            _ => self.anchor.unwrap_or_else(|| self.top_offset()),
        };
        if !article.warnings.is_empty() && self.message.is_none() {
            self.message = Some((warnings_text(&article), Tone::Warning));
        }
        self.layout = Layout::lazy(&article, self.layout.width);
        self.article = article;
        self.loading = Loading::Store { detected: 0 };
        self.search.retext(&self.article.text);
        self.scroll_to_offset(keep);
    }

    /// Goes back to a reading place and its marks.
    pub(super) fn resume(&mut self, place: Place) {
        self.resume_at(place.offset);
        for (k, v) in place.marks {
            if let Some(c) = k.chars().next() {
                self.marks.insert(c, v);
            }
        }
    }

    /// Shows the article from `offset`; while only its start is here and `offset` is
    /// past it, from there once the whole has arrived.
    pub(super) fn resume_at(&mut self, offset: usize) {
        match &mut self.loading {
            Loading::Rest { resume } | Loading::Article { resume }
                if offset >= self.article.text.len() =>
            {
                *resume = Some(offset);
            }
            _ => self.scroll_to_offset(offset),
        }
    }

    /// Takes the opened store (from the worker thread): its annotations replace the
    /// placeholder, and its notices (recovered edits, re-anchoring, read-only) are shown.
    pub(super) fn set_store(&mut self, mut store: Store) {
        let notices = store.take_notices();
        let warn = store.read_only().is_some();
        self.loading = Loading::Ready(Box::new(store));
        self.selected = None;
        self.refresh(None, None);
        if !notices.is_empty() {
            let tone = if warn { Tone::Warning } else { Tone::Info };
            self.message = Some((notices.join("; "), tone));
        }
        self.announce_conflicts();
    }

    /// The detector has done `bytes` of the article.
    pub(super) fn detected(&mut self, bytes: usize) {
        if let Loading::Store { detected } = &mut self.loading {
            *detected = bytes;
        }
    }

    /// The rest of the article could not be read: the start stays, without
    /// annotations; when nothing of it was here, the reader says why in its place.
    pub(super) fn article_failed(&mut self, why: &str) {
        if self.loading.article_here() {
            self.loading = Loading::Without;
            self.message = Some((strings::showing_the_start_only(why), Tone::Warning));
        } else {
            self.loading = Loading::Unread(why.to_string());
            self.message = Some((why.to_string(), Tone::Warning));
        }
    }
}
