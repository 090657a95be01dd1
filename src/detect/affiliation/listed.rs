//! Sides a parties file states about people: the `members` it lists, the `roles` it
//! names, and the short name a story gives one of its bodies ("the association's
//! chairman").

use super::{descriptions, is_organisation_word};
use crate::detect::entities::Entities;
use crate::detect::evidence::{Clue, Evidence, Target};
use crate::detect::lexicon;
use crate::detect::side_words::{Class, is};
use crate::model::Party;

/// The sides whose parties file lists a speaker among its `members` (by full name, or
/// by surname alone: "Mr Blair" for "Tony Blair") or holds one of its `roles` in its
/// title or description.
pub fn member_clues(
    text: &str,
    entities: &Entities,
    titles: &[Vec<&str>],
    parties: &[Party],
    evidence: &mut Evidence,
) {
    for (i, e) in entities.list.iter().enumerate().filter(|(_, e)| e.speaks) {
        let described: Vec<String> = descriptions(text, e)
            .chain(titles[i].iter().copied())
            .map(str::to_lowercase)
            .collect();
        for (side, p) in parties.iter().enumerate() {
            let member = p.members.iter().any(|m| same_person(m, &e.name));
            let role = p.roles.iter().any(|r| {
                let r = r.to_lowercase();
                described.iter().any(|d| holds_words(d, &r))
            });
            if member || role {
                evidence.add(i, Target::Side(side), Clue::Member);
            }
        }
    }
}

/// Clues from the short name a story gives a side of the parties file: the last word of
/// its name, when that word ends the names of bodies ("association", "authority",
/// "league") and ends no other side's name, written as an owner after "the" or after
/// "of the" in what a speaker is called ("the association's chairman, Janis Ozols," for
/// the "Baltic Airline Pilots' Association"; "chairman of the authority").
pub fn short_name_clues(
    text: &str,
    entities: &Entities,
    titles: &[Vec<&str>],
    parties: &[Party],
    evidence: &mut Evidence,
) {
    let last = |p: &Party| {
        let words: Vec<&str> = p.name.split_whitespace().collect();
        (words.len() > 1).then(|| words[words.len() - 1].to_lowercase())
    };
    let ends: Vec<Option<String>> = parties.iter().map(last).collect();
    let short: Vec<(usize, String)> = ends
        .iter()
        .enumerate()
        .filter_map(|(side, end)| {
            let end = end.as_ref()?;
            let body = is_organisation_word(end)
                || [
                    Class::MembersBodyEnd,
                    Class::BodyNameEnd,
                    Class::RegulatorNameEnd,
                ]
                .into_iter()
                .chain([Class::PublicBodyEnd])
                .any(|c| is(c, end));
            let alone = ends.iter().filter(|e| e.as_ref() == Some(end)).count() == 1;
            (body && alone).then(|| (side, end.clone()))
        })
        .collect();
    if short.is_empty() {
        return;
    }
    for (i, e) in entities.list.iter().enumerate().filter(|(_, e)| e.speaks) {
        let called: Vec<String> = descriptions(text, e)
            .chain(titles[i].iter().copied())
            .map(str::to_lowercase)
            .collect();
        for (side, end) in &short {
            let owner = [
                format!("the {end}'s"),
                format!("the {end}’s"),
                format!("of the {end}"),
            ];
            if called
                .iter()
                .any(|d| owner.iter().any(|o| holds_words(d, o)))
            {
                evidence.add(i, Target::Side(*side), Clue::Appositive);
            }
        }
    }
}

/// Whether a name given in a parties file and a speaker's name are one person: the
/// same words, or the same surname when either is the surname alone.
fn same_person(listed: &str, speaker: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .map(|w| w.trim_end_matches('.').to_lowercase())
            .filter(|w| !lexicon::is_title(w))
            .collect()
    };
    let (a, b) = (words(listed), words(speaker));
    a == b || ((a.len() == 1 || b.len() == 1) && a.last().is_some() && a.last() == b.last())
}

/// Whether `phrase` holds `words` as whole words, in order.
fn holds_words(phrase: &str, words: &str) -> bool {
    !words.is_empty()
        && phrase.match_indices(words).any(|(at, _)| {
            let before = phrase[..at].chars().next_back();
            let after = phrase[at + words.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_member_or_role_in_the_parties_file_gives_the_side() {
        assert!(same_person("Tony Blair", "Blair"));
        assert!(same_person("Tony Blair", "Mr. Tony Blair"));
        assert!(!same_person("Tony Blair", "Cherie Blair"));
        assert!(holds_words(
            "the shadow home secretary",
            "shadow home secretary"
        ));
        assert!(!holds_words(
            "the shadow home secretaryship",
            "shadow home secretary"
        ));
    }
}
