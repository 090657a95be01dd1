//! Pieces between commas before a verb that the appositive skipping must not drop
//! or must pass over: a titled name after a role ("Its chair, councillor Dan Pryce,
//! said"), a relative clause holding a list ("X, who met Trade, Energy and Mines
//! Minister Y, said").

use super::super::lexicon;
use super::super::speakers::is_role_noun;
use super::super::words::{Word, is_capitalized, lower};
use super::piece_ending;
use std::ops::Range;

/// Most pieces a relative clause before a verb is looked for over.
const MAX_RELATIVE_PIECES: usize = 3;

/// The word that opens a relative clause ("who", "which", after a comma) holding the
/// piece that starts at word `start`, at most [`MAX_RELATIVE_PIECES`] pieces back.
pub(super) fn relative_clause_start(text: &str, ws: &[Word], start: usize) -> Option<usize> {
    let mut at = start;
    for _ in 0..MAX_RELATIVE_PIECES {
        let before = piece_ending(text, ws, at);
        if before.start == 0 || before.is_empty() {
            return None;
        }
        if matches!(&text[ws[before.start].clone()], "who" | "which") {
            return Some(before.start);
        }
        at = before.start;
    }
    None
}

/// "Its chair, councillor Dan Pryce, said": a piece of lower-case titles and a name
/// of two capitalised words or more, after a piece that ends with a lower-case role
/// noun, names the holder of that role; it is the subject, not an appositive.
pub(super) fn titled_holder(
    text: &str,
    ws: &[Word],
    piece: &Range<usize>,
    before: &Range<usize>,
) -> bool {
    let mut buf = [0u8; 32];
    let titles = piece
        .clone()
        .take_while(|&i| {
            let w = &text[ws[i].clone()];
            let l = lower(w, &mut buf);
            !is_capitalized(w) && (lexicon::is_title(&l) || is_role_noun(&l))
        })
        .count();
    let named = piece.len() >= titles + 2
        && (piece.start + titles..piece.end).all(|i| is_capitalized(&text[ws[i].clone()]));
    let role_before = !before.is_empty() && {
        let w = &text[ws[before.end - 1].clone()];
        !is_capitalized(w) && is_role_noun(&lower(w, &mut buf))
    };
    titles > 0 && named && role_before
}

/// Most words back from an "and" to the body's head noun of the name it joins.
const MAX_BODY_NAME_WORDS: usize = 6;

/// Whether the "and" at `ws[i]` joins two words of one body's name ("the Institute
/// for Trade and Development in Asia said"): capitalised words on both sides, and
/// before it, over capitalised words and particles only, a name that opens with a body's
/// head noun followed by "of" or "for".
pub(super) fn joins_body_name(text: &str, ws: &[Word], i: usize) -> bool {
    let mut buf = [0u8; 32];
    let capitalized = |k: usize| ws.get(k).is_some_and(|w| is_capitalized(&text[w.clone()]));
    if i == 0 || &text[ws[i].clone()] != "and" || !capitalized(i - 1) || !capitalized(i + 1) {
        return false;
    }
    let mut k = i - 1;
    while k > 0 && i - k < MAX_BODY_NAME_WORDS {
        let w = &text[ws[k - 1].clone()];
        if !(is_capitalized(w) || matches!(w, "of" | "for" | "on" | "the")) {
            break;
        }
        k -= 1;
    }
    // (the head opens the name: "Boston's Institute for Coastal and Marine
    // Studies" may be a place's, and "X and Y of the Institute" two people)
    // (past an article that opens the sentence: "A Ministry of Trade and Industry
    // official said")
    let article = |j: usize| lexicon::is_article(&lower(&text[ws[j].clone()], &mut [0u8; 32]));
    let Some(head) = (k..i - 1).find(|&j| capitalized(j) && !article(j)) else {
        return false;
    };
    let opens = head == 0 || !capitalized(head - 1) || article(head - 1);
    opens
        && lexicon::is_body_head(&lower(&text[ws[head].clone()], &mut buf))
        && matches!(&text[ws[head + 1].clone()], "of" | "for")
}
