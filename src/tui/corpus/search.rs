//! Searching every article of a corpus from its list (`/`): the articles are read on a
//! worker, in the list's order, and what it finds comes back in batches through the
//! reader's one event channel. Each search has a ticket; a batch for an older search
//! (the user searched again, or left the matches) is dropped, and the worker of an
//! abandoned search stops at its next article. The list answers keys meanwhile.

use super::Corpus;
use crate::article::{Article, Source};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// How many matching lines one article gives to a corpus search.
const MATCHES_PER_ARTICLE: usize = 20;
/// How many matches a corpus search lists in all.
pub const MATCHES_MAX: usize = 2000;
/// How long the worker gathers before it sends what it found, so a large corpus
/// costs the reader a few redraws a second, not one per article.
const BATCH_TIME: Duration = Duration::from_millis(100);
/// How many characters of a long line a match's row keeps before the match, so the
/// match shows in a row of the list however far into its paragraph it is.
const CONTEXT_BEFORE: usize = 30;

/// A line of an article that holds the searched text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// The article's index in the list.
    pub entry: usize,
    /// The line, 1-based, in the article's text.
    pub line: usize,
    /// Where the match starts in the text (bytes).
    pub offset: usize,
    /// The line, made safe to show.
    pub context: String,
}

/// A corpus search, while it runs and once it is done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    /// What was searched for.
    pub query: String,
    /// The matches found so far, in the list's order.
    pub matches: Vec<Match>,
    /// How many articles have been read.
    pub searched: usize,
    /// How many articles there are to read.
    pub total: usize,
    /// Whether the worker is still reading.
    pub running: bool,
    /// Which search this is: batches under another ticket are an older search's.
    pub ticket: u64,
}

/// What the worker found since its last batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The search it belongs to.
    pub ticket: u64,
    /// How many articles are read, in all.
    pub searched: usize,
    /// The matches in the articles read since the last batch.
    pub matches: Vec<Match>,
    /// The last batch: every article is read, or enough matches are found.
    pub finished: bool,
}

/// A search for the loop to run on a worker.
#[derive(Debug)]
pub struct SearchJob {
    /// Which search this is.
    pub ticket: u64,
    /// What to look for.
    pub query: String,
    /// The articles to read, in the list's order, with their index in the list.
    pub articles: Vec<(usize, PathBuf)>,
    /// The largest article read.
    pub max_bytes: u64,
    /// The latest search's ticket: once it moves on, this search stops.
    pub latest: Arc<AtomicU64>,
}

impl SearchJob {
    /// Reads the articles for lines holding the query, handing each batch to `send`;
    /// stops when `send` fails (the reader is gone) or a newer search began.
    pub fn run(self, mut send: impl FnMut(Found) -> bool) {
        let wanted = || self.latest.load(Ordering::SeqCst) == self.ticket;
        let mut batch = Vec::new();
        let mut found = 0;
        let mut since = Instant::now();
        for (n, (entry, path)) in self.articles.iter().enumerate() {
            if !wanted() {
                return;
            }
            if let Ok(article) = Article::load(Source::File(path.clone()), self.max_bytes) {
                let mut lines = find_lines(&article.text, &self.query, *entry, MATCHES_PER_ARTICLE);
                lines.truncate(MATCHES_MAX - found);
                found += lines.len();
                batch.extend(lines);
            }
            let finished = n + 1 == self.articles.len() || found >= MATCHES_MAX;
            if finished || since.elapsed() >= BATCH_TIME {
                let sent = send(Found {
                    ticket: self.ticket,
                    searched: n + 1,
                    matches: std::mem::take(&mut batch),
                    finished,
                });
                if !sent || finished {
                    return;
                }
                since = Instant::now();
            }
        }
        if self.articles.is_empty() {
            send(Found {
                ticket: self.ticket,
                searched: 0,
                matches: Vec::new(),
                finished: true,
            });
        }
    }
}

impl Corpus {
    /// Starts a search of every article listed, in the list's order, for the loop to
    /// run on a worker; one still running is abandoned.
    pub fn start_search(&mut self, query: String, max_bytes: u64) {
        let ticket = self.searching.fetch_add(1, Ordering::SeqCst) + 1;
        let articles = self
            .rows
            .iter()
            .map(|&i| (i, self.entries[i].path.clone()))
            .collect();
        self.match_cursor = 0;
        self.search = Some(Search {
            query: query.clone(),
            matches: Vec::new(),
            searched: 0,
            total: self.rows.len(),
            running: true,
            ticket,
        });
        self.pending_search = Some(SearchJob {
            ticket,
            query,
            articles,
            max_bytes,
            latest: Arc::clone(&self.searching),
        });
    }

