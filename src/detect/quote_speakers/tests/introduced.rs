//! Quotations whose attribution stands apart from them: a paragraph that closes on a
//! colon, a "said X" that closes the sentence after a fragment.

use super::{attributed, speakers};
use crate::model::QuoteKind;

#[test]
fn a_paragraph_closing_on_a_colon_without_a_speech_verb_gives_its_subject_the_next_quotation() {
    let body = "Rosa Quill chaired the board for a decade. “We are ready,” Ivo Mertz said.\n\n\
                After the mill shut, Mayor Quill put out this statement:\n\n\
                “Our town will miss the mill. Its workers built this valley.”";
    assert_eq!(speakers(body), vec!["Ivo Mertz", "Rosa Quill"]);
}

#[test]
fn a_colon_after_a_subject_that_names_nobody_leaves_the_quotation_to_the_last_speaker() {
    // ("Wait, it gets better:" introduces the quotation but names no one)
    let body = "“The figures are wrong,” Ivo Mertz said.\n\nWait, it gets better:\n\n\
                “The budget grows every year. Nobody checks it.”";
    assert_eq!(speakers(body), vec!["Ivo Mertz", "Ivo Mertz"]);
}

#[test]
fn a_name_after_a_verb_that_follows_a_comma_is_the_source_of_a_fragment_before_it() {
    let got = attributed(
        "The pledge to “rebuild every bridge” wins over rural towns, said Ilse Varga, \
         a pollster in Dunmore.",
    );
    assert_eq!(got[0].1, QuoteKind::Partial);
    assert_eq!(got[0].2, "Ilse Varga");
}

#[test]
fn a_name_after_the_verb_that_goes_on_with_a_clause_is_no_inverted_source() {
    // (whom she spoke of, and when she spoke, are not who spoke)
    assert_eq!(
        speakers("Ilse Varga, the mayor, said Tom Reed was “plainly wrong”."),
        vec!["Ilse Varga"]
    );
    assert_eq!(
        speakers("“It is over,” Ilse Varga, the mayor, said Monday."),
        vec!["Ilse Varga"]
    );
}

#[test]
fn a_verb_whose_source_names_nobody_leaves_a_fragment_to_the_name_that_signs_the_sentence() {
    assert_eq!(
        speakers("The ruling signals “a long decline” in the valley, said Ilse Varga."),
        vec!["Ilse Varga"]
    );
    // a later verb that goes on with its clause signs nothing
    let got = speakers(
        "The ruling signals “a long decline” in the valley, and Ilse Varga \
         compared it with a flood.",
    );
    assert_ne!(got, vec!["Ilse Varga"]);
}

#[test]
fn a_front_runner_before_a_name_is_a_title_and_the_front_runner_refers_back_to_its_holder() {
    let body = "Republican presidential front-runner Ida Marsh spoke at a fair in Dunmore, \
                saying: “We will carry this state.”\n\n\
                Tom Reed, a rival, disagreed. “She will not,” he said.\n\n\
                “The polls are with us,” the front-runner told reporters.";
    assert_eq!(speakers(body), vec!["Ida Marsh", "Tom Reed", "Ida Marsh"]);
}

#[test]
fn a_participle_after_an_opening_phrase_of_time_with_a_name_in_it_is_the_subjects() {
    assert_eq!(
        speakers(
            "After the Dover attacks, Ilse Varga ran a television spot calling it “reckless”."
        ),
        vec!["Ilse Varga"]
    );
}

#[test]
fn after_a_question_a_phrasal_verb_or_a_name_with_its_appositive_attributes_it() {
    assert_eq!(
        speakers("“Who would pay for that?” Mr Tosk went on, waving a hand."),
        vec!["Tosk"]
    );
    assert_eq!(
        speakers("“Why not us?” Ann Murk, the head of the Blue Sky club, said on Friday."),
        vec!["Ann Murk"]
    );
    // (a clause after the exclamation that no speech verb opens is no attribution)
    assert_eq!(
        speakers("“Why not?” The crowd roared, shouting his name."),
        vec![""]
    );
}

#[test]
fn a_preposition_opening_the_sentence_begins_a_phrase_not_a_name() {
    assert_eq!(
        speakers(
            "Amid calls from some to close the plant, the union’s Rita Vane offered a \
             defence, saying it is needed to “keep the lights on.”\n\n\
             Despite a late rally in the polls, Ivo Mertz called the result “a rout.”\n\n\
             Amid pleas from some to build websites that would list every one of the \
             rebels, The Beacon’s Mark Pell made a case for a list, saying it is needed \
             to “name the traitors.”"
        ),
        vec!["Rita Vane", "Ivo Mertz", "Mark Pell"]
    );
}

#[test]
fn a_title_with_its_complement_of_of_before_a_colon_labels_the_quotation() {
    assert_eq!(
        speakers("Former minister of finance Ann Kell:“We knew it from the start.”"),
        vec!["Ann Kell"]
    );
}

#[test]
fn a_name_in_a_dash_aside_after_a_role_is_the_subject() {
    assert_eq!(
        speakers(
            "A former county clerk -- Jo Mack, who ran the office for a decade -- said \
             the mayor “ignored every warning.”"
        ),
        vec!["Jo Mack"]
    );
    // (a list of names in the aside is no one speaker)
    assert_ne!(
        speakers(
            "The two county clerks -- Jo Mack, Ed Lusk and Ann Kell -- said the mayor \
             “ignored every warning.”"
        ),
        vec!["Jo Mack"]
    );
}

#[test]
fn a_cue_in_the_clause_that_opens_the_sentence_leaves_a_later_quotation_to_the_main_subject() {
    // "suggested" is Holt's; the quotation after "fired back:" is Marsh's
    let body = "When Lena Holt suggested that the mill would sue the county, Ivo Marsh \
                fired back: “If they sue us in Dayton, they are going to lose.”";
    assert_eq!(speakers(body), vec!["Ivo Marsh"]);
    // a fragment stays a quotation, the main clause's subject's
    let got = attributed(
        "While Lena Holt praised the plan as “a fine piece of work,” Ivo Marsh fixed \
         on the “pivot” line.",
    );
    assert_eq!(got[0].2, "Lena Holt");
    assert_eq!(
        (got[1].1, got[1].2.as_str()),
        (QuoteKind::Partial, "Ivo Marsh")
    );
    // a quotation inside the opening clause is still that clause's
    let got = speakers("After Lena Holt said “we are done,” Ivo Marsh left the room.");
    assert_eq!(got, vec!["Lena Holt"]);
}

#[test]
fn a_paragraph_that_is_only_a_dash_and_a_name_signs_the_quotation_above_it() {
    let body = "The two candidates clashed on the clinic and the bridge.\n\n\
                “The idea that I would close the clinic is just not accurate.”\n\n\
                - Ada Rusk.\n\n\
                “I went to the council before the flood and warned them.”\n\n\
                —Ivo Brandt, at the debate in Dover.";
    assert_eq!(speakers(body), vec!["Ada Rusk", "Ivo Brandt"]);
    // a narrator's paragraph above is signed by nobody
    let body = "Ada Rusk called the plan “a mess” on Monday.\n\n- New Dover.";
    assert_eq!(speakers(body), vec!["Ada Rusk"]);
}
