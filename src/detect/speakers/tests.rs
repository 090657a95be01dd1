//! Reading source phrases, in phrases made up for these tests.

use super::*;
use crate::detect::parties::countries;

pub(crate) fn matcher() -> SideMatcher {
    let names: Vec<Vec<String>> = countries()
        .iter()
        .map(|c| c.all_names().cloned().collect())
        .collect();
    SideMatcher::new(&names)
}

fn read(s: &str) -> SourceNp {
    read_source(s, 0..s.len(), &matcher()).unwrap()
}

#[test]
fn a_name_with_its_title() {
    let np = read("State Department spokesman Ian Kelly");
    assert_eq!(np.kind, NpKind::Person);
    assert_eq!(np.name, "Ian Kelly");
    assert_eq!(np.role.as_deref(), Some("State Department spokesman"));
    let np = read("Cuban Deputy Foreign Minister Dagoberto Rodriguez");
    assert_eq!(np.name, "Dagoberto Rodriguez");
    assert_eq!(np.role.as_deref(), Some("Cuban Deputy Foreign Minister"));
}

#[test]
fn titles_the_lexicon_does_not_know_stay_out_of_the_name() {
    let np = read("Freedonian Foreign Minister Rufus Firefly");
    assert_eq!(np.kind, NpKind::Person);
    assert_eq!(np.name, "Rufus Firefly");
    assert_eq!(np.role.as_deref(), Some("Freedonian Foreign Minister"));
    let np = read("Indian External Affairs Minister Priya Sharma");
    assert_eq!(
        (np.name.as_str(), np.role.as_deref()),
        ("Priya Sharma", Some("Indian External Affairs Minister"))
    );
    // a name of one word after a title is still the name
    assert_eq!(read("Minister Firefly").name, "Firefly");
}

#[test]
fn a_plural_possessive_inside_a_name_keeps_it_whole() {
    for (phrase, name) in [
        ("The Brask Pilots' Association", "Brask Pilots' Association"),
        (
            "the Harbour Dockworkers’ Union",
            "Harbour Dockworkers’ Union",
        ),
    ] {
        let np = read(phrase);
        assert_eq!((np.name.as_str(), np.role.as_deref()), (name, None));
    }
}

#[test]
fn a_determiner_alone_is_no_role() {
    assert_eq!(read("the MPs").role, None);
}

#[test]
fn a_title_in_the_body_a_person_is_of_stays_out_of_the_role() {
    let np = read("Jane Roe of the Foreign Ministry's North Freedonian Division");
    assert_eq!(np.kind, NpKind::Person);
    assert_eq!(np.name, "Jane Roe");
    assert_eq!(
        np.role.as_deref(),
        Some("of the Foreign Ministry's North Freedonian Division")
    );
}

#[test]
fn a_name_before_of_the_body_is_the_person() {
    let np = read("Hanne Lys of the Northern Council");
    assert_eq!(np.kind, NpKind::Person);
    assert_eq!(np.name, "Hanne Lys");
    assert_eq!(np.role.as_deref(), Some("of the Northern Council"));
    // a body whose own name runs through "of the" stays a body
    for body in [
        "Audit Committee of the Northern Council",
        "Dean Court of the Council",
    ] {
        assert_eq!(read(body).kind, NpKind::Body, "{body}");
    }
    // the body a person is of may come without "the"
    let np = read("Economist Tom Reed of Halder University");
    assert_eq!(np.kind, NpKind::Person);
    assert_eq!(np.name, "Tom Reed");
    assert_eq!(read("Audit Committee of Halder Council").kind, NpKind::Body);
    // (a title alone before "of the" leaves no name to take)
    assert_ne!(
        read("Minister of the Northern Council").kind,
        NpKind::Person
    );
}

#[test]
fn a_clause_is_never_a_name() {
    let np = read("her government would raise the issue");
    assert!(matches!(np.kind, NpKind::Role { ref head, .. } if head == "government"));
    assert_eq!(np.name, "her government");
    let np = read("a senior Freedonian government official");
    assert!(matches!(np.kind, NpKind::Role { ref head, .. } if head == "official"));
    assert_eq!(np.name, "senior Freedonian government official");
    assert!(read_source("A", 0..1, &matcher()).is_none());
    assert!(read_source("December", 0..8, &matcher()).is_none());
}

