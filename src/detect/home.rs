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
pub use dateline::dateline_side;

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
    countries.first(&text[lead]).map(|country| Home {
        country,
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
        if central_bank {
            executive = true;
            continue;
        }
        // (one lookup of the word's classes for every question)
        let of = classes(&lower);
        let kind = super::side_kind::kind_of(of);
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
        None if executive => Some(Target::State),
        None if legislative => Some(Target::Nation),
        None if is_company_officer(phrase) => Some(Target::Kind(SideKind::Company)),
        None => None,
    }
}

/// Whether `phrase` is an officer only a company has, named alone ("Chief executive",
/// "the chief operating officer", "a senior executive", "managing director"): a
/// company's office after "chief" or a title among them that no one person holds in every body ("executive",
/// not "chairman"), with nothing but ranks and "officer" beside it. A word more may say
/// whose it is ("campaign chairman", "the chief executive of X").
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
            .filter(|t| matches!(t, Target::State | Target::Nation));
        sides.extend(
            target
                .and_then(|t| roles.resolve(t, chosen))
                .map(|s| (i, s)),
        );
    }
    sides
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::article::Source;
    use crate::detect::gazetteer::{countries, gazetteer};
    use crate::detect::side_kind::SideKind;

    fn home_of(text: &str) -> Option<(&'static str, bool)> {
        let article = Article::from_bytes(Source::Stdin, text.as_bytes());
        let m = crate::detect::country_matcher();
        find_home(&article.text, &article.structure, gazetteer(), m)
            .map(|h| (countries()[h.country].id.as_str(), h.from_dateline))
    }

    #[test]
    fn the_dateline_city_gives_the_home_country() {
        let home = home_of(
            "TRADE TALKS OPEN\n\nOSLO, May 4 - Freedonia and Norway opened talks on fish quotas on Monday.\n",
        );
        assert_eq!(home, Some(("no", true)));
        let home = home_of(
            "Talks open\n\nLOS ANGELES (Reuters) - American chip makers met on Monday to discuss the quotas.\n",
        );
        assert_eq!(home, Some(("us", true)));
        // the lead need not name the dateline's country
        let home =
            home_of("Talks\n\nOSLO, May 4 - The minister said Kenya must open its market.\n");
        assert_eq!(home, Some(("no", true)));
    }

    #[test]
    fn a_stopover_dateline_is_no_home() {
        let home = home_of(
            "Talks\n\nOSLO, May 4 - Ethiopian and Kenyan ministers met in a hotel on Monday.\n",
        );
        assert_eq!(home, None);
    }

    #[test]
    fn a_headline_in_capitals_is_read_in_title_case() {
        let m = crate::detect::country_matcher();
        assert_eq!(
            headline_case("U.S. WARNS JAPAN'S USSR DEAL", m),
            "U.S. Warns Japan's USSR Deal"
        );
        assert_eq!(headline_case("Talks resume", m), "Talks resume");
        let japan = countries().iter().position(|c| c.id == "jp");
        let named = m.find(&headline_case("TOKYO REJECTS CURBS", m));
        assert_eq!(named.first().map(|&(_, s)| s), japan);
    }

    #[test]
    fn without_a_dateline_the_lead_names_it() {
        let home = home_of(
            "Talks open\n\nKenya on Monday asked Ethiopia to reopen the border, saying trade had suffered.\n",
        );
        assert_eq!(home, Some(("ke", false)));
    }

    /// The party of each quotation's speaker, in order.
    fn quote_parties(text: &str, parties: Option<&[crate::model::Party]>) -> Vec<Option<String>> {
        let article = Article::from_bytes(Source::Stdin, text.as_bytes());
        let found = crate::detect::detect(&article, parties);
        found
            .quotes
            .iter()
            .map(|q| q.party.as_ref().map(|p| p.to_string()))
            .collect()
    }

    #[test]
    fn a_company_officer_named_alone_speaks_for_the_company() {
        let party = |id: &str, name: &str| crate::model::Party {
            id: id.into(),
            name: name.into(),
            ..Default::default()
        };
        let parties = [
            party("ferries", "Dunmore Ferries"),
            party("union", "Deckhands Union"),
        ];
        let text = "Ferry crews to strike\n\n\
            Crews at Dunmore Ferries will strike, the Deckhands Union said on Monday.\n\n\
            Dunmore Ferries said its offer was fair. Chief executive Ann Bell said \
            the routes lost money. \"We cannot pay more,\" Bell said.\n";
        assert_eq!(
            quote_parties(text, Some(&parties)),
            [Some("ferries".to_string())]
        );
        // a managing director after the quotation, where a director alone is no one's
        let text = "Ferry crews to strike\n\n\
            Crews at Dunmore Ferries will strike, the Deckhands Union said on Monday.\n\n\
            \"We cannot pay more,\" managing director Ann Bell said.\n";
        assert_eq!(
            quote_parties(text, Some(&parties)),
            [Some("ferries".to_string())]
        );
        assert!(!is_company_officer("director"));
    }

    const TOKYO_STORY: &str = "JAPAN REJECTS FREEDONIAN CURBS\n\n\
        TOKYO, May 2 - Japan rejected Freedonia's new curbs on car imports on Monday.\n\n\
        \"The curbs break the trade accord,\" a Foreign Ministry official said.\n\n\
        \"We will take the case to the courts,\" a Freedonian trade official said.\n";

    #[test]
    fn an_office_without_a_country_speaks_for_the_dateline_country() {
        let parties = [
            crate::model::Party {
                id: "jp".into(),
                name: "Japan".into(),
                aliases: vec![],
                color: None,
                ..Default::default()
            },
            crate::model::Party {
                id: "fr".into(),
                name: "Freedonia".into(),
                aliases: vec!["Freedonian".into()],
                color: None,
                ..Default::default()
            },
        ];
        let got = quote_parties(TOKYO_STORY, Some(&parties));
        assert_eq!(got, [Some("jp".to_string()), Some("fr".to_string())]);
    }

    #[test]
    fn inferred_sides_include_blocs_and_historical_states() {
        let text = "EC WARNS SOVIET UNION\n\n\
            BRUSSELS, May 2 - The European Community warned the Soviet Union on grain.\n\n\
            \"We cannot accept these prices,\" an EC Commission spokesman said.\n\n\
            \"The prices are fair,\" a Soviet trade official said in Moscow.\n";
        let got = quote_parties(text, None);
        assert_eq!(got, [Some("eu".to_string()), Some("su".to_string())]);
    }

    #[test]
    fn offices_are_told_apart_by_whose_they_are() {
        let state = Some(Target::State);
        assert_eq!(
            office_target("the Foreign Ministry's Northern Affairs Bureau", false),
            state
        );
        assert_eq!(office_target("government officials", false), state);
        assert_eq!(
            office_target("Deputy Under Secretary of Commerce", false),
            state
        );
        assert_eq!(office_target("Trade and Industry Secretary", false), state);
        assert_eq!(
            office_target("assistant trade representative", false),
            state
        );
        assert_eq!(office_target("central bank governor", false), state);
        assert_eq!(office_target("a MITI official", false), state);
        assert_eq!(office_target("a MITI spokesman", false), None);
        assert_eq!(office_target("a MITI spokesman", true), state);
        assert_eq!(office_target("the spokesman", false), None);
        assert_eq!(
            office_target("A Commons motion, signed by 120 MPs,", false),
            Some(Target::Nation)
        );
        assert_eq!(
            office_target("the shadow home secretary", false),
            Some(Target::Opposition)
        );
        assert_eq!(
            office_target("a company official", false),
            Some(Target::Kind(SideKind::Company))
        );
        let union = Some(Target::Kind(SideKind::Union));
        assert_eq!(office_target("the union's president", false), union);
        assert_eq!(office_target("a hospital official", false), None);
        // an officer only a company has, without whose: the company's
        let company = Some(Target::Kind(SideKind::Company));
        assert_eq!(office_target("Chief executive", false), company);
        assert_eq!(office_target("chief operating officer", false), company);
        assert_eq!(office_target("the former chief executive", false), company);
        assert_eq!(office_target("the union's chief executive", false), union);
        assert_eq!(office_target("a hospital chief executive", false), None);
        // a word more may say whose the office is
        assert_eq!(office_target("campaign chairman", false), None);
        assert_eq!(office_target("chief executive of Westmere", false), None);
        assert_eq!(office_target("Chairman", false), None);
        assert_eq!(office_target("the board", false), None);
        // "local" before another word is an adjective, not a union's local
        assert_eq!(office_target("Local Government Minister", false), state);
        assert_eq!(
            office_target("the Local 1473's president", false),
            Some(Target::Kind(SideKind::Union))
        );
    }
}
