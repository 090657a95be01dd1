//! Capitalised runs in a source phrase's head, each read as a person's name, a body,
//! a capitalised description or nothing ("Tom Reed of Leeds", "Number 10", "the Health
//! Secretary"), with the title words that stand before a name.

use crate::article::abbreviations;
use crate::detect::candidates::known_matcher;
use crate::detect::lexicon;
use crate::detect::parties::SideMatcher;
use crate::detect::words::{is_capitalized, lower, starts_with_capital, trim_possessive, words};
use body::as_body;
use std::ops::Range;

/// What the capitalised runs of a source phrase's head are.
#[derive(Default)]
pub(super) struct Runs {
    /// The longest person's name: its whole run and the name part.
    pub(super) person: Option<(Range<usize>, Range<usize>)>,
    /// The first body.
    pub(super) body: Option<Range<usize>>,
    /// A capitalised description ("the Health Secretary").
    pub(super) described: Option<Range<usize>>,
    /// The lower-case plural a capitalised run modifies when the lexicon knows it for
    /// no source noun ("Regional hauliers"): its index in the head.
    pub(super) modified_plural: Option<usize>,
}

/// Reads the capitalised runs of `head_words` as a person, a body or a description.
pub(super) fn read_runs(text: &str, head_words: &[Range<usize>], sides: &SideMatcher) -> Runs {
    let mut found = Runs::default();
    for run in capital_runs(text, head_words) {
        // A capitalised word before a common noun modifies it ("a Freedonian government
        // official", "Obama administration officials"): no name.
        let plain = head_words[run.clone()]
            .iter()
            .all(|w| starts_with_capital(text, w.start));
        let modified = modified_noun(text, &head_words[run.end..]).filter(|_| plain);
        let modifies = modified.is_some();
        if let Some(i) = unknown_plural(text, head_words, &run, modified) {
            found.modified_plural = Some(i);
        }
        // A capitalised word before a number names a body or a place, never a person
        // ("Number 10", "Local 1473").
        let run_end = head_words[run.end - 1].end;
        let numbered = number_follows(text, run_end);
        // A capitalised word after a source noun and "in" or "at" is where the source
        // is, never who ("diplomats in Talmor"): a place, as a body is
        let placed = follows_source_noun_in_or_at(text, head_words, run.start);
        match classify_run(text, &head_words[run.clone()], sides) {
            RunKind::Person(_) if modifies => {}
            // ("the Brenham town council": a place before the body's own noun)
            RunKind::Person(_) if plain && body_noun_ends(text, &head_words[run.end..]) => {}
            // ("one Wellington meat exporter": a place's name before lower-case words
            // that end the head says where the source is from, and is no person)
            RunKind::Person(_)
                if plain
                    && run.end < head_words.len()
                    && sides.is_name(&text[head_words[run.start].start..run_end]) => {}
            RunKind::Person(_) if numbered || placed => {
                found.body = found.body.or(Some(head_words[run.start].start..run_end));
            }
            RunKind::Person(name) => {
                let better = found.person.as_ref().is_none_or(|(_, n)| {
                    words(text, name.clone()).len() >= words(text, n.clone()).len()
                });
                if better {
                    let whole = head_words[run.start].start..head_words[run.end - 1].end;
                    found.person = Some((whole, name));
                }
            }
            RunKind::Body(_) if modifies => {}
            RunKind::Body(r) if found.body.is_none() => found.body = Some(r),
            // (a capitalised role before a lower-case word modifies it: "one Florida
            // Republican strategist", "South Carolina Republican primary voters")
            RunKind::Role(r)
                if head_words
                    .get(run.end)
                    .is_none_or(|n| is_capitalized(&text[n.clone()])) =>
            {
                found.described = Some(r)
            }
            _ => {}
        }
    }
    found
}

/// The index in `head_words` of the plural `modified` (counted from the end of `run`)
/// when the run is an adjective and the lexicon knows the plural for no source noun or
/// title ("Regional hauliers").
fn unknown_plural(
    text: &str,
    head_words: &[Range<usize>],
    run: &Range<usize>,
    modified: Option<usize>,
) -> Option<usize> {
    // (a quantifier is no adjective: "Both sides raised …" names no speaker)
    let adjective = head_words[run.clone()]
        .iter()
        .all(|w| !lexicon::is_sentence_word(&lower(&text[w.clone()], &mut [0u8; 32])));
    let mut buf = [0u8; 32];
    let unknown = |k: &usize| {
        let l = lower(&text[head_words[run.end + k].clone()], &mut buf);
        adjective && !lexicon::is_source_noun(&l) && !lexicon::is_title(&l)
    };
    modified.filter(unknown).map(|k| run.end + k)
}

