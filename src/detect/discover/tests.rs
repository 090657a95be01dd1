//! Tests of [`super::discover`]: sides found by how the text treats a name.

use super::countries::{
    REMEMBERED_WORDS, is_demonym_of, is_own_name_word, remembered_own_name_word,
};
use super::*;

fn found(text: &str) -> Vec<(String, SideKind)> {
    found_with_lead(text, text.len())
}

/// The sides found, as names joined by "|" and kind, with the lead ending at `lead_end`.
fn found_with_lead(text: &str, lead_end: usize) -> Vec<(String, SideKind)> {
    discover(
        &Opening::of(text),
        crate::detect::country_matcher(),
        lead_end,
    )
    .into_iter()
    .map(|d| (d.names.join("|"), d.kind))
    .collect()
}

/// Whether a side found under `name` is also called `short`.
fn has_short_name(got: &[(String, SideKind)], name: &str, short: &str) -> bool {
    got.iter()
        .any(|(n, _)| n.starts_with(name) && n.split('|').any(|n| n == short))
}

#[test]
fn a_name_and_its_demonym_make_a_country() {
    let got = found(
        "Talks between Marova and Tessalia. The Marovan delegation left; Tessalian troops stayed.",
    );
    assert!(
        got.contains(&("Marova|Marovan|Marovans".into(), SideKind::Country)),
        "{got:?}"
    );
    assert!(
        got.contains(&("Tessalia|Tessalian|Tessalians".into(), SideKind::Country)),
        "{got:?}"
    );
    assert!(is_demonym_of("Drovnian", "Drovnia"));
    assert!(!is_demonym_of("Marova", "Marova"));
}

#[test]
fn a_found_country_takes_a_demonym_made_from_less_of_its_name() {
    let text = "Corvath and Telmark talks\n\nCorvath and Telmark met in Geneva.\n\n\
        Corvath's trade minister spoke. Telmish officials replied; a Telmish trawler sailed.";
    let lead_end = text.find("\n\nCorvath's").expect("the lead");
    let got = found_with_lead(text, lead_end);
    assert!(
        // (and no plural: "-ish" is its own, as "the Danish")
        got.contains(&("Telmark|Telmish".into(), SideKind::Country)),
        "{got:?}"
    );
    // two people's names sharing a start make no country of either
    let got = found("Christopher Dale met Christian Moss. Christian said so.");
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn an_owner_of_ministers_is_a_country_and_so_is_the_name_the_lead_pairs_it_with() {
    let text = "Velmar and Dastra agree\n\nVelmar and Dastra agreed at talks hosted by \
        Turkey.\n\nVelmar's foreign minister said so. Orvin's trade minister agreed.";
    let lead_end = text.find("\n\nVelmar's").expect("the lead");
    let got = found_with_lead(text, lead_end);
    for name in ["Velmar", "Dastra", "Orvin"] {
        assert!(
            got.contains(&(name.into(), SideKind::Country)),
            "{name}: {got:?}"
        );
    }
    // a name paired with no country in the lead is not made one
    let got = found("Velmar and Dastra agreed. Nothing else is said.");
    assert!(got.iter().all(|(n, _)| n != "Dastra"), "{got:?}");
}

#[test]
fn organisations_are_told_by_their_words() {
    let text = "Talks between Harlow Freight Lines and Local 1473 of the Amalgamated Freight Workers Union. \
        The Office of Energy Regulation said so. The opposition Heritage Party agreed.";
    let got = found(text);
    assert!(
        got.iter()
            .any(|(n, k)| n.starts_with("Local 1473|") && *k == SideKind::Union),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|(n, k)| n.contains("|Harlow Freight|") && *k == SideKind::Company),
        "{got:?}"
    );
    assert!(
        got.contains(&(
            "Office of Energy Regulation|regulator".into(),
            SideKind::Regulator
        )),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|(n, k)| n.starts_with("Heritage Party|Heritage") && *k == SideKind::Party),
        "{got:?}"
    );
}

