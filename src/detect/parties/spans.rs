//! The words of a phrase as the side matcher reads them: runs of letters, digits,
//! dots and apostrophes (split at spaces, hyphens and slashes), with their
//! punctuation trimmed. Every byte of an article's opening and of many phrases passes
//! through here, so a run of ASCII is passed one table step a byte, and the words in
//! lower case, which start no name, can be jumped over.

use super::super::bytes::{HIGH_BITS, LOW_BITS, capital_or_wide, has_byte};
use std::ops::Range;

/// The words of `phrase`, as byte ranges. An iterator, so that matching allocates
/// nothing; cloning it looks ahead.
pub(super) fn word_spans(phrase: &str) -> WordSpans<'_> {
    WordSpans { phrase, at: 0 }
}

#[derive(Debug, Clone)]
pub(super) struct WordSpans<'a> {
    phrase: &'a str,
    /// Where the next word is looked for: the phrase's start or the end of a run.
    at: usize,
}

/// The ASCII bytes that belong to a word: letters, digits, '.' and '\''.
static ASCII_IN_WORD: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        table[b] = byte.is_ascii_alphanumeric() || byte == b'.' || byte == b'\'';
        b += 1;
    }
    table
};

/// Whether a character outside ASCII belongs to a word.
fn wide_in_word(c: char) -> bool {
    c == '’' || is_alphanumeric(c)
}

/// `char::is_alphanumeric`, told at once for the wide characters news text holds most:
/// the general punctuation block (dashes, curly quotation marks, spaces), which has no
/// letter or digit, and the accented Latin letters, which are all letters but two
/// signs. The standard test looks every other wide character up in Unicode's tables,
/// some 350 instructions a time, and every wide character of every opening passes
/// through here.
#[inline(always)]
fn is_alphanumeric(c: char) -> bool {
    match u32::from(c) {
        0x2000..=0x206F => false,
        0xC0..=0x24F => c != '×' && c != '÷',
        _ => c.is_alphanumeric(),
    }
}

/// Whether the character at byte `i` belongs to a word, and its length.
#[inline(always)]
fn inside_at(phrase: &str, i: usize) -> (bool, usize) {
    match ASCII_IN_WORD.get(usize::from(phrase.as_bytes()[i])) {
        Some(&inside) => (inside, 1),
        None => {
            let c = phrase[i..].chars().next().unwrap_or(' ');
            (wide_in_word(c), c.len_utf8())
        }
    }
}

/// Whether the character that ends at byte `i` belongs to a word, and its length.
fn inside_before(phrase: &str, i: usize) -> (bool, usize) {
    match ASCII_IN_WORD.get(usize::from(phrase.as_bytes()[i - 1])) {
        Some(&inside) => (inside, 1),
        None => {
            let c = phrase[..i].chars().next_back().unwrap_or(' ');
            (wide_in_word(c), c.len_utf8())
        }
    }
}

/// The word of the run `start..end` (its letters and digits and what lies between
/// them), if it has any.
#[inline(always)]
fn trimmed(phrase: &str, start: usize, end: usize, ascii: bool) -> Option<Range<usize>> {
    if !ascii {
        return trimmed_wide(phrase, start, end);
    }
    // (the common case, trimmed by byte: an ASCII letter or digit is exactly an
    // alphanumeric character there)
    let bytes = &phrase.as_bytes()[start..end];
    let first = bytes.iter().position(u8::is_ascii_alphanumeric)?;
    let last = bytes
        .iter()
        .rposition(u8::is_ascii_alphanumeric)
        .unwrap_or(first);
    Some(start + first..start + last + 1)
}

/// [`trimmed`] for a run with characters outside ASCII.
fn trimmed_wide(phrase: &str, start: usize, end: usize) -> Option<Range<usize>> {
    let w = &phrase[start..end];
    let t = w.trim_matches(|c: char| !is_alphanumeric(c));
    if t.is_empty() {
        return None;
    }
    let lead = w.len() - w.trim_start_matches(|c: char| !is_alphanumeric(c)).len();
    Some(start + lead..start + lead + t.len())
}