    /// Leaves the search (its matches, and its worker at its next article).
    pub fn end_search(&mut self) -> bool {
        self.searching.fetch_add(1, Ordering::SeqCst);
        self.pending_search = None;
        self.search.take().is_some()
    }

    /// The search's worker ended before it finished (a bug): what it found stays
    /// listed, and the search no longer says it runs. `false` for an older search.
    pub fn search_failed(&mut self, ticket: u64) -> bool {
        let Some(search) = self.search.as_mut().filter(|s| s.ticket == ticket) else {
            return false;
        };
        search.running = false;
        true
    }

    /// Takes in a batch of the running search; `Some(query)` when the search ended
    /// with no match at all (and is left). A batch of an older search is dropped.
    pub fn found(&mut self, found: Found) -> Option<String> {
        let search = self.search.as_mut().filter(|s| s.ticket == found.ticket)?;
        search.searched = found.searched;
        search.matches.extend(found.matches);
        search.running = !found.finished;
        if found.finished && search.matches.is_empty() {
            return self.search.take().map(|s| s.query);
        }
        None
    }
}

/// The article's lines holding `needle` (ignoring case), at most `limit` of them.
pub fn find_lines(text: &str, needle: &str, entry: usize, limit: usize) -> Vec<Match> {
    let needle = needle.to_lowercase();
    if needle.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut offset = 0;
    for (n, line) in text.split('\n').enumerate() {
        if out.len() >= limit {
            break;
        }
        if let Some(at) = line.to_lowercase().find(&needle) {
            // the lowercase line may be longer; the start of the line is where it is
            let at = if line.is_char_boundary(at) { at } else { 0 };
            out.push(Match {
                entry,
                line: n + 1,
                offset: offset + at,
                context: context(line, at),
            });
        }
        offset += line.len() + 1;
    }
    out
}

/// A matching line made safe to show: whole when the match `at` is near its start,
/// else from a word a little before the match, after "…".
fn context(line: &str, at: usize) -> String {
    let before = &line[..at];
    let Some((cut, _)) = before.char_indices().rev().nth(CONTEXT_BEFORE) else {
        return crate::article::sanitize_inline(line.trim());
    };
    let word = before[cut..].find(' ').map_or(cut, |space| cut + space + 1);
    format!(
        "…{}",
        crate::article::sanitize_inline(line[word..].trim_end())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_found_ignoring_case() {
        let m = find_lines("Title\n\nThe Ferry left.\nno\nferry again", "FERRY", 4, 10);
        assert_eq!(m.len(), 2);
        assert_eq!((m[0].line, m[0].offset, m[0].entry), (3, 11, 4));
        assert_eq!(m[1].context, "ferry again");
        assert_eq!(find_lines("ferry ferry\nferry", "ferry", 0, 1).len(), 1);
    }

    #[test]
    fn a_match_far_into_a_long_line_is_shown_with_the_words_before_it() {
        let line = "Local traders worried about the cost of the closure all week, and one \
                    of them, who runs a café near the docks, said trade had fallen.";
        let m = find_lines(line, "trade had", 0, 10);
        let context = &m[0].context;
        assert!(
            context.starts_with("…a café"),
            "from a word's start: {context}"
        );
        let shown = context.find("trade had").unwrap();
        assert!(
            context[..shown].chars().count() <= CONTEXT_BEFORE + 1,
            "{context}"
        );
        assert_eq!(&line[m[0].offset..m[0].offset + 9], "trade had");
    }

    #[test]
    fn a_search_overtaken_by_a_newer_one_stops_and_sends_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "Title\n\nthe ferry left\n").unwrap();
        let job = |latest: u64| SearchJob {
            ticket: 1,
            query: "ferry".into(),
            articles: vec![(0, path.clone())],
            max_bytes: 1 << 20,
            latest: Arc::new(AtomicU64::new(latest)),
        };
        let mut batches = Vec::new();
        job(2).run(|found| {
            batches.push(found);
            true
        });
        assert!(batches.is_empty(), "{batches:?}");
        job(1).run(|found| {
            batches.push(found);
            true
        });
        assert_eq!(batches.len(), 1);
        assert!(batches[0].finished && batches[0].matches.len() == 1);
    }
}
