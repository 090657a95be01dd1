//! Pieces between commas before a verb that the appositive skipping must not drop
//! or must pass over: a titled name after a role ("Its chair, councillor Rob Heald,
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

/// "Its chair, councillor Rob Heald, said": a piece of lower-case titles and a name
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
