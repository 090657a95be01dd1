//! Politicians whose party a maintained dataset gives: `assets/politicians.tsv`, made by
//! `scripts/politicians.py` from EveryPolitician (every member of the legislatures and
//! terms it names). A story between parties often names the Prime Minister or a party
//! leader only as "Tony Blair" or "Mr Blair", with no title and no party anywhere: the
//! text cannot say which side he speaks for, the data can.

use super::entities::{Entities, EntityKind};
use super::evidence::{Clue, Evidence, Target};
use super::gazetteer::{KnownParty, gazetteer};
use super::lexicon;
use super::parties::SideMatcher;
use super::side_kind::SideKind;
use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../../assets/politicians.tsv");

/// One member: the party and the country of the legislature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Member {
    party: &'static str,
    country: &'static str,
}

/// The dataset, by full name and by surname.
#[derive(Debug, Default)]
struct Politicians {
    /// Lower-case full name → member.
    by_name: HashMap<String, Member>,
    /// Lower-case surname → (lower-case first name, member) of everyone who bears it.
    by_surname: HashMap<String, Vec<(String, Member)>>,
}

/// Parses the shipped table now if not yet parsed ([`super::build_tables`]).
pub fn build_table() {
    politicians();
}

fn politicians() -> &'static Politicians {
    static DATA: OnceLock<Politicians> = OnceLock::new();
    DATA.get_or_init(|| parse(TABLE))
}

/// Reads `name<TAB>party<TAB>country` lines; `#` lines are comments.
fn parse(table: &'static str) -> Politicians {
    let mut out = Politicians::default();
    for line in table.lines().filter(|l| !l.starts_with('#')) {
        let mut fields = line.split('\t');
        let (Some(name), Some(party), Some(country)) =
            (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let member = Member { party, country };
        let words = name_words(name);
        let Some((first, rest)) = words.split_first() else {
            continue;
        };
        out.by_name.insert(words.join(" "), member);
        // "Iain Duncan Smith" is "Mr Duncan Smith" and "Mr Smith"
        for from in 0..rest.len() {
            out.by_surname
                .entry(rest[from..].join(" "))
                .or_default()
                .push((first.clone(), member));
        }
    }
    out
}

/// A name's words in lower case, without titles ("Mr", "Dr") or dots.
fn name_words(name: &str) -> Vec<String> {
    name.split_whitespace()
        .map(|w| w.trim_matches('.').to_lowercase())
        .filter(|w| !w.is_empty() && !lexicon::is_title(w))
        .collect()
}

/// The member a speaker's name is: the same full name; else, for a surname alone ("Mr
/// Blair"), everyone of that surname when they are all of one party and country; else,
/// for a first name and a surname, everyone of that surname whose first name opens
/// like it ("Vince Cable" for "Vincent Cable"), when they agree.
fn member_named(data: &Politicians, name: &str) -> Option<Member> {
    let words = name_words(name);
    if words.is_empty() {
        return None;
    }
    if let Some(&m) = data.by_name.get(&words.join(" ")) {
        return Some(m);
    }
    let (bearers, first) = match data.by_surname.get(&words.join(" ")) {
        Some(all) => (all, None),
        None if words.len() >= 2 => (
            data.by_surname.get(&words[words.len() - 1])?,
            Some(&words[0]),
        ),
        None => return None,
    };
    let mut found = None;
    for (their_first, m) in bearers {
        if first.is_some_and(|f| !same_first_name(f, their_first)) {
            continue;
        }
        if found.is_some_and(|f| f != *m) {
            return None;
        }
        found = Some(*m);
    }
    found
}

/// Whether two first names may be one person's: one opens the other or they share
/// their first three letters ("vince" and "vincent", "nick" and "nicholas").
fn same_first_name(a: &str, b: &str) -> bool {
    let opening = |s: &str| s.chars().take(3).collect::<String>();
    a.starts_with(b)
        || b.starts_with(a)
        || (a.len() >= 3 && b.len() >= 3 && opening(a) == opening(b))
}

/// The known party a member sat for, in the member's country.
fn known_party(m: Member) -> Option<&'static KnownParty> {
    gazetteer().parties.iter().find(|k| {
        k.country.as_deref().is_none_or(|c| c == m.country)
            && k.names.iter().any(|n| n.eq_ignore_ascii_case(m.party))
    })
}

/// A speaking person the dataset lists, as the story's candidates know it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Listed {
    /// The entity.
    pub entity: usize,
    /// The candidate of the party the person sat for, when the gazetteer knows it.
    pub party: Option<usize>,
    /// The candidate of the legislature's country.
    country: Option<usize>,
}

/// Every speaking person the dataset lists, with the candidates of their party and
/// country: what says which side they are on ([`politician_clues`]) and, before the
/// sides are decided, which party governs (a listed member holding a minister's office).
pub fn listed(entities: &Entities, sides: &SideMatcher) -> Vec<Listed> {
    let people = entities.list.iter().enumerate();
    people
        .filter(|(_, e)| e.speaks && e.kind == EntityKind::Person)
        .filter_map(|(entity, e)| {
            let member = member_named(politicians(), &e.name)?;
            let party =
                known_party(member).and_then(|k| k.names.iter().find_map(|n| sides.first(n)));
            let g = gazetteer();
            let country = g
                .index_of(member.country)
                .and_then(|c| g.countries[c].all_names().find_map(|n| sides.first(n)));
            Some(Listed {
                entity,
                party,
                country,
            })
        })
        .collect()
}

