//! Which party governs, in a story between parties: what the parties file marks, what
//! the story's words say ("the Labour government", "the Tory opposition"), what the
//! offices of each party's people say (a minister is of the governing party, a shadow
//! minister of the opposition) and, where none of that tells, weaker signs (a party's
//! leader who is not the Prime Minister; a government "that may come"; the one party no
//! speaker is named for). The state's offices ("the Home Secretary", "Downing Street")
//! speak for the party found.

use super::entities::{Entities, Entity, EntityKind};
use super::evidence::{Clue, Evidence, Target};
use super::opening::Opening;
use super::politicians::Listed;
use super::side_kind::SideKind;
use super::sides;
use crate::model::Party;

/// Who governs, as the sides logic reads it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Governing {
    /// How strongly each candidate is said to govern ([`sides::governing`] reads it):
    /// the parties file's mark alone when it has one.
    pub votes: Vec<(usize, i32)>,
    /// When the parties file marks a side that names no party ("the government",
    /// "Downing Street") and the story shows one party governing: that party and the
    /// side, so the party's people speak for it.
    pub behind: Option<(usize, usize)>,
}

/// Everything the story and the parties file say of who governs, from the clues
/// gathered about each speaker and the speakers the politicians data lists.
pub fn who_governs(
    opening: &Opening,
    parties: Option<&[Party]>,
    kinds: &[SideKind],
    people: (&Entities, &[Listed]),
    evidence: &Evidence,
) -> Governing {
    let (entities, listed) = people;
    let said = sides::story_votes(opening, kinds);
    let mut votes = said.votes;
    officials_vote(evidence, listed, kinds, &mut votes);
    if !votes.iter().any(|&(_, v)| v > 0) {
        for &side in &said.would_be {
            add_vote(&mut votes, side, -1);
        }
        leaders_vote(entities, evidence, kinds, &mut votes);
    }
    let Some(marked) = sides::marked_governing(parties) else {
        unclaimed_governs((entities, evidence), listed, kinds, &mut votes);
        return Governing {
            votes,
            behind: None,
        };
    };
    let given = parties.map_or(0, <[Party]>::len);
    Governing {
        votes: vec![(marked, i32::MAX / 2)],
        behind: party_behind(marked, &votes, kinds, given),
    }
}

fn add_vote(votes: &mut Vec<(usize, i32)>, side: usize, vote: i32) {
    match votes.iter_mut().find(|(s, _)| *s == side) {
        Some(v) => v.1 += vote,
        None => votes.push((side, vote)),
    }
}

