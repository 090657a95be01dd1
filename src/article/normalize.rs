//! Turning raw bytes into text that is safe to show: valid UTF-8, LF line ends, no tabs,
//! no escape sequences, no invisible controls, no bidi controls (overrides, isolates, marks).

use super::decode;
use std::fmt;

/// Columns between tab stops when tabs are expanded.
pub const TAB_WIDTH: usize = 4;

/// Something normalisation changed that the reader should be told about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// Invalid UTF-8 sequences were replaced with U+FFFD.
    InvalidUtf8(usize),
    /// A UTF-16 file (read by its byte-order mark) held unpaired surrogates, replaced
    /// with U+FFFD.
    InvalidUtf16(usize),
    /// Terminal escape sequences were removed.
    EscapeSequences(usize),
    /// Control characters were replaced with visible placeholders.
    ControlCharacters(usize),
    /// Bidirectional override or isolate characters were removed.
    BidiControls(usize),
    /// There is no text at all: the input is empty or blank.
    Empty,
    /// A web page in which no article was found: its whole text is shown.
    NoArticle,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        match *self {
            Warning::InvalidUtf8(n) => write!(
                f,
                "{n} invalid UTF-8 sequence{} replaced with \u{FFFD}",
                plural(n)
            ),
            Warning::EscapeSequences(n) => {
                write!(f, "{n} terminal escape sequence{} removed", plural(n))
            }
            Warning::ControlCharacters(n) => write!(
                f,
                "{n} control character{} shown as placeholders",
                plural(n)
            ),
            Warning::InvalidUtf16(n) => write!(
                f,
                "{n} invalid UTF-16 sequence{} replaced with \u{FFFD}",
                plural(n)
            ),
            Warning::BidiControls(n) => {
                write!(f, "{n} bidi control character{} removed", plural(n))
            }
            Warning::Empty => f.write_str("the article is empty: there is no text to show"),
            Warning::NoArticle => {
                f.write_str("no article found in the page: showing all of its text")
            }
        }
    }
}

/// The result of normalising raw bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    /// The safe text.
    pub text: String,
    /// What was changed, in a fixed order.
    pub warnings: Vec<Warning>,
}

/// Normalises raw article bytes (docs/DESIGN.md, "Text").
pub fn normalize(bytes: &[u8]) -> Normalized {
    if let Some(order) = decode::utf16_order(bytes) {
        return normalize_utf16(bytes, order);
    }
    if is_clean(bytes)
        && let Ok(text) = std::str::from_utf8(bytes)
    {
        return Normalized {
            text: text.to_string(),
            warnings: Vec::new(),
        };
    }
    normalize_slow(bytes)
}

/// Like [`normalize`], but reuses the buffer when nothing needs to change.
pub fn normalize_vec(bytes: Vec<u8>) -> Normalized {
    if let Some(order) = decode::utf16_order(&bytes) {
        return normalize_utf16(&bytes, order);
    }
    normalize_vec_not_utf16(bytes)
}

/// Like [`normalize_vec`] for bytes already found not to be UTF-16: the start of a long
/// file cut at its last line break. The reader sniffs the whole start it read; a short
/// cut of it can look like UTF-16 without a byte-order mark when the whole does not, and
/// read so it would not be the start of the whole file's text.
pub fn normalize_vec_not_utf16(bytes: Vec<u8>) -> Normalized {
    if is_clean(&bytes) {
        match String::from_utf8(bytes) {
            Ok(text) => {
                return Normalized {
                    text,
                    warnings: Vec::new(),
                };
            }
            Err(e) => return normalize_slow(e.as_bytes()),
        }
    }
    normalize_slow(&bytes)
}

fn normalize_slow(bytes: &[u8]) -> Normalized {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return finish(text, None);
    }
    let mut invalid = 0;
    let decoded = decode_lossy(bytes, &mut invalid);
    finish(
        &decoded,
        (invalid > 0).then_some(Warning::InvalidUtf8(invalid)),
    )
}

/// A file with a UTF-16 byte-order mark is decoded as UTF-16, then cleaned as any text.
fn normalize_utf16(bytes: &[u8], order: decode::Utf16) -> Normalized {
    let (decoded, invalid) = decode::decode_utf16(bytes, order);
    finish(
        &decoded,
        (invalid > 0).then_some(Warning::InvalidUtf16(invalid)),
    )
}

