//! Assigning sides once the quotations and speakers are found: the story's sides (given,
//! or chosen among the candidates), what each side is (a country, a party, a union …),
//! which party governs, and each speaker's side weighed from the evidence about it
//! ([`super::evidence`]).

use super::affiliation::listed::{member_clues, short_name_clues};
use super::affiliation::titles::{described_clues, titles};
use super::affiliation::{
    appositive_clues, described, echoed_office_clues, namesake_clues, trade_voice_clues,
    voice_clues,
};
use super::candidates::Candidates;
use super::choice;
use super::entities::Entities;
use super::evidence::{Clue, Evidence, Roles, Target};
use super::found::Findings;
use super::government_side::the_government;
use super::governs::who_governs;
use super::home::{self, Home};
use super::named_after_role;
use super::opening::Opening;
use super::parties::{SideMatcher, countries};
use super::passing_party::the_state_over_a_passing_party;
use super::politicians::{listed, politician_clues};
use super::stance::{Stance, quotations_clues, stances_and_clues};
use crate::article::Structure;
use crate::model::{Party, QuoteKind};

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
    /// The candidates scored as sides, when they were inferred.
    pub scored: Vec<choice::Scored>,
    /// The chosen country side that stands for its government, called "the government"
    /// ([`super::government_side`]).
    pub government: Option<usize>,
    /// The side of each position that an office of the state or nation states
    /// ([`home::office_positions`]), as (position, side): set by the caller, so that the
    /// findings stay shared while the sides are decided.
    pub office_sides: Vec<(usize, usize)>,
}

/// The clues gathered before the sides are decided ([`clues`]).
pub struct Clues {
    home: Option<Home>,
    stances: Vec<Stance>,
    evidence: Evidence,
}

/// What the story is and what the candidate sides are.
#[derive(Debug, Clone, Copy)]
pub struct Story<'a> {
    /// The article's text.
    pub text: &'a str,
    /// Its structure (title, dateline, paragraphs).
    pub structure: &'a Structure,
    /// The given parties, if any.
    pub parties: Option<&'a [Party]>,
    /// The candidate sides.
    pub candidates: &'a Candidates,
    /// The article's opening, with where it names the candidates.
    pub opening: &'a Opening<'a>,
    /// Whether the stances are worked out on another thread while the other clues are
    /// gathered (a large article: the thread costs more than it saves on a small one).
    pub parallel: bool,
}

/// Decides the story's sides and each speaker's from the `clues` gathered ([`clues`]).
/// Why apart from the gathering: on a large article the gathering runs on two threads
/// and this part on one, so the caller may put other work beside it.
pub fn assign(story: Story, findings: &Findings, entities: &Entities, clues: Clues) -> Assigned {
    let Story {
        text,
        parties,
        candidates,
        opening,
        ..
    } = story;
    let sides = &candidates.matcher;
    let Clues {
        home,
        stances,
        mut evidence,
    } = clues;
    let kinds = candidates.kinds();
    let listed = listed(entities, sides);
    let governing = who_governs(opening, parties, &kinds, (entities, &listed), &evidence);
    drop_weaker_hints(&mut evidence);
    let mut roles = Roles {
        nation: nation(home, &governing.votes, candidates)
            .or_else(|| found_home(text, story.structure, candidates)),
        governing: governing.votes,
        kinds,
        behind: governing.behind,
        devolved: devolved(candidates),
    };
    let (chosen, scored, government) = match parties {
        Some(p) => ((0..p.len()).collect(), Vec::new(), None),
        None => infer_sides(
            story, home, findings, entities, &evidence, &mut roles, &stances,
        ),
    };
    politician_clues(&listed, &roles.kinds, &chosen, roles.behind, &mut evidence);
    let mut speaker_sides: Vec<Option<usize>> = (0..entities.list.len())
        .map(|i| evidence.decide(i, &roles, &chosen))
        .collect();
    let read = named_after_role::Read {
        text,
        structure: story.structure,
        sides,
    };
    named_after_role::name_the_role(&read, entities, &evidence, &mut speaker_sides);
    let office_sides =
        home::office_positions(text, home, &roles, &chosen, &speaker_sides, findings);
    Assigned {
        chosen,
        speaker_sides,
        evidence,
        roles,
        scored,
        government,
        office_sides,
    }
}

