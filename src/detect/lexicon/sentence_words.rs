//! Words that are capitalised at the start of a sentence but begin no name: the
//! openings, pointing words, quantifiers and fillers a capitalised run of words is
//! stripped of before it is read as a name ("Several Tory MPs", "Does Ruiz").

use super::function_words::is_opening_word;
use super::verb_time_words::is_weekday;
use crate::article::abbreviations;

/// Words that are capitalised at the start of a sentence but never begin a name.
pub fn is_sentence_word(word_lower: &str) -> bool {
    is_opening_word(word_lower)
        || is_pointing_word(word_lower)
        || is_quantifier(word_lower)
        || is_sentence_filler(word_lower)
        || abbreviations::is_name_prefix(word_lower)
        || is_weekday(word_lower)
        || is_plain_preposition(word_lower)
}

/// Articles, demonstratives, pronouns and question words.
fn is_pointing_word(word_lower: &str) -> bool {
    matches!(
        word_lower,
        "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "these"
            | "those"
            | "it"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "my"
            | "your"
            | "we"
            | "they"
            | "he"
            | "she"
            | "i"
            | "you"
            | "there"
            | "here"
            | "what"
            | "who"
            | "which"
            | "where"
            | "why"
            | "how"
    )
}

/// Words of number and quantity ("Both", "Several", "One").
fn is_quantifier(word_lower: &str) -> bool {
    matches!(
        word_lower,
        "last"
            | "next"
            | "both"
            | "some"
            | "many"
            | "most"
            | "all"
            | "few"
            | "several"
            | "other"
            | "another"
            | "such"
            | "one"
            | "two"
            | "three"
    )
}

/// Verb forms, adverbs, prepositions and page furniture that open sentences and
/// captions ("Speaking in Ohio", "Indeed", "Related", "Photo").
fn is_sentence_filler(word_lower: &str) -> bool {
    matches!(
        word_lower,
        "asked"
            | "referring"
            | "speaking"
            | "according"
            | "writing"
            | "officials"
            | "indeed"
            | "even"
            | "just"
            | "only"
            | "not"
            | "no"
            | "yes"
            | "well"
            | "oh"
            | "by"
            | "from"
            | "to"
            | "of"
            | "said"
            | "says"
            | "former"
            | "u.s"
            | "u.s."
            | "today"
            | "yesterday"
            | "read"
            | "update"
            | "related"
            | "watch"
            | "photo"
    )
}

/// Auxiliaries that open a question before its subject ("Does Ruiz back the plan?",
/// "Was Pell told?"); "Will", "May", "Can" and "Do" are left out, being names too.
/// Only as a run's first word: after another ("It is a Budget") they begin nothing.
pub fn is_question_auxiliary(word_lower: &str) -> bool {
    matches!(
        word_lower,
        "does"
            | "did"
            | "is"
            | "was"
            | "are"
            | "were"
            | "has"
            | "had"
            | "would"
            | "could"
            | "should"
    )
}

/// Prepositions that open a sentence with a phrase the comma closes before the
/// subject ("Like Ruiz, Pell said", "Against Ruiz, she argued"), which
/// [`is_opening_word`] does not know. ("About" and "Among" are left out: "About half of
/// voters say" opens its own subject.)
fn is_plain_preposition(word_lower: &str) -> bool {
    matches!(word_lower, "like" | "unlike" | "against" | "alongside")
}
