//! Lines that stamp the page rather than tell the story: a date, a copyright, a
//! photo credit, a byline, a pointer elsewhere. Each is a short line; what marks it
//! is how it starts or what all its words are.

/// Starts of short lines that stamp the page rather than tell the story.
const STAMPS: &[&str] = &[
    "advertisement",
    "comments",
    "copyright",
    "don't miss",
    "don’t miss",
    "first published",
    "follow us",
    "last updated",
    "posted",
    "published",
    "read more",
    "related",
    "see more",
    "share this",
    "updated",
    "you may also like",
];

/// A stamp or a credit is a short line: longer ones are prose that happens to
/// start with the same word.
const STAMP_MAX_WORDS: usize = 14;

/// A short line that only stamps a date, a copyright or a photo credit, says who
/// wrote the story, or points elsewhere ("Read more: …").
pub(super) fn is_stamp(text: &str) -> bool {
    if text.split_whitespace().count() > STAMP_MAX_WORDS {
        return false;
    }
    let lower = text.to_lowercase();
    let lower = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
    let starts_with_word = |w: &str| {
        lower
            .strip_prefix(w)
            .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
    };
    STAMPS.iter().any(|w| starts_with_word(w))
        || ["image", "photo"]
            .iter()
            .any(|w| lower.strip_prefix(w).is_some_and(|r| r.starts_with(':')))
        || lower.contains('©')
        || lower.contains("all rights reserved")
        || lower.contains("getty images")
        || is_date_line(text)
        || is_byline(text)
}

/// Months and days, lower case: a line that only dates the page names one.
const CALENDAR: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
    "mon",
    "monday",
    "tue",
    "tues",
    "tuesday",
    "wed",
    "wednesday",
    "thu",
    "thurs",
    "thursday",
    "fri",
    "friday",
    "sat",
    "saturday",
    "sun",
    "sunday",
];

/// The other words a line that only dates the page is made of, beside numbers and
/// the calendar's ("Mar. 14, 2021, 7:05 PM UTC", "Updated: Tuesday 5 March 2024 at
/// 10:43"), lower case.
const DATE_WORDS: &[&str] = &[
    "am",
    "pm",
    "a",
    "p",
    "m",
    "utc",
    "gmt",
    "et",
    "est",
    "edt",
    "ct",
    "cst",
    "cdt",
    "pt",
    "pst",
    "pdt",
    "bst",
    "cet",
    "cest",
    "updated",
    "published",
    "posted",
    "modified",
    "last",
    "on",
    "at",
];

/// Words a byline joins its names with, beside the names and its date.
const BYLINE_JOINS: &[&str] = &["and", "on", "at", "in", "for", "with"];

/// A line (short, as `is_stamp` asks) that only dates the page: every word a number, a month, a day, a
/// time or a zone, with a number and a month or day among them (a table's cell of
/// figures is not a date).
fn is_date_line(text: &str) -> bool {
    let words = word_tokens(text);
    let lower = |w: &&str| w.to_lowercase();
    words.iter().any(|w| w.chars().any(|c| c.is_ascii_digit()))
        && words.iter().any(|w| CALENDAR.contains(&lower(w).as_str()))
        && words.iter().all(|w| is_date_word(w))
}

/// A line (short, as `is_stamp` asks) that only says who wrote the story: "By" and names, with perhaps
/// a date ("By Ana Ruiz and Tom Hale on Monday, March 4"). A sentence that starts
/// with "By" has words in lower case ("By Tuesday, officials had …").
fn is_byline(text: &str) -> bool {
    let words = word_tokens(text);
    let Some((first, names)) = words.split_first() else {
        return false;
    };
    first.eq_ignore_ascii_case("by")
        && !names.is_empty()
        && names.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                || BYLINE_JOINS.contains(w)
                || is_date_word(w)
        })
}

fn is_date_word(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_digit())
        || [CALENDAR, DATE_WORDS]
            .iter()
            .any(|list| list.contains(&word.to_lowercase().as_str()))
}

/// The runs of letters and digits of `text`.
fn word_tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}
