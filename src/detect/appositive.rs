//! Appositives: the description between commas after a name ("Ole Brask, the
//! European Community representative, said"), read the same way by the entities, the
//! offices a speaker holds and the sides named after a name.

use super::lexicon;
use super::parties::SideMatcher;
use super::side_words::{Class, is};
use super::words::lower;

/// Bytes an appositive may run to: a description, not a clause.
const APPOSITIVE_BYTES: usize = 120;

/// The side named in the appositive that follows a name ending at `name_end`
/// ("…, the European Community representative in Washington, …").
pub fn appositive_side(text: &str, name_end: usize, sides: &SideMatcher) -> Option<usize> {
    appositive(text, name_end, Reading::Strict).and_then(|a| sides.first(a))
}

/// How sure an appositive must be to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// Opening with an article, a possessive or a title: enough to give a side.
    Strict,
    /// Also a bare noun phrase ("assistant trade representative"): enough to tell an
    /// office, which must still be named in it.
    Loose,
}

/// The appositive that follows a name ending at `name_end`: the description between
/// commas ("Ole Brask, the European Community representative, …").
pub fn appositive(text: &str, name_end: usize, reading: Reading) -> Option<&str> {
    let rest = text.get(name_end..)?.strip_prefix(", ")?;
    let window = &rest[..super::words::floor_boundary(rest, APPOSITIVE_BYTES)];
    // (read by byte, not by character: the marks that end it are ASCII but '“', told
    // by its three bytes, whose first, 0xE2, only ever starts a character)
    let bytes = window.as_bytes();
    let stop = (0..bytes.len()).find(|&i| match bytes[i] {
        b',' | b';' | b'(' | b'"' => true,
        b'.' => !super::words::is_initialism_dot(window, i),
        0xE2 => bytes[i + 1..].starts_with(&[0x80, 0x9C]),
        _ => false,
    })?;
    let appositive = &window[..stop];
    let first = appositive.split_whitespace().next()?;
    let ok = match reading {
        Reading::Strict => {
            introduces_description(first)
                || opens_with_owner(appositive)
                || is_leading_clause(appositive)
        }
        Reading::Loose => {
            introduces_description(first)
                || opens_with_owner(appositive)
                || appositive
                    .split_whitespace()
                    .all(|w| w.starts_with(char::is_lowercase) && !is_clause_word(w))
        }
    };
    ok.then_some(appositive)
}

/// Whether an appositive is a "who" clause that says whose the person is ("who leads
/// Brenvia's delegation", "who heads the union's negotiating team").
fn is_leading_clause(appositive: &str) -> bool {
    let mut words = appositive.split_whitespace();
    words.next().is_some_and(|w| w.eq_ignore_ascii_case("who"))
        && words
            .next()
            .is_some_and(|w| is(Class::LeadingVerb, &w.to_lowercase()))
}

/// Whether an appositive opening with `word` is a description of the name before it
/// (an article, a possessive or a title), not a clause ("adding that …", "who …").
fn introduces_description(word: &str) -> bool {
    let mut buf = [0u8; 32];
    let lower = lower(word, &mut buf);
    // (an office's head noun opens one too: "Head of the EC Delegation", "member of …")
    lexicon::is_article(&lower)
        || lexicon::is_office_head(&lower)
        || lexicon::is_title(&lower)
        || word.ends_with("'s")
        || word.ends_with("’s")
}

/// Whether an appositive opens with an owner's name of capitalised words, singular or
/// plural possessive ("Skyline Air's chief operating officer", "Northern Lines'
/// personnel director").
fn opens_with_owner(appositive: &str) -> bool {
    for w in appositive.split_whitespace().take(5) {
        if !w.starts_with(char::is_uppercase) {
            return false;
        }
        if w.ends_with("'s") || w.ends_with("’s") || w.ends_with("s'") || w.ends_with("s’") {
            return true;
        }
    }
    false
}

/// Words that make a run of lower-case words a clause ("often vilified by",
/// "however", "adding") rather than a bare description.
fn is_clause_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    lexicon::is_sentence_word(&lower)
        || lexicon::pronoun(&lower).is_some()
        || lexicon::cue(&lower).is_some()
        || lexicon::has_verb_ending(&lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_initialism_does_not_end_an_appositive() {
        let text = "Jo Bell, the U.S. trade representative, said no.";
        let end = "Jo Bell".len();
        assert_eq!(
            appositive(text, end, Reading::Strict),
            Some("the U.S. trade representative")
        );
        // a sentence's end still ends one
        let text = "Jo Bell, the U.N. envoy. She said no, then left.";
        assert_eq!(
            appositive(text, end, Reading::Strict),
            Some("the U.N. envoy")
        );
    }
}
