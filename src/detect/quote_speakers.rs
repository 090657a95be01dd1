//! Speakers for the walk: each cue's source resolved to an entity (a cue without one
//! takes the source before it, or the sentence's subject; "said in a commentary" teaches
//! the registry a noun), and speakers shared across a quotation that runs over
//! paragraphs. The end-to-end tests of who is credited with each quotation sit here.

use super::cues::Cue;
use super::entities::Entities;
use super::found::Found;
use super::lexicon;
use super::parties::SideMatcher;
use super::speakers::SourceNp;
use super::subjects::name_after_role;
use super::words::{Word, floor_boundary, is_capitalized, lower};
use crate::model::QuoteKind;
use std::ops::Range;

/// Resolves each cue's source (read ahead as `reads`, one for each cue) to an entity,
/// in order, into `out`; a cue without a
/// source of its own ("…, but said", "adding that") takes the one before it in the sentence.
pub(super) fn resolve_cues(
    text: &str,
    (cues, reads): (&[Cue], &[Option<SourceNp>]),
    outside: &[Word],
    sides: &SideMatcher,
    entities: &mut Entities,
    out: &mut Vec<Option<usize>>,
) {
    out.clear();
    for (c, np) in cues.iter().zip(reads) {
        let read = c
            .source
            .clone()
            .zip(np.as_ref())
            .map(|(r, np)| entities.resolve_read(text, r, np));
        let e = match read {
            Some(e) => e,
            None => match out.iter().flatten().next().copied() {
                Some(e) => Some(e),
                // "Dean, a former chairman, poked at Trump, tweeting, “…”"
                None if c.word.end > outside.first().map_or(0, |w| w.end) => {
                    sentence_subject(text, outside)
                        .and_then(|r| entities.resolve_phrase(text, r, sides))
                        .flatten()
                }
                None => None,
            },
        };
        if let Some(e) = e {
            note_medium(text, c, e, entities);
            if let Some(r) = c
                .source
                .as_ref()
                .and_then(|r| role_before(text, outside, r))
            {
                entities.describe(e, clean_phrase(&text[r]));
            }
        }
        out.push(e);
    }
}

/// The role phrase that stands before a named source, set off by a comma ("The shadow
/// transport secretary, Owen Pryce, said"): from its determiner to its role noun.
fn role_before(text: &str, outside: &[Word], source: &Range<usize>) -> Option<Range<usize>> {
    let k = outside.partition_point(|w| w.end <= source.start);
    let head = outside[..k].last()?;
    if text[head.end..source.start].trim() != "," || !is_capitalized(&text[source.clone()]) {
        return None;
    }
    let mut buf = [0u8; 32];
    if !super::speakers::is_role_noun(&lower(&text[head.clone()], &mut buf)) {
        return None;
    }
    // back to the determiner, at most five words, never over punctuation
    for i in (k.saturating_sub(6)..k - 1).rev() {
        if !text[outside[i].end..outside[i + 1].start].trim().is_empty() {
            break;
        }
        let word = lower(&text[outside[i].clone()], &mut buf);
        // (a possessor opens the phrase as a determiner does: "Marova's trade minister")
        let possessor = word.ends_with("'s") || word.ends_with("’s");
        if lexicon::is_article(&word) || lexicon::is_definite_determiner(&word) || possessor {
            return Some(outside[i].start..head.end);
        }
    }
    None
}

/// A phrase with its leading article dropped and its spaces single.
fn clean_phrase(s: &str) -> String {
    let mut words = s.split_whitespace().peekable();
    words.next_if(|w| lexicon::is_written_article(w));
    words.collect::<Vec<_>>().join(" ")
}

