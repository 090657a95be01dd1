//! Who is credited with each quotation, end to end, in sentences made up for these
//! tests: source phrases, sentence subjects and the kinds of quotation.

use crate::article::{Article, Source};
use crate::detect::detect;
use crate::model::QuoteKind;

mod common_word_names;
mod coreference;
mod cue_nouns;
mod described_earlier;
mod group_members;
mod introduced;
mod named_descriptions;
mod questions;
mod reported_clauses;
mod serving_roles;
mod source_edges;
mod unnamed_people;
mod wire_sources;

fn article(body: &str) -> Article {
    let text = format!("Made-up headline for a test\n\n{body}\n");
    Article::from_bytes(Source::Stdin, text.as_bytes())
}

/// (quote text, kind, speaker name) for a made-up article.
fn attributed(body: &str) -> Vec<(String, QuoteKind, String)> {
    let found = detect(&article(body), None);
    found
        .quotes
        .iter()
        .map(|q| {
            let speaker = q
                .speaker
                .as_deref()
                .and_then(|id| found.speaker(id))
                .map_or(String::new(), |s| s.name.clone());
            (q.text.to_string(), q.kind, speaker)
        })
        .collect()
}

fn speakers(body: &str) -> Vec<String> {
    attributed(body).into_iter().map(|(_, _, s)| s).collect()
}

/// (speaker name, role) of each quotation of a made-up article.
fn speakers_with_roles(body: &str) -> Vec<(String, String)> {
    let found = detect(&article(body), None);
    let who = |q: &crate::model::Quote| {
        let s = q.speaker.as_deref().and_then(|id| found.speaker(id));
        let name = s.map_or(String::new(), |s| s.name.clone());
        (name, s.and_then(|s| s.role.clone()).unwrap_or_default())
    };
    found.quotes.iter().map(who).collect()
}

#[test]
fn source_after_the_quote_with_title() {
    let got = attributed("“We will keep talking,” Trade Minister Anna Berg said on Monday.");
    assert_eq!(got[0].1, QuoteKind::Direct);
    assert_eq!(got[0].2, "Anna Berg");
}

#[test]
fn inverted_source_with_appositive() {
    assert_eq!(
        speakers("“The deal is dead,” said Tom Reed, a lawyer for the union."),
        vec!["Tom Reed"]
    );
}

#[test]
fn inverted_source_a_role_then_the_name() {
    assert_eq!(
        speakers("“We are ahead,” said Holt’s deputy campaign manager, Rich Beem, who ran it."),
        vec!["Rich Beem"]
    );
    assert_eq!(
        speakers("“No,” said Dorsk’s deputy defence minister, Ivo Marek."),
        vec!["Ivo Marek"]
    );
}

#[test]
fn a_title_joined_by_and_stays_whole_before_the_name() {
    let got = speakers_with_roles(
        "“Savers will pay,” said shadow work and pensions secretary Ivo Marek.\n\n\
         Shadow trade and industry secretary Ann Bell said the plan was wrong. \
         “It is a tax on jobs,” she said.\n\n\
         “It will pass,” said the home and justice minister, Tom Reed.",
    );
    let want = [
        ("Ivo Marek", "shadow work and pensions secretary"),
        ("Ann Bell", "Shadow trade and industry secretary"),
        ("Tom Reed", "home and justice minister"),
    ];
    let got: Vec<(&str, &str)> = got.iter().map(|(n, r)| (n.as_str(), r.as_str())).collect();
    assert_eq!(got, want);
    // an abbreviated title before the "and" is part of the title
    assert_eq!(
        speakers("“It is settled,” said former Ohio Gov. and State Party Chairman Ted Brand."),
        vec!["Ted Brand"]
    );
    // two people joined by "and" stay two
    assert_eq!(
        speakers("Ann Bell and health minister Tom Reed said: “We agree.”"),
        vec!["Tom Reed"]
    );
}

#[test]
fn words_that_go_on_with_the_quotation_are_no_subject() {
    let body = "“The mood has held up,” like the swings of the markets, said Ida Pell, \
        an economist.\n\n\
        “The vote will be close,” since both sides were level in May, said Tom Reed.\n\n\
        “We have no choice” but to act now, says Ann Bell, a consultant.";
    assert_eq!(speakers(body), vec!["Ida Pell", "Tom Reed", "Ann Bell"]);
    // a name after the quotation is still the subject, past its appositive
    let body = "“We will appeal,” Tom Reed, who spoke outside court, said.";
    assert_eq!(speakers(body), vec!["Tom Reed"]);
}

