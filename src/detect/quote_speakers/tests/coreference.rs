//! Later mentions (pronouns, surnames, roles, descriptions) and quotations that run
//! over paragraphs credited to the speaker named before, end to end.

use super::{article, attributed, speakers};
use crate::detect::detect;
use crate::model::QuoteKind;

#[test]
fn an_owned_description_refers_back_only_to_a_holder_of_its_owner() {
    let body = "Tory spokesman Ed Pask said: “The plan is dead.”\n\n\
        The prime minister's official spokesman said: “The plan will go ahead.”\n\n\
        Labour's health spokesman Ann Bell said: “It is sound.”\n\n\
        The party's spokesman said: “We stand by it.”\n\n\
        Hale spokesman Jim Ware said: “The senator is away.”\n\n\
        The senator's spokesman said: “He will vote no.”";
    assert_eq!(
        speakers(body),
        vec![
            "Ed Pask",
            "prime minister's official spokesman",
            "Ann Bell",
            "Ann Bell",
            "Jim Ware",
            "Jim Ware"
        ]
    );
}

#[test]
fn the_minister_may_be_a_secretary_named_since() {
    let body = "Prime Minister Tom Hale opened the debate on schools.\n\n\
                Education Secretary Ruth Kemp said the critics were wrong. \
                The minister said: “We have the evidence.”\n\n\
                The prime minister said: “We will win.”";
    assert_eq!(speakers(body), vec!["Ruth Kemp", "Tom Hale"]);
}

#[test]
fn pronouns_and_surnames_resolve_to_the_last_named_speaker() {
    let body = "Union leader Maria Lopez said the strike would go on.\n\n\
                “We are not going back,” she said.\n\n\
                “Not this year,” Lopez added.";
    assert_eq!(speakers(body), vec!["Maria Lopez", "Maria Lopez"]);
}

#[test]
fn floating_quote_inherits_the_speaker_before_it() {
    let body = "“Prices will fall,” the central bank governor, Ivo Kern, told reporters.\n\n\
                “Nobody should panic about the next quarter.”";
    assert_eq!(speakers(body), vec!["Ivo Kern", "Ivo Kern"]);
}

#[test]
fn multi_paragraph_quote_shares_its_speaker() {
    let body = "“The first part of what I have to say runs long.\n\n\
                “And the second part ends here,” Ivo Kern said.";
    let got = attributed(body);
    assert_eq!(got.len(), 2);
    assert!(got.iter().all(|(_, _, s)| s == "Ivo Kern"), "{got:?}");
}

#[test]
fn paragraphs_of_one_quotation_run_together_share_its_speaker() {
    // Broadcast copy whose paragraphs ran into one line: the first paragraph of the
    // quotation is left open, the second opens in the same line.
    let body = "Ms Verity said: \"We have doubled the grant. \"We will double it again \
                by May.\" She said the sums were sound. \"Nobody doubts it.\"";
    let got = attributed(body);
    let texts: Vec<&str> = got.iter().map(|(t, _, _)| t.as_str()).collect();
    assert_eq!(
        texts,
        vec![
            "\"We have doubled the grant.",
            "\"We will double it again by May.\"",
            "\"Nobody doubts it.\""
        ]
    );
    assert!(
        got.iter()
            .all(|(_, k, s)| *k == QuoteKind::Direct && s == "Verity"),
        "{got:?}"
    );
}

#[test]
fn capitalised_titles_are_descriptions_of_the_one_who_holds_them() {
    // A party-politics story (invented): titles in capitals refer back to the
    // minister; a title met with a full name is the role of "Mrs X" later.
    let body = "Health Secretary Ann Verity said the plan would work.\n\n\
                \"We will deliver,\" the Health Secretary said.\n\n\
                \"It is a fantasy,\" said the Conservative Party Co-Chairman.\n\n\
                \"No comment,\" said Mrs Verity.";
    let found = detect(&article(body), None);
    let names: Vec<(&str, Option<&str>)> = found
        .speakers
        .iter()
        .map(|s| (s.name.as_str(), s.role.as_deref()))
        .collect();
    assert_eq!(
        names,
        vec![
            ("Ann Verity", Some("Health Secretary")),
            ("Conservative Party Co-Chairman", None)
        ]
    );
    assert_eq!(
        speakers(body),
        vec!["Ann Verity", "Conservative Party Co-Chairman", "Ann Verity"]
    );
}

