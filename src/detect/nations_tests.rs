//! Stories of the United Kingdom's nations, written for these tests with invented names:
//! the territorial offices (the Wales Office, the Scottish Secretary) are the UK
//! Government's, whichever party governs it.

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
