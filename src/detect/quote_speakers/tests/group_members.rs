//! Members of a group and people placed before their names: "one said" and "another
//! said" after a counted group, and "said one shop owner in Dunholm Sands, Ada Verrin".

use super::{speakers, speakers_with_roles};

#[test]
fn one_and_another_are_members_of_the_group_just_named() {
    let body = "Two officials from the county said the plan was late. “It fits the \
                rules,” one said. “The roads are the problem,” another said.";
    let group = "Two officials from the county";
    assert_eq!(speakers(body), vec![group, group]);
    let body = "Two officials said the plan was late. “It fits the rules,” one said. \
                “The roads are the problem,” said the other.";
    assert_eq!(speakers(body), vec!["Two officials", "Two officials"]);
}

#[test]
fn one_alone_is_never_a_body() {
    let body = "The Tarrow Society said the plan was late. “It fits the rules,” one said.";
    assert_eq!(speakers(body), vec![""]);
}

#[test]
fn a_place_between_an_unnamed_role_and_the_name_is_where_they_are() {
    let body = "“The rooms are empty,” said one shop owner in Dunholm Sands, Ada Verrin. \
                “Nobody comes now.”";
    assert_eq!(speakers(body), vec!["Ada Verrin", "Ada Verrin"]);
    let body = "“The blasting cracks our walls,” said a retired teacher in Low Marsden, \
                Wilma Stott.";
    assert_eq!(
        speakers_with_roles(body),
        vec![(
            "Wilma Stott".to_string(),
            "retired teacher in Low Marsden".to_string()
        )]
    );
}

#[test]
fn a_place_with_no_name_after_it_still_ends_the_source() {
    let body = "“The talks went well,” said a spokesman in Velmora.";
    assert_eq!(speakers(body), vec!["a spokesman"]);
}

#[test]
fn one_that_opens_a_longer_subject_is_no_member() {
    let body = "Two officials said the plan was late.\n\nOne operative inside the \
                council tried to calm the row, saying it was “not a big deal here.”";
    assert_ne!(speakers(body), vec!["Two officials"]);
}
