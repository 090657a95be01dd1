use super::*;
use crate::detect::quotes::pair_quotes;
use crate::detect::words::words;

fn quotes_and_words(s: &str) -> (Vec<Range<usize>>, Vec<Word>) {
    let q: Vec<Range<usize>> = pair_quotes(s, 0..s.len())
        .into_iter()
        .map(|q| q.range)
        .collect();
    let outside: Vec<Word> = words(s, 0..s.len())
        .into_iter()
        .filter(|w| !q.iter().any(|r| r.start <= w.start && w.end <= r.end))
        .collect();
    (q, outside)
}

fn cues(s: &str) -> Vec<(String, Option<String>)> {
    let (q, outside) = quotes_and_words(s);
    let mut found = Vec::new();
    find_cues(s, &outside, &q, &mut found);
    found
        .into_iter()
        .map(|c| (c.verb.to_string(), c.source.map(|r| s[r].to_string())))
        .collect()
}

#[test]
fn source_before_the_verb() {
    assert_eq!(
        cues("“We won,” Foreign Office spokesman Jane Doe said on Tuesday."),
        vec![(
            "said".into(),
            Some("Foreign Office spokesman Jane Doe".into())
        )]
    );
    assert_eq!(
        cues("Jane Doe, who led the talks, said they went well."),
        vec![("said".into(), Some("Jane Doe".into()))]
    );
}

#[test]
fn appositives_with_places_are_skipped_before_the_verb() {
    assert_eq!(
        cues("Lee, during a meeting in Dover, Delaware, said it was over."),
        vec![("said".into(), Some("Lee".into()))]
    );
    assert_eq!(
        cues("In an interview, Ann Holt, a former vice president of sales, said no."),
        vec![("said".into(), Some("Ann Holt".into()))]
    );
    assert_eq!(
        cues("Sir Roy Dunn, Head of the Delegation in Geneva, said no."),
        vec![("said".into(), Some("Sir Roy Dunn".into()))]
    );
    // an age, and a place with its state abbreviated
    assert_eq!(
        cues("“No,” Ida Pell, 67, a retired nurse in Dover, Del., said on Monday."),
        vec![("said".into(), Some("Ida Pell".into()))]
    );
}

#[test]
fn an_appositive_without_its_closing_comma() {
    assert_eq!(
        cues("“We will not,” Jim Mill, president of the growers said.")[0],
        ("said".into(), Some("Jim Mill".into()))
    );
    // an opening phrase is no name
    assert_eq!(
        cues("In Washington, the minister said no.")[0],
        ("said".into(), Some("the minister".into()))
    );
}

#[test]
fn once_before_the_verb_is_an_adverb() {
    assert_eq!(
        cues("Famed fight doctor Ed Pask once said: “Clay was born here.”"),
        vec![("said".into(), Some("Famed fight doctor Ed Pask".into()))]
    );
}

#[test]
fn an_adverb_after_an_appositive_is_no_subject() {
    assert_eq!(
        cues("Rob Hale, the party's leader, later said the plan had “failed”."),
        vec![("said".into(), Some("Rob Hale".into()))]
    );
}

#[test]
fn source_after_the_verb() {
    assert_eq!(
        cues("“We won,” said Jane Doe, a spokeswoman for the group."),
        vec![(
            "said".into(),
            Some("Jane Doe, a spokeswoman for the group".into())
        )]
    );
    assert_eq!(
        cues("Prices rose, according to the ministry."),
        vec![("according".into(), Some("the ministry".into()))]
    );
    assert_eq!(
        cues("“No,” said one official, adding that Acme would pay.")[0],
        ("said".into(), Some("one official".into()))
    );
    assert_eq!(
        cues("But she added: “It is late.”")[0],
        ("added".into(), Some("she".into()))
    );
    assert_eq!(
        cues("Acme stopped imposing what the union called “curbs”.")[0],
        ("called".into(), Some("the union".into()))
    );
    // a single comma after an opening "According to X" starts the main clause
    assert_eq!(
        cues("According to Roe, Doe wants three British firms named.")[0],
        ("according".into(), Some("Roe".into()))
    );
    assert_eq!(
        cues("According to Roe, a British trader, prices rose."),
        vec![("according".into(), Some("Roe, a British trader".into()))]
    );
}

#[test]
fn a_capitalised_title_after_the_verb_opens_the_source() {
    // "state" is a speech verb and "State" a title before a name
    assert_eq!(
        cues("“We are ready,” said State Senator Karl Aberg, Democrat of Ardela."),
        vec![(
            "said".into(),
            Some("State Senator Karl Aberg, Democrat of Ardela".into())
        )]
    );
    // (a lower-case verb form there still ends the source: "said that")
    assert_eq!(
        cues("“No,” said that state's governor.")[0],
        ("said".into(), None)
    );
}

