//! The reader over a corpus (`parley DIR`): the list of the articles as a panel with
//! its own keymap (open, done, sort, filter, search every article), moving to the
//! next or previous article (`}` `{`, `:n` `:p`) and back to the list (`:ls`). An
//! article is opened in place of the one shown: the reading place of the one left is
//! kept, and unsaved edits are never dropped silently — the same question as
//! quitting is asked first.

use super::{App, Tone};
use crate::article::{Article, Source};
use crate::corpus::{Counts, read_store};
use crate::keys::Command;
use crate::store::Store;
use crate::tui::action::Action;
use crate::tui::app::redetect::DETECT_ON_THE_SPOT;
use crate::tui::corpus::search::{Found, SearchJob};
use crate::tui::corpus::{Corpus, Counted, Destination};
use crate::tui::popup::choice::Choice;
use crate::tui::popup::corpus::CorpusList;
use crate::tui::popup::text::TextInput;
use crate::tui::questions::{self, Unsaved};
use crate::tui::reply::{Ask, Field};
use crate::tui::session;
use crate::tui::strings;
use std::sync::Arc;

fn to(entry: usize, offset: Option<usize>) -> Destination {
    Destination { entry, offset }
}

impl App {
    /// A reader over a corpus: the list open, no article yet.
    pub fn over_corpus(mut corpus: Corpus, config: crate::config::Config, size: (u16, u16)) -> App {
        let placeholder = Article::from_bytes(Source::Stdin, b" ");
        corpus.current = None;
        let color = corpus.color;
        let mut app = App::new(Arc::new(placeholder), config, size, color);
        app.message = None;
        app.loading = super::loading::Loading::Without;
        app.label = String::new();
        app.corpus = Some(corpus);
        app.open_popup(CorpusList);
        app
    }

    /// The key of the open article's reading place, in a corpus (the loop keeps the
    /// place of a single article itself).
    pub fn corpus_place_key(&self) -> Option<String> {
        let corpus = self.corpus.as_ref()?;
        let entry = &corpus.entries[corpus.current?];
        let size = std::fs::metadata(&entry.path).map_or(0, |m| m.len());
        Some(session::fingerprint(&self.article.text, size))
    }

    fn places_file(&self) -> Option<std::path::PathBuf> {
        self.corpus.as_ref()?.places.clone()
    }

    /// Takes in a background read of one article of the list.
    pub(super) fn corpus_counted(&mut self, counted: Vec<Counted>) {
        if let Some(corpus) = self.corpus.as_mut() {
            for c in counted {
                corpus.counted(c);
            }
            corpus.arrange();
        }
    }

    /// `:ls`: the list, where it was left.
    pub(super) fn open_corpus_list(&mut self) {
        if self.corpus.is_none() {
            return self.say(strings::NOT_A_CORPUS, Tone::Info);
        }
        self.refresh_open_entry();
        if self.mode.popup_as::<CorpusList>().is_none() {
            self.open_popup(CorpusList);
        }
    }

    /// The open article's row counts what the reader holds now (edits included): as
    /// its store file's when that file holds it, else apart, as not saved.
    fn refresh_open_entry(&mut self) {
        let (Some(store), Some(corpus)) = (self.loading.store(), self.corpus.as_mut()) else {
            return;
        };
        let Some(entry) = corpus.current.and_then(|i| corpus.entries.get_mut(i)) else {
            return;
        };
        let live = Counts::of(store.annotations());
        if store.exists_on_disk() && !store.is_dirty() {
            entry.counts = Some(live);
            entry.unsaved = None;
            entry.problem = None;
        } else {
            entry.unsaved = Some(live);
        }
        entry.title = Some(self.article.title().to_string());
        corpus.arrange();
    }

    /// The open article is left: its row counts what its store file holds now, read
    /// again (saved, or as it was: what was not saved, suggestions never saved
    /// included, went with the reader's copy), under the title the reader gave it.
    fn leave_open_entry(&mut self) {
        let max = self.config.limits.max_store_bytes;
        let Some(corpus) = self.corpus.as_mut() else {
            return;
        };
        let Some(entry) = corpus.current.and_then(|i| corpus.entries.get_mut(i)) else {
            return;
        };
        entry.unsaved = None;
        entry.title = Some(self.article.title().to_string());
        match read_store(&entry.path, max) {
            Ok(saved) => {
                entry.counts = saved.map(|s| s.counts);
                entry.problem = None;
            }
            Err(why) => entry.problem = Some(why),
        }
        corpus.arrange();
    }

