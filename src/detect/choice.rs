//! Choosing the two sides of a story whose sides are not given, from evidence rather
//! than counts: a side is named in the headline and the lead as a party to the story,
//! owns officials ("the Marovan delegation", "Tessalia's chief negotiator", "Heritage
//! leader"), and its speakers are quoted; the country that only hosts the talks or
//! gives the dateline, or a mediator, is not. Each candidate is scored by a logistic
//! model fitted on the tuning stories (`scripts/fit_sides.py`), and the two best are
//! the sides.

use super::candidates::Candidates;
use super::found::Findings;
use super::opening::{LowerWords, Opening, SplitOpening};
use super::side_kind::SideKind;
use super::side_words::{Class, is};
use super::words::{Word, trim_end_all};
use crate::article::Structure;
use crate::model::QuoteKind;
use std::ops::Range;

mod arena;
mod mediators;

pub use mediators::mediators;

/// How many features a candidate has.
pub const FEATURES: usize = 10;

/// The names of the features, in order (for the fitting script).
pub const FEATURE_NAMES: [&str; FEATURES] = [
    "headline",
    "lead",
    "speakers",
    "officials",
    "mediator",
    "dateline",
    "mentions",
    "hostile",
    "arena",
    "paired",
];

/// The weight of each feature and the bias: fitted by `scripts/fit_sides.py` on the
/// 30 tuning stories of the sides development set, sides inferred; see
/// docs/DETECTION.md.
const WEIGHTS: [f32; FEATURES] = [
    1.25, 1.18, 1.22, 0.29, -1.94, 0.11, 1.18, -0.01, -2.05, 1.04,
];
const BIAS: f32 = -3.96;

/// Nouns after a side's name (or its possessive) that make it own an official or
/// office ("Tessalia's chief negotiator", "the Marovan delegation", "Heritage leader").
fn is_owned_office(w: &str) -> bool {
    super::lexicon::is_source_noun(w) || super::lexicon::is_title(w) || is(Class::OwnedOffice, w)
}

/// A candidate's features.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    /// The candidate.
    pub side: usize,
    /// Its features, in the order of [`FEATURE_NAMES`].
    pub features: [f32; FEATURES],
    /// The model's log-odds that it is a side of the story.
    pub score: f32,
    /// Whether the story names it as a party's country ("Belmora's ruling National
    /// Renewal Party"): where its parties speak, the arena, as the home country is.
    owns_party: bool,
}

/// What the choice looks at in a story.
pub struct Story<'a> {
    /// The article's opening, where the candidates' mentions are read.
    pub opening: &'a Opening<'a>,
    /// Its structure.
    pub structure: &'a Structure,
    /// The candidates.
    pub candidates: &'a Candidates,
    /// The dateline's country, as a candidate.
    pub dateline: Option<usize>,
    /// The home country, as a candidate.
    pub home: Option<usize>,
}

/// Every candidate the story mentions, with the features its mentions give (scored
/// once [`attributions`] adds what is attributed to each).
pub fn mentions(story: &Story) -> Vec<Scored> {
    let text = story.opening.text();
    let end = text.len();
    let mut out: Vec<Scored> = Vec::new();
    let (title, lead) = opening(story.structure);
    let in_title = |at: usize| title.as_ref().is_some_and(|t| t.contains(&at));
    let in_lead = |at: usize| lead.as_ref().is_some_and(|l| l.contains(&at));
    let found = story.opening.named();
    let kinds = story.candidates.kinds();
    for pair in found.windows(2) {
        let ((a, side_a), (b, side_b)) = (pair[0], pair[1]);
        if owns_party(&text[a..b], &kinds, side_a, side_b) {
            let i = entry(&mut out, side_a);
            out[i].owns_party = true;
        }
        let opens = |at| in_title(at) || in_lead(at);
        if side_a != side_b && opens(a) && opens(b) && joined(&text[a..b]) {
            for side in [side_a, side_b] {
                let i = entry(&mut out, side);
                out[i].features[9] = 1.0;
            }
        }
    }
    // (the words around each mention come from the opening's split, into one buffer)
    let (split, mut around) = (story.opening.split(), Vec::new());
    let lowered = story.opening.lower_words();
    for &(at, side) in found {
        let i = entry(&mut out, side);
        let f = &mut out[i].features;
        if in_title(at) {
            f[0] = 1.0;
        }
        if in_lead(at) {
            f[1] = 1.0;
        }
        let (owns_office, mediates) = surroundings(text, &split, &lowered, (at, end), &mut around);
        if owns_office {
            f[3] += 1.0;
        }
        if mediates {
            f[4] = 1.0;
        }
        f[6] += 1.0;
        // "Tarvonia's main opposition party": where its parties speak, the arena
        if kinds.get(side) == Some(&SideKind::Country) && arena::owns_a_party_word(&text[at..]) {
            out[i].owns_party = true;
        }
    }
    for s in &mut out {
        for k in [3, 6] {
            s.features[k] = s.features[k].ln_1p();
        }
        if story.dateline == Some(s.side) {
            s.features[5] = 1.0;
        }
    }
    out
}

