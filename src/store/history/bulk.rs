//! Applying many changes at once (accept-all, undoing or redoing it, a long journal
//! action) in O(n log n): the changes are played against an overlay of the items they
//! touch, found through an id index built once, and each touched list is rebuilt and
//! sorted once at the end. One change at a time would search and shift the whole list
//! for every change, which is quadratic.

use super::{Change, Item, Missing, Slot, apply, apply_each};
use crate::model::{Annotations, Id, Position, Quote};
use std::collections::{HashMap, HashSet};

/// The lists kept sorted by (start, end, id); speakers, parties and the reading are few
/// and are changed in place.
fn is_sorted_slot(slot: Slot) -> bool {
    matches!(
        slot,
        Slot::Quote | Slot::Position | Slot::OrphanQuote | Slot::OrphanPosition
    )
}

/// What the touched items are now, before the lists are rebuilt.
#[derive(Default)]
struct Overlay {
    /// For each touched (list, id): the item now, `None` when removed.
    now: HashMap<(Slot, Id), Option<Item>>,
    /// Index of each id in each sorted list as it was, built on first use.
    index: HashMap<Slot, HashMap<Id, usize>>,
}

impl Overlay {
    /// The item with `id` in `slot` as the changes so far left it.
    fn current(&mut self, a: &Annotations, slot: Slot, id: &Id) -> Option<Item> {
        if let Some(now) = self.now.get(&(slot, id.clone())) {
            return now.clone();
        }
        let index = self.index.entry(slot).or_insert_with(|| index_of(a, slot));
        let at = *index.get(id)?;
        Some(item_at(a, slot, at))
    }
}

fn index_of(a: &Annotations, slot: Slot) -> HashMap<Id, usize> {
    let ids: Vec<&Id> = match slot {
        Slot::Quote => a.quotes.iter().map(|q| &q.id).collect(),
        Slot::Position => a.positions.iter().map(|p| &p.id).collect(),
        Slot::OrphanQuote => a.orphan_quotes.iter().map(|q| &q.id).collect(),
        Slot::OrphanPosition => a.orphan_positions.iter().map(|p| &p.id).collect(),
        Slot::Speaker | Slot::Party | Slot::Conflict => Vec::new(),
    };
    ids.into_iter()
        .enumerate()
        .map(|(i, id)| (id.clone(), i))
        .collect()
}

fn item_at(a: &Annotations, slot: Slot, at: usize) -> Item {
    match slot {
        Slot::Quote => Item::Quote(a.quotes[at].clone()),
        Slot::Position => Item::Position(a.positions[at].clone()),
        Slot::OrphanQuote => Item::OrphanQuote(a.orphan_quotes[at].clone()),
        Slot::OrphanPosition => Item::OrphanPosition(a.orphan_positions[at].clone()),
        Slot::Speaker | Slot::Party | Slot::Conflict => {
            unreachable!("speakers, parties and conflicts are not indexed")
        }
    }
}

/// [`super::apply_all`] for many changes: the same result and inverses.
pub(super) fn apply_all(a: &mut Annotations, changes: &[Change]) -> Result<Vec<Change>, Missing> {
    let mut overlay = Overlay::default();
    let mut inverses = Vec::with_capacity(changes.len());
    // speakers, parties and the reading change in place: their inverses undo a failure
    let mut in_place = Vec::new();
    for change in changes {
        let (slot, id, new) = match change {
            Change::Put(item) if is_sorted_slot(item.key().0) => {
                let (slot, id) = item.key();
                (slot, Id::from(id), Some(item.clone()))
            }
            Change::Remove { slot, id } if is_sorted_slot(*slot) => (*slot, id.clone(), None),
            other => match apply(a, other.clone()) {
                Ok(inv) => {
                    in_place.push(inv.clone());
                    inverses.push(inv);
                    continue;
                }
                Err(e) => return Err(undo_in_place(a, in_place, e)),
            },
        };
        let old = overlay.current(a, slot, &id);
        if old.is_none() && new.is_none() {
            return Err(undo_in_place(a, in_place, Missing { slot, id }));
        }
        inverses.push(match old {
            Some(item) => Change::Put(item),
            None => Change::Remove {
                slot,
                id: id.clone(),
            },
        });
        overlay.now.insert((slot, id), new);
    }
    rebuild(a, overlay.now);
    inverses.reverse();
    Ok(inverses)
}

fn undo_in_place(a: &mut Annotations, in_place: Vec<Change>, e: Missing) -> Missing {
    let _ = apply_each(a, &in_place.into_iter().rev().collect::<Vec<_>>());
    e
}

