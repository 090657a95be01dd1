//! Re-anchoring: placing stored annotations again when the article text changed.
//!
//! Each annotation keeps its offsets, its exact text and ~32 characters of context on
//! each side. In order: the stored offsets if the text is still there; the same text at
//! the place the previous annotation's shift predicts; the exact text nearest the old
//! place; a fuzzy match of text + prefix + suffix scored as Hypothesis does (quote 50,
//! prefix 20, suffix 20, position 2); else the annotation becomes an orphan, kept and
//! listed, never dropped. The fuzzy pass only compares a bounded number of candidates
//! found by exact search for short pieces of the context, so its cost stays bounded.

mod fuzzy;

use crate::model::{Annotations, Position, Quote, Snippet, shared_context};
use fuzzy::fuzzy;
use std::sync::Arc;

/// Characters of context kept on each side of a span.
pub const CONTEXT_CHARS: usize = 32;

/// What re-anchoring did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnchorReport {
    /// Annotations found at a new place by their exact text.
    pub moved: usize,
    /// Annotations found by a fuzzy match (their text was updated to the article's).
    pub fuzzy: usize,
    /// Ids of annotations that could not be placed and are now orphans.
    pub orphaned: Vec<String>,
    /// Orphans that could be placed again.
    pub restored: usize,
    /// Speaker mentions, cues or marks that no longer fit the text and were let go.
    pub dropped_offsets: usize,
}

impl AnchorReport {
    /// True when every annotation stayed where it was.
    pub fn is_unchanged(&self) -> bool {
        self.moved == 0 && self.fuzzy == 0 && self.orphaned.is_empty() && self.restored == 0
    }
}

/// The fields of an annotation that anchoring reads and writes.
trait Anchored {
    fn span(&self) -> (usize, usize);
    fn text(&self) -> &str;
    fn prefix(&self) -> &str;
    fn suffix(&self) -> &str;
    fn id(&self) -> &str;
    /// Moves the annotation and refreshes its text and context (as ranges of the
    /// shared article text).
    fn place(&mut self, article: &Arc<String>, start: usize, end: usize, delta: isize);
}

macro_rules! impl_anchored {
    ($t:ty, $cue:expr) => {
        impl Anchored for $t {
            fn span(&self) -> (usize, usize) {
                (self.start, self.end)
            }
            fn text(&self) -> &str {
                &self.text
            }
            fn prefix(&self) -> &str {
                &self.prefix
            }
            fn suffix(&self) -> &str {
                &self.suffix
            }
            fn id(&self) -> &str {
                &self.id
            }
            fn place(&mut self, article: &Arc<String>, start: usize, end: usize, delta: isize) {
                self.start = start;
                self.end = end;
                self.text = Snippet::shared(article, start..end);
                (self.prefix, self.suffix) = shared_context(article, start, end, CONTEXT_CHARS);
                #[allow(clippy::redundant_closure_call)]
                ($cue)(self, article, delta);
            }
        }
    };
}

impl_anchored!(Quote, |q: &mut Quote, article: &str, delta: isize| {
    q.cue = q.cue.and_then(|c| shift_span(article, c, delta));
});
impl_anchored!(Position, |_: &mut Position, _: &str, _: isize| {});

/// Re-anchors every annotation of `a` against `article`, in place, and updates the
/// `[article]` bytes. Orphans are tried again; those that still cannot be placed stay.
pub fn reanchor(a: &mut Annotations, article: &Arc<String>) -> AnchorReport {
    let mut report = AnchorReport::default();
    let mut shifts = Vec::new();
    let cues = |a: &Annotations| {
        a.quotes
            .iter()
            .chain(&a.orphan_quotes)
            .filter(|q| q.cue.is_some())
            .count()
    };
    let cues_before = cues(a);
    let quotes = std::mem::take(&mut a.quotes);
    let orphan_quotes = std::mem::take(&mut a.orphan_quotes);
    (a.quotes, a.orphan_quotes) =
        place_all(article, quotes, orphan_quotes, &mut report, &mut shifts);
    let positions = std::mem::take(&mut a.positions);
    let orphan_positions = std::mem::take(&mut a.orphan_positions);
    (a.positions, a.orphan_positions) = place_all(
        article,
        positions,
        orphan_positions,
        &mut report,
        &mut shifts,
    );
    report.dropped_offsets = cues_before - cues(a) + remap_offsets(a, article, shifts);
    a.article.bytes = article.len();
    report
}

