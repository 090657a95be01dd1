//! The name before the place a person is from, when the verb follows the place with no
//! comma ("Ona Rask, 45, of Lund said"): the place is no subject.

use super::piece_ending;
use crate::detect::lexicon;
use crate::detect::words::{Word, is_capitalized, lower};
use std::ops::Range;

/// "Ona Rask, 45, of Lund said", "Stacy Bel of Lund, Ardela, says" without its last
/// comma: the last piece before a verb with no comma before it is where a person is
/// from, and the name that opens the clause is the subject. The pieces: an age, then
/// "of" or "from" and a place; or a short capitalised place after a name that ends
/// "of" or "from" and a capitalised word.
pub(super) fn name_before_home(
    text: &str,
    ws: &[Word],
    piece: &Range<usize>,
) -> Option<Range<usize>> {
    let mut buf = [0u8; 32];
    let capitalized = |i: usize| is_capitalized(&text[ws[i].clone()]);
    if piece.start == 0 || piece.len() > 4 {
        return None;
    }
    let before = piece_ending(text, ws, piece.start);
    let opens_name = |r: &Range<usize>| {
        r.start == 0
            && capitalized(0)
            && !lexicon::is_opening_word(&lower(&text[ws[0].clone()], &mut [0u8; 32]))
    };
    let first = lower(&text[ws[piece.start].clone()], &mut buf);
    let age = before.len() == 1
        && text[ws[before.start].clone()]
            .bytes()
            .all(|b| b.is_ascii_digit());
    if matches!(&*first, "of" | "from") && age {
        let name = piece_ending(text, ws, before.start);
        return (opens_name(&name)
            && (2..=4).contains(&name.len())
            && name.clone().all(capitalized))
        .then_some(name);
    }
    let place = piece.len() <= 3 && piece.clone().all(capitalized);
    // (the name and its town, capitalised words all but the "of": "Closing a hearing in
    // the Senate of Tessaly, Ramos said" has no name before the town)
    let from_place = (4..=6).contains(&before.len())
        && matches!(&text[ws[before.end - 2].clone()], "of" | "from")
        && before
            .clone()
            .all(|i| i == before.end - 2 || capitalized(i));
    (place && from_place && opens_name(&before)).then_some(before)
}
