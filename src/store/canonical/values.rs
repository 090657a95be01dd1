//! Values as the canonical text spells them, both ways: TOML basic strings (written
//! with the fewest escapes, read with all TOML 1.0 defines), decimal integers within
//! `i64`, `[a, b]` pairs and one-line arrays. Any other spelling reads as `None`.

use crate::article::{BLOCK, block_is};
use std::fmt::{self, Write};

/// A TOML basic string: quotes, backslashes and control characters escaped, and so
/// are the C1 controls, bidi controls and line separators that TOML allows raw but a
/// terminal showing the file would obey (`\u009B` starts an escape sequence, `\u202E`
/// reverses what follows). The runs between them are copied whole.
pub(super) fn push_quoted(out: &mut impl Write, s: &str) -> fmt::Result {
    out.write_char('"')?;
    push_escaped(out, s)?;
    out.write_char('"')
}

/// What [`push_quoted`] writes between the quotes.
pub(super) fn push_escaped(out: &mut impl Write, s: &str) -> fmt::Result {
    let bytes = s.as_bytes();
    let (mut run, mut i) = (0, 0);
    while i < bytes.len() {
        // (blocks of printable ASCII but quote and backslash, the cheapest test side
        // by side, then one table lookup a byte to the end of a block that failed it)
        if block_is(bytes, i, is_plain) {
            i += BLOCK;
            continue;
        }
        let block_end = bytes.len().min(i + BLOCK);
        while i < block_end && !MAY_ESCAPE[usize::from(bytes[i])] {
            i += 1;
        }
        let Some(&b) = bytes.get(i).filter(|_| i < block_end) else {
            continue;
        };
        let len = match b {
            b'"' | b'\\' | 0..0x20 | 0x7f => 1,
            0xc2 | 0xd8 | 0xe2 => hidden_control_len(&bytes[i..]),
            _ => 0,
        };
        if len == 0 {
            i += 1;
            continue;
        }
        out.write_str(&s[run..i])?;
        match b {
            b'"' => out.write_str("\\\"")?,
            b'\\' => out.write_str("\\\\")?,
            b'\n' => out.write_str("\\n")?,
            b'\t' => out.write_str("\\t")?,
            b'\r' => out.write_str("\\r")?,
            _ => {
                let c = s[i..].chars().next().unwrap_or('\u{FFFD}');
                write!(out, "\\u{:04X}", u32::from(c))?;
            }
        }
        i += len;
        run = i;
    }
    out.write_str(&s[run..])
}

/// The bytes that may need an escape: quote, backslash, ASCII controls, DEL, and the
/// lead bytes of the C1, bidi (U+061C among them) and separator controls.
static MAY_ESCAPE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    table[b'"' as usize] = true;
    table[b'\\' as usize] = true;
    table[0x7f] = true;
    table[0xc2] = true;
    table[0xd8] = true;
    table[0xe2] = true;
    table
};

/// Printable ASCII but quote and backslash: most of any string, and no byte of
/// [`MAY_ESCAPE`]; the cheapest test for [`block_is`].
#[inline(always)]
fn is_plain(b: u8) -> bool {
    (0x20..=0x7e).contains(&b) & (b != b'"') & (b != b'\\')
}

/// The UTF-8 length of a C1 control (U+0080–U+009F), a bidi control
/// ([`crate::article::is_bidi_control`]: U+061C, U+200E, U+200F, U+202A–U+202E,
/// U+2066–U+2069) or a line or paragraph separator (U+2028, U+2029) starting `bytes`;
/// 0 for anything else.
fn hidden_control_len(bytes: &[u8]) -> usize {
    match bytes {
        [0xc2, 0x80..=0x9f, ..] | [0xd8, 0x9c, ..] => 2,
        [0xe2, 0x80, 0x8e | 0x8f | 0xa8..=0xae, ..] | [0xe2, 0x81, 0xa6..=0xa9, ..] => 3,
        _ => 0,
    }
}

/// A decimal integer as TOML writes one (no sign, no leading zero), within i64.
pub(super) fn int(v: &str) -> Option<usize> {
    let (n, rest) = parse_int(v)?;
    rest.is_empty().then_some(n)
}

