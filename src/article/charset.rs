//! A web page saved in a legacy charset: the bytes are not UTF-8 and the page declares
//! what they are (`<meta charset="windows-1252">`, or the `http-equiv` form). Decoding
//! follows the WHATWG Encoding Standard, as browsers do, so "iso-8859-1" is read as
//! windows-1252 and an unknown label is left to the UTF-8 path (with its warning).

use encoding_rs::{Encoding, UTF_8};

/// How far into the file a declaration is looked for: the HTML standard's prescan
/// reads the first 1024 bytes.
const PRESCAN_BYTES: usize = 1024;

/// The page's text, decoded from the charset it declares; `None` when the bytes are
/// UTF-8 already, declare nothing usable, or declare UTF-8 (whose invalid bytes the
/// normal path reports).
pub(super) fn decode_declared(bytes: &[u8]) -> Option<String> {
    if std::str::from_utf8(bytes).is_ok() {
        return None;
    }
    let encoding = declared(&bytes[..bytes.len().min(PRESCAN_BYTES)])?;
    if encoding == UTF_8 || !encoding.is_ascii_compatible() {
        return None;
    }
    let (text, _, _) = encoding.decode(bytes);
    Some(text.into_owned())
}

/// The encoding named after the first `charset=` in `head` (case-insensitive),
/// quoted or not.
fn declared(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let rest = &head[at..];
    let rest = rest
        .strip_prefix(b"\"")
        .or(rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| matches!(b, b'"' | b'\'' | b';' | b'>' | b'/') || b.is_ascii_whitespace())
        .unwrap_or(rest.len());
    Encoding::for_label(&rest[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_read_in_the_charset_it_declares() {
        let mut page = b"<html><head><meta charset=\"windows-1252\"></head><body><p>Caf".to_vec();
        page.extend([0xE9, b' ', 0x93, b'o', b'k', 0x94, b'<', b'/', b'p', b'>']);
        assert_eq!(
            decode_declared(&page).unwrap(),
            "<html><head><meta charset=\"windows-1252\"></head><body><p>Café “ok”</p>"
        );
        // the http-equiv form, and ISO-8859-1 read as browsers read it
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>\xE9\x93";
        assert!(decode_declared(page).unwrap().ends_with("<p>é“"));
        let page = b"<meta charset=shift_jis><p>\x93\xfa\x96\x7b";
        assert!(decode_declared(page).unwrap().ends_with("<p>日本"));
    }

    #[test]
    fn utf8_pages_and_pages_that_declare_nothing_usable_are_left_alone() {
        assert_eq!(
            decode_declared("<meta charset=latin1><p>é".as_bytes()),
            None
        );
        assert_eq!(decode_declared(b"<p>\xE9 no declaration"), None);
        assert_eq!(decode_declared(b"<meta charset=utf-8><p>\xE9"), None);
        assert_eq!(decode_declared(b"<meta charset=klingon><p>\xE9"), None);
        assert_eq!(decode_declared(b"<meta charset=utf-16le><p>\xE9"), None);
    }
}
