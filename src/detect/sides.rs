//! The parties of a story: the names each given party is matched by, the countries
//! chosen as sides when none are given, and the party of a gazetteer country.

use super::gazetteer::{Country, countries};
use super::parties::{SideMatcher, name_key};
use crate::model::Party;

/// Names for each given party: its id, name and aliases, plus every gazetteer name of the
/// countries it stands for.
pub fn party_names(parties: &[Party]) -> Vec<Vec<String>> {
    parties
        .iter()
        .map(|p| {
            let own: Vec<String> = std::iter::once(&p.name)
                .chain(&p.aliases)
                .cloned()
                .collect();
            let own_keys: Vec<String> = own
                .iter()
                .chain(std::iter::once(&p.id))
                .map(|n| name_key(n).to_lowercase())
                .collect();
            let mut names = own.clone();
            let mut linked_any = false;
            for c in countries() {
                let linked = std::iter::once(&c.id)
                    .chain(c.all_names())
                    .filter(|n| !c.institutions.contains(n))
                    .any(|n| own_keys.contains(&name_key(n).to_lowercase()));
                if linked {
                    names.extend(c.all_names().cloned());
                    linked_any = true;
                }
            }
            // a side that is a person is also called by the surname ("Lopez's aide")
            if !linked_any && let Some(surname) = super::affiliation::surname_of_person(&p.name) {
                names.push(surname.to_string());
            }
            names
        })
        .collect()
}

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
        label: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn a_person_side_is_called_by_the_surname() {
        let p = vec![Party {
            id: "lopez".into(),
            name: "Maria Lopez".into(),
            aliases: vec![],
            color: None,
            label: None,
        }];
        let m = SideMatcher::new(&party_names(&p));
        assert_eq!(m.first("a spokeswoman for the Lopez campaign"), Some(0));
        assert_eq!(m.first("Lopez's lawyer"), Some(0));
    }

    #[test]
    fn given_parties_take_the_gazetteer_names_of_their_country() {
        let p = vec![Party {
            id: "us".into(),
            name: "United States".into(),
            aliases: vec!["Washington".into()],
            color: None,
            label: None,
        }];
        let names = party_names(&p);
        assert!(names[0].iter().any(|n| n == "State Department"));
    }
}
