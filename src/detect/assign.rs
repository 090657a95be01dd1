//! Assigning sides once the quotations and speakers are found: the story's sides (given,
//! or chosen among the candidates), what each side is (a country, a party, a union …),
//! which party governs, and each speaker's side weighed from the evidence about it
//! ([`super::evidence`]).

use super::affiliation::{appositive_clues, described_clues, member_clues, namesake_clues, titles};
use super::attribution::Findings;
use super::entities::Entities;
use super::evidence::{Clue, Evidence, Roles, Target};
use super::home::{self, Home};
use super::parties::{SideMatcher, countries};
use super::sides::{self, SideKind};
use super::stance::stance_clues;
use crate::article::Structure;
use crate::model::{Party, QuoteKind};
use std::collections::HashMap;

/// The story's sides and each entity's.
#[derive(Debug)]
pub struct Assigned {
    /// The sides of the story, as indexes into the candidates.
    pub chosen: Vec<usize>,
    /// Each entity's side (an index into the candidates, one of `chosen`), if any.
    pub speaker_sides: Vec<Option<usize>>,
    /// The evidence each side was decided on.
    pub evidence: Evidence,
    /// How sides known by role map to the candidates.
    pub roles: Roles,
}

/// What the story is and what the candidate sides are.
#[derive(Debug, Clone, Copy)]
pub struct Story<'a> {
    /// The article's text.
    pub text: &'a str,
    /// Its structure (title, dateline, paragraphs).
    pub structure: &'a Structure,
    /// The given parties, if any: then they are the candidates.
    pub parties: Option<&'a [Party]>,
    /// Matches the candidates' names.
    pub sides: &'a SideMatcher,
}

/// Decides the story's sides and each speaker's.
pub fn assign(story: Story, findings: &mut Findings, entities: &Entities) -> Assigned {
    let Story {
        text,
        structure,
        parties,
        sides,
    } = story;
    let home = home::find_home(
        text,
        structure,
        super::gazetteer::gazetteer(),
        super::country_matcher(),
    );
    let kinds = match parties {
        Some(p) => sides::given_candidates(p).1,
        None => vec![SideKind::Country; countries().len()],
    };
    let roles = Roles {
        governing: sides::governing(text, parties, sides, &kinds),
        nation: home.and_then(|h| home_side(h, parties, sides)),
        kinds,
    };
    let evidence = gather(story, home, findings, entities);
    let chosen = match parties {
        Some(p) => (0..p.len()).collect(),
        None => {
            let present = sides_present(&evidence, entities.list.len(), &roles);
            let provisional: Vec<Option<usize>> = (0..entities.list.len())
                .map(|i| evidence.decide(i, &roles, &present))
                .collect();
            let lead = home::lead(text, structure, super::country_matcher());
            sides::complete_pair(most_present(findings, &provisional), &lead, sides)
        }
    };
    let speaker_sides: Vec<Option<usize>> = (0..entities.list.len())
        .map(|i| evidence.decide(i, &roles, &chosen))
        .collect();
    home::office_positions(text, home, &roles, &chosen, &speaker_sides, findings);
    Assigned {
        chosen,
        speaker_sides,
        evidence,
        roles,
    }
}

/// The candidate side of the home country: the country itself when sides are
/// inferred, else the given party that stands for it.
fn home_side(home: Home, parties: Option<&[Party]>, sides: &SideMatcher) -> Option<usize> {
    let country = &countries()[home.country];
    match parties {
        Some(_) => std::iter::once(&country.name)
            .chain(&country.names)
            .find_map(|n| sides.first(n)),
        None => Some(home.country),
    }
}

/// Every clue about every speaker.
fn gather(story: Story, home: Option<Home>, findings: &Findings, entities: &Entities) -> Evidence {
    let mut evidence = Evidence::new(entities.list.len());
    for (i, e) in entities.list.iter().enumerate().filter(|(_, e)| e.speaks) {
        if let Some(side) = e.side {
            evidence.add(i, Target::Side(side), Clue::Named);
        }
    }
    appositive_clues(story.text, entities, story.sides, &mut evidence);
    let acronyms = home.is_some_and(|h| h.from_dateline);
    let titles = titles(story.text, entities);
    described_clues(&titles, story.sides, acronyms, &mut evidence);
    namesake_clues(entities, &mut evidence);
    if let Some(parties) = story.parties {
        member_clues(story.text, entities, &titles, parties, &mut evidence);
    }
    home::office_clues(story.text, home, entities, story.sides, &mut evidence);
    stance_clues(story.text, findings, story.sides, &mut evidence);
    evidence.drop_where_named(
        Clue::Office,
        &[Clue::Named, Clue::Appositive, Clue::Described],
    );
    evidence
}

