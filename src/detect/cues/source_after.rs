//! The source phrase after a cue's verb ("said Jane Doe, a spokeswoman for …",
//! "according to officials", "X quoted Y as saying"), and the tests on the words
//! around it that tell a source from where or when it spoke.

use super::super::lexicon;
use super::super::roles::is_people_noun;
use super::super::subjects::joins_title;
use super::super::words::{Word, is_capitalized, lower};
use super::MAX_SOURCE_WORDS;
use crate::article::abbreviations;
use std::ops::Range;

/// "X quoted Y as saying": the source is Y.
pub(super) fn quoted_as_saying(text: &str, outside: &[Word], k: usize) -> Option<Range<usize>> {
    let rest = &outside[k + 1..outside.len().min(k + 1 + MAX_SOURCE_WORDS)];
    let as_at = rest.iter().position(|w| &text[w.clone()] == "as")?;
    let next = rest.get(as_at + 1)?;
    if !text[next.clone()].starts_with("say") && !text[next.clone()].starts_with("tell") {
        return None;
    }
    (as_at > 0).then(|| rest[0].start..rest[as_at - 1].end)
}

/// The source after a verb: the words up to a stop word, a quotation, or the end of the
/// clause, with an appositive after one comma ("said Jane Doe, a spokeswoman for …").
pub(super) fn after_source(
    text: &str,
    outside: &[Word],
    from: usize,
    quotes: &[Range<usize>],
) -> Option<Range<usize>> {
    let first = outside.get(from)?;
    let mut buf = [0u8; 32];
    let mut end = first.end;
    let mut commas = 0;
    let mut relative = false;
    let mut prev_end = first.start;
    for (i, w) in outside[from..].iter().take(MAX_SOURCE_WORDS).enumerate() {
        let gap = &text[prev_end..w.start];
        if i > 0 {
            let abbreviation =
                gap.starts_with(". ") && is_abbreviation(&text[outside[from + i - 1].clone()]);
            if (gap.contains(['.', ';', ':', '!', '?', '(', ')', '—', '–']) && !abbreviation)
                || quote_starts_between(quotes, prev_end, w.start)
            {
                break;
            }
            if gap.contains(',') {
                commas += 1;
                if commas > 1 {
                    break;
                }
            }
        }
        let l = lower(&text[w.clone()], &mut buf);
        if commas == 0 && i > 0 && stop_word_ends_source(text, outside, from + i, &l) {
            break;
        }
        // "said one official, adding that the EC …": a clause, not an appositive
        if commas == 1 && gap.contains(',') && opens_clause(&l) {
            break;
        }
        if i == 0
            && (lexicon::ends_source(&l) || lexicon::cue(&l).is_some())
            && !opens_on_title(text, &outside[from..])
        {
            return None;
        }
        // "… and said county leaders will face “a long cold spring”": a noun phrase
        // that runs into an auxiliary is the subject of what was said, not who said it
        // ("said an official who sat in on the talks" keeps its relative clause)
        relative |= matches!(&*l, "who" | "which" | "whose");
        if commas == 0 && i > 0 && !relative && l != "not" && lexicon::is_auxiliary(&l) {
            return None;
        }
        end = w.end;
        prev_end = w.end;
    }
    Some(first.start..end)
}

/// Whether the word `outside[k]` (`l` in lower case, not the source's first) is a stop
/// word that ends the source: not before an affiliation, nor as a place before a name,
/// nor as a word of a title.
fn stop_word_ends_source(text: &str, outside: &[Word], k: usize, l: &str) -> bool {
    lexicon::ends_source(l)
        && !affiliation_follows(text, &outside[k - 1..])
        && !place_before_name(text, &outside[k - 1..])
        && !joins_title(text, outside, k)
}

/// Whether words open on a capitalised title before a capitalised word, one space
/// apart ("said State Senator Ana Ruiz"): the title's word is no verb or stop word
/// there, though "state" is both elsewhere.
fn opens_on_title(text: &str, ws: &[Word]) -> bool {
    let [title, next, ..] = ws else {
        return false;
    };
    let word = &text[title.clone()];
    is_capitalized(word)
        && lexicon::is_title(&lower(word, &mut [0u8; 32]))
        && text[title.end..next.start] == *" "
        && is_capitalized(&text[next.clone()])
}

/// "The ruling wins “broad support” in the valley, said Ilse Varga, a pollster …": a speech
/// verb after a comma that a name follows, closing the sentence or opening an
/// appositive, has its source after it, whatever noun phrase stands before the comma
/// ("said Tom Reed was wrong" names whom was spoken of, and "said Monday" when).
pub(super) fn name_after_comma_verb(
    text: &str,
    outside: &[Word],
    k: usize,
    quotes: &[Range<usize>],
) -> Option<Range<usize>> {
    let prev = &outside[k.checked_sub(1)?];
    if !text[prev.end..outside[k].start].contains(',') {
        return None;
    }
    let source = after_source(text, outside, k + 1, quotes)?;
    let name_end = text[source.clone()]
        .find(',')
        .map_or(source.end, |i| source.start + i);
    let name = outside[k + 1..]
        .iter()
        .take_while(|w| w.end <= name_end)
        .collect::<Vec<_>>();
    let mut buf = [0u8; 32];
    let named = (1..=4).contains(&name.len())
        && name.iter().all(|w| {
            let s = &text[(*w).clone()];
            is_capitalized(s) && !lexicon::is_calendar_word(&lower(s, &mut buf))
        });
    let after = text[name_end..].trim_start();
    let closes = after.is_empty() || after.starts_with([',', '.']);
    (named && closes).then_some(source)
}

