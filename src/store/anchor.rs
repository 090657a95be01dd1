//! Re-anchoring: placing stored annotations again when the article text changed.
//!
//! Each annotation keeps its offsets, its exact text and ~32 characters of context on
//! each side. In order: the stored offsets if the text is still there; the same text at
//! the place the previous annotation's shift predicts; the exact text nearest the old
//! place; a fuzzy match of text + prefix + suffix scored as Hypothesis does (quote 50,
//! prefix 20, suffix 20, position 2); else the annotation becomes an orphan, kept and
//! listed, never dropped. The fuzzy pass only compares a bounded number of candidates
//! found by exact search for short pieces of the context, so its cost stays bounded.
//!
//! Cues and speaker mentions follow (`offsets`): each is looked for only where the
//! annotations around it say the text moved, and kept only where its own text is,
//! else let go and reported — never put on other words.

mod fuzzy;
mod offsets;
#[cfg(test)]
mod proptests;

pub use offsets::keep_texts;

use crate::model::{Annotations, Id, Position, Quote, Snippet, shared_context};
use fuzzy::fuzzy;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Characters of context kept on each side of a span.
pub const CONTEXT_CHARS: usize = 32;

/// How an annotation was placed when its store was opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Placement {
    /// At its stored offsets, its text there.
    Exact,
    /// Its exact text, somewhere else.
    Moved,
    /// A fuzzy match: its text (and so its span) changed; it wants a look.
    Fuzzy,
    /// Not placed: kept as an orphan.
    Orphaned,
}

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
    /// Speaker mentions and cues that could not be placed on their text again and were
    /// let go (the total of `cues_dropped` and `mentions_dropped`, and of those that no
    /// longer fit the text at all).
    pub dropped_offsets: usize,
    /// The quotes whose cue was let go.
    pub cues_dropped: Vec<String>,
    /// The speaker mentions let go: the speaker's id and where the mention was.
    pub mentions_dropped: Vec<(String, [usize; 2])>,
    /// How each annotation that is not exactly where it was got placed, by id (see
    /// [`AnchorReport::placement`]); a restored orphan is listed by how it was found.
    pub placements: BTreeMap<String, Placement>,
}

impl AnchorReport {
    /// True when every annotation stayed where it was.
    pub fn is_unchanged(&self) -> bool {
        self.moved == 0 && self.fuzzy == 0 && self.orphaned.is_empty() && self.restored == 0
    }

    /// How the annotation with this id was placed ([`Placement::Exact`] for one not
    /// listed): the reader marks fuzzy placements for review.
    pub fn placement(&self, id: &str) -> Placement {
        self.placements.get(id).copied().unwrap_or(Placement::Exact)
    }
}

/// What is known of the text a set's offsets were made on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Made {
    /// This very text (the store's hash matches, or the detector just ran on it): every
    /// offset stands, and the texts of cues and mentions are taken from it.
    OnThisText,
    /// Another text, `bytes` long (the `[article]` table of the store's file).
    OnOtherText {
        /// The other text's length.
        bytes: usize,
    },
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
    fn place(&mut self, article: &Arc<String>, start: usize, end: usize);
}

macro_rules! impl_anchored {
    ($t:ty) => {
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
            fn place(&mut self, article: &Arc<String>, start: usize, end: usize) {
                self.start = start;
                self.end = end;
                self.text = Snippet::shared(article, start..end);
                (self.prefix, self.suffix) = shared_context(article, start, end, CONTEXT_CHARS);
            }
        }
    };
}

impl_anchored!(Quote);
impl_anchored!(Position);

/// Where a placed annotation was and is: its old and new span.
#[derive(Debug, Clone, Copy)]
struct Move {
    old: (usize, usize),
    new: (usize, usize),
    /// An orphan placed again: its old span is from whatever text it was last seen in.
    restored: bool,
}

/// Re-anchors every annotation of `a` against `article`, in place, its offsets made on
/// the text its `[article]` table describes (another text, unless told otherwise with
/// [`place`]), and updates the `[article]` bytes.
pub fn reanchor(a: &mut Annotations, article: &Arc<String>) -> AnchorReport {
    let bytes = a.article.bytes;
    place(a, article, Made::OnOtherText { bytes })
}

