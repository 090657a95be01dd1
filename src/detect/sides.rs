//! The parties of a story: the names each given party is matched by, the countries
//! chosen as sides when none are given, and the party of a gazetteer country.

use super::gazetteer::Country;
use super::opening::Opening;
use super::parties::SideMatcher;
use super::side_kind::{SideKind, kind_of_noun};
use super::side_words::{Class, is};
use crate::model::Party;

/// The two sides of the story when the attributions gave fewer: the sides most named
/// in the lead (`lead`, headline first) join those found ("U.S. to ask Japan …" where
/// only the U.S. speaks).
pub fn complete_pair<S: AsRef<str>>(
    mut found: Vec<usize>,
    lead: &[S],
    sides: &SideMatcher,
) -> Vec<usize> {
    if found.len() >= 2 {
        return found;
    }
    let mut counts: Vec<(usize, usize, usize)> = Vec::new(); // (side, count, first seen)
    let mut seen = 0;
    for part in lead {
        for (_, side) in sides.find(part.as_ref()) {
            match counts.iter_mut().find(|(s, _, _)| *s == side) {
                Some(c) => c.1 += 1,
                None => counts.push((side, 1, seen)),
            }
            seen += 1;
        }
    }
    counts.sort_by_key(|&(_, n, first)| (std::cmp::Reverse(n), first));
    for (side, _, _) in counts {
        if found.len() >= 2 {
            break;
        }
        if !found.contains(&side) {
            found.push(side);
        }
    }
    found
}

/// The kind of a given party, from its names: a country when it stands for one of the
/// gazetteer, else by the way its name ends or the nouns in its names ("pilots union", "American Airlines",
/// "Labour Party") or the words that end them ("Harlow Freight Lines"), else other.
pub fn kind_of_party(party: &Party, is_country: bool) -> SideKind {
    let by_nouns = |names: &[String]| {
        names
            .iter()
            .flat_map(|n| n.split(|c: char| !c.is_alphanumeric()))
            .find_map(|w| kind_of_noun(&w.to_lowercase()))
    };
    // the name first: "American Airlines" is a company although "American" is a demonym;
    // and the way the name ends before a noun anywhere in it: the "Irish Airline Pilots'
    // Association" is a union although "Airline" names a company
    super::discover::kind_of_name(&party.name)
        .or_else(|| by_nouns(std::slice::from_ref(&party.name)))
        .or(is_country.then_some(SideKind::Country))
        .or_else(|| by_nouns(&party.aliases))
        .or_else(|| has_demonym(party).then_some(SideKind::Country))
        .unwrap_or_default()
}

/// Whether a party that no list knows is called by a demonym of its name ("Tesk" with
/// the alias "Teskan"): a country, whose "Teskan government" is the state's, not a
/// party's in office.
fn has_demonym(party: &Party) -> bool {
    party
        .aliases
        .iter()
        .any(|a| super::discover::is_demonym_of(a, &party.name))
}

/// The side a parties file marks as governing: `governs = true`, or a name or alias
/// "the government". It outweighs whatever the story says.
pub fn marked_governing(parties: Option<&[Party]>) -> Option<usize> {
    parties.into_iter().flatten().position(|p| {
        p.governs
            || std::iter::once(&p.name).chain(&p.aliases).any(|a| {
                let a = a.trim().to_lowercase();
                a == "the government" || a == "government"
            })
    })
}

/// What the story's words say of who governs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoryVotes {
    /// Each party named, with +1 each time it is called the government ("the Labour
    /// government", "Labour ministers", "the ruling X", "X-led") and -1 each time the
    /// opposition ("the Tory opposition"); a party named otherwise gets a vote of 0.
    pub votes: Vec<(usize, i32)>,
    /// The parties whose government the story speaks of as one that may come ("a
    /// Conservative government would …", "the next Labour government"): a weaker sign
    /// that they are out of office, since a party in office campaigning for another
    /// term may say it of itself.
    pub would_be: Vec<usize>,
}