    /// `}` / `{`: the next or previous article in the list's order.
    pub(super) fn step_article(&mut self, step: isize) {
        let Some(corpus) = self.corpus.as_ref() else {
            return self.say(strings::NOT_A_CORPUS, Tone::Info);
        };
        match corpus.neighbour(step) {
            Some(i) => self.go(to(i, None)),
            None if step > 0 => self.say(strings::LAST_ARTICLE, Tone::Info),
            None => self.say(strings::FIRST_ARTICLE, Tone::Info),
        }
    }

    /// A command of the list's keymap.
    pub(super) fn corpus_command(&mut self, c: Command) {
        let Some(corpus) = self.corpus.as_mut() else {
            return;
        };
        match c {
            Command::CorpusPrev => corpus.move_cursor(-1),
            Command::CorpusNext => corpus.move_cursor(1),
            Command::CorpusFirst => corpus.move_cursor(isize::MIN / 2),
            Command::CorpusLast => corpus.move_cursor(isize::MAX / 2),
            Command::CorpusSort => {
                corpus.sort = corpus.sort.next();
                corpus.arrange();
            }
            Command::CorpusDone => match corpus.toggle_done() {
                Ok(true) => self.say(strings::MARKED_DONE, Tone::Info),
                Ok(false) => self.say(strings::MARKED_NOT_DONE, Tone::Info),
                Err(why) if why.is_empty() => {}
                Err(why) => self.say(strings::cannot_mark(&why), Tone::Warning),
            },
            Command::CorpusFilter => {
                let filter = corpus.filter.clone();
                self.open_popup(TextInput::new(
                    strings::FILTER_TITLE,
                    &filter,
                    Field::CorpusFilter,
                ));
            }
            Command::CorpusSearch => {
                let last = corpus
                    .search
                    .as_ref()
                    .map(|s| s.query.clone())
                    .unwrap_or_default();
                self.open_popup(TextInput::new(
                    strings::CORPUS_SEARCH_TITLE,
                    &last,
                    Field::CorpusSearch,
                ));
            }
            Command::CorpusOpen => self.corpus_open(),
            Command::CorpusClose => self.corpus_close(),
            _ => {}
        }
    }

    /// Enter: the article under the cursor, or the match under it.
    fn corpus_open(&mut self) {
        let Some(corpus) = self.corpus.as_ref() else {
            return;
        };
        let destination = match &corpus.search {
            Some(search) => search
                .matches
                .get(corpus.match_cursor)
                .map(|m| to(m.entry, Some(m.offset))),
            None => corpus.selected().map(|i| to(i, None)),
        };
        if let Some(d) = destination {
            self.go(d);
        }
    }

    /// Esc: from the matches back to the list; from the list back to the article, or
    /// quit when none is open.
    fn corpus_close(&mut self) {
        let Some(corpus) = self.corpus.as_mut() else {
            return;
        };
        if corpus.end_search() {
            return;
        }
        if corpus.current.is_some() {
            self.mode.pop();
        } else {
            self.request_quit(false);
        }
    }

    /// What was typed in the list's filter or search field.
    pub(super) fn corpus_field(&mut self, field: &Field, text: String) {
        let Some(corpus) = self.corpus.as_mut() else {
            return;
        };
        match field {
            Field::CorpusFilter => {
                corpus.filter = text;
                corpus.arrange();
            }
            Field::CorpusSearch => self.search_corpus(text),
            _ => {}
        }
    }

    /// Searches every article listed for the lines holding `query`, on a worker: the
    /// matches are listed as they come, and the list answers keys meanwhile.
    fn search_corpus(&mut self, query: String) {
        let max = self.config.limits.max_article_bytes;
        if let Some(corpus) = self.corpus.as_mut() {
            corpus.start_search(query, max);
        }
    }

    /// Takes in a batch of the running corpus search (one of an older search is dropped).
    pub(super) fn corpus_found(&mut self, found: Found) {
        let none = self.corpus.as_mut().and_then(|c| c.found(found));
        if let Some(query) = none {
            self.say(strings::pattern_not_found(&query), Tone::Warning);
        }
    }

    /// The search queued for a worker, taken (by `start_work`, or by a test).
    pub(crate) fn take_search(&mut self) -> Option<SearchJob> {
        self.corpus.as_mut()?.pending_search.take()
    }

    /// Goes to `d`, asking first what to do with unsaved edits.
    pub(super) fn go(&mut self, d: Destination) {
        let dirty = self.loading.store().is_some_and(|s| s.is_dirty());
        let same = self.corpus.as_ref().and_then(|c| c.current) == Some(d.entry);
        if dirty && !same {
            let ask = Ask::LeaveUnsaved(d);
            return self.open_popup(Choice::ask(&questions::LEAVE_UNSAVED, ask));
        }
        self.arrive(d);
    }

