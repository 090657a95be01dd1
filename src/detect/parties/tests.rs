//! Tests of the side matcher.

use super::*;

fn gazetteer_matcher() -> &'static SideMatcher {
    crate::detect::country_matcher()
}

fn side_id(m: &SideMatcher, phrase: &str) -> Option<&'static str> {
    m.first(phrase).map(|i| countries()[i].id.as_str())
}

#[test]
fn gazetteer_parses_and_has_the_main_countries() {
    let ids: Vec<&str> = countries().iter().map(|c| c.id.as_str()).collect();
    for id in ["us", "cn", "cu", "gb", "ru", "tw", "eu", "su"] {
        assert!(ids.contains(&id), "{id}");
    }
}

#[test]
fn titles_and_bodies_give_sides() {
    let m = gazetteer_matcher();
    assert_eq!(side_id(m, "Cuban Deputy Foreign Minister"), Some("cu"));
    assert_eq!(side_id(m, "State Department spokesman"), Some("us"));
    assert_eq!(side_id(m, "the U.S. statement"), Some("us"));
    assert_eq!(side_id(m, "China’s embassy"), Some("cn"));
    assert_eq!(side_id(m, "leader of a pro-Moscow party"), Some("ru"));
    assert_eq!(side_id(m, "an anti-Moscow party"), None);
    assert_eq!(side_id(m, "the spokesman"), None);
    assert_eq!(side_id(m, "an Ethiopian minister"), Some("et"));
    assert_eq!(side_id(m, "EC Commission officials"), Some("eu"));
    assert_eq!(side_id(m, "a West German delegate"), Some("west-germany"));
}

#[test]
fn the_first_key_filter_holds_every_key_and_passes_over_most_other_words() {
    let keys: Vec<String> = ["US", "Kremlin", "Jean-Claude", "Côte", "X", ""]
        .iter()
        .map(|k| k.to_string())
        .collect();
    let filter = FirstKeys::of(keys.iter());
    assert!(keys.iter().all(|k| filter.may_hold(k)));
    let others = ["Monday", "Smith", "The", "Reuters", "Said", "Minister"];
    assert!(others.iter().filter(|w| filter.may_hold(w)).count() <= 1);
    // an empty matcher's filter holds nothing
    assert!(!FirstKeys::default().may_hold("US"));
}

#[test]
fn a_name_in_lower_case_is_found_among_words_in_lower_case() {
    let own = [
        vec!["al-Tahrir Front".to_string()],
        vec!["ex-Greens".to_string()],
    ];
    let m = SideMatcher::layered(&own, gazetteer_matcher());
    let phrase = "as an al-Tahrir Front aide told the ex-Greens";
    assert_eq!(m.find(phrase), [(6, 0), (36, 1)]);
    // words in lower case that start no name are passed, and so is a name cut short
    assert_eq!(m.first("an aide of al-Tahrir"), None);
    assert!(
        m.first("after all, the Cuban envoy")
            .is_some_and(|s| s >= own.len())
    );
    // the word before a name still counts ("billionaire Ray Cuban")
    assert_eq!(m.first("an ally of billionaire Ray Cuban"), None);
}

/// Jumping over the words in lower case that start no name finds what reading every
/// word finds, with few first bytes in lower case and with many.
#[test]
fn jumping_over_words_in_lower_case_finds_what_reading_each_word_finds() {
    let few = [
        vec!["al-Tahrir Front".to_string(), "the Greens".to_string()],
        vec!["ex-Greens".to_string(), "Cuban envoy".to_string()],
    ];
    let many: Vec<Vec<String>> = [
        "al-Nur",
        "bio-Party",
        "co-op",
        "de Vries",
        "eco-Left",
        "the Greens",
    ]
    .iter()
    .map(|n| vec![n.to_string()])
    .collect();
    let phrases = [
        "as an al-Tahrir Front aide told the ex-Greens, the Greens and an al-Nur co-op",
        "a long run of words in lower case then the Greens' (the greens) al-Tahrir Front",
        "total ..the Greens; 'al-Tahrir Front' x'al-Tahrir eco-Left de Vries bio-Party",
        "Ray Cuban envoy, an ally of billionaire Ray Cuban, and the Cuban envoy naïve",
    ];
    for own in [&few[..], &many[..]] {
        let m = SideMatcher::layered(own, gazetteer_matcher());
        assert_eq!(m.word_by_word, own.len() > 2);
        let mut by_word = m.clone();
        by_word.word_by_word = true;
        for phrase in phrases {
            assert_eq!(m.find(phrase), by_word.find(phrase), "{phrase:?}");
            assert_eq!(m.first(phrase), by_word.first(phrase), "{phrase:?}");
        }
    }
}

#[test]
fn an_institution_wins_over_the_country_inside_it() {
    let m = gazetteer_matcher();
    assert_eq!(side_id(m, "the Taiwan Affairs Office"), Some("cn"));
}

#[test]
fn a_name_that_is_also_a_persons_counts_only_alone() {
    let m = gazetteer_matcher();
    assert_eq!(side_id(m, "basketball star Michael Jordan"), None);
    assert_eq!(side_id(m, "coach Chad Rivers"), None);
    assert_eq!(side_id(m, "talks between Jordan and Israel"), Some("jo"));
    assert_eq!(side_id(m, "In Jordan, officials"), Some("jo"));
    assert_eq!(side_id(m, "the best china plates"), None);
    assert_eq!(side_id(m, "China's Foreign Ministry spokesman"), Some("cn"));
    assert_eq!(side_id(m, "India Foreign Secretary Ram Lal"), Some("in"));
    assert_eq!(side_id(m, "actress India Arie"), None);
    assert_eq!(side_id(m, "billionaire Ray Cuban"), None);
    assert_eq!(side_id(m, "the people of New Jersey"), None);
    assert_eq!(side_id(m, "U.S.-Japan trade"), Some("us"));
    assert_eq!(side_id(m, "between Washington and Tokyo"), Some("us"));
    assert_eq!(side_id(m, "its North American division"), None);
    assert_eq!(side_id(m, "the South Korean minister"), Some("kr"));
    // a name that is no ordinary word is not held back
    assert_eq!(side_id(m, "the Ethiopia Ports Authority"), Some("et"));
}

#[test]
fn a_byte_set_lists_its_bytes_in_order() {
    let held = [0u8, 1, 63, 64, 65, 127, 128, 191, 192, 200, 255];
    let mut set = ByteSet::default();
    for &b in held.iter().rev() {
        set.add(b);
    }
    assert_eq!(set.bytes(), held);
    let all: Vec<u8> = (0..=u8::MAX).filter(|&b| set.holds(b)).collect();
    assert_eq!(all, held);
}

#[test]
fn a_demonym_before_american_is_of_americans_not_the_country() {
    let m = gazetteer_matcher();
    assert_eq!(side_id(m, "a Cuban American group"), Some("us"));
    assert_eq!(side_id(m, "Japanese Americans interned"), Some("us"));
    assert_eq!(
        side_id(m, "the Cuban envoy and an American one"),
        Some("cu")
    );
}
