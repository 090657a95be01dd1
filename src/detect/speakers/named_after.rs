//! A person named in the appositive after a role that names nobody: "said Holt's deputy
//! campaign manager, Rich Beem", and after the inverted verb of a quotation "said one
//! haulier, Gwen Morris" or "said one voter, retired midwife Carol Strand", where the
//! role's noun is any noun ("haulier", "commuter"), not only one the lexicon lists.

use super::read_runs;
use crate::detect::lexicon;
use crate::detect::parties::SideMatcher;
use crate::detect::side_words::{Class, is};
use crate::detect::words::{is_capitalized, lower};
use std::ops::Range;

/// Most lower-case words that describe a person between the appositive's comma and the
/// name ("retired midwife Carol Strand").
const MAX_DESCRIPTORS: usize = 2;

/// Most words of a role that the lexicon does not know, its determiner first ("one
/// hotel owner").
const MAX_PLAIN_ROLE_WORDS: usize = 4;

/// The name in the appositive after a role that names nobody: two to four capitalised
/// words that read as a person's name and nothing else, after a head that holds a
/// lower-case role noun or is a plain role ([`is_plain_role`]), and after at most two
/// lower-case words that describe the person.
pub(super) fn named_after_role(
    text: &str,
    ws: &[Range<usize>],
    head_words: &[Range<usize>],
    sides: &SideMatcher,
) -> Option<Range<usize>> {
    let mut buf = [0u8; 32];
    let role = head_words.iter().any(|w| {
        !is_capitalized(&text[w.clone()])
            && lexicon::is_source_noun(&lower(&text[w.clone()], &mut buf))
    });
    if !role && !is_plain_role(text, head_words) {
        return None;
    }
    let rest = &ws[head_words.len()..];
    let n = (1..rest.len())
        .find(|&i| text[rest[i - 1].end..rest[i].start].contains([',', '(', ';', '—', '–']))
        .unwrap_or(rest.len());
    let appositive = &rest[..n];
    let lead = appositive
        .iter()
        .take_while(|w| !is_capitalized(&text[(*w).clone()]))
        .count();
    let name = &appositive[lead..];
    let described =
        lead <= MAX_DESCRIPTORS && appositive[..lead].iter().all(|w| is_plain_word(text, w));
    if !described
        || !(2..=4).contains(&name.len())
        || !name.iter().all(|w| is_capitalized(&text[w.clone()]))
    {
        return None;
    }
    let (whole, person) = read_runs(text, name, sides).person?;
    (whole == (name[0].start..name[name.len() - 1].end)).then_some(person)
}

/// The noun of an indefinite plain role ([`is_plain_role`]) that reads as a noun of
/// people or of a document: the last of its lower-case words before a preposition, a
/// relative or the end ("a skipper who …", "another child", not "a week when …"); its
/// index in `head_words`. A definite one ("the buyer") most often refers back to a body
/// or person named before, which a new speaker of that noun would not be.
pub(super) fn plain_role_noun(text: &str, head_words: &[Range<usize>]) -> Option<usize> {
    let mut buf = [0u8; 32];
    let opener = lower(&text[head_words.first()?.clone()], &mut buf).into_owned();
    let noun = plain_words(text, head_words);
    let word = lower(&text[head_words.get(noun)?.clone()], &mut buf).into_owned();
    // ("A parliamentary motion … urged": a document speaks as its signers)
    let speaks = lexicon::reads_as_person_noun(&word) || is(Class::DocumentNoun, &word);
    let indefinite = lexicon::is_indefinite_determiner(&opener);
    (indefinite && is_plain_role(text, head_words) && speaks).then_some(noun)
}

/// Whether a phrase's head is a role the lexicon need not know: an article, "one",
/// "another" or a possessive pronoun, then lower-case words up to a preposition
/// ("one haulier", "the owner", "one hotel owner in Ullapool"), none of them a word of
/// time ("the next day") or of a clause.
fn is_plain_role(text: &str, head_words: &[Range<usize>]) -> bool {
    let mut buf = [0u8; 32];
    let Some((first, rest)) = head_words.split_first() else {
        return false;
    };
    let opener = lower(&text[first.clone()], &mut buf).into_owned();
    let opens = lexicon::is_article(&opener)
        || lexicon::is_definite_determiner(&opener)
        || matches!(opener.as_str(), "one" | "another");
    let words = plain_words(text, head_words);
    opens
        && (1..MAX_PLAIN_ROLE_WORDS).contains(&words)
        && rest[..words].iter().all(|w| is_plain_word(text, w))
}

/// How many words after a phrase's first come before a preposition or a relative.
fn plain_words(text: &str, head_words: &[Range<usize>]) -> usize {
    let mut buf = [0u8; 32];
    head_words[1..]
        .iter()
        .take_while(|w| {
            let l = lower(&text[(*w).clone()], &mut buf);
            !lexicon::is_preposition(&l) && !matches!(&*l, "who" | "whose" | "which" | "that")
        })
        .count()
}

/// Whether a word is a plain lower-case word that may be part of a noun phrase: no
/// capital, no digit, no function word, verb, auxiliary or word of time.
fn is_plain_word(text: &str, w: &Range<usize>) -> bool {
    let word = &text[w.clone()];
    let mut buf = [0u8; 32];
    let l = lower(word, &mut buf);
    !is_capitalized(word)
        && word.chars().all(|c| c.is_alphabetic() || c == '-')
        && !lexicon::is_sentence_word(&l)
        && !lexicon::is_determiner(&l)
        && !lexicon::is_preposition(&l)
        && !lexicon::is_time_word(&l)
        && !lexicon::is_auxiliary(&l)
        && !lexicon::opens_clause(&l)
        && lexicon::cue(&l).is_none()
}
