//! A counted group of people as the subject of a sentence that quotes nobody ("Two
//! planning officers at the county council read the plan."): recorded, so that "one
//! said" and "another said" after it find the group they belong to.

use super::super::lexicon;
use super::super::parties::SideMatcher;
use super::super::roles::is_people_noun;
use super::super::speakers::NpKind;
use super::Entities;
use std::ops::Range;

/// Most words between the count and the group's noun ("Two senior planning officers").
const MAX_MODIFIERS: usize = 3;

/// The group's phrase from the count at `start` to its plural noun of people, the first
/// such noun among the next few lower-case words: "Two planning officers" of "Two
/// planning officers at the county council read …".
fn counted_phrase(text: &str, start: usize) -> Option<Range<usize>> {
    let rest = &text[start..];
    let mut end = rest.find(' ')?;
    for word in rest[end..].split(' ').skip(1).take(MAX_MODIFIERS + 1) {
        let l = word.to_lowercase();
        if word.is_empty() || l != word || !word.chars().all(|c| c.is_alphabetic() || c == '-') {
            return None;
        }
        end += 1 + word.len();
        let person = lexicon::reads_as_person_noun(&l) || lexicon::is_source_noun(&l);
        if l.ends_with('s') && person && is_people_noun(&l) {
            return Some(start..start + end);
        }
    }
    None
}

/// Whether "one", "another" or "the other" at `range` is the whole source, next to
/// its speech verb ("one said", "said another"), not the start of a phrase the
/// sentence's subject was cut from ("One operative inside the campaign …", "Another
/// slide shows"). (The read phrase is remembered by its text alone, so this is asked
/// of the words around it here.)
pub(super) fn speaks_alone(text: &str, range: &Range<usize>) -> bool {
    let cue = |w: &str| {
        let l = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
        lexicon::cue(&l).is_some()
    };
    let next = text[range.end..].split_whitespace().next().unwrap_or("");
    let before = text[..range.start]
        .split_whitespace()
        .next_back()
        .unwrap_or("");
    cue(next) || (cue(before) && !before.ends_with([',', '.', ';', ':']))
}

impl Entities {
    /// Records the subject opening at `range` of a sentence that quotes nobody when it is
    /// a counted group of people ("Two planning officers …"); anything else is left
    /// alone.
    pub(super) fn mention_counted_group(
        &mut self,
        text: &str,
        range: Range<usize>,
        sides: &SideMatcher,
    ) {
        let first = text[range.clone()].split(' ').next().unwrap_or_default();
        if !lexicon::counts_people(&first.to_lowercase()) {
            return;
        }
        let Some(range) = counted_phrase(text, range.start) else {
            return;
        };
        let np = self.read_cached(text, range.clone(), sides);
        let group = np
            .as_ref()
            .is_some_and(|np| matches!(np.kind, NpKind::Role { plural: true, .. }));
        if group {
            self.resolve_phrase(text, range, sides);
        }
    }
}
