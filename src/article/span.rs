//! Growing and shrinking an annotation's span a word at a time, as the reader's
//! widen/shrink keys do: words are runs of non-space, the result never has spaces at
//! its ends, never crosses a paragraph break when it grows, and its ends are on
//! grapheme boundaries.

use std::ops::Range;
use unicode_segmentation::GraphemeCursor;

/// `range` of `text` with one word more (`widen`) or less at its start (`at_start`)
/// or end. `None` when nothing would change: no word to add before the text's or the
/// paragraph's edge, one word left that cannot go, or a range that is not a span of
/// `text` on char boundaries.
pub fn resize_by_word(
    text: &str,
    range: Range<usize>,
    at_start: bool,
    widen: bool,
) -> Option<Range<usize>> {
    let fits = range.start < range.end && range.end <= text.len();
    if !fits || !text.is_char_boundary(range.start) || !text.is_char_boundary(range.end) {
        return None;
    }
    let Range { start, end } = trim(text, range.clone())?;
    let resized = match (at_start, widen) {
        (false, true) => start..word_end_after(text, end)?,
        (true, true) => word_start_before(text, start)?..end,
        (false, false) => start..last_word_dropped(text, start..end)?,
        (true, false) => first_word_dropped(text, start..end)?..end,
    };
    // outwards when growing, inwards when shrinking, so shrinking never grows
    let snapped = snap(text, resized.start, !widen)..snap(text, resized.end, widen);
    trim(text, snapped).filter(|r| *r != range)
}

/// The range without whitespace at its ends; none when nothing else is left (or
/// nothing was: ends snapped inwards can cross).
fn trim(text: &str, r: Range<usize>) -> Option<Range<usize>> {
    if r.start >= r.end {
        return None;
    }
    let inner = &text[r.clone()];
    let start = r.start + (inner.len() - inner.trim_start().len());
    let end = r.end - (inner.len() - inner.trim_end().len());
    (start < end).then_some(start..end)
}

/// Whether a stretch of whitespace holds a paragraph break (a blank line).
fn breaks_paragraph(space: &str) -> bool {
    space.matches('\n').count() >= 2
}

/// The end of the word after `at`, past the spaces before it.
fn word_end_after(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    let word = rest.trim_start();
    let skipped = rest.len() - word.len();
    if word.is_empty() || breaks_paragraph(&rest[..skipped]) {
        return None;
    }
    let len = word.find(char::is_whitespace).unwrap_or(word.len());
    Some(at + skipped + len)
}

/// The start of the word before `at`, past the spaces after it.
fn word_start_before(text: &str, at: usize) -> Option<usize> {
    let before = &text[..at];
    let word_end = before.trim_end().len();
    if word_end == 0 || breaks_paragraph(&before[word_end..]) {
        return None;
    }
    Some(
        before[..word_end]
            .rfind(char::is_whitespace)
            .map_or(0, |i| {
                i + before[i..].chars().next().map_or(1, char::len_utf8)
            }),
    )
}

/// The end of the span once its last word is gone; none for a one-word span.
fn last_word_dropped(text: &str, r: Range<usize>) -> Option<usize> {
    let inner = &text[r.clone()];
    let space = inner.rfind(char::is_whitespace)?;
    Some(r.start + inner[..space].trim_end().len())
}

/// The start of the span once its first word is gone; none for a one-word span.
fn first_word_dropped(text: &str, r: Range<usize>) -> Option<usize> {
    let inner = &text[r.clone()];
    let space = inner.find(char::is_whitespace)?;
    let rest = &inner[space..];
    Some(r.start + space + (rest.len() - rest.trim_start().len()))
}

