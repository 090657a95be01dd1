//! The candidate sides of a story and the matcher over their names. With given parties,
//! the parties first and then every country and known party they do not stand for, so a
//! speaker of a third one is known for it; without, the sides the text names that no
//! list has ([`super::discover`]) first, then the gazetteer's countries and parties.
//! Own candidates are numbered first; the static ones after them, countries then parties.

use super::discover::discover;
use super::gazetteer::{Country, countries, gazetteer};
use super::opening::Opening;
use super::parties::{SideMatcher, name_key};
use super::side_kind::Discovered;
use super::side_kind::SideKind;
use super::sides::kind_of_party;
use crate::article::Structure;
use crate::model::Party;
use historical::historical_state;
use std::sync::OnceLock;
use twins::named_twins;

mod historical;
mod twins;

/// A candidate side of the story's own: a given party, a side found in the text, or a
/// historical state that takes its successor's names.
#[derive(Debug, Clone)]
struct Own {
    /// What the annotations call it.
    party: Party,
    /// Its names for the matcher.
    names: Vec<String>,
    /// What it is.
    kind: SideKind,
    /// The gazetteer country it stands for.
    country: Option<usize>,
}

/// The candidate sides of one story.
#[derive(Debug)]
pub struct Candidates {
    own: Vec<Own>,
    /// Matches every candidate's names.
    pub matcher: SideMatcher,
}

impl Candidates {
    /// The candidates when `parties` are given: the parties, then the static ones.
    pub fn given(parties: &[Party]) -> Candidates {
        let own: Vec<Own> = parties
            .iter()
            .map(|p| {
                let own_names: Vec<String> = std::iter::once(&p.name)
                    .chain(&p.aliases)
                    .cloned()
                    .collect();
                let linked = linked_countries(&own_names, &p.id);
                let parties = linked_parties(&own_names);
                let mut names = own_names.clone();
                // "the Alliance" is also "Alliance" ("Alliance leader Joan Pryor", "The
                // Alliance said"): a name the article need not open with "the"
                names.extend(own_names.iter().filter_map(|n| {
                    let bare = n.strip_prefix("the ").or_else(|| n.strip_prefix("The "))?;
                    bare.starts_with(char::is_uppercase)
                        .then(|| bare.to_string())
                }));
                for &c in &linked {
                    names.extend(countries()[c].all_names().cloned());
                }
                for &k in &parties {
                    names.extend(gazetteer().parties[k].names.iter().cloned());
                }
                // a side that is a person is also called by the surname ("Lopez's aide")
                if linked.is_empty()
                    && let Some(surname) = super::affiliation::surname_of_person(&p.name)
                {
                    names.push(surname.to_string());
                }
                let kind = if parties.is_empty() {
                    kind_of_party(p, !linked.is_empty())
                } else {
                    SideKind::Party
                };
                Own {
                    party: p.clone(),
                    names,
                    kind,
                    country: linked.first().copied(),
                }
            })
            .collect();
        Candidates::layered(own)
    }

    /// The candidates of an article whose sides are to be inferred, from its opening.
    pub fn inferred(opening: &Opening, structure: &Structure) -> Candidates {
        let text = opening.text();
        // the lead: the headline and the first paragraph of the body
        let lead_end = structure.paragraphs.first().map_or(0, |p| p.range.end);
        let mut own: Vec<Own> = discover(opening, known_matcher(), lead_end)
            .into_iter()
            .map(|d| {
                let Discovered { name, names, kind } = d;
                let party = Party {
                    id: super::slug(&name),
                    name,
                    aliases: names[1..].to_vec(),
                    ..Party::default()
                };
                Own {
                    party,
                    names,
                    kind,
                    country: None,
                }
            })
            .collect();
        if let Some((old, successor)) = historical_state(text, structure) {
            let names = countries()[old]
                .all_names()
                .chain(countries()[successor].all_names())
                .cloned()
                .collect();
            own.push(Own {
                party: super::sides::country_party(&countries()[old]),
                names,
                kind: SideKind::Country,
                country: Some(old),
            });
        }
        for c in named_twins(text) {
            let country = &countries()[c];
            let names = country.all_names().chain(&country.bare_names).cloned();
            let mut party = super::sides::country_party(country);
            party.aliases.extend(country.bare_names.iter().cloned());
            own.push(Own {
                party,
                names: names.collect(),
                kind: SideKind::Country,
                country: Some(c),
            });
        }
        Candidates::layered(own)
    }

