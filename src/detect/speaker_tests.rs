//! Who is credited with a quotation, sentence shape by sentence shape: the shapes of
//! news copy the speaker rules were written for, in sentences made up for these tests.

use crate::article::{Article, Source};
use crate::detect::detect;

/// The speaker's name of each quotation of a made-up story ("" for none).
fn speakers(body: &str) -> Vec<String> {
    let text = format!("Made-up headline for a test\n\n{body}\n");
    let found = detect(&Article::from_bytes(Source::Stdin, text.as_bytes()), None);
    found
        .quotes
        .iter()
        .map(|q| {
            q.speaker
                .as_deref()
                .and_then(|id| found.speaker(id))
                .map_or(String::new(), |s| s.name.clone())
        })
        .collect()
}

#[test]
fn a_long_sentence_after_a_question_attributes_it() {
    let body = "The mayor spoke first.\n\n\
                \"Where were you last winter?\" Nell Ostrow asked, repeating a charge - \
                one the 12th ward had heard before - that she made at the council.";
    assert_eq!(speakers(body), vec!["Nell Ostrow"]);
}

#[test]
fn an_exclamation_and_an_inverted_verb_in_a_long_sentence() {
    let body = "\"Not one step back!\" shouted Bram Kettle, the leader of the marchers, \
                as the column turned towards the river and the town hall.";
    assert_eq!(speakers(body), vec!["Bram Kettle"]);
}

#[test]
fn a_sentence_after_a_plain_quotation_is_not_read_as_its_attribution() {
    // A quotation that ends with a period is whole; a long sentence after it that
    // announces something is news of its own.
    let body = "Ada Moss backs the plan with talk like \"the town will win this.\" \
                Carl Pike has also announced a kind of truce with the council, telling \
                its members to wait.";
    assert_eq!(speakers(body), vec!["Ada Moss"]);
}

#[test]
fn a_role_then_its_holder_between_commas_is_the_subject() {
    let body = "The Danish minister of fisheries, Karen Holm, spoke to reporters on \
                Monday, saying the quota might be ''agreed before the winter.''";
    assert_eq!(speakers(body), vec!["Karen Holm"]);
}

#[test]
fn a_word_before_a_quotation_is_not_the_verbs_article() {
    // "a" and "that" belong to the quoted words, so "said" after the quotation is a
    // speech verb, not a noun after an article.
    let body = "Mayor Ron Emmet faces a hard month. This is a \"raw time,\" said strategist \
                Dana Axler, a longtime ally.";
    assert_eq!(speakers(body), vec!["Dana Axler"]);
}

#[test]
fn a_source_that_signs_a_quotation_wins_over_a_verb_before_it() {
    let body = "Tomas Rey spoke on the radio. Nothing the governor said \"will ease the \
                fears of farmers,\" the Idaho senator said.\n\n\
                Surveys show that \"the public is not sure of it,\" said Lena Ortt, an editor.";
    assert_eq!(speakers(body), vec!["Idaho senator", "Lena Ortt"]);
}

#[test]
fn a_verb_after_a_quotation_that_goes_on_does_not_sign_it() {
    // "after Pell said … “…,” Ruiz said: “…”": the second verb introduces its own quotation
    let body = "After Ada Pell said that some students might do better at \"less selective \
                schools,\" Omar Ruiz said: \"I do not like what she said.\"";
    assert_eq!(speakers(body), vec!["Ada Pell", "Omar Ruiz"]);
}

/// The text of each position of a made-up story.
fn positions(body: &str) -> Vec<String> {
    let text = format!("Made-up headline for a test\n\n{body}\n");
    let found = detect(&Article::from_bytes(Source::Stdin, text.as_bytes()), None);
    found.positions.iter().map(|p| p.text.to_string()).collect()
}

#[test]
fn sources_no_entity_names_state_positions() {
    let body = "The candidates say they are not hiding from the governor.\n\n\
                Some say the river plan will flood the lower town.\n\n\
                Another ranking says the mill owner is not even the richest man in town.\n\n\
                The weather was mild and the roads were open all week.";
    assert_eq!(
        positions(body),
        [
            "The candidates say they are not hiding from the governor.",
            "Some say the river plan will flood the lower town.",
            "Another ranking says the mill owner is not even the richest man in town.",
        ]
    );
}