/// Whether the run starting at `head_words[start]` follows a source noun and "in" or
/// "at" ("diplomats in Talmor").
fn follows_source_noun_in_or_at(text: &str, head_words: &[Range<usize>], start: usize) -> bool {
    start > 1
        && matches!(&text[head_words[start - 1].clone()], "in" | "at")
        && lexicon::is_source_noun(&lower(&text[head_words[start - 2].clone()], &mut [0u8; 32]))
}

/// Most lower-case modifiers between a capitalised word and the role noun it modifies.
const MAX_MODIFIERS: usize = 2;

/// Which of the words `after` a capitalised run is the lower-case role noun the run
/// modifies, if any: the word right after it ("a Freedonian government official", "Obama
/// administration officials"), or a plural after up to two lower-case modifiers, as
/// after a capitalised adjective that opens a sentence ("Local shipping agents"), which
/// may be a plural the lexicon does not know if it ends the phrase ("Regional hauliers").
fn modified_noun(text: &str, after: &[Range<usize>]) -> Option<usize> {
    let mut buf = [0u8; 32];
    for (i, w) in after.iter().take(MAX_MODIFIERS + 1).enumerate() {
        let n = &text[w.clone()];
        if is_capitalized(n) {
            return None;
        }
        let l = lower(n, &mut buf);
        // (past a modifier, only a plural: "the Yonhap news agency" names the agency)
        let plural = l.ends_with('s') && !l.ends_with("ss");
        let known = lexicon::is_source_noun(&l) || lexicon::is_title(&l);
        if (known && (i == 0 || plural)) || (plural && i + 1 == after.len()) {
            return Some(i);
        }
        if lexicon::is_name_particle(&l)
            || lexicon::cue(&l).is_some()
            || lexicon::is_preposition(&l)
        {
            return None;
        }
    }
    None
}

/// Whether the words `after` a capitalised run are lower-case modifiers and a body's
/// noun that ends the phrase ("Brenham town council", "Port Ellan harbour board"): the
/// run is the place the body is of, not a person whose role is the body. A noun right
/// after the run is [`modified_noun`]'s.
fn body_noun_ends(text: &str, after: &[Range<usize>]) -> bool {
    let mut buf = [0u8; 32];
    let Some((noun, modifiers)) = after.split_last() else {
        return false;
    };
    let noun = lower(&text[noun.clone()], &mut buf).into_owned();
    (1..=MAX_MODIFIERS).contains(&modifiers.len())
        && lexicon::is_body_head(&noun)
        && lexicon::is_source_noun(&noun)
        && modifiers.iter().all(|w| {
            let l = lower(&text[w.clone()], &mut buf);
            !is_capitalized(&text[w.clone()])
                && !lexicon::is_name_particle(&l)
                && !lexicon::is_preposition(&l)
                && lexicon::cue(&l).is_none()
        })
}

/// Whether a number follows byte `at`, after one space.
pub(in crate::detect) fn number_follows(text: &str, at: usize) -> bool {
    text[at..]
        .strip_prefix(' ')
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
}

/// Runs of capitalised words (with name particles inside) as index ranges into `ws`.
pub(in crate::detect) fn capital_runs<'a>(
    text: &'a str,
    ws: &'a [Range<usize>],
) -> impl Iterator<Item = Range<usize>> + 'a {
    let mut i = 0;
    let capitalized = |w: &Range<usize>| starts_with_capital(text, w.start);
    std::iter::from_fn(move || {
        while i < ws.len() && !capitalized(&ws[i]) {
            i += 1;
        }
        if i == ws.len() {
            return None;
        }
        let start = i;
        let mut end = i + 1;
        let mut j = i + 1;
        while j < ws.len() {
            // A gap of more than one space or any punctuation ends the run. (Compared
            // as bytes: words start and end on characters, so the gap is text.)
            let gap = &text.as_bytes()[ws[j - 1].end..ws[j].start];
            // a plural possessive inside a name goes on with its next capitalised word
            // ("the Harbour Pilots' Association")
            let possessive = (gap == b"' " || gap == "’ ".as_bytes())
                && text.as_bytes()[ws[j - 1].end - 1] == b's'
                && capitalized(&ws[j]);
            if gap != b" " && gap != b". " && !possessive {
                break;
            }
            if capitalized(&ws[j]) || without_article(&text[ws[j].clone()]).is_some() {
                j += 1;
                end = j;
            } else if lexicon::is_name_particle(&text[ws[j].clone()]) && !dated(text, ws.get(j + 1))
            {
                j += 1;
            } else {
                break;
            }
        }
        i = end;
        Some(start..end)
    })
}

