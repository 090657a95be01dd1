//! The government as a side, when the sides are inferred. A story between a party and
//! the state it opposes ("The Conservatives accused the government …", the Health
//! Secretary and the prime minister's spokesman answering) has the party's own country
//! as its other side: the state's offices speak for it. In such a story the country is
//! not what is meant: it is the government, that is the party governing it. The
//! governing party stands in for the country when the story names it; else the side is
//! called "the government". Only where ministers speak for the country: a campaign
//! story between a party and its country with no minister (news of a presidency, where
//! the state is "the administration" or "the White House") keeps its sides.

use super::candidates::Candidates;
use super::entities::Entities;
use super::evidence::{Evidence, Roles};
use super::side_kind::SideKind;
use crate::model::Party;

/// The country side that stands for the government, and the governing party to put in
/// its place when the story names one.
struct Government {
    /// The chosen side that is a country standing for its government.
    side: usize,
    /// The party the story shows governing that country, a candidate.
    party: Option<usize>,
}

/// Where the inferred sides are a party and its own country whose ministers speak: the
/// governing party in the country's place when the story names it (it then governs, for
/// the state's offices), else the country side to call "the government".
pub fn the_government(
    chosen: &mut [usize],
    (candidates, named): (&Candidates, &[usize]),
    roles: &mut Roles,
    people: (&Entities, &Evidence),
) -> Option<usize> {
    let politics = Politics {
        candidates,
        roles,
        named,
    };
    let government = government_of(chosen, &politics, people)?;
    // (the side that governs is the state's offices' side, and the other the
    // opposition's: "the shadow health secretary" speaks for the party)
    let governs = government.party.unwrap_or(government.side);
    for side in chosen.iter_mut().filter(|s| **s == government.side) {
        *side = governs;
    }
    roles.governing.retain(|&(s, _)| s != governs);
    // (a vote no count of the story's own can reach, with room to add to it)
    roles.governing.push((governs, i32::MAX / 2));
    government.party.is_none().then_some(government.side)
}

/// The government behind `chosen`, when the two sides are a party and its own country
/// and a minister speaks for the country (each entity's side decided among `chosen`).
fn government_of(
    chosen: &[usize],
    politics: &Politics,
    (entities, evidence): (&Entities, &Evidence),
) -> Option<Government> {
    let (candidates, roles) = (politics.candidates, politics.roles);
    let kind = |s: usize| roles.kinds.get(s).copied();
    let [a, b] = *chosen else { return None };
    let (opposing, state, country) = [(a, b), (b, a)].into_iter().find_map(|(p, s)| {
        let c = politics.country_of(p)?;
        let is_pair = kind(p) == Some(SideKind::Party)
            && kind(s) == Some(SideKind::Country)
            && candidates.country(s) == Some(c);
        is_pair.then_some((p, s, c))
    })?;
    if !minister_speaks_for(state, chosen, roles, (entities, evidence)) {
        return None;
    }
    let party = governing_party(politics, opposing, country);
    Some(Government { side: state, party })
}

/// Whether a speaker named or titled as a minister (or a department) is on `state`
/// among the sides `chosen`.
pub(super) fn minister_speaks_for(
    state: usize,
    chosen: &[usize],
    roles: &Roles,
    (entities, evidence): (&Entities, &Evidence),
) -> bool {
    entities.list.iter().enumerate().any(|(i, e)| {
        let mut names = std::iter::once(&e.name)
            .chain(&e.role)
            .chain(&e.descriptions);
        e.speaks
            && names.any(|d| names_a_minister(d) || names_a_department(d))
            && evidence.decide(i, roles, chosen) == Some(state)
    })
}

/// What tells the country whose politics a party is of, in one story.
struct Politics<'a> {
    candidates: &'a Candidates,
    roles: &'a Roles,
    /// The candidates the story names (those scored).
    named: &'a [usize],
}

impl Politics<'_> {
    /// The country whose politics party `p` is of in this story: its listed country
    /// where the story names that country or has no home; else the home country's. A
    /// name such as "Labour", "Liberals" or "National Party" is a party of many
    /// parliaments (the list keeps one country for it), and a party found in the story
    /// has none: in a story set in New Zealand that never names Britain, Labour is
    /// New Zealand's Labour.
    fn country_of(&self, p: usize) -> Option<usize> {
        let home = self.roles.nation.and_then(|n| self.candidates.country(n));
        let named = |c: usize| {
            self.named
                .iter()
                .any(|&s| self.candidates.country(s) == Some(c))
        };
        match self.candidates.country_of_party(p) {
            Some(c) if home.is_none() || named(c) => Some(c),
            _ => home,
        }
    }
}

