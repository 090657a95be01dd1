//! Checking one action at a time without checking the whole set again: a [`Tally`]
//! keeps how many items carry each id and how many name each speaker and party, and
//! is moved along with every action applied. Whether an action left the set valid is
//! then a question about the items it touched alone — their own spans and texts,
//! their ids, the speakers and parties they name, and no one still naming what it
//! removed — so replaying a journal costs what its entries hold, not entries times
//! the set.

use super::{SpanRef, placed_span_error, span_error};
use crate::model::{Annotations, Conflict, ConflictTable, Id};
use crate::store::history::{Change, Item, Slot};
use std::collections::HashMap;

/// Ids and references of a set, counted.
#[derive(Debug, Default)]
pub struct Tally {
    /// Quotes, positions and orphans by id (one namespace).
    annotations: HashMap<Id, i64>,
    speakers: HashMap<Id, i64>,
    parties: HashMap<Id, i64>,
    /// Annotations naming each speaker.
    speaker_refs: HashMap<Id, i64>,
    /// Annotations and speakers naming each party.
    party_refs: HashMap<Id, i64>,
    /// Quotes (placed or orphan) by id, and positions: what a conflict may name.
    quotes: HashMap<Id, i64>,
    positions: HashMap<Id, i64>,
    /// Conflicts by id.
    conflicts: HashMap<Id, i64>,
    /// Conflicts on each field of each item.
    conflict_fields: HashMap<(ConflictTable, Id, String), i64>,
    /// Conflicts naming each item.
    conflict_refs: HashMap<(ConflictTable, Id), i64>,
}

/// [`bump`] for the maps keyed by more than an id.
fn bump_key<K: std::hash::Hash + Eq + Clone>(map: &mut HashMap<K, i64>, key: K, up: bool) {
    let n = map.entry(key.clone()).or_default();
    *n += if up { 1 } else { -1 };
    if *n == 0 {
        map.remove(&key);
    }
}

/// Counts one more (or one less) of `id`. The counts of an action's puts and of the
/// items it replaced come in any order, so a count may dip below zero on the way.
fn bump(map: &mut HashMap<Id, i64>, id: &str, up: bool) {
    let n = map.entry(Id::from(id)).or_default();
    *n += if up { 1 } else { -1 };
    if *n == 0 {
        map.remove(id);
    }
}

impl Tally {
    /// The counts of a whole set.
    pub fn of(a: &Annotations) -> Tally {
        let mut t = Tally::default();
        for p in &a.parties {
            bump(&mut t.parties, &p.id, true);
        }
        for s in &a.speakers {
            bump(&mut t.speakers, &s.id, true);
            if let Some(p) = &s.party {
                bump(&mut t.party_refs, p, true);
            }
        }
        for q in a.quotes.iter().chain(&a.orphan_quotes) {
            t.count(&Item::Quote(q.clone()), true);
        }
        for p in a.positions.iter().chain(&a.orphan_positions) {
            t.count(&Item::Position(p.clone()), true);
        }
        for c in &a.conflicts {
            t.count_conflict(c, true);
        }
        t
    }

    fn count_conflict(&mut self, c: &Conflict, up: bool) {
        bump(&mut self.conflicts, &c.id, up);
        let field = (c.table, c.item.clone(), c.field.clone());
        bump_key(&mut self.conflict_fields, field, up);
        bump_key(&mut self.conflict_refs, (c.table, c.item.clone()), up);
    }

    fn count_span(&mut self, s: &SpanRef<'_>, up: bool) {
        bump(&mut self.annotations, s.id, up);
        if let Some(sp) = s.speaker {
            bump(&mut self.speaker_refs, sp, up);
        }
        if let Some(p) = s.party {
            bump(&mut self.party_refs, p, up);
        }
    }

