//! Twins: countries named alike but for a qualifier ("South Korea", "North Korea";
//! "British Virgin Islands", "U.S. Virgin Islands"), found in the data, not listed. A
//! story that names one twin and never the other most often goes on with the bare
//! name and its people ("Korea", "the Korean delegation"), which then mean the one it
//! named; where it names both, the bare forms stay no one's.

use super::{Country, people_plural};
use std::collections::HashMap;

/// Words of direction that make a region of a demonym ("North American") or one of
/// twins of a name ("South Korea").
pub fn is_compass(word: &str) -> bool {
    matches!(
        word,
        "North"
            | "South"
            | "East"
            | "West"
            | "Central"
            | "Latin"
            | "Northern"
            | "Southern"
            | "Eastern"
            | "Western"
    )
}

/// Sets each country's twins and bare names ([`Country::twins`], [`Country::bare_names`]).
/// Twins share a name but for its first word, a qualifier: a word of direction, or a
/// name or demonym of a third country ("British", "U.S."). The rest, the bare name, is
/// no country's own name (so "South Sudan" has no twin in Sudan, which "Sudan" names).
/// Their demonyms give a bare one the same way ("South Korean", "North Korean" →
/// "Korean", and its plural).
pub(super) fn find_twins(countries: &mut [Country]) {
    let own = own_names(countries);
    let mut by_stem: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, c) in countries.iter().enumerate() {
        for name in std::iter::once(&c.name).chain(&c.names) {
            if let Some(stem) = qualified_stem(name, i, &own) {
                let twins = by_stem.entry(stem).or_default();
                if !twins.contains(&i) {
                    twins.push(i);
                }
            }
        }
    }
    let mut found: Vec<(usize, Vec<usize>, Vec<String>)> = Vec::new();
    for (stem, group) in by_stem {
        if group.len() < 2 || own.contains_key(&stem.to_lowercase()) {
            continue;
        }
        let bare = bare_names(stem, &group, countries, &own);
        for &i in &group {
            let others = group.iter().copied().filter(|&o| o != i).collect();
            found.push((i, others, bare.clone()));
        }
    }
    for (i, others, bare) in found {
        countries[i].twins.extend(others);
        countries[i].bare_names.extend(bare);
    }
}

/// Every country's names and demonyms, in lower case, by the country.
fn own_names(countries: &[Country]) -> HashMap<String, usize> {
    let mut own = HashMap::new();
    for (i, c) in countries.iter().enumerate() {
        let names = std::iter::once(&c.name).chain(&c.names).chain(&c.demonyms);
        for n in names {
            own.entry(n.to_lowercase()).or_insert(i);
        }
    }
    own
}

/// The rest of `name` after a qualifier of country `i`'s ([`find_twins`]).
fn qualified_stem<'a>(name: &'a str, i: usize, own: &HashMap<String, usize>) -> Option<&'a str> {
    let (first, stem) = name.split_once(' ')?;
    let third = own.get(&first.to_lowercase()).is_some_and(|&o| o != i);
    let qualifies = is_compass(first) || third;
    (qualifies && stem.starts_with(char::is_uppercase)).then_some(stem)
}

/// The bare name and, where every twin's demonym is the same bare one after a
/// qualifier, that demonym and its plural.
fn bare_names(
    stem: &str,
    group: &[usize],
    countries: &[Country],
    own: &HashMap<String, usize>,
) -> Vec<String> {
    let mut bare = vec![stem.to_string()];
    let demonym_of = |&i: &usize| {
        countries[i]
            .demonyms
            .iter()
            .find_map(|d| qualified_stem(d, i, own))
    };
    let demonyms: Vec<Option<&str>> = group.iter().map(demonym_of).collect();
    if let Some(Some(d)) = demonyms.first()
        && demonyms.iter().all(|x| x == &Some(*d))
        && !own.contains_key(&d.to_lowercase())
    {
        bare.push(d.to_string());
        bare.extend(people_plural(d));
    }
    bare
}

#[cfg(test)]
mod tests {
    use super::super::gazetteer;

    fn country(id: &str) -> &'static super::Country {
        let g = gazetteer();
        &g.countries[g.index_of(id).unwrap_or_else(|| panic!("no {id}"))]
    }

    #[test]
    fn countries_named_alike_but_for_a_qualifier_are_twins() {
        let g = gazetteer();
        let (south, north) = (country("kr"), country("kp"));
        assert_eq!(south.twins, [g.index_of("kp").unwrap_or_default()]);
        assert_eq!(north.twins, [g.index_of("kr").unwrap_or_default()]);
        for c in [south, north] {
            assert_eq!(c.bare_names, ["Korea", "Korean", "Koreans"], "{c:?}");
        }
        // a third country's name qualifies too
        assert!(
            country("vg")
                .bare_names
                .contains(&"Virgin Islands".to_string())
        );
    }

    #[test]
    fn a_bare_name_that_is_a_country_of_its_own_makes_no_twins() {
        // "Sudan" names Sudan: South Sudan's lone "Sudan" is no bare name
        for id in ["ss", "sd", "za", "us", "gb"] {
            assert!(country(id).twins.is_empty(), "{id}: {:?}", country(id));
        }
        // "Islands", "Republic" follow names, not qualifiers
        for id in ["ky", "fo", "do", "cz"] {
            assert!(country(id).bare_names.is_empty(), "{id}");
        }
    }
}
