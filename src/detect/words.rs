//! Words as byte ranges, and the small tests on them that every part of the detector uses.

use super::bytes::{HIGH_BITS, LOW_BITS};
use std::borrow::Cow;
use std::ops::Range;

/// A word: letters and digits, with inner apostrophes, hyphens, periods and ampersands
/// ("don't", "Chung-ling", "U.S", "AT&T").
pub type Word = Range<usize>;

/// The words of `range` in `text`, in order.
pub fn words(text: &str, range: Range<usize>) -> Vec<Word> {
    let mut out = Vec::with_capacity(range.len() / 6);
    push_words(text, range, &mut out);
    out
}

/// The marks of asides that the word scanner passed: a sentence without them has no
/// aside to look for.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct AsideMarks {
    /// An opening parenthesis.
    pub parenthesis: bool,
    /// Two hyphens in a row.
    pub double_hyphen: bool,
    /// An em dash.
    pub em_dash: bool,
    /// An en dash.
    pub en_dash: bool,
}

/// What a byte is to the word scanner, looked up in one step.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ByteClass {
    /// An ASCII letter or digit: inside a word.
    Alnum,
    /// A space or punctuation that never joins a word: outside one.
    Separator,
    /// A possible joiner (' - . &), an opening parenthesis or a byte of a character
    /// outside ASCII: looked at closely.
    Other,
}

static BYTE_CLASS: [ByteClass; 256] = {
    let mut table = [ByteClass::Other; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        table[b] = if byte.is_ascii_alphanumeric() {
            ByteClass::Alnum
        } else if matches!(byte, b'\'' | b'-' | b'.' | b'&' | b'(') {
            ByteClass::Other
        } else {
            ByteClass::Separator
        };
        b += 1;
    }
    table
};

/// Appends the words of `range` in `text` to `out` (a buffer reused from sentence to
/// sentence), and tells which marks of asides it passed.
pub fn push_words(text: &str, range: Range<usize>, out: &mut Vec<Word>) -> AsideMarks {
    let s = &text[range.clone()];
    let bytes = s.as_bytes();
    let class = |i: usize| BYTE_CLASS[usize::from(bytes[i])];
    let mut marks = AsideMarks::default();
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        // Fast paths for runs of ASCII letters and digits and for separators; joiners
        // and other characters are decoded.
        match class(i) {
            ByteClass::Alnum => {
                let st = *start.get_or_insert(i);
                i = alnum_run_end(bytes, i + 1);
                // (most words end at a space or a comma: ended here, without going
                // round the loop for it)
                if i < bytes.len() && BYTE_CLASS[usize::from(bytes[i])] == ByteClass::Separator {
                    out.push(range.start + st..range.start + i);
                    start = None;
                    i += 1;
                }
                continue;
            }
            ByteClass::Separator => {
                if let Some(st) = start.take() {
                    out.push(range.start + st..range.start + i);
                }
                i += 1;
                continue;
            }
            ByteClass::Other => {}
        }
        let b = bytes[i];
        let (alnum, len) = if b < 0x80 {
            marks.parenthesis |= b == b'(';
            marks.double_hyphen |= b == b'-' && bytes.get(i + 1) == Some(&b'-');
            (false, 1)
        } else {
            let c = s[i..].chars().next().unwrap_or(' ');
            marks.em_dash |= c == '—';
            marks.en_dash |= c == '–';
            (is_alphanumeric(c), c.len_utf8())
        };
        let joiner = !alnum
            && start.is_some()
            && (matches!(b, b'\'' | b'-' | b'.' | b'&') || s[i..].starts_with('’'))
            && s[i + len..].chars().next().is_some_and(is_alphanumeric);
        if alnum || joiner {
            start.get_or_insert(i);
        } else if let Some(st) = start.take() {
            out.push(range.start + st..range.start + i);
        }
        i += len;
    }
    if let Some(st) = start {
        out.push(range.start + st..range.end);
    }
    marks
}

