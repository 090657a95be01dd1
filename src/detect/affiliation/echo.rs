//! A description after a name that repeats an office the story gave a side earlier:
//! "Ann Bell, the chief negotiator," after "the Acme chief negotiator told reporters"
//! is Acme's, whatever the dateline says. Only a definite description of two words or
//! more counts ("the minister" is anyone's), and only when every earlier use of the
//! office names the same side.

use crate::detect::appositive::{Reading, appositive};
use crate::detect::entities::{Entities, Entity, mention_ends};
use crate::detect::evidence::{Clue, Evidence, Target};
use crate::detect::lexicon;
use crate::detect::parties::SideMatcher;
use crate::detect::words::floor_boundary;

/// Bytes before a mention searched for the office: the story so far, not a corpus.
const LOOK_BACK: usize = 8 * 1024;

/// Words a side's name before the office may run to ("the People's Republic").
const OWNER_WORDS: usize = 4;

/// The posts a country holds one of in another's capital.
const ENVOY_POSTS: [&str; 2] = ["ambassador", "envoy"];

/// Clues from the appositives that repeat an office an earlier mention gave a side.
pub fn echoed_office_clues(
    text: &str,
    entities: &Entities,
    sides: &SideMatcher,
    evidence: &mut Evidence,
) {
    for (i, e) in entities.list.iter().enumerate().filter(|(_, e)| e.speaks) {
        let owners = mention_ends(text, e).flat_map(|end| {
            let office = appositive(text, end, Reading::Strict).and_then(|a| bare_office(a, sides));
            office
                .into_iter()
                .flat_map(move |o| owners_before(text, end, o, sides))
        });
        if let Some(side) = super::agreed(owners) {
            evidence.add(i, Target::Side(side), Clue::Described);
        } else if let Some(side) = envoy_owner(text, e, sides) {
            evidence.add(i, Target::Side(side), Clue::Described);
        }
    }
}

/// The side whose envoy a speaker called only "ambassador" is ("The ambassador, Ivo
/// Brand, said" after "summoned Kasmar's ambassador"): a country has one envoy in the
/// other's capital, so the post alone is enough, when every earlier mention of it
/// before the speaker's first names the same owner.
fn envoy_owner(text: &str, e: &Entity, sides: &SideMatcher) -> Option<usize> {
    let post = |d: &String| {
        let d = d.strip_prefix("the ").unwrap_or(d).to_lowercase();
        ENVOY_POSTS.contains(&d.as_str()).then_some(d)
    };
    let post = e.descriptions.iter().find_map(post)?;
    let first = e.mentions.iter().map(|m| m.start).min()?;
    let owners = owners_before(text, first, &post, sides);
    let side = *owners.first()?;
    owners.iter().all(|&s| s == side).then_some(side)
}

/// The office of a definite description that names no side ("the chief negotiator"
/// → "chief negotiator"): two or more lower-case words ending in an office or title.
fn bare_office<'a>(description: &'a str, sides: &SideMatcher) -> Option<&'a str> {
    let office = description.strip_prefix("the ")?.trim();
    let words: Vec<&str> = office.split_whitespace().collect();
    let lower = words
        .iter()
        .all(|w| w.chars().all(|c| c.is_lowercase() || c == '-'));
    let head = words.last()?;
    let is_office =
        lexicon::is_title(head) || lexicon::is_office(head) || lexicon::is_source_noun(head);
    (words.len() >= 2 && lower && is_office && sides.first(office).is_none()).then_some(office)
}

/// The sides named just before each use of `office` in the `LOOK_BACK` bytes before
/// `before` ("the U.S. chief negotiator", "Japan's Chief Negotiator").
fn owners_before(text: &str, before: usize, office: &str, sides: &SideMatcher) -> Vec<usize> {
    let start = floor_boundary(text, before.saturating_sub(LOOK_BACK));
    let window = &text[start..before];
    let titled = title_case(office);
    let mut out = Vec::new();
    for form in [office, titled.as_str()] {
        for (at, _) in window.match_indices(form) {
            let after = window[at + form.len()..].chars().next();
            if after.is_some_and(char::is_alphanumeric) {
                continue;
            }
            out.extend(owner_ending(&window[..at], sides));
        }
    }
    out
}

