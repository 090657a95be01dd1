//! Words that are speech verbs in one sentence and nouns in another, and the
//! participles that report speech after a comma. After a possessor ("Tim Vance's
//! remarks") the form is a noun, unless it introduces what was said ("his claim
//! that …").

use super::{attributed, speakers};
use crate::model::QuoteKind;

#[test]
fn a_cue_form_after_a_possessor_is_a_noun_and_names_no_source() {
    // the quoted words are Kay West's verdict on the remarks, not the remarks
    assert_eq!(
        speakers("Kay West told reporters that Tim Vance's remarks were “deeply offensive.”"),
        vec!["Kay West"]
    );
    assert_eq!(
        speakers("Ann Bell says Tom Reed's comments on the budget were “a recipe for ruin.”"),
        vec!["Ann Bell"]
    );
}

#[test]
fn a_possessed_noun_that_introduces_the_words_still_reports_them() {
    let got = attributed(
        "Voters were puzzled by Tom Reed's claim that the mayor “founded the crisis,” \
         which aides did not explain.",
    );
    assert_eq!(got[0].1, QuoteKind::Partial);
    assert_eq!(got[0].2, "Tom Reed");
    assert_eq!(
        speakers(
            "Ida Moss was asked about the dam. Ida Moss's answer was that “the river decides.”"
        ),
        vec!["Ida Moss"]
    );
}

#[test]
fn a_participle_of_a_speech_verb_after_a_comma_takes_the_subject() {
    let got = attributed(
        "Tom Reed hardly settled the matter when questioned after the debate, asserting, \
         “Of course, I pay my taxes.”",
    );
    assert_eq!(got[0].2, "Tom Reed");
    assert_eq!(
        speakers("Ida Moss left the hall early, retorting, “Nobody asked me.”"),
        vec!["Ida Moss"]
    );
}
