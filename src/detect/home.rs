//! The story's home country: the country of its dateline ("TOKYO, March 13 - "), or
//! failing that the first country its lead names. A wire reader gives it the national
//! offices the story names without a country ("the Foreign Ministry", "government
//! officials", "Deputy Under Secretary of Commerce ..."), and so does the detector.

use super::affiliation::Described;
use super::entities::Entities;
use super::evidence::{Clue, Evidence, Roles, Target};
use super::found::Findings;
use super::gazetteer::Gazetteer;
use super::parties::SideMatcher;
use super::side_kind::SideKind;
use super::side_words::{Class, classes};
use crate::article::Structure;
use std::borrow::Cow;

mod dateline;
mod place;
pub use dateline::dateline_side;
pub use place::place_clues;

/// Where the story is told from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Home {
    /// The country, as an index into the gazetteer.
    pub country: usize,
    /// Whether a dateline gave it (rather than the lead): only then are bare acronyms
    /// of agencies ("a MITI official") taken for the home country's.
    pub from_dateline: bool,
}

/// The home country of an article: its dateline's city, or the first gazetteer country
/// named in the first sentence of the body.
pub fn find_home(
    text: &str,
    structure: &Structure,
    gazetteer: &Gazetteer,
    countries: &SideMatcher,
) -> Option<Home> {
    if let Some(d) = &structure.dateline {
        let place = text[d.clone()].split(['(', ',', '-', '—', '–']).next()?;
        // A dateline of a stopover ("HONG KONG" for a U.S.–Japan story) is no home:
        // there the lead names two other countries and not the dateline's.
        let mut named: Vec<usize> = lead(text, structure, countries)
            .iter()
            .flat_map(|part| countries.find(part))
            .map(|(_, side)| side)
            .collect();
        named.sort_unstable();
        named.dedup();
        return gazetteer
            .country_of_city(place)
            .filter(|c| named.len() < 2 || named.contains(c))
            .map(|country| Home {
                country,
                from_dateline: true,
            });
    }
    let lead = structure.sentences(text).next()?;
    // ("The Welsh Government has attacked the UK Government": the home is Britain,
    // whose offices are the UK Government's)
    countries.first(&text[lead]).map(|country| Home {
        country: gazetteer.state_of(country),
        from_dateline: false,
    })
}

/// Paragraphs of the body that make its lead.
const LEAD_PARAGRAPHS: usize = 2;

/// The headline and the first paragraphs of the body (after the dateline): where a
/// wire story names its countries. A headline in capitals is given in title case, but
/// for the words that are names as they stand ("U.S.", "USSR"), so that `sides`
/// finds its names ("JAPAN'S" → "Japan's").
pub fn lead<'a>(text: &'a str, structure: &Structure, sides: &SideMatcher) -> Vec<Cow<'a, str>> {
    let body_start = structure.dateline.as_ref().map_or(0, |d| d.end);
    let paragraphs = structure.paragraphs.iter().take(LEAD_PARAGRAPHS).map(|p| {
        let start = p.range.start.max(body_start).min(p.range.end);
        Cow::Borrowed(&text[start..p.range.end])
    });
    structure
        .title
        .iter()
        .map(|t| headline_case(&text[t.clone()], sides))
        .chain(paragraphs)
        .collect()
}