pub(super) fn parse_int(v: &str) -> Option<(usize, &str)> {
    let digits = v.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 19 || (digits > 1 && v.starts_with('0')) {
        return None;
    }
    let n: i64 = v[..digits].parse().ok()?;
    Some((usize::try_from(n).ok()?, &v[digits..]))
}

/// `[a, b]`.
pub(super) fn parse_pair(v: &str) -> Option<([usize; 2], &str)> {
    let (a, rest) = parse_int(v.strip_prefix('[')?)?;
    let (b, rest) = parse_int(rest.strip_prefix(", ")?)?;
    Some(([a, b], rest.strip_prefix(']')?))
}

/// A whole value parsed by `f`, nothing after it.
pub(super) fn whole<T>(v: &str, f: impl Fn(&str) -> Option<(T, &str)>) -> Option<T> {
    let (x, rest) = f(v)?;
    rest.is_empty().then_some(x)
}

/// A non-empty one-line array `[x, y]` of items parsed by `f`.
pub(super) fn list<T>(v: &str, f: impl Fn(&str) -> Option<(T, &str)>) -> Option<Vec<T>> {
    let mut rest = v.strip_prefix('[')?;
    let mut out = Vec::new();
    loop {
        let (x, r) = f(rest)?;
        out.push(x);
        if let Some(r) = r.strip_prefix(", ") {
            rest = r;
        } else {
            return (r == "]").then_some(out);
        }
    }
}

pub(super) fn string(v: &str) -> Option<String> {
    whole(v, parse_string)
}

/// A basic string with the escapes TOML 1.0 defines; raw control characters other than
/// tab are refused, as TOML refuses them. Runs without escapes are copied whole.
pub(super) fn parse_string(v: &str) -> Option<(String, &str)> {
    let mut rest = v.strip_prefix('"')?;
    let mut out = String::new();
    loop {
        let stop = rest.bytes().position(|b| b == b'"' || b == b'\\')?;
        let plain = &rest[..stop];
        if plain.bytes().any(|b| (b < 0x20 && b != b'\t') || b == 0x7f) {
            return None;
        }
        out.push_str(plain);
        if rest.as_bytes()[stop] == b'"' {
            return Some((out, &rest[stop + 1..]));
        }
        let escape = &rest[stop + 1..];
        let (c, used) = match escape.bytes().next()? {
            b'"' => ('"', 1),
            b'\\' => ('\\', 1),
            b'n' => ('\n', 1),
            b't' => ('\t', 1),
            b'r' => ('\r', 1),
            b'b' => ('\u{8}', 1),
            b'f' => ('\u{c}', 1),
            e @ (b'u' | b'U') => {
                let n = if e == b'u' { 4 } else { 8 };
                let hex = escape.get(1..=n)?;
                if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                    return None;
                }
                (char::from_u32(u32::from_str_radix(hex, 16).ok()?)?, n + 1)
            }
            _ => return None,
        };
        out.push(c);
        rest = &escape[used..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_round_trip_through_escapes() {
        for s in [
            "",
            "plain",
            "say \"hi\"",
            "back\\slash",
            "a\nb\r\tc",
            "\u{1}\u{7f}",
            "é漢👩",
        ] {
            let mut q = String::new();
            push_quoted(&mut q, s).unwrap();
            assert_eq!(string(&q).as_deref(), Some(s), "{q}");
            let parsed: toml::Value = toml::from_str(&format!("k = {q}")).unwrap();
            assert_eq!(parsed["k"].as_str(), Some(s));
        }
    }

    #[test]
    fn no_plain_byte_may_need_an_escape() {
        for b in 0..=u8::MAX {
            assert!(!(is_plain(b) && MAY_ESCAPE[usize::from(b)]), "{b:#x}");
        }
    }

    #[test]
    fn other_spellings_are_refused() {
        for v in ["01", "-1", "1_000", "9223372036854775808", "0x10", "1 # c"] {
            assert_eq!(int(v), None, "{v}");
        }
        for v in ["'lit'", "\"open", "\"a\" # c", "\"\\e\"", "\"\\x41\""] {
            assert_eq!(string(v), None, "{v}");
        }
    }
}