#[test]
fn a_passive_verb_or_a_picture_states_no_position() {
    let body = "The new levy has been compared to the old toll on the bridge.\n\n\
                The poster shows the mayor asleep at his desk with a cat.";
    assert!(positions(body).is_empty(), "{:?}", positions(body));
}

#[test]
fn what_a_study_found_is_a_position() {
    let body = "A study by the farm board found that most growers sold their wheat at a loss.";
    assert_eq!(positions(body).len(), 1);
}

#[test]
fn a_name_and_a_verb_no_list_holds_after_a_quotation_speak_it() {
    // (the verb after the name, the verb before it, and a question that ends its
    // sentence inside the marks)
    let body = "Ruth Amsel chaired the hearing.\n\n\
                \"Would you sign the accord?\" Brennan pressed. \"Even now?\"\n\n\
                \"We will never give up,\" an angry Moreau retaliated.\n\n\
                \"The plan is dead,\" reacted Kessler.";
    assert_eq!(
        speakers(body),
        vec!["Brennan", "Brennan", "Moreau", "Kessler"]
    );
    // the writer names nobody
    let body = "A judge let me go. \"This is a win for me,\" I confessed.";
    assert_eq!(speakers(body), vec![""]);
}

#[test]
fn a_past_participle_before_a_title_after_a_quotation_is_no_verb_of_its_own() {
    // "retired" opens the source's title here; the source's own verb comes after it
    let body = "Lena Ortiz \"is the one to trust,\" retired Navy captain Jon Ruiz said.";
    assert_eq!(speakers(body), vec!["Jon Ruiz"]);
}

#[test]
fn a_quotation_after_reported_speech_is_the_reporters_not_the_reported() {
    // "the Greens had never explained" is what Ola Brandt said: the quotation after it,
    // with no verb of its own, is hers
    let body = "Mayor Ola Brandt said the Greens had never explained how the tram would \
                be paid for. \"They have no plan, and they know it.\"";
    assert_eq!(speakers(body), vec!["Ola Brandt"]);
    // a second speaker of its own clause still speaks last
    let body = "Ola Brandt spoke first, and Ivo Marsh said the Greens were right. \
                \"They have a plan.\"";
    assert_eq!(speakers(body), vec!["Ivo Marsh"]);
}

#[test]
fn a_portfolio_of_two_capitalised_words_is_one_title_and_one_office() {
    let body = "The Work and Pensions Secretary told MPs the plan was sound. \"It is fair,\" \
                he said.\n\n\
                The Transport and Roads Secretary said: \"It is not.\"\n\n\
                \"We will see,\" the Pensions Secretary said.";
    assert_eq!(
        speakers(body),
        vec![
            "Work and Pensions Secretary",
            "Transport and Roads Secretary",
            "Work and Pensions Secretary"
        ]
    );
}

#[test]
fn a_body_named_by_its_noun_before_of_keeps_its_first_word() {
    let body = "The National Association of Harbour Pilots said the cut would be \"deeply \
                damaging\" to its members.";
    assert_eq!(
        speakers(body),
        vec!["National Association of Harbour Pilots"]
    );
}

#[test]
fn with_and_a_noun_phrase_before_a_participle_is_its_subject() {
    let body = "The Coast Party answered, with a party spokeswoman saying the plan was \
                \"a fantasy\" from the start.";
    assert_eq!(speakers(body), vec!["a party spokeswoman"]);
}

#[test]
fn an_inverted_speaker_after_a_quotation_with_a_role_no_list_has() {
    let body = "\"The ovens cost more to run than the bread brings in,\" said one baker, \
                Rosa Quint.\n\n\"Nobody asked us,\" said a roofer who asked not to be named.";
    assert_eq!(speakers(body), vec!["Rosa Quint", "a roofer"]);
}