/// Drops the hints that a stronger clue about the same speaker overrules.
fn drop_weaker_hints(evidence: &mut Evidence) {
    // an office whose side some mention names is that side's, and so is one whose
    // holder speaks for a side ("Brazil wants …, central bank governor Gros said" under
    // another country's dateline: the bank is Brazil's)
    evidence.drop_where_named(
        Clue::Office,
        &[
            Clue::Named,
            Clue::Appositive,
            Clue::Described,
            Clue::SpeaksFor,
        ],
    );
    // the dateline is the weakest hint, and no hint at all where a mention names the
    // speaker's side ("Tavelli's chief executive" under a Milan dateline is not Italy's)
    evidence.drop_where_named(
        Clue::Dateline,
        &[Clue::Named, Clue::Appositive, Clue::Described],
    );
}

/// The story's sides when none are given, in the order the story first attributes
/// something to them, the candidates as scored ([`choice`]) and the side that stands for
/// the government ([`the_government`], which may put its party in its place).
fn infer_sides(
    story: Story,
    home: Option<Home>,
    findings: &Findings,
    entities: &Entities,
    evidence: &Evidence,
    roles: &mut Roles,
    stances: &[Stance],
) -> (Vec<usize>, Vec<choice::Scored>, Option<usize>) {
    let sides = &story.candidates.matcher;
    let choosing = choice::Story {
        opening: story.opening,
        structure: story.structure,
        candidates: story.candidates,
        dateline: home
            .filter(|h| h.from_dateline)
            .map(|h| home_side(h, sides, story.candidates)),
        home: roles.nation,
    };
    let mut scored = choice::mentions(&choosing);
    let present = sides_present(evidence, entities.list.len(), roles, &scored);
    let provisional: Vec<Option<usize>> = (0..entities.list.len())
        .map(|i| evidence.decide(i, roles, &present))
        .collect();
    // (a mediator's words count for no side: it is none)
    let mediators = choice::mediators(story.text, findings, entities.list.len());
    let counted: Vec<Option<usize>> = provisional
        .iter()
        .zip(&mediators)
        .map(|(&side, &mediates)| side.filter(|_| !mediates))
        .collect();
    choice::attributions(&mut scored, &choosing, findings, stances, &counted);
    let mut chosen = in_order_of_attribution(findings, &provisional, choice::choose(&scored));
    let people = (entities, evidence);
    the_state_over_a_passing_party(&mut chosen, story.candidates, roles, findings, people);
    let named: Vec<usize> = scored.iter().map(|s| s.side).collect();
    let candidates = (story.candidates, named.as_slice());
    let government = the_government(&mut chosen, candidates, roles, people);
    (chosen, scored, government)
}

/// The candidate sides that are devolved governments (a given party standing for one,
/// else the gazetteer's entry): "the First Minister" speaks for the one among the sides.
fn devolved(candidates: &Candidates) -> Vec<usize> {
    let of = |c: usize| candidates.of_country(c);
    super::gazetteer::gazetteer().devolved().map(of).collect()
}

/// The candidate side of the home country: a given party or a historical state that
/// stands for it, else the country itself.
fn home_side(home: Home, sides: &SideMatcher, candidates: &Candidates) -> usize {
    let country = &countries()[home.country];
    std::iter::once(&country.name)
        .chain(&country.names)
        .find_map(|n| sides.first(n))
        .unwrap_or_else(|| candidates.of_country(home.country))
}

/// The story's home, each position's stance and every clue about every speaker. The
/// stances and the clues of what speakers say depend on the findings alone: on a large
/// article the stances and their positions' clues are worked out on another thread
/// meanwhile, and each part's clues are recorded in the order one thread records them.
pub fn clues(story: Story, findings: &Findings, entities: &Entities) -> Clues {
    let (text, sides) = (story.text, &story.candidates.matcher);
    let speakers = entities.list.len();
    let positions = || {
        let mut evidence = Evidence::new(speakers);
        let stances = stances_and_clues(text, findings, sides, &mut evidence);
        (stances, evidence)
    };
    let others = || {
        let (gazetteer, countries) = (super::gazetteer::gazetteer(), super::country_matcher());
        let home = home::find_home(text, story.structure, gazetteer, countries);
        let evidence = gather(story, home, entities);
        let mut quoted = Evidence::new(speakers);
        quotations_clues(text, findings, sides, &mut quoted);
        (home, evidence, quoted)
    };
    let ((stances, stanced), (home, mut evidence, quoted)) = if story.parallel {
        std::thread::scope(|scope| {
            let positions = scope.spawn(positions);
            let others = others();
            let positions = positions
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (positions, others)
        })
    } else {
        (positions(), others())
    };
    evidence.append(stanced);
    evidence.append(quoted);
    Clues {
        home,
        stances,
        evidence,
    }
}