/// The headline's range and the first paragraph of the body's (after the dateline).
fn opening(structure: &Structure) -> (Option<Range<usize>>, Option<Range<usize>>) {
    let title = structure.title.clone();
    let body_start = structure.dateline.as_ref().map_or(0, |d| d.end);
    let lead = structure
        .paragraphs
        .iter()
        .find(|p| title.as_ref().is_none_or(|t| p.range.start >= t.end))
        .map(|p| p.range.start.max(body_start)..p.range.end);
    (title, lead)
}

/// What the words around a mention at `at` say of it: whether an office follows it
/// ("Tessalia's chief negotiator", "the Marovan delegation") and whether a mediator's
/// or host's word is near ("talks mediated by Norway").
fn surroundings(
    text: &str,
    split: &SplitOpening,
    lowered: &LowerWords,
    (at, end): (usize, usize),
    around: &mut Vec<Word>,
) -> (bool, bool) {
    around.clear();
    let window = super::words::floor_boundary(text, at.saturating_sub(40))
        ..super::words::floor_boundary(text, (at + 60).min(end));
    split.push_words_in(text, window, around);
    let owns_office = around
        .iter()
        .filter(|w| w.start > at)
        .take(2)
        .any(|w| is_owned_office(trim_end_all(&lowered.of(w), "'s")));
    let mediates = around
        .iter()
        .filter(|w| w.end + 30 >= at && w.start <= at + 40)
        .any(|w| is(Class::MediationWord, &lowered.of(w)));
    (owns_office, mediates)
}

/// Adds to the candidates what the story attributes to each (quotations and positions
/// whose speaker is on it, by `speaker_sides`) and the hostility between them (a side
/// attacking another: "Blair attacked the Tory plans"; `stances` from
/// [`super::stance::stances`]), and scores them.
pub fn attributions(
    out: &mut Vec<Scored>,
    story: &Story,
    findings: &Findings,
    stances: &[super::stance::Stance],
    speaker_sides: &[Option<usize>],
) {
    for (side, attributed, hostile) in attributed_counts(findings, stances, speaker_sides) {
        let i = entry(out, side);
        out[i].features[2] = (attributed as f32).ln_1p();
        out[i].features[7] = (hostile as f32).ln_1p();
    }
    // the home country whose parties speak is where the story happens, not a side
    let kinds = story.candidates.kinds();
    let speaking_parties = out
        .iter()
        .filter(|s| s.features[2] > 0.0 && kinds.get(s.side) == Some(&SideKind::Party))
        .count();
    for s in out.iter_mut() {
        if speaking_parties >= 2 && (story.home == Some(s.side) || s.owns_party) {
            s.features[8] = 1.0;
        }
        s.score = BIAS
            + s.features
                .iter()
                .zip(WEIGHTS)
                .map(|(x, w)| x * w)
                .sum::<f32>();
    }
}

/// Per side: (side, quotations and positions attributed to it, exchanges where it
/// attacks or is attacked).
fn attributed_counts(
    findings: &Findings,
    stances: &[super::stance::Stance],
    speaker_sides: &[Option<usize>],
) -> Vec<(usize, usize, usize)> {
    let attributed = findings
        .quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Term)
        .filter_map(|q| q.speaker.and_then(|e| speaker_sides[e]))
        .chain(
            findings
                .positions
                .iter()
                .filter_map(|p| p.speaker.and_then(|e| speaker_sides[e]).or(p.side)),
        );
    let mut counts: Vec<(usize, usize, usize)> = Vec::new();
    let mut count = |side: usize, hostile: bool| {
        let i = counts.iter().position(|c| c.0 == side).unwrap_or_else(|| {
            counts.push((side, 0, 0));
            counts.len() - 1
        });
        if hostile {
            counts[i].2 += 1;
        } else {
            counts[i].1 += 1;
        }
    };
    for side in attributed {
        count(side, false);
    }
    for (p, stance) in findings.positions.iter().zip(stances) {
        let Some(stater) = p.speaker.and_then(|e| speaker_sides[e]).or(p.side) else {
            continue;
        };
        for t in p.against.into_iter().chain(stance.attacked.iter().copied()) {
            if stater != t {
                count(stater, true);
                count(t, true);
            }
        }
    }
    counts
}

