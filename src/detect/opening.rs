//! An article's opening: its first 64 KiB, where the sides of a story are looked for
//! (its lead and far more, bounded so that the work stays small on any input). Read
//! once per article and handed to every stage that weighs sides — discovering the
//! sides no list has ([`super::discover`]), scoring the candidates by their mentions
//! ([`super::choice`]), and which party governs ([`super::sides`]) — which used to
//! scan the same bytes each on its own: on a folder of short articles, where the
//! opening is the whole article, that was most of what detecting them one by one cost
//! beyond detecting them joined (docs/PERFORMANCE.md).

use super::parties::SideMatcher;
use super::words::{Word, push_words, starts_with_capital, words};
use std::borrow::Cow;
use std::cell::OnceCell;
use std::ops::Range;

/// Bytes of an article in its opening.
pub const OPENING_BYTES: usize = 64 * 1024;

/// The opening of one article, and what is found in it, each found once when first
/// asked for.
#[derive(Debug)]
pub struct Opening<'a> {
    /// The opening's text: the article's first [`OPENING_BYTES`], cut at a character.
    text: &'a str,
    /// Its words.
    words: OnceCell<Vec<Word>>,
    /// Which of its words start with a capital, by index.
    capitals: OnceCell<Vec<u32>>,
    /// Its text with every ASCII capital lowered (the same bytes apart from those).
    lowered: OnceCell<String>,
    /// The matcher over the story's candidate sides, once they are known.
    sides: Option<&'a SideMatcher>,
    /// Where `sides` names a side, as (byte, side), in order.
    named: OnceCell<Vec<(usize, usize)>>,
}

impl<'a> Opening<'a> {
    /// The opening of an article whose text is `text`.
    pub fn of(text: &'a str) -> Opening<'a> {
        Opening {
            text: &text[..super::words::floor_boundary(text, OPENING_BYTES)],
            words: OnceCell::new(),
            capitals: OnceCell::new(),
            lowered: OnceCell::new(),
            sides: None,
            named: OnceCell::new(),
        }
    }

    /// The same opening, with the story's candidate sides (known only once discovery
    /// has read the opening's words) to find in it.
    pub fn naming<'b>(self, sides: &'b SideMatcher) -> Opening<'b>
    where
        'a: 'b,
    {
        Opening {
            text: self.text,
            words: self.words,
            capitals: self.capitals,
            lowered: self.lowered,
            sides: Some(sides),
            named: OnceCell::new(),
        }
    }

    /// The opening's text (it starts where the article does, so its byte offsets are
    /// the article's).
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The opening's words.
    pub fn words(&self) -> &[Word] {
        self.words
            .get_or_init(|| words(self.text, 0..self.text.len()))
    }

    /// The indices of the opening's words that start with a capital
    /// ([`starts_with_capital`]), in order: discovery's passes and the titles read
    /// only those, where each went through every word of the opening to find them (in
    /// a folder run, every word of every article, three times).
    pub fn capitals(&self) -> &[u32] {
        self.capitals.get_or_init(|| {
            let text = self.text;
            // (the opening is at most 64 KiB: an index fits)
            (0u32..)
                .zip(self.words())
                .filter(|(_, w)| starts_with_capital(text, w.start))
                .map(|(i, _)| i)
                .collect()
        })
    }

    /// The opening's words, for the ranges inside it to take ([`SplitOpening`]).
    pub fn split(&self) -> SplitOpening<'_> {
        SplitOpening {
            words: self.words(),
            end: self.text.len(),
        }
    }

    /// The opening's words in lower case, for the stages that read the same words
    /// ([`LowerWords`]).
    pub fn lower_words(&self) -> LowerWords<'_> {
        LowerWords {
            text: self.text,
            lowered: self.lowered.get_or_init(|| self.text.to_ascii_lowercase()),
        }
    }

    /// Where the opening names a candidate side, as (byte, side), in order; none
    /// before [`Opening::naming`] gave the candidates.
    pub fn named(&self) -> &[(usize, usize)] {
        self.named
            .get_or_init(|| self.sides.map_or_else(Vec::new, |s| s.find(self.text)))
    }
}

/// The words of an opening, split once, for a range inside it to take instead of
/// splitting its bytes again: the reading of a short article's sentences, whose
/// opening is the whole article (in a folder run each article's bytes were split
/// twice, once for the sides and once for the walk).
#[derive(Debug, Clone, Copy, Default)]
pub struct SplitOpening<'a> {
    words: &'a [Word],
    /// Where the opening ends.
    end: usize,
}

