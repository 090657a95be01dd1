//! Questions and answers: the one who asks in the passive ("was asked by host X"), and
//! the answer after a sentence opened by "Asked …", the subject after an auxiliary
//! that opens a question ("Does Ruth Fenn …?").

use super::speakers;

#[test]
fn a_question_asked_in_the_passive_is_the_askers() {
    let body = "Ruth Fenn was asked by host Carl Bode, who has backed her before, \
                “Are you tired of the questions about the budget?”";
    assert_eq!(speakers(body), vec!["Carl Bode"]);
    let body = "Ruth Fenn was asked by moderator Carl Bode whether the plan would risk \
                “adding one more costly program to a strained budget.”";
    assert_eq!(speakers(body), vec!["Carl Bode"]);
    // the asker after "by" is no speaker of a quotation that closes with its own
    let body = "“We are not done,” Ruth Fenn said when she was asked by reporters about \
                the plan.";
    assert_eq!(speakers(body), vec!["Ruth Fenn"]);
}

#[test]
fn a_sentence_opened_by_asked_has_its_main_subject_answer() {
    let body = "Asked about the merger, Ruth Fenn shook her head and said, “No.”";
    assert_eq!(speakers(body), vec!["Ruth Fenn"]);
    let body = "Asked on Friday whether Mr. Bode would stay on the board for another \
                year, Ruth Fenn shook her head and said, “No.”";
    assert_eq!(speakers(body), vec!["Ruth Fenn"]);
}

#[test]
fn an_auxiliary_that_opens_a_question_is_no_part_of_the_name() {
    let body = "Does Ruth Fenn regret the vote? “Not for a minute,” Ruth Fenn said.";
    assert_eq!(speakers(body), vec!["Ruth Fenn"]);
    let body = "Was Carl Bode told of the cuts? He said, “Nobody told me a thing.”\n\n\
                Like Bode, Ruth Fenn wrote that the cuts were “a shock to us all.”";
    assert_eq!(speakers(body), vec!["Carl Bode", "Ruth Fenn"]);
}