    fn layered(own: Vec<Own>) -> Candidates {
        let names: Vec<Vec<String>> = own.iter().map(|o| o.names.clone()).collect();
        let matcher = SideMatcher::layered(&names, known_matcher());
        Candidates { own, matcher }
    }

    /// How many candidates are the story's own (given or found in it), numbered first.
    pub fn own_len(&self) -> usize {
        self.own.len()
    }

    /// How many candidates there are.
    pub fn len(&self) -> usize {
        self.own.len() + countries().len() + gazetteer().parties.len()
    }

    /// The kind of every candidate, by index.
    pub fn kinds(&self) -> Vec<SideKind> {
        // (the static candidates' kinds are copied from a list made once: a story asks
        // this several times, and the gazetteer has hundreds of candidates)
        static STATIC_KINDS: OnceLock<Vec<SideKind>> = OnceLock::new();
        let statics = STATIC_KINDS.get_or_init(|| {
            let countries = std::iter::repeat_n(SideKind::Country, countries().len());
            let parties = std::iter::repeat_n(SideKind::Party, gazetteer().parties.len());
            countries.chain(parties).collect()
        });
        let mut kinds = Vec::with_capacity(self.own.len() + statics.len());
        kinds.extend(self.own.iter().map(|o| o.kind));
        kinds.extend_from_slice(statics);
        kinds
    }

    /// The gazetteer country a candidate stands for.
    pub fn country(&self, i: usize) -> Option<usize> {
        match i.checked_sub(self.own.len()) {
            None => self.own[i].country,
            Some(c) => (c < countries().len()).then_some(c),
        }
    }

    /// What the annotations call candidate `i`.
    pub fn party(&self, i: usize) -> Party {
        let n = self.own.len();
        match i.checked_sub(n) {
            None => self.own[i].party.clone(),
            Some(c) if c < countries().len() => super::sides::country_party(&countries()[c]),
            Some(c) => {
                let known = &gazetteer().parties[c - countries().len()];
                Party {
                    id: super::slug(&known.name),
                    name: known.name.clone(),
                    aliases: known
                        .names
                        .iter()
                        .filter(|n| **n != known.name)
                        .cloned()
                        .collect(),
                    ..Party::default()
                }
            }
        }
    }

    /// Every candidate's id, by index.
    pub fn ids(&self) -> Vec<String> {
        (0..self.len()).map(|i| self.party(i).id).collect()
    }

    /// The gazetteer country whose politics candidate `i` is of: a known party's, or a
    /// given party's that shares a name with known parties of one country.
    pub fn country_of_party(&self, i: usize) -> Option<usize> {
        let of_known = |k: usize| {
            let id = gazetteer().parties[k].country.as_deref()?;
            gazetteer().index_of(id)
        };
        match i.checked_sub(self.own.len()) {
            None => {
                let mut of = linked_parties(&self.own[i].names).into_iter().map(of_known);
                let first = of.next()??;
                of.all(|c| c == Some(first)).then_some(first)
            }
            Some(c) => c.checked_sub(countries().len()).and_then(of_known),
        }
    }

    /// The candidate that stands for gazetteer country `c`: a given party or an own
    /// candidate that does, else the country itself.
    pub fn of_country(&self, c: usize) -> usize {
        self.own
            .iter()
            .position(|o| o.country == Some(c))
            .unwrap_or(self.own.len() + c)
    }
}

/// The matcher over the gazetteer's countries and then its known parties, built once.
pub fn known_matcher() -> &'static SideMatcher {
    static MATCHER: OnceLock<SideMatcher> = OnceLock::new();
    MATCHER.get_or_init(|| {
        let names: Vec<Vec<String>> = countries()
            .iter()
            .map(|c| c.all_names().cloned().collect())
            .chain(gazetteer().parties.iter().map(|p| p.names.clone()))
            .collect();
        SideMatcher::new(&names)
    })
}