/// Cleans decoded text; `decoding` is what decoding it had to replace.
fn finish(decoded: &str, decoding: Option<Warning>) -> Normalized {
    let mut counts = Counts::default();
    let text = clean(decoded, &mut counts);
    let mut warnings: Vec<Warning> = decoding.into_iter().collect();
    if counts.escapes > 0 {
        warnings.push(Warning::EscapeSequences(counts.escapes));
    }
    if counts.controls > 0 {
        warnings.push(Warning::ControlCharacters(counts.controls));
    }
    if counts.bidi > 0 {
        warnings.push(Warning::BidiControls(counts.bidi));
    }
    Normalized { text, warnings }
}

/// Makes any string safe to print on a terminal: the same cleaning as articles get,
/// with line breaks and tabs shown as spaces. For names, notes and error messages.
pub fn sanitize_inline(s: &str) -> String {
    let mut counts = Counts::default();
    clean(s, &mut counts).replace('\n', " ")
}

/// Whether the bytes hold nothing normalisation would change (given they are UTF-8):
/// no controls but LF, no CR or tab, no C1 controls, no bidi controls or marks, no line or
/// paragraph separators, no BOM. Most articles are, and skip the slow path.
fn is_clean(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        if block_is(bytes, i, is_plain) {
            i += BLOCK;
            continue;
        }
        match bytes[i] {
            b'\n'
            | 0x20..=0x7e
            | 0x80..=0xc1
            | 0xc3..=0xd7
            | 0xd9..=0xe1
            | 0xe3..=0xee
            | 0xf0..=0xff => {}
            0xc2 if bytes.get(i + 1).is_some_and(|b| (0x80..=0x9f).contains(b)) => return false,
            0xe2 if matches!(
                (bytes.get(i + 1), bytes.get(i + 2)),
                (Some(0x80), Some(0x8e | 0x8f | 0xa8..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
            ) =>
            {
                return false;
            }
            // U+061C, the Arabic letter mark
            0xd8 if bytes.get(i + 1) == Some(&0x9c) => return false,
            0xef if bytes.get(i + 1) == Some(&0xbb) && bytes.get(i + 2) == Some(&0xbf) => {
                return false;
            }
            0xc2 | 0xd8 | 0xe2 | 0xef => {}
            _ => return false,
        }
        i += 1;
    }
    true
}

fn decode_lossy(bytes: &[u8], invalid: &mut usize) -> String {
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            out.push('\u{FFFD}');
            *invalid += 1;
        }
    }
    out
}

#[derive(Default)]
struct Counts {
    escapes: usize,
    controls: usize,
    bidi: usize,
}

const ESC: char = '\u{1b}';
const BEL: char = '\u{7}';
const C1_ST: char = '\u{9c}';

/// A bidirectional formatting character (Unicode's `Bidi_Control` property): the marks
/// (U+061C, U+200E, U+200F), embeddings and overrides (U+202A–U+202E) and isolates
/// (U+2066–U+2069). Each can reorder the text around it on a terminal, so the article
/// and anything printed drop them and the exports escape them; this is their one list.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// A visible stand-in for a control character: the Unicode control pictures for C0 and
/// DEL, the replacement character for C1.
fn placeholder(c: char) -> char {
    match c as u32 {
        n @ 0..=0x1f => char::from_u32(0x2400 + n).unwrap_or('\u{FFFD}'),
        0x7f => '\u{2421}',
        _ => '\u{FFFD}',
    }
}

fn clean(input: &str, counts: &mut Counts) -> String {
    let input = input.strip_prefix('\u{FEFF}').unwrap_or(input);
    let mut text = Cleaned {
        out: String::with_capacity(input.len()),
        column: 0,
        known_at: 0,
    };
    let mut at = 0;
    while at < input.len() {
        // Most text needs nothing: copy it whole, up to the next byte that might.
        let stop = next_unclean(input.as_bytes(), at);
        if stop > at {
            text.run(&input[at..stop]);
            at = stop;
            continue;
        }
        let mut chars = Cursor(input[at..].chars());
        let Some(c) = chars.next() else { break };
        clean_char(c, &mut chars, &mut text, counts);
        // (what the escapes consumed is skipped with them)
        at = input.len() - chars.0.as_str().len();
    }
    text.out
}

/// The clean text so far, and where its column is known.
struct Cleaned {
    out: String,
    // The column is needed only at a tab: it is worked out then, from the text pushed
    // since the last point it was known at (`column` at byte `known_at` of `out`).
    column: usize,
    known_at: usize,
}