/// A surname without the Arabic article joined to it ("al-Harazi", "El-Baz"), which
/// news often drops on a second mention ("Harazi said").
pub(in crate::detect) fn without_article(surname: &str) -> Option<&str> {
    let (article, bare) = surname.split_once('-')?;
    (matches!(article, "al" | "Al" | "el" | "El") && bare.starts_with(char::is_uppercase))
        .then_some(bare)
}

/// Whether a word is a weekday or a month: a particle before one ("Ann Reed on
/// Monday", "the Fisheries Board in March") ends the run, for no name goes on with a date.
fn dated(text: &str, word: Option<&Range<usize>>) -> bool {
    word.is_some_and(|w| lexicon::is_calendar_word(&lower(&text[w.clone()], &mut [0; 32])))
}

pub(in crate::detect) enum RunKind {
    Person(Range<usize>),
    Body(Range<usize>),
    /// A capitalised description ending in its role noun ("the Health Secretary",
    /// "The Conservative Party Co-Chairman", "one New Hampshire Democrat"): no name.
    Role(Range<usize>),
    Other,
}

/// Whether a lower-case word heads a role ("secretary", "co-chairman", "democrat"):
/// a name never ends with one.
pub(in crate::detect) fn is_role_noun(word_lower: &str) -> bool {
    let word = word_lower.trim_end_matches('.');
    let bare = lexicon::ROLE_PREFIXES
        .iter()
        .find_map(|p| word.strip_prefix(p))
        .unwrap_or(word);
    lexicon::is_source_noun(bare)
}

/// Whether a title, demonym or place word that precedes a name.
fn is_title_word(text: &str, w: &Range<usize>, sides: &SideMatcher) -> bool {
    let word = &text[w.clone()];
    let mut buf = [0u8; 32];
    let l = lower(word, &mut buf);
    let l = l.trim_end_matches('.');
    lexicon::is_title(l)
        || lexicon::is_sentence_word(l)
        || (is_capitalized(word) && sides.starts_name(word) && sides.first(word).is_some())
        || word.ends_with("'s")
        || word.ends_with("’s")
}

/// How many words of a run are titles, demonyms or places before the name, and whether
/// the last of them is the name's first word instead.
fn title_lead(text: &str, run: &[Range<usize>], sides: &SideMatcher) -> (usize, bool) {
    // (an auxiliary opens a question before its subject: "Does Ruth Fenn …?")
    let asks = lexicon::is_question_auxiliary(&lower(&text[run[0].clone()], &mut [0; 32]));
    let mut lead = usize::from(asks)
        + run[usize::from(asks)..]
            .iter()
            .take_while(|w| is_title_word(text, w, sides))
            .count();
    // a place's name between a title and a surname is a first name ("Interior Minister
    // Sofia Rahn"): a side is named before a title, not after it
    let first_name = lead >= 2 && lead + 1 == run.len() && {
        let word = |k: usize| lower(&text[run[k].clone()], &mut [0; 32]).into_owned();
        let place = word(lead - 1);
        !lexicon::is_title(&place)
            && !lexicon::is_sentence_word(&place)
            && !place.ends_with("'s")
            && lexicon::is_title(&word(lead - 2))
    };
    if first_name {
        lead -= 1;
    }
    (lead, first_name)
}

pub(in crate::detect) fn classify_run(
    text: &str,
    run: &[Range<usize>],
    sides: &SideMatcher,
) -> RunKind {
    let whole = run[0].start..run[run.len() - 1].end;
    let mut buf = [0u8; 32];
    let last = lower(&text[run[run.len() - 1].clone()], &mut buf).into_owned();
    let (lead, first_name) = title_lead(text, run, sides);
    let lead_text_start = run
        .iter()
        .position(|w| !lexicon::is_sentence_word(&lower(&text[w.clone()], &mut [0; 32])))
        .map_or(whole.start, |k| run[k].start);
    if let Some(kind) = as_body(text, run, lead, &last, sides, lead_text_start) {
        return kind;
    }
    // (a single capitalised noun opens many a sentence: "Officials", "Police")
    // (a group's plural ends a body's name: "the CORE Teachers")
    if run.len() >= 2
        && is_role_noun(&last)
        && !lexicon::is_group_noun(&last)
        && !honorific_first(text, run)
    {
        return RunKind::Role(lead_text_start..whole.end);
    }
    let honorific = abbreviations::is_name_prefix(&lower(&text[run[0].clone()], &mut buf));
    if lead == run.len() && honorific && run.len() >= 2 {
        return RunKind::Person(run[run.len() - 1].start..whole.end);
    }
    if lead == run.len() {
        return match sides.first(&text[whole.clone()]) {
            Some(_) if run.len() <= 3 => RunKind::Body(lead_text_start..whole.end),
            _ => RunKind::Other,
        };
    }
    // "Tom Reed of Leeds": the place after a person's name is not part of it
    let from = name_start(text, run, lead);
    // A name opens with a capital: after a sentence's first word the particles of a run
    // are words of the sentence ("It is a Budget for …" names nobody).
    // (after an honorific a particle may open the surname: "Mr ap Rhys")
    if !starts_with_capital(text, run[from].start)
        && (from == 0 || !honorific_first(text, &run[from - 1..]))
    {
        return RunKind::Other;
    }
    let name = run[from].start..name_end(text, &run[from..]);
    if !first_name
        && (sides.first(&text[name.clone()]).is_some()
            || is_side_name_lengthened(text, run, (lead, from), sides))
    {
        return RunKind::Body(lead_text_start..whole.end);
    }
    if all_calendar_words(text, &run[lead..]) {
        return RunKind::Other;
    }
    RunKind::Person(name)
}

