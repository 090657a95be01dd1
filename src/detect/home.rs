//! The story's home country: the country of its dateline ("TOKYO, March 13 - "), or
//! failing that the first country its lead names. A wire reader gives it the national
//! offices the story names without a country ("the Foreign Ministry", "government
//! officials", "Deputy Under Secretary of Commerce ..."), and so does the detector.

use super::affiliation::{Reading, appositive, mention_ends};
use super::attribution::Findings;
use super::entities::Entities;
use super::gazetteer::Gazetteer;
use super::parties::SideMatcher;
use crate::article::Structure;
use std::borrow::Cow;
use std::ops::Range;

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

/// Nouns of national offices and those who hold them.
fn is_office_word(word_lower: &str) -> bool {
    matches!(
        word_lower,
        "ministry"
            | "ministries"
            | "minister"
            | "ministers"
            | "department"
            | "secretary"
            | "undersecretary"
            | "agency"
            | "government"
            | "official"
            | "officials"
            | "administration"
            | "cabinet"
            | "treasury"
            | "bureau"
            | "representative"
            | "negotiator"
            | "negotiators"
            | "envoy"
            | "delegate"
            | "delegation"
            | "diplomat"
            | "diplomats"
            | "senate"
            | "senator"
            | "senators"
            | "congressional"
            | "congressman"
            | "congresswoman"
            | "lawmaker"
            | "lawmakers"
            | "legislator"
            | "legislators"
            | "parliament"
            | "parliamentary"
            | "parliamentarians"
            | "mp"
            | "mps"
            | "speaker"
    )
}

/// Words that make an office someone else's than the nation's ("company officials",
/// "a union official", "the party secretary").
fn is_non_state_word(word_lower: &str) -> bool {
    matches!(
        word_lower,
        "company"
            | "companies"
            | "corporate"
            | "union"
            | "bank"
            | "firm"
            | "party"
            | "association"
            | "club"
            | "council"
            | "city"
            | "state"
            | "provincial"
            | "local"
            | "municipal"
            | "school"
            | "university"
            | "hospital"
            | "police"
    )
}

/// Whether `phrase` names a national office without naming whose: an office word and
/// no word of a non-state body; or, when `acronyms` holds, an agency acronym
/// ("MITI") standing alone.
pub fn is_national_office(phrase: &str, acronyms: bool) -> bool {
    let mut office = false;
    for w in phrase.split(|c: char| !c.is_alphanumeric() && c != '\'') {
        let w = w.trim_end_matches("'s");
        let lower = w.to_lowercase();
        if is_non_state_word(&lower) {
            return false;
        }
        office |= is_office_word(&lower) || (acronyms && is_agency_acronym(w));
    }
    office
}

/// An acronym of capitalised words: three to six capital letters ("MITI", "USTR").
fn is_agency_acronym(word: &str) -> bool {
    (3..=6).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// Gives the home side to the speakers and positions that have no side but name a
/// national office, and keeps the side the home country had if it is not a story side.
pub fn apply_home(
    text: &str,
    home: Home,
    home_side: usize,
    findings: &mut Findings,
    entities: &mut Entities,
) {
    let acronyms = home.from_dateline;
    for e in entities.list.iter_mut().filter(|e| e.side.is_none()) {
        let role = e.role.as_deref().unwrap_or("");
        // "Suzanne Roe, assistant trade representative, said"
        let described = || {
            mention_ends(text, e)
                .filter_map(|end| appositive(text, end, Reading::Loose))
                .any(|a| is_national_office(a, acronyms))
        };
        if is_national_office(&e.name, acronyms)
            || is_national_office(role, acronyms)
            || described()
        {
            e.side = Some(home_side);
        }
    }
    for p in findings.positions.iter_mut() {
        let speaker_side = p.speaker.and_then(|e| entities.list[e].side);
        if speaker_side.is_none() && p.side.is_none() && subject_is_office(text, &p.subject, home) {
            p.side = Some(home_side);
        }
    }
}

fn subject_is_office(text: &str, subject: &Range<usize>, home: Home) -> bool {
    text.get(subject.clone())
        .is_some_and(|s| is_national_office(s, home.from_dateline))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::article::Source;
    use crate::detect::gazetteer::{countries, gazetteer};

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
                label: None,
            },
            crate::model::Party {
                id: "fr".into(),
                name: "Freedonia".into(),
                aliases: vec!["Freedonian".into()],
                color: None,
                label: None,
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
    fn national_offices_are_told_from_other_bodies() {
        assert!(is_national_office(
            "the Foreign Ministry's North American Division",
            false
        ));
        assert!(is_national_office("government officials", false));
        assert!(is_national_office(
            "Deputy Under Secretary of Commerce",
            false
        ));
        assert!(!is_national_office("a company official", false));
        assert!(is_national_office("Trade and Industry Secretary", false));
        assert!(!is_national_office("the spokesman", false));
        assert!(is_national_office("a MITI official", false));
        assert!(!is_national_office("a MITI spokesman", false));
        assert!(is_national_office("a MITI spokesman", true));
        assert!(is_national_office(
            "A parliamentary motion, signed by 98 MPs,",
            false
        ));
        assert!(is_national_office("assistant trade representative", false));
    }
}