    fn count(&mut self, item: &Item, up: bool) {
        match item {
            Item::Party(p) => bump(&mut self.parties, &p.id, up),
            Item::Speaker(s) => {
                bump(&mut self.speakers, &s.id, up);
                if let Some(p) = &s.party {
                    bump(&mut self.party_refs, p, up);
                }
            }
            Item::Quote(q) | Item::OrphanQuote(q) => {
                bump(&mut self.quotes, &q.id, up);
                self.count_span(&SpanRef::of_quote(q), up)
            }
            Item::Position(p) | Item::OrphanPosition(p) => {
                bump(&mut self.positions, &p.id, up);
                self.count_span(&SpanRef::of_position(p), up)
            }
            Item::Conflict(c) => self.count_conflict(c, up),
        }
    }

    /// Moves the counts along an applied action: its `changes` and the `inverses`
    /// applying them returned (whose puts are the items taken out or replaced).
    pub fn apply(&mut self, changes: &[Change], inverses: &[Change]) {
        self.shift(changes, inverses, true);
    }

    /// Moves the counts back, for an action undone again.
    pub fn revert(&mut self, changes: &[Change], inverses: &[Change]) {
        self.shift(changes, inverses, false);
    }

    fn shift(&mut self, changes: &[Change], inverses: &[Change], forward: bool) {
        for c in inverses {
            if let Change::Put(old) = c {
                self.count(old, !forward);
            }
        }
        for c in changes {
            if let Change::Put(new) = c {
                self.count(new, forward);
            }
        }
    }

    /// Whether the set is valid where an applied action touched it: each item it
    /// leaves in place lies on `article` with its own text, has an id no other item
    /// has and names speakers and parties that exist; nothing names a speaker or
    /// party it removed. (Call after [`Tally::apply`].)
    pub fn action_is_valid(&self, changes: &[Change], article: &str) -> bool {
        // only the last change to an item says what it is now
        let mut last: HashMap<(Slot, &str), &Change> = HashMap::new();
        for c in changes {
            let key = match c {
                Change::Put(item) => item.key(),
                Change::Remove { slot, id } => (*slot, id.as_str()),
            };
            last.insert(key, c);
        }
        last.into_iter().all(|((slot, id), c)| match c {
            Change::Put(item) => self.item_is_valid(item, article),
            Change::Remove { .. } => match slot {
                Slot::Speaker => {
                    (self.speakers.contains_key(id) || !self.speaker_refs.contains_key(id))
                        && self.not_in_conflict(ConflictTable::Speaker, &self.speakers, id)
                }
                Slot::Party => {
                    (self.parties.contains_key(id) || !self.party_refs.contains_key(id))
                        && self.not_in_conflict(ConflictTable::Party, &self.parties, id)
                }
                Slot::Quote | Slot::OrphanQuote => {
                    self.not_in_conflict(ConflictTable::Quote, &self.quotes, id)
                }
                Slot::Position | Slot::OrphanPosition => {
                    self.not_in_conflict(ConflictTable::Position, &self.positions, id)
                }
                Slot::Conflict => true,
            },
        })
    }

    /// Whether an item removed is still there (moved) or no conflict names it.
    fn not_in_conflict(&self, table: ConflictTable, items: &HashMap<Id, i64>, id: &str) -> bool {
        items.contains_key(id) || !self.conflict_refs.contains_key(&(table, Id::from(id)))
    }

