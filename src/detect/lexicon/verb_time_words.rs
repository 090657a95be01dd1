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
    matches!(
        word_lower,
        "has"
            | "had"
            | "have"
            | "was"
            | "were"
            | "is"
            | "are"
            | "will"
            | "would"
            | "could"
            | "should"
            | "may"
            | "might"
            | "can"
            | "did"
            | "does"
            | "do"
            | "not"
    )
}

/// Modal verbs: what they govern has not happened ("would respond", "may announce").
pub fn is_modal(word_lower: &str) -> bool {
    matches!(
        word_lower,
        "will" | "would" | "could" | "should" | "may" | "might" | "must" | "shall" | "can"
    )
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
