//! The detector's word lists, in one place: speech cues, stance verbs, titles, body
//! nouns, pronouns and the words that mark a quotation as a term.
//! The lists live in four files by kind of word ([`verbs`], [`nouns`],
//! [`function_words`], [`verb_time_words`]); the rest of the detector asks them through
//! the `is_…` functions re-exported here, one home per fact.

mod function_words;
mod nouns;
mod sentence_words;
mod verb_time_words;
mod verbs;

pub use function_words::*;
pub use nouns::*;
pub use sentence_words::*;
pub use verb_time_words::*;
pub use verbs::{
    CueKind, cue, cue_form, inverts_after_quotation, is_call_form, is_call_particle,
    is_noun_after_possessor, may_be_cue, phrasal_speech, reports_finding, speaks_only_before_that,
    takes_object,
};

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// Hash maps and sets keyed by words, with foldhash's fast hash (the standard
/// SipHash dominated the detector's profile); fixed-seeded, so runs are repeatable.
pub type WordMap<K, V> = HashMap<K, V, foldhash::fast::FixedState>;
/// A set of words.
pub type WordSet<K> = HashSet<K, foldhash::fast::FixedState>;

/// An ASCII word of at most 16 bytes, lower-cased and packed into one integer, so that
/// looking it up hashes and compares one number instead of looping over a string.
#[inline]
pub fn packed(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    if bytes.len() > 16 {
        return None;
    }
    let mut padded = [0u8; 16];
    padded[..bytes.len()].copy_from_slice(bytes);
    let key = u128::from_le_bytes(padded);
    // (the sixteen bytes tested and lower-cased side by side: a loop over the bytes was
    // most of the cost of looking up a cue, asked of every word that may be one)
    const LOW: u128 = u128::from_le_bytes([1; 16]);
    const HIGH: u128 = LOW * 0x80;
    if key & HIGH != 0 {
        return None;
    }
    // For 7-bit bytes, setting the high bit before subtracting keeps each byte's borrow
    // inside it; the high bit left says which side of the bound the byte is.
    let from_a = (key | HIGH).wrapping_sub(LOW * u128::from(b'A'));
    let to_z = ((LOW * u128::from(b'Z')) | HIGH).wrapping_sub(key);
    let capitals = from_a & to_z & HIGH;
    Some(key | (capitals >> 2))
}

/// Whether a lower-case word is a personal pronoun that can stand for a source.
pub fn pronoun(word_lower: &str) -> Option<Pronoun> {
    Some(match word_lower {
        "he" | "she" | "i" => Pronoun::Person,
        "it" => Pronoun::Body,
        "they" | "we" => Pronoun::Plural,
        _ => return None,
    })
}

/// What a pronoun can refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    /// he, she, I.
    Person,
    /// it.
    Body,
    /// they, we.
    Plural,
    /// "one", "another" or "the other" alone: a member of a group of people named
    /// before ("Two officials …"), never of a body.
    Member,
}

/// Words right before a quotation that mark it as a name or term, not speech.
const TERM_MARKERS: &str = "
    so-called dubbed nicknamed titled entitled named branded labelled labeled slogan
    word words phrase term motto hashtag headline headlined film movie book song album
    show series program programme documentary column novel play essay article segment
    tagline banner sign signs t-shirts t-shirt shirts chanting chanted chants chant read
    reads reading
";

/// Two-word term markers ("known as", "referred to as").
pub fn is_term_marker_pair(first: &str, second: &str) -> bool {
    matches!(
        (first, second),
        ("known", "as") | ("referred", "to") | ("called", "the") | ("so", "called")
    )
}

/// Whether `word` is one of the whitespace-separated `words`, through a set built on
/// first use.
fn in_set(set: &OnceLock<WordSet<&'static str>>, words: &'static str, word: &str) -> bool {
    set.get_or_init(|| words.split_whitespace().collect())
        .contains(word)
}

/// Whether a lower-case word is a word that marks the next quotation as a term.
pub fn is_term_marker(word_lower: &str) -> bool {
    static SET: OnceLock<WordSet<&'static str>> = OnceLock::new();
    in_set(&SET, TERM_MARKERS, word_lower)
}

#[cfg(test)]
mod tests {
    use super::packed;
    use proptest::prelude::*;

    /// [`packed`] a byte at a time, as the reference for the bytes side by side.
    fn packed_by_byte(word: &str) -> Option<u128> {
        let bytes = word.as_bytes();
        (bytes.len() <= 16 && word.is_ascii()).then(|| {
            bytes.iter().enumerate().fold(0, |key, (k, b)| {
                key | u128::from(b.to_ascii_lowercase()) << (8 * k)
            })
        })
    }

    #[test]
    fn every_ascii_byte_packs_as_its_lower_case() {
        for b in 0..=127u8 {
            for at in 0..16 {
                let mut word = vec![b'Q'; 16];
                word[at] = b;
                let word = String::from_utf8(word).unwrap_or_default();
                assert_eq!(packed(&word), packed_by_byte(&word), "{b:#x} at {at}");
            }
        }
    }

    proptest! {
        #[test]
        fn words_pack_as_byte_by_byte(s in "[ -~éÉ\\x00\\x7f]{0,18}") {
            prop_assert_eq!(packed(&s), packed_by_byte(&s));
        }
    }
}
