//! The extent of a role phrase in a source ("a spokesman for the foreign ministry",
//! "the State Department spokesman"): from its determiner to its head noun and
//! complement, never into the clause around it.

use super::lexicon;
use super::words::{is_capitalized, lower};
use std::ops::Range;

/// Words that cannot sit inside a role phrase: a verb, an auxiliary, a preposition
/// that opens a clause, a relative. "her government would raise the issue" is the role
/// "her government" and a clause; "to make clear to member" is no role at all.
fn breaks_role(word_lower: &str) -> bool {
    lexicon::is_verb_modifier(word_lower)
        || lexicon::cue(word_lower).is_some()
        || matches!(
            word_lower,
            "to" | "that" | "which" | "who" | "whom" | "whose" | "be" | "been" | "being" | "make"
        )
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
        if (!is_capitalized(word) && breaks_role(&l))
            || matches!(&*l, "of" | "for" | "in" | "on" | "at" | "by" | "with")
        {
            break;
        }
        start -= 1;
        if matches!(&*l, "the" | "a" | "an" | "its" | "his" | "her" | "their") {
            break;
        }
    }
    start
}

/// Where the role phrase whose head is `ws[head]` ends: after the head, or after a
/// complement that follows it ("a spokesman for the foreign ministry"), never inside a
/// clause.
pub(super) fn role_end(text: &str, ws: &[Range<usize>], head: usize) -> usize {
    let mut buf = [0u8; 32];
    let mut end = ws[head].end;
    let opens_complement = ws.get(head + 1).is_some_and(|w| {
        let l = lower(&text[w.clone()], &mut buf);
        matches!(&*l, "for" | "of" | "at" | "from" | "in" | "with")
    });
    if opens_complement {
        for w in &ws[head + 1..] {
            if breaks_role(&lower(&text[w.clone()], &mut buf)) {
                break;
            }
            end = w.end;
        }
    }
    end
}
