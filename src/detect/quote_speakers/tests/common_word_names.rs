//! Surnames that are also common words ("Read", "Will", "From", "Early"): once the
//! article has named the person in full, the surname alone before a verb is theirs.

use super::speakers;

#[test]
fn a_surname_that_is_a_verb_is_the_person_named_before() {
    let got = speakers(
        "Mill owner Dora Read said the vote had been close. \
         “We counted every ballot twice,” Read said.",
    );
    assert_eq!(got, vec!["Dora Read"]);
}

#[test]
fn a_surname_that_is_a_preposition_speaks_after_a_quotation() {
    // (not "from" the preposition before the noun "said")
    let got = speakers(
        "Tomas From, who ran the harbour board, wrote to the council. \
         Many dockers saw the board as “a club for owners,” From said. \
         “It has to open its books,” From said.",
    );
    assert_eq!(got, vec!["Tomas From", "Tomas From"]);
}

#[test]
fn a_surname_that_is_an_adverb_after_an_opening_phrase() {
    // (a capitalised word inside the sentence is no adverb before the verb)
    let got = speakers(
        "Council leader Rhona Early said little on Monday. Told of the new figures, \
         Early described them as “news to me.”",
    );
    assert_eq!(got, vec!["Rhona Early"]);
}

#[test]
fn a_surname_that_is_a_modal_describes_what_it_quotes() {
    let got = speakers(
        "Columnist Petra Will wrote about the mayor. Citing the flood as “a wake-up \
         call,” Will described the mayor as “out of her depth.”",
    );
    assert_eq!(got, vec!["Petra Will", "Petra Will"]);
}

#[test]
fn a_common_word_names_nobody_the_article_has_not_named() {
    // no one called Read has been named: the word alone names no one
    let got = speakers("“We counted every ballot twice,” Read said.");
    assert_eq!(got, vec![""]);
    // nor does a weekday after a name joined to it ("on Monday")
    let got = speakers("The union wrote to Ana Holt on Monday. “We want a reply,” Monday said.");
    assert_ne!(got, vec!["Ana Holt"]);
}