impl<'a> SplitOpening<'a> {
    /// The words [`super::words::push_words`] finds in `range`, when the opening holds
    /// the range and none of its words crosses either end of it (then each word inside
    /// was found from the same bytes, and none the range cuts); else none.
    pub fn words_in(&self, range: &Range<usize>) -> Option<&'a [Word]> {
        if range.end > self.end {
            return None;
        }
        let first = self.words.partition_point(|w| w.end <= range.start);
        let past = self.words.partition_point(|w| w.start < range.end);
        let inside = self.words.get(first..past)?;
        let crosses = |w: &Word| w.start < range.start || w.end > range.end;
        if inside.first().is_some_and(crosses) || inside.last().is_some_and(crosses) {
            return None;
        }
        Some(inside)
    }

    /// Appends the words [`push_words`] finds in `range` of `text` (the opening's
    /// article) to `out`: the opening's words inside it, and a word it cuts split
    /// again from the part inside (the words between are found from the same bytes).
    pub fn push_words_in(&self, text: &str, range: Range<usize>, out: &mut Vec<Word>) {
        if range.end > self.end {
            push_words(text, range, out);
            return;
        }
        let first = self.words.partition_point(|w| w.end <= range.start);
        let past = self.words.partition_point(|w| w.start < range.end);
        for w in self.words.get(first..past).unwrap_or_default() {
            if w.start < range.start || w.end > range.end {
                push_words(text, w.start.max(range.start)..w.end.min(range.end), out);
            } else {
                out.push(w.clone());
            }
        }
    }
}

/// The words of an opening in lower case, lowered once for the whole opening: in a
/// folder run the opening is the whole article, and discovery, the candidates'
/// mentions and the titles each lowered the same words again, one copy a word
/// (docs/PERFORMANCE.md).
#[derive(Debug, Clone, Copy)]
pub struct LowerWords<'a> {
    /// The opening's text.
    text: &'a str,
    /// The opening's text with its ASCII capitals lowered: the same bytes elsewhere,
    /// so a word's range holds the same word, lowered where it is ASCII.
    lowered: &'a str,
}

impl<'a> LowerWords<'a> {
    /// The opening's word at `w` in lower case, as [`super::words::lower`] gives it:
    /// from the lowered opening when the word is ASCII, else lowered on its own.
    pub fn of(&self, w: &Word) -> Cow<'a, str> {
        let word = &self.text[w.clone()];
        if word.is_ascii() {
            Cow::Borrowed(&self.lowered[w.clone()])
        } else {
            Cow::Owned(word.to_lowercase())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_opening_is_cut_at_a_character_and_names_sides_once_given_them() {
        let mut text = "Talks between France and Spain.\n\n".to_string();
        while text.len() < OPENING_BYTES + 10 {
            text.push_str("Ça va. ");
        }
        let opening = Opening::of(&text);
        assert!(opening.text().len() <= OPENING_BYTES);
        assert!(text.starts_with(opening.text()));
        assert!(opening.named().is_empty());
        assert_eq!(&text[opening.words()[0].clone()], "Talks");
        let sides = crate::detect::country_matcher();
        let opening = opening.naming(sides);
        let at: Vec<&str> = opening
            .named()
            .iter()
            .map(|&(at, _)| &text[at..at + 5])
            .collect();
        assert_eq!(at, ["Franc", "Spain"]);
        assert_eq!(opening.named(), sides.find(opening.text()));
    }

    #[test]
    fn an_opening_word_and_its_start_are_lowered_as_on_their_own() {
        let text = "ÉTAT Talks, AND élan İstanbul ΣΑΣ x Farmers' NATO's";
        let opening = Opening::of(text);
        let lowered = opening.lower_words();
        for w in opening.words() {
            let starts = (w.start + 1..=w.end).filter(|&end| text.is_char_boundary(end));
            for part in starts.map(|end| w.start..end) {
                let mut buf = [0; 32];
                let own = super::super::words::lower(&text[part.clone()], &mut buf);
                assert_eq!(lowered.of(&part), own);
            }
        }
    }

    proptest::proptest! {
        /// A range takes the opening's words only when they are the words its own
        /// bytes give, and it does for a range between two words; the words pushed for
        /// any range are those its bytes give.
        #[test]
        fn a_range_takes_the_opening_words_its_bytes_give(
            s in "[a-zA-Z .,'&’—(-]{0,60}",
            from in 0usize..70,
            len in 0usize..70,
            tail in "[a-z .]{0,6}",
        ) {
            let text = format!("{s}{tail}");
            let opening = Opening::of(&text);
            // (an opening that stops short of the text, as a long article's does)
            let split = SplitOpening { words: &words(&text[..s.len()], 0..s.len()), end: s.len() };
            let start = super::super::words::floor_boundary(&text, from);
            let end = super::super::words::floor_boundary(&text, start + len).max(start);
            let by_bytes = words(&text, start..end);
            if let Some(known) = split.words_in(&(start..end)) {
                proptest::prop_assert_eq!(known, &by_bytes[..]);
            }
            let mut pushed = Vec::new();
            split.push_words_in(&text, start..end, &mut pushed);
            proptest::prop_assert_eq!(pushed, by_bytes);
            let whole = opening.split();
            let ws = opening.words();
            for k in 0..ws.len().saturating_sub(1) {
                let between = ws[k].end..ws[k + 1].start;
                proptest::prop_assert_eq!(whole.words_in(&between), Some(&[][..]));
                let through = ws[0].start..ws[k + 1].start;
                proptest::prop_assert_eq!(whole.words_in(&through), Some(&ws[..=k]));
            }
        }
    }
}
