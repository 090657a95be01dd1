use super::*;

#[test]
fn a_capital_written_without_its_accents_is_known() {
    let g = gazetteer();
    let iceland = g.index_of("is");
    assert!(iceland.is_some());
    assert_eq!(g.country_of_city("REYKJAVIK"), iceland);
    assert_eq!(g.country_of_city("Reykjavík"), iceland);
    assert_eq!(g.country_of_city("Bogota"), g.index_of("co"));
    assert_eq!(g.country_of_city("San Jose"), None);
    assert_eq!(unaccented("Côte d'Ivoire"), "Cote d'Ivoire");
    assert_eq!(unaccented("Oslo"), "Oslo");
}

fn country(id: &str) -> &'static Country {
    let g = gazetteer();
    &g.countries[g.index_of(id).unwrap_or_else(|| panic!("no {id}"))]
}

#[test]
fn one_word_institutions_come_from_the_data() {
    assert!(is_institution_word("kremlin"));
    assert!(is_institution_word("pentagon"));
    assert!(is_institution_word("xinhua"));
    assert!(!is_institution_word("state")); // of "State Department", not alone
    assert!(!is_institution_word("ministry"));
}

#[test]
fn a_party_member_is_a_singular_name_of_a_known_party() {
    for member in ["tory", "conservative", "republican", "democrat"] {
        assert!(is_party_member_word(member), "{member}");
    }
    for other in ["labour", "tories", "republicans", "snp", "ministry"] {
        assert!(!is_party_member_word(other), "{other}");
    }
}

#[test]
fn our_table_parses() {
    let own: Result<OwnTable, _> = toml::from_str(OWN_TABLE);
    assert!(own.is_ok(), "{own:?}");
}

#[test]
fn every_iso_country_is_there_with_its_facts() {
    let g = gazetteer();
    assert!(g.countries.len() >= 249, "{}", g.countries.len());
    for (id, name, demonym, capital) in [
        ("am", "Armenia", "Armenian", "Yerevan"),
        ("et", "Ethiopia", "Ethiopian", "Addis Ababa"),
        ("qa", "Qatar", "Qatari", "Doha"),
        ("ke", "Kenya", "Kenyan", "Nairobi"),
        ("th", "Thailand", "Thai", "Bangkok"),
    ] {
        let c = country(id);
        assert!(c.all_names().any(|n| n == name), "{id}: {c:?}");
        assert!(c.demonyms.iter().any(|n| n == demonym), "{id}: {c:?}");
        assert!(c.capitals.iter().any(|n| n == capital), "{id}: {c:?}");
    }
    assert!(country("ke").demonyms.iter().any(|d| d == "Kenyans"));
}

#[test]
fn a_land_named_after_its_people_has_their_name_as_demonym() {
    for (id, people) in [
        ("kz", "Kazakh"),
        ("kg", "Kyrgyz"),
        ("uz", "Uzbek"),
        ("tj", "Tajik"),
    ] {
        let c = country(id);
        assert!(c.demonyms.iter().any(|d| d == people), "{id}: {c:?}");
    }
    assert_eq!(super::stan_people("Pakistan"), None);
}

#[test]
fn a_shared_demonym_goes_to_the_state_it_is_made_from() {
    let owner = |d: &str| {
        let owners: Vec<&str> = countries()
            .iter()
            .filter(|c| c.demonyms.iter().any(|x| x == d))
            .map(|c| c.id.as_str())
            .collect();
        owners
    };
    assert_eq!(owner("American"), ["us"]);
    assert_eq!(owner("Nigerian"), ["ng"]);
    assert_eq!(owner("Chinese"), ["cn"]);
}

#[test]
fn capitals_and_cities_give_countries() {
    let g = gazetteer();
    let id = |city: &str| g.country_of_city(city).map(|i| g.countries[i].id.as_str());
    assert_eq!(id("TOKYO"), Some("jp"));
    assert_eq!(id("Washington"), Some("us"));
    assert_eq!(id("OTTAWA"), Some("ca"));
    assert_eq!(id("Los Angeles"), Some("us"));
    assert_eq!(id("HONG KONG"), Some("hk"));
    assert_eq!(id("Atlantis"), None);
}

#[test]
fn blocs_and_historical_states_come_from_our_table() {
    assert!(country("eu").names.iter().any(|n| n == "EC"));
    assert_eq!(country("su").successor.as_deref(), Some("ru"));
    assert!(country("dd").all_names().any(|n| n == "East German"));
}

#[test]
fn names_are_plain_english_forms() {
    for c in countries() {
        assert!(c.all_names().all(|n| !n.contains(['(', ','])), "{c:?}");
    }
    assert!(!usable_name("Korea (Republic of)"));
    assert!(usable_name("Côte d'Ivoire"));
    assert!(!usable_name("日本"));
}
