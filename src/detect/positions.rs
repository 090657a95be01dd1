//! Positions: sentences in which a side or its speaker states a stance, through a speech
//! verb in reported speech ("Cuba said it offered …") or a stance verb ("reiterated its
//! desire", "rejected", "challenged China to …").

use super::cues::Cue;
use super::lexicon::{self, CueKind};
use super::parties::SideMatcher;
use super::side_words::{Class, is};
use super::words::{Word, floor_boundary, is_capitalized, lower, words};
use std::ops::Range;

/// A sentence stating a position.
#[derive(Debug, Clone)]
pub struct Position {
    /// The sentence.
    pub range: Range<usize>,
    /// The entity that states it.
    pub speaker: Option<usize>,
    /// The side named as its subject, when no entity carries one.
    pub side: Option<usize>,
    /// The side a hostile verb aims at ("challenged China"): the stater is the other one.
    pub against: Option<usize>,
    /// The words before the cue that name the stater ("the Foreign Ministry").
    pub subject: Range<usize>,
    /// Every word of `range`, as the reading split its unit: the stance and the clues
    /// read them from here instead of splitting the sentence again.
    pub words: Vec<Word>,
}

/// The first side a phrase names ([`SideMatcher::first`]), perhaps remembered.
type FirstSide<'f> = &'f mut dyn FnMut(&str) -> Option<usize>;

/// Words of content a sentence needs beyond its source and verb to state something.
const MIN_CONTENT_WORDS: usize = 4;

