//! What the review flow says: stepping to the suggestions still to review, accepting
//! or rejecting and moving on, "accept all like it", and the list filter.

use crate::keys::Command;
use crate::tui::keymap::Keymap;

/// What an annotation is, in the singular and the plural: "direct quote(s)",
/// "position(s)".
pub fn kind_words(kind: Option<crate::model::QuoteKind>) -> (&'static str, &'static str) {
    use crate::model::QuoteKind;
    match kind {
        Some(QuoteKind::Direct) => ("direct quote", "direct quotes"),
        Some(QuoteKind::Partial) => ("partial quote", "partial quotes"),
        Some(QuoteKind::Term) => ("term", "terms"),
        None => ("position", "positions"),
    }
}

/// After "accept all like it": how many of what were accepted, where they are listed,
/// and how to take them back ("accepted 3 direct quotes of Cuba (u undoes all 3;
/// :messages lists them)").
pub fn accepted_all(
    n: usize,
    kind: Option<crate::model::QuoteKind>,
    side: Option<&str>,
    keys: &Keymap,
) -> String {
    let (one, many) = kind_words(kind);
    let of = match side {
        Some(name) => format!("of {name}"),
        None => "with no side".to_string(),
    };
    match n {
        0 => format!("no {one} {of} is still to review"),
        1 => format!(
            "accepted 1 {one} {of} ({} undoes)",
            keys.hint(Command::Undo)
        ),
        n => format!(
            "accepted {n} {many} {of} ({} undoes all {n}; :messages lists them)",
            keys.hint(Command::Undo)
        ),
    }
}

/// One annotation accepted by "accept all", for the message log.
pub fn accepted_line(text: &str, speaker: Option<&str>) -> String {
    let words: Vec<&str> = text.split_whitespace().take(12).collect();
    let more = if text.split_whitespace().nth(12).is_some() {
        " …"
    } else {
        ""
    };
    let who = speaker.map_or(String::new(), |s| format!(" — {s}"));
    format!("  accepted: {}{more}{who}", words.join(" "))
}

/// The last line of a list cut short.
pub fn and_more(n: usize) -> String {
    format!("  … and {n} more")
}

/// After `y` / `X`: what was done, what follows ("next: direct quote · Cuba · …", or
/// that none is left), and the undo key last (it goes first when room is short).
pub fn reviewed(done: &str, then: &str, keys: &Keymap) -> String {
    format!("{done}; {then} ({} undoes)", keys.hint(Command::Undo))
}

/// `y` or `X` on an annotation that had that status: "already accepted; THEN"
pub fn already_reviewed(status: &str, then: &str) -> String {
    format!("already {status}; {then}")
}

/// Stepping to the next (previous) suggestion went round the end of the article.
pub fn review_wrapped(forward: bool) -> &'static str {
    if forward {
        "past the end: back to the first suggestion to review"
    } else {
        "past the start: on to the last suggestion to review"
    }
}

/// No suggestion is left to review (among those the filter lets through).
pub fn nothing_to_review(filtered: bool) -> &'static str {
    if filtered {
        "nothing left to review in the filtered list"
    } else {
        "nothing left to review: every suggestion is accepted or rejected"
    }
}

/// "Filter the list by"
pub const LIST_FILTER_TITLE: &str = "Filter the list by";

/// The filter's question when a filter is set.
pub fn filter_title_now(now: &str) -> String {
    format!("Filter the list (now: {now}; the same choice lifts it)")
}

/// The filter was set: what it lets through, and how to change or clear it.
pub fn filter_set(what: &str, listed: usize, keys: &Keymap) -> String {
    let f = keys.hint(Command::Filter);
    let listed = match listed {
        0 => "nothing matches".to_string(),
        n => format!("{n} listed"),
    };
    format!("filter: {what} — {listed} ({f} changes it, {f} c clears it)")
}

/// The filter was lifted.
pub fn filter_cleared(keys: &Keymap) -> String {
    format!(
        "filter cleared: every annotation is listed ({} filters)",
        keys.hint(Command::Filter)
    )
}

/// The sidebar's first line while a filter is set.
pub fn filter_header(what: &str, keys: &Keymap) -> String {
    format!("filter: {what} ({} c clears)", keys.hint(Command::Filter))
}

/// The sidebar when the filter lets nothing through.
pub fn nothing_listed(keys: &Keymap) -> String {
    format!("nothing matches ({} c clears)", keys.hint(Command::Filter))
}