#[test]
fn a_plural_possessive_stays_inside_a_name() {
    for text in [
        "Talks between the Quarrymen's Guild and the Tollan Haulers' Union went on.",
        "Talks between the Quarrymen's Guild and the Tollan Haulers’ Union went on.",
    ] {
        let got = found(text);
        assert!(
            got.iter().any(|(n, k)| n.starts_with("Tollan Haulers")
                && n.contains(" Union")
                && *k == SideKind::Union),
            "{got:?}"
        );
    }
}

#[test]
fn a_company_is_called_by_its_first_word_where_the_story_does() {
    let text = "Nurses at Pellham Health Systems and the Eastern Nurses Guild. A spokeswoman said Pellham had offered more.";
    let got = found(text);
    assert!(
        got.iter()
            .any(|(n, k)| n.split('|').any(|n| n == "Pellham") && *k == SideKind::Company),
        "{got:?}"
    );
    assert!(
        got.contains(&("Eastern Nurses Guild|union|guild".into(), SideKind::Union)),
        "{got:?}"
    );
    // or as the owner of an office
    let got =
        found("Pilots at Northway Airlines voted. Northway's chief operating officer said so.");
    assert!(
        got.iter()
            .any(|(n, k)| n.split('|').any(|n| n == "Northway") && *k == SideKind::Company),
        "{got:?}"
    );
    // a first word the story never uses alone stays the name's
    let got = found("General Foods Corporation said so. Its rivals did not.");
    assert!(
        got.iter()
            .all(|(n, _)| n.split('|').all(|n| n != "General")),
        "{got:?}"
    );
}

#[test]
fn a_company_is_told_by_its_shares_and_a_body_by_its_bracketed_short_name() {
    let got = found(
        "Shares in Kellin Water fell. Dunmore Bay shares rose. Acme Bay fell. \
         He has a stake in New Carlow.",
    );
    for name in ["Kellin Water", "Dunmore Bay"] {
        assert!(got.contains(&(name.into(), SideKind::Company)), "{got:?}");
    }
    assert!(got.iter().all(|(n, _)| !n.starts_with("Acme")), "{got:?}");
    assert!(
        got.iter().all(|(n, _)| !n.starts_with("New Carlow")),
        "{got:?}"
    );
    let got = found(
        "The Water Services Authority (WSA) ruled. The Office of Water Supply (Ofwas) agreed. \
         The Grain Board (Reuters) did not.",
    );
    for (name, short) in [
        ("Water Services Authority", "WSA"),
        ("Office of Water Supply", "Ofwas"),
    ] {
        assert!(has_short_name(&got, name, short), "{name}: {got:?}");
    }
    assert!(got.iter().all(|(n, _)| !n.contains("Reuters")), "{got:?}");
}

#[test]
fn the_names_the_lead_sets_against_each_other_are_sides_whatever_their_words() {
    let got = found(
        "Taxi drivers rally\n\nTalks between the Taxi Drivers' Federation and RideNow \
         continued. Kemal Aydin, the federation's chairman, said no.",
    );
    assert!(
        got.contains(&(
            "Taxi Drivers' Federation|union|federation|drivers".into(),
            SideKind::Union
        )),
        "{got:?}"
    );
    assert!(
        got.contains(&("RideNow".into(), SideKind::Other)),
        "{got:?}"
    );
    // a public body is one only where the lead sets it against another side
    let got = found("Talks between the Hauliers' Alliance and the Finance Ministry ended.");
    assert!(
        got.iter()
            .any(|(n, k)| n.starts_with("Finance Ministry") && *k == SideKind::Regulator),
        "{got:?}"
    );
    let got = found("The Finance Ministry said on Monday that Japan would pay.");
    assert!(got.iter().all(|(n, _)| !n.contains("Ministry")), "{got:?}");
}

