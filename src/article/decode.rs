//! Telling what a file's bytes are before they are normalised: UTF-16 by its byte-order
//! mark, and binary data by the control bytes at its start.

/// The byte order of a UTF-16 file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Utf16 {
    /// Little-endian (`FF FE` first, as Windows writes it).
    Le,
    /// Big-endian (`FE FF` first).
    Be,
}

/// The byte order announced by a UTF-16 byte-order mark, if the bytes start with one.
pub(super) fn utf16_order(bytes: &[u8]) -> Option<Utf16> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(Utf16::Le),
        [0xFE, 0xFF, ..] => Some(Utf16::Be),
        _ => None,
    }
}

/// The code units after the byte-order mark (an odd last byte is left out).
fn units(bytes: &[u8], order: Utf16) -> impl Iterator<Item = u16> + '_ {
    bytes[2..].chunks_exact(2).map(move |pair| {
        let pair = [pair[0], pair[1]];
        match order {
            Utf16::Le => u16::from_le_bytes(pair),
            Utf16::Be => u16::from_be_bytes(pair),
        }
    })
}

/// Decodes UTF-16 after its byte-order mark; gives the text and how many unpaired
/// surrogates (or a lone last byte) became U+FFFD.
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

fn is_binary_byte(b: u8) -> bool {
    matches!(b, 0x00..=0x07 | 0x0E..=0x1A | 0x1C..=0x1F)
}

#[cfg(test)]
mod tests {
    use super::*;

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
