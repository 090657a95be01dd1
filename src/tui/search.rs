//! Incremental search over the whole article: every match, smart case.

use std::ops::Range;

/// The search state.
#[derive(Debug, Clone, Default)]
pub struct Search {
    /// The last query.
    pub query: String,
    /// Every match of it, in order.
    pub matches: Vec<Range<usize>>,
    /// The match the view is on.
    pub current: Option<usize>,
    /// The top row when the prompt opened, restored on abort.
    pub saved_top: usize,
    /// The text with ASCII letters lowered (same byte offsets), made on first use.
    folded: Option<String>,
}

impl Search {
    /// Starts a new search (the prompt is a layer of the mode).
    pub fn open(&mut self, top: usize) {
        self.saved_top = top;
        self.query.clear();
        self.matches.clear();
        self.current = None;
    }

    /// Forgets the query and its matches (the folded text is kept for next time).
    pub fn clear(&mut self) {
        self.query.clear();
        self.matches.clear();
        self.current = None;
    }

    /// Searches a new text (the whole article after its start) for the same query,
    /// staying on the match at the same place if there is one.
    pub fn retext(&mut self, text: &str) {
        self.folded = None;
        if self.query.is_empty() {
            return;
        }
        let at = self
            .current
            .and_then(|c| self.matches.get(c))
            .map(|m| m.start);
        let query = std::mem::take(&mut self.query);
        self.set_query(text, &query);
        self.current = at.and_then(|at| self.matches.iter().position(|m| m.start == at));
    }

    /// Finds every match of `query` in `text`: case-insensitive (ASCII) unless the
    /// query has a capital letter.
    pub fn set_query(&mut self, text: &str, query: &str) {
        self.query = query.to_string();
        self.current = None;
        self.matches.clear();
        if query.is_empty() {
            return;
        }
        let sensitive = query.chars().any(char::is_uppercase);
        let (haystack, needle) = if sensitive {
            (text, query.to_string())
        } else {
            let folded = self.folded.get_or_insert_with(|| text.to_ascii_lowercase());
            (folded.as_str(), query.to_ascii_lowercase())
        };
        self.matches = haystack
            .match_indices(needle.as_str())
            .map(|(i, m)| i..i + m.len())
            .collect();
    }

    /// The first match starting at or after `offset`, wrapping to the first.
    pub fn first_from(&self, offset: usize) -> Option<usize> {
        if self.matches.is_empty() {
            return None;
        }
        let i = self.matches.partition_point(|m| m.start < offset);
        Some(if i < self.matches.len() { i } else { 0 })
    }

    /// The next (or previous) match from `offset`, wrapping around; `strict` skips a
    /// match starting exactly at `offset`.
    pub fn step(&self, offset: usize, forward: bool, strict: bool) -> usize {
        let n = self.matches.len();
        if forward {
            let i = if strict {
                self.matches.partition_point(|m| m.start <= offset)
            } else {
                self.matches.partition_point(|m| m.start < offset)
            };
            if i < n { i } else { 0 }
        } else {
            let i = self.matches.partition_point(|m| m.start < offset);
            if i > 0 { i - 1 } else { n - 1 }
        }
    }

    /// The matches overlapping a byte range, with their indices.
    pub fn overlapping(&self, range: Range<usize>) -> impl Iterator<Item = (usize, &Range<usize>)> {
        let lo = self.matches.partition_point(|m| m.end <= range.start);
        self.matches[lo..]
            .iter()
            .enumerate()
            .take_while(move |(_, m)| m.start < range.end)
            .map(move |(i, m)| (lo + i, m))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smart_case_and_stepping() {
        let mut s = Search::default();
        let text = "Cuba and cuba and CUBA";
        s.set_query(text, "cuba");
        assert_eq!(s.matches.len(), 3);
        s.set_query(text, "Cuba");
        assert_eq!(s.matches, vec![0..4]);
        s.set_query(text, "cuba");
        assert_eq!(s.step(0, true, true), 1);
        assert_eq!(s.step(18, true, true), 0);
        assert_eq!(s.step(0, false, true), 2);
        assert_eq!(s.first_from(5), Some(1));
        let over: Vec<usize> = s.overlapping(3..10).map(|(i, _)| i).collect();
        assert_eq!(over, vec![0, 1]);
    }

    #[test]
    fn non_ascii_text_keeps_offsets() {
        let mut s = Search::default();
        let text = "Élysée said ÉLYSÉE élysée";
        s.set_query(text, "lys");
        for m in &s.matches {
            assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            assert_eq!(text[m.clone()].to_ascii_lowercase(), "lys");
        }
        assert_eq!(s.matches.len(), 3);
    }
}
