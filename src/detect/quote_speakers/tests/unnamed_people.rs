//! People the article never names: called as it introduced them ("a BMA spokesman"),
//! placed by a complement that holds the only name ("a resident of Tolva"), referred
//! back to by a bare noun ("the woman", "the delegate"), named later in a clause ("who
//! gave his name only as …"), or acting as something in a participle phrase.

use super::{speakers, speakers_with_roles};

#[test]
fn one_never_named_keeps_the_indefinite_article() {
    let body = "A rail union spokeswoman said the offer was late. “We will \
                study it,” she said.";
    assert_eq!(speakers(body), vec!["a rail union spokeswoman"]);
}

#[test]
fn the_place_after_an_unnamed_person_is_no_name_and_the_woman_is_them() {
    let body = "A resident of Tolva reached by telephone said the bridge had gone.\n\n\
                “We crossed on foot at dawn,” the woman said.";
    let got = speakers(body);
    assert!(got[0].starts_with("a resident of Tolva"), "{got:?}");
    let body = "A teacher from Tolva said prices had doubled. “Flour is gold now,” the \
                man said.";
    assert!(speakers(body)[0].starts_with("a teacher from Tolva"));
}

#[test]
fn a_bare_noun_of_the_same_stem_refers_back_to_the_unnamed_member() {
    let body = "A member of the Ostravan delegation, who asked not to be named, said \
                the map was wrong.\n\n“We will not sign it,” the delegate said.";
    assert_eq!(speakers(body), vec!["a member of the Ostravan delegation"]);
}

#[test]
fn a_full_description_of_an_office_is_someone_new() {
    let body = "A spokesman for the Ostravan trade ministry said the plan was under \
                review.\n\nThe Pelsian deputy trade minister told radio: “We welcome it.”";
    assert_ne!(
        speakers(body),
        vec!["a spokesman for the Ostravan trade ministry"]
    );
}

#[test]
fn a_name_given_in_the_clause_after_the_role_is_the_speaker() {
    let body = "“The road is ours,” a militia commander, who gave his name only as \
                Amir, said by radio.";
    assert_eq!(
        speakers_with_roles(body),
        vec![("Amir".to_string(), "militia commander".to_string())]
    );
}

#[test]
fn what_the_subject_acts_as_is_not_the_subject() {
    let body = "A Pelsian diplomat attending the summit as an observer said the mood \
                was “calm”.";
    assert_eq!(speakers(body), vec!["a Pelsian diplomat"]);
}
