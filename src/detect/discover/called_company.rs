//! A company whose name has no company's word ("Westmere Rail", "Fenwold Water"), told
//! by how the story goes on to call it: "the company", "the firm" or "the operator"
//! in the name's sentence or the next, with no other name between that the noun could
//! point back to. Stories name a firm once in full and then by its noun, so the noun's
//! antecedent is the kind-less name nearest before it.

use super::super::lexicon;
use super::super::opening::LowerWords;
use super::super::side_words::{Class, is};
use super::super::words::{Word, is_all_caps, is_capitalized, trim_possessive};
use std::ops::Range;

/// How many words on from a name its noun may come (a sentence and a quotation).
const REACH: usize = 80;

/// Whether the run `ws[run]` of capitalised words is a company the story goes on to
/// call "the company" or "the firm" (see the module's note). A run after an office or
/// a verb of saying is a person's name ("said the firm's director, Anita Shaw. The
/// company …"), and a noun in the sentence where the run says something is what it
/// says ("Alan Pike said the company had lied"): neither counts.
pub(super) fn called_the_company(
    text: &str,
    ws: &[Word],
    lowered: &LowerWords,
    run: Range<usize>,
) -> bool {
    if !may_name_a_company(text, ws, lowered, run.clone()) {
        return false;
    }
    // (a noun in the name's own sentence after "X said" is what X says; after "X, …"
    // it describes X, a person's post: "Roy Dunn, the company's finance chief")
    let says = ws.get(run.end).is_some_and(|w| {
        text[ws[run.end - 1].end..w.start].starts_with(',')
            || matches!(lowered.of(w).as_ref(), "said" | "says" | "told")
    });
    let mut quoted = false;
    let mut ends = 0;
    let last = (run.end + REACH).min(ws.len());
    for k in run.end..last {
        // (a gap ends a sentence once, however many stops and newlines it holds)
        let mut ended = false;
        for c in text[ws[k - 1].end..ws[k].start].chars() {
            match c {
                '"' => quoted = !quoted,
                '\u{201c}' => quoted = true,
                '\u{201d}' => quoted = false,
                '.' | '!' | '?' | '\n' if !quoted => ended = true,
                _ => {}
            }
        }
        ends += usize::from(ended);
        if ends > 1 {
            return false;
        }
        if quoted {
            continue;
        }
        let word = lowered.of(&ws[k]);
        if word == "the" && ws.get(k + 1).is_some_and(|n| is_company_noun(text, n)) {
            // (the surname test reads the whole opening: asked last)
            let described = says && ends == 0;
            return !described && !last_word_alone(text, ws, run);
        }
        let own = &text[ws[k].clone()];
        // (another name may be the noun's antecedent; a day, or "It" opening a
        // sentence, is none)
        let other_name = !lexicon::is_calendar_word(&word) && !lexicon::is_sentence_word(&word);
        if is_capitalized(own) && other_name {
            return false;
        }
    }
    false
}

/// Whether the run `ws[run]` may be a company's name at all: every word capitalised
/// (a name joined by "of" or "for" is a body's or a phrase's, "Executives for …"; a word
/// in capitals or one opening a sentence makes the run a headline's), not after a
/// person's word. (Whether its last word is a surname used alone is asked last, by the
/// caller: it reads the whole opening.)
fn may_name_a_company(text: &str, ws: &[Word], lowered: &LowerWords, run: Range<usize>) -> bool {
    let all_capitals = ws[run.clone()].iter().all(|w| {
        let own = &text[w.clone()];
        is_capitalized(own) && !is_all_caps(own) && !lexicon::is_sentence_word(&lowered.of(w))
    });
    !run.is_empty() && all_capitals && !after_a_persons_word(text, ws, lowered, run.start)
}

/// Whether a word is a noun a story calls a company by ("the firm's director").
fn is_company_noun(text: &str, w: &Word) -> bool {
    let noun = trim_possessive(&text[w.clone()]);
    is(Class::CompanyCalled, noun)
}

