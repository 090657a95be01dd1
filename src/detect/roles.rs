//! The extent of a role phrase in a source ("a spokesman for the foreign ministry",
//! "the State Department spokesman"): from its determiner to its head noun and
//! complement, never into the clause around it.

use super::lexicon;
use super::side_words::{Class, is};
use super::words::{is_capitalized, lower};
use std::ops::Range;

/// Words that cannot sit inside a role phrase: a verb, an auxiliary, a preposition
/// that opens a clause, a relative. "her government would raise the issue" is the role
/// "her government" and a clause; "to make clear to member" is no role at all.
fn breaks_role(word_lower: &str) -> bool {
    lexicon::is_verb_modifier(word_lower)
        || lexicon::cue(word_lower).is_some()
        || is(Class::RoleBreaker, word_lower)
}

/// The first word of the role phrase whose head is `ws[head]`: its determiner, or the
/// words before it up to one that breaks a role, at most four.
pub(super) fn role_start(text: &str, ws: &[Range<usize>], head: usize) -> usize {
    let mut buf = [0u8; 32];
    let mut start = head;
    while start > 0 && head - start < 4 {
        let word = &text[ws[start - 1].clone()];
        let l = lower(word, &mut buf);
        // (a capitalised word is a name or title: "the State Department spokesman")
        // (a preposition ends the modifiers before a role's noun: "a group of …")
        if (!is_capitalized(word) && breaks_role(&l)) || lexicon::ends_modifiers(&l) {
            break;
        }
        start -= 1;
        if lexicon::is_article(&l) || lexicon::is_definite_determiner(&l) {
            return start;
        }
    }
    body_name_start(text, ws, start)
}

/// Most words of a body's name with "of" or "and" inside that a role phrase takes in.
const MAX_BODY_NAME_WORDS: usize = 8;

/// "a Ministry of Fisheries official", "a Ministry of Trade and Industry (MITI)
/// official": where the role phrase stopped inside capitalised words that an "of" or
/// "and" joins, they are one body's name, and the phrase starts where the name starts
/// (at a capitalised article that opens the sentence, its determiner).
fn body_name_start(text: &str, ws: &[Range<usize>], start: usize) -> usize {
    let capitalized = |k: usize| is_capitalized(&text[ws[k].clone()]);
    let joins =
        |k: usize| k > 0 && matches!(&text[ws[k].clone()], "of" | "and") && capitalized(k - 1);
    // (the phrase may have stopped on the "and" itself, four words back)
    if start == 0 || start == ws.len() || !(capitalized(start) || joins(start)) {
        return start;
    }
    let mut first = start;
    let mut joined = joins(start);
    while first > 0 && start - first < MAX_BODY_NAME_WORDS {
        let k = first - 1;
        if joins(k) {
            joined = true;
        } else if !capitalized(k) {
            break;
        }
        first = k;
    }
    if joined { first } else { start }
}

/// Where the role phrase whose head is `ws[head]` ends: after the head, or after a
/// complement that follows it ("a spokesman for the foreign ministry", "an adviser to
/// Holt"), never inside a clause.
pub(super) fn role_end(text: &str, ws: &[Range<usize>], head: usize) -> usize {
    let mut buf = [0u8; 32];
    let mut end = ws[head].end;
    let opens_complement = ws
        .get(head + 1)
        .is_some_and(|w| is(Class::RoleComplement, &lower(&text[w.clone()], &mut buf)));
    let from = match to_name(text, ws, head) {
        Some(to) => to + 1,
        None if opens_complement => head + 1,
        None => return end,
    };
    for w in &ws[from..] {
        if breaks_role(&lower(&text[w.clone()], &mut buf)) {
            break;
        }
        end = w.end;
    }
    end
}

/// "an adviser to Holt", "a person close to the Marshes": the "to" after a role's head
/// (or after "close") that a name follows, whom the role serves; its index. Not after
/// a document, which "to" addresses ("a letter to Senator Bell").
fn to_name(text: &str, ws: &[Range<usize>], head: usize) -> Option<usize> {
    let word = |i: usize| ws.get(i).map(|w| &text[w.clone()]);
    let to = if word(head + 1) == Some("close") {
        head + 2
    } else {
        head + 1
    };
    let noun = lower(&text[ws[head].clone()], &mut [0u8; 32]).into_owned();
    if word(to) != Some("to") || !is_people_noun(&noun) {
        return None;
    }
    let named = ws[to + 1..]
        .iter()
        .map(|w| &text[w.clone()])
        .find(|w| !matches!(*w, "the" | "both"))
        .is_some_and(is_capitalized);
    named.then_some(to)
}

/// Whether a source noun names people rather than a document or a body ("adviser",
/// "person", not "letter", "statement", "committee"): "to" after it says whom they serve.
pub(super) fn is_people_noun(word_lower: &str) -> bool {
    !is(Class::DocumentNoun, word_lower) && !lexicon::is_body_head(word_lower)
}
