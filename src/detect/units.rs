//! Units: the sentences of a paragraph, merged where a quotation runs across a sentence
//! end or a short sentence attributes the quotation before it, and their asides.

use super::cues::is_name_and_verb;
use super::lexicon::{self, CueKind};
use super::quotes::QuoteSpan;
use super::words::{AsideMarks, is_capitalized, lower, words};
use std::ops::Range;

/// Parenthesised asides of a sentence ("Rep. Jane Doe (D-Wis.) said"), and asides
/// between a pair of dashes ("Jane Doe -- a former aide -- said"), into `out`. `marks`
/// tells which marks the sentence has.
pub(super) fn asides(
    text: &str,
    unit: &Range<usize>,
    marks: AsideMarks,
    out: &mut Vec<Range<usize>>,
) {
    out.clear();
    let s = &text[unit.clone()];
    let dashes = [
        (" -- ", marks.double_hyphen),
        (" — ", marks.em_dash),
        (" – ", marks.en_dash),
    ];
    for (dash, _) in dashes.iter().filter(|(_, present)| *present) {
        let mut at = s.match_indices(dash).map(|(i, _)| i);
        while let (Some(open), Some(close)) = (at.next(), at.next()) {
            out.push(unit.start + open..unit.start + close + dash.len());
        }
    }
    if !marks.parenthesis {
        return;
    }
    let mut open = None;
    for (i, b) in s.bytes().enumerate() {
        match b {
            b'(' => open = Some(unit.start + i),
            b')' => {
                if let Some(o) = open.take() {
                    out.push(o..unit.start + i + 1);
                }
            }
            _ => {}
        }
    }
}

/// Sentences, merged where a quotation runs across a sentence end, into `out`.
/// A sentence that ends with a quotation ("“Why?”") and a short one that attributes it
/// ("Jane Doe asked.") are one unit too.
pub(super) fn merge_units(
    text: &str,
    sentences: &[Range<usize>],
    spans: &[QuoteSpan],
    out: &mut Vec<Range<usize>>,
) {
    out.clear();
    let mut k = 0; // first quotation that may still reach the current unit
    for s in sentences {
        let joined = out.last().is_some_and(|u| {
            // A quotation that ends inside the unit can neither cross into the next
            // sentence nor end the unit: each is passed once, however long the unit.
            while k < spans.len() && spans[k].range.end < u.end {
                k += 1;
            }
            let near = spans[k..].iter().take_while(|q| q.range.start < s.end);
            let mut crosses = false;
            let mut ends_unit = None;
            let mut quoted_in_tail = false;
            for q in near {
                crosses |= q.range.start < u.end && q.range.end > s.start;
                quoted_in_tail |= q.range.start >= s.start;
                // (a quotation a colon introduces has its attribution before it: "Jo
                // told Al: “…” Al denied it." is two units)
                if q.range.end == u.end && !after_colon(text, q.range.start) {
                    ends_unit = Some(asks_or_exclaims(text, q));
                }
            }
            crosses
                || ends_unit
                    .is_some_and(|long| !quoted_in_tail && is_attribution_tail(text, s, long))
        });
        match out.last_mut() {
            Some(u) if joined => u.end = s.end,
            _ => out.push(s.clone()),
        }
    }
}

/// Whether the quotation opening at `start` follows a colon ("said: “…”").
fn after_colon(text: &str, start: usize) -> bool {
    text[..start].trim_end().ends_with(':')
}

/// A short sentence with a speech verb among its first words ("Jane Doe asked."); after
/// a question or an exclamation (`long`), which ends a sentence inside its marks, also a
/// longer one that opens with its subject and speech verb ("Jo Bell asked, repeating a
/// charge she had made before …", "shouted Jo Bell, who …").
fn is_attribution_tail(text: &str, s: &Range<usize>, long: bool) -> bool {
    let ws = words(text, s.clone());
    let mut buf = [0u8; 32];
    // (a verb that speaks with its particle counts with it: "Mr Tosk went on.")
    let mut speaks = |i: usize| {
        let w = &text[ws[i].clone()];
        let phrasal = lexicon::phrasal_speech(w.as_bytes()).is_some_and(|(_, particle, _)| {
            ws.get(i + 1).is_some_and(|n| &text[n.clone()] == particle)
        });
        !is_capitalized(w)
            && (phrasal || lexicon::cue(&lower(w, &mut buf)) == Some(CueKind::Speech))
    };
    // after a name and its appositive ("Ed Miller, a retired welder, said …")
    let after_appositive = || {
        let commas = (1..ws.len().min(MAX_APPOSITIVE_WORDS))
            .filter(|&i| text[ws[i - 1].end..ws[i].start].contains(','));
        commas.into_iter().nth(1)
    };
    let speech_at =
        |n: usize, speaks: &mut dyn FnMut(usize) -> bool| (0..ws.len().min(n)).any(speaks);
    !text[s.clone()].contains(['“', '"', '‘'])
        && ((ws.len() <= 12 && (speech_at(8, &mut speaks) || is_name_and_verb(text, &ws)))
            || (long && speech_at(OPENING_CUE_WORDS, &mut speaks))
            || (long && after_appositive().is_some_and(&mut speaks)))
}

/// Most words of a name and its appositive before the speech verb of a long
/// attribution tail.
const MAX_APPOSITIVE_WORDS: usize = 16;

/// Whether a quotation ends with a question or exclamation mark inside its marks.
fn asks_or_exclaims(text: &str, q: &QuoteSpan) -> bool {
    text[q.inner.clone()].trim_end().ends_with(['?', '!'])
}

/// Most words before the speech verb of a long attribution tail: a name of up to three
/// words with its title ("Mr. Jo Bell asked", "asked Jo Bell").
const OPENING_CUE_WORDS: usize = 4;
