//! Which planner makes each edit: the annotations' own edits are in `plan`, the
//! speakers' in `speakers`, the sides' in `parties`, a conflict's settling in `settle`
//! and a re-detection's merge in `redetect`.

use super::ids::{check_refs, find};
use super::plan::{
    Plan, add_position, add_quote, add_speaker, created, has, merge_speakers, modify, set_kind,
    set_span, set_status_all,
};
use super::{Edit, EditError, parties, redetect, settle, speakers};
use crate::model::{Annotations, Id, Origin};
use crate::store::history::{Change, Item};
use std::sync::Arc;

/// Works out the changes of `edit` against the current set and article text, with the
/// conflicts it settles on the way.
pub fn plan(a: &Annotations, text: &Arc<String>, edit: &Edit) -> Result<Plan, EditError> {
    let mut plan = plan_edit(a, text, edit)?;
    settle::settle_touched(a, &mut plan);
    Ok(plan)
}

fn plan_edit(a: &Annotations, text: &Arc<String>, edit: &Edit) -> Result<Plan, EditError> {
    match edit {
        Edit::AddQuote { .. }
        | Edit::AddPosition { .. }
        | Edit::Delete { .. }
        | Edit::SetKind { .. }
        | Edit::SetSide { .. }
        | Edit::SetSpeaker { .. }
        | Edit::SetStatus { .. }
        | Edit::SetNote { .. }
        | Edit::SetSpan { .. }
        | Edit::SetStatusAll { .. } => annotation_edit(a, text, edit),
        Edit::AddSpeaker { .. }
        | Edit::UpdateSpeaker(_)
        | Edit::RenameSpeaker { .. }
        | Edit::SetSpeakerRole { .. }
        | Edit::SetSpeakerSide { .. }
        | Edit::DeleteSpeaker { .. }
        | Edit::MergeSpeakers { .. } => speaker_edit(a, edit),
        Edit::PutParty(_)
        | Edit::AddParty { .. }
        | Edit::SetParty { .. }
        | Edit::MoveParty { .. }
        | Edit::DeleteParty { .. }
        | Edit::SetParties { .. } => party_edit(a, edit),
        Edit::Settle { id, value } => settle::settle(a, text, id, value.as_deref()),
        Edit::Redetect(found) => redetect::plan(a, text, found),
    }
}

/// An edit of one quote or position, or of every suggestion a filter lets through.
fn annotation_edit(a: &Annotations, text: &Arc<String>, edit: &Edit) -> Result<Plan, EditError> {
    Ok(match edit {
        Edit::AddQuote {
            start,
            end,
            kind,
            party,
            speaker,
        } => {
            check_refs(a, party.as_deref(), speaker.as_deref())?;
            add_quote(a, text, (*start, *end), *kind, party, speaker)?
        }
        Edit::AddPosition {
            start,
            end,
            party,
            speaker,
        } => {
            check_refs(a, party.as_deref(), speaker.as_deref())?;
            add_position(a, text, (*start, *end), party, speaker)?
        }
        Edit::Delete { id } => delete(a, id)?,
        Edit::SetKind { id, kind } => set_kind(a, id, *kind)?,
        Edit::SetSide { id, party } => set_side(a, id, party)?,
        Edit::SetSpeaker { id, speaker } => set_speaker(a, id, speaker)?,
        Edit::SetStatus { id, status } => modify(a, id, "set status", |f| *f.status = *status)?,
        Edit::SetNote { id, note } => {
            let note = note.clone().filter(|n| !n.is_empty());
            modify(a, id, "set note", |f| *f.note = note.clone())?
        }
        Edit::SetSpan { id, start, end } => set_span(a, text, id, *start, *end)?,
        Edit::SetStatusAll { filter, status } => set_status_all(a, filter, *status),
        _ => return Err(not_theirs(edit)),
    })
}

/// An edit of the speakers.
fn speaker_edit(a: &Annotations, edit: &Edit) -> Result<Plan, EditError> {
    match edit {
        Edit::AddSpeaker { name, role, party } => {
            check_refs(a, party.as_deref(), None)?;
            let name = super::check_name("a speaker's name", name)?;
            Ok(add_speaker(a, name, role, party))
        }
        Edit::UpdateSpeaker(s) => {
            a.speaker(&s.id)
                .ok_or_else(|| EditError::NotFound(s.id.to_string()))?;
            check_refs(a, s.party.as_deref(), None)?;
            let mut s = s.clone();
            crate::store::schema::sort_mentions(&mut s);
            Ok(Plan::new(
                "edit speaker",
                vec![Change::Put(Item::Speaker(s))],
            ))
        }
        Edit::RenameSpeaker { id, name } => speakers::rename(a, id, name),
        Edit::SetSpeakerRole { id, role } => speakers::set_role(a, id, role.as_deref()),
        Edit::SetSpeakerSide { id, party } => speakers::set_side(a, id, party.as_ref()),
        Edit::DeleteSpeaker { id } => speakers::delete(a, id),
        Edit::MergeSpeakers { from, into } => merge_speakers(a, from, into),
        _ => Err(not_theirs(edit)),
    }
}

/// An edit of the sides.
fn party_edit(a: &Annotations, edit: &Edit) -> Result<Plan, EditError> {
    match edit {
        Edit::PutParty(p) => Ok(Plan::new(
            "set party",
            vec![Change::Put(Item::Party(p.clone()))],
        )),
        Edit::AddParty { name } => {
            let (plan, id) = parties::add(a, name)?;
            Ok(created(plan, id))
        }
        Edit::SetParty { id, name, aliases } => parties::rename(a, id, name, aliases),
        Edit::MoveParty { id, to } => parties::move_to(a, id, *to),
        Edit::DeleteParty { id } => parties::delete(a, id),
        Edit::SetParties {
            parties,
            sides,
            speaker_sides,
        } => parties::replace(a, parties, sides, speaker_sides),
        _ => Err(not_theirs(edit)),
    }
}

/// Said of an edit handed to the wrong planner, which `plan_edit`'s match rules out.
fn not_theirs(edit: &Edit) -> EditError {
    EditError::NotApplicable(format!("no planner for {edit:?} here"))
}

fn delete(a: &Annotations, id: &str) -> Result<Plan, EditError> {
    let item = find(a, id)?;
    let (slot, id) = item.key();
    let id = Id::from(id);
    Ok(Plan::new("delete", vec![Change::Remove { slot, id }]))
}

/// A quote's or position's side, set by a person; the side it has is no edit.
fn set_side(a: &Annotations, id: &str, party: &Option<Id>) -> Result<Plan, EditError> {
    check_refs(a, party.as_deref(), None)?;
    if has(a, id, |f| *f.party == *party)? {
        return Ok(Plan::new("set side", Vec::new()));
    }
    modify(a, id, "set side", |f| {
        *f.party = party.clone();
        *f.origin = Origin::Manual;
    })
}

/// A quote's or position's speaker, set by a person; the speaker it has is no edit.
fn set_speaker(a: &Annotations, id: &str, speaker: &Option<Id>) -> Result<Plan, EditError> {
    check_refs(a, None, speaker.as_deref())?;
    if has(a, id, |f| *f.speaker == *speaker)? {
        return Ok(Plan::new("set speaker", Vec::new()));
    }
    modify(a, id, "set speaker", |f| {
        *f.speaker = speaker.clone();
        *f.origin = Origin::Manual;
    })
}