/// Whether `range` of `text` may hold a word of the first person plural ("we", "us",
/// "our", "ourselves", in any case) as [`push_words`] splits it: each of those words is
/// a whole run of ASCII letters, looked for here without splitting the range's words
/// (most quotations hold none, and their words were split for nothing).
pub fn may_hold_we(text: &str, range: Range<usize>) -> bool {
    let bytes = &text.as_bytes()[range];
    let mut i = 0;
    while i < bytes.len() {
        if BYTE_CLASS[usize::from(bytes[i])] != ByteClass::Alnum {
            i += 1;
            continue;
        }
        let end = alnum_run_end(bytes, i + 1);
        let run = &bytes[i..end];
        if [&b"we"[..], b"us", b"our", b"ourselves"]
            .iter()
            .any(|w| run.eq_ignore_ascii_case(w))
        {
            return true;
        }
        i = end;
    }
    false
}

/// The marks of asides in `range` of `text`, as [`push_words`] tells them, without
/// splitting the range's words (for a range whose words are known already): every
/// '(', "--", em dash and en dash of the range is one that the scanner passes.
pub fn aside_marks(text: &str, range: Range<usize>) -> AsideMarks {
    let bytes = &text.as_bytes()[range];
    let mut marks = AsideMarks::default();
    // (0xE2 leads both dashes' three bytes, U+2014 and U+2013)
    for i in memchr::memchr3_iter(b'(', b'-', 0xE2, bytes) {
        match bytes[i] {
            b'(' => marks.parenthesis = true,
            b'-' => marks.double_hyphen |= bytes.get(i + 1) == Some(&b'-'),
            _ => match bytes.get(i + 1..i + 3) {
                Some([0x80, 0x94]) => marks.em_dash = true,
                Some([0x80, 0x93]) => marks.en_dash = true,
                _ => {}
            },
        }
    }
    marks
}

/// Where the run of ASCII letters and digits from `i` ends: eight bytes at a time,
/// tested side by side as one number (a word ended a byte-by-byte loop with a branch
/// the processor guessed wrong), then byte by byte.
fn alnum_run_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes.get(i..).and_then(|rest| rest.first_chunk::<8>()) {
        let others = !alnum_bytes(u64::from_le_bytes(*chunk)) & HIGH_BITS;
        if others != 0 {
            return i + (others.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && BYTE_CLASS[usize::from(bytes[i])] == ByteClass::Alnum {
        i += 1;
    }
    i
}

/// The high bit of each byte of `x` set where that byte is an ASCII letter or digit.
pub(in crate::detect) fn alnum_bytes(x: u64) -> u64 {
    let ascii = !x & HIGH_BITS;
    let low7 = x & !HIGH_BITS;
    // (for 7-bit bytes: setting the high bit before subtracting keeps each byte's
    // borrow inside it; the high bit left says which side of the bound the byte is)
    let within = |v: u64, lo: u8, hi: u8| {
        let at_least = (v | HIGH_BITS).wrapping_sub(LOW_BITS * u64::from(lo));
        let at_most = ((LOW_BITS * u64::from(hi)) | HIGH_BITS).wrapping_sub(v);
        at_least & at_most & HIGH_BITS
    };
    // (a capital with the 0x20 bit set is its small letter)
    let letters = within(low7 | (LOW_BITS * 0x20), b'a', b'z');
    (within(low7, b'0', b'9') | letters) & ascii
}

/// [`char::is_alphanumeric`], answering for the dashes and curly quotes of news copy
/// (General Punctuation, U+2000–U+206F, which holds no letter or digit) without the
/// Unicode tables.
fn is_alphanumeric(c: char) -> bool {
    !matches!(c, '\u{2000}'..='\u{206F}') && c.is_alphanumeric()
}

/// `word` without the suffix `end`, taken off as often as it repeats: what
/// `trim_end_matches(end)` gives, by a comparison of the last bytes instead of the
/// substring searcher `trim_end_matches` builds on every call (the detector trims
/// possessives off every word of an article's opening).
pub fn trim_end_all<'a>(mut word: &'a str, end: &str) -> &'a str {
    while let Some(rest) = word.strip_suffix(end) {
        word = rest;
    }
    word
}