impl Cleaned {
    /// Text that needs nothing, copied whole.
    fn run(&mut self, run: &str) {
        self.out.push_str(run);
        if let Some(nl) = memchr::memrchr(b'\n', run.as_bytes()) {
            (self.column, self.known_at) = (0, self.out.len() - run.len() + nl + 1);
        }
    }

    fn newline(&mut self) {
        self.out.push('\n');
        (self.column, self.known_at) = (0, self.out.len());
    }

    /// Spaces to the next tab stop.
    fn tab(&mut self) {
        self.column += self.out[self.known_at..]
            .chars()
            .map(|c| unicode_width::UnicodeWidthChar::width(c).unwrap_or(0))
            .sum::<usize>();
        let spaces = TAB_WIDTH - self.column % TAB_WIDTH;
        self.out.extend(std::iter::repeat_n(' ', spaces));
        (self.column, self.known_at) = (self.column + spaces, self.out.len());
    }
}

/// Cleans the character `c` that may need it (the rest of an escape sequence taken
/// from `chars`), counting what it removed or replaced.
fn clean_char(c: char, chars: &mut Cursor<'_>, text: &mut Cleaned, counts: &mut Counts) {
    match c {
        '\n' | '\u{2028}' | '\u{2029}' => text.newline(),
        '\r' => {
            if chars.peek() == Some('\n') {
                chars.next();
            }
            text.newline();
        }
        '\t' => text.tab(),
        ESC => {
            skip_escape(chars);
            counts.escapes += 1;
        }
        '\u{9b}' => {
            skip_csi_body(chars);
            counts.escapes += 1;
        }
        '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => {
            skip_string_body(chars);
            counts.escapes += 1;
        }
        c if is_bidi_control(c) => counts.bidi += 1,
        c if c.is_control() => {
            text.out.push(placeholder(c));
            counts.controls += 1;
        }
        c => text.out.push(c),
    }
}

/// The first byte at or after `from` that [`clean`] may change: an ASCII control but
/// LF, DEL, or the lead byte of a C1 control, a bidi control or mark, or a line or
/// paragraph separator. The text before it is copied unchanged.
fn next_unclean(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while i < bytes.len() {
        // (blocks of printable ASCII and line breaks, the cheapest test, then one table
        // lookup a byte to the end of the block that failed it; only the lead bytes of
        // suspects look further)
        while block_is(bytes, i, is_plain) {
            i += BLOCK;
        }
        let block_end = bytes.len().min(i + BLOCK);
        while i < block_end && !SUSPECT[usize::from(bytes[i])] {
            i += 1;
        }
        if i == block_end {
            continue;
        }
        match bytes.get(i..).unwrap_or_default() {
            [] => break,
            [0xc2, 0x80..=0x9f, ..]
            | [0xd8, 0x9c, ..]
            | [0xe2, 0x80, 0x8e | 0x8f | 0xa8..=0xae, ..]
            | [0xe2, 0x81, 0xa6..=0xa9, ..]
            | [0x00..=0x1f | 0x7f, ..] => return i,
            _ => i += 1,
        }
    }
    i
}

/// Bytes looked at in one step by [`is_clean`] and [`next_unclean`] (and the store's
/// string escaping).
pub const BLOCK: usize = 16;

/// Whether the [`BLOCK`] bytes from `at` are all there and all pass `test`: written
/// without an early exit, so that the compiler tests them side by side (news text is
/// mostly printable ASCII, and each byte alone cost a branch).
#[inline(always)]
pub fn block_is(bytes: &[u8], at: usize, test: impl Fn(u8) -> bool) -> bool {
    match bytes.get(at..).and_then(|rest| rest.first_chunk::<BLOCK>()) {
        Some(block) => block.iter().fold(true, |all, &b| all & test(b)),
        None => false,
    }
}

/// Printable ASCII or a line break: what most of a news text is, and the cheapest
/// test for [`block_is`] (a block that fails it is looked at byte by byte).
#[inline(always)]
fn is_plain(b: u8) -> bool {
    b == b'\n' || (0x20..=0x7e).contains(&b)
}

/// The bytes [`next_unclean`] stops at: ASCII controls but LF, DEL, and the lead bytes
/// of U+0080–U+00BF, U+0600–U+063F (the Arabic letter mark) and U+2000–U+2FFF.
static SUSPECT: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b != b'\n' as usize;
        b += 1;
    }
    table[0x7f] = true;
    table[0xc2] = true;
    table[0xd8] = true;
    table[0xe2] = true;
    table
};

mod escapes;
use escapes::{Cursor, skip_csi_body, skip_escape, skip_string_body};

#[cfg(test)]
mod tests;
