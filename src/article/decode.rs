//! Telling what a file's bytes are before they are normalised: UTF-16 by its byte-order
//! mark or, without one, by the NULs every other byte of its Latin-script text holds,
//! and binary data by the control bytes at its start.

/// The byte order of a UTF-16 file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Utf16 {
    /// Little-endian (`FF FE` first, as Windows writes it).
    Le,
    /// Big-endian (`FE FF` first).
    Be,
}

/// The byte order of the bytes when they are UTF-16: announced by a byte-order mark,
/// else told by where the NULs of its Latin-script text fall ([`unmarked_utf16`]).
pub(super) fn utf16_order(bytes: &[u8]) -> Option<Utf16> {
    bom_order(bytes).or_else(|| unmarked_utf16(bytes))
}

/// The byte order a UTF-16 byte-order mark announces, if the bytes start with one.
fn bom_order(bytes: &[u8]) -> Option<Utf16> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(Utf16::Le),
        [0xFE, 0xFF, ..] => Some(Utf16::Be),
        _ => None,
    }
}

/// How much of a file's start is looked at for UTF-16 without a byte-order mark.
const UNMARKED_SNIFF_BYTES: usize = 4096;
/// The fewest code units that tell UTF-16 without a byte-order mark.
const UNMARKED_MIN_UNITS: usize = 4;

/// The byte order of UTF-16 without a byte-order mark (as some Windows tools save
/// it). Every character up to U+00FF — ASCII and the Latin-1 letters, so nearly all
/// of a text in a Latin script — has a NUL for its high byte: in little-endian order
/// the second byte of each pair, in big-endian the first. So at least a quarter of the
/// pairs of the file's start have a NUL on one side, and the other side hardly ever
/// holds one (a NUL character is not text). Binary data has its NULs on both sides;
/// one that only looks like this (16-bit numbers below 256) decodes to control
/// characters, and [`looks_binary`] refuses it then.
fn unmarked_utf16(bytes: &[u8]) -> Option<Utf16> {
    let start = &bytes[..bytes.len().min(UNMARKED_SNIFF_BYTES)];
    let pairs = start.len() / 2;
    // (a start without a NUL, as every text in UTF-8 has, is told by one search, not
    // by counting pairs: each article of a folder is asked this several times)
    if pairs < UNMARKED_MIN_UNITS || memchr::memchr(0, start).is_none() {
        return None;
    }
    let (mut first, mut second) = (0, 0);
    for pair in start.chunks_exact(2) {
        first += usize::from(pair[0] == 0);
        second += usize::from(pair[1] == 0);
    }
    let many = |nuls: usize| nuls * 4 >= pairs;
    let hardly_any = |nuls: usize| nuls * 100 <= pairs;
    if many(second) && hardly_any(first) {
        Some(Utf16::Le)
    } else if many(first) && hardly_any(second) {
        Some(Utf16::Be)
    } else {
        None
    }
}

/// The code units after the byte-order mark, if there is one (an odd last byte is
/// left out).
fn units(bytes: &[u8], order: Utf16) -> impl Iterator<Item = u16> + '_ {
    let after_bom = if bom_order(bytes) == Some(order) {
        2
    } else {
        0
    };
    bytes[after_bom..].chunks_exact(2).map(move |pair| {
        let pair = [pair[0], pair[1]];
        match order {
            Utf16::Le => u16::from_le_bytes(pair),
            Utf16::Be => u16::from_be_bytes(pair),
        }
    })
}

/// Decodes UTF-16 (after its byte-order mark, if it has one); gives the text and how
/// many unpaired surrogates (or a lone last byte) became U+FFFD.
pub(super) fn decode_utf16(bytes: &[u8], order: Utf16) -> (String, usize) {
    let mut invalid = 0;
    let mut text = String::with_capacity(bytes.len() / 2);
    for c in char::decode_utf16(units(bytes, order)) {
        text.push(c.unwrap_or_else(|_| {
            invalid += 1;
            '\u{FFFD}'
        }));
    }
    if bytes.len() % 2 == 1 {
        // half a code unit at the end: mark where the text was cut
        text.push('\u{FFFD}');
        invalid += 1;
    }
    (text, invalid)
}