/// What the story says of who governs ([`StoryVotes`]). Only parties, and sides the
/// story does not tell the kind of, are counted. The story is read in its opening.
pub fn story_votes(opening: &Opening, kinds: &[SideKind]) -> StoryVotes {
    // (a side the story does not tell the kind of may be a party)
    let is_party = |s: usize| matches!(kinds.get(s), Some(SideKind::Party | SideKind::Other));
    let text = opening.text();
    let mut out = StoryVotes::default();
    for &(at, side) in opening.named().iter().filter(|&&(_, s)| is_party(s)) {
        // (the word before, without a quotation mark or bracket that opens on it:
        // "“A Conservative government would …" is one that may come)
        let before = text[..at]
            .split_whitespace()
            .next_back()
            .unwrap_or("")
            .trim_start_matches(|c: char| !c.is_alphanumeric());
        // the word after the name, whose own words are capitalised ("Labour Party")
        let after = text[at..]
            .split(|c: char| c.is_whitespace() || c == '-')
            .skip(1)
            .find(|w| !w.starts_with(char::is_uppercase))
            .unwrap_or("");
        let (before, after) = (before.to_lowercase(), after.to_lowercase());
        let vote = if is(Class::GoverningBefore, &before)
            || is(
                Class::GoverningAfter,
                after.trim_end_matches([',', '.', '\'', 's']),
            ) {
            // (a government that may come says nothing sure of who governs now: "a
            // Conservative government would …")
            let may_come = is(Class::WouldBeBefore, &before);
            if may_come && !out.would_be.contains(&side) {
                out.would_be.push(side);
            }
            i32::from(!may_come)
        } else if is(Class::Opposition, &before) || after.starts_with("opposition") {
            -1
        } else {
            0 // (named, so a party the story is about)
        };
        match out.votes.iter_mut().find(|(s, _)| *s == side) {
            Some(v) => v.1 += vote,
            None => out.votes.push((side, vote)),
        }
    }
    out
}

/// The side among `considered` that governs, by its votes ([`super::governs`]): the one most
/// called the government, or, of two parties, the one the other is the opposition to.
pub fn governing(
    votes: &[(usize, i32)],
    considered: &[usize],
    kinds: &[SideKind],
) -> Option<usize> {
    let vote = |s: usize| votes.iter().find(|(v, _)| *v == s).map_or(0, |(_, n)| *n);
    let best = considered
        .iter()
        .copied()
        .filter(|&s| vote(s) > 0)
        .max_by_key(|&s| vote(s));
    if best.is_some() {
        return best;
    }
    let parties: Vec<usize> = considered
        .iter()
        .copied()
        .filter(|&s| matches!(kinds.get(s), Some(SideKind::Party | SideKind::Other)))
        .collect();
    match parties.as_slice() {
        [a, b] if vote(*a) < 0 && vote(*b) == 0 => Some(*b),
        [a, b] if vote(*b) < 0 && vote(*a) == 0 => Some(*a),
        _ => None,
    }
}

/// A party for a gazetteer country.
pub fn country_party(c: &Country) -> Party {
    let mut aliases: Vec<String> = c.names.iter().filter(|n| **n != c.name).cloned().collect();
    aliases.extend(c.demonyms.iter().cloned());
    aliases.extend(c.capitals.iter().cloned());
    aliases.extend(c.institutions.iter().cloned());
    Party {
        id: c.id.clone(),
        name: c.name.clone(),
        aliases,
        color: None,
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::gazetteer::countries;

    fn gazetteer_matcher() -> &'static SideMatcher {
        crate::detect::country_matcher()
    }

    #[test]
    fn a_side_that_does_not_speak_is_found_in_the_lead() {
        let m = gazetteer_matcher();
        let kenya = countries().iter().position(|c| c.id == "ke");
        let lead = [
            "KENYA ASKS ETHIOPIA TO OPEN BORDER",
            "Kenya will ask Ethiopia to reopen the border, Kenyan officials said.",
        ];
        let pair = complete_pair(kenya.into_iter().collect(), &lead, m);
        let ids: Vec<&str> = pair.iter().map(|&i| countries()[i].id.as_str()).collect();
        assert_eq!(ids, ["ke", "et"]);
        let none = complete_pair(Vec::new(), &["No country here"], m);
        assert!(none.is_empty());
    }

    #[test]
    fn a_given_party_called_by_a_demonym_of_its_name_is_a_country() {
        let party = |name: &str, aliases: &[&str]| Party {
            id: name.to_lowercase(),
            name: name.to_string(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            ..Default::default()
        };
        let tesk = party("Tesk", &["Teskan", "Teskar"]);
        assert_eq!(kind_of_party(&tesk, false), SideKind::Country);
        let marova = party("Marova", &["Marovan"]);
        assert_eq!(kind_of_party(&marova, false), SideKind::Country);
        // no demonym among the names: a kind the names do not tell
        let civic = party("Civic Front", &["Front", "Civics"]);
        assert_eq!(kind_of_party(&civic, false), SideKind::Other);
        // the nouns of a name still tell its kind first
        let union = party("Tesk Dockers Union", &["Teskan dockers"]);
        assert_eq!(kind_of_party(&union, false), SideKind::Union);
        // the way a name ends before a company's noun inside it: the stewards' union
        let stewards = party("Harrow Airline Stewards' Association", &["the stewards"]);
        assert_eq!(kind_of_party(&stewards, false), SideKind::Union);
    }
}
