//! Whole stories, written for these tests with invented names, that check coreference
//! across paragraphs and quotations left open: who is credited with each quotation.

use crate::article::{Article, Source};
use crate::detect::detect;

/// (quotation, speaker name) of what [`credited`] found, to compare with a list.
fn quotation_and_speaker(got: &[(String, String, String)]) -> Vec<(&str, &str)> {
    got.iter()
        .map(|(q, s, _)| (q.as_str(), s.as_str()))
        .collect()
}

/// (quotation, speaker name, speaker role) for each quotation of a story.
fn credited(story: &str) -> Vec<(String, String, String)> {
    let found = detect(&Article::from_bytes(Source::Stdin, story.as_bytes()), None);
    found
        .quotes
        .iter()
        .map(|q| {
            let s = q.speaker.as_deref().and_then(|id| found.speaker(id));
            (
                q.text.to_string(),
                s.map_or(String::new(), |s| s.name.clone()),
                s.and_then(|s| s.role.clone()).unwrap_or_default(),
            )
        })
        .collect()
}

const STRIKE: &str = "Brantwell workers vote to strike as pay talks fail\n\n\
    Workers at Brantwell Foods voted on Tuesday to strike from next week.\n\n\
    \"Our members have waited three years for a fair offer,\" said Dana Okafor, the \
    local's president. \"They are not waiting any longer.\"\n\n\
    She said the company had refused to move on overtime rates. \"Brantwell made record \
    profits and still wants a cut,\" Okafor said.\n\n\
    \"We regret the decision,\" said Priya Landry, the company's spokeswoman.\n\n\
    The union's president said the offer did not cover inflation. \"Three percent is a \
    pay cut,\" she said.\n\n\
    Mr Tobias Renn, Brantwell's chief executive, told analysts the strike would cost \
    little. \"We expect no disruption,\" he said.\n\n\
    \"Our customers will not notice.\"\n";

#[test]
fn a_strike_story_credits_pronouns_surnames_and_continuations_to_the_named_speaker() {
    let got = credited(STRIKE);
    let who = quotation_and_speaker(&got);
    assert_eq!(
        who,
        vec![
            (
                "\"Our members have waited three years for a fair offer,\"",
                "Dana Okafor"
            ),
            ("\"They are not waiting any longer.\"", "Dana Okafor"),
            (
                "\"Brantwell made record profits and still wants a cut,\"",
                "Dana Okafor"
            ),
            ("\"We regret the decision,\"", "Priya Landry"),
            ("\"Three percent is a pay cut,\"", "Dana Okafor"),
            ("\"We expect no disruption,\"", "Tobias Renn"),
            ("\"Our customers will not notice.\"", "Tobias Renn"),
        ]
    );
    // a spokeswoman of an organisation is a person, the organisation in her role
    assert_eq!(got[3].2, "the company's spokeswoman");
    // "Mr" is no role
    assert!(got[5].2.is_empty(), "{:?}", got[5]);
}

const BROADCAST: &str = "Minister defends rail plan\n\n\
    Transport Secretary Ines Calder said the plan was sound. Ms Calder said: \"We have \
    costed every line. \"We will publish the sums in May and the House can judge \
    them.\" She said the critics had not read it. \"Nobody who has read it doubts it.\" \
    The shadow transport secretary, Owen Pryce, said: \"It is a fantasy.\"\n";

#[test]
fn a_broadcast_story_run_together_keeps_each_quotation_and_its_speaker() {
    let got = credited(BROADCAST);
    let who = quotation_and_speaker(&got);
    assert_eq!(
        who,
        vec![
            ("\"We have costed every line.", "Ines Calder"),
            (
                "\"We will publish the sums in May and the House can judge them.\"",
                "Ines Calder"
            ),
            ("\"Nobody who has read it doubts it.\"", "Ines Calder"),
            ("\"It is a fantasy.\"", "Owen Pryce"),
        ]
    );
    // the role set off before the name is the speaker's role
    assert_eq!(got[3].2, "shadow transport secretary");
}

const SCHOOLS: &str = "Opposition attacks school funding\n\n\
    Robert Hallam has accused the government of breaking its promise on schools.\n\n\
    The Tory leader told a conference in Leeds that classes had grown. \"This \
    government has failed a generation,\" he said.\n\n\
    Education Secretary Ruth Kelby is due to publish the figures on Friday.\n\n\
    The education secretary said: \"We have put more into schools than anyone.\"\n\n\
    The shadow education secretary said: \"The sums do not add up.\"\n\n\
    A union spokeswoman said the figures were misleading. Prime Minister Anthony \
    Wexford is expected to reply on Wednesday.\n\n\
    In a speech in Hull, he will say: \"We have turned the corner.\"\n\n\
    The plan was rejected by Mr Hallam, who said: \"It is too little, too late.\"\n";

