//! Where a speaker is said to speak: wire copy moves between capitals by opening a
//! sentence with the place ("In Brisk, the deputy farm minister … said"), and a
//! reader takes the national offices named there, without a country, for that place's
//! country rather than the dateline's.

use crate::detect::entities::{Entities, Entity};
use crate::detect::evidence::{Clue, Evidence, Target};
use crate::detect::parties::SideMatcher;
use crate::detect::words::is_capitalized;

/// Words a place's name may run to ("Phnom Penh", "Kuala Lumpur").
const PLACE_WORDS: usize = 3;

/// Bytes before a mention within which the sentence's opening place is looked for.
const PLACE_REACH: usize = 160;

/// A speaker introduced in a side's place ("In Brisk, …") holds that side's office,
/// not the home state's, and has the place for a dateline: the clues that point at the
/// state and the home point at that side instead.
pub fn place_clues(text: &str, entities: &Entities, sides: &SideMatcher, evidence: &mut Evidence) {
    for (i, e) in entities.list.iter().enumerate().filter(|(_, e)| e.speaks) {
        if let Some(side) = speaking_place(text, e, sides) {
            let place = Target::Side(side);
            evidence.retarget(i, (Target::State, Clue::Office), place);
            evidence.retarget(i, (Target::Home, Clue::Dateline), place);
        }
    }
}

/// The side whose place opens the sentence that introduces the entity (its first
/// mention: "In Brisk, Deputy Farm Minister Ola Venn said").
fn speaking_place(text: &str, e: &Entity, sides: &SideMatcher) -> Option<usize> {
    let first = e.mentions.iter().map(|m| m.start).min()?;
    opening_place(text, first, sides)
}

/// The side named by the place that opens the sentence holding `at`: "In <Place>, …",
/// the place in capitals and one of a side's names, and no clause break between it
/// and `at` but the comma after the place.
fn opening_place(text: &str, at: usize, sides: &SideMatcher) -> Option<usize> {
    let before = text.get(..at)?;
    let start = sentence_start(before)?;
    let opening = before.get(start..)?.strip_prefix("In ")?;
    let (place, rest) = opening.split_once(", ")?;
    let words: Vec<&str> = place.split_whitespace().collect();
    let named = !words.is_empty()
        && words.len() <= PLACE_WORDS
        && words.iter().all(|w| is_capitalized(w))
        && !rest.contains([',', ';', '"', '\u{201c}']);
    named.then(|| sides.first(place)).flatten()
}

/// Where the sentence that `before` ends inside starts: after the last line break or
/// full stop followed by a space, if one is within `PLACE_REACH` bytes (an opening place
/// further back is too far from the mention to be its).
fn sentence_start(before: &str) -> Option<usize> {
    // (bytes, not chars: the marks are ASCII, and this runs for every mention)
    let from = before.len().saturating_sub(PLACE_REACH);
    let bytes = &before.as_bytes()[from..];
    let line = memchr::memrchr(b'\n', bytes).map(|i| i + 1);
    let stop = bytes[line.unwrap_or(0)..]
        .windows(2)
        .rposition(|w| matches!(w[0], b'.' | b'?' | b'!') && w[1] == b' ')
        .map(|i| line.unwrap_or(0) + i + 2);
    let start = stop.or(line).or((from == 0).then_some(0))?;
    Some(from + start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::test_support::{party, quote_sides, sides};

    #[test]
    fn an_office_introduced_in_the_other_capital_is_that_countrys() {
        let story = "ORVAN, May 2 (Reuters) - Kelmar said on Friday it would close the \
            Dessa crossing to lorries from Vostrana.\n\n\
            \"The crossing is ours to close,\" Kelmari Transport Minister Ida Ruel \
            told reporters in Orvan.\n\n\
            In Brisk, Deputy Trade Minister Tomas Halden said the closure broke a \
            treaty.\n\n\
            \"This is a blockade in all but name,\" Halden said.\n";
        let parties = [
            party("kelmar", "Kelmar", &["Kelmari", "Orvan"]),
            party("vostrana", "Vostrana", &["Vostranan", "Brisk"]),
        ];
        assert_eq!(quote_sides(story, &parties), sides(&["kelmar", "vostrana"]));
    }

    #[test]
    fn a_sentence_opened_by_a_place_starts_after_the_last_stop() {
        let text = "He left. In Brisk, the minister said";
        let at = text.find("the minister").unwrap();
        assert_eq!(
            &text[sentence_start(&text[..at]).unwrap()..at],
            "In Brisk, "
        );
    }
}
