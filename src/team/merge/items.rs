//! One item (quote, position, speaker or party) merged three ways: kept, dropped or
//! changed field by field, with a conflict where a field was changed two ways.

use crate::model::{Conflict, ConflictTable, Id, Origin};
use crate::store::fields::{self, DELETED};
use crate::store::history::Item;

/// A conflict found by the merge, before it has an id.
pub(super) type Found = Conflict;

fn conflict(table: ConflictTable, item: &str, field: &str, values: [Option<String>; 3]) -> Found {
    let [base, ours, theirs] = values;
    Conflict {
        id: Id::default(),
        table,
        item: Id::from(item),
        field: field.to_string(),
        base,
        ours,
        theirs,
    }
}

fn yes_no(deleted: bool) -> Option<String> {
    Some(if deleted { "yes" } else { "no" }.to_string())
}

/// The merged item from its three versions (any may be missing): one side's deletion
/// wins over no change; a deletion against a change keeps the changed item and records
/// a "deleted" conflict; two versions are merged field by field.
pub(super) fn merge_item(
    table: ConflictTable,
    base: Option<&Item>,
    ours: Option<&Item>,
    theirs: Option<&Item>,
    found: &mut Vec<Found>,
) -> Option<Item> {
    match (base, ours, theirs) {
        (_, None, None) => None,
        (Some(b), Some(o), None) if o == b => None,
        (Some(b), None, Some(t)) if t == b => None,
        (Some(_), Some(kept), None) | (Some(_), None, Some(kept)) => {
            let ours_deleted = ours.is_none();
            let values = [None, yes_no(ours_deleted), yes_no(!ours_deleted)];
            found.push(conflict(table, kept.key().1, DELETED, values));
            Some(kept.clone())
        }
        (None, Some(o), None) => Some(o.clone()),
        (None, None, Some(t)) => Some(t.clone()),
        (b, Some(o), Some(t)) => Some(merge_fields(table, b, o, t, found)),
    }
}

/// Field by field: the same value, or the one that changed, or (changed two ways) ours
/// with a conflict. Without a base (both added it) an empty field counts as unchanged.
fn merge_fields(
    table: ConflictTable,
    base: Option<&Item>,
    ours: &Item,
    theirs: &Item,
    found: &mut Vec<Found>,
) -> Item {
    let mut out = ours.clone();
    for field in fields::names(table) {
        let b = base.and_then(|b| fields::get(b, field));
        let o = fields::get(ours, field);
        let t = fields::get(theirs, field);
        if o == t || t == b {
            continue;
        }
        if o == b {
            fields::copy(&mut out, theirs, field);
        } else {
            found.push(conflict(table, ours.key().1, field, [b, o, t]));
        }
    }
    merge_extras(&mut out, base, theirs);
    out
}

/// What is not a field: the origin (made by hand on either side stays so) and the
/// lists that merge as sets (a speaker's mentions, a party's aliases).
fn merge_extras(out: &mut Item, base: Option<&Item>, theirs: &Item) {
    if fields::origin(theirs) == Some(Origin::Manual) {
        match out {
            Item::Quote(q) | Item::OrphanQuote(q) => q.origin = Origin::Manual,
            Item::Position(p) | Item::OrphanPosition(p) => p.origin = Origin::Manual,
            Item::Speaker(s) => s.origin = Origin::Manual,
            Item::Party(_) | Item::Conflict(_) => {}
        }
    }
    match (out, base, theirs) {
        (Item::Speaker(o), b, Item::Speaker(t)) => {
            let b = match b {
                Some(Item::Speaker(b)) => b.mentions.as_slice(),
                _ => &[],
            };
            let merged = merge_set(b, &o.mentions, &t.mentions);
            // each mention keeps its text, from whichever side has it for that span
            let texts: std::collections::HashMap<[usize; 2], crate::model::Snippet> = [&*o, t]
                .into_iter()
                .filter(|s| s.mention_text.len() == s.mentions.len())
                .flat_map(|s| {
                    s.mentions
                        .iter()
                        .copied()
                        .zip(s.mention_text.iter().cloned())
                })
                .collect();
            o.mention_text = merged
                .iter()
                .map(|m| texts.get(m).cloned())
                .collect::<Option<Vec<_>>>()
                .unwrap_or_default();
            o.mentions = merged;
            crate::store::schema::sort_mentions(o);
        }
        (Item::Party(o), b, Item::Party(t)) => {
            let b = match b {
                Some(Item::Party(b)) => b.aliases.as_slice(),
                _ => &[],
            };
            o.aliases = merge_set(b, &o.aliases, &t.aliases);
        }
        _ => {}
    }
}

/// A list merged as a set: ours in order, less what theirs removed, then what theirs
/// added.
fn merge_set<T: PartialEq + Clone>(base: &[T], ours: &[T], theirs: &[T]) -> Vec<T> {
    let removed_by_theirs = |x: &T| base.contains(x) && !theirs.contains(x);
    let mut out: Vec<T> = ours
        .iter()
        .filter(|x| !removed_by_theirs(x))
        .cloned()
        .collect();
    for x in theirs {
        if !base.contains(x) && !out.contains(x) {
            out.push(x.clone());
        }
    }
    out
}

/// The item under another id.
pub(super) fn with_id(item: &Item, id: &Id) -> Item {
    let mut item = item.clone();
    match &mut item {
        Item::Quote(q) | Item::OrphanQuote(q) => q.id = id.clone(),
        Item::Position(p) | Item::OrphanPosition(p) => p.id = id.clone(),
        Item::Speaker(s) => s.id = id.clone(),
        Item::Party(p) => p.id = id.to_string(),
        Item::Conflict(c) => c.id = id.clone(),
    }
    item
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_keep_both_sides_additions_and_either_sides_removals() {
        let merged = merge_set(&[1, 2, 3], &[1, 3, 4], &[2, 3, 5]);
        assert_eq!(merged, vec![3, 4, 5]);
    }
}
