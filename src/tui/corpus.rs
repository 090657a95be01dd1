//! The reader's corpus (`parley DIR`): the articles listed at once by name, their
//! titles and store counts filled in as a background thread reads them, the list's
//! order, filter and cursor (kept while an article is open, so `:ls` comes back to
//! where the user was), which article is open, and the matches of a corpus search.

pub mod search;

use super::opening::OpenJob;
use crate::article::{Article, Rest};
use crate::corpus::{Counts, Marks, Progress, peek_title, read_store};
use crate::store::OpenOptions;
use search::{Search, SearchJob};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// One article of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Its file.
    pub path: PathBuf,
    /// Its name below the corpus folder, as the list shows it.
    pub name: String,
    /// Its headline, once read.
    pub title: Option<String>,
    /// Its store file's counts; `None` until read or without a store.
    pub counts: Option<Counts>,
    /// What the reader holds of the open article while it is not what the store file
    /// holds (suggestions never saved, edits since the last save); `None` otherwise.
    pub unsaved: Option<Counts>,
    /// A store that could not be read: why.
    pub problem: Option<String>,
    /// Marked done.
    pub done: bool,
}

impl Entry {
    /// Whether the background read has reported on it (or the reader, once opened).
    pub fn is_counted(&self) -> bool {
        self.title.is_some()
    }

    /// The counts the list shows: the reader's unsaved ones for the open article, else
    /// the store file's.
    pub fn shown_counts(&self) -> Option<&Counts> {
        self.unsaved.as_ref().or(self.counts.as_ref())
    }

    /// Where the article stands: begun once a person decided on an annotation.
    pub fn progress(&self) -> Progress {
        let begun = self.shown_counts().is_some_and(Counts::is_begun);
        Progress::of(begun, self.done)
    }
}

/// What a background read found of one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counted {
    /// Its index in the list.
    pub index: usize,
    /// Its headline.
    pub title: String,
    /// Its store's counts, or why the store could not be read; `Ok(None)` without one.
    pub counts: Result<Option<Counts>, String>,
}

/// The orders the list can be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// By file name.
    #[default]
    File,
    /// By title.
    Title,
    /// Not started, then in progress, then done.
    Status,
    /// Most annotations first.
    Annotations,
}

impl Sort {
    /// The next order in turn.
    pub fn next(self) -> Sort {
        match self {
            Sort::File => Sort::Title,
            Sort::Title => Sort::Status,
            Sort::Status => Sort::Annotations,
            Sort::Annotations => Sort::File,
        }
    }

    /// Its name in the list's title.
    pub fn name(self) -> &'static str {
        match self {
            Sort::File => "file",
            Sort::Title => "title",
            Sort::Status => "status",
            Sort::Annotations => "annotations",
        }
    }
}

/// The corpus the reader was opened on.
#[derive(Debug)]
pub struct Corpus {
    /// The articles, in the order found (file names).
    pub entries: Vec<Entry>,
    /// The rows shown: indexes into `entries`, sorted and filtered.
    pub rows: Vec<usize>,
    /// The row under the cursor.
    pub cursor: usize,
    /// The order.
    pub sort: Sort,
    /// The text rows must hold in their file or title ("" for all).
    pub filter: String,
    /// The article open in the reader.
    pub current: Option<usize>,
    /// The corpus search running or listed.
    pub search: Option<Search>,
    /// The latest search's ticket, shared with its worker so an abandoned one stops.
    pub searching: Arc<AtomicU64>,
    /// A search for the loop to start on a worker.
    pub pending_search: Option<SearchJob>,
    /// The match under the cursor while they are listed.
    pub match_cursor: usize,
    /// How the reader opens each article's store.
    pub options: OpenOptions,
    /// Whether the reader draws in colour (a new article's theme needs it).
    pub color: bool,
    /// The "done" marks, read per folder.
    pub marks: Marks,
    /// The reading places' file (none: places are not kept, as in tests).
    pub places: Option<PathBuf>,
    /// The ticket of the latest opening of an article, shared with the workers so one
    /// opening an article the user has left stops.
    pub opening: Arc<AtomicU64>,
    /// The background read of titles and counts failed: the rows it had not read show
    /// their counts as unavailable.
    pub counting_failed: bool,
}

