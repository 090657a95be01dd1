//! Roles whose complement names whom they serve ("a spokesman for Senator Ann Bell",
//! "a longtime adviser to Holt", "a person close to the Marshes"): the speaker is the
//! role's holder, named with the complement, never the person served.

use super::speakers;

#[test]
fn a_spokesman_for_a_named_person_is_not_that_person() {
    let got = speakers("“We will not back down,” said a spokesman for Senator Ann Bell.");
    assert_eq!(got, vec!["a spokesman for Senator Ann Bell"]);
}

#[test]
fn an_adviser_to_a_named_person_keeps_the_name_in_the_role() {
    let got = speakers(
        "“His ideas belong to another age,” said a longtime adviser to Holt, who \
         declined to be named. “He does not know the new media.”",
    );
    assert_eq!(
        got,
        vec!["a longtime adviser to Holt", "a longtime adviser to Holt"]
    );
    // two advisers to two people are two speakers
    let got = speakers(
        "“There is much to fix,” said a longtime adviser to both Marshes. \
         “It will be hard,” said a longtime adviser to Ruth Kell.",
    );
    assert_eq!(
        got,
        vec![
            "a longtime adviser to both Marshes",
            "a longtime adviser to Ruth Kell"
        ]
    );
}

#[test]
fn a_person_close_to_a_family_is_named_with_it() {
    let got = speakers("“The drop is due to the emails,” said a person close to the Marshes.");
    assert_eq!(got, vec!["a person close to the Marshes"]);
}

#[test]
fn a_title_before_the_served_name_stays_in_the_role() {
    let got = speakers("“It is over,” said the former chief aide to President Ben Marsh.");
    assert_eq!(got, vec!["former chief aide to President Ben Marsh"]);
}

#[test]
fn a_document_addressed_to_someone_does_not_serve_them() {
    // "to" after a letter names whom it was sent to: it is no part of the source
    let got = speakers(
        "Mayor Greg Tolland wrote a letter to Attorney General Ann Kell asking her to \
         look into the “fiasco.”",
    );
    assert_ne!(got, vec!["letter to Attorney General Ann Kell"]);
    assert_ne!(got, vec!["Ann Kell"]);
}
