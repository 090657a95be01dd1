//! Whether an "and" joins the parts of one title rather than two people or two
//! phrases: "the trade and industry secretary, Tom Voss" and "The Work and Pensions
//! Secretary said" are one holder's title, "Tony Blair and Health Secretary John Reid"
//! two people.

use crate::detect::lexicon;
use crate::detect::words::{Word, is_capitalized, lower};

/// Whether the "and" at `ws[i]` joins two parts of one title before a name ("shadow work
/// and pensions secretary Colin Marsh", "the trade and industry secretary, Tom Voss"):
/// a lower-case word before it, and after it at most three words of which the last is
/// an office ("secretary", "minister", "spokesman") followed by a capitalised word, or a
/// comma and one. "Tony Blair and Health Secretary John Reid" is two people: a name, not
/// a lower-case word, stands before the "and". An abbreviated title may stand there too,
/// with four words after it ("former Ohio Gov. and State Party Chairman Ted Brand").
pub(in crate::detect) fn joins_title(text: &str, ws: &[Word], i: usize) -> bool {
    let mut buf = [0u8; 32];
    if i == 0 || &text[ws[i].clone()] != "and" {
        return false;
    }
    let before = &text[ws[i - 1].clone()];
    let mut before_buf = [0u8; 32];
    let before_lower = lower(before, &mut before_buf);
    // (an abbreviated title is capitalised and still a title: "former Ohio Gov. and
    // party chairman Ted Brand")
    let capitalized = is_capitalized(before);
    let title_abbreviation = capitalized
        && before.len() <= 5
        && (before.ends_with('.') || text[ws[i - 1].end..ws[i].start].starts_with('.'))
        && lexicon::is_title(&before_lower);
    if capitalized && !title_abbreviation {
        return joins_portfolio(text, ws, i);
    }
    if lexicon::is_determiner(&before_lower) {
        return false;
    }
    // (after such a title a capitalised body before the second office may take a word
    // more: "Gov. and State Party Finance Chairman Ted Brand")
    let reach = if title_abbreviation { 5 } else { 4 };
    for k in i + 1..ws.len().min(i + reach) {
        let w = &text[ws[k].clone()];
        let l = lower(w, &mut buf).into_owned();
        // (a capitalised word of a title is a noun: "State Party Chairman")
        if lexicon::is_determiner(&l) || (lexicon::cue(&l).is_some() && !is_capitalized(w)) {
            return false;
        }
        if k > i + 1 && lexicon::is_office(&l) {
            let gap = ws.get(k + 1).map(|n| &text[ws[k].end..n.start]);
            let next_named = ws
                .get(k + 1)
                .is_some_and(|n| is_capitalized(&text[n.clone()]));
            return next_named && gap.is_some_and(|g| g.trim() == "," || g.trim().is_empty());
        }
    }
    false
}

/// Whether the "and" at `ws[i]` joins the capitalised words of one portfolio ("The Work
/// and Pensions Secretary said", "Trade and Industry Secretary Ann Bell"): one
/// capitalised word before it, opening the sentence or after a lower-case word or
/// determiner (not a first name: "Tony Blair and Health Secretary John Reid" is two
/// people), and after it capitalised words up to an office, at most three words on.
fn joins_portfolio(text: &str, ws: &[Word], i: usize) -> bool {
    let mut buf = [0u8; 32];
    let opens = i == 1 || {
        let w = &text[ws[i - 2].clone()];
        let gap = &text[ws[i - 2].end..ws[i - 1].start];
        gap.trim().is_empty() && (!is_capitalized(w) || lexicon::is_determiner(&lower(w, &mut buf)))
    };
    if !opens || !text[ws[i - 1].end..ws[i].start].trim().is_empty() {
        return false;
    }
    for k in i + 1..ws.len().min(i + 4) {
        let w = &text[ws[k].clone()];
        if !is_capitalized(w) {
            return false;
        }
        if k > i + 1 && lexicon::is_office(&lower(w, &mut buf)) {
            return true;
        }
    }
    false
}
