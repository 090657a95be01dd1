//! The government's voice over a party named in passing, when the sides are inferred.
//! A story may never name the party in office: "the government", "Downing Street", "the
//! Prime Minister" and "the Culture Secretary" answer the opposition. Between the two
//! parties the story does name, the one that is not the opposition is taken to govern,
//! so every voice of the state goes to it, though it may be a third party said to speak
//! once ("The Liberal Democrats said …" at the end). Where nothing says that party governs
//! (no "X government", no minister named for it) and the state's voices own more
//! quotations and positions than its own people, the state is the side in its place;
//! [`super::government_side`] then calls it "the government".

use super::candidates::Candidates;
use super::entities::Entities;
use super::evidence::{Clue, Evidence, Roles, Target};
use super::found::Findings;
use super::government_side::minister_speaks_for;
use super::side_kind::SideKind;
use super::sides;
use crate::model::QuoteKind;

/// Puts the home country (the state, standing for its government) in place of the
/// chosen party the state's offices went to only by default, when the state's voices
/// say more than the party's own people; that party is then shown not to govern.
pub fn the_state_over_a_passing_party(
    chosen: &mut [usize],
    candidates: &Candidates,
    roles: &mut Roles,
    findings: &Findings,
    people: (&Entities, &Evidence),
) {
    let Some((passing, state)) = passing_party(chosen, candidates, roles, findings, people) else {
        return;
    };
    for side in chosen.iter_mut().filter(|s| **s == passing) {
        *side = state;
    }
    // (so that the government's side is not given back to it as the one other party)
    roles.governing.retain(|&(s, _)| s != passing);
    roles.governing.push((passing, -1));
}

/// The chosen party that holds the state's offices by default only, and the state to
/// put in its place: both sides parties of one country, none said to govern, and the
/// quotations and positions of the state's voices (with a minister among them) more
/// than those of the party's own people.
fn passing_party(
    chosen: &[usize],
    candidates: &Candidates,
    roles: &Roles,
    findings: &Findings,
    (entities, evidence): (&Entities, &Evidence),
) -> Option<(usize, usize)> {
    let [a, b] = *chosen else { return None };
    let is_party = |s: usize| roles.kinds.get(s) == Some(&SideKind::Party);
    let country = candidates.country_of_party(a)?;
    if !is_party(a) || !is_party(b) || candidates.country_of_party(b) != Some(country) {
        return None;
    }
    // (a story that says who governs, "the Labour government" or a minister named for
    // a party, keeps its sides)
    if roles.governing.iter().any(|&(_, v)| v > 0) {
        return None;
    }
    let state = candidates.of_country(country);
    let own = |party: usize| voice(findings, |e| is_named_for(evidence.of(e), party));
    // (the party the state's offices go to by default, else the one that says less)
    let held = match sides::governing(&roles.governing, chosen, &roles.kinds) {
        Some(held) => held,
        None => match own(a).cmp(&own(b)) {
            std::cmp::Ordering::Less => a,
            std::cmp::Ordering::Greater => b,
            std::cmp::Ordering::Equal => return None,
        },
    };
    let opposing = if held == a { b } else { a };
    let instead = [opposing, state];
    let state_voice = voice(findings, |e| {
        evidence.decide(e, roles, &instead) == Some(state)
    });
    let says_more = state_voice > own(held);
    (says_more && minister_speaks_for(state, &instead, roles, (entities, evidence)))
        .then_some((held, state))
}

/// Whether a speaker's clues name `party` as its own: anything but its office, an
/// attack or the dateline.
fn is_named_for(clues: &[(Target, Clue)], party: usize) -> bool {
    clues.iter().any(|&(t, c)| {
        t == Target::Side(party) && !matches!(c, Clue::Office | Clue::Against | Clue::Dateline)
    })
}

/// How many quotations and positions the speakers `of` say.
fn voice(findings: &Findings, of: impl Fn(usize) -> bool) -> usize {
    let quotes = findings
        .quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Term)
        .filter_map(|q| q.speaker);
    let positions = findings.positions.iter().filter_map(|p| p.speaker);
    quotes.chain(positions).filter(|&e| of(e)).count()
}

#[cfg(test)]
mod tests {
    use crate::article::{Article, Source};
    use crate::detect::detect;

    /// The inferred sides' ids and each quotation's side.
    fn inferred(story: &str) -> (Vec<String>, Vec<Option<String>>) {
        let found = detect(&Article::from_bytes(Source::Stdin, story.as_bytes()), None);
        let ids = found.parties.iter().map(|p| p.id.clone()).collect();
        let side = |q: &crate::model::Quote| q.party.as_ref().map(|p| p.to_string());
        (ids, found.quotes.iter().map(side).collect())
    }

    // The opposition against a government whose party is never named; a third party
    // speaks once at the end.
    const PASSING: &str = "Tories vow to scrap bridge tolls\n\n\
        The Conservatives would scrap tolls on river crossings, the party has said, \
        accusing the government of taxing commuters.\n\n\
        Shadow transport secretary Hugh Barlow said: \"A Conservative government \
        would end this tax on getting to work.\"\n\n\
        Transport Minister Ada Fenwick said the tolls paid for repairs. \"Without them \
        the bridges would close,\" she said. \"The Tory sums are wrong,\" she added.\n\n\
        Downing Street said the Prime Minister backed her. \"The tolls will stay,\" a \
        Number 10 spokesman said.\n\n\
        The Liberal Democrats said the tolls should be cut for key workers.\n";

    #[test]
    fn a_party_named_in_passing_gives_way_to_the_government_that_speaks() {
        let (ids, sides) = inferred(PASSING);
        assert_eq!(ids, ["conservatives", "government"]);
        let (tory, government) = (Some("conservatives"), Some("government"));
        let want = [tory, government, government, government];
        assert_eq!(sides, want.map(|s| s.map(String::from)));
    }

    #[test]
    fn a_third_party_that_says_more_than_the_state_stays_a_side() {
        let story = PASSING.replace(
            "The Liberal Democrats said the tolls should be cut for key workers.",
            "Liberal Democrat spokeswoman Nia Hale said the tolls should be cut. \
             \"Nurses pay twice,\" she said. \"Cleaners pay twice,\" she said. \"Porters \
             pay twice,\" Ms Hale said. \"Cut the tolls for them,\" she said.",
        );
        assert_eq!(inferred(&story).0, ["conservatives", "liberal-democrats"]);
    }

    #[test]
    fn a_story_that_names_the_governing_party_keeps_it() {
        let story = PASSING.replace("accusing the government", "accusing the Labour government");
        assert_eq!(inferred(&story).0, ["conservatives", "labour"]);
    }
}