/// The positions a sentence states: its first cue whose subject is an entity or a side,
/// with enough words outside the source and the quotations; and, when a clause of
/// contrast after it has a named stater of its own ("A U.S. official said …, but
/// Beijing said …"), that clause, each half a position of its own. `all` are the unit's
/// words, `outside` those outside its quotations; each position keeps those of its range.
/// `first_side` gives the first side a subject names, as [`SideMatcher::first`] does.
pub fn unit_positions(
    text: &str,
    unit: &Range<usize>,
    (all, outside): (&[Word], &[Word]),
    cues: &[Cue],
    resolved: &[Option<usize>],
    (sides, first_side): (&SideMatcher, FirstSide<'_>),
) -> Vec<Position> {
    // (a closing attribution reports all before it: the cues inside are its content's)
    let from = closing_source(text, unit, outside, cues).unwrap_or(0);
    let first = cues.iter().enumerate().skip(from).find_map(|(i, c)| {
        let enough = content_words(outside, unit, c) >= MIN_CONTENT_WORDS
            && !closing_attribution(text, unit, outside, cues);
        enough
            .then(|| position_of(text, unit, c, resolved[i], (sides, &mut *first_side)))
            .flatten()
            .map(|p| (i, p))
    });
    let Some((i, mut first)) = first else {
        return Vec::new();
    };
    let second = (i + 1..cues.len()).find_map(|j| {
        let split = contrast_before(text, cues[i].word.end, &cues[j])?;
        let (head, tail) = (unit.start..split.start, split.end..unit.end);
        let halves_state = content_words(outside, &head, &cues[i]) >= MIN_CONTENT_WORDS
            && content_words(outside, &tail, &cues[j]) >= MIN_CONTENT_WORDS;
        let second = position_of(
            text,
            &tail,
            &cues[j],
            resolved[j],
            (sides, &mut *first_side),
        )?;
        halves_state.then_some((head, second))
    });
    let mut found = match second {
        Some((head, second)) => {
            first.range = head;
            vec![first, second]
        }
        None => vec![first],
    };
    for p in &mut found {
        let from = all.partition_point(|w| w.start < p.range.start);
        let to = all.partition_point(|w| w.end <= p.range.end);
        p.words = all[from..to.max(from)].to_vec();
    }
    found
}

/// The words of `range` outside quotations that are neither cue `c`'s source nor its
/// verb.
fn content_words(outside: &[Word], range: &Range<usize>, c: &Cue) -> usize {
    let count = |r: &Range<usize>| {
        let from = outside.partition_point(|w| w.start < r.start);
        let to = outside.partition_point(|w| w.end <= r.end);
        to.saturating_sub(from)
    };
    // (the words are in order: each stretch is counted by two binary searches)
    let source = c.source.as_ref().map_or(0, count);
    count(range).saturating_sub(source + 1)
}

/// The position cue `c` states in `range` (a sentence or a clause of it), when its
/// subject is an entity (`resolved`) or a side.
fn position_of(
    text: &str,
    range: &Range<usize>,
    c: &Cue,
    resolved: Option<usize>,
    (sides, first_side): (&SideMatcher, FirstSide<'_>),
) -> Option<Position> {
    let before = c.source.as_ref().map_or(range.start, |s| s.start);
    let subject = before.min(c.word.start)..c.word.start;
    let side = first_side(&text[subject.clone()]);
    if resolved.is_none()
        && side.is_none()
        && !starts_with_name(text, range)
        && !unnamed_source_speaks(text, c)
    {
        return None;
    }
    // "X was reacting to a British statement saying …": the statement states it
    if let Some(side) = stating_document(text, &subject, c.verb, sides) {
        return Some(Position {
            range: range.clone(),
            speaker: None,
            side: Some(side),
            against: None,
            subject,
            words: Vec::new(),
        });
    }
    let against = is(Class::HostileVerb, c.verb)
        .then(|| {
            let ws = words(text, c.word.end..range.end);
            let object = super::words::hostile_object(text, &ws[..ws.len().min(6)]);
            let end = object.last().map_or(c.word.end, |w| w.end);
            sides.first(&text[c.word.end..end])
        })
        .flatten();
    Some(Position {
        range: range.clone(),
        speaker: resolved,
        side,
        against,
        subject,
        words: Vec::new(),
    })
}

/// The comma and word of contrast (", but", ", while", "; ") right before the source of
/// cue `c`, after byte `after`: where a sentence turns to another stater's position.
/// The span runs from the comma to the source.
fn contrast_before(text: &str, after: usize, c: &Cue) -> Option<Range<usize>> {
    let source = c.source.as_ref().filter(|_| !c.inverted)?;
    let head = text.get(after..source.start)?.trim_end();
    let mut buf = [0u8; 32];
    let (rest, turn) = match head.rsplit_once(' ') {
        _ if head.ends_with(';') => (&head[..head.len() - 1], ""),
        Some((rest, word)) if is(Class::ContrastWord, &lower(word, &mut buf)) => (rest, word),
        _ => return None,
    };
    let comma = if turn.is_empty() {
        rest.len()
    } else {
        rest.strip_suffix(',')?.len()
    };
    Some(after + comma..source.start)
}

/// Most words after the verb of an attribution that closes a sentence ("…, the union
/// said on Monday.").
const MAX_WORDS_AFTER_CLOSING: usize = 3;

/// "Pilots stopped work after Kelso Ports refused to reopen talks, the union said.":
/// the last cue, a speech verb whose source stands between a comma and the sentence's
/// end, reports everything before it; a stance verb in what it reports ("refused") is
/// no stater of the sentence. The cue's index, when only stance cues come before it.
fn closing_source(
    text: &str,
    unit: &Range<usize>,
    outside: &[Word],
    cues: &[Cue],
) -> Option<usize> {
    let (last, cue) = cues.iter().enumerate().next_back()?;
    let source = cue.source.as_ref()?;
    // ("X told the assembly, according to Y": X states it, and Y reports that X did)
    // (a stance whose subject opens the sentence stays its subject's: "The United
    // States reiterated its desire …, the department said")
    let opens = |c: &Cue| {
        c.source
            .as_ref()
            .is_some_and(|r| r.start == outside[0].start)
    };
    let reported_stances = cues[..last]
        .iter()
        .all(|c| c.kind == CueKind::Stance && !opens(c));
    if last == 0 || cue.kind != CueKind::Speech || cue.verb == "according" || !reported_stances {
        return None;
    }
    let attribution = source.start.min(cue.word.start)..source.end.max(cue.word.end);
    let after_comma = text[unit.start..attribution.start]
        .trim_end()
        .ends_with(',');
    let words_after = outside
        .iter()
        .filter(|w| w.start >= attribution.end)
        .count();
    let quoted_after = text[attribution.end..unit.end].contains(['"', '“']);
    (after_comma && words_after <= MAX_WORDS_AFTER_CLOSING && !quoted_after).then_some(last)
}

/// Whether the unit is a quotation and its attribution only: it opens with the
/// quotation, its one cue follows it with nothing but the source between, and after the
/// cue comes no "that", no participle clause ("…, referring to …") and no second
/// quotation ("“…,” he told a group of businessmen in London."). Whom it was told to,
/// and where, is not a position of its own; nor is a "that" or a word in "-ing" in a
/// relative clause that tells who the source is ("said Jane Roe, who has traded there
/// since the spring"). (A cue in that clause still makes a position: "said X, who also
/// said that …" reports more.)
fn closing_attribution(text: &str, unit: &Range<usize>, outside: &[Word], cues: &[Cue]) -> bool {
    let (Some(first), [cue]) = (outside.first(), cues) else {
        return false;
    };
    let opens_quoted = text[unit.start..first.start]
        .trim_start()
        .starts_with(['"', '“', '\'', '‘']);
    let source = cue.source.clone().unwrap_or(cue.word.start..cue.word.start);
    let only_source_before = outside
        .iter()
        .take_while(|w| w.start < cue.word.start)
        .all(|w| source.start <= w.start && w.end <= source.end);
    let tail = &text[cue.word.end..unit.end];
    let after_cue = || outside.iter().filter(|w| w.start > cue.word.end);
    let relative = after_cue()
        .find(|w| matches!(&text[(*w).clone()], "who" | "whose"))
        .map_or(unit.end, |w| w.start);
    let clause_after = after_cue()
        .take_while(|w| w.start < relative)
        .filter(|w| w.start > source.end)
        .any(|w| {
            let word = &text[w.clone()];
            word.eq_ignore_ascii_case("that") || word.ends_with("ing")
        });
    opens_quoted && only_source_before && !clause_after && !tail.contains(['"', '“'])
}

/// Words between a document noun and a participle cue that still belong to its phrase.
const DOCUMENT_REACH: usize = 12;

/// The side of the document a participle cue hangs from, when the words just before
/// the cue hold one that a side issued ("answering a Velmoran note sent after the
/// weekend's meeting, saying"): it, not the subject of the sentence, states the position.
fn stating_document(
    text: &str,
    subject: &Range<usize>,
    verb: &str,
    sides: &SideMatcher,
) -> Option<usize> {
    if !verb.ends_with("ing") {
        return None;
    }
    let ws = words(text, subject.clone());
    let mut buf = [0u8; 32];
    let from = ws.len().saturating_sub(DOCUMENT_REACH);
    let at = (from..ws.len())
        .rev()
        .find(|&i| is(Class::DocumentNoun, &lower(&text[ws[i].clone()], &mut buf)))?;
    // the side names the document: "a British statement", "Japan's note"
    let start = ws[at.saturating_sub(3)].start;
    sides.first(&text[start..ws[at].end])
}

/// Whether a cue's source before it may state a position though no entity or side
/// stands for it: people ("The candidates say", "Some say", "others say") or anything
/// said to speak ("Another ranking says", "Her campaign argued"), with a speech verb in
/// the active voice ("has been compared to" says nothing of its subject). "Shows" is
/// what a poster or a photograph depicts; only a source noun shows a finding ("a poll
/// shows").
fn unnamed_source_speaks(text: &str, c: &Cue) -> bool {
    // ("Officials called the meeting “progress”" names a thing; it states no position
    // of unnamed people)
    let Some(source) = c
        .source
        .as_ref()
        .filter(|_| !c.inverted && !lexicon::is_call_form(c.verb))
    else {
        return false;
    };
    let mut buf = [0u8; 32];
    let head = text[source.clone()].rsplit(' ').next().unwrap_or("");
    let head = lower(head, &mut buf);
    let singular = head.strip_suffix('s').unwrap_or(&head);
    let people = lexicon::is_source_noun(&head)
        || lexicon::is_source_noun(singular)
        || matches!(
            &*head,
            "some" | "others" | "many" | "most" | "several" | "few" | "both"
        );
    let speaks = c.kind == CueKind::Speech && !c.verb.starts_with("show") && !passive(text, c);
    people || speaks
}

/// Whether a verb is passive: a form of "be" right before it.
fn passive(text: &str, c: &Cue) -> bool {
    let before = text[..c.word.start].trim_end();
    let last = before.rsplit(' ').next().unwrap_or("");
    matches!(
        last,
        "been" | "be" | "being" | "is" | "are" | "was" | "were"
    )
}

/// Whether the sentence opens with a name (its subject).
fn starts_with_name(text: &str, unit: &Range<usize>) -> bool {
    let ws = words(
        text,
        unit.start..floor_boundary(text, unit.end.min(unit.start + 40)),
    );
    let mut buf = [0u8; 32];
    ws.first().is_some_and(|w| {
        let s = &text[w.clone()];
        is_capitalized(s) && !lexicon::is_sentence_word(&lower(s, &mut buf))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sides() -> SideMatcher {
        SideMatcher::new(&[
            vec!["Freedonia".into(), "Freedonian".into()],
            vec!["Sylvania".into()],
        ])
    }

    fn document_side(sentence: &str, verb: &str) -> Option<usize> {
        let cue_at = sentence.find(verb).unwrap_or(sentence.len());
        stating_document(sentence, &(0..cue_at), verb, &sides())
    }

    #[test]
    fn a_sides_statement_states_what_a_participle_hangs_on_it() {
        let s = "Firefly was answering a Sylvanian note, later a Sylvania statement issued after the talks, saying the border stays shut.";
        assert_eq!(document_side(s, "saying"), Some(1));
    }

    /// The text of each position `detect` finds in `story`.
    fn positions_of(story: &str) -> Vec<String> {
        use crate::article::{Article, Source};
        let article = Article::from_bytes(Source::Stdin, story.as_bytes());
        let found = crate::detect::detect(&article, None);
        found.positions.iter().map(|p| p.text.to_string()).collect()
    }

    #[test]
    fn a_quotation_with_only_its_attribution_is_no_position() {
        let story = "CURBS\n\n\"The curbs are a mistake,\" Jane Roe told a group of Freedonian traders in Lima.\n\n\
            \"We will answer,\" Jane Roe said, adding that Sylvania would pay for the curbs.\n";
        let found = positions_of(story);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("adding that"), "{found:?}");
    }

    #[test]
    fn a_relative_clause_after_the_source_tells_who_it_is() {
        let story = "CURBS\n\n\"The curbs are a mistake,\" said a grocer who has something \
            to lose.\n\n\"We will answer,\" said Jane Roe, who has traded in Lima since \
            the spring.\n";
        assert_eq!(positions_of(story), Vec::<String>::new());
    }

    #[test]
    fn a_clause_of_contrast_with_its_own_stater_is_a_position_of_its_own() {
        let story = "TALKS\n\nA Freedonian official said the talks had gone well on Monday, but \
            Sylvania said the border would stay shut until the spring.\n\n\
            Jane Roe said the talks had gone well on Monday, but added that the border would stay shut.\n";
        let found = positions_of(story);
        assert_eq!(
            found,
            [
                "A Freedonian official said the talks had gone well on Monday",
                "Sylvania said the border would stay shut until the spring.",
                "Jane Roe said the talks had gone well on Monday, but added that the border would stay shut.",
            ],
        );
    }

    #[test]
    fn without_a_document_or_a_participle_the_subject_states_it() {
        let s = "Firefly spoke after talks with Sylvania, saying the border stays shut.";
        assert_eq!(document_side(s, "saying"), None);
        let s = "A Sylvania statement said the border stays shut.";
        assert_eq!(document_side(s, "said"), None);
    }
}