#[test]
fn descriptions_relatives_and_pronouns_find_the_person_they_name() {
    let got = credited(SCHOOLS);
    let who = quotation_and_speaker(&got);
    assert_eq!(
        who,
        vec![
            // "The Tory leader" just after the untitled "Robert Hallam" is he
            (
                "\"This government has failed a generation,\"",
                "Robert Hallam"
            ),
            // "the education secretary": the title met with her name, before she spoke
            (
                "\"We have put more into schools than anyone.\"",
                "Ruth Kelby"
            ),
            // a title with a word hers lacks is someone else's
            ("\"The sums do not add up.\"", "shadow education secretary"),
            // "he" skips the spokeswoman for the man named after her
            ("\"We have turned the corner.\"", "Anthony Wexford"),
            // "…, who said" is the one before the comma
            ("\"It is too little, too late.\"", "Robert Hallam"),
        ]
    );
    assert_eq!(got[1].2, "Education Secretary");
}

const MISSION: &str = "Visiting lawmaker doubts trade deal\n\n\
    Visiting Congressman Tom Arlow said the deal would not pass this year.\n\n\
    \"I do not believe we will vote for it,\" the Ohio Republican said on Tuesday.\n\n\
    \"The review is wrong,\" said an official at Freedonia's trade institute. \"It \
    belongs to another age,\" the institute official said.\n\n\
    \"We will wait,\" said a spokesman at a news conference.\n";

#[test]
fn a_party_member_is_the_lawmaker_just_named_and_an_official_keeps_his_body() {
    let got = credited(MISSION);
    let who = quotation_and_speaker(&got);
    assert_eq!(
        who,
        vec![
            ("\"I do not believe we will vote for it,\"", "Tom Arlow"),
            (
                "\"The review is wrong,\"",
                "an official at Freedonia's trade institute"
            ),
            (
                "\"It belongs to another age,\"",
                "an official at Freedonia's trade institute"
            ),
            // where one speaks is no body one speaks for
            ("\"We will wait,\"", "a spokesman"),
        ]
    );
}

const DEPOT: &str = "Bus drivers walk out\n\n\
    Members of the Harbour Drivers Union walked out at dawn on Monday.\n\n\
    \"Nobody wanted this,\" the union said in a statement.\n\n\
    \"We are ready to talk,\" said a spokeswoman for the company.\n";

#[test]
fn the_union_is_the_union_named_before_it() {
    let got = credited(DEPOT);
    let who = quotation_and_speaker(&got);
    assert_eq!(
        who,
        vec![
            ("\"Nobody wanted this,\"", "Harbour Drivers Union"),
            ("\"We are ready to talk,\"", "a spokeswoman for the company"),
        ]
    );
}

const PARTY_ROW: &str = "Crane rejects pensions claim\n\n\
    The prime minister said on Saturday that the claims were \"nonsense\".\n\n\
    Prime Minister Edward Crane later told reporters: \"Our record speaks for itself.\"\n\n\
    Labour's Anna Kendal has rejected claims of school cuts. The education secretary \
    said: \"There will be no cuts.\"\n\n\
    Tory spokesman Ian Fox said the government was \"in chaos\".\n\n\
    The Lib Dems will look at the plan, but Tory Ruth Fox said her party offered a \
    \"clear choice\". The Conservative Party Co-Chairman said Labour had \"done nothing\".\n\n\
    Mr Dean's memoir claims that Ms Bell told Mr Dean: \"I could never trust you.\" \
    Mr Dean denied that quote on Wednesday.\n\n\
    A spokesman for Number 10 said: \"She has our full support.\"\n";

#[test]
fn a_party_story_ties_descriptions_to_people_named_before_or_after_them() {
    let got = credited(PARTY_ROW);
    let who = quotation_and_speaker(&got);
    assert_eq!(
        who,
        vec![
            // a description said before the name joins the name the article gives later
            ("\"nonsense\"", "Edward Crane"),
            ("\"Our record speaks for itself.\"", "Edward Crane"),
            // a party before a name is no title: the office goes to the person just named
            ("\"There will be no cuts.\"", "Anna Kendal"),
            // a surname that is also a network's name is still a person's
            ("\"in chaos\"", "Ian Fox"),
            ("\"clear choice\"", "Ruth Fox"),
            // a prefixed office ("co-chairman") goes to the person just named
            ("\"done nothing\"", "Ruth Fox"),
            // a quotation a colon introduces keeps that attribution, not the next
            // sentence's
            ("\"I could never trust you.\"", "Bell"),
            ("\"She has our full support.\"", "a spokesman for Number"),
        ]
    );
    assert_eq!(got[0].2, "Prime Minister");
    // a word before a number names no person
    assert!(got.iter().all(|(_, s, _)| s != "Number"));
}
