//! Planning what a fresh detection changes in a set a person has worked on: every
//! annotation a person touched stays as it is; the untouched suggestions are replaced
//! by what the detector finds now (one at the same span keeps its id and takes the
//! new speaker, side, kind and cue); what the detector finds over text that has no
//! annotation is added; its speakers join the set, matched to the set's own by id or
//! by a shared mention, so a renamed or merged speaker is not brought back.
//! [`rederive`] is the lighter step the sides take: only the sides of the untouched
//! suggestions and of the detector's speakers.

use super::ids::next_id;
use super::plan::Plan;
use super::{EditError, SideList};
use crate::model::{
    Annotations, Id, Origin, Position, Quote, Snippet, Speaker, Status, shared_context,
};
use crate::store::anchor::CONTEXT_CHARS;
use crate::store::history::{Change, Item, Slot};
use compact_str::format_compact;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// What a re-detection changed, for the reader to say.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Suggestions added (over text that had none, or in place of ones that went).
    pub added: usize,
    /// Untouched suggestions at the same span that changed (speaker, side, kind, cue).
    pub changed: usize,
    /// Untouched suggestions the detector no longer finds.
    pub removed: usize,
    /// Annotations a person touched, kept as they are.
    pub kept: usize,
    /// Speakers added.
    pub speakers_added: usize,
    /// The detector's speakers that nothing names any more.
    pub speakers_removed: usize,
}

impl Tally {
    /// True when nothing changed.
    pub fn is_empty(&self) -> bool {
        self.added + self.changed + self.removed + self.speakers_added + self.speakers_removed == 0
    }