/// The noun phrase that opens a sentence: capitalised words, titles and source nouns
/// up to the first other word or comma ("Democratic nominee Jane Doe", "The senator"),
/// after an opening phrase ("But a few days later, Trump …", "Then Trump …").
pub(super) fn sentence_subject(text: &str, outside: &[Word]) -> Option<Range<usize>> {
    let outside = &outside[subject_start(text, outside)..];
    if let Some(name) = name_after_role(text, outside) {
        return Some(name);
    }
    let mut buf = [0u8; 32];
    let first = outside.first()?;
    // a participle opening the sentence ("Following the vote") is capitalised but
    // begins no name (short ones may: "King", "Manning")
    let opener = &text[first.clone()];
    if opener.len() > 7 && opener.ends_with("ing") {
        return None;
    }
    let mut end = None;
    let mut determined = false;
    for (i, w) in outside.iter().enumerate() {
        let s = &text[w.clone()];
        let l = lower(s, &mut buf);
        let head = is_capitalized(s) || lexicon::is_title(&l) || lexicon::is_source_noun(&l);
        let determiner = i == 0 && lexicon::is_article(&l);
        determined |= determiner;
        // after a determiner, a few modifiers may come before the noun ("A federal
        // lawsuit", "The snarky headline")
        let modifier = determined
            && i < 4
            && !head
            && lexicon::cue(&l).is_none()
            && !lexicon::is_verb_modifier(&l)
            && !lexicon::ends_modifiers(&l);
        if !(head || determiner || modifier)
            || (i > 0 && text[outside[i - 1].end..w.start].contains(','))
        {
            break;
        }
        if head || determiner {
            end = Some(w.end);
        }
    }
    end.map(|e| first.start..e)
}

/// Where the subject may start: after the opening phrases before it (at most three:
/// "On Thursday, after a long wait, Warren …").
fn subject_start(text: &str, outside: &[Word]) -> usize {
    let mut start = 0;
    for _ in 0..3 {
        match opening_phrase(text, &outside[start..]) {
            0 => break,
            n => start += n + place_after(text, &outside[start..], n),
        }
    }
    start
}

/// The words of a place that ends an opening phrase of `n` words after the phrase's
/// comma ("Speaking in Salem, New Hampshire, Tromp said"): at most three capitalised
/// words closed by a comma, after a phrase whose last word is capitalised.
fn place_after(text: &str, outside: &[Word], n: usize) -> usize {
    let capitalized = |w: &Word| is_capitalized(&text[w.clone()]);
    // (the phrase closed by its comma: "But Obi, making it clear, …" is no place)
    let closed = outside
        .get(n)
        .is_some_and(|w| text[outside[n - 1].end..w.start].contains(','));
    if !closed || !capitalized(&outside[n - 1]) {
        return 0;
    }
    let rest = &outside[n..];
    let comma =
        (1..rest.len().min(4)).find(|&i| text[rest[i - 1].end..rest[i].start].contains(','));
    match comma {
        Some(i) if rest[..i].iter().all(capitalized) => i,
        _ => 0,
    }
}

/// The words of the phrase that opens `outside` before its subject: one that a
/// preposition or participle begins and a comma closes within eight words ("Before the
/// convention,", "Speaking in Ohio,"), else the opening sentence words ("But then").
fn opening_phrase(text: &str, outside: &[Word]) -> usize {
    let mut buf = [0u8; 32];
    let Some(first) = outside.first() else {
        return 0;
    };
    let s = &text[first.clone()];
    let l = lower(s, &mut buf).into_owned();
    let participle = (s.len() > 7 && s.ends_with("ing")) || participle_opens(text, outside);
    // "Hours later, …", "Two days earlier, …": a time phrase that its adverb closes
    if let Some(i) = (1..outside.len().min(4)).find(|&i| {
        text[outside[i - 1].end..outside[i].start].contains(',')
            && lexicon::is_time_adverb(&lower(&text[outside[i - 1].clone()], &mut buf))
    }) {
        return i;
    }
    // (pronouns and determiners begin the subject itself: "He said", "The senator")
    if !(participle || lexicon::is_opening_word(&l)) {
        return 0;
    }
    let comma = (1..outside.len().min(9))
        .find(|&i| text[outside[i - 1].end..outside[i].start].contains(','));
    // A preposition opens a phrase that the comma closes ("In Paris, …"); after a
    // conjunction the comma may close the clause itself ("Then Sam Ortiz went on,
    // saying"): only a phrase without a name is skipped ("But a few days later, …").
    let phrase = participle || lexicon::is_opening_preposition(&l);
    if let Some(i) = comma
        && (phrase
            || outside[1..i]
                .iter()
                .all(|w| !is_capitalized(&text[w.clone()])))
    {
        return i;
    }
    outside
        .iter()
        .position(|w| !lexicon::is_opening_word(&lower(&text[w.clone()], &mut buf)))
        .unwrap_or(0)
}

