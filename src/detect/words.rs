//! Words as byte ranges, and the small tests on them that every part of the detector uses.

use std::ops::Range;

/// A word: letters and digits, with inner apostrophes, hyphens, periods and ampersands
/// ("don't", "Chung-ling", "U.S", "AT&T").
pub type Word = Range<usize>;

/// The words of `range` in `text`, in order.
pub fn words(text: &str, range: Range<usize>) -> Vec<Word> {
    let s = &text[range.clone()];
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(s.len() / 6);
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII fast path; other characters are decoded.
        let (alnum, len) = if b < 0x80 {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            let c = s[i..].chars().next().unwrap_or(' ');
            (c.is_alphanumeric(), c.len_utf8())
        };
        let joiner = !alnum
            && start.is_some()
            && (matches!(b, b'\'' | b'-' | b'.' | b'&') || s[i..].starts_with('’'))
            && s[i + len..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
        if alnum || joiner {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(st) = start.take() {
            out.push(range.start + st..range.start + i);
        }
        i += len;
    }
    if let Some(st) = start {
        out.push(range.start + st..range.end);
    }
    out
}

/// ASCII-lower-cases `word` into `buf` when it fits, else returns an owned copy; the
/// detector calls this for every word, so the common case must not allocate.
pub fn lower<'a>(word: &str, buf: &'a mut [u8; 32]) -> std::borrow::Cow<'a, str> {
    let bytes = word.as_bytes();
    if bytes.len() <= buf.len() && word.is_ascii() {
        let out = &mut buf[..bytes.len()];
        out.copy_from_slice(bytes);
        out.make_ascii_lowercase();
        match std::str::from_utf8(out) {
            Ok(s) => std::borrow::Cow::Borrowed(s),
            Err(_) => std::borrow::Cow::Owned(word.to_lowercase()),
        }
    } else {
        std::borrow::Cow::Owned(word.to_lowercase())
    }
}

/// Whether a word starts with a capital letter.
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether every letter of the word is a capital (a headline or an acronym).
pub fn is_all_caps(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(char::is_uppercase)
}

/// The last character that is not a space before `at`, with its offset.
pub fn prev_char(text: &str, at: usize) -> Option<(usize, char)> {
    text[..at]
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_whitespace())
}

/// The largest char boundary of `text` at or below `at`.
pub fn floor_boundary(text: &str, at: usize) -> usize {
    let mut i = at.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_inner_punctuation() {
        let s = "Chen Zuo'er, the U.S. envoy, don’t (AT&T) Chung-ling.";
        let w: Vec<&str> = words(s, 0..s.len()).into_iter().map(|r| &s[r]).collect();
        assert_eq!(
            w,
            vec![
                "Chen",
                "Zuo'er",
                "the",
                "U.S",
                "envoy",
                "don’t",
                "AT&T",
                "Chung-ling"
            ]
        );
    }

    #[test]
    fn lower_does_not_allocate_for_ascii() {
        let mut buf = [0u8; 32];
        assert!(matches!(
            lower("Said", &mut buf),
            std::borrow::Cow::Borrowed("said")
        ));
        assert_eq!(lower("Élysée", &mut buf), "élysée");
    }
}