/// A headline in capitals in title case, keeping the words that are names as written.
fn headline_case<'a>(headline: &'a str, sides: &SideMatcher) -> Cow<'a, str> {
    if headline.chars().any(char::is_lowercase) {
        return Cow::Borrowed(headline);
    }
    let words: Vec<String> = headline
        .split(' ')
        .map(|w| {
            let bare = w.trim_end_matches(['\'', '’', 's', 'S', ',', ':']);
            if sides.starts_name(w) || sides.starts_name(bare) {
                return w.to_string();
            }
            let mut chars = w.chars();
            chars.next().map_or_else(String::new, |first| {
                first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect();
    Cow::Owned(words.join(" "))
}

/// Whose office `phrase` names when it names no side: the state's ("the Foreign
/// Ministry", "government officials", "Deputy Under Secretary of Commerce"; with
/// `acronyms`, an agency acronym alone: "a MITI official"), the nation's ("Japanese
/// lawmakers" less the name: "MPs"), the opposition's ("the shadow chancellor") or an
/// organisation's ("the union's president").
pub fn office_target(phrase: &str, acronyms: bool) -> Option<Target> {
    let (mut executive, mut legislative, mut opposition) = (false, false, false);
    let mut organisation = None;
    let mut after_central = false;
    let (mut after_first, mut devolved) = (false, false);
    let mut buf = [0u8; 32];
    let mut ws = phrase
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .peekable();
    while let Some(w) = ws.next() {
        let owner = w.ends_with("'s");
        let w = super::words::trim_end_all(w, "'s");
        let lower = super::words::lower(w, &mut buf);
        // ("Local Government Minister" is the state's, "Local 1473's president" a union's)
        let next = ws.peek().copied().filter(|_| !owner);
        if super::side_words::is_adjective_local(&lower, next) {
            continue;
        }
        // the central bank is the state's
        let central_bank = after_central && matches!(&*lower, "bank" | "bank's");
        after_central = lower == "central";
        // the First Minister heads a nation's devolved government, not the state's
        devolved |= after_first && lower == "minister";
        after_first = lower == "first";
        if central_bank {
            executive = true;
            continue;
        }
        // (one lookup of the word's classes for every question)
        let of = classes(&lower);
        let kind = super::side_kind::kind_of(of);
        // a town's offices are its council's, a public body ("Mayor", "City Attorney")
        if of.has(Class::LocalOffice) {
            organisation = Some(organisation.or(kind).unwrap_or(SideKind::Regulator));
            continue;
        }
        // words that make an office someone else's than the nation's ("company
        // officials", "a union official", "the party secretary", "a city official"):
        if kind.is_some() || of.has(Class::NonState) {
            // a body of no side's kind ("a hospital official") makes the office no one's
            organisation = Some(organisation.or(kind)?);
        }
        executive |= of.has(Class::Executive) || (acronyms && is_agency_acronym(w));
        legislative |= of.has(Class::Legislative);
        opposition |= of.has(Class::Opposition);
    }
    match organisation {
        Some(kind) => Some(Target::Kind(kind)),
        None if opposition => Some(Target::Opposition),
        None if devolved => Some(Target::Devolved),
        None if executive => Some(Target::State),
        None if legislative => Some(Target::Nation),
        None if is_company_officer(phrase) => Some(Target::Kind(SideKind::Company)),
        None => None,
    }
}

/// Whether `phrase` is an officer only a company has, named alone ("Chief executive",
/// "the chief operating officer", "a senior executive", "managing director"): a
/// company's office after "chief" or a title among them that no one person holds in
/// every body ("executive", not "chairman"), with nothing but ranks and "officer"
/// beside it. A word more may say whose it is ("campaign chairman", "the chief
/// executive of X").
fn is_company_officer(phrase: &str) -> bool {
    let mut company_office = false;
    let mut after_chief = false;
    let mut after_managing = false;
    let mut buf = [0u8; 32];
    for w in phrase.split_whitespace() {
        let lower = super::words::lower(w, &mut buf);
        let of = classes(&lower);
        // ("managing director" is a company's; "director" alone heads any body)
        let managing = after_managing && lower == "director";
        let office = managing
            || of.has(Class::CompanyOffice)
                && !of.has(Class::NonState)
                && !super::lexicon::is_office(&lower)
                && (after_chief || super::lexicon::is_title(&lower));
        company_office |= office;
        let rank = super::lexicon::rank(&lower).is_some() || lower == "senior";
        let fits = office
            || rank
            || matches!(
                &*lower,
                "a" | "an" | "the" | "chief" | "officer" | "managing"
            );
        if !fits {
            return false;
        }
        after_chief = lower == "chief";
        after_managing = lower == "managing";
    }
    company_office
}

/// An acronym of capitalised words: three to six capital letters ("MITI", "USTR").
fn is_agency_acronym(word: &str) -> bool {
    (3..=6).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// Clues from what a speaker is called when no side is named in it: an office of the
/// state, the nation, the opposition or an organisation ([`office_target`]); a body of
/// the home country ("Downing Street", "the Foreign Office") when the country is no
/// side; and the dateline, the weakest hint, for everyone.
pub fn office_clues(
    home: Option<Home>,
    entities: &Entities,
    described: &Described,
    evidence: &mut Evidence,
) {
    let acronyms = home.is_some_and(|h| h.from_dateline);
    let countries = super::country_matcher();
    for (i, _) in entities.list.iter().enumerate().filter(|(_, e)| e.speaks) {
        for &(phrase, named) in &described[i] {
            if named.is_some() {
                continue; // a side's own office: the name says whose
            }
            let target = match countries.first(phrase) {
                Some(c) if home.is_some_and(|h| h.country == c) => Some(Target::State),
                Some(_) => None,
                None => office_target(phrase, acronyms),
            };
            if let Some(target) = target {
                evidence.add(i, target, Clue::Office);
            }
        }
        if acronyms {
            evidence.add(i, Target::Home, Clue::Dateline);
        }
    }
}

/// The side that each position stated by no speaker with a side, whose subject is an
/// office named without whose ("the Foreign Ministry said …"), gets from that office:
/// (position, side).
pub fn office_positions(
    text: &str,
    home: Option<Home>,
    roles: &Roles,
    chosen: &[usize],
    speaker_sides: &[Option<usize>],
    findings: &Findings,
) -> Vec<(usize, usize)> {
    let acronyms = home.is_some_and(|h| h.from_dateline);
    let mut sides = Vec::new();
    for (i, p) in findings.positions.iter().enumerate() {
        let speaker_side = p.speaker.and_then(|e| speaker_sides[e]);
        if speaker_side.is_some() || p.side.is_some() {
            continue;
        }
        let target = text
            .get(p.subject.clone())
            .and_then(|s| office_target(s, acronyms))
            .filter(|t| matches!(t, Target::State | Target::Devolved | Target::Nation));
        sides.extend(
            target
                .and_then(|t| roles.resolve(t, chosen))
                .map(|s| (i, s)),
        );
    }
    sides
}

#[cfg(test)]
mod tests;