/// The parties an entity is said to be of by a clue other than its office, an attack or
/// the dateline, or by the politicians data.
fn parties_of(
    entity: usize,
    evidence: &Evidence,
    listed: &[Listed],
    kinds: &[SideKind],
) -> Vec<usize> {
    let is_party = |s: usize| kinds.get(s) == Some(&SideKind::Party);
    let mut out: Vec<usize> = evidence
        .of(entity)
        .iter()
        .filter_map(|&(t, c)| match t {
            Target::Side(s) if !matches!(c, Clue::Against | Clue::Dateline | Clue::Office) => {
                Some(s)
            }
            _ => None,
        })
        .chain(
            listed
                .iter()
                .filter(|l| l.entity == entity)
                .filter_map(|l| l.party),
        )
        .filter(|&s| is_party(s))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// What the officials of parties say of who governs: a party whose speaker holds an
/// office of the state governs (+1), one whose speaker is "shadow" or "opposition" does
/// not (-1). The party is one that a clue other than the office names for the speaker,
/// or the one the politicians data lists the speaker for ("Home Secretary Charles
/// Clarke", a Labour member: Labour governs).
fn officials_vote(
    evidence: &Evidence,
    listed: &[Listed],
    kinds: &[SideKind],
    votes: &mut Vec<(usize, i32)>,
) {
    for i in 0..evidence.entities() {
        let clues = evidence.of(i);
        let vote = if clues.contains(&(Target::State, Clue::Office)) {
            1
        } else if clues.contains(&(Target::Opposition, Clue::Office)) {
            -1
        } else {
            continue;
        };
        for side in parties_of(i, evidence, listed, kinds) {
            add_vote(votes, side, vote);
        }
    }
}

/// A party's leader who speaks while someone else holds an office of the state leads a
/// party out of office: the governing party's leader would be the Prime Minister
/// ("Heritage leader Tomas Brek" beside "Prime Minister Ruben Oster"). Not a deputy or
/// former leader, nor the Leader of the House, a group or a council.
fn leaders_vote(
    entities: &Entities,
    evidence: &Evidence,
    kinds: &[SideKind],
    votes: &mut Vec<(usize, i32)>,
) {
    let holds_state = |i: usize| evidence.of(i).contains(&(Target::State, Clue::Office));
    let state_holders: Vec<usize> = (0..evidence.entities())
        .filter(|&i| holds_state(i))
        .collect();
    for (i, e) in entities.list.iter().enumerate() {
        if holds_state(i) || !e.descriptions.iter().any(|d| is_party_leader(d)) {
            continue;
        }
        for side in parties_of(i, evidence, &[], kinds) {
            let other_governs = state_holders
                .iter()
                .any(|&h| !parties_of(h, evidence, &[], kinds).contains(&side));
            if other_governs {
                add_vote(votes, side, -1);
            }
        }
    }
}

/// Whether a title names a party's own leader ("Tory leader", "its leader", "the leader
/// of the opposition"), not a deputy's or a former one's, nor a leader of the House, of
/// a group or a council.
fn is_party_leader(title: &str) -> bool {
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let other = [
        "deputy",
        "former",
        "ex-leader",
        "house",
        "group",
        "council",
        "lords",
    ];
    words.iter().any(|w| w == "leader") && !words.iter().any(|w| other.contains(&w.as_str()))
}

/// Who governs when the story does not say but offices of the state speak: the one
/// party it names that no speaker is shown to belong to. Readers are not told the
/// Trade Secretary's party, while the opposition's people are named for theirs
/// ("Tory spokeswoman Theresa May", "Liberal Democrat spokeswoman …"). Where a third
/// party is named, a party that speaks as itself ("But Labour said …") is no person
/// named for it: in office or out, a party answers in its own name.
fn unclaimed_governs(
    (entities, evidence): (&Entities, &Evidence),
    listed: &[Listed],
    kinds: &[SideKind],
    votes: &mut [(usize, i32)],
) {
    let clues = || (0..evidence.entities()).flat_map(|i| evidence.of(i).iter());
    let state_speaks = clues().any(|&c| c == (Target::State, Clue::Office));
    if !state_speaks || votes.iter().any(|&(_, v)| v > 0) {
        return;
    }
    // (only beside a third party: where two parties are named, each may answer as
    // itself, and a voice of the state then tells nothing of which is in office)
    let parties = votes
        .iter()
        .filter(|(s, _)| kinds.get(*s) == Some(&SideKind::Party));
    let third_party = parties.count() > 2;
    let is_the_party = |i: usize, s: usize| {
        let entity = entities.list.get(i);
        third_party && entity.is_some_and(|e| e.side == Some(s) && is_a_name_only(e))
    };
    let claimed: Vec<usize> = (0..evidence.entities())
        .flat_map(|i| evidence.of(i).iter().map(move |&c| (i, c)))
        .filter_map(|(i, (t, c))| match t {
            Target::Side(s) if !matches!(c, Clue::Against | Clue::Dateline) => {
                (!is_the_party(i, s)).then_some(s)
            }
            _ => None,
        })
        .chain(listed.iter().filter_map(|l| l.party))
        .collect();
    let mut unclaimed = votes.iter_mut().filter(|(s, v)| {
        *v == 0 && kinds.get(*s) == Some(&SideKind::Party) && !claimed.contains(s)
    });
    if let (Some(only), None) = (unclaimed.next(), unclaimed.next()) {
        only.1 = 1;
    }
}

/// Whether an entity is a body known by its name alone ("Labour", "the Liberal
/// Democrats"): no person, and no title or description ("Tory leader", "Peter Vane,
/// Liberal Democrat housing spokesman").
fn is_a_name_only(e: &Entity) -> bool {
    let mut words = e.name.split_whitespace();
    let first = words.next().filter(|w| !w.eq_ignore_ascii_case("the"));
    let capitalised = first
        .into_iter()
        .chain(words)
        .all(|w| w.starts_with(char::is_uppercase));
    e.kind != EntityKind::Person && e.role.is_none() && e.descriptions.is_empty() && capitalised
}

/// The party that stands behind a marked side naming no party ("the government"): the
/// one known party, no given side, that the story shows governing most.
fn party_behind(
    marked: usize,
    votes: &[(usize, i32)],
    kinds: &[SideKind],
    given: usize,
) -> Option<(usize, usize)> {
    if kinds.get(marked) == Some(&SideKind::Party) {
        return None;
    }
    let mut best: Vec<(usize, i32)> = votes
        .iter()
        .copied()
        .filter(|&(s, v)| s >= given && v > 0 && kinds.get(s) == Some(&SideKind::Party))
        .collect();
    best.sort_by_key(|&(_, v)| std::cmp::Reverse(v));
    match best.as_slice() {
        [(p, _)] => Some((*p, marked)),
        [(p, a), (_, b), ..] if a > b => Some((*p, marked)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::is_party_leader;
    use crate::detect::test_support::{party, quote_sides, sides};

    // Both parties' people are named for their party, and no word says who governs.
    const LEADERS: &str = "Ports bill passes\n\n\
        Valley Party leader Ida Marsh said the bill would close small harbours. \
        \"This bill is a disgrace,\" Ms Marsh said.\n\n\
        Prime Minister Karl Dune said it would save the harbours. \"It is a good bill,\" \
        Mr Dune said.\n\n\
        Coast Party MP Rolf Tan said he backed it. \"I will vote for it,\" Mr Tan said.\n";

    #[test]
    fn a_partys_leader_beside_another_prime_minister_leads_the_opposition() {
        let parties = [
            party("valley", "Valley Party", &["Valley"]),
            party("coast", "Coast Party", &["Coast"]),
        ];
        assert_eq!(
            quote_sides(LEADERS, &parties),
            sides(&["valley", "coast", "coast"])
        );
        // a deputy leader is not the party's leader
        let deputy = LEADERS.replace("Valley Party leader", "Valley Party deputy leader");
        assert_eq!(quote_sides(&deputy, &parties)[1], None);
    }

    #[test]
    fn a_government_that_may_come_is_out_of_office() {
        let story = "Schools row\n\n\
            \"Class sizes will fall,\" Education minister Ana Holt said.\n\n\
            \"They will not,\" shadow education minister Rob Vane said. He said a Green \
            government would hire 9,000 teachers.\n";
        let parties = [
            party("green", "Green League", &["Green"]),
            party("civic", "Civic Party", &["Civic"]),
        ];
        assert_eq!(quote_sides(story, &parties), sides(&["civic", "green"]));
    }

    #[test]
    fn a_government_that_may_come_opening_a_quotation_is_out_of_office() {
        let story = "Schools row\n\n\
            \"Class sizes will fall,\" Education minister Ana Holt said.\n\n\
            \"A Green government would hire 9,000 teachers,\" Rob Vane of the Greens said.\n";
        let parties = [
            party("green", "Green League", &["Green", "Greens"]),
            party("civic", "Civic Party", &["Civic"]),
        ];
        assert_eq!(quote_sides(story, &parties), sides(&["civic", "green"]));
    }

    #[test]
    fn the_leader_of_the_opposition_before_her_name_speaks_for_the_opposition() {
        let story = "Tax cut row\n\n\
            \"Families will be better off,\" the Valley Party government's finance minister, \
            Karl Dune, said.\n\n\
            But the leader of the opposition, Ida Marsh, said the cut was a trick. \"It will \
            not last,\" she said.\n";
        let parties = [
            party("valley", "Valley Party", &["Valley"]),
            party("coast", "Coast Party", &["Coast"]),
        ];
        assert_eq!(quote_sides(story, &parties), sides(&["valley", "coast"]));
    }

    #[test]
    fn a_leader_is_a_partys_own_not_a_deputys_nor_the_houses() {
        assert!(is_party_leader("Tory leader"));
        assert!(is_party_leader("the leader of the opposition"));
        assert!(!is_party_leader("deputy leader"));
        assert!(!is_party_leader("Leader of the House"));
        assert!(!is_party_leader("Labour group leader"));
        assert!(!is_party_leader("shadow chancellor"));
    }

    // Three parties named: the Tories out of office ("a Tory government would"), the
    // Liberal Democrats' spokesman named for his party, and Labour only speaking as
    // itself, whose ministers answer.
    const THREE_PARTIES: &str = "Wards row\n\n\
        A Tory government would give matrons more power, the Tories said.\n\n\
        Shadow health secretary Ann Hale said: \"The wards are dirty.\"\n\n\
        But Labour said the plan was a gimmick. Health Secretary Tom Reed said: \"We gave \
        matrons that power.\"\n\n\
        Liberal Democrat health spokesman Ian Moss said: \"Both are squabbling.\"\n";

    #[test]
    fn the_one_party_no_person_is_named_for_governs_though_it_speaks_as_itself() {
        let parties = [
            party("tories", "Conservatives", &["Tories", "Tory"]),
            party("labour", "Labour", &[]),
            party("libdems", "Liberal Democrats", &["Liberal Democrat"]),
        ];
        // (the shadow secretary's side is not this rule's: three parties are given)
        assert_eq!(
            quote_sides(THREE_PARTIES, &parties)[1..],
            sides(&["labour", "libdems"])
        );
    }

    // Two Commons members the politicians data lists as Labour: one holds a minister's
    // office in the story, the other is named only; the sides file calls one side
    // "the government" and names no party for it.
    const UNNAMED_GOVERNMENT: &str = "Schools budget row\n\n\
        Schools minister Kevin Brennan said every school would get more money. \
        \"The budget is rising,\" Mr Brennan said.\n\n\
        \"The money has run out,\" Oliver Heald said.\n\n\
        \"Heads will see the difference by spring,\" Alan Keen said.\n";

    #[test]
    fn a_party_whose_member_holds_office_speaks_for_the_side_called_the_government() {
        let parties = [
            party("gov", "the government", &["Downing Street"]),
            party("con", "Conservatives", &["Tories"]),
        ];
        assert_eq!(
            quote_sides(UNNAMED_GOVERNMENT, &parties),
            sides(&["gov", "con", "gov"])
        );
        // without the office nothing says Labour governs: Mr Keen speaks for no side
        let untitled =
            UNNAMED_GOVERNMENT.replace("Schools minister Kevin Brennan", "Kevin Brennan");
        assert_eq!(quote_sides(&untitled, &parties)[2], None);
    }
}