impl Corpus {
    /// A corpus of `paths` below `root`, none of them read yet.
    pub fn new(root: &Path, paths: Vec<PathBuf>, options: OpenOptions, color: bool) -> Corpus {
        let mut marks = Marks::default();
        let entries: Vec<Entry> = paths
            .into_iter()
            .map(|path| Entry {
                name: crate::article::sanitize_inline(
                    &path
                        .strip_prefix(root)
                        .unwrap_or(&path)
                        .display()
                        .to_string(),
                ),
                done: marks.is_done(&path),
                path,
                title: None,
                counts: None,
                unsaved: None,
                problem: None,
            })
            .collect();
        let mut corpus = Corpus {
            rows: (0..entries.len()).collect(),
            entries,
            cursor: 0,
            sort: Sort::File,
            filter: String::new(),
            current: None,
            search: None,
            searching: Arc::default(),
            pending_search: None,
            match_cursor: 0,
            options,
            color,
            marks,
            places: None,
            opening: Arc::default(),
            counting_failed: false,
        };
        corpus.arrange();
        corpus
    }

    /// A new opening's ticket: from now on, what workers send for earlier ones is dropped.
    pub fn next_ticket(&mut self) -> u64 {
        self.opening.fetch_add(1, Ordering::SeqCst) + 1
    }

    /// Whether `ticket` is the latest opening's.
    pub fn is_latest(&self, ticket: u64) -> bool {
        self.opening.load(Ordering::SeqCst) == ticket
    }

    /// The opening under `ticket` for a worker to finish; `look_up_place` when the
    /// worker is to find where the reader was in it (an article still to come).
    pub fn opening_job(
        &self,
        ticket: u64,
        article: Arc<Article>,
        rest: Option<Rest>,
        look_up_place: bool,
    ) -> OpenJob {
        let places = self.places.clone().filter(|_| look_up_place);
        OpenJob::new(article, rest, self.options.clone(), places)
            .under(ticket, Arc::clone(&self.opening))
    }

    /// Takes in what the background read of one article found.
    pub fn counted(&mut self, c: Counted) {
        let Some(e) = self.entries.get_mut(c.index) else {
            return;
        };
        e.title = Some(c.title);
        match c.counts {
            Ok(counts) => e.counts = counts,
            Err(why) => e.problem = Some(why),
        }
    }

    /// Sorts and filters the rows again, keeping the cursor on its article.
    pub fn arrange(&mut self) {
        let at = self.selected();
        let filter = self.filter.to_lowercase();
        let entries = &self.entries;
        let mut rows: Vec<usize> = (0..entries.len())
            .filter(|&i| {
                let e = &entries[i];
                filter.is_empty()
                    || e.name.to_lowercase().contains(&filter)
                    || e.title
                        .as_deref()
                        .is_some_and(|t| t.to_lowercase().contains(&filter))
            })
            .collect();
        let total = |e: &Entry| e.shown_counts().map_or(0, |c| c.quotes + c.positions);
        match self.sort {
            Sort::File => {}
            Sort::Title => rows.sort_by_key(|&i| entries[i].title.clone().unwrap_or_default()),
            Sort::Status => rows.sort_by_key(|&i| entries[i].progress()),
            Sort::Annotations => rows.sort_by_key(|&i| std::cmp::Reverse(total(&entries[i]))),
        }
        self.rows = rows;
        self.cursor = at
            .and_then(|i| self.rows.iter().position(|&r| r == i))
            .unwrap_or(0);
    }

    /// The article under the cursor.
    pub fn selected(&self) -> Option<usize> {
        self.rows.get(self.cursor).copied()
    }

    /// Moves the cursor by `by` rows (within the list).
    pub fn move_cursor(&mut self, by: isize) {
        let (cursor, len) = match &self.search {
            Some(search) => (&mut self.match_cursor, search.matches.len()),
            None => (&mut self.cursor, self.rows.len()),
        };
        *cursor = cursor.saturating_add_signed(by).min(len.saturating_sub(1));
    }

