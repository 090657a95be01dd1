//! The subject that opens a sentence, past its opening phrases ("Hours later, Ed Tromp
//! …", "Speaking in Salem, New Hampshire, Tromp …"): the speaker of a cue that names
//! none ("…, telling reporters, “…”").

use crate::detect::lexicon;
use crate::detect::subjects::name_after_role;
use crate::detect::words::{Word, is_capitalized, lower};
use std::ops::Range;

/// The noun phrase that opens a sentence: capitalised words, titles and source nouns
/// up to the first other word or comma ("Democratic nominee Jane Doe", "The senator"),
/// after an opening phrase ("But a few days later, Trump …", "Then Trump …").
pub(in crate::detect) fn sentence_subject(text: &str, outside: &[Word]) -> Option<Range<usize>> {
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
    let mut after_title = false;
    let mut complement = 0;
    for (i, w) in outside.iter().enumerate() {
        let s = &text[w.clone()];
        let l = lower(s, &mut buf);
        // a title's complement of "of" and one word goes on with the subject ("Former
        // secretary of state Ann Kell:")
        complement = match complement {
            0 if after_title && l == "of" => 2,
            2 if !lexicon::is_article(&l) => 1,
            _ => 0,
        };
        if complement > 0 {
            continue;
        }
        after_title = lexicon::is_title(&l);
        let head = is_capitalized(s) || after_title || lexicon::is_source_noun(&l);
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

/// The subject of a cue at byte `cue` that names no source of its own: the
/// sentence's, or, for a cue inside the clause that opens the sentence, that clause's
/// ("When Hale tried to defend remarks calling it “…”, Marr differed" is Hale's).
pub(super) fn cue_subject(text: &str, outside: &[Word], cue: usize) -> Option<Range<usize>> {
    let start = subject_start(text, outside);
    let opening = &outside[..start];
    let inside = opening.last().is_some_and(|w| w.end > cue)
        && opening.first().is_some_and(|w| {
            let mut buf = [0u8; 32];
            lexicon::is_subordinator(&lower(&text[w.clone()], &mut buf))
        });
    // (a clause without a subject of its own is the sentence's: "When asked, Dorn said")
    let before = outside.partition_point(|w| w.end <= cue);
    if inside && before > 1 {
        return sentence_subject(text, &outside[1..before]);
    }
    sentence_subject(text, outside)
}

/// Where the main clause starts, after a subordinate clause that opens the sentence
/// ("When Hale suggested that …, Marr fired back"): its first word's byte.
pub(in crate::detect) fn main_clause_start(text: &str, outside: &[Word]) -> Option<usize> {
    let first = outside.first()?;
    if !lexicon::is_subordinator(&lower(&text[first.clone()], &mut [0u8; 32])) {
        return None;
    }
    match subject_start(text, outside) {
        0 => None,
        k => outside.get(k).map(|w| w.start),
    }
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

/// Most words of a subordinate clause that opens a sentence before its subject.
const MAX_CLAUSE_WORDS: usize = 26;

/// The words of the phrase that opens `outside` before its subject: one that a
/// preposition or participle begins and a comma closes within eight words ("Before the
/// convention,", "Speaking in Ohio,"), else the opening sentence words ("But then").
fn opening_phrase(text: &str, outside: &[Word]) -> usize {
    let (mut first_buf, mut buf) = ([0u8; 32], [0u8; 32]);
    let Some(first) = outside.first() else {
        return 0;
    };
    let s = &text[first.clone()];
    let l = lower(s, &mut first_buf);
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
    // (a clause that a subordinator opens may run longer: "When Hale suggested that
    // the city would sue the county over the deal, Marr fired back")
    // (and so may a phrase that "amid" or "despite" opens: "Amid calls from some to
    // close every plant in the valley, …")
    // (and one that a speech verb's participle opens: "Asked on Monday whether her
    // husband would hold a post in her cabinet, …")
    let asked = l.ends_with("ed") && lexicon::cue(&l).is_some();
    let reach =
        if lexicon::is_subordinator(&l) || matches!(&*l, "amid" | "amidst" | "despite") || asked {
            MAX_CLAUSE_WORDS
        } else {
            9
        };
    let comma = (1..outside.len().min(reach))
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
    let [first, second, ..] = outside else {
        return false;
    };
    let s = &text[first.clone()];
    let next = &text[second.clone()];
    // (the tests on the words as they stand first: most openings fail them, and are
    // not lower-cased; "Asked" is short, but no name)
    if s.len() < 5 || text[first.end..second.start] != *" " || is_capitalized(next) {
        return false;
    }
    let (mut first_buf, mut buf) = ([0u8; 32], [0u8; 32]);
    let l = lower(s, &mut first_buf);
    let n = lower(next, &mut buf);
    // "Asked about the plan, …", "Asked whether she would run, …": a speech verb's
    // participle opens a phrase before the question it was asked
    let asked = l.ends_with("ed") && lexicon::cue(&l).is_some();
    let question = asked && matches!(&*n, "whether" | "why" | "how" | "what" | "who");
    (s.len() >= 6 || asked)
        && ["ing", "ed", "ly"].iter().any(|end| l.ends_with(end))
        && (lexicon::is_preposition(&n)
            || lexicon::is_article(&n)
            || lexicon::is_clause_boundary(&n)
            || n.ends_with("ing")
            || question)
}