/// Whether `between` (from one name's start to the next name's start) is the first
/// name and a joining word: "Britain and ", "Harlow Freight Lines and the ".
fn joined(between: &str) -> bool {
    if between.len() > 60 || between.contains([',', ';', ':', '"']) {
        return false;
    }
    let mut ws: Vec<&str> = between.split_whitespace().collect();
    if ws.last() == Some(&"the") {
        ws.pop();
    }
    match ws.split_last() {
        Some((last, name)) => {
            is(Class::JoiningWord, last)
                && !name.is_empty()
                && name[1..]
                    .iter()
                    .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
        }
        None => false,
    }
}

/// Whether `between` (from a country's name to a party's) makes the country the
/// party's: its possessive, and at most one word in lower case ("Belmora's ruling ",
/// "Esland's opposition ").
fn owns_party(between: &str, kinds: &[SideKind], country: usize, party: usize) -> bool {
    if kinds.get(country) != Some(&SideKind::Country) || kinds.get(party) != Some(&SideKind::Party)
    {
        return false;
    }
    let mut ws = between.split_whitespace();
    let owner = ws
        .next()
        .is_some_and(|w| w.ends_with("'s") || w.ends_with("’s"));
    let rest: Vec<&str> = ws.collect();
    owner && rest.len() <= 1 && rest.iter().all(|w| w.starts_with(char::is_lowercase))
}

/// The index of a candidate's entry in `out`, made if it has none.
fn entry(out: &mut Vec<Scored>, side: usize) -> usize {
    match out.iter().position(|s| s.side == side) {
        Some(i) => i,
        None => {
            out.push(Scored {
                side,
                features: [0.0; FEATURES],
                score: 0.0,
                owns_party: false,
            });
            out.len() - 1
        }
    }
}

/// The two best-scored candidates (fewer when fewer are scored).
pub fn choose(scored: &[Scored]) -> Vec<usize> {
    let mut by_score: Vec<&Scored> = scored.iter().collect();
    by_score.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.side.cmp(&b.side)));
    by_score.iter().take(2).map(|s| s.side).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_names_joined_by_and_or_against_are_a_pair() {
        assert!(joined("Britain and "));
        assert!(joined("Harlow Freight Lines and the "));
        assert!(joined("Marova against "));
        // a clause, a comma or a lower-case word between is no pair
        assert!(!joined("Britain said on Monday that "));
        assert!(!joined("Britain, and "));
        assert!(!joined("Britain's talks with "));
        assert!(!joined("and "));
    }

    #[test]
    fn a_country_whose_possessive_opens_a_party_name_owns_it() {
        let kinds = [SideKind::Country, SideKind::Party, SideKind::Company];
        assert!(owns_party("Belmora's ruling ", &kinds, 0, 1));
        assert!(owns_party("Belmora’s ", &kinds, 0, 1));
        // a clause between, no possessive, or no party after it
        assert!(!owns_party("Belmora's talks with the ", &kinds, 0, 1));
        assert!(!owns_party("Belmora and the ", &kinds, 0, 1));
        assert!(!owns_party("Belmora's ruling ", &kinds, 0, 2));
        assert!(!owns_party("Acme's ", &kinds, 2, 1));
    }

    #[test]
    fn the_country_of_the_parties_that_speak_is_no_side() {
        use crate::article::{Article, Source};
        let story = "Velmora's parties clash over budget\n\n\
            SARN, Velmora, May 2 - Velmora's ruling Unity Party and the opposition Civic \
            Front clashed on Friday over the budget, as the Velmoran treasury delayed its \
            figures.\n\n\
            Unity Party leader Ada Lenz said the budget protected pensions. \"No pensioner \
            will lose a penny,\" Lenz said.\n\n\
            Civic Front leader Ivo Marr said the budget was a fraud. \"Velmorans will pay \
            for this,\" Marr said.\n\n\
            The Velmoran treasury said the figures would come on Monday.\n";
        let article = Article::from_bytes(Source::Stdin, story.as_bytes());
        let found = crate::detect::detect(&article, None);
        let sides: Vec<&str> = found.parties.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(sides, ["Unity Party", "Civic Front"]);
    }
}
