//! Planning the edits of the sides: adding, renaming, moving and deleting a party, and
//! replacing them all. The party list is ordered (the keys 1-9 count sides by place)
//! and a primitive `Put` of a new party appends it, so a new order is made by removing
//! the tail of the list from its last party back and putting the new tail in order;
//! undo, applying the inverses backwards, then puts the old tail back in its order.

use super::EditError;
use super::ids::{check_name, party_id};
use super::plan::{Plan, all_annotations, fields};
use crate::model::{Annotations, Id, Party};
use crate::store::history::{Change, Item, Slot};
use std::collections::{HashMap, HashSet};

/// Adds a side named `name` after the others; returns the plan and the new id.
pub(super) fn add(a: &Annotations, name: &str) -> Result<(Plan, Id), EditError> {
    let name = side_name(a, name, None)?;
    let id = party_id(a, &name);
    let party = Party {
        id: id.to_string(),
        name,
        aliases: Vec::new(),
        color: None,
        ..Default::default()
    };
    Ok((
        Plan::new("add side", vec![Change::Put(Item::Party(party))]),
        id,
    ))
}

/// Renames a side and replaces its aliases (trimmed, blanks and repeats dropped).
pub(super) fn rename(
    a: &Annotations,
    id: &str,
    name: &str,
    aliases: &[String],
) -> Result<Plan, EditError> {
    let mut party = existing(a, id)?.clone();
    party.name = side_name(a, name, Some(id))?;
    party.aliases.clear();
    for alias in aliases.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        let alias = check_name("an alias", alias)?;
        if !party.aliases.iter().any(|x| x == alias) {
            party.aliases.push(alias.to_string());
        }
    }
    let changes = if a.party(id) == Some(&party) {
        Vec::new()
    } else {
        vec![Change::Put(Item::Party(party))]
    };
    Ok(Plan::new("edit side", changes))
}

/// Moves a side to place `to` (clamped to the last place).
pub(super) fn move_to(a: &Annotations, id: &str, to: usize) -> Result<Plan, EditError> {
    existing(a, id)?;
    let mut new = a.parties.clone();
    let from = new.iter().position(|p| p.id == id).unwrap_or(0);
    let party = new.remove(from);
    new.insert(to.min(new.len()), party);
    Ok(Plan::new("move side", relist(&a.parties, &new)))
}

/// Deletes a side and takes it off every annotation and speaker that had it.
pub(super) fn delete(a: &Annotations, id: &str) -> Result<Plan, EditError> {
    existing(a, id)?;
    let new: Vec<Party> = a.parties.iter().filter(|p| p.id != id).cloned().collect();
    let mut changes = relist(&a.parties, &new);
    changes.extend(resides(
        a,
        &HashSet::from([id]),
        &HashMap::new(),
        &HashMap::new(),
    ));
    Ok(Plan::new("delete side", changes))
}

/// Replaces every side, then gives annotations and speakers their listed sides.
pub(super) fn replace(
    a: &Annotations,
    parties: &[Party],
    sides: &[(Id, Option<Id>)],
    speaker_sides: &[(Id, Option<Id>)],
) -> Result<Plan, EditError> {
    let mut ids = HashSet::new();
    for p in parties {
        if p.id.trim().is_empty() || !ids.insert(p.id.as_str()) {
            return Err(EditError::NotApplicable(format!(
                "the sides given repeat or lack an id ({:?})",
                p.id
            )));
        }
    }
    let known = |party: &Option<Id>| party.as_deref().is_none_or(|p| ids.contains(p));
    if let Some((_, Some(p))) = sides.iter().chain(speaker_sides).find(|(_, p)| !known(p)) {
        return Err(EditError::NotFound(p.to_string()));
    }
    let removed: HashSet<&str> = a
        .parties
        .iter()
        .map(|p| p.id.as_str())
        .filter(|id| !ids.contains(id))
        .collect();
    let by_id =
        |list: &[(Id, Option<Id>)]| -> HashMap<Id, Option<Id>> { list.iter().cloned().collect() };
    let mut changes = relist(&a.parties, parties);
    changes.extend(resides(a, &removed, &by_id(sides), &by_id(speaker_sides)));
    Ok(Plan::new("apply the sides given", changes))
}

fn existing<'a>(a: &'a Annotations, id: &str) -> Result<&'a Party, EditError> {
    a.party(id)
        .ok_or_else(|| EditError::NotFound(id.to_string()))
}

/// A side's name, trimmed: a name (`check_name`), and not another side's (`except` is the side
/// being renamed).
fn side_name(a: &Annotations, name: &str, except: Option<&str>) -> Result<String, EditError> {
    let name = check_name("a side's name", name)?;
    let lower = name.to_lowercase();
    if a.parties
        .iter()
        .any(|p| Some(p.id.as_str()) != except && p.name.to_lowercase() == lower)
    {
        return Err(EditError::NotApplicable(format!(
            "there is already a side named {}",
            crate::article::sanitize_inline(name)
        )));
    }
    Ok(name.to_string())
}

/// The changes that turn the party list `old` into `new`: the common start is kept,
/// the rest removed last first and the new rest put in order (see the module doc).
fn relist(old: &[Party], new: &[Party]) -> Vec<Change> {
    let same = old.iter().zip(new).take_while(|(o, n)| o == n).count();
    let removes = old[same..].iter().rev().map(|p| Change::Remove {
        slot: Slot::Party,
        id: Id::from(p.id.as_str()),
    });
    let puts = new[same..]
        .iter()
        .map(|p| Change::Put(Item::Party(p.clone())));
    removes.chain(puts).collect()
}

/// The changes that take the `removed` sides off annotations and speakers and give
/// the listed ones their new side; an annotation's or speaker's origin is kept.
fn resides(
    a: &Annotations,
    removed: &HashSet<&str>,
    sides: &HashMap<Id, Option<Id>>,
    speaker_sides: &HashMap<Id, Option<Id>>,
) -> Vec<Change> {
    let side_of = |id: &str, party: &Option<Id>, given: &HashMap<Id, Option<Id>>| {
        let kept = party.clone().filter(|p| !removed.contains(p.as_str()));
        given.get(id).cloned().unwrap_or(kept)
    };
    let mut changes: Vec<Change> = all_annotations(a)
        .filter_map(|mut item| {
            let id = Id::from(item.key().1);
            let f = fields(&mut item)?;
            let side = side_of(&id, f.party, sides);
            if side == *f.party {
                return None;
            }
            *f.party = side;
            Some(Change::Put(item))
        })
        .collect();
    for s in &a.speakers {
        let side = side_of(&s.id, &s.party, speaker_sides);
        if side != s.party {
            let mut s = s.clone();
            s.party = side;
            changes.push(Change::Put(Item::Speaker(s)));
        }
    }
    changes
}

#[cfg(test)]
mod tests;
