//! A person named with a description before they speak is the later "the envoy",
//! "the minister" or "the mediator" that quotes them, whether the description came
//! after the name, before it or after "as"; and a stance verb's agent after "by" is
//! the source of what it calls the thing.

use super::speakers;

#[test]
fn a_description_after_the_name_is_a_later_definite_description() {
    let body = "The other delegation was led by Oskar Veen, a veteran envoy who knows \
                the region.\n\n“We want a line on the map,” the envoy said.";
    assert_eq!(speakers(body), vec!["Oskar Veen"]);
}

#[test]
fn a_description_before_the_name_is_a_later_definite_description() {
    let body = "A Green councillor who chairs the transport board, Mina Saul, \
                missed the vote.\n\n“I was at the hospital,” the councillor said.";
    assert_eq!(speakers(body), vec!["Mina Saul"]);
}

#[test]
fn what_a_person_acts_as_is_a_later_definite_description() {
    let body = "The two sides met at a farm, with Rolf Amsel, acting as mediator.\n\n\
                “Nobody walked out,” the mediator said.";
    assert_eq!(speakers(body), vec!["Rolf Amsel"]);
}

#[test]
fn the_agent_of_a_passive_stance_verb_is_the_source() {
    let body = "The plan was rejected by the Pelsian trade minister, Ida Moor, as \
                “a tax on bread”.\n\n“Nobody will pay it,” the minister said.";
    assert_eq!(speakers(body), vec!["Ida Moor", "Ida Moor"]);
    let body = "The figures were dismissed by a rail union official as “fiction”.";
    assert_eq!(speakers(body), vec!["a rail union official"]);
}
