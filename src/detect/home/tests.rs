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
    let home = home_of("Talks\n\nOSLO, May 4 - The minister said Kenya must open its market.\n");
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

#[test]
fn a_towns_offices_are_a_public_bodys() {
    let public_body = Some(Target::Kind(SideKind::Regulator));
    assert_eq!(office_target("Mayor", false), public_body);
    assert_eq!(office_target("the City Attorney", false), public_body);
    // a councillor is one of the council's members, who speak for it
    assert_eq!(office_target("Councillor", false), public_body);
    assert_eq!(office_target("a town councilman", false), public_body);
    // (a party's councillor is still the party's)
    assert_eq!(
        office_target("Tory councillor", false),
        Some(Target::Kind(SideKind::Party))
    );
    // (a union's officer is still the union's)
    assert_eq!(
        office_target("union official", false),
        Some(Target::Kind(SideKind::Union))
    );
}