#[test]
fn a_name_written_after_an_honorific_is_no_country() {
    let got =
        found("Mr Oakes spoke. Daniel Oakes's government fell. The Tessalia government fell.");
    assert_eq!(got, [("Tessalia".into(), SideKind::Party)]);
}

#[test]
fn a_name_after_the_opposition_and_a_comma_is_no_party() {
    let got =
        found("The leader of the opposition, Petra Holm, said so. The opposition Vanguard voted.");
    assert_eq!(got, [("Vanguard".into(), SideKind::Party)]);
}

#[test]
fn known_names_and_people_are_not_found() {
    let got =
        found("The European Commission met. Then Ann Lee and Tom Reed spoke in Paris on Monday.");
    assert_eq!(got, []);
}

#[test]
fn one_invented_word_is_a_company_by_its_officers_or_its_shares() {
    for text in [
        "Talks failed. Tavelli's chief executive said no.",
        "Talks failed. Lisk's largest shareholder said no.",
        "Talks failed. Shares in Skyreach fell 5 percent.",
        "Talks failed. Skyreach shares fell 5 percent.",
        "Talks failed. A Tavelli spokeswoman said no.",
    ] {
        let got = found(text);
        assert!(
            got.iter()
                .any(|(n, k)| !n.contains(' ') && *k == SideKind::Company),
            "{text}: {got:?}"
        );
    }
    // the verb "shares" makes no company, nor does an office a country owns
    let got = found("Talks failed. Kelos shares a border with Tarvania.");
    assert_eq!(got, []);
    // a spokesman named by the demonym of a country the story names makes no company
    let got = found("Kelos and Tarvania talked. A Kelosian spokesman said no.");
    assert!(got.iter().all(|(_, k)| *k != SideKind::Company), "{got:?}");
    let got = found("Talks failed. Kelos's foreign minister said no.");
    assert_eq!(got, [("Kelos".into(), SideKind::Country)]);
}

#[test]
fn a_party_without_a_party_word_is_told_by_the_words_around_it() {
    let got = found("The ruling Democratic Rally lost. The opposition National Front won.");
    assert!(
        got.contains(&("Democratic Rally|Rally".into(), SideKind::Party)),
        "{got:?}"
    );
    assert!(
        got.contains(&("National Front|Front".into(), SideKind::Party)),
        "{got:?}"
    );
    let got = found("Talks failed. The People's Front government fell.");
    assert!(
        got.contains(&("People's Front|Front".into(), SideKind::Party)),
        "{got:?}"
    );
    // a run after any other word, or before one that is no party's, is none
    let got = found("Talks failed. The Northern Rally said no.");
    assert_eq!(got, []);
}

#[test]
fn a_union_whose_name_holds_a_country_is_still_a_union() {
    let got = found(
        "Dockers strike at Bergen\n\nThe Norwegian Dockers' Union called a strike against \
        the port operator on Monday.",
    );
    assert!(
        got.iter()
            .any(|(n, k)| n.starts_with("Norwegian Dockers' Union") && *k == SideKind::Union),
        "{got:?}"
    );
    // a company or a public body that holds a country's name stays the country's
    let got = found("The Norwegian Port Authority said the Norwegian Shipping Company agreed.");
    assert!(
        !got.iter().any(|(n, _)| n.starts_with("Norwegian")),
        "{got:?}"
    );
}

#[test]
fn a_party_after_an_office_and_a_name_is_the_party() {
    let got = found(
        "\"No,\" said Finance Minister Arne Dahl of the Liberty Party. \
         Opposition Leader Ilse Varga of the Social Union disagreed.",
    );
    assert!(
        got.contains(&("Liberty Party|Liberty|Libertys".into(), SideKind::Party)),
        "{got:?}"
    );
    assert!(
        got.iter().any(|(n, _)| n.starts_with("Social Union")),
        "{got:?}"
    );
    assert!(got.iter().all(|(n, _)| !n.contains("Dahl")), "{got:?}");
    // a body's own name keeps the words before "of"
    let got = found("The Office of Energy Regulation fined it.");
    assert!(
        got.iter()
            .any(|(n, _)| n.starts_with("Office of Energy Regulation")),
        "{got:?}"
    );
}

