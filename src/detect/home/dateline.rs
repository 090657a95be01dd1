//! The home of a story datelined in a city no gazetteer knows: the side the dateline
//! names ("LORVIK, Esland, March 3 - ", "BELKOVO CITY, May 6 - "), or the side whose
//! capital the story says the city is ("in Torvik, the Vostranan capital", "Halvria's
//! capital, Rennmark"). A wire reader takes the offices the story names without a
//! country ("the energy minister") for that side's, as it does under a known dateline.

use crate::article::Structure;
use crate::detect::parties::SideMatcher;

/// How far before or after a mention of the city its description as a capital is read.
const CAPITAL_WINDOW: usize = 48;

/// The side of `sides` (one `is_country` accepts) that the dateline names or whose
/// capital the story says the dateline's city is.
pub fn dateline_side(
    text: &str,
    structure: &Structure,
    sides: &SideMatcher,
    is_country: impl Fn(usize) -> bool,
) -> Option<usize> {
    let dateline = &text[structure.dateline.clone()?];
    // the places before the date: "LORVIK", "Esland" of "LORVIK, Esland, March 3 -"
    let places: Vec<String> = dateline
        .split([',', '(', '-', '—', '–'])
        .map(str::trim)
        .take_while(|p| !p.is_empty() && !p.contains(|c: char| c.is_ascii_digit()))
        .map(|p| super::headline_case(p, sides).into_owned())
        .collect();
    let named = places
        .iter()
        .filter_map(|p| sides.first(p))
        .find(|&s| is_country(s));
    named
        .or_else(|| {
            let city = places.first()?;
            capital_of(text, city, sides).filter(|&s| is_country(s))
        })
        .or_else(|| lead_subject(&text[structure.dateline.clone()?.end..], sides))
        .filter(|&s| is_country(s))
}

/// The side the lead opens with as the whole subject of its verb ("Ardesse recalled its
/// ambassador …"): under a city no one says is a capital, the story is told from the
/// country that acts in its first words. Not a side's possession ("Ardesse's
/// ambassador said") nor one of two ("Ardesse and Volkhara agreed").
fn lead_subject(lead: &str, sides: &SideMatcher) -> Option<usize> {
    let lead = lead.trim_start_matches([' ', '-', '—', '–']);
    let mut words = lead.split_whitespace();
    let mut subject = Vec::new();
    let verb = loop {
        let word = words.next()?;
        if !crate::detect::words::is_capitalized(word) {
            break word;
        }
        subject.push(word);
    };
    let subject = subject.join(" ");
    let acts = verb.chars().all(char::is_lowercase) && verb != "and";
    let plain = !subject.ends_with("'s") && !subject.ends_with("’s");
    (acts && plain && sides.is_name(&subject))
        .then(|| sides.first(&subject))
        .flatten()
}

