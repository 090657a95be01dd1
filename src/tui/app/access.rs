//! What the loop, the views and the tests read of the reader's state: read-only
//! accessors, so that nothing outside the app module changes it but `App::update`.

use super::loading::Loading;
use super::{App, Tone};
use crate::article::Article;
use crate::config::Config;
use crate::store::Store;
use crate::tui::app::mode::Mode;
use crate::tui::corpus::Corpus;
use crate::tui::filter::ListFilter;
use crate::tui::highlight::Highlights;
use crate::tui::keymap::Keymap;
use crate::tui::layout::Layout;
use crate::tui::search::Search;
use crate::tui::theme::Theme;
use std::collections::{BTreeMap, VecDeque};
use std::sync::Arc;

impl App {
    /// The article shown.
    pub fn article(&self) -> &Arc<Article> {
        &self.article
    }

    /// The store, once open.
    pub fn store(&self) -> Option<&Store> {
        self.loading.store()
    }

    /// How far the article and its annotations have come.
    pub fn loading(&self) -> &Loading {
        &self.loading
    }

    /// The index of the annotations for drawing and navigation.
    pub fn hl(&self) -> &Highlights {
        &self.hl
    }

    /// The live key bindings.
    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    /// The styles.
    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    /// The configuration (its key bindings are the keymap's, see [`App::keymap`]).
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The terminal size (columns, rows).
    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    /// The wrapped article at the current width.
    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    /// The first visible row.
    pub fn top(&self) -> usize {
        self.top
    }

    /// The selected item (an index into `hl().items`).
    pub fn selected(&self) -> Option<usize> {
        self.selected
    }

    /// Whether the sidebar is shown.
    pub fn sidebar(&self) -> bool {
        self.sidebar
    }

    /// The mode's name, for the status bar.
    pub fn mode_name(&self) -> &'static str {
        self.mode.name()
    }

    /// What has the keys: the layers over reading.
    pub fn mode(&self) -> &Mode {
        &self.mode
    }

    /// The search state.
    pub fn search(&self) -> &Search {
        &self.search
    }

    /// The marks: letter → byte offset.
    pub fn marks(&self) -> &BTreeMap<char, usize> {
        &self.marks
    }

    /// The status bar's message.
    pub fn message(&self) -> Option<&(String, Tone)> {
        self.message.as_ref()
    }

    /// Every message of the session, oldest first.
    pub fn log(&self) -> &VecDeque<(String, Tone)> {
        &self.log
    }

    /// Whether the reader should end.
    pub fn wants_quit(&self) -> bool {
        self.quit
    }

    /// How the file is named in the status bar.
    pub fn label(&self) -> &str {
        &self.label
    }

    /// What the list shows.
    pub fn filter(&self) -> &ListFilter {
        &self.filter
    }

    /// The count typed before a command, while it is typed.
    pub fn count(&self) -> Option<usize> {
        self.count
    }

    /// The top of the screen before the last jump.
    pub fn last_jump(&self) -> Option<usize> {
        self.last_jump
    }

    /// The corpus, when the reader was opened on a folder.
    pub fn corpus(&self) -> Option<&Corpus> {
        self.corpus.as_ref()
    }

    /// Whether a worker reads the article's file again for `:detect`.
    pub fn reading_file_again(&self) -> bool {
        self.reading_file_again
    }

    /// Whether the article was read again from its changed file, so its place is
    /// kept under the new text's fingerprint.
    pub fn was_read_again(&self) -> bool {
        self.read_again
    }

    /// Changes the store behind the reader's back, for a test (as another program
    /// would change its file), and shows what it holds then.
    #[cfg(test)]
    pub(crate) fn change_store_behind_the_back<T>(
        &mut self,
        change: impl FnOnce(&mut Store) -> T,
    ) -> T {
        let store = self.loading.store_mut().expect("a store");
        let done = change(store);
        self.refresh(None, None);
        done
    }
}