/// Puts the overlay into the lists: touched items out, their new versions in, sorted.
fn rebuild(a: &mut Annotations, now: HashMap<(Slot, Id), Option<Item>>) {
    let mut touched: HashMap<Slot, Vec<Id>> = HashMap::new();
    let mut quotes = (Vec::new(), Vec::new());
    let mut positions = (Vec::new(), Vec::new());
    for ((slot, id), item) in now {
        touched.entry(slot).or_default().push(id);
        match item {
            Some(Item::Quote(q)) => quotes.0.push(q),
            Some(Item::OrphanQuote(q)) => quotes.1.push(q),
            Some(Item::Position(p)) => positions.0.push(p),
            Some(Item::OrphanPosition(p)) => positions.1.push(p),
            Some(Item::Speaker(_) | Item::Party(_) | Item::Conflict(_)) | None => {}
        }
    }
    let gone =
        |slot| -> HashSet<Id> { touched.get(&slot).into_iter().flatten().cloned().collect() };
    replace_sorted(&mut a.quotes, &gone(Slot::Quote), quotes.0, quote_key);
    replace_sorted(
        &mut a.orphan_quotes,
        &gone(Slot::OrphanQuote),
        quotes.1,
        quote_key,
    );
    replace_sorted(
        &mut a.positions,
        &gone(Slot::Position),
        positions.0,
        position_key,
    );
    replace_sorted(
        &mut a.orphan_positions,
        &gone(Slot::OrphanPosition),
        positions.1,
        position_key,
    );
}

fn quote_key(q: &Quote) -> (usize, usize, &Id) {
    (q.start, q.end, &q.id)
}

fn position_key(p: &Position) -> (usize, usize, &Id) {
    (p.start, p.end, &p.id)
}

/// Takes the touched items out of a sorted list, puts their new versions in and sorts
/// it again by (start, end, id).
fn replace_sorted<T>(
    list: &mut Vec<T>,
    gone: &HashSet<Id>,
    new: Vec<T>,
    key: fn(&T) -> (usize, usize, &Id),
) {
    if gone.is_empty() {
        return;
    }
    list.retain(|x| !gone.contains(key(x).2));
    list.extend(new);
    list.sort_by(|x, y| key(x).cmp(&key(y)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ArticleInfo, Status};

    fn quote(i: usize) -> Quote {
        let start = (i * 7) % 50;
        Quote::at(&format!("q{i}"), start, start + 3)
    }

    fn set(n: usize) -> Annotations {
        let mut a = Annotations::new(ArticleInfo::default());
        a.quotes = (0..n).map(quote).collect();
        a.quotes
            .sort_by(|x, y| (x.start, x.end, &x.id).cmp(&(y.start, y.end, &y.id)));
        a
    }

    /// Puts, replacements, removals and re-puts of the same ids, mixed.
    fn mixed_changes() -> Vec<Change> {
        let mut changes = Vec::new();
        for i in 0..40 {
            let mut q = quote(i);
            q.status = Status::Accepted;
            q.start += i % 3;
            changes.push(Change::Put(Item::Quote(q)));
            if i % 5 == 0 {
                changes.push(Change::Remove {
                    slot: Slot::Quote,
                    id: compact_str::format_compact!("q{}", i / 2),
                });
            }
            if i % 7 == 0 {
                changes.push(Change::Put(Item::OrphanQuote(quote(100 + i))));
            }
        }
        changes
    }

    #[test]
    fn bulk_gives_the_same_set_and_inverses_as_one_by_one() {
        let changes = mixed_changes();
        assert!(changes.len() >= super::super::BULK_FROM);
        let (mut one, mut bulk) = (set(30), set(30));
        let inv_one = apply_each(&mut one, &changes).unwrap();
        let inv_bulk = apply_all(&mut bulk, &changes).unwrap();
        assert_eq!(one, bulk);
        assert_eq!(inv_one, inv_bulk);
        apply_all(&mut bulk, &inv_bulk).unwrap();
        assert_eq!(bulk, set(30), "the inverses undo it all");
    }

    #[test]
    fn a_missing_item_fails_and_changes_nothing() {
        let mut changes = mixed_changes();
        changes.push(Change::Remove {
            slot: Slot::Position,
            id: "nowhere".into(),
        });
        let mut a = set(30);
        let err = apply_all(&mut a, &changes).unwrap_err();
        assert_eq!(err.id, "nowhere");
        assert_eq!(a, set(30));
    }
}
