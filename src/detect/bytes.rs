//! Finding a few byte values in text, eight bytes at a time: the prefilters that let
//! the detector pass over plain text without looking at each character.

/// Each byte's lowest bit, and each byte's highest (for tests of eight bytes at once).
pub(in crate::detect) const LOW_BITS: u64 = 0x0101_0101_0101_0101;
pub(in crate::detect) const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// Where the first of `needles` occurs in `bytes` at or after `from`.
// Always inlined: the needles are constants at every call, and folded into the loop
// they make it several times faster.
#[inline(always)]
pub fn find_any<const N: usize>(bytes: &[u8], from: usize, needles: &[u8; N]) -> Option<usize> {
    let rest = bytes.get(from..)?;
    // Needles outside ASCII are looked for together: any byte with its high bit set
    // (rare in English news) sends the chunk to the exact test.
    let high = needles.iter().any(|&b| b >= 0x80);
    let maybe = |word: u64| {
        (high && word & HIGH_BITS != 0) || needles.iter().any(|&b| b < 0x80 && has_byte(word, b))
    };
    let exact = |chunk: &[u8]| chunk.iter().position(|b| needles.contains(b));
    let mut chunks = rest.chunks_exact(8);
    let mut at = from;
    for chunk in chunks.by_ref() {
        if let Ok(eight) = <[u8; 8]>::try_from(chunk)
            && maybe(u64::from_le_bytes(eight))
            && let Some(k) = exact(chunk)
        {
            return Some(at + k);
        }
        at += 8;
    }
    exact(chunks.remainder()).map(|k| at + k)
}

/// Whether one of the eight bytes of `word` is `b`: the classic test for a zero byte,
/// applied to `word ^ bbbbbbbb`.
#[inline(always)]
pub(in crate::detect) fn has_byte(word: u64, b: u8) -> bool {
    let x = word ^ (LOW_BITS * u64::from(b));
    x.wrapping_sub(LOW_BITS) & !x & HIGH_BITS != 0
}

/// Whether one of the eight bytes of `x` is an ASCII capital or outside ASCII. (For a
/// byte below 0x80, adding 0x3F sets its top bit from 'A' on and adding 0x25 from past
/// 'Z', with no carry into the next byte; a byte from 0x80 has its top bit already.)
#[inline(always)]
pub(in crate::detect) fn capital_or_wide(x: u64) -> bool {
    let from_a = x.wrapping_add(LOW_BITS * 0x3F);
    let past_z = x.wrapping_add(LOW_BITS * 0x25);
    ((from_a & !past_z) | x) & HIGH_BITS != 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn positions<const N: usize>(bytes: &[u8], needles: &[u8; N]) -> Vec<usize> {
        let mut out = Vec::new();
        let mut from = 0;
        while let Some(at) = find_any(bytes, from, needles) {
            out.push(at);
            from = at + 1;
        }
        out
    }

    fn naive(bytes: &[u8], needles: &[u8]) -> Vec<usize> {
        (0..bytes.len())
            .filter(|&i| needles.contains(&bytes[i]))
            .collect()
    }

    #[test]
    fn finds_every_needle_across_chunks() {
        let s = "plain ascii text é then \"a\" and ’ and « (x) -- y".as_bytes();
        let needles = [b'"', b'\'', 0xC2, 0xE2, b'(', b'-'];
        assert_eq!(positions(s, &needles), naive(s, &needles));
        assert_eq!(find_any(s, s.len(), &needles), None);
        assert_eq!(find_any(s, s.len() + 1, &needles), None);
    }

    proptest! {
        #[test]
        fn agrees_with_a_byte_by_byte_scan(
            bytes in proptest::collection::vec(any::<u8>(), 0..64),
            needles in any::<[u8; 3]>(),
        ) {
            prop_assert_eq!(positions(&bytes, &needles), naive(&bytes, &needles));
        }
    }
}
