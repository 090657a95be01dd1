//! Planning the edits of a speaker as the speakers panel makes them: renaming it,
//! setting its role or its side (which reaches its quotes and positions), deleting it.
//! A speaker a person edited is manual from then on, so re-detection leaves it be.

use super::EditError;
use super::plan::{Plan, all_annotations, fields};
use crate::article::sanitize_inline;
use crate::model::{Annotations, Id, Origin, Speaker, Status};
use crate::store::history::{Change, Item, Slot};

/// Renames a speaker (trimmed; the id stays, so what names it keeps it). Refused when
/// the name is not one (`check_name`) or another speaker's: two speakers of one name are merged instead.
pub(super) fn rename(a: &Annotations, id: &str, name: &str) -> Result<Plan, EditError> {
    let name = super::check_name("a speaker's name", name)?;
    let lower = name.to_lowercase();
    if let Some(other) = a
        .speakers
        .iter()
        .find(|s| s.id != id && s.name.to_lowercase() == lower)
    {
        return Err(EditError::NotApplicable(format!(
            "{} is another speaker's name: merge the two instead",
            sanitize_inline(&other.name)
        )));
    }
    let mut s = existing(a, id)?.clone();
    s.name = name.to_string();
    Ok(put_speaker(a, "rename speaker", s, Vec::new()))
}

/// Sets a speaker's role (trimmed; blank clears it).
pub(super) fn set_role(a: &Annotations, id: &str, role: Option<&str>) -> Result<Plan, EditError> {
    let mut s = existing(a, id)?.clone();
    s.role = role
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(str::to_string);
    Ok(put_speaker(a, "set speaker role", s, Vec::new()))
}

/// Sets a speaker's side and gives it to the speaker's quotes and positions that are
/// untouched suggestions, or that have no side yet and are not rejected: a side a
/// person chose for one of them stays. Their origin is kept (the side is derived).
pub(super) fn set_side(a: &Annotations, id: &str, party: Option<&Id>) -> Result<Plan, EditError> {
    if let Some(p) = party
        && a.party(p).is_none()
    {
        return Err(EditError::NotFound(p.to_string()));
    }
    let mut s = existing(a, id)?.clone();
    s.party = party.cloned();
    let reached = all_annotations(a)
        .filter_map(|mut item| {
            let untouched = untouched(&item);
            let f = fields(&mut item)?;
            let blank = f.party.is_none() && *f.status != Status::Rejected;
            let reaches = f.speaker.as_deref() == Some(id) && (untouched || blank);
            if !reaches || f.party.as_ref() == party {
                return None;
            }
            *f.party = party.cloned();
            Some(Change::Put(item))
        })
        .collect();
    Ok(put_speaker(a, "set speaker side", s, reached))
}

/// Deletes a speaker: its quotes and positions keep their text and lose the speaker,
/// and become manual (a person decided who did not say them).
pub(super) fn delete(a: &Annotations, id: &str) -> Result<Plan, EditError> {
    existing(a, id)?;
    let mut changes: Vec<Change> = all_annotations(a)
        .filter_map(|mut item| {
            let f = fields(&mut item)?;
            if f.speaker.as_deref() != Some(id) {
                return None;
            }
            *f.speaker = None;
            *f.origin = Origin::Manual;
            Some(Change::Put(item))
        })
        .collect();
    changes.push(Change::Remove {
        slot: Slot::Speaker,
        id: Id::from(id),
    });
    Ok(Plan::new("delete speaker", changes))
}

fn existing<'a>(a: &'a Annotations, id: &str) -> Result<&'a Speaker, EditError> {
    a.speaker(id)
        .ok_or_else(|| EditError::NotFound(id.to_string()))
}

/// The speaker put back, manual, after the `then` changes; nothing when it is the same.
fn put_speaker(a: &Annotations, label: &'static str, mut s: Speaker, then: Vec<Change>) -> Plan {
    if a.speaker(&s.id) == Some(&s) && then.is_empty() {
        return Plan::new(label, Vec::new());
    }
    s.origin = Origin::Manual;
    let mut changes = vec![Change::Put(Item::Speaker(s))];
    changes.extend(then);
    Plan::new(label, changes)
}

fn untouched(item: &Item) -> bool {
    match item {
        Item::Quote(q) | Item::OrphanQuote(q) => q.is_untouched(),
        Item::Position(p) | Item::OrphanPosition(p) => p.is_untouched(),
        Item::Speaker(_) | Item::Party(_) | Item::Conflict(_) => false,
    }
}