#[test]
fn a_finding_inside_reported_speech_leaves_the_quotation_to_the_speaker() {
    assert_eq!(
        speakers("Ann Westby also said that Al Obi shows “great charm” in person."),
        vec!["Ann Westby"]
    );
    // an infinitive is no cue, with an adverb or without
    assert_eq!(
        speakers(
            "Rae Nance said she wants Al Obi to further explain his plan, as there is \
             “no question” he is right."
        ),
        vec!["Rae Nance"]
    );
}

#[test]
fn a_stance_verb_before_a_fragment_attributes_it() {
    let body = "The Tories dismissed the plan as “desperate and late”, while the \
                Liberal Democrats said it would cost too much.";
    assert_eq!(speakers(body), vec!["Tories"]);
    // a quotation that opens the sentence still goes to the speech verb
    assert_eq!(
        speakers("“It is late,” Jo Bell said, while Al Marr rejected the plan."),
        vec!["Jo Bell"]
    );
    // nor one that ends its clause before the speech verb
    assert_eq!(
        speakers("When Al Marr offered aid, “we were broke,” Jo Bell said."),
        vec!["Jo Bell"]
    );
}

#[test]
fn a_possessor_opens_the_role_before_a_name() {
    let body = "Marova’s trade minister, Ivan Petrov, said talks had failed.\n\n\
                The Marovan minister said: “We will act.”";
    assert_eq!(speakers(body), vec!["Ivan Petrov"]);
}

#[test]
fn a_possessor_of_two_words_opens_the_role_before_a_name() {
    let body = "Plaid Cymru's farming spokesman, Dafydd ap Rhys, said grants were late.\n\n\
                “The valleys cannot wait,” he said.";
    let got = speakers_with_roles(body);
    assert_eq!(got[0].0, "Dafydd ap Rhys");
    assert!(
        got[0].1.contains("Plaid Cymru's farming spokesman"),
        "{got:?}"
    );
}

#[test]
fn an_initialism_stays_inside_the_role_before_a_name() {
    // (so "The Dravian foreign minister" after it is no description of the mediator)
    let body = "“This is a first step,” the U.N. mediator, Ida Berg, told reporters.\n\n\
                The Dravian foreign minister said talks would go on. “The valley is one,” he said.";
    assert_eq!(speakers(body), vec!["Ida Berg", "Dravian foreign minister"]);
}

#[test]
fn a_role_with_a_complement_before_a_name_titles_the_person() {
    // (so "The Dravian foreign minister" is no description of the envoy either)
    let body = "Speaking in Orsk, the UN mediator for the river talks, Ida Berg, said the \
                closure caused “real hardship”.\n\n\
                The Dravian foreign minister told parliament that the border would stay shut.\n\n\
                “Two of our officers died,” the minister said.";
    assert_eq!(speakers(body), vec!["Ida Berg", "Dravian foreign minister"]);
}

#[test]
fn a_quotation_after_a_colon_is_the_clause_subjects() {
    let body = "“We will win,” Jo Bell said.\n\n\
                Senate leader Al Marr sent a blunt message to Bell: “It is time to stop.”";
    assert_eq!(speakers(body), vec!["Jo Bell", "Al Marr"]);
}

#[test]
fn the_subject_follows_a_time_phrase_and_a_place() {
    assert_eq!(
        speakers(
            "Hours later, Ed Tromp thanked Al Adel, telling reporters, “He is an amazing man.”"
        ),
        vec!["Ed Tromp"]
    );
    assert_eq!(
        speakers(
            "Speaking at a fair in Salem, New Hampshire, Ed Tromp went after Al Bash, \
             calling him “a total stiff.”"
        ),
        vec!["Ed Tromp"]
    );
    // a name after opening words is no place
    assert_eq!(
        speakers("But Al Obi, making it clear he was in charge, called it “a sham.”"),
        vec!["Al Obi"]
    );
}

#[test]
fn partial_quote_inside_reported_speech() {
    let got = attributed("Ivo Kern said the plan would “lead to ruin” within a year.");
    assert_eq!(got[0].1, QuoteKind::Partial);
    assert_eq!(got[0].2, "Ivo Kern");
}

#[test]
fn terms_have_no_speaker() {
    let got = attributed("The so-called “open skies” rule ended in May.");
    assert_eq!(got[0].1, QuoteKind::Term);
    assert_eq!(got[0].2, "");
    let got = attributed("She hosts a show called “Morning Coffee” on weekdays.");
    assert_eq!(got[0].1, QuoteKind::Term);
}