#[test]
fn a_unions_opponent_named_only_by_a_public_bodys_noun_is_a_side() {
    let text = "Porters strike\n\nPorters of Local 41 of the Harbour Porters Union struck \
        after the port council cut their overtime.\n\n\"No,\" said the union's chairman.";
    let lead_end = text.find("\n\n\"No").expect("the lead");
    let got = found_with_lead(text, lead_end);
    assert!(
        got.contains(&("port council|council".into(), SideKind::Regulator)),
        "{got:?}"
    );
    // not when a second side is named, nor for a noun another owns
    let got = found("The Harbour Porters Union met Brenmoor Shipping Lines and the port board.");
    assert!(got.iter().all(|(n, _)| !n.contains("board")), "{got:?}");
    let got = found("The Harbour Porters Union said the union's board agreed.");
    assert!(got.iter().all(|(n, _)| !n.contains("board")), "{got:?}");
}

#[test]
fn an_owner_of_a_states_offices_without_a_possessive_is_a_country() {
    let text = "The Tamsor embassy said so. The foreign minister of Valdor, Ana Brel, \
        stayed. The ambassador of Korvel was called in, and the Brenmor fisheries ministry \
        said nothing.";
    let got = found(text);
    for name in ["Tamsor", "Valdor", "Korvel", "Brenmor"] {
        assert!(
            got.contains(&(name.into(), SideKind::Country)),
            "{name}: {got:?}"
        );
    }
}

#[test]
fn a_portfolio_a_company_or_a_person_after_an_office_is_no_country() {
    let text = "The minister of Fisheries and the deputy minister of Health spoke. The ambassador of Sable Oil Works agreed; \
        the chief executive of Lisk and the envoy of Mr Harlan did not. Ana Brel told the \
        Morning Courier so, and the Ardmore delegation cheered.";
    let got = found(text);
    for name in [
        "Fisheries",
        "Sable",
        "Lisk",
        "Harlan",
        "Courier",
        "Morning",
        "Ardmore",
    ] {
        assert!(
            got.iter()
                .all(|(n, k)| n != name || *k != SideKind::Country),
            "{name}: {got:?}"
        );
    }
}

#[test]
fn a_name_the_lead_pairs_with_a_known_country_is_a_country() {
    let text = "Sweden and Valdor sign cable deal\n\nSTOCKHOLM - Sweden and Valdor signed a \
        deal.\n\nSweden and Harlan met again.";
    let lead_end = text.find("\n\nSweden and Harlan").expect("the lead");
    let got = found_with_lead(text, lead_end);
    assert!(
        got.contains(&("Valdor".into(), SideKind::Country)),
        "{got:?}"
    );
    // (a pair after the lead is not read)
    assert!(got.iter().all(|(n, _)| n != "Harlan"), "{got:?}");
    // the pairing outweighs "the Valdor government", a party's sign
    let text = "Sweden and Valdor sign deal\n\nSweden and Valdor signed. The Valdor government \
        agreed.";
    let got = found_with_lead(text, text.find(". The").expect("the lead"));
    assert!(
        got.contains(&("Valdor".into(), SideKind::Country)),
        "{got:?}"
    );
    // nor is a name paired with a country's people or a name a US state shares
    let got = found("Americans and Ardmorans agree\n\nGeorgia and Ardmore agreed.");
    assert!(
        got.iter().all(|(n, _)| n != "Ardmorans" && n != "Ardmore"),
        "{got:?}"
    );
    // a person paired with a country is no country
    let got = found("Sweden and Mr Obert disagree\n\nSweden and Mr Obert disagreed.");
    assert!(got.iter().all(|(n, _)| n != "Obert"), "{got:?}");
}

