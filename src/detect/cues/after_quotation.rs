//! A clause of a name and a past-tense verb alone right after a quotation ("“Would you
//! sign it?” Brennan pressed.", "“…,” an angry Moreau retaliated.", "“…,” reacted
//! Kessler."): whatever the verb, nothing but the quotation is its object, so it reports
//! the quotation and the name speaks it. The speech verbs of the lexicon are found
//! before this; these are the verbs no list holds.

use super::super::lexicon::{self, CueKind};
use super::super::words::{Word, is_capitalized, lower};
use super::Cue;
use std::ops::Range;

/// Most capitalised words of the name in such a clause.
const MAX_NAME_WORDS: usize = 3;

/// Adds a cue for each quotation of `quotes` that such a clause follows and that no
/// cue of `out` already reports, keeping `out` in text order.
pub(super) fn verbs_after_quotations(
    text: &str,
    outside: &[Word],
    quotes: &[Range<usize>],
    out: &mut Vec<Cue>,
) {
    for q in quotes {
        if !closes_on_clause_mark(&text[q.clone()]) {
            continue;
        }
        let k = outside.partition_point(|w| w.start < q.end);
        let Some(first) = outside.get(k) else {
            continue;
        };
        if !text[q.end..first.start].trim().is_empty() {
            continue;
        }
        let Some(cue) =
            name_then_verb(text, outside, k).or_else(|| verb_then_name(text, outside, k))
        else {
            continue;
        };
        if out.len() == super::MAX_CUES
            || out
                .iter()
                .any(|c| c.word.start >= q.end && c.word.start <= cue.word.start)
        {
            continue;
        }
        let at = out.partition_point(|c| c.word.start < cue.word.start);
        out.insert(at, cue);
    }
}

/// Whether a sentence is such a clause alone ("Brennan pressed."): after a quotation
/// that ends on a question or exclamation mark, it attributes the quotation.
pub(in crate::detect) fn is_name_and_verb(text: &str, ws: &[Word]) -> bool {
    name_then_verb(text, ws, 0).is_some_and(|c| ws.last() == Some(&c.word))
}

/// Whether a quotation's words end on a comma, question or exclamation mark before its
/// closing marks ("“…,”", "''…?''"): a full stop would end the sentence.
fn closes_on_clause_mark(quoted: &str) -> bool {
    let inner = quoted.trim_end_matches(['"', '”', '\'', '’']);
    inner.ends_with([',', '?', '!'])
}

/// "Brennan pressed.", "an angry Moreau retaliated,": an optional article (with one
/// lower-case word after it), one to three capitalised words, a past-tense verb, and
/// the end of the clause.
fn name_then_verb(text: &str, outside: &[Word], k: usize) -> Option<Cue> {
    let mut buf = [0u8; 32];
    let mut i = k;
    if lexicon::is_article(&lower(&text[outside.get(i)?.clone()], &mut buf)) {
        i += 1;
        if !is_capitalized(&text[outside.get(i)?.clone()]) {
            i += 1;
        }
    }
    let name_start = i;
    while i < outside.len() && i - name_start < MAX_NAME_WORDS && is_name_word(text, outside, i) {
        i += 1;
    }
    if i == name_start || !joined(text, outside, k, i) {
        return None;
    }
    let verb = outside.get(i)?;
    if !is_unlisted_past(&text[verb.clone()]) || !clause_ends_after(text, outside, i) {
        return None;
    }
    Some(Cue {
        word: verb.clone(),
        kind: CueKind::Speech,
        verb: "said",
        source: Some(outside[k].start..outside[i - 1].end),
        inverted: false,
    })
}

/// "reacted Kessler.": a past-tense verb, one to three capitalised words, and the end
/// of the clause.
fn verb_then_name(text: &str, outside: &[Word], k: usize) -> Option<Cue> {
    let verb = outside.get(k)?;
    if !is_unlisted_past(&text[verb.clone()]) {
        return None;
    }
    let mut i = k + 1;
    while i < outside.len() && i - k <= MAX_NAME_WORDS && is_name_word(text, outside, i) {
        i += 1;
    }
    if i == k + 1 || !joined(text, outside, k, i) || !clause_ends_after(text, outside, i - 1) {
        return None;
    }
    Some(Cue {
        word: verb.clone(),
        kind: CueKind::Speech,
        verb: "said",
        source: Some(outside[k + 1].start..outside[i - 1].end),
        inverted: true,
    })
}

/// A capitalised word that may be part of a name (no calendar word: "“…,” Monday
/// ended" names nobody; nor does the writer's "I" or "We": "“…,” I confessed").
fn is_name_word(text: &str, outside: &[Word], i: usize) -> bool {
    let w = &text[outside[i].clone()];
    let mut buf = [0u8; 32];
    let l = lower(w, &mut buf);
    is_capitalized(w) && !lexicon::is_calendar_word(&l) && l != "i" && l != "we"
}

/// Whether words `from..to` of `outside` stand one space apart.
pub(super) fn joined(text: &str, outside: &[Word], from: usize, to: usize) -> bool {
    (from + 1..to).all(|i| text[outside[i - 1].end..outside[i].start] == *" ")
}

/// A lower-case past tense that no list of cues holds ("pressed", "retaliated").
fn is_unlisted_past(word: &str) -> bool {
    word.len() > 4
        && word.ends_with("ed")
        && word.bytes().all(|b| b.is_ascii_lowercase())
        && lexicon::cue_form(word).is_none()
}

/// Whether the clause ends after word `i`: punctuation (or a quotation) before the next
/// word, or no word after it.
fn clause_ends_after(text: &str, outside: &[Word], i: usize) -> bool {
    outside.get(i + 1).is_none_or(|n| {
        text[outside[i].end..n.start]
            .trim_start()
            .starts_with(['.', ',', ';', '!', '?', '"', '“', '”'])
    })
}
