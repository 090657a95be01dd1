//! A name inside the description of a source ("Gil Roe, the editor of the city's
//! paper, The Ledger, said") is the description's, not the speaker.

use super::speakers;

#[test]
fn a_name_that_names_the_noun_of_a_description_is_not_the_subject() {
    let body = "Gil Roe, the editor of the city's evening paper, The Ledger, said the \
                council was “asleep at the wheel.”";
    assert_eq!(speakers(body), vec!["Gil Roe"]);
    let body = "Ann Bellamy, whose company, Parasol, makes tents, said the rules were \
                “written for somebody else.”";
    assert_eq!(speakers(body), vec!["Ann Bellamy"]);
    let body = "Ivo Tamm, whose home town, Riverton, may flood, argues that the levy \
                will “drown the farms.”";
    assert_eq!(speakers(body), vec!["Ivo Tamm"]);
}

#[test]
fn a_name_after_a_role_that_opens_the_clause_is_the_subject() {
    let body = "The head of the drivers' union, Bob Hale, said the offer was “an insult.”";
    assert_eq!(speakers(body), vec!["Bob Hale"]);
}