/// "Facing mounting criticism, …", "Shortly after the call ended, …", "Informed of the
/// result, …": a capitalised participle or adverb of six letters or more ("-ing",
/// "-ed", "-ly") before a preposition, an article or another participle opens a phrase,
/// not a name ("Kelly of Ohio" and "Fred at the desk" are too short to be read so).
fn participle_opens(text: &str, outside: &[Word]) -> bool {
    let mut buf = [0u8; 32];
    let [first, second, ..] = outside else {
        return false;
    };
    let s = &text[first.clone()];
    let next = &text[second.clone()];
    let l = lower(s, &mut buf).into_owned();
    let n = lower(next, &mut buf);
    s.len() >= 6
        && ["ing", "ed", "ly"].iter().any(|end| l.ends_with(end))
        && text[first.end..second.start] == *" "
        && !is_capitalized(next)
        && (lexicon::is_preposition(&n)
            || lexicon::is_article(&n)
            || lexicon::is_clause_boundary(&n)
            || n.ends_with("ing"))
}

/// "said in a commentary": the commentary now refers back to the source.
fn note_medium(text: &str, cue: &Cue, entity: usize, entities: &mut Entities) {
    let rest = &text[cue.word.end..floor_boundary(text, cue.word.end + 40)];
    let mut it = rest.split_whitespace();
    if it.next() == Some("in")
        && it
            .next()
            .is_some_and(|w| lexicon::is_article(w) || w == "its")
        && let Some(noun) = it.next()
    {
        let noun = noun
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if lexicon::is_source_noun(&noun) {
            entities.add_head(entity, &noun);
        }
    }
}

/// A quotation that continues one from the paragraph before shares its speaker, in
/// both directions.
pub(super) fn carry_over_paragraphs(quotes: &mut [Found]) {
    for i in 0..quotes.len() {
        if let Some(p) = quotes[i].continues {
            if quotes[i].speaker.is_none() {
                quotes[i].speaker = quotes[p].speaker;
            }
        }
    }
    for i in (0..quotes.len()).rev() {
        if let Some(p) = quotes[i].continues
            && quotes[p].speaker.is_none()
            && quotes[p].kind != QuoteKind::Term
        {
            quotes[p].speaker = quotes[i].speaker;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::article::{Article, Source};
    use crate::detect::detect;
    use crate::model::QuoteKind;

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
            speakers(
                "“We are ahead,” said Rubin’s deputy campaign manager, Rich Beem, who ran it."
            ),
            vec!["Rich Beem"]
        );
        assert_eq!(
            speakers("“No,” said Dorsk’s deputy defence minister, Ivo Marek."),
            vec!["Ivo Marek"]
        );
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
    fn member_states_do_not_speak() {
        let body = "A source said the bloc would continue to press member states to act \
                    if the tax passed “with no delay.”";
        assert_eq!(speakers(body), vec!["source"]);
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
    fn a_floating_quote_after_reported_speech_is_that_speaker_s() {
        let body = "“We will win this,” Mayor Ruth Adler said.\n\n\
                    Or the race may go to the council, analyst Ivo Kern said.\n\n\
                    “Nobody should expect a quick result in a race this close.”";
        assert_eq!(speakers(body), vec!["Ruth Adler", "Ivo Kern"]);
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
    fn roles_resolve_to_the_speaker_who_holds_them() {
        let body = "“We disagree,” Foreign Ministry spokesman Li Wen said.\n\n\
                    “The matter is closed,” the spokesman said.";
        assert_eq!(speakers(body), vec!["Li Wen", "Li Wen"]);
    }

    #[test]
    fn quoted_as_saying_and_according_to() {
        let body = "“No,” the agency quoted Deputy Mayor Ruth Adler as saying.\n\n\
                    The city will “never give in”, according to Mayor Sam Ortiz.";
        assert_eq!(speakers(body), vec!["Ruth Adler", "Sam Ortiz"]);
    }

    #[test]
    fn two_apostrophes_quote_and_an_initial() {
        assert_eq!(
            speakers("''It works,'' said Ronald T. Bell of the institute."),
            vec!["Ronald T. Bell"]
        );
    }
}
