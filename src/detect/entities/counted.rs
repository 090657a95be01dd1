//! "one said", "another said" after a group of people ("Two officials said …"): when
//! such a word is a member of the group and not the start of a longer subject.

use super::super::lexicon;
use std::ops::Range;

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