#[test]
fn quoted_numbers_handles_and_markup_values_are_terms() {
    let body = "<post id=\"7741\" by=\"Ann Lee\">Ann Lee said the vote was \"2016-08-23\", \
                not \"@annlee\" or \"\", she said.";
    let got = attributed(body);
    assert_eq!(got.len(), 5, "{got:?}");
    assert!(got.iter().all(|(_, k, _)| *k == QuoteKind::Term), "{got:?}");
    // words in the same place are still speech
    let got = attributed("Ann Lee said the vote was \"a farce\", she said.");
    assert_eq!(got[0].1, QuoteKind::Partial);
}

#[test]
fn a_short_phrase_after_a_determiner_in_a_sentence_without_a_cue_is_a_term() {
    // nobody is said to say these: the story names a thing in someone else's words
    for body in [
        "The two states have been wary of each other since their “quiet split” in 1993.",
        "Growers have grown tired of the “border queue” at the crossing.",
        "The row revived memories of the old “salt wars” with Norway.",
        "Both capitals are keen to resume a “working dialogue” on trade.",
    ] {
        let got = attributed(body);
        assert_eq!(
            (got[0].1, got[0].2.as_str()),
            (QuoteKind::Term, ""),
            "{body}"
        );
    }
    // a cue in the sentence keeps the phrase someone's words
    let got = attributed("Ann Lee accused the board of running a “reckless scheme” for years.");
    assert_eq!(got[0].1, QuoteKind::Partial);
    // and a fragment with no determiner before it stays a fragment
    let got = attributed("The growers want the queue gone, “and soon”, before the harvest.");
    assert_eq!(got[0].1, QuoteKind::Partial);
}

#[test]
fn called_names_after_a_noun_and_quotes_after_a_speaker() {
    let got = attributed("She hosts a show called “Night Owls,” which airs late.");
    assert_eq!(got[0].1, QuoteKind::Term);
    let got = attributed("The plan is what Mayor Ruth Adler called “a disgrace.”");
    assert_eq!(
        (got[0].1, got[0].2.as_str()),
        (QuoteKind::Partial, "Ruth Adler")
    );
}

#[test]
fn a_title_keeps_the_sentence_comma_inside_its_marks() {
    let got = attributed("He spoke on “Meet the Voters,” the Sunday program, on May 2.");
    assert_eq!(got[0].1, QuoteKind::Term);
}

#[test]
fn member_states_do_not_speak() {
    let body = "A source said the bloc would continue to press member states to act \
                if the tax passed “with no delay.”";
    assert_eq!(speakers(body), vec!["a source"]);
}

#[test]
fn a_lower_case_fragment_is_the_words_of_the_sentence_subject() {
    let body = "Union leader Maria Lopez spoke in Leeds.\n\n\
                Lopez then turned to the “broken promises of the board” and left.\n\n\
                The mayor had a “Plan B” ready.";
    let got = attributed(body);
    assert_eq!(got[0].1, QuoteKind::Partial);
    assert_eq!(got[0].2, "Maria Lopez");
    // capitalised, it is a name
    assert_eq!(got[1].1, QuoteKind::Term);
}

#[test]
fn a_participle_after_an_opening_phrase_takes_the_subject() {
    let body = "Before the vote, Mayor Ruth Adler lobbied the council, saying, \
                “We need this road.”\n\n\
                Then Sam Ortiz went on the attack, saying “it is a waste.”";
    assert_eq!(speakers(body), vec!["Ruth Adler", "Sam Ortiz"]);
    let body = "On Thursday, after a long wait, Ann Lee appeared on the radio, \
                saying, “I am running.”\n\n\
                Speaking later in Leeds, Tom Reed agreed, calling it “a fine day for us.”";
    assert_eq!(speakers(body), vec!["Ann Lee", "Tom Reed"]);
}

#[test]
fn a_participle_or_adverb_opening_the_sentence_is_no_name() {
    let body = "Facing mounting criticism, Mayor Ruth Adler released a statement \
                calling the report “deeply unfair.”\n\n\
                Shortly after the vote ended, Sam Ortiz called it “a sad day.”\n\n\
                Informed of the result, Ann Lee described it as “news to me.”";
    assert_eq!(speakers(body), vec!["Ruth Adler", "Sam Ortiz", "Ann Lee"]);
    // a short name before a preposition still opens the sentence's subject
    let body = "Kelly of Ohio called the plan “a disgrace.”";
    assert_eq!(speakers(body), vec!["Kelly of Ohio"]);
}

#[test]
fn verbs_of_manner_attribute_too() {
    assert_eq!(
        speakers("“This is fantastic!” beamed Tom Reed of Leeds."),
        vec!["Tom Reed"]
    );
}