/// Places a list and its orphans; returns (placed, orphans), each sorted by start.
/// Works in place: a list of a hundred thousand annotations is never held twice.
fn place_all<T: Anchored + Clone>(
    article: &Arc<String>,
    mut items: Vec<T>,
    orphans: Vec<T>,
    report: &mut AnchorReport,
    shifts: &mut Vec<(usize, isize)>,
) -> (Vec<T>, Vec<T>) {
    sort_by_span(&mut items);
    let mut lost = Vec::new();
    let mut hint = 0isize;
    items.retain_mut(|item| {
        let (start, _) = item.span();
        let Some((s, e, how)) = find(article, &*item, hint) else {
            report.orphaned.push(item.id().to_string());
            lost.push(item.clone());
            return false;
        };
        let delta = s as isize - start as isize;
        hint = delta;
        shifts.push((start, delta));
        match how {
            Found::Same => {}
            Found::Moved => report.moved += 1,
            Found::Fuzzy => report.fuzzy += 1,
        }
        // placing again also trades text read from a file for a range of the shared
        // article text
        item.place(article, s, e, delta);
        true
    });
    for mut item in orphans {
        let (start, _) = item.span();
        match find(article, &item, 0) {
            Some((s, e, _)) => {
                report.restored += 1;
                item.place(article, s, e, s as isize - start as isize);
                items.push(item);
            }
            None => lost.push(item),
        }
    }
    sort_by_span(&mut items);
    sort_by_span(&mut lost);
    (items, lost)
}

