//! Settling conflicts: the value chosen for a field a merge left changed two ways, and
//! the conflicts any edit settles by changing the field they name, or by removing
//! their item for good (so no conflict ever names what is not there).

use super::ids::{check_refs, find};
use super::{EditError, Plan};
use crate::model::{Annotations, ConflictTable, Id};
use crate::store::fields::{self, DELETED};
use crate::store::history::{Change, Item, Slot};
use std::collections::HashSet;
use std::sync::Arc;

/// The item a conflict names, wherever it is.
fn item_of(a: &Annotations, table: ConflictTable, id: &str) -> Result<Item, EditError> {
    let missing = || EditError::NotFound(id.to_string());
    match table {
        ConflictTable::Quote | ConflictTable::Position => find(a, id),
        ConflictTable::Speaker => a
            .speaker(id)
            .cloned()
            .map(Item::Speaker)
            .ok_or_else(missing),
        ConflictTable::Party => a
            .parties
            .iter()
            .find(|p| p.id == id)
            .cloned()
            .map(Item::Party)
            .ok_or_else(missing),
    }
}

/// Gives the field of conflict `id` the value `value` (`None`: empty) and drops the
/// conflict. On a "deleted" conflict, "yes" deletes the item.
pub(super) fn settle(
    a: &Annotations,
    text: &Arc<String>,
    id: &str,
    value: Option<&str>,
) -> Result<Plan, EditError> {
    let conflict = a
        .conflicts
        .iter()
        .find(|c| c.id == id)
        .ok_or_else(|| EditError::NotFound(id.to_string()))?;
    let item = item_of(a, conflict.table, &conflict.item)?;
    let (slot, item_id) = item.key();
    let mut changes = Vec::new();
    if conflict.field == DELETED {
        if value == Some("yes") {
            changes.push(Change::Remove {
                slot,
                id: Id::from(item_id),
            });
        }
    } else {
        let mut settled = item.clone();
        fields::set(&mut settled, &conflict.field, value, text)?;
        match conflict.field.as_str() {
            "party" => check_refs(a, value, None)?,
            "speaker" => check_refs(a, None, value)?,
            _ => {}
        }
        if settled != item {
            if settled.key().0 != slot {
                changes.push(Change::Remove {
                    slot,
                    id: Id::from(item_id),
                });
            }
            changes.push(Change::Put(settled));
        }
    }
    changes.push(Change::Remove {
        slot: Slot::Conflict,
        id: conflict.id.clone(),
    });
    Ok(Plan::new("settle conflict", changes))
}

fn table_of_slot(slot: Slot) -> Option<ConflictTable> {
    match slot {
        Slot::Quote | Slot::OrphanQuote => Some(ConflictTable::Quote),
        Slot::Position | Slot::OrphanPosition => Some(ConflictTable::Position),
        Slot::Speaker => Some(ConflictTable::Speaker),
        Slot::Party => Some(ConflictTable::Party),
        Slot::Conflict => None,
    }
}

/// Adds to `plan` the removal of every conflict it settles: one on a field the plan
/// changes, or on an item it removes and does not put back.
pub(super) fn settle_touched(a: &Annotations, plan: &mut Plan) {
    if a.conflicts.is_empty() {
        return;
    }
    let conflicted: HashSet<(ConflictTable, &str)> = a
        .conflicts
        .iter()
        .map(|c| (c.table, c.item.as_str()))
        .collect();
    let mut put = HashSet::new();
    let mut removed = HashSet::new();
    let mut changed = HashSet::new();
    let mut dropped = HashSet::new();
    for change in &plan.changes {
        match change {
            Change::Put(item) => {
                let Some(table) = fields::table_of(item) else {
                    continue;
                };
                let id = item.key().1;
                if !conflicted.contains(&(table, id)) {
                    continue;
                }
                put.insert((table, Id::from(id)));
                if let Ok(old) = item_of(a, table, id) {
                    for f in fields::names(table) {
                        if fields::get(&old, f) != fields::get(item, f) {
                            changed.insert((table, Id::from(id), *f));
                        }
                    }
                }
            }
            Change::Remove { slot, id } => match table_of_slot(*slot) {
                Some(table) => {
                    removed.insert((table, id.clone()));
                }
                None => {
                    dropped.insert(id.clone());
                }
            },
        }
    }
    for c in &a.conflicts {
        let key = (c.table, c.item.clone());
        let gone = removed.contains(&key) && !put.contains(&key);
        let settled = changed.contains(&(c.table, c.item.clone(), c.field.as_str()));
        if (gone || settled) && dropped.insert(c.id.clone()) {
            plan.changes.push(Change::Remove {
                slot: Slot::Conflict,
                id: c.id.clone(),
            });
        }
    }
}

/// A conflict id no conflict has: `c` and the number after the highest in use, or the
/// smallest free one when that would not fit.
pub fn next_conflict_id(a: &Annotations) -> Id {
    let used: HashSet<u64> = a
        .conflicts
        .iter()
        .filter_map(|c| c.id.strip_prefix('c')?.parse().ok())
        .collect();
    let n = match used.iter().max() {
        None => 1,
        Some(max) => max
            .checked_add(1)
            .unwrap_or_else(|| (1..).find(|n| !used.contains(n)).unwrap_or(1)),
    };
    compact_str::format_compact!("c{n}")
}