#[test]
fn a_dash_signature_may_end_with_the_period() {
    let body = "“We are here to stay and we will vote.”― Ana Ruiz.";
    assert_eq!(speakers(body), vec!["Ana Ruiz"]);
}

#[test]
fn quoted_as_saying_and_according_to() {
    let body = "“No,” the agency quoted Deputy Mayor Ruth Adler as saying.\n\n\
                The city will “never give in”, according to Mayor Sam Ortiz.";
    assert_eq!(speakers(body), vec!["Ruth Adler", "Sam Ortiz"]);
    // a pronoun after "according to" is the person met before
    let body = "Ruth Adler, a city official, rejected the charge. According to her, the \
                city “has already paid every bill”.";
    assert_eq!(speakers(body), vec!["Ruth Adler"]);
}

#[test]
fn two_apostrophes_quote_and_an_initial() {
    assert_eq!(
        speakers("''It works,'' said Ronald T. Bell of the institute."),
        vec!["Ronald T. Bell"]
    );
}

#[test]
fn a_name_set_off_by_a_dash_before_a_colon_labels_the_quotation() {
    let body = "Polls were early - Ida Pell: “Keep calling voters as late as you can.”\n\n\
                FERRY FARES TOO HIGH - Ann Lee and Tom Reed: “The fares rose twice.”";
    assert_eq!(speakers(body), vec!["Ida Pell", "Tom Reed"]);
}

#[test]
fn a_dashed_label_outranks_a_cue_before_the_dash() {
    let body = "Analysts agree - Dana Whitfield: “Keep calling voters until the last day.”\n\n\
                The surveys predicted a tie - PollWatch: “The late swing was in the west.”";
    assert_eq!(speakers(body), vec!["Dana Whitfield", "PollWatch"]);
}

#[test]
fn a_label_after_a_quotation_or_a_sentence_end_names_the_next_speaker() {
    let body = "Rita Lopez met Ben Whitaker to talk about the plan.\n\n\
                Lopez: “Our aim is to end the program.” Whitaker: “The program has to go.”\n\n\
                The council voted on Friday. Rita Lopez: “We won.”";
    assert_eq!(
        speakers(body),
        vec!["Rita Lopez", "Ben Whitaker", "Rita Lopez"]
    );
    // the dot of a title ends no sentence: the clause's subject speaks
    let body = "Ann Vega, a former aide, said of Mr. Reed: “He is a careful man.”";
    assert_eq!(speakers(body), vec!["Ann Vega"]);
    // one capitalised word never met before labels nothing
    let body = "Fees rose again this year.\n\nUpdate: “The fee was cut on Monday.”";
    assert_eq!(speakers(body), vec![""]);
}

#[test]
fn a_name_after_a_role_before_a_colon_speaks_when_the_subject_is_nobody() {
    let body = "The timing of the surge does not surprise pollster Ed Shaw: \
                “Lesser-known candidates see the biggest boost.”";
    assert_eq!(speakers(body), vec!["Ed Shaw"]);
    // a subject who is someone keeps the quotation
    let body = "Senate leader Al Marr sent a message to envoy Jo Bell: “Stop.”";
    assert_eq!(speakers(body), vec!["Al Marr"]);
}

#[test]
fn a_role_with_a_verb_s_form_before_its_noun_still_names_its_holder() {
    let body = "In early May, Brask's Ohio state director, Mike Rollo, wrote to the firm, \
                saying in an email: “We want to use this soon.”\n\n\
                One early backer, Lee Dunn, gave the idea a whirl on Tuesday: \
                “The mayor is a crook.”";
    assert_eq!(speakers(body), vec!["Mike Rollo", "Lee Dunn"]);
}

#[test]
fn a_cue_inside_an_opening_clause_is_that_clause_s_subject_s() {
    let body = "Tom Marr and Ann Hale met voters on Monday.\n\n\
                When Ann Hale tried to defend her remarks calling the tax “a fair deal” \
                to the crowd in the hall, Tom Marr differed.\n\n\
                When asked whom she backed, Ms. Dorn smiled and said, “I am waiting.”";
    assert_eq!(speakers(body), vec!["Ann Hale", "Dorn"]);
}

#[test]
fn remembered_after_a_quotation_names_its_speaker() {
    let body = "Ann Lee ran the firm then.\n\n\
                \"Every analyst said no, and she went ahead,\" remembered Tom Reed, \
                the firm's former spokesman.";
    assert_eq!(speakers(body), vec!["Tom Reed"]);
}
