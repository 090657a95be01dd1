//! Quotations inside what a speech verb reports: the subject of the reported clause is
//! no speaker.

use super::speakers;

#[test]
fn a_noun_phrase_after_said_that_runs_into_an_auxiliary_is_what_was_said() {
    let body = "Ada Rusk issued a statement calling the levy “a disgrace” and said \
                county leaders will face “a long cold spring.”";
    assert_eq!(speakers(body), vec!["Ada Rusk", "Ada Rusk"]);
    // a relative clause after the source keeps the source
    let body = "“It will take a while,” said a county official who was not \
                authorized to speak publicly.";
    assert_eq!(speakers(body), vec!["a county official"]);
    let body = "“It will take a while,” said Ivo Brandt, who has led the board since 2009.";
    assert_eq!(speakers(body), vec!["Ivo Brandt"]);
}

#[test]
fn a_speech_verb_after_a_modal_in_the_reported_clause_is_no_speaker() {
    let body = "Foreign Minister Ana Pell said her government would respond “calmly” to \
                any provocation.";
    assert_eq!(speakers(body), vec!["Ana Pell"]);
    let body = "Tom Vask said voters will not say “yes” to a harbour tax, and that the \
                board must call it off.";
    assert_eq!(speakers(body), vec!["Tom Vask"]);
}

#[test]
fn a_fragment_under_a_modal_in_a_reported_clause_is_the_reporters() {
    // the government has not responded yet: the words are the minister's
    let body = "Minister Oskar Lind said his government would respond “with patience” \
                to the offer.";
    assert_eq!(speakers(body), vec!["Oskar Lind"]);
    let body = "Ines Varga said the council was ready to act “without delay” on the report.";
    assert_eq!(speakers(body), vec!["Ines Varga"]);
    // a subject who did speak keeps the words
    let body = "Tom Reed said Jane Cole had called the plan “a disgrace”.";
    assert_eq!(speakers(body), vec!["Jane Cole"]);
}

#[test]
fn a_fragment_after_a_possessive_subject_is_the_reporters() {
    let body = "Pia Holm said her party had welcomed the vote “as a first step”.";
    assert_eq!(speakers(body), vec!["Pia Holm"]);
}

#[test]
fn a_fragment_after_and_that_is_the_reporters() {
    let body = "The Danube Water Board said on Monday that the mill had reported the leak \
                late and that “the readings were incomplete”.";
    assert_eq!(speakers(body), vec!["Danube Water Board"]);
}

#[test]
fn a_fragment_opening_with_a_conjunction_is_the_reporters() {
    // the board promised; the words "but never ordered it" are Vela's account of it
    let body = "Rita Vela said the board had promised an audit “but never ordered it”, \
                and that the books stayed shut.";
    assert_eq!(speakers(body), vec!["Rita Vela"]);
    let body = "Omar Stent said the mayor had praised the scheme “and then cut its money”.";
    assert_eq!(speakers(body), vec!["Omar Stent"]);
}