/// The side of each listed person ([`listed`]) among the story's `chosen` sides: the
/// party the person sat for; else the side that stands for that party, when a parties
/// file names a side only "the government" and the story shows that party governing
/// (`behind`: the party and the side); else the country of the legislature when that
/// is a side and no party is ("Gordon Brown" in a story between Britain and France). A
/// [`Clue::Member`], as if a parties file had listed the person; a party that is no side
/// gives none, so a minister of a story between countries is not pulled off them.
pub fn politician_clues(
    listed: &[Listed],
    kinds: &[SideKind],
    chosen: &[usize],
    behind: Option<(usize, usize)>,
    evidence: &mut Evidence,
) {
    let parties_are_sides = chosen
        .iter()
        .any(|&s| kinds.get(s) == Some(&SideKind::Party));
    for l in listed {
        let side = match l.party {
            Some(p) if chosen.contains(&p) => Some(p),
            Some(p) if behind.is_some_and(|(party, _)| party == p) => behind.map(|(_, side)| side),
            _ if parties_are_sides => None,
            _ => l.country.filter(|c| chosen.contains(c)),
        };
        if let Some(side) = side {
            evidence.add(l.entity, Target::Side(side), Clue::Member);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::test_support::{party, quote_sides};

    const SAMPLE: &str = "# a comment\n\
        Ann Verity\tLabour\tgb\n\
        Colin Marsh\tConservative\tgb\n\
        Ruth Marsh\tConservative\tgb\n\
        Tom Pell\tLabour\tgb\n\
        Sara Pell\tLiberal Democrat\tgb\n\
        Iain Kerr Dunn\tConservative\tgb\n\
        Vincent Hale\tLiberal Democrat\tgb\n";

    fn lookup(data: &Politicians, name: &str) -> Option<&'static str> {
        member_named(data, name).map(|m| m.party)
    }

    #[test]
    fn a_full_name_or_a_surname_all_its_bearers_share_finds_the_party() {
        let data = parse(SAMPLE);
        assert_eq!(lookup(&data, "Ann Verity"), Some("Labour"));
        assert_eq!(lookup(&data, "Mr Marsh"), Some("Conservative"));
        assert_eq!(lookup(&data, "Dunn"), Some("Conservative"));
        assert_eq!(lookup(&data, "Kerr Dunn"), Some("Conservative"));
        assert_eq!(lookup(&data, "Vince Hale"), Some("Liberal Democrat"));
        // two parties bear the surname; a first name that fits none
        assert_eq!(lookup(&data, "Mr Pell"), None);
        assert_eq!(lookup(&data, "Tom Pell"), Some("Labour"));
        assert_eq!(lookup(&data, "Peter Verity"), None);
        assert_eq!(lookup(&data, "Nobody"), None);
    }

    #[test]
    fn the_shipped_table_parses_and_names_known_parties() {
        let data = politicians();
        assert!(data.by_name.len() > 500, "{}", data.by_name.len());
        let parties: Vec<_> = data
            .by_name
            .values()
            .filter_map(|&m| known_party(m))
            .collect();
        // nearly every member sat for a party the gazetteer knows
        assert!(parties.len() * 10 > data.by_name.len() * 9);
    }

    #[test]
    fn the_shipped_table_holds_the_commons_of_2001_and_of_2005() {
        let data = politicians();
        // elected in 2001, and first in 2005
        assert_eq!(lookup(data, "Theresa May"), Some("Conservative"));
        assert_eq!(lookup(data, "Mr Gove"), Some("Conservative"));
        assert_eq!(lookup(data, "Ed Miliband"), Some("Labour"));
        // listed for two parties over the two terms: left out
        assert_eq!(lookup(data, "Quentin Davies"), None);
    }

    // Two members of the Commons the shipped table lists, named with no title nor
    // party: only the data can say which side each speaks for.
    const UNTITLED: &str = "Row over school funding\n\n\
        Oliver Heald and Kevin Brennan clashed over school budgets on Tuesday.\n\n\
        \"The money has simply run out,\" Mr Heald said.\n\n\
        \"Every school will get more next year,\" Mr Brennan said.\n";

    #[test]
    fn a_member_the_story_gives_no_party_takes_the_party_the_data_lists() {
        let parties = [party("lab", "Labour", &[]), party("con", "Tories", &[])];
        let want = ["con", "lab"].map(|s| Some(s.to_string()));
        assert_eq!(quote_sides(UNTITLED, &parties), want);
    }

    #[test]
    fn between_countries_a_member_speaks_for_the_legislatures_country() {
        let parties = [party("uk", "Britain", &[]), party("fr", "France", &[])];
        let want = ["uk", "uk"].map(|s| Some(s.to_string()));
        assert_eq!(quote_sides(UNTITLED, &parties), want);
    }
}