/// `word` without its possessive endings, straight then curly ("Smith's",
/// "Smith’s" → "Smith").
pub fn trim_possessive(word: &str) -> &str {
    trim_end_all(trim_end_all(word, "'s"), "’s")
}

/// The lower-case form of `word`: the word itself when it has no capital (most words),
/// else an ASCII-lower-cased copy in `buf` when it fits, else an owned copy. The
/// detector calls this for every word, so the common cases must not allocate. (Inlined
/// up to the first capital: a word without one costs one pass and no call.)
#[inline]
pub fn lower<'a>(word: &'a str, buf: &'a mut [u8; 32]) -> Cow<'a, str> {
    match word
        .bytes()
        .position(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        None => Cow::Borrowed(word),
        Some(first) => lower_from(word, first, buf),
    }
}

/// [`lower`] of a word whose bytes before `first` are ASCII and in lower case: one
/// pass that copies the word lowered and gives up at a byte outside ASCII.
fn lower_from<'a>(word: &'a str, first: usize, buf: &'a mut [u8; 32]) -> Cow<'a, str> {
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() || !bytes[first].is_ascii() {
        return Cow::Owned(word.to_lowercase());
    }
    let out = &mut buf[..bytes.len()];
    for (i, &b) in bytes.iter().enumerate() {
        if !b.is_ascii() {
            return Cow::Owned(word.to_lowercase());
        }
        out[i] = b.to_ascii_lowercase();
    }
    match std::str::from_utf8(out) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => Cow::Owned(word.to_ascii_lowercase()),
    }
}

/// Whether a word starts with a capital letter. (Inlined: the ASCII test is a few
/// instructions, the call around it more, and the detector asks it of most words.)
#[inline]
pub fn is_capitalized(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => word.chars().next().is_some_and(char::is_uppercase),
    }
}

/// Whether the text at `at` (a word's start) is a capital letter: [`is_capitalized`]
/// without cutting the word out first.
#[inline]
pub fn starts_with_capital(text: &str, at: usize) -> bool {
    match text.as_bytes().get(at) {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => text.get(at..).is_some_and(is_capitalized),
    }
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

/// Whether the dot at byte `i` of `s` is one of an initialism's ("U.S.", "U.N."): it
/// follows a single capital that follows a dot, a space or the start. Such a dot ends
/// no phrase: "Jo Bell, the U.S. envoy, said" holds one appositive.
pub fn is_initialism_dot(s: &str, i: usize) -> bool {
    let b = s.as_bytes();
    b.get(i) == Some(&b'.')
        && i >= 1
        && b[i - 1].is_ascii_uppercase()
        && (i == 1 || matches!(b[i - 2], b'.' | b' '))
}

/// The text of word `k` of `ws`, if there is one.
pub fn word_at<'a>(text: &'a str, ws: &[Word], k: usize) -> Option<&'a str> {
    ws.get(k).map(|w| &text[w.clone()])
}

/// Whether one space, and nothing else, parts word `k` of `ws` from the next.
pub fn one_space_after(text: &str, ws: &[Word], k: usize) -> bool {
    ws.get(k + 1)
        .is_some_and(|b| &text[ws[k].end..b.start] == " ")
}

/// The largest char boundary of `text` at or below `at`.
pub fn floor_boundary(text: &str, at: usize) -> usize {
    let mut i = at.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The words of a verb's object among `ws` (the words after the verb): up to a "that"
/// which opens a noun's complement ("rejected suggestions that Jakarta would …": the
/// side in it is what was suggested, not the one rejected); a "that" right after the
/// verb is its own clause ("warned that Marova would pay") and cuts nothing.
pub fn hostile_object<'w>(text: &str, ws: &'w [Word]) -> &'w [Word] {
    let complement = ws
        .iter()
        .skip(1)
        .position(|w| text[w.clone()].eq_ignore_ascii_case("that"));
    &ws[..complement.map_or(ws.len(), |k| k + 1)]
}

#[cfg(test)]
mod tests;