#[test]
fn a_council_named_in_capitals_is_the_opponent_of_the_one_company_of_the_lead() {
    let text = "Council and builder at odds\n\nThe Tarrow Vale Borough Council has told \
        Kestrel Bay Homes it will end their agreement.\n\nDr Ann Pike of Wexley University \
        said both were at fault. \"The council was slow,\" she said.";
    let lead_end = text.find("agreement.").unwrap() + 10;
    let got = found_with_lead(text, lead_end);
    assert!(
        got.contains(&(
            "Tarrow Vale Borough Council|council".into(),
            SideKind::Regulator
        )),
        "{got:?}"
    );
    // (not when the lead names no organisation, unless its name is a local
    // authority's; nor a county: "Orange County" is a place)
    let alone = "The Tarrow Vale Water Council met.\n\nKestrel Bay Homes said no.";
    let got = found_with_lead(alone, alone.find("met.").unwrap() + 4);
    assert!(!got.iter().any(|(n, _)| n.contains("Council")), "{got:?}");
    let county = "Kestrel Bay Homes will sue Harlan County, its lawyers said.";
    let got = found(county);
    assert!(!got.iter().any(|(n, _)| n.contains("County")), "{got:?}");
}

#[test]
fn a_headline_in_capitals_names_no_organisation() {
    let text = "HARLOW FREIGHT WORKERS WALK OUT\n\nDrivers of the Harlow Freight Workers Union \
        walked out on Monday.";
    let got = found(text);
    assert!(!got.iter().any(|(n, _)| n.starts_with("HARLOW")), "{got:?}");
    assert!(
        got.iter()
            .any(|(n, k)| n.contains("Harlow Freight Workers Union") && *k == SideKind::Union),
        "{got:?}"
    );
}

#[test]
fn a_medical_or_health_centre_is_a_body_and_a_research_centre_is_not() {
    let text = "Nurses at Dunholt Medical Center will strike, and staff at the Carrow Health \
        Centre may join them, said Ivy Moss of the Pelham Center for Labor Studies.";
    let got = found(text);
    let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
    assert!(names.contains(&"Dunholt Medical Center"), "{got:?}");
    assert!(names.contains(&"Carrow Health Centre"), "{got:?}");
    assert!(!names.iter().any(|n| n.contains("Pelham")), "{got:?}");
}

#[test]
fn a_bodys_initials_used_later_without_brackets_are_its_name() {
    // the initials take the words before "and", where the run of the name starts
    let got = found(
        "The Vardenian Rail and Harbour Pricing Authority ruled on Monday. \
         Later the VRHPA said it would not change the ruling. The Kelby Dockers Union \
         went on strike, and KDU members marched.",
    );
    for (name, short) in [
        ("Vardenian Rail and Harbour Pricing Authority", "VRHPA"),
        ("Kelby Dockers Union", "KDU"),
    ] {
        assert!(has_short_name(&got, name, short), "{name}: {got:?}");
    }
    // initials the story never uses are no name
    let got = found("The Moss Valley Water Authority ruled on Monday.");
    assert!(got.iter().all(|(n, _)| !n.contains("MVWA")), "{got:?}");
}

#[test]
fn estates_and_dairies_end_a_companys_name_but_not_a_neighbourhoods() {
    use super::organisations::kind_of_name;
    assert_eq!(kind_of_name("Marrow Hill Estates"), Some(SideKind::Company));
    assert_eq!(kind_of_name("Tannock Dairies"), Some(SideKind::Company));
    // a known place before "Estates" names a neighbourhood
    assert_eq!(kind_of_name("Kenya Estates"), None);
}

