//! The detector's speakers against the set's: which of the set's each one is (by id,
//! else by a mention they share, so a renamed or merged speaker is recognised), and
//! the speaker changes a re-detection makes.

use super::Tally;
use crate::model::{Annotations, Id, Origin, Speaker};
use crate::store::history::{Change, Item, Slot};
use std::collections::{HashMap, HashSet};

/// The detector's speakers matched to the set's: by id, else by a shared mention.
pub(super) struct SpeakerMap {
    to_set: HashMap<Id, Id>,
}

impl SpeakerMap {
    pub(super) fn new(a: &Annotations, found: &Annotations) -> SpeakerMap {
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
    pub(super) fn map(&self, found: &Option<Id>) -> Option<Id> {
        let f = found.as_ref()?;
        Some(self.to_set.get(f).unwrap_or(f).clone())
    }

    /// The speaker changes: the detector's speakers the set has (auto ones updated),
    /// new ones that something now names, and the set's auto speakers that neither
    /// the detector nor anything in the set names any more (`named`: what the merged
    /// annotations name). Puts come first, removes last, so nothing names a speaker
    /// that is not there.
    pub(super) fn changes(
        &self,
        a: &Annotations,
        found: &Annotations,
        (named, held): (&HashSet<Id>, &HashSet<Id>),
        tally: &mut Tally,
    ) -> (Vec<Change>, Vec<Change>) {
        // the detector's own, with no merge conflict holding it for a person
        let free = |s: &&Speaker| s.origin == Origin::Auto && !held.contains(&s.id);
        let mut puts = Vec::new();
        for f in &found.speakers {
            match self.to_set.get(&f.id) {
                Some(id) if *id == f.id => {
                    let Some(s) = a.speaker(id).filter(free) else {
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
            .filter(|s| free(s) && !matched.contains(&s.id) && !named.contains(&s.id))
            .map(|s| Change::Remove {
                slot: Slot::Speaker,
                id: s.id.clone(),
            })
            .collect();
        tally.speakers_removed += removes.len();
        (puts, removes)
    }
}