#[test]
fn an_indefinite_description_is_someone_new_and_an_honorific_no_role() {
    let body = "\"She is behind,\" said an Ashford Democrat.\n\n\
                \"It is over,\" said one Kelby Democrat.\n\n\
                Prime Minister Robert Haldane spoke in Leeds.\n\n\
                \"The sums do not add up,\" Mr Haldane said.";
    let found = detect(&article(body), None);
    let names: Vec<(&str, Option<&str>)> = found
        .speakers
        .iter()
        .map(|s| (s.name.as_str(), s.role.as_deref()))
        .collect();
    assert_eq!(
        names,
        vec![
            ("Ashford Democrat", None),
            ("Kelby Democrat", None),
            ("Robert Haldane", Some("Prime Minister"))
        ]
    );
}

#[test]
fn a_description_corefers_to_the_named_speaker_with_that_role() {
    let body = "Indian External Affairs Minister Priya Sharma said her government \
                would raise the issue.\n\n\
                “There is no deal yet,” the Indian minister said.";
    let found = detect(&article(body), None);
    let names: Vec<&str> = found.speakers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, vec!["Priya Sharma"]);
    assert_eq!(speakers(body), vec!["Priya Sharma"]);
}

#[test]
fn an_appositive_title_and_a_month_are_not_speakers() {
    let body = "Sir Roy Dunn, Head of the Freedonian Delegation in Geneva, said the bill \
                was a mistake.\n\n\
                “It will not pass,” he told reporters.\n\n\
                Trade Secretary Ann Cole said a report issued in December calling for \
                lower tariffs was right.\n\n\
                “We agree,” she said.";
    assert_eq!(speakers(body), vec!["Roy Dunn", "Ann Cole"]);
}

#[test]
fn a_floating_quote_after_reported_speech_is_that_speaker_s() {
    let body = "“We will win this,” Mayor Ruth Adler said.\n\n\
                Or the race may go to the council, analyst Ivo Kern said.\n\n\
                “Nobody should expect a quick result in a race this close.”";
    assert_eq!(speakers(body), vec!["Ruth Adler", "Ivo Kern"]);
}

#[test]
fn roles_resolve_to_the_speaker_who_holds_them() {
    let body = "“We disagree,” Foreign Ministry spokesman Li Wen said.\n\n\
                “The matter is closed,” the spokesman said.";
    assert_eq!(speakers(body), vec!["Li Wen", "Li Wen"]);
}

#[test]
fn a_pronoun_after_a_report_goes_back_to_the_reporter_not_the_one_reported() {
    // the mayor is mentioned last, inside what the spokeswoman reported
    let body = "A spokeswoman for the Harbour Board said the mayor had asked both firms \
                to meet. “The board expects both firms to take part,” she said.";
    assert_eq!(speakers(body), vec!["a spokeswoman for the Harbour Board"]);
    let body = "Ivo Brandt said Tom Reed had told the council to wait. “We will not wait,” \
                he said.";
    assert_eq!(speakers(body), vec!["Ivo Brandt"]);
}

#[test]
fn one_of_them_is_the_group_just_named() {
    let body = "Harbour workers said the cranes stood idle.\n\n\
        Three foreign analysts said the talks had stalled. “Nobody wants to blink first,” \
        one of them said.";
    assert_eq!(speakers(body), vec!["Three foreign analysts"]);
}

#[test]
fn a_capitalised_word_after_in_is_where_a_source_is() {
    let body = "Foreign analysts in Velmora said the talks had stalled. “Nobody wants to \
        blink first,” one of them said.";
    assert_eq!(speakers(body), vec!["Foreign analysts in Velmora"]);
    let body = "“The cranes are idle,” said a union organiser at Brinsford.";
    assert_eq!(speakers(body), vec!["a union organiser at Brinsford"]);
}
