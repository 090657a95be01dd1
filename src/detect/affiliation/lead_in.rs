//! The side that spoke in the sentence just before a bare title: "Greywell said the
//! offer was fair. Managing director Ann Bell said …", "Karvonian officials said the
//! dam was theirs. Energy Minister Ivo Lanz said …". Copy that names a body as the
//! subject of a speech verb and then opens the next sentence with a title that names
//! no one's body introduces that body's officer; a title of the other side would say
//! whose it is ("Dessaly's water minister"). Not in a story that names a party: there a bare office of the state ("Finance Minister") answers to whoever
//! governs, and the sentence before is as often the opposition's attack.

use crate::detect::entities::{Entities, Entity, EntityKind};
use crate::detect::lexicon::CueKind;
use crate::detect::parties::SideMatcher;
use crate::detect::side_kind::SideKind;

/// How many words may open the sentence before the side it names as its subject ("The
/// Karvonian government said" has one).
const WORDS_BEFORE_SUBJECT: usize = 1;

/// The side named as the speaking subject of the sentence right before the one a
/// person's bare title opens, in a story that names no party.
pub(super) fn side_of_sentence_before(
    text: &str,
    entities: &Entities,
    e: &Entity,
    (sides, kinds): (&SideMatcher, &[SideKind]),
) -> Option<usize> {
    if e.kind != EntityKind::Person {
        return None;
    }
    let role = e.role.as_deref()?;
    let at = e.mentions.first()?.start;
    let role_at = opening_title(text, at, role)?;
    if sides.first(role).is_some() {
        return None;
    }
    let sentence = sentence_before(text, role_at)?;
    let (offset, side) = sides.find(sentence).into_iter().next()?;
    if sentence[..offset].split_whitespace().count() > WORDS_BEFORE_SUBJECT {
        return None;
    }
    let verb = offset + first_speech_verb(&sentence[offset..])?;
    // the side is the subject, not a person's title ("Lisk chief executive Ann Bell said")
    let from = sentence.as_ptr() as usize - text.as_ptr() as usize;
    let person_speaks = entities
        .list
        .iter()
        .filter(|p| p.kind == EntityKind::Person)
        .flat_map(|p| &p.mentions)
        .any(|m| (from..from + verb).contains(&m.start));
    let names_a_party = || {
        sides
            .find(text)
            .iter()
            .any(|&(_, s)| kinds.get(s) == Some(&SideKind::Party))
    };
    (!person_speaks && !names_a_party()).then_some(side)
}

/// Where `role` starts when it opens its sentence right before the name at `at`, a
/// capitalised title with no owner ("Managing director", not "Its chief executive" nor
/// "Dessaly's water minister").
fn opening_title(text: &str, at: usize, role: &str) -> Option<usize> {
    let before = text[..at].trim_end();
    let role_at = before.len().checked_sub(role.len())?;
    let written = before.get(role_at..)?;
    if !written.eq_ignore_ascii_case(role) || !role.starts_with(char::is_uppercase) {
        return None;
    }
    let owned = role.split_whitespace().any(|w| {
        w.ends_with("'s") || w.ends_with("’s") || matches!(w, "Its" | "Their" | "His" | "Her")
    });
    let opens = text[..role_at]
        .trim_end_matches([' ', '\t'])
        .chars()
        .next_back()
        .is_none_or(|c| matches!(c, '\n' | '.' | '!' | '?' | '"' | '”'));
    (!owned && opens).then_some(role_at)
}

/// The sentence that ends right before `at`, read back to its paragraph's start or to
/// the last sentence end outside quotation marks.
fn sentence_before(text: &str, at: usize) -> Option<&str> {
    let before = text[..at].trim_end();
    let paragraph = before.rfind('\n').map_or(0, |i| i + 1);
    let body = &before[paragraph..];
    // the last word ends the sentence: its own full stop is not its start
    let inner = body.trim_end_matches(['.', '"', '”', '!', '?']);
    let mut start = 0;
    let mut quoted = false;
    for (i, c) in inner.char_indices() {
        match c {
            '"' | '“' | '”' => quoted = !quoted,
            '.' | '!' | '?' if !quoted && inner[i + 1..].starts_with(' ') => start = i + 2,
            _ => {}
        }
    }
    let sentence = body.get(start..)?.trim();
    (!sentence.is_empty()).then_some(sentence)
}