    /// The answer to [`questions::LEAVE_UNSAVED`].
    pub(super) fn leave_unsaved(&mut self, d: Destination, c: char) {
        match questions::LEAVE_UNSAVED.meaning(c) {
            Some(Unsaved::Save) if self.save() => self.arrive(d),
            Some(Unsaved::Discard) => {
                if let Some(store) = self.loading.store_mut() {
                    let _ = store.discard();
                }
                self.arrive(d);
            }
            _ => {}
        }
    }

    /// Goes to `d`: its article, opened if it is not; at a corpus search's match, the
    /// search goes on in the article.
    fn arrive(&mut self, d: Destination) {
        let query = (d.offset)
            .and(self.corpus.as_ref().and_then(|c| c.search.as_ref()))
            .map(|s| s.query.clone());
        self.open_entry(d);
        let opened = self.corpus.as_ref().and_then(|c| c.current) == Some(d.entry);
        if let (Some(query), Some(at), true) = (query, d.offset, opened) {
            self.search_from_corpus(&query, at);
        }
    }

    /// Opens the article in place of the one shown, its store and reading place with it.
    fn open_entry(&mut self, d: Destination) {
        let Destination { entry: i, offset } = d;
        let Some(corpus) = self.corpus.as_ref() else {
            return;
        };
        if corpus.current == Some(i) {
            if self.mode.popup_as::<CorpusList>().is_some() {
                self.mode.pop();
            }
            if let Some(at) = offset {
                self.scroll_to_offset(at);
            }
            return;
        }
        let path = corpus.entries[i].path.clone();
        let max = self.config.limits.max_article_bytes;
        // its start only, when it is large: the rest comes from a worker, as for one article
        let opening = match Article::load_head(Source::File(path), max) {
            Ok(o) => o,
            Err(e) => return self.say(e.to_string(), Tone::Warning),
        };
        self.keep_place();
        self.leave_open_entry();
        let Some(mut corpus) = self.corpus.take() else {
            return;
        };
        corpus.current = Some(i);
        corpus.point_at(i);
        corpus.end_search();
        let ticket = corpus.next_ticket();
        let log = std::mem::take(&mut self.log);
        // nothing of a large page or Markdown file is here yet: its text is made on the
        // worker, which then finds where the reader was in it
        let to_come = opening.is_to_come();
        let article = Arc::new(opening.article);
        *self = self.fresh(Arc::clone(&article), corpus.color);
        self.log = log;
        if !opening.complete {
            self.update(Action::RestToCome);
        }
        if opening.complete && article.text.len() <= DETECT_ON_THE_SPOT {
            let store = Store::open(&article, &corpus.options);
            self.corpus = Some(corpus);
            self.update(Action::StoreReady(Box::new(store)));
        } else {
            let look_up_place = to_come && offset.is_none();
            let job = corpus.opening_job(ticket, article, opening.rest, look_up_place);
            self.corpus = Some(corpus);
            self.update(Action::Open(Box::new(job)));
        }
        match offset {
            Some(at) => self.resume_at(at),
            None if !to_come => self.take_place(),
            None => {}
        }
    }

    /// Makes a corpus search's query the article's search, on its match at `offset`
    /// (the one Enter chose), so the match is marked, `v` starts on it and `n` `N` go
    /// on; in lowercase, as the corpus search ignores case.
    fn search_from_corpus(&mut self, query: &str, offset: usize) {
        self.search.backward = false;
        self.search
            .set_query(&self.article.text, &query.to_lowercase());
        self.search.current = self.search.matches.iter().position(|m| m.start >= offset);
        self.search.went_to_match = self.search.current.is_some();
    }

    /// What a worker sent for the article opened under `ticket`: taken while that
    /// article is open, else dropped (a store dropped lets go of its lock).
    pub(super) fn for_article(&mut self, ticket: u64, action: Action) {
        if self.corpus.as_ref().is_some_and(|c| c.is_latest(ticket)) {
            self.update(action);
        }
    }

    /// Saves where the reader is in the open article, as quitting does (nothing for one
    /// whose text has not come: it has no place yet).
    pub fn keep_place(&self) {
        if !self.loading.article_here() {
            return;
        }
        let (Some(key), Some(path)) = (self.corpus_place_key(), self.places_file()) else {
            return;
        };
        let marks = self
            .marks
            .iter()
            .map(|(k, v)| (k.to_string(), *v))
            .collect();
        let place = session::Place {
            offset: self.top_offset(),
            marks,
            seen: 0,
        };
        let _ = session::save(&path, &key, place);
    }

    /// Goes back to where the reader was in the article just opened.
    fn take_place(&mut self) {
        let (Some(key), Some(path)) = (self.corpus_place_key(), self.places_file()) else {
            return;
        };
        if let Some(place) = session::load(&path, &key) {
            self.update(Action::Resume(place));
        }
    }
}