/// The gazetteer countries a given party stands for: those whose id or a name (not an
/// institution's) is the party's id, name or an alias.
fn linked_countries(own: &[String], id: &str) -> Vec<usize> {
    let keys: Vec<String> = own
        .iter()
        .map(String::as_str)
        .chain(std::iter::once(id))
        .map(|n| name_key(n).to_lowercase())
        .collect();
    let linked = |c: &Country| {
        std::iter::once(&c.id)
            .chain(c.all_names())
            .filter(|n| !c.institutions.contains(n))
            .any(|n| keys.contains(&name_key(n).to_lowercase()))
    };
    countries()
        .iter()
        .enumerate()
        .filter(|(_, c)| linked(c))
        .map(|(i, _)| i)
        .collect()
}

/// The known parties a given party shares a name with ("Tories" → the Conservatives).
fn linked_parties(own: &[String]) -> Vec<usize> {
    gazetteer()
        .parties
        .iter()
        .enumerate()
        .filter(|(_, k)| k.names.iter().any(|n| own.contains(n)))
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::test_support::{party, quote_sides, sides};

    #[test]
    fn a_person_side_is_called_by_the_surname() {
        let c = Candidates::given(&[party("lopez", "Maria Lopez", &[])]);
        assert_eq!(
            c.matcher.first("a spokeswoman for the Lopez campaign"),
            Some(0)
        );
        assert_eq!(c.matcher.first("Lopez's lawyer"), Some(0));
    }

    #[test]
    fn given_parties_take_the_names_of_their_country_or_known_party() {
        let c = Candidates::given(&[
            party("us", "United States", &["Washington"]),
            party("tory", "Tories", &[]),
        ]);
        assert_eq!(c.matcher.first("a State Department spokesman"), Some(0));
        assert_eq!(c.matcher.first("the Conservative Party chairman"), Some(1));
        assert_eq!(c.kinds()[..2], [SideKind::Country, SideKind::Party]);
        // a third country is a candidate of its own, and no side
        let swiss = c.matcher.first("a Swiss mediator");
        assert!(swiss.is_some_and(|s| s >= 2), "{swiss:?}");
    }

    #[test]
    fn inferred_candidates_are_found_in_the_text_first() {
        let text = "Talks\n\nThe Marovan delegation met Tessalian envoys in Geneva. Marova and Tessalia agreed.\n";
        let article =
            crate::article::Article::from_bytes(crate::article::Source::Stdin, text.as_bytes());
        let c = Candidates::inferred(&Opening::of(&article.text), &article.structure);
        let marova = c.matcher.first("the Marovan minister");
        assert!(marova.is_some_and(|m| m < 2), "{marova:?}");
        assert_eq!(marova.map(|m| c.party(m).name), Some("Marova".to_string()));
        let geneva = c.matcher.first("a Swiss mediator");
        assert_eq!(
            geneva
                .and_then(|g| c.country(g))
                .map(|g| countries()[g].id.as_str()),
            Some("ch")
        );
    }

    #[test]
    fn a_given_name_with_the_is_also_the_name_without_it() {
        let story = "Inquiry refused\n\n\
            Alliance leader Joan Pryor said the deal was wrong. \"They are running \
            scared,\" Ms Pryor said.\n\n\
            The Front said nothing. \"No comment,\" Front spokesman Ian Dale said.\n";
        let parties = [
            party("alliance", "Civic Alliance", &["the Alliance"]),
            party("front", "People's Front", &["the Front"]),
        ];
        assert_eq!(quote_sides(story, &parties), sides(&["alliance", "front"]));
        // a lower-case name stays whole: "the government" is not "government"
        let government = [
            party("gov", "the government", &[]),
            party("front", "People's Front", &[]),
        ];
        let names = &Candidates::given(&government).matcher;
        assert!(names.find("Government sources said").is_empty());
    }
}
