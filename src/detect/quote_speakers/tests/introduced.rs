//! Quotations introduced by the sentence before them: a paragraph that closes on a
//! colon, and attribution tails after a question or exclamation.

use super::speakers;

#[test]
fn a_paragraph_closing_on_a_colon_without_a_speech_verb_gives_its_subject_the_next_quotation() {
    let body = "Rosa Quill chaired the board for a decade. “We are ready,” Ivo Mertz said.\n\n\
                When the mill closed in 1998, Mayor Quill released the following statement:\n\n\
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
