//! Undo history: every edit becomes primitive [`Change`]s, each with an exact inverse.
//! A user action is one [`Group`]; undo applies a group's inverses in reverse order.

mod bulk;

use crate::model::{Annotations, Conflict, Id, Party, Position, Quote, Speaker};
use serde::{Deserialize, Serialize};

/// Which list an item lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Slot {
    /// `[[quote]]`.
    Quote,
    /// `[[position]]`.
    Position,
    /// `[[orphan_quote]]`.
    OrphanQuote,
    /// `[[orphan_position]]`.
    OrphanPosition,
    /// `[[speaker]]`.
    Speaker,
    /// `[[party]]`.
    Party,
    /// `[[conflict]]`.
    Conflict,
}

/// A whole item of one list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Item {
    /// A placed quote.
    Quote(Quote),
    /// A placed position.
    Position(Position),
    /// A quote that could not be placed.
    OrphanQuote(Quote),
    /// A position that could not be placed.
    OrphanPosition(Position),
    /// A speaker.
    Speaker(Speaker),
    /// A party.
    Party(Party),
    /// A field a merge left changed two ways.
    Conflict(Conflict),
}

impl Item {
    /// The list and id of the item.
    pub fn key(&self) -> (Slot, &str) {
        match self {
            Item::Quote(q) => (Slot::Quote, &q.id),
            Item::Position(p) => (Slot::Position, &p.id),
            Item::OrphanQuote(q) => (Slot::OrphanQuote, &q.id),
            Item::OrphanPosition(p) => (Slot::OrphanPosition, &p.id),
            Item::Speaker(s) => (Slot::Speaker, &s.id),
            Item::Party(p) => (Slot::Party, &p.id),
            Item::Conflict(c) => (Slot::Conflict, &c.id),
        }
    }
}

/// One primitive change of a set; what the journal records and undo inverts.
// Most changes are puts, kept by the thousand in the history: a box for each would
// cost an allocation per change to save the room of the few removes.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// Insert the item, or replace the one with the same list and id.
    Put(Item),
    /// Remove the item with this id from a list.
    Remove {
        /// The list.
        slot: Slot,
        /// The id.
        id: Id,
    },
}

/// A change named an item that is not there.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no {slot:?} with id {id}")]
pub struct Missing {
    /// The list.
    pub slot: Slot,
    /// The id.
    pub id: Id,
}

/// Inserts `item` keeping the list sorted by (start, end, id); returns its index.
fn insert_sorted<T>(list: &mut Vec<T>, item: T, key: impl Fn(&T) -> (usize, usize, Id)) {
    let k = key(&item);
    let at = list.partition_point(|x| key(x) < k);
    list.insert(at, item);
}

fn quote_key(q: &Quote) -> (usize, usize, Id) {
    (q.start, q.end, q.id.clone())
}

fn position_key(p: &Position) -> (usize, usize, Id) {
    (p.start, p.end, p.id.clone())
}

macro_rules! put_remove {
    ($list:expr, $item:expr, $wrap:path, $key:expr) => {{
        let old = $list
            .iter()
            .position(|x| x.id == $item.id)
            .map(|i| $list.remove(i));
        let id = $item.id.clone();
        insert_sorted(&mut $list, $item, $key);
        (old.map($wrap), id)
    }};
}

/// Applies one change and returns its inverse.
pub fn apply(a: &mut Annotations, change: Change) -> Result<Change, Missing> {
    match change {
        Change::Put(item) => {
            let slot = item.key().0;
            let (old, id) = match item {
                Item::Quote(q) => put_remove!(a.quotes, q, Item::Quote, quote_key),
                Item::Position(p) => put_remove!(a.positions, p, Item::Position, position_key),
                Item::OrphanQuote(q) => {
                    put_remove!(a.orphan_quotes, q, Item::OrphanQuote, quote_key)
                }
                Item::OrphanPosition(p) => {
                    put_remove!(a.orphan_positions, p, Item::OrphanPosition, position_key)
                }
                Item::Speaker(s) => replace_or_push(&mut a.speakers, s, |s| &s.id, Item::Speaker),
                Item::Party(p) => replace_or_push(&mut a.parties, p, |p| &p.id, Item::Party),
                Item::Conflict(c) => {
                    replace_or_push(&mut a.conflicts, c, |c| &c.id, Item::Conflict)
                }
            };
            Ok(old.map_or(Change::Remove { slot, id }, Change::Put))
        }
        Change::Remove { slot, id } => {
            let missing = || Missing {
                slot,
                id: id.clone(),
            };
            let item = match slot {
                Slot::Quote => take(&mut a.quotes, &id, |q| &q.id).map(Item::Quote),
                Slot::Position => take(&mut a.positions, &id, |p| &p.id).map(Item::Position),
                Slot::OrphanQuote => {
                    take(&mut a.orphan_quotes, &id, |q| &q.id).map(Item::OrphanQuote)
                }
                Slot::OrphanPosition => {
                    take(&mut a.orphan_positions, &id, |p| &p.id).map(Item::OrphanPosition)
                }
                Slot::Speaker => take(&mut a.speakers, &id, |s| &s.id).map(Item::Speaker),
                Slot::Party => take(&mut a.parties, &id, |p| &p.id).map(Item::Party),
                Slot::Conflict => take(&mut a.conflicts, &id, |c| &c.id).map(Item::Conflict),
            };
            item.map(Change::Put).ok_or_else(missing)
        }
    }
}

