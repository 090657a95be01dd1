//! Source phrases that a word next to them once hid: a word before a verb's comma, a
//! capitalised title that is also a verb, the town and age after a name, "to" before
//! an infinitive that introduces a quotation.

use super::speakers;

#[test]
fn a_verb_after_a_comma_is_not_the_noun_of_the_word_before_it() {
    let body = "“Most would call that a defeat” if the mayor wins by less than that, said \
                Ilse Varga, an analyst at the Valley Report.";
    assert_eq!(speakers(body), vec!["Ilse Varga"]);
}

#[test]
fn a_capitalised_title_after_said_opens_the_name() {
    let body = "“We are ready to talk,” said State Senator Karl Aberg, Democrat of Ardela.";
    assert_eq!(speakers(body), vec!["Karl Aberg"]);
}

#[test]
fn the_town_after_a_name_and_age_is_no_speaker() {
    let body = "Ona Rask, 45, of Lund said the plan was “a disgrace.”";
    assert_eq!(speakers(body), vec!["Ona Rask"]);
    let body = "Stacy Bel of Lund, Ardela says she will back Holm if she keeps “doing what \
                she is doing.”";
    assert_eq!(speakers(body), vec!["Stacy Bel"]);
}

#[test]
fn an_infinitive_before_a_quotation_s_comma_speaks_for_the_subject() {
    let body = "The hearing was so calm that Mr. Tarn was prompted to say, “So far, nobody \
                has shouted.”";
    assert_eq!(speakers(body), vec!["Tarn"]);
    let body = "Rolf Bryde went on to say: “The port will stay open.”";
    assert_eq!(speakers(body), vec!["Rolf Bryde"]);
}