/// The candidate sides some clue points at, in the order of their index.
fn sides_present(evidence: &Evidence, entities: usize, roles: &Roles) -> Vec<usize> {
    let mut present: Vec<usize> = (0..entities)
        .flat_map(|i| evidence.of(i).iter())
        .filter_map(|&(target, _)| match target {
            Target::Side(s) => Some(s),
            _ => None,
        })
        .chain(roles.nation)
        .collect();
    present.sort_unstable();
    present.dedup();
    present
}

/// The two sides most present among the attributed sources (speakers weighted by what
/// they say), ties broken by the order of the gazetteer; returned in the order the
/// article first attributes something to them.
fn most_present(findings: &Findings, speaker_sides: &[Option<usize>]) -> Vec<usize> {
    let side_of = |e: Option<usize>| e.and_then(|e| speaker_sides[e]);
    let mut counts: HashMap<usize, usize> = HashMap::new();
    for q in findings.quotes.iter().filter(|q| q.kind != QuoteKind::Term) {
        if let Some(s) = side_of(q.speaker) {
            *counts.entry(s).or_default() += 2;
        }
    }
    for p in &findings.positions {
        if let Some(s) = side_of(p.speaker).or(p.side) {
            *counts.entry(s).or_default() += 2;
        }
        if let Some(s) = p.against {
            *counts.entry(s).or_default() += 1;
        }
    }
    let mut top: Vec<(usize, usize)> = counts.into_iter().collect();
    top.sort_by_key(|&(s, n)| (std::cmp::Reverse(n), s));
    let mut pair: Vec<usize> = top.into_iter().take(2).map(|(s, _)| s).collect();
    // the side the story attributes to first comes first (as readers name them)
    let first_seen = |side: usize| {
        let quotes = findings
            .quotes
            .iter()
            .filter(|q| side_of(q.speaker) == Some(side))
            .map(|q| q.range.start);
        let positions = findings
            .positions
            .iter()
            .filter(|p| side_of(p.speaker).or(p.side) == Some(side))
            .map(|p| p.range.start);
        quotes.chain(positions).min().unwrap_or(usize::MAX)
    };
    pair.sort_by_key(|&s| first_seen(s));
    pair
}

#[cfg(test)]
mod tests {
    use crate::article::{Article, Source};
    use crate::model::Party;

    /// The side of each quotation's speaker in a made-up story.
    fn quote_sides(story: &str, parties: &[Party]) -> Vec<Option<String>> {
        let article = Article::from_bytes(Source::Stdin, story.as_bytes());
        let found = crate::detect::detect(&article, Some(parties));
        found
            .quotes
            .iter()
            .map(|q| q.party.as_ref().map(|p| p.to_string()))
            .collect()
    }

    const BUDGET_STORY: &str = "Budget row deepens\n\n\
        \"The sums add up,\" the finance minister said on Monday.\n\n\
        \"They do not add up at all,\" Tom Reed, the shadow chancellor, said.\n\n\
        \"We will vote against it,\" Ann Lee said.\n\n\
        \"Nobody asked us,\" the party chairman, Ed Moss, said.\n";

    fn party(id: &str, name: &str) -> Party {
        Party {
            id: id.into(),
            name: name.into(),
            ..Default::default()
        }
    }

    #[test]
    fn the_parties_file_gives_members_roles_and_the_government() {
        let plain = [party("reform", "Reform"), party("heritage", "Heritage")];
        assert_eq!(quote_sides(BUDGET_STORY, &plain), [None, None, None, None]);
        let told = [
            Party {
                governs: true,
                ..party("reform", "Reform")
            },
            Party {
                members: vec!["Ann Lee".into()],
                roles: vec!["party chairman".into()],
                ..party("heritage", "Heritage")
            },
        ];
        let want = ["reform", "heritage", "heritage", "heritage"].map(|s| Some(s.to_string()));
        assert_eq!(quote_sides(BUDGET_STORY, &told), want);
    }

    #[test]
    fn the_story_may_say_which_party_governs() {
        let story = format!(
            "{BUDGET_STORY}\nThe Reform government faces a vote on the budget next week.\n"
        );
        let parties = [party("reform", "Reform"), party("heritage", "Heritage")];
        let got = quote_sides(&story, &parties);
        assert_eq!(
            got[..2],
            [Some("reform".to_string()), Some("heritage".to_string())]
        );
    }
}