/// Replaces in place (speakers and parties keep their order), else appends.
fn replace_or_push<T>(
    list: &mut Vec<T>,
    item: T,
    id: impl Fn(&T) -> &str,
    wrap: fn(T) -> Item,
) -> (Option<Item>, Id) {
    let key = Id::from(id(&item));
    match list.iter().position(|x| *id(x) == key) {
        Some(i) => (Some(wrap(std::mem::replace(&mut list[i], item))), key),
        None => {
            list.push(item);
            (None, key)
        }
    }
}

fn take<T>(list: &mut Vec<T>, id: &str, key: impl Fn(&T) -> &str) -> Option<T> {
    list.iter()
        .position(|x| key(x) == id)
        .map(|i| list.remove(i))
}

/// Above this many changes, [`apply_all`] works on an overlay and rebuilds each list
/// once (O(n log n)); below it, changing items one by one in place is quicker.
const BULK_FROM: usize = 16;

/// Applies changes in order; on failure undoes those already applied and fails.
/// Returns the inverses in the order they must be applied to undo.
pub fn apply_all(a: &mut Annotations, changes: &[Change]) -> Result<Vec<Change>, Missing> {
    if changes.len() >= BULK_FROM {
        return bulk::apply_all(a, changes);
    }
    apply_each(a, changes)
}

/// [`apply_all`] one change at a time (each a linear search and a shift of the list).
pub(super) fn apply_each(a: &mut Annotations, changes: &[Change]) -> Result<Vec<Change>, Missing> {
    let mut inverses = Vec::with_capacity(changes.len());
    for c in changes {
        match apply(a, c.clone()) {
            Ok(inv) => inverses.push(inv),
            Err(e) => {
                for inv in inverses.into_iter().rev() {
                    let _ = apply(a, inv);
                }
                return Err(e);
            }
        }
    }
    inverses.reverse();
    Ok(inverses)
}

/// The changes of one user action and how to undo them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// What the action was, for "undid: …" messages.
    pub label: String,
    /// The changes as applied.
    pub changes: Vec<Change>,
    /// Their inverses, in the order to apply them.
    pub inverses: Vec<Change>,
    /// Which state of the set this step leads to; given by [`History`] when recorded.
    serial: u64,
}

impl Group {
    /// A step not yet recorded.
    pub fn new(label: impl Into<String>, changes: Vec<Change>, inverses: Vec<Change>) -> Group {
        Group {
            label: label.into(),
            changes,
            inverses,
            serial: 0,
        }
    }
}

/// Unlimited undo and redo within a session.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Group>,
    redo: Vec<Group>,
    /// An open group that further actions join (see `Store::begin_group`).
    open: Option<Group>,
    /// The inverses of the actions joined into the open group, oldest first; put in
    /// undo order once, when it closes (prepending at each action is quadratic).
    open_inverses: Vec<Vec<Change>>,
    /// How many groups are open inside each other: the outermost one's end closes it.
    depth: usize,
    /// The serial the next recorded step gets (0 is the state before any step).
    next_serial: u64,
}

impl History {
    /// Records an applied action; a new action clears the redo stack.
    pub fn record(&mut self, group: Group) {
        self.redo.clear();
        match &mut self.open {
            Some(open) => {
                open.changes.extend(group.changes);
                self.open_inverses.push(group.inverses);
            }
            None => {
                let serial = self.take_serial();
                self.undo.push(Group { serial, ..group });
            }
        }
    }

    /// Joins an applied action to the last step when that step still leads to state
    /// `step` and no group is open; the step then leads to a new state. Gives the
    /// action back when it cannot join.
    pub fn amend(&mut self, step: u64, group: Group) -> Result<(), Group> {
        let joinable = self.open.is_none()
            && self.redo.is_empty()
            && self.undo.last().is_some_and(|g| g.serial == step);
        if !joinable {
            return Err(group);
        }
        let serial = self.take_serial();
        if let Some(last) = self.undo.last_mut() {
            last.changes.extend(group.changes);
            let mut inverses = group.inverses;
            inverses.append(&mut last.inverses);
            last.inverses = inverses;
            last.serial = serial;
        }
        Ok(())
    }