/// Every clue about every speaker but those of the stances.
fn gather(story: Story, home: Option<Home>, entities: &Entities) -> Evidence {
    let mut evidence = Evidence::new(entities.list.len());
    for (i, e) in entities.list.iter().enumerate().filter(|(_, e)| e.speaks) {
        if let Some(side) = e.side {
            evidence.add(i, Target::Side(side), Clue::Named);
        }
    }
    let sides = &story.candidates.matcher;
    let kinds = story.candidates.kinds();
    let described = described(story.text, entities, sides);
    appositive_clues(
        story.text,
        (entities, &described),
        (sides, &kinds),
        &mut evidence,
    );
    echoed_office_clues(story.text, entities, sides, &mut evidence);
    voice_clues(story.text, entities, sides, &mut evidence);
    trade_voice_clues(entities, story.candidates, &mut evidence);
    let acronyms = home.is_some_and(|h| h.from_dateline);
    let titles = titles(story.opening, entities);
    described_clues(
        (story.opening.text(), &titles),
        sides,
        acronyms,
        &mut evidence,
    );
    namesake_clues(entities, &mut evidence);
    if let Some(parties) = story.parties {
        member_clues(story.text, entities, &titles, parties, &mut evidence);
        short_name_clues(story.text, entities, &titles, parties, &mut evidence);
    }
    home::office_clues(home, entities, &described, &mut evidence);
    super::devolved_chamber::chamber_clues(story.text, entities, &mut evidence);
    home::place_clues(story.text, entities, sides, &mut evidence);
    evidence
}

/// The home of a story whose dateline no gazetteer knows: the city of a country no
/// list has, whose offices the story names without saying whose
/// ([`home::dateline_side`]).
fn found_home(text: &str, structure: &Structure, candidates: &Candidates) -> Option<usize> {
    let kinds = candidates.kinds();
    home::dateline_side(text, structure, &candidates.matcher, |s| {
        kinds.get(s) == Some(&super::side_kind::SideKind::Country)
            && candidates.country(s).is_none()
    })
}

/// The candidate side of the country the story is set in: its home's, else the one its
/// parties are of ([`parties_country`]).
fn nation(home: Option<Home>, named: &[(usize, i32)], candidates: &Candidates) -> Option<usize> {
    home.map(|h| home_side(h, &candidates.matcher, candidates))
        .or_else(|| parties_country(named, candidates))
}

/// The country a story with no home of its own is set in: the one whose politics
/// every party it names (`named`, as [`sides::story_votes`] lists them) is of, so
/// that "Downing Street" in a story between Labour and the Conservatives speaks for the
/// governing party.
fn parties_country(named: &[(usize, i32)], candidates: &Candidates) -> Option<usize> {
    let mut of = named.iter().map(|&(s, _)| candidates.country_of_party(s));
    let first = of.next()??;
    of.all(|c| c == Some(first))
        .then(|| candidates.of_country(first))
}

/// The candidate sides the story may be about: those a clue points at, those it names
/// (`scored`), those said to govern and the home country; in the order of their index.
fn sides_present(
    evidence: &Evidence,
    entities: usize,
    roles: &Roles,
    scored: &[choice::Scored],
) -> Vec<usize> {
    let mut present: Vec<usize> = (0..entities)
        .flat_map(|i| evidence.of(i).iter())
        .filter_map(|&(target, _)| match target {
            Target::Side(s) => Some(s),
            _ => None,
        })
        .chain(roles.nation)
        .chain(scored.iter().map(|s| s.side))
        .chain(
            roles
                .governing
                .iter()
                .filter(|(_, v)| *v > 0)
                .map(|(s, _)| *s),
        )
        .collect();
    present.sort_unstable();
    present.dedup();
    present
}

/// The sides in the order the story first attributes something to them (as readers
/// name them), those it attributes nothing to last.
fn in_order_of_attribution(
    findings: &Findings,
    speaker_sides: &[Option<usize>],
    mut pair: Vec<usize>,
) -> Vec<usize> {
    let side_of = |e: Option<usize>| e.and_then(|e| speaker_sides[e]);
    let first_seen = |side: usize| {
        let quotes = findings
            .quotes
            .iter()
            .filter(|q| q.kind != QuoteKind::Term && side_of(q.speaker) == Some(side))
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
mod tests;
