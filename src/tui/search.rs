//! Incremental search over the whole article: every match, smart case, typography
//! folded (curly quotes, dashes and odd spaces match their plain forms).

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
    /// Whether the view went to the current match after an annotation was last
    /// selected: then the selection `v` starts begins on the match.
    pub went_to_match: bool,
    /// The top row when the prompt opened, restored on abort.
    pub saved_top: usize,
    /// Whether the last search was backward (`?`): `n` goes on backward, `N` forward.
    pub backward: bool,
    /// The text folded for a query without capitals, made on first use.
    folded: Option<Folded>,
    /// The text folded for a query with capitals (typography only), made on first use.
    folded_exact: Option<Folded>,
}

/// A step to a match: which one, and whether the search went past the end of the
/// text (or its start, backwards) to reach it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index into `matches`.
    pub index: usize,
    /// Whether it wrapped around.
    pub wrapped: bool,
}

impl Search {
    /// Starts a new search, forward or `backward` (the prompt is a layer of the mode).
    pub fn open(&mut self, top: usize, backward: bool) {
        self.saved_top = top;
        self.backward = backward;
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
        self.folded_exact = None;
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

    /// Finds every match of `query` in `text`: case-insensitive unless the query has
    /// a capital letter, and with typography folded either way (“ ” „ match ", ‘ ’
    /// match ', dashes match -, non-breaking and thin spaces and line breaks match a
    /// space). Matches are byte ranges of `text`, on its char boundaries.
    pub fn set_query(&mut self, text: &str, query: &str) {
        self.query = query.to_string();
        self.current = None;
        self.matches.clear();
        if query.is_empty() {
            return;
        }
        let lower = !query.chars().any(char::is_uppercase);
        let slot = if lower {
            &mut self.folded
        } else {
            &mut self.folded_exact
        };
        let folded = slot.get_or_insert_with(|| Folded::new(text, lower));
        let needle: String = query.chars().map(|c| fold_char(c, lower)).collect();
        // matches come in order, so one walk over the anchors maps them all; a UTF-8
        // needle found in UTF-8 text starts and ends on character boundaries
        let mut next_anchor = 0;
        let len = needle.len();
        self.matches = memchr::memmem::find_iter(folded.text.as_bytes(), needle.as_bytes())
            .map(|i| {
                let start = folded.original(i, &mut next_anchor);
                let mut end_anchor = next_anchor;
                start..folded.original(i + len, &mut end_anchor)
            })
            .collect();
    }

    /// Makes `places` (sorted byte ranges of the text: a speaker's mentions and
    /// quotes) the matches, under the name `label`, so `n` and `N` step through them.
    pub fn set_places(&mut self, label: &str, places: Vec<Range<usize>>) {
        self.query = label.to_string();
        self.matches = places;
        self.current = None;
        self.backward = false;
    }

    /// The first match in the search's direction from `offset` (the top of the screen
    /// when the prompt opened): starting at or after it, or for a backward search
    /// before it; wrapping around, and whether it wrapped.
    pub fn first_hit_from(&self, offset: usize) -> Option<Hit> {
        if self.matches.is_empty() {
            return None;
        }
        if self.backward {
            return Some(self.step_hit(offset, false, false));
        }
        let i = self.matches.partition_point(|m| m.start < offset);
        Some(if i < self.matches.len() {
            Hit {
                index: i,
                wrapped: false,
            }
        } else {
            Hit {
                index: 0,
                wrapped: true,
            }
        })
    }

    /// The next (or previous) match from `offset`, wrapping around, and whether it
    /// wrapped; `strict` skips a match starting exactly at `offset`. There must be
    /// matches.
    pub fn step_hit(&self, offset: usize, forward: bool, strict: bool) -> Hit {
        let n = self.matches.len();
        let hit = |index, wrapped| Hit { index, wrapped };
        if forward {
            let i = if strict {
                self.matches.partition_point(|m| m.start <= offset)
            } else {
                self.matches.partition_point(|m| m.start < offset)
            };
            if i < n { hit(i, false) } else { hit(0, true) }
        } else {
            let i = self.matches.partition_point(|m| m.start < offset);
            if i > 0 {
                hit(i - 1, false)
            } else {
                hit(n.saturating_sub(1), true)
            }
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

/// A text with each character folded for matching, and where its bytes came from.
#[derive(Debug, Clone)]
struct Folded {
    text: String,
    /// (folded offset, original offset) after each character whose folded form has
    /// another length; offsets between them differ by the same amount.
    anchors: Vec<(usize, usize)>,
}

impl Folded {
    fn new(text: &str, lower: bool) -> Folded {
        let mut folded = String::with_capacity(text.len());
        let mut anchors = Vec::new();
        for (i, c) in text.char_indices() {
            let f = fold_char(c, lower);
            folded.push(f);
            if f.len_utf8() != c.len_utf8() {
                anchors.push((folded.len(), i + c.len_utf8()));
            }
        }
        Folded {
            text: folded,
            anchors,
        }
    }

    /// The original offset of a folded one on a char boundary: each folded character
    /// stands for exactly one original, so boundaries map to boundaries. `next` is
    /// the first anchor past the last offset asked for; offsets asked for in order
    /// move it forward only.
    fn original(&self, at: usize, next: &mut usize) -> usize {
        while self.anchors.get(*next).is_some_and(|a| a.0 <= at) {
            *next += 1;
        }
        match next.checked_sub(1).map(|i| self.anchors[i]) {
            None => at,
            Some((folded, original)) => original + (at - folded),
        }
    }
}

/// The plain form a character is matched by: one character for one, so that offsets
/// can be mapped back; letters are lowered (when `lower`) only where their lower case
/// is a single character.
fn fold_char(c: char, lower: bool) -> char {
    match c {
        '“' | '”' | '„' | '‟' | '″' | '«' | '»' | '＂' => '"',
        '‘' | '’' | '‚' | '‛' | '′' | '＇' => '\'',
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => '-',
        '\u{A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\n' => ' ',
        c if lower && c.is_uppercase() => {
            let mut l = c.to_lowercase();
            match (l.next(), l.next()) {
                (Some(one), None) => one,
                _ => c,
            }
        }
        c => c,
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
        assert_eq!(s.step_hit(0, true, true).index, 1);
        let wrapped = s.step_hit(18, true, true);
        assert_eq!((wrapped.index, wrapped.wrapped), (0, true));
        assert_eq!(s.step_hit(0, false, true).index, 2);
        assert!(s.step_hit(0, false, true).wrapped);
        assert_eq!(s.first_hit_from(5).map(|h| h.index), Some(1));
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

    #[test]
    fn typography_folds_both_ways() {
        let mut s = Search::default();
        let text = "the so-called “wet foot, dry foot” policy and Obama’s desire\u{a0}— 2009–2010";
        s.set_query(text, "\"wet");
        assert_eq!(s.matches.len(), 1);
        assert_eq!(&text[s.matches[0].clone()], "“wet");
        s.set_query(text, "foot\" policy");
        assert_eq!(&text[s.matches[0].clone()], "foot” policy");
        s.set_query(text, "Obama's");
        assert_eq!(
            &text[s.matches[0].clone()],
            "Obama’s",
            "smart case keeps the capital"
        );
        s.set_query(text, "obama’s");
        assert_eq!(s.matches.len(), 1, "a curly query finds the same");
        s.set_query(text, "desire -");
        assert_eq!(&text[s.matches[0].clone()], "desire\u{a0}—");
        s.set_query(text, "2009-2010");
        assert_eq!(&text[s.matches[0].clone()], "2009–2010");
        s.set_query(text, "OBAMA");
        assert!(s.matches.is_empty(), "capitals still mean case-sensitive");
    }

    #[test]
    fn a_search_says_when_it_wraps() {
        let mut s = Search::default();
        s.set_query("a x b x c", "x");
        let pair = |h: Hit| (h.index, h.wrapped);
        assert_eq!(s.first_hit_from(0).map(pair), Some((0, false)));
        assert_eq!(s.first_hit_from(4).map(pair), Some((1, false)));
        assert_eq!(s.first_hit_from(7).map(pair), Some((0, true)));
        // (offset, forward) → (index, wrapped)
        for (offset, forward, expected) in [
            (2, true, (1, false)),
            (6, true, (0, true)),
            (2, false, (1, true)),
            (6, false, (0, false)),
        ] {
            assert_eq!(pair(s.step_hit(offset, forward, true)), expected);
        }
        s.set_query("a x b x c", "y");
        assert_eq!(s.first_hit_from(0), None);
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Every match lies on char boundaries of the original text and folds to the
        /// query, whatever the text and the query.
        #[test]
        fn matches_are_char_aligned_spans_that_fold_to_the_query(
            text in "[aA“”‘’\"'\\- –—\u{a0}\u{2009}\nÉéΩ\u{2126}İß]{0,60}",
            query in "[aA“\"'\\-– \u{a0}éΩİ]{1,4}",
        ) {
            let mut s = Search::default();
            s.set_query(&text, &query);
            let lower = !query.chars().any(char::is_uppercase);
            let fold = |t: &str| t.chars().map(|c| fold_char(c, lower)).collect::<String>();
            for m in &s.matches {
                prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
                prop_assert_eq!(fold(&text[m.clone()]), fold(&query));
            }
        }
    }
}