/// Where the first speech verb of a sentence's narration (outside quotation marks)
/// starts.
fn first_speech_verb(sentence: &str) -> Option<usize> {
    let mut buf = [0u8; 32];
    let mut quoted = false;
    let mut word_at = None;
    for (i, c) in sentence
        .char_indices()
        .chain(std::iter::once((sentence.len(), ' ')))
    {
        if c.is_alphabetic() {
            word_at = word_at.or(Some(i));
            continue;
        }
        if let Some(at) = word_at.take() {
            let lower = crate::detect::words::lower(&sentence[at..i], &mut buf);
            let speech = crate::detect::lexicon::cue(&lower) == Some(CueKind::Speech);
            if speech && !quoted {
                return Some(at);
            }
        }
        if matches!(c, '"' | '“' | '”') {
            quoted = !quoted;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sentence_before_ends_at_the_last_full_stop_outside_quotations() {
        let text = "Lisk made a loss. Tervo said it was \"not. fair\" at all.\n\nChief X said";
        let at = text.find("Chief").unwrap_or(0);
        assert_eq!(
            sentence_before(text, at),
            Some("Tervo said it was \"not. fair\" at all.")
        );
    }

    #[test]
    fn a_title_opens_its_sentence_only_without_an_owner() {
        let text = "It fell. Managing director Ann Bell said";
        let at = text.find("Ann").unwrap_or(0);
        assert!(opening_title(text, at, "Managing director").is_some());
        let text = "It fell. Lisk's managing director Ann Bell said";
        let at = text.find("Ann").unwrap_or(0);
        assert!(opening_title(text, at, "Lisk's managing director").is_none());
        let text = "It fell, and managing director Ann Bell said";
        assert!(opening_title(text, at, "managing director").is_none());
    }

    #[test]
    fn a_bare_title_speaks_for_the_side_that_spoke_just_before() {
        use crate::detect::test_support::{party, quote_sides, sides};
        let story = "Ferry crews to strike\n\n\
            Crews at Brellan Ferries will strike next week, the Harbour Crews Union said.\n\n\
            Brellan said its offer was fair and that the union had walked away.\n\n\
            Operations director Ann Bell said she was \"saddened\" by the vote.\n\n\
            \"We will keep the islands supplied,\" she said.\n";
        let parties = [
            party("union", "Harbour Crews Union", &["union"]),
            party("brellan", "Brellan Ferries", &["Brellan"]),
        ];
        assert_eq!(quote_sides(story, &parties), sides(&["brellan", "brellan"]));
        // a title after a sentence that no side speaks in is left open
        let silent = story.replace(
            "Brellan said its offer was fair",
            "The vote came after months of talks",
        );
        assert_eq!(quote_sides(&silent, &parties), vec![None, None]);
        // nor after a person who speaks under the side's name ("Brellan chief executive")
        let person = story.replace(
            "Brellan said its offer",
            "Brellan chief executive Ivo Lanz said its offer",
        );
        assert_eq!(quote_sides(&person, &parties), vec![None, None]);
    }

    #[test]
    fn a_bare_office_of_the_state_in_a_party_story_is_left_to_who_governs() {
        use crate::detect::test_support::{party, quote_sides};
        let story = "Fuel duty row\n\n\
            The Hill Party said it would block a rise in fuel duty.\n\n\
            Finance Minister Ivo Lanz said the rise was needed. \"The coffers are \
            empty,\" he said.\n";
        let parties = [
            party("coast", "Coast Party", &["Coast", "the government"]),
            party("hill", "Hill Party", &["Hill"]),
        ];
        assert_ne!(quote_sides(story, &parties)[0].as_deref(), Some("hill"));
    }
}
