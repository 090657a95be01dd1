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