/// The side whose capital the story calls `city`, in a description set off by a comma
/// beside one of its mentions: "Torvik, the Vostranan capital", "Torvik, capital of
/// Vostrana", "the Vostranan capital, Torvik", "Vostrana's capital, Torvik".
fn capital_of(text: &str, city: &str, sides: &SideMatcher) -> Option<usize> {
    let floor = |at: usize| crate::detect::words::floor_boundary(text, at);
    text.match_indices(city).find_map(|(at, _)| {
        let end = at + city.len();
        let after = text[end..floor((end + CAPITAL_WINDOW).min(text.len()))]
            .strip_prefix(", ")
            .map(|rest| rest.split([',', '.', ';']).next().unwrap_or(rest));
        let before = text[floor(at.saturating_sub(CAPITAL_WINDOW))..at]
            .strip_suffix(", ")
            .map(|rest| rest.rsplit([',', '.', ';', '"']).next().unwrap_or(rest));
        [after, before]
            .into_iter()
            .flatten()
            .filter(|piece| piece.split_whitespace().any(|w| w == "capital"))
            .find_map(|piece| sides.first(piece))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Source};
    use crate::model::Party;

    /// The two sides of the tests' stories, each called by a demonym.
    fn parties() -> Vec<Party> {
        [
            ("vostrana", "Vostrana", "Vostranan"),
            ("kalidor", "Kalidor", "Kalidorean"),
        ]
        .iter()
        .map(|(id, name, demonym)| Party {
            id: id.to_string(),
            name: name.to_string(),
            aliases: vec![demonym.to_string()],
            ..Default::default()
        })
        .collect()
    }

    fn side_of(text: &str) -> Option<String> {
        let parties = parties();
        let names: Vec<Vec<String>> = parties
            .iter()
            .map(|p| {
                std::iter::once(p.name.clone())
                    .chain(p.aliases.clone())
                    .collect()
            })
            .collect();
        let sides = SideMatcher::new(&names);
        let article = Article::from_bytes(Source::Stdin, text.as_bytes());
        dateline_side(&article.text, &article.structure, &sides, |_| true)
            .map(|s| parties[s].id.clone())
    }

    #[test]
    fn the_dateline_names_the_side() {
        let got = side_of("Fish row\n\nLORVIK, Kalidor, May 2 - The minister spoke.\n");
        assert_eq!(got.as_deref(), Some("kalidor"));
        let got = side_of("Fish row\n\nKALIDOR CITY, May 2 - The minister spoke.\n");
        assert_eq!(got.as_deref(), Some("kalidor"));
    }

    #[test]
    fn under_a_city_no_one_places_the_side_acting_in_the_lead_is_home() {
        let story = |lead: &str| format!("Fish row\n\nTORVIK, May 2 - {lead}\n");
        let got = side_of(&story("Vostrana closed its ports on Monday."));
        assert_eq!(got.as_deref(), Some("vostrana"));
        for lead in [
            "Vostrana's envoy to Kalidor said on Monday the ports would close.",
            "Vostrana and Kalidor agreed on Monday to reopen the ports.",
            "Vostranan Foreign Minister Ann Bell said the ports would close.",
        ] {
            assert_eq!(side_of(&story(lead)), None, "{lead}");
        }
    }

    #[test]
    fn the_story_says_whose_capital_the_city_is() {
        let story =
            |line: &str| format!("Fish row\n\nTORVIK, May 2 - The minister spoke.\n\n{line}\n");
        for line in [
            "Talks in Torvik, the Vostranan capital, broke up.",
            "Crowds gathered in Torvik, capital of Vostrana.",
            "In the Vostranan capital, Torvik, crowds gathered.",
            "Vostrana's capital, Torvik, was calm.",
        ] {
            assert_eq!(side_of(&story(line)).as_deref(), Some("vostrana"), "{line}");
        }
        // a city beside a side that is not said to be its capital
        let got = side_of(&story(
            "Talks in Torvik, where Kalidor sent envoys, broke up.",
        ));
        assert_eq!(got, None);
    }

    #[test]
    fn an_office_named_without_a_country_speaks_for_the_found_home() {
        let story = "Gas row\n\nDRAVSK, Vostrana, May 2 - Vostrana accused Kalidor of cutting gas to Vostranan homes on \
            Monday.\n\n\"This is a political decision,\" the energy minister said.\n\n\
            The Kalidorean government denied it. \"There was no cut,\" a Kalidorean \
            official said.\n";
        let article = Article::from_bytes(Source::Stdin, story.as_bytes());
        let parties = parties();
        for given in [Some(parties.as_slice()), None] {
            let found = crate::detect::detect(&article, given);
            let sides: Vec<String> = found
                .quotes
                .iter()
                .map(|q| {
                    q.party
                        .as_ref()
                        .map_or(String::new(), |p| p.to_string().to_lowercase())
                })
                .collect();
            assert_eq!(sides, ["vostrana", "kalidor"], "given: {}", given.is_some());
        }
    }
}
