//! A devolved minister known by where they speak. "Health Minister Ann Roe told the
//! Senedd" holds no "First Minister" in her title and no nation's name, so her office
//! would be read as the state's; but a minister who tells MSPs, or speaks in the
//! Senedd or at Holyrood, answers to a devolved legislature, and the state's ministers
//! do not. Her office speaks for the devolved government among the sides
//! ([`Target::Devolved`], else the state's as before).

use super::entities::Entities;
use super::evidence::{Clue, Evidence, Target};
use super::side_words::{Class, is};
use super::words::floor_boundary;

/// How far after a mention the words that say where the speaker spoke are looked for,
/// in bytes (the rest of a clause: "told the Scottish Parliament's rural affairs
/// committee").
const REACH: usize = 120;

/// Points the state's office of each speaker who speaks to or in a devolved
/// legislature at the devolved government instead.
pub fn chamber_clues(text: &str, entities: &Entities, evidence: &mut Evidence) {
    let office = (Target::State, Clue::Office);
    for (i, e) in entities.list.iter().enumerate().filter(|(_, e)| e.speaks) {
        if !evidence.of(i).contains(&office) {
            continue;
        }
        if e.mentions
            .iter()
            .any(|m| addresses_chamber(after(text, m.end)))
        {
            evidence.retarget(i, office, Target::Devolved);
        }
    }
}

/// The rest of the sentence after byte `at`, up to [`REACH`] bytes, stopping at a
/// quotation mark (what is quoted says nothing of where its speaker stood).
fn after(text: &str, at: usize) -> &str {
    let rest = text.get(at..).unwrap_or("");
    let rest = &rest[..floor_boundary(rest, REACH)];
    let stop = rest.find(['.', '!', '?', '"', '“', '”', '\n']);
    &rest[..stop.unwrap_or(rest.len())]
}

/// Whether a clause says its speaker spoke to or in a devolved legislature: an
/// addressing word ("told", "in", "at") and, after an optional "the", the members of
/// one ("MSPs") or a devolved body's name that is no government's ("the Senedd", "the
/// Scottish Parliament", "Holyrood").
fn addresses_chamber(clause: &str) -> bool {
    let words: Vec<&str> = clause
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    (0..words.len()).any(|i| {
        if !is(Class::AddressingWord, &words[i].to_lowercase()) {
            return false;
        }
        let skip = usize::from(words.get(i + 1).is_some_and(|w| *w == "the"));
        let rest = &words[(i + 1 + skip).min(words.len())..];
        rest.first()
            .is_some_and(|w| is(Class::DevolvedMembers, &w.to_lowercase()))
            || opens_with_chamber(rest)
    })
}

/// Whether `words` open with the name of a devolved legislature or seat that the
/// gazetteer gives a devolved government ("Scottish Parliament", "Senedd"), not the
/// name of the government itself ("Welsh Government", "Scottish ministers": a state's
/// minister may tell them things too).
fn opens_with_chamber(words: &[&str]) -> bool {
    let gazetteer = super::gazetteer::gazetteer();
    let names = gazetteer
        .devolved()
        .flat_map(|c| &super::gazetteer::countries()[c].names);
    names
        .filter(|n| !n.ends_with("Government") && !n.ends_with("Executive"))
        .filter(|n| !n.ends_with("ministers"))
        .any(|n| {
            let parts: Vec<&str> = n.split(' ').collect();
            words.len() >= parts.len() && words[..parts.len()] == parts[..]
        })
}

#[cfg(test)]
mod tests {
    use super::{addresses_chamber, after};

    #[test]
    fn a_minister_who_tells_a_devolved_chamber_is_known_by_it() {
        assert!(addresses_chamber(
            " told the Senedd that waiting lists would fall"
        ));
        assert!(addresses_chamber(" told MSPs the deal was unfair"));
        assert!(addresses_chamber(" said in the Scottish Parliament that"));
        assert!(addresses_chamber(" told Holyrood"));
        // the state's ministers tell the devolved governments things too
        assert!(!addresses_chamber(
            " said Welsh ministers should spend the money"
        ));
        assert!(!addresses_chamber(" told the Welsh Government to pay"));
        assert!(!addresses_chamber(" told MPs the deal was fair"));
        assert!(!addresses_chamber(" said in London"));
    }

    #[test]
    fn the_clause_ends_at_a_quotation() {
        let text = "Mr Hale said: \"I told MSPs nothing.\"";
        assert_eq!(after(text, 7), " said: ");
        assert_eq!(after("Ms Roe told MSPs. Then", 6), " told MSPs");
    }
}