/// How many binary characters the start of a file may hold and still be text: a
/// stray NUL or two in an article is shown as a placeholder, as `less` shows it.
const BINARY_ALLOWANCE: usize = 5;
/// The start where more than [`BINARY_ALLOWANCE`] binary characters make a file
/// binary, whatever follows (a file format's header).
const HEADER_CHARS: usize = 512;

/// Whether the start of a file looks like binary data rather than text: more than a
/// few control characters that text never holds (NUL and the like; not tab, line
/// ends, form feed, backspace or escape) in its first [`HEADER_CHARS`] characters,
/// or in more than one in a hundred characters.
pub fn looks_binary(head: &[u8]) -> bool {
    // (most starts hold no binary byte at all, and then no binary character either:
    // a UTF-16 unit below 256 has a NUL byte. Told in one pass, not by a flag for each
    // byte: each article of a folder is asked this)
    if !has_binary_byte(head) {
        return false;
    }
    let flags: Vec<bool> = match utf16_order(head) {
        Some(order) => units(head, order)
            .map(|u| u8::try_from(u).is_ok_and(is_binary_byte))
            .collect(),
        None => head.iter().map(|&b| is_binary_byte(b)).collect(),
    };
    let count = |flags: &[bool]| flags.iter().filter(|&&f| f).count();
    let in_header = count(&flags[..flags.len().min(HEADER_CHARS)]);
    let in_all = count(&flags);
    in_header > BINARY_ALLOWANCE || (in_all > BINARY_ALLOWANCE && in_all * 100 > flags.len())
}

/// Whether some byte of `bytes` is binary ([`is_binary_byte`]): eight bytes at a time,
/// looked at byte by byte only where one of them is below 0x20 (a line break, most
/// often).
fn has_binary_byte(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const TOP: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in chunks.by_ref() {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(chunk);
        let x = u64::from_le_bytes(eight);
        // (the top bit of a byte survives the subtraction only for a byte below 0x20,
        // or for one after such a byte: either way that chunk is looked at closely)
        let below_space = x.wrapping_sub(ONES * 0x20) & !x & TOP;
        if below_space != 0 && chunk.iter().any(|&b| is_binary_byte(b)) {
            return true;
        }
    }
    chunks.remainder().iter().any(|&b| is_binary_byte(b))
}