/// The party of `country` other than `opposing` that the story shows governing: the
/// one most called the government ("the Labour government", "Labour ministers"), else
/// the one other party of the country it names at all.
fn governing_party(politics: &Politics, opposing: usize, country: usize) -> Option<usize> {
    let roles = politics.roles;
    let others: Vec<(usize, i32)> = roles
        .governing
        .iter()
        .copied()
        .filter(|&(s, _)| {
            s != opposing
                && roles.kinds.get(s) == Some(&SideKind::Party)
                && politics.country_of(s) == Some(country)
        })
        .collect();
    let best = others
        .iter()
        .filter(|&&(_, v)| v > 0)
        .max_by_key(|&&(_, v)| v);
    if let Some(&(s, _)) = best {
        return Some(s);
    }
    match others.as_slice() {
        [(s, 0)] => Some(*s),
        _ => None,
    }
}

/// Whether a name or title is a minister's ("Health Minister", "the prime minister's
/// spokesman", "ministers", "Treasurer Ian Marsden": the finance minister of the
/// parliaments that call him so).
fn names_a_minister(phrase: &str) -> bool {
    phrase.split(|c: char| !c.is_alphanumeric()).any(|w| {
        ["minister", "ministers", "treasurer"]
            .iter()
            .any(|m| w.eq_ignore_ascii_case(m))
    })
}

/// Whether a name or title holds a department of a state that the gazetteer knows, a
/// minister's office by its name ("a Wales Office spokesman", "Scottish Secretary Ann
/// Bell", "the Home Office"): its voice is the government's as a minister's is.
fn names_a_department(phrase: &str) -> bool {
    // (every department's name holds one of the two words, and most phrases neither:
    // they are told at once, without the gazetteer's list)
    (phrase.contains("Office") || phrase.contains("Secretary"))
        && departments().iter().any(|i| phrase.contains(i))
}

/// The gazetteer's institutions that are a state's departments ([`names_a_department`]),
/// gathered once: every speaker of an inferred story was checked against every country's
/// institutions, a fifth of the instructions of a long story (docs/PERFORMANCE.md).
fn departments() -> &'static [&'static str] {
    static DEPARTMENTS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    DEPARTMENTS.get_or_init(|| {
        let department = |i: &&String| i.split(' ').any(|w| matches!(w, "Office" | "Secretary"));
        let countries = super::gazetteer::countries().iter();
        let departments = countries.flat_map(|c| &c.institutions).filter(department);
        departments.map(String::as_str).collect()
    })
}

/// What the annotations call a country side that stands for its government: "the
/// government", also called by what stands for it in news copy ("ministers", the head
/// of government's office: "Downing Street", "Number 10"), so that a reader's or a
/// gold's name for it finds it.
pub fn government_party(country: Option<&super::gazetteer::Country>) -> Party {
    let mut aliases = vec!["government".to_string(), "ministers".to_string()];
    aliases.extend(country.into_iter().flat_map(|c| c.seat.iter().cloned()));
    Party {
        id: "government".to_string(),
        name: "the government".to_string(),
        aliases,
        ..Party::default()
    }
}

#[cfg(test)]
mod tests {
    use super::{
        Candidates, Politics, Roles, departments, governing_party, names_a_department,
        names_a_minister,
    };
    use crate::article::{Article, Source};
    use crate::detect::detect;

    /// The inferred sides' ids and each quotation's side.
    fn inferred(story: &str) -> (Vec<String>, Vec<Option<String>>) {
        let found = detect(&Article::from_bytes(Source::Stdin, story.as_bytes()), None);
        let ids = found.parties.iter().map(|p| p.id.clone()).collect();
        let sides = found.quotes.iter();
        (
            ids,
            sides
                .map(|q| q.party.as_ref().map(|p| p.to_string()))
                .collect(),
        )
    }

    // The opposition against ministers whose party the story never names.
    const UNNAMED: &str = "Tories attack school meals figures\n\n\
        The Conservatives say the government is hiding the cost of free school \
        meals.\n\n\
        Shadow education secretary Hugh Barlow said the figures were misleading. \
        \"Parents deserve the truth,\" Mr Barlow said.\n\n\
        Schools Minister Ada Fenwick said the Tories were wrong. \"Every child who needs \
        a meal will get one,\" she said. Downing Street said the prime minister backed \
        her.\n";

