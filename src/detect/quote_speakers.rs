//! Speakers for the walk: each cue's source resolved to an entity (a cue without one
//! takes the source before it, or the sentence's subject; "said in a commentary" teaches
//! the registry a noun), and speakers shared across a quotation that runs over
//! paragraphs. The end-to-end tests of who is credited with each quotation sit beside it.

use super::cues::Cue;
use super::entities::Entities;
use super::found::Found;
use super::lexicon;
use super::parties::SideMatcher;
use super::side_words::{Class, is};
use super::speakers::SourceNp;
use super::words::{Word, floor_boundary, is_capitalized, is_initialism_dot, lower};
use crate::model::QuoteKind;
use std::ops::Range;
use std::sync::Arc;
use subject::cue_subject;
pub(super) use subject::{main_clause_start, sentence_subject};

mod subject;
#[cfg(test)]
mod tests;

/// Resolves each cue's source (read ahead as `reads`, one for each cue) to an entity,
/// in order, into `out`; a cue without a
/// source of its own ("…, but said", "adding that") takes the one before it in the sentence.
pub(super) fn resolve_cues(
    text: &str,
    (cues, reads): (&[Cue], &[Option<Arc<SourceNp>>]),
    outside: &[Word],
    sides: &SideMatcher,
    entities: &mut Entities,
    out: &mut Vec<Option<usize>>,
) {
    out.clear();
    for (c, np) in cues.iter().zip(reads) {
        let read = match (c.source.clone(), np.as_deref()) {
            (Some(r), Some(np)) => Some(entities.resolve_read(text, r, np)),
            // ("Read said", "From said": a surname the reader took for a common word)
            (Some(r), None) => entities.surname_alone(text, r).map(Some),
            (None, _) => word_before(text, outside, &c.word)
                .and_then(|r| entities.surname_alone(text, r))
                .map(Some),
        };
        let e = match read {
            Some(e) => e,
            None => match out.iter().flatten().next().copied() {
                Some(e) => Some(e),
                // "Dean, a former chairman, poked at Trump, tweeting, “…”" (the subject
                // before the cue: "When Hale tried to defend remarks calling it “…”,
                // Marr differed" is Hale's)
                None if c.word.end > outside.first().map_or(0, |w| w.end) => {
                    cue_subject(text, outside, c.word.start)
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

/// Where the possessor ending at `outside[i]` starts: over the capitalised words of its
/// name before it ("Plaid Cymru's" of "Plaid Cymru's farming spokesman, …"), never over
/// punctuation or a word that opens a sentence.
fn possessor_start(text: &str, outside: &[Word], mut i: usize) -> usize {
    while i > 0 && text[outside[i - 1].end..outside[i].start] == *" " {
        let word = &text[outside[i - 1].clone()];
        if !is_capitalized(word) || lexicon::is_sentence_word(&lower(word, &mut [0u8; 32])) {
            break;
        }
        i -= 1;
    }
    outside[i].start
}

/// The word right before a cue, one space before it ("From" of "“…,” From said").
fn word_before(text: &str, outside: &[Word], cue: &Range<usize>) -> Option<Range<usize>> {
    let k = outside.partition_point(|w| w.end <= cue.start);
    let w = &outside[k.checked_sub(1)?];
    (text[w.end..cue.start] == *" ").then(|| w.clone())
}

/// The role phrase that stands before a named source, set off by a comma ("The shadow
/// transport secretary, Owen Pryce, said"; "the leader of the opposition, Petra Holm,"):
/// from its determiner to its role noun or the noun's complement ("of", "for", "at" …).
fn role_before(text: &str, outside: &[Word], source: &Range<usize>) -> Option<Range<usize>> {
    let k = outside.partition_point(|w| w.end <= source.start);
    let head = outside[..k].last()?;
    if text[head.end..source.start].trim() != "," || !is_capitalized(&text[source.clone()]) {
        return None;
    }
    let mut buf = [0u8; 32];
    let is_role_noun = |i: usize, buf: &mut [u8; 32]| {
        super::speakers::is_role_noun(&lower(&text[outside[i].clone()], buf))
    };
    let joined = |i: usize| text[outside[i].end..outside[i + 1].start].trim().is_empty();
    // the role noun: the word before the comma, or the one before a complement of at
    // most three words ("the leader of the opposition", "the mediator for the talks")
    let noun = if is_role_noun(k - 1, &mut buf) {
        k - 1
    } else {
        let of = (k.saturating_sub(4)..k - 1).rev().find(|&i| {
            is(
                Class::RoleComplement,
                &lower(&text[outside[i].clone()], &mut buf),
            )
        })?;
        let complete = (of.checked_sub(1)?..k - 1).all(joined);
        if !complete || !is_role_noun(of - 1, &mut buf) {
            return None;
        }
        of - 1
    };
    // back to the determiner, at most five words, never over punctuation
    for i in (noun.saturating_sub(5)..noun).rev() {
        // (the dot of an initialism is no punctuation here: "the U.N. mediator, …")
        let gap = text[outside[i].end..outside[i + 1].start].trim();
        let initialism = gap == "." && is_initialism_dot(text, outside[i].end);
        if !gap.is_empty() && !initialism {
            break;
        }
        let word = lower(&text[outside[i].clone()], &mut buf);
        // (a possessor opens the phrase as a determiner does: "Marova's trade minister")
        let possessor = word.ends_with("'s") || word.ends_with("’s");
        if lexicon::is_article(&word) || lexicon::is_definite_determiner(&word) {
            return Some(outside[i].start..head.end);
        }
        if possessor {
            return Some(possessor_start(text, outside, i)..head.end);
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

/// How a name before a colon labels the quotation after it ([`colon_label`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Label {
    /// Set off by a dash ("Polls were early - Ana Reyes: “…”"): it outranks the
    /// clause's subject and a cue before the dash.
    Dashed,
    /// Alone after a quotation or a sentence's end ("Lopez: “…” Whitaker: “…”"): as a
    /// dashed label, if it names someone met before or has two words.
    Opening,
    /// After a role noun ("does not surprise pollster Ed Shaw: “…”"), for a clause
    /// whose subject names nobody.
    AfterRole,
}

/// Whose name labels a quotation that a colon introduces, the name written right
/// before the colon (one to four capitalised words), and how ([`Label`]).
pub(super) fn colon_label(
    text: &str,
    outside: &[Word],
    quote_start: usize,
) -> Option<(Range<usize>, Label)> {
    let k = outside.partition_point(|w| w.end <= quote_start);
    if k == 0 || text[outside[k - 1].end..quote_start].trim() != ":" {
        return None;
    }
    let capitalized = |i: usize| is_capitalized(&text[outside[i].clone()]);
    let joined = |i: usize| text[outside[i - 1].end..outside[i].start] == *" ";
    let run_start = |end: usize| {
        let mut j = end;
        while j > 0 && end - j < 3 && joined(j) && capitalized(j - 1) {
            j -= 1;
        }
        j
    };
    if !capitalized(k - 1) {
        return None;
    }
    let j = run_start(k - 1);
    let name = outside[j].start..outside[k - 1].end;
    let Some(before) = j.checked_sub(1) else {
        return Some((name, Label::Opening));
    };
    let mut buf = [0u8; 32];
    let word_before = lower(&text[outside[before].clone()], &mut buf).into_owned();
    // (two names joined by "and" are one label: the dash comes before the first)
    let first = match before.checked_sub(1) {
        Some(b) if word_before == "and" && capitalized(b) && joined(before) => run_start(b),
        _ => j,
    };
    let gap = |i: usize| &text[outside[i - 1].end..outside[i].start];
    if first > 0 && gap(first).contains(['-', '—', '–']) {
        return Some((name, Label::Dashed));
    }
    // (a quotation or a sentence's end before it: "Lopez: “…” Whitaker: “…”"; not
    // the dot of a title, "said of Mr. Reed: “…”")
    let ends_sentence = gap(j).contains(['?', '!', '"', '”', '\''])
        || (gap(j).contains('.') && !capitalized(before));
    if first == j && ends_sentence {
        return Some((name, Label::Opening));
    }
    let after_role = first == j
        && k - j >= 2
        && joined(j)
        && !capitalized(before)
        && super::speakers::is_role_noun(&word_before);
    after_role.then_some((name, Label::AfterRole))
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