#[test]
fn a_local_authoritys_council_is_found_wherever_the_story_names_it() {
    // named after the lead, its company named only below it
    let text = "Homes plan turned down\n\nA plan for 300 homes was turned down on Monday.\n\n\
        Emsby Town Council said the site floods. Redfern Developments said it would \
        appeal, and the council's leader said she would fight it.";
    let got = found_with_lead(text, text.find("Monday.").unwrap() + 7);
    assert!(
        got.iter()
            .any(|(n, k)| n.starts_with("Emsby Town Council|") && *k == SideKind::Regulator),
        "{got:?}"
    );
    // a council of a state or a bloc is not a local authority's
    let un = "Ossmark and Telvia clashed at the Security Council. Ossmark's foreign \
        minister spoke first.";
    assert!(!found(un).iter().any(|(n, _)| n.contains("Council")));
    // nor one that names no place
    assert!(!super::organisations::is_local_council(&[
        "city", "council"
    ]));
    assert!(super::organisations::is_local_council(&[
        "emsby", "town", "council"
    ]));
}

#[test]
fn a_places_councillors_are_its_councils_not_a_partys() {
    let text = "Brellow councillors reject depot\n\nBrellow District Council has refused \
        plans by Hatherley Haulage for a lorry depot.";
    let got = found(text);
    assert!(
        got.iter()
            .any(|(n, k)| n.starts_with("Brellow District Council|")
                && n.split('|').any(|n| n == "Brellow")
                && *k == SideKind::Regulator),
        "{got:?}"
    );
    assert!(got.iter().all(|(n, _)| n != "Brellow"), "{got:?}");
}

#[test]
fn transport_operators_and_companies_are_told_by_the_word_that_ends_their_name() {
    use super::organisations::kind_of_name;
    for name in [
        "Tollan Sound Ferries",
        "Greyhaven Coaches",
        "Marl Port Company",
        "Ashby Ports",
        "Pellow Valley Transit",
        "Dunmere Buses",
    ] {
        assert_eq!(kind_of_name(name), Some(SideKind::Company), "{name}");
    }
    // a transit workers' union is still a union
    assert_eq!(
        kind_of_name("Amalgamated Transit Union"),
        Some(SideKind::Union)
    );
}

#[test]
fn a_name_that_is_all_of_a_quotation_is_no_organisation() {
    for marks in [("\"", "\""), ("''", "''"), ("\u{201c}", "\u{201d}")] {
        let text = format!(
            "Rally groups gather\n\nThe Harwick Riders Club shares news about {}Freedom Buses{} \
             and places to camp, organisers said.",
            marks.0, marks.1
        );
        let got = found(&text);
        assert!(
            got.iter().all(|(n, _)| !n.contains("Freedom")),
            "{marks:?}: {got:?}"
        );
    }
    // the same words unquoted name a company
    let text = "Rally groups gather\n\nFreedom Buses said it would run extra coaches to the rally.";
    let got = found(text);
    assert!(
        got.iter()
            .any(|(n, k)| n.starts_with("Freedom Buses") && *k == SideKind::Company),
        "{got:?}"
    );
}

/// A name word's judgement remembered on the thread is the one made afresh, asked
/// again, after another matcher was asked (the memory follows its matcher), and after
/// the memory filled and was emptied.
#[test]
fn name_words_are_remembered_as_judged() {
    let judged_alike = |w: &str, known: &'static SideMatcher| {
        let lower = w.to_lowercase();
        let remembered = remembered_own_name_word(w, || lower.as_str().into(), known);
        assert_eq!(remembered, is_own_name_word(w, &lower, known), "{w}");
    };
    let words = [
        "Marova", "Minister", "Monday", "France", "Norway", "However", "Élysée", "Tessalia",
    ];
    let matchers = [
        crate::detect::country_matcher(),
        crate::detect::candidates::known_matcher(),
        crate::detect::country_matcher(),
    ];
    for known in matchers {
        for _ in 0..2 {
            words.iter().for_each(|w| judged_alike(w, known));
        }
    }
    let known = crate::detect::country_matcher();
    for i in 0..REMEMBERED_WORDS + 10 {
        judged_alike(&format!("Zedland{i}"), known);
    }
    words.iter().for_each(|w| judged_alike(w, known));
}
