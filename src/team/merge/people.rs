//! Parties and speakers in a merge: matched by id; two new ones that share an id but
//! not a name are two, theirs taking a fresh id (and everything that named it follows);
//! kept in order, ours first unless only theirs reordered the ones both had.

use super::items::{Found, merge_item};
use crate::model::{Annotations, ConflictTable, Id};
use crate::store::edit::{party_id, speaker_id};
use crate::store::history::Item;
use std::collections::{HashMap, HashSet};

/// Ids theirs gave to something else than ours did, and the fresh ids they get.
#[derive(Debug, Default)]
pub(super) struct Renames {
    pub parties: HashMap<Id, Id>,
    pub speakers: HashMap<Id, Id>,
}

/// Names compared as people read them: case and spacing do not matter.
fn same_name(a: &str, b: &str) -> bool {
    let key = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    key(a) == key(b)
}

/// Theirs, with a fresh id for each new party or speaker whose id ours gave to a new one
/// of another name, and every reference to it renamed.
pub(super) fn rename_theirs(
    base: &Annotations,
    ours: &Annotations,
    theirs: &Annotations,
    notes: &mut Vec<String>,
) -> (Annotations, Renames) {
    // the ids taken so far, in a set the store's id makers can look into
    let mut taken = Annotations::new(Default::default());
    taken.parties = ours
        .parties
        .iter()
        .chain(&theirs.parties)
        .cloned()
        .collect();
    taken.speakers = ours
        .speakers
        .iter()
        .chain(&theirs.speakers)
        .cloned()
        .collect();
    let mut renames = Renames::default();
    for p in &theirs.parties {
        let clash = ours.party(&p.id).filter(|o| !same_name(&o.name, &p.name));
        if base.party(&p.id).is_none() && clash.is_some() {
            let fresh = party_id(&taken, &p.name);
            let mut placeholder = p.clone();
            placeholder.id = fresh.to_string();
            taken.parties.push(placeholder);
            notes.push(format!("their new side “{}” is now “{fresh}”", p.id));
            renames.parties.insert(Id::from(p.id.as_str()), fresh);
        }
    }
    for s in &theirs.speakers {
        let clash = ours.speaker(&s.id).filter(|o| !same_name(&o.name, &s.name));
        if base.speaker(&s.id).is_none() && clash.is_some() {
            let fresh = speaker_id(&taken, &s.name);
            let mut placeholder = s.clone();
            placeholder.id = fresh.clone();
            taken.speakers.push(placeholder);
            notes.push(format!("their new speaker “{}” is now “{fresh}”", s.id));
            renames.speakers.insert(s.id.clone(), fresh);
        }
    }
    let mut renamed = theirs.clone();
    apply(&mut renamed, &renames);
    (renamed, renames)
}

/// Renames parties and speakers, and every reference to them.
fn apply(a: &mut Annotations, r: &Renames) {
    if r.parties.is_empty() && r.speakers.is_empty() {
        return;
    }
    let party = |p: &mut Option<Id>| {
        if let Some(new) = p.as_ref().and_then(|id| r.parties.get(id)) {
            *p = Some(new.clone());
        }
    };
    let speaker = |s: &mut Option<Id>| {
        if let Some(new) = s.as_ref().and_then(|id| r.speakers.get(id)) {
            *s = Some(new.clone());
        }
    };
    for p in &mut a.parties {
        if let Some(new) = r.parties.get(p.id.as_str()) {
            p.id = new.to_string();
        }
    }
    for s in &mut a.speakers {
        if let Some(new) = r.speakers.get(&s.id) {
            s.id = new.clone();
        }
        party(&mut s.party);
    }
    for q in a.quotes.iter_mut().chain(&mut a.orphan_quotes) {
        party(&mut q.party);
        speaker(&mut q.speaker);
    }
    for p in a.positions.iter_mut().chain(&mut a.orphan_positions) {
        party(&mut p.party);
        speaker(&mut p.speaker);
    }
    for c in &mut a.conflicts {
        let map = match c.table {
            ConflictTable::Party => &r.parties,
            ConflictTable::Speaker => &r.speakers,
            _ => continue,
        };
        if let Some(new) = map.get(&c.item) {
            c.item = new.clone();
        }
    }
    for c in &mut a.conflicts {
        let map = match c.field.as_str() {
            "party" => &r.parties,
            "speaker" => &r.speakers,
            _ => continue,
        };
        for v in [&mut c.base, &mut c.ours, &mut c.theirs]
            .into_iter()
            .flatten()
        {
            if let Some(new) = map.get(v.as_str()) {
                *v = new.to_string();
            }
        }
    }
}

/// The merged list of one table (parties or speakers) in the order described above.
pub(super) fn merge_list(
    table: ConflictTable,
    base: Vec<Item>,
    ours: Vec<Item>,
    theirs: Vec<Item>,
    found: &mut Vec<Found>,
) -> Vec<Item> {
    let ids = |items: &[Item]| -> Vec<Id> { items.iter().map(|i| Id::from(i.key().1)).collect() };
    let (b_ids, o_ids, t_ids) = (ids(&base), ids(&ours), ids(&theirs));
    let by_id = |items: Vec<Item>| -> HashMap<Id, Item> {
        items
            .into_iter()
            .map(|i| (Id::from(i.key().1), i))
            .collect()
    };
    let (b, o, t) = (by_id(base), by_id(ours), by_id(theirs));
    let mut out = Vec::new();
    for id in order(&b_ids, &o_ids, &t_ids) {
        if let Some(item) = merge_item(table, b.get(&id), o.get(&id), t.get(&id), found) {
            out.push(item);
        }
    }
    out
}

/// The order of a merged list: theirs' when only theirs reordered what all three had,
/// else ours'; the other side's new ones after, then what only the base still has (for
/// a deletion against a change).
fn order(base: &[Id], ours: &[Id], theirs: &[Id]) -> Vec<Id> {
    let common: HashSet<&Id> = base
        .iter()
        .filter(|id| ours.contains(id) && theirs.contains(id))
        .collect();
    let of = |list: &[Id]| -> Vec<Id> {
        list.iter()
            .filter(|id| common.contains(id))
            .cloned()
            .collect()
    };
    let (first, second) = if of(ours) == of(base) && of(theirs) != of(base) {
        (theirs, ours)
    } else {
        (ours, theirs)
    };
    let mut out: Vec<Id> = Vec::with_capacity(first.len() + second.len());
    let mut seen = HashSet::new();
    for id in first.iter().chain(second).chain(base) {
        if seen.insert(id.clone()) {
            out.push(id.clone());
        }
    }
    out
}

/// The parties as items.
pub(super) fn parties(a: &Annotations) -> Vec<Item> {
    a.parties.iter().cloned().map(Item::Party).collect()
}

/// The speakers as items.
pub(super) fn speakers(a: &Annotations) -> Vec<Item> {
    a.speakers.iter().cloned().map(Item::Speaker).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(s: &str) -> Vec<Id> {
        s.split_whitespace().map(Id::from).collect()
    }

    #[test]
    fn order_follows_theirs_only_when_only_theirs_reordered() {
        assert_eq!(
            order(&ids("a b c"), &ids("a b c d"), &ids("c a b e")),
            ids("c a b e d")
        );
        assert_eq!(
            order(&ids("a b c"), &ids("b a c"), &ids("c a b")),
            ids("b a c")
        );
        assert_eq!(
            order(&ids("a b c"), &ids("a c"), &ids("a b c")),
            ids("a c b")
        );
    }
}