/// Moves an offset on a char boundary to the start (or, `forward`, the end) of its
/// grapheme, so a span never splits "e" from its accent or a flag from its other half.
fn snap(text: &str, at: usize, forward: bool) -> usize {
    let mut cursor = GraphemeCursor::new(at, text.len(), true);
    if cursor.is_boundary(text, 0).unwrap_or(true) {
        return at;
    }
    let moved = if forward {
        cursor.next_boundary(text, 0)
    } else {
        cursor.prev_boundary(text, 0)
    };
    moved
        .ok()
        .flatten()
        .unwrap_or(if forward { text.len() } else { 0 })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "He called the meeting “progress” on Tuesday.";

    fn span(s: &str) -> Range<usize> {
        let at = TEXT.find(s).unwrap();
        at..at + s.len()
    }

    fn resized(s: &str, at_start: bool, widen: bool) -> Option<&'static str> {
        resize_by_word(TEXT, span(s), at_start, widen).map(|r| &TEXT[r])
    }

    #[test]
    fn a_word_at_either_end() {
        assert_eq!(resized("“progress”", false, true), Some("“progress” on"));
        assert_eq!(
            resized("“progress”", true, true),
            Some("meeting “progress”")
        );
        assert_eq!(
            resized("the meeting “progress”", false, false),
            Some("the meeting")
        );
        assert_eq!(
            resized("the meeting “progress”", true, false),
            Some("meeting “progress”")
        );
    }

    #[test]
    fn a_one_word_curly_quoted_span_does_not_shrink() {
        assert_eq!(resized("“progress”", false, false), None);
        assert_eq!(resized("“progress”", true, false), None);
    }

    #[test]
    fn spaces_at_the_ends_are_dropped() {
        assert_eq!(
            resized(" the meeting ", false, true),
            Some("the meeting “progress”")
        );
        assert_eq!(resized("called the ", false, false), Some("called"));
        assert_eq!(resized(" called the", true, false), Some("the"));
    }

    #[test]
    fn the_edges_of_the_text_and_of_a_paragraph_stop_it() {
        assert_eq!(resized("He", true, true), None);
        assert_eq!(resized("Tuesday.", false, true), None);
        let text = "One end.\n\nNext start";
        let first = 0..8;
        assert_eq!(resize_by_word(text, first, false, true), None);
        let second = 10..14;
        assert_eq!(resize_by_word(text, second, true, true), None);
        // a line break inside a paragraph is only a space
        assert_eq!(resize_by_word("a\nb", 0..1, false, true), Some(0..3));
    }

    #[test]
    fn bad_ranges_change_nothing() {
        assert_eq!(resize_by_word(TEXT, 5..5, false, true), None);
        assert_eq!(resize_by_word(TEXT, 0..999, false, true), None);
        let inside_quote_mark = TEXT.find('“').unwrap() + 1;
        assert_eq!(
            resize_by_word(TEXT, 0..inside_quote_mark, false, true),
            None
        );
    }

    #[test]
    fn ends_stay_on_graphemes() {
        // an accent after a space is one grapheme with it: the span takes both
        let text = "cafe \u{301}x";
        assert_eq!(resize_by_word(text, 0..4, false, true), Some(0..text.len()));
        // a span ending between a letter and its accent takes the accent when it
        // grows, and leaves the letter when it shrinks
        let text = "ab cd e\u{301} f";
        let inside = text.find('\u{301}').unwrap();
        let after = inside + '\u{301}'.len_utf8();
        assert_eq!(resize_by_word(text, 3..inside, true, true), Some(0..after));
        assert_eq!(
            resize_by_word(text, 0..inside, true, false),
            Some(3..inside - 2)
        );
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Any text, any span on char boundaries, either end, either way: no panic, and
        /// a result is a non-empty span on char boundaries with no space at its ends;
        /// shrinking stays inside the span.
        #[test]
        fn a_resized_span_is_clean(
            text in "[a “”‘’é漢👩\u{301}\u{200d}\n\t\u{a0}.,-]{0,40}",
            a in 0usize..200,
            b in 0usize..200,
            at_start in any::<bool>(),
            widen in any::<bool>(),
        ) {
            let bounds: Vec<usize> = text
                .char_indices()
                .map(|(i, _)| i)
                .chain([text.len()])
                .collect();
            let (a, b) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
            let range = a.min(b)..a.max(b);
            if let Some(r) = resize_by_word(&text, range.clone(), at_start, widen) {
                prop_assert!(r.start < r.end && r.end <= text.len());
                prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                let s = &text[r.clone()];
                prop_assert_eq!(s.trim(), s, "spaces at an end of {:?}", r);
                if !widen {
                    prop_assert!(range.start <= r.start && r.end <= range.end, "{:?} in {:?}", r, range);
                }
            }
        }
    }
}
