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
        if block_is(bytes, i, |b| b == b'\n' || (0x20..=0x7e).contains(&b)) {
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
        // (blocks of bytes none of which is a suspect, then one table lookup a byte;
        // only the lead bytes of suspects look further)
        while block_is(bytes, i, |b| !is_suspect(b)) {
            i += BLOCK;
        }
        while i < bytes.len() && !SUSPECT[usize::from(bytes[i])] {
            i += 1;
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

/// [`SUSPECT`] as arithmetic, for [`block_is`].
#[inline(always)]
fn is_suspect(b: u8) -> bool {
    (b < 0x20 && b != b'\n') | (b == 0x7f) | (b == 0xc2) | (b == 0xd8) | (b == 0xe2)
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

/// Characters with a look at the next one, that can tell where they are.
struct Cursor<'a>(std::str::Chars<'a>);

impl Cursor<'_> {
    fn next(&mut self) -> Option<char> {
        self.0.next()
    }

    fn peek(&self) -> Option<char> {
        self.0.clone().next()
    }

    fn next_if(&mut self, pred: impl Fn(&char) -> bool) -> Option<char> {
        let c = self.peek().filter(|c| pred(c))?;
        self.0.next();
        Some(c)
    }

    fn next_if_eq(&mut self, c: &char) -> Option<char> {
        self.next_if(|n| n == c)
    }
}

type Chars<'a> = Cursor<'a>;

/// Skips what follows an ESC: a CSI, a string sequence (OSC, DCS, SOS, PM, APC), or a
/// short escape (intermediates then one final character).
fn skip_escape(chars: &mut Chars<'_>) {
    match chars.peek() {
        Some('[') => {
            chars.next();
            skip_csi_body(chars);
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            chars.next();
            skip_string_body(chars);
        }
        Some(c) if ('\u{20}'..='\u{2f}').contains(&c) => {
            while chars
                .next_if(|c| ('\u{20}'..='\u{2f}').contains(c))
                .is_some()
            {}
            chars.next_if(|c| ('\u{30}'..='\u{7e}').contains(c));
        }
        Some(c) if ('\u{30}'..='\u{7e}').contains(&c) => {
            chars.next();
        }
        _ => {}
    }
}

/// Parameters and intermediates, then one final byte. A character that cannot belong to
/// a CSI ends it without being consumed, so text after a broken sequence survives.
fn skip_csi_body(chars: &mut Chars<'_>) {
    while chars
        .next_if(|c| ('\u{20}'..='\u{3f}').contains(c))
        .is_some()
    {}
    chars.next_if(|c| ('\u{40}'..='\u{7e}').contains(c));
}

/// Everything up to BEL, ESC \ or C1 ST. An unterminated sequence ends at the line end,
/// so a stray OSC cannot swallow the rest of the article.
fn skip_string_body(chars: &mut Chars<'_>) {
    while let Some(c) = chars.peek() {
        match c {
            BEL | C1_ST => {
                chars.next();
                return;
            }
            ESC => {
                chars.next();
                chars.next_if_eq(&'\\');
                return;
            }
            '\n' | '\r' => return,
            _ => {
                chars.next();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8]) -> String {
        normalize(bytes).text
    }

    #[test]
    fn invalid_utf8_becomes_replacement_with_warning() {
        let n = normalize(b"caf\xe9 ok \xff\xfe");
        assert_eq!(n.text, "caf\u{FFFD} ok \u{FFFD}\u{FFFD}");
        assert_eq!(n.warnings, vec![Warning::InvalidUtf8(3)]);
    }

    #[test]
    fn bom_is_stripped_and_line_ends_unified() {
        assert_eq!(text("\u{FEFF}a\r\nb\rc\n".as_bytes()), "a\nb\nc\n");
    }

    #[test]
    fn utf16_with_its_bom_is_decoded() {
        let text = "Ind\r\n“wet foot”\tdry";
        for bom in [[0xFF, 0xFE], [0xFE, 0xFF]] {
            let mut bytes = bom.to_vec();
            for u in text.encode_utf16() {
                bytes.extend(if bom[0] == 0xFF {
                    u.to_le_bytes()
                } else {
                    u.to_be_bytes()
                });
            }
            let n = normalize(&bytes);
            assert_eq!(n.text, "Ind\n“wet foot”  dry", "{bom:?}");
            assert!(n.warnings.is_empty());
            assert_eq!(normalize_vec(bytes), n);
        }
        let n = normalize(&[0xFF, 0xFE, b'a', 0, 0x00, 0xDC]);
        assert_eq!(n.text, "a\u{FFFD}");
        assert_eq!(n.warnings, vec![Warning::InvalidUtf16(1)]);
    }

    #[test]
    fn tabs_expand_to_stops() {
        assert_eq!(text(b"\tx\ty"), "    x   y");
        assert_eq!(text(b"ab\tc"), "ab  c");
    }

    #[test]
    fn escape_sequences_are_removed_whole() {
        assert_eq!(text(b"a\x1b[2Jb"), "ab");
        assert_eq!(text(b"a\x1b[38;5;196mred\x1b[0m"), "ared");
        assert_eq!(text(b"a\x1b]0;title\x07b"), "ab");
        assert_eq!(text(b"a\x1b]52;c;aGVsbG8=\x1b\\b"), "ab");
        assert_eq!(text(b"a\x1bP1$qm\x1b\\b"), "ab");
        assert_eq!(text(b"a\x1b(Bb\x1bcd"), "abd");
        assert_eq!(text("a\u{9b}31mb\u{9d}0;t\u{9c}c".as_bytes()), "abc");
        let n = normalize(b"\x1b[2J\x1b]0;x\x07");
        assert_eq!(n.warnings, vec![Warning::EscapeSequences(2)]);
    }

    #[test]
    fn unterminated_string_sequence_stops_at_line_end() {
        assert_eq!(text(b"a\x1b]0;never ends\nnext line"), "a\nnext line");
    }

    #[test]
    fn controls_become_visible_placeholders() {
        assert_eq!(text(b"a\x00b\x07c\x7f"), "a\u{2400}b\u{2407}c\u{2421}");
        assert_eq!(text("x\u{85}y".as_bytes()), "x\u{FFFD}y");
    }

    #[test]
    fn bidi_overrides_are_removed() {
        let n = normalize("abc\u{202E}def\u{2066}g\u{2069}".as_bytes());
        assert_eq!(n.text, "abcdefg");
        assert_eq!(n.warnings, vec![Warning::BidiControls(3)]);
        // the marks too: left-to-right, right-to-left and the Arabic letter mark
        let n = normalize("a\u{200E}b\u{200F}c\u{061C}d".as_bytes());
        assert_eq!(n.text, "abcd");
        assert_eq!(sanitize_inline("x\u{200F}y"), "xy");
    }

    #[test]
    fn combining_cjk_emoji_survive() {
        let s = "e\u{301} 漢字 👩‍👩‍👧 \u{200B}";
        assert_eq!(text(s.as_bytes()), s);
    }

    #[test]
    fn fast_path_agrees_with_the_full_cleaner() {
        for s in [
            "plain “curly” text\nnext é 漢 👩‍👩‍👧",
            "a\u{85}b",
            "a\u{2028}b",
            "x\u{202E}y",
            "x\u{200E}y\u{200F}z\u{061C}",
            "\u{FEFF}bom",
            "z\u{2069}",
            "tab\there",
            "nbsp\u{a0}ok \u{2026} \u{2014}",
        ] {
            let mut counts = Counts::default();
            let slow = clean(s, &mut counts);
            assert_eq!(normalize(s.as_bytes()).text, slow, "{s:?}");
            assert_eq!(is_clean(s.as_bytes()), slow == s, "{s:?}");
        }
    }

    /// The cleaner as it was, one character at a time: what the copying of clean
    /// stretches must agree with.
    fn clean_by_char(input: &str, counts: &mut Counts) -> String {
        let input = input.strip_prefix('\u{FEFF}').unwrap_or(input);
        let mut out = String::new();
        let mut column = 0usize;
        let mut chars = Cursor(input.chars());
        while let Some(c) = chars.next() {
            match c {
                '\n' | '\u{2028}' | '\u{2029}' => (out.push('\n'), column = 0).1,
                '\r' => {
                    chars.next_if_eq(&'\n');
                    out.push('\n');
                    column = 0;
                }
                '\t' => {
                    let spaces = TAB_WIDTH - column % TAB_WIDTH;
                    out.extend(std::iter::repeat_n(' ', spaces));
                    column += spaces;
                }
                ESC => (skip_escape(&mut chars), counts.escapes += 1).1,
                '\u{9b}' => (skip_csi_body(&mut chars), counts.escapes += 1).1,
                '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => {
                    skip_string_body(&mut chars);
                    counts.escapes += 1;
                }
                c if is_bidi_control(c) => counts.bidi += 1,
                c if c.is_control() => {
                    out.push(placeholder(c));
                    column += 1;
                    counts.controls += 1;
                }
                c => {
                    out.push(c);
                    column += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                }
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn copying_clean_stretches_agrees_with_cleaning_each_character(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "a", "word ", "\n", "\r", "\r\n", "\t", "\x1b", "\x1b[", "31m", "]0;", "\x07",
                "\\", "\u{9b}", "\u{9c}", "\u{9d}", "\u{85}", "\u{2028}", "\u{2029}",
                "\u{202E}", "\u{2066}", "\u{200E}", "\u{200F}", "\u{61C}", "\u{600}", "\u{2010}", "\u{FEFF}", "漢", "é", "e\u{301}", "👩‍👩‍👧", "\u{a0}",
                "“", "\x00", "\x7f", "\u{2026}",
            ]), 0..40)
        ) {
            let s: String = pieces.concat();
            let (mut fast, mut slow) = (Counts::default(), Counts::default());
            proptest::prop_assert_eq!(clean(&s, &mut fast), clean_by_char(&s, &mut slow));
            proptest::prop_assert_eq!(
                (fast.escapes, fast.controls, fast.bidi),
                (slow.escapes, slow.controls, slow.bidi)
            );
            // the fast test says clean only of text the cleaner leaves as it is, and of
            // all such text but one with a byte-order mark (which it leaves to the cleaner)
            let unchanged = clean(&s, &mut Counts::default()) == s;
            let (fast_says, bom) = (is_clean(s.as_bytes()), s.contains('\u{FEFF}'));
            proptest::prop_assert!(!fast_says || unchanged);
            proptest::prop_assert!(fast_says || !unchanged || bom);
        }
    }

    #[test]
    fn suspects_are_told_alike_by_the_table_and_the_blocks() {
        for b in 0..=u8::MAX {
            assert_eq!(is_suspect(b), SUSPECT[usize::from(b)], "{b:#x}");
        }
    }

    #[test]
    fn sanitize_inline_flattens_lines() {
        assert_eq!(sanitize_inline("a\nb\x1b[1mc\td"), "a bc  d");
    }
}