    /// What changed and what was kept, in words ("suggestions 1 added, 2 changed;
    /// 1 speaker added; 3 annotations a person touched kept").
    pub fn describe(&self) -> String {
        let counted = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
        let kept = format!("{} a person touched kept", counted(self.kept, "annotation"));
        if self.is_empty() {
            return format!("nothing changed; {kept}");
        }
        let suggestions: Vec<String> = [
            (self.added, "added"),
            (self.changed, "changed"),
            (self.removed, "removed"),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect();
        let mut parts = Vec::new();
        if !suggestions.is_empty() {
            parts.push(format!("suggestions {}", suggestions.join(", ")));
        }
        if self.speakers_added > 0 {
            parts.push(format!("{} added", counted(self.speakers_added, "speaker")));
        }
        if self.speakers_removed > 0 {
            parts.push(format!(
                "{} gone",
                counted(self.speakers_removed, "speaker")
            ));
        }
        parts.push(kept);
        parts.join("; ")
    }
}

/// The sides the detector, run with the set's sides (`found`), gives the set's
/// untouched suggestions (matched by span) and its own speakers (auto, by id). A
/// suggestion whose speaker a person gave a side takes that side instead. What the
/// detector does not find again keeps its side.
pub fn rederive(a: &Annotations, found: &Annotations) -> (SideList, SideList) {
    let by_span =
        |spans: Vec<((usize, usize), Option<Id>)>| -> HashMap<_, _> { spans.into_iter().collect() };
    let quote_sides = by_span(
        found
            .quotes
            .iter()
            .map(|q| ((q.start, q.end), q.party.clone()))
            .collect(),
    );
    let position_sides = by_span(
        found
            .positions
            .iter()
            .map(|p| ((p.start, p.end), p.party.clone()))
            .collect(),
    );
    let chosen = |speaker: &Option<Id>| -> Option<Option<Id>> {
        let s = a.speaker(speaker.as_deref()?)?;
        (s.origin == Origin::Manual && s.party.is_some()).then(|| s.party.clone())
    };
    let side = |span, speaker: &Option<Id>, sides: &HashMap<(usize, usize), Option<Id>>| {
        chosen(speaker).or_else(|| sides.get(&span).cloned())
    };
    let quotes = a
        .quotes
        .iter()
        .filter(|q| q.is_untouched())
        .filter_map(|q| {
            Some((
                q.id.clone(),
                side((q.start, q.end), &q.speaker, &quote_sides)?,
            ))
        });
    let positions = a
        .positions
        .iter()
        .filter(|p| p.is_untouched())
        .filter_map(|p| {
            Some((
                p.id.clone(),
                side((p.start, p.end), &p.speaker, &position_sides)?,
            ))
        });
    let sides = quotes.chain(positions).collect();
    let speaker_sides = a
        .speakers
        .iter()
        .filter(|s| s.origin == Origin::Auto)
        .filter_map(|s| Some((s.id.clone(), found.speaker(&s.id)?.party.clone())))
        .collect();
    (sides, speaker_sides)
}

/// How many annotations the side list gives a side they do not have yet.
pub fn side_changes(a: &Annotations, sides: &SideList) -> usize {
    let now: HashMap<&str, &Option<Id>> = a
        .quotes
        .iter()
        .map(|q| (q.id.as_str(), &q.party))
        .chain(a.positions.iter().map(|p| (p.id.as_str(), &p.party)))
        .collect();
    sides
        .iter()
        .filter(|(id, side)| now.get(id.as_str()).is_some_and(|s| *s != side))
        .count()
}

/// The changes that merge the detector's `found` into `a` (see the module doc).
/// `found` must have been detected with the set's sides, so its side ids are the set's.
pub(super) fn plan(
    a: &Annotations,
    text: &Arc<String>,
    found: &Annotations,
) -> Result<Plan, EditError> {
    let ids = |parties: &[crate::model::Party]| -> Vec<String> {
        parties.iter().map(|p| p.id.clone()).collect()
    };
    if ids(&found.parties) != ids(&a.parties) {
        return Err(EditError::NotApplicable(
            "the detection ran with other sides; run it again".into(),
        ));
    }
    let speakers = SpeakerMap::new(a, found);
    let mut tally = Tally::default();
    let mut quotes = merge(
        &a.quotes,
        &a.orphan_quotes,
        &found.quotes,
        &speakers,
        &mut tally,
    );
    for q in &mut quotes.put {
        q.cue = q.cue.filter(|c| c[0] <= c[1] && c[1] <= text.len());
    }
    let positions = merge(
        &a.positions,
        &a.orphan_positions,
        &found.positions,
        &speakers,
        &mut tally,
    );
    let mut fresh_q = fresh_ids(a, "q");
    let mut fresh_p = fresh_ids(a, "p");
    let named: HashSet<Id> = quotes
        .named
        .iter()
        .chain(&positions.named)
        .cloned()
        .collect();
    let (speaker_puts, speaker_removes) = speakers.changes(a, found, &named, &mut tally);
    let mut changes = speaker_puts;
    changes.extend(
        quotes
            .removes
            .into_iter()
            .map(|(slot, id)| Change::Remove { slot, id }),
    );
    changes.extend(
        positions
            .removes
            .into_iter()
            .map(|(slot, id)| Change::Remove { slot, id }),
    );
    for mut q in quotes.put {
        if q.id.is_empty() {
            q.id = fresh_q();
        }
        place(
            &mut q.text,
            &mut q.prefix,
            &mut q.suffix,
            text,
            (q.start, q.end),
        );
        changes.push(Change::Put(Item::Quote(q)));
    }
    for mut p in positions.put {
        if p.id.is_empty() {
            p.id = fresh_p();
        }
        place(
            &mut p.text,
            &mut p.prefix,
            &mut p.suffix,
            text,
            (p.start, p.end),
        );
        changes.push(Change::Put(Item::Position(p)));
    }
    changes.extend(speaker_removes);
    let mut plan = Plan::new("re-detect", changes);
    plan.tally = Some(tally);
    Ok(plan)
}

/// The text and context of a span, as ranges of the shared article text.
fn place(
    text: &mut Snippet,
    prefix: &mut Snippet,
    suffix: &mut Snippet,
    article: &Arc<String>,
    (start, end): (usize, usize),
) {
    *text = Snippet::shared(article, start..end);
    (*prefix, *suffix) = shared_context(article, start, end, CONTEXT_CHARS);
}

/// New ids `PREFIX<n>`, one after another from the one [`next_id`] gives, each free
/// (past `u64::MAX` they go on from 1, skipping the ids the set has).
fn fresh_ids(a: &Annotations, prefix: &'static str) -> impl FnMut() -> Id {
    let mut taken: HashSet<Id> = a
        .quotes
        .iter()
        .map(|q| q.id.clone())
        .chain(a.positions.iter().map(|p| p.id.clone()))
        .chain(a.orphan_quotes.iter().map(|q| q.id.clone()))
        .chain(a.orphan_positions.iter().map(|p| p.id.clone()))
        .collect();
    let first = next_id(a, prefix);
    let mut n: u64 = first
        .strip_prefix(prefix)
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);
    move || loop {
        let id = format_compact!("{prefix}{n}");
        n = n.checked_add(1).unwrap_or(1);
        if taken.insert(id.clone()) {
            return id;
        }
    }
}