/// The side whose name ends `before` (a space after it), its possessive allowed.
fn owner_ending(before: &str, sides: &SideMatcher) -> Option<usize> {
    let before = before.strip_suffix(' ')?;
    let words: Vec<&str> = before.rsplit(' ').take(OWNER_WORDS).collect();
    // (a period that is no initialism's ends the sentence: no owner across it)
    let last = words.first()?;
    if last.ends_with('.') && last.matches('.').count() < 2 {
        return None;
    }
    (1..=words.len()).find_map(|n| {
        let phrase = words[..n]
            .iter()
            .rev()
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        let phrase = crate::detect::words::trim_possessive(&phrase);
        sides.is_name(phrase).then(|| sides.first(phrase)).flatten()
    })
}

/// "chief negotiator" → "Chief Negotiator", as a title before a name is written.
fn title_case(office: &str) -> String {
    let words = office.split(' ').map(|w| {
        let mut chars = w.chars();
        chars.next().map_or(String::new(), |c| {
            c.to_uppercase().chain(chars).collect::<String>()
        })
    });
    words.collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sides() -> SideMatcher {
        SideMatcher::new(&[
            vec!["Ardenia".into(), "Ardenian".into()],
            vec!["Belvora".into(), "Belvoran".into()],
        ])
    }

    #[test]
    fn an_office_repeated_after_a_name_takes_the_side_it_was_given() {
        let m = sides();
        let text = "The Ardenian chief negotiator left early. Later, Ann Bell, the chief \
                    negotiator, spoke.";
        let end = text.find("Bell").unwrap() + 4;
        let office = appositive(text, end, Reading::Strict).and_then(|a| bare_office(a, &m));
        assert_eq!(office, Some("chief negotiator"));
        assert_eq!(owners_before(text, end, "chief negotiator", &m), [0]);
        let titled = "Belvora's Chief Negotiator Ian Moss spoke. Moss, the chief negotiator,";
        let end = titled.find("Moss,").unwrap() + 4;
        assert_eq!(owners_before(titled, end, "chief negotiator", &m), [1]);
    }

    #[test]
    fn a_speaker_called_only_ambassador_is_the_envoy_named_before() {
        use crate::detect::test_support::{party, quote_sides, sides};
        let story = "Border row\n\nDRAVEN, May 2 - The Ardenian foreign ministry \
            summoned Belvora's ambassador on Monday.\n\n\
            The ambassador, Ivo Marr, said after the meeting that the guards had done \
            nothing wrong. \"Our guards stayed on our side,\" Marr said.\n\n\
            \"We want an apology,\" Ardenian Foreign Minister Ann Bell said.\n";
        let parties = [
            party("ardenia", "Ardenia", &["Ardenian"]),
            party("belvora", "Belvora", &["Belvoran"]),
        ];
        assert_eq!(quote_sides(story, &parties), sides(&["belvora", "ardenia"]));
    }

    #[test]
    fn a_bare_or_unowned_or_sided_description_is_no_echo() {
        let m = sides();
        assert_eq!(bare_office("the minister", &m), None);
        assert_eq!(bare_office("a chief negotiator", &m), None);
        assert_eq!(bare_office("the Belvoran chief negotiator", &m), None);
        let text = "The talks' chief negotiator left. Ann Bell, the chief negotiator, spoke.";
        let end = text.find("Bell").unwrap() + 4;
        assert!(owners_before(text, end, "chief negotiator", &m).is_empty());
        let text = "It was Ardenia. Chief negotiator Ann Bell spoke.";
        assert!(owners_before(text, text.len(), "chief negotiator", &m).is_empty());
    }
}
