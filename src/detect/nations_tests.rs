//! Stories of the United Kingdom's nations, written for these tests with invented names:
//! the territorial offices (the Wales Office, the Scottish Secretary) are the UK
//! Government's, whichever party governs it.

use crate::article::{Article, Source};
use crate::detect::test_support::{party, quote_sides, sides};

#[test]
fn a_territorial_office_speaks_for_the_party_governing_the_state() {
    // the Wales Office is a body of the state, as Downing Street is: the governing
    // party's voice, not Labour's for the "Wales" a Labour speaker talks of
    let story = "Jobs row in Wales\n\n\
        Labour has accused the Conservative government of moving tax office jobs.\n\n\
        Shadow minister Ifor Bowen said: \"Workers in Wales are paying for this.\"\n\n\
        A Wales Office spokeswoman said: \"Every post that moves will be replaced.\"\n";
    let parties = [
        party("tories", "Conservatives", &["Conservative", "Tories"]),
        party("labour", "Labour", &[]),
    ];
    assert_eq!(quote_sides(story, &parties), sides(&["labour", "tories"]));
}

#[test]
fn a_territorial_office_is_the_uk_governments_not_the_nations() {
    // "Scotland Office" holds the name of the Scottish side's nation, but the office is
    // a department of the UK Government
    let story = "Ferry row\n\n\
        The Scottish Government has attacked the UK Government over ferry money.\n\n\
        Transport Secretary Ailsa Munro said: \"The islands are being let down.\"\n\n\
        A Scotland Office spokesman said: \"The money is there for the islands.\"\n";
    let parties = [
        party("holyrood", "Scottish Government", &["Scotland"]),
        party("uk", "UK Government", &["United Kingdom", "Britain"]),
    ];
    assert_eq!(quote_sides(story, &parties)[1], sides(&["uk"])[0]);
}

/// A devolved government's story: the First Minister against the Chancellor.
const FERRIES: &str = "Ferry money row\n\n\
    The Scottish Government has attacked the UK Government over money for island ferries.\n\n\
    First Minister Kirsty Baird said: \"The islands have waited long enough.\"\n\n\
    The Chancellor, Tom Verity, said: \"Holyrood has had its share and more.\"\n\n\
    Ms Baird said Scottish ministers would write to the Treasury.\n";

#[test]
fn the_first_minister_speaks_for_the_devolved_government() {
    let parties = [
        party("holyrood", "Scottish Government", &[]),
        party("uk", "UK Government", &["United Kingdom", "Britain"]),
    ];
    // the Chancellor is the state's: a story told of a nation is still the state's
    assert_eq!(quote_sides(FERRIES, &parties), sides(&["holyrood", "uk"]));
}

#[test]
fn a_devolved_government_and_its_state_are_the_sides_found() {
    let article = Article::from_bytes(Source::Stdin, FERRIES.as_bytes());
    let found = crate::detect::detect(&article, None);
    let mut names: Vec<&str> = found.parties.iter().map(|p| p.name.as_str()).collect();
    names.sort_unstable();
    assert_eq!(names, ["Britain", "Scottish Government"]);
    let of = |q: &crate::model::Quote| {
        let id = q.party.as_ref()?.to_string();
        found.party(&id).map(|p| p.name.clone())
    };
    let sides: Vec<_> = found.quotes.iter().map(of).collect();
    let want = |n: &str| Some(n.to_string());
    assert_eq!(sides, [want("Scottish Government"), want("Britain")]);
}

#[test]
fn a_territorial_department_speaking_makes_the_state_side_its_government() {
    // inferred: the Wales Office and the Welsh Secretary are the UK Government's voice,
    // so the side they make is the party governing it, not "Britain"
    let story = "Tax office jobs row\n\n\
        Labour has accused the Conservative government of moving tax office jobs out of \
        Wales.\n\n\
        Shadow Welsh secretary Ifor Bowen said: \"Workers in Wales are paying for this.\"\n\n\
        A Wales Office spokeswoman said: \"Every post that moves will be replaced.\"\n\n\
        Welsh Secretary Ann Pryce said: \"Labour cut more jobs than anyone.\"\n";
    let article = Article::from_bytes(Source::Stdin, story.as_bytes());
    let found = crate::detect::detect(&article, None);
    let of = |q: &crate::model::Quote| {
        let id = q.party.as_ref()?.to_string();
        found.party(&id).map(|p| p.name.clone())
    };
    let got: Vec<_> = found.quotes.iter().map(of).collect();
    let want = |n: &str| Some(n.to_string());
    assert_eq!(
        got,
        [want("Labour"), want("Conservatives"), want("Conservatives")]
    );
}

#[test]
fn a_minister_who_tells_a_devolved_chamber_speaks_for_its_government() {
    // no "First Minister" in her title: where she speaks says whose minister she is
    let story = "Dentists row in Cardiff Bay\n\n\
        The Welsh Government has been attacked by the UK Government over dentists.\n\n\
        Health Minister Non Price told the Senedd that the new contract would help. \
        \"Appointments will rise this year,\" she said.\n";
    let parties = [
        party("welsh", "Welsh Government", &["Senedd"]),
        party("uk", "UK Government", &["United Kingdom", "Britain"]),
    ];
    assert_eq!(quote_sides(story, &parties), sides(&["welsh"]));
    // spoken elsewhere, the same office is the state's
    let elsewhere = story.replace("told the Senedd", "said");
    assert_eq!(quote_sides(&elsewhere, &parties), sides(&["uk"]));
}