/// Re-anchors every annotation of `a` against `article`, whose offsets were made as
/// `made` says: quotes and positions placed again, orphans tried again (those that
/// still cannot be placed stay), cues and mentions moved with the text they hold.
pub fn place(a: &mut Annotations, article: &Arc<String>, made: Made) -> AnchorReport {
    let mut report = AnchorReport::default();
    // what cues and mentions held, read before anything moves
    let texts = offsets::OldTexts::of(a, made);
    let mut moves = BTreeMap::new();
    // how much longer the text got: the shift of whatever follows a single edit
    let total = match made {
        Made::OnThisText => 0,
        Made::OnOtherText { bytes } => article.len() as isize - bytes as isize,
    };
    let quotes = (
        std::mem::take(&mut a.quotes),
        std::mem::take(&mut a.orphan_quotes),
    );
    (a.quotes, a.orphan_quotes) = place_all(article, quotes, total, &mut report, &mut moves);
    let positions = (
        std::mem::take(&mut a.positions),
        std::mem::take(&mut a.orphan_positions),
    );
    (a.positions, a.orphan_positions) =
        place_all(article, positions, total, &mut report, &mut moves);
    offsets::place(a, article, made, &texts, &moves, &mut report);
    a.article.bytes = article.len();
    report
}

/// Places a list and its orphans; returns (placed, orphans), each sorted by start, and
/// records in `moves` where each placed one was and is. Works in place: a list of a
/// hundred thousand annotations is never held twice.
fn place_all<T: Anchored + Clone>(
    article: &Arc<String>,
    (mut items, orphans): (Vec<T>, Vec<T>),
    total: isize,
    report: &mut AnchorReport,
    moves: &mut BTreeMap<Id, Move>,
) -> (Vec<T>, Vec<T>) {
    sort_by_span(&mut items);
    let mut lost = Vec::new();
    let mut hint = 0isize;
    items.retain_mut(|item| {
        let (start, end) = item.span();
        let Some((s, e, how)) = find(article, &*item, [hint, total]) else {
            report.orphaned.push(item.id().to_string());
            report
                .placements
                .insert(item.id().to_string(), Placement::Orphaned);
            lost.push(item.clone());
            return false;
        };
        hint = s as isize - start as isize;
        note_placement(report, item.id(), how, false);
        moves.insert(
            Id::from(item.id()),
            Move {
                old: (start, end),
                new: (s, e),
                restored: false,
            },
        );
        // placing again also trades text read from a file for a range of the shared
        // article text
        item.place(article, s, e);
        true
    });
    for mut item in orphans {
        let (start, end) = item.span();
        match find(article, &item, [0, total]) {
            Some((s, e, how)) => {
                note_placement(report, item.id(), how, true);
                moves.insert(
                    Id::from(item.id()),
                    Move {
                        old: (start, end),
                        new: (s, e),
                        restored: true,
                    },
                );
                item.place(article, s, e);
                items.push(item);
            }
            None => lost.push(item),
        }
    }
    sort_by_span(&mut items);
    sort_by_span(&mut lost);
    (items, lost)
}

/// Counts how an annotation was found and keeps it for the report.
fn note_placement(report: &mut AnchorReport, id: &str, how: Found, restored: bool) {
    let placement = match how {
        Found::Same => Placement::Exact,
        Found::Moved => Placement::Moved,
        Found::Fuzzy => Placement::Fuzzy,
    };
    if restored {
        report.restored += 1;
    } else {
        match how {
            Found::Same => {}
            Found::Moved => report.moved += 1,
            Found::Fuzzy => report.fuzzy += 1,
        }
    }
    if placement != Placement::Exact || restored {
        report.placements.insert(id.to_string(), placement);
    }
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

/// Where an annotation is now: at its offsets; moved as the one before it moved
/// (`hints[0]`) or as the whole text's length changed (`hints[1]`: an edit before it,
/// none after); its text nearest where expected; a fuzzy match; or nowhere.
fn find<T: Anchored>(article: &str, item: &T, hints: [isize; 2]) -> Option<(usize, usize, Found)> {
    let (start, end) = item.span();
    let text = item.text();
    if slice_is(article, start, end, text) {
        return Some((start, end, Found::Same));
    }
    let expected = start.saturating_add_signed(hints[0]).min(article.len());
    for hint in hints {
        let at = start.saturating_add_signed(hint).min(article.len());
        if slice_is(article, at, at + text.len(), text) {
            return Some((at, at + text.len(), Found::Moved));
        }
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
            text: needle.into(),
            prefix: prefix.into(),
            suffix: suffix.into(),
            ..Quote::at(id, start, end)
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