/// Whether the story uses the last word of the run `ws[run]` alone beside a verb of
/// saying: a person's surname ("Rosa Quinn … Quinn said", "said Quinn"), where a firm
/// is called by its first word if by one ("Fenwold Water … Fenwold said").
fn last_word_alone(text: &str, ws: &[Word], run: Range<usize>) -> bool {
    let last = trim_possessive(&text[ws[run.end - 1].clone()]);
    let saying = |k: usize| {
        ws.get(k)
            .is_some_and(|w| matches!(&text[w.clone()], "said" | "says" | "told" | "added"))
    };
    (0..ws.len())
        .filter(|k| !run.contains(k))
        .any(|k| text[ws[k].clone()] == *last && (saying(k + 1) || k > 0 && saying(k - 1)))
}

/// Whether the word before the run starting at `start` (over a comma) makes it a
/// person's name: an office or title ("director, Anita Shaw", "secretary Tom Hales") or
/// a verb of saying ("said Helen Ward"); or a place's or a body's: "the".
fn after_a_persons_word(text: &str, ws: &[Word], lowered: &LowerWords, start: usize) -> bool {
    let Some(before) = start.checked_sub(1) else {
        return false;
    };
    if !matches!(&text[ws[before].end..ws[start].start], " " | ", ") {
        return false;
    }
    let w = lowered.of(&ws[before]);
    // ("the" before a name with no kind's word makes it a place's or a body's: "the
    // Middle East", "the Harbour Trust")
    lexicon::is_office(&w) || lexicon::is_title(&w) || matches!(w.as_ref(), "said" | "says" | "the")
}

#[cfg(test)]
mod tests {
    use super::super::super::opening::Opening;
    use super::super::super::side_kind::SideKind;

    /// The companies found in `text`, by their first names.
    fn companies(text: &str) -> Vec<String> {
        super::super::discover(&Opening::of(text), crate::detect::country_matcher(), 0)
            .into_iter()
            .filter(|d| d.kind == SideKind::Company)
            .map(|d| d.name)
            .collect()
    }

    #[test]
    fn a_name_the_next_sentence_calls_the_firm_is_a_company() {
        let text = "Villagers oppose a quarry plan.\n\nTarnholt Stone said it would apply in \
            June. The firm, which has worked the site for decades, employs sixty people.";
        assert_eq!(companies(text), ["Tarnholt Stone"]);
        let text = "Quarrie Bakes, which runs four bakeries, said the rota was fair. The \
            company's chief executive spoke to staff.";
        assert_eq!(companies(text), ["Quarrie Bakes"]);
    }

    #[test]
    fn a_quotation_or_a_day_between_the_name_and_the_noun_is_no_other_name() {
        let text = "Pellow Rail said the offer was fair. \"We urge Mr Dunn to accept,\" \
            said the company's managing director, Jo Fenn.";
        assert_eq!(companies(text), ["Pellow Rail"]);
        let text = "Workers at Brisk Cement walked out on Tuesday after talks on the \
            company's pensions collapsed.";
        assert_eq!(companies(text), ["Brisk Cement"]);
    }

    #[test]
    fn a_person_or_a_name_too_far_from_the_noun_is_no_company() {
        // what a person says about the firm; a person after an office or "said"
        let text = "Workers walked out. Alan Pikett said the company had lied to them.";
        assert!(companies(text).is_empty());
        let text = "Jo Renn, the firm's finance chief, resigned.";
        assert!(companies(text).is_empty());
        let text = "Sales fell in the Middle Reach. The company blamed prices.";
        assert!(companies(text).is_empty());
        let text = "TEN MILLION The company said it would appeal.";
        assert!(companies(text).is_empty());
        let text = "\"We will talk,\" said union secretary Alan Pikett. The firm said \
            nothing.";
        assert!(companies(text).is_empty());
        let text = "\"We will talk,\" said Alan Pikett. The firm said nothing.";
        assert!(companies(text).is_empty());
        // another name nearer the noun, or two sentences between
        let text = "Hollin Vale voters met. Rosa Quinn spoke. The firm said nothing. Quinn \
            said so.";
        assert!(companies(text).is_empty());
        let text = "Hollin Vale voted on it. Turnout was low. The company said nothing.";
        assert!(companies(text).is_empty());
    }
}