    /// The article `step` places after (or before) the open one, in the list's order.
    pub fn neighbour(&self, step: isize) -> Option<usize> {
        let current = self.current?;
        let at = self.rows.iter().position(|&r| r == current)?;
        let to = at.checked_add_signed(step)?;
        self.rows.get(to).copied()
    }

    /// Marks the article under the cursor done, or not done again, in its folder's
    /// marks file; the error says why the file could not be written.
    pub fn toggle_done(&mut self) -> Result<bool, String> {
        let i = self.selected().ok_or_else(String::new)?;
        let entry = &mut self.entries[i];
        let done = !entry.done;
        self.marks
            .set_done(&entry.path, done)
            .map_err(|e| format!("{}: {e}", crate::corpus::MARKS_FILE))?;
        entry.done = done;
        // sorted by status, the row moves; the cursor goes with it
        self.arrange();
        Ok(done)
    }

    /// Puts the cursor on the article `entry` when the list shows it: the one the user
    /// has moved to is where `:ls` comes back to.
    pub fn point_at(&mut self, entry: usize) {
        if let Some(row) = self.rows.iter().position(|&r| r == entry) {
            self.cursor = row;
        }
    }
}

/// Where the reader goes once unsaved edits are dealt with: an article of the list,
/// and a byte offset in it (else where the reader last was).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Destination {
    /// The article's index in the list.
    pub entry: usize,
    /// Where to show it from.
    pub offset: Option<usize>,
}

/// How many articles' counts go to the reader in one event.
const COUNTED_BATCH: usize = 64;

/// Reads the title and store counts of every article (`count` reads one), handing
/// them to `send` in batches, in the list's order, until it says the reader is gone
/// (false). The loop runs it on a worker of its own (`tui::threads::spawn_counting`).
pub fn count_all(
    paths: &[PathBuf],
    count: impl Fn(usize, &Path) -> Counted,
    send: impl Fn(Vec<Counted>) -> bool,
) {
    let mut batch = Vec::with_capacity(COUNTED_BATCH);
    for (index, path) in paths.iter().enumerate() {
        batch.push(count(index, path));
        if batch.len() == COUNTED_BATCH && !send(std::mem::take(&mut batch)) {
            return;
        }
    }
    if !batch.is_empty() {
        send(batch);
    }
}

/// One article's title and store counts (a store up to `max_store_bytes`), for the
/// list's row `index`.
pub fn count(index: usize, path: &Path, max_store_bytes: u64) -> Counted {
    let store = read_store(path, max_store_bytes);
    let title = match &store {
        Ok(Some(s)) if !s.title.is_empty() => s.title.clone(),
        _ => peek_title(path),
    };
    Counted {
        index,
        title,
        counts: store.map(|s| s.map(|s| s.counts)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus(names: &[&str]) -> Corpus {
        let paths = names.iter().map(|n| PathBuf::from("/c").join(n)).collect();
        Corpus::new(Path::new("/c"), paths, OpenOptions::default(), false)
    }

    #[test]
    fn sorting_and_filtering_keep_the_cursor_on_its_article() {
        let mut c = corpus(&["a.txt", "b.txt", "c.txt"]);
        for (index, title) in [(0, "Zebra"), (1, "Apple"), (2, "Mango")] {
            c.counted(Counted {
                index,
                title: title.into(),
                counts: Ok(None),
            });
        }
        c.cursor = 2;
        c.sort = Sort::Title;
        c.arrange();
        assert_eq!(c.rows, [1, 2, 0]);
        assert_eq!(c.selected(), Some(2), "still on c.txt");
        c.filter = "ZEB".into();
        c.arrange();
        assert_eq!(c.rows, [0]);
        assert_eq!(c.cursor, 0);
        c.filter.clear();
        c.arrange();
        c.current = Some(1);
        assert_eq!(c.neighbour(1), Some(2));
        assert_eq!(c.neighbour(-1), None);
    }
}