/// Sorts by span, stably, and only when needed (a stable sort takes memory).
fn sort_by_span<T: Anchored>(items: &mut [T]) {
    if !items.is_sorted_by_key(|i| i.span()) {
        items.sort_by_key(|i| i.span());
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Found {
    Same,
    Moved,
    Fuzzy,
}

fn find<T: Anchored>(article: &str, item: &T, hint: isize) -> Option<(usize, usize, Found)> {
    let (start, end) = item.span();
    let text = item.text();
    if slice_is(article, start, end, text) {
        return Some((start, end, Found::Same));
    }
    let expected = start.saturating_add_signed(hint).min(article.len());
    if slice_is(article, expected, expected + text.len(), text) {
        return Some((expected, expected + text.len(), Found::Moved));
    }
    if !text.is_empty()
        && let Some(s) = nearest_exact(article, text, expected)
    {
        return Some((s, s + text.len(), Found::Moved));
    }
    fuzzy(article, item, expected).map(|(s, e)| (s, e, Found::Fuzzy))
}

fn slice_is(article: &str, start: usize, end: usize, text: &str) -> bool {
    article.get(start..end) == Some(text)
}

/// The occurrence of `needle` whose start is nearest `expected`, searching ever wider.
fn nearest_exact(article: &str, needle: &str, expected: usize) -> Option<usize> {
    for radius in [1usize << 10, 1 << 14, 1 << 18, usize::MAX] {
        let lo = floor_boundary(article, expected.saturating_sub(radius));
        let hi = ceil_boundary(
            article,
            expected.saturating_add(radius).saturating_add(needle.len()),
        );
        let best = article[lo..hi]
            .match_indices(needle)
            .map(|(i, _)| lo + i)
            .min_by_key(|&i| i.abs_diff(expected));
        if best.is_some() || (lo == 0 && hi == article.len()) {
            return best;
        }
    }
    None
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Shifts a `[start, end]` by `delta`, or None when it no longer fits the text.
fn shift_span(article: &str, span: [usize; 2], delta: isize) -> Option<[usize; 2]> {
    let s = span[0].checked_add_signed(delta)?;
    let e = span[1].checked_add_signed(delta)?;
    (s <= e && e <= article.len() && article.is_char_boundary(s) && article.is_char_boundary(e))
        .then_some([s, e])
}

/// Moves speaker mentions by the shift of the nearest annotation before them (they
/// keep no text of their own); returns how many were let go.
fn remap_offsets(a: &mut Annotations, article: &str, mut shifts: Vec<(usize, isize)>) -> usize {
    shifts.sort_unstable();
    let delta_at = |x: usize| match shifts.partition_point(|&(s, _)| s <= x) {
        0 => 0,
        n => shifts[n - 1].1,
    };
    let mut dropped = 0;
    for speaker in &mut a.speakers {
        let before = speaker.mentions.len();
        speaker.mentions = speaker
            .mentions
            .iter()
            .filter_map(|&m| shift_span(article, m, delta_at(m[0])))
            .collect();
        dropped += before - speaker.mentions.len();
    }
    dropped
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ArticleInfo, Quote, context};

    fn arc(s: &str) -> Arc<String> {
        Arc::new(s.to_string())
    }

    const OLD: &str = "WASHINGTON (Reuters) - Officials met on Tuesday. \"Engaging in these talks is \
        in our interest,\" said Ian Kelly, the spokesman. Cuba said it offered a new agreement. \
        The so-called wet foot, dry foot policy was discussed at length by both sides.";

    fn quote(article: &str, id: &str, needle: &str) -> Quote {
        let start = article.find(needle).unwrap();
        let end = start + needle.len();
        let (prefix, suffix) = context(article, start, end, CONTEXT_CHARS);
        Quote {
            id: id.into(),
            start,
            end,
            text: needle.into(),
            speaker: None,
            party: None,
            kind: Default::default(),
            cue: None,
            origin: Default::default(),
            status: Default::default(),
            recheck: None,
            note: None,
            prefix: prefix.into(),
            suffix: suffix.into(),
        }
    }

    fn set(quotes: Vec<Quote>) -> Annotations {
        let mut a = Annotations::new(ArticleInfo::default());
        a.quotes = quotes;
        a
    }

    const KELLY: &str = "\"Engaging in these talks is in our interest,\"";
    const CUBA: &str = "Cuba said it offered a new agreement.";

    #[test]
    fn unchanged_text_stays() {
        let mut a = set(vec![quote(OLD, "q1", KELLY)]);
        let r = reanchor(&mut a, &arc(OLD));
        assert!(r.is_unchanged(), "{r:?}");
    }

    #[test]
    fn insert_before_moves_by_exact_text() {
        let mut a = set(vec![quote(OLD, "q1", KELLY), quote(OLD, "q2", CUBA)]);
        let new = OLD.replace("Officials", "Senior U.S. and Cuban officials");
        let r = reanchor(&mut a, &arc(&new));
        assert_eq!(r.moved, 2, "{r:?}");
        for q in &a.quotes {
            assert_eq!(&new[q.range()], q.text);
        }
    }

    #[test]
    fn edited_word_inside_is_found_fuzzily() {
        let mut a = set(vec![quote(OLD, "q1", KELLY)]);
        let new = OLD.replace("in our interest", "in our national interest");
        let r = reanchor(&mut a, &arc(&new));
        assert_eq!(r.fuzzy, 1, "{r:?}");
        assert_eq!(
            a.quotes[0].text,
            "\"Engaging in these talks is in our national interest,\""
        );
    }

    #[test]
    fn deleted_quote_becomes_an_orphan_and_comes_back() {
        let mut a = set(vec![quote(OLD, "q1", KELLY), quote(OLD, "q2", CUBA)]);
        let new = OLD.replace(CUBA, "");
        let r = reanchor(&mut a, &arc(&new));
        assert_eq!(r.orphaned, vec!["q2".to_string()]);
        assert_eq!(a.orphan_quotes[0].text, CUBA, "kept with its text");
        assert_eq!(a.quotes.len(), 1);
        let r = reanchor(&mut a, &arc(OLD));
        assert_eq!(r.restored, 1, "{r:?}");
        assert_eq!(a.quotes.len(), 2);
    }

    #[test]
    fn nearest_of_repeated_text_wins() {
        let text = "wet foot here. wet foot there. wet foot everywhere.";
        let i = text.rfind("wet foot").unwrap();
        let mut q = quote(text, "q1", "wet foot");
        q.start = i;
        q.end = i + 8;
        let mut a = set(vec![q]);
        let new = format!("xx{text}");
        reanchor(&mut a, &arc(&new));
        assert_eq!(a.quotes[0].start, i + 2);
    }
}