    fn take_serial(&mut self) -> u64 {
        self.next_serial += 1;
        self.next_serial
    }

    /// Names the state the set is in: equal values mean equal sets, so a store that
    /// remembers this at a save knows when undo or redo has brought it back there.
    pub fn state(&self) -> u64 {
        match &self.open {
            Some(g) if !g.changes.is_empty() => g.serial,
            _ => self.undo.last().map_or(0, |g| g.serial),
        }
    }

    /// Starts joining actions into one undo step labelled `label`. Groups nest: one
    /// begun inside another joins it, and keeps the outer label.
    pub fn begin(&mut self, label: &str) {
        self.depth += 1;
        if self.open.is_none() {
            let serial = self.take_serial();
            self.open = Some(Group {
                serial,
                ..Group::new(label, Vec::new(), Vec::new())
            });
        }
    }

    /// Ends the group begun by the matching `begin`; the outermost end closes the
    /// step (an empty one is dropped).
    pub fn end(&mut self) {
        self.depth = self.depth.saturating_sub(1);
        if self.depth == 0 {
            self.close();
        }
    }

    /// Closes whatever group is open, however deep.
    fn close(&mut self) {
        self.depth = 0;
        let joined = std::mem::take(&mut self.open_inverses);
        if let Some(mut g) = self.open.take()
            && !g.changes.is_empty()
        {
            g.inverses = joined.into_iter().rev().flatten().collect();
            self.undo.push(g);
        }
    }

    /// The next group to undo, taken off the stack.
    pub fn take_undo(&mut self) -> Option<Group> {
        self.close();
        self.undo.pop()
    }

    /// The next group to redo, taken off the stack.
    pub fn take_redo(&mut self) -> Option<Group> {
        self.close();
        self.redo.pop()
    }

    /// Puts an undone group where redo finds it.
    pub fn push_redo(&mut self, g: Group) {
        self.redo.push(g);
    }

    /// Puts a redone group back where undo finds it, keeping the redo stack.
    pub fn push_undo(&mut self, g: Group) {
        self.undo.push(g);
    }

    /// Forgets everything (after a reload).
    pub fn clear(&mut self) {
        *self = History::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(id: &str) -> Group {
        let change = Change::Remove {
            slot: Slot::Speaker,
            id: id.into(),
        };
        Group::new(id, vec![change], Vec::new())
    }

    #[test]
    fn nested_groups_make_one_undo_step_closed_by_the_outermost_end() {
        let mut h = History::default();
        h.begin("new speaker");
        h.record(step("a"));
        h.begin("set speaker");
        h.record(step("b"));
        h.end();
        h.record(step("c"));
        h.end();
        let g = h.take_undo().expect("one step");
        assert_eq!(g.label, "new speaker");
        assert_eq!(g.changes.len(), 3, "the edit after the inner end joins too");
        assert!(h.take_undo().is_none());
    }

    #[test]
    fn an_amended_step_undoes_whole_and_leads_to_a_new_state() {
        let mut h = History::default();
        h.record(step("a"));
        let a = h.state();
        h.record(step("b"));
        let b = h.state();
        assert!(h.amend(a, step("late")).is_err(), "a is not the last step");
        let late = Group::new("late", vec![], vec![step("x").changes[0].clone()]);
        assert!(h.amend(b, late).is_ok());
        assert_ne!(h.state(), b, "the set changed: a new state");
        let g = h.take_undo().expect("b");
        assert_eq!(g.label, "b");
        assert_eq!(
            g.inverses[0],
            step("x").changes[0],
            "the late part undone first"
        );
        assert_eq!(h.state(), a);
        h.push_redo(g);
        assert!(h.amend(a, step("c")).is_err(), "not after an undo");
    }

    #[test]
    fn a_joined_group_undoes_its_actions_last_first() {
        let inverse = |id: &str| Change::Remove {
            slot: Slot::Quote,
            id: id.into(),
        };
        let mut h = History::default();
        h.begin("many");
        for id in ["a", "b", "c"] {
            h.record(Group::new(
                id,
                vec![inverse(id)],
                vec![inverse(id), inverse("x")],
            ));
        }
        h.end();
        let g = h.take_undo().expect("one step");
        let order: Vec<Change> = ["c", "x", "b", "x", "a", "x"].map(inverse).into();
        assert_eq!(g.inverses, order);
    }
}