/// A quote or position, as the merge reads and writes it.
trait Detected: Clone + PartialEq {
    const SLOT: Slot;
    const ORPHAN_SLOT: Slot;
    fn span(&self) -> (usize, usize);
    fn id(&self) -> &Id;
    fn untouched(&self) -> bool;
    fn speaker(&self) -> &Option<Id>;
    /// This untouched suggestion with what the detector says of the same span now.
    fn adopt(&self, found: &Self, speaker: Option<Id>) -> Self;
    /// A new suggestion (its id is given later).
    fn fresh(found: &Self, speaker: Option<Id>) -> Self;
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
            fn adopt(&self, found: &$t, speaker: Option<Id>) -> $t {
                let mut $mine = $t {
                    speaker,
                    party: found.party.clone(),
                    // the detector's reading of the span now: nothing to look at again
                    recheck: None,
                    ..self.clone()
                };
                let $theirs = found;
                $detector_fields
                $mine
            }
            fn fresh(found: &$t, speaker: Option<Id>) -> $t {
                $t {
                    id: Id::default(),
                    speaker,
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
});
impl_detected!(Position, Position, OrphanPosition);

/// What merging one list comes to.
struct Merged<T> {
    /// Annotations to put: changed ones with their id, new ones with an empty id.
    put: Vec<T>,
    /// Untouched suggestions (placed or orphan) to remove.
    removes: Vec<(Slot, Id)>,
    /// Speakers the annotations of the merged list name.
    named: Vec<Id>,
}

fn merge<T: Detected>(
    current: &[T],
    orphans: &[T],
    found: &[T],
    speakers: &SpeakerMap,
    tally: &mut Tally,
) -> Merged<T> {
    let kept = Spans::of(current.iter().filter(|x| !x.untouched()));
    tally.kept += current.iter().filter(|x| !x.untouched()).count();
    let mut untouched: HashMap<(usize, usize), &T> = current
        .iter()
        .filter(|x| x.untouched())
        .map(|x| (x.span(), x))
        .collect();
    let mut out = Merged {
        put: Vec::new(),
        removes: Vec::new(),
        named: current
            .iter()
            .filter(|x| !x.untouched())
            .filter_map(|x| x.speaker().clone())
            .collect(),
    };
    for f in found {
        let speaker = speakers.map(f.speaker());
        if let Some(u) = untouched.remove(&f.span()) {
            out.named.extend(speaker.clone());
            let adopted = u.adopt(f, speaker);
            if adopted != *u {
                tally.changed += 1;
                out.put.push(adopted);
            }
        } else if !kept.overlaps(f.span()) {
            out.named.extend(speaker.clone());
            tally.added += 1;
            out.put.push(T::fresh(f, speaker));
        }
    }
    let gone = current
        .iter()
        .filter(|x| x.untouched() && untouched.contains_key(&x.span()));
    for x in gone {
        out.removes.push((T::SLOT, x.id().clone()));
    }
    for o in orphans {
        if o.untouched() {
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

/// The detector's speakers matched to the set's: by id, else by a shared mention.
struct SpeakerMap {
    to_set: HashMap<Id, Id>,
}

impl SpeakerMap {
    fn new(a: &Annotations, found: &Annotations) -> SpeakerMap {
        let mut mentions: Vec<(usize, usize, &Id)> = a
            .speakers
            .iter()
            .flat_map(|s| s.mentions.iter().map(move |m| (m[0], m[1], &s.id)))
            .collect();
        mentions.sort_unstable();
        let shared = |m: &[usize; 2]| -> Option<&Id> {
            let i = mentions.partition_point(|x| (x.0, x.1) < (m[0], m[1]));
            mentions
                .get(i)
                .filter(|x| (x.0, x.1) == (m[0], m[1]))
                .map(|x| x.2)
        };
        let to_set = found
            .speakers
            .iter()
            .filter_map(|f| {
                let id = match a.speaker(&f.id) {
                    Some(s) => &s.id,
                    None => f.mentions.iter().find_map(shared)?,
                };
                Some((f.id.clone(), id.clone()))
            })
            .collect();
        SpeakerMap { to_set }
    }

    /// The set's id for a speaker the detector names (its own id when it is new).
    fn map(&self, found: &Option<Id>) -> Option<Id> {
        let f = found.as_ref()?;
        Some(self.to_set.get(f).unwrap_or(f).clone())
    }

    /// The speaker changes: the detector's speakers the set has (auto ones updated),
    /// new ones that something now names, and the set's auto speakers that neither
    /// the detector nor anything in the set names any more (`named`: what the merged
    /// annotations name). Puts come first, removes last, so nothing names a speaker
    /// that is not there.
    fn changes(
        &self,
        a: &Annotations,
        found: &Annotations,
        named: &HashSet<Id>,
        tally: &mut Tally,
    ) -> (Vec<Change>, Vec<Change>) {
        let mut puts = Vec::new();
        for f in &found.speakers {
            match self.to_set.get(&f.id) {
                Some(id) if *id == f.id => {
                    let Some(s) = a.speaker(id).filter(|s| s.origin == Origin::Auto) else {
                        continue;
                    };
                    if s != f {
                        puts.push(Change::Put(Item::Speaker(Speaker {
                            origin: Origin::Auto,
                            ..f.clone()
                        })));
                    }
                }
                Some(_) => {}
                None if named.contains(&f.id) => {
                    tally.speakers_added += 1;
                    puts.push(Change::Put(Item::Speaker(f.clone())));
                }
                None => {}
            }
        }
        let matched: HashSet<&Id> = self.to_set.values().collect();
        let removes: Vec<Change> = a
            .speakers
            .iter()
            .filter(|s| {
                s.origin == Origin::Auto && !matched.contains(&s.id) && !named.contains(&s.id)
            })
            .map(|s| Change::Remove {
                slot: Slot::Speaker,
                id: s.id.clone(),
            })
            .collect();
        tally.speakers_removed += removes.len();
        (puts, removes)
    }
}
