//! What attacks tell of who governs: a party that attacks "the government" is out of
//! office, one a shadow minister attacks is in it, one a minister attacks is not; and
//! what a minister says the other party will do is an attack on it, not its intent.

use super::{add_vote, parties_of};
use crate::detect::evidence::{Clue, Evidence, Target};
use crate::detect::found::Findings;
use crate::detect::side_kind::SideKind;
use crate::detect::sides;
use crate::detect::stance::Stance;

/// What attacks say of who governs, where nothing surer does: a party that attacks
/// "the government" or "ministers" is out of office ("The Tories accused the government
/// of …"); a party that someone holding an office of the opposition attacks is in it
/// ("shadow home secretary Ann Bell … accused Labour of …"), and one that an office of
/// the state attacks is not ("Ministers have dismissed the Tory plans").
pub(super) fn attackers_vote(
    said: (&Findings, &[Stance]),
    evidence: &Evidence,
    kinds: &[SideKind],
    votes: &mut Vec<(usize, i32)>,
) {
    let is_party = |s: usize| kinds.get(s) == Some(&SideKind::Party);
    for (p, stance) in said.0.positions.iter().zip(said.1) {
        let staters = match p.speaker {
            Some(e) => parties_of(e, evidence, &[], kinds),
            None => p.side.filter(|&s| is_party(s)).into_iter().collect(),
        };
        if stance.attacks_state {
            for &side in &staters {
                add_vote(votes, side, -1);
            }
        }
        let holds = |target: Target| {
            p.speaker
                .is_some_and(|e| evidence.of(e).contains(&(target, Clue::Office)))
        };
        let vote = if holds(Target::Opposition) {
            1
        } else if holds(Target::State) {
            -1
        } else {
            continue;
        };
        let attacked = p.against.into_iter().chain(stance.attacked.iter().copied());
        for side in attacked.filter(|&s| is_party(s) && !staters.contains(&s)) {
            add_vote(votes, side, vote);
        }
    }
}

/// Drops the side a minister or shadow minister is said to speak for where it is the
/// party their office is not: "the Health Secretary said the Conservatives would …",
/// with Labour governing, is an attack on the Conservatives, not their intent; so the
/// office, which an intent would overrule, speaks.
pub fn drop_attacks_read_as_intent(
    evidence: &mut Evidence,
    votes: &[(usize, i32)],
    kinds: &[SideKind],
) {
    let named: Vec<usize> = votes.iter().map(|&(s, _)| s).collect();
    let Some(governs) = sides::governing(votes, &named, kinds) else {
        return;
    };
    for i in 0..evidence.entities() {
        let clues = evidence.of(i);
        let state = clues.contains(&(Target::State, Clue::Office));
        let opposition = clues.contains(&(Target::Opposition, Clue::Office));
        let misread: Vec<usize> = clues
            .iter()
            .filter_map(|&(t, c)| match t {
                Target::Side(s) if c == Clue::SpeaksFor => Some(s),
                _ => None,
            })
            .filter(|&s| kinds.get(s) == Some(&SideKind::Party))
            .filter(|&s| (state && s != governs) || (opposition && s == governs))
            .collect();
        for side in misread {
            evidence.drop(i, Target::Side(side), Clue::SpeaksFor);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::detect::test_support::{party, quote_sides, sides};

    fn parties() -> [crate::model::Party; 2] {
        [
            party("valley", "Valley Party", &["Valley"]),
            party("coast", "Coast Party", &["Coast"]),
        ]
    }

    #[test]
    fn a_party_that_attacks_the_government_is_out_of_office() {
        let story = "Ports bill row\n\n\
            The Coast Party has accused the government of \"wrecking\" the harbours.\n\n\
            Transport Secretary Ida Marsh said the bill would save them. \"It is a good \
            bill,\" she said.\n\n\
            \"It is a bad bill,\" shadow transport secretary Rolf Tan said.\n";
        assert_eq!(
            quote_sides(story, &parties()),
            sides(&["coast", "valley", "coast"])
        );
        // the government of another country is not the story's
        let foreign = story.replace("the government of", "the government of Norway of");
        assert_eq!(quote_sides(&foreign, &parties())[1], None);
    }

    #[test]
    fn a_party_a_shadow_minister_attacks_governs() {
        // (both parties have a named member, so neither is the one no speaker is
        // named for)
        let story = "Ports bill row\n\n\
            Shadow transport secretary Rolf Tan accused the Valley Party of closing \
            harbours. \"It is a bad bill,\" he said.\n\n\
            \"It is a good bill,\" Transport Secretary Ida Marsh said.\n\n\
            \"I have my doubts,\" Valley Party MP Jo Cole said.\n\n\
            \"We will vote against it,\" Coast Party MP Ann Lee said.\n";
        assert_eq!(
            quote_sides(story, &parties()),
            sides(&["coast", "valley", "valley", "coast"])
        );
    }

    #[test]
    fn what_a_minister_says_the_other_party_would_do_is_no_intent_of_hers() {
        let story = "Ports bill row\n\n\
            The Valley government says the bill will save the harbours.\n\n\
            Transport Secretary Ida Marsh said the Coast Party would close them. \"They \
            have no plan,\" she said.\n\n\
            \"It is a bad bill,\" shadow transport secretary Rolf Tan said.\n";
        assert_eq!(quote_sides(story, &parties()), sides(&["valley", "coast"]));
    }
}
