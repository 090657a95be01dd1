//! Words of time and the words that sit between a subject and its verb: auxiliaries,
//! adverbs, days and months ("Cuba on Tuesday said", "Beijing had previously said").

/// Days of the week, lower case.
pub fn is_weekday(word_lower: &str) -> bool {
    matches!(
        word_lower,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// Months and days of the week: capitalised, but never a name ("in December calling").
/// ("May" is left out: it is a surname as often.)
pub fn is_calendar_word(word_lower: &str) -> bool {
    is_weekday(word_lower)
        || matches!(
            word_lower,
            "january"
                | "february"
                | "march"
                | "april"
                | "june"
                | "july"
                | "august"
                | "september"
                | "october"
                | "november"
                | "december"
        )
}

/// Adverbs and auxiliaries that sit between a source and its verb
/// ("Cuba also said", "Beijing had previously said").
pub fn is_verb_modifier(word_lower: &str) -> bool {
    is_auxiliary(word_lower) || is_verb_adverb(word_lower) || word_lower == "told"
}

/// Auxiliary and modal verbs, and "not".
pub fn is_auxiliary(word_lower: &str) -> bool {
    is_plain_modal(word_lower)
        || matches!(
            word_lower,
            "has" | "had" | "have" | "was" | "were" | "is" | "are" | "did" | "does" | "do" | "not"
        )
}

/// The modals an auxiliary can be ("will", "could").
fn is_plain_modal(word_lower: &str) -> bool {
    matches!(
        word_lower,
        "will" | "would" | "could" | "should" | "may" | "might" | "can"
    )
}

/// Modal verbs: a verb after one tells what may, would or should happen, not what did
/// ("would respond", "will say", "can't call").
pub fn is_modal(word_lower: &str) -> bool {
    let negated = word_lower
        .strip_suffix("n't")
        .or_else(|| word_lower.strip_suffix("n’t"));
    is_plain_modal(word_lower)
        || matches!(word_lower, "must" | "shall" | "cannot")
        || negated.is_some_and(|stem| matches!(stem, "wo" | "would" | "could" | "should" | "ca"))
}

/// Adverbs of time and manner that sit before a verb ("previously", "flatly").
fn is_verb_adverb(word_lower: &str) -> bool {
    matches!(
        word_lower,
        "also"
            | "previously"
            | "later"
            | "earlier"
            | "then"
            | "again"
            | "repeatedly"
            | "often"
            | "once"
            | "recently"
            | "publicly"
            | "privately"
            | "immediately"
            | "quickly"
            | "flatly"
            | "firmly"
            | "bluntly"
            | "simply"
            | "openly"
            | "reportedly"
            | "pointedly"
            | "unilaterally"
            | "strongly"
            | "further"
            | "just"
            | "never"
            | "always"
            | "still"
            | "even"
            | "only"
            | "yesterday"
            | "today"
            | "tonight"
            | "already"
            | "angrily"
            | "sharply"
            | "calmly"
    )
}

/// Adverbs that close a phrase of time opening a sentence ("Hours later,", "Two weeks
/// ago,").
pub fn is_time_adverb(word_lower: &str) -> bool {
    matches!(
        word_lower,
        "later" | "earlier" | "ago" | "afterwards" | "afterward"
    )
}

/// Time words that may sit between a subject and its verb ("Cuba on Tuesday said").
pub fn is_time_word(w: &str) -> bool {
    matches!(
        w,
        "on" | "last"
            | "today"
            | "yesterday"
            | "tonight"
            | "this"
            | "next"
            | "week"
            | "month"
            | "year"
            | "night"
            | "morning"
            | "afternoon"
            | "evening"
            | "late"
            | "early"
    ) || is_calendar_word(w)
}

/// Whether a lower-case word ends as a participle or adverb does ("-ing", "-ed",
/// "-ly", "-en"): such a word makes a run of lower-case words a clause.
pub fn has_verb_ending(word_lower: &str) -> bool {
    ["ing", "ed", "ly", "en"]
        .iter()
        .any(|end| word_lower.ends_with(end))
}