    fn item_is_valid(&self, item: &Item, article: &str) -> bool {
        let unique = |map: &HashMap<Id, i64>, id: &str| map.get(id) == Some(&1);
        let exists =
            |map: &HashMap<Id, i64>, id: Option<&str>| id.is_none_or(|i| map.get(i) > Some(&0));
        let span = |s: SpanRef<'_>, placed: bool| {
            !s.id.is_empty()
                && unique(&self.annotations, s.id)
                && exists(&self.speakers, s.speaker)
                && exists(&self.parties, s.party)
                && s.start <= s.end
                && (!placed || placed_span_error(Some(article), &s).is_none())
        };
        match item {
            Item::Party(p) => unique(&self.parties, &p.id),
            Item::Speaker(s) => {
                unique(&self.speakers, &s.id)
                    && exists(&self.parties, s.party.as_deref())
                    && s.mentions
                        .iter()
                        .all(|m| span_error(Some(article), m[0], m[1], None).is_none())
            }
            Item::Quote(q) => span(SpanRef::of_quote(q), true),
            Item::OrphanQuote(q) => span(SpanRef::of_quote(q), false),
            Item::Position(p) => span(SpanRef::of_position(p), true),
            Item::OrphanPosition(p) => span(SpanRef::of_position(p), false),
            Item::Conflict(c) => {
                let items = match c.table {
                    ConflictTable::Quote => &self.quotes,
                    ConflictTable::Position => &self.positions,
                    ConflictTable::Speaker => &self.speakers,
                    ConflictTable::Party => &self.parties,
                };
                let field = (c.table, c.item.clone(), c.field.clone());
                !c.id.is_empty()
                    && unique(&self.conflicts, &c.id)
                    && items.get(c.item.as_str()) > Some(&0)
                    && crate::store::fields::is_field(c.table, &c.field)
                    && self.conflict_fields.get(&field) == Some(&1)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ArticleInfo, Party, Position, Quote, Speaker};
    use crate::store::history;
    use crate::store::validate::validate;
    use proptest::prelude::*;

    const ARTICLE: &str = "Talks “resume” in Havana’s old town. Kelly said yes; Cuba said no.";

    fn quote(
        id: &str,
        start: usize,
        end: usize,
        speaker: Option<&str>,
        party: Option<&str>,
    ) -> Quote {
        Quote {
            text: ARTICLE.get(start..end).unwrap_or("x").into(),
            speaker: speaker.map(Id::from),
            party: party.map(Id::from),
            ..Quote::at(id, start, end)
        }
    }

    fn span(needle: &str) -> [usize; 2] {
        let s = ARTICLE.find(needle).unwrap();
        [s, s + needle.len()]
    }

    fn base() -> Annotations {
        let mut a = Annotations::new(ArticleInfo::default());
        for id in ["a", "b"] {
            a.parties.push(Party {
                id: id.into(),
                name: id.into(),
                aliases: vec![],
                color: None,
                ..Default::default()
            });
        }
        a.speakers.push(Speaker {
            id: "s1".into(),
            name: "Kelly".into(),
            role: None,
            party: Some("a".into()),
            mentions: vec![span("Kelly")],
            mention_text: Vec::new(),
            origin: Default::default(),
        });
        let [s, e] = span("“resume”");
        a.quotes.push(quote("q1", s, e, Some("s1"), Some("a")));
        a
    }

    const IDS: [&str; 4] = ["q1", "q2", "p1", ""];
    const NAMES: [Option<&str>; 3] = [None, Some("s1"), Some("nobody")];
    const SIDES: [Option<&str>; 3] = [None, Some("a"), Some("nowhere")];

    /// One primitive change, valid or not: spans anywhere (inside a character too),
    /// ids that collide, references to nothing, removals of what is still named.
    fn change() -> impl Strategy<Value = Change> {
        prop_oneof![
            put_quote(),
            put_position(),
            put_speaker(),
            put_conflict(),
            remove()
        ]
    }

    /// A quote or an orphan quote anywhere, naming a speaker and a side that may not exist.
    fn put_quote() -> impl Strategy<Value = Change> {
        let span = (0usize..ARTICLE.len() + 2, 0usize..12);
        (0usize..4, span, 0usize..3, 0usize..3, any::<bool>()).prop_map(
            |(id, (s, l), sp, pa, orphan)| {
                let q = quote(IDS[id], s, s + l, NAMES[sp], SIDES[pa]);
                Change::Put(if orphan {
                    Item::OrphanQuote(q)
                } else {
                    Item::Quote(q)
                })
            },
        )
    }

    /// A position anywhere, naming a side that may not exist.
    fn put_position() -> impl Strategy<Value = Change> {
        let span = (0usize..ARTICLE.len() + 2, 0usize..12);
        (0usize..4, span, 0usize..3).prop_map(|(id, (s, l), pa)| {
            let q = quote(IDS[id], s, s + l, None, SIDES[pa]);
            Change::Put(Item::Position(Position {
                id: q.id,
                start: q.start,
                end: q.end,
                text: q.text,
                party: q.party,
                speaker: None,
                origin: Default::default(),
                status: Default::default(),
                recheck: None,
                note: None,
                prefix: Default::default(),
                suffix: Default::default(),
            }))
        })
    }

    /// The speaker s1, its side and its mention anywhere.
    fn put_speaker() -> impl Strategy<Value = Change> {
        (0usize..3, 0usize..40).prop_map(|(pa, m)| {
            Change::Put(Item::Speaker(Speaker {
                id: "s1".into(),
                name: "Kelly".into(),
                role: None,
                party: SIDES[pa].map(Id::from),
                mentions: vec![[m, m + 3]],
                mention_text: Vec::new(),
                origin: Default::default(),
            }))
        })
    }

    /// A conflict on an item and a field that may not exist.
    fn put_conflict() -> impl Strategy<Value = Change> {
        (0usize..3, 0usize..4, 0usize..6, 0usize..3).prop_map(|(id, table, item, field)| {
            let tables = [
                ConflictTable::Quote,
                ConflictTable::Position,
                ConflictTable::Speaker,
                ConflictTable::Party,
            ];
            Change::Put(Item::Conflict(Conflict {
                id: ["c1", "c2", ""][id].into(),
                table: tables[table],
                item: ["q1", "q2", "p1", "s1", "a", "nowhere"][item].into(),
                field: ["note", "name", "colour"][field].into(),
                base: None,
                ours: Some("x".into()),
                theirs: None,
            }))
        })
    }

    /// A removal of something that may still be named, or not be there.
    fn remove() -> impl Strategy<Value = Change> {
        (0usize..7, 0usize..5).prop_map(|(slot, id)| {
            let slots = [
                Slot::Quote,
                Slot::Position,
                Slot::OrphanQuote,
                Slot::Speaker,
                Slot::Party,
                Slot::Party,
                Slot::Conflict,
            ];
            let ids = ["q1", "p1", "s1", "a", "c1"];
            Change::Remove {
                slot: slots[slot],
                id: ids[id].into(),
            }
        })
    }

    proptest! {
        /// The tally accepts exactly the actions that checking the whole set accepts.
        #[test]
        fn the_tally_decides_as_the_whole_set_check_does(
            actions in prop::collection::vec(prop::collection::vec(change(), 1..4), 1..24)
        ) {
            let mut whole = base();
            let mut counted = base();
            let mut tally = Tally::of(&counted);
            prop_assert!(validate(&whole, Some(ARTICLE)).is_empty());
            for action in &actions {
                let by_whole = match history::apply_all(&mut whole, action) {
                    Ok(_) if validate(&whole, Some(ARTICLE)).is_empty() => true,
                    Ok(inv) => {
                        history::apply_all(&mut whole, &inv).unwrap();
                        false
                    }
                    Err(_) => false,
                };
                let by_tally = match history::apply_all(&mut counted, action) {
                    Ok(inv) => {
                        tally.apply(action, &inv);
                        let ok = tally.action_is_valid(action, ARTICLE);
                        if !ok {
                            tally.revert(action, &inv);
                            history::apply_all(&mut counted, &inv).unwrap();
                        }
                        ok
                    }
                    Err(_) => false,
                };
                prop_assert_eq!(by_whole, by_tally, "{:?}", action);
                prop_assert_eq!(&whole, &counted);
            }
        }
    }
}