#[test]
fn a_speech_verb_after_a_modal_quotes_nobody_beside_a_reporting_verb() {
    let verbs = |s: &str| {
        let (q, outside) = quotes_and_words(s);
        let mut found = Vec::new();
        find_cues(s, &outside, &q, &mut found);
        found
            .into_iter()
            .filter(|c| c.kind == CueKind::Speech)
            .map(|c| c.verb.to_string())
            .collect::<Vec<_>>()
    };
    // "respond" tells what the government would do: the minister said the words
    assert_eq!(
        verbs("Minister Ana Pell said her government would respond “calmly” to threats."),
        vec!["said".to_string()]
    );
    assert_eq!(
        verbs("Tom Vask said voters will not say “yes” to the plan."),
        vec!["said".to_string()]
    );
    // alone, or as narrative past ("would later call"), the verb still reports
    assert_eq!(
        verbs("Pell would call the plan “a fantasy.”"),
        vec!["call".to_string()]
    );
    assert_eq!(
        verbs("Vask said the deal was done, and Pell would later call it “a fantasy.”"),
        vec!["said".to_string(), "call".to_string()]
    );
    // reported from after it, past a quotation
    assert_eq!(
        verbs("Pell will not say “yes” to that, Vask added."),
        vec!["added".to_string()]
    );
    // the sentence's own verb, before a later one that reports other words
    assert_eq!(
        verbs("Critics would argue that most voters think the port is on the “wrong course”."),
        vec!["argue".to_string(), "think".to_string()]
    );
}

#[test]
fn the_place_a_person_is_from_is_no_subject() {
    assert_eq!(
        cues("Ona Rask, 45, of Lund said the plan was “a disgrace.”")[0],
        ("said".into(), Some("Ona Rask".into()))
    );
    // the state after the town, without its closing comma
    assert_eq!(
        cues("Stacy Bel of Lund, Ardela says she backs “the plan.”")[0],
        ("says".into(), Some("Stacy Bel of Lund".into()))
    );
    // (a place after a phrase that names no one is still the subject)
    assert_eq!(
        cues("Opening a debate in the House of Lords, Vell said it would “wait.”")[0],
        ("said".into(), Some("Vell".into()))
    );
    // (a place after a sentence's opening preposition is still the subject)
    assert_eq!(
        cues("In the port of Lund, Ardela said it would “wait.”")[0],
        ("said".into(), Some("Ardela".into()))
    );
}

#[test]
fn a_word_before_the_verb_s_comma_is_not_its_determiner() {
    // "that" and "this" are determiners before a noun ("this report"), not across a comma
    assert_eq!(
        cues("“A loss” if she falls short of that, said Ilse Varga, an analyst.")[0],
        ("said".into(), Some("Ilse Varga, an analyst".into()))
    );
}

#[test]
fn asked_after_a_quotation_is_followed_by_who_asked() {
    assert_eq!(
        cues("“Why wait?” asked Sen. Ada Grimm of Ohio, who wants a vote.")[0],
        ("asked".into(), Some("Sen. Ada Grimm of Ohio".into()))
    );
    // elsewhere the one after "asked" is the one asked
    assert_eq!(
        cues("The court asked Ada Grimm to wait.")[0],
        ("asked".into(), Some("The court".into()))
    );
    assert_eq!(cues("“Why?” he said and asked Ada Grimm.")[1].1, None);
}

#[test]
fn phrasal_verbs_report_speech_with_their_particle() {
    assert_eq!(
        cues("“Sales fell,” Mr. Rubin pointed out.")[0],
        ("pointed".into(), Some("Mr. Rubin".into()))
    );
    assert_eq!(
        cues("“It happens,” Ida Trompe went on, as if she had not heard.")[0],
        ("went".into(), Some("Ida Trompe".into()))
    );
    assert_eq!(
        cues("As Tim Vale, a former minister, put it: “They are here.”")[0],
        ("put".into(), Some("Tim Vale".into()))
    );
    assert!(cues("The talks went on for hours and Ada put it off.").is_empty());
    assert_eq!(
        cues("Or, as Tim Vale, a former secretary of the interior, put it: “They are here.”")[0],
        ("put".into(), Some("Tim Vale".into()))
    );
}

#[test]
fn a_phrase_opening_with_a_preposition_is_no_subject() {
    assert_eq!(
        cues("“We are glad” about the ruling, said Rosa Dimmer, a nurse.")[0],
        ("said".into(), Some("Rosa Dimmer, a nurse".into()))
    );
}

#[test]
fn quoted_as_saying_names_the_quoted_one() {
    let c = cues("“No,” the agency quoted the minister as saying.");
    assert_eq!(c[0], ("quoted".into(), Some("the minister".into())));
}

#[test]
fn a_run_on_sentence_reads_a_bounded_number_of_cues() {
    let run_on = "said ".repeat(5_000);
    assert_eq!(cues(&run_on).len(), MAX_CUES);
    let far = format!("Jane Doe {} said it.", "very ".repeat(100));
    // a subject further than MAX_SOURCE_WORDS before its verb is not looked for
    let found = cues(&far);
    assert_eq!(found.len(), 1);
    assert!(found[0].1.as_ref().is_some_and(|s| !s.contains("Jane")));
}

#[test]
fn nouns_are_not_cues() {
    assert!(cues("The report was long.").is_empty());
}

#[test]
fn a_plural_after_a_named_modifier_in_a_phrase_of_time_is_a_noun() {
    assert_eq!(
        cues("After the Dover attacks, Bell laughed, calling it “dangerous”."),
        vec![("calling".into(), None)]
    );
    // a phrase after "for" may close the subject: the verb still speaks
    assert_eq!(
        cues("A spokesman for the Pentagon says the talks failed."),
        vec![("says".into(), Some("A spokesman for the Pentagon".into()))]
    );
}

#[test]
fn a_name_after_a_relative_clause_names_its_noun_and_is_skipped() {
    assert_eq!(
        cues("Al Roe, who farms near the county seat, Dover, said he would vote."),
        vec![("said".into(), Some("Al Roe".into()))]
    );
}