    #[test]
    fn the_country_a_party_opposes_through_its_ministers_is_the_government() {
        let (ids, sides) = inferred(UNNAMED);
        assert_eq!(ids, ["conservatives", "government"]);
        let want = [Some("conservatives"), Some("government")];
        assert_eq!(sides, want.map(|s| s.map(String::from)));
    }

    #[test]
    fn a_party_of_a_country_the_story_never_names_is_of_its_home() {
        // (the list's Labour is Britain's; this story is set in New Zealand)
        let story = "Labour attacks hospital figures\n\n\
            WELLINGTON, May 2 - New Zealand's National Party government and the opposition \
            Labour Party clashed over hospital waiting lists.\n\n\
            Labour leader Tom Reid said the figures were false. \"Patients are waiting in \
            pain,\" Reid said.\n\n\
            Health Minister Ada Kerr said Labour was wrong. \"We are doing more operations \
            than ever,\" Kerr said.\n";
        let (ids, sides) = inferred(story);
        assert_eq!(ids, ["labour", "national-party"]);
        let want = [Some("labour"), Some("national-party")];
        assert_eq!(sides, want.map(|s| s.map(String::from)));
    }

    #[test]
    fn a_party_against_its_country_with_no_minister_keeps_the_country() {
        let story = "Republicans attack school meals figures\n\n\
            The Republicans have accused the administration of hiding the cost of free \
            school meals in the United States.\n\n\
            Senator Hugh Barlow said the figures were misleading. \"Parents deserve the \
            truth,\" Mr Barlow said.\n\n\
            White House spokeswoman Ada Fenwick said the Republicans were wrong. \"Every \
            child who needs a meal will get one,\" she said.\n";
        assert_eq!(inferred(story).0, ["republicans", "us"]);
    }

    #[test]
    fn the_governing_party_is_the_one_called_the_government_else_the_one_other_named() {
        let candidates = Candidates::given(&[]);
        let side = |name: &str| candidates.matcher.first(name).unwrap();
        let (labour, tories, lib_dems) = (side("Labour"), side("Tories"), side("Lib Dems"));
        let gb = candidates.country_of_party(tories).unwrap();
        let roles = |governing: Vec<(usize, i32)>| Roles {
            governing,
            kinds: candidates.kinds(),
            ..Roles::default()
        };
        let party = |roles: &Roles, opposing| {
            let politics = Politics {
                candidates: &candidates,
                roles,
                named: &[],
            };
            governing_party(&politics, opposing, gb)
        };
        // "the Labour government" beside the Liberal Democrats, named otherwise
        let called = roles(vec![(tories, -1), (lib_dems, 0), (labour, 1)]);
        assert_eq!(party(&called, tories), Some(labour));
        // Labour only named
        let named = roles(vec![(tories, 0), (labour, 0)]);
        assert_eq!(party(&named, tories), Some(labour));
        // two others named, none called the government: not known
        let two = roles(vec![(tories, 0), (lib_dems, 0), (labour, 0)]);
        assert_eq!(party(&two, tories), None);
    }

    #[test]
    fn the_government_is_also_called_by_its_seat_which_still_names_the_state() {
        let countries = crate::detect::gazetteer::countries();
        let gb = countries.iter().find(|c| c.id == "gb");
        let names = super::government_party(gb).aliases;
        assert!(names.iter().any(|n| n == "Number 10"));
        assert!(names.iter().any(|n| n == "ministers"));
        let institutions = gb.map(|c| c.institutions.clone()).unwrap_or_default();
        assert!(institutions.iter().any(|n| n == "Downing Street"));
        assert_eq!(
            super::government_party(None).aliases,
            ["government", "ministers"]
        );
    }

    #[test]
    fn a_minister_is_named_by_the_word_alone() {
        assert!(names_a_minister("the prime minister's official spokesman"));
        assert!(names_a_minister("Local Government Minister"));
        assert!(names_a_minister("ministers"));
        assert!(names_a_minister("Treasurer Ian Marsden"));
        assert!(!names_a_minister("Ministry of Defence spokesman"));
        assert!(!names_a_minister("White House spokesman"));
    }

    #[test]
    fn a_department_is_named_by_its_whole_name_told_as_from_the_list() {
        assert!(!departments().is_empty());
        for d in departments() {
            assert!(names_a_department(&format!("a {d} spokesman")));
            // (the list's own test, which the two words only shorten)
            let lowered = d.to_lowercase();
            assert!(!names_a_department(&lowered));
        }
        assert!(!names_a_department("an Office spokesman"));
        assert!(!names_a_department("the Secretary of the club"));
    }
}