/// Where the name that opens `ws` ends: before a complement after two words or more
/// ("Ann Bell of Leeds" is Ann Bell), else with the run.
fn name_end(text: &str, ws: &[Range<usize>]) -> usize {
    ws.iter()
        .position(|w| lexicon::is_name_complement(&text[w.clone()]))
        .filter(|&k| k >= 2)
        .map_or(ws[ws.len() - 1].end, |k| ws[k - 1].end)
}

/// Whether every word of `ws` is a calendar word ("Monday", "March"): no name.
fn all_calendar_words(text: &str, ws: &[Range<usize>]) -> bool {
    ws.iter()
        .all(|w| lexicon::is_calendar_word(&lower(&text[w.clone()], &mut [0; 32])))
}

/// Whether a run is a side's name and one more capitalised word, with no title between
/// ("Brenmoor Water said" where the story's company is found as "Brenmoor"): a longer
/// name of that body, not a person called "Water" from "Brenmoor". A person after a
/// side's name has a title between ("Brenmoor chief executive Ann Bell") or a full
/// name ("Cuban Jose Perez"). Only a side the story itself names: a country's or a
/// listed party's word is as often a first name or a party's member before a surname
/// ("Chad Sweet", "Democrat Clinton"), which this would misread.
fn is_side_name_lengthened(
    text: &str,
    run: &[Range<usize>],
    (lead, from): (usize, usize),
    sides: &SideMatcher,
) -> bool {
    let side_word = |w: &Range<usize>| {
        let word = &text[w.clone()];
        is_capitalized(word)
            && trim_possessive(word) == word
            && sides.first(word).is_some()
            && known_matcher().first(word).is_none()
    };
    lead >= 1 && from == lead && run.len() == lead + 1 && run[..lead].iter().all(side_word)
}

/// Whether a run opens with an honorific ("Mr Speaker" is still no name, but
/// "Dr Judge" is one).
fn honorific_first(text: &str, run: &[Range<usize>]) -> bool {
    is_honorific(&lower(&text[run[0].clone()], &mut [0; 32]))
}

/// Whether a lower-case word is an honorific, which is no role ("Mr", "Ms.", "Dr").
pub(in crate::detect) fn is_honorific(word_lower: &str) -> bool {
    abbreviations::is_honorific(word_lower)
}

/// Where the name proper starts in a run whose first `lead` words are titles: after
/// the last title word when at least two words follow it, so that a title with words
/// the lexicon does not know stays out of the name ("Freedonian Foreign Minister Rufus
/// Firefly", "External Affairs Minister Priya Sharma").
pub(super) fn name_start(text: &str, run: &[Range<usize>], lead: usize) -> usize {
    let mut buf = [0u8; 32];
    // A title after "of" with two words before it belongs to a body the person is of
    // ("Jane Roe of the Foreign Ministry's Northern Affairs Bureau").
    let before_of = run
        .iter()
        .position(|w| lexicon::is_name_complement(&text[w.clone()]))
        .filter(|&k| k >= lead + 2)
        .unwrap_or(run.len());
    let searched = before_of.min(run.len().saturating_sub(2));
    let last_title = run[..searched].iter().rposition(|w| {
        let l = lower(&text[w.clone()], &mut buf);
        lexicon::is_title(l.trim_end_matches('.'))
    });
    match last_title {
        Some(t) if t >= lead => t + 1,
        _ => lead,
    }
}

mod body;
#[cfg(test)]
mod tests;