fn is_binary_byte(b: u8) -> bool {
    matches!(b, 0x00..=0x07 | 0x0E..=0x1A | 0x1C..=0x1F)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The eight-byte test finds every binary byte at every place, in a chunk or in
    /// the bytes after the last, and nothing else (line ends and tabs included).
    #[test]
    fn binary_bytes_are_found_eight_at_a_time_as_one_by_one() {
        for len in [7, 8, 13, 16] {
            for place in 0..len {
                for b in 0..=255u8 {
                    let mut bytes = b"Tab\there, line\r\n.".repeat(2);
                    bytes.truncate(len);
                    bytes[place] = b;
                    let one_by_one = bytes.iter().any(|&b| is_binary_byte(b));
                    assert_eq!(has_binary_byte(&bytes), one_by_one, "{b:#x} at {place}");
                }
            }
        }
    }

    fn utf16(text: &str, order: Utf16) -> Vec<u8> {
        let mut bytes = match order {
            Utf16::Le => vec![0xFF, 0xFE],
            Utf16::Be => vec![0xFE, 0xFF],
        };
        for u in text.encode_utf16() {
            bytes.extend(match order {
                Utf16::Le => u.to_le_bytes(),
                Utf16::Be => u.to_be_bytes(),
            });
        }
        bytes
    }

    #[test]
    fn both_byte_orders_decode() {
        let text = "Ind “quoted” é 漢 👩";
        for order in [Utf16::Le, Utf16::Be] {
            let bytes = utf16(text, order);
            assert_eq!(utf16_order(&bytes), Some(order));
            assert_eq!(decode_utf16(&bytes, order), (text.to_string(), 0));
            assert!(!looks_binary(&bytes), "UTF-16 text is text: {order:?}");
        }
        assert_eq!(utf16_order(b"plain"), None);
        assert_eq!(utf16_order("\u{FEFF}utf-8".as_bytes()), None);
    }

    /// `text` in UTF-16 without a byte-order mark.
    fn unmarked(text: &str, order: Utf16) -> Vec<u8> {
        utf16(text, order).split_off(2)
    }

    #[test]
    fn utf16_without_a_byte_order_mark_is_told_by_its_nuls() {
        let text = "Talks end\n\nThe minister said the meeting was “progress”, café.\n";
        for order in [Utf16::Le, Utf16::Be] {
            let bytes = unmarked(text, order);
            assert_eq!(utf16_order(&bytes), Some(order));
            assert_eq!(decode_utf16(&bytes, order), (text.to_string(), 0));
            assert!(!looks_binary(&bytes), "{order:?}");
        }
        // a few letters are enough; fewer tell nothing
        assert_eq!(utf16_order(&unmarked("Hi!\n", Utf16::Le)), Some(Utf16::Le));
        assert_eq!(utf16_order(&unmarked("Hi", Utf16::Be)), None);
        // UTF-8 holds no NULs, and stray ones on one side are not enough
        assert_eq!(utf16_order(text.as_bytes()), None);
        assert_eq!(utf16_order(b"Title\n\nA\x00B\x00C said \"x\"."), None);
    }

    #[test]
    fn binary_with_nuls_is_not_taken_for_utf16() {
        // NULs on both sides: a header, zeros, an ELF file
        assert_eq!(utf16_order(&[0u8; 64]), None);
        let elf = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0>\0\x01\0\0\0";
        assert_eq!(utf16_order(elf), None);
        assert!(looks_binary(elf));
        // 16-bit numbers below 256 look like UTF-16 and decode to control characters
        let numbers: Vec<u8> = (0u16..400)
            .flat_map(|n| (n % 31 + 1).to_le_bytes())
            .collect();
        assert_eq!(utf16_order(&numbers), Some(Utf16::Le));
        assert!(looks_binary(&numbers));
    }

    #[test]
    fn broken_utf16_is_replaced_and_counted() {
        let mut bytes = utf16("ab", Utf16::Le);
        bytes.extend([0x00, 0xD8]); // an unpaired high surrogate
        bytes.extend(u16::from(b'c').to_le_bytes());
        bytes.push(b'!'); // half a code unit
        let (text, invalid) = decode_utf16(&bytes, Utf16::Le);
        assert_eq!(text, "ab\u{FFFD}c\u{FFFD}");
        assert_eq!(invalid, 2);
    }

    #[test]
    fn binary_is_told_from_text() {
        assert!(looks_binary(
            b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0>\0"
        ));
        assert!(looks_binary(&[0u8; 4096]));
        assert!(looks_binary(&utf16("\0\0\0\0\0\0\0\0", Utf16::Be)));
        assert!(!looks_binary(b""));
        assert!(!looks_binary(b"Title\n\nA\x00B\x00C said \"x\"."));
        assert!(!looks_binary(b"T\x1b[31mred\x1b[0m\ttab\r\n\x0cpage"));
        assert!(!looks_binary("caf\u{e9} “x” 漢".as_bytes()));
        // six NULs in a long article are strays, not a binary file
        let mut long = b"word ".repeat(2000);
        long.extend([0; 6]);
        assert!(!looks_binary(&long));
        // a file format's header among text-like bytes
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0".to_vec();
        png.extend(b"text ".repeat(2000));
        assert!(looks_binary(&png));
        // backspace overstrike, as `man` writes bold, is text
        assert!(!looks_binary(
            b"N\x08NA\x08AM\x08ME\x08E\n\x08\x08\x08\x08\x08\x08"
        ));
    }
}
