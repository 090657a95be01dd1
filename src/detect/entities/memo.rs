//! Memos of what depends on a phrase's text alone: news repeats "he said", "the
//! spokesman said" and its names many times, and reading them again would give the same.
//! Each memo holds at most a set number of entries and is emptied when full, so what is
//! found never depends on what happens to be remembered (tests run with sizes of 0, 1
//! and more).

use super::super::lexicon::WordMap;
use super::super::parties::SideMatcher;
use super::super::speakers::{SourceNp, number_follows};
use super::{cache_limit, read_phrase};
use std::ops::Range;
use std::sync::Arc;

/// Values worked out from a text, by that text, up to a number of entries.
#[derive(Debug, Default)]
pub struct Memo<V> {
    map: WordMap<String, V>,
    limit: usize,
}

impl<V: Clone> Memo<V> {
    /// An empty memo of at most `limit` entries (none: it remembers nothing).
    pub fn new(limit: usize) -> Memo<V> {
        Memo {
            map: WordMap::default(),
            limit,
        }
    }

    /// The value remembered for `key`, else `make`'s, remembered.
    pub fn get_or(&mut self, key: &str, make: impl FnOnce() -> V) -> V {
        if let Some(hit) = self.map.get(key) {
            return hit.clone();
        }
        let value = make();
        if self.map.len() >= self.limit {
            self.map.clear();
        }
        if self.limit > 0 {
            self.map.insert(key.to_string(), value.clone());
        }
        value
    }
}

/// Source phrases already read ([`read_phrase`]), with spans relative to the phrase: the
/// phrases not followed by a number, then those followed by one, as [`read_phrase`]
/// reads that too.
#[derive(Debug, Default)]
pub struct PhraseMemo {
    read: [Memo<Option<Arc<SourceNp>>>; 2],
    /// The first side named in each phrase ([`SideMatcher::first`]).
    first_side: Memo<Option<usize>>,
}

impl PhraseMemo {
    /// An empty memo, of the size the registry's caches have on this thread.
    pub fn new() -> PhraseMemo {
        let limit = cache_limit();
        PhraseMemo {
            read: [Memo::new(limit), Memo::new(limit)],
            first_side: Memo::new(limit),
        }
    }

    /// The source phrase at `range`, read or remembered.
    pub fn read(
        &mut self,
        text: &str,
        range: Range<usize>,
        sides: &SideMatcher,
    ) -> Option<Arc<SourceNp>> {
        let memo = &mut self.read[usize::from(number_follows(text, range.end))];
        memo.get_or(&text[range.clone()], || {
            read_phrase(text, range, sides).map(Arc::new)
        })
    }

    /// The first side named in `phrase`, found or remembered.
    pub fn first_side(&mut self, phrase: &str, sides: &SideMatcher) -> Option<usize> {
        self.first_side.get_or(phrase, || sides.first(phrase))
    }
}
