//! Measuring text as the terminal shows it: graphemes and their widths, with plain ASCII
//! taken a byte at a time instead of through grapheme segmentation.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Display width of a piece of text, grapheme by grapheme as ratatui measures it.
pub fn text_width(s: &str) -> usize {
    graphemes(s).map(|(_, g)| grapheme_width(g)).sum()
}

/// The graphemes of `s` with their offsets, as `s.grapheme_indices(true)` gives them,
/// without the cost of segmenting plain ASCII: a printable ASCII character followed by
/// ASCII (or by nothing) is a grapheme on its own. Only the stretches around other
/// characters are segmented, each from and to a place where two printable ASCII
/// characters meet, which is always a grapheme boundary.
pub fn graphemes(s: &str) -> Graphemes<'_> {
    Graphemes {
        s,
        at: 0,
        stretch: None,
    }
}

/// The iterator of `graphemes`.
#[derive(Debug, Clone)]
pub struct Graphemes<'a> {
    s: &'a str,
    /// Where the next grapheme starts, outside a stretch.
    at: usize,
    /// A stretch being segmented, and where it starts.
    stretch: Option<(usize, unicode_segmentation::GraphemeIndices<'a>)>,
}

/// Whether a byte is a printable ASCII character (a space to `~`).
pub fn printable_ascii(b: u8) -> bool {
    (0x20..0x7f).contains(&b)
}

impl<'a> Iterator for Graphemes<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        if let Some((base, stretch)) = &mut self.stretch {
            if let Some((i, g)) = stretch.next() {
                return Some((*base + i, g));
            }
            self.stretch = None;
        }
        let bytes = self.s.as_bytes();
        let i = self.at;
        let &b = bytes.get(i)?;
        // (a combining mark or joiner after it would make a longer grapheme)
        if printable_ascii(b) && bytes.get(i + 1).is_none_or(u8::is_ascii) {
            self.at = i + 1;
            return Some((i, &self.s[i..i + 1]));
        }
        let mut end = i + 1;
        while end < bytes.len() && !(printable_ascii(bytes[end - 1]) && printable_ascii(bytes[end]))
        {
            end += 1;
        }
        self.at = end;
        let mut stretch = self.s[i..end].grapheme_indices(true);
        let first = stretch.next().map(|(j, g)| (i + j, g));
        self.stretch = Some((i, stretch));
        first
    }
}

/// Display width of one grapheme; line breaks count as one space.
pub fn grapheme_width(g: &str) -> usize {
    match g.as_bytes() {
        [b] if printable_ascii(*b) => 1,
        b"\n" => 1,
        _ => g.width(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn graphemes_are_those_of_unicode_segmentation(
            s in "[a-z .,\"\n\t\r\u{1b}\u{7}\u{301}\u{200d}\u{600}\u{ff9e}“”—漢👍🇺🇸]{0,32}",
        ) {
            let fast: Vec<_> = graphemes(&s).collect();
            let slow: Vec<_> = s.grapheme_indices(true).collect();
            proptest::prop_assert_eq!(fast, slow);
        }
    }
}