/// The top bit of each byte of `x` set where that byte belongs to a word in ASCII: a
/// letter or a digit (as the detector's word scanner tells them), '.' or '\''. (For a
/// 7-bit byte, adding 0x7F sets its top bit unless it is zero.)
fn ascii_in_word(x: u64) -> u64 {
    let low7 = x & !HIGH_BITS;
    let is = |c: u8| {
        let v = low7 ^ (LOW_BITS * u64::from(c));
        !v.wrapping_add(LOW_BITS * 0x7F) & HIGH_BITS
    };
    (crate::detect::words::alnum_bytes(x) | ((is(b'.') | is(b'\'')) & !x)) & HIGH_BITS
}

/// Where the run of ASCII bytes that belong to words, from `at`, ends: eight bytes at
/// a time (a word's letters went one table step a byte, the most of the side
/// matcher's scan of an opening), the last few left to the caller.
fn ascii_word_end(bytes: &[u8], mut at: usize) -> usize {
    while let Some(eight) = bytes.get(at..).and_then(|rest| rest.first_chunk::<8>()) {
        let others = !ascii_in_word(u64::from_le_bytes(*eight)) & HIGH_BITS;
        if others != 0 {
            return at + (others.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    at
}

impl WordSpans<'_> {
    /// Moves past the characters that belong to words (`inside`) or not, to the
    /// first that does the other; whether one outside ASCII was passed.
    #[inline(always)]
    fn pass(&mut self, inside: bool) -> bool {
        let bytes = self.phrase.as_bytes();
        if inside {
            self.at = ascii_word_end(bytes, self.at);
        }
        let mut wide = false;
        // (an ASCII byte is one step of the table; only others are decoded)
        while self.at < bytes.len() {
            let (in_word, n) = inside_at(self.phrase, self.at);
            if in_word != inside {
                break;
            }
            wide |= n > 1;
            self.at += n;
        }
        wide
    }

    /// Passes over the words before the next that may start a name: those with
    /// neither an ASCII capital nor a character outside ASCII, which start with a
    /// lower-case letter or a digit that is not one of `lower_starts` (the first bytes
    /// of the names that start in lower case). Whether it passed one.
    pub(super) fn skip_to_capital(&mut self, lower_starts: &[u8]) -> bool {
        let bytes = self.phrase.as_bytes();
        let mut at = self.at;
        loop {
            at = next_stop(bytes, at, lower_starts);
            // (a byte of `lower_starts` inside a word starts no name: passed)
            match bytes.get(at) {
                Some(&b)
                    if b.is_ascii() && !b.is_ascii_uppercase() && !starts_word(self.phrase, at) =>
                {
                    at += 1
                }
                _ => break,
            }
        }
        // (back to the start of the run that holds it, if any: that run is not passed)
        if at < bytes.len() && inside_at(self.phrase, at).0 {
            while at > self.at {
                let (inside, n) = inside_before(self.phrase, at);
                if !inside {
                    break;
                }
                at -= n;
            }
        }
        let passed_word = bytes[self.at..at].iter().any(u8::is_ascii_alphanumeric);
        self.at = at;
        passed_word
    }
}

/// The first byte from `at` that is an ASCII capital, outside ASCII or one of `lower`
/// (or the end).
#[inline(always)]
fn next_stop(bytes: &[u8], mut at: usize, lower: &[u8]) -> usize {
    // (eight bytes at a time while none stops, then by byte)
    while let Some(eight) = bytes
        .get(at..at + 8)
        .and_then(|e| <[u8; 8]>::try_from(e).ok())
    {
        let x = u64::from_le_bytes(eight);
        if capital_or_wide(x) || lower.iter().any(|&b| has_byte(x, b)) {
            break;
        }
        at += 8;
    }
    while let Some(&b) = bytes.get(at) {
        if b.is_ascii_uppercase() || !b.is_ascii() || lower.contains(&b) {
            break;
        }
        at += 1;
    }
    at
}

/// Whether the byte at `at` is a word's first letter or digit: before it, back to the
/// start of its run, only dots and apostrophes, as [`trimmed`] takes them off.
fn starts_word(phrase: &str, mut at: usize) -> bool {
    let bytes = phrase.as_bytes();
    while at > 0 && matches!(bytes[at - 1], b'.' | b'\'') {
        at -= 1;
    }
    at == 0 || !inside_before(phrase, at).0
}

impl Iterator for WordSpans<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            self.pass(false);
            if self.at >= self.phrase.len() {
                return None;
            }
            let start = self.at;
            let ascii = !self.pass(true);
            if let Some(word) = trimmed(self.phrase, start, self.at, ascii) {
                return Some(word);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Jumping to each capital (or word that starts with one of the given bytes)
    /// passes only words in lower case or that start with a digit and with none of
    /// those bytes, says whether it passed any, and lands on the words reading
    /// forwards gives.
    #[test]
    fn jumping_to_capitals_passes_only_words_in_lower_case() {
        for lower in [&b""[..], b"a", b"o1", b"tlm"] {
            for phrase in [
                "the U.S. and 'Japan' met ... in Geneva’s old town",
                "’Tis naïve Élysée talks — São Paulo, anti-Moscow",
                "... 'x' .. Canada",
                "",
                "lower case only, no capital 1987",
                "a long run of words in lower case before the Capital, and then more of them",
                "thirty-two bytes of lower case.. then é and more words then Z",
                "x'al-aqsa, 'al ..ob o.o 1on ta-la mot-mot lt.m",
            ] {
                jump_through(phrase, lower);
            }
        }
    }

    fn jump_through(phrase: &str, lower: &[u8]) {
        let all: Vec<Range<usize>> = word_spans(phrase).collect();
        let mut words = word_spans(phrase);
        loop {
            let from = words.at;
            let passed = words.skip_to_capital(lower);
            let to = words.at;
            let skipped: Vec<&str> = all
                .iter()
                .filter(|s| s.start >= from && s.end <= to)
                .map(|s| &phrase[s.clone()])
                .collect();
            assert_eq!(passed, !skipped.is_empty(), "{phrase:?} {from}..{to}");
            assert!(
                skipped
                    .iter()
                    .all(|w| !w.contains(char::is_uppercase) && !lower.contains(&w.as_bytes()[0])),
                "{phrase:?} {lower:?} {skipped:?}"
            );
            let Some(w) = words.next() else { break };
            assert!(all.contains(&w), "{phrase:?} {w:?}");
        }
    }

    /// Jumping stops at every word that starts with one of the given bytes.
    #[test]
    fn jumping_stops_at_words_that_start_with_the_given_bytes() {
        let phrase = "x'al-aqsa, 'al ..ob o.o 1on ta-la mot-mot lt.m and a long tail of words";
        let mut words = word_spans(phrase);
        let mut landed = Vec::new();
        loop {
            words.skip_to_capital(b"ao");
            let Some(w) = words.next() else { break };
            landed.push(&phrase[w]);
        }
        assert_eq!(landed, ["aqsa", "al", "ob", "o.o", "and", "a", "of"]);
    }

    /// The byte test agrees with a byte-by-byte one for every byte at every place.
    /// The eight-byte test of word bytes agrees with the table for every byte at
    /// every place, and a run ends where the table ends it (or before its last few
    /// bytes, left to the byte loop).
    #[test]
    fn word_bytes_are_told_eight_at_a_time_as_the_table_tells_them() {
        let in_word = |b: u8| ASCII_IN_WORD.get(usize::from(b)).copied().unwrap_or(false);
        for place in 0..8 {
            for b in 0..=255u8 {
                let mut eight = *b"aZ.'9 x-";
                eight[place] = b;
                let mask = ascii_in_word(u64::from_le_bytes(eight));
                for (i, &byte) in eight.iter().enumerate() {
                    assert_eq!(
                        mask >> (8 * i + 7) & 1 == 1,
                        in_word(byte),
                        "{byte:#x} at {i}"
                    );
                }
            }
        }
        let text = b"U.S.'s Abc09z words'. (and more)";
        for start in 0..text.len() {
            let end = (start..text.len())
                .find(|&i| !in_word(text[i]))
                .unwrap_or(text.len());
            let fast = ascii_word_end(text, start);
            assert!(
                fast == end || (fast < end && fast + 8 > text.len()),
                "{start}"
            );
        }
    }

    /// The quick test of a letter or digit says what the standard one says of every
    /// character.
    #[test]
    fn letters_and_digits_are_told_as_the_standard_test_tells_them() {
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    /// The eight-byte test agrees with a byte-by-byte one for every byte at every place.
    #[test]
    fn the_eight_byte_test_finds_each_capital_and_wide_byte() {
        let stops = |b: u8| b.is_ascii_uppercase() || !b.is_ascii();
        for place in 0..8 {
            for b in 0..=255u8 {
                let mut eight = *b"abc 12.z";
                eight[place] = b;
                let x = u64::from_le_bytes(eight);
                assert_eq!(capital_or_wide(x), stops(b), "byte {b:#x} at {place}");
            }
        }
    }
}