/// Whether `ws` (a source's noun, then a preposition) goes on with the body the source
/// belongs to ("said an official at MINTRA's research centre", "a spokesman with
/// the Acme Group"), not with where or when it spoke ("a spokesman at a news
/// conference"); an office is held somewhere, not for someone ("the minister at Davos").
fn affiliation_follows(text: &str, ws: &[Word]) -> bool {
    let mut buf = [0u8; 32];
    let [noun, prep, next, rest @ ..] = ws else {
        return false;
    };
    let noun = lower(&text[noun.clone()], &mut buf).into_owned();
    let prep = &text[prep.clone()];
    let named = |w: &Word| is_capitalized(&text[w.clone()]);
    let next_named = named(next)
        || (matches!(&text[next.clone()], "the" | "both") && rest.first().is_some_and(named));
    // ("an adviser to Holt", "a person close to the Marshes": whom the role serves)
    let serves = prep == "to"
        && ((lexicon::is_source_noun(&noun) && is_people_noun(&noun)) || noun == "close");
    let affiliation = lexicon::is_affiliation_preposition(prep) && lexicon::is_source_noun(&noun);
    (affiliation || serves) && !lexicon::is_office(&noun) && next_named
}

/// Most capitalised words of the place in "one hotel owner in Fennick Bay, Ada Verrin".
const MAX_PLACE_WORDS: usize = 3;

/// "said one hotel owner in Fennick Bay, Ada Verrin": a lower-case noun of people, "in"
/// and a place, then a comma and a name of two or three words that ends the clause. The
/// place only says where the person is; without the name after it "in" still ends the
/// source ("said a spokesman in Washington").
fn place_before_name(text: &str, ws: &[Word]) -> bool {
    let mut buf = [0u8; 32];
    let [noun, prep, rest @ ..] = ws else {
        return false;
    };
    let noun_text = &text[noun.clone()];
    let noun_lower = lower(noun_text, &mut buf).into_owned();
    let of_people = lexicon::reads_as_person_noun(&noun_lower)
        || (lexicon::is_source_noun(&noun_lower) && is_people_noun(&noun_lower));
    if is_capitalized(noun_text) || !of_people || &text[prep.clone()] != "in" {
        return false;
    }
    let capital = |w: &Word| is_capitalized(&text[w.clone()]);
    // a run of capitalised words one space apart, from the start of `ws`
    let run = |ws: &[Word]| {
        ws.first().map_or(0, |w| usize::from(capital(w)))
            + ws.windows(2)
                .take_while(|p| {
                    capital(&p[0]) && capital(&p[1]) && text[p[0].end..p[1].start] == *" "
                })
                .count()
    };
    let place = run(rest);
    if !(1..=MAX_PLACE_WORDS).contains(&place) || !text[rest[place - 1].end..].starts_with(", ") {
        return false;
    }
    let name = &rest[place..];
    let len = run(name);
    let closes = name.get(len.wrapping_sub(1)).is_some_and(|last| {
        name.get(len)
            .is_none_or(|next| text[last.end..next.start].contains([',', '.', ';']))
    });
    (2..=3).contains(&len) && closes
}

/// Whether a word after a source's comma opens a clause (a speech verb such as
/// "adding", a relative, a conjunction) rather than an appositive ("managing director").
fn opens_clause(word_lower: &str) -> bool {
    lexicon::opens_clause(word_lower) || lexicon::cue(word_lower).is_some()
}

/// The source of a sentence-opening "According to": up to its first comma when no
/// second comma closes an appositive ("According to Jane Doe, a spokeswoman, …"),
/// since what follows a single comma is the sentence's own clause.
pub(super) fn opening_source(text: &str, source: Range<usize>) -> Range<usize> {
    let phrase = &text[source.clone()];
    match phrase.find(',') {
        Some(_) if text[source.end..].trim_start().starts_with(',') => source,
        Some(i) => source.start..source.start + i,
        None => source,
    }
}

/// Whether a quotation starts in `from..to`; `quotes` are in order, so this is a
/// binary search (a run-on sentence can hold thousands of them).
pub(super) fn quote_starts_between(quotes: &[Range<usize>], from: usize, to: usize) -> bool {
    let q = quotes.partition_point(|q| q.start < from);
    quotes.get(q).is_some_and(|q| q.start < to)
}

/// A word whose period does not end a phrase: an initial or a title ("R.", "Sen.").
fn is_abbreviation(word: &str) -> bool {
    let mut buf = [0u8; 32];
    (word.chars().count() == 1 && is_capitalized(word))
        || word.contains('.')
        || (word.len() <= 4 && is_capitalized(word) && !word.chars().all(char::is_uppercase))
        || abbreviations::is_name_abbreviation(&lower(word, &mut buf))
}