#[test]
fn bodies_and_roles() {
    assert_eq!(read("the official China Daily").kind, NpKind::Body);
    assert_eq!(read("the official China Daily").name, "China Daily");
    let np = read("a spokesman for the foreign ministry");
    assert!(
        matches!(np.kind, NpKind::Role { ref head, definite: false, .. } if head == "spokesman")
    );
    let np = read("the spokesman");
    assert!(matches!(np.kind, NpKind::Role { definite: true, .. }));
    assert_eq!(read("he").kind, NpKind::Pronoun(Pronoun::Person));
}

#[test]
fn a_local_title_stays_out_of_the_name() {
    for (phrase, title) in [
        ("Councillor Mira Basten", "Councillor"),
        ("Alderman Mira Basten", "Alderman"),
        ("Detective Inspector Mira Basten", "Detective Inspector"),
    ] {
        let np = read(phrase);
        assert_eq!(np.kind, NpKind::Person, "{phrase}");
        assert_eq!(
            (np.name.as_str(), np.role.as_deref()),
            ("Mira Basten", Some(title))
        );
    }
}

#[test]
fn a_place_before_a_bodys_noun_is_the_bodys_name() {
    for (phrase, name) in [
        ("The Orrin town council", "Orrin town council"),
        ("the Port Sallow harbour board", "Port Sallow harbour board"),
    ] {
        let np = read(phrase);
        assert!(matches!(np.kind, NpKind::Role { .. }), "{phrase}");
        assert_eq!((np.name.as_str(), np.role.as_deref()), (name, None));
    }
}

#[test]
fn a_role_no_list_has_names_the_person_after_it() {
    for (phrase, name, role) in [
        ("one baker, Rosa Quint", "Rosa Quint", "one baker"),
        (
            "one shopper, retired teacher Alma Roth",
            "Alma Roth",
            "one shopper, retired teacher",
        ),
    ] {
        let np = read(phrase);
        assert_eq!(np.kind, NpKind::Person, "{phrase}");
        assert_eq!((np.name.as_str(), np.role.as_deref()), (name, Some(role)));
    }
}

#[test]
fn a_noun_of_people_no_list_has_is_a_role() {
    let np = read("a roofer who asked not to be named");
    assert!(matches!(np.kind, NpKind::Role { ref head, .. } if head == "roofer"));
    assert!(matches!(read("another child").kind, NpKind::Role { .. }));
    // a noun of no person names nobody
    assert!(read_source("the years when", 0..14, &matcher()).is_none());
    assert!(read_source("his stubbornness", 0..16, &matcher()).is_none());
}

#[test]
fn a_place_before_a_role_no_list_has_is_where_the_person_is_from() {
    // the capital is no person's name: the person is named in the appositive
    let np = read("one Nairobi tea broker, Amos Kiprop");
    assert_eq!(np.kind, NpKind::Person);
    assert_eq!(np.name, "Amos Kiprop");
    assert_eq!(np.side, countries().iter().position(|c| c.id == "ke"));
    // a capitalised word no side has is still read as before
    let np = read("one Wexley tea broker, Amos Kiprop");
    assert_ne!(np.name, "Amos Kiprop");
}

#[test]
fn a_titled_person_in_the_appositive_of_a_sides_role() {
    for (phrase, name) in [
        (
            "the head of the Kenyan delegation, Deputy Prime Minister Amos Kiprop",
            "Amos Kiprop",
        ),
        (
            "Peru's ambassador to the Nordic countries, Carlos Vega Ruiz",
            "Carlos Vega Ruiz",
        ),
    ] {
        let np = read(phrase);
        assert_eq!(np.kind, NpKind::Person, "{phrase}");
        assert_eq!(np.name, name, "{phrase}");
        assert!(np.side.is_some(), "{phrase}");
    }
}
