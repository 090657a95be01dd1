//! Merging one list (quotes, or positions) of a fresh detection into the set's: what
//! a person touched (or a merge conflict holds) stays and keeps its span from new
//! suggestions; an untouched suggestion the detector finds again at its span keeps
//! its id and takes the new reading; new spans are added; the rest go.

use super::speaker_map::SpeakerMap;
use super::{Tally, chosen_side};
use crate::model::{Annotations, Id, Origin, Position, Quote, Status};
use crate::store::history::Slot;
use std::collections::{HashMap, HashSet};

/// A quote or position, as the merge reads and writes it.
pub(super) trait Detected: Clone + PartialEq {
    const SLOT: Slot;
    const ORPHAN_SLOT: Slot;
    fn span(&self) -> (usize, usize);
    fn id(&self) -> &Id;
    fn untouched(&self) -> bool;
    fn speaker(&self) -> &Option<Id>;
    fn party(&self) -> &Option<Id>;
    /// This untouched suggestion with what the detector says of the same span now,
    /// and the speaker and side the merge gives it.
    fn adopt(&self, found: &Self, who: (Option<Id>, Option<Id>)) -> Self;
    /// A new suggestion with its speaker and side (its id is given later).
    fn fresh(found: &Self, who: (Option<Id>, Option<Id>)) -> Self;
}

macro_rules! impl_detected {
    ($t:ident, $slot:ident, $orphan:ident) => {
        impl_detected!($t, $slot, $orphan, |_mine, _theirs| {});
    };
    ($t:ident, $slot:ident, $orphan:ident, |$mine:ident, $theirs:ident| $detector_fields:block) => {
        impl Detected for $t {
            const SLOT: Slot = Slot::$slot;
            const ORPHAN_SLOT: Slot = Slot::$orphan;
            fn span(&self) -> (usize, usize) {
                (self.start, self.end)
            }
            fn id(&self) -> &Id {
                &self.id
            }
            fn untouched(&self) -> bool {
                self.is_untouched()
            }
            fn speaker(&self) -> &Option<Id> {
                &self.speaker
            }
            fn party(&self) -> &Option<Id> {
                &self.party
            }
            fn adopt(&self, found: &$t, (speaker, party): (Option<Id>, Option<Id>)) -> $t {
                let mut $mine = $t {
                    speaker,
                    party,
                    // the detector's reading of the span now: nothing to look at again
                    recheck: None,
                    ..self.clone()
                };
                let $theirs = found;
                $detector_fields
                $mine
            }
            fn fresh(found: &$t, (speaker, party): (Option<Id>, Option<Id>)) -> $t {
                $t {
                    id: Id::default(),
                    speaker,
                    party,
                    origin: Origin::Auto,
                    status: Status::Suggested,
                    recheck: None,
                    note: None,
                    ..found.clone()
                }
            }
        }
    };
}

impl_detected!(Quote, Quote, OrphanQuote, |q, found| {
    (q.kind, q.cue) = (found.kind, found.cue);
    q.cue_text = found.cue_text.clone();
});
impl_detected!(Position, Position, OrphanPosition);

/// What merging one list comes to.
pub(super) struct Merged<T> {
    /// Annotations to put: changed ones with their id, new ones with an empty id.
    pub(super) put: Vec<T>,
    /// Untouched suggestions (placed or orphan) to remove.
    pub(super) removes: Vec<(Slot, Id)>,
    /// Speakers the annotations of the merged list name.
    pub(super) named: Vec<Id>,
}

pub(super) fn merge<T: Detected>(
    a: &Annotations,
    current: &[T],
    orphans: &[T],
    found: &[T],
    speakers: &SpeakerMap,
    held: &HashSet<Id>,
    tally: &mut Tally,
) -> Merged<T> {
    // a merge conflict on it holds it as a person's until they settle it
    let free = |x: &T| x.untouched() && !held.contains(x.id());
    let kept = Spans::of(current.iter().filter(|x| !free(x)));
    tally.kept += current.iter().filter(|x| !free(x)).count();
    let mut untouched: HashMap<(usize, usize), &T> = current
        .iter()
        .filter(|x| free(x))
        .map(|x| (x.span(), x))
        .collect();
    let mut out = Merged {
        put: Vec::new(),
        removes: Vec::new(),
        named: current
            .iter()
            .filter(|x| !free(x))
            .filter_map(|x| x.speaker().clone())
            .collect(),
    };
    for f in found {
        let speaker = speakers.map(f.speaker());
        let party = chosen_side(a, &speaker).unwrap_or_else(|| f.party().clone());
        if let Some(u) = untouched.remove(&f.span()) {
            out.named.extend(speaker.clone());
            let adopted = u.adopt(f, (speaker, party));
            if adopted != *u {
                tally.changed += 1;
                out.put.push(adopted);
            }
        } else if !kept.overlaps(f.span()) {
            out.named.extend(speaker.clone());
            tally.added += 1;
            out.put.push(T::fresh(f, (speaker, party)));
        }
    }
    let gone = current
        .iter()
        .filter(|x| free(x) && untouched.contains_key(&x.span()));
    for x in gone {
        out.removes.push((T::SLOT, x.id().clone()));
    }
    for o in orphans {
        if free(o) {
            out.removes.push((T::ORPHAN_SLOT, o.id().clone()));
        } else {
            out.named.extend(o.speaker().clone());
        }
    }
    tally.removed += out.removes.len();
    out
}

/// Spans sorted by start, with the furthest end reached so far, to ask whether a span
/// overlaps any of them in logarithmic time.
struct Spans {
    starts: Vec<usize>,
    reach: Vec<usize>,
}

impl Spans {
    fn of<'a, T: Detected + 'a>(items: impl Iterator<Item = &'a T>) -> Spans {
        let mut spans: Vec<(usize, usize)> = items.map(Detected::span).collect();
        spans.sort_unstable();
        let mut reach = Vec::with_capacity(spans.len());
        let mut far = 0;
        for &(_, end) in &spans {
            far = far.max(end);
            reach.push(far);
        }
        Spans {
            starts: spans.into_iter().map(|(s, _)| s).collect(),
            reach,
        }
    }

    fn overlaps(&self, (start, end): (usize, usize)) -> bool {
        let before_end = self.starts.partition_point(|&s| s < end);
        before_end > 0 && self.reach[before_end - 1] > start
    }
}
