//! The detector's word lists, in one place: speech cues, stance verbs, titles, body
//! nouns, pronouns and the words that mark a quotation as a term.
//! The lists live in three files by kind of word ([`verbs`], [`nouns`],
//! [`function_words`]); the rest of the detector asks them through the `is_…`
//! functions re-exported here, one home per fact.

mod function_words;
mod nouns;
mod verbs;

pub use function_words::*;
pub use nouns::*;
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
    let mut key = 0u128;
    for (k, &b) in bytes.iter().enumerate() {
        if !b.is_ascii() {
            return None;
        }
        key |= u128::from(b.to_ascii_lowercase()) << (8 * k);
    }
    Some(key)
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
